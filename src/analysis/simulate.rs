//! Uncertainty by Monte Carlo: parameters with a `distribution` are drawn many times, the
//! output is recomputed for each draw, and the report gives its mean, spread, percentiles, the
//! probability of beating a threshold, a histogram and which parameters drive its variance.
//!
//! - **Only what depends on the uncertain parameters is recomputed**: the formulas between
//!   them and the output are put in order once ([`Workbook::sweep`]); each worker clones that
//!   plan and, per sample, sets the parameters and evaluates just those formulas (plain
//!   arithmetic on bare decimals). A workbook that refuses a plan (volatile formulas, a
//!   circular reference) is run through [`Workbook::set_values_of`] instead.
//! - **Reproducible on any number of threads**: samples are cut into chunks of
//!   [`SAMPLES_PER_CHUNK`]; chunk `c` draws from its own ChaCha8 stream (`seed`, stream `c`),
//!   chunks run in parallel (rayon) but are stored and summarised in sample order, so the same
//!   seed gives the same numbers, bit for bit, on 1 or 64 threads.
//! - **Latin Hypercube** (`SamplingMethod::LatinHypercube`): for each parameter the unit
//!   interval is cut into `samples` equal strata, each stratum is used exactly once (a seeded
//!   shuffle decides which sample gets which), and the draw is uniform within it.
//! - **Which parameters matter**: the squared Spearman rank correlation of each parameter with
//!   the output, normalised so the shares add up to 1 (the "contribution to variance" of
//!   spreadsheet risk tools). For an output that is linear in independent parameters this is
//!   close to each parameter's share of the output's variance; rank correlation also copes
//!   with monotone non-linear models. It is computed on the first [`CONTRIBUTION_SAMPLES`]
//!   valid samples, which bounds its cost; its sampling error is then about 0.002.

use std::io::{self, Write};

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::distributions::Sampler;
use super::{depends_on, output_cell, AnalysisError};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::engine::{CellId, CellRef, Edit, Sweep, Workbook};
use crate::model::{input_to_edit, Distribution, Model};
use crate::numeric;
use crate::value::{ErrorKind, Value};

/// Samples per chunk: the unit of parallel work and of random streams. Fixed, so results do
/// not depend on the number of threads.
pub const SAMPLES_PER_CHUNK: usize = 1024;
/// The largest run accepted (memory: 8 bytes per sample per uncertain parameter).
pub const MAX_SAMPLES: usize = 20_000_000;
/// The share of samples beyond each end of the histogram.
const HISTOGRAM_TAIL: f64 = 0.001;
/// Samples used for the contribution ranking.
pub const CONTRIBUTION_SAMPLES: usize = 200_000;
/// Failure code of a sample whose output is a number.
const OK: u8 = 0;
/// Failure code of a sample whose output is text, a boolean or empty.
const NOT_A_NUMBER: u8 = ErrorKind::ALL.len() as u8 + 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SamplingMethod {
    /// Independent draws.
    MonteCarlo,
    /// Latin Hypercube: every parameter's range is covered evenly.
    LatinHypercube,
}

impl SamplingMethod {
    pub fn name(self) -> &'static str {
        match self {
            SamplingMethod::MonteCarlo => "monte-carlo",
            SamplingMethod::LatinHypercube => "lhs",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SimulationOptions {
    pub samples: usize,
    pub seed: u64,
    pub method: SamplingMethod,
    /// Report the probability that the output is above this.
    pub threshold: Decimal,
    /// Histogram bins.
    pub bins: usize,
}

impl Default for SimulationOptions {
    fn default() -> Self {
        SimulationOptions {
            samples: 10_000,
            seed: 1,
            method: SamplingMethod::MonteCarlo,
            threshold: Decimal::ZERO,
            bins: 40,
        }
    }
}

/// An uncertain parameter of the run.
#[derive(Clone, Debug, PartialEq)]
pub struct UncertainInput {
    pub name: String,
    pub owner: Option<String>,
    pub unit: Option<String>,
    pub distribution: Distribution,
    /// The distribution's analytic mean.
    pub mean: f64,
}

/// How much of the output's variance a parameter explains.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub input: String,
    pub owner: Option<String>,
    /// Spearman rank correlation with the output (the sign says the direction).
    pub rank_correlation: f64,
    /// Squared rank correlation over the sum of all of them (shares add up to 1).
    pub share: f64,
}

/// Equal-width bins from `low` to `high`: the 0.1st to the 99.9th percentile, so that a long
/// tail does not squeeze the body of the distribution into a few bins.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    pub low: f64,
    pub high: f64,
    pub counts: Vec<u64>,
    /// Samples below `low` and above `high` (not in `counts`).
    pub below: u64,
    pub above: u64,
}

