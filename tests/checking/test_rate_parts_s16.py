"""s16rev2 G1: a bias rate over a part of a kernel or a channel (``one per kernel element``,
``each kernel element also has a bias``) was accepted as the kernels' number (c_o): the
rate sentences read their Y as ``number of Y``, and an element word ending it was cut off
as a memory unit (``number of kernel elements`` read as ``number of kernel``).  Now the
element word after "number of" and words alone is the phrase's noun: no unit, the phrase
unread (refused).  A unit after a formula (``c_o elements``) and the rates over whole
kernels or channels keep their reading (guards)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard

R, W, N = "equivalent", "not_equivalent", "invalid_input"

CLASSES = {
    "a rate over a kernel's or a channel's elements": [
        ("bias-size", "each kernel element also has a bias", N),
        ("bias-size", "For each kernel element we also learn one bias.", N),
        ("bias-size", "one per filter element", N),
        ("bias-size", "each output channel element also has a bias", N),
        ("bias-size", "number of kernel elements", N),
        ("bias-size", "the number of filter elements", N),
        guard("bias-size", "每个卷积核元素一个偏置", N),
        guard("bias-size", "each kernel also has a bias", R),
        guard("bias-size", "For each filter we also learn one bias.", R),
        guard("bias-size", "每个卷积核一个偏置", R),
        guard("bias-size", "c_o elements", R),
        guard("bias-size", "输出通道数个元素", R),
        guard("bias-size", "c_i elements", W),
        guard("bias-size", "每个输入通道一个偏置", W),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=3, ascii=8)
