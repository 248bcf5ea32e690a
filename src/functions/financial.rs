//! Financial functions: time value of money (PV, FV, PMT, NPER, RATE...), cash-flow analysis
//! (NPV, IRR, XIRR, MIRR...), depreciation (SLN, SYD, DB, DDB, VDB) and the Analysis ToolPak's
//! securities functions (coupons, PRICE, YIELD, discounts, T-bills).
//!
//! Excel computes these in doubles; so do we (converting back with `numeric::from_f64`), except
//! where the result is exact in decimals (SLN, SYD, FVSCHEDULE, DOLLARDE...).

use rust_decimal::Decimal;

use super::args::{self, Array, Collect, EvalContext, Operand};
use super::date::{add_months, atp_serial, number_arg, whole, year_fraction, ymd, Basis};
use super::toolpak::{self, toolpak_functions};
use super::{EagerFn, FunctionDef, VARIADIC};
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::scalar("PV", "rate, nper, pmt, [fv], [type]", 3, 5, pv),
    FunctionDef::scalar("FV", "rate, nper, pmt, [pv], [type]", 3, 5, fv),
    FunctionDef::scalar("PMT", "rate, nper, pv, [fv], [type]", 3, 5, pmt),
    FunctionDef::scalar("NPER", "rate, pmt, pv, [fv], [type]", 3, 5, nper),
    FunctionDef::scalar("RATE", "nper, pmt, pv, [fv], [type], [guess]", 3, 6, rate),
    FunctionDef::scalar("IPMT", "rate, per, nper, pv, [fv], [type]", 4, 6, ipmt),
    FunctionDef::scalar("PPMT", "rate, per, nper, pv, [fv], [type]", 4, 6, ppmt),
    FunctionDef::scalar("ISPMT", "rate, per, nper, pv", 4, 4, ispmt),
    FunctionDef::eager(
        "CUMIPMT",
        "rate, nper, pv, start_period, end_period, type",
        6,
        6,
        cumipmt_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "CUMPRINC",
        "rate, nper, pv, start_period, end_period, type",
        6,
        6,
        cumprinc_atp,
    )
    .elementwise(),
    FunctionDef::scalar("PDURATION", "rate, pv, fv", 3, 3, pduration),
    FunctionDef::scalar("RRI", "nper, pv, fv", 3, 3, rri),
    FunctionDef::eager("EFFECT", "nominal_rate, npery", 2, 2, effect_atp).elementwise(),
    FunctionDef::eager("NOMINAL", "effect_rate, npery", 2, 2, nominal_atp).elementwise(),
    FunctionDef::eager("NPV", "rate, value1, [value2], ...", 2, VARIADIC, npv),
    FunctionDef::eager("XNPV", "rate, values, dates", 3, 3, xnpv),
    FunctionDef::eager("IRR", "values, [guess]", 1, 2, irr),
    FunctionDef::eager("XIRR", "values, dates, [guess]", 2, 3, xirr),
    FunctionDef::eager("MIRR", "values, finance_rate, reinvest_rate", 3, 3, mirr),
    FunctionDef::eager("FVSCHEDULE", "principal, schedule", 2, 2, fvschedule),
    FunctionDef::scalar("SLN", "cost, salvage, life", 3, 3, sln),
    FunctionDef::scalar("SYD", "cost, salvage, life, per", 4, 4, syd),
    FunctionDef::scalar("DB", "cost, salvage, life, period, [month]", 4, 5, db),
    FunctionDef::scalar("DDB", "cost, salvage, life, period, [factor]", 4, 5, ddb),
    FunctionDef::scalar(
        "VDB",
        "cost, salvage, life, start_period, end_period, [factor], [no_switch]",
        5,
        7,
        vdb,
    ),
    FunctionDef::eager(
        "COUPDAYS",
        "settlement, maturity, frequency, [basis]",
        3,
        4,
        coupdays_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "COUPDAYBS",
        "settlement, maturity, frequency, [basis]",
        3,
        4,
        coupdaybs_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "COUPDAYSNC",
        "settlement, maturity, frequency, [basis]",
        3,
        4,
        coupdaysnc_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "COUPNCD",
        "settlement, maturity, frequency, [basis]",
        3,
        4,
        coupncd_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "COUPNUM",
        "settlement, maturity, frequency, [basis]",
        3,
        4,
        coupnum_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "COUPPCD",
        "settlement, maturity, frequency, [basis]",
        3,
        4,
        couppcd_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "PRICE",
        "settlement, maturity, rate, yld, redemption, frequency, [basis]",
        6,
        7,
        price_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "YIELD",
        "settlement, maturity, rate, pr, redemption, frequency, [basis]",
        6,
        7,
        yield_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "DURATION",
        "settlement, maturity, coupon, yld, frequency, [basis]",
        5,
        6,
        duration_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "MDURATION",
        "settlement, maturity, coupon, yld, frequency, [basis]",
        5,
        6,
        mduration_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "ACCRINT",
        "issue, first_interest, settlement, rate, par, frequency, [basis], [calc_method]",
        6,
        8,
        accrint_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "ACCRINTM",
        "issue, settlement, rate, par, [basis]",
        4,
        5,
        accrintm_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "DISC",
        "settlement, maturity, pr, redemption, [basis]",
        4,
        5,
        disc_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "INTRATE",
        "settlement, maturity, investment, redemption, [basis]",
        4,
        5,
        intrate_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "RECEIVED",
        "settlement, maturity, investment, discount, [basis]",
        4,
        5,
        received_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "PRICEDISC",
        "settlement, maturity, discount, redemption, [basis]",
        4,
        5,
        pricedisc_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "YIELDDISC",
        "settlement, maturity, pr, redemption, [basis]",
        4,
        5,
        yielddisc_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "PRICEMAT",
        "settlement, maturity, issue, rate, yld, [basis]",
        5,
        6,
        pricemat_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "YIELDMAT",
        "settlement, maturity, issue, rate, pr, [basis]",
        5,
        6,
        yieldmat_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "TBILLPRICE",
        "settlement, maturity, discount",
        3,
        3,
        tbillprice_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "TBILLYIELD",
        "settlement, maturity, pr",
        3,
        3,
        tbillyield_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "TBILLEQ",
        "settlement, maturity, discount",
        3,
        3,
        tbilleq_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "DOLLARDE",
        "fractional_dollar, fraction",
        2,
        2,
        dollarde_atp,
    )
    .elementwise(),
    FunctionDef::eager("DOLLARFR", "decimal_dollar, fraction", 2, 2, dollarfr_atp).elementwise(),
];

toolpak_functions! {
    cumipmt_atp => cumipmt,
    cumprinc_atp => cumprinc,
    effect_atp => effect,
    nominal_atp => nominal,
    coupdays_atp => coupdays,
    coupdaybs_atp => coupdaybs,
    coupdaysnc_atp => coupdaysnc,
    coupncd_atp => coupncd,
    coupnum_atp => coupnum,
    couppcd_atp => couppcd,
    price_atp => price,
    yield_atp => yield_,
    duration_atp => duration,
    mduration_atp => mduration,
    accrint_atp => accrint,
    accrintm_atp => accrintm,
    disc_atp => disc,
    intrate_atp => intrate,
    received_atp => received,
    pricedisc_atp => pricedisc,
    yielddisc_atp => yielddisc,
    pricemat_atp => pricemat,
    yieldmat_atp => yieldmat,
    tbillprice_atp => tbillprice,
    tbillyield_atp => tbillyield,
    tbilleq_atp => tbilleq,
    dollarde_atp => dollarde,
    dollarfr_atp => dollarfr,
}

type Fin<T> = Result<T, ErrorKind>;

// ---------------------------------------------------------------------------------------------
// Argument helpers.
// ---------------------------------------------------------------------------------------------

/// A required numeric argument of a built-in function, as f64.
fn num(args: &[Value], i: usize) -> Fin<f64> {
    match args.get(i) {
        Some(v) => number_arg(v).map(numeric::to_f64),
        None => Ok(0.0),
    }
}

/// An optional numeric argument: `default` when omitted or empty.
fn num_or(args: &[Value], i: usize, default: f64) -> Fin<f64> {
    match args.get(i) {
        None | Some(Value::Empty) => Ok(default),
        Some(v) => number_arg(v).map(numeric::to_f64),
    }
}

/// A numeric argument of an Analysis ToolPak function (booleans are `#VALUE!`).
fn atp(args: &[Value], i: usize) -> Fin<f64> {
    match args.get(i) {
        Some(v) => toolpak::number(v).map(numeric::to_f64),
        None => Ok(0.0),
    }
}

/// A date argument of an Analysis ToolPak function.
fn atp_date(args: &[Value], i: usize) -> Fin<i64> {
    match args.get(i) {
        Some(v) => atp_serial(v),
        None => Err(ErrorKind::Value),
    }
}

/// The payment-timing argument: payments at the end (false) or the beginning (true).
fn pay_at_start(args: &[Value], i: usize) -> Fin<bool> {
    Ok(num_or(args, i, 0.0)? != 0.0)
}

fn finish(x: Fin<f64>) -> Value {
    x.and_then(numeric::from_f64).into()
}

fn finish_decimal(x: Fin<Decimal>) -> Value {
    x.into()
}

// ---------------------------------------------------------------------------------------------
// Time value of money.
// ---------------------------------------------------------------------------------------------

/// (1 + rate)^nper, the growth factor over `nper` periods.
fn growth(rate: f64, nper: f64) -> f64 {
    (1.0 + rate).powf(nper)
}

pub(super) fn fv_of(rate: f64, nper: f64, pmt: f64, pv: f64, at_start: bool) -> f64 {
    if rate == 0.0 {
        return -(pv + pmt * nper);
    }
    let g = growth(rate, nper);
    let timing = if at_start { 1.0 + rate } else { 1.0 };
    -(pv * g + pmt * timing * (g - 1.0) / rate)
}

fn pv_of(rate: f64, nper: f64, pmt: f64, fv: f64, at_start: bool) -> f64 {
    if rate == 0.0 {
        return -(fv + pmt * nper);
    }
    let g = growth(rate, nper);
    let timing = if at_start { 1.0 + rate } else { 1.0 };
    -(fv + pmt * timing * (g - 1.0) / rate) / g
}