impl Histogram {
    pub fn bin_width(&self) -> f64 {
        if self.counts.is_empty() {
            0.0
        } else {
            (self.high - self.low) / self.counts.len() as f64
        }
    }
}

/// The result of a run: statistics over the samples whose output was a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Simulation {
    pub output: String,
    pub output_unit: Option<String>,
    pub method: SamplingMethod,
    pub seed: u64,
    pub samples: usize,
    /// Samples whose output was a number (the statistics use only these).
    pub valid: usize,
    /// Samples whose output was not a number, by value (e.g. "#DIV/0!").
    pub failures: Vec<(String, usize)>,
    pub mean: f64,
    /// Sample standard deviation.
    pub sd: f64,
    pub min: f64,
    pub max: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub threshold: f64,
    /// Fraction of valid samples with output > threshold.
    pub probability_above: f64,
    pub histogram: Histogram,
    /// Largest share first.
    pub contributions: Vec<Contribution>,
    /// The uncertain parameters the output depends on, in file order.
    pub inputs: Vec<UncertainInput>,
    /// Row-major: sample `i` used `input_samples[i * inputs.len() + j]` for input `j`.
    pub input_samples: Vec<f64>,
    /// The output of each sample (NaN where it was not a number).
    pub output_samples: Vec<f64>,
    /// Per sample: 0 when the output was a number, else the failure's code.
    failure_codes: Vec<u8>,
}

impl Simulation {
    /// The values sample `i` used, one per input.
    pub fn input_row(&self, i: usize) -> &[f64] {
        let k = self.inputs.len();
        self.input_samples
            .get(i * k..(i + 1) * k)
            .unwrap_or_default()
    }

    /// What sample `i`'s output was when it was not a number.
    pub fn failure_of(&self, i: usize) -> Option<&'static str> {
        failure_text(*self.failure_codes.get(i)?)
    }
}

/// Turns draws into decimals at a fixed scale: 15 significant digits at the magnitude of the
/// parameter's distribution (Excel's precision), as `Decimal::new(round(x·10^scale), scale)`.
/// `Decimal::from_f64` does the same job exactly but costs more than evaluating the model.
#[derive(Clone, Copy, Debug)]
struct Quantizer {
    scale: u32,
    factor: f64,
}

impl Quantizer {
    const SIGNIFICANT_DIGITS: i32 = 15;
    /// Largest integer an f64 holds exactly (2^53).
    const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

    fn for_magnitude(magnitude: f64) -> Quantizer {
        let exponent = if magnitude > 0.0 && magnitude.is_finite() {
            magnitude.log10().floor() as i32
        } else {
            0
        };
        let scale = (Self::SIGNIFICANT_DIGITS - 1 - exponent).clamp(0, 22) as u32;
        Quantizer {
            scale,
            factor: 10f64.powi(scale as i32),
        }
    }

    fn decimal(&self, x: f64) -> Value {
        let scaled = (x * self.factor).round();
        if scaled.abs() < Self::EXACT_LIMIT {
            return Value::Number(Decimal::new(scaled as i64, self.scale));
        }
        match numeric::from_f64(x) {
            Ok(d) => Value::Number(d),
            Err(e) => Value::Error(e),
        }
    }
}

/// An uncertain parameter as a worker sees it.
struct Draw {
    cell: CellId,
    sampler: Sampler,
    quantizer: Quantizer,
}

/// Everything a worker needs to run chunks.
struct Plan {
    inputs: Vec<Draw>,
    output: CellId,
    samples: usize,
    seed: u64,
    /// Latin Hypercube: per input, the stratum of each sample.
    strata: Option<Vec<Vec<u32>>>,
}

