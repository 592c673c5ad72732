"""What a fresh examiner of the Chinese sheet found (issue 25), each recomputed or read
back from the committed documents (``test_committed_output_is_fresh`` keeps them
current): the tolerance mistake said with the book's own PyTorch measurement, the
network figure's sums said as drawn, Chinese line breaking in the figures, and the
Chinese wording of factors ("少 b 倍", "减少为 … 倍")."""

from __future__ import annotations

import base64
import re

import numpy as np
import pytest

from tests.docs.sheets import LANGS, OUTPUT, exercise_section, read_sheet


def _mistake(section: str, claim_start: str) -> str:
    """The common-mistake bullet of ``section`` whose bold claim starts ``claim_start``."""
    found = [line for line in section.splitlines() if line.startswith(f"- **{claim_start}")]
    assert len(found) == 1, claim_start
    return found[0]


def _svg_labels(svg: str) -> list[str]:
    return re.findall(r"<!-- (.*?) -->", svg, flags=re.S)


def _figure_svgs(lang: str) -> list[str]:
    """Every drawing of ``lang``: the wide SVG files and the narrow ones the web page
    embeds for phones."""
    wide = [
        p.read_text(encoding="utf-8") for p in sorted((OUTPUT / "figures" / lang).glob("*.svg"))
    ]
    page = (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    narrow = [
        base64.b64decode(b).decode("utf-8")
        for b in re.findall(r'srcset="data:image/svg\+xml;base64,([^"]+)"', page)
    ]
    assert wide and narrow
    return wide + narrow


# --- Y1 and Y2: the tolerance mistake -------------------------------------------------
def _numpy_measurement(seeds: int = 1000) -> tuple[int, int]:
    """(seeds whose Y1 and Y2 differ in float32, seeds failing the book's tolerance),
    the book's two functions written out in NumPy here, independently of the package."""

    def corr2d(X, K):
        h, w = K.shape
        Y = np.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1), dtype=X.dtype)
        for i in range(Y.shape[0]):
            for j in range(Y.shape[1]):
                Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
        return Y

    differ = fails = 0
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((3, 3, 3)).astype(np.float32)
        K = rng.standard_normal((2, 3, 1, 1)).astype(np.float32)
        Y1 = np.matmul(K.reshape(2, 3), X.reshape(3, 9)).reshape(2, 3, 3)
        Y2 = np.stack([sum(corr2d(x, k) for x, k in zip(X, ko)) for ko in K], 0)
        differ += not np.array_equal(Y1.view(np.uint32), Y2.view(np.uint32))
        fails += not float(np.abs(Y1 - Y2).sum()) < 1e-6
    return differ, fails


@pytest.mark.parametrize(
    "lang, title, claim, words",
    [
        ("en", "Y1 and Y2", "They are equal", ("book's PyTorch code", "NumPy")),
        ("zh", "Y1 和 Y2", "二者相等", ("本书的 PyTorch 代码", "NumPy")),
    ],
)
def test_tolerance_mistake_gives_the_books_pytorch_result_too(lang, title, claim, words):
    """The student who ran the book's code saw the assertion pass, and here that code is
    bitwise equal for every seed on MKL's AVX2 kernels (for 1 on its AVX-512 ones): the
    rebuttal may not give only NumPy's 999 of 1000."""
    from derivations.exercises.maths.equal_outputs import TORCH

    item = _mistake(exercise_section(read_sheet(lang), title), claim)
    differ, fails = _numpy_measurement()
    assert (differ, fails) == (999, 100)
    assert all(word in item for word in words)
    numbers = [int(n) for n in re.findall(r"\b\d+\b", re.sub(r"\$[^$]*\$", "", item))]
    for n in (TORCH.avx2, TORCH.avx512, TORCH.seeds, differ, fails):
        assert n in numbers, (n, item)


