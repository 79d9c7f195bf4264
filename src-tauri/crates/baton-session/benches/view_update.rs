//! The Rust side of one edit's round trip in the app, on the 10,000-step journey: apply the
//! edit durably, then build the journey's view patch (map, layout, diff against the view the
//! screen holds) and serialise it as the IPC does. Issue 3's budget for the whole round trip,
//! screen included, is 50 ms; `make bench` also measures that in the app (tests/app_bench.rs).

use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::Edit;
use std::sync::Mutex;

use baton_session::documents::OpenDocument;
use baton_session::edit_answer::{Change, OnScreen};
use baton_session::view_patch::ViewUpdate;
use criterion::{criterion_group, criterion_main, Criterion};

fn view_update(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bench.baton");
    let mut doc = OpenDocument::create(&path, "Bench").expect("a new file");
    let edit = synthetic_journey(doc.workspace(), &SyntheticSpec::medium());
    doc.apply(edit).expect("the synthetic journey applies");
    let journey = doc.workspace_view().expect("a view").journeys[0].id.clone();
    let first = doc
        .journey_view_update(&journey, false, None)
        .expect("the first view");
    let mut held = match first {
        ViewUpdate::Full { token, .. } | ViewUpdate::Patch { token, .. } => token,
    };
    let mut step = doc
        .journey_view(&journey, false)
        .expect("a view")
        .model
        .steps[5000]
        .clone();

    let mut group = c.benchmark_group("edit round trip, Rust side (10,000 steps)");
    group.sample_size(20);
    let mut round = 0u32;
    group.bench_function("rename a card + view patch + JSON", |b| {
        b.iter(|| {
            round += 1;
            step.title = format!("Renamed {round}");
            doc.apply(Edit::UpdateStep { step: step.clone() })
                .expect("the rename applies");
            let update = doc
                .journey_view_update(&journey, false, Some(held))
                .expect("the patch");
            let json = serde_json::to_string(&update).expect("serialises");
            held = match update {
                ViewUpdate::Full { token, .. } | ViewUpdate::Patch { token, .. } => token,
            };
            json.len()
        })
    });
    // What the app bench does: Delete on a card, then Ctrl+Z, each followed by its view patch.
    let victim = step.id.clone();
    group.bench_function("delete a card + undo, each + view patch + JSON", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for undo in [false, true] {
                if undo {
                    doc.undo().expect("the undo applies");
                } else {
                    doc.apply(Edit::DeleteStep { id: victim.clone() })
                        .expect("the delete applies");
                }
                let update = doc
                    .journey_view_update(&journey, false, Some(held))
                    .expect("the patch");
                bytes += serde_json::to_string(&update).expect("serialises").len();
                held = match update {
                    ViewUpdate::Full { token, .. } | ViewUpdate::Patch { token, .. } => token,
                };
            }
            bytes
        })
    });
    group.bench_function("view patch only (nothing changed)", |b| {
        b.iter(|| {
            let update = doc
                .journey_view_update(&journey, false, Some(held))
                .expect("the patch");
            held = match update {
                ViewUpdate::Full { token, .. } | ViewUpdate::Patch { token, .. } => token,
            };
        })
    });
    group.bench_function("whole view + JSON", |b| {
        b.iter(|| {
            let view = doc.journey_view(&journey, false).expect("the view");
            serde_json::to_string(&view).expect("serialises").len()
        })
    });
    group.finish();
}

fn token(update: &ViewUpdate) -> u32 {
    match update {
        ViewUpdate::Full { token, .. } | ViewUpdate::Patch { token, .. } => *token,
    }
}

/// Issue 11: an edit and its view patch in one call (one lock, one answer serialised) against
/// the two calls the screen made before (the edit, then `journey_view_update`, each taking the
/// document's lock and serialising its answer). Delete a card then undo, as the app bench does.
fn one_call_per_edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut doc = OpenDocument::create(&dir.path().join("bench.baton"), "Bench").expect("a file");
    let edit = synthetic_journey(doc.workspace(), &SyntheticSpec::medium());
    doc.apply(edit).expect("the synthetic journey applies");
    let journey = doc.workspace_view().expect("a view").journeys[0].id.clone();
    let first = doc
        .journey_view_update(&journey, false, None)
        .expect("a view");
    let victim = doc
        .journey_view(&journey, false)
        .expect("a view")
        .model
        .steps[5000]
        .id
        .clone();
    // The app keeps each document behind a mutex; every call takes it once.
    let doc = Mutex::new(doc);
    let mut held = token(&first);

    let mut group = c.benchmark_group("delete a card + undo, Rust side (10,000 steps)");
    group.sample_size(20);
    group.bench_function("two calls each: edit, then view patch", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for undo in [false, true] {
                let outcome = {
                    let mut d = doc.lock().expect("the document");
                    if undo {
                        d.undo()
                    } else {
                        d.apply(Edit::DeleteStep { id: victim.clone() })
                    }
                    .expect("the change applies")
                };
                bytes += serde_json::to_string(&outcome).expect("serialises").len();
                let update = doc
                    .lock()
                    .expect("the document")
                    .journey_view_update(&journey, false, Some(held))
                    .expect("the patch");
                bytes += serde_json::to_string(&update).expect("serialises").len();
                held = token(&update);
            }
            bytes
        })
    });
    group.bench_function("one call each: edit answered with its view patch", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for undo in [false, true] {
                let change = if undo {
                    Change::Undo
                } else {
                    Change::Edit(Edit::DeleteStep { id: victim.clone() })
                };
                let screen = OnScreen {
                    journey_id: journey.clone(),
                    presentation: false,
                    held: Some(held),
                    plan: None,
                };
                let answer = doc
                    .lock()
                    .expect("the document")
                    .change(change, Some(&screen))
                    .expect("the change applies");
                bytes += serde_json::to_string(&answer).expect("serialises").len();
                held = token(answer.view.as_ref().expect("the journey is on screen"));
            }
            bytes
        })
    });
    group.finish();
}

criterion_group!(benches, view_update, one_call_per_edit);
criterion_main!(benches);
