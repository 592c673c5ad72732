"""Rich display in Jupyter: the repr methods of layers, closed forms, cost tables and check
results, their escaping, and their languages."""

from html.parser import HTMLParser

import pytest
import sympy as sp

from derivations import Form, Layer, check, cost_table, display, forms_for
from derivations.messages import text

LAYER = Layer(c_i=3, c_o=64, h=32, w=32, k_h=3, k_w=3, p_h=2, p_w=2)
HOSTILE = "<script>alert(1)</script> $x$ | *a* & `b`"


class _Balanced(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element; collects
    the element names seen and the text."""

    VOID = frozenset({"br", "hr", "img"})

    def __init__(self):
        super().__init__()
        self.open, self.seen, self.text = [], set(), []

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parsed(markup: str) -> _Balanced:
    parser = _Balanced()
    parser.feed(markup)
    parser.close()
    assert not parser.open, f"unclosed: {parser.open}"
    return parser


@pytest.fixture
def zh():
    display.set_language("zh")
    yield
    display.set_language("en")


def test_layer_reprs():
    html = LAYER._repr_html_()
    assert _parsed(html).seen <= {"div", "strong"}
    for shown in (LAYER._repr_latex_(), LAYER._repr_markdown_(), html):
        assert r"1 \times 64 \times 32 \times 32" in shown  # the output shape
        assert r"c_i = 3 \to c_o = 64" in shown
    assert LAYER._repr_latex_().startswith("$") and LAYER._repr_latex_().endswith("$")
    assert display.escape_markdown(text("display.padding_total", "en")) in LAYER._repr_markdown_()
    per_side = LAYER.replace(padding_convention="per-side", bias=True)
    assert text("display.padding_per_side", "en") in per_side._repr_html_()
    assert text("display.bias", "en") in per_side._repr_html_()


def test_closed_form_reprs_show_the_form_in_our_order():
    from derivations.expr.bridge import from_sympy, to_sympy
    from derivations.expr.order import book_order

    form = forms_for(LAYER)[Form.FORWARD_MULTS]
    latex = form.latex()
    assert latex == r"\frac{n c_o c_i k_h k_w m_h m_w}{g}"  # not SymPy's c_{i} c_{o} ... n
    assert sp.simplify(to_sympy(book_order(from_sympy(form.compact))) - form.compact) == 0
    assert form._repr_latex_() == f"$\\displaystyle {latex}$"
    assert f"${latex}$" in form._repr_markdown_()
    html = form._repr_html_()
    assert _parsed(html).seen == {"div", "strong", "code"}
    assert "\\(" + latex + "\\)" in html  # no &, <, > in this form: unchanged by escaping
    assert form.description in html and form.counting in html


def test_cost_table_reprs_list_every_form():
    table = cost_table(LAYER)
    html = table._repr_html_()
    parsed = _parsed(html)
    assert {"table", "tr", "td", "th"} <= parsed.seen
    markdown = table._repr_markdown_()
    for form in forms_for(LAYER).values():
        value = f"{form.evaluate(LAYER):,}"
        assert value in html and value in markdown
        assert form.description in "".join(parsed.text)
    # one table row per form (plus the header) in both
    assert html.count("<tr>") == len(table) + 1
    assert markdown.count("\n| ") == len(table) + 1


def test_check_result_reprs():
    result = check("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w")
    html = result._repr_html_()
    assert _parsed(html).seen <= {"div", "strong", "code", "ul", "li"}
    assert "equivalent" in html and "\\(" in html  # the reference as math
    assert "**equivalent**" in result._repr_markdown_()


def test_student_text_is_escaped():
    result = check("forward-mults", HOSTILE)
    assert result.verdict == "invalid_input"
    html = result._repr_html_()
    parsed = _parsed(html)
    assert "script" not in parsed.seen
    assert "<script>" not in html
    markdown = result._repr_markdown_()
    assert "<" not in markdown
    assert "$x$" not in markdown  # a student's dollars are not math


@pytest.mark.parametrize("raw", [HOSTILE, "a\nb", "\\ { } _ ^ ~ % # &", ""])
def test_escapes(raw):
    html = display.escape_html(raw)
    assert "<" not in html and ">" not in html and '"' not in html
    markdown = display.escape_markdown(raw)
    assert "\n" not in markdown and "<" not in markdown
    for special in "*_`|$[]#~{}":
        assert special not in markdown.replace("\\" + special, "")
    latex = display.escape_latex_text(raw)
    unescaped = latex
    for escaped in (
        r"\textbackslash{}",
        r"\{",
        r"\}",
        r"\$",
        r"\&",
        r"\#",
        r"\%",
        r"\_",
        r"\^{}",
        r"\~{}",
    ):
        unescaped = unescaped.replace(escaped, "")
    assert not set(unescaped) & set("\\{}$&#%_^~")


def test_labels_follow_the_language(zh):
    assert text("display.layer", "zh") in LAYER._repr_html_()
    assert text("display.closed_form", "zh") in cost_table(LAYER)._repr_markdown_()


def test_unknown_language_is_one_line():
    from derivations import DerivationError

    with pytest.raises(DerivationError, match="'fr'"):
        display.set_language("fr")
    assert display.language == "en"


# --- one table per fact: each form's counting said once, rows in the display language ---
def _cells(markup: str) -> list[str]:
    """The text of every table cell, math left out."""
    import re

    cells = re.findall(r"<t[dh]>(.*?)</t[dh]>", markup)
    return [re.sub(r"\\\(.*?\\\)", "", cell) for cell in cells]


@pytest.mark.parametrize("padding", ["total", "per-side"])
@pytest.mark.parametrize("bias", [False, True])
def test_each_form_says_each_counting_fragment_once(padding, bias):
    from derivations.closed_forms import forms
    from derivations.registry.forms import COUNTING

    for key, form in forms(padding, bias).items():
        ids = form.counting_ids
        assert len(ids) == len(set(ids)), (key, ids)
        assert set(COUNTING[key]) <= set(ids)
        assert form.counting == "; ".join(text(i, "en") for i in ids)
    said = text(f"sheets.convention.{'total' if padding == 'total' else 'per_side'}_padding", "en")
    assert forms(padding, bias)[Form.OUTPUT_HEIGHT].counting == (
        f"{said}; {text('sheets.convention.bias' if bias else 'sheets.convention.no_bias', 'en')}"
    )


def test_output_height_counting_says_its_padding_once():
    from derivations.closed_forms import forms

    assert forms()[Form.OUTPUT_HEIGHT].counting == "total padding; no bias"


def test_cost_table_rows_follow_the_language(zh):
    table = cost_table(LAYER.replace(bias=True))
    markdown, html = table._repr_markdown_(), table._repr_html_()
    cells = _cells(html)
    for row in table.rows:
        name = text(f"sheets.form.{row.key}", "zh")
        assert display.escape_markdown(name) in markdown and display.escape_html(name) in cells
        english = text(f"sheets.form.{row.key}", "en")
        if english != name:
            assert display.escape_html(english) not in cells
    # the conventions too: Chinese, never the English fragments
    assert text("sheets.convention.exact_counting", "zh") in html
    assert text("sheets.convention.exact_counting", "en") not in html
    assert text("sheets.convention.bias_addition", "zh") in html
    assert text("display.padding_total", "zh") in html  # the layer line


@pytest.mark.parametrize("shown", ["table", "forms"])
def test_tables_are_compact_each_shared_fact_said_once(shown):
    """What nbconvert's HTML would show: the layer (or the shared convention) once, one
    row per form whose text cells are short, the memory model once below the table."""
    table = cost_table(LAYER)
    item = table if shown == "table" else forms_for(LAYER)
    html = item._repr_html_()
    parsed = _parsed(html)
    assert parsed.seen <= {
        "div",
        "strong",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "p",
        "small",
    }
    assert html.count("<tr>") == len(table) + 1
    visible = "".join(parsed.text)
    assert visible.count(text("sheets.memory_model", "en")) == 1
    for shared in ("sheets.convention.total_padding", "sheets.convention.no_bias"):
        assert text(shared, "en") not in "".join(_cells(html))
    assert max(len(cell) for cell in _cells(html)) <= 80
    # the text besides the math: before this table said each shared fact in every row,
    # it was 5.4k characters; now about 2.4k
    import re

    assert len(re.sub(r"\\\(.*?\\\)", "", visible)) < 2800
    markdown = item._repr_markdown_()
    assert markdown.count(display.escape_markdown(text("sheets.memory_model", "en"))) == 1
    assert markdown.count("\n| ") == len(table) + 1


def test_tables_as_latex_are_one_array():
    table = cost_table(LAYER)
    for item in (table, forms_for(LAYER)):
        latex = item._repr_latex_()
        assert latex.startswith(r"$$\begin{array}") and latex.endswith(r"\end{array}$$")
        assert latex.count(r" \\ ") == len(table)  # the header, then one line per form
    assert "1,769,472" in table._repr_latex_()  # forward multiplications' value


def test_display_is_a_leaf():
    """display imports nothing of the package but the catalogue and the error type."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(display.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("derivations")
    }
    assert imported <= {"derivations.messages", "derivations.errors"}
