//! Date and time functions, in Excel's 1900 date system (serial 1 is 1900-01-01, serial 60 the
//! fictional 1900-02-29). Also the day-count helpers the financial functions share (serial
//! coercion, the five `basis` conventions of YEARFRAC and the bond functions).

use std::cmp::Ordering;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::args::{self, EvalContext, Operand};
use super::toolpak::{self, toolpak_functions};
use super::FunctionDef;
use crate::datetime;
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::scalar("DATE", "year, month, day", 3, 3, date),
    FunctionDef::scalar("TIME", "hour, minute, second", 3, 3, time),
    FunctionDef::scalar("YEAR", "serial_number", 1, 1, year),
    FunctionDef::scalar("MONTH", "serial_number", 1, 1, month),
    FunctionDef::scalar("DAY", "serial_number", 1, 1, day),
    FunctionDef::scalar("HOUR", "serial_number", 1, 1, hour),
    FunctionDef::scalar("MINUTE", "serial_number", 1, 1, minute),
    FunctionDef::scalar("SECOND", "serial_number", 1, 1, second),
    FunctionDef::scalar("WEEKDAY", "serial_number, [return_type]", 1, 2, weekday),
    FunctionDef::eager("WEEKNUM", "serial_number, [return_type]", 1, 2, weeknum_atp).elementwise(),
    FunctionDef::scalar("ISOWEEKNUM", "date", 1, 1, isoweeknum),
    FunctionDef::scalar("TODAY", "", 0, 0, today).volatile(),
    FunctionDef::scalar("NOW", "", 0, 0, now).volatile(),
    FunctionDef::eager("EDATE", "start_date, months", 2, 2, edate_atp).elementwise(),
    FunctionDef::eager("EOMONTH", "start_date, months", 2, 2, eomonth_atp).elementwise(),
    FunctionDef::scalar("DAYS", "end_date, start_date", 2, 2, days),
    FunctionDef::scalar("DAYS360", "start_date, end_date, [method]", 2, 3, days360),
    FunctionDef::scalar("DATEDIF", "start_date, end_date, unit", 3, 3, datedif),
    FunctionDef::scalar("DATEVALUE", "date_text", 1, 1, datevalue),
    FunctionDef::scalar("TIMEVALUE", "time_text", 1, 1, timevalue),
    FunctionDef::eager(
        "YEARFRAC",
        "start_date, end_date, [basis]",
        2,
        3,
        yearfrac_atp,
    )
    .elementwise(),
    FunctionDef::eager(
        "NETWORKDAYS",
        "start_date, end_date, [holidays]",
        2,
        3,
        networkdays,
    ),
    FunctionDef::eager(
        "NETWORKDAYS.INTL",
        "start_date, end_date, [weekend], [holidays]",
        2,
        4,
        networkdays_intl,
    ),
    FunctionDef::eager("WORKDAY", "start_date, days, [holidays]", 2, 3, workday),
    FunctionDef::eager(
        "WORKDAY.INTL",
        "start_date, days, [weekend], [holidays]",
        2,
        4,
        workday_intl,
    ),
];

/// The largest serial Excel accepts: 9999-12-31.
pub(super) const MAX_SERIAL: i64 = 2_958_465;

const SECONDS_PER_DAY: i64 = 86_400;

// ---------------------------------------------------------------------------------------------
// Argument coercion shared with the financial functions.
// ---------------------------------------------------------------------------------------------

/// A number as Excel's built-in date functions coerce it: text may be a number or a date
/// (including month names, "15-Jan-2024"), TRUE is 1, empty is 0.
pub(super) fn number_arg(v: &Value) -> Result<Decimal, ErrorKind> {
    v.to_number()
}

/// A whole number, truncated toward zero (at Excel's 15 digits, so 0.1*3*10 is 3).
pub(super) fn whole(n: Decimal) -> Result<i64, ErrorKind> {
    numeric::snap15(n).trunc().to_i64().ok_or(ErrorKind::Num)
}

/// A serial date truncated to whole days: negative or past 9999-12-31 is `#NUM!`.
pub(super) fn serial_from_number(n: Decimal) -> Result<i64, ErrorKind> {
    let day = numeric::snap15(n).floor().to_i64().ok_or(ErrorKind::Num)?;
    if (0..=MAX_SERIAL).contains(&day) {
        Ok(day)
    } else {
        Err(ErrorKind::Num)
    }
}

/// A date argument of a built-in function (booleans allowed).
fn serial_arg(v: &Value) -> Result<i64, ErrorKind> {
    serial_from_number(number_arg(v)?)
}

/// A date argument of an Analysis ToolPak function (booleans are `#VALUE!`).
pub(super) fn atp_serial(v: &Value) -> Result<i64, ErrorKind> {
    serial_from_number(toolpak::number(v)?)
}

toolpak_functions! {
    weeknum_atp => weeknum,
    edate_atp => edate,
    eomonth_atp => eomonth,
    yearfrac_atp => yearfrac,
}

/// A serial within Excel's range as a `Value`, else `#NUM!`.
fn serial_value(serial: Option<i64>) -> Value {
    match serial {
        Some(s) if (0..=MAX_SERIAL).contains(&s) => Value::Number(Decimal::from(s)),
        _ => Value::Error(ErrorKind::Num),
    }
}

