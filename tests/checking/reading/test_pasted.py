"""Issue 21 (session 17): a formula pasted inside Markdown, read as CommonMark, GFM and
HTML define what it shows (:mod:`derivations.checking.reading.pasted`): an image's alt
text, or the TeX an equation image's address holds (CodeCogs, Zhihu, CSDN, Google
Charts), percent-encoded; the two must agree where both are there; a link's text, an
autolink away, Obsidian's highlight.

Answers of our own in en and zh, right ones with wrong twins (an alt text that is a
wrong formula, an address that draws another quantity, an alt and an address that say
two formulas: never graded), through ``check`` and ``grade``; and a real CommonMark
parser (markdown-it-py, a test-only dependency) run over every Markdown row, so the alt
text and link text the reader takes are the ones CommonMark renders."""

import itertools
import re

import pytest

from derivations.checking import check
from derivations.checking.reading.pasted import image_tex, pasted
from tests.checking.rows import Table, guard
from tests.conftest import require_tool

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
ALT, TEX, LINK = "reading.note.image_alt", "reading.note.image_tex", "reading.note.link_text"
OPENING, EMPHASIS = "reading.note.opening", "reading.note.emphasis"

FLOOR = r"\lfloor (h-k_h+p_h+s_h)/s_h \rfloor"
# CodeCogs' editor's own encoding of that formula (a space &space;, a plus &plus;)
FLOOR_CODECOGS = r"\lfloor&space;(h-k_h&plus;p_h&plus;s_h)/s_h&space;\rfloor"
FLOOR_NO_PAD = r"\lfloor&space;(h-k_h&plus;s_h)/s_h&space;\rfloor"

