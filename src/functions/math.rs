//! Math and trigonometry functions.
//!
//! Exact `Decimal` arithmetic wherever Excel's result is exact (sums, products, rounding,
//! multiples); f64 for transcendental functions and matrix algebra, as Excel computes them.
//! Discrete operations (INT, TRUNC, MOD, FLOOR/CEILING, EVEN/ODD...) first snap their input to
//! Excel's 15 significant digits, so `INT(1/3*3)` is 1 as in Excel.

use std::cmp::Ordering;
use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::args::{
    for_each_number, given_values, lift, lift_with_omitted, omitted_flags, scalar, to_array, Area,
    Array, Collect, EvalContext, Operand,
};
use super::criteria::Criterion;
use super::toolpak;
use super::FunctionDef;
use super::VARIADIC;
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    // Aggregates.
    FunctionDef::eager("SUM", "number1, [number2], ...", 1, VARIADIC, sum),
    FunctionDef::eager("PRODUCT", "number1, [number2], ...", 1, VARIADIC, product),
    FunctionDef::eager("SUMSQ", "number1, [number2], ...", 1, VARIADIC, sumsq),
    FunctionDef::eager(
        "SUMPRODUCT",
        "array1, [array2], ...",
        1,
        VARIADIC,
        sumproduct,
    ),
    FunctionDef::eager("SUMIF", "range, criteria, [sum_range]", 2, 3, sumif),
    FunctionDef::eager(
        "SUMIFS",
        "sum_range, criteria_range1, criteria1, ...",
        3,
        VARIADIC,
        sumifs,
    ),
    FunctionDef::eager("SUMX2MY2", "array_x, array_y", 2, 2, sumx2my2),
    FunctionDef::eager("SUMX2PY2", "array_x, array_y", 2, 2, sumx2py2),
    FunctionDef::eager("SUMXMY2", "array_x, array_y", 2, 2, sumxmy2),
    FunctionDef::eager("SERIESSUM", "x, n, m, coefficients", 4, 4, seriessum),
    FunctionDef::eager("GCD", "number1, [number2], ...", 1, VARIADIC, gcd),
    FunctionDef::eager("LCM", "number1, [number2], ...", 1, VARIADIC, lcm),
    FunctionDef::eager(
        "MULTINOMIAL",
        "number1, [number2], ...",
        1,
        VARIADIC,
        multinomial,
    ),
    // Rounding.
    FunctionDef::scalar("ROUND", "number, num_digits", 2, 2, round),
    FunctionDef::scalar("ROUNDUP", "number, num_digits", 2, 2, roundup),
    FunctionDef::scalar("ROUNDDOWN", "number, num_digits", 2, 2, rounddown),
    FunctionDef::scalar("INT", "number", 1, 1, int),
    FunctionDef::scalar("TRUNC", "number, [num_digits]", 1, 2, trunc),
    FunctionDef::scalar("EVEN", "number", 1, 1, even),
    FunctionDef::scalar("ODD", "number", 1, 1, odd),
    FunctionDef::eager("MROUND", "number, multiple", 2, 2, mround).elementwise(),
    FunctionDef::scalar("CEILING", "number, significance", 2, 2, ceiling),
    FunctionDef::scalar("FLOOR", "number, significance", 2, 2, floor),
    FunctionDef::eager(
        "CEILING.MATH",
        "number, [significance], [mode]",
        1,
        3,
        ceiling_math,
    )
    .elementwise(),
    FunctionDef::eager(
        "FLOOR.MATH",
        "number, [significance], [mode]",
        1,
        3,
        floor_math,
    )
    .elementwise(),
    FunctionDef::eager(
        "CEILING.PRECISE",
        "number, [significance]",
        1,
        2,
        ceiling_precise,
    )
    .elementwise(),
    FunctionDef::eager(
        "ISO.CEILING",
        "number, [significance]",
        1,
        2,
        ceiling_precise,
    )
    .elementwise(),
    FunctionDef::eager(
        "FLOOR.PRECISE",
        "number, [significance]",
        1,
        2,
        floor_precise,
    )
    .elementwise(),
    // Arithmetic.
    FunctionDef::scalar("ABS", "number", 1, 1, abs),
    FunctionDef::scalar("SIGN", "number", 1, 1, sign),
    FunctionDef::scalar("MOD", "number, divisor", 2, 2, mod_),
    FunctionDef::eager("QUOTIENT", "numerator, denominator", 2, 2, quotient).elementwise(),
    FunctionDef::scalar("POWER", "number, power", 2, 2, power),
    FunctionDef::scalar("SQRT", "number", 1, 1, sqrt),
    FunctionDef::eager("SQRTPI", "number", 1, 1, sqrtpi).elementwise(),
    FunctionDef::scalar("EXP", "number", 1, 1, exp),
    FunctionDef::scalar("LN", "number", 1, 1, ln),
    FunctionDef::eager("LOG", "number, [base]", 1, 2, log).elementwise(),
    FunctionDef::scalar("LOG10", "number", 1, 1, log10),
    FunctionDef::scalar("PI", "", 0, 0, pi),
    FunctionDef::scalar("FACT", "number", 1, 1, fact),
    FunctionDef::eager("FACTDOUBLE", "number", 1, 1, factdouble).elementwise(),
    FunctionDef::scalar("COMBIN", "number, number_chosen", 2, 2, combin),
    FunctionDef::scalar("COMBINA", "number, number_chosen", 2, 2, combina),
    FunctionDef::eager("PERCENTOF", "data_subset, data_all", 2, 2, percentof),
    // Random numbers.
    FunctionDef::scalar("RAND", "", 0, 0, rand).volatile(),
    FunctionDef::scalar("RANDBETWEEN", "bottom, top", 2, 2, randbetween).volatile(),
    FunctionDef::eager(
        "RANDARRAY",
        "[rows], [columns], [min], [max], [whole_number]",
        0,
        5,
        randarray,
    )
    .volatile(),
    // Trigonometry.
    FunctionDef::scalar("SIN", "number", 1, 1, sin),
    FunctionDef::scalar("COS", "number", 1, 1, cos),
    FunctionDef::scalar("TAN", "number", 1, 1, tan),
    FunctionDef::scalar("ASIN", "number", 1, 1, asin),
    FunctionDef::scalar("ACOS", "number", 1, 1, acos),
    FunctionDef::scalar("ATAN", "number", 1, 1, atan),
    FunctionDef::scalar("ATAN2", "x_num, y_num", 2, 2, atan2),
    FunctionDef::scalar("SINH", "number", 1, 1, sinh),
    FunctionDef::scalar("COSH", "number", 1, 1, cosh),
    FunctionDef::scalar("TANH", "number", 1, 1, tanh),
    FunctionDef::scalar("ASINH", "number", 1, 1, asinh),
    FunctionDef::scalar("ACOSH", "number", 1, 1, acosh),
    FunctionDef::scalar("ATANH", "number", 1, 1, atanh),
    FunctionDef::scalar("SEC", "number", 1, 1, sec),
    FunctionDef::scalar("CSC", "number", 1, 1, csc),
    FunctionDef::scalar("COT", "number", 1, 1, cot),
    FunctionDef::scalar("SECH", "number", 1, 1, sech),
    FunctionDef::scalar("CSCH", "number", 1, 1, csch),
    FunctionDef::scalar("COTH", "number", 1, 1, coth),
    FunctionDef::scalar("ACOT", "number", 1, 1, acot),
    FunctionDef::scalar("ACOTH", "number", 1, 1, acoth),
    FunctionDef::scalar("DEGREES", "angle", 1, 1, degrees),
    FunctionDef::scalar("RADIANS", "angle", 1, 1, radians),
    // Number systems.
    FunctionDef::scalar("ROMAN", "number, [form]", 1, 2, roman),
    FunctionDef::scalar("ARABIC", "text", 1, 1, arabic),
    FunctionDef::scalar("BASE", "number, radix, [min_length]", 2, 3, base),
    FunctionDef::scalar("DECIMAL", "text, radix", 2, 2, decimal),
    // Matrices and generated arrays.
    FunctionDef::eager("MMULT", "array1, array2", 2, 2, mmult),
    FunctionDef::eager("MDETERM", "array", 1, 1, mdeterm),
    FunctionDef::eager("MINVERSE", "array", 1, 1, minverse),
    FunctionDef::eager("MUNIT", "dimension", 1, 1, munit),
    FunctionDef::eager(
        "SEQUENCE",
        "rows, [columns], [start], [step]",
        1,
        4,
        sequence,
    ),
];

// ---------------------------------------------------------------------------------------------
// Shared helpers.
// ---------------------------------------------------------------------------------------------

/// 2^53: Excel's limit for exact integers (GCD, LCM, BASE, DECIMAL).
const MAX_EXACT_INTEGER: i64 = 9_007_199_254_740_992;

/// Largest generated array (MUNIT, SEQUENCE, RANDARRAY): a whole sheet's worth of cells would
/// exhaust memory long before Excel's own limits, so larger requests are `#NUM!`.
const MAX_GENERATED_CELLS: usize = 10_000_000;

/// Argument `i` as a number; an absent argument counts as an empty one (0).
fn arg_number(args: &[Value], i: usize) -> Result<Decimal, ErrorKind> {
    args.get(i).map_or(Ok(Decimal::ZERO), Value::to_number)
}

/// The number as Excel's double would be seen by discrete operations (INT, TRUNC, MOD,
/// FLOOR...): a fraction is rounded to 15 significant digits, so `1/3*3` (a hair below 1 in
/// Decimal) is 1. Integers stay exact, so limits such as 2^53 are checked exactly.
fn snap(d: Decimal) -> Decimal {
    if d.fract().is_zero() {
        d
    } else {
        numeric::snap15(d)
    }
}

/// A whole number as Excel truncates counts and digit arguments (after snapping to 15 digits).
fn truncate_to_i64(d: Decimal) -> Result<i64, ErrorKind> {
    snap(d).trunc().to_i64().ok_or(ErrorKind::Num)
}

/// Digits for the ROUND family: truncated, clamped to what Decimal can express either way.
fn digits_arg(args: &[Value], i: usize) -> Result<i64, ErrorKind> {
    let d = snap(arg_number(args, i)?).trunc();
    Ok(d.to_i64()
        .unwrap_or(if d.is_sign_negative() { -400 } else { 400 })
        .clamp(-400, 400))
}

fn to_value(r: Result<Decimal, ErrorKind>) -> Value {
    r.into()
}

/// Applies an exact one-argument function.
fn exact1(args: &[Value], f: fn(Decimal) -> Result<Decimal, ErrorKind>) -> Value {
    to_value(arg_number(args, 0).and_then(f))
}

/// Applies an f64 function of one argument (Excel computes these in doubles).
fn float1(args: &[Value], f: fn(f64) -> Result<f64, ErrorKind>) -> Value {
    to_value(
        arg_number(args, 0)
            .map(numeric::to_f64)
            .and_then(f)
            .and_then(numeric::from_f64),
    )
}

/// Both numeric arguments of a two-argument function, the first error winning.
fn two_numbers(args: &[Value]) -> Result<(Decimal, Decimal), ErrorKind> {
    Ok((arg_number(args, 0)?, arg_number(args, 1)?))
}

/// Functions born in Excel's Analysis ToolPak (MROUND, QUOTIENT, SQRTPI, FACTDOUBLE) keep its
/// argument rules ([`toolpak::call`]), and here an omitted argument is `#N/A` and a logical
/// value `#VALUE!`, an error argument winning over both.
fn analysis_toolpak(args: &[Operand], ctx: &dyn EvalContext, f: fn(&[Value]) -> Value) -> Operand {
    if args
        .iter()
        .any(|a| matches!(a, Operand::Value(Value::Empty)))
    {
        return Operand::error(ErrorKind::NA);
    }
    toolpak::call(args, ctx, &mut |values| {
        for v in values {
            match v {
                Value::Error(e) => return Value::Error(*e),
                Value::Bool(_) => return Value::Error(ErrorKind::Value),
                _ => {}
            }
        }
        f(values)
    })
}

/// Optional argument `i` of a [`lift_with_omitted`] function: `default` when omitted.
fn optional_number(
    args: &[Option<Value>],
    i: usize,
    default: Decimal,
) -> Result<Decimal, ErrorKind> {
    match args.get(i) {
        Some(Some(v)) => v.to_number(),
        _ => Ok(default),
    }
}

// ---------------------------------------------------------------------------------------------
// Aggregates.
// ---------------------------------------------------------------------------------------------

/// Folds the numbers of an aggregate's arguments (Excel's SUM rules) with a checked step.
/// Returns the accumulator and how many numbers were seen.
fn fold_numbers(
    args: &[Operand],
    ctx: &dyn EvalContext,
    init: Decimal,
    step: fn(Decimal, Decimal) -> Result<Decimal, ErrorKind>,
) -> Result<(Decimal, usize), ErrorKind> {
    let mut acc = Ok(init);
    let mut count = 0usize;
    for_each_number(args, ctx, Collect::Numbers, &mut |n| {
        count += 1;
        acc = acc.and_then(|a| step(a, n));
    })?;
    Ok((acc?, count))
}

fn sum(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    // As `fold_numbers` with `numeric::add` (same result, same first error), on integers.
    let mut total = Ok(numeric::Sum::new());
    let read = for_each_number(args, ctx, Collect::Numbers, &mut |n| {
        if let Ok(t) = &mut total {
            if let Err(e) = t.add(n) {
                total = Err(e);
            }
        }
    });
    match read.and(total) {
        Ok(t) => Operand::from(t.value()),
        Err(e) => Operand::error(e),
    }
}

/// PRODUCT of no numbers at all is 0, not 1.
fn product(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    fold_numbers(args, ctx, Decimal::ONE, numeric::mul)
        .map(|(p, count)| if count == 0 { Decimal::ZERO } else { p })
        .into()
}

fn sumsq(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    fold_numbers(args, ctx, Decimal::ZERO, |acc, n| {
        numeric::add(acc, numeric::mul(n, n)?)
    })
    .map(|(total, _)| total)
    .into()
}

/// How many rows and columns of same-shaped operands can hold data: past the used extent of
/// any referenced sheet every element-wise product has an empty (zero) factor, so
/// `SUMPRODUCT(A:A, B:B)` costs the data, not a million rows.
fn used_extent(
    args: &[Operand],
    ctx: &dyn EvalContext,
    rows: usize,
    cols: usize,
) -> (usize, usize) {
    args.iter().fold((rows, cols), |(rows, cols), a| match a {
        Operand::Ref(area) => {
            let used = ctx.clip_to_used(area);
            let used_rows = (used.bottom as usize + 1).saturating_sub(area.top as usize);
            let used_cols = (used.right as usize + 1).saturating_sub(area.left as usize);
            (rows.min(used_rows), cols.min(used_cols))
        }
        _ => (rows, cols),
    })
}

/// SUMPRODUCT's running product at one position.
#[derive(Clone, Copy)]
enum Term {
    Start,
    Product(Decimal),
    /// A factor is not a number: the position counts for nothing.
    None,
}