fn int_value(n: i64) -> Value {
    Value::Number(Decimal::from(n))
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on Excel serials (Excel's calendar, where 1900 is a leap year).
// ---------------------------------------------------------------------------------------------

/// A calendar date as Excel sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ymd {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

pub(super) fn ymd(serial: i64) -> Result<Ymd, ErrorKind> {
    datetime::ymd_from_serial(serial)
        .map(|(year, month, day)| Ymd { year, month, day })
        .ok_or(ErrorKind::Num)
}

/// The serial of a date; months and days may overflow as in DATE.
pub(super) fn serial(year: i64, month: i64, day: i64) -> Option<i64> {
    datetime::serial_from_ymd(year, month, day)
}

/// Serial of a date that may fall outside Excel's range (for intermediate day counts): the
/// same day numbering extended both ways.
pub(super) fn serial_unbounded(year: i64, month: i64, day: i64) -> i64 {
    let total_months = year * 12 + month - 1;
    let (y, m) = (total_months.div_euclid(12), total_months.rem_euclid(12) + 1);
    let days = datetime::days_from_civil(y, m as u32, 1) + day - 1 + 25_569;
    if days < 61 {
        days - 1
    } else {
        days
    }
}

/// Leap years in Excel's calendar: 1900 counts as one (it has the fictional 1900-02-29).
pub(super) fn is_leap(year: i64) -> bool {
    year == 1900 || datetime::is_leap_year(year)
}

pub(super) fn days_in_month(year: i64, month: u32) -> u32 {
    if month == 2 && is_leap(year) {
        29
    } else {
        datetime::days_in_month(year, month)
    }
}

fn is_last_day_of_month(d: Ymd) -> bool {
    d.day == days_in_month(d.year, d.month)
}

/// The date `months` months after `start`, with the day clamped to the month's length (EDATE,
/// and the coupon schedule of the bond functions).
pub(super) fn add_months(start: Ymd, months: i64, end_of_month: bool) -> i64 {
    let total = start.year * 12 + i64::from(start.month) - 1 + months;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    let dim = days_in_month(y, m);
    let day = if end_of_month {
        dim
    } else {
        start.day.min(dim)
    };
    serial_unbounded(y, i64::from(m), i64::from(day))
}

/// 0 = Sunday ... 6 = Saturday.
fn weekday_index(serial: i64) -> i64 {
    i64::from(datetime::weekday_from_serial(serial))
}

// ---------------------------------------------------------------------------------------------
// DATE, TIME and their parts.
// ---------------------------------------------------------------------------------------------

fn date(args: &[Value], _: &dyn EvalContext) -> Value {
    let parts = (|| {
        let y = whole(number_arg(&args[0])?)?;
        let m = whole(number_arg(&args[1])?)?;
        let d = whole(number_arg(&args[2])?)?;
        Ok::<_, ErrorKind>((y, m, d))
    })();
    let (y, m, d) = match parts {
        Ok(p) => p,
        Err(e) => return Value::Error(e),
    };
    // Years 0-1899 are taken as 1900-3799, as in Excel.
    let y = if (0..1900).contains(&y) { y + 1900 } else { y };
    if !(1900..10000).contains(&y) {
        return Value::Error(ErrorKind::Num);
    }
    serial_value(serial(y, m, d))
}

fn time(args: &[Value], _: &dyn EvalContext) -> Value {
    let total = (|| {
        let h = whole(number_arg(&args[0])?)?;
        let m = whole(number_arg(&args[1])?)?;
        let s = whole(number_arg(&args[2])?)?;
        if h > 32767 || m > 32767 || s > 32767 {
            return Err(ErrorKind::Num);
        }
        Ok(h * 3600 + m * 60 + s)
    })();
    match total {
        Err(e) => Value::Error(e),
        Ok(t) if t < 0 => Value::Error(ErrorKind::Num),
        Ok(t) => Value::Number(Decimal::from(t % SECONDS_PER_DAY) / Decimal::from(SECONDS_PER_DAY)),
    }
}

fn date_part(v: &Value, part: fn(Ymd) -> i64) -> Value {
    match serial_arg(v).and_then(ymd) {
        Ok(d) => int_value(part(d)),
        Err(e) => Value::Error(e),
    }
}

fn year(args: &[Value], _: &dyn EvalContext) -> Value {
    date_part(&args[0], |d| d.year)
}

fn month(args: &[Value], _: &dyn EvalContext) -> Value {
    date_part(&args[0], |d| i64::from(d.month))
}

fn day(args: &[Value], _: &dyn EvalContext) -> Value {
    date_part(&args[0], |d| i64::from(d.day))
}

/// Seconds since midnight of a date-time, rounded to the nearest second as Excel does for
/// HOUR, MINUTE and SECOND (so 0.999999999 is 00:00:00 of the next day).
fn seconds_of_day(v: &Value) -> Result<i64, ErrorKind> {
    let x = number_arg(v)?;
    if x.is_sign_negative() && !x.is_zero() || x >= Decimal::from(MAX_SERIAL + 1) {
        return Err(ErrorKind::Num);
    }
    let seconds = numeric::mul(x.fract(), Decimal::from(SECONDS_PER_DAY))?;
    let seconds = numeric::round_half_away(seconds, 0)?
        .to_i64()
        .ok_or(ErrorKind::Num)?;
    Ok(seconds % SECONDS_PER_DAY)
}

fn time_part(v: &Value, part: fn(i64) -> i64) -> Value {
    match seconds_of_day(v) {
        Ok(s) => int_value(part(s)),
        Err(e) => Value::Error(e),
    }
}

fn hour(args: &[Value], _: &dyn EvalContext) -> Value {
    time_part(&args[0], |s| s / 3600)
}

fn minute(args: &[Value], _: &dyn EvalContext) -> Value {
    time_part(&args[0], |s| s / 60 % 60)
}

fn second(args: &[Value], _: &dyn EvalContext) -> Value {
    time_part(&args[0], |s| s % 60)
}

fn today(_: &[Value], ctx: &dyn EvalContext) -> Value {
    Value::Number(ctx.now_serial().floor())
}

fn now(_: &[Value], ctx: &dyn EvalContext) -> Value {
    Value::Number(ctx.now_serial())
}

// ---------------------------------------------------------------------------------------------
// Weeks.
// ---------------------------------------------------------------------------------------------

/// An optional integer argument: `default` when omitted or empty.
fn optional_whole(args: &[Value], i: usize, default: i64) -> Result<i64, ErrorKind> {
    match args.get(i) {
        None | Some(Value::Empty) => Ok(default),
        Some(v) => whole(number_arg(v)?),
    }
}

fn weekday(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = serial_arg(&args[0])?;
        let return_type = optional_whole(args, 1, 1)?;
        // The weekday (0 = Sunday) that counts as day 1, and the number it gets.
        let (first, base) = match return_type {
            1 => (0, 1),
            2 => (1, 1),
            3 => (1, 0),
            11..=17 => ((return_type - 10) % 7, 1),
            _ => return Err(ErrorKind::Num),
        };
        Ok((weekday_index(s) - first).rem_euclid(7) + base)
    })();
    result.map(int_value).unwrap_or_else(Value::Error)
}

