"""The checker's wording by id: sentences in ``messages/checker.yaml`` (``checker.*``),
misconceptions in ``registry/misconceptions.yaml``.  Never looked up by English text.

Id families: ``checker.verdict.<verdict>``, ``checker.assumption.<id>`` (what a right
answer assumed), ``checker.note.<id>`` (how symbols were read), ``checker.phrase.<id>``
(sentences of the feedback), ``checker.diagnosis.<id>`` (what is wrong, in words),
``checker.reason.<id>`` (why an answer could not be checked), ``checker.label.<id>``
(field names of ``check``'s output), ``checker.question.<id>`` (question titles).
"""

from __future__ import annotations

from derivations.messages import LANGUAGES, entry, text

__all__ = [
    "LANGS",
    "phrase",
    "ids_text",
    "assumption_text",
    "note_text",
    "verdict_text",
    "label",
    "misconception_text",
    "misconception_title",
    "diagnosis_text",
    "has_message",
]

LANGS = LANGUAGES


def phrase(key: str, lang: str, **fields) -> str:
    return text(f"checker.phrase.{key}", lang, **fields)


def ids_text(ids, lang: str) -> str:
    """Ids (of conventions) as they are printed, joined by the language's separator
    (``checker.phrase.id_separator``: ", ", zh "、")."""
    return phrase("id_separator", lang).join(ids)


def assumption_text(key: str, lang: str) -> str:
    return text(f"checker.assumption.{key}", lang)


def note_text(key: str, lang: str, **fields) -> str:
    if key.startswith("reading."):  # how the reading stage read an informal form
        return text(key, lang, **fields)
    return text(f"checker.note.{key}", lang)


def verdict_text(verdict: str, lang: str) -> str:
    return text(f"checker.verdict.{verdict}", lang)


def label(key: str, lang: str) -> str:
    return text(f"checker.label.{key}", lang)


def diagnosis_text(key: str, lang: str, **fields) -> str:
    return text(f"checker.diagnosis.{key}", lang, **fields)


def misconception_text(key: str, lang: str, reveal: str = "answer", **fields) -> str:
    """The explanation (``reveal="answer"``) or the hint that does not give the answer
    away (otherwise) of misconception ``key``."""
    from derivations.registry.misconceptions import misconception

    record = misconception(key)
    return (
        record.explain(lang, **fields) if reveal == "answer" else record.hint_text(lang, **fields)
    )


def misconception_title(key: str, lang: str) -> str:
    from derivations.registry.misconceptions import misconception

    return misconception(key).title[lang]


def has_message(key: str) -> bool:
    try:
        entry(key)
    except ValueError:
        return False
    return True
