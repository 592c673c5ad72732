"""Each question's derived variants as expression trees, kept in the store.

Deriving every variant takes SymPy seconds (doubling the padding simplifies floors); a
cold ``check`` must answer in well under one.  The entries are of the store's kind
``checking`` (:mod:`derivations.store`: one trust rule, one per-user key, the identity
of an entry inside what is signed), keyed by the sources they are derived from
(:data:`SOURCES`; no library version: the committed entries equal a fresh derivation
under the pinned SymPy, and must be usable where SymPy is absent, as in the browser).
An entry comes from the user's cache, else from the package (``derivations/prebuilt/
checking/<id>.json``, written by ``python -m derivations questions --write-prebuilt``
and committed, like ``output/``), else it is derived now and cached.  The payload read
from either passes the schema below (our own expression trees, read without ``eval``).
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from derivations.expr import tree as ex
from derivations.expr.evaluate import compile_node
from derivations.records import record
from derivations.registry.questions import Question, question
from derivations.store import Kind

__all__ = [
    "Entry",
    "Compiled",
    "entry",
    "cached",
    "write_prebuilt",
    "fresh",
    "STORE",
    "SOURCES",
]

MAX_TEXT = 20_000  # characters of a displayed reference
_PADDINGS = ("total", "per-side")

# every source whose change can change a derived reference (paths below the package)
SOURCES = (
    "model.py",
    "closed_forms.py",
    "scenarios.py",
    "checking/deciding/catalogue.py",
    "checking/deciding/derive.py",
    "expr/tree.py",
    "expr/bridge.py",
    "registry/questions.py",
    "registry/misconceptions.yaml",
    "registry/misconceptions.py",
    "registry/forms.py",
    "registry/dtypes.py",
    "registry/symbols.py",
    "registry/restrictions.py",
    "checking/deciding/symbolic.py",
    "expr/printers.py",
    "checking/explaining/present.py",
)
_SHOWN = ("display_text", "display_latex", "expanded_text", "definitions")
STORE = Kind("checking", SOURCES)


@record(frozen=True)
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


@record(frozen=True)
class Entry:
    question: Question
    variants: tuple  # of Compiled; variants[0] is the reference
    display_text: str  # written with m_h, m_w where they occur, as the book does
    display_latex: str
    expanded_text: str  # the same in input symbols only (floors written out)
    definitions: tuple  # ("m_h = floor(...)", ...) for the m_h, m_w display_text uses
    # (name, tree) of each quantity the worked answer names (Question.worked_names: C_h,
    # C_w), in the question's symbols: a diagnosis may name them (s12exam E19)
    worked: tuple = ()

    @property
    def reference(self) -> Compiled:
        return self.variants[0]


@lru_cache(maxsize=4096)
def _compiled(tree):
    return compile_node(tree)


def _to_data(entry_data: dict) -> dict:
    variants = [
        {
            "tree": ex.to_data(v.tree),
            "padding": v.padding,
            "conventions": list(v.conventions),
            "misconception": v.misconception,
            "domain": sorted(v.domain),
            "alternatives": [list(a) for a in v.alternatives],
        }
        for v in entry_data["variants"]
    ]
    shown = {key: entry_data[key] for key in _SHOWN}
    worked = [[name, ex.to_data(tree)] for name, tree in entry_data["worked"]]
    return {"variants": variants, **shown, "worked": worked}


def _strings(value, what: str, most: int = 64) -> tuple:
    if (
        not isinstance(value, list)
        or len(value) > most
        or not all(isinstance(v, str) and 0 < len(v) <= 64 for v in value)
    ):
        raise ValueError(f"{what}: not a short list of names")
    return tuple(value)


def _variant(data) -> Compiled:
    from derivations.registry.restrictions import Restriction

    if not isinstance(data, dict) or set(data) != {
        "tree",
        "padding",
        "conventions",
        "misconception",
        "domain",
        "alternatives",
    }:
        raise ValueError("variant: wrong fields")
    if data["padding"] not in _PADDINGS:
        raise ValueError("variant: padding")
    misconception = data["misconception"]
    if misconception is not None and not (
        isinstance(misconception, str) and len(misconception) <= 64
    ):
        raise ValueError("variant: misconception")
    alternatives = data["alternatives"]
    if not isinstance(alternatives, list) or len(alternatives) > 64:
        raise ValueError("variant: alternatives")
    domain = frozenset(Restriction(v) for v in _strings(data["domain"], "domain"))
    return Compiled(
        ex.from_data(data["tree"]),
        data["padding"],
        _strings(data["conventions"], "conventions"),
        misconception,
        domain,
        tuple(_strings(a, "alternative") for a in alternatives),
    )


def _from_data(data) -> dict:
    """The entry in the store's payload ``data``; ValueError on anything not in the schema."""
    if not isinstance(data, dict) or set(data) != {"variants", "worked", *_SHOWN}:
        raise ValueError("entry: wrong fields")
    variants = data["variants"]
    if not isinstance(variants, list) or not 0 < len(variants) <= 4096:
        raise ValueError("entry: variants")
    for key in ("display_text", "display_latex", "expanded_text"):
        if not isinstance(data[key], str) or len(data[key]) > MAX_TEXT:
            raise ValueError(f"entry: {key}")
    definitions = data["definitions"]
    if (
        not isinstance(definitions, list)
        or len(definitions) > 4
        or not all(isinstance(d, str) and len(d) <= MAX_TEXT for d in definitions)
    ):
        raise ValueError("entry: definitions")
    worked = data["worked"]
    if not isinstance(worked, list) or len(worked) > 4:
        raise ValueError("entry: worked")
    for pair in worked:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError("entry: worked")
        _strings(pair[:1], "worked")
    return {
        "variants": tuple(_variant(v) for v in variants),
        **{key: data[key] for key in _SHOWN},
        "worked": tuple((name, ex.from_data(tree)) for name, tree in worked),
    }


