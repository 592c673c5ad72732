"""zh 3 / en 3: doubling the channels (exact ratio, limit 4) and doubling the padding
(exact increase with floors, the stride-1 form, a few to some tens of percent).

Prose and layout only: the ratios, the executed layers and their checks are
:mod:`derivations.exercises.maths.doubling`."""

from __future__ import annotations

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
from derivations.exercises.maths import doubling as maths
from derivations.exercises.notation import decimal, num, percent, rows, tex
from derivations.exercises.prose import say
from derivations.registry.forms import Form
from derivations.registry.questions import question

__all__ = ["build"]

_M, _A = (question(q).sheet_letter for q in ("forward-mults", "forward-adds"))
SYMBOLS = {Form.FORWARD_MULTS: _M, Form.FORWARD_ADDS: _A, Form.FORWARD_OPS: f"({_M} + {_A})"}
# the tabulated layers of maths.PADDING_LAYERS, in order
PADDING_LABELS = (
    "56^2,\\ 3\\times 3",
    "256^2,\\ 5\\times 5",
    "56^2,\\ 3\\times 3,\\ s = 2",
    "28^2,\\ 5\\times 5",
    "8^2,\\ 3\\times 3",
)


def build() -> Exercise:
    ch, pad = maths.channels(), maths.padding()
    return exercise(
        "doubling",
        statement=say(
            # d2l.ai (en), exercise 3, verbatim (c_\textrm{i} printed as c_i)
            # zh.d2l.ai 6.4, 练习 3, verbatim
            "doubling.by_what_factor_does_the"
        ),
        blocks=[
            *conventions(),
            *channels(ch),
            *padding(pad),
            *answers(ch, pad),
            *common_mistakes(pad),
        ],
    )


def conventions() -> list:
    return [
        heading(say("doubling.conventions")),
        paragraph(say("doubling.forward_pass_one_example_no")),
    ]


def channels(facts: maths.Channels) -> list:
    plain, memory = facts.plain, facts.memory
    bias_ratio = tex(facts.bias_ratio)
    table_rows = [
        [
            f"$c_i = c_o = {row.channels}$",
            f"${num(row.before)}$",
            f"${num(row.after)}$",
            f"${decimal(row.ratio)}$",
            f"${decimal(row.executed_ratio)}$",
        ]
        for row in facts.rows
    ]
    return [
        heading(say("doubling.doubling_and")),
        paragraph(say("doubling.substitute_in_each_closed_form")),
        math(
            rows(
                *(
                    (f"\\frac{{{sym}(2c_i, 2c_o)}}{{{sym}(c_i, c_o)}}", tex(plain[key].ratio))
                    for key, sym in SYMBOLS.items()
                )
            )
        ),
        result(
            say("doubling.multiplications_macs_flops"),
            f"\\times {tex(plain[Form.FORWARD_MULTS].ratio)}",
        ),
        result(
            say("doubling.exact_multiplications_additions_no_bias"),
            f"\\times {tex(plain[Form.FORWARD_OPS].ratio)} "
            f"\\;\\xrightarrow{{c_i\\to\\infty}}\\; {tex(plain[Form.FORWARD_OPS].limit)}",
        ),
        paragraph(
            say(
                "doubling.with_bias_the_additions_and",
                bias_ratio=bias_ratio,
                memory_form_memory_weights=tex(memory[Form.MEMORY_WEIGHTS]),
                memory_form_memory_input=tex(memory[Form.MEMORY_INPUT]),
                memory_form_memory_output=tex(memory[Form.MEMORY_OUTPUT]),
            )
        ),
        paragraph(say("doubling.before_and_after_doubling_the")),
        table(
            [
                say("doubling.layer"),
                say("doubling.before"),
                say("doubling.after"),
                say("doubling.ratio"),
                say("doubling.executed"),
            ],
            table_rows,
            cards_on_phone=True,
        ),
    ]


def padding(facts: maths.Padding) -> list:
    dp, per_side, step = facts.total, facts.per_side, facts.step
    table_rows = []
    for label, row in zip(PADDING_LABELS, facts.rows, strict=True):
        cells = [f"${label}$", f"${row.layer.p_h}\\to {2 * row.layer.p_h}$"]
        for reading in row.readings:
            cells += [f"${reading.m_h}\\to {reading.m_h_doubled}$", f"$+{percent(reading.ratio)}$"]
        table_rows.append(cells)
    return [
        heading(say("doubling.doubling_the_padding")),
        paragraph(say("doubling.padding_enters_the_cost_only")),
        result(
            say("doubling.exact_increase_of_the_multiplications"),
            f"\\Delta M = {tex(step)}",
        ),
        paragraph(say("doubling.with_stride_the_floors_vanish")),
        result(
            say("doubling.stride_total_padding"),
            rows(("\\Delta M", tex(dp.stride1_increase)), ("\\frac{M'}{M}", tex(dp.stride1_ratio))),
        ),
        result(
            say("doubling.stride_padding_per_side"),
            rows(
                ("\\Delta M", tex(per_side.stride1_increase)),
                ("\\frac{M'}{M}", tex(per_side.stride1_ratio)),
            ),
        ),
        *_growth_bound(facts),
        paragraph(say("doubling.the_same_number_doubled_in")),
        table(
            [
                say("doubling.layer"),
                "$p_h$",
                say("doubling.total"),
                say("doubling.total_increase"),
                say("doubling.per_side"),
                say("doubling.per_side_increase"),
            ],
            table_rows,
            cards_on_phone=True,
        ),
        figure(
            "padding-doubling-ratio",
            caption=text(
                en=f"Increase of the cost when the padding doubles, $p_h = p_w = "
                f"{maths.FIGURE_PADDING}\\to {2 * maths.FIGURE_PADDING}$, against the input size "
                f"$h = w$, in both readings; ${maths.FIGURE_KERNEL}\\times {maths.FIGURE_KERNEL}$ "
                f"kernel, stride 1 (channels cancel in the ratio). More than double at the "
                f"smallest input ({_smallest(facts, 'en')}), tens of percent for small inputs, "
                "a few percent for large ones.",
                zh=f"填充加倍（$p_h = p_w = {maths.FIGURE_PADDING}\\to {2 * maths.FIGURE_PADDING}$）"
                f"时计算量的增幅随输入大小 $h = w$ 的变化（两种读法）；"
                f"${maths.FIGURE_KERNEL}\\times {maths.FIGURE_KERNEL}$ 卷积核，步幅 1（通道数在比值中约去）。"
                f"最小的输入上变为原来的两倍以上（{_smallest(facts, 'zh')}），小输入增加百分之几十，大输入只增加百分之几。",
            ),
            alt=text(
                en="Two falling curves of the percentage increase against the input "
                "size, the per-side reading above the total reading.",
                zh="两条随输入大小下降的增幅曲线，每侧读法的曲线在合计读法之上。",
            ),
        ),
    ]


