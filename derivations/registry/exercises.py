"""The exercises of the section, as each edition numbers them (declarations only).

zh.d2l.ai 6.4 多输入多输出通道 has exercises 1-6; d2l.ai "Multiple Input and Multiple
Output Channels" has 1-7.  ``None``: the edition does not have the exercise (the sheets
give it as an appendix).  The order here is the registry order of the worked answers
(:mod:`derivations.exercises`, one module per id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ExerciseInfo", "EXERCISES", "EDITIONS", "BOOK_SECTION"]

EDITIONS = ("en", "zh")

# The section in each edition (linked from the sheets and the README).
BOOK_SECTION = {
    "en": "https://d2l.ai/chapter_convolutional-neural-networks/channels.html",
    "zh": "https://zh.d2l.ai/chapter_convolutional-neural-networks/channels.html",
}


@dataclass(frozen=True)
class ExerciseInfo:
    id: str  # also the module name under derivations.exercises
    en: int | None  # number in the English edition
    zh: int | None  # number in the Chinese edition
    title: dict = field(default_factory=dict, compare=False)  # {"en": ..., "zh": ...}

    def number(self, edition: str) -> int | None:
        return {"en": self.en, "zh": self.zh}[edition]


EXERCISES: dict[str, ExerciseInfo] = {
    e.id: e
    for e in (
        ExerciseInfo(
            "compose", en=1, zh=1, title={"en": "Composing two kernels", "zh": "两个卷积核的合成"}
        ),
        ExerciseInfo(
            "cost",
            en=2,
            zh=2,
            title={
                "en": "Forward and backward cost and memory of a convolution layer",
                "zh": "卷积层前向与反向传播的计算量和内存",
            },
        ),
        ExerciseInfo(
            "doubling",
            en=3,
            zh=3,
            title={"en": "Doubling the channels or the padding", "zh": "通道数或填充加倍"},
        ),
        ExerciseInfo(
            "pointwise",
            en=None,
            zh=4,
            title={
                "en": "The cost of a $1\\times 1$ convolution",
                "zh": "$1\\times 1$ 卷积的计算复杂度",
            },
        ),
        ExerciseInfo(
            "equal_outputs",
            en=4,
            zh=5,
            title={"en": "Are Y1 and Y2 exactly equal?", "zh": "Y1 和 Y2 是否完全相同？"},
        ),
        ExerciseInfo(
            "matmul",
            en=5,
            zh=6,
            title={"en": "Convolution as matrix multiplication", "zh": "把卷积写成矩阵乘法"},
        ),
        ExerciseInfo(
            "strips",
            en=6,
            zh=None,
            title={"en": "Computing a strip of outputs at once", "zh": "一次计算一条输出"},
        ),
        ExerciseInfo(
            "blocks",
            en=7,
            zh=None,
            title={"en": "Block-diagonal channel mixing", "zh": "分块对角的通道混合"},
        ),
        ExerciseInfo(
            "networks",
            en=None,
            zh=None,
            title={
                "en": "Which layers dominate memory, which dominate computation?",
                "zh": "哪些层主导内存，哪些层主导计算？",
            },
        ),
    )
}
