"""A bias count said as a rate, "one X per Y", is read only where nothing in its sentence
bounds it, says it absent or at times, or makes Y a group (s17rev F1, F4, F13, F14): the
words before its "one" are those :data:`.languages.RATE_LEADS` (``There is``, ``we
learn``, ``Il y a``, ``Hay``, ``Es gibt``) or, inside a longer sentence,
:data:`.languages.RATE_INSIDE_BEFORE` hold, never any word (``at least``, ``more than``,
``without``, ``up to``, ``sometimes``, ``nearly``, ``más de``, ``jusqu'à``); a bound,
"without" or "sometimes" of any language (:data:`.languages.LEAD_BOUNDS`,
:data:`.languages.TRAIL_BOUNDS`, :data:`.languages.RATE_UNSAID`) leaves it unread wherever
it stands (``出力チャネルごとに1つ以上``, ``至少每个输出通道一个偏置``); a number before
Y (:data:`.languages.CARDINALS`: Spanish ``dos``, which the pattern skipped as
Portuguese's "of the") makes it one X for every two Y, no count of Y, and one in X
(``one or two biases``) or a word before X tied to Y (``some biases are associated with
filters``) no count either.

Each language's words are data (:mod:`derivations.checking.reading.languages`); the
rows are our own.  The wrong twins not marked guard were accepted as ``c_o`` on main
before this change (the Portuguese, Russian and Vietnamese ones since s17lang's readings);
the right ones are guards (read before, read still).  A "per" in X (``Each filter has
one bias per input channel``: one for each pair) is read as the product of the two
numbers (c_o c_i, wrong), never as the number of filters."""

from __future__ import annotations

import pytest

from tests.checking.rows import RIGHT, Guard, Table, guard

Q = "bias-size"
REFUSED = "invalid_input"
WRONG = "not_equivalent"
RIGHT_ = "equivalent"
LANGUAGES = ("en", "es", "fr", "de", "pt", "ru", "vi", "zh", "ja", "ko")

