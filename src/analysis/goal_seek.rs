//! Goal seek (break-even): the parameter value that makes an output hit a target, e.g. "how
//! many checking staff can stay before the project stops paying?" (`net_value_per_day = 0`,
//! varying `staff_after`).
//!
//! 1. **Bracket.** The range is `--low/--high` if given, else the parameter's declared
//!    `low`/`high`, else a search outward from the base value in doubling steps (at most
//!    [`MAX_EXPANSIONS`] each way) for two points where the output is on either side of the
//!    target. When the range holds no crossing, the answer says so, with the output at both
//!    ends.
//! 2. **Solve** inside the bracket with the secant (false-position) step, falling back to
//!    bisection whenever the secant step leaves the bracket or fails to halve it, for at most
//!    [`MAX_ITERATIONS`] steps. All in exact decimals: for an output linear in the parameter
//!    the first secant step lands on the answer to Decimal's 28 digits.
//!
//! It stops when the output equals the target, when the miss is below 1e-20 of the output's
//! spread over the bracket, or when the bracket is narrower than 1e-21 of its magnitude. If
//! the bracket shrinks onto a point where the output still jumps across the target (a pole,
//! e.g. `1/x` at 0), that is reported as a jump, not as a solution.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::{base_number, depends_on, numeric_input, output_cell, AnalysisError, Probe};
use crate::model::Model;
use crate::numeric;
use crate::value::Value;

/// Doublings of the search step on each side of the base before giving up.
pub const MAX_EXPANSIONS: usize = 64;
/// Secant/bisection steps inside a bracket.
pub const MAX_ITERATIONS: usize = 200;
/// Stop when |output − target| is below this fraction of the output's spread over the bracket.
const GAP_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 20);
/// Stop when the bracket is narrower than this fraction of its magnitude (Decimal has 28
/// significant digits; this leaves room for parameters in the millions).
const WIDTH_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 21);

/// What to solve: `output = target` by changing `vary`.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeekRequest {
    pub output: String,
    pub target: Decimal,
    pub vary: String,
    /// Search range (both or neither; else the cell's low/high, else a bracket search).
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

/// Where the search range came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeSource {
    /// `--low`/`--high`.
    Given,
    /// The parameter's `low`/`high` in the model.
    Declared,
    /// Found by searching outward from the base value.
    Searched,
}

