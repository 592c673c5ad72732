"""Wrong answers of our own found accepted by this session's adversarial review (s10adv),
or written to hold what it fixed: none may be accepted (issue 21: "no wrong answer
accepted").  Each row is a wrong answer with the verdict it gets; the second table holds
right answers of the same forms that must still read.  Through ``check`` and ``grade``, in
en and zh.

- a factor, or a count relative to the forward pass, whose words say it is of another
  quantity than the one asked: the memory (activations, feature maps, tensors, the
  model's size), the parameters (weights), the output or the kernel (``memory grows by a factor of 4``, ``内存变为原来的 4 倍``, ``4 (memory)``,
  ``memory: 4x``, ``mem_new / mem_old = 4``, ``backward memory is twice the forward
  memory`` answering backward-ops): the words were dropped and the number graded as the
  computation's (``checker.py``'s ``_other_kind``, on the notes that keep the words);
- a forward question answered under the backward pass's name (``backward memory = …``,
  ``mem_bwd = …``, ``反向传播计算量 = …``): only the converse was refused;
- an output's size named where the composed kernel's size is asked (``the output size is
  k_1+k_2-1``, ``H_out = …``, ``输出大小为 …``): an output size read as on the asked axis;
- the number of weights, or an operation count, named where the bias count or a memory is
  asked (``conv.weight.numel() = c_o``, ``FLOPs = <the memory>``);
- a function named as another quantity than its ``return`` gives (``def backward_flops(…)``,
  ``def memory(…)``, ``int mem(…)``), or as FLOPs returning the MACs: the header was dropped
  as code;
- a padding the words beside the formula say is the total (``where P is the total
  padding``, ``，P 为总填充``) counted twice (``2P``): accepted under the per-side
  convention; now ``side_padding_doubled`` (or refused where the words were prose);
- space complexity (``空间复杂度``) where the computation's order is asked;
- two formulas in prose for compose-size, the output's shrinking and the kernel's size:
  the kernel, the asked quantity, was taken as "another quantity" (the output's graded:
  a right answer judged not_equivalent);
- an output size under a name or a lead-in of the input, the kernel or the stride
  (``input height = …``, ``H_in = …``, ``stride = …``, ``입력 높이는 …``): only the other
  axis's output size was another quantity there;
- the parameters alone named where a memory is asked, a memory named for an output size;
- a count named as floating-point operations or multiply-accumulates in words a name
  holds (``浮点运算次数 = <the MACs>``, ``multiply_accumulates = <the FLOPs>``): only
  ``FLOPs``/``MACs`` as a name's first word stated a counting;
- a chain's side that gives the forward pass's count in one counting before a formula
  right only in the other (``2 × forward FLOPs = 2 c_o c_i k_h k_w m_h m_w``): the side
  was skipped as words; its counting is now the formula's claim;
- MACs said of a count no variant counts in MACs and that is not the MACs themselves
  (``c_o m_h m_w (c_i k_h k_w - 1) MACs`` answering forward-adds, ``c_o MACs``): only
  FLOPs so said was refused.

Right answers judged not_equivalent: the Deep Learning Specialization's n (a square
layer's one size) in an answer to a question of both axes that writes no other size
(``c_o (2 c_i k^2 - 1) (((n - k + 2p + s)//s)^2 - ((n - k + p + s)//s)^2)``) was read
as the batch; now as the input size, as it was for an output size (``n_as_input_size``).

Decided, not changed: a factor named as the multiplications' (``the multiplications:
4``) is the computation's factor under the MACs convention, which counts the
multiplications; a factor named as the additions' is right under accumulating from zero.
"""

import pytest

from derivations.checking import check
from tests.checking.rows import review_tests

DC, DP, PW = "double-channels", "double-padding", "pointwise-complexity"
FM, FO, FMEM, BO = "forward-mults", "forward-ops", "forward-memory", "backward-ops"
CS, BS = "compose-size", "bias-size"
OH = "output-height"
N, W = "invalid_input", "not_equivalent"
UC = "equivalent_under_convention"
FORWARD_MEMORY = "c_i h w + c_o c_i k_h k_w + c_o m_h m_w"
MULTS = "c_o c_i k_h k_w m_h m_w"
HEIGHT = "(h - k_h + p_h)//s_h + 1"
MULTS_CODE = "c_i * c_o * k_h * k_w * m_h * m_w"
MEMORY_CODE = "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w"
PADDING_INCREASE = (
    "c_o (2 c_i k_h k_w - 1) ((h - k_h + 2 p_h + s_h)//s_h ((w - k_w + 2 p_w + s_w)//s_w)"
    " - m_h m_w)"
)

