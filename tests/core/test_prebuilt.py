"""The derivations shipped prebuilt with the package (``derivations/prebuilt/checking``).

They can only make a first ``check`` faster, never change a result: the committed files
equal a fresh derivation (so they cannot go stale), verdicts over the whole question
catalogue are the same with them as with a fresh derivation, and a file that does not
match (another key, a changed byte, a bad header, a payload outside the schema, not a
regular file) is never used: the entry is derived instead.
"""

import hashlib
import json
import os

import pytest

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
    """An empty cache and key folder, a copy of the prebuilt folder to tamper with, and
    the per-process memos cleared."""
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "prebuilt"
    folder.mkdir()
    for path in catalogue.prebuilt_directory().glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(catalogue, "prebuilt_directory", lambda: folder)
    monkeypatch.setattr(catalogue, "_warned", [])
    for memo in (catalogue._prebuilt_payload, catalogue._key, catalogue.entry):
        memo.cache_clear()
    yield folder
    for memo in (catalogue._prebuilt_payload, catalogue._key, catalogue.entry):
        memo.cache_clear()


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
    folder = catalogue.prebuilt_directory()
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(QUESTIONS), REGENERATE
    for qid, data in derived.items():
        committed = (folder / f"{qid}.json").read_bytes()
        assert committed == catalogue.prebuilt_file(qid, data), f"{qid} is stale: {REGENERATE}"


def test_a_change_of_sources_makes_the_committed_files_stale(derived, monkeypatch):
    """The comparison above can fail: under another source hash the committed bytes
    differ from what would be written, and the loader no longer uses them."""
    monkeypatch.setattr(catalogue, "source_hash", lambda: "0123456789abcdef")
    catalogue._prebuilt_payload.cache_clear()
    try:
        committed = (catalogue.prebuilt_directory() / "bias-size.json").read_bytes()
        assert committed != catalogue.prebuilt_file("bias-size", derived["bias-size"])
        assert catalogue._prebuilt_payload("bias-size") is None
    finally:
        catalogue._prebuilt_payload.cache_clear()


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
        prebuilt = catalogue._prebuilt(qid)
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


def test_a_matching_prebuilt_file_is_used_without_deriving_and_copied_to_the_cache(
    derived, isolated, monkeypatch, capsys
):
    monkeypatch.setattr(catalogue, "fresh", _no_derivation)
    assert catalogue.cached("double-padding")
    data = catalogue._load("double-padding")
    assert _entry("double-padding", data) == _entry("double-padding", derived["double-padding"])
    assert catalogue._read_entry(catalogue.cache_directory() / "double-padding.json") == data
    assert checker.check("double-padding", "2").verdict == "not_equivalent"
    assert capsys.readouterr().err == ""


def _rewrite(folder, qid, change) -> None:
    path = folder / f"{qid}.json"
    path.write_bytes(change(path.read_bytes()))


def _header(mapping):
    def change(data: bytes) -> bytes:
        head, _, rest = data.partition(b"\n")
        return json.dumps(mapping(json.loads(head)), sort_keys=True).encode() + b"\n" + rest

    return change


def _payload_with_hash(payload: bytes):
    """A file with a correct header and SHA-256 around ``payload``: only the schema can
    refuse it."""

    def change(data: bytes) -> bytes:
        head = json.loads(data.partition(b"\n")[0])
        head["sha256"] = hashlib.sha256(payload).hexdigest()
        return json.dumps(head, sort_keys=True).encode() + b"\n" + payload + b"\n"

    return change


_FORGED_TREE = json.dumps(
    {
        "variants": [
            {
                "tree": ["num", "1e100000000"],
                "padding": "total",
                "conventions": [],
                "misconception": None,
                "domain": [],
                "alternatives": [],
            }
        ],
        "display_text": "",
        "display_latex": "",
        "expanded_text": "",
        "definitions": [],
    }
).encode()

REFUSED = {
    "a changed byte": (lambda d: d.replace(b'"c_o"', b'"h"', 1), "SHA-256"),
    "a truncated file": (lambda d: d[: len(d) // 2], "prebuilt"),
    "a header that is not JSON": (lambda d: b"{not json\n" + d.partition(b"\n")[2], "Expecting"),
    "a header with other fields": (_header(lambda h: {**h, "extra": 1}), "fields"),
    "another question's file": (_header(lambda h: {**h, "question": "output-width"}), "question"),
    "another schema": (_header(lambda h: {**h, "schema": 2}), "schema"),
    "a payload nested too deeply": (_payload_with_hash(b"[" * 5000 + b"]" * 5000), "deeply"),
    "a payload outside the schema": (_payload_with_hash(_FORGED_TREE), "num"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_prebuilt_file_that_does_not_match_is_never_used(case, derived, isolated, capsys):
    change, why = REFUSED[case]
    _rewrite(isolated, "bias-size", change)
    assert catalogue._prebuilt("bias-size") is None
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and why in err, err
    data = catalogue._load("bias-size")  # derived instead
    assert _entry("bias-size", data) == _entry("bias-size", derived["bias-size"])
    assert checker.check("bias-size", "c_o").verdict == "equivalent"
    assert checker.check("bias-size", "h").verdict == "not_equivalent"


def test_a_prebuilt_file_for_other_sources_is_ignored_silently(derived, isolated, capsys):
    _rewrite(isolated, "bias-size", _header(lambda h: {**h, "key": "0" * 16}))
    assert catalogue._prebuilt("bias-size") is None and not catalogue.cached("bias-size")
    assert capsys.readouterr().err == ""  # what an edited checkout or another SymPy gives
    data = catalogue._load("bias-size")
    assert _entry("bias-size", data) == _entry("bias-size", derived["bias-size"])


def test_a_missing_prebuilt_file_is_derived(derived, isolated, capsys):
    (isolated / "bias-size.json").unlink()
    assert catalogue._prebuilt("bias-size") is None and capsys.readouterr().err == ""
    data = catalogue._load("bias-size")
    assert _entry("bias-size", data) == _entry("bias-size", derived["bias-size"])


def test_a_world_writable_prebuilt_file_is_ignored(isolated, capsys):
    os.chmod(isolated / "bias-size.json", 0o666)
    assert catalogue._prebuilt("bias-size") is None
    assert "writable by everyone" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_a_fifo_or_a_device_is_not_read(isolated, capsys):
    (isolated / "bias-size.json").unlink()
    os.mkfifo(isolated / "bias-size.json")
    assert catalogue._prebuilt("bias-size") is None  # does not block
    (isolated / "output-width.json").unlink()
    (isolated / "output-width.json").symlink_to("/dev/zero")
    assert catalogue._prebuilt("output-width") is None
    assert "not a regular file" in capsys.readouterr().err


def test_an_oversized_prebuilt_file_is_not_read(isolated, capsys, monkeypatch):
    monkeypatch.setattr(catalogue, "MAX_ENTRY_BYTES", 100)
    assert catalogue._prebuilt("bias-size") is None
    assert "larger than 100 bytes" in capsys.readouterr().err


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
        assert path.read_bytes() == (catalogue.prebuilt_directory() / path.name).read_bytes()


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
    catalogue._prebuilt_payload.cache_clear()
    assert main(["questions", "--build"]) == 0
    assert derived == ["bias-size"] and capsys.readouterr().err.count("first use") == 1
