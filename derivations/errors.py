"""The project's one exception: its message is a single line naming the bad value."""

__all__ = ["DerivationError"]


class DerivationError(ValueError):
    """A value outside what the model accepts (bad layer, bad flag, bad file row)."""
