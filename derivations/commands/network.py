"""``network``: a per-layer cost table for a built-in CNN or a user's layer list."""

from __future__ import annotations

import argparse

DTYPES = ("float16", "float32", "float64")
FALLBACK_CHANNELS, FALLBACK_SIZE = 3, 224  # a user's file without "input"


def register(sub) -> None:
    parser = sub.add_parser(
        "network", help="per-layer parameters, MACs, FLOPs and activations of a CNN",
        description="Tabulate a built-in network (see --list) or a layer list from a JSON or "
                    "YAML file. MACs count convolution and linear layers only (torchvision's "
                    "published multiply-adds); FLOPs = 2 x MACs (torch.utils.flop_counter); "
                    "other layers' own operations are in 'ops'.")
    parser.add_argument("name", nargs="?", help="a built-in network (see --list)")
    parser.add_argument("--file", metavar="PATH", help="a layer list (.json, .yaml, .yml)")
    parser.add_argument("--list", action="store_true", help="list the built-in networks")
    parser.add_argument("--batch", type=int, default=1, metavar="N", help="batch size (default 1)")
    parser.add_argument("--input", type=int, metavar="SIZE",
                        help="input height = width (default: the network's own; "
                             f"{FALLBACK_SIZE} for a file without 'input')")
    parser.add_argument("--dtype", choices=DTYPES, default="float32",
                        help="element type for bytes (default float32)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def _network(args):
    from derivations.errors import DerivationError
    from derivations.networks import model_network, parse_network, read_layer_file

    if args.input is not None and args.input < 1:
        raise DerivationError(f"--input {args.input} must be a positive integer")
    if args.file and args.name:
        raise DerivationError(f"give a network name ({args.name!r}) or --file, not both")
    if args.file:
        layers = read_layer_file(args.file)
        shape = layers.input or [FALLBACK_CHANNELS, FALLBACK_SIZE, FALLBACK_SIZE]
        if args.input is not None and isinstance(shape, list) and len(shape) == 3:
            shape = [shape[0], args.input, args.input]
        return parse_network(layers.rows, shape, layers.name)
    if not args.name:
        raise DerivationError("name a network (see --list) or give --file PATH")
    return model_network(args.name, args.input)


def network_report(table, dtype: str = "float32") -> dict:
    """The JSON-ready table: rows, totals, shares, bytes and the conventions."""
    import numpy as np

    from derivations.networks.kinds import KINDS, Activation

    itemsize = np.dtype(dtype).itemsize
    totals = table.totals
    shares = ("params", "macs", "activations")
    rows = [{"name": r.name, "kind": r.kind, "output_shape": list(r.output_shape),
             "params": r.params, "macs": r.macs, "flops": r.flops, "ops": r.ops,
             "activations": r.activations,
             "share": {k: table.share(r, k) for k in shares}} for r in table.rows]
    conventions = {name: kind.convention for name, kind in KINDS.items()}
    conventions["relu/sigmoid/tanh"] = Activation.convention
    conventions["activations"] = ("elements of the tensor each layer newly writes, batch "
                                  "included; 0 for views and identities")
    return {"network": table.network, "input_shape": list(table.input_shape), "dtype": dtype,
            "layers": rows, "totals": totals,
            "bytes": {"params": totals["params"] * itemsize,
                      "activations": totals["activations"] * itemsize},
            "conventions": conventions}


def _human(value: int) -> str:
    for size, suffix in ((10**9, "G"), (10**6, "M"), (10**3, "k")):
        if value >= size:
            return f"{value / size:.3f}{suffix}"
    return str(value)


def _text(report: dict) -> str:
    header = ("layer", "kind", "output shape", "params", "%", "MACs", "%", "FLOPs", "ops",
              "activations", "%")
    body = []
    for r in report["layers"]:
        s = r["share"]
        body.append((r["name"], r["kind"], "x".join(map(str, r["output_shape"])),
                     f"{r['params']:,}", f"{100 * s['params']:.1f}", f"{r['macs']:,}",
                     f"{100 * s['macs']:.1f}", f"{r['flops']:,}", f"{r['ops']:,}",
                     f"{r['activations']:,}", f"{100 * s['activations']:.1f}"))
    t = report["totals"]
    body.append(("total", "", "", f"{t['params']:,}", "100", f"{t['macs']:,}", "100",
                 f"{t['flops']:,}", f"{t['ops']:,}", f"{t['activations']:,}", "100"))
    widths = [max(len(row[i]) for row in (header, *body)) for i in range(len(header))]
    left = 3  # name, kind and shape are left-aligned
    fmt = lambda row: "  ".join(  # noqa: E731
        c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
    lines = [f"{report['network']}: input {'x'.join(map(str, report['input_shape']))}", "",
             fmt(header), fmt(tuple("-" * w for w in widths))]
    lines += [fmt(row) for row in body[:-1]] + [fmt(tuple("-" * w for w in widths)),
                                                 fmt(body[-1]), ""]
    b = report["bytes"]
    lines.append(f"totals: {_human(t['params'])} parameters ({b['params']:,} bytes "
                 f"{report['dtype']}), {_human(t['macs'])} MACs, {_human(t['flops'])} FLOPs, "
                 f"{_human(t['activations'])} activation elements ({b['activations']:,} bytes)")
    lines += ["", "conventions:"] + [f"  {k}: {v}" for k, v in report["conventions"].items()]
    return "\n".join(lines)


def _listing() -> str:
    from derivations.networks import MODELS

    width = max(map(len, MODELS))
    return "\n".join(f"{m.name:<{width}}  {m.title}: {m.source}" for m in MODELS.values())


def run(args) -> int:
    import json

    from derivations.networks import tabulate

    if args.list:
        print(_listing())
        return 0
    report = network_report(tabulate(_network(args), args.batch), args.dtype)
    print(json.dumps(report, indent=2) if args.json else _text(report))
    return 0
