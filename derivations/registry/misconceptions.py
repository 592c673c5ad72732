"""The misconception registry: ``misconceptions.yaml`` read into typed records.

One record per id, used by the checker (a wrong answer's verdict names it) and by the
answer sheets ("Common mistakes" link to the same id).  Texts may hold ``str.format``
fields (``{direction}`` of ``wrong_order``), filled by :meth:`Misconception.explain`.
The file is read once, on first use (as JSON from the store when it holds it:
:mod:`.data`); a malformed record is a :class:`DerivationError`
naming it.
"""

from __future__ import annotations

from functools import lru_cache

from derivations.errors import DerivationError
from derivations.records import record

__all__ = ["Misconception", "MISCONCEPTION_LANGUAGES", "misconceptions", "misconception"]

MISCONCEPTION_LANGUAGES = ("en", "zh")
_FIELDS = {"title", "explanation", "questions"}
_OPTIONAL = {"hint", "sheet_claim", "sheet_why"}


@record(frozen=True)
class Misconception:
    id: str
    title: dict  # {"en": ..., "zh": ...}: a short name
    explanation: dict  # {"en": ..., "zh": ...}: what is wrong and why
    questions: tuple  # checker question ids it applies to ((): sheet-only)
    hint: dict | None = None  # {"en", "zh"}: the explanation without the answer in it
    # the answer sheets' wording (claim, why it is wrong), typeset with $math$, where the
    # checker's plain-text title and explanation would read badly on a sheet
    sheet_claim: dict | None = None
    sheet_why: dict | None = None

    def hint_text(self, lang: str, **fields) -> str:
        """What a student is told before the answer is revealed: the hint, or the
        explanation where it gives nothing away."""
        template = (self.hint or self.explanation)[lang]
        return template.format(**fields) if fields else template

    def explain(self, lang: str, **fields) -> str:
        """The explanation in ``lang`` with its fields (if any) filled in."""
        template = self.explanation[lang]
        return template.format(**fields) if fields else template


def _bilingual(key: str, name: str, value) -> dict:
    if (
        not isinstance(value, dict)
        or set(value) != set(MISCONCEPTION_LANGUAGES)
        or not all(
            isinstance(value[lang], str) and value[lang].strip() for lang in MISCONCEPTION_LANGUAGES
        )
    ):
        raise DerivationError(
            key="registry.misconception_not_bilingual",
            id=repr(key),
            field=name,
            languages=", ".join(MISCONCEPTION_LANGUAGES),
        )
    return {lang: value[lang] for lang in MISCONCEPTION_LANGUAGES}


def _record(key: str, data) -> Misconception:
    if not isinstance(data, dict) or not _FIELDS <= set(data) <= _FIELDS | _OPTIONAL:
        raise DerivationError(
            key="registry.misconception_fields",
            id=repr(key),
            needed=", ".join(sorted(_FIELDS)),
            optional=", ".join(sorted(_OPTIONAL)),
        )
    questions = data["questions"]
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        raise DerivationError(key="registry.misconception_questions", id=repr(key))
    return Misconception(
        key,
        _bilingual(key, "title", data["title"]),
        _bilingual(key, "explanation", data["explanation"]),
        tuple(questions),
        _bilingual(key, "hint", data["hint"]) if "hint" in data else None,
        *(_bilingual(key, f, data[f]) if f in data else None for f in ("sheet_claim", "sheet_why")),
    )


@lru_cache(maxsize=1)
def misconceptions() -> dict[str, Misconception]:
    """Every id -> its record, in the file's order."""
    from derivations.registry.data import read

    data = read("misconceptions.yaml")
    if not isinstance(data, dict):
        raise DerivationError(key="registry.misconceptions_not_mapping")
    return {key: _record(key, value) for key, value in data.items()}


def misconception(key: str) -> Misconception:
    try:
        return misconceptions()[key]
    except KeyError:
        raise DerivationError(key="registry.unknown_misconception", id=repr(key)) from None
