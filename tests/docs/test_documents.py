"""The rendered documents: fresh on disk, every exercise of each edition present, every
math span rendered by KaTeX, both LaTeX sheets compiled by xelatex, and the book's
numbers reproduced (independent oracles: plain integer arithmetic)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.commands import docs
from derivations.messages import LANGUAGES, text
from derivations.registry.exercises import EXERCISES
from tests.conftest import require_tool
from tests.docs.mathspans import katex_failures, math_spans, require_katex

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def documents():
    return docs.render_documents()


def test_committed_output_is_fresh(capsys):
    status = main(["docs", "--out", str(ROOT / "output"), "--check"])
    assert status == 0, capsys.readouterr().err


def test_check_names_the_stale_file(documents, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(docs, "render_documents", lambda **_: documents)
    assert main(["docs", "--out", str(tmp_path)]) == 0
    assert main(["docs", "--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "zh" / "formulas.md").write_text("edited by hand\n", encoding="utf-8")
    assert main(["docs", "--out", str(tmp_path), "--check"]) == 1
    err = capsys.readouterr().err
    assert "zh/formulas.md" in err and "en/answers.md" not in err


def test_rendering_is_deterministic(documents):
    assert docs.render_documents() == documents


def _numbers(lang: str) -> list[int]:
    return sorted(n for e in EXERCISES.values() if (n := e.number(lang)) is not None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_exercise_of_the_edition_is_a_heading(documents, lang):
    heading = re.escape(text("sheets.exercise", lang, n="@")).replace("@", r"(\d+)")
    sep = re.escape(text("sheets.sep", lang))
    md = documents[f"{lang}/answers.md"]
    assert [int(n) for n in re.findall(rf"^## {heading}{sep}", md, flags=re.M)] == _numbers(lang)
    tex = documents[f"{lang}/answers.tex"]
    assert len(re.findall(rf"^\\section\*\{{{heading}{sep}", tex, flags=re.M)) == len(
        _numbers(lang)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_exercise_names_the_other_editions_number(documents, lang):
    other = {"en": "zh", "zh": "en"}[lang]
    md = documents[f"{lang}/answers.md"]
    for info in EXERCISES.values():
        if info.number(lang) is not None and info.number(other) is not None:
            assert text("sheets.other_number", lang, n=info.number(other)) in md
        elif info.number(other) is not None:  # an appendix: only in the other edition
            assert text("sheets.appendix_other", lang, n=info.number(other)) in md


@pytest.mark.parametrize(
    "needle",
    [
        # the book: 256x256, 5x5, 128 -> 128, "over 53 billion operations"
        "$" + r"\,".join(f"{2 * 256 * 256 * 5 * 5 * 128 * 128:,}".split(",")) + "$",
        # exact counting without bias: one addition fewer per output element
        "$"
        + r"\,".join(f"{2 * 256 * 256 * 5 * 5 * 128 * 128 - 128 * 256 * 256:,}".split(","))
        + "$",
        # 64 -> 64, 56 x 56, 3 x 3, same padding: multiplications
        "$" + r"\,".join(f"{64 * 64 * 9 * 56 * 56:,}".split(",")) + "$",
    ],
)
def test_book_numbers_on_both_sheets(documents, needle):
    assert needle in documents["en/answers.md"] and needle in documents["zh/answers.md"]


_katex = katex_failures


@pytest.fixture(scope="module")
def katex_available():
    require_katex()


def test_katex_reports_a_broken_span(katex_available):
    failures = _katex(
        [{"tex": r"\frac{a}{b}", "display": False}, {"tex": r"\frac{a", "display": True}]
    )
    assert [f["index"] for f in failures] == [1]


@pytest.mark.parametrize(
    "name", ["en/answers.md", "zh/answers.md", "en/formulas.md", "zh/formulas.md"]
)
def test_every_math_span_renders_in_katex(documents, katex_available, name):
    spans = math_spans(documents[name])
    assert spans
    failures = _katex(spans)
    assert not failures, "\n".join(f"{f['error']}: {f['tex'][:120]}" for f in failures[:5])


def _overfull(log: str) -> list[str]:
    """Every overfull horizontal box the log reports (a table or display wider than the
    text block, or a line that juts into the margin), with the source lines it names;
    under 1 pt is TeX's rounding, not a layout fault."""
    found = re.findall(r"^Overfull \\hbox \(([\d.]+)pt too wide\) (.*)$", log, flags=re.M)
    return [f"{points} pt {where}" for points, where in found if float(points) >= 1.0]