/// Runs the simulation of `output` over the model's uncertain parameters.
pub fn simulate(
    model: &Model,
    output: &str,
    options: &SimulationOptions,
) -> Result<Simulation, AnalysisError> {
    check_options(options)?;
    let (out_cell, out_id) = output_cell(model, output)?;
    let inputs = uncertain_inputs(model, &out_cell.name)?;
    let (workbook, output_id) =
        output_workbook(model, out_id).unwrap_or_else(|| (model.workbook().clone(), out_id));
    let id_in = |name: &str| workbook.cell_id(&CellRef::name(name));
    let plan = Plan {
        inputs: inputs
            .iter()
            .filter_map(|i| {
                let sampler = Sampler::new(&i.distribution);
                Some(Draw {
                    cell: id_in(&i.name)?,
                    quantizer: Quantizer::for_magnitude(sampler.magnitude()),
                    sampler,
                })
            })
            .collect(),
        output: output_id,
        samples: options.samples,
        seed: options.seed,
        strata: match options.method {
            SamplingMethod::MonteCarlo => None,
            SamplingMethod::LatinHypercube => {
                Some(latin_strata(options.samples, inputs.len(), options.seed))
            }
        },
    };
    let (input_samples, output_samples, failure_codes) = run(&workbook, &plan);
    let threshold = numeric::to_f64(options.threshold);
    let stats = summarize(&output_samples, threshold, options.bins).ok_or_else(|| {
        AnalysisError::AllSamplesFailed {
            output: out_cell.name.clone(),
            value: failure_codes
                .first()
                .and_then(|c| failure_text(*c))
                .unwrap_or("not a number")
                .to_string(),
        }
    })?;
    let contributions = contributions(&inputs, &input_samples, &output_samples);
    Ok(Simulation {
        output: out_cell.name.clone(),
        output_unit: out_cell.unit.clone(),
        method: options.method,
        seed: options.seed,
        samples: options.samples,
        valid: stats.valid,
        failures: count_failures(&failure_codes),
        mean: stats.mean,
        sd: stats.sd,
        min: stats.min,
        max: stats.max,
        p5: stats.p5,
        p50: stats.p50,
        p95: stats.p95,
        threshold,
        probability_above: stats.probability_above,
        histogram: stats.histogram,
        contributions,
        inputs,
        input_samples,
        output_samples,
        failure_codes,
    })
}

fn check_options(options: &SimulationOptions) -> Result<(), AnalysisError> {
    let bad = |option: &str, message: String| {
        Err(AnalysisError::BadOption {
            option: option.to_string(),
            message,
        })
    };
    if options.samples < 2 || options.samples > MAX_SAMPLES {
        return bad(
            "--samples",
            format!(
                "must be between 2 and {MAX_SAMPLES} (got {})",
                options.samples
            ),
        );
    }
    if options.bins == 0 || options.bins > 1000 {
        return bad(
            "--bins",
            format!("must be between 1 and 1000 (got {})", options.bins),
        );
    }
    Ok(())
}

/// The parameters with a distribution that `output` depends on, in file order.
fn uncertain_inputs(model: &Model, output: &str) -> Result<Vec<UncertainInput>, AnalysisError> {
    let all: Vec<UncertainInput> = model
        .inputs()
        .filter_map(|c| {
            let d = c.distribution.clone()?;
            Some(UncertainInput {
                name: c.name.clone(),
                owner: c.owner.clone(),
                unit: c.unit.clone(),
                mean: Sampler::mean_of(&d),
                distribution: d,
            })
        })
        .collect();
    if all.is_empty() {
        return Err(AnalysisError::NoUncertainInputs);
    }
    let names: Vec<String> = all.iter().map(|i| i.name.clone()).collect();
    let relevant: Vec<UncertainInput> = all
        .into_iter()
        .filter(|i| depends_on(model, output, &i.name))
        .collect();
    if relevant.is_empty() {
        return Err(AnalysisError::NoUncertainInfluence {
            output: output.to_string(),
            inputs: names.join(", "),
        });
    }
    Ok(relevant)
}

