"""``python -m derivations check --question ID --answer TEXT``: check one answer.

Exit status: 0 equivalent (with or without an assumption), 4 right only at some layers
(the floor left out), 1 not equivalent, 2 invalid input or usage, 3 an internal error of
the checker (the answer is not to blame).
``--reveal`` (default ``hint``, for students) says how much is shown: ``none`` the
verdict only, ``hint`` the diagnosis, misconception and a counterexample,
``answer`` also the reference and the difference.  ``--validate`` prints how the
answer was read and stops.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run", "checked", "json_text", "VALIDATE_EXIT"]

VALIDATE_EXIT = {"read": 0, "unreadable": 2}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check one student answer against the derived closed form",
        description="Check one answer. Exit 0: equivalent (perhaps under a named "
        "assumption); 4: right only at some layers (the floor left out, right where the "
        "stride divides); 1: not equivalent; 2: invalid input or usage; "
        "3: internal error of the checker.",
    )
    parser.add_argument("--question", required=True, help="question id (see `questions`)")
    parser.add_argument(
        "--answer",
        required=True,
        help="the formula as the student wrote it (or name = formula); "
        "one that starts with '-' must be attached: --answer=-c_i",
    )
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument(
        "--reveal",
        choices=("none", "hint", "answer"),
        default="hint",
        help="how much feedback shows: none (verdict only), hint (default: "
        "diagnosis, misconception, counterexample; no reference), "
        "answer (also the reference and the difference)",
    )
    parser.add_argument(
        "--validate", action="store_true", help="only print how the answer was read, then stop"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def _not_utf8(answer: str):
    """(byte, column) of the first byte that was not UTF-8 in the command line (Python
    hands such bytes over as lone surrogates), or None."""
    for column, char in enumerate(answer, 1):
        if 0xDC80 <= ord(char) <= 0xDCFF:
            return f"0x{ord(char) - 0xDC00:02x}", column
    return None


def _unreadable(question: str, answer: str, byte: str, column: int):
    from derivations.checking.result import Result
    from derivations.messages import text

    fields = {"byte": byte, "column": column}
    return Result(
        question,
        answer,
        "invalid_input",
        error={
            "reason": text("checker.reason.not_utf8", "en", **fields),
            "position": None,
            "id": "checker.reason.not_utf8",
            "fields": {k: str(v) for k, v in fields.items()},
        },
    )


def _line(key: str, value: str, lang: str) -> str:
    from derivations.checking.explaining.wording import label

    return f"{label(key, lang)}: {value}"


def _readable(result, feedback_text: str, lang: str, reveal: str) -> str:
    from derivations.checking.explaining.feedback import (
        assumption_text,
        layer_text,
        note_text,
        one_line,
        reference_text,
        verdict_text,
    )
    from derivations.checking.explaining.wording import ids_text, misconception_title

    lines = [
        _line("question", result.question, lang),
        _line("answer", one_line(result.answer, 600), lang),
    ]
    if result.parsed:
        lines += [
            _line("read_as", result.parsed["text"], lang),
            _line("LaTeX", result.parsed["latex"], lang),
        ]
    # an answer right only at some layers: its verdict said in the page's plain words
    said = verdict_text("restricted" if result.restricted else result.verdict, lang)
    lines.append(_line("verdict", f"{result.verdict} ({said})", lang))
    if reveal != "none":
        for name in result.assumptions:
            lines.append(_line("conventions", f"{name} - {assumption_text(name, lang)}", lang))
        for name in result.notes:
            lines.append(_line("note", note_text(name, lang), lang))
    if result.reference and reveal == "answer":
        lines.append(_line("reference", reference_text(result.reference, lang), lang))
        if result.reference["expanded"] != result.reference["text"]:
            lines.append(_line("in_input_symbols", result.reference["expanded"], lang))
    if result.counterexample and reveal != "none":
        example = result.counterexample
        under = example.get("conventions")  # the value compared is a convention's
        lines.append(
            _line(
                "counterexample",
                f"{layer_text(example['layer'], lang, example.get('derived', ()))} -> "
                f"{example['answer']} vs {example['reference']}"
                + (f" ({ids_text(under, lang)})" if under else ""),
                lang,
            )
        )
    if result.difference and reveal == "answer":
        lines.append(_line("difference", result.difference["text"], lang))
    if result.misconception and reveal != "none":
        lines.append(
            _line(
                "misconception",
                f"{result.misconception} - {misconception_title(result.misconception, lang)}",
                lang,
            )
        )
    lines.append(_line("feedback", one_line(feedback_text, 10_000), lang))
    return "\n".join(lines)


def json_text(result, feedback_text: str, lang: str, reveal: str) -> str:
    """The JSON object ``check --json`` prints for ``result`` and its feedback words."""
    import json

    from derivations.checking.explaining.feedback import (
        assumption_text,
        misconception_text,
        note_text,
    )
    from derivations.checking.explaining.wording import misconception_title
    from derivations.messages import text

    data = result.as_dict()
    # bytes that were not UTF-8 (lone surrogates) shown as \xNN: printable as UTF-8
    data["answer"] = result.answer.encode("utf-8", "surrogateescape").decode(
        "utf-8", "backslashreplace"
    )
    data["conventions"] = [{"id": c, "text": assumption_text(c, lang)} for c in result.assumptions]
    data["notes"] = [{"id": c, "text": note_text(c, lang)} for c in result.notes]
    data["misconception"] = (
        None
        if not result.misconception or reveal == "none"
        else {
            "id": result.misconception,
            "title": misconception_title(result.misconception, lang),
            # under "hint" the hint, as the readable output and the page show it: the
            # explanation may name the reference
            "text": misconception_text(result.misconception, lang, reveal, direction=""),
        }
    )
    if data["reference"] is not None:
        data["reference"]["convention"] = text("checker.book_conventions", lang)
    if reveal != "answer":
        data["reference"], data["difference"] = None, None
    if reveal == "none":
        data["counterexample"], data["diagnosis"] = None, []
    data.update(feedback=feedback_text, lang=lang, reveal=reveal)
    return json.dumps(data, ensure_ascii=False, indent=1)


def _note_lines(notes, lang: str) -> list[str]:
    from derivations.messages import text

    return [_line("note", text(note["id"], lang, **note["fields"]), lang) for note in notes]


def _validate(args) -> int:
    """Print how the answer was read (checker-read's :func:`read_answer`; where that
    refuses it or leaves letters unnamed, the checker's reading or refusal, as ``check``
    gives them: :func:`_inferred`) and stop."""
    import json

    from derivations.checking.explaining.feedback import one_line, reason_text
    from derivations.checking.reading.answer import read_answer
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import UNKNOWN_PREFIX

    shown = one_line(args.answer, 600)
    try:
        try:
            reading = read_answer(args.answer, args.question)
        except InvalidAnswer:
            # the checker reads on where the first reading stops (a sum run over the
            # layers, a list of names, a step): say what ``check`` reads, or its refusal
            data = _inferred(args)
        else:
            data = reading.as_dict()
            if any(name.startswith(UNKNOWN_PREFIX) for name in reading.parsed.symbols):
                data = _inferred(args)  # letters read by role: the checker's notation layer
    except InvalidAnswer as error:
        reason = reason_text(
            {
                "reason": error.reason,
                "position": error.position,
                "id": getattr(error, "key", None),
                "fields": getattr(error, "fields", {}),
            },
            args.lang,
        )
        print(
            json.dumps({"answer": shown, "read": False, "reason": reason}, ensure_ascii=False)
            if args.json
            else "\n".join(
                [_line("answer", shown, args.lang), _line("feedback", reason, args.lang)]
            )
        )
        return VALIDATE_EXIT["unreadable"]
    data.setdefault("readings", _notation_readings(data["notes"]))
    if args.json:
        print(json.dumps({"answer": shown, "read": True, **data}, ensure_ascii=False))
    else:
        from derivations.checking.explaining.feedback import reading_text

        readings = [reading_text(r, args.lang) for r in data["readings"]]
        notes = [note for note in data["notes"] if note["id"] != _NOTATION_NOTE]
        print(
            "\n".join(
                [
                    _line("answer", shown, args.lang),
                    _line("read_as", data["text"], args.lang),
                    _line("LaTeX", data["latex"], args.lang),
                    *_note_lines(notes, args.lang),
                    *(_line("note", r, args.lang) for r in readings),
                ]
            )
        )
    return VALIDATE_EXIT["read"]


_NOTATION_NOTE = "reading.note.notation"


def _notation_readings(notes: list) -> list:
    """The reader's notes on words of other notations (or read by their parts), as the
    checker's readings."""
    from derivations.checking.reading.names import COMPOSED_SOURCE

    return [
        {
            **{k: note["fields"][k] for k in ("written", "read", "source")},
            "how": "composed" if note["fields"]["source"] == COMPOSED_SOURCE else "notation",
        }
        for note in notes
        if note["id"] == _NOTATION_NOTE
    ]


