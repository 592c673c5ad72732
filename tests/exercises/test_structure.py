"""Every registered exercise builds with the registry's numbers and title; its blocks are
of the schema's types and well formed, its prose bilingual (Chinese really present), its
math spans balanced and renderable by KaTeX (the one driver, tests/docs/katex_check.js)."""

import dataclasses
import re
from functools import lru_cache
from pathlib import Path

import pytest

from derivations.exercises import MODULES, build_all
from derivations.exercises.document import (
    BLOCK_TYPES,
    FIGURE_KEYS,
    LANGS,
    Answer,
    Code,
    Exercise,
    Figure,
    Heading,
    Math,
    Mistake,
    Mistakes,
    Paragraph,
    Result,
    Table,
)
from derivations.registry.exercises import EXERCISES
from tests.docs.mathspans import katex_failures

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def exercises() -> dict[str, Exercise]:
    return {e.id: e for e in build_all()}


def built(name: str) -> Exercise:
    return exercises()[name]


def texts(exercise: Exercise, cells: bool = True):
    """Every Text of an exercise: title, statement, prose, labels, captions, mistakes and
    (``cells``) table cells, a plain-string cell as the same text in each language."""
    yield exercise.title
    yield exercise.statement
    for block in exercise.blocks:
        match block:
            case Heading(text=t) | Paragraph(text=t):
                yield t
            case Result(label=label):
                yield label
            case Answer(label=label, text=t):
                yield label
                yield t
            case Figure(caption=caption, alt=alt):
                yield caption
                yield alt
            case Mistakes(items=items):
                for item in items:
                    yield item.claim
                    yield item.why
            case Table(header=header, rows=rows) if cells:
                for cell in [*header, *(c for row in rows for c in row)]:
                    yield cell if isinstance(cell, dict) else {lang: cell for lang in LANGS}


def inline_spans(prose: str) -> list[str]:
    """The $...$ spans of a prose string, code spans removed."""
    stripped = re.sub(r"`[^`]*`", "", prose)
    assert stripped.count("$") % 2 == 0, f"unbalanced $ in {prose!r}"
    return stripped.split("$")[1::2]


def all_math(exercise: Exercise) -> list[dict]:
    spans = [
        {"tex": s, "display": False}
        for t in texts(exercise)
        for lang in LANGS
        for s in inline_spans(t[lang])
    ]
    spans += [
        {"tex": b.latex, "display": True} for b in exercise.blocks if isinstance(b, (Math, Result))
    ]
    return spans


def test_every_registered_exercise_has_a_module():
    assert tuple(EXERCISES) == MODULES


@pytest.mark.parametrize("name", MODULES)
def test_builds_with_the_registry_numbers_and_title(name):
    exercise, info = built(name), EXERCISES[name]
    assert isinstance(exercise, Exercise) and exercise.id == name
    assert exercise.numbers == {lang: info.number(lang) for lang in LANGS}
    assert exercise.title == info.title
    assert exercise.blocks


@pytest.mark.parametrize("name", MODULES)
def test_blocks_are_well_formed(name):
    for block in built(name).blocks:
        assert isinstance(block, BLOCK_TYPES), block
        assert dataclasses.is_dataclass(block) and block.__dataclass_params__.frozen
        match block:
            case Math(latex=latex) | Result(latex=latex):
                assert latex.strip() and "$" not in latex, block
            case Table(header=header, rows=rows):
                assert rows and {len(row) for row in rows} == {len(header)}, block
            case Code(code=source):
                # valid Python in every language (a Text when its comments are
                # translated), never run
                for said in source.values() if isinstance(source, dict) else [source]:
                    compile(said, "<sheet>", "exec")
            case Mistakes(items=items):
                assert items and all(isinstance(i, Mistake) for i in items), block
            case Figure(key=key):
                assert key in FIGURE_KEYS, block


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


@pytest.mark.parametrize("name", MODULES)
def test_chinese_is_present_in_every_sentence(name):
    """Sentences (title, prose, labels, captions, mistakes; not table cells) with words
    outside their math are really translated: Chinese characters in the zh text, and it
    is not the en one."""
    for t in texts(built(name), cells=False):
        if re.search(r"[A-Za-z]{2,}", re.sub(r"\$[^$]*\$|`[^`]*`", "", t["en"])):
            assert HAN.search(t["zh"]) and t["zh"] != t["en"], t


