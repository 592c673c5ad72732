"""Diagnosis: what is wrong with an answer, in words, found by comparing its values with
the reference's at the valid points of its domain (exact integers, no SymPy).

Looked for, in this order (the first that holds at every point is the diagnosis):

* ``swapped_axes``: the answer is the reference with height and width exchanged
  (h, k_h, p_h, s_h, m_h for w, k_w, p_w, s_w, m_w);
* ``swapped_channels``: the reference with c_i and c_o exchanged;
* ``factor_two_more`` / ``factor_two_less``: exactly twice (FLOPs for MACs) or half;
* ``factor_missing`` / ``factor_extra``: answer / reference is a product of up to
  three of the layer's sizes (k_h k_w: "the kernel volume is missing");
* ``constant_factor``: answer / reference is another constant;
* ``term_missing`` / ``term_extra``: answer - reference is a constant times a product of
  up to four sizes (c_o m_h m_w: "one per output element: the bias additions");
* ``constant_offset``: answer - reference is a constant.

A :class:`Diagnosis` holds a message id (``checker.diagnosis.<id>``) and the fields
its text needs; expressions in the fields are trees, printed by :mod:`.render`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction

from derivations.checking import expression as ex
from derivations.checking.evaluate import Undefined

__all__ = ["Diagnosis", "diagnose", "MEANINGS"]

# the sizes a missing factor or term is a product of, in the book's order
_SIZES = ("c_o", "c_i", "k_h", "k_w", "m_h", "m_w", "h", "w")
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
}


@dataclass(frozen=True)
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
        yield from itertools.combinations(names, count)


UNDEFINED_VALUE = object()  # a reference value that is undefined (never equal to a number)
MAX_POINTS = 32  # points compared (generic ones first); enough to tell products apart


def _factor(got, want, envs, sizes) -> Diagnosis | None:
    """answer = reference * product, or reference = answer * product (exact integers or
    fractions, cross-multiplied: no division; most products fail at the first point)."""
    for names in _products(sizes, 3):
        products = (_product(env, names) for env in envs)
        if all(g == w * p for g, w, p in zip(got, want, products)):
            return Diagnosis("factor_extra", names, meaning=MEANINGS.get(names))
        products = (_product(env, names) for env in envs)
        if all(g * p == w for g, w, p in zip(got, want, products)):
            return Diagnosis("factor_missing", names, meaning=MEANINGS.get(names))
    return None


def _term(gaps, envs, sizes) -> Diagnosis | None:
    """answer - reference = c * product for one constant c."""
    for names in _products(sizes, 4):
        first = _product(envs[0], names)
        rest = (_product(env, names) for env in envs[1:])
        if all(g * first == gaps[0] * p for g, p in zip(gaps[1:], rest)):
            coefficient = Fraction(gaps[0]) / first
            if coefficient:
                return Diagnosis(
                    "term_extra" if coefficient > 0 else "term_missing",
                    names,
                    constant=_plain(coefficient),
                    meaning=MEANINGS.get(names),
                )
    return None


def _same_swapped(answer, envs, want, pairs) -> bool:
    """answer at each point with ``pairs`` exchanged equals ``want`` (lazily)."""
    try:
        return all(answer(_swapped(env, pairs)) == w for env, w in zip(envs, want))
    except Undefined:
        return False


def diagnose(
    answer, reference, envs, family: str = "layer", want: list | None = None
) -> Diagnosis | None:
    """The first diagnosis of the list above that holds at every point of ``envs``
    (``answer`` and ``reference`` are compiled functions; ``want``, when given, the
    reference's values there; at most :data:`MAX_POINTS` points are used), or None."""
    envs = list(envs)[:MAX_POINTS]
    if len(envs) < 3:
        return None
    got = _values(answer, envs)
    want = _values(reference, envs) if want is None else list(want[: len(envs)])
    if got is None or want is None or UNDEFINED_VALUE in want or got == want:
        return None
    if family == "layer":
        for name, pairs in (("swapped_axes", _SWAP_AXES), ("swapped_channels", _SWAP_CHANNELS)):
            if _same_swapped(answer, envs, want, pairs):
                return Diagnosis(name)
    sizes: tuple[str, ...] = _SIZES if family == "layer" else _COMPOSE_SIZES
    sizes = tuple(name for name in sizes if name in envs[0])
    if all(w != 0 for w in want):
        if all(g == 2 * w for g, w in zip(got, want)):
            return Diagnosis("factor_two_more", constant=2)
        if all(2 * g == w for g, w in zip(got, want)):
            return Diagnosis("factor_two_less", constant=Fraction(1, 2))
        constant = Fraction(got[0]) / Fraction(want[0])
        if all(g == constant * w for g, w in zip(got, want)):
            if constant != 0:
                return Diagnosis("constant_factor", constant=_plain(constant))
        else:
            found = _factor(got, want, envs, sizes)
            if found:
                return found
    gaps = [g - w for g, w in zip(got, want)]
    if all(g == gaps[0] for g in gaps):
        return Diagnosis("constant_offset", constant=_plain(gaps[0]))
    return _term(gaps, envs, sizes)


def _plain(value):
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else value