ROWS = [
    # a bound before "one" (LEAD_BOUNDS) or after it (TRAIL_BOUNDS, 以上)
    ("en", "bound", "at least one bias per output channel", REFUSED),
    ("en", "bound", "more than one bias per output channel", REFUSED),
    ("en", "bound", "up to one bias per output channel", REFUSED),
    ("en", "bound", "at most one bias per output channel", REFUSED),
    ("en", "bound", "For each filter we learn at least one bias.", REFUSED),
    (
        "en",
        "bound",
        "Therefore, we apply at least one bias value to the entire filter's output, "
        "maintaining the shape.",
        REFUSED,
    ),
    ("es", "bound", "al menos un sesgo por canal de salida", REFUSED),
    ("es", "bound", "más de un sesgo por canal de salida", REFUSED),
    ("es", "bound", "menos de un sesgo por canal de salida", REFUSED),
    ("es", "bound", "hasta un sesgo por canal de salida", REFUSED),
    ("fr", "bound", "au moins un biais par canal de sortie", REFUSED),
    ("fr", "bound", "jusqu'à un biais par canal de sortie", REFUSED),
    ("de", "bound", "mindestens ein Bias pro Filter", REFUSED),
    ("de", "bound", "mehr als ein Bias pro Filter", REFUSED),
    ("pt", "bound", "pelo menos um viés por canal de saída", REFUSED),
    ("pt", "bound", "mais de um viés por canal de saída", REFUSED),
    ("ru", "bound", "по крайней мере одно смещение на каждый выходной канал", REFUSED),
    ("vi", "bound", "ít nhất một hệ số điều chỉnh cho mỗi kênh đầu ra", REFUSED),
    ("vi", "bound", "nhiều hơn một bias cho mỗi kênh đầu ra", REFUSED),
    ("ja", "bound", "出力チャネルごとに1つ以上のバイアス", REFUSED),
    ("zh", "bound", "至少每个输出通道一个偏置", REFUSED),
    ("zh", "bound", "每个输出通道一个以上的偏置", REFUSED),
    ("zh", "bound", "包含偏置项，至少每个输出通道一个偏置", REFUSED),
    guard("ko", "bound", "출력 채널마다 적어도 하나의 편향", REFUSED),
    # another word before "one": an approximation, a word no rate opens with
    ("en", "lead", "nearly one bias per output channel", REFUSED),
    ("en", "lead", "about one bias per output channel", REFUSED),
    ("en", "lead", "almost one bias per output channel", REFUSED),
    # "without" and "sometimes" (RATE_UNSAID), negations (LEAD_NEGATIONS)
    ("en", "unsaid", "without one bias per output channel", REFUSED),
    ("en", "unsaid", "sometimes one bias per output channel", REFUSED),
    ("en", "unsaid", "For each filter we sometimes learn one bias.", REFUSED),
    (
        "en",
        "unsaid",
        "Therefore, we sometimes apply one bias value to the entire filter's output, "
        "maintaining the shape.",
        REFUSED,
    ),
    ("es", "unsaid", "sin un sesgo por canal de salida", REFUSED),
    ("es", "unsaid", "a veces un sesgo por canal de salida", REFUSED),
    ("fr", "unsaid", "sans un biais par canal de sortie", REFUSED),
    ("fr", "unsaid", "parfois un biais par canal de sortie", REFUSED),
    ("de", "unsaid", "ohne einen Bias pro Filter", REFUSED),
    ("de", "unsaid", "manchmal ein Bias pro Filter", REFUSED),
    ("pt", "unsaid", "sem um viés por canal de saída", REFUSED),
    ("pt", "unsaid", "às vezes um viés por canal de saída", REFUSED),
    guard("ru", "unsaid", "без одного смещения на каждый выходной канал", REFUSED),
    ("ru", "unsaid", "иногда одно смещение на каждый выходной канал", REFUSED),
    guard("vi", "unsaid", "không có một hệ số điều chỉnh cho mỗi kênh đầu ra", REFUSED),
    ("vi", "unsaid", "đôi khi một hệ số điều chỉnh cho mỗi kênh đầu ra", REFUSED),
    ("zh", "unsaid", "有时每个输出通道一个偏置", REFUSED),
    ("zh", "unsaid", "包含偏置项，有时每个输出通道一个偏置", REFUSED),
    guard("ja", "unsaid", "出力チャネルごとに時々1つのバイアス", REFUSED),
    guard("ko", "unsaid", "가끔 출력 채널마다 하나의 편향", REFUSED),
    # a number before Y (CARDINALS): one X for every two Y
    ("es", "group", "un sesgo por cada dos canales de salida", REFUSED),
    ("es", "group", "un sesgo por dos canales de salida", REFUSED),
    guard("es", "group", "un sesgo por cada tres canales de salida", REFUSED),
    guard("en", "group", "one bias for every two output channels", REFUSED),
    guard("en", "group", "one bias per pair of output channels", REFUSED),
    guard("fr", "group", "un biais par deux canaux de sortie", REFUSED),
    guard("de", "group", "ein Bias pro zwei Filter", REFUSED),
    guard("pt", "group", "um viés por dois canais de saída", REFUSED),
    guard("pt", "group", "um viés para cada um dos canais de saída", REFUSED),
    guard("ru", "group", "одно смещение на два выходных канала", REFUSED),
    guard("vi", "group", "một hệ số điều chỉnh cho mỗi hai kênh đầu ra", REFUSED),
    guard("zh", "group", "每两个输出通道一个偏置", REFUSED),
    guard("ja", "group", "2つの出力チャネルごとに1つのバイアス", REFUSED),
    guard("ko", "group", "두 출력 채널마다 하나의 편향", REFUSED),
    # "per" inside X (RATE_PER, RATE_EACH_ATTACHED's): a bias for each pair of a filter
    # and an input channel, c_o c_i, read as that product (wrong), or refused where the
    # second Y does not read; never the number of filters (s17rf2's full run accepted it)
    ("en", "pair", "Each filter has one bias per input channel.", WRONG),
    ("en", "pair", "Every kernel has a bias for each input channel", WRONG),
    ("en", "pair", "Each filter has its own bias per input channel.", WRONG),
    ("en", "pair", "For each filter we learn one bias per input channel.", WRONG),
    ("en", "pair", "Each filter has one bias per output channel.", WRONG),
    ("es", "pair", "Cada filtro tiene un sesgo por canal de entrada.", WRONG),
    ("fr", "pair", "Chaque filtre a un biais par canal d'entrée.", REFUSED),
    ("de", "pair", "Jeder Filter hat einen Bias pro Eingabekanal.", REFUSED),
    ("en", "pair", "Each filter has one bias per input channel per position.", REFUSED),
    ("en", "pair", "Each filter has one bias per kernel element.", REFUSED),
    ("zh", "pair", "每个卷积核都有一个每输入通道的偏置", REFUSED),
    ("zh", "pair", "每个卷积核只有一个偏置每个输入通道", REFUSED),
    guard("zh", "pair", "每个卷积核对每个输入通道有一个偏置", REFUSED),
    guard("zh", "pair", "每个卷积核对每个输入通道都有一个偏置", REFUSED),
    guard("ja", "pair", "各フィルタには入力チャネルごとに1つのバイアスがあります", REFUSED),
    guard("en", "pair", "Each filter has one bias.", RIGHT_),
    guard("en", "pair", "Each filter has its own bias.", RIGHT_),
    guard("zh", "pair", "每个卷积核只有一个偏置", RIGHT_),
    # several X, or X tied to Y after a word no rate opens with: no count of Y
    ("en", "several", "two biases are associated with each output channel", REFUSED),
    ("en", "several", "some biases are associated with output channels", REFUSED),
    ("en", "several", "half the biases are associated with output channels", REFUSED),
    ("fr", "several", "les deux biais sont associés aux filtres", REFUSED),
    ("es", "several", "algunos sesgos están asociados a los filtros", REFUSED),
    ("en", "several", "one or two biases per output channel", REFUSED),
    ("es", "several", "un o dos sesgos por canal de salida", REFUSED),
    ("zh", "several", "每个输出通道一个或两个偏置", REFUSED),
    guard(
        "en",
        "right",
        "In practice, biases are associated with filters, and not the activation maps.",
        RIGHT_,
    ),
    guard("fr", "right", "Les biais sont associés aux filtres.", RIGHT_),
    guard("zh", "right", "偏置与卷积核一一对应。", RIGHT_),
    # right: the rate alone, or after a word RATE_LEADS holds
    guard("en", "right", "one bias per output channel", RIGHT_),
    guard("en", "right", "There is one bias per output channel", RIGHT_),
    guard("en", "right", "So there is exactly one bias per output channel", RIGHT_),
    guard("en", "right", "So we need one bias for each of the output channels", RIGHT_),
    guard("en", "right", "we have one bias per output channel", RIGHT_),
    guard("en", "right", "only one bias per output channel", RIGHT_),
    guard("en", "right", "For each filter we also learn one bias.", RIGHT_),
    guard("en", "right", "(I think it is true for one bias per one filter…)", RIGHT_),
    guard(
        "en",
        "right",
        "Therefore, we apply one bias value to the entire filter's output, maintaining the shape.",
        RIGHT_,
    ),
    guard("es", "right", "hay un sesgo por cada canal de salida", RIGHT_),
    guard("pt", "right", "há um viés por canal de saída", RIGHT_),
    guard("ru", "right", "есть одно смещение на каждый выходной канал", RIGHT_),
    guard("vi", "right", "có một hệ số điều chỉnh cho mỗi kênh đầu ra", RIGHT_),
    guard("ko", "right", "출력 채널마다 하나의 편향", RIGHT_),
    guard("es", "right", "un sesgo por cada canal de salida", RIGHT_),
    guard("fr", "right", "il y a exactement un biais par canal de sortie", RIGHT_),
    guard("de", "right", "es gibt einen Bias pro Filter", RIGHT_),
    guard("de", "right", "ein Bias pro Filter", RIGHT_),
    guard("ja", "right", "出力チャネルごとに1つのバイアス", RIGHT_),
    guard("zh", "right", "每个输出通道一个偏置", RIGHT_),
    guard("zh", "right", "包含偏置项，每个输出通道一个偏置", RIGHT_),
]