/// SUMPRODUCT: operands of one shape multiplied element by element; anything but a number
/// counts as 0 (so `(A1:A3>1)` needs `--` to count); errors propagate.
fn sumproduct(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let Some(first) = args.first() else {
        return Operand::error(ErrorKind::Value);
    };
    let (rows, cols) = first.dims();
    if args.iter().any(|a| a.dims() != (rows, cols)) {
        // Excel reports an error inside the arguments before their mismatched shapes.
        return Operand::error(first_error(args, ctx).unwrap_or(ErrorKind::Value));
    }
    let (rows, cols) = used_extent(args, ctx, rows, cols);
    if rows == 0 || cols == 0 {
        return Operand::from(Decimal::ZERO);
    }
    // References are read a band of rows at a time into buffers (one pass over the grid per
    // band instead of a lookup per cell); the products then run in reading order as before.
    let band = (SUMPRODUCT_BAND_CELLS / cols).max(1);
    let mut buffers: Vec<Vec<Factor>> = args.iter().map(|_| Vec::new()).collect();
    let mut total = numeric::Sum::new();
    let mut r0 = 0;
    while r0 < rows {
        let r1 = rows.min(r0.saturating_add(band));
        for (a, buf) in args.iter().zip(buffers.iter_mut()) {
            if let Operand::Ref(area) = a {
                fill_band(ctx, area, r0, r1, cols, buf);
            }
        }
        for r in r0..r1 {
            for c in 0..cols {
                // The product of the numbers so far; `Start` before the first (1 × n is n,
                // and rust_decimal's 1 × 0 is a plain zero).
                let mut term = Term::Start;
                for (a, buf) in args.iter().zip(&buffers) {
                    let v = match a {
                        Operand::Ref(_) => buf.get((r - r0) * cols + c).copied(),
                        _ => None,
                    }
                    .unwrap_or_else(|| Factor::of(&a.get(ctx, r, c)));
                    match v {
                        Factor::Number(n) => {
                            term = match term {
                                Term::Start if n.is_zero() => Term::Product(Decimal::ZERO),
                                Term::Start => Term::Product(n),
                                Term::Product(t) => match numeric::mul(t, n) {
                                    Ok(t) => Term::Product(t),
                                    Err(e) => return Operand::error(e),
                                },
                                Term::None => Term::None,
                            }
                        }
                        Factor::Error(e) => return Operand::error(e),
                        Factor::Other => term = Term::None,
                    }
                }
                if let Term::Product(t) = term {
                    if let Err(e) = total.add(t) {
                        return Operand::error(e);
                    }
                }
            }
        }
        r0 = r1;
    }
    Operand::from(total.value())
}

/// A cell as SUMPRODUCT sees it.
#[derive(Clone, Copy)]
enum Factor {
    Number(Decimal),
    Error(ErrorKind),
    /// Blank, text, logical: the position counts for nothing.
    Other,
}

impl Factor {
    #[inline]
    fn of(v: &Value) -> Factor {
        match v {
            Value::Number(n) => Factor::Number(*n),
            Value::Error(e) => Factor::Error(*e),
            _ => Factor::Other,
        }
    }
}

/// Cells SUMPRODUCT buffers per reference argument at a time.
const SUMPRODUCT_BAND_CELLS: usize = 16_384;

/// The values of rows `r0..r1` and the first `cols` columns of `area` (relative to its
/// top-left cell), row by row, into `buf`.
fn fill_band(
    ctx: &dyn EvalContext,
    area: &Area,
    r0: usize,
    r1: usize,
    cols: usize,
    buf: &mut Vec<Factor>,
) {
    buf.clear();
    buf.resize((r1 - r0) * cols, Factor::Other);
    let band = Area {
        top: area.top.saturating_add(r0 as u32),
        bottom: area.top.saturating_add(r1.saturating_sub(1) as u32),
        right: area.left.saturating_add(cols.saturating_sub(1) as u32),
        ..*area
    };
    ctx.for_each_in_area(&band, &mut |r, c, v| {
        let (dr, dc) = (
            r.wrapping_sub(band.top) as usize,
            c.wrapping_sub(band.left) as usize,
        );
        if dr < r1 - r0 && dc < cols {
            if let Some(slot) = buf.get_mut(dr * cols + dc) {
                *slot = Factor::of(v);
            }
        }
    });
}

/// The first error value in the arguments, argument by argument in reading order.
fn first_error(args: &[Operand], ctx: &dyn EvalContext) -> Option<ErrorKind> {
    args.iter().find_map(|a| {
        let (rows, cols) = used_extent(std::slice::from_ref(a), ctx, a.dims().0, a.dims().1);
        (0..rows * cols).find_map(|i| a.get(ctx, i / cols, i % cols).as_error())
    })
}

/// `op` resized to `rows` x `cols` from its top-left cell, as Excel reads SUMIF's sum_range.
fn resize_from_top_left(op: &Operand, rows: usize, cols: usize) -> Operand {
    match op {
        Operand::Ref(a) => Operand::Ref(Area {
            bottom: a.top.saturating_add(rows.saturating_sub(1) as u32),
            right: a.left.saturating_add(cols.saturating_sub(1) as u32),
            ..*a
        }),
        other => other.clone(),
    }
}

/// Calls `f` with the criteria values; array or multi-cell criteria give an array of results,
/// one per criterion, as Excel lifts scalar arguments.
fn map_criteria(
    criteria: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(&[Value]) -> Value,
) -> Operand {
    if let Some(array) = lift(criteria, ctx, f) {
        return Operand::Array(Arc::new(array));
    }
    let values: Vec<Value> = criteria.iter().map(|c| scalar(c, ctx)).collect();
    Operand::Value(f(&values))
}

/// The sum of the numbers in `sum` whose position meets every condition (a range of the same
/// shape and a criterion). Streams over the cells that hold data in `sum`; only matched cells'
/// errors propagate (the first one in reading order).
fn conditional_sum(
    sum: &Operand,
    conditions: &[(&Operand, Criterion)],
    ctx: &dyn EvalContext,
) -> Result<Decimal, ErrorKind> {
    let dims = sum.dims();
    if conditions.iter().any(|(range, _)| range.dims() != dims) {
        return Err(ErrorKind::Value);
    }
    let mut total = Ok(Decimal::ZERO);
    let mut first_error: Option<((usize, usize), ErrorKind)> = None;
    let mut visit = |r: usize, c: usize, v: &Value| {
        if !matches!(v, Value::Number(_) | Value::Error(_)) {
            return;
        }
        if !conditions
            .iter()
            .all(|(range, crit)| crit.matches(&range.get(ctx, r, c)))
        {
            return;
        }
        match v {
            Value::Number(n) => total = total.and_then(|t| numeric::add(t, *n)),
            Value::Error(e) if first_error.is_none_or(|(pos, _)| (r, c) < pos) => {
                first_error = Some(((r, c), *e))
            }
            _ => {}
        }
    };
    match sum {
        Operand::Ref(area) => {
            ctx.for_each_in_area(area, &mut |r, c, v| {
                visit((r - area.top) as usize, (c - area.left) as usize, v)
            });
        }
        Operand::Array(arr) => {
            for (i, v) in arr.values.iter().enumerate() {
                visit(i / arr.cols.max(1), i % arr.cols.max(1), v);
            }
        }
        Operand::Value(v) => visit(0, 0, v),
    }
    match first_error {
        Some((_, e)) => Err(e),
        None => total,
    }
}

fn sumif(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let range = &args[0];
    let (rows, cols) = range.dims();
    let sum_range = match args.get(2) {
        None | Some(Operand::Value(Value::Empty)) => range.clone(),
        Some(op) => resize_from_top_left(op, rows, cols),
    };
    map_criteria(&args[1..2], ctx, &mut |criteria| {
        let conditions = [(range, Criterion::new(&criteria[0]))];
        conditional_sum(&sum_range, &conditions, ctx).into()
    })
}

fn sumifs(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let pairs = &args[1..];
    if !pairs.len().is_multiple_of(2) {
        return Operand::error(ErrorKind::Value);
    }
    let ranges: Vec<&Operand> = pairs.iter().step_by(2).collect();
    let criteria: Vec<Operand> = pairs.iter().skip(1).step_by(2).cloned().collect();
    map_criteria(&criteria, ctx, &mut |values| {
        let conditions: Vec<(&Operand, Criterion)> = ranges
            .iter()
            .zip(values)
            .map(|(range, v)| (*range, Criterion::new(v)))
            .collect();
        conditional_sum(&args[0], &conditions, ctx).into()
    })
}

/// SUMX2MY2 and friends: pairs at the same position in two arrays of equally many values;
/// pairs where either value is not a number are skipped; errors propagate.
fn sum_of_pairs(
    args: &[Operand],
    ctx: &dyn EvalContext,
    term: fn(Decimal, Decimal) -> Result<Decimal, ErrorKind>,
) -> Operand {
    let xs = to_array(&args[0], ctx);
    let ys = to_array(&args[1], ctx);
    if xs.values.len() != ys.values.len() {
        return Operand::error(ErrorKind::NA);
    }
    let mut total = Decimal::ZERO;
    for (x, y) in xs.values.iter().zip(&ys.values) {
        let t = match (x, y) {
            (Value::Error(e), _) | (_, Value::Error(e)) => Err(*e),
            (Value::Number(x), Value::Number(y)) => term(*x, *y),
            _ => continue,
        };
        match t.and_then(|t| numeric::add(total, t)) {
            Ok(s) => total = s,
            Err(e) => return Operand::error(e),
        }
    }
    Operand::from(total)
}

fn sumx2my2(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    sum_of_pairs(args, ctx, |x, y| {
        numeric::sub(numeric::mul(x, x)?, numeric::mul(y, y)?)
    })
}

fn sumx2py2(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    sum_of_pairs(args, ctx, |x, y| {
        numeric::add(numeric::mul(x, x)?, numeric::mul(y, y)?)
    })
}

fn sumxmy2(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    sum_of_pairs(args, ctx, |x, y| {
        let d = numeric::sub(x, y)?;
        numeric::mul(d, d)
    })
}

/// SERIESSUM(x, n, m, coefficients) = Σ a_i · x^(n + i·m).
fn seriessum(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let series = || -> Result<Decimal, ErrorKind> {
        let x = super::args::number(&args[0], ctx)?;
        let n = super::args::number(&args[1], ctx)?;
        let m = super::args::number(&args[2], ctx)?;
        let coefficients = to_array(&args[3], ctx);
        let mut total = Decimal::ZERO;
        let mut exponent = n;
        for v in &coefficients.values {
            let a = match v {
                Value::Number(a) => *a,
                Value::Empty => Decimal::ZERO,
                Value::Error(e) => return Err(*e),
                _ => return Err(ErrorKind::Value),
            };
            // The series' first term is a_1 · x^n even for x = n = 0 (0^0 = 1 here).
            let power = if x.is_zero() && exponent.is_zero() {
                Decimal::ONE
            } else {
                numeric::power(x, exponent)?
            };
            total = numeric::add(total, numeric::mul(a, power)?)?;
            exponent = numeric::add(exponent, m)?;
        }
        Ok(total)
    };
    series().into()
}

/// The numbers of GCD, LCM and MULTINOMIAL, with the Analysis ToolPak's rules: text is read
/// as a number (in cells too); logical values and text that is no number are `#VALUE!`; an
/// omitted argument is `#N/A`; an empty cell is skipped when referenced alone but is a 0
/// inside a larger range; no number at all is `#VALUE!`. These type errors come before the
/// domain checks of [`whole_numbers`].
fn toolpak_numbers(args: &[Operand], ctx: &dyn EvalContext) -> Result<Vec<Decimal>, ErrorKind> {
    let convert = |v: &Value| match v {
        Value::Number(n) => Ok(*n),
        Value::Empty => Ok(Decimal::ZERO),
        Value::Text(_) => v.to_number(),
        Value::Error(e) => Err(*e),
        Value::Bool(_) => Err(ErrorKind::Value),
    };
    let mut numbers = Vec::new();
    for arg in args {
        match arg {
            Operand::Value(Value::Empty) => return Err(ErrorKind::NA),
            Operand::Ref(area) if area.is_single_cell() => {
                let v = ctx.cell(area.sheet, area.top, area.left);
                if !v.is_empty() {
                    numbers.push(convert(v)?);
                }
            }
            Operand::Ref(area) => {
                let used = to_array(arg, ctx);
                for v in &used.values {
                    numbers.push(convert(v)?);
                }
                // Cells past the used extent are empty, hence zeros.
                if used.values.len() < area.rows() * area.cols() {
                    numbers.push(Decimal::ZERO);
                }
            }
            other => {
                for v in &to_array(other, ctx).values {
                    numbers.push(convert(v)?);
                }
            }
        }
    }
    if numbers.is_empty() {
        return Err(ErrorKind::Value);
    }
    Ok(numbers)
}

/// [`toolpak_numbers`] truncated to whole numbers: negatives and values from 2^53 up are
/// `#NUM!`.
fn whole_numbers(args: &[Operand], ctx: &dyn EvalContext) -> Result<Vec<u64>, ErrorKind> {
    toolpak_numbers(args, ctx)?
        .into_iter()
        .map(|n| {
            if n.is_sign_negative() && !n.is_zero() {
                return Err(ErrorKind::Num);
            }
            snap(n)
                .trunc()
                .to_u64()
                .filter(|&n| n < MAX_EXACT_INTEGER as u64)
                .ok_or(ErrorKind::Num)
        })
        .collect()
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn gcd(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    whole_numbers(args, ctx)
        .map(|ns| Decimal::from(ns.into_iter().fold(0, gcd_u64)))
        .into()
}

/// LCM: 0 when any argument is 0; `#NUM!` once the result leaves exact integers.
fn lcm(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let multiple = || {
        let numbers = whole_numbers(args, ctx)?;
        if numbers.contains(&0) {
            return Ok(Decimal::ZERO);
        }
        let mut l = 1u64;
        for n in numbers {
            l = (l / gcd_u64(l, n))
                .checked_mul(n)
                .filter(|&l| l < MAX_EXACT_INTEGER as u64)
                .ok_or(ErrorKind::Num)?;
        }
        Ok(Decimal::from(l))
    };
    multiple().into()
}

/// MULTINOMIAL(a, b, ...) = (a+b+...)! / (a!·b!·...), built as a product of binomials so it
/// stays exact.
fn multinomial(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let product = || {
        let mut total = 0u64;
        let mut result = Decimal::ONE;
        for n in whole_numbers(args, ctx)? {
            total = total.checked_add(n).ok_or(ErrorKind::Num)?;
            result = numeric::mul(result, binomial(total, n)?)?;
        }
        Ok(result)
    };
    product().into()
}

/// C(n, k), exact; `#NUM!` when it leaves Decimal's range. Each partial product C(n-k+i, i)
/// is an integer, so the division is exact.
fn binomial(n: u64, k: u64) -> Result<Decimal, ErrorKind> {
    if k > n {
        return Err(ErrorKind::Num);
    }
    let k = k.min(n - k);
    let mut result = Decimal::ONE;
    for i in 1..=k {
        // Bounded: C(n, k) >= 2^k for k <= n/2, so overflow stops this within ~100 steps.
        result = numeric::mul(result, Decimal::from(n - k + i))?;
        result = numeric::div(result, Decimal::from(i))?;
    }
    Ok(result)
}

// ---------------------------------------------------------------------------------------------
// Rounding.
// ---------------------------------------------------------------------------------------------

/// ROUND, ROUNDUP, ROUNDDOWN and TRUNC: the number (snapped to 15 digits, as Excel's double
/// would show) rounded to `digits` places with `strategy`.
fn round_digits(args: &[Value], strategy: RoundingStrategy) -> Value {
    let rounded = || {
        let x = snap(arg_number(args, 0)?);
        let digits = digits_arg(args, 1)?;
        numeric::round_with(x, digits, strategy)
    };
    to_value(rounded())
}

fn round(args: &[Value], _: &dyn EvalContext) -> Value {
    round_digits(args, RoundingStrategy::MidpointAwayFromZero)
}

fn roundup(args: &[Value], _: &dyn EvalContext) -> Value {
    round_digits(args, RoundingStrategy::AwayFromZero)
}

fn rounddown(args: &[Value], _: &dyn EvalContext) -> Value {
    round_digits(args, RoundingStrategy::ToZero)
}

fn trunc(args: &[Value], _: &dyn EvalContext) -> Value {
    round_digits(args, RoundingStrategy::ToZero)
}

fn int(args: &[Value], _: &dyn EvalContext) -> Value {
    exact1(args, |x| Ok(snap(x).floor()))
}

/// EVEN and ODD: away from zero to the next integer of the wanted parity.
fn to_parity(x: Decimal, odd: bool) -> Result<Decimal, ErrorKind> {
    let magnitude = snap(x).abs().ceil();
    let is_odd = magnitude % Decimal::TWO == Decimal::ONE;
    let magnitude = if is_odd == odd {
        Ok(magnitude)
    } else {
        numeric::add(magnitude, Decimal::ONE)
    }?;
    Ok(if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    })
}

fn even(args: &[Value], _: &dyn EvalContext) -> Value {
    exact1(args, |x| to_parity(x, false))
}

