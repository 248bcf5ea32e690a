//! What functions receive and return: [`Operand`]s (a value, a reference into the workbook, or an
//! array), read through an [`EvalContext`], plus the coercion helpers every function shares.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::formula::CellPos;
use crate::value::{ErrorKind, Value};

/// A sheet of the workbook being evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SheetId(pub u32);

/// A resolved rectangular reference: zero-based, inclusive corners.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Area {
    pub sheet: SheetId,
    pub top: u32,
    pub left: u32,
    pub bottom: u32,
    pub right: u32,
}

impl Area {
    pub fn cell(sheet: SheetId, row: u32, col: u32) -> Area {
        Area {
            sheet,
            top: row,
            left: col,
            bottom: row,
            right: col,
        }
    }
    pub fn rows(&self) -> usize {
        (self.bottom - self.top) as usize + 1
    }
    pub fn cols(&self) -> usize {
        (self.right - self.left) as usize + 1
    }
    pub fn is_single_cell(&self) -> bool {
        self.top == self.bottom && self.left == self.right
    }
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.top..=self.bottom).contains(&row) && (self.left..=self.right).contains(&col)
    }
}

/// The most elements an array computed element by element may have (the same bound as
/// SEQUENCE and friends): beyond it the result is `#NUM!` instead of an allocation the machine
/// cannot make (`SUM(A:XFD*1)` would be 17 billion values).
#[cfg(not(fuzzing))]
pub const MAX_ARRAY_CELLS: usize = 10_000_000;
/// Fuzzing builds (`cargo fuzz` sets `--cfg fuzzing`) use a smaller bound, so that the fuzzer
/// explores instead of timing out on legitimately slow whole-column arithmetic.
#[cfg(fuzzing)]
pub const MAX_ARRAY_CELLS: usize = 100_000;

/// A two-dimensional array of values, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct Array {
    pub rows: usize,
    pub cols: usize,
    pub values: Vec<Value>,
}

impl Array {
    pub fn new(rows: usize, cols: usize, values: Vec<Value>) -> Array {
        Array { rows, cols, values }
    }
    pub fn filled(rows: usize, cols: usize, value: Value) -> Array {
        Array {
            rows,
            cols,
            values: vec![value; rows * cols],
        }
    }
    pub fn column(values: Vec<Value>) -> Array {
        Array {
            rows: values.len(),
            cols: 1,
            values,
        }
    }
    pub fn get(&self, row: usize, col: usize) -> Option<&Value> {
        if row < self.rows && col < self.cols {
            self.values.get(row * self.cols + col)
        } else {
            None
        }
    }
}

/// An argument to, or result of, a function or operator.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Value(Value),
    /// A reference, read lazily through the [`EvalContext`].
    Ref(Area),
    Array(Arc<Array>),
}

impl From<Value> for Operand {
    fn from(v: Value) -> Self {
        Operand::Value(v)
    }
}
impl From<ErrorKind> for Operand {
    fn from(e: ErrorKind) -> Self {
        Operand::Value(Value::Error(e))
    }
}
impl From<Decimal> for Operand {
    fn from(d: Decimal) -> Self {
        Operand::Value(Value::Number(d))
    }
}
impl From<bool> for Operand {
    fn from(b: bool) -> Self {
        Operand::Value(Value::Bool(b))
    }
}
impl From<Array> for Operand {
    fn from(a: Array) -> Self {
        Operand::Array(Arc::new(a))
    }
}
impl From<Result<Decimal, ErrorKind>> for Operand {
    fn from(r: Result<Decimal, ErrorKind>) -> Self {
        Operand::Value(r.into())
    }
}
impl From<Result<Value, ErrorKind>> for Operand {
    fn from(r: Result<Value, ErrorKind>) -> Self {
        Operand::Value(r.unwrap_or_else(Value::Error))
    }
}

impl Operand {
    pub fn error(e: ErrorKind) -> Operand {
        Operand::Value(Value::Error(e))
    }

    /// (rows, columns) of the operand; a single value is 1x1.
    pub fn dims(&self) -> (usize, usize) {
        match self {
            Operand::Value(_) => (1, 1),
            Operand::Ref(a) => (a.rows(), a.cols()),
            Operand::Array(a) => (a.rows, a.cols),
        }
    }

