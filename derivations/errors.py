"""The project's one exception: its message is a single line naming the bad value.

A message comes from the catalogue by id (``DerivationError(key="model.not_integer",
field="h", value="'x'")``): ``str(error)`` is its English text, :meth:`DerivationError.text`
the text in any catalogue language (a field that is itself a DerivationError is said in
that language too), and the CLI prints it in the command's ``--lang``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["DerivationError"]


class DerivationError(ValueError):
    """A value outside what the model accepts (bad layer, bad flag, bad file row).

    Raised as ``DerivationError(key=ID, **fields)``: the message is catalogue entry ``ID``
    with ``fields`` filled in (each field shown as given: quote or cut user values with
    :func:`derivations.numbers.shown` first).  A positional English message is accepted
    only where no catalogue can be read (the catalogue's own loading errors).
    """

    key: str | None = None
    fields: Mapping[str, object] = MappingProxyType({})

    def __init__(self, message: str | None = None, /, *, key: str | None = None, **fields: object):
        if key is not None:
            self.key = key
            self.fields = dict(fields)
            if message is None:
                message = self._say("en")
        elif fields:
            raise TypeError("DerivationError fields need a message key")
        super().__init__(message if message is not None else "")

    def _say(self, lang: str) -> str:
        from derivations.messages import text  # read only when an error is raised

        # a field that is itself an error (where it happened: "row 3: {problem}") is said
        # in the same language
        fields = {
            name: value.text(lang) if isinstance(value, DerivationError) else value
            for name, value in self.fields.items()
        }
        return text(self.key or "", lang, **fields)

    def __reduce__(self):
        # keyed errors cross process boundaries (docs --jobs, grade --jobs) whole: key,
        # fields and any attributes of a subclass, not only the English text
        return (_restore, (type(self), str(self), self.__dict__))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (the English one when it has no catalogue id)."""
        if self.key is None or lang == "en":
            return str(self)
        return self._say(lang)


def _restore(cls: type[DerivationError], message: str, state: dict) -> DerivationError:
    error = cls.__new__(cls)
    ValueError.__init__(error, message)
    error.__dict__.update(state)
    return error
