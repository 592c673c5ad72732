"""Layer kinds of a network, each with its counting convention.

Every kind turns the per-sample shapes of its inputs (``(channels, *spatial)`` or
``(..., features)``) and the batch size into a :class:`Cost`, in exact integers.  Columns,
for all kinds:

* ``params``      -- trainable parameters (``nn.Module.parameters()``; batch-norm running
  statistics are buffers, not parameters);
* ``macs``        -- multiply-accumulates of convolution and linear layers only, as
  fvcore, ptflops, thop and ``torch.utils.flop_counter`` count them (bias additions not
  counted); every other kind has 0;
* ``flops``       -- ``2 x macs`` (``torch.utils.flop_counter``'s convention);
* ``mults``, ``adds`` -- the section's exact counting, every kind: a t-term sum costs
  t - 1 additions, with bias the sum starts from the bias;
* ``other``       -- other operations: comparisons, divisions, function evaluations;
* ``activations`` -- elements of the tensor the layer newly writes, batch included (0 for
  a view or an identity);
* ``saved``       -- elements autograd saves for the backward pass in training (measured
  against ``torch.autograd.graph.saved_tensors_hooks``), given whether the layer's input
  requires a gradient (every parameter does; the network input does not);
* ``backward``    -- per gradient (input, weight, bias; for the norms gamma and beta) the
  exact multiplications and additions, other operations, and FLOPs as
  ``torch.utils.flop_counter`` counts the backward (convolution and linear layers only);
  ``None`` for the kinds without a counted backward (dropout, parameters, unsupported).
  Every kind's backward but the closed forms' convolutions and linear layers is executed
  in :mod:`tests.networks.backward`, the counts tested equal.

Forward counts are at inference (batch norm folded into one multiply-add per element,
dropout the identity); ``saved`` is what training keeps.  Pooling windows, like
convolution, run over materialized padding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import sympy as sp

from derivations.closed_forms import forms_for, window_cover
from derivations.errors import DerivationError
from derivations.model import Layer, output_size
from derivations.networks.rows import Row, shown
from derivations.registry.forms import Form

__all__ = [
    "Activation",
    "AdaptivePool",
    "Add",
    "Backward",
    "BatchNorm",
    "Concat",
    "Conv",
    "ConvTranspose",
    "Cost",
    "Dropout",
    "Flatten",
    "Function",
    "Gradient",
    "KINDS",
    "LayerNorm",
    "Linear",
    "Parameter",
    "Pool",
    "Unsupported",
    "adaptive_cover",
    "kind_of",
]


@dataclass(frozen=True)
class Gradient:
    """One gradient's cost: exact multiplications and additions (the section's counting),
    other operations (comparisons, function evaluations), and FLOPs as
    ``torch.utils.flop_counter`` counts the backward (2 x the multiply-accumulates of
    convolution and linear layers; 0 for every other kind, which it does not count)."""

    mults: int = 0
    adds: int = 0
    other: int = 0
    flops: int = 0


def _macs(mults: int, adds: int) -> Gradient:
    """A convolution's or linear layer's gradient: its products are multiply-accumulates,
    counted as 2 FLOPs each by the peers."""
    return Gradient(mults, adds, flops=2 * mults)


@dataclass(frozen=True)
class Backward:
    """The backward pass of one layer, per gradient (``None``: the layer has no such
    gradient, or its input requires none, as the network's input, so autograd does not
    compute it).  ``output``: where the layer's output feeds t inputs of later layers
    (a residual's identity, Inception's four branches), autograd sums the t gradients
    arriving for it, t - 1 additions per element (set by the network's table, which
    knows the consumers; ``None`` for a single consumer)."""

    input: Gradient | None
    weight: Gradient | None = None
    bias: Gradient | None = None
    output: Gradient | None = None

    def _parts(self) -> tuple[Gradient, ...]:
        return tuple(g for g in (self.input, self.weight, self.bias, self.output) if g)

    @property
    def mults(self) -> int:
        return sum(g.mults for g in self._parts())

    @property
    def adds(self) -> int:
        return sum(g.adds for g in self._parts())

    @property
    def other(self) -> int:
        return sum(g.other for g in self._parts())

    @property
    def flops(self) -> int:
        return sum(g.flops for g in self._parts())


@dataclass(frozen=True)
class Cost:
    output: tuple  # per-sample output shape
    params: int = 0
    macs: int = 0
    flops: int = 0
    mults: int = 0
    adds: int = 0
    other: int = 0
    activations: int = 0
    saved: int = 0
    backward: Backward | None = None
    counted: bool = True  # False: an unsupported layer, its counts unknown (not zero)


def _elements(shape: tuple, batch: int) -> int:
    return batch * math.prod(shape)


def _spatial(kind: str, shape: tuple, dims: int) -> tuple:
    if len(shape) != dims + 1:
        names = {
            1: "(channels, length)",
            2: "(channels, height, width)",
            3: "(channels, depth, height, width)",
        }[dims]
        raise DerivationError(key="network.needs_shape", kind=kind, shape=names, got=shape)
    return shape


PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


def _expect(expected, shape: tuple, field: str) -> None:
    if expected is not None and shape and shape[0] != expected:
        raise DerivationError(
            key="network.channels_differ", field=field, value=expected, channels=shape[0]
        )


def _single(kind: str, inputs: list) -> tuple:
    if len(inputs) != 1:
        raise DerivationError(key="network.one_input", kind=kind, count=len(inputs))
    return inputs[0]


class Kind:
    """A layer kind: ``read(row)`` builds one, ``cost(inputs, batch, grad)`` tabulates it
    (``grad``: whether the input requires a gradient)."""

    name: ClassVar[str]
    counting: ClassVar[str]
    many_inputs: ClassVar[bool] = False

    @classmethod
    def read(cls, row: Row):
        return cls()

    @property
    def label(self) -> str:
        return self.name

    def cost(self, inputs: list, batch: int, grad: bool = False) -> Cost:  # pragma: no cover
        raise NotImplementedError


class Function(Kind):
    """A kind labelled by the function it computes (its dataclass field ``function``:
    ``relu``, ``softmax``, ``cat``)."""

    function: str

    @property
    def label(self) -> str:
        return self.function


def suffixed(name: str, dims: int) -> str:
    """A layer's label: ``name`` in 2-D, ``name1d``/``name3d`` otherwise."""
    return name if dims == 2 else f"{name}{dims}d"


