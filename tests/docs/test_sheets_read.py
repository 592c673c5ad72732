"""What the readers of both sheets left in issue 25 (sixth session): Chinese set upright,
the contents listing the answer key, a 1-D identity with its condition, whole sentences.
Each is read back from the committed files in every format (Markdown, LaTeX, web page)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from derivations.exercises.maths import compose
from derivations.messages import text
from tests.docs.sheets import LANGS, OUTPUT, read_sheet

FORMATS = ("md", "tex", "html")


def _read(lang: str, fmt: str) -> str:
    if fmt == "html":
        return (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    return read_sheet(lang, fmt)


# --- emphasis: Chinese has no italic ---------------------------------------------------
def test_zh_emphasis_is_upright_in_every_format():
    """The zh captions and editions' notes are not italic: in the PDF the CJK sans
    (``\\sheetemph``, never ``\\emph``, which set the Latin among the Chinese in italic),
    in Markdown no ``*..*``, on the web page the note's style is normal."""
    tex = read_sheet("zh", "tex")
    assert "\\emph{" not in tex and "\\itshape" not in tex
    assert "\\newcommand{\\sheetemph}[1]{\\begingroup\\CJKfamily{\\CJKsfdefault}" in tex
    captions = re.findall(r"\\sheetemph\{(.*)\}(?:\\par)?\}$", tex, flags=re.M)
    assert len(captions) == 8 and all(c.startswith(text("sheets.figure", "zh")) for c in captions)
    md = read_sheet("zh")
    figure = re.escape(text("sheets.figure", "zh"))
    assert not re.findall(rf"^\*{figure}", md, flags=re.M)
    assert len(re.findall(rf"^{figure}{re.escape(text('sheets.sep', 'zh'))}", md, flags=re.M)) == 8
    assert not re.findall(r"^\*[^*\n]+\*$", md, flags=re.M)  # no italic line at all
    for page in ("index.html", "practice.html"):
        html = (OUTPUT / "zh" / page).read_text(encoding="utf-8")
        assert ".note { color: var(--muted); font-style: normal;" in html
        assert "font-style: italic" not in html


def test_en_emphasis_stays_italic():
    tex, md = read_sheet("en", "tex"), read_sheet("en")
    assert "\\newcommand{\\sheetemph}{\\emph}" in tex
    assert len(re.findall(r"^\*Figure: .*\*$", md, flags=re.M)) == 8


# --- the contents list the answer key ----------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_contents_lists_the_answer_key_first_and_links_resolve(lang):
    key = text("sheets.answer_key", lang)
    md = read_sheet(lang)
    contents = md.split(f"## {text('sheets.contents', lang)}\n", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"^- \[(.+?)\]\(#([^)]+)\)", contents, flags=re.M)
    assert items[0] == (key, "answer-key") and len(items) == md.count("\n## ") - 1
    for _, anchor in items:
        assert md.count(f'<a id="{anchor}"></a>') == 1, anchor
    md_links = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert md_links <= set(re.findall(r'<a id="([^"]+)"></a>', md))

    html = _read(lang, "html")
    nav = html[html.index("<nav ") : html.index("</nav>")]
    hrefs = re.findall(r'<li><a href="#([^"]+)">', nav)
    assert hrefs[0] == "answer-key" and f'<a href="#answer-key">{key}</a>' in nav
    for anchor in hrefs:
        assert html.count(f'id="{anchor}"') == 1, anchor

    tex = read_sheet(lang, "tex")
    toc = re.findall(r"^\\addcontentsline\{toc\}\{section\}\{(.+)\}$", tex, flags=re.M)
    assert toc[0] == key and len(toc) == len(items)


# --- Exercise 1: the 1-D factorization with its condition --------------------------------
@pytest.mark.parametrize(
    "kernel",
    [[1.0, 2.0, 0.0], [0.5, -1.0, 3.0, 0.0, 0.0], [2.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0]],
)
def test_a_kernel_with_zero_last_taps_is_k_minus_1_size_2_factors(kernel):
    """A zero last tap lowers the polynomial's degree: np.roots alone finds fewer roots,
    and folding the (zero) last tap into them gave the zero kernel."""
    kernel = np.array(kernel)
    pieces = compose.complex_factors(kernel)
    assert len(pieces) == kernel.size - 1 and all(p.size == 2 for p in pieces)
    product = pieces[0]
    for piece in pieces[1:]:
        product = np.convolve(product, piece)
    np.testing.assert_allclose(product, kernel, atol=1e-12)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("md", "tex"))
