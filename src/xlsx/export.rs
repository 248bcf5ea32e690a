//! Value models and grid workbooks to .xlsx (rust_xlsxwriter), with live formulas, defined
//! names and the values kachi computed as cached results. Files are written atomically.
//!
//! Layout of an exported value model (read back by [`super::read_model`]):
//! - sheet "Model": row 1 the model's name, row 2 its statement, row 4 the header
//!   `Name | Value | Unit | Owner | Note | Formula | Low | High | Distribution | Check`, then one
//!   row per cell. Every cell is a defined name pointing at its Value cell, and every formula is a
//!   live formula over those names. The Formula column keeps the formula text as written.
//! - sheet "Scenarios": `Cell | Unit | base | scenario…`, parameter rows then output rows; each
//!   column computes its outputs from its own parameter cells.
//! - sheet "Owners": each owner, the parameters they control and the outputs those influence.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, Format, FormatBorder, Formula, Workbook as XlsxBook, Worksheet, XlsxError,
};

use crate::engine::{CellRef, Workbook};
use crate::formula::{self, CellReference, Coord, Item};
use crate::model::file::distribution_to_json;
use crate::model::{CellInput, Model, ScenarioTable};
use crate::numeric;
use crate::value::Value;

pub const MODEL_SHEET: &str = "Model";
pub const SCENARIO_SHEET: &str = "Scenarios";
pub const OWNER_SHEET: &str = "Owners";
/// Zero-based row of the header on the Model and Scenarios sheets.
pub const HEADER_ROW: u32 = 3;
pub const MODEL_COLUMNS: [&str; 10] = [
    "Name",
    "Value",
    "Unit",
    "Owner",
    "Note",
    "Formula",
    "Low",
    "High",
    "Distribution",
    "Check",
];

/// Models with more cells than this are written in rust_xlsxwriter's constant-memory mode.
const CONSTANT_MEMORY_CELLS: usize = 5_000;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot export: {count} cell name(s) are not valid Excel names: {names}")]
    InvalidNames { count: usize, names: String },
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot compute the scenarios: {0}")]
    Scenario(String),
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub sheets: Vec<String>,
    pub cells: usize,
    pub formulas: usize,
    pub defined_names: usize,
}

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    input_text: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header,
            text: Format::new(),
            input_text: Format::new().set_background_color(Color::RGB(0xFFF2CC)),
        }
    }

    /// The format of a value cell: inputs shaded, outputs bold, numbers formatted by unit.
    fn value_format(unit: Option<&str>, value: &Value, is_input: bool) -> Format {
        let mut f = Format::new().set_num_format(number_format(unit, value));
        if is_input {
            f = f.set_background_color(Color::RGB(0xFFF2CC));
        } else {
            f = f.set_bold();
        }
        f
    }
}

/// Excel number format for a unit: currency, percentage, or thousands separators.
pub fn number_format(unit: Option<&str>, value: &Value) -> String {
    let unit = unit.unwrap_or("").trim().to_lowercase();
    let integral = matches!(value, Value::Number(n) if n.fract().is_zero());
    let decimals = if integral { "" } else { ".00" };
    if unit.starts_with("yen")
        || unit.starts_with('円')
        || unit.starts_with("jpy")
        || unit.starts_with('¥')
    {
        return format!("\"¥\"#,##0{decimals}");
    }
    if unit.starts_with('$') || unit.starts_with("usd") || unit.starts_with("dollar") {
        return "\"$\"#,##0.00".to_string();
    }
    if unit.starts_with('€') || unit.starts_with("eur") {
        return "\"€\"#,##0.00".to_string();
    }
    if unit == "%" || unit == "share" || unit == "percent" || unit == "ratio" || unit == "rate" {
        return "0.0%".to_string();
    }
    if integral {
        "#,##0".to_string()
    } else {
        "#,##0.00##".to_string()
    }
}

fn xlsx_err(path: &Path, e: XlsxError) -> ExportError {
    ExportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The cached result text rust_xlsxwriter stores with a formula.
fn result_text(v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Number(n) => numeric::to_plain_string(*n),
        Value::Text(t) => t.to_string(),
        Value::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Value::Error(e) => e.as_str().to_string(),
    }
}