# --- layers with multiply-adds --------------------------------------------------------
@lru_cache(maxsize=4096)
def _conv_forms(layer: Layer) -> dict[str, int]:
    """The closed forms a table needs, at one layer (networks repeat their layers: cached)."""
    f = forms_for(layer)
    return {key: f[Form(key)].evaluate(layer) for key in FORM_KEYS}


FORM_KEYS = (
    "forward_mults",
    "forward_adds",
    "forward_macs",
    "forward_flops",
    "memory_params",
    "memory_weights",
    "memory_input",
    "memory_output",
    "backward_dx_mults",
    "backward_dx_adds",
    "backward_dw_mults",
    "backward_dw_adds",
    "backward_db_adds",
)


def _cover(m: int, k: int, s: int, d: int) -> int:
    return int(window_cover(sp.Integer(m), sp.Integer(k), sp.Integer(s), sp.Integer(d)))


@dataclass(frozen=True)
class Conv(Kind):
    """Convolution (1-D, 2-D or 3-D by the length of ``kernel``), counted by the project's
    closed forms: MACs = ``forward_macs``, FLOPs = ``forward_flops`` (2 x MACs, bias
    ignored), mults/adds = ``forward_mults``/``forward_adds``, parameters =
    ``memory_params``, backward = ``backward_dx_*``, ``backward_dw_*``, ``backward_db_adds``.
    A 1-D convolution is the 2-D one with height 1; a 3-D one folds depth taps into input
    channels and output depth into the batch (products, sums per output and per weight
    are unchanged) and counts dX's additions with the depth cover as the closed forms do
    with height and width.  Padding follows ``nn.Conv2d`` (per side) unless
    ``padding_convention: total`` (the book's formula; PyTorch's ``padding='same'`` is
    total padding d(k-1)); padding modes other than zeros cost the same (the padded
    values are materialized)."""

    name: ClassVar[str] = "conv"
    counting: ClassVar[str] = (
        "closed forms: MACs = n c_o m_h m_w (c_i/g) k_h k_w, "
        "FLOPs = 2 MACs, bias additions not counted; exact "
        "additions include the bias"
    )
    out: int
    kernel: tuple
    stride: tuple = (1, 1)
    padding: tuple = (0, 0)
    dilation: tuple = (1, 1)
    groups: int = 1
    bias: bool = True
    padding_convention: str = "per-side"
    padding_mode: str = "zeros"
    in_channels: int | None = None  # the module's, checked against the arriving input

    @classmethod
    def read(cls, row: Row):
        return cls(
            out=row.integer("out"),
            kernel=row.pair("kernel"),
            stride=row.pair("stride", 1),
            padding=row.pair("padding", 0, minimum=0),
            dilation=row.pair("dilation", 1),
            groups=row.integer("groups", 1),
            bias=row.boolean("bias", True),
            padding_convention=row.choice("padding_convention", ("per-side", "total"), "per-side"),
            padding_mode=row.choice("padding_mode", PADDING_MODES, "zeros"),
        )

    def saved_input(self, shape: tuple, batch: int) -> int:
        """Input elements autograd saves, as PyTorch pads: zeros natively (an odd total
        padding's extra zero explicitly, so that input is saved one longer), other modes
        by an explicit pad of the whole padding (reflect and replicate pads save their
        input too)."""
        sizes = shape[1:]
        totals = [p if self.padding_convention == "total" else 2 * p for p in self.padding]
        if self.padding_mode == "zeros":
            extra = [t % 2 if self.padding_convention == "total" else 0 for t in totals]
            return batch * shape[0] * math.prod(s + e for s, e in zip(sizes, extra))
        padded = batch * shape[0] * math.prod(s + t for s, t in zip(sizes, totals))
        own = _elements(shape, batch) if self.padding_mode in ("reflect", "replicate") else 0
        return padded + own

    @property
    def dims(self) -> int:
        return len(self.kernel)

    @property
    def label(self) -> str:
        return suffixed("conv", self.dims)

    def _axis(self, i):
        return self.kernel[i], self.padding[i], self.stride[i], self.dilation[i]

    def layer(self, shape: tuple, batch: int) -> Layer:
        """The 2-D layer the closed forms count (see the class docstring for 1-D, 3-D)."""
        shape = _spatial(self.label, shape, self.dims)
        c, sizes = shape[0], shape[1:]
        if self.dims == 1:
            sizes, axes = (1, *sizes), [(1, 0, 1, 1), self._axis(0)]
        else:
            axes = [self._axis(-2), self._axis(-1)]
        if self.dims == 3:
            k_d, _p_d, _s_d, _d_d = self._axis(0)
            m_d = self._depth_out(sizes[0])
            c, batch, sizes = c * k_d, batch * m_d, sizes[1:]
        (k_h, p_h, s_h, d_h), (k_w, p_w, s_w, d_w) = axes
        return Layer(
            c_i=c,
            c_o=self.out,
            h=sizes[0],
            w=sizes[1],
            k_h=k_h,
            k_w=k_w,
            p_h=p_h,
            p_w=p_w,
            s_h=s_h,
            s_w=s_w,
            d_h=d_h,
            d_w=d_w,
            groups=self.groups,
            batch=batch,
            bias=self.bias,
            padding_convention=self.padding_convention,
        )

    def _depth_out(self, depth: int) -> int:
        k, p, s, d = self._axis(0)
        Layer(
            c_i=1,
            c_o=1,
            h=depth,
            w=1,
            k_h=k,
            k_w=1,
            p_h=p,
            s_h=s,
            d_h=d,
            padding_convention=self.padding_convention,
        )  # checks the depth axis fits
        return int(output_size(depth, k, p, s, d, self.padding_convention))

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.label, inputs)
        _expect(self.in_channels, shape, "in_channels")
        layer = self.layer(shape, batch)
        f = _conv_forms(layer)
        output: tuple[int, ...]
        if self.dims == 1:
            output = (self.out, layer.m_w)
        elif self.dims == 2:
            output = (self.out, layer.m_h, layer.m_w)
        else:
            output = (self.out, layer.batch // batch, layer.m_h, layer.m_w)
        dx_adds = f["backward_dx_adds"]
        if self.dims == 3:  # the fold covered each (depth tap, depth output) apart
            k_d, _, s_d, d_d = self._axis(0)
            m_d = output[1]
            plane = (
                batch
                * shape[0]
                * _cover(layer.m_h, layer.k_h, layer.s_h, layer.d_h)
                * _cover(layer.m_w, layer.k_w, layer.s_w, layer.d_w)
            )
            dx_adds += plane * (m_d * k_d - _cover(m_d, k_d, s_d, d_d))
        backward = Backward(
            _macs(f["backward_dx_mults"], dx_adds) if grad else None,
            _macs(f["backward_dw_mults"], f["backward_dw_adds"]),
            Gradient(0, f["backward_db_adds"]) if self.bias else None,
        )
        return Cost(
            output=output,
            params=f["memory_params"],
            macs=f["forward_macs"],
            flops=f["forward_flops"],
            mults=f["forward_mults"],
            adds=f["forward_adds"],
            activations=f["memory_output"],
            saved=self.saved_input(shape, batch) + f["memory_weights"],
            backward=backward,
        )


@dataclass(frozen=True)
class ConvTranspose(Kind):
    """Transposed convolution (``nn.ConvTranspose1d/2d/3d``, by the length of ``kernel``):
    its forward is the dX of the convolution it transposes -- the :class:`Conv` from this
    layer's output back to its input (``out`` channels in, this input's channels out, the
    same kernel, stride, per-side padding, dilation and groups, no bias) -- so it is
    counted by that convolution's dX (col2im over the full output, then cropped by the
    padding, as frameworks do; 1-D and 3-D as :class:`Conv` folds them), plus one bias
    addition per output element.  Its backward: dX is that convolution's forward, dW its
    dW, db one sum per channel.  MACs = n c_i (input positions) (c_o/g) (kernel taps),
    ``flop_counter``'s transposed convolution.  ``output_padding`` must be smaller than
    the stride (PyTorch also allows it below a larger dilation: not counted here, one
    line says so)."""

    name: ClassVar[str] = "conv_transpose"
    counting: ClassVar[str] = (
        "the dX of the transposed convolution: MACs = n c_i (input positions) (c_o/g) "
        "(kernel taps), FLOPs = 2 MACs; backward: that convolution's forward (dX) and dW"
    )
    out: int
    kernel: tuple
    stride: tuple = (1, 1)
    padding: tuple = (0, 0)
    output_padding: tuple = (0, 0)
    dilation: tuple = (1, 1)
    groups: int = 1
    bias: bool = True
    in_channels: int | None = None

    @classmethod
    def read(cls, row: Row):
        return cls(
            out=row.integer("out"),
            kernel=row.pair("kernel"),
            stride=row.pair("stride", 1),
            padding=row.pair("padding", 0, minimum=0),
            output_padding=row.pair("output_padding", 0, minimum=0),
            dilation=row.pair("dilation", 1),
            groups=row.integer("groups", 1),
            bias=row.boolean("bias", True),
        )

    @property
    def dims(self) -> int:
        return len(self.kernel)

    @property
    def label(self) -> str:
        return suffixed(self.name, self.dims)

    def transposed(self, shape: tuple) -> tuple[Conv, tuple]:
        """The convolution this layer transposes, and this layer's per-sample output."""
        c, *sizes = _spatial(self.label, shape, self.dims)
        outputs = []
        axes = "dhw"[-self.dims :] if self.dims > 1 else "l"
        for axis, size, k, s, p, op, d in zip(
            axes,
            sizes,
            self.kernel,
            self.stride,
            self.padding,
            self.output_padding,
            self.dilation,
        ):
            if op >= s:
                raise DerivationError(
                    key="network.output_padding", value=op, stride=s, dilation=d, axis=axis
                )
            full = (size - 1) * s - 2 * p + d * (k - 1) + op + 1
            if full < 1:
                raise DerivationError(key="network.transposed_size", size=full, axis=axis)
            outputs.append(full)
        if c % self.groups or self.out % self.groups:
            raise DerivationError(
                key="network.transposed_groups", groups=self.groups, channels=c, out=self.out
            )
        conv = Conv(
            out=c,
            kernel=self.kernel,
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            groups=self.groups,
            bias=False,
        )
        return conv, (self.out, *outputs)

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.label, inputs)
        _expect(self.in_channels, shape, "in_channels")
        conv, output = self.transposed(shape)
        inner = conv.cost([output], batch, grad=True)
        assert inner.output == shape and inner.backward  # the transposed shape, by construction
        dx, dw = inner.backward.input, inner.backward.weight
        assert dx is not None and dw is not None
        outputs = _elements(output, batch)
        backward = Backward(
            _macs(inner.mults, inner.adds) if grad else None,
            dw,
            Gradient(0, self.out * (outputs // self.out - 1)) if self.bias else None,
        )
        return Cost(
            output=output,
            params=inner.params + self.out * self.bias,
            macs=dx.mults,
            flops=2 * dx.mults,
            mults=dx.mults,
            adds=dx.adds + outputs * self.bias,
            activations=outputs,
            saved=_elements(shape, batch) + inner.params,
            backward=backward,
        )


@dataclass(frozen=True)
class Linear(Kind):
    """Fully connected layer on the last axis of its input (``r`` rows of ``in`` features:
    r = batch x the leading axes): MACs = r in out, FLOPs = 2 MACs, bias additions not
    counted; exact: r out in multiplications, r out (in - 1 + bias) additions; backward dX
    r in out mults and r in (out - 1) adds, dW r in out mults and in out (r - 1) adds, db
    out (r - 1) adds.  A row may state ``in`` to pin the expected input width.  Autograd
    saves the input, and the weight only when the input requires a gradient."""

    name: ClassVar[str] = "linear"
    counting: ClassVar[str] = (
        "MACs = n in out, FLOPs = 2 MACs, bias additions not "
        "counted; exact additions n out (in - 1 + bias)"
    )
    out: int
    expected_in: int | None = None
    bias: bool = True

    @classmethod
    def read(cls, row: Row):
        expected = row.integer("in") if "in" in row.data else None
        return cls(out=row.integer("out"), expected_in=expected, bias=row.boolean("bias", True))

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.name, inputs)
        if len(shape) != 1 and self.expected_in is None:
            raise DerivationError(key="network.linear_not_flat", shape=shape)
        features = shape[-1]
        if self.expected_in is not None and self.expected_in != features:
            raise DerivationError(
                key="network.features_differ", value=self.expected_in, features=features
            )
        r = batch * math.prod(shape[:-1])
        macs = r * features * self.out
        weights = features * self.out
        backward = Backward(
            _macs(macs, r * features * (self.out - 1)) if grad else None,
            _macs(macs, weights * (r - 1)),
            Gradient(0, self.out * (r - 1)) if self.bias else None,
        )
        return Cost(
            output=(*shape[:-1], self.out),
            params=weights + self.out * self.bias,
            macs=macs,
            flops=2 * macs,
            mults=macs,
            adds=r * self.out * (features - 1 + self.bias),
            activations=r * self.out,
            saved=r * features + (weights if grad else 0),
            backward=backward,
        )


# --- pooling ----------------------------------------------------------------------------
def _taps(padded: int, k: int, s: int, out: int) -> int:
    """Taps of ``out`` windows of ``k`` at stride ``s`` over ``padded`` positions, each
    window clipped to them (``ceil_mode`` makes the last windows partial), in closed
    form: ``full`` whole windows, then an arithmetic series of partial ones."""
    full = min(out, (padded - k) // s + 1) if padded >= k else 0
    partial = out - full
    # window i (full <= i < out) has padded - i s taps
    return full * k + partial * padded - s * (out * (out - 1) - full * (full - 1)) // 2


def _covered(padded: int, k: int, s: int, out: int, taps: int) -> int:
    """Padded positions some window reaches: one run from 0 when windows touch (s <= k),
    else disjoint windows, as many positions as taps."""
    return min(padded, (out - 1) * s + k) if s <= k else taps


def _scatter_adds(channels: int, batch: int, taps: int, covered: int) -> int:
    """Additions of scattering every window's gradient onto the (padded) input exactly: a
    position reached by t window taps costs t - 1 (per sample and channel; the axes'
    taps and covered positions multiply, as windows are products of per-axis ranges)."""
    return batch * channels * (taps - covered)


POOL_BACKWARD = (
    "backward dX (executed on counted arrays by the tests): each window's gradient -- "
    "dY x 1/t (average: 1 multiplication per output element) or dY at the window's "
    "maximum, 0 elsewhere (max: a selection, the comparisons are not arithmetic) -- "
    "scattered onto the padded input, a position reached by t windows costing t - 1 "
    "additions (the overlap of windows), then cropped; FLOPs 0 (flop_counter counts none)"
)


@dataclass(frozen=True)
class Pool(Kind):
    """Max or average pooling (1-D, 2-D, 3-D by the length of ``kernel``; padding per
    side, as ``nn.MaxPool2d``): a window of t taps costs t - 1 comparisons (max) or t - 1
    additions + 1 division (average, padding included in the count: PyTorch's
    ``count_include_pad``); with ``ceil_mode`` the last windows are clipped to the padded
    input, and t is what they hold.  Autograd saves the input (and for max pooling the
    indices, one per output element).  Backward: see :data:`POOL_BACKWARD`."""

    name: ClassVar[str] = "pool"
    counting: ClassVar[str] = (
        "a window of t taps: t - 1 comparisons (max) or t - 1 additions + 1 division "
        "(average); " + POOL_BACKWARD
    )
    function: str
    kernel: tuple
    stride: tuple
    padding: tuple = (0, 0)
    ceil_mode: bool = False

    @classmethod
    def read(cls, row: Row):
        kernel = row.pair("kernel")
        return cls(
            function=row.data["kind"],
            kernel=kernel,
            stride=row.pair("stride", list(kernel)),
            padding=row.pair("padding", 0, minimum=0),
            ceil_mode=row.boolean("ceil_mode", False),
        )

    @property
    def label(self) -> str:
        return suffixed(self.function, len(self.kernel))

    def _axes(self, shape):
        """The output shape, the taps of all windows and the padded positions they reach
        (per sample and channel)."""
        shape = _spatial(self.label, shape, len(self.kernel))
        sizes, taps, covered = [], 1, 1
        for axis, size, k, s, p in zip(
            "dhw"[-len(self.kernel) :] if len(self.kernel) > 1 else "l",
            shape[1:],
            self.kernel,
            self.stride,
            self.padding,
        ):
            if 2 * p > k:  # nn.MaxPool2d/AvgPool2d refuse it too
                raise DerivationError(key="network.pool_padding", padding=p, kernel=k, axis=axis)
            if k > size + 2 * p:
                raise DerivationError(
                    key="network.pool_kernel", kernel=k, axis=axis, size=size, padding=p
                )
            span = size + 2 * p - k
            out = (-(-span // s) if self.ceil_mode else span // s) + 1
            if self.ceil_mode and (out - 1) * s >= size + p:  # PyTorch: start inside
                out -= 1
            sizes.append(out)
            axis_taps = _taps(size + 2 * p, k, s, out)
            taps *= axis_taps
            covered *= _covered(size + 2 * p, k, s, out, axis_taps)
        return (shape[0], *sizes), taps, covered

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.label, inputs)
        out, taps, covered = self._axes(shape)
        outputs = _elements(out, batch)
        total = batch * out[0] * taps
        maximum = self.function == "maxpool"
        saved = (_elements(shape, batch) + (outputs if maximum else 0)) if grad else 0
        dx = Gradient(0 if maximum else outputs, _scatter_adds(shape[0], batch, taps, covered))
        return Cost(
            output=out,
            adds=0 if maximum else total - outputs,
            other=total - outputs if maximum else outputs,
            activations=outputs,
            saved=saved,
            backward=Backward(dx if grad else None),
        )


def adaptive_cover(size: int, out: int) -> int:
    """Input positions summed over all ``out`` cells of an adaptive pool along an axis of
    ``size``: cell i covers ``[floor(i L / o), ceil((i + 1) L / o))``, and the cells
    together hold ``L + o - gcd(L, o)`` (from Hermite's identity for the floors; the ceils
    exceed the floors except where o divides (i + 1) L, gcd(L, o) times).  Closed form:
    never iterates over the cells."""
    return size + out - math.gcd(size, out)


@dataclass(frozen=True)
class AdaptivePool(Kind):
    """Adaptive average or max pooling to ``out`` (``nn.AdaptiveAvgPool2d``): a cell of t
    inputs costs t - 1 additions + 1 division (average) or t - 1 comparisons (max); the
    cells' inputs counted in closed form (:func:`adaptive_cover`).  Autograd saves the
    input (nothing for an average to 1 x 1, which PyTorch computes as a mean; the max's
    indices too).  Backward as :class:`Pool`'s (:data:`POOL_BACKWARD`), the cells being
    the windows: every input position lies in some cell."""

    name: ClassVar[str] = "adaptive_avgpool"
    counting: ClassVar[str] = (
        "per output cell of t inputs: t - 1 additions + 1 "
        "division (average) or t - 1 comparisons (max); " + POOL_BACKWARD
    )
    out: tuple
    function: str = "adaptive_avgpool"

    @classmethod
    def read(cls, row: Row):
        return cls(out=row.pair("out"))

    @property
    def label(self) -> str:
        return suffixed(self.function, len(self.out))

    def cost(self, inputs, batch, grad=False):
        shape = _spatial(self.label, _single(self.label, inputs), len(self.out))
        taps = math.prod(adaptive_cover(s, o) for s, o in zip(shape[1:], self.out))
        out = (shape[0], *self.out)
        outputs = _elements(out, batch)
        total = batch * shape[0] * taps
        maximum = self.function == "adaptive_maxpool"
        if not grad:
            saved = 0
        elif maximum:
            saved = _elements(shape, batch) + outputs
        else:
            saved = 0 if all(o == 1 for o in self.out) else _elements(shape, batch)
        dx = Gradient(
            0 if maximum else outputs,
            _scatter_adds(shape[0], batch, taps, math.prod(shape[1:])),
        )
        return Cost(
            output=out,
            adds=0 if maximum else total - outputs,
            other=total - outputs if maximum else outputs,
            activations=outputs,
            saved=saved,
            backward=Backward(dx if grad else None),
        )


# --- elementwise and structural -----------------------------------------------------
@dataclass(frozen=True)
class BatchNorm(Kind):
    """Batch normalization at inference, folded into ``y = a x + b`` per channel: 1
    multiplication + 1 addition per element; parameters gamma and beta (2 per channel;
    the running mean and variance are buffers).  In training autograd saves the input
    and 5 per channel (gamma, the running mean and variance, the batch mean and inverse
    deviation).

    Backward in training (batch statistics), per channel of m = batch x spatial elements,
    executed in :func:`tests.networks.backward.batchnorm_backward`: dbeta = sum dY
    (m - 1 additions); dgamma = invstd sum (X - mean) dY (m + 1 multiplications, 2m - 1
    additions: the centring, the products, the sum); dX = gamma invstd (dY - dbeta/m -
    (X - mean) invstd dgamma/m), reusing dbeta, dgamma and the centred X (2m + 4
    multiplications, 2m additions; 1/m a constant).

    With ``training=False`` (a model read in eval mode: the running statistics, constants)
    autograd saves the input and 3 per channel (gamma, the running mean and variance),
    and the backward is dX = dY (gamma invstd): m + 1 multiplications per channel (the
    scale once); dgamma and dbeta as in training (this backward is stated, not executed
    in the tests: PyTorch's FLOPs count none of it)."""

    name: ClassVar[str] = "batchnorm"
    counting: ClassVar[str] = (
        "inference, folded: 1 multiplication + 1 addition per element; 2 params per channel; "
        "backward (training), per channel of m elements: dbeta m - 1 additions, dgamma "
        "m + 1 multiplications and 2m - 1 additions, dX (reusing them) 2m + 4 "
        "multiplications and 2m additions; FLOPs 0 (flop_counter counts none)"
    )
    features: int | None = None
    training: bool = True

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.name, inputs)
        _expect(self.features, shape, "num_features")
        elements = _elements(shape, batch)
        c = shape[0]
        m = elements // c
        dx = Gradient(c * (2 * m + 4), c * 2 * m) if self.training else Gradient(c * (m + 1))
        backward = Backward(
            dx if grad else None,
            Gradient(c * (m + 1), c * (2 * m - 1)),
            Gradient(0, c * (m - 1)),
        )
        return Cost(
            output=shape,
            params=2 * c,
            mults=elements,
            adds=elements,
            activations=elements,
            saved=elements + (5 if self.training else 3) * c,
            backward=backward,
        )


@dataclass(frozen=True)
class LayerNorm(Kind):
    """Layer normalization over the last ``normalized`` elements (D) of each sample's
    shape, per group of D: mean (D - 1 additions, 1 division), centring (D additions),
    variance (D multiplications, D - 1 additions, 1 division), + eps (1 addition),
    reciprocal square root (1), scaling (D multiplications), and with the affine
    parameters D multiplications and D additions.  Autograd saves the input, gamma, beta
    and per group the mean and the reciprocal deviation.

    Backward over G groups, executed in
    :func:`tests.networks.backward.layernorm_backward`: dbeta = sum over groups of dY
    (D (G - 1) additions); dgamma = sum over groups of dY Xhat, Xhat = (X - mean) rstd
    recomputed (2GD multiplications, GD + D (G - 1) additions); dX = rstd (g - mean(g) -
    Xhat mean(g Xhat)), g = dY gamma (4GD + 2G multiplications, 4GD - 2G additions; without
    affine parameters g = dY and Xhat is recomputed here: GD more additions)."""

    name: ClassVar[str] = "layernorm"
    counting: ClassVar[str] = (
        "per group of D: 2D (+D affine) multiplications, 3D - 1 (+D affine) additions, "
        "3 other; backward over G groups: dbeta D (G - 1) additions, dgamma 2GD "
        "multiplications and GD + D (G - 1) additions, dX 4GD + 2G multiplications and "
        "4GD - 2G additions (+GD without affine); FLOPs 0 (flop_counter counts none)"
    )
    normalized: tuple
    affine: bool = True

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.name, inputs)
        elements = _elements(shape, batch)
        if tuple(shape[len(shape) - len(self.normalized) :]) != self.normalized:
            raise DerivationError(
                key="network.normalized_shape", normalized=self.normalized, shape=shape
            )
        d = math.prod(self.normalized)
        groups = elements // d
        gd = groups * d
        dx = Gradient(4 * gd + 2 * groups, 4 * gd - 2 * groups + (0 if self.affine else gd))
        backward = Backward(
            dx if grad else None,
            Gradient(2 * gd, gd + d * (groups - 1)) if self.affine else None,
            Gradient(0, d * (groups - 1)) if self.affine else None,
        )
        return Cost(
            output=shape,
            params=2 * d * self.affine,
            mults=groups * (2 * d + d * self.affine),
            adds=groups * (3 * d - 1 + d * self.affine),
            other=3 * groups,
            activations=elements,
            saved=elements + 2 * d * self.affine + 2 * groups,
            backward=backward,
        )


ACTIVATIONS = (
    "relu",
    "relu6",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "sigmoid",
    "tanh",
    "hardswish",
    "hardsigmoid",
)


@dataclass(frozen=True)
class Activation(Function):
    """Elementwise activation (relu, sigmoid, tanh, gelu, ...): 1 operation per element
    (ReLU one comparison; the others one function evaluation each, not broken down).
    Autograd saves one tensor of the input's size (the input or the result).  Backward
    (executed in :func:`tests.networks.backward.activation_backward`): dX = dY x
    f'(X), one evaluation of f' per element (other; for ReLU the comparison X > 0) and one
    multiplication per element."""

    name: ClassVar[str] = "activation"
    counting: ClassVar[str] = (
        "1 op per element; backward dX = dY f'(X): 1 multiplication and 1 other (the "
        "evaluation of f', for ReLU a comparison) per element; FLOPs 0 (flop_counter "
        "counts none)"
    )
    function: str = "relu"

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.function, inputs)
        elements = _elements(shape, batch)
        return Cost(
            output=shape,
            other=elements,
            activations=elements,
            saved=elements if grad else 0,
            backward=Backward(Gradient(elements, 0, other=elements) if grad else None),
        )