# (question, answer, verdict, the note said, or the refusal's id; None: any)
ROWS = [
    # an image: its alt text (CommonMark's description), the address agreeing
    ("output-height", f"![{FLOOR}](https://latex.codecogs.com/svg.image?{FLOOR_CODECOGS})", R, ALT),
    (
        "output-height",
        f"输出高度为 ![{FLOOR}](https://latex.codecogs.com/svg.image?{FLOOR_CODECOGS})",
        R,
        ALT,
    ),
    # ... a wrong formula in the alt text of an image that is no equation's
    ("output-height", r"![\lfloor (h-k_h+s_h)/s_h \rfloor](figures/eq3.png)", W, ALT),
    ("output-height", r"输出高度：![\lfloor (h-k_h+s_h)/s_h \rfloor](eq.png)", W, ALT),
    # ... an alt text and an address that say two formulas: neither is graded
    guard(
        "output-height", f"![{FLOOR}](https://latex.codecogs.com/svg.image?{FLOOR_NO_PAD})", N, None
    ),
    guard(
        "output-height",
        f"![{FLOOR_NO_PAD}](https://latex.codecogs.com/svg.image?{FLOOR_CODECOGS})",
        N,
        None,
    ),
    # the address's TeX where the alt text is a caption or empty: Zhihu (form-encoded)
    (
        "forward-mults",
        "乘法次数为 ![公式](https://www.zhihu.com/equation?tex=c_o+c_i+k_h+k_w+m_h+m_w)",
        R,
        TEX,
    ),
    (
        "forward-mults",
        "乘法次数为 ![公式](https://www.zhihu.com/equation?tex=c_i+k_h+k_w+m_h+m_w)",
        W,
        TEX,
    ),
    # ... CodeCogs percent-encoded, a resolution option before the TeX
    (
        "output-height",
        "The output height is ![formula](https://latex.codecogs.com/png.latex?%5Cdpi%7B120%7D"
        "%5Clfloor%20%28h-k_h%2Bp_h%2Bs_h%29%2Fs_h%20%5Crfloor)",
        R,
        TEX,
    ),
    (
        "output-height",
        "![](https://latex.codecogs.com/png.latex?%5Clfloor%20%28h-k_h%29%2Fs_h%20%5Crfloor%2B1)",
        W,
        TEX,
    ),
    # ... Google Charts and CSDN
    (
        "forward-mults",
        "![](https://chart.googleapis.com/chart?cht=tx&chl=c_o%20c_i%20k_h%20k_w%20m_h%20m_w)",
        R,
        TEX,
    ),
    (
        "forward-mults",
        "![](https://latex.csdn.net/eq?c_o%20c_i%20k_h%20k_w%20m_h%20m_w%20%2B%201)",
        W,
        TEX,
    ),
    # ... upmath.me (the TeX its path) and math.now.sh (?from=, ?inline=)
    ("bias-size", "![](https://i.upmath.me/svg/c_o)", R, TEX),
    ("bias-size", "偏置数：![](https://i.upmath.me/svg/c_i)", W, TEX),
    ("bias-size", "![](https://math.now.sh?from=c_o)", R, TEX),
    ("bias-size", "偏置数：![公式](https://math.now.sh?inline=c_i)", W, TEX),
    # ... a port or capitals in the host: the same service
    ("bias-size", "![](https://LaTeX.codecogs.com:443/svg.image?c_o)", R, TEX),
    ("bias-size", "![](https://latex.codecogs.com:443/svg.image?c_i)", W, TEX),
    # an address that draws another formula than its alt (s17rev F17: main read the alt),
    # or two (F9: main read the first): never graded
    ("bias-size", "![c_o](https://i.upmath.me/svg/c_i)", N, None),
    ("bias-size", "![c_o](https://math.now.sh?from=c_i)", N, None),
    ("bias-size", "![c_o](https://latex.codecogs.com:443/svg.image?c_i)", N, None),
    ("bias-size", "![c_o](https://render.githubusercontent.com:443/render/math?math=c_i)", N, None),
    ("bias-size", "偏置数：![c_o](https://eq.example.cn/svg/c_i)", N, None),  # a service unknown
    ("bias-size", "![c_o](https://eq.example.com/render?tex=c%5Fi)", N, None),
    ("bias-size", "![](https://www.zhihu.com/equation?tex=c_o&tex=c_i)", N, None),
    (
        "bias-size",
        "偏置数：![](https://chart.googleapis.com/chart?cht=tx&chl=c_o&chl=c_i)",
        N,
        None,
    ),
    guard("bias-size", "![](https://math.now.sh?from=c_o&inline=c_i)", N, None),
    guard("bias-size", "![](https://www.zhihu.com/equation?tex=c_o&consumer=zhihu)", R, TEX),
    guard("bias-size", "![c_o](figures/conv_layer.png)", R, ALT),
    # HTML's <img>: its alt attribute, its entities read; a repeated attribute: the first,
    # as a browser keeps it (main kept the last)
    (
        "bias-size",
        '<img alt="c_i" src="https://latex.codecogs.com/svg.image?c_i"'
        ' src="https://latex.codecogs.com/svg.image?c_o">',
        W,
        ALT,
    ),
    (
        "bias-size",
        '<img alt="c_o" src="https://latex.codecogs.com/svg.image?c_i"'
        ' src="https://latex.codecogs.com/svg.image?c_o">',
        N,
        None,
    ),
    ("bias-size", '<img src="https://latex.csdn.net/eq?c_o" alt="c_o">', R, ALT),
    ("bias-size", '偏置的个数：<img alt="c_i" src="bias.png">', W, ALT),
    (
        "forward-mults",
        '<img alt="c_o &times; c_i &times; k_h &times; k_w &times; m_h &times; m_w" src="m.png">',
        R,
        ALT,
    ),
    # CommonMark's backslash escape in the alt text (``\_`` is ``_``)
    ("bias-size", r"![c\_o](b.png)", R, ALT),
    ("bias-size", r"![c\_i](b.png)", W, ALT),
    # an image that shows no formula: not read
    guard("bias-size", "![diagram](conv.png)", N, None),
    # a link's text; Obsidian's highlight around a label
    ("bias-size", "[c_o](https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html)", R, LINK),
    ("bias-size", "偏置：[c_i](https://zh.d2l.ai/)", W, LINK),
    ("output-height", r"==输出高度==：$\lfloor (h-k_h+p_h)/s_h \rfloor + 1$", R, LINK),
    ("output-height", r"==Output height==: $\lfloor (h-k_h)/s_h \rfloor + 1$", W, LINK),
    # a code span whose content opens with "about" (``~``), under a bold label or alone,
    # and "about" after a label's colon: read as it opens an answer
    (
        "forward-mults",
        "**MACs of a conv layer:**\n    *   `~ c_o * c_i * k_h * k_w * m_h * m_w`",
        R,
        OPENING,
    ),
    ("forward-mults", "`~ c_i * k_h * k_w * m_h * m_w`", W, OPENING),
    guard("forward-mults", "乘法次数：~ c_o c_i k_h k_w m_h m_w", R, OPENING),
    ("forward-mults", "MACs: ≈ c_i k_h k_w m_h m_w", W, OPENING),
    # CommonMark's strong emphasis inside a Chinese sentence (``**`` opening and closing
    # inside a word): the words kept, the marks away
    ("forward-mults", "所以**总的乘法计算量**为c_o c_i k_h k_w m_h m_w", R, EMPHASIS),
    ("forward-mults", "所以**总的乘法计算量**为c_i k_h k_w m_h m_w", W, EMPHASIS),
]
RIGHT = (R, C)


