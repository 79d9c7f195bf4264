//! Mappings saved in a client file (`baton_core::model::SavedMapping`, whose `mapping` text is
//! written and read here) and offered again for the next import of the same survey: a saved
//! mapping keeps the header of the file it was made on, and a new file whose header holds most
//! of those columns is the same survey. Applying it to a file where a column it names was
//! renamed is `ImportError::MissingColumns` naming that column.

use baton_core::edit::Edit;
use baton_core::model::{new_id, SavedMapping, Workspace};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::table::{Row, Source};
use super::{ImportError, SurveyMapping};

/// The version of the saved text this Baton writes and reads.
pub const SAVED_MAPPING_VERSION: u32 = 1;

/// Of the columns of the header a mapping was saved with, the share a file's header must hold
/// for the mapping to be offered (so a survey with a column renamed is still offered, and the
/// import then names the renamed column).
const OFFER_SHARE: f64 = 0.5;

/// A mapping as saved in the file: the mapping, the sheet it read and the header of the file
/// it was made on (to know the same survey again).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SavedSurvey {
    pub version: u32,
    pub header: Vec<String>,
    pub sheet: Option<String>,
    pub mapping: SurveyMapping,
}

/// A saved mapping that fits a file's header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MappingOffer {
    pub id: String,
    pub name: String,
    /// The header is the very one the mapping was saved with.
    pub exact: bool,
    /// Columns the mapping reads that the file lacks (renamed since): importing through it
    /// fails naming them, until the mapping is changed.
    pub missing_columns: Vec<String>,
}

impl SavedSurvey {
    pub fn new(mapping: SurveyMapping, header: Vec<String>, sheet: Option<String>) -> Self {
        Self {
            version: SAVED_MAPPING_VERSION,
            header,
            sheet,
            mapping,
        }
    }

    /// The text stored in `SavedMapping::mapping`.
    pub fn to_text(&self) -> String {
        // Plain data (strings, numbers, enums) always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a saved mapping's text; the reason in plain words when it cannot be read.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("it is not JSON ({e})"))?;
        let version = value.get("version").and_then(serde_json::Value::as_u64);
        if version != Some(u64::from(SAVED_MAPPING_VERSION)) {
            return Err(match version {
                Some(v) => format!("it was saved as version {v} by another version of Baton"),
                None => "it has no version".to_owned(),
            });
        }
        serde_json::from_value(value).map_err(|e| format!("it is not a survey mapping ({e})"))
    }
}

/// The header (first row) of a survey file, as written (a workbook's sheet `sheet`, or its
/// first).
pub fn header_of(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<String>, ImportError> {
    let mut source = Source::read(bytes, sheet)?;
    let mut row = Row::new();
    if !source.rows().next_into(&mut row)? {
        return Err(ImportError::Empty);
    }
    Ok(row.record.iter().map(str::to_owned).collect())
}

fn normalise(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The saved mappings that fit `header` (the same survey): the exact ones first, then by the
/// share of their saved header found, then in the list's order. Mappings whose text cannot be
/// read are left out.
pub fn offers(saved: &[&SavedMapping], header: &[String]) -> Vec<MappingOffer> {
    let columns: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let has = |name: &str| columns.contains(&normalise(name));
    let mut found: Vec<(bool, f64, u32, MappingOffer)> = saved
        .iter()
        .filter_map(|entry| {
            let survey = SavedSurvey::from_text(&entry.mapping).ok()?;
            let saved_columns: Vec<String> = survey.header.iter().map(|h| normalise(h)).collect();
            if saved_columns.is_empty() {
                return None;
            }
            let present = saved_columns.iter().filter(|c| has(c)).count();
            let share = present as f64 / saved_columns.len() as f64;
            if share < OFFER_SHARE {
                return None;
            }
            let exact = saved_columns == columns;
            Some((
                exact,
                share,
                entry.position,
                MappingOffer {
                    id: entry.id.clone(),
                    name: entry.name.clone(),
                    exact,
                    missing_columns: survey
                        .mapping
                        .columns()
                        .into_iter()
                        .filter(|c| !has(c))
                        .map(str::to_owned)
                        .collect(),
                },
            ))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    found.into_iter().map(|(.., offer)| offer).collect()
}

/// The edit saving `survey` under `name`: a new saved mapping at the end of the list, or the
/// one of that name (case-insensitively) replaced. The app and the CLI put it in the
/// import's own batch, so the import and its mapping are one undo step.
pub fn save_edit(ws: &Workspace, name: &str, survey: &SavedSurvey) -> Edit {
    let text = survey.to_text();
    let wanted = normalise(name);
    let existing = ws
        .saved_mappings
        .values()
        .find(|m| m.name.to_lowercase() == wanted);
    match existing {
        Some(old) => Edit::UpdateSavedMapping {
            saved: SavedMapping {
                name: name.to_owned(),
                mapping: text,
                ..old.clone()
            },
        },
        None => Edit::CreateSavedMapping {
            saved: SavedMapping {
                id: new_id(),
                name: name.to_owned(),
                mapping: text,
                position: u32::try_from(ws.saved_mappings.len()).unwrap_or(u32::MAX),
            },
        },
    }
}
