"""``python -m derivations SUBCOMMAND``: a thin argparse front over the package.

Each module in :mod:`derivations.commands` registers one subcommand with
``register(subparsers)`` and sets ``func``; heavy imports stay inside ``func`` so that
start-up (and ``--help``) stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

from derivations import commands
from derivations.errors import DerivationError

__all__ = ["main", "build_parser", "terminal_columns", "Formatter", "OneLineParser"]


def terminal_columns() -> int:
    """The width ``shutil.get_terminal_size`` gives (``$COLUMNS`` when a positive
    number, else the width of the terminal on standard output, else 80), without
    importing :mod:`shutil` (and the bz2, lzma and fnmatch modules it imports)."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as argparse makes it: argparse builds one for
    every argument added (to check its metavar), and its own sizes itself with
    :mod:`shutil`, which a ``check`` would otherwise import for that alone."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line naming the bad value (``--help`` shows the usage); help
    laid out by :class:`Formatter` unless another formatter is asked for."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand; of only the one ``argv`` names first, when it
    names one (each command module is imported to register it: a ``check`` does not
    pay for importing ``grade``'s rubric or ``network``'s model zoo)."""
    parser = OneLineParser(
        prog="derivations",
        description="Derived, executed and checkable costs of a convolution layer "
        "(d2l.ai 'Multiple Input and Multiple Output Channels').",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    if (
        argv
        and argv[0].isidentifier()
        and importlib.util.find_spec(f"{commands.__name__}.{argv[0]}")
    ):
        names = [argv[0]]
    else:
        import pkgutil  # every subcommand: only when the one asked for is not known

        names = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    for name in names:
        importlib.import_module(f"{commands.__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DerivationError as error:
        lang = getattr(args, "lang", "en")
        message = error.text(lang if isinstance(lang, str) else "en")
        print(f"derivations {args.command}: error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed: not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"derivations {args.command}: interrupted", file=sys.stderr)
        return 130
