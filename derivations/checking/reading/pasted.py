"""What a formula is pasted inside when it comes from a Markdown page (issue 21): read
as the formats define it, one rewrite of the second look (:mod:`.second_look`).

* an image (CommonMark's ``![alt](src "title")`` and ``![alt][ref]``, HTML's ``<img
  alt="…" src="…">``): what it shows.  Its alt text, CommonMark's backslash escapes and
  entities read (``\\_`` is ``_``), is its description; an equation image's address
  (:data:`EQUATION_IMAGES`: CodeCogs, Zhihu, CSDN, Google Charts, GitHub's renderer,
  upmath, math.now.sh) holds the TeX it draws, percent-encoded; a field given twice, or
  another address whose path or query looks like TeX, is not read (which formula the
  picture draws cannot be told, so neither is its alt).  Where both are there they must
  say the same formula, else nothing is read (the picture a reader sees and its description differ);
  an alt text with no sign of a formula in it (``formula``, ``公式``) describes the
  image and the address's TeX is read; an image that has neither is not read;
* an inline link (``[text](url)``): its text; an autolink (``<https://…>``): away;
* Obsidian's highlight (``==text==``): its text.

Each image, link or highlight is replaced by its reading where it stands (a lead-in
before it is read by the rest of the reader); the note names the image and what of it
was read.  Nothing evaluates text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

from derivations.checking.reading.informal import Note
from derivations.checking.reading.normalize import lazy_pattern

__all__ = ["EQUATION_IMAGES", "IMAGE_ALT_NOTE", "IMAGE_TEX_NOTE", "LINK_NOTE", "pasted"]

IMAGE_ALT_NOTE = "reading.note.image_alt"
IMAGE_TEX_NOTE = "reading.note.image_tex"
LINK_NOTE = "reading.note.link_text"

# equation-image services, whose image address holds the TeX it draws: (host, path
# prefix, where the TeX is: None the whole query, percent-encoded, a ``+`` a plus sign;
# "" the path after the prefix, percent-encoded; else the query fields holding it,
# form-encoded).  CodeCogs' editor writes a space ``&space;`` and a plus ``&plus;`` in
# it (HTML's entity), read as such.
EQUATION_IMAGES: tuple[tuple[str, str, str | tuple[str, ...] | None], ...] = (
    ("latex.codecogs.com", "/", None),  # /svg.latex?…, /svg.image?…, /png.image?…
    ("latex.csdn.net", "/eq", None),
    ("www.zhihu.com", "/equation", ("tex",)),
    ("zhihu.com", "/equation", ("tex",)),
    ("chart.googleapis.com", "/chart", ("chl",)),
    ("render.githubusercontent.com", "/render/math", ("math",)),
    # upmath.me's "i.upmath.me/svg/<TeX>" (and /png/)
    ("i.upmath.me", "/svg/", ""),
    ("i.upmath.me", "/png/", ""),
    # uetchy/math-api's README: "math.now.sh?from=<TeX>" (display), "?inline=<TeX>"
    ("math.now.sh", "", ("from", "inline")),
)
# an address's path or query that looks like TeX (a script, a brace, a command): an image
# from a service the reader does not know that may draw a formula other than its alt
_TEX_IN_ADDRESS = lazy_pattern(r"[\\^{}]|[A-Za-z0-9]_[A-Za-z0-9{]")
_UNREAD = "\x00"  # an address whose TeX cannot be told: the image is not read
# CodeCogs' rendering options before the TeX (its editor writes them first): size,
# resolution, colours and font; they draw, they say nothing of the formula
_RENDER_OPTIONS = lazy_pattern(
    r"^(?:\s*\\(?:dpi\{\d+\}|(?:bg|fg)\{\w+\}|(?:bg|fg|fn)_[A-Za-z]+(?![A-Za-z])"
    r"|(?:inline|tiny|small|normalsize|large|Large|LARGE|huge|Huge)(?![A-Za-z])))+"
)
# CommonMark's inline image: ``![description](destination "title")`` (the destination in
# ``<…>`` or bare with balanced brackets), or a reference (``![description][label]``)
_IMAGE = lazy_pattern(
    r"!\[(?P<alt>(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*)\]"
    r"(?:\(\s*(?P<src><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)|\[[^\[\]\n]*\])"
)
_HTML_IMAGE = lazy_pattern(r"<img\b(?P<attributes>[^<>]*?)/?>", re.I)
_ATTRIBUTE = lazy_pattern(
    r"(?P<name>[A-Za-z-]+)\s*=\s*(?:\"(?P<a>[^\"]*)\"|'(?P<b>[^']*)'|(?P<c>[^\s\"'<>=`]+))"
)
# CommonMark's inline link (not an image: no ``!`` before it; never code's index called,
# ``shape[0](x)``, after a name) and autolink
_LINK = lazy_pattern(
    r"(?<![!\]\\\w])\[(?P<text>(?:[^\[\]\\\n]|\\.)+)\]"
    r"\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+\"[^\"\n]*\")?\s*\)"
)
_AUTOLINK = lazy_pattern(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
# (never code's comparison: ``h==1 and w==2``)
_HIGHLIGHT = lazy_pattern(r"(?<![\w=])==(?=\S)(?P<text>[^=\n]+?)(?<=\S)==(?![\w=])")
# CommonMark's backslash escape: any ASCII punctuation character
_ESCAPED = lazy_pattern(r"\\(?P<char>[!-/:-@\[-`{-~])")
# a sign of a formula in an alt text (an operator, a script, a bracket, a digit, a TeX
# command, a single letter); an alt text with none (``formula``, ``公式``) is a caption
_FORMULA_SIGN = lazy_pattern(r"[-+*/=^_()\[\]{}\\0-9×·⋅÷−⌊⌈]|^\s*[A-Za-z]\s*$")


def _described(text: str) -> str:
    """An image's description or a link's text as CommonMark reads it: backslash
    escapes and entities read, the description's own markup away."""
    text = _ESCAPED().sub(lambda m: m.group("char"), text)
    return " ".join(html.unescape(text).split())


