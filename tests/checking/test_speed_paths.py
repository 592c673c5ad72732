"""The checker's in-process fast paths (issue 21: ``check`` no slower than before its
readings) change no result: with every one of them switched off (each replaced by the
plain rule it stands in front of), every answer of the held-out and real answers and of
the fuzzing corpus gets the same result, field by field.

* the lexer's whole-word spelling (:func:`.lexer._spelled_whole`): the general word path;
* the code reading's gate (:func:`.code._needs_code`): one substring test per cue;
* the printers' writers by node class (:data:`.printers._WRITERS`): one ``match``;
* the transform's builders by rule (:data:`.transform._BUILDERS`): each rule in turn;
* the plain formula's reading (:func:`.checker._plain_read`): the general reading;
* the comparison of every point at once (:func:`.decide._equal`): point by point;
* the reader's plain formula (:func:`.parse.plain_formula`): framing, code, statements,
  words around the formula and informal forms looked for;

and each gate alone against its rule over the same corpus, and the plain formula's
reading over formulas in the book's symbols (each question's variants, changed).  The
reader's plain formula also over every answer of the tests' tables (the rows of
tests/checking, read from their source), verdict, notes and feedback (the JSON ``check
--json`` prints, in English and Chinese), and over random plain texts read with and
without it; LaTeX's styling (:func:`.normalize._styled`) finds nothing in a text
with none of its marks (:func:`.normalize.may_be_styled`), which
:func:`.normalize.normalize` skips it for.
"""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest
import yaml

from derivations.checking import check, checker
from derivations.checking.deciding import decide
from derivations.checking.deciding.catalogue import entry
from derivations.checking.reading import code, lexer, normalize, parse, transform
from derivations.checking.reading.aliases import (
    BATCH_SYMBOL,
    COMPOSE_SYMBOLS,
    LAYER_SYMBOLS,
    OUTPUT_SYMBOLS,
)
from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.normalize import normalize as normalized
from derivations.expr import printers
from derivations.registry.questions import QUESTIONS
from tests.checking.fuzzing import answers

_DATA = Path(__file__).parent / "data"

# what the fast paths step around: superscripts, indices, members, previous layers,
# letters of other notations, a word before "x", code, comments
_EXTRA = [
    ("output-height", "n_H^{[l]} = (n_H^{[l-1]} + 2p^{[l]} - f^{[l]})/s^{[l]} + 1"),
    ("output-height", "(H - kernel_size[0] + 2*padding[0])/stride[0] + 1"),
    ("output-height", "(l.h + 2*l.pad - l.size)/l.stride + 1"),
    ("forward-mults", "n_C_prev * f * f * n_C * n_H * n_W"),
    ("forward-mults", "K*K*C*F*H_out*W_out"),
    ("forward-mults", "c_ox k_h k_w c_i m_h m_w"),
    ("forward-mults", "return c_o * c_i * k_h * k_w * m_h * m_w  # the products"),
    ("forward-mults", "int(c_o * c_i) * k_h * k_w * m_h * m_w"),
    ("output-height", "floor((h - k_h + p_h + s_h) // s_h)"),
    ("bias-size", "No. of filters"),
    ("bias-size", "c_o."),
]


def _corpus() -> list[tuple[str, str]]:
    held = yaml.safe_load((_DATA / "heldout_answers.yaml").read_text("utf-8"))["answers"]
    real = yaml.safe_load((_DATA / "real_answers.yaml").read_text("utf-8"))["answers"]
    references = {qid: entry(qid).display_text for qid in QUESTIONS}
    rows = [(a["question"], a["answer"]) for a in (*held, *real) if a["question"] in QUESTIONS]
    return rows + _EXTRA + list(answers(23, 500, references))


def _plain_needs_code(body: str) -> bool:
    return any(need in body for need in code._NEEDS)


def _results(corpus) -> list[dict]:
    return [check(qid, text, symbolic=False).as_dict() for qid, text in corpus]


def test_every_fast_path_off_gives_the_same_results(monkeypatch):
    corpus = _corpus()
    fast = _results(corpus)
    monkeypatch.setattr(lexer, "_spelled_whole", lambda *arguments: None)
    monkeypatch.setattr(code, "_needs_code", _plain_needs_code)
    monkeypatch.setattr(printers, "_show", _show_by_match)
    monkeypatch.setattr(transform, "_node", _node_by_rules)
    monkeypatch.setattr(checker, "_plain_read", lambda *arguments: None)
    monkeypatch.setattr(decide, "_equal", decide._equal_by_point)
    monkeypatch.setattr(parse, "plain_formula", lambda *arguments: False)
    plain = _results(corpus)
    for row, one, other in zip(corpus, fast, plain):
        assert one == other, row
    verdicts = {result["verdict"] for result in fast}
    assert {"equivalent", "not_equivalent", "invalid_input"} <= verdicts
    assert len(corpus) > 700


