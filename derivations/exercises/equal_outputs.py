"""Exercise: are ``Y1`` and ``Y2`` of the section's 1x1 example exactly equal? (the sheet)

Prose and layout only: the measurements and their checks are
:mod:`derivations.exercises.maths.equal_outputs`.

The section's two functions are reimplemented in NumPy line for line (float32, fixed
seeds) and run over many seeds; every number on the sheet is measured at build time.
Deterministic emulations of the two summation schemes (round every product then add
left to right; a fused multiply-add chain) explain which rounding each path performs.
"""

from __future__ import annotations

import inspect

import numpy as np

from derivations.exercises.document import (
    Exercise,
    Paragraph,
    answer,
    code,
    exercise,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    result,
    table,
)
from derivations.exercises.maths import equal_outputs as maths
from derivations.exercises.maths.equal_outputs import (
    SEEDS,
    corr2d,
    corr2d_multi_in,
    corr2d_multi_in_out,
    corr2d_multi_in_out_1x1,
)
from derivations.exercises.notation import num, sci
from derivations.exercises.prose import say
from derivations.registry.exercises import EXERCISES

__all__ = ["build"]


# --- the sheet ------------------------------------------------------------------------


_SCALE = "u \\sum_i \\lvert K_{o,i} X_{i,r,c}\\rvert"
_IMPORTS = "import numpy as np\n\n\n"
# the products summed per output: one per input channel of the section's K
_TERMS = maths.example(0)[1].shape[1]


def _ratio(x: float) -> str:
    """A measured ratio, the same precision in every column."""
    return f"{x:.2f}"


def _digits(x) -> str:
    """A float32 value to 9 significant digits: enough to tell any two float32 apart."""
    return np.format_float_positional(np.float32(x), precision=9, unique=False, fractional=False)


def _sources() -> str:
    return _IMPORTS + "\n\n".join(
        inspect.getsource(f)
        for f in (corr2d, corr2d_multi_in, corr2d_multi_in_out, corr2d_multi_in_out_1x1)
    )


def _nonassociative():
    left, right = maths.nonassociative()
    return math(f"(0.1 + 0.2) + 0.3 = {left!r},\\qquad 0.1 + (0.2 + 0.3) = {right!r}")


def _float64_reason(facts: maths.Facts) -> Paragraph:
    """Why Y1 == Y2 in float64 on the float32 values: the products are exact there, and
    (when the emulations say so) both paths add the channels in the same order; not
    because the order does not matter (the reversed order changes some entries)."""
    same_order = facts.chain_y2 == SEEDS and facts.fma_y1 == SEEDS
    reverse = (
        f"adding the channels in the order 3, 2, 1 instead changes {facts.reversed64} of "
        f"the ${num(facts.entries64)}$ float64 entries"
    )
    reverse_zh = f"若按 3、2、1 的次序相加，${num(facts.entries64)}$ 个 float64 元素中有 {facts.reversed64} 个改变"
    if same_order and facts.reversed64:
        return paragraph(
            say(
                "equal_outputs.run_in_float_on_the_2",
                same64=facts.same64,
                SEEDS=SEEDS,
                reverse=reverse,
                reverse_zh=reverse_zh,
            )
        )
    if not facts.reversed64:
        return paragraph(
            say("equal_outputs.run_in_float_on_the_3", same64=facts.same64, SEEDS=SEEDS)
        )
    return paragraph(
        say(
            "equal_outputs.run_in_float_on_the",
            same64=facts.same64,
            SEEDS=SEEDS,
            reverse=reverse,
            reverse_zh=reverse_zh,
        )
    )


