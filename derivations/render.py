"""Render the plain-data documents (exercises, reference page) to Markdown and LaTeX.

Jinja2 templates shipped inside the package (``derivations/templates``, read with
:mod:`importlib.resources`, so an installed wheel renders too; ``StrictUndefined``: a
missing field is an error, never an empty string); their strings are looked up by id in
the message catalogue (``msg("sheets.<name>")`` in a template: :func:`lookup`).  Prose is
``$math$``, ```code``` and text: math passes through, code and text are escaped for
the target.  Output is a pure function of the data: no dates, no paths, no dict order
from sets.
"""

from __future__ import annotations

import re
import string
from functools import cache
from importlib import resources

import jinja2

from derivations.errors import DerivationError
from derivations.exercises.fields import fill
from derivations.messages import entry

__all__ = [
    "SEGMENTS",
    "pick",
    "TEMPLATES",
    "entries",
    "environment",
    "leads_in",
    "opens_a_breaking_table",
    "lookup",
    "lookup_html",
    "md_text",
    "pdf_text",
    "tex_text",
    "render_answers",
    "render_formulas",
    "render_page",
    "template_environment",
    "template_loader",
    "OTHER",
]

TEMPLATES = resources.files("derivations") / "templates"  # a Traversable, maybe not a path
OTHER = {"en": "zh", "zh": "en"}
SEGMENTS = re.compile(r"(\$[^$]+\$|`[^`]+`)")  # math and code inside prose
_MD_SPECIAL = re.compile(r"([\\*_\[\]<>|#])")
_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # glyphs Latin Modern lacks, or that read better as math
    "×": r"$\times$",
    "→": r"$\to$",
    "−": r"$-$",
    "≈": r"$\approx$",
    "≤": r"$\le$",
    "≥": r"$\ge$",
    "…": r"\ldots{}",
    "Δ": r"$\Delta$",
}


def pick(value, lang: str) -> str:
    """A Text dict picks its language; a plain string is language-neutral."""
    if isinstance(value, dict):
        return value[lang]
    if isinstance(value, str):
        return value
    raise TypeError(f"expected text or str, got {type(value).__name__}: {value!r}")


def md_text(prose: str, cell: bool = False) -> str:
    """Prose to Markdown: math kept (``|`` becomes ``\\vert`` in table cells), code kept,
    Markdown punctuation in text escaped."""
    out = []
    for part in SEGMENTS.split(prose):
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            out.append(part.replace("|", r"\vert ") if cell else part)
        elif part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(part.replace("|", r"\|") if cell else part)
        else:
            out.append(_MD_SPECIAL.sub(r"\\\1", part))
    return "".join(out)


def leads_in(block, lang: str) -> bool:
    """Whether ``block`` (a document block, or its dict view) is a lead-in: a paragraph
    whose text in ``lang`` ends in a colon, introducing the block after it (the LaTeX
    sheet keeps the two on one page)."""
    if isinstance(block, dict):
        kind, said = block.get("type"), block.get("text")
    else:
        kind, said = getattr(block, "type", None), getattr(block, "text", None)
    return kind == "paragraph" and pick(said, lang).rstrip().endswith((":", "："))


def _kind(block) -> str | None:
    return block.get("type") if isinstance(block, dict) else getattr(block, "type", None)


def opens_a_breaking_table(blocks, index: int, lang: str) -> bool:
    """Whether ``blocks[index]`` opens the run kept on one page with a table that may
    break across pages (``breaks_across_pages``): the table's lead-in (see
    :func:`leads_in`), or the heading right before that lead-in.  The LaTeX sheet asks
    for room for the run and the table's first rows there; otherwise the table, which
    starts a page when its first rows do not fit, would leave its lead-in behind."""
    run = list(blocks[index : index + 3])
    if len(run) > 1 and _kind(run[0]) == "heading":
        run = run[1:]
    elif index > 0 and _kind(blocks[index - 1]) == "heading":
        return False  # the heading before it opens the run
    if len(run) < 2 or not leads_in(run[0], lang) or _kind(run[1]) != "table":
        return False
    return bool(getattr(run[1], "breaks_across_pages", False))


def _tex_escape(plain: str) -> str:
    return "".join(_TEX_SPECIAL.get(ch, ch) for ch in plain)


def _quotes(plain: str, state: list) -> str:
    """Straight double quotes to TeX's opening/closing quotes, alternating."""
    out = []
    for ch in plain:
        if ch == '"':
            out.append("``" if state[0] % 2 == 0 else "''")
            state[0] += 1
        else:
            out.append(ch)
    return "".join(out)


# a point or an underscore inside a code name, before a letter or digit: a line may break
# after it (``torch.utils.flop_counter``, ``layer1.0.conv1``: unbroken, a line of Chinese
# around such names stretched far, xelatex's "Underfull \hbox")
_CODE_BREAK = re.compile(r"(\.|\\_)(?=[A-Za-z0-9])")


