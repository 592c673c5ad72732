"""One error path (issue 9): every ``DerivationError`` the package raises says a catalogue id.

An AST scan of every module under ``derivations/`` fails when a ``DerivationError`` (or a
subclass of it defined in the package, e.g. ``CheckFailed``, ``InvalidAnswer``) is built
without ``key=``: from a message of its own (a string literal, an f-string, a
concatenation) or from a text already looked up in one language (``text("area.id", lang,
...)``: an error is translated only where it is shown, issue 20).
Modules not yet converted are listed in ``EXEMPT``; each owner removes theirs when done.

Then every message id the package names literally (``key="..."`` of an error, the first
argument of the catalogue's ``text``) exists in the catalogue, the fields a ``key=`` call
passes cover the fields its texts use, and each message's en and zh texts use the same
fields.
"""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import derivations
from derivations.messages import LANGUAGES, catalogue

PACKAGE = Path(derivations.__file__).resolve().parent

#: The one module that may raise an English literal for good: the catalogue cannot report
#: its own load failure (a malformed or duplicate entry, an unknown id or language)
#: through itself.
PERMANENT = {
    "messages/__init__.py": "the catalogue cannot report its own load failure through itself",
}

#: Modules whose errors are not converted yet (issue 9).  Each owner converts the raises in
#: their modules and removes them here; a test below fails when a listed module is clean.
EXEMPT = {
    # exercises
}

BASE = "DerivationError"


@dataclass(frozen=True)
class Finding:
    """One error built from an inline message: where, and what the message is."""

    module: str
    line: int
    error: str
    message: str

    def __str__(self) -> str:
        return f"derivations/{self.module}:{self.line}: {self.error}({self.message}) has no key="


@cache
def _modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _called_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def error_classes(trees) -> frozenset[str]:
    """``DerivationError`` and every class of the package that derives from it (by name,
    transitively)."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    name for name in map(_called_name, node.bases) if name
                )
    known = {BASE}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in known and parents & known:
                known.add(name)
                grew = True
    return frozenset(known)


def _lookups(tree: ast.Module) -> frozenset[str]:
    """The local names of the catalogue's ``text`` in this module (``text``, ``say``...)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "derivations.messages":
            names.update(alias.asname or alias.name for alias in node.names if alias.name == "text")
    return frozenset(names)


def _is_lookup(node: ast.expr, lookups: frozenset[str]) -> bool:
    """A catalogue lookup: ``text("area.id", lang, ...)`` or ``messages.text(...)``."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in lookups
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "text"
        and isinstance(func.value, ast.Name)
        and func.value.id == "messages"
    )


def scan(source: str, module: str = "<string>", errors=frozenset({BASE})) -> list[Finding]:
    """Every call of an error class in ``source`` built from an inline message, not a key."""
    return _scan(ast.parse(source), module, errors)


def _scan(tree: ast.Module, module: str, errors: frozenset[str]) -> list[Finding]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _called_name(node.func) not in errors:
            continue
        if any(keyword.arg == "key" for keyword in node.keywords):
            continue
        shown = ast.unparse(node.args[0]) if node.args else ""
        if len(shown) > 60:
            shown = shown[:57] + "..."
        found.append(Finding(module, node.lineno, _called_name(node.func) or "", shown))
    return sorted(found, key=lambda finding: finding.line)


@cache
def _package_findings() -> dict[str, list[Finding]]:
    modules = _modules()
    errors = error_classes(modules.values())
    return {module: _scan(tree, module, errors) for module, tree in modules.items()}


# -- the scanner itself can fail ------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'raise DerivationError("roster is empty")',
        'raise DerivationError(f"roster {path} is empty")',
        'raise DerivationError("roster " + str(path) + " is empty")',
        'raise DerivationError("roster %s" % path)',
        "raise DerivationError(problem)",
        "raise DerivationError()",
        'raise errors.DerivationError(f"bad {x}")',
        'def f(why):\n    return DerivationError(f"variants file: {why}")',
        'from derivations.messages import text\nraise DerivationError(text("a.b", lang))',
        'from derivations.messages import text as say\nraise DerivationError(say("a.b", "zh"))',
    ],
)
def test_the_scanner_finds_an_inline_message(source):
    assert len(scan(source)) == 1, source


@pytest.mark.parametrize(
    "source",
    [
        'raise DerivationError(key="files.empty_path", path="x")',
        'raise ValueError("not ours")',
        'raise InvalidAnswer(reason, 3, key="reading.x")',
    ],
)
def test_the_scanner_passes_a_keyed_error(source):
    assert scan(source) == [], source


def test_subclasses_are_scanned_too():
    source = (
        "class CheckFailed(DerivationError): ...\n"
        "class Worse(CheckFailed): ...\n"
        'raise Worse("the numbers disagree")\n'
    )
    errors = error_classes([ast.parse(source)])
    assert {"CheckFailed", "Worse"} <= errors
    assert [f.error for f in scan(source, errors=errors)] == ["Worse"]


def test_the_package_defines_the_subclasses_the_scan_knows():
    errors = error_classes(_modules().values())
    assert {"DerivationError", "CheckFailed", "InvalidAnswer"} <= errors


# -- the package -------------------------------------------------------------------------


def test_no_error_of_the_package_has_an_inline_message():
    findings = [
        str(finding)
        for module, found in _package_findings().items()
        if module not in EXEMPT and module not in PERMANENT
        for finding in found
    ]
    assert not findings, "say these by catalogue id (key=...):\n" + "\n".join(findings)


def test_every_exempt_module_exists_and_still_needs_its_exemption():
    findings = _package_findings()
    for module in (*EXEMPT, *PERMANENT):
        assert module in findings, f"derivations/{module} does not exist"
    clean = sorted(module for module in EXEMPT if not findings[module])
    assert not clean, f"converted: remove from EXEMPT: {', '.join(clean)}"
    assert findings["messages/__init__.py"], "the permanent exemption is no longer needed"


# -- the ids and their fields ----------------------------------------------------------------


@dataclass(frozen=True)
class Use:
    """A literal message id named in the package, and the fields given with it."""

    module: str
    line: int
    key: str
    fields: frozenset[str] | None  # None: unknown (``**fields`` passed on)


def uses(source: str, module: str = "<string>", errors=frozenset({BASE})) -> list[Use]:
    """Each ``Error(key="id", ...)`` and ``text("id", ...)`` with a literal id in ``source``."""
    return _uses(ast.parse(source), module, errors)


def _literal_ids(node: ast.expr | None) -> list[str]:
    """The ids an argument names literally: ``"a.b"``, or both of ``"a.b" if c else "a.c"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literal_ids(node.body) + _literal_ids(node.orelse)
    return []


