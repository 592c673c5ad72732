"""Renderer, registry and math-span extraction: table-driven, no outside tools."""

import sys
import types

import jinja2
import pytest

from derivations.errors import DerivationError
from derivations.exercises import build_all, for_edition
from derivations.exercises.document import CheckFailed, Exercise, text
from derivations.render import environment, md_text, tex_text
from tests.docs.mathspans import math_spans


@pytest.mark.parametrize(
    "prose, expected",
    [
        ("50% & $x_1$", r"50\% \& $x_1$"),
        ("a_b `c_d`", r"a\_b \texttt{c\_\allowbreak{}d}"),  # a line may break in a code name
        ("`torch.nn` `x.`", r"\texttt{torch.\allowbreak{}nn} \texttt{x.}"),
        ('"quoted" text', "``quoted'' text"),
        ("3×4 → 5", r"3$\times$4 $\to$ 5"),
        ("{#~^\\}", r"\{\#\textasciitilde{}\textasciicircum{}\textbackslash{}\}"),
        ("$\\frac{a}{b}$ stays", r"$\frac{a}{b}$ stays"),
    ],
)
def test_tex_text_escapes_text_and_keeps_math(prose, expected):
    assert tex_text(prose) == expected


@pytest.mark.parametrize(
    "prose, cell, expected",
    [
        ("a*b_c [x] <y>", False, r"a\*b\_c \[x\] \<y\>"),
        ("$a_b * c$", False, "$a_b * c$"),
        ("$|x|$ and a|b", True, r"$\vert x\vert $ and a\|b"),
        ("`x|y`", True, r"`x\|y`"),
        ("`x_y`", False, "`x_y`"),
    ],
)
def test_md_text_escapes_text_and_keeps_math(prose, cell, expected):
    assert md_text(prose, cell=cell) == expected


def _exercise(id_, en, zh):
    return Exercise(
        id=id_, numbers={"en": en, "zh": zh}, title=text(id_, id_), statement=text("s", "s")
    )


@pytest.mark.parametrize(
    "lang, numbered, appendices",
    [
        ("en", ["both1", "en6"], ["zh4", "neither"]),
        ("zh", ["both1", "zh4"], ["en6", "neither"]),
    ],
)
def test_for_edition_numbers_then_appendices(lang, numbered, appendices):
    exercises = [
        _exercise("neither", None, None),
        _exercise("en6", 6, None),
        _exercise("zh4", None, 4),
        _exercise("both1", 1, 1),
    ]
    got = for_edition(exercises, lang)
    assert ([e.id for e in got[0]], [e.id for e in got[1]]) == (numbered, appendices)


def test_for_edition_rejects_duplicate_numbers():
    with pytest.raises(DerivationError, match="share a number"):
        for_edition([_exercise("a", 1, 1), _exercise("b", 1, 2)], "en")


def test_missing_module_is_one_line_error():
    with pytest.raises(DerivationError) as error:
        build_all(("no_such_exercise",))
    assert "derivations.exercises.no_such_exercise is missing" in str(error.value)
    assert "\n" not in str(error.value)


def test_failed_check_is_one_line_error(monkeypatch):
    def build():
        raise CheckFailed("forward_mults: closed form gives 1, executed 2")

    module = types.ModuleType("derivations.exercises.failing_fake")
    module.build = build
    monkeypatch.setitem(sys.modules, "derivations.exercises.failing_fake", module)
    with pytest.raises(DerivationError, match="exercise failing_fake: check failed: forward_mults"):
        build_all(("failing_fake",))


def test_templates_reject_unknown_block_types():
    exercise = _exercise("x", 1, 1)
    exercise.blocks = [{"type": "no-such-block"}]
    template = environment().get_template("answers.md.j2")
    from derivations.render import lookup

    with pytest.raises(jinja2.UndefinedError):
        template.render(
            msg=lookup("en"),
            lang="en",
            entries=[
                {"exercise": exercise, "label": "E", "note": "n", "anchor": "x", "answers": []}
            ],
        )


