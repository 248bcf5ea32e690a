//! Statistical functions: averages, counts and extremes (AVERAGE, COUNTA, MAXA...), spread and
//! shape (STDEV, VAR, KURT...), conditional aggregates (COUNTIFS, AVERAGEIFS, MINIFS...), order
//! statistics (MEDIAN, MODE, PERCENTILE, RANK...), paired data and regression (CORREL, SLOPE,
//! LINEST, TREND...), distributions (NORM.DIST, T.INV, BINOM.DIST...), hypothesis tests, and
//! SUBTOTAL / AGGREGATE.
//!
//! Numbers follow the project's rule: what Excel computes exactly stays an exact decimal
//! (AVERAGE, MIN/MAX, MEDIAN, PERCENTILE interpolation, PERMUT); variances, regression and
//! distributions are computed in f64, as Excel does, and converted back.
//!
//! SUBTOTAL and AGGREGATE skip cells whose formula calls SUBTOTAL or AGGREGATE (read through
//! [`EvalContext::formula_text`]), but the context does not expose hidden rows, so
//! SUBTOTAL(101..111) and AGGREGATE's "ignore hidden rows" options include hidden rows.

use std::cmp::Ordering;
use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::args::{
    self, contained_number, gather, is_subtotal_cell, scalar, Area, Array, EvalContext, Gather,
    Operand,
};
use super::criteria::Criterion;
use super::{FunctionDef, VARIADIC};
use crate::numeric;
use crate::value::{ErrorKind, Value};

const NUMBERS: &str = "number1, [number2], ...";
const VALUES: &str = "value1, [value2], ...";

pub const FUNCTIONS: &[FunctionDef] = &[
    // Averages, counts, extremes.
    FunctionDef::eager("AVERAGE", NUMBERS, 1, VARIADIC, average),
    FunctionDef::eager("AVERAGEA", VALUES, 1, VARIADIC, averagea),
    FunctionDef::eager("COUNT", VALUES, 1, VARIADIC, count),
    FunctionDef::eager("COUNTA", VALUES, 1, VARIADIC, counta),
    FunctionDef::eager("COUNTBLANK", "range", 1, 1, countblank),
    FunctionDef::eager("MAX", NUMBERS, 1, VARIADIC, max),
    FunctionDef::eager("MAXA", VALUES, 1, VARIADIC, maxa),
    FunctionDef::eager("MIN", NUMBERS, 1, VARIADIC, min),
    FunctionDef::eager("MINA", VALUES, 1, VARIADIC, mina),
    // Spread and shape.
    FunctionDef::eager("STDEV", NUMBERS, 1, VARIADIC, stdev_s),
    FunctionDef::eager("STDEV.S", NUMBERS, 1, VARIADIC, stdev_s),
    FunctionDef::eager("STDEVP", NUMBERS, 1, VARIADIC, stdev_p),
    FunctionDef::eager("STDEV.P", NUMBERS, 1, VARIADIC, stdev_p),
    FunctionDef::eager("STDEVA", VALUES, 1, VARIADIC, stdeva),
    FunctionDef::eager("STDEVPA", VALUES, 1, VARIADIC, stdevpa),
    FunctionDef::eager("VAR", NUMBERS, 1, VARIADIC, var_s),
    FunctionDef::eager("VAR.S", NUMBERS, 1, VARIADIC, var_s),
    FunctionDef::eager("VARP", NUMBERS, 1, VARIADIC, var_p),
    FunctionDef::eager("VAR.P", NUMBERS, 1, VARIADIC, var_p),
    FunctionDef::eager("VARA", VALUES, 1, VARIADIC, vara),
    FunctionDef::eager("VARPA", VALUES, 1, VARIADIC, varpa),
    FunctionDef::eager("DEVSQ", NUMBERS, 1, VARIADIC, devsq),
    FunctionDef::eager("AVEDEV", NUMBERS, 1, VARIADIC, avedev),
    FunctionDef::eager("KURT", NUMBERS, 1, VARIADIC, kurt),
    FunctionDef::eager("SKEW", NUMBERS, 1, VARIADIC, skew),
    FunctionDef::eager("SKEW.P", NUMBERS, 1, VARIADIC, skew_p),
    FunctionDef::eager("GEOMEAN", NUMBERS, 1, VARIADIC, geomean),
    FunctionDef::eager("HARMEAN", NUMBERS, 1, VARIADIC, harmean),
    // Order statistics.
    FunctionDef::eager("MEDIAN", NUMBERS, 1, VARIADIC, median),
    FunctionDef::eager("MODE", NUMBERS, 1, VARIADIC, mode_sngl),
    FunctionDef::eager("MODE.SNGL", NUMBERS, 1, VARIADIC, mode_sngl),
    FunctionDef::eager("MODE.MULT", NUMBERS, 1, VARIADIC, mode_mult),
    FunctionDef::eager("LARGE", "array, k", 2, 2, large),
    FunctionDef::eager("SMALL", "array, k", 2, 2, small),
    FunctionDef::eager("PERCENTILE", "array, k", 2, 2, percentile_inc),
    FunctionDef::eager("PERCENTILE.INC", "array, k", 2, 2, percentile_inc),
    FunctionDef::eager("PERCENTILE.EXC", "array, k", 2, 2, percentile_exc),
    FunctionDef::eager("QUARTILE", "array, quart", 2, 2, quartile_inc),
    FunctionDef::eager("QUARTILE.INC", "array, quart", 2, 2, quartile_inc),
    FunctionDef::eager("QUARTILE.EXC", "array, quart", 2, 2, quartile_exc),
    FunctionDef::eager(
        "PERCENTRANK",
        "array, x, [significance]",
        2,
        3,
        percentrank_inc,
    ),
    FunctionDef::eager(
        "PERCENTRANK.INC",
        "array, x, [significance]",
        2,
        3,
        percentrank_inc,
    ),
    FunctionDef::eager(
        "PERCENTRANK.EXC",
        "array, x, [significance]",
        2,
        3,
        percentrank_exc,
    ),
    FunctionDef::eager("RANK", "number, ref, [order]", 2, 3, rank_eq),
    FunctionDef::eager("RANK.EQ", "number, ref, [order]", 2, 3, rank_eq),
    FunctionDef::eager("RANK.AVG", "number, ref, [order]", 2, 3, rank_avg),
    FunctionDef::eager("TRIMMEAN", "array, percent", 2, 2, trimmean),
    FunctionDef::eager("FREQUENCY", "data_array, bins_array", 2, 2, frequency),
    // Conditional aggregates.
    FunctionDef::eager("COUNTIF", "range, criteria", 2, 2, countif),
    FunctionDef::eager(
        "COUNTIFS",
        "criteria_range1, criteria1, ...",
        2,
        VARIADIC,
        countifs,
    ),
    FunctionDef::eager(
        "AVERAGEIF",
        "range, criteria, [average_range]",
        2,
        3,
        averageif,
    ),
    FunctionDef::eager(
        "AVERAGEIFS",
        "average_range, criteria_range1, criteria1, ...",
        3,
        VARIADIC,
        averageifs,
    ),
    FunctionDef::eager(
        "MINIFS",
        "min_range, criteria_range1, criteria1, ...",
        3,
        VARIADIC,
        minifs,
    ),
    FunctionDef::eager(
        "MAXIFS",
        "max_range, criteria_range1, criteria1, ...",
        3,
        VARIADIC,
        maxifs,
    ),
    // Paired data and regression.
    FunctionDef::eager("CORREL", "array1, array2", 2, 2, correl),
    FunctionDef::eager("PEARSON", "array1, array2", 2, 2, correl),
    FunctionDef::eager("RSQ", "known_y's, known_x's", 2, 2, rsq),
    FunctionDef::eager("SLOPE", "known_y's, known_x's", 2, 2, slope),
    FunctionDef::eager("INTERCEPT", "known_y's, known_x's", 2, 2, intercept),
    FunctionDef::eager("STEYX", "known_y's, known_x's", 2, 2, steyx),
    FunctionDef::eager("COVAR", "array1, array2", 2, 2, covariance_p),
    FunctionDef::eager("COVARIANCE.P", "array1, array2", 2, 2, covariance_p),
    FunctionDef::eager("COVARIANCE.S", "array1, array2", 2, 2, covariance_s),
    FunctionDef::eager("FORECAST", "x, known_y's, known_x's", 3, 3, forecast),
    FunctionDef::eager("FORECAST.LINEAR", "x, known_y's, known_x's", 3, 3, forecast),
    FunctionDef::eager(
        "LINEST",
        "known_y's, [known_x's], [const], [stats]",
        1,
        4,
        linest,
    ),
    FunctionDef::eager(
        "LOGEST",
        "known_y's, [known_x's], [const], [stats]",
        1,
        4,
        logest,
    ),
    FunctionDef::eager(
        "TREND",
        "known_y's, [known_x's], [new_x's], [const]",
        1,
        4,
        trend,
    ),
    FunctionDef::eager(
        "GROWTH",
        "known_y's, [known_x's], [new_x's], [const]",
        1,
        4,
        growth,
    ),
    // Hypothesis tests.
    FunctionDef::eager("T.TEST", "array1, array2, tails, type", 4, 4, t_test),
    FunctionDef::eager("TTEST", "array1, array2, tails, type", 4, 4, t_test),
    FunctionDef::eager("F.TEST", "array1, array2", 2, 2, f_test),
    FunctionDef::eager("FTEST", "array1, array2", 2, 2, f_test),
    FunctionDef::eager(
        "CHISQ.TEST",
        "actual_range, expected_range",
        2,
        2,
        chisq_test,
    ),
    FunctionDef::eager("CHITEST", "actual_range, expected_range", 2, 2, chisq_test),
    FunctionDef::eager("Z.TEST", "array, x, [sigma]", 2, 3, z_test),
    FunctionDef::eager("ZTEST", "array, x, [sigma]", 2, 3, z_test),
    FunctionDef::eager(
        "PROB",
        "x_range, prob_range, lower_limit, [upper_limit]",
        3,
        4,
        prob,
    ),
    // SUBTOTAL and AGGREGATE.
    FunctionDef::eager(
        "SUBTOTAL",
        "function_num, ref1, [ref2], ...",
        2,
        VARIADIC,
        subtotal,
    ),
    FunctionDef::eager(
        "AGGREGATE",
        "function_num, options, ref1, [ref2], ...",
        3,
        VARIADIC,
        aggregate,
    ),
    // Normal and log-normal.
    FunctionDef::scalar(
        "NORM.DIST",
        "x, mean, standard_dev, cumulative",
        4,
        4,
        norm_dist,
    ),
    FunctionDef::scalar(
        "NORMDIST",
        "x, mean, standard_dev, cumulative",
        4,
        4,
        norm_dist,
    ),
    FunctionDef::scalar(
        "NORM.INV",
        "probability, mean, standard_dev",
        3,
        3,
        norm_inv_fn,
    ),
    FunctionDef::scalar(
        "NORMINV",
        "probability, mean, standard_dev",
        3,
        3,
        norm_inv_fn,
    ),
    FunctionDef::scalar("NORM.S.DIST", "z, cumulative", 2, 2, norm_s_dist),
    FunctionDef::scalar("NORMSDIST", "z", 1, 1, normsdist),
    FunctionDef::scalar("NORM.S.INV", "probability", 1, 1, norm_s_inv),
    FunctionDef::scalar("NORMSINV", "probability", 1, 1, norm_s_inv),
    FunctionDef::scalar("PHI", "x", 1, 1, phi),
    FunctionDef::scalar("GAUSS", "z", 1, 1, gauss),
    FunctionDef::scalar("STANDARDIZE", "x, mean, standard_dev", 3, 3, standardize),
    FunctionDef::scalar(
        "LOGNORM.DIST",
        "x, mean, standard_dev, cumulative",
        4,
        4,
        lognorm_dist,
    ),
    FunctionDef::scalar(
        "LOGNORMDIST",
        "x, mean, standard_dev",
        3,
        3,
        lognormdist_legacy,
    ),
    FunctionDef::scalar(
        "LOGNORM.INV",
        "probability, mean, standard_dev",
        3,
        3,
        lognorm_inv,
    ),
    FunctionDef::scalar(
        "LOGINV",
        "probability, mean, standard_dev",
        3,
        3,
        lognorm_inv,
    ),
    // Exponential, Weibull, gamma.
    FunctionDef::scalar("EXPON.DIST", "x, lambda, cumulative", 3, 3, expon_dist),
    FunctionDef::scalar("EXPONDIST", "x, lambda, cumulative", 3, 3, expon_dist),
    FunctionDef::scalar(
        "WEIBULL.DIST",
        "x, alpha, beta, cumulative",
        4,
        4,
        weibull_dist,
    ),
    FunctionDef::scalar("WEIBULL", "x, alpha, beta, cumulative", 4, 4, weibull_dist),
    FunctionDef::scalar("GAMMA", "number", 1, 1, gamma_fn),
    FunctionDef::scalar("GAMMALN", "x", 1, 1, gammaln),
    FunctionDef::scalar("GAMMALN.PRECISE", "x", 1, 1, gammaln),
    FunctionDef::scalar("GAMMA.DIST", "x, alpha, beta, cumulative", 4, 4, gamma_dist),
    FunctionDef::scalar("GAMMADIST", "x, alpha, beta, cumulative", 4, 4, gamma_dist),
    FunctionDef::scalar("GAMMA.INV", "probability, alpha, beta", 3, 3, gamma_inv),
    FunctionDef::scalar("GAMMAINV", "probability, alpha, beta", 3, 3, gamma_inv),
    // Chi-squared, t, F.
    FunctionDef::scalar("CHISQ.DIST", "x, deg_freedom, cumulative", 3, 3, chisq_dist),
    FunctionDef::scalar("CHISQ.DIST.RT", "x, deg_freedom", 2, 2, chisq_dist_rt),
    FunctionDef::scalar("CHIDIST", "x, deg_freedom", 2, 2, chisq_dist_rt),
    FunctionDef::scalar("CHISQ.INV", "probability, deg_freedom", 2, 2, chisq_inv),
    FunctionDef::scalar(
        "CHISQ.INV.RT",
        "probability, deg_freedom",
        2,
        2,
        chisq_inv_rt,
    ),
    FunctionDef::scalar("CHIINV", "probability, deg_freedom", 2, 2, chisq_inv_rt),
    FunctionDef::scalar("T.DIST", "x, deg_freedom, cumulative", 3, 3, t_dist),
    FunctionDef::scalar("T.DIST.RT", "x, deg_freedom", 2, 2, t_dist_rt),
    FunctionDef::scalar("T.DIST.2T", "x, deg_freedom", 2, 2, t_dist_2t),
    FunctionDef::scalar("TDIST", "x, deg_freedom, tails", 3, 3, tdist_legacy),
    FunctionDef::scalar("T.INV", "probability, deg_freedom", 2, 2, t_inv),
    FunctionDef::scalar("T.INV.2T", "probability, deg_freedom", 2, 2, t_inv_2t),
    FunctionDef::scalar("TINV", "probability, deg_freedom", 2, 2, t_inv_2t),
    FunctionDef::scalar(
        "F.DIST",
        "x, deg_freedom1, deg_freedom2, cumulative",
        4,
        4,
        f_dist,
    ),
    FunctionDef::scalar(
        "F.DIST.RT",
        "x, deg_freedom1, deg_freedom2",
        3,
        3,
        f_dist_rt,
    ),
    FunctionDef::scalar("FDIST", "x, deg_freedom1, deg_freedom2", 3, 3, f_dist_rt),
    FunctionDef::scalar(
        "F.INV",
        "probability, deg_freedom1, deg_freedom2",
        3,
        3,
        f_inv,
    ),
    FunctionDef::scalar(
        "F.INV.RT",
        "probability, deg_freedom1, deg_freedom2",
        3,
        3,
        f_inv_rt,
    ),
    FunctionDef::scalar(
        "FINV",
        "probability, deg_freedom1, deg_freedom2",
        3,
        3,
        f_inv_rt,
    ),
    // Beta.
    FunctionDef::scalar(
        "BETA.DIST",
        "x, alpha, beta, cumulative, [A], [B]",
        4,
        6,
        beta_dist,
    ),
    FunctionDef::scalar(
        "BETADIST",
        "x, alpha, beta, [A], [B]",
        3,
        5,
        betadist_legacy,
    ),
    FunctionDef::scalar(
        "BETA.INV",
        "probability, alpha, beta, [A], [B]",
        3,
        5,
        beta_inv,
    ),
    FunctionDef::scalar(
        "BETAINV",
        "probability, alpha, beta, [A], [B]",
        3,
        5,
        beta_inv,
    ),
    // Discrete distributions.
    FunctionDef::scalar(
        "BINOM.DIST",
        "number_s, trials, probability_s, cumulative",
        4,
        4,
        binom_dist,
    ),
    FunctionDef::scalar(
        "BINOMDIST",
        "number_s, trials, probability_s, cumulative",
        4,
        4,
        binom_dist,
    ),
    FunctionDef::scalar(
        "BINOM.DIST.RANGE",
        "trials, probability_s, number_s, [number_s2]",
        3,
        4,
        binom_dist_range,
    ),
    FunctionDef::scalar("BINOM.INV", "trials, probability_s, alpha", 3, 3, binom_inv),
    FunctionDef::scalar("CRITBINOM", "trials, probability_s, alpha", 3, 3, binom_inv),
    FunctionDef::scalar(
        "NEGBINOM.DIST",
        "number_f, number_s, probability_s, cumulative",
        4,
        4,
        negbinom_dist,
    ),
    FunctionDef::scalar(
        "NEGBINOMDIST",
        "number_f, number_s, probability_s",
        3,
        3,
        negbinom_dist,
    ),
    FunctionDef::scalar("POISSON.DIST", "x, mean, cumulative", 3, 3, poisson_dist),
    FunctionDef::scalar("POISSON", "x, mean, cumulative", 3, 3, poisson_dist),
    FunctionDef::scalar(
        "HYPGEOM.DIST",
        "sample_s, number_sample, population_s, number_pop, cumulative",
        5,
        5,
        hypgeom_dist,
    ),
    FunctionDef::scalar(
        "HYPGEOMDIST",
        "sample_s, number_sample, population_s, number_pop",
        4,
        4,
        hypgeom_dist,
    ),
    // Confidence, Fisher, counting.
    FunctionDef::scalar(
        "CONFIDENCE.NORM",
        "alpha, standard_dev, size",
        3,
        3,
        confidence_norm,
    ),
    FunctionDef::scalar(
        "CONFIDENCE",
        "alpha, standard_dev, size",
        3,
        3,
        confidence_norm,
    ),
    FunctionDef::scalar(
        "CONFIDENCE.T",
        "alpha, standard_dev, size",
        3,
        3,
        confidence_t,
    ),
    FunctionDef::scalar("FISHER", "x", 1, 1, fisher),
    FunctionDef::scalar("FISHERINV", "y", 1, 1, fisherinv),
    FunctionDef::scalar("PERMUT", "number, number_chosen", 2, 2, permut),
    FunctionDef::scalar("PERMUTATIONA", "number, number_chosen", 2, 2, permutationa),
];

// ---------------------------------------------------------------------------------------------
// Results and arguments.
// ---------------------------------------------------------------------------------------------

/// An f64 result as a cell value (NaN and infinities are `#NUM!`).
fn real(result: Result<f64, ErrorKind>) -> Value {
    match result {
        Ok(x) => numeric::from_f64(x).into(),
        Err(e) => Value::Error(e),
    }
}

fn value_op(v: Value) -> Operand {
    Operand::Value(v)
}

fn decimal_op(result: Result<Decimal, ErrorKind>) -> Operand {
    Operand::Value(result.into())
}

fn real_op(result: Result<f64, ErrorKind>) -> Operand {
    Operand::Value(real(result))
}

fn to_f64(d: Decimal) -> f64 {
    numeric::to_f64(d)
}

/// Scalar argument `i` as an f64 (Excel's number coercion).
fn num(args: &[Value], i: usize) -> Result<f64, ErrorKind> {
    match args.get(i) {
        Some(v) => v.to_number().map(to_f64),
        None => Ok(0.0),
    }
}

/// Optional scalar argument `i` as an f64: `default` when omitted. An argument that is given
/// but empty (an empty cell, or `f(x,,)`) is 0, as in Excel.
fn num_or(args: &[Value], i: usize, default: f64) -> Result<f64, ErrorKind> {
    match args.get(i) {
        None => Ok(default),
        Some(v) => v.to_number().map(to_f64),
    }
}

/// Scalar argument `i` truncated toward zero, as Excel truncates counts and degrees of freedom
/// (at 15 significant digits, so 2.9999999999999996 counts as 3).
fn whole(args: &[Value], i: usize) -> Result<f64, ErrorKind> {
    match args.get(i) {
        Some(v) => v.to_number().map(|d| to_f64(numeric::snap15(d).trunc())),
        None => Ok(0.0),
    }
}

/// Scalar argument `i` as a logical (numbers: non-zero is TRUE; "TRUE"/"FALSE" text).
fn flag(args: &[Value], i: usize) -> Result<bool, ErrorKind> {
    match args.get(i) {
        Some(v) => v.to_bool(),
        None => Ok(false),
    }
}

/// Defines a scalar function computed in f64: the body reads `args` and returns
/// `Result<f64, ErrorKind>`; the result is converted back to a Decimal value.
macro_rules! real_fn {
    ($(#[$meta:meta])* $name:ident, $args:ident => $body:block) => {
        $(#[$meta])*
        fn $name($args: &[Value], _: &dyn EvalContext) -> Value {
            fn inner($args: &[Value]) -> Result<f64, ErrorKind> $body
            real(inner($args))
        }
    };
}

/// Maps `f` over an argument that may be an array or a multi-cell range (Excel then returns an
/// array of results, as in `LARGE(A1:A9, {1,2,3})`); a single value gives a single result.
fn map_arg(op: &Operand, ctx: &dyn EvalContext, f: &mut dyn FnMut(&Value) -> Value) -> Operand {
    let (rows, cols) = op.dims();
    if matches!(op, Operand::Array(_)) || rows * cols > 1 {
        let arr = args::to_array(op, ctx);
        let values = arr.values.iter().map(&mut *f).collect();
        return Operand::Array(Arc::new(Array::new(arr.rows, arr.cols, values)));
    }
    value_op(f(&scalar(op, ctx)))
}

/// Rows and columns of the part of an area that the context says can hold data (0 when none).
fn used_dims(area: &Area, ctx: &dyn EvalContext) -> (usize, usize) {
    let clipped = ctx.clip_to_used(area);
    if clipped.bottom < clipped.top || clipped.right < clipped.left {
        return (0, 0);
    }
    let rows = (clipped.bottom - clipped.top) as usize + 1;
    let cols = (clipped.right - clipped.left) as usize + 1;
    (rows.min(area.rows()), cols.min(area.cols()))
}

static NA_VALUE: Value = Value::Error(ErrorKind::NA);

/// The value at (row, col) of an operand without cloning (`#N/A` outside it).
fn value_at<'a>(op: &'a Operand, ctx: &'a dyn EvalContext, row: usize, col: usize) -> &'a Value {
    match op {
        Operand::Value(v) => v,
        Operand::Ref(a) => {
            if row < a.rows() && col < a.cols() {
                ctx.cell(a.sheet, a.top + row as u32, a.left + col as u32)
            } else {
                &NA_VALUE
            }
        }
        Operand::Array(arr) => arr.get(row, col).unwrap_or(&NA_VALUE),
    }
}

/// Reads several same-shaped operands as arrays cut to their common used extent, so that
/// whole-column references cost only the rows that hold data yet stay aligned.
fn aligned_arrays(ops: &[&Operand], ctx: &dyn EvalContext) -> Vec<Array> {
    let mut rows = 0;
    let mut cols = 0;
    for op in ops {
        let (r, c) = match op {
            Operand::Ref(a) => used_dims(a, ctx),
            other => other.dims(),
        };
        rows = rows.max(r);
        cols = cols.max(c);
    }
    ops.iter()
        .map(|op| match op {
            Operand::Ref(a) => {
                let r = rows.min(a.rows());
                let c = cols.min(a.cols());
                let mut values = Vec::with_capacity(r * c);
                for i in 0..r {
                    for j in 0..c {
                        values.push(value_at(op, ctx, i, j).clone());
                    }
                }
                Array::new(r, c, values)
            }
            other => args::to_array(other, ctx),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Gathering the numbers of an aggregate.
// ---------------------------------------------------------------------------------------------

/// The numbers of an aggregate's arguments, in a vector.
fn numbers(args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> Result<Vec<Decimal>, ErrorKind> {
    let mut out = Vec::new();
    gather(args, ctx, g, &mut |n| out.push(n))?;
    Ok(out)
}

/// The numbers of an aggregate's arguments, sorted ascending.
fn sorted_numbers(
    args: &[Operand],
    ctx: &dyn EvalContext,
    g: Gather,
) -> Result<Vec<Decimal>, ErrorKind> {
    let mut out = numbers(args, ctx, g)?;
    out.sort_unstable();
    Ok(out)
}

fn floats(args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> Result<Vec<f64>, ErrorKind> {
    let mut out = Vec::new();
    gather(args, ctx, g, &mut |n| out.push(to_f64(n)))?;
    Ok(out)
}
// ---------------------------------------------------------------------------------------------
// Averages, extremes and counts.
// ---------------------------------------------------------------------------------------------

/// The exact decimal sum and count of the gathered numbers (`#NUM!` on overflow).
fn sum_and_count(
    args: &[Operand],
    ctx: &dyn EvalContext,
    g: Gather,
) -> Result<(Decimal, usize), ErrorKind> {
    let mut sum = Decimal::ZERO;
    let mut count = 0usize;
    let mut overflow = false;
    gather(args, ctx, g, &mut |n| {
        match sum.checked_add(n) {
            Some(s) => sum = s,
            None => overflow = true,
        }
        count += 1;
    })?;
    if overflow {
        return Err(ErrorKind::Num);
    }
    Ok((sum, count))
}

fn mean_of(args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> Result<Decimal, ErrorKind> {
    let (sum, count) = sum_and_count(args, ctx, g)?;
    if count == 0 {
        return Err(ErrorKind::Div0);
    }
    numeric::div(sum, Decimal::from(count))
}

fn sum_of(args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> Result<Decimal, ErrorKind> {
    sum_and_count(args, ctx, g).map(|(sum, _)| sum)
}

/// PRODUCT's rule: the product of the numbers, 0 when there are none.
fn product_of(args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> Result<Decimal, ErrorKind> {
    let mut product = Decimal::ONE;
    let mut any = false;
    let mut overflow = false;
    gather(args, ctx, g, &mut |n| {
        any = true;
        match product.checked_mul(n) {
            Some(p) => product = p,
            None => overflow = true,
        }
    })?;
    match (overflow, any) {
        (true, _) => Err(ErrorKind::Num),
        (false, true) => Ok(product),
        (false, false) => Ok(Decimal::ZERO),
    }
}

/// MIN/MAX: the extreme of the numbers, 0 when there are none.
fn extreme_of(
    args: &[Operand],
    ctx: &dyn EvalContext,
    g: Gather,
    want: Ordering,
) -> Result<Decimal, ErrorKind> {
    let mut best: Option<Decimal> = None;
    gather(args, ctx, g, &mut |n| {
        if best.is_none_or(|b| n.cmp(&b) == want) {
            best = Some(n);
        }
    })?;
    Ok(best.unwrap_or(Decimal::ZERO))
}

fn average(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(mean_of(args, ctx, Gather::NUMBERS))
}

fn averagea(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(mean_of(args, ctx, Gather::NUMBERS_A))
}

fn min(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(extreme_of(args, ctx, Gather::NUMBERS, Ordering::Less))
}

fn max(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(extreme_of(args, ctx, Gather::NUMBERS, Ordering::Greater))
}

fn mina(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(extreme_of(args, ctx, Gather::NUMBERS_A, Ordering::Less))
}

fn maxa(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(extreme_of(args, ctx, Gather::NUMBERS_A, Ordering::Greater))
}

/// COUNT: numbers in references and arrays; direct arguments that are numbers, booleans or
/// numeric text. Errors are not counted and do not propagate.
fn count_numbers(args: &[Operand], ctx: &dyn EvalContext, skip_subtotals: bool) -> usize {
    let mut count = 0;
    for arg in args {
        match arg {
            Operand::Value(v) => {
                if matches!(v, Value::Number(_) | Value::Bool(_))
                    || matches!(v, Value::Text(t) if numeric::parse_number_text(t).is_some())
                {
                    count += 1;
                }
            }
            Operand::Ref(area) => {
                let clipped = *area;
                ctx.for_each_in_area(&clipped, &mut |r, c, v| {
                    if matches!(v, Value::Number(_))
                        && !(skip_subtotals && is_subtotal_cell(ctx, clipped.sheet, r, c))
                    {
                        count += 1;
                    }
                });
            }
            Operand::Array(arr) => {
                count += arr
                    .values
                    .iter()
                    .filter(|v| matches!(v, Value::Number(_)))
                    .count()
            }
        }
    }
    count
}

/// COUNTA: every non-empty value, errors and empty text included (errors excluded when the
/// gather skips them, as AGGREGATE's options ask).
fn count_values(args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> usize {
    let counts = |v: &Value| !(v.is_empty() || g.skip_errors && v.is_error());
    let mut count = 0;
    for arg in args {
        match arg {
            Operand::Value(v) => count += usize::from(counts(v)),
            Operand::Ref(area) => {
                let clipped = *area;
                ctx.for_each_in_area(&clipped, &mut |r, c, v| {
                    if counts(v)
                        && !(g.skip_subtotals && is_subtotal_cell(ctx, clipped.sheet, r, c))
                    {
                        count += 1;
                    }
                });
            }
            Operand::Array(arr) => count += arr.values.iter().filter(|v| counts(v)).count(),
        }
    }
    count
}

fn count(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    value_op(Value::from(count_numbers(args, ctx, false) as i64))
}

fn counta(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    value_op(Value::from(count_values(args, ctx, Gather::NUMBERS) as i64))
}

/// COUNTBLANK: empty cells and cells holding empty text. Only the non-empty cells are visited,
/// so a whole column costs what its data costs.
fn countblank(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let is_blank =
        |v: &Value| matches!(v, Value::Empty) || matches!(v, Value::Text(t) if t.is_empty());
    let blanks = match &args[0] {
        Operand::Ref(area) => {
            let total = area.rows() as u64 * area.cols() as u64;
            let mut filled = 0u64;
            ctx.for_each_in_area(area, &mut |_, _, v| {
                if !is_blank(v) {
                    filled += 1;
                }
            });
            total.saturating_sub(filled)
        }
        Operand::Array(arr) => arr.values.iter().filter(|v| is_blank(v)).count() as u64,
        Operand::Value(v) => u64::from(is_blank(v)),
    };
    value_op(Value::Number(Decimal::from(blanks)))
}

// ---------------------------------------------------------------------------------------------
// Spread and shape: variance, standard deviation, moments.
// ---------------------------------------------------------------------------------------------

/// Sample (n - 1) or population (n) statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Basis {
    Sample,
    Population,
}

/// Deviations from the mean, with the mean taken exactly in decimals (so that data such as
/// 0.1, 0.2, 0.3 have exact deviations) and each deviation then converted to f64.
fn deviations(xs: &[Decimal]) -> Vec<f64> {
    let exact = xs
        .iter()
        .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(*x))
        .and_then(|sum| sum.checked_div(Decimal::from(xs.len().max(1))));
    match exact {
        Some(mean) => xs
            .iter()
            .map(|x| {
                x.checked_sub(mean)
                    .map_or_else(|| to_f64(*x) - to_f64(mean), to_f64)
            })
            .collect(),
        None => {
            let fl: Vec<f64> = xs.iter().map(|x| to_f64(*x)).collect();
            let mean = fl.iter().sum::<f64>() / fl.len().max(1) as f64;
            fl.iter().map(|x| x - mean).collect()
        }
    }
}

/// The sum of squared deviations from the mean.
fn sum_sq_dev(xs: &[Decimal]) -> f64 {
    deviations(xs).iter().map(|d| d * d).sum()
}

/// VAR.S / VAR.P of the numbers: `#DIV/0!` without enough of them.
pub(crate) fn variance(xs: &[Decimal], basis: Basis) -> Result<f64, ErrorKind> {
    let n = xs.len();
    let denominator = match basis {
        Basis::Sample => n.saturating_sub(1),
        Basis::Population => n,
    };
    if denominator == 0 {
        return Err(ErrorKind::Div0);
    }
    Ok(sum_sq_dev(xs) / denominator as f64)
}

fn variance_of(
    args: &[Operand],
    ctx: &dyn EvalContext,
    g: Gather,
    basis: Basis,
) -> Result<f64, ErrorKind> {
    variance(&numbers(args, ctx, g)?, basis)
}

fn var_s(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS, Basis::Sample))
}

fn var_p(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS, Basis::Population))
}

fn vara(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS_A, Basis::Sample))
}

fn varpa(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS_A, Basis::Population))
}

fn stdev_s(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS, Basis::Sample).map(f64::sqrt))
}

fn stdev_p(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS, Basis::Population).map(f64::sqrt))
}

fn stdeva(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS_A, Basis::Sample).map(f64::sqrt))
}

fn stdevpa(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(variance_of(args, ctx, Gather::NUMBERS_A, Basis::Population).map(f64::sqrt))
}

fn devsq(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(numbers(args, ctx, Gather::NUMBERS).and_then(|xs| {
        if xs.is_empty() {
            return Err(ErrorKind::Num);
        }
        Ok(sum_sq_dev(&xs))
    }))
}

fn avedev(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(numbers(args, ctx, Gather::NUMBERS).and_then(|xs| {
        if xs.is_empty() {
            return Err(ErrorKind::Num);
        }
        let devs = deviations(&xs);
        Ok(devs.iter().map(|d| d.abs()).sum::<f64>() / devs.len() as f64)
    }))
}

/// Standardized deviations (x - mean) / sd for the given basis; `#DIV/0!` when sd is 0.
fn standardized(xs: &[Decimal], basis: Basis) -> Result<Vec<f64>, ErrorKind> {
    let sd = variance(xs, basis)?.sqrt();
    if sd == 0.0 {
        return Err(ErrorKind::Div0);
    }
    Ok(deviations(xs).iter().map(|d| d / sd).collect())
}

fn skew(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(numbers(args, ctx, Gather::NUMBERS).and_then(|xs| {
        let n = xs.len() as f64;
        if xs.len() < 3 {
            return Err(ErrorKind::Div0);
        }
        let z = standardized(&xs, Basis::Sample)?;
        Ok(n / ((n - 1.0) * (n - 2.0)) * z.iter().map(|z| z * z * z).sum::<f64>())
    }))
}

fn skew_p(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(numbers(args, ctx, Gather::NUMBERS).and_then(|xs| {
        if xs.len() < 3 {
            return Err(ErrorKind::Div0);
        }
        let z = standardized(&xs, Basis::Population)?;
        Ok(z.iter().map(|z| z * z * z).sum::<f64>() / xs.len() as f64)
    }))
}

fn kurt(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(numbers(args, ctx, Gather::NUMBERS).and_then(|xs| {
        let n = xs.len() as f64;
        if xs.len() < 4 {
            return Err(ErrorKind::Div0);
        }
        let z = standardized(&xs, Basis::Sample)?;
        let fourth: f64 = z.iter().map(|z| (z * z) * (z * z)).sum();
        Ok(n * (n + 1.0) / ((n - 1.0) * (n - 2.0) * (n - 3.0)) * fourth
            - 3.0 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0)))
    }))
}

fn geomean(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(floats(args, ctx, Gather::NUMBERS).and_then(|xs| {
        if xs.is_empty() || xs.iter().any(|x| *x <= 0.0) {
            return Err(ErrorKind::Num);
        }
        Ok((xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
    }))
}

fn harmean(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(floats(args, ctx, Gather::NUMBERS).and_then(|xs| {
        if xs.is_empty() || xs.iter().any(|x| *x <= 0.0) {
            return Err(ErrorKind::Num);
        }
        Ok(xs.len() as f64 / xs.iter().map(|x| 1.0 / x).sum::<f64>())
    }))
}
// ---------------------------------------------------------------------------------------------
// Order statistics: MEDIAN, MODE, LARGE, SMALL, RANK, PERCENTILE, QUARTILE, PERCENTRANK...
// ---------------------------------------------------------------------------------------------

fn median_of(sorted: &[Decimal]) -> Result<Decimal, ErrorKind> {
    let n = sorted.len();
    match n {
        0 => Err(ErrorKind::Num),
        _ if n % 2 == 1 => Ok(sorted[n / 2]),
        _ => {
            let sum = numeric::add(sorted[n / 2 - 1], sorted[n / 2])?;
            numeric::div(sum, Decimal::TWO)
        }
    }
}

fn median(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(sorted_numbers(args, ctx, Gather::NUMBERS).and_then(|xs| median_of(&xs)))
}

/// The numbers MODE looks at, in Excel's order. MODE reads every argument as an array: text
/// given directly is skipped rather than coerced, and an omitted argument is `#VALUE!`.
fn mode_data(args: &[Operand], ctx: &dyn EvalContext) -> Result<Vec<Decimal>, ErrorKind> {
    let mut out = Vec::new();
    for arg in args {
        match arg {
            Operand::Value(Value::Empty) => return Err(ErrorKind::Value),
            Operand::Value(v) => {
                if let Some(n) = contained_number(v, Gather::ORDERED)? {
                    out.push(n);
                }
            }
            other => gather(
                std::slice::from_ref(other),
                ctx,
                Gather::ORDERED,
                &mut |n| out.push(n),
            )?,
        }
    }
    Ok(out)
}

/// The most frequent values, in order of first appearance; empty when nothing repeats.
fn modes(data: &[Decimal]) -> Vec<Decimal> {
    let mut counts: std::collections::HashMap<Decimal, (usize, usize)> =
        std::collections::HashMap::new();
    for (i, x) in data.iter().enumerate() {
        counts.entry(x.normalize()).or_insert((0, i)).0 += 1;
    }
    let best = counts.values().map(|(c, _)| *c).max().unwrap_or(0);
    if best < 2 {
        return Vec::new();
    }
    let mut winners: Vec<(usize, Decimal)> = counts
        .iter()
        .filter(|(_, (c, _))| *c == best)
        .map(|(x, (_, first))| (*first, *x))
        .collect();
    winners.sort_unstable_by_key(|(first, _)| *first);
    winners.into_iter().map(|(_, x)| x).collect()
}

fn mode_sngl(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    decimal_op(
        mode_data(args, ctx).and_then(|data| modes(&data).first().copied().ok_or(ErrorKind::NA)),
    )
}

fn mode_mult(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    match mode_data(args, ctx).map(|data| modes(&data)) {
        Err(e) => Operand::error(e),
        Ok(found) if found.is_empty() => Operand::error(ErrorKind::NA),
        Ok(found) => Operand::from(Array::column(
            found.into_iter().map(Value::Number).collect(),
        )),
    }
}

/// The k-th largest (`from_top`) or smallest number; k is rounded up as Excel does, and may be
/// an array of ks.
fn kth(args: &[Operand], ctx: &dyn EvalContext, from_top: bool) -> Operand {
    let sorted = sorted_numbers(&args[..1], ctx, Gather::NUMBERS);
    map_arg(&args[1], ctx, &mut |k| {
        with_parameter(k, &sorted, |k, xs| nth_of(xs, k, from_top)).into()
    })
}

/// Runs `f(parameter, data)` with Excel's error order for (data, parameter) functions such as
/// LARGE and PERCENTILE: an error in the parameter wins over one in the data.
fn with_parameter(
    parameter: &Value,
    data: &Result<Vec<Decimal>, ErrorKind>,
    f: impl FnOnce(Decimal, &[Decimal]) -> Result<Decimal, ErrorKind>,
) -> Result<Decimal, ErrorKind> {
    let parameter = parameter.to_number()?;
    let data = data.as_ref().map_err(|e| *e)?;
    f(parameter, data)
}

/// The k-th largest or smallest of sorted data; k is truncated and must be 1..=n.
fn nth_of(sorted: &[Decimal], k: Decimal, from_top: bool) -> Result<Decimal, ErrorKind> {
    let n = sorted.len();
    let k = numeric::snap15(k)
        .trunc()
        .to_usize()
        .filter(|k| (1..=n).contains(k))
        .ok_or(ErrorKind::Num)?;
    Ok(if from_top {
        sorted[n - k]
    } else {
        sorted[k - 1]
    })
}

fn large(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    kth(args, ctx, true)
}

fn small(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    kth(args, ctx, false)
}

/// The value at a fractional zero-based position of sorted data, interpolating linearly and
/// exactly between neighbours.
fn interpolate(sorted: &[Decimal], position: Decimal) -> Result<Decimal, ErrorKind> {
    let whole = position.trunc();
    let frac = position - whole;
    let i = whole.to_usize().ok_or(ErrorKind::Num)?;
    let low = *sorted.get(i).ok_or(ErrorKind::Num)?;
    match sorted.get(i + 1) {
        Some(high) if !frac.is_zero() => {
            numeric::add(low, numeric::mul(frac, numeric::sub(*high, low)?)?)
        }
        _ => Ok(low),
    }
}

/// PERCENTILE.INC: k in [0, 1], position k (n - 1).
fn percentile_inc_of(sorted: &[Decimal], k: Decimal) -> Result<Decimal, ErrorKind> {
    if sorted.is_empty() || k < Decimal::ZERO || k > Decimal::ONE {
        return Err(ErrorKind::Num);
    }
    interpolate(sorted, numeric::mul(k, Decimal::from(sorted.len() - 1))?)
}

/// PERCENTILE.EXC: k strictly inside (0, 1), position k (n + 1) counted from 1, which must
/// fall within the data.
fn percentile_exc_of(sorted: &[Decimal], k: Decimal) -> Result<Decimal, ErrorKind> {
    let n = Decimal::from(sorted.len());
    if sorted.is_empty() || k <= Decimal::ZERO || k >= Decimal::ONE {
        return Err(ErrorKind::Num);
    }
    let position = numeric::mul(k, n + Decimal::ONE)?;
    if position < Decimal::ONE || position > n {
        return Err(ErrorKind::Num);
    }
    interpolate(sorted, position - Decimal::ONE)
}

/// Applies a percentile-like function of (sorted data, parameter) with the parameter lifted
/// over arrays.
fn with_sorted_data(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: fn(&[Decimal], Decimal) -> Result<Decimal, ErrorKind>,
) -> Operand {
    let sorted = sorted_numbers(&args[..1], ctx, Gather::NUMBERS);
    map_arg(&args[1], ctx, &mut |k| {
        with_parameter(k, &sorted, |k, xs| f(xs, k)).into()
    })
}

fn percentile_inc(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    with_sorted_data(args, ctx, percentile_inc_of)
}

fn percentile_exc(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    with_sorted_data(args, ctx, percentile_exc_of)
}

/// The quartile number truncated to an integer, as a fraction of 1 (`#NUM!` outside the range
/// the variant allows).
fn quartile_fraction(quart: Decimal, lowest: i64, highest: i64) -> Result<Decimal, ErrorKind> {
    if quart < Decimal::ZERO {
        return Err(ErrorKind::Num);
    }
    let q = numeric::snap15(quart)
        .trunc()
        .to_i64()
        .ok_or(ErrorKind::Num)?;
    if !(lowest..=highest).contains(&q) {
        return Err(ErrorKind::Num);
    }
    Ok(Decimal::from(q) / Decimal::from(4))
}

fn quartile_inc(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    with_sorted_data(args, ctx, |xs, q| {
        percentile_inc_of(xs, quartile_fraction(q, 0, 4)?)
    })
}

fn quartile_exc(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    with_sorted_data(args, ctx, |xs, q| {
        percentile_exc_of(xs, quartile_fraction(q, 1, 3)?)
    })
}

/// Where x falls among sorted data: the zero-based index of the last value below it plus the
/// linear fraction of the way to the next one (x equal to a value gives that value's first
/// index). `#N/A` when x is outside the data.
fn fractional_rank(sorted: &[Decimal], x: Decimal) -> Result<Decimal, ErrorKind> {
    let (first, last) = match (sorted.first(), sorted.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => return Err(ErrorKind::Num),
    };
    if x < first || x > last {
        return Err(ErrorKind::NA);
    }
    let below = sorted.partition_point(|v| *v < x);
    if sorted.get(below) == Some(&x) {
        return Ok(Decimal::from(below));
    }
    // below >= 1 here: x > first and x is not in the data.
    let low = sorted[below - 1];
    let high = sorted[below];
    let frac = numeric::div(numeric::sub(x, low)?, numeric::sub(high, low)?)?;
    numeric::add(Decimal::from(below - 1), frac)
}

/// Truncates a rank to `significance` decimal digits (Excel rounds ranks down).
fn truncate_rank(rank: Decimal, significance: &Value) -> Result<Decimal, ErrorKind> {
    let digits = match significance {
        Value::Empty => 3,
        v => numeric::snap15(v.to_number()?)
            .trunc()
            .to_i64()
            .ok_or(ErrorKind::Num)?,
    };
    if digits < 1 {
        return Err(ErrorKind::Num);
    }
    Ok(rank.round_dp_with_strategy(
        digits.min(28) as u32,
        rust_decimal::RoundingStrategy::ToZero,
    ))
}

fn percentrank(args: &[Operand], ctx: &dyn EvalContext, exclusive: bool) -> Operand {
    let sorted = sorted_numbers(&args[..1], ctx, Gather::NUMBERS);
    let significance = args.get(2).map_or(Value::Empty, |op| scalar(op, ctx));
    map_arg(&args[1], ctx, &mut |x| {
        let rank = with_parameter(x, &sorted, |x, sorted| {
            let position = fractional_rank(sorted, x)?;
            let n = sorted.len();
            if exclusive {
                numeric::div(position + Decimal::ONE, Decimal::from(n + 1))
            } else if n == 1 {
                Ok(Decimal::ONE)
            } else {
                numeric::div(position, Decimal::from(n - 1))
            }
        });
        rank.and_then(|r| truncate_rank(r, &significance)).into()
    })
}

fn percentrank_inc(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    percentrank(args, ctx, false)
}

fn percentrank_exc(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    percentrank(args, ctx, true)
}

/// RANK.EQ / RANK.AVG: the position of a number in the list (descending unless `order` is
/// non-zero); ties share the best position, or the average of their positions.
fn rank(args: &[Operand], ctx: &dyn EvalContext, average_ties: bool) -> Operand {
    let data = numbers(&args[1..2], ctx, Gather::NUMBERS);
    let ascending = args
        .get(2)
        .map(|op| scalar(op, ctx))
        .map(|v| v.to_number().map(|n| !n.is_zero()));
    map_arg(&args[0], ctx, &mut |x| {
        let (x, data) = match (x.to_number(), &data) {
            (Err(e), _) | (_, &Err(e)) => return Value::Error(e),
            (Ok(x), Ok(data)) => (x, data),
        };
        let ascending = match ascending {
            None => false,
            Some(Ok(a)) => a,
            Some(Err(e)) => return Value::Error(e),
        };
        let before = data
            .iter()
            .filter(|v| if ascending { **v < x } else { **v > x })
            .count();
        let ties = data.iter().filter(|v| **v == x).count();
        if ties == 0 {
            return Value::Error(ErrorKind::NA);
        }
        let first = Decimal::from(before + 1);
        if average_ties {
            (first + Decimal::from(ties - 1) / Decimal::TWO).into()
        } else {
            first.into()
        }
    })
}

fn rank_eq(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    rank(args, ctx, false)
}

fn rank_avg(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    rank(args, ctx, true)
}

/// TRIMMEAN: the mean after dropping floor(n * percent / 2) values at each end.
fn trimmean(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    with_sorted_data(args, ctx, trimmed_mean)
}

fn trimmed_mean(sorted: &[Decimal], percent: Decimal) -> Result<Decimal, ErrorKind> {
    if percent < Decimal::ZERO || percent >= Decimal::ONE || sorted.is_empty() {
        return Err(ErrorKind::Num);
    }
    let n = sorted.len();
    let drop = (Decimal::from(n) * percent / Decimal::TWO)
        .floor()
        .to_usize()
        .unwrap_or(0)
        .min(n.saturating_sub(1) / 2);
    let kept = &sorted[drop..n - drop];
    kept.iter()
        .try_fold(Decimal::ZERO, |acc, x| numeric::add(acc, *x))
        .and_then(|sum| numeric::div(sum, Decimal::from(kept.len())))
}

/// FREQUENCY's bins: numbers, with empty cells counting as 0 (as Excel does); text and
/// booleans are skipped, errors returned.
fn bins_of(op: &Operand, ctx: &dyn EvalContext) -> Result<Vec<Decimal>, ErrorKind> {
    let mut bins = Vec::new();
    for v in aligned_arrays(&[op], ctx)
        .iter()
        .flat_map(|a| a.values.iter())
    {
        match v {
            Value::Number(n) => bins.push(*n),
            Value::Empty => bins.push(Decimal::ZERO),
            Value::Error(e) => return Err(*e),
            _ => {}
        }
    }
    Ok(bins)
}

/// FREQUENCY: how many data values fall in each bin (x <= bin, above the previous bin) plus
/// one more count for values above every bin, as a column in the bins' original order.
fn frequency(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let data = match numbers(&args[..1], ctx, Gather::NUMBERS) {
        Ok(xs) => xs,
        Err(e) => return Operand::error(e),
    };
    let bins = match bins_of(&args[1], ctx) {
        Ok(xs) => xs,
        Err(e) => return Operand::error(e),
    };
    let mut order: Vec<usize> = (0..bins.len()).collect();
    order.sort_by_key(|&i| bins[i]);
    let sorted_bins: Vec<Decimal> = order.iter().map(|&i| bins[i]).collect();
    let mut counts = vec![0u64; bins.len() + 1];
    for x in &data {
        let slot = sorted_bins.partition_point(|b| b < x);
        let target = order.get(slot).copied().unwrap_or(bins.len());
        counts[target] += 1;
    }
    let values = counts
        .into_iter()
        .map(|c| Value::Number(Decimal::from(c)))
        .collect();
    Operand::from(Array::column(values))
}
// ---------------------------------------------------------------------------------------------
// Paired data: CORREL, SLOPE, INTERCEPT, STEYX, FORECAST, COVARIANCE...
// ---------------------------------------------------------------------------------------------

/// Two equally long lists read pairwise: pairs where both are numbers count; an error in
/// either list is returned; lists of different sizes are `#N/A`.
fn pairs(
    ys: &Operand,
    xs: &Operand,
    ctx: &dyn EvalContext,
) -> Result<(Vec<f64>, Vec<f64>), ErrorKind> {
    let (yr, yc) = ys.dims();
    let (xr, xc) = xs.dims();
    if yr * yc != xr * xc {
        return Err(ErrorKind::NA);
    }
    let arrays = if (yr, yc) == (xr, xc) {
        aligned_arrays(&[ys, xs], ctx)
    } else {
        vec![args::to_array(ys, ctx), args::to_array(xs, ctx)]
    };
    let (ya, xa) = match arrays.as_slice() {
        [ya, xa] => (ya, xa),
        _ => return Err(ErrorKind::NA),
    };
    let mut out_y = Vec::new();
    let mut out_x = Vec::new();
    for (y, x) in ya.values.iter().zip(xa.values.iter()) {
        match (y, x) {
            // Excel's paired functions pass over #NULL! (observed: a pair whose first value is
            // #NULL! is skipped, any other error is returned, the first list's first).
            (Value::Error(ErrorKind::Null), _) => {}
            (Value::Error(e), _) => return Err(*e),
            (_, Value::Error(ErrorKind::Null)) => {}
            (_, Value::Error(e)) => return Err(*e),
            (Value::Number(y), Value::Number(x)) => {
                out_y.push(to_f64(*y));
                out_x.push(to_f64(*x));
            }
            _ => {}
        }
    }
    Ok((out_y, out_x))
}

/// Sums of squares and cross-products about the means of paired data.
struct Moments {
    n: f64,
    mean_x: f64,
    mean_y: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
}

fn moments(ys: &[f64], xs: &[f64]) -> Moments {
    let n = ys.len() as f64;
    let mean_y = ys.iter().sum::<f64>() / n;
    let mean_x = xs.iter().sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (y, x) in ys.iter().zip(xs) {
        let (dy, dx) = (y - mean_y, x - mean_x);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    Moments {
        n,
        mean_x,
        mean_y,
        sxx,
        syy,
        sxy,
    }
}

/// The moments of two lists given as (y, x) arguments, requiring at least `min_n` pairs.
fn paired_moments(
    ys: &Operand,
    xs: &Operand,
    ctx: &dyn EvalContext,
    min_n: usize,
) -> Result<Moments, ErrorKind> {
    let (ys, xs) = pairs(ys, xs, ctx)?;
    if ys.len() < min_n.max(1) {
        return Err(ErrorKind::Div0);
    }
    Ok(moments(&ys, &xs))
}

fn correlation(m: &Moments) -> Result<f64, ErrorKind> {
    if m.sxx == 0.0 || m.syy == 0.0 {
        return Err(ErrorKind::Div0);
    }
    Ok(m.sxy / (m.sxx * m.syy).sqrt())
}

fn slope_of(m: &Moments) -> Result<f64, ErrorKind> {
    if m.sxx == 0.0 {
        return Err(ErrorKind::Div0);
    }
    Ok(m.sxy / m.sxx)
}

fn correl(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(paired_moments(&args[0], &args[1], ctx, 2).and_then(|m| correlation(&m)))
}

fn rsq(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(paired_moments(&args[0], &args[1], ctx, 2).and_then(|m| correlation(&m).map(|r| r * r)))
}

fn slope(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(paired_moments(&args[0], &args[1], ctx, 1).and_then(|m| slope_of(&m)))
}

fn intercept(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(
        paired_moments(&args[0], &args[1], ctx, 1)
            .and_then(|m| slope_of(&m).map(|b| m.mean_y - b * m.mean_x)),
    )
}

fn steyx(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(paired_moments(&args[0], &args[1], ctx, 3).and_then(|m| {
        let b = slope_of(&m)?;
        Ok(((m.syy - b * m.sxy).max(0.0) / (m.n - 2.0)).sqrt())
    }))
}

fn covariance_p(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(paired_moments(&args[0], &args[1], ctx, 1).map(|m| m.sxy / m.n))
}

fn covariance_s(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(paired_moments(&args[0], &args[1], ctx, 2).map(|m| m.sxy / (m.n - 1.0)))
}

/// FORECAST(x, known_y's, known_x's): the least-squares line at x (x may be an array).
fn forecast(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let line = paired_moments(&args[1], &args[2], ctx, 1)
        .and_then(|m| slope_of(&m).map(|b| (m.mean_y - b * m.mean_x, b)));
    map_arg(&args[0], ctx, &mut |x| {
        let x = x.to_number().map(to_f64);
        real(x.and_then(|x| line.as_ref().map(|(a, b)| a + b * x).map_err(|e| *e)))
    })
}

// ---------------------------------------------------------------------------------------------
// Multiple regression: LINEST, LOGEST, TREND, GROWTH.
// ---------------------------------------------------------------------------------------------

/// How the observations are laid out: known_y's in a column (variables are columns of
/// known_x's), in a row (variables are rows), or a block matched cell by cell with one x.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Layout {
    Columns,
    Rows,
    Single,
}

/// Observations for a regression: n values of y and, for each, k values of x.
struct Design {
    y: Vec<f64>,
    /// Row-major n x k.
    x: Vec<Vec<f64>>,
    layout: Layout,
}

/// Every value of an array as a number. The regression functions answer `#VALUE!` for any
/// value that is not a number, error values included.
fn all_numbers(arr: &Array) -> Result<Vec<f64>, ErrorKind> {
    arr.values
        .iter()
        .map(|v| match v {
            Value::Number(n) => Ok(to_f64(*n)),
            _ => Err(ErrorKind::Value),
        })
        .collect()
}

fn design(
    known_y: &Operand,
    known_x: Option<&Operand>,
    ctx: &dyn EvalContext,
) -> Result<Design, ErrorKind> {
    let ya = args::to_array(known_y, ctx);
    let n = ya.values.len();
    if n == 0 {
        return Err(ErrorKind::Value);
    }
    let layout = if ya.cols == 1 && ya.rows > 1 {
        Layout::Columns
    } else if ya.rows == 1 && ya.cols > 1 {
        Layout::Rows
    } else {
        Layout::Single
    };
    let xa = match known_x {
        Some(op) if !matches!(op, Operand::Value(Value::Empty)) => args::to_array(op, ctx),
        _ => {
            let seq = (1..=n).map(|i| Value::Number(Decimal::from(i))).collect();
            Array::new(ya.rows, ya.cols, seq)
        }
    };
    // Shapes are checked before values: a size mismatch is #REF! even with bad values.
    let same_shape = xa.rows == ya.rows && xa.cols == ya.cols;
    let fits = same_shape
        || (layout == Layout::Columns && xa.rows == n)
        || (layout == Layout::Rows && xa.cols == n);
    if !fits {
        return Err(ErrorKind::Ref);
    }
    let y = all_numbers(&ya)?;
    let xv = all_numbers(&xa)?;
    let x: Vec<Vec<f64>> = if same_shape {
        xv.iter().map(|x| vec![*x]).collect()
    } else if layout == Layout::Columns {
        xv.chunks(xa.cols.max(1)).map(<[f64]>::to_vec).collect()
    } else {
        (0..n)
            .map(|i| (0..xa.rows).map(|j| xv[j * xa.cols + i]).collect())
            .collect()
    };
    Ok(Design { y, x, layout })
}

/// A least-squares fit with Excel's LINEST statistics.
struct Fit {
    /// One coefficient per x variable (0 for a variable dropped as collinear).
    coef: Vec<f64>,
    intercept: f64,
    se_coef: Vec<f64>,
    se_intercept: f64,
    r2: f64,
    se_y: f64,
    f_stat: f64,
    df: f64,
    ss_reg: f64,
    ss_resid: f64,
}

/// Solves the least-squares problem by modified Gram-Schmidt QR on the (centred, when there is
/// a constant) design, dropping variables that are linear combinations of earlier ones as Excel
/// does.
fn least_squares(d: &Design, with_const: bool) -> Result<Fit, ErrorKind> {
    let n = d.y.len();
    let k = d.x.first().map_or(0, Vec::len);
    let nf = n as f64;
    let (mean_y, means_x) = if with_const {
        let my = d.y.iter().sum::<f64>() / nf;
        let mx: Vec<f64> = (0..k)
            .map(|j| d.x.iter().map(|row| row[j]).sum::<f64>() / nf)
            .collect();
        (my, mx)
    } else {
        (0.0, vec![0.0; k])
    };
    let yc: Vec<f64> = d.y.iter().map(|y| y - mean_y).collect();
    // Columns of the centred design.
    let cols: Vec<Vec<f64>> = (0..k)
        .map(|j| d.x.iter().map(|row| row[j] - means_x[j]).collect())
        .collect();
    // Orthonormal basis q (for the kept columns) and the triangular factor r.
    let mut q: Vec<Vec<f64>> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    let mut r = vec![vec![0.0; k]; k];
    for (j, col) in cols.iter().enumerate() {
        let norm0 = col.iter().map(|v| v * v).sum::<f64>().sqrt();
        let mut v = col.clone();
        // Two passes of orthogonalisation keep the basis orthogonal to working precision.
        for _ in 0..2 {
            for (qi, &ci) in q.iter().zip(&kept) {
                let dot: f64 = qi.iter().zip(&v).map(|(a, b)| a * b).sum();
                r[ci][j] += dot;
                for (vv, qq) in v.iter_mut().zip(qi) {
                    *vv -= dot * qq;
                }
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm0 == 0.0 || norm <= 1e-10 * norm0 {
            continue; // collinear: coefficient 0
        }
        r[j][j] = norm;
        q.push(v.iter().map(|x| x / norm).collect());
        kept.push(j);
    }
    let p = kept.len();
    // Back substitution: R b = Q' y over the kept columns.
    let qty: Vec<f64> = q
        .iter()
        .map(|qi| qi.iter().zip(&yc).map(|(a, b)| a * b).sum())
        .collect();
    let mut coef = vec![0.0; k];
    for a in (0..p).rev() {
        let ja = kept[a];
        let mut s = qty[a];
        for &jb in kept.iter().skip(a + 1) {
            s -= r[ja][jb] * coef[jb];
        }
        coef[ja] = s / r[ja][ja];
    }
    let intercept = if with_const {
        mean_y - coef.iter().zip(&means_x).map(|(b, m)| b * m).sum::<f64>()
    } else {
        0.0
    };
    let ss_resid: f64 = (0..n)
        .map(|i| {
            let fitted: f64 = cols.iter().zip(&coef).map(|(c, b)| c[i] * b).sum();
            let e = yc[i] - fitted;
            e * e
        })
        .sum();
    let ss_total: f64 = yc.iter().map(|v| v * v).sum();
    let ss_reg = ss_total - ss_resid;
    let df = n as f64 - p as f64 - if with_const { 1.0 } else { 0.0 };
    let se_y = if df > 0.0 {
        (ss_resid / df).sqrt()
    } else {
        f64::NAN
    };
    // (X'X)^-1 = R^-1 R^-T over the kept columns: standard errors from the rows of R^-1.
    let rinv = invert_upper(&r, &kept);
    let mut se_coef = vec![0.0; k];
    for (a, &ja) in kept.iter().enumerate() {
        let diag: f64 = rinv[a].iter().map(|v| v * v).sum();
        se_coef[ja] = se_y * diag.sqrt();
    }
    let se_intercept = if with_const {
        // var(b0) = s^2 (1/n + m' (X'X)^-1 m) with m the kept means.
        let w: Vec<f64> = (0..p)
            .map(|b| (0..p).map(|a| rinv[a][b] * means_x[kept[a]]).sum())
            .collect();
        se_y * (1.0 / nf + w.iter().map(|v| v * v).sum::<f64>()).sqrt()
    } else {
        f64::NAN
    };
    let r2 = if ss_total == 0.0 {
        f64::NAN
    } else {
        ss_reg / ss_total
    };
    let f_stat = if p == 0 || df <= 0.0 {
        f64::NAN
    } else {
        (ss_reg / p as f64) / (ss_resid / df)
    };
    Ok(Fit {
        coef,
        intercept,
        se_coef,
        se_intercept,
        r2,
        se_y,
        f_stat,
        df,
        ss_reg,
        ss_resid,
    })
}

/// The inverse of the upper-triangular factor restricted to the kept columns, as rows
/// (a p x p matrix indexed by position in `kept`), solved column by column.
fn invert_upper(r: &[Vec<f64>], kept: &[usize]) -> Vec<Vec<f64>> {
    let p = kept.len();
    let rkk = |i: usize, j: usize| r[kept[i]][kept[j]];
    let columns: Vec<Vec<f64>> = (0..p)
        .map(|col| {
            // Back substitution for R x = e_col.
            let mut x = vec![0.0; p];
            for row in (0..=col).rev() {
                let target = if row == col { 1.0 } else { 0.0 };
                let s: f64 = target - (row + 1..=col).map(|m| rkk(row, m) * x[m]).sum::<f64>();
                x[row] = s / rkk(row, row);
            }
            x
        })
        .collect();
    (0..p)
        .map(|row| columns.iter().map(|c| c[row]).collect())
        .collect()
}

/// The optional logical argument `i` (default TRUE when omitted or empty).
/// The optional logical argument `i` of a regression function (`default` when omitted or
/// empty; any error is `#VALUE!`).
fn regression_flag(
    args: &[Operand],
    i: usize,
    default: bool,
    ctx: &dyn EvalContext,
) -> Result<bool, ErrorKind> {
    match args.get(i).map(|op| scalar(op, ctx)) {
        None | Some(Value::Empty) => Ok(default),
        Some(v) => v.to_bool().map_err(|_| ErrorKind::Value),
    }
}

/// The design for LOGEST/GROWTH: y replaced by ln y (y must be positive).
fn log_design(mut d: Design) -> Result<Design, ErrorKind> {
    if d.y.iter().any(|y| *y <= 0.0) {
        return Err(ErrorKind::Num);
    }
    d.y.iter_mut().for_each(|y| *y = y.ln());
    Ok(d)
}

/// LINEST / LOGEST output: coefficients in reverse variable order then the constant, and with
/// stats the standard errors, r2 and se_y, F and df, and the sums of squares (other cells of
/// the 5-row block are #N/A). LOGEST reports exp of its coefficients; its statistics are those
/// of the regression of ln y.
fn linest_like(args: &[Operand], ctx: &dyn EvalContext, exponential: bool) -> Operand {
    match linest_values(args, ctx, exponential) {
        Ok(arr) => Operand::from(arr),
        Err(e) => Operand::error(e),
    }
}

fn linest_values(
    args: &[Operand],
    ctx: &dyn EvalContext,
    exponential: bool,
) -> Result<Array, ErrorKind> {
    let d = design(&args[0], args.get(1), ctx)?;
    let d = if exponential { log_design(d)? } else { d };
    let with_const = regression_flag(args, 2, true, ctx)?;
    let stats = regression_flag(args, 3, false, ctx)?;
    let fit = least_squares(&d, with_const)?;
    let cols = fit.coef.len() + 1;
    let coefficient = |x: f64| real(Ok(if exponential { x.exp() } else { x }));
    let mut values: Vec<Value> = fit.coef.iter().rev().map(|b| coefficient(*b)).collect();
    values.push(coefficient(fit.intercept));
    if !stats {
        return Ok(Array::new(1, cols, values));
    }
    let na = || Value::Error(ErrorKind::NA);
    values.extend(fit.se_coef.iter().rev().map(|s| real(Ok(*s))));
    values.push(if with_const {
        real(Ok(fit.se_intercept))
    } else {
        na()
    });
    for (a, b) in [
        (fit.r2, fit.se_y),
        (fit.f_stat, fit.df),
        (fit.ss_reg, fit.ss_resid),
    ] {
        let mut row = vec![real(Ok(a)), real(Ok(b))];
        row.resize_with(cols, na);
        values.extend(row);
    }
    Ok(Array::new(5, cols, values))
}

fn linest(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    linest_like(args, ctx, false)
}

fn logest(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    linest_like(args, ctx, true)
}

/// TREND / GROWTH: the fitted values at new_x's (default: the known x's).
fn trend_like(args: &[Operand], ctx: &dyn EvalContext, exponential: bool) -> Operand {
    let d = match design(&args[0], args.get(1), ctx).and_then(|d| {
        if exponential {
            log_design(d)
        } else {
            Ok(d)
        }
    }) {
        Ok(d) => d,
        Err(e) => return Operand::error(e),
    };
    let with_const = match regression_flag(args, 3, true, ctx) {
        Ok(b) => b,
        Err(e) => return Operand::error(e),
    };
    let fit = match least_squares(&d, with_const) {
        Ok(f) => f,
        Err(e) => return Operand::error(e),
    };
    let k = fit.coef.len();
    let predict = |xs: &[f64]| -> Value {
        let eta = fit.intercept + xs.iter().zip(&fit.coef).map(|(x, b)| x * b).sum::<f64>();
        real(Ok(if exponential { eta.exp() } else { eta }))
    };
    let new_x = match args.get(2) {
        Some(op) if !matches!(op, Operand::Value(Value::Empty)) => args::to_array(op, ctx),
        _ => {
            // The known x's, in their own layout.
            let fitted: Vec<Value> = d.x.iter().map(|row| predict(row)).collect();
            let (rows, cols) = match d.layout {
                Layout::Rows => (1, fitted.len()),
                Layout::Columns => (fitted.len(), 1),
                Layout::Single => {
                    let ya = args::to_array(&args[0], ctx);
                    (ya.rows, ya.cols)
                }
            };
            return Operand::from(Array::new(rows, cols, fitted));
        }
    };
    let nx = match all_numbers(&new_x) {
        Ok(v) => v,
        Err(e) => return Operand::error(e),
    };
    if k == 1 {
        let values = nx.iter().map(|x| predict(&[*x])).collect();
        return Operand::from(Array::new(new_x.rows, new_x.cols, values));
    }
    match d.layout {
        Layout::Columns if new_x.cols == k => {
            let values = (0..new_x.rows)
                .map(|i| predict(&nx[i * k..(i + 1) * k]))
                .collect();
            Operand::from(Array::new(new_x.rows, 1, values))
        }
        Layout::Rows if new_x.rows == k => {
            let values = (0..new_x.cols)
                .map(|i| predict(&(0..k).map(|j| nx[j * new_x.cols + i]).collect::<Vec<_>>()))
                .collect();
            Operand::from(Array::new(1, new_x.cols, values))
        }
        _ => Operand::error(ErrorKind::Ref),
    }
}

fn trend(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    trend_like(args, ctx, false)
}

fn growth(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    trend_like(args, ctx, true)
}
// ---------------------------------------------------------------------------------------------
// Conditional aggregates: COUNTIF(S), AVERAGEIF(S), MINIFS, MAXIFS.
// ---------------------------------------------------------------------------------------------

/// What a conditional aggregate computes over the target values of matching cells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum IfsKind {
    Count,
    Average,
    Min,
    Max,
}

/// A criteria range paired with its compiled criterion.
struct Test<'a> {
    range: &'a Operand,
    criterion: Criterion,
}

/// Visits the (row, col) offsets where every test's range meets its criterion. Only the part
/// of the ranges that holds data is scanned; returns how many cells outside that part match
/// too (they are empty in every range, so they match when every criterion matches an empty
/// cell, as COUNTIF(A:A, "") counts the blank rows of the whole column).
fn for_each_match(
    tests: &[Test],
    extra: Option<&Operand>,
    dims: (usize, usize),
    ctx: &dyn EvalContext,
    visit: &mut dyn FnMut(usize, usize),
) -> u64 {
    let (mut rows, mut cols) = (0, 0);
    for op in tests.iter().map(|t| t.range).chain(extra) {
        let (r, c) = match op {
            Operand::Ref(a) => used_dims(a, ctx),
            other => other.dims(),
        };
        rows = rows.max(r);
        cols = cols.max(c);
    }
    let rows = rows.min(dims.0);
    let cols = cols.min(dims.1);
    for r in 0..rows {
        for c in 0..cols {
            if tests
                .iter()
                .all(|t| t.criterion.matches(value_at(t.range, ctx, r, c)))
            {
                visit(r, c);
            }
        }
    }
    let scanned = (rows * cols) as u64;
    let outside = (dims.0 as u64 * dims.1 as u64).saturating_sub(scanned);
    if outside > 0 && tests.iter().all(|t| t.criterion.matches(&Value::Empty)) {
        outside
    } else {
        0
    }
}

/// One conditional aggregate for fixed criteria values.
fn ifs_once(
    kind: IfsKind,
    target: Option<&Operand>,
    ranges: &[&Operand],
    criteria: &[Value],
    ctx: &dyn EvalContext,
) -> Value {
    let dims = match ranges.first() {
        Some(r) => r.dims(),
        None => return Value::Error(ErrorKind::Value),
    };
    let tests: Vec<Test> = ranges
        .iter()
        .zip(criteria)
        .map(|(range, c)| Test {
            range,
            criterion: Criterion::new(c),
        })
        .collect();
    let mut count = 0u64;
    let mut sum = Decimal::ZERO;
    let mut best: Option<Decimal> = None;
    let mut failure: Option<ErrorKind> = None;
    let outside = for_each_match(&tests, target, dims, ctx, &mut |r, c| {
        if failure.is_some() {
            return;
        }
        let Some(target) = target else {
            count += 1;
            return;
        };
        match value_at(target, ctx, r, c) {
            Value::Number(n) => {
                count += 1;
                match kind {
                    IfsKind::Average => match sum.checked_add(*n) {
                        Some(s) => sum = s,
                        None => failure = Some(ErrorKind::Num),
                    },
                    IfsKind::Min if best.is_none_or(|b| *n < b) => best = Some(*n),
                    IfsKind::Max if best.is_none_or(|b| *n > b) => best = Some(*n),
                    _ => {}
                }
            }
            Value::Error(e) => failure = Some(*e),
            _ => {}
        }
    });
    if let Some(e) = failure {
        return Value::Error(e);
    }
    match kind {
        IfsKind::Count => Value::Number(Decimal::from(count + outside)),
        IfsKind::Average if count == 0 => Value::Error(ErrorKind::Div0),
        IfsKind::Average => numeric::div(sum, Decimal::from(count)).into(),
        IfsKind::Min | IfsKind::Max => Value::Number(best.unwrap_or(Decimal::ZERO)),
    }
}

/// A conditional aggregate whose criteria may be arrays (COUNTIF(A:A, B1:B9) gives one count
/// per criterion, broadcast as Excel broadcasts array arguments).
fn ifs_lifted(
    kind: IfsKind,
    target: Option<&Operand>,
    ranges: &[&Operand],
    criteria: &[&Operand],
    ctx: &dyn EvalContext,
) -> Operand {
    let lifted = criteria
        .iter()
        .any(|c| matches!(c, Operand::Array(_)) || c.dims().0 * c.dims().1 > 1);
    if !lifted {
        let values: Vec<Value> = criteria.iter().map(|c| scalar(c, ctx)).collect();
        return value_op(ifs_once(kind, target, ranges, &values, ctx));
    }
    let owned: Vec<Operand> = criteria.iter().map(|c| (*c).clone()).collect();
    match args::lift(&owned, ctx, &mut |values| {
        ifs_once(kind, target, ranges, values, ctx)
    }) {
        Some(arr) => Operand::from(arr),
        None => Operand::error(ErrorKind::Value),
    }
}

/// The pairs (criteria_range, criteria) of an *IFS call, checked to share one shape.
fn criteria_pairs(
    pairs: &[Operand],
    shape: (usize, usize),
) -> Result<(Vec<&Operand>, Vec<&Operand>), ErrorKind> {
    if pairs.is_empty() || !pairs.len().is_multiple_of(2) {
        return Err(ErrorKind::Value);
    }
    let ranges: Vec<&Operand> = pairs.iter().step_by(2).collect();
    let criteria: Vec<&Operand> = pairs.iter().skip(1).step_by(2).collect();
    if ranges.iter().any(|r| r.dims() != shape) {
        return Err(ErrorKind::Value);
    }
    Ok((ranges, criteria))
}

fn countif(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    ifs_lifted(IfsKind::Count, None, &[&args[0]], &[&args[1]], ctx)
}

fn countifs(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    match criteria_pairs(args, args[0].dims()) {
        Ok((ranges, criteria)) => ifs_lifted(IfsKind::Count, None, &ranges, &criteria, ctx),
        Err(e) => Operand::error(e),
    }
}

/// AVERAGEIF's average_range: Excel uses the block of the criteria range's size that starts
/// at its top-left cell, whatever size was written.
fn resized_like(target: &Operand, like: &Operand) -> Operand {
    match target {
        Operand::Ref(a) => {
            let (rows, cols) = like.dims();
            Operand::Ref(Area {
                bottom: a.top.saturating_add((rows as u32).saturating_sub(1)),
                right: a.left.saturating_add((cols as u32).saturating_sub(1)),
                ..*a
            })
        }
        other => other.clone(),
    }
}

fn averageif(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let target = match args.get(2) {
        Some(t) if !matches!(t, Operand::Value(Value::Empty)) => resized_like(t, &args[0]),
        _ => args[0].clone(),
    };
    ifs_lifted(
        IfsKind::Average,
        Some(&target),
        &[&args[0]],
        &[&args[1]],
        ctx,
    )
}

/// AVERAGEIFS, MINIFS, MAXIFS: (target_range, criteria_range1, criteria1, ...).
fn target_ifs(args: &[Operand], ctx: &dyn EvalContext, kind: IfsKind) -> Operand {
    match criteria_pairs(&args[1..], args[0].dims()) {
        Ok((ranges, criteria)) => ifs_lifted(kind, Some(&args[0]), &ranges, &criteria, ctx),
        Err(e) => Operand::error(e),
    }
}

fn averageifs(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    target_ifs(args, ctx, IfsKind::Average)
}

fn minifs(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    target_ifs(args, ctx, IfsKind::Min)
}

fn maxifs(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    target_ifs(args, ctx, IfsKind::Max)
}
// ---------------------------------------------------------------------------------------------
// Continuous distributions.
// ---------------------------------------------------------------------------------------------

use special::{
    beta_pq, bracket_above, gamma_pq, ln_beta, ln_choose, ln_gamma, norm_cdf, norm_inv, norm_pdf,
    solve_increasing,
};

/// A probability argument for an inverse: `#NUM!` outside [lo, hi] (or the open ends).
fn check_probability(p: f64, open_low: bool, open_high: bool) -> Result<f64, ErrorKind> {
    let low_ok = if open_low { p > 0.0 } else { p >= 0.0 };
    let high_ok = if open_high { p < 1.0 } else { p <= 1.0 };
    if low_ok && high_ok {
        Ok(p)
    } else {
        Err(ErrorKind::Num)
    }
}

real_fn!(norm_dist, args => {
    let (x, mean, sd, cumulative) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, flag(args, 3)?);
    if sd <= 0.0 {
        return Err(ErrorKind::Num);
    }
    let z = (x - mean) / sd;
    Ok(if cumulative { norm_cdf(z) } else { norm_pdf(z) / sd })
});

real_fn!(norm_inv_fn, args => {
    let (p, mean, sd) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
    let p = check_probability(p, true, true)?;
    if sd <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(mean + sd * norm_inv(p))
});

real_fn!(norm_s_dist, args => {
    let (z, cumulative) = (num(args, 0)?, flag(args, 1)?);
    Ok(if cumulative { norm_cdf(z) } else { norm_pdf(z) })
});

real_fn!(normsdist, args => { Ok(norm_cdf(num(args, 0)?)) });

real_fn!(norm_s_inv, args => { Ok(norm_inv(check_probability(num(args, 0)?, true, true)?)) });

real_fn!(phi, args => { Ok(norm_pdf(num(args, 0)?)) });

real_fn!(gauss, args => { Ok(0.5 * special::erf(num(args, 0)? / std::f64::consts::SQRT_2)) });

real_fn!(lognorm_dist, args => {
    let (x, mean, sd, cumulative) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, flag(args, 3)?);
    lognormal(x, mean, sd, cumulative)
});

real_fn!(lognormdist_legacy, args => {
    lognormal(num(args, 0)?, num(args, 1)?, num(args, 2)?, true)
});

fn lognormal(x: f64, mean: f64, sd: f64, cumulative: bool) -> Result<f64, ErrorKind> {
    if x <= 0.0 || sd <= 0.0 {
        return Err(ErrorKind::Num);
    }
    let z = (x.ln() - mean) / sd;
    Ok(if cumulative {
        norm_cdf(z)
    } else {
        norm_pdf(z) / (x * sd)
    })
}

real_fn!(lognorm_inv, args => {
    let (p, mean, sd) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
    let p = check_probability(p, true, true)?;
    if sd <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok((mean + sd * norm_inv(p)).exp())
});

real_fn!(standardize, args => {
    let (x, mean, sd) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
    if sd <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok((x - mean) / sd)
});

real_fn!(expon_dist, args => {
    let (x, lambda, cumulative) = (num(args, 0)?, num(args, 1)?, flag(args, 2)?);
    if x < 0.0 || lambda <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(if cumulative { -(-lambda * x).exp_m1() } else { lambda * (-lambda * x).exp() })
});

real_fn!(weibull_dist, args => {
    let (x, alpha, beta, cumulative) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, flag(args, 3)?);
    if x < 0.0 || alpha <= 0.0 || beta <= 0.0 {
        return Err(ErrorKind::Num);
    }
    let t = (x / beta).powf(alpha);
    Ok(if cumulative {
        -(-t).exp_m1()
    } else {
        alpha / beta.powf(alpha) * x.powf(alpha - 1.0) * (-t).exp()
    })
});

// --- Gamma family -----------------------------------------------------------------------------

/// The gamma density with shape a and scale 1 at x >= 0.
fn gamma_pdf(x: f64, a: f64) -> f64 {
    if x == 0.0 {
        return match a.partial_cmp(&1.0) {
            Some(Ordering::Less) => f64::INFINITY,
            Some(Ordering::Equal) => 1.0,
            _ => 0.0,
        };
    }
    ((a - 1.0) * x.ln() - x - ln_gamma(a)).exp()
}

/// Inverts a distribution given as x -> (P(X <= x), P(X > x)) on [0, max_x] (unbounded when
/// None): finds x where the lower tail is `lower` (equivalently the upper tail is `upper`),
/// solving in whichever tail is smaller so that extreme probabilities keep their precision.
fn invert(
    lower: f64,
    upper: f64,
    pair: &dyn Fn(f64) -> (f64, f64),
    pdf: &dyn Fn(f64) -> f64,
    guess: f64,
    max_x: Option<f64>,
) -> Result<f64, ErrorKind> {
    if lower <= 0.0 {
        return Ok(0.0);
    }
    if upper <= 0.0 {
        return match max_x {
            Some(hi) => Ok(hi),
            None => Err(ErrorKind::Num),
        };
    }
    let solve_upper = lower > 0.5;
    let f = |x: f64| {
        let (l, u) = pair(x);
        if solve_upper {
            upper - u
        } else {
            l - lower
        }
    };
    let hi = match max_x {
        Some(hi) => hi,
        None => bracket_above(&f, guess).ok_or(ErrorKind::Num)?,
    };
    let x = solve_increasing(&f, pdf, 0.0, hi, guess);
    if x.is_finite() {
        Ok(x)
    } else {
        Err(ErrorKind::Num)
    }
}

/// The x with P(a, x) = p for shape a and scale 1 (upper tail Q(a, x) = p when `upper`).
fn gamma_quantile(a: f64, p: f64, upper: bool) -> Result<f64, ErrorKind> {
    let (lower, upper_p) = if upper { (1.0 - p, p) } else { (p, 1.0 - p) };
    invert(
        lower,
        upper_p,
        &|x| gamma_pq(a, x),
        &|x| gamma_pdf(x, a),
        gamma_guess(a, lower),
        None,
    )
}

/// A starting point for the gamma quantile (Wilson-Hilferty).
fn gamma_guess(a: f64, p: f64) -> f64 {
    let z = norm_inv(p.clamp(1e-300, 1.0 - 1e-16));
    let c = 1.0 / (9.0 * a);
    let w = 1.0 - c + z * c.sqrt();
    let guess = a * w * w * w;
    if guess.is_finite() && guess > 0.0 {
        guess
    } else {
        a.max(1e-3)
    }
}

real_fn!(gamma_dist, args => {
    let (x, alpha, beta, cumulative) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, flag(args, 3)?);
    if x < 0.0 || alpha <= 0.0 || beta <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(if cumulative { gamma_pq(alpha, x / beta).0 } else { gamma_pdf(x / beta, alpha) / beta })
});

real_fn!(gamma_inv, args => {
    let (p, alpha, beta) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
    let p = check_probability(p, false, true)?;
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(gamma_quantile(alpha, p, false)? * beta)
});

real_fn!(gamma_fn, args => {
    let x = num(args, 0)?;
    if x <= 0.0 && x.fract() == 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(special::gamma(x))
});

real_fn!(gammaln, args => {
    let x = num(args, 0)?;
    if x <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(ln_gamma(x))
});

/// Degrees of freedom: truncated; `#NUM!` below 1 or above 10^10.
fn degrees(args: &[Value], i: usize) -> Result<f64, ErrorKind> {
    let df = whole(args, i)?;
    if !(1.0..=1e10).contains(&df) {
        return Err(ErrorKind::Num);
    }
    Ok(df)
}

real_fn!(chisq_dist, args => {
    let (x, df, cumulative) = (num(args, 0)?, degrees(args, 1)?, flag(args, 2)?);
    if x < 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(if cumulative { gamma_pq(df / 2.0, x / 2.0).0 } else { gamma_pdf(x / 2.0, df / 2.0) / 2.0 })
});

real_fn!(chisq_dist_rt, args => {
    let (x, df) = (num(args, 0)?, degrees(args, 1)?);
    if x < 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok(gamma_pq(df / 2.0, x / 2.0).1)
});

real_fn!(chisq_inv, args => {
    let (p, df) = (num(args, 0)?, degrees(args, 1)?);
    let p = check_probability(p, false, true)?;
    Ok(2.0 * gamma_quantile(df / 2.0, p, false)?)
});

real_fn!(chisq_inv_rt, args => {
    let (p, df) = (num(args, 0)?, degrees(args, 1)?);
    let p = check_probability(p, true, false)?;
    if p >= 1.0 {
        return Ok(0.0);
    }
    Ok(2.0 * gamma_quantile(df / 2.0, p, true)?)
});

// --- Student's t ------------------------------------------------------------------------------

/// P(T > t) for t >= 0 with df degrees of freedom.
fn t_upper_tail(t: f64, df: f64) -> f64 {
    let t2 = t * t;
    let x = df / (df + t2);
    let y = t2 / (df + t2);
    0.5 * beta_pq(df / 2.0, 0.5, x, y).0
}

fn t_pdf(t: f64, df: f64) -> f64 {
    (-(df + 1.0) / 2.0 * (t * t / df).ln_1p() - 0.5 * df.ln() - ln_beta(df / 2.0, 0.5)).exp()
}

fn t_cdf(t: f64, df: f64) -> f64 {
    let tail = t_upper_tail(t.abs(), df);
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The t >= 0 with P(T > t) = q, for 0 < q <= 0.5.
fn t_upper_quantile(q: f64, df: f64) -> Result<f64, ErrorKind> {
    if q >= 0.5 {
        return Ok(0.0);
    }
    invert(
        1.0 - q,
        q,
        &|t| {
            let tail = t_upper_tail(t, df);
            (1.0 - tail, tail)
        },
        &|t| t_pdf(t, df),
        (-norm_inv(q)).max(1.0),
        None,
    )
}

/// The t with P(T <= t) = p, for 0 < p < 1.
fn t_quantile(p: f64, df: f64) -> Result<f64, ErrorKind> {
    if p < 0.5 {
        t_upper_quantile(p, df).map(|t| -t)
    } else {
        t_upper_quantile(1.0 - p, df)
    }
}

real_fn!(t_dist, args => {
    let (t, df, cumulative) = (num(args, 0)?, whole(args, 1)?, flag(args, 2)?);
    if df < 1.0 {
        // Excel's density divides by the degrees of freedom; its distribution rejects them.
        return Err(if cumulative { ErrorKind::Num } else { ErrorKind::Div0 });
    }
    let df = degrees(args, 1)?;
    Ok(if cumulative { t_cdf(t, df) } else { t_pdf(t, df) })
});

real_fn!(t_dist_rt, args => {
    let (t, df) = (num(args, 0)?, degrees(args, 1)?);
    Ok(if t >= 0.0 {
        t_upper_tail(t, df)
    } else {
        1.0 - t_upper_tail(-t, df)
    })
});

real_fn!(t_dist_2t, args => {
    let (t, df) = (num(args, 0)?, degrees(args, 1)?);
    if t < 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok((2.0 * t_upper_tail(t, df)).min(1.0))
});

real_fn!(tdist_legacy, args => {
    let (t, df, tails) = (num(args, 0)?, degrees(args, 1)?, whole(args, 2)?);
    if t < 0.0 || !(tails == 1.0 || tails == 2.0) {
        return Err(ErrorKind::Num);
    }
    Ok((tails * t_upper_tail(t, df)).min(1.0))
});

real_fn!(t_inv, args => {
    let (p, df) = (num(args, 0)?, degrees(args, 1)?);
    let p = check_probability(p, true, true)?;
    t_quantile(p, df)
});

real_fn!(t_inv_2t, args => {
    let (p, df) = (num(args, 0)?, degrees(args, 1)?);
    let p = check_probability(p, true, false)?;
    t_upper_quantile(p / 2.0, df)
});

// --- F ----------------------------------------------------------------------------------------

/// (P(F <= x), P(F > x)) for d1, d2 degrees of freedom.
fn f_cdf_pair(x: f64, d1: f64, d2: f64) -> (f64, f64) {
    let denom = d1 * x + d2;
    beta_pq(d1 / 2.0, d2 / 2.0, d1 * x / denom, d2 / denom)
}

fn f_pdf(x: f64, d1: f64, d2: f64) -> f64 {
    if x == 0.0 {
        return match d1.partial_cmp(&2.0) {
            Some(Ordering::Less) => f64::INFINITY,
            Some(Ordering::Equal) => 1.0,
            _ => 0.0,
        };
    }
    let ln = 0.5 * (d1 * (d1 * x).ln() + d2 * d2.ln() - (d1 + d2) * (d1 * x + d2).ln())
        - x.ln()
        - ln_beta(d1 / 2.0, d2 / 2.0);
    ln.exp()
}

/// The x with P(F <= x) = p (or P(F > x) = p when `upper`).
fn f_quantile(p: f64, d1: f64, d2: f64, upper: bool) -> Result<f64, ErrorKind> {
    let (lower, upper_p) = if upper { (1.0 - p, p) } else { (p, 1.0 - p) };
    invert(
        lower,
        upper_p,
        &|x| f_cdf_pair(x, d1, d2),
        &|x| f_pdf(x, d1, d2),
        1.0,
        None,
    )
}

/// The F arguments (x, d1, d2): x >= 0, both degrees of freedom truncated and >= 1.
fn f_args(args: &[Value]) -> Result<(f64, f64, f64), ErrorKind> {
    let (x, d1, d2) = (num(args, 0)?, degrees(args, 1)?, degrees(args, 2)?);
    if x < 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok((x, d1, d2))
}

real_fn!(f_dist, args => {
    let (x, d1, d2) = f_args(args)?;
    let cumulative = flag(args, 3)?;
    Ok(if cumulative { f_cdf_pair(x, d1, d2).0 } else { f_pdf(x, d1, d2) })
});

real_fn!(f_dist_rt, args => {
    let (x, d1, d2) = f_args(args)?;
    Ok(f_cdf_pair(x, d1, d2).1)
});

real_fn!(f_inv, args => {
    let (p, d1, d2) = (num(args, 0)?, degrees(args, 1)?, degrees(args, 2)?);
    f_quantile(check_probability(p, false, true)?, d1, d2, false)
});

real_fn!(f_inv_rt, args => {
    let (p, d1, d2) = (num(args, 0)?, degrees(args, 1)?, degrees(args, 2)?);
    let p = check_probability(p, true, false)?;
    if p >= 1.0 {
        return Ok(0.0);
    }
    f_quantile(p, d1, d2, true)
});

// --- Beta -------------------------------------------------------------------------------------

/// BETA.DIST's bounds A and B (defaults 0 and 1), at argument positions `i` and `i + 1`.
fn beta_bounds(args: &[Value], i: usize) -> Result<(f64, f64), ErrorKind> {
    let (a, b) = (num_or(args, i, 0.0)?, num_or(args, i + 1, 1.0)?);
    if a >= b {
        return Err(ErrorKind::Num);
    }
    Ok((a, b))
}

fn beta_pdf(z: f64, alpha: f64, beta: f64) -> f64 {
    ((alpha - 1.0) * z.ln() + (beta - 1.0) * (-z).ln_1p() - ln_beta(alpha, beta)).exp()
}

fn beta_dist_value(
    x: f64,
    alpha: f64,
    beta: f64,
    cumulative: bool,
    lo: f64,
    hi: f64,
) -> Result<f64, ErrorKind> {
    if alpha <= 0.0 || beta <= 0.0 || x < lo || x > hi {
        return Err(ErrorKind::Num);
    }
    let width = hi - lo;
    let z = (x - lo) / width;
    if cumulative {
        return Ok(beta_pq(alpha, beta, z, (hi - x) / width).0);
    }
    if (z == 0.0 && alpha < 1.0) || (z == 1.0 && beta < 1.0) {
        return Err(ErrorKind::Num);
    }
    Ok(beta_pdf(z, alpha, beta) / width)
}

real_fn!(beta_dist, args => {
    let (x, alpha, beta, cumulative) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, flag(args, 3)?);
    let (lo, hi) = beta_bounds(args, 4)?;
    beta_dist_value(x, alpha, beta, cumulative, lo, hi)
});

real_fn!(betadist_legacy, args => {
    let (x, alpha, beta) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
    let (lo, hi) = beta_bounds(args, 3)?;
    beta_dist_value(x, alpha, beta, true, lo, hi)
});

real_fn!(beta_inv, args => {
    let (p, alpha, beta) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
    let p = check_probability(p, true, false)?;
    let (lo, hi) = beta_bounds(args, 3)?;
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(ErrorKind::Num);
    }
    let z = invert(
        p,
        1.0 - p,
        &|z| beta_pq(alpha, beta, z, 1.0 - z),
        &|z| beta_pdf(z, alpha, beta),
        alpha / (alpha + beta),
        Some(1.0),
    )?;
    Ok(lo + z * (hi - lo))
});

// --- Confidence intervals and Fisher ----------------------------------------------------------

/// (alpha, sd, n) for CONFIDENCE: alpha in (0, 1), sd > 0, n truncated and >= 1.
fn confidence_args(args: &[Value]) -> Result<(f64, f64, f64), ErrorKind> {
    let (alpha, sd, n) = (num(args, 0)?, num(args, 1)?, whole(args, 2)?);
    if alpha <= 0.0 || alpha >= 1.0 || sd <= 0.0 || n < 1.0 {
        return Err(ErrorKind::Num);
    }
    Ok((alpha, sd, n))
}

real_fn!(confidence_norm, args => {
    let (alpha, sd, n) = confidence_args(args)?;
    Ok(-norm_inv(alpha / 2.0) * sd / n.sqrt())
});

real_fn!(confidence_t, args => {
    let (alpha, sd, n) = confidence_args(args)?;
    if n == 1.0 {
        return Err(ErrorKind::Div0);
    }
    Ok(t_upper_quantile(alpha / 2.0, n - 1.0)? * sd / n.sqrt())
});

real_fn!(fisher, args => {
    let x = num(args, 0)?;
    if x <= -1.0 || x >= 1.0 {
        return Err(ErrorKind::Num);
    }
    Ok(x.atanh())
});

real_fn!(fisherinv, args => { Ok(num(args, 0)?.tanh()) });

// ---------------------------------------------------------------------------------------------
// Discrete distributions and counting.
// ---------------------------------------------------------------------------------------------

fn binom_pmf(k: f64, n: f64, p: f64) -> f64 {
    if p == 0.0 {
        return if k == 0.0 { 1.0 } else { 0.0 };
    }
    if p == 1.0 {
        return if k == n { 1.0 } else { 0.0 };
    }
    (ln_choose(n, k) + k * p.ln() + (n - k) * (-p).ln_1p()).exp()
}

/// P(X <= k) for a binomial(n, p): summed term by term when one tail has few terms (which
/// matches Excel to the last digits), else the incomplete beta function I_{1-p}(n - k, k + 1).
fn binom_cdf(k: f64, n: f64, p: f64) -> f64 {
    if k >= n {
        return 1.0;
    }
    if k < 0.0 {
        return 0.0;
    }
    let sum = |from: f64, to: f64| {
        let mut total = 0.0;
        let mut i = from;
        while i <= to {
            total += binom_pmf(i, n, p);
            i += 1.0;
        }
        total
    };
    if k <= 1000.0 {
        return sum(0.0, k).min(1.0);
    }
    if n - k <= 1000.0 {
        return (1.0 - sum(k + 1.0, n)).max(0.0);
    }
    beta_pq(n - k, k + 1.0, 1.0 - p, p).0
}

/// The binomial trials argument and success probability: n truncated >= 0, p in [0, 1].
fn binom_params(n: f64, p: f64) -> Result<(), ErrorKind> {
    if n < 0.0 || !(0.0..=1.0).contains(&p) {
        return Err(ErrorKind::Num);
    }
    Ok(())
}

real_fn!(binom_dist, args => {
    let (k, n, p, cumulative) = (whole(args, 0)?, whole(args, 1)?, num(args, 2)?, flag(args, 3)?);
    binom_params(n, p)?;
    if k < 0.0 || k > n {
        return Err(ErrorKind::Num);
    }
    Ok(if cumulative { binom_cdf(k, n, p) } else { binom_pmf(k, n, p) })
});

real_fn!(binom_dist_range, args => {
    let (n, p, s) = (whole(args, 0)?, num(args, 1)?, whole(args, 2)?);
    let s2 = match args.get(3) {
        None => s,
        Some(_) => whole(args, 3)?,
    };
    binom_params(n, p)?;
    if s < 0.0 || s > n || s2 < s || s2 > n {
        return Err(ErrorKind::Num);
    }
    if s2 - s <= 1000.0 {
        let mut total = 0.0;
        let mut k = s;
        while k <= s2 {
            total += binom_pmf(k, n, p);
            k += 1.0;
        }
        return Ok(total.min(1.0));
    }
    Ok((binom_cdf(s2, n, p) - binom_cdf(s - 1.0, n, p)).max(0.0))
});

real_fn!(binom_inv, args => {
    let (n, p, alpha) = (whole(args, 0)?, num(args, 1)?, num(args, 2)?);
    // Excel wants both probabilities strictly between 0 and 1 here.
    if n < 0.0 || p <= 0.0 || p >= 1.0 || alpha <= 0.0 || alpha >= 1.0 {
        return Err(ErrorKind::Num);
    }
    if n <= 100_000.0 {
        // The smallest k whose cumulative probability reaches alpha.
        let mut total = 0.0;
        let mut k = 0.0;
        while k < n {
            total += binom_pmf(k, n, p);
            if total >= alpha {
                return Ok(k);
            }
            k += 1.0;
        }
        return Ok(n);
    }
    // Large n: bisect on the cumulative probability.
    let (mut lo, mut hi) = (0.0_f64, n);
    for _ in 0..2000 {
        if lo >= hi {
            break;
        }
        let mid = ((lo + hi) / 2.0).floor();
        if binom_cdf(mid, n, p) >= alpha {
            hi = mid;
        } else {
            lo = mid + 1.0;
        }
    }
    Ok(lo)
});

real_fn!(negbinom_dist, args => {
    let (failures, successes, p) = (whole(args, 0)?, whole(args, 1)?, num(args, 2)?);
    let cumulative = match args.get(3) {
        Some(_) => flag(args, 3)?,
        None => false,
    };
    if p <= 0.0 || p >= 1.0 || failures < 0.0 || successes < 1.0 {
        return Err(ErrorKind::Num);
    }
    if cumulative {
        return Ok(beta_pq(successes, failures + 1.0, p, 1.0 - p).0);
    }
    Ok((ln_choose(failures + successes - 1.0, successes - 1.0) + successes * p.ln() + failures * (-p).ln_1p()).exp())
});

fn poisson_pmf(k: f64, mean: f64) -> f64 {
    if mean == 0.0 {
        return if k == 0.0 { 1.0 } else { 0.0 };
    }
    (k * mean.ln() - mean - ln_gamma(k + 1.0)).exp()
}

real_fn!(poisson_dist, args => {
    let (k, mean, cumulative) = (whole(args, 0)?, num(args, 1)?, flag(args, 2)?);
    if k < 0.0 || mean < 0.0 {
        return Err(ErrorKind::Num);
    }
    if !cumulative {
        return Ok(poisson_pmf(k, mean));
    }
    if mean == 0.0 {
        return Ok(1.0);
    }
    if k <= 1000.0 {
        let mut total = 0.0;
        let mut i = 0.0;
        while i <= k {
            total += poisson_pmf(i, mean);
            i += 1.0;
        }
        return Ok(total.min(1.0));
    }
    Ok(gamma_pq(k + 1.0, mean).1)
});

fn hypgeom_pmf(k: f64, n: f64, successes: f64, population: f64) -> f64 {
    if n - k > population - successes {
        return 0.0;
    }
    (ln_choose(successes, k) + ln_choose(population - successes, n - k) - ln_choose(population, n))
        .exp()
}

real_fn!(hypgeom_dist, args => {
    let (k, n, successes, population) = (whole(args, 0)?, whole(args, 1)?, whole(args, 2)?, whole(args, 3)?);
    let cumulative = match args.get(4) {
        Some(_) => flag(args, 4)?,
        None => false,
    };
    // Excel accepts zero sizes (HYPGEOM.DIST(0,0,0,0,...) is 1) and gives probability 0 below
    // the smallest possible count.
    if k < 0.0
        || k > n.min(successes)
        || n < 0.0
        || n > population
        || successes < 0.0
        || successes > population
        || population < 0.0
    {
        return Err(ErrorKind::Num);
    }
    if !cumulative {
        return Ok(hypgeom_pmf(k, n, successes, population));
    }
    Ok(hypgeom_cdf(k, n, successes, population))
});

/// P(X <= k) for the hypergeometric distribution, summing the terms that matter: those more
/// than 40 standard deviations from the mean are below f64's resolution, so huge arguments
/// cost a bounded number of terms.
fn hypgeom_cdf(k: f64, n: f64, successes: f64, population: f64) -> f64 {
    let lowest = (n - population + successes).max(0.0);
    let mean = n * successes / population.max(1.0);
    let spread = (n * successes * (population - successes) * (population - n)
        / (population * population * (population - 1.0)).max(1.0))
    .sqrt();
    let window = 40.0 * spread + 10.0;
    let from = lowest.max((mean - window).floor()).min(k);
    let to = k.min((mean + window).ceil());
    let mut total = 0.0;
    let mut i = from;
    let mut steps = 0u32;
    while i <= to && steps < 20_000_000 {
        total += hypgeom_pmf(i, n, successes, population);
        i += 1.0;
        steps += 1;
    }
    total.min(1.0)
}

/// The two truncated arguments of PERMUT / PERMUTATIONA, both >= 0.
fn counting_args(args: &[Value]) -> Result<(Decimal, Decimal), ErrorKind> {
    let n = numeric::snap15(args[0].to_number()?).trunc();
    let k = numeric::snap15(args[1].to_number()?).trunc();
    if n < Decimal::ZERO || k < Decimal::ZERO {
        return Err(ErrorKind::Num);
    }
    Ok((n, k))
}

/// n! / (n - k)!, exact while it fits in a decimal.
fn falling_factorial(n: Decimal, k: Decimal) -> Result<Decimal, ErrorKind> {
    if n < k {
        return Err(ErrorKind::Num);
    }
    let mut product = Decimal::ONE;
    let mut factor = n;
    let mut remaining = k.to_u64().ok_or(ErrorKind::Num)?;
    while remaining > 0 {
        product = numeric::mul(product, factor)?;
        factor -= Decimal::ONE;
        remaining -= 1;
    }
    Ok(product)
}

fn permut(args: &[Value], _: &dyn EvalContext) -> Value {
    counting_args(args)
        .and_then(|(n, k)| falling_factorial(n, k))
        .into()
}

/// PERMUTATIONA: n^k, exact while it fits in a decimal.
fn permutationa(args: &[Value], _: &dyn EvalContext) -> Value {
    counting_args(args)
        .and_then(|(n, k)| {
            if k.is_zero() {
                Ok(Decimal::ONE)
            } else {
                numeric::power(n, k)
            }
        })
        .into()
}
// ---------------------------------------------------------------------------------------------
// Hypothesis tests: T.TEST, F.TEST, CHISQ.TEST, Z.TEST, and PROB.
// ---------------------------------------------------------------------------------------------

/// The numbers of one sample for the test functions, in reading order: other values are
/// skipped, the first error is returned (except #NULL!, which Excel's test functions pass over,
/// as their paired cousins do).
fn sample_of(op: &Operand, ctx: &dyn EvalContext) -> Result<Vec<Decimal>, ErrorKind> {
    let arr = aligned_arrays(&[op], ctx)
        .pop()
        .unwrap_or_else(|| Array::new(0, 0, Vec::new()));
    let mut out = Vec::new();
    for v in &arr.values {
        match v {
            Value::Number(n) => out.push(*n),
            Value::Error(ErrorKind::Null) => {}
            Value::Error(e) => return Err(*e),
            _ => {}
        }
    }
    Ok(out)
}

fn mean_f64(xs: &[Decimal]) -> f64 {
    xs.iter().map(|x| to_f64(*x)).sum::<f64>() / xs.len().max(1) as f64
}

/// T.TEST(array1, array2, tails, type): type 1 paired, 2 equal variances, 3 unequal (Welch);
/// tails and type may be arrays.
fn t_test(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let paired = pairs(&args[0], &args[1], ctx);
    let samples = sample_of(&args[0], ctx).and_then(|a| Ok((a, sample_of(&args[1], ctx)?)));
    let mut run = |codes: &[Value]| real(t_test_for(codes, &paired, &samples));
    let codes = [args[2].clone(), args[3].clone()];
    match args::lift(&codes, ctx, &mut run) {
        Some(arr) => Operand::from(arr),
        None => value_op(run(&[scalar(&args[2], ctx), scalar(&args[3], ctx)])),
    }
}

type PairedData = Result<(Vec<f64>, Vec<f64>), ErrorKind>;
type TwoSamples = Result<(Vec<Decimal>, Vec<Decimal>), ErrorKind>;

/// The T.TEST probability for one (tails, type) pair.
fn t_test_for(
    codes: &[Value],
    paired: &PairedData,
    samples: &TwoSamples,
) -> Result<f64, ErrorKind> {
    let tails = code_value(codes.first().unwrap_or(&Value::Empty))?;
    let kind = code_value(codes.get(1).unwrap_or(&Value::Empty))?;
    if !(tails == 1 || tails == 2) || !(1..=3).contains(&kind) {
        return Err(ErrorKind::Num);
    }
    let (t, df) = if kind == 1 {
        let (a, b) = paired.as_ref().map_err(|e| *e)?;
        paired_t(a, b)?
    } else {
        let (a, b) = samples.as_ref().map_err(|e| *e)?;
        two_sample_t(a, b, kind == 2)?
    };
    Ok((tails as f64 * t_upper_tail(t.abs(), df)).min(1.0))
}

/// A whole-number code (tails, type...) from a value, truncated.
fn code_value(v: &Value) -> Result<i64, ErrorKind> {
    numeric::snap15(v.to_number()?)
        .trunc()
        .to_i64()
        .ok_or(ErrorKind::Num)
}

/// The t statistic and degrees of freedom of a paired test.
fn paired_t(a: &[f64], b: &[f64]) -> Result<(f64, f64), ErrorKind> {
    let diffs: Vec<Decimal> = a
        .iter()
        .zip(b)
        .map(|(x, y)| numeric::from_f64(x - y))
        .collect::<Result<_, _>>()?;
    if diffs.len() < 2 {
        return Err(ErrorKind::Div0);
    }
    let n = diffs.len() as f64;
    let var = variance(&diffs, Basis::Sample)?;
    if var == 0.0 {
        return Err(ErrorKind::Div0);
    }
    Ok((mean_f64(&diffs) / (var / n).sqrt(), n - 1.0))
}

/// The t statistic and degrees of freedom of a two-sample test, with pooled (equal) or
/// separate (Welch) variances.
fn two_sample_t(
    a: &[Decimal],
    b: &[Decimal],
    equal_variances: bool,
) -> Result<(f64, f64), ErrorKind> {
    if a.len() < 2 || b.len() < 2 {
        return Err(ErrorKind::Div0);
    }
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let diff = mean_f64(a) - mean_f64(b);
    let (v1, v2) = (variance(a, Basis::Sample)?, variance(b, Basis::Sample)?);
    if equal_variances {
        let pooled = ((n1 - 1.0) * v1 + (n2 - 1.0) * v2) / (n1 + n2 - 2.0);
        let se = (pooled * (1.0 / n1 + 1.0 / n2)).sqrt();
        if se == 0.0 {
            return Err(ErrorKind::Div0);
        }
        return Ok((diff / se, n1 + n2 - 2.0));
    }
    let (s1, s2) = (v1 / n1, v2 / n2);
    if s1 + s2 == 0.0 {
        return Err(ErrorKind::Div0);
    }
    let df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1.0) + s2 * s2 / (n2 - 1.0));
    Ok((diff / (s1 + s2).sqrt(), df))
}

/// F.TEST: the two-tailed probability that the variances of the two samples do not differ.
fn f_test(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(f_test_value(args, ctx))
}

fn f_test_value(args: &[Operand], ctx: &dyn EvalContext) -> Result<f64, ErrorKind> {
    let a = sample_of(&args[0], ctx)?;
    let b = sample_of(&args[1], ctx)?;
    if a.len() < 2 || b.len() < 2 {
        return Err(ErrorKind::Div0);
    }
    let (v1, v2) = (variance(&a, Basis::Sample)?, variance(&b, Basis::Sample)?);
    if v1 == 0.0 || v2 == 0.0 {
        return Err(ErrorKind::Div0);
    }
    let (d1, d2) = ((a.len() - 1) as f64, (b.len() - 1) as f64);
    let (lower, upper) = f_cdf_pair(v1 / v2, d1, d2);
    Ok((2.0 * lower.min(upper)).min(1.0))
}

/// CHISQ.TEST(actual, expected): the chi-squared test of independence.
fn chisq_test(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    real_op(chisq_test_value(args, ctx))
}

fn chisq_test_value(args: &[Operand], ctx: &dyn EvalContext) -> Result<f64, ErrorKind> {
    let actual = args::to_array(&args[0], ctx);
    let expected = args::to_array(&args[1], ctx);
    // Only the counts must agree; the degrees of freedom follow the actual range's shape.
    if actual.values.len() != expected.values.len() || actual.values.len() < 2 {
        return Err(ErrorKind::NA);
    }
    // Errors: the whole actual range first, then the expected range.
    for v in actual.values.iter().chain(&expected.values) {
        match v {
            Value::Error(ErrorKind::Null) => {}
            Value::Error(e) => return Err(*e),
            _ => {}
        }
    }
    let mut chi = 0.0;
    let mut used = 0;
    for (a, e) in actual.values.iter().zip(&expected.values) {
        if let (Value::Number(a), Value::Number(e)) = (a, e) {
            let (a, e) = (to_f64(*a), to_f64(*e));
            if e == 0.0 {
                return Err(ErrorKind::Div0);
            }
            chi += (a - e) * (a - e) / e;
            used += 1;
        }
    }
    if used == 0 {
        return Err(ErrorKind::Div0);
    }
    let df = if actual.rows > 1 && actual.cols > 1 {
        ((actual.rows - 1) * (actual.cols - 1)) as f64
    } else {
        (actual.values.len() - 1) as f64
    };
    Ok(gamma_pq(df / 2.0, chi / 2.0).1)
}

/// Z.TEST(array, x, [sigma]): the one-tailed P-value of a z-test; x may be an array. The
/// scalar arguments' errors come before the data's.
fn z_test(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let data = sample_of(&args[0], ctx);
    let sigma = args
        .get(2)
        .map(|op| scalar(op, ctx).to_number().map(to_f64));
    map_arg(&args[1], ctx, &mut |x| real(z_test_at(x, sigma, &data)))
}

fn z_test_at(
    x: &Value,
    sigma: Option<Result<f64, ErrorKind>>,
    data: &Result<Vec<Decimal>, ErrorKind>,
) -> Result<f64, ErrorKind> {
    let x = to_f64(x.to_number()?);
    let sigma = sigma.transpose()?;
    let data = data.as_ref().map_err(|e| *e)?;
    if data.len() < 2 {
        return Err(ErrorKind::Div0);
    }
    let sigma = match sigma {
        None => variance(data, Basis::Sample)?.sqrt(),
        Some(s) if s <= 0.0 => return Err(ErrorKind::Num),
        Some(s) => s,
    };
    if sigma == 0.0 {
        return Err(ErrorKind::Div0);
    }
    let z = (mean_f64(data) - x) / (sigma / (data.len() as f64).sqrt());
    Ok(norm_cdf(-z))
}

/// PROB(x_range, prob_range, lower, [upper]): the probability that a value lies in
/// [lower, upper] (just `lower` when upper is omitted); the limits may be arrays.
fn prob(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let table = prob_table(args, ctx);
    let mut run = |limits: &[Value]| Value::from(probability_between(limits, &table));
    let limits: Vec<Operand> = args[2..].to_vec();
    match args::lift(&limits, ctx, &mut run) {
        Some(arr) => Operand::from(arr),
        None => {
            let values: Vec<Value> = limits.iter().map(|op| scalar(op, ctx)).collect();
            value_op(run(&values))
        }
    }
}

type ProbTable = Result<Vec<(Decimal, Decimal)>, ErrorKind>;

/// The total probability of the x's within [lower, upper] (`limits` = lower, [upper]).
fn probability_between(limits: &[Value], table: &ProbTable) -> Result<Decimal, ErrorKind> {
    let lower = limits.first().unwrap_or(&Value::Empty).to_number()?;
    let upper = match limits.get(1) {
        Some(v) => v.to_number()?,
        None => lower,
    };
    let table = table.as_ref().map_err(|e| *e)?;
    table
        .iter()
        .filter(|(x, _)| *x >= lower && *x <= upper)
        .try_fold(Decimal::ZERO, |acc, (_, p)| numeric::add(acc, *p))
}

/// PROB's (x, probability) pairs: probabilities must lie in [0, 1] and sum to 1.
fn prob_table(args: &[Operand], ctx: &dyn EvalContext) -> ProbTable {
    let xs = args::to_array(&args[0], ctx);
    let ps = args::to_array(&args[1], ctx);
    if xs.values.len() != ps.values.len() {
        return Err(ErrorKind::NA);
    }
    let mut table = Vec::new();
    let mut total = Decimal::ZERO;
    for (x, p) in xs.values.iter().zip(&ps.values) {
        match (x, p) {
            (Value::Error(e), _) | (_, Value::Error(e)) => return Err(*e),
            (Value::Number(x), Value::Number(p)) => {
                if *p < Decimal::ZERO || *p > Decimal::ONE {
                    return Err(ErrorKind::Num);
                }
                total = numeric::add(total, *p)?;
                table.push((*x, *p));
            }
            _ => {}
        }
    }
    if (to_f64(total) - 1.0).abs() > 1e-9 {
        return Err(ErrorKind::Num);
    }
    Ok(table)
}

// ---------------------------------------------------------------------------------------------
// SUBTOTAL and AGGREGATE.
// ---------------------------------------------------------------------------------------------

/// The aggregate functions SUBTOTAL (1-11) and AGGREGATE (1-13) can apply to their references.
fn aggregate_over(code: i64, args: &[Operand], ctx: &dyn EvalContext, g: Gather) -> Operand {
    let sample = |g| variance_of(args, ctx, g, Basis::Sample);
    let population = |g| variance_of(args, ctx, g, Basis::Population);
    match code {
        1 => decimal_op(mean_of(args, ctx, g)),
        2 if !g.skip_errors => value_op(Value::from(
            count_numbers(args, ctx, g.skip_subtotals) as i64
        )),
        2 => decimal_op(numbers(args, ctx, g).map(|xs| Decimal::from(xs.len()))),
        3 => value_op(Value::from(count_values(args, ctx, g) as i64)),
        4 => decimal_op(extreme_of(args, ctx, g, Ordering::Greater)),
        5 => decimal_op(extreme_of(args, ctx, g, Ordering::Less)),
        6 => decimal_op(product_of(args, ctx, g)),
        7 => real_op(sample(g).map(f64::sqrt)),
        8 => real_op(population(g).map(f64::sqrt)),
        9 => decimal_op(sum_of(args, ctx, g)),
        10 => real_op(sample(g)),
        11 => real_op(population(g)),
        12 => decimal_op(sorted_numbers(args, ctx, g).and_then(|xs| median_of(&xs))),
        13 => decimal_op(
            numbers(args, ctx, Gather { ordered: true, ..g })
                .and_then(|xs| modes(&xs).first().copied().ok_or(ErrorKind::NA)),
        ),
        _ => Operand::error(ErrorKind::Value),
    }
}

/// SUBTOTAL(function_num, ref1, ...): 1-11 include hidden rows, 101-111 exclude them. The
/// evaluation context does not know which rows are hidden, so both behave alike; cells holding
/// SUBTOTAL or AGGREGATE formulas are skipped in both.
fn subtotal(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let code = match args::integer(&args[0], ctx) {
        Ok(c) => c,
        Err(e) => return Operand::error(e),
    };
    let code = match code {
        1..=11 => code,
        101..=111 => code - 100,
        _ => return Operand::error(ErrorKind::Value),
    };
    let g = Gather {
        skip_subtotals: true,
        ..Gather::NUMBERS
    };
    aggregate_over(code, &args[1..], ctx, g)
}

/// AGGREGATE(function_num, options, ref1, ...) or AGGREGATE(function_num, options, array, k).
/// Options 0-3 skip nested SUBTOTAL/AGGREGATE cells, options 2, 3, 6 and 7 skip error values;
/// hidden rows (options 1, 3, 5, 7) cannot be known by the context and are included.
fn aggregate(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let (code, option) = match (
        args::integer(&args[0], ctx),
        aggregate_option(args.get(1), ctx),
    ) {
        (Ok(c), Ok(o)) => (c, o),
        (Err(e), _) | (_, Err(e)) => return Operand::error(e),
    };
    let g = Gather {
        skip_subtotals: option <= 3,
        skip_errors: matches!(option, 2 | 3 | 6 | 7),
        ..Gather::NUMBERS
    };
    let data = &args[2..];
    match code {
        1..=13 => aggregate_over(code, data, ctx, g),
        14..=19 => {
            let (Some(array), Some(k)) = (data.first(), data.get(1)) else {
                return Operand::error(ErrorKind::Value);
            };
            let mut sorted = match numbers(std::slice::from_ref(array), ctx, g) {
                Ok(xs) => xs,
                Err(e) => return Operand::error(e),
            };
            sorted.sort_unstable();
            map_arg(k, ctx, &mut |k| {
                let result = match code {
                    14 => k.to_number().and_then(|k| nth_of(&sorted, k, true)),
                    15 => k.to_number().and_then(|k| nth_of(&sorted, k, false)),
                    16 => k.to_number().and_then(|k| percentile_inc_of(&sorted, k)),
                    17 => k
                        .to_number()
                        .and_then(|q| percentile_inc_of(&sorted, quartile_fraction(q, 0, 4)?)),
                    18 => k.to_number().and_then(|k| percentile_exc_of(&sorted, k)),
                    _ => k
                        .to_number()
                        .and_then(|q| percentile_exc_of(&sorted, quartile_fraction(q, 1, 3)?)),
                };
                result.into()
            })
        }
        _ => Operand::error(ErrorKind::Value),
    }
}

fn aggregate_option(op: Option<&Operand>, ctx: &dyn EvalContext) -> Result<i64, ErrorKind> {
    let option = match op.map(|o| scalar(o, ctx)) {
        None | Some(Value::Empty) => 0,
        Some(v) => numeric::snap15(v.to_number()?)
            .trunc()
            .to_i64()
            .ok_or(ErrorKind::Value)?,
    };
    if (0..=7).contains(&option) {
        Ok(option)
    } else {
        Err(ErrorKind::Value)
    }
}
/// Special functions in f64: the numerical kernel of the distribution functions. Every
/// iterative method here has an iteration cap, so no input can make it loop forever.
/// Special functions (Gamma, Beta, normal) shared with the simulation's samplers.
pub(crate) mod special {
    use std::f64::consts::{PI, SQRT_2};

    /// ln(sqrt(2 pi)).
    pub const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_7;
    /// sqrt(2 pi).
    pub const SQRT_2PI: f64 = 2.506_628_274_631_000_7;
    const EPS: f64 = 1e-16;
    const TINY: f64 = 1e-300;
    /// Enough for the continued fractions and series below to converge for any argument a
    /// spreadsheet passes (they need O(sqrt(a)) terms); beyond it the result is returned as is.
    const MAX_ITER: usize = 5_000_000;

    /// k! for k = 0..=170 (171! overflows f64), by repeated multiplication: exact up to 22!,
    /// within a few ulps beyond.
    fn factorial_table() -> &'static [f64; 171] {
        static TABLE: std::sync::OnceLock<[f64; 171]> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = [1.0; 171];
            let mut acc = 1.0;
            for (k, slot) in t.iter_mut().enumerate().skip(1) {
                acc *= k as f64;
                *slot = acc;
            }
            t
        })
    }

    /// k! for 0 <= k <= 170, else infinity.
    pub fn factorial(k: f64) -> f64 {
        if (0.0..=170.0).contains(&k) && k.fract() == 0.0 {
            factorial_table()[k as usize]
        } else {
            f64::INFINITY
        }
    }

    /// The tail of Stirling's series for ln Gamma(x): lnG(x) - ((x-0.5)ln x - x + ln sqrt(2pi)).
    /// Accurate to about 1e-16 for x >= 10.
    fn stirling_tail(x: f64) -> f64 {
        let r = 1.0 / x;
        let r2 = r * r;
        r * (1.0 / 12.0
            + r2 * (-1.0 / 360.0
                + r2 * (1.0 / 1260.0
                    + r2 * (-1.0 / 1680.0
                        + r2 * (1.0 / 1188.0 + r2 * (-691.0 / 360_360.0 + r2 / 156.0))))))
    }

    const LANCZOS_G: f64 = 7.0;
    const LANCZOS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];

    /// ln Gamma(x) for x > 0 (infinity at 0, NaN below).
    pub fn ln_gamma(x: f64) -> f64 {
        if x.is_nan() || x < 0.0 {
            return f64::NAN;
        }
        if x == 0.0 {
            return f64::INFINITY;
        }
        if x.fract() == 0.0 && x <= 171.0 {
            return factorial(x - 1.0).ln();
        }
        if x >= 10.0 {
            return (x - 0.5) * x.ln() - x + LN_SQRT_2PI + stirling_tail(x);
        }
        if x < 0.5 {
            // Reflection: Gamma(x) Gamma(1-x) = pi / sin(pi x); 1-x lies in (0.5, 1).
            return (PI / (PI * x).sin()).ln() - ln_gamma_lanczos(1.0 - x);
        }
        ln_gamma_lanczos(x)
    }

    fn ln_gamma_lanczos(x: f64) -> f64 {
        let x = x - 1.0;
        let t = x + LANCZOS_G + 0.5;
        let mut a = LANCZOS[0];
        for (i, c) in LANCZOS.iter().enumerate().skip(1) {
            a += c / (x + i as f64);
        }
        LN_SQRT_2PI + (x + 0.5) * t.ln() - t + a.ln()
    }

    /// Gamma(x) for any real x; NaN at 0 and the negative integers.
    pub fn gamma(x: f64) -> f64 {
        if x.is_nan() || (x <= 0.0 && x.fract() == 0.0) {
            return f64::NAN;
        }
        if x > 0.0 {
            if x.fract() == 0.0 {
                return factorial(x - 1.0);
            }
            if x > 171.7 {
                return f64::INFINITY;
            }
            return ln_gamma(x).exp();
        }
        // Reflection for negative non-integers.
        let s = (PI * x).sin();
        let g = gamma(1.0 - x);
        if g.is_infinite() {
            return 0.0;
        }
        PI / (s * g)
    }

    /// ln B(a, b). When an argument is large, the plain difference of three ln Gamma values
    /// would cancel catastrophically, so Stirling's forms are combined analytically first.
    pub fn ln_beta(a: f64, b: f64) -> f64 {
        let (small, large) = if a < b { (a, b) } else { (b, a) };
        if large < 10.0 {
            return ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
        }
        if small >= 10.0 {
            let s = a + b;
            return LN_SQRT_2PI + (a - 0.5) * (a / s).ln() + (b - 0.5) * (b / s).ln()
                - 0.5 * s.ln()
                + stirling_tail(a)
                + stirling_tail(b)
                - stirling_tail(s);
        }
        // ln Gamma(large) - ln Gamma(large + small) from Stirling's series.
        let s = large + small;
        let ratio = -(large - 0.5) * (small / large).ln_1p() - small * s.ln()
            + small
            + stirling_tail(large)
            - stirling_tail(s);
        ln_gamma(small) + ratio
    }

    /// ln(1+t) - t, accurate for small t.
    fn ln1p_minus(t: f64) -> f64 {
        if t.abs() < 0.25 {
            // -t^2/2 + t^3/3 - ...
            let mut term = t;
            let mut sum = 0.0;
            for k in 2..200 {
                term *= -t;
                let add = term / k as f64;
                sum += add;
                if add.abs() <= EPS * sum.abs() {
                    break;
                }
            }
            return sum;
        }
        t.ln_1p() - t
    }

    /// ln(x^a e^-x / Gamma(a)), the prefactor of the incomplete gamma functions, computed so
    /// that large a does not cancel catastrophically.
    fn ln_gamma_prefix(a: f64, x: f64) -> f64 {
        if a >= 10.0 {
            let t = (x - a) / a;
            return a * ln1p_minus(t) + 0.5 * a.ln() - LN_SQRT_2PI - stirling_tail(a);
        }
        a * x.ln() - x - ln_gamma(a)
    }

    /// The regularized incomplete gamma functions (P, Q) = (lower, upper), each computed
    /// directly where it is the smaller one so that tails keep their relative accuracy.
    pub fn gamma_pq(a: f64, x: f64) -> (f64, f64) {
        if x.is_nan() || a.is_nan() || a <= 0.0 {
            return (f64::NAN, f64::NAN);
        }
        if x <= 0.0 {
            return (0.0, 1.0);
        }
        if x.is_infinite() {
            return (1.0, 0.0);
        }
        let prefix = ln_gamma_prefix(a, x).exp();
        if x < a + 1.0 {
            // Series: P = prefix * sum_{n>=0} x^n / (a (a+1) ... (a+n)).
            let mut ap = a;
            let mut term = 1.0 / a;
            let mut sum = term;
            for _ in 0..MAX_ITER {
                ap += 1.0;
                term *= x / ap;
                sum += term;
                if term.abs() < sum.abs() * EPS {
                    break;
                }
            }
            let p = (prefix * sum).min(1.0);
            (p, 1.0 - p)
        } else {
            // Continued fraction for Q (modified Lentz).
            let mut b = x + 1.0 - a;
            let mut c = 1.0 / TINY;
            let mut d = 1.0 / b;
            let mut h = d;
            for i in 1..MAX_ITER {
                let an = -(i as f64) * (i as f64 - a);
                b += 2.0;
                d = an * d + b;
                if d.abs() < TINY {
                    d = TINY;
                }
                c = b + an / c;
                if c.abs() < TINY {
                    c = TINY;
                }
                d = 1.0 / d;
                let del = d * c;
                h *= del;
                if (del - 1.0).abs() < EPS {
                    break;
                }
            }
            let q = (prefix * h).min(1.0);
            (1.0 - q, q)
        }
    }

    pub use super::super::erf::{erf, erfc};

    /// The standard normal density.
    pub fn norm_pdf(z: f64) -> f64 {
        (-0.5 * z * z).exp() / SQRT_2PI
    }

    /// The standard normal distribution function.
    pub fn norm_cdf(z: f64) -> f64 {
        0.5 * erfc(-z / SQRT_2)
    }

    /// The inverse of the standard normal distribution function, for 0 < p < 1: Acklam's
    /// rational approximation (relative error 1.15e-9) polished by two Halley steps on the
    /// accurate erfc, which brings it to full double precision.
    pub fn norm_inv(p: f64) -> f64 {
        if !(p > 0.0 && p < 1.0) {
            return f64::NAN;
        }
        const A: [f64; 6] = [
            -3.969_683_028_665_376e1,
            2.209_460_984_245_205e2,
            -2.759_285_104_469_687e2,
            1.383_577_518_672_69e2,
            -3.066_479_806_614_716e1,
            2.506_628_277_459_239,
        ];
        const B: [f64; 5] = [
            -5.447_609_879_822_406e1,
            1.615_858_368_580_409e2,
            -1.556_989_798_598_866e2,
            6.680_131_188_771_972e1,
            -1.328_068_155_288_572e1,
        ];
        const C: [f64; 6] = [
            -7.784_894_002_430_293e-3,
            -3.223_964_580_411_365e-1,
            -2.400_758_277_161_838,
            -2.549_732_539_343_734,
            4.374_664_141_464_968,
            2.938_163_982_698_783,
        ];
        const D: [f64; 4] = [
            7.784_695_709_041_462e-3,
            3.224_671_290_700_398e-1,
            2.445_134_137_142_996,
            3.754_408_661_907_416,
        ];
        const P_LOW: f64 = 0.024_25;
        let tail = |q: f64| {
            (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
        };
        let mut x = if p < P_LOW {
            tail((-2.0 * p.ln()).sqrt())
        } else if p <= 1.0 - P_LOW {
            let q = p - 0.5;
            let r = q * q;
            (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
        } else {
            -tail((-2.0 * (1.0 - p).ln()).sqrt())
        };
        for _ in 0..2 {
            // Work in the smaller tail so the residual keeps its relative precision.
            let e = if x < 0.0 {
                norm_cdf(x) - p
            } else {
                (1.0 - p) - norm_cdf(-x)
            };
            let u = e * SQRT_2PI * (0.5 * x * x).exp();
            x -= u / (1.0 + 0.5 * x * u);
        }
        x
    }

    /// The regularized incomplete beta function as the pair (I_x(a,b), 1 - I_x(a,b)), where
    /// y = 1 - x is passed separately so that callers that know it exactly keep the precision.
    pub fn beta_pq(a: f64, b: f64, x: f64, y: f64) -> (f64, f64) {
        if a.is_nan() || b.is_nan() || x.is_nan() || a <= 0.0 || b <= 0.0 {
            return (f64::NAN, f64::NAN);
        }
        if x <= 0.0 {
            return (0.0, 1.0);
        }
        if y <= 0.0 {
            return (1.0, 0.0);
        }
        // ln x and ln y from whichever of x, y is small, so that 1 - p keeps its precision.
        let ln_x = if x > 0.5 { (-y).ln_1p() } else { x.ln() };
        let ln_y = if y > 0.5 { (-x).ln_1p() } else { y.ln() };
        let ln_front = a * ln_x + b * ln_y - ln_beta(a, b);
        if x < (a + 1.0) / (a + b + 2.0) {
            let p = (ln_front.exp() * beta_cf(a, b, x, y) / a).min(1.0);
            (p, 1.0 - p)
        } else {
            let q = (ln_front.exp() * beta_cf(b, a, y, x) / b).min(1.0);
            (1.0 - q, q)
        }
    }

    /// The continued fraction of the incomplete beta function (modified Lentz).
    fn beta_cf(a: f64, b: f64, x: f64, _y: f64) -> f64 {
        let qab = a + b;
        let qap = a + 1.0;
        let qam = a - 1.0;
        let mut c = 1.0;
        let mut d = 1.0 - qab * x / qap;
        if d.abs() < TINY {
            d = TINY;
        }
        d = 1.0 / d;
        let mut h = d;
        for m in 1..MAX_ITER {
            let m = m as f64;
            let m2 = 2.0 * m;
            let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
            let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < EPS {
                break;
            }
        }
        h
    }

    /// ln C(n, k) for real n >= k >= 0, as -ln(n + 1) - ln B(n - k + 1, k + 1) (accurate even
    /// when n is large).
    pub fn ln_choose(n: f64, k: f64) -> f64 {
        if k == 0.0 || k == n {
            return 0.0;
        }
        -(n + 1.0).ln() - ln_beta(n - k + 1.0, k + 1.0)
    }

    /// Solves f(x) = 0 for an increasing function f on [lo, hi] (f(lo) <= 0 <= f(hi)) by
    /// Newton steps (derivative `df`) that fall back to bisection whenever they leave the
    /// bracket; `x` is the first guess. Stops at full precision or after 500 steps.
    pub fn solve_increasing(
        f: &dyn Fn(f64) -> f64,
        df: &dyn Fn(f64) -> f64,
        mut lo: f64,
        mut hi: f64,
        mut x: f64,
    ) -> f64 {
        if !(lo <= x && x <= hi) {
            x = bisect_point(lo, hi);
        }
        for _ in 0..500 {
            let fx = f(x);
            if fx == 0.0 {
                return x;
            }
            if fx < 0.0 {
                lo = x;
            } else {
                hi = x;
            }
            if hi - lo <= 4.0 * f64::EPSILON * x.abs().max(f64::MIN_POSITIVE) {
                break;
            }
            let slope = df(x);
            let newton = x - fx / slope;
            let next = if slope > 0.0 && newton.is_finite() && newton > lo && newton < hi {
                newton
            } else {
                bisect_point(lo, hi)
            };
            if (next - x).abs() <= 2.0 * f64::EPSILON * x.abs() {
                return next;
            }
            x = next;
        }
        x
    }

    /// The middle of a bracket: geometric when it spans orders of magnitude above zero.
    fn bisect_point(lo: f64, hi: f64) -> f64 {
        if lo > 0.0 && hi > 8.0 * lo {
            (lo * hi).sqrt()
        } else if lo == 0.0 && hi > 1.0 {
            // Approach zero geometrically from a large upper bound.
            hi / 8.0
        } else {
            0.5 * (lo + hi)
        }
    }

    /// An upper end `hi` >= start with f(hi) >= 0 for an increasing f, found by doubling;
    /// None if even 1e300 is too small.
    pub fn bracket_above(f: &dyn Fn(f64) -> f64, start: f64) -> Option<f64> {
        let mut hi = start.max(1.0);
        for _ in 0..2000 {
            if f(hi) >= 0.0 {
                return Some(hi);
            }
            hi *= 2.0;
            if !hi.is_finite() {
                return None;
            }
        }
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::super::args::{scalar, Area, Array, EvalContext, Operand, SheetId};
    use super::super::testing::*;
    use super::super::EagerFn;
    use super::{
        aggregate, countblank, countif, frequency, growth, linest, logest, mode_mult, subtotal,
        trend,
    };
    use crate::formula::{self, AreaKind, CellPos, Item, UnaryOp};
    use crate::numeric;
    use crate::value::{ErrorKind, Value};

    /// A value written the way the tables below write cells: empty, a number, TRUE/FALSE, an
    /// error literal, or text (a leading `'` forces text).
    fn cell(token: &str) -> Value {
        if token.is_empty() {
            return Value::Empty;
        }
        if let Some(text) = token.strip_prefix('\'') {
            return Value::text(text.replace('¦', "|"));
        }
        if let Some(e) = ErrorKind::parse(token) {
            return Value::Error(e);
        }
        match token {
            "TRUE" => return Value::Bool(true),
            "FALSE" => return Value::Bool(false),
            _ => {}
        }
        if let Ok(d) = Decimal::from_str(token) {
            return Value::Number(d);
        }
        match token.parse::<f64>() {
            Ok(x) => numeric::from_f64(x).map_or(Value::Error(ErrorKind::Num), Value::Number),
            Err(_) => Value::text(token),
        }
    }

    /// A grid from rows of cells: ("C4", "0|0.1||TRUE") fills C4, D4, E4 (left empty), F4.
    pub(crate) fn sheet(rows: &[(&str, &str)]) -> TestGrid {
        let mut g = TestGrid::new();
        for (start, line) in rows {
            let Some(first) = CellPos::parse_a1(start) else {
                panic!("bad address {start}");
            };
            for (i, token) in line.split('|').enumerate() {
                let pos = CellPos::new(first.row, first.col + i as u32);
                let v = cell(token);
                if !v.is_empty() {
                    g.set(&pos.to_string(), v);
                }
            }
        }
        g
    }

    /// Evaluates a formula made of literals, references to Sheet1, unary minus and calls (the
    /// shape of the corpus formulas these tests replay), returning its top-left value.
    fn eval(g: &TestGrid, text: &str) -> Value {
        let parsed = match formula::parse(text) {
            Ok(f) => f,
            Err(e) => panic!("{text}: {e}"),
        };
        let mut stack: Vec<Operand> = Vec::new();
        for item in &parsed.items {
            let op = match item {
                Item::Number(n) => Operand::Value(Value::Number(*n)),
                Item::Text(t) => Operand::Value(Value::Text(t.clone())),
                Item::Bool(b) => Operand::Value(Value::Bool(*b)),
                Item::Error(e) => Operand::Value(Value::Error(*e)),
                Item::Array(a) => Operand::from(Array::new(a.rows, a.cols, a.values.clone())),
                Item::Cell(c) => Operand::Ref(Area::cell(SheetId(0), c.row.index, c.col.index)),
                Item::Area(a) if a.kind == AreaKind::Cells => Operand::Ref(Area {
                    sheet: SheetId(0),
                    top: a.top.index.min(a.bottom.index),
                    left: a.left.index.min(a.right.index),
                    bottom: a.top.index.max(a.bottom.index),
                    right: a.left.index.max(a.right.index),
                }),
                Item::Missing => Operand::Value(Value::Empty),
                Item::Paren => continue,
                Item::Unary(op) => {
                    let v = stack.pop().map(|o| scalar(&o, g)).unwrap_or(Value::Empty);
                    let negate = *op == UnaryOp::Minus;
                    Operand::Value(match v.to_number() {
                        Ok(n) if negate => Value::Number(-n),
                        Ok(n) => Value::Number(n),
                        Err(e) => Value::Error(e),
                    })
                }
                Item::Call { name, argc } => {
                    let at = stack.len().saturating_sub(usize::from(*argc));
                    let args = stack.split_off(at);
                    g.call(name, &args)
                }
                other => panic!("{text}: unsupported {other:?}"),
            };
            stack.push(op);
        }
        match stack.pop() {
            Some(Operand::Array(a)) => a.values.first().cloned().unwrap_or(Value::Empty),
            Some(op) => scalar(&op, g),
            None => panic!("{text}: no value"),
        }
    }

    /// Numbers agree to 1e-9 relative (Excel computes in doubles); other values exactly.
    fn same(got: &Value, want: &Value) -> bool {
        match (got, want) {
            (Value::Number(g), Value::Number(w)) => {
                let (g, w) = (numeric::to_f64(*g), numeric::to_f64(*w));
                (g - w).abs() <= 1e-9 * w.abs() || (g - w).abs() <= 1e-12
            }
            (Value::Empty, Value::Text(t)) | (Value::Text(t), Value::Empty) => t.is_empty(),
            _ => got == want,
        }
    }

    /// Checks every (formula, expected value) pair, reporting all failures at once.
    pub(crate) fn expect(g: &TestGrid, cases: &[(&str, &str)]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(text, want)| {
                let want = cell(want);
                let got = eval(g, text);
                (!same(&got, &want)).then(|| format!("{text}: got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    // --- Hand-written checks of behaviour the corpus tables do not reach. ---------------------

    /// A grid that also knows which cells hold formulas (for SUBTOTAL's nested-subtotal rule).
    struct WithFormulas {
        grid: TestGrid,
        formulas: Vec<(&'static str, &'static str)>,
    }

    impl EvalContext for WithFormulas {
        fn cell(&self, sheet: SheetId, row: u32, col: u32) -> &Value {
            self.grid.cell(sheet, row, col)
        }
        fn for_each_in_area(&self, area: &Area, f: &mut dyn FnMut(u32, u32, &Value)) {
            self.grid.for_each_in_area(area, f)
        }
        fn clip_to_used(&self, area: &Area) -> Area {
            self.grid.clip_to_used(area)
        }
        fn current_cell(&self) -> Option<(SheetId, CellPos)> {
            None
        }
        fn sheet_by_name(&self, name: &str) -> Option<SheetId> {
            self.grid.sheet_by_name(name)
        }
        fn sheet_name(&self, sheet: SheetId) -> Option<&str> {
            self.grid.sheet_name(sheet)
        }
        fn sheet_count(&self) -> usize {
            1
        }
        fn resolve_reference_text(&self, text: &str, a1: bool) -> Operand {
            self.grid.resolve_reference_text(text, a1)
        }
        fn formula_text(&self, _: SheetId, row: u32, col: u32) -> Option<String> {
            let here = CellPos::new(row, col).to_string();
            self.formulas
                .iter()
                .find(|(at, _)| *at == here)
                .map(|(_, f)| f.to_string())
        }
        fn now_serial(&self) -> Decimal {
            Decimal::ZERO
        }
        fn random(&self) -> f64 {
            0.5
        }
    }

    #[test]
    fn subtotal_and_aggregate_skip_nested_subtotals() {
        // ClosedXML's functions-excel-2010 workbook, column C: C10 and C11 hold AGGREGATE and
        // SUBTOTAL formulas; Excel leaves them out for options 0-3 and SUBTOTAL.
        let grid = sheet(&[
            ("C1", "15"),
            ("C2", "77"),
            ("C3", "30"),
            ("C4", "28"),
            ("C5", "31"),
            ("C6", "96"),
            ("C7", "77"),
            ("C8", "53"),
            ("C9", "34"),
            ("C10", "12.545454545454545"),
            ("C11", "91"),
        ]);
        let ctx = WithFormulas {
            grid,
            formulas: vec![
                ("C10", "=_xlfn.AGGREGATE(1,4,D1:D11)"),
                ("C11", "=SUBTOTAL(4,D1:D11)"),
            ],
        };
        let range = ctx.grid.area("C1:C11");
        let call = |f: EagerFn, args: &[Operand]| scalar(&f(args, &ctx), &ctx);
        // AGGREGATE(1, 0, C1:C11) = 49, AGGREGATE(1, 4, ...) = 49.504..., COUNT with 0 = 9.
        assert!(same(
            &call(aggregate, &[num("1"), num("0"), range.clone()]),
            &n("49")
        ));
        assert!(same(
            &call(aggregate, &[num("1"), num("4"), range.clone()]),
            &cell("49.50413223140495")
        ));
        assert!(same(
            &call(aggregate, &[num("2"), num("0"), range.clone()]),
            &n("9")
        ));
        assert!(same(
            &call(aggregate, &[num("9"), num("0"), range.clone()]),
            &n("441")
        ));
        assert!(same(&call(subtotal, &[num("9"), range.clone()]), &n("441")));
        assert!(same(
            &call(subtotal, &[num("109"), range.clone()]),
            &n("441")
        ));
        assert!(same(&call(subtotal, &[num("4"), range.clone()]), &n("96")));
        assert_eq!(
            call(subtotal, &[num("12"), range.clone()]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            call(aggregate, &[num("1"), num("8"), range]),
            Value::Error(ErrorKind::Value)
        );
    }

    #[test]
    fn aggregate_ignores_errors_when_asked() {
        let g = sheet(&[("A1", "3|#DIV/0!|5|'x||#N/A")]);
        expect(
            &g,
            &[
                ("AGGREGATE(9,6,A1:F1)", "8"),
                ("AGGREGATE(9,4,A1:F1)", "#DIV/0!"),
                ("AGGREGATE(3,6,A1:F1)", "3"),
                ("AGGREGATE(14,6,A1:F1,1)", "5"),
                ("AGGREGATE(15,6,A1:F1,2)", "5"),
                ("AGGREGATE(14,6,A1:F1)", "#VALUE!"),
                ("AGGREGATE(16,6,A1:F1,0.5)", "4"),
                ("AGGREGATE(20,6,A1:F1)", "#VALUE!"),
                ("SUBTOTAL(9,A1,C1)", "8"),
                ("SUBTOTAL(1,A1:F1)", "#DIV/0!"),
            ],
        );
    }

    #[test]
    fn conditional_counts_cover_whole_columns_at_used_cost() {
        let g = sheet(&[("A1", "'x"), ("A2", "5"), ("A4", "'x"), ("B1", "1|2")]);
        let whole_a = Operand::Ref(Area {
            sheet: SheetId(0),
            top: 0,
            left: 0,
            bottom: 1_048_575,
            right: 0,
        });
        let count = |criteria: Operand| scalar(&countif(&[whole_a.clone(), criteria], &g), &g);
        assert_eq!(count(txt("x")), n("2"));
        assert_eq!(count(txt(">1")), n("1"));
        // Blank cells of the whole column count, however many rows the sheet has.
        assert_eq!(count(txt("")), n("1048573"));
        assert_eq!(count(txt("<>")), n("3"));
        assert_eq!(
            scalar(&countblank(std::slice::from_ref(&whole_a), &g), &g),
            n("1048573")
        );
        // An empty criteria cell is the number 0: it matches no blank.
        assert_eq!(count(empty()), n("0"));
    }

    #[test]
    fn conditional_aggregates_shapes_and_arrays() {
        let g = sheet(&[
            ("A1", "'a|10|1"),
            ("A2", "'b|20|2"),
            ("A3", "'a|30|3"),
            ("A4", "'c|#N/A|4"),
        ]);
        expect(
            &g,
            &[
                ("COUNTIFS(A1:A4,\"a\",C1:C4,\">1\")", "1"),
                ("COUNTIFS(A1:A4,\"a\",C1:C3,\">1\")", "#VALUE!"),
                ("AVERAGEIFS(B1:B4,A1:A4,\"a\")", "20"),
                ("AVERAGEIFS(B1:B4,A1:A4,\"c\")", "#N/A"),
                ("AVERAGEIFS(B1:B4,A1:A4,\"z\")", "#DIV/0!"),
                ("AVERAGEIF(A1:A4,\"a\",B1)", "20"),
                ("MAXIFS(B1:B4,A1:A4,\"a\")", "30"),
                ("MINIFS(B1:B4,A1:A4,\"a\",C1:C4,\">1\")", "30"),
                ("MINIFS(B1:B4,A1:A4,\"z\")", "0"),
                ("COUNTIF(A1:A4,{\"b\",\"a\"})", "1"),
            ],
        );
        let lifted = countif(&[g.area("A1:A4"), g.area("A1:A4")], &g);
        let Operand::Array(counts) = lifted else {
            panic!("COUNTIF over an array of criteria gives an array");
        };
        assert_eq!(counts.values, vec![n("2"), n("1"), n("2"), n("1")]);
    }

    #[test]
    fn array_results_have_excels_shapes() {
        let g = sheet(&[("A1", "1|2|2|3|3|4|'x")]);
        let modes = mode_mult(&[g.area("A1:G1")], &g);
        let Operand::Array(modes) = modes else {
            panic!("MODE.MULT returns an array");
        };
        assert_eq!((modes.rows, modes.cols), (2, 1));
        assert_eq!(modes.values, vec![n("2"), n("3")]);
        let bins = Operand::from(Array::new(1, 2, vec![n("3"), n("1")]));
        let freq = frequency(&[g.area("A1:G1"), bins], &g);
        let Operand::Array(freq) = freq else {
            panic!("FREQUENCY returns an array");
        };
        // Bins in their given order (3, then 1), plus the count above every bin.
        assert_eq!(freq.values, vec![n("4"), n("1"), n("1")]);
    }

    #[test]
    fn linest_statistics_match_excel() {
        // pycel's stats workbook: a quadratic fit, LINEST(y, x^{1,2}, TRUE, TRUE).
        let xs = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5];
        let ys = [
            "16.700000000000003",
            "12.1",
            "8.3",
            "5.4",
            "3.1",
            "1.7000000000000002",
            "1.1",
            "1.3",
            "2.3000000000000003",
            "4.1",
            "6.700000000000001",
            "10.1",
        ];
        let mut g = TestGrid::new();
        for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
            let row = i + 1;
            g.set(&format!("A{row}"), Value::from(*x))
                .set(&format!("B{row}"), Value::from(x * x))
                .set(&format!("C{row}"), cell(y));
        }
        let out = linest(
            &[
                g.area("C1:C12"),
                g.area("A1:B12"),
                boolean(true),
                boolean(true),
            ],
            &g,
        );
        let Operand::Array(out) = out else {
            panic!("LINEST returns an array");
        };
        assert_eq!((out.rows, out.cols), (5, 3));
        let want = [
            "0.3995754245754246",
            "-0.20217282717282734",
            "1.1124125874125879",
            "0.000840660973012326",
            "0.002702346944042465",
            "0.013283152773193276",
            "0.9999679517862108",
            "0.030711943006319794",
            "#N/A",
            "140408.94174757402",
            "9",
            "#N/A",
            "264.874010989011",
            "0.008489010989010918",
            "#N/A",
        ];
        for (got, want) in out.values.iter().zip(want) {
            assert!(same(got, &cell(want)), "got {got:?}, want {want}");
        }
        // TREND on the same fit, and GROWTH/LOGEST on an exact exponential.
        let at = Operand::from(Array::new(1, 2, vec![n("6"), n("36")]));
        let fitted = trend(&[g.area("C1:C12"), g.area("A1:B12"), at], &g);
        // Excel's coefficients above: 0.3995754... * 36 - 0.2021728... * 6 + 1.1124125...
        assert!(same(&scalar(&fitted, &g), &cell("14.28409090909091")));
        let e = sheet(&[("A1", "2|4|8|16")]);
        let growth_at_5 = growth(&[e.area("A1:D1"), empty(), num("5")], &e);
        assert!(same(&scalar(&growth_at_5, &e), &n("32")));
        let logest_out = logest(&[e.area("A1:D1")], &e);
        let Operand::Array(logest_out) = logest_out else {
            panic!("LOGEST returns an array");
        };
        assert!(same(&logest_out.values[0], &n("2")));
        assert!(same(&logest_out.values[1], &n("1")));
    }

    #[test]
    fn special_functions_are_accurate() {
        use super::special::*;
        // Reference values computed with 40-digit arithmetic (mpmath).
        let close = |got: f64, want: f64| (got - want).abs() <= 1e-13 * want.abs().max(1e-300);
        assert!(close(erf(0.5), 0.520_499_877_813_046_5));
        assert!(close(erfc(3.0), 2.209_049_699_858_544e-5));
        assert!(close(erfc(10.0), 2.088_487_583_762_545e-45));
        assert!(close(norm_cdf(-10.0), 7.619_853_024_160_527e-24));
        assert!(close(norm_inv(0.975), 1.959_963_984_540_054));
        assert!(close(norm_inv(1e-20), -9.262_340_089_798_153));
        assert!(close(ln_gamma(0.5), 0.572_364_942_924_700_1));
        assert!(close(ln_gamma(1e6 + 0.5), 12_815_511.476_902_766));
        assert!(close(gamma(-1.5), 2.363_271_801_207_355));
        assert!(close(gamma(5.5), 52.342_777_784_553_52));
    }

    #[test]
    fn extreme_arguments_finish_quickly() {
        let g = TestGrid::new();
        let started = std::time::Instant::now();
        for (f, args) in [
            ("CHISQ.INV", vec![num("0.5"), num("10000000000")]),
            (
                "CHISQ.DIST",
                vec![num("10000000000"), num("10000000000"), boolean(true)],
            ),
            (
                "GAMMA.INV",
                vec![num("0.000000001"), num("0.001"), num("1")],
            ),
            (
                "BETA.INV",
                vec![num("0.999999"), num("100000"), num("0.01")],
            ),
            ("T.INV", vec![num("0.0000000001"), num("1")]),
            ("F.INV", vec![num("0.99"), num("1"), num("1")]),
            ("BINOM.INV", vec![num("1000000000"), num("0.5"), num("0.5")]),
            (
                "BINOM.DIST",
                vec![
                    num("500000000"),
                    num("1000000000"),
                    num("0.5"),
                    boolean(true),
                ],
            ),
            (
                "POISSON.DIST",
                vec![num("1000000"), num("1000000"), boolean(true)],
            ),
        ] {
            let v = g.value(f, &args);
            assert!(
                matches!(v, Value::Number(_) | Value::Error(ErrorKind::Num)),
                "{f}: {v:?}"
            );
        }
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn aggregates_follow_excels_argument_rules() {
        let g = sheet(&[("A1", "1|'5|TRUE||2.5")]);
        expect(
            &g,
            &[
                // Text and booleans in ranges are skipped, direct ones coerced.
                ("AVERAGE(A1:E1)", "1.75"),
                ("AVERAGE(A1:E1,\"5\",TRUE)", "2.375"),
                ("AVERAGE(\"x\")", "#VALUE!"),
                ("AVERAGEA(A1:E1)", "1.125"),
                ("COUNT(A1:E1,\"5\",TRUE,\"x\",#N/A)", "4"),
                ("COUNTA(A1:E1,\"\",#N/A)", "6"),
                ("COUNTBLANK(A1:E1)", "1"),
                ("MAX(A1:E1)", "2.5"),
                ("MAXA(A1:E1)", "2.5"),
                ("MIN(A1:E1,-1)", "-1"),
                ("MINA(A1:E1)", "0"),
                ("MIN(D1)", "0"),
                ("MEDIAN(A1:E1,4)", "2.5"),
                ("STDEV(1,2,3,4)", "1.2909944487358056"),
                ("VAR.P(1,2,3,4)", "1.25"),
                ("PERMUT(10,3)", "720"),
                ("PERMUTATIONA(3,0)", "1"),
                ("PERCENTRANK.INC({1,2,3,4},2.5,2)", "0.5"),
                ("PERCENTRANK.INC({1,2,3,4},2.2)", "0.4"),
                ("PERCENTRANK.INC({1,2,3,4},5)", "#N/A"),
                ("PERCENTRANK.INC({1,2,3,4},2,0)", "#NUM!"),
                ("RANK.EQ(2.5,A1:E1)", "1"),
                ("RANK.AVG(1,{1,1,2},1)", "1.5"),
            ],
        );
    }

    /// Checks values as Excel's documentation prints them: rounded to the digits shown.
    fn expect_rounded(g: &TestGrid, cases: &[(&str, &str)]) {
        for (text, want) in cases {
            let decimals = want.split_once('.').map_or(0, |(_, f)| f.len());
            let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) * 1.000_001;
            let got = match eval(g, text) {
                Value::Number(n) => numeric::to_f64(n),
                other => panic!("{text}: got {other:?}"),
            };
            let want: f64 = want.parse().unwrap_or(f64::NAN);
            assert!(
                (got - want).abs() <= tolerance,
                "{text}: got {got}, want {want}"
            );
        }
    }

    #[test]
    fn distribution_examples_from_excels_documentation() {
        expect_rounded(
            &TestGrid::new(),
            &[
                ("EXPON.DIST(0.2,10,TRUE)", "0.86466472"),
                ("EXPON.DIST(0.2,10,FALSE)", "1.35335283"),
                ("CONFIDENCE.NORM(0.05,2.5,50)", "0.692952"),
                ("CONFIDENCE.T(0.05,1,50)", "0.284196855"),
                ("GAMMA.INV(0.068094,9,2)", "10.0000112"),
                ("CHISQ.INV.RT(0.050001,10)", "18.306973"),
                ("T.INV.2T(0.546449,60)", "0.606533"),
                ("F.INV.RT(0.01,6,4)", "15.20686"),
                ("BETA.INV(0.685470581,8,10,1,3)", "2"),
                ("LOGNORM.INV(0.039084,3.5,1.2)", "4.0000252"),
                ("WEIBULL.DIST(105,20,100,TRUE)", "0.929581"),
                ("WEIBULL.DIST(105,20,100,FALSE)", "0.035589"),
                ("HYPGEOM.DIST(1,4,8,20,TRUE)", "0.4654"),
                ("HYPGEOM.DIST(1,4,8,20,FALSE)", "0.3633"),
                ("NEGBINOM.DIST(10,5,0.25,TRUE)", "0.3135141"),
                ("NEGBINOM.DIST(10,5,0.25,FALSE)", "0.0550487"),
                ("POISSON.DIST(2,5,TRUE)", "0.124652"),
                ("POISSON.DIST(2,5,FALSE)", "0.084224"),
                ("BINOM.DIST(6,10,0.5,FALSE)", "0.2050781"),
                ("NORM.DIST(42,40,1.5,TRUE)", "0.9087888"),
                ("NORM.INV(0.908789,40,1.5)", "42.000002"),
                ("NORM.S.INV(0.908789)", "1.3333347"),
                ("T.DIST(60,1,TRUE)", "0.99469533"),
                ("T.DIST.2T(1.959999998,60)", "0.054644930"),
                ("F.DIST(15.2069,6,4,TRUE)", "0.99"),
                ("CHISQ.DIST(0.5,1,TRUE)", "0.52049988"),
                ("GAMMA.DIST(10.00001131,9,2,TRUE)", "0.068094"),
                ("BETA.DIST(2,8,10,TRUE,1,3)", "0.6854706"),
                ("GAMMALN.PRECISE(4)", "1.7917595"),
                ("FISHER(0.75)", "0.9729551"),
                ("PHI(0.75)", "0.3011374"),
                ("GAUSS(2)", "0.47724987"),
                ("SKEW.P(3,4,5,2,3,4,5,6,4,7)", "0.303193"),
                ("SKEW(3,4,5,2,3,4,5,6,4,7)", "0.359543"),
                ("KURT(3,4,5,2,3,4,5,6,4,7)", "-0.151799637"),
            ],
        );
    }

    #[test]
    fn examples_from_excels_documentation() {
        let g = sheet(&[
            ("A1", "13|12|11|8|4|3|2|1|1|1"),
            ("A2", "1|2|3|6|6|6|7|8|9"),
            ("A3", "3|4|5|2|3|4|5|6|4|7"),
        ]);
        expect(
            &g,
            &[
                ("PERCENTRANK.INC(A1:J1,2)", "0.333"),
                ("PERCENTRANK.INC(A1:J1,4)", "0.555"),
                ("PERCENTRANK.INC(A1:J1,8)", "0.666"),
                ("PERCENTRANK.INC(A1:J1,5)", "0.583"),
                ("PERCENTRANK.EXC(A2:I2,7)", "0.7"),
                ("PERCENTRANK.EXC(A2:I2,5.43)", "0.381"),
                ("PERCENTRANK.EXC(A2:I2,5.43,1)", "0.3"),
                ("LARGE(A3:J3,3)", "5"),
                ("LARGE(A3:J3,7)", "4"),
                ("SMALL(A3:J3,4)", "4"),
            ],
        );
    }

    /// AVEDEV: the `formulas` test workbook (row 3), values computed by Excel.
    #[test]
    fn avedev_edge_cases() {
        let g = sheet(&[
            ("C3", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.08333333333333333"),
        ]);
        expect(
            &g,
            &[
                ("AVEDEV(C3:D3,D3:E3,E3:F3)", "0.08333333333333333"),
                ("AVEDEV(D3:E3,E3:F3,F3:G3,\"\")", "#VALUE!"),
                ("AVEDEV(G3:H3)", "0"),
                ("AVEDEV(J3,G3)", "0"),
                ("AVEDEV(K3:L3)", "#VALUE!"),
                ("AVEDEV(L3:M3)", "#N/A"),
                ("AVEDEV(M3:N3)", "#DIV/0!"),
                ("AVEDEV(N3:O3)", "#NAME?"),
                ("AVEDEV(O3:P3)", "#NULL!"),
                ("AVEDEV(P3:Q3)", "#NUM!"),
                ("AVEDEV(Q3:R3)", "#REF!"),
            ],
        );
    }

    /// AVERAGE: the `formulas` test workbook (row 4), values computed by Excel.
    #[test]
    fn average_edge_cases() {
        let g = sheet(&[
            ("C4", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.15000000000000002"),
        ]);
        expect(
            &g,
            &[
                ("AVERAGE(C4:D4,D4:E4,E4:F4)", "0.15000000000000002"),
                ("AVERAGE(D4:E4,E4:F4,F4:G4,\"\")", "#VALUE!"),
                ("AVERAGE(G4:H4)", "-0.1"),
                ("AVERAGE(J4,G4)", "-0.1"),
                ("AVERAGE(K4:L4)", "#VALUE!"),
                ("AVERAGE(L4:M4)", "#N/A"),
                ("AVERAGE(M4:N4)", "#DIV/0!"),
                ("AVERAGE(N4:O4)", "#NAME?"),
                ("AVERAGE(O4:P4)", "#NULL!"),
                ("AVERAGE(P4:Q4)", "#NUM!"),
                ("AVERAGE(Q4:R4)", "#REF!"),
                ("AVERAGE(J4:Q4)", "#VALUE!"),
            ],
        );
    }

    /// AVERAGEA: the `formulas` test workbook (row 5), values computed by Excel.
    #[test]
    fn averagea_edge_cases() {
        let g = sheet(&[
            ("H4", ""),
            ("C5", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.15000000000000002"),
        ]);
        expect(
            &g,
            &[
                ("AVERAGEA(C5:D5,D5:E5,E5:F5)", "0.15000000000000002"),
                ("AVERAGEA(D5:E5,E5:F5,F5:G5,\"\")", "#VALUE!"),
                ("AVERAGEA(H4:H5)", "#DIV/0!"),
                ("AVERAGEA(K5:L5)", "#VALUE!"),
                ("AVERAGEA(L5:M5)", "#N/A"),
                ("AVERAGEA(M5:N5)", "#DIV/0!"),
                ("AVERAGEA(N5:O5)", "#NAME?"),
                ("AVERAGEA(O5:P5)", "#NULL!"),
                ("AVERAGEA(P5:Q5)", "#NUM!"),
                ("AVERAGEA(Q5:R5)", "#REF!"),
                ("AVERAGEA(J5:Q5)", "#VALUE!"),
            ],
        );
    }

    /// AVERAGEIF: the `formulas` test workbook (row 6), values computed by Excel.
    #[test]
    fn averageif_edge_cases() {
        let g = sheet(&[(
            "C6",
            "1|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|6.15",
        )]);
        expect(
            &g,
            &[
                ("AVERAGEIF(C6:D6,1,E6:F6)", "6.15"),
                ("AVERAGEIF(D6:E6,\"1\",F6:G6)", "10"),
                ("AVERAGEIF(E6:F6,\">1\",G6:H6)", "-1"),
                ("AVERAGEIF(F6:G6,\"<>-1\",G6:H6)", "-1"),
                ("AVERAGEIF(G6:H6,1,I6:J6)", "#DIV/0!"),
                ("AVERAGEIF(H6:I6,H6,D6:E6)", "#DIV/0!"),
                ("AVERAGEIF(I6:J6,I6,E6:F6)", "2.3"),
                ("AVERAGEIF(I6:J6,\"<=TRUE\",F6:G6)", "-1"),
                ("AVERAGEIF(I6:J6,I6,K6:L6)", "#VALUE!"),
                ("AVERAGEIF(J6:K6,J6,L6:M6)", "#N/A"),
                ("AVERAGEIF(K6:L6,K6,M6:N6)", "#DIV/0!"),
                ("AVERAGEIF(L6:M6,L6,N6:O6)", "#NAME?"),
                ("AVERAGEIF(M6:N6,M6,O6:P6)", "#NULL!"),
                ("AVERAGEIF(N6:O6,N6,P6:Q6)", "#NUM!"),
                ("AVERAGEIF(O6:P6,O6,Q6:R6)", "#REF!"),
                ("AVERAGEIF(D6:H6,{1,\">3\"},E6:I6)", "2.3"),
                (
                    "AVERAGEIF(F6:J6,{\"*ao\",\"\",\"TRUE\",TRUE,\"*a?\"},C6:G6)",
                    "10",
                ),
            ],
        );
    }

    /// AVERAGEIFS: the `formulas` test workbook (row 7), values computed by Excel.
    #[test]
    fn averageifs_edge_cases() {
        let g = sheet(&[(
            "C7",
            "1|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|2.3",
        )]);
        expect(
            &g,
            &[
                ("AVERAGEIFS(E7:F7, C7:D7,1,E7:F7,2.3)", "2.3"),
                ("AVERAGEIFS(F7:G7,D7:E7,\"1\")", "10"),
                ("AVERAGEIFS(G7:H7, E7:F7,\">1\")", "-1"),
                ("AVERAGEIFS(G7:H7,F7:G7,\"<>-1\")", "-1"),
                ("AVERAGEIFS(I7:J7,G7:H7,1)", "#DIV/0!"),
                ("AVERAGEIFS(D7:E7,H7:I7,H7)", "#DIV/0!"),
                ("AVERAGEIFS(E7:F7,I7:J7,I7)", "2.3"),
                ("AVERAGEIFS(F7:G7,I7:J7,\"<=TRUE\")", "-1"),
                ("AVERAGEIFS(K7:L7,I7:J7,I7)", "#VALUE!"),
                ("AVERAGEIFS(L7:M7,J7:K7,J7)", "#N/A"),
                ("AVERAGEIFS(M7:N7,K7:L7,K7)", "#DIV/0!"),
                ("AVERAGEIFS(N7:O7,L7:M7,L7)", "#NAME?"),
                ("AVERAGEIFS(O7:P7,M7:N7,M7)", "#NULL!"),
                ("AVERAGEIFS(P7:Q7,N7:O7,N7)", "#NUM!"),
                ("AVERAGEIFS(Q7:R7,O7:P7,O7)", "#REF!"),
                ("AVERAGEIFS(E7:I7,D7:H7,{1,\">3\"}, C7:F7,{0,1})", "#VALUE!"),
                (
                    "AVERAGEIFS(C7:G7,F7:J7,{\"*ao\",\"\",\"TRUE\",TRUE,\"*a?\"})",
                    "10",
                ),
            ],
        );
    }

    /// BETA.DIST: the `formulas` test workbook (row 8), values computed by Excel.
    #[test]
    fn beta_dist_edge_cases() {
        let g = sheet(&[(
            "C8",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("BETA.DIST(C8,,,)", "#NUM!"),
                ("BETA.DIST(D8,1,2,FALSE)", "#NUM!"),
                ("BETA.DIST(E8,\"1\",\"3\",5, 0.5, 5)", "0.12749519890260627"),
                ("BETA.DIST(F8,-1,2,\"TRUE\")", "#NUM!"),
                ("BETA.DIST(G8, 0,0,1)", "#NUM!"),
                ("BETA.DIST(H8,H8,G8,1)", "#NUM!"),
                ("BETA.DIST(L8,J8,H8,1)", "#N/A"),
                ("BETA.DIST(N8,L8,J8,1)", "#NAME?"),
                ("BETA.DIST(O8,M8,K8,1)", "#NULL!"),
                ("BETA.DIST(P8,N8,L8,1)", "#NUM!"),
                ("BETA.DIST(Q8,O8,M8,1)", "#REF!"),
            ],
        );
    }

    /// BETA.INV: the `formulas` test workbook (row 9), values computed by Excel.
    #[test]
    fn beta_inv_edge_cases() {
        let g = sheet(&[(
            "C9",
            "0|0.1|0.7|0.002|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?||#NUM!",
        )]);
        expect(
            &g,
            &[
                ("BETA.INV(C9,4,4)", "#NUM!"),
                ("BETA.INV(D9,2,2)", "0.19580010565909176"),
                ("BETA.INV(0.4,2,E9)", "0.7332922921466927"),
                ("BETA.INV(F9,4,3)", "0.11264101251174523"),
                ("BETA.INV(G9,D9,E9)", "#NUM!"),
                ("BETA.INV(H9,3,2)", "#NUM!"),
                ("BETA.INV(0.3,J9,2)", "0.16333997346592444"),
                ("BETA.INV(K9,C9,E9)", "#VALUE!"),
                ("BETA.INV(L9,D9,F9)", "#N/A"),
                ("BETA.INV(M9,E9,G9)", "#DIV/0!"),
                ("BETA.INV(N9,F9,H9)", "#NAME?"),
                ("BETA.INV(P9,H9,J9)", "#NUM!"),
            ],
        );
    }

    /// BINOM.DIST: the `formulas` test workbook (row 10), values computed by Excel.
    #[test]
    fn binom_dist_edge_cases() {
        let g = sheet(&[(
            "C10",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("BINOM.DIST(C10,,,)", "1"),
                ("BINOM.DIST(D10,10,0.2,FALSE)", "0.026424115200000015"),
                ("BINOM.DIST(E10,\"1\",\".3\",5)", "0.7"),
                ("BINOM.DIST(F10,-1,0.2,\"TRUE\")", "#NUM!"),
                ("BINOM.DIST(G10, 7,0.4,1)", "0.903744"),
                ("BINOM.DIST(L10,J10,H10,1)", "#N/A"),
                ("BINOM.DIST(N10,L10,J10,1)", "#NAME?"),
                ("BINOM.DIST(O10,M10,K10,1)", "#NULL!"),
                ("BINOM.DIST(P10,N10,L10,1)", "#NUM!"),
                ("BINOM.DIST(Q10,O10,M10,1)", "#REF!"),
            ],
        );
    }

    /// BINOM.DIST.RANGE: the `formulas` test workbook (row 11), values computed by Excel.
    #[test]
    fn binom_dist_range_edge_cases() {
        let g = sheet(&[(
            "C11",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("BINOM.DIST.RANGE(C11,,,)", "1"),
                ("BINOM.DIST.RANGE(D11,0.1,0.2,FALSE)", "0.59049"),
                ("BINOM.DIST.RANGE(E11,\".1\",\".3\",0.5)", "1"),
                ("BINOM.DIST.RANGE(F11,-1,0.2,\"TRUE\")", "#VALUE!"),
                ("BINOM.DIST.RANGE(G11, 0.7,0.4,1)", "0.08370000000000002"),
                ("BINOM.DIST.RANGE(L11,J11,H11,1)", "#N/A"),
                ("BINOM.DIST.RANGE(N11,L11,J11,1)", "#NAME?"),
                ("BINOM.DIST.RANGE(O11,M11,K11,1)", "#NULL!"),
                ("BINOM.DIST.RANGE(P11,N11,L11,1)", "#NUM!"),
                ("BINOM.DIST.RANGE(Q11,O11,M11,1)", "#REF!"),
            ],
        );
    }

    /// BINOM.INV: the `formulas` test workbook (row 12), values computed by Excel.
    #[test]
    fn binom_inv_edge_cases() {
        let g = sheet(&[(
            "C12",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?||#NUM!",
        )]);
        expect(
            &g,
            &[
                ("BINOM.INV(C12,0.4,0.4)", "4"),
                ("BINOM.INV(D12,0.9,0.9)", "0"),
                ("BINOM.INV(4,0.2,E12)", "1"),
                ("BINOM.INV(F12,0.4,0.3)", "37"),
                ("BINOM.INV(G12,D12,E12)", "1"),
                ("BINOM.INV(H12,0.3,0.2)", "0"),
                ("BINOM.INV(0.3,J12,2)", "#NUM!"),
                ("BINOM.INV(K12,C12,E12)", "#VALUE!"),
                ("BINOM.INV(L12,D12,F12)", "#N/A"),
                ("BINOM.INV(M12,E12,G12)", "#DIV/0!"),
                ("BINOM.INV(N12,F12,H12)", "#NAME?"),
                ("BINOM.INV(P12,H12,J12)", "#NUM!"),
            ],
        );
    }

    /// CHISQ.DIST: the `formulas` test workbook (row 13), values computed by Excel.
    #[test]
    fn chisq_dist_edge_cases() {
        let g = sheet(&[(
            "C13",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("CHISQ.DIST(C13,,)", "#NUM!"),
                ("CHISQ.DIST(D13,10,FALSE)", "0.06680094289054264"),
                ("CHISQ.DIST(E13,\"1\",5)", "0.5972163057535242"),
                ("CHISQ.DIST(F13,-1,\"TRUE\")", "#NUM!"),
                ("CHISQ.DIST(G13, 7,1)", "0.22022259152428414"),
                ("CHISQ.DIST(H13,H13,1)", "#NUM!"),
                ("CHISQ.DIST(L13,J13,1)", "#N/A"),
                ("CHISQ.DIST(M13,K13,1)", "#DIV/0!"),
                ("CHISQ.DIST(N13,L13,1)", "#NAME?"),
                ("CHISQ.DIST(O13,M13,1)", "#NULL!"),
                ("CHISQ.DIST(P13,N13,1)", "#NUM!"),
                ("CHISQ.DIST(Q13,O13,1)", "#REF!"),
            ],
        );
    }

    /// CHISQ.DIST.RT: the `formulas` test workbook (row 14), values computed by Excel.
    #[test]
    fn chisq_dist_rt_edge_cases() {
        let g = sheet(&[(
            "C14",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("CHISQ.DIST.RT(C14,)", "#NUM!"),
                ("CHISQ.DIST.RT(D14,10)", "0.8911780189141513"),
                ("CHISQ.DIST.RT(E14,\"1\")", "0.4027836942464757"),
                ("CHISQ.DIST.RT(F14,-1)", "#NUM!"),
                ("CHISQ.DIST.RT(G14, 7)", "0.7797774084757159"),
                ("CHISQ.DIST.RT(H14,H14)", "#NUM!"),
                ("CHISQ.DIST.RT(L14,J14)", "#N/A"),
                ("CHISQ.DIST.RT(M14,K14)", "#DIV/0!"),
                ("CHISQ.DIST.RT(N14,L14)", "#NAME?"),
                ("CHISQ.DIST.RT(O14,M14)", "#NULL!"),
                ("CHISQ.DIST.RT(P14,N14)", "#NUM!"),
                ("CHISQ.DIST.RT(Q14,O14)", "#REF!"),
            ],
        );
    }

    /// CHISQ.INV: the `formulas` test workbook (row 15), values computed by Excel.
    #[test]
    fn chisq_inv_edge_cases() {
        let g = sheet(&[(
            "C15",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("CHISQ.INV(C15,0.4)", "#NUM!"),
                ("CHISQ.INV(D15,9)", "4.168159008146107"),
                ("CHISQ.INV(0.4,E15)", "#NUM!"),
                ("CHISQ.INV(0.01, F15)", "70.0648949253998"),
                ("CHISQ.INV(D15,G15)", "1.0636232167792241"),
                ("CHISQ.INV(H15,3)", "0"),
                ("CHISQ.INV(0.3,J15)", "0.1484718618325454"),
                ("CHISQ.INV(K15,C15)", "#VALUE!"),
                ("CHISQ.INV(L15,D15)", "#N/A"),
                ("CHISQ.INV(M15,E15)", "#DIV/0!"),
                ("CHISQ.INV(N15,F15)", "#NAME?"),
                ("CHISQ.INV(O15,G15)", "#NULL!"),
                ("CHISQ.INV(P15,H15)", "#NUM!"),
            ],
        );
    }

    /// CHISQ.INV.RT: the `formulas` test workbook (row 16), values computed by Excel.
    #[test]
    fn chisq_inv_rt_edge_cases() {
        let g = sheet(&[(
            "C16",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("CHISQ.INV.RT(C16,0.4)", "#NUM!"),
                ("CHISQ.INV.RT(D16,9)", "14.683656573259835"),
                ("CHISQ.INV.RT(0.4,E16)", "#NUM!"),
                ("CHISQ.INV.RT(0.01, F16)", "135.8067231710268"),
                ("CHISQ.INV.RT(D16,G16)", "7.779440339734858"),
                ("CHISQ.INV.RT(H16,3)", "#NUM!"),
                ("CHISQ.INV.RT(0.3,J16)", "1.0741941708575857"),
                ("CHISQ.INV.RT(K16,C16)", "#VALUE!"),
                ("CHISQ.INV.RT(L16,D16)", "#N/A"),
                ("CHISQ.INV.RT(M16,E16)", "#DIV/0!"),
                ("CHISQ.INV.RT(N16,F16)", "#NAME?"),
                ("CHISQ.INV.RT(O16,G16)", "#NULL!"),
                ("CHISQ.INV.RT(P16,H16)", "#NUM!"),
            ],
        );
    }

    /// CHISQ.TEST: the `formulas` test workbook (row 17), values computed by Excel.
    #[test]
    fn chisq_test_edge_cases() {
        let g = sheet(&[
            ("E14", "0.7"),
            ("E15", "0.7"),
            ("C16", "10|0.1|0.7|100|4"),
            ("C17", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|9.66041305483331e-58|#N/A|0.09894293606729619"),
        ]);
        expect(
            &g,
            &[
                ("CHISQ.TEST(C16:D17,E14:E17)", "9.66041305483331e-58"),
                ("CHISQ.TEST(D17:E17,E17:G17)", "#N/A"),
                ("CHISQ.TEST(E17:F17,G17:H17)", "0.09894293606729619"),
                ("CHISQ.TEST(D17,F17)", "#N/A"),
                ("CHISQ.TEST(J17:K17,L17:M17)", "#VALUE!"),
                ("CHISQ.TEST(K17:L17,M17:N17)", "#VALUE!"),
                ("CHISQ.TEST(L17:M17,N17:O17)", "#N/A"),
                ("CHISQ.TEST(M17:N17,O17:P17)", "#DIV/0!"),
                ("CHISQ.TEST(N17:O17,P17:Q17)", "#NAME?"),
                ("CHISQ.TEST(O17:P17,Q17:R17)", "#NUM!"),
                ("CHISQ.TEST(P17:Q17,R17:S17)", "#NUM!"),
                ("CHISQ.TEST(Q17:R17,S17:T17)", "#REF!"),
                ("CHISQ.TEST(C16:D17, F16:G17)", "2.925470139064717e-27"),
                ("CHISQ.TEST(D17:E17, E17:F17)", "0.0017703822336132488"),
            ],
        );
    }

    /// CONFIDENCE.NORM: the `formulas` test workbook (row 18), values computed by Excel.
    #[test]
    fn confidence_norm_edge_cases() {
        let g = sheet(&[(
            "C18",
            "0.1|0.32|0.7|0.4|0.9|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("CONFIDENCE.NORM(C18,,)", "#NUM!"),
                ("CONFIDENCE.NORM(D18,10,FALSE)", "#NUM!"),
                ("CONFIDENCE.NORM(E18,\"1\",5)", "0.17232055120184916"),
                ("CONFIDENCE.NORM(F18,-1,\"TRUE\")", "#VALUE!"),
                ("CONFIDENCE.NORM(G18, 7,1)", "0.8796294279855191"),
                ("CONFIDENCE.NORM(H18,H18,1)", "#NUM!"),
                ("CONFIDENCE.NORM(L18,J18,1)", "#N/A"),
                ("CONFIDENCE.NORM(M18,K18,1)", "#DIV/0!"),
                ("CONFIDENCE.NORM(N18,L18,1)", "#NAME?"),
                ("CONFIDENCE.NORM(O18,M18,1)", "#NULL!"),
                ("CONFIDENCE.NORM(P18,N18,1)", "#NUM!"),
                ("CONFIDENCE.NORM(Q18,O18,1)", "#REF!"),
            ],
        );
    }

    /// CONFIDENCE.T: the `formulas` test workbook (row 19), values computed by Excel.
    #[test]
    fn confidence_t_edge_cases() {
        let g = sheet(&[(
            "C19",
            "0.1|0.32|0.7|0.4|0.9|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("CONFIDENCE.T(C19,,)", "#NUM!"),
                ("CONFIDENCE.T(D19,10,3)", "7.572401854185358"),
                ("CONFIDENCE.T(E19,\"1\",5)", "0.18521944067022253"),
                ("CONFIDENCE.T(F19,-1,\"TRUE\")", "#VALUE!"),
                ("CONFIDENCE.T(G19, 7,1)", "#DIV/0!"),
                ("CONFIDENCE.T(H19,H19,1)", "#NUM!"),
                ("CONFIDENCE.T(L19,J19,1)", "#N/A"),
                ("CONFIDENCE.T(M19,K19,1)", "#DIV/0!"),
                ("CONFIDENCE.T(N19,L19,1)", "#NAME?"),
                ("CONFIDENCE.T(O19,M19,1)", "#NULL!"),
                ("CONFIDENCE.T(P19,N19,1)", "#NUM!"),
                ("CONFIDENCE.T(Q19,O19,1)", "#REF!"),
            ],
        );
    }

    /// CORREL: the `formulas` test workbook (row 20), values computed by Excel.
    #[test]
    fn correl_edge_cases() {
        let g = sheet(&[
            ("C20", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.720576692122892|-1|#DIV/0!|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("CORREL(C20:E20,E20:G20)", "-0.720576692122892"),
                ("CORREL(D20:F20,F20:H20)", "-1"),
                ("CORREL(J20:L20,L20:N20)", "#N/A"),
                ("CORREL(K20:M20,M20:O20)", "#VALUE!"),
                ("CORREL(L20:N20,N20:P20)", "#N/A"),
                ("CORREL(M20:O20,O20:Q20)", "#DIV/0!"),
                ("CORREL(N20:P20,P20:R20)", "#NAME?"),
                ("CORREL(P20:Q20,Q20:S20)", "#N/A"),
                ("CORREL(P20:R20,R20:T20)", "#NUM!"),
                ("CORREL(Q20:S20,S20:U20)", "#REF!"),
                ("CORREL(C20:E20,E20:G20)", "-0.720576692122892"),
                ("CORREL(C20:E20,E20:G20)", "-0.720576692122892"),
            ],
        );
    }

    /// COUNT: the `formulas` test workbook (row 21), values computed by Excel.
    #[test]
    fn count_edge_cases() {
        let g = sheet(&[(
            "D21",
            "0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("COUNT(D21:E21,E21:F21,F21:G21)", "6"),
                ("COUNT(E21:F21,F21:G21,G21:H21)", "5"),
                ("COUNT(H21)", "0"),
                ("COUNT(G21:H21)", "1"),
                ("COUNT(J21,H21)", "0"),
                ("COUNT(L21,J21)", "0"),
                ("COUNT(M21,K21)", "0"),
                ("COUNT(N21,L21)", "0"),
                ("COUNT(O21,M21)", "0"),
                ("COUNT(P21,N21)", "0"),
                ("COUNT(Q21,O21)", "0"),
                ("COUNT(J21:Q21)", "0"),
            ],
        );
    }

    /// COUNTA: the `formulas` test workbook (row 22), values computed by Excel.
    #[test]
    fn counta_edge_cases() {
        let g = sheet(&[(
            "D22",
            "0.1|-2|-3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("COUNTA(D22:E22,E22:F22,F22:G22)", "6"),
                ("COUNTA(E22:F22,F22:G22,G22:H22)", "5"),
                ("COUNTA(H22)", "0"),
                ("COUNTA(G22:H22)", "1"),
                ("COUNTA(J22,H22)", "1"),
                ("COUNTA(L22,J22)", "2"),
                ("COUNTA(M22,K22)", "2"),
                ("COUNTA(N22,L22)", "2"),
                ("COUNTA(O22,M22)", "2"),
                ("COUNTA(P22,N22)", "2"),
                ("COUNTA(Q22,O22)", "2"),
                ("COUNTA(J22:Q22)", "8"),
            ],
        );
    }

    /// COUNTBLANK: the `formulas` test workbook (row 23), values computed by Excel.
    #[test]
    fn countblank_edge_cases() {
        let g = sheet(&[(
            "C23",
            "0|0.1|-2|-3|4||'|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0",
        )]);
        expect(
            &g,
            &[
                ("COUNTBLANK(C23:D23)", "0"),
                ("COUNTBLANK(D23:E23)", "0"),
                ("COUNTBLANK(C23)", "0"),
                ("COUNTBLANK(F23:G23)", "0"),
                ("COUNTBLANK(G23:H23)", "1"),
                ("COUNTBLANK(H23:I23)", "2"),
                ("COUNTBLANK(I23:J23)", "1"),
                ("COUNTBLANK(J23:K23)", "0"),
                ("COUNTBLANK(K23:L23)", "0"),
                ("COUNTBLANK(L23:M23)", "0"),
                ("COUNTBLANK(M23:N23)", "0"),
                ("COUNTBLANK(N23:O23)", "0"),
                ("COUNTBLANK(O23:P23)", "0"),
                ("COUNTBLANK(P23:Q23)", "0"),
                ("COUNTBLANK(Q23:R23)", "0"),
                ("COUNTA(H23:J23)", "2"),
                ("COUNTA(C23:J23)", "7"),
                ("COUNTA(J23:Q23)", "8"),
            ],
        );
    }

    /// COUNTIF: the `formulas` test workbook (row 24), values computed by Excel.
    #[test]
    fn countif_edge_cases() {
        let g = sheet(&[(
            "C24",
            "0|1|2.3|10|-1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("COUNTIF(C24:D24,1)", "1"),
                ("COUNTIF(D24:E24,\"1\")", "1"),
                ("COUNTIF(E24:F24,\">1\")", "2"),
                ("COUNTIF(F24:G24,\"<>-1\")", "1"),
                ("COUNTIF(G24:H24,1)", "0"),
                ("COUNTIF(J24:K24,J24)", "1"),
                ("COUNTIF(K24:L24,K24)", "1"),
                ("COUNTIF(L24:M24,L24)", "1"),
                ("COUNTIF(M24:N24,M24)", "1"),
                ("COUNTIF(N24:O24,N24)", "1"),
                ("COUNTIF(O24:P24,O24)", "1"),
                ("COUNTIF(D24:H24,{1,\">3\"})", "1"),
            ],
        );
    }

    /// COUNTIFS: the `formulas` test workbook (row 25), values computed by Excel.
    #[test]
    fn countifs_edge_cases() {
        let g = sheet(&[(
            "C25",
            "1|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("COUNTIFS( C25:D25,1,E25:F25,2.3)", "1"),
                ("COUNTIFS(D25:E25,\"1\")", "1"),
                ("COUNTIFS( E25:F25,\">1\")", "2"),
                ("COUNTIFS(F25:G25,\"<>-1\")", "1"),
                ("COUNTIFS(G25:H25,1)", "0"),
                ("COUNTIFS(H25:I25,H25)", "0"),
                ("COUNTIFS(I25:J25,I25)", "1"),
                ("COUNTIFS(I25:J25,\"<=TRUE\")", "1"),
                ("COUNTIFS(I25:J25,I25)", "1"),
                ("COUNTIFS(J25:K25,J25)", "1"),
                ("COUNTIFS(K25:L25,K25)", "1"),
                ("COUNTIFS(L25:M25,L25)", "1"),
                ("COUNTIFS(M25:N25,M25)", "1"),
                ("COUNTIFS(N25:O25,N25)", "1"),
                ("COUNTIFS(O25:P25,O25)", "1"),
                ("COUNTIFS(D25:H25,{1,\">3\"}, C25:F25,{0,1})", "#VALUE!"),
                (
                    "COUNTIFS(F25:J25,{\"*ao\",\"\",\"TRUE\",TRUE,\"*a?\"},D25:H25, \">0\")",
                    "0",
                ),
            ],
        );
    }

    /// COVARIANCE.P: the `formulas` test workbook (row 26), values computed by Excel.
    #[test]
    fn covariance_p_edge_cases() {
        let g = sheet(&[
            ("C26", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.01|-0.010000000000000002|0|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("COVARIANCE.P(C26:E26,E26:G26)", "-0.01"),
                ("COVARIANCE.P(D26:F26,F26:H26)", "-0.010000000000000002"),
                ("COVARIANCE.P(J26:L26,L26:N26)", "#N/A"),
                ("COVARIANCE.P(K26:M26,M26:O26)", "#VALUE!"),
                ("COVARIANCE.P(L26:N26,N26:P26)", "#N/A"),
                ("COVARIANCE.P(M26:O26,O26:Q26)", "#DIV/0!"),
                ("COVARIANCE.P(N26:P26,P26:R26)", "#NAME?"),
                ("COVARIANCE.P(O26:Q26,Q26:S26)", "#NUM!"),
                ("COVARIANCE.P(P26:R26,R26:T26)", "#NUM!"),
                ("COVARIANCE.P(Q26:S26,S26:U26)", "#REF!"),
                ("COVARIANCE.P(C26:E26,E26:G26)", "-0.01"),
                ("COVARIANCE.P(C26:E26,E26:G26)", "-0.01"),
            ],
        );
    }

    /// COVARIANCE.S: the `formulas` test workbook (row 27), values computed by Excel.
    #[test]
    fn covariance_s_edge_cases() {
        let g = sheet(&[
            ("C27", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.015000000000000001|-0.020000000000000004|#DIV/0!|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("COVARIANCE.S(C27:E27,E27:G27)", "-0.015000000000000001"),
                ("COVARIANCE.S(D27:F27,F27:H27)", "-0.020000000000000004"),
                ("COVARIANCE.S(J27:L27,L27:N27)", "#N/A"),
                ("COVARIANCE.S(K27:M27,M27:O27)", "#VALUE!"),
                ("COVARIANCE.S(L27:N27,N27:P27)", "#N/A"),
                ("COVARIANCE.S(M27:O27,O27:Q27)", "#DIV/0!"),
                ("COVARIANCE.S(N27:P27,P27:R27)", "#NAME?"),
                ("COVARIANCE.S(O27:Q27,Q27:S27)", "#NUM!"),
                ("COVARIANCE.S(P27:R27,R27:T27)", "#NUM!"),
                ("COVARIANCE.S(Q27:S27,S27:U27)", "#REF!"),
                ("COVARIANCE.S(C27:E27,E27:G27)", "-0.015000000000000001"),
                ("COVARIANCE.S(C27:E27,E27:G27)", "-0.015000000000000001"),
            ],
        );
    }

    /// DEVSQ: the `formulas` test workbook (row 28), values computed by Excel.
    #[test]
    fn devsq_edge_cases() {
        let g = sheet(&[
            ("C28", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.05499999999999999"),
        ]);
        expect(
            &g,
            &[
                ("DEVSQ(C28:D28,D28:E28,E28:F28)", "0.05499999999999999"),
                ("DEVSQ(D28:E28,E28:F28,F28:G28,\"\")", "#VALUE!"),
                ("DEVSQ(G28:H28)", "0"),
                ("DEVSQ(J28,G28)", "0"),
                ("DEVSQ(K28:L28)", "#VALUE!"),
                ("DEVSQ(L28:M28)", "#N/A"),
                ("DEVSQ(M28:N28)", "#DIV/0!"),
                ("DEVSQ(N28:O28)", "#NAME?"),
                ("DEVSQ(O28:P28)", "#NULL!"),
                ("DEVSQ(P28:Q28)", "#NUM!"),
                ("DEVSQ(Q28:R28)", "#REF!"),
            ],
        );
    }

    /// EXPON.DIST: the `formulas` test workbook (row 29), values computed by Excel.
    #[test]
    fn expon_dist_edge_cases() {
        let g = sheet(&[(
            "C29",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("EXPON.DIST(C29,,)", "#NUM!"),
                ("EXPON.DIST(D29,10,FALSE)", "1.9287498479639177e-21"),
                ("EXPON.DIST(E29,\"1\",5)", "0.5034146962085905"),
                ("EXPON.DIST(F29,-1,\"TRUE\")", "#NUM!"),
                ("EXPON.DIST(G29, 7,1)", "0.9999999999993086"),
                ("EXPON.DIST(H29,H29,1)", "#NUM!"),
                ("EXPON.DIST(L29,J29,1)", "#N/A"),
                ("EXPON.DIST(M29,K29,1)", "#DIV/0!"),
                ("EXPON.DIST(N29,L29,1)", "#NAME?"),
                ("EXPON.DIST(O29,M29,1)", "#NULL!"),
                ("EXPON.DIST(P29,N29,1)", "#NUM!"),
                ("EXPON.DIST(Q29,O29,1)", "#REF!"),
            ],
        );
    }

    /// F.DIST: the `formulas` test workbook (row 30), values computed by Excel.
    #[test]
    fn f_dist_edge_cases() {
        let g = sheet(&[(
            "C30",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("F.DIST(C30,,,)", "#NUM!"),
                ("F.DIST(D30,10,30,FALSE)", "0.0004522453662535341"),
                ("F.DIST(E30,\"1\",5, 3)", "0.5590753759302287"),
                ("F.DIST(F30,-1,3,\"TRUE\")", "#NUM!"),
                ("F.DIST(G30, 7,4,1)", "0.9008158912432747"),
                ("F.DIST(H30,H30,4,1)", "#NUM!"),
                ("F.DIST(L30,J30,3,1)", "#N/A"),
                ("F.DIST(M30,K30,3,1)", "#DIV/0!"),
                ("F.DIST(N30,L30,3,1)", "#NAME?"),
                ("F.DIST(O30,M30,3,1)", "#NULL!"),
                ("F.DIST(P30,N30,3,1)", "#NUM!"),
                ("F.DIST(Q30,O30,3,1)", "#REF!"),
            ],
        );
    }

    /// F.DIST.RT: the `formulas` test workbook (row 31), values computed by Excel.
    #[test]
    fn f_dist_rt_edge_cases() {
        let g = sheet(&[(
            "C31",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("F.DIST.RT(C31,,)", "#NUM!"),
                ("F.DIST.RT(D31,10,65)", "2.3172483433474348e-05"),
                ("F.DIST.RT(E31,3,\"1\")", "0.6821324563279821"),
                ("F.DIST.RT(F31,-1,32)", "#NUM!"),
                ("F.DIST.RT(G31,32, 7)", "0.031519045038553836"),
                ("F.DIST.RT(H31,H31,32)", "#NUM!"),
                ("F.DIST.RT(L31,J31,89)", "#N/A"),
                ("F.DIST.RT(M31,K31,89)", "#DIV/0!"),
                ("F.DIST.RT(N31,L31,89)", "#NAME?"),
                ("F.DIST.RT(O31,M31,89)", "#NULL!"),
                ("F.DIST.RT(P31,N31,89)", "#NUM!"),
                ("F.DIST.RT(Q31,O31,89)", "#REF!"),
            ],
        );
    }

    /// F.INV: the `formulas` test workbook (row 32), values computed by Excel.
    #[test]
    fn f_inv_edge_cases() {
        let g = sheet(&[(
            "C32",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("F.INV(C32,0.4,3)", "#NUM!"),
                ("F.INV(D32,90,9)", "0.5875257721802675"),
                ("F.INV(0.4,E32, 32)", "#NUM!"),
                ("F.INV(0.01, F32,2)", "0.20730072492563645"),
                ("F.INV(D32,G32,32)", "0.2621924609789803"),
                ("F.INV(H32,3, 2.22)", "0"),
                ("F.INV(0.3,J32, 332)", "0.14872892753424596"),
                ("F.INV(K32,C32, 21)", "#VALUE!"),
                ("F.INV(L32,D32, 21)", "#N/A"),
                ("F.INV(M32,E32, 21)", "#DIV/0!"),
                ("F.INV(N32,F32, 21)", "#NAME?"),
                ("F.INV(O32,G32, 21)", "#NULL!"),
                ("F.INV(P32,H32, 21)", "#NUM!"),
            ],
        );
    }

    /// F.INV.RT: the `formulas` test workbook (row 33), values computed by Excel.
    #[test]
    fn f_inv_rt_edge_cases() {
        let g = sheet(&[(
            "C33",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("F.INV.RT(C33,0.4, 0.3)", "#NUM!"),
                ("F.INV.RT(D33,9,34)", "1.8224282565178647"),
                ("F.INV.RT(0.4,E33,32)", "#NUM!"),
                ("F.INV.RT(0.01, F33,2)", "99.48916280843338"),
                ("F.INV.RT(D33,G33,32)", "2.1292875704522456"),
                ("F.INV.RT(H33,3,33)", "#NUM!"),
                ("F.INV.RT(0.3,J33,12)", "1.1733469814074031"),
                ("F.INV.RT(K33,C33,32)", "#VALUE!"),
                ("F.INV.RT(L33,D33,32)", "#N/A"),
                ("F.INV.RT(M33,E33,32)", "#DIV/0!"),
                ("F.INV.RT(N33,F33,32)", "#NAME?"),
                ("F.INV.RT(O33,G33,32)", "#NULL!"),
                ("F.INV.RT(P33,H33,32)", "#NUM!"),
            ],
        );
    }

    /// F.TEST: the `formulas` test workbook (row 34), values computed by Excel.
    #[test]
    fn f_test_edge_cases() {
        let g = sheet(&[
            ("E31", "0.7"),
            ("E32", "0.7"),
            ("C33", "10|0.1|0.7|100|4"),
            ("C34", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|#DIV/0!|0.7979982021244996|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("F.TEST(C33:D34,E31:E34)", "#DIV/0!"),
                ("F.TEST(D34:E34,E34:G34)", "0.7979982021244996"),
                ("F.TEST(E34:F34,G34:H34)", "#DIV/0!"),
                ("F.TEST(D34,F34)", "#DIV/0!"),
                ("F.TEST(J34:K34,L34:M34)", "#VALUE!"),
                ("F.TEST(K34:L34,M34:N34)", "#VALUE!"),
                ("F.TEST(L34:M34,N34:O34)", "#N/A"),
                ("F.TEST(M34:N34,O34:P34)", "#DIV/0!"),
                ("F.TEST(N34:O34,P34:Q34)", "#NAME?"),
                ("F.TEST(O34:P34,Q34:R34)", "#NUM!"),
                ("F.TEST(P34:Q34,R34:S34)", "#NUM!"),
                ("F.TEST(Q34:R34,S34:T34)", "#REF!"),
                ("F.TEST(C33:D34, F33:G34)", "0.0036510706026020258"),
                ("F.TEST(D34:E34, E34:F34)", "0.6105429250283806"),
            ],
        );
    }

    /// FISHER: the `formulas` test workbook (row 35), values computed by Excel.
    #[test]
    fn fisher_edge_cases() {
        let g = sheet(&[(
            "C35",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("FISHER(C35)", "0"),
                ("FISHER(D35)", "0.10033534773107562"),
                ("FISHER(E35)", "0.2027325540540821"),
                ("FISHER(F35)", "0.3095196042031118"),
                ("FISHER(G35)", "-0.10033534773107562"),
                ("FISHER(H35)", "0"),
                ("FISHER(J35)", "#NUM!"),
                ("FISHER(K35)", "#VALUE!"),
                ("FISHER(L35)", "#N/A"),
                ("FISHER(M35)", "#DIV/0!"),
                ("FISHER(N35)", "#NAME?"),
                ("FISHER(O35)", "#NULL!"),
                ("FISHER(P35)", "#NUM!"),
                ("FISHER(Q35)", "#REF!"),
            ],
        );
    }

    /// FISHERINV: the `formulas` test workbook (row 36), values computed by Excel.
    #[test]
    fn fisherinv_edge_cases() {
        let g = sheet(&[(
            "C36",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("FISHERINV(C36)", "0"),
                ("FISHERINV(D36)", "0.09966799462495583"),
                ("FISHERINV(E36)", "0.197375320224904"),
                ("FISHERINV(F36)", "0.29131261245159085"),
                ("FISHERINV(G36)", "-0.09966799462495585"),
                ("FISHERINV(H36)", "0"),
                ("FISHERINV(J36)", "0.7615941559557649"),
                ("FISHERINV(K36)", "#VALUE!"),
                ("FISHERINV(L36)", "#N/A"),
                ("FISHERINV(M36)", "#DIV/0!"),
                ("FISHERINV(N36)", "#NAME?"),
                ("FISHERINV(O36)", "#NULL!"),
                ("FISHERINV(P36)", "#NUM!"),
                ("FISHERINV(Q36)", "#REF!"),
            ],
        );
    }

    /// FORECAST: the `formulas` test workbook (row 37), values computed by Excel.
    #[test]
    fn forecast_edge_cases() {
        let g = sheet(&[
            ("C37", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|31.900000000000006|-20.52307692307692|0.02500000000000005|#VALUE!|#N/A"),
        ]);
        expect(
            &g,
            &[
                ("FORECAST(32,C37:E37,D37:F37)", "31.900000000000006"),
                ("FORECAST(J37,E37:G37,F37:H37)", "0.02500000000000005"),
                ("FORECAST(O37,J37:L37,K37:M37)", "#NULL!"),
                ("FORECAST(P37,K37:M37,L37:N37)", "#NUM!"),
                ("FORECAST(Q37,L37:N37,M37:O37)", "#REF!"),
                ("FORECAST(R37,M37:O37,N37:P37)", "#DIV/0!"),
                ("FORECAST(S37,N37:P37,O37:Q37)", "#NAME?"),
                ("FORECAST(U37,P37:R37,Q37:S37)", "#VALUE!"),
                ("FORECAST(V37,Q37:S37,R37:T37)", "#N/A"),
            ],
        );
    }

    /// FORECAST.LINEAR: the `formulas` test workbook (row 42), values computed by Excel.
    #[test]
    fn forecast_linear_edge_cases() {
        let g = sheet(&[(
            "D42",
            "0.1|0.2|0.3|-0.1|||TRUE||#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.077586206896552",
        )]);
        expect(
            &g,
            &[
                (
                    "FORECAST.LINEAR(D42,{1,7,3,0}, {7,2,9,4})",
                    "5.077586206896552",
                ),
                (
                    "FORECAST.LINEAR(E42,{1,7,3,0}, {7,2,9,4})",
                    "5.0344827586206895",
                ),
                (
                    "FORECAST.LINEAR(F42,{1,7,3,0}, {7,2,9,4})",
                    "4.991379310344827",
                ),
                (
                    "FORECAST.LINEAR(G42,{1,7,3,0}, {7,2,9,4})",
                    "5.163793103448276",
                ),
                (
                    "FORECAST.LINEAR(J42,{1,7,3,0}, {7,2,9,4})",
                    "4.689655172413793",
                ),
                ("FORECAST.LINEAR(L42,{1,7,3,0}, {7,2,9,4})", "#N/A"),
                ("FORECAST.LINEAR(M42,{1,7,3,0}, {7,2,9,4})", "#DIV/0!"),
                ("FORECAST.LINEAR(N42,H42, D42:E42)", "#NAME?"),
                ("FORECAST.LINEAR(O42,{1,7,3,0}, {7,2,9,4})", "#NULL!"),
                ("FORECAST.LINEAR(P42,{1,7,3,0}, {7,2,9,4})", "#NUM!"),
                ("FORECAST.LINEAR(Q42,{1,7,3,0}, {7,2,9,4})", "#REF!"),
                (
                    "FORECAST.LINEAR(R42,{1,7,3,0}, {7,2,9,4})",
                    "2.932074910820452",
                ),
            ],
        );
    }

    /// FREQUENCY: the `formulas` test workbook (row 43), values computed by Excel.
    #[test]
    fn frequency_edge_cases() {
        let g = sheet(&[(
            "C43",
            "1|2|3|0|-1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|3|2|2|2",
        )]);
        expect(
            &g,
            &[
                ("FREQUENCY(C43:G43,{1,3;5,3})", "3"),
                ("FREQUENCY(D43:H43,{1,3;5,3})", "2"),
                ("FREQUENCY(C43:G43,H43)", "2"),
                ("FREQUENCY(H43,{1,3;5,3})", "0"),
                ("FREQUENCY(J43:N43,{1,3;5,3})", "#VALUE!"),
                ("FREQUENCY(K43:O43,{1,3;5,3})", "#VALUE!"),
                ("FREQUENCY(L43:P43,{1,3;5,3})", "#N/A"),
                ("FREQUENCY(M43:Q43,{1,3;5,3})", "#DIV/0!"),
                ("FREQUENCY(N43:R43,{1,3;5,3})", "#NAME?"),
                ("FREQUENCY(O43:S43,{1,3;5,3})", "#NULL!"),
                ("FREQUENCY(P43:T43,{1,3;5,3})", "#NUM!"),
                ("FREQUENCY(Q43:U43,{1,3;5,3})", "#REF!"),
                ("FREQUENCY(C43:G43,{1,3;5,3})", "3"),
                ("FREQUENCY(D43:H43,{1,3;5,3})", "2"),
            ],
        );
    }

    /// GAMMA: the `formulas` test workbook (row 44), values computed by Excel.
    #[test]
    fn gamma_edge_cases() {
        let g = sheet(&[(
            "C44",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("GAMMA(C44)", "#NUM!"),
                ("GAMMA(D44)", "9.513507698668732"),
                ("GAMMA(E44)", "4.5908437119988035"),
                ("GAMMA(F44)", "2.991568987687591"),
                ("GAMMA(G44)", "-10.686287021193195"),
                ("GAMMA(H44)", "#NUM!"),
                ("GAMMA(J44)", "1"),
                ("GAMMA(K44)", "#VALUE!"),
                ("GAMMA(L44)", "#N/A"),
                ("GAMMA(M44)", "#DIV/0!"),
                ("GAMMA(N44)", "#NAME?"),
                ("GAMMA(O44)", "#NULL!"),
                ("GAMMA(P44)", "#NUM!"),
                ("GAMMA(Q44)", "#REF!"),
            ],
        );
    }

    /// GAMMA.DIST: the `formulas` test workbook (row 45), values computed by Excel.
    #[test]
    fn gamma_dist_edge_cases() {
        let g = sheet(&[(
            "C45",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("GAMMA.DIST(C45,,,)", "#NUM!"),
                ("GAMMA.DIST(D45,10,30,FALSE)", "7.715641587812937e-15"),
                ("GAMMA.DIST(E45,\"1\",5, 3)", "0.13064176460119417"),
                ("GAMMA.DIST(F45,-1,3,\"TRUE\")", "#NUM!"),
                ("GAMMA.DIST(G45, 7,4,1)", "8.324114928802324e-05"),
                ("GAMMA.DIST(H45,H45,4,1)", "#NUM!"),
                ("GAMMA.DIST(L45,J45,3,1)", "#N/A"),
                ("GAMMA.DIST(M45,K45,3,1)", "#DIV/0!"),
                ("GAMMA.DIST(N45,L45,3,1)", "#NAME?"),
                ("GAMMA.DIST(O45,M45,3,1)", "#NULL!"),
                ("GAMMA.DIST(P45,N45,3,1)", "#NUM!"),
                ("GAMMA.DIST(Q45,O45,3,1)", "#REF!"),
            ],
        );
    }

    /// GAMMA.INV: the `formulas` test workbook (row 46), values computed by Excel.
    #[test]
    fn gamma_inv_edge_cases() {
        let g = sheet(&[(
            "C46",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("F.INV(C46,0.4,3)", "#NUM!"),
                ("GAMMA.INV(D46,90,9)", "702.6868178036511"),
                ("GAMMA.INV(0.4,E46, 32)", "8.821762370852067"),
                ("GAMMA.INV(0.01, F46,2)", "156.43196610759165"),
                ("GAMMA.INV(D46,G46,32)", "55.83262601039717"),
                ("GAMMA.INV(H46,3, 2.22)", "0"),
                ("GAMMA.INV(0.3,J46, 332)", "118.41608138765915"),
                ("GAMMA.INV(K46,C46, 21)", "#VALUE!"),
                ("GAMMA.INV(L46,D46, 21)", "#N/A"),
                ("GAMMA.INV(M46,E46, 21)", "#DIV/0!"),
                ("GAMMA.INV(N46,F46, 21)", "#NAME?"),
                ("GAMMA.INV(O46,G46, 21)", "#NULL!"),
                ("GAMMA.INV(P46,H46, 21)", "#NUM!"),
            ],
        );
    }

    /// GAMMALN: the `formulas` test workbook (row 47), values computed by Excel.
    #[test]
    fn gammaln_edge_cases() {
        let g = sheet(&[(
            "C47",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("GAMMA(C47)", "#NUM!"),
                ("GAMMALN(D47)", "2.2527126517342055"),
                ("GAMMALN(E47)", "1.5240638224307845"),
                ("GAMMALN(F47)", "1.0957979948180756"),
                ("GAMMALN(G47)", "#NUM!"),
                ("GAMMALN(H47)", "#NUM!"),
                ("GAMMALN(J47)", "0"),
                ("GAMMALN(K47)", "#VALUE!"),
                ("GAMMALN(L47)", "#N/A"),
                ("GAMMALN(M47)", "#DIV/0!"),
                ("GAMMALN(N47)", "#NAME?"),
                ("GAMMALN(O47)", "#NULL!"),
                ("GAMMALN(P47)", "#NUM!"),
                ("GAMMALN(Q47)", "#REF!"),
            ],
        );
    }

    /// GAMMALN.PRECISE: the `formulas` test workbook (row 48), values computed by Excel.
    #[test]
    fn gammaln_precise_edge_cases() {
        let g = sheet(&[(
            "C48",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("GAMMA(C48)", "#NUM!"),
                ("GAMMALN.PRECISE(D48)", "2.2527126517342055"),
                ("GAMMALN.PRECISE(E48)", "1.5240638224307845"),
                ("GAMMALN.PRECISE(F48)", "1.0957979948180756"),
                ("GAMMALN.PRECISE(G48)", "#NUM!"),
                ("GAMMALN.PRECISE(H48)", "#NUM!"),
                ("GAMMALN.PRECISE(J48)", "0"),
                ("GAMMALN.PRECISE(K48)", "#VALUE!"),
                ("GAMMALN.PRECISE(L48)", "#N/A"),
                ("GAMMALN.PRECISE(M48)", "#DIV/0!"),
                ("GAMMALN.PRECISE(N48)", "#NAME?"),
                ("GAMMALN.PRECISE(O48)", "#NULL!"),
                ("GAMMALN.PRECISE(P48)", "#NUM!"),
                ("GAMMALN.PRECISE(Q48)", "#REF!"),
            ],
        );
    }

    /// GAUSS: the `formulas` test workbook (row 49), values computed by Excel.
    #[test]
    fn gauss_edge_cases() {
        let g = sheet(&[(
            "C49",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("GAUSS(C49)", "0"),
                ("GAUSS(D49)", "0.03982783727702899"),
                ("GAUSS(E49)", "0.07925970943910299"),
                ("GAUSS(F49)", "0.11791142218895267"),
                ("GAUSS(G49)", "-0.03982783727702899"),
                ("GAUSS(H49)", "0"),
                ("GAUSS(J49)", "0.34134474606854304"),
                ("GAUSS(K49)", "#VALUE!"),
                ("GAUSS(L49)", "#N/A"),
                ("GAUSS(M49)", "#DIV/0!"),
                ("GAUSS(N49)", "#NAME?"),
                ("GAUSS(O49)", "#NULL!"),
                ("GAUSS(P49)", "#NUM!"),
                ("GAUSS(Q49)", "#REF!"),
            ],
        );
    }

    /// GEOMEAN: the `formulas` test workbook (row 50), values computed by Excel.
    #[test]
    fn geomean_edge_cases() {
        let g = sheet(&[(
            "C50",
            "0|0.1|0.2|0.3|5|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("GEOMEAN(C50:D50,D50:E50,E50:F50)", "#NUM!"),
                ("GEOMEAN(D50:E50,E50:F50,F50:G50,\"\")", "#VALUE!"),
                ("GEOMEAN(G50:H50)", "5"),
                ("GEOMEAN(J50,G50)", "5"),
                ("GEOMEAN(K50:L50)", "#VALUE!"),
                ("GEOMEAN(L50:M50)", "#N/A"),
                ("GEOMEAN(M50:N50)", "#DIV/0!"),
                ("GEOMEAN(N50:O50)", "#NAME?"),
                ("GEOMEAN(O50:P50)", "#NULL!"),
                ("GEOMEAN(P50:Q50)", "#NUM!"),
                ("GEOMEAN(Q50:R50)", "#REF!"),
                ("GEOMEAN(C50:G50)", "#NUM!"),
            ],
        );
    }

    /// GROWTH: the `formulas` test workbook (row 51), values computed by Excel.
    #[test]
    fn growth_edge_cases() {
        let g = sheet(&[
            ("C51", "4|0.1|0.2|0.3|5|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.7854753011891914"),
            ("E52", "0.7|3|4|1||3|4|5|6|7|8|9|0|"),
        ]);
        expect(
            &g,
            &[
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},C51:D51)",
                    "0.7854753011891914",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},D51:F51)",
                    "#REF!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},E51:F52)",
                    "1.7297068023867628",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},F51:G52)",
                    "43.96648204914201",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},G51:H52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},J51:K52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},K51:L52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},L51:M52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},M51:N52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},N51:O52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},O51:P52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},P51:Q52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},Q51:R52)",
                    "#VALUE!",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},F51:G52)",
                    "43.96648204914201",
                ),
                (
                    "GROWTH({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},F51:G52)",
                    "43.96648204914201",
                ),
            ],
        );
    }

    /// HARMEAN: the `formulas` test workbook (row 53), values computed by Excel.
    #[test]
    fn harmean_edge_cases() {
        let g = sheet(&[
            ("C53", "4|0.1|0.2|0.3|5|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.17866004962779156"),
        ]);
        expect(
            &g,
            &[
                ("HARMEAN(C53:D53,D53:E53,E53:F53)", "0.17866004962779156"),
                ("HARMEAN(D53:E53,E53:F53,F53:G53,\"\")", "#VALUE!"),
                ("HARMEAN(G53:H53)", "5"),
                ("HARMEAN(J53,G53)", "5"),
                ("HARMEAN(K53:L53)", "#VALUE!"),
                ("HARMEAN(L53:M53)", "#N/A"),
                ("HARMEAN(M53:N53)", "#DIV/0!"),
                ("HARMEAN(N53:O53)", "#NAME?"),
                ("HARMEAN(O53:P53)", "#NULL!"),
                ("HARMEAN(P53:Q53)", "#NUM!"),
                ("HARMEAN(Q53:R53)", "#REF!"),
                ("HARMEAN(C53:G53)", "0.26619343389529726"),
            ],
        );
    }

    /// HYPGEOM.DIST: the `formulas` test workbook (row 54), values computed by Excel.
    #[test]
    fn hypgeom_dist_edge_cases() {
        let g = sheet(&[(
            "C54",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("HYPGEOM.DIST(C54,,,,)", "1"),
                ("HYPGEOM.DIST(D54,10,30,7,FALSE)", "#NUM!"),
                ("HYPGEOM.DIST(E54,\"1\",5,8, 3)", "0.37500000000000006"),
                ("HYPGEOM.DIST(F54,-1,3,5,\"TRUE\")", "#NUM!"),
                ("HYPGEOM.DIST(G54,3, 7,4,1)", "#NUM!"),
                ("HYPGEOM.DIST(H54,H54,4,4,1)", "1"),
                ("HYPGEOM.DIST(L54,J54,3,3,1)", "#N/A"),
                ("HYPGEOM.DIST(M54,K54,3,3,1)", "#DIV/0!"),
                ("HYPGEOM.DIST(N54,L54,3,3,1)", "#NAME?"),
                ("HYPGEOM.DIST(O54,M54,3,3,1)", "#NULL!"),
                ("HYPGEOM.DIST(P54,N54,3,3,1)", "#NUM!"),
                ("HYPGEOM.DIST(Q54,O54,3,3,1)", "#REF!"),
            ],
        );
    }

    /// INTERCEPT: the `formulas` test workbook (row 55), values computed by Excel.
    #[test]
    fn intercept_edge_cases() {
        let g = sheet(&[
            ("C55", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.075|0.17500000000000002|#DIV/0!|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("INTERCEPT(C55:D55,F55:G55)", "0.075"),
                ("INTERCEPT(D55:F55,F55:H55)", "0.17500000000000002"),
                ("INTERCEPT(J55:L55,L55:N55)", "#N/A"),
                ("INTERCEPT(K55:M55,M55:O55)", "#VALUE!"),
                ("INTERCEPT(L55:N55,N55:P55)", "#N/A"),
                ("INTERCEPT(M55:O55,O55:Q55)", "#DIV/0!"),
                ("INTERCEPT(N55:P55,P55:R55)", "#NAME?"),
                ("INTERCEPT(O55:S55,K55:O55)", "#NUM!"),
                ("INTERCEPT(P55:R55,R55:T55)", "#NUM!"),
                ("INTERCEPT(Q55:S55,S55:U55)", "#REF!"),
                ("INTERCEPT(C55:E55,E55:G55)", "0.14615384615384616"),
                ("INTERCEPT(C55:E55,E55:G55)", "0.14615384615384616"),
            ],
        );
    }

    /// KURT: the `formulas` test workbook (row 56), values computed by Excel.
    #[test]
    fn kurt_edge_cases() {
        let g = sheet(&[
            ("C56", "4|0.1|0.2|0.3|5|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.951621437925667"),
        ]);
        expect(
            &g,
            &[
                ("KURT(C56:D56,D56:E56,E56:F56)", "5.951621437925667"),
                ("KURT(D56:E56,E56:F56,F56:G56,\"\")", "#VALUE!"),
                ("KURT(G56:H56)", "#DIV/0!"),
                ("KURT(J56,G56)", "#DIV/0!"),
                ("KURT(K56:L56)", "#VALUE!"),
                ("KURT(L56:M56)", "#N/A"),
                ("KURT(M56:N56)", "#DIV/0!"),
                ("KURT(N56:O56)", "#NAME?"),
                ("KURT(O56:P56)", "#NULL!"),
                ("KURT(P56:Q56)", "#NUM!"),
                ("KURT(Q56:R56)", "#REF!"),
                ("KURT(C56:G56)", "-2.7514684363561024"),
            ],
        );
    }

    /// LINEST: the `formulas` test workbook (row 58), values computed by Excel.
    #[test]
    fn linest_edge_cases() {
        let g = sheet(&[
            ("C58", "4|0.1|0.2|0.3|5||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-1.9000000000000001|5.233333333333333|#REF!"),
        ]);
        expect(
            &g,
            &[
                ("LINEST(C58:E58)", "-1.9000000000000001"),
                ("LINEST(D58:F58,F58:G58,0,0)", "#REF!"),
                ("LINEST(C58:E58,E58:G58,L58,0)", "#VALUE!"),
                ("LINEST(K58:M58,M58:O58,0,0)", "#VALUE!"),
                ("LINEST(L58:N58,N58:P58,0,0)", "#VALUE!"),
                ("LINEST(M58:O58,O58:Q58,0,0)", "#VALUE!"),
                ("LINEST(N58:P58,P58:R58,0,0)", "#VALUE!"),
                ("LINEST(O58:Q58,Q58:S58,0,0)", "#VALUE!"),
                ("LINEST(P58:R58,R58:T58,0,0)", "#VALUE!"),
                ("LINEST(E58:G58,C58:E58,0,0)", "0.11401869158878508"),
                ("LINEST(E58:G58,C58:E58,0,0)", "0.11401869158878508"),
            ],
        );
    }

    /// LOGEST: the `formulas` test workbook (row 59), values computed by Excel.
    #[test]
    fn logest_edge_cases() {
        let g = sheet(&[
            ("C59", "4|0.1|0.2|0.3|5||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.7141390943648429|1|#REF!"),
        ]);
        expect(
            &g,
            &[
                ("LOGEST(C59:E59,E59:G59,0,0)", "0.7141390943648429"),
                ("LOGEST(D59:F59,F59:G59,0,0)", "#REF!"),
                ("LOGEST(C59:E59,E59:G59,L59,0)", "#VALUE!"),
                ("LOGEST(K59:M59,M59:O59,0,0)", "#VALUE!"),
                ("LOGEST(L59:N59,N59:P59,0,0)", "#VALUE!"),
                ("LOGEST(M59:O59,O59:Q59,0,0)", "#VALUE!"),
                ("LOGEST(N59:P59,P59:R59,0,0)", "#VALUE!"),
                ("LOGEST(O59:Q59,Q59:S59,0,0)", "#VALUE!"),
                ("LOGEST(P59:R59,R59:T59,0,0)", "#VALUE!"),
                ("LOGEST(E59:G59,C59:E59,0,0)", "0.678037889157633"),
                ("LOGEST(E59:G59,C59:E59,0,0)", "0.678037889157633"),
            ],
        );
    }

    /// LOGNORM.DIST: the `formulas` test workbook (row 60), values computed by Excel.
    #[test]
    fn lognorm_dist_edge_cases() {
        let g = sheet(&[(
            "C60",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("LOGNORM.DIST(C60,,,)", "#NUM!"),
                ("LOGNORM.DIST(D60,1,2,FALSE)", "0.038084403129689026"),
                ("LOGNORM.DIST(E60,\"1\",\"3\",5)", "0.32555345664186924"),
                ("LOGNORM.DIST(F60,-1,2,\"TRUE\")", "0.8529813804934137"),
                ("LOGNORM.DIST(G60, 0,0,1)", "#NUM!"),
                ("LOGNORM.DIST(H60,H60,G60,1)", "#NUM!"),
                ("LOGNORM.DIST(L60,J60,H60,1)", "#N/A"),
                ("LOGNORM.DIST(N60,L60,J60,1)", "#NAME?"),
                ("LOGNORM.DIST(O60,M60,K60,1)", "#NULL!"),
                ("LOGNORM.DIST(P60,N60,L60,1)", "#NUM!"),
                ("LOGNORM.DIST(Q60,O60,M60,1)", "#REF!"),
            ],
        );
    }

    /// LOGNORM.INV: the `formulas` test workbook (row 61), values computed by Excel.
    #[test]
    fn lognorm_inv_edge_cases() {
        let g = sheet(&[(
            "C61",
            "0|0.1|0.7|0.002|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?||#NUM!",
        )]);
        expect(
            &g,
            &[
                ("LOGNORM.INV(C61,4,4)", "#NUM!"),
                ("LOGNORM.INV(D61,2,2)", "0.5694392746085291"),
                ("LOGNORM.INV(0.4,2,E61)", "6.18827905473437"),
                ("LOGNORM.INV(F61,4,3)", "0.009711104860754742"),
                ("LOGNORM.INV(G61,D61,E61)", "#NUM!"),
                ("LOGNORM.INV(H61,3,2)", "#NUM!"),
                ("LOGNORM.INV(0.3,J61,2)", "0.9523706083926984"),
                ("LOGNORM.INV(K61,C61,E61)", "#VALUE!"),
                ("LOGNORM.INV(L61,D61,F61)", "#N/A"),
                ("LOGNORM.INV(M61,E61,G61)", "#DIV/0!"),
                ("LOGNORM.INV(N61,F61,H61)", "#NAME?"),
                ("LOGNORM.INV(P61,H61,J61)", "#NUM!"),
            ],
        );
    }

    /// MAX: the `formulas` test workbook (row 62), values computed by Excel.
    #[test]
    fn max_edge_cases() {
        let g = sheet(&[(
            "C62",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|2",
        )]);
        expect(
            &g,
            &[
                ("MAX(C62:D62,D62:E62,E62:F62,\"2\")", "2"),
                ("MAX(D62:E62,E62:F62,F62:G62,\"\")", "#VALUE!"),
                ("MAX(H62)", "0"),
                ("MAX(G62:H62)", "-0.1"),
                ("MAX(J62,G62)", "-0.1"),
                ("MAX(K62:L62)", "#VALUE!"),
                ("MAX(L62:M62)", "#N/A"),
                ("MAX(M62:N62)", "#DIV/0!"),
                ("MAX(N62:O62)", "#NAME?"),
                ("MAX(O62:P62)", "#NULL!"),
                ("MAX(P62:Q62)", "#NUM!"),
                ("MAX(Q62:R62)", "#REF!"),
                ("MAX(J62:Q62)", "#VALUE!"),
            ],
        );
    }

    /// MAXA: the `formulas` test workbook (row 63), values computed by Excel.
    #[test]
    fn maxa_edge_cases() {
        let g = sheet(&[(
            "C63",
            "0|0.1|-2|-3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.1",
        )]);
        expect(
            &g,
            &[
                ("MAXA(C63:D63,D63:E63,E63:F63)", "0.1"),
                ("MAXA(D63:E63,E63:F63,F63:G63,\"\")", "#VALUE!"),
                ("MAXA(H63)", "0"),
                ("MAXA(H63,F63)", "-3"),
                ("MAXA(K63:L63)", "#VALUE!"),
                ("MAXA(L63:M63)", "#N/A"),
                ("MAXA(M63:N63)", "#DIV/0!"),
                ("MAXA(N63:O63)", "#NAME?"),
                ("MAXA(O63:P63)", "#NULL!"),
                ("MAXA(P63:Q63)", "#NUM!"),
                ("MAXA(Q63:R63)", "#REF!"),
                ("MAXA(J63:Q63)", "#VALUE!"),
            ],
        );
    }

    /// MAXIFS: the `formulas` test workbook (row 64), values computed by Excel.
    #[test]
    fn maxifs_edge_cases() {
        let g = sheet(&[(
            "C64",
            "1|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|2.3",
        )]);
        expect(
            &g,
            &[
                ("MAXIFS(E64:F64, C64:D64,1,E64:F64,2.3)", "2.3"),
                ("MAXIFS(F64:G64,D64:E64,\"1\")", "10"),
                ("MAXIFS(G64:H64, E64:F64,\">1\")", "-1"),
                ("MAXIFS(G64:H64,F64:G64,\"<>-1\")", "-1"),
                ("MAXIFS(I64:J64,G64:H64,1)", "0"),
                ("MAXIFS(D64:E64,H64:I64,H64)", "0"),
                ("MAXIFS(E64:F64,I64:J64,I64)", "2.3"),
                ("MAXIFS(F64:G64,I64:J64,\"<=TRUE\")", "-1"),
                ("MAXIFS(K64:L64,I64:J64,I64)", "#VALUE!"),
                ("MAXIFS(L64:M64,J64:K64,J64)", "#N/A"),
                ("MAXIFS(M64:N64,K64:L64,K64)", "#DIV/0!"),
                ("MAXIFS(N64:O64,L64:M64,L64)", "#NAME?"),
                ("MAXIFS(O64:P64,M64:N64,M64)", "#NULL!"),
                ("MAXIFS(P64:Q64,N64:O64,N64)", "#NUM!"),
                ("MAXIFS(Q64:R64,O64:P64,O64)", "#REF!"),
                (
                    "MAXIFS(E64:I64,D64:H64,{1,\">3\"}, C64:F64,{0,1})",
                    "#VALUE!",
                ),
                (
                    "MAXIFS(C64:G64,F64:J64,{\"*ao\",\"\",\"TRUE\",TRUE,\"*a?\"},D64:H64, \">0\")",
                    "0",
                ),
            ],
        );
    }

    /// MEDIAN: the `formulas` test workbook (row 65), values computed by Excel.
    #[test]
    fn median_edge_cases() {
        let g = sheet(&[
            ("C65", "0|-0.1|-0.2|-0.3|0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.15000000000000002"),
        ]);
        expect(
            &g,
            &[
                ("MEDIAN(C65:D65,D65:E65,E65:F65)", "-0.15000000000000002"),
                ("MEDIAN(D65:E65,E65:F65,F65:G65,\"\")", "#VALUE!"),
                ("MEDIAN(H65)", "#NUM!"),
                ("MEDIAN(G65:H65)", "0.1"),
                ("MEDIAN(J65,G65)", "0.1"),
                ("MEDIAN(K65:L65)", "#VALUE!"),
                ("MEDIAN(L65:M65)", "#N/A"),
                ("MEDIAN(M65:N65)", "#DIV/0!"),
                ("MEDIAN(N65:O65)", "#NAME?"),
                ("MEDIAN(O65:P65)", "#NULL!"),
                ("MEDIAN(P65:Q65)", "#NUM!"),
                ("MEDIAN(Q65:R65)", "#REF!"),
                ("MEDIAN(J65:Q65)", "#VALUE!"),
            ],
        );
    }

    /// MIN: the `formulas` test workbook (row 66), values computed by Excel.
    #[test]
    fn min_edge_cases() {
        let g = sheet(&[(
            "C66",
            "0|-0.1|-0.2|-0.3|0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.3",
        )]);
        expect(
            &g,
            &[
                ("MIN(C66:D66,D66:E66,E66:F66)", "-0.3"),
                ("MIN(D66:E66,E66:F66,F66:G66,\"\")", "#VALUE!"),
                ("MIN(H66)", "0"),
                ("MIN(G66:H66)", "0.1"),
                ("MIN(J66,G66)", "0.1"),
                ("MIN(K66:L66)", "#VALUE!"),
                ("MIN(L66:M66)", "#N/A"),
                ("MIN(M66:N66)", "#DIV/0!"),
                ("MIN(N66:O66)", "#NAME?"),
                ("MIN(O66:P66)", "#NULL!"),
                ("MIN(P66:Q66)", "#NUM!"),
                ("MIN(Q66:R66)", "#REF!"),
                ("MIN(J66:Q66)", "#VALUE!"),
            ],
        );
    }

    /// MINA: the `formulas` test workbook (row 67), values computed by Excel.
    #[test]
    fn mina_edge_cases() {
        let g = sheet(&[(
            "C67",
            "0|-0.1|2|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.1",
        )]);
        expect(
            &g,
            &[
                ("MINA(C67:D67,D67:E67,E67:F67)", "-0.1"),
                ("MINA(D67:E67,E67:F67,F67:G67,\"\")", "#VALUE!"),
                ("MINA(H67)", "0"),
                ("MINA(J67,G67)", "1"),
                ("MINA(K67:L67)", "#VALUE!"),
                ("MINA(L67:M67)", "#N/A"),
                ("MINA(M67:N67)", "#DIV/0!"),
                ("MINA(N67:O67)", "#NAME?"),
                ("MINA(O67:P67)", "#NULL!"),
                ("MINA(P67:Q67)", "#NUM!"),
                ("MINA(Q67:R67)", "#REF!"),
                ("MINA(J67:Q67)", "#VALUE!"),
            ],
        );
    }

    /// MINIFS: the `formulas` test workbook (row 68), values computed by Excel.
    #[test]
    fn minifs_edge_cases() {
        let g = sheet(&[(
            "C68",
            "1|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|2.3",
        )]);
        expect(
            &g,
            &[
                ("MINIFS(E68:F68, C68:D68,1,E68:F68,2.3)", "2.3"),
                ("MINIFS(F68:G68,D68:E68,\"1\")", "10"),
                ("MINIFS(G68:H68, E68:F68,\">1\")", "-1"),
                ("MINIFS(G68:H68,F68:G68,\"<>-1\")", "-1"),
                ("MINIFS(I68:J68,G68:H68,1)", "0"),
                ("MINIFS(D68:E68,H68:I68,H68)", "0"),
                ("MINIFS(E68:F68,I68:J68,I68)", "2.3"),
                ("MINIFS(F68:G68,I68:J68,\"<=TRUE\")", "-1"),
                ("MINIFS(K68:L68,I68:J68,I68)", "#VALUE!"),
                ("MINIFS(L68:M68,J68:K68,J68)", "#N/A"),
                ("MINIFS(M68:N68,K68:L68,K68)", "#DIV/0!"),
                ("MINIFS(N68:O68,L68:M68,L68)", "#NAME?"),
                ("MINIFS(O68:P68,M68:N68,M68)", "#NULL!"),
                ("MINIFS(P68:Q68,N68:O68,N68)", "#NUM!"),
                ("MINIFS(Q68:R68,O68:P68,O68)", "#REF!"),
                (
                    "MINIFS(E68:I68,D68:H68,{1,\">3\"}, C68:F68,{0,1})",
                    "#VALUE!",
                ),
                (
                    "MINIFS(C68:G68,F68:J68,{\"*ao\",\"\",\"TRUE\",TRUE,\"*a?\"},D68:H68, \">0\")",
                    "0",
                ),
            ],
        );
    }

    /// MODE.MULT: the `formulas` test workbook (row 69), values computed by Excel.
    #[test]
    fn mode_mult_edge_cases() {
        let g = sheet(&[(
            "C69",
            "0|0.1|0.1|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.1",
        )]);
        expect(
            &g,
            &[
                ("MODE.MULT(C69:D69,D69:E69,E69:F69)", "0.1"),
                ("MODE.MULT(D69:E69,E69:F69,F69:G69,\"\")", "0.1"),
                ("MODE.MULT(G69:H69)", "#N/A"),
                ("MODE.MULT(J69,G69)", "#N/A"),
                ("MODE.MULT(K69:L69)", "#VALUE!"),
                ("MODE.MULT(L69:M69)", "#N/A"),
                ("MODE.MULT(M69:N69)", "#DIV/0!"),
                ("MODE.MULT(N69:O69)", "#NAME?"),
                ("MODE.MULT(O69:P69)", "#NULL!"),
                ("MODE.MULT(P69:Q69)", "#NUM!"),
                ("MODE.MULT(Q69:R69)", "#REF!"),
            ],
        );
    }

    /// MODE.SNGL: the `formulas` test workbook (row 71), values computed by Excel.
    #[test]
    fn mode_sngl_edge_cases() {
        let g = sheet(&[(
            "C71",
            "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.1",
        )]);
        expect(
            &g,
            &[
                ("MODE.SNGL(C71:D71,D71:E71,E71:F71)", "0.1"),
                ("MODE.SNGL(D71:E71,E71:F71,F71:G71,\"\")", "0.2"),
                ("MODE.SNGL(G71:H71)", "#N/A"),
                ("MODE.SNGL(J71,G71)", "#N/A"),
                ("MODE.SNGL(K71:L71)", "#VALUE!"),
                ("MODE.SNGL(L71:M71)", "#N/A"),
                ("MODE.SNGL(M71:N71)", "#DIV/0!"),
                ("MODE.SNGL(N71:O71)", "#NAME?"),
                ("MODE.SNGL(O71:P71)", "#NULL!"),
                ("MODE.SNGL(P71:Q71)", "#NUM!"),
                ("MODE.SNGL(Q71:R71)", "#REF!"),
            ],
        );
    }

    /// NEGBINOM.DIST: the `formulas` test workbook (row 72), values computed by Excel.
    #[test]
    fn negbinom_dist_edge_cases() {
        let g = sheet(&[(
            "C72",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NEGBINOM.DIST(C72,,,)", "#NUM!"),
                ("NEGBINOM.DIST(D72,10,0.2,FALSE)", "6.717597286399994e-05"),
                ("NEGBINOM.DIST(E72,\"1\",\".3\",5)", "0.3"),
                ("NEGBINOM.DIST(F72,-1,0.2,\"TRUE\")", "#NUM!"),
                ("NEGBINOM.DIST(G72, 7,0.4,1)", "0.09935257600000004"),
                ("NEGBINOM.DIST(L72,J72,H72,1)", "#N/A"),
                ("NEGBINOM.DIST(N72,L72,J72,1)", "#NAME?"),
                ("NEGBINOM.DIST(O72,M72,K72,1)", "#NULL!"),
                ("NEGBINOM.DIST(P72,N72,L72,1)", "#NUM!"),
                ("NEGBINOM.DIST(Q72,O72,M72,1)", "#REF!"),
            ],
        );
    }

    /// NORM.DIST: the `formulas` test workbook (row 73), values computed by Excel.
    #[test]
    fn norm_dist_edge_cases() {
        let g = sheet(&[(
            "C73",
            "0|-0.1|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NORM.DIST(C73,,,)", "#NUM!"),
                ("NORM.DIST(D73,1,2,FALSE)", "0.17147192750969195"),
                ("NORM.DIST(E73,\"1\",\"3\",5)", "0.460172162722971"),
                ("NORM.DIST(F73,-1,2,\"TRUE\")", "0.9772498680518208"),
                ("NORM.DIST(G73, 0,0,1)", "#NUM!"),
                ("NORM.DIST(H73,H73,G73,1)", "0.5"),
                ("NORM.DIST(L73,J73,H73,1)", "#N/A"),
                ("NORM.DIST(N73,L73,J73,1)", "#NAME?"),
                ("NORM.DIST(O73,M73,K73,1)", "#NULL!"),
                ("NORM.DIST(P73,N73,L73,1)", "#NUM!"),
                ("NORM.DIST(Q73,O73,M73,1)", "#REF!"),
            ],
        );
    }

    /// NORM.S.DIST: the `formulas` test workbook (row 74), values computed by Excel.
    #[test]
    fn norm_s_dist_edge_cases() {
        let g = sheet(&[(
            "C74",
            "0|-0.1|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NORM.S.DIST(C74,)", "0.3989422804014327"),
                ("NORM.S.DIST(D74,FALSE)", "0.3969525474770118"),
                ("NORM.S.DIST(E74,\"1\")", "#VALUE!"),
                ("NORM.S.DIST(F74,\"TRUE\")", "0.9986501019683699"),
                ("NORM.S.DIST(G74,1)", "0.9999683287581669"),
                ("NORM.S.DIST(H74,1)", "0.5"),
                ("NORM.S.DIST(J74,1)", "0.841344746068543"),
                ("NORM.S.DIST(K74,1)", "#VALUE!"),
                ("NORM.S.DIST(L74,1)", "#N/A"),
                ("NORM.S.DIST(M74,1)", "#DIV/0!"),
                ("NORM.S.DIST(N74,1)", "#NAME?"),
                ("NORM.S.DIST(O74,1)", "#NULL!"),
                ("NORM.S.DIST(P74,1)", "#NUM!"),
                ("NORM.S.DIST(Q74,1)", "#REF!"),
            ],
        );
    }

    /// NORM.S.INV: the `formulas` test workbook (row 75), values computed by Excel.
    #[test]
    fn norm_s_inv_edge_cases() {
        let g = sheet(&[(
            "C75",
            "0|-0.1|0.7|0.002|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NORM.S.INV(C75)", "#NUM!"),
                ("NORM.S.INV(D75)", "#NUM!"),
                ("NORM.S.INV(E75)", "0.5244005127080408"),
                ("NORM.S.INV(F75)", "-2.8781617390954826"),
                ("NORM.S.INV(G75)", "#NUM!"),
                ("NORM.S.INV(H75)", "#NUM!"),
                ("NORM.S.INV(J75)", "#NUM!"),
                ("NORM.S.INV(K75)", "#VALUE!"),
                ("NORM.S.INV(L75)", "#N/A"),
                ("NORM.S.INV(M75)", "#DIV/0!"),
                ("NORM.S.INV(N75)", "#NAME?"),
                ("NORM.S.INV(O75)", "#NULL!"),
                ("NORM.S.INV(P75)", "#NUM!"),
                ("NORM.S.INV(Q75)", "#REF!"),
            ],
        );
    }

    /// NORMINV: the `formulas` test workbook (row 76), values computed by Excel.
    #[test]
    fn norminv_edge_cases() {
        let g = sheet(&[(
            "C76",
            "0|-0.1|0.7|0.002|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?||#NUM!",
        )]);
        expect(
            &g,
            &[
                ("NORMINV(C76,4,4)", "#NUM!"),
                ("NORMINV(D76,2,2)", "#NUM!"),
                ("NORMINV(0.4,2,E76)", "1.82265702780494"),
                ("NORMINV(F76,4,3)", "-4.634485217286448"),
                ("NORMINV(G76,D76,E76)", "#NUM!"),
                ("NORMINV(H76,3,2)", "#NUM!"),
                ("NORMINV(0.3,J76,2)", "-0.04880102541608178"),
                ("NORMINV(K76,C76,E76)", "#VALUE!"),
                ("NORMINV(L76,D76,F76)", "#N/A"),
                ("NORMINV(M76,E76,G76)", "#DIV/0!"),
                ("NORMINV(N76,F76,H76)", "#NAME?"),
                ("NORMINV(P76,H76,J76)", "#NUM!"),
            ],
        );
    }

    /// PEARSON: the `formulas` test workbook (row 77), values computed by Excel.
    #[test]
    fn pearson_edge_cases() {
        let g = sheet(&[
            ("E74", "0.7"),
            ("E75", "0.7"),
            ("C76", "0|-0.1|0.7|0.002|4"),
            ("C77", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|#DIV/0!|#N/A|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("PEARSON(C76:D77,E74:E77)", "#DIV/0!"),
                ("PEARSON(D77:E77,E77:G77)", "#N/A"),
                ("PEARSON(E77:F77,G77:H77)", "#DIV/0!"),
                ("PEARSON(D76:E77,F76:G77)", "0.09080019082970635"),
                ("PEARSON(J77:K77,L77:M77)", "#N/A"),
                ("PEARSON(K77:L77,M77:N77)", "#VALUE!"),
                ("PEARSON(L77:M77,N77:O77)", "#N/A"),
                ("PEARSON(M77:N77,O77:P77)", "#DIV/0!"),
                ("PEARSON(N77:O77,P77:Q77)", "#NAME?"),
                ("PEARSON(O77:P77,Q77:R77)", "#NUM!"),
                ("PEARSON(P77:Q77,R77:S77)", "#NUM!"),
                ("PEARSON(Q77:R77,S77:T77)", "#REF!"),
                ("PEARSON(C76:D77, F76:G77)", "-0.01310571730453542"),
                ("PEARSON(D77:E77, E77:F77)", "-0.9999999999999999"),
            ],
        );
    }

    /// PERCENTILE.EXC: the `formulas` test workbook (row 78), values computed by Excel.
    #[test]
    fn percentile_exc_edge_cases() {
        let g = sheet(&[(
            "C78",
            "0|-10|0.9|0.1|-0.1||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-10",
        )]);
        expect(
            &g,
            &[
                ("PERCENTILE.EXC(C78:F78,\".2\")", "-10"),
                ("PERCENTILE.EXC(C78:H78,E78)", "#NUM!"),
                ("PERCENTILE.EXC(D78:F78,F78)", "#NUM!"),
                ("PERCENTILE.EXC(F78:G78,G78)", "#NUM!"),
                ("PERCENTILE.EXC(G78:H78,H78)", "#NUM!"),
                ("PERCENTILE.EXC(K78:L78,L78)", "#N/A"),
                ("PERCENTILE.EXC(L78:M78,M78)", "#DIV/0!"),
                ("PERCENTILE.EXC(M78:N78,N78)", "#NAME?"),
                ("PERCENTILE.EXC(N78:O78,O78)", "#NULL!"),
                ("PERCENTILE.EXC(O78:P78,P78)", "#NUM!"),
                ("PERCENTILE.EXC(P78:Q78,Q78)", "#REF!"),
                ("PERCENTILE.EXC(Q78:R78,R78)", "#REF!"),
                ("PERCENTILE.EXC(C78:G78,0.03)", "#NUM!"),
            ],
        );
    }

    /// PERCENTILE.INC: the `formulas` test workbook (row 79), values computed by Excel.
    #[test]
    fn percentile_inc_edge_cases() {
        let g = sheet(&[(
            "C79",
            "0|-10|0.9|0.1|-0.1||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-8",
        )]);
        expect(
            &g,
            &[
                ("PERCENTILE.INC(C79:D79,\".2\")", "-8"),
                ("PERCENTILE.INC(E79:F79,F79)", "0.18000000000000008"),
                ("PERCENTILE.INC(F79:G79,G79)", "#NUM!"),
                ("PERCENTILE.INC(G79:H79,H79)", "-0.1"),
                ("PERCENTILE.INC(K79:L79,L79)", "#N/A"),
                ("PERCENTILE.INC(L79:M79,M79)", "#DIV/0!"),
                ("PERCENTILE.INC(M79:N79,N79)", "#NAME?"),
                ("PERCENTILE.INC(N79:O79,O79)", "#NULL!"),
                ("PERCENTILE.INC(O79:P79,P79)", "#NUM!"),
                ("PERCENTILE.INC(P79:Q79,Q79)", "#REF!"),
                ("PERCENTILE.INC(Q79:R79,R79)", "#REF!"),
                ("PERCENTILE.INC(C79:G79,0.03)", "-8.812"),
            ],
        );
    }

    /// PERMUT: the `formulas` test workbook (row 82), values computed by Excel.
    #[test]
    fn permut_edge_cases() {
        let g = sheet(&[(
            "C82",
            "0|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|1",
        )]);
        expect(
            &g,
            &[
                ("PERMUT( D82, C82)", "1"),
                ("PERMUT( 0, D82)", "#NUM!"),
                ("PERMUT( F82, E82)", "90"),
                ("PERMUT( G82, F82)", "#NUM!"),
                ("PERMUT( H82, G82)", "#NUM!"),
                ("PERMUT( I82, H82)", "#VALUE!"),
                ("PERMUT( J82, I82)", "#VALUE!"),
                ("PERMUT( K82, J82)", "#VALUE!"),
                ("PERMUT( L82, K82)", "#N/A"),
                ("PERMUT( M82, L82)", "#DIV/0!"),
                ("PERMUT( N82, M82)", "#NAME?"),
                ("PERMUT( O82, N82)", "#NULL!"),
                ("PERMUT( P82, O82)", "#NUM!"),
                ("PERMUT( Q82, P82)", "#REF!"),
                ("PERMUT( R82, Q82)", "#REF!"),
                ("PERMUT( D82, C82:F82)", "1"),
                ("PERMUT( E82, C82:Q82)", "1"),
            ],
        );
    }

    /// PERMUTATIONA: the `formulas` test workbook (row 83), values computed by Excel.
    #[test]
    fn permutationa_edge_cases() {
        let g = sheet(&[(
            "C83",
            "0|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|1",
        )]);
        expect(
            &g,
            &[
                ("PERMUTATIONA(D83, C83)", "1"),
                ("PERMUTATIONA(0, D83)", "0"),
                ("PERMUTATIONA(F83, E83)", "100"),
                ("PERMUTATIONA(G83, F83)", "#NUM!"),
                ("PERMUTATIONA(H83, G83)", "#NUM!"),
                ("PERMUTATIONA(I83, H83)", "#VALUE!"),
                ("PERMUTATIONA(J83, I83)", "#VALUE!"),
                ("PERMUTATIONA(K83, J83)", "#VALUE!"),
                ("PERMUTATIONA(L83, K83)", "#N/A"),
                ("PERMUTATIONA(M83, L83)", "#DIV/0!"),
                ("PERMUTATIONA(N83, M83)", "#NAME?"),
                ("PERMUTATIONA(O83, N83)", "#NULL!"),
                ("PERMUTATIONA(P83, O83)", "#NUM!"),
                ("PERMUTATIONA(Q83, P83)", "#REF!"),
                ("PERMUTATIONA(R83, Q83)", "#REF!"),
                ("PERMUTATIONA( D83, C83:F83)", "1"),
                ("PERMUTATIONA( E83, C83:Q83)", "1"),
            ],
        );
    }

    /// PHI: the `formulas` test workbook (row 84), values computed by Excel.
    #[test]
    fn phi_edge_cases() {
        let g = sheet(&[(
            "C84",
            "0|1|2.3|10|-1||'ciao|TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("PHI(C84)", "0.3989422804014327"),
                ("PHI(D84)", "0.24197072451914337"),
                ("PHI(E84)", "0.028327037741601186"),
                ("PHI(F84)", "7.69459862670642e-23"),
                ("PHI(G84)", "0.24197072451914337"),
                ("PHI(H84)", "0.3989422804014327"),
                ("PHI(I84)", "#VALUE!"),
                ("PHI(J84)", "0.24197072451914337"),
                ("PHI(K84)", "#VALUE!"),
                ("PHI(L84)", "#N/A"),
                ("PHI(M84)", "#DIV/0!"),
                ("PHI(N84)", "#NAME?"),
                ("PHI(O84)", "#NULL!"),
                ("PHI(P84)", "#NUM!"),
                ("PHI(Q84)", "#REF!"),
                ("PHI(C84:Q84)", "0.3989422804014327"),
                ("PHI(C84:Q84)", "0.3989422804014327"),
            ],
        );
    }

    /// POISSON.DIST: the `formulas` test workbook (row 85), values computed by Excel.
    #[test]
    fn poisson_dist_edge_cases() {
        let g = sheet(&[(
            "C85",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("POISSON.DIST(C85,,)", "1"),
                ("POISSON.DIST(D85,10,FALSE)", "0.037833274802070715"),
                ("POISSON.DIST(E85,\"1\",5)", "0.36787944117144233"),
                ("POISSON.DIST(F85,-1,\"TRUE\")", "#NUM!"),
                ("POISSON.DIST(G85, 7,1)", "0.17299160788207132"),
                ("POISSON.DIST(H85,H85,1)", "1"),
                ("POISSON.DIST(L85,J85,1)", "#N/A"),
                ("POISSON.DIST(M85,K85,1)", "#DIV/0!"),
                ("POISSON.DIST(N85,L85,1)", "#NAME?"),
                ("POISSON.DIST(O85,M85,1)", "#NULL!"),
                ("POISSON.DIST(P85,N85,1)", "#NUM!"),
                ("POISSON.DIST(Q85,O85,1)", "#REF!"),
            ],
        );
    }

    /// PROB: the `formulas` test workbook (row 86), values computed by Excel.
    #[test]
    fn prob_edge_cases() {
        let g = sheet(&[(
            "C86",
            "7|5|0.7|3|4|||TRUE||#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},C86)", "0"),
                (
                    "PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},0,D86)",
                    "1.0000000000000002",
                ),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.2,0.1},E86)", "#NUM!"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.2},F86)", "#NUM!"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.4},G86)", "#N/A"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},H86)", "0"),
                ("PROB({1,2,3,1,5},{0.1,0.2,0.3,0.3,0.1},J86)", "0.4"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},1,H86)", "0"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},L86)", "#N/A"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},M86)", "#DIV/0!"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},N86)", "#NAME?"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},O86)", "#NULL!"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},P86)", "#NUM!"),
                ("PROB({1,2,3,4,5},{0.1,0.2,0.3,0.3,0.1},Q86)", "#REF!"),
            ],
        );
    }

    /// QUARTILE.EXC: the `formulas` test workbook (row 87), values computed by Excel.
    #[test]
    fn quartile_exc_edge_cases() {
        let g = sheet(&[(
            "C87",
            "0|-10|0.9|2.2|-0.1||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-5",
        )]);
        expect(
            &g,
            &[
                ("QUARTILE.EXC(C87:D87,\"2\")", "-5"),
                ("QUARTILE.EXC(C87:G87,2)", "0"),
                ("QUARTILE.EXC(E87:F87,F87)", "1.5500000000000003"),
                ("QUARTILE.EXC(E87:F87,1)", "#NUM!"),
                ("QUARTILE.EXC(D87:H87,H87)", "#NUM!"),
                ("QUARTILE.EXC(K87:L87,L87)", "#N/A"),
                ("QUARTILE.EXC(L87:M87,M87)", "#DIV/0!"),
                ("QUARTILE.EXC(M87:N87,N87)", "#NAME?"),
                ("QUARTILE.EXC(N87:O87,O87)", "#NULL!"),
                ("QUARTILE.EXC(O87:P87,P87)", "#NUM!"),
                ("QUARTILE.EXC(P87:Q87,Q87)", "#REF!"),
                ("QUARTILE.EXC(Q87:R87,R87)", "#REF!"),
                ("QUARTILE.EXC(C87:G87,3)", "1.5500000000000003"),
            ],
        );
    }

    /// QUARTILE.INC: the `formulas` test workbook (row 88), values computed by Excel.
    #[test]
    fn quartile_inc_edge_cases() {
        let g = sheet(&[(
            "C88",
            "0|-10|0.9|2.2|-0.1||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-5",
        )]);
        expect(
            &g,
            &[
                ("QUARTILE.INC(C88:D88,\"2\")", "-5"),
                ("QUARTILE.INC(C88:G88,2)", "0"),
                ("QUARTILE.INC(E88:F88,F88)", "1.5500000000000003"),
                ("QUARTILE.INC(E88:F88,1)", "1.225"),
                ("QUARTILE.INC(D88:H88,H88)", "-10"),
                ("QUARTILE.INC(K88:L88,L88)", "#N/A"),
                ("QUARTILE.INC(L88:M88,M88)", "#DIV/0!"),
                ("QUARTILE.INC(M88:N88,N88)", "#NAME?"),
                ("QUARTILE.INC(N88:O88,O88)", "#NULL!"),
                ("QUARTILE.INC(O88:P88,P88)", "#NUM!"),
                ("QUARTILE.INC(P88:Q88,Q88)", "#REF!"),
                ("QUARTILE.INC(Q88:R88,R88)", "#REF!"),
                ("QUARTILE.INC(C88:G88,3)", "0.9"),
            ],
        );
    }

    /// RANK.AVG: the `formulas` test workbook (row 89), values computed by Excel.
    #[test]
    fn rank_avg_edge_cases() {
        let g = sheet(&[(
            "C89",
            "0|-10|0|2.2||||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("RANK.AVG(2,C89:F89,1)", "#N/A"),
                ("RANK.AVG(Q89,J89:Q89,1)", "#REF!"),
            ],
        );
    }

    /// RANK.EQ: the `formulas` test workbook (row 90), values computed by Excel.
    #[test]
    fn rank_eq_edge_cases() {
        let g = sheet(&[(
            "C90",
            "0|-10|0|2.2||||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("RANK.EQ(2,C90:F90,1)", "#N/A"),
                ("RANK.EQ(Q90,J90:Q90,1)", "#REF!"),
            ],
        );
    }

    /// RSQ: the `formulas` test workbook (row 91), values computed by Excel.
    #[test]
    fn rsq_edge_cases() {
        let g = sheet(&[
            ("E88", "0.9"),
            ("E89", "0"),
            ("C90", "0|-10|0|2.2|-0.1"),
            ("C91", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.006723630760610738|#N/A|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("RSQ(C90:D91,E88:E91)", "0.006723630760610738"),
                ("RSQ(D91:E91,E91:G91)", "#N/A"),
                ("RSQ(E91:F91,G91:H91)", "#DIV/0!"),
                ("RSQ(D91,F91)", "#DIV/0!"),
                ("RSQ(J91:K91,L91:M91)", "#N/A"),
                ("RSQ(K91:L91,M91:N91)", "#VALUE!"),
                ("RSQ(L91:M91,N91:O91)", "#N/A"),
                ("RSQ(M91:N91,O91:P91)", "#DIV/0!"),
                ("RSQ(N91:O91,P91:Q91)", "#NAME?"),
                ("RSQ(O91:P91,Q91:R91)", "#NUM!"),
                ("RSQ(P91:Q91,R91:S91)", "#NUM!"),
                ("RSQ(Q91:R91,S91:T91)", "#REF!"),
                ("RSQ(C90:D91, F90:G91)", "0.42544019049955517"),
                ("RSQ(D91:E91, E91:F91)", "1"),
            ],
        );
    }

    /// SKEW: the `formulas` test workbook (row 92), values computed by Excel.
    #[test]
    fn skew_edge_cases() {
        let g = sheet(&[
            ("C92", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-1.199040866595169e-15"),
        ]);
        expect(
            &g,
            &[
                ("SKEW(C92:D92,D92:E92,E92:F92)", "-1.199040866595169e-15"),
                ("SKEW(D92:E92,E92:F92,F92:G92,\"\")", "#VALUE!"),
                ("SKEW(G92:H92)", "#DIV/0!"),
                ("SKEW(J92,G92)", "#DIV/0!"),
                ("SKEW(K92:L92)", "#VALUE!"),
                ("SKEW(L92:M92)", "#N/A"),
                ("SKEW(M92:N92)", "#DIV/0!"),
                ("SKEW(N92:O92)", "#NAME?"),
                ("SKEW(O92:P92)", "#NULL!"),
                ("SKEW(P92:Q92)", "#NUM!"),
                ("SKEW(Q92:R92)", "#REF!"),
            ],
        );
    }

    /// SKEW.P: the `formulas` test workbook (row 93), values computed by Excel.
    #[test]
    fn skew_p_edge_cases() {
        let g = sheet(&[
            ("C93", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-5.921189464667501e-16"),
        ]);
        expect(
            &g,
            &[
                ("SKEW.P(C93:D93,D93:E93,E93:F93)", "-5.921189464667501e-16"),
                ("SKEW.P(D93:E93,E93:F93,F93:G93,\"\")", "#VALUE!"),
                ("SKEW.P(G93:H93)", "#DIV/0!"),
                ("SKEW.P(J93,G93)", "#DIV/0!"),
                ("SKEW.P(K93:L93)", "#VALUE!"),
                ("SKEW.P(L93:M93)", "#N/A"),
                ("SKEW.P(M93:N93)", "#DIV/0!"),
                ("SKEW.P(N93:O93)", "#NAME?"),
                ("SKEW.P(O93:P93)", "#NULL!"),
                ("SKEW.P(P93:Q93)", "#NUM!"),
                ("SKEW.P(Q93:R93)", "#REF!"),
            ],
        );
    }

    /// SLOPE: the `formulas` test workbook (row 94), values computed by Excel.
    #[test]
    fn slope_edge_cases() {
        let g = sheet(&[
            ("C94", "0|0.1|0.2|0.3|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-0.34615384615384615|-0.25|#DIV/0!|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("SLOPE(C94:E94,E94:G94)", "-0.34615384615384615"),
                ("SLOPE(D94:F94,F94:H94)", "-0.25"),
                ("SLOPE(J94:L94,L94:N94)", "#N/A"),
                ("SLOPE(K94:M94,M94:O94)", "#VALUE!"),
                ("SLOPE(L94:N94,N94:P94)", "#N/A"),
                ("SLOPE(M94:O94,O94:Q94)", "#DIV/0!"),
                ("SLOPE(N94:P94,P94:R94)", "#NAME?"),
                ("SLOPE(O94:Q94,Q94:S94)", "#NUM!"),
                ("SLOPE(P94:R94,R94:T94)", "#NUM!"),
                ("SLOPE(Q94:S94,S94:U94)", "#REF!"),
                ("SLOPE(C94:E94,E94:G94)", "-0.34615384615384615"),
                ("SLOPE(C94:E94,E94:G94)", "-0.34615384615384615"),
            ],
        );
    }

    /// STANDARDIZE: the `formulas` test workbook (row 96), values computed by Excel.
    #[test]
    fn standardize_edge_cases() {
        let g = sheet(&[
            ("C96", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|11.11111111111111|-4.954545454545454"),
        ]);
        expect(
            &g,
            &[
                ("STANDARDIZE(C96,D96,E96)", "11.11111111111111"),
                ("STANDARDIZE(D96,E96,F96)", "-4.954545454545454"),
                ("STANDARDIZE(E96,F96,G96)", "#NUM!"),
                ("STANDARDIZE(F96,G96,H96)", "#NUM!"),
                ("STANDARDIZE(J96,K96,L96)", "#VALUE!"),
                ("STANDARDIZE(K96,L96,M96)", "#VALUE!"),
                ("STANDARDIZE(L96,M96,N96)", "#N/A"),
                ("STANDARDIZE(M96,N96,O96)", "#DIV/0!"),
                ("STANDARDIZE(N96,O96,P96)", "#NAME?"),
                ("STANDARDIZE(O96,P96,Q96)", "#NULL!"),
                ("STANDARDIZE(P96,Q96,R96)", "#NUM!"),
                ("STANDARDIZE(Q96,R96,S96)", "#REF!"),
                ("STANDARDIZE(C96:D96,D96,E96:F96)", "11.11111111111111"),
            ],
        );
    }

    /// STDEV.P: the `formulas` test workbook (row 97), values computed by Excel.
    #[test]
    fn stdev_p_edge_cases() {
        let g = sheet(&[
            ("C97", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.105459262957083"),
        ]);
        expect(
            &g,
            &[
                (
                    "STDEV.P(C97:D97,D97:E97,E97:F97,\"2\")",
                    "5.105459262957083",
                ),
                ("STDEV.P(D97:E97,E97:F97,F97:G97,\"\")", "#VALUE!"),
                ("STDEV.P(H97)", "#DIV/0!"),
                ("STDEV.P(G97:H97)", "0"),
                ("STDEV.P(J97,G97)", "0"),
                ("STDEV.P(K97:L97)", "#VALUE!"),
                ("STDEV.P(L97:M97)", "#N/A"),
                ("STDEV.P(M97:N97)", "#DIV/0!"),
                ("STDEV.P(N97:O97)", "#NAME?"),
                ("STDEV.P(O97:P97)", "#NULL!"),
                ("STDEV.P(P97:Q97)", "#NUM!"),
                ("STDEV.P(Q97:R97)", "#REF!"),
                ("STDEV.P(J97:Q97)", "#VALUE!"),
            ],
        );
    }

    /// STDEV.S: the `formulas` test workbook (row 98), values computed by Excel.
    #[test]
    fn stdev_s_edge_cases() {
        let g = sheet(&[
            ("C98", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.514526271584894"),
        ]);
        expect(
            &g,
            &[
                (
                    "STDEV.S(C98:D98,D98:E98,E98:F98,\"2\")",
                    "5.514526271584894",
                ),
                ("STDEV.S(D98:E98,E98:F98,F98:G98,\"\")", "#VALUE!"),
                ("STDEV.S(G98:H98)", "#DIV/0!"),
                ("STDEV.S(G98:H98)", "#DIV/0!"),
                ("STDEV.S(J98,G98)", "#DIV/0!"),
                ("STDEV.S(K98:L98)", "#VALUE!"),
                ("STDEV.S(L98:M98)", "#N/A"),
                ("STDEV.S(M98:N98)", "#DIV/0!"),
                ("STDEV.S(N98:O98)", "#NAME?"),
                ("STDEV.S(O98:P98)", "#NULL!"),
                ("STDEV.S(P98:Q98)", "#NUM!"),
                ("STDEV.S(Q98:R98)", "#REF!"),
                ("STDEV.S(J98:Q98)", "#VALUE!"),
            ],
        );
    }

    /// STDEVA: the `formulas` test workbook (row 99), values computed by Excel.
    #[test]
    fn stdeva_edge_cases() {
        let g = sheet(&[
            ("C99", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.514526271584894"),
        ]);
        expect(
            &g,
            &[
                ("STDEVA(C99:D99,D99:E99,E99:F99,\"2\")", "5.514526271584894"),
                ("STDEVA(D99:E99,E99:F99,F99:G99,\"\")", "#VALUE!"),
                ("STDEVA(G99:H99)", "#DIV/0!"),
                ("STDEVA(G99:H99)", "#DIV/0!"),
                ("STDEVA(J99,G99)", "0.7778174593052023"),
                ("STDEVA(K99:L99)", "#VALUE!"),
                ("STDEVA(L99:M99)", "#N/A"),
                ("STDEVA(M99:N99)", "#DIV/0!"),
                ("STDEVA(N99:O99)", "#NAME?"),
                ("STDEVA(O99:P99)", "#NULL!"),
                ("STDEVA(P99:Q99)", "#NUM!"),
                ("STDEVA(Q99:R99)", "#REF!"),
                ("STDEVA(J99:Q99)", "#VALUE!"),
            ],
        );
    }

    /// STDEVPA: the `formulas` test workbook (row 100), values computed by Excel.
    #[test]
    fn stdevpa_edge_cases() {
        let g = sheet(&[
            ("C100", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.105459262957083"),
        ]);
        expect(
            &g,
            &[
                (
                    "STDEVPA(C100:D100,D100:E100,E100:F100,\"2\")",
                    "5.105459262957083",
                ),
                ("STDEVPA(D100:E100,E100:F100,F100:G100,\"\")", "#VALUE!"),
                ("STDEVPA(H100)", "#DIV/0!"),
                ("STDEVPA(G100:H100)", "0"),
                ("STDEVPA(J100,G100)", "0.55"),
                ("STDEVPA(K100:L100)", "#VALUE!"),
                ("STDEVPA(L100:M100)", "#N/A"),
                ("STDEVPA(M100:N100)", "#DIV/0!"),
                ("STDEVPA(N100:O100)", "#NAME?"),
                ("STDEVPA(O100:P100)", "#NULL!"),
                ("STDEVPA(P100:Q100)", "#NUM!"),
                ("STDEVPA(Q100:R100)", "#REF!"),
                ("STDEVPA(J100:Q100)", "#VALUE!"),
            ],
        );
    }

    /// STEYX: the `formulas` test workbook (row 101), values computed by Excel.
    #[test]
    fn steyx_edge_cases() {
        let g = sheet(&[
            ("E98", "0.9"),
            ("E99", "0.9"),
            ("C100", "0|-10|0.9|2.2|-0.1"),
            ("C101", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|10|#N/A|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                ("STEYX(C100:D101,E98:E101)", "10"),
                ("STEYX(D101:E101,E101:G101)", "#N/A"),
                ("STEYX(E101:F101,G101:H101)", "#DIV/0!"),
                ("STEYX(D101,F101)", "#DIV/0!"),
                ("STEYX(J101:K101,L101:M101)", "#N/A"),
                ("STEYX(K101:L101,M101:N101)", "#VALUE!"),
                ("STEYX(L101:M101,N101:O101)", "#N/A"),
                ("STEYX(M101:N101,O101:P101)", "#DIV/0!"),
                ("STEYX(N101:O101,P101:Q101)", "#NAME?"),
                ("STEYX(O101:P101,Q101:R101)", "#NUM!"),
                ("STEYX(P101:Q101,R101:S101)", "#NUM!"),
                ("STEYX(Q101:R101,S101:T101)", "#REF!"),
                ("STEYX(C100:D101, F100:G101)", "7.724136885019981"),
                ("STEYX(D101:E101, E101:F101)", "#DIV/0!"),
            ],
        );
    }

    /// T.DIST: the `formulas` test workbook (row 102), values computed by Excel.
    #[test]
    fn t_dist_edge_cases() {
        let g = sheet(&[(
            "C102",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("T.DIST(C102,,)", "#DIV/0!"),
                ("T.DIST(D102,10,FALSE)", "0.0003960010564637988"),
                ("T.DIST(E102,\"1\",5)", "0.6944001122142147"),
                ("T.DIST(F102,-1,\"TRUE\")", "#NUM!"),
                ("T.DIST(G102, 7,1)", "0.9974050433253516"),
                ("T.DIST(H102,H102,1)", "#NUM!"),
                ("T.DIST(L102,J102,1)", "#N/A"),
                ("T.DIST(M102,K102,1)", "#DIV/0!"),
                ("T.DIST(N102,L102,1)", "#NAME?"),
                ("T.DIST(O102,M102,1)", "#NULL!"),
                ("T.DIST(P102,N102,1)", "#NUM!"),
                ("T.DIST(Q102,O102,1)", "#REF!"),
            ],
        );
    }

    /// T.DIST.2T: the `formulas` test workbook (row 103), values computed by Excel.
    #[test]
    fn t_dist_2t_edge_cases() {
        let g = sheet(&[(
            "C103",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("T.DIST.2T(C103,)", "#NUM!"),
                ("T.DIST.2T(D103,10)", "0.0005373336027564523"),
                ("T.DIST.2T(E103,\"1\")", "0.6111997755715705"),
                ("T.DIST.2T(F103,-1)", "#NUM!"),
                ("T.DIST.2T(G103, 7)", "0.0051899133492968146"),
                ("T.DIST.2T(H103,H103)", "#NUM!"),
                ("T.DIST.2T(L103,J103)", "#N/A"),
                ("T.DIST.2T(M103,K103)", "#DIV/0!"),
                ("T.DIST.2T(N103,L103)", "#NAME?"),
                ("T.DIST.2T(O103,M103)", "#NULL!"),
                ("T.DIST.2T(P103,N103)", "#NUM!"),
                ("T.DIST.2T(Q103,O103)", "#REF!"),
            ],
        );
    }

    /// T.DIST.RT: the `formulas` test workbook (row 104), values computed by Excel.
    #[test]
    fn t_dist_rt_edge_cases() {
        let g = sheet(&[(
            "C104",
            "0|5|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("T.DIST.RT(C104,)", "#NUM!"),
                ("T.DIST.RT(D104,10)", "0.0002686668013782261"),
                ("T.DIST.RT(E104,\"1\")", "0.30559988778578523"),
                ("T.DIST.RT(F104,-1)", "#NUM!"),
                ("T.DIST.RT(G104, 7)", "0.0025949566746484073"),
                ("T.DIST.RT(H104,H104)", "#NUM!"),
                ("T.DIST.RT(L104,J104)", "#N/A"),
                ("T.DIST.RT(M104,K104)", "#DIV/0!"),
                ("T.DIST.RT(N104,L104)", "#NAME?"),
                ("T.DIST.RT(O104,M104)", "#NULL!"),
                ("T.DIST.RT(P104,N104)", "#NUM!"),
                ("T.DIST.RT(Q104,O104)", "#REF!"),
            ],
        );
    }

    /// T.INV: the `formulas` test workbook (row 105), values computed by Excel.
    #[test]
    fn t_inv_edge_cases() {
        let g = sheet(&[(
            "C105",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("T.INV(C105,0.4)", "#NUM!"),
                ("T.INV(D105,9)", "-1.383028738396632"),
                ("T.INV(0.4,E105)", "#NUM!"),
                ("T.INV(0.01, F105)", "-2.3642173662384813"),
                ("T.INV(D105,G105)", "-1.5332062740589443"),
                ("T.INV(H105,3)", "#NUM!"),
                ("T.INV(0.3,J105)", "-0.7265425280053611"),
                ("T.INV(K105,C105)", "#VALUE!"),
                ("T.INV(L105,D105)", "#N/A"),
                ("T.INV(M105,E105)", "#DIV/0!"),
                ("T.INV(N105,F105)", "#NAME?"),
                ("T.INV(O105,G105)", "#NULL!"),
                ("T.INV(P105,H105)", "#NUM!"),
            ],
        );
    }

    /// T.INV.2T: the `formulas` test workbook (row 106), values computed by Excel.
    #[test]
    fn t_inv_2t_edge_cases() {
        let g = sheet(&[(
            "C106",
            "10|0.1|0.7|100|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!",
        )]);
        expect(
            &g,
            &[
                ("T.INV.2T(C106,0.4)", "#NUM!"),
                ("T.INV.2T(D106,9)", "1.8331129326562374"),
                ("T.INV.2T(0.4,E106)", "#NUM!"),
                ("T.INV.2T(0.01, F106)", "2.625890521438018"),
                ("T.INV.2T(D106,G106)", "2.13184678632665"),
                ("T.INV.2T(H106,3)", "#NUM!"),
                ("T.INV.2T(0.3,J106)", "1.9626105055051506"),
                ("T.INV.2T(K106,C106)", "#VALUE!"),
                ("T.INV.2T(L106,D106)", "#N/A"),
                ("T.INV.2T(M106,E106)", "#DIV/0!"),
                ("T.INV.2T(N106,F106)", "#NAME?"),
                ("T.INV.2T(O106,G106)", "#NULL!"),
                ("T.INV.2T(P106,H106)", "#NUM!"),
            ],
        );
    }

    /// T.TEST: the `formulas` test workbook (row 107), values computed by Excel.
    #[test]
    fn t_test_edge_cases() {
        let g = sheet(&[
            ("E104", "0.7"),
            ("E105", "0.7"),
            ("C106", "10|0.1|0.7|100|4"),
            ("C107", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.06596981193605113|#N/A|#DIV/0!"),
        ]);
        expect(
            &g,
            &[
                (
                    "T.TEST(C106:D107,E104:E107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "0.06596981193605113",
                ),
                (
                    "T.TEST(D107:E107,E107:G107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#N/A",
                ),
                (
                    "T.TEST(E107:F107,G107:H107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#DIV/0!",
                ),
                ("T.TEST(D107,F107,{1;2;1;2;1;2},{1;2;3;1;2;3})", "#DIV/0!"),
                (
                    "T.TEST(J107:K107,L107:M107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#N/A",
                ),
                (
                    "T.TEST(K107:L107,M107:N107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#VALUE!",
                ),
                (
                    "T.TEST(L107:M107,N107:O107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#N/A",
                ),
                (
                    "T.TEST(M107:N107,O107:P107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#DIV/0!",
                ),
                (
                    "T.TEST(N107:O107,P107:Q107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#NAME?",
                ),
                (
                    "T.TEST(O107:P107,Q107:R107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#NUM!",
                ),
                (
                    "T.TEST(P107:Q107,R107:S107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#NUM!",
                ),
                (
                    "T.TEST(Q107:R107,S107:T107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "#REF!",
                ),
                (
                    "T.TEST(C106:D107, F106:G107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "0.2069853781308648",
                ),
                (
                    "T.TEST(D107:E107, E107:F107,{1;2;1;2;1;2},{1;2;3;1;2;3})",
                    "0.4026357312570952",
                ),
            ],
        );
    }

    /// TREND: the `formulas` test workbook (row 113), values computed by Excel.
    #[test]
    fn trend_edge_cases() {
        let g = sheet(&[
            ("C113", "4|0.1|0.2|0.3|5|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-6.594117647058825"),
            ("E114", "0.7|3|4|||3|4|5|6|7|8|9|0|"),
        ]);
        expect(
            &g,
            &[
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},C113:D113)",
                    "-6.594117647058825",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},D113:F113)",
                    "#REF!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},E113:F114)",
                    "2.0529411764705867",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},F113:G114)",
                    "26.45882352941176",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},G113:G114)",
                    "#REF!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},J113:K114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},K113:L114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},L113:M114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},M113:N114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},N113:O114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},O113:P114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},P113:Q114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},Q113:R114)",
                    "#VALUE!",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},F113:G114)",
                    "26.45882352941176",
                ),
                (
                    "TREND({2;3;4;21;2},{2,1;2,2;5,3;2,4;4,1},F113:G114)",
                    "26.45882352941176",
                ),
            ],
        );
    }

    /// VAR.P: the `formulas` test workbook (row 116), values computed by Excel.
    #[test]
    fn var_p_edge_cases() {
        let g = sheet(&[
            ("C116", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|26.065714285714282"),
        ]);
        expect(
            &g,
            &[
                (
                    "VAR.P(C116:D116,D116:E116,E116:F116,\"2\")",
                    "26.065714285714282",
                ),
                ("VAR.P(D116:E116,E116:F116,F116:G116,\"\")", "#VALUE!"),
                ("VAR.P(H116)", "#DIV/0!"),
                ("VAR.P(G116:H116)", "0"),
                ("VAR.P(J116,G116)", "0"),
                ("VAR.P(K116:L116)", "#VALUE!"),
                ("VAR.P(L116:M116)", "#N/A"),
                ("VAR.P(M116:N116)", "#DIV/0!"),
                ("VAR.P(N116:O116)", "#NAME?"),
                ("VAR.P(O116:P116)", "#NULL!"),
                ("VAR.P(P116:Q116)", "#NUM!"),
                ("VAR.P(Q116:R116)", "#REF!"),
                ("VAR.P(J116:Q116)", "#VALUE!"),
            ],
        );
    }

    /// VAR.S: the `formulas` test workbook (row 117), values computed by Excel.
    #[test]
    fn var_s_edge_cases() {
        let g = sheet(&[
            ("C117", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|30.409999999999997"),
        ]);
        expect(
            &g,
            &[
                (
                    "VAR.S(C117:D117,D117:E117,E117:F117,\"2\")",
                    "30.409999999999997",
                ),
                ("VAR.S(D117:E117,E117:F117,F117:G117,\"\")", "#VALUE!"),
                ("VAR.S(G117:H117)", "#DIV/0!"),
                ("VAR.S(G117:H117)", "#DIV/0!"),
                ("VAR.S(J117,G117)", "#DIV/0!"),
                ("VAR.S(K117:L117)", "#VALUE!"),
                ("VAR.S(L117:M117)", "#N/A"),
                ("VAR.S(M117:N117)", "#DIV/0!"),
                ("VAR.S(N117:O117)", "#NAME?"),
                ("VAR.S(O117:P117)", "#NULL!"),
                ("VAR.S(P117:Q117)", "#NUM!"),
                ("VAR.S(Q117:R117)", "#REF!"),
                ("VAR.S(J117:Q117)", "#VALUE!"),
            ],
        );
    }

    /// VARA: the `formulas` test workbook (row 118), values computed by Excel.
    #[test]
    fn vara_edge_cases() {
        let g = sheet(&[
            ("C118", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|30.409999999999997"),
        ]);
        expect(
            &g,
            &[
                (
                    "VARA(C118:D118,D118:E118,E118:F118,\"2\")",
                    "30.409999999999997",
                ),
                ("VARA(D118:E118,E118:F118,F118:G118,\"\")", "#VALUE!"),
                ("VARA(G118:H118)", "#DIV/0!"),
                ("VARA(G118:H118)", "#DIV/0!"),
                ("VARA(J118,G118)", "0.605"),
                ("VARA(K118:L118)", "#VALUE!"),
                ("VARA(L118:M118)", "#N/A"),
                ("VARA(M118:N118)", "#DIV/0!"),
                ("VARA(N118:O118)", "#NAME?"),
                ("VARA(O118:P118)", "#NULL!"),
                ("VARA(P118:Q118)", "#NUM!"),
                ("VARA(Q118:R118)", "#REF!"),
                ("VARA(J118:Q118)", "#VALUE!"),
            ],
        );
    }

    /// VARPA: the `formulas` test workbook (row 119), values computed by Excel.
    #[test]
    fn varpa_edge_cases() {
        let g = sheet(&[
            ("C119", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|26.065714285714282"),
        ]);
        expect(
            &g,
            &[
                (
                    "VARPA(C119:D119,D119:E119,E119:F119,\"2\")",
                    "26.065714285714282",
                ),
                ("VARPA(D119:E119,E119:F119,F119:G119,\"\")", "#VALUE!"),
                ("VARPA(H119)", "#DIV/0!"),
                ("VARPA(G119:H119)", "0"),
                ("VARPA(J119,G119)", "0.3025"),
                ("VARPA(K119:L119)", "#VALUE!"),
                ("VARPA(L119:M119)", "#N/A"),
                ("VARPA(M119:N119)", "#DIV/0!"),
                ("VARPA(N119:O119)", "#NAME?"),
                ("VARPA(O119:P119)", "#NULL!"),
                ("VARPA(P119:Q119)", "#NUM!"),
                ("VARPA(Q119:R119)", "#REF!"),
                ("VARPA(J119:Q119)", "#VALUE!"),
            ],
        );
    }

    /// WEIBULL.DIST: the `formulas` test workbook (row 120), values computed by Excel.
    #[test]
    fn weibull_dist_edge_cases() {
        let g = sheet(&[(
            "C120",
            "0|-0.1|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("WEIBULL.DIST(C120,,,)", "#NUM!"),
                ("WEIBULL.DIST(D120,1,2,FALSE)", "#NUM!"),
                ("WEIBULL.DIST(E120,\"1\",\"3\",5)", "0.2081104336632183"),
                ("WEIBULL.DIST(F120,-1,2,\"TRUE\")", "#NUM!"),
                ("WEIBULL.DIST(G120, 0,0,1)", "#NUM!"),
                ("WEIBULL.DIST(H120,H120,G120,1)", "#NUM!"),
                ("WEIBULL.DIST(L120,J120,H120,1)", "#N/A"),
                ("WEIBULL.DIST(N120,L120,J120,1)", "#NAME?"),
                ("WEIBULL.DIST(O120,M120,K120,1)", "#NULL!"),
                ("WEIBULL.DIST(P120,N120,L120,1)", "#NUM!"),
                ("WEIBULL.DIST(Q120,O120,M120,1)", "#REF!"),
            ],
        );
    }

    /// Z.TEST: the `formulas` test workbook (row 121), values computed by Excel.
    #[test]
    fn z_test_edge_cases() {
        let g = sheet(&[
            ("C120", "0|-0.1||3|4"),
            ("C121", "10|3.2|0.7|2|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|0.13853080871747964|0.2778448951413972"),
        ]);
        expect(
            &g,
            &[
                ("Z.TEST(C120:D121,E121)", "0.13853080871747964"),
                ("Z.TEST(D121:E121,E121,3)", "0.2778448951413972"),
                ("Z.TEST(E121:F121,G121, 2)", "0.9695232747225335"),
                ("Z.TEST(D121:E121,F121,0)", "#NUM!"),
                ("Z.TEST(J121:K121,L121)", "#N/A"),
                ("Z.TEST(K121:L121,M121)", "#DIV/0!"),
                ("Z.TEST(L121:M121,O121,N121)", "#NULL!"),
                ("Z.TEST(M121:N121,3,N121)", "#NAME?"),
                ("Z.TEST(N121:O121,P121)", "#NUM!"),
                ("Z.TEST(O121:P121,Q121)", "#REF!"),
                ("Z.TEST(P121:Q121,R121)", "#NUM!"),
                ("Z.TEST(Q121:R121,S121)", "#REF!"),
                ("Z.TEST(C120:D121, F120:G121,2)", "0.39165811915360504"),
            ],
        );
    }

    /// NORM.INV: the `formulas` test workbook, COMPATIBILITY row 25, values computed by Excel.
    #[test]
    fn norm_inv_legacy_edge_cases() {
        let g = sheet(&[(
            "C25",
            "0|-0.1|0.7|0.002|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?||#NUM!",
        )]);
        expect(
            &g,
            &[
                ("NORM.INV(C25,4,4)", "#NUM!"),
                ("NORM.INV(D25,2,2)", "#NUM!"),
                ("NORM.INV(0.4,2,E25)", "1.82265702780494"),
                ("NORM.INV(F25,4,3)", "-4.634485217286448"),
                ("NORM.INV(G25,D25,E25)", "#NUM!"),
                ("NORM.INV(H25,3,2)", "#NUM!"),
                ("NORM.INV(0.3,J25,2)", "-0.04880102541608178"),
                ("NORM.INV(K25,C25,E25)", "#VALUE!"),
                ("NORM.INV(L25,D25,F25)", "#N/A"),
                ("NORM.INV(M25,E25,G25)", "#DIV/0!"),
                ("NORM.INV(N25,F25,H25)", "#NAME?"),
                ("NORM.INV(P25,H25,J25)", "#NUM!"),
            ],
        );
    }

    /// NORMDIST: the `formulas` test workbook, COMPATIBILITY row 26, values computed by Excel.
    #[test]
    fn normdist_legacy_edge_cases() {
        let g = sheet(&[(
            "C26",
            "0|-0.1|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NORMDIST(C26,,,)", "#NUM!"),
                ("NORMDIST(D26,1,2,FALSE)", "0.17147192750969195"),
                ("NORMDIST(E26,\"1\",\"3\",5)", "0.460172162722971"),
                ("NORMDIST(F26,-1,2,\"TRUE\")", "0.9772498680518208"),
                ("NORMDIST(G26, 0,0,1)", "#NUM!"),
                ("NORMDIST(H26,H26,G26,1)", "0.5"),
                ("NORMDIST(L26,J26,H26,1)", "#N/A"),
                ("NORMDIST(N26,L26,J26,1)", "#NAME?"),
                ("NORMDIST(O26,M26,K26,1)", "#NULL!"),
                ("NORMDIST(P26,N26,L26,1)", "#NUM!"),
                ("NORMDIST(Q26,O26,M26,1)", "#REF!"),
            ],
        );
    }

    /// NORMSDIST: the `formulas` test workbook, COMPATIBILITY row 27, values computed by Excel.
    #[test]
    fn normsdist_legacy_edge_cases() {
        let g = sheet(&[(
            "C27",
            "0|-0.1|0.7|3|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NORMSDIST(C27)", "0.5"),
                ("NORMSDIST(D27)", "0.460172162722971"),
                ("NORMSDIST(E27)", "0.758036347776927"),
                ("NORMSDIST(F27)", "0.9986501019683699"),
                ("NORMSDIST(G27)", "0.9999683287581669"),
                ("NORMSDIST(H27)", "0.5"),
                ("NORMSDIST(J27)", "0.841344746068543"),
                ("NORMSDIST(K27)", "#VALUE!"),
                ("NORMSDIST(L27)", "#N/A"),
                ("NORMSDIST(M27)", "#DIV/0!"),
                ("NORMSDIST(N27)", "#NAME?"),
                ("NORMSDIST(O27)", "#NULL!"),
                ("NORMSDIST(P27)", "#NUM!"),
                ("NORMSDIST(Q27)", "#REF!"),
            ],
        );
    }

    /// NORMSINV: the `formulas` test workbook, COMPATIBILITY row 28, values computed by Excel.
    #[test]
    fn normsinv_legacy_edge_cases() {
        let g = sheet(&[(
            "C28",
            "0|-0.1|0.7|0.002|4|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!",
        )]);
        expect(
            &g,
            &[
                ("NORMSINV(C28)", "#NUM!"),
                ("NORMSINV(D28)", "#NUM!"),
                ("NORMSINV(E28)", "0.5244005127080408"),
                ("NORMSINV(F28)", "-2.8781617390954826"),
                ("NORMSINV(G28)", "#NUM!"),
                ("NORMSINV(H28)", "#NUM!"),
                ("NORMSINV(J28)", "#NUM!"),
                ("NORMSINV(K28)", "#VALUE!"),
                ("NORMSINV(L28)", "#N/A"),
                ("NORMSINV(M28)", "#DIV/0!"),
                ("NORMSINV(N28)", "#NAME?"),
                ("NORMSINV(O28)", "#NULL!"),
                ("NORMSINV(P28)", "#NUM!"),
                ("NORMSINV(Q28)", "#REF!"),
            ],
        );
    }

    /// PERCENTILE: the `formulas` test workbook, COMPATIBILITY row 29, values computed by Excel.
    #[test]
    fn percentile_legacy_edge_cases() {
        let g = sheet(&[(
            "C29",
            "0|-10|0.9|0.1|-0.1||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-8",
        )]);
        expect(
            &g,
            &[
                ("PERCENTILE(C29:D29,\".2\")", "-8"),
                ("PERCENTILE(C29:H29,E29)", "0.5799999999999997"),
                ("PERCENTILE(E29:F29,F29)", "0.18000000000000008"),
                ("PERCENTILE(F29:G29,G29)", "#NUM!"),
                ("PERCENTILE(G29:H29,H29)", "-0.1"),
                ("PERCENTILE(K29:L29,L29)", "#N/A"),
                ("PERCENTILE(L29:M29,M29)", "#DIV/0!"),
                ("PERCENTILE(M29:N29,N29)", "#NAME?"),
                ("PERCENTILE(N29:O29,O29)", "#NULL!"),
                ("PERCENTILE(O29:P29,P29)", "#NUM!"),
                ("PERCENTILE(P29:Q29,Q29)", "#REF!"),
                ("PERCENTILE(Q29:R29,R29)", "#REF!"),
                ("PERCENTILE(C29:G29,0.03)", "-8.812"),
            ],
        );
    }

    /// QUARTILE: the `formulas` test workbook, COMPATIBILITY row 32, values computed by Excel.
    #[test]
    fn quartile_legacy_edge_cases() {
        let g = sheet(&[(
            "C32",
            "0|-10|0.9|2.2|-0.1||||#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|-5",
        )]);
        expect(
            &g,
            &[
                ("QUARTILE(C32:D32,\"2\")", "-5"),
                ("QUARTILE(C32:H32,E32)", "-10"),
                ("QUARTILE(E32:F32,F32)", "1.5500000000000003"),
                ("QUARTILE(F32:G32,G32)", "#NUM!"),
                ("QUARTILE(G32:H32,H32)", "-0.1"),
                ("QUARTILE(K32:L32,L32)", "#N/A"),
                ("QUARTILE(M32:N32,N32)", "#NAME?"),
                ("QUARTILE(N32:O32,O32)", "#NULL!"),
                ("QUARTILE(O32:P32,P32)", "#NUM!"),
                ("QUARTILE(P32:Q32,Q32)", "#REF!"),
                ("QUARTILE(Q32:R32,R32)", "#REF!"),
            ],
        );
    }

    /// STDEV: the `formulas` test workbook, COMPATIBILITY row 34, values computed by Excel.
    #[test]
    fn stdev_legacy_edge_cases() {
        let g = sheet(&[
            ("C34", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.514526271584894"),
        ]);
        expect(
            &g,
            &[
                ("STDEV(C34:D34,D34:E34,E34:F34,\"2\")", "5.514526271584894"),
                ("STDEV(D34:E34,E34:F34,F34:G34,\"\")", "#VALUE!"),
                ("STDEV(G34:H34)", "#DIV/0!"),
                ("STDEV(G34:H34)", "#DIV/0!"),
                ("STDEV(J34,G34)", "#DIV/0!"),
                ("STDEV(K34:L34)", "#VALUE!"),
                ("STDEV(L34:M34)", "#N/A"),
                ("STDEV(M34:N34)", "#DIV/0!"),
                ("STDEV(N34:O34)", "#NAME?"),
                ("STDEV(O34:P34)", "#NULL!"),
                ("STDEV(P34:Q34)", "#NUM!"),
                ("STDEV(Q34:R34)", "#REF!"),
                ("STDEV(J34:Q34)", "#VALUE!"),
            ],
        );
    }

    /// STDEVP: the `formulas` test workbook, COMPATIBILITY row 35, values computed by Excel.
    #[test]
    fn stdevp_legacy_edge_cases() {
        let g = sheet(&[
            ("C35", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|5.105459262957083"),
        ]);
        expect(
            &g,
            &[
                ("STDEVP(C35:D35,D35:E35,E35:F35,\"2\")", "5.105459262957083"),
                ("STDEVP(D35:E35,E35:F35,F35:G35,\"\")", "#VALUE!"),
                ("STDEVP(H35)", "#DIV/0!"),
                ("STDEVP(G35:H35)", "0"),
                ("STDEVP(J35,G35)", "0"),
                ("STDEVP(K35:L35)", "#VALUE!"),
                ("STDEV.P(L35:M35)", "#N/A"),
                ("STDEVP(M35:N35)", "#DIV/0!"),
                ("STDEVP(N35:O35)", "#NAME?"),
                ("STDEVP(O35:P35)", "#NULL!"),
                ("STDEVP(P35:Q35)", "#NUM!"),
                ("STDEVP(Q35:R35)", "#REF!"),
                ("STDEVP(J35:Q35)", "#VALUE!"),
            ],
        );
    }

    /// VAR: the `formulas` test workbook, COMPATIBILITY row 39, values computed by Excel.
    #[test]
    fn var_legacy_edge_cases() {
        let g = sheet(&[
            ("C39", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|30.409999999999997"),
        ]);
        expect(
            &g,
            &[
                ("VAR(C39:D39,D39:E39,E39:F39,\"2\")", "30.409999999999997"),
                ("VAR(D39:E39,E39:F39,F39:G39,\"\")", "#VALUE!"),
                ("VAR(G39:H39)", "#DIV/0!"),
                ("VAR(G39:H39)", "#DIV/0!"),
                ("VAR(J39,G39)", "#DIV/0!"),
                ("VAR(K39:L39)", "#VALUE!"),
                ("VAR(L39:M39)", "#N/A"),
                ("VAR(M39:N39)", "#DIV/0!"),
                ("VAR(N39:O39)", "#NAME?"),
                ("VAR(O39:P39)", "#NULL!"),
                ("VAR(P39:Q39)", "#NUM!"),
                ("VAR(Q39:R39)", "#REF!"),
                ("VAR(J39:Q39)", "#VALUE!"),
            ],
        );
    }

    /// VARP: the `formulas` test workbook, COMPATIBILITY row 40, values computed by Excel.
    #[test]
    fn varp_legacy_edge_cases() {
        let g = sheet(&[
            ("C40", "0|-10|0.9|2.2|-0.1|||TRUE|#VALUE!|#N/A|#DIV/0!|#NAME?|#NULL!|#NUM!|#REF!|26.065714285714282"),
        ]);
        expect(
            &g,
            &[
                ("VARP(C40:D40,D40:E40,E40:F40,\"2\")", "26.065714285714282"),
                ("VARP(D40:E40,E40:F40,F40:G40,\"\")", "#VALUE!"),
                ("VARP(H40)", "#DIV/0!"),
                ("VARP(G40:H40)", "0"),
                ("VARP(J40,G40)", "0"),
                ("VARP(K40:L40)", "#VALUE!"),
                ("VARP(L40:M40)", "#N/A"),
                ("VARP(M40:N40)", "#DIV/0!"),
                ("VARP(N40:O40)", "#NAME?"),
                ("VARP(O40:P40)", "#NULL!"),
                ("VARP(P40:Q40)", "#NUM!"),
                ("VARP(Q40:R40)", "#REF!"),
                ("VARP(J40:Q40)", "#VALUE!"),
            ],
        );
    }

    /// IronCalc workbook `NORM_DIST`, sheet `NORM.DIST NORM.INV`: values computed by Excel.
    #[test]
    fn norm_dist_norm_dist_norm_inv_workbook() {
        let g = sheet(&[
            ("A2", "42|40|1.5|TRUE"),
            ("B3", "40|1.5||0.10934004978399575"),
            ("A5", "0.8|1.2|0.2|FALSE"),
            ("B6", "0|1||0.5"),
            ("B8", "0|1||0.841344746068543"),
            ("A10", "1.96|0|1|TRUE"),
            ("B11", "0|1||0.02499789514822043"),
            ("B13", "40|1.5||0.26596152026762176"),
            ("A15", "0|0|10|TRUE"),
            ("A17", "0|-5|1|FALSE"),
            ("A19", "-1000000|0|1|TRUE"),
            ("B20", "0|1||0.5000003989422803"),
            ("A22", "0.8|1000000|0.2|TRUE"),
            ("A24", "0.8|1e-06|0.2|TRUE"),
            ("B25", "-1e-06|0.2||0.9999683294273113"),
            ("A27", "0|0|-1e-05|TRUE"),
            ("B29", "0|-1000000||#NUM!"),
            ("A31", "42|40|-1|TRUE"),
            ("A32", "|40|1.5"),
            ("B34", "40|||#NUM!"),
            ("B36", "40|1.5||#DIV/0!"),
            ("A38", "42|40|#DIV/0!|TRUE"),
            ("A40", "FALSE|0|1|TRUE"),
            ("B41", "TRUE|0.2||0.15865525393145713"),
            ("A43", "0.8|1.2|TRUE|TRUE"),
            ("A45", "42|40|1.5|1"),
            ("B46", "40|1.5||0.10934004978399575"),
            ("A48", "42|40|1.5|'TRUE"),
            ("A50", "42|40|1.5|'\"TRUE\""),
            ("B51", "40|1.5||#VALUE!"),
            ("A53", "42|'40|1.5|TRUE"),
            ("A55", "'\"42\"|40|1.5|TRUE"),
            ("B56", "40|1.5||#VALUE!"),
            ("B58", "40|1.5|TRUE"),
            ("B60", "40|||#NUM!"),
            ("A67", "0.5|40|1.5"),
            ("A71", "0|0|1"),
            ("A74", "-1e-07|0|1"),
            ("A77", "0.999999|0|1"),
        ]);
        expect(
            &g,
            &[
                ("NORM.DIST(A2,B2,C2,D2)", "0.9087887802741321"),
                ("NORM.INV(E3,B3,C3)", "38.154931880843485"),
                ("NORM.DIST(A5,B5,C5,D5)", "0.2699548325659405"),
                ("NORM.INV(E6,B6,C6)", "0"),
                ("NORM.INV(E8,B8,C8)", "0.9999999999999996"),
                ("NORM.DIST(A10,B10,C10,D10)", "0.9750021048517795"),
                ("NORM.INV(E11,B11,C11)", "-1.9599999999999997"),
                ("NORM.INV(E13,B13,C13)", "39.06239025509279"),
                ("NORM.DIST(A15,B15,C15,D15)", "0.5"),
                ("NORM.DIST(A17,B17,C17,D17)", "1.4867195147342977e-06"),
                ("NORM.DIST(A19,B19,C19,D19)", "0"),
                ("NORM.INV(E20,B20,C20)", "9.99999999800783e-07"),
                ("NORM.DIST(A22,B22,C22,D22)", "0"),
                ("NORM.DIST(A24,B24,C24,D24)", "0.999968328089009"),
                ("NORM.INV(E25,B25,C25)", "0.7999999999999537"),
                ("NORM.DIST(A27,B27,C27,D27)", "#NUM!"),
                ("NORM.INV(E29,B29,C29)", "#NUM!"),
                ("NORM.DIST(A31,B31,C31,D31)", "#NUM!"),
                ("NORM.INV(A32,B32,C32)", "#NUM!"),
                ("NORM.INV(E34,B34,C34)", "#NUM!"),
                ("NORM.INV(E36,B36,C36)", "#DIV/0!"),
                ("NORM.DIST(A38,B38,C38,D38)", "#DIV/0!"),
                ("NORM.DIST(A40,B40,C40,D40)", "0.5"),
                ("NORM.INV(E41,B41,C41)", "0.8000000000000003"),
                ("NORM.DIST(A43,B43,C43,D43)", "0.3445782583896758"),
                ("NORM.DIST(A45,B45,C45,D45)", "0.9087887802741321"),
                ("NORM.INV(E46,B46,C46)", "38.154931880843485"),
                ("NORM.DIST(A48,B48,C48,D48)", "0.9087887802741321"),
                ("NORM.DIST(A50,B50,C50,D50)", "#VALUE!"),
                ("NORM.INV(E51,B51,C51)", "#VALUE!"),
                ("NORM.DIST(A53,B53,C53,D53)", "0.9087887802741321"),
                ("NORM.DIST(A55,B55,C55,D55)", "#VALUE!"),
                ("NORM.INV(E56,B56,C56)", "#VALUE!"),
                ("NORM.DIST(,B58,C58,D58)", "5.7347825020024226e-157"),
                ("NORM.INV(E60,B60,)", "#NUM!"),
                ("NORM.INV(,,)", "#NUM!"),
                ("NORM.INV(A67,B67,C67)", "40"),
                ("NORM.INV(A71,B71,C71)", "#NUM!"),
                ("NORM.INV(A74,B74,C74)", "#NUM!"),
                ("NORM.INV(A77,B77,C77)", "4.753424308817089"),
            ],
        );
    }

    /// IronCalc workbook `NORM_DIST`, sheet `NORM.S.DIST NORM.S.INV`: values computed by Excel.
    #[test]
    fn norm_dist_norm_s_dist_norm_s_inv_workbook() {
        let g = sheet(&[
            ("A2", "1.333333|TRUE"),
            ("A3", "1.333333|FALSE"),
            ("C4", "0.7881446014166034"),
            ("C5", "0.28969155276148273"),
            ("A7", "0|FALSE"),
            ("A8", "1|TRUE"),
            ("C9", "0.158655253931457"),
            ("A11", "-2|TRUE"),
            ("A12", "3|TRUE"),
            ("C13", "0.0013498980316300933"),
            ("C14", "0.9750021048517795"),
            ("A16", "1|FALSE"),
            ("A17", "-1|FALSE"),
            ("C18", "1"),
            ("C20", "1"),
            ("C21", "0"),
            ("A23", "1.5|TRUE"),
            ("C25", "0.3989422804014327"),
            ("C27", "#DIV/0!"),
            ("A29", "TRUE|TRUE"),
            ("A30", "FALSE|TRUE"),
            ("C31", "0.9331927987311419"),
            ("C32", "0.12951759566589174"),
            ("A34", "1.5|'TRUE"),
            ("A35", "1.5|'true"),
            ("C36", "#VALUE!"),
            ("A38", "'1.5|TRUE"),
            ("A39", "'\"1.5\"|TRUE"),
            ("C40", "#VALUE!"),
            ("C41", "0.9331927987311419"),
            ("B43", "TRUE"),
            ("A52", "0.84134"),
            ("A55", "0.975"),
            ("A57", "1"),
            ("A60", "-0.5"),
            ("A62", "0.999999"),
            ("A65", "FALSE"),
        ]);
        expect(
            &g,
            &[
                ("NORM.S.DIST(A2,B2)", "0.9087887256040951"),
                ("NORM.S.DIST(A3,B3)", "0.16401014756936722"),
                ("NORM.S.INV(C4)", "0.8000000000000002"),
                ("NORM.S.INV(C5)", "-0.5542860357852857"),
                ("NORM.S.DIST(A7,B7)", "0.3989422804014327"),
                ("NORM.S.DIST(A8,B8)", "0.841344746068543"),
                ("NORM.S.INV(C9)", "-0.9999999999999996"),
                ("NORM.S.DIST(A11,B11)", "0.02275013194817919"),
                ("NORM.S.DIST(A12,B12)", "0.9986501019683699"),
                ("NORM.S.INV(C13)", "-3"),
                ("NORM.S.INV(C14)", "1.9599999999999989"),
                ("NORM.S.DIST(A16,B16)", "0.24197072451914337"),
                ("NORM.S.DIST(A17,B17)", "0.24197072451914337"),
                ("NORM.S.INV(C18)", "#NUM!"),
                ("NORM.S.INV(C20)", "#NUM!"),
                ("NORM.S.INV(C21)", "#NUM!"),
                ("NORM.S.DIST(A23,B23)", "0.9331927987311419"),
                (" NORM.DIST(1.5, 0, 1, TRUE)", "0.9331927987311419"),
                (" NORM.DIST(1.5, 0, 1, FALSE)", "0.12951759566589174"),
                ("NORM.S.INV(C25)", "-0.2560858332024426"),
                ("NORM.S.INV(C27)", "#DIV/0!"),
                ("NORM.S.DIST(A29,B29)", "0.841344746068543"),
                ("NORM.S.DIST(A30,B30)", "0.5"),
                ("NORM.S.INV(C31)", "1.5"),
                ("NORM.S.INV(C32)", "-1.1286744499444576"),
                ("NORM.S.DIST(A34,B34)", "0.9331927987311419"),
                ("NORM.S.DIST(A35,B35)", "0.9331927987311419"),
                ("NORM.S.INV(C36)", "#VALUE!"),
                ("NORM.S.DIST(A38,B38)", "0.9331927987311419"),
                ("NORM.S.DIST(A39,B39)", "#VALUE!"),
                ("NORM.S.INV(C40)", "#VALUE!"),
                ("NORM.S.INV(C41)", "1.5"),
                ("NORM.S.DIST(,B43)", "0.5"),
                ("NORM.S.DIST(,)", "0.3989422804014327"),
                ("NORM.S.INV(A52)", "0.9999803859660803"),
                ("NORM.S.INV(A55)", "1.9599639845400536"),
                ("NORM.S.INV(A57)", "#NUM!"),
                ("NORM.S.INV(A60)", "#NUM!"),
                ("NORM.S.INV(A62)", "4.753424308817089"),
                ("NORM.S.INV(A65)", "#NUM!"),
            ],
        );
    }

    /// IronCalc workbook `BINOM`, sheet `BINOM.DIST`: values computed by Excel.
    #[test]
    fn binom_binom_dist_workbook() {
        let g = sheet(&[
            ("A2", "7|8|0.7|TRUE"),
            ("A4", "1.2|2.7|0.1|TRUE"),
            ("A6", "2.99|10|0.5|TRUE"),
            ("A10", "1|3000|0.0001|TRUE"),
            ("A12", "5|10|0.5|TRUE"),
            ("A14", "9999|10000|0.999|TRUE"),
            ("A17", "0|0|0|TRUE"),
            ("A19", "1995|2000|0.1|TRUE"),
            ("A21", "1|1|0.5|TRUE"),
            ("A24", "2|10|0.999999|TRUE"),
            ("A26", "2|10|1|TRUE"),
            ("A29", "5|10|0.5|TRUE"),
            ("A31", "99|100|0.99|TRUE"),
            ("A33", "99|100|0.01|TRUE"),
            ("A38", "0|2|0.3|TRUE"),
            ("A40", "-2|10|0.3|TRUE"),
            ("A42", "|10|0.3|TRUE"),
            ("A45", "|||"),
            ("A47", "2||0.3|TRUE"),
            ("A52", "7|8|0.7|6"),
            ("A54", "7|8|0.7"),
            ("A58", "7|8|0.7|'true"),
            ("A60", "7|8|0.7|'abc"),
            ("A62", "#DIV/0!|2|3|TRUE"),
            ("A65", "3|2|3|#DIV/0!"),
            ("A67", "TRUE|8|0.7|TRUE"),
            ("A69", "1|8|FALSE|TRUE"),
            ("A72", "'\"2\"|'\"10\"|'\"0.3\"|TRUE"),
            ("A77", "3|10|0.3|FALSE"),
        ]);
        expect(
            &g,
            &[
                ("BINOM.DIST(A2,B2,C2,D2)", "0.94235199"),
                ("BINOM.DIST(A4,B4,C4,D4)", "0.99"),
                ("BINOM.DIST(A6,B6,C6,D6)", "0.0546875"),
                ("BINOM.DIST(A10,B10,C10,D10)", "0.9630714665120287"),
                ("BINOM.DIST(A12,B12,C12,D12)", "0.623046875"),
                ("BINOM.DIST(A14,B14,C14,D14)", "0.9999548266540229"),
                ("BINOM.DIST(A17,B17,C17,D17)", "1"),
                ("BINOM.DIST(A19,B19,C19,D19)", "1"),
                ("BINOM.DIST(A21,B21,C21,D21)", "1"),
                ("BINOM.DIST(A24,B24,C24,D24)", "4.499992001038836e-47"),
                ("BINOM.DIST(A26,B26,C26,D26)", "0"),
                ("BINOM.DIST(A29,B29,C29,D29)", "0.623046875"),
                ("BINOM.DIST(A31,B31,C31,D31)", "0.6339676587267709"),
                ("BINOM.DIST(A33,B33,C33,D33)", "1"),
                ("BINOM.DIST(A38,B38,C38,D38)", "0.49"),
                ("BINOM.DIST(A40,B40,C40,D40)", "#NUM!"),
                ("BINOM.DIST(A42,B42,C42,D42)", "0.028247524899999994"),
                ("BINOM.DIST(A45,B45,C45,D45)", "1"),
                ("BINOM.DIST(A47,,C47,D47)", "#NUM!"),
                ("BINOM.DIST(,,,)", "1"),
                ("BINOM.DIST(A52,B52,C52,D52)", "0.94235199"),
                ("BINOM.DIST(A54,B54,C54,)", "0.19765031999999993"),
                ("BINOM.DIST(A58,B58,C58,D58)", "0.94235199"),
                ("BINOM.DIST(A60,B60,C60,D60)", "#VALUE!"),
                ("BINOM.DIST(A62,B62,C62,D62)", "#DIV/0!"),
                ("BINOM.DIST(A65,B65,C65,D65)", "#DIV/0!"),
                ("BINOM.DIST(A67,B67,C67,D67)", "0.0012903300000000034"),
                ("BINOM.DIST(A69,B69,C69,D69)", "1"),
                ("BINOM.DIST(A72,B72,C72,D72)", "#VALUE!"),
                ("BINOM.DIST(A77,B77,C77,D77)", "0.26682793200000005"),
            ],
        );
    }

    /// IronCalc workbook `BINOM`, sheet `BINOM.DIST.RANGE`: values computed by Excel.
    #[test]
    fn binom_binom_dist_range_workbook() {
        let g = sheet(&[
            ("A2", "7|8|0.7|8"),
            ("A3", "3|17|0.2|10"),
            ("A5", "2.01|10|0.5|6"),
            ("A6", "2.99|10|0.5|6"),
            ("A8", "2|10|0.5|6.99"),
            ("A9", "2|3000|0.5|3"),
            ("A11", "0|10|0.3|10"),
            ("A12", "2|2|0.1|"),
            ("A14", "0|0|0|0"),
            ("A15", "0|10|0.3|0"),
            ("A17", "5|10|0.3|5"),
            ("A18", "5|10|0.3|5"),
            ("A20", "5|10|0.3|12"),
            ("A21", "2|10|1e-06|3"),
            ("A23", "2|10|0.999999|3"),
            ("A25", "2|10|1|3"),
            ("A26", "0|2|0.3|1"),
            ("A28", "2|10|0.3|-2"),
            ("A29", "|10|0.3|2"),
            ("A31", "2|10||"),
            ("A32", "#DIV/0!|2|3|#DIV/0!"),
            ("A34", "3|2|#DIV/0!|#DIV/0!"),
            ("A35", "3|2|3|#DIV/0!"),
            ("A37", "FALSE|10|0.3|1"),
            ("A38", "0|TRUE|0.3|1"),
            ("A40", "0|10|0.3|TRUE"),
            ("A41", "'2|'10|'0.3|'3"),
            ("A43", "'\"2\"|'\"10\"|'\"0.3\"|'\"3\""),
            ("A47", "10|20|0.5|10"),
            ("A49", "2|10|0.3|7"),
        ]);
        expect(
            &g,
            &[
                ("BINOM.DIST.RANGE(B2,C2,A2,D2)", "0.2552983299999998"),
                ("BINOM.DIST.RANGE(B3,C3,A3,D3)", "0.6903019185006181"),
                ("BINOM.DIST.RANGE(B5,C5,A5,D5)", "0.8173828125"),
                ("BINOM.DIST.RANGE(B6,C6,A6,D6)", "0.8173828125"),
                ("BINOM.DIST.RANGE(B8,C8,A8,D8)", "0.8173828125"),
                ("BINOM.DIST.RANGE(B9,C9,A9,D9)", "0"),
                ("BINOM.DIST.RANGE(B11,C11,A11,D11)", "1"),
                ("BINOM.DIST.RANGE(B12,C12,A12,D12)", "#NUM!"),
                ("BINOM.DIST.RANGE(B14,C14,A14,D14)", "1"),
                ("BINOM.DIST.RANGE(B15,C15,A15,D15)", "0.028247524899999994"),
                ("BINOM.DIST.RANGE(B17,C17,A17,D17)", "0.10291934520000003"),
                ("BINOM.DIST.RANGE(B18,C18,A18,D18)", "0.10291934520000003"),
                ("BINOM.DIST.RANGE(B20,C20,A20,D20)", "#NUM!"),
                ("BINOM.DIST.RANGE(B21,C21,A21,D21)", "4.499976000042004e-11"),
                (
                    "BINOM.DIST.RANGE(B23,C23,A23,D23)",
                    "1.1999968502442456e-40",
                ),
                ("BINOM.DIST.RANGE(B25,C25,A25,D25)", "0"),
                ("BINOM.DIST.RANGE(B26,C26,A26,D26)", "0.91"),
                ("BINOM.DIST.RANGE(B28,C28,A28,D28)", "#NUM!"),
                ("BINOM.DIST.RANGE(B29,C29,A29,D29)", "0.3827827863999998"),
                ("BINOM.DIST.RANGE(B31,C31,A31,D31)", "#NUM!"),
                ("BINOM.DIST.RANGE(B32,C32,A32,D32)", "#DIV/0!"),
                ("BINOM.DIST.RANGE(B34,C34,A34,D34)", "#DIV/0!"),
                ("BINOM.DIST.RANGE(B35,C35,A35,D35)", "#DIV/0!"),
                ("BINOM.DIST.RANGE(B37,C37,A37,D37)", "0.1493083459"),
                ("BINOM.DIST.RANGE(B38,C38,A38,D38)", "1"),
                ("BINOM.DIST.RANGE(B40,C40,A40,D40)", "0.1493083459"),
                ("BINOM.DIST.RANGE(B41,C41,A41,D41)", "0.5003023725"),
                ("BINOM.DIST.RANGE(B43,C43,A43,D43)", "#VALUE!"),
                ("BINOM.DIST.RANGE(B47,C47,A47,D47)", "0.17619705200195307"),
                ("BINOM.DIST.RANGE(B49,C49,A49,D49)", "0.8491012677"),
            ],
        );
    }

    /// IronCalc workbook `BINOM`, sheet `BINOM.INV`: values computed by Excel.
    #[test]
    fn binom_binom_inv_workbook() {
        let g = sheet(&[
            ("A2", "10|0.7|0.8"),
            ("A3", "10|0.7|0"),
            ("A4", "10|0.7|1"),
            ("A5", "10|0.7|-2"),
            ("A6", "10|0.7|2"),
            ("A9", "10|0.5|"),
            ("A10", "10|0.5"),
            ("A12", "1|0.7|0.8"),
            ("A13", "100000|0.7|0.8"),
            ("A14", "100000|0.1|0.5"),
            ("A17", "10.0001|0.7|0.8"),
            ("A18", "10.9999|0.7|0.8"),
            ("A22", "-1e-10|10|0.5"),
            ("A23", "10|0.999999|0.8"),
            ("A25", "10|1|0.8"),
            ("A27", "10|2|0.8"),
            ("A28", "10|0.5|0.5"),
            ("A31", "10|0.5|0.1"),
            ("A32", "10|0.5|0.9"),
            ("A33", "10|0.5|0.25"),
            ("A36", "#DIV/0!|3|0.8"),
            ("A37", "2|#DIV/0!|0.8"),
            ("A38", "2|3|#DIV/0!"),
            ("A39", "#NAME?|#N/A|#DIV/0!"),
            ("A40", "'10|'0.3|'0.8"),
            ("A42", "'\"10\"|'\"0.3\"|'\"0.8\""),
            ("A43", "TRUE|0.5|0.8"),
            ("A44", "10|TRUE|0.8"),
            ("A45", "10|0.5|TRUE"),
            ("A47", "10|0.5|0.8"),
        ]);
        expect(
            &g,
            &[
                ("BINOM.INV(A2,B2,C2)", "8"),
                ("BINOM.INV(A3,B3,C3)", "#NUM!"),
                ("BINOM.INV(A4,B4,C4)", "#NUM!"),
                ("BINOM.INV(A5,B5,C5)", "#NUM!"),
                ("BINOM.INV(A6,B6,C6)", "#NUM!"),
                ("BINOM.INV(A9,B9,C9)", "#NUM!"),
                ("BINOM.INV(A10,B10,)", "#NUM!"),
                ("BINOM.INV(A12,B12,C12)", "1"),
                ("BINOM.INV(A13,B13,C13)", "70122"),
                ("BINOM.INV(A14,B14,C14)", "10000"),
                ("BINOM.INV(A17,B17,C17)", "8"),
                ("BINOM.INV(A18,B18,C18)", "8"),
                ("BINOM.INV(A22,B22,C22)", "#NUM!"),
                ("BINOM.INV(A23,B23,C23)", "10"),
                ("BINOM.INV(A25,B25,C25)", "#NUM!"),
                ("BINOM.INV(A27,B27,C27)", "#NUM!"),
                ("BINOM.INV(A28,B28,C28)", "5"),
                ("BINOM.INV(A31,B31,C31)", "3"),
                ("BINOM.INV(A32,B32,C32)", "7"),
                ("BINOM.INV(A33,B33,C33)", "4"),
                ("BINOM.INV(A36,B36,C36)", "#DIV/0!"),
                ("BINOM.INV(A37,B37,C37)", "#DIV/0!"),
                ("BINOM.INV(A38,B38,C38)", "#DIV/0!"),
                ("BINOM.INV(A39,B39,C39)", "#NAME?"),
                ("BINOM.INV(A40,B40,C40)", "4"),
                ("BINOM.INV(A42,B42,C42)", "#VALUE!"),
                ("BINOM.INV(A43,B43,C43)", "1"),
                ("BINOM.INV(A44,B44,C44)", "#NUM!"),
                ("BINOM.INV(A45,B45,C45)", "#NUM!"),
                ("BINOM.INV(A47,B47,C47)", "6"),
            ],
        );
    }

    /// IronCalc workbook `BINOM`, sheet `NEGBINOM.DIST`: values computed by Excel.
    #[test]
    fn binom_negbinom_dist_workbook() {
        let g = sheet(&[
            ("A2", "7|8|0.7|TRUE"),
            ("A4", "1.2|2.7|0.1|TRUE"),
            ("A6", "2.99|10|0.5|TRUE"),
            ("A9", "2|3000|0.5|TRUE"),
            ("A11", "3000|3000|0.0001|TRUE"),
            ("A14", "1|1000000|1e-05|TRUE"),
            ("A16", "1000000|10|0.5|TRUE"),
            ("A20", "0|10|0.3|TRUE"),
            ("A22", "5|0|0.5|TRUE"),
            ("A25", "|||"),
            ("A27", "5|10|0.3|FALSE"),
            ("A30", "2|10|1e-06|TRUE"),
            ("A32", "2|10|0|TRUE"),
            ("A35", "2|10|2|TRUE"),
            ("A37", "0|100|0.01|TRUE"),
            ("A40", "99|100|0.01|TRUE"),
            ("A42", "2|10000000000|0.3|TRUE"),
            ("A44", "-2|10|0.3|TRUE"),
            ("A47", "2||0.3|TRUE"),
            ("A49", "|||"),
            ("A52", "2|10||TRUE"),
            ("A54", "7|8|0.7|1"),
            ("A57", "7|8|0.7|"),
            ("A59", "7|8|0.7|0.0001"),
            ("A62", "7|8|0.7|'true"),
            ("A64", "7|8|0.7|'abc"),
            ("A67", "3|#DIV/0!|3|TRUE"),
            ("A69", "3|2|3|#DIV/0!"),
            ("A72", "0|TRUE|0.7|TRUE"),
            ("A74", "'2|'10|'0.3|TRUE"),
        ]);
        expect(
            &g,
            &[
                ("NEGBINOM.DIST(A2,B2,C2,D2)", "0.949987459946224"),
                ("NEGBINOM.DIST(A4,B4,C4,D4)", "0.02800000000000001"),
                ("NEGBINOM.DIST(A6,B6,C6,D6)", "0.019287109375000007"),
                ("NEGBINOM.DIST(A9,B9,C9,D9)", "0"),
                ("NEGBINOM.DIST(A11,B11,C11,D11)", "0"),
                ("NEGBINOM.DIST(A14,B14,C14,D14)", "0"),
                ("NEGBINOM.DIST(A16,B16,C16,D16)", "1"),
                ("NEGBINOM.DIST(A20,B20,C20,D20)", "5.904899999999995e-06"),
                ("NEGBINOM.DIST(A22,B22,C22,D22)", "#NUM!"),
                ("NEGBINOM.DIST(A25,B25,C25,D25)", "#NUM!"),
                ("NEGBINOM.DIST(A27,B27,C27,D27)", "0.001986857959086001"),
                ("NEGBINOM.DIST(A30,B30,C30,D30)", "6.599988000005536e-59"),
                ("NEGBINOM.DIST(A32,B32,C32,D32)", "#NUM!"),
                ("NEGBINOM.DIST(A35,B35,C35,D35)", "#NUM!"),
                ("NEGBINOM.DIST(A37,B37,C37,D37)", "1.0000000000000348e-200"),
                ("NEGBINOM.DIST(A40,B40,C40,D40)", "1.690659363904351e-142"),
                ("NEGBINOM.DIST(A42,B42,C42,D42)", "0"),
                ("NEGBINOM.DIST(A44,B44,C44,D44)", "#NUM!"),
                ("NEGBINOM.DIST(A47,B47,C47,D47)", "#NUM!"),
                ("NEGBINOM.DIST(A49,B49,C49,D49)", "#NUM!"),
                ("NEGBINOM.DIST(A52,B52,C52,D52)", "#NUM!"),
                ("NEGBINOM.DIST(A54,B54,C54,D54)", "0.949987459946224"),
                ("NEGBINOM.DIST(A57,B57,C57,D57)", "0.04326935110898399"),
                ("NEGBINOM.DIST(A59,B59,C59,D59)", "0.949987459946224"),
                ("NEGBINOM.DIST(A62,B62,C62,D62)", "0.949987459946224"),
                ("NEGBINOM.DIST(A64,B64,C64,D64)", "#VALUE!"),
                ("NEGBINOM.DIST(A67,B67,C67,D67)", "#DIV/0!"),
                ("NEGBINOM.DIST(A69,B69,C69,D69)", "#DIV/0!"),
                ("NEGBINOM.DIST(A72,B72,C72,D72)", "0.7"),
                ("NEGBINOM.DIST(A74,B74,C74,D74)", "0.00020637625500000018"),
            ],
        );
    }

    /// IronCalc workbook `BETA_GAMMA`, sheet `BETA_DIST`: values computed by Excel.
    #[test]
    fn beta_gamma_beta_dist_workbook() {
        let g = sheet(&[
            ("A2", "1|1|1|TRUE|||1"),
            ("A3", "2|8|10|TRUE|1|3|0.6854705810546873"),
            ("A4", "2|8|10|FALSE|1|3"),
            ("A5", "10|9|2|TRUE"),
            ("A6", "10|9|2|FALSE"),
        ]);
        expect(
            &g,
            &[
                ("BETA.DIST(A2,B2,C2,D2)", "1"),
                ("BETA.INV(G2,B2,C2,E2,F2)", "#NUM!"),
                ("GAMMA.DIST(A2,B2,C2,D2)", "0.6321205588285577"),
                ("BETA.DIST(A3,B3,C3,D3,E3,F3)", "0.6854705810546873"),
                ("BETA.INV(G3,B3,C3,E3,F3)", "1.9999999999999998"),
                ("GAMMA.DIST(A3,B3,C3,D3)", "5.316161131057619e-11"),
                ("BETA.DIST(A4,B4,C4,D4,E4,F4)", "1.4837646484375"),
                ("GAMMA.DIST(A4,B4,C4,D4)", "2.079316198293284e-10"),
                ("BETA.DIST(A5,B5,C5,D5)", "#NUM!"),
                ("GAMMA.DIST(A5,B5,C5,D5)", "0.06809363472184855"),
                ("BETA.DIST(A6,B6,C6,D6)", "#NUM!"),
                ("GAMMA.DIST(A6,B6,C6,D6)", "0.032639019674079374"),
            ],
        );
    }

    /// IronCalc workbook `BETA_GAMMA`, sheet `Sheet1`: values computed by Excel.
    #[test]
    fn beta_gamma_sheet1_workbook() {
        let g = sheet(&[
            ("A2", "-3"),
            ("A3", "-2"),
            ("A4", "-3.2"),
            ("A5", "2"),
            ("A6", "5"),
            ("A7", "6"),
            ("A8", "1"),
            ("A9", "0"),
            ("A10", "100"),
            ("A11", "23.4"),
            ("A12", "2.22"),
            ("A13", "-18.1111"),
        ]);
        expect(
            &g,
            &[
                ("GAMMA(A2)", "#NUM!"),
                ("GAMMALN(A2)", "#NUM!"),
                ("GAMMALN.PRECISE(A2)", "#NUM!"),
                ("GAMMA(A3)", "#NUM!"),
                ("GAMMALN(A3)", "#NUM!"),
                ("GAMMALN.PRECISE(A3)", "#NUM!"),
                ("GAMMA(A4)", "0.6890564120059791"),
                ("GAMMALN(A4)", "#NUM!"),
                ("GAMMALN.PRECISE(A4)", "#NUM!"),
                ("GAMMA(A5)", "1"),
                ("GAMMALN(A5)", "0"),
                ("GAMMALN.PRECISE(A5)", "0"),
                ("GAMMA(A6)", "24"),
                ("GAMMALN(A6)", "3.1780538303479458"),
                ("GAMMALN.PRECISE(A6)", "3.1780538303479458"),
                ("GAMMA(A7)", "120"),
                ("GAMMALN(A7)", "4.787491742782046"),
                ("GAMMALN.PRECISE(A7)", "4.787491742782046"),
                ("GAMMA(A8)", "1"),
                ("GAMMALN(A8)", "0"),
                ("GAMMALN.PRECISE(A8)", "0"),
                ("GAMMA(A9)", "#NUM!"),
                ("GAMMALN(A9)", "#NUM!"),
                ("GAMMALN.PRECISE(A9)", "#NUM!"),
                ("GAMMALN(A10)", "359.1342053695754"),
                ("GAMMALN.PRECISE(A10)", "359.1342053695754"),
                ("GAMMA(A11)", "3.91912153053999e+21"),
                ("GAMMALN(A11)", "49.720154482211285"),
                ("GAMMALN.PRECISE(A11)", "49.720154482211285"),
                ("GAMMA(A12)", "1.113989255962702"),
                ("GAMMALN(A12)", "0.10794749690086498"),
                ("GAMMALN.PRECISE(A12)", "0.10794749690086498"),
                ("GAMMA(A13)", "-1.0372074185215364e-15"),
                ("GAMMALN(A13)", "#NUM!"),
                ("GAMMALN.PRECISE(A13)", "#NUM!"),
            ],
        );
    }

    /// IronCalc workbook `PERCENTIL_QUARTIL`, sheet `Sheet1`: values computed by Excel.
    #[test]
    fn percentil_quartil_sheet1_workbook() {
        let g = sheet(&[
            ("A1", "1"),
            ("A2", "2|1||||0"),
            ("A3", "3|2||||1.3"),
            ("A4", "4|-1||||2.7"),
            ("A5", "5|0.4||||3"),
            ("A6", "6|0.7||||4"),
            ("A7", "7|0.11||||-1"),
            ("A8", "8|0.912||||"),
            ("A9", "9|0.8||||4.5"),
            ("A10", "10|12||||7"),
            ("A14", "12|0.1|||||||-4.1"),
            ("A15", "-1|0.2|||||||-4"),
            ("A16", "7.5|0.3|||||||3"),
            ("A17", "56|0.5|||||||10.5"),
            ("A18", "12|0.66|||||||40"),
            ("A19", "-4|0.8|||||||56"),
            ("A20", "3|0.94|||||||56.1"),
        ]);
        expect(
            &g,
            &[
                ("PERCENTILE.INC($A$1:$A$10,B2)", "10"),
                ("PERCENTILE.EXC($A$1:$A$10,B2)", "#NUM!"),
                ("QUARTILE.INC($A$1:$A$10,F2)", "1"),
                ("QUARTILE.EXC($A$1:$A$10,F2)", "#NUM!"),
                ("PERCENTRANK.INC(A1:A10,7)", "0.666"),
                ("PERCENTRANK.INC(A1:A10, 5.12,6)", "0.457777"),
                ("PERCENTRANK.EXC(A1:A10, 9, 2)", "0.81"),
                ("PERCENTRANK.EXC(A1:A10,2.5,7)", "0.2272727"),
                ("PERCENTILE.EXC($A$1:$A$10,B3)", "#NUM!"),
                ("QUARTILE.INC($A$1:$A$10,F3)", "3.25"),
                ("QUARTILE.EXC($A$1:$A$10,F3)", "2.75"),
                ("PERCENTILE.INC($A$1:$A$10,B4)", "#NUM!"),
                ("PERCENTILE.EXC($A$1:$A$10,B4)", "#NUM!"),
                ("QUARTILE.INC($A$1:$A$10,F4)", "5.5"),
                ("QUARTILE.EXC($A$1:$A$10,F4)", "5.5"),
                ("PERCENTILE.EXC($A$1:$A$10,B5)", "4.4"),
                ("QUARTILE.INC($A$1:$A$10,F5)", "7.75"),
                ("QUARTILE.EXC($A$1:$A$10,F5)", "8.25"),
                ("PERCENTILE.INC($A$1:$A$10,B6)", "7.3"),
                ("PERCENTILE.EXC($A$1:$A$10,B6)", "7.699999999999999"),
                ("QUARTILE.INC($A$1:$A$10,F6)", "10"),
                ("QUARTILE.EXC($A$1:$A$10,F6)", "#NUM!"),
                ("PERCENTILE.INC($A$1:$A$10,B7)", "1.99"),
                ("QUARTILE.INC($A$1:$A$10,F7)", "#NUM!"),
                ("QUARTILE.EXC($A$1:$A$10,F7)", "#NUM!"),
                ("PERCENTILE.INC($A$1:$A$10,B8)", "9.208"),
                ("PERCENTILE.EXC($A$1:$A$10,B8)", "#NUM!"),
                ("QUARTILE.INC($A$1:$A$10,F8)", "1"),
                ("QUARTILE.EXC($A$1:$A$10,F8)", "#NUM!"),
                ("PERCENTILE.INC($A$1:$A$10,B9)", "8.2"),
                ("QUARTILE.INC($A$1:$A$10,F9)", "10"),
                ("QUARTILE.EXC($A$1:$A$10,F9)", "#NUM!"),
                ("PERCENTILE.INC($A$1:$A$10,B10)", "#NUM!"),
                ("PERCENTILE.EXC($A$1:$A$10,B10)", "#NUM!"),
                ("QUARTILE.INC($A$1:$A$10,F10)", "#NUM!"),
                ("QUARTILE.EXC($A$1:$A$10,F10)", "#NUM!"),
                ("PERCENTILE.INC($A$14:$A$20,B14)", "-2.1999999999999997"),
                ("PERCENTILE.EXC($A$14:$A$20,B14)", "#NUM!"),
                ("PERCENTRANK.EXC($A$14:$A$20,I14)", "#N/A"),
                ("PERCENTILE.INC($A$14:$A$20,B15)", "-0.1999999999999993"),
                ("PERCENTILE.EXC($A$14:$A$20,B15)", "-2.1999999999999997"),
                ("PERCENTRANK.INC($A$14:$A$20,I15)", "0"),
                ("PERCENTRANK.EXC($A$14:$A$20,I15)", "0.125"),
                ("PERCENTILE.INC($A$14:$A$20,B16)", "2.1999999999999993"),
                ("PERCENTILE.EXC($A$14:$A$20,B16)", "0.5999999999999996"),
                ("PERCENTRANK.EXC($A$14:$A$20,I16)", "0.375"),
                ("PERCENTILE.INC($A$14:$A$20,B17)", "7.5"),
                ("PERCENTILE.EXC($A$14:$A$20,B17)", "7.5"),
                ("PERCENTRANK.INC($A$14:$A$20,I17)", "0.611"),
                ("PERCENTRANK.EXC($A$14:$A$20,I17)", "0.583"),
                ("PERCENTILE.INC($A$14:$A$20,B18)", "11.82"),
                ("PERCENTILE.EXC($A$14:$A$20,B18)", "12"),
                ("PERCENTRANK.INC($A$14:$A$20,I18)", "0.939"),
                ("PERCENTILE.INC($A$14:$A$20,B19)", "12"),
                ("PERCENTILE.EXC($A$14:$A$20,B19)", "29.600000000000016"),
                ("PERCENTRANK.INC($A$14:$A$20,I19)", "1"),
                ("PERCENTRANK.EXC($A$14:$A$20,I19)", "0.875"),
                ("PERCENTILE.INC($A$14:$A$20,B20)", "40.15999999999998"),
                ("PERCENTILE.EXC($A$14:$A$20,B20)", "#NUM!"),
                ("PERCENTRANK.INC($A$14:$A$20,I20)", "#N/A"),
            ],
        );
    }

    /// IronCalc workbook `SUMIFS`, sheet `Sheet1`: values computed by Excel.
    #[test]
    fn sumifs_sheet1_workbook() {
        let g = sheet(&[
            ("A2", "13|'red|'blue"),
            ("A3", "17|'BLUE|'*blue"),
            ("A4", "-23|'yellow|'*o*"),
            ("A5", "5|'dark blue|'brown"),
            ("A6", "7|'light blue|'white"),
            ("A7", "-3|'light yellow|'dark*"),
            ("A8", "|'dark yellow|'*-ish"),
            ("A9", "#N/A|'brown|'magenta"),
            ("A10", "#DIV/0!|'white|'*ll*"),
            ("A11", "|'Mr. White|'yellow"),
            ("A12", "113|'brown|'???-ish"),
            ("A13", "'123|'blue|'>c"),
            ("A14", "TRUE|'blue|"),
            ("A15", "14|'white dark|"),
            ("A16", "77|'red-ish|"),
            ("A17", "34|'blue-ish|"),
            ("A18", "|'magenta|"),
            ("A19", "0|'magenta|"),
            ("A20", "'string|'yellow|"),
            ("A25", "1|1|'>0|'<5"),
            ("A26", "2|7|'>=1|'<=9"),
            ("A27", "3|8|'>-4|'<89"),
            ("A28", "-1|9|'>100|'<1"),
            ("A29", "-3|13|'>20|'<100"),
            ("A30", "7|#DIV/0!|7|'<9"),
            ("A31", "12|9|7|8"),
            ("A32", "-13|3|'=7|'<9"),
            ("A33", "#DIV/0!|90||"),
            ("A34", "'3|||"),
            ("A35", "TRUE|||"),
            ("A36", "7|TRUE||"),
            ("A37", "8|FALSE"),
            ("A38", "|"),
            ("A39", "|"),
            ("A40", "|"),
        ]);
        expect(
            &g,
            &[
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C2)", "17"),
                ("AVERAGEIF($B$2:$B$20, C2,$A$2:$A$20)", "17"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C2)", "17"),
                ("AVERAGEIF($B$2:$B$20, C3,$A$2:$A$20)", "9.666666666666666"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C3)", "17"),
                ("AVERAGEIF($B$2:$B$20, C4,$A$2:$A$20)", "#N/A"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C4)", "#N/A"),
                ("AVERAGEIF($B$2:$B$20, C5,$A$2:$A$20)", "#N/A"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C5)", "#N/A"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C6)", "#DIV/0!"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C6)", "#DIV/0!"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C7)", "5"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C7)", "5"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C8)", "55.5"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C8)", "34"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C9)", "0"),
                ("AVERAGEIF($B$2:$B$20, C9,$A$2:$A$20)", "0"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C9)", "0"),
                ("AVERAGEIF($B$2:$B$20, C10,$A$2:$A$20)", "-13"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C10)", "-3"),
                ("AVERAGEIF($B$2:$B$20, C11,$A$2:$A$20)", "-23"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C11)", "-23"),
                ("AVERAGEIF($B$2:$B$20, C12,$A$2:$A$20)", "77"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C12)", "77"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C13)", "#DIV/0!"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C13)", "#DIV/0!"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C14)", "#DIV/0!"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C14)", "0"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C15)", "#DIV/0!"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C15)", "0"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C16)", "#DIV/0!"),
                ("AVERAGEIF($B$2:$B$20, C16,$A$2:$A$20)", "#DIV/0!"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C16)", "0"),
                ("AVERAGEIF($B$2:$B$20, C17,$A$2:$A$20)", "#DIV/0!"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C17)", "0"),
                ("AVERAGEIF($B$2:$B$20, C18,$A$2:$A$20)", "#DIV/0!"),
                ("MAXIFS($A$2:$A$20,$B$2:$B$20,C18)", "0"),
                ("AVERAGEIF($B$2:$B$20, C19,$A$2:$A$20)", "#DIV/0!"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C19)", "0"),
                ("AVERAGEIFS($A$2:$A$20,$B$2:$B$20,C20)", "#DIV/0!"),
                ("MINIFS($A$2:$A$20,$B$2:$B$20,C20)", "0"),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C25,$B$25:$B$40,D25)",
                    "-6",
                ),
                ("MAXIFS($A$25:$A$40,$B$25:$B$40,C25,$B$25:$B$40,D25)", "1"),
                ("MINIFS($A$25:$A$40,$B$25:$B$40,C26,$B$25:$B$40,D26)", "-13"),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C27,$B$25:$B$40,D27)",
                    "0.14285714285714285",
                ),
                ("MAXIFS($A$25:$A$40,$B$25:$B$40,C27,$B$25:$B$40,D27)", "12"),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C28,$B$25:$B$40,D28)",
                    "#DIV/0!",
                ),
                ("MAXIFS($A$25:$A$40,$B$25:$B$40,C28,$B$25:$B$40,D28)", "0"),
                (
                    "MINIFS($A$25:$A$40,$B$25:$B$40,C29,$B$25:$B$40,D29)",
                    "#DIV/0!",
                ),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C30,$B$25:$B$40,D30)",
                    "2",
                ),
                ("MAXIFS($A$25:$A$40,$B$25:$B$40,C30,$B$25:$B$40,D30)", "2"),
                ("MINIFS($A$25:$A$40,$B$25:$B$40,C31,$B$25:$B$40,D31)", "0"),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C32,$B$25:$B$40,D32)",
                    "2",
                ),
                ("MINIFS($A$25:$A$40,$B$25:$B$40,C32,$B$25:$B$40,D32)", "2"),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C33,$B$25:$B$40,D33)",
                    "#DIV/0!",
                ),
                ("MAXIFS($A$25:$A$40,$B$25:$B$40,C33,$B$25:$B$40,D33)", "0"),
                ("MINIFS($A$25:$A$40,$B$25:$B$40,C34,$B$25:$B$40,D34)", "0"),
                (
                    "AVERAGEIFS($A$25:$A$40,$B$25:$B$40,C35,$B$25:$B$40,D35)",
                    "#DIV/0!",
                ),
                ("MAXIFS($A$25:$A$40,$B$25:$B$40,C35,$B$25:$B$40,D35)", "0"),
                ("MINIFS($A$25:$A$40,$B$25:$B$40,C36,$B$25:$B$40,D36)", "0"),
            ],
        );
    }

    /// pycel workbook `stats`, sheet `LinestArrayExp`: values computed by Excel.
    #[test]
    fn stats_linestarrayexp_workbook() {
        let g = sheet(&[
            ("A2", "-6|16.700000000000003"),
            ("A3", "-5|12.1"),
            ("A4", "-4|8.3"),
            ("A5", "-3|5.4"),
            ("A6", "-2|3.1"),
            ("A7", "-1|1.7000000000000002"),
            ("A8", "0|1.1"),
            ("A9", "1|1.3"),
            ("A10", "2|2.3000000000000003"),
            ("A11", "3|4.1"),
            ("A12", "4|6.700000000000001"),
            ("A13", "5|10.1"),
            ("F16", "1|2|3"),
            ("F17", "2|2|3"),
            ("F18", "3|2|3"),
        ]);
        expect(
            &g,
            &[
                ("LINEST(F16:F18,G16:H18,,TRUE)", "0"),
                ("LINEST(A2:A13)", "1"),
                ("LINEST(B2:B13)", "-0.601748251748252"),
            ],
        );
    }

    /// pycel workbook `stats`, sheet `Stats`: values computed by Excel.
    #[test]
    fn stats_stats_workbook() {
        let g = sheet(&[
            ("D2", "2.5|2.5|3.5"),
            ("J3", "1|2.1|3.1|4.1|5.1"),
            ("J4", "-2|-4|-7|-9|-11"),
            ("J5", "1|3|6|9|12"),
            ("J6", "1|1|1|1|1"),
            ("J7", "0|0|0|0|0"),
            ("J10", "1|-2|1"),
            ("J11", "2.1|-4|3"),
            ("J12", "3.1|-7|6"),
            ("J13", "4.1|-9|9"),
            ("J14", "5.1|-11|12"),
            ("B33", "1|2"),
            ("B34", "2|3"),
            ("B35", "3|4"),
            ("B38", "TRUE|FALSE"),
        ]);
        expect(
            &g,
            &[
                ("SLOPE(J3:N3,J4:N4)", "-0.44097744360902247"),
                ("FORECAST(D2,J3:N3,J4:N4)", "-0.9328947368421041"),
                ("LINEST(J3:N3,J4:N4)", "-0.4409774436090227"),
                ("SLOPE(J3:N4,J5:N5)", "#N/A"),
                ("SLOPE(J4:N4,J5:N5)", "-0.8172588832487309"),
                ("FORECAST(D2,J4:N4,J5:N5)", "-3.576142131979695"),
                ("LINEST(J4:N4,J5:N5)", "-0.8172588832487312"),
                ("INTERCEPT(J3:N4,J5:N5)", "#N/A"),
                ("SLOPE(J5:N5,J6:N6)", "#DIV/0!"),
                ("FORECAST(D2,J5:N5,J6:N6)", "#DIV/0!"),
                ("LINEST(J5:N5,J6:N6)", "0"),
                ("FORECAST(2.5,J3:N4,J5:N5)", "#N/A"),
                ("SLOPE(J6:N6,J7:N7)", "#DIV/0!"),
                ("FORECAST(D2,J6:N6,J7:N7)", "#DIV/0!"),
                ("LINEST(J6:N6,J7:N7)", "0"),
                ("TREND(J3:N3,K4:N4,2.5)", "#REF!"),
                ("LINEST(J3:N4,J5:N5)", "#REF!"),
                ("SLOPE(J3:N3,J5:N5)", "0.3619289340101523"),
                ("FORECAST(D2,J3:N3,J5:N5)", "1.7408629441624364"),
                ("LINEST(J3:N3,J5:N5)", "0.3619289340101523"),
                ("INTERCEPT(J4:N4,J6:N6)", "#DIV/0!"),
                ("TREND(J4:N4,J6:N6,E2:F2)", "-6.6"),
                ("SLOPE(J5:N5,J7:N7)", "#DIV/0!"),
                ("FORECAST(D2,J5:N5,J7:N7)", "#DIV/0!"),
                ("LINEST(J5:N5,J7:N7)", "0"),
                ("LINEST(J10:J14,K10:L14,TRUE,FALSE)", "0.14374999999999988"),
                ("INTERCEPT(J3:N3,J6:N6)", "#DIV/0!"),
                ("TREND(J3:N3,J6:N6,E2:F2)", "3.08"),
                ("SLOPE(J4:N4,J7:N7)", "#DIV/0!"),
                ("FORECAST(D2,J4:N4,J7:N7)", "#DIV/0!"),
                ("LINEST(J3:N3,J4:N5,FALSE,FALSE)", "-0.04435185185185171"),
                ("SLOPE(J3:N3,J7:N7)", "#DIV/0!"),
                ("FORECAST(D2,J3:N3,J7:N7)", "#DIV/0!"),
                ("LINEST(J3:N3,J7:N7)", "0"),
                ("SLOPE(J4:N4,J3:N3)", "-2.2540353574173717"),
                ("FORECAST(D2,J4:N4,J3:N3)", "-5.292659492697924"),
                ("LINEST(J4:N4,J3:N3)", "-2.2540353574173717"),
                ("INTERCEPT(J5:N5,J4:N4)", "-1.7894736842105239"),
                ("TREND(J5:N5,J4:N4,E2)", "-4.815789473684212"),
                ("SLOPE(J6:N6,J5:N5)", "0"),
                ("FORECAST(D2,J6:N6,J5:N5)", "1"),
                ("LINEST(J6:N6,J5:N5)", "0"),
                ("INTERCEPT(J7:N7,J6:N6)", "#DIV/0!"),
                ("TREND(J7:N7,J6:N6,E2)", "0"),
                ("SLOPE(J5:N5,J3:N3)", "2.740199846272099"),
                ("TREND(J5:N5,J3:N3,E2:F2)", "4.610684089162182"),
                ("SLOPE(J6:N6,J4:N4)", "0"),
                ("FORECAST(D2,J6:N6,J4:N4)", "1"),
                ("LINEST(J6:N6,J4:N4)", "0"),
                ("INTERCEPT(J7:N7,J5:N5)", "0"),
                ("TREND(J7:N7,J5:N5,E2)", "0"),
                ("SLOPE(J6:N6,J3:N3)", "0"),
                ("FORECAST(D2,J6:N6,J3:N3)", "1"),
                ("LINEST(J6:N6,J3:N3)", "0"),
                ("INTERCEPT(J7:N7,J4:N4)", "0"),
                ("TREND(J7:N7,J4:N4,E2)", "0"),
                ("SLOPE(J7:N7,J3:N3)", "0"),
                ("FORECAST(D2,J7:N7,J3:N3)", "0"),
                ("LINEST(J7:N7,J3:N3)", "0"),
                ("LINEST(B$33:B$35,C$33:C$35,B38,C38)", "1"),
            ],
        );
    }

    /// pycel workbook `stats`, sheet `Trend`: values computed by Excel.
    #[test]
    fn stats_trend_workbook() {
        let g = sheet(&[("D31", "1|2|3"), ("D32", "2|2|3"), ("D33", "3|2|3")]);
        expect(&g, &[("TREND(D31:D33,E31:F33)", "2")]);
    }

    /// ClosedXML workbook `functions-excel-2010`, sheet `Sheet1`: values computed by Excel.
    #[test]
    fn functions_excel_2010_sheet1_workbook() {
        let g = sheet(&[
            ("F2", "2|44"),
            ("F3", "1.5|1.3333333333333333"),
            ("F4", "2|5"),
            ("F5", "0.13333333333333333|1"),
            ("F6", "1.3333333333333333|2"),
            ("F7", "2|6"),
            ("F8", "2|6.6"),
            ("F9", "4|8"),
            ("F10", "2|1"),
        ]);
        expect(
            &g,
            &[
                ("BETA.DIST(F2,F5,F5,1,G5,G7)", "0.4228481328024689"),
                ("BETA.DIST(F2,F5,F5,0,G5,G7)", "0.06688884219206157"),
                ("BETA.INV(F5,F5,F6,G5,G7)", "1.0000009059233843"),
                ("BINOM.DIST(F6,G2,F5,1)", "0.014317596684776885"),
                ("BINOM.DIST(F6,G2,F5,0)", "0.012474737705548173"),
                ("BINOM.INV(G2,F5,F5)", "3"),
                ("CHISQ.DIST(G6,G4,1)", "0.15085496391539036"),
                ("CHISQ.DIST.RT(F4,G4)", "0.8491450360846097"),
                ("CHISQ.INV(F5,G4)", "1.8711836505995614"),
                ("CHISQ.INV.RT(F5,G4)", "8.445480112856497"),
                ("CHISQ.TEST(F2:F10,G2:G10)", "1.8744045912597986e-08"),
                ("CONFIDENCE.NORM(F5,G8,G2)", "1.4935616583311109"),
                ("EXPON.DIST(F4,F5,1)", "0.2340716616353513"),
                ("F.DIST(F4,G8,G9,1)", "0.8208"),
                ("F.DIST.RT(F4,G4,G7)", "0.21167432749937592"),
                ("F.INV(F5,G4,G7)", "0.3478999198186294"),
                ("F.INV.RT(F5,G4,G7)", "2.652899259689121"),
                ("F.TEST(F2:F10,G2:G10)", "5.814996997636946e-08"),
                ("GAMMA.DIST(F2,F5,G5,1)", "0.9920755648841306"),
                ("GAMMA.INV(F5,G5,G6)", "0.28620168728134665"),
                ("GAMMALN.PRECISE(F4)", "0"),
                ("HYPGEOM.DIST(G6,G7,G9,G2,1)", "0.9368209782276714"),
                ("HYPGEOM.DIST(G6,G7,G9,G2,0)", "0.23364893756272084"),
                ("LOGNORM.DIST(G4,F8,G8,1)", "0.47640593326077213"),
                ("LOGNORM.DIST(G4,F8,G8,0)", "0.012068011575083512"),
                ("LOGNORM.INV(F5,G7,G8)", "0.2641884328087001"),
                ("MODE.MULT(F2:F10)", "2"),
                ("MODE.SNGL(F2:G10)", "2"),
                ("NEGBINOM.DIST(F4,G4,F5,1)", "0.0006995226337448552"),
                ("NEGBINOM.DIST(F4,G4,F5,0)", "0.0004747764060356655"),
                ("NORM.DIST(F4,F6,G6,1)", "0.6305586598182364"),
                ("NORM.DIST(F4,F6,G6,0)", "0.18869161384649658"),
                ("NORM.INV(F5,G3,G6)", "-0.8882098999402384"),
                ("NORM.S.DIST(F6,1)", "0.9087887802741321"),
                ("NORM.S.DIST(F6,0)", "0.16401007467599363"),
                ("NORM.S.INV(F5)", "-1.1107716166367858"),
                ("PERCENTILE.EXC(F2:F10,F5)", "0.5333333333333332"),
                ("PERCENTILE.INC(F2:F10,G5)", "4"),
                ("PERCENTILE.EXC(G2:G10,0.1)", "1"),
                ("PERCENTRANK.INC(F9:G10,G10)", "0"),
                ("POISSON.DIST(F6,G6,1)", "0.4060058497098381"),
                ("POISSON.DIST(F6,G6,0)", "0.27067056647322535"),
                ("QUARTILE.EXC(F2:F10,1)", "1.4166666666666665"),
                ("QUARTILE.INC(F2:F10,1)", "1.5"),
                ("RANK.AVG(G6,G2:G9,0)", "6"),
                ("RANK.EQ(F7,F4,0)", "1"),
                ("STDEV.P(F2:F10)", "0.9463524662607499"),
                ("STDEV.S(F2:F10)", "1.0037583694283845"),
                ("T.DIST(F2,G7,1)", "0.9537868442341624"),
                ("T.DIST.2T(F6,G7)", "0.23080940884182113"),
                ("T.DIST.RT(F6,G7)", "0.11540470442091057"),
                ("T.INV(F5,G4)", "-1.2498497882652577"),
                ("T.INV.2T(F5,G7 )", "1.7355217310679223"),
                ("T.TEST(F2:F10,G2:G10,1,1)", "0.0949148406025739"),
                ("VAR.P(F2:F10)", "0.8955829903978038"),
                ("VAR.S(F7:F9)", "1.333333333333334"),
                ("WEIBULL.DIST(F10,F5,G5,1)", "0.6660703642792741"),
                ("WEIBULL.DIST(F10,F5,G5,0)", "0.0244174910612546"),
                ("Z.TEST(F2:F10,G6,F5)", "0.995107463397765"),
                ("T.DIST(F2,G7,0)", "0.06403612261840969"),
            ],
        );
    }

    /// ClosedXML workbook `functions-excel-2010`, sheet `Sheet2`: values computed by Excel.
    #[test]
    fn functions_excel_2010_sheet2_workbook() {
        let g = sheet(&[
            ("C1", "15|8|15|15"),
            ("C2", "77|65|77|77"),
            ("C3", "30|60|30|0"),
            ("C4", "28|63|28|28"),
            ("C5", "31|53|#DIV/0!|27.999999999999996"),
            ("C6", "96|71|12|28"),
            ("C7", "77|55|77|77"),
            ("C8", "53|83|53|53"),
            ("C9", "34|-500|34|34"),
            ("C10", "12.545454545454545|91|13|13"),
            ("C11", "91|89|91|91"),
            ("C14", "1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19"),
            ("A22", "4"),
            ("A24", "6"),
        ]);
        expect(
            &g,
            &[
                ("AGGREGATE(1,4,D1:D11)", "12.545454545454545"),
                ("AGGREGATE(1,4,D2:D11)", "13"),
                ("AGGREGATE(1,4,D2:D11)", "13"),
                ("SUBTOTAL(4,D1:D11)", "91"),
                ("SUBTOTAL(4,D1:D11)", "91"),
                ("SUBTOTAL(4,D1:D11)", "91"),
                ("AGGREGATE( C$14,$A22,$C$1:$C$11)", "49.50413223140495"),
                ("AGGREGATE( D$14,$A22,$C$1:$C$11)", "11"),
                ("AGGREGATE( E$14,$A22,$C$1:$C$11)", "11"),
                ("AGGREGATE( F$14,$A22,$C$1:$C$11)", "96"),
                ("AGGREGATE( G$14,$A22,$C$1:$C$11)", "12.545454545454545"),
                ("AGGREGATE( H$14,$A22,$C$1:$C$11)", "4.573698186081024e+17"),
                ("AGGREGATE( I$14,$A22,$C$1:$C$11)", "30.643332458992404"),
                ("AGGREGATE( J$14,$A22,$C$1:$C$11)", "29.217271109464395"),
                ("AGGREGATE( K$14,$A22,$C$1:$C$11)", "544.5454545454545"),
                ("AGGREGATE( L$14,$A22,$C$1:$C$11)", "939.0138241923374"),
                ("AGGREGATE( M$14,$A22,$C$1:$C$11)", "853.6489310839429"),
                ("AGGREGATE( N$14,$A22,$C$1:$C$11)", "34"),
                ("AGGREGATE( O$14,$A22,$F$1:$F$11)", "77"),
                ("AGGREGATE( P$14,$A22,$C$1:$C$11,2)", "91"),
                ("AGGREGATE( Q$14,$A22,$C$1:$C$11,2)", "15"),
                ("AGGREGATE( R$14,$A22,$C$1:$C$11,0.4)", "31"),
                ("AGGREGATE( S$14,$A22,$C$1:$C$11,1)", "29"),
                ("AGGREGATE( T$14,$A22,$C$1:$C$11,0.8)", "85.40000000000002"),
                ("AGGREGATE( U$14,$A22,$C$1:$C$11,1)", "28"),
                ("AGGREGATE( C$14,$A24,$E$1:$E$11)", "43"),
                ("AGGREGATE( D$14,$A24,$E$1:$E$11)", "10"),
                ("AGGREGATE( E$14,$A24,$E$1:$E$11)", "10"),
                ("AGGREGATE( F$14,$A24,$E$1:$E$11)", "91"),
                ("AGGREGATE( G$14,$A24,$E$1:$E$11)", "12"),
                ("AGGREGATE( H$14,$A24,$E$1:$E$11)", "1911053180836800"),
                ("AGGREGATE( I$14,$A24,$E$1:$E$11)", "29.507061301774304"),
                ("AGGREGATE( J$14,$A24,$E$1:$E$11)", "27.992856231545932"),
                ("AGGREGATE( K$14,$A24,$E$1:$E$11)", "430"),
                ("AGGREGATE( L$14,$A24,$E$1:$E$11)", "870.6666666666666"),
                ("AGGREGATE( M$14,$A24,$E$1:$E$11)", "783.6"),
                ("AGGREGATE( N$14,$A24,$E$1:$E$11)", "32"),
                ("AGGREGATE( O$14,$A24,$F$1:$F$11)", "77"),
                ("AGGREGATE( P$14,$A24,$D$1:$D$11,1)", "91"),
                ("AGGREGATE( Q$14,$A24,$D$1:$D$11,2)", "8"),
                ("AGGREGATE( R$14,$A24,$D$1:$D$11,0.4)", "60"),
                ("AGGREGATE( S$14,$A24,$D$1:$D$11,2)", "63"),
                ("AGGREGATE( T$14,$A24,$D$1:$D$11,0.3)", "54.2"),
                ("AGGREGATE( U$14,$A24,$D$1:$D$11,2)", "63"),
            ],
        );
    }
}