/// A workbook holding only the model cells `output` depends on (directly or not), so that
/// each sample recomputes the output and nothing else: in the flea-market model
/// `net_value_per_day` needs 2 formulas, while its parameters feed 5. Built from the model's
/// cells with the same formulas and current values. None if it cannot be built (then the
/// whole workbook is used).
fn output_workbook(model: &Model, output: CellId) -> Option<(Workbook, CellId)> {
    let full = model.workbook();
    let index_of: FxHashMap<CellId, usize> = model
        .cells()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((model.id(&c.name)?, i)))
        .collect();
    let mut needed = vec![false; model.cells().len()];
    let mut seen = FxHashSet::default();
    let mut stack = vec![output];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(flag) = index_of.get(&id).and_then(|&i| needed.get_mut(i)) {
            *flag = true;
        }
        stack.extend(full.precedents(id));
    }
    let edits: Vec<Edit> = model
        .cells()
        .iter()
        .zip(&needed)
        .filter(|(_, keep)| **keep)
        .map(|(c, _)| input_to_edit(&c.name, &c.input))
        .collect();
    let mut trimmed = Workbook::new();
    trimmed.apply(edits).ok()?;
    let name = &model.cells().get(*index_of.get(&output)?)?.name;
    let id = trimmed.cell_id(&CellRef::name(name.clone()))?;
    // Same formulas, same values: the output must agree before any sample is drawn.
    (trimmed.value_of(id) == full.value_of(output)).then_some((trimmed, id))
}

/// The random stream of one chunk (or, past the chunks, of one input's shuffle).
fn stream(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// A uniform draw in the open interval (0, 1): 53 random bits, centred in their cell, so
/// quantile functions never see 0 or 1.
fn open_unit(rng: &mut ChaCha8Rng) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
    ((rng.next_u64() >> 11) as f64 + 0.5) * SCALE
}

/// Per input, a seeded shuffle of the strata 0..samples (Fisher–Yates). Input `j` uses the
/// stream `u64::MAX - j`, which no chunk uses.
fn latin_strata(samples: usize, inputs: usize, seed: u64) -> Vec<Vec<u32>> {
    (0..inputs)
        .into_par_iter()
        .map(|j| {
            let mut rng = stream(seed, u64::MAX - j as u64);
            let mut strata: Vec<u32> = (0..samples as u32).collect();
            for i in (1..strata.len()).rev() {
                let k = (rng.next_u64() % (i as u64 + 1)) as usize;
                strata.swap(i, k);
            }
            strata
        })
        .collect()
}

/// How a worker evaluates samples: a planned [`Sweep`] (the formulas between the uncertain
/// parameters and the output, in order), or, when the workbook refuses one (volatile formulas,
/// a circular reference), incremental recalculation of a clone.
#[derive(Clone)]
enum Evaluation {
    Sweep(Sweep),
    Recalc(Workbook),
}

/// Runs every chunk in parallel; returns (input values row-major, outputs, failure codes).
fn run(workbook: &Workbook, plan: &Plan) -> (Vec<f64>, Vec<f64>, Vec<u8>) {
    let k = plan.inputs.len();
    let mut rows = vec![0.0; plan.samples * k];
    let mut outputs = vec![0.0; plan.samples];
    let mut codes = vec![OK; plan.samples];
    let cells: Vec<CellId> = plan.inputs.iter().map(|d| d.cell).collect();
    let evaluation = match workbook.sweep(&cells, &[plan.output]) {
        Ok(sweep) => Evaluation::Sweep(sweep),
        Err(_) => Evaluation::Recalc(workbook.clone()),
    };
    rows.par_chunks_mut(SAMPLES_PER_CHUNK * k.max(1))
        .zip(outputs.par_chunks_mut(SAMPLES_PER_CHUNK))
        .zip(codes.par_chunks_mut(SAMPLES_PER_CHUNK))
        .enumerate()
        .for_each_init(
            || evaluation.clone(),
            |ev, (chunk, ((rows, outputs), codes))| {
                run_chunk(ev, plan, chunk, rows, outputs, codes);
            },
        );
    (rows, outputs, codes)
}

