"""Issue 25's layout items left by the eighth session's examiners, read back from the
committed sheets compiled as ``docs --pdf`` compiles them (poppler's ``pdftotext``):
no page left short in the middle of a section (a table alone on a page, the space a
figure that did not fit left empty), no section ending in a page of its last two
common mistakes."""

from __future__ import annotations

import re
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest

from tests.docs.sheets import LANGS, read_sheet

FULL = 0.8  # a page in the middle of a section is filled to at least this much of the text block
CM = 72 / 2.54  # PDF points (pdftotext's unit) per centimetre


@pytest.fixture
def pdfs(sheet_pdfs) -> dict[str, Path]:
    """Each committed sheet compiled (the shared ``sheet_pdfs``)."""
    return sheet_pdfs


def _margin(lang: str) -> float:
    """The text block's margin in PDF points, as the sheet's ``geometry`` sets it."""
    found = re.search(r"\\usepackage\[(?:[^]]*,)?margin=([\d.]+)cm[,\]]", read_sheet(lang, "tex"))
    assert found, "the sheet's geometry"
    return float(found[1]) * CM


def page_layout(pdf: Path, margin: float) -> list[tuple[str, float, list[str]]]:
    """Each page of ``pdf``: its running head (the words above the text block), how far
    down the text block its lowest word reaches (0 to 1, from ``pdftotext -bbox``), and
    its lines of text after the head (plain ``pdftotext``)."""

    def run(*options: str) -> str:
        done = subprocess.run(
            ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")

    word = re.compile(
        r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
    )
    boxes = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', run("-bbox"), re.S)
    texts = run().split("\f")
    pages = []
    for (height, body), text in zip(boxes, texts):
        top, bottom = margin, float(height) - margin
        head, lowest = [], top
        for y_max, said in word.findall(body):
            if float(y_max) < top:
                head.append(said)
            elif float(y_max) <= bottom + 1:  # not the page number below the block
                lowest = max(lowest, float(y_max))
        lines = [line for line in text.splitlines() if line.strip()]
        pages.append((" ".join(head), (lowest - top) / (bottom - top), lines[1 if head else 0 :]))
    return pages


def short_pages(pages) -> list[int]:
    """The pages (1-based) filled less than :data:`FULL` that are neither the title page
    nor a section's last page (the next page's running head names another section)."""
    return [
        n
        for n, (head, fill, _) in enumerate(pages, start=1)
        if n > 1 and n < len(pages) and pages[n][0] == head and fill < FULL
    ]


def lone_mistake_tails(pages) -> list[int]:
    """The pages (1-based) that end a section holding nothing but two list items or
    fewer that continue the list of the page before (the last common mistakes)."""
    out = []
    for n, (head, _, lines) in enumerate(pages, start=1):
        last = n == len(pages) or pages[n][0] != head
        if (
            last
            and lines
            and lines[0].startswith("•")
            and sum(line.startswith("•") for line in lines) <= 2
        ):
            out.append(n)
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_in_the_middle_of_a_section_is_left_short(pdfs, lang):
    """en page 36 held only the heaviest-layer table (the figure after it did not fit),
    and pages before a figure or a long table that did not fit ended early: a figure now
    floats (here, or at the top of the next page while the text fills this one) and a
    long table breaks between rows, its header repeated."""
    pages = page_layout(pdfs[lang], _margin(lang))
    assert len(pages) > 30
    assert short_pages(pages) == [], [
        (n, round(pages[n - 1][1], 2), pages[n - 1][0][:30]) for n in short_pages(pages)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_no_section_ends_in_a_page_of_its_last_two_mistakes(pdfs, lang):
    """en pages 18 and 39 held only the last two common mistakes of their section."""
    pages = page_layout(pdfs[lang], _margin(lang))
    assert lone_mistake_tails(pages) == []


def test_the_page_readers_see_a_short_page_and_a_lone_tail():
    """The readers on made-up pages: a short page in the middle of a section, a section's
    short last page (allowed), a tail of two items (not allowed)."""
    pages = [
        ("", 0.5, ["Title"]),
        ("A", 0.95, ["A", "text"]),
        ("A", 0.6, ["text"]),
        ("A", 0.3, ["• one", "more", "• two"]),
        ("B", 0.3, ["B", "text"]),
    ]
    assert short_pages(pages) == [3]
    assert lone_mistake_tails(pages) == [4]


@pytest.mark.parametrize(
    "kinds, index, opens",
    [
        # heading, lead-in, long table: the heading opens the run, not the lead-in
        (("heading", "lead", "long"), 0, True),
        (("heading", "lead", "long"), 1, False),
        (("paragraph", "lead", "long"), 1, True),
        (("lead", "short"), 0, False),  # a short table moves whole with its lead-in
        (("paragraph", "long"), 0, False),  # no lead-in: nothing to keep
        (("heading", "paragraph", "long"), 0, False),
        (("lead",), 0, False),
    ],
)
def test_a_breaking_tables_run_opens_at_its_lead_in_or_the_heading_before(kinds, index, opens):
    from derivations.exercises.document import Paragraph, Table
    from derivations.exercises.layout import BREAK_ROWS
    from derivations.render import opens_a_breaking_table

    def block(kind):
        if kind in ("long", "short"):
            rows = BREAK_ROWS if kind == "long" else BREAK_ROWS - 1
            return Table(header=("a",), rows=tuple(("1",) for _ in range(rows)))
        if kind == "heading":
            from derivations.exercises.document import Heading

            return Heading("Totals")
        return Paragraph("Totals, in millions:" if kind == "lead" else "Totals.")

    blocks = [block(kind) for kind in kinds]
    assert opens_a_breaking_table(blocks, index, "en") is opens


@pytest.mark.parametrize("lang", LANGS)
def test_the_long_tables_break_and_the_short_ones_do_not(lang):
    """In the LaTeX source: the tables of at least ``BREAK_ROWS`` rows are longtables
    (the answer key's among them), the others are not; a breaking table's first and
    last two rows are kept together (``\\\\*``)."""
    tex = read_sheet(lang, "tex")
    long = re.findall(
        r"\\begin\{(?:longtable|xltabular)\}.*?\\end\{(?:longtable|xltabular)\}", tex, re.S
    )
    short = re.findall(
        r"\\begin\{(?:tabular|tabularx)\}.*?\\end\{(?:tabular|tabularx)\}", tex, re.S
    )
    assert len(long) > 5 and len(short) > 5
    for table in long[1:]:  # after the answer key
        rows = [line for line in table.splitlines() if line.rstrip().endswith(("\\\\", "\\\\*"))]
        assert (
            rows[-1].endswith("\\\\*") and rows[-2].endswith("\\\\*") and rows[1].endswith("\\\\*")
        )


# --- figures at their drawn size at most (the zh block-diagonal figure was enlarged) ----
def _words(pdf: Path) -> list[tuple[str, float]]:
    """Each word of ``pdf`` (``pdftotext -bbox``) with its box's height."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    found = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>',
        done.stdout.decode("utf-8"),
    )
    return [(text, float(y1) - float(y0)) for y0, y1, text in found]


def drawn_scale(sheet: list[tuple[str, float]], figure: list[tuple[str, float]]) -> float | None:
    """The scale the sheet sets ``figure``'s lettering at: the height of its words in the
    sheet over their height in the figure's own PDF, for the first run of the figure's
    words (six, else fewer) that occurs exactly once in the sheet; None if none does."""
    said = [text for text, _ in sheet]
    for n in (6, 4, 3, 2):
        runs: dict[tuple, list[int]] = {}
        for i in range(len(said) - n + 1):
            runs.setdefault(tuple(said[i : i + n]), []).append(i)
        for k in range(len(figure) - n + 1):
            run = tuple(text for text, _ in figure[k : k + n])
            if len(runs.get(run, [])) == 1 and len("".join(run)) > 6:
                i = runs[run][0]
                return sheet[i][1] / figure[k][1]
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_no_figure_is_set_larger_than_it_was_drawn(pdfs, lang):
    """Every figure was scaled to 0.9 of the line: the block-diagonal matrix, drawn
    4.4 in wide, came out 1.34 times its size, its lettering a third larger than any
    other figure's (the zh examiner: "larger than every other figure"). A drawing is now
    set at its own size, scaled down only to fit: read back from the PDF, the lettering
    of every figure is at most its drawn size, the block-diagonal's exactly."""
    from tests.docs.sheets import OUTPUT

    sheet = _words(pdfs[lang])
    scales = {}
    for figure in sorted((OUTPUT / "figures" / lang).glob("*.pdf")):
        scales[figure.stem] = drawn_scale(sheet, _words(figure))
    found = {key: scale for key, scale in scales.items() if scale is not None}
    assert len(found) >= 6 and "block-diagonal" in found, scales
    assert max(found.values()) <= 1.005, found
    assert found["block-diagonal"] == pytest.approx(1.0, abs=0.005)


def test_the_scale_reader_finds_a_run_of_words():
    sheet = [("a", 10.0), ("Grouped", 5.0), ("1x1", 5.0), ("conv", 5.0), ("Grouped", 10.0)]
    figure = [("Grouped", 4.0), ("1x1", 4.0), ("conv", 4.0)]
    assert drawn_scale(sheet, figure) == pytest.approx(1.25)
    assert drawn_scale(sheet, [("b", 1.0), ("c", 1.0)]) is None


# --- zh justified lines: no wide gap beside a Latin word --------------------------------
HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WIDE = 7.0  # points: a space beside a Latin word wider than this stands out (its own is 3.3-4.2)


def gaps_beside_latin(pdf: Path, margin: float) -> list[tuple[int, float, str, str]]:
    """In each justified line (ending at the text block's right edge) of ``pdf``: the
    gaps between a Chinese character and a Latin word of two letters or more beside it
    (page, gap in points, the two words), from ``pdftotext -bbox-layout``."""
    done = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
    )
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>'
    )
    found = []
    pages = done.stdout.decode("utf-8").split("<page ")[1:]
    for number, page in enumerate(pages, start=1):
        width = re.search(r'width="([\d.]+)"', page)
        assert width is not None
        right = float(width[1]) - margin
        for line in re.findall(r"<line[^>]*>(.*?)</line>", page, re.S):
            words = [(float(a), float(b), text) for a, b, text in word.findall(line)]
            if len(words) < 2 or abs(words[-1][1] - right) > 3:
                continue
            for (_, end, left), (start, _, after) in pairwise(words):
                pair = (HAN.match(left[-1]), HAN.match(after[0]))
                latin = after if pair[0] else left
                if any(pair) and not all(pair) and len(re.findall("[A-Za-z]", latin)) >= 2:
                    found.append((number, round(start - end, 1), left[-8:], after[:8]))
    return found


