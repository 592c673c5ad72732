"""The web pages in a real browser (Debian's chromium, driven by playwright): at a phone's
and a desktop's width the page does not overflow sideways, no table scrolls sideways
(those marked ``cards_on_phone`` show one card per row on a phone, and need to), no math
failed to render (no ``merror``), every image loaded and every display formula fits its box."""

import importlib.util
import shutil
import unicodedata
from pathlib import Path

import pytest

from derivations.commands import docs
from tests.conftest import require_tool

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = (390, 1280)

# what the page looks like to a reader, measured in the page
PROBE = """() => {
  const root = document.documentElement;
  const images = [...document.images];
  const displays = [...document.querySelectorAll('.display')];
  return {
    overflow: root.scrollWidth - root.clientWidth,
    merror: document.getElementsByTagName('merror').length,
    math: document.getElementsByTagName('math').length,
    unrendered: [...document.getElementsByTagName('math')]
                  .filter(m => m.checkVisibility() && m.getBoundingClientRect().width === 0).length,
    images: images.length,
    broken: images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt),
    displays_too_wide: displays.filter(d => d.getBoundingClientRect().right
                                            > root.clientWidth + 0.5).length,
    displays_scrolling: displays.filter(d => d.scrollWidth > d.clientWidth
                                             && !d.classList.contains('whole'))
                          .map(d => d.textContent.slice(0, 30)),
    tables_scrolling: [...document.querySelectorAll('.table-wrap')]
                        .filter(w => w.scrollWidth > w.clientWidth)
                        .map(w => w.querySelector('th').textContent.slice(0, 30)),
  };
}"""

# each table shown as cards on a phone, laid out side by side instead: does it fit?
CARDS_SIDE_BY_SIDE = """() => [...document.querySelectorAll('table.cards')].map(table => {
  table.classList.remove('cards');
  const wrap = table.closest('.table-wrap');
  const over = wrap.scrollWidth - wrap.clientWidth;
  table.classList.add('cards');
  return {head: table.querySelector('th').textContent.slice(0, 30), over};
})"""


# every text of every figure as the page shows it: the drawing the <picture> chose
# (currentSrc), parsed and laid out at the width the image has on the page, each text
# group's font size in CSS px read off its glyphs' screen transform (matplotlib draws a
# glyph in units of 1/100 of its font size: 100 x the transform's scale is the size)
FIGURE_TEXT = """async () => {
  const out = [];
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
  document.body.appendChild(host);
  for (const img of document.querySelectorAll('figure img')) {
    const src = img.currentSrc;
    const xml = atob(src.slice(src.indexOf(',') + 1));
    const bytes = Uint8Array.from(xml, c => c.charCodeAt(0));
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes),
                                                'image/svg+xml');
    const svg = document.importNode(doc.documentElement, true);
    const shown = img.getBoundingClientRect();
    svg.setAttribute('width', shown.width);
    svg.setAttribute('height', shown.height);
    host.replaceChildren(svg);
    const narrow = src !== img.getAttribute('src');
    for (const group of svg.querySelectorAll('g[id^="text_"]')) {
      const label = [...group.childNodes].find(n => n.nodeType === 8);
      let size = 0;
      for (const use of group.querySelectorAll('use')) {
        const m = use.getScreenCTM();
        size = Math.max(size, 100 * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)));
      }
      out.push({figure: img.closest('figure').id, narrow, size,
                label: label ? label.textContent.trim() : group.id});
    }
  }
  host.remove();
  return out;
}"""


