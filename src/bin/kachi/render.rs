//! Terminal rendering shared by the commands: numbers for people, values as JSON, errors with
//! a caret under the offending character.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;

use kachi::engine::EditError;
use kachi::formula::ParseError;
use kachi::model::{LoadError, ModelError, ModelProblem};
use kachi::numeric;
use kachi::Value;

/// A number as a person reads it: thousands separators, at most 4 decimals (tiny numbers in
/// Excel's General format).
pub fn number(d: Decimal) -> String {
    let abs = d.abs();
    if !abs.is_zero() && abs < Decimal::new(1, 4) {
        return numeric::format_general(d);
    }
    numeric::format_thousands(d, 4)
}

pub fn value(v: &Value) -> String {
    match v {
        Value::Number(n) => number(*n),
        other => other.display(),
    }
}

/// `+72,000` / `-12.5` / `0`: a difference from the base.
pub fn difference(base: &Value, other: &Value) -> Option<String> {
    let (Value::Number(a), Value::Number(b)) = (base, other) else {
        return None;
    };
    let diff = b.checked_sub(*a)?;
    if diff.is_zero() {
        return Some("±0".to_string());
    }
    let sign = if diff.is_sign_positive() { "+" } else { "" };
    Some(format!("{sign}{}", number(diff)))
}

pub fn table(header: Vec<String>) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    t
}

/// Right-aligns the given columns (numbers).
pub fn align_right(t: &mut Table, columns: &[usize]) {
    for &c in columns {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// The formula and a caret under the character the parser stopped at.
pub fn caret(e: &ParseError, indent: &str) -> String {
    let line = e.formula.replace(['\n', '\r', '\t'], " ");
    format!("{indent}{line}\n{indent}{}^", " ".repeat(e.position))
}

pub fn print_model_error(e: &ModelError) {
    eprintln!(
        "error: {}: {} problem{}",
        e.file,
        e.problems.len(),
        if e.problems.len() == 1 { "" } else { "s" }
    );
    const SHOWN: usize = 50;
    for p in e.problems.iter().take(SHOWN) {
        eprintln!("  - {p}");
        match p {
            ModelProblem::Formula { error, .. } => eprintln!("{}", caret(error, "      ")),
            ModelProblem::Json { .. } => {}
            _ => {}
        }
    }
    if e.problems.len() > SHOWN {
        eprintln!("  … and {} more", e.problems.len() - SHOWN);
    }
}

pub fn print_load_error(e: &LoadError) {
    match e {
        LoadError::Model(m) => print_model_error(m),
        other => eprintln!("error: {other}"),
    }
}

pub fn print_edit_error(context: &str, e: &EditError) {
    eprintln!("error: {context}");
    for p in e.problems() {
        eprintln!("  - {p}");
        if let EditError::Parse { error, .. } = p {
            eprintln!("{}", caret(error, "      "));
        }
    }
}

/// Writes JSON to stdout (pretty), never failing silently.
pub fn print_json(j: &serde_json::Value) {
    match serde_json::to_string_pretty(j) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("error: cannot write JSON: {e}"),
    }
}
