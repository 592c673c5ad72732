"""The sheets' claims an examiner recomputed, each recomputed here by an independent
route (plain integer arithmetic, NumPy, exact fractions) and compared with what the
committed documents print (``test_committed_output_is_fresh`` keeps them current); the
figures' labels are read back from their SVG files; no generated file holds an unfilled
field, and an unfilled field fails the build."""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest

from derivations.errors import DerivationError
from derivations.exercises.fields import fill, unfilled
from tests.docs.sheets import LANGS, OUTPUT, exercise_section, read_sheet


def _svg_labels(key: str, lang: str = "en") -> list[str]:
    """The texts matplotlib drew into figure ``key`` in ``lang`` (its SVG keeps each as
    a comment before the glyph paths)."""
    svg = (OUTPUT / "figures" / lang / f"{key}.svg").read_text(encoding="utf-8")
    return re.findall(r"<!-- (.*?) -->", svg, flags=re.S)


# --- no unfilled text, ever -----------------------------------------------------------
GENERATED = sorted(
    p for p in OUTPUT.rglob("*") if p.is_file() and p.suffix in (".md", ".tex", ".html", ".svg")
)


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: str(p.relative_to(OUTPUT)))
def test_no_generated_file_holds_an_unfilled_field(path):
    source = path.read_text(encoding="utf-8")
    # the practice page's message catalogue: templates its script fills in the browser
    source = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", source, flags=re.S)
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
    section = exercise_section(read_sheet(lang), "填充" if lang == "zh" else "padding")
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
        section = exercise_section(read_sheet(lang), "填充" if lang == "zh" else "padding")
        assert "4\\times$" in section or "$4$ 倍" in section


@pytest.mark.parametrize("lang", LANGS)
def test_padding_bound_of_four_is_stated_with_its_conditions(lang):
    """ "Always less than 4x" was false: a 1x1 input under a 3x3 kernel, padding 2 -> 4 in
    all, grows from 1x1 to 3x3 outputs (x9); at stride 3 a 3x3 input grows from 1x1 to
    2x2 (x4). The sheet states both, computed here by counting window positions."""
    below = Fraction(_output(1, 3, 4) ** 2, _output(1, 3, 2) ** 2)
    strided = Fraction(len(range(0, 3 + 4 - 3 + 1, 3)) ** 2, len(range(0, 3 + 2 - 3 + 1, 3)) ** 2)
    assert (below, strided) == (9, 4)
    md = read_sheet(lang)
    section = exercise_section(md, "填充" if lang == "zh" else "padding")
    assert "always less than" not in section and "但总小于" not in section
    key = next(line for line in md.splitlines() if "(#doubling-answer-2)" in line)
    assert "$1\\times 1\\to 3\\times 3$" in key and f"\\times {below}$" in key
    assert "$1\\times 1\\to 2\\times 2$" in section and f"\\times {strided}$" in section


@pytest.mark.parametrize("lang", LANGS)
def test_padding_table_row_at_8_squared(lang):
    """The table's 8x8 row: +96% per side, more than the sheet used to allow."""
    section = exercise_section(read_sheet(lang), "填充" if lang == "zh" else "padding")
    assert f"+{_percent(_increase(8, 3, 2, 2))}\\%" in section


def test_padding_figure_names_its_layer():
    labels = _svg_labels("padding-doubling-ratio")
    assert any("Kernel 3×3, stride 1" in label for label in labels)
    caption = exercise_section(read_sheet("en"), "padding")
    assert "$3\\times 3$ kernel, stride 1" in caption


