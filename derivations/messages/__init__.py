"""The message catalogue: every user-visible string, by id, in each language.

Declarations live in ``derivations/messages/*.yaml`` (one file per part of the tool:
``cli``, ``checker``, ``grading``, ``sheets``, …), each a mapping
``id: {en: text, zh: text}``.  An id is unique across all files.  Texts may hold
``str.format`` fields (``{value}``), filled by :func:`text`.

Lookups are by id, never by the English text, so editing a phrase cannot silently drop
its translation.  The files are read once, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from derivations.errors import DerivationError

__all__ = ["LANGUAGES", "text", "entry", "catalogue"]

LANGUAGES = ("en", "zh")


def _load_yaml(source: str) -> object:
    import yaml  # read only when a message is first needed: start-up stays light

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source, Loader=loader)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every id -> {language: text}, merged from all catalogue files (ids unique)."""
    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    folder = resources.files(__package__)
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".yaml"):
            continue
        data = _load_yaml(item.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise DerivationError(f"message catalogue {item.name} is not a mapping")
        for key, texts in data.items():
            if key in merged:
                raise DerivationError(
                    f"message id {key!r} is declared in {origin[key]} and {item.name}"
                )
            if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
                raise DerivationError(
                    f"message {key!r} in {item.name} needs exactly the languages "
                    f"{', '.join(LANGUAGES)}"
                )
            merged[key] = {lang: str(texts[lang]) for lang in LANGUAGES}
            origin[key] = item.name
    return merged


def entry(key: str) -> dict[str, str]:
    """Both languages' texts of message ``key``."""
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
