"""The docs kind of the store: a warm build renders the same bytes as a cold one without
building anything; an entry is used only when it is trustworthy and bound to the
current sources (the store's rules: tests/core/test_store.py); ``--recheck`` runs the
checks again."""

import json
import os
from dataclasses import dataclass

import pytest

from derivations import docs_cache
from derivations.cli import main
from derivations.closed_forms import ClosedForm
from derivations.commands import docs
from derivations.errors import DerivationError
from derivations.exercises.document import Exercise, text
from derivations.registry.forms import Form


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "cache"


def _sample():
    return Exercise(
        id="x",
        numbers={"en": 1, "zh": None},
        title=text("T", "题"),
        statement=text("S", "题目"),
        blocks=[
            {"type": "table", "header": ["a"], "rows": [[("t", 1.5)]]},
            {"type": "figure", "key": Form.FORWARD_MULTS},
            b"\x00svg",
        ],
    )


def test_codec_round_trips_the_allowed_types():
    sample = _sample()
    assert docs_cache.decode(json.loads(json.dumps(docs_cache.encode(sample)))) == sample


@dataclass
class Outsider:  # a dataclass of the tests, not of the package
    value: int


@pytest.mark.parametrize(
    "data",
    [
        {"dataclass": "tests.docs.test_docs_cache:Outsider", "fields": {"value": 1}},
        {"dataclass": "os:system", "fields": {}},
        {"dataclass": "derivations.exercises.document:Exercise", "fields": {"id": "x"}},
        {"enum": "derivations.registry.forms:Form", "value": "no_such_form"},
        {"object": 1},
        1.5,
    ],
)
def test_decode_refuses_what_encode_cannot_make(data):
    with pytest.raises(ValueError):
        docs_cache.decode(data)


def test_encode_refuses_foreign_values():
    with pytest.raises(TypeError):
        docs_cache.encode(Outsider(1))
    with pytest.raises(TypeError):
        docs_cache.encode({1: "int key"})


def _entry_path(cache_dir):
    return docs_cache.STORE.path("exercise-x")


def test_store_then_load(cache):
    assert docs_cache.store("exercise", "x", _sample())
    assert docs_cache.load("exercise", "x") == _sample()
    assert _entry_path(cache).stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    "spoil",
    ["data", "mac", "source", "name", "world-writable", "symlink", "not-json", "schema"],
)
def test_untrustworthy_entry_is_a_miss(cache, spoil):
    docs_cache.store("exercise", "x", _sample())
    path = _entry_path(cache)
    entry = json.loads(path.read_text())
    if spoil == "data":
        entry["payload"]["fields"]["id"] = "y"
    elif spoil == "mac":
        entry["mac"] = "0" * 64
    elif spoil == "source":
        entry["source"] = "f" * 64
    elif spoil == "name":
        entry["name"] = "exercise-y"
    elif spoil == "schema":
        entry["extra"] = 1
    if spoil in ("data", "mac", "source", "name", "schema"):
        path.write_text(json.dumps(entry))
        path.chmod(0o600)
    elif spoil == "world-writable":
        path.chmod(0o666)
    elif spoil == "symlink":
        real = path.with_name("real.json")
        path.rename(real)
        path.symlink_to(real)
    elif spoil == "not-json":
        path.write_text("{not json")
    assert docs_cache.load("exercise", "x") is None


def test_the_key_is_the_sources_but_those_that_only_render():
    names = docs_cache.sources()
    assert "model.py" in names and "exercises/cost.py" in names
    assert not set(docs_cache.RENDERING_ONLY) & set(names)
    assert not any(name.startswith("templates/") for name in names)
    assert tuple(docs_cache.STORE.sources) == tuple(names)
    assert {"python", "machine", "sympy", "matplotlib"} <= set(docs_cache.STORE.libraries)


def test_warm_build_is_the_cold_build_without_building(cache, monkeypatch):
    cold = docs.render_documents(jobs=1)

    def no_build(kind, name):
        raise AssertionError(f"{kind} {name} built although cached")

    monkeypatch.setattr(docs, "build_entry", no_build)
    assert docs.render_documents() == cold
    with pytest.raises(AssertionError, match="built although cached"):
        docs.render_documents(recheck=True)


