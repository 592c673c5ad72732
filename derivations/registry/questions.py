"""The catalogue of questions (declarations): ids, their number in each edition, what
the reference is.  How each reference and its variants are derived from the closed
forms lives in :mod:`.derive`.

Editions: zh.d2l.ai 6.4 多输入多输出通道, exercises 1-6; d2l.ai "Multiple Input and
Multiple Output Channels", exercises 1-7.  en 1-3 = zh 1-3, en 4 = zh 5, en 5 = zh 6;
zh 4 (the 1 x 1 kernel) has no English number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from derivations.errors import DerivationError

__all__ = ["Question", "QUESTIONS", "question", "BOOK_CONVENTION"]

BOOK_CONVENTION = {
    "en": "total padding (p_h rows in all), exact counting (a t-term sum costs t - 1 "
          "additions), no bias, one example (n = 1), elements for memory",
    "zh": "填充为两侧合计（共 p_h 行），精确计数（t 项求和需 t−1 次加法），无偏置，"
          "单个样本（n = 1），内存按元素个数计",
}


@dataclass(frozen=True)
class Question:
    id: str
    numbers: dict                 # {"zh": int | None, "en": int | None}
    title: dict                   # {"en": ..., "zh": ...}
    reference: dict               # what the reference is, per language
    family: str = "layer"         # "layer": the section's symbols; "compose": k_1, k_2
    base_domain: frozenset = field(default_factory=frozenset)
    big_o: bool = True            # may the answer be a big-O?
    output_symbols: bool = True   # may the answer use m_h, m_w?


def _q(id, zh, en, title_en, title_zh, ref_en, ref_zh, **kw) -> Question:
    return Question(id, {"zh": zh, "en": en}, {"en": title_en, "zh": title_zh},
                    {"en": ref_en, "zh": ref_zh}, **kw)


QUESTIONS: dict[str, Question] = {q.id: q for q in (
    _q("output-height", 2, 2, "output height m_h", "输出高度 m_h",
       "closed form output_height", "闭式 output_height", big_o=False, output_symbols=False),
    _q("output-width", 2, 2, "output width m_w", "输出宽度 m_w",
       "closed form output_width", "闭式 output_width", big_o=False, output_symbols=False),
    _q("forward-mults", 2, 2, "forward multiplications", "前向传播的乘法次数",
       "closed form forward_mults", "闭式 forward_mults"),
    _q("forward-adds", 2, 2, "forward additions", "前向传播的加法次数",
       "closed form forward_adds", "闭式 forward_adds"),
    _q("forward-ops", 2, 2, "forward computation (multiplications + additions)",
       "前向传播的计算量（乘法 + 加法）", "closed form forward_ops", "闭式 forward_ops"),
    _q("forward-memory", 2, 2, "forward memory: input + kernel + output, in elements",
       "前向传播的内存：输入 + 卷积核 + 输出（元素个数）",
       "memory_input + memory_weights + memory_output",
       "memory_input + memory_weights + memory_output"),
    _q("backward-ops", 2, 2, "backward computation (dX and dW: multiplications + additions)",
       "反向传播的计算量（dX 与 dW：乘法 + 加法）", "closed form backward_ops",
       "闭式 backward_ops"),
    _q("backward-memory", 2, 2, "backward memory (peak, in elements)",
       "反向传播的内存（峰值，元素个数）",
       "closed form memory_peak_backward: parameters + saved input + dY + dX + dW "
       "(the forward output is released once dY exists)",
       "闭式 memory_peak_backward：参数 + 保存的输入 + dY + dX + dW（得到 dY 后释放前向输出）"),
    _q("double-channels", 3, 3, "factor by which the computation grows when c_i and c_o "
       "double", "c_i 和 c_o 加倍时计算量增长的倍数",
       "double_channels('forward_ops').ratio", "double_channels('forward_ops').ratio",
       big_o=False),
    _q("double-padding", 3, 3, "increase in computation when the padding doubles",
       "填充加倍时计算量的增加", "double_padding('forward_ops').increase",
       "double_padding('forward_ops').increase", big_o=False),
    _q("pointwise-complexity", 4, None, "forward computation with a 1 x 1 kernel",
       "1 × 1 卷积核时前向传播的计算复杂度", "pointwise('forward_ops').general",
       "pointwise('forward_ops').general", base_domain=frozenset({"k1"})),
    _q("compose-size", 1, 1, "size of the single kernel equivalent to kernels k_1, k_2",
       "与大小为 k_1、k_2 的两个核等效的单个核的大小",
       "support of the full convolution of two symbolic kernels",
       "两个符号卷积核完全卷积的支撑长度", family="compose", big_o=False,
       output_symbols=False),
    _q("bias-size", None, None, "number of bias parameters", "偏置参数的个数",
       "closed form memory_bias (with bias)", "闭式 memory_bias（有偏置）",
       big_o=False),
)}


def question(identifier: str) -> Question:
    try:
        return QUESTIONS[identifier]
    except KeyError:
        raise DerivationError(f"unknown question {identifier!r}; known: "
                              + ", ".join(QUESTIONS)) from None
