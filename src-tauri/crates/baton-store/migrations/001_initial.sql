-- Baton client file, schema version 1: one table per entity, real columns, JSON only for
-- nested lists (checklists, initiative links, expected effects) and frozen snapshot models.
-- Foreign keys are deferred to COMMIT: an edit writes the rows it touched in any order, and the
-- whole transaction is checked at once.

CREATE TABLE workspace_info (
    singleton   INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    name        TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE persona (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    description TEXT NOT NULL,
    position    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE journey (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    persona_id  TEXT REFERENCES persona (id) DEFERRABLE INITIALLY DEFERRED,
    state       TEXT NOT NULL,
    origin_id   TEXT,
    position    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stage (
    id          TEXT PRIMARY KEY NOT NULL,
    journey_id  TEXT NOT NULL REFERENCES journey (id) DEFERRABLE INITIALLY DEFERRED,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    position    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE lane (
    id          TEXT PRIMARY KEY NOT NULL,
    journey_id  TEXT NOT NULL REFERENCES journey (id) DEFERRABLE INITIALLY DEFERRED,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    department  TEXT,
    sourcing    TEXT,
    work        TEXT,
    visibility  TEXT
) WITHOUT ROWID;

CREATE TABLE step (
    id           TEXT PRIMARY KEY NOT NULL,
    journey_id   TEXT NOT NULL REFERENCES journey (id) DEFERRABLE INITIALLY DEFERRED,
    stage_id     TEXT NOT NULL REFERENCES stage (id) DEFERRABLE INITIALLY DEFERRED,
    lane_id      TEXT NOT NULL REFERENCES lane (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    notes        TEXT NOT NULL,
    touchpoint   TEXT,
    verification INTEGER NOT NULL,
    resolution   INTEGER NOT NULL,
    emotion      INTEGER
) WITHOUT ROWID;

CREATE TABLE handoff (
    id               TEXT PRIMARY KEY NOT NULL,
    journey_id       TEXT NOT NULL REFERENCES journey (id) DEFERRABLE INITIALLY DEFERRED,
    from_step_id     TEXT NOT NULL REFERENCES step (id) DEFERRABLE INITIALLY DEFERRED,
    to_step_id       TEXT NOT NULL REFERENCES step (id) DEFERRABLE INITIALLY DEFERRED,
    mode             TEXT NOT NULL,
    context          TEXT NOT NULL,
    customer_repeats INTEGER NOT NULL,
    reverify         INTEGER NOT NULL,
    wait_minutes     INTEGER NOT NULL,
    sensitive        INTEGER NOT NULL,
    secure_channel   INTEGER NOT NULL,
    checklist        TEXT NOT NULL, -- JSON array of {id, text, done}
    note             TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE metric (
    id        TEXT PRIMARY KEY NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    scale_min REAL NOT NULL,
    scale_max REAL NOT NULL,
    direction TEXT NOT NULL,
    position  INTEGER NOT NULL
) WITHOUT ROWID;

-- Targets, responses and scores are about a step or a handoff: a polymorphic subject, so no
-- foreign key on it (the core keeps it consistent and cascades deletes).
CREATE TABLE target (
    id           TEXT PRIMARY KEY NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    metric_id    TEXT NOT NULL REFERENCES metric (id) DEFERRABLE INITIALLY DEFERRED,
    value        REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE response (
    id           TEXT PRIMARY KEY NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    metric_id    TEXT NOT NULL REFERENCES metric (id) DEFERRABLE INITIALLY DEFERRED,
    value        REAL NOT NULL,
    date         TEXT NOT NULL,
    respondent   TEXT,
    comment      TEXT
) WITHOUT ROWID;

CREATE TABLE score (
    id           TEXT PRIMARY KEY NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    metric_id    TEXT NOT NULL REFERENCES metric (id) DEFERRABLE INITIALLY DEFERRED,
    value        REAL NOT NULL,
    sample_size  INTEGER NOT NULL,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    source       TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE phase (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    goal       TEXT NOT NULL,
    start_date TEXT,
    end_date   TEXT,
    position   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE initiative (
    id              TEXT PRIMARY KEY NOT NULL,
    phase_id        TEXT NOT NULL REFERENCES phase (id) DEFERRABLE INITIALLY DEFERRED,
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    owner           TEXT NOT NULL,
    status          TEXT NOT NULL,
    impact          INTEGER NOT NULL,
    effort          INTEGER NOT NULL,
    started         TEXT,
    due             TEXT,
    step_ids        TEXT NOT NULL, -- JSON array of ids
    handoff_ids     TEXT NOT NULL, -- JSON array of ids
    suggestion_keys TEXT NOT NULL, -- JSON array of strings
    expected_effect TEXT           -- JSON {metric_id, subject, value} or NULL
) WITHOUT ROWID;

-- A snapshot outlives its journey: no foreign key on journey_id.
CREATE TABLE snapshot (
    id         TEXT PRIMARY KEY NOT NULL,
    journey_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    model      TEXT NOT NULL -- JSON JourneyModel, frozen
);

-- One row per edit. Entries 1..=undo_cursor are applied; the rest are the redo tail.
CREATE TABLE history (
    seq     INTEGER PRIMARY KEY NOT NULL,
    at      TEXT NOT NULL,
    label   TEXT NOT NULL,
    edit    TEXT NOT NULL, -- JSON Edit
    inverse TEXT NOT NULL  -- JSON Edit that undoes it
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
