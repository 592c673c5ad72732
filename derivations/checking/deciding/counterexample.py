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
from collections.abc import Iterator
from functools import lru_cache

from derivations.checking.deciding.samples import layer_points, output_extent, restrict_point
from derivations.registry.restrictions import AXES

__all__ = ["book_like_points", "book_like_environments", "COMPOSE_POINTS"]

# choices, plainest first
_CHANNELS = ((2, 3), (3, 2), (3, 4), (4, 2), (2, 4))
_SIZES = ((5, 6), (6, 5), (6, 6), (5, 5), (7, 8), (8, 6))
_KERNELS = ((3, 3), (3, 2), (2, 3), (2, 2))
_PADDINGS = ((2, 2), (1, 1), (2, 1), (1, 2))
_STRIDES = ((1, 1), (2, 2), (1, 2), (2, 1))
# (k_1, k_2) for the composed kernel, plainest first
COMPOSE_POINTS = (
    {"k_1": 3, "k_2": 3},
    {"k_1": 3, "k_2": 5},
    {"k_1": 2, "k_2": 3},
    {"k_1": 5, "k_2": 3},
    {"k_1": 3, "k_2": 2},
    {"k_1": 2, "k_2": 2},
    {"k_1": 4, "k_2": 4},
)


_CHOICES = (_CHANNELS, _SIZES, _KERNELS, _PADDINGS, _STRIDES)


@lru_cache(maxsize=1)
def _ranked_picks() -> tuple:
    """Index tuples into the choices, plainest first (sum of ranks, then lexicographic)."""
    picks = itertools.product(*(range(len(c)) for c in _CHOICES))
    return tuple(sorted(picks, key=lambda p: (sum(p), p)))


def _point(picks) -> dict:
    (ci, co), (h, w), (kh, kw), (ph, pw), (sh, sw) = (
        choice[index] for choice, index in zip(_CHOICES, picks)
    )
    return {
        "c_i": ci,
        "c_o": co,
        "h": h,
        "w": w,
        "k_h": kh,
        "k_w": kw,
        "p_h": ph,
        "p_w": pw,
        "s_h": sh,
        "s_w": sw,
        "n": 1,
    }


def _environment(point: dict) -> dict:
    env = dict(point)
    for axis in AXES:
        env[f"m_{axis}"] = output_extent(
            point[axis], point[f"k_{axis}"], point[f"p_{axis}"], point[f"s_{axis}"]
        )
    env.update(k=point["k_h"], s=point["s_h"], p=point["p_h"])
    return env


def book_like_points(domain: frozenset = frozenset(), limit: int = 160):
    """Up to ``limit`` distinct book-like layers obeying ``domain``, plainest first
    (a generator: a search usually stops at the first)."""
    seen = set()
    for picks in _ranked_picks():
        projected = restrict_point(_point(picks), domain, "total")
        key = tuple(projected.values())
        if key in seen:
            continue
        seen.add(key)
        yield projected
        if len(seen) >= limit:
            return


def _all_environments(domain: frozenset):
    for point in book_like_points(domain):
        yield _environment(point)
    for point in layer_points(domain, "total"):
        yield _environment(point)


# per domain: the environments made so far and the generator making the rest (a search
# usually stops at the first few: they are made once per process, not once per answer)
_MADE: dict[frozenset, tuple[list[dict], Iterator[dict]]] = {}


def book_like_environments(domain: frozenset = frozenset()):
    """The points of :func:`book_like_points`, then the general sample points, with
    ``m_h, m_w`` (total padding) and the square names ``k, s, p`` (a generator; the
    dicts are shared between calls: read them, never change them)."""
    if domain not in _MADE:
        _MADE[domain] = ([], _all_environments(domain))
    made, rest = _MADE[domain]
    index = 0
    while True:
        if index == len(made):
            following = next(rest, None)
            if following is None:
                return
            made.append(following)
        yield made[index]
        index += 1
