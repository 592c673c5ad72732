"""Sentences for a :class:`.result.Result` in English or Chinese: which to say, filled
with the result's values.  The texts are messages by id (:mod:`.messages`).

How much is revealed (``reveal``):

* ``"none"``: the verdict only (and why an answer could not be read);
* ``"hint"`` (the default, for students): the diagnosis, the misconception and a
  counterexample layer with both values; never the reference nor the difference
  (reference = answer - difference would give it away);
* ``"answer"`` (for instructors): also the reference and the simplified difference.
"""

from __future__ import annotations

from typing import cast

from derivations.checking.explaining.wording import (
    LANGS,
    assumption_text,
    diagnosis_text,
    misconception_text,
    note_text,
    phrase,
    verdict_text,
)
from derivations.checking.reading.errors import said_fields
from derivations.checking.reading.informal import SAID_WITH_FIELDS
from derivations.checking.result import DROPPED_FLOOR, Result
from derivations.errors import DerivationError
from derivations.messages import text
from derivations.numbers import shown as shown_value

__all__ = [
    "feedback",
    "convention_text",
    "assumption_text",
    "note_text",
    "misconception_text",
    "verdict_text",
    "check_language",
    "layer_text",
    "reference_text",
    "reason_text",
    "diagnosis_line",
    "REVEALS",
    "check_reveal",
    "one_line",
    "own_counting",
    "parsed_line",
    "reading_text",
]

REVEALS = ("none", "hint", "answer")

convention_text = assumption_text  # the name grading's summary uses


