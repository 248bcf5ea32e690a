//! Value analysis on a [`Model`]: which parameter (and so which owner) matters most
//! ([`sensitivity`]), which parameter value makes an output hit a target such as break-even
//! ([`goal_seek`]), and how uncertain the value is when parameters follow distributions
//! ([`simulate`]), with SVG charts ([`svg`]).
//!
//! Everything works on a clone of the model's compiled workbook and changes parameters with
//! [`Workbook::set_value_of`]/[`Workbook::set_values_of`], so each what-if recomputes only the
//! cells that depend on the changed parameters. The model itself is never modified.
//! Nothing here prints; the CLI (`src/bin/kachi/analysis_cmds.rs`) does.

pub mod distributions;
pub mod goal_seek;
pub mod sensitivity;
pub mod simulate;
pub mod svg;

use rust_decimal::Decimal;

use crate::engine::{CellId, Workbook};
use crate::model::{Model, ModelCell};
use crate::value::Value;

pub use goal_seek::{goal_seek, GoalSeekOutcome, GoalSeekReport, GoalSeekRequest, RangeSource};
pub use sensitivity::{sensitivity, SensitivityOptions, SwingSource, Tornado, TornadoBar};
pub use simulate::{
    simulate, write_samples_csv, Contribution, Histogram, SamplingMethod, Simulation,
    SimulationOptions,
};

/// Why an analysis could not run. Each says what and where.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    #[error("there is no cell named '{name}'")]
    UnknownCell { name: String },
    #[error("'{name}' is a formula cell; only parameters (cells with a value) can be varied")]
    NotAnInput { name: String },
    #[error("'{name}' is a parameter, not an output; choose a formula cell ({outputs})")]
    NotAnOutput { name: String, outputs: String },
    #[error("parameter '{name}' is {value}, not a number")]
    InputNotNumeric { name: String, value: String },
    #[error("'{output}' does not depend on '{input}': changing '{input}' cannot move it")]
    NotInfluenced { output: String, input: String },
    #[error("'{output}' is {value} in the model as it stands; fix the model first")]
    BaseNotNumeric { output: String, value: String },
    #[error("'{output}' is {value} when '{input}' = {at}")]
    OutputNotNumeric {
        output: String,
        input: String,
        at: String,
        value: String,
    },
    #[error("{option}: {message}")]
    BadOption { option: String, message: String },
    #[error("no parameter of the model has a \"distribution\"; give the uncertain ones one, e.g. {{\"type\": \"triangular\", \"low\": 1, \"mode\": 2, \"high\": 5}}")]
    NoUncertainInputs,
    #[error("'{output}' depends on none of the uncertain parameters ({inputs})")]
    NoUncertainInfluence { output: String, inputs: String },
    #[error("every sample of '{output}' failed; the first was {value}")]
    AllSamplesFailed { output: String, value: String },
}

/// The formula cell an analysis reports on, with its engine id.
pub(crate) fn output_cell<'m>(
    model: &'m Model,
    name: &str,
) -> Result<(&'m ModelCell, CellId), AnalysisError> {
    let cell = model.cell(name).ok_or_else(|| AnalysisError::UnknownCell {
        name: name.to_string(),
    })?;
    if cell.is_input() {
        let outputs: Vec<&str> = model.outputs().map(|c| c.name.as_str()).collect();
        return Err(AnalysisError::NotAnOutput {
            name: cell.name.clone(),
            outputs: outputs.join(", "),
        });
    }
    let id = model
        .id(&cell.name)
        .ok_or_else(|| AnalysisError::UnknownCell {
            name: name.to_string(),
        })?;
    Ok((cell, id))
}

/// A numeric parameter: the cell, its engine id and its current value.
pub(crate) fn numeric_input<'m>(
    model: &'m Model,
    name: &str,
) -> Result<(&'m ModelCell, CellId, Decimal), AnalysisError> {
    let cell = model.cell(name).ok_or_else(|| AnalysisError::UnknownCell {
        name: name.to_string(),
    })?;
    if !cell.is_input() {
        return Err(AnalysisError::NotAnInput {
            name: cell.name.clone(),
        });
    }
    let id = model
        .id(&cell.name)
        .ok_or_else(|| AnalysisError::UnknownCell {
            name: name.to_string(),
        })?;
    match model.workbook().value_of(id) {
        Value::Number(n) => Ok((cell, id, *n)),
        other => Err(AnalysisError::InputNotNumeric {
            name: cell.name.clone(),
            value: describe(other),
        }),
    }
}

/// Whether `output` (a formula cell) depends, directly or not, on the parameter `input`.
pub(crate) fn depends_on(model: &Model, output: &str, input: &str) -> bool {
    let target = model.index_of(output);
    target.is_some()
        && model
            .influenced_by(input)
            .iter()
            .any(|n| model.index_of(n) == target)
}

/// The output's base value as a number, or why it is not one.
pub(crate) fn base_number(
    model: &Model,
    output: &ModelCell,
    id: CellId,
) -> Result<Decimal, AnalysisError> {
    match model.workbook().value_of(id) {
        Value::Number(n) => Ok(*n),
        other => Err(AnalysisError::BaseNotNumeric {
            output: output.name.clone(),
            value: describe(other),
        }),
    }
}

/// A value as a person reads it in an error message.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Empty => "empty".to_string(),
        Value::Text(t) => format!("the text \"{t}\""),
        other => other.display(),
    }
}

/// A private copy of the model's workbook for what-if edits: sets one parameter and reads
/// one output, recomputing only what depends on the parameter.
pub(crate) struct Probe {
    workbook: Workbook,
    input: CellId,
    output: CellId,
}

impl Probe {
    pub(crate) fn new(model: &Model, input: CellId, output: CellId) -> Probe {
        Probe {
            workbook: model.workbook().clone(),
            input,
            output,
        }
    }

    /// The output's value with the parameter at `x`.
    pub(crate) fn output_at(&mut self, x: Decimal) -> Value {
        self.workbook.set_value_of(self.input, Value::Number(x));
        self.workbook.value_of(self.output).clone()
    }

    /// The value of any cell with the parameter as last set.
    pub(crate) fn value_of(&self, id: CellId) -> &Value {
        self.workbook.value_of(id)
    }
}