# --- the network figure's sums ---------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_network_figure_says_which_sums_reach_100_percent(lang):
    """Σ per panel, read back from the SVG: every MAC sum is 100%, every activation sum
    far below, the parameters 100% but for batch norm; the figure's title and the
    caption say so, not that the bars never sum to 100%."""
    svg = (OUTPUT / "figures" / lang / "network-costs.svg").read_text(encoding="utf-8")
    sums = [
        [float(v) for v in re.findall(r"([\d.]+)%", label)]
        for label in _svg_labels(svg)
        if label.startswith("Σ") and len(re.findall(r"%", label)) == 3
    ]
    assert len(sums) == 8
    assert all(macs == 100 for _, macs, _ in sums)
    assert all(activations < 50 for _, _, activations in sums)
    assert all(99 <= params <= 100 for params, _, _ in sums)
    md = read_sheet(lang)
    # the caption under the figure: italic in English, upright in Chinese
    caption = re.search(r"network-costs\.svg\)\n\n\*?(.*?)\*?\n", md, flags=re.S).group(1)
    said = " ".join(_svg_labels(svg)) + caption
    for wrong in ("not 100%", "do not sum to 100%", "不是 100%", "各柱之和不是"):
        assert wrong not in said
    assert ("MAC bars sum to 100%" if lang == "en" else "MACs 各柱之和为 100%") in caption


# --- Chinese line breaking in the figures ----------------------------------------------
def test_wrap_never_ends_a_line_with_opening_punctuation():
    from derivations.figures.style import wrap

    text = "Σ：其余激活值在 ReLU、汇聚、规范化和连结层（批量规范化还有部分参数），《书》“引号”"
    for tenths in range(8, 60):
        lines = wrap(text, tenths / 10, 10).split("\n")
        assert not [line for line in lines if line[-1:] in "（《「『【“‘"], tenths
        assert not [line for line in lines[1:] if line[:1] in "，。：；、）》」』】”’！？"], tenths


def test_zh_figures_break_lines_as_chinese_does():
    for svg in _figure_svgs("zh"):
        for label in _svg_labels(svg):
            assert label[-1:] not in "（《「『【“‘", label
            assert label[:1] not in "，。：；、）》」』】”’！？", label


# --- the Chinese wording of factors ----------------------------------------------------
@pytest.mark.parametrize(
    "phrase",
    [
        "少 $b$ 倍",
        "减少为",
        "缩小同样的",
        "没有缩小",
        "约缩小",
        "每块小 $b^2$ 倍",
        "恰好减少 $b$ 倍",
    ],
)
def test_zh_factors_said_as_fractions_or_ratios(phrase):
    """The phrase "减少为 … 倍" with a factor above 1 says the count grows; "少/缩小 b 倍" is the
    wording Chinese editors reject: a count becomes 1/b of another, or A is b times B."""
    for fmt in ("md", "tex"):
        assert phrase not in read_sheet("zh", fmt)


def test_zh_strip_answer_says_at_most_ten_percent_where_it_is_exactly_ten():
    """At Δ = (k - 1)/ε = 20 (k = 3) the excess k(k - 1)/Δ is exactly ε k: 'at most',
    not 'less than'."""
    k, delta = 3, 20
    assert (k * (k - 1) / delta) / k == pytest.approx(0.1)
    md = read_sheet("zh")
    assert "相差不到 10%" not in md and "相差不超过 10%" in md


@pytest.mark.parametrize("phrase", ["GoogLeNet（本书）", "两行 ResNet 与 ResNet 的卷积"])
def test_zh_networks_wording(phrase):
    assert phrase not in read_sheet("zh")


# --- the padding readings figure ---------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_padding_readings_figure_names_the_width_padding_it_draws(lang):
    """Both grids pad the columns too (6×6 and 8×8 around a 4×4 input): the title and the
    caption name p_w, not p_h alone."""
    svg = (OUTPUT / "figures" / lang / "padding-readings.svg").read_text(encoding="utf-8")
    labels = _svg_labels(svg)
    padded = [
        tuple(int(n) for n in m)
        for label in labels
        for m in re.findall(r"(\d+)×(\d+)(?:，|, )(?:输出|output)", label)
    ]
    assert sorted(padded) == [(6, 6), (8, 8)]  # total 2 and 2 per side, rows and columns
    title = next(label for label in labels if "4×4" in label and "3×3" in label)
    assert "p_h = p_w = 2" in title
    md = read_sheet(lang)
    # the caption under the figure: italic in English, upright in Chinese
    caption = re.search(r"padding-readings\.svg\)\n\n\*?(.*?)\*?\n", md, flags=re.S).group(1)
    assert "p_h = p_w = 2" in caption


# --- one name for total padding ----------------------------------------------------------
@pytest.mark.parametrize("word", ["总填充", "总共填充"])
def test_zh_sheet_names_total_padding_one_way(word):
    """The conventions call it 合计填充 (as the boxed output-size formula does); the
    tables, figures and mistakes said 总填充 and 总共填充 for the same thing."""
    for fmt in ("md", "tex"):
        assert word not in read_sheet("zh", fmt)
    for svg in _figure_svgs("zh"):
        assert not [label for label in _svg_labels(svg) if word in label]


