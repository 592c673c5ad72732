"""A small validated JSON cache on disk: it can make a run faster, never change a result.

One :class:`DiskCache` per kind of derived data (``forms``, ...), under
``$DERIVATIONS_CACHE`` (default ``$XDG_CACHE_HOME/derivations``, i.e.
``~/.cache/derivations``), in a folder named by a hash of the sources the data is derived
from and of the library versions (an edited formula or a new SymPy is never served stale).

Trust rules (a cache folder may be shared, or planted): an entry is used only when

* the file is a regular file (not a symlink, FIFO or device), owned by the user, not
  world-writable, and no larger than :data:`MAX_BYTES`; it is opened without following
  links and without blocking;
* it parses as JSON (no floats, no NaN, bounded nesting and integer sizes) with the schema
  ``{"schema", "key", "name", "payload", "mac"}``, names the key and entry asked for, and
  its ``mac`` is the HMAC-SHA256 of its content under a per-user secret kept outside the
  cache folder (``$XDG_CONFIG_HOME/derivations/cache.key``, mode 0600, 64 hex digits:
  the same key the checker's cache uses): a file another
  user wrote cannot pass, even with a consistent checksum;
* the caller's ``validate`` accepts the payload (its own schema and bounds).

Anything else is ignored with one warning line on stderr and rebuilt by the caller.  An
unwritable cache only costs time: storing never raises.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["DiskCache", "MAX_BYTES", "MAX_DEPTH", "cache_root", "key_file"]

T = TypeVar("T")
SCHEMA = 1
MAX_BYTES = 4 * 1024 * 1024  # the forms of one padding and bias are about 20 kB
MAX_DEPTH = 200  # nesting of JSON arrays/objects accepted before parsing
_KEY_BYTES = 64  # 32 random bytes written as hex, as the checker's cache writes them
_PACKAGE = Path(__file__).resolve().parent  # the derivations package


def cache_root() -> Path:
    root = os.environ.get("DERIVATIONS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "derivations"
    )
    return Path(root)


def key_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(config) / "derivations" / "cache.key"  # shared with the checker's cache


def _warn(message_id: str, **fields) -> None:
    from derivations.messages import text

    print(f"derivations: {text(message_id, 'en', **fields)}", file=sys.stderr)


def _library_version(name: str) -> str:
    """``name`` and its installed version, without importing it: the names of its
    ``*.dist-info`` folders beside the package (importlib.metadata costs ~40 ms)."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or not spec.origin:
        return f"{name} missing"
    site = Path(spec.origin).resolve().parent.parent
    found = sorted(p.name for p in site.glob(f"{name}-*.dist-info"))
    if found:
        return " ".join(found)
    return f"{name} at {spec.origin} {os.stat(spec.origin).st_mtime_ns}"


def _trusted_stat(info: os.stat_result) -> str | None:
    """Why a file with this status is not trusted (None: trusted)."""
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "owned by another user"
    if info.st_mode & stat.S_IWOTH:
        return "world-writable"
    if info.st_size > MAX_BYTES:
        return f"larger than {MAX_BYTES} bytes"
    return None


def _read_trusted(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path`` if the trust rules allow it; ``ValueError`` says why not."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise
    reason = _trusted_stat(before)
    if reason:
        raise ValueError(reason)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise ValueError(f"cannot be opened safely ({error.strerror})") from None
    with os.fdopen(handle, "rb") as stream:
        reason = _trusted_stat(os.fstat(stream.fileno()))  # the file opened, not a swap
        if reason:
            raise ValueError(reason)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit} bytes")
    return data


