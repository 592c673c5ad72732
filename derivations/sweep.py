"""Sweeps of random valid layers: every closed form against the executed counts.

The sampler draws small layers (small enough to execute quickly) and forces, in turn,
each feature the proof must cover, so that a short sweep already meets all of them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from derivations.closed_forms import evaluate_all
from derivations.execute import run_layer, run_loops
from derivations.model import CONVENTIONS, Layer, effective_kernel, padded_size

__all__ = ["FEATURES", "Mismatch", "SweepReport", "features_of", "random_layer", "sweep"]

# What a sweep must meet; ``random_layer(rng, feature)`` forces one of them.
FEATURES = (
    "per-side padding",
    "stride > kernel",
    "stride not dividing",
    "dilation",
    "groups",
    "batch > 1",
    "1x1 kernel",
    "c_i = 1",
    "bias",
    "no bias",
)


def _axes(layer: Layer):
    for axis in ("h", "w"):
        yield tuple(
            getattr(layer, name)
            for name in (axis, f"k_{axis}", f"p_{axis}", f"s_{axis}", f"d_{axis}")
        )


def features_of(layer: Layer) -> set[str]:
    found = {"bias" if layer.bias else "no bias"}
    for size, k, p, s, d in _axes(layer):
        if s > k:
            found.add("stride > kernel")
        if (padded_size(size, p, layer.padding_convention) - effective_kernel(k, d)) % s:
            found.add("stride not dividing")
        if d > 1:
            found.add("dilation")
    checks = {
        "per-side padding": layer.padding_convention == "per-side",
        "groups": layer.groups > 1,
        "batch > 1": layer.batch > 1,
        "1x1 kernel": layer.k_h == layer.k_w == 1,
        "c_i = 1": layer.c_i == 1,
    }
    return found | {name for name, present in checks.items() if present}


def _axis(rng: random.Random, feature: str | None, padding_convention: str):
    k = 1 if feature == "1x1 kernel" else rng.randint(1, 4)
    d = rng.randint(2, 3) if feature == "dilation" else rng.choice((1, 1, 1, 2))
    s = rng.randint(k + 1, k + 3) if feature == "stride > kernel" else rng.randint(1, 4)
    if feature == "stride not dividing":
        s = max(s, 2)
    p = rng.randint(0, 3)
    padded_extra = p if padding_convention == "total" else 2 * p
    low = max(1, effective_kernel(k, d) - padded_extra)
    return rng.randint(low, low + 9), k, p, s, d


def random_layer(rng: random.Random, feature: str | None = None) -> Layer:
    """A random valid layer, forcing ``feature`` (one of :data:`FEATURES`) if given."""
    while True:
        padding_convention = (
            "per-side" if feature == "per-side padding" else rng.choice(CONVENTIONS)
        )
        groups = rng.choice((2, 3)) if feature == "groups" else rng.choice((1, 1, 1, 2))
        c_i = 1 if feature == "c_i = 1" else groups * rng.randint(1, 3)
        if feature == "c_i = 1":
            groups = 1
        h, k_h, p_h, s_h, d_h = _axis(rng, feature, padding_convention)
        w, k_w, p_w, s_w, d_w = _axis(
            rng, None if feature == "stride not dividing" else feature, padding_convention
        )
        layer = Layer(
            c_i=c_i,
            c_o=groups * rng.randint(1, 3),
            h=h,
            w=w,
            k_h=k_h,
            k_w=k_w,
            p_h=p_h,
            p_w=p_w,
            s_h=s_h,
            s_w=s_w,
            d_h=d_h,
            d_w=d_w,
            groups=groups,
            batch=rng.randint(2, 3) if feature == "batch > 1" else rng.randint(1, 2),
            bias={"bias": True, "no bias": False}.get(feature or "", rng.random() < 0.5),
            padding_convention=padding_convention,
        )
        if feature is None or feature in features_of(layer):
            return layer


@dataclass
class Mismatch:
    key: str
    layer: Layer
    closed_form: int
    executed: int
    witness: str


@dataclass
class SweepReport:
    samples: int = 0
    matched: dict = field(default_factory=dict)  # (key, witness) -> layers matched
    checked: dict = field(default_factory=dict)  # (key, witness) -> layers checked
    first_mismatch: dict = field(default_factory=dict)
    features: dict = field(default_factory=dict)  # feature -> layers showing it
    loop_layers: int = 0

    @property
    def ok(self) -> bool:
        return not self.first_mismatch and self.samples > 0


def _compare(report: SweepReport, layer: Layer, executed: dict, witness: str) -> None:
    for key, value in evaluate_all(layer).items():
        if key not in executed:
            continue
        slot = (key, witness)
        report.checked[slot] = report.checked.get(slot, 0) + 1
        if executed[key] == value:
            report.matched[slot] = report.matched.get(slot, 0) + 1
        elif key not in report.first_mismatch:
            report.first_mismatch[key] = Mismatch(key, layer, value, executed[key], witness)


def sweep(samples: int, seed: int = 0, loop_every: int = 10, progress=None) -> SweepReport:
    """Execute ``samples`` random layers; every ``loop_every``-th one also through the
    scalar-loop witness (slow, so on the smaller ones)."""
    rng = random.Random(seed)
    report = SweepReport()
    for index in range(samples):
        feature = FEATURES[index % len(FEATURES)] if index % 2 == 0 else None
        layer = random_layer(rng, feature)
        for name in features_of(layer):
            report.features[name] = report.features.get(name, 0) + 1
        _compare(report, layer, run_layer(layer, seed=index).counts, "vectorized")
        if loop_every and index % loop_every == 0:
            _compare(report, layer, run_loops(layer, seed=index).counts, "loop")
            report.loop_layers += 1
        report.samples += 1
        if progress:
            progress(index + 1, samples)
    return report