def _said(result, *, question, answer, verdict, note):
    if verdict == N:
        assert result.error, answer
        return
    said = [n["id"] for n in (result.parsed or {}).get("notes", [])]
    assert note in said, (answer, said)


TABLE = Table("question, answer, verdict, note", ROWS, symbolic=False)
test_each_markdown_answer_is_read = TABLE.check_test(also=_said)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_each_reading_has_right_and_wrong_answers_in_both_languages():
    for note in (ALT, TEX, LINK, OPENING, EMPHASIS):
        verdicts = {row[2] for row in ROWS if row[3] == note}
        assert verdicts & set(RIGHT) and W in verdicts, note
    assert sum(any("\u4e00" <= c <= "\u9fff" for c in row[1]) for row in ROWS) >= 5


def test_an_image_read_twice_over_agrees_with_its_text():
    """The same answer written as the formula itself and as its image: one verdict."""
    for question, answer, verdict, note in ROWS:
        if note not in (ALT, TEX):
            continue
        rewritten = pasted(answer)
        assert rewritten is not None, answer
        assert check(question, rewritten[0], symbolic=False).verdict == verdict, answer


@pytest.mark.parametrize(
    "source",
    [
        "https://latex.codecogs.com/",  # no query
        "https://www.zhihu.com/equation?consumer=zhihu",  # no tex field
        "figures/c_o.svg",
    ],
)
def test_an_address_that_draws_no_known_equation_holds_no_tex(source):
    assert image_tex(source) is None


@pytest.mark.parametrize(
    "source",
    [
        "https://example.com/eq.png?c_o",  # another host, a query looking like TeX
        "https://eq.example.com/svg/%5Cfrac%7Bc_o%7D%7B2%7D",  # ... a path
        "https://www.zhihu.com/equation?tex=c_o&tex=c_o",  # a field given twice
    ],
)
def test_an_address_whose_tex_cannot_be_told_is_not_read_by_its_alt(source):
    """s17rev F9/F17: main read the alt text (or the first field) of these."""
    assert pasted(f"![c_o]({source})") is None


# --- against a real CommonMark parser --------------------------------------------------


def _markdown_it():
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        MarkdownIt = None
    require_tool(MarkdownIt is not None, "markdown-it-py (pip install markdown-it-py)")
    return MarkdownIt("commonmark")


def _parsed_parts(parser, answer: str) -> list[tuple[str, str]]:
    """Each image (its description and source) and link (``"link"`` and its text) in the
    inline tokens markdown-it parses ``answer`` into: a description as its children's
    text (markdown-it's HTML renderer leaves an escape's token out of ``alt``)."""
    parts: list[tuple[str, str]] = []
    for block in parser.parse(answer):
        tokens = block.children or []
        for index, token in enumerate(tokens):
            if token.type == "image":
                described = "".join(child.content for child in token.children or [])
                parts.append((described, str(token.attrs["src"])))
            elif token.type == "link_open":
                inside = itertools.takewhile(lambda t: t.type != "link_close", tokens[index + 1 :])
                parts.append(("link", "".join(t.content for t in inside)))
    return parts


@pytest.mark.parametrize(
    "answer", [row[1] for row in ROWS if row[2] != N and ("![" in row[1] or "](" in row[1])]
)
def test_the_alt_text_and_link_text_read_are_commonmarks(answer):
    """markdown-it-py (CommonMark) renders each Markdown row: the reader's rewrite holds
    each image's alt text (or, for an empty or caption alt, the address's TeX) and each
    link's text that the rendered HTML holds, and nothing of the Markdown around them."""
    parser = _markdown_it()
    parts = _parsed_parts(parser, answer)
    assert parts, answer
    rewritten = pasted(answer)
    assert rewritten is not None, answer
    for first, second in parts:
        if first == "link":
            assert second in rewritten[0], (answer, second)
            continue
        tex = image_tex(second)
        shown = (
            tex if tex is not None and (not first or not re.search(r"[_\\^()]", first)) else first
        )
        assert " ".join(shown.split()) in " ".join(rewritten[0].split()), (answer, shown)
    assert "](" not in rewritten[0] and "![" not in rewritten[0]


@pytest.mark.parametrize("answer", ["out = shape[0](x) + 1", "h==1 and w==2", "a < b", "k_h + k_w"])
def test_code_and_formulas_are_no_markdown(answer):
    """An index called after a name, code's comparisons, a less-than sign: no link, no
    highlight, no autolink."""
    assert pasted(answer) is None
