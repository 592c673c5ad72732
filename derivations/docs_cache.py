"""Built, checked documents kept between ``docs`` runs, so an unchanged build skips its
checks and a changed one never does.

What ``docs`` builds before rendering (each exercise's :class:`Exercise`, the reference
page, each figure's files) is a pure function of the package's sources, the library
versions and the Python and machine it runs on: every check in it is executed while it is
built.  :func:`fingerprint` hashes exactly those inputs (every ``.py``, ``.yaml`` and
``.lark`` file of the package except the modules that only render built data:
``render.py``, ``webpage.py``, ``mathml.py`` and the templates); an entry is stored under
that fingerprint and found only under it, so a changed source or library makes every
check run again.  ``docs --recheck`` ignores the cache (and refreshes it).

The cache is a file we did not write as far as trust goes: an entry is used only when
it is a regular file (not a link) owned by the user, neither it nor its directory is
writable by others, it is small, it parses as JSON of the expected schema, it names the
fingerprint and the entry asked for, its SHA-256 matches its data, and its data decode to
the allowed types (plain JSON values, tuples, and enums and dataclasses defined in this
package).  Anything else is a miss: the entry is built (and checked) again.  An
unwritable cache directory only costs time.  ``DERIVATIONS_CACHE`` moves the directory
(default: ``$XDG_CACHE_HOME/derivations`` or ``~/.cache/derivations``), under ``docs/``.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import hashlib
import importlib
import json
import math
import os
import platform
import stat
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

from derivations.errors import DerivationError

__all__ = [
    "LIBRARIES",
    "SCHEMA",
    "decode",
    "encode",
    "fingerprint",
    "cache_directory",
    "load",
    "store",
    "cached",
]

SCHEMA = 1
MAX_BYTES = 64 * 1024 * 1024
# distributions whose version can change what is built: the maths, the rounding, the
# figures' bytes, the message catalogue's parsing
LIBRARIES = (
    "sympy",
    "mpmath",
    "numpy",
    "scipy",
    "matplotlib",
    "pyyaml",
    "lark",
    "fonttools",
    "pillow",
    "contourpy",
    "kiwisolver",
    "pyparsing",
    "cycler",
)
# sources that only render built data: editing them must not re-run the checks
RENDERING_ONLY = ("render.py", "webpage.py", "mathml.py")
_SOURCE_SUFFIXES = (".py", ".yaml", ".lark")
_ALLOWED_MODULE = "derivations."


# --- the fingerprint -------------------------------------------------------------------
def _versions() -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} absent")
    return out


def _sources(folder, prefix: str = ""):
    """``(relative path, bytes)`` of every source file below ``folder``, sorted."""
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        name = prefix + item.name
        if item.is_dir():
            if item.name not in ("templates", "__pycache__"):
                yield from _sources(item, name + "/")
        elif item.name.endswith(_SOURCE_SUFFIXES) and name not in RENDERING_ONLY:
            yield name, item.read_bytes()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """SHA-256 (hex, 32 digits) of the sources, library versions, Python and machine."""
    digest = hashlib.sha256()
    for line in (f"schema {SCHEMA}", sys.version, platform.machine(), *_versions()):
        digest.update(line.encode() + b"\n")
    for name, content in _sources(resources.files("derivations")):
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:32]


def cache_directory() -> Path:
    root = os.environ.get("DERIVATIONS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "derivations"
    )
    return Path(root) / "docs" / fingerprint()


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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "dataclass": _class_name(type(value)),
            "fields": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    raise TypeError(f"cannot cache a {type(value).__name__}")


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
        if not dataclasses.is_dataclass(cls):
            raise ValueError(f"{data['dataclass']} is not a dataclass")
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        if set(data["fields"]) != names:
            raise ValueError(
                f"{data['dataclass']}: fields {sorted(data['fields'])} are not {sorted(names)}"
            )
        return cls(**{key: decode(item) for key, item in data["fields"].items()})
    raise ValueError(f"unexpected object with keys {sorted(data)[:4]} in a cache entry")


# --- entries on disk -----------------------------------------------------------------
def _path(kind: str, name: str) -> Path:
    if not (kind.isidentifier() and name.replace("-", "_").isidentifier()):
        raise DerivationError(key="docs.bad_cache_entry", kind=kind, name=name)
    return cache_directory() / f"{kind}-{name}.json"


def _trusted(path: Path) -> bool:
    """A regular file and its directory, the user's, not writable by others."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    for where, regular in ((path.parent, False), (path, True)):
        info = os.lstat(where)
        if regular and not stat.S_ISREG(info.st_mode):
            return False
        if not regular and not stat.S_ISDIR(info.st_mode):
            return False
        if uid is not None and info.st_uid != uid:
            return False
        if info.st_mode & (stat.S_IWOTH | stat.S_IWGRP):
            return False
    return os.lstat(path).st_size <= MAX_BYTES


def _digest(data) -> str:
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()
    ).hexdigest()


def load(kind: str, name: str):
    """The cached value, or ``None`` when there is no trustworthy entry."""
    path = _path(kind, name)
    try:
        if not _trusted(path):
            return None
        with open(path, "rb") as stream:
            raw = json.loads(stream.read(MAX_BYTES + 1))
        if not isinstance(raw, dict) or set(raw) != {
            "schema",
            "fingerprint",
            "kind",
            "name",
            "sha256",
            "data",
        }:
            return None
        if (raw["schema"], raw["fingerprint"], raw["kind"], raw["name"]) != (
            SCHEMA,
            fingerprint(),
            kind,
            name,
        ) or raw["sha256"] != _digest(raw["data"]):
            return None
        return decode(raw["data"])
    except (OSError, ValueError, TypeError, KeyError, RecursionError, DerivationError):
        return None  # missing, unreadable, not ours, malformed: build it again


def store(kind: str, name: str, value) -> bool:
    """Keep ``value`` for the next run; False (and nothing kept) when it cannot be."""
    from derivations.files import write_atomically

    try:
        data = encode(value)
    except (TypeError, RecursionError):
        return False
    entry = {
        "schema": SCHEMA,
        "fingerprint": fingerprint(),
        "kind": kind,
        "name": name,
        "sha256": _digest(data),
        "data": data,
    }
    path = _path(kind, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically({path: json.dumps(entry, ensure_ascii=False)}, mode=0o600)
    except (OSError, DerivationError):
        return False  # a read-only home only makes the next run slower
    return True


def cached(kind: str, name: str, build, recheck: bool = False):
    """``build()``'s value, from the cache unless ``recheck`` or no trusted entry."""
    if not recheck:
        value = load(kind, name)
        if value is not None:
            return value
    value = build()
    store(kind, name, value)
    return value
