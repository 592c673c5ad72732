"""Counterexamples a student recognises: the smallest book-like layer where two
formulas differ.

Book-like means what the section's figures use: a few channels (2-4, c_i != c_o so that
swapping them shows), inputs of 5-8 (h != w before h = w, so that mixing them up
shows), kernels of 3 (then 2), total padding 2 or 1 and stride 1 or 2.  The candidates
are ordered by how far they are from the plainest layer (the sum of the ranks of their
choices) and projected onto the answer's domain (its assumptions hold at every
candidate).  Only when none separates the two formulas are the catalogue's general
sample points (all ones, huge layers) searched.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from derivations.checking.deciding.restrictions import AXES
from derivations.checking.deciding.samples import layer_points, output_extent, restrict_point

__all__ = ["book_like_points", "book_like_environments", "COMPOSE_POINTS"]

# choices, plainest first
_CHANNELS = ((2, 3), (3, 2), (3, 4), (4, 2), (2, 4))
_SIZES = ((5, 6), (6, 5), (6, 6), (5, 5), (7, 8), (8, 6))
_KERNELS = ((3, 3), (3, 2), (2, 3), (2, 2))
_PADDINGS = ((2, 2), (1, 1), (2, 1), (1, 2))
_STRIDES = ((1, 1), (2, 2), (1, 2), (2, 1))
# (k_1, k_2) for the composed kernel, plainest first
COMPOSE_POINTS = ({"k_1": 3, "k_2": 3}, {"k_1": 3, "k_2": 5}, {"k_1": 2, "k_2": 3},
                  {"k_1": 5, "k_2": 3}, {"k_1": 3, "k_2": 2}, {"k_1": 2, "k_2": 2},
                  {"k_1": 4, "k_2": 4})


@lru_cache(maxsize=1)
def _candidates() -> tuple:
    ranked = []
    choices = (_CHANNELS, _SIZES, _KERNELS, _PADDINGS, _STRIDES)
    for picks in itertools.product(*(range(len(c)) for c in choices)):
        (ci, co), (h, w), (kh, kw), (ph, pw), (sh, sw) = (
            choice[index] for choice, index in zip(choices, picks))
        ranked.append((sum(picks), picks, {"c_i": ci, "c_o": co, "h": h, "w": w, "k_h": kh,
                                           "k_w": kw, "p_h": ph, "p_w": pw, "s_h": sh,
                                           "s_w": sw, "n": 1}))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return tuple(point for _, _, point in ranked)


@lru_cache(maxsize=None)
def book_like_points(domain: frozenset = frozenset(), limit: int = 160) -> tuple:
    """Up to ``limit`` distinct book-like layers obeying ``domain``, plainest first."""
    seen, out = set(), []
    for point in _candidates():
        projected = restrict_point(point, domain, "total")
        key = tuple(sorted(projected.items()))
        if key in seen:
            continue
        seen.add(key)
        out.append(projected)
        if len(out) >= limit:
            break
    return tuple(out)


@lru_cache(maxsize=None)
def book_like_environments(domain: frozenset = frozenset()) -> tuple:
    """The points of :func:`book_like_points`, then the general sample points, with
    ``m_h, m_w`` (total padding) and the square names ``k, s, p``."""
    envs = []
    for point in book_like_points(domain) + layer_points(domain, "total"):
        env = dict(point)
        for axis in AXES:
            env[f"m_{axis}"] = output_extent(point[axis], point[f"k_{axis}"],
                                             point[f"p_{axis}"], point[f"s_{axis}"])
        env.update(k=point["k_h"], s=point["s_h"], p=point["p_h"])
        envs.append(env)
    return tuple(envs)
