"""The sentences around a formula read alike in every language learners write (issue 21,
s17lang): the words that bound a count (``au moins``, ``以上``, ``이상``), deny it
(``ce n'est pas``, ``ではありません``, ``아닙니다``), say it is per one of the layer's parts
(``pro Filter``, ``フィルタごと``, ``на каждый фильтр``), multiply it (``die Hälfte von``,
``el doble de``, ``gấp đôi``) or name another pass or the parameters (``für die
Rückwärtsrichtung``, ``tham số``) keep the formula they stand beside from being accepted,
in German, French, Spanish, Portuguese, Russian, Vietnamese, Japanese and Korean as in
English and Chinese; a sentence that says the formula is the count asked is read.

Each language's words are data (:mod:`derivations.checking.reading.languages`: one table a
concept, each with its source); the rows are our own.  Every wrong twin here was accepted
as right on main before this change (fails on main: the 36 rows not marked guard); the right rows are
guards (read before, read still)."""

from __future__ import annotations

import pytest

from tests.checking.rows import RIGHT, Table, guard

M = "c_i k_h k_w c_o m_h m_w"  # the forward multiplications, the book's letters
H = "(h - k_h + p_h + s_h)/s_h"  # the output height, a true division
REFUSED = "invalid_input"
LANGUAGES = ("de", "fr", "es", "pt", "ru", "vi", "ja", "ko")

