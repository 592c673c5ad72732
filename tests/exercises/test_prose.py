"""One formatting path for the sheets' prose (issue 25): every sentence of an exercise
is a keyed entry of ``exercises/prose/<module>.yaml`` filled by ``say`` through the
strict ``fill`` (a missing or unknown field, an unknown key: a keyed error); the
modules write no sentence of their own (``text(...)`` only in figure captions, which
the figures own).  The scan of every generated file for a leftover field is
``tests/docs/test_sheet_claims.py::test_no_generated_file_holds_an_unfilled_field``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from derivations.errors import DerivationError
from derivations.exercises.prose import prose_file, say

EXERCISES = Path(__file__).resolve().parents[2] / "derivations" / "exercises"
MODULES = sorted(p.stem for p in (EXERCISES / "prose").glob("*.yaml"))
SHEETS = sorted(
    p.stem
    for p in EXERCISES.glob("*.py")
    if re.search(r"^def build\(\)", p.read_text(encoding="utf-8"), flags=re.M)
)


def _calls(module: str, name: str) -> list[tuple[ast.Call, bool]]:
    """Every call of ``name`` in ``exercises/<module>.py``, and whether it is inside a
    ``figure(...)`` call."""
    tree = ast.parse((EXERCISES / f"{module}.py").read_text(encoding="utf-8"))
    in_figure = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "figure"
        for inner in ast.walk(node)
    }
    return [
        (node, id(node) in in_figure)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name
    ]


def test_every_sheet_has_its_prose_catalogue():
    assert SHEETS == MODULES
    assert len(SHEETS) == 9


@pytest.mark.parametrize("module", SHEETS)
def test_a_sheet_says_its_sentences_by_key_only(module):
    outside = [call.lineno for call, in_figure in _calls(module, "text") if not in_figure]
    assert outside == [], f"exercises/{module}.py writes prose itself at lines {outside}"
    assert len(_calls(module, "say")) >= 10


@pytest.mark.parametrize("module", SHEETS)
def test_every_key_said_exists_and_every_entry_is_said(module):
    catalogue = prose_file(module)
    said, prefixes = set(), []
    for call, _ in _calls(module, "say"):
        first = call.args[0]
        if isinstance(first, ast.Constant):
            said.add(first.value)
        elif isinstance(first, ast.JoinedStr):  # say(f"networks.kind_{kind}")
            prefixes.append(first.values[0].value)
    assert said - set(catalogue) == set()
    unsaid = [k for k in catalogue if k not in said and not k.startswith(tuple(prefixes) or "\0")]
    assert unsaid == []
    for key, texts in catalogue.items():
        assert key.startswith(f"{module}."), key
        # Chinese, or words that stay as they are (names, FLOPs, MACs): never an
        # English sentence left untranslated
        words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\$[^$]*\$|`[^`]*`|\{[^}]*\}", "", texts["zh"]))
        assert re.search(r"[\u4e00-\u9fff]", texts["zh"]) or len(words) < 4, key


def test_say_is_strict():
    with pytest.raises(DerivationError, match=r"field \{smallest\} has no value"):
        say(
            "doubling.how_much_it_can_grow",
            total="2",
            per_side="3",
            p_h=2,
            v_2_p_h=4,
            strided="x",
            below="y",
        )
    with pytest.raises(DerivationError, match="size is not a field"):
        say("doubling.answers", size=56)
    with pytest.raises(DerivationError, match=r"doubling\.no_such_text") as caught:
        say("doubling.no_such_text")
    assert caught.value.key == "exercise.unknown_prose"


def test_a_phrase_in_both_languages_fills_each_with_its_own_words():
    smallest = say("doubling.smallest", h=4, w=4, k=3, total="125.0\\%", per_side="177.8\\%")
    assert "total" in smallest["en"] and "合计" in smallest["zh"]
    shown = say(
        "doubling.how_much_it_can_grow",
        total="t",
        per_side="s",
        smallest=smallest,
        p_h=2,
        v_2_p_h=4,
        strided="x",
        below="y",
    )
    assert smallest["en"] in shown["en"] and smallest["zh"] in shown["zh"]
    assert smallest["zh"] not in shown["en"]
