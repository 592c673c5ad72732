"""Any PyTorch model as a cost table: what it executes, counted call by call.

How the model is read: it runs once on ``meta`` tensors (shapes only, nothing allocated)
under a ``TorchDispatchMode``, the mechanism ``torch.utils.flop_counter`` uses, so every
aten call the model makes is seen -- bare layers, subclasses, functional calls, tuple
outputs, Python control flow on shapes.  Each call is counted from the registry
:mod:`.aten` (convolutions and linear layers by the section's closed forms) and named by
the module running at that moment (forward hooks on every module: ``layer1.0.conv1``;
several calls in one module are ``name``, ``name:1``, ...).  The model runs in training
mode by default (``saved`` and the backward are training's; forward counts follow the
kinds' conventions: batch norm folded, dropout the identity), or in eval mode.

Nothing is silent: a call the registry does not know is a row ``? aten.<op>`` with its
output shape, left out of every total but the parameters' and named in the totals;
views and tensor creation are known to compute nothing; every parameter is attributed to
the first call that reads it (or a view of it), and parameters no call read are one loud
row, so the table's parameter total is ``sum(p.numel())``, checked on every read.

Where a tensor that requires a gradient is used by k calls, autograd sums k gradients
for it: (k - 1) x its elements additions, on the row that produced it (its
``backward.output``).  A call whose outputs are not in autograd's graph of the model's
outputs (a detector's region proposals, detached before they are used) gets no gradient:
its backward is zero (what it saved is still counted: autograd saved it).
"""

from __future__ import annotations

import operator
import weakref
from collections import Counter
from dataclasses import dataclass, replace
from itertools import count

from derivations.errors import DerivationError
from derivations.networks.aten import FREE, NON_DIFFERENTIABLE, SHAPE_ONLY, Call, Read, read_call
from derivations.networks.graph import NetworkTable, TableRow, totals_of
from derivations.networks.kinds import Backward, Dropout, Gradient, Unsupported
from derivations.networks.rows import clipped, shown

__all__ = ["from_torch", "load_factory"]

INPUT = -1  # the producer of the network's input
NOT_USES = frozenset({"detach", "alias"}) | NON_DIFFERENTIABLE


def _torch():
    try:
        import torch
    except ImportError:
        raise DerivationError(key="network.torch_missing") from None
    return torch


@dataclass
class _Row:
    name: str
    read: Read | None  # None: a call the registry does not know
    what: str
    output: tuple
    params: int = 0


@dataclass(frozen=True)
class _Node:
    """An autograd node read already (as a tensor's ``grad_fn`` is read later)."""

    grad_fn: object


def _forget(recorder, ident: int) -> None:
    """A real tensor freed: the recorder (if still alive) forgets its id."""
    alive = recorder()
    if alive is not None:
        alive.forget(ident)


