"""Kinds for the operators a PyTorch model executes beyond the layer kinds of
:mod:`.kinds`: elementwise arithmetic with broadcasting, matrix products, softmax,
reductions and copies.  Each is built from one aten call (:mod:`.aten`), knows which of
its inputs require a gradient, and is counted on the call's full shapes (``batch`` 1).

Conventions (the section's exact counting):

* an elementwise addition, subtraction or multiplication costs one addition or
  multiplication per output element; a division, comparison or function evaluation one
  ``other``; its backward hands each input that requires a gradient dY (times the other
  operand, or over it, for a product or quotient), summed over the axes the input was
  broadcast along (output elements - input elements additions);
* a matrix product of b batches of (m x k) by (k x n): b m n k multiplications, b m n
  (k - 1) additions (one more per output element with an added bias), MACs b m n k,
  FLOPs 2 MACs (``flop_counter``'s ``mm``/``bmm``/``addmm``/``baddbmm``); backward dA =
  dY B^T (b m k n products, b m k (n - 1) additions), dB = A^T dY (b k n m products,
  b k n (m - 1) additions);
* softmax over rows of D: D - 1 comparisons (the maximum), D subtractions, D
  exponentials, D - 1 additions, D divisions; backward dX = Y (dY - sum(dY Y)): 2D
  multiplications, 2D - 1 additions per row;
* a sum or mean over t inputs per output: t - 1 additions (a mean one division more);
  backward broadcasts dY (a mean: one multiplication by 1/t per input element);
* copies (concatenation along any axis, padding, cloning): 0 operations, their output
  elements written;
* selections (a detector's post-processing): ``nonzero`` one test per input element;
  ``max``/``min``/``argmax`` over t inputs t - 1 comparisons per output; ``sort``,
  ``topk`` and ``unique`` a comparison sort's d ceil(log2 d) comparisons per row of d
  (a stated rule: the comparisons the kernel makes depend on the values; ``unique`` d - 1
  more, its neighbours compared); non-maximum suppression (``torchvision::nms``) its
  sort, per box 1 multiplication and 2 subtractions (the area), and per pair of boxes
  the kernel examines (replayed from the values: the pairs of a kept box with every
  later box not yet suppressed) 1 multiplication, 4 additions and 8 other (6
  minima/maxima, 1 division, 1 comparison with the threshold); backward (values
  selected by ``sort``, ``topk``, ``max``) routes dY to the selected places: 0
  operations;
* RoI align (``torchvision::roi_align``) with g = grid_h grid_w samples per output bin:
  4g multiplications, 4g - 1 additions and 1 division per output element (each sample
  bilinear over 4 inputs, averaged; the per-RoI sample positions and weights, shared by
  the channels, not counted); backward per sample 4 multiplications, 4 divisions (dY w /
  g) and 4 additions into dX.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from derivations.networks.kinds import Backward, Cost, Function, Gradient, Kind

__all__ = [
    "CALL_KINDS",
    "Copy",
    "Elementwise",
    "MatMul",
    "Normalize",
    "Reduce",
    "Resample",
    "RoiAlign",
    "Select",
    "Softmax",
]

ADD, MUL, OTHER = "adds", "mults", "other"


def _n(shape) -> int:
    return math.prod(shape)


@dataclass(frozen=True)
class Elementwise(Function):
    """One operation per output element over broadcast inputs (``add``, ``mul``, ``div``,
    ...): ``column`` says which count it is (adds, mults or other).  ``grads``: whether
    each input requires a gradient; ``saves``: the input positions autograd saves (a
    product saves the other factor of each factor that requires a gradient)."""

    name: ClassVar[str] = "elementwise"
    counting: ClassVar[str] = (
        "1 addition, multiplication or other per output element; backward: dY (times or "
        "over the other operand) summed over broadcast axes"
    )
    function: str
    column: str
    output: tuple
    grads: tuple = ()
    saves: tuple = ()
    backward_mults: bool = False  # a product's gradient multiplies by the other factor

    def cost(self, inputs, batch, grad=False):
        out = batch * _n(self.output)
        parts = []
        for shape, needs in zip(inputs, self.grads):
            if needs:
                parts.append(Gradient(out if self.backward_mults else 0, out - batch * _n(shape)))
        backward = Backward(_sum(parts)) if parts else Backward(None)
        return Cost(
            output=self.output,
            **{self.column: out},
            activations=out,
            saved=sum(batch * _n(inputs[i]) for i in self.saves),
            backward=backward,
        )


def _sum(parts) -> Gradient:
    return Gradient(
        sum(g.mults for g in parts),
        sum(g.adds for g in parts),
        sum(g.other for g in parts),
        sum(g.flops for g in parts),
    )


@dataclass(frozen=True)
class MatMul(Kind):
    """Batched matrix product of (b, m, k) by (b, k, n) (``mm``, ``bmm``; ``addmm`` and
    ``baddbmm`` with ``bias``); ``grads``: whether A and B require a gradient."""

    name: ClassVar[str] = "matmul"
    counting: ClassVar[str] = (
        "b m n k multiplications, b m n (k - 1) additions (+1 with a bias), MACs b m n k, "
        "FLOPs 2 MACs; backward dA b m k n products, dB b k n m products"
    )
    b: int
    m: int
    k: int
    n: int
    output: tuple
    bias: tuple | None = None
    grads: tuple = (False, False, False)

    def cost(self, inputs, batch, grad=False):
        b, m, k, n = batch * self.b, self.m, self.k, self.n
        macs = b * m * n * k
        a_grad, b_grad, bias_grad = self.grads
        out = b * m * n
        return Cost(
            output=self.output,
            macs=macs,
            flops=2 * macs,
            mults=macs,
            adds=out * (k - 1) + (out if self.bias is not None else 0),
            activations=out,
            saved=(b * k * n if a_grad else 0) + (b * m * k if b_grad else 0),
            backward=Backward(
                Gradient(macs, b * m * k * (n - 1), flops=2 * macs) if a_grad else None,
                Gradient(macs, b * k * n * (m - 1), flops=2 * macs) if b_grad else None,
                Gradient(0, out - _n(self.bias)) if bias_grad and self.bias is not None else None,
            ),
        )


@dataclass(frozen=True)
class Softmax(Function):
    """Softmax (or log-softmax) over rows of ``d`` elements of a tensor of ``rows``
    rows; autograd saves its output."""

    name: ClassVar[str] = "softmax"
    counting: ClassVar[str] = (
        "per row of D: D - 1 comparisons, D exponentials, D divisions (other), 2D - 1 "
        "additions; backward 2D multiplications, 2D - 1 additions per row"
    )
    function: str
    rows: int
    d: int
    output: tuple
    grad: bool = True

    def cost(self, inputs, batch, grad=False):
        rows, d = batch * self.rows, self.d
        return Cost(
            output=self.output,
            adds=rows * (2 * d - 1),
            other=rows * (3 * d - 1),
            activations=rows * d,
            saved=rows * d if self.grad else 0,
            backward=Backward(Gradient(rows * 2 * d, rows * (2 * d - 1)) if self.grad else None),
        )


@dataclass(frozen=True)
class Reduce(Function):
    """A sum or mean of ``t`` inputs per output element (over some axes)."""

    name: ClassVar[str] = "reduce"
    counting: ClassVar[str] = (
        "t inputs per output: t - 1 additions (a mean 1 division more; a 2-norm t "
        "squares and 1 square root more); backward broadcasts dY (a mean: 1 "
        "multiplication by 1/t per input element; a norm x dY / norm: t multiplications, "
        "1 division)"
    )
    function: str
    output: tuple
    grad: bool = True

    def cost(self, inputs, batch, grad=False):
        n_in = batch * _n(inputs[0])
        out = batch * _n(self.output)
        if self.function == "norm":  # sqrt(sum x^2); autograd saves x and the norm
            return Cost(
                output=self.output,
                mults=n_in,
                adds=n_in - out,
                other=out,
                activations=out,
                saved=n_in + out if self.grad else 0,
                backward=Backward(Gradient(n_in, 0, other=out) if self.grad else None),
            )
        mean = self.function == "mean"
        return Cost(
            output=self.output,
            adds=n_in - out,
            other=out if mean else 0,
            activations=out,
            backward=Backward(Gradient(n_in if mean else 0) if self.grad else None),
        )


@dataclass(frozen=True)
class Copy(Function):
    """Elements moved, none computed (``cat`` along any axis, ``constant_pad_nd``,
    ``clone``): 0 operations; ``saved``: elements autograd keeps (reflection and
    replication pads keep their input)."""

    name: ClassVar[str] = "copy"
    counting: ClassVar[str] = "elements moved, none computed: 0 ops; backward routes dY: 0 ops"
    function: str
    output: tuple
    grad: bool = True
    saves: int = 0
    backward_adds: int = 0

    def cost(self, inputs, batch, grad=False):
        return Cost(
            output=self.output,
            activations=batch * _n(self.output),
            saved=self.saves,
            backward=Backward(Gradient(0, self.backward_adds) if self.grad else None),
        )


@dataclass(frozen=True)
class Normalize(Function):
    """Normalization by statistics over ``groups`` groups of ``d`` elements (group norm,
    instance norm, a batch norm without affine parameters), as executed in training:
    per group the mean (d - 1 additions, 1 division), centring (d additions), variance
    (d multiplications, d - 1 additions, 1 division), + eps, a reciprocal square root,
    scaling (d multiplications); with ``affine`` one multiplication and one addition per
    element more.  ``saved``: the input, a mean and a reciprocal deviation per group, and
    ``saved_extra`` elements (the affine weight, running statistics).  Backward over the
    groups as :class:`~derivations.networks.kinds.LayerNorm`'s (dX 4 G d + 2 G
    multiplications, 4 G d - 2 G additions, G d more without affine); dgamma 2 G d
    multiplications and G d - ``channels`` additions, dbeta G d - ``channels``."""

    name: ClassVar[str] = "normalize"
    counting: ClassVar[str] = (
        "per group of d: 2d (+d affine) multiplications, 3d - 1 (+d affine) additions, "
        "3 other; backward as layer norm's over the groups"
    )
    function: str
    groups: int
    d: int
    channels: int
    affine: bool
    saved_extra: int = 0
    grad: bool = True

    def cost(self, inputs, batch, grad=False):
        g, d = batch * self.groups, self.d
        gd = g * d
        affine = self.affine
        dx = Gradient(4 * gd + 2 * g, 4 * gd - 2 * g + (0 if affine else gd))
        return Cost(
            output=inputs[0],
            mults=g * 2 * d + gd * affine,
            adds=g * (3 * d - 1) + gd * affine,
            other=3 * g,
            activations=gd,
            saved=gd + 2 * g + self.saved_extra,
            backward=Backward(
                dx if self.grad else None,
                Gradient(2 * gd, gd - self.channels) if affine else None,
                Gradient(0, gd - self.channels) if affine else None,
            ),
        )


@dataclass(frozen=True)
class Resample(Function):
    """Interpolation to ``output`` (``F.interpolate``, ``F.grid_sample``): nearest is a
    copy (0 ops); a (bi/tri)linear one over ``axes`` axes weighs 2^axes inputs per
    output element: 2^axes multiplications, 2^axes - 1 additions (a grid sample's
    coordinate arithmetic not counted), a (bi)cubic one (``per_axis`` 4) 4^axes inputs
    the same way (its weights' arithmetic not counted); backward scatters them back."""

    name: ClassVar[str] = "resample"
    counting: ClassVar[str] = (
        "nearest: a copy, 0 ops; linear over a axes: 2^a multiplications and 2^a - 1 "
        "additions per output element (cubic: 4^a); backward the same products, scattered"
    )
    function: str
    output: tuple
    axes: int = 0
    grad: bool = True
    saves: int = 0  # elements autograd keeps (grid sampling: its input and grid)
    per_axis: int = 2  # inputs weighed per axis: 2 linear, 4 cubic

    def cost(self, inputs, batch, grad=False):
        out = batch * _n(self.output)
        n_in = batch * _n(inputs[0])
        taps = self.per_axis**self.axes if self.axes else 1
        linear = self.axes > 0
        dx = Gradient(out * taps if linear else 0, max(out * taps - n_in, 0))
        return Cost(
            output=self.output,
            mults=out * taps if linear else 0,
            adds=out * (taps - 1) if linear else 0,
            activations=out,
            saved=self.saves,
            backward=Backward(dx if self.grad else None),
        )


@dataclass(frozen=True)
class Select(Function):
    """A selection, search or sort (``nonzero``, ``max``, ``topk``, ``sort``,
    ``unique``, ``nms``): ``comparisons`` other operations, ``mults`` and ``adds``
    where it computes (non-maximum suppression's areas and overlaps), counted by the
    reader (:mod:`.aten`) by the rules above; ``grad``: whether values it selects carry
    a gradient back (routed, 0 operations); ``saves``: elements autograd keeps (the
    indices)."""

    name: ClassVar[str] = "select"
    counting: ClassVar[str] = (
        "comparisons as other (nonzero: 1 per element; max over t: t - 1; sort, topk: d "
        "ceil(log2 d) per row of d; nms: the pairs it examines); backward routes dY: 0 ops"
    )
    function: str
    output: tuple
    comparisons: int
    grad: bool = False
    saves: int = 0
    mults: int = 0
    adds: int = 0

    def cost(self, inputs, batch, grad=False):
        return Cost(
            output=self.output,
            mults=self.mults,
            adds=self.adds,
            other=self.comparisons,
            activations=_n(self.output),
            saved=self.saves,
            backward=Backward(Gradient() if self.grad else None),
        )


def sort_comparisons(rows: int, d: int) -> int:
    """The stated rule for a sort (or top-k) of ``rows`` rows of ``d``: d ceil(log2 d)
    comparisons each."""
    return rows * d * max(d - 1, 0).bit_length()


@dataclass(frozen=True)
class RoiAlign(Kind):
    """RoI align to ``output`` (K RoIs, C channels, ph x pw bins) with ``samples`` g
    samples per bin (sampling ratio squared, or the per-RoI adaptive grids summed over
    the RoIs and divided out: ``samples`` is then the total of g over the RoIs' bins,
    per channel); ``saves``: the RoIs autograd keeps."""

    name: ClassVar[str] = "roi_align"
    counting: ClassVar[str] = (
        "g samples per bin: 4g multiplications, 4g - 1 additions, 1 division per output "
        "element; backward 4g multiplications, 4g divisions, 4g additions into dX"
    )
    output: tuple
    samples: int  # sum over the output elements of their g
    grad: bool = True
    saves: int = 0

    def cost(self, inputs, batch, grad=False):
        out, taps = _n(self.output), 4 * self.samples
        return Cost(
            output=self.output,
            mults=taps,
            adds=taps - out,
            other=out,
            activations=out,
            saved=self.saves,
            backward=Backward(Gradient(taps, taps, other=taps) if self.grad else None),
        )


# the kinds of PyTorch calls beyond the layer kinds, as the tables' notes list them
CALL_KINDS = (Elementwise, MatMul, Softmax, Reduce, Normalize, Resample, Copy, Select, RoiAlign)