def test_no_zh_justified_line_opens_a_wide_gap_beside_a_latin_word(pdfs):
    """A zh line that could not take the Latin word or formula after it was stretched
    mostly at its few spaces ("FLOPs  和  MACs  是同一个数", 8.4 pt each, p. 42; beside
    "∂L/∂Y" 7.1 pt): the spaces beside Latin words now stretch little and the glue between
    Chinese characters takes the rest, so no such gap is wider than WIDE."""
    gaps = gaps_beside_latin(pdfs["zh"], _margin("zh"))
    assert len(gaps) > 150  # the reader sees the sheet's many Latin words
    assert [gap for gap in gaps if gap[1] > WIDE] == []


# --- figures in their own section (s9final: en p.5, 17, 28 and zh p.38 set one late) ----
def _plain(text: str) -> str:
    """``text`` without whitespace (pdftotext spaces CJK, Latin and math its own way)."""
    return re.sub(r"\s+", "", text)


def headings_and_captions(tex: str) -> list[tuple[str, str]]:
    """The sheet's headings (``section*`` and ``subsection*``) and figure captions in
    source order: ("heading", a regular expression a heading's line read back without
    whitespace matches, its inline math any text) or ("caption", the caption's first
    words up to its first command or minus sign, without whitespace and the signs of
    math)."""
    found = []
    for line in tex.splitlines():
        heading = re.fullmatch(r"\\(?:sub)?section\*\{(.*)\}", line)
        caption = re.fullmatch(r"\{\\small\\sheetemph\{(.*)\}\\par\}", line)
        if heading:
            quotes = re.sub(r"``|''|'", "\0", heading[1])  # typeset as curly quotes
            pieces = re.split(r"\$[^$]*\$", quotes)
            pattern = ".+".join(re.escape(_plain(piece)) for piece in pieces)
            found.append(("heading", pattern.replace("\0", ".")))
        elif caption:
            words = re.split(r"[\\-]", re.sub(r"[$_^{}]", "", caption[1]))[0]
            found.append(("caption", _plain(words)[:24]))
    return found


