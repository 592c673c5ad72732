"""``network``: a per-layer cost table for a built-in CNN, a user's layer list or a
PyTorch model."""

from __future__ import annotations

import contextlib
import math
import signal
import threading

from derivations.registry.dtypes import DEFAULT_DTYPE, DTYPES

FALLBACK_CHANNELS, FALLBACK_SIZE = 3, 224  # a user's file without "input"
MAX_INPUT_CHARS = 80
TORCH_SECONDS = 120.0  # reading a --torch model: a forward that never ends stops here


def register(sub) -> None:
    from derivations.messages import text

    parser = sub.add_parser(
        "network",
        help="per-layer parameters, MACs, FLOPs, exact counts, activations and "
        "saved tensors of a CNN",
        description="Tabulate a built-in network (see --list), a layer list from a JSON or "
        "YAML file (format: derivations/networks/schema.json) or a PyTorch model "
        "(--torch). MACs count convolution and linear layers only (torchvision's "
        "published multiply-adds); FLOPs = 2 x MACs (torch.utils.flop_counter); "
        "mults and adds are the section's exact counting. " + text("network.table.padding", "en"),
    )
    parser.add_argument("name", nargs="?", help="a built-in network (see --list)")
    parser.add_argument(
        "--file",
        metavar="PATH",
        help="a layer list (.json, .yaml, .yml; padding per side unless a "
        "row says padding_convention: total)",
    )
    parser.add_argument(
        "--torch",
        metavar="MODULE:FACTORY",
        help="a PyTorch model: FACTORY() from MODULE, built on the meta "
        "device, run on meta tensors (or --device cpu), every aten call counted (needs "
        "--input)",
    )
    parser.add_argument(
        "--device",
        choices=("meta", "cpu"),
        default="meta",
        help="where a --torch model runs: meta (default; shapes only, nothing allocated) or "
        "cpu (real tensors, for a forward that needs values, as a detector's "
        "post-processing: built on the CPU with its weights drawn from --seed, the input "
        "drawn uniformly from [0, 1) from --seed; the counts are then that input's)",
    )
    parser.add_argument(
        "--eval",
        action="store_true",
        help="read a --torch model in eval mode (default: training, whose saved tensors "
        "the table counts; a detector in training needs targets, so read it so)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="with --device cpu: the seed of the weights and the input (default 0)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=TORCH_SECONDS,
        metavar="SECONDS",
        help=f"wall-clock limit on reading a --torch model: importing its module, building "
        f"it and tracing its forward (default {TORCH_SECONDS:g} s); a model still being read "
        "then stops with one line",
    )
    parser.add_argument("--list", action="store_true", help="list the built-in networks")
    parser.add_argument("--batch", type=int, default=1, metavar="N", help="batch size (default 1)")
    parser.add_argument("--input", metavar="SHAPE", help=text("network.help.input", "en"))
    parser.add_argument(
        "--dtype",
        choices=DTYPES,
        default=DEFAULT_DTYPE,
        help="element type for bytes (default float32)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--wide",
        action="store_true",
        help="every column, however wide (default: fit the terminal's width when printing to one)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        default="en",
        help="language of errors and of the table's notes (default en; column names, "
        "kinds and each kind's counting note stay English, as does the JSON)",
    )
    parser.set_defaults(func=run)


def parse_input(value: str | None) -> tuple[int, ...] | None:
    """``--input``: ``224`` (height = width) or ``3x224x224``; ``None`` when not given."""
    from derivations.errors import DerivationError
    from derivations.networks.rows import clipped

    if value is None:
        return None
    parts = value.strip().lower().split("x")
    if (
        len(value) > MAX_INPUT_CHARS
        or not 1 <= len(parts) <= 4
        or not all(p.isascii() and p.isdigit() for p in parts)
    ):
        raise DerivationError(key="network.bad_input_flag", value=clipped(value))
    sizes = tuple(int(p) for p in parts)
    if any(s < 1 for s in sizes):
        raise DerivationError(
            key="network.input_not_positive"
            if len(sizes) == 1
            else "network.input_axis_not_positive",
            value=clipped(value),
        )
    return sizes


def _resize(shape, sizes):
    """The input shape with ``--input`` applied: a SIZE sets height and width."""
    if sizes is None:
        return shape
    if len(sizes) == 1:
        return (
            [shape[0], sizes[0], sizes[0]]
            if isinstance(shape, (list, tuple)) and len(shape) == 3
            else shape
        )
    return list(sizes)


def _table(args):
    from derivations.errors import DerivationError
    from derivations.networks import get_model, parse_network, read_layer_file, tabulate

    sizes = parse_input(args.input)
    given = [
        flag
        for flag, value in (
            ("a network name", args.name),
            ("--file", args.file),
            ("--torch", args.torch),
        )
        if value
    ]
    if len(given) > 1:
        raise DerivationError(key="network.sources_clash", given=" and ".join(given))
    if args.torch:
        from derivations.networks.torch import from_torch, load_factory

        if sizes is None or len(sizes) == 1:
            raise DerivationError(key="network.torch_needs_input")
        with _time_limit(args.time_limit, args.torch):
            model = load_factory(args.torch, args.device, args.seed)
            return from_torch(
                model,
                sizes,
                args.batch,
                name=args.torch,
                train=not args.eval,
                device=args.device,
                seed=args.seed,
            )
    if args.file:
        layers = read_layer_file(args.file)
        shape = layers.input or [FALLBACK_CHANNELS, FALLBACK_SIZE, FALLBACK_SIZE]
        return tabulate(parse_network(layers.rows, _resize(shape, sizes), layers.name), args.batch)
    if not args.name:
        raise DerivationError(key="network.no_source")
    model = get_model(args.name)
    return tabulate(
        parse_network(model.build(), _resize(model.input, sizes), model.name, validate=False),
        args.batch,
    )  # our own rows


class _TimeUp(BaseException):
    """The --time-limit alarm: a BaseException, so that a model's own ``except
    Exception`` cannot swallow it."""


@contextlib.contextmanager
def _time_limit(seconds: float, spec: str):
    """Stop the block after ``seconds`` of wall-clock time (SIGALRM, main thread only;
    torch is imported first: its own import time is not the model's)."""
    from derivations.errors import DerivationError
    from derivations.networks.rows import clipped
    from derivations.networks.torch import _torch

    if not (math.isfinite(seconds) and seconds > 0):
        raise DerivationError(key="network.bad_time_limit", value=f"{seconds:g}")
    _torch()
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def up(number, frame):
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _TimeUp:
        raise DerivationError(
            key="network.torch_time_limit", value=clipped(spec), seconds=f"{seconds:g}"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _listing() -> str:
    from derivations.networks import MODELS

    width = max(map(len, MODELS))
    return "\n".join(f"{m.name:<{width}}  {m.title}: {m.source}" for m in MODELS.values())


def run(args) -> int:
    import json

    from derivations.networks.report import network_report, text_table

    if args.list:
        print(_listing())
        return 0
    table = _table(args)
    if args.json:
        print(json.dumps(network_report(table, args.dtype), indent=2))
    else:
        print(text_table(table, args.dtype, args.lang, None if args.wide else terminal_width()))
    return 0


def terminal_width() -> int | None:
    """The width to fit: ``COLUMNS`` when set, else the terminal's when stdout is one;
    ``None`` (every column) when printing to a file or a pipe."""
    import os
    import shutil
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


__all__ = ["parse_input", "register", "run", "terminal_width"]
