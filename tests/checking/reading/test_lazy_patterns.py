"""Patterns the reader compiles on first use (a cold ``check`` of a formula skips them):
the cheap test that stands in for the bare-factor patterns never skips a text one of
them matches."""

import random

from derivations.checking.reading import informal

SEEDS = [
    "4",
    "4x",
    "4 X",
    "x4",
    "* 4",
    "four times",
    "4 times as many",
    "4-fold",
    "4 fold more",
    "变为4倍",
    "增加了 3 倍",
    "four",
    "Four",
    "twice",
    "c_i*k_h*k_w",
    "2 c_o",
    "约为 4 倍",
    "4 times larger",
    "4x as much",
]
PIECES = [
    "4",
    "four",
    "x",
    "X",
    "*",
    " ",
    "times",
    "倍",
    "fold",
    "-",
    "more",
    "as",
    "many",
    "much",
    "larger",
    "增加",
    "了",
    "变为",
    "c_i",
    "+",
    "2",
    "twice",
    "ſ",
    "Ｘ",
]


def _matched(text: str) -> bool:
    return any(pattern.match(text) for pattern in informal._factors())


def test_the_cheap_test_never_skips_a_bare_factor():
    draw = random.Random(3)
    texts = list(SEEDS) + [
        "".join(draw.choice(PIECES) for _ in range(draw.randint(1, 6))) for _ in range(20_000)
    ]
    skipped = [t for t in texts if not informal.may_be_factor(t) and _matched(t)]
    assert skipped == []
    assert sum(_matched(t) for t in texts) > 200  # the patterns did match often
