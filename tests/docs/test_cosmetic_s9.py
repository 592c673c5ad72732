"""Issue 25's cosmetic items in the figures left by the eighth session's zh examiner,
read back from the drawn SVGs of both languages and both layouts."""

from __future__ import annotations

import re

import pytest

from derivations import figures

SIZE = re.compile(r"\d+×\d+×\d+")


def _labels(svg) -> list[str]:
    """The texts matplotlib drew, one per line of each (its SVG keeps each as a comment)."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    return [
        line
        for label in re.findall(r"<!-- (.*?) -->", text, flags=re.S)
        for line in label.split("\n")
    ]


@pytest.fixture(scope="module")
def network_figure():
    return figures.render("network-costs")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("layout", ["svg", "narrow"])
def test_a_panels_input_size_stays_on_the_line_of_its_word(network_figure, lang, layout):
    """Two zh panel titles broke before "1×224×224", the size alone on a line: a title
    too long for its panel now puts "输入 1×224×224" ("input ...") on a line of its own."""
    lines = _labels(getattr(network_figure, layout)[lang])
    sized = [line for line in lines if SIZE.search(line)]
    assert len(sized) == 8, sized
    word = {"en": "input ", "zh": "输入 "}[lang]
    assert all(word + SIZE.search(line)[0] in line for line in sized), sized


def test_the_zh_sums_are_not_glossed_in_brackets(network_figure):
    """ "Σ（合计）：" was set with a gap on both sides of the full-width colon (the closing
    bracket's and the colon's own): each zh panel's sums read "Σ：", as the figure's title
    defines Σ."""
    for layout in ("svg", "narrow"):
        lines = _labels(getattr(network_figure, layout)["zh"])
        sums = [line for line in lines if line.startswith("Σ")]
        assert len(sums) == 9, sums  # eight panels and the title's definition
        assert all(line.startswith("Σ：") for line in sums), sums
        assert not any("合计" in line for line in lines)
