"""s15exam E16: numbers with a label, a shape, a total or a sign, at the practice page's layer.

A number question is graded at the student's own layer (``grade --variants``, the page's
``answer_at``).  A label before or after the number names the quantity it is of: the one
asked (``4 = m_h``, ``height 4``, ``输出为 4×3``: right where the number is) or another
(``4 = c_o`` answering the output height, where c_o is 4 too: refused, naming the label).
A total after a count in words (``每个输出通道一个，共 4 个``) is checked at the layer; a sign
before the number (``>1296``) makes it a bound, refused naming the sign.  Every right row has
wrong twins of its shape (another quantity's label, another number, a wrong total).  The
numbers are the page layer's, from its key (``{v}``: the value asked; ``{h}``, ``{w}``: the
output's height and width)."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_variants
from tests.checking.rows import GUARD, Guard, guard

R, W, N = "equivalent", "not_equivalent", "invalid_input"


def _key() -> dict:
    return {k.question: k.value for k in practice_variants().students[0].key}


def _layer() -> dict:
    layer = practice_variants().students[0].layer
    return {name: getattr(layer, name) for name in ("c_i", "c_o")}


# (question, answer, lang, verdict, what the feedback must say: a label as written, or None)
ROWS = [
    # a lone name after "=": the name first, as m_h = 4 is read
    ("output-height", "{v} = m_h", "en", R, None),
    ("output-height", "{v} = 输出高度", "zh", R, None),
    ("bias-size", "{v} = c_o", "en", R, None),
    guard("output-height", "{v1} = m_h", "en", W, None),
    guard("output-height", "{v} = c_o", "en", N, "c_o"),  # c_o is 4 here too: another quantity
    ("output-height", "{v} = 输出宽度", "zh", N, "输出宽度"),
    ("bias-size", "{v} = c_i", "zh", N, "c_i"),
    # a name before "=" that is another of the layer's symbols
    ("output-height", "c_o = {v}", "en", N, "c_o"),
    ("output-height", "C_out = {v}", "zh", N, "C_out"),
    ("bias-size", "input channels = {v}", "en", N, "input channels"),
    ("bias-size", "输入通道数 = {v}", "zh", N, "输入通道数"),
    guard("bias-size", "C_out = {v}", "en", R, None),
    # words before the number, no "=": a label, never h × 4
    ("output-height", "height {v}", "en", R, None),
    ("output-height", "Output height {v}", "en", R, None),
    ("forward-mults", "multiplications {v}", "en", R, None),
    guard("output-height", "height {v1}", "en", W, None),
    ("output-height", "width {v}", "en", N, "width"),
    ("output-height", "output channels {v}", "en", N, "output channels"),
    ("forward-mults", "additions {v}", "en", N, "additions"),
    # a lone letter or words naming another quantity by the registry's data: the kernel's
    # or stride's letter, the other count's sheet letter, a memory's unit word,
    # a ratio's name where the increase is asked (s16rev F2, F3)
    ("output-height", "k = {v}", "en", N, "k"),
    ("output-height", "s = {v}", "zh", N, "s"),
    ("forward-mults", "A = {v}", "en", N, "A"),
    ("forward-adds", "M = {v}", "zh", N, "M"),
    ("forward-mults", "elements = {v}", "en", N, "elements"),
    ("double-padding", "ratio = {v}", "en", N, "ratio"),
    ("double-padding", "倍数 {v}", "zh", N, "倍数"),
    guard("forward-mults", "M = {v}", "en", R, None),
    guard("forward-adds", "A = {v}", "zh", R, None),
    guard("double-padding", "increase = {v}", "en", R, None),
    guard("double-padding", "增加量 = {v}", "zh", R, None),
    ("forward-mults", "at least {v}", "en", N, "at least"),  # a bound's words: no label
    ("output-height", "at most {v}", "en", N, "at most"),
    # a shape after words: the size asked from it, the words judged as before it alone
    ("output-height", "输出为 {h}×{w}", "zh", R, None),
    ("output-width", "输出为 {h}×{w}", "zh", R, None),
    ("output-height", "the output is {h} x {w}", "en", R, None),
    guard("output-height", "输出为 {w}×{h}", "zh", W, None),
    ("output-height", "the input is {h} x {w}", "en", N, "the input is"),
    ("output-height", "输入为 {h}×{w}", "zh", N, "输入为"),
    # a total after a count in words: checked at the layer
    guard("bias-size", "每个输出通道一个，共 {v} 个", "zh", R, None),
    ("bias-size", "每个输出通道一个，共 {v1} 个", "zh", W, "{v1}"),
    guard("bias-size", "one bias per output channel, {v} in total", "en", R, None),
    ("bias-size", "one bias per output channel, {v1} in total", "en", W, "{v1}"),
    # a sign before the number: a bound
    ("forward-mults", ">{v}", "en", N, ">"),
    guard("forward-mults", "≥ {v}", "zh", N, "≥"),
    guard("output-height", "<{v}", "en", N, "<"),
    # words before a number are a label only where the label data read each of them
    # (a part of a name, a word joining one, a count's name); a label's words are judged
    # as the same words before a formula: a negation, a bound (s16rev F5; the words
    # before a number alone refused since e7a21831 too: guards here)
    guard("output-height", "the output height is {v}", "en", R, None),
    guard("output-height", "输出高度 {v}", "zh", R, None),
    guard("forward-mults", "no more than {v}", "en", N, "no more than"),
    guard("forward-mults", "up to {v}", "en", N, "up to"),
    guard("forward-mults", "at least: {v}", "en", W, None),  # (the checker's own reading)
    guard("forward-mults", "maybe {v}", "en", N, "maybe"),
    guard("output-height", "not {v}", "en", N, "not"),
    guard("output-height", "almost {v}", "en", N, "almost"),
    guard("output-height", "per channel {v}", "en", N, "per"),
    ("output-height", "not = {v}", "en", N, "not"),
    ("forward-mults", "at most = {v}", "zh", N, "at most"),
    ("forward-mults", "up to = {v}", "en", N, "up to"),
    ("forward-mults", "至少 = {v}", "zh", N, "至少"),
    guard("forward-mults", "至少 {v}", "zh", N, "至少"),
    guard("output-height", "不是 {v}", "zh", N, "不是"),
    # a lone letter after "=" no label data read as a name: no label (s16rev F2)
    ("output-height", "{v} = k", "en", N, None),
    ("output-height", "{v} = C", "en", N, None),
    ("forward-mults", "{v} = A", "en", N, "A"),
    ("forward-adds", "{v} = M", "zh", N, "M"),
    ("bias-size", "{v} = k", "zh", N, None),
    # channels alone (the input's or the output's) never name an output size; words no
    # label data read are no label (s16rev F3)
    ("output-height", "channels {v}", "en", N, "channels"),
    ("output-height", "{v} = channels", "en", N, "channels"),
    ("output-height", "通道数 {v}", "zh", N, "通道数"),
    ("output-height", "{v} = 通道数", "zh", N, "通道数"),
    guard("double-padding", "ratio {v}", "en", N, "ratio"),
    guard("forward-mults", "operations {v}", "en", N, "operations"),
    # words in brackets after a number stating an operation on it: refused as the same
    # remark after a formula is (reading.remark_operation; s16rev F7)
    ("bias-size", "{v} (plus one)", "en", N, "plus one"),
    ("output-height", "{v} (squared)", "en", N, "squared"),
    ("bias-size", "{v}（加一）", "zh", N, "加一"),
    # words in brackets only denying the number: refused as after a formula
    # (reading.remark_negates; s16rev F7); words saying more stay a remark
    ("bias-size", "{v} (wrong)", "en", N, "wrong"),
    ("output-height", "{v}（不对）", "zh", N, "不对"),
    guard("bias-size", "{v} (not sure)", "en", R, None),
    guard("bias-size", "{v}（不确定）", "zh", R, None),
    # a second count in brackets, words after it: graded as a count of the layer in the
    # words' counting, refused when none (s16rev F16); the layer's FLOPs stay a remark
    ("forward-mults", "{v} ({v1} with bias)", "en", W, "{v1} with bias"),
    ("forward-mults", "{v}（{v1} 含偏置）", "zh", W, "{v1} 含偏置"),
    guard("forward-mults", "{v} ({v2} if counting FLOPs)", "en", R, None),
    guard("forward-mults", "{v}（{v2} FLOPs）", "zh", R, None),
    guard("output-height", "{v} (rounded down)", "en", R, None),
    guard("output-height", "{v}（向下取整）", "zh", R, None),
    guard("bias-size", "{v}（偏置）", "zh", R, None),
]
# a guard row (:func:`tests.checking.rows.guard`) has its verdict without the change its
# rows came with: marked, so ``-m "not guard"`` runs the rows that fail without it
PARAMS = [pytest.param(*row, marks=GUARD) if isinstance(row, Guard) else row for row in ROWS]


def _filled(text: str, question: str) -> str:
    key = _key()
    value = key[question]
    return text.format(
        v=value,
        v1=value + 1,
        v2=2 * value,
        h=key["output-height"],
        w=key["output-width"],
        **_layer(),
    )


@pytest.mark.parametrize("question, answer, lang, verdict, said", PARAMS)
def test_a_labelled_number_at_the_layer(question, answer, lang, verdict, said):
    result = json.loads(answer_at(question, _filled(answer, question), lang))
    assert result["verdict"] == verdict, result
    if said is not None:
        assert _filled(said, question) in result["feedback"], result
    assert result["feedback"] and "{" not in result["feedback"], result


def test_the_twins_are_of_the_layer_the_rows_say():
    """The wrong twins are wrong for the reason their rows give: c_o is the output height's
    value at this layer (so ``4 = c_o`` is refused for its label, not its number), and
    c_i is not c_o (so ``c_i`` names another quantity of the bias count)."""
    key, layer = _key(), _layer()
    assert layer["c_o"] == key["output-height"] == key["bias-size"]
    assert layer["c_i"] != layer["c_o"] and key["output-height"] != key["output-width"]
