"""Points of the valid domain where answers are compared exactly.

A *domain* is a frozenset of restriction tags (the conventions a student may have
assumed); a point is a plain dict of ints.  Layer points obey the model's domain (sizes
>= 1, padding >= 0, kernel fits the padded input under *total* padding, hence under
per-side padding too); ``m_h, m_w`` follow the padding convention asked for.  Edge
points come first (all ones, kernel equal to the padded input, stride not dividing,
stride larger than the kernel, odd total padding), then seeded random ones, small and
large (up to 300), so that a counterexample is usually small, then five large layers
(sizes and paddings from about 10^3 to 2^33), where a term that vanishes on smaller
inputs shows.

Integer arithmetic only: output sizes come from the model's one definition,
:func:`derivations.model.output_size`, which is integer (no SymPy) on integers.
"""

from __future__ import annotations

import random
from functools import cache

from derivations.model import output_size
from derivations.registry.restrictions import Kind, Restriction, on_axis, span_at

__all__ = [
    "RESTRICTIONS",
    "layer_points",
    "compose_points",
    "environments",
    "output_extent",
    "SEED",
    "RANDOM_POINTS",
    "restrict_point",
]

SEED = 20240604
RANDOM_POINTS = 56
AXES = ("h", "w")
RESTRICTIONS = tuple(Restriction)

# c_i c_o h w k_h k_w p_h p_w s_h s_w n
_EDGES = (
    (1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1),
    (2, 3, 5, 4, 7, 4, 2, 0, 2, 3, 1),  # kernel = padded input on both axes
    (3, 2, 7, 10, 2, 3, 0, 1, 3, 4, 2),  # stride not dividing
    (1, 4, 9, 6, 1, 2, 0, 3, 4, 5, 1),  # stride larger than the kernel, odd padding
    (4, 1, 6, 11, 3, 5, 3, 1, 1, 2, 3),
    (2, 2, 8, 5, 1, 1, 1, 2, 2, 3, 1),  # 1x1 kernel, stride and padding
    (64, 128, 56, 56, 3, 3, 2, 2, 1, 1, 1),
    (5, 7, 13, 8, 4, 2, 1, 3, 2, 3, 2),
)
# large layers, last: a term that vanishes on every smaller layer (``floor(h/1000)``,
# ``floor(c_i/300)``) shows here (the random layers stop at 300, the edges at 128); the
# last two pad by far more than the others (whose paddings stop at 5): ``floor(p_h/6)``
# vanished everywhere else (s14exam E24)
_LARGE = (
    (1031, 2053, 4099, 1500, 3, 7, 2, 5, 3, 2, 1),
    (3, 70001, 100003, 65537, 11, 1, 4, 0, 1, 7, 2),
    (2**31 + 11, 5, 10**9 + 7, 2**32 + 15, 5, 3, 1, 2, 2, 1, 1),
    (2, 3, 5, 7, 3, 3, 10**6 + 3, 2**32 + 1, 2, 3, 1),
    (6, 4, 10**9 + 9, 13, 7, 3, 2**33 + 5, 4099, 3, 1, 1),
)
_NAMES = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "n")


def output_extent(size, kernel, padding, stride, padding_convention="total"):
    """The model's output size (no dilation), in integers."""
    return output_size(size, kernel, padding, stride, 1, padding_convention)


def _random_layer(rng: random.Random) -> dict:
    def size(small, large):
        return rng.randint(1, small) if rng.random() < 0.7 else rng.randint(small + 1, large)

    point = {"c_i": size(8, 300), "c_o": size(8, 300), "n": rng.randint(1, 4)}
    for axis in AXES:
        extent = size(20, 300)
        pad = 0 if rng.random() < 0.3 else rng.randint(1, 5)
        kernel = extent + pad if rng.random() < 0.15 else rng.randint(1, min(extent + pad, 11))
        stride = 1 if rng.random() < 0.3 else rng.randint(2, 5 if rng.random() < 0.9 else 12)
        point.update({axis: extent, f"k_{axis}": kernel, f"p_{axis}": pad, f"s_{axis}": stride})
    return point


def restrict_point(point: dict, domain: frozenset, padding_convention: str = "total") -> dict:
    """``point`` changed as little as needed to obey ``domain`` (sizes grown until the
    kernel fits)."""
    point = dict(point)
    if Restriction.K1 in domain:
        point["k_h"] = point["k_w"] = 1
    if Restriction.SQUARE in domain:
        for name in ("k", "p", "s"):
            point[f"{name}_w"] = point[f"{name}_h"]
    if Restriction.SQUARE_INPUT in domain:
        point["w"] = point["h"]
    for axis in AXES:
        if on_axis(Kind.NO_PADDING, axis) in domain:
            point[f"p_{axis}"] = 0
        if on_axis(Kind.STRIDE_1, axis) in domain:
            point[f"s_{axis}"] = 1
    for axis in AXES:
        # grow the input until the kernel fits (and the stride divides, if asked)
        point[axis] = max(point[axis], point[f"k_{axis}"] - point[f"p_{axis}"])
        if on_axis(Kind.DIVIDES, axis) in domain:
            point[axis] += -span_at(point, axis, padding_convention) % point[f"s_{axis}"]
    return point


@cache
def _base_layer_points() -> tuple:
    rng = random.Random(SEED)
    points = [dict(zip(_NAMES, edge)) for edge in _EDGES]
    points += [_random_layer(rng) for _ in range(RANDOM_POINTS)]
    points += [dict(zip(_NAMES, large)) for large in _LARGE]
    return tuple(points)


@cache
def layer_points(domain: frozenset = frozenset(), padding_convention: str = "total") -> tuple:
    seen, out = set(), []
    for point in _base_layer_points():
        restricted = restrict_point(point, domain, padding_convention)
        key = tuple(sorted(restricted.items()))
        if key not in seen:
            seen.add(key)
            out.append(restricted)
    return tuple(out)


@cache
def compose_points() -> tuple:
    rng = random.Random(SEED)
    points = [(1, 1), (1, 4), (4, 1), (2, 2), (3, 5)]
    points += [(rng.randint(1, 60), rng.randint(1, 60)) for _ in range(40)]
    return tuple({"k_1": a, "k_2": b} for a, b in dict.fromkeys(points))


@cache
def environments(
    family: str, domain: frozenset = frozenset(), padding_convention: str = "total"
) -> tuple:
    """Symbol values at every point: the layer's symbols, ``m_h, m_w`` under
    ``convention``, and the square-kernel names ``k, s, p`` when the domain is square."""
    if family == "compose":
        return compose_points()
    envs = []
    for point in layer_points(domain, padding_convention):
        env = dict(point)
        for axis in AXES:
            env[f"m_{axis}"] = output_extent(
                point[axis],
                point[f"k_{axis}"],
                point[f"p_{axis}"],
                point[f"s_{axis}"],
                padding_convention,
            )
        if Restriction.SQUARE in domain:
            env.update(k=point["k_h"], s=point["s_h"], p=point["p_h"])
        envs.append(env)
    return tuple(envs)
