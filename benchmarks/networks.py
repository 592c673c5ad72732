"""Whole networks: tabulating the built-in ResNet-50, a 10,000-row layer file, and reading
a PyTorch ResNet-50 against the FLOP counters users run (``torch.utils.flop_counter``'s
``FlopCounterMode`` on meta tensors; fvcore's ``FlopCountAnalysis`` when installed: the
``bench`` extra).

Targets (stated, not asserted): tabulating ResNet-50 <= 5 ms in process (issue 16); a
10,000-row file in < 2 s (issue 8: linear in rows); the built-in tables (``network
--json`` on every built-in network, new processes) no slower than at :data:`BASE`, the
main before issue 23 (its tree extracted with ``git archive``, interleaved rounds, CPU
time); reading a model in process at most 0.5 x ``FlopCounterMode`` on the same model
(issue 23: ResNet-50 and ViT-B/16 on meta; ViT-B/16 and Mask R-CNN in a Python that
imports torchvision, this one or the zoo environment's, ``.ci/torchvision-env``; Mask
R-CNN's post-processing needs values, so it runs on CPU tensors for both counters).

Torch is timed in a process of its own, with one thread everywhere (``torch`` and the
OpenMP/BLAS pools through their environment variables): on these 2-core machines two
OpenMP threads once stalled a forward 200-fold, and NumPy's BLAS pool in the same process
competes with torch's.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["run", "torch_timings"]

BASE = (
    "1d7c5a0"  # main before issue 23's operator-level reading: "the built-in tables stay as fast"
)
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
FACTORY = "tests.networks.torch_models:resnet50"
ROWS = 10_000


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _interleaved(fns: dict, repeat: int, clock=time.perf_counter) -> dict:
    """Best time of each, the runs interleaved so that load hits them alike (``clock``:
    wall time, or ``time.process_time``: this process's CPU time)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = clock()
            fn()
            times[name].append(clock() - start)
    return {name: min(spent) for name, spent in times.items()}


def torch_timings(repeat: int = 5) -> dict:
    """In this process (started with :data:`ONE_THREAD`): seconds for each counter on a
    ResNet-50 built on the meta device.  ``ours`` clears the per-layer cache before each
    run, so it measures reading and counting, not a cache lookup."""
    import warnings

    import torch
    from torch.utils.flop_counter import FlopCounterMode

    from derivations.networks.kinds import _conv_forms
    from derivations.networks.torch import from_torch
    from tests.networks.torch_models import resnet50

    torch.set_num_threads(1)
    with torch.device("meta"):
        model = resnet50()
    x = torch.empty(1, 3, 224, 224, device="meta")

    def ours():
        _conv_forms.cache_clear()
        return from_torch(model, (3, 224, 224))

    def flop_counter():
        model.train()  # the mode from_torch reads in: the same calls
        with FlopCounterMode(display=False) as counter:
            model(x)
        return counter.get_total_flops()

    fns = {"ours": ours, "flop_counter": flop_counter}
    if importlib.util.find_spec("fvcore") is not None:
        # fvcore ships neither type hints nor a py.typed marker
        from fvcore.nn import FlopCountAnalysis

        with torch.device("cpu"):  # fvcore traces with torch.jit: real CPU tensors
            cpu_model = resnet50().eval()
        cpu_x = torch.zeros(1, 3, 224, 224)

        def fvcore():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                analysis = FlopCountAnalysis(cpu_model, cpu_x)
                analysis.unsupported_ops_warnings(False)
                analysis.uncalled_modules_warnings(False)
                return analysis.total()

        fns["fvcore"] = fvcore
    first = {name: fn() for name, fn in fns.items()}  # warm (our forms derived once)
    seconds = _interleaved(fns, repeat)
    table = first["ours"]
    # fvcore's total: MACs, plus batch norm (folded: 2 per element) and adaptive pooling
    # (1 per input element), which it counts too
    fvcore_reading = table.totals["macs"] + sum(
        r.mults + r.adds + r.other
        for r in table.rows
        if r.kind in ("batchnorm", "adaptive_avgpool")
    )
    return {
        "seconds": seconds,
        "threads": torch.get_num_threads(),
        "macs": {
            "ours": table.totals["macs"],
            "flop_counter": first["flop_counter"] // 2,
            **({"fvcore": int(first["fvcore"])} if "fvcore" in first else {}),
        },
        "fvcore_reading": fvcore_reading,
    }


def torchvision_timings(repeat: int = 3) -> dict:
    """In this process (one that imports torchvision, e.g. the zoo environment's Python,
    ``.ci/torchvision-env``): seconds of ``from_torch`` and of ``FlopCounterMode`` on
    ViT-B/16 (meta, training) and on Mask R-CNN (its post-processing needs values: real
    CPU tensors, eval mode, from_torch's input of seed 0, FlopCounterMode on the same
    weights and input -- both run the model itself)."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode
    from torchvision import models

    from derivations.networks.torch import from_torch

    torch.set_num_threads(1)
    with torch.device("meta"):
        vit = models.vit_b_16()
    vit_x = torch.empty(1, 3, 224, 224, device="meta")
    torch.manual_seed(0)
    mask = models.get_model("maskrcnn_resnet50_fpn", weights=None, weights_backbone=None)
    mask_x = torch.rand(1, 3, 224, 224, generator=torch.Generator().manual_seed(0))

    def counted(model, x, train):
        model.train(train)
        with FlopCounterMode(display=False) as counter:
            model(x)
        return counter.get_total_flops()

    fns = {
        "vit_ours": lambda: from_torch(vit, (3, 224, 224)),
        "vit_flop_counter": lambda: counted(vit, vit_x, True),
    }
    mask_fns = {
        "mask_ours": lambda: from_torch(mask, (3, 224, 224), train=False, device="cpu"),
        "mask_flop_counter": lambda: counted(mask, mask_x, False),
        "mask_forward": lambda: mask.eval()(mask_x),  # the model alone: the floor
    }
    first = {name: fn() for name, fn in {**fns, **mask_fns}.items()}
    seconds = _interleaved(fns, repeat)
    # about 6 s of CPU a round on one thread; CPU time: real compute, load-bound wall
    seconds.update(_interleaved(mask_fns, 2, time.process_time))
    return {
        "seconds": seconds,
        "mask_flops_equal": first["mask_ours"].totals["flops"] == first["mask_flop_counter"],
        "torch": torch.__version__,
    }


def _zoo_python() -> str | None:
    """A Python that imports torchvision: this one, or the zoo environment's
    (``DERIVATIONS_ZOO_ENV``, default ``~/.cache/derivations-torchvision-env``)."""
    if importlib.util.find_spec("torchvision") is not None:
        return sys.executable
    folder = os.environ.get(
        "DERIVATIONS_ZOO_ENV", str(Path.home() / ".cache" / "derivations-torchvision-env")
    )
    python = Path(folder) / "bin" / "python"
    return str(python) if python.exists() else None


COLD = {  # a new process doing what a user's script would do, from import to the count
    "ours": (
        "from derivations.networks.torch import from_torch, load_factory; "
        f"print(from_torch(load_factory('{FACTORY}'), (3, 224, 224)).totals['macs'])"
    ),
    "flop_counter": (
        "import torch; from torch.utils.flop_counter import FlopCounterMode; "
        "from tests.networks.torch_models import resnet50; torch.set_num_threads(1)\n"
        "with torch.device('meta'): m = resnet50()\n"
        "with FlopCounterMode(display=False) as c: m(torch.empty(1, 3, 224, 224, "
        "device='meta'))\nprint(c.get_total_flops() // 2)"
    ),
    "fvcore": (
        "import torch, warnings; warnings.simplefilter('ignore'); torch.set_num_threads(1)\n"
        "from fvcore.nn import FlopCountAnalysis\n"
        "from tests.networks.torch_models import resnet50\n"
        "a = FlopCountAnalysis(resnet50().eval(), torch.zeros(1, 3, 224, 224))\n"
        "a.unsupported_ops_warnings(False); a.uncalled_modules_warnings(False)\n"
        "print(a.total())"
    ),
}


def _environment() -> dict:
    root = str(Path(__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, **ONE_THREAD, "PYTHONPATH": root + (os.pathsep + path if path else "")}


def _cold(code: str) -> float:
    command = [sys.executable, "-c", code]
    return _best(
        lambda: subprocess.run(command, check=True, capture_output=True, env=_environment()),
        repeat=2,  # each a torch import: 3 rounds of the three took 21 s of `make bench`
    )


def _rows_file(folder: Path) -> Path:
    rows = [
        {"kind": "conv", "out": 8 + i % 3 * 8, "kernel": 3, "padding": 1, "bias": False}
        if i % 2 == 0
        else {"kind": "relu"}
        for i in range(ROWS)
    ]
    path = folder / "rows.json"
    path.write_text(json.dumps({"input": [8, 16, 16], "layers": rows}), encoding="utf-8")
    return path


def run(report) -> None:
    from derivations.closed_forms import forms
    from derivations.networks import model_network, parse_network, read_layer_file, tabulate
    from derivations.networks.kinds import _conv_forms
    from derivations.networks.report import network_report

    for bias in (False, True):  # derive once: the figures are tabulation alone
        forms("per-side", bias)
        forms("total", bias)

    def resnet50():
        _conv_forms.cache_clear()
        return tabulate(model_network("resnet50"))

    resnet50()
    report(
        "tabulate built-in ResNet-50 (layer cache cleared)",
        _best(resnet50, 10) * 1e3,
        "ms",
        "target <= 5 ms (issue 16)",
    )
    report(
        "tabulate built-in ResNet-50 (layers cached)",
        _best(lambda: tabulate(model_network("resnet50")), 10) * 1e3,
        "ms",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = _rows_file(Path(folder))

        def whole_file():
            layers = read_layer_file(path)
            network_report(tabulate(parse_network(layers.rows, layers.input)))

        seconds = _best(whole_file, 3)
        report(
            f"read + tabulate + report a {ROWS:,}-row file",
            seconds,
            "s",
            "target < 2 s (issue 8: linear in rows)",
        )
    _builtin_against_base(report)
    if importlib.util.find_spec("torch") is None:
        report(
            "from_torch / FlopCounterMode",
            0.0,
            "x",
            "skipped: torch not installed (pip install -e .[torch])",
        )
        return
    code = (
        "import json; from benchmarks.networks import torch_timings; "
        "print(json.dumps(torch_timings()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=_environment()
    ).stdout
    timings = json.loads(out.splitlines()[-1])
    s, macs = timings["seconds"], timings["macs"]
    note = f"torch threads {timings['threads']}, own process"
    report("from_torch(ResNet-50) in process", s["ours"] * 1e3, "ms", note)
    report("FlopCounterMode(ResNet-50, meta) in process", s["flop_counter"] * 1e3, "ms")
    report(
        "from_torch / FlopCounterMode, in process",
        s["ours"] / s["flop_counter"],
        "x",
        "target <= 0.5 (issue 23)",
    )
    _torchvision_ratios(report)
    if "fvcore" in s:
        report("fvcore FlopCountAnalysis(ResNet-50, CPU) in process", s["fvcore"] * 1e3, "ms")
        report("from_torch / fvcore, in process", s["ours"] / s["fvcore"], "x")
    else:
        report("from_torch / fvcore", 0.0, "x", "skipped: fvcore not installed (.[bench])")
    report(
        "MACs: ours = FlopCounterMode / 2",
        macs["ours"],
        "MACs",
        "equal" if macs["ours"] == macs["flop_counter"] else f"differ: {macs}",
    )
    if "fvcore" in macs:
        same = macs["fvcore"] == timings["fvcore_reading"]
        report(
            "fvcore's total",
            macs["fvcore"],
            "",
            "= our MACs + batch norm (2/element) + adaptive pooling (1/input)"
            if same
            else f"differs from our reading {timings['fvcore_reading']:,}",
        )
    cold = {name: _cold(code) for name, code in COLD.items() if name != "fvcore" or "fvcore" in s}
    for name, seconds in cold.items():
        report(f"cold {name} (new process, ResNet-50)", seconds * 1e3, "ms")
    report("cold from_torch / cold FlopCounterMode", cold["ours"] / cold["flop_counter"], "x")
    if "fvcore" in cold:
        report("cold from_torch / cold fvcore", cold["ours"] / cold["fvcore"], "x")


def _torchvision_ratios(report) -> None:
    """ViT-B/16 and Mask R-CNN, timed in a Python that imports torchvision."""
    python = _zoo_python()
    if python is None:
        report(
            "from_torch / FlopCounterMode (ViT-B/16, Mask R-CNN)",
            0.0,
            "x",
            "skipped: no Python with torchvision (.ci/torchvision-env makes one)",
        )
        return
    code = (
        "import json; from benchmarks.networks import torchvision_timings; "
        "print(json.dumps(torchvision_timings()))"
    )
    out = subprocess.run(
        [python, "-c", code], check=True, capture_output=True, text=True, env=_environment()
    ).stdout
    timings = json.loads(out.splitlines()[-1])
    s = timings["seconds"]
    note = f"torch {timings['torch']}, own process"
    report(
        "from_torch / FlopCounterMode (ViT-B/16, meta), in process",
        s["vit_ours"] / s["vit_flop_counter"],
        "x",
        f"target <= 0.5 (issue 23); {note}",
    )
    report("from_torch(Mask R-CNN, CPU) in process, CPU time", s["mask_ours"], "s", note)
    report("FlopCounterMode(Mask R-CNN, CPU), CPU time", s["mask_flop_counter"], "s")
    report("Mask R-CNN's forward alone, CPU time", s["mask_forward"], "s")
    report(
        "from_torch / FlopCounterMode (Mask R-CNN, CPU), CPU time",
        s["mask_ours"] / s["mask_flop_counter"],
        "x",
        "target <= 0.5 (issue 23) out of reach: both run the model on real tensors (no "
        "meta kernel for its post-processing), the forward alone is "
        f"{s['mask_forward'] / s['mask_flop_counter']:.3f} x; FLOPs "
        + ("equal" if timings["mask_flops_equal"] else "DIFFER"),
    )


def _builtin_against_base(report) -> None:
    """``network NAME --json`` for every built-in network, one new process per tree (this
    one and :data:`BASE`'s ``derivations``, extracted with ``git archive``), interleaved
    rounds after a warming one (each tree's derived forms cached), CPU time."""
    from benchmarks.docs import extract
    from derivations.networks import MODELS

    repo = Path(__file__).resolve().parents[1]
    names = list(MODELS)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        try:
            extract(repo, BASE, scratch / "base")
        except (OSError, subprocess.CalledProcessError):
            report("built-in tables / " + BASE, 0.0, "x", "skipped: no git history here")
            return
        code = (
            "import sys; sys.path.insert(0, {root!r}); from derivations.cli import main\n"
            "for name in {names!r}: main(['network', name, '--json'])"
        )
        commands = [
            [sys.executable, "-c", code.format(root=str(root), names=names)]
            for root in (repo, scratch / "base")
        ]
        env = {"DERIVATIONS_CACHE": str(scratch / "cache")}
        report.processes(*commands, rounds=1, env=env, cwd=scratch)  # warm both caches
        now, base = report.processes(*commands, rounds=5, env=env, cwd=scratch)
    what = f"network --json, all {len(names)} built-in networks, new process"
    report.timing(f"{what} (now)", now, "ms")
    report.timing(f"{what} ({BASE})", base, "ms")
    report(
        f"built-in tables now / {BASE} (cpu, min)",
        min(now.cpu) / min(base.cpu),
        "x",
        f"wall min {now.min / base.min:.3f}; target <= 1 (issue 23: as fast as before)",
    )
