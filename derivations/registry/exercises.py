"""The exercises of the section, as each edition numbers them (declarations only).

zh.d2l.ai 6.4 多输入多输出通道 has exercises 1-6; d2l.ai "Multiple Input and Multiple
Output Channels" has 1-7.  ``None``: the edition does not have the exercise (the sheets
give it as an appendix).  The order here is the registry order of the worked answers
(:mod:`derivations.exercises`, one module per id).
"""

from __future__ import annotations

from derivations.records import field, record

__all__ = [
    "ExerciseInfo",
    "EXERCISES",
    "EDITIONS",
    "BOOK_SECTION",
    "heading_number",
    "heading_numbers",
]

EDITIONS = ("en", "zh")

# The section in each edition (linked from the sheets and the README).
BOOK_SECTION = {
    "en": "https://d2l.ai/chapter_convolutional-neural-networks/channels.html",
    "zh": "https://zh.d2l.ai/chapter_convolutional-neural-networks/channels.html",
}


@record(frozen=True)
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
            title={"en": "Computing a strip of outputs at once", "zh": "按条带一次计算多个输出"},
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


def _appendix_ids(edition: str) -> list[str]:
    """The ids ``edition`` lacks, in the order its sheet gives them as appendices: the
    other edition's (by its number), then those of neither, in registry order (the rule
    of :func:`derivations.exercises.for_edition`)."""
    other = {"en": "zh", "zh": "en"}[edition]
    rest = [e for e in EXERCISES.values() if e.number(edition) is None]
    rest.sort(key=lambda e: (e.number(other) is None, e.number(other) or 0))
    return [e.id for e in rest]


def heading_number(id: str, edition: str) -> str:
    """What ``edition``'s sheet calls exercise ``id`` after "练习"/"Exercise" or
    "附录"/"Appendix": its number there, else its appendix letter (A, B, ...); the
    boxed answers' labels start with it, so a label names the heading it sits under."""
    number = EXERCISES[id].number(edition)
    if number is not None:
        return str(number)
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[_appendix_ids(edition).index(id)]


def heading_numbers(id: str) -> dict[str, str]:
    """``{"en_number": ..., "zh_number": ...}``: :func:`heading_number` in both editions,
    as the fields of a label in the exercises' prose."""
    return {f"{edition}_number": heading_number(id, edition) for edition in EDITIONS}
