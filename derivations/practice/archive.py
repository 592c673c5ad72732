"""``practice/checker.zip``: the checker's pure-Python code, one archive the practice
page's worker unpacks onto ``sys.path`` in Pyodide; it needs no library beyond Python's
own.

What goes in (:func:`members`), derived from the page's own code, never listed by hand:

* **the modules the page can import** (:func:`page_modules`): every module of the
  package reachable by an import statement (at module level or inside a function, but
  not under ``if TYPE_CHECKING:``) from the page's entry points (:data:`ENTRY`, what the
  worker imports), but for a module whose import needs a library the page does not have
  (its module-level code imports something outside the standard library and the
  package: SymPy, NumPy, Jinja2, …), whose imports are not followed;
* **the files the page reads** (:func:`page_files`): the sources the store hashes to
  know that a prebuilt entry is fresh (:data:`~derivations.store.Kind.sources` of the
  kinds the page reads: the checking derivations, the grammar's tables, the registry's
  YAML files, the message catalogues) and those prebuilt entries; the message
  catalogues are those of the areas the page's modules name (a message id's area is
  its first part: ``checker.…`` from ``messages/checker.yaml``).  The YAML files stay
  although the page reads their prebuilt JSON: the store's freshness check hashes their
  bytes.

The answer grammar's parse tables, the message catalogues and the registry's YAML files
ship prebuilt: no PyYAML and no lark in the browser (it parses answers with
:mod:`derivations.checking.reading.lalr` over the tables lark computed at build time).
The bytes are deterministic: members sorted by name, each dated 1980-01-01, mode 0644,
deflated at level 9, so a build from a checkout and one from an installed wheel (same
sources, same library versions, pinned by ``constraints.txt``) are byte for byte the
same.

The prebuilt derivations are the one committed input the browser cannot make again (it
has no SymPy): :func:`checker_archive` refuses to pack them when one is stale (missing,
or derived from other sources than the package's: :func:`stale_derivations`), with a
keyed one-line error naming the file and the command that writes them afresh, so
``docs`` fails instead of shipping a checker that cannot load (and making no snapshot).
"""

from __future__ import annotations

import ast
import io
import re
import sys
import zipfile
from functools import cache
from pathlib import Path

__all__ = [
    "ARCHIVE",
    "ENTRY",
    "REWRITE",
    "page_modules",
    "page_files",
    "members",
    "stale_derivations",
    "checker_archive",
]

ARCHIVE = "practice/checker.zip"  # where ``docs`` writes it, relative to its output folder
# what the page's worker imports (worker.js: IMPORTS): the page's entry points
ENTRY = ("derivations.practice.browser", "derivations.practice.numbers")
_DATE = (1980, 1, 1, 0, 0, 0)
# the command that writes the prebuilt derivations afresh (said by the stale error)
REWRITE = "python -m derivations questions --write-prebuilt"
# libraries the page has: Python's standard library (the package is the page's own)
_STANDARD = frozenset(sys.stdlib_module_names) | {"__future__"}
# a message id in the source (``area.name``), or an f-string's start naming an area
_MESSAGE_ID = re.compile(r"([a-z_]+)\.[A-Za-z0-9_.]*")


@cache
def _root() -> Path:
    import derivations

    return Path(derivations.__file__).resolve().parent


@cache
def _file(module: str) -> Path | None:
    """The source file of ``module`` (a ``derivations`` module), or None."""
    path = _root().joinpath(*module.split(".")[1:])
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


@cache
def _tree(module: str) -> ast.Module:
    path = _file(module)
    assert path is not None
    return ast.parse(path.read_bytes(), str(path))