# (question, wrong answer, verdict)
WRONG = [
    # a factor of another quantity: the memory, the parameters, the output, the kernel
    (DC, "memory grows by a factor of 4", N),
    (DC, "the memory: 4", N),
    (DC, "memory: 4x", N),
    (DC, "4 (memory)", N),
    (DC, "4x more memory", N),
    (DC, "内存变为原来的 4 倍", N),
    (DC, "内存：4 倍", N),
    (DC, "the number of parameters grows by a factor of 4", N),
    (DC, "参数量变为原来的 4 倍", N),
    (DC, "4 倍参数", N),
    (DC, "the weights: 4", N),
    (DC, "weights quadruple", N),
    (DC, "4x (params)", N),
    (DC, "factor = 4 (for the weights)", N),
    (DC, "the output size grows by a factor of 4", N),
    (DC, "the output quadruples", N),
    (DC, "the kernel quadruples", N),
    (DC, "the output size is 4", N),
    (DC, "4 (the output tensor)", N),
    (DC, "activations quadruple", N),
    (DC, "激活值变为原来的 4 倍", N),
    (DC, "the feature maps quadruple", N),
    (DC, "特征图变为原来的 4 倍", N),
    (DC, "the model size grows 4x", N),
    (DC, "模型大小变为原来的 4 倍", N),
    (DC, "the tensor quadruples", N),
    (DC, "the filters quadruple", N),
    (DC, "卷积核变为原来的 4 倍", N),
    (DC, "4 (storage)", N),
    (DC, "bandwidth: 4x", N),
    (DC, "mem_new / mem_old = 4", N),
    (DC, "params_new / params_old = 4", N),
    (DC, "(2c_o)(2c_i)k_h k_w / (c_o c_i k_h k_w) = 4 parameters", N),
    (DP, f"memory increase: {PADDING_INCREASE}", N),
    (DP, f"output size increase = {PADDING_INCREASE}", N),
    (PW, "the number of parameters is O(c_i c_o h w)", N),
    # a count relative to the forward pass, of another quantity
    (BO, "backward memory is twice the forward memory", N),
    (BO, "the memory of the backward pass is 2 times that of the forward", N),
    (BO, "2x the forward parameters", N),
    (BO, "反向传播的内存约为前向传播的两倍", N),
    (BO, "twice the forward activations", N),
    (BO, "twice the forward weights", N),
    (BO, "backward: 2 × forward (memory)", N),
    # a forward question answered under the backward pass's name
    (FMEM, f"backward memory = {FORWARD_MEMORY}", N),
    (FMEM, f"peak memory during backward: {FORWARD_MEMORY}", N),
    (FMEM, f"反向传播内存 = {FORWARD_MEMORY}", N),
    (FMEM, "mem_bwd = c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w", N),
    (FO, f"backward = 2 {MULTS}", N),
    (FO, f"the backward pass costs 2 {MULTS}", N),
    (FO, f"反向传播计算量 = 2 {MULTS}", N),
    (FO, f"bwd_flops = 2 {MULTS}", N),
    # memory or weights where operations are counted; operations where a memory is
    (FM, f"memory: {MULTS}", N),
    (FM, f"the number of weights is {MULTS}", N),
    (FMEM, f"the number of operations is {FORWARD_MEMORY}", N),
    (FMEM, f"FLOPs = {FORWARD_MEMORY}", W),
    # the parameters alone named where a memory is asked; a memory named for a size
    (FMEM, f"the number of parameters is {FORWARD_MEMORY}", N),
    (FMEM, f"参数量 = {FORWARD_MEMORY}", N),
    (FMEM, "params = c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w", N),
    (OH, "memory = (h - k_h + p_h)//s_h + 1", N),
    # an output size named as the input's, the kernel's, the stride's
    (OH, f"input height = {HEIGHT}", N),
    (OH, f"输入高度为 {HEIGHT}", N),
    (OH, f"入力の高さは {HEIGHT} です", N),
    (OH, f"입력 높이는 {HEIGHT} 이다", N),
    (OH, f"the kernel height is {HEIGHT}", N),
    (OH, f"stride = {HEIGHT}", N),
    (OH, f"H_in = {HEIGHT}", N),
    (OH, f"n_in = {HEIGHT}", N),
    ("output-width", "W_in = (w - k_w + p_w)//s_w + 1", N),
    ("output-width", "输入宽度 = (w - k_w + p_w)//s_w + 1", N),
    # a function's name says what its return gives
    (FO, f"def backward_flops(c_i, c_o, k_h, k_w, m_h, m_w):\n    return 2 * {MULTS_CODE}", N),
    (FO, f"def memory(c_i, c_o, k_h, k_w, m_h, m_w):\n    return 2 * {MULTS_CODE}", N),
    (FO, f"def flops(c_i, c_o, k_h, k_w, m_h, m_w):\n    return {MULTS_CODE}", W),
    (FMEM, f"def flops(c_i, h, w, c_o, k_h, k_w, m_h, m_w):\n    return {MEMORY_CODE}", W),
    (
        FMEM,
        f"def backward_memory(c_i, h, w, c_o, k_h, k_w, m_h, m_w):\n    return {MEMORY_CODE}",
        N,
    ),
    (
        FM,
        "int mem(int co, int ci, int kh, int kw, int mh, int mw) { return co*ci*kh*kw*mh*mw; }",
        N,
    ),
    (FM, f"def memory():\n    return {MULTS_CODE}", N),
    # the same in Kotlin, MATLAB and C with a return type of two words (s10rev: accepted)
    (FO, f"fun memory(c_i: Int, c_o: Int): Int {{\n    return 2 * {MULTS_CODE}\n}}", N),
    (FO, f"function o = memory(c_i, c_o)\n  o = 2 * {MULTS_CODE};\nend", N),
    (FO, f"long long memory(int c_i, int c_o) {{\n  return 2 * {MULTS_CODE};\n}}", N),
    # a padding said to be the total, counted twice (2P): right only with P per side
    (OH, "OH = (H + 2*P - FH)//S + 1 where P is the total padding", W),
    ("output-width", "W_out = (W_in - K + 2P)/S + 1 where P is the total padding", W),
    ("output-width", "(W - K + 2P)/S + 1，P 为总填充", W),  # 总填充 read (s18def2)
    ("output-width", "(w - k_w + 2 p_w)//s_w + 1 (p_w: total padding)", W),  # read (s18def2)
    (
        OH,
        "(h - k_h + 2p_h)//s_h + 1 where p_h is the total number of padding rows",
        W,
    ),
    # space complexity (memory) where the computation's order is asked
    (PW, "空间复杂度 O(c_i c_o h w)", N),
    # an output's size named where the composed kernel's is asked
    (CS, "the output size is k_1+k_2-1", N),
    (CS, "output height = k_1+k_2-1", N),
    (CS, "H_out = k_1+k_2-1", N),
    (CS, "输出大小为 k_1+k_2-1", N),
    (CS, "输出尺寸 (k_1 + k_2 - 1) \\times (k_1 + k_2 - 1)", N),
    (CS, "the output is (k_1 + k_2 - 1) x (k_1 + k_2 - 1)", N),
    (CS, "the number of parameters is k_1+k_2-1", N),
    # the weights named where the bias count is asked
    (BS, "conv.weight.numel() = c_o", N),
    (BS, "权重数量 = c_o", N),
    # a counting stated by a name's words: the MACs named FLOPs, the FLOPs named MACs
    (FO, f"浮点运算次数 = {MULTS}", W),
    (FO, f"乘加次数 = 2 {MULTS}", W),
    (FO, f"multiply_accumulates = 2 {MULTS}", W),
    (FO, f"multiply accumulates: 2 {MULTS}", W),
    # a chain's side giving the forward pass in one counting, the formula in the other
    (BO, f"2 × forward FLOPs = 2 {MULTS}", W),
    (BO, f"2 × forward MACs = 4 {MULTS}", W),
    (BO, f"反向 = 2 × 前向 FLOPs = 2 {MULTS}", W),
    # n, a square layer's one size, with a slip (not read as the batch to make it right)
    (DP, "c_o (2 c_i k^2 - 1) (((n - k + 2p + s)//s)^2 - ((n - k + p + s)//s))", W),
    (PW, "c_o (2 c_i - 1) ((n + p - 1)//s + 1)", W),
    (FM, "c_o c_i k^2 n^2", W),
    # MACs said of a count no variant counts in MACs, not the MACs themselves
    ("forward-adds", "c_o m_h m_w (c_i k_h k_w - 1) MACs", W),
    (FMEM, f"{FORWARD_MEMORY} MACs", W),
    (BS, "c_o MACs", W),
    (CS, "k_1 + k_2 - 1 MACs", W),
]