    /// The value at (row, col) within the operand (zero-based); a single value repeats
    /// everywhere, as Excel broadcasts scalars; outside the operand is `#N/A`.
    pub fn get(&self, ctx: &dyn EvalContext, row: usize, col: usize) -> Value {
        match self {
            Operand::Value(v) => v.clone(),
            Operand::Ref(a) => {
                if row < a.rows() && col < a.cols() {
                    ctx.cell(a.sheet, a.top + row as u32, a.left + col as u32)
                        .clone()
                } else {
                    Value::Error(ErrorKind::NA)
                }
            }
            Operand::Array(arr) => arr
                .get(row, col)
                .cloned()
                .unwrap_or(Value::Error(ErrorKind::NA)),
        }
    }

    /// Like [`Operand::get`], but a 1-row or 1-column operand repeats along the other axis,
    /// as Excel broadcasts in array arithmetic.
    pub fn get_broadcast(&self, ctx: &dyn EvalContext, row: usize, col: usize) -> Value {
        let (rows, cols) = self.dims();
        let r = if rows == 1 { 0 } else { row };
        let c = if cols == 1 { 0 } else { col };
        self.get(ctx, r, c)
    }

    /// A multi-cell reference or an array (what array lifting maps over).
    pub fn is_multi(&self) -> bool {
        match self {
            Operand::Value(_) => false,
            Operand::Ref(a) => !a.is_single_cell(),
            Operand::Array(_) => true,
        }
    }

    pub fn is_reference(&self) -> bool {
        matches!(self, Operand::Ref(_))
    }
}

/// Read access to the workbook while a formula evaluates. The engine implements it; functions
/// see nothing else of the engine.
pub trait EvalContext {
    /// The value of a cell (Empty when the cell does not exist).
    fn cell(&self, sheet: SheetId, row: u32, col: u32) -> &Value;

    /// Calls `f(row, col, value)` for every non-empty cell in the area, in no particular order.
    fn for_each_in_area(&self, area: &Area, f: &mut dyn FnMut(u32, u32, &Value));

    /// The part of `area` that can hold data: whole-column or whole-row areas clipped to the
    /// sheet's used extent (so `SUM(A:A)` costs what the data costs, not a million rows).
    fn clip_to_used(&self, area: &Area) -> Area;

    /// The cell whose formula is being evaluated, if it is a grid cell.
    fn current_cell(&self) -> Option<(SheetId, CellPos)>;

    /// Sheet lookup by name (case-insensitive) and back.
    fn sheet_by_name(&self, name: &str) -> Option<SheetId>;
    fn sheet_name(&self, sheet: SheetId) -> Option<&str>;
    /// Sheets in workbook order (for SHEET/SHEETS and 3-D lookups).
    fn sheet_count(&self) -> usize;

    /// Resolves reference text at run time (INDIRECT): `B3`, `Sheet2!A1:B4`, a defined name, or
    /// R1C1 text when `a1` is false. `#REF!` when it names nothing.
    fn resolve_reference_text(&self, text: &str, a1: bool) -> Operand;

    /// Is the cell a formula cell (ISFORMULA, FORMULATEXT)?
    fn formula_text(&self, sheet: SheetId, row: u32, col: u32) -> Option<String>;

    /// The current date-time as an Excel serial number (NOW, TODAY).
    fn now_serial(&self) -> Decimal;

    /// A uniformly distributed number in [0, 1) (RAND, RANDBETWEEN).
    fn random(&self) -> f64;
}

// ---------------------------------------------------------------------------------------------
// Coercion helpers shared by every function.
// ---------------------------------------------------------------------------------------------

/// One value from an operand, as a scalar argument sees it: a single cell's value; for a
/// multi-cell reference, the cell in the formula's own row or column (Excel's implicit
/// intersection) or `#VALUE!`; for an array, its first element.
pub fn scalar(op: &Operand, ctx: &dyn EvalContext) -> Value {
    match op {
        Operand::Value(v) => v.clone(),
        Operand::Ref(a) => {
            if a.is_single_cell() {
                return ctx.cell(a.sheet, a.top, a.left).clone();
            }
            implicit_intersection(a, ctx)
                .map(|(r, c)| ctx.cell(a.sheet, r, c).clone())
                .unwrap_or(Value::Error(ErrorKind::Value))
        }
        Operand::Array(arr) => arr
            .values
            .first()
            .cloned()
            .unwrap_or(Value::Error(ErrorKind::Value)),
    }
}

