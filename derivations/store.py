"""One store of derived data: it can make a run faster, never change a result.

Each kind of derived data is a :class:`Kind` (``forms``, ``grammar``, ``checking``,
``docs``) named once, with the sources it is derived from.  An entry's identity is its
kind, its name and the *source hash* of its kind: SHA-256 of the store's schema, the
bytes of those sources (paths inside the ``derivations`` package) and the versions of
the libraries that shape it.  An entry comes from, in this order:

1. **the user's cache**, ``$DERIVATIONS_CACHE`` (default ``$XDG_CACHE_HOME/derivations``,
   i.e. ``~/.cache/derivations``), file ``<kind>/<source hash>/<name>.json``.  The folder
   may be shared or planted, so one trust rule decides what is read there: every folder
   from the cache root down is the user's, not writable by others (group or world: a
   folder of the user's that is, is made private first), and no symbolic link (each
   opened without following links, relative to its parent); the
   file is a regular file the user owns, not writable by others, at most the kind's size
   cap, opened without following a link and without blocking; it parses as JSON (no
   floats or NaN) of the schema ``{"schema", "kind", "name", "source", "payload",
   "mac"}``; its identity is the one asked for; ``mac`` is the HMAC-SHA256, under the
   user's key, of its identity and payload together (a signed entry renamed to another
   name, moved to another kind or kept for other sources does not pass); and the kind's
   ``validate`` accepts the payload.  Writes walk the same folders the same way (missing
   ones created ``0700``) and replace the file atomically, ``0600``.
2. **the package** (read-only package data): ``derivations/prebuilt/<kind>/<name>.json``,
   written by :meth:`Kind.prebuilt_file` and committed.  It is trusted by where it is (as
   the package's code is), whatever the owner or mode bits of the unpacked file: it is
   used when it parses, names this identity and its payload passes ``validate``; a file
   for other sources is ignored silently (an edited checkout), anything else with one
   warning.
3. **derivation** by the caller, who then stores it in the cache.

The key: one per user, ``$XDG_CONFIG_HOME/derivations/cache.key`` (``~/.config``),
outside the cache folder, 64 hex digits, created ``0600`` on first use.  It is used only
when it is a regular file the user owns, not a symbolic link, and neither readable nor
writable by group or others; otherwise every kind says so in one warning and the cache
is neither read nor written in this process (the package's entries still are).

Anything refused is ignored with one warning line per file and process, and derived
again.  An unwritable cache, or a platform whose ``os.open`` takes no ``dir_fd``, only
costs time: the cache is then not used, and storing never raises.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

__all__ = ["Kind", "Untrusted", "SCHEMA", "MAX_BYTES", "cache_root", "key_file", "package_files"]

T = TypeVar("T")
SCHEMA = 2
MAX_BYTES = 4 * 1024 * 1024  # the default size cap of one entry
_KEY_HEX = 64  # 32 random bytes written as hex
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
_IDENTITY = ("schema", "kind", "name", "source")  # an entry's, in this order
_PACKAGE = Path(__file__).resolve().parent
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_SAFE = bool(_DIRECTORY and _NOFOLLOW) and os.open in os.supports_dir_fd


def package_files():
    """The package's files, read as package data: its folder, or what importlib.resources
    gives for a package that is not one (a zip; importing it costs a cold start ~10 ms)."""
    if (_PACKAGE / "__init__.py").is_file():
        return _PACKAGE
    from importlib import resources

    return resources.files("derivations")


class Untrusted(ValueError):
    """A file or folder the trust rule refuses (the message says why)."""


def cache_root() -> Path:
    root = os.environ.get("DERIVATIONS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "derivations"
    )
    return Path(root)


def key_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(config) / "derivations" / "cache.key"


_warned: set[tuple[str, str]] = set()


# --- SHA-256 and HMAC without hashlib ------------------------------------------------------
# hashlib (and hmac, which imports it) loads OpenSSL and makes every algorithm it offers on
# import: about 6 ms of a cold check's 90.  The interpreter's own SHA-256 module gives the
# same digests (hashlib's fallback when OpenSSL is absent); HMAC is RFC 2104's.
@lru_cache(maxsize=1)
def _sha256_type():
    """The interpreter's own SHA-256 (``_sha2`` from Python 3.12, ``_sha256`` before),
    else hashlib's."""
    from importlib import import_module

    for name in ("_sha2", "_sha256", "hashlib"):
        try:
            return import_module(name).sha256
        except ImportError:
            continue
    raise ImportError("no SHA-256 in this interpreter")


def _sha256(data: bytes = b""):
    """A SHA-256 hash object of ``data`` (as ``hashlib.sha256(data)``)."""
    return _sha256_type()(data)