@dataclass(frozen=True)
class Flatten(Kind):
    """Flatten to ``(features,)``: a view, no operations, no new activations."""

    name: ClassVar[str] = "flatten"
    counting: ClassVar[str] = "a view: 0 ops"

    def cost(self, inputs, batch, grad=False):
        return Cost(
            output=(math.prod(_single(self.name, inputs)),),
            backward=Backward(Gradient() if grad else None),
        )


@dataclass(frozen=True)
class Dropout(Kind):
    """Dropout at inference: the identity, 0 ops, no new activations (``p`` is read and
    checked, not used); in training autograd saves its mask (one element per input
    element)."""

    name: ClassVar[str] = "dropout"
    counting: ClassVar[str] = "inference: identity, 0 ops"

    @classmethod
    def read(cls, row: Row):
        p = row.number("p", 0.5)
        if not 0 <= p < 1:
            raise row.error("network.dropout_p", value=shown(p))
        return cls()

    def cost(self, inputs, batch, grad=False):
        shape = _single(self.name, inputs)
        return Cost(output=shape, saved=_elements(shape, batch) if grad else 0)


@dataclass(frozen=True)
class Add(Kind):
    """Elementwise sum of t equal-shaped inputs (the residual connection): t - 1
    additions per output element; backward hands dY to every input (0 ops; executed in
    :func:`tests.networks.backward.add_backward`).  Where a tensor feeds several
    layers (the residual's identity branch), autograd sums their gradients of it: those
    additions are the producing row's ``backward.output``."""

    name: ClassVar[str] = "add"
    counting: ClassVar[str] = (
        "t inputs: t - 1 additions per output element; backward hands dY to each input: 0 ops"
    )
    many_inputs: ClassVar[bool] = True

    def cost(self, inputs, batch, grad=False):
        if len(inputs) < 2 or any(s != inputs[0] for s in inputs):
            raise DerivationError(key="network.add_shapes", shapes=", ".join(map(str, inputs)))
        elements = _elements(inputs[0], batch)
        return Cost(
            output=inputs[0],
            adds=(len(inputs) - 1) * elements,
            activations=elements,
            backward=Backward(Gradient() if grad else None),
        )


