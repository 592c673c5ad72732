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
from derivations.exercises.notation import matrix, num, sci, tex
from derivations.exercises.prose import say

__all__ = ["build"]


# --- the sheet ------------------------------------------------------------------------
def _statement():
    return say("compose.assume_that_we_have_two")


def _set(items) -> str:
    return "\\{" + ", ".join(map(tex, items)) + "\\}" if items else "\\emptyset"


def _conventions():
    return [
        heading(say("compose.conventions")),
        paragraph(say("compose.convolution_means_what_the_layer")),
    ]


def _proof_section(proof: maths.Proof):
    two, proved_1d, pairs = proof.first, proof.proved_1d, proof.sweep_1d
    coeffs = [tex(c) for c in proof.coefficients]
    written = " + ".join(f"({c})" + (f"\\,{tex(z**t)}" if t else "") for t, c in enumerate(coeffs))
    return [
        heading(say("compose.proof")),
        paragraph(say("compose.let_the_first_layer_compute")),
        math(
            "z_i = \\sum_{b}\\beta_b \\sum_{a} \\alpha_a x_{i+a+b} = \\sum_{t=0}^{k_1+k_2-2}"
            "\\Big(\\sum_{a+b=t} \\alpha_a \\beta_b\\Big) x_{i+t}"
        ),
        paragraph(say("compose.the_sums_are_finite_so")),
        math(f"z_0 = {tex(two)}"),
        paragraph(say("compose.and_the_product_polynomial_has")),
        math(f"\\alpha(z)\\beta(z) = {written},\\qquad \\kappa = ({', '.join(coeffs)})"),
        paragraph(say("compose.sympy_proves_the_identity_two", pairs=pairs, proved_1d=proved_1d)),
        paragraph(say("compose.in_the_same_exchange_of")),
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
        heading(say("compose.the_size_of_the_single")),
        paragraph(say("compose.a_kernel_of_size_is")),
        math(f"({tex(k_1 - 1)}) + ({tex(k_2 - 1)}) + 1 = {tex(size)}"),
        result(
            say("compose.size_of_the_equivalent_kernel"),
            f"{tex(size)},\\qquad {channel_shape}",
        ),
        paragraph(say("compose.in_the_table_the_last")),
        table(
            [
                say("compose.text_4"),
                "$k_2$",
                "$k_1 k_2$",
                "$k_1 + k_2$",
                say("compose.text_5"),
                say("compose.measured_support"),
            ],
            rows,
        ),
        paragraph(say("compose.with_channels_the_single_layer", channel_shape=channel_shape)),
    ]


