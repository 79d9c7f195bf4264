//! Added, removed, changed and moved items. Fields are compared by value; what only places an
//! item (its id, journey, position in its list, origin) is not a change, and a step's stage or
//! lane is a move. A handoff's ends are compared through the step pairs.

use serde::Serialize;

use crate::id_map::{self, IdMap};
use crate::model::{ChecklistItem, Handoff, Id, JourneyModel, Lane, Stage, Step};

use super::pairing::{KindPairs, Pairs};
use super::{ChangeCounts, ChangeStatus, FieldChange, ItemChange, ItemKind, StepMove, Version};

/// Look-ups of one version by id: index of each stage, lane and step.
struct Places<'m> {
    model: &'m JourneyModel,
    stages: IdMap<&'m str, usize>,
    lanes: IdMap<&'m str, usize>,
    steps: IdMap<&'m str, usize>,
}

impl<'m> Places<'m> {
    fn new(model: &'m JourneyModel) -> Self {
        fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> IdMap<&str, usize> {
            let mut map = id_map::with_capacity(items.len());
            for (place, item) in items.iter().enumerate() {
                map.insert(id(item), place);
            }
            map
        }
        Places {
            model,
            stages: index(&model.stages, |s| &s.id),
            lanes: index(&model.lanes, |l| &l.id),
            steps: index(&model.steps, |s| &s.id),
        }
    }

    fn stage_name(&self, id: &str) -> &'m str {
        self.stages
            .get(id)
            .map_or("", |&i| self.model.stages[i].name.as_str())
    }

    fn lane_name(&self, id: &str) -> &'m str {
        self.lanes
            .get(id)
            .map_or("", |&i| self.model.lanes[i].name.as_str())
    }

    fn step_title(&self, id: &str) -> &'m str {
        self.steps
            .get(id)
            .map_or("", |&i| self.model.steps[i].title.as_str())
    }

    fn handoff_name(&self, h: &Handoff) -> String {
        format!(
            "{} → {}",
            self.step_title(&h.from_step_id),
            self.step_title(&h.to_step_id)
        )
    }
}

/// Every differing item, in the order `Comparison::changes` documents.
pub(super) fn changes(a: Version<'_>, b: Version<'_>, pairs: &Pairs) -> Vec<ItemChange> {
    let (pa, pb) = (Places::new(a.model), Places::new(b.model));
    let handoff_order = |v: Version<'_>| -> Vec<usize> {
        let mut index: IdMap<&str, usize> = id_map::with_capacity(v.model.handoffs.len());
        for (place, h) in v.model.handoffs.iter().enumerate() {
            index.insert(&h.id, place);
        }
        v.analysis
            .handoffs
            .iter()
            .filter_map(|h| index.get(h.handoff_id.as_str()).copied())
            .collect()
    };
    let (a_handoffs, b_handoffs) = (handoff_order(a), handoff_order(b));
    let mut out = Vec::new();

    for (bi, stage) in b.model.stages.iter().enumerate() {
        match pairs.stages.b_to_a[bi] {
            None => out.push(added(ItemKind::Stage, &stage.id, &stage.name)),
            Some(ai) => kept(
                &mut out,
                ItemKind::Stage,
                &a.model.stages[ai],
                stage,
                stage_fields(&a.model.stages[ai], stage),
                None,
                &stage.name,
            ),
        }
    }
    for (bi, lane) in b.model.lanes.iter().enumerate() {
        match pairs.lanes.b_to_a[bi] {
            None => out.push(added(ItemKind::Lane, &lane.id, &lane.name)),
            Some(ai) => kept(
                &mut out,
                ItemKind::Lane,
                &a.model.lanes[ai],
                lane,
                lane_fields(&a.model.lanes[ai], lane),
                None,
                &lane.name,
            ),
        }
    }
    for (bi, step) in b.model.steps.iter().enumerate() {
        match pairs.steps.b_to_a[bi] {
            None => out.push(added(ItemKind::Step, &step.id, &step.title)),
            Some(ai) => {
                let before = &a.model.steps[ai];
                let moved = step_move(before, step, pairs, &pa, &pb);
                kept(
                    &mut out,
                    ItemKind::Step,
                    before,
                    step,
                    step_fields(before, step),
                    moved,
                    &step.title,
                );
            }
        }
    }
    for &bi in &b_handoffs {
        let handoff = &b.model.handoffs[bi];
        let name = pb.handoff_name(handoff);
        match pairs.handoffs.b_to_a[bi] {
            None => out.push(added(ItemKind::Handoff, &handoff.id, &name)),
            Some(ai) => {
                let before = &a.model.handoffs[ai];
                let fields = handoff_fields(before, handoff, &pairs.steps, &pa, &pb);
                kept(
                    &mut out,
                    ItemKind::Handoff,
                    before,
                    handoff,
                    fields,
                    None,
                    &name,
                );
            }
        }
    }

    let removed = |kind, id: &Id, name: &str| ItemChange {
        kind,
        status: ChangeStatus::Removed,
        a_id: Some(id.clone()),
        b_id: None,
        name: name.to_owned(),
        fields: Vec::new(),
        moved: None,
    };
    let unpaired = |pairs: &KindPairs, ai: usize| pairs.a_to_b[ai].is_none();
    for (ai, s) in a.model.stages.iter().enumerate() {
        if unpaired(&pairs.stages, ai) {
            out.push(removed(ItemKind::Stage, &s.id, &s.name));
        }
    }
    for (ai, l) in a.model.lanes.iter().enumerate() {
        if unpaired(&pairs.lanes, ai) {
            out.push(removed(ItemKind::Lane, &l.id, &l.name));
        }
    }
    for (ai, s) in a.model.steps.iter().enumerate() {
        if unpaired(&pairs.steps, ai) {
            out.push(removed(ItemKind::Step, &s.id, &s.title));
        }
    }
    for &ai in &a_handoffs {
        if unpaired(&pairs.handoffs, ai) {
            let h = &a.model.handoffs[ai];
            out.push(removed(ItemKind::Handoff, &h.id, &pa.handoff_name(h)));
        }
    }
    out
}

