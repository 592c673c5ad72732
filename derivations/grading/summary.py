"""The Markdown summary of a graded class (``templates/grade_summary.md.j2``; its
strings are data here, per language)."""

from __future__ import annotations

from derivations.checking.explaining.feedback import convention_text, misconception_text, verdict_text
from derivations.registry.questions import QUESTIONS
from derivations.checking.result import VERDICTS

__all__ = ["render_summary", "STRINGS"]

STRINGS = {
    "en": {"title": "Grading summary", "rows_line": "{rows} answers graded.",
           "verdict": "verdict", "count": "answers",
           "top_misconceptions": "Most common misconceptions:",
           "top_conventions": "Most common conventions:"},
    "zh": {"title": "评分汇总", "rows_line": "共评阅 {rows} 个答案。",
           "verdict": "结论", "count": "答案数",
           "top_misconceptions": "最常见的错误：",
           "top_conventions": "最常见的约定："},
}


def render_summary(data: list[dict], lang: str) -> str:
    import jinja2

    from derivations.render import TEMPLATES
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    template = environment.get_template("grade_summary.md.j2")
    strings = dict(STRINGS[lang])
    strings["rows_line"] = strings["rows_line"].format(rows=sum(q["rows"] for q in data))
    names = {name for q in data for name, _ in q["misconceptions"]}
    conventions = {name for q in data for name, _ in q["conventions"]}
    questions = [dict(q, title=QUESTIONS[q["question"]].title[lang]
                      if q["question"] in QUESTIONS else "") for q in data]
    return template.render(
        s=strings, questions=questions, verdicts=VERDICTS,
        verdict_names={v: verdict_text(v, lang) for v in VERDICTS},
        misconception_texts={n: misconception_text(n, lang, direction="…") for n in names},
        convention_texts={n: convention_text(n, lang) for n in conventions})
