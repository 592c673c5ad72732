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

from derivations.practice.browser import WARM_LANG

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
