"""Issue 21 (H13-test's, H14-dev's and H14-test's misses by class, answers of our own): the
bias count said in a sentence, and a count as a product of words after a label line.

The bias: "each Y also has a bias" (an adverb between Y and its verb:
:data:`.languages.RATE_ADVERBS`), "for each Y we (also) learn one bias" (a subject after
Y: :data:`.languages.RATE_FOR_EACH`, :data:`.languages.RATE_SUBJECTS`), ``每个Y有自己的偏置``
(its own: :data:`.languages.RATE_EACH_ATTACHED`) are the number of Y, as "one bias per Y"
is; a Y of the input channels or the groups makes them wrong.  The product: an ``x``
between Chinese words, or a number and a Chinese word, with no space (``卷积核高度x卷积核
宽度x…``, ``1x1x输入通道数``) is the times sign, as ``×`` there is; such a product after a
label line was "no formula", or "a sentence with no formula" on one line.  Every right
row has a wrong twin of its shape."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
WORDS = "卷积核高度x卷积核宽度x输入通道数x输出通道数x输出高度x输出宽度"

CLASSES = {
    "bias_rates": [
        ("bias-size", "each filter also has a bias", R, "rate_sentence"),
        ("bias-size", "Each output channel also gets its own bias.", R, "rate_sentence"),
        ("bias-size", "each input channel also has a bias", W, None),
        ("bias-size", "For each filter we also learn one bias.", R, "rate_sentence"),
        (
            "bias-size",
            "For every output channel, the layer adds a single bias.",
            R,
            "rate_sentence",
        ),
        ("bias-size", "For each input channel we learn one bias.", W, None),
        ("bias-size", "For each weight we also learn one bias.", N, None),
        ("bias-size", "For each filter we also learn one weight.", N, None),
        ("bias-size", "每个输出通道有自己的偏置", R, "rate_sentence"),
        ("bias-size", "每个卷积核都有自己的偏置", R, "rate_sentence"),
        ("bias-size", "每个输入通道有自己的偏置", W, None),
        ("bias-size", "每个分组有自己的偏置", W, None),
        guard("bias-size", "Each group has its own bias.", W, None),
    ],
    "word_products": [
        ("forward-mults", f"所以它的计算量应该为：\n\n{WORDS}", R, None),
        ("forward-mults", f"计算量为：{WORDS}", R, None),
        ("forward-mults", f"乘法次数为：\n{WORDS}", R, None),
        (
            "forward-mults",
            "计算量：\n卷积核高度X卷积核宽度X输入通道数X输出通道数X输出高度",
            W,
            None,
        ),
        ("forward-mults", "所以逐点卷积的计算量为：\n\n1x1x输入通道数x输出通道数", W, None),
        (
            "forward-adds",
            "加法次数为：\n卷积核高度x卷积核宽度x输入通道数x输出高度x输出宽度",
            W,
            None,
        ),
        ("forward-adds", f"乘法次数为：\n{WORDS}", N, None),
        guard(
            "forward-mults",
            "The cost is:\n\nkernel height x kernel width x input channels x output channels",
            W,
            None,
        ),
    ],
}

ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=8, ascii=5)