fn pmt_of(rate: f64, nper: f64, pv: f64, fv: f64, at_start: bool) -> Fin<f64> {
    if nper == 0.0 || rate <= -1.0 {
        return Err(ErrorKind::Num);
    }
    if rate == 0.0 {
        return Ok(-(pv + fv) / nper);
    }
    let g = growth(rate, nper);
    let timing = if at_start { 1.0 + rate } else { 1.0 };
    Ok(-(fv + pv * g) * rate / (timing * (g - 1.0)))
}

fn pv(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, nper, pmt) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        let (fv, at_start) = (num_or(args, 3, 0.0)?, pay_at_start(args, 4)?);
        Ok(pv_of(rate, nper, pmt, fv, at_start))
    })())
}

fn fv(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, nper, pmt) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        let (pv, at_start) = (num_or(args, 3, 0.0)?, pay_at_start(args, 4)?);
        Ok(fv_of(rate, nper, pmt, pv, at_start))
    })())
}

fn pmt(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, nper, pv) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        let (fv, at_start) = (num_or(args, 3, 0.0)?, pay_at_start(args, 4)?);
        pmt_of(rate, nper, pv, fv, at_start)
    })())
}

fn nper(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, pmt, pv) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        let (fv, at_start) = (num_or(args, 3, 0.0)?, pay_at_start(args, 4)?);
        if rate == 0.0 {
            if pmt == 0.0 {
                return Err(ErrorKind::Num);
            }
            return Ok(-(pv + fv) / pmt);
        }
        let timed_pmt = if at_start { pmt * (1.0 + rate) } else { pmt };
        let ratio = (timed_pmt - fv * rate) / (timed_pmt + pv * rate);
        if ratio <= 0.0 || rate <= -1.0 {
            return Err(ErrorKind::Num);
        }
        Ok(ratio.ln() / rate.ln_1p())
    })())
}

/// The interest part of payment `per` (IPMT); Excel requires 1 <= per <= nper.
fn ipmt_of(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, at_start: bool) -> Fin<f64> {
    if per < 1.0 || per > nper {
        return Err(ErrorKind::Num);
    }
    let payment = pmt_of(rate, nper, pv, fv, at_start)?;
    if at_start && per == 1.0 {
        return Ok(0.0);
    }
    // Interest accrues on the balance after per-1 payments.
    let balance = fv_of(rate, per - 1.0, payment, pv, at_start);
    let interest = balance * rate;
    Ok(if at_start {
        interest / (1.0 + rate)
    } else {
        interest
    })
}

fn ipmt_args(args: &[Value]) -> Fin<(f64, f64, f64, f64, f64, bool)> {
    Ok((
        num(args, 0)?,
        num(args, 1)?,
        num(args, 2)?,
        num(args, 3)?,
        num_or(args, 4, 0.0)?,
        pay_at_start(args, 5)?,
    ))
}

fn ipmt(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(ipmt_args(args).and_then(|(r, per, n, pv, fv, t)| ipmt_of(r, per, n, pv, fv, t)))
}

fn ppmt(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(ipmt_args(args).and_then(|(r, per, n, pv, fv, t)| {
        Ok(pmt_of(r, n, pv, fv, t)? - ipmt_of(r, per, n, pv, fv, t)?)
    }))
}

/// ISPMT: interest of period `per` (counted from 0) of a loan repaid in equal principal parts.
fn ispmt(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, per, nper, pv) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, num(args, 3)?);
        if nper == 0.0 {
            return Err(ErrorKind::Div0);
        }
        Ok(pv * rate * (per / nper - 1.0))
    })())
}

/// CUMIPMT and CUMPRINC: the interest (or principal) paid from period `start` to `end`.
fn cumulative(args: &[Value], principal: bool) -> Fin<f64> {
    let (rate, nper, pv) = (atp(args, 0)?, atp(args, 1)?, atp(args, 2)?);
    let start = whole_f(atp(args, 3)?);
    let end = whole_f(atp(args, 4)?);
    let timing = atp(args, 5)?;
    if rate <= 0.0 || nper <= 0.0 || pv <= 0.0 {
        return Err(ErrorKind::Num);
    }
    if start < 1.0 || end < start || end > nper || (timing != 0.0 && timing != 1.0) {
        return Err(ErrorKind::Num);
    }
    let at_start = timing == 1.0;
    let payment = pmt_of(rate, nper, pv, 0.0, at_start)?;
    let mut total = 0.0;
    let mut per = start;
    while per <= end {
        let interest = ipmt_of(rate, per, nper, pv, 0.0, at_start)?;
        total += if principal {
            payment - interest
        } else {
            interest
        };
        per += 1.0;
    }
    Ok(total)
}

fn whole_f(x: f64) -> f64 {
    x.trunc()
}

fn cumipmt(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(cumulative(args, false))
}

fn cumprinc(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(cumulative(args, true))
}

fn pduration(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, pv, fv) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        if rate <= 0.0 || pv <= 0.0 || fv <= 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok((fv.ln() - pv.ln()) / rate.ln_1p())
    })())
}

fn rri(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (n, pv, fv) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        if n <= 0.0 {
            return Err(ErrorKind::Num);
        }
        if pv == 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok((fv / pv).powf(1.0 / n) - 1.0)
    })())
}

fn effect(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, npery) = (atp(args, 0)?, whole_f(atp(args, 1)?));
        if rate <= 0.0 || npery < 1.0 {
            return Err(ErrorKind::Num);
        }
        Ok((1.0 + rate / npery).powf(npery) - 1.0)
    })())
}

fn nominal(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (rate, npery) = (atp(args, 0)?, whole_f(atp(args, 1)?));
        if rate <= 0.0 || npery < 1.0 {
            return Err(ErrorKind::Num);
        }
        Ok(npery * ((1.0 + rate).powf(1.0 / npery) - 1.0))
    })())
}

// ---------------------------------------------------------------------------------------------
// Root finding for RATE, IRR, XIRR and YIELD.
// ---------------------------------------------------------------------------------------------

const MAX_NEWTON_STEPS: usize = 100;

/// Newton's method from `guess` on a function returning (value, derivative). Converged when a
/// step is below 1e-10 (relative to the root's size) and the value is small; None when an
/// iterate leaves the domain (rate <= -1), the slope vanishes, or the steps run out.
fn newton(f: &dyn Fn(f64) -> Option<(f64, f64)>, guess: f64) -> Option<f64> {
    let mut x = guess;
    for _ in 0..MAX_NEWTON_STEPS {
        let (y, dy) = f(x)?;
        if y == 0.0 {
            return Some(x);
        }
        if dy == 0.0 || !dy.is_finite() {
            return None;
        }
        let next = x - y / dy;
        if !next.is_finite() || next <= -1.0 {
            return None;
        }
        if (next - x).abs() <= 1e-10 * next.abs().max(1.0) {
            return Some(next);
        }
        x = next;
    }
    None
}

/// When Newton's method fails: look for a sign change of `f` on a widening grid on both sides
/// of the guess (within rate > -1), then bisect it. Bounded: None when no root is bracketed.
fn bracket_and_bisect(f: &dyn Fn(f64) -> Option<f64>, guess: f64) -> Option<f64> {
    let start = (guess, f(guess)?);
    let (mut up, mut down) = (start, start);
    let mut bracket = None;
    let mut step = 0.01;
    for _ in 0..60 {
        let low = (guess - step).max(-1.0 + 1e-9);
        for (x, side) in [(guess + step, &mut up), (low, &mut down)] {
            if let Some(y) = f(x) {
                if bracket.is_none() && y.signum() != side.1.signum() {
                    bracket = Some((side.0, side.1, x));
                }
                *side = (x, y);
            }
        }
        if bracket.is_some() {
            break;
        }
        step *= 1.5;
    }
    let (mut a, mut fa, mut b) = bracket?;
    for _ in 0..200 {
        let mid = 0.5 * (a + b);
        let fm = f(mid)?;
        if fm == 0.0 || (b - a).abs() < 1e-15 * mid.abs().max(1.0) {
            return Some(mid);
        }
        if fm.signum() == fa.signum() {
            a = mid;
            fa = fm;
        } else {
            b = mid;
        }
    }
    Some(0.5 * (a + b))
}

/// Solves for a rate: Newton first (Excel's method, which picks the root near the guess), then
/// a bracketing search. The result must make `f` small, else `#NUM!`.
fn solve_rate(f: &dyn Fn(f64) -> Option<(f64, f64)>, guess: f64) -> Fin<f64> {
    let value_only = |x: f64| f(x).map(|(y, _)| y);
    newton(f, guess)
        .or_else(|| bracket_and_bisect(&value_only, guess))
        .filter(|r| r.is_finite() && *r > -1.0)
        .ok_or(ErrorKind::Num)
}

fn rate(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (n, payment, pv) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        let fv = num_or(args, 3, 0.0)?;
        let at_start = pay_at_start(args, 4)?;
        let guess = num_or(args, 5, 0.1)?;
        if n <= 0.0 {
            return Err(ErrorKind::Num);
        }
        let t = if at_start { 1.0 } else { 0.0 };
        // f(r) = pv(1+r)^n + pmt(1+rt)((1+r)^n - 1)/r + fv, and its derivative.
        let f = |r: f64| -> Option<(f64, f64)> {
            if r <= -1.0 {
                return None;
            }
            if r.abs() < 1e-12 {
                let y = pv + payment * n + fv;
                let dy = pv * n + payment * (n * (n - 1.0) / 2.0 + t * n);
                return Some((y, dy));
            }
            let g = growth(r, n);
            let dg = n * (1.0 + r).powf(n - 1.0);
            let annuity = (g - 1.0) / r;
            let d_annuity = (dg * r - (g - 1.0)) / (r * r);
            let timing = 1.0 + r * t;
            let y = pv * g + payment * timing * annuity + fv;
            let dy = pv * dg + payment * (t * annuity + timing * d_annuity);
            Some((y, dy)).filter(|(y, dy)| y.is_finite() && dy.is_finite())
        };
        solve_rate(&f, guess)
    })())
}

// ---------------------------------------------------------------------------------------------
// Cash flows.
// ---------------------------------------------------------------------------------------------

/// Excel maps a function over an argument it takes as a single value (NPV's rate, IRR's guess)
/// when that argument is an array or a multi-cell range: one result per element.
fn map_over_argument(
    args: &[Operand],
    i: usize,
    ctx: &dyn EvalContext,
    f: EagerFn,
) -> Option<Operand> {
    let multi = match args.get(i)? {
        Operand::Ref(area) => !area.is_single_cell(),
        Operand::Array(_) => true,
        Operand::Value(_) => false,
    };
    if !multi {
        return None;
    }
    let spread = args::to_array(args.get(i)?, ctx);
    let mut call_args = args.to_vec();
    let values = spread
        .values
        .iter()
        .map(|v| {
            if let Some(slot) = call_args.get_mut(i) {
                *slot = Operand::Value(v.clone());
            }
            args::scalar(&f(&call_args, ctx), ctx)
        })
        .collect();
    Some(Operand::from(Array::new(spread.rows, spread.cols, values)))
}

