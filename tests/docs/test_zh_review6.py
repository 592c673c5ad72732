"""What the sixth session's fresh examiner of the Chinese sheet found (issue 25), each read
back from the committed documents (``test_committed_output_is_fresh`` keeps them current):
the Laplacian said to have splits it has not, the converse named as logic names it, the
stride condition of Exercise 1 said as a condition, the padded gradient named where it is
cropped, the English edition's exercises numbered in Chinese, and the network figure's
title."""

from __future__ import annotations

import re

import pytest

from tests.docs.sheets import OUTPUT, exercise_section, read_sheet


def _split_shapes(k: int) -> tuple[int, int]:
    """(unordered, ordered) pairs of kernel shapes r1×c1, r2×c2, neither 1×1, whose full
    convolution is k×k (r1 + r2 - 1 = k, c1 + c2 - 1 = k): counted here, not read."""
    ordered = [
        ((r1, c1), (k + 1 - r1, k + 1 - c1))
        for r1 in range(1, k + 1)
        for c1 in range(1, k + 1)
        if (r1, c1) != (1, 1) and (k + 1 - r1, k + 1 - c1) != (1, 1)
    ]
    return len({frozenset(pair) for pair in ordered}), len(ordered)


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_zh_laplacian_split_shapes_are_candidates_not_splits(fmt):
    """'它有 4 种不同的拆法' said the Laplacian HAS four splits, a sentence before the
    Gröbner bases show it has none: the four are the shapes one can try."""
    unordered, ordered = _split_shapes(3)
    assert (unordered, ordered) == (4, 7)
    said = read_sheet("zh", fmt)
    assert "种不同的拆法" not in said
    assert f"可选的形状组合有 {unordered} 种（按先后顺序计为 {ordered} 种" in said
    assert "Groebner" not in said and "Gröbner 基" in said


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_zh_converse_named_as_chinese_logic_names_it(fmt):
    """The converse of a statement is its 逆命题; 反命题 reads as its negation."""
    said = read_sheet("zh", fmt)
    assert "反命题" not in said and "中间有多个通道时的逆命题" in said


def test_zh_compose_stride_condition_said_as_a_condition():
    """'所以步幅 1 只影响大小 k1 + k2 - 1' read as if stride 1 changed the size."""
    section = exercise_section(read_sheet("zh"), "两个卷积核的合成")
    assert "步幅 1 只影响大小" not in section
    assert "步幅为 1 这一条件只用于得出大小" in section


def test_zh_gradient_crop_names_the_padded_gradient():
    """'第一式对 m_h m_w 项求和；去掉填充的行列即得 ∂L/∂X' put the crop on the first
    formula (the weight gradient); it is the second's ∂L/∂X̃ that is cropped."""
    section = exercise_section(read_sheet("zh"), "计算量和内存")
    assert "；去掉填充的行列即得" not in section
    assert "把第二式的 $\\partial L/\\partial \\tilde{X}$ 去掉填充的行列即得" in section


@pytest.mark.parametrize("name", ["answers.md", "answers.tex", "index.html"])
def test_zh_pages_number_the_english_editions_exercises_in_chinese(name):
    """'英文版 Exercise 1' left an English word in every subtitle and contents line."""
    said = (OUTPUT / "zh" / name).read_text(encoding="utf-8")
    assert "Exercise" not in said
    assert "英文版第 1 题" in said and "仅见于英文版第 6 题" in said
    # in the contents the note is in parentheses already: none nested (（仅见于英文版（第 6 题））)
    notes = [line for line in said.splitlines() if "仅见于英文版" in line]
    assert notes and not [line for line in notes if re.search(r"（[^（）]*（", line)]


def test_zh_network_figure_title_says_what_a_block_bar_is():
    """'（块：块内的卷积层与全连接层）' named no relation between the bar and its layers."""
    svg = (OUTPUT / "figures" / "zh" / "network-costs.svg").read_text(encoding="utf-8")
    labels = " ".join(re.findall(r"<!-- (.*?) -->", svg, flags=re.S))
    assert "块：块内" not in labels
    # since 97130ec a block's bar is named by its module path (layer1.*), and the title says so
    assert "是该块内各层之和" in labels and "layer1.*" in labels


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_zh_network_inputs_not_said_to_be_the_codes_own(fmt):
    """'输入大小取各模型所出自代码的大小' is not so for the book's GoogLeNet (its code
    checks shapes and trains at 96×96; the table uses 224×224, as the next paragraph
    says): the sizes are the table's."""
    said = read_sheet("zh", fmt)
    assert "所出自代码的大小" not in said
    assert "各模型的输入大小见下表" in said
    assert "训练 GoogLeNet" in said and "224" in said


def test_zh_network_figure_alt_text_holds_for_every_network():
    """'参数柱在全连接端最高' is false for NiN, the book's GoogLeNet and both ResNets
    (most parameters in their later, wider convolutions: the sheet's own conclusion; not
    always the last, see test_examiner_en_s6)."""
    said = read_sheet("zh")
    alt = re.search(r"!\[([^\]]*)\]\(\.\./figures/zh/network-costs\.svg\)", said).group(1)
    assert "全连接端" not in alt
    assert "参数柱在全连接层或靠后、较宽的卷积层最高" in alt
    assert "网络末端有多个全连接层时是全连接层" in said and "否则是靠后、较宽的卷积层" in said
