//! `Document::import_json` on arbitrary text: it must refuse bad input with a typed error (never
//! panic), and leave nothing at the target path when it refuses.
//!
//! Modes (first byte): 0, the input as the whole JSON text; 1, the input spliced into a real
//! export (offset, length, replacement), which stays close enough to valid to reach the replay.
#![no_main]

use baton_fuzz::{file_in, mode, real_file, scratch, splice};
use baton_store::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = mode(data, 2);
    let bytes = match mode {
        0 => payload.to_vec(),
        _ => splice(real_file().json.as_bytes(), payload),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return;
    };
    let dir = scratch();
    let path = file_in(dir.path(), "imported.baton");
    match Document::import_json(text, &path) {
        Ok(doc) => {
            let workspace = doc.workspace().clone();
            doc.close().expect("an imported file closes");
            // What was imported opens again, and holds what the import said.
            let reopened = Document::open(&path).expect("an imported file opens");
            assert_eq!(reopened.workspace(), &workspace);
        }
        Err(_) => assert!(!path.exists(), "a refused import left a file behind"),
    }
});
