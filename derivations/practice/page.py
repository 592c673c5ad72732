"""The practice page ``{lang}/practice.html``: every checkable question, grouped by
exercise in that edition's numbering, each an answer form the page's script sends to the
checker (:mod:`derivations.practice.browser`, in a Web Worker).

Rendered by ``templates/practice.html.j2`` (autoescaping on).  Per question: its title (its
symbols typeset as the sheets set them, :func:`typeset`), the
symbols an answer may use (MathML, as the sheets render math, with their meaning), a
``<form data-question="ID">`` with one text input ``name="answer"`` and a submit button, an
empty feedback box, and the reference (the book's conventions) in a ``<details>`` that is
closed until the reader opens it, with a link to the exercise's worked answer.  Per
exercise: its worked answer, in a ``<details>`` closed until the reader opens it, exactly
as the web page ``index.html`` renders it (:func:`worked_answers` takes the exercise's
section of that page and its style sheet: the practice page shows the sheets' own
output, never a copy of their text).  The page works without its script as a readable
list of questions.

Then the questions that ask for a number at a given layer (:mod:`.numbers`): the layer
said once, each question a form of the same contract with ``data-layer`` naming the
layer, its value (the closed form's, confirmed by executing the layer at build time)
folded in a closed ``<details>``.
"""

from __future__ import annotations

import json
import re
from functools import cache

from markupsafe import Markup

from derivations.errors import DerivationError
from derivations.numbers import shown

__all__ = [
    "PAGE",
    "SCRIPT",
    "early_files",
    "WORKER",
    "FETCHER",
    "question_views",
    "render_practice",
    "static_files",
    "typeset",
    "worked_answers",
]

PAGE = "practice.html"  # per language, beside index.html
SCRIPT = "practice/page.js"
WORKER = "practice/worker.js"
FETCHER = "practice/fetcher.js"  # the worker's own worker: fetches the wasm and the snapshot
LIMIT_MS = 10_000  # wall-clock limit per answer, after which the worker is restarted
# what the page's script says, by key (practice.status.*, practice.verdict.*)
_STATUS = ("loading", "checker", "ready", "failed", "file", "restarting", "waiting", "checking")
# (and "restricted": the banner of an answer right only at some layers, Result.restricted)
_VERDICTS = (
    "equivalent",
    "equivalent_under_convention",
    "restricted",
    "not_equivalent",
    "invalid_input",
    "error",
    "timeout",
    "unchecked",  # the checker did not load: nothing ran on the answer
)
# why the checker did not load, by the key the worker or the page gives (practice.reason.*)
_REASONS = ("runtime", "worker")


# an exercise's section of index.html (its heading left out) and the page's style sheet
_SECTION = re.compile(
    r'<section id="(?P<anchor>[^"]+)">\n<h2>.*?</h2>\n(?P<body>.*?)</section>', re.S
)
_STYLE = re.compile(r"<style>\n(?P<css>.*?)</style>", re.S)


def worked_answers(index_html: str) -> tuple[dict[str, Markup], Markup]:
    """``({exercise anchor: its worked answer}, the style sheet)`` of the web page
    ``index_html`` (:func:`derivations.render.render_page`'s output): each exercise's
    section as that page shows it, its heading left out.  DerivationError
    (``practice.page_unread``) when the page has no such sections or no style sheet (a
    changed template: fix this reader)."""
    sections = {m["anchor"]: Markup(m["body"]) for m in _SECTION.finditer(index_html)}
    style = _STYLE.search(index_html)
    if not sections or style is None:
        raise DerivationError(key="practice.page_unread")
    return sections, Markup(style["css"])


def _symbols(qid: str) -> list[str]:
    """The symbols the answer to ``qid`` is written in, in the registry's order: those of
    its reference (input symbols) and the output sizes (``m_h``, ``m_w``) its shown
    reference is written with (the catalogue's ``display_text``, where the output sizes
    stand for their floors).  The bias count ``c_o`` lists ``c_o`` alone, a ratio free
    of the input size lists no output size."""
    from derivations.checking.deciding.catalogue import entry
    from derivations.expr.tree import symbols_in
    from derivations.registry.symbols import OUTPUT_SYMBOLS, SYMBOLS

    found = entry(qid)
    shown = {m[1] for m in _subscripted().finditer(found.display_text)}
    used = set(symbols_in(found.reference.tree)) | (shown & set(OUTPUT_SYMBOLS))
    return [s.name for s in SYMBOLS if s.name in used]


