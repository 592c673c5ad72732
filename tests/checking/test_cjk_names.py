"""Issue 21, names in Japanese and Korean (the parts record's words, as Deep Learning from
Scratch's Japanese and Korean editions name im2col's arguments): a name of parts in kana
(``入力サイズ``, ``フィルターの高さ``) or in Hangul with its words apart (``필터 크기``,
``입력 채널 수``), a parameter's word alone (``パディング``, ``스트라이드``).  Every answer
below is our own, through ``check`` and ``grade``, feedback in both languages; wrong ones
are never accepted."""

from tests.checking.rows import Table, graded_rows, never_accepted_test, read_as

# (question, answer, verdict, {written: read} or None)
ROWS = [
    (
        "output-height",
        "出力サイズ = (入力サイズ + 2×パディング − フィルタサイズ) / ストライド + 1",
        "equivalent_under_convention",
        {"入力サイズ": "h", "フィルタサイズ": "k", "パディング": "p", "ストライド": "s"},
    ),
    (
        "output-height",
        "(入力の高さ + パディング − カーネルの高さ) // ストライド + 1",
        "equivalent_under_convention",
        {"カーネルの高さ": "k_h"},
    ),
    (
        "forward-mults",
        "出力チャンネル数 × 入力チャンネル数 × フィルターの高さ × フィルターの横幅 × 出力の高さ × 出力の幅",
        "equivalent",
        {"出力チャンネル数": "c_o", "フィルターの横幅": "k_w"},
    ),
    (
        "output-height",
        "출력 크기 = (입력 크기 + 2 × 패딩 − 필터 크기) / 스트라이드 + 1",
        "equivalent_under_convention",
        {"입력 크기": "h", "필터 크기": "k", "패딩": "p"},
    ),
    (
        "forward-mults",
        "출력 채널 수 × 입력 채널 수 × 커널 높이 × 커널 너비 × 출력 높이 × 출력 너비",
        "equivalent",
        {"입력 채널 수": "c_i", "커널 너비": "k_w"},
    ),
    ("bias-size", "필터 개수", "equivalent", {"필터 개수": "c_o"}),
    # wrong, read the same way
    ("output-height", "(入力サイズ − フィルタサイズ) / ストライド + 1", "not_equivalent", None),
    (
        "forward-mults",
        "입력 채널 수 × 커널 높이 × 커널 너비 × 출력 높이 × 출력 너비",
        "not_equivalent",
        None,
    ),
    # a word of no one quantity stays unread
    ("bias-size", "채널", "invalid_input", None),
]


TABLE = Table("question, answer, verdict, read", ROWS)
test_japanese_and_korean_names_are_read_by_their_parts = TABLE.check_test(also=read_as)


NEVER_ACCEPTED = [
    ("output-height", "(入力サイズ + パディング) / ストライド + 1"),
    ("output-height", "(입력 크기 − 필터 크기) / 스트라이드 + 1"),
    (
        "forward-mults",
        "出力チャンネル数 × フィルターの高さ × フィルターの横幅 × 出力の高さ × 出力の幅",
    ),
    ("bias-size", "입력 채널 수"),
]


test_a_wrong_answer_in_such_names_is_never_accepted = never_accepted_test(NEVER_ACCEPTED)


def test_grade_reads_such_names_in_both_languages():
    pairs = [("bias-size", "필터 개수"), ("bias-size", "입력 채널 수")]
    for lang in ("en", "zh"):
        graded = graded_rows(pairs, lang)
        assert [r["verdict"] for r in graded] == ["equivalent", "not_equivalent"]