fn odd(args: &[Value], _: &dyn EvalContext) -> Value {
    exact1(args, |x| to_parity(x, true))
}

/// `x` rounded to a multiple of `step` (non-zero) with `strategy` applied to `x / step`.
fn to_multiple(
    x: Decimal,
    step: Decimal,
    strategy: RoundingStrategy,
) -> Result<Decimal, ErrorKind> {
    // Only the quotient is snapped: snapping `x` alone would make FLOOR(PI(), PI()) 0.
    let quotient = snap(numeric::div(x, step)?);
    numeric::mul(quotient.round_dp_with_strategy(0, strategy), step)
}

const UP: RoundingStrategy = RoundingStrategy::ToPositiveInfinity;
const DOWN: RoundingStrategy = RoundingStrategy::ToNegativeInfinity;

fn is_positive(d: Decimal) -> bool {
    d > Decimal::ZERO
}

fn is_negative(d: Decimal) -> bool {
    d < Decimal::ZERO
}

fn mround(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    analysis_toolpak(args, ctx, mround_value)
}

/// MROUND: to the nearest multiple, halves away from zero; signs must agree.
fn mround_value(args: &[Value]) -> Value {
    let rounded = || {
        let (x, m) = two_numbers(args)?;
        if m.is_zero() {
            return Ok(Decimal::ZERO);
        }
        if (is_positive(x) && is_negative(m)) || (is_negative(x) && is_positive(m)) {
            return Err(ErrorKind::Num);
        }
        to_multiple(x, m, RoundingStrategy::MidpointAwayFromZero)
    };
    to_value(rounded())
}

/// CEILING (Excel 2010+): significance 0 gives 0; a positive number with a negative
/// significance is `#NUM!`; otherwise up to the multiple (so negatives with a negative
/// significance round away from zero).
fn ceiling(args: &[Value], _: &dyn EvalContext) -> Value {
    let rounded = || {
        let (x, s) = two_numbers(args)?;
        if s.is_zero() || x.is_zero() {
            return Ok(Decimal::ZERO);
        }
        if is_positive(x) && is_negative(s) {
            return Err(ErrorKind::Num);
        }
        to_multiple(x, s, UP)
    };
    to_value(rounded())
}

/// FLOOR (Excel 2010+): significance 0 is `#DIV/0!`; a positive number with a negative
/// significance is `#NUM!`; otherwise down to the multiple.
fn floor(args: &[Value], _: &dyn EvalContext) -> Value {
    let rounded = || {
        let (x, s) = two_numbers(args)?;
        if x.is_zero() {
            return Ok(Decimal::ZERO);
        }
        if s.is_zero() {
            return Err(ErrorKind::Div0);
        }
        if is_positive(x) && is_negative(s) {
            return Err(ErrorKind::Num);
        }
        to_multiple(x, s, DOWN)
    };
    to_value(rounded())
}

/// The number, |significance| (default 1) and mode (default 0) of the .MATH/.PRECISE family.
fn math_rounding_args(args: &[Option<Value>]) -> Result<(Decimal, Decimal, bool), ErrorKind> {
    let x = optional_number(args, 0, Decimal::ZERO)?;
    let s = optional_number(args, 1, Decimal::ONE)?.abs();
    let mode = optional_number(args, 2, Decimal::ZERO)?;
    Ok((x, s, !mode.is_zero()))
}

/// CEILING.MATH: up to a multiple of |significance|; negatives toward zero unless `mode` is
/// non-zero (then away from zero).
fn ceiling_math_value(args: &[Option<Value>]) -> Value {
    let rounded = || {
        let (x, s, away) = math_rounding_args(args)?;
        if s.is_zero() {
            return Ok(Decimal::ZERO);
        }
        to_multiple(x, s, if away && is_negative(x) { DOWN } else { UP })
    };
    to_value(rounded())
}

/// FLOOR.MATH: down to a multiple of |significance|; negatives away from zero unless `mode`
/// is non-zero (then toward zero).
fn floor_math_value(args: &[Option<Value>]) -> Value {
    let rounded = || {
        let (x, s, toward_zero) = math_rounding_args(args)?;
        if s.is_zero() {
            return Ok(Decimal::ZERO);
        }
        to_multiple(
            x,
            s,
            if toward_zero && is_negative(x) {
                UP
            } else {
                DOWN
            },
        )
    };
    to_value(rounded())
}

/// CEILING.PRECISE and ISO.CEILING: up (toward +infinity) to a multiple of |significance|.
fn ceiling_precise_value(args: &[Option<Value>]) -> Value {
    let rounded = || {
        let (x, s, _) = math_rounding_args(args)?;
        if s.is_zero() {
            return Ok(Decimal::ZERO);
        }
        to_multiple(x, s, UP)
    };
    to_value(rounded())
}

/// FLOOR.PRECISE: down (toward -infinity) to a multiple of |significance|.
fn floor_precise_value(args: &[Option<Value>]) -> Value {
    let rounded = || {
        let (x, s, _) = math_rounding_args(args)?;
        if s.is_zero() {
            return Ok(Decimal::ZERO);
        }
        to_multiple(x, s, DOWN)
    };
    to_value(rounded())
}

fn ceiling_math(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_with_omitted(args, ctx, ceiling_math_value)
}

fn floor_math(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_with_omitted(args, ctx, floor_math_value)
}

fn ceiling_precise(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_with_omitted(args, ctx, ceiling_precise_value)
}

fn floor_precise(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_with_omitted(args, ctx, floor_precise_value)
}

// ---------------------------------------------------------------------------------------------
// Arithmetic, powers and logarithms.
// ---------------------------------------------------------------------------------------------

fn abs(args: &[Value], _: &dyn EvalContext) -> Value {
    exact1(args, |x| Ok(x.abs()))
}

fn sign(args: &[Value], _: &dyn EvalContext) -> Value {
    exact1(args, |x| {
        Ok(match x.cmp(&Decimal::ZERO) {
            Ordering::Less => Decimal::NEGATIVE_ONE,
            Ordering::Equal => Decimal::ZERO,
            Ordering::Greater => Decimal::ONE,
        })
    })
}

/// MOD: the remainder has the sign of the divisor (`n - d*INT(n/d)`), exact.
fn mod_(args: &[Value], _: &dyn EvalContext) -> Value {
    let remainder = || {
        let (n, d) = two_numbers(args)?;
        let (n, d) = (snap(n), snap(d));
        if d.is_zero() {
            return Err(ErrorKind::Div0);
        }
        let r = n.checked_rem(d).ok_or(ErrorKind::Num)?;
        if !r.is_zero() && r.is_sign_negative() != d.is_sign_negative() {
            numeric::add(r, d)
        } else {
            Ok(r)
        }
    };
    to_value(remainder())
}

fn quotient(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    analysis_toolpak(args, ctx, quotient_value)
}

fn quotient_value(args: &[Value]) -> Value {
    let q = || {
        let (n, d) = two_numbers(args)?;
        Ok(snap(numeric::div(n, d)?).trunc())
    };
    to_value(q())
}

fn power(args: &[Value], _: &dyn EvalContext) -> Value {
    to_value(two_numbers(args).and_then(|(x, y)| numeric::power(x, y)))
}

fn non_negative(x: f64) -> Result<f64, ErrorKind> {
    if x < 0.0 {
        Err(ErrorKind::Num)
    } else {
        Ok(x)
    }
}

fn positive(x: f64) -> Result<f64, ErrorKind> {
    if x <= 0.0 {
        Err(ErrorKind::Num)
    } else {
        Ok(x)
    }
}

fn sqrt(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| non_negative(x).map(f64::sqrt))
}

fn sqrtpi(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    analysis_toolpak(args, ctx, |args| {
        float1(args, |x| {
            non_negative(x).map(|x| (x * std::f64::consts::PI).sqrt())
        })
    })
}

fn exp(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.exp()))
}

fn ln(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| positive(x).map(f64::ln))
}

fn log10(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| positive(x).map(f64::log10))
}

/// LOG(number, [base=10]). The quotient of logarithms is snapped to 15 digits so that exact
/// powers give whole numbers (`LOG(8, 2)` is 3, as Excel shows it).
fn log_value(args: &[Option<Value>]) -> Value {
    let log = || {
        let x = positive(numeric::to_f64(optional_number(args, 0, Decimal::ZERO)?))?;
        let base = optional_number(args, 1, Decimal::TEN)?;
        let b = positive(numeric::to_f64(base))?;
        if base == Decimal::ONE {
            return Err(ErrorKind::Div0);
        }
        let result = if base == Decimal::TEN {
            x.log10()
        } else {
            x.ln() / b.ln()
        };
        numeric::from_f64(result).map(numeric::snap15)
    };
    to_value(log())
}

fn log(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_with_omitted(args, ctx, log_value)
}

fn pi(_: &[Value], _: &dyn EvalContext) -> Value {
    to_value(numeric::from_f64(std::f64::consts::PI))
}

/// A non-negative whole-number argument (truncated); negatives are `#NUM!`.
fn whole_number(d: Decimal) -> Result<u64, ErrorKind> {
    let n = truncate_to_i64(d)?;
    u64::try_from(n).map_err(|_| ErrorKind::Num)
}

/// n·(n-step)·(n-2·step)··· down to 1 or 2, exact; `#NUM!` past Decimal's range (so the loop
/// stops within ~30 steps whatever n is).
fn falling_product(n: u64, step: u64) -> Result<Decimal, ErrorKind> {
    let mut result = Decimal::ONE;
    let mut k = n;
    while k > 1 {
        result = numeric::mul(result, Decimal::from(k))?;
        k = k.saturating_sub(step);
    }
    Ok(result)
}

fn fact(args: &[Value], _: &dyn EvalContext) -> Value {
    exact1(args, |x| falling_product(whole_number(x)?, 1))
}

/// FACTDOUBLE: n!!; from -1 up to 1 it is 1; below -1 `#NUM!` (before truncation).
fn factdouble(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    analysis_toolpak(args, ctx, |args| {
        exact1(args, |x| {
            if x < Decimal::NEGATIVE_ONE {
                return Err(ErrorKind::Num);
            }
            falling_product(whole_number(x.max(Decimal::ZERO))?, 2)
        })
    })
}

fn combin(args: &[Value], _: &dyn EvalContext) -> Value {
    let c = || {
        let (n, k) = two_numbers(args)?;
        binomial(whole_number(n)?, whole_number(k)?)
    };
    to_value(c())
}

/// COMBINA: combinations with repetition, C(n+k-1, k).
fn combina(args: &[Value], _: &dyn EvalContext) -> Value {
    let c = || {
        let (n, k) = two_numbers(args)?;
        let (n, k) = (whole_number(n)?, whole_number(k)?);
        if n == 0 {
            return Ok(if k == 0 { Decimal::ONE } else { Decimal::ZERO });
        }
        binomial((n - 1).checked_add(k).ok_or(ErrorKind::Num)?, k)
    };
    to_value(c())
}

/// PERCENTOF(subset, all) = SUM(subset) / SUM(all).
fn percentof(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let ratio = || {
        // Excel reports any error inside the data as #NUM!.
        let total = |op: &Operand| {
            fold_numbers(std::slice::from_ref(op), ctx, Decimal::ZERO, numeric::add)
                .map(|(t, _)| t)
                .map_err(|_| ErrorKind::Num)
        };
        numeric::div(total(&args[0])?, total(&args[1])?)
    };
    ratio().into()
}

// ---------------------------------------------------------------------------------------------
// Random numbers.
// ---------------------------------------------------------------------------------------------

fn rand(_: &[Value], ctx: &dyn EvalContext) -> Value {
    to_value(numeric::from_f64(ctx.random()))
}

/// A uniformly drawn whole number in [low, high] (both whole, low <= high).
fn random_between(
    low: Decimal,
    high: Decimal,
    ctx: &dyn EvalContext,
) -> Result<Decimal, ErrorKind> {
    let span = numeric::add(numeric::sub(high, low)?, Decimal::ONE)?;
    let offset = numeric::mul(numeric::from_f64(ctx.random())?, span)?.floor();
    // Guard the open upper end against rounding in the conversion.
    Ok(numeric::add(low, offset)?.min(high))
}

fn randbetween(args: &[Value], ctx: &dyn EvalContext) -> Value {
    let draw = || {
        let (low, high) = two_numbers(args)?;
        let (low, high) = (snap(low).ceil(), snap(high).floor());
        if low > high {
            return Err(ErrorKind::Num);
        }
        random_between(low, high, ctx)
    };
    to_value(draw())
}

// ---------------------------------------------------------------------------------------------
// Trigonometry (in f64, as Excel).
// ---------------------------------------------------------------------------------------------

/// Excel refuses circular functions of angles from 2^27 up.
const MAX_ANGLE: f64 = 134_217_728.0;

fn angle(x: f64) -> Result<f64, ErrorKind> {
    if x.abs() >= MAX_ANGLE {
        Err(ErrorKind::Num)
    } else {
        Ok(x)
    }
}

fn within_unit(x: f64) -> Result<f64, ErrorKind> {
    if x.abs() > 1.0 {
        Err(ErrorKind::Num)
    } else {
        Ok(x)
    }
}

fn reciprocal(x: f64) -> Result<f64, ErrorKind> {
    if x == 0.0 {
        Err(ErrorKind::Div0)
    } else {
        Ok(1.0 / x)
    }
}

fn non_zero(x: f64) -> Result<f64, ErrorKind> {
    if x == 0.0 {
        Err(ErrorKind::Div0)
    } else {
        Ok(x)
    }
}

fn sin(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| angle(x).map(f64::sin))
}

fn cos(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| angle(x).map(f64::cos))
}

fn tan(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| angle(x).map(f64::tan))
}

fn asin(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| within_unit(x).map(f64::asin))
}

fn acos(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| within_unit(x).map(f64::acos))
}

fn atan(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.atan()))
}

/// ATAN2(x, y): the angle of the point (x, y); the origin is `#DIV/0!`.
fn atan2(args: &[Value], _: &dyn EvalContext) -> Value {
    let angle = || {
        let (x, y) = two_numbers(args)?;
        if x.is_zero() && y.is_zero() {
            return Err(ErrorKind::Div0);
        }
        numeric::from_f64(numeric::to_f64(y).atan2(numeric::to_f64(x)))
    };
    to_value(angle())
}

fn sinh(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.sinh()))
}

fn cosh(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.cosh()))
}

fn tanh(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.tanh()))
}

fn asinh(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.asinh()))
}

fn acosh(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| {
        if x < 1.0 {
            Err(ErrorKind::Num)
        } else {
            Ok(x.acosh())
        }
    })
}

fn atanh(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| {
        if x.abs() >= 1.0 {
            Err(ErrorKind::Num)
        } else {
            Ok(x.atanh())
        }
    })
}

fn sec(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| reciprocal(angle(x)?.cos()))
}

fn csc(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| reciprocal(angle(non_zero(x)?)?.sin()))
}

fn cot(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| reciprocal(angle(non_zero(x)?)?.tan()))
}

fn sech(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| reciprocal(x.cosh()))
}

fn csch(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| reciprocal(non_zero(x)?.sinh()))
}

fn coth(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| reciprocal(non_zero(x)?.tanh()))
}

fn acot(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(std::f64::consts::FRAC_PI_2 - x.atan()))
}

fn acoth(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| {
        if x.abs() <= 1.0 {
            Err(ErrorKind::Num)
        } else {
            Ok(0.5 * ((x + 1.0) / (x - 1.0)).ln())
        }
    })
}

fn degrees(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.to_degrees()))
}

fn radians(args: &[Value], _: &dyn EvalContext) -> Value {
    float1(args, |x| Ok(x.to_radians()))
}

// ---------------------------------------------------------------------------------------------
// Number systems.
// ---------------------------------------------------------------------------------------------

/// Roman symbols from the largest; even indexes are the powers of ten.
const ROMAN_SYMBOLS: [(char, u32); 7] = [
    ('M', 1000),
    ('D', 500),
    ('C', 100),
    ('L', 50),
    ('X', 10),
    ('V', 5),
    ('I', 1),
];

