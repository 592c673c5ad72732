"""What a fresh examiner of the English sheet (issue 25) found misleading or hard to
read, each claim recomputed here by an independent route (NumPy, plain integer
arithmetic) and compared with the committed documents (``test_committed_output_is_fresh``
keeps them current); figures are read back from their SVG files."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.docs.sheets import LANGS, OUTPUT, exercise_section, read_sheet, require_latex


# --- Exercise 4: the NumPy measurement is not the book's code ------------------------
def _numpy_float32_unequal(seeds: int = 1000) -> int:
    """Seeds where the section's two functions, in NumPy and float32, give Y1 != Y2:
    the loops add the rounded products channel by channel from 0, the 1x1 path is one
    ``np.matmul`` (the BLAS of this machine)."""
    unequal = 0
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((3, 3, 3)).astype(np.float32)
        K = rng.standard_normal((2, 3, 1, 1)).astype(np.float32)
        products = K[:, :, 0, 0][:, :, None, None] * X[None]  # (c_o, c_i, h, w), float32
        loops = np.float32(0) + products[:, 0]
        for channel in (1, 2):
            loops = loops + products[:, channel]
        matmul = np.matmul(K.reshape(2, 3), X.reshape(3, 9)).reshape(2, 3, 3)
        unequal += not np.array_equal(loops, matmul)
    return unequal


def test_exercise4_mistake_and_result_say_numpy_not_the_books_code():
    """The common mistake said "Y1 == Y2 fails for 999 of 1000 seeds in float32 here,
    and even the tolerance fails for 100", and the result box "in float32 ... they
    differ by at most": both are the NumPy reimplementation's; the book's PyTorch code
    gives Y1 and Y2 bitwise equal for every seed on MKL's AVX2 kernels, not on its AVX-512 ones."""
    from derivations.exercises.maths.equal_outputs import TORCH

    unequal = _numpy_float32_unequal()
    assert 0 < unequal < 1000
    en = exercise_section(read_sheet("en"), "Y1 and Y2")
    assert "which fails for" not in en
    assert f"the NumPy rewrite in float32 gives different ones for {unequal} of 1000 seeds" in en
    assert (
        f"the book's PyTorch code gives bitwise equal outputs for {TORCH.avx2} of "
        f"{TORCH.seeds} seeds on MKL's AVX2 kernels but for {TORCH.avx512} on its AVX-512 kernels"
    ) in en
    assert "**Result: Equal in exact arithmetic; with NumPy here in float32" in en
    zh = exercise_section(read_sheet("zh"), "Y1 和 Y2")
    assert (
        f"本书的 PyTorch 代码在 MKL 的 AVX2 例程上 {TORCH.seeds} 个种子中有 {TORCH.avx2} 个逐位相等，"
        f"在其 AVX-512 例程上只有 {TORCH.avx512} 个"
    ) in zh
    assert "本机用 NumPy 在 float32 下" in zh


# --- Exercise 3: the boxed answer on doubling the channels names its bias ------------
def _ops(c: int, k: int, bias: bool) -> int:
    """Multiplications and additions of one output element: c k^2 products, summed
    from the bias (c k^2 additions) or from the first product (one fewer)."""
    products = c * k * k
    return products + (products if bias else products - 1)


@pytest.mark.parametrize("lang", LANGS)
def test_doubling_channels_answer_says_without_bias(lang):
    """The answer key said "the exact count ... grows by 2(4 c_i k_h k_w - 1)/(...)": true
    without bias only; with a bias it grows by exactly 4 (c_o doubles the outputs)."""
    for c in (1, 4, 64):
        assert 2 * _ops(2 * c, 3, True) == 4 * _ops(c, 3, True)
        assert 2 * _ops(2 * c, 3, False) > 4 * _ops(c, 3, False)
    md = read_sheet(lang)
    key = next(line for line in md.splitlines() if "(#doubling-answer-1)" in line)
    if lang == "en":
        assert "without bias the exact count" in key and "with a bias by exactly $\\times 4$" in key
    else:
        assert "无偏置时乘法与加法的精确计数" in key and "有偏置时恰为 $4$ 倍" in key


