"""Every exercise builds, its blocks are well formed, its prose is bilingual and its
math spans balanced and renderable by KaTeX."""

import importlib
import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from derivations.exercises.document import LANGS, Exercise
from tests.conftest import require_tool

MODULES = {  # module -> numbers in each edition
    "compose": {"zh": 1, "en": 1},
    "equal_outputs": {"zh": 5, "en": 4},
    "matmul": {"zh": 6, "en": 5},
    "strips": {"zh": None, "en": 6},
    "blocks": {"zh": None, "en": 7},
}
BLOCK_KEYS = {
    "heading": {"text"}, "paragraph": {"text"}, "math": {"latex"},
    "result": {"label", "latex"}, "table": {"header", "rows"},
    "code": {"language", "code"}, "mistakes": {"items"},
}
ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=None)
def built(name: str) -> Exercise:
    return importlib.import_module(f"derivations.exercises.{name}").build()


def texts(exercise: Exercise):
    """Every Text of an exercise (title, statement, prose, labels, cells, mistakes)."""
    yield exercise.title
    yield exercise.statement
    for block in exercise.blocks:
        kind = block["type"]
        if kind in ("heading", "paragraph"):
            yield block["text"]
        elif kind == "result":
            yield block["label"]
        elif kind == "table":
            for cell in [*block["header"], *(c for row in block["rows"] for c in row)]:
                yield cell if isinstance(cell, dict) else {lang: cell for lang in LANGS}
        elif kind == "mistakes":
            for item in block["items"]:
                yield item["claim"]
                yield item["why"]


def prose_texts(exercise: Exercise):
    """Title, statement, headings, paragraphs, labels and mistakes (no table cells)."""
    yield exercise.title
    yield exercise.statement
    for block in exercise.blocks:
        if block["type"] in ("heading", "paragraph"):
            yield block["text"]
        elif block["type"] == "result":
            yield block["label"]
        elif block["type"] == "mistakes":
            for item in block["items"]:
                yield item["claim"]
                yield item["why"]


def inline_spans(prose: str) -> list[str]:
    """The $...$ spans of a prose string, code spans removed."""
    stripped = re.sub(r"`[^`]*`", "", prose)
    assert stripped.count("$") % 2 == 0, f"unbalanced $ in {prose!r}"
    return stripped.split("$")[1::2]


def all_math(exercise: Exercise) -> list[str]:
    spans = [s for t in texts(exercise) for lang in LANGS for s in inline_spans(t[lang])]
    spans += [b["latex"] for b in exercise.blocks if b["type"] in ("math", "result")]
    return spans


@pytest.mark.parametrize("name", MODULES)
def test_builds_with_its_edition_numbers(name):
    exercise = built(name)
    assert isinstance(exercise, Exercise)
    assert exercise.id == name
    assert exercise.numbers == MODULES[name]
    assert exercise.blocks


@pytest.mark.parametrize("name", MODULES)
def test_blocks_are_well_formed(name):
    for block in built(name).blocks:
        assert block["type"] in BLOCK_KEYS, block
        assert set(block) == BLOCK_KEYS[block["type"]] | {"type"}, block
        if block["type"] in ("math", "result"):
            assert block["latex"].strip() and "$" not in block["latex"]
        if block["type"] == "table":
            widths = {len(row) for row in block["rows"]}
            assert widths == {len(block["header"])}, block
        if block["type"] == "code":
            compile(block["code"], "<sheet>", "exec")  # valid Python, never run


@pytest.mark.parametrize("name", MODULES)
def test_every_text_is_bilingual_and_plain(name):
    for t in texts(built(name)):
        assert set(t) == set(LANGS), t
        for lang in LANGS:
            prose = t[lang]
            assert isinstance(prose, str) and prose.strip(), t
            outside = re.sub(r"\$[^$]*\$|`[^`]*`", "", prose)
            for markup in ("**", "__", "](", "\n#", "$$"):
                assert markup not in outside, (markup, prose)

    for t in prose_texts(built(name)):  # sentences, not table cells: really translated
        assert re.search(r"[\u4e00-\u9fff]", t["zh"]), t


@pytest.mark.parametrize("name", MODULES)
def test_math_spans_are_balanced(name):
    for span in all_math(built(name)):
        assert span.strip(), name
        assert span.count("{") == span.count("}"), span
        assert span.count("\\left") == span.count("\\right"), span


def _katex():
    node = shutil.which("node")
    present = node is not None and (ROOT / "node_modules" / "katex").is_dir()
    require_tool(present, "node with the katex package (npm install katex) is not available")
    return node


def test_every_math_span_renders_in_katex():
    node = _katex()
    spans = sorted({s for name in MODULES for s in all_math(built(name))})
    script = (
        "const katex = require('katex');"
        "const spans = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const bad = [];"
        "for (const s of spans) { try { katex.renderToString(s, {throwOnError: true, "
        "displayMode: true}); } catch (e) { bad.push(s + ' :: ' + e.message); } }"
        "console.log(JSON.stringify(bad));")
    done = subprocess.run([node, "-e", script], input=json.dumps(spans), capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