@pytest.fixture(scope="module")
def xelatex():
    have = shutil.which("xelatex") is not None and shutil.which("kpsewhich") is not None
    if have:
        have = subprocess.run(["kpsewhich", "ctex.sty"], capture_output=True).returncode == 0
    require_tool(have, "xelatex with ctex (texlive-xetex texlive-lang-chinese fonts-noto-cjk)")


@pytest.fixture(scope="module")
def compiled(documents, xelatex, tmp_path_factory):
    """Each language's sheet compiled by xelatex beside the figures, as docs writes them:
    lang -> (return code, stdout, log)."""
    root = tmp_path_factory.mktemp("sheets")
    for name, content in documents.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    out = {}
    for lang in LANGUAGES:
        done = subprocess.run(
            ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "answers.tex"],
            cwd=root / lang,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=600,
        )
        log = (root / lang / "answers.log").read_text(encoding="utf-8", errors="replace")
        out[lang] = (done.returncode, done.stdout, log, root / lang / "answers.pdf")
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_latex_sheet_compiles_with_xelatex(compiled, lang):
    status, stdout, _, pdf = compiled[lang]
    errors = [line for line in stdout.splitlines() if line.startswith("!")]
    assert status == 0, errors[:3]
    assert pdf.stat().st_size > 0
    missing = [line for line in stdout.splitlines() if "Missing character" in line]
    assert not missing, missing[:3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_wider_than_the_text_block(compiled, lang):
    """No table, display formula or line of the PDF sticks out of the text block."""
    assert not _overfull(compiled[lang][2]), _overfull(compiled[lang][2])[:5]


def _underfull(log: str) -> list[str]:
    """Every underfull line the log reports (a line whose glue stretched past TeX's
    tolerance for a good line: its words spread apart), with the source lines it names."""
    return re.findall(r"^Underfull \\hbox \(badness \d+\) .*$", log, flags=re.M)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_line_is_underfull(compiled, lang):
    """Issue 25: the zh log held five ``Underfull \\hbox`` lines (a line of Chinese before
    a formula or a code name that cannot break, its characters spread apart); none is
    left in either language."""
    assert _underfull(compiled[lang][2]) == []


def test_underfull_reader_sees_one():
    log = "x\nUnderfull \\hbox (badness 1442) in paragraph at lines 956--956\n[]\\TU/a\n"
    assert len(_underfull(log)) == 1


def _pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf`` (poppler's pdftotext), white space and digits
    removed (in a Chinese line the digits, set in another font, come out of order)."""
    require_tool(shutil.which("pdftotext") is not None, "pdftotext (Debian: poppler-utils)")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return [re.sub(r"[\s\d]+", "", page) for page in done.stdout.decode("utf-8").split("\f")]


def _figure_title(svg: str, lang: str) -> str:
    """The first line of the figure's title: its label that states the layer."""
    labels = re.findall(r"<!-- (.*?) -->", svg, flags=re.S)
    says = r"stride \d|batch 1" if lang == "en" else r"步幅 \d|批量 1"
    title = next(label for label in labels if re.search(says, label))
    return re.sub(r"[\s\d]+", "", title.split("\n")[0].split("$")[0])  # words before math


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_caption_is_on_its_figures_page(documents, compiled, lang):
    """Figure and caption are one unbreakable box: the page with a caption shows its
    figure (its title, drawn in the PDF's figure, is on that page's text)."""
    pages = _pdf_pages(compiled[lang][3])
    tex = documents[f"{lang}/answers.tex"]
    keys = re.findall(r"\\sheetfigure\{" + lang + r"/([a-z0-9-]+)\}", tex)
    prefix = re.sub(r"[\s\d]+", "", text("sheets.figure", lang) + text("sheets.sep", lang))
    captions = [i for i, page in enumerate(pages) for _ in range(page.count(prefix))]
    assert len(keys) == len(captions) == 8, (keys, captions)
    for key, page in zip(keys, captions):
        title = _figure_title(documents[f"figures/{lang}/{key}.svg"].decode("utf-8"), lang)
        assert title in pages[page], (key, page + 1, title)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compose_tables_lead_in_is_on_the_tables_page(compiled, lang):
    """Read back from the PDF: the sentence saying what the composition table's last
    column is stands on the page of that column's header (the zh sheet once ended page
    4 with it and began page 5 with the table: the sentence ended in a full stop, so it
    was not kept with the table as a lead-in ending in a colon is)."""
    from derivations.exercises.prose import say

    pages = _pdf_pages(compiled[lang][3])
    lead = re.sub(r"[\s\d]+", "", say("compose.in_the_table_the_last")[lang])
    header = re.sub(r"[\s\d]+", "", say("compose.measured_support")[lang])
    with_lead = [i for i, page in enumerate(pages) if lead[-20:] in page]
    assert len(with_lead) == 1, with_lead
    assert header in pages[with_lead[0]], (lang, with_lead[0] + 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_is_titled_by_its_sheet(compiled, lang):
    """Read back by poppler's pdfinfo: the PDF's document title is the sheet's title, so
    a viewer's tab or window names the sheet, not "answers.pdf" (it had none)."""
    require_tool(shutil.which("pdfinfo") is not None, "pdfinfo (Debian: poppler-utils)")
    done = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(compiled[lang][3])], capture_output=True, check=True
    )
    info = dict(
        line.split(":", 1) for line in done.stdout.decode("utf-8").splitlines() if ":" in line
    )
    assert info.get("Title", "").strip() == text("sheets.answers_title", lang)


def test_overfull_boxes_are_found():
    log = (
        "Overfull \\hbox (37.77162pt too wide) in paragraph at lines 850--859\n"
        "Overfull \\hbox (0.2pt too wide) in paragraph at lines 9--9\n"
    )
    assert _overfull(log) == ["37.77162 pt in paragraph at lines 850--859"]


@pytest.mark.parametrize("name", ["en/formulas.md", "zh/formulas.md"])
def test_no_display_formula_line_is_enormous(documents, name):
    """Phones: C_h, C_w are named once and aligned rows break the source line."""
    spans = [s for s in math_spans(documents[name]) if s["display"]]
    longest = max(len(line) for s in spans for line in s["tex"].splitlines())
    assert longest < 250, longest


@pytest.mark.parametrize(
    "name, needle",
    [
        # the book's example with bias: 128*128*25 + 128 + 128*256*256 + 128*256*256
        ("en/answers.md", r"17\,186\,944"),
        ("zh/answers.md", r"17\,186\,944"),
        # 6.3's definition of "padding (p_h, p_w)", quoted
        ("zh/answers.md", "当输入高度和宽度两侧的填充数量分别为 $p_h$ 和 $p_w$ 时"),
    ],
)
def test_review_fixes_present(documents, name, needle):
    assert needle in documents[name]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_running_head_names_the_exercise(documents, lang):
    """Each section (the answer key, every exercise) opens a page and sets the running
    head to its own heading there, the mark right after the page break and the head
    showing the page's first mark, so a page is never named after a section that starts
    on it below other text (none does) nor after the section before."""
    tex = documents[f"{lang}/answers.tex"]
    sections = re.findall(r"^\\section\*\{(.+)\}$", tex, flags=re.M)
    marks = re.findall(r"^\\markboth\{(.+?)\}\{", tex, flags=re.M)
    assert sections and marks == sections
    heads = re.findall(r"^\\clearpage\n\\markboth\{.+?\}\{.+\}\n\\section\*", tex, flags=re.M)
    assert len(heads) == len(sections)  # every mark after its page break, before its heading
    assert "\\pagestyle{fancy}" in tex and "\\FirstMark{2e-left}" in tex
    assert text("sheets.contents", lang) not in marks


def _letters(said: str) -> str:
    """Words only: no math, digits, punctuation or spaces (a title as LaTeX and as the
    PDF's text compare equal)."""
    return re.sub(r"[\W\d_×]+", "", re.sub(r"\$[^$]*\$", "", said))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pdf_page_is_headed_by_its_section(documents, compiled, lang):
    """Read back from the PDF: every page after the title page is headed by the section
    its text belongs to, the last heading on or before it.  Exercise 4 once opened a page
    headed "Exercise 3": its mark, set before the page break, spilled onto the new page
    above the heading when Exercise 3 ended at the foot of a page."""
    require_tool(shutil.which("pdftotext") is not None, "pdftotext (Debian: poppler-utils)")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(compiled[lang][3]), "-"], capture_output=True, check=True
    )
    titles = [
        _letters(t)
        for t in re.findall(r"^\\section\*\{(.+)\}$", documents[f"{lang}/answers.tex"], flags=re.M)
    ]
    current, opened = None, []
    for number, page in enumerate(done.stdout.decode("utf-8").split("\f")[1:], start=2):
        lines = [_letters(line) for line in page.splitlines() if _letters(line)]
        if not lines:
            continue
        head, first = lines[0], lines[1] if len(lines) > 1 else ""
        starts = [t for t in titles if first == t or (len(first) >= 12 and t.startswith(first))]
        if starts:
            current = starts[0]
            opened.append(current)
        assert head == current, (number, head, current)
    assert opened == titles  # every section opens a page, in order


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answer_key_fits_one_page(documents, compiled, lang):
    """Read back from the PDF: one page is headed by the answer key and holds every
    answer's label, and no page holds only its running head. The zh key once ran a line
    over, leaving a page with nothing but the running head 答案一览 and a closing rule."""
    require_tool(shutil.which("pdftotext") is not None, "pdftotext (Debian: poppler-utils)")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(compiled[lang][3]), "-"], capture_output=True, check=True
    )
    key = _letters(text("sheets.answer_key", lang))
    pages = [
        [_letters(line) for line in page.splitlines() if _letters(line)]
        for page in done.stdout.decode("utf-8").split("\f")[1:]
        if page.strip()
    ]
    keyed = [lines for lines in pages if lines[0] == key]
    assert len(keyed) == 1, [lines[:1] for lines in pages[:4]]
    labels = re.findall(r"^\| \[([^\]]+)\]\(#", documents[f"{lang}/answers.md"], flags=re.M)
    assert len(labels) > 9
    for label in labels:
        assert _letters(label) in "".join(keyed[0]), label
    assert [number for number, lines in enumerate(pages, start=2) if len(lines) == 1] == []


