"""The language data of :mod:`derivations.checking.reading.languages` and its one pattern
builder, :func:`~derivations.checking.reading.languages.words_pattern`.

- A word of a language that spaces its words matches whole where the caller asks for a
  bound (``per`` in ``per filter``, not in ``hyper``); a Chinese word anywhere (``每`` in
  ``每个``). The bound patterns of around.py and informal.py (s15's D6) and checker's rate
  words are built by it.
- The words a record shares with the registries say the same thing there: the tensors a
  gradient label names (:data:`GRADIENT_TENSORS`) are the parts record's input, output
  and kernel words, the bias's the bias words; the held parameters' words
  (:data:`HELD_PARAMETER_WORDS`) are those of ``registry/notations.py``'s ``HELD``."""

from __future__ import annotations

import re

import pytest

from derivations.checking.reading.languages import (
    BIAS_WORDS,
    GRADIENT_TENSORS,
    HELD_PARAMETER_WORDS,
    LETTER,
    words_pattern,
)
from derivations.registry import notations

# (words, before, after, text, what the first match is: None for no match)
BOUNDS = [
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "one per filter", "per"),
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "hyperparameter", None),
    (("per", "每"), "", "", "hyperparameter", "per"),
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "每个卷积核", "每"),
    # the Latin class leaves a letter of another script beside the word
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "每per个", "每"),
    (("less than",), LETTER, "", "小于less than", None),
    (("less than",), "[A-Za-z]", "", "小于less than", "less than"),
    (("less than",), LETTER, "", "less   than 4", "less   than"),
    (("at most", "at the most"), "", LETTER, "at the most 4", "at the most"),
    (("or more",), "", LETTER, "or moreover", None),
]


@pytest.mark.parametrize("words, before, after, text, found", BOUNDS)
def test_words_match_whole_where_bounded(words, before, after, text, found):
    match = re.search(words_pattern(*words, before=before, after=after), text)
    assert (match.group() if match else None) == found


def test_gradient_tensors_are_the_parts_records():
    parts = notations.name_parts()
    roles = {"x": "input", "y": "output"}
    for tensor, role in roles.items():
        for word in GRADIENT_TENSORS[tensor]:
            assert parts.get(word.lower()) == role, (tensor, word)
    bias = {*BIAS_WORDS["en"], *BIAS_WORDS["zh"]}
    assert set(GRADIENT_TENSORS["b"]) == bias
    kernel = [w for w in GRADIENT_TENSORS["w"] if parts.get(w.lower()) == "kernel"]
    assert kernel, "the kernel's words name the weights' gradient"


def test_held_parameter_words_are_the_held_parameters():
    assert set(HELD_PARAMETER_WORDS) == set(notations.HELD.values())
