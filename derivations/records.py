"""Records: the part of :mod:`dataclasses` the checker's classes use, without its import.

``dataclasses`` imports :mod:`inspect` (with ``dis``, ``ast`` and ``tokenize``), which was
a fifth of a cold ``check``'s CPU time; the classes on that path are records instead.
:func:`record` makes, from a class's annotations (in order, a base record's first):
``__init__`` (keyword or positional arguments, defaults, :func:`field`'s
``default_factory``, then ``__post_init__`` when the class has one), ``__repr__``,
``__eq__`` (same class, equal fields; fields with ``compare=False`` left out),
``__match_args__``, and with ``frozen=True`` a ``__hash__`` of the compared fields and
assignment refused (:class:`FrozenInstanceError`); without it, ``__hash__`` is None.  A
method the class defines itself is kept.  :func:`fields`, :func:`replace`,
:func:`asdict` and :func:`is_record` do what their namesakes in ``dataclasses`` do for
these classes (``asdict`` also goes into dataclasses found inside one).  Annotations are
read as written (``from __future__ import annotations``): one that names ``ClassVar``
is not a field.
"""

from __future__ import annotations

import copy
from operator import attrgetter
from typing import Any, dataclass_transform

__all__ = [
    "FrozenInstanceError",
    "Field",
    "asdict",
    "field",
    "fields",
    "is_record",
    "record",
    "replace",
]

