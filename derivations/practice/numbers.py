"""The practice page's questions that ask for a number at a given layer: every question
with one number per layer (:data:`derivations.variants.key.SUPPORTED`), all asked at one
layer, the layer ``variants`` draws for the student :data:`STUDENT` of the course seeded
:data:`SEED` (its book-like distribution, total padding), and graded exactly as ``grade
--variants`` grades that student's answers (:func:`derivations.variants.grade.
grade_variant_answer`: a number against the key, a near miss named from the checker's
catalogue, a formula by the checker with its value at the layer).

At build time the key is executed (:func:`derivations.variants.build.build_variants`:
every value the closed form's and the instrumented convolution's); in the browser it is
the closed forms' (:func:`derivations.variants.key.key_values_closed`, no NumPy).
"""

from __future__ import annotations

__all__ = [
    "SEED",
    "STUDENT",
    "PADDING",
    "questions",
    "practice_variants",
    "practice_class",
    "answer_at",
]

SEED = "practice"
STUDENT = "practice"
PADDING = "total"


def questions() -> tuple[str, ...]:
    """The question ids asked at the layer, in the catalogue's order."""
    from derivations.variants.key import SUPPORTED

    return tuple(SUPPORTED)


def practice_variants(executed: bool = False):
    """The one-student class of the page (:class:`~derivations.variants.build.
    ClassVariants`): its key executed (``executed``, the build's check) or the closed
    forms' (the browser's)."""
    from derivations.variants.build import ClassVariants, Student, build_variants
    from derivations.variants.draw import draw_layer
    from derivations.variants.key import key_values_closed

    if executed:
        return build_variants([STUDENT], list(questions()), SEED, PADDING)
    layer = draw_layer(SEED, STUDENT, PADDING)
    key = tuple(key_values_closed(layer, questions()))
    return ClassVariants(SEED, PADDING, questions(), (Student(STUDENT, layer, key),))


def _assumption(name: str, lang: str) -> dict:
    from derivations.messages import text

    return {"id": name, "text": text(f"checker.assumption.{name}", lang)}


def answer_at(qid: str, text: str, lang: str) -> str:
    """The verdict of ``text`` as the number (or formula) question ``qid`` asks at the
    page's layer, at the hint level, as JSON with ``check --json``'s keys where they
    apply (``verdict``, ``conventions``, ``misconception``, ``parsed``, ``feedback``: the
    words ``grade --variants`` releases to the student; ``restricted``: right only at
    some layers) and the ``layer``."""
    import json

    from derivations.registry.misconceptions import misconception
    from derivations.variants.build import LAYER_FIELDS
    from derivations.variants.grade import grade_variant_answer

    if lang not in ("en", "zh"):
        lang = "en"
    variants = practice_class()
    student = variants.students[0]
    if qid not in questions():
        from derivations.messages import text as message

        line = message(
            "variants.not_numeric", lang, question=repr(qid), known=", ".join(questions())
        )
        outcome = None
    else:
        outcome = grade_variant_answer(variants, STUDENT, qid, text, lang, "hint", symbolic=False)
    data = {
        "question": qid,
        "answer": text,
        "layer": {name: getattr(student.layer, name) for name in LAYER_FIELDS},
        "verdict": outcome.verdict if outcome else "error",
        "conventions": [_assumption(n, lang) for n in outcome.assumptions] if outcome else [],
        "misconception": (
            {"id": outcome.misconception, "title": misconception(outcome.misconception).title[lang]}
            if outcome and outcome.misconception
            else None
        ),
        "parsed": {"text": outcome.parsed} if outcome and outcome.parsed else None,
        "feedback": outcome.student_feedback if outcome else line,
        "restricted": bool(outcome and outcome.restricted),
        "lang": lang,
    }
    return json.dumps(data, ensure_ascii=False)


_CLASS: list = []


def practice_class():
    """The page's class (closed-form key), made once per process (the browser's worker
    keeps it)."""
    if not _CLASS:
        _CLASS.append(practice_variants())
    return _CLASS[0]
