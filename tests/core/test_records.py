"""Records (:mod:`derivations.records`) behave as :mod:`dataclasses` does for what the
checker's classes use: each case builds one class body both ways and compares them; and a
cold ``check`` imports neither ``dataclasses`` nor ``inspect`` (the reason records exist),
nor ``hashlib`` (the store's digests, tested in test_store_digests.py)."""

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from derivations import records


def _both(frozen: bool, post: bool = False):
    """The same class as a dataclass and as a record (same name and qualname)."""

    def make(decorate, field):
        class Point:
            x: int
            y: int = 2
            tags: list = field(default_factory=list)
            label: str = field(default="p", compare=False)

            if post:

                def __post_init__(self):
                    if self.x < 0:
                        raise ValueError(f"negative x {self.x}")

        return decorate(frozen=frozen)(Point)

    return make(dataclasses.dataclass, dataclasses.field), make(records.record, records.field)


def _outcome(call):
    try:
        return ("value", call())
    except Exception as error:  # the kind of error is what is compared
        return (
            "raises",
            type(error).__mro__[1]
            if type(error).__name__.endswith("InstanceError")
            else type(error),
        )


CALLS = {
    "positional": lambda C: repr(C(1, 5)),
    "keywords": lambda C: repr(C(y=3, x=1, tags=[1])),
    "defaults": lambda C: repr(C(1)),
    "missing": lambda C: C(),
    "unknown keyword": lambda C: C(1, z=2),
    "too many": lambda C: C(1, 2, [], "q", 5),
    "twice": lambda C: C(1, x=2),
    "equal": lambda C: C(1) == C(1),
    "label not compared": lambda C: C(1, label="a") == C(1, label="b"),
    "unequal": lambda C: C(1) == C(2),
    "another class": lambda C: C(1) == (1, 2, [], "p"),
    "fresh factory": lambda C: C(1).tags is not C(1).tags,
    "match args": lambda C: C.__match_args__,
    "every field by keyword": lambda C: repr(C(label="q", tags=[2], y=4, x=1)),
    "every field by position": lambda C: repr(C(1, 5, [3], "q")),
    "keywords leaving a default out": lambda C: repr(C(x=1, label="q")),
    "a required field left out by keywords": lambda C: C(y=1, label="q"),
    "positions and keywords": lambda C: repr(C(1, 5, label="q")),
    "stored in field order": lambda C: list(vars(C(label="q", y=4, x=1))),
    "replace": lambda C: repr(
        (dataclasses.replace if dataclasses.is_dataclass(C) else records.replace)(
            C(1, tags=[1]), label="r", y=7
        )
    ),
    "field names": lambda C: [
        f.name
        for f in (dataclasses.fields(C) if dataclasses.is_dataclass(C) else records.fields(C))
    ],
}


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("call", list(CALLS))
def test_a_record_does_what_the_dataclass_does(call, frozen):
    data, rec = _both(frozen)
    assert _outcome(lambda: CALLS[call](rec)) == _outcome(lambda: CALLS[call](data))


def test_frozen_records_hash_their_compared_fields_and_refuse_assignment():
    data, rec = _both(frozen=True)
    assert hash(rec(1, 2, (), "a")) == hash(rec(1, 2, (), "b"))
    with pytest.raises(TypeError):  # a list field: unhashable, as the dataclass's
        hash(rec(1))
    with pytest.raises(TypeError):
        hash(data(1))
    for cls in (data, rec):
        point = cls(1)
        with pytest.raises(AttributeError):
            point.x = 3
        with pytest.raises(AttributeError):
            del point.x


def test_unfrozen_records_are_unhashable_and_assignable():
    _, rec = _both(frozen=False)
    point = rec(1)
    point.x = 4
    assert point.x == 4
    with pytest.raises(TypeError):
        hash(point)


def test_post_init_runs_on_init_and_on_replace():
    data, rec = _both(frozen=True, post=True)
    for cls, replace in ((data, dataclasses.replace), (rec, records.replace)):
        with pytest.raises(ValueError):
            cls(-1)
        assert replace(cls(1, 5), x=3) == cls(3, 5)
        with pytest.raises(ValueError):
            replace(cls(1), x=-2)


