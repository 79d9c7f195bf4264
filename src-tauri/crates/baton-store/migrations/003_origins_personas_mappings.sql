-- Schema version 3: a future-state copy's stages, lanes, steps and handoffs remember the item
-- they were copied from (`origin_id`, no foreign key: the origin may be deleted later, and the
-- comparison then shows it as removed); personas gain goals and frustrations; saved survey
-- mappings get a table (their JSON is versioned by its writer, baton-interop).
ALTER TABLE stage ADD COLUMN origin_id TEXT;
ALTER TABLE lane ADD COLUMN origin_id TEXT;
ALTER TABLE step ADD COLUMN origin_id TEXT;
ALTER TABLE handoff ADD COLUMN origin_id TEXT;
ALTER TABLE persona ADD COLUMN goals TEXT NOT NULL DEFAULT '';
ALTER TABLE persona ADD COLUMN frustrations TEXT NOT NULL DEFAULT '';

CREATE TABLE survey_mappings (
    id       TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL UNIQUE,
    mapping  TEXT NOT NULL, -- JSON, versioned by its writer
    position INTEGER NOT NULL
) WITHOUT ROWID;
