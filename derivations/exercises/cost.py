"""zh 2 / en 2: forward cost, memory, backward memory and backward cost of one layer.

Every formula is a closed form from :mod:`derivations.closed_forms` in the section's
setting (one example, no dilation, no groups); every derivation step is checked equal
to it by SymPy; every number is checked against the instrumented convolution.

Prose and layout only: the forms, derivation steps, executed figures and their checks
are :mod:`derivations.exercises.maths.cost`.
"""

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
from derivations.exercises.maths import cost as maths
from derivations.exercises.maths.cost import REALISTIC_BIAS, compact
from derivations.exercises.notation import lines, num, rows, tex
from derivations.exercises.prose import say
from derivations.model import c_i
from derivations.registry.forms import Form

__all__ = ["build"]

M_FWD, A_FWD = r"M_{\mathrm{fwd}}", r"A_{\mathrm{fwd}}"


def figure_rows(labels: list, figures: tuple) -> list:
    """Table rows: label, closed-form value, executed value (checked equal), one per
    figure of :func:`derivations.exercises.maths.cost.table`."""
    return [
        [label, f"${num(count.closed)}$", f"${num(count.executed)}$"]
        for label, count in zip(labels, figures, strict=True)
    ]


HEADER = [
    say("cost.quantity"),
    say("cost.closed_form"),
    say("cost.executed"),
]


def build() -> Exercise:
    return exercise(
        "cost",
        statement=say(
            # d2l.ai (en), exercise 2, verbatim but for the book's upright subscripts
            # (c_\textrm{i} printed as c_i, as everywhere on these sheets) and its
            # sub-list run inline as (1)-(4); likewise the zh sub-list
            # zh.d2l.ai 6.4, 练习 2, verbatim
            "cost.assume_an_input_of_shape"
        ),
        blocks=[
            *conventions(),
            *output_size(),
            *forward(),
            *book_example(),
            *padding_conventions(),
            *memory(),
            *backward_memory(),
            *backward_cost(),
            *gradient_formulas(),
            *batch(),
            *answers(),
            *common_mistakes(),
        ],
    )


# How each edition's section "Padding and Stride" (zh.d2l.ai 6.3) names the padding:
# the Chinese edition, as it stands, defines "padding (p_h, p_w)" per side; the English
# one dropped that sentence in 2021: its summary names "(p_h, p_w) padding" after
# "symmetric padding on both sides", both sentences quoted (d2l-en,
# chapter_convolutional-neural-networks/padding-and-strides.md, "Summary and Discussion").
DEFINITION_ZH = (
    "“为了简洁起见，当输入高度和宽度两侧的填充数量分别为 $p_h$ 和 $p_w$ 时，"
    "我们称之为填充 $(p_h, p_w)$。”"
)
NAMING = (  # the English edition's words, in its summary of "Padding and Stride"
    "Typically we pick symmetric padding on both sides of the input height and width. "
    "In this case we refer to $(p_h, p_w)$ padding."
)
NAMING_EN = f'"{NAMING}"'  # quoted in English quotes
NAMING_ZH = f"“{NAMING}”"  # quoted in Chinese (full-width) quotes


def conventions() -> list:
    return [
        heading(say("cost.conventions")),
        paragraph(say("cost.one_example_batch_the_batch")),
    ]


def output_size() -> list:
    total, per_side = maths.output_heights()
    return [
        heading(say("cost.what_padding_means")),
        paragraph(
            say(
                "cost.the_section_padding_and_stride",
                total=tex(total),
                NAMING_EN=NAMING_EN,
                NAMING_ZH=NAMING_ZH,
                DEFINITION_ZH=DEFINITION_ZH,
            )
        ),
        result(
            say("cost.output_height_total_padding_the"),
            f"m_h = {tex(total)}",
        ),
        result(
            say("cost.output_height_padding_on_each"),
            f"m_h = {tex(per_side)}",
        ),
        figure(
            "padding-readings",
            caption=text(
                en="The two readings of padding $p_h = p_w = 2$: two rows and two columns "
                "in all (one on each side) or two on each side.",
                zh="填充 $p_h = p_w = 2$ 的两种读法：合计两行两列（上下各一行、左右各一列），"
                "或每侧两行（列）。",
            ),
            alt=text(
                en="Two padded input grids: read as total padding, one ring of zeros "
                "around the input; read per side, two.",
                zh="两个填充后的输入网格：按合计填充读，输入四周补一圈零；按每侧填充读，补两圈零。",
            ),
        ),
        paragraph(say("cost.the_width_is_the_same")),
    ]


