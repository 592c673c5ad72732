"""Unfilled fields: the one check every string of a sheet passes before it is rendered.

A sheet's prose is written with Python f-strings or :func:`fill` templates; a template
that was never filled (a missing ``f`` prefix, a catalogue text returned unformatted)
leaves a field such as ``{CHANNELS}`` in the text.  In LaTeX a brace group is legal,
so the renderers would print it.  :func:`unfilled` finds such fields: a brace group
holding a bare identifier, ``{name}``, that is not a LaTeX argument, i.e. not right
after a command (``\\mathrm{groups}``), a sub- or superscript (``x_{ab}``), or another
group (``\\frac{a}{b}``).  :func:`require_filled` raises the keyed
:class:`~derivations.errors.DerivationError` ``exercise.unfilled_field``;
:func:`fill` is the strict ``str.format``: a field the template lacks or a field it
leaves without a value is an error, never silent.
"""

from __future__ import annotations

import re
import string

from derivations.errors import DerivationError

__all__ = ["fill", "require_filled", "template_fields", "unfilled"]

_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_ARGUMENT_BEFORE = re.compile(r"(?:\\[A-Za-z]+\*?|[\^_}\]])\Z")


def unfilled(source: str) -> list[str]:
    """Every ``{name}`` of ``source`` that is a format field left unfilled, in order."""
    return [
        match.group(0)
        for match in _FIELD.finditer(source)
        if not _ARGUMENT_BEFORE.search(source, 0, match.start())
    ]


def require_filled(source: str, where: str) -> str:
    """``source``, unless it holds an unfilled field: then ``exercise.unfilled_field``
    naming the field and ``where`` (the block or message it is in)."""
    found = unfilled(source)
    if found:
        raise DerivationError(
            key="exercise.unfilled_field", field=found[0], where=where, text=source[:80]
        )
    return source


def template_fields(template: str) -> set[str]:
    """The names of the ``str.format`` fields ``template`` has."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def fill(template: str, where: str, /, **fields: object) -> str:
    """``template.format(**fields)``, strictly: a field of the template without a value
    (``exercise.field_missing``) or a value no field of the template takes
    (``exercise.field_unknown``) is an error naming it and ``where``."""
    wanted = template_fields(template)
    missing = sorted(wanted - set(fields))
    if missing:
        raise DerivationError(key="exercise.field_missing", field=missing[0], where=where)
    unused = sorted(set(fields) - wanted)
    if unused:
        raise DerivationError(key="exercise.field_unknown", field=unused[0], where=where)
    return require_filled(template.format(**fields), where)
