"""Issue 21, session thirteen: the text around a formula that last session's adversarial
review (s12adv) left accepted or called wrong, each class a table of answers of our own,
right and wrong, in English and Chinese (and German where the class is about its words),
through ``check`` and ``grade``:

- a clause after a formula saying it is of the input, padded or not (``… for the padded
  input``, ``…，对于填充后的输入``, ``… für die gepolsterte Eingabe``): it was dropped as a
  condition and the formula accepted; now refused in one line (``words_name_other``), a
  condition on the layer (``for a square input``, ``对于任意输入``, ``for stride 1``) still
  dropped.
- the other axis's size named, then said to be the same as the asked one's (``the width
  of the output is …, the same as the height`` answering output-height): the words "the
  same" set the whole clause aside; now only their part is, the width is still named.
- a count of columns or rows with a first letter (``ncol``, ``nrow``, as R counts a
  matrix's): ``ncol = …`` answering output-height was no name, accepted; now the
  columns', refused as ``n_cols = …`` was.
- a receptive field's step in code (``r += (k - 1) * j``, ``const rout = rin + (k - 1) *
  jin; // …``, ``rf[0] = rf[0] + …``, ``return stride * rf_size_output + kernel_size -
  stride``) answering compose-size: run over the two layers (stride 1: k_1 + k_2 - 1);
  an update in place was refused as never started, a declaration, a comment, one index
  on every name, a return without its function's head unread.  A step with no field,
  kernel and jump, or a comment that denies it, is refused in one line.
- letters defined in words with no verb after the formula (``…, a the input height, b the
  kernel height, …``, ``…；a 输入高度，b 卷积核高度，…``): read as the definitions after
  ``where``/``其中`` are (a rewrite, tried only once the answer is refused).
- a size's words after a term that is a number alone (``… + 1 rows``, ``… + 1 (height)``,
  ``… + 1 行``): read as a factor, ``1·h``, a right size was called wrong; now a remark
  (in brackets) or a size word after the formula (session 14, s14exam E6), judged as a
  remark is (``… + 1 columns`` answering output-height is refused).

And a shape of two numbers, height by width (``4 × 3``), answering one size on the
practice page (``grade --variants``): the size asked is taken from it, not the product.

No wrong answer is accepted: each wrong row is ``not_equivalent`` or refused."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_class
from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
WORDS = "checker.reason.words_name_other"
LEAD = "checker.reason.lead_names_other"
OH, OW, FM = "output-height", "output-width", "forward-mults"
HEIGHT = "(h + p_h - k_h)//s_h + 1"
WIDTH = "(w + p_w - k_w)//s_w + 1"
NO_PAD = "(h - k_h)//s_h + 1"  # the padding the question gives left out: wrong
FMEM, BMEM, CS = "forward-memory", "backward-memory", "compose-size"
DEFINED = "(a - b + 2c)/d + 1"  # letters of no notation, defined after it (per-side padding c)
ELEMENTS = "c_i h w + c_o c_i k_h k_w + c_o m_h m_w"  # the forward memory in elements

CLASSES: dict[str, list[tuple]] = {
    "a formula said to be of the input": [
        (OH, f"{HEIGHT} for the padded input", N, f"{WORDS}: the padded input"),
        (OH, f"{HEIGHT}, for the input after padding", N, f"{WORDS}: the input after padding"),
        (OW, f"{WIDTH} for the padded image", N, f"{WORDS}: the padded image"),
        (OH, f"{HEIGHT}，对于填充后的输入", N, f"{WORDS}: 填充后的输入"),
        (OW, f"{WIDTH}，对于输入", N, f"{WORDS}: 输入"),
        (OH, f"{HEIGHT} für die gepolsterte Eingabe", N, None),
        (FM, "c_o c_i k_h k_w m_h m_w for the padded input", N, f"{WORDS}: the padded input"),
        (OH, f"{NO_PAD} for the padded input", W, None),
        (OH, f"{NO_PAD}，对于填充后的输入", W, None),
        (OH, f"{HEIGHT} for a square input", R, "condition_after"),
        (OH, f"{HEIGHT} for any input", R, "condition_after"),
        (OW, f"{WIDTH}，对于任意输入", R, None),
        (OH, f"{HEIGHT} für eine quadratische Eingabe", R, None),
    ],
    "the other axis named, then said the same": [
        (OH, f"the width of the output is {HEIGHT}, the same as the height", N, f"{WORDS}: width"),
        (OW, f"the height of the output is {WIDTH}, the same as the width", N, f"{WORDS}: height"),
        (OH, f"the output width is {HEIGHT}, and likewise the height", N, None),
        (OH, f"输出的宽度为 {HEIGHT}，与高度相同", N, None),
        (OH, f"the width of the output is {NO_PAD}, the same as the height", W, None),
        (OH, f"the height of the output is {HEIGHT}, the same as the width", R, None),
        (OW, f"the width of the output is {WIDTH}, the same as the height", R, None),
        (OH, f"the output height is {HEIGHT}, and similarly for the width", R, None),
        (OH, f"输出的高度为 {HEIGHT}，与宽度相同", R, None),
    ],
    "a count of columns or rows with a first letter": [
        (OH, f"ncol = {HEIGHT}", N, f"{LEAD}: ncol"),
        (OW, f"nrow = {WIDTH}", N, f"{LEAD}: nrow"),
        (OH, f"ncol = {HEIGHT}  # 输出的列数", N, f"{LEAD}: ncol"),
        (OH, f"nrow = {NO_PAD}", W, None),
        (OH, f"nrow = {HEIGHT}", R, None),
        (OW, f"ncol = {WIDTH}", R, None),
        (OH, f"nrow = {HEIGHT}  # 输出的行数", R, None),
        (OW, "(ncol - k_w + p_w)//s_w + 1", R, None),
    ],
    "a size's words after a term that is a number": [
        (OH, f"{HEIGHT} columns", N, f"{WORDS}: columns"),
        (OH, f"{HEIGHT} (width)", N, f"{WORDS}: width"),
        (OH, f"{HEIGHT} 列", N, f"{WORDS}: 列"),
        (OW, f"{WIDTH} rows", N, f"{WORDS}: rows"),
        (OW, f"{WIDTH}（高）", N, f"{WORDS}: 高"),
        (OH, "(h + p_h - k_h)//s_h + 2 rows", W, None),
        (OH, f"{NO_PAD} 行", W, None),
        (OH, f"{HEIGHT} rows", R, "size_word"),
        (OH, f"{HEIGHT} (height)", R, "remark"),
        (OH, f"{HEIGHT} output rows", R, None),
        (OH, f"{HEIGHT} 行", R, "size_word"),
        (OH, f"{HEIGHT}行", R, "size_word"),
        (OW, f"{WIDTH} columns", R, "size_word"),
        (OW, f"{WIDTH} (width)", R, "remark"),
        (OW, f"{WIDTH} 列", R, "size_word"),
    ],
    "a memory's unit said by the name before its =": [
        (FMEM, f"bytes = {ELEMENTS}", W, "unit_word_disagrees"),
        (FMEM, f"total_bytes = {ELEMENTS}", W, "unit_word_disagrees"),
        (FMEM, f"字节数 = {ELEMENTS}", W, "unit_word_disagrees"),
        (FMEM, f"elements = 4 ({ELEMENTS})", W, "unit_word_disagrees"),
        (FMEM, f"numel = 4 ({ELEMENTS})", W, "unit_word_disagrees"),
        (FMEM, f"元素个数 = 4 ({ELEMENTS})", W, "unit_word_disagrees"),
        (BMEM, f"mem_bytes = {ELEMENTS}", W, None),
        (FMEM, f"bytes = 4 ({ELEMENTS})", C, None),
        (FMEM, f"total_bytes = 4 ({ELEMENTS})", C, None),
        (FMEM, f"字节数 = 4 ({ELEMENTS})", C, None),
        (FMEM, f"elements = {ELEMENTS}", R, None),
        (FMEM, f"n_elements = {ELEMENTS}", R, None),
        (FMEM, f"元素个数 = {ELEMENTS}", R, None),
    ],
    "the forward memory listed by its tensors": [
        (
            FMEM,
            "input = c_i h w\noutput = c_o m_h m_w\nweights = c_o c_i k_h k_w",
            R,
            "parts_summed",
        ),
        (FMEM, "输入 = c_i h w\n输出 = c_o m_h m_w\n权重 = c_o c_i k_h k_w", R, "parts_summed"),
        (
            FMEM,
            "in_bytes = 4 c_i h w; out_bytes = 4 c_o m_h m_w; weight_bytes = 4 c_o c_i k_h k_w",
            C,
            None,
        ),
        (
            FMEM,
            "input = c_i h w; output = c_o m_h m_w; weights = c_o c_i k_h k_w; bias = c_o",
            C,
            None,
        ),
        (FMEM, "input = c_i h w\noutput = c_o m_h m_w", W, None),
        (FMEM, "输入 = c_i h w\n输出 = c_o m_h m_w", W, None),
        (
            FMEM,
            "in_bytes = c_i h w; out_bytes = c_o m_h m_w; weight_bytes = c_o c_i k_h k_w",
            W,
            None,
        ),
        (FMEM, "input = c_i h w\noutput = c_o m_h m_w\nweights = c_o k_h k_w", W, None),
        # the backward memory's parts are gradients and saved tensors: not summed
        (BMEM, "input = c_i h w\noutput = c_o m_h m_w\nweights = c_o c_i k_h k_w", W, None),
    ],
    "a receptive field's step in code": [
        (CS, "r += (k - 1) * j", R, "recursion"),
        (CS, "rf += (k - 1) * jump  # 感受野", R, "recursion"),
        (CS, "const rout = rin + (k - 1) * jin; // 3 for k=3", R, "recursion"),
        (CS, "int r = r + (k - 1) * j;", R, "recursion"),
        (CS, "rf[0] = rf[0] + (k[0] - 1) * j[0]", R, "recursion"),
        (CS, "return stride * rf_size_output + kernel_size - stride", R, "recursion"),
        (CS, "感受野 rf += (k - 1) * jump", R, None),
        (CS, "r += k * j  # 感受野", W, None),
        (CS, "r += (k - 1) * 2", W, None),
        (CS, "let rout = rin + k * jin;", W, None),
        (CS, "return stride * rf_size_output + kernel_size", W, None),
        # no step stated, or one its comment denies: refused in one line
        (CS, "r += (k - 1) * q", N, "checker.reason.unstarted: r"),
        (CS, "r += (k - 1) * j  # wrong", N, None),
        (CS, "rf += (k - 1) * jump  // 不对", N, None),
        (CS, "rf[0] = rf[0] + (k[1] - 1) * j[0]", N, None),
    ],
    "letters defined in words with no verb after the formula": [
        (
            OH,
            f"{DEFINED}, a the input height, b the kernel height, c the padding, d the stride",
            C,
            "bare_definitions",
        ),
        (
            OW,
            "(n - f + 2p)/s + 1; n input width; f kernel width; p padding; s stride",
            C,
            None,
        ),
        (OH, f"{DEFINED}；a 输入高度，b 卷积核高度，c 填充，d 步幅", C, "bare_definitions"),
        (
            OH,
            f"{DEFINED}, a the kernel height, b the input height, c the padding, d the stride",
            W,
            None,
        ),
        (OH, "(a - b)/d + 1, a the input height, b the kernel height, d the stride", W, None),
        (OH, f"{DEFINED}；a 卷积核高度，b 输入高度，c 填充，d 步幅", W, None),
        (OH, "(a - b)/d + 1；a 输入高度，b 卷积核高度，d 步幅", W, None),
        # a letter defined that the formula does not hold: no definitions, refused
        (
            OH,
            f"{DEFINED}, a the input height, b the kernel height, c the padding, e the stride",
            N,
            None,
        ),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=6, ascii=6)


def _shape_at_layer(first_axis: int) -> str:
    """The practice page's layer's output shape as ``A × B``, the height first
    (``first_axis`` 0) or the width first (1): read from the layer's own sizes, never
    typed."""
    key = {value.question: value.value for value in practice_class().students[0].key}
    sizes = [key[OH], key[OW]]
    assert sizes[0] != sizes[1]  # (else the order the shape is written in is not seen)
    return f"{sizes[first_axis]} × {sizes[1 - first_axis]}"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "question, first_axis, sign, verdict",
    [
        (OH, 0, "×", R),
        (OH, 0, "x", R),
        (OH, 0, "by", R),
        (OW, 0, "×", R),
        (OW, 0, "x", R),
        # the width first: the height asked is the second number, not the first
        (OH, 1, "×", W),
        (OW, 1, "by", W),
    ],
)
def test_a_shape_of_two_numbers_gives_the_size_asked(question, first_axis, sign, verdict, lang):
    """``4 × 3`` (the output's height by its width) answering output-height is graded
    as its height, 4, not as 12; the shape written width first is wrong (s12adv)."""
    answer = _shape_at_layer(first_axis).replace("×", sign)
    said = json.loads(answer_at(question, answer, lang))
    assert said["verdict"] == verdict, said
    assert answer in said["feedback"], said["feedback"]