/// One operand as a legacy formula gives it to a function that reads single values: a
/// multi-cell reference becomes the reference to its cell in the formula's own row or column
/// (still a reference, so an empty cell is not mistaken for an omitted argument) or `#VALUE!`;
/// an array its first element.
pub fn single(op: &Operand, ctx: &dyn EvalContext) -> Operand {
    match op {
        Operand::Ref(a) if !a.is_single_cell() => match implicit_intersection(a, ctx) {
            Some((row, col)) => Operand::Ref(Area::cell(a.sheet, row, col)),
            None => Operand::error(ErrorKind::Value),
        },
        Operand::Array(_) => Operand::Value(scalar(op, ctx)),
        other => other.clone(),
    }
}

/// The cell of `area` in the current cell's row (single column area) or column (single row).
/// The area may be on another sheet: Excel intersects by position (in Sheet2!B2,
/// `=Sheet1!B1:B3` is Sheet1!B2).
pub fn implicit_intersection(area: &Area, ctx: &dyn EvalContext) -> Option<(u32, u32)> {
    let (_, pos) = ctx.current_cell()?;
    if area.left == area.right && (area.top..=area.bottom).contains(&pos.row) {
        return Some((pos.row, area.left));
    }
    if area.top == area.bottom && (area.left..=area.right).contains(&pos.col) {
        return Some((area.top, pos.col));
    }
    None
}

pub fn number(op: &Operand, ctx: &dyn EvalContext) -> Result<Decimal, ErrorKind> {
    scalar(op, ctx).to_number()
}

pub fn text(op: &Operand, ctx: &dyn EvalContext) -> Result<Arc<str>, ErrorKind> {
    scalar(op, ctx).to_text()
}

pub fn boolean(op: &Operand, ctx: &dyn EvalContext) -> Result<bool, ErrorKind> {
    scalar(op, ctx).to_bool()
}

/// An optional numeric argument: `default` when omitted or given as an empty argument.
pub fn number_or(
    args: &[Operand],
    i: usize,
    default: Decimal,
    ctx: &dyn EvalContext,
) -> Result<Decimal, ErrorKind> {
    match args.get(i) {
        None => Ok(default),
        Some(op) => match scalar(op, ctx) {
            Value::Empty => Ok(default),
            v => v.to_number(),
        },
    }
}

/// A whole-number argument, truncated toward zero as Excel truncates counts and indexes.
pub fn integer(op: &Operand, ctx: &dyn EvalContext) -> Result<i64, ErrorKind> {
    use rust_decimal::prelude::ToPrimitive;
    let n = number(op, ctx)?;
    crate::numeric::snap15(n)
        .trunc()
        .to_i64()
        .ok_or(ErrorKind::Num)
}

// ---------------------------------------------------------------------------------------------
// Omitted arguments. The evaluator passes an omitted argument (`F(a,,c)`) as an empty value,
// while a reference to an empty cell stays a reference: the first takes the argument's default,
// the second means 0 or "" (`CEILING.MATH(x)` rounds to 1, `CEILING.MATH(x, A1)` with A1 empty
// gives 0).
// ---------------------------------------------------------------------------------------------

/// Whether argument `i` was omitted or not written at all.
pub fn is_omitted(args: &[Operand], i: usize) -> bool {
    matches!(args.get(i), None | Some(Operand::Value(Value::Empty)))
}

/// Argument `i`, or `default` when omitted.
pub fn operand_or(args: &[Operand], i: usize, default: Value) -> Operand {
    if is_omitted(args, i) {
        Operand::Value(default)
    } else {
        args.get(i).cloned().unwrap_or(Operand::Value(default))
    }
}

/// Which of the written arguments were omitted.
pub fn omitted_flags(args: &[Operand]) -> Vec<bool> {
    (0..args.len()).map(|i| is_omitted(args, i)).collect()
}

