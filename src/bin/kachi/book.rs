//! `kachi eval BOOK.xlsx` and `kachi check BOOK.xlsx`: Excel workbooks on the command line.
//!
//! Called by `main.rs`; each function prints its output and returns the exit code:
//!
//! - [`eval_book`]`(path, sets, json, now)`: `kachi eval BOOK.xlsx [--set 'Sheet1!B2=10'...]
//!   [--json] [--now saved|SERIAL|DATE-TIME]`. Without `--set`: every non-empty cell and its
//!   computed value (`--json`: one object `{"Sheet!A1": value}`, the shape of the corpus oracle
//!   files). With `--set`: applies the edits in one batch and prints the cells that changed, old
//!   and new value. `--now` fixes the time NOW() and TODAY() see (default: the clock).
//! - [`check_book`]`(path, json)`: `kachi check BOOK.xlsx [--json]`: compares every formula cell
//!   with the value Excel saved, NOW() and TODAY() as of the time the file was saved; exit 0
//!   only when every supported cell matches.
//!
//! Exit codes: 0 success, 1 a check found mismatches, 2 the file or an argument is bad.
//! Import warnings go to stderr, so `--json` output on stdout stays machine-readable.

use std::path::Path;

use rustc_hash::FxHashMap;
use serde_json::{json, Map, Value as Json};

use kachi::engine::input_edit;
use kachi::model::file::value_to_json;
use kachi::xlsx::{self, CheckReport, Clock, ImportOptions, ImportReport, ImportedBook};
use kachi::{CellId, CellRef, Value};

use crate::render;

