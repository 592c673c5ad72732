"""Benchmark: per-student variants (issue 14).

Figures: variants generated per second (300 students x 3 questions: draws, keys
executed, sheets in both languages and the Moodle export rendered), and the time to
grade 300 x 3 numeric answers against each student's own layer.
"""

from __future__ import annotations

__all__ = ["run"]

STUDENTS = 300
QUESTIONS = ["forward-mults", "backward-ops", "double-padding"]


def run(harness) -> None:
    from derivations.variants.build import build_variants, render_files
    from derivations.variants.grade import grade_variant_answer

    roster = [f"student{i:03d}" for i in range(STUDENTS)]
    state = {}

    def generate():
        from derivations.variants import key

        key._executed_counts.cache_clear()
        variants = build_variants(roster, QUESTIONS, "bench")
        render_files(variants, "/nonexistent-bench-out")
        state["variants"] = variants

    def grade():
        variants = state["variants"]
        for student in variants.students:
            for value in student.key:
                grade_variant_answer(variants, student.id, value.question, str(value.value))

    generate()  # warm: the checker's catalogue of the three questions
    generation, grading = harness.timings(generate, grade, rounds=3)
    harness(
        "variants generated per second",
        round(STUDENTS / generation.median, 1),
        "students/s",
        f"min {generation.min:.2f} s, median {generation.median:.2f} s "
        f"for {STUDENTS} students x {len(QUESTIONS)} questions, keys executed",
    )
    harness(
        f"grade {STUDENTS} x {len(QUESTIONS)} numeric answers",
        round(grading.median, 3),
        "s",
        f"min {grading.min:.3f} s",
    )
