"""The sheets' messages (``messages/sheets.yaml``): every id in both languages, the
Chinese really translated, every id the sheets look up declared."""

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from derivations.messages import LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "derivations"
# the sheets' own sources (other areas' files may quote paths such as "sheets.tex")
SOURCES = [
    *(PACKAGE / "exercises").glob("*.py"),
    PACKAGE / "reference.py",
    *(
        PACKAGE / "templates" / name
        for name in ("answers.md.j2", "answers.tex.j2", "formulas.md.j2")
    ),
]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _declared() -> dict:
    source = resources.files("derivations.messages").joinpath("sheets.yaml")
    return yaml.safe_load(source.read_text(encoding="utf-8"))


def test_ids_are_in_the_sheets_area():
    assert _declared() and all(key.startswith("sheets.") for key in _declared())


@pytest.mark.parametrize("key", sorted(_declared()))
def test_every_id_has_every_language_and_real_chinese(key):
    texts = _declared()[key]
    assert set(texts) == set(LANGUAGES), key
    assert all(isinstance(texts[lang], str) and texts[lang].strip() for lang in LANGUAGES)
    assert texts["zh"] != texts["en"], key
    if re.search(r"[A-Za-z]{3,}", re.sub(r"\$[^$]*\$|`[^`]*`|\{[a-z_]+\}", "", texts["en"])):
        assert HAN.search(texts["zh"]), key


def test_every_id_looked_up_is_declared():
    used = {
        m
        for path in SOURCES
        for m in re.findall(
            r"""["'](sheets\.[a-z_.]+[a-z_])["']""", path.read_text(encoding="utf-8")
        )
    }
    assert used and not used - set(catalogue()), sorted(used - set(catalogue()))
