"""The counting rules of Counted arrays, one operation at a time, against hand counts."""

import numpy as np
import pytest

from derivations.counted import Counted, OpCount, counting, phase


def counted(*shape):
    return np.arange(1, np.prod(shape) + 1, dtype=float).reshape(shape).view(Counted)


# (operation, expected (mults, adds)) -- hand counts from the shapes
CASES = [
    (lambda: counted(2, 3) * counted(2, 3), (6, 0)),
    (lambda: counted(2, 3) + counted(3), (0, 6)),  # broadcast: 6 results
    (lambda: counted(4, 5) @ counted(5, 2), (40, 32)),  # 8 outputs x (5, 4)
    (lambda: counted(3, 4, 5) @ counted(3, 5, 2), (120, 96)),  # batched
    (lambda: counted(4, 1) @ counted(1, 3), (12, 0)),  # 1-term sums: no adds
    (lambda: counted(2, 3, 4).sum(axis=(0, 2)), (0, 21)),  # 3 sums of 8 terms
    (lambda: counted(5).sum(), (0, 4)),
    (
        lambda: np.add(
            counted(2, 2), 1.0, out=counted(2, 2), where=np.array([[True, False], [False, False]])
        ),
        (0, 1),
    ),
    (lambda: counted(3).reshape(3, 1).T.copy(), (0, 0)),  # bookkeeping is free
]


@pytest.mark.parametrize("operation, expected", CASES)
def test_counts(operation, expected):
    with counting() as count:
        operation()
    assert (count.mults, count.adds) == expected


def test_values_are_untouched_by_counting():
    a, b = counted(3, 4), counted(4, 2)
    with counting():
        got = a @ b
    assert np.array_equal(np.asarray(got), np.asarray(a) @ np.asarray(b))


def test_uncounted_arithmetic_refuses():
    with counting(), pytest.raises(TypeError, match="uncounted arithmetic"):
        np.sqrt(counted(2))


def test_phases_split_the_total():
    with counting() as total:
        with phase("a"):
            counted(2) * counted(2)
        with phase("b"):
            counted(3) + counted(3)
    assert total == OpCount(2, 3)
    assert total.phases == {"a": OpCount(2, 0), "b": OpCount(0, 3)}


def test_outside_counting_nothing_is_recorded():
    counted(2) * counted(2)
    with counting() as count:
        pass
    assert count == OpCount()
