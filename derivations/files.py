"""Writing outputs atomically: a reader (or an interrupted run) sees the old files or the
new ones, never half of one; several files are staged together and replaced only when
every one of them was written.  Failures are one-line :class:`DerivationError` naming the
path.

Modes: a file that replaces an existing one keeps that file's permission bits (a private
0600 report stays private); a new file gets ``0o666`` minus the process umask, as
``open()`` would give it.  An explicit ``mode`` overrides both.

Temporary files are named ``.<target>.<pid>.<random>.tmp`` beside their target.  A run
killed with SIGKILL cannot remove its own; the next write to the same target removes
those whose process no longer exists (never one a live run is still writing).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

from derivations.errors import DerivationError

__all__ = ["write_atomically", "Staging", "new_file_mode", "remove_stale_temporaries"]

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")


def _check_target(path: Path) -> None:
    if str(path) in ("", "."):
        raise DerivationError(key="files.empty_path", path=repr(str(path)))
    if path.is_dir():
        raise DerivationError(key="files.is_directory", path=str(path))
    if path.exists() and not path.is_file():
        raise DerivationError(key="files.not_regular", path=str(path))
    if path.parent.exists() and not path.parent.is_dir():
        raise DerivationError(
            key="files.parent_not_directory", path=str(path), parent=str(path.parent)
        )


def _cannot_write(path, error: OSError) -> DerivationError:
    """``cannot write PATH: REASON`` (the system's reason, as it gives it)."""
    return DerivationError(
        key="files.cannot_write", path=str(path), reason=error.strerror or str(error)
    )


def new_file_mode() -> int:
    """The permission bits ``open()`` gives a new file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(target: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return new_file_mode()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def remove_stale_temporaries(target: Path) -> None:
    """Remove ``.<target>.<pid>.*.tmp`` files beside ``target`` left by dead processes."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = _TEMPORARY.match(name)
        if not found or found["name"] != target.name or _alive(int(found["pid"])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)


class _TargetStream(io.RawIOBase):
    """A staged file's raw stream: a failed write (a full disk, a file-size limit) is the
    one-line :class:`DerivationError` naming the target, never an ``OSError`` naming a
    temporary file."""

    def __init__(self, raw, target: Path):
        self.raw, self.target = raw, target

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        try:
            return self.raw.write(data)
        except OSError as error:
            raise _cannot_write(self.target, error) from None

    def close(self) -> None:
        self.raw.close()
        super().close()


class Staging:
    """Files staged beside their targets, replaced together by :meth:`commit`.

    ``open(path)`` gives a binary stream to write a large output piece by piece (a
    report streamed row by row); ``add(path, data)`` stages a whole file.  Leaving the
    ``with`` block without :meth:`commit` (an error, Ctrl-C) removes every staged file
    and replaces nothing."""

    def __init__(self, mode: int | None = None, make_parents: bool = False):
        self.mode, self.make_parents = mode, make_parents
        self._staged: list[tuple[str, Path]] = []
        self._resolved: set[Path] = set()

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    def _claim(self, target: Path) -> None:
        _check_target(target)
        resolved = target.resolve()
        if resolved in self._resolved:
            raise DerivationError(key="files.given_twice", path=str(target))
        self._resolved.add(resolved)

    def open(self, path):
        """A binary stream whose content becomes ``path`` on :meth:`commit`."""
        target = Path(path)
        self._claim(target)
        try:
            if self.make_parents:
                target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(target)
            handle, temporary = tempfile.mkstemp(
                dir=target.parent if str(target.parent) else ".",
                prefix=f".{target.name}.{os.getpid()}.",
                suffix=".tmp",
            )
        except OSError as error:  # named by the target asked for, not its temporary
            raise _cannot_write(target, error) from None
        self._staged.append((temporary, target))
        return io.BufferedWriter(_TargetStream(os.fdopen(handle, "wb", buffering=0), target))

    def add(self, path, content) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            with self.open(path) as stream:
                stream.write(data)
        except OSError as error:
            raise _cannot_write(path, error) from None

    def commit(self) -> None:
        """Give every staged file its mode, then replace the targets."""
        try:
            for temporary, target in self._staged:
                os.chmod(temporary, _mode_for(target, self.mode))
            for temporary, target in self._staged:
                os.replace(temporary, target)
        except OSError as error:
            where = error.filename or "output"
            raise _cannot_write(where, error) from None
        finally:
            self._staged = [(t, p) for t, p in self._staged if os.path.exists(t)]
            self.discard()

    def discard(self) -> None:
        for temporary, _ in self._staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        self._staged.clear()


def write_atomically(files: dict, mode: int | None = None, make_parents: bool = False) -> None:
    """Write ``{path: str | bytes}``: all are staged beside their targets first, then each
    replaces its target.  Nothing is replaced if any staging fails.  ``mode``: see the
    module docstring (default: keep the replaced file's mode, else follow the umask)."""
    targets = [Path(p) for p in files]
    for target in targets:  # every target checked before anything is created
        _check_target(target)
    resolved = [t.resolve() for t in targets]
    if len(set(resolved)) != len(resolved):
        twice = next(t for t, r in zip(targets, resolved) if resolved.count(r) > 1)
        raise DerivationError(key="files.given_twice", path=str(twice))
    with Staging(mode=mode, make_parents=make_parents) as staging:
        for target, content in zip(targets, files.values()):
            staging.add(target, content)
        staging.commit()