/// A formula in canonical Excel text (upper-case function names, so `_xlfn.` prefixes are
/// added where Excel needs them); the text as written if it does not parse.
fn canonical_formula(text: &str) -> String {
    match formula::parse(text) {
        Ok(f) => format!("={}", formula::to_text(&f)),
        Err(_) => text.to_string(),
    }
}

fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Value::Empty => {
            sheet.write_blank(row, col, format)?;
        }
        Value::Number(n) => {
            sheet.write_number_with_format(row, col, numeric::to_f64(*n), format)?;
        }
        Value::Text(t) => {
            sheet.write_string_with_format(row, col, t.as_ref(), format)?;
        }
        Value::Bool(b) => {
            sheet.write_boolean_with_format(row, col, *b, format)?;
        }
        Value::Error(e) => {
            sheet.write_formula_with_format(
                row,
                col,
                Formula::new(format!("={}", e.as_str())).set_result(e.as_str()),
                format,
            )?;
        }
    }
    Ok(())
}

fn write_formula(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    value: &Value,
    format: &Format,
) -> Result<(), XlsxError> {
    let f = Formula::new(canonical_formula(text)).set_result(result_text(value));
    sheet.write_formula_with_format(row, col, f, format)?;
    Ok(())
}

/// Column widths that fit the content (in characters, capped).
struct Widths(Vec<usize>);

impl Widths {
    fn new(cols: usize) -> Widths {
        Widths(vec![8; cols])
    }
    fn fit(&mut self, col: usize, text: &str) {
        let len = text.lines().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max(len.min(60));
        }
    }
    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, w) in self.0.iter().enumerate() {
            sheet.set_column_width(c as u16, *w as f64)?;
        }
        Ok(())
    }
}

/// Checks every cell name against Excel's rules before anything is written.
fn check_names(model: &Model) -> Result<(), ExportError> {
    let mut probe = XlsxBook::new();
    let _ = probe.add_worksheet().set_name(MODEL_SHEET);
    let bad: Vec<String> = model
        .cells()
        .iter()
        .filter(|c| probe.define_name(c.name.as_str(), "=Model!$B$5").is_err())
        .map(|c| c.name.clone())
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(ExportError::InvalidNames {
            count: bad.len(),
            names: bad.join(", "),
        })
    }
}

/// Exports a value model to `path` (atomically).
pub fn export_model(model: &mut Model, path: &Path) -> Result<ExportSummary, ExportError> {
    check_names(model)?;
    let table = model
        .scenario_table()
        .map_err(|e| ExportError::Scenario(e.to_string()))?;
    let constant_memory = model.cells().len() > CONSTANT_MEMORY_CELLS;
    let mut book = XlsxBook::new();
    let mut summary = ExportSummary {
        sheets: vec![
            MODEL_SHEET.into(),
            SCENARIO_SHEET.into(),
            OWNER_SHEET.into(),
        ],
        cells: model.cells().len(),
        formulas: 0,
        defined_names: 0,
    };
    let formats = Formats::new();
    {
        let sheet = if constant_memory {
            book.add_worksheet_with_constant_memory()
                .map_err(|e| xlsx_err(path, e))?
        } else {
            book.add_worksheet()
        };
        sheet.set_name(MODEL_SHEET).map_err(|e| xlsx_err(path, e))?;
        summary.formulas =
            write_model_sheet(sheet, model, &table, &formats).map_err(|e| xlsx_err(path, e))?;
    }
    for (i, c) in model.cells().iter().enumerate() {
        let row = HEADER_ROW + 2 + i as u32;
        book.define_name(c.name.as_str(), &format!("={MODEL_SHEET}!$B${row}"))
            .map_err(|e| xlsx_err(path, e))?;
        summary.defined_names += 1;
    }
    {
        let sheet = if constant_memory {
            book.add_worksheet_with_constant_memory()
                .map_err(|e| xlsx_err(path, e))?
        } else {
            book.add_worksheet()
        };
        sheet
            .set_name(SCENARIO_SHEET)
            .map_err(|e| xlsx_err(path, e))?;
        write_scenario_sheet(sheet, model, &table, &formats).map_err(|e| xlsx_err(path, e))?;
    }
    {
        let sheet = book.add_worksheet();
        sheet.set_name(OWNER_SHEET).map_err(|e| xlsx_err(path, e))?;
        write_owner_sheet(sheet, model, &formats).map_err(|e| xlsx_err(path, e))?;
    }
    save_atomically(&mut book, path)?;
    Ok(summary)
}

