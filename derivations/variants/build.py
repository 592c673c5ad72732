"""A class's variants: every student's layer, answer key, question sheets and the
Moodle export, built in memory and written in one atomic step.

Files written under the output folder:

* ``variants.json``: the seed, padding reading, questions and, per student, the layer
  and the key (values as exact strings: ``3600``, ``70/17``) -- what ``grade
  --variants`` reads back, and what any LMS script can read;
* ``key.csv``: one row per student and question (values as in the JSON, layer fields);
* ``sheets/<lang>/<student>.md``: each student's question sheet (a name apart from every
  other ignoring case, never a Windows device name: ``CON_.md``, ``alice-2.md``; each
  student's is recorded in ``variants.json`` as ``sheet``);
* ``sheets/<lang>/all.tex`` (one page per student; ``--pdf`` compiles it);
* ``moodle.xml``: the questions as Moodle "calculated" questions.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from derivations.errors import DerivationError
from derivations.file_names import NameBook, safe_base
from derivations.grading.escape import csv_cell
from derivations.messages import text
from derivations.model import Layer
from derivations.variants.draw import DRAW_VERSION, draw_layer
from derivations.variants.key import key_values, supported_question

__all__ = [
    "FORMAT",
    "LAYER_FIELDS",
    "Student",
    "ClassVariants",
    "build_variants",
    "value_text",
    "render_files",
    "file_name",
    "sheet_names",
]

FORMAT = "derivations-variants"
FORMAT_VERSION = 1
LAYER_FIELDS = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w")


@dataclass(frozen=True)
class Student:
    id: str
    layer: Layer
    key: tuple  # of KeyValue, in question order


@dataclass(frozen=True)
class ClassVariants:
    seed: str
    padding: str
    questions: tuple
    students: tuple  # of Student, in roster order

    def student(self, identifier: str) -> Student | None:
        """The student of this id (NFC, stripped: as a class file's rows are grouped)."""
        return self._index().get(unicodedata.normalize("NFC", identifier).strip())

    def _index(self) -> dict:
        cached = self.__dict__.get("_by_id")
        if cached is None:
            cached = {unicodedata.normalize("NFC", s.id).strip(): s for s in self.students}
            object.__setattr__(self, "_by_id", cached)
        return cached

    def ratio(self, question: str) -> bool:
        """Whether ``question`` is a ratio question for this class (:mod:`.tolerance`)."""
        cached = self.__dict__.get("_ratios")
        if cached is None:
            from derivations.variants.tolerance import is_ratio

            cached = {
                q: is_ratio(k.value for s in self.students for k in s.key if k.question == q)
                for q in self.questions
            }
            object.__setattr__(self, "_ratios", cached)
        return cached.get(question, False)


def ask(question: str, lang: str) -> str:
    """The question ``question`` as a student reads it, in ``lang`` (a ratio question
    states the tolerance :mod:`.tolerance` grades it with)."""
    from derivations.variants.tolerance import RATIO_PLACES, RATIO_TOLERANCE

    return text(
        f"variants.ask.{question}", lang, tolerance=float(RATIO_TOLERANCE), places=RATIO_PLACES
    )


def value_text(value: int | Fraction) -> str:
    """An exact value as text: ``3600``, ``70/17``."""
    return str(value)


def build_variants(
    roster: list[str], questions: list[str], seed: str, padding: str = "total"
) -> ClassVariants:
    """Every student's layer and checked key (nothing is written)."""
    if not isinstance(seed, str) or not seed.strip():
        raise DerivationError(key="variants.bad_seed", value=repr(seed))
    if not questions:
        raise DerivationError(key="variants.no_questions")
    seen = set()
    for identifier in questions:
        supported_question(identifier)
        if identifier in seen:
            raise DerivationError(key="variants.question_twice", question=repr(identifier))
        seen.add(identifier)
    students = []
    for student in roster:
        layer = draw_layer(seed, student, padding)
        students.append(Student(student, layer, tuple(key_values(layer, questions))))
    return ClassVariants(seed, padding, tuple(questions), tuple(students))


def _layer_fields(layer: Layer) -> dict:
    return {name: getattr(layer, name) for name in LAYER_FIELDS}


def _json(variants: ClassVariants) -> str:
    names = sheet_names(variants)
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "distribution": DRAW_VERSION,
        "seed": variants.seed,
        "padding": variants.padding,
        "questions": list(variants.questions),
        "students": [
            {
                "id": s.id,
                "sheet": f"{names[s.id]}.md",
                "layer": _layer_fields(s.layer),
                "key": {k.question: value_text(k.value) for k in s.key},
            }
            for s in variants.students
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _key_csv(variants: ClassVariants) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["student", "question", "value", "padding", *LAYER_FIELDS])
    for s in variants.students:
        for k in s.key:
            writer.writerow(
                [
                    csv_cell(s.id),
                    k.question,
                    value_text(k.value),
                    variants.padding,
                    *(_layer_fields(s.layer).values()),
                ]
            )
    return out.getvalue()


def file_name(student: str) -> str:
    """A file name for ``student`` (letters, digits, ``._-`` kept; the rest ``_``; never a
    Windows device name): :func:`derivations.file_names.safe_base`."""
    return safe_base(student)


def sheet_names(variants: ClassVariants) -> dict[str, str]:
    """Each student's sheet name, apart from every other ignoring case (``Alice`` and
    ``alice`` on a macOS or Windows disk): the later one numbered, in class order;
    ``all`` is the class's own (``all.tex``)."""
    book = NameBook(reserved=("all",))
    return {s.id: book.name(s.id) for s in variants.students}


def _layer_lines(layer: Layer, padding: str, lang: str) -> list[str]:
    fields = _layer_fields(layer)
    return [
        text("variants.layer_line", lang, **fields),
        text(f"variants.padding.{padding}", lang, p_h=layer.p_h, p_w=layer.p_w),
    ]


def _sheet_data(variants: ClassVariants, student: Student, lang: str) -> dict:
    from derivations.grading.escape import markdown_text
    from derivations.registry.exercises import BOOK_SECTION
    from derivations.render import tex_text

    return {
        "lang": lang,
        "title": text("variants.sheet_title", lang),
        "intro": text("variants.sheet_intro", lang),
        "student_label": text("variants.student", lang),
        "student_md": markdown_text(student.id),
        # a student id is plain text: escaped whole, never read as math
        "student_tex": tex_text(student.id.replace("$", "\uff04").replace("`", "'")),
        "layer_label": text("variants.layer", lang),
        "layer_lines": _layer_lines(student.layer, variants.padding, lang),
        "questions_label": text("variants.questions", lang),
        "questions": [ask(q, lang) for q in variants.questions],
        "book": BOOK_SECTION[lang],
    }


def _alternatives(variants: ClassVariants, question: str) -> list:
    """The further answers of ``question``'s Moodle question, as ``grade --variants``
    reads a number (:mod:`.tolerance`): each catalogue variant under named conventions
    that reads the padding as the class does (one that reads it the other way gives
    another layer's value; one right only under a convention the question's words
    rule out: :func:`~.grade.not_of_the_layer`, wrong in both) and whose
    values at the class's layers are new (not the key's, not an earlier
    variant's), defined at every layer, with the default rubric's credit for its
    conventions (0 included: a first match ends the search in both) when Moodle can
    give that credit; ``[(tree, credit), ...]`` in catalogue order."""
    from derivations.checking.deciding.catalogue import entry
    from derivations.expr.evaluate import Undefined, compile_node
    from derivations.grading.rubric import load_rubric
    from derivations.variants.grade import not_of_the_layer, variant_assumptions
    from derivations.variants.key import environment, reference_variant
    from derivations.variants.tolerance import MOODLE_FRACTIONS

    rubric = load_rubric()  # the XML cannot know the course's rubric: the default one
    found = entry(question)
    reference = reference_variant(found, variants.padding)
    environments = [environment(s.layer) for s in variants.students]
    seen = {tuple(k.value for s in variants.students for k in s.key if k.question == question)}
    out = []
    for variant in found.variants:
        if (
            variant is reference
            or variant.misconception is not None
            or not_of_the_layer(variant, variants.padding, question)
        ):
            continue
        try:
            evaluate = compile_node(variant.tree)
            values = tuple(evaluate(env) for env in environments)
        except (Undefined, ArithmeticError):
            continue
        if values in seen:
            continue
        seen.add(values)
        names = variant_assumptions(variant, variants.padding)
        credit = rubric.share("equivalent_under_convention", names)
        if credit in MOODLE_FRACTIONS:  # 0 too: Moodle, as grade, stops at the first match
            out.append((variant.tree, credit))
    return out


def _moodle(variants: ClassVariants, lang: str) -> bytes:
    from derivations.checking.deciding.catalogue import entry
    from derivations.variants.key import reference_variant
    from derivations.variants.moodle import moodle_xml

    shown = {name: "{" + name + "}" for name in LAYER_FIELDS}
    layer_line = (
        text("variants.layer_line", lang, **shown)
        + "; "
        + text(f"variants.padding.{variants.padding}", lang, p_h=shown["p_h"], p_w=shown["p_w"])
    )
    questions = []
    for q in variants.questions:
        tree = reference_variant(entry(q), variants.padding).tree
        questions.append(
            {
                "name": q,
                "prompt": f"{layer_line}. {ask(q, lang)}",
                "tree": tree,
                "ratio": variants.ratio(q),
                "shown": LAYER_FIELDS,
                "alternatives": _alternatives(variants, q),
            }
        )
    rows = []
    for s in variants.students:
        row = _layer_fields(s.layer)
        row["n"] = s.layer.batch
        rows.append(row)
    return moodle_xml(questions, rows)


def render_files(variants: ClassVariants, out, languages=("en", "zh")) -> dict:
    """Every output file, path -> content (see the module docstring)."""
    from pathlib import Path

    from derivations.render import environment

    out = Path(out)
    files: dict = {out / "variants.json": _json(variants), out / "key.csv": _key_csv(variants)}
    names = sheet_names(variants)
    for s in variants.students:
        name = names[s.id]
        for lang in languages:
            template = environment().get_template("variant_sheet.md.j2")
            files[out / "sheets" / lang / f"{name}.md"] = template.render(
                **_sheet_data(variants, s, lang)
            )
    for lang in languages:
        template = environment().get_template("variant_sheets.tex.j2")
        files[out / "sheets" / lang / "all.tex"] = template.render(
            lang=lang, sheets=[_sheet_data(variants, s, lang) for s in variants.students]
        )
        files[out / f"moodle-{lang}.xml"] = _moodle(variants, lang)
    return files
