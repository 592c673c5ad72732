"""Each question's derived variants as expression trees, cached on disk.

Deriving every variant takes SymPy seconds (doubling the padding simplifies floors); a
cold ``check`` must answer in well under one.  The cache holds only what
:func:`.derive.derive` produced, keyed by a hash of the sources it depends on (the
model, the closed forms, the scenarios, this package) and the SymPy version, so an
edited formula is never served stale.  An unwritable cache directory only costs time.
``DERIVATIONS_CACHE`` overrides the directory (tests point it at a temporary one).

The cache can only make a run faster, never change a verdict: the folder may be
shared, so no file in it is trusted.  Each entry is signed (HMAC-SHA256) with a key of
this user kept outside the cache folder (``$XDG_CONFIG_HOME/derivations/cache.key``,
mode 0600, created on first use); a file is read only when it is a regular file owned
by this user, not writable by others, and at most :data:`MAX_ENTRY_BYTES` long (opened
without blocking, so a FIFO or a device costs nothing); its signature must match and
its content must pass the schema (bounded sizes, numbers and depth).  Anything else is
ignored (one warning on stderr per process) and the entry is derived again.

Derivations also ship prebuilt with the package (``derivations/prebuilt/checking/<id>.json``,
written by ``python -m derivations questions --write-prebuilt`` and committed, like
``output/``), so that the first ``check`` after an install derives nothing.  The cache
is read first; else the prebuilt entry is used and copied into the cache; else the
entry is derived.  A prebuilt file was not written by this run, so it is used only when
it is a regular file, not writable by everyone, at most :data:`MAX_ENTRY_BYTES` long,
its header names this question and this :func:`source_hash` (the sources above and the
SymPy version: a file prebuilt from other sources is never used), and the SHA-256 of its
payload matches the header; the payload then passes the same schema as a cache entry
(our own expression trees, read without ``eval``).  A file that does not match is
ignored (silently when it is for another key, which an edited checkout or another SymPy
gives; with one warning otherwise) and the entry is derived.  A file beside the
package's code is as trusted as that code: these checks catch a stale, truncated or
mangled file, not someone able to rewrite the package.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from derivations.errors import DerivationError
from derivations.expr import tree as ex
from derivations.expr.evaluate import compile_node
from derivations.files import write_atomically
from derivations.registry.questions import Question, question

__all__ = [
    "Entry",
    "Compiled",
    "entry",
    "cache_directory",
    "source_hash",
    "cached",
    "key_path",
    "prebuilt_directory",
    "prebuilt_file",
    "write_prebuilt",
    "fresh",
    "MAX_ENTRY_BYTES",
    "MAX_JSON_DEPTH",
]

MAX_ENTRY_BYTES = 4 << 20  # the largest entry written is ~0.2 MB
MAX_JSON_DEPTH = 256  # bracket nesting of an entry (trees are shallow)
MAX_TEXT = 20_000  # characters of a displayed reference
_PADDINGS = ("total", "per-side")

_ROOT = Path(__file__).resolve().parents[2]  # the derivations package
# every source whose change can change a derived reference (paths below the package)
_SOURCES = (
    "model.py",
    "closed_forms.py",
    "scenarios.py",
    "checking/deciding/catalogue.py",
    "checking/deciding/derive.py",
    "expr/tree.py",
    "expr/bridge.py",
    "registry/questions.py",
    "registry/misconceptions.yaml",
    "registry/forms.py",
    "registry/symbols.py",
    "checking/deciding/restrictions.py",
    "checking/deciding/symbolic.py",
    "expr/printers.py",
    "checking/explaining/present.py",
)
_SHOWN = ("display_text", "display_latex", "expanded_text", "definitions")


@dataclass(frozen=True)
class Compiled:
    tree: ex.Node
    padding: str
    conventions: tuple
    misconception: str | None
    domain: frozenset
    alternatives: tuple

    @property
    def function(self):
        return _compiled(self.tree)


@dataclass(frozen=True)
class Entry:
    question: Question
    variants: tuple  # of Compiled; variants[0] is the reference
    display_text: str  # written with m_h, m_w where they occur, as the book does
    display_latex: str
    expanded_text: str  # the same in input symbols only (floors written out)
    definitions: tuple  # ("m_h = floor(...)", ...) for the m_h, m_w display_text uses

    @property
    def reference(self) -> Compiled:
        return self.variants[0]


@lru_cache(maxsize=4096)
def _compiled(tree):
    return compile_node(tree)


def _sympy_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sympy")
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


@lru_cache(maxsize=1)
def source_hash() -> str:
    digest = hashlib.sha256(_sympy_version().encode())
    for path in (_ROOT / name for name in _SOURCES):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_directory() -> Path:
    root = os.environ.get("DERIVATIONS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "derivations"
    )
    return Path(root) / "checking" / source_hash()


def _to_json(entry_data: dict) -> str:
    variants = [
        {
            "tree": ex.to_data(v.tree),
            "padding": v.padding,
            "conventions": list(v.conventions),
            "misconception": v.misconception,
            "domain": sorted(v.domain),
            "alternatives": [list(a) for a in v.alternatives],
        }
        for v in entry_data["variants"]
    ]
    shown = {key: entry_data[key] for key in _SHOWN}
    return json.dumps({"variants": variants, **shown})


def _strings(value, what: str, most: int = 64) -> tuple:
    if (
        not isinstance(value, list)
        or len(value) > most
        or not all(isinstance(v, str) and 0 < len(v) <= 64 for v in value)
    ):
        raise ValueError(f"{what}: not a short list of names")
    return tuple(value)


def _variant(data) -> Compiled:
    from derivations.checking.deciding.restrictions import Restriction

    if not isinstance(data, dict) or set(data) != {
        "tree",
        "padding",
        "conventions",
        "misconception",
        "domain",
        "alternatives",
    }:
        raise ValueError("variant: wrong fields")
    if data["padding"] not in _PADDINGS:
        raise ValueError("variant: padding")
    misconception = data["misconception"]
    if misconception is not None and not (
        isinstance(misconception, str) and len(misconception) <= 64
    ):
        raise ValueError("variant: misconception")
    alternatives = data["alternatives"]
    if not isinstance(alternatives, list) or len(alternatives) > 64:
        raise ValueError("variant: alternatives")
    domain = frozenset(Restriction(v) for v in _strings(data["domain"], "domain"))
    return Compiled(
        ex.from_data(data["tree"]),
        data["padding"],
        _strings(data["conventions"], "conventions"),
        misconception,
        domain,
        tuple(_strings(a, "alternative") for a in alternatives),
    )


def _depth_ok(text: str) -> bool:
    """Bracket nesting at most MAX_JSON_DEPTH (checked before json.loads recurses)."""
    level = deepest = 0
    for char in text:
        if char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest <= MAX_JSON_DEPTH


def _from_json(text: str) -> dict:
    """The entry in ``text``; ValueError on anything not in the schema."""
    if not _depth_ok(text):
        raise ValueError("nested too deeply")
    data = json.loads(text)
    if not isinstance(data, dict) or set(data) != {"variants", *_SHOWN}:
        raise ValueError("entry: wrong fields")
    variants = data["variants"]
    if not isinstance(variants, list) or not 0 < len(variants) <= 4096:
        raise ValueError("entry: variants")
    for key in ("display_text", "display_latex", "expanded_text"):
        if not isinstance(data[key], str) or len(data[key]) > MAX_TEXT:
            raise ValueError(f"entry: {key}")
    definitions = data["definitions"]
    if (
        not isinstance(definitions, list)
        or len(definitions) > 4
        or not all(isinstance(d, str) and len(d) <= MAX_TEXT for d in definitions)
    ):
        raise ValueError("entry: definitions")
    return {"variants": tuple(_variant(v) for v in variants), **{key: data[key] for key in _SHOWN}}


# --- the per-user key and the signed, guarded file ---------------------------------------
_warned: list[Path] = []


def _warn(path: Path, why: str) -> None:
    if not _warned:
        _warned.append(path)
        from derivations.messages import text

        print(text("checker.phrase.cache_ignored", "en", path=path, why=why), file=sys.stderr)


def key_path() -> Path:
    root = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(root) / "derivations" / "cache.key"


@lru_cache(maxsize=1)
def _key() -> bytes | None:
    """This user's signing key (created on first use); None when it cannot be kept
    safely (then nothing is read from or written to the cache)."""
    path = key_path()
    try:
        key = _read_guarded(path, 64)
        if key is not None and len(key) == 64:
            return key
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = os.urandom(32).hex().encode()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(fresh)
        return fresh
    except (OSError, ValueError):  # unreadable, or not safely ours: no cache at all
        return None


def _read_guarded(path: Path, most: int, *, own: bool = True) -> bytes | None:
    """The bytes of ``path`` when it is a regular file (of this user, with ``own``), not
    writable by others and at most ``most`` bytes, opened without blocking; None when it
    does not exist.  Raises ``ValueError`` (why) for anything else."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if own and hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            raise ValueError("owned by another user")
        if info.st_mode & stat.S_IWOTH:
            raise ValueError("writable by everyone")
        if info.st_size > most:
            raise ValueError(f"larger than {most} bytes")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(most + 1)
        if len(data) > most:
            raise ValueError(f"larger than {most} bytes")
        return data
    finally:
        os.close(descriptor)


