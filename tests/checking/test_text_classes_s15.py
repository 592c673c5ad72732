"""Issue 21, session fifteen: text around a formula that H14 (public now) and the notes
of session fourteen left accepted wrongly or refused (classes, not H14's answers), each
class a table of answers of our own, right and wrong, in English and Chinese, through
``check`` and ``grade``:

- a name put beside a right formula as what it is (``…, the height of the kernel``,
  ``…（卷积核的高度）``, ``…, which is the stride``, ``… (the weights)`` after a count):
  it was accepted as a remark; now it says the answer is another quantity, refused in
  one line (``words_name_other``), as ``… for the kernel`` is.  A remark that says what
  a symbol of the answer is (``where k_h is the kernel height``, ``c_o the number of
  output channels``), names what is asked (``the output height``, ``c_o（输出通道数）``
  answering the bias count) or describes the formula (``per side padding``) keeps its
  verdict.
- the weights and the biases side by side on the bias question (``weights: …, biases:
  …``, ``c_o c_i k_h k_w weights + c_o biases``, ``权重 … 个，偏置 c_o 个``): refused
  (two formulas that disagree) or not read; now the bias's part is graded (a wrong one
  stays wrong: ``biases: c_i``), the weights' part is not.
- the bias said as a rate inside a sentence (``So we add one bias value to each filter's
  output, shared by all positions.``, ``(I believe it is one bias per one filter…)``,
  ``为每个filter提供相同的bias``): refused; now read as the number of Y, as a sentence
  that is the rate alone is.  A second rate, a multiplier, a formula or a denial around
  it keeps it refused; a rate that denies (``I don't think there is one bias per
  filter.``) was accepted, now refused.
- the bias said as a vector of a length (``the bias is a vector of length c_o``,
  ``偏置是一个(c_o,)向量``): refused; now its shape's count.
- a clause saying the layer has a bias before the bias count (``If bias is included,
  …``, ``如果有偏置，…``): refused; now a condition the count always meets.
- words saying the bias is counted beside a count without it (``… (with bias)``,
  ``…（含偏置）``, ``If the bias is included, …``): accepted; now refused in one line
  (``words_bias_counted``) where counting the bias changes the count.  Words that leave
  it out, a formula that counts it (a convention), or a count it does not change (the
  multiplications) keep their verdict.
- the receptive-field recursion indexed by i (``RFi = RFi-1 + (ki - 1) * Si`` in
  back-quotes, ``RF_i = RF_{i-1} + …``): refused; now run over the two kernels as the
  index ℓ is.

No wrong answer is accepted: each wrong row is ``not_equivalent`` or refused.  Rows
that keep their verdict without this change are guards (:func:`.rows.guard`)."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
BIAS, OH, OW, FM = "bias-size", "output-height", "output-width", "forward-mults"
FMEM, CS = "forward-memory", "compose-size"
HEIGHT, WIDTH = "(h + p_h - k_h + s_h)//s_h", "(w + p_w - k_w + s_w)//s_w"
# (a bracket right after a letter glosses it, ``s_w（步幅）``: after a bracket, none)
FLOORED_W = "⌊(w + p_w - k_w)/s_w⌋ + 1"
COUNT = "c_o*c_i*k_h*k_w*m_h*m_w"
FADDS, FOPS, ADDS = "forward-adds", "forward-ops", "c_o*m_h*m_w*(c_i*k_h*k_w - 1)"
COUNTED = "checker.reason.words_bias_counted"
WORDS = "checker.reason.words_name_other"

CLASSES: dict[str, list[tuple]] = {
    "a name put beside a right formula as what it is": [
        (OH, f"{HEIGHT}, the height of the kernel", N, f"{WORDS}: height of the kernel"),
        (OW, f"{FLOORED_W}（卷积核的宽度）", N, f"{WORDS}: 卷积核的宽度"),
        (OH, f"{HEIGHT}, which is the stride", N, f"{WORDS}: stride"),
        (OH, f"{HEIGHT}，即输入的高度", N, f"{WORDS}: 输入的高度"),
        (OH, f"{HEIGHT}, i.e. the input height", N, f"{WORDS}: input height"),
        (OW, f"{FLOORED_W}（步幅）", N, f"{WORDS}: 步幅"),
        (FM, f"{COUNT} (the weights)", N, f"{WORDS}: weights"),
        (FM, f"{COUNT}（参数量）", N, f"{WORDS}: 参数量"),
        (FM, f"{COUNT}, the number of filters", N, f"{WORDS}: number of filters"),
        (FM, "c_o c_i k_h k_w m_h m_w，即输出的高度", N, f"{WORDS}: 输出的高度"),
        # what is asked, a symbol described, the formula described: as before
        guard(OH, f"{HEIGHT}, the output height", R, None),
        guard(OH, "⌊(h + p_h - k_h)/s_h⌋ + 1（输出的高度）", R, None),
        guard(OH, f"{HEIGHT}, where k_h is the kernel height", R, None),
        guard(OH, f"{HEIGHT}，其中 k_h 为卷积核的高度", R, None),
        guard(FM, f"{COUNT}, c_o the number of output channels", R, None),
        guard(BIAS, "c_o (number of filters)", R, None),
        guard(BIAS, "c_o（输出通道数）", R, None),
        guard(CS, "k_1 + k_2 - 1（等效卷积核的大小）", R, None),
        guard(OH, "(h - k_h + p_h + s_h)/s_h (total padding)", C, None),
        guard(OH, "⌊(h - k_h + 2p_h)/s_h⌋ + 1 (per side padding)", C, None),
        guard(OH, "(h + p_h - k_h)//s_h + 1 in the end", R, None),
        # a wrong formula stays wrong whatever its remark
        guard(OH, "(h + p_h - k_h)//s_h, the output height", W, None),
        guard(OH, "(h - k_h + p_h)//s_h，其中 k_h 为卷积核的高度", W, None),
    ],
    "the weights and the biases side by side": [
        (BIAS, "weights: c_o*c_i*k_h*k_w, biases: c_o", R, None),
        (BIAS, "Weights: c_o×c_i×k_h×k_w\nBiases: c_o", R, None),
        (BIAS, "权重：c_o*c_i*k_h*k_w，偏置：c_o", R, None),
        (BIAS, "weights = c_o*c_i*k_h*k_w, bias = c_o", R, None),
        (BIAS, "c_o c_i k_h k_w weights + c_o biases", R, None),
        (BIAS, "the weights (c_o c_i k_h k_w) and the biases (c_o)", R, None),
        (BIAS, "权重参数 c_o*c_i*k_h*k_w 个，偏置参数 c_o 个", R, None),
        (BIAS, "c_o*c_i*k_h*k_w 个权重，c_o 个偏置", R, None),
        # the biases' part wrong, or no part named by the bias
        guard(BIAS, "weights: c_o*c_i*k_h*k_w, biases: c_i", W, None),
        guard(BIAS, "权重：c_o*c_i*k_h*k_w，偏置：c_i", W, None),
        (BIAS, "c_o c_i k_h k_w weights + c_o c_i biases", W, None),
        guard(BIAS, "c_o*c_i*k_h*k_w 个权重，c_o*c_i 个偏置", W, None),
        guard(BIAS, "the weights (c_o c_i k_h k_w) and the biases (c_o m_h m_w)", W, None),
        guard(BIAS, "weights: c_o*c_i*k_h*k_w, total: c_o*c_i*k_h*k_w + c_o", W, None),
        guard(BIAS, "c_o c_i k_h k_w + c_o biases", W, None),
        guard(BIAS, "weights and biases: c_o*c_i*k_h*k_w + c_o", W, None),
        # the list answering another question: the weights' part is no count of it
        guard(FM, "weights: c_o*c_i*k_h*k_w, biases: c_o", W, None),
    ],
    "the bias said as a rate inside a sentence": [
        (
            BIAS,
            "So we add one bias value to each filter's output, shared by all positions.",
            R,
            None,
        ),
        (BIAS, "(I believe it is one bias per one filter…)", R, None),
        (BIAS, "The layer keeps one bias term for each output feature map as a whole.", R, None),
        (
            BIAS,
            "In a conv layer, one bias per output channel, since the weights are shared.",
            R,
            None,
        ),
        (BIAS, "（含偏置项，每个输出通道一个偏置）", R, None),
        (BIAS, "卷积层里，每个卷积核都有一个偏置，所有位置共用。", R, None),
        (BIAS, "还要算上偏置，为每个filter提供相同的bias", R, None),
        # another quantity per bias, a second rate, a denial, a question: never accepted
        (BIAS, "So we add one bias value to each input channel's output.", W, None),
        (
            BIAS,
            "In a conv layer, one bias per input channel, since the weights are shared.",
            W,
            None,
        ),
        (BIAS, "卷积层里，每个输入通道都有一个偏置，所有位置共用。", W, None),
        guard(BIAS, "We add a single bias to each filter, and one more per position.", N, None),
        (BIAS, "I don't think there is one bias per filter.", N, None),
        guard(BIAS, "Is there one bias per filter?", N, None),
        guard(BIAS, "we keep one bias for each weight of the filter", N, None),
        guard(BIAS, "卷积层里，每个位置都有一个偏置。", N, None),
        guard(BIAS, "Each filter has one bias per input channel.", W, None),
        # a tie's contrast after it is no denial (H8-test's fastai_bias stays right)
        guard(BIAS, "Biases belong to filters, and not to the positions of the output.", R, None),
    ],
    "the bias said as a vector of a length": [
        (BIAS, "the bias is a vector of length c_o", R, "shape_count"),
        (BIAS, "The bias is a vector of size out_channels.", R, "shape_count"),
        (BIAS, "a c_o-dimensional vector", R, "shape_count"),
        (BIAS, "偏置是一个(c_o,)向量", R, "shape_count"),
        (BIAS, "偏置是长度为 c_o 的向量", R, "shape_count"),
        (BIAS, "the bias is a vector of length c_i", W, None),
        guard(BIAS, "the bias is a vector of length c_o*c_i", W, None),
        (BIAS, "偏置是一个(c_i,)向量", W, None),
        guard(BIAS, "偏置是长度为 c_o*k_h*k_w 的向量", W, None),
        guard(BIAS, "a vector of length c_o per input channel", N, None),
        guard(BIAS, "the bias is not a vector of length c_o", N, None),
        guard(BIAS, "偏置是两倍长度为 c_o 的向量", N, None),
    ],
    "a clause saying the layer has a bias before the bias count": [
        (
            BIAS,
            "If bias is included, the number of bias parameters equals the number of"
            " output channels.",
            R,
            "condition",
        ),
        (BIAS, "如果有偏置，偏置的个数等于输出通道数。", R, "condition"),
        (
            BIAS,
            "If bias is included, the number of bias parameters equals the number of"
            " input channels.",
            W,
            None,
        ),
        (BIAS, "如果有偏置，偏置的个数等于输入通道数。", W, None),
    ],
    "words saying the bias is counted beside a count without it": [
        (FADDS, f"{ADDS} (with bias)", N, f"{COUNTED}: with bias"),
        (FADDS, f"{ADDS}（含偏置）", N, f"{COUNTED}: 含偏置"),
        (FADDS, f"If the bias is included, {ADDS}", N, None),
        (FOPS, "c_o*m_h*m_w*(2*c_i*k_h*k_w - 1), including the bias", N, None),
        (FMEM, "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w (with the bias)", N, None),
        # the bias left out, counted by the formula, or changing nothing: as before
        guard(FADDS, f"{ADDS} (without bias)", R, None),
        guard(FADDS, f"{ADDS}（不含偏置）", R, None),
        guard(FMEM, "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w + c_o (with bias)", C, None),
        guard(FM, f"{COUNT} (with bias)", R, None),
        guard(FADDS, "c_o*m_h*m_w*c_i*k_h*k_w（含偏置）", C, None),
        guard(FADDS, "c_o*m_h*m_w*(c_i*k_h*k_w - 2) (with bias)", W, None),
    ],
    "the receptive-field recursion indexed by i": [
        (CS, "`RFi = RFi-1 + (ki - 1) * Si`", R, "recursion"),
        (CS, "RF_i = RF_{i-1} + (k_i - 1) * S_i", R, "recursion"),
        (CS, "感受野：`ri = ri-1 + (ki - 1) * ji`", R, "recursion"),
        (CS, "递推：r_i = r_{i-1} + (k_i - 1)", R, "recursion"),
        (CS, "`RFi = RFi-1 + (ki + 1) * Si`", W, None),
        (CS, "RF_i = RF_{i-1} + k_i * S_i", W, None),
        (CS, "感受野：`ri = ri-1 + ki * ji`", W, None),
        # a space before 1 subtracts: no previous layer's field, refused as before
        guard(CS, "RFi = RFi - 1 + (ki - 1) * Si", N, None),
    ],
    "a bias rate per element of a part (s15rev F15: the element dropped, read as c_o)": [
        (BIAS, "one bias per filter element", N, None),
        (BIAS, "one bias per kernel element", N, None),
        (BIAS, "Therefore, we apply one bias value to each filter element, as usual", N, None),
        guard(BIAS, "每个卷积核元素一个偏置", N, None),
        guard(BIAS, "one bias per filter", R, None),
        guard(BIAS, "Therefore, we apply one bias value to each filter, as usual", R, None),
        guard(BIAS, "每个输出通道一个偏置", R, None),
        guard(BIAS, "每个输入通道一个偏置", W, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=16, ascii=16)