class _Recorder:
    """The state of one read: the module stack, the rows, and per tensor (by a token
    renewed at every in-place write) its producing row and its uses."""

    def __init__(self, torch, model, parameters: dict, buffers: set, meta: bool = True):
        self.torch = torch
        self.paths = {id(m): n for n, m in model.named_modules(remove_duplicate=False)}
        self.parameters = parameters  # id(meta parameter) -> (name, numel)
        self.buffers = buffers
        self.attributed: set[int] = set()
        self.stack: list[str] = []
        self.rows: list[_Row] = []
        self.names: Counter = Counter()
        self.tokens: dict[int, int] = {}
        self.meta = meta
        self.keep: list = []  # on meta every tensor seen stays alive: ids stay unique
        self.producer: dict[int, int] = {}
        self.origin: dict[int, int] = {}  # token -> id of the parameter it views
        self.numel: dict[int, int] = {}
        self.uses: Counter = Counter()
        self.pending: list = []
        self.made: list = []  # per row: (None, the tensors it wrote), then their nodes
        self.settled: dict[int, int] = {}
        self.views: dict[int, set[int]] = {}  # id(base) -> ids of its views
        self.base_of: dict[int, int] = {}  # id(view) -> id(base)
        self.stale: set[int] = set()  # views whose base was written in place since
        self.made_views: list = []
        self.unreached: set[int] = set()  # rows no gradient reaches (filled at the end)
        self.fresh = count()
        self.absorbing: list = []  # inside a dropout module: its calls are its row

    # -- tensors -----------------------------------------------------------------------
    def token(self, t) -> int:
        key = self.tokens.get(id(t))
        if key is None:
            key = self.renew(t)
            if id(t) in self.parameters:
                self.origin[key] = id(t)
        return key

    def renew(self, t) -> int:
        key = next(self.fresh)
        if self.meta:
            self.keep.append(t)
        elif id(t) not in self.tokens:  # the recorder by a weak reference: no cycle
            weakref.finalize(t, _forget, weakref.ref(self), id(t))
        self.tokens[id(t)] = key
        self.numel[key] = t.numel()
        return key

    def forget(self, ident: int) -> None:
        """A real tensor freed: its id may be another's next (meta ones are kept alive,
        cheaper than this; real ones are let go, so that the model's memory is reused
        as it would be)."""
        self.tokens.pop(ident, None)
        self.views.pop(ident, None)
        self.stale.discard(ident)
        base = self.base_of.pop(ident, None)
        if base in self.views:
            self.views[base].discard(ident)

    def tensors(self, values) -> list:
        found = []
        for v in values:
            if isinstance(v, self.torch.Tensor):
                found.append(v)
            elif isinstance(v, (list, tuple)):
                found += self.tensors(v)
            elif isinstance(v, dict):
                found += self.tensors(list(v.values()))
        return found

    def parameter(self, t) -> bool:
        return self.origin.get(self.token(t)) is not None

    def use(self, inputs, outputs) -> None:
        """``inputs`` used by a call: a use autograd sums for, if the call is in autograd's
        graph (an output requires a gradient once the call returned; autograd's own
        copies, as the clone an in-place activation saves, are not)."""
        keys = [self.token(t) for t in inputs if t.requires_grad]
        if keys:
            self.pending.append((keys, outputs))

    def settle(self) -> None:
        """The nodes autograd made for the calls recorded since the last call: each call's
        outputs get their ``grad_fn`` once it returned (read before a later in-place
        write replaces it, or a write into a view regenerates a view's)."""
        for entries in (self.pending, self.made):
            for i in range(self.settled.get(id(entries), 0), len(entries)):
                keys, outputs = entries[i]
                entries[i] = (keys, [t.grad_fn for t in outputs])
            self.settled[id(entries)] = len(entries)
        for t in self.made_views:
            if t._base is not None:
                self.views.setdefault(id(t._base), set()).add(id(t))
                self.base_of[id(t)] = id(t._base)
        self.made_views.clear()

    def count_uses(self, result) -> None:
        """Count the uses by calls in autograd's graph of ``result`` (the model's output):
        a call's output has a ``grad_fn`` among its nodes."""
        self.settle()
        reached, stack = set(), [t.grad_fn for t in self.tensors([result]) if t.grad_fn]
        while stack:
            node = stack.pop()
            if node not in reached:
                reached.add(node)
                stack += [f for f, _ in node.next_functions if f is not None]
        for keys, nodes in self.pending:
            if any(node in reached for node in nodes):
                self.uses.update(keys)
        self.pending.clear()
        self.unreached = {
            index
            for index, (_, nodes) in enumerate(self.made)
            if not any(node in reached for node in nodes)
        }

    # -- rows --------------------------------------------------------------------------
    def name(self, label: str) -> str:
        base = self.stack[-1] if self.stack and self.stack[-1] else label
        n = self.names[base]
        self.names[base] += 1
        return base if n == 0 else f"{base}:{n}"

    def attribute(self, inputs) -> int:
        params = 0
        for t in inputs:
            pid = self.origin.get(self.token(t))
            if pid is not None and pid not in self.attributed:
                self.attributed.add(pid)
                params += self.parameters[pid][1]
        return params

    def emit(self, read, what: str, inputs, outputs) -> None:
        label = read.kind.label if read is not None else f"? {what}"
        first = outputs[0] if outputs else None
        shape = tuple(int(s) for s in first.shape) if first is not None else ()
        base = label if read is not None else what.removeprefix("aten.")
        row = _Row(self.name(base), read, what, shape, self.attribute(inputs))
        index = len(self.rows)
        self.rows.append(row)
        written = outputs[0] if outputs and inputs and outputs[0] is inputs[0] else None
        if written is not None and written._base is not None:
            # written in place into a view (``x[:, 1:] += q``, ``a[i:] = b``): autograd
            # records it on the base (its CopySlices node uses the base's gradient, not
            # the view's), and the base is new from then on
            inputs, outputs = [written._base, *inputs[1:]], [written._base, *outputs[1:]]
        self.made.append((None, outputs))
        self.use(inputs, outputs)
        for t in outputs:
            self.producer[self.renew(t)] = index
        if written is not None:
            root = written._base if written._base is not None else written
            self.stale |= self.views.get(id(root), set())

    def refresh(self, inputs, written) -> None:
        """Views read after their base was written in place (through them or another view,
        or itself): autograd regenerates a view's node from the base's current one (one
        use of the base, counted if that node is in the graph), and the view reads the
        base's new value (its uses summed on the base's current producer)."""
        for t in inputs:
            if id(t) not in self.stale or t is written:
                continue
            self.stale.discard(id(t))
            base = t._base
            source = self.token(base)
            if base.requires_grad:  # autograd regenerated the node before this call ran
                self.pending.append(([source], [_Node(t.grad_fn)]))
            key = self.renew(t)
            if source in self.producer:
                self.producer[key] = self.producer[source]

    # -- the dispatch ------------------------------------------------------------------
    def dispatch(self, func, args, kwargs, out) -> None:
        op = func.overloadpacket.__name__
        self.settle()
        if self.absorbing:
            return
        inputs = self.tensors((args, tuple(kwargs.values())))
        outputs = self.tensors(out if isinstance(out, (tuple, list)) else (out,))
        if self.stale:
            written = inputs[0] if inputs and outputs and outputs[0] is inputs[0] else None
            self.refresh(inputs, written if written is not None and op not in SHAPE_ONLY else None)
        if op in SHAPE_ONLY:
            return self.view(op, inputs, outputs)
        copies = op == "copy_" and any(t.requires_grad for t in inputs[1:2])
        if (op in FREE and not copies) or (inputs and all(id(t) in self.buffers for t in inputs)):
            for t in outputs:
                if not any(t is i for i in inputs):
                    self.renew(t)  # a constant: no producer
            return None
        read = read_call(Call(op, tuple(args), kwargs, out, self.torch.Tensor), self.parameter)
        if read is None and op in NON_DIFFERENTIABLE:
            read = None
        return self.emit(read, f"aten.{op}", inputs, outputs)

    def view(self, op: str, inputs, outputs) -> None:
        if not inputs:
            return
        source = self.token(inputs[0])
        in_place = any(t is inputs[0] for t in outputs)  # as_strided_: metadata only
        if op not in NOT_USES and not in_place:
            self.use(inputs[:1], outputs)
        for t in outputs:
            if t is inputs[0]:
                continue
            self.made_views.append(t)  # its base is known once the call returned
            key = self.renew(t)
            if source in self.producer:
                self.producer[key] = self.producer[source]
            if source in self.origin:
                self.origin[key] = self.origin[source]

    # -- modules -----------------------------------------------------------------------
    def pre(self, module, args) -> None:
        path = self.paths.get(id(module))
        if path is None:
            return
        self.stack.append(path)
        if isinstance(module, self.torch.nn.modules.dropout._DropoutNd) and not self.absorbing:
            self.absorbing.append((module, self.tensors(args)))
        elif self.absorbing:
            self.absorbing.append(None)

    def post(self, module, args, out) -> None:
        if self.paths.get(id(module)) is None:
            return
        entry = self.absorbing.pop() if self.absorbing else None
        if entry is not None:
            inputs = entry[1]
            outputs = self.tensors(out if isinstance(out, (tuple, list)) else (out,))
            ran = outputs and inputs and (outputs[0] is not inputs[0] or module.p > 0)
            if ran and module.training:  # in place too (inplace=True): the mask is saved
                shape = tuple(int(s) for s in inputs[0].shape)
                read = Read(Dropout(), [shape], 1, bool(inputs[0].requires_grad))
                self.emit(read, type(module).__name__, inputs[:1], outputs[:1])
        self.stack.pop()