def _signature(key: bytes, payload: bytes) -> str:
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def _signed_payload(path: Path) -> bytes | None:
    """The payload of ``path`` when its signature is this user's; None when missing.
    Raises ValueError (why) for a file that is not safe to read or not signed by us."""
    key = _key()
    if key is None:
        return None
    data = _read_guarded(path, MAX_ENTRY_BYTES)
    if data is None:
        return None
    mac, _, payload = data.partition(b"\n")
    if not hmac.compare_digest(mac, _signature(key, payload).encode()):
        raise ValueError("signature does not match")
    return payload


def _read_entry(path: Path) -> dict | None:
    """A valid, signed entry at ``path``, or None (missing or refused, with a warning)."""
    try:
        payload = _signed_payload(path)
        if payload is None:
            return None
        return _from_json(payload.decode("utf-8"))
    except (
        OSError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        RecursionError,
        UnicodeDecodeError,
    ) as error:
        _warn(path, str(error) or type(error).__name__)
        return None


def _write_entry(path: Path, data: dict) -> None:
    key = _key()
    if key is None:
        return
    payload = _to_json(data).encode("utf-8")
    # a read-only or foreign cache only makes the next run slower
    with contextlib.suppress(DerivationError, OSError):
        write_atomically(
            {path: _signature(key, payload).encode() + b"\n" + payload}, make_parents=True
        )