def _inferred(args) -> dict:
    """How an answer with letters no notation names is read: the checker resolves them
    by role (:mod:`derivations.checking.notation`); raise its refusal as the reader's."""
    from derivations.checking.checker import check
    from derivations.checking.reading.errors import InvalidAnswer

    result = check(args.question, args.answer, symbolic=False)
    if result.parsed is None:
        error = result.error or {}
        raise InvalidAnswer(
            error.get("reason", ""),
            error.get("position"),
            key=error.get("id"),
            fields=error.get("fields", {}),
        )
    return {key: value for key, value in result.parsed.items() if key != "tree"}


def checked(qid: str, answer: str, lang: str, reveal: str):
    """``(result, feedback words)`` for ``answer`` to question ``qid`` as ``check`` gives
    them (the practice page's worker calls this too).  SymPy (a proof, the simplified
    difference) runs only where the difference is shown (``reveal="answer"``): the
    verdict is exact either way, and a student's check starts in a fraction of a second."""
    from derivations.checking.checker import check
    from derivations.checking.explaining.feedback import feedback

    bad = _not_utf8(answer)
    result = (
        _unreadable(qid, answer, *bad) if bad else check(qid, answer, symbolic=reveal == "answer")
    )
    return result, feedback(result, lang, reveal=reveal)


def run(args: argparse.Namespace) -> int:
    from derivations.checking.result import exit_status
    from derivations.registry.questions import question

    question(args.question)  # an unknown id is a usage error (exit 2), checked first
    bad = _not_utf8(args.answer)
    if args.validate and not bad:
        return _validate(args)  # reading only: no derivation needed
    from derivations.checking.deciding.prebuild import announce_first_use

    announce_first_use(args.question, lang=args.lang)
    result, text = checked(args.question, args.answer, args.lang, args.reveal)
    print(
        json_text(result, text, args.lang, args.reveal)
        if args.json
        else _readable(result, text, args.lang, args.reveal)
    )
    return exit_status(result)