ROWS = [
    # a bound before or after the count (LEAD_BOUNDS, TRAIL_BOUNDS)
    ("de", "bound", "forward-mults", f"weniger als {M}", REFUSED),
    ("de", "bound", "forward-mults", f"{M} oder mehr", REFUSED),
    ("fr", "bound", "forward-mults", f"au moins {M}", REFUSED),
    ("fr", "bound", "forward-mults", f"plus de {M}", REFUSED),
    ("fr", "bound", "forward-mults", f"{M} ou plus", REFUSED),
    ("es", "bound", "forward-mults", f"al menos {M}", REFUSED),
    ("es", "bound", "forward-mults", f"como máximo {M}", REFUSED),
    ("es", "bound", "forward-mults", f"más de {M}", REFUSED),
    ("pt", "bound", "forward-mults", f"pelo menos {M}", REFUSED),
    ("pt", "bound", "forward-mults", f"mais de {M}", REFUSED),
    ("vi", "bound", "forward-mults", f"tối đa {M}", REFUSED),
    guard("ru", "bound", "forward-mults", f"не менее {M}", REFUSED),
    guard("ja", "bound", "forward-mults", f"{M}以上", REFUSED),
    guard("ko", "bound", "forward-mults", f"{M} 이상", REFUSED),
    # a negation in the sentence (LEAD_NEGATIONS, read inside a Japanese or Korean word)
    ("fr", "negation", "forward-mults", f"ce n'est pas {M}", REFUSED),
    ("fr", "negation", "forward-mults", f"ce n’est pas {M}", REFUSED),
    ("pt", "negation", "forward-mults", f"não é {M}", REFUSED),
    ("ja", "negation", "forward-mults", f"乗算回数は{M}ではない", REFUSED),
    ("ja", "negation", "forward-mults", f"{M}ではありません", REFUSED),
    ("ja", "negation", "forward-mults", f"{M}じゃない", REFUSED),
    ("ko", "negation", "forward-mults", f"{M}이 아닙니다", REFUSED),
    ("ko", "negation", "forward-mults", f"{M}가 아니다", REFUSED),
    guard(
        "de", "negation", "forward-mults", f"Die Anzahl der Multiplikationen ist nicht {M}", REFUSED
    ),
    guard("es", "negation", "forward-mults", f"no es {M}", REFUSED),
    guard("ru", "negation", "forward-mults", f"это не {M}", REFUSED),
    guard("vi", "negation", "forward-mults", f"không phải {M}", REFUSED),
    # the count said per one of the layer's parts (PER_WORDS, PER_UNITS, PER_AFTER)
    ("de", "per", "forward-mults", f"{M} pro Filter", REFUSED),
    ("de", "per", "forward-mults", f"{M} je Ausgabekanal", REFUSED),
    ("fr", "per", "forward-mults", f"{M} par filtre", REFUSED),
    ("ru", "per", "forward-mults", f"{M} на каждый фильтр", REFUSED),
    ("ja", "per", "forward-mults", f"{M} フィルタごと", REFUSED),
    guard("es", "per", "bias-size", "c_o por grupo", REFUSED),
    guard("ko", "per", "bias-size", "c_o 그룹마다", REFUSED),
    guard("vi", "per", "bias-size", "c_o mỗi nhóm", REFUSED),
    guard("pt", "per", "bias-size", "c_o por grupo", REFUSED),
    # a multiplier in words beside it (MULTIPLIER_WORDS)
    ("de", "multiplier", "forward-mults", f"die Hälfte von {M}", REFUSED),
    ("fr", "multiplier", "forward-mults", f"la moitié de {M}", REFUSED),
    ("es", "multiplier", "forward-mults", f"el doble de {M}", REFUSED),
    ("pt", "multiplier", "forward-mults", f"o dobro de {M}", REFUSED),
    ("ru", "multiplier", "forward-mults", f"вдвое больше {M}", REFUSED),
    ("vi", "multiplier", "forward-mults", f"gấp đôi {M}", REFUSED),
    guard("ja", "multiplier", "forward-mults", f"{M}の2倍", REFUSED),
    guard("ko", "multiplier", "forward-mults", f"{M}의 두 배", REFUSED),
    # another pass, the parameters (PASS_WORDS, PARAMETER_WORDS)
    ("de", "other", "forward-mults", f"{M} für die Rückwärtsrichtung", REFUSED),
    ("ja", "other", "forward-mults", f"逆伝播の乗算回数は{M}", REFUSED),
    ("vi", "other", "forward-mults", f"{M} tham số", REFUSED),
    ("en", "other", "forward-mults", f"backward multiplications: {M}", REFUSED),
    ("zh", "other", "forward-mults", f"反向传播的乘法次数为{M}", REFUSED),
    ("ko", "other", "forward-mults", f"역전파의 곱셈 횟수는 {M}입니다", REFUSED),
    # right: the sentence says the formula is the count asked
    guard("de", "right", "forward-mults", f"Die Anzahl der Multiplikationen ist {M}", "equivalent"),
    guard("de", "right", "forward-mults", f"Anzahl der Multiplikationen: {M}", "equivalent"),
    guard("ja", "right", "forward-mults", f"乗算回数は{M}です", "equivalent"),
    guard("ja", "right", "forward-mults", f"{M} 回の乗算", "equivalent"),
    guard("ko", "right", "forward-mults", f"곱셈 횟수는 {M}입니다", "equivalent"),
    guard("ko", "right", "forward-mults", f"{M}번의 곱셈", "equivalent"),
    guard("fr", "right", "forward-mults", f"{M} multiplications", "equivalent"),
    guard("vi", "right", "forward-mults", f"{M} phép nhân", "equivalent"),
    guard("fr", "right", "bias-size", "un biais par filtre", "equivalent"),
    guard("es", "right", "bias-size", "un sesgo por cada canal de salida", "equivalent"),
    guard("pt", "right", "bias-size", "cada filtro tem seu próprio viés", "equivalent"),
    guard("de", "right", "bias-size", "jeder Filter hat seinen eigenen Bias", "equivalent"),
    guard(
        "de", "right", "output-height", f"Die Ausgabehöhe ist {H}", "equivalent_under_convention"
    ),
    guard(
        "fr",
        "right",
        "output-height",
        f"La hauteur de sortie est {H}",
        "equivalent_under_convention",
    ),
    guard(
        "ru", "right", "output-height", f"Высота выхода равна {H}", "equivalent_under_convention"
    ),
    guard(
        "vi", "right", "output-height", f"chiều cao đầu ra là {H}", "equivalent_under_convention"
    ),
    guard("ja", "right", "output-height", f"出力の高さは{H} です", "equivalent_under_convention"),
    guard("de", "right", "bias-size", "c_o (ein Bias pro Filter)", "equivalent"),
    guard("fr", "right", "bias-size", "c_o (un biais par filtre)", "equivalent"),
]

TABLE = Table("lang, concept, question, answer, verdict", ROWS, symbolic=False)
test_each_sentence_is_read_or_refused = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()


def test_every_language_has_a_wrong_twin_refused_and_a_right_sentence_read():
    """Each language of the family has its refused twins and its right sentences."""
    for lang in LANGUAGES:
        verdicts = {row[4] for row in ROWS if row[0] == lang}
        assert REFUSED in verdicts and verdicts & set(RIGHT), lang


@pytest.mark.parametrize("concept", ["bound", "negation", "per", "multiplier"])
def test_every_guard_concept_holds_every_language(concept):
    """The words of each guard are there in every language of the family."""
    said = {row[0] for row in ROWS if row[1] == concept}
    assert set(LANGUAGES) <= said, sorted(set(LANGUAGES) - said)