fn weeknum(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = atp_serial(&args[0])?;
        let return_type = match args.get(1) {
            None | Some(Value::Empty) => 1,
            Some(v) => whole(toolpak::number(v)?)?,
        };
        let week_start = match return_type {
            1 | 17 => 0,
            2 | 11 => 1,
            12..=16 => return_type - 10,
            21 => return iso_week(s),
            _ => return Err(ErrorKind::Num),
        };
        let d = ymd(s)?;
        let jan1 = serial_unbounded(d.year, 1, 1);
        let offset = (weekday_index(jan1) - week_start).rem_euclid(7);
        // Serial 0 ("1900-01-00") is day 0 of 1900, so it falls in week 0.
        Ok((s - jan1 + offset).div_euclid(7) + 1)
    })();
    result.map(int_value).unwrap_or_else(Value::Error)
}

/// ISO 8601 week number: weeks start on Monday; week 1 holds the year's first Thursday.
fn iso_week(s: i64) -> Result<i64, ErrorKind> {
    let monday_based = (weekday_index(s) + 6) % 7;
    let thursday = s - monday_based + 3;
    // Serials 0 and 1 belong to the last ISO week of 1899.
    let year = if thursday < 1 {
        1899
    } else {
        ymd(thursday)?.year
    };
    let jan1 = serial_unbounded(year, 1, 1);
    Ok((thursday - jan1).div_euclid(7) + 1)
}

fn isoweeknum(args: &[Value], _: &dyn EvalContext) -> Value {
    serial_arg(&args[0])
        .and_then(iso_week)
        .map(int_value)
        .unwrap_or_else(Value::Error)
}

// ---------------------------------------------------------------------------------------------
// Month arithmetic and day counts.
// ---------------------------------------------------------------------------------------------

fn month_shift(args: &[Value], end_of_month: bool) -> Value {
    let result = (|| {
        let start = ymd(atp_serial(&args[0])?)?;
        let months = whole(toolpak::number(&args[1])?)?;
        if months.abs() > 12 * 10_000 {
            return Err(ErrorKind::Num);
        }
        Ok(add_months(start, months, end_of_month))
    })();
    match result {
        Ok(s) => serial_value(Some(s)),
        Err(e) => Value::Error(e),
    }
}

fn edate(args: &[Value], _: &dyn EvalContext) -> Value {
    month_shift(args, false)
}

fn eomonth(args: &[Value], _: &dyn EvalContext) -> Value {
    month_shift(args, true)
}

fn days(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| Ok(serial_arg(&args[0])? - serial_arg(&args[1])?))();
    result.map(int_value).unwrap_or_else(Value::Error)
}

/// Day count between two dates under the 30/360 conventions.
fn days_30_360(start: Ymd, end: Ymd, d1: u32, d2: u32) -> i64 {
    (end.year - start.year) * 360
        + (i64::from(end.month) - i64::from(start.month)) * 30
        + (i64::from(d2) - i64::from(d1))
}

/// DAYS360's US (NASD) method: a start on the last day of February or the 31st becomes the
/// 30th; an end on the 31st becomes the 30th only when the start is (then) the 30th.
fn days360_us(start: Ymd, end: Ymd) -> i64 {
    let d1 = if start.day == 31 || (start.month == 2 && is_last_day_of_month(start)) {
        30
    } else {
        start.day
    };
    let d2 = if end.day == 31 && d1 == 30 {
        30
    } else {
        end.day
    };
    days_30_360(start, end, d1, d2)
}

/// The European 30/360 method: any 31st becomes the 30th.
fn days360_eu(start: Ymd, end: Ymd) -> i64 {
    days_30_360(start, end, start.day.min(30), end.day.min(30))
}

fn days360(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let start = ymd(serial_arg(&args[0])?)?;
        let end = ymd(serial_arg(&args[1])?)?;
        let european = match args.get(2) {
            None => false,
            Some(v) => v.to_bool()?,
        };
        Ok(if european {
            days360_eu(start, end)
        } else {
            days360_us(start, end)
        })
    })();
    result.map(int_value).unwrap_or_else(Value::Error)
}

/// Whole months from `a` to `b` (a <= b), counting a month only once its day is reached.
fn whole_months(a: Ymd, b: Ymd) -> i64 {
    let months = (b.year - a.year) * 12 + i64::from(b.month) - i64::from(a.month);
    if b.day < a.day {
        months - 1
    } else {
        months
    }
}

fn datedif(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s1 = serial_arg(&args[0])?;
        let s2 = serial_arg(&args[1])?;
        let unit = args[2].to_text()?;
        if s1 > s2 {
            return Err(ErrorKind::Num);
        }
        let (a, b) = (ymd(s1)?, ymd(s2)?);
        let months = whole_months(a, b);
        Ok(match unit.to_ascii_uppercase().as_str() {
            "Y" => months.div_euclid(12),
            "M" => months,
            "D" => s2 - s1,
            "YM" => months.rem_euclid(12),
            "MD" => {
                if b.day >= a.day {
                    i64::from(b.day) - i64::from(a.day)
                } else {
                    // Days from the start day in the month before the end (may be negative,
                    // as Excel's own documentation warns).
                    let prev = add_months(b, -1, false);
                    let prev = ymd(prev.clamp(0, MAX_SERIAL))?;
                    i64::from(days_in_month(prev.year, prev.month)) - i64::from(a.day)
                        + i64::from(b.day)
                }
            }
            "YD" => {
                // Excel moves the end date into the start's year (or the next one).
                let same_year_end = if (b.month, b.day) >= (a.month, a.day) {
                    a.year
                } else {
                    a.year + 1
                };
                let moved = Ymd {
                    year: same_year_end,
                    month: b.month,
                    day: b.day.min(days_in_month(same_year_end, b.month)),
                };
                serial_unbounded(moved.year, i64::from(moved.month), i64::from(moved.day)) - s1
            }
            _ => return Err(ErrorKind::Num),
        })
    })();
    result.map(int_value).unwrap_or_else(Value::Error)
}

// ---------------------------------------------------------------------------------------------
// DATEVALUE, TIMEVALUE and date text.
// ---------------------------------------------------------------------------------------------

/// Date or time text as Excel reads it (numeric and month-name forms, [`datetime`]).
fn parse_date_text(text: &str) -> Option<Decimal> {
    datetime::parse_date_time_text(text)
}

/// Text that holds a date (and maybe a time): its date-time serial. Numbers are `#VALUE!`:
/// DATEVALUE and TIMEVALUE take text only.
fn date_time_text(v: &Value) -> Result<Decimal, ErrorKind> {
    match v {
        Value::Text(s) => parse_date_text(s).ok_or(ErrorKind::Value),
        Value::Error(e) => Err(*e),
        _ => Err(ErrorKind::Value),
    }
}

