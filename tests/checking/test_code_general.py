"""Issue 21 (session nine, s9code): code around or inside the formula read by general
mechanisms, not one pattern per answer.  Answers of our own, written the way code is
pasted (Python, C/C++, C#, Java, JavaScript/TypeScript, Go, Rust, Kotlin, Scala, Swift,
Lua, MATLAB/Octave, OCaml, Haskell, HTML; comments in English and Chinese), right and
wrong, through ``check`` and ``grade``:

* a comment in any comment syntax: a whole answer commented out (``#``, ``//``, ``--``,
  ``%``, ``;``; ``/* … */``, ``(* … *)``, ``{- … -}``, ``<!-- … -->``, a docstring) is
  the formula inside; a comment after the formula that holds a formula is a second
  statement, which must agree with the code's (else refused); any other comment after
  a ``#`` or after a statement's ``;`` is dropped, noted;
* a declaration with any type syntax: the types and modifiers before a name
  (``unsigned long long``, ``final int``, ``const auto``, ``let mut``, ``std::int64_t``),
  a type after it (``out_h: usize``, ``val oh: Int``, Go's ``var oh int``), and a
  function's head before its body, the body's brace closed or left open (Java's
  ``public static long f(long h, …) {``, Kotlin's ``fun f(h: Int): Int {``, Rust's
  ``fn f(h: i64) -> i64 {``);
* member and index access resolved by the names' meaning: a pair's element as a member
  (Rust's and Swift's ``.0``/``.1``, Scala's ``._1``, C#'s ``.Item1``) is the pair
  indexed; a padding's pair of pairs indexed twice (``pads[0][1]``) is the side it names,
  half its axis's total; any other second index glued to an indexed name is refused,
  never a product; an image's sizes as OpenCV and Eigen name them (``.size().height``,
  ``.rows``, ``.cols()``) are its height and width, an element of a list of images
  (``in_mat[0].rows``) each image's; a member of an object whose sizes differ
  (``kernel.height``, the weights' ``w.width``) is that object's, never the input's;
* other languages' pipes (OCaml's, F#'s, Julia's ``x |> f |> g``: ``g(f(x))``; a stage
  called with brackets only after one operand, where R's and Elixir's pipes agree),
  OCaml's float operators and literals (``-.``, ``/.``, ``1.``), conversions and roundings
  (``int_of_float``, ``Float.to_int``, ``fromIntegral``, ``as.integer``, ``ceiling``,
  Julia's ``floor(Int, x)``, Kotlin's ``toInt()``, Ruby's ``to_i``), a function applied
  without brackets (``float_of_int s``), and a match arm's pattern (``| Valid ->``,
  ``Padding::Same =>``, ``case "valid" =>``) read away as a condition is;
* right answers session eight's review found called wrong: a conversion to an integer or
  a library's rounding of a value whole already (Swift's ``Int(h - k_h + p_h) / s_h + 1``,
  C++'s ``std::floor(h + 2 * pad - kh) / stride + 1``: the floor was read inside the
  quotient) is the value; a name incremented as a statement (C's ``out++;``)
  is ``out += 1``, run in order; ``in`` juxtaposed before an operand (``in c_o``, read
  as the input times c_o) is a preposition, refused;
* a tensor's shape unpacked into names (``N, C, H, W = x.shape``) needs no definition
  where the names used read by themselves as the sizes one of the tensor's layouts puts
  at their places (else kept, and refused); a loop over the layers' parameters whose
  helper is assigned before it is read (``ek = k`` then ``… - ek``) is no layer applied
  again; the filter's padding or stride (``filter_pad``) is the layer's; a function the
  answer defines and then calls (``OW = get_conv_outsize(W, KH, SW, PW)``) is never graded
  on its body alone (its call's arguments decide: a width computed with the kernel's
  height was accepted), refused.
"""

from derivations.checking import check
from tests.checking.rows import Table, classes_test, no_placeholder_if_right, said_in_both

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

