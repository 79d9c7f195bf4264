//! `plan_view` of 1,000 initiatives over the 10,000-step journey (SyntheticSpec::medium: 3,000
//! handoffs, 50,000 responses). Budget: under 20 ms. The initiatives are `synthetic_plan`'s:
//! each links two steps and a handoff, names a suggestion and expects an effect on a step that
//! has responses, started in the middle of the responses' dates, so evidence, coverage and
//! measured progress all work. The journey's analysis is made once, outside the measure: the
//! app's session holds it between edits, and `plan_view` reads it (the analysis has its own
//! bench, `analysis`).

use baton_core::plan::{analyse_for_plan, plan_view, PlanFilter, ProgressState};
use baton_core::synthetic::{synthetic_journey, synthetic_plan, SyntheticSpec};
use baton_core::*;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const INITIATIVES: usize = 1_000;

fn planned_workspace() -> Workspace {
    let mut ws = Workspace::new_file("Bench");
    let edit = synthetic_journey(&ws, &SyntheticSpec::medium());
    ws.apply(&edit).expect("the synthetic journey is valid");
    let plan = synthetic_plan(&ws, INITIATIVES);
    ws.apply(&plan).expect("the initiatives are valid");
    ws
}

fn plan(c: &mut Criterion) {
    let ws = planned_workspace();
    let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("a date");
    let filter = PlanFilter::default();
    let analyses = analyse_for_plan(&ws, &filter);
    let view = plan_view(&ws, &filter, today, &analyses);
    let measured = view
        .initiatives()
        .filter(|v| {
            !matches!(
                v.progress.state,
                ProgressState::NoBaseline | ProgressState::AwaitingData
            )
        })
        .count();
    eprintln!(
        "plan: {} initiatives over {} steps, {} handoffs, {} responses; {} measured; {} suggestions unaddressed, {} addressed",
        view.initiative_count,
        ws.steps.len(),
        ws.handoffs.len(),
        ws.responses.len(),
        measured,
        view.coverage[0].unaddressed_suggestions.len(),
        view.coverage[0].addressed_suggestions.len()
    );
    c.bench_function("plan_view 1,000 initiatives, 10,000-step journey", |b| {
        b.iter(|| plan_view(black_box(&ws), black_box(&filter), today, &analyses))
    });
    // On a shared machine the wall time above counts the waits for a core; the thread's CPU
    // time does not. Both are printed: the budget is judged on a quiet machine's wall time,
    // which the CPU time approaches.
    let mut cpu: Vec<f64> = (0..CPU_RUNS)
        .map(|_| {
            let start = thread_cpu_ms();
            black_box(plan_view(black_box(&ws), &filter, today, &analyses));
            thread_cpu_ms() - start
        })
        .collect();
    cpu.sort_by(f64::total_cmp);
    eprintln!(
        "plan_view CPU time: median {:.2} ms, min {:.2} ms, max {:.2} ms ({CPU_RUNS} runs)",
        cpu[CPU_RUNS / 2],
        cpu[0],
        cpu[CPU_RUNS - 1]
    );
}

const CPU_RUNS: usize = 50;

/// This thread's CPU time so far, in ms.
fn thread_cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write; CLOCK_THREAD_CPUTIME_ID exists on Linux.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    assert!(ok, "the thread CPU clock is readable");
    t.tv_sec as f64 * 1e3 + t.tv_nsec as f64 / 1e6
}

criterion_group!(benches, plan);
criterion_main!(benches);
