"""Sentences for a :class:`.result.Result` in English or Chinese (strings are data in
:mod:`.messages`; this module only chooses and fills them)."""

from __future__ import annotations

from derivations.checking.explaining.messages import CONVENTIONS, LANGS, MISCONCEPTIONS, NOTES, PHRASES, VERDICTS
from derivations.checking.result import Result
from derivations.errors import DerivationError

__all__ = ["feedback", "convention_text", "note_text", "misconception_text", "verdict_text",
           "check_language", "layer_text", "reference_text"]


def check_language(lang: str) -> str:
    if lang not in LANGS:
        raise DerivationError(f"language {lang!r} is not one of {', '.join(LANGS)}")
    return lang


def _say(key: str, lang: str, **values) -> str:
    return PHRASES[key][lang].format(**values)


def convention_text(name: str, lang: str) -> str:
    return CONVENTIONS[name][lang]


def note_text(name: str, lang: str) -> str:
    return NOTES[name][lang]


def reference_text(reference: dict, lang: str) -> str:
    """The reference as the book writes it, with what its m_h, m_w stand for."""
    definitions = reference.get("definitions")
    if not definitions:
        return reference["text"]
    separator = "，" if lang == "zh" else ", "
    return _say("where", lang, reference=reference["text"],
                definitions=separator.join(definitions))


def misconception_text(name: str, lang: str, **values) -> str:
    return MISCONCEPTIONS[name][lang].format(**values)


def verdict_text(verdict: str, lang: str) -> str:
    return VERDICTS[verdict][lang]


def layer_text(layer: dict) -> str:
    return ", ".join(f"{name}={value}" for name, value in layer.items())


def _value(value, lang) -> str:
    return _say("undefined", lang) if value is None else str(value)


def _joined(names, lang) -> str:
    separator = "；" if lang == "zh" else "; "
    return separator.join(convention_text(name, lang) for name in names)


def _wrong(result: Result, lang: str) -> list[str]:
    lines = []
    example = result.counterexample
    if example:
        lines.append(_say("wrong", lang, layer=layer_text(example["layer"]),
                          expected=_value(example["reference"], lang),
                          actual=_value(example["answer"], lang)))
    if result.difference:
        lines.append(_say("difference", lang, difference=result.difference["text"]))
    if result.order:
        how = _say("faster" if result.order["sign"] > 0 else "slower", lang)
        direction = _say("order_grows", lang, symbol=result.order["size"], how=how)
        lines.append(misconception_text("wrong_order", lang, direction=direction))
    if result.misconception and result.misconception != "wrong_order":
        line = _say("matches", lang, message=misconception_text(result.misconception, lang))
        if result.misconception_conventions:
            line += " " + _say("matches_under", lang,
                               conventions=_joined(result.misconception_conventions, lang))
        lines.append(line)
    return lines


def feedback(result: Result, lang: str = "en") -> str:
    """The readable explanation of one result, one paragraph."""
    check_language(lang)
    verdict = result.verdict
    if verdict == "invalid_input":
        return _say("invalid", lang, reason=result.error["reason"] + (
            f" (column {result.error['position']})" if result.error.get("position") else ""))
    reference = reference_text(result.reference, lang)
    lines = []
    if verdict == "equivalent":
        lines.append(_say("correct", lang, reference=reference))
    elif verdict == "equivalent_under_convention":
        lines.append(_say("correct_under", lang, conventions=_joined(result.conventions, lang)))
        if result.alternatives:
            alternatives = " | ".join(_joined(a, lang) for a in result.alternatives)
            lines.append(_say("also", lang, alternatives=alternatives))
        lines.append(_say("book_reference", lang, reference=reference))
    else:
        lines.extend(_wrong(result, lang))
        lines.append(_say("book_reference", lang, reference=reference))
    for name in result.notes:
        lines.append(_say("note", lang, note=note_text(name, lang)))
    if result.proof:
        lines.append(_say("proved" if result.proof == "symbolic" else "sampled", lang,
                          samples=result.samples))
    return " ".join(lines)
