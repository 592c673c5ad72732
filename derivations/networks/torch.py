"""Any PyTorch model as a layer list: the same rows, counts and conventions as the built-in
networks, read from the ``nn.Module``.

How the model is read: ``torch.fx.symbolic_trace``.  Forward hooks see modules only, not
the functional residual additions (``out += identity``), concatenations
(``torch.cat``) and reshapes between them, nor which layer's output feeds which; the fx
graph has all of them, in execution order, named by module path (``layer1.0.conv1``).
The price: a model whose ``forward`` branches on tensor values cannot be traced (one
line says so).

Shapes are propagated without computing anything: a layer this tool counts gets its
output shape from our own model of it (the shape the closed forms use), and every other
node runs on ``meta`` tensors (shapes only).  The model's parameters may be on ``meta``
(built under ``torch.device("meta")``: nothing allocated) or on the CPU; an unsupported
module with CPU parameters runs once on a CPU tensor of zeros.

A module or function this tool cannot count becomes a row of kind ``? <Class>``: listed
by name and class, its parameters counted (``numel``), its operations unknown and left
out of every total and share -- never silently dropped.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass, replace
from typing import ClassVar

from derivations.errors import DerivationError
from derivations.networks.graph import INPUT, Network, NetworkTable, Node, tabulate
from derivations.networks.kinds import (
    Activation,
    AdaptivePool,
    Add,
    BatchNorm,
    Concat,
    Conv,
    ConvTranspose,
    Dropout,
    Flatten,
    Kind,
    LayerNorm,
    Linear,
    Parameter,
    Pool,
    Unsupported,
)
from derivations.networks.rows import clipped, shown

__all__ = ["from_torch", "load_factory", "read_torch"]


def _torch():
    try:
        import torch
        import torch.fx
    except ImportError:
        raise DerivationError(key="network.torch_missing") from None
    return torch


def _tuple(value, dims: int) -> tuple:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * dims


# --- modules -> kinds ------------------------------------------------------------------
def _conv(m, dims):
    kernel, dilation = _tuple(m.kernel_size, dims), _tuple(m.dilation, dims)
    if m.padding == "same":  # total padding d (k - 1) per axis (the extra zero at the end)
        padding, padding_convention = tuple(d * (k - 1) for k, d in zip(kernel, dilation)), "total"
    elif m.padding == "valid":
        padding, padding_convention = (0,) * dims, "per-side"
    else:
        padding, padding_convention = _tuple(m.padding, dims), "per-side"
    return Conv(
        out=m.out_channels,
        kernel=kernel,
        stride=_tuple(m.stride, dims),
        padding=padding,
        dilation=dilation,
        groups=m.groups,
        bias=m.bias is not None,
        padding_convention=padding_convention,
        padding_mode=m.padding_mode,
        in_channels=m.in_channels,
    )


def _conv_transpose(m, dims):
    return ConvTranspose(
        out=m.out_channels,
        kernel=_tuple(m.kernel_size, dims),
        stride=_tuple(m.stride, dims),
        padding=_tuple(m.padding, dims),
        output_padding=_tuple(m.output_padding, dims),
        dilation=_tuple(m.dilation, dims),
        groups=m.groups,
        bias=m.bias is not None,
        in_channels=m.in_channels,
    )


def _pool(m, dims, function):
    if function == "maxpool" and (
        any(d != 1 for d in _tuple(m.dilation, dims)) or m.return_indices
    ):
        return None
    kernel = _tuple(m.kernel_size, dims)
    stride = _tuple(m.stride if m.stride is not None else m.kernel_size, dims)
    return Pool(
        function=function,
        kernel=kernel,
        stride=stride,
        padding=_tuple(m.padding, dims),
        ceil_mode=bool(m.ceil_mode),
    )


def _adaptive(m, dims, function, shape):
    if getattr(m, "return_indices", False):
        return None
    out = _tuple(m.output_size, dims)
    return AdaptivePool(
        out=tuple(s if o is None else o for o, s in zip(out, shape[1:])), function=function
    )


def _layernorm(m):
    if m.elementwise_affine and m.bias is None:
        return None
    return LayerNorm(normalized=tuple(m.normalized_shape), affine=m.elementwise_affine)


def _batchnorm(m):
    return BatchNorm(features=m.num_features) if m.affine else None


ACTIVATION_MODULES = {
    "ReLU": "relu",
    "ReLU6": "relu6",
    "LeakyReLU": "leaky_relu",
    "ELU": "elu",
    "GELU": "gelu",
    "SiLU": "silu",
    "Sigmoid": "sigmoid",
    "Tanh": "tanh",
    "Hardswish": "hardswish",
    "Hardsigmoid": "hardsigmoid",
}


def _module_kind(torch, module, shape):
    """The kind counting ``module`` at input ``shape`` (per sample), or ``None``."""
    nn = torch.nn
    name = type(module).__name__
    if type(module) in (nn.Conv1d, nn.Conv2d, nn.Conv3d):
        return _conv(module, int(name[-2]))
    if type(module) in (nn.ConvTranspose1d, nn.ConvTranspose2d, nn.ConvTranspose3d):
        return _conv_transpose(module, int(name[-2]))
    if type(module) is nn.Linear:
        return Linear(
            out=module.out_features, expected_in=module.in_features, bias=module.bias is not None
        )
    for prefix, function in (("MaxPool", "maxpool"), ("AvgPool", "avgpool")):
        if name in (f"{prefix}1d", f"{prefix}2d", f"{prefix}3d") and module.__module__.startswith(
            "torch.nn"
        ):
            if function == "avgpool" and not module.count_include_pad:
                return None
            return _pool(module, int(name[-2]), function)
    for prefix, function in (
        ("AdaptiveAvgPool", "adaptive_avgpool"),
        ("AdaptiveMaxPool", "adaptive_maxpool"),
    ):
        if name in (f"{prefix}1d", f"{prefix}2d", f"{prefix}3d") and module.__module__.startswith(
            "torch.nn"
        ):
            return _adaptive(module, int(name[-2]), function, shape)
    if type(module) in (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d):
        return _batchnorm(module)
    if type(module) is nn.LayerNorm:
        return _layernorm(module)
    if name in ACTIVATION_MODULES and module.__module__.startswith("torch.nn"):
        return Activation(function=ACTIVATION_MODULES[name])
    if type(module) is nn.Flatten:
        return Flatten() if (module.start_dim, module.end_dim) == (1, -1) else None
    if type(module) in (nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d):
        return Dropout()
    return None


# --- functions -> kinds ------------------------------------------------------------------
def _functions(torch):
    F = torch.nn.functional
    add = {operator.add, operator.iadd, torch.add, "add", "add_", "__add__", "__iadd__"}
    cat = {torch.cat, torch.concat, getattr(torch, "concatenate", torch.cat)}
    activations = {
        F.relu: "relu",
        torch.relu: "relu",
        "relu": "relu",
        "relu_": "relu",
        F.relu6: "relu6",
        F.gelu: "gelu",
        F.silu: "silu",
        torch.sigmoid: "sigmoid",
        F.sigmoid: "sigmoid",
        "sigmoid": "sigmoid",
        torch.tanh: "tanh",
        F.tanh: "tanh",
        "tanh": "tanh",
        F.hardswish: "hardswish",
        F.leaky_relu: "leaky_relu",
        F.elu: "elu",
        F.hardsigmoid: "hardsigmoid",
    }
    reshapes = {torch.flatten, "flatten", "view", "reshape", torch.reshape}
    return add, cat, activations, reshapes


def _target_name(node) -> str:
    target = node.target
    return target if isinstance(target, str) else getattr(target, "__name__", str(target))


class _Reader:
    """One pass over the fx graph: rows (as :class:`Node`) and meta values."""

    def __init__(self, torch, model, input_shape):
        self.torch, self.model = torch, model
        self.input_shape = tuple(input_shape)
        self.values, self.rows, self.nodes = {}, {}, []
        self.shapes = {INPUT: self.input_shape}
        self.seen_modules: set[int] = set()
        self.names: set[str] = {INPUT}
        self.add, self.cat, self.activations, self.reshapes = _functions(torch)

    def meta(self, shape):
        return self.torch.empty((1, *shape), device="meta")

    def unique(self, name: str) -> str:
        if name not in self.names:
            self.names.add(name)
            return name
        i = 1
        while f"{name}:{i}" in self.names:
            i += 1
        self.names.add(f"{name}:{i}")
        return f"{name}:{i}"

    def tensor_sources(self, args) -> list:
        found = []
        for arg in args:
            if isinstance(arg, (list, tuple)):
                found += self.tensor_sources(arg)
            elif hasattr(arg, "op") and arg in self.rows:
                found.append(self.rows[arg])
        return found

    def emit(self, fx_node, name, kind, sources, output_shape=None):
        """A row for ``fx_node``; its value is a meta tensor of the row's output."""
        name = self.unique(name)
        shapes = [self.shapes[s] for s in sources]
        try:
            shape = kind.cost(shapes, 1).output if output_shape is None else output_shape
        except DerivationError as error:
            raise DerivationError(
                key="network.in_layer", problem=error, name=clipped(name)
            ) from None
        self.nodes.append(Node(name, kind, tuple(sources)))
        self.shapes[name] = shape
        self.rows[fx_node] = name
        self.values[fx_node] = self.meta(shape)

    def run_meta(self, fx_node):
        """Evaluate a node torch-side on meta values (shapes only)."""
        args = self.torch.fx.node.map_arg(fx_node.args, lambda n: self.values[n])
        kwargs = self.torch.fx.node.map_arg(fx_node.kwargs, lambda n: self.values[n])
        if fx_node.op == "call_function":
            return fx_node.target(*args, **kwargs)
        if fx_node.op == "call_method":
            return getattr(args[0], fx_node.target)(*args[1:], **kwargs)
        module = self.model.get_submodule(fx_node.target)
        try:
            return module(*args, **kwargs)
        except Exception:
            on_cpu = self.torch.fx.node.map_aggregate(
                args,
                lambda a: (
                    self.torch.zeros(a.shape, dtype=a.dtype)
                    if isinstance(a, self.torch.Tensor)
                    else a
                ),
            )
            with self.torch.no_grad():
                result = module(*on_cpu, **kwargs)
            return self.torch.fx.node.map_aggregate(
                result,
                lambda a: (
                    self.torch.empty(a.shape, dtype=a.dtype, device="meta")
                    if isinstance(a, self.torch.Tensor)
                    else a
                ),
            )

    def unsupported(self, fx_node, name, what, params=0):
        try:
            value = self.run_meta(fx_node)
        except Exception as error:
            first = str(error).splitlines()[0][:120] if str(error) else ""
            raise DerivationError(
                key="network.torch_cannot_run",
                name=clipped(name),
                what=clipped(what),
                reason=f"{type(error).__name__}: {first}",
            ) from None
        if not isinstance(value, self.torch.Tensor):
            self.values[fx_node] = value  # a size, a tuple of sizes: not a layer
            return
        sources = self.tensor_sources((fx_node.args, fx_node.kwargs)) or [INPUT]
        shape = tuple(value.shape[1:])
        self.emit(fx_node, name, Unsupported(what, shape, params), sources, shape)

    # -- node kinds ---------------------------------------------------------------------
    def placeholder(self, fx_node):
        if any(n is not fx_node and n.op == "placeholder" for n in self.values):
            raise DerivationError(key="network.torch_inputs", name=clipped(fx_node.name))
        self.rows[fx_node] = INPUT
        self.values[fx_node] = self.meta(self.input_shape)

    def call_module(self, fx_node):
        module = self.model.get_submodule(fx_node.target)
        sources = self.tensor_sources(fx_node.args)
        first_call = id(module) not in self.seen_modules
        self.seen_modules.add(id(module))
        params = sum(p.numel() for p in module.parameters()) if first_call else 0
        kind = None
        if len(sources) == 1 and len(fx_node.args) == 1 and not fx_node.kwargs:
            if type(module) is self.torch.nn.Identity:
                self.rows[fx_node] = sources[0]
                self.values[fx_node] = self.values[fx_node.args[0]]
                return
            kind = _module_kind(self.torch, module, self.shapes[sources[0]])
        if kind is not None and not first_call:
            kind = Reused(kind)
        if kind is None:
            self.unsupported(fx_node, fx_node.target, type(module).__name__, params)
        else:
            self.emit(fx_node, fx_node.target, kind, sources)

    def call_function(self, fx_node):
        target = fx_node.target
        name = fx_node.name
        tensors = [a for a in fx_node.args if hasattr(a, "op")]
        sources = self.tensor_sources(fx_node.args)
        hashable = isinstance(target, str) or callable(target)
        if (
            hashable
            and target in self.add
            and len(tensors) == 2 == len(fx_node.args)
            and len(sources) == 2
            and self.shapes[sources[0]] == self.shapes[sources[1]]
        ):
            return self.emit(fx_node, name, Add(), sources)
        if (
            hashable
            and target in self.cat
            and fx_node.args
            and isinstance(fx_node.args[0], (list, tuple))
            and len(sources) == len(fx_node.args[0]) >= 2
            and _dim(fx_node) == 1
        ):
            return self.emit(fx_node, name, Concat(), sources)
        if hashable and target in self.activations and len(sources) == 1 and len(tensors) == 1:
            return self.emit(fx_node, name, Activation(function=self.activations[target]), sources)
        if hashable and target in self.reshapes and len(sources) == 1:
            value = self.run_meta(fx_node)
            shape = self.shapes[sources[0]]
            if tuple(value.shape) == (1, math.prod(shape)):
                return self.emit(fx_node, name, Flatten(), sources)
        self.unsupported(fx_node, name, _target_name(fx_node))

    call_method = call_function

    def get_attr(self, fx_node):
        value = operator.attrgetter(fx_node.target)(self.model)
        if isinstance(value, self.torch.nn.Parameter):
            kind = Parameter(tuple(value.shape))
            self.nodes.append(Node(self.unique(fx_node.target), kind, ()))
            self.rows[fx_node] = self.nodes[-1].name
            self.shapes[self.nodes[-1].name] = tuple(value.shape)
        self.values[fx_node] = (
            self.torch.empty(value.shape, dtype=value.dtype, device="meta")
            if isinstance(value, self.torch.Tensor)
            else value
        )

    def read(self):
        torch = self.torch
        try:
            graph = torch.fx.symbolic_trace(self.model).graph
        except Exception as error:
            first = str(error).splitlines()[0][:160] if str(error) else ""
            raise DerivationError(
                key="network.torch_untraceable", reason=f"{type(error).__name__}: {first}"
            ) from None
        for fx_node in graph.nodes:
            if fx_node.op != "output":
                getattr(self, fx_node.op)(fx_node)
        if not self.nodes:
            raise DerivationError(key="network.torch_no_layers")
        return self.nodes


