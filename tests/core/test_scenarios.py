"""The scenarios (:mod:`derivations.scenarios`) tidy their results with
``sp.factor_terms`` (:func:`~derivations.scenarios.tidy`), not ``sp.simplify``: this
compares every result, field by field and structurally (``==`` on the expression
trees, not values), with the same derivation done with ``sp.simplify`` as it was, for
every form the sheets and the checker double or reduce to 1 x 1, both padding readings,
with and without bias.  (The committed documents and prebuilt derivations are compared
with fresh ones elsewhere: tests/docs/test_documents.py, tests/core/test_prebuilt.py.)"""

import itertools

import pytest
import sympy as sp

from derivations import scenarios
from derivations.model import PADDINGS, c_i, c_o, k_h, k_w, p_h, p_w, s_h, s_w
from derivations.registry.forms import Form

# the forms the exercises (doubling, pointwise) and the checker (derive.COUNTS) use
KEYS = (
    Form.FORWARD_MULTS,
    Form.FORWARD_ADDS,
    Form.FORWARD_OPS,
    Form.FORWARD_MACS,
    Form.FORWARD_FLOPS,
    Form.MEMORY_WEIGHTS,
    Form.MEMORY_INPUT,
    Form.MEMORY_OUTPUT,
)
CASES = list(itertools.product(KEYS, PADDINGS, (False, True)))


def _simplified_channels(key, padding, bias) -> scenarios.ChannelDoubling:
    before = scenarios.book_form(key, padding, bias)
    after = before.subs({c_i: 2 * c_i, c_o: 2 * c_o}, simultaneous=True)
    ratio = sp.factor(sp.simplify(after / before))
    t = sp.Symbol("t", positive=True)
    limit = sp.limit(ratio.subs({c_i: t * c_i, c_o: t * c_o}, simultaneous=True), t, sp.oo)
    return scenarios.ChannelDoubling(key, before, after, ratio, sp.simplify(limit))


def _simplified_padding(key, padding, bias) -> scenarios.PaddingDoubling:
    before = scenarios.book_form(key, padding, bias)
    after = before.subs({p_h: 2 * p_h, p_w: 2 * p_w}, simultaneous=True)
    increase = sp.simplify(after - before)
    unit = {s_h: 1, s_w: 1}
    inc1 = sp.factor(scenarios.in_output_sizes(sp.expand(increase.subs(unit)), padding))
    before1 = scenarios.in_output_sizes(before.subs(unit), padding)
    return scenarios.PaddingDoubling(
        key,
        before,
        after,
        increase,
        sp.simplify(after / before),
        inc1,
        sp.factor(sp.simplify((before1 + inc1) / before1)),
    )


def _simplified_pointwise(key, padding, bias) -> scenarios.Pointwise:
    general = sp.simplify(scenarios.book_form(key, padding, bias).subs({k_h: 1, k_w: 1}))
    plain = sp.factor(sp.simplify(general.subs({s_h: 1, s_w: 1, p_h: 0, p_w: 0})))
    return scenarios.Pointwise(key, general, plain)


@pytest.mark.parametrize(
    "derived, simplified",
    [
        (scenarios.double_channels, _simplified_channels),
        (scenarios.double_padding, _simplified_padding),
        (scenarios.pointwise, _simplified_pointwise),
    ],
    ids=["double_channels", "double_padding", "pointwise"],
)
def test_tidy_gives_the_trees_simplify_gave(derived, simplified):
    for key, padding, bias in CASES:
        got, want = derived(key, padding, bias), simplified(key, padding, bias)
        assert got == want, (key, padding, bias)
        for field in got.__dataclass_fields__:
            mine, theirs = getattr(got, field), getattr(want, field)
            assert sp.srepr(mine) == sp.srepr(theirs), (key, padding, bias, field)


def test_the_comparison_sees_a_different_tree():
    """The trees compared above differ when the tidying does (not a vacuous ``==``):
    without it, doubling the padding leaves the increase as two products."""
    before = scenarios.book_form(Form.FORWARD_MULTS)
    after = before.subs({p_h: 2 * p_h, p_w: 2 * p_w}, simultaneous=True)
    assert after - before != scenarios.double_padding(Form.FORWARD_MULTS).increase
    assert sp.simplify(after - before) == scenarios.double_padding(Form.FORWARD_MULTS).increase