def tex_text(prose: str) -> str:
    """Prose to LaTeX: math kept, code in ``\\texttt`` (a line may break after a point or
    an underscore within it), text escaped."""
    out, state = [], [0]
    for part in SEGMENTS.split(prose):
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            out.append(part)
        elif part.startswith("`") and part.endswith("`") and len(part) > 1:
            code = _CODE_BREAK.sub(r"\1\\allowbreak{}", _tex_escape(part[1:-1]))
            out.append(r"\texttt{" + code + "}")
        else:
            out.append(_tex_escape(_quotes(part, state)))
    return "".join(out)


def pdf_text(plain: str) -> str:
    """``plain`` as a PDF text string: hex UTF-16BE after its byte-order mark, so any
    character is safe inside a ``\\special`` (the PDF's document information)."""
    return "<FEFF" + plain.encode("utf-16-be").hex().upper() + ">"


def _template_source(name: str):
    """``(source, filename, uptodate)`` for jinja2: the packaged template ``name``."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise jinja2.TemplateNotFound(name)
    resource = TEMPLATES / name
    if not resource.is_file():
        raise jinja2.TemplateNotFound(name)
    return resource.read_text(encoding="utf-8"), f"derivations/templates/{name}", lambda: True


def template_loader() -> jinja2.BaseLoader:
    """Loads the package's templates through :mod:`importlib.resources`."""
    return jinja2.FunctionLoader(_template_source)


def template_environment(autoescape: bool = False) -> jinja2.Environment:
    """Strict undefined, the package's templates, no filters."""
    return jinja2.Environment(
        loader=template_loader(),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def environment() -> jinja2.Environment:
    """The Markdown and LaTeX template environment, made once per process (so each
    template is compiled once, not once per language and document)."""
    from derivations.exercises.layout import column_aligns

    env = template_environment()
    env.filters["md"] = lambda value, lang: md_text(pick(value, lang))
    env.filters["md_cell"] = lambda value, lang: md_text(pick(value, lang), cell=True)
    env.filters["tex"] = lambda value, lang: tex_text(pick(value, lang))
    env.filters["pick"] = pick
    env.filters["leads_in"] = leads_in
    env.filters["opens_a_breaking_table"] = opens_a_breaking_table
    env.filters["aligns"] = column_aligns
    env.filters["pdf_text"] = pdf_text
    return env


def lookup(lang: str):
    """``msg(id, **fields)``: the catalogue's text of ``id`` in ``lang`` (what the
    templates call to say anything that is not the exercises' own prose), filled by
    :func:`derivations.exercises.fields.fill`: a field missing, unknown or left
    unfilled is an error."""

    def msg(key: str, **fields: object) -> str:
        if lang not in OTHER:
            raise DerivationError(
                key="display.unknown_language", value=repr(lang), known=", ".join(OTHER)
            )
        return fill(entry(key)[lang], key, **fields)

    return msg


def lookup_html(lang: str):
    """``msg_html(id, **fields)``: like :func:`lookup`'s ``msg``, for a web page whose
    fields are HTML already: the catalogue's text is escaped first, then filled."""
    from markupsafe import Markup, escape

    def msg_html(key: str, **fields: object) -> Markup:
        return Markup(fill(str(escape(entry(key)[lang])), key, **fields))

    return msg_html


def _letters():
    return iter(string.ascii_uppercase)


def entries(numbered: list, appendices: list, lang: str) -> list[dict]:
    """Each exercise with its heading label, the note naming the other edition and its
    boxed answers (``answers``: what the sheet's answer key lists, linked by anchor)."""
    from derivations.exercises.document import answers

    msg, other = lookup(lang), OTHER[lang]
    out = []
    for exercise in numbered:
        twin = exercise.numbers.get(other)
        out.append(
            {
                "exercise": exercise,
                "label": msg("sheets.exercise", n=exercise.numbers[lang]),
                "note": msg("sheets.other_number", n=twin) if twin else msg("sheets.other_missing"),
                "anchor": f"{exercise.id}",
                "answers": answers(exercise),
            }
        )
    for letter, exercise in zip(_letters(), appendices):
        twin = exercise.numbers.get(other)
        out.append(
            {
                "exercise": exercise,
                "label": msg("sheets.appendix", letter=letter),
                "note": (
                    msg("sheets.appendix_other", n=twin) if twin else msg("sheets.appendix_none")
                ),
                "anchor": f"{exercise.id}",
                "answers": answers(exercise),
            }
        )
    return out


def render_answers(numbered: list, appendices: list, lang: str, fmt: str) -> str:
    """``fmt`` is ``md`` or ``tex``."""
    template = environment().get_template(f"answers.{fmt}.j2")
    return template.render(msg=lookup(lang), lang=lang, entries=entries(numbered, appendices, lang))


def render_formulas(page: dict, lang: str) -> str:
    return (
        environment().get_template("formulas.md.j2").render(msg=lookup(lang), lang=lang, page=page)
    )


def render_page(numbered: list, appendices: list, page: dict, lang: str, figures: dict) -> str:
    """The web page (answers, then the reference page); ``figures``: key -> (wide SVG,
    narrow SVG) bytes."""
    from derivations.webpage import render_page as render

    return render(entries(numbered, appendices, lang), page, lang, figures)