fn write_model_sheet(
    sheet: &mut Worksheet,
    model: &Model,
    table: &ScenarioTable,
    f: &Formats,
) -> Result<usize, XlsxError> {
    let mut widths = Widths::new(MODEL_COLUMNS.len());
    let base: Vec<Value> = table
        .values
        .iter()
        .map(|row| row.first().cloned().unwrap_or_default())
        .collect();
    for (i, c) in model.cells().iter().enumerate() {
        widths.fit(0, &c.name);
        widths.fit(
            1,
            &crate::numeric::format_thousands(
                base.get(i).and_then(Value::as_number).unwrap_or_default(),
                2,
            ),
        );
        widths.fit(2, c.unit.as_deref().unwrap_or(""));
        widths.fit(3, c.owner.as_deref().unwrap_or(""));
        widths.fit(4, c.note.as_deref().unwrap_or(""));
        widths.fit(5, c.formula().unwrap_or(""));
    }
    for (i, h) in MODEL_COLUMNS.iter().enumerate() {
        widths.fit(i, h);
    }
    widths.apply(sheet)?;
    sheet.write_string_with_format(0, 0, model.name.as_str(), &f.title)?;
    sheet.write_string(1, 0, model.statement.as_str())?;
    for (i, h) in MODEL_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, i as u16, *h, &f.header)?;
    }
    let mut formulas = 0;
    let first = HEADER_ROW + 1;
    for (i, c) in model.cells().iter().enumerate() {
        let row = first + i as u32;
        let value = base.get(i).cloned().unwrap_or_default();
        sheet.write_string(row, 0, c.name.as_str())?;
        let vf = Formats::value_format(c.unit.as_deref(), &value, c.is_input());
        match &c.input {
            CellInput::Value(v) => write_value(
                sheet,
                row,
                1,
                v,
                if matches!(v, Value::Text(_)) {
                    &f.input_text
                } else {
                    &vf
                },
            )?,
            CellInput::Formula(text) => {
                write_formula(sheet, row, 1, text, &value, &vf)?;
                formulas += 1;
            }
        }
        for (col, field) in [(2u16, &c.unit), (3, &c.owner), (4, &c.note)] {
            if let Some(s) = field {
                sheet.write_string_with_format(row, col, s.as_str(), &f.text)?;
            }
        }
        if let Some(text) = c.formula() {
            sheet.write_string(row, 5, text)?;
        }
        if let Some(low) = c.low {
            sheet.write_number(row, 6, numeric::to_f64(low))?;
        }
        if let Some(high) = c.high {
            sheet.write_number(row, 7, numeric::to_f64(high))?;
        }
        if let Some(d) = &c.distribution {
            let spec = crate::model::distribution_to_spec(d);
            sheet.write_string(row, 8, distribution_to_json(&spec).to_string())?;
        }
        if c.check {
            sheet.write_boolean(row, 9, true)?;
        }
    }
    let last = first + model.cells().len().saturating_sub(1) as u32;
    if !model.cells().is_empty() {
        sheet.autofilter(HEADER_ROW, 0, last, (MODEL_COLUMNS.len() - 1) as u16)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    Ok(formulas)
}

/// Row of each cell on the Scenarios sheet, by case-folded name.
pub type RowIndex = HashMap<String, u32>;