fn npv(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    if let Some(mapped) = map_over_argument(args, 0, ctx, npv) {
        return mapped;
    }
    let result = (|| {
        let rate = numeric::to_f64(number_arg(&args::scalar(&args[0], ctx))?);
        let mut total = 0.0;
        let mut factor = 1.0;
        let discount = 1.0 + rate;
        args::for_each_number_in_order(
            args.get(1..).unwrap_or(&[]),
            ctx,
            Collect::Numbers,
            &mut |v| {
                factor *= discount;
                total += numeric::to_f64(v) / factor;
            },
        )?;
        if rate == -1.0 {
            return Err(ErrorKind::Div0);
        }
        numeric::from_f64(total)
    })();
    result.into()
}

/// The numbers of IRR's and MIRR's values argument, in order: numbers of a range or array
/// count (text, booleans and empty cells are skipped); an error value is `#VALUE!`.
fn cash_flows(op: &Operand, ctx: &dyn EvalContext) -> Fin<Vec<f64>> {
    let mut flows = Vec::new();
    let mut bad = false;
    match op {
        Operand::Value(v) => flows.push(numeric::to_f64(number_arg(v)?)),
        _ => args::for_each_value(op, ctx, &mut |v| match v {
            Value::Number(n) => flows.push(numeric::to_f64(*n)),
            Value::Error(_) => bad = true,
            _ => {}
        }),
    }
    if bad {
        return Err(ErrorKind::Value);
    }
    Ok(flows)
}

fn has_both_signs(flows: &[f64]) -> bool {
    flows.iter().any(|v| *v > 0.0) && flows.iter().any(|v| *v < 0.0)
}

/// An optional guess argument (Eager functions): `default` when omitted or empty.
fn guess_arg(args: &[Operand], i: usize, default: f64, ctx: &dyn EvalContext) -> Fin<f64> {
    match args.get(i).map(|op| args::scalar(op, ctx)) {
        None | Some(Value::Empty) => Ok(default),
        Some(v) => number_arg(&v).map(numeric::to_f64),
    }
}

fn irr(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    if let Some(mapped) = map_over_argument(args, 1, ctx, irr) {
        return mapped;
    }
    let result = (|| {
        let flows = cash_flows(&args[0], ctx)?;
        let guess = guess_arg(args, 1, 0.1, ctx)?;
        if !has_both_signs(&flows) {
            return Err(ErrorKind::Num);
        }
        let f = |r: f64| -> Option<(f64, f64)> {
            if r <= -1.0 {
                return None;
            }
            let (mut y, mut dy) = (0.0, 0.0);
            let base = 1.0 + r;
            for (i, v) in flows.iter().enumerate() {
                let t = i as f64;
                let d = base.powf(t);
                y += v / d;
                dy -= t * v / (d * base);
            }
            Some((y, dy)).filter(|(y, dy)| y.is_finite() && dy.is_finite())
        };
        numeric::from_f64(solve_rate(&f, guess)?)
    })();
    result.into()
}

fn mirr(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let result = (|| {
        let flows = cash_flows(&args[0], ctx)?;
        let finance = numeric::to_f64(number_arg(&args::scalar(&args[1], ctx))?);
        let reinvest = numeric::to_f64(number_arg(&args::scalar(&args[2], ctx))?);
        let n = flows.len() as f64;
        if finance == -1.0 || reinvest == -1.0 {
            return Err(ErrorKind::Div0);
        }
        let (mut negatives, mut positives) = (0.0, 0.0);
        for (i, v) in flows.iter().enumerate() {
            let t = i as f64;
            if *v < 0.0 {
                negatives += v / (1.0 + finance).powf(t);
            } else {
                positives += v * (1.0 + reinvest).powf(n - 1.0 - t);
            }
        }
        if negatives == 0.0 || positives == 0.0 || n < 2.0 {
            return Err(ErrorKind::Div0);
        }
        numeric::from_f64((positives / -negatives).powf(1.0 / (n - 1.0)) - 1.0)
    })();
    result.into()
}

/// XNPV's and XIRR's values and dates: equally many, paired in order. Errors in the dates come
/// first, then in the values; booleans and non-numeric text are `#VALUE!`; pairs whose value
/// and date are both empty are skipped.
fn dated_flows(values: &Operand, dates: &Operand, ctx: &dyn EvalContext) -> Fin<Vec<(f64, f64)>> {
    let values = args::to_array(values, ctx).values;
    let dates = args::to_array(dates, ctx).values;
    if let Some(e) = dates.iter().chain(values.iter()).find_map(Value::as_error) {
        return Err(e);
    }
    if values.len() != dates.len() {
        return Err(ErrorKind::Num);
    }
    let mut flows = Vec::with_capacity(values.len());
    for (v, d) in values.iter().zip(dates.iter()) {
        if v.is_empty() && d.is_empty() {
            continue;
        }
        let day = atp_serial(d)? as f64;
        flows.push((numeric::to_f64(toolpak::number(v)?), day));
    }
    let Some(&(_, first)) = flows.first() else {
        return Err(ErrorKind::Num);
    };
    if flows.iter().any(|(_, d)| *d < first) {
        return Err(ErrorKind::Num);
    }
    Ok(flows)
}

/// Σ v / (1+r)^((d - d0)/365) and its derivative in r.
fn xnpv_with_slope(flows: &[(f64, f64)], r: f64) -> Option<(f64, f64)> {
    if r <= -1.0 {
        return None;
    }
    let first = flows.first()?.1;
    let base = 1.0 + r;
    let (mut y, mut dy) = (0.0, 0.0);
    for (v, d) in flows {
        let t = (d - first) / 365.0;
        let f = base.powf(t);
        y += v / f;
        dy -= t * v / (f * base);
    }
    Some((y, dy)).filter(|(y, dy)| y.is_finite() && dy.is_finite())
}

fn xnpv(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let result = (|| {
        let rate = numeric::to_f64(toolpak::number(&args::scalar(&args[0], ctx))?);
        if matches!(&args[0], Operand::Ref(a) if !a.is_single_cell()) {
            return Err(ErrorKind::Value);
        }
        let flows = dated_flows(&args[1], &args[2], ctx)?;
        if rate <= 0.0 {
            return Err(ErrorKind::Num);
        }
        let (y, _) = xnpv_with_slope(&flows, rate).ok_or(ErrorKind::Num)?;
        numeric::from_f64(y)
    })();
    result.into()
}

fn xirr(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let result = (|| {
        let guess = match args.get(2) {
            None => 0.1,
            Some(op) => {
                if matches!(op, Operand::Ref(a) if !a.is_single_cell()) {
                    return Err(ErrorKind::Value);
                }
                numeric::to_f64(toolpak::number(&args::scalar(op, ctx))?)
            }
        };
        let flows = dated_flows(&args[0], &args[1], ctx)?;
        let amounts: Vec<f64> = flows.iter().map(|(v, _)| *v).collect();
        if !has_both_signs(&amounts) || guess <= -1.0 {
            return Err(ErrorKind::Num);
        }
        let f = |r: f64| xnpv_with_slope(&flows, r);
        let value_only = |r: f64| f(r).map(|(y, _)| y);
        let rate = match xirr_by_bisection(&value_only, guess) {
            Some(found) => found?,
            None => solve_rate(&f, guess)?,
        };
        numeric::from_f64(rate)
    })();
    result.into()
}

/// How many times XIRR doubles the guess looking for a sign change, as Excel's 100 tries.
const XIRR_DOUBLINGS: usize = 100;
/// XIRR's bisection stops when the bracket is narrower than this.
const XIRR_TOLERANCE: f64 = 1e-8;

/// Excel's XIRR search: the guess is doubled until XNPV changes sign between 0 and it, then
/// that bracket is halved until narrower than 1e-8 and the last midpoint is the answer. This
/// is why Excel's XIRR is only good to about 1e-8, and why its last digits depend on the
/// guess: in formulas__test, guess 1 (bracket [0, 1]) gives 0.5993197485804558 and the
/// default 0.1 (doubled to [0, 0.8]) 0.5993197500705721, where the root is 0.59931975575305;
/// Microsoft's documented example gives 0.373362535 (the root is 0.3733625335). A doubling
/// that reaches -1 is `#NUM!` (guess -0.1 there). None when no sign change turns up (a zero
/// guess, or a root on the other side of 0): the caller then solves by Newton's method.
fn xirr_by_bisection(f: &dyn Fn(f64) -> Option<f64>, guess: f64) -> Option<Fin<f64>> {
    let at_zero = f(0.0)?;
    let mut far = guess;
    let mut bracketed = false;
    for _ in 0..XIRR_DOUBLINGS {
        if far <= -1.0 {
            return Some(Err(ErrorKind::Num));
        }
        if (f(far)? > 0.0) != (at_zero > 0.0) {
            bracketed = true;
            break;
        }
        far *= 2.0;
    }
    if !bracketed {
        return None;
    }
    // `above` is the end where XNPV is positive, `below` the other.
    let (mut above, mut below) = if at_zero > 0.0 {
        (0.0, far)
    } else {
        (far, 0.0)
    };
    for _ in 0..MAX_BISECTIONS {
        let mid = 0.5 * (above + below);
        if f(mid)? > 0.0 {
            above = mid;
        } else {
            below = mid;
        }
        if (above - below).abs() < XIRR_TOLERANCE {
            return Some(Ok(mid));
        }
    }
    None
}

/// Enough halvings to narrow any finite bracket below XIRR's tolerance.
const MAX_BISECTIONS: usize = 1100;