def cached(qid: str) -> bool:
    """Is ``qid`` there without deriving: a signed entry in the cache (its schema is
    checked on use), or prebuilt with the package?"""
    try:
        if _signed_payload(cache_directory() / f"{qid}.json") is not None:
            return True
    except (OSError, ValueError):
        pass
    return _prebuilt_payload(qid) is not None


# --- prebuilt with the package ---------------------------------------------------------
PREBUILT_SCHEMA = 1
_HEADER_BYTES = 512  # the header line: schema, question, key, sha256


def prebuilt_directory() -> Path:
    """Where the package's prebuilt derivations are (package data)."""
    return _ROOT / "prebuilt" / "checking"


def prebuilt_file(qid: str, data: dict) -> bytes:
    """The prebuilt file of ``qid`` holding ``data`` (what :func:`fresh` returns): a
    header line (JSON: schema, question, key, SHA-256 of the payload), then the payload
    (the cache entry's JSON)."""
    payload = _to_json(data).encode("utf-8")
    header = {
        "schema": PREBUILT_SCHEMA,
        "question": qid,
        "key": source_hash(),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    return json.dumps(header, sort_keys=True).encode() + b"\n" + payload + b"\n"


class _OtherKey(ValueError):
    """A well-formed prebuilt file for other sources or another SymPy: not used."""


def _prebuilt_check(qid: str, data: bytes) -> bytes:
    """The payload of prebuilt file ``data`` for ``qid``; ValueError (why) otherwise."""
    head, newline, rest = data.partition(b"\n")
    if not newline or len(head) > _HEADER_BYTES or not rest.endswith(b"\n"):
        raise ValueError("not a prebuilt file (header line, final newline)")
    header = json.loads(head.decode("utf-8"))
    if not isinstance(header, dict) or set(header) != {"schema", "question", "key", "sha256"}:
        raise ValueError("header: wrong fields")
    if header["schema"] != PREBUILT_SCHEMA or header["question"] != qid:
        raise ValueError("header: another schema or question")
    if header["key"] != source_hash():
        raise _OtherKey("prebuilt for other sources")
    payload = rest[:-1]
    if not isinstance(header["sha256"], str) or not hmac.compare_digest(
        header["sha256"], hashlib.sha256(payload).hexdigest()
    ):
        raise ValueError("content does not match its SHA-256")
    return payload


def _read_package_file(path: Path) -> bytes | None:
    """The bytes of a package data file (see :func:`_read_guarded`): unlike a cache entry
    it may belong to whoever installed the package."""
    return _read_guarded(path, MAX_ENTRY_BYTES, own=False)


@lru_cache(maxsize=64)
def _prebuilt_payload(qid: str) -> bytes | None:
    """The checked payload of the package's prebuilt file for ``qid``, or None (none
    shipped, or not matching: then the cache or a derivation provides the entry)."""
    path = prebuilt_directory() / f"{qid}.json"
    try:
        data = _read_package_file(path)
        return None if data is None else _prebuilt_check(qid, data)
    except _OtherKey:
        return None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        _warn(path, str(error) or type(error).__name__)
        return None


def _prebuilt(qid: str) -> dict | None:
    """The prebuilt entry of ``qid`` when its file matches and its payload passes the
    schema; None otherwise."""
    payload = _prebuilt_payload(qid)
    if payload is None:
        return None
    try:
        return _from_json(payload.decode("utf-8"))
    except (ValueError, KeyError, TypeError, IndexError, RecursionError) as error:
        _warn(prebuilt_directory() / f"{qid}.json", str(error) or type(error).__name__)
        return None


def write_prebuilt(directory: Path | None = None, stream=None) -> list[Path]:
    """Derive every question afresh (no cache read) and write the prebuilt files into
    ``directory`` (default: the package's :func:`prebuilt_directory`), all or nothing;
    files of questions no longer in the catalogue are removed.  One progress line per
    question on ``stream``.  Returns the paths written."""
    from derivations.registry.questions import QUESTIONS

    folder = prebuilt_directory() if directory is None else Path(directory)
    files = {}
    for number, qid in enumerate(QUESTIONS, 1):
        if stream is not None:
            print(f"{number}/{len(QUESTIONS)} {qid}", file=stream, flush=True)
        files[folder / f"{qid}.json"] = prebuilt_file(qid, fresh(qid))
    write_atomically(files, make_parents=True)
    for stale in folder.glob("*.json"):
        if stale not in files:
            stale.unlink()
    return sorted(files)


def fresh(qid: str) -> dict:
    """The entry data of ``qid`` derived now with SymPy (no cache, nothing prebuilt)."""
    from derivations.checking.deciding.derive import derive
    from derivations.checking.deciding.symbolic import with_output_sizes
    from derivations.checking.explaining.present import show
    from derivations.closed_forms import m_h, m_w
    from derivations.expr.bridge import from_sympy
    from derivations.model import output_sizes

    variants = derive(qid)
    compiled = tuple(
        Compiled(
            from_sympy(v.expr), v.padding, v.conventions, v.misconception, v.domain, v.alternatives
        )
        for v in variants
    )
    expanded = variants[0].expr
    shown = with_output_sizes(expanded, "total") if question(qid).output_symbols else expanded
    sizes = dict(zip((m_h, m_w), output_sizes("total", dilation=False)))
    definitions = tuple(
        f"{name} = {show(from_sympy(sizes[name]))[0]}"
        for name in (m_h, m_w)
        if name in shown.free_symbols
    )
    text, latex = show(from_sympy(shown))
    return {
        "variants": compiled,
        "display_text": text,
        "display_latex": latex,
        "expanded_text": show(from_sympy(expanded))[0],
        "definitions": list(definitions),
    }


def _load(qid: str) -> dict:
    """The user's cache, else prebuilt with the package (then copied into the cache),
    else derived now (and cached)."""
    path = cache_directory() / f"{qid}.json"
    data = _read_entry(path)
    if data is not None:
        return data
    data = _prebuilt(qid)
    if data is None:
        data = fresh(qid)
    _write_entry(path, data)
    return data


@cache
def entry(qid: str) -> Entry:
    """The question's variants (reference first), from the cache or derived now."""
    q = question(qid)
    data = _load(qid)
    return Entry(
        q,
        data["variants"],
        data["display_text"],
        data["display_latex"],
        data["expanded_text"],
        tuple(data["definitions"]),
    )