def _table(torch, recorder: _Recorder, network: str, input_shape: tuple) -> NetworkTable:
    rows = []
    for index, row in enumerate(recorder.rows):
        read = row.read
        if read is None:
            kind = Unsupported(row.what, row.output, row.params)
            cost = kind.cost([], 1)
            rows.append(_table_row(row, kind.label, cost, counted=False))
            continue
        try:
            cost = read.kind.cost(read.inputs, read.batch, read.grad)
        except DerivationError as error:
            raise DerivationError(
                key="network.in_layer", problem=error, name=clipped(row.name)
            ) from None
        if index in recorder.unreached and cost.backward is not None:
            cost = replace(cost, backward=Backward(None))  # autograd computes none of it
        rows.append(_table_row(row, read.kind.label, cost))
    rows = _forks(recorder, rows)
    unused = [
        (name, numel)
        for pid, (name, numel) in recorder.parameters.items()
        if pid not in recorder.attributed
    ]
    if unused:
        names = ", ".join(name for name, _ in unused[:3]) + (", ..." if len(unused) > 3 else "")
        numel = sum(n for _, n in unused)
        rows.append(
            TableRow(
                f"{len(unused)} unused: {names}",
                "? unused parameters",
                (),
                numel,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                None,
                counted=False,
            )
        )
    table = NetworkTable(network, input_shape, tuple(rows), totals_of(rows))
    expected = sum(numel for _, numel in recorder.parameters.values())
    if table.totals["params"] != expected:  # the invariant: every parameter once
        raise AssertionError(f"parameters {table.totals['params']} != {expected}")
    return table