def _uses(tree: ast.Module, module: str, errors: frozenset[str]) -> list[Use]:
    lookups = _lookups(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        named = {keyword.arg: keyword.value for keyword in node.keywords}
        splat = None in named
        keys: list[str] = []
        if _called_name(node.func) in errors:
            keys = _literal_ids(named.get("key"))
            given = set(named) - {"key", None}
        elif _is_lookup(node, lookups) and node.args:
            keys = _literal_ids(node.args[0])
            given = set(named) - {None}
        found += [
            Use(module, node.lineno, key, None if splat else frozenset(given)) for key in keys
        ]
    return sorted(found, key=lambda use: use.line)


@cache
def _package_uses() -> list[Use]:
    modules = _modules()
    errors = error_classes(modules.values())
    return [use for module, tree in modules.items() for use in _uses(tree, module, errors)]


def fields(template: str) -> frozenset[str]:
    """The names of the ``str.format`` fields ``template`` uses (``{value!r}`` -> value)."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return frozenset(names)


def test_the_use_finder_finds_ids_and_fields():
    source = (
        "from derivations.messages import text\n"
        'raise DerivationError(key="files.empty_path", path=p)\n'
        'x = text("grading.nul", lang, path=p, line=1)\n'
        'raise DerivationError(key="a.b", **more)\n'
        'print(text("a.c" if ok else "a.d", "en"))\n'
    )
    assert [(u.key, u.fields) for u in uses(source)] == [
        ("files.empty_path", frozenset({"path"})),
        ("grading.nul", frozenset({"path", "line"})),
        ("a.b", None),
        ("a.c", frozenset()),
        ("a.d", frozenset()),
    ]


def test_every_message_id_used_exists():
    known = catalogue()
    uses = _package_uses()
    # the finder reads the package (not nothing): the error calls of its modules
    assert len({use.module for use in uses}) > 30 and "model.not_positive" in {u.key for u in uses}
    missing = [
        f"derivations/{use.module}:{use.line}: {use.key}" for use in uses if use.key not in known
    ]
    assert not missing, "not in derivations/messages/*.yaml:\n" + "\n".join(missing)


def test_every_error_gives_the_fields_its_message_uses():
    known = catalogue()
    short = []
    for use in _package_uses():
        if use.key not in known or use.fields is None:
            continue
        lacking = fields(known[use.key]["en"]) - use.fields
        if lacking:
            short.append(f"derivations/{use.module}:{use.line}: {use.key} lacks {sorted(lacking)}")
    assert not short, "\n".join(short)


def test_the_field_check_can_fail():
    assert fields("{field}={value!r} is not {known:>3}") == {"field", "value", "known"}
    assert fields("{{literal}} braces") == frozenset()


def test_each_message_uses_the_same_fields_in_every_language():
    differ = [
        f"{key}: " + ", ".join(f"{lang} {sorted(fields(texts[lang]))}" for lang in LANGUAGES)
        for key, texts in catalogue().items()
        if len({fields(texts[lang]) for lang in LANGUAGES}) > 1
    ]
    assert not differ, "\n".join(differ)


#: Texts with no words to translate: the same symbols in every language.
NO_WORDS = {"checker.label.LaTeX", "checker.phrase.layer_separator"}
NO_WORDS |= {"checker.phrase.list_separator", "sheets.sep", "sheets.in_parens"}
NO_WORDS |= {"checker.phrase.condition_list_separator"}  # "；" between a branch's conditions
NO_WORDS |= {"checker.phrase.id_separator"}  # "、" between ids
NO_WORDS |= {"checker.phrase.note_separator"}  # "；" between a shown reference's clauses
NO_WORDS |= {"variants.padding_value.same", "variants.padding_value.two"}  # symbols only
NO_WORDS |= {"sheets.formulas_form_note", "sheets.enumeration_sep"}
NO_WORDS |= {"figures.networks_macs"}  # the term the zh sheet uses too
NO_WORDS |= {"figures.networks_block"}  # a module path pattern, "layer1.*"
NO_WORDS |= {"figures.networks_sums"}  # "Σ：" and three figures; the title says what Σ is
NO_WORDS |= {"figures.networks_panel"}  # a network's name and figures.networks_input, "，" between
NO_WORDS |= {"checker.phrase.product_sign"}  # a sign: "*" in en, "×" in zh


def test_every_chinese_text_is_chinese():
    han = re.compile(r"[\u4e00-\u9fff]")
    english = sorted(
        key
        for key, texts in catalogue().items()
        if key not in NO_WORDS and not han.search(texts["zh"].format_map(_Blank()))
    )
    assert not english, "zh text without Chinese: " + ", ".join(english)


class _Blank(dict):
    """Every field formats as nothing: only the text's own words are left."""

    def __missing__(self, key):
        return ""
