"""Exercise (en 7): a c x c matrix split into b diagonal blocks (the sheet).

Prose and layout only: the counts, the executed layers, the dependency matrices and
every check are :mod:`derivations.exercises.maths.blocks`; this module words them.
Conventions: exact counting, no bias, one example, stride 1.
"""

from __future__ import annotations

import numpy as np

from derivations.exercises.document import (
    Exercise,
    Math,
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
from derivations.exercises.maths import blocks as maths
from derivations.exercises.maths.blocks import CHANNELS, SIZE
from derivations.exercises.notation import num, tex
from derivations.exercises.prose import say
from derivations.registry.exercises import heading_numbers

__all__ = ["build"]


def _speed_section():
    speed = maths.speed()
    mults, dense_m = speed.mults, speed.dense_mults
    adds_tex, ratio_tex = "\\frac{c^2}{b} - c", "\\frac{b(c - 1)}{c - b}"
    rows = [
        [
            str(row.groups),
            f"${num(row.forward_mults)}$",
            f"${num(row.forward_adds)}$",
            f"${num(row.backward_mults)}$",
            f"{float(row.speedup):g}",
        ]
        for row in speed.rows
    ]
    return [
        heading(say("blocks.how_much_faster")),
        paragraph(say("blocks.block_maps_the_inputs_of")),
        math(f"N_\\times = {tex(mults)},\\qquad N_+ = {adds_tex}"),
        result(
            say("blocks.dense_over_block_diagonal_exact"),
            # a fraction inside a denominator on the line (c^2/b): stacked, the web page's
            # MathML set the inner fraction against the next row
            f"\\frac{{{tex(dense_m)}}}{{{tex(mults, inline=True)}}} = {tex(speed.mults_ratio)},"
            f"\\qquad \\frac{{c(c - 1)}}{{{tex(mults, inline=True)} - c}} = {ratio_tex}"
            f"\\;\\xrightarrow{{c\\to\\infty}}\\; {tex(speed.adds_limit)}",
        ),
        paragraph(say("blocks.a_convolution_applies_this_matrix", CHANNELS=CHANNELS, SIZE=SIZE)),
        table(
            [
                "$b$",
                say("blocks.forward_mults"),
                say("blocks.forward_adds"),
                say("blocks.backward_mults"),
                say("blocks.dense_grouped_mults"),
            ],
            rows,
            cards_on_phone=True,
        ),
        paragraph(say("blocks.parameters_shrink_by_the_same")),
    ]


def _dep_matrix(dep: np.ndarray) -> Math:
    """The 0/1 dependency matrix as display math: narrow enough for a phone, unlike a
    table with one column per channel."""
    rows = " \\\\ ".join(" & ".join(str(int(v)) for v in row) for row in dep)
    return math(f"D = \\begin{{bmatrix}} {rows} \\end{{bmatrix}}")


def _dep_legend():
    return paragraph(say("blocks.in_the_matrix_below_when"))


def _mixing_section():
    mixing = maths.mixing(8, 4)
    ch, groups, one = mixing.channels, mixing.groups, mixing.one
    nonzero, stacked_nz = mixing.pairs, mixing.stacked_pairs
    return [
        heading(say("blocks.the_downside_no_mixing_across")),
        paragraph(
            say(
                "blocks.output_channel_depends_only_on",
                ch=ch,
                groups=groups,
                nonzero=nonzero,
                ch_ch=ch * ch,
            )
        ),
        _dep_legend(),
        _dep_matrix(one),
        paragraph(say("blocks.stacking_grouped_layers_does_not", stacked_nz=stacked_nz)),
    ]


def _fixes_section():
    fixes = maths.fixes(9, 3)
    ch, groups, full, shuffle_ops, moved = (
        fixes.channels,
        fixes.groups,
        fixes.pairs,
        fixes.shuffle_ops,
        fixes.moved,
    )
    probe_shape, two_grouped, with_dense = fixes.probe_shape, fixes.two_grouped, fixes.with_dense
    rows = [
        [
            say("blocks.grouped_dense", gg=gg),
            f"${num(cost)}$",
        ]
        for gg, cost in fixes.mixed_costs
    ]
    rows.insert(0, [say("blocks.dense"), f"${num(fixes.dense_cost)}$"])
    return [
        heading(say("blocks.fixes_and_what_they_cost")),
        paragraph(
            say(
                "blocks.channel_shuffle_shufflenet_between_two",
                ch=ch,
                groups=groups,
                full=full,
                shuffle_ops=shuffle_ops,
                moved=num(moved),
                probe_shape_0=probe_shape[0],
                probe_shape_2=probe_shape[2],
                probe_shape_3=probe_shape[3],
                two_grouped=tex(two_grouped),
            )
        ),
        _dep_matrix(fixes.shuffled),
        figure(
            "channel-shuffle",
            caption=text(
                en="Channel shuffle between two grouped layers: each group of the "
                "second layer takes one channel from every group of the first, so "
                "every output depends on every input.",
                zh="两个分组层之间的通道洗牌：第二层的每组从第一层的每组各取一个通道，"
                "于是每个输出都依赖所有输入。",
            ),
            alt=text(
                en="Three groups of three channels, lines from each group of the "
                "first layer fanning out to all three groups of the second.",
                zh="三组各三个通道，第一层每组的连线分散到第二层的全部三组。",
            ),
        ),
        paragraph(say("blocks.a_dense_mixing_layer_the", with_dense=tex(with_dense))),
        table([say("blocks.layers"), say("blocks.forward_mults")], rows),
    ]


def _block_figure():
    return figure(
        "block-diagonal",
        caption=text(
            en="A $c\\times c$ matrix split into $b$ diagonal blocks: only the "
            "$c^2/b$ entries inside the blocks are multiplied.",
            zh="拆成 $b$ 个对角块的 $c\\times c$ 矩阵：只有块内的 $c^2/b$ 个元素参与乘法。",
        ),
        alt=text(
            en="A square matrix with shaded square blocks along its diagonal and zeros elsewhere.",
            zh="一个方阵，对角线上是有阴影的方块，其余位置为零。",
        ),
    )


def _answers():
    ratio, adds = maths.speedup(), maths.additions_ratio(2, 16)
    at_small, at_large = f"{float(adds.at_small):.2f}", f"{float(adds.at_large):.2f}"
    return [
        heading(say("blocks.answers")),
        answer(
            say("blocks.text", **heading_numbers("blocks")),
            say(
                "blocks.times_fewer_multiplications_instead_of",
                ratio=tex(ratio),
                CHANNELS=CHANNELS,
                at_small=at_small,
                small=adds.small,
                at_large=at_large,
                large=adds.large,
            ),
        ),
        answer(
            say("blocks.text_2", **heading_numbers("blocks")),
            say("blocks.downside_no_information_crosses_the"),
        ),
    ]


def _additions_ratio_mistake():
    """The additions ratio is near b only when b << c: figures for c = CHANNELS."""
    ratio = maths.additions_ratio(2, 16)
    small, large = ratio.small, ratio.large
    shown = {small: f"{float(ratio.at_small):.2f}", large: f"{float(ratio.at_large):.2f}"}
    return mistake(
        "sheet_blocks_adds_exactly_b",
        c=CHANNELS,
        small=small,
        large=large,
        at_small=shown[small],
        at_large=shown[large],
    )


def build() -> Exercise:
    blocks = [
        heading(say("blocks.conventions")),
        paragraph(say("blocks.channels_in_and_out_divides")),
        *_speed_section(),
        _block_figure(),
        *_mixing_section(),
        *_fixes_section(),
        *_answers(),
        heading(say("blocks.common_mistakes")),
        mistakes(
            mistake("sheet_blocks_squared_speedup"),
            _additions_ratio_mistake(),
            mistake("sheet_dense_mixing_free"),
        ),
    ]
    return exercise(
        "blocks",
        statement=say("blocks.assume_that_we_have_a"),
        blocks=blocks,
    )