# where a line of text breaks badly, in every leaf text block (a paragraph, list item,
# table cell, caption, heading or display): inside a word (two letters or digits of the
# text on two lines, with no space between) or right after an opening bracket (a line
# that ends with "(" and the like). Each <math> is one unit (its text, its box): a line
# may break between two <math> (at a <wbr>) or between a <math> and text, never inside.
LINE_BREAKS = """() => {
  const out = [];
  const range = document.createRange();
  const leaves = [...document.querySelectorAll('p, li, td, th, figcaption, h1, h2, h3, .display')]
    .filter(b => !b.querySelector('p, li, td, th, .display') && b.checkVisibility());
  for (const block of leaves) {
    const units = [];
    const walk = node => {
      if (node.nodeType === 3) {
        const s = node.textContent;
        for (let i = 0; i < s.length; i++) {
          if (/\\s/.test(s[i])) { units.push(null); continue; }
          range.setStart(node, i); range.setEnd(node, i + 1);
          const r = range.getClientRects()[0];
          if (r) units.push({text: s[i], math: false, r});
        }
      } else if (node.nodeType === 1 && node.checkVisibility()) {
        if (node.localName === 'math') {
          const r = node.getBoundingClientRect();
          if (r.width) units.push({text: node.textContent.trim(), math: true, r});
        } else node.childNodes.forEach(walk);
      }
    };
    walk(block);
    let prev = null, space = false;
    for (const unit of units) {
      if (unit === null) { space = true; continue; }
      // a new line: this unit starts left of the previous one, and lower
      if (prev && unit.r.left < prev.r.left - 4 && unit.r.top >= prev.r.top + 4
          && (unit.r.top + unit.r.bottom) > (prev.r.top + prev.r.bottom) + 8) {
        const at = prev.text.slice(-12) + ' | ' + unit.text.slice(0, 12);
        if (!space && !prev.math && !unit.math && /[A-Za-z0-9]$/.test(prev.text)
            && /^[A-Za-z0-9]/.test(unit.text))
          out.push('inside a word: ' + at);
        if (/[(\\[（「『]$/.test(prev.text)) out.push('after an opening bracket: ' + at);
      }
      prev = unit; space = false;
    }
  }
  return out;
}"""


def _available() -> bool:
    return (
        Path(CHROMIUM).is_file() or shutil.which("chromium") is not None
    ) and importlib.util.find_spec("playwright") is not None


