"""Layer kinds of a network, each with its counting convention.

Every kind turns the per-sample shapes of its inputs (``(channels, height, width)`` or
``(features,)``) and the batch size into a :class:`Cost`.  Columns, for all kinds:

* ``params``      -- trainable parameters (``nn.Module.parameters()``; batch-norm running
  statistics are buffers, not parameters);
* ``macs``        -- multiply-accumulates of convolution and linear layers only (the
  published "multiply-adds" of torchvision/fvcore): bias additions not counted; every other
  kind has 0;
* ``flops``       -- ``2 x macs`` (``torch.utils.flop_counter``'s convention, which counts
  only convolutions and matrix products);
* ``ops``         -- every other kind's own elementwise operations, under the convention
  its docstring states (comparisons, additions, divisions, function evaluations);
* ``activations`` -- elements of the tensor the layer newly writes, batch included (0 for
  a view or an identity).  Activations are not in place (the book's code), so their sum
  bounds what a framework with in-place ReLU holds.

Pooling windows, like convolution, run over materialized padding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from derivations.registry.forms import Form
from derivations.closed_forms import forms_for
from derivations.errors import DerivationError
from derivations.model import Layer, output_size
from derivations.networks.rows import Row, shown

__all__ = ["Activation", "AdaptiveAvgPool", "Add", "AvgPool", "BatchNorm", "Concat", "Conv",
           "Cost", "Dropout", "Flatten", "KINDS", "Linear", "MaxPool", "kind_of"]


@dataclass(frozen=True)
class Cost:
    output: tuple          # per-sample output shape
    params: int = 0
    macs: int = 0
    flops: int = 0
    ops: int = 0
    activations: int = 0


def _elements(shape: tuple, batch: int) -> int:
    return batch * math.prod(shape)


def _image(kind: str, shape: tuple) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise DerivationError(
            f"{kind} needs a (channels, height, width) input, got {shape}")
    return shape


def _single(kind: str, inputs: list) -> tuple:
    if len(inputs) != 1:
        raise DerivationError(f"{kind} takes one input, got {len(inputs)}")
    return inputs[0]


class Kind:
    """A layer kind: ``read(row)`` builds one, ``cost(inputs, batch)`` tabulates it."""

    name: ClassVar[str]
    convention: ClassVar[str]
    many_inputs: ClassVar[bool] = False

    @classmethod
    def read(cls, row: Row):
        return cls()

    def cost(self, inputs: list, batch: int) -> Cost:  # pragma: no cover - abstract
        raise NotImplementedError


# --- layers with multiply-adds --------------------------------------------------------
@dataclass(frozen=True)
class Conv(Kind):
    """2-D convolution, counted by the project's closed forms
    (``forms_for(Layer(...))[key].evaluate(layer)``): MACs = ``forward_macs``,
    FLOPs = ``forward_flops`` (2 x MACs, bias ignored), parameters = ``memory_params``
    (weights + bias), activations = ``memory_output``.  Padding follows ``nn.Conv2d``
    (per side) unless the row says ``padding_convention: total`` (the book's formula)."""

    name: ClassVar[str] = "conv"
    convention: ClassVar[str] = ("closed forms: MACs = n c_o m_h m_w (c_i/g) k_h k_w, "
                                 "FLOPs = 2 MACs, bias additions not counted")
    out: int
    kernel: tuple[int, int]
    stride: tuple[int, int] = (1, 1)
    padding: tuple[int, int] = (0, 0)
    dilation: tuple[int, int] = (1, 1)
    groups: int = 1
    bias: bool = True
    padding_convention: str = "per-side"

    @classmethod
    def read(cls, row: Row):
        return cls(out=row.integer("out"), kernel=row.pair("kernel"),
                   stride=row.pair("stride", 1), padding=row.pair("padding", 0, minimum=0),
                   dilation=row.pair("dilation", 1), groups=row.integer("groups", 1),
                   bias=row.boolean("bias", True),
                   padding_convention=row.choice("padding_convention",
                                                 ("per-side", "total"), "per-side"))

    def layer(self, shape: tuple, batch: int) -> Layer:
        c, hh, ww = _image(self.name, shape)
        return Layer(c_i=c, c_o=self.out, h=hh, w=ww, k_h=self.kernel[0], k_w=self.kernel[1],
                     p_h=self.padding[0], p_w=self.padding[1], s_h=self.stride[0],
                     s_w=self.stride[1], d_h=self.dilation[0], d_w=self.dilation[1],
                     groups=self.groups, batch=batch, bias=self.bias,
                     convention=self.padding_convention)

    def cost(self, inputs, batch):
        layer = self.layer(_single(self.name, inputs), batch)
        f = forms_for(layer)
        return Cost(output=layer.output_shape[1:],
                    params=f[Form.MEMORY_PARAMS].evaluate(layer),
                    macs=f[Form.FORWARD_MACS].evaluate(layer),
                    flops=f[Form.FORWARD_FLOPS].evaluate(layer),
                    activations=f[Form.MEMORY_OUTPUT].evaluate(layer))


@dataclass(frozen=True)
class Linear(Kind):
    """Fully connected layer on a flat input: MACs = n x in x out (one per weight per
    sample), FLOPs = 2 x MACs, bias additions not counted; parameters = in x out (+ out
    with bias).  A row may state ``in`` to pin the expected input width."""

    name: ClassVar[str] = "linear"
    convention: ClassVar[str] = "MACs = n in out, FLOPs = 2 MACs, bias additions not counted"
    out: int
    expected_in: int | None = None
    bias: bool = True

    @classmethod
    def read(cls, row: Row):
        expected = row.integer("in") if "in" in row.data else None
        return cls(out=row.integer("out"), expected_in=expected, bias=row.boolean("bias", True))

    def cost(self, inputs, batch):
        shape = _single(self.name, inputs)
        if len(shape) != 1:
            raise DerivationError(f"linear needs a flat input, got {shape}; add a flatten row")
        features = shape[0]
        if self.expected_in is not None and self.expected_in != features:
            raise DerivationError(f"in={self.expected_in} but the input has {features} features")
        macs = batch * features * self.out
        return Cost(output=(self.out,), params=features * self.out + self.out * self.bias,
                    macs=macs, flops=2 * macs, activations=batch * self.out)


# --- pooling ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Pool(Kind):
    kernel: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int] = (0, 0)

    @classmethod
    def read(cls, row: Row):
        kernel = row.pair("kernel")
        return cls(kernel=kernel, stride=row.pair("stride", list(kernel)),
                   padding=row.pair("padding", 0, minimum=0))

    def _output(self, shape) -> tuple[int, int, int]:
        c, hh, ww = _image(self.name, shape)
        sizes = []
        for axis, size, k, s, p in zip("hw", (hh, ww), self.kernel, self.stride, self.padding):
            if 2 * p > k:  # nn.MaxPool2d/AvgPool2d refuse it too
                raise DerivationError(f"padding={p} exceeds half the kernel {k} ({axis})")
            if k > size + 2 * p:
                raise DerivationError(f"kernel {k} does not fit the padded input "
                                      f"{axis}={size} with padding {p} per side")
            sizes.append(output_size(size, k, p, s, 1, "per-side"))
        return (c, *sizes)

    def cost(self, inputs, batch):
        out = self._output(_single(self.name, inputs))
        window = self.kernel[0] * self.kernel[1]
        outputs = _elements(out, batch)
        return Cost(output=out, ops=outputs * self.ops_per_window(window), activations=outputs)


