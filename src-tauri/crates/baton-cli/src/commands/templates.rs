//! `baton templates`: the journey templates `baton new --template` offers.

use baton_core::templates::template_list;

use crate::error::CliError;
use crate::output;

/// List the journey templates.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON: [{"key", "name", "description"}].
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let templates = template_list();
    if args.json {
        return output::json(&templates);
    }
    let width = templates.iter().map(|t| t.key.len()).max().unwrap_or(0);
    let mut text = String::new();
    for template in &templates {
        text.push_str(&format!("{:width$}  {}\n", template.key, template.name));
        for line in wrap(&template.description, 72) {
            text.push_str(&format!("{:width$}  {line}\n", ""));
        }
    }
    output::text(&text)
}

/// Splits `text` into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
