"""The registry of aten operators: for each operator a PyTorch model can execute, how one
call is counted -- a layer kind of :mod:`.kinds` (convolutions, linear layers, norms,
pooling, activations: their closed forms, the one source of truth) or of :mod:`.ops`
(elementwise arithmetic, matrix products, softmax, reductions, copies) -- or that it
computes nothing (views, tensor creation, buffer bookkeeping).

A reader takes the call (:class:`Call`) and returns a :class:`Read`: the kind, the
per-sample input shapes, the batch it is counted at and whether its (first) input
requires a gradient.  An operator missing here is not guessed: the reader of
:mod:`.torch` makes it a ``? aten.<op>`` row and names it in the totals.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from derivations.networks.kinds import (
    Activation,
    AdaptivePool,
    Add,
    BatchNorm,
    Concat,
    Conv,
    ConvTranspose,
    Dropout,
    Kind,
    LayerNorm,
    Linear,
    Pool,
)
from derivations.networks.ops import (
    ADD,
    MUL,
    OTHER,
    Copy,
    Elementwise,
    MatMul,
    Normalize,
    Reduce,
    Resample,
    RoiAlign,
    Select,
    Softmax,
    sort_comparisons,
)

__all__ = ["FREE", "READERS", "SHAPE_ONLY", "Call", "Read", "read_call"]

# operators that move no element and compute nothing: views and metadata
SHAPE_ONLY = frozenset(
    [
        "view",
        "_unsafe_view",
        "reshape",
        "t",
        "transpose",
        "permute",
        "expand",
        "squeeze",
        "unsqueeze",
        "select",
        "slice",
        "split",
        "split_with_sizes",
        "chunk",
        "unbind",
        "alias",
        "detach",
        "as_strided",
        "flatten",
        "unflatten",
        "narrow",
        "diagonal",
        "movedim",
        "swapaxes",
        "_reshape_alias",
        "view_as",
        "expand_as",
        "numpy_T",
        "lift_fresh",
        "_to_copy",
        "contiguous",
        "unsafe_split",
        "unsafe_split_with_sizes",
        "unsafe_chunk",
        "as_strided_",
        "squeeze_",
        "unsqueeze_",
        "t_",
        "transpose_",
        "resize_",
        "_unsafe_index",
    ]
)
# operators that create tensors without reading the network's values (or only a random
# draw of a dropout mask), and buffer bookkeeping: nothing of the network computed
FREE = frozenset(
    [
        "empty",
        "empty_like",
        "empty_strided",
        "zeros",
        "zeros_like",
        "ones",
        "ones_like",
        "full",
        "full_like",
        "new_zeros",
        "new_ones",
        "new_empty",
        "new_full",
        "new_empty_strided",
        "arange",
        "scalar_tensor",
        "fill_",
        "zero_",
        "fill",
        "linspace",
        "randn",
        "rand",
        "randint",
        "bernoulli_",
        "bernoulli",
        "normal_",
        "uniform_",
        "rand_like",
        "randn_like",
        "_local_scalar_dense",
        "sym_size",
        "sym_stride",
        "sym_numel",
        "copy_",
        "set_",
        "_has_compatible_shallow_copy_type",
        "is_same_size",
    ]
)
# comparisons and selections whose result no gradient flows through
NON_DIFFERENTIABLE = frozenset(
    [
        "eq",
        "ne",
        "lt",
        "le",
        "gt",
        "ge",
        "argmax",
        "argmin",
        "isnan",
        "isinf",
        "logical_not",
        "logical_and",
        "logical_or",
        "sign",
    ]
)


@dataclass
class Call:
    """One aten call: its operator's name (the overload packet, ``convolution``), its
    arguments and its output."""

    op: str
    args: tuple
    kwargs: dict
    out: object
    tensor: type

    def arg(self, i: int, name: str, default=None):
        if len(self.args) > i:
            return self.args[i]
        return self.kwargs.get(name, default)

    def is_tensor(self, value) -> bool:
        return isinstance(value, self.tensor)

    @staticmethod
    def grad(value) -> bool:
        return bool(getattr(value, "requires_grad", False))

    def first(self):
        return self.out[0] if isinstance(self.out, (tuple, list)) else self.out


@dataclass
class Read:
    kind: Kind
    inputs: list  # per-sample shapes
    batch: int = 1
    grad: bool = False


Reader = Callable[[Call], "Read | None"]


def _shape(t) -> tuple:
    return tuple(int(s) for s in t.shape)


def _per_sample(t) -> tuple[tuple, int]:
    shape = _shape(t)
    return shape[1:], shape[0]


def _conv(call: Call) -> Read | None:
    x, w, b = call.args[0], call.args[1], call.arg(2, "bias")
    stride, padding, dilation, transposed, output_padding, groups = call.args[3:9]
    dims = len(_shape(w)) - 2
    shape, batch = _per_sample(x)
    if transposed:
        kind: Kind = ConvTranspose(
            out=_shape(w)[1] * groups,
            kernel=_shape(w)[2:],
            stride=tuple(stride),
            padding=tuple(padding),
            output_padding=tuple(output_padding),
            dilation=tuple(dilation),
            groups=groups,
            bias=b is not None,
            in_channels=shape[0],
        )
    else:
        kind = Conv(
            out=_shape(w)[0],
            kernel=_shape(w)[2:],
            stride=_expand(stride, dims),
            padding=_expand(padding, dims),
            dilation=_expand(dilation, dims),
            groups=groups,
            bias=b is not None,
            in_channels=shape[0],
        )
    return Read(kind, [shape], batch, call.grad(x))


def _expand(value, dims: int) -> tuple:
    value = tuple(value)
    return value * dims if len(value) == 1 and dims > 1 else value


def _linear_or_matmul(call: Call, parameter: Callable) -> Read | None:
    """``mm``/``addmm``: a linear layer when the second factor is a parameter (a
    weight, transposed), else a product of two activations."""
    op = call.op
    bias = call.args[0] if op in ("addmm", "baddbmm") else None
    a, b = (call.args[1], call.args[2]) if bias is not None else (call.args[0], call.args[1])
    if op in ("addmm", "baddbmm") and (
        call.kwargs.get("beta", 1) != 1 or call.kwargs.get("alpha", 1) != 1
    ):
        return None
    if op in ("mm", "addmm") and parameter(b):
        rows, features = _shape(a)
        linear = Linear(out=_shape(b)[1], expected_in=features, bias=bias is not None)
        return Read(linear, [(rows, features)], 1, call.grad(a))
    sa, sb = _shape(a), _shape(b)
    batch = sa[0] if len(sa) == 3 else 1
    m, k = sa[-2:]
    n = sb[-1]
    kind = MatMul(
        1,
        m,
        k,
        n,
        _shape(call.out)[1:] if len(sa) == 3 else _shape(call.out),
        None if bias is None else _shape(bias),
        (call.grad(a), call.grad(b), bias is not None and call.grad(bias)),
    )
    return Read(kind, [sa[1:] if len(sa) == 3 else sa], batch, call.grad(a))


def _batchnorm(call: Call) -> Read | None:
    x, weight, _bias, running_mean = call.args[:4]
    shape, batch = _per_sample(x)
    if weight is not None:
        norm = BatchNorm(features=shape[0], training=_training(call))
        return Read(norm, [shape], batch, call.grad(x))
    # without affine parameters (instance norm runs as one): statistics per channel
    c = shape[0]
    stats = 2 * c if running_mean is not None else 0
    kind = Normalize("batchnorm", c, batch * math.prod(shape[1:]), c, False, stats, call.grad(x))
    return Read(kind, [_shape(x)], 1, call.grad(x))


def _training(call: Call) -> bool:
    """Whether a batch norm call normalizes by the batch's statistics (training)."""
    if call.op == "_native_batch_norm_legit_no_training":
        return False
    if call.op == "_batch_norm_with_update":
        return True
    return bool(call.arg(5, "training", True))


