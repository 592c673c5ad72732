"""Issue 21, session eighteen: a receptive field's recursion written as code, loops or
sentences (H18-dev's largest class, public; every answer here is our own), right and
wrong, in English, Chinese and Korean, through ``check`` and ``grade``.

Refused before this change (each row that is no guard):

- a loop over the layers growing the field (``for l in range(n): rf += (ksizes[l] - 1) * j;
  j *= s[l]``, then ``return rf + 1``): the loop's body read as a step over the layer's
  index, an array at the loop's letter the layer's own, a stride's name at no index the
  jump (:func:`.recursion._looped`); the field counted from 0 when the pixel is added
  at the end (:func:`.recursion._plus_one`);
- an array at one entry (``S[j-1]``, ``K[j-1]``) and NumPy's product of the strides
  before a layer (``np.prod(s[:k])``: the jump);
- a step backward from the layer after (``F(i) = (F(i+1) - 1) * s + k``), a field named
  as a part reads (``F``), a value chosen by the stride (``… if s > 0.5 else …``);
- a step written in words, a part defined by a second statement (``本层的感受野 = 上一层的感受野
  * 本层卷积核大小 - 重复的部分``, ``重复的部分 = …``: :data:`.languages.LAYER_OWN_WORDS`,
  :data:`.languages.JUMP_WORDS`);
- a step said in words, with a worked example's numbers (``이전 receptive field (5) + 커널
  크기 (3) - 1``, :data:`.languages.FIELD_BEFORE_WORDS`), a condition on the stride after
  it the question's layers meet (``… for stride=1``), a name defined by a formula and put
  in (``half = (k - 1) / 2``);
- for the output size, a helper of one return line called by the formula (``def
  ceil_div(x, y): return -(-x // y)``): read as what it computes (:mod:`.reading.code`).

No wrong answer is accepted: the kernel added whole, the stride of the layer in place of
the product of the strides before it (refused as main refuses it, ``stride_misplaced``),
a start of 1 with the pixel added again, a constant stride of 2, the half-gain without its
``- 1``, a slice of the strides to another bound, a helper's arguments swapped."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
CS, OW = "compose-size", "output-width"
MISPLACED = "checker.reason.stride_misplaced: "

LOOP = """def field_of(ksizes, strides):
    rf = 0
    jump = 1
    for l in range(len(ksizes)):
        rf += (ksizes[l] - 1) * jump
        jump *= strides[l]
    return rf + 1"""

CLASSES: dict[str, list[tuple]] = {
    "a loop over the layers": [
        (CS, LOOP, R, "recursion"),
        (CS, LOOP.replace("rf = 0", "rf = 1"), W, None),
        (CS, LOOP.replace("(ksizes[l] - 1)", "ksizes[l]"), W, None),
        (CS, LOOP.replace("jump = 1", "jump = 2").replace("jump *= strides[l]", "pass"), W, None),
        # (refused before too, as a loop: now as the step it is, its stride misplaced)
        guard(
            CS,
            LOOP.replace("(ksizes[l] - 1) * jump", "(ksizes[l] - 1) * strides[l]"),
            N,
            MISPLACED + "rf = rf_prev + ((ksizes - 1) * strides)",
        ),
        (
            CS,
            "# 逐层累加感受野\nfor i in range(n):\n    field += (kernel[i] - 1) * s  # 每层\n"
            "    s *= stride[i]\nreturn field + 1",
            R,
            "recursion",
        ),
        (
            CS,
            "# 逐层累加感受野\nfor i in range(n):\n    field += kernel[i] * s\n"
            "    s *= stride[i]\nreturn field + 1",
            W,
            None,
        ),
        (CS, "    acc += ((ksizes[t] - 1) * s)\nreturn acc + 1", R, "recursion"),
        (CS, "    acc += (ksizes[t] * s)\nreturn acc + 1", W, None),
    ],
    "an array at one entry, the product of the strides before a layer": [
        (CS, "rf[n] = rf[n-1] + (ksizes[n] - 1) * np.prod(strides[:n])", R, "recursion"),
        (CS, "# 感受野\nr[t] = r[t-1] + (k[t] - 1) * math.prod(s[:t])", R, "recursion"),
        (CS, "rf[n] = rf[n-1] + ksizes[n] * np.prod(strides[:n])", W, None),
        guard(
            CS,
            "rf[n] = rf[n-1] + (ksizes[n] - 1) * strides[n]",
            N,
            MISPLACED + "rf = rf_prev + (ksizes - 1) * strides",
        ),
        guard(CS, "rf[n] = rf[n-1] + (ksizes[n] - 1) * np.prod(strides[:n+1])", N, None),
        (CS, "for j in reversed(range(n)):\n    field = (field - 1) * S[j-1] + K[j-1]", R, None),
        (CS, "for j in reversed(range(n)):\n    field = field * S[j-1] + K[j-1]", W, None),
        (CS, "反向计算：RF = (RF - 1) * S[j] + K[j]", R, "recursion"),
        (CS, "反向计算：RF = RF * S[j] + K[j]", W, None),
    ],
    "a step backward from the layer after": [
        (CS, "F(i) = (F(i+1) - 1) * stride + ksize", R, "recursion"),
        (CS, "感受野：F(i) = (F(i+1) - 1) * s + k", R, "recursion"),
        (CS, "F(i) = F(i+1) * stride + ksize", W, None),
        (CS, "感受野：F(i) = (F(i+1) + 1) * s + k", W, None),
        (CS, "def input_span(out, k, s):\n    return s*(out-1)+k if s>0.5 else out", R, None),
        (CS, "def input_span(out, k, s):\n    return s*out+k if s>0.5 else out", W, None),
        guard(CS, "def input_span(out, k, s):\n    return out if s>0.5 else s*(out-1)+k", N, None),
        guard(CS, "def input_span(out, k, s):\n    return s*(out-1)+k if s>2 else out", N, None),
    ],
    "a step said in words": [
        (
            CS,
            "stride가 1이면 새 receptive field는 이전 receptive field (5) + 커널 크기 (3) - 1 입니다.",
            R,
            "recursion",
        ),
        (CS, "새 수용 영역 = 기존 수용 영역 + 필터 크기 - 1", R, "recursion"),
        (
            CS,
            "stride가 1이면 새 receptive field는 이전 receptive field (5) + 커널 크기 (3) 입니다.",
            W,
            None,
        ),
        (CS, "步幅为1时，新的感受野等于上一层的感受野 (3) + 卷积核大小 (5) - 1。", R, "recursion"),
        (CS, "步幅为1时，新的感受野等于上一层的感受野 (3) + 卷积核大小 (5) + 1。", W, None),
        (
            CS,
            "With stride 1 the new field is the previous receptive field (7) + the filter size (3) - 1.",
            R,
            "recursion",
        ),
        (
            CS,
            "With stride 1 the new field is the previous receptive field (7) + the filter size (3) - 2.",
            W,
            None,
        ),
    ],
    "a condition on the stride after the step": [
        (CS, "RF_next = RF_prev + (ksize - 1) * dilation for stride = 1", R, "recursion"),
        (CS, "RF_next = RF_prev + ksize * dilation for stride = 1", W, None),
        (CS, "感受野：RF_next = RF_prev + (k - 1) * d（当 s = 1 时）", R, "recursion"),
        (CS, "感受野：RF_next = RF_prev + k * d（当 s = 1 时）", W, None),
        guard(CS, "RF_next = RF_prev + (ksize - 1) * dilation for stride = 2", N, None),
    ],
    "a name defined by a formula, put in": [
        (CS, "half = (fsize - 1) / 2\nnew_scope = scope + 2 * half", R, "recursion"),
        (CS, "# 每侧增加\nhalf = (fsize - 1) / 2\n# 新视野\nnew_scope = scope + 2 * half", R, None),
        (CS, "half = fsize / 2\nnew_scope = scope + 2 * half", W, None),
        (CS, "# 每侧增加\nhalf = (fsize - 1) / 2\nnew_scope = scope + half", W, None),
    ],
    "a step in words, a part defined by a second statement": [
        (
            CS,
            "本层的感受野 = 上一层的感受野 * 本层卷积核大小 - 重复的部分\n"
            "重复的部分 = (卷积核大小 - 1) * (上一层的感受野 - 之前所有层步长的乘积)",
            R,
            "recursion",
        ),
        (
            CS,
            "当前层的感受野 = 上一层的感受野 + (本层卷积核大小 - 1) × 前面各层步长的乘积",
            R,
            "recursion",
        ),
        (
            CS,
            "本层的感受野 = 上一层的感受野 * 本层卷积核大小 - 重复的部分\n"
            "重复的部分 = (卷积核大小 - 1) * 上一层的感受野",
            W,
            None,
        ),
        (
            CS,
            "本层的感受野 = 上一层的感受野 * 本层卷积核大小 - 重复的部分\n"
            "重复的部分 = 卷积核大小 * (上一层的感受野 - 之前所有层步长的乘积)",
            W,
            None,
        ),
        (CS, "当前层的感受野 = 上一层的感受野 + 本层卷积核大小 × 前面各层步长的乘积", W, None),
    ],
    "a helper of one return line, called": [
        (
            OW,
            "def ceil_div(a, b):\n    return -(-a // b)\n\n"
            "def width_out(k, w, pad, s):\n    return ceil_div(w - k + 1 + 2*pad, s)",
            C,
            None,
        ),
        (
            OW,
            "def up(a, b):\n    return math.ceil(a / b)\n\n"
            "def width_out(k, w, pad, s):\n    return up(w - k + 1 + 2*pad, s)",
            C,
            None,
        ),
        (
            OW,
            "def 向上取整(a, b):\n    return -(-a // b)\n\n"
            "def 输出宽度(k, w, pad, s):\n    return 向上取整(w - k + 1 + 2*pad, s)",
            C,
            None,
        ),
        (
            OW,
            "def ceil_div(a, b):\n    return -(-a // b)\n\n"
            "def width_out(k, w, pad, s):\n    return ceil_div(s, w - k + 1 + 2*pad)",
            W,
            None,
        ),
        (
            OW,
            "def ceil_div(a, b):\n    return -(a // b)\n\n"
            "def width_out(k, w, pad, s):\n    return ceil_div(w - k + 1 + 2*pad, s)",
            W,
            None,
        ),
        (
            OW,
            "def 向上取整(a, b):\n    return -(-a // b)\n\n"
            "def 输出宽度(k, w, pad, s):\n    return 向上取整(w - k + 2*pad, s)",
            W,
            None,
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=10, ascii=14)


def test_korean_rows_are_there():
    """The sentences of a step in Korean (:data:`.languages.FIELD_BEFORE_WORDS`)."""
    korean = [row for row in ROWS if any("\uac00" <= c <= "\ud7af" for c in row[1])]
    assert len(korean) >= 3