# --- Appendix B: what the activation count leaves out --------------------------------
def _alexnet_activations(with_dropout_and_flatten: bool) -> int:
    """torchvision's AlexNet at 3x224x224, every layer's output elements, counted by
    hand from its shapes (conv 11/4/2 -> 55, pools 3/2 -> 27, 13, 6)."""
    features = [64 * 55 * 55] * 2 + [64 * 27 * 27]  # conv, ReLU, pool
    features += [192 * 27 * 27] * 2 + [192 * 13 * 13]
    features += [384 * 13 * 13] * 2 + [256 * 13 * 13] * 4 + [256 * 6 * 6]
    pooled = 256 * 6 * 6  # the adaptive average pool (6x6 to 6x6)
    classifier = [4096] * 4 + [1000]  # linear, ReLU, linear, ReLU, linear
    extra = [256 * 6 * 6] + [256 * 6 * 6, 4096] if with_dropout_and_flatten else []
    return sum(features) + pooled + sum(classifier) + sum(extra)  # flatten, two dropouts


@pytest.mark.parametrize("lang", LANGS)
def test_network_activations_say_dropout_and_flatten_are_not_counted(lang):
    """AlexNet's total, 1.08 M, leaves out its two dropout layers and its flatten (1.11 M
    with them); the sheet's list of what it counts did not say so."""
    without, with_them = (_alexnet_activations(flag) for flag in (False, True))
    assert (f"{without / 1e6:.2f}", f"{with_them / 1e6:.2f}") == ("1.08", "1.11")
    section = exercise_section(read_sheet(lang), "dominate memory" if lang == "en" else "主导内存")
    rows = [line for line in section.splitlines() if line.startswith("| AlexNet |")]
    assert any(row.rstrip(" |").endswith("$1.08$") for row in rows)  # the totals table
    if lang == "en":
        assert "nor are dropout and flattening" in section
    else:
        assert "暂退法（dropout）和展平也不计" in section


# --- the strip-loads figure: its legend is not crossed by the register lines ---------
def test_strip_loads_legend_has_an_opaque_box_over_the_register_lines():
    """The wide figure's legend, top right, had no box: the AVX-512 line (Delta = 176)
    ran through its text. Its box is opaque white and drawn after every line."""
    for lang in LANGS:
        svg = (OUTPUT / "figures" / lang / "strip-loads.svg").read_text(encoding="utf-8")
        start = svg.index('<g id="legend_1">')
        frame = re.match(
            r'\s*<g id="legend_1">\s*<g id="patch_\d+">\s*<path d="[^"]*" style="([^"]*)"',
            svg[start:],
        )
        assert frame, "the legend has no frame"
        style = frame[1]
        assert "fill: #ffffff" in style and "opacity" not in style
        dotted = [m.start() for m in re.finditer(r"stroke-dasharray", svg[:start])]
        assert len(dotted) >= 3  # the three register lines, drawn before the legend


# --- Exercise 2: the boxed backward cost gives its additions, as the forward one does --
def _backward_adds(c_i, c_o, h, w, k, p, s) -> tuple[int, int, int]:
    """(dL/dX additions on the padded input, dL/dW additions, covered positions),
    counted by walking every forward product of a square layer (total padding ``p``;
    positions on the padded input)."""
    size = (h + p - k) // s + 1
    landed: dict[tuple[int, int, int], int] = {}
    for ci in range(c_i):
        for _ in range(c_o):
            for r in range(size):
                for c in range(size):
                    for a in range(k):
                        for b in range(k):
                            key = (ci, r * s + a, c * s + b)
                            landed[key] = landed.get(key, 0) + 1
    dx = sum(count - 1 for count in landed.values())  # t products into one sum: t - 1
    dw = c_o * c_i * k * k * (size * size - 1)  # each weight sums one product per output
    return dx, dw, len(landed) // c_i


