//! `kachi eval`, `scenarios`, `owners` and `functions` on value models.

use std::path::Path;

use serde_json::{Map, Value as Json};

use kachi::engine::input_edit;
use kachi::functions::Registry;
use kachi::model::file::value_to_json;
use kachi::model::{CellInput, CheckResult, Model};
use kachi::{CellRef, Edit, Value};

use crate::render;

pub fn load(path: &Path) -> Option<Model> {
    match Model::load(path) {
        Ok(m) => {
            for w in m.warnings() {
                eprintln!("warning: {w}");
            }
            Some(m)
        }
        Err(e) => {
            render::print_load_error(&e);
            None
        }
    }
}

/// `NAME=VALUE` as typed on the command line: `=...` a formula, numbers, TRUE/FALSE, text.
fn parse_set(model: &Model, set: &str) -> Result<(String, CellInput), String> {
    let (name, text) = set
        .split_once('=')
        .ok_or_else(|| format!("--set '{set}': expected NAME=VALUE"))?;
    let name = name.trim();
    let cell = model
        .cell(name)
        .ok_or_else(|| format!("--set '{set}': there is no cell named '{name}'"))?;
    let input = match input_edit(CellRef::name(cell.name.clone()), text) {
        Edit::SetFormula { formula, .. } => CellInput::Formula(formula),
        Edit::SetValue { value, .. } => CellInput::Value(value),
        _ => CellInput::Value(Value::Empty),
    };
    Ok((cell.name.clone(), input))
}

pub fn eval(path: &Path, sets: &[String], json: bool, strict: bool) -> i32 {
    let Some(mut model) = load(path) else {
        return 2;
    };
    let mut overrides = Vec::new();
    for s in sets {
        match parse_set(&model, s) {
            Ok(o) => overrides.push(o),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    }
    for (name, input) in overrides {
        if let Err(e) = model.set(&name, input) {
            render::print_edit_error(&format!("--set {name}"), &e);
            return 2;
        }
    }
    let values = model.values();
    if json {
        let mut out = Map::new();
        for (c, v) in model.cells().iter().zip(&values) {
            out.insert(c.name.clone(), value_to_json(v));
        }
        render::print_json(&Json::Object(out));
    } else {
        if !model.name.is_empty() {
            println!("{}", model.name);
        }
        if !model.statement.is_empty() {
            println!("{}\n", model.statement);
        }
        let mut t = render::table(
            ["name", "value", "unit", "owner", "formula"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        );
        for (c, v) in model.cells().iter().zip(&values) {
            t.add_row(vec![
                c.name.clone(),
                render::value(v),
                c.unit.clone().unwrap_or_default(),
                c.owner.clone().unwrap_or_default(),
                c.formula().unwrap_or("").to_string(),
            ]);
        }
        render::align_right(&mut t, &[1]);
        println!("{t}");
    }
    report_checks(&mut model, json, strict)
}

/// Prints each check as pass/fail per scenario; returns the exit code.
fn report_checks(model: &mut Model, json: bool, strict: bool) -> i32 {
    if !model.cells().iter().any(|c| c.check) {
        return 0;
    }
    let results: Vec<CheckResult> = match model.check_results() {
        Ok(r) => r,
        Err(e) => {
            render::print_edit_error("checks", &e);
            return 2;
        }
    };
    let failed = results.iter().filter(|r| !r.passed).count();
    if !json {
        println!("\nchecks:");
        for r in &results {
            let mark = if r.passed { "pass" } else { "FAIL" };
            println!(
                "  {mark}  {} [{}] = {}",
                r.cell,
                r.scenario,
                render::value(&r.value)
            );
        }
    } else if failed > 0 {
        for r in results.iter().filter(|r| !r.passed) {
            eprintln!("check failed: {} in scenario '{}'", r.cell, r.scenario);
        }
    }
    if strict && failed > 0 {
        eprintln!("{failed} check(s) failed");
        1
    } else {
        0
    }
}

pub fn scenarios(path: &Path, json: bool, strict: bool) -> i32 {
    let Some(mut model) = load(path) else {
        return 2;
    };
    let table = match model.scenario_table() {
        Ok(t) => t,
        Err(e) => {
            render::print_edit_error("scenarios", &e);
            return 2;
        }
    };
    if json {
        let mut out = Map::new();
        for (c, column) in table.columns.iter().enumerate() {
            let mut cells = Map::new();
            for (r, name) in table.rows.iter().enumerate() {
                let v = table
                    .values
                    .get(r)
                    .and_then(|row| row.get(c))
                    .cloned()
                    .unwrap_or_default();
                cells.insert(name.clone(), value_to_json(&v));
            }
            out.insert(column.clone(), Json::Object(cells));
        }
        render::print_json(&Json::Object(out));
    } else {
        if !model.name.is_empty() {
            println!("{}\n", model.name);
        }
        let mut header = vec!["cell".to_string(), "unit".to_string()];
        header.extend(table.columns.iter().cloned());
        let mut t = render::table(header);
        for (r, cell) in model.cells().iter().enumerate() {
            let Some(row) = table.values.get(r) else {
                continue;
            };
            let base = row.first().cloned().unwrap_or_default();
            let mut line = vec![cell.name.clone(), cell.unit.clone().unwrap_or_default()];
            for (c, v) in row.iter().enumerate() {
                let mut text = render::value(v);
                if c > 0 && !cell.is_input() {
                    if let Some(d) = render::difference(&base, v) {
                        text = format!("{text} ({d})");
                    }
                }
                line.push(text);
            }
            t.add_row(line);
        }
        let numeric_cols: Vec<usize> = (2..2 + table.columns.len()).collect();
        render::align_right(&mut t, &numeric_cols);
        println!("{t}");
    }
    report_checks(&mut model, json, strict)
}

pub fn owners(path: &Path, json: bool) -> i32 {
    let Some(model) = load(path) else {
        return 2;
    };
    let groups = model.owners();
    if json {
        let list: Vec<Json> = groups
            .iter()
            .map(|g| {
                serde_json::json!({
                    "owner": g.owner,
                    "parameters": g.parameters,
                    "influences": g.influences,
                })
            })
            .collect();
        render::print_json(&Json::Array(list));
        return 0;
    }
    let mut t = render::table(vec![
        "owner".into(),
        "parameters".into(),
        "influences".into(),
    ]);
    for g in &groups {
        let params: Vec<String> = g
            .parameters
            .iter()
            .map(|p| {
                let v = model
                    .value(p)
                    .map(|v| render::value(&v))
                    .unwrap_or_default();
                let unit = model
                    .cell(p)
                    .and_then(|c| c.unit.clone())
                    .unwrap_or_default();
                format!("{p} = {v} {unit}").trim_end().to_string()
            })
            .collect();
        t.add_row(vec![
            g.owner.clone().unwrap_or_else(|| "(no owner)".into()),
            params.join("\n"),
            g.influences.join("\n"),
        ]);
    }
    println!("{t}");
    0
}

pub fn functions(json: bool) -> i32 {
    let registry = Registry::global();
    let all = registry.all();
    if json {
        let list: Vec<Json> = all
            .iter()
            .map(|(cat, def)| serde_json::json!({"name": def.name, "category": cat.name(), "signature": def.signature()}))
            .collect();
        render::print_json(&Json::Array(list));
        return 0;
    }
    let mut t = render::table(vec!["category".into(), "function".into()]);
    for (cat, def) in &all {
        t.add_row(vec![cat.name().to_string(), def.signature()]);
    }
    println!("{t}");
    println!("{} functions", all.len());
    0
}