@dataclass(frozen=True)
class MaxPool(_Pool):
    """Max pooling: ``k_h k_w - 1`` comparisons per output element (a t-element maximum
    costs t - 1 comparisons; padding included); no parameters."""

    name: ClassVar[str] = "maxpool"
    convention: ClassVar[str] = "k_h k_w - 1 comparisons per output element"

    @staticmethod
    def ops_per_window(window: int) -> int:
        return window - 1


@dataclass(frozen=True)
class AvgPool(_Pool):
    """Average pooling (padding included in the count, PyTorch's default):
    ``k_h k_w - 1`` additions and 1 division per output element, ``k_h k_w`` ops."""

    name: ClassVar[str] = "avgpool"
    convention: ClassVar[str] = "k_h k_w - 1 additions + 1 division per output element"

    @staticmethod
    def ops_per_window(window: int) -> int:
        return window


@dataclass(frozen=True)
class AdaptiveAvgPool(Kind):
    """Adaptive average pooling to ``out`` (``nn.AdaptiveAvgPool2d``): output cell i
    along an axis of size L averages ``[floor(i L / o), ceil((i + 1) L / o))``; each cell
    of t elements costs t - 1 additions + 1 division, t ops."""

    name: ClassVar[str] = "adaptive_avgpool"
    convention: ClassVar[str] = "per output cell of t inputs: t - 1 additions + 1 division"
    out: tuple[int, int]

    @classmethod
    def read(cls, row: Row):
        return cls(out=row.pair("out"))

    def cost(self, inputs, batch):
        c, hh, ww = _image(self.name, _single(self.name, inputs))
        covered = [sum(math.ceil((i + 1) * size / o) - (i * size) // o for i in range(o))
                   for size, o in zip((hh, ww), self.out)]
        out = (c, *self.out)
        return Cost(output=out, ops=batch * c * covered[0] * covered[1],
                    activations=_elements(out, batch))


# --- elementwise and structural -----------------------------------------------------
@dataclass(frozen=True)
class BatchNorm(Kind):
    """Batch normalization at inference, folded into ``y = a x + b`` per channel: 1
    multiplication + 1 addition per element (2 ops); parameters gamma and beta (2 per
    channel; the running mean and variance are buffers, not parameters)."""

    name: ClassVar[str] = "batchnorm"
    convention: ClassVar[str] = "inference, folded: 2 ops per element; 2 params per channel"

    def cost(self, inputs, batch):
        shape = _single(self.name, inputs)
        elements = _elements(shape, batch)
        return Cost(output=shape, params=2 * shape[0], ops=2 * elements,
                    activations=elements)


@dataclass(frozen=True)
class Activation(Kind):
    """Elementwise activation (relu, sigmoid, tanh): 1 op per element (ReLU one
    comparison; sigmoid and tanh one function evaluation each, not broken down)."""

    name: ClassVar[str] = "activation"
    convention: ClassVar[str] = "1 op per element"
    function: str = "relu"

    def cost(self, inputs, batch):
        shape = _single(self.function, inputs)
        elements = _elements(shape, batch)
        return Cost(output=shape, ops=elements, activations=elements)


@dataclass(frozen=True)
class Flatten(Kind):
    """Flatten to ``(features,)``: a view, no operations, no new activations."""

    name: ClassVar[str] = "flatten"
    convention: ClassVar[str] = "a view: 0 ops"

    def cost(self, inputs, batch):
        return Cost(output=(math.prod(_single(self.name, inputs)),))


@dataclass(frozen=True)
class Dropout(Kind):
    """Dropout at inference: the identity, 0 ops, no new activations (``p`` is read and
    checked, not used)."""

    name: ClassVar[str] = "dropout"
    convention: ClassVar[str] = "inference: identity, 0 ops"

    @classmethod
    def read(cls, row: Row):
        p = row.number("p", 0.5)
        if not 0 <= p < 1:
            raise row.error(f"p={shown(p)} must lie in [0, 1)")
        return cls()

    def cost(self, inputs, batch):
        return Cost(output=_single(self.name, inputs))


@dataclass(frozen=True)
class Add(Kind):
    """Elementwise sum of t equal-shaped inputs (the residual connection): t - 1
    additions per output element."""

    name: ClassVar[str] = "add"
    convention: ClassVar[str] = "t inputs: t - 1 additions per output element"
    many_inputs: ClassVar[bool] = True

    def cost(self, inputs, batch):
        if len(inputs) < 2 or any(s != inputs[0] for s in inputs):
            raise DerivationError(f"add needs two or more inputs of one shape, got "
                                  f"{', '.join(map(str, inputs))}")
        elements = _elements(inputs[0], batch)
        return Cost(output=inputs[0], ops=(len(inputs) - 1) * elements, activations=elements)


@dataclass(frozen=True)
class Concat(Kind):
    """Concatenation along channels (Inception's branches): a copy, 0 ops."""

    name: ClassVar[str] = "concat"
    convention: ClassVar[str] = "a copy along channels: 0 ops"
    many_inputs: ClassVar[bool] = True

    def cost(self, inputs, batch):
        if len(inputs) < 2 or any(len(s) != 3 or s[1:] != inputs[0][1:] for s in inputs):
            raise DerivationError(f"concat needs two or more (channels, height, width) inputs "
                                  f"of one height and width, got {', '.join(map(str, inputs))}")
        out = (sum(s[0] for s in inputs), *inputs[0][1:])
        return Cost(output=out, activations=_elements(out, batch))


KINDS: dict[str, type] = {k.name: k for k in (Conv, Linear, MaxPool, AvgPool, AdaptiveAvgPool,
                                              BatchNorm, Flatten, Dropout, Add, Concat)}
ACTIVATIONS = ("relu", "sigmoid", "tanh")


def kind_of(row: Row):
    """The kind object a row declares (its fields read and checked)."""
    kind = row.data.get("kind")
    if isinstance(kind, str) and kind in ACTIVATIONS:
        made = Activation(function=kind)
    elif isinstance(kind, str) and kind in KINDS:  # a list or mapping would be unhashable
        made = KINDS[kind].read(row)
    else:
        known = ", ".join(sorted((*KINDS, *ACTIVATIONS)))
        raise row.error(f"kind={shown(kind)} is not one of {known}")
    row.finish(kind)
    return made