# --- Chinese punctuation in tables and the doubling bound ---------------------------------
@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_zh_tables_punctuate_in_chinese(fmt):
    """The emulation table listed channels as "1, 2, 3" (the text says "1、2、3"), and
    the register table wrapped L in half-width parentheses beside a full-width header."""
    sheet = read_sheet("zh", fmt)
    assert "1, 2, 3" not in sheet and "3, 2, 1" not in sheet
    assert "按通道 1、2、3 相加" in sheet and "按通道 3、2、1 相加" in sheet
    assert not re.search(r"\d \(\$", sheet)
    assert re.search(r"24（\$3\.25\$）", sheet)


def test_zh_doubling_bound_names_its_two_conditions_where_it_says_them():
    """'这个上界要求两个条件都成立' came three sentences after the bound: which bound,
    which conditions? The sentence now names both."""
    md = read_sheet("zh")
    assert "这个上界要求两个条件都成立" not in md
    assert "“小于 $4$ 倍”这一上界要求步幅为 1 与 $e \\ge 0$ 两个条件同时成立" in md


def test_zh_figure_labels_put_shapes_in_full_width_parentheses():
    """The im2col figure wrote '卷积核 K (3 × 8)': half-width parentheses in a Chinese label."""
    labels = [label for svg in _figure_svgs("zh") for label in _svg_labels(svg)]
    assert not [label for label in labels if re.search(r"\(\$\d", label)]
    assert "卷积核 $K$（$3\\times 8$）" in labels


def test_zh_strip_appendix_title_says_many_outputs_at_once():
    """'一次计算一条输出' reads as 'one output at a time', the very algorithm the exercise
    asks to improve on; the English title is 'Computing a strip of outputs at once'."""
    from derivations.registry.exercises import EXERCISES

    title = EXERCISES["strips"].title["zh"]
    assert title == "按条带一次计算多个输出"
    for fmt in ("md", "tex"):
        sheet = read_sheet("zh", fmt)
        assert "一次计算一条输出" not in sheet and title in sheet


@pytest.mark.parametrize("name", ["zh/index.html", "zh/formulas.md", "zh/practice.html"])
def test_zh_pages_name_total_padding_as_the_sheet_does(name):
    """The web page carries the reference section, whose conventions said 总填充 while the
    sheet above it says 合计填充."""
    assert "总填充" not in (OUTPUT / name).read_text(encoding="utf-8")


def test_zh_messages_name_total_padding_one_way():
    from derivations.messages import catalogue

    said = [entry.get("zh", "") for entry in catalogue().values()]
    assert said and not [value for value in said if "总填充" in value]


def test_zh_sheet_credits_the_53_billion_example_to_the_english_edition():
    """The 256×256, 5×5, 128-channel example ('over 53 billion operations') is in the
    English edition's discussion only; the zh sheet called it 书中的例子, and a reader of
    the Chinese edition finds no such example there."""
    section = exercise_section(read_sheet("zh"), "卷积层前向与反向传播")
    assert 2 * 256 * 256 * 5 * 5 * 128 * 128 > 53 * 10**9
    assert "### 英文版的例子：超过 530 亿次运算" in section
    assert "书中的例子" not in section and "书中例子" not in section
    assert "书中的数字" not in section


# --- the PDF's table of contents (fifth examiner) ------------------------------------------
def _letters_of(said: str) -> str:
    """Words only (no math, digits, punctuation or spaces): a title as LaTeX and as the
    PDF's text compare equal."""
    return re.sub(r"[\W\d_×]+", "", re.sub(r"\$[^$]*\$", "", said))


@pytest.fixture(scope="module")
def built_pdfs(sheet_pdfs):
    """Each committed sheet compiled as ``make pdf`` compiles it (the shared
    ``sheet_pdfs``), its pages' text laid out (poppler's ``pdftotext -layout``): lang ->
    pages."""
    import subprocess

    pages = {}
    for lang in LANGS:
        done = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(sheet_pdfs[lang]), "-"],
            capture_output=True,
            check=True,
        )
        pages[lang] = done.stdout.decode("utf-8").split("\f")
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_contents_fits_the_title_page_and_gives_each_sections_page(built_pdfs, lang):
    """The zh contents ran one line onto a page of its own, and two xelatex runs printed
    the page numbers of the run before it: every entry named the page before its section.
    Read back: every section is listed on page 1, with the page whose running head (the
    section's title) appears there first."""
    pages = built_pdfs[lang]
    titles = re.findall(r"^\\section\*\{(.+)\}$", read_sheet(lang, "tex"), flags=re.M)
    listed = {}
    for line in pages[0].splitlines():
        found = re.match(r"^\s*(.+?)\s+(\d+)\s*$", line)
        if found and _letters_of(found.group(1)) in map(_letters_of, titles):
            listed[_letters_of(found.group(1))] = int(found.group(2))
    assert sorted(listed) == sorted(map(_letters_of, titles)), listed
    heads = [
        next((_letters_of(li) for li in page.splitlines() if _letters_of(li)), "") for page in pages
    ]
    for title in map(_letters_of, titles):
        assert heads.index(title) + 1 == listed[title], (title, listed[title])


