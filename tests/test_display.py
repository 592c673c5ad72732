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


def test_closed_form_reprs_show_sympys_latex():
    form = forms_for(LAYER)[Form.FORWARD_MULTS]
    latex = sp.latex(form.compact)  # the oracle: SymPy's printer on the form itself
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