def test_backward_answer_gives_the_additions():
    """Answer 2.4 gave only the backward multiplications; the exercise asks for the cost,
    and Answer 2.1 gives the forward additions too. The formulas it now gives, checked
    by walking every product of small layers (stride 1 and 2)."""
    for c_i, c_o, h, k, p, s in ((2, 3, 6, 3, 2, 1), (3, 2, 7, 3, 1, 2), (1, 2, 5, 2, 0, 3)):
        dx, dw, covered = _backward_adds(c_i, c_o, h, h, k, p, s)
        m = (h + p - k) // s + 1
        assert dx == c_i * (c_o * k * k * m * m - covered)
        assert dw == c_o * c_i * k * k * (m * m - 1)
    md = read_sheet("en")
    key = next(line for line in md.splitlines() if "(#cost-answer-4)" in line)
    assert "additions, $A_X = c_i \\left(c_o k_h k_w m_h m_w - C_{h} C_{w}\\right)$" in key
    assert "$A_W = c_o c_i k_h k_w \\left(m_h m_w - 1\\right)$" in key
    assert "A_W &= c_o c_i k_h k_w \\left(m_h m_w - 1\\right)" in md  # the worked answer's
    zh = next(line for line in read_sheet("zh").splitlines() if "(#cost-answer-4)" in line)
    assert "加法 $A_X + A_W$ 次" in zh