fn fvschedule(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let result = (|| {
        let mut value = number_arg(&args::scalar(&args[0], ctx))?;
        let mut err = None;
        args::for_each_value(&args[1], ctx, &mut |v| {
            if err.is_some() {
                return;
            }
            let step = toolpak::number(v)
                .and_then(|r| numeric::add(Decimal::ONE, r))
                .and_then(|g| numeric::mul(value, g));
            match step {
                Ok(next) => value = next,
                Err(e) => err = Some(e),
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(value),
        }
    })();
    result.into()
}

// ---------------------------------------------------------------------------------------------
// Depreciation.
// ---------------------------------------------------------------------------------------------

fn decimals(args: &[Value], n: usize) -> Fin<Vec<Decimal>> {
    args.iter().take(n).map(number_arg).collect()
}

fn sln(args: &[Value], _: &dyn EvalContext) -> Value {
    finish_decimal((|| {
        let a = decimals(args, 3)?;
        numeric::div(numeric::sub(a[0], a[1])?, a[2])
    })())
}

fn syd(args: &[Value], _: &dyn EvalContext) -> Value {
    finish_decimal((|| {
        let a = decimals(args, 4)?;
        let (cost, salvage, life, per) = (a[0], a[1], a[2], a[3]);
        if life <= Decimal::ZERO || per <= Decimal::ZERO || per > life || salvage < Decimal::ZERO {
            return Err(ErrorKind::Num);
        }
        // (cost - salvage) * (life - per + 1) * 2 / (life * (life + 1))
        let remaining = numeric::add(numeric::sub(life, per)?, Decimal::ONE)?;
        let numerator = numeric::mul(
            numeric::mul(numeric::sub(cost, salvage)?, remaining)?,
            Decimal::TWO,
        )?;
        numeric::div(
            numerator,
            numeric::mul(life, numeric::add(life, Decimal::ONE)?)?,
        )
    })())
}

/// DB: fixed-declining balance with the rate rounded to three decimals, a first year of
/// `month` months and a last partial year for the remaining months.
fn db(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (cost, salvage, life, period) =
            (num(args, 0)?, num(args, 1)?, num(args, 2)?, num(args, 3)?);
        let month = num_or(args, 4, 12.0)?.trunc();
        let period = period.trunc();
        if !(1.0..=12.0).contains(&month)
            || cost < 0.0
            || salvage < 0.0
            || life <= 0.0
            || period <= 0.0
            || period > life + 1.0
            || (month == 12.0 && period > life)
        {
            return Err(ErrorKind::Num);
        }
        if cost == 0.0 {
            return Ok(0.0);
        }
        let rate = ((1.0 - (salvage / cost).powf(1.0 / life)) * 1000.0).round() / 1000.0;
        let first = cost * rate * month / 12.0;
        if period == 1.0 {
            return Ok(first);
        }
        let mut total = first;
        let mut dep = first;
        let full_years = life.min(period) as i64;
        for _ in 2..=full_years {
            dep = (cost - total) * rate;
            total += dep;
        }
        if period > life {
            dep = (cost - total) * rate * (12.0 - month) / 12.0;
        }
        Ok(dep)
    })())
}

/// Double-declining depreciation of period `period` (may be fractional), never going below
/// the salvage value.
fn ddb_of(cost: f64, salvage: f64, life: f64, period: f64, factor: f64) -> f64 {
    let mut rate = factor / life;
    let before = if rate >= 1.0 {
        rate = 1.0;
        if period == 1.0 {
            cost
        } else {
            0.0
        }
    } else {
        cost * (1.0 - rate).powf(period - 1.0)
    };
    let after = cost * (1.0 - rate).powf(period);
    let dep = if after < salvage {
        before - salvage
    } else {
        before - after
    };
    dep.max(0.0)
}

fn ddb(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (cost, salvage, life, period) =
            (num(args, 0)?, num(args, 1)?, num(args, 2)?, num(args, 3)?);
        let factor = num_or(args, 4, 2.0)?;
        if cost < 0.0
            || salvage < 0.0
            || life <= 0.0
            || factor <= 0.0
            || period < 1.0
            || period > life
        {
            return Err(ErrorKind::Num);
        }
        Ok(ddb_of(cost, salvage, life, period, factor))
    })())
}

/// Upper bound on the periods VDB walks through.
const MAX_VDB_PERIODS: f64 = 100_000.0;

/// VDB with the switch to straight line: Excel walks a period grid aligned on `start` (a
/// first period of frac(start), then whole periods, the last one cut at `life`). Each period
/// takes the larger of the declining-balance amount and the straight line over the remaining
/// life, which it keeps once it switches; `start..end` gets its share of each period.
fn vdb_switching(cost: f64, salvage: f64, life: f64, start: f64, end: f64, factor: f64) -> f64 {
    let rate = factor / life;
    let first_len = start.fract();
    let (mut t, mut book, mut total) = (0.0, cost, 0.0);
    let mut straight: Option<f64> = None;
    while t < end {
        let nominal = if t == 0.0 && first_len > 0.0 {
            first_len
        } else {
            1.0
        };
        let len = nominal.min(life - t);
        let declining = (book * rate * len).min(book - salvage).max(0.0);
        let line = (book - salvage) / (life - t);
        if straight.is_none() && line * len > declining {
            straight = Some(line);
        }
        let amount = straight.map_or(declining, |per_period| per_period * len);
        let overlap = (t + len).min(end) - t.max(start);
        if overlap > 0.0 && len > 0.0 {
            total += amount * overlap / len;
        }
        book -= amount;
        t += len;
    }
    total
}

/// VDB without the switch: each declining-balance period in proportion to its overlap with
/// `start..end`.
fn vdb_declining(cost: f64, salvage: f64, life: f64, start: f64, end: f64, factor: f64) -> f64 {
    let (first, last) = (start.floor(), end.ceil());
    let mut total = 0.0;
    let mut i = first + 1.0;
    while i <= last {
        let mut term = ddb_of(cost, salvage, life, i, factor);
        if i == first + 1.0 {
            term *= end.min(first + 1.0) - start;
        } else if i == last {
            term *= end + 1.0 - last;
        }
        total += term;
        i += 1.0;
    }
    total
}

fn vdb(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (cost, salvage, life) = (num(args, 0)?, num(args, 1)?, num(args, 2)?);
        let (start, end) = (num(args, 3)?, num(args, 4)?);
        let factor = num_or(args, 5, 2.0)?;
        let no_switch = match args.get(6) {
            None => false,
            Some(v) => v.to_bool()?,
        };
        if start < 0.0 || end < start || end > life || cost < 0.0 || salvage > cost || factor <= 0.0
        {
            return Err(ErrorKind::Num);
        }
        if life <= 0.0 {
            return Err(ErrorKind::Num);
        }
        if end > MAX_VDB_PERIODS {
            return Err(ErrorKind::Num);
        }
        Ok(if no_switch {
            vdb_declining(cost, salvage, life, start, end, factor)
        } else {
            vdb_switching(cost, salvage, life, start, end, factor)
        })
    })())
}

// ---------------------------------------------------------------------------------------------
// Securities: the coupon schedule.
// ---------------------------------------------------------------------------------------------

/// The common arguments of the coupon functions, validated as Excel does.
struct Bond {
    settlement: i64,
    maturity: i64,
    frequency: i64,
    basis: Basis,
}

impl Bond {
    /// Reads settlement, maturity, frequency and basis from the given argument positions.
    fn read(args: &[Value], at: [usize; 4]) -> Fin<Bond> {
        let settlement = atp_date(args, at[0])?;
        let maturity = atp_date(args, at[1])?;
        let frequency = whole(toolpak::number(args.get(at[2]).unwrap_or(&Value::Empty))?)?;
        let basis = Basis::from_value(args.get(at[3]))?;
        if !matches!(frequency, 1 | 2 | 4) || settlement >= maturity {
            return Err(ErrorKind::Num);
        }
        Ok(Bond {
            settlement,
            maturity,
            frequency,
            basis,
        })
    }

    fn months_per_coupon(&self) -> i64 {
        12 / self.frequency
    }

    /// The coupon dates are the maturity stepped back by whole coupon periods (staying on the
    /// last day of the month when maturity is one).
    fn coupon_date(&self, periods_before_maturity: i64) -> Fin<i64> {
        let m = ymd(self.maturity)?;
        let end_of_month = m.day == super::date::days_in_month(m.year, m.month);
        Ok(add_months(
            m,
            -periods_before_maturity * self.months_per_coupon(),
            end_of_month,
        ))
    }

    /// (number of coupons left, previous coupon date, next coupon date).
    fn schedule(&self) -> Fin<(i64, i64, i64)> {
        let m = ymd(self.maturity)?;
        let s = ymd(self.settlement)?;
        // First estimate from the month difference, then adjust by a period either way.
        let months = (m.year - s.year) * 12 + i64::from(m.month) - i64::from(s.month);
        let mut n = (months / self.months_per_coupon()).max(0);
        while n > 0 && self.coupon_date(n)? > self.settlement {
            n -= 1;
        }
        while self.coupon_date(n + 1)? > self.settlement && n < 100_000 {
            n += 1;
        }
        // Now coupon_date(n) > settlement >= coupon_date(n + 1), or n = 0 when settlement is
        // before the last coupon (maturity itself).
        let n = if self.coupon_date(n)? > self.settlement {
            n
        } else {
            n - 1
        };
        Ok((n + 1, self.coupon_date(n + 1)?, self.coupon_date(n)?))
    }

    fn previous_coupon(&self) -> Fin<i64> {
        Ok(self.schedule()?.1)
    }

    fn next_coupon(&self) -> Fin<i64> {
        Ok(self.schedule()?.2)
    }

    fn coupons(&self) -> Fin<i64> {
        Ok(self.schedule()?.0)
    }

    /// Days in the coupon period holding the settlement (E).
    fn period_days(&self) -> Fin<f64> {
        let f = self.frequency as f64;
        Ok(match self.basis {
            Basis::Actual => {
                let (_, pcd, ncd) = self.schedule()?;
                (ncd - pcd) as f64
            }
            Basis::Actual365 => 365.0 / f,
            _ => 360.0 / f,
        })
    }

    /// Days from the previous coupon to settlement (A).
    fn days_accrued(&self) -> Fin<f64> {
        Ok(self.basis.days(self.previous_coupon()?, self.settlement)? as f64)
    }

    /// Days from settlement to the next coupon (DSC).
    fn days_to_next(&self) -> Fin<f64> {
        match self.basis {
            Basis::Us30360 | Basis::Eu30360 => Ok(self.period_days()? - self.days_accrued()?),
            _ => Ok((self.next_coupon()? - self.settlement) as f64),
        }
    }
}

const COUPON_ARGS: [usize; 4] = [0, 1, 2, 3];

fn coupon_fn(args: &[Value], f: fn(&Bond) -> Fin<f64>) -> Value {
    finish(Bond::read(args, COUPON_ARGS).and_then(|b| f(&b)))
}

