"""The system font the Chinese figures draw with, found as matplotlib draws with it, and
its identity for the docs cache.

matplotlib bundles DejaVu Sans (its version pins it); Noto Sans CJK SC comes from the
system (``fonts-noto-cjk``), so a font upgrade changes the zh figures' bytes with no
change to the package or its libraries.  :func:`identity` is one line naming the file
matplotlib uses for it and its SHA-256, which the docs cache
(:mod:`derivations.docs_cache`) keys its entries by: another font file, or the same
file with other bytes, builds every figure again.
"""

from __future__ import annotations

import hashlib
import os

__all__ = ["CJK_FONT", "cjk_file", "identity"]

CJK_FONT = "Noto Sans CJK SC"
_CHUNK = 1 << 20


def _found(family: str) -> str | None:
    """The file matplotlib draws ``family`` from, or None when it has no such font."""
    from matplotlib import font_manager

    try:
        return font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
    except ValueError:
        return None


def _add_from_fontconfig(family: str) -> bool:
    """Add ``family``'s file as fontconfig finds it to matplotlib's fonts (its font list
    is cached from the first run: a font installed later is not in it); False when
    fontconfig has no such font."""
    import shutil
    import subprocess

    from matplotlib import font_manager

    if shutil.which("fc-match") is None:
        return False
    done = subprocess.run(
        ["fc-match", "-f", "%{family}\\n%{file}", family], capture_output=True, text=True
    )
    lines = done.stdout.split("\n")
    if done.returncode or len(lines) < 2 or family not in lines[0].split(","):
        return False
    font_manager.fontManager.addfont(lines[1])
    return True


def cjk_file() -> str | None:
    """The file of :data:`CJK_FONT` that matplotlib draws with (added from fontconfig
    first when matplotlib's font list predates it), or None when it is not installed."""
    found = _found(CJK_FONT)
    if found is None and _add_from_fontconfig(CJK_FONT):
        found = _found(CJK_FONT)
    return found


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def identity() -> str:
    """``font <family> <file name> <SHA-256>`` of :func:`cjk_file` (``... missing`` when
    it is not installed, or its file cannot be read)."""
    path = cjk_file()
    if path is None:
        return f"font {CJK_FONT} missing"
    try:
        return f"font {CJK_FONT} {os.path.basename(path)} {_sha256(path)}"
    except OSError as error:
        return f"font {CJK_FONT} {os.path.basename(path)} unreadable ({error.strerror})"
