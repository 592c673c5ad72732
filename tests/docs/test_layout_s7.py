"""Issue 25's layout and wording items left by the sixth session's examiners, each read
back from the committed sheets in every format where it applies (Markdown, LaTeX
source, web page; the browser and the compiled PDF in their own tests)."""

from __future__ import annotations

import pytest

from tests.docs.sheets import LANGS, OUTPUT

FORMATS = ("answers.md", "answers.tex", "index.html")


def _sheet(lang: str, name: str) -> str:
    return (OUTPUT / lang / name).read_text(encoding="utf-8")


# --- Appendix B: what the book's GoogLeNet blocks are in each edition's code ------------
# The English edition's PyTorch code builds GoogLeNet's blocks in methods (``def b1(self):
# return nn.Sequential(...)``, then ``self.net = nn.Sequential(self.b1(), ..., self.b5(),
# nn.LazyLinear(num_classes))``); the Chinese edition's keeps them in variables (``b1 =
# nn.Sequential(...)``, ``net = nn.Sequential(b1, ..., b5, nn.Linear(1024, 10))``).
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FORMATS)
def test_googlenet_blocks_are_said_to_be_methods_in_english_code_variables_in_chinese(lang, name):
    said = _sheet(lang, name)
    assert "block variables" not in said and "块变量" not in said
    methods = {"en": "the methods", "zh": "方法"}[lang]
    variables = {"en": "variables", "zh": "变量"}[lang]
    both = [
        line for line in said.splitlines() if methods in line and "b1()" in line.replace("\\", "")
    ]
    assert len(both) == 1 and variables in both[0], both


# --- Exercise 6 (the strips): no stacked fraction in a line of text or a table row -----
@pytest.mark.parametrize(
    "latex, inline",
    [
        (r"\frac{9}{2}", "9/2"),
        (r"k + \frac{k \left(k - 1\right)}{\Delta}", r"k + k \left(k - 1\right)/\Delta"),
        (
            r"\frac{k + \Delta - 1}{\Delta_h \Delta}",
            r"\left(k + \Delta - 1\right)/\left(\Delta_h \Delta\right)",
        ),
        (r"\frac{c}{\frac{a}{b}}", r"c/\left(a/b\right)"),
        (r"-\frac{1}{2} + x", "-1/2 + x"),
    ],
)
def test_unstacked_writes_every_fraction_on_the_line(latex, inline):
    from derivations.exercises.notation import unstacked

    assert unstacked(latex) == inline


def _strips_section(lang: str, name: str) -> str:
    said = _sheet(lang, name)
    marks = {
        "answers.md": ('<a id="strips"></a>', '<a id="blocks"></a>'),
        "answers.tex": ("\\markboth{", "\\markboth{"),
        "index.html": ('<section id="strips">', "</section>"),
    }[name]
    if name == "answers.tex":  # the section whose running head names the strips
        title = {"en": "Computing a strip of outputs", "zh": "按条带一次计算多个输出"}[lang]
        start = said.index(title, said.index("\\clearpage\n\\markboth{"))
        return said[start : said.index("\\clearpage", start)]
    start = said.index(marks[0])
    return said[start : said.index(marks[1], start + len(marks[0]))]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FORMATS)
def test_the_strips_exercise_stacks_fractions_only_in_displays(lang, name):
    """A stacked fraction in a table row or a line of text stretches it (the table of
    executed loads printed L(4) = 9/2 as a fraction two lines tall): in the strips
    exercise fractions stack only in display formulas."""
    import re

    section = _strips_section(lang, name)
    assert "\\Delta" in section or "Δ" in section or "&#x00394;" in section
    if name == "index.html":
        outside = re.sub(r'<div class="display[^"]*">.*?</div>', "", section, flags=re.S)
        assert "<mfrac" not in outside
        assert section.count("<mfrac") >= 3  # the displays keep theirs
        return
    if name == "answers.md":
        outside = re.sub(r"^\$\$\n.*?\n\$\$$", "", section, flags=re.S | re.M)
    else:
        outside = re.sub(r"^\\\[\n.*?\n\\\]$", "", section, flags=re.S | re.M)
    assert "\\frac" not in outside, [line for line in outside.splitlines() if "\\frac" in line]