/// Draws and evaluates the samples of one chunk.
fn run_chunk(
    ev: &mut Evaluation,
    plan: &Plan,
    chunk: usize,
    rows: &mut [f64],
    outputs: &mut [f64],
    codes: &mut [u8],
) {
    let k = plan.inputs.len();
    let mut rng = stream(plan.seed, chunk as u64);
    let mut edits: Vec<(CellId, Value)> =
        plan.inputs.iter().map(|d| (d.cell, Value::Empty)).collect();
    let first = chunk * SAMPLES_PER_CHUNK;
    for (offset, ((row, output), code)) in rows
        .chunks_mut(k.max(1))
        .zip(outputs.iter_mut())
        .zip(codes.iter_mut())
        .enumerate()
    {
        let sample = first + offset;
        for (j, (draw, slot)) in plan.inputs.iter().zip(row.iter_mut()).enumerate() {
            let u = unit_draw(plan, &mut rng, sample, j);
            let x = draw.sampler.quantile(u);
            *slot = x;
            let value = draw.quantizer.decimal(x);
            match ev {
                Evaluation::Sweep(sweep) => sweep.set(j, value),
                Evaluation::Recalc(_) => {
                    if let Some(edit) = edits.get_mut(j) {
                        edit.1 = value;
                    }
                }
            }
        }
        let value = match ev {
            Evaluation::Sweep(sweep) => {
                sweep.recompute();
                sweep.value_of(plan.output)
            }
            Evaluation::Recalc(wb) => {
                wb.set_values_of(&edits);
                wb.value_of(plan.output)
            }
        };
        (*output, *code) = match value {
            Value::Number(n) => (output_f64(*n), OK),
            Value::Error(e) => (f64::NAN, error_code(*e)),
            _ => (f64::NAN, NOT_A_NUMBER),
        };
    }
}

/// The output as f64. When the mantissa and 10^scale are both exact doubles, one IEEE
/// division gives the correctly rounded result, at a fraction of `Decimal::to_f64`'s cost.
fn output_f64(d: Decimal) -> f64 {
    const EXACT_LIMIT: i128 = 1 << 53;
    let mantissa = d.mantissa();
    if mantissa.abs() < EXACT_LIMIT && d.scale() <= 22 {
        return mantissa as f64 / 10f64.powi(d.scale() as i32);
    }
    numeric::to_f64(d)
}

/// The uniform draw of input `j` in `sample`: independent, or within its Latin stratum.
fn unit_draw(plan: &Plan, rng: &mut ChaCha8Rng, sample: usize, j: usize) -> f64 {
    let u = open_unit(rng);
    match plan
        .strata
        .as_ref()
        .and_then(|s| s.get(j))
        .and_then(|s| s.get(sample))
    {
        Some(&stratum) => (stratum as f64 + u) / plan.samples as f64,
        None => u,
    }
}

fn error_code(e: ErrorKind) -> u8 {
    ErrorKind::ALL
        .iter()
        .position(|k| *k == e)
        .map(|i| i as u8 + 1)
        .unwrap_or(NOT_A_NUMBER)
}

fn failure_text(code: u8) -> Option<&'static str> {
    match code {
        OK => None,
        NOT_A_NUMBER => Some("not a number"),
        c => ErrorKind::ALL.get(c as usize - 1).map(|e| e.as_str()),
    }
}

