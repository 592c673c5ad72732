"""The sheets' claims an examiner recomputed, each recomputed here by an independent
route (plain integer arithmetic, NumPy, exact fractions) and compared with what the
committed documents print (``test_committed_output_is_fresh`` keeps them current); the
figures' labels are read back from their SVG files; no generated file holds an unfilled
field, and an unfilled field fails the build."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from derivations.errors import DerivationError
from derivations.exercises.fields import fill, unfilled

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "output"
LANGS = ("en", "zh")


def _sheet(lang: str, fmt: str = "md") -> str:
    return (OUTPUT / lang / f"answers.{fmt}").read_text(encoding="utf-8")


def _section(md: str, title_start: str) -> str:
    """The Markdown of the exercise whose ``## `` heading contains ``title_start``."""
    parts = re.split(r"^## ", md, flags=re.M)
    found = [p for p in parts if title_start in p.splitlines()[0]]
    assert len(found) == 1, title_start
    return found[0]


def _svg_labels(key: str) -> list[str]:
    """The texts matplotlib drew into figure ``key`` (its SVG keeps each as a comment
    before the glyph paths)."""
    svg = (OUTPUT / "figures" / f"{key}.svg").read_text(encoding="utf-8")
    return re.findall(r"<!-- (.*?) -->", svg)


# --- no unfilled text, ever -----------------------------------------------------------
GENERATED = sorted(
    p for p in OUTPUT.rglob("*") if p.is_file() and p.suffix in (".md", ".tex", ".html", ".svg")
)


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: str(p.relative_to(OUTPUT)))
def test_no_generated_file_holds_an_unfilled_field(path):
    source = path.read_text(encoding="utf-8")
    assert unfilled(source) == []
    if path.suffix == ".html":
        # math is MathML there: a brace group {NAME} became a row of single letters
        letters = re.findall(r"<mrow>((?:<mi>[A-Za-z]</mi>){4,})</mrow>", source)
        assert letters == []


@pytest.mark.parametrize(
    "source, found",
    [
        ("$c = {CHANNELS}$, ${SIZE}\\times {SIZE}$", ["{CHANNELS}", "{SIZE}", "{SIZE}"]),
        ("seed {seed} of {n}", ["{seed}", "{n}"]),
        ("\\frac{a}{b} + x_{ab}^{cd} + \\mathrm{groups} + \\sqrt[n]{x}", []),
        ("\\begin{aligned} a &= b \\end{aligned}", []),
    ],
)
def test_unfilled_finds_fields_not_latex_arguments(source, found):
    assert unfilled(source) == found


def test_an_unfilled_field_fails_the_build():
    from derivations.exercises.document import exercise, paragraph, text

    with pytest.raises(DerivationError, match=r"\{CHANNELS\}"):
        text(en="$c = 64$", zh="$c = {CHANNELS}$")
    with pytest.raises(DerivationError, match=r"\{SIZE\}"):
        exercise(
            "doubling",
            statement=text(en="a", zh="b"),
            blocks=[paragraph({"en": "${SIZE}$", "zh": "x"})],
        )


def test_fill_refuses_missing_and_unknown_fields():
    assert fill("$c = {c}$", "here", c=64) == "$c = 64$"
    with pytest.raises(DerivationError, match=r"field \{c\} has no value"):
        fill("$c = {c}$", "here")
    with pytest.raises(DerivationError, match="size is not a field"):
        fill("$c = {c}$", "here", c=64, size=56)


def test_catalogue_lookups_refuse_missing_and_unknown_fields():
    from derivations.exercises.document import message
    from derivations.render import lookup

    with pytest.raises(DerivationError, match="has no value"):
        lookup("en")("sheets.exercise")
    with pytest.raises(DerivationError, match="not a field"):
        lookup("zh")("sheets.exercise", n=1, letter="A")
    with pytest.raises(DerivationError, match="has no value"):
        message("sheets.exercise")


# --- Errors: Exercise 3, doubling the padding -----------------------------------------
def _output(h: int, k: int, total_padding: int) -> int:
    return h - k + total_padding + 1


def _increase(h: int, k: int, p: int, sides: int) -> Fraction:
    """The cost ratio when the padding ``p`` (total when sides = 1, per side when 2)
    doubles, stride 1, square: plain integer arithmetic."""
    before = _output(h, k, sides * p)
    after = _output(h, k, 2 * sides * p)
    return Fraction(after * after, before * before)


def _percent(ratio: Fraction) -> str:
    return f"{float(100 * (ratio - 1)):.1f}"


@pytest.mark.parametrize("lang", LANGS)
def test_padding_doubling_can_more_than_double(lang):
    total, per_side = _increase(4, 3, 2, 1), _increase(4, 3, 2, 2)
    assert total > 2 and per_side > 2  # the figure's smallest input
    section = _section(_sheet(lang), "填充" if lang == "zh" else "padding")
    for ratio in (total, per_side):
        assert f"+{_percent(ratio)}\\%" in section
    assert "never double" not in section and "永远不到两倍" not in section
    assert "far from 2" not in section and "远小于 2" not in section


