"""The practice pages as HTML: every question of the catalogue once, as the contract's form,
grouped under the edition's own exercise numbers, the answer folded in a closed
``<details>``, each exercise's worked answer (the web page's own section) in another;
the script's texts safe inside ``<script>``."""

import re
from html.parser import HTMLParser

import pytest

from derivations.checking import check
from derivations.commands import docs
from derivations.errors import DerivationError
from derivations.messages import text
from derivations.practice import numbers
from derivations.practice import page as reader
from derivations.practice.page import render_practice
from derivations.registry.exercises import EXERCISES
from derivations.registry.questions import QUESTIONS
from derivations.variants.key import SUPPORTED


class Outline(HTMLParser):
    """Forms (question id, inputs, buttons, details and whether open), in order, each
    under the last ``<h2>`` heading's text."""

    def __init__(self):
        super().__init__()
        self.forms, self.heading, self.in_h2, self.scripts = [], "", False, []
        self.in_form = False
        self.worked = []  # (id, open) of each worked answer's <details>, outside the forms

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h2":
            self.in_h2, self.heading = True, ""
        elif tag == "form":
            self.in_form = True
            self.forms.append(
                {
                    "id": a.get("data-question"),
                    "layer": a.get("data-layer"),
                    "section": self.heading,
                    "inputs": [],
                    "buttons": 0,
                    "details": [],
                }
            )
        elif tag == "input" and self.forms:
            self.forms[-1]["inputs"].append((a.get("name"), a.get("type")))
        elif tag == "button" and self.forms:
            self.forms[-1]["buttons"] += a.get("type") == "submit"
        elif tag == "details" and self.in_form:
            self.forms[-1]["details"].append("open" in a)
        elif tag == "details":
            self.worked.append((a.get("id"), "open" in a))
        elif tag == "script":
            self.scripts.append(a)

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_h2 = False
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.in_h2:
            self.heading += data


@pytest.fixture(scope="module")
def pages() -> dict:
    from derivations.exercises import for_edition
    from derivations.figures import for_page
    from derivations.render import render_page

    exercises, page, figures = docs._built(recheck=False, jobs=1)
    out = {}
    for lang in docs.LANGS:
        edition = for_edition(exercises, lang)
        index = render_page(*edition, page, lang, for_page(figures, lang))
        out[lang] = render_practice(*edition, lang, index)
        out[f"{lang}/index"] = index
    return out


@pytest.mark.parametrize("lang", docs.LANGS)
def test_every_question_is_one_form_of_the_contract(pages, lang):
    outline = Outline()
    outline.feed(pages[lang])
    formulas = [f["id"] for f in outline.forms if f["layer"] is None]
    assert formulas != [] and sorted(formulas) == sorted(QUESTIONS)
    # then every question that asks for a number, at the page's one layer
    at_layer = [f for f in outline.forms if f["layer"] is not None]
    assert [f["id"] for f in at_layer] == list(SUPPORTED)
    assert {f["layer"] for f in at_layer} == {numbers.STUDENT}
    for form in outline.forms:
        assert form["inputs"] == [("answer", "text")], form
        assert form["buttons"] == 1 and form["details"] == [False], form
    assert 'data-checker="loading"' in pages[lang]


@pytest.mark.parametrize("lang", docs.LANGS)
def test_questions_are_under_the_editions_own_exercise_numbers(pages, lang):
    outline = Outline()
    outline.feed(pages[lang])
    for form in (f for f in outline.forms if f["layer"] is None):
        exercise = QUESTIONS[form["id"]].exercise
        number = EXERCISES[exercise].number(lang) if exercise else None
        if number is not None:
            assert form["section"].startswith(text("sheets.exercise", lang, n=number)), form
        else:
            assert not form["section"].startswith(text("sheets.exercise", lang, n="")), form
    zh_only = [q for q in QUESTIONS.values() if q.exercise and EXERCISES[q.exercise].en is None]
    assert zh_only, "the catalogue has a question of an exercise only the Chinese edition has"


