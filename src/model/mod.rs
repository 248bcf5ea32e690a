//! Value models: named cells with units, owners and notes, a value statement, and scenarios,
//! loaded from JSON into a [`Workbook`]. The analysis commands work on this type.

pub mod file;

use std::fmt;
use std::path::Path;

use rust_decimal::Decimal;

use crate::engine::program::{validate, CompileError};
use crate::engine::{CellId, CellRef, Edit, EditError, Recalc, Workbook};
use crate::formula::{self, is_valid_name, ParseError};
use crate::value::Value;
pub use file::{CellSpec, DistributionSpec, Entries, ModelSpec};

/// What a cell holds as written in the model: a value (a parameter) or a formula (an output).
#[derive(Clone, Debug, PartialEq)]
pub enum CellInput {
    Value(Value),
    /// Formula text as written (with or without `=`).
    Formula(String),
}

/// A probability distribution of an uncertain input.
#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    Uniform {
        low: Decimal,
        high: Decimal,
    },
    Triangular {
        low: Decimal,
        mode: Decimal,
        high: Decimal,
    },
    Pert {
        low: Decimal,
        mode: Decimal,
        high: Decimal,
    },
    Normal {
        mean: Decimal,
        sd: Decimal,
    },
    /// Parameterised by the mean and standard deviation of the quantity itself.
    LogNormal {
        mean: Decimal,
        sd: Decimal,
    },
}

impl Distribution {
    /// The point value an input takes when the file gives only the distribution: the most
    /// likely value for triangular and PERT, the mean otherwise.
    pub fn central(&self) -> Decimal {
        match self {
            Distribution::Uniform { low, high } => (*low + *high) / Decimal::TWO,
            Distribution::Triangular { mode, .. } | Distribution::Pert { mode, .. } => *mode,
            Distribution::Normal { mean, .. } | Distribution::LogNormal { mean, .. } => *mean,
        }
    }
}

/// One named cell of a value model.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelCell {
    pub name: String,
    pub input: CellInput,
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub note: Option<String>,
    /// Sensitivity range (else base ± swing).
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub distribution: Option<Distribution>,
    /// A boolean formula that must hold in every scenario.
    pub check: bool,
}

impl ModelCell {
    pub fn is_input(&self) -> bool {
        matches!(self.input, CellInput::Value(_))
    }

    pub fn formula(&self) -> Option<&str> {
        match &self.input {
            CellInput::Formula(f) => Some(f),
            CellInput::Value(_) => None,
        }
    }
}

/// A named set of parameter overrides.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub overrides: Vec<(String, CellInput)>,
}

/// One problem in a model file; all are reported together.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ModelProblem {
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("cell '{name}': not a valid name (use letters of any script, digits, '_' and '.', start with a letter or '_', and avoid cell references like A1)")]
    InvalidName { name: String },
    #[error("cell '{name}' is defined twice (names are case-insensitive; the first is '{first}')")]
    DuplicateName { name: String, first: String },
    #[error("cell '{name}': {error}")]
    Formula { name: String, error: ParseError },
    #[error("cell '{name}': {error}")]
    Compile { name: String, error: CompileError },
    #[error("cell '{name}' has both a value and a formula; give one")]
    ValueAndFormula { name: String },
    #[error("cell '{name}' has neither a value, a formula nor a distribution")]
    NoContent { name: String },
    #[error("cell '{name}': {message}")]
    BadValue { name: String, message: String },
    #[error("scenario '{scenario}': there is no cell named '{cell}'")]
    UnknownScenarioCell { scenario: String, cell: String },
    #[error("scenario '{scenario}', cell '{cell}': {message}")]
    BadOverride {
        scenario: String,
        cell: String,
        message: String,
    },
    #[error("scenario '{scenario}' is defined twice")]
    DuplicateScenario { scenario: String },
}

/// A model file that could not be loaded, with every problem found.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct ModelError {
    pub file: String,
    pub problems: Vec<ModelProblem>,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} problem", self.file, self.problems.len())?;
        if self.problems.len() != 1 {
            f.write_str("s")?;
        }
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

