"""A rate said beside the bias's count is read, not dropped (issue 21, s16rev F12): ``c_o
(one per input channel)``, ``c_o, one for each input channel``, ``c_o; each input channel
has its own`` and ``one bias per input channel: c_o`` were accepted as c_o, the rate left
as a remark, a comment or a label, while the Chinese ``c_o，每个输入通道一个`` was judged.
Now the rate's count is checked as the answer (one bias per input channel: c_i, the
misconception ``bias_per_input_channel``), a rate of the output channels or the filters
stays a remark, and a rate no reading counts (one per weight, per kernel element) is
refused naming its words.  Answers of our own, in English and Chinese, through ``check``
and ``grade``."""

from __future__ import annotations

from tests.checking.rows import Table, guard, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
BS, PER_INPUT = "bias-size", "bias_per_input_channel"
UNPLACED = "checker.reason.remark_unplaced: "

ROWS = [
    (BS, "c_o (one per input channel)", W, PER_INPUT),
    (BS, "c_o, one per input channel", W, PER_INPUT),
    (BS, "c_o. One per input channel.", W, PER_INPUT),
    (BS, "c_o; each input channel has its own", W, PER_INPUT),
    (BS, "c_o, one for each input channel", W, PER_INPUT),
    (BS, "c_o # one per input channel", W, PER_INPUT),
    (BS, "one bias per input channel: c_o", W, PER_INPUT),
    (BS, "c_o biases, one per input channel", W, PER_INPUT),
    (BS, "c_o（每个输入通道一个）", W, PER_INPUT),
    (BS, "c_o  # 每个输入通道一个偏置", W, PER_INPUT),
    (BS, "c_o，每个输入通道也有一个偏置", W, PER_INPUT),
    (BS, "one bias per weight, so c_o", N, UNPLACED + "one bias per weight, so"),
    (BS, "c_o, one per kernel element", N, UNPLACED + "one per kernel element"),
    # a rate of the output channels or the filters is the count's own (guards)
    guard(BS, "c_o (one per output channel)", R, "remark"),
    guard(BS, "c_o, one per filter", R, "remark_after_comma"),
    guard(BS, "c_o (one for each output channel)", R, "remark"),
    guard(BS, "c_o # one per output channel", R, None),
    guard(BS, "c_o 个偏置，每个卷积核一个", R, None),
    # prose around the count: a rate read from it judged, a clause that counts no biases not
    guard(BS, "另外，每个输出通道还有一个偏置项，因此再加上 c_o 个偏置参数", R, None),
    guard(BS, "c_o. Each bias is added to every element of its output channel.", R, None),
    guard(BS, "c_o（每个输出通道一个）", R, None),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_rate_beside_the_bias_count_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
