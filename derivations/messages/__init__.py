"""The message catalogue: every user-visible string, by id, in each language.

Declarations live in ``derivations/messages/*.yaml`` (one file per part of the tool:
``cli``, ``checker``, ``grading``, ``sheets``, …), each a mapping
``id: {en: text, zh: text}``.  An id is unique across all files.  Texts may hold
``str.format`` fields (``{value}``), filled by :func:`text`.

Lookups are by id, never by the English text, so editing a phrase cannot silently drop
its translation.  The files are read once, on first use.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from derivations.errors import DerivationError

__all__ = ["LANGUAGES", "text", "entry", "catalogue"]

LANGUAGES = ("en", "zh")


def _load_yaml(source: str) -> object:
    import yaml  # read only when a message is first needed: start-up stays light

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source, Loader=loader)


@cache
def _file(name: str) -> dict[str, dict[str, str]]:
    """The messages of catalogue file ``name`` (empty when there is no such file)."""
    item = resources.files(__package__).joinpath(name)
    if not item.is_file():
        return {}
    data = _load_yaml(item.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise DerivationError(f"message catalogue {name} is not a mapping")
    out: dict[str, dict[str, str]] = {}
    for key, texts in data.items():
        if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
            raise DerivationError(
                f"message {key!r} in {name} needs exactly the languages {', '.join(LANGUAGES)}"
            )
        out[key] = {lang: str(texts[lang]) for lang in LANGUAGES}
    return out


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every id -> {language: text}, merged from all catalogue files (ids unique)."""
    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    folder = resources.files(__package__)
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".yaml"):
            continue
        for key, texts in _file(item.name).items():
            if key in merged:
                raise DerivationError(
                    f"message id {key!r} is declared in {origin[key]} and {item.name}"
                )
            merged[key] = texts
            origin[key] = item.name
    return merged


def entry(key: str) -> dict[str, str]:
    """Both languages' texts of message ``key``: read from the file named by the id's
    area (``model.…`` from ``model.yaml``) when it is there, so a command parses only the
    files it speaks from; otherwise from the whole catalogue."""
    found = _file(f"{key.partition('.')[0]}.yaml").get(key)
    if found is not None:
        return found
    try:
        return catalogue()[key]
    except KeyError:
        raise DerivationError(f"unknown message id {key!r}") from None


def text(key: str, lang: str, /, **fields: object) -> str:
    """The text of message ``key`` in ``lang``, with ``fields`` filled in."""
    if lang not in LANGUAGES:
        raise DerivationError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    template = entry(key)[lang]
    return template.format(**fields) if fields else template