def _user_key() -> bytes:
    """The per-user secret, created on first use; a process-only key if it cannot be
    kept safely (then entries are trusted within this process only)."""
    path = key_file()
    try:
        data = _read_trusted(path, 1024)
        if os.stat(path).st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ValueError("readable by others")
        if len(data) == _KEY_BYTES:
            return data
        raise ValueError(f"not {_KEY_BYTES} bytes")
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as error:
        _warn("cli.cache_key_ignored", path=path, reason=error)
        return secrets.token_hex(_KEY_BYTES // 2).encode()
    key = secrets.token_hex(_KEY_BYTES // 2).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(key)
    except FileExistsError:  # another process made it meanwhile: use theirs
        return _user_key()
    except OSError:
        pass
    return key


def _bounded_json(data: bytes) -> object:
    """JSON without floats or NaN, with bounded nesting (checked before parsing, so a
    deep array cannot exhaust the stack)."""
    text = data.decode("utf-8")
    depth = deepest = 0
    in_string = escaped = False
    for char in text:  # brackets outside strings
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels")

    def refuse(value):
        raise ValueError(f"unexpected number {value[:20]!r}")

    def integer(value: str) -> int:
        if len(value) > 30:
            raise ValueError("integer too long")
        return int(value)

    return json.loads(text, parse_float=refuse, parse_constant=refuse, parse_int=integer)


def _canonical(key: str, name: str, payload: object) -> bytes:
    return json.dumps([SCHEMA, key, name, payload], sort_keys=True, separators=(",", ":")).encode()


class DiskCache:
    """Entries of one kind, keyed by the hash of ``sources`` (paths inside the
    ``derivations`` package) and the versions of ``libraries``."""

    def __init__(
        self, namespace: str, sources: Iterable[str], libraries: Iterable[str] = ("sympy",)
    ):
        self.namespace = namespace
        self.sources = tuple(sources)
        self.libraries = tuple(libraries)
        self._key: str | None = None
        self._secrets: dict[Path, bytes] = {}  # per key file (the environment may move it)
        self._warned: set[Path] = set()

    # -- identity ----------------------------------------------------------------------
    @property
    def key(self) -> str:
        """sha256 of the Python version, the library versions and the sources."""
        if self._key is None:
            digest = hashlib.sha256(f"{SCHEMA} {sys.version_info[:3]}".encode())
            for library in self.libraries:
                digest.update(_library_version(library).encode() + b"\0")
            for name in self.sources:
                digest.update(name.encode() + b"\0")
                digest.update((_PACKAGE / name).read_bytes())
            self._key = digest.hexdigest()
        return self._key

    @property
    def directory(self) -> Path:
        return cache_root() / self.namespace / self.key[:16]

    def path(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def _mac(self, name: str, payload: object) -> str:
        where = key_file()
        if where not in self._secrets:
            self._secrets[where] = _user_key()
        return hmac.new(
            self._secrets[where], _canonical(self.key, name, payload), hashlib.sha256
        ).hexdigest()

    def _ignore(self, path: Path, reason: str) -> None:
        if path not in self._warned:  # one warning per file and process
            self._warned.add(path)
            _warn("cli.cache_ignored", path=path, reason=reason)

    # -- use ---------------------------------------------------------------------------
    def load(self, name: str, validate: Callable[[object], T]) -> T | None:
        """The validated payload of entry ``name``, or None (missing or untrusted)."""
        path = self.path(name)
        try:
            data = _bounded_json(_read_trusted(path))
            if not isinstance(data, dict) or set(data) != {
                "schema",
                "key",
                "name",
                "payload",
                "mac",
            }:
                raise ValueError("not a cache entry")
            if data["schema"] != SCHEMA or data["key"] != self.key or data["name"] != name:
                raise ValueError("an entry for other sources")
            mac = data["mac"]
            if not isinstance(mac, str) or not hmac.compare_digest(
                mac, self._mac(name, data["payload"])
            ):
                raise ValueError("not written by this user (signature does not match)")
            return validate(data["payload"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
            self._ignore(path, str(error) or type(error).__name__)
            return None

    def store(self, name: str, payload: object) -> None:
        """Write entry ``name`` atomically (never raises: a cache is optional)."""
        path = self.path(name)
        record = {
            "schema": SCHEMA,
            "key": self.key,
            "name": name,
            "payload": payload,
            "mac": self._mac(name, payload),
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            from derivations.files import write_atomically

            write_atomically({path: json.dumps(record, separators=(",", ":"))}, mode=0o600)
        except Exception:
            pass