fn datevalue(args: &[Value], _: &dyn EvalContext) -> Value {
    let text_has_date = |v: &Value| match v {
        Value::Text(s) => datetime::parse_date_time_parts(s).is_some_and(|p| p.date.is_some()),
        _ => true,
    };
    match date_time_text(&args[0]) {
        Ok(_) if !text_has_date(&args[0]) => Value::Error(ErrorKind::Value),
        Ok(x) => serial_value(x.floor().to_i64()),
        Err(e) => Value::Error(e),
    }
}

fn timevalue(args: &[Value], _: &dyn EvalContext) -> Value {
    match date_time_text(&args[0]) {
        Ok(x) => Value::Number(x.fract()),
        Err(e) => Value::Error(e),
    }
}

// ---------------------------------------------------------------------------------------------
// YEARFRAC and the day-count bases.
// ---------------------------------------------------------------------------------------------

/// The day-count conventions of YEARFRAC and the bond functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Basis {
    /// 0: US (NASD) 30/360.
    Us30360,
    /// 1: actual/actual.
    Actual,
    /// 2: actual/360.
    Actual360,
    /// 3: actual/365.
    Actual365,
    /// 4: European 30/360.
    Eu30360,
}

impl Basis {
    /// A basis argument: truncated; anything but 0-4 is `#NUM!`. Booleans are `#VALUE!`.
    pub(super) fn from_value(v: Option<&Value>) -> Result<Basis, ErrorKind> {
        let code = match v {
            None | Some(Value::Empty) => 0,
            Some(v) => whole(toolpak::number(v)?)?,
        };
        match code {
            0 => Ok(Basis::Us30360),
            1 => Ok(Basis::Actual),
            2 => Ok(Basis::Actual360),
            3 => Ok(Basis::Actual365),
            4 => Ok(Basis::Eu30360),
            _ => Err(ErrorKind::Num),
        }
    }

    /// Days from `start` to `end` under the basis (the bond functions' day count): 30/360 for
    /// bases 0 and 4, actual days otherwise.
    pub(super) fn days(self, start: i64, end: i64) -> Result<i64, ErrorKind> {
        Ok(match self {
            Basis::Us30360 => {
                let (a, b) = (ymd(start)?, ymd(end)?);
                days360_us(a, b)
            }
            Basis::Eu30360 => days360_eu(ymd(start)?, ymd(end)?),
            _ => end - start,
        })
    }
}

fn is_last_of_february(d: Ymd) -> bool {
    d.month == 2 && is_last_day_of_month(d)
}

/// YEARFRAC's US 30/360 day count, which differs from DAYS360's in its February rules.
fn yearfrac_us_days(a: Ymd, b: Ymd) -> i64 {
    let (mut d1, mut d2) = (a.day, b.day);
    if d1 == 31 && d2 == 31 {
        d1 = 30;
        d2 = 30;
    } else if d1 == 31 {
        d1 = 30;
    } else if d1 == 30 && d2 == 31 {
        d2 = 30;
    } else if is_last_of_february(a) && is_last_of_february(b) {
        d1 = 30;
        d2 = 30;
    } else if is_last_of_february(a) {
        d1 = 30;
    }
    days_30_360(a, b, d1, d2)
}

/// Does a February 29th fall between the two dates (inclusive)? The real calendar's: for
/// YEARFRAC, 1900 is not a leap year.
fn spans_leap_day(s1: i64, s2: i64, a: Ymd, b: Ymd) -> bool {
    [a.year, b.year].into_iter().any(|y| {
        if !datetime::is_leap_year(y) {
            return false;
        }
        let leap_day = serial_unbounded(y, 2, 29);
        s1 <= leap_day && leap_day <= s2
    })
}

/// YEARFRAC's actual/actual: within one year, the days over 365 or 366 (when a February 29th
/// lies in the span); over longer spans, the days over the average length of the years touched
/// (real years: Excel's fictional 1900-02-29 does not count here).
fn yearfrac_actual(s1: i64, s2: i64, a: Ymd, b: Ymd) -> Result<Decimal, ErrorKind> {
    let days = Decimal::from(s2 - s1);
    let within_a_year =
        a.year == b.year || (b.year == a.year + 1 && (a.month, a.day) >= (b.month, b.day));
    if within_a_year {
        let leap_year = a.year == b.year && datetime::is_leap_year(a.year);
        let year_len = if leap_year || spans_leap_day(s1, s2, a, b) {
            366
        } else {
            365
        };
        return numeric::div(days, Decimal::from(year_len));
    }
    let years = b.year - a.year + 1;
    let total =
        datetime::days_from_civil(b.year + 1, 1, 1) - datetime::days_from_civil(a.year, 1, 1);
    numeric::div(
        numeric::mul(days, Decimal::from(years))?,
        Decimal::from(total),
    )
}

pub(super) fn year_fraction(s1: i64, s2: i64, basis: Basis) -> Result<Decimal, ErrorKind> {
    let (s1, s2) = if s1 <= s2 { (s1, s2) } else { (s2, s1) };
    let (a, b) = (ymd(s1)?, ymd(s2)?);
    let (days, year) = match basis {
        Basis::Us30360 => (yearfrac_us_days(a, b), 360),
        Basis::Actual => return yearfrac_actual(s1, s2, a, b),
        Basis::Actual360 => (s2 - s1, 360),
        Basis::Actual365 => (s2 - s1, 365),
        Basis::Eu30360 => (days360_eu(a, b), 360),
    };
    numeric::div(Decimal::from(days), Decimal::from(year))
}

fn yearfrac(args: &[Value], _: &dyn EvalContext) -> Value {
    // Excel validates the basis before the dates.
    let result = (|| {
        let basis = Basis::from_value(args.get(2))?;
        let s1 = atp_serial(&args[0])?;
        let s2 = atp_serial(&args[1])?;
        year_fraction(s1, s2, basis)
    })();
    result.into()
}

// ---------------------------------------------------------------------------------------------
// Working days.
// ---------------------------------------------------------------------------------------------

/// Which weekdays are weekend days, indexed 0 = Sunday ... 6 = Saturday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Weekend([bool; 7]);

impl Weekend {
    const SATURDAY_SUNDAY: Weekend = Weekend([true, false, false, false, false, false, true]);