/// `kachi eval BOOK.xlsx [--set CELL=VALUE]... [--json] [--now saved|SERIAL|DATE-TIME]`.
pub fn eval_book(path: &Path, sets: &[String], json: bool, now: Option<&str>) -> i32 {
    let clock = match now.map(Clock::parse).transpose() {
        Ok(clock) => clock.unwrap_or_default(),
        Err(e) => {
            eprintln!("error: --now {e}");
            return 2;
        }
    };
    let Some(mut book) = load(path, clock) else {
        return 2;
    };
    if clock != Clock::System {
        eprintln!("note: {}", clock_line(&book));
    }
    if sets.is_empty() {
        print_cells(&book, json);
        return 0;
    }
    let mut edits = Vec::with_capacity(sets.len());
    for set in sets {
        match parse_set(set) {
            Ok((target, input)) => edits.push(input_edit(target, &input)),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    }
    let before = snapshot(&book);
    let recalc = match book.workbook.apply(edits) {
        Ok(r) => r,
        Err(e) => {
            render::print_edit_error("--set", &e);
            return 2;
        }
    };
    let changed: Vec<(String, Value, Value)> = recalc
        .changed
        .iter()
        .filter(|id| book.workbook.is_cell(**id))
        .map(|id| {
            let old = before.get(id).cloned().unwrap_or_default();
            let new = book.workbook.value_of(*id).clone();
            (plain_label(&book, *id), old, new)
        })
        .collect();
    print_changes(&changed, json);
    0
}

/// `kachi check BOOK.xlsx [--json]`.
pub fn check_book(path: &Path, json: bool) -> i32 {
    let Some(book) = load(path, Clock::Saved) else {
        return 2;
    };
    let report = xlsx::check(&book);
    if json {
        let mut out = check_json(&book.report, &report);
        if let Some(object) = out.as_object_mut() {
            object.insert("clock".to_string(), json!(clock_line(&book)));
        }
        render::print_json(&out);
    } else {
        print_check(&book.report, &report);
        println!("{}", clock_line(&book));
    }
    if report.passed() {
        0
    } else {
        1
    }
}

/// What NOW() and TODAY() saw, in one line.
fn clock_line(book: &ImportedBook) -> String {
    let when = |serial| xlsx::format_date_time(serial).unwrap_or_else(|| serial.to_string());
    match book.now {
        Some(now) if book.clock_is_saved_time() => format!(
            "NOW() and TODAY() as of the file's save time, {} UTC (docProps/core.xml); TODAY() \
             cells are compared, NOW() cells are not",
            when(now)
        ),
        Some(now) => format!("NOW() and TODAY() as of {}", when(now)),
        None => "NOW() and TODAY() use the computer's clock (the file does not say when it was \
                 saved); their cells are not compared"
            .to_string(),
    }
}

/// Imports the workbook, printing the error (and returning None) when it cannot be read, and
/// the import's warnings on stderr.
fn load(path: &Path, clock: Clock) -> Option<ImportedBook> {
    let options = ImportOptions {
        clock,
        ..ImportOptions::default()
    };
    match xlsx::import_with_options(path, &options) {
        Ok(book) => {
            for line in import_warnings(&book.report) {
                eprintln!("warning: {line}");
            }
            Some(book)
        }
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

/// `'Sheet 1'!B2=10`, `Sheet1!B2==A1*2`, `Rate=0.1`: the target, then the input after the
/// first `=` that is not inside a quoted sheet name.
fn parse_set(set: &str) -> Result<(CellRef, String), String> {
    let split_at = if set.starts_with('\'') {
        let close = closing_quote(set)
            .ok_or_else(|| format!("--set '{set}': the quoted sheet name has no closing quote"))?;
        set.get(close..)
            .and_then(|rest| rest.find('='))
            .map(|i| i + close)
    } else {
        set.find('=')
    };
    let at = split_at.ok_or_else(|| format!("--set '{set}': expected CELL=VALUE"))?;
    let (target, input) = (set.get(..at).unwrap_or(""), set.get(at + 1..).unwrap_or(""));
    let target = CellRef::parse(target).map_err(|e| format!("--set '{set}': {e}"))?;
    Ok((target, input.to_string()))
}

/// Byte index just past the quote closing a leading `'...'` (doubled quotes are escapes).
fn closing_quote(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().map(|(_, c)| *c) == Some('\'') {
                chars.next();
                continue;
            }
            return Some(i + 1);
        }
    }
    None
}

/// The value of every grid cell and name before an edit.
fn snapshot(book: &ImportedBook) -> FxHashMap<CellId, Value> {
    let wb = &book.workbook;
    let mut values: FxHashMap<CellId, Value> = wb
        .grid_cells()
        .into_iter()
        .map(|(_, _, id)| (id, wb.value_of(id).clone()))
        .collect();
    for (_, id) in wb.defined_names() {
        values.insert(id, wb.value_of(id).clone());
    }
    values
}

fn plain_label(book: &ImportedBook, id: CellId) -> String {
    match book.workbook.cell_ref(id) {
        Some(CellRef::Grid { sheet, pos }) => format!("{sheet}!{pos}"),
        Some(CellRef::Name {
            name,
            sheet: Some(sheet),
        }) => format!("{sheet}!{name}"),
        Some(CellRef::Name { name, sheet: None }) => name,
        None => String::new(),
    }
}

// ------------------------------------------------------------------------------- output

fn print_cells(book: &ImportedBook, json: bool) {
    let wb = &book.workbook;
    let names = wb.sheet_names();
    let cells = wb.grid_cells();
    if json {
        let mut out = Map::new();
        for (sheet, pos, id) in &cells {
            let sheet = names.get(sheet.0 as usize).copied().unwrap_or("");
            out.insert(format!("{sheet}!{pos}"), value_to_json(wb.value_of(*id)));
        }
        render::print_json(&Json::Object(out));
        return;
    }
    let mut t = render::table(vec!["cell".into(), "value".into(), "formula".into()]);
    for (sheet, pos, id) in &cells {
        let sheet = names.get(sheet.0 as usize).copied().unwrap_or("");
        let formula = wb
            .formula(&CellRef::Grid {
                sheet: sheet.to_string(),
                pos: *pos,
            })
            .unwrap_or_default();
        t.add_row(vec![
            format!("{sheet}!{pos}"),
            render::value(wb.value_of(*id)),
            formula,
        ]);
    }
    render::align_right(&mut t, &[1]);
    println!("{t}");
}

fn print_changes(changed: &[(String, Value, Value)], json: bool) {
    if json {
        let list: Vec<Json> = changed
            .iter()
            .map(|(cell, old, new)| {
                json!({"cell": cell, "old": value_to_json(old), "new": value_to_json(new)})
            })
            .collect();
        render::print_json(&json!({ "changed": list }));
        return;
    }
    if changed.is_empty() {
        println!("no cell changed");
        return;
    }
    let mut t = render::table(vec!["cell".into(), "old".into(), "new".into()]);
    for (cell, old, new) in changed {
        t.add_row(vec![cell.clone(), render::value(old), render::value(new)]);
    }
    render::align_right(&mut t, &[1, 2]);
    println!("{t}");
}

fn print_check(import: &ImportReport, r: &CheckReport) {
    println!("{}", import.path);
    println!("  formula cells        {:>8}", r.formula_cells);
    println!("  matched              {:>8}", r.matched);
    println!("  mismatched           {:>8}", r.mismatched);
    println!(
        "  mismatched downstream{:>8}  (they read a cell that was not compared)",
        r.mismatched_downstream
    );
    println!("  within 1e-6 only     {:>8}", r.close_only);
    println!("  not supported        {:>8}", r.not_supported);
    println!("  volatile             {:>8}", r.volatile);
    println!("  no saved value       {:>8}", r.no_cached_value);
    if !r.mismatches.is_empty() {
        let mut t = render::table(vec![
            "cell".into(),
            "formula".into(),
            "Excel".into(),
            "kachi".into(),
            "note".into(),
        ]);
        for m in &r.mismatches {
            let note = match (m.close, m.downstream_of_not_compared) {
                (_, true) => "reads a cell not compared",
                (true, false) => "within 1e-6",
                _ => "",
            };
            t.add_row(vec![
                m.cell.clone(),
                m.formula.clone(),
                m.excel.display(),
                m.kachi.display(),
                note.to_string(),
            ]);
        }
        println!("{t}");
    }
    if !r.mismatches_by_function.is_empty() {
        let list: Vec<String> = r
            .mismatches_by_function
            .iter()
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        println!("mismatches per function: {}", list.join(", "));
    }
    println!(
        "{}: {} of {} compared cells match",
        if r.passed() { "PASS" } else { "FAIL" },
        r.matched,
        r.matched + r.mismatched + r.mismatched_downstream
    );
}

fn check_json(import: &ImportReport, r: &CheckReport) -> Json {
    let mismatches: Vec<Json> = r
        .mismatches
        .iter()
        .map(|m| {
            json!({
                "cell": m.cell,
                "formula": m.formula,
                "excel": value_to_json(&m.excel),
                "kachi": value_to_json(&m.kachi),
                "within_1e-6": m.close,
                "reads_cell_not_compared": m.downstream_of_not_compared,
            })
        })
        .collect();
    json!({
        "file": import.path,
        "formula_cells": r.formula_cells,
        "matched": r.matched,
        "mismatched": r.mismatched,
        "mismatched_downstream": r.mismatched_downstream,
        "within_1e-6_only": r.close_only,
        "not_supported": r.not_supported,
        "volatile": r.volatile,
        "no_cached_value": r.no_cached_value,
        "passed": r.passed(),
        "mismatches": mismatches,
        "mismatches_by_function": r.mismatches_by_function.iter().map(|(f, n)| json!({"function": f, "cells": n})).collect::<Vec<_>>(),
        "unsupported_functions": import.unsupported_functions.iter().map(|f| json!({"function": f.name, "cells": f.cells})).collect::<Vec<_>>(),
        "rejected_formulas": import.rejected.iter().map(|r| json!({"target": r.target, "formula": r.formula, "message": r.message})).collect::<Vec<_>>(),
    })
}

/// One line per thing the import could not represent faithfully.
fn import_warnings(r: &ImportReport) -> Vec<String> {
    let mut out = Vec::new();
    for rejected in &r.rejected {
        out.push(format!(
            "{}: formula {} could not be parsed ({}); it holds #NAME?",
            rejected.target, rejected.formula, rejected.message
        ));
    }
    for f in &r.unsupported_functions {
        out.push(format!(
            "function {} is not supported by kachi ({} cell(s): {})",
            f.name,
            f.cells.len(),
            abbreviate(&f.cells)
        ));
    }
    if !r.undefined_names.is_empty() {
        out.push(format!(
            "names used but not defined (#NAME?): {}",
            abbreviate(&r.undefined_names)
        ));
    }
    if !r.external_links.is_empty() {
        out.push(format!(
            "links to other workbooks (#REF! here): {}",
            abbreviate(&r.external_links)
        ));
    }
    if r.has_macros {
        out.push("the workbook contains macros (VBA); they are not run".to_string());
    }
    if !r.data_tables.is_empty() {
        out.push(format!(
            "what-if data tables keep Excel's saved values (not recomputed): {}",
            abbreviate(&r.data_tables)
        ));
    }
    if !r.unreadable_values.is_empty() {
        out.push(format!(
            "saved values that could not be read: {}",
            abbreviate(&r.unreadable_values)
        ));
    }
    if !r.unresolved_table_references.is_empty() {
        out.push(format!(
            "table references that could not be resolved (#NAME?): {}",
            abbreviate(&r.unresolved_table_references)
        ));
    }
    if r.cycles > 0 {
        out.push(format!(
            "{} circular reference(s): their cells hold #CIRC!",
            r.cycles
        ));
    }
    out.extend(r.notes.iter().cloned());
    out
}

/// The first few items and how many more.
fn abbreviate(items: &[String]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<&str> = items.iter().take(SHOWN).map(String::as_str).collect();
    match items.len().saturating_sub(SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_set_arguments_after_the_target() {
        let (t, v) = parse_set("Sheet1!B2=10").unwrap_or((CellRef::name("x"), String::new()));
        assert_eq!(t, CellRef::parse("Sheet1!B2").unwrap_or(CellRef::name("y")));
        assert_eq!(v, "10");
        let (t, v) =
            parse_set("'a=b sheet'!C3==A1*2").unwrap_or((CellRef::name("x"), String::new()));
        assert_eq!(t.to_string(), "'a=b sheet'!C3");
        assert_eq!(v, "=A1*2");
        assert!(parse_set("Sheet1!B2").is_err());
        assert!(parse_set("'unclosed!B2=1").is_err());
    }
}
