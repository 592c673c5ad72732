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

from markupsafe import Markup, escape

from derivations import mathml
from derivations.render import SEGMENTS, pick

__all__ = ["html_text", "block_view", "render_page"]

# punctuation that must not start a line: kept with the math before it
_CLOSING = re.compile(r"^[,.;:!?)\]，。；：、！？）」』]+")


def html_text(prose: str) -> Markup:
    """Prose to HTML: ``$..$`` as inline MathML, ```..``` as ``<code>``, text escaped;
    punctuation right after math stays on its line (``<span class="nobr">``)."""
    out, glue = [], ""
    for part in reversed(SEGMENTS.split(prose)):
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            math = mathml.inline(part[1:-1])
            if glue:  # only the last piece: long math still breaks between the others
                head, wbr, last = math.rpartition("<wbr>")
                math = f'{head}{wbr}<span class="nobr">{last}{glue}</span>'
            out.append(math)
            glue = ""
            continue
        out.append(glue)
        glue = ""
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{escape(part[1:-1])}</code>")
            continue
        closing = _CLOSING.match(part)
        if closing:
            glue = str(escape(closing.group(0)))
            part = part[closing.end() :]
        out.append(str(escape(part)))
    out.append(glue)
    return Markup("".join(reversed(out)))


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


NARROW_SCREEN = "(max-width: 600px)"  # the media query that picks a figure's narrow drawing


def _image(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def environment():
    """The HTML template environment (autoescape on; filters for prose and math)."""
    from derivations.render import template_environment

    env = template_environment(autoescape=True)
    env.filters["html"] = lambda value, lang: html_text(pick(value, lang))
    env.filters["pick"] = pick
    env.filters["math_display"] = lambda latex: Markup(mathml.display(latex))
    env.filters["view"] = block_view
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
