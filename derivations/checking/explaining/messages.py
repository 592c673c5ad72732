"""Every sentence the checker says, in English and Chinese (data, no logic).

``CONVENTIONS``: what an answer assumed when it is right only under that assumption.
``NOTES``: how an answer was read where that is no assumption (the book's own m_h, m_w).
``MISCONCEPTIONS``: the wrong reasoning a wrong answer matches.  Placeholders use
``str.format`` names filled by :mod:`.feedback`.
"""

from __future__ import annotations

__all__ = ["CONVENTIONS", "NOTES", "MISCONCEPTIONS", "VERDICTS", "PHRASES", "LANGS"]

LANGS = ("en", "zh")

CONVENTIONS = {
    "per_side_padding": {
        "en": "padding counted per side (PyTorch's padding=p: p rows on each side, "
              "output floor((h + 2p_h - k_h)/s_h) + 1), where the book counts p_h rows in all",
        "zh": "填充按每侧计（PyTorch 的 padding=p：每侧 p 行，输出 ⌊(h+2p_h−k_h)/s_h⌋+1），"
              "而书中 p_h 是两侧合计的行数"},
    "bias_counted": {
        "en": "bias included (one more addition per output element, or c_o more parameters)",
        "zh": "计入偏置（每个输出元素多一次加法，或多 c_o 个参数）"},
    "macs": {
        "en": "a multiply-accumulate counted as one operation",
        "zh": "把一次乘加（MAC）记为一次运算"},
    "flops": {
        "en": "FLOPs = 2 x MACs (each product also counted as one addition, "
              "torch.utils.flop_counter's convention)",
        "zh": "FLOPs = 2 × MACs（每个乘积也计一次加法，torch.utils.flop_counter 的约定）"},
    "accumulate_from_zero": {
        "en": "a sum of t terms counted as t additions (accumulating from zero), "
              "where exact counting gives t - 1",
        "zh": "t 项求和记为 t 次加法（从 0 开始累加），精确计数为 t−1 次"},
    "stride_1": {
        "en": "stride 1 assumed (the answer has no stride)",
        "zh": "假定步幅为 1（答案中没有步幅）"},
    "no_padding": {
        "en": "no padding assumed (the answer has no padding)",
        "zh": "假定没有填充（答案中没有填充）"},
    "exact_division": {
        "en": "floor dropped: right only when the stride divides h - k_h + p_h "
              "(and w - k_w + p_w)",
        "zh": "省略了向下取整：仅当步幅整除 h−k_h+p_h（以及 w−k_w+p_w）时才正确"},
    "square_kernel": {
        "en": "square kernel, stride and padding assumed (k = k_h = k_w, s = s_h = s_w, "
              "p = p_h = p_w)",
        "zh": "假定卷积核、步幅、填充为正方形（k = k_h = k_w，s = s_h = s_w，p = p_h = p_w）"},
    "asymptotic": {
        "en": "asymptotic: a big-O of the right order, not the exact count",
        "zh": "渐近：给出的是正确阶的大 O，而不是精确计数"},
    "parameters_only": {
        "en": "memory counted as the parameters only (c_o c_i k_h k_w), without input "
              "and output",
        "zh": "内存只计参数（c_o c_i k_h k_w），不计输入和输出"},
    "bytes_float32": {
        "en": "memory in bytes for float32 (4 bytes per element), where the reference "
              "counts elements",
        "zh": "以 float32 字节计内存（每个元素 4 字节），参考答案按元素个数计"},
    "batch_counted": {
        "en": "batch size n kept (the book's exercise has one example, n = 1)",
        "zh": "保留了批量大小 n（书中练习为单个样本，n = 1）"},
    "output_kept": {
        "en": "the forward output also held during backward",
        "zh": "反向传播时仍保留前向输出"},
    "gradient_buffers_only": {
        "en": "only the gradient buffers counted (dY, dX, dW)",
        "zh": "只计梯度缓冲区（dY、dX、dW）"},
    "saved_for_backward_only": {
        "en": "only what autograd saves for backward counted (input and weights)",
        "zh": "只计自动微分为反向传播保存的张量（输入和权重）"},
    "large_channel_limit": {
        "en": "the limit for many channels (c_i k_h k_w large), not the exact ratio",
        "zh": "通道数很大时（c_i k_h k_w 很大）的极限，而不是精确比值"},
    "ratio_given": {
        "en": "answered as the ratio after/before instead of the increase",
        "zh": "给出的是加倍前后的比值，而不是增加量"},
}

NOTES = {
    "output_size_symbols": {
        "en": "m_h, m_w are read as the book's output height and width (as in the "
              "reference); writing them is fine and assumes nothing",
        "zh": "m_h、m_w 按书中的输出高、宽理解（与参考答案相同）：这样写没有问题，不含额外假设"},
}