def test_entries_are_built_with_rarer_collections_and_the_thresholds_come_back(monkeypatch):
    """The garbage collector's youngest threshold is raised while a process builds its
    share and restored after (a CPU saving that cannot change what is built)."""
    import gc

    from derivations.commands import docs

    seen = []
    monkeypatch.setattr(
        docs, "build_entry", lambda kind, name: seen.append(gc.get_threshold()) or name
    )
    before = gc.get_threshold()
    built = docs.build_entries([("figure", "a"), ("exercise", "b")])
    assert built == {("figure", "a"): "a", ("exercise", "b"): "b"}
    assert seen == [(docs.YOUNG_THRESHOLD, *before[1:])] * 2 and gc.get_threshold() == before


def _pdf_fonts(pdf: Path) -> list[str]:
    """The names of the fonts ``pdf`` embeds (poppler's pdffonts), subset tags removed."""
    require_tool(shutil.which("pdffonts") is not None, "pdffonts (Debian: poppler-utils)")
    done = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    return [line.split()[0].split("+")[-1] for line in done.stdout.splitlines()[2:]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_the_english_pdf_sets_text_in_italic(compiled, lang):
    """Chinese has no italic: the zh captions and notes once came out in Latin Modern
    Italic among the Chinese (``\\emph``); English keeps its italic captions. (Math
    italic is CMMI, not a text font.)"""
    italic = [f for f in _pdf_fonts(compiled[lang][3]) if re.search("Italic|Oblique", f)]
    text_italic = [f for f in italic if f.startswith("LMRoman")]
    assert bool(text_italic) == (lang == "en"), italic


def _page_foots(pdf: Path) -> list[tuple[int, str, float]]:
    """Each page's last row of text above its page number, read back with poppler's
    ``pdftotext -bbox-layout``: (page, the row's words, how far the row's right end is
    from the text block's right edge, in pt). A row is every line whose top is within
    2 pt of the lowest line's (a table row's cells are lines of their own)."""
    require_tool(shutil.which("pdftotext") is not None, "pdftotext (Debian: poppler-utils)")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        check=True,
    )
    html = done.stdout.decode("utf-8")
    line = re.compile(
        r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>', re.S
    )
    pages = [
        [
            (float(y), float(x), re.findall(r">([^<]+)</word>", words))
            for y, x, words in line.findall(page)
        ]
        for page in html.split("<page ")[1:]
    ]
    right = max(x for page in pages for _, x, _ in page)  # the text block's right edge
    foots = []
    for number, page in enumerate(pages, start=1):
        body = [row for row in page if not (len(row[2]) == 1 and row[2][0].isdigit())]
        if not body:
            continue
        lowest = max(y for y, _, _ in body)
        row = sorted((x, words) for y, x, words in body if y >= lowest - 2)
        foots.append((number, " ".join(w for _, words in row for w in words), right - row[-1][0]))
    return foots


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_ends_with_a_heading_or_a_lead_in(documents, compiled, lang):
    """Read back from the PDF: no page ends with a heading, nor with the last line of a
    lead-in (a paragraph ending in a colon, which introduces the table, display or figure
    after it: a row ending in a colon short of the right margin). The zh sheet once ended
    a page with "总量与占比" and "总量（单位：百万）：", their table on the next page."""
    tex = documents[f"{lang}/answers.tex"]
    headings = {_letters(h) for h in re.findall(r"^\\subsection\*\{(.+)\}$", tex, flags=re.M)}
    foots = _page_foots(compiled[lang][3])
    assert len(foots) > 30
    at_foot = [
        (number, said)
        for number, said, short in foots
        if _letters(said) in headings or (said.rstrip().endswith((":", "：")) and short > 15)
    ]
    assert at_foot == []


