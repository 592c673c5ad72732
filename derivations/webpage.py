"""The web page ``{lang}/index.html``: the worked answers and the reference page in one
self-contained HTML file.

Rendered from the same document data as the Markdown and LaTeX (exercise blocks, the
reference page), by ``templates/index.html.j2`` (autoescaping on, ``StrictUndefined``).
Math is MathML made at build time (:mod:`derivations.mathml`), figures are the SVG files
inlined as ``data:`` images with their alt text (a ``<picture>``: the narrow drawing on a
phone's screen, :data:`NARROW_SCREEN`, the wide one elsewhere): no script, no font or file fetched, so
the page reads offline.  Prose is ``$math$``, ```code``` and text; text is HTML-escaped.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from functools import cache

from markupsafe import Markup, escape

from derivations import mathml
from derivations.render import SEGMENTS, pick

__all__ = ["html_text", "block_view", "is_bare_number", "render_page"]

# punctuation that must not start a line: kept with the math before it
_CLOSING = re.compile(r"^[,.;:!?)\]，。；：、！？）」』]+")
# punctuation that must not end a line: kept with the math after it (a browser may break
# between text and a <math>, as around any atomic inline, even right after "(")
_OPENING = re.compile(r"[(\[（「『]+$")


def _is_math(part: str) -> bool:
    return part.startswith("$") and part.endswith("$") and len(part) > 1


def html_text(prose: str) -> Markup:
    """Prose to HTML: ``$..$`` as inline MathML, ```..``` as ``<code>``, text escaped;
    punctuation right after math stays on its line, an opening bracket right before
    math on the math's line (each in a ``<span class="nobr">`` with the math's nearest
    piece: long math still breaks between its other pieces)."""
    parts = SEGMENTS.split(prose)
    out = []
    for i, part in enumerate(parts):
        if _is_math(part):
            pieces = mathml.inline(part[1:-1]).split("<wbr>")
            before = _OPENING.search(parts[i - 1]) if i and not _is_math(parts[i - 1]) else None
            after = _CLOSING.match(parts[i + 1]) if i + 1 < len(parts) else None
            if before:
                pieces[0] = f"{escape(before.group(0))}{pieces[0]}"
            if after:
                pieces[-1] = f"{pieces[-1]}{escape(after.group(0))}"
            if before and len(pieces) > 1:
                pieces[0] = f'<span class="nobr">{pieces[0]}</span>'
            if before or after:
                pieces[-1] = f'<span class="nobr">{pieces[-1]}</span>'
            out.append("<wbr>".join(pieces))
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{escape(part[1:-1])}</code>")
            continue
        if i and _is_math(parts[i - 1]):
            closing = _CLOSING.match(part)
            part = part[closing.end() :] if closing else part
        if i + 1 < len(parts) and _is_math(parts[i + 1]):
            opening = _OPENING.search(part)
            part = part[: opening.start()] if opening else part
        out.append(str(escape(part)))
    return Markup("".join(out))


def block_view(block) -> dict:
    """A document block (:mod:`derivations.exercises.document`) as ``{"type": ...,
    fields...}``: its class's ``type`` constant and its fields."""
    if isinstance(block, dict):
        return block
    kind = getattr(block, "type", None)
    if dataclasses.is_dataclass(block) and isinstance(kind, str):
        view = {f.name: getattr(block, f.name) for f in dataclasses.fields(block)}
        view["type"] = kind
        return view
    raise TypeError(f"not a document block: {type(block).__name__}")


_BARE_NUMBER = re.compile(r"\$?[0-9][0-9.,\\ ]*\$?")


def is_bare_number(cell) -> bool:
    """Whether a table cell is only a number (``4``, ``$16$``): a phone's card titled
    by it also says what it counts (``b = 4``)."""
    return isinstance(cell, str) and _BARE_NUMBER.fullmatch(cell) is not None


NARROW_SCREEN = "(max-width: 600px)"  # the media query that picks a figure's narrow drawing


def _image(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@cache
def environment():
    """The HTML template environment (autoescape on; filters for prose and math), made
    once per process (so each template is compiled once, not once per language)."""
    from derivations.exercises.layout import column_aligns
    from derivations.render import template_environment

    env = template_environment(autoescape=True)
    env.filters["html"] = lambda value, lang: html_text(pick(value, lang))
    env.filters["pick"] = pick
    env.filters["math_display"] = lambda latex: Markup(mathml.display(latex))
    env.filters["math_whole"] = lambda latex: Markup(mathml.display_whole(latex))
    env.filters["view"] = block_view
    env.filters["aligns"] = column_aligns
    env.tests["bare_number"] = is_bare_number
    return env


def render_page(
    entries: list, page: dict, lang: str, figures: dict[str, tuple[bytes, bytes]]
) -> str:
    """The page for ``lang``: ``entries`` as :func:`derivations.render.entries` gives
    them, ``page`` the reference page, ``figures`` key -> (wide SVG, narrow SVG: the
    page shows it on screens up to :data:`NARROW_SCREEN` wide); the template looks
    its strings up by id (``msg("sheets.<name>")``, :func:`derivations.render.lookup`)."""
    from derivations.render import lookup, lookup_html

    images = {
        key: {"wide": _image(wide), "narrow": _image(narrow)}
        for key, (wide, narrow) in figures.items()
    }
    return (
        environment()
        .get_template("index.html.j2")
        .render(
            msg=lookup(lang),
            msg_html=lookup_html(lang),
            lang=lang,
            entries=entries,
            page=page,
            images=images,
            narrow_screen=NARROW_SCREEN,
        )
    )
