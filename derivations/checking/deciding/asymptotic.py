"""Is O(f) of the reference's order?  Exact ratios along rays, no limits, no floats.

Along a ray one size grows (t = 10^4 then 10^8; a kernel size grows with the input as
k = t, h = t^2 so that it keeps fitting), the others stay at a valid base point.  Both
the reference and f are rational functions of t (floors only shift them by bounded
amounts), so reference/f behaves like C t^d with a whole number d: between the two
values of t it changes by about 10^(4d).  The orders agree on the ray exactly when it
changes by less than 100x (d = 0); the gap to the next possibility is 10^4.
"""

from __future__ import annotations

from fractions import Fraction

from derivations.checking.deciding.samples import layer_points, output_extent
from derivations.expr import tree as ex
from derivations.expr.evaluate import Undefined, compile_node
from derivations.records import record
from derivations.registry.restrictions import Restriction

__all__ = ["RAYS", "OrderMismatch", "order_mismatch"]

T_SMALL, T_LARGE = 10**4, 10**8
# ray name -> the sizes it grows: "t" (linear) or "t2" (quadratic)
RAYS = {
    "c_i": {"c_i": "t"},
    "c_o": {"c_o": "t"},
    "h": {"h": "t"},
    "w": {"w": "t"},
    "k_h": {"k_h": "t", "h": "t2"},
    "k_w": {"k_w": "t", "w": "t2"},
    "k_1": {"k_1": "t"},
    "k_2": {"k_2": "t"},
}
_SQUARE = {"k_h": ("k_w", "w"), "k_w": ("k_h", "h")}


def _environment(
    point: dict, grow: dict, t: int, padding: str, square: bool, square_input: bool
) -> dict:
    env = dict(point)
    for name, how in grow.items():
        env[name] = t if how == "t" else t * t
    if square and "k_h" in grow:
        env.update(k_w=env["k_h"], w=max(env["w"], env["h"]))
    if square_input and "h" in env:  # a square layer (h² for h·w): its width grows with h
        env["w"] = env["h"]
    for axis in ("h", "w"):
        if f"k_{axis}" in env:
            env[f"m_{axis}"] = output_extent(
                env[axis], env[f"k_{axis}"], env[f"p_{axis}"], env[f"s_{axis}"], padding
            )
    if square:
        env.update(k=env["k_h"], s=env["s_h"], p=env["p_h"])
    return env


def _bases(family: str, domain: frozenset) -> list[dict]:
    if family == "compose":
        return [{"k_1": 3, "k_2": 2}, {"k_1": 5, "k_2": 7}]
    points = layer_points(domain, "total")
    return [points[i] for i in (9, 17, 29) if i < len(points)]


@record(frozen=True)
class OrderMismatch:
    """Along a ray where ``size`` grows: ``sign`` 1 when the reference grows faster than
    the answer, -1 when slower, 0 when the answer is no positive count there (zero,
    negative or undefined: no order to compare)."""

    size: str
    sign: int


def _value(function, env):
    try:
        return function(env)
    except Undefined:
        return None


def _ray_order(reference, answer, envs) -> int | None:
    """1, -1 or 0 as in :class:`OrderMismatch`, or None when the orders agree on this
    ray or the ray says nothing (the reference is not positive on it: its values at
    the two points carry no order, e.g. a misconception that is 0 on a thin layer)."""
    references = [_value(reference, env) for env in envs]
    if any(value is None or value <= 0 for value in references):
        return None
    answers = [_value(answer, env) for env in envs]
    if any(value is None or value <= 0 for value in answers):
        return 0
    small, large = (Fraction(r) / Fraction(a) for r, a in zip(references, answers))
    change = large / small
    if change > 100:
        return 1
    if change < Fraction(1, 100):
        return -1
    return None


def order_mismatch(
    reference_tree, answer_tree, family: str, domain: frozenset
) -> OrderMismatch | None:
    """None when O(answer) has the reference's order on every ray; else where not."""
    reference, answer = compile_node(reference_tree), compile_node(answer_tree)
    used = ex.symbols_in(reference_tree) | ex.symbols_in(answer_tree)
    square = "square" in domain
    square_input = Restriction.SQUARE_INPUT in domain
    rays = [
        name
        for name in RAYS
        if name in used
        and not (square and name == "k_w")
        and not (square_input and name == "w")
        and not ("k1" in domain and name.startswith("k_"))
    ]
    for name in rays:
        grow = RAYS[name]
        for point in _bases(family, domain):
            envs = [
                _environment(point, grow, t, "total", square, square_input)
                for t in (T_SMALL, T_LARGE)
            ]
            sign = _ray_order(reference, answer, envs)
            if sign is not None:
                return OrderMismatch(name, sign)
    return None