# warnings xelatex once gave on the sheets, each a fault a reader could see or a setting
# left to chance: the running head taller than the space for it (fancyhdr, on every page
# of the zh sheet), no author given (\maketitle), an italic the CJK font lacks
KNOWN_WARNINGS = (
    "Package fancyhdr Warning",
    "LaTeX Warning: No \\author given",
    "LaTeX Font Warning",
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_xelatex_log_has_none_of_the_known_warnings(compiled, lang):
    log = compiled[lang][2]
    assert "xdvipdfmx" in log or "Output written" in log, log[-300:]  # a real, whole log
    found = [line for line in log.splitlines() if line.startswith(KNOWN_WARNINGS)]
    assert found == [], found[:5]


def _page_letters(pdf: Path) -> list[str]:
    """Each page's words only (as :func:`_letters`; ligatures such as "ﬀ" as letters)."""
    import unicodedata

    return [
        re.sub(r"[\W\d_×]+", "", unicodedata.normalize("NFKC", page)) for page in _pdf_pages(pdf)
    ]


def _key(said: str, end: bool) -> str:
    """Up to 30 letters of ``said`` (Markdown) outside its math and code: the first of its
    first stretch of at least six, or (``end``) the last of its last."""
    import unicodedata

    plain = re.sub(r"`[^`]*`", "$$", unicodedata.normalize("NFKC", said))
    runs = [re.sub(r"[\W\d_×]+", "", run) for run in re.split(r"\$[^$]*\$", plain)]
    runs = [run for run in runs if len(run) >= 6]
    return runs[-1][-30:] if end else runs[0][:30]


def _mistake_lists(md: str) -> list[list[str]]:
    """The common-mistakes lists of a Markdown sheet: each a list of its items' text."""
    lists, current = [], []
    for line in md.splitlines() + [""]:
        if line.startswith("- **"):
            current.append(line[2:])
        elif current:
            lists.append(current)
            current = []
    return lists


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_common_mistake_is_on_one_page_and_the_last_never_alone(documents, compiled, lang):
    """Read back from the PDF: every common mistake (its bold title and its why) is on
    one page, and the last of a list shares its page with the one before (a page once
    held one mistake alone: en p. 18, zh p. 19)."""
    pages = _page_letters(compiled[lang][3])
    lists = _mistake_lists(documents[f"{lang}/answers.md"])
    assert len(lists) >= 9 and sum(map(len, lists)) > 30
    split, alone, at = [], [], 0
    for items in lists:
        where = []
        for item in items:
            first = next(i for i in range(at, len(pages)) if _key(item, False) in pages[i])
            last = next(i for i in range(first, len(pages)) if _key(item, True) in pages[i])
            if first != last:
                split.append((first + 1, item[:60]))
            where.append((first, last))
            at = first
        if len(items) > 1 and where[-1][0] != where[-2][1]:
            alone.append((where[-1][0] + 1, items[-1][:60]))
    assert split == [] and alone == [], (split, alone)