def _smallest(facts: maths.Padding, lang: str) -> str:
    """:func:`_smallest_said` in ``lang`` (for the figure's caption)."""
    return _smallest_said(facts)[lang]


def _smallest_said(facts: maths.Padding, *, padded: bool = False) -> dict:
    """The figure's smallest layer, doubled in both readings: its increases, in words;
    ``padded``: with its stride and padding too, for where nothing around says them (the
    answer box a key repeats alone)."""
    row = facts.smallest
    total, per_side = (percent(reading.ratio) for reading in row.readings)
    fields = dict(h=row.layer.h, w=row.layer.w, k=row.layer.k_h, total=total, per_side=per_side)
    if padded:
        return say("doubling.smallest_padded", p=row.layer.p_h, p2=2 * row.layer.p_h, **fields)
    return say("doubling.smallest", **fields)


def _beyond(row: maths.PaddingRow) -> dict:
    """A layer where the stride-1 bound does not hold (``maths.STRIDED``,
    ``maths.BELOW_KERNEL``), in words: its total padding doubled, the output and the
    executed cost ratio."""
    layer, reading = row.layer, row.readings[0]
    return say(
        "doubling.beyond",
        h=layer.h,
        w=layer.w,
        k=layer.k_h,
        s=layer.s_h,
        p=layer.p_h,
        p2=2 * layer.p_h,
        m=reading.m_h,
        m2=reading.m_h_doubled,
        ratio=num(int(ratio)) if (ratio := reading.ratio).denominator == 1 else decimal(ratio, 2),
    )


def _growth_bound(facts: maths.Padding) -> list:
    """How far the cost can grow: at stride 1, for an input at least the kernel's size,
    each output side by less than 2, the cost by less than 4; more than double when the
    input is barely larger than the kernel; 4 times at a larger stride, more for an
    input smaller than the kernel."""
    total, per_side = (tex(facts.axis_growth[key]) for key in ("total", "per-side"))
    row = facts.smallest
    return [
        paragraph(
            say(
                "doubling.how_much_it_can_grow",
                total=total,
                per_side=per_side,
                smallest=_smallest_said(facts),
                p_h=row.layer.p_h,
                v_2_p_h=2 * row.layer.p_h,
                strided=_beyond(facts.strided),
                below=_beyond(facts.below_kernel),
            )
        )
    ]


def answers(ch: maths.Channels, pad: maths.Padding) -> list:
    ops, mults = ch.plain[Form.FORWARD_OPS], ch.plain[Form.FORWARD_MULTS]
    return [
        heading(say("doubling.answers")),
        answer(
            say("doubling.channels"),
            say(
                "doubling.for_the_multiplications_macs_flops",
                ratio=tex(mults.ratio),
                ratio_2=tex(ops.ratio),
                limit=tex(ops.limit),
                bias_ratio=tex(ch.bias_ratio),
            ),
        ),
        answer(
            say("doubling.padding"),
            say(
                "doubling.only_the_output_grows_by",
                # the exact increase the question double-padding asks, at any stride (s11exam
                # F9: the box's one formula was the stride-1 factor, which the worked answer
                # above gives; the key keeps to one page)
                increase_ops=tex(pad.step_ops),
                smallest=_smallest_said(pad, padded=True),
                below=_beyond(pad.below_kernel),
            ),
        ),
    ]


def common_mistakes(pad: maths.Padding) -> list:
    row = pad.smallest
    total, per_side = (percent(reading.ratio) for reading in row.readings)
    return [
        heading(say("doubling.common_mistakes")),
        mistakes(
            mistake(
                "padding_doubles_cost",
                size=f"{row.layer.h}\\times {row.layer.w}",
                k=row.layer.k_h,
                p=row.layer.p_h,
                p2=2 * row.layer.p_h,
                total=total,
                per_side=per_side,
            ),
            mistake("doubling_doubles"),
            mistake("sheet_exact_ratio_four"),
            mistake("sheet_stride_one_padding_ratio"),
        ),
    ]