pub(super) fn counts(changes: &[ItemChange]) -> ChangeCounts {
    let mut counts = ChangeCounts::default();
    for change in changes {
        match change.status {
            ChangeStatus::Added => counts.added += 1,
            ChangeStatus::Removed => counts.removed += 1,
            ChangeStatus::Kept => {
                counts.changed += u32::from(!change.fields.is_empty());
                counts.moved += u32::from(change.moved.is_some());
            }
        }
    }
    counts
}

fn added(kind: ItemKind, id: &Id, name: &str) -> ItemChange {
    ItemChange {
        kind,
        status: ChangeStatus::Added,
        a_id: None,
        b_id: Some(id.clone()),
        name: name.to_owned(),
        fields: Vec::new(),
        moved: None,
    }
}

/// Items with an id.
trait HasId {
    fn id(&self) -> &Id;
}
impl HasId for Stage {
    fn id(&self) -> &Id {
        &self.id
    }
}
impl HasId for Lane {
    fn id(&self) -> &Id {
        &self.id
    }
}
impl HasId for Step {
    fn id(&self) -> &Id {
        &self.id
    }
}
impl HasId for Handoff {
    fn id(&self) -> &Id {
        &self.id
    }
}

/// Records a paired item when it changed or moved.
fn kept<T: HasId>(
    out: &mut Vec<ItemChange>,
    kind: ItemKind,
    before: &T,
    after: &T,
    fields: Vec<FieldChange>,
    moved: Option<StepMove>,
    name: &str,
) {
    if fields.is_empty() && moved.is_none() {
        return;
    }
    out.push(ItemChange {
        kind,
        status: ChangeStatus::Kept,
        a_id: Some(before.id().clone()),
        b_id: Some(after.id().clone()),
        name: name.to_owned(),
        fields,
        moved,
    });
}

/// The differing fields, each rendered only when it differs.
#[derive(Default)]
struct Fields(Vec<FieldChange>);

impl Fields {
    fn compare<T: PartialEq + Serialize>(&mut self, field: &str, before: &T, after: &T) {
        if before != after {
            self.0.push(FieldChange {
                field: field.to_owned(),
                before: as_text(before),
                after: as_text(after),
            });
        }
    }

    fn texts(&mut self, field: &str, before: String, after: String) {
        if before != after {
            self.0.push(FieldChange {
                field: field.to_owned(),
                before,
                after,
            });
        }
    }
}

/// A value as a reader sees it: text as is, enums by their JSON name, yes/no, numbers; none is
/// the empty text.
fn as_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(serde_json::Value::Bool(true)) => "yes".to_owned(),
        Ok(serde_json::Value::Bool(false)) => "no".to_owned(),
        Ok(serde_json::Value::Null) | Err(_) => String::new(),
        Ok(other) => other.to_string(),
    }
}

