"""s17rev F18: a factor said of a decrease, or of a speed or a price (``4 times faster``,
``快4倍``, ``в 4 раза дешевле``, ``уменьшается в 4 раза``, ``4倍速い``, ``4배 빠르다``), was
read as the growth of the computation: no language's hedge words held "faster" or
"cheaper", and the Russian ones were stems matched as whole words, so no inflected form
matched.  Now :data:`.languages.HEDGE_STEMS` holds the beginnings of those words in
every language the reader reads, matched whatever their ending, and the sentence is
refused; "N times as many" in each language (its twins) keeps its reading.  (German
sentences of these words were refused before too, as words the reader does not know:
guards.)"""

from __future__ import annotations

from tests.checking.rows import Table, classes_test, guard

C, W, N = "equivalent_under_convention", "not_equivalent", "invalid_input"
DC = "double-channels"

CLASSES = {
    "a factor of speed or price": [
        (DC, "4 times faster", N),
        (DC, "4 times cheaper", N),
        (DC, "4 times quicker", N),
        (DC, "a 4x speedup", N),
        (DC, "快4倍", N),
        (DC, "快 4 倍", N),
        (DC, "便宜4倍", N),
        (DC, "慢4倍", N),
        (DC, "4 fois plus vite", N),
        (DC, "4 veces más barato", N),
        (DC, "4 vezes mais barato", N),
        (DC, "в 4 раза медленнее", N),
        (DC, "rẻ hơn gấp 4 lần", N),
        (DC, "4倍安い", N),
        (DC, "4배 저렴하다", N),
        guard(DC, "4-mal schneller", N),
        guard(DC, "4-mal billiger", N),
        (DC, "4 fois plus rapide", N),
        (DC, "4 veces más rápido", N),
        (DC, "4 vezes mais rápido", N),
        (DC, "в 4 раза быстрее", N),
        (DC, "в 4 раза дешевле", N),
        (DC, "nhanh gấp 4 lần", N),
        (DC, "4倍速い", N),
        (DC, "4배 빠르다", N),
        (DC, "4배 빨라진다", N),
        guard(DC, "4 times slower", N),
        guard(DC, "4 times", C),
        guard(DC, "4 times more", C),
        guard(DC, "4倍", C),
        guard(DC, "增加到4倍", C),
        guard(DC, "4-mal mehr", C),
        guard(DC, "4 fois plus", C),
        guard(DC, "4 veces más", C),
        guard(DC, "4 vezes mais", C),
        guard(DC, "в 4 раза больше", C),
        guard(DC, "gấp 4 lần", C),
        guard(DC, "4倍になる", C),
        guard(DC, "4배", C),
        guard(DC, "5 times more", W),
        guard(DC, "в 5 раз больше", W),
    ],
    "a decrease in any of its forms": [
        (DC, "уменьшается в 4 раза", N),
        (DC, "сокращается в 4 раза", N),
        (DC, "вычисления уменьшаются в 4 раза", N),
        (DC, "снижается в 4 раза", N),
        (DC, "половина от 4 раз", N),
        guard(DC, "verringern sich 4-mal", N),
        (DC, "4 fois réduite", N),
        (DC, "disminuyen 4 veces", N),
        (DC, "reduzem 4 vezes", N),
        (DC, "4배 줄었다", N),
        guard(DC, "4 times smaller", N),
        guard(DC, "减少4倍", N),
        guard(DC, "увеличивается в 4 раза", C),
        guard(DC, "вычисления увеличиваются в 4 раза", C),
        guard(DC, "4 fois plus de calculs", C),
        guard(DC, "4배 증가", C),
        guard(DC, "увеличивается в 5 раз", W),
        guard(DC, "增加到5倍", W),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict", ROWS, symbolic=False)
test_each_is_read = TABLE.check_test()
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4, ascii=6)