/// Reading a model file from disk failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// A value model ready to evaluate.
#[derive(Clone, Debug)]
pub struct Model {
    pub name: String,
    pub statement: String,
    cells: Vec<ModelCell>,
    scenarios: Vec<Scenario>,
    workbook: Workbook,
    ids: Vec<CellId>,
    /// Case-folded name -> position in `cells`.
    index: std::collections::HashMap<String, usize>,
    warnings: Vec<String>,
}

/// The values of every cell in every scenario (base first).
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioTable {
    /// "base", then the scenarios in file order.
    pub columns: Vec<String>,
    /// Cell names in file order.
    pub rows: Vec<String>,
    /// values[row][column]
    pub values: Vec<Vec<Value>>,
}

impl ScenarioTable {
    pub fn value(&self, cell: &str, scenario: &str) -> Option<&Value> {
        let r = self
            .rows
            .iter()
            .position(|n| n.eq_ignore_ascii_case(cell))?;
        let c = self.columns.iter().position(|n| n == scenario)?;
        self.values.get(r)?.get(c)
    }
}

/// One owner's parameters and the outputs they influence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerGroup {
    /// None for parameters without an owner.
    pub owner: Option<String>,
    pub parameters: Vec<String>,
    pub influences: Vec<String>,
}

/// The result of a check cell in one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    pub cell: String,
    pub scenario: String,
    pub passed: bool,
    pub value: Value,
}

fn decimal_field(
    name: &str,
    field: &str,
    n: &Option<serde_json::Number>,
    problems: &mut Vec<ModelProblem>,
) -> Option<Decimal> {
    let n = n.as_ref()?;
    match file::decimal_from_number(n) {
        Some(d) => Some(d),
        None => {
            problems.push(ModelProblem::BadValue {
                name: name.to_string(),
                message: format!("{field} {} is not a number kachi can hold", n.as_str()),
            });
            None
        }
    }
}

fn distribution_from_spec(
    name: &str,
    spec: &DistributionSpec,
    problems: &mut Vec<ModelProblem>,
) -> Option<Distribution> {
    let mut d = |field: &str, n: &serde_json::Number| {
        decimal_field(name, field, &Some(n.clone()), problems)
    };
    let dist = match spec {
        DistributionSpec::Uniform { low, high } => Distribution::Uniform {
            low: d("low", low)?,
            high: d("high", high)?,
        },
        DistributionSpec::Triangular { low, mode, high } => Distribution::Triangular {
            low: d("low", low)?,
            mode: d("mode", mode)?,
            high: d("high", high)?,
        },
        DistributionSpec::Pert { low, mode, high } => Distribution::Pert {
            low: d("low", low)?,
            mode: d("mode", mode)?,
            high: d("high", high)?,
        },
        DistributionSpec::Normal { mean, sd } => Distribution::Normal {
            mean: d("mean", mean)?,
            sd: d("sd", sd)?,
        },
        DistributionSpec::Lognormal { mean, sd } => Distribution::LogNormal {
            mean: d("mean", mean)?,
            sd: d("sd", sd)?,
        },
    };
    let bad = |message: &str| ModelProblem::BadValue {
        name: name.to_string(),
        message: message.to_string(),
    };
    match &dist {
        Distribution::Uniform { low, high } if low > high => {
            problems.push(bad("uniform distribution needs low <= high"))
        }
        Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high }
            if !(low <= mode && mode <= high && low < high) =>
        {
            problems.push(bad("distribution needs low <= mode <= high and low < high"))
        }
        Distribution::Normal { sd, .. } if sd.is_sign_negative() => {
            problems.push(bad("normal distribution needs sd >= 0"))
        }
        Distribution::LogNormal { mean, sd } if *mean <= Decimal::ZERO || sd.is_sign_negative() => {
            problems.push(bad("lognormal distribution needs mean > 0 and sd >= 0"))
        }
        _ => {}
    }
    Some(dist)
}