/// The argument values with the omitted ones as `None`.
pub fn given_values(values: &[Value], omitted: &[bool]) -> Vec<Option<Value>> {
    values
        .iter()
        .zip(omitted)
        .map(|(v, &o)| if o { None } else { Some(v.clone()) })
        .collect()
}

/// Maps `f` element by element like a scalar function, but with the omitted arguments as
/// `None`, so that it can tell them from empty cells.
pub fn lift_with_omitted(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: fn(&[Option<Value>]) -> Value,
) -> Operand {
    let omitted = omitted_flags(args);
    let mut call = |values: &[Value]| f(&given_values(values, &omitted));
    if let Some(array) = lift(args, ctx, &mut call) {
        return Operand::Array(Arc::new(array));
    }
    let values: Vec<Value> = args.iter().map(|a| scalar(a, ctx)).collect();
    Operand::Value(call(&values))
}

/// What an aggregate takes from references and arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collect {
    /// SUM, AVERAGE, MIN...: direct arguments are coerced (text to number or `#VALUE!`, TRUE=1);
    /// cells and array elements count only when they are numbers; errors propagate.
    Numbers,
    /// AVERAGEA, MINA...: like Numbers, but text and booleans in cells count (text as 0).
    NumbersA,
}

/// How an aggregate reads its arguments.
#[derive(Clone, Copy, Debug)]
pub struct Gather {
    pub collect: Collect,
    /// AGGREGATE's options 2, 3, 6 and 7: error values are skipped instead of returned.
    pub skip_errors: bool,
    /// SUBTOTAL and AGGREGATE: cells whose own formula calls SUBTOTAL or AGGREGATE are
    /// skipped, so that subtotals are not counted twice.
    pub skip_subtotals: bool,
    /// Visit values in Excel's order (argument by argument, row by row), for the functions
    /// whose result depends on it (NPV, MODE).
    pub ordered: bool,
}

impl Gather {
    pub const NUMBERS: Gather = Gather {
        collect: Collect::Numbers,
        skip_errors: false,
        skip_subtotals: false,
        ordered: false,
    };
    pub const NUMBERS_A: Gather = Gather {
        collect: Collect::NumbersA,
        ..Gather::NUMBERS
    };
    pub const ORDERED: Gather = Gather {
        ordered: true,
        ..Gather::NUMBERS
    };
}

/// Visits the numbers of an aggregate's arguments with Excel's rules: direct arguments are
/// coerced (numeric text to its number, TRUE to 1, other text is `#VALUE!`), an omitted
/// argument is skipped, values inside references and arrays count per [`Collect`], and the
/// first error (in reading order) is returned unless the gather skips errors.
pub fn gather(
    args: &[Operand],
    ctx: &dyn EvalContext,
    g: Gather,
    f: &mut dyn FnMut(Decimal),
) -> Result<(), ErrorKind> {
    for arg in args {
        match arg {
            Operand::Value(v) => gather_direct(v, g, f)?,
            Operand::Ref(area) => gather_area(area, ctx, g, f)?,
            Operand::Array(arr) => {
                for v in &arr.values {
                    if let Some(n) = contained_number(v, g)? {
                        f(n);
                    }
                }
            }
        }
    }
    Ok(())
}

/// [`gather`] with Excel's SUM rules ([`Gather::NUMBERS`] or [`Gather::NUMBERS_A`]).
pub fn for_each_number(
    args: &[Operand],
    ctx: &dyn EvalContext,
    collect: Collect,
    f: &mut dyn FnMut(Decimal),
) -> Result<(), ErrorKind> {
    let g = Gather {
        collect,
        ..Gather::NUMBERS
    };
    gather(args, ctx, g, f)
}

/// Like [`for_each_number`], but each reference is read in Excel's order, row by row, for the
/// functions whose result depends on it (NPV discounts each value one period more than the
/// one before).
pub fn for_each_number_in_order(
    args: &[Operand],
    ctx: &dyn EvalContext,
    collect: Collect,
    f: &mut dyn FnMut(Decimal),
) -> Result<(), ErrorKind> {
    let g = Gather {
        collect,
        ..Gather::ORDERED
    };
    gather(args, ctx, g, f)
}

