"""The practice pages as HTML: every question of the catalogue once, as the contract's form,
grouped under the edition's own exercise numbers, the answer folded in a closed
``<details>``; the script's texts safe inside ``<script>``."""

from html.parser import HTMLParser

import pytest

from derivations.commands import docs
from derivations.messages import text
from derivations.practice.page import render_practice
from derivations.registry.exercises import EXERCISES
from derivations.registry.questions import QUESTIONS


class Outline(HTMLParser):
    """Forms (question id, inputs, buttons, details and whether open), in order, each
    under the last ``<h2>`` heading's text."""

    def __init__(self):
        super().__init__()
        self.forms, self.heading, self.in_h2, self.scripts = [], "", False, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h2":
            self.in_h2, self.heading = True, ""
        elif tag == "form":
            self.forms.append(
                {
                    "id": a.get("data-question"),
                    "section": self.heading,
                    "inputs": [],
                    "buttons": 0,
                    "details": [],
                }
            )
        elif tag == "input" and self.forms:
            self.forms[-1]["inputs"].append((a.get("name"), a.get("type")))
        elif tag == "button" and self.forms:
            self.forms[-1]["buttons"] += a.get("type") == "submit"
        elif tag == "details" and self.forms:
            self.forms[-1]["details"].append("open" in a)
        elif tag == "script":
            self.scripts.append(a)

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_h2 = False

    def handle_data(self, data):
        if self.in_h2:
            self.heading += data


@pytest.fixture(scope="module")
def pages() -> dict:
    from derivations.exercises import for_edition

    exercises, _, _ = docs._built(recheck=False, jobs=1)
    return {lang: render_practice(*for_edition(exercises, lang), lang) for lang in docs.LANGS}


@pytest.mark.parametrize("lang", docs.LANGS)
def test_every_question_is_one_form_of_the_contract(pages, lang):
    outline = Outline()
    outline.feed(pages[lang])
    assert [f["id"] for f in outline.forms] != []
    assert sorted(f["id"] for f in outline.forms) == sorted(QUESTIONS)
    for form in outline.forms:
        assert form["inputs"] == [("answer", "text")], form
        assert form["buttons"] == 1 and form["details"] == [False], form
    assert 'data-checker="loading"' in pages[lang]


@pytest.mark.parametrize("lang", docs.LANGS)
def test_questions_are_under_the_editions_own_exercise_numbers(pages, lang):
    outline = Outline()
    outline.feed(pages[lang])
    for form in outline.forms:
        exercise = QUESTIONS[form["id"]].exercise
        number = EXERCISES[exercise].number(lang) if exercise else None
        if number is not None:
            assert form["section"].startswith(text("sheets.exercise", lang, n=number)), form
        else:
            assert not form["section"].startswith(text("sheets.exercise", lang, n="")), form
    zh_only = [q for q in QUESTIONS.values() if q.exercise and EXERCISES[q.exercise].en is None]
    assert zh_only, "the catalogue has a question of an exercise only the Chinese edition has"


def test_the_scripts_texts_cannot_close_the_script_element(pages):
    for page in pages.values():
        start = page.index('<script type="application/json" id="practice-messages">')
        body = page[start:].split(">", 1)[1].split("</script>", 1)[0]
        assert "<" not in body and "&" not in body