def _groupnorm(call: Call) -> Read | None:
    x, weight, bias, n, c, hxw, groups = call.args[:7]
    if (weight is None) != (bias is None):
        return None
    affine = weight is not None
    kind = Normalize(
        "groupnorm", n * groups, c // groups * hxw, c, affine, c if affine else 0, call.grad(x)
    )
    return Read(kind, [_shape(x)], 1, call.grad(x))


def _upsample(axes: int) -> Reader:
    def read(call: Call) -> Read | None:
        x = call.args[0]
        function = (
            "nearest"
            if axes == 0
            else "linear"
            if axes == 1
            else f"{'bi' if axes == 2 else 'tri'}linear"
        )
        kind = Resample(function, _shape(call.out), axes, call.grad(x))
        return Read(kind, [_shape(x)], 1, call.grad(x))

    return read


def _bicubic(call: Call) -> Read | None:
    x = call.args[0]
    kind = Resample("bicubic", _shape(call.out), 2, call.grad(x), per_axis=4)
    return Read(kind, [_shape(x)], 1, call.grad(x))


def _grid_sample(call: Call) -> Read | None:
    x, grid, mode = call.args[:3]
    if mode != 0:  # 0: bilinear
        return None
    grad = call.grad(x) or call.grad(grid)
    saves = math.prod(_shape(x)) + math.prod(_shape(grid)) if grad else 0
    kind = Resample("grid_sample", _shape(call.out), 2, grad, saves)
    return Read(kind, [_shape(x)], 1, grad)


