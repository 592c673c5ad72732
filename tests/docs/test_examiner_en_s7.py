"""The seventh session's English examiner (issue 25): the network figure names every kind
of layer that holds the activations its bars leave out; GoogLeNet's activations are said
to sit mostly in its middle stages, as its table shows; the register bound of Exercise 6
does not put addresses in the vector registers.  Read back from the committed sheets
(Markdown, LaTeX, the web page) and figures (the SVG files and the web page's inlined
wide and narrow drawings)."""

from __future__ import annotations

import base64
import re
from collections import defaultdict
from fractions import Fraction
from types import SimpleNamespace

import pytest

from tests.docs.sheets import LANGS, OUTPUT, exercise_section, read_sheet

# Each kind of layer that writes activations, besides convolutions and linear layers, and
# the word a sentence naming where "the other activations" are must use for it.
WORDS = {
    "relu": {"en": "activation functions", "zh": "激活函数"},
    "sigmoid": {"en": "activation functions", "zh": "激活函数"},
    "maxpool": {"en": "pooling", "zh": "汇聚"},
    "avgpool": {"en": "pooling", "zh": "汇聚"},
    "adaptive_avgpool": {"en": "pooling", "zh": "汇聚"},
    "batchnorm": {"en": "normalization", "zh": "规范化"},
    "concat": {"en": "concatenations", "zh": "连结"},
    "add": {"en": "residual additions", "zh": "残差加法"},
}
APPENDIX_B = {"en": "Appendix B", "zh": "哪些层主导内存"}
EXERCISE_6 = {"en": "Exercise 6", "zh": "条带"}


@pytest.fixture(scope="module")
def tables():
    from derivations.exercises.maths.networks import SHOWN
    from derivations.networks import model_network, tabulate

    return {name: tabulate(model_network(name)) for name in SHOWN}


def _labels(svg: str) -> str:
    """The texts matplotlib drew (kept as comments before their glyphs), joined, without
    the line breaks the figure wraps at: a space where a line broke, none between two
    Chinese characters (Chinese breaks a line between any two, 汇|聚 inside 汇聚)."""
    joined = " ".join(re.findall(r"<!-- (.*?) -->", svg, flags=re.S)).replace("\n", " ")
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", joined)


def _network_svgs(lang: str) -> list[str]:
    """The network figure as the sheets show it: the SVG file, and the web page's wide and
    narrow drawings (inlined as data URLs)."""
    svgs = [(OUTPUT / "figures" / lang / "network-costs.svg").read_text(encoding="utf-8")]
    page = (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    for data in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page):
        svg = base64.b64decode(data).decode("utf-8")
        if "LeNet" in _labels(svg):
            svgs.append(svg)
    assert len(svgs) == 3, lang
    return svgs


def _caption(lang: str, fmt: str) -> str:
    """The network figure's caption in the Markdown or the LaTeX sheet."""
    sheet = read_sheet(lang, fmt)
    if fmt == "md":
        after = sheet.split(f"](../figures/{lang}/network-costs.svg)", 1)[1]
        return after.strip().split("\n\n", 1)[0]
    return sheet.split(f"{{{lang}/network-costs}}", 1)[1].split("\\end{minipage}", 1)[0]


def _pct(share: Fraction) -> str:
    return f"${float(share * 100):.1f}\\%$"


@pytest.mark.parametrize("lang", LANGS)
def test_the_network_figure_names_every_kind_that_holds_the_other_activations(tables, lang):
    """The figure's title and caption said the activations its bars miss are in "ReLU,
    pooling, normalization and concatenation layers": LeNet has sigmoids, the ResNets'
    residual additions hold 9% and 15% of theirs.  Every kind that writes activations in
    a network drawn (read off its table) must be named, in the figure and its caption."""
    kinds = {
        row.kind
        for table in tables.values()
        for row in table.rows
        if row.activations and row.kind not in ("conv", "linear")
    }
    assert {"sigmoid", "add", "relu", "concat", "batchnorm"} <= kinds
    assert kinds <= set(WORDS), kinds - set(WORDS)  # a new kind needs its word here
    needed = {WORDS[kind][lang] for kind in kinds}
    texts = [_labels(svg) for svg in _network_svgs(lang)]
    texts += [_caption(lang, "md"), _caption(lang, "tex")]
    for text in texts:
        missing = [word for word in needed if word not in text]
        assert not missing, (missing, text[:400])
        assert "ReLU、汇聚、规范化和连结" not in text
        assert "ReLU, pooling, normalization and concatenation" not in text