def _table_row(row: _Row, label: str, cost, counted: bool = True) -> TableRow:
    return TableRow.of(row.name, label, row.output, row.params, cost, counted)


def _forks(recorder: _Recorder, rows: list) -> list:
    """Autograd's sums of the gradients of tensors used k > 1 times, on their producers."""
    extra: Counter = Counter()
    for key, k in recorder.uses.items():
        index = recorder.producer.get(key)
        if k > 1 and index is not None and index != INPUT:
            extra[index] += (k - 1) * recorder.numel[key]
    for index, adds in extra.items():
        row = rows[index]
        if not row.counted:
            continue
        backward = row.backward or Backward(None)
        rows[index] = replace(row, backward=replace(backward, output=Gradient(0, adds)))
    return rows


def _shape(input_shape) -> tuple:
    if (
        not isinstance(input_shape, (list, tuple))
        or not 1 <= len(input_shape) <= 4
        or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in input_shape)
    ):
        raise DerivationError(key="network.torch_input_shape", value=shown(input_shape))
    return tuple(input_shape)


def _state(torch, model, device: str) -> tuple[dict, dict, set]:
    """Copies of the model's parameters (requiring a gradient) and buffers, by name, for
    ``torch.func.functional_call``, so the user's model is never written to: on ``meta``
    empty ones; on the ``cpu`` the parameters' own values (shared, never written) and
    clones of the buffers (a batch norm in training updates its running statistics)."""
    state, parameters, buffers = {}, {}, set()
    for name, p in model.named_parameters():
        if isinstance(p, torch.nn.parameter.UninitializedParameter):
            raise DerivationError(key="network.torch_lazy", name=clipped(name))
        meta = torch.nn.Parameter(_copy(torch, name, p, device, p.detach), requires_grad=True)
        state[name] = meta
        parameters[id(meta)] = (name, p.numel())
    for name, b in model.named_buffers():
        meta = _copy(torch, name, b, device, b.clone)
        state[name] = meta
        buffers.add(id(meta))
    return state, parameters, buffers


def _copy(torch, name: str, t, device: str, on_cpu):
    """``t`` for the read: an empty meta tensor like it, or ``on_cpu()`` (it must be on
    the CPU)."""
    if device == "meta":
        return torch.empty_like(t, device="meta")
    if t.device.type != "cpu":
        raise DerivationError(
            key="network.torch_cpu_weights", name=clipped(name), device=t.device.type
        )
    return on_cpu()