CLASSES = {
    "a comment in any syntax around or over the formula": [
        # one line commented out, in each language's line comment
        ("output-height", "# out_h = (h + 2*p_h - k_h) // s_h + 1", C),
        ("output-height", "// oh = (h + 2 * pad - kernel) / stride + 1", C),
        ("output-width", "-- ow = (w - kw + 2*pw) / sw + 1", C),
        ("output-height", "% H_out = floor((H + 2*P - K)/S) + 1", C),
        ("output-height", ";; (h - k_h + p_h + s_h) // s_h", R),
        ("output-height", "-- oh = (h - k) / s + 1", W),  # the padding left out
        # a block comment or a docstring around the formula
        ("output-height", "/* out = (h - k + 2*p) / s + 1 */", C),
        ("output-width", "(* (w - k_w + p_w) / s_w + 1 *)", C),
        ("output-height", "{- oh = (h - kh + ph) `div` sh + 1 -}", R),
        ("output-height", '"""(h - k + 2*p) // s + 1"""', C),
        ("output-height", "<!-- (h - k) / s + 1 -->", W),
        # a comment after the formula that holds one: a statement that must agree
        ("output-height", "return ((h - k + 2 * p) / s) + 1  # [(h-k+2*p)/s] + 1", C),
        ("output-height", "return ((h - k + 2 * p) / s) + 1  # [(h-k)/s] + 1", N),
        ("output-height", "oh = (h - k) // s + 1  # (h-k)/s + 1", W),
        # any other comment after a ``#`` or a statement's ``;``: dropped
        ("output-height", "oh = (h - k_h + 2*p) // s_h + 1;  // 输出 (rows), 2x pad", C),
        ("output-height", "oh = (h - k_h)/1 + 1; % 输出行数 (1 stride)", W),
        ("output-width", "ow = (w + 2*p - k) // s + 1  # 输出的宽度", C),
        ("output-height", "oh = (h + zork - k) // s + 1  # 输出高度", N),
    ],
    "a declaration with any type syntax": [
        # a function's head, its brace left open (Java) or closed (Rust), a return type
        (
            "output-height",
            "public static int outHeight(int h, int k, int p, int s) {\n"
            "        return (h + 2 * p - k) / s + 1;",
            C,
        ),
        (
            "output-width",
            "public int OutWidth(int w, int k, int p, int s) {\n    return (w - k + 2 * p) / s;",
            W,
        ),
        (
            "output-height",
            "fn out(h: i64, k: i64, p: i64, s: i64) -> i64 {\n    (h - k + 2 * p) / s + 1\n}",
            C,
        ),
        (
            "output-height",
            "fun outSize(h: Int, k: Int, p: Int, s: Int): Int {\n  return (h - k + 2*p) / s + 1",
            C,
        ),
        (
            "output-height",
            "public static int f(int h, int k, int s) {\n  return (h + zork - k) / s + 1;",
            N,
        ),
        # the types before the name, in any order and number
        ("output-height", "unsigned long long oh = (h - k) / s + 1;", W),
        ("output-height", "final int oh = (h + 2 * pad - kernel) / stride + 1;", C),
        ("output-height", "const auto oh = (h - k + 2 * p) / s + 1;  // 输出高度", C),
        ("output-height", "std::int64_t oh = (h - k_h + p_h) / s_h + 1;", C),
        ("output-height", "let mut oh = (h + 2 * pad - kernel) / stride + 1;", C),
        # the type after the name
        ("output-height", "let out_h: usize = (h - k_h + 2 * p_h) / s_h + 1;", C),
        ("output-height", "val oh: Int = (h - k + 2 * p) / s + 1", C),
        ("output-height", "let oh: Int = (h - k) / s + 1", W),
        ("output-width", "var ow int = (w - kw + 2*pw)/sw + 1", C),
        ("output-height", "h_out: int = (h + 2*p - k) // s + 1", C),
        ("output-height", "const oh: number = Math.floor((h - k + 2 * p) / s) + 1;", C),
        # a macro's names: the kernel called the mask, its rows counted (its height)
        ("output-width", "#define OUT_COLS (((IN_COLS - NUM_MASK_COLS + 2*PAD) / STRIDE) + 1)", C),
        ("output-height", "#define OUT_ROWS ((IN_ROWS - NUM_MASK_ROWS) / STRIDE + 1)", W),
    ],
    "member and index access resolved by meaning": [
        # a pair's element as a member
        (
            "output-height",
            "let oh = (h + padding[0].0 + padding[0].1 - kh) / stride[0] + 1;",
            C,
        ),
        ("output-height", "(h + 2*pad._1 - kernel._1) / stride._1 + 1", C),
        ("output-height", "(h + 2*pad.Item1 - kernel.Item1) / stride.Item1 + 1", C),
        ("output-height", "(h + padding[0].0 - kh) / stride[0] + 1", W),  # one side
        # a padding's pair of pairs indexed twice; any other second index refused
        ("output-height", "(h + pads[0][0] + pads[0][1] - k_h) // s_h + 1", R),
        ("output-width", "(w + 2*pads[1][1] - k_w) // s_w + 1", R),
        ("output-height", "(h + pads[0][0] - k_h) // s_h + 1", W),
        ("output-height", "(h + 2*p - k) / stride[0][1] + 1", N),
        # an image's sizes as OpenCV and Eigen name them
        ("output-height", "int oh = (img.rows + 2*pad - kernel.rows) / stride + 1;", C),
        ("output-width", "int ow = (src.size().width - k_w + 2*p) / s + 1;", C),
        ("output-width", "(img.cols - kernel.cols) / s + 1", W),
        ("output-height", "(x.rows() - w.rows() + 2*p) / s + 1", C),
        ("output-height", "(inputs[0].rows - filters[0].rows + 2*p) / s + 1", C),
        ("output-height", "oh = (img.rows + 2*pad - kernel.rows) // stride + 1  # 输出的高度", C),
        # a member of an object whose sizes differ: that object's
        ("output-height", "(img.height - kernel.height + 2*p) / s + 1", C),
        ("output-width", "(x.width - w.width + 2*p) / s + 1", C),
        ("output-width", "(x.width - w.width) / s + 1", W),
    ],
    "other languages' pipes, operators, conversions and match arms": [
        # OCaml: float operators, conversions applied without brackets, pipes
        (
            "output-height",
            "let oh = int_of_float (floor ((float_of_int (h - k + 2 * p)) /. float_of_int s)) + 1",
            C,
        ),
        ("output-height", "Float.to_int (Float.floor ((h -. k +. 2. *. p) /. s)) + 1", C),
        ("output-height", "| Valid -> ((h -. k +. 1.) /. s) |> ceil |> int_of_float", W),
        ("output-height", "| Same -> (h /. s) |> ceil |> int_of_float", W),
        # F#, Julia: a pipe binds looser than arithmetic; Julia's floor(Int, x)
        ("output-width", "let ow = ((w - kw + 2*pw) / sw) + 1 |> int", C),
        ("output-height", "oh = floor(Int, (h + 2p - k) / s) + 1", C),
        # a stage called with brackets after a sum: R's and Elixir's pipes differ
        ("output-height", "oh = h - k + 2*p |> floor()", N),
        # Haskell, R, Kotlin, Ruby, Lua conversions and roundings
        ("output-height", "oh = fromIntegral (h - k + 2*p) `div` s + 1", C),
        ("output-height", "oh <- as.integer((h - k + 2*p) / s) + 1", C),
        ("output-height", "oh <- ceiling((h - k + 1) / s)", W),
        ("output-height", "val oh = ((h - k + 2 * p) / s.toDouble()).toInt() + 1", C),
        ("output-height", "oh = ((h - k + 2*p) / s).to_i + 1  # 输出的高度", C),
        ("output-height", "local oh = math.floor((h + 2*p - k) / s) + 1", C),
        # NumPy's integer types called on a value: the integer part
        ("output-height", "oh = np.int32((h + 2*p - k) / s) + 1", C),
        ("output-height", "oh = np.uint8((h - k) / s + 1)", W),
        # a match arm's pattern read away as a condition (Rust, Scala)
        ("output-height", "Padding::Same => (h + s - 1) / s,", W),
        ("output-height", 'case "valid" => (h - k + 2 * p) / s + 1', C),
    ],
    "right answers once called wrong: whole conversions, increments, a preposition": [
        # a conversion to an integer of a value whole already is the value, no floor
        ("output-height", "Int(h - k_h + p_h) / s_h + 1", C),
        ("output-height", "let oh = Int(h - k_h) / s_h + 1", W),
        ("output-height", "oh = int(h + 2*p - k) / s + 1  # 输出高度", C),
        ("output-height", "int(2*h - k) / s + 1", W),
        # so is a library's rounding of one (C++'s floor of an int is a double)
        ("output-height", "return std::floor(h + 2 * pad - kh) / stride + 1;", C),
        ("output-height", "Math.floor(h - k) / s + 1", W),
        # a name incremented as a statement of its own
        ("output-height", "out = (h - k + 2*p) / s;\nout++;", C),
        ("output-height", "int out = (h - k_h + p_h) / s_h;\n++out;\nreturn out;", C),
        ("output-height", "let oh = (h - k + 2*p) / s; oh--;", W),
        ("output-width", "ow = (w - k + 2*p) / s;\now++;  // 加上第一个位置", C),
        # ``in`` before an operand, no operator between: a preposition, refused
        ("bias-size", "in c_o", N),
        ("bias-size", "one in c_o", N),
    ],
    "a shape unpacked into names, a loop over layers, the filter's parameters": [
        # names that read by themselves as the sizes the tensor's layout puts there
        ("output-height", "N, C, H, W = x.shape\nout_h = (H + 2 * pad - kh) // stride + 1", C),
        ("output-height", "b, c, h, w = x.size()\noh = (h + 2 * pad - kh) // stride + 1", C),
        (
            "output-height",
            "N, C, H, W = x.shape\nF, C, HH, WW = w.shape\nout = 1 + (H + 2*pad - HH) // stride",
            C,
        ),
        ("output-height", "h_in, w_in = img.shape\noh = (h_in - kh) // s + 1  # 输出高度", W),
        # names against the layout (W before H): kept, refused
        ("output-height", "N, C, W, H = x.shape\nout = (H + 2*p - k)//s + 1", N),
        # a loop over the layers' parameters whose helper is its own pass's
        (
            "output-height",
            "for k, p, s in layers:\n    ek = k\n    oh = (h + 2 * p - ek) // s + 1",
            C,
        ),
        (
            "output-height",
            "for _ in range(2):\n    out = (h - k_h + p_h) // s_h + 1\n    h = out",
            N,
        ),
        # a function defined and then called: the call's value, never the body's alone
        (
            "output-width",
            "def out_size(n, k, s, p):\n    return (n + 2 * p - k) // s + 1\n\n"
            "OH = out_size(H, KH, SH, PH)\nOW = out_size(W, KH, SW, PW)",
            N,
        ),
        (
            "output-height",
            "function outSize(n, k, s, p) { return Math.floor((n + 2*p - k) / s) + 1; }\n"
            "const oh = outSize(h, kh, sh, ph);  // 输出高度",
            N,
        ),
        # the filter's padding and stride: the layer's
        ("output-height", "(input_size - filter_size + 2 * filter_pad) / filter_stride + 1", C),
        ("output-height", "(h - kernel_size + 2*kernel_pad) // kernel_stride", W),
    ],
}

ROWS = [(name, *row) for name, rows in CLASSES.items() for row in rows]


def _feedback_filled(result, **row):
    """The feedback says something in English and in Chinese, no field left unfilled."""
    said_in_both(result)
    no_placeholder_if_right(result, **row)


TABLE = Table("name, question, answer, verdict", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=_feedback_filled, ids=[r[2] for r in ROWS])
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers_and_chinese_comments = classes_test(CLASSES, chinese=4)


def test_every_class_has_a_refused_answer():
    for name, rows in CLASSES.items():
        assert N in {verdict for *_, verdict in rows}, name


def test_a_comment_that_disagrees_with_the_code_is_refused_as_two_formulas():
    result = check("output-height", "return ((h - k + 2 * p) / s) + 1  # [(h-k)/s] + 1")
    assert result.error["id"] == "checker.reason.parts_disagree", result.error


def test_a_second_index_glued_to_an_indexed_name_is_refused_as_written():
    result = check("output-height", "(h + 2*p - k) / stride[0][1] + 1")
    assert result.error["fields"]["word"] == "stride[0][1]", result.error