/// Rewrites a model formula so that names become the cells of one scenario column.
pub fn formula_in_column(text: &str, rows: &RowIndex, col: u32) -> String {
    let Ok(mut parsed) = formula::parse(text) else {
        return text.to_string();
    };
    for item in parsed.items.iter_mut() {
        if let Item::Name { sheet: None, name } = item {
            if let Some(row) = rows.get(&name.to_lowercase()) {
                *item = Item::Cell(CellReference {
                    sheet: None,
                    row: Coord::relative(*row),
                    col: Coord::relative(col),
                });
            }
        }
    }
    format!("={}", formula::to_text(&parsed))
}

/// Rows of the Scenarios sheet: parameters first, then outputs, each in file order.
pub fn scenario_rows(model: &Model) -> Vec<usize> {
    let mut order: Vec<usize> = (0..model.cells().len())
        .filter(|&i| model.cells()[i].is_input())
        .collect();
    order.extend((0..model.cells().len()).filter(|&i| !model.cells()[i].is_input()));
    order
}

fn write_scenario_sheet(
    sheet: &mut Worksheet,
    model: &Model,
    table: &ScenarioTable,
    f: &Formats,
) -> Result<(), XlsxError> {
    let order = scenario_rows(model);
    let first = HEADER_ROW + 1;
    let rows: RowIndex = order
        .iter()
        .enumerate()
        .map(|(k, &i)| (model.cells()[i].name.to_lowercase(), first + k as u32))
        .collect();
    let mut widths = Widths::new(2 + table.columns.len());
    widths.fit(0, "Cell");
    for c in model.cells() {
        widths.fit(0, &c.name);
    }
    for (c, col) in table.columns.iter().enumerate() {
        widths.fit(2 + c, col);
        widths.fit(2 + c, "000,000,000,000");
    }
    for c in model.cells() {
        widths.fit(1, c.unit.as_deref().unwrap_or(""));
    }
    widths.apply(sheet)?;
    sheet.write_string_with_format(
        0,
        0,
        format!("Scenarios: {}", model.name).as_str(),
        &f.title,
    )?;
    sheet.write_string_with_format(HEADER_ROW, 0, "Cell", &f.header)?;
    sheet.write_string_with_format(HEADER_ROW, 1, "Unit", &f.header)?;
    for (c, name) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, 2 + c as u16, name.as_str(), &f.header)?;
    }
    let base_col = 2u32;
    for (k, &i) in order.iter().enumerate() {
        let cell = &model.cells()[i];
        let row = first + k as u32;
        sheet.write_string(row, 0, cell.name.as_str())?;
        if let Some(u) = &cell.unit {
            sheet.write_string(row, 1, u.as_str())?;
        }
        for (c, scenario) in table.columns.iter().enumerate() {
            let col = base_col + c as u32;
            let value = table
                .values
                .get(i)
                .and_then(|r| r.get(c))
                .cloned()
                .unwrap_or_default();
            let vf = Formats::value_format(cell.unit.as_deref(), &value, cell.is_input());
            let override_input = model
                .scenarios()
                .iter()
                .find(|s| &s.name == scenario)
                .and_then(|s| {
                    s.overrides
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(&cell.name))
                })
                .map(|(_, input)| input);
            match (override_input, &cell.input) {
                (Some(CellInput::Value(v)), _) => write_value(sheet, row, col as u16, v, &vf)?,
                (Some(CellInput::Formula(text)), _) | (None, CellInput::Formula(text)) => {
                    write_formula(
                        sheet,
                        row,
                        col as u16,
                        &formula_in_column(text, &rows, col),
                        &value,
                        &vf,
                    )?
                }
                (None, CellInput::Value(_)) if c == 0 => {
                    // The base column reads the Model sheet, so edits there flow through.
                    write_formula(
                        sheet,
                        row,
                        col as u16,
                        &format!("={}", cell.name),
                        &value,
                        &vf,
                    )?
                }
                (None, CellInput::Value(_)) => {
                    let reference = CellReference {
                        sheet: None,
                        row: Coord::absolute(row),
                        col: Coord::absolute(base_col),
                    };
                    write_formula(
                        sheet,
                        row,
                        col as u16,
                        &format!("={reference}"),
                        &value,
                        &vf,
                    )?
                }
            }
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 2)?;
    Ok(())
}

