"""The import plan: rooms in a declared order, no circle through the closed forms or the
layer model, at most a few arrows that run upward.

How it counts: every ``import`` and ``from ... import`` in every module of the package,
read from the AST (function-level imports included; those under ``if TYPE_CHECKING:``
left out, as they never run), each resolved to the innermost module of the package it
names (``from derivations import display`` is the module ``derivations.display``).  A
module's *room* is its first name below ``derivations`` (``checking`` for every module
of ``derivations/checking/``); an arrow between rooms runs *upward* when the importing
room sits in a lower layer of :data:`LAYERS` than the room it imports.  Rooms of one
layer may import each other.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "derivations"

# low to high: a room may import its own layer and the layers below it
LAYERS = (
    # the words (an error is said from the catalogue); records: a leaf
    ("errors", "messages", "records"),
    # leaves and declarations; the store of derived data imports only the words, and the
    # registry reads its YAML files through it
    ("numbers", "files", "file_names", "display", "store", "registry", "fonts"),
    ("expr",),  # the expression language
    ("model", "counted", "docs_cache", "mathml"),
    ("closed_forms", "conv", "loops"),
    ("scenarios", "execute", "sweep"),
    ("checking", "networks"),
    ("exercises", "figures", "reference", "render", "webpage", "variants", "grading"),
    ("api", "commands", "practice"),  # practice: the browser runs `check`
    ("cli", "__main__", "__init__"),
)
# back to 3 (session 15): the registry -> model arrow of 454aa447 is gone; the notation
# records keep a held parameter's symbol (PyTorch's dilation[0]: d_h) and the checker reads
# it at the model's Layer value (checking.reading.lexer.book_formula)
MAX_UPWARD = 3


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if package else parts)] = (path, package)
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for part in node.body for inner in ast.walk(part))
    return skipped


def import_graph() -> dict[str, set[str]]:
    """module -> the package's modules it imports (anywhere in its code)."""
    modules = _modules()

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = defaultdict(set)
    for module, (path, package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = module.split(".")[: len(module.split(".")) - node.level + package]
                    base = ".".join(parent + ([node.module] if node.module else []))
                # ``from a import b``: the module a.b when there is one, else a
                names = [f"{base}.{alias.name}" for alias in node.names]
                names = [n if resolve(n) == n else base for n in names]
            else:
                continue
            for name in names:
                target = resolve(name) if name.split(".")[0] == "derivations" else None
                if target and target != module:
                    graph[module].add(target)
    return graph


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer() -> dict[str, int]:
    return {name: level for level, names in enumerate(LAYERS) for name in names}


def upward_arrows() -> set[tuple[str, str]]:
    layer = _layer()
    return {
        (room(a), room(b))
        for a, targets in import_graph().items()
        for b in targets
        if layer[room(a)] < layer[room(b)]
    }


def circles(graph: dict[str, set[str]] | None = None) -> list[set[str]]:
    """The strongly connected sets of modules (Tarjan, iterative) of more than one, in
    ``graph`` (module -> the modules it imports; the package's :func:`import_graph`)."""
    graph = import_graph() if graph is None else graph
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_every_room_has_a_layer():
    rooms = {room(module) for module in _modules()}
    assert rooms <= set(_layer()), sorted(rooms - set(_layer()))


def _reached(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_circles_are_the_modules_that_reach_each_other():
    """:func:`circles` against the definition, by reachability: a planted graph (a circle
    of two, one of three entered from outside it, a path that returns nowhere) and the
    package's imports."""
    planted = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"e"}, "e": {"c", "f"}, "g": {"a"}}
    assert sorted(sorted(c) for c in circles(planted)) == [["a", "b"], ["c", "d", "e"]]
    graph = import_graph()
    reached = {module: _reached(graph, module) for module in graph}
    mutual = {frozenset({m} | {n for n in reached[m] if m in reached.get(n, ())}) for m in graph}
    assert {frozenset(c) for c in circles(graph)} == {c for c in mutual if len(c) > 1}


@pytest.mark.parametrize("module", ["derivations.closed_forms", "derivations.model"])
def test_no_circle_through(module):
    assert not [c for c in circles() if module in c]


def test_at_most_a_few_arrows_run_upward():
    arrows = upward_arrows()
    assert len(arrows) <= MAX_UPWARD, sorted(arrows)


def test_the_counting_sees_function_level_imports():
    # closed_forms imports the SymPy bridge, display the catalogue, inside functions only
    graph = import_graph()
    assert "derivations.expr.bridge" in graph["derivations.closed_forms"]
    assert "derivations.messages" in graph["derivations.display"]  # inside set_language