@pytest.mark.parametrize("lang", docs.LANGS)
def test_each_exercise_shows_its_worked_answer_as_the_web_page_does(pages, lang):
    """One closed <details> per exercise with questions, holding that exercise's section
    of index.html byte for byte (the sheets' own output, not a copy of their text), with
    its boxed answers; every question links to its exercise's."""
    outline = Outline()
    outline.feed(pages[lang])
    exercises = {QUESTIONS[f["id"]].exercise for f in outline.forms} - {None}
    assert sorted(outline.worked) == sorted((f"worked-{e}", False) for e in exercises)
    index = pages[f"{lang}/index"]
    for exercise in exercises:
        start = pages[lang].index(f'<details class="worked" id="worked-{exercise}">')
        body = pages[lang][start:].split("</summary>\n", 1)[1].split("\n</details>", 1)[0]
        section = index[index.index(f'<section id="{exercise}">') :]
        assert body.strip() and body in section.split("</section>", 1)[0]
        assert 'class="answer"' in body  # the boxed answers are there
        assert f'data-opens="worked-{exercise}"' in pages[lang]
    sheet_style = index.split("<style>\n", 1)[1].split("</style>", 1)[0]
    assert sheet_style in pages[lang]


def test_the_feedbacks_paragraphs_are_not_styled_by_the_sheet(pages):
    """The page carries the sheet's style sheet (for the worked answers it folds in): a
    feedback paragraph page.js makes with one of the sheet's classes is drawn as the
    sheet draws it (the student's own answer echoed in the green boxed-answer frame)."""
    from importlib.resources import files

    script = files("derivations.practice").joinpath("static/page.js").read_text(encoding="utf-8")
    made = set(re.findall(r'paragraph\(box, "([\w-]+)"', script))
    assert {"verdict", "words"} <= made  # the pattern still finds the paragraphs
    sheet_style = pages["en/index"].split("<style>\n", 1)[1].split("</style>", 1)[0]
    styled = set(re.findall(r"\.([\w-]+)", re.sub(r"\d+\.\d+|\.\d+", "", sheet_style)))
    assert "answer" in styled
    assert not made & styled, made & styled


def test_the_scripts_texts_cannot_close_the_script_element(pages):
    for page in (page for name, page in pages.items() if "/" not in name):
        start = page.index('<script type="application/json" id="practice-messages">')
        body = page[start:].split(">", 1)[1].split("</script>", 1)[0]
        assert "<" not in body and "&" not in body


class _Prose(HTMLParser):
    """The page's text outside math, code, scripts and styles, by the enclosing tag."""

    SKIP = ("math", "code", "script", "style")

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "input", "meta", "link", "wbr", "img", "source"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if not any(tag in self.SKIP for tag in self.stack):
            self.texts.append((self.stack[-1] if self.stack else "", data))


@pytest.mark.parametrize("lang", docs.LANGS)
def test_no_symbol_is_printed_raw(pages, lang):
    """Issue 25: the question headings printed raw ``k_1``, ``m_h`` and the layer's lines
    ``c_i = 3``; every symbol with a subscript is typeset (MathML), as the sheets set it."""
    import re

    prose = _Prose()
    prose.feed(pages[lang])
    raw = [(tag, data) for tag, data in prose.texts if re.search(r"[A-Za-z]_[A-Za-z0-9{]", data)]
    assert raw == []
    compose = re.search(r'data-question="compose-size"[^>]*>\s*<h3>(.*?)</h3>', pages[lang], re.S)
    assert compose is not None and compose[1].count("<math") == 2  # k_1 and k_2


# a symbol as the page sets it in MathML: a letter with a subscript (k_h, k_1), else a
# bare letter (h)
_SUBSCRIPTED = re.compile(r"<msub><mi>(\w+)</mi>(?:<mrow>)?<m[in]>(\w+)</m[in]>(?:</mrow>)?</msub>")
_LETTER = re.compile(r"<mi>(\w+)</mi>")
_FORM = re.compile(
    r'<form class="question" data-question="([^"]+)" autocomplete="off">(.*?)</form>', re.S
)


def _math_symbols(mathml: str) -> set[str]:
    """The symbols (``k_h``, ``h``) of MathML as the page sets them."""
    subscripted = {f"{base}_{sub}" for base, sub in _SUBSCRIPTED.findall(mathml)}
    return subscripted | set(_LETTER.findall(_SUBSCRIPTED.sub("", mathml)))


