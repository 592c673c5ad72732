"""The name before a formula's ``=`` judged as the same words before it (s16rev F5, F3).

A name before ``=`` was any words: ``not = (h - k_h + p_h) // s_h + 1``, ``at least = c_o
c_i k_h k_w m_h m_w`` were accepted, while the same words before the formula, with no ``=``,
deny it or make it a bound and are refused.  Now a name's words go through the lead-in's
checks (a negation: ``reading.lead_negates``; a bound: ``reading.lead_bounds``), in English
and Chinese.  Channels alone (``channels``, ``number of channels``, ``通道数``) name the
input's or the output's channels, never an output size: refused answering one, as the
input's size is.  A chain's name after its label (``M = A = …``) is judged as the label
is: another count's letter refused.  So are, by the registry's data, another count's
sheet letter before ``=`` (``A = …`` answering the multiplications), a memory's unit word
(``elements = …``) and a ratio's name where the increase is asked (``ratio = …``: s16rev
F2, F3).  Every wrong row has a right twin of its form; through ``check`` and
``grade``."""

from __future__ import annotations

from tests.checking.rows import Table, guard

R, W, N = "equivalent", "not_equivalent", "invalid_input"
OH, FM, BS = "output-height", "forward-mults", "bias-size"
HEIGHT, MULTS = "(h - k_h + p_h) // s_h + 1", "c_o c_i k_h k_w m_h m_w"
DP = "double-padding"
INCREASE = "c_o (2 c_i k_h k_w - 1) (((h - k_h + 2p_h + s_h)//s_h) ((w - k_w + 2p_w + s_w)//s_w) - m_h m_w)"

ROWS = [
    # a name that names what is asked: right where its formula is
    guard(OH, f"output height = {HEIGHT}", R, None),
    guard(OH, f"输出高度 = {HEIGHT}", R, None),
    guard(FM, f"number of multiplications = {MULTS}", R, None),
    guard(FM, f"乘法次数 = {MULTS}", R, None),
    guard(OH, f"height of each output channel = {HEIGHT}", R, None),
    guard(OH, "output height = (h - k_h) // s_h + 1", W, None),
    # a name that denies the formula, or makes it a bound
    (OH, f"not = {HEIGHT}", N, "reading.lead_negates"),
    (OH, f"never = {HEIGHT}", N, "reading.lead_negates"),
    (FM, f"不是 = {MULTS}", N, "reading.lead_negates"),
    (FM, f"at least = {MULTS}", N, "reading.lead_bounds"),
    (FM, f"up to = {MULTS}", N, "reading.lead_bounds"),
    (FM, f"至少 = {MULTS}", N, "reading.lead_bounds"),
    (FM, f"不超过 = {MULTS}", N, "reading.lead_bounds"),
    # channels alone answering a size: the channels' name
    (OH, f"channels = {HEIGHT}", N, "checker.reason.lead_names_other"),
    (OH, f"number of channels = {HEIGHT}", N, "checker.reason.lead_names_other"),
    (OH, f"通道数 = {HEIGHT}", N, "checker.reason.lead_names_other"),
    (OH, f"通道数为 {HEIGHT}", N, "checker.reason.lead_names_other"),
    # a chain's name after its label: another count's letter on the sheets (A, the
    # additions) refused as the label before it would be (s16rev F7)
    (FM, f"M = A = {MULTS}", N, "checker.reason.lead_names_other"),
    ("forward-adds", "A = M = c_o m_h m_w (c_i k_h k_w - 1)", N, "checker.reason.lead_names_other"),
    guard(FM, f"M = mults = {MULTS}", R, None),
    guard(FM, f"MACs = M = {MULTS}", R, None),
    # ... and answering the bias count, the output channels' number: right
    guard(BS, "output channels = c_o", R, None),
    guard(BS, "通道数 = c_o", R, None),
    # a name of another quantity by the registry's data: another count's sheet letter
    # (A), a memory's unit word, a ratio's name where the increase is
    # asked (s16rev F2, F3)
    (FM, f"A = {MULTS}", N, "checker.reason.lead_names_other"),
    ("forward-adds", "M = c_o m_h m_w (c_i k_h k_w - 1)", N, "checker.reason.lead_names_other"),
    (FM, f"elements = {MULTS}", N, "checker.reason.memory_unit_for_operations"),
    (DP, f"ratio = {INCREASE}", N, "checker.reason.lead_names_other"),
    (DP, f"倍数 = {INCREASE}", N, "checker.reason.lead_names_other"),
    guard(FM, f"M = {MULTS}", R, None),
    guard("forward-adds", "A = c_o m_h m_w (c_i k_h k_w - 1)", R, None),
    guard(DP, f"increase = {INCREASE}", R, None),
    guard(DP, f"增加量 = {INCREASE}", R, None),
]


def _refused_by(result, *, refusal: str | None, **_row) -> None:
    assert (result.error or {}).get("id") == refusal, result.error


TABLE = Table("question, answer, verdict, refusal", ROWS, symbolic=False)
test_each_name_is_judged = TABLE.check_test(also=_refused_by)
test_grade_reads_them_the_same = TABLE.grade_test()
