"""Exercise (en 6): compute a Delta-wide output strip from one (k + Delta - 1)-wide input strip.

The model of a load: reading one input value from memory (cache) into a register;
kernel weights stay in registers and are not counted; every value of a strip is loaded
once and reused from registers for all the outputs of the strip.  Closed forms are
derived by SymPy; an instrumented strip (tile) correlation counts the loads it executes.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..conv import conv2d_forward
from ..model import Layer
from .document import (Exercise, checked, heading, math, mistakes, paragraph, result, table,
                       text)

__all__ = ["build", "LoadCounter", "tiled_correlate", "loads_per_output", "total_loads",
           "register_limit", "REGISTER_FILES", "L1_BYTES"]

k, D, Dh, m, M, R, T = sp.symbols("k Delta Delta_h m M R T", integer=True, positive=True)
epsilon = sp.Symbol("epsilon", positive=True)

# Assumptions for the register/cache limit, in float32 values (4 bytes).
REGISTER_FILES = (
    ("x86-64 AVX2", 16, 8),       # 16 ymm registers x 8 float32 lanes
    ("x86-64 AVX-512", 32, 16),   # 32 zmm registers x 16 lanes
    ("ARMv8 NEON", 32, 4),        # 32 q registers x 4 lanes
)
L1_BYTES = 32 * 1024             # a common L1 data cache (Zen, Skylake client)


# --- machinery: the instrumented strip correlation -----------------------------------
class LoadCounter:
    """A 2-D input whose reads are counted: every element a ``load`` returns is one load."""

    def __init__(self, array):
        self._array = np.asarray(array)
        self.loads = 0

    @property
    def shape(self):
        return self._array.shape

    def load(self, rows: slice, cols: slice) -> np.ndarray:
        block = self._array[rows, cols].copy()  # the copy stands for the registers
        self.loads += block.size
        return block


def tiled_correlate(x: LoadCounter, kernel: np.ndarray, delta: int, delta_h: int = 1):
    """Valid cross-correlation computed ``delta_h x delta`` outputs at a time: each tile
    loads its ``(delta_h + k - 1) x (delta + k - 1)`` inputs once, then reuses them."""
    kh, kw = kernel.shape
    mh, mw = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    y = np.empty((mh, mw))
    for r0 in range(0, mh, delta_h):
        dh = min(delta_h, mh - r0)
        for c0 in range(0, mw, delta):
            dw = min(delta, mw - c0)
            block = x.load(slice(r0, r0 + dh + kh - 1), slice(c0, c0 + dw + kw - 1))
            for i in range(dh):
                for j in range(dw):
                    y[r0 + i, c0 + j] = np.sum(block[i:i + kh, j:j + kw] * kernel)
    return y


# --- the closed forms -----------------------------------------------------------------
def strip_inputs():
    """Inputs one strip of Delta outputs needs: k rows by (last output col + k) cols."""
    last_read = (D - 1) + (k - 1)          # column of the last input the last output reads
    return k * (last_read + 1)


def loads_per_output():
    return sp.simplify(strip_inputs() / D)


def axis_loads():
    """Loads along one axis over ``T = ceil(m / Delta)`` strips of widths ``d_t`` summing
    to ``m``: ``sum_t (d_t + k - 1)``."""
    t = sp.Symbol("t", integer=True)
    d = sp.IndexedBase("d")
    total = sp.Sum(d[t] + k - 1, (t, 1, T)).expand().doit()
    widths = sp.Sum(d[t], (t, 1, T))
    return sp.collect(sp.expand(total.subs(widths, m).subs(T, sp.ceiling(m / D))),
                      sp.ceiling(m / D), sp.factor)


def total_loads():
    """All loads for an ``M x m`` output, strips one row high (each row: k input rows)."""
    return k * M * axis_loads()


def register_limit():
    """Largest Delta whose strip fits ``R`` registers (values): k^2 weights, Delta
    accumulators and the strip's current input row (Delta + k - 1 values)."""
    needed = k**2 + D + (D + k - 1)
    bound = sp.solve(sp.Eq(needed, R), D)[0]
    return needed, sp.floor(sp.together(bound))


def _cache_limit(channels: int, kk: int):
    """Largest Delta whose k + 1 strip rows (across ``channels``) fit the L1 cache: the
    row-to-row reuse of a strip sliding down the image."""
    needed = sp.factor(channels * (k + 1) * (D + k - 1) * 4)
    bound = sp.solve(sp.Eq(needed.subs(k, kk), L1_BYTES), D)[0]
    return needed, int(sp.floor(bound))