def listed_and_written(page: str) -> dict[str, tuple[set, set]]:
    """Per formula question of ``page``: (the symbols its "Symbols:" line lists, the
    symbols of its reference as the page shows it, with the definitions below it)."""
    out = {}
    for qid, form in _FORM.findall(page):
        line = re.search(r'<p class="symbols">(.*?)</p>', form, re.S)
        if line is None:  # a question at the page's layer: a number, no symbols
            continue
        listed = set().union(
            *(_math_symbols(s) for s in re.findall(r"<span>(.*?)</span>", line[1]))
        )
        shown = re.search(r'<div class="display">(.*?)</div>\n', form, re.S)
        assert shown is not None, qid
        written = _math_symbols(shown[1])
        for where in re.findall(r'<p class="where">(.*?)</p>', form, re.S):
            written |= _math_symbols(where)
        out[qid] = (listed, written)
    return out


@pytest.mark.parametrize("lang", docs.LANGS)
def test_each_question_lists_the_symbols_its_answer_is_written_in(pages, lang):
    """s9final (cosmetic 4): the bias question listed m_h and m_w among its symbols,
    though its answer is c_o; the ratio of Exercise 3 listed them too.  Read back from the
    page: each question's symbols are those of its reference and the definitions under
    it, no more and no fewer."""
    found = listed_and_written(pages[lang])
    assert sorted(found) == sorted(QUESTIONS)
    wrong = {qid: pair for qid, pair in found.items() if pair[0] != pair[1]}
    assert wrong == {}
    assert found["bias-size"][0] == {"c_o"}


def test_the_symbol_reader_reads_subscripts_and_bare_letters():
    mathml = (
        "<mrow><msub><mi>k</mi><mi>h</mi></msub><mi>h</mi><msub><mi>k</mi><mn>1</mn></msub>"
        "<msub><mi>c</mi><mrow><mi>o</mi></mrow></msub></mrow>"
    )
    assert _math_symbols(mathml) == {"k_h", "h", "k_1", "c_o"}


@pytest.mark.parametrize("lang", docs.LANGS)
def test_the_references_definitions_are_typeset_as_the_reference(pages, lang):
    """s10exam F3: the reference's "where m_h = ⌊(h − k_h + p_h + s_h)/s_h⌋, m_w = …"
    was monospace plain text under a typeset formula.  Each definition is MathML now,
    with the floor the catalogue's definition has and no code element."""
    from derivations.checking.deciding.catalogue import entry

    seen = 0
    for qid, form in _FORM.findall(pages[lang]):
        wheres = re.findall(r'<p class="where">(.*?)</p>', form, re.S)
        definitions = entry(qid).definitions
        assert len(wheres) == (1 if definitions else 0), qid
        for where in wheres:
            seen += 1
            assert "<code>" not in where and where.count("<math") >= len(definitions)
            assert where.count("&#x0230A;") == len(definitions), qid  # ⌊ of each floor
            names = {d.partition(" = ")[0] for d in definitions}
            assert names <= _math_symbols(where), qid
    assert seen > 0


# questions whose exercise boxes hold no formula of their own (the page's question asks
# what the box says in words)
_NO_BOX_FORMULA = {
    "output-width": "the box gives m_h and says m_w likewise",
    "double-padding": "its increase is written with m'_h, which the worked answer defines: "
    "test_the_boxed_padding_increase_with_its_own_definitions_is_right",
}


@pytest.fixture(scope="module")
def boxes() -> dict:
    """exercise id -> the LaTeX math of its boxed answers, both languages."""
    from derivations.exercises import build_all
    from derivations.exercises.document import answers

    return {
        e.id: [
            m for a in answers(e) for t in a.text.values() for m in re.findall(r"\$([^$]+)\$", t)
        ]
        for e in build_all()
    }


def test_each_questions_boxed_answer_checks_as_right_on_the_page(boxes):
    """s10exam F2: the 1 × 1 question's worked answer boxed only the stride-1, unpadded
    count, which the page's question (at the layer's stride and padding, as the book's
    exercise continues the one before it) calls a known mistake.  Every question of an
    exercise: a formula of its exercise's boxes, as the page reads it, is right (no
    stride 1 or no padding assumed), unless its box has no formula of its own
    (:data:`_NO_BOX_FORMULA`, and those really have none); and a box formula refused for
    a symbol of the sheet's own (Answer 2.4's C_h) is one the question's note on the
    page says how to write out."""
    special = {"stride_1", "no_padding"}
    found = {}
    for question in QUESTIONS.values():
        if question.exercise is None:
            continue
        found[question.id] = [
            math
            for math in dict.fromkeys(boxes[question.exercise])
            if (result := check(question.id, math)).verdict.startswith("equivalent")
            and not special & set(result.conventions)
        ]
    assert sorted(q for q, right in found.items() if not right) == sorted(_NO_BOX_FORMULA)