fn gather_direct(v: &Value, g: Gather, f: &mut dyn FnMut(Decimal)) -> Result<(), ErrorKind> {
    match v {
        Value::Empty => Ok(()),
        other => match other.to_number() {
            Ok(n) => {
                f(n);
                Ok(())
            }
            Err(_) if g.skip_errors => Ok(()),
            Err(e) => Err(e),
        },
    }
}

/// The number a value inside a reference or array contributes to an aggregate, if any.
pub fn contained_number(v: &Value, g: Gather) -> Result<Option<Decimal>, ErrorKind> {
    match v {
        Value::Number(n) => Ok(Some(*n)),
        Value::Error(_) if g.skip_errors => Ok(None),
        Value::Error(e) => Err(*e),
        Value::Bool(b) if g.collect == Collect::NumbersA => {
            Ok(Some(if *b { Decimal::ONE } else { Decimal::ZERO }))
        }
        Value::Text(_) if g.collect == Collect::NumbersA => Ok(Some(Decimal::ZERO)),
        _ => Ok(None),
    }
}

fn gather_area(
    area: &Area,
    ctx: &dyn EvalContext,
    g: Gather,
    f: &mut dyn FnMut(Decimal),
) -> Result<(), ErrorKind> {
    // Stored cells only: for_each_in_area skips the empty ones by itself, so no clipping is
    // needed (and none wanted: clipping refuses huge used extents).
    let area = *area;
    let mut first_error: Option<(u32, u32, ErrorKind)> = None;
    let mut in_order: Vec<(u32, u32, Decimal)> = Vec::new();
    ctx.for_each_in_area(&area, &mut |r, c, v| {
        if g.skip_subtotals && is_subtotal_cell(ctx, area.sheet, r, c) {
            return;
        }
        match contained_number(v, g) {
            Ok(Some(n)) if g.ordered => in_order.push((r, c, n)),
            Ok(Some(n)) => f(n),
            Ok(None) => {}
            Err(e) => {
                // The context visits cells in no particular order: keep the first in reading
                // order, which is the one Excel reports.
                if first_error.is_none_or(|(fr, fc, _)| (r, c) < (fr, fc)) {
                    first_error = Some((r, c, e));
                }
            }
        }
    });
    if let Some((_, _, e)) = first_error {
        return Err(e);
    }
    in_order.sort_unstable_by_key(|&(r, c, _)| (r, c));
    for (_, _, n) in in_order {
        f(n);
    }
    Ok(())
}

/// Does the cell hold a formula calling SUBTOTAL or AGGREGATE (whose result a surrounding
/// SUBTOTAL/AGGREGATE must not count again)?
pub fn is_subtotal_cell(ctx: &dyn EvalContext, sheet: SheetId, row: u32, col: u32) -> bool {
    ctx.formula_text(sheet, row, col).is_some_and(|text| {
        let upper = text.to_ascii_uppercase();
        upper.contains("SUBTOTAL(") || upper.contains("AGGREGATE(")
    })
}

/// Collects an aggregate's numbers into a vector (for MEDIAN, STDEV and the like).
pub fn collect_numbers(
    args: &[Operand],
    ctx: &dyn EvalContext,
    collect: Collect,
) -> Result<Vec<Decimal>, ErrorKind> {
    let mut out = Vec::new();
    for_each_number(args, ctx, collect, &mut |n| out.push(n))?;
    Ok(out)
}

/// A reference reaching the sheet's last row or column (A:A, 1:1, A5:A1048576) clipped to the
/// part that can hold data, so that it costs what its data costs; any other reference keeps
/// its shape (`A2:A12>10` has 11 elements however few of them hold data).
pub fn clip_whole(area: &Area, ctx: &dyn EvalContext) -> Area {
    use crate::formula::reference::{MAX_COLS, MAX_ROWS};
    if area.bottom >= MAX_ROWS - 1 || area.right >= MAX_COLS - 1 {
        ctx.clip_to_used(area)
    } else {
        *area
    }
}

/// Visits every value of an operand, row-major, including empty cells (for COUNTBLANK, lookups,
/// criteria). Whole-column references are clipped to the used extent first.
pub fn for_each_value(op: &Operand, ctx: &dyn EvalContext, f: &mut dyn FnMut(&Value)) {
    match op {
        Operand::Value(v) => f(v),
        Operand::Array(arr) => arr.values.iter().for_each(f),
        Operand::Ref(area) => {
            let area = clip_whole(area, ctx);
            for r in area.top..=area.bottom {
                for c in area.left..=area.right {
                    f(ctx.cell(area.sheet, r, c));
                }
            }
        }
    }
}