def test_the_identity_names_the_degree_not_the_size(lang, fmt):
    """kappa(z) = kappa_{k-1} prod_{r<k} (z - z_r) is 0 when the last tap is: the sheet
    states it with the degree d, and says what a zero last tap contributes."""
    sheet = _read(lang, fmt)
    assert "\\kappa_{k-1}\\prod" not in sheet
    assert "\\kappa(z) = \\kappa_d \\prod_{r=1}^{d} (z - z_r)" in sheet
    assert "d = \\max\\{a : \\kappa_a \\ne 0\\}" in sheet
    assert ("with its last tap set to 0" if lang == "en" else "把它的最后一个元素置为") in sheet
    assert "$(1, 0)$" in sheet


# --- whole sentences ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "lang, gone, there",
    [
        ("en", "One channel between.", "Consider first one channel between the layers."),
        ("zh", "两者皆符", "所以英文版的这个数字用哪种读法都说得通"),
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_fragments_rewritten(lang, gone, there, fmt):
    sheet = _read(lang, fmt)
    assert gone not in sheet and there in sheet


# --- no English left in the Chinese sheet: the code's comments -------------------------
def _code_blocks(md: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", md, flags=re.M | re.S)


def _code_only(source: str) -> list[tuple[int, str]]:
    """``source``'s tokens without its comments and docstrings (what runs)."""
    import io
    import tokenize

    tokens = [
        (t.type, t.string)
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in (tokenize.COMMENT, tokenize.NL)
    ]
    return [
        t
        for i, t in enumerate(tokens)
        if not (t[0] == tokenize.STRING and i and tokens[i - 1][0] == tokenize.INDENT)
    ]


@pytest.mark.parametrize("fmt", ("md", "tex", "html"))
def test_zh_code_comments_are_chinese_and_the_code_is_the_same(fmt):
    """The im2col code on the zh sheet said its docstring and comments in English; now
    in Chinese, the code itself token for token the English sheet's (the function that
    runs)."""
    en_blocks, zh_blocks = _code_blocks(read_sheet("en")), _code_blocks(read_sheet("zh"))
    assert len(en_blocks) == len(zh_blocks) == 2
    for en, zh in zip(en_blocks, zh_blocks):
        assert _code_only(en) == _code_only(zh)
        said = re.findall(r"#.*$|\"\"\".*?\"\"\"", zh, flags=re.M | re.S)
        english = [s for s in said if re.search(r"[A-Za-z]{3,} [a-z]{3,}", s)]
        assert english == [], english
    sheet = _read("zh", fmt)
    assert "nothing is copied yet" not in sheet and "是一个视图，尚未复制任何数据" in sheet


# --- no raw subscript outside math -------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ("answers.md", "formulas.md"))
def test_no_subscripted_symbol_is_left_as_plain_text(lang, name):
    """The reference page named its first forms "output height m_h", the subscript shown
    raw (``m\\_h`` in Markdown, ``m_h`` on the web page): a symbol is math."""
    md = (OUTPUT / lang / name).read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", md, flags=re.M | re.S)
    for pattern in (r"\$\$.*?\$\$", r"\$[^$]*\$", r"`[^`]*`", r"\]\([^)]*\)", r'<a id="[^"]*">'):
        prose = re.sub(pattern, "", prose, flags=re.S)
    assert re.findall(r".{0,30}\b[A-Za-z]\\?_[A-Za-z0-9]+", prose) == []
    if name == "formulas.md" and lang == "en":
        assert "**output height $m_h$**" in md


@pytest.mark.parametrize("lang", LANGS)
def test_the_counting_convention_writes_a_minus(lang):
    """The convention said "a t-term sum costs t-1 additions", a hyphen for the minus."""
    for name in ("formulas.md", "index.html"):
        page = (OUTPUT / lang / name).read_text(encoding="utf-8")
        assert not re.search(r"\bt-1\b", page) and page.count("t − 1") >= 10