@pytest.mark.parametrize("lang", docs.LANGS)
def test_answer_2_4_written_out_as_the_page_says_is_right(boxes, lang):
    """s10exam F2 addendum: Answer 2.4's additions A_X are written with C_h C_w, no
    symbol of the page ("unknown symbol 'C_h'").  The backward question's note says how
    to write them out; the box's own count, multiplications + A_X + A_W, with C_h and
    C_w written out as the note says, checks as right (under the count's MACs or
    exactly)."""
    from derivations.practice.page import _cover_h, question_views

    (note,) = [question_views("backward-ops", lang)["needs"]]
    assert note is not None and note.count("<math") >= 3
    maths = boxes[QUESTIONS["backward-ops"].exercise]
    part = {}
    for math in maths:
        name, _, formula = math.partition(" = ")
        if name in ("A_X", "A_W"):
            part[name] = formula
    # the box's multiplications: its backward count of multiply-accumulates
    mults = next(m for m in maths if check("backward-ops", m).conventions == ["macs"])
    assert "C_{h}" in part["A_X"] and check("backward-ops", part["A_X"]).verdict == "invalid_input"
    cover_h = _cover_h()
    cover_w = cover_h.replace("_h", "_w")
    written = part["A_X"].replace("C_{h}", f"\\left({cover_h}\\right)")
    written = written.replace("C_{w}", f"\\left({cover_w}\\right)")
    result = check("backward-ops", f"{mults} + {written} + {part['A_W']}")
    assert result.verdict == "equivalent", (result.verdict, result.counterexample)


@pytest.mark.parametrize("lang", docs.LANGS)
def test_the_boxed_padding_increase_with_its_own_definitions_is_right(lang):
    """s11exam F9: the double-padding question (any stride) linked to a box holding only
    the stride-1 factor, marked wrong when typed in.  The box now opens with the exact
    increase, written with m'_h, m'_w: typed as printed, after the worked answer's own
    definition of m'_h and its width twin, it is right."""
    from derivations.exercises import build_all
    from derivations.exercises.document import Paragraph, answers

    (exercise,) = [e for e in build_all() if e.id == QUESTIONS["double-padding"].exercise]
    box = next(a.text[lang] for a in answers(exercise) if "m'_h m'_w - m_h m_w" in a.text[lang])
    (increase,) = [m for m in re.findall(r"\$([^$]+)\$", box) if "m'_h m'_w - m_h m_w" in m]
    said = " ".join(b.text[lang] for b in exercise.blocks if isinstance(b, Paragraph))
    (after_h,) = set(re.findall(r"\$m'_h = ([^$]+)\$", said))  # the worked answer's
    after_w = re.sub(r"(?<![A-Za-z\\])h(?![A-Za-z])", "w", after_h)  # h, k_h, p_h, s_h
    result = check("double-padding", f"m'_h = {after_h}; m'_w = {after_w}; {increase}")
    assert (result.verdict, result.conventions) == ("equivalent", []), result.error


@pytest.mark.parametrize(
    "call, key, said",
    [
        (lambda: reader.worked_answers("<html></html>"), "practice.page_unread", "index.html"),
        (lambda: reader.typeset("c_i $x$"), "practice.not_plain", "'c_i $x$'"),
        (lambda: reader._definitions_latex(("k = 3",)), "practice.definition_unknown", "'k = 3'"),
        (lambda: reader._definitions_latex(("m_h = h",)), "practice.definition_other", "'m_h = h'"),
    ],
)
def test_what_the_page_cannot_read_is_a_keyed_error_naming_it(call, key, said):
    # they were ValueErrors with English text of their own
    with pytest.raises(DerivationError) as raised:
        call()
    assert raised.value.key == key
    assert said in raised.value.text("en") and said in raised.value.text("zh")
