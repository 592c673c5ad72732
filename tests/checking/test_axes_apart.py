"""One input size written for both axes where the answer tells the axes apart (s14exam
E26): ``c_o c_i k_h k_w floor((h - k_h + p_h + s_h)/s_h) floor((h - k_w + p_w + s_w)/s_w)``
was "right under a square layer", though it writes k_h and k_w, p_h and p_w apart: h
typed into the width's formula is the height/width mix-up.  A square input is assumed
only where no kernel, padding or stride of each axis is written apart.  Answers of our
own, through check and grade; none of the wrong ones accepted."""

from __future__ import annotations

from tests.checking.rows import Table, said_as

C, W = "equivalent_under_convention", "not_equivalent"
FM, FO, FA, PC = "forward-mults", "forward-ops", "forward-adds", "pointwise-complexity"
MH = "floor((h - k_h + p_h + s_h)/s_h)"
MIX = "axis_mixup"

ROWS = [
    (FM, f"c_o c_i k_h k_w {MH} floor((h - k_w + p_w + s_w)/s_w)", W, MIX),
    (FO, f"c_o (2 c_i k_h k_w - 1) {MH} floor((h - k_w + p_w + s_w)/s_w)", W, MIX),
    (FA, f"c_o (c_i k_h k_w - 1) {MH} floor((h - k_w + p_w + s_w)/s_w)", W, MIX),
    (
        FM,
        "c_o c_i k_h k_w floor((w - k_h + p_h + s_h)/s_h) floor((w - k_w + p_w + s_w)/s_w)",
        W,
        MIX,
    ),
    (PC, "c_o c_i floor((h + p_h + s_h - 1)/s_h) floor((h + p_w + s_w - 1)/s_w)", W, None),
    # one kernel, padding and stride for both axes: a square layer, as before
    (FM, "c_o c_i k k floor((h - k + p + s)/s)^2", C, None),
    (FM, "c_o c_i k^2 floor((w - k + p + s)/s)^2", C, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_axes_written_apart_are_never_a_square_layer = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