def cached(qid: str) -> bool:
    """Is ``qid`` there without deriving: in the cache, or prebuilt with the package for
    these sources?  (Not validated here: a bad entry is derived again on use.)"""
    return STORE.has(qid)


def write_prebuilt(directory: Path | None = None, stream=None) -> list[Path]:
    """Derive every question afresh (no cache read) and write the prebuilt files into
    ``directory`` (default: the package's, ``STORE.prebuilt_directory()``), all or nothing;
    files of questions no longer in the catalogue are removed.  One progress line per
    question on ``stream``.  Returns the paths written."""
    from derivations.registry.questions import QUESTIONS

    folder = STORE.prebuilt_directory() if directory is None else Path(directory)
    files = {}
    for number, qid in enumerate(QUESTIONS, 1):
        if stream is not None:
            print(f"{number}/{len(QUESTIONS)} {qid}", file=stream, flush=True)
        files[folder / f"{qid}.json"] = STORE.prebuilt_file(qid, _to_data(fresh(qid)))
    from derivations.files import write_atomically

    write_atomically(files, make_parents=True)
    for stale in folder.glob("*.json"):
        if stale not in files:
            stale.unlink()
    return sorted(files)


def fresh(qid: str) -> dict:
    """The entry data of ``qid`` derived now with SymPy (no cache, nothing prebuilt)."""
    from derivations.checking.deciding.derive import derive, window_covers
    from derivations.checking.deciding.symbolic import with_output_sizes
    from derivations.checking.explaining.present import show
    from derivations.closed_forms import m_h, m_w
    from derivations.expr.bridge import from_sympy
    from derivations.model import output_sizes

    variants = derive(qid)
    compiled = tuple(
        Compiled(
            from_sympy(v.expr), v.padding, v.conventions, v.misconception, v.domain, v.alternatives
        )
        for v in variants
    )
    expanded = variants[0].expr
    shown = with_output_sizes(expanded, "total") if question(qid).output_symbols else expanded
    sizes = dict(zip((m_h, m_w), output_sizes("total", dilation=False)))
    definitions = tuple(
        f"{name} = {show(from_sympy(sizes[name]))[0]}"
        for name in (m_h, m_w)
        if name in shown.free_symbols
    )
    text, latex = show(from_sympy(shown))
    # the covered positions as backward-ops' record names them (C_h, C_w); another
    # question's worked names (double-padding's m'_h, m'_w) are not diagnosed
    covers = dict(zip(question("backward-ops").worked_names, window_covers(), strict=True))
    worked = tuple(
        (name, from_sympy(covers[name])) for name in question(qid).worked_names if name in covers
    )
    return {
        "variants": compiled,
        "display_text": text,
        "display_latex": latex,
        "expanded_text": show(from_sympy(expanded))[0],
        "definitions": list(definitions),
        "worked": worked,
    }


def _load(qid: str) -> dict:
    """The user's cache, else prebuilt with the package, else derived now (and cached)."""
    data = STORE.get(qid, _from_data)
    if data is None:
        data = fresh(qid)
        STORE.store(qid, _to_data(data))
    return data


@cache
def entry(qid: str) -> Entry:
    """The question's variants (reference first), from the cache or derived now."""
    q = question(qid)
    data = _load(qid)
    return Entry(
        q,
        data["variants"],
        data["display_text"],
        data["display_latex"],
        data["expanded_text"],
        tuple(data["definitions"]),
        tuple(data["worked"]),
    )
