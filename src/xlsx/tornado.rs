//! The tornado of a sensitivity run as an Excel workbook: a "Sensitivity" sheet with one row
//! per parameter and a native Excel bar chart beside it (two series, the output's change with
//! the parameter at its low and at its high value, overlapped 100% so they form one bar,
//! largest swing on top). The file is written to a temporary name and renamed into place.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartAxisLabelPosition, ChartType, Format, Workbook as XlsxBook,
    Worksheet, XlsxError,
};

use crate::analysis::sensitivity::{SwingSource, Tornado};
use crate::numeric;
use crate::value::Value;

pub const SENSITIVITY_SHEET: &str = "Sensitivity";
pub const COLUMNS: [&str; 12] = [
    "Parameter",
    "Owner",
    "Unit",
    "Base",
    "Low",
    "High",
    "Range from",
    "Output at low",
    "Output at high",
    "Change at low",
    "Change at high",
    "Swing",
];
/// Zero-based columns of the chart's series.
const CHANGE_AT_LOW: u16 = 9;
const CHANGE_AT_HIGH: u16 = 10;
/// The header is on this (zero-based) row; parameters follow.
const HEADER_ROW: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum TornadoXlsxError {
    #[error("cannot write {path}: {message}")]
    Xlsx { path: String, message: String },
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Writes the tornado to `path` (.xlsx).
pub fn write_tornado_xlsx(tornado: &Tornado, path: &Path) -> Result<(), TornadoXlsxError> {
    let xlsx = |e: XlsxError| TornadoXlsxError::Xlsx {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = XlsxBook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SENSITIVITY_SHEET).map_err(xlsx)?;
    let rows = write_table(sheet, tornado).map_err(xlsx)?;
    if rows > 0 {
        let chart = tornado_chart(tornado, rows);
        sheet
            .insert_chart(HEADER_ROW, COLUMNS.len() as u16 + 1, &chart)
            .map_err(xlsx)?;
    }
    let bytes = book.save_to_buffer().map_err(xlsx)?;
    write_atomically(path, &bytes)
}

/// The title, the header and one row per bar; returns the number of bar rows.
fn write_table(sheet: &mut Worksheet, t: &Tornado) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format("#,##0.####");
    let unit = t
        .output_unit
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    sheet.write_string_with_format(0, 0, format!("Sensitivity of {}{unit}", t.output), &bold)?;
    sheet.write_string(1, 0, "Base value")?;
    sheet.write_number_with_format(1, 1, numeric::to_f64(t.base_output), &number)?;
    for (c, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, c as u16, *name, &bold)?;
    }
    let mut row = HEADER_ROW;
    for bar in &t.bars {
        row += 1;
        sheet.write_string(row, 0, &bar.input)?;
        sheet.write_string(row, 1, bar.owner.as_deref().unwrap_or(""))?;
        sheet.write_string(row, 2, bar.unit.as_deref().unwrap_or(""))?;
        for (c, d) in [(3, bar.base), (4, bar.low), (5, bar.high)] {
            sheet.write_number_with_format(row, c, numeric::to_f64(d), &number)?;
        }
        let source = match bar.source {
            SwingSource::Declared => "low/high",
            SwingSource::Swing => "base ± swing",
        };
        sheet.write_string(row, 6, source)?;
        write_value(sheet, row, 7, &bar.output_at_low, &number)?;
        write_value(sheet, row, 8, &bar.output_at_high, &number)?;
        write_optional(
            sheet,
            row,
            CHANGE_AT_LOW,
            bar.delta_low(t.base_output),
            &number,
        )?;
        write_optional(
            sheet,
            row,
            CHANGE_AT_HIGH,
            bar.delta_high(t.base_output),
            &number,
        )?;
        write_optional(sheet, row, 11, bar.swing(), &number)?;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 22)?;
    for c in 3..COLUMNS.len() as u16 {
        sheet.set_column_width(c, 14)?;
    }
    Ok(row - HEADER_ROW)
}

fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    number: &Format,
) -> Result<(), XlsxError> {
    match v {
        Value::Number(n) => {
            sheet.write_number_with_format(row, col, numeric::to_f64(*n), number)?;
        }
        other => {
            sheet.write_string(row, col, other.display())?;
        }
    }
    Ok(())
}

fn write_optional(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<Decimal>,
    number: &Format,
) -> Result<(), XlsxError> {
    if let Some(d) = d {
        sheet.write_number_with_format(row, col, numeric::to_f64(d), number)?;
    }
    Ok(())
}

/// Two overlapped bar series (change at low, change at high) over the parameter names; the
/// category axis is reversed so the first row (largest swing) is on top, and its labels sit
/// at the left edge so they do not collide with bars that go below zero.
fn tornado_chart(t: &Tornado, rows: u32) -> Chart {
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + rows);
    let mut chart = Chart::new(ChartType::Bar);
    for (col, name) in [
        (CHANGE_AT_LOW, "parameter at its low value"),
        (CHANGE_AT_HIGH, "parameter at its high value"),
    ] {
        chart
            .add_series()
            .set_name(name)
            .set_categories((SENSITIVITY_SHEET, first, 0, last, 0))
            .set_values((SENSITIVITY_SHEET, first, col, last, col))
            .set_overlap(100)
            .set_gap(40);
    }
    let unit = t
        .output_unit
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    chart
        .title()
        .set_name(&format!("What moves {}{unit}", t.output));
    chart
        .x_axis()
        .set_name(&format!("change from the base {}", t.output));
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_label_position(ChartAxisLabelPosition::Low);
    let height = (120 + 28 * rows).min(1600);
    chart.set_width(640).set_height(height);
    chart
}

/// Writes beside the target, then renames, so a failure never leaves a half-written file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), TornadoXlsxError> {
    let io = |source: std::io::Error| TornadoXlsxError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "sensitivity.xlsx".to_string());
    let tmp = dir.join(format!(".{name}.{}.kachi-tmp", std::process::id()));
    if let Err(e) = std::fs::write(&tmp, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}