_MISSING = object()
_FIELDS = "__record_fields__"
_VALUES = "__record_values__"  # the fields' names and a getter of their values, in order


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record."""


class Field:
    """One field of a record: its name, default or default factory, and whether it is
    compared (and hashed)."""

    __slots__ = ("compare", "default", "default_factory", "init", "name")

    def __init__(self, default=_MISSING, default_factory=_MISSING, compare: bool = True):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot give both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.init = True

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


def field(*, default=_MISSING, default_factory=_MISSING, compare: bool = True) -> Any:
    """A field's default (``default``, or a fresh ``default_factory()`` per record) and
    whether it is compared; as :func:`dataclasses.field`."""
    return Field(default, default_factory, compare)


def _own_fields(cls) -> list[Field]:
    found = []
    # the class's own annotations (inspect.get_annotations: the import records avoid)
    own = cls.__dict__.get("__annotations__")  # noqa: RUF063
    if own is None:  # kept behind __annotate__ (Python 3.14 without the future import)
        own = getattr(cls, "__annotations__", {})
    for name, annotation in own.items():
        if "ClassVar" in str(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        one = value if isinstance(value, Field) else Field(default=value)
        one.name = name
        if isinstance(value, Field):
            if value.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, value.default)
        found.append(one)
    return found


def _plain_storage(cls, names: tuple, frozen: bool) -> bool:
    """Whether setting ``cls``'s fields one by one (``object.__setattr__`` when frozen,
    ``setattr`` else) only stores each value in the instance's ``__dict__``: instances
    have one (no ``__slots__`` in the class or its bases), no field name is a data
    descriptor, and an unfrozen class keeps ``object.__setattr__``."""
    if any("__slots__" in vars(base) for base in cls.__mro__[:-1]):
        return False
    for name in names:
        kind = type(getattr(cls, name, None))
        if hasattr(kind, "__set__") or hasattr(kind, "__delete__"):
            return False
    return frozen or cls.__setattr__ is object.__setattr__


def _init(names: tuple, defaults: dict, post: bool, frozen: bool, cls=None):
    """``__init__`` of a record with fields ``names``.  Where :func:`_plain_storage`
    holds for ``cls``, a well-formed call on an instance of ``cls`` itself (no more
    positions than fields, known keywords, none given twice, every field without a
    default given) fills ``__dict__`` in one step, in field order, the others' defaults
    filled (each factory called once), as setting the fields one by one would: a copy
    of the fields' defaults in order (a placeholder where there is none), updated with
    the positions, then the keywords (an update keeps each name's place).  Any other
    call takes the general path, which says what is wrong."""
    fast = cls is not None and _plain_storage(cls, names, frozen)
    count = len(names)
    known = frozenset(names)
    template = {name: defaults.get(name, _MISSING) for name in names}
    # per number of positions: the names they fill, the fields left that have no default,
    # and the factories of the fields left (name, the factory itself)
    placed = [frozenset(names[:n]) for n in range(count + 1)]
    required = [frozenset(n for n in names[i:] if n not in defaults) for i in range(count + 1)]
    factories = [
        tuple((n, defaults[n].make) for n in names[i:] if isinstance(defaults.get(n), _Factory))
        for i in range(count + 1)
    ]

    def __init__(self, *args, **kwargs):
        given = len(args)
        if (
            fast
            and type(self) is cls
            and given <= count
            and required[given] <= kwargs.keys() <= known
            and kwargs.keys().isdisjoint(placed[given])
        ):
            values = template.copy()
            if args:
                values.update(zip(names, args))
            if kwargs:
                values.update(kwargs)
            for name, make in factories[given]:
                if name not in kwargs:
                    values[name] = make()
            self.__dict__.update(values)
            if post:
                self.__post_init__()
            return
        # a field without a default left out, or given twice: the general path says so
        if len(args) > len(names):
            raise TypeError(
                f"{type(self).__name__}() takes {len(names)} positional arguments "
                f"but {len(args)} were given"
            )
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in defaults and name not in names:
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword {name!r}")
            if name in values:
                raise TypeError(f"{type(self).__name__}() got multiple values for {name!r}")
            values[name] = value
        put = object.__setattr__ if frozen else setattr
        for name in names:
            if name in values:
                put(self, name, values[name])
                continue
            default = defaults.get(name, _MISSING)
            if default is _MISSING:
                raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
            put(self, name, default() if isinstance(default, _Factory) else default)
        if post:
            self.__post_init__()

    return __init__


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make):
        self.make = make

    def __call__(self):
        return self.make()


def _methods(cls, every: tuple, frozen: bool) -> dict:
    names = tuple(f.name for f in every)
    compared = tuple(f.name for f in every if f.compare)
    defaults = {}
    for one in every:
        if one.default_factory is not _MISSING:
            defaults[one.name] = _Factory(one.default_factory)
        elif one.default is not _MISSING:
            defaults[one.name] = one.default
        elif defaults:
            raise TypeError(f"non-default field {one.name!r} follows a default one")

    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in compared)

    def __hash__(self):
        return hash(tuple(getattr(self, name) for name in compared))

    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    made = {
        "__init__": _init(names, defaults, hasattr(cls, "__post_init__"), frozen, cls),
        "__repr__": __repr__,
        "__eq__": __eq__,
        "__match_args__": names,
    }
    if frozen:
        made.update(__setattr__=__setattr__, __delattr__=__delattr__)
    made = {name: method for name, method in made.items() if name not in cls.__dict__}
    # a __hash__ the class writes itself is kept (Python sets None for a class that
    # writes __eq__ alone: that one is not)
    if cls.__dict__.get("__hash__") is None:
        made["__hash__"] = __hash__ if frozen else None
    return made


@dataclass_transform(field_specifiers=(field,))
def record(cls=None, /, *, frozen: bool = False):
    """``cls`` made a record (see the module's docstring); as ``@dataclass`` or
    ``@dataclass(frozen=True)``."""

    def make(cls):
        inherited = [f for base in cls.__mro__[-1:0:-1] for f in getattr(base, _FIELDS, ())]
        own = _own_fields(cls)
        every = tuple({f.name: f for f in [*inherited, *own]}.values())
        for name, method in _methods(cls, every, frozen).items():
            setattr(cls, name, method)
        setattr(cls, _FIELDS, every)
        setattr(cls, _VALUES, _values_getter(tuple(f.name for f in every)))
        return cls

    return make if cls is None else make(cls)


def is_record(obj) -> bool:
    """Is ``obj`` a record or a record class?"""
    return hasattr(obj, _FIELDS)


def fields(obj) -> tuple[Field, ...]:
    """The fields of record (or record class) ``obj``, in order."""
    try:
        return getattr(obj, _FIELDS)
    except AttributeError:
        raise TypeError(f"{obj!r} is not a record") from None


def _values_getter(names: tuple) -> tuple:
    """(names, a function of a record giving the tuple of its values of ``names``)."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return names, lambda obj: (one(obj),)
    return names, attrgetter(*names) if names else (lambda obj: ())


def replace(obj, /, **changes):
    """A new record of ``obj``'s class with ``changes`` and ``obj``'s other fields (its
    ``__post_init__`` runs again)."""
    fields(obj)  # a TypeError for anything but a record
    names, values_of = getattr(obj, _VALUES)
    values = dict(zip(names, values_of(obj)))
    values.update(changes)
    return type(obj)(**values)


def asdict(obj) -> dict:
    """``obj``'s fields as a dict, records and dataclasses inside it (in lists, tuples and
    dicts too) made dicts, everything else deep-copied; as :func:`dataclasses.asdict`."""
    return {one.name: _plain(getattr(obj, one.name)) for one in fields(obj)}


def _plain(value):
    if is_record(value) and not isinstance(value, type):
        return asdict(value)
    if hasattr(type(value), "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*[_plain(item) for item in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, dict):
        return type(value)((_plain(key), _plain(item)) for key, item in value.items())
    return copy.deepcopy(value)
