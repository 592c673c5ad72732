"""The cosmetic items the seventh session's examiners left (issue 25), each read back from
the committed documents of both languages in every format where it applies."""

from __future__ import annotations

import re

from derivations.registry.forms import Form
from derivations.registry.symbols import SYMBOLS
from tests.docs.sheets import OUTPUT

# Latin tokens the Chinese reference page may print: code identifiers and names that are
# the same in both editions (a form's key is the API's name for it, in a code span)
ZH_ALLOWED = {
    "MACs",
    "FLOPs",
    "PyTorch",
    "SymPy",
    "torch",
    "flop_counter",
    "autograd",
    "padding=p",  # PyTorch's argument, in the per-side section's title
    "im2col",
    "dX",
    "dW",
    "dY",
    "db",
}


def _zh_reference_texts() -> dict[str, str]:
    """The zh reference page as each format holds it, math and comments left out."""
    md = (OUTPUT / "zh" / "formulas.md").read_text(encoding="utf-8").replace("\\_", "_")
    md = re.sub(r"\$\$.*?\$\$", " ", md, flags=re.S)
    md = re.sub(r"<!--.*?-->", " ", re.sub(r"\$[^$\n]*\$", " ", md), flags=re.S)
    page = (OUTPUT / "zh" / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<section id="formulas">(.*?)</section>', page, re.S)
    assert section is not None
    html = re.sub(r"<math.*?</math>", " ", section[1], flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    return {"formulas.md": md, "index.html": html}


def test_the_zh_reference_page_prints_no_english_words():
    """``(total)``, ``per-side``, ``bias=off`` stood in the zh page's layer lines; only
    code identifiers (a form's key, a library's name) and single letters stay Latin."""
    allowed = ZH_ALLOWED | {f.value for f in Form} | {s.name for s in SYMBOLS}
    for name, text in _zh_reference_texts().items():
        tokens = set(re.findall(r"[A-Za-z][A-Za-z0-9_=\-]*[A-Za-z0-9]", text))
        assert tokens - allowed == set(), name


def _lines(svg: str) -> list[tuple[int, int]]:
    """Each line matplotlib drew (a ``line2d`` group): (its path's vertices, its markers)."""
    import xml.etree.ElementTree as ET

    ns = {"svg": "http://www.w3.org/2000/svg"}
    out = []
    for group in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g"):
        if not group.get("id", "").startswith("line2d_"):
            continue
        paths = group.findall("svg:path", ns)
        vertices = max((len(re.findall(r"[ML]", p.get("d", ""))) for p in paths), default=0)
        out.append((vertices, len(group.findall(".//svg:use", ns))))
    return out


def test_the_strip_loads_are_dots_at_whole_strip_widths():
    """L(Delta) is defined at whole Delta only: the figure drew it as a polyline through
    256 points; now a dot per Delta (no line of more than three points in the figure:
    the grid, the asymptote, the register lines and their legend's samples), and the
    caption says so."""
    from derivations.figures.curves import _strips_curve

    _, deltas, _, _ = _strips_curve()
    for lang in ("en", "zh"):
        svg = (OUTPUT / "figures" / lang / "strip-loads.svg").read_text(encoding="utf-8")
        lines = _lines(svg)
        assert lines and max(vertices for vertices, _ in lines) <= 3, lang
        assert any(markers == len(deltas) for _, markers in lines), lang
    for lang, said in (("en", "one dot per whole"), ("zh", "每个整数")):
        sheet = (OUTPUT / lang / "answers.md").read_text(encoding="utf-8")
        assert said in sheet, lang


def test_the_zh_padding_mistake_cites_the_section_as_the_en_sheet_does():
    """The zh common mistake "同一个 p_h 可以代入两个公式" cited only "6.3 节"; it names the
    section and both editions' numbers, as the en sheet does, in every format."""
    for name in ("answers.md", "answers.tex", "index.html"):
        sheet = (OUTPUT / "zh" / name).read_text(encoding="utf-8")
        start = sheet.index("可以代入两个公式")
        mistake = sheet[start : sheet.index("混用两种约定", start)]
        assert "“填充和步幅”一节" in mistake and "6.3 节" in mistake, name
        assert "英文版 7.3 节" in mistake, name
    en = (OUTPUT / "en" / "answers.md").read_text(encoding="utf-8")
    assert '"Padding and Stride" (7.3 in the English edition, 6.3 in the Chinese)' in en


def _luminance(hex_colour: str) -> float:
    """WCAG 2.1's relative luminance of ``#rrggbb``."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_oracle():
    assert round(_contrast("#ffffff", "#000000"), 1) == 21.0
    assert _contrast("#f7fbff", "#ffffff") < 1.1  # Blues at 0: the old zero cells


def test_every_weight_of_the_block_diagonal_figure_stands_out_from_the_paper():
    """A pale weight (Blues near 0) looked like the empty paper: every filled cell of the
    block-diagonal figure, in both languages and both layouts, has WCAG's 3:1 contrast
    against the paper (graphical objects), and there are c^2/b = 16 of them, in the SVG's
    fills."""
    from derivations import figures
    from derivations.figures.style import PALETTE

    drawn = figures.render("block-diagonal")
    paper = PALETTE["paper"].lower()
    for lang in ("en", "zh"):
        for svg in (drawn.svg[lang], drawn.narrow[lang]):
            text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
            fills = re.findall(r'<g id="patch_\d+">\s*<path[^>]*style="fill: (#[0-9a-f]{6})', text)
            cells = [f for f in fills if f != paper]
            assert len(cells) == 8 * 8 // 4, (lang, fills)
            assert min(_contrast(f, paper) for f in cells) >= 3.0, (lang, cells)