fn coupdays(args: &[Value], _: &dyn EvalContext) -> Value {
    coupon_fn(args, Bond::period_days)
}

fn coupdaybs(args: &[Value], _: &dyn EvalContext) -> Value {
    coupon_fn(args, Bond::days_accrued)
}

fn coupdaysnc(args: &[Value], _: &dyn EvalContext) -> Value {
    coupon_fn(args, Bond::days_to_next)
}

fn coupncd(args: &[Value], _: &dyn EvalContext) -> Value {
    coupon_fn(args, |b| b.next_coupon().map(|d| d as f64))
}

fn couppcd(args: &[Value], _: &dyn EvalContext) -> Value {
    coupon_fn(args, |b| b.previous_coupon().map(|d| d as f64))
}

fn coupnum(args: &[Value], _: &dyn EvalContext) -> Value {
    coupon_fn(args, |b| b.coupons().map(|n| n as f64))
}

/// The price per 100 face value of a bond paying `rate` yearly, discounted at `yld` (Excel's
/// PRICE formula; one coupon left uses simple interest).
fn bond_price(bond: &Bond, rate: f64, yld: f64, redemption: f64) -> Fin<f64> {
    let f = bond.frequency as f64;
    let n = bond.coupons()?;
    let e = bond.period_days()?;
    let a = bond.days_accrued()?;
    // Excel prices with E - A days to the next coupon, even where COUPDAYSNC counts actual
    // days (bases 2 and 3).
    let dsc = e - a;
    let coupon = 100.0 * rate / f;
    if n == 1 {
        let dsr = e - a;
        return Ok((coupon + redemption) / (1.0 + yld / f * dsr / e) - coupon * a / e);
    }
    let base = 1.0 + yld / f;
    let lead = dsc / e;
    let mut price = redemption / base.powf(n as f64 - 1.0 + lead);
    for k in 1..=n {
        price += coupon / base.powf(k as f64 - 1.0 + lead);
    }
    Ok(price - coupon * a / e)
}

const PRICE_ARGS: [usize; 4] = [0, 1, 5, 6];

fn price(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let bond = Bond::read(args, PRICE_ARGS)?;
        let (rate, yld, redemption) = (atp(args, 2)?, atp(args, 3)?, atp(args, 4)?);
        if rate < 0.0 || yld < 0.0 || redemption <= 0.0 {
            return Err(ErrorKind::Num);
        }
        bond_price(&bond, rate, yld, redemption)
    })())
}

fn yield_(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let bond = Bond::read(args, PRICE_ARGS)?;
        let (rate, pr, redemption) = (atp(args, 2)?, atp(args, 3)?, atp(args, 4)?);
        if rate < 0.0 || pr <= 0.0 || redemption <= 0.0 {
            return Err(ErrorKind::Num);
        }
        let f = bond.frequency as f64;
        if bond.coupons()? == 1 {
            let e = bond.period_days()?;
            let a = bond.days_accrued()?;
            let dsr = e - a;
            let paid = pr / 100.0 + a / e * rate / f;
            return Ok((redemption / 100.0 + rate / f - paid) / paid * f * e / dsr);
        }
        // Price falls as yield rises: Newton with a numeric slope, then bisection.
        let target = |y: f64| bond_price(&bond, rate, y, redemption).ok().map(|p| p - pr);
        let with_slope = |y: f64| {
            let h = 1e-7 * y.abs().max(1e-3);
            let (p0, p1) = (target(y)?, target(y + h)?);
            Some((p0, (p1 - p0) / h))
        };
        solve_rate(&with_slope, rate.max(0.05))
    })())
}

/// Macaulay duration in years of a bond (DURATION).
fn macaulay_duration(args: &[Value]) -> Fin<(f64, f64)> {
    let bond = Bond::read(args, [0, 1, 4, 5])?;
    let (coupon_rate, yld) = (atp(args, 2)?, atp(args, 3)?);
    if coupon_rate < 0.0 || yld < 0.0 {
        return Err(ErrorKind::Num);
    }
    let f = bond.frequency as f64;
    let n = bond.coupons()?;
    let e = bond.period_days()?;
    let lead = (e - bond.days_accrued()?) / e;
    let base = 1.0 + yld / f;
    let coupon = 100.0 * coupon_rate / f;
    let (mut weighted, mut price) = (0.0, 0.0);
    for k in 1..=n {
        let t = k as f64 - 1.0 + lead;
        let cash = if k == n { coupon + 100.0 } else { coupon };
        let pv = cash / base.powf(t);
        weighted += t * pv;
        price += pv;
    }
    Ok((weighted / price / f, base))
}

fn duration(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(macaulay_duration(args).map(|(d, _)| d))
}

fn mduration(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(macaulay_duration(args).map(|(d, base)| d / base))
}

/// ACCRINT: interest accrued from issue (or, with calc_method FALSE, from the coupon date
/// before settlement) to settlement, summed over the quasi-coupon periods it spans.
fn accrint(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let issue = atp_date(args, 0)?;
        let first_interest = atp_date(args, 1)?;
        let settlement = atp_date(args, 2)?;
        let (rate, par) = (atp(args, 3)?, atp(args, 4)?);
        let frequency = whole(toolpak::number(args.get(5).unwrap_or(&Value::Empty))?)?;
        let basis = Basis::from_value(args.get(6))?;
        let from_issue = match args.get(7) {
            None | Some(Value::Empty) => true,
            Some(Value::Bool(b)) => *b,
            Some(v) => toolpak::number(v)? != Decimal::ZERO,
        };
        if rate <= 0.0 || par <= 0.0 || !matches!(frequency, 1 | 2 | 4) || issue >= settlement {
            return Err(ErrorKind::Num);
        }
        let months = 12 / frequency;
        let anchor = ymd(first_interest)?;
        // Quasi-coupon dates are first_interest shifted by whole periods.
        let coupon = |k: i64| add_months(anchor, k * months, false);
        let mut k = 0;
        while coupon(k) > issue && k > -100_000 {
            k -= 1;
        }
        let start = if from_issue {
            issue
        } else {
            let mut j = k;
            while coupon(j + 1) <= settlement && j < 100_000 {
                j += 1;
            }
            coupon(j).max(issue)
        };
        let f = frequency as f64;
        let mut total = 0.0;
        while coupon(k) < settlement && k < 100_000 {
            let (period_start, period_end) = (coupon(k), coupon(k + 1));
            let from = period_start.max(start);
            let to = period_end.min(settlement);
            if to > from {
                let days = basis.days(from, to)? as f64;
                let length = match basis {
                    Basis::Actual => (period_end - period_start) as f64,
                    Basis::Actual365 => 365.0 / f,
                    _ => 360.0 / f,
                };
                total += days / length;
            }
            k += 1;
        }
        Ok(par * rate / f * total)
    })())
}

/// Year fraction between two ATP date arguments with a basis; settlement must precede
/// maturity.
fn term(args: &[Value], basis_at: usize) -> Fin<f64> {
    let settlement = atp_date(args, 0)?;
    let maturity = atp_date(args, 1)?;
    let basis = Basis::from_value(args.get(basis_at))?;
    if settlement >= maturity {
        return Err(ErrorKind::Num);
    }
    Ok(numeric::to_f64(year_fraction(settlement, maturity, basis)?))
}

fn accrintm(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let years = term(args, 4)?;
        let (rate, par) = (atp(args, 2)?, atp(args, 3)?);
        if rate <= 0.0 || par <= 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok(par * rate * years)
    })())
}

/// The discount-security functions share (settlement, maturity, x, y, [basis]) with x, y > 0.
fn discount_args(args: &[Value]) -> Fin<(f64, f64, f64)> {
    let years = term(args, 4)?;
    let (x, y) = (atp(args, 2)?, atp(args, 3)?);
    if x <= 0.0 || y <= 0.0 {
        return Err(ErrorKind::Num);
    }
    Ok((years, x, y))
}

fn disc(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(discount_args(args).map(|(t, pr, redemption)| (1.0 - pr / redemption) / t))
}

fn intrate(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(
        discount_args(args)
            .map(|(t, investment, redemption)| (redemption - investment) / investment / t),
    )
}

fn received(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(discount_args(args).and_then(|(t, investment, discount)| {
        let left = 1.0 - discount * t;
        if left <= 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok(investment / left)
    }))
}

fn pricedisc(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(discount_args(args).map(|(t, discount, redemption)| redemption * (1.0 - discount * t)))
}

fn yielddisc(args: &[Value], _: &dyn EvalContext) -> Value {
    finish(discount_args(args).map(|(t, pr, redemption)| (redemption / pr - 1.0) / t))
}

/// PRICEMAT's and YIELDMAT's year fractions: issue to maturity, issue to settlement,
/// settlement to maturity.
fn maturity_terms(args: &[Value]) -> Fin<(f64, f64, f64)> {
    let settlement = atp_date(args, 0)?;
    let maturity = atp_date(args, 1)?;
    let issue = atp_date(args, 2)?;
    let basis = Basis::from_value(args.get(5))?;
    if settlement >= maturity || issue > settlement {
        return Err(ErrorKind::Num);
    }
    let frac = |a, b| year_fraction(a, b, basis).map(numeric::to_f64);
    Ok((
        frac(issue, maturity)?,
        frac(issue, settlement)?,
        frac(settlement, maturity)?,
    ))
}

fn pricemat(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (dim, a, dsm) = maturity_terms(args)?;
        let (rate, yld) = (atp(args, 3)?, atp(args, 4)?);
        if rate < 0.0 || yld < 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok((100.0 + dim * rate * 100.0) / (1.0 + dsm * yld) - a * rate * 100.0)
    })())
}

fn yieldmat(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let (dim, a, dsm) = maturity_terms(args)?;
        let (rate, pr) = (atp(args, 3)?, atp(args, 4)?);
        if rate < 0.0 || pr <= 0.0 {
            return Err(ErrorKind::Num);
        }
        let paid = pr / 100.0 + a * rate;
        Ok(((1.0 + dim * rate) - paid) / paid / dsm)
    })())
}

/// Days from settlement to maturity of a Treasury bill: at most one year.
fn tbill_days(args: &[Value]) -> Fin<f64> {
    let settlement = atp_date(args, 0)?;
    let maturity = atp_date(args, 1)?;
    if settlement >= maturity {
        return Err(ErrorKind::Num);
    }
    let one_year_later = add_months(ymd(settlement)?, 12, false);
    if maturity > one_year_later {
        return Err(ErrorKind::Num);
    }
    Ok((maturity - settlement) as f64)
}