def test_forced_check_failure_is_one_line_and_writes_nothing(cache, tmp_path, monkeypatch, capsys):
    """A closed form that disagrees with the execution stops ``docs`` in one line."""
    real = ClosedForm.evaluate
    monkeypatch.setattr(ClosedForm, "evaluate", lambda self, layer: real(self, layer) + 1)
    out = tmp_path / "out"
    status = main(["docs", "--out", str(out), "--recheck", "--jobs", "1"])
    err = capsys.readouterr().err
    assert status != 0
    assert err.startswith("derivations docs: error: ") and err.count("\n") == 1, err
    assert "closed form gives" in err and "Traceback" not in err
    assert not out.exists()
    assert not list(cache.glob("docs/*/*.json"))  # nothing half-checked is kept


def test_recheck_and_jobs_flags(cache, tmp_path, monkeypatch, capsys):
    seen = {}

    def fake(recheck=False, jobs=1, archived=None):
        seen.update(recheck=recheck, jobs=jobs)
        return {"en/answers.md": "x\n"}

    monkeypatch.setattr(docs, "render_documents", fake)
    assert main(["docs", "--out", str(tmp_path / "o"), "--recheck", "--jobs", "2"]) == 0
    assert seen == {"recheck": True, "jobs": 2}
    with pytest.raises(SystemExit) as stop:
        main(["docs", "--jobs", "0"])
    assert stop.value.code == 2
    assert "--jobs: 0 is not between 1 and 64" in capsys.readouterr().err


def test_the_snapshot_begins_first_and_is_given_the_archive_before_anything_is_built(
    tmp_path, monkeypatch
):
    """Node's snapshot step runs while the archive, the sheets and the figures are made
    (it boots Pyodide first, then needs only the archive): ``run`` begins it before
    rendering and gives it the archive from ``render_documents``' ``archived`` call,
    made before the builds; a build that fails stops it (no Node left running)."""
    from derivations.practice import archive

    said = []

    class Begun:
        def give(self, data):
            said.append(("given", data))
            return self

        def files(self):
            said.append("files")
            return {}, ""

        def stop(self):
            said.append("stopped")

    def built(recheck, jobs):
        said.append("built")
        raise DerivationError(key="docs.out_empty", value="''")

    def archived():
        said.append("archive made")
        return b"zip"

    monkeypatch.setattr(archive, "checker_archive", archived)
    monkeypatch.setattr(docs, "_built", built)
    monkeypatch.setattr(docs, "_begin_snapshot", lambda out: said.append("begun") or Begun())
    assert main(["docs", "--out", str(tmp_path / "o"), "--jobs", "1"]) == 2
    assert said == ["begun", "archive made", ("given", b"zip"), "built", "stopped"]


def test_shares_keep_the_shared_layers_in_the_parent_and_the_rest_in_order():
    entries = docs._entries()
    own, rest = docs.shares(entries)
    assert own == list(docs.TOGETHER)
    assert rest == [entry for entry in entries if entry not in docs.TOGETHER]
    few = [("reference", "formulas"), ("figure", "block-diagonal")]
    assert docs.shares(few) == ([], few)


def test_two_processes_build_what_one_does():
    """The parent builds its share while a worker (forked after ``preload``) builds
    the other: the values are those of a build in one process."""
    missing = [("exercise", "matmul"), ("reference", "formulas"), ("figure", "block-diagonal")]
    assert docs._build_missing(missing, 2) == docs._build_missing(missing, 1)