def _prelu(call: Call) -> Read | None:
    x, w = call.args[:2]
    grads = (call.grad(x), call.grad(w))
    saves = (0, 1) if any(grads) else ()
    kind = Elementwise("prelu", MUL, _shape(call.out), grads, saves, backward_mults=True)
    return Read(kind, [_shape(x), _shape(w)], 1, call.grad(x))


def _layernorm(call: Call) -> Read | None:
    x, normalized, weight, bias = call.args[:4]
    if (weight is None) != (bias is None):
        return None
    kind = LayerNorm(normalized=tuple(normalized), affine=weight is not None)
    return Read(kind, [_shape(x)], 1, call.grad(x))


def _pool(function: str) -> Reader:
    def read(call: Call) -> Read | None:
        x = call.args[0]
        dims = len(_shape(x)) - 2
        kernel = _expand(call.args[1], dims)
        stride = _expand(call.arg(2, "stride") or kernel, dims)
        padding = _expand(call.arg(3, "padding", (0,)), dims)
        if function == "maxpool":
            dilation, ceil = _expand(call.arg(4, "dilation", (1,)), dims), call.arg(5, "ceil_mode")
            if any(d != 1 for d in dilation):
                return None
        else:
            ceil = call.arg(4, "ceil_mode", False)
            if not call.arg(5, "count_include_pad", True) or call.arg(6, "divisor_override"):
                return None
        shape, batch = _per_sample(x)
        kind = Pool(function, kernel, stride, padding, bool(ceil))
        return Read(kind, [shape], batch, call.grad(x))

    return read


def _adaptive(function: str) -> Reader:
    def read(call: Call) -> Read | None:
        x = call.args[0]
        shape, batch = _per_sample(x)
        out = tuple(_shape(call.first())[2:])
        return Read(AdaptivePool(out=out, function=function), [shape], batch, call.grad(x))

    return read


ACTIVATIONS = {
    "relu": "relu",
    "relu_": "relu",
    "gelu": "gelu",
    "silu": "silu",
    "silu_": "silu",
    "sigmoid": "sigmoid",
    "sigmoid_": "sigmoid",
    "tanh": "tanh",
    "tanh_": "tanh",
    "hardswish": "hardswish",
    "hardswish_": "hardswish",
    "hardsigmoid": "hardsigmoid",
    "hardsigmoid_": "hardsigmoid",
    "leaky_relu": "leaky_relu",
    "leaky_relu_": "leaky_relu",
    "elu": "elu",
    "elu_": "elu",
    "mish": "mish",
    "mish_": "mish",
    "softplus": "softplus",
    "exp": "exp",
    "log": "log",
    "sqrt": "sqrt",
    "rsqrt": "rsqrt",
    "erf": "erf",
    "sin": "sin",
    "cos": "cos",
    "log2": "log2",
    "abs": "abs",
}


def _activation(call: Call) -> Read | None:
    x = call.args[0]
    function = ACTIVATIONS[call.op]
    return Read(Activation(function=function), [_shape(x)], 1, call.grad(x))


def _hardtanh(call: Call) -> Read | None:
    x = call.args[0]
    low, high = call.arg(1, "min_val", -1.0), call.arg(2, "max_val", 1.0)
    function = "relu6" if (low, high) == (0.0, 6.0) else "hardtanh"
    return Read(Activation(function=function), [_shape(x)], 1, call.grad(x))