MISCONCEPTIONS = {
    "missing_cross_channel_adds": {
        "en": "The (c_i - 1) additions that sum the per-channel results are missing: each "
              "output element is one sum of c_i k_h k_w products, which costs "
              "c_i k_h k_w - 1 additions, not c_i (k_h k_w - 1).",
        "zh": "漏掉了把各输入通道结果相加的 (c_i−1) 次加法：每个输出元素是 c_i k_h k_w "
              "个乘积的一次求和，需要 c_i k_h k_w−1 次加法，而不是 c_i(k_h k_w−1)。"},
    "kernel_volume_left_out": {
        "en": "The kernel volume k_h k_w is left out: every output element needs "
              "c_i k_h k_w products, not c_i.",
        "zh": "漏掉了卷积核大小 k_h k_w：每个输出元素需要 c_i k_h k_w 次乘法，而不是 c_i 次。"},
    "axis_mixup": {
        "en": "A height quantity is used where the width one belongs (or the reverse): "
              "h, k_h, p_h, s_h go with the height, w, k_w, p_w, s_w with the width.",
        "zh": "高和宽的量用混了：h、k_h、p_h、s_h 属于高度方向，w、k_w、p_w、s_w 属于宽度方向。"},
    "input_size_for_output": {
        "en": "The input size h x w is used where the output size m_h x m_w belongs: "
              "the kernel is applied at m_h m_w positions, "
              "m_h = floor((h - k_h + p_h + s_h)/s_h).",
        "zh": "把输入尺寸 h × w 当成了输出尺寸 m_h × m_w：卷积核只在 m_h m_w 个位置上计算，"
              "m_h = ⌊(h−k_h+p_h+s_h)/s_h⌋。"},
    "input_channels_left_out": {
        "en": "The input channels c_i are left out: each output element sums over all "
              "c_i input channels.",
        "zh": "漏掉了输入通道数 c_i：每个输出元素要对全部 c_i 个输入通道求和。"},
    "output_channels_left_out": {
        "en": "The output channels c_o are left out: the computation is repeated for "
              "each of the c_o output channels.",
        "zh": "漏掉了输出通道数 c_o：计算要对 c_o 个输出通道各做一遍。"},
    "channels_swapped": {
        "en": "c_i and c_o are swapped.",
        "zh": "c_i 和 c_o 写反了。"},
    "output_off_by_one": {
        "en": "The output size is off by one: m_h = floor((h - k_h + p_h)/s_h) + 1 "
              "(the first window counts too).",
        "zh": "输出尺寸差了一：m_h = ⌊(h−k_h+p_h)/s_h⌋+1（第一个窗口也要算上）。"},
    "ceil_for_floor": {
        "en": "Rounded up where the output size rounds down: a window that does not fit "
              "entirely is not computed.",
        "zh": "输出尺寸应向下取整却向上取整了：放不下的窗口不计算。"},
    "backward_equals_forward": {
        "en": "Backward is taken to cost the same as forward: backward computes two "
              "gradients, dX and dW, each needing one product per forward product.",
        "zh": "把反向传播的计算量当成与前向相同：反向要算 dX 和 dW 两个梯度，"
              "每个前向乘积各对应一次乘法。"},
    "one_gradient_only": {
        "en": "Only one of the gradients is counted: backward needs both dX (to pass on) "
              "and dW (to learn).",
        "zh": "只算了一个梯度：反向传播既要 dX（向前传）也要 dW（用于更新）。"},
    "backward_doubled_exact": {
        "en": "Backward taken as exactly twice the forward count: that holds for "
              "multiplications (and FLOPs), but the additions differ, because dX sums "
              "overlapping windows and dW sums over m_h m_w positions.",
        "zh": "把反向传播当成恰好是前向的两倍：乘法（和 FLOPs）如此，但加法不同，"
              "因为 dX 要对重叠窗口求和，dW 要对 m_h m_w 个位置求和。"},
    "padding_doubles_cost": {
        "en": "Doubling the padding is taken to double the computation: only the output "
              "grows, from m_h m_w to (m_h + p_h)(m_w + p_w) at stride 1.",
        "zh": "把填充加倍当成计算量加倍：只有输出变大，步幅为 1 时从 m_h m_w "
              "变为 (m_h+p_h)(m_w+p_w)。"},
    "four_pp_for_three": {
        "en": "4 p_h p_w where 3 p_h p_w belongs: (a + 2p_h)(b + 2p_w) - (a + p_h)(b + p_w) "
              "= a p_w + b p_h + 3 p_h p_w with a = h - k_h + 1, b = w - k_w + 1.",
        "zh": "应为 3 p_h p_w 却写成 4 p_h p_w：(a+2p_h)(b+2p_w)−(a+p_h)(b+p_w) "
              "= a p_w + b p_h + 3 p_h p_w，其中 a = h−k_h+1，b = w−k_w+1。"},
    "doubling_doubles": {
        "en": "Doubling both channel counts is taken to double the computation: c_i and "
              "c_o each multiply it, so it grows about four times.",
        "zh": "把通道数加倍当成计算量加倍：c_i 和 c_o 都是乘积因子，所以大约变为四倍。"},
    "bias_as_weights": {
        "en": "The bias is counted like the weights (c_o x c_i or more): there is one "
              "bias per output channel, c_o in all.",
        "zh": "把偏置按权重来数（c_o × c_i 或更多）：每个输出通道只有一个偏置，共 c_o 个。"},
    "bias_per_output_element": {
        "en": "A bias per output element: the bias is shared across positions, one per "
              "output channel.",
        "zh": "每个输出元素一个偏置：偏置在各位置共享，每个输出通道一个。"},
    "bias_per_input_channel": {
        "en": "A bias per input channel: the bias belongs to the output channels (c_o).",
        "zh": "按输入通道计偏置：偏置属于输出通道（c_o 个）。"},
    "output_left_out": {
        "en": "The output is left out of the memory: input, kernel and output are all held.",
        "zh": "内存中漏掉了输出：输入、卷积核和输出都要占用内存。"},
    "input_left_out": {
        "en": "The input is left out of the memory: input, kernel and output are all held.",
        "zh": "内存中漏掉了输入：输入、卷积核和输出都要占用内存。"},
    "compose_no_overlap": {
        "en": "The sizes are added without the shared tap: two kernels of sizes k_1 and "
              "k_2 compose to k_1 + k_2 - 1.",
        "zh": "尺寸直接相加而没有减去重叠的一格：大小为 k_1 和 k_2 的两个核合成后为 "
              "k_1 + k_2 − 1。"},
    "compose_product": {
        "en": "The sizes are multiplied: composing kernels adds their extents "
              "(k_1 + k_2 - 1), it does not multiply them.",
        "zh": "把尺寸相乘了：核的合成是尺寸相加（k_1 + k_2 − 1），不是相乘。"},
    "compose_max": {
        "en": "The larger size is kept: the composed kernel reaches k_1 - 1 + k_2 - 1 "
              "positions beyond its first, k_1 + k_2 - 1 in all.",
        "zh": "只取了较大的尺寸：合成核的跨度为 k_1 + k_2 − 1。"},
    "wrong_order": {
        "en": "The big-O has the wrong order: {direction}",
        "zh": "大 O 的阶不对：{direction}"},
    "big_o_for_exact": {
        "en": "The question asks for an exact value; a big-O does not determine it.",
        "zh": "题目要求精确值，大 O 无法确定它。"},
}

