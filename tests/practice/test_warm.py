"""The snapshot's warm-up (``browser.warm_all``) answers in one language only: answers in
the other language then load and build nothing more.  Measured in a fresh interpreter by
the Python calls a pass of answers makes (``sys.setprofile``): every question's reference
and each of ``WARM_ANSWERS``, and the numeric questions' number and formula, all in the
language warm_all did not answer in.  After warm_all the first such pass makes exactly as
many calls as a second one (nothing was left to load or build); after only the
derivations (``warm_steps``: the control) the first makes more, so the count sees what a
first answer would load."""

import json
import subprocess
import sys

import pytest

from derivations.practice import browser, numbers
from derivations.practice.browser import WARM_INFERRED, WARM_LANG

_PASSES = """
import json, sys
from derivations.practice.browser import warm, warm_all, warm_answers, warm_steps

LANG = {lang!r}
calls = 0


def count(frame, event, arg):
    global calls
    if event == "call":
        calls += 1


def counted():
    global calls
    calls = 0
    sys.setprofile(count)
    try:
        warm_answers(LANG)
    finally:
        sys.setprofile(None)
    return calls


if {whole!r}:
    warm_all()
else:
    for step in warm_steps():
        warm(step)
print(json.dumps([counted(), counted()]))
"""


@pytest.mark.parametrize("whole", [True, False], ids=["warm_all", "derivations only"])
def test_answers_in_the_other_language_load_nothing_more(whole, tmp_path):
    other = {"en": "zh", "zh": "en"}[WARM_LANG]
    script = _PASSES.format(lang=other, whole=whole)
    env = {"DERIVATIONS_CACHE": str(tmp_path / "cache"), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    first, second = json.loads(done.stdout.strip().splitlines()[-1])
    if whole:
        assert first == second, (first, second)
    else:
        assert first > second * 1.05, (first, second)


def test_an_unknown_letter_is_answered_to_one_question_only(monkeypatch):
    """Of the warm-up's answers, those with a letter the question does not name (the
    checker infers it and checks each of its readings on layers of their own, whose
    values the snapshot keeps) go to :data:`WARM_INFERRED`'s question alone; to every
    question they kept 27,594 value lists, 60% of the snapshot's memory."""
    from derivations.checking.checker import symbols_allowed
    from derivations.checking.deciding.catalogue import entry
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.parse import parse_answer

    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(browser, "answer", lambda qid, text, lang: sent.append((qid, text)))
    monkeypatch.setattr(numbers, "answer_at", lambda qid, text, lang: None)
    browser.warm_answers(WARM_LANG)
    unknown = set()
    for qid, text in sent:
        try:
            symbols = parse_answer(text).symbols
        except InvalidAnswer:  # the unreadable ones
            continue
        if symbols - symbols_allowed(entry(qid)):
            unknown.add(qid)
    assert unknown == {WARM_INFERRED[0]}
    assert len({qid for qid, _ in sent}) > 10  # every question was answered
