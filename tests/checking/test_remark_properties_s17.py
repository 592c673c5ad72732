"""Words beside an answer that name a property of a layer are read or refused (issue 21,
session 17): a remark in brackets or after a comma, a code comment, a condition after
the formula and the prose after it, naming a dilation (``atrous rate 2``, 空洞率), groups
(``groupwise``, ``depthwise``, 分组卷积), a transposed convolution and its output padding,
a padding's mode (``same padding``) or a rounding, were dropped as remarks and the
formula or number before them accepted.  Now a parameter's value is read and compared
with the question's layer (the dilation and the groups are the book's 1 on every
question), a padding's reading is read as before, a rounding must be the formula's own,
and any other such words are refused naming them.  Answers of our own, through
``check``, ``grade`` and the practice page's number path."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import GUARD, Guard, Table, guard, said_as

R, C, N = "equivalent", "equivalent_under_convention", "invalid_input"
OH, FM, FA, CS, BO = (
    "output-height",
    "forward-mults",
    "forward-adds",
    "compose-size",
    "backward-ops",
)
HEIGHT, MULTS = "(h-k_h+p_h)//s_h + 1", "c_o c_i k_h k_w m_h m_w"
UNPLACED, OTHER = "checker.reason.remark_unplaced: ", "checker.reason.remark_other_layer: "

ROWS = [
    # groups, a transposed convolution, its output padding, a padding's mode: no reading
    (OH, f"{HEIGHT} (groupwise)", N, UNPLACED + "groupwise"),
    (FM, f"{MULTS} (depthwise)", N, UNPLACED + "depthwise"),
    (FM, f"{MULTS}（分组卷积）", N, UNPLACED + "分组"),
    (FM, f"乘法次数 {MULTS}（逐通道）", N, UNPLACED + "逐通道"),
    (FM, f"{MULTS}  // groupwise", N, UNPLACED + "groupwise"),
    (FM, f"{MULTS} for a grouped convolution", N, UNPLACED + "grouped"),
    (BO, f"2 {MULTS} (groupwise)", N, UNPLACED + "groupwise"),
    # a padding's mode: read as a padding; same padding is one the formula's p_h may be,
    # (⌈h/s_h⌉ − 1) s_h + k_h − h in all, so a remark where the padding is open (guards);
    # the composed kernel's layers have none
    (CS, "k_1 + k_2 - 1 (same padding)", N, UNPLACED + "same padding"),
    (CS, "k_1 + k_2 - 1（相同填充）", N, UNPLACED + "相同填充"),
    guard(OH, f"{HEIGHT} (same padding)", R, "remark"),
    guard(OH, f"{HEIGHT}（same 填充）", R, "remark"),
    guard(OH, f"{HEIGHT} with same padding", R, None),
    guard(CS, "k_1 + k_2 - 1 (valid padding)", R, "remark"),
    (OH, f"{HEIGHT} (output padding 1)", N, UNPLACED + "output padding"),
    (CS, "k_1 + k_2 - 1 (output padding 0)", N, UNPLACED + "output padding"),
    (OH, f"{HEIGHT} (transposed)", N, UNPLACED + "transposed"),
    (OH, f"{HEIGHT}（转置卷积）", N, UNPLACED + "转置"),
    (FM, f"{MULTS} for a transposed convolution", N, UNPLACED + "transposed"),
    (FM, f"{MULTS} (atrous)", N, UNPLACED + "atrous"),
    (OH, f"{HEIGHT}（膨胀卷积）", N, UNPLACED + "膨胀"),
    # a dilation or groups stated with a value: read, and the book's layer holds them at 1
    (OH, f"{HEIGHT} (atrous rate 2)", N, OTHER + "atrous rate 2"),
    (OH, f"{HEIGHT}（空洞率 2）", N, OTHER + "空洞率 2"),
    (FM, f"{MULTS} (dilation 2)", N, OTHER + "dilation 2"),
    (FM, f"{MULTS} (groups 2)", N, OTHER + "groups 2"),
    (OH, f"{HEIGHT} (stride 2, dilation 2)", N, OTHER + "stride 2, dilation 2"),
    guard(FM, f"{MULTS} (dilation 1)", R, "remark"),
    (FM, f"{MULTS}（空洞率 1）", R, "remark"),  # read as the dilation since this change
    guard(FM, f"{MULTS}（分组数 1）", R, "remark"),
    # a rounding beside a formula that rounds the other way (it was dropped)
    (OH, f"{HEIGHT} (rounded up)", N, "reading.rounding_other: ceil"),
    (OH, f"{HEIGHT}（向上取整）", N, "reading.rounding_other: ceil"),
    (OH, f"输出高度为 {HEIGHT}（向上取整）", N, "reading.rounding_other: ceil"),
    (OH, f"{HEIGHT} # rounded up", N, UNPLACED + "rounded up"),
    (OH, f"{HEIGHT} when rounded up", N, UNPLACED + "rounded up"),
    (OH, f"{HEIGHT}, rounded up", N, None),
    (OH, f"{HEIGHT}，向上取整", N, None),
    (OH, f"The output height is {HEIGHT}, rounded up.", N, None),
    guard(OH, f"{HEIGHT} (rounded down)", R, "remark"),
    guard(OH, f"{HEIGHT}（向下取整）", R, "remark"),
    guard(OH, f"{HEIGHT}, rounded down", R, None),
    # an integer count rounded: nothing the formula does not do
    guard(FA, "c_o (c_i k_h k_w - 1) m_h m_w (rounded up)", R, None),
    # the backward pass's input gradient is a transposed convolution; another case said
    # after the formula's own is that case's (a right answer kept)
    guard(BO, f"2 {MULTS} (transposed convolution)", C, None),
    guard(BO, f"2 {MULTS}（转置卷积）", C, None),
    guard(FM, f"{MULTS} # c_i/g if groups are used", R, None),
    # a held parameter's name alone glosses a name of the answer's
    guard(FM, "c_o * c_i * k_h * k_w * m_h * m_w / num_groups  # 分组数", R, None),
    # a padding's reading stays read (the per-side reading of a total formula is wrong)
    guard(OH, f"{HEIGHT} (total padding)", R, None),
    guard(OH, f"{HEIGHT} (per-side padding)", "not_equivalent", "per_side_padding_once"),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_words_naming_a_layers_property_are_read_or_refused = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()


def _value(question: str):
    (key,) = [k for k in practice_class().students[0].key if k.question == question]
    return key.value


# the page's number path: (question, remark, verdict); the number is the layer's value
PAGE = [
    (FM, "atrous rate 2", N),
    (FM, "空洞率 2", N),
    (FM, "output padding 1", N),
    (FM, "groupwise", N),
    (FM, "分组卷积", N),
    (FM, "transposed", N),
    (FM, "ConvTranspose2d", N),
    ("double-padding", "ceil_mode=True", N),
    (OH, "rounded up", N),
    (OH, "向上取整", N),
    (OH, "same padding", N),
    guard(FM, "atrous rate 1", R),
    guard(OH, "rounded down", R),
    guard(OH, "向下取整", R),
    guard(OH, "padding 2 on each side", R),
    guard("backward-ops", "transposed convolution", R),
]


@pytest.mark.parametrize(
    "question, remark, verdict",
    [pytest.param(*r, marks=GUARD) if isinstance(r, Guard) else r for r in PAGE],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_reads_or_refuses_them_after_the_layers_number(question, remark, verdict, lang):
    """``1296 (atrous rate 2)``, ``1296 (output padding 1)`` (accepted since 68026afc),
    ``4 (rounded up)`` at the page's layer (it rounds down): refused naming the remark;
    the book's values and a rounding down stay remarks (guards)."""
    got = json.loads(answer_at(question, f"{_value(question)} ({remark})", lang))
    assert got["verdict"] == verdict, got
    if verdict == N:
        assert remark.split()[0][:2] in got["feedback"], got