def _dim(fx_node) -> int:
    dim = fx_node.kwargs.get("dim", fx_node.args[1] if len(fx_node.args) > 1 else 0)
    return dim


@dataclass(frozen=True)
class Reused(Kind):
    """A module called again (shared weights): counted like its first call, but its
    parameters are not new (``sum(p.numel())`` counts them once)."""

    name: ClassVar[str] = "reused"
    counting: ClassVar[str] = "a module called again: its parameters counted once"
    kind: Kind

    @property
    def label(self) -> str:
        return self.kind.label

    def cost(self, inputs, batch, grad=False):
        return replace(self.kind.cost(inputs, batch, grad), params=0)


def _shape(input_shape) -> tuple:
    if (
        not isinstance(input_shape, (list, tuple))
        or not 1 <= len(input_shape) <= 4
        or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in input_shape)
    ):
        raise DerivationError(key="network.torch_input_shape", value=shown(input_shape))
    return tuple(input_shape)


def read_torch(model, input_shape, name: str | None = None) -> Network:
    """The layer list of ``model`` (an ``nn.Module``) at per-sample ``input_shape``."""
    torch = _torch()
    if not isinstance(model, torch.nn.Module):
        raise DerivationError(key="network.torch_not_module", value=type(model).__name__)
    shape = _shape(input_shape)
    nodes = _Reader(torch, model, shape).read()
    return Network(name or type(model).__name__, shape, tuple(nodes))


