"""An LALR(1) driver over the parse tables lark computes for :mod:`.grammar`: the tokens,
trees and syntax error the reader works with, without importing lark.

lark analyses the grammar once (:func:`derivations.checking.reading.grammar.tables`,
kept as JSON in the store of derived data); this module runs the tables as lark's own
LALR parser does (``lark/parsers/lalr_parser_state.py``: shift, reduce, the goto after a
reduce, ``$END`` at the end) and shapes each reduction as lark's tree builder does for
this grammar (``keep_all_tokens``: every token kept; a rule whose name starts with ``_``
spliced into its parent; a ``?rule`` alternative without an alias that has one child
is that child; otherwise ``Tree(alias or rule name, children)``).  A token the table
has no action for raises :class:`UnexpectedToken` with the terminals the state expects,
as lark's does.  ``tests/checking/reading/test_lalr.py`` holds it to lark itself.

The tables (:func:`checked_tables` validates them): ``{"start": state, "end": state,
"states": [{symbol: [0, state] (shift) | [1, rule] (reduce)}, ...], "rules": [[origin,
size, name, single, [spliced positions]], ...]}``.
"""

from __future__ import annotations

__all__ = ["Token", "Tree", "UnexpectedToken", "Parser", "checked_tables"]

_SHIFT, _REDUCE = 0, 1
END = "$END"


class Token(str):
    """A terminal as the lexer made it: its text (the string), ``type`` (the terminal's
    name) and ``start_pos`` (the 1-based column in what the student wrote)."""

    type: str
    start_pos: int | None

    def __new__(cls, type: str, value: str, start_pos: int | None = None) -> Token:
        token = super().__new__(cls, value)
        token.type = type
        token.start_pos = start_pos
        return token

    @property
    def value(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Token) and other.type != self.type:
            return False
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__


class Tree:
    """A rule's node: ``data`` (the rule's alias or name) and its ``children`` (trees and
    tokens, in the order written)."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list):
        self.data = data
        self.children = children

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Tree) and self.data == other.data and self.children == other.children
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


class UnexpectedToken(Exception):
    """``token`` (``$END`` at the end of the answer) where the grammar allows none of
    ``expected`` (the terminals the parser's state has an action for)."""

    def __init__(self, token: Token, expected: set):
        super().__init__(f"unexpected {token.type} {str(token)!r}")
        self.token = token
        self.expected = expected


class Parser:
    """Parses a list of tokens with validated tables (:func:`checked_tables`)."""

    def __init__(self, tables: dict):
        self.start = tables["start"]
        self.end = tables["end"]
        self.states = tables["states"]  # [{symbol: [action, argument]}]
        self.rules = [
            (origin, size, name, single, frozenset(spliced))
            for origin, size, name, single, spliced in tables["rules"]
        ]

    def _reduce(self, rule: tuple, values: list):
        _, _, name, single, spliced = rule
        if spliced:
            children: list = []
            for index, value in enumerate(values):
                if index in spliced:
                    children += value.children
                else:
                    children.append(value)
        else:
            children = values
        if single and len(children) == 1:
            return children[0]
        return Tree(name, children)

    def _feed(self, token: Token, states: list, values: list, end: bool):
        table = self.states
        while True:
            actions = table[states[-1]]
            try:
                action, argument = actions[token.type]
            except KeyError:
                expected = {symbol for symbol in actions if symbol.isupper()}
                raise UnexpectedToken(token, expected) from None
            if action == _SHIFT:
                states.append(argument)
                values.append(token)
                return None
            rule = self.rules[argument]
            size = rule[1]
            if size:
                popped = values[-size:]
                del states[-size:]
                del values[-size:]
            else:
                popped = []
            values.append(self._reduce(rule, popped))
            states.append(table[states[-1]][rule[0]][1])  # the goto: always a shift
            if end and states[-1] == self.end:
                return values[-1]

    def parse(self, tokens: list):
        """The tree of ``tokens``; :class:`UnexpectedToken` where they break the grammar."""
        states: list = [self.start]
        values: list = []
        last = None
        for last in tokens:
            self._feed(last, states, values, False)
        end = Token(END, "", last.start_pos if last is not None else 0)
        return self._feed(end, states, values, True)


def checked_tables(payload: object) -> dict:
    """``payload`` when it is well-formed tables (every state and rule it names exists,
    every goto after a reduction is a shift); ValueError otherwise."""
    if not isinstance(payload, dict) or set(payload) != {"start", "end", "states", "rules"}:
        raise ValueError("not parse tables")
    states, rules = payload["states"], payload["rules"]
    if not isinstance(states, list) or not isinstance(rules, list):
        raise ValueError("not parse tables")
    for rule in rules:
        if not (
            type(rule) is list
            and len(rule) == 5
            and type(rule[0]) is str
            and type(rule[1]) is int
            and rule[1] >= 0
            and type(rule[2]) is str
            and type(rule[3]) is bool
            and type(rule[4]) is list
            and all(type(i) is int and 0 <= i < rule[1] for i in rule[4])
        ):
            raise ValueError("a malformed rule")
    origins = {rule[0] for rule in rules}
    targets = (range(len(states)), range(len(rules)))  # shift: a state; reduce: a rule
    for actions in states:
        if type(actions) is not dict:
            raise ValueError("a malformed state")
        for symbol, entry in actions.items():
            if type(entry) is not list or len(entry) != 2 or entry[0] not in (_SHIFT, _REDUCE):
                raise ValueError("a malformed action")
            if type(entry[1]) is not int or entry[1] not in targets[entry[0]]:
                raise ValueError("an action to nothing")
            if entry[0] != _SHIFT and symbol in origins:
                raise ValueError("a goto that is no shift")
    if not all(type(s) is int and s in targets[0] for s in (payload["start"], payload["end"])):
        raise ValueError("no start or end state")
    return payload