    /// WORKDAY.INTL's weekend argument: a code 1-7 (two-day weekends), 11-17 (one day), or
    /// seven 0/1 characters from Monday to Sunday.
    fn from_value(v: &Value) -> Result<Weekend, ErrorKind> {
        if let Value::Text(s) = v {
            return Weekend::from_mask(s);
        }
        let code = whole(toolpak::number(v)?)?;
        let mut days = [false; 7];
        match code {
            // 1: Saturday+Sunday, 2: Sunday+Monday, ..., 7: Friday+Saturday.
            1..=7 => {
                days[((code + 5) % 7) as usize] = true;
                days[((code + 6) % 7) as usize] = true;
            }
            // 11: Sunday only, 12: Monday only, ..., 17: Saturday only.
            11..=17 => days[((code - 11) % 7) as usize] = true,
            _ => return Err(ErrorKind::Num),
        }
        Ok(Weekend(days))
    }

    fn from_mask(mask: &str) -> Result<Weekend, ErrorKind> {
        let bytes = mask.as_bytes();
        if bytes.len() != 7 || !bytes.iter().all(|b| *b == b'0' || *b == b'1') {
            return Err(ErrorKind::Value);
        }
        let mut days = [false; 7];
        for (i, b) in bytes.iter().enumerate() {
            // The mask starts on Monday (index 1).
            days[(i + 1) % 7] = *b == b'1';
        }
        Ok(Weekend(days))
    }

    fn optional(args: &[Operand], i: usize, ctx: &dyn EvalContext) -> Result<Weekend, ErrorKind> {
        match args.get(i).map(|op| args::scalar(op, ctx)) {
            None | Some(Value::Empty) => Ok(Weekend::SATURDAY_SUNDAY),
            Some(v) => Weekend::from_value(&v),
        }
    }

    fn is_workday(&self, serial: i64) -> bool {
        !self.0[weekday_index(serial) as usize]
    }

    fn workdays_per_week(&self) -> i64 {
        self.0.iter().filter(|w| !**w).count() as i64
    }

    /// Working days in `from..=to` (from <= to), ignoring holidays.
    fn count(&self, from: i64, to: i64) -> i64 {
        let span = to - from + 1;
        let mut n = span / 7 * self.workdays_per_week();
        for s in from + span / 7 * 7..=to {
            if self.is_workday(s) {
                n += 1;
            }
        }
        n
    }
}

