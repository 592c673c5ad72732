"""``cost``: every closed form at one concrete layer, as a table or JSON."""

from __future__ import annotations

import argparse

from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPE_BYTES, DTYPES

_SIZES = [
    ("batch", "n", 1),
    ("ci", "c_i", None),
    ("co", "c_o", None),
    ("h", "h", None),
    ("w", "w", None),
    ("kh", "k_h", None),
    ("kw", "k_w", None),
    ("ph", "p_h", 0),
    ("pw", "p_w", 0),
    ("sh", "s_h", 1),
    ("sw", "s_w", 1),
    ("dh", "d_h", 1),
    ("dw", "d_w", 1),
    ("groups", "g", 1),
]


def _integer(text: str) -> int:
    """An integer argument; a too-long or malformed one named in one short line."""
    from derivations.messages import text as message
    from derivations.numbers import digit_limit, shown

    limit = digit_limit()
    if limit and len(text.strip().lstrip("+-").replace("_", "")) > limit:
        raise argparse.ArgumentTypeError(
            message("cli.too_many_digits", "en", value=shown(text), limit=limit)
        )
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            message("cli.invalid_integer", "en", value=shown(text))
        ) from None


def register(sub) -> None:
    parser = sub.add_parser(
        "cost",
        help="operation counts and memory of one layer",
        description="Closed forms evaluated at one layer. Defaults follow the book: total "
        "padding, stride 1, dilation 1, groups 1, no bias, float32.",
    )
    for flag, symbol, default in _SIZES:
        parser.add_argument(
            f"--{flag}",
            type=_integer,
            required=default is None,
            default=default,
            metavar=symbol.upper() if flag == "batch" else symbol,
            help=f"{symbol}" + ("" if default is None else f" (default {default})"),
        )
    parser.add_argument(
        "--bias",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="the layer has a bias (default: no)",
    )
    parser.add_argument(
        "--padding-convention",
        choices=("total", "per-side"),
        default="total",
        help="total: p rows in all (the book); per-side: p on each side (PyTorch). Default total",
    )
    parser.add_argument(
        "--dtype",
        choices=DTYPES,
        default=DEFAULT_DTYPE,
        help="element type for bytes (default float32)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        default="en",
        help="language of the labels, the stated conventions and errors (default en)",
    )
    parser.set_defaults(func=run)


def _layer(args):
    from derivations.model import Layer

    return Layer(
        c_i=args.ci,
        c_o=args.co,
        h=args.h,
        w=args.w,
        k_h=args.kh,
        k_w=args.kw,
        p_h=args.ph,
        p_w=args.pw,
        s_h=args.sh,
        s_w=args.sw,
        d_h=args.dh,
        d_w=args.dw,
        groups=args.groups,
        batch=args.batch,
        bias=args.bias,
        padding_convention=args.padding_convention,
    )


def _conventions(layer, lang: str) -> dict:
    """What the report's numbers count, in ``lang``: the registry's counting rules and
    the padding convention of ``layer``."""
    from derivations.messages import text
    from derivations.registry.counting import Counting, describe

    adds = describe(Counting.EXACT, lang)
    if layer.bias:
        adds += "; " + describe(Counting.EXACT_BIAS, lang)
    return {
        "padding": text(f"cost.padding.{layer.padding_convention}", lang),
        "adds": adds,
        "macs": describe(Counting.MACS, lang),
        "flops": describe(Counting.FLOPS, lang) + "; " + text("cost.flops_backward", lang),
        "padding_products": text("cost.padding_products", lang),
        "backward": text("cost.backward", lang),
        "memory": text("sheets.memory_model", lang),
    }


def cost_report(layer, dtype: str = "float32", lang: str = "en") -> dict:
    """The JSON-ready report of one layer (all values from the closed forms; the
    conventions stated in ``lang``)."""
    from derivations.closed_forms import evaluate_all
    from derivations.registry.forms import Form, op_form

    v = evaluate_all(layer)
    itemsize = DTYPE_BYTES[dtype]

    def pick(prefix, names):
        return {name: v[Form(f"{prefix}_{name}")] for name in names}

    memory = pick(
        "memory",
        (
            "params",
            "weights",
            "bias",
            "input",
            "output",
            "saved_for_backward",
            "grad_dy",
            "grad_dx",
            "grad_dw",
            "grad_db",
            "peak_forward",
            "peak_backward",
        ),
    )
    backward = pick("backward", ("mults", "adds", "ops", "macs", "flops"))
    for grad in ("dx", "dw", "db"):
        backward[grad] = {kind: v[op_form("backward", kind, grad)] for kind in ("mults", "adds")}
    return {
        "layer": layer.as_dict(),
        "output_shape": list(layer.output_shape),
        "forward": pick("forward", ("mults", "adds", "ops", "macs", "flops")),
        "backward": backward,
        "memory": memory,
        "memory_bytes": {k: n * itemsize for k, n in memory.items()},
        "dtype": dtype,
        "conventions": _conventions(layer, lang),
    }


def printable_numbers(value):
    """``value`` with every integer that is too long to write out in digits replaced by
    its scientific form (a string), for JSON."""
    from derivations.numbers import json_number

    if isinstance(value, dict):
        return {k: printable_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable_numbers(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return json_number(value)
    return value


def _table(report: dict, lang: str = "en") -> str:
    from derivations.messages import text
    from derivations.numbers import grouped, json_number

    shape = ", ".join(str(json_number(n)) for n in report["output_shape"])
    rows = [(text("cost.row.output_shape", lang), f"[{shape}]")]
    for part in ("forward", "backward"):
        for name, value in report[part].items():
            if isinstance(value, dict):
                rows += [(f"{part} {name} {k}", grouped(v)) for k, v in value.items()]
            else:
                rows.append((f"{part} {name}", grouped(value)))
    size = report["memory_bytes"]
    rows += [
        (text("cost.row.memory", lang, name=k), f"{grouped(v)} / {grouped(size[k])}")
        for k, v in report["memory"].items()
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines.append("")
    lines.append(f"{text('cost.row.dtype', lang)}: {report['dtype']}")
    lines += [f"{k}: {v}" for k, v in report["conventions"].items()]
    return "\n".join(lines)


def run(args) -> int:
    import json

    # JSON is for programs: its stated conventions stay English (as `network --json`)
    report = cost_report(_layer(args), args.dtype, "en" if args.json else args.lang)
    print(
        json.dumps(printable_numbers(report), indent=2) if args.json else _table(report, args.lang)
    )
    return 0