def _batch_norm_outputs(torch, args, training: bool):
    """What ``native_batch_norm`` returns on meta tensors -- the output (the input's
    shape and strides) and the saved mean and inverse deviation (per channel in
    training, empty at inference; float32 for half inputs) -- without PyTorch's Python
    meta decomposition, which is most of a meta forward of a batch-normed network."""
    x = args[0]
    half = x.dtype in (torch.float16, torch.bfloat16)
    stats = torch.float32 if half else x.dtype
    channels = x.shape[1] if training else 0
    return (
        torch.empty_like(x),
        x.new_empty((channels,), dtype=stats),
        x.new_empty((channels,), dtype=stats),
    )


def _layer_norm_outputs(torch, args):
    """``native_layer_norm``'s meta results: the output, the mean and the reciprocal
    deviation (one per normalized group, kept as size-1 axes; float32 for half inputs)."""
    x, normalized = args[0], args[1]
    half = x.dtype in (torch.float16, torch.bfloat16)
    stats = (*x.shape[: x.dim() - len(normalized)], *([1] * len(normalized)))
    dtype = torch.float32 if half else x.dtype
    return (
        torch.empty_like(x, memory_format=torch.contiguous_format),
        x.new_empty(stats, dtype=dtype),
        x.new_empty(stats, dtype=dtype),
    )


def _product_output(torch, a, b):
    """``mm``/``addmm``/``bmm``'s meta result: a contiguous (..., m, n) of ``a``'s type."""
    if a.dtype != b.dtype or a.dim() != b.dim() or a.shape[-1] != b.shape[-2]:
        return None
    return a.new_empty((*a.shape[:-1], b.shape[-1]))


def _fast(torch, func, args):
    """The meta result of a few calls whose PyTorch meta kernels are Python
    decompositions (most of a meta forward's time), computed here from the shapes, or
    ``None``: run ``func``."""
    name = func.overloadpacket.__name__
    if name == "native_batch_norm" and len(args) >= 6:
        return _batch_norm_outputs(torch, args, bool(args[5]))
    if name == "_native_batch_norm_legit_no_training":
        return _batch_norm_outputs(torch, args, False)
    if name == "native_layer_norm" and len(args) >= 2:
        return _layer_norm_outputs(torch, args)
    if name in ("mm", "bmm") and len(args) == 2:
        return _product_output(torch, args[0], args[1])
    if name == "addmm" and len(args) == 3 and args[0].dtype == args[1].dtype:
        return _product_output(torch, args[1], args[2])
    if name in SAME_SHAPE and args[0].is_contiguous():
        return torch.empty_like(args[0])
    return None


# out-of-place calls whose result is a new tensor of the input's shape and type
SAME_SHAPE = frozenset(
    ["relu", "gelu", "silu", "sigmoid", "tanh", "hardswish", "hardsigmoid"]
    + ["_softmax", "_safe_softmax", "_log_softmax"]
)


