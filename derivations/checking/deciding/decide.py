"""Which variant an answer equals, by exact values at valid points (no tolerance).

The answer and each variant are compared point by point on the answer's domain (the
restrictions its symbols imply, plus the variant's own); values are computed lazily and
cached, so a wrong variant usually costs one evaluation.  Variants are tried in the
catalogue's order: the reference, conventions (fewest first), misconceptions.
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import cast

from derivations.checking.deciding.budget import OutOfTime
from derivations.checking.deciding.catalogue import Compiled, Entry
from derivations.checking.deciding.counterexample import COMPOSE_POINTS, book_like_environments
from derivations.checking.deciding.samples import environments
from derivations.expr import tree as ex
from derivations.expr.evaluate import UNDEFINED, Undefined, compile_node
from derivations.records import record
from derivations.registry.restrictions import AXES, Kind, Restriction, on_axis

__all__ = [
    "Match",
    "implied_restrictions",
    "mixes_axes",
    "restriction_assumptions",
    "find_match",
    "first_difference",
    "counterexample_environments",
    "UNDEFINED",
    "Values",
    "optional_restrictions",
    "reference_symbols",
    "special_case",
    "condition",
    "other_axis",
]

_MISSING = object()  # not computed yet
_EDGE_COUNT = 8  # samples.py lists its edge points first


# the per-axis symbols, each with its axis, and its namesake on the other axis
_AXIS_OF = {f"{p}{a}": a for p in ("", "k_", "p_", "s_", "m_") for a in AXES}
_OTHER = {name: name[:-1] + ("w" if axis == "h" else "h") for name, axis in _AXIS_OF.items()}
# each axis's own subscripted symbols (its input size is the bare h or w)
_SUBSCRIPTED = {axis: frozenset(f"{name}_{axis}" for name in ("k", "p", "s", "m")) for axis in AXES}


def _axes(symbols) -> frozenset:
    return frozenset(_AXIS_OF[name] for name in symbols if name in _AXIS_OF)


def other_axis(entry: Entry, symbols: frozenset) -> str | None:
    """The axis of an answer to a one-axis question (the output height) whose one
    per-axis symbol is the other axis's input size, its kernel, padding and stride
    written with one symbol for both axes (``(w - k + 2p)/s + 1``: CS231n writes one size
    W for a square input): that axis, else None.  Such an answer is read on a square
    layer (issue 21's convention "a square layer written with one symbol"); one that
    writes the other axis's own subscripted symbols (``(w - k_w + p_w)/s_w + 1``) answered
    the other question, and one mixing the axes is a mix-up: neither is read so."""
    question = matcher(entry).reference_axes
    if len(question) != 1:  # most questions: both axes, nothing to compute
        return None
    written = _axes(symbols)
    if len(written) == 1 and written != question:
        (axis,) = written
        # one symbol for both axes is CS231n's square layer; the other axis's own
        # subscripted symbols (k_w, p_w, s_w) answer the other question (s10exam2 F8)
        return None if symbols & _SUBSCRIPTED[axis] else axis
    return None


def mixes_axes(entry: Entry, symbols: frozenset) -> bool:
    """Whether an answer to a one-axis question (the output height) writes per-axis
    symbols of both axes (``(h - k_w + p)/s + 1``): a mix-up, never right, though a
    square kernel (its bare p, s) makes k_w equal k_h on every layer it is checked at."""
    question = matcher(entry).reference_axes
    return len(question) == 1 and len(_axes(symbols)) == 2


_PER_AXIS = {axis: _SUBSCRIPTED[axis] | {axis} for axis in AXES}


def _axes_apart(symbols: frozenset) -> bool:
    """Whether the answer writes a kernel, padding or stride of each axis apart (k_h and
    k_w, ...) and none for both (a bare k, p, s): it tells the axes apart, so one input
    size written for both is a mix-up, not a square input (s14exam E26: ``…
    floor((h - k_w + p_w + s_w)/s_w)`` was "right under a square layer")."""
    if symbols & {"k", "p", "s"}:
        return False  # one k, p or s for both axes: a square layer said (``((H-Kh+2P)/S+1)^2``)
    return all(symbols & (_SUBSCRIPTED[axis] - {f"m_{axis}"}) for axis in AXES)


def _one_axis_output(symbols: frozenset) -> bool:
    """Whether the answer writes one output size only (m_h, not m_w) and no symbol of
    the other axis: one size of a square layer (MobileNets' D_G, read as m_h)."""
    outputs = symbols & {"m_h", "m_w"}
    if len(outputs) != 1:
        return False
    (axis,) = (name[-1] for name in outputs)
    other = _PER_AXIS["w" if axis == "h" else "h"]
    return not symbols & other


def implied_restrictions(entry: Entry, symbols: frozenset, kinds: frozenset) -> frozenset:
    """What an answer's symbols say it assumed: no stride symbol -> stride 1, no padding
    symbol -> no padding, stride without floor -> exact division, bare k/s/p -> square
    kernel, one of h, w only (where the reference has both) -> a square layer, and so
    one of m_h, m_w with no symbol of the other axis (:func:`_one_axis_output`); the
    other axis's formula for a one-axis question (:func:`other_axis`) -> a square layer,
    its symbols read on the question's axis (both axes then restricted alike)."""
    reference = reference_symbols(entry)
    tags = set(entry.question.base_domain)
    if symbols & {"k", "s", "p"}:
        tags.add(Restriction.SQUARE)
    if (
        {"h", "w"} <= reference
        and len(symbols & {"h", "w"}) == 1
        and not symbols & {"m_h", "m_w"}
        and not _axes_apart(symbols)
    ):
        tags.update((Restriction.SQUARE, Restriction.SQUARE_INPUT))
    if {"h", "w"} <= reference and _one_axis_output(symbols):
        tags.update((Restriction.SQUARE, Restriction.SQUARE_INPUT))
        symbols = symbols | {"m_h", "m_w"}  # the one output size is both axes'
    mirrored = other_axis(entry, symbols) is not None
    if mirrored:
        tags.update((Restriction.SQUARE, Restriction.SQUARE_INPUT))
        symbols = frozenset(_OTHER.get(name, name) for name in symbols)
    floored = bool(kinds & {ex.Floor, ex.Ceil}) or bool(symbols & {"m_h", "m_w"})
    reference_floored = matcher(entry).reference_floored
    for axis in AXES:
        stride, pad, out = f"s_{axis}", f"p_{axis}", f"m_{axis}"
        if stride in reference and not symbols & {stride, "s", out}:
            tags.add(on_axis(Kind.STRIDE_1, axis))
        if pad in reference and not symbols & {pad, "p", out}:
            tags.add(on_axis(Kind.NO_PADDING, axis))
        if reference_floored and symbols & {stride, "s"} and not floored:
            tags.add(on_axis(Kind.DIVIDES, axis))
    if mirrored:  # a square layer: the other axis restricted as the question's
        per_axis = [Restriction(r) for r in tags if Restriction(r).axis]
        tags.update(on_axis(r.kind, axis) for r in per_axis for axis in AXES)
    return frozenset(tags)


def optional_restrictions(entry: Entry, symbols: frozenset) -> frozenset:
    """Stride 1 on an axis whose stride the answer never names, though it names the
    output size there: ``m_h p_w + ...`` for the padding increase holds at stride 1
    only.  Tried when nothing matched without it."""
    reference = reference_symbols(entry)
    return frozenset(
        on_axis(Kind.STRIDE_1, axis)
        for axis in AXES
        if f"s_{axis}" in reference and not symbols & {f"s_{axis}", "s"}
    )


# what a left-out given parameter restricts the layer to: a special layer, no convention
_SPECIAL = {Kind.STRIDE_1: ("s", 1), Kind.NO_PADDING: ("p", 0)}


def special_case(domain: frozenset, tree) -> tuple[Restriction, ...]:
    """The restrictions of ``domain`` that come from a parameter the question gives and
    the answer leaves out (stride 1, no padding on an axis whose stride or padding
    ``tree`` uses), strides first, height first: where the answer is right only for
    that special layer (issue 21: not a convention)."""
    used = ex.symbols_in(tree)
    return tuple(
        on_axis(kind, axis)
        for kind, (prefix, _) in _SPECIAL.items()
        for axis in AXES
        if on_axis(kind, axis) in domain and f"{prefix}_{axis}" in used
    )


def on_special_layer(env: dict, special: tuple) -> bool:
    """Whether the layer ``env`` is the special one the restrictions ``special`` (of
    :func:`special_case`) stand for: every left-out stride 1, every padding 0."""
    return all(env[f"{_SPECIAL[r.kind][0]}_{r.axis}"] == _SPECIAL[r.kind][1] for r in special)


def condition(restriction: Restriction) -> str:
    """The layer a special-case restriction stands for, as an equation (``s_h = 1``)."""
    prefix, value = _SPECIAL[restriction.kind]
    return f"{prefix}_{restriction.axis} = {value}"


# the symbol prefix a per-axis restriction is about (it matters where that symbol occurs)
_ABOUT = {Kind.STRIDE_1: "s_", Kind.NO_PADDING: "p_", Kind.DIVIDES: "s_"}
# restriction kind -> the assumption it names, in the order they are listed
_ASSUMPTION = {
    Kind.SQUARE_INPUT: "square_layer",
    Kind.SQUARE: "square_kernel",
    Kind.STRIDE_1: "stride_1",
    Kind.NO_PADDING: "no_padding",
    Kind.DIVIDES: "exact_division",
}


# (domain, id of the tree) -> (the tree, its assumptions): the catalogue's variants are
# asked about again and again; the tree kept (so its id is not reused) and compared
_ASSUMED: dict[tuple, tuple] = {}
_ASSUMED_MOST = 4096  # kept at most (then emptied): a process grading many questions


def restriction_assumptions(domain: frozenset, tree=None) -> tuple:
    """Assumption ids of the restrictions that matter for ``tree`` (all if None):
    stride 1 is no assumption where the expression has no stride.  A square layer
    includes the square kernel, so only the former is named.  Kept per domain and tree
    object (:func:`_assumptions` computes them; trees are immutable)."""
    key = (domain, id(tree))
    found = _ASSUMED.get(key)
    if found is not None and found[0] is tree:
        return found[1]
    if len(_ASSUMED) >= _ASSUMED_MOST:
        _ASSUMED.clear()
    assumed = _assumptions(domain, tree)
    _ASSUMED[key] = (tree, assumed)
    return assumed


def _assumptions(domain: frozenset, tree=None) -> tuple:
    """:func:`restriction_assumptions`, computed."""
    restrictions = [Restriction(r) for r in domain]
    if tree is not None:
        used = ex.symbols_in(tree)
        restrictions = [
            r
            for r in restrictions
            # the kinds in _ABOUT are per-axis: their restrictions have an axis
            if r.kind not in _ABOUT or _ABOUT[r.kind] + cast(str, r.axis) in used
        ]
    kinds = {r.kind for r in restrictions}
    if Kind.SQUARE_INPUT in kinds:
        kinds.discard(Kind.SQUARE)
    return tuple(name for kind, name in _ASSUMPTION.items() if kind in kinds)


class Values:
    """Lazily evaluated values of one function at the points of one domain: one point
    at a time (``values[index]``), or every point at once (:meth:`every`)."""

    __slots__ = ("all", "cache", "defined", "envs", "failed", "function")

    def __init__(self, function, envs):
        self.function, self.envs = function, envs
        self.cache: dict[int, object] = {}
        # the value at every point in point order, once :meth:`every` computed them
        # (None: not yet, or a point raised what is not Undefined: ``failed``), and
        # whether every one is defined
        self.all: list | None = None
        self.failed = False
        self.defined = False

    def __getitem__(self, index: int):
        value = self.cache.get(index, _MISSING)
        if value is _MISSING:
            if self.all is not None:
                return self.all[index]
            try:
                value = self.function(self.envs[index])
            except Undefined:
                value = UNDEFINED
            self.cache[index] = value
        return value

    def __len__(self):
        return len(self.envs)

    def every(self) -> list | None:
        """The value at every point in point order (:data:`UNDEFINED` where undefined),
        computed once and kept: in one ``map`` (no Python loop) where no point raises,
        else point by point; None, also on every later call, where a point raises
        anything but Undefined (the caller then compares point by point, in its own
        order, and raises where that would)."""
        if self.all is None and not self.failed:
            try:
                self.all, self.defined = list(map(self.function, self.envs)), True
            except OutOfTime:
                raise
            except Exception:
                self.all = self._point_by_point()
                self.failed = self.all is None
        return self.all

    def _point_by_point(self) -> list | None:
        values = []
        for env in self.envs:
            try:
                values.append(self.function(env))
            except Undefined:
                values.append(UNDEFINED)
            except OutOfTime:
                raise
            except Exception:
                return None
        return values


@record(frozen=True)
class Match:
    index: int  # position in entry.variants
    variant: Compiled
    domain: frozenset


@cache
def _order(count: int) -> tuple[int, ...]:
    """Generic points first (edge points make many formulas agree by accident)."""
    return tuple(range(_EDGE_COUNT, count)) + tuple(range(min(_EDGE_COUNT, count)))


class _Step:
    """One variant to try for one answer domain: where its values and the answer's live
    (a plain class: a plan makes one per variant, and a cold check makes every plan)."""

    __slots__ = ("at_first", "domain", "envs", "first", "index", "key", "values")

    def __init__(self, index: int, domain: frozenset, key: tuple, envs: tuple, first):
        self.index = index  # position in entry.variants
        self.domain = domain  # the answer's restrictions and the variant's own
        self.key = key  # (domain, padding): answers on the same points share their values
        self.envs = envs
        self.first: int | None = first  # the point compared first (None: no valid point)
        # the variant's values on ``domain`` (the matcher's, shared), kept on first use,
        # and its value at ``first`` (read from them once)
        self.values: Values | None = None
        self.at_first: object = _MISSING


class Matcher:
    """Answer-independent caches for one question: variant values per domain, and the
    order in which variants are tried for a set of restrictions (:meth:`plan`)."""

    def __init__(self, entry: Entry):
        self.entry = entry
        self.variant_values: dict[tuple, Values] = {}
        self.plans: dict[tuple, tuple[_Step, ...]] = {}
        self.reference_symbols = ex.symbols_in(entry.reference.tree)
        self.reference_floored = ex.Floor in ex.kinds_in(entry.reference.tree)
        self.reference_axes = _axes(self.reference_symbols)  # the axes its symbols are of

    def envs(self, domain: frozenset, padding: str):
        family = self.entry.question.family
        return environments(family, domain if family == "layer" else frozenset(), padding)

    def values_of_variant(self, index: int, domain: frozenset) -> Values:
        variant = self.entry.variants[index]
        key = (index, domain)
        if key not in self.variant_values:
            self.variant_values[key] = Values(variant.function, self.envs(domain, variant.padding))
        return self.variant_values[key]

    def reference_values(self, domain: frozenset) -> Values:
        """The reference's values at the points of ``domain`` (total padding;
        :data:`UNDEFINED` where undefined), computed on first use and kept per domain."""
        return self.values_of_variant(0, domain)

    def plan(self, restrictions: frozenset, uses_batch: bool) -> tuple[_Step, ...]:
        """The variants tried for an answer with these restrictions, in catalogue order
        (batch-counted ones only when it names the batch), with what each compares."""
        key = (restrictions, uses_batch)
        if key not in self.plans:
            steps = []
            keys: dict[tuple, tuple] = {}  # one key object per (domain, padding)
            for index, variant in enumerate(self.entry.variants):
                if "batch_counted" in variant.conventions and not uses_batch:
                    continue
                domain = restrictions | variant.domain
                envs = self.envs(domain, variant.padding)
                order = _order(len(envs))
                first = order[0] if order else None
                shared = keys.setdefault((domain, variant.padding), (domain, variant.padding))
                steps.append(_Step(index, domain, shared, envs, first))
            self.plans[key] = tuple(steps)
        return self.plans[key]


_MATCHERS: dict[str, Matcher] = {}


def matcher(entry: Entry) -> Matcher:
    found = _MATCHERS.get(entry.question.id)
    if found is None or found.entry is not entry:
        found = _MATCHERS[entry.question.id] = Matcher(entry)
    return found


def reference_symbols(entry: Entry) -> frozenset:
    """The symbols of the question's reference (computed once per question)."""
    return matcher(entry).reference_symbols


def _equal(answer: Values, variant: Values) -> bool:
    """Whether the answer is defined and equals the variant at every point of its
    domain.  Where neither raises at any point but Undefined (:meth:`Values.every`),
    their lists compared at once: what comparing point by point returns; else point
    by point, generic points first, stopping at the first difference."""
    mine = answer.every()
    if mine is not None:
        theirs = variant.every()
        if theirs is not None:
            return answer.defined and mine == theirs
    return _equal_by_point(answer, variant)


def _equal_by_point(answer: Values, variant: Values) -> bool:
    # Values.__getitem__ inlined (the hot loop): a known value read, a new one computed
    # and kept as it would
    mine, theirs = answer.cache, variant.cache
    function, envs = answer.function, answer.envs
    for index in _order(len(envs)):
        value = mine.get(index, _MISSING)
        if value is _MISSING:
            try:
                value = function(envs[index])
            except Undefined:
                value = UNDEFINED
            mine[index] = value
        if value is UNDEFINED:
            return False
        other = theirs.get(index, _MISSING)
        if value != (variant[index] if other is _MISSING else other):
            return False
    return True


def find_match(
    entry: Entry,
    tree,
    restrictions: frozenset,
    uses_batch: bool,
    answers: dict[tuple, Values] | None = None,
    function=None,
) -> Match | None:
    """The first variant the answer equals at every point of its domain, or None.

    ``answers`` (optional) receives the answer's lazily computed values per
    ``(domain, padding)``, for the caller to reuse; ``function`` is the compiled
    ``tree`` when the caller has it.  The answer is evaluated at exactly the points, and
    in the order, a variant-by-variant comparison would: each variant's first point
    decides most comparisons, so the full comparison runs only where that one agrees."""
    answers = {} if answers is None else answers
    function = compile_node(tree) if function is None else function
    cache = matcher(entry)
    # the answer's values and its value at the first point, kept from the step before
    # while the key object (one per domain and padding: Matcher.plan) and the point stay
    answer: Values  # set at the first step (no key is None)
    key = point = value = None
    for step in cache.plan(restrictions, uses_batch):
        if step.key is not key:
            key, point = step.key, None
            kept = answers.get(key)
            answer = answers[key] = Values(function, step.envs) if kept is None else kept
        # a variant is compiled and evaluated only when reached, as one by one would (its
        # values kept on the step); Values.__getitem__ inlined where a value is known
        # (most steps end at their first point)
        first = step.first
        if first is not None:
            if first != point:
                point, value = first, answer[first]
            if value is UNDEFINED:
                continue
            other = step.at_first
            if other is _MISSING:
                if step.values is None:
                    step.values = cache.values_of_variant(step.index, step.domain)
                other = step.at_first = step.values[first]
            if value != other:
                continue
        variant = step.values
        if variant is None:
            variant = step.values = cache.values_of_variant(step.index, step.domain)
        if _equal(answer, variant):
            return Match(step.index, entry.variants[step.index], step.domain)
    return None


def counterexample_environments(entry: Entry, domain: frozenset):
    """Where to look for a counterexample, in order (lazily): book-like layers first
    (:mod:`.counterexample`), then the general sample points."""
    if entry.question.family == "compose":
        return itertools.chain(COMPOSE_POINTS, environments("compose"))
    return book_like_environments(domain)


def _value(function, env):
    try:
        return function(env)
    except Undefined:
        return UNDEFINED


def first_difference(entry: Entry, tree, domain: frozenset, function=None, expected=None):
    """(point, reference value, answer value) at the first point, plainest book-like
    layer first, where the answer differs from the reference (answer value None:
    undefined there); None if nowhere.  ``function``: the compiled ``tree``, if known;
    ``expected``: a compiled variant compared in place of the reference."""
    answer = compile_node(tree) if function is None else function
    reference = entry.reference.function if expected is None else expected
    for env in counterexample_environments(entry, domain):
        expected, actual = _value(reference, env), _value(answer, env)
        if expected is UNDEFINED:
            continue
        if actual is UNDEFINED:
            return env, expected, None
        if actual != expected:
            return env, expected, actual
    return None