# --- the sheet ------------------------------------------------------------------------
def _sweep(kk: int = 3, rows: int = 4, width: int = 64):
    rng = np.random.default_rng(0)
    image = rng.standard_normal((rows + kk - 1, width + kk - 1))
    kernel = rng.standard_normal((kk, kk))
    layer = Layer(1, 1, rows + kk - 1, width + kk - 1, kk, kk)
    direct = conv2d_forward(image[None, None], kernel[None, None], None, layer)[0][0, 0]
    per, total = loads_per_output(), total_loads()
    out = []
    for delta in (1, 2, 4, 5, 8, 16, 24, 64):
        x = LoadCounter(image)
        y = tiled_correlate(x, kernel, delta)
        if np.max(np.abs(y - direct)) > 1e-12:  # pragma: no cover
            raise AssertionError(f"strip correlation differs from the convolution at {delta}")
        cf = int(total.subs({k: kk, M: rows, m: width, D: delta}))
        loads = checked(f"loads, Delta={delta}", cf, x.loads)
        out.append((delta, loads, per.subs({k: kk, D: delta}), rows * width))
    return out


def _tile_check(kk: int = 3, delta: int = 8, size: int = 32):
    rng = np.random.default_rng(1)
    image = rng.standard_normal((size + kk - 1, size + kk - 1))
    x = LoadCounter(image)
    tiled_correlate(x, rng.standard_normal((kk, kk)), delta, delta)
    along = axis_loads().subs({k: kk, m: size, D: delta})
    return checked("2-D tile loads", int(along * along), x.loads), size * size