def forward() -> list:
    steps = maths.forward()
    outputs, terms = steps.outputs, steps.terms
    return [
        heading(say("cost.forward_propagation")),
        paragraph(say("cost.each_of_the_output_elements")),
        math(
            lines(
                M_FWD,
                f"{tex(outputs)} \\cdot {tex(terms)}",
                tex(steps.mults),
            )
        ),
        math(
            lines(
                A_FWD,
                f"{tex(outputs)} \\cdot ({tex(terms)} - 1)",
                tex(steps.adds),
            )
        ),
        result(
            say("cost.forward_multiplications_macs"),
            f"{M_FWD} = {tex(compact(Form.FORWARD_MULTS))}",
        ),
        result(
            say("cost.forward_additions_no_bias"),
            f"{A_FWD} = {tex(compact(Form.FORWARD_ADDS))}",
        ),
        result(
            say("cost.forward_additions_with_bias"),
            f"{A_FWD} = {tex(steps.adds_bias)}",
        ),
        paragraph(say("cost.multiplications_plus_additions_without_bias")),
    ]


def book_example() -> list:
    gap, gap_value = maths.book_gap()
    return [
        heading(say("cost.the_book_example_over_billion")),
        paragraph(say("cost.the_section_ends_with_a")),
        table(
            HEADER,
            figure_rows(
                [
                    say("cost.multiplications_macs"),
                    say("cost.additions_no_bias"),
                    say("cost.additions_with_bias"),
                    say("cost.mult_add_no_bias"),
                    say("cost.mult_add_with_bias"),
                    say("cost.flops_macs"),
                    say("cost.flops_no_padding"),
                ],
                maths.table(maths.BOOK_ROWS),
            ),
        ),
        paragraph(say("cost.the_book_figure_is_flops", gap=tex(gap), gap_value=num(gap_value))),
    ]


def padding_conventions() -> list:
    labels = [
        say("cost.total"),
        say("cost.per_side"),
        say("cost.per_side_misread"),
        say("cost.total_misread"),
    ]
    rows = [
        [
            label,
            f"${reading.layer.p_h}$",
            f"${reading.m_h}$",
            f"${num(reading.mults.closed)}$",
            f"${num(reading.mults.executed)}$",
        ]
        for label, reading in zip(labels, maths.padding_readings(), strict=True)
    ]
    return [
        heading(say("cost.both_padding_conventions_side_by")),
        paragraph(say("cost.the_layer_with_same_padding")),
        table(
            [
                say("cost.convention"),
                "$p_h$",
                "$m_h$",
                say("cost.text_5"),
                say("cost.executed"),
            ],
            rows,
        ),
    ]


def memory() -> list:
    params = compact(Form.MEMORY_PARAMS, bias=True)
    peak = compact(Form.MEMORY_PEAK_FORWARD, bias=True)
    figures = maths.table(maths.MEMORY_ROWS)
    elements, book = figures[4].closed, figures[5].layer
    return [
        heading(say("cost.memory_footprint")),
        paragraph(say("cost.readers_ask_which_memory_is")),
        result(
            say("cost.parameters_with_bias_drop_without"),
            tex(params),
        ),
        result(
            say("cost.parameters_plus_activations_forward_peak"),
            tex(peak),
        ),
        table(
            HEADER,
            figure_rows(
                [
                    say("cost.weights"),
                    say("cost.bias"),
                    say("cost.input"),
                    say("cost.output"),
                    say("cost.forward_peak"),
                    say("cost.book_example_forward_peak", c_i=book.c_i, c_o=book.c_o),
                ],
                figures,
            ),
        ),
        paragraph(
            say(
                "cost.elements_with_bias_the_layer",
                elements=num(elements),
                v_4_elements=num(4 * elements),
            )
        ),
    ]


def backward_memory() -> list:
    return [
        heading(say("cost.memory_of_the_backward_pass")),
        paragraph(say("cost.autograd_keeps_the_input_and")),
        result(
            say("cost.saved_for_backward"),
            tex(compact(Form.MEMORY_SAVED_FOR_BACKWARD, bias=True)),
        ),
        result(
            say("cost.backward_peak_with_bias"),
            tex(compact(Form.MEMORY_PEAK_BACKWARD, bias=True)),
        ),
        table(
            HEADER,
            figure_rows(
                [
                    say("cost.saved_input_weights"),
                    say("cost.text_6"),
                    say("cost.text_7"),
                    say("cost.text_8"),
                    say("cost.text_9"),
                    say("cost.backward_peak"),
                ],
                maths.table(maths.BACKWARD_MEMORY_ROWS),
            ),
        ),
    ]


