"""``python -m derivations questions``: the catalogue of checkable questions."""

from __future__ import annotations

import argparse

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "questions",
        help="list the questions answers can be checked against",
        description="List the question ids for `check` and `grade`, with each question's "
        "exercise number in the Chinese (zh.d2l.ai 6.4) and English (d2l.ai) "
        "editions.",
    )
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument(
        "--build",
        action="store_true",
        help="derive now every question's reference that is neither prebuilt with the "
        "package nor cached (done automatically, announced, at first use)",
    )
    parser.add_argument(
        "--write-prebuilt",
        nargs="?",
        const="",
        default=None,
        metavar="DIR",
        help="derive every question afresh and write the prebuilt files shipped with "
        "the package (default DIR: the package's prebuilt/checking folder; run after "
        "changing what a derivation depends on, and commit them)",
    )
    parser.set_defaults(func=run)


def _number(value) -> str:
    return "-" if value is None else str(value)


def run(args: argparse.Namespace) -> int:
    import json

    from derivations.messages import text
    from derivations.registry.questions import QUESTIONS

    if args.write_prebuilt is not None:
        import sys

        from derivations.checking.deciding.catalogue import write_prebuilt

        written = write_prebuilt(args.write_prebuilt or None, stream=sys.stderr)
        print(
            text(
                "startup.prebuilt_written",
                args.lang,
                count=len(written),
                folder=written[0].parent if written else args.write_prebuilt,
            )
        )
        return 0
    if args.build:
        from derivations.checking.deciding.prebuild import build_all, missing

        build_all(missing(), lang=args.lang)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": q.id,
                        "exercise": q.exercise,
                        "numbers": q.numbers,
                        "title": q.title,
                        "reference": q.recipe.description(),
                        "misconceptions": list(q.misconceptions),
                        "big_o_accepted": q.big_o,
                    }
                    for q in QUESTIONS.values()
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    head = tuple(
        text(f"checker.label.{key}", args.lang)
        for key in ("id", "zh_edition", "en_edition", "question")
    )
    width = max(len(q) for q in QUESTIONS) + 2
    print(f"{head[0]:<{width}}{head[1]:>6}{head[2]:>6}  {head[3]}")
    for q in QUESTIONS.values():
        print(
            f"{q.id:<{width}}{_number(q.numbers['zh']):>6}{_number(q.numbers['en']):>6}"
            f"  {q.title[args.lang]}"
        )
    print(
        "\n"
        + text(
            "checker.phrase.references_use",
            args.lang,
            conventions=text("checker.book_conventions", args.lang),
        )
    )
    return 0
