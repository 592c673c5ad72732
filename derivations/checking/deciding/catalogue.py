"""Each question's derived variants as expression trees, cached on disk.

Deriving every variant takes SymPy seconds (doubling the padding simplifies floors); a
cold ``check`` must answer in well under one.  The cache holds only what
:func:`.derive.derive` produced, keyed by a hash of the sources it depends on (the
model, the closed forms, the scenarios, this package) and the SymPy version, so an
edited formula is never served stale.  An unwritable cache directory only costs time.
``DERIVATIONS_CACHE`` overrides the directory (tests point it at a temporary one).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from derivations.errors import DerivationError
from derivations.files import write_atomically
from derivations.checking import expression as ex
from derivations.checking.evaluate import compile_node
from derivations.registry.questions import Question, question

__all__ = ["Entry", "Compiled", "entry", "cache_directory", "source_hash"]

_ROOT = Path(__file__).resolve().parents[2]  # the derivations package
# every source whose change can change a derived reference (paths below the package)
_SOURCES = ("model.py", "closed_forms.py", "scenarios.py", "checking/deciding/catalogue.py",
            "checking/deciding/derive.py", "checking/expression.py",
            "registry/questions.py", "checking/deciding/symbolic.py")
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
    variants: tuple          # of Compiled; variants[0] is the reference
    display_text: str        # written with m_h, m_w where they occur, as the book does
    display_latex: str
    expanded_text: str       # the same in input symbols only (floors written out)
    definitions: tuple       # ("m_h = floor(...)", ...) for the m_h, m_w display_text uses

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
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "derivations")
    return Path(root) / "checking" / source_hash()


def _to_json(entry_data: dict) -> str:
    variants = [{"tree": ex.to_data(v.tree), "padding": v.padding,
                 "conventions": list(v.conventions), "misconception": v.misconception,
                 "domain": sorted(v.domain), "alternatives": [list(a) for a in v.alternatives]}
                for v in entry_data["variants"]]
    shown = {key: entry_data[key] for key in _SHOWN}
    return json.dumps({"variants": variants, **shown})


def _from_json(text: str) -> dict:
    data = json.loads(text)
    variants = tuple(Compiled(ex.from_data(v["tree"]), v["padding"], tuple(v["conventions"]),
                              v["misconception"], frozenset(v["domain"]),
                              tuple(tuple(a) for a in v["alternatives"]))
                     for v in data["variants"])
    return {"variants": variants, **{key: data[key] for key in _SHOWN}}


def _derived(qid: str) -> dict:
    import sympy as sp

    from derivations.checking.deciding.derive import derive
    from derivations.closed_forms import m_h, m_w
    from derivations.checking.deciding.symbolic import from_sympy, with_output_sizes
    from derivations.model import output_sizes
    variants = derive(qid)
    compiled = tuple(Compiled(from_sympy(v.expr), v.padding, v.conventions, v.misconception,
                              v.domain, v.alternatives) for v in variants)
    expanded = variants[0].expr
    shown = with_output_sizes(expanded, "total") if question(qid).output_symbols else expanded
    sizes = dict(zip((m_h, m_w), output_sizes("total", dilation=False)))
    definitions = tuple(f"{name} = {sp.sstr(sizes[name])}"
                        for name in (m_h, m_w) if name in shown.free_symbols)
    return {"variants": compiled, "display_text": sp.sstr(shown),
            "display_latex": sp.latex(shown), "expanded_text": sp.sstr(expanded),
            "definitions": list(definitions)}


def _load(qid: str) -> dict:
    path = cache_directory() / f"{qid}.json"
    try:
        return _from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    data = _derived(qid)
    try:
        write_atomically({path: _to_json(data)}, make_parents=True)
    except DerivationError:
        pass  # a read-only home only makes the next run slower
    return data


@lru_cache(maxsize=None)
def entry(qid: str) -> Entry:
    """The question's variants (reference first), from the cache or derived now."""
    q = question(qid)
    data = _load(qid)
    return Entry(q, data["variants"], data["display_text"], data["display_latex"],
                 data["expanded_text"], tuple(data["definitions"]))
