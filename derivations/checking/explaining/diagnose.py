"""Diagnosis: what is wrong with an answer, in words, found by comparing its values with
the reference's at the valid points of its domain (exact integers, no SymPy).

Looked for, in this order (the first that holds at every point is the diagnosis):

* ``swapped_axes``: the answer is the reference with height and width exchanged
  (h, k_h, p_h, s_h, m_h for w, k_w, p_w, s_w, m_w);
* ``swapped_channels``: the reference with c_i and c_o exchanged;
* ``factor_two_more`` / ``factor_two_less``: exactly twice (FLOPs for MACs) or half,
  except in a ratio of two costs (``ratio``), which no counting and no pass changes by 2:
  there a factor 2 is a ``constant_factor`` like any other;
* ``factor_missing`` / ``factor_extra``: answer / reference is a product of up to
  three of the layer's sizes (k_h k_w: "the kernel volume is missing");
* ``constant_factor``: answer / reference is another constant;
* ``term_missing`` / ``term_extra``: answer - reference is a constant times a product of
  up to four sizes (c_o m_h m_w: "one per output element: the bias additions");
* ``constant_offset``: answer - reference is a constant;
* ``constant_once``: answer - reference is d (1 - P) for the output elements' count P
  (c_o m_h m_w) and a constant d: the d each output element's sum has, taken once
  in all (``c_o m_h m_w (2 c_i k_h k_w) - 1``: the exact count has the −1 per element).

A :class:`Diagnosis` holds a message id (``checker.diagnosis.<id>``) and the fields
its text needs; expressions in the fields are trees, printed by :mod:`derivations.expr.printers`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache

from derivations.expr import tree as ex
from derivations.expr.evaluate import UNDEFINED, Undefined
from derivations.records import field, record

__all__ = ["Diagnosis", "diagnose", "holds", "MEANINGS"]

# the sizes a missing factor or term is a product of, in the book's order; then the
# quantities a worked answer names (C_h, C_w: where the points hold them), which a
# factor or term holds only as a product :data:`MEANINGS` names
_SIZES = ("c_o", "c_i", "k_h", "k_w", "m_h", "m_w", "h", "w", "C_h", "C_w")
_WORKED = frozenset({"C_h", "C_w"})
_COMPOSE_SIZES = ("k_1", "k_2")
_SWAP_AXES = {"h": "w", "k_h": "k_w", "p_h": "p_w", "s_h": "s_w", "m_h": "m_w"}
_SWAP_CHANNELS = {"c_i": "c_o"}
# a product of sizes -> the id of what it is (checker.diagnosis.meaning.<id>)
MEANINGS = {
    ("k_h", "k_w"): "kernel_volume",
    ("k_h",): "kernel_height",
    ("k_w",): "kernel_width",
    ("m_h",): "output_height",
    ("m_w",): "output_width",
    ("h",): "input_height",
    ("w",): "input_width",
    ("c_i",): "input_channels",
    ("c_o",): "output_channels",
    ("m_h", "m_w"): "output_positions",
    ("c_i", "k_h", "k_w"): "products_per_output",
    ("c_o", "m_h", "m_w"): "output_elements",
    ("c_i", "h", "w"): "input_elements",
    ("c_o", "c_i", "k_h", "k_w"): "weights",
    ("c_i", "C_h", "C_w"): "covered_input_positions",
}

# meanings that say "one per …": a term of that product with another coefficient is not it
_ONE_EACH = frozenset({"output_elements"})


@record(frozen=True)
class Diagnosis:
    id: str  # checker.diagnosis.<id>
    factor: tuple = ()  # sizes of the product (book order)
    constant: Fraction | int | None = None  # the constant factor or coefficient
    meaning: str | None = None  # MEANINGS id of the product
    fields: dict = field(default_factory=dict)

    def product(self) -> ex.Node:
        """The factor or term as a tree (constant first), for the printers."""
        parts: list[ex.Node] = [ex.sym(name) for name in self.factor]
        if self.constant not in (None, 1, -1) and self.id.startswith("term"):
            parts.insert(0, ex.num(abs(self.constant)))
        if not parts:
            return ex.num(abs(self.constant) if self.constant is not None else 1)
        return ex.mul(*parts) if len(parts) > 1 else parts[0]


def _values(function, envs) -> list | None:
    out = []
    for env in envs:
        try:
            out.append(function(env))
        except Undefined:
            return None
    return out


def _swapped(env: dict, pairs: dict) -> dict:
    out = dict(env)
    for a, b in pairs.items():
        if a in env and b in env:
            out[a], out[b] = env[b], env[a]
    return out


def _product(env: dict, names) -> int:
    value = 1
    for name in names:
        value *= env[name]
    return value


def _products(names, most: int):
    for count in range(1, most + 1):
        for product in itertools.combinations(names, count):
            if _WORKED.isdisjoint(product) or product in MEANINGS:
                yield product


MAX_POINTS = 32  # points compared (generic ones first); enough to tell products apart


_KEY_POINTS = 3  # points whose products index the candidate products (see _table)


@lru_cache(maxsize=256)
def _table(sizes: tuple, key_values: tuple, most: int) -> tuple | None:
    """The products of up to ``most`` of ``sizes`` (in :func:`_products` order), and an
    index of them by their values at the first :data:`_KEY_POINTS` points
    (``key_values``: each point's sizes), or None where a product is 0 there.

    Two indexes: by the values themselves (``by_value``) and by their direction
    (``by_ratio``: the values over their gcd, see :func:`_direction`).
    ``answer = reference * product`` at a point with a nonzero reference fixes the
    product's value there, and ``gap = c * product`` with c != 0 fixes its direction: a
    product not listed under the answer's key fails the full test at one of these
    points, so only the listed ones (few, usually none) are tested."""
    combos = tuple(_products(sizes, most))
    by_value: dict[tuple, list[int]] = {}
    by_ratio: dict[tuple | None, list[int]] = {}
    for position, names in enumerate(combos):
        values = [_product(dict(zip(sizes, point)), names) for point in key_values]
        if 0 in values:
            return None
        by_value.setdefault(tuple(values), []).append(position)
        by_ratio.setdefault(_direction(values), []).append(position)
    return combos, by_value, by_ratio


def _direction(values) -> tuple | None:
    """``values`` scaled to coprime integers with a positive first one (two vectors have
    the same direction iff one is a nonzero rational multiple of the other), or None
    when the first is 0."""
    if values[0] == 0:
        return None
    if all(type(value) is int for value in values):
        whole = list(values)
    else:
        scale = math.lcm(*(Fraction(value).denominator for value in values))
        whole = [int(value * scale) for value in values]
    divisor = math.gcd(*whole) * (1 if whole[0] > 0 else -1)
    return tuple(value // divisor for value in whole)


def _quotients(tops, bottoms) -> tuple | None:
    """``top / bottom`` per point when every one is an integer, else None (a product of
    sizes is an integer: no product has a fractional key)."""
    out = []
    for top, bottom in zip(tops, bottoms):
        if type(top) is int and type(bottom) is int:
            whole, remainder = divmod(top, bottom)
            if remainder:
                return None
            out.append(whole)
        else:
            value = Fraction(top) / Fraction(bottom)
            if value.denominator != 1:
                return None
            out.append(value.numerator)
    return tuple(out)


def _key_values(envs, sizes) -> tuple:
    return tuple(tuple(env[name] for name in sizes) for env in envs[:_KEY_POINTS])


def _is_factor(got, want, envs, names, extra: bool) -> bool:
    products = (_product(env, names) for env in envs)
    if extra:
        return all(g == w * p for g, w, p in zip(got, want, products))
    return all(g * p == w for g, w, p in zip(got, want, products))


def _factor(got, want, envs, sizes) -> Diagnosis | None:
    """answer = reference * product, or reference = answer * product (exact integers or
    fractions, cross-multiplied: no division), for the first product that holds."""
    table = _table(sizes, _key_values(envs, sizes), 3)
    if table is None:  # a product is 0 at a key point: test every one
        candidates = [(names, extra) for names in _products(sizes, 3) for extra in (True, False)]
    else:
        combos, by_value, _ = table
        head = slice(0, _KEY_POINTS)  # want is nonzero everywhere (the caller checks)
        extra = by_value.get(_quotients(got[head], want[head]), ())
        missing = (
            by_value.get(_quotients(want[head], got[head]), ())
            if all(value != 0 for value in got[head])
            else ()
        )
        candidates = [
            (combos[position], kind)
            for position in sorted(set(extra) | set(missing))
            for kind, listed in ((True, extra), (False, missing))
            if position in listed
        ]
    for names, kind in candidates:
        if _is_factor(got, want, envs, names, kind):
            return Diagnosis(
                "factor_extra" if kind else "factor_missing", names, meaning=MEANINGS.get(names)
            )
    return None


def _term(gaps, envs, sizes) -> Diagnosis | None:
    """answer - reference = c * product for one constant c."""
    table = _table(sizes, _key_values(envs, sizes), 4)
    if table is None:  # a product is 0 at a key point: test every one
        candidates: Iterable = _products(sizes, 4)
    elif gaps[0] == 0:  # c = 0 (products are nonzero there): not a term
        return None
    else:
        combos, _, by_ratio = table
        key = _direction(gaps[:_KEY_POINTS])
        candidates = [combos[position] for position in by_ratio.get(key, ())]
    for names in candidates:
        first = _product(envs[0], names)
        rest = (_product(env, names) for env in envs[1:])
        if all(g * first == gaps[0] * p for g, p in zip(gaps[1:], rest)):
            coefficient = Fraction(gaps[0]) / first
            if coefficient:
                meaning = MEANINGS.get(names)
                if meaning in _ONE_EACH and abs(coefficient) != 1:
                    meaning = None  # 2 c_o m_h m_w is two per output element, not one
                return Diagnosis(
                    "term_extra" if coefficient > 0 else "term_missing",
                    names,
                    constant=_plain(coefficient),
                    meaning=meaning,
                )
    return None


def _same_swapped(answer, envs, want, pairs) -> bool:
    """answer at each point with ``pairs`` exchanged equals ``want`` (lazily)."""
    try:
        return all(answer(_swapped(env, pairs)) == w for env, w in zip(envs, want))
    except Undefined:
        return False


def diagnose(
    answer,
    reference,
    envs,
    family: str = "layer",
    want=None,
    got=None,
    ratio: bool = False,
) -> Diagnosis | None:
    """The first diagnosis of the list above that holds at every point of ``envs``
    (``answer`` and ``reference`` are compiled functions; ``want`` and ``got``, when
    given, the reference's and the answer's values there, indexed as ``envs`` and read
    only at the points compared (a lazy sequence such as the deciding layer's
    ``Values`` serves: values the caller keeps are computed once), :data:`UNDEFINED`
    where undefined; ``ratio``: the question asks for a ratio of two costs, see the
    list).  It is looked for at the first :data:`MAX_POINTS` points and said only if it
    is found again, the same, at the last :data:`MAX_POINTS` of the points after them
    (the sampled layers end in large ones, where a coincidence of small layers breaks:
    s10exam F9's "c_i and c_o are swapped" for a factor ``1 + floor(c_i/300)``); a
    diagnosis found otherwise first there is not said either.  None where the answer or
    the reference is undefined at a point compared."""
    points = list(envs)
    first = range(min(len(points), MAX_POINTS))
    found = _diagnose(answer, reference, points, first, family, want, got, ratio)
    rest = range(len(points))[MAX_POINTS:][-MAX_POINTS:]
    if found is None or len(rest) < 3:
        return found
    again = _diagnose(answer, reference, points, rest, family, want, got, ratio)
    return found if again == found else None


def _diagnose(
    answer, reference, points, at: range, family, want=None, got=None, ratio=False
) -> Diagnosis | None:
    """:func:`diagnose` at the points ``points[i]`` for ``i`` in ``at`` (at most
    :data:`MAX_POINTS` of them); ``want`` and ``got`` as there."""
    if len(at) < 3:
        return None
    envs = points[at.start : at.stop]
    got = _values(answer, envs) if got is None else [got[index] for index in at]
    want = _values(reference, envs) if want is None else [want[index] for index in at]
    if got is None or want is None or UNDEFINED in want or UNDEFINED in got or got == want:
        return None
    if family == "layer":
        for name, pairs in (("swapped_axes", _SWAP_AXES), ("swapped_channels", _SWAP_CHANNELS)):
            if _same_swapped(answer, envs, want, pairs):
                return Diagnosis(name)
    sizes: tuple[str, ...] = _SIZES if family == "layer" else _COMPOSE_SIZES
    sizes = tuple(name for name in sizes if name in envs[0])
    if all(w != 0 for w in want):
        if not ratio and all(g == 2 * w for g, w in zip(got, want)):
            return Diagnosis("factor_two_more", constant=2)
        if not ratio and all(2 * g == w for g, w in zip(got, want)):
            return Diagnosis("factor_two_less", constant=Fraction(1, 2))
        # got = c * want with c = got[0] / want[0], cross-multiplied (no Fraction per point)
        if all(g * want[0] == got[0] * w for g, w in zip(got, want)):
            constant = Fraction(got[0]) / Fraction(want[0])
            if constant != 0:
                return Diagnosis("constant_factor", constant=_plain(constant))
        else:
            found = _factor(got, want, envs, sizes)
            if found:
                return found
    gaps = [g - w for g, w in zip(got, want)]
    if all(g == gaps[0] for g in gaps):
        return Diagnosis("constant_offset", constant=_plain(gaps[0]))
    return _term(gaps, envs, sizes) or _once(gaps, envs, sizes)


# the count a constant taken once may belong to once each of (s13exam E7)
_EACH = ("c_o", "m_h", "m_w")


def _once(gaps, envs, sizes) -> Diagnosis | None:
    """answer - reference = d (1 - P), P the output elements' count, d a constant != 0:
    the reference has d once per output element, the answer once in all."""
    if not set(_EACH) <= set(sizes):
        return None
    counts = [_product(env, _EACH) for env in envs]
    at = next((i for i, count in enumerate(counts) if count != 1), None)
    if at is None:
        return None
    constant = Fraction(gaps[at], 1 - counts[at])
    if not constant or any(g != constant * (1 - p) for g, p in zip(gaps, counts)):
        return None
    return Diagnosis("constant_once", _EACH, constant=_plain(constant))


def holds(diagnosis: Diagnosis, got, want, count: int, envs) -> bool:
    """Whether ``diagnosis`` (a factor, a constant factor, a term or a constant offset)
    holds at the first ``count`` points of ``envs``, the answer's values there ``got``
    and the reference's ``want`` (indexed as ``envs``); False for a swap, which needs
    the answer itself, and where a value is undefined."""
    indices = range(count)
    pairs = [(got[index], want[index]) for index in indices]
    if not pairs or any(g is UNDEFINED or w is UNDEFINED for g, w in pairs):
        return False
    points = [envs[index] for index in indices]
    kind = diagnosis.id
    if kind in ("factor_missing", "factor_extra"):
        got_values, want_values = zip(*pairs, strict=True)
        return _is_factor(got_values, want_values, points, diagnosis.factor, kind == "factor_extra")
    constant = diagnosis.constant
    if constant is None:  # a swap
        return False
    if kind in ("factor_two_more", "factor_two_less", "constant_factor"):
        return all(g == constant * w for g, w in pairs)
    if kind in ("term_extra", "term_missing"):
        return all(
            g - w == constant * _product(env, diagnosis.factor)
            for (g, w), env in zip(pairs, points, strict=True)
        )
    if kind == "constant_once":
        return all(
            g - w == constant * (1 - _product(env, diagnosis.factor))
            for (g, w), env in zip(pairs, points, strict=True)
        )
    return kind == "constant_offset" and all(g - w == constant for g, w in pairs)


def _plain(value):
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else value
