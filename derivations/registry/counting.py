"""Counting conventions: how an operation count is counted (declarations only).

Each convention has an id and its description in the message catalogue
(``counting.<id>`` in :mod:`derivations.messages`, English and Chinese).  Padding
conventions are not here: they are the layer model's (:data:`derivations.model.PADDINGS`).

* ``exact``: a sum of ``t`` terms costs ``t - 1`` additions (``exact_bias``: with bias
  the sum starts from the bias, one more addition per output element);
* ``macs``: one multiply-accumulate per product;
* ``flops``: ``2 x MACs``, bias ignored (``torch.utils.flop_counter``'s convention);
* ``bias`` / ``no_bias``: whether the layer's bias is counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Counting", "CountingInfo", "COUNTINGS", "describe"]


class Counting(StrEnum):
    EXACT = "exact"
    EXACT_BIAS = "exact_bias"
    MACS = "macs"
    FLOPS = "flops"
    BIAS = "bias"
    NO_BIAS = "no_bias"


@dataclass(frozen=True)
class CountingInfo:
    id: Counting

    @property
    def message(self) -> str:
        """The message id of the description."""
        return f"counting.{self.id.value}"

    def text(self, lang: str = "en") -> str:
        from derivations.messages import text

        return text(self.message, lang)


COUNTINGS: dict[Counting, CountingInfo] = {c: CountingInfo(c) for c in Counting}


def describe(counting: Counting | str, lang: str = "en") -> str:
    """The description of one counting convention in ``lang``."""
    return COUNTINGS[Counting(counting)].text(lang)
