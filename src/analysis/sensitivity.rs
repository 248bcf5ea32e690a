//! One-at-a-time sensitivity (the tornado chart): each numeric parameter is moved to the low
//! and the high end of its range while every other parameter keeps its base value, and the
//! output is recorded at both ends. Bars are sorted by the size of the swing, so the first
//! bar names the parameter, and so the owner, that matters most for the output.
//!
//! A parameter's range is its declared `low`/`high`; without them it is base ± swing (20% by
//! default). Parameters the output does not depend on, and non-numeric ones, are skipped
//! with a reason. All arithmetic is exact decimal.

use rust_decimal::Decimal;

use super::{base_number, depends_on, output_cell, AnalysisError, Probe};
use crate::model::{Model, ModelCell};
use crate::numeric;
use crate::value::Value;

/// How far to move parameters that declare no `low`/`high`.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityOptions {
    /// A fraction of the base value: 0.2 means base × 0.8 to base × 1.2.
    pub swing: Decimal,
}

impl Default for SensitivityOptions {
    fn default() -> Self {
        SensitivityOptions {
            swing: Decimal::new(2, 1),
        }
    }
}

/// Where a bar's range came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwingSource {
    /// The cell's `low`/`high`.
    Declared,
    /// Base ± the swing option.
    Swing,
}

/// One parameter's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub input: String,
    pub owner: Option<String>,
    pub unit: Option<String>,
    pub base: Decimal,
    pub low: Decimal,
    pub high: Decimal,
    pub source: SwingSource,
    pub output_at_low: Value,
    pub output_at_high: Value,
}

impl TornadoBar {
    /// Output at the low end minus the base output (None if either is not a number).
    pub fn delta_low(&self, base_output: Decimal) -> Option<Decimal> {
        self.output_at_low
            .as_number()
            .and_then(|v| numeric::sub(v, base_output).ok())
    }

    pub fn delta_high(&self, base_output: Decimal) -> Option<Decimal> {
        self.output_at_high
            .as_number()
            .and_then(|v| numeric::sub(v, base_output).ok())
    }

    /// |output at high − output at low|: the bar's length. None when an end is an error.
    pub fn swing(&self) -> Option<Decimal> {
        let (a, b) = (
            self.output_at_low.as_number()?,
            self.output_at_high.as_number()?,
        );
        numeric::sub(b, a).ok().map(|d| d.abs())
    }
}

/// The sensitivity of one output to every numeric parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub output: String,
    pub output_unit: Option<String>,
    pub base_output: Decimal,
    /// Largest swing first; ties keep the file's order; bars with an error at an end last.
    pub bars: Vec<TornadoBar>,
    /// Parameters left out, with the reason.
    pub skipped: Vec<(String, String)>,
}

/// Computes the tornado of `output` (a formula cell).
pub fn sensitivity(
    model: &Model,
    output: &str,
    options: &SensitivityOptions,
) -> Result<Tornado, AnalysisError> {
    if options.swing.is_sign_negative() {
        return Err(AnalysisError::BadOption {
            option: "--swing".to_string(),
            message: format!("must not be negative (got {})", options.swing),
        });
    }
    let (out_cell, out_id) = output_cell(model, output)?;
    let base_output = base_number(model, out_cell, out_id)?;
    let mut bars = Vec::new();
    let mut skipped = Vec::new();
    for cell in model.inputs() {
        match bar_for(model, cell, &out_cell.name, out_id, options) {
            Ok(bar) => bars.push(bar),
            Err(reason) => skipped.push((cell.name.clone(), reason)),
        }
    }
    sort_bars(&mut bars);
    Ok(Tornado {
        output: out_cell.name.clone(),
        output_unit: out_cell.unit.clone(),
        base_output,
        bars,
        skipped,
    })
}

/// The bar of one parameter, or why it has none.
fn bar_for(
    model: &Model,
    cell: &ModelCell,
    output: &str,
    output_id: crate::engine::CellId,
    options: &SensitivityOptions,
) -> Result<TornadoBar, String> {
    let id = model
        .id(&cell.name)
        .ok_or_else(|| "not in the workbook".to_string())?;
    let base = match model.workbook().value_of(id) {
        Value::Number(n) => *n,
        _ => return Err("not a number".to_string()),
    };
    if !depends_on(model, output, &cell.name) {
        return Err(format!("{output} does not depend on it"));
    }
    let (low, high, source) = range_of(cell, base, options.swing)?;
    let mut probe = Probe::new(model, id, output_id);
    let output_at_low = probe.output_at(low);
    let output_at_high = probe.output_at(high);
    Ok(TornadoBar {
        input: cell.name.clone(),
        owner: cell.owner.clone(),
        unit: cell.unit.clone(),
        base,
        low,
        high,
        source,
        output_at_low,
        output_at_high,
    })
}

/// The declared `low`/`high`, else base ± swing (a negative base keeps low below high).
fn range_of(
    cell: &ModelCell,
    base: Decimal,
    swing: Decimal,
) -> Result<(Decimal, Decimal, SwingSource), String> {
    match (cell.low, cell.high) {
        (Some(low), Some(high)) if low > high => Err(format!("low {low} is above high {high}")),
        (Some(low), Some(high)) => Ok((low, high, SwingSource::Declared)),
        (low, high) => {
            let delta = numeric::mul(base.abs(), swing).map_err(|e| e.as_str().to_string())?;
            if delta.is_zero() && low.is_none() && high.is_none() {
                return Err("base is 0 and no low/high is given".to_string());
            }
            let overflow = |e: crate::value::ErrorKind| e.as_str().to_string();
            let low = match low {
                Some(l) => l,
                None => numeric::sub(base, delta).map_err(overflow)?,
            };
            let high = match high {
                Some(h) => h,
                None => numeric::add(base, delta).map_err(overflow)?,
            };
            if low > high {
                return Err(format!("low {low} is above high {high}"));
            }
            let source = if cell.low.is_some() || cell.high.is_some() {
                SwingSource::Declared
            } else {
                SwingSource::Swing
            };
            Ok((low, high, source))
        }
    }
}

/// Largest swing first; a stable sort keeps the file's order among equal swings.
fn sort_bars(bars: &mut [TornadoBar]) {
    bars.sort_by(|a, b| match (a.swing(), b.swing()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}
