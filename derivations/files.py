"""Writing outputs atomically: a reader (or an interrupted run) sees the old files or the
new ones, never half of one; several files are staged together and replaced only when
every one of them was written.  Failures are one-line :class:`DerivationError` naming the
path."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from derivations.errors import DerivationError

__all__ = ["write_atomically"]


def _check_target(path: Path) -> None:
    if str(path) in ("", "."):
        raise DerivationError(f"output path {str(path)!r} is empty")
    if path.is_dir():
        raise DerivationError(f"output path {path} is a directory, not a file")
    if path.exists() and not path.is_file():
        raise DerivationError(f"output path {path} is not a regular file")
    if path.parent.exists() and not path.parent.is_dir():
        raise DerivationError(f"cannot write {path}: {path.parent} is not a directory")


def write_atomically(files: dict, mode: int = 0o644, make_parents: bool = False) -> None:
    """Write ``{path: str | bytes}``: all are staged beside their targets first, then each
    replaces its target.  Nothing is replaced if any staging fails."""
    targets = [Path(p) for p in files]
    resolved = [t.resolve() for t in targets]
    if len(set(resolved)) != len(resolved):
        twice = next(t for t, r in zip(targets, resolved) if resolved.count(r) > 1)
        raise DerivationError(f"output path {twice} is given twice")
    staged: list[tuple[str, Path]] = []
    try:
        for target in targets:  # every target checked before anything is created
            _check_target(target)
        for target, content in zip(targets, files.values()):
            if make_parents:
                target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent or ".",
                                                 prefix=f".{target.name}.", suffix=".tmp")
            staged.append((temporary, target))
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, mode)  # mkstemp's 0600 would make shared outputs private
        for temporary, target in staged:
            os.replace(temporary, target)
        staged.clear()
    except OSError as error:
        where = error.filename or "output"
        raise DerivationError(f"cannot write {where}: {error.strerror or error}") from None
    finally:
        for temporary, _ in staged:
            try:
                os.unlink(temporary)
            except OSError:
                pass
