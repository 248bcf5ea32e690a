//! Reads a value model back from a workbook written by [`super::export::export_model`] (and
//! possibly edited in Excel since): names, values, formulas, units, owners, notes, ranges,
//! distributions, checks and scenarios.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader};
use serde_json::Value as Json;

use super::export::{HEADER_ROW, MODEL_SHEET, SCENARIO_SHEET};
use crate::formula::{self, Item};
use crate::model::file::{number_from_decimal, value_to_json};
use crate::model::{CellSpec, Entries, Model, ModelError, ModelSpec};
use crate::numeric;
use crate::value::{ErrorKind, Value};

#[derive(Debug, thiserror::Error)]
pub enum ReadModelError {
    #[error("cannot open {path}: {message}")]
    Open { path: String, message: String },
    #[error("{path}: no sheet named '{sheet}' (is this a workbook exported by kachi?)")]
    MissingSheet { path: String, sheet: String },
    #[error("{path}: sheet '{sheet}', row {row}: {message}")]
    Layout {
        path: String,
        sheet: String,
        row: u32,
        message: String,
    },
    /// Refused before reading: a possible zip bomb, or references calamine cannot take.
    #[error(transparent)]
    Refused(#[from] super::guard::GuardError),
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// A cached cell value as kachi's value (numbers through their shortest decimal form).
pub fn value_from_data(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::Int(i) => Value::from(*i),
        Data::Float(f) => decimal_from_f64(*f)
            .map(Value::Number)
            .unwrap_or(Value::Error(ErrorKind::Num)),
        Data::String(s) => Value::text(s),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => decimal_from_f64(dt.as_f64())
            .map(Value::Number)
            .unwrap_or(Value::Error(ErrorKind::Num)),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::text(s),
        Data::Error(e) => Value::Error(error_kind(e)),
    }
}

fn error_kind(e: &calamine::CellErrorType) -> ErrorKind {
    use calamine::CellErrorType as C;
    match e {
        C::Div0 => ErrorKind::Div0,
        C::NA => ErrorKind::NA,
        C::Name => ErrorKind::Name,
        C::Null => ErrorKind::Null,
        C::Num => ErrorKind::Num,
        C::Ref => ErrorKind::Ref,
        C::Value => ErrorKind::Value,
        C::GettingData => ErrorKind::GettingData,
    }
}

/// The decimal a double denotes at its shortest round-trip form (7.5 -> 7.5, 0.1 -> 0.1).
pub fn decimal_from_f64(f: f64) -> Option<rust_decimal::Decimal> {
    if !f.is_finite() {
        return None;
    }
    let text = format!("{f}");
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let d = numeric::parse_decimal_literal(digits).or_else(|| numeric::from_f64(f.abs()).ok())?;
    Some(if negative { -d } else { d })
}

fn text_at(range: &Range<Data>, row: u32, col: u32) -> Option<String> {
    match range.get_value((row, col))? {
        Data::String(s) if !s.is_empty() => Some(s.clone()),
        Data::Empty => None,
        other => Some(other.to_string()),
    }
}

fn formula_at(formulas: &Range<String>, row: u32, col: u32) -> Option<String> {
    formulas
        .get_value((row, col))
        .filter(|f| !f.is_empty())
        .map(|f| format!("={f}"))
}

/// Reads an exported value model.
pub fn read_model(path: &Path) -> Result<Model, ReadModelError> {
    let label = path.display().to_string();
    super::guard::check(path)?;
    let mut book = open_workbook_auto(path).map_err(|e| ReadModelError::Open {
        path: label.clone(),
        message: e.to_string(),
    })?;
    let sheet_error = |sheet: &str| ReadModelError::MissingSheet {
        path: label.clone(),
        sheet: sheet.to_string(),
    };
    let values = book
        .worksheet_range(MODEL_SHEET)
        .map_err(|_| sheet_error(MODEL_SHEET))?;
    let formulas = book
        .worksheet_formula(MODEL_SHEET)
        .map_err(|_| sheet_error(MODEL_SHEET))?;
    let mut spec = ModelSpec {
        name: text_at(&values, 0, 0).unwrap_or_default(),
        statement: text_at(&values, 1, 0).unwrap_or_default(),
        ..ModelSpec::default()
    };
    if text_at(&values, HEADER_ROW, 0).as_deref() != Some("Name") {
        return Err(ReadModelError::Layout {
            path: label,
            sheet: MODEL_SHEET.into(),
            row: HEADER_ROW + 1,
            message: "expected the header 'Name | Value | Unit | Owner | Note | Formula'".into(),
        });
    }
    let mut row = HEADER_ROW + 1;
    let mut inputs: Vec<bool> = Vec::new();
    while let Some(name) = text_at(&values, row, 0) {
        let layout = |message: String| ReadModelError::Layout {
            path: label.clone(),
            sheet: MODEL_SHEET.into(),
            row: row + 1,
            message,
        };
        let mut cell = CellSpec::default();
        match formula_at(&formulas, row, 1) {
            Some(live) => {
                // The Formula column keeps the text as written; fall back to the live formula.
                cell.formula = Some(text_at(&values, row, 5).unwrap_or(live));
                inputs.push(false);
            }
            None => {
                let v = values
                    .get_value((row, 1))
                    .map(value_from_data)
                    .unwrap_or_default();
                cell.value = Some(value_to_json(&v));
                inputs.push(true);
            }
        }
        cell.unit = text_at(&values, row, 2);
        cell.owner = text_at(&values, row, 3);
        cell.note = text_at(&values, row, 4);
        for (col, slot) in [(6u32, &mut cell.low), (7, &mut cell.high)] {
            if let Some(Value::Number(n)) = values.get_value((row, col)).map(value_from_data) {
                *slot = Some(number_from_decimal(n));
            }
        }
        if let Some(text) = text_at(&values, row, 8) {
            cell.distribution = Some(
                serde_json::from_str(&text)
                    .map_err(|e| layout(format!("distribution '{text}': {e}")))?,
            );
        }
        if let Some(Data::Bool(true)) = values.get_value((row, 9)) {
            cell.check = Some(true);
        }
        spec.cells.0.push((name, cell));
        row += 1;
    }
    if let (Ok(sv), Ok(sf)) = (
        book.worksheet_range(SCENARIO_SHEET),
        book.worksheet_formula(SCENARIO_SHEET),
    ) {
        spec.scenarios = read_scenarios(&sv, &sf, &spec, &inputs);
    }
    Ok(Model::from_spec(&spec, &label)?)
}

/// Scenario overrides: parameter cells of a scenario column that are not the plain reference
/// to the base column.
fn read_scenarios(
    values: &Range<Data>,
    formulas: &Range<String>,
    spec: &ModelSpec,
    inputs: &[bool],
) -> Entries<Entries<Json>> {
    let first = HEADER_ROW + 1;
    // Row of each cell name on the Scenarios sheet.
    let mut rows: Vec<(String, u32)> = Vec::new();
    let mut r = first;
    while let Some(name) = text_at(values, r, 0) {
        rows.push((name, r));
        r += 1;
    }
    let is_input = |name: &str| {
        spec.cells
            .0
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name))
            .and_then(|i| inputs.get(i).copied())
            .unwrap_or(false)
    };
    let by_row: std::collections::HashMap<u32, String> =
        rows.iter().map(|(n, r)| (*r, n.clone())).collect();
    let mut scenarios = Vec::new();
    let mut col = 3u32;
    while let Some(scenario) = text_at(values, HEADER_ROW, col) {
        let mut overrides = Vec::new();
        for (name, row) in rows.iter().filter(|(n, _)| is_input(n)) {
            let inherited = format!("$C${}", row + 1);
            match formulas.get_value((*row, col)).filter(|f| !f.is_empty()) {
                Some(f) if f.replace(' ', "") == inherited => {}
                Some(f) => overrides.push((
                    name.clone(),
                    Json::String(formula_from_column(&format!("={f}"), &by_row)),
                )),
                None => {
                    let v = values
                        .get_value((*row, col))
                        .map(value_from_data)
                        .unwrap_or_default();
                    overrides.push((name.clone(), value_to_json(&v)));
                }
            }
        }
        scenarios.push((scenario, Entries(overrides)));
        col += 1;
    }
    Entries(scenarios)
}

/// The inverse of `export::formula_in_column`: cell references become the names of their rows.
fn formula_from_column(text: &str, rows: &std::collections::HashMap<u32, String>) -> String {
    let Ok(mut parsed) = formula::parse(text) else {
        return text.to_string();
    };
    for item in parsed.items.iter_mut() {
        if let Item::Cell(c) = item {
            if c.sheet.is_none() {
                if let Some(name) = rows.get(&c.row.index) {
                    *item = Item::Name {
                        sheet: None,
                        name: name.as_str().into(),
                    };
                }
            }
        }
    }
    format!("={}", formula::to_text(&parsed))
}