def from_torch(model, input_shape, batch: int = 1, name: str | None = None) -> NetworkTable:
    """Per-layer cost table of a PyTorch model, e.g. ``from_torch(model, (3, 224, 224))``:
    the rows, columns and conventions of the built-in networks (``network --list``)."""
    return tabulate(read_torch(model, input_shape, name), batch)


def load_factory(spec: str):
    """``MODULE:FACTORY`` -> the model ``FACTORY()`` returns, built on the ``meta`` device
    (no weights allocated).  The current directory is importable, as with ``python -m``."""
    import importlib
    import os
    import sys

    torch = _torch()
    module_name, colon, attribute = spec.partition(":")
    if not colon or not module_name or not attribute:
        raise DerivationError(key="network.torch_spec", value=clipped(spec))
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except Exception as error:
        raise DerivationError(
            key="network.torch_import",
            module=clipped(module_name),
            reason=f"{type(error).__name__}: {str(error)[:120]}",
        ) from None
    try:
        factory = operator.attrgetter(attribute)(module)
    except AttributeError:
        raise DerivationError(
            key="network.torch_no_factory", module=clipped(module_name), name=clipped(attribute)
        ) from None
    try:
        with torch.device("meta"):
            model = factory()
    except Exception as error:
        raise DerivationError(
            key="network.torch_factory_failed",
            name=clipped(attribute),
            reason=f"{type(error).__name__}: {str(error)[:120]}",
        ) from None
    if not isinstance(model, torch.nn.Module):
        raise DerivationError(
            key="network.torch_factory_type", name=clipped(attribute), value=type(model).__name__
        )
    return model
