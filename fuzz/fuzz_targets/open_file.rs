//! `Document::open` on arbitrary bytes written as a `.baton` file: it must open it or refuse it
//! with a typed error (never panic), and what it opens must close and open again.
//!
//! Modes (first byte): 0, the input as the whole file; 1, a real Baton file with bytes
//! overwritten (offset, byte pairs); 2, a real Baton file with a range spliced (offset, length,
//! replacement), which moves everything after it.
#![no_main]

use baton_fuzz::{file_in, mode, overwrite, real_file, scratch, splice};
use baton_store::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = mode(data, 3);
    let bytes = match mode {
        0 => payload.to_vec(),
        1 => overwrite(&real_file().bytes, payload),
        _ => splice(&real_file().bytes, payload),
    };
    let dir = scratch();
    let path = file_in(dir.path(), "fuzzed.baton");
    std::fs::write(&path, &bytes).expect("the scratch folder is writable");
    if let Ok(doc) = Document::open(&path) {
        let workspace = doc.workspace().clone();
        doc.close().expect("an opened file closes");
        let reopened = Document::open(&path).expect("an opened file opens again");
        assert_eq!(reopened.workspace(), &workspace);
    }
});
