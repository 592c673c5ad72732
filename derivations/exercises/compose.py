"""Exercise: two kernels in sequence, no nonlinearity between, are one convolution.

Proof by SymPy on symbolic kernels and inputs (1-D over a sweep of sizes, 2-D, with
channels); the composed size is read off the symbolic composition and set beside the
degree argument; the converse is refuted by a parameter count, by a real
factorization that does not exist (1 + z^2) and by a Groebner basis that is {1} for
the discrete Laplacian; over C every 1-D kernel factors, checked numerically.
Conventions: cross-correlation (deep-learning "convolution"), stride 1, no padding.

Prose and layout only: the proofs, executed checks and numbers are
:mod:`derivations.exercises.maths.compose`.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.exercises.document import (
    Exercise,
    answer,
    exercise,
    figure,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    result,
    table,
    text,
)
from derivations.exercises.maths import compose as maths
from derivations.exercises.maths.compose import BOUND_EXPONENT as _BOUND_EXPONENT
from derivations.exercises.maths.compose import WORKED_A, WORKED_B, WORKED_X, k_1, k_2, z
from derivations.exercises.notation import matrix, tex

__all__ = ["build"]


# --- the sheet ------------------------------------------------------------------------
def _statement():
    return text(
        en="Assume that we have two convolution kernels of size $k_1$ and $k_2$, "
        "respectively (with no nonlinearity in between). Prove that the result of the "
        "operation can be expressed by a single convolution. What is the dimensionality "
        "of the equivalent single convolution? Is the converse true, i.e., can you always "
        "decompose a convolution into two smaller ones?",
        zh="假设我们有两个卷积核，大小分别为 $k_1$ 和 $k_2$（中间没有非线性激活函数）。"
        "证明运算可以用单次卷积来表示。这个等效的单个卷积核的维数是多少呢？反之亦然吗？",
    )


def _set(items) -> str:
    return "\\{" + ", ".join(map(tex, items)) + "\\}" if items else "\\emptyset"


def _conventions():
    return [
        heading(text(en="Conventions", zh="约定")),
        paragraph(
            text(
                en="Convolution means what the layer computes, cross-correlation: "
                "$y_i = \\sum_{a=0}^{k-1} \\kappa_a x_{i+a}$. Stride 1, no padding, no bias "
                "(bias is discussed at the end). A kernel $\\kappa$ of size $k$ is identified with "
                "the polynomial $\\kappa(z) = \\sum_a \\kappa_a z^a$.",
                zh="卷积指卷积层实际计算的互相关：$y_i = \\sum_{a=0}^{k-1} \\kappa_a x_{i+a}$。"
                "步幅为 1，无填充，无偏置（偏置在最后讨论）。大小为 $k$ 的卷积核 $\\kappa$ "
                "对应多项式 $\\kappa(z) = \\sum_a \\kappa_a z^a$。",
            )
        ),
    ]


def _proof_section(proof: maths.Proof):
    two, proved_1d, pairs = proof.first, proof.proved_1d, proof.sweep_1d
    coeffs = [tex(c) for c in proof.coefficients]
    written = " + ".join(f"({c})" + (f"\\,{tex(z**t)}" if t else "") for t, c in enumerate(coeffs))
    return [
        heading(text(en="Proof", zh="证明")),
        paragraph(
            text(
                en="Let the first layer compute $y_i = \\sum_a \\alpha_a x_{i+a}$ ($k_1$ taps) and "
                "the second $z_i = \\sum_b \\beta_b y_{i+b}$ ($k_2$ taps). Substituting and "
                "collecting the terms with the same input $x_{i+t}$, $t = a + b$:",
                zh="设第一层计算 $y_i = \\sum_a \\alpha_a x_{i+a}$（$k_1$ 个系数），第二层计算 "
                "$z_i = \\sum_b \\beta_b y_{i+b}$（$k_2$ 个系数）。代入并按同一输入 "
                "$x_{i+t}$（$t = a + b$）合并各项：",
            )
        ),
        math(
            "z_i = \\sum_{b}\\beta_b \\sum_{a} \\alpha_a x_{i+a+b} = \\sum_{t=0}^{k_1+k_2-2}"
            "\\Big(\\sum_{a+b=t} \\alpha_a \\beta_b\\Big) x_{i+t}"
        ),
        paragraph(
            text(
                en="The sums are finite, so exchanging them is always allowed; nothing depends on "
                "$i$ except the input, so $z$ is one cross-correlation of $x$ with the kernel "
                "$\\kappa_t = \\sum_{a+b=t}\\alpha_a\\beta_b$: the full convolution of the two "
                "kernels, i.e. the coefficients of the product $\\alpha(z)\\beta(z)$. "
                "SymPy, for $k_1 = k_2 = 2$ with symbolic entries, expands the two layers in "
                "sequence into",
                zh="和式有限，交换求和次序总是允许的；除输入外与 $i$ 无关，所以 $z$ 是 $x$ 与核 "
                "$\\kappa_t = \\sum_{a+b=t}\\alpha_a\\beta_b$ 的一次互相关：两个核的完全卷积，"
                "即乘积 $\\alpha(z)\\beta(z)$ 的系数。SymPy 对 $k_1 = k_2 = 2$ 的符号元素，"
                "把两层依次作用展开为",
            )
        ),
        math(f"z_0 = {tex(two)}"),
        paragraph(
            text(en="and the product polynomial has the coefficients", zh="而乘积多项式的系数为")
        ),
        math(f"\\alpha(z)\\beta(z) = {written},\\qquad \\kappa = ({', '.join(coeffs)})"),
        paragraph(
            text(
                en=f"SymPy proves the identity (two correlations minus one correlation with "
                f"$\\kappa$ expands to 0 for every output) for all {pairs} size pairs "
                f"$1 \\le k_1, k_2 \\le 4$ in 1-D ({proved_1d} of {pairs} proved), for a "
                f"$2\\times 2$ kernel followed by a $3\\times 3$ kernel in 2-D, and with channels: "
                f"2 input, 2 intermediate and 2 output channels, $2\\times 2$ then $2\\times 2$.",
                zh=f"SymPy 证明了该恒等式（两次互相关减去与 $\\kappa$ 的一次互相关，对每个输出展开为 0）："
                f"一维中 $1 \\le k_1, k_2 \\le 4$ 的全部 {proved_1d} 组尺寸均得证；二维中 $2\\times 2$ 核后接 $3\\times 3$ 核；以及多通道："
                f"2 个输入、2 个中间、2 个输出通道，$2\\times 2$ 后接 $2\\times 2$。",
            )
        ),
        paragraph(
            text(
                en="In 2-D the same exchange of sums runs over both axes; with channels, the first "
                "layer's output channel $m$ is a sum over input channels $c$, and the second sums "
                "over $m$, so the intermediate channels disappear into the kernel "
                "(here $\\ast$ is the full convolution of the proof, "
                "$(\\mathsf{A} \\ast \\mathsf{B})_{t,s} = \\sum_{a+a'=t,\\, b+b'=s} "
                "\\mathsf{A}_{a,b} \\mathsf{B}_{a',b'}$, not the cross-correlation the layer "
                "computes):",
                zh="二维时同样的求和交换在两个轴上进行；多通道时，第一层输出通道 $m$ 是对输入通道 "
                "$c$ 的求和，第二层再对 $m$ 求和，于是中间通道被吸收进卷积核"
                "（此处 $\\ast$ 是证明中的完全卷积，"
                "$(\\mathsf{A} \\ast \\mathsf{B})_{t,s} = \\sum_{a+a'=t,\\, b+b'=s} "
                "\\mathsf{A}_{a,b} \\mathsf{B}_{a',b'}$，而不是卷积层计算的互相关）：",
            )
        ),
        math(
            "\\mathsf{K}_{o,c} = \\sum_{m=1}^{c_m} \\mathsf{K}^{(2)}_{o,m} \\ast "
            "\\mathsf{K}^{(1)}_{m,c}"
        ),
    ]


def _size_section(facts: maths.Size):
    size = facts.size
    rows = [
        [str(p), str(q), str(p * q), str(p + q), str(formula), str(support)]
        for p, q, formula, support in facts.rows
    ]
    channel_shape = f"c_o \\times c_i \\times ({tex(size)}) \\times ({tex(size)})"
    return [
        heading(text(en="The size of the single kernel", zh="等效卷积核的大小")),
        paragraph(
            text(
                en="A kernel of size $k$ is a polynomial of degree $k - 1$; the degree of a product "
                "is the sum of the degrees (the leading coefficient $\\alpha_{k_1-1}\\beta_{k_2-1}$ "
                "is a product of two leading coefficients). SymPy adds the degrees and one:",
                zh="大小为 $k$ 的核是 $k - 1$ 次多项式；乘积的次数是次数之和（首项系数 "
                "$\\alpha_{k_1-1}\\beta_{k_2-1}$ 是两个首项系数之积）。SymPy 把次数相加再加一：",
            )
        ),
        math(f"({tex(k_1 - 1)}) + ({tex(k_2 - 1)}) + 1 = {tex(size)}"),
        result(
            text(
                en="Size of the equivalent kernel (per spatial dimension; with channels)",
                zh="等效卷积核的大小（每个空间维度；多通道）",
            ),
            f"{tex(size)},\\qquad {channel_shape}",
        ),
        paragraph(
            text(
                en="In the table the last column is read off the symbolic expression of the two "
                "layers in sequence: how many consecutive inputs the first output depends on.",
                zh="表中最后一列取自两层依次作用的符号表达式：第一个输出依赖多少个连续输入。",
            )
        ),
        table(
            [
                text(en="$k_1$", zh="$k_1$"),
                "$k_2$",
                "$k_1 k_2$",
                "$k_1 + k_2$",
                text(en="$k_1 + k_2 - 1$", zh="$k_1 + k_2 - 1$"),
                text(en="measured support", zh="实测依赖范围"),
            ],
            rows,
        ),
        paragraph(
            text(
                en="With channels, $c_i \\to c_m \\to c_o$, the single layer has shape "
                f"${channel_shape}$ for square kernels (rectangular: $k_{{1,h}} + k_{{2,h}} - 1$ by "
                "$k_{1,w} + k_{2,w} - 1$); $c_m$ is gone.",
                zh="多通道 $c_i \\to c_m \\to c_o$ 时，方形核的等效层形状为 "
                f"${channel_shape}$（矩形核：$k_{{1,h}} + k_{{2,h}} - 1$ 乘 "
                "$k_{1,w} + k_{2,w} - 1$）；$c_m$ 消失了。",
            )
        ),
    ]


def _numeric_section(facts: maths.Numeric):
    first, second, merged = facts.first, facts.second, facts.merged
    c_i, hw, k1, k2 = first.c_i, first.h, first.k_h, second.k_h
    scale, two_mults, one_mults = facts.scale, facts.two_mults, facts.one_mults
    return [
        heading(text(en="Executed check", zh="执行验证")),
        paragraph(
            text(
                en=f"Two layers $c_i = c_m = c_o = {c_i}$, ${hw}\\times {hw}$ input, ${k1}\\times {k1}$ "
                f"then ${k2}\\times {k2}$, float64, run by the instrumented convolution, against one "
                f"layer with the composed ${merged.k_h}\\times {merged.k_w}$ kernel: largest "
                f"difference below $10^{{{_BOUND_EXPONENT}}}$ for outputs up to {scale:.0f} in "
                "magnitude (rounding only). "
                "Multiplications (closed form, checked against the executed count):",
                zh=f"两层 $c_i = c_m = c_o = {c_i}$，输入 ${hw}\\times {hw}$，先 ${k1}\\times {k1}$ "
                f"后 ${k2}\\times {k2}$，float64，由带计数的卷积执行，与使用合成的 "
                f"${merged.k_h}\\times {merged.k_w}$ 核的单层比较：最大差小于 $10^{{{_BOUND_EXPONENT}}}$，输出绝对值最大约 "
                f"{scale:.0f}（仅舍入误差）。乘法次数（闭式，已与实际执行次数核对）：",
            )
        ),
        table(
            [text(en="network", zh="网络"), text(en="multiplications", zh="乘法次数")],
            [
                [
                    text(
                        en=f"two layers, ${k1}\\times {k1}$ then ${k2}\\times {k2}$",
                        zh=f"两层，${k1}\\times {k1}$ 后 ${k2}\\times {k2}$",
                    ),
                    f"{two_mults:,}",
                ],
                [
                    text(
                        en=f"one layer, ${merged.k_h}\\times {merged.k_w}$",
                        zh=f"一层，${merged.k_h}\\times {merged.k_w}$",
                    ),
                    f"{one_mults:,}",
                ],
            ],
        ),
        paragraph(
            text(
                en=f"The single layer costs {one_mults / two_mults:.2f} times as much here: "
                "composing is a proof device, not a speed-up. Stacking small kernels "
                "(as VGG does) is cheaper for the same receptive field, and a nonlinearity "
                "between them makes the stack more expressive than any single kernel.",
                zh=f"此处单层的代价是两层的 {one_mults / two_mults:.2f} 倍：合成用于证明，"
                "并不加速。叠加小核（如 VGG）在相同感受野下更便宜；若中间有非线性，"
                "叠加的表达能力也超过任何单个核。",
            )
        ),
    ]


def _converse_section(facts: maths.Converse):
    shortfall, square_gap = facts.shortfall, facts.square_gap
    best_params, best_gap = facts.best_params, facts.best_gap
    p, real_roots, over_c, err = (
        facts.polynomial,
        facts.real_roots,
        facts.over_c,
        facts.complex_error,
    )
    no_solution, distinct_splits = facts.no_solution, facts.distinct_splits
    distinct = len(distinct_splits)
    listed = {
        lang: sep.join(
            f"${a[0]}\\times {a[1]}$ {word} ${b[0]}\\times {b[1]}$" for a, b in distinct_splits
        )
        for lang, word, sep in (("en", "and", ", "), ("zh", "与", "、"))
    }
    lap_rank = facts.rank
    count_rows = [
        [
            f"${row.kernel}\\times {row.kernel}$",
            str(row.kernel * row.kernel),
            str(row.square),
            f"${row.first[0]}\\times {row.first[1]}$, ${row.second[0]}\\times {row.second[1]}$",
            str(row.parameters),
            str(row.shortfall),
        ]
        for row in facts.splits
    ]
    lap = sp.Matrix(maths.LAPLACIAN)
    return [
        heading(text(en="The converse", zh="反过来成立吗")),
        paragraph(
            text(
                en="It depends on the channels between the two layers. With one channel in, "
                "between and out ($c_i = c_m = c_o = 1$) the answer is no, not in general; "
                "with $c_m$ at least the kernel's rank it is yes (next section). "
                "One channel between. 1-D, parameters: two kernels of sizes $k_1, k_2$ with "
                "$k_1 + k_2 - 1 = k$ have $k_1 + k_2 = k + 1$ entries, one more than the $k$ entries of the target "
                "(one is redundant: $(s\\alpha, \\beta / s)$ gives the same product), so counting "
                "is not the obstacle in 1-D. The obstacle is factoring: a decomposition is a "
                "factorization of $\\kappa(z)$ with real coefficients. The kernel $(1, 0, 1)$:",
                zh="取决于两层之间的通道数。输入、中间、输出都只有一个通道（$c_i = c_m = c_o = 1$）时，"
                "一般不成立；中间通道数 $c_m$ 不少于卷积核的秩时则成立（见下一节）。"
                "先看中间只有一个通道的情形。一维的参数计数：尺寸为 $k_1, k_2$ 且 $k_1 + k_2 - 1 = k$ 的两个核共有 "
                "$k_1 + k_2 = k + 1$ 个元素，比目标的 $k$ 个多一个（其中一个冗余："
                "$(s\\alpha, \\beta / s)$ 给出相同乘积），所以一维时计数不是障碍。"
                "障碍在于因式分解：分解即 $\\kappa(z)$ 在实系数下的因式分解。以核 $(1, 0, 1)$ 为例：",
            )
        ),
        math(
            f"\\kappa(z) = {tex(p)} = {tex(over_c)},\\qquad "
            f"\\{{z \\in \\mathbb{{R}} : \\kappa(z) = 0\\}} = {_set(real_roots)}"
        ),
        paragraph(
            text(
                en="Its only smaller split is $2 + 2$, i.e. two real linear factors, i.e. a real "
                "root; SymPy finds none, so $(1, 0, 1)$ is not the composition of two smaller "
                "real kernels. Over $\\mathbb{C}$ it is: $(i, 1)$ then $(-i, 1)$.",
                zh="它唯一的更小拆分是 $2 + 2$，即两个实一次因式，即一个实根；SymPy 找不到实根，"
                "所以 $(1, 0, 1)$ 不是两个更小实核的合成。在 $\\mathbb{C}$ 上则可以："
                "$(i, 1)$ 后接 $(-i, 1)$。",
            )
        ),
        result(
            text(en="What does hold in 1-D", zh="一维中成立的结论"),
            "\\kappa(z) = \\kappa_{k-1}\\prod_{r=1}^{k-1} (z - z_r),\\quad z_r \\in \\mathbb{C}",
        ),
        paragraph(
            text(
                en="By the fundamental theorem of algebra every 1-D kernel of size $k$ is a "
                "composition of $k - 1$ complex kernels of size 2 (over the reals: of sizes 2 "
                "and 3, pairing conjugate roots). Checked numerically: the size-2 factors of a "
                f"random real kernel of size {facts.kernel_size} (numpy roots), convolved back "
                f"together, reproduce it to {err:.1e}.",
                zh="由代数基本定理，每个大小为 $k$ 的一维核都是 $k - 1$ 个大小为 2 的复数核的合成"
                "（在实数上：大小为 2 和 3 的核，共轭根配对）。数值验证：对一个大小为 "
                f"{facts.kernel_size} 的随机实核求根得到大小为 2 的因子，再全部卷积回去，误差 {err:.1e}。",
            )
        ),
        paragraph(
            text(
                en="2-D, parameters: a $k\\times k$ kernel has $k^2$ entries. Two kernels of "
                "shapes $r_1\\times c_1$ and $r_2\\times c_2$ compose to "
                "$(r_1 + r_2 - 1)\\times(c_1 + c_2 - 1)$ and have $r_1 c_1 + r_2 c_2 - 1$ free "
                "parameters (one scale is redundant). SymPy expands the shortfall:",
                zh="二维的参数计数：$k\\times k$ 核有 $k^2$ 个元素。形状为 $r_1\\times c_1$ 与 "
                "$r_2\\times c_2$ 的两个核合成为 $(r_1 + r_2 - 1)\\times(c_1 + c_2 - 1)$ 的核，"
                "只有 $r_1 c_1 + r_2 c_2 - 1$ 个自由参数（一个缩放冗余）。SymPy 展开二者之差：",
            )
        ),
        math(f"(r_1 + r_2 - 1)(c_1 + c_2 - 1) - (r_1 c_1 + r_2 c_2 - 1) = {tex(shortfall)}"),
        paragraph(
            text(
                en="Neither kernel being $1\\times 1$, this is at least $k - 1$ (if $r_1 = 1$, "
                "then $r_2 = k$ and the first term is $(c_1-1)(k-1)$ with $c_1 \\ge 2$, the "
                "second 0; likewise for the other "
                "degenerate shapes; otherwise it is at least $(r_1 - 1) + (r_2 - 1) = k - 1$), "
                f"reached by a $k\\times(k-1)$ kernel and a $1\\times 2$ one: "
                f"${tex(best_params)}$ parameters, ${tex(best_gap)}$ short. "
                "Square factors, $k_1\\times k_1$ and "
                f"$k_2\\times k_2$, do worse: ${tex(square_gap)}$ short. Enumerating every split confirms it:",
                zh="只要两个核都不是 $1\\times 1$，该差至少为 $k - 1$（若 $r_1 = 1$，则 $r_2 = k$，"
                "第一项为 $(c_1-1)(k-1)$ 且 $c_1 \\ge 2$，第二项为 0；其他退化形状同理；否则至少为 "
                "$(r_1 - 1) + (r_2 - 1) = k - 1$），由 $k\\times(k-1)$ 核与 $1\\times 2$ 核取到："
                f"${tex(best_params)}$ 个参数，差 ${tex(best_gap)}$ 个。方形因子 $k_1\\times k_1$ 与 "
                f"$k_2\\times k_2$ 更差，差 ${tex(square_gap)}$ 个。枚举所有拆分可以验证：",
            )
        ),
        table(
            [
                text(en="kernel", zh="卷积核"),
                text(en="entries", zh="元素数"),
                text(en="best square split: parameters", zh="最佳方形拆分的参数数"),
                text(en="best split", zh="最佳拆分"),
                text(en="its parameters", zh="其参数数"),
                text(en="short by", zh="缺少"),
            ],
            count_rows,
        ),
        paragraph(
            text(
                en="A shortfall of even one parameter settles it: the kernels of one split shape "
                "are the image of a polynomial map from fewer than $k^2$ parameters, which has "
                "measure zero in the $k^2$-dimensional space of kernels, and there are finitely "
                "many shapes. So, with one channel between, the decomposable kernels form a set of "
                "measure zero: almost no "
                "$k\\times k$ kernel ($k \\ge 2$) is the composition of two smaller ones, even "
                "over $\\mathbb{C}$; a random kernel decomposes with probability 0.",
                zh="哪怕只缺一个参数也足以下结论：同一种拆分形状的所有合成是一个从少于 $k^2$ "
                "个参数出发的多项式映射的像，在 $k^2$ 维的核空间中测度为零，而拆分形状只有有限多种。"
                "所以中间只有一个通道时，可分解的核构成一个测度为零的集合：几乎没有 $k\\times k$ 核（$k \\ge 2$）"
                "是两个更小核的合成，即使在 $\\mathbb{C}$ 上也是如此；随机核可分解的概率为 0。",
            )
        ),
        paragraph(
            text(
                en="A concrete one: the discrete Laplacian, one channel between. It has "
                f"{distinct} distinct splits into two kernels, neither $1\\times 1$ "
                f"({facts.bases} ordered ones; convolution commutes): {listed['en']}. "
                "For every one of the "
                f"{no_solution} ordered splits the equations composition = Laplacian have "
                "the Groebner basis $\\{1\\}$ in SymPy: no solution even over "
                "$\\mathbb{C}$. Its "
                f"matrix has rank {lap_rank}, so one column kernel then one row kernel does not "
                f"give it either; {lap_rank} of each do (next section).",
                zh=f"一个具体例子：中间只有一个通道时的离散拉普拉斯核。它有 {distinct} 种不同的拆法，拆成两个非 "
                f"$1\\times 1$ 核（按先后顺序计为 {facts.bases} 种；卷积满足交换律）："
                f"{listed['zh']}。"
                f"对全部 {no_solution} 种有序拆分，方程组「合成 = 拉普拉斯核」在 SymPy 中的 "
                "Groebner 基都是 $\\{1\\}$：即使在 $\\mathbb{C}$ 上也无解。"
                f"其矩阵的秩为 {lap_rank}，所以一个列核后接一个行核也得不到它；"
                f"{lap_rank} 个列核与 {lap_rank} 个行核则可以（见下一节）。",
            )
        ),
        math(f"{tex(lap)}"),
        paragraph(
            text(
                en="Bias: with biases $b_1, b_2$ the composition is one convolution with bias "
                "$b_2 + b_1 \\sum_b \\beta_b$ (the constant $b_1$ passes through the second kernel; "
                "SymPy proves it for $k_1 = 3$, $k_2 = 2$).",
                zh="偏置：若有偏置 $b_1, b_2$，合成仍是一次卷积，其偏置为 "
                "$b_2 + b_1 \\sum_b \\beta_b$（常数 $b_1$ 经过第二个核；SymPy 对 $k_1 = 3$、$k_2 = 2$ 作了证明）。",
            )
        ),
    ]


# --- the converse with channels between: k x 1 then 1 x k ---------------------------
def _channels_section(facts: maths.Channels):
    lap = sp.Matrix(maths.LAPLACIAN)
    rank, two_mults, one_mults = facts.rank, facts.two_mults, facts.one_mults
    k, full_rank = facts.random_size, facts.full_rank
    rtwo, rone, hw = facts.random_two, facts.random_one, facts.input_size
    c_tex, f_tex = tex(facts.columns), tex(facts.rows)
    return [
        heading(
            text(
                en="The converse with channels between: $k\\times 1$ then $1\\times k$",
                zh="中间有多个通道时的反命题：先 $k\\times 1$ 再 $1\\times k$",
            )
        ),
        paragraph(
            text(
                en="Let the first layer have $c_m$ output channels. The composed kernel is "
                "$\\mathsf{K} = \\sum_{m=1}^{c_m} \\mathsf{K}^{(2)}_{m} \\ast "
                "\\mathsf{K}^{(1)}_{m}$ (the proof above, one channel in and out). Take "
                "$\\mathsf{K}^{(1)}_m$ of shape $k\\times 1$ (a column $u_m$) and "
                "$\\mathsf{K}^{(2)}_m$ of shape $1\\times k$ (a row $v_m^\\top$): their full "
                "convolution is the outer product $u_m v_m^\\top$, so",
                zh="设第一层有 $c_m$ 个输出通道。合成核为 "
                "$\\mathsf{K} = \\sum_{m=1}^{c_m} \\mathsf{K}^{(2)}_{m} \\ast "
                "\\mathsf{K}^{(1)}_{m}$（即上面的证明，输入输出各一个通道）。取 "
                "$\\mathsf{K}^{(1)}_m$ 为 $k\\times 1$（列向量 $u_m$），"
                "$\\mathsf{K}^{(2)}_m$ 为 $1\\times k$（行向量 $v_m^\\top$）：二者的完全卷积是外积 "
                "$u_m v_m^\\top$，因此",
            )
        ),
        math(
            "\\mathsf{K} = \\sum_{m=1}^{c_m} u_m v_m^\\top = U V^\\top,\\qquad "
            "U = (u_1, \\dots, u_{c_m}),\\ V = (v_1, \\dots, v_{c_m})"
        ),
        paragraph(
            text(
                en="A $k\\times k$ matrix is $U V^\\top$ with $c_m$ columns exactly when its rank is "
                "at most $c_m$ (sufficient: the singular value decomposition, or any rank "
                "factorization; necessary: a sum of $c_m$ rank-one matrices has rank at most "
                "$c_m$; SymPy confirms that the determinant of two generic rank-one $3\\times 3$ "
                "terms expands to 0). So every $k\\times k$ kernel is a $k\\times 1$ layer into "
                "$c_m = \\operatorname{rank}\\mathsf{K} \\le k$ channels followed by a "
                "$1\\times k$ layer, and no fewer channels do (one channel in and out). "
                "Inception-v3 uses the same shapes ($n\\times n$ replaced by $n\\times 1$ then "
                "$1\\times n$), but not as an exact rewrite of a given layer (below).",
                zh="一个 $k\\times k$ 矩阵能写成有 $c_m$ 列的 $U V^\\top$，当且仅当它的秩不超过 $c_m$"
                "（充分性：奇异值分解或任一秩分解；必要性：$c_m$ 个秩一矩阵之和的秩不超过 $c_m$；"
                "SymPy 验证两个一般的秩一 $3\\times 3$ 项之和的行列式展开为 0）。所以每个 $k\\times k$ "
                "核都是一个输出 $c_m = \\operatorname{rank}\\mathsf{K} \\le k$ 个通道的 $k\\times 1$ "
                "层后接一个 $1\\times k$ 层，且通道不能更少（输入输出各一个通道时）。Inception-v3 "
                "用的是同样的形状（把 $n\\times n$ 换成 $n\\times 1$ 后接 $1\\times n$），"
                "但并不是对某个给定层的精确改写（见下文）。",
            )
        ),
        paragraph(
            text(
                en=f"The Laplacian has rank {rank}, so $c_m = {rank}$ suffices. SymPy's exact rank "
                "factorization gives the two layers' kernels (columns of $U$, rows of "
                "$V^\\top$):",
                zh=f"拉普拉斯核的秩为 {rank}，所以 $c_m = {rank}$ 就够了。SymPy 的精确秩分解给出两层的卷积核"
                "（$U$ 的列、$V^\\top$ 的行）：",
            )
        ),
        math(f"{tex(lap)} = {c_tex}\\,{f_tex}"),
        paragraph(
            text(
                en=f"Executed on a ${hw}\\times {hw}$ integer input: the $3\\times 1$ layer into "
                f"{rank} channels then the $1\\times 3$ layer gives exactly the output of the "
                f"single $3\\times 3$ Laplacian layer, with {two_mults:,} multiplications "
                f"instead of {one_mults:,}. A random ${k}\\times {k}$ kernel has rank "
                f"{full_rank}: through its singular value decomposition, ${k}\\times 1$ into "
                f"{full_rank} channels then $1\\times {k}$ reproduces the single layer to "
                f"below $10^{{{_BOUND_EXPONENT}}}$ (float64 rounding), with {rtwo:,} "
                f"multiplications instead of {rone:,}. Per output position the two layers cost "
                "$c_m(c_i + c_o)k$ products against $c_o c_i k^2$ for one (away from the border): "
                "cheaper exactly when $c_m(c_i + c_o) < c_o c_i k$. With one channel in and out "
                f"and $c_m = {rank}$ that needs $k > {2 * rank}$, so the split $3\\times 3$ Laplacian costs "
                "more.",
                zh=f"在 ${hw}\\times {hw}$ 的整数输入上执行：先 $3\\times 1$ 层输出 {rank} 个通道，"
                f"再 $1\\times 3$ 层，结果与单个 $3\\times 3$ 拉普拉斯层完全相同，乘法 {two_mults:,} 次，"
                f"而单层为 {one_mults:,} 次。随机的 ${k}\\times {k}$ 核秩为 {full_rank}：用它的奇异值分解，"
                f"先 ${k}\\times 1$ 输出 {full_rank} 个通道再 $1\\times {k}$，与单层的差小于 "
                f"$10^{{{_BOUND_EXPONENT}}}$（float64 舍入），乘法 {rtwo:,} 次，单层为 {rone:,} 次。"
                "每个输出位置上两层需要 $c_m(c_i + c_o)k$ 次乘法，单层需要 $c_o c_i k^2$ 次（不计边界）："
                "当且仅当 $c_m(c_i + c_o) < c_o c_i k$ 时更省。输入输出各一个通道、"
                f"$c_m = {rank}$ 时需要 $k > {2 * rank}$，所以拆开的 $3\\times 3$ 拉普拉斯核更贵。",
            )
        ),
        *_wide_paragraph(facts.wide),
    ]


def _wide_paragraph(wide: maths.WideSplit) -> list:
    """With channels in and out: the exact split of a random kernel needs ``c k``
    channels between and costs twice the layer; Inception-v3's split is not that."""
    c, k, r = wide.c, wide.k, wide.rank
    split, single = wide.split_per_position, wide.single_per_position
    return [
        paragraph(
            text(
                en="With channels in and out the count changes. Read the composed kernel as a "
                "$(c_i k)\\times(c_o k)$ matrix (rows: input channel and kernel row; columns: "
                "output channel and kernel column): it is a product through the $c_m$ channels "
                "between, so an exact split needs $c_m$ at least its rank, and a random kernel "
                "has the full rank $\\min(c_i, c_o)\\,k$. Executed for $c_i = c_o = "
                f"{c}$, $k = {k}$, a random integer kernel: rank {r} $= c k$ (SymPy, exact); its "
                f"exact split, ${k}\\times 1$ into {r} channels then $1\\times {k}$, gives the "
                f"single layer's output exactly, at $c_m(c_i + c_o)k = {split}$ multiplications "
                f"per output position against $c_o c_i k^2 = {single}$ ({wide.two_mults:,} "
                f"against {wide.one_mults:,} on a $12\\times 12$ input): twice the single layer, "
                "as $c k\\cdot 2c\\cdot k = 2c^2k^2$ is for every $c$ and $k$. So "
                "Inception-v3's $n\\times 1$ then $1\\times n$ with $c_m = c_i = c_o$ (cost "
                "$2n$ instead of $n^2$ per pair of channels) is not a free exact speed-up: it is a "
                "restricted low-rank family (rank at most $c$ instead of $c n$), with a "
                "nonlinearity between, trained as such.",
                zh="输入输出都有多个通道时，计数就变了。把合成的核看作一个 $(c_i k)\\times(c_o k)$ 矩阵"
                "（行：输入通道与核的行；列：输出通道与核的列）：它是经过中间 $c_m$ 个通道的乘积，"
                "所以精确拆分需要 $c_m$ 不小于它的秩，而随机核的秩是满的，为 $\\min(c_i, c_o)\\,k$。"
                f"对 $c_i = c_o = {c}$、$k = {k}$ 的随机整数核实际执行：秩为 {r} $= c k$（SymPy 精确计算）；"
                f"它的精确拆分，先 ${k}\\times 1$ 输出 {r} 个通道再 $1\\times {k}$，与单层输出完全相同，"
                f"但每个输出位置要 $c_m(c_i + c_o)k = {split}$ 次乘法，单层为 $c_o c_i k^2 = {single}$ 次"
                f"（$12\\times 12$ 输入上为 {wide.two_mults:,} 次对 {wide.one_mults:,} 次）：是单层的两倍，"
                "对任何 $c$、$k$ 都有 $c k\\cdot 2c\\cdot k = 2c^2k^2$。所以 Inception-v3 在 "
                "$c_m = c_i = c_o$ 时的 $n\\times 1$ 后接 $1\\times n$（每对通道代价 $2n$ 而不是 $n^2$）"
                "并不是免费的精确加速：它是一个受限的低秩族（秩至多为 $c$ 而不是 $c n$），中间还有非线性，"
                "是按这种结构训练出来的。",
            )
        )
    ]


