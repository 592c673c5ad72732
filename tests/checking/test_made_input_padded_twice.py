"""s17rev F15: padding counted twice passed as the per-side convention: an array made
with the input's sizes padded once by the book's total padding (``new_X =
np.zeros((N, C, H + p_h, W + p_w))``), then its size padded again (``(new_X.shape[2] -
k_h + p_h) // s_h + 1``), was read ``⌊(h + p_h − k_h + p_h)/s_h⌋ + 1`` and accepted under
the per-side convention, although the answer's own array says the padding is the
total.  Now a made array's size padded once (its made_input note) is the answer's own
total padding, as a padded name's is (``H_pad = H + P``), and the per-side reading is
not taken; the same formula written bare keeps that reading, and the array padded on
both sides keeps its own."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
OH, OW = "output-height", "output-width"
ONCE = "new_X = np.zeros((N, C, H + p_h, W + p_w))\n"
TWICE = "new_X = np.zeros((N, C, H + 2 * p_h, W + 2 * p_w))\n"

CLASSES = {
    "a made array padded once, then padded again": [
        (OH, ONCE + "out_h = (new_X.shape[2] - k_h + p_h) // s_h + 1", N),
        (OW, ONCE + "out_w = (new_X.shape[3] - k_w + p_w) // s_w + 1", N),
        (OH, ONCE + "out_h = (new_X.shape[-2] - k_h + p_h) // s_h + 1", N),
        (
            OH,
            "Xp = torch.zeros(n, c, h + p_h, w + p_w)\nm_h = (Xp.shape[2] - k_h + p_h) // s_h + 1",
            N,
        ),
        guard(OH, ONCE + "out_h = (new_X.shape[2] - k_h) // s_h + 1", R),
        guard(OW, ONCE + "out_w = (new_X.shape[3] - k_w) // s_w + 1", R),
        guard(OH, TWICE + "out_h = (new_X.shape[2] - k_h) // s_h + 1", C),
        guard(OH, TWICE + "out_h = (new_X.shape[2] - k_h + p_h) // s_h + 1", W),
        guard(OH, ONCE + "out_h = (new_X.shape[2] - k_h + 2 * p_h) // s_h + 1", W),
        guard(OH, "floor((h + p_h - k_h + p_h)/s_h) + 1", C),
        guard(OH, "H_pad = H + p_h\nout_h = (H_pad - k_h + p_h) // s_h + 1", W),
        guard(OH, "# 先补零\n" + ONCE + "out_h = (new_X.shape[2] - k_h) // s_h + 1", R),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=1, ascii=8)