@pytest.fixture(scope="module")
def browser():
    require_tool(
        _available(),
        f"chromium ({CHROMIUM}, Debian: apt-get install chromium) and "
        "the playwright package (pip install playwright)",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The rendered web pages, written with their figures as ``docs`` writes them."""
    out = tmp_path_factory.mktemp("site")
    for name, content in docs.render_documents().items():
        if name.endswith(".html"):
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(content, encoding="utf-8")
    return out


def _evaluate(browser, url: str, script: str, width: int):
    """What ``script`` returns in the page at ``url``, loaded at ``width`` CSS px."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(url, wait_until="load")
        return page.evaluate(script)
    finally:
        page.close()


def _page(pages: Path, lang: str) -> str:
    """The address of ``lang``'s web page among ``pages``."""
    return (pages / lang / "index.html").as_uri()


@pytest.fixture(scope="module")
def figure_blocks():
    """How many Figure blocks each language's page shows (all exercises are on both)."""
    exercises, _, _ = docs._built(recheck=False, jobs=1)
    return sum(
        getattr(block, "type", None) == "figure"
        for exercise in exercises
        for block in exercise.blocks
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", docs.LANGS)
def test_page_fits_renders_math_and_loads_images(browser, pages, figure_blocks, lang, width):
    seen = _evaluate(browser, _page(pages, lang), PROBE, width)
    assert seen["overflow"] <= 0, seen
    assert seen["merror"] == 0, seen
    assert seen["math"] > 100 and seen["unrendered"] == 0, seen
    assert seen["images"] == figure_blocks and not seen["broken"], seen
    assert seen["displays_too_wide"] == 0, seen
    assert seen["tables_scrolling"] == [], seen  # every table fits: no sideways scrolling
    # a long display formula wraps rather than being cut off (an aligned's wide rows: on a
    # phone one line each)
    assert seen["displays_scrolling"] == [], seen


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", docs.LANGS)
def test_every_figure_text_is_at_least_11_px(browser, pages, figure_blocks, lang, width):
    """At a phone's width the page shows each figure's narrow drawing, at a desktop's
    the wide one; either way every text of every figure is at least 11 CSS px."""
    texts = _evaluate(browser, _page(pages, lang), FIGURE_TEXT, width)
    assert len({t["figure"] for t in texts}) == figure_blocks
    assert all(t["narrow"] == (width < 600) for t in texts)
    small = [(t["figure"], t["label"][:40], round(t["size"], 1)) for t in texts if t["size"] < 11]
    assert len(texts) > 100 and not small, small[:10]


def test_figure_text_probe_measures_font_size(browser, tmp_path):
    """The measurement can fail: a 10 pt figure text shown at a third of its size is
    about 4.4 px."""
    from derivations.figures.style import fixed_style, new_figure, save
    from derivations.webpage import _image

    with fixed_style():
        figure, ax = new_figure(6.0, 2.0)
        ax.set_title("small", fontsize=10)
        svg = save(figure, "svg")
    page = tmp_path / "small.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">'
        f'</head><body><figure id="f"><img style="width:192px" src="{_image(svg)}" alt="t">'
        "</figure></body></html>",
        encoding="utf-8",
    )
    texts = _evaluate(browser, page.as_uri(), FIGURE_TEXT, 390)
    title = [t for t in texts if t["label"] == "small"]
    assert len(title) == 1 and abs(title[0]["size"] - 10 * 4 / 3 / 3) < 0.2, texts


def test_probe_sees_overflow_math_errors_and_broken_images(browser, tmp_path):
    """The measurements can fail: a page with each fault is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">'
        '</head><body><div style="width:2000px">wide</div>'
        "<math><merror><mtext>bad</mtext></merror></math>"
        '<img alt="missing" src="no-such-file.svg"></body></html>',
        encoding="utf-8",
    )
    seen = _evaluate(browser, bad.as_uri(), PROBE, 390)
    assert seen["overflow"] > 0 and seen["merror"] == 1 and seen["broken"] == ["missing"]


def test_tables_shown_as_cards_on_a_phone_would_not_fit_side_by_side(browser, pages):
    """A table marked ``cards_on_phone`` is one that, side by side, scrolls sideways at
    390 px in at least one language (the mark is needed); the others fit (above)."""
    seen = {}
    for lang in docs.LANGS:
        seen[lang] = _evaluate(browser, _page(pages, lang), CARDS_SIDE_BY_SIDE, 390)
    assert len(seen["en"]) == len(seen["zh"]) >= 5
    needless = [
        (en["head"], zh["head"])
        for en, zh in zip(seen["en"], seen["zh"])
        if max(en["over"], zh["over"]) <= 0
    ]
    assert needless == [], seen


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", docs.LANGS)
def test_no_line_breaks_inside_a_word_or_after_an_opening_bracket(browser, pages, lang, width):
    """No word of the page's text is split over two lines ("torchvision" in a narrow
    table cell), and no line ends with an opening bracket (a "(" before inline math)."""
    assert _evaluate(browser, _page(pages, lang), LINE_BREAKS, width) == []


def test_line_break_probe_sees_split_words_and_dangling_brackets(browser, tmp_path):
    """The probe can fail: a word split by ``overflow-wrap: anywhere`` in a narrow cell,
    and a "(" left at a line's end before math, are both reported."""
    from derivations import mathml

    bad = tmp_path / "breaks.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">'
        '</head><body style="font: 16px sans-serif">'
        '<table><tr><td style="width:3em"><code style="overflow-wrap:anywhere">'
        "torchvision</code></td></tr></table>"
        f'<p style="width:11ch">aaaa bbbb ({mathml.inline("c_i c_o k_h k_w m_h m_w")})</p>'
        "</body></html>",
        encoding="utf-8",
    )
    found = _evaluate(browser, bad.as_uri(), LINE_BREAKS, 390)
    assert any(f.startswith("inside a word: ") for f in found), found
    assert any(f.startswith("after an opening bracket: (") for f in found), found


# each phone card's title as a reader sees it (hidden labels left out)
CARD_TITLES = """() => [...document.querySelectorAll('table.cards tbody tr')]
  .map(row => row.querySelector('td').innerText.trim())"""