def _dx_adds_tex(per_channel) -> str:
    """The additions of dL/dX, ``c_i (per_channel - C_h C_w)``, written with the covered
    positions ``C_h C_w`` (``per_channel``: one input channel's products)."""
    return f"{tex(c_i)} \\left({tex(per_channel)} - C_{{h}} C_{{w}}\\right)"


def backward_cost() -> list:
    cost = maths.backward_cost(REALISTIC_BIAS)
    cover_h, products, ratio = cost.cover_h, cost.products, cost.ratio
    dx_adds_tex = _dx_adds_tex(cost.per_channel)
    labels = {
        "dx": "\\partial L/\\partial X",
        "dw": "\\partial L/\\partial W",
        "db": "\\partial L/\\partial b",
        None: say("cost.total_2"),
    }

    def grad_row(figures: maths.GradientRow) -> list:
        label = labels[figures.gradient]
        cells = [f"${label}$" if isinstance(label, str) else label]
        for count in (figures.mults, figures.adds):
            cells += [f"${num(count.closed)}$", f"${num(count.executed)}$"]
        return cells

    backward_flops, forward_flops = cost.backward_flops, cost.forward_flops
    return [
        heading(say("cost.cost_of_backpropagation_per_gradient")),
        paragraph(say("cost.every_forward_product_gives_one")),
        math(f"C_h = {tex(cover_h)}"),
        result(
            say("cost.multiplications_and_additions"),
            rows(("M_X", tex(compact(Form.BACKWARD_DX_MULTS))), ("A_X", dx_adds_tex)),
        ),
        paragraph(say("cost.with_stride_every_padded_position")),
        math(f"A_X = {tex(products)} - {tex(cost.padded)}"),
        result(
            say("cost.multiplications_and_additions_2"),
            rows(
                ("M_W", tex(compact(Form.BACKWARD_DW_MULTS))),
                ("A_W", tex(compact(Form.BACKWARD_DW_ADDS))),
            ),
        ),
        result(
            say("cost.additions_no_multiplications"),
            f"A_b = {tex(compact(Form.BACKWARD_DB_ADDS, bias=True))}",
        ),
        result(
            say("cost.backward_flops"),
            f"\\mathrm{{FLOPs}}_{{\\mathrm{{bwd}}}} = {tex(compact(Form.BACKWARD_FLOPS))} "
            f"= {tex(ratio)}\\,\\mathrm{{FLOPs}}_{{\\mathrm{{fwd}}}}",
        ),
        paragraph(
            say(
                "cost.the_layer_with_bias_left",
                backward_flops=num(backward_flops),
                ratio=tex(ratio),
                forward_flops=num(forward_flops),
            )
        ),
        table(
            [
                say("cost.gradient"),
                say("cost.mult"),
                say("cost.executed_2"),
                say("cost.add"),
                say("cost.executed_2"),
            ],
            [grad_row(figures) for figures in cost.rows],
            cards_on_phone=True,
        ),
    ]


# --- the gradients themselves ---------------------------------------------------------
def gradient_formulas() -> list:
    checked_on = maths.gradients()
    L, exponent = checked_on.layer, checked_on.bound_exponent
    return [
        heading(say("cost.the_gradients_themselves")),
        paragraph(say("cost.the_counts_above_come_from")),
        math(
            "\\frac{\\partial L}{\\partial \\mathsf{W}_{o,c}} = \\tilde{\\mathsf{X}}_c \\star "
            "\\frac{\\partial L}{\\partial \\mathsf{Y}_o},\\qquad "
            "\\frac{\\partial L}{\\partial \\tilde{\\mathsf{X}}_c} = \\sum_{o=1}^{c_o} "
            "\\frac{\\partial L}{\\partial \\mathsf{Y}_o} \\ast \\mathsf{W}_{o,c}"
        ),
        paragraph(say("cost.entry_by_entry")),
        math(
            rows(
                (
                    "\\frac{\\partial L}{\\partial W_{o,c,a,b}}",
                    "\\sum_{r,s} \\frac{\\partial L}{\\partial Y_{o,r,s}}\\, "
                    "\\tilde{X}_{c,r+a,s+b}",
                ),
                (
                    "\\frac{\\partial L}{\\partial \\tilde{X}_{c,u,v}}",
                    "\\sum_{o}\\sum_{a+r=u,\\,b+s=v} "
                    "\\frac{\\partial L}{\\partial Y_{o,r,s}}\\, W_{o,c,a,b}",
                ),
            )
        ),
        paragraph(
            say(
                "cost.the_first_sums_terms_is",
                c_i=L.c_i,
                c_o=L.c_o,
                h=L.h,
                w=L.w,
                k_h=L.k_h,
                k_w=L.k_w,
                p_h=L.p_h,
                p_w=L.p_w,
                exponent=exponent,
            )
        ),
    ]