# --- the fifth examiner's wording findings ----------------------------------------------
@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_zh_answer_labels_name_their_part_in_parentheses(fmt):
    """'答案 3，通道' read as a sentence cut short; a part of an answer is named in
    parentheses, as Chinese labels do: 答案 3（通道）, 答案 A（原因）."""
    sheet = read_sheet("zh", fmt)
    for label in ("3（通道）", "3（填充）", "A（原因）", "A（上限）"):
        assert f"答案 {label}" in sheet, label
    assert not re.search(r"答案 [0-9A-Z.]+，", sheet)


def _googlenet_activations() -> tuple[int, int]:
    """(with, without the concatenations): every output element the book's GoogLeNet
    (d2l-zh's code, 1 x 224 x 224) writes, each module's and each functional ReLU's
    output, dropout and flattening aside; counted here in PyTorch, not by the package."""
    torch = pytest.importorskip("torch")
    nn, F = torch.nn, torch.nn.functional
    seen = {"all": 0, "cat": 0}

    class Inception(nn.Module):
        def __init__(self, i, c1, c2, c3, c4):
            super().__init__()
            self.p1_1 = nn.Conv2d(i, c1, 1)
            self.p2_1, self.p2_2 = nn.Conv2d(i, c2[0], 1), nn.Conv2d(c2[0], c2[1], 3, padding=1)
            self.p3_1, self.p3_2 = nn.Conv2d(i, c3[0], 1), nn.Conv2d(c3[0], c3[1], 5, padding=2)
            self.p4_1, self.p4_2 = nn.MaxPool2d(3, 1, 1), nn.Conv2d(i, c4, 1)

        def forward(self, x):
            def relu(t):
                seen["all"] += t.numel()
                return F.relu(t)

            p1 = relu(self.p1_1(x))
            p2 = relu(self.p2_2(relu(self.p2_1(x))))
            p3 = relu(self.p3_2(relu(self.p3_1(x))))
            p4 = relu(self.p4_2(self.p4_1(x)))
            y = torch.cat((p1, p2, p3, p4), dim=1)
            seen["cat"] += y.numel()
            return y

    pool = lambda: nn.MaxPool2d(3, 2, 1)  # noqa: E731
    net = nn.Sequential(
        nn.Sequential(nn.Conv2d(1, 64, 7, 2, 3), nn.ReLU(), pool()),
        nn.Sequential(
            nn.Conv2d(64, 64, 1), nn.ReLU(), nn.Conv2d(64, 192, 3, padding=1), nn.ReLU(), pool()
        ),
        nn.Sequential(
            Inception(192, 64, (96, 128), (16, 32), 32),
            Inception(256, 128, (128, 192), (32, 96), 64),
            pool(),
        ),
        nn.Sequential(
            Inception(480, 192, (96, 208), (16, 48), 64),
            Inception(512, 160, (112, 224), (24, 64), 64),
            Inception(512, 128, (128, 256), (24, 64), 64),
            Inception(512, 112, (144, 288), (32, 64), 64),
            Inception(528, 256, (160, 320), (32, 128), 128),
            pool(),
        ),
        nn.Sequential(
            Inception(832, 256, (160, 320), (32, 128), 128),
            Inception(832, 384, (192, 384), (48, 128), 128),
            nn.AdaptiveAvgPool2d((1, 1)),
            nn.Flatten(),
        ),
        nn.Linear(1024, 10),
    )

    def count(module, _, out):
        if not list(module.children()) and not isinstance(module, (nn.Flatten, nn.Dropout)):
            seen["all"] += out.numel()

    for module in net.modules():
        module.register_forward_hook(count)
    with torch.no_grad():
        net(torch.zeros(1, 1, 224, 224))
    return seen["all"] + seen["cat"], seen["all"]


