"""Exercise: convolution as a matrix multiplication when the window is not 1x1 (the sheet).

Prose and layout only: every shape, count and executed figure comes from
:func:`derivations.exercises.maths.matmul.facts` (im2col and the Toeplitz matrix, both
executed and checked).  The code shown on the sheet is the source of
:func:`~derivations.exercises.maths.matmul.conv_as_matmul`, the function that is run.
Conventions: stride 1, no padding, no bias, one example (n = 1); exact counting.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.exercises.document import (
    Exercise,
    answer,
    code,
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
from derivations.exercises.maths.matmul import (
    BOOK_K,
    BOOK_X,
    REALISTIC,
    conv_as_matmul_shown,
    facts,
)
from derivations.exercises.notation import matrix, num, tex
from derivations.exercises.prose import say
from derivations.registry.exercises import EXERCISES

__all__ = ["build"]


def _shown_code() -> dict:
    """The code shown: :func:`conv_as_matmul` as it runs, its comments said in Chinese on
    the zh sheet."""
    return conv_as_matmul_shown(
        [
            say("matmul.code_docstring"),
            say("matmul.code_windows_comment"),
            say("matmul.code_product_comment"),
        ]
    )


def _shape_latex(shape) -> str:
    return " \\times ".join(f"({tex(s)})" if s.is_Add or s.is_Mul else tex(s) for s in shape)


def _matrix_latex(a: np.ndarray) -> str:
    return matrix(a.astype(int).tolist())


def _im2col_shapes() -> dict:
    """The shapes the im2col figure draws (the book's example), for its alt text."""
    c_o, c_i, k_h, k_w = BOOK_K.shape
    _, h, w = BOOK_X.shape
    m_h, m_w = h - k_h + 1, w - k_w + 1
    return dict(
        c_i=c_i,
        h=h,
        w=w,
        k_h=k_h,
        k_w=k_w,
        c_o=c_o,
        rows=c_i * k_h * k_w,
        cols=m_h * m_w,
    )


def _answer(f) -> list:
    """The boxed answer: im2col, its shapes, its count, its memory price."""
    number = {lang: str(EXERCISES["matmul"].number(lang)) for lang in ("en", "zh")}
    copies = f"{f.columns_elements / f.input_elements:.2f}"
    return [
        heading(say("matmul.answer")),
        answer(
            say("matmul.answer_label", en_number=number["en"], zh_number=number["zh"]),
            say(
                "matmul.copy_every_window_of_into",
                copies=copies,
                c_i=REALISTIC.c_i,
                c_o=REALISTIC.c_o,
                h=REALISTIC.h,
                w=REALISTIC.w,
                k_h=REALISTIC.k_h,
                k_w=REALISTIC.k_w,
            ),
        ),
    ]


def build() -> Exercise:
    f = facts()
    y_book, same_book = f.book_y, f.book_equal
    weight, columns, mults, adds = f.weight, f.columns, f.mults, f.adds
    cf_mults, cf_adds, cols_elems = f.mults_executed, f.adds_executed, f.columns_elements
    t_shape, density = f.t_shape, f.density
    nonzero, t_exec, small_im2col = f.toeplitz_nonzeros, f.toeplitz_mults, f.im2col_mults

    blocks = [
        heading(say("matmul.conventions")),
        paragraph(say("matmul.input_of_shape_kernel_of")),
        heading(say("matmul.im_col_one_window_per")),
        paragraph(say("matmul.copy_each_window_of_into")),
        math(
            f"\\underbrace{{Y}}_{{{_shape_latex(f.output)}}} = "
            f"\\underbrace{{K}}_{{{_shape_latex(weight)}}}\\;"
            f"\\underbrace{{\\operatorname{{cols}}(X)}}_{{{_shape_latex(columns)}}}"
        ),
        code(_shown_code()),
        paragraph(say("matmul.its_operation_count_by_the")),
        result(
            say("matmul.im_col_product_multiplications_additions"),
            f"{tex(sp.factor(mults))},\\qquad {tex(sp.factor(adds))}",
        ),
        paragraph(say("matmul.the_book_example_with_entries", same_book=same_book)),
        math(",\\quad ".join(_matrix_latex(y_book[o]) for o in range(y_book.shape[0]))),
        paragraph(say("matmul.a_realistic_layer_channels_run")),
        table(
            [say("matmul.quantity"), say("matmul.closed_form_executed")],
            [
                [say("matmul.multiplications"), f"${num(cf_mults)}$"],
                [say("matmul.additions"), f"${num(cf_adds)}$"],
                [
                    say("matmul.elements_of"),
                    f"${num(cols_elems)}$",
                ],
            ],
        ),
        paragraph(
            say(
                "matmul.the_largest_difference_from_the",
                cols_elems_input_elements=cols_elems / f.input_elements,
            )
        ),
        figure(
            "im2col-matrix",
            caption=text(
                en="im2col: every $c_i\\times k_h\\times k_w$ window of $X$ becomes one "
                "column; the flattened kernels are the rows of $K$; $Y = K\\,"
                "\\operatorname{cols}(X)$.",
                zh="im2col：$X$ 的每个 $c_i\\times k_h\\times k_w$ 窗口成为一列；展平的卷积核是 "
                "$K$ 的行；$Y = K\\,\\operatorname{cols}(X)$。",
            ),
            alt=text(  # what both drawings show (the narrow one has no arrow)
                en="The book's example: {c_i} input channels of {h}×{w}, each with its first "
                "{k_h}×{k_w} window outlined; together these windows are the outlined first "
                "column of cols(X) ({rows}×{cols}, one column per window), and the {c_o}×{rows} kernel "
                "matrix K times cols(X) is the {c_o}×{cols} output Y.",
                zh="书中的例子：{c_i} 个 {h}×{w} 输入通道，各框出第一个 {k_h}×{k_w} 窗口；这些窗口合起来是 "
                "cols(X)（{rows}×{cols}，每个窗口一列）中框出的第一列；{c_o}×{rows} 的卷积核矩阵 K "
                "乘 cols(X) 得到 {c_o}×{cols} 的输出 Y。",
                **_im2col_shapes(),
            ),
        ),
        heading(say("matmul.the_other_view_a_toeplitz")),
        paragraph(say("matmul.keep_as_it_is_and")),
        math(
            f"T \\in \\mathbb{{R}}^{{{_shape_latex(t_shape)}}},\\qquad "
            f"\\frac{{\\text{{nnz}}(T)}}{{\\text{{size}}(T)}} = {tex(density)}",
            whole=True,  # the matrix's shape and its density read together
        ),
        paragraph(
            say(
                "matmul.executed_for_channels_has_nonzeros",
                nonzero=num(nonzero),
                t_exec=num(t_exec),
                t_exec_small_im2col=t_exec / small_im2col,
            )
        ),
        *_answer(f),
        heading(say("matmul.common_mistakes")),
        mistakes(
            mistake("sheet_matmul_only_pointwise"),
            mistake("sheet_matmul_changes_count"),
            mistake("sheet_im2col_shape"),
        ),
    ]
    return exercise(
        "matmul",
        statement=say("matmul.express_convolutions_as_a_matrix"),
        blocks=blocks,
    )