/// The operand as a row-major array of values (references read in full, clipped to the used
/// extent when they span whole rows or columns).
pub fn to_array(op: &Operand, ctx: &dyn EvalContext) -> Array {
    match op {
        Operand::Value(v) => Array::new(1, 1, vec![v.clone()]),
        Operand::Array(arr) => (**arr).clone(),
        Operand::Ref(area) => {
            let area = clip_whole(area, ctx);
            let (rows, cols) = (area.rows(), area.cols());
            if rows.saturating_mul(cols) > MAX_ARRAY_CELLS {
                return Array::new(1, 1, vec![Value::Error(ErrorKind::Num)]);
            }
            let mut values = vec![Value::Empty; rows * cols];
            ctx.for_each_in_area(&area, &mut |r, c, v| {
                let i = (r - area.top) as usize * cols + (c - area.left) as usize;
                if let Some(slot) = values.get_mut(i) {
                    *slot = v.clone();
                }
            });
            Array::new(rows, cols, values)
        }
    }
}

/// Maps a scalar function over array arguments element by element (Excel's array lifting),
/// broadcasting single values and single rows/columns. Returns None when no argument is an
/// array or multi-cell reference (the caller then calls the function once). A result of more
/// than [`MAX_ARRAY_CELLS`] elements is a single `#NUM!`.
pub fn lift(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(&[Value]) -> Value,
) -> Option<Array> {
    // Whole-column and whole-row references count only up to the data they hold.
    let clipped: Vec<Operand>;
    let args = if args.iter().any(|a| matches!(a, Operand::Ref(_))) {
        clipped = args
            .iter()
            .map(|a| match a {
                Operand::Ref(area) => Operand::Ref(clip_whole(area, ctx)),
                other => other.clone(),
            })
            .collect();
        &clipped[..]
    } else {
        args
    };
    let mut rows = 1;
    let mut cols = 1;
    let mut any = false;
    for a in args {
        let (r, c) = a.dims();
        if matches!(a, Operand::Array(_)) || r * c > 1 {
            any = true;
            rows = rows.max(r);
            cols = cols.max(c);
        }
    }
    if !any {
        return None;
    }
    if rows.saturating_mul(cols) > MAX_ARRAY_CELLS {
        return Some(Array::new(1, 1, vec![Value::Error(ErrorKind::Num)]));
    }
    let mut values = Vec::with_capacity(rows * cols);
    let mut scratch: Vec<Value> = Vec::with_capacity(args.len());
    for r in 0..rows {
        for c in 0..cols {
            scratch.clear();
            for a in args {
                let (ar, ac) = a.dims();
                let v = if (ar > 1 && r >= ar) || (ac > 1 && c >= ac) {
                    Value::Error(ErrorKind::NA)
                } else {
                    a.get_broadcast(ctx, r, c)
                };
                scratch.push(v);
            }
            values.push(f(&scratch));
        }
    }
    Some(Array::new(rows, cols, values))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    /// Implicit intersection goes by position, also into another sheet (koala basic.xlsx:
    /// `=Liste2` in Sheet2!B2, Liste2 being Sheet1!$B$1:$B$3, is Sheet1!B2); `single` keeps
    /// the intersected cell a reference.
    #[test]
    fn implicit_intersection_by_position_across_sheets() {
        let mut g = TestGrid::new();
        g.sheets.push("Sheet2".to_string());
        g.set("B1", n("10")).set("B2", n("20")).set("B3", n("30"));
        g.current = Some((SheetId(1), CellPos { row: 1, col: 1 }));
        let liste2 = g.area("B1:B3");
        assert_eq!(scalar(&liste2, &g), n("20"));
        assert_eq!(single(&liste2, &g), g.area("B2"));
        g.current = Some((SheetId(1), CellPos { row: 5, col: 1 }));
        assert_eq!(scalar(&liste2, &g), Value::Error(ErrorKind::Value));
        assert_eq!(single(&liste2, &g), Operand::error(ErrorKind::Value));
    }
}