def _run(torch, model, state, recorder, x) -> None:
    """Run ``model`` on ``x`` with ``state`` as its parameters and buffers, every call
    recorded, then count the uses autograd's graph makes.  On meta tensors a few calls
    take their results from the shapes (:func:`_fast`); on real ones every call runs."""
    meta = x.device.type == "meta"
    from torch.utils._python_dispatch import TorchDispatchMode

    class Mode(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            out = _fast(torch, func, args) if meta and not kwargs else None
            if out is None:
                out = func(*args, **kwargs)
            recorder.dispatch(func, args, kwargs, out)
            return out

    hooks = torch.nn.modules.module
    pre = hooks.register_module_forward_pre_hook(recorder.pre)
    post = hooks.register_module_forward_hook(recorder.post, always_call=True)
    try:
        with Mode():
            result = torch.func.functional_call(model, state, (x,))
    finally:
        pre.remove()
        post.remove()
    recorder.count_uses(result)


def _lazy(torch, model, x) -> None:
    """Lazy modules (``nn.LazyLinear``) take their shapes from a first call: one on a meta
    copy of the input, which initializes them (as the model's own first call would)."""
    lazy = [
        name
        for name, p in model.named_parameters()
        if isinstance(p, torch.nn.parameter.UninitializedParameter)
    ]
    if lazy:
        try:
            with torch.no_grad():
                model(x)
        except Exception:
            raise DerivationError(key="network.torch_lazy", name=clipped(lazy[0])) from None


DEVICES = ("meta", "cpu")


def from_torch(
    model,
    input_shape,
    batch: int = 1,
    name: str | None = None,
    train: bool = True,
    device: str = "meta",
    seed: int = 0,
) -> NetworkTable:
    """Per-call cost table of a PyTorch model, e.g. ``from_torch(model, (3, 224, 224))``:
    the columns and conventions of the built-in networks (``network --list``), one row
    per counted aten call, named by module path.  ``input_shape`` is per sample (the
    model gets ``(batch, *input_shape)``); ``train``: the mode it runs in (training by
    default: what autograd saves is training's).

    ``device="meta"`` (the default) runs the model on meta tensors: shapes only, nothing
    allocated, the counts of any input of that shape.  A model whose forward needs its
    values (a detector's ``torch.nonzero`` and non-maximum suppression, ``if x.sum() >
    0``) cannot run so: ``device="cpu"`` runs it on real CPU tensors instead -- its own
    weights (they must be on the CPU) and an input drawn uniformly from [0, 1) by a
    generator seeded with ``seed`` (dropout's and every other draw from ``seed`` too,
    the caller's random state untouched) -- attributed and counted exactly as on meta.
    Its counts are then those of that input: a data-dependent model (how many boxes a
    detector keeps) may count otherwise on another."""
    torch = _torch()
    if not isinstance(model, torch.nn.Module):
        raise DerivationError(key="network.torch_not_module", value=type(model).__name__)
    shape = _shape(input_shape)
    if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
        raise DerivationError(key="network.bad_batch", value=shown(batch))
    if device not in DEVICES:
        raise DerivationError(key="network.torch_device", value=shown(device))
    _seed(seed)
    modes = {m: m.training for m in model.modules()}
    try:
        model.train(train)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            recorder = _read(torch, model, batch, shape, device, seed)
    finally:
        for module, training in modes.items():
            module.training = training
    if not recorder.rows:
        raise DerivationError(key="network.torch_no_layers")
    return _table(torch, recorder, name or type(model).__name__, (batch, *shape))


def _seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise DerivationError(key="network.torch_seed", value=shown(seed))
    return seed


def _read(torch, model, batch: int, shape: tuple, device: str, seed: int) -> _Recorder:
    """Run ``model`` once on ``device`` (every call recorded): the recorder."""
    if device == "meta":
        x = torch.empty(batch, *shape, device="meta")
    else:
        x = torch.rand(batch, *shape, generator=torch.Generator().manual_seed(seed))
    try:
        _lazy(torch, model, x)
        state, parameters, buffers = _state(torch, model, device)
        recorder = _Recorder(torch, model, parameters, buffers, device == "meta")
        recorder.producer[recorder.token(x)] = INPUT
        with torch.enable_grad():
            _run(torch, model, state, recorder, x)
    except DerivationError:
        raise
    except Exception as error:
        first = str(error).splitlines()[0][:160] if str(error) else ""
        raise DerivationError(
            key="network.torch_cannot_run" if device == "meta" else "network.torch_cannot_run_cpu",
            shape=shown((batch, *shape)),
            reason=f"{type(error).__name__}: {first}",
        ) from None
    return recorder


def load_factory(spec: str, device: str = "meta", seed: int = 0):
    """``MODULE:FACTORY`` -> the model ``FACTORY()`` returns, built on the ``meta`` device
    (no weights allocated), or on the ``cpu`` with its initialization drawn from
    ``seed`` (the caller's random state untouched).  The current directory is
    importable, as with ``python -m``."""
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
    if device not in DEVICES:
        raise DerivationError(key="network.torch_device", value=shown(device))
    _seed(seed)
    try:
        with torch.random.fork_rng(devices=[]), torch.device(device):
            torch.manual_seed(seed)
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