/// ROMAN(number, form): form 0 is classic; forms 1 to 4 are ever more concise, letting a
/// smaller symbol further down the scale precede a larger one (499 is CDXCIX, LDVLIV, XDIX,
/// VDIV, ID in forms 0..4).
fn to_roman(mut n: u32, form: u32) -> String {
    let symbol = |i: usize| ROMAN_SYMBOLS.get(i).copied().unwrap_or(('I', 1));
    let last = ROMAN_SYMBOLS.len() - 1;
    let mut out = String::new();
    for ten in (0..=last).step_by(2) {
        let (one_char, one) = symbol(ten);
        let digit = n / one;
        if digit % 5 == 4 && ten > 0 {
            // A subtractive pair: before the next five (4) or the next ten (9) symbol.
            let big = if digit == 4 { ten - 1 } else { ten - 2 };
            let (big_char, big_value) = symbol(big);
            // Concise forms may use a smaller subtrahend, one step per form level, while
            // what it leaves still fits.
            let mut small = ten;
            let mut steps = 0;
            while steps < form && small < last {
                steps += 1;
                if big_value - symbol(small + 1).1 <= n {
                    small += 1;
                } else {
                    break;
                }
            }
            let (small_char, small_value) = symbol(small);
            out.push(small_char);
            out.push(big_char);
            n = n + small_value - big_value;
        } else {
            if digit > 4 && ten > 0 {
                out.push(symbol(ten - 1).0);
            }
            for _ in 0..digit % 5 {
                out.push(one_char);
            }
            n %= one;
        }
    }
    out
}

fn roman(args: &[Value], _: &dyn EvalContext) -> Value {
    let text = || {
        let n = truncate_to_i64(arg_number(args, 0)?)?;
        let form = match args.get(1) {
            Some(Value::Bool(true)) => 0,
            Some(Value::Bool(false)) => 4,
            Some(v) => truncate_to_i64(v.to_number()?)?,
            None => 0,
        };
        if !(0..=3999).contains(&n) || !(0..=4).contains(&form) {
            return Err(ErrorKind::Value);
        }
        Ok(Value::text(to_roman(n as u32, form as u32)))
    };
    text().unwrap_or_else(Value::Error)
}

fn roman_digit(c: char) -> Option<i64> {
    ROMAN_SYMBOLS
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(&c))
        .map(|(_, v)| i64::from(*v))
}

/// ARABIC: any sequence of Roman symbols (case-insensitive, optional leading minus), a symbol
/// smaller than one after it subtracting; "" is 0.
fn arabic(args: &[Value], _: &dyn EvalContext) -> Value {
    let value = || {
        let v = args.first().cloned().unwrap_or_default();
        if matches!(v, Value::Number(_) | Value::Bool(_)) {
            return Err(ErrorKind::Value);
        }
        let text = v.to_text()?;
        let text = text.trim();
        if text.chars().count() > 255 {
            return Err(ErrorKind::Value);
        }
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut total = 0i64;
        let mut largest = 0i64;
        for c in digits.chars().rev() {
            let d = roman_digit(c).ok_or(ErrorKind::Value)?;
            if d < largest {
                total -= d;
            } else {
                total += d;
                largest = d;
            }
        }
        Ok(Decimal::from(if negative { -total } else { total }))
    };
    to_value(value())
}

const DIGITS36: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn radix_arg(v: Decimal) -> Result<u32, ErrorKind> {
    match truncate_to_i64(v)? {
        r @ 2..=36 => Ok(r as u32),
        _ => Err(ErrorKind::Num),
    }
}

/// BASE(number, radix, [min_length]): digits 0-9A-Z, zero-padded to min_length.
fn base(args: &[Value], _: &dyn EvalContext) -> Value {
    let text = || {
        let n = truncate_to_i64(arg_number(args, 0)?)?;
        let radix = radix_arg(arg_number(args, 1)?)?;
        let min_length = truncate_to_i64(arg_number(args, 2)?)?;
        if !(0..MAX_EXACT_INTEGER).contains(&n) || !(0..=255).contains(&min_length) {
            return Err(ErrorKind::Num);
        }
        let mut digits = Vec::new();
        let mut rest = n as u64;
        loop {
            let d = (rest % u64::from(radix)) as usize;
            digits.push(DIGITS36.get(d).copied().map_or('0', char::from));
            rest /= u64::from(radix);
            if rest == 0 {
                break;
            }
        }
        while digits.len() < min_length as usize {
            digits.push('0');
        }
        Ok(Value::text(digits.iter().rev().collect::<String>()))
    };
    text().unwrap_or_else(Value::Error)
}

/// DECIMAL(text, radix): digits 0-9A-Z (case-insensitive) below the radix.
fn decimal(args: &[Value], _: &dyn EvalContext) -> Value {
    let value = || {
        let text = args.first().cloned().unwrap_or_default().to_text()?;
        let radix = radix_arg(arg_number(args, 1)?)?;
        if text.chars().count() > 255 {
            return Err(ErrorKind::Value);
        }
        let mut n = 0u64;
        for c in text.trim().chars() {
            let d = c.to_digit(radix).ok_or(ErrorKind::Num)?;
            n = n
                .checked_mul(u64::from(radix))
                .and_then(|n| n.checked_add(u64::from(d)))
                .filter(|&n| n < MAX_EXACT_INTEGER as u64)
                .ok_or(ErrorKind::Num)?;
        }
        Ok(Decimal::from(n))
    };
    to_value(value())
}

// ---------------------------------------------------------------------------------------------
// Matrices and generated arrays.
// ---------------------------------------------------------------------------------------------

/// A matrix of numbers: rows, columns and row-major values. Any error in it propagates (the
/// first in reading order); any other non-number, empty cells included, is `#VALUE!`.
struct Matrix {
    rows: usize,
    cols: usize,
    values: Vec<Decimal>,
}

impl Matrix {
    fn read(op: &Operand, ctx: &dyn EvalContext) -> Result<Matrix, ErrorKind> {
        let array = match op {
            // A whole-column matrix is not clipped: its empty cells make it #VALUE! anyway.
            Operand::Ref(area) => read_area(area, ctx),
            other => to_array(other, ctx),
        };
        let mut values = Vec::with_capacity(array.values.len());
        for v in &array.values {
            match v {
                Value::Number(n) => values.push(*n),
                Value::Error(e) => return Err(*e),
                _ => return Err(ErrorKind::Value),
            }
        }
        Ok(Matrix {
            rows: array.rows,
            cols: array.cols,
            values,
        })
    }

    fn get(&self, r: usize, c: usize) -> Decimal {
        self.values
            .get(r * self.cols + c)
            .copied()
            .unwrap_or_default()
    }

    fn square_f64(&self) -> Result<Vec<Vec<f64>>, ErrorKind> {
        if self.rows != self.cols {
            return Err(ErrorKind::Value);
        }
        Ok((0..self.rows)
            .map(|r| {
                (0..self.cols)
                    .map(|c| numeric::to_f64(self.get(r, c)))
                    .collect()
            })
            .collect())
    }
}

/// The cells of an area as an array, without clipping to the used extent; areas too large to
/// be a matrix are `#VALUE!` cells.
fn read_area(area: &Area, ctx: &dyn EvalContext) -> Array {
    if area.rows().saturating_mul(area.cols()) > MAX_GENERATED_CELLS {
        return Array::filled(1, 1, Value::Error(ErrorKind::Value));
    }
    let mut values = Vec::with_capacity(area.rows() * area.cols());
    for r in area.top..=area.bottom {
        for c in area.left..=area.right {
            values.push(ctx.cell(area.sheet, r, c).clone());
        }
    }
    Array::new(area.rows(), area.cols(), values)
}

fn mmult(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let product = || {
        let a = Matrix::read(&args[0], ctx)?;
        let b = Matrix::read(&args[1], ctx)?;
        if a.cols != b.rows {
            return Err(ErrorKind::Value);
        }
        check_size(a.rows, b.cols)?;
        let mut values = Vec::with_capacity(a.rows * b.cols);
        for r in 0..a.rows {
            for c in 0..b.cols {
                let mut total = Decimal::ZERO;
                for k in 0..a.cols {
                    total = numeric::add(total, numeric::mul(a.get(r, k), b.get(k, c))?)?;
                }
                values.push(Value::Number(total));
            }
        }
        Ok(Array::new(a.rows, b.cols, values))
    };
    array_result(product())
}

fn array_result(r: Result<Array, ErrorKind>) -> Operand {
    match r {
        Ok(array) => Operand::Array(Arc::new(array)),
        Err(e) => Operand::error(e),
    }
}

/// Gauss-Jordan elimination with partial pivoting in f64 (as Excel computes): the determinant
/// and the inverse. `None` for a singular matrix (a zero pivot).
fn gauss_jordan(m: Vec<Vec<f64>>) -> Option<(f64, Vec<Vec<f64>>)> {
    let n = m.len();
    // Each row carries its part of the identity: [A | I].
    let mut rows: Vec<Vec<f64>> = m
        .into_iter()
        .enumerate()
        .map(|(r, mut row)| {
            row.extend((0..n).map(|c| if c == r { 1.0 } else { 0.0 }));
            row
        })
        .collect();
    let mut det = 1.0;
    for col in 0..n {
        let magnitude = |row: &Vec<f64>| row.get(col).map_or(0.0, |x| x.abs());
        let (pivot_row, _) = rows
            .iter()
            .enumerate()
            .skip(col)
            .max_by(|a, b| magnitude(a.1).total_cmp(&magnitude(b.1)))?;
        if pivot_row != col {
            rows.swap(col, pivot_row);
            det = -det;
        }
        let pivot_values = rows.get(col)?.clone();
        let pivot = *pivot_values.get(col)?;
        if pivot == 0.0 {
            return None;
        }
        det *= pivot;
        for (r, row) in rows.iter_mut().enumerate() {
            let factor = row.get(col).map_or(0.0, |x| x / pivot);
            if r != col && factor != 0.0 {
                for (x, p) in row.iter_mut().zip(&pivot_values) {
                    *x -= factor * p;
                }
            }
        }
    }
    let inverse = rows
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            let pivot = row.get(r).copied().unwrap_or(1.0);
            row.into_iter().skip(n).map(|x| x / pivot).collect()
        })
        .collect();
    Some((det, inverse))
}

/// MDETERM, snapped to 15 digits so integer matrices give integer determinants.
fn mdeterm(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let det = || {
        let m = Matrix::read(&args[0], ctx)?.square_f64()?;
        let det = gauss_jordan(m).map_or(0.0, |(det, _)| det);
        numeric::from_f64(det).map(numeric::snap15)
    };
    det().into()
}

/// MINVERSE: `#NUM!` for a singular matrix.
fn minverse(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let inverse = || {
        let m = Matrix::read(&args[0], ctx)?.square_f64()?;
        let n = m.len();
        let (_, inv) = gauss_jordan(m).ok_or(ErrorKind::Num)?;
        let values = inv
            .into_iter()
            .flatten()
            .map(|x| numeric::from_f64(x).map(Value::Number))
            .collect::<Result<Vec<Value>, ErrorKind>>()?;
        Ok(Array::new(n, n, values))
    };
    array_result(inverse())
}

/// Builds a generated array from its (possibly omitted) arguments.
type Generator = fn(&[Option<Value>], &dyn EvalContext) -> Result<Array, ErrorKind>;

/// Functions that generate an array from scalar arguments (MUNIT, SEQUENCE, RANDARRAY).
/// Given arrays, Excel maps them element by element and keeps each result's first element.
fn generated(args: &[Operand], ctx: &dyn EvalContext, f: Generator) -> Operand {
    let omitted = omitted_flags(args);
    let given = |values: &[Value]| given_values(values, &omitted);
    let mut first = |values: &[Value]| match f(&given(values), ctx) {
        Ok(array) => array.values.first().cloned().unwrap_or_default(),
        Err(e) => Value::Error(e),
    };
    if let Some(array) = lift(args, ctx, &mut first) {
        return Operand::Array(Arc::new(array));
    }
    let values: Vec<Value> = args.iter().map(|a| scalar(a, ctx)).collect();
    array_result(f(&given(&values), ctx))
}

/// Rows or columns of a generated array: 0 is `#CALC!` (an empty array), negatives `#VALUE!`.
fn dimension(args: &[Option<Value>], i: usize) -> Result<usize, ErrorKind> {
    let n = truncate_to_i64(optional_number(args, i, Decimal::ONE)?)?;
    match n {
        0 => Err(ErrorKind::Calc),
        n if n < 0 => Err(ErrorKind::Value),
        n => usize::try_from(n).map_err(|_| ErrorKind::Num),
    }
}

fn check_size(rows: usize, cols: usize) -> Result<(), ErrorKind> {
    if rows.saturating_mul(cols) > MAX_GENERATED_CELLS {
        Err(ErrorKind::Num)
    } else {
        Ok(())
    }
}

fn munit_array(args: &[Option<Value>], _: &dyn EvalContext) -> Result<Array, ErrorKind> {
    let n = truncate_to_i64(optional_number(args, 0, Decimal::ZERO)?)?;
    if n < 1 {
        return Err(ErrorKind::Value);
    }
    let n = usize::try_from(n).map_err(|_| ErrorKind::Num)?;
    check_size(n, n)?;
    let mut values = vec![Value::Number(Decimal::ZERO); n * n];
    for i in 0..n {
        if let Some(v) = values.get_mut(i * n + i) {
            *v = Value::Number(Decimal::ONE);
        }
    }
    Ok(Array::new(n, n, values))
}

fn munit(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    generated(args, ctx, munit_array)
}

fn sequence_array(args: &[Option<Value>], _: &dyn EvalContext) -> Result<Array, ErrorKind> {
    let rows = dimension(args, 0)?;
    let cols = dimension(args, 1)?;
    let start = optional_number(args, 2, Decimal::ONE)?;
    let step = optional_number(args, 3, Decimal::ONE)?;
    check_size(rows, cols)?;
    let mut values = Vec::with_capacity(rows * cols);
    let mut next = start;
    for _ in 0..rows * cols {
        values.push(Value::Number(next));
        next = numeric::add(next, step)?;
    }
    Ok(Array::new(rows, cols, values))
}

fn sequence(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    generated(args, ctx, sequence_array)
}

/// RANDARRAY([rows], [columns], [min=0], [max=1], [whole_number=FALSE]).
fn randarray_array(args: &[Option<Value>], ctx: &dyn EvalContext) -> Result<Array, ErrorKind> {
    let rows = dimension(args, 0)?;
    let cols = dimension(args, 1)?;
    let low = optional_number(args, 2, Decimal::ZERO)?;
    let high = optional_number(args, 3, Decimal::ONE)?;
    let whole = match args.get(4) {
        Some(Some(v)) => v.to_bool()?,
        _ => false,
    };
    if low > high || (whole && (!low.fract().is_zero() || !high.fract().is_zero())) {
        return Err(ErrorKind::Value);
    }
    check_size(rows, cols)?;
    let span = numeric::sub(high, low)?;
    let mut values = Vec::with_capacity(rows * cols);
    for _ in 0..rows * cols {
        let x = if whole {
            random_between(low, high, ctx)?
        } else {
            numeric::add(low, numeric::mul(numeric::from_f64(ctx.random())?, span)?)?
        };
        values.push(Value::Number(x));
    }
    Ok(Array::new(rows, cols, values))
}