@pytest.mark.parametrize(
    "markdown, spans",
    [
        ("a $x$ b $y_1$", [("x", False), ("y_1", False)]),
        ("$$\nA \\\\ B\n$$", [("A \\\\ B", True)]),
        ("`$not$` and $yes$", [("yes", False)]),
        ("```\n$x$\n```\n$z$", [("z", False)]),
        ("costs \\$5 and $k$", [("k", False)]),
    ],
)
def test_math_spans(markdown, spans):
    assert [(s["tex"], s["display"]) for s in math_spans(markdown)] == spans


# --- the web page: MathML at build time, escaped text, figures inlined -----------------
@pytest.mark.parametrize(
    "prose, present, absent",
    [
        ("a <b> & `c<d>`", ["a &lt;b&gt; &amp; <code>c&lt;d&gt;</code>"], ["<b>"]),
        (
            "$x_1$, so",
            ['<span class="nobr"><math', "<msub><mi>x</mi><mn>1</mn></msub>", "</math>,</span> so"],
            [],
        ),
        ("$a < b$", ["&#x0003C;"], ["a < b"]),
        # an opening bracket stays on the line of the math after it
        (
            "so ($x_1$: one)",
            ['so <span class="nobr">(<math', "</math>:</span> one)"],
            ["so (<math", "so (<span"],
        ),
        ("（$x$）", ['<span class="nobr">（<math', "</math>）</span>"], []),
    ],
)
def test_html_text_escapes_text_and_converts_math(prose, present, absent):
    from derivations.webpage import html_text

    out = str(html_text(prose))
    for needle in present:
        assert needle in out, out
    for needle in absent:
        assert needle not in out, out


@pytest.mark.parametrize(
    "latex, pieces",
    [
        ("x", ["x"]),
        (
            r"c_{o} m_{h} + c_{i} k_{h} = \frac{a + b}{c}",
            [r"c_{o} m_{h} +", r" c_{i} k_{h} =", r" \frac{a + b}{c}"],
        ),
        (
            r"\left(a + b + c + d + e + f\right) + g",
            [r"\left(a + b + c + d + e + f\right) +", " g"],
        ),
        (r"x^{a + b + c + d + e + f + g + h}", [r"x^{a + b + c + d + e + f + g + h}"]),
    ],
)
def test_inline_math_breaks_only_at_top_level_operators(latex, pieces):
    from derivations.mathml import split_inline

    assert split_inline(latex) == pieces


def test_aligned_rows_become_table_rows():
    from derivations.mathml import display

    out = display(r"\begin{aligned} M &= a \\ A &= b \end{aligned}")
    assert out.count("<mtr>") == 2 and 'columnalign="right"' in out
    assert "&amp;" not in out and "<mi>&</mi>" not in out


def test_long_side_by_side_display_is_one_formula_a_line():
    from derivations.mathml import display

    out = display(
        r"N_\times = \frac{c^{2}}{b} + c + c + c + c,\qquad N_+ = \frac{c^2}{b} - c"
        r" + c + c + c + c + c"
    )
    # each formula its own line: a block, or a long one in pieces a phone may wrap
    blocks = out.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">')
    assert blocks + out.count('<span class="wrap">') == 2 and out.count("</span>") <= 2


def test_long_display_wraps_between_pieces_in_display_style():
    """A long display formula was one <math> a phone cut off at its right edge: now
    pieces cut after top-level relations and operators, each in display style (limits
    under the sums, as the block had them), on one centred line that may wrap."""
    from derivations.mathml import display

    latex = (
        r"z_i = \sum_{b}\beta_b \sum_{a} \alpha_a x_{i+a+b} = "
        r"\sum_{t=0}^{k_1+k_2-2}\Big(\sum_{a+b=t} \alpha_a \beta_b\Big) x_{i+t}"
    )
    out = display(latex)
    assert out.startswith('<span class="wrap">') and out.endswith("</span>")
    pieces = out[len('<span class="wrap">') : -len("</span>")].split("<wbr>")
    assert len(pieces) >= 3
    assert all('display="inline" displaystyle="true"' in piece for piece in pieces)
    assert "<munderover>" in out and 'display="block"' not in out
    short = display(r"\kappa(z) = z^{2} + 1")
    assert "wrap" not in short and short.count('display="block"') == 1
    rows = display(
        r"\begin{aligned} M &= a + b + c + d + e + f + g + h + i + j \\ A &= b \end{aligned}"
    )
    assert "wrap" not in rows and rows.count('display="block"') == 1


