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
    ("k_h",): "kernel_height", ("k_w",): "kernel_width",
    ("m_h",): "output_height", ("m_w",): "output_width",
    ("h",): "input_height", ("w",): "input_width",
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
    id: str                                  # checker.diagnosis.<id>
    factor: tuple = ()                       # sizes of the product (book order)
    constant: Fraction | int | None = None   # the constant factor or coefficient
    meaning: str | None = None               # MEANINGS id of the product
    fields: dict = field(default_factory=dict)

    def product(self) -> ex.Node:
        """The factor or term as a tree (constant first), for the printers."""
        parts = [ex.sym(name) for name in self.factor]
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


def _constant(values) -> Fraction | int | None:
    first = values[0]
    return first if all(v == first for v in values) else None


def _products(names, most: int):
    for count in range(1, most + 1):
        yield from itertools.combinations(names, count)


def diagnose(answer, reference, envs, family: str = "layer") -> Diagnosis | None:
    """The first diagnosis of the list above that holds at every point of ``envs``
    (``answer`` and ``reference`` are compiled functions), or None."""
    envs = [env for env in envs]
    if len(envs) < 3:
        return None
    got, want = _values(answer, envs), _values(reference, envs)
    if got is None or want is None or got == want:
        return None
    for name, pairs in (("swapped_axes", _SWAP_AXES), ("swapped_channels", _SWAP_CHANNELS)):
        swapped = _values(answer, [_swapped(env, pairs) for env in envs])
        if swapped == want and family == "layer":
            return Diagnosis(name)
    sizes = _SIZES if family == "layer" else _COMPOSE_SIZES
    sizes = tuple(name for name in sizes if name in envs[0])
    if all(w != 0 for w in want):
        ratios = [Fraction(g) / Fraction(w) for g, w in zip(got, want)]
        constant = _constant(ratios)
        if constant == 2:
            return Diagnosis("factor_two_more", constant=2)
        if constant == Fraction(1, 2):
            return Diagnosis("factor_two_less", constant=Fraction(1, 2))
        if constant is None:
            for names in _products(sizes, 3):  # lazily: most products fail at once
                if all(r == _product(env, names) for r, env in zip(ratios, envs)):
                    return Diagnosis("factor_extra", names, meaning=MEANINGS.get(names))
                if all(r * _product(env, names) == 1 for r, env in zip(ratios, envs)):
                    return Diagnosis("factor_missing", names, meaning=MEANINGS.get(names))
        elif constant != 0:
            return Diagnosis("constant_factor", constant=_plain(constant))
    gaps = [g - w for g, w in zip(got, want)]
    offset = _constant(gaps)
    if offset is not None:
        return Diagnosis("constant_offset", constant=_plain(offset))
    for names in _products(sizes, 4):
        coefficient = Fraction(gaps[0]) / _product(envs[0], names)
        if coefficient and all(Fraction(g) / _product(env, names) == coefficient
                               for g, env in zip(gaps[1:], envs[1:])):
            return Diagnosis("term_extra" if coefficient > 0 else "term_missing", names,
                             constant=_plain(coefficient), meaning=MEANINGS.get(names))
    return None


def _plain(value):
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else value
