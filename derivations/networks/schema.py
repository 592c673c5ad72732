"""The layer-file format: ``schema.json`` (a JSON Schema shipped in the package) and a
small validator for the part of JSON Schema it uses.

The schema is the documentation of the format (every kind, field, default and the
padding reading); :func:`check_rows` and :func:`check_file` hold data to it and report the
first problem in one line naming the row and the field (``row 3 (conv3): kernel='x' must
be one integer >= 1 or [height, width] of them``).  Supported keywords: ``$ref`` (local),
``type``, ``enum``, ``const``, ``required``, ``properties``, ``additionalProperties:
false``, ``items``, ``minItems``, ``maxItems``, ``minimum``, ``exclusiveMaximum``,
``minLength``, ``oneOf`` (branches of distinct types), ``allOf``, ``if``/``then``;
annotations (``title``, ``description``, ``default``) are not checked.  A schema with a
``title`` reports its failures as "must be <title>".  JSON's integers are Python ints
(``true`` and ``4.0`` are not integers).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import cast

from derivations.errors import DerivationError
from derivations.networks.rows import clipped, shown

__all__ = ["Problem", "check_file", "check_rows", "problem", "schema"]

TYPES = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The shipped schema (``derivations/networks/schema.json``)."""
    return json.loads(
        resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")
    )


@dataclass(frozen=True)
class Problem:
    path: tuple  # keys and indices from the checked value down to the bad one
    value: object
    message: str  # what is wrong, after "<field>=<value> "
    lift: bool = True  # an enclosing list or oneOf with a title may restate it


_CHECKS = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, (list, tuple)),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _is(value, kind: str) -> bool:
    return _CHECKS[kind](value)


_MEMBERS: dict[int, frozenset] = {}  # id(enum node) -> its (type, value) pairs
_DISPATCH: dict[int, tuple | None] = {}  # id(allOf node) -> (field, value -> then-schemas)


def _in_enum(value, node) -> bool:
    members = _MEMBERS.get(id(node))
    if members is None:
        members = _MEMBERS[id(node)] = frozenset((type(e), e) for e in node["enum"])
    try:
        return (type(value), value) in members
    except TypeError:  # a list or a mapping: never a member of our enums of strings
        return any(_same(value, e) for e in node["enum"])


def _dispatch(node):
    """For an ``allOf`` of ``if: {properties: {F: {const|enum}}}, then: ...`` parts (the
    row's dispatch on ``kind``): ``(F, {value: [then, ...]})``, else ``None``."""
    if id(node) in _DISPATCH:
        return _DISPATCH[id(node)]
    field: str | None = None
    table: dict[object, list] = {}
    for part in node["allOf"]:
        fields = part.get("if", {}).get("properties", {})
        if set(part) != {"if", "then"} or len(part["if"]) != 1 or len(fields) != 1:
            field = None
            break
        ((key, test),) = fields.items()
        if field not in (None, key) or set(test) - {"const", "enum"} or len(test) != 1:
            field = None
            break
        field = key
        for member in [test["const"]] if "const" in test else test["enum"]:
            table.setdefault(member, []).append(part["then"])
    found = _DISPATCH[id(node)] = None if field is None else (field, table)
    return found


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/"):  # pragma: no cover - our own schema
            raise AssertionError(f"unsupported $ref {ref}")
        node = schema()["$defs"][ref.removeprefix("#/$defs/")]
    return node


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b


def _titled(node, value, message) -> Problem:
    if "title" in node:
        return Problem((), value, f"must be {node['title']}")
    return Problem((), value, message)


def problem(value, node: dict, skip: frozenset = frozenset()) -> Problem | None:
    """The first way ``value`` breaks schema ``node`` (``None``: it holds); ``skip``:
    ``$ref`` targets not descended into (checked elsewhere)."""
    if node.get("$ref") in skip:
        return None
    node = _resolve(node)
    if "type" in node and not _is(value, node["type"]):
        return _titled(
            node,
            value,
            f"is not {TYPES[node['type']]}"
            if node["type"] != "boolean"
            else "must be true or false",
        )
    if "enum" in node and not _in_enum(value, node):
        return Problem((), value, f"is not one of {', '.join(map(str, node['enum']))}")
    if "const" in node and not _same(value, node["const"]):
        return Problem((), value, f"is not {node['const']!r}")
    if "oneOf" in node:
        found = _one_of(value, node, skip)
        if found:
            return found
    if _is(value, "integer") or _is(value, "number"):
        if "minimum" in node and value < node["minimum"]:
            return _titled(node, value, f"must be >= {node['minimum']}")
        if "exclusiveMaximum" in node and value >= node["exclusiveMaximum"]:
            return _titled(node, value, f"must be < {node['exclusiveMaximum']}")
    if _is(value, "string") and len(value) < node.get("minLength", 0):
        return _titled(node, value, "must not be empty")
    if _is(value, "array"):
        found = _array(value, node, skip)
        if found:
            return found
    if _is(value, "object"):
        found = _object(value, node, skip)
        if found:
            return found
    dispatch = _dispatch(node) if "allOf" in node else None
    if dispatch is not None and isinstance(value, dict) and dispatch[0] in value:
        field, table = dispatch
        try:
            targets = table.get(value[field], ()) if isinstance(value[field], str) else ()
        except TypeError:
            targets = ()
        for target in targets:
            found = problem(value, target, skip)
            if found:
                return found
        return None
    for part in node.get("allOf", ()):
        if "if" in part:
            if _holds(value, part["if"], skip) and "then" in part:
                found = problem(value, part["then"], skip)
                if found:
                    return found
        else:
            found = problem(value, part, skip)
            if found:
                return found
    return None