_BLOCK = 64  # SHA-256's block size in bytes
_INNER = bytes(byte ^ 0x36 for byte in range(256))
_OUTER = bytes(byte ^ 0x5C for byte in range(256))


def _hmac_sha256(key: bytes, message: bytes) -> str:
    """HMAC-SHA256 of ``message`` under ``key``, hex (as ``hmac.new(key, message,
    hashlib.sha256).hexdigest()``)."""
    if len(key) > _BLOCK:
        key = _sha256(key).digest()
    key = key.ljust(_BLOCK, b"\0")
    inner = _sha256(key.translate(_INNER) + message).digest()
    return _sha256(key.translate(_OUTER) + inner).hexdigest()


def _same(a: str, b: str) -> bool:
    """``a == b`` in time that does not depend on where they differ (as
    ``hmac.compare_digest``, which is this C function when OpenSSL is absent)."""
    from importlib import import_module

    return bool(import_module("_operator")._compare_digest(a, b))


def _warn(message_id: str, **fields) -> None:
    """One line on stderr, once per message and path in this process."""
    seen = (message_id, str(fields.get("path")))
    if seen in _warned:
        return
    _warned.add(seen)
    from derivations.messages import text

    print(f"derivations: {text(message_id, 'en', **fields)}", file=sys.stderr)


# --- the trust rule ------------------------------------------------------------------------
def _judge(info: os.stat_result, directory: bool, where: str) -> None:
    """Raise :class:`Untrusted` unless ``info`` is a folder (``directory``) or regular
    file owned by this user and not writable by others."""
    if directory and not stat.S_ISDIR(info.st_mode):
        raise Untrusted(f"{where}: not a folder")
    if not directory and not stat.S_ISREG(info.st_mode):
        raise Untrusted(f"{where}: not a regular file")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise Untrusted(f"{where}: owned by another user")
    if info.st_mode & _OTHERS_WRITE:
        raise Untrusted(f"{where}: writable by others")


def _private(folder: int) -> os.stat_result:
    """The status of an open folder; one of this user's that others may write (made so by
    a umask of 002 before the cache kept its folders 0700) is made private first: every
    entry in it is still judged on its own."""
    info = os.fstat(folder)
    mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    if stat.S_ISDIR(info.st_mode) and mine and info.st_mode & _OTHERS_WRITE:
        os.fchmod(folder, stat.S_IMODE(info.st_mode) & ~_OTHERS_WRITE)
        info = os.fstat(folder)
    return info


def _open_folder(parts: tuple[str, ...], create: bool) -> int:
    """A descriptor of cache root / parts, every folder judged on the way down and none a
    symbolic link below the root (``create``: missing ones made ``0700``)."""
    root = cache_root()
    if create:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        _judge(_private(folder), True, "the cache folder")
        for part in parts:
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o700, dir_fd=folder)
            try:
                inner = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=folder)
            except FileNotFoundError:
                raise
            except OSError:
                raise Untrusted(f"{part}: a symbolic link or not a folder") from None
            os.close(folder)
            folder = inner
            _judge(_private(folder), True, part)
        return folder
    except BaseException:
        os.close(folder)
        raise


def _read_file(name: str, folder: int | None, limit: int, private: bool = False) -> bytes:
    """The bytes of file ``name`` (in ``folder``'s descriptor, or a path) under the trust
    rule, at most ``limit`` long (``private``: nobody else may read it either)."""
    flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(name, flags, dir_fd=folder)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise Untrusted(f"cannot be opened safely ({error.strerror})") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(handle)
        _judge(info, False, "the file")
        if private and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise Untrusted("readable or writable by others (must be 0600)")
        if info.st_size > limit:
            raise Untrusted(f"larger than {limit} bytes")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise Untrusted(f"larger than {limit} bytes")
    return data


@lru_cache(maxsize=4)
def _secret(path: Path) -> bytes | None:
    """The user's key at ``path`` (created on first use), or None with one warning when it
    cannot be kept safely: then the cache is not used in this process."""
    try:
        try:
            key = _read_file(str(path), None, _KEY_HEX, private=True)
        except FileNotFoundError:
            key = _new_key(path)
        if len(key) != _KEY_HEX or not re.fullmatch(rb"[0-9a-f]+", key):
            raise Untrusted(f"not {_KEY_HEX} hex digits")
        return key
    except (OSError, ValueError) as error:
        _warn("cli.cache_key_ignored", path=path, reason=error)
        return None