# --- a worked numeric example ---------------------------------------------------------
def _worked_section(facts: maths.Worked):
    kernel, two, one, first = facts.kernel, facts.two, facts.one, facts.first
    mat = lambda m: matrix(m.tolist())  # noqa: E731
    return [
        heading(text(en="A worked example", zh="一个算例")),
        paragraph(
            text(
                en="Two $2\\times 2$ kernels $\\mathsf{A}$, $\\mathsf{B}$ on a $4\\times 4$ input "
                "$\\mathsf{X}$ (integers, so every step is exact). The first layer gives a "
                "$3\\times 3$ output, the second a $2\\times 2$ one:",
                zh="两个 $2\\times 2$ 核 $\\mathsf{A}$、$\\mathsf{B}$ 作用在 $4\\times 4$ 输入 "
                "$\\mathsf{X}$ 上（整数，每一步都精确）。第一层输出 $3\\times 3$，第二层输出 $2\\times 2$：",
            )
        ),
        math(
            f"\\mathsf{{X}} = {mat(np.array(WORKED_X))},\\quad "
            f"\\mathsf{{A}} = {mat(np.array(WORKED_A))},\\quad "
            f"\\mathsf{{B}} = {mat(np.array(WORKED_B))}"
        ),
        math(
            f"\\mathsf{{X}} \\star \\mathsf{{A}} = {mat(first)},\\qquad "
            f"(\\mathsf{{X}} \\star \\mathsf{{A}}) \\star \\mathsf{{B}} = {mat(two)}"
        ),
        paragraph(
            text(
                en="($\\star$: the cross-correlation a layer computes.) The full convolution of the "
                "kernels, $\\mathsf{K} = \\mathsf{A} \\ast \\mathsf{B}$, is $3\\times 3$ "
                "($2 + 2 - 1 = 3$), and one layer with it gives the same output:",
                zh="（$\\star$：卷积层计算的互相关。）两个核的完全卷积 "
                "$\\mathsf{K} = \\mathsf{A} \\ast \\mathsf{B}$ 是 $3\\times 3$（$2 + 2 - 1 = 3$），"
                "用它的单层给出相同的输出：",
            )
        ),
        math(
            f"\\mathsf{{K}} = {mat(kernel)},\\qquad \\mathsf{{X}} \\star \\mathsf{{K}} = {mat(one)}"
        ),
    ]