fn count_failures(codes: &[u8]) -> Vec<(String, usize)> {
    let mut counts = [0usize; NOT_A_NUMBER as usize + 1];
    for &c in codes {
        if let Some(n) = counts.get_mut(c as usize) {
            *n += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .filter(|(code, n)| *code != OK as usize && **n > 0)
        .filter_map(|(code, n)| Some((failure_text(code as u8)?.to_string(), *n)))
        .collect()
}

struct Summary {
    valid: usize,
    mean: f64,
    sd: f64,
    min: f64,
    max: f64,
    p5: f64,
    p50: f64,
    p95: f64,
    probability_above: f64,
    histogram: Histogram,
}

/// Statistics over the numeric outputs, in sample order (so they do not depend on threads).
fn summarize(outputs: &[f64], threshold: f64, bins: usize) -> Option<Summary> {
    let valid: Vec<f64> = outputs.iter().copied().filter(|x| !x.is_nan()).collect();
    let n = valid.len();
    if n == 0 {
        return None;
    }
    let mean = compensated_sum(valid.iter().copied()) / n as f64;
    let sd = if n > 1 {
        (compensated_sum(valid.iter().map(|x| (x - mean) * (x - mean))) / (n - 1) as f64).sqrt()
    } else {
        0.0
    };
    let above = valid.iter().filter(|x| **x > threshold).count();
    let mut sorted = valid;
    sorted.par_sort_unstable_by(f64::total_cmp);
    let min = sorted.first().copied().unwrap_or(f64::NAN);
    let max = sorted.last().copied().unwrap_or(f64::NAN);
    Some(Summary {
        valid: n,
        mean,
        sd,
        min,
        max,
        p5: percentile(&sorted, 0.05),
        p50: percentile(&sorted, 0.50),
        p95: percentile(&sorted, 0.95),
        probability_above: above as f64 / n as f64,
        histogram: histogram(
            &sorted,
            percentile(&sorted, HISTOGRAM_TAIL),
            percentile(&sorted, 1.0 - HISTOGRAM_TAIL),
            bins,
        ),
    })
}

/// Neumaier's compensated sum: stays accurate over millions of terms.
fn compensated_sum(values: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut compensation) = (0.0f64, 0.0f64);
    for x in values {
        let t = sum + x;
        compensation += if sum.abs() >= x.abs() {
            (sum - t) + x
        } else {
            (x - t) + sum
        };
        sum = t;
    }
    sum + compensation
}

/// The p-quantile of sorted data, interpolating linearly between order statistics (the
/// definition of Excel's PERCENTILE.INC).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let position = p.clamp(0.0, 1.0) * last as f64;
    let below = position.floor() as usize;
    let fraction = position - below as f64;
    match (sorted.get(below), sorted.get(below + 1)) {
        (Some(a), Some(b)) => a + fraction * (b - a),
        (Some(a), None) => *a,
        _ => f64::NAN,
    }
}

fn histogram(sorted: &[f64], low: f64, high: f64, bins: usize) -> Histogram {
    let bins = if high > low { bins } else { 1 };
    let mut counts = vec![0u64; bins];
    let (mut below, mut above) = (0, 0);
    let width = (high - low) / bins as f64;
    for &x in sorted {
        if x < low {
            below += 1;
            continue;
        }
        if x > high {
            above += 1;
            continue;
        }
        let bin = if width > 0.0 {
            (((x - low) / width) as usize).min(bins - 1)
        } else {
            0
        };
        if let Some(c) = counts.get_mut(bin) {
            *c += 1;
        }
    }
    Histogram {
        low,
        high,
        counts,
        below,
        above,
    }
}

/// Each input's squared rank correlation with the output, as shares of their sum.
fn contributions(
    inputs: &[UncertainInput],
    input_samples: &[f64],
    outputs: &[f64],
) -> Vec<Contribution> {
    let k = inputs.len();
    let rows: Vec<usize> = outputs
        .iter()
        .enumerate()
        .filter(|(_, y)| !y.is_nan())
        .map(|(i, _)| i)
        .take(CONTRIBUTION_SAMPLES)
        .collect();
    let output_ranks = ranks(&rows.iter().map(|&i| outputs[i]).collect::<Vec<_>>());
    let correlations: Vec<f64> = (0..k)
        .into_par_iter()
        .map(|j| {
            let column: Vec<f64> = rows
                .iter()
                .map(|&i| input_samples.get(i * k + j).copied().unwrap_or(f64::NAN))
                .collect();
            pearson(&ranks(&column), &output_ranks)
        })
        .collect();
    let total: f64 = correlations.iter().map(|r| r * r).sum();
    let mut list: Vec<Contribution> = inputs
        .iter()
        .zip(&correlations)
        .map(|(input, &r)| Contribution {
            input: input.name.clone(),
            owner: input.owner.clone(),
            rank_correlation: r,
            share: if total > 0.0 { r * r / total } else { 0.0 },
        })
        .collect();
    list.sort_by(|a, b| b.share.total_cmp(&a.share));
    list
}

