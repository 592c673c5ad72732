"""s17rev F7: a kernel layout the answer's comment names was ignored unless the layouts
record held it: ``w.shape[0]  # IOHW`` (PyTorch's ConvTranspose2d weight, whose first
size is its in_channels), ``# IHWO``, the layout spelled in words (``# (in_channels,
out_channels, kH, kW)``) and two layouts (``# OIHW -> HWIO``: the student transposed)
were read by the default OIHW, and accepted for the bias's c_o.  Now a kernel's shape
indexed beside a kernel layout no record holds, or two, is refused naming them
(``reading.kernel_layout``), and a shape spelled in the words PyTorch and TensorFlow
write their weights with is read as the layout of its letters; the layouts held
(OIHW, HWIO, OHWI) keep their readings."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
B = "bias-size"
REFUSED = "reading.kernel_layout: "

CLASSES = {
    "a kernel layout named that no record holds": [
        (B, "w.shape[0]  # IOHW", N, REFUSED + "IOHW"),
        (B, "w.shape[1]  # IOHW", N, REFUSED + "IOHW"),
        (B, "w.size(0)  # IHWO", N, REFUSED + "IHWO"),
        (B, "weight.shape[0]  # weight: IOHW (ConvTranspose2d)", N, REFUSED + "IOHW"),
        (B, "w.shape[2]  # HWOI", N, REFUSED + "HWOI"),
        (B, "kernel_shape[0]  # 卷积核布局 IOHW", N, REFUSED + "IOHW"),
        guard(B, "w.shape[0]  # OIHW", R, None),
        guard(B, "w.shape[3]  # HWIO", R, None),
        guard(B, "w.shape[0]  # OHWI", R, None),
        guard(B, "w.shape[0]", R, None),
        guard(B, "w.shape[1]  # OIHW", W, None),
        guard(B, "c_o  # IOHW", R, None),
    ],
    "a kernel layout spelled in words": [
        (B, "w.shape[0]  # (in_channels, out_channels, kH, kW)", N, REFUSED + "IOHW"),
        (B, "w.shape[0]  # [in_channels, out_channels, filter_height, filter_width]", N, None),
        guard(B, "w.shape[0]  # (out_channels, in_channels, kH, kW)", R, None),
        guard(B, "w.shape[3]  # [filter_height, filter_width, in_channels, out_channels]", R, None),
        guard(B, "w.shape[1]  # (out_channels, in_channels, kH, kW)", W, None),
        guard(B, "w.shape[0]  # 权重形状 (out_channels, in_channels, kH, kW)", R, None),
    ],
    "two kernel layouts named": [
        (B, "w.shape[0]  # OIHW -> HWIO", N, REFUSED + "HWIO, OIHW"),
        (B, "w.shape[3]  # OIHW -> HWIO", N, REFUSED + "HWIO, OIHW"),
        guard(B, "w = w.permute(2, 3, 1, 0)  # OIHW -> HWIO\nw.shape[0]", N, None),
        (B, "w.shape[0]  # 从 OIHW 转为 HWIO", N, REFUSED + "HWIO, OIHW"),
        guard(B, "w.shape[3]  # HWIO", R, None),
        guard(B, "w.shape[0]  # HWIO", W, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=3, ascii=10)