@dataclass(frozen=True)
class Concat(Kind):
    """Concatenation along channels (Inception's branches): a copy, 0 ops; backward
    slices dY (0 ops; :func:`tests.networks.backward.concat_backward`)."""

    name: ClassVar[str] = "concat"
    counting: ClassVar[str] = "a copy along channels: 0 ops; backward slices dY: 0 ops"
    many_inputs: ClassVar[bool] = True

    def cost(self, inputs, batch, grad=False):
        if len(inputs) < 2 or any(
            len(s) < 2 or len(s) != len(inputs[0]) or s[1:] != inputs[0][1:] for s in inputs
        ):
            raise DerivationError(key="network.concat_shapes", shapes=", ".join(map(str, inputs)))
        out = (sum(s[0] for s in inputs), *inputs[0][1:])
        return Cost(
            output=out,
            activations=_elements(out, batch),
            backward=Backward(Gradient() if grad else None),
        )


@dataclass(frozen=True)
class Unsupported(Kind):
    """A module or function this tool cannot count: listed by name and class, its
    parameters known (``numel``), its operations unknown: left out of every total and
    share but the parameters', never taken as zero."""

    name: ClassVar[str] = "unsupported"
    counting: ClassVar[str] = (
        "not counted: its operations are unknown, left out of the "
        "totals (its parameters are counted)"
    )
    what: str
    output: tuple
    params: int = 0

    @property
    def label(self) -> str:
        return f"? {self.what}"

    def cost(self, inputs, batch, grad=False):
        return Cost(output=self.output, params=self.params, counted=False)


