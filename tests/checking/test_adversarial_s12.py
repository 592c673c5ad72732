"""Wrong answers of our own found accepted by this session's adversarial review (s12adv),
and right answers it found judged wrong: none may be accepted, none called wrong (issue
21: "no wrong answer accepted").  Each row is an answer with the verdict it gets; the
second table holds right answers of the same forms that must still read.  Through
``check`` and ``grade``, in en and zh.

- a size named or labelled by the other axis's words alone, before a formula along the
  axis asked (``width: <the height's>``, ``Width = …``, ``cols = …``, ``宽度为 …``, ``幅 =
  …``, ``너비 = …``, ``Breite: …``, ``ширина = …`` answering output-height): a name with
  the output's words (``W_out``, ``out_w``: 7e1a302) or the input's was read as naming
  a size, the other axis's words alone were not, so the formula was graded as the
  height's (accepted); now refused (``lead_names_other``), as ``m_w = …`` and ``the
  output width is …`` were.  A formula along the other axis alone under the other axis's
  name stays the square layer's convention (CS231n's ``W2 = (W1 - F + 2P)/S + 1``).
- the words around a formula read as prose (the formula islands) naming another
  quantity in the formula's own clause (``so the width becomes … after the convolution``,
  ``… — ширина выхода``, ``…，这是输出的宽度``, ``the output has … columns``, ``the network
  needs … additions in total``, ``… — число умножений``, ``the forward pass takes …``
  answering backward-ops): the island was named only by a name right before it or after
  a copula, and the rest of the prose was dropped; now a right formula under such words
  is refused, not said the same way (``… and similarly for the width``), and a wrong one
  stays not_equivalent.
- the exact count of operations said in MACs (``c_o m_h m_w (2 c_i k_h k_w - 1) MACs``,
  ``MACs = …``, ``… 次乘加`` answering forward-ops, the backward count so): a MACs word
  clashed only with a count matched under FLOPs, so the book's count said to be the
  multiply-accumulates was plainly right; now not_equivalent (``count_word_disagrees``)
  where a variant of the question counts in MACs, as FLOPs said of the MACs are.
- a comment or a remark in brackets beside a right formula naming another quantity
  (``… # output width``, ``… // number of columns``, ``# additions`` on the line before
  the multiplications, ``…（宽）`` answering output-height), or a bare count word in
  Chinese, Japanese, Korean or Russian or a code name of one (``乘法 =``, ``乗算:``,
  ``곱셈:``, ``сложения:``, ``n_add =``) naming another count: comments and remarks
  were dropped unread (a factor's remark excepted), and the count names had only
  their longer forms (``乘法次数``, ``곱셈 횟수``); now refused as the words of an island
  are, not the words beside forward-ops' formula naming its parts (``# adds = …``).
- a number right at the practice page's layer (``grade --variants``) said with words
  naming another quantity (``m_w = 4``, ``the output width is 4``, ``padded height =
  4``, ``W_out = 4``, ``width = 4``, ``宽度为 4`` answering output-height; ``1296
  additions``, ``1296 次加法`` answering the multiplications; the FLOPs count said in
  multiplications), or a size word of the other axis after it (``4 columns``, ``4 列``
  answering output-height, ``3 rows`` the width), or the bytes count said in elements
  (``1464 elements``, ``1464 个``): a number was graded alone, its words dropped
  (``elements`` and ``个`` by the numeral's reader); now refused as ``check`` refuses a
  right formula under such words (:func:`.checker.words_refusal`), and the bytes said in
  elements are ``unit_word_disagrees``.
"""

import json

import pytest

from derivations.practice.numbers import answer_at, practice_class
from derivations.variants.grade import _variant_values
from tests.checking.rows import review_tests

OH, OW = "output-height", "output-width"
FM, FA, FO, BO = "forward-mults", "forward-adds", "forward-ops", "backward-ops"
PW, FMEM = "pointwise-complexity", "forward-memory"
N, W = "invalid_input", "not_equivalent"
R, UC = "equivalent", "equivalent_under_convention"
HEIGHT = "(h - k_h + p_h)//s_h + 1"
WIDTH = "(w - k_w + p_w)//s_w + 1"
MULTS = "c_o c_i k_h k_w m_h m_w"
ADDS = "c_o m_h m_w (c_i k_h k_w - 1)"
BACKWARD = (
    "c_i (4 c_o k_h k_w m_h m_w - c_o k_h k_w"
    " - (k_h m_h - (m_h - 1) max(0, k_h - s_h)) (k_w m_w - (m_w - 1) max(0, k_w - s_w)))"
)