def _imported(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The names ``node`` (in ``module``) imports: modules, and ``module.name`` for each
    name a ``from`` import takes (a submodule or not)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        source = _file(module)
        package = module if source and source.name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def _type_checking(test: ast.expr) -> bool:
    """Whether ``test`` is ``TYPE_CHECKING`` or ``typing.TYPE_CHECKING`` (read from the
    tree: unparsing every ``if`` cost a tenth of a second a build)."""
    if isinstance(test, ast.Attribute):
        return test.attr == "TYPE_CHECKING" and isinstance(test.value, ast.Name)
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def _imports(module: str) -> tuple[set[str], set[str]]:
    """(the package's modules ``module`` imports anywhere but under ``if TYPE_CHECKING:``,
    the libraries outside the standard library its module-level code imports)."""
    inner: set[str] = set()
    foreign: set[str] = set()

    def walk(nodes: list[ast.stmt], top: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _type_checking(node.test):
                walk(node.orelse, top)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for name in _imported(node, module):
                    first = name.partition(".")[0]
                    if first == "derivations":
                        inner.add(name)
                    elif top and first not in _STANDARD and name:
                        foreign.add(first)
            elif isinstance(node, ast.Try):
                walk(node.body, False)  # an import that may fail: not needed
                for handler in node.handlers:
                    walk(handler.body, False)
                walk(node.orelse + node.finalbody, top)
            else:
                runs = top and isinstance(
                    node, (ast.If, ast.With, ast.For, ast.While, ast.ClassDef)
                )
                for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                    block = getattr(node, field, None)
                    if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                        walk(block, runs)

    walk(_tree(module).body, True)
    modules: set[str] = set()
    for name in inner:
        parts = name.split(".")
        modules.update(
            ".".join(parts[:end])
            for end in range(1, len(parts) + 1)
            if _file(".".join(parts[:end]))
        )
    return modules, foreign


def page_modules() -> list[str]:
    """The modules the practice page can import (see the module's docstring), sorted."""
    return list(_page_modules())


@cache
def _page_modules() -> tuple[str, ...]:
    # members() and page_files() both need the walk: done once a process
    found: set[str] = set()
    todo = list(ENTRY)
    while todo:
        module = todo.pop()
        if module in found:
            continue
        modules, foreign = _imports(module)
        if foreign:
            continue  # it cannot be imported in the page: neither it nor what it imports
        found.add(module)
        todo.extend(modules - found)
    return tuple(sorted(found))


def _areas(modules: list[str]) -> set[str]:
    """The message catalogues (areas) named by a message id in ``modules``' code: a
    string ``area.name``, or an f-string starting ``area.``, whose area is a catalogue."""
    areas = {path.stem for path in (_root() / "messages").glob("*.yaml")}
    named = set()
    for module in modules:
        for node in ast.walk(_tree(module)):
            if isinstance(node, ast.JoinedStr) and node.values:
                node = node.values[0]
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = _MESSAGE_ID.fullmatch(node.value)
                if match and match.group(1) in areas:
                    named.add(match.group(1))
    return named


@cache
def _page_areas() -> frozenset[str]:
    # the page's catalogues, found once a process (checker_archive lets the trees go)
    return frozenset(_areas(page_modules()))


def page_files() -> list[str]:
    """The files below the package the page reads besides its modules' code (see the
    module's docstring), as paths below the package, sorted; their prebuilt entries are
    made by :func:`checker_archive`."""
    from derivations.checking.deciding.catalogue import STORE
    from derivations.checking.reading.grammar import _cache as grammar
    from derivations.registry.data import FILES

    files = {*STORE.sources, *grammar().sources, *(f"registry/{name}" for name in FILES)}
    files.update(f"messages/{area}.yaml" for area in _page_areas())
    files.update(
        f"prebuilt/checking/{path.name}"
        for path in (_root() / "prebuilt" / "checking").glob("*.json")
    )
    return sorted(files)


def members() -> dict[str, Path]:
    """Archive name -> file, for every member read from a file: the page's modules
    (:func:`page_modules`) and the files it reads (:func:`page_files`), sorted."""
    root = _root()
    paths = {_file(module) for module in page_modules()}
    paths.update(root / name for name in page_files())
    return {
        f"derivations/{path.relative_to(root).as_posix()}": path
        for path in sorted(p for p in paths if p is not None)
    }


def stale_derivations() -> list[str]:
    """The package's prebuilt derivation file of every question in the catalogue that is
    missing or not derived from the package's current sources (the store's
    :meth:`~derivations.store.Kind.stale_prebuilt`), as paths; empty when all are fresh."""
    from derivations.checking.deciding.catalogue import STORE
    from derivations.registry.questions import QUESTIONS

    return STORE.stale_prebuilt(QUESTIONS)


def checker_archive() -> bytes:
    """The archive's bytes (deterministic, see the module's docstring): :func:`members`,
    with the shipped message catalogues and the registry's YAML files also as the store's
    prebuilt JSON (:func:`derivations.messages.prebuilt_files`,
    :func:`derivations.registry.data.prebuilt_files`) and the grammar's parse tables
    (:func:`derivations.checking.reading.grammar.prebuilt_files`): the browser never
    parses YAML nor imports lark.  DerivationError ``docs.prebuilt_stale`` (naming the
    first stale file, how many are, and :data:`REWRITE`) when a prebuilt derivation is
    stale (:func:`stale_derivations`).  The modules' syntax trees, read to find the
    members, are let go once they are read."""
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
    # the modules' syntax trees are read: let them go (about 35 MB that ``docs`` would
    # otherwise hold while it builds; the modules and areas found are kept)
    _tree.cache_clear()
    shipped = {name.removeprefix("derivations/messages/") for name in contents}
    for name, data in {**messages(), **registry(), **grammar()}.items():
        if name.startswith("prebuilt/messages/") and f"{Path(name).stem}.yaml" not in shipped:
            continue  # a catalogue the page never speaks from
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