def test_googlenet_activations_sit_in_its_middle_stages_and_the_answer_says_so(tables):
    """The answer said "activation memory: the early, high-resolution layers"; it held for
    the plain chains and the ResNets, not for GoogLeNet: its 112x112 layers write 17.6% of
    its activations, its 28x28 and 14x14 stages 29.2% and 28.5% (summed here from its
    table's rows)."""
    table = tables["googlenet"]
    by_size: dict = defaultdict(int)
    for row in table.rows:
        if len(row.output_shape) == 4:
            by_size[row.output_shape[2:]] += row.activations
    total = table.totals["activations"]
    top = max(by_size)
    others = sorted((s for s in by_size if s != top), key=lambda s: by_size[s])[-2:]
    assert all(by_size[s] > by_size[top] for s in others)
    shares = [_pct(Fraction(by_size[s], total)) for s in (top, *sorted(others, reverse=True))]
    assert shares == ["$17.6\\%$", "$29.2\\%$", "$28.5\\%$"]  # as measured by hand
    for lang in LANGS:
        section = exercise_section(read_sheet(lang), APPENDIX_B[lang])
        para = next(p for p in section.split("\n\n") if all(s in p for s in shares))
        assert "GoogLeNet" in para and "Inception" in para, para
        boxed = section.split('<a id="networks-answer-1"></a>', 1)[1].split("\n\n", 2)[1]
        assert "GoogLeNet" in boxed, boxed
        tex = read_sheet(lang, "tex")
        assert all(s.strip("$") in tex for s in shares)


@pytest.mark.parametrize("lang", LANGS)
def test_the_register_bound_does_not_put_addresses_in_the_vector_registers(lang):
    """Addresses and loop counters live in the general-purpose registers (x86-64, ARMv8),
    which N_r does not count: they are not what makes a real kernel fit less."""
    section = exercise_section(read_sheet(lang), EXERCISE_6[lang])
    para = next(p for p in section.split("\n\n") if "float32" in p and "L(\\Delta_{" in p)
    assert "none for addresses or loop counters" not in para
    assert "没有寄存器用于地址或循环计数" not in para
    assert ("general-purpose registers" if lang == "en" else "通用寄存器") in para


def test_a_column_of_numbers_never_wraps_in_the_pdf():
    """The small-layers table of Appendix B printed its MACs left-aligned: its header,
    "MACs (executed)", is wider than a wrapping column's threshold, so the whole column of
    numbers became a ragged-right X column. Numbers stay right-aligned; words may wrap."""
    from derivations.exercises.layout import WRAP_ABOVE, tex_columns

    words = "a VGG-like layer, $3\\times 3$, with one row and column of padding on each side"
    table = SimpleNamespace(
        header=["Shape of the layer", "Parameters", "MACs, as executed here"],
        rows=[[words, "$296$", "$41\\,472$"]],
    )
    assert len(table.header[2]) > WRAP_ABOVE
    assert tex_columns(table, "en") == r">{\raggedright\arraybackslash}Xrr"
    for lang in LANGS:
        tex = read_sheet(lang, "tex")
        specs = re.findall(
            r"\\begin\{tabularx?\}(?:\{\\linewidth\})?\{([^\n]*)\}\n\\hline\n(.*)\\\\", tex
        )
        assert specs
        small = [
            spec for spec, head in specs if "MACs (executed)" in head or "MACs（实际执行）" in head
        ]
        assert small and all(spec.endswith("rrrr") for spec in small), small
