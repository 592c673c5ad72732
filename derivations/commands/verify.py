"""``verify``: sweep random layers; every closed form against executed counts."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    parser = sub.add_parser(
        "verify",
        help="prove every closed form by execution over random layers",
        description="Execute random valid layers (both padding conventions, stride larger "
        "than the kernel and not dividing, dilation, groups, batch > 1, 1x1, "
        "c_i = 1, bias on and off) with the instrumented NumPy convolution, and "
        "every tenth one with the scalar-loop witness; compare every closed form "
        "with the executed count. Exit status 1 on any mismatch.",
    )
    parser.add_argument("--samples", type=_positive, default=200, help="layers (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    from derivations.messages import text as message

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            message("cli.invalid_positive_integer", "en", value=repr(text))
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(message("cli.below_one", "en", value=repr(text)))
    return value


def run(args) -> int:
    import sys

    from derivations.messages import text
    from derivations.sweep import FEATURES, sweep

    def progress(done, total):
        if sys.stderr.isatty() and (done % 50 == 0 or done == total):
            print(
                "\r" + text("verify.progress", "en", done=done, total=total),
                end="\n" if done == total else "",
                file=sys.stderr,
                flush=True,
            )

    report = sweep(args.samples, args.seed, progress=progress)
    keys = sorted({key for key, _ in report.checked})
    width = max(map(len, keys))
    print(
        text(
            "verify.samples", "en", samples=report.samples, seed=args.seed, loop=report.loop_layers
        )
    )
    met = ", ".join(f"{name} {report.features.get(name, 0)}" for name in FEATURES)
    print(text("verify.features_met", "en", features=met))
    heads = text("verify.header", "en"), text("verify.vectorized", "en"), text("verify.loop", "en")
    print(f"  {heads[0]:<{width}}  {heads[1]:>13}  {heads[2]:>13}")
    for key in keys:
        cells = [
            f"{report.matched.get((key, wit), 0)}/{report.checked[(key, wit)]}"
            if (key, wit) in report.checked
            else "-"
            for wit in ("vectorized", "loop")
        ]
        status = text("verify.mismatch" if key in report.first_mismatch else "verify.exact", "en")
        print(f"  {key:<{width}}  {cells[0]:>13}  {cells[1]:>13}  {status}")
    for m in report.first_mismatch.values():
        print(
            text(
                "verify.first_mismatch",
                "en",
                form=m.key,
                witness=m.witness,
                closed=m.closed_form,
                executed=m.executed,
                layer=m.layer,
            )
        )
    missing = [name for name in FEATURES if not report.features.get(name)]
    if missing:
        print(text("verify.features_not_met", "en", features=", ".join(missing)))
    print(text("verify.all_exact" if report.ok else "verify.mismatches", "en"))
    return 0 if report.ok else 1
