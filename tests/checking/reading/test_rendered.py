"""Issue 21 (session 17): a formula copied from a page KaTeX rendered, its MathML text
(and sometimes its TeX) and its HTML text run together, read once
(:mod:`derivations.checking.reading.rendered`); a zero-width space between two letters
is a break, never a join (``k\\u200bh`` is not k_h); Unicode's invisible times and plus
are the operators they stand for.

Two kinds of test: a table of copies of our own in the forms browsers give (laid out
inline, as H16-test's receptive field was pasted; with the TeX between; after a lead-in
in en and zh), right ones and wrong twins, through ``check`` and ``grade``; and the real
thing: formulas rendered by the project's pinned KaTeX in Debian's chromium (no
network), their text taken as a reader copies it (the selection's text and
``innerText``), each read as its TeX is, or refused as a copy whose stacks cannot be
placed, never judged otherwise."""

from pathlib import Path

import pytest

from derivations.checking import check
from tests.checking.rows import Table, guard
from tests.conftest import require_tool

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
COPY, UNPLACED = "reading.note.rendered_copy", "reading.rendered_unplaced"
DISAGREE, BREAK = "reading.rendered_disagree", "reading.invisible_break"
Z = "\u200b"  # KaTeX's zero-width space closing a stack of rows

# (question, answer, verdict, the note said or the refusal's id; None: neither)
ROWS = [
    # laid out inline: MathML's text, then the HTML's, a zero-width space after each subscript
    ("forward-mults", f"cocikhkwmhmwco{Z}ci{Z}kh{Z}kw{Z}mh{Z}mw{Z}", R, COPY),
    ("forward-mults", f"cikhkwmhmwci{Z}kh{Z}kw{Z}mh{Z}mw{Z}", W, COPY),
    ("forward-mults", f"co×ci×kh×kw×mh×mwco{Z}×ci{Z}×kh{Z}×kw{Z}×mh{Z}×mw{Z}", R, COPY),
    ("compose-size", f"k1+k2−1k1{Z}+k2{Z}−1", R, COPY),
    ("compose-size", f"k1+k2k1{Z}+k2{Z}", W, COPY),
    # ... after a lead-in, in zh and en
    ("forward-mults", f"乘法次数为 cocikhkwmhmwco{Z}ci{Z}kh{Z}kw{Z}mh{Z}mw{Z}", R, COPY),
    ("forward-mults", f"乘法次数为cikhkwmhmwci{Z}kh{Z}kw{Z}mh{Z}mw{Z}", W, COPY),
    ("bias-size", f"The number of biases is coco{Z}", R, COPY),
    ("bias-size", f"偏置数：cici{Z}", W, COPY),
    # the TeX between (an element's whole text: MathML, annotation, HTML): the TeX, once
    (
        "forward-mults",
        f"cocikhkwmhmwc_o c_i k_h k_w m_h m_wco{Z}ci{Z}kh{Z}kw{Z}mh{Z}mw{Z}",
        R,
        COPY,
    ),
    ("forward-mults", f"cikhkwmhmwc_i k_h k_w m_h m_wci{Z}kh{Z}kw{Z}mh{Z}mw{Z}", W, COPY),
    # ... only where what is seen agrees with it (s17rev F5): the TeX c_o between two
    # halves that show c_i, or 900 letters, is neither (main read c_o)
    ("bias-size", f"cic_oci{Z}", N, DISAGREE),
    ("bias-size", f"偏置数：cic_oci{Z}", N, DISAGREE),
    ("bias-size", "co" * 450 + "c_o" + "co" * 450 + Z, N, DISAGREE),
    guard("bias-size", f"coc_oco{Z}", R, COPY),
    guard("bias-size", f"偏置数：cic_ici{Z}", W, COPY),
    # where a subscript begins is lost (RF_L: R or RF the base; limits): refused
    guard(
        "compose-size",
        f"RFL=RFL−1+(KL−1)×∏i=1L−1SiRFL{Z}=RFL−1{Z}+(KL{Z}−1)×i=1∏L−1{Z}Si{Z}",
        N,
        None,
    ),
    ("output-height", f"⌊h−kh+phsh⌋+1⌊sh{Z}h−kh{Z}+ph{Z}{Z}⌋+1", N, UNPLACED),
    # a zero-width space inside a name is a break (k and h), never k_h
    ("forward-mults", f"c_o c_i k{Z}h k_w m_h m_w", W, None),
    guard("forward-mults", f"c_o{Z} c_i k_h k_w m_h m_w", R, None),
    ("forward-mults", f"输出通道数 c_o c_i k{Z}h k_w m_h m_w", W, None),
    # ... but next to a digit what is seen is one number or name (s17rev F6: main read
    # "1\u200b1" as 1×1, "2\u200b2" as 2×2): refused, naming it
    ("output-height", f"(h - k_h + p_h)/s_h + 1{Z}1", N, BREAK),
    ("output-height", f"输出高度：(h - k_h + p_h)/s_h + 1{Z}1", N, BREAK),
    ("double-channels", f"2{Z}2", N, BREAK),
    ("double-channels", f"4{Z}1", N, BREAK),
    ("double-channels", f"1{Z}4", N, BREAK),
    ("forward-mults", f"c_o c_i k_h k_w m_h m_w{Z}1", N, BREAK),
    ("compose-size", f"k_1 + k_2 - 1{Z}0", N, BREAK),
    guard("double-channels", f"{Z}4", C, None),
    guard("double-channels", f"4{Z}", C, None),
    # Unicode's invisible times (MathML's ⁢ between tokens) is a product
    guard("forward-mults", "c_o\u2062c_i\u2062k_h\u2062k_w\u2062m_h\u2062m_w", R, None),
    guard("forward-mults", "c_i\u2062k_h\u2062k_w\u2062m_h\u2062m_w", W, None),
]


