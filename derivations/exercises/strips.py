"""Exercise (en 6): compute a Delta-wide output strip from one (k + Delta - 1)-wide input strip.

The model of a load: reading one input value from memory (cache) into a register;
kernel weights stay in registers and are not counted; every value of a strip is loaded
once and reused from registers for all the outputs of the strip.  Closed forms are
derived by SymPy; an instrumented strip (tile) correlation counts the loads it executes.

Prose and layout only: the closed forms, the executed loads and their checks are
:mod:`derivations.exercises.maths.strips`.
"""

from __future__ import annotations

from derivations.exercises.document import (
    Exercise,
    answer,
    exercise,
    figure,
    heading,
    math,
    mistake,
    mistakes,
    paragraph,
    result,
    table,
    text,
)
from derivations.exercises.maths import strips as maths
from derivations.exercises.maths.strips import L1_BYTES, REGISTER_FILES
from derivations.exercises.notation import num, tex
from derivations.exercises.prose import say
from derivations.registry.exercises import heading_numbers

__all__ = ["build"]


NO_STRIP = "\u2014"  # a register table's cell where not even the weights fit


def build() -> Exercise:
    facts = maths.facts()
    split, limit, at_one, gain = facts.split, facts.limit, facts.at_one, facts.gain
    within, example_within, tile_limit = facts.within, facts.example_within, facts.tile_limit
    needed, sweep, eps_example = facts.needed, facts.sweep, facts.eps_example
    tile_loads, tile_outputs = facts.tile_loads, facts.tile_outputs
    cache_needed, cache_d = facts.cache_needed, facts.cache_delta
    cache_one = facts.cache_delta_one_channel
    cache_w, cache_dw = facts.cache_weight_bytes, facts.cache_delta_with_weights
    reg_rows, reg_bound, no_strip = [], {}, []
    for register_file in facts.registers:
        name, regs = register_file.name, register_file.registers
        row: list[str | dict] = [name, f"{regs} \u00d7 {register_file.lanes}"]
        for bound in register_file.bounds:
            kk, d = bound.kernel, bound.delta
            reg_bound[name, kk] = d
            if d >= 1:
                row.append(say("strips.text", d=d, per_output=tex(bound.per_output, inline=True)))
            else:  # a dash, said below the table: a column of numbers keeps one alignment
                row.append(NO_STRIP)
                no_strip.append(
                    paragraph(
                        say(
                            "strips.no_strip_fits",
                            dash=NO_STRIP,
                            name=name,
                            k=kk,
                            kk_kk=kk * kk,
                            regs=regs,
                        )
                    )
                )
        reg_rows.append(row)
    avx2 = REGISTER_FILES[0]
    avx2_k3 = reg_bound[avx2[0], 3]
    blocks = [
        heading(say("strips.conventions")),
        paragraph(say("strips.a_load_is_one_input")),
        heading(say("strips.loads_per_output")),
        paragraph(say("strips.one_value_at_a_time")),
        math(
            f"L(\\Delta) = \\frac{{{tex(facts.strip_inputs)}}}{{\\Delta}} = {tex(split)},"
            f"\\qquad L(1) = {tex(at_one)},\\qquad "
            f"\\lim_{{\\Delta\\to\\infty}} L(\\Delta) = {tex(limit)}"
        ),
        result(
            say("strips.loads_per_output_value_and"),
            f"L(\\Delta) = {tex(split)},\\qquad \\frac{{L(1)}}{{L(\\Delta)}} = "
            f"{tex(gain)} \\to {tex(facts.gain_limit)}",
        ),
        paragraph(
            say(
                "strips.why_it_is_better_neighbouring",
                split_limit=tex(split - limit, inline=True),
                within=tex(within, inline=True),
                example_within=example_within,
            )
        ),
        math(
            f"\\frac{{(\\Delta_h + k - 1)(\\Delta + k - 1)}}{{\\Delta_h \\Delta}} \\to "
            f"{tex(tile_limit)}"
        ),
        paragraph(say("strips.per_output_down_to_one")),
        heading(say("strips.executed_loads")),
        paragraph(say("strips.the_instrumented_strip_correlation_counts")),
        math(f"N = {tex(facts.total)}"),
        table(
            [
                "$\\Delta$",
                say("strips.loads_closed_form_executed"),
                say("strips.per_output"),
                "$L(\\Delta)$",
            ],
            [
                [
                    str(row.delta),
                    f"${num(row.loads)}$",
                    f"{row.loads / row.outputs:.3f}",
                    f"${tex(row.per_output, inline=True)}$",  # 9/2: rows not stretched
                ]
                for row in sweep
            ],
        ),
        paragraph(
            say(
                "strips.where_does_not_divide_and",
                tile_loads=num(tile_loads),
                tile_loads_tile_outputs=tile_loads / tile_outputs,
            )
        ),
        figure(
            "strip-loads",
            caption=text(
                en="Loads per output against the strip width $\\Delta$ for "
                "$k = 3$, one dot per whole $\\Delta$ (a strip holds whole outputs): "
                "from $k^2$ at $\\Delta = 1$ down towards $k$, with the "
                "idealised register limits marked.",
                zh="$k = 3$ 时每个输出的加载次数随条带宽度 $\\Delta$ 的变化，每个整数 "
                "$\\Delta$ 一个点（条带由整数个输出组成）：从 "
                "$\\Delta = 1$ 时的 $k^2$ 降向 $k$，并标出理想化的寄存器上限。",
            ),
            alt=text(
                en="Dots, one per whole Delta, falling from 9 towards 3 as Delta grows, "
                "flattening after a few tens, with vertical marks at the register limits.",
                zh="每个整数 Δ 一个点，随 Δ 增大从 9 降向 3，几十之后趋平，寄存器上限处有竖线标记。",
            ),
        ),
        heading(say("strips.the_limit_to")),
        paragraph(say("strips.yes_the_first_limit_is", eps_example=eps_example)),
        math(f"{tex(needed)} \\le N_r"),
        paragraph(say("strips.registers_come_whole_is_the")),
        paragraph(say("strips.these_are_idealised_upper_bounds")),
        table(
            [
                say("strips.register_file"),
                say("strips.registers_lanes"),
                *(say("strips.delta_max_at", k=k) for k in maths.REGISTER_KERNELS),
            ],
            reg_rows,
        ),
        *no_strip,
        paragraph(
            say(
                "strips.the_register_bound_counts_one",
                L1_BYTES_v_1024=L1_BYTES // 1024,
                cache_needed=tex(cache_needed, inline=True),
                L1_BYTES=num(L1_BYTES),
                cache_d=cache_d,
                cache_w=num(cache_w),
                cache_dw=cache_dw,
                cache_one=cache_one,
                eps_example=eps_example,
                avx2_k3=avx2_k3,
                avx2_0=avx2[0],
            )
        ),
        heading(say("strips.answers")),
        answer(
            say("strips.why", **heading_numbers("strips")),
            say(
                "strips.neighbouring_windows_overlap_in_columns",
                split=tex(split, inline=True),
                at_one=tex(at_one, inline=True),
            ),
        ),
        answer(
            say("strips.limit", **heading_numbers("strips")),
            say(
                "strips.yes_the_gain_flattens_like",
                eps_example=eps_example,
                avx2_k3=avx2_k3,
                avx2_0=avx2[0],
                cache_d=cache_d,
                cache_dw=cache_dw,
                L1_BYTES_v_1024=L1_BYTES // 1024,
            ),
        ),
        heading(say("strips.common_mistakes")),
        mistakes(
            mistake("sheet_strip_saves_products"),
            mistake("sheet_strip_unbounded"),
            mistake("sheet_strip_width_off_by_one"),
        ),
    ]
    return exercise(
        "strips",
        statement=say("strips.your_task_is_to_implement"),
        blocks=blocks,
    )
