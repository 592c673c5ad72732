"""``python -m derivations check --question ID --answer TEXT``: check one answer.

Exit status: 0 equivalent (with or without a convention), 1 not equivalent, 2 invalid
input or usage.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="check one student answer against the derived closed form",
        description="Check one answer. Exit 0: equivalent (perhaps under a named "
                    "convention); 1: not equivalent; 2: invalid input or usage.")
    parser.add_argument("--question", required=True, help="question id (see `questions`)")
    parser.add_argument("--answer", required=True,
                        help="the formula as the student wrote it (or name = formula); "
                             "one that starts with '-' must be attached: --answer=-c_i")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


LABELS = {
    "en": ("question", "answer", "read as", "LaTeX", "verdict", "conventions", "note",
           "reference", "in input symbols", "counterexample", "difference", "misconception",
           "feedback"),
    "zh": ("题目", "答案", "读作", "LaTeX", "结论", "约定", "说明", "参考答案", "用输入符号表示",
           "反例", "差", "错误类型", "反馈"),
}


def _readable(result, text: str, lang: str) -> str:
    from derivations.checking.explaining.feedback import (convention_text, layer_text, note_text, reference_text,
                                     verdict_text)
    label = dict(zip(LABELS["en"], LABELS[lang]))
    lines = [f"{label['question']}: {result.question}", f"{label['answer']}: {result.answer}"]
    if result.parsed:
        lines += [f"{label['read as']}: {result.parsed['text']}",
                  f"{label['LaTeX']}: {result.parsed['latex']}"]
    lines.append(f"{label['verdict']}: {result.verdict} ({verdict_text(result.verdict, lang)})")
    for name in result.conventions:
        lines.append(f"{label['conventions']}: {name} - {convention_text(name, lang)}")
    for name in result.notes:
        lines.append(f"{label['note']}: {note_text(name, lang)}")
    if result.reference:
        lines.append(f"{label['reference']}: {reference_text(result.reference, lang)}")
        if result.reference["expanded"] != result.reference["text"]:
            lines.append(f"{label['in input symbols']}: {result.reference['expanded']}")
    if result.counterexample:
        example = result.counterexample
        lines.append(f"{label['counterexample']}: {layer_text(example['layer'])} -> "
                     f"{example['reference']} vs {example['answer']}")
    if result.difference:
        lines.append(f"{label['difference']}: {result.difference['text']}")
    if result.misconception:
        lines.append(f"{label['misconception']}: {result.misconception}")
    lines.append(f"{label['feedback']}: {text}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    import json

    from derivations.checking import EXIT_STATUS, check, feedback
    from derivations.checking.explaining.feedback import convention_text, misconception_text, note_text
    result = check(args.question, args.answer)
    text = feedback(result, args.lang)
    if args.json:
        data = result.as_dict()
        data["conventions"] = [{"id": c, "text": convention_text(c, args.lang)}
                               for c in result.conventions]
        data["notes"] = [{"id": c, "text": note_text(c, args.lang)} for c in result.notes]
        data["misconception"] = None if not result.misconception else {
            "id": result.misconception,
            "text": misconception_text(result.misconception, args.lang, direction="")}
        data["reference"]["convention"] = result.reference["convention"][args.lang]
        data["feedback"] = text
        data["lang"] = args.lang
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(_readable(result, text, args.lang))
    return EXIT_STATUS[result.verdict]