def test_zh_googlenet_activations_said_in_wan_not_a_latin_m():
    """'写出 9.11 M 个激活值' put a Latin M in Chinese prose: 911 万, counted here."""
    with_cat, without = _googlenet_activations()
    assert (with_cat, without) == (9_106_410, 7_870_826)
    section = exercise_section(read_sheet("zh"), "哪些层主导内存")
    wan = [round(n / 10**4) for n in (with_cat, without)]
    assert f"计入连结时写出约 {wan[0]} 万个激活值，不计入时约 {wan[1]} 万个" in section
    for fmt in ("md", "tex"):
        assert not re.search(r"\d M[）)个 ]", read_sheet("zh", fmt))


@pytest.mark.parametrize("lang", LANGS)
def test_equal_outputs_never_says_the_paths_always_round_differently(lang):
    """With the book's PyTorch code on MKL's AVX2 kernels Y1 and Y2 are bitwise equal for
    every seed, so 'the two paths round differently' (in general, or flatly) is true of
    NumPy here and of MKL's AVX-512 kernels, not of every backend: the sheet says nothing
    makes them round alike."""
    from derivations.exercises.maths.equal_outputs import TORCH

    assert TORCH.avx2 == TORCH.seeds  # the book's code on AVX2: no seed differs
    section = exercise_section(read_sheet(lang), "Y1")
    wrong = (
        ("round differently in general", "the two paths round differently, so")
        if lang == "en"
        else ("一般按不同方式舍入", "两条路径的舍入方式不同，", "末位不同")
    )
    assert not [w for w in wrong if w in section]
    said = (
        "nothing makes the two paths round alike"
        if lang == "en"
        else "没有什么保证两条路径以相同方式舍入"
    )
    assert section.count(said) >= 2  # the worked answer and the boxed one


@pytest.mark.parametrize("lang", LANGS)
def test_networks_question_places_lenet_in_this_chapter(lang):
    """LeNet is in the same chapter as this section (zh 6.6, en 7.6); AlexNet to ResNet
    are the next chapter's: 'the next chapters build LeNet…' placed it wrongly."""
    said = read_sheet(lang)
    if lang == "en":
        assert "The next chapters build LeNet" not in said
        assert (
            "LeNet, later in this chapter, and AlexNet, VGG, NiN, GoogLeNet and ResNet, in the next"
            in said
        )
    else:
        assert "后面几章用本节的卷积层搭建" not in said
        assert "本章后面的 LeNet 与下一章的 AlexNet、VGG、NiN、GoogLeNet 和 ResNet" in said


def test_zh_pdf_book_links_punctuated_in_chinese():
    """The LaTeX list of the book's two editions wrote '英文版（d2l.ai）:' with a Latin colon."""
    tex = read_sheet("zh", "tex")
    assert "英文版（d2l.ai）：" in tex and "中文版（zh.d2l.ai）：" in tex
    assert "）:" not in tex


# --- one way of grouping digits ------------------------------------------------------------
def _prose_of(name: str) -> str:
    """A committed page without its code (Markdown fences, LaTeX verbatim) and links."""
    said = (OUTPUT / name).read_text(encoding="utf-8")
    said = re.sub(r"```.*?```|\\begin\{verbatim\}.*?\\end\{verbatim\}", "", said, flags=re.S)
    return re.sub(r"\]\([^)]*\)|\\url\{[^}]*\}|https?://\S+", "", said)


@pytest.mark.parametrize(
    "name",
    [f"{lang}/{page}" for lang in LANGS for page in ("answers.md", "answers.tex", "formulas.md")],
)
def test_counts_grouped_one_way(name):
    """The sheets wrote '207,175,680' in one table and '$26\\,843\\,545\\,600$' in the next,
    '18000' and '1,600' in the same exercise: every count is now grouped by thin spaces
    from five digits on and not below (SI, GB/T 15835), in both languages."""
    from derivations.exercises.notation import num

    assert (num(1168), num(18000), num(26843545600)) == ("1168", "18\\,000", "26\\,843\\,545\\,600")
    said = _prose_of(name)
    assert re.findall(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)", said) == []  # commas
    assert re.findall(r"(?<![\d.,])\d\\,\d{3}(?![\d]|\\,)", said) == []  # 4 digits grouped
    assert re.findall(r"(?<![\d.,\\{^_a-zA-Z])\d{5,}(?!\d)", said) == []  # 5+ ungrouped
    assert "\\," in said


