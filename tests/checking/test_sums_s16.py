"""Issue 21, session sixteen: the sums, products and recursions learners write for the
size of the kernel two layers compose to (classes H14-test, H15-dev and H15-test missed,
public now; every answer here is our own), each class a table of answers, right and
wrong, in English and Chinese, through ``check`` and ``grade``:

- a receptive field's sum over the layers (``1 + \\sum_{i=1}^{L} (k_i - 1) \\prod_{j=1}^{i-1}
  s_j``, Unicode's Σ ∏, ASCII's ``sum_{i=1}^{L}``): refused (``\\sum`` unsupported, Σ an
  unexpected character); now unrolled at the question's two layers (kernels k_1, k_2,
  stride 1; :mod:`derivations.checking.reading.indexed`), the indexed letters resolved to
  the question's quantities.  A sum that does not unroll (from 0: ``k_0``; to 3: ``k_3``)
  is refused in one line naming the part (``not_unrolled``).
- a receptive field's step over the layer's index with a product of the earlier strides
  (``RF_l = RF_{l-1} + (k_l - 1) \\prod_{i<l} s_i``, ``stride_i`` for ``S_i``), written for
  the next layer (``RF_{l+1} = (RF_l - 1) … + f_{l+1}``) or as a named function of the
  field, the stride and the kernel (``f(RF, stride, kernel) = (RF - 1) * stride +
  kernel``): refused; now run over the two layers as the step ``RF_ℓ = RF_{ℓ-1} + …``
  is.  A step the answer gives a stride or a jump other than 1 (``…, j = 2``) was run at
  stride 1 and accepted; now run at the answer's stride (wrong).  A step that does not
  run (``RF_{l-2}`` on its right) is refused naming the step.
- a step at one layer's numbers (``r_0 = s_1 r_1 + (k_1 - s_1)``, ``RF_2 = RF_1 + (k_2 -
  1)``): refused; now run as the step over the layer's index it is.  Its stride at the
  layer before a forward step's (``r_2 = r_1 + (k_2 - 1) s_1``, the jump) was read as a
  kernel (not_equivalent); now as the jump.

No wrong answer is accepted: each wrong row is ``not_equivalent`` or refused.  Rows
that keep their verdict without this change are guards (:func:`.rows.guard`)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
CS = "compose-size"
UNROLLED = "checker.reason.not_unrolled"

CLASSES: dict[str, list[tuple]] = {
    "a receptive field's sum over the layers": [
        (CS, r"1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i-1} s_j", R, "summed_layers"),
        (CS, r"RF = 1 + Σ_{l=1}^{L} (K_l − 1) · ∏_{i<l} S_i", R, "summed_layers"),
        (CS, r"感受野：1 + \sum_{i=1}^{n}(k_i-1)", R, "summed_layers"),
        (CS, "两层的感受野为 $1+\\sum_{l=1}^{2}(k_l-1)\\prod_{i=1}^{l-1}s_i$", R, "summed_layers"),
        (CS, "sum_{i=1}^{L} (k_i - 1) + 1", R, "summed_layers"),
        (CS, r"k_1 + \sum_{i=2}^{L}(k_i - 1)", R, "summed_layers"),
        (CS, r"1 + \sum_{i=0}^{L-1} (k_{i+1} - 1)", R, "summed_layers"),
        (CS, r"\sum_{i=1}^{L} k_i - 1", R, "summed_layers"),
        # the −1 left out, the product of the kernels, a stride of 2 in the product
        (CS, r"\sum_{i=1}^{L} k_i", W, None),
        (CS, r"感受野：\sum_{i=1}^{L} k_i \prod_{j<i} s_j", W, None),
        (CS, r"1 + \prod_{i=1}^{L} (k_i - 1)", W, None),
        (CS, r"1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i-1} 2", W, None),
        (CS, r"1 + Σ_{i=1}^{L} (k_i − 1) · i", W, None),
        # a sum from 0 or to 3: no such layer, refused naming it
        (CS, r"1 + \sum_{i=0}^{L} (k_i - 1)", N, f"{UNROLLED}: k_0"),
        (CS, "感受野：1 + ∑_{i=1}^{3} (k_i − 1)", N, f"{UNROLLED}: k_3"),
        (CS, r"1 + \sum_{i=1}^{M} (x_i - 1)", N, UNROLLED + r": \sum_{i=1}^{M}"),
    ],
    "a receptive field's step over the layer's index": [
        guard(CS, r"RF_l = RF_{l-1} + (k_l - 1) \cdot \prod_{i=1}^{l-1} s_i", R, "recursion"),
        (CS, "RF_l = RF_{l-1} + (K_l - 1) * ∏_{i<l} stride_i", R, "recursion"),
        guard(CS, r"r_{i} = r_{i-1} + (k_i - 1) j_{i-1}", R, "recursion"),
        (CS, r"RF_{l+1} = (RF_l - 1) \prod_{i=1}^{l} strides_i + k_{l+1}", R, "recursion"),
        (CS, "f(RF, stride, kernel) = (RF - 1) * stride + kernel", R, "recursion"),
        guard(CS, "感受野递推：RF_l = RF_{l-1} + (K_l - 1) × ∏_{i<l} S_i", R, "recursion"),
        (CS, "反向计算感受野：g(r, s, k) = (r - 1)·s + k", R, "recursion"),
        guard(CS, "RF = (RF - 1) * stride + k, stride = 1", R, "recursion"),
        # the −1 left out, the field not less one, a product; a stride of 2 the answer gives
        guard(CS, r"RF_l = RF_{l-1} + k_l \cdot \prod_{i<l} s_i", W, None),
        (CS, "f(RF, stride, kernel) = RF * stride + kernel", W, None),
        (CS, "感受野递推：RF_{l+1} = RF_l × f_{l+1}", W, None),
        (CS, "r = r + (k - 1) * j, j = 2", W, None),
        (CS, "RF = (RF - 1) * stride + k, stride = 2", W, None),
        (CS, "感受野：r_out = r_in + (k - 1) * j_in，其中 j_in = 2", W, None),
        # a step at one layer's numbers (r_{l-1} = s_l r_l + (k_l - s_l) at l = 1)
        (CS, "r_0 = s_1 r_1 + (k_1 - s_1)", R, "recursion"),
        (CS, "感受野：RF_2 = RF_1 + (k_2 - 1)", R, "recursion"),
        (CS, "r_1 = s_2 r_2 + k_2", W, None),
        (CS, "感受野：RF_2 = RF_1 + k_2", W, None),
        # … its jump the stride of the layer before (s_1 at layer 2); the layer's own
        # stride there, or the layer before's in Distill's backward step, is no jump
        (CS, "r_2 = r_1 + (k_2 - 1) s_1", R, "recursion"),
        (CS, "感受野：RF_2 = RF_1 + (k_2 - 1) \\times s_1", R, "recursion"),
        (CS, "RF_2 = RF_1 + (k_2 - 1) s_2", W, None),
        guard(CS, "r_1 = s_1 r_2 + (k_2 - s_1)", N, None),
        (CS, "感受野：r_2 = r_1 + k_2 s_1", W, None),
        (CS, "r_1 = s_2 r_2 + (k_2 - s_2), s_2 = 2", W, None),
        (CS, "r_1 = s_2 r_2 + (k_3 - s_2)", N, None),
        # a step that does not run over the two layers: refused naming it
        guard(CS, "RF_l = RF_{l-1} + (k_l - 1) * RF_{l-2}", N, None),
    ],
    # the layer's index of a step is any letter of the registry's layer letters (a sum's
    # index or the stack's count: notations.yaml's layer_indices, layer_counts), as a
    # sum's is (s16rev F14b: a sum over n read, the step over n refused); j names the
    # jump, never the index
    "a step over the layer's index in the registry's other letters": [
        (CS, "RF_n = RF_{n-1} + (k_n - 1)", R, "recursion"),
        (CS, "r_{t+1} = r_t + (k_{t+1} - 1)", R, "recursion"),
        (CS, "感受野：RF_m = RF_{m-1} + (k_m - 1)，RF_0 = 1", R, "recursion"),
        (CS, "RF_N = (RF_{N-1} - 1) * s_N + k_N", R, "recursion"),
        (CS, r"RF_n = RF_{n-1} + (k_n - 1) \prod_{i<n} s_i", R, "recursion"),
        (CS, "RF_n = RF_{n-1} + k_n", W, None),
        (CS, "r_{t+1} = r_t + k_{t+1}", W, None),
        (CS, "感受野：RF_m = RF_{m-1} + k_m", W, None),
        (CS, r"RF_N = RF_{N-1} \times k_N", W, None),
        guard(CS, "RF_n = RF_{n-1} + (k_n - 1) * RF_{n-2}", N, None),
        guard(CS, "RF_j = RF_{j-1} + (k_j - 1)", N, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=8, ascii=14)


def test_a_step_that_does_not_run_is_refused_naming_it():
    from derivations.checking import check

    result = check(CS, "RF_l = RF_{l-1} + (k_l - 1) * RF_{l-2}", symbolic=False)
    assert result.error["id"] == UNROLLED, result.error
    assert "RF_{l-2}" in result.error["fields"]["part"], result.error


# (answer, the note or refusal that says the question's layers)
AT_THE_LAYERS = [
    (r"1 + \sum_{i=1}^{L} (k_i - 1)", "reading.note.summed_layers"),
    ("RF_l = RF_{l-1} + (k_l - 1)", "reading.note.recursion"),
    (r"1 + \sum_{i=0}^{L} (k_i - 1)", UNROLLED),
]


def test_the_stride_the_layers_are_said_at_is_the_models_field_not_typed():
    """The notes and the refusal that name the question's layers say their stride from
    the model's default (:func:`.indexed.question_stride`, s16rev F14a), as a field: the
    message says whatever stride it is given, in both languages (it said "stride 1")."""
    from derivations.checking import check
    from derivations.checking.reading.indexed import question_stride
    from derivations.messages import text
    from derivations.model import Layer
    from derivations.registry.symbols import BY_NAME

    assert question_stride() == str(getattr(Layer, BY_NAME["s_h"].attribute))
    for answer, key in AT_THE_LAYERS:
        result = check(CS, answer, symbolic=False)
        if key == UNROLLED:
            fields = result.error["fields"]
            assert result.error["id"] == key, result.error
        else:
            fields = next(n["fields"] for n in result.parsed["notes"] if n["id"] == key)
        assert fields["stride"] == question_stride(), fields
        for lang in ("en", "zh"):
            said = text(key, lang, **{**fields, "stride": "7"})
            assert "7" in said and "1）" not in said and "stride 1" not in said, said


def test_every_layer_letter_of_the_registry_indexes_a_sum_and_a_step():
    """A sum's index and top, and a step's layer, are the notation registry's layer
    letters (:func:`.notations.layer_indices`, :func:`.notations.layer_counts`), read by
    both modules, not typed in each (s16rev F14b); a letter that names a part of the step
    (j, the jump) indexes sums only."""
    from derivations.checking import check
    from derivations.checking.reading.recursion import role
    from derivations.registry.notations import layer_counts, layer_indices

    def verdict(answer: str) -> str:
        return check(CS, answer, symbolic=False).verdict

    assert layer_indices() and layer_counts()
    for x in layer_indices():
        assert verdict(rf"1 + \sum_{{{x}=1}}^{{L}} (k_{x} - 1)") == R, x
        assert verdict(rf"1 + \sum_{{{x}=1}}^{{L}} k_{x}") == W, x
    for top in layer_counts():
        assert verdict(rf"1 + \sum_{{i=1}}^{{{top}}} (k_i - 1)") == R, top
    for x in dict.fromkeys((*layer_indices(), *layer_counts())):
        step = verdict(f"RF_{x} = RF_{{{x}-1}} + (k_{x} - 1)")
        assert step == (R if role(x) is None else N), x
        if role(x) is None:
            assert verdict(f"RF_{x} = RF_{{{x}-1}} + k_{x}") == W, x
