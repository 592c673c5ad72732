"""Each student's own layer, drawn from a documented distribution (declarations first).

The draw is a pure function of the course seed and the student's id: the generator is
seeded with SHA-256 of both, so a variant can be regenerated at any time and no
student's layer depends on the roster's order or size.

The distribution (book-like, small enough that every answer key is executed quickly):

* channels ``c_i`` from :data:`IN_CHANNELS`, ``c_o`` from :data:`OUT_CHANNELS`;
* input ``h`` uniform in :data:`SIZES`; ``w = h`` with probability 1/2, else drawn too;
* a square kernel ``k_h = k_w`` from :data:`KERNELS` (weights :data:`KERNEL_WEIGHTS`),
  rectangular (``k_w`` drawn again) with probability :data:`RECTANGULAR`;
* padding from :data:`PADDINGS` for the course's reading (``total``: rows in all, so
  odd values occur; ``per-side``: rows on each side), the same on both axes;
* stride ``s_h = s_w`` from :data:`STRIDES` (weights :data:`STRIDE_WEIGHTS`), so some
  strides do not divide the padded input;
* batch 1, dilation 1, one group, no bias.

Every drawn layer is valid: the smallest input is larger than the largest kernel.
"""

from __future__ import annotations

import hashlib
import random

from derivations.errors import DerivationError
from derivations.model import CONVENTIONS, Layer

__all__ = [
    "draw_layer",
    "IN_CHANNELS",
    "OUT_CHANNELS",
    "SIZES",
    "KERNELS",
    "PADDINGS",
    "STRIDES",
    "DRAW_VERSION",
]

DRAW_VERSION = "derivations-variants-1"  # part of the seed: a new distribution, new draws
IN_CHANNELS = (1, 2, 3, 4, 6, 8)
OUT_CHANNELS = (2, 4, 6, 8, 12, 16)
SIZES = range(6, 17)
KERNELS = (1, 3, 5)
KERNEL_WEIGHTS = (1, 6, 3)
RECTANGULAR = 0.2
PADDINGS = {"total": (1, 2, 3, 4), "per-side": (1, 2)}  # never 0: doubling it is moot
STRIDES = (1, 2, 3)
STRIDE_WEIGHTS = (5, 3, 2)


def _generator(seed: str, student: str) -> random.Random:
    if not isinstance(seed, str) or not seed:
        raise DerivationError(key="variants.bad_seed", value=repr(seed))
    if not isinstance(student, str) or not student.strip():
        raise DerivationError(key="variants.bad_student_id", value=repr(student))
    material = "\0".join((DRAW_VERSION, seed, student.strip())).encode("utf-8")
    return random.Random(int.from_bytes(hashlib.sha256(material).digest(), "big"))


def draw_layer(seed: str, student: str, padding: str = "total") -> Layer:
    """The layer of ``student`` in the course seeded by ``seed`` (padding read as
    ``padding``: ``total`` or ``per-side``)."""
    if padding not in CONVENTIONS:
        raise DerivationError(
            key="variants.unknown_padding", value=repr(padding), known=", ".join(CONVENTIONS)
        )
    rng = _generator(seed, student)
    c_i, c_o = rng.choice(IN_CHANNELS), rng.choice(OUT_CHANNELS)
    h = rng.choice(SIZES)
    w = h if rng.random() < 0.5 else rng.choice(SIZES)
    k_h = rng.choices(KERNELS, KERNEL_WEIGHTS)[0]
    k_w = rng.choices(KERNELS, KERNEL_WEIGHTS)[0] if rng.random() < RECTANGULAR else k_h
    pad = rng.choice(PADDINGS[padding])
    stride = rng.choices(STRIDES, STRIDE_WEIGHTS)[0]
    return Layer(
        c_i=c_i,
        c_o=c_o,
        h=h,
        w=w,
        k_h=k_h,
        k_w=k_w,
        p_h=pad,
        p_w=pad,
        s_h=stride,
        s_w=stride,
        padding_convention=padding,
    )