def _asked(row: tuple) -> tuple:
    """``row`` with the question (bias-size) after its language and concept, a guard
    kept a guard."""
    lang, concept, answer, verdict = row
    asked = (lang, concept, Q, answer, verdict)
    return guard(*asked) if isinstance(row, Guard) else asked


TABLE = Table("lang, concept, question, answer, verdict", [_asked(r) for r in ROWS], symbolic=False)
test_each_rate_sentence_is_read_or_refused = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()


@pytest.mark.parametrize("concept", ["bound", "unsaid", "group"])
def test_every_wrong_concept_has_rows_in_every_language(concept):
    """Each kind of wrong twin has a row in every language of the family."""
    said = {row[0] for row in ROWS if row[1] == concept}
    assert set(LANGUAGES) <= said, sorted(set(LANGUAGES) - said)


def test_every_language_has_a_rate_read():
    """The languages whose rate sentence the reader reads have their right twin read."""
    read = {row[0] for row in ROWS if row[3] in RIGHT}
    assert {"en", "es", "fr", "de", "ja", "zh"} <= read, read


def test_the_tables_every_language_holds_hold_them():
    """Every language of the family has its words for "without"/"sometimes" and its
    numbers (RATE_UNSAID, CARDINALS), and each language that writes a rate with "one"
    and "per" between spaces has its lead words (RATE_LEADS)."""
    from derivations.checking.reading.languages import (
        CARDINALS,
        RATE_LEADS,
        RATE_ONE,
        RATE_UNSAID,
    )

    for lang in LANGUAGES:
        assert RATE_UNSAID.get(lang) and CARDINALS.get(lang), lang
    assert set(RATE_ONE) <= set(RATE_LEADS), sorted(set(RATE_ONE) - set(RATE_LEADS))
