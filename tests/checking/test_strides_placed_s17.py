"""A receptive field's step over a layer's index that names a stride is run at strides
other than the question's 1 too (issue 21, s16rev F6's rest): at stride 1 every stride
is 1, so ``RF_{l+1} = RF_l + (k_{l+1} - 1) s_{l+1}`` (the layer's own stride where the
strides before it act) and Distill's step without its ``- s_2``, ``r_1 = s_2 r_2 + (k_2
- 1)``, were accepted.  Now such a step is also run over layers of strides 2 and 3 in
the direction it is written and must give their field (each layer adds (kernel − 1)
times the product of the strides before it); the right steps, and a step naming no
stride (the question's own), stay accepted.  Answers of our own, through ``check`` and
``grade``."""

from __future__ import annotations

from tests.checking.rows import Table, guard, said_as

R, N = "equivalent", "invalid_input"
CS, MISPLACED = "compose-size", "checker.reason.stride_misplaced: "

ROWS = [
    (CS, "RF_{l+1} = RF_l + (k_{l+1}-1) s_{l+1}", N, MISPLACED + "RF = RF_prev + (k-1) s"),
    (CS, "RF_l = RF_{l-1} + (k_l - 1) s_l", N, MISPLACED + "RF = RF_prev + (k - 1) s"),
    # a capital S at the layer's index is the product of the strides before it, as notes
    # write it (S_i = ∏_{j<i} s_j)
    guard(CS, r"RF_l = RF_{l-1} + (k_l - 1) \cdot S_l", R, None),
    guard(CS, "RFi = RFi-1 + (ki - 1) * Si", R, None),
    (CS, "感受野递推：RF_l = RF_{l-1} + (k_l - 1) s_l", N, MISPLACED + "RF = RF_prev + (k - 1) s"),
    (CS, "r_1 = s_2 r_2 + (k_2 - 1)", N, MISPLACED + "r_prev = s r + (k - 1)"),
    (CS, "RF_{l-1} = RF_l s_l + k_l - 1", N, MISPLACED + "RF_prev = RF s + k - 1"),
    guard(CS, "r_1 = s_2 r_2 + (k_2 - s_2)", R, None),
    guard(CS, r"r_1 = s_2 \times r_2 + (k_2 - s_2)", R, None),
    guard(CS, "r_2 = r_1 + (k_2 - 1) s_1", R, None),
    guard(CS, "RF_{l-1} = (RF_l - 1) s_l + k_l", R, None),
    guard(CS, r"RF_{l+1} = RF_l + (k_{l+1} - 1) \prod_{i=1}^{l} s_i", R, None),
    guard(CS, r"感受野递推：RF_l = RF_{l-1} + (k_l - 1) \prod_{i=1}^{l-1} s_i", R, None),
    guard(CS, "RF_l = RF_{l-1} + (k_l - 1) j_l", R, None),
    guard(CS, "RF_l = RF_{l-1} + (k_l - 1)", R, None),
    guard(CS, "r = r + (k - 1) * j", R, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_step_naming_a_stride_is_run_at_other_strides = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