fn tbillprice(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let days = tbill_days(args)?;
        let discount = atp(args, 2)?;
        let price = 100.0 * (1.0 - discount * days / 360.0);
        if discount <= 0.0 || price <= 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok(price)
    })())
}

fn tbillyield(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let days = tbill_days(args)?;
        let pr = atp(args, 2)?;
        if pr <= 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok((100.0 - pr) / pr * 360.0 / days)
    })())
}

/// TBILLEQ: the bond-equivalent yield; past half a year it accounts for the coupon a bond
/// would have paid.
fn tbilleq(args: &[Value], _: &dyn EvalContext) -> Value {
    finish((|| {
        let days = tbill_days(args)?;
        let discount = atp(args, 2)?;
        if discount <= 0.0 {
            return Err(ErrorKind::Num);
        }
        if days <= 182.0 {
            return Ok(365.0 * discount / (360.0 - discount * days));
        }
        let price = 100.0 * (1.0 - discount * days / 360.0);
        if price <= 0.0 {
            return Err(ErrorKind::Num);
        }
        let t = days / 365.0;
        let root = (t * t - (2.0 * t - 1.0) * (1.0 - 100.0 / price)).sqrt();
        Ok((-t + root) / (t - 0.5))
    })())
}

/// DOLLARDE and DOLLARFR: `fraction` (truncated) is the denominator of the fractional part,
/// written in as many decimal digits as it has.
fn dollar_convert(args: &[Value], to_decimal: bool) -> Fin<Decimal> {
    let dollar = toolpak::number(&args[0])?;
    let fraction = toolpak::number(&args[1])?.trunc();
    if fraction < Decimal::ZERO {
        return Err(ErrorKind::Num);
    }
    if fraction < Decimal::ONE {
        return Err(ErrorKind::Div0);
    }
    let digits = fraction.normalize().to_string().len() as i64;
    let scale = numeric::power(Decimal::TEN, Decimal::from(digits))?;
    let whole_part = dollar.trunc();
    let fract = numeric::sub(dollar, whole_part)?;
    let converted = if to_decimal {
        numeric::div(numeric::mul(fract, scale)?, fraction)?
    } else {
        numeric::div(numeric::mul(fract, fraction)?, scale)?
    };
    numeric::add(whole_part, converted)
}

fn dollarde(args: &[Value], _: &dyn EvalContext) -> Value {
    finish_decimal(dollar_convert(args, true))
}

fn dollarfr(args: &[Value], _: &dyn EvalContext) -> Value {
    finish_decimal(dollar_convert(args, false))
}

#[cfg(test)]
mod tests {
    use super::super::args::Operand;
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    /// Asserts a number within `tol` relative (absolute below 1).
    fn near(got: Value, want: f64, tol: f64) {
        match got {
            Value::Number(n) => {
                let x = crate::numeric::to_f64(n);
                assert!(
                    (x - want).abs() <= tol * want.abs().max(1.0),
                    "got {x}, want {want}"
                );
            }
            other => panic!("got {other:?}, want {want}"),
        }
    }

    fn close(got: Value, want: f64) {
        near(got, want, 1e-9);
    }

    fn e(kind: ErrorKind) -> Value {
        Value::Error(kind)
    }

    fn nums(values: &[&str]) -> Vec<Operand> {
        values.iter().map(|v| num(v)).collect()
    }

    // Expected values come from Excel (the corpus workbooks' cached values) or from Microsoft's
    // documentation examples (given there to fewer digits, hence the looser tolerances).

