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