@cache
def _cover_h() -> str:
    """The LaTeX of ``C_h``, the padded input rows some window covers, as the sheet
    prints it (the closed form :func:`derivations.closed_forms.window_cover`, no
    dilation)."""
    from derivations.closed_forms import m_h, window_cover
    from derivations.exercises.notation import tex
    from derivations.model import k_h, s_h

    return tex(window_cover(m_h, k_h, s_h, 1))


def _latex_symbol(name: str) -> str:
    base, _, sub = name.partition("_")
    return f"{base}_{{{sub}}}" if sub else base


@cache
def _subscripted() -> re.Pattern:
    """The model's symbols written with a subscript (``c_i``, ``k_1``, ``m_h``: the
    registry's names), each a whole token (no letter, digit or ``_`` beside it)."""
    from derivations.registry.symbols import SYMBOLS

    names = sorted((s.name for s in SYMBOLS if "_" in s.name), key=len, reverse=True)
    return re.compile(
        r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z0-9_])"
    )


def typeset(plain: str) -> Markup:
    """A catalogue's plain text (a question's title, a layer's line) as the sheets set
    it on the web page: each subscripted symbol of the model (``k_1``, ``m_h``) as
    inline MathML, the rest HTML-escaped (:func:`derivations.webpage.html_text`).
    DerivationError (``practice.not_plain``) on a ``$`` or a backtick, which the plain
    text must not hold."""
    from derivations.webpage import html_text

    if "$" in plain or "`" in plain:
        raise DerivationError(key="practice.not_plain", text=shown(plain))
    return html_text(_subscripted().sub(lambda m: f"${_latex_symbol(m[1])}$", plain))


def question_views(qid: str, lang: str) -> dict:
    """What the template shows of question ``qid``."""
    from derivations import mathml
    from derivations.checking.deciding.catalogue import entry
    from derivations.checking.explaining.wording import has_message
    from derivations.messages import text
    from derivations.registry.questions import question
    from derivations.webpage import html_text

    found = entry(qid)
    needs = f"practice.needs.{qid}"
    return {
        "id": qid,
        "title": typeset(question(qid).title[lang]),
        "needs": html_text(text(needs, lang, cover_h=_cover_h())) if has_message(needs) else None,
        "symbols": [
            (Markup(mathml.inline(_latex_symbol(name))), text(f"practice.symbol.{name}", lang))
            for name in _symbols(qid)
        ],
        "reference": Markup(mathml.display(found.display_latex)),
        "definitions": [
            Markup(mathml.inline(latex)) for latex in _definitions_latex(found.definitions)
        ],
    }


def _definitions_latex(definitions: tuple) -> list[str]:
    """The LaTeX of a shown reference's definitions (``m_h = ⌊…⌋``: the catalogue's
    text, one per output size it uses), typeset from the model's output sizes as the
    catalogue prints them (:func:`derivations.checking.explaining.present.show`), so
    they read as the reference above them does.  DerivationError on a definition of
    anything else (``practice.definition_unknown``) or one the model does not give
    (``practice.definition_other``): a changed catalogue, fix this."""
    from derivations.checking.explaining.present import show
    from derivations.closed_forms import m_h, m_w
    from derivations.expr.bridge import from_sympy
    from derivations.model import output_sizes

    sizes = dict(zip((str(m_h), str(m_w)), output_sizes("total", dilation=False)))
    out = []
    for definition in definitions:
        name, _, _ = definition.partition(" = ")
        if name not in sizes:
            raise DerivationError(key="practice.definition_unknown", definition=shown(definition))
        text, latex = show(from_sympy(sizes[name]))
        if definition != f"{name} = {text}":
            raise DerivationError(key="practice.definition_other", definition=shown(definition))
        out.append(f"{_latex_symbol(name)} = {latex}")
    return out


