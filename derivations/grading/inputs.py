"""Opening an instructor's input file (class file, rubric, roster): a regular file only.

A FIFO, a socket or a device (``/dev/zero``, ``/dev/stdin``, a shell's ``<(...)``) is
refused before a byte is read: such an input has no size to cap a buffer by and can
block for ever (a FIFO nobody writes to).  The file is opened without blocking
(``O_NONBLOCK``) and checked on the open descriptor, so it cannot be swapped for a FIFO
between the check and the read.
"""

from __future__ import annotations

import os
import stat

from derivations.errors import DerivationError

__all__ = ["open_regular"]


def open_regular(path) -> tuple[int, int]:
    """``(descriptor, size in bytes)`` of the regular file ``path``, opened for reading
    (blocking again once checked); anything else is a keyed one-line error."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise DerivationError(
            key="grading.cannot_read", path=name, reason=error.strerror or str(error)
        ) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise DerivationError(
                key="grading.cannot_read",
                path=name,
                reason=DerivationError(
                    key="grading.is_directory"
                    if stat.S_ISDIR(info.st_mode)
                    else "grading.not_regular_file"
                ),
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info.st_size