    #[test]
    fn present_and_future_values() {
        let g = TestGrid::new();
        close(
            g.value("PV", &nums(&["-0.1", "3", "22"])),
            -81.78326474622767,
        );
        close(g.value("PV", &nums(&["2", "3", "22"])), -10.592592592592593);
        close(g.value("PV", &nums(&["0", "3", "22"])), -66.0);
        close(g.value("PV", &[empty(), num("3"), num("22")]), -66.0);
        close(g.value("PV", &[boolean(true), num("3"), num("22")]), -19.25);
        close(
            g.value("PV", &nums(&["-0.05", "0", "500", "1000", "0"])),
            -1000.0,
        );
        assert_eq!(
            g.value("PV", &[txt("ciao"), num("3"), num("22")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("PV", &[err(ErrorKind::Ref), num("3"), num("22")]),
            e(ErrorKind::Ref)
        );
        close(
            g.value("FV", &nums(&["3.2", "-6", "7"])),
            2.1871014779833633,
        );
        close(g.value("FV", &nums(&["7", "-4", "9"])), 1.285400390625);
        close(g.value("FV", &[num("4"), num("-9"), empty()]), 0.0);
        close(
            g.value("FV", &nums(&["1", "3", "-78.57142857142858", "100", "1"])),
            300.0,
        );
        assert_eq!(
            g.value("FV", &[num("9"), num("0"), txt("ciao")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn payments() {
        let g = TestGrid::new();
        close(
            g.value("PMT", &nums(&["1", "3", "100", "300", "1"])),
            -78.57142857142858,
        );
        close(
            g.value("PMT", &nums(&["1", "3", "100"])),
            -114.28571428571429,
        );
        close(
            g.value("PMT", &nums(&["0", "4", "5", "10000", "1"])),
            -2501.25,
        );
        close(
            g.value(
                "PMT",
                &[
                    num("-0.008333333333333333"),
                    num("2"),
                    num("0"),
                    num("10000"),
                    num("1"),
                ],
            ),
            -5063.113111353327,
        );
        assert_eq!(
            g.value("PMT", &nums(&["0.1", "0", "4", "10000", "1"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("PMT", &nums(&["-3", "5", "100", "300", "1"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("PMT", &nums(&["-1", "1", "-100"])),
            e(ErrorKind::Num)
        );
        close(
            g.value("IPMT", &nums(&["0.25", "1", "36", "8000"])),
            -2000.0,
        );
        close(
            g.value("IPMT", &[num("0"), num("1"), num("36"), num("8000")]),
            0.0,
        );
        let text_args = [txt("3"), txt("33"), txt("10000"), txt("1")];
        let ppmt = |rate: Operand| {
            let mut args = vec![rate];
            args.extend(text_args.iter().cloned());
            g.value("PPMT", &args)
        };
        close(ppmt(num("-0.1")), -835.9133596022948);
        close(ppmt(empty()), -303.06060606060606);
        close(ppmt(boolean(true)), -4.657078534906851e-06);
        assert_eq!(ppmt(txt("ciao")), e(ErrorKind::Value));
        assert_eq!(
            g.value("IPMT", &nums(&["0.1", "0", "36", "8000"])),
            e(ErrorKind::Num)
        );
        close(
            g.value(
                "ISPMT",
                &nums(&["0.0083333333333333", "0", "36", "8000000"]),
            ),
            -66666.6666666664,
        );
    }

    #[test]
    fn cumulative_interest_and_principal() {
        let g = TestGrid::new();
        let with_rate = |rate: Operand| {
            let mut args = vec![rate];
            args.extend(nums(&["5.5", "125000", "3", "5", "1"]));
            g.value("CUMIPMT", &args)
        };
        close(with_rate(num("3.2")), -271489.3412240473);
        close(with_rate(num("6")), -314705.9605595599);
        assert_eq!(with_rate(empty()), e(ErrorKind::Num));
        assert_eq!(with_rate(txt("ciao")), e(ErrorKind::Value));
        assert_eq!(with_rate(boolean(true)), e(ErrorKind::Value));
        assert_eq!(with_rate(err(ErrorKind::NA)), e(ErrorKind::NA));
        // Microsoft's examples: 9% over 30 years on 125,000.
        let monthly = "0.0075";
        near(
            g.value(
                "CUMIPMT",
                &nums(&[monthly, "360", "125000", "13", "24", "0"]),
            ),
            -11135.23213,
            1e-9,
        );
        near(
            g.value(
                "CUMPRINC",
                &nums(&[monthly, "360", "125000", "13", "24", "0"]),
            ),
            -934.1071234,
            1e-9,
        );
        assert_eq!(
            g.value(
                "CUMPRINC",
                &nums(&[monthly, "360", "125000", "13", "24", "2"])
            ),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn nper_and_rate() {
        let g = TestGrid::new();
        close(
            g.value(
                "NPER",
                &nums(&["-0.008333333333333333", "2", "0", "10000", "1"]),
            ),
            -449.5074885969371,
        );
        close(g.value("NPER", &nums(&["0", "4000", "5"])), -0.00125);
        close(
            g.value(
                "NPER",
                &[
                    num("0.3333333333333333"),
                    empty(),
                    num("-0.1"),
                    num("10000"),
                    num("1"),
                ],
            ),
            40.01961389825548,
        );
        close(
            g.value("NPER", &nums(&["1", "-114.28571428571429", "100"])),
            3.0,
        );
        assert_eq!(
            g.value(
                "NPER",
                &nums(&["0.16666666666666666", "0", "4", "10000", "1"])
            ),
            e(ErrorKind::Num)
        );
        close(
            g.value("RATE", &nums(&["2", "-388", "22000"])),
            -0.8580874006920445,
        );
        close(
            g.value("RATE", &nums(&["4", "-388", "22000"])),
            -0.5866802847891364,
        );
        close(
            g.value("RATE", &nums(&["5", "-388", "22000"])),
            -0.4891154831148691,
        );
        close(
            g.value("RATE", &[boolean(true), num("-388"), num("22000")]),
            -0.9823636363636363,
        );
        assert_eq!(
            g.value("RATE", &nums(&["0", "-388", "22000"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("RATE", &nums(&["-0.1", "-388", "22000"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("RATE", &[txt("ciao"), num("-388"), num("22000")]),
            e(ErrorKind::Value)
        );
        // Microsoft's example: 4 years of -200 monthly on 8000.
        near(
            g.value("RATE", &nums(&["48", "-200", "8000"])),
            0.00770147,
            1e-6,
        );
        close(
            g.value("EFFECT", &nums(&["0.0525", "4"])),
            0.053542667370758,
        );
        near(
            g.value("NOMINAL", &nums(&["0.053543", "4"])),
            0.05250032,
            1e-7,
        );
        assert_eq!(
            g.value("EFFECT", &nums(&["0.05", "0.5"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("EFFECT", &[num("0.05"), boolean(true)]),
            e(ErrorKind::Value)
        );
        near(
            g.value("PDURATION", &nums(&["0.025", "2000", "2200"])),
            3.86,
            1e-3,
        );
        near(
            g.value("RRI", &nums(&["96", "10000", "11000"])),
            0.0009933,
            1e-6,
        );
    }

    /// NPV reads a range row by row (pycel npv.xlsx: NPV(0.08, H3:I4) over 1, 3 / 2, 4 is
    /// 8.025726280057427, the same as listing H3, I3, H4, I4), whatever order the workbook
    /// stores cells in.
    #[test]
    fn npv_reads_ranges_row_by_row() {
        let mut wb = crate::engine::Workbook::new();
        let _ = wb.add_sheet("NPV");
        for (cell, v) in [("H3", "1"), ("I3", "3"), ("H4", "2"), ("I4", "4")] {
            let _ = wb.set_value(&format!("NPV!{cell}"), n(v));
        }
        let _ = wb.set_formula("NPV!B3", "=NPV(0.08,H3:I4)");
        match wb.value("NPV!B3") {
            Some(v) => close(v, 8.025726280057427),
            None => panic!("no value"),
        }
    }

    #[test]
    fn npv_skips_text_in_references() {
        let mut g = TestGrid::new();
        close(
            g.value("NPV", &nums(&["0.1", "-10000", "3000", "4200", "6800"])),
            1188.4434123352207,
        );
        g.set("A1", n("8000"))
            .set("A2", Value::text("a"))
            .set("A3", n("10000"))
            .set("A4", Value::Bool(true))
            .set("A5", n("14500"));
        close(
            g.value("NPV", &[num("0.07"), g.area("A1:A5")]),
            28047.342011668155,
        );
        let cells: Vec<Operand> = ["A1", "A2", "A3", "A4", "A5"]
            .iter()
            .map(|c| g.area(c))
            .collect();
        let mut args = vec![num("0.07")];
        args.extend(cells);
        close(g.value("NPV", &args), 28047.342011668155);
        close(
            g.value(
                "NPV",
                &[
                    num("0.08"),
                    g.area("A1"),
                    g.area("B9"),
                    num("10000"),
                    num("12000"),
                    num("14500"),
                ],
            ),
            36164.71536821584,
        );
        g.set("A6", Value::Error(ErrorKind::NA));
        assert_eq!(
            g.value("NPV", &[num("0.07"), g.area("A1:A6")]),
            e(ErrorKind::NA)
        );
        assert_eq!(g.value("NPV", &[txt("a"), num("1")]), e(ErrorKind::Value));
        assert_eq!(g.value("NPV", &[num("-1"), num("1")]), e(ErrorKind::Div0));
    }

    #[test]
    fn irr_and_mirr() {
        let mut g = TestGrid::new();
        let flows = |values: &[&str]| {
            let vals = values.iter().map(|v| n(v)).collect();
            Operand::from(super::super::args::Array::new(1, values.len(), vals))
        };
        let series = flows(&["-7", "2", "-1", "4", "-3", "7", "2", "1", "4"]);
        close(
            g.value("IRR", &[series.clone(), num("4")]),
            0.18158629375365587,
        );
        close(
            g.value(
                "IRR",
                &[
                    flows(&["-7", "2", "1", "4", "-3", "-7", "2", "-1", "4", "4"]),
                    num("7"),
                ],
            ),
            -0.021126011550541612,
        );
        g.set("A1", n("-0.1"))
            .set("B1", n("2"))
            .set("C1", n("0"))
            .set("D1", n("4"))
            .set("E1", n("5"))
            .set("F1", Value::text("ciao"))
            .set("G1", Value::Bool(true));
        close(g.value("IRR", &[g.area("A1:G1")]), 19.105109618587242);
        close(g.value("IRR", &[g.area("A1:C1"), num("9")]), 19.0);
        assert_eq!(g.value("IRR", &[g.area("B1:E1")]), e(ErrorKind::Num));
        assert_eq!(
            g.value("IRR", &[series.clone(), txt("ciao")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("IRR", &[series.clone(), err(ErrorKind::Div0)]),
            e(ErrorKind::Div0)
        );
        g.set("H1", Value::Error(ErrorKind::NA));
        assert_eq!(g.value("IRR", &[g.area("A1:H1")]), e(ErrorKind::Value));
        // An array guess maps IRR over the guesses (array formulas).
        close(
            g.value("IRR", &[series, flows(&["4", "5"])]),
            0.18158629375365587,
        );
        // Microsoft's MIRR example.
        let mirr_flows = flows(&["-120000", "39000", "30000", "21000", "37000", "46000"]);
        near(
            g.value("MIRR", &[mirr_flows.clone(), num("0.1"), num("0.12")]),
            0.126094,
            1e-5,
        );
        assert_eq!(
            g.value("MIRR", &[flows(&["1", "2"]), num("0.1"), num("0.12")]),
            e(ErrorKind::Div0)
        );
    }

    #[test]
    fn dated_cash_flows() {
        let mut g = TestGrid::new();
        for (col, (value, date)) in ["A", "B", "C", "D", "E"].iter().zip([
            ("-10", "1"),
            ("1", "99"),
            ("5", "55"),
            ("0.0001", "4"),
            ("4.5", "9"),
        ]) {
            g.set(&format!("{col}1"), n(value))
                .set(&format!("{col}2"), n(date));
        }
        let (values, dates) = (g.area("A1:E1"), g.area("A2:E2"));
        let xnpv = |rate: Operand| g.value("XNPV", &[rate, values.clone(), dates.clone()]);
        close(xnpv(num("2")), -0.6124748432976563);
        close(xnpv(num("4")), -1.0661583524424625);
        assert_eq!(xnpv(num("0")), e(ErrorKind::Num));
        assert_eq!(xnpv(num("-0.1")), e(ErrorKind::Num));
        assert_eq!(xnpv(boolean(true)), e(ErrorKind::Value));
        assert_eq!(xnpv(txt("ciao")), e(ErrorKind::Value));
        assert_eq!(xnpv(err(ErrorKind::Name)), e(ErrorKind::Name));
        // Excel's XIRR bisects a bracket [0, guess * 2^k] to 1e-8, so its digits vary with the
        // guess (formulas__test FINANCIAL!R54:X55); the root is 0.59931975575305.
        let xirr = |guess: Operand| g.value("XIRR", &[values.clone(), dates.clone(), guess]);
        near(xirr(num("0")), 0.599319755859375, 1e-9);
        near(xirr(num("1")), 0.5993197485804558, 1e-15);
        near(xirr(num("4")), 0.5993197485804558, 1e-15);
        near(xirr(num("32015")), 0.5993197540431083, 1e-15);
        near(
            g.value("XIRR", &[values.clone(), dates.clone()]),
            0.5993197500705721,
            1e-15,
        );
        // Doubling -0.1 reaches -1 before XNPV changes sign.
        assert_eq!(xirr(num("-0.1")), e(ErrorKind::Num));
        assert_eq!(xirr(boolean(true)), e(ErrorKind::Value));
        assert_eq!(xirr(err(ErrorKind::NA)), e(ErrorKind::NA));
        assert_eq!(
            g.value("XIRR", &[dates.clone(), values.clone()]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("XIRR", &[g.area("A1:D1"), dates.clone()]),
            e(ErrorKind::Num)
        );
    }

    /// Microsoft's XIRR example: 0.373362535 (Excel's bisection; the exact root is
    /// 0.3733625335). A negative root beyond the doubled guesses falls back to Newton.
    #[test]
    fn xirr_documented_example_and_negative_roots() {
        let mut g = TestGrid::new();
        // 2008-01-01, 2008-03-01, 2008-10-30, 2009-02-15, 2009-04-01.
        for (col, (value, date)) in ["A", "B", "C", "D", "E"].iter().zip([
            ("-10000", "39448"),
            ("2750", "39508"),
            ("4250", "39751"),
            ("3250", "39859"),
            ("2750", "39904"),
        ]) {
            g.set(&format!("{col}1"), n(value))
                .set(&format!("{col}2"), n(date));
        }
        let doc = g.value("XIRR", &[g.area("A1:E1"), g.area("A2:E2")]);
        near(doc, 0.3733625352382659, 1e-15);
        // -10000, 1000, 2000, 3000 monthly from 2015-01-01: Excel -0.926186835 (a forum
        // report); the root is -0.92618684.
        for (col, (value, date)) in ["A", "B", "C", "D"].iter().zip([
            ("-10000", "42005"),
            ("1000", "42036"),
            ("2000", "42064"),
            ("3000", "42095"),
        ]) {
            g.set(&format!("{col}4"), n(value))
                .set(&format!("{col}5"), n(date));
        }
        let negative = g.value("XIRR", &[g.area("A4:D4"), g.area("A5:D5")]);
        near(negative, -0.926186835, 1e-8);
    }

    #[test]
    fn depreciation() {
        let g = TestGrid::new();
        let asset = ["575000", "5000", "10"];
        close(g.value("SLN", &nums(&asset)), 57000.0);
        close(
            g.value("SLN", &nums(&["1", "0", "14"])),
            0.07142857142857142,
        );
        assert_eq!(g.value("SLN", &nums(&["1", "0", "0"])), e(ErrorKind::Div0));
        assert_eq!(
            g.value("SLN", &[txt("x"), num("0"), num("1")]),
            e(ErrorKind::Value)
        );
        let db = [
            217350.0,
            135191.7,
            84089.2374,
            52303.5056628,
            32532.7805222616,
            20235.389484846717,
            12586.412259574658,
            7828.748425455436,
            4869.4815206332805,
            3028.8175058339007,
        ];
        for (period, want) in db.iter().enumerate() {
            let mut args = nums(&asset);
            args.push(num(&(period + 1).to_string()));
            close(g.value("DB", &args), *want);
        }
        // Microsoft's DB example with a 7-month first year, and its last partial year.
        close(
            g.value("DB", &nums(&["1000000", "100000", "6", "1", "7"])),
            186083.33333333334,
        );
        near(
            g.value("DB", &nums(&["1000000", "100000", "6", "7", "7"])),
            15845.10,
            1e-6,
        );
        assert_eq!(
            g.value("DB", &nums(&["1000000", "100000", "6", "8", "7"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("DB", &nums(&["1000000", "100000", "6", "1", "13"])),
            e(ErrorKind::Num)
        );
        // Microsoft's SYD and DDB examples.
        near(
            g.value("SYD", &nums(&["30000", "7500", "10", "1"])),
            4090.909090909,
            1e-9,
        );
        near(
            g.value("SYD", &nums(&["30000", "7500", "10", "10"])),
            409.0909090909,
            1e-9,
        );
        assert_eq!(
            g.value("SYD", &nums(&["30000", "7500", "10", "11"])),
            e(ErrorKind::Num)
        );
        close(
            g.value("DDB", &nums(&["2400", "300", "10", "1", "2"])),
            480.0,
        );
        close(
            g.value("DDB", &nums(&["2400", "300", "10", "2", "1.5"])),
            306.0,
        );
        near(
            g.value("DDB", &nums(&["2400", "300", "3650", "1"])),
            1.3150685,
            1e-7,
        );
        near(
            g.value("DDB", &nums(&["2400", "300", "10", "10"])),
            22.12,
            1e-3,
        );
        assert_eq!(
            g.value("DDB", &nums(&["2400", "300", "10", "11"])),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn variable_declining_balance() {
        let g = TestGrid::new();
        close(
            g.value("VDB", &nums(&["575000", "5000", "10", "0", "1", "1.5"])),
            86250.0,
        );
        // koala's workbook: cost 1, life 14, factor 1.25, half-period windows.
        let cases = [
            ("0", "0.5", 0.044642857142857144),
            ("0.5", "1.5", 0.08529974489795919),
            ("1.5", "2.5", 0.07768369624635568),
            ("2.5", "3.5", 0.07074765193864536),
            ("3.5", "4.5", 0.06872629045468406),
            ("11.5", "12.5", 0.06872629045468406),
            ("13.5", "14", 0.03436314522734203),
            ("13", "14", 0.06866789938377948),
            ("11", "12", 0.06866789938377948),
        ];
        for (start, end, want) in cases {
            close(
                g.value(
                    "VDB",
                    &[
                        num("1"),
                        num("0"),
                        num("14"),
                        num(start),
                        num(end),
                        num("1.25"),
                        boolean(false),
                    ],
                ),
                want,
            );
        }
        // Microsoft's examples: 2400 over 10 years, salvage 300.
        near(
            g.value("VDB", &nums(&["2400", "300", "3650", "0", "1"])),
            1.3150685,
            1e-7,
        );
        near(
            g.value("VDB", &nums(&["2400", "300", "120", "0", "1"])),
            40.0,
            1e-9,
        );
        near(
            g.value("VDB", &nums(&["2400", "300", "10", "0", "1"])),
            480.0,
            1e-9,
        );
        near(
            g.value("VDB", &nums(&["2400", "300", "120", "6", "18"])),
            396.31,
            1e-5,
        );
        near(
            g.value("VDB", &nums(&["2400", "300", "120", "6", "18", "1.5"])),
            311.81,
            1e-5,
        );
        near(
            g.value("VDB", &nums(&["2400", "300", "10", "0", "0.875", "1.5"])),
            315.0,
            1e-9,
        );
        assert_eq!(
            g.value("VDB", &nums(&["2400", "300", "10", "5", "4"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("VDB", &nums(&["2400", "300", "10", "0", "11"])),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn fvschedule_is_exact() {
        let g = TestGrid::new();
        let schedule = Operand::from(super::super::args::Array::new(
            1,
            3,
            vec![n("0.09"), n("0.11"), n("0.1")],
        ));
        assert_eq!(g.value("FVSCHEDULE", &[num("1"), schedule]), n("1.330890"));
        assert_eq!(
            g.value("FVSCHEDULE", &[num("1"), txt("x")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn coupon_schedule() {
        let g = TestGrid::new();
        // Microsoft's examples: settlement 2011-01-25, maturity 2011-11-15, semiannual, basis 1.
        let args = nums(&["40568", "40862", "2", "1"]);
        for (name, want) in [
            ("COUPDAYBS", 71.0),
            ("COUPDAYS", 181.0),
            ("COUPDAYSNC", 110.0),
            ("COUPNCD", 40678.0),
            ("COUPNUM", 2.0),
            ("COUPPCD", 40497.0),
        ] {
            close(g.value(name, &args), want);
        }
        // IronCalc's workbook: 2020-01-01 to 2021-01-01, basis 0 and 2.
        let yearly = nums(&["43831", "44197", "1", "0"]);
        close(g.value("COUPDAYS", &yearly), 360.0);
        close(g.value("COUPDAYBS", &yearly), 0.0);
        close(g.value("COUPNCD", &yearly), 44197.0);
        close(g.value("COUPPCD", &yearly), 43831.0);
        close(g.value("COUPNUM", &yearly), 1.0);
        close(
            g.value("COUPDAYSNC", &nums(&["43831", "44197", "1", "1"])),
            366.0,
        );
        close(
            g.value("COUPDAYS", &nums(&["43831", "44197", "4", "3"])),
            91.25,
        );
        assert_eq!(
            g.value("COUPDAYS", &nums(&["44197", "43831", "1", "0"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("COUPDAYS", &nums(&["43831", "44197", "3", "0"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("COUPDAYS", &nums(&["43831", "44197", "1", "5"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("COUPDAYS", &[boolean(true), num("44197"), num("1")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn bond_price_and_yield() {
        let g = TestGrid::new();
        let price = |args: &[&str]| g.value("PRICE", &nums(args));
        close(
            price(&["43891", "47543", "0.06", "0.07", "130", "1", "0"]),
            108.22689722310892,
        );
        close(
            price(&["43891", "47543", "0.05", "0.065", "15", "1", "1"]),
            43.93504164661344,
        );
        close(
            price(&["43891", "47543", "0.04", "0.05", "155", "1", "2"]),
            126.04349401555694,
        );
        close(
            price(&["43891", "47543", "0.06", "0.07", "23", "2", "3"]),
            54.196225247785335,
        );
        close(
            price(&["45748", "46825", "0.22", "0.12", "15", "1", "2"]),
            62.736929069290866,
        );
        // Microsoft's example.
        near(
            price(&["39493", "43054", "0.0575", "0.065", "100", "2", "0"]),
            94.63436,
            1e-7,
        );
        assert_eq!(
            price(&["43891", "47543", "-0.06", "0.07", "130", "1", "0"]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            price(&["43891", "47543", "0.06", "0.07", "0", "1", "0"]),
            e(ErrorKind::Num)
        );
        let yld = |args: &[&str]| g.value("YIELD", &nums(args));
        near(
            yld(&[
                "43891",
                "47543",
                "0.06",
                "108.22689722310892",
                "130",
                "1",
                "0",
            ]),
            0.07,
            1e-9,
        );
        near(
            yld(&[
                "43891",
                "47543",
                "0.04",
                "126.04349401555694",
                "155",
                "1",
                "2",
            ]),
            0.05,
            1e-9,
        );
        near(
            yld(&["39493", "42689", "0.0575", "95.04287", "100", "2", "0"]),
            0.065,
            1e-6,
        );
        assert_eq!(
            yld(&["43891", "47543", "0.06", "0", "130", "1", "0"]),
            e(ErrorKind::Num)
        );
        // Microsoft's DURATION and MDURATION example.
        let duration_args = nums(&["43282", "54058", "0.08", "0.09", "2", "1"]);
        near(g.value("DURATION", &duration_args), 10.9191453, 1e-8);
        near(
            g.value("MDURATION", &duration_args),
            10.9191453 / 1.045,
            1e-8,
        );
    }

    #[test]
    fn discount_securities() {
        let g = TestGrid::new();
        // Microsoft's examples.
        near(
            g.value(
                "INTRATE",
                &nums(&["39493", "39583", "1000000", "1014420", "2"]),
            ),
            0.05768,
            1e-4,
        );
        near(
            g.value(
                "RECEIVED",
                &nums(&["39493", "39583", "1000000", "0.0575", "2"]),
            ),
            1014584.654,
            1e-9,
        );
        near(
            g.value(
                "PRICEDISC",
                &nums(&["39494", "39508", "0.0525", "100", "2"]),
            ),
            99.79583333,
            1e-9,
        );
        near(
            g.value(
                "YIELDDISC",
                &nums(&["39494", "39508", "99.795", "100", "2"]),
            ),
            0.052823,
            1e-5,
        );
        near(
            g.value(
                "DISC",
                &nums(&["39494", "39508", "99.79583333333333", "100", "2"]),
            ),
            0.0525,
            1e-9,
        );
        near(
            g.value(
                "PRICEMAT",
                &nums(&["39493", "39551", "39397", "0.061", "0.061", "0"]),
            ),
            99.98449888,
            1e-9,
        );
        near(
            g.value(
                "YIELDMAT",
                &nums(&["39522", "39755", "39394", "0.0625", "100.0123", "0"]),
            ),
            0.060954,
            1e-5,
        );
        near(
            g.value("ACCRINTM", &nums(&["39539", "39614", "0.1", "1000", "3"])),
            20.54794521,
            1e-9,
        );
        near(
            g.value(
                "ACCRINT",
                &nums(&["39508", "39691", "39569", "0.1", "1000", "2", "0"]),
            ),
            16.666666667,
            1e-9,
        );
        near(
            g.value("TBILLPRICE", &nums(&["39538", "39600", "0.09"])),
            98.45,
            1e-9,
        );
        near(
            g.value("TBILLYIELD", &nums(&["39538", "39600", "98.45"])),
            0.0914,
            1e-4,
        );
        near(
            g.value("TBILLEQ", &nums(&["39538", "39600", "0.0914"])),
            0.094151,
            1e-5,
        );
        assert_eq!(
            g.value("TBILLPRICE", &nums(&["39538", "40000", "0.09"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("DISC", &nums(&["39508", "39494", "99", "100"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value(
                "DISC",
                &[boolean(true), num("39494"), num("99"), num("100")]
            ),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn fractional_dollars() {
        let g = TestGrid::new();
        assert_eq!(g.value("DOLLARDE", &nums(&["1.02", "16"])), n("1.125"));
        assert_eq!(g.value("DOLLARDE", &nums(&["1.1", "32"])), n("1.3125"));
        assert_eq!(g.value("DOLLARFR", &nums(&["1.125", "16"])), n("1.02"));
        assert_eq!(g.value("DOLLARFR", &nums(&["1.125", "32"])), n("1.04"));
        assert_eq!(
            g.value("DOLLARDE", &nums(&["1.02", "0"])),
            e(ErrorKind::Div0)
        );
        assert_eq!(
            g.value("DOLLARDE", &nums(&["1.02", "-1"])),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("DOLLARFR", &[txt("x"), num("16")]),
            e(ErrorKind::Value)
        );
    }
}
