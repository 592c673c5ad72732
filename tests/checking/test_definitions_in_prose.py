"""Issue 21, session eighteen: letters defined in the answer's own prose, wherever they
are, bound before the formula is read (:mod:`derivations.checking.reading.glossary`).

Answers of our own, right and wrong of each shape, in English and Chinese (and Japanese,
Korean, Spanish, German where the word tables read their words), through ``check`` and
``grade``:

- definitions before the formula, in a sentence or a line of their own (``设 … 表示 …，则
  …``, ``Let F denote … . Then …``, ``F: the filter size`` on a line);
- definitions after the formula in a sentence or paragraph of their own, no connector
  (``… . Here N is …``, a paragraph ``C_i 为输入通道数。``);
- the words first and the letter after (``步长（stride）为S``, ``the kernel size is K×K``;
  ``输入大小为 W*W``: a square, the letter its side);
- the shapes of a definition: ``X 表示 …``, ``X 为 …``, ``X: …``, ``X — …``, ``X = the …``,
  ``with X the …``, ``X (the …)``, ``X denotes …``, ``$…$``, backticks and bold around the
  letter, two letters named at once (``H×W``, ``H and W``).

A definition that makes the formula wrong makes it wrong: H and W defined as the input's
size where the output's is due, K defined as the channels, a definition of the letter the
formula needs as another quantity; two definitions of one letter that disagree are
refused naming it.  No wrong answer is accepted: each wrong row is ``not_equivalent`` or
refused."""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
OH, OW, FM, FA = "output-height", "output-width", "forward-mults", "forward-adds"
G = "glossary"  # the note saying each binding
TWICE = "reading.defined_differently"