@pytest.mark.parametrize("lang", docs.LANGS)
def test_no_phone_card_is_titled_by_a_bare_number(browser, pages, lang):
    """On a phone a table marked ``cards_on_phone`` loses its header row: a card whose
    title is a number says what it counts ("b = 4", not "4")."""
    titles = _evaluate(browser, _page(pages, lang), CARD_TITLES, 390)
    # MathML's text comes one token a line, its letters as mathematical italics: NFKC
    titles = [unicodedata.normalize("NFKC", "".join(t.split())) for t in titles]
    assert len(titles) > 20, titles
    bare = [t for t in titles if t.replace(",", "").replace(".", "").isdigit()]
    assert bare == [], titles
    assert "b=4" in titles, titles


# each display that is one formula never cut (``math(..., whole=True)``): its <math>
# elements, and whether they all sit on one line
WHOLE_DISPLAYS = """() => [...document.querySelectorAll('.display')]
  .filter(d => d.classList.contains('whole') || d.textContent.includes('nnz'))
  .map(d => {
    const maths = [...d.querySelectorAll('math')].filter(m => m.checkVisibility());
    const tops = maths.map(m => Math.round(m.getBoundingClientRect().top));
    return {whole: d.classList.contains('whole'), maths: maths.length,
            lines: new Set(tops).size, text: d.textContent.slice(0, 30),
            scrolls: d.scrollWidth > d.clientWidth};
  })"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", docs.LANGS)
def test_the_toeplitz_display_is_one_formula_never_split(browser, pages, lang, width):
    """Exercise 5's Toeplitz display (the matrix's shape and its density) is one
    formula on one line at a phone's and a desktop's width: a ``whole`` display,
    which scrolls inside its own box rather than being cut."""
    seen = _evaluate(browser, _page(pages, lang), WHOLE_DISPLAYS, width)
    assert len(seen) == 1 and seen[0]["whole"], seen
    assert seen[0]["maths"] == 1 and seen[0]["lines"] == 1, seen


# every cell that prints a word outside its math (a letter, code or a Chinese character)
# and is not its row's first: its text, and how the page aligns it
WORDED_CELLS = """() => [...document.querySelectorAll('td:not(:first-child)')]
  .map(td => {
    const plain = td.cloneNode(true);
    plain.querySelectorAll('math, .label, .title-label').forEach(m => m.remove());
    return {text: plain.textContent.trim().slice(0, 40),
            align: getComputedStyle(td).textAlign};
  })
  .filter(cell => /[A-Za-z\\u4e00-\\u9fff]/.test(cell.text))"""


@pytest.mark.parametrize("lang", docs.LANGS)
def test_a_column_of_words_is_left_aligned(browser, pages, lang):
    """At a desktop's width a cell of words (a layer name, a code name, a sentence) is
    left-aligned, not right-aligned like the numbers: the heaviest-layer table's three
    columns once wrapped flush right."""
    cells = _evaluate(browser, _page(pages, lang), WORDED_CELLS, 1280)
    assert len(cells) > 20, cells
    assert [c for c in cells if c["align"] not in ("left", "start")] == []


# the gap between an operator name (vec, cols, max) and the bracket right after it
OPERATOR_GAPS = """() => [...document.querySelectorAll('mo')]
  .filter(mo => /^([A-Za-z]{2,}|[(])$/.test(mo.textContent) && mo.checkVisibility())
  .map(mo => {
    let next = mo.nextElementSibling;
    while (next && next.localName === 'mrow') next = next.firstElementChild;
    const opening = mo.textContent === '(';  // then: the gap before a \\partial after it
    if (!next || next.localName !== 'mo' || next.textContent !== (opening ? '∂' : '('))
      return null;
    const gap = next.getBoundingClientRect().left - mo.getBoundingClientRect().right;
    return {name: mo.textContent, gap};
  })
  .filter(seen => seen !== null)"""


@pytest.mark.parametrize("lang", docs.LANGS)
def test_an_operator_name_touches_its_bracket(browser, pages, lang):
    """vec(X), cols(X), max(a, b), vec(∂X) as TeX sets them: no space between the name
    and its bracket, nor between a bracket and a ∂ (a browser spaced latex2mathml's bare
    <mo>vec</mo> like an unknown operator: "vec (X)", and its ∂ likewise: "( ∂X)")."""
    seen = _evaluate(browser, _page(pages, lang), OPERATOR_GAPS, 1280)
    names = {s["name"] for s in seen}
    assert {"vec", "cols", "max", "("} <= names, names
    wide = [s for s in seen if s["gap"] > 1.0]
    assert wide == [], wide[:5]


# each row of the answer key: its label's and its text's boxes, and the table's width
ANSWER_KEY = """() => {
  const table = document.querySelector('table.key');
  const wrap = table.closest('.table-wrap').getBoundingClientRect().width;
  return [...table.querySelectorAll('tbody tr')].map(tr => {
    const range = document.createRange();
    range.selectNodeContents(tr.children[0]);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    return {label: tr.children[0].textContent, wrap, label_lines: tops.size,
            text: tr.children[1].getBoundingClientRect().width};
  });
}"""


@pytest.mark.parametrize("lang", docs.LANGS)
def test_the_answer_keys_text_has_a_phones_width(browser, pages, lang):
    """Issue 25: at 390 px the answer key's label column ("Answer 3, channels", unbroken)
    took two fifths of the width and squeezed every answer into a narrow column; on a
    phone each label stands on one line above its answer, which has the table's width."""
    rows = _evaluate(browser, _page(pages, lang), ANSWER_KEY, 390)
    assert len(rows) > 10
    for row in rows:
        assert row["text"] >= 0.9 * row["wrap"], row
        assert row["label_lines"] == 1, row


# each line of a wide aligned display as a phone shows it (rows-narrow): its first piece
# ("A =") and whether the piece after it starts on the same line
ROW_LINES = """() => [...document.querySelectorAll('.display .rows-narrow .wrap')]
  .filter(line => line.checkVisibility())
  .map(line => {
    const [first, next] = [...line.querySelectorAll('math')].map(m => m.getBoundingClientRect());
    return {lhs: line.querySelector('math').textContent, pieces: line.querySelectorAll('math').length,
            alone: next !== undefined && next.top >= first.bottom - 1};
  })"""


@pytest.mark.parametrize("lang", docs.LANGS)
def test_no_wide_rows_left_hand_side_stands_alone_on_a_phone(browser, pages, lang):
    """s9final (cosmetic 3): at 390 px Appendix A's row A = c_o (c_i - 1) |_.._| |_.._|
    wrapped whole after "A =", which stood alone on its line (the row had no other break);
    a wide row now also breaks before a bracketed factor, so every row's first line holds
    more than its left-hand side."""
    rows = _evaluate(browser, _page(pages, lang), ROW_LINES, 390)
    assert len(rows) >= 6 and any(row["lhs"] == "A=" for row in rows), rows
    assert [row for row in rows if row["alone"]] == []


# each arrow with a label set over it (\xrightarrow{c\to\infty}, a <mover> on ⟶): the
# horizontal middle of the arrow's glyph and of its label's glyphs, as the text is laid out
ARROW_LABELS = """() => [...document.querySelectorAll('mover')]
  .filter(m => m.firstElementChild.textContent === '\\u27F6')
  .map(m => {
    const middle = element => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const boxes = [...range.getClientRects()].filter(box => box.width > 0);
      return (Math.min(...boxes.map(b => b.left)) + Math.max(...boxes.map(b => b.right))) / 2;
    };
    return {label: m.lastElementChild.textContent,
            off: middle(m.lastElementChild) - middle(m.firstElementChild)};
  })"""


@pytest.mark.parametrize("lang", docs.LANGS)
def test_an_arrows_label_is_centred_over_it(browser, pages, lang):
    """s9final (cosmetic 1): Exercise 7's "c→∞" sat 1.7 px left of its arrow in
    Chromium (the ∞, an operator to latex2mathml, carried a space after it that the
    centring counted); read back from the page, each label's middle is the arrow's."""
    seen = _evaluate(browser, _page(pages, lang), ARROW_LABELS, 1280)
    assert {"c→∞", "ci→∞"} <= {s["label"] for s in seen}, seen
    assert [s for s in seen if abs(s["off"]) > 0.5] == []