#[derive(Clone, Debug, PartialEq)]
pub enum GoalSeekOutcome {
    Solved {
        /// The parameter value (full decimal precision).
        input: Decimal,
        /// The output there (equal to the target, or within the tolerance).
        output: Decimal,
        iterations: usize,
        /// Whether the output grows as the parameter grows (around the answer), so the target
        /// is met or beaten on the side `input ≤ answer` when false, `input ≥ answer` when true.
        output_rises: bool,
    },
    /// The output stays on one side of the target over the whole range.
    NoSolution {
        low: Decimal,
        high: Decimal,
        output_at_low: Value,
        output_at_high: Value,
    },
    /// The output crosses the target at `at` without reaching it: a pole (e.g. `1/x` at 0),
    /// a step, or a point where it is not a number (`output_at`).
    Jump {
        at: Decimal,
        output_at: Value,
        output_below: Value,
        output_above: Value,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeekReport {
    pub output: String,
    pub output_unit: Option<String>,
    pub vary: String,
    pub vary_unit: Option<String>,
    pub target: Decimal,
    pub base_input: Decimal,
    pub base_output: Decimal,
    /// The range searched.
    pub low: Decimal,
    pub high: Decimal,
    pub range: RangeSource,
    pub outcome: GoalSeekOutcome,
}

/// Solves `output = target` by changing the parameter `vary`.
pub fn goal_seek(
    model: &Model,
    request: &GoalSeekRequest,
) -> Result<GoalSeekReport, AnalysisError> {
    let (out_cell, out_id) = output_cell(model, &request.output)?;
    let (in_cell, in_id, base_input) = numeric_input(model, &request.vary)?;
    if !depends_on(model, &out_cell.name, &in_cell.name) {
        return Err(AnalysisError::NotInfluenced {
            output: out_cell.name.clone(),
            input: in_cell.name.clone(),
        });
    }
    let base_output = base_number(model, out_cell, out_id)?;
    let mut seeker = Seeker {
        probe: Probe::new(model, in_id, out_id),
        target: request.target,
        output: out_cell.name.clone(),
        input: in_cell.name.clone(),
    };
    let (low, high, range) = match (request.low, request.high, in_cell.low, in_cell.high) {
        (Some(l), Some(h), _, _) => (l, h, RangeSource::Given),
        (Some(_), None, _, _) | (None, Some(_), _, _) => {
            return Err(AnalysisError::BadOption {
                option: "--low/--high".to_string(),
                message: "give both ends of the range, or neither".to_string(),
            })
        }
        (None, None, Some(l), Some(h)) => (l, h, RangeSource::Declared),
        (None, None, _, _) => (base_input, base_input, RangeSource::Searched),
    };
    if low > high {
        return Err(AnalysisError::BadOption {
            option: "range".to_string(),
            message: format!("low {low} is above high {high}"),
        });
    }
    let outcome = match range {
        RangeSource::Searched => seeker.search_outward(base_input)?,
        _ => seeker.solve_in(low, high)?,
    };
    let (low, high) = match &outcome {
        GoalSeekOutcome::NoSolution { low, high, .. } => (*low, *high),
        _ => (low, high),
    };
    Ok(GoalSeekReport {
        output: out_cell.name.clone(),
        output_unit: out_cell.unit.clone(),
        vary: in_cell.name.clone(),
        vary_unit: in_cell.unit.clone(),
        target: request.target,
        base_input,
        base_output,
        low,
        high,
        range,
        outcome,
    })
}

/// Every formula cell's value at the base and with `vary` set to `value`, in file order: the
/// answer in context (payback days, NPV... at the break-even point).
pub fn outputs_at(
    model: &Model,
    vary: &str,
    value: Decimal,
) -> Result<Vec<(String, Value, Value)>, AnalysisError> {
    let (_, in_id, _) = numeric_input(model, vary)?;
    let mut probe = Probe::new(model, in_id, in_id);
    probe.output_at(value);
    Ok(model
        .outputs()
        .filter_map(|c| {
            let id = model.id(&c.name)?;
            let base = model.workbook().value_of(id).clone();
            Some((c.name.clone(), base, probe.value_of(id).clone()))
        })
        .collect())
}

/// A point where the output was evaluated: the parameter, and output − target.
#[derive(Clone, Copy, Debug)]
struct Point {
    x: Decimal,
    gap: Decimal,
}

struct Seeker {
    probe: Probe,
    target: Decimal,
    output: String,
    input: String,
}

/// The point's side of the target: Less, Equal or Greater.
fn side(p: &Point) -> Ordering {
    p.gap.cmp(&Decimal::ZERO)
}

fn crosses(a: &Point, b: &Point) -> bool {
    side(a) == Ordering::Equal || side(b) == Ordering::Equal || side(a) != side(b)
}

impl Seeker {
    /// output(x) − target, or the output's value when it is not a number.
    fn gap_at(&mut self, x: Decimal) -> Result<Point, Value> {
        let v = self.probe.output_at(x);
        match v.as_number().map(|n| numeric::sub(n, self.target)) {
            Some(Ok(gap)) => Ok(Point { x, gap }),
            Some(Err(e)) => Err(Value::Error(e)),
            None => Err(v),
        }
    }

    /// Like `gap_at`, but a non-number inside a bracket is an error the user must see.
    fn gap_inside(&mut self, x: Decimal) -> Result<Point, AnalysisError> {
        self.gap_at(x)
            .map_err(|value| AnalysisError::OutputNotNumeric {
                output: self.output.clone(),
                input: self.input.clone(),
                at: numeric::to_plain_string(x),
                value: super::describe(&value),
            })
    }

    fn value_at(&mut self, x: Decimal) -> Value {
        self.probe.output_at(x)
    }

    /// Solves within a given range, or reports the output at both ends.
    fn solve_in(&mut self, low: Decimal, high: Decimal) -> Result<GoalSeekOutcome, AnalysisError> {
        let ends = (self.gap_at(low), self.gap_at(high));
        match ends {
            (Ok(a), Ok(b)) if crosses(&a, &b) => self.solve(a, b),
            _ => Ok(GoalSeekOutcome::NoSolution {
                low,
                high,
                output_at_low: self.value_at(low),
                output_at_high: self.value_at(high),
            }),
        }
    }

    /// Searches outward from the base in doubling steps until the output crosses the target
    /// on one side, then solves there.
    fn search_outward(&mut self, base: Decimal) -> Result<GoalSeekOutcome, AnalysisError> {
        let origin = self.gap_inside(base)?;
        if origin.gap.is_zero() {
            return Ok(self.solved(origin, 0));
        }
        // A tenth of the base (or 0.1 for a base of 0) is a small first step for any unit.
        let first_step = if base.is_zero() {
            Decimal::new(1, 1)
        } else {
            numeric::div(base.abs(), Decimal::TEN).unwrap_or(Decimal::ONE)
        };
        let mut sides = [
            Side::new(origin, Decimal::ONE, first_step),
            Side::new(origin, Decimal::NEGATIVE_ONE, first_step),
        ];
        for _ in 0..MAX_EXPANSIONS {
            let mut any_open = false;
            for s in sides.iter_mut() {
                let Some(x) = s.next_x() else { continue };
                any_open = true;
                match self.gap_at(x) {
                    Ok(p) => {
                        let previous = s.last;
                        s.advance(p);
                        if crosses(&previous, &p) {
                            let (a, b) = if previous.x < p.x {
                                (previous, p)
                            } else {
                                (p, previous)
                            };
                            return self.solve(a, b);
                        }
                    }
                    // The output stops being a number (e.g. a square root of a negative):
                    // the search stops on that side.
                    Err(_) => s.open = false,
                }
            }
            if !any_open {
                break;
            }
        }
        let (low, high) = (sides[1].last.x, sides[0].last.x);
        Ok(GoalSeekOutcome::NoSolution {
            low,
            high,
            output_at_low: self.value_at(low),
            output_at_high: self.value_at(high),
        })
    }

    /// Secant steps with bisection as the safeguard, inside a bracket [a, b] (a < b) whose
    /// ends are on opposite sides of the target (or one is on it).
    fn solve(&mut self, mut a: Point, mut b: Point) -> Result<GoalSeekOutcome, AnalysisError> {
        if a.gap.is_zero() {
            return Ok(self.solved(a, 0));
        }
        if b.gap.is_zero() {
            return Ok(self.solved(b, 0));
        }
        let gap_tolerance = scaled(a.gap.abs().max(b.gap.abs()), GAP_TOLERANCE);
        let magnitude = a.x.abs().max(b.x.abs()).max(Decimal::ONE);
        let width_tolerance = scaled(magnitude, WIDTH_TOLERANCE);
        let mut best = if a.gap.abs() < b.gap.abs() { a } else { b };
        // False position can creep from one side; when a step fails to halve the bracket,
        // the next one bisects.
        let mut bisect_next = false;
        for iteration in 1..=MAX_ITERATIONS {
            let width = numeric::sub(b.x, a.x).unwrap_or(Decimal::MAX);
            let midpoint = midpoint(a.x, b.x);
            if midpoint <= a.x || midpoint >= b.x {
                break; // the bracket is as narrow as decimals can make it
            }
            let x = match secant(&a, &b) {
                Some(x) if !bisect_next && x > a.x && x < b.x => x,
                _ => midpoint,
            };
            let p = match self.gap_at(x) {
                Ok(p) => p,
                Err(value) => return Ok(self.jump(x, value, a.x, b.x)),
            };
            if p.gap.abs() < best.gap.abs() {
                best = p;
            }
            if p.gap.is_zero() || p.gap.abs() <= gap_tolerance {
                return Ok(self.solved(p, iteration));
            }
            if side(&p) == side(&a) {
                a = p;
            } else {
                b = p;
            }
            let new_width = numeric::sub(b.x, a.x).unwrap_or(Decimal::MAX);
            bisect_next = new_width > width / Decimal::TWO;
            if new_width <= width_tolerance {
                break;
            }
        }
        // The bracket closed without the output reaching the target: a jump across it.
        if best.gap.abs() > gap_tolerance {
            let value = self.value_at(best.x);
            return Ok(self.jump(best.x, value, a.x, b.x));
        }
        Ok(self.solved(best, MAX_ITERATIONS))
    }

    fn jump(
        &mut self,
        at: Decimal,
        output_at: Value,
        below: Decimal,
        above: Decimal,
    ) -> GoalSeekOutcome {
        GoalSeekOutcome::Jump {
            at,
            output_at,
            output_below: self.value_at(below),
            output_above: self.value_at(above),
        }
    }

    fn solved(&mut self, p: Point, iterations: usize) -> GoalSeekOutcome {
        let output = numeric::add(p.gap, self.target).unwrap_or(self.target);
        GoalSeekOutcome::Solved {
            input: p.x,
            output,
            iterations,
            output_rises: self.rises_at(p.x),
        }
    }

    /// Whether the output is larger a little above `x` than a little below it.
    fn rises_at(&mut self, x: Decimal) -> bool {
        let step = scaled(x.abs(), Decimal::new(1, 9)).max(Decimal::new(1, 12));
        let below = numeric::sub(x, step).ok().and_then(|x| self.gap_at(x).ok());
        let above = numeric::add(x, step).ok().and_then(|x| self.gap_at(x).ok());
        matches!((below, above), (Some(b), Some(a)) if a.gap > b.gap)
    }
}

/// The midpoint of a and b, without overflowing near Decimal's limits.
fn midpoint(a: Decimal, b: Decimal) -> Decimal {
    let half_a = a / Decimal::TWO;
    let half_b = b / Decimal::TWO;
    numeric::add(half_a, half_b).unwrap_or(half_a)
}

/// `value × factor` for a small factor (cannot overflow; falls back to the value).
fn scaled(value: Decimal, factor: Decimal) -> Decimal {
    numeric::mul(value, factor).unwrap_or(value)
}

/// Where the straight line through a and b meets the target.
fn secant(a: &Point, b: &Point) -> Option<Decimal> {
    let rise = numeric::sub(b.gap, a.gap).ok()?;
    let run = numeric::sub(b.x, a.x).ok()?;
    let step = numeric::div(numeric::mul(b.gap, run).ok()?, rise).ok()?;
    numeric::sub(b.x, step).ok()
}

/// One direction of the outward bracket search.
struct Side {
    last: Point,
    direction: Decimal,
    step: Decimal,
    origin: Decimal,
    open: bool,
}

impl Side {
    fn new(origin: Point, direction: Decimal, step: Decimal) -> Side {
        Side {
            last: origin,
            direction,
            step,
            origin: origin.x,
            open: true,
        }
    }

    /// The next point (origin ± step), or None once the step no longer fits in a decimal.
    fn next_x(&mut self) -> Option<Decimal> {
        if !self.open {
            return None;
        }
        let x = numeric::mul(self.direction, self.step)
            .and_then(|d| numeric::add(self.origin, d))
            .ok();
        if x.is_none() {
            self.open = false;
        }
        x
    }

    fn advance(&mut self, p: Point) {
        self.last = p;
        match numeric::mul(self.step, Decimal::TWO) {
            Ok(s) => self.step = s,
            Err(_) => self.open = false,
        }
    }
}