@pytest.mark.parametrize("lang", LANGS)
def test_padding_figures_legend_draws_the_executed_counts_as_plotted(lang):
    """s11exam F1 (cosmetic): the legend's "executed counts" marker was hollow (paper
    white) where the plotted markers are filled in their reading's colour.  Read back
    from the SVG: the legend's markers have the plotted markers' fills."""
    svg = (OUTPUT / "figures" / lang / "padding-doubling-ratio.svg").read_text(encoding="utf-8")
    legend = svg.index('<g id="legend_1">')
    fill = re.compile(r'<use xlink:href="#m[0-9a-f]+"[^>]*style="fill: (#[0-9a-f]{6})')
    plotted = set(fill.findall(svg[:legend]))
    assert len(plotted) == 2 and set(fill.findall(svg[legend:])) == plotted


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
    md = read_sheet(lang)
    assert f"{changed:,}" in md or f"{changed}" in md
    assert "in either order" not in md and "无论按何种次序" not in md


# --- Errors: the strip-loads figure ---------------------------------------------------
def test_strip_loads_axis_says_loads_per_output():
    labels = _svg_labels("strip-loads")
    assert "loads per output $L(\\Delta)$" in labels  # the y axis: L(Delta), loads per output
    assert any(label.startswith("$L(\\Delta) = ") for label in labels)
    assert not any("L/\\Delta" in label or "L / \\Delta" in label for label in labels)


# --- Errors: the block-diagonal appendix in Chinese -----------------------------------
def test_block_diagonal_names_its_layer_in_both_languages():
    from derivations.exercises.maths.blocks import CHANNELS, SIZE

    for lang in LANGS:
        md = read_sheet(lang)
        assert f"$c = {CHANNELS}$" in md and f"${SIZE}\\times {SIZE}$" in md
    assert "之差为 小于" not in read_sheet("zh")


# --- an answer key first; every exercise ends in a boxed answer ------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_comes_first_and_links_every_boxed_answer(lang):
    from derivations.messages import text

    md = read_sheet(lang)
    key_title = text("sheets.answer_key", lang)
    sections = re.split(r"^## ", md, flags=re.M)
    titles = [s.splitlines()[0] for s in sections[1:]]
    assert titles[1] == key_title  # after the contents, before every exercise
    key = sections[2]
    anchors = re.findall(r'^<a id="([^"]+-answer-\d+)"></a>$', md, flags=re.M)
    links = re.findall(r"\]\(#([^)]+)\) \|", key)
    assert links == anchors and len(set(anchors)) == len(anchors)
    for exercise in sections[3:]:  # every exercise and appendix has a boxed answer
        assert re.search(r'^<a id="[^"]+-answer-1"></a>$', exercise, flags=re.M), exercise[:60]
    tex = read_sheet(lang, "tex")
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


# --- Misleading: each claim said with its condition and its numbers --------------------
def test_exercise1_split_with_channels_needs_ck_channels_and_costs_twice():
    rng = np.random.default_rng(0)
    c, k = 2, 3
    ranks = {
        int(
            np.linalg.matrix_rank(
                rng.integers(-5, 6, (c, c, k, k))
                .transpose(1, 2, 0, 3)
                .reshape(c * k, c * k)
                .astype(float)
            )
        )
        for _ in range(20)
    }
    assert ranks == {c * k}  # a random kernel: full rank c k
    split, single = c * k * (c + c) * k, c * c * k * k  # c_m (c_i + c_o) k, c_i c_o k^2
    assert (split, single) == (72, 36)
    en, zh = (
        exercise_section(read_sheet("en"), "Composing"),
        exercise_section(read_sheet("zh"), "合成"),
    )
    assert f"= {split}$ multiplications" in en and f"= {single}$" in en
    assert "not a free exact speed-up" in en and "并不是免费的精确加速" in zh
    assert "costs $2k$ instead of $k^2$" not in en


def test_block_diagonal_additions_ratio_in_the_answer():
    c = 64
    for b in (2, 16):
        ratio = Fraction(b * (c - 1), c - b)
        for lang, title in (("en", "Block-diagonal"), ("zh", "分块对角")):
            answer = exercise_section(read_sheet(lang), title)
            assert f"{float(ratio):.2f}" in answer
    assert "slightly more than $b$" not in read_sheet("en")
    assert "略多于 $b$" not in read_sheet("zh")