def one_line(value: str, most: int = 80) -> str:
    """``value`` on one line for a message: control, bidi and unpaired surrogate
    characters shown escaped, at most ``most`` characters (then an ellipsis)."""
    out = []
    for char in value:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif (
            code < 32
            or code == 127
            or 0x80 <= code < 0xA0
            or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
            or 0xD800 <= code <= 0xDFFF
            or code == 0x200F
            or code == 0x200E
            or code == 0x061C
        ):
            out.append(f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
        else:
            out.append(char)
    shown = "".join(out)
    return shown if len(shown) <= most else shown[: most - 1] + "…"


def check_language(lang: str) -> str:
    if lang not in LANGS:
        raise DerivationError(
            key="checker.unknown_language", value=shown_value(lang), known=", ".join(LANGS)
        )
    return lang


def check_reveal(reveal: str) -> str:
    if reveal not in REVEALS:
        raise DerivationError(
            key="checker.unknown_reveal", value=shown_value(reveal), known=", ".join(REVEALS)
        )
    return reveal


def _max_note(shown: str, lang: str) -> str:
    """What a ``max(0, …)`` in a shown reference means (never left unexplained), as a
    clause after it (``checker.phrase.note_separator``: the reference's "where" list
    ends before it, s13exam E8)."""
    from derivations.messages import text

    if "max(0, k_h − s_h)" in shown or "max(0, k_w − s_w)" in shown:
        note = text("reading.note.max_overlap", lang)
    elif "max(0, " in shown:
        note = text("reading.note.max_zero", lang)
    else:
        return ""
    return phrase("note_separator", lang) + note


def reference_text(reference: dict, lang: str) -> str:
    """The reference as the book writes it, with what its m_h, m_w stand for and what
    any ``max(0, …)`` in it means."""
    definitions = reference.get("definitions")
    note = _max_note(reference["text"], lang)
    if not definitions:
        return reference["text"] + note
    return (
        phrase(
            "where",
            lang,
            reference=reference["text"],
            definitions=phrase("layer_separator", lang).join(definitions),
        )
        + note
    )


def layer_text(layer: dict, lang: str = "en", derived=()) -> str:
    """``layer`` as ``c_i = 2, c_o = 3, …``; the sizes named in ``derived`` (a
    counterexample's ``derived``: output sizes the others give) said after them, as
    derived (``… s_w = 1 (so m_w = 5)``)."""
    separator = phrase("layer_separator", lang)
    given = separator.join(f"{k} = {v}" for k, v in layer.items() if k not in derived)
    if not derived:
        return given
    sizes = separator.join(f"{k} = {layer[k]}" for k in derived)
    return phrase("layer_derived", lang, layer=given, derived=sizes)


def reason_text(error: dict, lang: str) -> str:
    """Why an answer could not be read, in ``lang`` when the reason has a message id."""
    key = error.get("id")
    reason = (
        text(key, lang, **said_fields(error.get("fields", {}), lang)) if key else error["reason"]
    )
    if error.get("position"):
        reason = text("checker.reason.column", lang, reason=reason, column=error["position"])
    return reason


def diagnosis_line(diagnosis: dict, lang: str, ratio: bool = False) -> str:
    """The diagnosis ``diagnosis`` in words (``ratio``: the question asks for a ratio of
    two costs, so a diagnosis against a counting convention says both were counted so,
    never "as a count")."""
    meaning = diagnosis.get("meaning") or "unnamed"
    conditions = diagnosis.get("conditions")
    where = diagnosis.get("where") or []
    joined = phrase("condition_separator", lang).join(where)
    said = diagnosis_text(
        diagnosis["id"],
        lang,
        factor=phrase("condition_separator", lang).join(conditions)
        if conditions
        else diagnosis["text"].replace("*", phrase("product_sign", lang)),
        constant=diagnosis.get("constant"),
        meaning=text(f"checker.diagnosis.meaning.{meaning}", lang),
        where=phrase(
            "layers_where_also" if diagnosis.get("elsewhere") else "layers_where",
            lang,
            conditions=joined,
        )
        if where
        else phrase("every_layer", lang),
    )
    if where and diagnosis["id"] not in _SAYS_WHERE:
        said += " " + phrase("only_where", lang, conditions=joined)
    if diagnosis.get("variant"):
        said = phrase(
            "diagnosis_variant_ratio" if ratio else "diagnosis_variant",
            lang,
            conventions=_joined(diagnosis["variant"], lang),
            text=said,
        )
    return phrase("diagnosis", lang, text=said)


_SAYS_WHERE = ("constant_factor", "constant_offset")  # their texts hold {where}


def _joined(names, lang) -> str:
    return phrase("list_separator", lang).join(assumption_text(name, lang) for name in names)


def _value(value, lang) -> str:
    return phrase("undefined", lang) if value is None else str(value)


def _counterexample(result: Result, lang: str) -> list[str]:
    """Where the answer is wrong, with both values; a value compared in place of the
    reference's is said with the conventions it is under (never passed off as the
    book's: 3240 is the forward pass's FLOPs, the book's count is 3150)."""
    example = result.counterexample
    if not example:
        return []
    layer = layer_text(example["layer"], lang, example.get("derived", ()))
    under = example.get("conventions")
    fields = {"conventions": _joined(under, lang)} if under else {}
    suffix = "_under" if under else ""
    if example["answer"] is None:
        return [
            phrase(
                f"undefined_at{suffix}", lang, layer=layer, expected=example["reference"], **fields
            )
        ]
    return [
        phrase(
            f"wrong_hint{suffix}",
            lang,
            layer=layer,
            expected=example["reference"],
            actual=example["answer"],
            **fields,
        )
    ]


def _order(result: Result, lang: str, reveal: str) -> list[str]:
    if not result.order:
        return []
    if result.order["sign"] == 0:
        return [phrase("order_degenerate", lang, symbol=result.order["size"])]
    how = phrase("faster" if result.order["sign"] > 0 else "slower", lang)
    direction = phrase("order_grows", lang, symbol=result.order["size"], how=how)
    return [misconception_text("wrong_order", lang, reveal, direction=direction)]


def _wrong(result: Result, lang: str, reveal: str) -> list[str]:
    from derivations.registry.questions import question

    ratio = question(result.question).ratio
    lines = [diagnosis_line(d, lang, ratio) for d in result.diagnosis]
    lines += _counterexample(result, lang)
    if result.difference and reveal == "answer":
        lines.append(phrase("difference", lang, difference=result.difference["text"]))
    lines += _order(result, lang, reveal)
    if result.misconception and result.misconception != "wrong_order":
        line = phrase(
            "matches", lang, message=misconception_text(result.misconception, lang, reveal)
        )
        if result.misconception_assumptions:
            line += " " + phrase(
                "matches_under", lang, conventions=_joined(result.misconception_assumptions, lang)
            )
        lines.append(line)
    if not lines:
        lines.append(phrase("not_equivalent_only", lang))
    return lines


def own_counting(assumptions, states) -> str | None:
    """The first of ``assumptions`` that breaks a rule of the book's in ``states`` (the
    rules a question's words or a sheet state, :data:`.questions.BOOK_RULES`): its
    ``checker.own_counting.<id>`` says what is counted instead; None if none does."""
    from derivations.registry.questions import BOOK_RULES

    return next((name for name in assumptions if BOOK_RULES.get(name) in states), None)


# how a letter the question does not define was given a meaning by its role (the
# notation layer's inference, :mod:`derivations.checking.notation`)
INFERRED = ("inferred", "held", "held_stride", "inferred_notation")


def _inferred_first(result: Result, lang: str) -> list[str]:
    """A right verdict reached by reading letters the question does not define by their
    role says so first, in its own sentence (s13exam E22: "k_1 + Q - 1" was plain
    "Correct", Q read as k_2); [] where none was."""
    readings = [r for r in (result.parsed or {}).get("readings") or () if r.get("how") in INFERRED]
    if not readings:
        return []
    said = phrase("list_separator", lang).join(
        phrase("reading_as", lang, written=r["written"], read=r["read"]) for r in readings
    )
    return [phrase("right_reading", lang, readings=said)]


def _right(result: Result, lang: str, reveal: str) -> list[str]:
    """A right answer's lines: correct (the reference under ``reveal="answer"``), or
    correct under its conventions, with what the question's own counting counts instead
    where its words state the rule one breaks (MACs where it asks "multiplications +
    additions"), and a floor left out said plainly."""
    from derivations.registry.questions import question

    lines = _inferred_first(result, lang)
    if result.verdict == "equivalent":
        lines.append(
            # an "equivalent" result always carries its reference
            phrase("correct", lang, reference=reference_text(cast(dict, result.reference), lang))
            if reveal == "answer"
            else phrase("correct_hidden", lang)
        )
    else:
        # a floor left out is said plainly with where it fails, never as "correct"
        floor = result.restricted
        others = [a for a in result.assumptions if not (floor and a == DROPPED_FLOOR)]
        if others:
            conventions = _joined(others, lang)
            own = own_counting(others, question(result.question).states)
            lines.append(
                phrase("correct_under", lang, conventions=conventions)
                if own is None
                else phrase(
                    "correct_under_own",
                    lang,
                    conventions=conventions,
                    own=text(f"checker.own_counting.{own}", lang),
                )
            )
        if floor:
            lines.append(_floor_missing(cast(dict, result.counterexample), lang))
        if result.alternatives:
            alternatives = " | ".join(_joined(a, lang) for a in result.alternatives)
            lines.append(phrase("also", lang, alternatives=alternatives))
    return lines


def _floor_missing(example: dict, lang: str) -> str:
    """Where an answer without its floor is right (the question's axes only) and a
    layer where it is not, its value there said with the conventions it is under."""
    divides = phrase("condition_separator", lang).join(
        phrase("divides", lang, **division) for division in example.get("divides", ())
    )
    under = example.get("conventions")
    return phrase(
        "floor_missing_under" if under else "floor_missing",
        lang,
        divides=divides,
        layer=layer_text(example["layer"], lang, example.get("derived", ())),
        expected=example["reference"],
        actual=_value(example["answer"], lang),
        **({"conventions": _joined(under, lang)} if under else {}),
    )


def reading_text(reading: dict, lang: str) -> str:
    """One reading of the notation layer: ``F → k (CS231n)``, inferred or declared."""
    from derivations.checking.every_reading import HOW as EVERY
    from derivations.registry.notations import given_meanings_text, notations

    how = reading.get("how", "notation")
    fields = {k: str(v) for k, v in reading.items() if k != "how"}
    record = notations().get(fields.get("source", ""))
    if record is not None:
        fields["source"] = record.name[lang]
    theirs = given_meanings_text(fields.get("written", ""), lang) if how == EVERY else ""
    if theirs:  # "no notation gives it a meaning" would be false: say whose it is
        return phrase("reading_every_named", lang, theirs=theirs, **fields)
    return phrase(f"reading_{how}", lang, **fields)


def parsed_line(result: Result) -> str:
    """How the answer was read, on one line (the grade report's ``parsed`` column): the
    formula, then each word or letter of another notation and what it was read as
    (``(w − k + 2p)/s + 1 [F → k]``)."""
    parsed = result.parsed or {}
    shown = parsed.get("text", "")
    readings = parsed.get("readings") or []
    if readings:
        shown += " [" + "; ".join(f"{r['written']} → {r['read']}" for r in readings) + "]"
    return shown


def _read_as(result: Result, lang: str) -> list[str]:
    """How words of other notations and unknown letters were read, then the reading
    notes that carry fields (count words, a factor in a sentence, a chain)."""
    parsed = result.parsed or {}
    lines = []
    readings = parsed.get("readings") or []
    if readings:
        said = phrase("list_separator", lang).join(reading_text(r, lang) for r in readings)
        lines.append(phrase("read_as", lang, readings=said))
    for note in parsed.get("notes") or []:
        if note.get("id") in SAID_WITH_FIELDS:
            fields = said_fields(note["fields"], lang)
            lines.append(phrase("note", lang, note=text(note["id"], lang, **fields)))
    return lines


def feedback(result: Result, lang: str = "en", reveal: str = "hint") -> str:
    """The readable explanation of one result, one paragraph (see the module's
    docstring for ``reveal``)."""
    check_language(lang)
    check_reveal(reveal)
    verdict = result.verdict
    # an "error" or "invalid_input" result always carries its error
    if verdict == "error":
        return phrase(
            "error",
            lang,
            answer=one_line(result.answer),
            reason=one_line(cast(dict, result.error)["reason"]),
        )
    if verdict == "invalid_input":
        return phrase("invalid", lang, reason=reason_text(cast(dict, result.error), lang))
    if reveal == "none":
        return verdict_text(verdict, lang)
    if verdict == "not_equivalent":
        lines = _wrong(result, lang, reveal)
    else:
        lines = _right(result, lang, reveal)
    if reveal == "answer" and result.reference and verdict != "equivalent":
        lines.append(
            phrase("book_reference", lang, reference=reference_text(result.reference, lang))
        )
    lines += _read_as(result, lang)
    for name in result.notes:
        lines.append(phrase("note", lang, note=note_text(name, lang)))
    if result.proof:
        lines.append(
            phrase(
                "proved" if result.proof == "symbolic" else "sampled", lang, samples=result.samples
            )
        )
    return " ".join(lines)