def _holds(value, condition: dict, skip) -> bool:
    """Whether ``value`` satisfies an ``if``; the usual dispatch on one field's ``const``
    or ``enum`` is answered directly (a row is tested against every kind's condition)."""
    fields = condition.get("properties", {})
    if len(condition) == 1 and len(fields) == 1:
        ((key, test),) = fields.items()
        if set(test) <= {"const", "enum"} and len(test) == 1:
            if not isinstance(value, dict) or key not in value:
                return True
            allowed = [test["const"]] if "const" in test else test["enum"]
            return any(_same(value[key], a) for a in allowed)
    return problem(value, condition, skip) is None


def _one_of(value, node, skip):
    branches = [b for b in node["oneOf"] if _is(value, _resolve(b).get("type", "null"))]
    if not branches:
        return _titled(node, value, "matches none of its forms")
    found = problem(value, branches[0], skip)
    if found and found.lift and "title" in node:
        return Problem((), value, f"must be {node['title']}")
    return found


def _array(value, node, skip):
    if len(value) < node.get("minItems", 0):
        return _titled(node, value, f"must hold at least {node['minItems']} items")
    if "maxItems" in node and len(value) > node["maxItems"]:
        if node.get("minItems") == node["maxItems"]:  # a fixed length: [height, width]
            return _titled(node, value, f"must hold {node['maxItems']} items")
        return Problem(
            (),
            value,
            f"holds {len(value):,} items, more than the {node['maxItems']:,} accepted",
            lift=False,
        )
    items = node.get("items")
    if items is None:
        return None
    lifts = "title" not in _resolve(items) if items.get("$ref") not in skip else False
    for index, item in enumerate(value):
        found = problem(item, items, skip)
        if found:
            if lifts and found.lift and "title" in node:
                return Problem((), value, f"must be {node['title']}")
            return Problem(
                (index, *found.path), found.value, found.message, lift=lifts and found.lift
            )
    return None


def _object(value, node, skip):
    for key in node.get("required", ()):
        if key not in value:
            return Problem((), value, f"field {key!r} is missing", lift=False)
    properties = node.get("properties", {})
    for key, sub in properties.items():
        if key in value:
            found = problem(value[key], sub, skip)
            if found:
                return Problem((key, *found.path), found.value, found.message, lift=False)
    if node.get("additionalProperties") is False:
        unknown = sorted((k for k in value if k not in properties), key=str)
        if unknown:
            kind = value.get("kind")
            where = f" for kind {kind}" if isinstance(kind, str) else ""
            return Problem(
                (),
                value,
                f"unknown field {shown(unknown[0])}{where} "
                f"(known: {', '.join(sorted(properties))})",
                lift=False,
            )
    return None


def _field(path) -> str:
    head, *rest = path
    return str(head) + "".join(f"[{p}]" for p in rest)


def _row_label(row, index: int) -> str:
    if not isinstance(row, dict):
        return f"row {index + 1}"
    name, kind = row.get("name"), row.get("kind")
    if not isinstance(name, str) or not name:
        return (
            f"row {index + 1}"
            if "name" in row
            else f"row {index + 1} ({clipped(kind if isinstance(kind, str) else 'layer')}{index + 1})"
        )
    return f"row {index + 1} ({clipped(name)})"


def _say(found: Problem, head: str | None) -> str:
    if not found.path:
        subject = f"{head}={shown(found.value)}" if head else shown(found.value)
        return f"{subject} {found.message}"
    field = _field(found.path)
    if found.message.startswith("field ") or found.message.startswith("unknown field"):
        return f"{field}: {found.message}"
    return f"{field}={shown(found.value)} {found.message}"


def check_rows(rows) -> None:
    """Hold a layer list to ``#/$defs/layers``; raise one line naming row and field."""
    found = problem(rows, {"$ref": "#/$defs/layers"})
    if found is None:
        return
    raise DerivationError(key="network.schema", problem=_rows_problem(rows, found))


def _rows_problem(rows, found: Problem) -> str:
    """The schema's finding in a layer list, as one line naming the row and field (the
    validator's own English, which the catalogue's entries quote)."""
    if not found.path:
        if "accepted" in found.message:
            return f"layers: {found.message}"
        return _say(found, "layers")
    index, *rest = found.path
    where = _row_label(rows[index], index)
    inner = Problem(tuple(rest), found.value, found.message)
    if not rest and found.message.startswith(("field ", "unknown field")):
        return f"{where}: {found.message}"
    return f"{where}: {_say(inner, None)}"


def check_file(data, origin: str) -> None:
    """Hold a file's top level to the schema (its rows are :func:`check_rows`'s)."""
    found = problem(data, schema(), frozenset({"#/$defs/layers"}))
    if found is None:
        if isinstance(data, dict) and not isinstance(data.get("layers"), (list, tuple)):
            # $defs/layers has type "array": anything but a list or tuple is a problem
            found = cast(Problem, problem(data["layers"], {"$ref": "#/$defs/layers"}))
            raise DerivationError(
                key="network.schema_file", path=origin, problem=_say(found, "layers")
            )
        return
    said = (
        found.message
        if not found.path and found.message.startswith(("field ", "unknown field"))
        else _say(found, None)
    )
    raise DerivationError(key="network.schema_file", path=origin, problem=said)