def _binary(function: str, column: str, product: bool = False, divide: bool = False) -> Reader:
    def read(call: Call) -> Read | None:
        a, b = call.args[0], call.arg(1, "other")
        out = _shape(call.out)
        if call.kwargs.get("alpha", 1) != 1 or (len(call.args) > 2 and call.args[2] != 1):
            return None
        tensors = [t for t in (a, b) if call.is_tensor(t)]
        grads = tuple(call.grad(t) for t in tensors)
        if (
            function == "add"
            and len(tensors) == 2
            and _shape(a) == _shape(b) == out
            and len(out) >= 2
            and all(grads)
        ):  # a residual connection: the layer kind (per sample)
            return Read(Add(), [out[1:], out[1:]], out[0], True)
        saves: tuple[int, ...] = ()
        if len(tensors) == 2 and product:
            saves = tuple(i for i, g in ((1, grads[0]), (0, grads[1])) if g)
        elif len(tensors) == 2 and divide:
            saves = ((1,) if grads[0] or grads[1] else ()) + ((0,) if grads[1] else ())
        kind = Elementwise(
            function,
            column,
            out,
            grads,
            saves,
            backward_mults=product or divide,
        )
        return Read(kind, [_shape(t) for t in tensors], 1, any(grads))

    return read


def _cat(call: Call) -> Read | None:
    tensors = [t for t in call.args[0] if _shape(t) != (0,)]
    dim = call.arg(1, "dim", 0)
    out = _shape(call.out)
    dim = dim % len(out)
    grad = any(call.grad(t) for t in tensors)
    if dim == 1 and len(out) >= 3 and len(tensors) >= 2:
        return Read(Concat(), [_shape(t)[1:] for t in tensors], out[0], grad)
    return Read(Copy("cat", out, grad), [_shape(t) for t in tensors], 1, grad)


def _stack(call: Call) -> Read | None:
    tensors = list(call.args[0])
    grad = any(call.grad(t) for t in tensors)
    return Read(Copy("stack", _shape(call.out), grad), [_shape(t) for t in tensors], 1, grad)


def _copy(function: str, saves_input: bool = False) -> Reader:
    def read(call: Call) -> Read | None:
        x = call.args[0]
        out = _shape(call.out)
        grad = call.grad(x)
        saves = math.prod(_shape(x)) if saves_input and grad else 0
        folded = math.prod(out) - math.prod(_shape(x)) if saves_input else 0
        return Read(Copy(function, out, grad, saves, folded if grad else 0), [_shape(x)], 1, grad)

    return read


def _copy_into(call: Call) -> Read | None:
    """``dst.copy_(src)`` (``a[i:] = b``): a copy of ``src``; 0 ops."""
    dst, src = call.args[:2]
    grad = call.grad(src)
    return Read(Copy("copy", _shape(dst), grad), [_shape(src)], 1, grad)


def _softmax(function: str) -> Reader:
    def read(call: Call) -> Read | None:
        x, dim = call.args[0], call.args[1]
        shape = _shape(x)
        d = shape[dim % len(shape)] if shape else 1
        rows = math.prod(shape) // d if d else 0
        return Read(Softmax(function, rows, d, shape, call.grad(x)), [shape], 1, call.grad(x))

    return read


def _reduce(function: str) -> Reader:
    def read(call: Call) -> Read | None:
        x = call.args[0]
        shape, out = _shape(x), _shape(call.out)
        dims = call.arg(1, "dim")
        keep = call.arg(2, "keepdim", False)
        if call.kwargs.get("dtype") is not None:
            return None
        axes = sorted(d % len(shape) for d in (dims or range(len(shape))))
        grad = call.grad(x)
        if (
            function == "mean" and keep and len(shape) >= 3 and axes == list(range(2, len(shape)))
        ):  # adaptive average pooling to 1 x 1 (PyTorch computes it as this mean)
            kind: Kind = AdaptivePool(out=(1,) * len(axes), function="adaptive_avgpool")
            return Read(kind, [shape[1:]], shape[0], grad)
        return Read(Reduce(function, out, grad), [shape], 1, grad)

    return read


def _index(call: Call) -> Read | None:
    """``x[indices]`` (a gather): a copy; autograd keeps the indices."""
    x, indices = call.args[0], [t for t in call.args[1] if t is not None]
    grad = call.grad(x)
    saves = sum(math.prod(_shape(t)) for t in indices) if grad else 0
    out = _shape(call.out)
    return Read(Copy("index", out, grad, saves), [_shape(x)], 1, grad)


