"""The answer tables' shared tests (:mod:`tests.checking.rows`) can fail: each one built
from a row whose expected verdict, reading or class is wrong raises, and passes on the
right one."""

import pytest

from derivations.checking import check
from tests.checking.rows import GUARD, Table, classes_test, guard, never_accepted_test, read_as

COLUMNS = "question, answer, verdict, read"
RIGHT_ROW = ("bias-size", "c_o", "equivalent", None)
WRONG_ROW = ("bias-size", "c_o", "not_equivalent", None)  # c_o is right


def test_the_check_test_fails_on_a_wrong_verdict_and_passes_on_the_right_one():
    Table(COLUMNS, [RIGHT_ROW]).check_test()(**dict(zip(COLUMNS.split(", "), RIGHT_ROW)))
    with pytest.raises(AssertionError):
        Table(COLUMNS, [WRONG_ROW]).check_test()(**dict(zip(COLUMNS.split(", "), WRONG_ROW)))


def test_the_check_test_runs_what_the_file_asserts_besides():
    named = ("bias-size", "nFilt", "equivalent", {"nFilt": "c_o"})  # read through its name
    row = dict(zip(COLUMNS.split(", "), named))
    Table(COLUMNS, [named]).check_test(also=read_as)(**row)
    with pytest.raises(AssertionError):
        Table(COLUMNS, [named]).check_test(also=read_as)(**(row | {"read": {"nFilt": "c_i"}}))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_grade_test_fails_on_a_wrong_verdict_and_passes_on_the_right_one(lang):
    Table(COLUMNS, [RIGHT_ROW, ("bias-size", "c_i", "not_equivalent", None)]).grade_test()(lang)
    with pytest.raises(AssertionError):
        Table(COLUMNS, [RIGHT_ROW, WRONG_ROW]).grade_test()(lang)


def test_the_classes_test_wants_a_right_and_a_wrong_answer_in_each_class():
    right, wrong = RIGHT_ROW[:3], ("bias-size", "c_i", "not_equivalent")
    classes_test({"a class": [right, wrong]})()
    for rows in ([right], [wrong]):
        with pytest.raises(AssertionError):
            classes_test({"a class": rows})()
    with pytest.raises(AssertionError):  # no answer in Chinese
        classes_test({"a class": [right, wrong]}, chinese=1)()


def test_the_never_accepted_test_fails_on_a_right_answer():
    never_accepted_test([("bias-size", "c_i")])("bias-size", "c_i")
    assert check("bias-size", "c_o").verdict == "equivalent"
    with pytest.raises(AssertionError):
        never_accepted_test([("bias-size", "c_o")])("bias-size", "c_o")


def test_a_guard_row_is_marked_and_still_checked():
    # a guard is a row as any other (its verdict asserted), marked so ``-m "not guard"``
    # leaves it out; the rows beside it are not marked
    test = Table(COLUMNS, [RIGHT_ROW, guard(*RIGHT_ROW)]).check_test()
    (parametrize,) = [m for m in test.pytestmark if m.name == "parametrize"]
    plain, marked = parametrize.args[1]
    assert plain == RIGHT_ROW and tuple(marked.values) == RIGHT_ROW
    assert [m.name for m in marked.marks] == [GUARD.name]
    row = dict(zip(COLUMNS.split(", "), guard(*WRONG_ROW)))
    with pytest.raises(AssertionError):
        Table(COLUMNS, [guard(*WRONG_ROW)]).check_test()(**row)