@dataclass(frozen=True)
class Parameter(Kind):
    """A parameter a model's code uses directly (``x + self.offset``): its elements, no
    operations (the operation using it is a row of its own)."""

    name: ClassVar[str] = "parameter"
    counting: ClassVar[str] = "a parameter used directly: its elements, 0 ops"
    shape: tuple

    def cost(self, inputs, batch, grad=False):
        return Cost(output=self.shape, params=math.prod(self.shape))


KINDS: dict[str, type[Kind]] = {
    k.name: k
    for k in (Conv, ConvTranspose, Linear, AdaptivePool, BatchNorm, Flatten, Dropout, Add, Concat)
}
POOLS = ("maxpool", "avgpool")


def kind_of(row: Row):
    """The kind object a row declares (its fields read and checked)."""
    kind = row.data.get("kind")
    if isinstance(kind, str) and kind in ACTIVATIONS:
        made = Activation(function=kind)
    elif isinstance(kind, str) and kind in POOLS:
        made = Pool.read(row)
    elif isinstance(kind, str) and kind in KINDS:  # a list or mapping would be unhashable
        made = KINDS[kind].read(row)
    else:
        known = ", ".join(sorted((*KINDS, *ACTIVATIONS, *POOLS)))
        raise row.error("network.unknown_kind", value=shown(kind), known=known)
    row.finish(kind)
    return made