# (question, wrong answer, verdict)
WRONG = [
    # a size named or labelled by the other axis's words alone
    (OH, f"width: {HEIGHT}", N),
    (OH, f"Width = {HEIGHT}", N),
    (OH, f"new_width = {HEIGHT}", N),
    (OH, f"cols = {HEIGHT}", N),
    (OH, f"宽度为 {HEIGHT}", N),
    (OH, f"宽：{HEIGHT}", N),
    (OH, f"幅 = {HEIGHT}", N),
    (OH, f"너비 = {HEIGHT}", N),
    (OH, f"Breite: {HEIGHT}", N),
    (OH, f"largeur = {HEIGHT}", N),
    (OH, f"ширина = {HEIGHT}", N),
    (OW, f"height: {WIDTH}", N),
    (OW, f"rows: {WIDTH}", N),
    (OW, f"n_rows = {WIDTH}", N),
    (OW, f"высота = {WIDTH}", N),
    # the words of a formula's own clause name another quantity
    (OH, f"so the width becomes {HEIGHT} after the convolution", N),
    (OH, f"{HEIGHT} — ширина выхода", N),
    (OH, f"{HEIGHT}，这是输出的宽度", N),
    (OH, f"the output has {HEIGHT} columns", N),
    (OH, f"输出有 {HEIGHT} 列", N),
    (OW, f"the output has {WIDTH} rows", N),
    (FM, f"the network needs {MULTS} additions in total", N),
    (FA, f"{ADDS} — число умножений", N),
    (BO, f"the forward pass takes {BACKWARD}", N),
    (BO, f"the forward pass takes 2 {MULTS}", N),
    # a comment or a remark beside the formula, a bare count word, naming another
    (OH, f"out_h = {HEIGHT}  # width of the output", N),
    (OH, f"out = {HEIGHT}  # output width", N),
    (OH, f"out = {HEIGHT}  // number of columns", N),
    (OH, f"{HEIGHT}（宽）", N),
    (OW, f"{WIDTH}（输出的高）", N),
    (FM, f"# additions\n{MULTS.replace(' ', ' * ')}", N),
    (FM, f"{MULTS.replace(' ', ' * ')}  # additions", N),
    (FM, f"n_add = {MULTS}", N),
    (FM, f"加算 = {MULTS}", N),
    (FM, f"덧셈: {MULTS}", N),
    (FM, f"сложения: {MULTS}", N),
    (FA, f"乘法 = {ADDS}", N),
    (FA, f"乗算: {ADDS}", N),
    (FA, f"곱셈은 {ADDS} 번 필요하다", N),
    # the exact count of operations said in MACs
    (FO, "c_o m_h m_w (2 c_i k_h k_w - 1) MACs", W),
    (FO, "MACs = c_o m_h m_w (2 c_i k_h k_w - 1)", W),
    (FO, "c_o m_h m_w (2 c_i k_h k_w - 1) 次乘加", W),
    (BO, f"MACs = {BACKWARD}", W),
    (PW, "c_o (2 c_i - 1) ((h + p_h - 1)//s_h + 1) ((w + p_w - 1)//s_w + 1) MACs", W),
    # a wrong formula under such words stays not_equivalent (a guard: so on main too)
    (OH, "so the width becomes (h - k_h)//s_h + 1 after the convolution", W),
]

