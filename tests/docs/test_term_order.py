"""Our term order in every printed formula (issue 25): the generated sheets and
reference pages are read back and every product of the model's symbols checked against
the order the project writes, ``n c_o c_i h w k_h k_w m_h m_w`` (batch, channels out,
channels in, input, kernel, output, padding, stride), never SymPy's alphabetical
``c_i c_o ... n``; sums put the input before the weights before the output, a positive
term first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from derivations.expr.order import BOOK_SYMBOLS

OUTPUT = Path(__file__).resolve().parents[2] / "output"
SOURCES = sorted(
    p
    for lang in ("en", "zh")
    for p in (OUTPUT / lang).iterdir()
    if p.suffix in (".md", ".tex") and p.stem in ("answers", "formulas")
)
RANK = {name: index for index, name in enumerate(BOOK_SYMBOLS)}
_NAME = "|".join(sorted(map(re.escape, BOOK_SYMBOLS), key=len, reverse=True))
# a model symbol standing alone (not part of k_{1,h}, \mathrm{...}, m'_h), maybe a power
_TOKEN = rf"(?<![A-Za-z_\\{{'])(?:{_NAME})(?:\^\{{?\d+\}}?)?(?![A-Za-z_0-9'{{,])"
_PRODUCT = re.compile(rf"{_TOKEN}(?:(?:\s+|\s*\\,\s*){_TOKEN})+")


def _math(source: str) -> list[str]:
    """Every math span: ``$...$``, ``$$...$$``, ``\\[...\\]`` and display environments."""
    spans = re.findall(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\[(.+?)\\\]", source, flags=re.S)
    return [next(part for part in span if part) for span in spans]


def _products(latex: str) -> list[list[str]]:
    """The runs of the model's symbols multiplied side by side, as symbol names
    (SymPy's ``c_{i}`` read as ``c_i``)."""
    latex = re.sub(r"_\{([a-z])\}", r"_\1", latex)
    return [
        [re.sub(r"\^.*", "", token) for token in re.split(r"\s+|\\,", run.group(0)) if token]
        for run in _PRODUCT.finditer(latex)
    ]


def test_the_reader_finds_products_and_their_order():
    assert _products("2 c_i c_o k_h k_w + c_i h w") == [
        ["c_i", "c_o", "k_h", "k_w"],
        ["c_i", "h", "w"],
    ]
    assert _products("k^{2} \\, c_o") == [["k", "c_o"]]
    assert _products("c_{i} c_{o} n") == [["c_i", "c_o", "n"]]
    assert _products("k_{1,h} + k_{2,h}, \\mathrm{fwd}") == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(OUTPUT)))
def test_every_printed_product_is_in_our_order(path):
    source = path.read_text(encoding="utf-8")
    spans = _math(source)
    assert len(spans) > 50
    wrong = [
        " ".join(names)
        for span in spans
        for names in _products(span)
        if [RANK[n] for n in names] != sorted(RANK[n] for n in names)
    ]
    assert wrong == [], wrong[:5]
    products = [names for span in spans for names in _products(span)]
    assert ["c_o", "c_i", "k_h", "k_w", "m_h", "m_w"] in products


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sums_read_input_weights_output_and_grown_sides(lang):
    """SymPy's sum order leaked too: ``c_{i} c_{o} k_{h} k_{w} + c_{i} h w + ...`` and
    ``-k_w + ...``; ours reads input + weights + output + bias and ``(m_h + p_h)``."""
    source = (OUTPUT / lang / "answers.md").read_text(encoding="utf-8")
    assert "c_i h w + c_o c_i k_h k_w + c_o m_h m_w + c_o" in source
    assert "\\left(m_h + p_h\\right) \\left(m_w + p_w\\right)" in source
    for leaked in ("c_{i}", "c_{o}", "k_{h}", "m_{h}", "\\left(p_h + m_h\\right)"):
        assert leaked not in source
    formulas = (OUTPUT / lang / "formulas.md").read_text(encoding="utf-8")
    assert not re.search(r"(?:\$|= |\\left\()\s*- ?k_w", formulas)  # a positive term first
