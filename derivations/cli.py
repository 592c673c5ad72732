"""``python -m derivations SUBCOMMAND``: a thin argparse front over the package.

Each module in :mod:`derivations.commands` registers one subcommand with
``register(subparsers)`` and sets ``func``; heavy imports stay inside ``func`` so that
start-up (and ``--help``) stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from derivations import commands
from derivations.errors import DerivationError

__all__ = ["main", "build_parser"]


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line naming the bad value (``--help`` shows the usage)."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="derivations",
        description="Derived, executed and checkable costs of a convolution layer "
        "(d2l.ai 'Multiple Input and Multiple Output Channels').",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
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
