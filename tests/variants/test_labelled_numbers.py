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
    ("output-height", "{v1} = m_h", "en", W, None),
    ("output-height", "{v} = c_o", "en", N, "c_o"),  # c_o is 4 here too: another quantity
    ("output-height", "{v} = 输出宽度", "zh", N, "输出宽度"),
    ("bias-size", "{v} = c_i", "zh", N, "c_i"),
    # a name before "=" that is another of the layer's symbols
    ("output-height", "c_o = {v}", "en", N, "c_o"),
    ("output-height", "C_out = {v}", "zh", N, "C_out"),
    ("bias-size", "input channels = {v}", "en", N, "input channels"),
    ("bias-size", "输入通道数 = {v}", "zh", N, "输入通道数"),
    ("bias-size", "C_out = {v}", "en", R, None),
    # words before the number, no "=": a label, never h × 4
    ("output-height", "height {v}", "en", R, None),
    ("output-height", "Output height {v}", "en", R, None),
    ("forward-mults", "multiplications {v}", "en", R, None),
    ("output-height", "height {v1}", "en", W, None),
    ("output-height", "width {v}", "en", N, "width"),
    ("output-height", "output channels {v}", "en", N, "output channels"),
    ("forward-mults", "additions {v}", "en", N, "additions"),
    ("forward-mults", "at least {v}", "en", N, "at least"),  # a bound's words: no label
    ("output-height", "at most {v}", "en", N, "at most"),
    # a shape after words: the size asked from it, the words judged as before it alone
    ("output-height", "输出为 {h}×{w}", "zh", R, None),
    ("output-width", "输出为 {h}×{w}", "zh", R, None),
    ("output-height", "the output is {h} x {w}", "en", R, None),
    ("output-height", "输出为 {w}×{h}", "zh", W, None),
    ("output-height", "the input is {h} x {w}", "en", N, "the input is"),
    ("output-height", "输入为 {h}×{w}", "zh", N, "输入为"),
    # a total after a count in words: checked at the layer
    ("bias-size", "每个输出通道一个，共 {v} 个", "zh", R, None),
    ("bias-size", "每个输出通道一个，共 {v1} 个", "zh", W, "{v1}"),
    ("bias-size", "one bias per output channel, {v} in total", "en", R, None),
    ("bias-size", "one bias per output channel, {v1} in total", "en", W, "{v1}"),
    # a sign before the number: a bound
    ("forward-mults", ">{v}", "en", N, ">"),
    ("forward-mults", "≥ {v}", "zh", N, "≥"),
    ("output-height", "<{v}", "en", N, "<"),
]


def _filled(text: str, question: str) -> str:
    key = _key()
    value = key[question]
    return text.format(
        v=value, v1=value + 1, h=key["output-height"], w=key["output-width"], **_layer()
    )


@pytest.mark.parametrize("question, answer, lang, verdict, said", ROWS)
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