def test_backward_memory_says_when_the_output_is_released():
    for lang, needle in (("en", "For one layer on its own"), ("zh", "对单独的一层")):
        assert needle in read_sheet(lang)
        assert "released once" not in read_sheet(
            lang
        ) and "得到后前向输出即被释放" not in read_sheet(lang)


def test_english_edition_naming_is_our_reading():
    assert "names that total" not in read_sheet("en")
    assert "is our reading" in read_sheet("en") and "是我们的解读" in read_sheet("zh")


def test_l1_bound_names_its_loop_order():
    # one channel's k + 1 rows of Delta + k - 1 float32 values in a 32 KiB L1, k = 3
    one = max(d for d in range(1, 100000) if 4 * (3 + 1) * (d + 3 - 1) <= 32 * 1024)
    for lang in LANGS:
        assert f"\\Delta \\le {one}$" in read_sheet(lang)
    assert "depends on the loop order" in read_sheet("en")


def test_googlenet_activations_with_and_without_concatenations():
    from derivations.networks import model_network, tabulate

    table = tabulate(model_network("googlenet"))
    copies = sum(r.activations for r in table.rows if r.kind == "concat")
    total = table.totals["activations"]
    assert copies > 0
    en = read_sheet("en")
    assert f"{total / 1e6:.2f} M" in en and f"{(total - copies) / 1e6:.2f} M" in en
    zh = read_sheet("zh")  # in 万, rounded half up: no Latin M in Chinese prose
    wan = [(2 * n + 10**4) // (2 * 10**4) for n in (total, total - copies)]
    assert f"约 {wan[0]} 万个激活值" in zh and f"约 {wan[1]} 万个" in zh


def test_torchvision_gflops_labels_said_to_be_multiply_adds():
    assert '"GFLOPS", but they are multiply-adds' in read_sheet("en")
    assert "“GFLOPS”，但它们是乘加次数" in read_sheet("zh")


@pytest.mark.parametrize("lang", LANGS)
def test_published_macs_digits_said_where_torchvision_publishes_them(lang):
    """torchvision's documentation prints the multiply-adds with two decimals (its
    conf.py formats ``_ops`` as ``{:.2f}``); the sheets quote more digits, which only the
    weights' metadata field ``_ops`` holds: the sheet must say so."""
    from derivations.exercises.maths.networks import PUBLISHED

    quoted = [gmacs for _, gmacs in PUBLISHED.values()]
    assert any(f"{float(g):.2f}" != g for g in quoted)  # some figure has digits the docs drop
    sheet = read_sheet(lang)
    assert all(f"{g} G MACs" in sheet for g in quoted)
    said = {
        "en": "MACs to the digits of the `_ops` field of its weights' metadata, which the "
        "documentation's tables round to two decimals",
        "zh": "MACs 精确到其权重元数据中 `_ops` 字段的位数，文档中的表格只保留两位小数",
    }[lang]
    assert said in sheet
    assert "to the digits published" not in sheet and "精确到公布的位数" not in sheet


@pytest.mark.parametrize("lang", LANGS)
def test_exercise4_does_not_give_the_book_a_motive(lang):
    """The book asserts ``< 1e-6`` and says nothing of why: the sheet states the fact."""
    title = {"en": "Y1 and Y2", "zh": "Y1 和 Y2"}[lang]
    section = exercise_section(read_sheet(lang), title)
    assert "which is why the book" not in section and "这正是书中" not in section
    said = {
        "en": "the book, too, compares them with a tolerance, not with equality",
        "zh": "书中也是用容差而不是相等来比较二者的",
    }[lang]
    assert said in section


def test_zh_sheet_names_googlenet_branches_as_the_chinese_edition():
    assert "`b5.1.b2_2`" in read_sheet("en") and "`b5.1.p2_2`" not in read_sheet("en")
    assert "`b5.1.p2_2`" in read_sheet("zh") and "b2_2`（" not in read_sheet("zh")


def test_exercise4_answer_depends_on_the_backend():
    from derivations.exercises.maths.equal_outputs import TORCH

    en = exercise_section(read_sheet("en"), "Y1 and Y2")
    assert "Not guaranteed; it depends on the backend" in en
    assert f"equal for {TORCH.avx2} of {TORCH.seeds} on MKL's AVX2 kernels, {TORCH.avx512} on" in en
    assert "不能保证，取决于后端" in exercise_section(read_sheet("zh"), "Y1 和 Y2")


@pytest.mark.parametrize(
    "word",
    [
        "抽头",
        "元素位",
        "即一个实根",
        "三加三减一个",
        "核对本文的卷积",
        "它直接给出的是",
        "随 Delta",
        "方框答案",
    ],
)
def test_zh_wording_blemishes_gone(word):
    for fmt in ("md", "tex"):
        assert word not in read_sheet("zh", fmt)
    assert word not in (OUTPUT / "zh" / "index.html").read_text(encoding="utf-8")


# --- common mistakes typeset like the rest ----------------------------------------------
#: what each language says between a wrong claim and why it is wrong
MISTAKE_LABEL = {"en": "Why it is wrong: ", "zh": "错因："}
#: how a claim, a full sentence, ends
SENTENCE_END = {"en": (".", "?"), "zh": ("。", "？")}


def _mistakes(lang: str) -> list[tuple[str, str]]:
    """(claim, why) of every "Common mistakes" item of the Markdown sheet."""
    label = re.escape(MISTAKE_LABEL[lang])
    return re.findall(rf"^- \*\*(.+?)\*\* {label}(.*)$", read_sheet(lang), flags=re.M)


@pytest.mark.parametrize("lang", LANGS)
def test_common_mistakes_are_typeset_and_do_not_repeat_their_claim(lang):
    items = _mistakes(lang)
    assert len(items) > 20
    assert len(items) == len(re.findall(r"^- \*\*", read_sheet(lang), flags=re.M))
    for claim, why in items:
        for part in (claim, why):
            prose = re.sub(r"\$[^$]+\$|`[^`]+`", "", part)
            assert "\\_" not in prose, part  # a subscript outside math: raw k_1, m_h
        said = re.sub(r"[^\w]", "", claim.lower())[:20]
        assert said not in re.sub(r"[^\w]", "", why.lower()), (claim, why)
        # a claim is a sentence, not a catalogue title ("sizes multiplied")
        assert claim.endswith(SENTENCE_END[lang]), claim
        assert why[:1] not in (" ", "：", ":"), why


@pytest.mark.parametrize("fmt", ["md", "tex", "html"])
def test_zh_mistakes_say_why_in_plain_chinese(fmt):
    """The previous review's blemish: "错在哪里：" before each of 31 reasons; now the
    usual "错因：", directly followed by the reason (no space after a full-width colon)."""
    source = (OUTPUT / "zh" / ("index.html" if fmt == "html" else f"answers.{fmt}")).read_text(
        encoding="utf-8"
    )
    assert "错在哪里" not in source
    count = len(_mistakes("zh"))
    assert source.count("错因：") == count
    assert "错因： " not in source and "错因：\n" not in source


def test_checker_keeps_its_plain_text_for_the_six():
    """The catalogue mistakes the sheets print (six, and the memory's mixed units since
    5f014380 made it the checker's) get sheet wording; the checker's own texts stay
    plain (a terminal shows no $math$)."""
    from derivations.registry.misconceptions import misconceptions

    typeset = {key: r for key, r in misconceptions().items() if r.sheet_claim}
    assert len(typeset) >= 6 and "memory_mixed_units" in typeset
    for record in typeset.values():
        assert record.questions  # the checker's own
        for lang in LANGS:
            for said in (record.title[lang], record.explanation[lang]):
                assert "$" not in said and "\\" not in said, said


# --- texts outside the sheets that repeated a claim fixed on them -----------------------
def test_padding_hint_does_not_say_less_than_double():
    """The checker's hint for ``padding_doubles_cost`` said "by less than double"; the
    same computation as the sheet's (Exercise 3) finds doubling the padding more than
    doubles the cost at 4x4, k = 3, in both readings, and stays below 4x everywhere."""
    from derivations.registry.misconceptions import misconception

    assert _increase(4, 3, 2, 1) > 2 and _increase(4, 3, 2, 2) > 2
    worst = max(
        _increase(k + e, k, p, sides)
        for k in range(1, 6)
        for e in range(0, 20)
        for p in range(1, 12)
        for sides in (1, 2)
    )
    assert worst < 4
    record = misconception("padding_doubles_cost")
    said = {lang: record.hint_text(lang) for lang in LANGS}
    assert "less than double" not in said["en"] and "不到两倍" not in said["zh"]
    assert "less than 4" in said["en"] and "不到原来的 4 倍" in said["zh"]  # (7fd46e9: a ratio)
    for lang in LANGS:
        why = record.sheet_why[lang]
        assert "4\\times$" in why or "$4$ 倍" in why


@pytest.mark.parametrize("lang", LANGS)
def test_padding_mistake_on_the_sheet_states_the_computed_increase(lang):
    section = exercise_section(read_sheet(lang), "填充" if lang == "zh" else "padding")
    why = next(why for _, why in _mistakes(lang) if why.startswith(("Only", "只有")))
    assert "$4\\times 4$" in why and "$k = 3$" in why
    for ratio in (_increase(4, 3, 2, 1), _increase(4, 3, 2, 2)):
        assert f"$+{_percent(ratio)}\\%$" in why
    assert why in section


def test_backward_memory_question_says_the_output_is_not_counted_for_one_layer():
    """``variants.ask.backward-memory`` said the forward output "is released once dY
    exists": true of one layer on its own (its backward peak leaves the output out), not
    in a network, where a ReLU after the convolution saves that very tensor."""
    from derivations import Layer, cost_table
    from derivations.messages import entry
    from derivations.networks.graph import parse_network, tabulate

    layer = Layer(c_i=3, c_o=8, h=10, w=10, k_h=3, k_w=3, p_h=2, p_w=2)
    n, c_o, m_h, m_w = layer.output_shape
    output = n * c_o * m_h * m_w
    params = layer.c_o * layer.c_i * layer.k_h * layer.k_w
    x = layer.c_i * layer.h * layer.w
    # parameters + saved input + dY + dX + dW: the forward output is not in it
    assert cost_table(layer)["memory_peak_backward"] == params + x + output + x + params
    rows = [
        {"kind": "conv", "out": 8, "kernel": 3, "padding": 1, "bias": False},
        {"kind": "relu"},
    ]
    table = tabulate(parse_network(rows, (3, 10, 10)))
    assert table.rows[1].saved == output  # the ReLU keeps the convolution's output
    texts = entry("variants.ask.backward-memory")
    assert "released" not in texts["en"] and "释放" not in texts["zh"]
    assert "on its own" in texts["en"] and "单独的一层" in texts["zh"]


# --- a second examiner's findings (English sheet) ---------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_format_links_the_book_section(lang):
    """The Markdown and the PDF linked the book's section, the web page did not."""
    from derivations.registry.exercises import BOOK_SECTION

    for fmt in ("md", "tex"):
        assert all(url in read_sheet(lang, fmt) for url in BOOK_SECTION.values())
    page = (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{url}"' in page for url in BOOK_SECTION.values())


def test_backward_memory_says_which_next_layer_keeps_the_output():
    """ "A ReLU or batch normalization after the convolution keeps its output" was half
    wrong: batch norm saves its input (the convolution's output), a ReLU saves its own
    output, as autograd's saved-tensor hooks see."""
    torch = pytest.importorskip("torch")
    conv = torch.nn.Conv2d(2, 3, 3)
    x = torch.randn(1, 2, 6, 6)
    kept = {}
    for name, after in (("bn", torch.nn.BatchNorm2d(3)), ("relu", torch.relu)):
        saved: list = []

        def pack(t, saved=saved):
            saved.append(t)
            return t

        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            y = conv(x)
            z = after(y)
        ptrs = [t.data_ptr() for t in saved if t.shape == y.shape]
        kept[name] = (y.data_ptr() in ptrs, z.data_ptr() in ptrs)
    assert kept == {"bn": (True, False), "relu": (False, True)}
    en = exercise_section(read_sheet("en"), "Forward and backward")
    zh = exercise_section(read_sheet("zh"), "练习 2")
    assert "a ReLU or batch" not in en and "ReLU 或批量规范化就会保存" not in zh
    assert "a ReLU keeps its own output" in en and "ReLU 保存的则是它自己的输出" in zh


def test_english_naming_quoted_with_the_sentence_it_refers_to():
    """The English edition's "In this case we refer to (p_h, p_w) padding" follows
    "Typically we pick symmetric padding on both sides ..." in its summary; quoting the
    second sentence alone hid what "this case" is."""
    for lang in LANGS:
        md = read_sheet(lang)
        assert "Typically we pick symmetric padding on both sides" in md
        assert "goes on:" not in md and "接着写道" not in md


def test_padding_products_convention_names_no_kernel_that_does_not_skip():
    """Implicit-GEMM kernels multiply the padding zeros they read, and Winograd saves
    multiplications by transforming tiles, not by skipping zeros."""
    for lang in LANGS:
        md = read_sheet(lang)
        assert "implicit-GEMM" not in md and "隐式" not in md


# --- the Chinese sheet in the book's words ----------------------------------------------
#: words of other Chinese texts -> the Chinese edition's own term (汇聚层 6.5, 批量规范化
#: 7.5, 连结 for torch.cat in 7.4, 特征映射 6.2), and the strip figure's words -> the text's
NOT_THE_BOOKS = {
    "池化": "汇聚",
    "归一化": "规范化",
    "拼接": "连结",
    "特征图": "特征映射",
    "读取次数": "加载次数",
    "条宽": "条带宽度",
}


def _zh_documents() -> dict[str, str]:
    texts = {f"answers.{fmt}": read_sheet("zh", fmt) for fmt in ("md", "tex")}
    texts["index.html"] = (OUTPUT / "zh" / "index.html").read_text(encoding="utf-8")
    for svg in sorted((OUTPUT / "figures" / "zh").glob("*.svg")):
        texts[svg.name] = "".join(_svg_labels(svg.stem, "zh"))
    return texts


@pytest.mark.parametrize("word", sorted(NOT_THE_BOOKS))
def test_zh_sheet_uses_the_chinese_editions_terms(word):
    documents = _zh_documents()
    assert [name for name, text in documents.items() if word in text] == []
    assert NOT_THE_BOOKS[word] in documents["answers.md"] + "".join(
        text for name, text in documents.items() if name.endswith(".svg")
    )


def test_zh_strip_figure_counts_loads_as_the_text_does():
    labels = "".join(_svg_labels("strip-loads", "zh"))
    assert "每个输出的加载次数" in labels and "条带宽度" in labels
    assert "每个输出的加载次数" in exercise_section(read_sheet("zh"), "按条带一次计算多个输出")


def test_zh_prose_has_no_space_beside_full_width_punctuation():
    """A space next to "，。；：、（）" is a seam in Chinese text (it once printed
    "GoogLeNet（书中版本） 用"); table rules and Markdown markers aside."""
    md = re.sub(r"```.*?```", "", read_sheet("zh"), flags=re.S)
    prose = [
        re.sub(r"`[^`]*`", "C", line)
        for line in md.splitlines()
        if line and not line.startswith(("|", "<!--", "> **题目")) and "| " not in line
    ]
    seams = [
        line
        for line in prose
        if re.search(r"[ ](?=[，。；：、（）])|(?<=[，。；：、（）])[ ]", line.lstrip("-> *"))
    ]
    assert seams == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_program_float_notation_in_the_sheets(lang):
    """Numbers are typeset (3.4 × 10⁻¹⁵), never a program's 3.4e-15 or 5.4e+08."""
    for fmt in ("md", "tex"):
        assert re.findall(r"\d\.\d+e[-+]\d+", read_sheet(lang, fmt)) == []


def test_zh_quotes_are_full_width_around_the_english_editions_words():
    zh = exercise_section(read_sheet("zh"), "卷积层前向与反向传播")
    assert "“Typically we pick symmetric padding" in zh and "$(p_h, p_w)$ padding.”" in zh
    assert '"Typically' not in zh and 'padding."' not in zh


def test_zh_table_of_contents_notes_in_full_width_parentheses():
    toc = [line for line in read_sheet("zh").splitlines() if line.startswith("- [练习 ")]
    assert toc and all(line.endswith("）") and " (" not in line for line in toc)


def test_zh_doubling_answer_says_times_in_words():
    answers = [line for line in read_sheet("zh").splitlines() if line.startswith("> **答案 3")]
    assert answers and not any("变为 $\\times" in line for line in answers)


@pytest.mark.parametrize("lang", LANGS)
def test_small_layer_labels_state_padding_per_side_and_bias(lang):
    """The check table's ResNet stem said "padding 3" (under the sheet's total reading
    a 16x16 input would give 7x7, not the printed 8x8) and its 1x1 row "NiN/bottleneck"
    printed 128 parameters, the count without NiN's bias (144): the row is ResNet's,
    and the table says its ResNet rows have no bias."""
    section = exercise_section(read_sheet(lang), "dominate memory" if lang == "en" else "主导内存")
    assert len(range(0, 16 + 2 * 3 - 7 + 1, 2)) == 8 != len(range(0, 16 + 3 - 7 + 1, 2))
    assert (16 * 8, 16 * 8 + 16) == (128, 144)
    stem = next(
        line for line in section.splitlines() if "7\\times 7" in line and "8\\times8" in line
    )
    one = next(line for line in section.splitlines() if "$16\\times7\\times7$" in line)
    if lang == "en":
        assert "padding 3 per side" in stem and "ResNet bottleneck" in one
        assert "the two ResNet rows have no bias" in section
    else:
        assert "每侧填充 3" in stem and "ResNet 瓶颈块" in one
        assert "两行 ResNet 形状与 ResNet 中的卷积一样不带偏置" in section
    assert "$8\\times8\\times8$" in stem and "$128$" in one


@pytest.mark.parametrize("lang", LANGS)
def test_strip_answer_key_states_the_cache_bound_assumptions(lang):
    """The L1 bound (30) holds for 64 float32 channels in a 32 KiB L1 with the channels
    in the inner loop; the answer key now says so."""
    bound = max(d for d in range(1, 1000) if 64 * 4 * (3 + 1) * (d + 3 - 1) <= 32 * 1024)
    assert bound == 30
    key = next(line for line in read_sheet(lang).splitlines() if "(#strips-answer-2)" in line)
    assert f"{bound}" in key and "32 KiB" in key


@pytest.mark.parametrize("lang", LANGS)
def test_no_python_e_notation_in_the_prose(lang):
    """ "3.4e-15" and "5.4e+08" were printed as Python formats them; the sheets write
    powers of ten. The float64/float32 shrink is 2^29 (both maxima are powers of two)."""
    md = read_sheet(lang)
    assert re.findall(r"\d\.\de[+-]\d\d", md) == []
    assert f"${2**29 / 1e8:.2f} \\times 10^{{8}}$" in md


def test_im2col_figure_uses_the_sheets_notation():
    for lang in LANGS:
        labels = " ".join(_svg_labels("im2col-matrix", lang))
        assert (
            "\\mathrm{cols}(X)" in labels
            and "col}}" not in labels
            and "X_{\\mathrm{col}}" not in labels
        )


def test_strip_loads_markers_are_in_the_legend():
    for lang, said in (("en", "executed loads"), ("zh", "实际执行的加载次数")):
        assert said in _svg_labels("strip-loads", lang)


def test_zh_reference_and_practice_pages_punctuate_in_chinese():
    """The reference section's conventions were in half-width "(`key`; ...)", the
    practice page listed its symbols with ", " and said "显示练习 1的解答"."""
    formulas = (OUTPUT / "zh" / "formulas.md").read_text(encoding="utf-8")
    assert "（`output_height`；" in formulas and "(`" not in formulas
    practice = (OUTPUT / "zh" / "practice.html").read_text(encoding="utf-8")
    assert "</span>, <span>" not in practice and "</span>，<span>" in practice
    assert "显示练习 1 的解答" in practice
    measured = re.search(r"测量环境：([^；]*)；", read_sheet("zh"))
    assert measured and "NumPy" in measured[1] and ", " not in measured[1]
    page = (OUTPUT / "zh" / "index.html").read_text(encoding="utf-8")
    assert "2 x MACs" not in page and "2 × MACs" in page


@pytest.mark.parametrize("lang", LANGS)
def test_block_diagonal_time_claim_is_the_traffic_arithmetic(lang):
    """ "A product this small is limited by memory traffic" was a timing claim nothing
    measured; what holds by counting: input and output are moved in full for every b,
    so the elements moved (c = 64, 56 x 56, b = 16) fall by about 1%, not 16 times."""
    c, pixels, b = 64, 56 * 56, 16
    dense, grouped = 2 * c * pixels + c * c, 2 * c * pixels + c * c // b
    assert 1 < Fraction(dense, grouped) < Fraction(102, 100) < b
    section = exercise_section(read_sheet(lang), "Block-diagonal" if lang == "en" else "分块对角")
    assert "limited by memory traffic" not in section and "受限于访存" not in section
    assert ("not measured here" in section) if lang == "en" else ("此处未测量" in section)


def test_english_sheet_numbers_the_book_sections_as_the_english_edition():
    """The English sheet said "6.3's formula": 6.3 is the Chinese edition's number of
    "Padding and Stride"; the English edition's chapter 7 holds it as 7.3 (its
    convolution chapter's fourth section is this one, 7.4)."""
    md = read_sheet("en")
    assert "6.3's formula" not in md
    assert "(7.3 in the English edition, 6.3 in the Chinese)" in md


def test_english_reference_page_writes_the_times_sign():
    """The English reference page said "FLOPs = 2 x MACs" with a letter x (the Chinese
    page already wrote ×): one FLOP count is 2 × the MACs, 231,211,008 = 2 × 115,605,504
    at its 64 -> 64 layer."""
    assert 231_211_008 == 2 * 64 * 64 * 9 * 56 * 56
    for name in ("formulas.md", "index.html"):
        page = (OUTPUT / "en" / name).read_text(encoding="utf-8")
        assert "2 x MACs" not in page and "2 × MACs" in page


@pytest.mark.parametrize("lang", LANGS)
def test_convolutions_share_of_macs_is_not_nearly_all_everywhere(lang):
    """ "In every model they perform nearly all multiply-adds": in LeNet (the book's, at
    28 x 28) the convolutions do 85.9% of them, counted here from its layers."""
    conv = 6 * 25 * 28 * 28 + 16 * 6 * 25 * 10 * 10
    linear = 400 * 120 + 120 * 84 + 84 * 10
    share = f"{100 * conv / (conv + linear):.1f}\\%"
    assert share == "85.9\\%"
    section = exercise_section(read_sheet(lang), "dominate memory" if lang == "en" else "主导内存")
    assert "nearly all multiply-adds" not in section and "几乎全部乘加" not in section
    assert f"in LeNet, is ${share}$" in section or f"LeNet 也有 ${share}$" in section
