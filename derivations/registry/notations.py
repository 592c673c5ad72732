"""Other notations than the book's (``notations.yaml``): one record per source with its
citation, each spelling read as a formula in the book's spellings, and the role hints
of letters no notation names (the checker's inference by role).

Declarations only: the reader (:mod:`derivations.checking.notation`) decides when a
spelling of this registry applies (after the book's own spellings).  The file is read
once, on first use (as JSON from the store when it holds it: :mod:`.data`); a malformed record is a :class:`DerivationError` naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from derivations.errors import DerivationError

__all__ = [
    "Notation",
    "Meaning",
    "notations",
    "notation_spellings",
    "role_hints",
    "meanings",
    "meaning_of_letter",
    "meaning_of_word",
    "ROLES_RECORD",
]

ROLES_RECORD = "roles"


@dataclass(frozen=True)
class Notation:
    """One source's notation: its id, its citation, spelling -> formula (book's)."""

    id: str
    name: dict  # {"en", "zh"}: how a reading names the source
    citation: str
    spellings: tuple  # ((written, formula), ...)
    roles: tuple = ()  # ((letter, (symbol, ...)), ...): the roles record only
    meanings: tuple = ()  # (Meaning, ...): the roles record only


@dataclass(frozen=True)
class Meaning:
    """A role of the layer's quantities: its id (message ``checker.meaning.<id>``), the
    book's symbols of that role, and the roots of the words that name it."""

    id: str
    symbols: tuple[str, ...]
    roots: tuple[str, ...]


def _meanings(key: str, data) -> tuple[Meaning, ...]:
    if not isinstance(data, dict):
        raise _bad(key, "meanings")
    out = []
    for name, meaning in data.items():
        if not isinstance(meaning, dict) or not all(
            isinstance(meaning.get(field), list)
            and all(isinstance(item, str) and item for item in meaning[field])
            for field in ("symbols", "roots")
        ):
            raise _bad(key, f"meanings.{name}")
        out.append(Meaning(str(name), tuple(meaning["symbols"]), tuple(meaning["roots"])))
    return tuple(out)


def _bad(key: str, why: str) -> DerivationError:
    return DerivationError(key="registry.notation_malformed", id=repr(key), why=why)


def _record(key: str, data) -> Notation:
    if not isinstance(data, dict) or not isinstance(data.get("citation"), str):
        raise _bad(key, "citation")
    name = data.get("name")
    if not isinstance(name, dict) or set(name) != {"en", "zh"}:
        raise _bad(key, "name")
    spellings = data.get("spellings", {})
    roles = data.get("roles", {})
    if not isinstance(spellings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in spellings.items()
    ):
        raise _bad(key, "spellings")
    if not isinstance(roles, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(s, str) for s in v)
        for k, v in roles.items()
    ):
        raise _bad(key, "roles")
    return Notation(
        key,
        {lang: str(name[lang]) for lang in ("en", "zh")},
        " ".join(data["citation"].split()),
        tuple(spellings.items()),
        tuple((letter, tuple(names)) for letter, names in roles.items()),
        _meanings(key, data.get("meanings", {})),
    )


@cache
def notations() -> dict[str, Notation]:
    """Every source id -> its record, in the file's order."""
    from derivations.registry.data import read

    data = read("notations.yaml")
    if not isinstance(data, dict):
        raise _bad("notations.yaml", "not a mapping")
    return {str(key): _record(str(key), value) for key, value in data.items()}


@cache
def notation_spellings() -> dict[str, tuple[str, str, str]]:
    """lower-case written form -> (formula in the book's spellings, source id, as
    written in the registry); the first source listing a spelling wins."""
    table: dict[str, tuple[str, str, str]] = {}
    for record in notations().values():
        for written, formula in record.spellings:
            table.setdefault(written.lower(), (formula, record.id, written))
    return table


@cache
def role_hints() -> dict[str, tuple[str, ...]]:
    """upper-case letter -> the quantities it may stand for by its role (inference)."""
    record = notations().get(ROLES_RECORD)
    return {letter.upper(): names for letter, names in record.roles} if record else {}


@cache
def meanings() -> tuple[Meaning, ...]:
    """The roles of the layer's quantities (the roles record's ``meanings``)."""
    record = notations().get(ROLES_RECORD)
    return record.meanings if record else ()


def _meaning_of_symbols(names) -> Meaning | None:
    return next((m for m in meanings() if set(names) & set(m.symbols)), None)


def meaning_of_letter(letter: str) -> Meaning | None:
    """The role of a letter no notation reads, from its role hint (F: the kernel);
    None when the registry gives it none (B)."""
    hinted = role_hints().get(letter.upper())
    return _meaning_of_symbols(hinted) if hinted else None


def meaning_of_word(word: str) -> Meaning | None:
    """The role a word names by one of its roots (``kernal_size``: the kernel), the
    first in the registry's order; None when no root is in it."""
    lowered = word.lower()
    return next((m for m in meanings() if any(root in lowered for root in m.roots)), None)
