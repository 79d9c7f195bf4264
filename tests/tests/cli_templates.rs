//! `baton templates`: the list, human and JSON.

use baton_tests::Sandbox;

#[test]
fn templates_json_lists_the_four_templates_of_the_core() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["templates", "--json"]);
    let listed = run.ok().json();
    let keys: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = baton_core::templates::template_list()
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert_eq!(keys, expected);
    assert_eq!(keys.len(), 4);
    for template in listed.as_array().unwrap() {
        assert!(!template["name"].as_str().unwrap().is_empty());
        assert!(!template["description"].as_str().unwrap().is_empty());
    }
}
