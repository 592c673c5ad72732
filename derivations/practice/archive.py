"""``practice/checker.zip``: the checker's pure-Python code, one archive the practice
page's worker unpacks onto ``sys.path`` in Pyodide; it needs no library beyond Python's
own.

What goes in: the ``derivations`` package without the parts checking never imports
(:data:`LEFT_OUT`: the sheets' exercises and figures, networks, benchmarks,
templates, the page's own scripts), with the package data checking reads (the message
catalogues and the registry's YAML files, each also as the store's prebuilt JSON, the
rubric, the prebuilt derivations) and the answer grammar's parse tables, prebuilt.  No
PyYAML and no lark: the browser reads every YAML file of the package from its prebuilt
JSON, and parses answers with :mod:`derivations.checking.reading.lalr` over the tables
lark computed at build time.  The
bytes are deterministic: members sorted by name, each dated 1980-01-01, mode 0644, deflated
at level 9, so a build from a checkout and one from an installed wheel (same sources, same
library versions, pinned by ``constraints.txt``) are byte for byte the same.

The prebuilt derivations are the one committed input the browser cannot make again (it
has no SymPy): :func:`checker_archive` refuses to pack them when one is stale (missing,
or derived from other sources than the package's: :func:`stale_derivations`), with a
keyed one-line error naming the file and the command that writes them afresh, so
``docs`` fails instead of shipping a checker that cannot load (and making no snapshot).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = ["ARCHIVE", "LEFT_OUT", "REWRITE", "members", "stale_derivations", "checker_archive"]

ARCHIVE = "practice/checker.zip"  # where ``docs`` writes it, relative to its output folder
# subpackages of derivations that checking never imports
LEFT_OUT = ("benchmarks", "exercises", "figures", "networks", "templates", "static")
# package data checking reads (glob patterns below the package)
_DATA = (
    "messages/*.yaml",
    "registry/*.yaml",
    "grading/*.toml",
    "prebuilt/checking/*.json",
)
_DATE = (1980, 1, 1, 0, 0, 0)
# the command that writes the prebuilt derivations afresh (said by the stale error)
REWRITE = "python -m derivations questions --write-prebuilt"


def _package_members() -> dict[str, Path]:
    import derivations

    root = Path(derivations.__file__).resolve().parent
    found = {
        path
        for path in root.rglob("*.py")
        if "__pycache__" not in path.parts and not set(path.relative_to(root).parts) & set(LEFT_OUT)
    }
    for pattern in _DATA:
        found.update(root.glob(pattern))
    return {f"derivations/{path.relative_to(root).as_posix()}": path for path in found}


def members() -> dict[str, Path]:
    """Archive name -> file, for every member read from a file."""
    return dict(sorted(_package_members().items()))


def stale_derivations() -> list[str]:
    """The package's prebuilt derivation file of every question in the catalogue that is
    missing or not derived from the package's current sources (the store's
    :meth:`~derivations.store.Kind.stale_prebuilt`), as paths; empty when all are fresh."""
    from derivations.checking.deciding.catalogue import STORE
    from derivations.registry.questions import QUESTIONS

    return STORE.stale_prebuilt(QUESTIONS)


def checker_archive() -> bytes:
    """The archive's bytes (deterministic, see the module's docstring), with the message
    catalogues and the registry's YAML files also as the store's prebuilt JSON
    (:func:`derivations.messages.prebuilt_files`, :func:`derivations.registry.data.
    prebuilt_files`) and the grammar's parse tables (:func:`derivations.checking.
    reading.grammar.prebuilt_files`): the browser never parses YAML nor imports lark.
    DerivationError ``docs.prebuilt_stale`` (naming the first stale file, how many are,
    and :data:`REWRITE`) when a prebuilt derivation is stale (:func:`stale_derivations`)."""
    from derivations.checking.reading.grammar import prebuilt_files as grammar
    from derivations.messages import prebuilt_files as messages
    from derivations.registry.data import prebuilt_files as registry
    from derivations.registry.questions import QUESTIONS

    stale = stale_derivations()
    if stale:
        from derivations.errors import DerivationError

        raise DerivationError(
            key="docs.prebuilt_stale",
            path=stale[0],
            count=len(stale),
            total=len(QUESTIONS),
            command=REWRITE,
        )
    contents = {name: path.read_bytes() for name, path in members().items()}
    for name, data in {**messages(), **registry(), **grammar()}.items():
        contents[f"derivations/{name}"] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(contents.items()):
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix: the mode below is read as such
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()
