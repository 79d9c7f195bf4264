//! The imported history's check refuses no sound history, and `check_file` finds nothing wrong
//! in a file built by random valid edits: random edits, some undone, exported, imported, and
//! exported again byte for byte; the file and the imported copy both pass the check.

use baton_core::testing::{valid_edit, Picker};
use baton_store::{check_file, Document};
use proptest::collection::vec;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn a_sound_history_always_imports_and_checks_clean(
        seeds in vec(any::<u32>(), 1..200),
        count in 1usize..=30,
        undone in 0usize..=30,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.baton");
        let mut doc = Document::create(&path, "x").unwrap();
        let mut picker = Picker::new(&seeds);
        for _ in 0..count {
            let edit = valid_edit(doc.workspace(), &mut picker);
            doc.apply(edit).unwrap();
        }
        for _ in 0..undone.min(count) {
            doc.undo().unwrap();
        }
        let json = doc.export_json().unwrap();
        doc.close().unwrap();
        let report = check_file(&path).unwrap();
        prop_assert!(report.is_ok(), "{:#?}", report.problems);

        let copy = dir.path().join("copy.baton");
        let imported = match Document::import_json(&json, &copy) {
            Ok(imported) => imported,
            Err(error) => return Err(TestCaseError::fail(format!("refused: {error}"))),
        };
        prop_assert_eq!(imported.export_json().unwrap(), json);
        imported.close().unwrap();
        let report = check_file(&copy).unwrap();
        prop_assert!(report.is_ok(), "{:#?}", report.problems);
    }
}