def _book_formulas() -> list[tuple[str, str]]:
    """Formulas in the book's symbols: each question's variants (right, conventions,
    mistakes) as the printer writes them, and changed (juxtaposed, plus one, doubled,
    the other axis, a bullet or a name before them, the batch n, a course's letters)."""
    from derivations.expr.printers import to_text

    rows = []
    for qid in QUESTIONS:
        for variant in entry(qid).variants:
            text = to_text(variant.tree)
            changed = (text.replace("*", " "), f"{text} + 1", f"2*({text})", f"- {text}")
            rows += [(qid, t) for t in (text, *changed, text.replace("_h", "_w"))]
            rows += [(qid, f"n*{text}"), (qid, f"x = {text}"), (qid, text.replace("k_h", "ks"))]
    return rows


def test_the_plain_formula_reading_gives_what_the_general_reading_gives(monkeypatch):
    rows = _book_formulas()
    taken = []
    plain_read = checker._plain_read

    def counted(*arguments):
        found = plain_read(*arguments)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(checker, "_plain_read", counted)
    fast = _results(rows)
    assert sum(taken) > 2000 and not all(taken)  # taken, and declined
    monkeypatch.setattr(checker, "_plain_read", lambda *arguments: None)
    for row, one, other in zip(rows, fast, _results(rows)):
        assert one == other, row
    verdicts = {result["verdict"] for result in fast}
    assert {"equivalent", "equivalent_under_convention", "not_equivalent"} <= verdicts


def test_values_at_every_point_are_the_values_point_by_point():
    from derivations.expr.evaluate import UNDEFINED, Undefined

    envs = [{"x": x} for x in range(-3, 4)]

    def inverse(env):
        if env["x"] == 0:
            raise Undefined("x = 0")
        return 1 / env["x"]

    def broken(env):
        if env["x"] == 2:
            raise KeyError("y")
        return env["x"]

    kept = decide.Values(inverse, envs)
    assert kept.every() == [inverse(e) if e["x"] else UNDEFINED for e in envs]
    assert not kept.defined
    assert [kept[i] for i in range(len(envs))] == kept.every()
    whole = decide.Values(lambda env: env["x"], envs)
    assert whole.every() == [e["x"] for e in envs] and whole.defined
    assert decide.Values(broken, envs).every() is None  # compared point by point
    # undefined somewhere: never equal, also where the variant is undefined there too
    assert not decide._equal(decide.Values(inverse, envs), decide.Values(inverse, envs))
    assert decide._equal(whole, decide.Values(lambda env: env["x"], envs))
    assert not decide._equal(whole, decide.Values(inverse, envs))


def _tokens(raw: str, letters: bool):
    try:
        tokens = lexer.tokenize(normalized(raw), 0, [], letters)
    except InvalidAnswer as error:
        return ("refused", error.key, error.position)
    return [(t.type, str(t), t.start_pos) for t in tokens]


@pytest.mark.parametrize("letters", [False, True])
def test_the_whole_word_spelling_reads_what_the_general_word_path_reads(monkeypatch, letters):
    texts = [text for _, text in _corpus()]
    taken = []
    spelled = lexer._spelled_whole

    def counted(*arguments):
        found = spelled(*arguments)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(lexer, "_spelled_whole", counted)
    fast = [_tokens(text, letters) for text in texts]
    if not letters:  # (with letters, every word takes the general path)
        assert sum(taken) > 500 and not all(taken)  # the fast path is taken, and declined
    monkeypatch.setattr(lexer, "_spelled_whole", lambda *arguments: None)
    assert [_tokens(text, letters) for text in texts] == fast
    assert sum(isinstance(tokens, list) for tokens in fast) > 300


def test_the_code_gate_finds_a_cue_exactly_where_one_substring_test_does():
    texts = [text for _, text in _corpus()] + list(code._NEEDS) + ["(in", "in t", "Mat"]
    for text in texts:
        assert code._needs_code(text) == _plain_needs_code(text), text
    assert any(code._needs_code(text) for text in texts)


def _show_by_match(node, style):
    """The printers' writer as it was: one ``match`` over the node classes (the oracle
    of :data:`.printers._WRITERS`)."""
    from derivations.expr import printers as pr
    from derivations.expr import tree as ex

    match node:
        case ex.Num(value):
            return style.number(value)
        case ex.Sym(name):
            return style.symbol(name), pr.ATOM
        case ex.Add(terms):
            return pr._sum(terms, style), pr.SUM
        case ex.Mul(factors):
            pieces = [pr._show(f, style) for f in factors]
            return style.product(
                [
                    pr._wrap(p, pr.PRODUCT if i == 0 else pr.POWER, style)
                    for i, p in enumerate(pieces)
                ]
            ), pr.PRODUCT
        case ex.Div(top, bottom):
            return style.quotient(pr._show(top, style), pr._show(bottom, style))
        case ex.Neg(x):
            return style.minus + pr._wrap(pr._show(x, style), pr.POWER, style), pr.PRODUCT
        case ex.Pow(base, exponent):
            return pr._wrap(pr._show(base, style), pr.ATOM, style) + style.exponent(
                exponent
            ), pr.POWER
    arguments = ", ".join(pr._show(child, style)[0] for child in ex.children(node))
    return style.calls[node.kind].format(arguments), pr.ATOM


