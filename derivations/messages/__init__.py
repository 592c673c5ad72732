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
from pathlib import Path

from derivations.errors import DerivationError

__all__ = ["LANGUAGES", "text", "entry", "catalogue", "prebuilt_files"]

LANGUAGES = ("en", "zh")


def _load_yaml(source: str) -> object:
    import yaml  # read only when a message is first needed: start-up stays light

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source, Loader=loader)


_HERE = Path(__file__).resolve().parent


def _folder():
    """The catalogue files' folder: the package's own when it is one (importing
    importlib.resources and its zip reader costs a cold start more than the lookup),
    else what importlib.resources gives (a package inside a zip)."""
    if (_HERE / "__init__.py").is_file():
        return _HERE
    from importlib import resources

    return resources.files(__package__)


_reading: list[str] = []  # catalogues being read from the store (a warning it gives is
# said from the YAML, not from the store again)


@cache
def _file(name: str) -> dict[str, dict[str, str]]:
    """The messages of catalogue file ``name`` (empty when there is no such file): from
    the store of derived data when it holds them for these very bytes, in the user's
    cache or prebuilt beside the package (the practice pages' archive ships them: a
    start-up reads JSON, as importing PyYAML and parsing cost a ``check`` more than its
    own work), else parsed from the YAML and stored in the cache."""
    item = _folder().joinpath(name)
    if not item.is_file():
        return {}
    kind = _kind(name)
    if kind is not None and not _reading:
        _reading.append(name)
        try:
            found = kind.get(_entry_name(name), _checked)
        finally:
            _reading.pop()
        if found is not None:
            return found
    out = _parsed(name, item.read_text(encoding="utf-8"))
    if kind is not None:
        kind.store(_entry_name(name), out)
    return out


def _entry_name(name: str) -> str:
    return name.removesuffix(".yaml")


def _kind(name: str):
    """The store's kind holding catalogue file ``name`` as JSON, keyed by its bytes
    (None where the package is not a folder of files)."""
    from derivations.store import Kind

    if not Path(__file__).with_name(name).is_file():
        return None
    return Kind("messages", (f"messages/{name}",))


def _checked(payload: object) -> dict[str, dict[str, str]]:
    """A stored catalogue as :func:`_file` returns it; ValueError otherwise."""
    if not isinstance(payload, dict) or not all(
        isinstance(texts, dict)
        and set(texts) == set(LANGUAGES)
        and all(isinstance(t, str) for t in texts.values())
        for texts in payload.values()
    ):
        raise ValueError("not a message catalogue")
    return payload


def _parsed(name: str, source: str) -> dict[str, dict[str, str]]:
    """The messages of catalogue file ``name`` holding ``source`` (YAML)."""
    data = _load_yaml(source) or {}
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
    folder = _folder()
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


def prebuilt_files() -> dict[str, bytes]:
    """Every catalogue file as the store's prebuilt entry (path below the package ->
    bytes), parsed from the YAML now: what the practice pages' archive ships, so that the
    checker in the browser reads JSON and never imports PyYAML."""
    out = {}
    folder = _folder()
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        kind = _kind(item.name) if item.name.endswith(".yaml") else None
        if kind is not None:
            parsed = _parsed(item.name, item.read_text(encoding="utf-8"))
            out[f"prebuilt/{kind.kind}/{_entry_name(item.name)}.json"] = kind.prebuilt_file(
                _entry_name(item.name), parsed
            )
    return out