def _said(result, *, question, answer, verdict, note):
    if note is None:
        return
    if verdict == N:
        assert result.error and note in result.error.get("id", note), (answer, result.error)
        return
    said = [n["id"] for n in (result.parsed or {}).get("notes", [])]
    assert note in said, (answer, said)


TABLE = Table("question, answer, verdict, note", ROWS, symbolic=False)
test_each_copy_is_read_once = TABLE.check_test(also=_said)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_the_copies_have_right_and_wrong_answers_in_both_languages():
    verdicts = {row[2] for row in ROWS if row[3] == COPY}
    assert {R, W} <= verdicts
    assert (
        sum(any("\u4e00" <= c <= "\u9fff" for c in row[1]) for row in ROWS if row[3] == COPY) >= 2
    )


# --- the real thing: KaTeX in chromium ---------------------------------------------------

KATEX = Path(__file__).resolve().parents[3] / "node_modules" / "katex" / "dist"
# (question, TeX, read: the copy is read as the TeX is; refused: it is refused as a copy
# whose stacks cannot be placed (a fraction, a superscript, limits))
RENDERED = [
    ("forward-mults", r"c_o c_i k_h k_w m_h m_w", "read"),
    ("forward-mults", r"c_o \times c_i \times k_h \times k_w \times m_h \times m_w", "read"),
    ("forward-mults", r"c_o \cdot c_i \cdot k_h \cdot k_w \cdot m_h \cdot m_w", "read"),
    ("forward-mults", r"c_i k_h k_w m_h m_w", "read"),  # wrong: read, and judged so
    ("forward-adds", r"c_o m_h m_w (c_i k_h k_w - 1)", "read"),
    ("output-height", r"\lfloor (h - k_h + p_h + s_h) / s_h \rfloor", "read"),
    ("output-height", r"\lfloor (h - k_h + s_h) / s_h \rfloor", "read"),  # wrong
    ("bias-size", r"c_o", "read"),
    ("bias-size", r"c_i", "read"),  # wrong
    ("compose-size", r"k_1 + k_2 - 1", "read"),
    ("compose-size", r"k_1 + k_2", "read"),  # wrong
    ("output-height", r"\left\lfloor \frac{h - k_h + p_h}{s_h} \right\rfloor + 1", "refused"),
    ("forward-mults", r"k_h^2 c_i c_o m_h m_w", "refused"),
    ("forward-mults", r"k^2 c_i c_o m_h m_w", "refused"),
]
COPIED = """([tex, display]) => {
  const e = document.createElement('p');
  document.body.replaceChildren(e);
  katex.render(tex, e, {displayMode: display});
  const range = document.createRange();
  range.selectNodeContents(e);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return [selection.toString(), e.innerText];
}"""


@pytest.fixture(scope="module")
def katex_page():
    """A chromium page with the pinned KaTeX loaded from node_modules (no network)."""
    from tests.docs.test_browser import ARGS, CHROMIUM, _available

    require_tool(_available(), f"chromium ({CHROMIUM}) and the playwright package")
    require_tool((KATEX / "katex.min.js").is_file(), "katex (npm install: package.json)")
    from playwright.sync_api import sync_playwright

    script = (KATEX / "katex.min.js").read_text(encoding="utf-8")
    style = (KATEX / "katex.min.css").read_text(encoding="utf-8")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # nothing leaves the page
        page.set_content(
            f"<!DOCTYPE html><html><head><style>{style}</style></head>"
            f"<body><script>{script}</script></body></html>"
        )
        yield page
        browser.close()


@pytest.mark.parametrize("display", [False, True], ids=["inline", "display"])
@pytest.mark.parametrize("question, tex, expected", RENDERED)
def test_a_katex_copy_reads_as_its_tex(katex_page, question, tex, expected, display):
    """What chromium copies of the formula KaTeX rendered (the selection's text, and
    ``innerText``): read, with the TeX's own verdict, or refused as a copy whose stacks
    cannot be placed; never another verdict."""
    by_tex = check(question, tex, symbolic=False)
    assert by_tex.verdict != N, tex
    for copied in katex_page.evaluate(COPIED, [tex, display]):
        result = check(question, copied, symbolic=False)
        if expected == "read":
            assert result.verdict == by_tex.verdict, (tex, copied, result.error)
            said = [n["id"] for n in (result.parsed or {}).get("notes", [])]
            assert COPY in said, (tex, said)
        else:
            assert result.verdict == N, (tex, copied, result.verdict)
            assert result.error["id"] == UNPLACED, (tex, copied, result.error)