def test_zh_pdf_never_squeezes_full_width_punctuation():
    """xeCJK's punctuation glue could shrink: a line holding a fraction or an unbreakable
    formula set '答案 3，通道：乘法（MACs、FLOPs）' and a whole paragraph of Appendix A with
    half-width commas and colons. Its glue then only stretched (viewed in the PDF, pages 18
    and 29: every '，' full width); since s9cosm it is rigid, neither shrinking nor
    stretching (a stretched line opened "无偏置）  ：" between two marks): never squeezed."""
    tex = read_sheet("zh", "tex")
    preamble = tex[: tex.index("\\begin{document}")]
    assert "\\xeCJKsetup{RubberPunctSkip=false}" in preamble


def test_zh_compose_figure_says_kernel_size_as_the_book_does():
    """'核长 3 与 3' is no term of the Chinese edition, which says 卷积核大小 (the exercise:
    '大小分别为 k_1 和 k_2')."""
    labels = [label for svg in _figure_svgs("zh") for label in _svg_labels(svg)]
    assert not [label for label in labels if "核长" in label]
    assert "两层一维卷积：卷积核大小 3 与 3，步幅 1，无填充" in labels


@pytest.mark.parametrize(
    "name", ["zh/formulas.md", "zh/index.html", "en/formulas.md", "en/index.html"]
)
def test_reference_headings_carry_no_raw_subscripts(name):
    """A heading is plain text (no math): '用 m_h、m_w 写出的闭式解' showed the TeX
    subscripts raw on the reference page and the web page."""
    page = (OUTPUT / name).read_text(encoding="utf-8")
    headings = re.findall(r"^#+ (.*)$|<h[1-6][^>]*>(.*?)</h[1-6]>", page, flags=re.M)
    said = [a or b for a, b in headings]
    assert said and not [h for h in said if re.search(r"\bm\\?_[hw]\b", h)]


@pytest.mark.parametrize("lang", LANGS)
def test_googlenet_fc_label_is_explained(lang):
    """The network figure labels the book's GoogLeNet's last bar '5' while the sheet named
    its layers by block variables only: the fully connected layer has no variable, and
    '5' is its index in ``net = nn.Sequential(b1, b2, b3, b4, b5, nn.Linear(1024, 10))``."""
    svg = (OUTPUT / "figures" / lang / "network-costs.svg").read_text(encoding="utf-8")
    labels = _svg_labels(svg)
    start = next(i for i, label in enumerate(labels) if label == "b1.0")
    assert "5" in labels[start : start + 8]
    said = read_sheet(lang)
    assert ("is `5`, its index in `net`" if lang == "en" else "记为它在 `net` 中的下标 `5`") in said


# --- Exercise 3: the small example says the padding it doubles -------------------------
@pytest.mark.parametrize(
    "lang, title, label, claim, said",
    [
        ("en", "Doubling the channels", "Answer 3, padding", "Doubling the padding", "stride 1"),
        ("zh", "通道数或填充加倍", "答案 3（填充）", "填充加倍", "步幅 1"),
    ],
)
def test_doubling_small_example_names_its_padding_in_the_key_and_the_mistake(
    lang, title, label, claim, said
):
    """'4×4, k = 3: +125.0% total, +177.8% per side' holds for p = 2 -> 4 only (from
    p = 1 -> 2 it is +77.8% and +125.0%): the answer box (which the key repeats alone)
    and the common mistake name the padding, and the numbers are recomputed here."""

    def growth(h: int, k: int, total_before: int) -> float:
        m = h - k + total_before + 1
        return ((m + total_before) / m) ** 2 - 1  # stride 1: p -> 2p adds p rows and columns

    h, k, p = 4, 3, 2
    total, per_side = f"{100 * growth(h, k, p):.1f}", f"{100 * growth(h, k, 2 * p):.1f}"
    assert (total, per_side) == ("125.0", "177.8")
    assert f"{100 * growth(h, k, 1):.1f}" == "77.8"  # why the padding must be said
    section = exercise_section(read_sheet(lang), title)
    box = [line for line in section.splitlines() if line.startswith(f"> **{label}")]
    assert len(box) == 1
    for text in (box[0], _mistake(section, claim)):
        comma = "，" if lang == "zh" else ", "
        assert comma.join((f"$k = {k}$", said, f"$p_h = p_w = {p}\\to {2 * p}$")) in text
        assert f"+{total}" in text and f"+{per_side}" in text
