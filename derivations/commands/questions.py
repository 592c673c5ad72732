"""``python -m derivations questions``: the catalogue of checkable questions."""

from __future__ import annotations

import argparse

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "questions", help="list the questions answers can be checked against",
        description="List the question ids for `check` and `grade`, with each question's "
                    "exercise number in the Chinese (zh.d2l.ai 6.4) and English (d2l.ai) "
                    "editions.")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.set_defaults(func=run)


def _number(value) -> str:
    return "-" if value is None else str(value)


def run(args: argparse.Namespace) -> int:
    import json

    from derivations.registry.questions import BOOK_CONVENTION, QUESTIONS
    if args.json:
        print(json.dumps([{"id": q.id, "numbers": q.numbers, "title": q.title,
                           "reference": q.reference, "big_o_accepted": q.big_o}
                          for q in QUESTIONS.values()], ensure_ascii=False, indent=1))
        return 0
    head = ("id", "zh", "en", "question") if args.lang == "en" else ("编号", "中文版", "英文版", "题目")
    width = max(len(q) for q in QUESTIONS) + 2
    print(f"{head[0]:<{width}}{head[1]:>6}{head[2]:>6}  {head[3]}")
    for q in QUESTIONS.values():
        print(f"{q.id:<{width}}{_number(q.numbers['zh']):>6}{_number(q.numbers['en']):>6}"
              f"  {q.title[args.lang]}")
    note = {"en": "References use the book's conventions: ",
            "zh": "参考答案采用书中的约定："}[args.lang]
    print("\n" + note + BOOK_CONVENTION[args.lang])
    return 0