fn stage_fields(a: &Stage, b: &Stage) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.compare("name", &a.name, &b.name);
    f.compare("description", &a.description, &b.description);
    f.0
}

fn lane_fields(a: &Lane, b: &Lane) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.compare("name", &a.name, &b.name);
    f.compare("kind", &a.kind, &b.kind);
    f.compare("department", &a.department, &b.department);
    f.compare("sourcing", &a.sourcing, &b.sourcing);
    f.compare("work", &a.work, &b.work);
    f.compare("visibility", &a.visibility, &b.visibility);
    f.0
}

fn step_fields(a: &Step, b: &Step) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.compare("title", &a.title, &b.title);
    f.compare("notes", &a.notes, &b.notes);
    f.compare("touchpoint", &a.touchpoint, &b.touchpoint);
    f.compare("verification", &a.verification, &b.verification);
    f.compare("resolution", &a.resolution, &b.resolution);
    f.compare("emotion", &a.emotion, &b.emotion);
    f.0
}

/// A step moved when its stage or its lane in B is not the pair of its stage or lane in A.
fn step_move(
    a: &Step,
    b: &Step,
    pairs: &Pairs,
    pa: &Places<'_>,
    pb: &Places<'_>,
) -> Option<StepMove> {
    let same = |kind: &KindPairs,
                a_places: &IdMap<&str, usize>,
                b_places: &IdMap<&str, usize>,
                a_id: &str,
                b_id: &str| {
        match (a_places.get(a_id), b_places.get(b_id)) {
            (Some(&ai), Some(&bi)) => kind.b_to_a[bi] == Some(ai),
            _ => false,
        }
    };
    let same_stage = same(
        &pairs.stages,
        &pa.stages,
        &pb.stages,
        &a.stage_id,
        &b.stage_id,
    );
    let same_lane = same(&pairs.lanes, &pa.lanes, &pb.lanes, &a.lane_id, &b.lane_id);
    if same_stage && same_lane {
        return None;
    }
    Some(StepMove {
        from_stage: pa.stage_name(&a.stage_id).to_owned(),
        from_lane: pa.lane_name(&a.lane_id).to_owned(),
        to_stage: pb.stage_name(&b.stage_id).to_owned(),
        to_lane: pb.lane_name(&b.lane_id).to_owned(),
    })
}

fn handoff_fields(
    a: &Handoff,
    b: &Handoff,
    steps: &KindPairs,
    pa: &Places<'_>,
    pb: &Places<'_>,
) -> Vec<FieldChange> {
    let mut f = Fields::default();
    let same_step = |a_id: &str, b_id: &str| match (pa.steps.get(a_id), pb.steps.get(b_id)) {
        (Some(&ai), Some(&bi)) => steps.b_to_a[bi] == Some(ai),
        _ => false,
    };
    if !same_step(&a.from_step_id, &b.from_step_id) {
        f.texts(
            "from",
            pa.step_title(&a.from_step_id).to_owned(),
            pb.step_title(&b.from_step_id).to_owned(),
        );
    }
    if !same_step(&a.to_step_id, &b.to_step_id) {
        f.texts(
            "to",
            pa.step_title(&a.to_step_id).to_owned(),
            pb.step_title(&b.to_step_id).to_owned(),
        );
    }
    f.compare("mode", &a.mode, &b.mode);
    f.compare("context", &a.context, &b.context);
    f.compare("customer_repeats", &a.customer_repeats, &b.customer_repeats);
    f.compare("reverify", &a.reverify, &b.reverify);
    f.compare("wait_minutes", &a.wait_minutes, &b.wait_minutes);
    f.compare("sensitive", &a.sensitive, &b.sensitive);
    f.compare("secure_channel", &a.secure_channel, &b.secure_channel);
    // A copy renews checklist item ids: items compare by text and state.
    let same_items = a.checklist.len() == b.checklist.len()
        && a.checklist
            .iter()
            .zip(&b.checklist)
            .all(|(x, y)| x.text == y.text && x.done == y.done);
    if !same_items {
        f.texts(
            "checklist",
            checklist_text(&a.checklist),
            checklist_text(&b.checklist),
        );
    }
    f.compare("note", &a.note, &b.note);
    f.0
}

fn checklist_text(items: &[ChecklistItem]) -> String {
    items
        .iter()
        .map(|item| {
            format!(
                "{} ({})",
                item.text,
                if item.done { "done" } else { "not done" }
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
