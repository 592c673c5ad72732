"""The exercises of the section, as each edition numbers them (declarations only).

zh.d2l.ai 6.4 多输入多输出通道 has exercises 1-6; d2l.ai "Multiple Input and Multiple
Output Channels" has 1-7.  ``None``: the edition does not have the exercise (the sheets
give it as an appendix).  The order here is the registry order of the worked answers
(:mod:`derivations.exercises`, one module per id).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ExerciseInfo", "EXERCISES", "EDITIONS", "BOOK_SECTION"]

EDITIONS = ("en", "zh")

# The section in each edition (linked from the sheets and the README).
BOOK_SECTION = {
    "en": "https://d2l.ai/chapter_convolutional-neural-networks/channels.html",
    "zh": "https://zh.d2l.ai/chapter_convolutional-neural-networks/channels.html",
}


@dataclass(frozen=True)
class ExerciseInfo:
    id: str          # also the module name under derivations.exercises
    en: int | None   # number in the English edition
    zh: int | None   # number in the Chinese edition

    def number(self, edition: str) -> int | None:
        return {"en": self.en, "zh": self.zh}[edition]


EXERCISES: dict[str, ExerciseInfo] = {e.id: e for e in (
    ExerciseInfo("compose", en=1, zh=1),
    ExerciseInfo("cost", en=2, zh=2),
    ExerciseInfo("doubling", en=3, zh=3),
    ExerciseInfo("pointwise", en=None, zh=4),
    ExerciseInfo("equal_outputs", en=4, zh=5),
    ExerciseInfo("matmul", en=5, zh=6),
    ExerciseInfo("strips", en=6, zh=None),
    ExerciseInfo("blocks", en=7, zh=None),
    ExerciseInfo("networks", en=None, zh=None),
)}