def _trees() -> list:
    from derivations.checking.reading.parse import parse_answer

    trees = [variant.tree for qid in QUESTIONS for variant in entry(qid).variants]
    for _, text in _corpus():
        try:
            parsed = parse_answer(text)
        except InvalidAnswer:
            continue
        trees += [parsed.tree, *parsed.sides]
    return trees


def test_the_printers_by_class_write_what_the_match_over_classes_writes(monkeypatch):
    from derivations.expr import printers as pr

    trees = _trees()
    printed = [(pr.to_text(t), pr.to_unicode(t), pr.to_latex(t)) for t in trees]
    monkeypatch.setattr(pr, "_show", _show_by_match)
    assert [(pr.to_text(t), pr.to_unicode(t), pr.to_latex(t)) for t in trees] == printed
    assert len(trees) > 1000


def _node_by_rules(tree, built):
    """The parse tree's node as the transform built it: one test per rule in turn (the
    oracle of :data:`.transform._BUILDERS`)."""
    from derivations.checking.reading import transform as tr
    from derivations.checking.reading.lalr import Tree
    from derivations.expr import tree as ex

    rule, kids = str(tree.data), tree.children
    if rule == "call":
        return tr._call(kids, built)
    if rule == "arguments":
        return None
    parts = [built[id(c)] for c in kids if isinstance(c, Tree)]
    if rule == "number":
        return tr._number(kids[0])
    if rule == "symbol":
        return ex.sym(str(kids[0]))
    if rule in ("group", "pos", "start"):
        return parts[0]
    if rule == "add":
        return ex.add(*parts)
    if rule == "sub":
        return ex.add(parts[0], ex.neg(parts[1]))
    if rule == "mul":
        return ex.mul(*parts)
    if rule == "div":
        return tr._divide(parts[0], parts[1], kids[1].start_pos)
    if rule == "div_frac":
        return tr._divide(parts[0], parts[1], kids[0].start_pos)
    if rule == "floordiv":
        return ex.Floor(tr._divide(parts[0], parts[1], kids[1].start_pos))
    if rule == "neg":
        return ex.neg(parts[0])
    if rule == "pow":
        column = kids[1].start_pos
        return tr._power(parts[0], tr._exponent(parts[1], column), column)
    if rule == "floor":
        return ex.Floor(parts[0])
    if rule == "ceil":
        return ex.Ceil(parts[0])
    raise AssertionError(rule)


def _read(text: str):
    from derivations.checking.reading.parse import parse_answer

    try:
        parsed = parse_answer(text)
    except InvalidAnswer as error:
        return ("refused", error.key, error.position)
    return (parsed.tree, parsed.sides, parsed.notes)


def test_the_transform_by_rule_builds_what_testing_each_rule_in_turn_builds(monkeypatch):
    from derivations.checking.reading import transform

    texts = [text for _, text in _corpus()] + ["2^(1/0)", "c_o^(k_h)", "h // 0", "O(k) + O(h)"]
    fast = [_read(text) for text in texts]
    monkeypatch.setattr(transform, "_node", _node_by_rules)
    assert [_read(text) for text in texts] == fast
    assert sum(result[0] != "refused" for result in fast) > 300


def test_the_assumptions_kept_per_domain_and_tree_are_those_computed_afresh():
    from derivations.checking.deciding import decide

    asked = 0
    for qid in QUESTIONS:
        plan = decide.matcher(entry(qid)).plan(frozenset(), True)
        for step in plan:
            tree = entry(qid).variants[step.index].tree
            for _ in range(2):  # computed, then kept
                kept = decide.restriction_assumptions(step.domain, tree)
                assert kept == decide._assumptions(step.domain, tree), (qid, step.index)
                asked += 1
            assert decide.restriction_assumptions(step.domain) == decide._assumptions(step.domain)
    # an equal tree that is another object is computed for itself
    tree = entry("forward-mults").reference.tree
    copy = type(tree)(tree.parts)
    domain = frozenset(decide.Restriction)
    assert decide.restriction_assumptions(domain, copy) == decide._assumptions(domain, tree)
    assert asked > 100


_TESTS = Path(__file__).parent