def _new_key(path: Path) -> bytes:
    key = os.urandom(_KEY_HEX // 2).hex().encode()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except FileExistsError:  # another process made it meanwhile: use theirs
        return _read_file(str(path), None, _KEY_HEX, private=True)
    with os.fdopen(handle, "wb") as stream:
        stream.write(key)
    return key


# --- JSON ------------------------------------------------------------------------------------
def _refuse(value):
    raise ValueError(f"unexpected number {value[:20]!r}")


def _json(data: bytes):
    """JSON without floats or NaN (integers within Python's digit limit, nesting within
    the recursion limit: both raise, never crash)."""
    return json.loads(data.decode("utf-8"), parse_float=_refuse, parse_constant=_refuse)


def _parse(data: bytes) -> dict:
    """The object in JSON ``data`` (see :func:`_json`)."""
    record = _json(data)
    if not isinstance(record, dict):
        raise ValueError("not a store entry")
    return record


def _canonical(identity: tuple, payload: object) -> bytes:
    return json.dumps([*identity, payload], sort_keys=True, separators=(",", ":")).encode()


def _library_version(name: str) -> str:
    """``name`` and its installed version, without importing it (the names of its
    ``*.dist-info`` folders beside it; importlib.metadata costs ~40 ms); ``python`` and
    ``machine`` are this interpreter's version and the machine's architecture."""
    if name == "python":
        return f"python {sys.version}"
    if name == "machine":
        import platform

        return f"machine {platform.machine()}"
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or not spec.origin:
        return f"{name} missing"
    site = Path(spec.origin).resolve().parent.parent
    found = sorted(p.name for p in site.glob(f"{name.replace('-', '_')}-*.dist-info"))
    if found:
        return " ".join(found)
    return f"{name} at {spec.origin} {os.stat(spec.origin).st_mtime_ns}"


class Kind:
    """The entries of one kind of derived data (see the module docstring).

    ``sources``: paths inside the package the data is derived from (or a function giving
    them); ``libraries``: distributions whose versions shape it (``python`` and
    ``machine`` allowed); ``max_bytes``: the size cap of one entry; ``inputs``: a
    function giving one line per other input outside the package that shapes the data
    (e.g. a system font's SHA-256), called once per process with the source hash."""

    def __init__(
        self,
        kind: str,
        sources: Iterable[str] | Callable[[], Iterable[str]],
        libraries: Iterable[str] = (),
        max_bytes: int = MAX_BYTES,
        inputs: Callable[[], Iterable[str]] | None = None,
    ):
        if not _NAME.fullmatch(kind):
            raise ValueError(f"bad kind {kind!r}")
        self.kind = kind
        self._sources = sources
        self.libraries = tuple(libraries)
        self.max_bytes = max_bytes
        self.inputs = inputs
        self._source: str | None = None

    # -- identity ----------------------------------------------------------------------
    @property
    def sources(self) -> tuple[str, ...]:
        sources = self._sources
        return tuple(sources() if callable(sources) else sources)

    @property
    def source(self) -> str:
        """The source hash: SHA-256 (hex) of the schema, the sources, the libraries and
        the other inputs."""
        if self._source is None:
            digest = _sha256(f"schema {SCHEMA}\n".encode())
            for library in self.libraries:
                digest.update(_library_version(library).encode() + b"\n")
            for line in self.inputs() if self.inputs is not None else ():
                digest.update(f"input {line}\n".encode())
            for name in self.sources:
                content = (_PACKAGE / name).read_bytes()
                digest.update(f"{name}\0{len(content)}\0".encode() + content)
            self._source = digest.hexdigest()
        return self._source

    def _identity(self, name: str) -> tuple:
        if not _NAME.fullmatch(name):
            raise ValueError(f"bad entry name {name!r}")
        return (SCHEMA, self.kind, name, self.source)

    def _header(self, name: str) -> dict:
        return dict(zip(_IDENTITY, self._identity(name)))

    def path(self, name: str) -> Path:
        """Where entry ``name`` is cached."""
        return cache_root() / self.kind / self.source[:16] / f"{name}.json"

    def _mac(self, key: bytes, name: str, payload: object) -> str:
        return _hmac_sha256(key, _canonical(self._identity(name), payload))

    # -- the cache ---------------------------------------------------------------------
    def load(self, name: str, validate: Callable[[object], T]) -> T | None:
        """The validated payload of the cached entry ``name``, or None (missing, or
        refused with one warning)."""
        key = _secret(key_file()) if _SAFE else None
        if key is None:
            return None
        path = self.path(name)
        try:
            folder = _open_folder((self.kind, self.source[:16]), create=False)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:  # one warning for the folder, not per entry
            _warn("cli.cache_ignored", path=path.parent, reason=str(error))
            return None
        try:
            try:
                record = _parse(_read_file(path.name, folder, self.max_bytes))
            finally:
                os.close(folder)
            if set(record) != {*_IDENTITY, "payload", "mac"}:
                raise ValueError("not a store entry")
            if tuple(record[f] for f in _IDENTITY) != self._identity(name):
                raise ValueError("an entry of another kind, name or sources")
            mac = record["mac"]
            if not isinstance(mac, str) or not _same(mac, self._mac(key, name, record["payload"])):
                raise ValueError("not written by this user (signature does not match)")
            return validate(record["payload"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError) as error:
            _warn("cli.cache_ignored", path=path, reason=str(error) or type(error).__name__)
            return None

    def store(self, name: str, payload: object) -> bool:
        """Write entry ``name`` atomically; False when it cannot be (never raises)."""
        key = _secret(key_file()) if _SAFE else None
        if key is None:
            return False
        record = {**self._header(name), "payload": payload, "mac": self._mac(key, name, payload)}
        data = json.dumps(record, separators=(",", ":")).encode()
        if len(data) > self.max_bytes:
            return False
        temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            folder = _open_folder((self.kind, self.source[:16]), create=True)
        except (OSError, ValueError):
            return False  # a read-only or foreign cache only makes the next run slower
        try:
            handle = os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=folder
            )
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, f"{name}.json", src_dir_fd=folder, dst_dir_fd=folder)
            return True
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)
            return False
        finally:
            os.close(folder)

    # -- the package's prebuilt entries ------------------------------------------------
    def prebuilt_directory(self) -> Path:
        """Where the package's prebuilt entries of this kind are written."""
        return _PACKAGE / "prebuilt" / self.kind

    def prebuilt_file(self, name: str, payload: object) -> bytes:
        """The bytes of the prebuilt entry ``name`` holding ``payload``: its identity on
        the first line (JSON), the payload on the second."""
        lines = (self._header(name), payload)
        return b"".join(
            json.dumps(line, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"
            for line in lines
        )

    def _shipped(self, name: str):
        return package_files().joinpath("prebuilt", self.kind, f"{name}.json")

    def _current(self, head: bytes, name: str) -> bool:
        """Does ``head`` (a prebuilt file's first line) name entry ``name`` of this kind
        and schema for these sources (False: for other sources)?  ValueError otherwise."""
        header = _parse(head)
        if set(header) != set(_IDENTITY):
            raise ValueError("not a prebuilt entry")
        identity = tuple(header[f] for f in _IDENTITY)
        if identity[:3] != self._identity(name)[:3]:
            raise ValueError("an entry of another schema, kind or name")
        return identity[3] == self.source

    def prebuilt(self, name: str, validate: Callable[[object], T]) -> T | None:
        """The validated payload of the package's entry ``name``, or None (none shipped;
        for other sources, silently; anything else with one warning)."""
        resource = self._shipped(name)
        try:
            data = resource.read_bytes()
            if len(data) > self.max_bytes:
                raise ValueError(f"larger than {self.max_bytes} bytes")
            head, newline, rest = data.partition(b"\n")
            if not newline or not rest.endswith(b"\n"):
                raise ValueError("not a prebuilt entry (two lines)")
            if not self._current(head, name):
                return None  # prebuilt from other sources: derived here instead
            return validate(_json(rest))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError) as error:
            _warn("cli.cache_ignored", path=resource, reason=str(error) or type(error).__name__)
            return None

    def stale_prebuilt(self, names: Iterable[str]) -> list[str]:
        """The package's entry file of each of ``names`` that is missing, unreadable or
        not for these sources (its first line read, the payload not validated), as
        shown paths, in the order of ``names``: entries :meth:`prebuilt` would not give."""
        stale = []
        for name in names:
            resource = self._shipped(name)
            try:
                with resource.open("rb") as stream:
                    if self._current(stream.readline(1024), name):
                        continue
            except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
                pass
            stale.append(str(resource))
        return stale

    def has(self, name: str) -> bool:
        """Is there an entry ``name`` without deriving: a cache file, or a prebuilt one
        for these sources?  (Cheap: neither is validated here; :meth:`get` does that.)"""
        try:
            if stat.S_ISREG(os.lstat(self.path(name)).st_mode):
                return True
        except OSError:
            pass
        try:
            with self._shipped(name).open("rb") as stream:
                return self._current(stream.readline(1024), name)
        except (OSError, ValueError, TypeError, RecursionError):
            return False

    def get(self, name: str, validate: Callable[[object], T]) -> T | None:
        """The cached entry, else the package's, else None (the caller derives it)."""
        found = self.load(name, validate)
        return found if found is not None else self.prebuilt(name, validate)