def image_tex(source: str) -> str | None:
    """The TeX an equation image's address ``source`` draws (:data:`EQUATION_IMAGES`),
    decoded; :data:`_UNREAD` where it cannot be told (a known service's field given
    twice; another address whose query or last path segment with no file extension,
    decoded, looks like TeX: ``i.example/svg/c_i``); None for another address."""
    parts = urlsplit(source.strip().strip("<>"))
    try:
        host = (parts.hostname or "").lower()  # a port or capitals away
    except ValueError:
        return _UNREAD
    path = parts.path
    for known, prefix, field in EQUATION_IMAGES:
        if host != known or not path.startswith(prefix):
            continue
        if field is None:
            tex = html.unescape(unquote(parts.query).replace("&space;", " "))
        elif field == "":
            tex = unquote(path[len(prefix) :])
        else:
            query = parse_qs(parts.query)
            values = [value for name in field for value in query.get(name, [])]
            if len(values) > 1:
                return _UNREAD  # two formulas given: which one is drawn is not told
            tex = values[0] if values else ""
        tex = _RENDER_OPTIONS().sub("", tex).strip()
        return tex or None
    name = path.rsplit("/", 1)[-1]  # a file's name (``conv_layer.png``) is no formula
    if _TEX_IN_ADDRESS().search(unquote(parts.query + ("" if "." in name else name))):
        return _UNREAD
    return None


def _shown(alt: str, tex: str | None) -> tuple[str, str] | None:
    """What an image with description ``alt`` and address TeX ``tex`` shows, and the note
    saying which was read; None when it cannot be told (see the module's docstring)."""
    if tex == _UNREAD:
        return None
    if tex is None:
        return (alt, IMAGE_ALT_NOTE) if alt else None
    if not alt or not _FORMULA_SIGN().search(alt):
        return tex, IMAGE_TEX_NOTE
    if "".join(alt.split()) == "".join(tex.split()):
        return alt, IMAGE_ALT_NOTE
    return None  # the picture and its description say two formulas


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE().finditer(text):
        value = next(
            v for v in (match.group("a"), match.group("b"), match.group("c")) if v is not None
        )
        # a repeated attribute: a browser keeps the first (HTML's tokenizer drops the rest)
        found.setdefault(match.group("name").lower(), html.unescape(value))
    return found


def pasted(answer: str) -> tuple[str, Note] | None:
    """``answer`` with each Markdown or HTML image replaced by what it shows, each link by
    its text, each autolink away and each highlight by its text (see the module's
    docstring), and the note saying so; None when it has none of them, or an image whose
    formula cannot be told."""
    if "](" not in answer and "<" not in answer and "==" not in answer and "![" not in answer:
        return None
    images: list[str] = []
    notes: list[str] = []
    unread = False

    def image(written: str, alt: str, source: str | None) -> str:
        nonlocal unread
        shown = _shown(alt, image_tex(source) if source else None)
        if shown is None:
            unread = True
            return written
        images.append(" ".join(written.split())[:60])
        notes.append(shown[1])
        return f" {shown[0]} "

    text = answer
    if "![" in text:
        text = _IMAGE().sub(
            lambda m: image(m.group(), _described(m.group("alt")), m.group("src")), text
        )
    if "<" in text and "<img" in text.lower():
        text = _HTML_IMAGE().sub(
            lambda m: image(
                m.group(),
                " ".join(_attributes(m.group("attributes")).get("alt", "").split()),
                _attributes(m.group("attributes")).get("src"),
            ),
            text,
        )
    if unread:
        return None
    links = 0
    if "](" in text:
        text, links = _LINK().subn(lambda m: f" {_described(m.group('text'))} ", text)
    if "<" in text:
        text, autolinks = _AUTOLINK().subn(" ", text)
        links += autolinks
    if "==" in text:
        text, highlights = _HIGHLIGHT().subn(lambda m: m.group("text"), text)
        links += highlights
    text = text.strip()
    if text == answer.strip() or not text:
        return None
    if images:
        key = IMAGE_TEX_NOTE if IMAGE_TEX_NOTE in notes else IMAGE_ALT_NOTE
        return text, Note(key, (("image", "; ".join(images)),))
    return text, Note(LINK_NOTE)