def _groups(entries: list, lang: str, worked: dict) -> list[dict]:
    """The exercises (as :func:`derivations.render.entries` labels them) that have
    questions, each with its questions in catalogue order and its worked answer (from
    ``worked``, :func:`worked_answers`); questions of no exercise last."""
    from derivations.messages import text
    from derivations.registry.questions import QUESTIONS

    groups = []
    for e in entries:
        ids = [q.id for q in QUESTIONS.values() if q.exercise == e["exercise"].id]
        if ids:
            if e["anchor"] not in worked:
                raise DerivationError(key="practice.no_worked_answer", anchor=shown(e["anchor"]))
            groups.append(
                {
                    **e,
                    "questions": [question_views(i, lang) for i in ids],
                    "worked": worked[e["anchor"]],
                }
            )
    rest = [q.id for q in QUESTIONS.values() if q.exercise is None]
    if rest:
        groups.append(
            {
                "exercise": None,
                "label": text("practice.other_questions", lang),
                "note": "",
                "anchor": "other",
                "questions": [question_views(i, lang) for i in rest],
                "worked": None,
            }
        )
    return groups


def _number_views(lang: str) -> dict:
    """What the template shows of the numeric questions: the layer's lines, each
    question (id, how ``variants`` asks it, its executed value)."""
    from derivations.practice.numbers import STUDENT, practice_variants
    from derivations.variants.build import _layer_lines, ask, value_text

    variants = practice_variants(executed=True)
    student = variants.students[0]
    return {
        "layer": STUDENT,
        "lines": [typeset(line) for line in _layer_lines(student.layer, variants.padding, lang)],
        "questions": [
            {
                "id": key.question,
                "title": typeset(ask(key.question, lang)),
                "value": value_text(key.value),
            }
            for key in student.key
        ],
    }


def early_files() -> dict[str, str]:
    """The files the worker's start needs besides Pyodide's scripts (name -> path below
    docs' output folder), which the page names to it and it asks for at once: the
    snapshot's key, the archive, the snapshot, the standard library, the interpreter's
    wasm and the lock file.  (Asked for by the page itself and handed over as streams,
    they arrived later: every chunk then passes the page's main thread, busy reading
    the page.)"""
    from derivations.practice.archive import ARCHIVE
    from derivations.practice.runtime import FOLDER
    from derivations.practice.snapshot import KEY, SNAPSHOT

    return {
        "key": KEY,
        "zip": ARCHIVE,
        "snapshot": SNAPSHOT,
        "stdlib": f"{FOLDER}/python_stdlib.zip",
        "wasm": f"{FOLDER}/pyodide.asm.wasm",
        "lock": f"{FOLDER}/pyodide-lock.json",
    }


def _script_json(data) -> Markup:
    """``data`` as JSON safe inside ``<script>`` (keys in ``data``'s order)."""
    raw = json.dumps(data, ensure_ascii=False)
    return Markup(raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _script_messages(lang: str) -> str:
    """The texts the page's script shows, as JSON safe inside ``<script>``."""
    from derivations.messages import text

    data = {
        "status": {key: text(f"practice.status.{key}", lang) for key in _STATUS},
        "verdict": {key: text(f"practice.verdict.{key}", lang) for key in _VERDICTS},
        "reason": {key: text(f"practice.reason.{key}", lang) for key in _REASONS},
        "label": {
            key: text(f"checker.label.{key}", lang)
            for key in ("answer", "read_as", "conventions", "misconception")
        },
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_practice(numbered: list, appendices: list, lang: str, index_html: str) -> str:
    """The practice page for ``lang`` (``numbered``, ``appendices``: the edition's
    exercises as :func:`derivations.exercises.for_edition` orders them; ``index_html``:
    that edition's web page, whose worked answers and style the page shows)."""
    from derivations.render import entries, lookup
    from derivations.webpage import environment

    worked, sheet_style = worked_answers(index_html)
    return (
        environment()
        .get_template("practice.html.j2")
        .render(
            msg=lookup(lang),
            lang=lang,
            groups=_groups(entries(numbered, appendices, lang), lang, worked),
            sheet_style=sheet_style,
            numbers=_number_views(lang),
            script_messages=Markup(_script_messages(lang)),
            files=_script_json({name: f"../{path}" for name, path in early_files().items()}),
            limit_ms=LIMIT_MS,
            script=f"../{SCRIPT}",
            worker=f"../{WORKER}",
            fetcher=f"../{FETCHER}",
            fetcher_source=_script_json(static_files()[FETCHER].decode("utf-8")),
        )
    )


def static_files() -> dict[str, bytes]:
    """The page's script, the worker and its fetcher, as shipped in the package
    (``static/``)."""
    from importlib import resources

    folder = resources.files(__package__).joinpath("static")
    return {
        path: folder.joinpath(path.rpartition("/")[2]).read_bytes()
        for path in (SCRIPT, WORKER, FETCHER)
    }