def captions_out_of_their_section(
    pages: list[tuple[str, float, list[str]]], order: list[tuple[str, str]]
) -> list[tuple[str, int, int]]:
    """The captions set after the next heading, or before their own, in the text read
    back page by page (each heading found in turn after the one before it): each
    caption's first words, its page and the page of the heading it should precede
    (or follow)."""
    lines = [
        ((number, index), _plain(line))
        for number, (_, _, said) in enumerate(pages, start=1)
        for index, line in enumerate(said)
    ]
    at: list[tuple[int, int]] = []  # each entry's (page, line)
    after = (0, -1)
    for kind, what in order:
        if kind == "heading":
            found = [where for where, line in lines if where > after and re.fullmatch(what, line)]
            assert found, ("heading not found", what)
            after = found[0]
            at.append(after)
        else:
            found = [where for where, line in lines if line.startswith(what)]
            assert len(found) == 1, ("caption not found once", what, found)
            at.append(found[0])
    out = []
    for i, (kind, what) in enumerate(order):
        if kind != "caption":
            continue
        before = [at[j] for j in range(i) if order[j][0] == "heading"][-1:]
        nxt = [at[j] for j in range(i + 1, len(order)) if order[j][0] == "heading"][:1]
        if before and at[i] < before[0]:
            out.append((what, at[i][0], before[0][0]))
        if nxt and at[i] > nxt[0]:
            out.append((what, at[i][0], nxt[0][0]))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_set_within_its_own_section(pdfs, lang):
    """A figure floated past the next heading (en: the padding-doubling figure after
    Exercise 3's "Answers" heading, the block-diagonal one in "The downside"; zh: the
    network figure after 「结论」): a float barrier now stands before every heading, so
    each figure's caption reads back between its own heading and the next."""
    order = headings_and_captions(read_sheet(lang, "tex"))
    assert sum(kind == "caption" for kind, _ in order) >= 7
    pages = page_layout(pdfs[lang], _margin(lang))
    assert captions_out_of_their_section(pages, order) == []


def test_the_section_reader_finds_a_caption_past_the_next_heading():
    order = [("heading", "A"), ("caption", "Figure:x"), ("heading", "B.+"), ("heading", "A")]
    late = [("", 1, ["A", "text"]), ("", 0.9, ["B ok", "Figure: x y", "A"])]
    assert captions_out_of_their_section(late, order) == [("Figure:x", 2, 2)]
    kept = [("", 1, ["A", "Figure: x y"]), ("", 0.9, ["B ok", "A"])]
    assert captions_out_of_their_section(kept, order) == []
