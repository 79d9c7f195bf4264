//! Baton's exchanges with the tools people already use: survey tool exports in, and (to come)
//! BPMN 2.0 in and out. Each importer is a pure function from bytes and options to a plan of
//! accepted items and rejected rows (with line and reason); the store applies a plan as one
//! edit. No IO, no SQLite, no Tauri.

pub mod bpmn;
pub mod survey;
