"""The sheets' interface strings per language, read by id from ``messages/sheets.yaml``.

``STRINGS[lang][name]`` is the catalogue's ``sheets.<name>`` (its ``str.format`` fields,
``{n}``, ``{letter}``, ``{closed}``, ``{executed}``, left for the renderer to fill).  No
text lives here: this module only gives the renderer the ``s.<name>`` object its
templates use.  New code looks messages up directly with
``derivations.messages.text("sheets.<name>", lang)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from derivations.messages import LANGUAGES, catalogue

__all__ = ["STRINGS"]

PREFIX = "sheets."


class _Strings(Mapping):
    """``lang -> {name: text}`` over the ``sheets.<name>`` ids (no dot in ``name``)."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        strings = {
            key[len(PREFIX) :]: texts[lang]
            for key, texts in catalogue().items()
            if key.startswith(PREFIX) and "." not in key[len(PREFIX) :]
        }
        return {"lang": lang, **strings}

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


STRINGS = _Strings()