CLASSES: dict[str, list[tuple]] = {
    "definitions before the formula": [
        (
            FM,
            "设 A×B 表示输出的空间尺寸，Q 表示输入通道数，R×R 表示卷积核大小，T 表示输出通道数，"
            "则乘法次数为 ABQR²T",
            C,
            G,
        ),
        (  # the input's size where the output's is due
            FM,
            "设 A×B 表示输入特征图的空间尺寸，Q 表示输入通道数，R×R 表示卷积核大小，T 表示输出通道数，"
            "则乘法次数为 ABQR²T",
            W,
            None,
        ),
        (
            OH,
            "Let F denote the filter size, Z the padding and S the stride. "
            "Then the output height is (h - F + Z)/S + 1",
            C,
            G,
        ),
        (  # the padding left out
            OH,
            "Let F denote the filter size and S the stride. Then the output height is (h - F)/S + 1",
            W,
            None,
        ),
        (
            OW,
            "Notation: $V$ is the input width, $F$ is the kernel width, $Z$ is the padding and "
            "$S$ is the stride.\n\nOutput width: (V - F + Z)/S + 1",
            C,
            G,
        ),
        (  # F named the kernel's height, answering the width
            OW,
            "Notation: $V$ is the input width, $F$ is the kernel height, $Z$ is the padding and "
            "$S$ is the stride.\n\nOutput width: (V - F + Z)/S + 1",
            W,
            None,
        ),
        (
            FM,
            "`Q`: number of input channels\n`T`: number of output channels\n"
            "`R`: kernel size\n`U`, `V`: output height and width\n\nmults = Q T R^2 U V",
            C,
            G,
        ),
        (  # R the input channels and Q the kernel: the formula then counts c_i² k
            FM,
            "`Q`: kernel size\n`T`: number of output channels\n"
            "`R`: number of input channels\n`U`, `V`: output height and width\n\n"
            "mults = Q T R^2 U V",
            W,
            None,
        ),
    ],
    "definitions after the formula, a sentence of their own": [
        (
            FM,
            "mults = Q R^2 T U V. Here Q is the number of input channels, T the number of "
            "output channels, R the kernel size and U, V the output height and width.",
            C,
            G,
        ),
        (  # U, V the input's size
            FM,
            "mults = Q R^2 T U V. Here Q is the number of input channels, T the number of "
            "output channels, R the kernel size and U, V the input height and width.",
            W,
            None,
        ),
        (
            FM,
            "乘法次数 = Q R^2 T U V。\n\nQ 为输入通道数，R 为卷积核尺寸，T 为输出通道数，"
            "U 和 V 为输出的高和宽。",
            C,
            G,
        ),
        (  # R defined as the channels: c_i² where k² is due
            FM,
            "乘法次数 = Q R^2 T U V。\n\nQ 为卷积核尺寸，R 为输入通道数，T 为输出通道数，"
            "U 和 V 为输出的高和宽。",
            W,
            None,
        ),
        (
            OH,
            "(A + Z - F)/S + 1. A is the input height, F the kernel height, Z the padding, "
            "S the stride.",
            C,
            G,
        ),
        (  # A defined as the output height: the height asked, in its own formula
            OH,
            "(A + Z - F)/S + 1. A is the output height, F the kernel height, Z the padding, "
            "S the stride.",
            N,
            "checker.reason.asked_symbol: m_h",
        ),
    ],
    "the words first, the letter after": [
        (
            OH,
            "卷积核（kernel）大小为F*F，步长（stride）为S，填充（padding）为Z，输入大小为 A*A，"
            "则输出大小为 (A-F+Z)/S+1",
            C,
            G,
        ),
        (  # the stride left out of the formula it names
            OH,
            "卷积核（kernel）大小为F*F，步长（stride）为S，填充（padding）为Z，输入大小为 A*A，"
            "则输出大小为 A-F+Z+1",
            W,
            None,
        ),
        (
            OW,
            "The kernel size is F×F, the stride S and the padding Z; the output width is "
            "(V - F + Z)/S + 1 for an input of width V.",
            C,
            None,
        ),
        (
            OH,
            "the input size is A×A, the kernel size is F×F, the stride S, the padding Z. "
            "output = (A - F + Z)/S + 1",
            C,
            G,
        ),
        (  # Z is named the stride and S the padding: swapped
            OH,
            "the input size is A×A, the kernel size is F×F, the stride Z, the padding S. "
            "output = (A - F + Z)/S + 1",
            W,
            None,
        ),
    ],
    "the shapes of one definition": [
        (
            FM,
            "Q — the number of input channels; T — the number of output channels; "
            "R — the kernel size; U — the output height; V — the output width. "
            "The count is Q·T·R²·U·V.",
            C,
            G,
        ),
        (
            FM,
            "**Q** = the number of input channels, **T** = the number of output channels, "
            "**R** = the kernel size, **U** = the output height, **V** = the output width.\n"
            "Multiplications: Q T R^2 U V",
            C,
            G,
        ),
        (  # V the input width
            FM,
            "**Q** = the number of input channels, **T** = the number of output channels, "
            "**R** = the kernel size, **U** = the output height, **V** = the input width.\n"
            "Multiplications: Q T R^2 U V",
            W,
            None,
        ),
        (
            FA,
            "Q（输入通道数）、T（输出通道数）、R（卷积核大小）；输出大小为 U×V。"
            "\n加法次数：(Q R^2 - 1) T U V",
            C,
            None,
        ),
        (
            OH,
            "F denotes the kernel height, S represents the stride and Z stands for the "
            "padding.\nOutput height: (h + Z - F)/S + 1",
            C,
            G,
        ),
        (  # F denotes the kernel's width, answering the height
            OH,
            "F denotes the kernel width, S represents the stride and Z stands for the "
            "padding.\nOutput height: (h + Z - F)/S + 1",
            W,
            None,
        ),
        (
            OH,
            "设 F 是卷积核的高，S 是步幅，Z 是填充。输出的高为 (h - F + Z)/S + 1",
            C,
            G,
        ),
        (  # a definition of a letter the formula does not use: the stride still left out
            OH,
            "设 F 是卷积核的高，S 是步幅，Z 是填充。输出的高为 h - F + Z + 1",
            W,
            None,
        ),
    ],
    "two letters named at once": [
        (
            FM,
            "U×V 表示输出特征图的高和宽，Q 为输入通道数，T 为输出通道数，卷积核为 R×R，"
            "则乘法次数为 U V Q T R^2",
            C,
            None,
        ),
        (
            FM,
            "U and V are the output height and width, Q is the number of input channels, "
            "T is the number of output channels and R is the kernel size. "
            "So the number of multiplications is U V Q T R^2.",
            C,
            G,
        ),
        (  # U and V the input's height and width
            FM,
            "U and V are the input height and width, Q is the number of input channels, "
            "T is the number of output channels and R is the kernel size. "
            "So the number of multiplications is U V Q T R^2.",
            W,
            None,
        ),
    ],
    "letters run together, a side named by its square, words that read as nothing": [
        (
            FM,
            "设 AxB 表示输出的空间尺寸，Q 表示输入通道数，RxR 表示卷积核大小，T 表示输出通道数，"
            "则乘法次数为 AxBxQxRxRxT",
            C,
            G,
        ),
        (  # the input's size where the output's is due
            FM,
            "设 AxB 表示输入的空间尺寸，Q 表示输入通道数，RxR 表示卷积核大小，T 表示输出通道数，"
            "则乘法次数为 AxBxQxRxRxT",
            W,
            None,
        ),
        (
            OH,
            "输入大小为 I=A*A，卷积核大小为 F*F，步长为 S，填充为 Z。输出 = (A - F + Z)/S + 1",
            C,
            G,
        ),
        (  # the padding left out
            OH,
            "输入大小为 I=A*A，卷积核大小为 F*F，步长为 S，填充为 Z。输出 = (A - F)/S + 1",
            W,
            None,
        ),
        (  # Q's words read as no quantity: Q inferred by its role is never accepted
            FM,
            "U, V are the output height and width, R is the kernel size, Q is the number of "
            "slices of the input and T is the number of kernels.\nmults = U V R^2 Q T",
            N,
            "reading.defined_unread: Q",
        ),
        (  # … nor with one kernel factor only: refused, naming Q's words
            FM,
            "U, V are the output height and width, R is the kernel size, Q is the number of "
            "slices of the input and T is the number of kernels.\nmults = U V R Q T",
            N,
            "reading.defined_unread: Q",
        ),
    ],
    "a remark in brackets after the words": [
        (
            FM,
            "设 A×B 表示输出特征图的空间尺寸（见上图，A 为高，B 为宽），Q 表示输入通道数，"
            "R×R 表示卷积核大小，T 表示输出通道数，则乘法次数为 ABQR²T",
            C,
            G,
        ),
        (  # the remark kept, and the words with it: the input's size all the same
            FM,
            "设 A×B 表示输入特征图的空间尺寸（见上图，输出与输入一样大），Q 表示输入通道数，"
            "R×R 表示卷积核大小，T 表示输出通道数，则乘法次数为 ABQR²T",
            W,
            None,
        ),
        (  # a remark that says how the padding counts is no remark: Z's words unread
            OH,
            "F is the kernel size, S is the stride, Z is the padding (on each side). "
            "Output height: (h - F + Z)/S + 1",
            N,
            "reading.defined_unread: Z",
        ),
    ],
    "definitions that disagree": [
        (
            OH,
            "Let F be the kernel size. (h - F + Z)/S + 1, where Z is the padding, S is the "
            "stride and F is the number of output channels.",
            N,
            f"{TWICE}: F",
        ),
        (
            OH,
            "设 F 表示卷积核大小，S 表示步幅，Z 表示填充，F 表示输出通道数。输出高度为 (h - F + Z)/S + 1",
            N,
            f"{TWICE}: F",
        ),
        (  # the same letter defined twice alike: read
            OH,
            "Let F be the kernel size and Z the padding. (h - F + Z)/S + 1, where S is the "
            "stride and F is the kernel size.",
            C,
            None,
        ),
        (  # … and alike but wrong for the height: the kernel's width
            OH,
            "Let F be the kernel width and Z the padding. (h - F + Z)/S + 1, where S is the "
            "stride and F is the kernel width.",
            W,
            None,
        ),
    ],
    "other languages": [
        (
            OH,
            "ここで F はフィルタサイズ、S はストライド、Z はパディング。出力の高さ = (h - F + Z)/S + 1",
            C,
            G,
        ),
        (
            OH,
            "ここで F は入力チャンネル数、S はストライド、Z はパディング。出力の高さ = (h - F + Z)/S + 1",
            W,
            None,
        ),
        (
            OH,
            "여기서 F는 필터 크기, S는 스트라이드, Z는 패딩. 출력 높이 = (h - F + Z)/S + 1",
            C,
            G,
        ),
        (
            OH,
            "Sea F el filtro, S el paso y Z el relleno. La altura de salida es (h - F + Z)/S + 1",
            C,
            G,
        ),
        (
            OH,
            "Sei S die Schrittweite. Dann ist die Ausgabehöhe (h - k_h + p_h)/S + 1",
            C,
            G,
        ),
        (
            OH,
            "Sei S die Schrittweite. Dann ist die Ausgabehöhe (h - k_h)/S + 1",
            W,
            None,
        ),
    ],
    # the formula's own sentence read as written, but never accepted where a letter its
    # words define was read as another quantity (A inferred as the input's height)
    "a letter defined in the formula's own sentence, read otherwise": [
        (OH, "(A - k_h + p_h)/s_h + 1, where A is the output height", N, None),
        (OH, "floor((A - k_h + p_h)/s_h) + 1, where A is the output height", N, None),
        (OH, "(A - k_h + p_h + s_h)/s_h，其中 A 为输出的高度", N, None),
        (OH, "(A - k_h + p_h + s_h)/s_h, where A is the input height", C, None),
        (OH, "(A - k_h + p_h + s_h)/s_h，其中 A 为输入的高度", C, None),
        (
            FM,
            "c_o c_i k_h k_w A B, where A is the output height and B is the output width",
            R,
            None,
        ),
        (FM, "c_o c_i k_h k_w A B, where A is the input height and B is the input width", W, None),
    ],
    "a padding said to be the total of both sides (s18def2)": [
        (
            OH,
            "floor((A - F + Z)/S) + 1, where A is the input height, F is the kernel height, "
            "Z is the total padding and S is the stride",
            C,
            None,
        ),
        (  # the total padding doubled: right only were it per side
            OH,
            "(A - F + 2Z)/S + 1, where A is the input height, F is the kernel height, "
            "Z is the total padding and S is the stride",
            W,
            None,
        ),
        (  # per side, as today: doubled is right under its convention …
            OH,
            "(A - F + 2Z)/S + 1, where A is the input height, F is the kernel height, "
            "Z is the padding on each side and S is the stride",
            C,
            None,
        ),
        (  # … and once is wrong
            OH,
            "(A - F + Z)/S + 1, where A is the input height, F is the kernel height, "
            "Z is the padding on each side and S is the stride",
            W,
            None,
        ),
        (OH, "(h - k_h + Z)/s_h + 1，其中 Z 为上下填充之和", C, None),
        (OH, "(h - k_h + 2Z)/s_h + 1，其中 Z 为上下填充之和", W, None),
        (OH, "输出高度为 ⌊(h - k_h + Z)/s_h⌋ + 1，其中 Z 为总填充", C, None),
        (OH, "输出高度为 ⌊(h - k_h + 2Z)/s_h⌋ + 1，其中 Z 为总填充", W, None),
        (OH, "(h - k_h + 2Z)/s_h + 1，其中 Z 为每侧填充", C, None),
        (OH, "输出高度 = (h - k_h + 2Z)/s_h + 1，Z 是单边填充", C, None),
        # a padding per side added once: never read as the book's padding (单边填充 was
        # read as 填充 alone, the per-side word dropped, and accepted)
        (OH, "(h - k_h + Z)/s_h + 1，其中 Z 为单边填充", N, None),
        (OH, "(h - k_h + Z)/s_h + 1, where Z is the padding on one side", N, None),
        (OH, "Output height: (h - k_h + Z)/s_h + 1, with Z the padding in total", C, None),
        (OH, "Output height: (h - k_h + 2Z)/s_h + 1, with Z the padding in total", W, None),
    ],
    "two letters defined at once, respectively (s18def2)": [
        (
            FM,
            "c_i R^2 c_o U V, where R is the kernel size and U, V are the output height and width",
            C,
            G,
        ),
        (  # the input's height and width where the output's are due
            FM,
            "c_i R^2 c_o U V, where R is the kernel size and U, V are the input height and width",
            W,
            None,
        ),
        (
            FM,
            "U、V 分别为输出特征图的高和宽，Q、T 分别为输入和输出通道数，R 为卷积核大小，"
            "则乘法次数为 U V Q T R^2",
            C,
            G,
        ),
        (  # the input feature map's height and width
            FM,
            "U、V 分别为输入特征图的高和宽，Q、T 分别为输入和输出通道数，R 为卷积核大小，"
            "则乘法次数为 U V Q T R^2",
            W,
            None,
        ),
        (  # Q the output channels, in order: c_o² where c_i c_o is due
            FM,
            "U、V 分别为输出特征图的高和宽，Q、T 分别为输出和输入通道数，R 为卷积核大小，"
            "则乘法次数为 U V Q^2 R^2",
            W,
            None,
        ),
        (
            FM,
            "Q, T are the numbers of input and output channels, R is the kernel size, U and V "
            "are the output's height and width, respectively. mults = Q T R^2 U V",
            C,
            G,
        ),
        (
            FM,
            "Q 和 T 分别是输入和输出的通道数，R 为卷积核大小，U 和 V 分别是输出的高和宽。"
            "乘法次数：Q T R^2 U V",
            C,
            G,
        ),
        (  # the input's height and width
            FM,
            "Q 和 T 分别是输入和输出的通道数，R 为卷积核大小，U 和 V 分别是输入的高和宽。"
            "乘法次数：Q T R^2 U V",
            W,
            None,
        ),
        (  # the input's height and width, in English: refused (the input's words unread)
            FM,
            "Q, T are the numbers of input and output channels, R is the kernel size, U and V "
            "are the input's height and width, respectively. mults = Q T R^2 U V",
            N,
            None,
        ),
    ],
    "English words inside a Chinese definition (s18def2)": [
        (
            FM,
            "Q 表示输入 channel 的数量，T 表示输出 channel 数，R 为 kernel 大小，U、V 为输出的高和宽，"
            "乘法次数为 Q T R^2 U V",
            C,
            G,
        ),
        (  # U, V the input's
            FM,
            "Q 表示输入 channel 的数量，T 表示输出 channel 数，R 为 kernel 大小，U、V 为输入的高和宽，"
            "乘法次数为 Q T R^2 U V",
            W,
            None,
        ),
        (  # Q the output's channels: c_o² where c_i c_o is due
            FM,
            "Q 表示输出 channel 的数量，T 表示输出 channel 数，R 为 kernel 大小，U、V 为输出的高和宽，"
            "乘法次数为 Q T R^2 U V",
            W,
            None,
        ),
        (
            FM,
            "U×V 表示输出 feature map 的空间大小，Q 为输入 channel 数，T 为输出 channel 数，"
            "R 为卷积核大小，则乘法次数为 U V Q T R^2",
            C,
            G,
        ),
        (  # the input feature map's size where the output's is due
            FM,
            "U×V 表示输入 feature map 的空间大小，Q 为输入 channel 数，T 为输出 channel 数，"
            "R 为卷积核大小，则乘法次数为 U V Q T R^2",
            W,
            None,
        ),
        (
            FM,
            "设 U×V 为输出的空间大小，Q 为输入 channel 数，T 为 filter 的个数，R×R 为 kernel 大小，"
            "则乘法次数为 U V Q T R^2",
            C,
            G,
        ),
    ],
}

ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_definition_is_bound = TABLE.check_test(also=said_as)
test_grade_gives_the_same_verdicts = Table(
    "question, answer, verdict, said", ROWS[::4], symbolic=False
).grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=10, ascii=12)