def test_asdict_goes_into_records_lists_dicts_and_tuples_and_copies_the_rest():
    data, rec = _both(frozen=False)
    inner = [{"a": [1, 2]}]
    for cls, asdict in ((data, dataclasses.asdict), (rec, records.asdict)):
        point = cls(1, 2, [cls(3), (cls(4),), inner])
        out = asdict(point)
        assert out == dataclasses.asdict(data(1, 2, [data(3), (data(4),), inner]))
        assert out["tags"][2] is not inner and out["tags"][2][0]["a"] is not inner[0]["a"]


def test_inherited_fields_come_first_and_defaults_cannot_precede_a_required_field():
    @records.record(frozen=True)
    class Base:
        a: int
        b: int = 1

    @records.record(frozen=True)
    class Child(Base):
        c: int = 2

    assert [f.name for f in records.fields(Child)] == ["a", "b", "c"]
    assert (
        Child(0) == Child(0, 1, 2)
        and repr(Child(0))
        == "test_inherited_fields_come_first_and_defaults_cannot_precede_a_required_field.<locals>.Child(a=0, b=1, c=2)"
    )
    with pytest.raises(TypeError):

        @records.record
        class Wrong:
            a: int = 1
            b: int


def test_the_checkers_classes_are_records():
    from derivations.checking.deciding.catalogue import Entry
    from derivations.checking.result import Result
    from derivations.model import Layer
    from derivations.registry.questions import Question

    for cls in (Entry, Result, Layer, Question):
        assert records.is_record(cls) and not dataclasses.is_dataclass(cls), cls


def test_a_cold_check_imports_neither_dataclasses_nor_inspect(tmp_path):
    """What records are for: a new process checking one answer (prebuilt derivations,
    the cache warm: the first run may build what it keeps there)."""
    code = (
        "import sys\n"
        "from derivations.cli import main\n"
        "try:\n"
        "    main(['check', '--question', 'forward-mults', '--answer', 'c_i*k_h*k_w'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({'dataclasses', 'inspect', 'sympy', 'hashlib'} & set(sys.modules)))\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "DERIVATIONS_CACHE": str(tmp_path)}
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
        )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


@pytest.mark.parametrize("frozen", [True, False])
def test_a_record_stores_its_fields_as_the_dataclass_does_through_setattr_and_descriptors(
    frozen,
):
    """The one-step filling of a record's ``__dict__`` is only taken where setting each
    field would do just that: a class of its own ``__setattr__`` (unfrozen), a field
    that is a property's name, a subclass, a class with ``__slots__`` each see what the
    dataclass sees."""

    def make(decorate):
        class Seen:
            x: int
            y: int = 2

            if not frozen:

                def __setattr__(self, name, value):
                    object.__setattr__(self, "log", [*getattr(self, "log", []), name])
                    object.__setattr__(self, name, value)

        made = decorate(frozen=frozen)(Seen)

        class Child(made):  # not decorated: the parent's __init__
            pass

        return made, Child

    for data, rec in zip(make(dataclasses.dataclass), make(records.record)):
        for call in (lambda C: C(1), lambda C: C(x=1, y=3), lambda C: C(1, 3)):
            a, b = call(data), call(rec)
            assert (a.x, a.y, getattr(a, "log", None)) == (b.x, b.y, getattr(b, "log", None))
            assert list(vars(a)) == list(vars(b))


def test_a_record_whose_field_is_a_descriptor_sets_it_through_the_descriptor():
    """(Whether a field is a data descriptor is read when the class is made a record.)"""

    class Doubled:
        def __set_name__(self, owner, name):
            self.name = "_" + name

        def __get__(self, obj, kind=None):
            return self if obj is None else getattr(obj, self.name)

        def __set__(self, obj, value):
            object.__setattr__(obj, self.name, 2 * value)

    @records.record
    class Own:
        x: int = Doubled()  # the descriptor is the point
        y: int = 0

    own = Own(x=3, y=1)
    assert own.x == 6 and own.y == 1