def test_unknown_command_is_refused():
    from derivations.mathml import display

    with pytest.raises(DerivationError, match=r"unconverted"):
        display(r"\nosuchcommand{x}")


def test_page_inlines_figures_with_alt_text_and_rejects_unknown_types():
    from derivations.exercises.document import Figure, Paragraph
    from derivations.webpage import render_page

    exercise = _exercise("x", 1, 1)
    exercise.blocks = [
        Paragraph(text("see <this>", "见")),
        Figure("strip-loads", text("Loads $L$", "载入"), text('loads "fall"', "载入下降")),
    ]
    entries = [{"exercise": exercise, "label": "E", "note": "n", "anchor": "x", "answers": []}]
    page = {"sections": [], "memory_model": text("m", "m")}
    html = render_page(entries, page, "en", {"strip-loads": (b"<svg/>", b"<g/>")})
    assert (  # the narrow drawing on a phone, the wide one elsewhere
        '<picture><source media="(max-width: 600px)" srcset="data:image/svg+xml;base64,PGcvPg==">'
        '<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="loads &#34;fall&#34;"></picture>'
    ) in html
    assert "see &lt;this&gt;" in html and "<script" not in html
    assert "<figcaption>Loads <math" in html
    exercise.blocks = [{"type": "no-such-block"}]
    with pytest.raises(jinja2.UndefinedError):
        render_page(entries, page, "en", {})


def test_templates_load_through_importlib_resources():
    from derivations.render import template_loader

    env = jinja2.Environment(loader=template_loader())
    assert "{#" in env.loader.get_source(env, "index.html.j2")[0]
    with pytest.raises(jinja2.TemplateNotFound):
        env.get_template("../render.py")


def test_templates_and_renderers_look_strings_up_by_declared_ids():
    """Every ``msg("sheets.<name>")`` of the sheet and page templates and the renderers
    names a catalogue id (a misspelt id would fail the render; this names it), and no
    template still reads the removed ``s.<name>`` view."""
    import re
    from importlib import resources

    from derivations.messages import catalogue

    package = resources.files("derivations")
    sources = {
        name: (package / "templates" / name).read_text(encoding="utf-8")
        for name in ("answers.md.j2", "answers.tex.j2", "formulas.md.j2", "index.html.j2")
    }
    for module in ("render.py", "webpage.py"):
        sources[module] = (package / module).read_text(encoding="utf-8")
    used = {
        key for source in sources.values() for key in re.findall(r'"(sheets\.[a-z_]+)"', source)
    }
    assert len(used) > 20 and not used - set(catalogue()), sorted(used - set(catalogue()))
    stale = [name for name, source in sources.items() if re.search(r"[{(\s]s\.[a-z_]+", source)]
    assert not stale, stale


def test_lookup_fills_fields_in_each_language():
    from derivations.render import lookup

    assert lookup("en")("sheets.exercise", n=3) != lookup("zh")("sheets.exercise", n=3)
    assert "3" in lookup("zh")("sheets.exercise", n=3)


def test_wide_aligned_rows_have_a_line_each_for_a_phone():
    """An aligned display whose rows a phone cannot show side by side (the reference
    page's C_h = k_h m_h - max(..) max(..), cut off at 390 px) also comes as one line a
    row, each wrapping after an operator or before a max; narrow rows stay one table."""
    from derivations.mathml import display

    wide = display(
        r"\begin{aligned} m_h &= \left\lfloor \frac{h - k_h + p_h + s_h}{s_h} \right\rfloor \\ "
        r"C_h &= k_h m_h - \max\left(0, k_h - \frac{s_h}{d_h}\right)"
        r" \max\left(0, m_h - \frac{d_h}{s_h}\right) \end{aligned}"
    )
    table, narrow = wide.split('<span class="rows-narrow">')
    assert table.startswith('<math class="rows" ') and table.count("<mtr>") == 2
    lines = narrow.split('<span class="wrap">')[1:]
    assert len(lines) == 2 and "<mtr>" not in narrow
    assert lines[1].count("<wbr>") == 3  # after "=", after "-", before the second max
    small = display(r"\begin{aligned} M &= a \\ A &= b \end{aligned}")
    assert "rows-narrow" not in small and 'class="rows"' not in small