def test_padding_doubling_stays_below_four():
    """The sheet's bound: each side grows by less than 2, so the cost by less than 4."""
    worst = max(
        _increase(k + e, k, p, sides)
        for k in range(1, 8)
        for e in range(0, 40)
        for p in range(1, 30)
        for sides in (1, 2)
    )
    assert 2 < worst < 4
    for lang in LANGS:
        section = _section(_sheet(lang), "填充" if lang == "zh" else "padding")
        assert "4\\times$" in section or "$4$ 倍" in section


@pytest.mark.parametrize("lang", LANGS)
def test_padding_table_row_at_8_squared(lang):
    """The table's 8x8 row: +96% per side, more than the sheet used to allow."""
    section = _section(_sheet(lang), "填充" if lang == "zh" else "padding")
    assert f"+{_percent(_increase(8, 3, 2, 2))}\\%" in section


def test_padding_figure_names_its_layer():
    labels = _svg_labels("padding-doubling-ratio")
    assert any("3\\times 3" in label and "s = 1" in label for label in labels)
    caption = _section(_sheet("en"), "padding")
    assert "$3\\times 3$ kernel, stride 1" in caption


# --- Errors: Exercise 4, why float64 agrees ------------------------------------------
def _draws(seed: int):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((3, 3, 3)).astype(np.float32).astype(np.float64)
    K = rng.standard_normal((2, 3, 1, 1)).astype(np.float32).astype(np.float64)
    return X, K


def _reverse_changes(seeds: int = 1000) -> int:
    """float64 entries where adding channels 3, 2, 1 differs from 1, 2, 3 (left to right)."""
    changed = 0
    for seed in range(seeds):
        X, K = _draws(seed)
        products = K[:, :, 0, 0][:, :, None, None] * X[None]  # (c_o, c_i, h, w)
        forward = (products[:, 0] + products[:, 1]) + products[:, 2]
        backward = (products[:, 2] + products[:, 1]) + products[:, 0]
        changed += int(np.count_nonzero(forward != backward))
    return changed


@pytest.mark.parametrize("lang", LANGS)
def test_float64_agreement_is_not_order_independence(lang):
    changed = _reverse_changes()
    assert changed > 0
    md = _sheet(lang)
    assert f"{changed:,}" in md or f"{changed}" in md
    assert "in either order" not in md and "无论按何种次序" not in md


# --- Errors: the strip-loads figure ---------------------------------------------------
def test_strip_loads_axis_says_loads_per_output():
    labels = _svg_labels("strip-loads")
    assert "$L(\\Delta)$" in labels  # the y axis: L(Delta), loads per output
    assert any(label.startswith("$L(\\Delta) = ") for label in labels)
    assert not any("L/\\Delta" in label or "L / \\Delta" in label for label in labels)


# --- Errors: the block-diagonal appendix in Chinese -----------------------------------
def test_block_diagonal_names_its_layer_in_both_languages():
    from derivations.exercises.maths.blocks import CHANNELS, SIZE

    for lang in LANGS:
        md = _sheet(lang)
        assert f"$c = {CHANNELS}$" in md and f"${SIZE}\\times {SIZE}$" in md
    assert "之差为 小于" not in _sheet("zh")


# --- an answer key first; every exercise ends in a boxed answer ------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_comes_first_and_links_every_boxed_answer(lang):
    from derivations.messages import text

    md = _sheet(lang)
    key_title = text("sheets.answer_key", lang)
    sections = re.split(r"^## ", md, flags=re.M)
    titles = [s.splitlines()[0] for s in sections[1:]]
    assert titles[1] == key_title  # after the contents, before every exercise
    key = sections[2]
    anchors = re.findall(r'^<a id="([^"]+)"></a>$', md, flags=re.M)
    links = re.findall(r"\]\(#([^)]+)\) \|", key)
    assert links == anchors and len(set(anchors)) == len(anchors)
    for exercise in sections[3:]:  # every exercise and appendix has a boxed answer
        assert re.search(r'^<a id="[^"]+-answer-1"></a>$', exercise, flags=re.M), exercise[:60]
    tex = _sheet(lang, "tex")
    assert re.findall(r"\\answerlink\{([^}]+)\}", tex) == anchors
    assert re.findall(r"\\answertarget\{([^}]+)\}", tex) == anchors
    assert tex.index("\\answerlink{") < tex.index("\\answertarget{")
    page = (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    key_html = page[page.index('<section id="answer-key">') : page.index("</section>")]
    assert re.findall(r'<a href="#([^"]+)">', key_html) == anchors
    for anchor in anchors:
        assert page.count(f'id="{anchor}"') == 1


def test_an_exercise_without_a_boxed_answer_fails_the_build():
    from derivations.exercises.document import exercise, paragraph, text

    with pytest.raises(DerivationError, match="no boxed answer"):
        exercise("matmul", statement=text(en="a", zh="b"), blocks=[paragraph(text(en="x", zh="y"))])
