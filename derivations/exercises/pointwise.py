"""zh 4 (the English edition has no such exercise): the forward cost of a 1 x 1
convolution, general and for s = 1, p = 0, and why it is a fully connected layer applied
at every pixel -- checked by executing both and comparing values and counts.

Prose and layout only: the closed forms, executed counts and checks are
:mod:`derivations.exercises.maths.pointwise`."""

from __future__ import annotations

import sympy as sp

from derivations.exercises.document import (
    Exercise,
    answer,
    exercise,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    result,
    table,
)
from derivations.exercises.maths import pointwise as maths
from derivations.exercises.maths.pointwise import PADDED, REDUCE, SHORTCUT
from derivations.exercises.notation import num, rows, tex
from derivations.exercises.prose import say
from derivations.registry.exercises import heading_numbers
from derivations.registry.forms import Form

__all__ = ["build"]


def build() -> Exercise:
    return exercise(
        "pointwise",
        statement=say(
            # d2l.ai's earlier English editions, exercise 4 (the current one dropped it)
            # zh.d2l.ai 6.4, 练习 4, verbatim
            "pointwise.if_the_height_and_width"
        ),
        blocks=[*complexity(), *fully_connected(), *numbers(), *answers(), *common_mistakes()],
    )


def complexity() -> list:
    forms = maths.complexity()
    return [
        heading(say("pointwise.complexity")),
        paragraph(say("pointwise.set_in_the_closed_forms")),
        math(
            rows(
                ("M", tex(forms[Form.FORWARD_MULTS].general)),
                ("A", tex(forms[Form.FORWARD_ADDS].general)),
            )
        ),
        paragraph(say("pointwise.with_stride_and_no_padding")),
        result(
            say("pointwise.text_3"),
            rows(
                ("M", tex(forms[Form.FORWARD_MULTS].plain)),
                ("A", tex(forms[Form.FORWARD_ADDS].plain)),
                ("M + A", tex(forms[Form.FORWARD_OPS].plain)),
            ),
        ),
        paragraph(say("pointwise.the_complexity_is_a_kernel")),
    ]


def fully_connected() -> list:
    product = maths.fully_connected(REDUCE)
    mults, adds, difference = product.mults, product.adds, product.difference
    gap = tex(sp.Float(difference, 2)) if difference else "0"
    return [
        heading(say("pointwise.a_fully_connected_layer_at")),
        paragraph(say("pointwise.with_a_kernel_output_pixel")),
        paragraph(
            say(
                "pointwise.executed_for_the_convolution_and",
                c_i=REDUCE.c_i,
                c_o=REDUCE.c_o,
                h=REDUCE.h,
                w=REDUCE.w,
                mults=num(mults),
                adds=num(adds),
                gap=gap,
            )
        ),
    ]


def numbers() -> list:
    labels = [
        say("pointwise.text"),
        say("pointwise.text_2"),
        say("pointwise.hypothetical"),
    ]
    figures = maths.numbers((REDUCE, SHORTCUT, PADDED))
    table_rows = [
        [label, f"${row.m_h}$", f"${num(row.mults)}$", f"${num(row.mults_executed)}$"]
        for label, row in zip(labels, figures, strict=True)
    ]
    return [
        heading(say("pointwise.numbers")),
        paragraph(say("pointwise.the_first_two_rows_are")),
        table(
            [say("pointwise.layer"), "$m_h$", "$M$", say("pointwise.executed")],
            table_rows,
        ),
    ]


def answers() -> list:
    forms = maths.complexity()
    return [
        heading(say("pointwise.answer")),
        answer(
            say("pointwise.text_4", **heading_numbers("pointwise")),
            say(
                "pointwise.multiplications_and_operations_in_all",
                general=tex(forms[Form.FORWARD_OPS].general),
                plain=tex(forms[Form.FORWARD_MULTS].plain),
                plain_2=tex(forms[Form.FORWARD_OPS].plain),
            ),
        ),
    ]


def common_mistakes() -> list:
    return [
        heading(say("pointwise.common_mistakes")),
        mistakes(
            mistake("sheet_pointwise_free"),
            mistake("sheet_pointwise_no_channels"),
            mistake("sheet_pointwise_padding"),
        ),
    ]