def build() -> Exercise:
    per = loads_per_output()
    split = sp.apart(per, D)
    limit = sp.limit(per, D, sp.oo)
    at_one = per.subs(D, 1)
    gain = sp.simplify(at_one / per)
    within = sp.solve(sp.Eq(split, (1 + epsilon) * k), D)[0]
    example_within = within.subs({k: 3, epsilon: sp.Rational(1, 10)})
    tile = sp.simplify((D + k - 1) * (Dh + k - 1) / (D * Dh))
    tile_limit = sp.limit(sp.limit(tile, D, sp.oo), Dh, sp.oo)
    needed, dmax = register_limit()
    sweep = _sweep()
    tile_loads, tile_outputs = _tile_check()
    reg_rows = []
    for name, regs, lanes in REGISTER_FILES:
        values = regs * lanes
        row = [name, f"{regs} \u00d7 {lanes} = {values}"]
        for kk in (3, 5):
            d = int(dmax.subs({R: values, k: kk}))
            row.append(f"{d}" + (f" (${sp.latex(per.subs({k: kk, D: d}).evalf(3))}$)"
                                 if d >= 1 else ""))
        reg_rows.append(row)
    cache_needed, cache_d = _cache_limit(64, 3)
    blocks = [
        heading(text(en="Conventions", zh="约定")),
        paragraph(text(
            en="A load is one input value read from memory or cache into a register. The "
               "$k^2$ kernel weights stay in registers (loaded once, not counted); every input "
               "value of a strip is loaded once and reused from registers. One output row at a "
               "time, stride 1, no padding, one channel (with $c_i$ channels every count is "
               "per channel). A strip of $\\Delta$ outputs needs $\\Delta + k - 1$ input columns "
               "(the exercise's $k + \\Delta$ counts one column more; the limit is the same).",
            zh="一次加载指把一个输入值从内存或缓存读入寄存器。$k^2$ 个卷积核权重常驻寄存器"
               "（只加载一次，不计）；条带中的每个输入值只加载一次，然后从寄存器中复用。"
               "每次计算一行输出，步幅为 1，无填充，单通道（$c_i$ 个通道时每个计数按通道计）。"
               "$\\Delta$ 个输出的条带需要 $\\Delta + k - 1$ 列输入"
               "（题中的 $k + \\Delta$ 多算了一列，极限相同）。")),
        heading(text(en="Loads per output", zh="每个输出的加载次数")),
        paragraph(text(
            en="One value at a time, each output loads its own $k\\times k$ window. A strip "
               "loads $k$ rows of $\\Delta + k - 1$ values for $\\Delta$ outputs; SymPy:",
            zh="每次计算一个值时，每个输出都加载自己的 $k\\times k$ 窗口。条带为 $\\Delta$ "
               "个输出加载 $k$ 行、每行 $\\Delta + k - 1$ 个值；SymPy 给出：")),
        math(f"L(\\Delta) = \\frac{{{sp.latex(strip_inputs())}}}{{\\Delta}} = {sp.latex(split)},"
             f"\\qquad L(1) = {sp.latex(at_one)},\\qquad "
             f"\\lim_{{\\Delta\\to\\infty}} L(\\Delta) = {sp.latex(limit)}"),
        result(text(en="Loads per output value, and the gain over one value at a time",
                    zh="每个输出值的加载次数，以及相对逐个计算的收益"),
               f"L(\\Delta) = {sp.latex(split)},\\qquad \\frac{{L(1)}}{{L(\\Delta)}} = "
               f"{sp.latex(gain)} \\to {sp.latex(sp.limit(gain, D, sp.oo))}"),
        paragraph(text(
            en="Why it is better: neighbouring windows overlap in $k - 1$ columns, and the "
               "strip loads the overlap once instead of $k$ times. The excess over the limit, "
               f"${sp.latex(split - limit)}$, falls like $1/\\Delta$; to come within a fraction "
               f"$\\epsilon$ of the limit takes $\\Delta \\ge {sp.latex(within)}$ (for $k = 3$, "
               f"$\\epsilon = 0.1$: $\\Delta \\ge {example_within}$). The limit $k$ remains because a strip one row "
               "high reuses nothing vertically; a $\\Delta_h\\times\\Delta$ tile loads",
            zh="为什么更好：相邻窗口有 $k - 1$ 列重叠，条带只加载一次重叠部分，而不是 $k$ 次。"
               f"超出极限的部分 ${sp.latex(split - limit)}$ 按 $1/\\Delta$ 下降；要与极限相差不超过"
               f"比例 $\\epsilon$，需要 $\\Delta \\ge {sp.latex(within)}$（$k = 3$，"
               f"$\\epsilon = 0.1$ 时 $\\Delta \\ge {example_within}$）。极限仍是 $k$，因为一行高的条带在竖直方向"
               "没有复用；$\\Delta_h\\times\\Delta$ 的块每个输出加载")),
        math(f"\\frac{{(\\Delta_h + k - 1)(\\Delta + k - 1)}}{{\\Delta_h \\Delta}} \\to "
             f"{sp.latex(tile_limit)}"),
        paragraph(text(
            en="per output, down to one load per input value.",
            zh="次，最终每个输入值只加载一次。")),
        heading(text(en="Executed loads", zh="实际执行的加载次数")),
        paragraph(text(
            en="The instrumented strip correlation counts every value it reads into its "
               "strip buffer; a $3\\times 3$ kernel on a $6\\times 66$ input ($4\\times 64$ outputs, "
               "its results equal to the library convolution). Closed form for the whole "
               "image, $N$ loads for $M$ output rows of width $m$, with $\\lceil m/\\Delta\\rceil$ "
               "strips per row (the last one narrower), checked against the executed count:",
            zh="带计数的条带互相关统计它读入条带缓冲区的每个值；$3\\times 3$ 核作用于 "
               "$6\\times 66$ 输入（$4\\times 64$ 个输出，结果与本项目的卷积一致）。"
               "整幅图的闭式：$M$ 行、每行宽 $m$ 的输出共 $N$ 次加载"
               "（每行 $\\lceil m/\\Delta\\rceil$ 个条带，最后一个可能较窄），"
               "与实际执行次数核对：")),
        math(f"N = {sp.latex(total_loads())}"),
        table(["$\\Delta$", text(en="loads (closed form = executed)", zh="加载次数（闭式 = 实际）"),
               text(en="per output", zh="每个输出"), "$L(\\Delta)$"],
              [[str(d), f"{loads:,}", f"{loads / outs:.3f}", f"${sp.latex(lv)}$"]
               for d, loads, lv, outs in sweep]),
        paragraph(text(
            en=f"Where $\\Delta$ does not divide 64 (5 and 24) the per-output figure is "
               f"slightly above $L(\\Delta)$: the narrower last strip. A $8\\times 8$ tile on a "
               f"$32\\times 32$ output executes {tile_loads:,} loads, "
               f"{tile_loads / tile_outputs:.4f} per output.",
            zh=f"$\\Delta$ 不整除 64 时（5 与 24），每个输出的加载数略高于 $L(\\Delta)$："
               f"最后一个条带较窄。$8\\times 8$ 的块在 $32\\times 32$ 输出上执行 {tile_loads:,} "
               f"次加载，每个输出 {tile_loads / tile_outputs:.4f} 次。")),
        heading(text(en="The limit to Delta", zh="Delta 的上限")),
        paragraph(text(
            en="Yes, there is a limit. The reuse only pays while the strip stays in registers. "
               "Computing the strip row by row, the registers hold the $k^2$ weights, the "
               "$\\Delta$ accumulators and one input row of the strip:",
            zh="有上限。只有条带留在寄存器中时复用才有效。逐行计算条带时，寄存器要容纳 "
               "$k^2$ 个权重、$\\Delta$ 个累加器和条带的一行输入：")),
        math(f"{sp.latex(needed)} \\le R \\quad\\Longrightarrow\\quad \\Delta_{{\\max}} = "
             f"{sp.latex(dmax)}"),
        paragraph(text(
            en="With $R$ the register file in float32 values (assumption: every lane usable, "
               "no register lost to addresses; real kernels get somewhat less), "
               "$\\Delta_{\\max}$ and $L(\\Delta_{\\max})$:",
            zh="$R$ 为以 float32 值计的寄存器容量（假设：每个通道都可用，没有寄存器用于地址；"
               "实际内核会少一些），$\\Delta_{\\max}$ 与 $L(\\Delta_{\\max})$：")),
        table([text(en="register file", zh="寄存器组"), text(en="$R$ (values)", zh="$R$（值）"),
               "$k = 3$: $\\Delta_{\\max}$ ($L$)", "$k = 5$: $\\Delta_{\\max}$ ($L$)"],
              reg_rows),
        paragraph(text(
            en="Past the registers the strip lives in the L1 cache, where the next reuse is "
               "vertical: the strip sliding down one row reuses $k - 1$ of its rows if $k + 1$ "
               f"rows fit. Assuming a {L1_BYTES // 1024} KiB L1 data cache and $c_i = 64$ "
               f"channels of float32: ${sp.latex(cache_needed)} \\le {L1_BYTES}$ bytes gives "
               f"$\\Delta \\le {cache_d}$ for $k = 3$. Wider strips spill to L2 and the "
               "saving turns into cache misses; and $\\Delta$ cannot exceed the output width "
               "$m_w$. Since most of the gain is reached by $\\Delta \\approx (k-1)/\\epsilon$, "
               "a few tens, the register limit is rarely the one that binds.",
            zh="超出寄存器后，条带留在 L1 缓存中，此时的复用来自竖直方向：条带下移一行时，"
               f"若能容纳 $k + 1$ 行，就能复用其中 $k - 1$ 行。假设 L1 数据缓存为 "
               f"{L1_BYTES // 1024} KiB、$c_i = 64$ 个 float32 通道："
               f"${sp.latex(cache_needed)} \\le {L1_BYTES}$ 字节，$k = 3$ 时得 $\\Delta \\le {cache_d}$。"
               "更宽的条带会溢出到 L2，节省变成缓存缺失；而且 $\\Delta$ 不能超过输出宽度 $m_w$。"
               "由于大部分收益在 $\\Delta \\approx (k-1)/\\epsilon$（几十）时就已取得，"
               "寄存器上限很少成为瓶颈。")),
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            (text(en="A strip saves multiplications.", zh="条带减少了乘法次数。"),
             text(en="It computes the same $k^2$ products per output; it saves loads, i.e. "
                     "memory traffic, which is what limits a convolution with few channels.",
                  zh="每个输出仍做同样的 $k^2$ 次乘法；节省的是加载，即访存量，"
                     "而这正是通道数少时卷积的瓶颈。")),
            (text(en="The larger $\\Delta$, the better, without end.",
                  zh="$\\Delta$ 越大越好，没有止境。"),
             text(en="Loads per output never go below $k$ for a one-row strip, the gain "
                     "flattens like $1/\\Delta$, and beyond the register file the strip no "
                     "longer sits where reuse is free.",
                  zh="一行高的条带每个输出的加载数不会低于 $k$，收益按 $1/\\Delta$ 趋平；"
                     "超出寄存器容量后，条带就不在可以免费复用的地方了。")),
            (text(en="Loads per output are $k(k + \\Delta)/\\Delta$.",
                  zh="每个输出的加载数是 $k(k + \\Delta)/\\Delta$。"),
             text(en="A $\\Delta$-wide output strip needs $\\Delta + k - 1$ input columns, not "
                     "$\\Delta + k$; the difference vanishes only in the limit.",
                  zh="$\\Delta$ 宽的输出条带需要 $\\Delta + k - 1$ 列输入，而不是 "
                     "$\\Delta + k$；二者只在极限下才没有差别。")),
        ),
    ]
    return Exercise(id="strips", numbers={"zh": None, "en": 6},
                    title=text(en="Computing a strip of outputs at once",
                               zh="一次计算一条输出"),
                    statement=text(
                        en="Assume that we have a $k\\times k$ kernel. Instead of computing one "
                           "output value at a time, we read a $(k + \\Delta)$-wide strip of the "
                           "input and compute a $\\Delta$-wide strip of output values. Why is "
                           "this better? Is there any limit to how large $\\Delta$ should be?",
                        zh="假设卷积核为 $k\\times k$。不再一次计算一个输出值，而是读入宽为 "
                           "$(k + \\Delta)$ 的输入条带，计算宽为 $\\Delta$ 的输出条带。"
                           "为什么这样更好？$\\Delta$ 的大小有没有上限？"),
                    blocks=blocks)
