"""The derivations shipped prebuilt with the package (``derivations/prebuilt/checking``).

They can only make a first ``check`` faster, never change a result: the committed files
equal a fresh derivation (so they cannot go stale), verdicts over the whole question
catalogue are the same with them as with a fresh derivation, and a file that does not
match (other sources, a payload outside the schema) is never used: the entry is derived
instead.  (How the store reads package data: tests/core/test_store.py.)
"""

import json
import shutil

import pytest

from derivations import store
from derivations.checking import checker
from derivations.checking.deciding import catalogue
from derivations.checking.explaining.present import show
from derivations.registry.questions import QUESTIONS, question

REGENERATE = "python -m derivations questions --write-prebuilt (then commit derivations/prebuilt)"


@pytest.fixture(scope="module")
def derived() -> dict:
    """Every question derived now with SymPy: the independent side of each comparison."""
    return {qid: catalogue.fresh(qid) for qid in QUESTIONS}


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """An empty cache and key folder, a copy of the package's prebuilt folder to tamper
    with (the package the store reads), and the per-process memos cleared."""
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "package" / "prebuilt" / "checking"
    shutil.copytree(catalogue.STORE.prebuilt_directory(), folder)
    monkeypatch.setattr(store, "package_files", lambda: tmp_path / "package")
    monkeypatch.setattr(store, "_warned", set())
    store._secret.cache_clear()
    catalogue.entry.cache_clear()
    yield folder
    store._secret.cache_clear()
    catalogue.entry.cache_clear()


def _prebuilt(qid: str):
    return catalogue.STORE.prebuilt(qid, catalogue._from_data)


def _file(qid: str, data: dict) -> bytes:
    return catalogue.STORE.prebuilt_file(qid, catalogue._to_data(data))


def _entry(qid: str, data: dict) -> catalogue.Entry:
    return catalogue.Entry(
        question(qid),
        data["variants"],
        data["display_text"],
        data["display_latex"],
        data["expanded_text"],
        tuple(data["definitions"]),
    )


def test_the_committed_prebuilt_files_equal_a_fresh_derivation(derived):
    folder = catalogue.STORE.prebuilt_directory()
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(QUESTIONS), REGENERATE
    for qid, data in derived.items():
        committed = (folder / f"{qid}.json").read_bytes()
        assert committed == _file(qid, data), f"{qid} is stale: {REGENERATE}"


def test_a_change_of_sources_makes_the_committed_files_stale(derived):
    """The comparison above can fail: under other sources the committed bytes differ
    from what would be written, and the store no longer uses them."""
    edited = store.Kind("checking", (*catalogue.SOURCES, "numbers.py"))
    committed = (catalogue.STORE.prebuilt_directory() / "bias-size.json").read_bytes()
    assert committed != edited.prebuilt_file("bias-size", catalogue._to_data(derived["bias-size"]))
    assert edited.prebuilt("bias-size", catalogue._from_data) is None
    assert _prebuilt("bias-size") is not None


def test_the_key_is_the_derivation_sources_alone():
    """No library version: the entries derived under the pinned SymPy are used where
    SymPy is absent (tests/checking/test_checking_store.py runs it so)."""
    assert catalogue.STORE.libraries == ()
    header = catalogue.STORE.prebuilt_file("x", 0).partition(b"\n")[0]
    assert json.loads(header)["source"] == catalogue.STORE.source


def _answers(data: dict) -> list[str]:
    """Answers to try: the reference, the first assumption variants, one variant of each
    misconception (written as the checker prints them), and a few plain wrong ones."""
    variants = data["variants"]
    chosen = list(variants[:6])
    seen = set()
    for variant in variants:
        if variant.misconception and variant.misconception not in seen:
            seen.add(variant.misconception)
            chosen.append(variant)
    return [show(v.tree)[0] for v in chosen] + ["c_o", "h*w + 1", "2", "k_1*k_2 + 1"]


def _verdicts(qid: str, entry: catalogue.Entry, answers, monkeypatch) -> list[dict]:
    monkeypatch.setattr(checker, "catalogue_entry", lambda _: entry)
    results = [checker.check(qid, answer, symbolic=False) for answer in answers]
    assert not any(r.budget_hit for r in results)
    return [r.as_dict() for r in results]


def test_verdicts_with_the_prebuilt_data_equal_verdicts_from_a_fresh_derivation(
    derived, isolated, monkeypatch
):
    compared = 0
    for qid, data in derived.items():
        prebuilt = _prebuilt(qid)
        assert prebuilt is not None, f"{qid}: the committed file is not used: {REGENERATE}"
        answers = _answers(data)
        with monkeypatch.context() as patch:
            from_prebuilt = _verdicts(qid, _entry(qid, prebuilt), answers, patch)
            from_fresh = _verdicts(qid, _entry(qid, data), answers, patch)
        assert from_prebuilt == from_fresh, qid
        compared += len(answers)
        assert {r["verdict"] for r in from_fresh} >= {"equivalent", "not_equivalent"}, qid
    assert compared > 150