def _mistakes():
    return mistakes(
        mistake("sheet_compose_kernels_added"),
        mistake("compose_no_overlap"),
        mistake("compose_product"),
        mistake("sheet_compose_correlation"),
        mistake("sheet_converse_by_counting"),
    )


def _answers(size, lap_rank: int, wide: maths.WideSplit):
    return [
        heading(text(en="Answers", zh="答案")),
        answer(
            text(en="1.1", zh="1.1"),
            text(
                en="Yes: two kernels in sequence, no nonlinearity between, are one convolution "
                "whose kernel is the full convolution of the two (with channels: "
                "$\\mathsf{K}_{o,c} = \\sum_m \\mathsf{K}^{(2)}_{o,m} \\ast "
                "\\mathsf{K}^{(1)}_{m,c}$).",
                zh="可以：中间没有非线性时，依次作用的两个核等于一次卷积，其核是两个核的完全卷积（多通道时 "
                "$\\mathsf{K}_{o,c} = \\sum_m \\mathsf{K}^{(2)}_{o,m} \\ast "
                "\\mathsf{K}^{(1)}_{m,c}$）。",
            ),
        ),
        answer(
            text(en="1.2", zh="1.2"),
            text(
                en=f"${tex(size)}$ per spatial dimension; with channels "
                f"$c_o\\times c_i\\times ({tex(size)})\\times ({tex(size)})$.",
                zh=f"每个空间维度 ${tex(size)}$；多通道时为 "
                f"$c_o\\times c_i\\times ({tex(size)})\\times ({tex(size)})$。",
            ),
        ),
        answer(
            text(en="1.3", zh="1.3"),
            text(
                en="Not always with one channel between the two layers: almost no $k\\times k$ "
                "kernel splits into two smaller ones (the Laplacian does not). With "
                "$c_m \\ge \\operatorname{rank}\\mathsf{K}$ channels between, every kernel "
                "does: a $k\\times 1$ layer then a $1\\times k$ layer (the Laplacian with "
                f"$c_m = {lap_rank}$). With $c$ channels in and out a random kernel needs "
                f"$c_m = c k$, and the exact split then costs twice the single layer "
                f"({wide.split_per_position} against {wide.single_per_position} products per "
                f"position for $c = {wide.c}$, $k = {wide.k}$).",
                zh="中间只有一个通道时并非总能分解：几乎没有 $k\\times k$ 核能拆成两个更小的核（拉普拉斯核就不能）。"
                "中间有 $c_m \\ge \\operatorname{rank}\\mathsf{K}$ 个通道时每个核都可以："
                f"先 $k\\times 1$ 层再 $1\\times k$ 层（拉普拉斯核取 $c_m = {lap_rank}$）。"
                "输入输出各有 $c$ 个通道时，随机核需要 $c_m = c k$，精确拆分的代价是单层的两倍"
                f"（$c = {wide.c}$、$k = {wide.k}$ 时每个位置 {wide.split_per_position} 次乘法对 "
                f"{wide.single_per_position} 次）。",
            ),
        ),
    ]


def _figure():
    return figure(
        "compose-receptive-field",
        caption=text(
            en="Two kernels in sequence: each output of the second layer sees "
            "$k_1 + k_2 - 1$ inputs, the size of the single equivalent kernel.",
            zh="两个核依次作用：第二层的每个输出看到 $k_1 + k_2 - 1$ 个输入，即等效单核的大小。",
        ),
        alt=text(
            en="An input row, the first layer's outputs and one output of the second "
            "layer, with the inputs it depends on highlighted: three plus three minus "
            "one of them.",
            zh="一行输入、第一层的输出和第二层的一个输出，高亮出它依赖的输入：三加三减一个。",
        ),
    )


def build() -> Exercise:
    size, converse, channels = maths.size(), maths.converse(), maths.channels()
    blocks = [
        *_conventions(),
        *_proof_section(maths.proof()),
        *_worked_section(maths.worked()),
        *_size_section(size),
        _figure(),
        *_numeric_section(maths.numeric()),
        *_converse_section(converse),
        *_channels_section(channels),
        *_answers(size.size, converse.rank, channels.wide),
        heading(text(en="Common mistakes", zh="常见错误")),
        _mistakes(),
    ]
    return exercise("compose", statement=_statement(), blocks=blocks)
