"""The seventh session's Chinese examiner's findings (issue 25), each checked in every
committed format of both sheets (Markdown, LaTeX source, web page) against what the
figure itself draws: its labels read back from its SVG files, wide and narrow."""

from __future__ import annotations

import html
import re

import pytest

from derivations import figures
from tests.docs.sheets import LANGS, OUTPUT


def _alt_texts(lang: str, key: str) -> dict[str, str]:
    """The alt text of figure ``key`` as each committed format of the ``lang`` sheet
    carries it (Markdown image, the LaTeX fallback box, the web page's ``<img alt>``)."""
    md = (OUTPUT / lang / "answers.md").read_text(encoding="utf-8")
    tex = (OUTPUT / lang / "answers.tex").read_text(encoding="utf-8")
    page = (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    on_page = re.findall(rf'<figure id="figure-{key}">.*?alt="([^"]*)"', page, flags=re.S)
    found = {
        "md": re.findall(rf"!\[([^\]]*)\]\(\.\./figures/{lang}/{key}\.svg\)", md),
        "tex": re.findall(rf"\\sheetfigure\{{{lang}/{key}\}}\{{([^\n]*)\}}\\\\", tex),
        "html": [html.unescape(alt) for alt in on_page[:1]],
    }
    for fmt, alts in found.items():
        assert len(alts) == 1, (lang, key, fmt, alts)
    # LaTeX writes × as math: read it back as the character the other formats show
    return {fmt: alts[0].replace("$\\times$", "×") for fmt, alts in found.items()}


def _labels(svg: bytes) -> list[str]:
    """The texts matplotlib drew (its SVG keeps each as a comment before its glyphs)."""
    return re.findall(r"<!-- (.*?) -->", svg.decode("utf-8"), flags=re.S)


def _shapes(labels: list[str]) -> set[str]:
    """Every ``a×b`` shape the labels print (mathtext ``a\\times b`` or a plain ×)."""
    found = set()
    for label in labels:
        for a, b in re.findall(r"(\d+)\s*(?:\\times|×)\s*(\d+)", label):
            found.add(f"{a}×{b}")
    return found


@pytest.fixture(scope="module")
def im2col():
    return figures.render("im2col-matrix")


@pytest.mark.parametrize("lang", LANGS)
def test_im2col_alt_text_says_what_both_drawings_show(im2col, lang):
    """It said "an input grid with one window outlined, an arrow to a column of a wide
    matrix" (zh: 一个输入网格……宽矩阵): the figure draws two input channels, each window
    outlined, a tall 8×4 cols(X), and its narrow drawing (the phone's) has no arrow."""
    wide, narrow = _labels(im2col.svg[lang]), _labels(im2col.narrow[lang])
    shapes = _shapes(wide)
    assert shapes == _shapes(narrow)
    assert {"3×3", "3×8", "8×4", "3×4"} <= shapes  # the drawing's own labels
    channels = {n for label in wide for n in re.findall(r"\$X_\{(\d+)\}\$", label)}
    said = {"en": f"{len(channels)} input channels", "zh": f"{len(channels)} 个"}
    for fmt, alt in _alt_texts(lang, "im2col-matrix").items():
        for shape in shapes:
            assert shape in alt, (lang, fmt, shape, alt)
        assert said[lang] in alt, (lang, fmt, alt)
        for wrong in ("arrow", "wide matrix", "An input grid", "箭头", "宽矩阵", "一个输入网格"):
            assert wrong not in alt, (lang, fmt, wrong)
    # the narrow drawing leaves the wide one's arrow out (one patch fewer)
    assert narrow.count(b'id="patch_') < im2col.svg[lang].count(b'id="patch_')


@pytest.mark.parametrize("lang", LANGS)
def test_padding_readings_alt_text_names_the_readings_not_a_side(lang):
    """It said "side by side: the left … the right" (zh: 并排……左边……右边): on a phone
    the two grids are drawn one above the other; the alt now names each grid by the
    reading its label names."""
    drawn = figures.render("padding-readings", langs=(lang,))
    labels = " ".join(_labels(drawn.svg[lang]) + _labels(drawn.narrow[lang]))
    names = {"en": ("total padding", "per side"), "zh": ("合计填充", "每侧填充")}[lang]
    for name in names:
        assert name in labels  # the figure's own words
    for fmt, alt in _alt_texts(lang, "padding-readings").items():
        for name in names:
            assert name in alt, (lang, fmt, name, alt)
        for wrong in ("side by side", "left", "right", "并排", "左边", "右边"):
            assert wrong not in alt, (lang, fmt, wrong)


_WORDS = re.compile(r"[A-Za-z`\u4e00-\u9fff]")  # a letter, code, a Chinese character


def _md_tables(md: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each Markdown table: its alignment markers and its body rows' cells."""
    tables, lines = [], md.splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"\|(?::?--:?\|)+", line.strip()):
            marks = line.strip().strip("|").split("|")
            body = []
            for row in lines[i + 1 :]:
                if not row.startswith("| "):
                    break
                body.append(re.split(r"(?<!\\)\|", row.strip().strip("|")))
            tables.append((marks, body))
    return tables


@pytest.mark.parametrize("lang", LANGS)
def test_a_column_of_words_is_left_aligned_in_markdown(lang):
    """The heaviest-layer table (three columns of layer names and words), the models
    table's code column and the register table's k = 5 column were right-aligned like
    numbers; read back from the committed Markdown: a column with a word outside math
    in some body cell is left-aligned (numbers and formulas alone stay right)."""
    md = (OUTPUT / lang / "answers.md").read_text(encoding="utf-8")
    tables = _md_tables(md)
    assert len(tables) > 20
    wrong = []
    for marks, body in tables:
        for column, mark in enumerate(marks):
            cells = [row[column] for row in body if column < len(row)]
            worded = [c for c in cells if _WORDS.search(re.sub(r"\$[^$]*\$", "", c))]
            if worded and mark != ":--":
                wrong.append((mark, worded[0].strip()[:40]))
    assert wrong == [], wrong