def _masked_fill(call: Call) -> Read | None:
    x, mask = call.args[:2]
    grad = call.grad(x)
    out = _shape(call.out)
    kind = Elementwise("masked_fill", OTHER, out, (grad, False), (1,) if grad else ())
    return Read(kind, [_shape(x), _shape(mask)], 1, grad)


def _compare(call: Call) -> Read | None:
    tensors = [t for t in call.args[:2] if call.is_tensor(t)]
    kind = Elementwise(call.op, OTHER, _shape(call.out), (False,) * len(tensors))
    return Read(kind, [_shape(t) for t in tensors], 1, False)


def _clamp(call: Call) -> Read | None:
    x = call.args[0]
    return Read(Activation(function="clamp"), [_shape(x)], 1, call.grad(x))


def _vector_norm(call: Call) -> Read | None:
    x = call.args[0]
    if call.arg(1, "ord", 2) != 2 or call.kwargs.get("dtype") is not None:
        return None
    kind = Reduce("norm", _shape(call.out), call.grad(x))
    return Read(kind, [_shape(x)], 1, call.grad(x))


def _dropout(call: Call) -> Read | None:
    x = call.args[0]
    shape, batch = _shape(x), 1
    return Read(Dropout(), [shape], batch, call.grad(x))


# -- selections and a detector's operators (values read where the count needs them) -----
def _nonzero(call: Call) -> Read | None:
    x = call.args[0]
    kind = Select("nonzero", _shape(call.out), math.prod(_shape(x)))
    return Read(kind, [_shape(x)], 1, False)


def _extreme(function: str) -> Reader:
    """``max``/``min``: of two tensors elementwise, else over an axis (values and
    indices; autograd keeps the indices) or over everything (autograd keeps the input
    and the result); ``argmax``/``argmin``: indices only."""

    def read(call: Call) -> Read | None:
        x, other = call.args[0], call.arg(1, "dim")
        if call.is_tensor(other):
            return _binary(function, OTHER)(call) if function in ("max", "min") else None
        out = _shape(call.first())
        n_in, n_out = math.prod(_shape(x)), math.prod(out)
        grad = call.grad(x) and not function.startswith("arg")
        saves = (n_out if other is not None else n_in + n_out) if grad else 0
        kind = Select(function, out, n_in - n_out, grad, saves)
        return Read(kind, [_shape(x)], 1, grad)

    return read


def _sorting(function: str) -> Reader:
    """``sort``/``topk`` along a dimension (autograd keeps the indices of the values it
    returns); ``_unique2`` over all elements, non-differentiable."""

    def read(call: Call) -> Read | None:
        x = call.args[0]
        shape = _shape(x)
        out = _shape(call.first())
        if function == "unique":
            n = math.prod(shape)
            kind = Select("unique", out, sort_comparisons(1, n) + max(n - 1, 0))
            return Read(kind, [shape], 1, False)
        dim = call.arg(2 if function == "topk" else 1, "dim", -1)
        if not shape:
            return None
        d = shape[dim % len(shape)]
        rows = math.prod(shape) // d if d else 0
        grad = call.grad(x)
        saves = math.prod(out) if grad else 0
        kind = Select(function, out, sort_comparisons(rows, d), grad, saves)
        return Read(kind, [shape], 1, grad)

    return read


def _nms(call: Call) -> Read | None:
    """``torchvision::nms``: the kernel's sort, areas and examined pairs (replayed from
    the boxes, the scores and the boxes it kept)."""
    boxes, scores, threshold = call.args[:3]
    n = int(boxes.shape[0])
    pairs = examined_pairs(boxes, scores, float(threshold), call.out)
    kind = Select(
        "nms",
        _shape(call.out),
        sort_comparisons(1, n) + 8 * pairs,
        mults=n + pairs,
        adds=2 * n + 4 * pairs,
    )
    return Read(kind, [_shape(boxes), _shape(scores)], 1, False)