def build() -> Exercise:
    facts = maths.facts()
    torch = maths.TORCH
    s32, s64, first, shrink = (
        facts.float32,
        facts.float64,
        facts.first,
        facts.shrink,
    )
    seq_y1, seq_y2 = facts.chain_y1, facts.chain_y2
    rev_y1, rev_y2 = facts.reversed_y1, facts.reversed_y2
    fma_y1, fma_y2 = facts.fma_y1, facts.fma_y2
    blocks = [
        heading(say("equal_outputs.conventions")),
        paragraph(
            say(
                "equal_outputs.the_section_code_reimplemented_in",
                SEEDS_v_1=SEEDS - 1,
                # each path: c_i products, c_i roundings in its chain; two paths: twice that
                terms=_TERMS,
                bound=2 * _TERMS,
                # the libraries listed with the enumeration comma in Chinese
                blas={"en": facts.blas, "zh": facts.blas.replace(", ", "、")},
            )
        ),
        code(_sources()),
        heading(say("equal_outputs.answer")),
        paragraph(say("equal_outputs.mathematically_yes_both_compute_the")),
        table(
            [say("equal_outputs.measured"), "float32", "float64"],
            [
                [
                    say("equal_outputs.seeds_with_bitwise_of", SEEDS=SEEDS),
                    str(s32.equal_tensors),
                    str(s64.equal_tensors),
                ],
                [
                    say("equal_outputs.entries_that_differ_of", entries=f"${num(s32.entries)}$"),
                    str(s32.differing_entries),
                    str(s64.differing_entries),
                ],
                [
                    say("equal_outputs.largest"),
                    f"${sci(s32.max_abs)}$",
                    f"${sci(s64.max_abs)}$",
                ],
                [
                    say("equal_outputs.largest_2", SCALE=_SCALE),
                    _ratio(s32.max_relative),
                    _ratio(s64.max_relative),
                ],
                [
                    say("equal_outputs.seeds_where_the_book_check"),
                    str(s32.book_assert_fails),
                    str(s64.book_assert_fails),
                ],
            ],
            cards_on_phone=True,
        ),
        heading(say("equal_outputs.why")),
        paragraph(say("equal_outputs.floating_point_addition_is_not")),
        _nonassociative(),
        paragraph(say("equal_outputs.the_loops_corr_multi_in", SEEDS=SEEDS)),
        table(
            [say("equal_outputs.emulation"), "$Y_1$", "$Y_2$"],
            [
                [
                    say("equal_outputs.round_each_product_add_channels"),
                    str(seq_y1),
                    str(seq_y2),
                ],
                [
                    say("equal_outputs.round_each_product_add_channels_2"),
                    str(rev_y1),
                    str(rev_y2),
                ],
                [
                    say("equal_outputs.fused_multiply_add_channels"),
                    str(fma_y1),
                    str(fma_y2),
                ],
            ],
        ),
        paragraph(say("equal_outputs.the_order_matters_the_reversed")),
    ]
    if first is not None:
        seed, (o, r, c), v1, v2, exact = first.seed, first.index, first.y1, first.y2, first.exact
        blocks += [
            paragraph(
                say("equal_outputs.one_differing_entry_seed_based", seed=seed, o=o, r=r, c=c)
            ),
            math(
                f"Y_1 = {_digits(v1)},\\quad Y_2 = {_digits(v2)},\\quad "
                f"Y_{{\\mathrm{{float64}}}} = {float(exact)!r}"
            ),
        ]
    number = {lang: EXERCISES["equal_outputs"].number(lang) for lang in ("en", "zh")}
    blocks += [
        _float64_reason(facts),
        paragraph(
            say(
                "equal_outputs.the_book_own_code_in",
                version=torch.version,
                seeds_v_1=torch.seeds - 1,
                avx2=torch.avx2,
                avx512=torch.avx512,
                seeds=torch.seeds,
            )
        ),
        answer(
            say("equal_outputs.answer_label", en_number=number["en"], zh_number=number["zh"]),
            say(
                "equal_outputs.not_guaranteed_it_depends_on",
                SEEDS_equal_tensors=SEEDS - s32.equal_tensors,
                SEEDS=SEEDS,
                avx2=torch.avx2,
                avx512=torch.avx512,
                seeds=torch.seeds,
            ),
        ),
        result(
            say("equal_outputs.equal_in_exact_arithmetic_in", SEEDS=SEEDS),
            f"\\max \\lvert Y_1 - Y_2\\rvert = {sci(s32.max_abs)} = "
            f"{_ratio(s32.max_relative)}\\,{_SCALE}",
        ),
        heading(say("equal_outputs.common_mistakes")),
        mistakes(
            mistake(
                "sheet_tolerance_as_equality",
                failing=SEEDS - s32.equal_tensors,
                seeds=SEEDS,
                tolerance_fails=s32.book_assert_fails,
                torch_avx2=torch.avx2,
                torch_avx512=torch.avx512,
                torch_seeds=torch.seeds,
            ),
            mistake(
                "sheet_rounding_as_bug", ratio=_ratio(s32.max_relative), shrink=f"${sci(shrink)}$"
            ),
            mistake("sheet_rounding_as_randomness"),
        ),
    ]
    return exercise(
        "equal_outputs",
        statement=say("equal_outputs.are_the_variables_and_in"),
        blocks=blocks,
    )