VERDICTS = {
    "equivalent": {"en": "equivalent", "zh": "等价"},
    "equivalent_under_convention": {"en": "equivalent under a convention",
                                    "zh": "在某种约定下等价"},
    "not_equivalent": {"en": "not equivalent", "zh": "不等价"},
    "invalid_input": {"en": "invalid input", "zh": "无法读取"},
}

PHRASES = {
    "correct": {"en": "Correct: the answer equals the reference {reference}.",
                "zh": "正确：答案与参考答案相等，参考答案为 {reference}。"},
    "correct_under": {"en": "Correct under a convention: {conventions}.",
                      "zh": "在约定下正确：{conventions}。"},
    "book_reference": {"en": "In the book's conventions (total padding, exact counting, "
                             "no bias) the answer is {reference}.",
                       "zh": "按书中的约定（填充为两侧合计、精确计数、无偏置），答案为 {reference}。"},
    "proved": {"en": "Proved symbolically (SymPy) and checked exactly at {samples} valid layers.",
               "zh": "已用 SymPy 符号证明，并在 {samples} 个合法层上精确验证。"},
    "sampled": {"en": "Checked exactly (integer arithmetic) at {samples} valid layers, "
                      "including edge cases; no symbolic proof.",
                "zh": "已在 {samples} 个合法层（含边界情况）上用整数精确验证；未做符号证明。"},
    "wrong": {"en": "Not equivalent: at {layer} the reference gives {expected}, the answer "
                    "gives {actual}.",
              "zh": "不等价：在 {layer} 时参考答案为 {expected}，该答案为 {actual}。"},
    "undefined": {"en": "undefined (division by zero)", "zh": "无定义（除以零）"},
    "difference": {"en": "Answer minus reference: {difference}.",
                   "zh": "答案减参考答案：{difference}。"},
    "matches": {"en": "This matches a known mistake: {message}",
                "zh": "这是一个常见错误：{message}"},
    "matches_under": {"en": "(read under: {conventions})", "zh": "（按以下约定理解：{conventions}）"},
    "invalid": {"en": "Could not read the answer: {reason}.",
                "zh": "无法读取答案：{reason}。"},
    "parsed": {"en": "Read as: {text}", "zh": "读作：{text}"},
    "order_grows": {"en": "when {symbol} grows (other sizes fixed), the reference "
                          "grows {how} the answer",
                    "zh": "当 {symbol} 增大（其他尺寸固定）时，参考答案比该答案增长得{how}"},
    "faster": {"en": "faster than", "zh": "更快"},
    "slower": {"en": "slower than", "zh": "更慢"},
    "also": {"en": "also right under: {alternatives}", "zh": "也可理解为：{alternatives}"},
    "where": {"en": "{reference}, where {definitions}", "zh": "{reference}，其中 {definitions}"},
    "note": {"en": "Note: {note}.", "zh": "说明：{note}。"},
}