# --- the batch size --------------------------------------------------------------------
def batch() -> list:
    """The forms with the batch size n kept (every other setting the section's)."""
    figures = maths.batch()
    with_n = figures.with_n.__getitem__
    BATCH_LAYER = maths.BATCH_LAYER
    rows_ = [[f"$n = {size}$"] + [f"${num(v)}$" for v in values] for size, values in figures.rows]
    return [
        heading(say("cost.a_batch_of_examples")),
        paragraph(
            say(
                "cost.with_examples_every_count_is",
                a_w=tex(with_n(Form.BACKWARD_DW_ADDS)),
                a_b=tex(with_n(Form.BACKWARD_DB_ADDS)),
                excess=tex(figures.excess),
                excess_value=num(figures.excess_value),
                n=maths.BATCHES[-1],
            )
        ),
        result(
            say("cost.batch_with_bias"),
            rows(
                (M_FWD, tex(with_n(Form.FORWARD_MULTS))),
                ("\\mathrm{peak}_{\\mathrm{fwd}}", tex(with_n(Form.MEMORY_PEAK_FORWARD))),
                ("\\mathrm{peak}_{\\mathrm{bwd}}", tex(with_n(Form.MEMORY_PEAK_BACKWARD))),
            ),
        ),
        paragraph(
            say(
                "cost.executed_for_a_layer_with",
                c_i=BATCH_LAYER.c_i,
                c_o=BATCH_LAYER.c_o,
                h=BATCH_LAYER.h,
                w=BATCH_LAYER.w,
            )
        ),
        table(
            [
                say("cost.batch"),
                say("cost.forward_mult"),
                say("cost.backward_mult"),
                say("cost.parameters"),
                say("cost.forward_peak"),
            ],
            rows_,
            cards_on_phone=True,
        ),
    ]


# --- the answers -----------------------------------------------------------------------
def answers() -> list:
    fwd_m, fwd_a = compact(Form.FORWARD_MULTS), compact(Form.FORWARD_ADDS)
    peak_f = compact(Form.MEMORY_PEAK_FORWARD, bias=True)
    peak_b = compact(Form.MEMORY_PEAK_BACKWARD, bias=True)
    params = compact(Form.MEMORY_PARAMS, bias=True)
    bwd_m = compact(Form.BACKWARD_MULTS)
    ratio = maths.backward_ratio()
    return [
        heading(say("cost.answers")),
        answer(
            say("cost.text"),
            say(
                "cost.forward_multiplications_and_additions_one",
                fwd_m=tex(fwd_m),
                fwd_a=tex(fwd_a),
                m_h=tex(maths.output_heights()[0]),
            ),
        ),
        answer(
            say("cost.text_2"),
            say("cost.parameters_elements_with_bias_with", params=tex(params), peak_f=tex(peak_f)),
        ),
        answer(
            say("cost.text_3"),
            say("cost.backward_keeps_the_input_and", peak_b=tex(peak_b)),
        ),
        answer(
            say("cost.text_4"),
            say(
                "cost.multiplications_and_each_as_many",
                bwd_m=tex(bwd_m),
                a_x=_dx_adds_tex(maths.per_channel_products()),
                a_w=tex(compact(Form.BACKWARD_DW_ADDS)),
                a_b=tex(compact(Form.BACKWARD_DB_ADDS, bias=True)),
                ratio=tex(ratio),
            ),
        ),
    ]


def common_mistakes() -> list:
    return [
        heading(say("cost.common_mistakes")),
        mistakes(
            mistake("backward_equals_forward"),
            mistake("memory_mixed_units"),
            mistake("sheet_flops_as_exact_count"),
            mistake("sheet_padding_readings_mixed"),
        ),
    ]