def examined_pairs(boxes, scores, threshold: float, keep) -> int:
    """The pairs ``torchvision::nms``'s CPU kernel computes an overlap for: boxes in
    descending score order (its own sort), each kept box against every later box not
    yet suppressed.  A box is examined by each kept box before it up to the one that
    suppressed it (the first kept box before it overlapping it more than
    ``threshold``)."""
    import torch

    n = int(boxes.shape[0])
    if n == 0 or keep.numel() == 0:
        return 0
    order = torch.sort(scores, 0, descending=True)[1]
    position = torch.empty_like(order)
    position[order] = torch.arange(n)
    kept = position[keep]  # increasing: the kernel keeps in its order
    x1, y1, x2, y2 = (boxes[:, i] for i in range(4))
    areas = (x2 - x1) * (y2 - y1)
    k = keep
    w = (torch.minimum(x2[k, None], x2) - torch.maximum(x1[k, None], x1)).clamp(min=0)
    h = (torch.minimum(y2[k, None], y2) - torch.maximum(y1[k, None], y1)).clamp(min=0)
    inter = w * h
    overlap = inter / (areas[k, None] + areas - inter)
    before = kept[:, None] < position[None, :]
    suppressing = (overlap > threshold) & before
    big = n + 1
    first = torch.where(
        suppressing, kept[:, None], torch.full_like(suppressing, big, dtype=order.dtype)
    )
    first = first.min(0).values
    is_kept = torch.zeros(n, dtype=torch.bool)
    is_kept[keep] = True
    first[is_kept] = big
    limit = torch.minimum(position, first + 1)  # kept boxes at positions below it examine it
    return int(torch.searchsorted(kept.contiguous(), limit, right=False).sum())


def _roi_align(call: Call) -> Read | None:
    x, rois = call.args[:2]
    scale, ph, pw, ratio, aligned = call.args[2:7]
    out = _shape(call.out)
    per_roi = math.prod(out[1:])
    if ratio > 0:
        samples = ratio * ratio * math.prod(out)
    elif rois.device.type == "meta":
        return None  # adaptive grids: their sizes are the RoIs' values
    else:
        samples = per_roi // (ph * pw) * ph * pw * _adaptive_grids(rois, scale, ph, pw, aligned)
    grad = call.grad(x)
    kind = RoiAlign(out, samples, grad, math.prod(_shape(rois)) if grad else 0)
    return Read(kind, [_shape(x), _shape(rois)], 1, grad)


def _adaptive_grids(rois, scale: float, ph: int, pw: int, aligned: bool) -> int:
    """The sum over the RoIs of their bins' samples when the sampling ratio is adaptive:
    ceil(roi height / ph) x ceil(roi width / pw), as the kernel computes it."""
    import torch

    offset = 0.5 if aligned else 0.0
    r = rois.detach().to(torch.float32)
    width = r[:, 3] * scale - offset - (r[:, 1] * scale - offset)
    height = r[:, 4] * scale - offset - (r[:, 2] * scale - offset)
    if not aligned:
        width, height = width.clamp(min=1.0), height.clamp(min=1.0)
    grid = torch.ceil(height / ph).to(torch.int64) * torch.ceil(width / pw).to(torch.int64)
    return int(grid.sum())


def _index_put(call: Call) -> Read | None:
    """``x[indices] = values`` (not accumulating): a copy of the written elements;
    autograd keeps the indices."""
    x, indices, values = call.args[:3]
    if call.arg(3, "accumulate", False):
        return None
    indices = [t for t in indices if t is not None]
    written = math.prod(_shape(indices[0])) if indices else math.prod(_shape(values))
    grad = call.grad(x) or call.grad(values)
    saves = sum(math.prod(_shape(t)) for t in indices) if grad else 0
    return Read(Copy("index_put", (written,), grad, saves), [_shape(values)], 1, grad)


def _rounding(call: Call) -> Read | None:
    """``floor``, ``ceil``, ``round``, ``trunc``: one other per element; a zero
    gradient, nothing saved."""
    x = call.args[0]
    grad = call.grad(x)
    kind = Elementwise(call.op.rstrip("_"), OTHER, _shape(call.out), (grad,))
    return Read(kind, [_shape(x)], 1, grad)