def test_the_verdict_comparison_sees_a_changed_reference(derived, monkeypatch):
    """The comparison above can fail: an entry whose reference is another variant
    (a misconception) gives other verdicts."""
    data = derived["forward-mults"]
    wrong = next(v for v in data["variants"] if v.misconception)
    changed = {**data, "variants": (wrong, *data["variants"][1:])}
    answers = _answers(data)
    assert _verdicts("forward-mults", _entry("forward-mults", changed), answers, monkeypatch) != (
        _verdicts("forward-mults", _entry("forward-mults", data), answers, monkeypatch)
    )


def _no_derivation(qid):
    raise AssertionError(f"{qid} derived although prebuilt")


def test_a_matching_prebuilt_file_is_used_without_deriving_or_copying(
    derived, isolated, monkeypatch, capsys
):
    monkeypatch.setattr(catalogue, "fresh", _no_derivation)
    assert catalogue.cached("double-padding")
    data = catalogue._load("double-padding")
    assert _entry("double-padding", data) == _entry("double-padding", derived["double-padding"])
    assert not catalogue.STORE.path("double-padding").exists()  # package data, read in place
    assert checker.check("double-padding", "2").verdict == "not_equivalent"
    assert capsys.readouterr().err == ""


def _rewrite(folder, qid, header=lambda h: h, payload=lambda p: p) -> None:
    path = folder / f"{qid}.json"
    head, _, rest = path.read_bytes().partition(b"\n")
    lines = (header(json.loads(head)), payload(json.loads(rest)))
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


REFUSED = {
    "for other sources": ({"header": lambda h: {**h, "source": "0" * 64}}, ""),
    "a payload outside the schema": (
        {"payload": lambda p: {**p, "variants": [["num", "1"]]}},
        "variant: wrong fields",
    ),
    "another question's entry": ({"header": lambda h: {**h, "name": "output-width"}}, "name"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_prebuilt_file_that_does_not_match_is_never_used(case, derived, isolated, capsys):
    change, why = REFUSED[case]
    _rewrite(isolated, "bias-size", **change)
    assert _prebuilt("bias-size") is None
    err = capsys.readouterr().err
    assert (err.count("\n") == 1 and why in err) if why else err == "", err
    data = catalogue._load("bias-size")  # derived instead
    assert _entry("bias-size", data) == _entry("bias-size", derived["bias-size"])
    assert checker.check("bias-size", "c_o").verdict == "equivalent"
    assert checker.check("bias-size", "h").verdict == "not_equivalent"


def test_a_missing_prebuilt_file_is_derived(derived, isolated, capsys):
    (isolated / "bias-size.json").unlink()
    assert _prebuilt("bias-size") is None and capsys.readouterr().err == ""
    data = catalogue._load("bias-size")
    assert _entry("bias-size", data) == _entry("bias-size", derived["bias-size"])


def _private_cache(tmp_path, monkeypatch) -> None:
    """An empty cache and key folder of the test's own (never the user's ~/.cache)."""
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_write_prebuilt_writes_every_question_and_removes_stale_files(tmp_path, monkeypatch):
    _private_cache(tmp_path, monkeypatch)
    monkeypatch.setattr(catalogue, "fresh", lambda qid: catalogue._load(qid))
    (tmp_path / "no-such-question.json").write_text("{}")
    written = catalogue.write_prebuilt(tmp_path)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(QUESTIONS)
    assert written == sorted(tmp_path / f"{qid}.json" for qid in QUESTIONS)
    for path in written:
        committed = catalogue.STORE.prebuilt_directory() / path.name
        assert path.read_bytes() == committed.read_bytes()


def test_the_command_writes_the_prebuilt_files(tmp_path, monkeypatch, capsys):
    from derivations.cli import main

    _private_cache(tmp_path / "private", monkeypatch)
    monkeypatch.setattr(catalogue, "fresh", lambda qid: catalogue._load(qid))
    assert main(["questions", "--write-prebuilt", str(tmp_path), "--lang", "zh"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"已将 {len(QUESTIONS)} 个预先推导的结果写入 {tmp_path}"
    assert err.count("\n") == len(QUESTIONS)  # one progress line per question
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(QUESTIONS)


def test_questions_build_derives_only_what_is_neither_prebuilt_nor_cached(
    isolated, monkeypatch, capsys
):
    from derivations.cli import main

    derive = catalogue.fresh
    derived: list[str] = []

    def counted(qid):
        derived.append(qid)
        return derive(qid)

    monkeypatch.setattr(catalogue, "fresh", counted)
    assert main(["questions", "--build"]) == 0
    assert derived == [] and "first use" not in capsys.readouterr().err
    (isolated / "bias-size.json").unlink()
    assert main(["questions", "--build"]) == 0
    assert derived == ["bias-size"] and capsys.readouterr().err.count("first use") == 1