fn randarray(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    generated(args, ctx, randarray_array)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rust_decimal::prelude::ToPrimitive;

    use super::super::args::{Array, Operand};
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    fn e(kind: ErrorKind) -> Value {
        Value::Error(kind)
    }

    /// A constant array of numbers, row-major.
    fn arr(rows: usize, cols: usize, values: &[&str]) -> Operand {
        Operand::Array(Arc::new(Array::new(
            rows,
            cols,
            values.iter().map(|v| n(v)).collect(),
        )))
    }

    fn close(got: Value, want: f64) -> bool {
        match got {
            Value::Number(d) => {
                let x = d.to_f64().unwrap_or(f64::NAN);
                (x - want).abs() <= 1e-9 * want.abs().max(1.0)
            }
            _ => false,
        }
    }

    /// Exact expectations: (function, arguments, Excel's value).
    fn check(g: &TestGrid, cases: Vec<(&str, Vec<Operand>, Value)>) {
        for (name, args, want) in cases {
            let got = g.value(name, &args);
            assert_eq!(got, want, "{name}({args:?})");
        }
    }

    /// Approximate expectations for f64 results (Excel's values to the digits it shows).
    fn check_close(g: &TestGrid, cases: Vec<(&str, Vec<Operand>, f64, f64)>) {
        for (name, args, want, tolerance) in cases {
            let got = g.value(name, &args);
            let ok = match &got {
                Value::Number(d) => (d.to_f64().unwrap_or(f64::NAN) - want).abs() <= tolerance,
                _ => false,
            };
            assert!(ok, "{name}({args:?}) = {got:?}, want {want}");
        }
    }

    fn cells(g: &TestGrid, op: &Operand) -> Vec<Value> {
        match op {
            Operand::Array(a) => a.values.clone(),
            other => vec![super::super::args::scalar(other, g)],
        }
    }

    // -----------------------------------------------------------------------------------------
    // Aggregates.
    // -----------------------------------------------------------------------------------------

    #[test]
    fn sum_follows_excel() {
        let mut g = TestGrid::new();
        g.set("A1", n("1"))
            .set("A2", Value::text("5"))
            .set("A3", Value::Bool(true))
            .set("A4", n("2.5"));
        check(
            &g,
            vec![
                ("SUM", vec![g.area("A1:A5")], n("3.5")),
                ("SUM", vec![txt("5"), boolean(true), num("1")], n("7")),
                ("SUM", vec![txt("x")], e(ErrorKind::Value)),
                ("SUM", vec![g.area("B1:B3")], n("0")),
                ("SUM", vec![empty(), num("2")], n("2")),
                ("SUM", vec![num("0.1"), num("0.2")], n("0.3")),
                ("SUM", vec![err(ErrorKind::NA), num("1")], e(ErrorKind::NA)),
            ],
        );
        g.set("A5", Value::Error(ErrorKind::Div0));
        check(&g, vec![("SUM", vec![g.area("A1:A5")], e(ErrorKind::Div0))]);
    }

    #[test]
    fn product_multiplies_exactly() {
        let mut g = TestGrid::new();
        g.set("A2", n("5")).set("A3", n("15")).set("A4", n("30"));
        g.set("B1", Value::text("x")).set("B2", Value::Bool(true));
        check(
            &g,
            vec![
                ("PRODUCT", vec![g.area("A2:A4")], n("2250")),
                ("PRODUCT", vec![g.area("A2:A4"), num("2")], n("4500")),
                ("PRODUCT", vec![g.area("A1:A4"), g.area("B1:B3")], n("2250")),
                ("PRODUCT", vec![txt("2"), num("1.5")], n("3")),
                // No numbers at all: 0, not 1.
                ("PRODUCT", vec![g.area("B1:B3")], n("0")),
                ("PRODUCT", vec![txt("x")], e(ErrorKind::Value)),
                ("PRODUCT", vec![err(ErrorKind::Ref)], e(ErrorKind::Ref)),
                (
                    "PRODUCT",
                    vec![num("79228162514264337593543950335"), num("2")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    #[test]
    fn sumsq_squares_numbers() {
        let mut g = TestGrid::new();
        g.set("A1", n("3"))
            .set("A2", n("4"))
            .set("A3", Value::text("9"));
        check(
            &g,
            vec![
                ("SUMSQ", vec![num("3"), num("4")], n("25")),
                ("SUMSQ", vec![g.area("A1:A4")], n("25")),
                ("SUMSQ", vec![txt("3"), boolean(true)], n("10")),
                ("SUMSQ", vec![empty()], n("0")),
                ("SUMSQ", vec![txt("x")], e(ErrorKind::Value)),
                (
                    "SUMSQ",
                    vec![num("1"), err(ErrorKind::Num)],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    /// SUMPRODUCT starts each product with its first factor instead of 1 × it: the same bits.
    #[test]
    fn one_times_a_nonzero_number_is_that_number() {
        use rust_decimal::Decimal;
        let mut samples = vec![
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-123_456_789, 28),
            Decimal::from(u32::MAX),
            Decimal::from(u64::MAX),
            Decimal::from(i64::MIN),
            Decimal::from_i128_with_scale(1 << 95, 7),
        ];
        for k in 1..200i64 {
            let m = k.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as i64) >> (k % 60);
            samples.push(Decimal::new(m, (k % 29) as u32));
        }
        for n in samples.into_iter().filter(|n| !n.is_zero()) {
            let one_times = Decimal::ONE.checked_mul(n).map(|d| d.serialize());
            assert_eq!(one_times, Some(n.serialize()), "{n}");
        }
    }

    #[test]
    fn sumproduct_multiplies_same_shaped_arrays() {
        let mut g = TestGrid::new();
        // Excel's documentation example: the result is 156.
        for (cell, v) in [
            ("A2", "3"),
            ("B2", "4"),
            ("A3", "8"),
            ("B3", "6"),
            ("A4", "1"),
            ("B4", "9"),
            ("C2", "2"),
            ("D2", "7"),
            ("C3", "6"),
            ("D3", "7"),
            ("C4", "5"),
            ("D4", "3"),
        ] {
            g.set(cell, n(v));
        }
        g.set("E2", Value::text("7")).set("E3", Value::Bool(true));
        // (A2:A4>1) as the evaluator produces it: booleans count as 0 unless coerced.
        let bools = Operand::Array(Arc::new(Array::column(vec![
            Value::Bool(true),
            Value::Bool(true),
            Value::Bool(false),
        ])));
        check(
            &g,
            vec![
                (
                    "SUMPRODUCT",
                    vec![g.area("A2:B4"), g.area("C2:D4")],
                    n("156"),
                ),
                ("SUMPRODUCT", vec![g.area("A2:A4")], n("12")),
                ("SUMPRODUCT", vec![bools.clone(), g.area("C2:C4")], n("0")),
                (
                    "SUMPRODUCT",
                    vec![arr(3, 1, &["1", "1", "0"]), g.area("C2:C4")],
                    n("8"),
                ),
                // Text, booleans and empty cells count as 0.
                ("SUMPRODUCT", vec![g.area("E2:E4"), g.area("A2:A4")], n("0")),
                (
                    "SUMPRODUCT",
                    vec![g.area("A2:A4"), g.area("A2:B4")],
                    e(ErrorKind::Value),
                ),
                ("SUMPRODUCT", vec![num("3"), num("4")], n("12")),
            ],
        );
        g.set("C3", Value::Error(ErrorKind::NA));
        check(
            &g,
            vec![
                (
                    "SUMPRODUCT",
                    vec![g.area("A2:B4"), g.area("C2:D4")],
                    e(ErrorKind::NA),
                ),
                // An error inside the arguments wins over mismatched shapes.
                (
                    "SUMPRODUCT",
                    vec![g.area("C2:C4"), g.area("A2:B4")],
                    e(ErrorKind::NA),
                ),
            ],
        );
    }

    #[test]
    fn sumproduct_over_whole_columns_costs_the_data() {
        let mut g = TestGrid::new();
        g.set("A1", n("2"))
            .set("A2", n("3"))
            .set("B1", n("10"))
            .set("B2", n("100"));
        let column = |col: u32| {
            Operand::Ref(super::super::args::Area {
                sheet: super::super::args::SheetId(0),
                top: 0,
                left: col,
                bottom: 1_048_575,
                right: col,
            })
        };
        check(
            &g,
            vec![("SUMPRODUCT", vec![column(0), column(1)], n("320"))],
        );
    }

    /// Larger than one buffered band of rows: the same sum, and the first error in reading
    /// order (row by row, argument by argument) wins, wherever its band.
    #[test]
    fn sumproduct_reads_references_band_by_band() {
        use rust_decimal::Decimal;
        let mut g = TestGrid::new();
        let rows = 20_000u32;
        let mut want = Decimal::ZERO;
        for r in 1..=rows {
            let (a, b, c) = (i64::from(r % 13), i64::from(r % 7) - 3, i64::from(r % 5));
            g.set(&format!("A{r}"), n(&a.to_string()))
                .set(&format!("B{r}"), n(&b.to_string()))
                .set(&format!("C{r}"), n(&c.to_string()));
            want += Decimal::from(a * b * c);
        }
        // A text factor: that row counts for nothing.
        g.set("C17001", Value::text("x"));
        let text_row = |r: i64| (r % 13) * (r % 7 - 3) * (r % 5);
        want -= Decimal::from(text_row(17001));
        let (a, b, c) = (
            g.area("A1:A20000"),
            g.area("B1:B20000"),
            g.area("C1:C20000"),
        );
        let wide = g.area("A1:C20000");
        let mut sq = Decimal::ZERO;
        for r in 1..=rows {
            for v in [i64::from(r % 13), i64::from(r % 7) - 3] {
                sq += Decimal::from(v * v);
            }
            if r != 17001 {
                sq += Decimal::from(i64::from(r % 5) * i64::from(r % 5));
            }
        }
        check(
            &g,
            vec![
                (
                    "SUMPRODUCT",
                    vec![a.clone(), b.clone(), c.clone()],
                    Value::Number(want),
                ),
                (
                    "SUMPRODUCT",
                    vec![wide.clone(), wide.clone()],
                    Value::Number(sq),
                ),
            ],
        );
        g.set("B17500", Value::Error(ErrorKind::Div0))
            .set("A17800", Value::Error(ErrorKind::NA))
            .set("C17500", Value::Error(ErrorKind::Num));
        check(
            &g,
            vec![
                (
                    "SUMPRODUCT",
                    vec![a.clone(), b.clone(), c.clone()],
                    e(ErrorKind::Div0),
                ),
                ("SUMPRODUCT", vec![c, a, b], e(ErrorKind::Num)),
                ("SUMPRODUCT", vec![wide.clone(), wide], e(ErrorKind::Div0)),
            ],
        );
    }

    fn sumif_grid() -> TestGrid {
        // Excel's SUMIF documentation: property values and commissions.
        let mut g = TestGrid::new();
        for (i, (value, commission)) in [
            ("100000", "7000"),
            ("200000", "14000"),
            ("300000", "21000"),
            ("400000", "28000"),
        ]
        .iter()
        .enumerate()
        {
            g.set(&format!("A{}", i + 2), n(value));
            g.set(&format!("B{}", i + 2), n(commission));
        }
        g
    }

    #[test]
    fn sumif_matches_the_documentation() {
        let g = sumif_grid();
        check(
            &g,
            vec![
                (
                    "SUMIF",
                    vec![g.area("A2:A5"), txt(">160000"), g.area("B2:B5")],
                    n("63000"),
                ),
                ("SUMIF", vec![g.area("A2:A5"), txt(">160000")], n("900000")),
                (
                    "SUMIF",
                    vec![g.area("A2:A5"), num("300000"), g.area("B2:B5")],
                    n("21000"),
                ),
                (
                    "SUMIF",
                    vec![g.area("A2:A5"), txt("300000"), g.area("B2:B5")],
                    n("21000"),
                ),
                (
                    "SUMIF",
                    vec![g.area("A2:A5"), txt("<>300000"), g.area("B2:B5")],
                    n("49000"),
                ),
                // sum_range is resized from its top-left cell to the shape of range.
                (
                    "SUMIF",
                    vec![g.area("A2:A5"), txt(">250000"), g.area("B2")],
                    n("49000"),
                ),
                (
                    "SUMIF",
                    vec![g.area("A2:A5"), txt(">1E9"), g.area("B2:B5")],
                    n("0"),
                ),
                ("SUMIF", vec![g.area("A2:A5"), err(ErrorKind::NA)], n("0")),
            ],
        );
    }

    #[test]
    fn sumif_text_wildcards_blanks_and_errors() {
        let mut g = TestGrid::new();
        g.set("A1", Value::text("apple"))
            .set("A2", Value::text("Apricot"))
            .set("A3", Value::text("banana"))
            .set("A5", n("0"))
            .set("B1", n("1"))
            .set("B2", n("2"))
            .set("B3", Value::Error(ErrorKind::Div0))
            .set("B4", n("4"))
            .set("B5", n("8"))
            .set("C1", Value::text("10"));
        check(
            &g,
            vec![
                (
                    "SUMIF",
                    vec![g.area("A1:A5"), txt("a*"), g.area("B1:B5")],
                    n("3"),
                ),
                (
                    "SUMIF",
                    vec![g.area("A1:A5"), txt("?pple"), g.area("B1:B5")],
                    n("1"),
                ),
                // Only matched cells' errors propagate.
                (
                    "SUMIF",
                    vec![g.area("A1:A5"), txt("b*"), g.area("B1:B5")],
                    e(ErrorKind::Div0),
                ),
                // "=" matches empty cells; a blank criterion cell means 0.
                (
                    "SUMIF",
                    vec![g.area("A1:A5"), txt("="), g.area("B1:B5")],
                    n("4"),
                ),
                (
                    "SUMIF",
                    vec![g.area("A1:A5"), g.area("D1"), g.area("B1:B5")],
                    n("8"),
                ),
                // Text in sum_range is not added.
                (
                    "SUMIF",
                    vec![g.area("A1:A1"), txt("apple"), g.area("C1")],
                    n("0"),
                ),
            ],
        );
        // Array criteria give one result per criterion.
        let out = g.call(
            "SUMIF",
            &[
                g.area("A1:A5"),
                Operand::Array(Arc::new(Array::new(
                    1,
                    2,
                    vec![Value::text("apple"), Value::text("apricot")],
                ))),
                g.area("B1:B5"),
            ],
        );
        assert_eq!(cells(&g, &out), vec![n("1"), n("2")]);
    }

    #[test]
    fn sumif_on_whole_columns_streams() {
        let mut g = sumif_grid();
        g.set("A1000", n("500000")).set("B1000", n("1"));
        let column = |col: u32| {
            Operand::Ref(super::super::args::Area {
                sheet: super::super::args::SheetId(0),
                top: 0,
                left: col,
                bottom: 1_048_575,
                right: col,
            })
        };
        check(
            &g,
            vec![
                (
                    "SUMIF",
                    vec![column(0), txt(">250000"), column(1)],
                    n("49001"),
                ),
                (
                    "SUMIFS",
                    vec![column(1), column(0), txt(">250000")],
                    n("49001"),
                ),
            ],
        );
    }

    #[test]
    fn sumifs_matches_the_documentation() {
        let mut g = TestGrid::new();
        let rows = [
            ("5", "Apples", "Tom"),
            ("4", "Apples", "Sarah"),
            ("15", "Artichokes", "Tom"),
            ("3", "Artichokes", "Sarah"),
            ("22", "Bananas", "Tom"),
            ("12", "Bananas", "Sarah"),
            ("10", "Carrots", "Tom"),
            ("33", "Carrots", "Sarah"),
        ];
        for (i, (q, p, s)) in rows.iter().enumerate() {
            g.set(&format!("A{}", i + 2), n(q));
            g.set(&format!("B{}", i + 2), Value::text(*p));
            g.set(&format!("C{}", i + 2), Value::text(*s));
        }
        let (a, b, c) = (g.area("A2:A9"), g.area("B2:B9"), g.area("C2:C9"));
        check(
            &g,
            vec![
                (
                    "SUMIFS",
                    vec![a.clone(), b.clone(), txt("=A*"), c.clone(), txt("Tom")],
                    n("20"),
                ),
                (
                    "SUMIFS",
                    vec![
                        a.clone(),
                        b.clone(),
                        txt("<>Bananas"),
                        c.clone(),
                        txt("Tom"),
                    ],
                    n("30"),
                ),
                ("SUMIFS", vec![a.clone(), a.clone(), txt(">10")], n("82")),
                ("SUMIFS", vec![a.clone(), c.clone(), txt("nobody")], n("0")),
                // Ranges of different shapes.
                (
                    "SUMIFS",
                    vec![a.clone(), g.area("B2:B8"), txt("Apples")],
                    e(ErrorKind::Value),
                ),
                // An incomplete criteria pair.
                (
                    "SUMIFS",
                    vec![a.clone(), b.clone(), txt("Apples"), c.clone()],
                    e(ErrorKind::Value),
                ),
                ("SUMIFS", vec![a, b, err(ErrorKind::Ref)], n("0")),
            ],
        );
    }

    #[test]
    fn sum_of_pairs_family() {
        let g = TestGrid::new();
        let x = arr(1, 7, &["2", "3", "9", "1", "8", "7", "5"]);
        let y = arr(1, 7, &["6", "5", "11", "7", "5", "4", "4"]);
        let short = arr(1, 2, &["1", "2"]);
        let with_text = Operand::Array(Arc::new(Array::new(1, 2, vec![n("3"), Value::text("x")])));
        check(
            &g,
            vec![
                ("SUMX2MY2", vec![x.clone(), y.clone()], n("-55")),
                ("SUMX2PY2", vec![x.clone(), y.clone()], n("521")),
                ("SUMXMY2", vec![x.clone(), y.clone()], n("79")),
                // Pairs with a non-number are skipped.
                ("SUMX2PY2", vec![with_text.clone(), short.clone()], n("10")),
                ("SUMXMY2", vec![x.clone(), short], e(ErrorKind::NA)),
                (
                    "SUMX2MY2",
                    vec![err(ErrorKind::Div0), num("1")],
                    e(ErrorKind::Div0),
                ),
            ],
        );
    }

    #[test]
    fn seriessum_of_a_power_series() {
        let g = TestGrid::new();
        // cos(pi/4) from four terms, as in Excel's documentation: 0.707103.
        let coefficients = Operand::Array(Arc::new(Array::new(
            4,
            1,
            vec![
                n("1"),
                n("-0.5"),
                n("0.0416666666666667"),
                n("-0.00138888888888889"),
            ],
        )));
        check_close(
            &g,
            vec![(
                "SERIESSUM",
                vec![num("0.785398163397448"), num("0"), num("2"), coefficients],
                0.707103,
                1e-6,
            )],
        );
        check(
            &g,
            vec![
                (
                    "SERIESSUM",
                    vec![num("2"), num("1"), num("1"), arr(1, 3, &["1", "1", "1"])],
                    n("14"),
                ),
                (
                    "SERIESSUM",
                    vec![txt("x"), num("1"), num("1"), num("1")],
                    e(ErrorKind::Value),
                ),
                (
                    "SERIESSUM",
                    vec![num("2"), num("1"), num("1"), txt("a")],
                    e(ErrorKind::Value),
                ),
                (
                    "SERIESSUM",
                    vec![num("2"), num("1"), num("1"), err(ErrorKind::NA)],
                    e(ErrorKind::NA),
                ),
            ],
        );
    }

    #[test]
    fn gcd_and_lcm_follow_the_toolpak_rules() {
        let mut g = TestGrid::new();
        g.set("A1", Value::text("8"))
            .set("A2", n("2"))
            .set("B1", Value::text(""))
            .set("C2", n("5"));
        check(
            &g,
            vec![
                ("GCD", vec![num("5"), num("2")], n("1")),
                ("GCD", vec![num("24"), num("36")], n("12")),
                ("GCD", vec![num("5"), num("0")], n("5")),
                ("GCD", vec![num("24.9"), num("36")], n("12")),
                ("LCM", vec![num("5"), num("2")], n("10")),
                ("LCM", vec![num("24"), num("36")], n("72")),
                ("LCM", vec![num("0"), num("7")], n("0")),
                // Text reads as a number, in cells too; logical values do not.
                ("GCD", vec![g.area("A1"), g.area("A2")], n("2")),
                ("LCM", vec![g.area("A1:A2")], n("8")),
                ("GCD", vec![boolean(true), num("2")], e(ErrorKind::Value)),
                ("GCD", vec![txt("x"), num("2")], e(ErrorKind::Value)),
                ("LCM", vec![g.area("B1"), num("2")], e(ErrorKind::Value)),
                // An empty cell alone is skipped; inside a range it is a 0.
                ("LCM", vec![g.area("C1"), g.area("C2")], n("5")),
                ("LCM", vec![g.area("C1:C2")], n("0")),
                ("GCD", vec![g.area("D1")], e(ErrorKind::Value)),
                ("GCD", vec![empty(), num("5")], e(ErrorKind::NA)),
                ("GCD", vec![num("-1"), num("5")], e(ErrorKind::Num)),
                ("LCM", vec![num("9007199254740992")], e(ErrorKind::Num)),
                ("GCD", vec![err(ErrorKind::Div0)], e(ErrorKind::Div0)),
                (
                    "LCM",
                    vec![num("4294967296"), num("4294967297")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    #[test]
    fn multinomial_is_a_ratio_of_factorials() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("MULTINOMIAL", vec![num("2"), num("3"), num("4")], n("1260")),
                ("MULTINOMIAL", vec![num("0")], n("1")),
                ("MULTINOMIAL", vec![arr(1, 2, &["1.9", "1"])], n("2")),
                ("MULTINOMIAL", vec![num("-1"), num("2")], e(ErrorKind::Num)),
                ("MULTINOMIAL", vec![txt("x")], e(ErrorKind::Value)),
                (
                    "MULTINOMIAL",
                    vec![num("100"), num("100")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    #[test]
    fn percentof_divides_sums() {
        let mut g = TestGrid::new();
        g.set("A1", n("2"))
            .set("A2", n("3"))
            .set("A3", n("5"))
            .set("A4", Value::text("x"));
        check(
            &g,
            vec![
                (
                    "PERCENTOF",
                    vec![g.area("A1:A2"), g.area("A1:A4")],
                    n("0.5"),
                ),
                (
                    "PERCENTOF",
                    vec![g.area("A1"), g.area("B1:B2")],
                    e(ErrorKind::Div0),
                ),
                (
                    "PERCENTOF",
                    vec![err(ErrorKind::NA), g.area("A1:A3")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    // -----------------------------------------------------------------------------------------
    // Rounding.
    // -----------------------------------------------------------------------------------------

    #[test]
    fn round_half_away_from_zero() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("ROUND", vec![num("2.15"), num("1")], n("2.2")),
                ("ROUND", vec![num("2.149"), num("1")], n("2.1")),
                ("ROUND", vec![num("-1.475"), num("2")], n("-1.48")),
                ("ROUND", vec![num("21.5"), num("-1")], n("20")),
                ("ROUND", vec![num("626.3"), num("-3")], n("1000")),
                ("ROUND", vec![num("1.98"), num("-1")], n("0")),
                ("ROUND", vec![num("-50.55"), num("-2")], n("-100")),
                ("ROUND", vec![num("2.5"), num("0")], n("3")),
                ("ROUND", vec![num("-2.5"), num("0")], n("-3")),
                ("ROUND", vec![num("2.5"), num("0.9")], n("3")),
                ("ROUND", vec![empty(), num("0")], n("0")),
                ("ROUND", vec![num("2.5"), empty()], n("3")),
                ("ROUND", vec![txt("1.25"), num("1")], n("1.3")),
                ("ROUND", vec![boolean(true), num("0")], n("1")),
                ("ROUND", vec![txt("x"), num("1")], e(ErrorKind::Value)),
                (
                    "ROUND",
                    vec![num("1"), err(ErrorKind::NA)],
                    e(ErrorKind::NA),
                ),
                ("ROUND", vec![num("1.5"), num("1000")], n("1.5")),
                ("ROUND", vec![num("1.5"), num("-1000")], n("0")),
            ],
        );
    }

    #[test]
    fn roundup_and_rounddown() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("ROUNDUP", vec![num("3.2"), num("0")], n("4")),
                ("ROUNDUP", vec![num("76.9"), num("0")], n("77")),
                ("ROUNDUP", vec![num("3.14159"), num("3")], n("3.142")),
                ("ROUNDUP", vec![num("-3.14159"), num("1")], n("-3.2")),
                ("ROUNDUP", vec![num("31415.92654"), num("-2")], n("31500")),
                // 1/3*3 as Decimal: Excel's double is exactly 1.
                (
                    "ROUNDUP",
                    vec![num("0.9999999999999999999999999999"), num("0")],
                    n("1"),
                ),
                ("ROUNDDOWN", vec![num("3.2"), num("0")], n("3")),
                ("ROUNDDOWN", vec![num("76.9"), num("0")], n("76")),
                ("ROUNDDOWN", vec![num("3.14159"), num("3")], n("3.141")),
                ("ROUNDDOWN", vec![num("-3.14159"), num("1")], n("-3.1")),
                ("ROUNDDOWN", vec![num("31415.92654"), num("-2")], n("31400")),
                (
                    "ROUNDDOWN",
                    vec![num("0.9999999999999999999999999999"), num("0")],
                    n("1"),
                ),
                ("ROUNDUP", vec![empty(), empty()], n("0")),
                ("ROUNDUP", vec![txt("2.01"), txt("1")], n("2.1")),
                ("ROUNDDOWN", vec![txt("x"), num("1")], e(ErrorKind::Value)),
                (
                    "ROUNDDOWN",
                    vec![err(ErrorKind::Num), num("1")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    #[test]
    fn int_and_trunc() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("INT", vec![num("8.9")], n("8")),
                ("INT", vec![num("-8.9")], n("-9")),
                ("INT", vec![num("0.9999999999999999999999999999")], n("1")),
                ("INT", vec![empty()], n("0")),
                ("INT", vec![txt("19.5")], n("19")),
                ("INT", vec![boolean(true)], n("1")),
                ("INT", vec![txt("x")], e(ErrorKind::Value)),
                ("INT", vec![err(ErrorKind::NA)], e(ErrorKind::NA)),
                ("TRUNC", vec![num("8.9")], n("8")),
                ("TRUNC", vec![num("-8.9")], n("-8")),
                ("TRUNC", vec![num("0.45")], n("0")),
                ("TRUNC", vec![num("3.14159"), num("2")], n("3.14")),
                ("TRUNC", vec![num("1234.5"), num("-2")], n("1200")),
                (
                    "TRUNC",
                    vec![num("-0.9999999999999999999999999999")],
                    n("-1"),
                ),
                ("TRUNC", vec![txt("2.7"), empty()], n("2")),
                ("TRUNC", vec![num("1"), txt("x")], e(ErrorKind::Value)),
            ],
        );
    }

    #[test]
    fn even_and_odd_round_away_from_zero() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("EVEN", vec![num("1.5")], n("2")),
                ("EVEN", vec![num("3")], n("4")),
                ("EVEN", vec![num("2")], n("2")),
                ("EVEN", vec![num("-1")], n("-2")),
                ("EVEN", vec![num("0")], n("0")),
                ("EVEN", vec![boolean(true)], n("2")),
                ("EVEN", vec![txt("x")], e(ErrorKind::Value)),
                ("ODD", vec![num("1.5")], n("3")),
                ("ODD", vec![num("3")], n("3")),
                ("ODD", vec![num("2")], n("3")),
                ("ODD", vec![num("-1")], n("-1")),
                ("ODD", vec![num("-2")], n("-3")),
                ("ODD", vec![empty()], n("1")),
                ("ODD", vec![num("2.0000000000000000000000000001")], n("3")),
                ("ODD", vec![err(ErrorKind::Ref)], e(ErrorKind::Ref)),
                (
                    "EVEN",
                    vec![num("79228162514264337593543950335")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    #[test]
    fn mround_to_the_nearest_multiple() {
        let mut g = TestGrid::new();
        g.set("A1", Value::Bool(true))
            .set("A2", n("10"))
            .set("A3", n("20"));
        check(
            &g,
            vec![
                ("MROUND", vec![num("10"), num("3")], n("9")),
                ("MROUND", vec![num("-10"), num("-3")], n("-9")),
                ("MROUND", vec![num("1.3"), num("0.2")], n("1.4")),
                ("MROUND", vec![num("5"), num("-2")], e(ErrorKind::Num)),
                ("MROUND", vec![num("7.5"), num("5")], n("10")),
                ("MROUND", vec![num("5"), num("0")], n("0")),
                ("MROUND", vec![txt("10"), num("4")], n("12")),
                // Analysis ToolPak rules: no logical values, no omitted argument, no ranges.
                ("MROUND", vec![g.area("A1"), num("2")], e(ErrorKind::Value)),
                ("MROUND", vec![num("10"), empty()], e(ErrorKind::NA)),
                (
                    "MROUND",
                    vec![g.area("A2:A3"), num("3")],
                    e(ErrorKind::Value),
                ),
                ("MROUND", vec![txt("x"), num("2")], e(ErrorKind::Value)),
                (
                    "MROUND",
                    vec![err(ErrorKind::Div0), num("2")],
                    e(ErrorKind::Div0),
                ),
            ],
        );
        let out = g.call("MROUND", &[arr(1, 2, &["10", "20"]), num("3")]);
        assert_eq!(cells(&g, &out), vec![n("9"), n("21")]);
    }

    #[test]
    fn ceiling_and_floor_compatibility_versions() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("CEILING", vec![num("2.5"), num("1")], n("3")),
                ("CEILING", vec![num("-2.5"), num("-2")], n("-4")),
                ("CEILING", vec![num("-2.5"), num("2")], n("-2")),
                ("CEILING", vec![num("1.5"), num("0.1")], n("1.5")),
                ("CEILING", vec![num("0.234"), num("0.01")], n("0.24")),
                ("CEILING", vec![num("0"), num("-2")], n("0")),
                ("CEILING", vec![num("2"), num("0")], n("0")),
                ("CEILING", vec![num("2"), num("-2")], e(ErrorKind::Num)),
                ("CEILING", vec![txt("8"), num("3")], n("9")),
                ("CEILING", vec![empty(), num("3")], n("0")),
                ("CEILING", vec![txt("--8"), num("3")], e(ErrorKind::Value)),
                (
                    "CEILING",
                    vec![num("1"), err(ErrorKind::NA)],
                    e(ErrorKind::NA),
                ),
                ("FLOOR", vec![num("3.7"), num("2")], n("2")),
                ("FLOOR", vec![num("-2.5"), num("-2")], n("-2")),
                ("FLOOR", vec![num("-2.5"), num("2")], n("-4")),
                ("FLOOR", vec![num("2.5"), num("-2")], e(ErrorKind::Num)),
                ("FLOOR", vec![num("1.58"), num("0.1")], n("1.5")),
                ("FLOOR", vec![num("0.234"), num("0.01")], n("0.23")),
                ("FLOOR", vec![num("10"), num("0")], e(ErrorKind::Div0)),
                ("FLOOR", vec![num("0"), num("0")], n("0")),
                ("FLOOR", vec![num("7.1"), boolean(true)], n("7")),
                (
                    "FLOOR",
                    vec![num("3.141592653589793"), num("3.141592653589793")],
                    n("3.141592653589793"),
                ),
                // (1/3)*3 in Decimal is a hair below 1; Excel's double is 1.
                (
                    "FLOOR",
                    vec![num("0.9999999999999999999999999999"), num("1")],
                    n("1"),
                ),
                ("FLOOR", vec![txt("x"), num("1")], e(ErrorKind::Value)),
            ],
        );
    }

    #[test]
    fn ceiling_and_floor_math() {
        let mut g = TestGrid::new();
        g.set("A1", n("5"));
        check(
            &g,
            vec![
                ("CEILING.MATH", vec![num("24.3"), num("5")], n("25")),
                ("CEILING.MATH", vec![num("6.7")], n("7")),
                ("CEILING.MATH", vec![num("-8.1"), num("2")], n("-8")),
                (
                    "CEILING.MATH",
                    vec![num("-5.5"), num("2"), num("-1")],
                    n("-6"),
                ),
                ("CEILING.MATH", vec![num("-5.5"), num("-2")], n("-4")),
                ("CEILING.MATH", vec![num("5.5"), num("2"), num("1")], n("6")),
                // An omitted significance is 1; an empty cell is 0, and gives 0.
                ("CEILING.MATH", vec![num("6.7"), empty(), num("1")], n("7")),
                ("CEILING.MATH", vec![num("6.7"), g.area("B1")], n("0")),
                ("CEILING.MATH", vec![txt("6.2"), txt("0.5")], n("6.5")),
                ("CEILING.MATH", vec![txt("x")], e(ErrorKind::Value)),
                (
                    "CEILING.MATH",
                    vec![num("1"), num("1"), txt("x")],
                    e(ErrorKind::Value),
                ),
                ("FLOOR.MATH", vec![num("24.3"), num("5")], n("20")),
                ("FLOOR.MATH", vec![num("6.7")], n("6")),
                ("FLOOR.MATH", vec![num("-8.1"), num("2")], n("-10")),
                (
                    "FLOOR.MATH",
                    vec![num("-5.5"), num("2"), num("-1")],
                    n("-4"),
                ),
                ("FLOOR.MATH", vec![num("5.5"), num("-2")], n("4")),
                ("FLOOR.MATH", vec![g.area("A1"), g.area("B1")], n("0")),
                ("FLOOR.MATH", vec![err(ErrorKind::Null)], e(ErrorKind::Null)),
            ],
        );
    }

    /// In a legacy formula (a workbook from a file) the elementwise rounding functions take
    /// the cell of a range in the formula's own row or column, as scalar functions do (the
    /// IronCalc FLOOR_CEILING workbook: `FLOOR.PRECISE($A50,$AD$47:$AH$47)` in column AG reads
    /// AG47); an intersected empty cell is a significance of 0, not an omitted argument.
    #[test]
    fn elementwise_rounding_intersects_ranges_in_legacy_formulas() {
        use crate::engine::Workbook;
        let mut wb = Workbook::new();
        let _ = wb.add_sheet("Sheet1");
        wb.set_legacy_formulas(true);
        let _ = wb.set_value("Sheet1!B1", n("4"));
        let _ = wb.set_value("Sheet1!A3", n("3"));
        let _ = wb.set_value("Sheet1!A4", n("10"));
        let cases = [
            ("Sheet1!B4", "=FLOOR.PRECISE(A4,$A$1:$C$1)", n("8")),
            ("Sheet1!B5", "=CEILING.MATH(A4,A1:C1)", n("12")),
            ("Sheet1!B6", "=ISO.CEILING(A4,A1:C1)", n("12")),
            ("Sheet1!B3", "=CEILING.PRECISE($A:$A,2)", n("4")),
            ("Sheet1!C3", "=FLOOR.MATH($A:$A)", n("3")),
            ("Sheet1!C4", "=LOG(A:A,10)", n("1")),
            // C1 is empty: a significance of 0, so 0 (an omitted one would be 1).
            ("Sheet1!C5", "=CEILING.MATH(A4,A1:C1)", n("0")),
            // Nothing to intersect.
            ("Sheet1!D9", "=FLOOR.MATH(A3:A4)", e(ErrorKind::Value)),
        ];
        for (cell, formula, _) in &cases {
            let _ = wb.set_formula(cell, formula);
        }
        for (cell, formula, want) in cases {
            assert_eq!(wb.value(cell), Some(want), "{formula}");
        }
    }

    #[test]
    fn precise_ceiling_and_floor() {
        let g = TestGrid::new();
        let mut cases = Vec::new();
        for name in ["CEILING.PRECISE", "ISO.CEILING"] {
            cases.extend(vec![
                (name, vec![num("4.3")], n("5")),
                (name, vec![num("-4.3")], n("-4")),
                (name, vec![num("4.3"), num("2")], n("6")),
                (name, vec![num("4.3"), num("-2")], n("6")),
                (name, vec![num("-4.3"), num("2")], n("-4")),
                (name, vec![num("-4.3"), num("-2")], n("-4")),
                (name, vec![num("4.3"), num("0")], n("0")),
                (name, vec![txt("1.2"), txt("0.5")], n("1.5")),
                (name, vec![txt("x")], e(ErrorKind::Value)),
                (name, vec![num("1"), err(ErrorKind::NA)], e(ErrorKind::NA)),
            ]);
        }
        cases.extend(vec![
            ("FLOOR.PRECISE", vec![num("-3.2"), num("-1")], n("-4")),
            ("FLOOR.PRECISE", vec![num("3.2"), num("1")], n("3")),
            ("FLOOR.PRECISE", vec![num("-3.2"), num("1")], n("-4")),
            ("FLOOR.PRECISE", vec![num("3.2"), num("-1")], n("3")),
            ("FLOOR.PRECISE", vec![num("3.2")], n("3")),
            ("FLOOR.PRECISE", vec![num("3.2"), num("0")], n("0")),
            ("FLOOR.PRECISE", vec![empty()], n("0")),
            ("FLOOR.PRECISE", vec![txt("x")], e(ErrorKind::Value)),
        ]);
        check(&g, cases);
    }

    // -----------------------------------------------------------------------------------------
    // Arithmetic, powers and logarithms.
    // -----------------------------------------------------------------------------------------

    #[test]
    fn abs_sign_mod_quotient_power() {
        let mut g = TestGrid::new();
        g.set("A1", Value::Bool(true));
        check(
            &g,
            vec![
                ("ABS", vec![num("-4")], n("4")),
                ("ABS", vec![num("2")], n("2")),
                ("ABS", vec![txt("-3.5")], n("3.5")),
                ("ABS", vec![empty()], n("0")),
                ("ABS", vec![txt("x")], e(ErrorKind::Value)),
                ("SIGN", vec![num("10")], n("1")),
                ("SIGN", vec![num("0")], n("0")),
                ("SIGN", vec![num("-0.00001")], n("-1")),
                ("SIGN", vec![txt("-2")], n("-1")),
                ("SIGN", vec![err(ErrorKind::Name)], e(ErrorKind::Name)),
                ("MOD", vec![num("3"), num("2")], n("1")),
                ("MOD", vec![num("-3"), num("2")], n("1")),
                ("MOD", vec![num("3"), num("-2")], n("-1")),
                ("MOD", vec![num("-3"), num("-2")], n("-1")),
                ("MOD", vec![num("5.5"), num("2")], n("1.5")),
                ("MOD", vec![num("1"), num("0")], e(ErrorKind::Div0)),
                ("MOD", vec![empty(), num("3")], n("0")),
                ("MOD", vec![txt("7"), txt("4")], n("3")),
                ("MOD", vec![num("1"), txt("x")], e(ErrorKind::Value)),
                ("QUOTIENT", vec![num("5"), num("2")], n("2")),
                ("QUOTIENT", vec![num("4.5"), num("3.1")], n("1")),
                ("QUOTIENT", vec![num("-10"), num("3")], n("-3")),
                ("QUOTIENT", vec![num("1"), num("0")], e(ErrorKind::Div0)),
                ("QUOTIENT", vec![txt("9"), num("2")], n("4")),
                (
                    "QUOTIENT",
                    vec![g.area("A1"), num("2")],
                    e(ErrorKind::Value),
                ),
                ("QUOTIENT", vec![num("9"), empty()], e(ErrorKind::NA)),
                ("POWER", vec![num("5"), num("2")], n("25")),
                ("POWER", vec![num("2"), num("-2")], n("0.25")),
                ("POWER", vec![num("0"), num("0")], e(ErrorKind::Num)),
                ("POWER", vec![num("-4"), num("0.5")], e(ErrorKind::Num)),
                ("POWER", vec![txt("3"), empty()], n("1")),
                ("POWER", vec![txt("x"), num("2")], e(ErrorKind::Value)),
            ],
        );
        check_close(
            &g,
            vec![
                ("POWER", vec![num("98.6"), num("3.2")], 2401077.222, 1e-3),
                ("POWER", vec![num("4"), num("1.25")], 5.656854249, 1e-9),
            ],
        );
    }

    #[test]
    fn roots_exponentials_and_logarithms() {
        let mut g = TestGrid::new();
        g.set("A1", Value::Bool(true));
        check(
            &g,
            vec![
                ("SQRT", vec![num("16")], n("4")),
                ("SQRT", vec![num("0.0004")], n("0.02")),
                ("SQRT", vec![num("-16")], e(ErrorKind::Num)),
                ("SQRT", vec![empty()], n("0")),
                ("SQRT", vec![txt("x")], e(ErrorKind::Value)),
                ("SQRTPI", vec![num("-1")], e(ErrorKind::Num)),
                ("SQRTPI", vec![g.area("A1")], e(ErrorKind::Value)),
                ("SQRTPI", vec![g.area("A1:A2")], e(ErrorKind::Value)),
                ("EXP", vec![num("0")], n("1")),
                ("EXP", vec![num("1000")], e(ErrorKind::Num)),
                ("LN", vec![num("1")], n("0")),
                ("LN", vec![num("0")], e(ErrorKind::Num)),
                ("LN", vec![num("-1")], e(ErrorKind::Num)),
                ("LOG", vec![num("10")], n("1")),
                ("LOG", vec![num("8"), num("2")], n("3")),
                ("LOG", vec![num("1000")], n("3")),
                ("LOG", vec![num("8"), num("1")], e(ErrorKind::Div0)),
                ("LOG", vec![num("8"), num("0")], e(ErrorKind::Num)),
                ("LOG", vec![num("0")], e(ErrorKind::Num)),
                ("LOG", vec![num("8"), g.area("B1")], e(ErrorKind::Num)),
                ("LOG", vec![txt("100"), txt("10")], n("2")),
                ("LOG", vec![txt("x")], e(ErrorKind::Value)),
                ("LOG10", vec![num("10")], n("1")),
                ("LOG10", vec![num("100000")], n("5")),
                ("LOG10", vec![num("0.001")], n("-3")),
                ("LOG10", vec![num("0")], e(ErrorKind::Num)),
                ("LOG10", vec![err(ErrorKind::NA)], e(ErrorKind::NA)),
            ],
        );
        check_close(
            &g,
            vec![
                ("SQRTPI", vec![num("1")], 1.772453851, 1e-9),
                ("SQRTPI", vec![num("2")], 2.506628275, 1e-9),
                ("SQRTPI", vec![txt("2")], 2.506628275, 1e-9),
                ("EXP", vec![num("1")], std::f64::consts::E, 1e-15),
                ("EXP", vec![num("2")], 7.389056099, 1e-9),
                ("EXP", vec![num("-1")], 0.367879441, 1e-9),
                ("LN", vec![num("86")], 4.454347296, 1e-9),
                ("LN", vec![num("2.7182818")], 0.99999999, 1e-8),
                ("LOG", vec![num("86"), num("2.7182818")], 4.454347343, 1e-9),
                ("LOG10", vec![num("86")], 1.934498451, 1e-9),
                ("PI", vec![], std::f64::consts::PI, 1e-15),
            ],
        );
    }

    #[test]
    fn factorials_and_combinations() {
        let mut g = TestGrid::new();
        g.set("A1", Value::Bool(true));
        check(
            &g,
            vec![
                ("FACT", vec![num("5")], n("120")),
                ("FACT", vec![num("1.9")], n("1")),
                ("FACT", vec![num("0")], n("1")),
                ("FACT", vec![num("-1")], e(ErrorKind::Num)),
                ("FACT", vec![num("27")], n("10888869450418352160768000000")),
                ("FACT", vec![num("28")], e(ErrorKind::Num)),
                ("FACT", vec![num("1E15")], e(ErrorKind::Num)),
                ("FACT", vec![boolean(true)], n("1")),
                ("FACT", vec![txt("x")], e(ErrorKind::Value)),
                ("FACTDOUBLE", vec![num("6")], n("48")),
                ("FACTDOUBLE", vec![num("7")], n("105")),
                ("FACTDOUBLE", vec![num("-1")], n("1")),
                ("FACTDOUBLE", vec![num("-1.1")], e(ErrorKind::Num)),
                ("FACTDOUBLE", vec![num("0")], n("1")),
                ("FACTDOUBLE", vec![g.area("A1")], e(ErrorKind::Value)),
                ("FACTDOUBLE", vec![txt("5")], n("15")),
                ("COMBIN", vec![num("8"), num("2")], n("28")),
                ("COMBIN", vec![num("8.9"), num("2.9")], n("28")),
                (
                    "COMBIN",
                    vec![num("60"), num("30")],
                    n("118264581564861424"),
                ),
                ("COMBIN", vec![num("100"), num("50")], e(ErrorKind::Num)),
                ("COMBIN", vec![num("2"), num("3")], e(ErrorKind::Num)),
                ("COMBIN", vec![num("-1"), num("0")], e(ErrorKind::Num)),
                (
                    "COMBIN",
                    vec![num("1000000"), num("500000")],
                    e(ErrorKind::Num),
                ),
                ("COMBIN", vec![txt("x"), num("1")], e(ErrorKind::Value)),
                ("COMBINA", vec![num("4"), num("3")], n("20")),
                ("COMBINA", vec![num("10"), num("3")], n("220")),
                ("COMBINA", vec![num("0"), num("0")], n("1")),
                ("COMBINA", vec![num("3"), num("0")], n("1")),
                ("COMBINA", vec![num("-1"), num("2")], e(ErrorKind::Num)),
                (
                    "COMBINA",
                    vec![err(ErrorKind::NA), num("2")],
                    e(ErrorKind::NA),
                ),
            ],
        );
    }

    #[test]
    fn random_numbers_use_the_context() {
        let g = TestGrid::new(); // its random() is always 0.5
        check(
            &g,
            vec![
                ("RAND", vec![], n("0.5")),
                ("RANDBETWEEN", vec![num("1"), num("100")], n("51")),
                ("RANDBETWEEN", vec![num("-10"), num("-10")], n("-10")),
                ("RANDBETWEEN", vec![num("1.5"), num("2.5")], n("2")),
                ("RANDBETWEEN", vec![num("5"), num("1")], e(ErrorKind::Num)),
                ("RANDBETWEEN", vec![txt("x"), num("1")], e(ErrorKind::Value)),
            ],
        );
        let out = g.call("RANDARRAY", &[num("2"), num("3")]);
        assert_eq!(cells(&g, &out), vec![n("0.5"); 6]);
        let whole = g.call(
            "RANDARRAY",
            &[num("1"), num("2"), num("1"), num("10"), boolean(true)],
        );
        assert_eq!(cells(&g, &whole), vec![n("6"), n("6")]);
        check(
            &g,
            vec![
                ("RANDARRAY", vec![], n("0.5")),
                (
                    "RANDARRAY",
                    vec![empty(), empty(), num("10"), num("20")],
                    n("15"),
                ),
                ("RANDARRAY", vec![num("0")], e(ErrorKind::Calc)),
                ("RANDARRAY", vec![num("-1")], e(ErrorKind::Value)),
                (
                    "RANDARRAY",
                    vec![num("1"), num("1"), num("5"), num("1")],
                    e(ErrorKind::Value),
                ),
                (
                    "RANDARRAY",
                    vec![num("1"), num("1"), num("0.5"), num("3"), boolean(true)],
                    e(ErrorKind::Value),
                ),
            ],
        );
        let volatile = super::FUNCTIONS
            .iter()
            .filter(|f| f.volatile)
            .map(|f| f.name)
            .collect::<Vec<_>>();
        assert_eq!(volatile, vec!["RAND", "RANDBETWEEN", "RANDARRAY"]);
    }

    // -----------------------------------------------------------------------------------------
    // Trigonometry.
    // -----------------------------------------------------------------------------------------

    #[test]
    fn circular_functions() {
        let g = TestGrid::new();
        check_close(
            &g,
            vec![
                ("SIN", vec![num("3.141592653589793")], 0.0, 1e-15),
                ("SIN", vec![num("1.5707963267948966")], 1.0, 1e-15),
                ("SIN", vec![num("0.5235987755982988")], 0.5, 1e-15),
                ("COS", vec![num("1.047")], 0.500171075, 1e-9),
                ("COS", vec![num("1.0471975511965976")], 0.5, 1e-15),
                ("TAN", vec![num("0.785")], 0.999203990, 1e-9),
                ("TAN", vec![txt("0.785")], 0.999203990, 1e-9),
                (
                    "ASIN",
                    vec![num("-0.5")],
                    -std::f64::consts::FRAC_PI_6,
                    1e-15,
                ),
                ("ACOS", vec![num("-0.5")], 2.094395102, 1e-9),
                ("ATAN", vec![num("1")], std::f64::consts::FRAC_PI_4, 1e-15),
                (
                    "ATAN2",
                    vec![num("1"), num("1")],
                    std::f64::consts::FRAC_PI_4,
                    1e-15,
                ),
                ("ATAN2", vec![num("-1"), num("-1")], -2.35619449, 1e-8),
                (
                    "ATAN2",
                    vec![num("0"), num("1")],
                    std::f64::consts::FRAC_PI_2,
                    1e-15,
                ),
                ("SEC", vec![num("45")], 1.903594407, 1e-9),
                ("CSC", vec![num("15")], 1.537780562, 1e-9),
                ("COT", vec![num("30")], -0.156119952, 1e-9),
                ("ACOT", vec![num("2")], 0.463647609, 1e-9),
                ("ACOT", vec![num("0")], std::f64::consts::FRAC_PI_2, 1e-15),
                ("DEGREES", vec![num("3.141592653589793")], 180.0, 1e-12),
                ("RADIANS", vec![num("270")], 4.712388980, 1e-9),
            ],
        );
        check(
            &g,
            vec![
                ("SIN", vec![empty()], n("0")),
                ("COS", vec![num("0")], n("1")),
                ("SIN", vec![num("134217728")], e(ErrorKind::Num)),
                ("COS", vec![txt("x")], e(ErrorKind::Value)),
                ("TAN", vec![err(ErrorKind::NA)], e(ErrorKind::NA)),
                ("ASIN", vec![num("1.1")], e(ErrorKind::Num)),
                ("ACOS", vec![num("-2")], e(ErrorKind::Num)),
                ("ATAN", vec![txt("x")], e(ErrorKind::Value)),
                ("ATAN2", vec![num("0"), num("0")], e(ErrorKind::Div0)),
                ("ATAN2", vec![txt("x"), num("0")], e(ErrorKind::Value)),
                ("SEC", vec![num("134217728")], e(ErrorKind::Num)),
                ("CSC", vec![num("0")], e(ErrorKind::Div0)),
                ("COT", vec![num("0")], e(ErrorKind::Div0)),
                ("COT", vec![empty()], e(ErrorKind::Div0)),
                ("SEC", vec![txt("x")], e(ErrorKind::Value)),
                ("DEGREES", vec![txt("x")], e(ErrorKind::Value)),
                ("RADIANS", vec![err(ErrorKind::Ref)], e(ErrorKind::Ref)),
            ],
        );
    }

    #[test]
    fn hyperbolic_functions() {
        let g = TestGrid::new();
        check_close(
            &g,
            vec![
                ("SINH", vec![num("1")], 1.175201194, 1e-9),
                ("COSH", vec![num("4")], 27.30823284, 1e-8),
                ("TANH", vec![num("-2")], -0.96402758, 1e-8),
                ("TANH", vec![num("0.5")], 0.462117157, 1e-9),
                ("ASINH", vec![num("-2.5")], -1.647231146, 1e-9),
                ("ASINH", vec![num("10")], 2.99822295, 1e-8),
                ("ACOSH", vec![num("10")], 2.993222846, 1e-9),
                ("ATANH", vec![num("0.76159416")], 1.0, 1e-8),
                ("ATANH", vec![num("-0.1")], -0.100335348, 1e-9),
                ("SECH", vec![num("45")], 5.725e-20, 1e-22),
                ("CSCH", vec![num("1.5")], 0.469642441, 1e-9),
                ("COTH", vec![num("2")], 1.037314721, 1e-9),
                ("ACOTH", vec![num("6")], 0.168236118, 1e-9),
                ("SECH", vec![num("9999999999999")], 0.0, 0.0),
                ("COTH", vec![num("9999999999999")], 1.0, 0.0),
            ],
        );
        check(
            &g,
            vec![
                ("SINH", vec![empty()], n("0")),
                ("COSH", vec![num("0")], n("1")),
                ("SINH", vec![num("100")], e(ErrorKind::Num)),
                ("TANH", vec![txt("x")], e(ErrorKind::Value)),
                ("ACOSH", vec![num("1")], n("0")),
                ("ACOSH", vec![num("0.5")], e(ErrorKind::Num)),
                ("ATANH", vec![num("1")], e(ErrorKind::Num)),
                ("CSCH", vec![num("0")], e(ErrorKind::Div0)),
                ("COTH", vec![num("0")], e(ErrorKind::Div0)),
                ("SECH", vec![num("0")], n("1")),
                ("ACOTH", vec![num("1")], e(ErrorKind::Num)),
                ("ACOTH", vec![num("0.5")], e(ErrorKind::Num)),
                ("ASINH", vec![err(ErrorKind::Div0)], e(ErrorKind::Div0)),
            ],
        );
    }

    // -----------------------------------------------------------------------------------------
    // Number systems.
    // -----------------------------------------------------------------------------------------

    #[test]
    fn roman_numerals_in_every_form() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("ROMAN", vec![num("499"), num("0")], Value::text("CDXCIX")),
                ("ROMAN", vec![num("499"), num("1")], Value::text("LDVLIV")),
                ("ROMAN", vec![num("499"), num("2")], Value::text("XDIX")),
                ("ROMAN", vec![num("499"), num("3")], Value::text("VDIV")),
                ("ROMAN", vec![num("499"), num("4")], Value::text("ID")),
                ("ROMAN", vec![num("2013"), num("0")], Value::text("MMXIII")),
                ("ROMAN", vec![num("999.9")], Value::text("CMXCIX")),
                ("ROMAN", vec![num("999.9"), num("1")], Value::text("LMVLIV")),
                ("ROMAN", vec![num("999.9"), num("2")], Value::text("XMIX")),
                ("ROMAN", vec![num("999.9"), num("3")], Value::text("VMIV")),
                (
                    "ROMAN",
                    vec![num("999.9"), boolean(false)],
                    Value::text("IM"),
                ),
                (
                    "ROMAN",
                    vec![num("999.9"), boolean(true)],
                    Value::text("CMXCIX"),
                ),
                ("ROMAN", vec![num("3999")], Value::text("MMMCMXCIX")),
                ("ROMAN", vec![num("0")], Value::text("")),
                ("ROMAN", vec![empty()], Value::text("")),
                ("ROMAN", vec![txt("4")], Value::text("IV")),
                ("ROMAN", vec![num("4000")], e(ErrorKind::Value)),
                ("ROMAN", vec![num("-1")], e(ErrorKind::Value)),
                ("ROMAN", vec![num("1"), num("5")], e(ErrorKind::Value)),
                ("ROMAN", vec![txt("x")], e(ErrorKind::Value)),
                (
                    "ROMAN",
                    vec![num("1"), err(ErrorKind::NA)],
                    e(ErrorKind::NA),
                ),
            ],
        );
    }

    #[test]
    fn arabic_reads_roman_numerals() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("ARABIC", vec![txt("LVII")], n("57")),
                ("ARABIC", vec![txt("mcmxii")], n("1912")),
                ("ARABIC", vec![txt("XLIX")], n("49")),
                ("ARABIC", vec![txt("-I")], n("-1")),
                ("ARABIC", vec![txt("MXLVI")], n("1046")),
                ("ARABIC", vec![txt("IM")], n("999")),
                ("ARABIC", vec![txt("")], n("0")),
                ("ARABIC", vec![empty()], n("0")),
                ("ARABIC", vec![txt(" XV ")], n("15")),
                ("ARABIC", vec![txt("ABC")], e(ErrorKind::Value)),
                ("ARABIC", vec![num("5")], e(ErrorKind::Value)),
                ("ARABIC", vec![boolean(true)], e(ErrorKind::Value)),
                ("ARABIC", vec![err(ErrorKind::Null)], e(ErrorKind::Null)),
            ],
        );
    }

    #[test]
    fn base_and_decimal() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                ("BASE", vec![num("7"), num("2")], Value::text("111")),
                ("BASE", vec![num("100"), num("16")], Value::text("64")),
                (
                    "BASE",
                    vec![num("15"), num("2"), num("10")],
                    Value::text("0000001111"),
                ),
                ("BASE", vec![num("0"), num("36")], Value::text("0")),
                ("BASE", vec![num("35.9"), num("36")], Value::text("Z")),
                ("BASE", vec![txt("255"), txt("16")], Value::text("FF")),
                ("BASE", vec![num("-1"), num("2")], e(ErrorKind::Num)),
                (
                    "BASE",
                    vec![num("9007199254740992"), num("2")],
                    e(ErrorKind::Num),
                ),
                ("BASE", vec![num("7"), num("1")], e(ErrorKind::Num)),
                ("BASE", vec![num("7"), num("37")], e(ErrorKind::Num)),
                (
                    "BASE",
                    vec![num("7"), num("2"), num("256")],
                    e(ErrorKind::Num),
                ),
                ("BASE", vec![txt("x"), num("2")], e(ErrorKind::Value)),
                ("DECIMAL", vec![txt("FF"), num("16")], n("255")),
                ("DECIMAL", vec![num("111"), num("2")], n("7")),
                ("DECIMAL", vec![txt("zap"), num("36")], n("45745")),
                ("DECIMAL", vec![txt(""), num("2")], n("0")),
                ("DECIMAL", vec![txt("FF"), num("10")], e(ErrorKind::Num)),
                ("DECIMAL", vec![num("113"), num("2")], e(ErrorKind::Num)),
                ("DECIMAL", vec![txt("FF"), num("37")], e(ErrorKind::Num)),
                ("DECIMAL", vec![txt("FF"), txt("x")], e(ErrorKind::Value)),
                (
                    "DECIMAL",
                    vec![txt("ZZZZZZZZZZZZZZZZZZ"), num("36")],
                    e(ErrorKind::Num),
                ),
                (
                    "DECIMAL",
                    vec![err(ErrorKind::NA), num("2")],
                    e(ErrorKind::NA),
                ),
            ],
        );
    }

    // -----------------------------------------------------------------------------------------
    // Matrices and generated arrays.
    // -----------------------------------------------------------------------------------------

    #[test]
    fn mmult_multiplies_matrices() {
        let mut g = TestGrid::new();
        g.set("A1", n("1")).set("B1", Value::text("x"));
        let out = g.call(
            "MMULT",
            &[
                arr(2, 2, &["1", "3", "7", "2"]),
                arr(2, 2, &["2", "0", "0", "2"]),
            ],
        );
        assert_eq!(cells(&g, &out), vec![n("2"), n("6"), n("14"), n("4")]);
        let row_by_column = g.call(
            "MMULT",
            &[arr(1, 3, &["1", "2", "3"]), arr(3, 1, &["4", "5", "6"])],
        );
        assert_eq!(cells(&g, &row_by_column), vec![n("32")]);
        check(
            &g,
            vec![
                (
                    "MMULT",
                    vec![arr(2, 2, &["1", "2", "3", "4"]), arr(1, 2, &["1", "2"])],
                    e(ErrorKind::Value),
                ),
                (
                    "MMULT",
                    vec![g.area("A1:B1"), arr(2, 1, &["1", "2"])],
                    e(ErrorKind::Value),
                ),
                (
                    "MMULT",
                    vec![g.area("A1:A2"), arr(1, 1, &["1"])],
                    e(ErrorKind::Value),
                ),
                (
                    "MMULT",
                    vec![err(ErrorKind::NA), num("1")],
                    e(ErrorKind::NA),
                ),
                ("MMULT", vec![num("3"), txt("2")], e(ErrorKind::Value)),
                ("MMULT", vec![num("3"), num("2")], n("6")),
            ],
        );
    }

    #[test]
    fn mdeterm_and_minverse() {
        let g = TestGrid::new();
        check(
            &g,
            vec![
                (
                    "MDETERM",
                    vec![arr(
                        4,
                        4,
                        &[
                            "1", "3", "8", "5", "1", "3", "6", "1", "1", "1", "1", "0", "7", "3",
                            "10", "2",
                        ],
                    )],
                    n("88"),
                ),
                (
                    "MDETERM",
                    vec![arr(3, 3, &["3", "6", "1", "1", "1", "0", "3", "10", "2"])],
                    n("1"),
                ),
                ("MDETERM", vec![arr(2, 2, &["3", "6", "1", "1"])], n("-3")),
                ("MDETERM", vec![arr(2, 2, &["1", "2", "2", "4"])], n("0")),
                (
                    "MDETERM",
                    vec![arr(2, 4, &["1", "3", "8", "5", "1", "3", "6", "1"])],
                    e(ErrorKind::Value),
                ),
                ("MDETERM", vec![g.area("A1:B2")], e(ErrorKind::Value)),
                ("MDETERM", vec![err(ErrorKind::Div0)], e(ErrorKind::Div0)),
                (
                    "MINVERSE",
                    vec![arr(2, 2, &["1", "1", "1", "1"])],
                    e(ErrorKind::Num),
                ),
                (
                    "MINVERSE",
                    vec![arr(2, 4, &["1", "3", "8", "5", "1", "3", "6", "1"])],
                    e(ErrorKind::Value),
                ),
                ("MINVERSE", vec![txt("x")], e(ErrorKind::Value)),
            ],
        );
        let inverse = g.call("MINVERSE", &[arr(2, 2, &["4", "-1", "2", "0"])]);
        let want = [0.0, 0.5, -1.0, 2.0];
        for (got, want) in cells(&g, &inverse).into_iter().zip(want) {
            assert!(close(got, want));
        }
        let inverse = g.call(
            "MINVERSE",
            &[arr(3, 3, &["1", "2", "1", "3", "4", "-1", "0", "2", "0"])],
        );
        let want = [0.25, 0.25, -0.75, 0.0, 0.0, 0.5, 0.75, -0.25, -0.25];
        let got = cells(&g, &inverse);
        assert_eq!(got.len(), 9);
        for (got, want) in got.into_iter().zip(want) {
            assert!(close(got, want));
        }
    }

    #[test]
    fn munit_and_sequence_generate_arrays() {
        let g = TestGrid::new();
        let identity = g.call("MUNIT", &[num("3")]);
        assert_eq!(identity.dims(), (3, 3));
        assert_eq!(
            cells(&g, &identity),
            ["1", "0", "0", "0", "1", "0", "0", "0", "1"]
                .map(n)
                .to_vec()
        );
        // Given an array, each element's identity keeps its top-left 1.
        let lifted = g.call("MUNIT", &[arr(2, 1, &["2", "0"])]);
        assert_eq!(cells(&g, &lifted), vec![n("1"), e(ErrorKind::Value)]);
        let seq = g.call("SEQUENCE", &[num("2"), num("3")]);
        assert_eq!(seq.dims(), (2, 3));
        assert_eq!(
            cells(&g, &seq),
            ["1", "2", "3", "4", "5", "6"].map(n).to_vec()
        );
        let stepped = g.call("SEQUENCE", &[num("3"), empty(), num("10"), num("-2.5")]);
        assert_eq!(cells(&g, &stepped), ["10", "7.5", "5"].map(n).to_vec());
        check(
            &g,
            vec![
                ("MUNIT", vec![num("1.9")], n("1")),
                ("MUNIT", vec![num("0")], e(ErrorKind::Value)),
                ("MUNIT", vec![txt("x")], e(ErrorKind::Value)),
                ("MUNIT", vec![num("100000")], e(ErrorKind::Num)),
                ("MUNIT", vec![err(ErrorKind::NA)], e(ErrorKind::NA)),
                ("SEQUENCE", vec![num("1")], n("1")),
                ("SEQUENCE", vec![txt("2"), num("1"), txt("5")], n("5")),
                ("SEQUENCE", vec![num("0")], e(ErrorKind::Calc)),
                ("SEQUENCE", vec![num("-1")], e(ErrorKind::Value)),
                (
                    "SEQUENCE",
                    vec![num("2"), num("2"), txt("x")],
                    e(ErrorKind::Value),
                ),
                (
                    "SEQUENCE",
                    vec![num("100000"), num("100000")],
                    e(ErrorKind::Num),
                ),
            ],
        );
    }

    #[test]
    fn every_function_has_a_unique_upper_case_name() {
        let mut names: Vec<&str> = super::FUNCTIONS.iter().map(|f| f.name).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
        assert!(names.iter().all(|n| *n == n.to_uppercase()));
        assert!(count >= 80);
    }
}