def test_a_free_process_takes_what_a_busy_one_has_not(monkeypatch):
    """The entries are not dealt out in advance: each process takes the next one when
    it is free (the parent from the front after the shared layers, the worker from the
    back), so a worker slowed on its first entry leaves the others to the parent, and
    each entry is built once; the figure, last, is the worker's."""
    import multiprocessing
    import time

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the fake build reaches the worker only by fork")
    parent = os.getpid()
    missing = [*docs.TOGETHER, *(("exercise", f"e{i}") for i in range(6)), ("figure", "f")]

    def build(kind, name):
        if os.getpid() != parent:
            time.sleep(3)  # the worker's first (and, on time, only) entry
        return os.getpid()

    monkeypatch.setattr(docs, "build_entry", build)
    monkeypatch.setattr(docs, "preload", lambda: None)
    built = docs._build_missing(missing, 2)
    assert sorted(built) == sorted(missing)
    assert all(built[entry] == parent for entry in docs.TOGETHER)
    by_worker = [entry for entry, pid in built.items() if pid != parent]
    assert by_worker == [missing[-1]]  # the figure: the parent draws none


def test_the_parent_draws_no_figure(monkeypatch):
    """The parent takes no figure (its first would import matplotlib a second time): a
    worker draws them all, then takes what the parent has not."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the fake build reaches the worker only by fork")
    parent = os.getpid()
    figures = [("figure", f"f{i}") for i in range(4)]
    monkeypatch.setattr(docs, "build_entry", lambda kind, name: os.getpid())
    monkeypatch.setattr(docs, "preload", lambda: None)
    built = docs._build_missing([*docs.TOGETHER, *figures], 2)
    assert all(built[entry] == parent for entry in docs.TOGETHER)
    assert all(built[entry] != parent for entry in figures)


def _forms_derived_here() -> int:
    """How many closed-form sets this process derives (cache misses) to have them all."""
    from derivations.closed_forms import forms
    from derivations.model import PADDINGS

    before = forms.cache_info().misses
    for padding in PADDINGS:
        for bias in (False, True):
            forms(padding, bias)
    return forms.cache_info().misses - before


def test_a_worker_starts_with_the_preloaded_forms():
    """Where the platform forks, a worker is a copy of the parent after ``preload``: it
    derives no closed form again (a fresh interpreter, as spawn starts, derives all four
    sets)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform: workers start afresh")
    context = docs._context()
    assert context.get_start_method() == "fork"
    docs.preload()
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        assert pool.submit(_forms_derived_here).result() == 0
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        assert pool.submit(_forms_derived_here).result() == 4


def test_the_key_holds_the_cjk_fonts_file_and_sha256():
    """The font matplotlib draws the zh figures with, read and hashed here on their own."""
    import hashlib

    from matplotlib import font_manager

    from derivations import fonts

    found = font_manager.findfont(
        font_manager.FontProperties(family=fonts.CJK_FONT), fallback_to_default=False
    )
    with open(found, "rb") as file:
        digest = hashlib.sha256(file.read()).hexdigest()
    assert docs_cache.inputs() == [f"font {fonts.CJK_FONT} {found.rsplit('/', 1)[-1]} {digest}"]


@pytest.mark.parametrize("upgrade", ["bytes", "file", "removed"])
def test_a_font_upgrade_is_a_cache_miss(cache, tmp_path, monkeypatch, upgrade):
    """Another CJK font file, the same file with other bytes, or no font: an entry stored
    with the old font is not served."""
    from derivations import fonts

    font = tmp_path / "NotoSansCJK-Regular.ttc"
    font.write_bytes(b"font version 1")
    monkeypatch.setattr(fonts, "cjk_file", lambda: str(font))
    monkeypatch.setattr(docs_cache.STORE, "_source", None)
    assert docs_cache.store("exercise", "x", _sample())
    monkeypatch.setattr(docs_cache.STORE, "_source", None)
    assert docs_cache.load("exercise", "x") == _sample()  # same font: a hit
    if upgrade == "bytes":
        font.write_bytes(b"font version 2")
    elif upgrade == "file":
        other = tmp_path / "NotoSansCJKsc-Regular.otf"
        other.write_bytes(b"font version 1")
        monkeypatch.setattr(fonts, "cjk_file", lambda: str(other))
    else:
        monkeypatch.setattr(fonts, "cjk_file", lambda: None)
    monkeypatch.setattr(docs_cache.STORE, "_source", None)
    assert docs_cache.load("exercise", "x") is None
