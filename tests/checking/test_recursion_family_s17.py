"""Issue 21, session seventeen: a receptive field's recursion as a family (H17-test's
largest class, public now; every answer here is our own), right and wrong, in English
and Chinese, through ``check`` and ``grade``.

A recursion is ``NEW = OLD + (K − 1) × J`` (backward, ``OLD = (NEW − 1) × S + K``;
Distill's ``r_{l-1} = s_l r_l + (k_l − s_l)``): NEW and OLD one name at two indices,
K the layer's kernel, J the jump (the product of the earlier strides, a ``jump``,
``j``, ``step``), times a dilation or not; a ``stride`` or ``s`` there is the layer's own
stride, right only where every stride is 1, and refused as main refuses it
(test_strides_placed_s17, ``stride_misplaced``).  Session 16 read the index as a subscript
in the registry's layer letters; refused before this change (each row marked so):

- the index as a call's or an array's (``RF(t) = RF(t-1) + …``, ``r[t] = r[t-1] + (k[t]
  - 1) * j[t]``), or a subscript in a letter that is no layer's index (``l_{k} =
  l_{k-1} + (f_k - 1) ∏_{i=1}^{k-1} s_i``, ``R_L = R_{L-1} + … ∏_{i=1}^{L-1} s_i``):
  now written as the step's own letter (:func:`.recursion._step_index`);
- TeX's words and sized brackets (``r_{\\text{next}} = r_{\\text{current}} + (k - 1)
  \\times \\text{step}``, ``\\left [ … \\right ]``): now their words and parentheses;
- a dilation's name as a factor (``* dilation``, ``* d``): now the model's dilation
  (:func:`.indexed.question_dilation`), never a typed 1.

No wrong answer is accepted: the kernel added whole (K, not K − 1), a start of 0 the
answer states, the dilation added, the field two layers back, the field after used as
the one before: not_equivalent or refused.  Rows that keep their verdict without this
change are guards (:func:`.rows.guard`)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
CS = "compose-size"
UNROLLED = "checker.reason.not_unrolled"
MISPLACED = "checker.reason.stride_misplaced: "

CLASSES: dict[str, list[tuple]] = {
    "a step's index as a call's or an array's": [
        (CS, "RF(t) = RF(t-1) + (kernel - 1) * jump", R, "recursion"),
        (CS, "感受野递推：rf(n) = rf(n-1) + (k - 1) * j", R, "recursion"),
        # a stride that is not the jump, at the step's own index: right only where every
        # stride is 1, refused as main refuses RF_l = RF_{l-1} + (k_l - 1) s_l
        # (test_strides_placed_s17)
        (
            CS,
            "RF(t) = RF(t-1) + (kernel - 1) * stride",
            N,
            MISPLACED + "RF = RF_prev + (kernel - 1) * stride",
        ),
        (
            CS,
            "感受野递推：rf(n) = rf(n-1) + (k - 1) * s",
            N,
            MISPLACED + "rf = rf_prev + (k - 1) * s",
        ),
        (CS, "r[t] = r[t-1] + (k[t] - 1) * j[t]", R, "recursion"),
        (CS, "RF(i+1) = (RF(i) - 1) * stride + ksize", R, "recursion"),
        (CS, "RF(t) = RF(t-1) + kernel * stride", W, None),
        (CS, "感受野递推：rf(n) = rf(n-1) * k", W, None),
        (CS, "RF(0) = 0; RF(t) = RF(t-1) + (kernel - 1) * stride", W, None),
        (CS, "r[t] = r[t-1] + k[t] * j[t]", W, None),
        guard(CS, "RF(t) = RF(t-2) + (kernel - 1) * stride", N, None),
    ],
    "a step's index a letter that is no layer's": [
        (
            CS,
            r"$$l_{k} = l_{k-1} + \left[ (f_{k}-1) * \prod_{i=1}^{k-1} s_{i} \right]$$",
            R,
            "recursion",
        ),
        (CS, r"$$R_L = R_{L-1} + (k_L - 1) \times \prod_{i=1}^{L-1} s_i$$", R, "recursion"),
        (CS, "感受野：RF_p = RF_{p-1} + (K_p - 1) × ∏_{i<p} S_i", R, "recursion"),
        (CS, r"r_{k+1} = r_k + (f_{k+1} - 1) \prod_{i=1}^{k} s_i", R, "recursion"),
        (CS, r"r_{k-1} = s_k r_k + (f_k - s_k)", R, "recursion"),
        (CS, r"$$l_{k} = l_{k-1} + f_{k} * \prod_{i=1}^{k-1} s_{i}$$", W, None),
        (CS, r"R_L = R_{L-1} + (k_L - 1) \times \prod_{i=1}^{L-1} s_i, R_0 = 0", W, None),
        (CS, "感受野：RF_p = RF_{p-1} + K_p × ∏_{i<p} S_i", W, None),
        (CS, r"r_{k-1} = s_k r_k + f_k", W, None),
        guard(CS, "l_{k} = l_{k+1} + (f_k - 1)", N, None),
    ],
    "a step's names in TeX's words and brackets": [
        (CS, r"r_{\text{next}} = r_{\text{current}} + (k - 1) \times \text{step}", R, "recursion"),
        (
            CS,
            r"感受野：RF_{\mathrm{new}} = RF_{\mathrm{old}} + (k - 1) \cdot \mathrm{jump}",
            R,
            "recursion",
        ),
        guard(CS, "r_{next} = r_{current} + (k - 1) * step", R, "recursion"),
        (CS, r"r_{\text{next}} = r_{\text{current}} + k \times \text{step}", W, None),
        (CS, r"感受野：RF_{\mathrm{new}} = RF_{\mathrm{old}} \cdot k", W, None),
    ],
    "a step times the dilation": [
        (CS, "RF(t) = RF(t-1) + (kernel - 1) * jump * dilation", R, "recursion"),
        (
            CS,
            "RF(t) = RF(t-1) + (kernel - 1) * stride * dilation",
            N,
            MISPLACED + "RF = RF_prev + (kernel - 1) * stride * dilation",
        ),
        (CS, "感受野：r_t = r_{t-1} + d * (k - 1) * j", R, "recursion"),
        (CS, "RF(t) = RF(t-1) + kernel * stride * dilation", W, None),
        (CS, "RF(t) = RF(t-1) + (kernel - 1) * stride + dilation", W, None),
        (CS, "感受野：r_t = r_{t-1} + d * k * j", W, None),
        # a dilation of 2 the answer gives: a step for other layers than the question's
        (CS, "RF(t) = RF(t-1) + (kernel - 1) * stride * dilation, dilation = 2", W, None),
        (CS, "感受野：r = r + (k - 1) * d，d = 2", W, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=6, ascii=14)


def test_a_step_in_another_index_that_does_not_run_is_refused_naming_it():
    """A step whose index is a call's that does not run is refused naming its line as
    written (it said the field's name was unknown)."""
    from derivations.checking import check

    answer = "RF(t) = RF(t-1) + (kernel - 1) * RF(t-2)"
    result = check(CS, answer, symbolic=False)
    assert result.error["id"] == UNROLLED, result.error
    assert result.error["fields"]["part"] == answer, result.error


def test_the_dilation_is_the_models_not_typed(monkeypatch):
    """The dilation a step multiplies by is the model's default
    (:func:`.indexed.question_dilation`): at another default the same step reads
    otherwise."""
    from derivations.checking.reading import indexed, recursion
    from derivations.model import Layer
    from derivations.registry.symbols import BY_NAME

    assert indexed.question_dilation() == str(getattr(Layer, BY_NAME["d_h"].attribute))
    answer = "RF(t) = RF(t-1) + (kernel - 1) * jump * dilation"
    monkeypatch.setattr(recursion, "question_dilation", lambda: "7")
    read = recursion.unrolled(answer)
    assert read is not None and "(7)" in read[0], read
