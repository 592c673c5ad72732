"""Why an answer could not be read: one line, with the column it happened at, and the
message id (``reading.*`` in ``messages/reading.yaml``) it is said by in any language."""

from __future__ import annotations

from derivations.errors import DerivationError

__all__ = ["InvalidAnswer", "refuse", "refused", "said_fields"]


class InvalidAnswer(DerivationError):
    """The answer is not a formula the checker reads; ``position`` is a 1-based column
    of the text as given (``None`` when the problem is not at one place); ``key`` and
    ``fields`` name the message that says why (``reason`` is its English text)."""

    def __init__(
        self,
        reason: str,
        position: int | None = None,
        *,
        key: str | None = None,
        fields: dict | None = None,
    ):
        self.reason = reason
        self.position = position
        self.key = key
        self.fields = dict(fields or {})
        where = f" at column {position}" if position is not None else ""
        super().__init__(f"{reason}{where}")


# fields holding an axis (h, w), each said by its name as <field>_name
_AXIS_FIELDS = ("count_axis", "asked_axis")


def said_fields(fields: dict, lang: str) -> dict:
    """``fields`` as a message says them in ``lang``: a ``role`` field (the id of a
    meaning, ``registry/notations.yaml``) adds ``meaning``, its name in ``lang``
    (message ``checker.meaning.<role>``); a ``conditions`` field (a branch's conditions,
    one a line: :mod:`.branches`) is said joined by the language's separator (message
    ``checker.phrase.condition_list_separator``: "; ", "；"); a ``question`` field (a
    question's id) is said by the title the pages show, in ``lang``, and adds ``asked``,
    the same (message ``checker.question.<id>``: "output height m_h", "输出高度 m_h"), a
    ``questions`` field (ids joined by commas) by their titles joined (message
    ``checker.phrase.id_separator``; s14exam E13: ids the page never shows), an
    ``opening`` field (the kind of what opens an answer) by its words (message
    ``reading.opening.<kind>``); a
    ``count_axis`` or ``asked_axis`` field (``h``, ``w``) adds ``count_axis_name`` or
    ``asked_axis_name``, the axis's name in ``lang`` (message ``checker.axis.<axis>``); a
    ``letter`` field adds ``theirs``, what registered notations read it as
    (:func:`.notations.given_meanings_text`)."""
    keys = {"role", "conditions", "question", "questions", "count_axis", "asked_axis", "letter"}
    if not (keys | {"opening"}) & set(fields):
        return fields
    from derivations.messages import text
    from derivations.registry.notations import given_meanings_text

    said = dict(fields)
    if "letter" in fields:  # what other notations make of it (cuDNN's Q), if any
        said["theirs"] = given_meanings_text(str(fields["letter"]), lang)
    for name in _AXIS_FIELDS:  # an axis, h or w: said by its name (checker.axis.<axis>)
        if name in fields:
            said[f"{name}_name"] = text(f"checker.axis.{fields[name]}", lang)
    if "role" in fields:
        said["meaning"] = text(f"checker.meaning.{fields['role']}", lang)
    if "conditions" in fields:
        separator = text("checker.phrase.condition_list_separator", lang)
        said["conditions"] = separator.join(str(fields["conditions"]).splitlines())
    if "question" in fields:
        said["asked"] = said["question"] = text(f"checker.question.{fields['question']}", lang)
    if "opening" in fields:  # the kind of what opens an answer (message reading.opening.<kind>)
        said["opening"] = text(f"reading.opening.{fields['opening']}", lang)
    if "questions" in fields:  # several, comma-separated: each by its title
        ids = [q.strip() for q in str(fields["questions"]).split(",") if q.strip()]
        separator = text("checker.phrase.id_separator", lang)
        said["questions"] = separator.join(text(f"checker.question.{q}", lang) for q in ids)
    return said


def refused(key: str, position: int | None = None, **fields) -> InvalidAnswer:
    """The :class:`InvalidAnswer` said by message ``key`` (its whole id) with ``fields``
    (each as text; a ``role`` said as :func:`said_fields` says it)."""
    from derivations.messages import text

    shown = {name: str(value) for name, value in fields.items()}
    return InvalidAnswer(
        text(key, "en", **said_fields(shown, "en")), position, key=key, fields=shown
    )


def refuse(key: str, position: int | None = None, **fields) -> InvalidAnswer:
    """The :class:`InvalidAnswer` said by message ``reading.<key>`` with ``fields``."""
    return refused(f"reading.{key}", position, **fields)