READERS: dict[str, Reader] = {
    "convolution": _conv,
    "native_batch_norm": _batchnorm,
    "_native_batch_norm_legit": _batchnorm,
    "_native_batch_norm_legit_no_training": _batchnorm,
    "_batch_norm_with_update": _batchnorm,
    "native_layer_norm": _layernorm,
    "native_group_norm": _groupnorm,
    "upsample_nearest1d": _upsample(0),
    "upsample_nearest2d": _upsample(0),
    "upsample_nearest3d": _upsample(0),
    "_upsample_nearest_exact2d": _upsample(0),
    "upsample_linear1d": _upsample(1),
    "upsample_bilinear2d": _upsample(2),
    "upsample_trilinear3d": _upsample(3),
    "upsample_bicubic2d": _bicubic,
    "_prelu_kernel": _prelu,
    "grid_sampler_2d": _grid_sample,
    "repeat": _copy("repeat"),
    "im2col": _copy("im2col"),  # F.unfold: each window's elements copied out
    "max_pool2d_with_indices": _pool("maxpool"),
    "max_pool3d_with_indices": _pool("maxpool"),
    "avg_pool2d": _pool("avgpool"),
    "avg_pool3d": _pool("avgpool"),
    "_adaptive_avg_pool2d": _adaptive("adaptive_avgpool"),
    "_adaptive_avg_pool3d": _adaptive("adaptive_avgpool"),
    "adaptive_max_pool2d": _adaptive("adaptive_maxpool"),
    "adaptive_max_pool3d": _adaptive("adaptive_maxpool"),
    "hardtanh": _hardtanh,
    "hardtanh_": _hardtanh,
    **dict.fromkeys(ACTIVATIONS, _activation),
    "add": _binary("add", ADD),
    "add_": _binary("add", ADD),
    "sub": _binary("sub", ADD),
    "sub_": _binary("sub", ADD),
    "rsub": _binary("sub", ADD),
    "mul": _binary("mul", MUL, product=True),
    "mul_": _binary("mul", MUL, product=True),
    "div": _binary("div", OTHER, divide=True),
    "div_": _binary("div", OTHER, divide=True),
    "cat": _cat,
    "stack": _stack,
    "clone": _copy("clone"),
    "copy_": _copy_into,  # read only when the copied tensor requires a gradient
    "constant_pad_nd": _copy("pad"),
    "pixel_shuffle": _copy("pixel_shuffle"),
    "pixel_unshuffle": _copy("pixel_unshuffle"),
    "roll": _copy("roll"),
    "flip": _copy("flip"),
    "reflection_pad1d": _copy("reflection_pad", saves_input=True),
    "reflection_pad2d": _copy("reflection_pad", saves_input=True),
    "reflection_pad3d": _copy("reflection_pad", saves_input=True),
    "replication_pad1d": _copy("replication_pad", saves_input=True),
    "replication_pad2d": _copy("replication_pad", saves_input=True),
    "replication_pad3d": _copy("replication_pad", saves_input=True),
    "_softmax": _softmax("softmax"),
    "_safe_softmax": _softmax("softmax"),
    "_log_softmax": _softmax("log_softmax"),
    "mean": _reduce("mean"),
    "sum": _reduce("sum"),
    "native_dropout": _dropout,
    "index": _index,
    "masked_fill": _masked_fill,
    "masked_fill_": _masked_fill,
    **dict.fromkeys(("eq", "ne", "lt", "le", "gt", "ge"), _compare),
    "clamp": _clamp,
    "clamp_": _clamp,
    "clamp_min": _clamp,
    "clamp_min_": _clamp,
    "clamp_max": _clamp,
    "clamp_max_": _clamp,
    "linalg_vector_norm": _vector_norm,
    "nonzero": _nonzero,
    "max": _extreme("max"),
    "min": _extreme("min"),
    "amax": _extreme("max"),
    "amin": _extreme("min"),
    "argmax": _extreme("argmax"),
    "argmin": _extreme("argmin"),
    "sort": _sorting("sort"),
    "topk": _sorting("topk"),
    "_unique2": _sorting("unique"),
    "nms": _nms,
    "roi_align": _roi_align,
    "index_put_": _index_put,
    "index_put": _index_put,
    **dict.fromkeys(("floor", "ceil", "round", "trunc"), _rounding),
    **dict.fromkeys(("bitwise_and", "bitwise_or", "remainder"), _compare),
    "maximum": _binary("maximum", OTHER),
    "minimum": _binary("minimum", OTHER),
}


def read_call(call: Call, parameter: Callable) -> Read | None:
    """The counted reading of ``call`` (``None``: not in the registry)."""
    if call.op in ("mm", "addmm", "bmm", "baddbmm"):
        return _linear_or_matmul(call, parameter)
    reader = READERS.get(call.op)
    return None if reader is None else reader(call)