def _table_rows() -> list[tuple[str, str]]:
    """Every answer of the tests' tables: each string beside a question id in a tuple, a
    list or a call's arguments of a file of tests/checking (a table's row, ``guard(…)``,
    ``check(…)``), once."""
    found: dict[tuple[str, str], None] = {}
    for path in sorted(_TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List)):
                items = node.elts
            elif isinstance(node, ast.Call):
                items = node.args
            else:
                continue
            strings = [e.value for e in items if isinstance(e, ast.Constant)]
            strings = [s for s in strings if isinstance(s, str)]
            for qid in (s for s in strings if s in QUESTIONS):
                found.update(((qid, s), None) for s in strings if s != qid)
    return list(found)


def _said(qid: str, text: str) -> tuple[str, str]:
    """What ``check --json`` prints for the answer (verdict, reading and its notes,
    feedback), in English and in Chinese."""
    from derivations.checking.explaining.feedback import feedback
    from derivations.commands.check import json_text

    result = check(qid, text, symbolic=False)
    return tuple(json_text(result, feedback(result, lang), lang, "hint") for lang in ("en", "zh"))


def test_the_plain_formula_reading_changes_nothing_any_test_answer_gets(monkeypatch):
    # (the data files' and the fuzzing corpus's answers: every fast path off, above)
    corpus = _table_rows()
    taken: list[bool] = []
    plain_formula = parse.plain_formula

    def counted(*arguments):
        taken.append(plain_formula(*arguments))
        return taken[-1]

    monkeypatch.setattr(parse, "plain_formula", counted)
    skipped = []
    for row in corpus:
        before = len(taken)
        check(*row, symbolic=False)
        if any(taken[before:]):
            skipped.append(row)
    assert len(skipped) > 100 and len(corpus) > 3000
    # an answer none of whose reads skipped a stage runs the same code either way: the
    # others are compared
    fast = [_said(*row) for row in skipped]
    monkeypatch.setattr(parse, "plain_formula", lambda *arguments: False)
    for row, one in zip(skipped, fast, strict=True):
        assert _said(*row) == one, row


_LAYER = sorted({*LAYER_SYMBOLS, *OUTPUT_SYMBOLS, BATCH_SYMBOL, "k", "s", "p"})
# what a plain text is made of, and what lies next to one: a bullet, a list's number, two
# spaces, floor applied without a bracket, a bracket that does not close, a capital, a
# word, another notation's name
_PIECES = ["2", "1", "12", "0", "+", "-", "*", "/", "^", " ", "(", ")", "floor(", "ceil("]
_AROUND = ["- ", "* ", "2) ", "h) ", "  ", "floor ", "ceil ", ")", "(", "H", "x", "is ", "k2"]


def _plain_texts(seed: int, count: int) -> list[tuple[str, frozenset]]:
    """``count`` texts of the plain formula's characters (most of them plain formulas,
    some next to one) in the symbols of a layer's question or a composition's."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        symbols = sorted(COMPOSE_SYMBOLS) if index % 5 == 0 else _LAYER
        pieces = [*symbols, *symbols, *_PIECES] + (_AROUND if index % 3 == 0 else [])
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if index % 4 == 0:  # a formula that reads: a product, a sum, a floor of a quotient
            a, b, c = (rng.choice(symbols) for _ in range(3))
            text = rng.choice([f"{a}*{b} {c}", f"{a}+{b}-1", f"floor(({a}-{b})/{c})+1", text])
        out.append((text, frozenset(symbols)))
    return out


def _parsed(text: str, letters: bool, symbols: frozenset):
    try:
        return parse.parse_answer(text, letters, symbols)
    except InvalidAnswer as error:
        return ("refused", error.key, error.position, error.fields)


@pytest.mark.parametrize("letters", [False, True])
def test_a_plain_text_reads_the_same_with_every_stage_looked_for(monkeypatch, letters):
    texts = _plain_texts(7, 6000)
    fast = [_parsed(text, letters, symbols) for text, symbols in texts]
    taken = [parse.plain_formula(text, symbols) for text, symbols in texts]
    assert sum(taken) > 1500 and not all(taken)  # taken, and declined
    assert sum(not isinstance(one, tuple) for one, was in zip(fast, taken) if was) > 500
    monkeypatch.setattr(parse, "plain_formula", lambda *arguments: False)
    for (text, symbols), one in zip(texts, fast, strict=True):
        assert _parsed(text, letters, symbols) == one, text


def test_latex_styling_finds_nothing_where_none_of_its_marks_is():
    texts = [text for _, text in _corpus()] + [text for text, _ in _plain_texts(11, 500)]
    bare = 0
    for text in texts:
        try:
            normalize._check_characters(text)
            folded = normalize._fold(text)
        except InvalidAnswer:
            continue
        if not normalize.may_be_styled(folded.text):
            assert normalize._styled(folded) == folded, text
            assert normalized(text) == folded, text
            bare += 1
    assert bare > 1000
