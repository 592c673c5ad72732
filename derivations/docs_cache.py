"""Built, checked documents kept between ``docs`` runs, so an unchanged build skips its
checks and a changed one never does.

What ``docs`` builds before rendering (each exercise's :class:`Exercise`, the reference
page, each figure's files) is a pure function of the package's sources, the library
versions and the Python and machine it runs on: every check in it is executed while it is
built.  The store's kind ``docs`` (:mod:`derivations.store`: one trust rule, one signed
identity per entry) is keyed by exactly those inputs (every ``.py``, ``.yaml`` and
``.lark`` file of the package except the modules that only render built data:
``render.py``, ``webpage.py``, ``mathml.py`` and the templates), so a changed source or
library makes every check run again.  The Chinese figures also depend on a system font
(Noto Sans CJK SC): its file's SHA-256 is part of the key too (:func:`derivations.fonts.
identity`), so a font upgrade draws every figure again.  ``docs --recheck`` ignores the cache (and
refreshes it).  An entry's payload is the built value in the codec below, decoded only
to the allowed types (plain JSON values, tuples, and enums and dataclasses defined in
this package); anything else is a miss and built (and checked) again.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import importlib
import math
from importlib import resources

from derivations import records
from derivations.store import Kind

__all__ = ["LIBRARIES", "STORE", "decode", "encode", "inputs", "sources", "load", "store"]

MAX_BYTES = 64 * 1024 * 1024
# modules whose version can change what is built: the maths, the rounding, the
# figures' bytes, the message catalogue's parsing; then the interpreter and machine
LIBRARIES = (
    "sympy",
    "mpmath",
    "numpy",
    "scipy",
    "matplotlib",
    "yaml",
    "lark",
    "fontTools",
    "PIL",
    "contourpy",
    "kiwisolver",
    "pyparsing",
    "cycler",
    "python",
    "machine",
)
# sources that only render built data: editing them must not re-run the checks
RENDERING_ONLY = ("render.py", "webpage.py", "mathml.py")
_SOURCE_SUFFIXES = (".py", ".yaml", ".lark")
_ALLOWED_MODULE = "derivations."


def _names(folder, prefix: str = ""):
    """The relative path of every source file below ``folder``, sorted."""
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        name = prefix + item.name
        if item.is_dir():
            if item.name not in ("templates", "__pycache__"):
                yield from _names(item, name + "/")
        elif item.name.endswith(_SOURCE_SUFFIXES) and name not in RENDERING_ONLY:
            yield name


def sources() -> list[str]:
    """The package's sources a build depends on (see the module docstring)."""
    return list(_names(resources.files("derivations")))


def inputs() -> list[str]:
    """What outside the package and its libraries shapes a build: the CJK font's file
    and SHA-256 (:func:`derivations.fonts.identity`)."""
    from derivations.fonts import identity

    return [identity()]


STORE = Kind("docs", sources, LIBRARIES, MAX_BYTES, inputs)


# --- the codec: built data <-> JSON ----------------------------------------------------
def _class_name(cls) -> str:
    """``module:Name`` of a class of this package (others cannot be cached)."""
    if not cls.__module__.startswith(_ALLOWED_MODULE) or not cls.__qualname__.isidentifier():
        raise TypeError(f"cannot cache a {cls.__module__}.{cls.__qualname__}")
    return f"{cls.__module__}:{cls.__qualname__}"


def encode(value):
    """Built data as JSON values; anything outside the allowed types: TypeError."""
    if value is None or (isinstance(value, (bool, str)) and not isinstance(value, enum.Enum)):
        return value
    if isinstance(value, int) and not isinstance(value, enum.Enum):
        return value if type(value) is int else int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"non-finite float {value!r}")
        return {"float": value.hex()}
    if isinstance(value, enum.Enum):
        return {"enum": _class_name(type(value)), "value": encode(value.value)}
    if isinstance(value, bytes):
        return {"bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"tuple": [encode(item) for item in value]}
    if isinstance(value, dict):
        if not all(type(key) is str for key in value):
            raise TypeError("dict keys must be plain strings")
        return {"dict": {key: encode(item) for key, item in value.items()}}
    if (dataclasses.is_dataclass(value) or records.is_record(value)) and not isinstance(
        value, type
    ):
        return {
            "dataclass": _class_name(type(value)),
            "fields": {f.name: encode(getattr(value, f.name)) for f in _fields(value)},
        }
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _fields(value) -> tuple:
    """The fields of a dataclass or a record (:mod:`derivations.records`), or of its class."""
    return records.fields(value) if records.is_record(value) else dataclasses.fields(value)


def _allowed_class(name, kind: str) -> type:
    if not isinstance(name, str) or ":" not in name:
        raise ValueError(f"bad {kind} name {name!r}")
    module, qualname = name.split(":", 1)
    if not module.startswith(_ALLOWED_MODULE) or not qualname.isidentifier():
        raise ValueError(f"{kind} {name!r} is not one of the package's")
    cls = getattr(importlib.import_module(module), qualname, None)
    if not isinstance(cls, type):
        raise ValueError(f"{kind} {name!r} does not exist")
    return cls


def decode(data):
    """The inverse of :func:`encode`; ValueError on anything :func:`encode` cannot make."""
    if data is None or (isinstance(data, (bool, str, int)) and not isinstance(data, float)):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise ValueError(f"unexpected {type(data).__name__} in a cache entry")
    if set(data) == {"float"} and isinstance(data["float"], str):
        return float.fromhex(data["float"])
    if set(data) == {"bytes"} and isinstance(data["bytes"], str):
        return base64.b64decode(data["bytes"], validate=True)
    if set(data) == {"tuple"} and isinstance(data["tuple"], list):
        return tuple(decode(item) for item in data["tuple"])
    if set(data) == {"dict"} and isinstance(data["dict"], dict):
        return {key: decode(item) for key, item in data["dict"].items()}
    if set(data) == {"enum", "value"}:
        cls = _allowed_class(data["enum"], "enum")
        if not issubclass(cls, enum.Enum):
            raise ValueError(f"{data['enum']} is not an enum")
        return cls(decode(data["value"]))
    if set(data) == {"dataclass", "fields"} and isinstance(data["fields"], dict):
        cls = _allowed_class(data["dataclass"], "dataclass")
        if not (dataclasses.is_dataclass(cls) or records.is_record(cls)):
            raise ValueError(f"{data['dataclass']} is not a dataclass")
        names = {f.name for f in _fields(cls) if f.init}
        if set(data["fields"]) != names:
            raise ValueError(
                f"{data['dataclass']}: fields {sorted(data['fields'])} are not {sorted(names)}"
            )
        return cls(**{key: decode(item) for key, item in data["fields"].items()})
    raise ValueError(f"unexpected object with keys {sorted(data)[:4]} in a cache entry")


# --- entries in the store --------------------------------------------------------------
def load(kind: str, name: str):
    """The cached value, or ``None`` when there is no trustworthy entry."""
    return STORE.load(f"{kind}-{name}", decode)


def store(kind: str, name: str, value) -> bool:
    """Keep ``value`` for the next run; False (and nothing kept) when it cannot be."""
    try:
        data = encode(value)
    except (TypeError, RecursionError):
        return False
    return STORE.store(f"{kind}-{name}", data)