@pytest.mark.parametrize("name", MODULES)
def test_math_spans_are_balanced(name):
    for span in all_math(built(name)):
        tex = span["tex"]
        assert tex.strip(), name
        assert tex.count("{") - tex.count("\\{") == tex.count("}") - tex.count("\\}"), tex
        assert tex.count("\\left") == tex.count("\\right"), tex
        assert tex.count("\\begin{") == tex.count("\\end{"), tex


def test_every_math_span_renders_in_katex():
    spans = sorted({(s["tex"], s["display"]) for name in MODULES for s in all_math(built(name))})
    failures = katex_failures([{"tex": t, "display": d} for t, d in spans])
    assert not failures, "\n".join(f"{f['error']}: {f['tex'][:120]}" for f in failures[:5])


@pytest.mark.parametrize("lang", LANGS)
def test_each_edition_numbers_its_exercises_from_one(lang):
    numbers = sorted(n for e in EXERCISES.values() if (n := e.number(lang)) is not None)
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("name", MODULES)
def test_common_mistakes_are_registered_misconceptions(name):
    """Each "Common mistakes" item is a misconception of the registry, in its words: the
    sheet's own (``sheet_claim``, ``sheet_why``) where the record has them, else its title
    and explanation."""
    from derivations.registry.misconceptions import misconceptions

    records = misconceptions()
    items = [i for b in built(name).blocks if isinstance(b, Mistakes) for i in b.items]
    assert items, name
    for item in items:
        record = records[item.misconception]
        claim, why = (
            (record.sheet_claim, record.sheet_why)
            if record.sheet_claim
            else (record.title, record.explanation)
        )
        assert item.claim == claim
        if "{" not in why["en"]:
            assert item.why == why


@pytest.mark.parametrize("lang", LANGS)
def test_each_answer_label_names_the_heading_it_sits_under(lang):
    """In each sheet a boxed answer's label starts with its section's own number or
    appendix letter in that edition ("练习 4" → "4", "附录 A" → "A.1", "A，原因"), so no two
    sections share a label: the zh sheet once labelled Appendix A's answers "6，原因"
    beside 练习 6's "6", and Appendix B's "7.1" (there is no 练习 7)."""
    from derivations.exercises import for_edition
    from derivations.render import entries

    numbered, appendices = for_edition(list(exercises().values()), lang)
    labels = []
    for entry in entries(numbered, appendices, lang):
        section = entry["label"].split()[-1]  # "练习 4" → "4", "Appendix A" → "A"
        for a in entry["answers"]:
            label = a.label[lang]
            assert re.match(rf"{re.escape(section)}(?![0-9A-Z])", label), (entry["label"], label)
            labels.append(label)
    assert len(labels) == len(set(labels)), labels


def test_every_padded_small_layer_says_its_padding_is_per_side():
    """Appendix C's scaled-down layers are PyTorch specs, whose ``padding`` is per side;
    the sheets read a bare "padding p" as the total, so a padded row must say "per side"
    (the ResNet stem row once said "padding 3": 3 in total would give 7×7, not 8×8)."""
    from derivations.exercises.maths.networks import SMALL
    from derivations.exercises.networks import SMALL_LABELS

    for (spec, (_, h, _)), label in zip(SMALL, SMALL_LABELS, strict=True):
        if spec.get("padding"):
            k, s, p = spec["kernel"], spec.get("stride", 1), spec["padding"]
            assert (h + 2 * p - k) // s + 1 != (h + p - k) // s + 1, label  # the reading matters
            assert "per side" in label["en"] and "每侧" in label["zh"], label


@pytest.mark.parametrize("lang", LANGS)
def test_a_paragraph_before_a_titled_result_box_is_a_lead_in_or_a_finished_sentence(lang):
    """A result box opens with its own title, so the paragraph before it either ends its
    sentence or, running into the box, ends in a colon: a lead-in, which the LaTeX sheet
    keeps on the box's page (the doubling sheet's "the exact increase, floors included,
    is" ended page 15 of the English PDF with its box on page 16)."""
    from derivations.render import leads_in

    unfinished = []
    for exercise in exercises().values():
        for before, after in zip(exercise.blocks, exercise.blocks[1:]):
            if isinstance(before, Paragraph) and isinstance(after, Result):
                said = before.text[lang].rstrip()
                if not (leads_in(before, lang) or said.endswith((".", "。"))):
                    unfinished.append((exercise.id, said[-40:]))
    assert not unfinished
