"""The sheets' prose by key: the one formatting path of an exercise's sentences.

An exercise module writes ``say("cost.forward_pass", m=..., ...)``: the sentence is the
entry ``cost.forward_pass`` of ``exercises/prose/cost.yaml`` (``{en: ..., zh: ...}``,
the module's name before the first dot), both languages filled by
:func:`.fields.fill`, strictly: a field the text has and the call does not give
(``exercise.field_missing``), a field the call gives and the text does not have
(``exercise.field_unknown``), a field left unfilled (``exercise.unfilled_field``) and an
unknown key (``exercise.unknown_prose``) are each a keyed error naming it, never silent.
The catalogue files are read once (PyYAML, on first use).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from derivations.errors import DerivationError
from derivations.exercises.fields import fill, template_fields

__all__ = ["say", "prose_file", "tidy_chinese"]

LANGS = ("en", "zh")

# Chinese full-width punctuation takes no space on either side; a space there is a seam
# (a field's value ending in "）", or YAML folding a long line) and shows as a gap
_FULL_WIDTH = "，。；：、（）“”！？"
_SPACE_AT_PUNCTUATION = re.compile(rf"[ \t]+(?=[{_FULL_WIDTH}])|(?<=[{_FULL_WIDTH}])[ \t]+")
_CODE_SPAN = re.compile(r"(`[^`]*`)")


@cache
def prose_file(module: str) -> dict[str, dict[str, str]]:
    """Every key of ``exercises/prose/<module>.yaml`` -> {language: template}."""
    import yaml

    item = resources.files(__package__).joinpath("prose", f"{module}.yaml")
    if not item.is_file():
        return {}
    data = yaml.safe_load(item.read_text(encoding="utf-8")) or {}
    return {key: {lang: str(texts[lang]) for lang in LANGS} for key, texts in data.items()}


def say(key: str, /, **fields: object) -> dict:
    """The sentence ``key`` in both languages (a :data:`.document.Text`), its fields
    filled strictly by :func:`.fields.fill`."""
    module = key.partition(".")[0]
    texts = prose_file(module).get(key)
    if texts is None:
        raise DerivationError(
            key="exercise.unknown_prose", name=key, file=f"exercises/prose/{module}.yaml"
        )
    wanted = {lang: template_fields(texts[lang]) for lang in LANGS}
    unused = sorted(set(fields).difference(*wanted.values()))
    if unused:
        raise DerivationError(key="exercise.field_unknown", field=unused[0], where=key)
    # a Text value (a phrase said in both languages, e.g. by say) fills each language
    # with its own words; a value only one language's text has goes to that one
    filled = {
        lang: fill(
            texts[lang],
            key,
            **{k: _in(v, lang) for k, v in fields.items() if k in wanted[lang]},
        )
        for lang in LANGS
    }
    filled["zh"] = tidy_chinese(filled["zh"])
    return filled


def tidy_chinese(text: str) -> str:
    """``text`` without the spaces next to full-width punctuation ("（书中版本） 用" ->
    "（书中版本）用"); code spans are left as they are."""
    parts = _CODE_SPAN.split(text)
    return "".join(
        part if part.startswith("`") else _SPACE_AT_PUNCTUATION.sub("", part) for part in parts
    )


def _in(value: object, lang: str) -> object:
    """``value`` as language ``lang`` says it: a Text's own words, anything else as is."""
    if isinstance(value, dict) and set(value) == set(LANGS):
        return value[lang]
    return value