fn input_from_json(j: &serde_json::Value) -> Result<CellInput, String> {
    match j {
        serde_json::Value::String(s) if s.trim_start().starts_with('=') => {
            Ok(CellInput::Formula(s.clone()))
        }
        other => file::value_from_json(other).map(CellInput::Value),
    }
}

fn check_formula(name: &str, text: &str, problems: &mut Vec<ModelProblem>) {
    match formula::parse(text) {
        Err(error) => problems.push(ModelProblem::Formula {
            name: name.to_string(),
            error,
        }),
        Ok(parsed) => {
            if let Err(error) = validate(&parsed) {
                problems.push(ModelProblem::Compile {
                    name: name.to_string(),
                    error,
                });
            }
        }
    }
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

impl Model {
    /// Reads and loads a model file.
    pub fn load(path: &Path) -> Result<Model, LoadError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            file: file.clone(),
            source,
        })?;
        Ok(Model::from_json_str(&text, &file)?)
    }

    /// Loads a model from JSON text; `source` names it in errors.
    pub fn from_json_str(text: &str, source: &str) -> Result<Model, ModelError> {
        let spec = file::parse_spec(text).map_err(|(line, column, message)| ModelError {
            file: source.to_string(),
            problems: vec![ModelProblem::Json {
                line,
                column,
                message,
            }],
        })?;
        Model::from_spec(&spec, source)
    }

    /// Builds a model from its parsed file form, reporting every problem at once.
    pub fn from_spec(spec: &ModelSpec, source: &str) -> Result<Model, ModelError> {
        let mut problems = Vec::new();
        let mut cells = Vec::with_capacity(spec.cells.0.len());
        let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        for (name, c) in &spec.cells.0 {
            if !is_valid_name(name) {
                problems.push(ModelProblem::InvalidName { name: name.clone() });
            }
            if let Some(first) = seen.get(&fold(name)) {
                problems.push(ModelProblem::DuplicateName {
                    name: name.clone(),
                    first: first.clone(),
                });
            } else {
                seen.insert(fold(name), name.clone());
            }
            let distribution = c
                .distribution
                .as_ref()
                .and_then(|d| distribution_from_spec(name, d, &mut problems));
            let input = match (&c.value, &c.formula) {
                (Some(_), Some(_)) => {
                    problems.push(ModelProblem::ValueAndFormula { name: name.clone() });
                    continue;
                }
                (Some(v), None) => match file::value_from_json(v) {
                    Ok(v) => CellInput::Value(v),
                    Err(message) => {
                        problems.push(ModelProblem::BadValue {
                            name: name.clone(),
                            message,
                        });
                        continue;
                    }
                },
                (None, Some(f)) => {
                    check_formula(name, f, &mut problems);
                    CellInput::Formula(f.clone())
                }
                (None, None) => match &distribution {
                    Some(d) => CellInput::Value(Value::Number(d.central())),
                    None => {
                        problems.push(ModelProblem::NoContent { name: name.clone() });
                        continue;
                    }
                },
            };
            cells.push(ModelCell {
                name: name.clone(),
                input,
                unit: c.unit.clone(),
                owner: c.owner.clone(),
                note: c.note.clone(),
                low: decimal_field(name, "low", &c.low, &mut problems),
                high: decimal_field(name, "high", &c.high, &mut problems),
                distribution,
                check: c.check.unwrap_or(false),
            });
        }
        let mut scenarios = Vec::new();
        let mut scenario_names: Vec<String> = Vec::new();
        for (scenario, overrides) in &spec.scenarios.0 {
            if scenario_names.contains(scenario) || scenario == "base" {
                problems.push(ModelProblem::DuplicateScenario {
                    scenario: scenario.clone(),
                });
            }
            scenario_names.push(scenario.clone());
            let mut list = Vec::new();
            for (cell, v) in &overrides.0 {
                let Some(real) = seen
                    .get(&fold(cell))
                    .and_then(|n| cells.iter().find(|c| &c.name == n))
                else {
                    problems.push(ModelProblem::UnknownScenarioCell {
                        scenario: scenario.clone(),
                        cell: cell.clone(),
                    });
                    continue;
                };
                match input_from_json(v) {
                    Ok(input) => {
                        if let CellInput::Formula(f) = &input {
                            check_formula(cell, f, &mut problems);
                        }
                        list.push((real.name.clone(), input));
                    }
                    Err(message) => problems.push(ModelProblem::BadOverride {
                        scenario: scenario.clone(),
                        cell: cell.clone(),
                        message,
                    }),
                }
            }
            scenarios.push(Scenario {
                name: scenario.clone(),
                overrides: list,
            });
        }
        if !problems.is_empty() {
            return Err(ModelError {
                file: source.to_string(),
                problems,
            });
        }
        let mut workbook = Workbook::new();
        let edits: Vec<Edit> = cells
            .iter()
            .map(|c| input_to_edit(&c.name, &c.input))
            .collect();
        if let Err(e) = workbook.apply(edits) {
            return Err(ModelError {
                file: source.to_string(),
                problems: e
                    .problems()
                    .into_iter()
                    .map(|p| ModelProblem::BadValue {
                        name: String::new(),
                        message: p.to_string(),
                    })
                    .collect(),
            });
        }
        let ids = cells
            .iter()
            .map(|c| {
                workbook
                    .cell_id(&CellRef::name(c.name.clone()))
                    .unwrap_or(CellId(u32::MAX))
            })
            .collect();
        let index = cells
            .iter()
            .enumerate()
            .map(|(i, c)| (fold(&c.name), i))
            .collect();
        let mut model = Model {
            index,
            name: spec.name.clone(),
            statement: spec.statement.clone(),
            cells,
            scenarios,
            workbook,
            ids,
            warnings: Vec::new(),
        };
        model.warnings = model.find_warnings();
        Ok(model)
    }

    fn find_warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        let known: std::collections::HashSet<String> =
            self.cells.iter().map(|c| fold(&c.name)).collect();
        for c in &self.cells {
            if let Some(text) = c.formula() {
                if let Ok(parsed) = formula::parse(text) {
                    for name in parsed.referenced_names() {
                        if !known.contains(&fold(&name)) {
                            warnings.push(format!(
                                "cell '{}' refers to '{name}', which is not defined: its value is #NAME?",
                                c.name
                            ));
                        }
                    }
                }
            }
        }
        for (function, cells) in self.workbook.unsupported_functions() {
            let labels: Vec<String> = cells.iter().map(|c| self.workbook.label(*c)).collect();
            warnings.push(format!(
                "function {function} is not supported (used by {}): its value is #NAME?",
                labels.join(", ")
            ));
        }
        warnings
    }

    // ---------------------------------------------------------------- reading

    pub fn cells(&self) -> &[ModelCell] {
        &self.cells
    }

    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    pub fn cell(&self, name: &str) -> Option<&ModelCell> {
        self.index_of(name).and_then(|i| self.cells.get(i))
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.index.get(&fold(name)).copied()
    }

    /// The engine id of a model cell.
    pub fn id(&self, name: &str) -> Option<CellId> {
        self.index_of(name).and_then(|i| self.ids.get(i).copied())
    }

    /// Current value of a cell.
    pub fn value(&self, name: &str) -> Option<Value> {
        self.id(name).map(|id| self.workbook.value_of(id).clone())
    }

    /// Current values of every cell, in file order.
    pub fn values(&self) -> Vec<Value> {
        self.ids
            .iter()
            .map(|id| self.workbook.value_of(*id).clone())
            .collect()
    }

    /// Parameters (value cells), in file order.
    pub fn inputs(&self) -> impl Iterator<Item = &ModelCell> {
        self.cells.iter().filter(|c| c.is_input())
    }

    /// Formula cells, in file order.
    pub fn outputs(&self) -> impl Iterator<Item = &ModelCell> {
        self.cells.iter().filter(|c| !c.is_input())
    }

    /// Formula cells whose value depends on the named cell.
    pub fn influenced_by(&self, name: &str) -> Vec<String> {
        let Some(id) = self.id(name) else {
            return Vec::new();
        };
        self.cells_depending_on(&[id])
    }

    /// Formula cells (in file order) depending on any of the given cells.
    fn cells_depending_on(&self, sources: &[CellId]) -> Vec<String> {
        let deps = self.workbook.dependents_of(sources);
        self.cells
            .iter()
            .zip(&self.ids)
            .filter(|(_, cid)| deps.contains(cid))
            .map(|(c, _)| c.name.clone())
            .collect()
    }

    /// Parameters grouped by owner (in order of first appearance; unowned last), with the
    /// outputs each owner's parameters influence.
    pub fn owners(&self) -> Vec<OwnerGroup> {
        let mut groups: Vec<(OwnerGroup, Vec<CellId>)> = Vec::new();
        let mut by_owner: std::collections::HashMap<Option<String>, usize> =
            std::collections::HashMap::new();
        for (c, id) in self
            .cells
            .iter()
            .zip(&self.ids)
            .filter(|(c, _)| c.is_input())
        {
            let idx = *by_owner.entry(c.owner.clone()).or_insert_with(|| {
                groups.push((
                    OwnerGroup {
                        owner: c.owner.clone(),
                        parameters: Vec::new(),
                        influences: Vec::new(),
                    },
                    Vec::new(),
                ));
                groups.len() - 1
            });
            if let Some((g, ids)) = groups.get_mut(idx) {
                g.parameters.push(c.name.clone());
                ids.push(*id);
            }
        }
        let mut out: Vec<OwnerGroup> = groups
            .into_iter()
            .map(|(mut g, ids)| {
                g.influences = self.cells_depending_on(&ids);
                g
            })
            .collect();
        out.sort_by_key(|g| g.owner.is_none());
        out
    }

    // ---------------------------------------------------------------- editing

    /// Sets a cell (incrementally) and returns what changed.
    pub fn set(&mut self, name: &str, input: CellInput) -> Result<Recalc, EditError> {
        let real = self
            .cell(name)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| name.to_string());
        let recalc = self.workbook.apply(vec![input_to_edit(&real, &input)])?;
        if let Some(i) = self.index_of(&real) {
            if let Some(c) = self.cells.get_mut(i) {
                c.input = input;
            }
        }
        Ok(recalc)
    }

    /// Runs `f` with the overrides applied, then restores the model. The workbook is left
    /// exactly as it was (the restore is itself an incremental edit).
    pub fn with_overrides<R>(
        &mut self,
        overrides: &[(String, CellInput)],
        f: impl FnOnce(&Workbook) -> R,
    ) -> Result<R, EditError> {
        let edits: Vec<Edit> = overrides.iter().map(|(n, i)| input_to_edit(n, i)).collect();
        self.workbook.apply(edits)?;
        let result = f(&self.workbook);
        let restore: Vec<Edit> = overrides
            .iter()
            .filter_map(|(n, _)| self.cell(n).map(|c| input_to_edit(&c.name, &c.input)))
            .collect();
        self.workbook.apply(restore)?;
        Ok(result)
    }

    /// Every cell's value in the base and in every scenario.
    pub fn scenario_table(&mut self) -> Result<ScenarioTable, EditError> {
        let mut columns = vec!["base".to_string()];
        let mut per_column = vec![self.values()];
        let scenarios = self.scenarios.clone();
        for s in &scenarios {
            let ids = self.ids.clone();
            let values = self.with_overrides(&s.overrides, |wb| {
                ids.iter()
                    .map(|id| wb.value_of(*id).clone())
                    .collect::<Vec<_>>()
            })?;
            columns.push(s.name.clone());
            per_column.push(values);
        }
        let rows: Vec<String> = self.cells.iter().map(|c| c.name.clone()).collect();
        let values = (0..rows.len())
            .map(|r| {
                per_column
                    .iter()
                    .map(|col| col.get(r).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        Ok(ScenarioTable {
            columns,
            rows,
            values,
        })
    }

    /// Each check cell in the base and every scenario.
    pub fn check_results(&mut self) -> Result<Vec<CheckResult>, EditError> {
        let table = self.scenario_table()?;
        let mut out = Vec::new();
        for (r, cell) in self.cells.iter().enumerate() {
            if !cell.check {
                continue;
            }
            for (c, scenario) in table.columns.iter().enumerate() {
                let value = table
                    .values
                    .get(r)
                    .and_then(|row| row.get(c))
                    .cloned()
                    .unwrap_or_default();
                out.push(CheckResult {
                    cell: cell.name.clone(),
                    scenario: scenario.clone(),
                    passed: value == Value::Bool(true),
                    value,
                });
            }
        }
        Ok(out)
    }

    // ---------------------------------------------------------------- writing

    /// The model in its file form (for writing JSON back).
    pub fn to_spec(&self) -> ModelSpec {
        let cells = self
            .cells
            .iter()
            .map(|c| {
                let (value, formula) = match &c.input {
                    CellInput::Value(v) => (Some(file::value_to_json(v)), None),
                    CellInput::Formula(f) => (None, Some(f.clone())),
                };
                let spec = CellSpec {
                    value,
                    formula,
                    unit: c.unit.clone(),
                    owner: c.owner.clone(),
                    note: c.note.clone(),
                    low: c.low.map(file::number_from_decimal),
                    high: c.high.map(file::number_from_decimal),
                    distribution: c.distribution.as_ref().map(distribution_to_spec),
                    check: c.check.then_some(true),
                };
                (c.name.clone(), spec)
            })
            .collect();
        let scenarios = self
            .scenarios
            .iter()
            .map(|s| {
                let overrides = s
                    .overrides
                    .iter()
                    .map(|(n, i)| {
                        let j = match i {
                            CellInput::Value(v) => file::value_to_json(v),
                            CellInput::Formula(f) => serde_json::Value::String(f.clone()),
                        };
                        (n.clone(), j)
                    })
                    .collect();
                (s.name.clone(), Entries(overrides))
            })
            .collect();
        ModelSpec {
            name: self.name.clone(),
            statement: self.statement.clone(),
            cells: Entries(cells),
            scenarios: Entries(scenarios),
        }
    }

    /// The model as pretty JSON text, in the file format.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string_pretty(&file::spec_to_json(&self.to_spec())).unwrap_or_default()
    }
}

/// A distribution in its file form.
pub fn distribution_to_spec(d: &Distribution) -> DistributionSpec {
    let n = file::number_from_decimal;
    match d {
        Distribution::Uniform { low, high } => DistributionSpec::Uniform {
            low: n(*low),
            high: n(*high),
        },
        Distribution::Triangular { low, mode, high } => DistributionSpec::Triangular {
            low: n(*low),
            mode: n(*mode),
            high: n(*high),
        },
        Distribution::Pert { low, mode, high } => DistributionSpec::Pert {
            low: n(*low),
            mode: n(*mode),
            high: n(*high),
        },
        Distribution::Normal { mean, sd } => DistributionSpec::Normal {
            mean: n(*mean),
            sd: n(*sd),
        },
        Distribution::LogNormal { mean, sd } => DistributionSpec::Lognormal {
            mean: n(*mean),
            sd: n(*sd),
        },
    }
}

/// The engine edit that gives a named cell its input.
pub fn input_to_edit(name: &str, input: &CellInput) -> Edit {
    let target = CellRef::name(name);
    match input {
        CellInput::Value(v) => Edit::SetValue {
            target,
            value: v.clone(),
        },
        CellInput::Formula(f) => Edit::SetFormula {
            target,
            formula: f.clone(),
        },
    }
}

#[cfg(test)]
mod tests;