def _numeric_section(facts: maths.Numeric):
    first, second, merged = facts.first, facts.second, facts.merged
    c_i, hw, k1, k2 = first.c_i, first.h, first.k_h, second.k_h
    scale, two_mults, one_mults = facts.scale, facts.two_mults, facts.one_mults
    return [
        heading(say("compose.executed_check")),
        paragraph(
            say(
                "compose.two_layers_input_then_float",
                c_i=c_i,
                hw=hw,
                k1=k1,
                k2=k2,
                k_h=merged.k_h,
                k_w=merged.k_w,
                BOUND_EXPONENT=_BOUND_EXPONENT,
                scale=scale,
            )
        ),
        table(
            [say("compose.network"), say("compose.multiplications")],
            [
                [
                    say("compose.two_layers_then", k1=k1, k2=k2),
                    f"${num(two_mults)}$",
                ],
                [
                    say("compose.one_layer", k_h=merged.k_h, k_w=merged.k_w),
                    f"${num(one_mults)}$",
                ],
            ],
        ),
        paragraph(
            say("compose.the_single_layer_costs_times", one_mults_two_mults=one_mults / two_mults)
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
        heading(say("compose.the_converse")),
        paragraph(say("compose.it_depends_on_the_channels")),
        math(
            f"\\kappa(z) = {tex(p)} = {tex(over_c)},\\qquad "
            f"\\{{z \\in \\mathbb{{R}} : \\kappa(z) = 0\\}} = {_set(real_roots)}"
        ),
        paragraph(say("compose.its_only_smaller_split_is")),
        result(
            say("compose.what_does_hold_in"),
            "\\kappa(z) = \\kappa_d \\prod_{r=1}^{d} (z - z_r),\\quad z_r \\in \\mathbb{C},"
            "\\quad d = \\max\\{a : \\kappa_a \\ne 0\\}",
        ),
        paragraph(
            say(
                "compose.by_the_fundamental_theorem_of",
                kernel_size=facts.kernel_size,
                err=f"${sci(err, 2)}$",
                zero_tap_err=f"${sci(facts.zero_tap_error, 2)}$",
            )
        ),
        paragraph(say("compose.parameters_a_kernel_has_entries")),
        math(f"(r_1 + r_2 - 1)(c_1 + c_2 - 1) - (r_1 c_1 + r_2 c_2 - 1) = {tex(shortfall)}"),
        paragraph(
            say(
                "compose.neither_kernel_being_this_is",
                best_params=tex(best_params),
                best_gap=tex(best_gap),
                square_gap=tex(square_gap),
                tie=facts.square_tie,
                tie_factor=facts.square_tie_factor,
                tie_gap=facts.square_tie_gap,
            )
        ),
        table(
            [
                say("compose.kernel"),
                say("compose.entries"),
                say("compose.best_square_split_parameters"),
                say("compose.best_split"),
                say("compose.its_parameters"),
                say("compose.short_by"),
            ],
            count_rows,
            cards_on_phone=True,
        ),
        paragraph(say("compose.a_shortfall_of_even_one")),
        paragraph(
            say(
                "compose.a_concrete_one_the_discrete",
                distinct=distinct,
                bases=facts.bases,
                listed_en=listed["en"],
                no_solution=no_solution,
                lap_rank=lap_rank,
                listed_zh=listed["zh"],
            )
        ),
        math(f"{tex(lap)}"),
        paragraph(say("compose.bias_with_biases_the_composition")),
    ]


# --- the converse with channels between: k x 1 then 1 x k ---------------------------
def _channels_section(facts: maths.Channels):
    lap = sp.Matrix(maths.LAPLACIAN)
    rank, two_mults, one_mults = facts.rank, facts.two_mults, facts.one_mults
    k, full_rank = facts.random_size, facts.full_rank
    rtwo, rone, hw = facts.random_two, facts.random_one, facts.input_size
    c_tex, f_tex = tex(facts.columns), tex(facts.rows)
    return [
        heading(say("compose.the_converse_with_channels_between")),
        paragraph(say("compose.let_the_first_layer_have")),
        math(
            "\\mathsf{K} = \\sum_{m=1}^{c_m} u_m v_m^\\top = U V^\\top,\\qquad "
            "U = (u_1, \\dots, u_{c_m}),\\ V = (v_1, \\dots, v_{c_m})"
        ),
        paragraph(say("compose.a_matrix_is_with_columns")),
        paragraph(say("compose.the_laplacian_has_rank_so", rank=rank)),
        math(f"{tex(lap)} = {c_tex}\\,{f_tex}"),
        paragraph(
            say(
                "compose.executed_on_a_integer_input",
                hw=hw,
                rank=rank,
                two_mults=num(two_mults),
                one_mults=num(one_mults),
                k=k,
                full_rank=full_rank,
                BOUND_EXPONENT=_BOUND_EXPONENT,
                rtwo=num(rtwo),
                rone=num(rone),
                v_2_rank=2 * rank,
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
            say(
                "compose.with_channels_in_and_out",
                c=c,
                k=k,
                r=r,
                split=split,
                single=single,
                two_mults=num(wide.two_mults),
                one_mults=num(wide.one_mults),
            )
        )
    ]


# --- a worked numeric example ---------------------------------------------------------
def _worked_section(facts: maths.Worked):
    kernel, two, one, first = facts.kernel, facts.two, facts.one, facts.first
    mat = lambda m: matrix(m.tolist())  # noqa: E731
    return [
        heading(say("compose.a_worked_example")),
        paragraph(say("compose.two_kernels_on_a_input")),
        math(
            f"\\mathsf{{X}} = {mat(np.array(WORKED_X))},\\quad "
            f"\\mathsf{{A}} = {mat(np.array(WORKED_A))},\\quad "
            f"\\mathsf{{B}} = {mat(np.array(WORKED_B))}"
        ),
        math(
            f"\\mathsf{{X}} \\star \\mathsf{{A}} = {mat(first)},\\qquad "
            f"(\\mathsf{{X}} \\star \\mathsf{{A}}) \\star \\mathsf{{B}} = {mat(two)}"
        ),
        paragraph(say("compose.the_cross_correlation_a_layer")),
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
        heading(say("compose.answers")),
        answer(
            say("compose.text"),
            say("compose.yes_two_kernels_in_sequence"),
        ),
        answer(
            say("compose.text_2"),
            say("compose.per_spatial_dimension_with_channels", size=tex(size)),
        ),
        answer(
            say("compose.text_3"),
            say(
                "compose.not_always_with_one_channel",
                lap_rank=lap_rank,
                split_per_position=wide.split_per_position,
                single_per_position=wide.single_per_position,
                c=wide.c,
                k=wide.k,
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
            zh="一行输入、第一层的输出和第二层的一个输出；高亮的是这个输出依赖的 3 + 3 − 1 = 5 个输入。",
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
        heading(say("compose.common_mistakes")),
        _mistakes(),
    ]
    return exercise("compose", statement=_statement(), blocks=blocks)