/// Ranks 1..n, ties sharing their average rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    // Sorting (key, index) pairs by an order-preserving integer key is several times faster
    // than sorting indices with a comparator that looks the values up.
    let mut order: Vec<(u64, u32)> = values
        .iter()
        .enumerate()
        .map(|(i, x)| (ordered_bits(*x), i as u32))
        .collect();
    order.sort_unstable();
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while let Some(&(key, _)) = order.get(start) {
        let run = order
            .get(start..)
            .map(|rest| rest.iter().take_while(|(k, _)| *k == key).count())
            .unwrap_or(1);
        let end = start + run.max(1);
        // Positions start..end (0-based) hold equal values: their ranks are start+1..=end.
        let average = (start + 1 + end) as f64 / 2.0;
        for &(_, i) in order.get(start..end).unwrap_or_default() {
            if let Some(r) = ranks.get_mut(i as usize) {
                *r = average;
            }
        }
        start = end;
    }
    ranks
}

/// An integer whose order is f64's total order (negatives flipped, positives offset).
fn ordered_bits(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Pearson correlation; 0 when either side does not vary.
fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Writes every sample as CSV: `sample`, one column per uncertain parameter, the output (its
/// error text where it was not a number).
pub fn write_samples_csv(simulation: &Simulation, mut out: impl Write) -> io::Result<()> {
    let mut header = vec!["sample".to_string()];
    header.extend(simulation.inputs.iter().map(|i| csv_field(&i.name)));
    header.push(csv_field(&simulation.output));
    writeln!(out, "{}", header.join(","))?;
    for (i, y) in simulation.output_samples.iter().enumerate() {
        write!(out, "{}", i + 1)?;
        for x in simulation.input_row(i) {
            write!(out, ",{x}")?;
        }
        match simulation.failure_of(i) {
            Some(text) => writeln!(out, ",{}", csv_field(text))?,
            None => writeln!(out, ",{y}")?,
        }
    }
    out.flush()
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_interpolates_like_excel() {
        let data = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&data, 0.5), 2.5);
        assert_eq!(percentile(&data, 0.0), 1.0);
        assert_eq!(percentile(&data, 1.0), 4.0);
        assert!((percentile(&data, 0.05) - 1.15).abs() < 1e-12);
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(ranks(&[10.0, 30.0, 20.0, 20.0]), vec![1.0, 4.0, 2.5, 2.5]);
        assert_eq!(
            ranks(&[-1.5, 0.0, -0.0, -3.0, 2.0]),
            vec![2.0, 4.0, 3.0, 1.0, 5.0]
        );
        assert_eq!(ranks(&[]), Vec::<f64>::new());
    }

    #[test]
    fn pearson_of_a_line_is_one() {
        let x = [1.0, 2.0, 3.0, 4.0];
        let y = [3.0, 5.0, 7.0, 9.0];
        assert!((pearson(&x, &y) - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&x, &[1.0; 4]), 0.0);
    }

    #[test]
    fn failure_codes_round_trip() {
        assert_eq!(failure_text(error_code(ErrorKind::Div0)), Some("#DIV/0!"));
        assert_eq!(failure_text(NOT_A_NUMBER), Some("not a number"));
        assert_eq!(failure_text(OK), None);
    }

    #[test]
    fn quantizer_keeps_fifteen_digits() {
        let q = Quantizer::for_magnitude(20_000.0);
        assert_eq!(
            q.decimal(19_876.543_210_987_65),
            Value::Number(Decimal::new(198_765_432_109_877, 10))
        );
        let q = Quantizer::for_magnitude(0.95);
        assert_eq!(
            q.decimal(0.9),
            Value::Number(Decimal::new(900_000_000_000_000, 15))
        );
        // Far outside the expected magnitude: still exact enough, via from_f64.
        assert_eq!(
            q.decimal(1e20),
            Value::Number(Decimal::from(100_000_000_000_000_000_000u128))
        );
        assert_eq!(q.decimal(f64::NAN), Value::Error(ErrorKind::Num));
    }

    #[test]
    fn output_conversion_matches_decimal_to_f64() {
        for text in [
            "162000",
            "-12.5",
            "0.1",
            "18.666666666666666666666666667",
            "1e-20",
            "7.5",
        ] {
            let d = numeric::parse_number_text(text).unwrap_or_default();
            assert_eq!(output_f64(d), numeric::to_f64(d), "{text}");
        }
    }

    #[test]
    fn latin_strata_are_permutations() {
        let strata = latin_strata(1000, 3, 7);
        for s in &strata {
            let mut sorted = s.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..1000).collect::<Vec<u32>>());
        }
        assert_ne!(strata[0], strata[1]);
    }
}