# (question, right answer, verdict): the same forms, right, still read
STILL_READ = [
    (OH, f"height: {HEIGHT}", R),
    (OH, f"Height = {HEIGHT}", R),
    (OH, f"oh = {HEIGHT}", R),
    (OH, f"num_rows_out = {HEIGHT}", R),
    (OH, f"高度为 {HEIGHT}", R),
    (OH, f"новая высота = {HEIGHT}", R),
    (OH, f"rows: {HEIGHT}", R),
    (OW, f"width: {WIDTH}", R),
    (OW, f"columns: {WIDTH}", R),
    (OW, f"宽：{WIDTH}", R),
    (OW, f"ширина = {WIDTH}", R),
    (OH, "W_out = (W - F + 2P)/S + 1", UC),  # the square layer's other-axis formula
    (OW, "H_out = (H - F + 2P)/S + 1", UC),
    (OH, f"H_out = {HEIGHT}; W_out = {WIDTH}", R),
    (OH, f"Use the standard output-size formula separately for height and width: {HEIGHT}", R),
    (OH, f"so the height becomes {HEIGHT} after the convolution", R),
    (OW, f"so the width becomes {WIDTH} after the convolution", R),
    (OH, f"{HEIGHT}, and similarly for the width", R),
    (OH, f"{HEIGHT}，宽度同理", R),
    (OH, f"{HEIGHT} — высота выхода", R),
    (OW, f"{WIDTH} — ширина выхода", R),
    (OH, f"{HEIGHT}，这是输出的高度", R),
    (OH, f"the output has {HEIGHT} rows", R),
    (OH, f"输出有 {HEIGHT} 行", R),
    (OW, f"the output has {WIDTH} columns", R),
    (FM, f"the network needs {MULTS} multiplications in total", R),
    (FA, f"{ADDS} — число сложений", R),
    (BO, f"the backward pass takes {BACKWARD}", R),
    (OH, f"out_h = {HEIGHT}  # rows\nout_w = {WIDTH}  # cols", R),
    (OW, f"# output height\nout_h = {HEIGHT}\n# output width\nout_w = {WIDTH}", R),
    (OH, f"out_h = {HEIGHT}  # the width is computed the same way", R),
    (OH, f"{HEIGHT}（高）", R),
    (OW, f"{WIDTH}（宽）", R),
    (FM, f"{MULTS.replace(' ', ' * ')}  # multiplications", R),
    (FM, f"乘法 = {MULTS}", R),
    (FA, f"덧셈: {ADDS}", R),
    (FA, f"сложения: {ADDS}", R),
    (FA, f"덧셈은 {ADDS} 번 필요하다", R),
    (FO, "c_o * m_h * m_w * (2 * c_i * k_h * k_w - 1)  # multiplications + additions", R),
    (FO, f"{MULTS} MACs", UC),
    (FO, "c_o m_h m_w (2 c_i k_h k_w - 1) FLOPs", R),
    (FO, f"2 {MULTS} FLOPs", UC),
    (BO, f"MACs = 2 {MULTS}", UC),
    (PW, "c_o c_i ((h + p_h - 1)//s_h + 1) ((w + p_w - 1)//s_w + 1) MACs", UC),
    (FM, f"{MULTS} MACs", R),
    (FA, f"{MULTS} MACs", UC),
]


(
    test_a_wrong_answer_in_a_new_form_is_never_accepted,
    test_a_right_answer_in_the_same_form_still_reads,
    test_grade_gives_the_same_verdicts,
) = review_tests(WRONG, STILL_READ)


def _at_layer(question: str, conventions: tuple = ()) -> str:
    """The number ``question`` asks at the practice page's layer: the key's, or under
    exactly ``conventions`` the catalogue's variant's there."""
    variants = practice_class()
    (student,) = variants.students
    if not conventions:
        return str(next(k.value for k in student.key if k.question == question))
    found = _variant_values(question, student, variants.padding)
    return str(next(v for variant, v in found if variant.conventions == conventions))


# (question, answer with {n}: the number at the layer, conventions it is under, verdict)
NUMBERS = [
    (OH, "{n} columns", (), N),
    (OH, "{n} 列", (), N),
    (OW, "{n} rows", (), N),
    (OH, "m_w = {n}", (), N),
    (OH, "the output width is {n}", (), N),
    (OH, "padded height = {n}", (), N),
    (OH, "W_out = {n}", (), N),
    (OH, "width = {n}", (), N),
    (OH, "宽度为 {n}", (), N),
    (FM, "{n} additions", (), N),
    (FM, "{n} 次加法", (), N),
    (FA, "{n} multiplications", (), N),
    (FO, "{n} multiplications", ("flops",), N),
    (FO, "{n} MACs", (), W),  # (cf44fa7's MACs of the exact count, at the layer)
    (FMEM, "{n} elements", ("bytes_float32",), W),
    (FMEM, "{n} 个", ("bytes_float32",), W),
    # the same forms, right
    (OH, "{n} rows", (), R),
    (OH, "{n} 行", (), R),
    (OH, "{n} px", (), R),
    (OW, "{n} columns", (), R),
    (OH, "m_h = {n}", (), R),
    (OH, "H_out = {n}", (), R),
    (OH, "output height = {n}", (), R),
    (OH, "高度为 {n}", (), R),
    (FM, "{n} multiplications", (), R),
    (FM, "{n} 次乘法", (), R),
    (FA, "{n} additions", (), R),
    (FO, "{n} FLOPs", ("flops",), UC),
    (FO, "{n} MACs", ("macs",), UC),
    (FMEM, "{n} elements", (), R),
    (FMEM, "{n} 个", (), R),
    (FMEM, "{n} bytes", ("bytes_float32",), UC),
]


@pytest.mark.parametrize("question, answer, conventions, verdict", NUMBERS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_number_is_judged_with_the_words_said_with_it(
    question, answer, conventions, verdict, lang
):
    said = answer.format(n=_at_layer(question, conventions))
    got = json.loads(answer_at(question, said, lang))
    assert got["verdict"] == verdict, (said, got)
    assert got["feedback"]