/// One block of rows per owner: the owner on every row (so the column filters), its parameters
/// in the second column and the outputs they influence in the third, one per row.
fn write_owner_sheet(sheet: &mut Worksheet, model: &Model, f: &Formats) -> Result<(), XlsxError> {
    let groups = model.owners();
    let mut widths = Widths::new(3);
    for (i, h) in ["Owner", "Parameters", "Influences"].iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *h, &f.header)?;
        widths.fit(i, h);
    }
    let mut row = 1u32;
    for g in &groups {
        let owner = g.owner.clone().unwrap_or_else(|| "(no owner)".to_string());
        widths.fit(0, &owner);
        let height = g.parameters.len().max(g.influences.len()).max(1);
        for k in 0..height {
            sheet.write_string(row, 0, owner.as_str())?;
            if let Some(p) = g.parameters.get(k) {
                widths.fit(1, p);
                sheet.write_string(row, 1, p.as_str())?;
            }
            if let Some(o) = g.influences.get(k) {
                widths.fit(2, o);
                sheet.write_string(row, 2, o.as_str())?;
            }
            row += 1;
        }
    }
    if row > 1 {
        sheet.autofilter(0, 0, row - 1, 2)?;
    }
    widths.apply(sheet)?;
    Ok(())
}

/// Exports a grid workbook (e.g. one imported from .xlsx): every sheet, value and formula, with
/// cached results, and its defined names.
pub fn export_workbook(wb: &Workbook, path: &Path) -> Result<ExportSummary, ExportError> {
    let mut book = XlsxBook::new();
    let mut summary = ExportSummary {
        sheets: wb.sheet_names().iter().map(|s| s.to_string()).collect(),
        cells: 0,
        formulas: 0,
        defined_names: 0,
    };
    let sheet_names: Vec<String> = summary.sheets.clone();
    let cells = wb.grid_cells();
    for (s, name) in sheet_names.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet
            .set_name(name.as_str())
            .map_err(|e| xlsx_err(path, e))?;
        for (_, pos, id) in cells.iter().filter(|(sid, _, _)| sid.0 as usize == s) {
            let target = CellRef::Grid {
                sheet: name.clone(),
                pos: *pos,
            };
            let value = wb.value_of(*id);
            let result = match wb.formula(&target) {
                Some(text) => {
                    summary.formulas += 1;
                    let f = Formula::new(text).set_result(result_text(value));
                    sheet.write_formula(pos.row, pos.col as u16, f).map(|_| ())
                }
                None => write_value(sheet, pos.row, pos.col as u16, value, &Format::new()),
            };
            result.map_err(|e| xlsx_err(path, e))?;
            summary.cells += 1;
        }
    }
    for (name, _) in wb.defined_names() {
        let Some(text) = wb.formula(&name) else {
            continue;
        };
        let label = match &name {
            CellRef::Name {
                name,
                sheet: Some(s),
            } => format!("{}!{name}", crate::formula::reference::quote_sheet_name(s)),
            CellRef::Name { name, sheet: None } => name.clone(),
            CellRef::Grid { .. } => continue,
        };
        book.define_name(label, &text)
            .map_err(|e| xlsx_err(path, e))?;
        summary.defined_names += 1;
    }
    save_atomically(&mut book, path)?;
    Ok(summary)
}

/// Writes to a temporary file beside the target, then renames it over the target, so a failed
/// export never leaves a half-written file or damages the existing one.
fn save_atomically(book: &mut XlsxBook, path: &Path) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(ExportError::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("folder {} does not exist", dir.display()),
            ),
        });
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "export.xlsx".to_string());
    let tmp = dir.join(format!(".{file_name}.{}.kachi-tmp", std::process::id()));
    let written = book
        .save(&tmp)
        .map_err(|e| xlsx_err(path, e))
        .and_then(|_| {
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|source| ExportError::Io {
                    path: path.display().to_string(),
                    source,
                })
        });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        ExportError::Io {
            path: path.display().to_string(),
            source,
        }
    })
}

/// Decimal to the f64 Excel stores (for tests and readers).
pub fn excel_number(d: Decimal) -> f64 {
    numeric::to_f64(d)
}