/// The holidays argument: the whole days it lists, sorted and without duplicates. Empty cells
/// are skipped; text that is not a date is `#VALUE!`; errors propagate.
fn holidays(args: &[Operand], i: usize, ctx: &dyn EvalContext) -> Result<Vec<i64>, ErrorKind> {
    let mut days = Vec::new();
    let Some(op) = args.get(i) else {
        return Ok(days);
    };
    let mut err = None;
    args::for_each_value(op, ctx, &mut |v| {
        if err.is_some() || v.is_empty() {
            return;
        }
        match atp_serial(v) {
            Ok(d) => days.push(d),
            Err(e) => err = Some(e),
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    days.sort_unstable();
    days.dedup();
    Ok(days)
}

fn network_days(
    args: &[Operand],
    ctx: &dyn EvalContext,
    weekend: Option<usize>,
    holidays_at: usize,
) -> Result<i64, ErrorKind> {
    let start = atp_serial(&args::scalar(&args[0], ctx))?;
    let end = atp_serial(&args::scalar(&args[1], ctx))?;
    let weekend = match weekend {
        Some(i) => Weekend::optional(args, i, ctx)?,
        None => Weekend::SATURDAY_SUNDAY,
    };
    let holidays = holidays(args, holidays_at, ctx)?;
    let (from, to, sign) = match start.cmp(&end) {
        Ordering::Greater => (end, start, -1),
        _ => (start, end, 1),
    };
    let off = holidays
        .iter()
        .filter(|h| (from..=to).contains(*h) && weekend.is_workday(**h))
        .count() as i64;
    Ok(sign * (weekend.count(from, to) - off))
}

fn networkdays(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    network_days(args, ctx, None, 2).map(Decimal::from).into()
}

fn networkdays_intl(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    network_days(args, ctx, Some(2), 3)
        .map(Decimal::from)
        .into()
}

/// The date `days` working days from `start` (WORKDAY). Whole weeks are skipped at once and
/// the holidays they covered made up afterwards, so huge day counts cost little.
fn add_workdays(
    start: i64,
    days: i64,
    weekend: Weekend,
    holidays: &[i64],
) -> Result<i64, ErrorKind> {
    let per_week = weekend.workdays_per_week();
    if per_week == 0 {
        return Err(ErrorKind::Value);
    }
    if days.abs() > MAX_SERIAL {
        return Err(ErrorKind::Num);
    }
    let step = days.signum();
    let mut remaining = days.abs();
    let mut pos = start;
    let is_holiday = |d: i64| holidays.binary_search(&d).is_ok();
    while remaining > 0 {
        let weeks = remaining / per_week - 1;
        if weeks >= 1 {
            let next = pos + step * weeks * 7;
            let (lo, hi) = if step > 0 {
                (pos + 1, next)
            } else {
                (next, pos - 1)
            };
            let skipped_holidays = holidays
                .iter()
                .filter(|h| (lo..=hi).contains(*h) && weekend.is_workday(**h))
                .count() as i64;
            remaining -= weeks * per_week - skipped_holidays;
            pos = next;
        } else {
            pos += step;
            if weekend.is_workday(pos) && !is_holiday(pos) {
                remaining -= 1;
            }
        }
        if !(0..=MAX_SERIAL).contains(&pos) {
            return Err(ErrorKind::Num);
        }
    }
    Ok(pos)
}

fn work_day(
    args: &[Operand],
    ctx: &dyn EvalContext,
    weekend: Option<usize>,
    holidays_at: usize,
) -> Result<i64, ErrorKind> {
    let start = atp_serial(&args::scalar(&args[0], ctx))?;
    let days = whole(toolpak::number(&args::scalar(&args[1], ctx))?)?;
    let weekend = match weekend {
        Some(i) => Weekend::optional(args, i, ctx)?,
        None => Weekend::SATURDAY_SUNDAY,
    };
    let holidays = holidays(args, holidays_at, ctx)?;
    add_workdays(start, days, weekend, &holidays)
}

fn workday(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    work_day(args, ctx, None, 2).map(Decimal::from).into()
}

fn workday_intl(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    work_day(args, ctx, Some(2), 3).map(Decimal::from).into()
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    fn close(got: Value, want: f64) {
        match got {
            Value::Number(n) => {
                let x = crate::numeric::to_f64(n);
                assert!(
                    (x - want).abs() <= 1e-9 * want.abs().max(1.0),
                    "got {x}, want {want}"
                );
            }
            other => panic!("got {other:?}, want {want}"),
        }
    }

    fn e(kind: ErrorKind) -> Value {
        Value::Error(kind)
    }

    // Expected values below come from Excel (the corpus workbooks' cached values) or from
    // Microsoft's documentation examples.

    #[test]
    fn date_builds_serials_like_excel() {
        let g = TestGrid::new();
        let cases: &[(&[super::super::args::Operand], Value)] = &[
            (&[num("1987"), num("8"), num("1")], n("31990")),
            (&[num("1987"), num("8"), num("0.7")], n("31989")),
            (&[num("0.9"), num("0.9"), num("0.9")], e(ErrorKind::Num)),
            (&[num("0"), num("1"), num("0")], n("0")),
            (&[num("1"), num("0"), num("0")], n("335")),
            (&[num("1987"), num("8"), empty()], n("31989")),
            (&[num("8"), num("1"), txt("-1")], n("2921")),
            (&[num("1"), num("0.7"), boolean(true)], n("336")),
            (&[num("10000"), num("1"), num("1")], e(ErrorKind::Num)),
            (&[txt("x"), num("1"), num("1")], e(ErrorKind::Value)),
            (
                &[boolean(true), err(ErrorKind::Null), err(ErrorKind::Value)],
                e(ErrorKind::Null),
            ),
            (&[num("2024"), num("1"), num("10")], n("45301")),
        ];
        for (args, want) in cases {
            assert_eq!(&g.value("DATE", args), want, "DATE{args:?}");
        }
    }

    #[test]
    fn time_wraps_days_and_truncates() {
        let g = TestGrid::new();
        close(
            g.value("TIME", &[num("14"), num("30"), num("0")]),
            0.6041666666666666,
        );
        close(
            g.value("TIME", &[num("32767"), num("32767"), num("32767")]),
            0.425775462962963,
        );
        close(
            g.value("TIME", &[num("-1"), num("67"), txt("60")]),
            0.005555555555555556,
        );
        close(
            g.value("TIME", &[num("13"), num("-20"), num("-30")]),
            0.5274305555555555,
        );
        close(
            g.value("TIME", &[num("23"), num("59"), num("59.999999")]),
            0.999988425925926,
        );
        close(
            g.value("TIME", &[boolean(true), boolean(false), boolean(true)]),
            0.04167824074074074,
        );
        close(g.value("TIME", &[empty(), empty(), empty()]), 0.0);
        assert_eq!(
            g.value("TIME", &[num("-1"), num("1"), num("1")]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("TIME", &[txt("a"), txt("b"), txt("c")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("TIME", &[num("1"), err(ErrorKind::Div0), num("3")]),
            e(ErrorKind::Div0)
        );
    }

    #[test]
    fn date_and_time_parts() {
        let g = TestGrid::new();
        let cases = [
            ("YEAR", num("1987"), n("1905")),
            ("MONTH", num("1987"), n("6")),
            ("DAY", num("1987"), n("9")),
            ("YEAR", txt("600"), n("1901")),
            ("MONTH", txt("600"), n("8")),
            ("DAY", txt("600"), n("22")),
            ("DAY", num("0.7"), n("0")),
            ("MONTH", empty(), n("1")),
            ("YEAR", boolean(true), n("1900")),
            ("DAY", num("-1"), e(ErrorKind::Num)),
            ("DAY", num("2958466"), e(ErrorKind::Num)),
            ("YEAR", txt("2024-01-31"), n("2024")),
            ("DAY", txt("nope"), e(ErrorKind::Value)),
            ("MONTH", err(ErrorKind::NA), e(ErrorKind::NA)),
            ("HOUR", num("0.44"), n("10")),
            ("MINUTE", num("0.44"), n("33")),
            ("SECOND", num("0.44"), n("36")),
            ("HOUR", num("1.4"), n("9")),
            ("MINUTE", num("1.4"), n("36")),
            ("SECOND", num("0.33"), n("12")),
            ("HOUR", num("0.999988425925926"), n("23")),
            ("SECOND", num("0.999988425925926"), n("59")),
            ("HOUR", txt("3"), n("0")),
            ("MINUTE", empty(), n("0")),
            ("HOUR", num("-1"), e(ErrorKind::Num)),
            ("SECOND", err(ErrorKind::Ref), e(ErrorKind::Ref)),
        ];
        for (name, arg, want) in cases {
            assert_eq!(
                g.value(name, std::slice::from_ref(&arg)),
                want,
                "{name}({arg:?})"
            );
        }
    }

    #[test]
    fn weekdays_and_week_numbers() {
        let g = TestGrid::new();
        let cases = [
            ("WEEKDAY", vec![num("1987")], n("6")),
            ("WEEKDAY", vec![num("0")], n("7")),
            ("WEEKDAY", vec![empty()], n("7")),
            ("WEEKDAY", vec![txt("1/1/1987 05:00 AM")], n("5")),
            ("WEEKDAY", vec![boolean(true)], n("1")),
            ("WEEKDAY", vec![num("45322"), num("2")], n("3")),
            ("WEEKDAY", vec![num("45322"), num("3")], n("2")),
            ("WEEKDAY", vec![num("45322"), num("16")], n("5")),
            ("WEEKDAY", vec![num("45322"), num("4")], e(ErrorKind::Num)),
            ("WEEKDAY", vec![err(ErrorKind::Name)], e(ErrorKind::Name)),
            ("WEEKNUM", vec![num("1987"), num("2")], n("24")),
            ("WEEKNUM", vec![num("8"), num("1")], n("2")),
            ("WEEKNUM", vec![num("1"), num("1")], n("1")),
            ("WEEKNUM", vec![num("0"), num("1")], n("0")),
            ("WEEKNUM", vec![empty(), num("1")], n("0")),
            ("WEEKNUM", vec![txt("1/1/1987 05:00 AM"), num("1")], n("1")),
            (
                "WEEKNUM",
                vec![boolean(true), num("1")],
                e(ErrorKind::Value),
            ),
            ("WEEKNUM", vec![num("45322"), num("5")], e(ErrorKind::Num)),
            ("ISOWEEKNUM", vec![num("0")], n("52")),
            ("ISOWEEKNUM", vec![num("1")], n("52")),
            ("ISOWEEKNUM", vec![num("45292")], n("1")),
            ("ISOWEEKNUM", vec![num("44199")], n("53")),
            ("ISOWEEKNUM", vec![num("-1")], e(ErrorKind::Num)),
        ];
        for (name, args, want) in cases {
            assert_eq!(g.value(name, &args), want, "{name}({args:?})");
        }
        // Analysis ToolPak functions reject multi-cell references.
        let mut g = TestGrid::new();
        g.set("A1", n("1987")).set("B1", n("8"));
        assert_eq!(g.value("WEEKNUM", &[g.area("A1:B1")]), e(ErrorKind::Value));
        assert_eq!(g.value("WEEKNUM", &[g.area("A1"), num("2")]), n("24"));
    }

    #[test]
    fn month_arithmetic() {
        let g = TestGrid::new();
        let cases = [
            ("EDATE", [num("1987"), num("8")], n("2232")),
            ("EDATE", [num("8"), txt("2")], n("68")),
            ("EDATE", [num("1"), txt(".55")], n("1")),
            ("EDATE", [boolean(true), num("0")], e(ErrorKind::Value)),
            ("EDATE", [num("0"), empty()], n("0")),
            ("EDATE", [txt("1/1/1987 02:00 AM"), empty()], n("31778")),
            ("EDATE", [num("0.7"), txt("1/1/1987 02:00 AM")], n("967223")),
            ("EDATE", [num("45322"), num("1")], n("45351")),
            ("EDATE", [num("1"), num("-1")], e(ErrorKind::Num)),
            (
                "EDATE",
                [err(ErrorKind::NA), err(ErrorKind::Div0)],
                e(ErrorKind::NA),
            ),
            ("EOMONTH", [num("1987"), num("8")], n("2251")),
            ("EOMONTH", [num("8"), txt("2")], n("91")),
            ("EOMONTH", [num("1"), txt(".55")], n("31")),
            ("EOMONTH", [num("0"), empty()], n("31")),
            ("EOMONTH", [num("42062"), num("1")], n("42094")),
            (
                "EOMONTH",
                [txt("1/1/1987 02:00 AM"), boolean(true)],
                e(ErrorKind::Value),
            ),
        ];
        for (name, args, want) in cases {
            assert_eq!(g.value(name, &args), want, "{name}({args:?})");
        }
        let mut g = TestGrid::new();
        g.set("A1", n("1987")).set("A2", n("8"));
        assert_eq!(
            g.value("EDATE", &[num("1"), g.area("A1:A2")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn day_counts() {
        let g = TestGrid::new();
        assert_eq!(
            g.value("DAYS", &[txt("3/15/2021"), txt("2/1/2021")]),
            n("42")
        );
        assert_eq!(g.value("DAYS", &[num("45322"), empty()]), n("45322"));
        assert_eq!(g.value("DAYS", &[txt("x"), num("1")]), e(ErrorKind::Value));
        // 2011-01-01 to 2011-12-31 (Microsoft's example), and the February end rules.
        assert_eq!(g.value("DAYS360", &[num("40544"), num("40908")]), n("360"));
        assert_eq!(g.value("DAYS360", &[num("40602"), num("40633")]), n("30"));
        assert_eq!(
            g.value("DAYS360", &[num("40602"), num("40633"), boolean(true)]),
            n("32")
        );
        assert_eq!(
            g.value("DAYS360", &[num("-1"), num("1")]),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn datedif_units() {
        let g = TestGrid::new();
        // Microsoft's examples: 2001-06-01 to 2002-08-15.
        let (start, end) = (num("37043"), num("37483"));
        for (unit, want) in [
            ("D", "440"),
            ("YD", "75"),
            ("MD", "14"),
            ("Y", "1"),
            ("M", "14"),
        ] {
            assert_eq!(
                g.value("DATEDIF", &[start.clone(), end.clone(), txt(unit)]),
                n(want),
                "{unit}"
            );
        }
        assert_eq!(
            g.value("DATEDIF", &[num("8"), num("1987"), txt("YD")]),
            n("153")
        );
        assert_eq!(g.value("DATEDIF", &[num("1"), num("8"), txt("Y")]), n("0"));
        assert_eq!(
            g.value("DATEDIF", &[num("0.7"), num("1"), txt("D")]),
            n("1")
        );
        assert_eq!(g.value("DATEDIF", &[empty(), num("0"), txt("ym")]), n("0"));
        assert_eq!(
            g.value("DATEDIF", &[empty(), num("0"), txt("a")]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("DATEDIF", &[num("9"), num("8"), txt("D")]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value(
                "DATEDIF",
                &[err(ErrorKind::Div0), err(ErrorKind::NA), txt("D")]
            ),
            e(ErrorKind::Div0)
        );
    }

    #[test]
    fn datevalue_and_timevalue_take_text() {
        let g = TestGrid::new();
        assert_eq!(
            g.value("DATEVALUE", &[txt("1/1/1987 02:00 AM")]),
            n("31778")
        );
        assert_eq!(g.value("DATEVALUE", &[txt("8/22/2011")]), n("40777"));
        assert_eq!(g.value("DATEVALUE", &[txt("22-MAY-2011")]), n("40685"));
        assert_eq!(g.value("DATEVALUE", &[txt("May 22, 2011")]), n("40685"));
        assert_eq!(g.value("DATEVALUE", &[num("1987")]), e(ErrorKind::Value));
        assert_eq!(g.value("DATEVALUE", &[empty()]), e(ErrorKind::Value));
        assert_eq!(g.value("DATEVALUE", &[boolean(true)]), e(ErrorKind::Value));
        assert_eq!(
            g.value("DATEVALUE", &[txt("nonsense")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("DATEVALUE", &[err(ErrorKind::NA)]),
            e(ErrorKind::NA)
        );
        close(
            g.value("TIMEVALUE", &[txt("1/1/1987 05:00 AM")]),
            0.20833333333212067,
        );
        close(g.value("TIMEVALUE", &[txt("2:24 AM")]), 0.1);
        close(
            g.value("TIMEVALUE", &[txt("22-Aug-2011 6:35 AM")]),
            0.2743055555555556,
        );
        assert_eq!(g.value("TIMEVALUE", &[num("0.7")]), e(ErrorKind::Value));
        assert_eq!(
            g.value("TIMEVALUE", &[err(ErrorKind::Num)]),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn today_and_now_read_the_clock() {
        let mut g = TestGrid::new();
        g.now = "45322.75".parse().unwrap_or_default();
        assert_eq!(g.value("TODAY", &[]), n("45322"));
        assert_eq!(g.value("NOW", &[]), n("45322.75"));
    }

    #[test]
    fn yearfrac_all_bases() {
        let g = TestGrid::new();
        // pycel's yearfrac workbook (Excel's values): 2001-01-31 to 2001-03-31.
        let expected = [
            0.16666666666666666,
            0.16164383561643836,
            0.1638888888888889,
            0.16164383561643836,
            0.16666666666666666,
        ];
        for (basis, want) in expected.iter().enumerate() {
            close(
                g.value(
                    "YEARFRAC",
                    &[num("36922"), num("36981"), num(&basis.to_string())],
                ),
                *want,
            );
        }
        close(
            g.value("YEARFRAC", &[num("1987"), num("345"), num("1")]),
            4.496576905522592,
        );
        close(
            g.value("YEARFRAC", &[num("1"), num("345"), num("2.9")]),
            0.9555555555555556,
        );
        close(
            g.value("YEARFRAC", &[num("2.9"), num("345"), txt("3")]),
            0.9397260273972603,
        );
        close(
            g.value("YEARFRAC", &[num("4"), num("345"), empty()]),
            0.9333333333333333,
        );
        close(
            g.value(
                "YEARFRAC",
                &[txt("1/1/1987 05:00 AM"), num("345"), num("4")],
            ),
            86.05833333333334,
        );
        let errors = [
            ([num("3"), num("345"), boolean(true)], ErrorKind::Value),
            ([boolean(true), num("345"), num("1")], ErrorKind::Value),
            ([empty(), num("345"), num("31778.2")], ErrorKind::Num),
            ([num("1"), num("200"), num("-1")], ErrorKind::Num),
            // The basis is checked before the dates.
            (
                [err(ErrorKind::Div0), num("200"), num("-1")],
                ErrorKind::Num,
            ),
            (
                [err(ErrorKind::Value), num("345"), err(ErrorKind::NA)],
                ErrorKind::NA,
            ),
            ([num("-1"), num("200"), num("0")], ErrorKind::Num),
        ];
        for (args, want) in errors {
            assert_eq!(g.value("YEARFRAC", &args), e(want), "{args:?}");
        }
    }

    #[test]
    fn networkdays_and_workday() {
        let mut g = TestGrid::new();
        g.set("A1", n("41714"))
            .set("A2", n("41733"))
            .set("A3", n("41718"))
            .set("A4", n("41640"));
        let holidays = g.area("A1:A5");
        let v = |name: &str, args: &[super::super::args::Operand]| g.value(name, args);
        // Microsoft's examples: 2012-10-01 to 2013-03-01 with three holidays.
        assert_eq!(v("NETWORKDAYS", &[num("41183"), num("41334")]), n("110"));
        assert_eq!(
            v("NETWORKDAYS", &[num("41183"), num("41334"), num("41235")]),
            n("109")
        );
        assert_eq!(v("NETWORKDAYS", &[num("41334"), num("41183")]), n("-110"));
        assert_eq!(
            v(
                "NETWORKDAYS.INTL",
                &[num("39448"), num("39751"), num("1"), num("39508")]
            ),
            n("218")
        );
        assert_eq!(
            v(
                "NETWORKDAYS.INTL",
                &[num("41709"), num("41733"), txt("1001000")]
            ),
            n("18")
        );
        assert_eq!(
            v("NETWORKDAYS.INTL", &[num("41709"), num("41733")]),
            n("19")
        );
        assert_eq!(
            v(
                "NETWORKDAYS.INTL",
                &[num("41709"), num("41733"), num("2"), holidays.clone()]
            ),
            n("17")
        );
        assert_eq!(
            v(
                "NETWORKDAYS.INTL",
                &[num("41709"), num("41733"), txt("1111111")]
            ),
            n("0")
        );
        assert_eq!(
            v("NETWORKDAYS.INTL", &[num("41709"), num("41733"), txt("11")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            v("NETWORKDAYS.INTL", &[num("41709"), num("41733"), num("8")]),
            e(ErrorKind::Num)
        );
        // 2008-10-01 plus 151 working days, without and with holidays.
        assert_eq!(v("WORKDAY", &[num("39722"), num("151")]), n("39933"));
        let mut h = TestGrid::new();
        h.set("A1", n("39778"))
            .set("A2", n("39786"))
            .set("A3", n("39834"));
        assert_eq!(
            h.value("WORKDAY", &[num("39722"), num("151"), h.area("A1:A3")]),
            n("39938")
        );
        assert_eq!(
            v(
                "WORKDAY.INTL",
                &[num("39448"), num("39751"), num("1"), num("39508")]
            ),
            n("95099")
        );
        assert_eq!(v("WORKDAY.INTL", &[num("41709"), num("24")]), n("41743"));
        assert_eq!(
            v(
                "WORKDAY.INTL",
                &[num("41709"), num("24"), empty(), holidays.clone()]
            ),
            n("41745")
        );
        assert_eq!(
            v(
                "WORKDAY.INTL",
                &[num("41709"), num("24"), num("13"), holidays.clone()]
            ),
            n("41740")
        );
        assert_eq!(
            v(
                "WORKDAY.INTL",
                &[num("41709"), num("24"), txt("0101010"), holidays.clone()]
            ),
            n("41754")
        );
        assert_eq!(v("WORKDAY", &[num("45322"), num("0")]), n("45322"));
        assert_eq!(v("WORKDAY", &[num("45322"), num("-3")]), n("45317"));
        assert_eq!(v("WORKDAY", &[num("2958465"), num("5")]), e(ErrorKind::Num));
        assert_eq!(
            v("WORKDAY", &[num("45322"), num("1e15")]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            v("WORKDAY.INTL", &[num("45322"), num("5"), txt("1111111")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            v("WORKDAY", &[num("45322"), num("5"), txt("holiday")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            v("WORKDAY", &[err(ErrorKind::NA), num("5")]),
            e(ErrorKind::NA)
        );
    }
}