# --- wording a teacher would stumble on ----------------------------------------------
def test_toeplitz_view_says_sparse_matrix_product_not_sparse_kernels():
    """ "only sparse kernels can use this view": on a convolution sheet a kernel is the
    layer's weights; what skips T's zeros is a sparse matrix product. T of the 4 -> 4,
    12 x 12, 3 x 3 layer: 14,400 nonzeros of 230,400 entries (16 times as many)."""
    rows, cols, nonzero = 4 * 10 * 10, 4 * 12 * 12, 4 * 10 * 10 * 4 * 3 * 3
    assert (nonzero, rows * cols, rows * cols // nonzero) == (14_400, 230_400, 16)
    section = exercise_section(read_sheet("en"), "matrix multiplication")
    assert "only sparse kernels" not in section
    assert "only a sparse matrix product, which skips the zeros, can use this view" in section


@pytest.mark.parametrize("lang", LANGS)
def test_dense_spatial_cost_names_its_kernel(lang):
    """ "where the dense one would cost 9c^2" named no kernel: 9 c^2 per pixel is a 3 x 3
    dense layer's, k^2 c^2 in general; a grouped 3 x 3 (b = 4) and a dense 1 x 1 cost
    9c^2/4 + c^2 < 9c^2 (c = 64: 41,746,432 against 115,605,504 at 56 x 56)."""
    c, pixels = 64, 56 * 56
    assert (9 * c * c // 4 + c * c) * pixels == 41_746_432 < 9 * c * c * pixels == 115_605_504
    section = exercise_section(read_sheet(lang), "Block-diagonal" if lang == "en" else "分块对角")
    assert "$k^2 c^2$" in section and "$9c^2$" in section
    said = "for a $3\\times 3$ kernel" if lang == "en" else "$3\\times 3$ 卷积核时为 $9c^2$"
    assert said in section


def _l1_bytes_between_reuses(k: int, delta: int, width: int, channels: int, strips_first: bool):
    """Bytes of float32 input touched between computing an output row of a strip and the
    next output row of the same strip (when its k - 1 shared input rows are reused):
    strips outermost, the strip's k + 1 rows of k + delta - 1 values of every channel;
    rows outermost (each row scanned strip by strip), k + 1 rows of the whole width."""
    columns = k + delta - 1 if strips_first else width
    return 4 * channels * (k + 1) * columns


@pytest.mark.parametrize("lang", LANGS)
def test_l1_bound_names_the_strip_loop(lang):
    """The L1 bound on Delta (30 for k = 3, 64 channels, 32 KiB) holds when one strip is
    computed all the way down before the next; scanning each output row across its
    whole width first makes the reuse wait a whole row, a bound on the width that Delta
    does not change (56 wide: 57,344 bytes for every Delta). The sheet names the order."""
    fits = [d for d in range(1, 200) if _l1_bytes_between_reuses(3, d, 56, 64, True) <= 32768]
    assert max(fits) == 30
    rows_first = {_l1_bytes_between_reuses(3, d, 56, 64, False) for d in (1, 8, 30, 56)}
    assert rows_first == {57_344}
    md = read_sheet(lang)
    key = next(line for line in md.splitlines() if "(#strips-answer-2)" in line)
    if lang == "en":
        assert "one strip all the way down, channels in the inner loop" in key
        assert "strips outermost, then output rows, channels inside" in md
        assert "a bound on the width, not on $\\Delta$" in md
    else:
        assert "一个条带自上而下算完、通道在内层循环时" in key
        assert "条带在最外层，其次是输出行，通道在内层" in md
        assert "这限制的是宽度，而不是 $\\Delta$" in md


@pytest.mark.parametrize("lang", LANGS)
def test_intro_does_not_claim_every_number_was_executed(lang):
    """The opening said every number was confirmed by the instrumented convolution; the
    networks' totals come from the closed forms (their own section says so: VGG-16's
    15.47 G multiply-adds, executed one by one, is out of reach), and rounding, loads and
    register or cache bounds are no operation counts of a convolution."""
    vgg16_convs = sum(
        c_o * c_i * 9 * size * size
        for c_i, c_o, size in (
            (3, 64, 224), (64, 64, 224), (64, 128, 112), (128, 128, 112),
            (128, 256, 56), (256, 256, 56), (256, 256, 56),
            (256, 512, 28), (512, 512, 28), (512, 512, 28),
            (512, 512, 14), (512, 512, 14), (512, 512, 14),
        )
    )  # fmt: skip
    fc = 25088 * 4096 + 4096 * 4096 + 4096 * 1000
    assert f"{(vgg16_convs + fc) / 1e9:.2f}" == "15.47"
    md = read_sheet(lang)
    intro = md.split("\n## ")[0]
    if lang == "en":
        assert "every number was computed" not in intro
        assert "every operation count was computed from the closed form" in intro
        assert "whole networks are too big to run that way" in intro
    else:
        assert "所有数值都由闭式解计算" not in intro
        assert "整个网络太大，无法这样执行" in intro
    assert "15.47" in md


@pytest.mark.parametrize("lang", LANGS)
def test_network_figure_names_the_networks_as_the_tables(lang):
    """The figure's panels said "VGG-11" and "GoogLeNet" where the tables say "VGG-11
    (book)" and "GoogLeNet (book)" (the book's versions: one input channel, 10
    classes); each panel's title now names its network as the tables do."""
    svg = (OUTPUT / "figures" / lang / "network-costs.svg").read_text(encoding="utf-8")
    labels = " ".join(re.findall(r"<!-- (.*?) -->", svg, flags=re.S))
    section = exercise_section(read_sheet(lang), "dominate memory" if lang == "en" else "主导内存")
    book = " (book)" if lang == "en" else "（书中版本）"
    for name in ("VGG-11", "GoogLeNet"):
        assert f"| {name}{book} |" in section
        assert f"{name}{book}" in labels


# --- a second fresh examiner (session 5): wording that claimed more than it computed --
def _answer_line(md: str, anchor: str) -> str:
    """The answer-key row that links to ``#<anchor>``."""
    return next(line for line in md.splitlines() if f"(#{anchor})" in line)


@pytest.mark.parametrize("lang", LANGS)
def test_book_53_billion_fits_both_counts(lang):
    """The sheet said "The book's figure is FLOPs = 2 x MACs"; the book only says "over 53
    billion operations (we count multiplications and additions separately)", which the
    exact count without bias satisfies as well: that it meant 2 x MACs is our reading."""
    outputs = 128 * 256 * 256  # c_o m_h m_w, padding 4 in all keeps 256 x 256
    products = outputs * 128 * 5 * 5
    flops, exact = 2 * products, products + outputs * (128 * 5 * 5 - 1)
    assert flops > exact > 53 * 10**9
    md = read_sheet(lang)
    if lang == "en":
        assert "The book's figure is FLOPs" not in md
        assert "the book's figure fits either; which one it means, it does not say" in md
    else:
        assert "英文版的数字是 FLOPs" not in md
        assert "所以英文版的这个数字用哪种读法都说得通；书中没有说明它指的是哪一种" in md


def _windows(size: int, kernel: int, padding_total: int, stride: int) -> int:
    """Window positions along one axis, counted: starts 0, s, 2s, ... while the window
    fits into the input padded by ``padding_total`` rows in all."""
    return sum(
        1
        for start in range(0, size + padding_total, stride)
        if start + kernel <= size + padding_total
    )


@pytest.mark.parametrize("lang", LANGS)
def test_forward_answer_gives_the_output_size(lang):
    """Answer 2.1 named m_h, m_w "the output size" without saying what it is, though the
    exercise gives the padding and the stride: the key now states m_h in them."""
    for h, k, p, s in ((5, 3, 0, 1), (7, 3, 2, 2), (8, 5, 4, 3), (28, 11, 4, 4)):
        assert _windows(h, k, p, s) == (h - k + p + s) // s
    key = _answer_line(read_sheet(lang), "cost-answer-1")
    assert r"m_h = \left\lfloor \frac{h - k_h + p_h + s_h}{s_h} \right\rfloor" in key


def _composed_rank(first: tuple[int, int], c: int, c_m: int, k: int, seed: int) -> int:
    """Rank of the kernel that a ``first`` layer (shape (k, 1) or (1, k)) into ``c_m``
    channels then the transposed shape composes to, read as a (c_i k) x (c_o k) matrix:
    input channel and the first layer's kernel axis, output channel and the second's."""
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((c_m, c, *first))  # (c_m, c_i, kh1, kw1)
    b = rng.standard_normal((c, c_m, *first[::-1]))  # (c_o, c_m, kh2, kw2)
    # full convolution of (kh1, kw1) and (kh2, kw2) kernels: one is a column, one a row
    kernel = np.einsum("mcab,omde->ocadbe", a, b).reshape(c, c, k, k)
    axes = (1, 2, 0, 3) if first == (k, 1) else (1, 3, 0, 2)  # (c_i, first axis, c_o, second)
    return int(np.linalg.matrix_rank(kernel.transpose(axes).reshape(c * k, c * k)))


@pytest.mark.parametrize("lang", LANGS)
def test_inception_split_order_and_the_split_the_answer_counts(lang):
    """Inception-v3's paper replaces an n x n layer by 1 x n then n x 1 (the sheet said
    n x 1 then 1 x n); either order composes to a kernel of rank at most c_m, so the
    argument stands. Answer 1.3 said "a random kernel needs c_m = c k": that count is the
    k x 1 then 1 x k split's (rank of the kernel read as a (c k) x (c k) matrix)."""
    c, k = 2, 3
    for first in ((k, 1), (1, k)):
        assert _composed_rank(first, c, 1, k, seed=0) <= 1
        assert _composed_rank(first, c, c * k, k, seed=1) == c * k
    assert c * k * (c + c) * k == 2 * (c * c * k * k)  # the split costs twice the layer
    md = read_sheet(lang)
    if lang == "en":
        assert r"$n\times 1$ then $1\times n$" not in md
        assert r"replaces $n\times n$ by $1\times n$ then $n\times 1$" in md
        assert "this split needs $c_m = c k$ for a random kernel" in _answer_line(
            md, "compose-answer-3"
        )
    else:
        assert r"$n\times 1$ 后接 $1\times n$" not in md
        assert r"把 $n\times n$ 换成 $1\times n$ 后接 $n\times 1$" in md
        assert "这种拆分对随机核需要 $c_m = c k$" in _answer_line(md, "compose-answer-3")


@pytest.mark.parametrize("lang", LANGS)
def test_block_additions_ratio_states_where_it_holds(lang):
    """Answer 7.1 said the additions drop by b(c - 1)/(c - b), "more than b": equal to b
    at b = 1, and at b = c no additions are left (the ratio is undefined)."""
    c = 64
    additions = {b: c * (c // b - 1) for b in (1, 2, 4, 16, 64)}  # c outputs, c/b - 1 each
    assert additions[64] == 0
    assert additions[1] / additions[1] == 1
    assert all(additions[1] / additions[b] > b for b in (2, 4, 16))
    key = _answer_line(read_sheet(lang), "blocks-answer-1")
    if lang == "en":
        assert "more than $b$ for $1 < b < c$ (at $b = c$ no additions are left)" in key
    else:
        assert "$1 < b < c$ 时大于 $b$（$b = c$ 时不剩加法）" in key


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("md", "tex", "html"))
def test_sheet_credits_the_books_authors_and_licence(lang, fmt):
    """The sheets quote the book's exercises and passages but named neither its authors
    nor its licence; every format now does, at the top, before the answer key."""
    text = (
        read_sheet(lang, fmt)
        if fmt != "html"
        else (OUTPUT / lang / "index.html").read_text("utf-8")
    )
    top = text[: text.find("Answer key" if lang == "en" else "答案一览")]
    for name in ("Aston Zhang", "Zachary C. Lipton", "Alexander J. Smola"):
        assert name in top
    assert ("Mu Li" if lang == "en" else "李沐") in top
    assert "CC BY-SA 4.0" in top and "Apache License 2.0" in top


def _pdf_text(pdf, *options: str) -> list[str]:
    """Each page's text, by poppler's pdftotext with ``options``."""
    import subprocess

    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").split("\f")


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_contents_fit_the_title_page_and_give_the_right_pages(sheet_pdfs, lang):
    """Read back from the PDF: the contents are on the title page, and each entry's page
    is the page its section opens on. The zh contents ran over onto a page of their own,
    and the two xelatex runs then left every entry's page one short (the second run
    numbered them before the contents moved the breaks)."""
    entries = re.findall(
        r"^(\S.*?)\s{2,}(\d+)\s*$", _pdf_text(sheet_pdfs[lang], "-layout")[0], flags=re.M
    )
    titles = re.findall(r"^\\section\*\{(.+)\}$", read_sheet(lang, "tex"), flags=re.M)
    assert len(entries) == len(titles) > 9, entries
    pages = _pdf_text(sheet_pdfs[lang])
    for (title, number), tex_title in zip(entries, titles):
        opened = [
            n
            for n, page in enumerate(pages, start=1)
            if [line for line in page.splitlines() if line.strip()][1:2] == [title.strip()]
        ]
        assert opened == [int(number)], (title, number, opened)
        assert re.sub(r"\W", "", title)[:6] == re.sub(r"\\[a-z]+|\W", "", tex_title)[:6]


def test_compile_pdf_runs_until_the_contents_page_numbers_settle(tmp_path):
    """A title page full enough that the contents run onto a second page: the second
    xelatex run numbers the sections before the contents are in, so a third must give
    their pages (two runs left each entry one page short)."""
    from derivations.commands.docs import compile_pdf

    require_latex()
    sections = "".join(
        f"\\clearpage\\section*{{Part {n}}}\\addcontentsline{{toc}}{{section}}{{Part {n}}}\n"
        for n in range(1, 9)
    )
    tex = tmp_path / "sheet" / "answers.tex"
    tex.parent.mkdir()
    tex.write_text(
        "\\documentclass{article}\\begin{document}\\rule{1pt}{0.82\\textheight}\n\n"
        f"\\tableofcontents\n{sections}\\end{{document}}\n",
        encoding="utf-8",
    )
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(compile_pdf(tex))
    pages = _pdf_text(pdf, "-layout")
    entries = re.findall(r"^\s*Part (\d)\s+(\d+)\s*$", "".join(pages[:2]), flags=re.M)
    assert len(entries) == 8, entries
    for part, number in entries:
        assert re.search(rf"^\s*Part {part}\s*$", pages[int(number) - 1], flags=re.M), (
            part,
            number,
        )


# which fractions of the aligned displays sit at a smaller size than their formula's own
ALIGNED_FRACTIONS = """() => {
  const small = [];
  for (const table of document.querySelectorAll('math[display="block"] > mrow > mtable')) {
    const size = parseFloat(getComputedStyle(table.closest('math')).fontSize);
    for (const frac of table.querySelectorAll(':scope > mtr > mtd > mfrac')) {
      const numerator = parseFloat(getComputedStyle(frac.firstElementChild).fontSize);
      if (numerator < size - 0.01) small.push([numerator, size, frac.textContent.slice(0, 30)]);
    }
  }
  return small;
}"""


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium, driven by playwright, as the browser tests launch it."""
    from tests.conftest import require_tool
    from tests.docs.test_browser import ARGS, CHROMIUM, _available

    require_tool(_available(), f"chromium ({CHROMIUM}) and the playwright package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("lang", LANGS)
def test_web_page_sets_aligned_rows_in_display_style(chromium, lang):
    """Measured in the browser: the fractions of an aligned display (Exercise 3's three
    ratios, the forward counts, the reference page's output sizes) are drawn at their
    formula's size, as LaTeX draws them; a MathML table's cells are compact by default,
    which put them at script size (11.2 px under 16 px), their subscripts smaller still."""
    page = chromium.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto((OUTPUT / lang / "index.html").as_uri(), wait_until="load")
        tables = page.evaluate(
            "document.querySelectorAll('math[display=\"block\"] > mrow > mtable mfrac').length"
        )
        small = page.evaluate(ALIGNED_FRACTIONS)
    finally:
        page.close()
    assert tables > 10
    assert small == [], small[:5]


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_names_the_layer_of_the_im2col_price(lang):
    """The key comes first, yet Answer 5 said "8.37 times for the 3 x 3 layer above": it
    now names the layer, whose im2col matrix holds c_i k^2 rows of (h - k + 1)^2 columns."""
    c, size, k = 64, 56, 3
    copies = c * k * k * (size - k + 1) ** 2 / (c * size * size)
    md = read_sheet(lang)
    key = _answer_line(md, "matmul-answer-1")
    assert "layer above" not in key and "上面的" not in key
    if lang == "en":
        assert f"{copies:.2f} times for a $64\\to 64$, $56\\times 56$, $3\\times 3$ layer" in key
    else:
        assert f"$64\\to 64$、$56\\times 56$、$3\\times 3$、无填充的层为 {copies:.2f} 倍" in key


def test_appendix_a_statement_says_it_is_translated():
    """Appendix A's statement is the Chinese edition's exercise 4 in our English, printed
    as a quotation (the English edition's own wording, until 2021, differs: "what is the
    complexity of the forward computation?"); the zh sheet marks its translations of the
    English-only exercises (译自英文版), the en sheet now marks this one alike."""
    zh = exercise_section(read_sheet("zh"), "练习 4")
    assert "（译自英文版）" not in zh and "前向传播的计算复杂度是多少" in zh
    en = exercise_section(read_sheet("en"), "Appendix A")
    assert "> **Exercise.** (Translated from the Chinese edition.) If the height" in en
    for lang, title in (("zh", "附录 A"), ("zh", "附录 B")):
        assert "（译自英文版）" in exercise_section(read_sheet(lang), title)