# (question, right answer, verdict): the same forms, right, still read
STILL_READ = [
    (FO, f"def flops(c_i, c_o, k_h, k_w, m_h, m_w):\n    return 2 * {MULTS_CODE}", UC),
    (FM, f"def mults():\n    return {MULTS_CODE}", "equivalent"),
    (
        FM,
        "int mults(int co, int ci, int kh, int kw, int mh, int mw) { return co*ci*kh*kw*mh*mw; }",
        "equivalent",
    ),
    (
        FMEM,
        f"def memory(c_i, h, w, c_o, k_h, k_w, m_h, m_w):\n    return {MEMORY_CODE}",
        "equivalent",
    ),
    (FMEM, f"input, weights and output: {FORWARD_MEMORY}", "equivalent"),
    (OH, f"H = {HEIGHT}", "equivalent"),
    (OH, f"H_out = {HEIGHT}", "equivalent"),
    (OH, f"输出高度为 {HEIGHT}", "equivalent"),
    (OH, f"출력 높이는 {HEIGHT} 이다", "equivalent"),
    (OH, f"the output height is {HEIGHT}", "equivalent"),
    (OH, "W2 = (W1 - F + 2P)/S + 1", UC),
    # the channels name no other size (a feature map's height is the output's)
    (OH, f"the feature map height is {HEIGHT}", "equivalent"),
    (OH, f"height of each output channel = {HEIGHT}", "equivalent"),
    (OH, f"per channel: {HEIGHT}", "equivalent"),
    (OH, f"特征图高度为 {HEIGHT}", "equivalent"),
    # words that give the input, the kernel or the stride name no result
    (OH, "with input height h and kernel height k_h: ⌊(h - k_h + p_h)/s_h⌋ + 1", "equivalent"),
    (OH, f"for an input of height h: {HEIGHT}", "equivalent"),
    (OH, f"given the input h, kernel k_h, padding p_h, stride s_h: {HEIGHT}", "equivalent"),
    (OH, f"输入高度为 h 时，输出高度为 {HEIGHT}", "equivalent"),
    (OH, "padded = h + p_h\nout = (padded - k_h)//s_h + 1", "equivalent"),
    (
        OH,
        "def conv_out_h(h, k_h, p_h, s_h):\n    return (h - k_h + p_h) // s_h + 1",
        "equivalent",
    ),
    (OH, "out_h = (h - k_h + p_h)//s_h + 1", "equivalent"),
    (DC, "the computation grows by a factor of 4", UC),
    (DC, "the multiplications: 4", UC),
    (DC, "the additions: 4", UC),
    (DC, "MACs grow by 4x", UC),
    (DC, "the FLOPs quadruple", UC),
    (DC, "the number of operations grows 4x", UC),
    (DC, "the runtime quadruples", UC),
    (DC, "time complexity grows 4x", UC),
    (DC, "4 (FLOPs)", UC),
    (DC, "4 (compute)", UC),
    (DC, "4 (multiplications)", UC),
    (DC, "计算量变为原来的 4 倍，内存变为 2 倍", UC),
    (DC, "参数量和计算量都变为原来的 4 倍", UC),
    (DC, "当输入和输出通道数都翻倍时，计算量变为原来的 4 倍", UC),
    (DC, "doubling the input and output channels makes it 4 times", UC),
    (DC, "with twice the output channels and twice the input channels the cost is 4 times", UC),
    (DC, "FLOPs_new / FLOPs_old = 4", UC),
    (DC, "cost_new / cost_old = 4", UC),
    (DC, "ratio = (2c_o)(2c_i) / (c_o c_i) = 4", UC),
    (DP, f"FLOPs increase = {PADDING_INCREASE}", "equivalent"),
    (BO, "twice the forward pass", UC),
    (BO, "about twice the forward computation", UC),
    (BO, "反向传播计算量约为前向的两倍", UC),
    (FMEM, f"forward memory = {FORWARD_MEMORY}", "equivalent"),
    (FMEM, f"前向传播内存：{FORWARD_MEMORY}", "equivalent"),
    (FMEM, f"input + kernel + output = {FORWARD_MEMORY}", "equivalent"),
    (FMEM, "mem = c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w", "equivalent"),
    (FMEM, "memory_fwd = c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w", "equivalent"),
    (FM, f"over all outputs: {MULTS}", "equivalent"),
    (FM, f"parameters × output positions = {MULTS}", "equivalent"),
    (CS, "the kernel size is k_1+k_2-1", "equivalent"),
    (CS, "the equivalent kernel is (k_1+k_2-1) x (k_1+k_2-1)", "equivalent"),
    (CS, "等效卷积核大小为 k_1+k_2-1", "equivalent"),
    (CS, "感受野为 k_1+k_2-1", "equivalent"),
    (CS, "the receptive field is k_1+k_2-1", "equivalent"),
    (CS, "K_eff = K1 + K2 - 1", "equivalent"),
    # (the output's shrinking beside it is another quantity: it was graded, not_equivalent)
    (
        CS,
        "the equivalent kernel size is k_1 + k_2 - 1, so the output shrinks by k_1 + k_2 - 2",
        "equivalent",
    ),
    (CS, "两层叠加后输出减少 k_1 + k_2 - 2，等效核大小为 k_1 + k_2 - 1", "equivalent"),
    (PW, "时间复杂度 O(c_i c_o h w)", UC),
    ("output-width", "(W - K + P)/S + 1，P 为总填充", UC),
    ("output-width", "(w - k_w + p_w)//s_w + 1 (p_w: total padding)", UC),
    ("output-width", "(W - K + 2P)/S + 1 where P is the padding on each side", UC),
    (OH, "(h - k_h + 2p_h)//s_h + 1", UC),
    (
        OH,
        "(h - k_h + p_h)//s_h + 1 where p_h is the total number of padding rows",
        "equivalent",
    ),
    (CS, "RF = k_1 + k_2 - 1", "equivalent"),
    (BS, "the number of bias parameters is c_o", "equivalent"),
    (BS, "bias memory: c_o", "equivalent"),
    (BS, "conv.bias.numel() = c_o", "equivalent"),
    (BS, "偏置数量 = c_o", "equivalent"),
    (FO, f"浮点运算次数 = 2 {MULTS}", UC),
    (FO, f"乘加次数 = {MULTS}", UC),
    (FO, f"multiply_accumulates = {MULTS}", UC),
    ("forward-adds", "c_o m_h m_w (c_i k_h k_w - 1) additions", "equivalent"),
    # n, a square layer's one size where no other size is written (was the batch:
    # each judged not_equivalent on main)
    (DP, "c_o (2 c_i k^2 - 1) (((n - k + 2p + s)//s)^2 - ((n - k + p + s)//s)^2)", UC),
    (PW, "c_o (2 c_i - 1) ((n + p - 1)//s + 1)^2", UC),
    (FM, "c_o c_i k^2 ((n + p - k)//s + 1)^2", UC),
    (FM, "n_C n_C_prev f^2 ((n + 2p - f)//s + 1)^2", UC),
    (FMEM, "c_i n^2 + c_o c_i k^2 + c_o ((n - k + p)//s + 1)^2", UC),
    (FM, f"n {MULTS}", UC),  # the batch, beside the output's sizes
    (BO, f"2 × forward FLOPs = 4 {MULTS}", UC),
    (BO, f"2 × forward MACs = 2 {MULTS}", UC),
    (BO, f"backward ≈ 2 × forward = 2 × 2 {MULTS}", UC),
    (BO, f"反向传播约为前向传播的 2 倍，即 4 {MULTS}", UC),
    ("forward-adds", f"{MULTS} MACs", UC),  # accumulated from zero
    (FM, f"{MULTS} MACs", "equivalent"),
    (FM, f"MACs = {MULTS}", "equivalent"),
    (DC, "MACs: 4", UC),
    (PW, "c_o c_i m_h m_w MACs", UC),
]


(
    test_a_wrong_answer_in_a_new_form_is_never_accepted,
    test_a_right_answer_in_the_same_form_still_reads,
    test_grade_gives_the_same_verdicts,
) = review_tests(WRONG, STILL_READ)


# (question, answer, the refusal's id, the quantity it names)
REFUSALS = [
    (DC, "memory grows by a factor of 4", "words_name_other", "memory"),
    (DC, "参数量变为原来的 4 倍", "words_name_other", "参数"),
    (BO, "backward memory is twice the forward memory", "words_name_other", "memory"),
    (DC, "the memory: 4", "lead_names_other", "memory"),
    (CS, "the output size is k_1+k_2-1", "lead_names_other", "output size"),
    (FMEM, f"backward memory = {FORWARD_MEMORY}", "lead_names_other", "backward memory"),
    (FM, f"def memory():\n    return {MULTS_CODE}", "lead_names_other", "memory"),
]


@pytest.mark.parametrize("question, answer, key, name", REFUSALS)
def test_the_refusal_names_the_other_quantity(question, answer, key, name):
    result = check(question, answer, symbolic=False)
    assert result.error["id"] == f"checker.reason.{key}", result.error
    assert name in result.error["fields"]["name"], result.error
