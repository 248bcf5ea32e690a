//! Numbers: exact decimals that must agree with Excel's doubles.
//!
//! The rule (also in ARCHITECTURE.md):
//! - Arithmetic is exact `Decimal` arithmetic, always through `checked_*`: a result outside
//!   Decimal's range (about ±7.9e28) is `#NUM!`, division by zero `#DIV/0!`, never a panic.
//! - Where Excel's doubles and exact decimals part ways at the last digits (1/3*3 is
//!   0.9999999999999999999999999999 in Decimal but exactly 1 in Excel), discrete operations
//!   look at the value rounded to Excel's 15 significant digits: comparisons, INT, TRUNC,
//!   FLOOR/CEILING, MOD, ROUNDDOWN/ROUNDUP and text conversion. So `INT(1/3*3)` is 1 and
//!   `1/3*3=1` is TRUE, as in Excel.
//! - Functions with no exact decimal form (SQRT, EXP, LN, trigonometry, statistics) compute in
//!   f64, as Excel does, and convert back with [`from_f64`].

use std::cmp::Ordering;

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::value::ErrorKind;

/// Excel shows and compares numbers at 15 significant digits.
pub const EXCEL_DIGITS: u32 = 15;

const TEN_POW_15: i128 = 1_000_000_000_000_000;

pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, ErrorKind> {
    a.checked_add(b).ok_or(ErrorKind::Num)
}

pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, ErrorKind> {
    a.checked_sub(b).ok_or(ErrorKind::Num)
}

pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, ErrorKind> {
    a.checked_mul(b).ok_or(ErrorKind::Num)
}

pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, ErrorKind> {
    if b.is_zero() {
        return Err(ErrorKind::Div0);
    }
    a.checked_div(b).ok_or(ErrorKind::Num)
}

/// `a ^ b` as Excel computes it: `0^0` is `#NUM!`, `0^-1` is `#DIV/0!`, a negative base with a
/// fractional exponent is `#NUM!`. Integer exponents are exact; others go through f64.
pub fn power(a: Decimal, b: Decimal) -> Result<Decimal, ErrorKind> {
    if a.is_zero() {
        return match b.cmp(&Decimal::ZERO) {
            Ordering::Equal => Err(ErrorKind::Num),
            Ordering::Less => Err(ErrorKind::Div0),
            Ordering::Greater => Ok(Decimal::ZERO),
        };
    }
    if b.fract().is_zero() {
        if let Some(exp) = b.to_i64() {
            if exp.unsigned_abs() <= 64 {
                return integer_power(a, exp);
            }
        }
    }
    if a.is_sign_negative() && !b.fract().is_zero() {
        // Excel allows odd roots of negatives (e.g. -8^(1/3)); f64 powf does not.
        let inv = 1.0 / to_f64(b);
        if (inv.round() - inv).abs() < 1e-9 && (inv.round() as i64) % 2 != 0 {
            return from_f64(-(-to_f64(a)).powf(to_f64(b)));
        }
        return Err(ErrorKind::Num);
    }
    from_f64(to_f64(a).powf(to_f64(b)))
}

fn integer_power(base: Decimal, exp: i64) -> Result<Decimal, ErrorKind> {
    let mut result = Decimal::ONE;
    let mut factor = base;
    let mut n = exp.unsigned_abs();
    while n > 0 {
        if n & 1 == 1 {
            result = mul(result, factor)?;
        }
        n >>= 1;
        if n > 0 {
            factor = mul(factor, factor)?;
        }
    }
    if exp < 0 {
        div(Decimal::ONE, result)
    } else {
        Ok(result)
    }
}

pub fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// An f64 result back to Decimal: NaN and infinities are `#NUM!`, as are magnitudes outside
/// Decimal's range; magnitudes below 1e-28 become 0.
pub fn from_f64(x: f64) -> Result<Decimal, ErrorKind> {
    if !x.is_finite() {
        return Err(ErrorKind::Num);
    }
    if x.abs() < 1e-28 {
        return Ok(Decimal::ZERO);
    }
    // Decimal::from_f64 drops the binary noise beyond the double's precision (0.1 -> 0.1).
    Decimal::from_f64(x)
        .map(|d| d.normalize())
        .ok_or(ErrorKind::Num)
}

/// The number rounded to Excel's 15 significant digits.
pub fn snap15(d: Decimal) -> Decimal {
    if d.mantissa().abs() < TEN_POW_15 {
        return d;
    }
    d.round_sf_with_strategy(EXCEL_DIGITS, RoundingStrategy::MidpointAwayFromZero)
        .unwrap_or(d)
}

/// Compares two numbers as Excel does, at 15 significant digits.
pub fn compare_15(a: Decimal, b: Decimal) -> Ordering {
    if a.mantissa().abs() < TEN_POW_15 && b.mantissa().abs() < TEN_POW_15 {
        return a.cmp(&b);
    }
    snap15(a).cmp(&snap15(b))
}

/// Rounds half away from zero to `digits` places; negative `digits` round to tens, hundreds...
pub fn round_half_away(d: Decimal, digits: i64) -> Result<Decimal, ErrorKind> {
    round_with(d, digits, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds with any strategy to `digits` places (negative digits allowed).
pub fn round_with(
    d: Decimal,
    digits: i64,
    strategy: RoundingStrategy,
) -> Result<Decimal, ErrorKind> {
    if digits >= 0 {
        let dp = digits.min(28) as u32;
        return Ok(d.round_dp_with_strategy(dp, strategy));
    }
    let shift = digits.unsigned_abs();
    if shift > 28 {
        return Ok(Decimal::ZERO);
    }
    let factor = integer_power(Decimal::TEN, shift as i64)?;
    let scaled = div(d, factor)?.round_dp_with_strategy(0, strategy);
    mul(scaled, factor)
}

/// Parses text the way Excel coerces it to a number: optional sign, thousands separators,
/// decimal point, exponent, trailing `%`, a leading `$`, `(123)` for negatives, and dates or
/// times in ISO (`2024-01-31`, `2024-01-31 12:30`), US (`1/31/2024`) and `hh:mm[:ss]` forms.
pub fn parse_number_text(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(d) = parse_plain_number(t) {
        return Some(d);
    }
    crate::datetime::parse_date_time_text(t)
}

fn parse_plain_number(t: &str) -> Option<Decimal> {
    let (negative_parens, t) = match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, t),
    };
    let (percent, t) = match t.strip_suffix('%') {
        Some(rest) => (true, rest.trim_end()),
        None => (false, t),
    };
    let (sign, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let t = t.strip_prefix('$').unwrap_or(t).trim_start();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b"eE.,+-".contains(&b))
    {
        return None;
    }
    if !t.as_bytes()[0].is_ascii_digit() && t.as_bytes()[0] != b'.' {
        return None;
    }
    let cleaned: String = if t.contains(',') {
        // Thousands separators must sit in groups of three before the decimal point.
        let int_part = t.split(['.', 'e', 'E']).next().unwrap_or("");
        let groups: Vec<&str> = int_part.split(',').collect();
        let valid = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !valid {
            return None;
        }
        t.replace(',', "")
    } else {
        t.to_string()
    };
    let mut d = parse_decimal_literal(&cleaned)?;
    if percent {
        d = d.checked_div(Decimal::ONE_HUNDRED)?;
    }
    if sign != negative_parens {
        d.set_sign_negative(!d.is_sign_negative() || d.is_zero());
        if d.is_zero() {
            d = Decimal::ZERO;
        }
    }
    Some(d)
}

/// Parses a numeric literal such as `1`, `1.5`, `.5`, `1E3`, `2.5e-4` exactly.
pub fn parse_decimal_literal(s: &str) -> Option<Decimal> {
    if s.bytes().any(|b| b == b'e' || b == b'E') {
        let (mantissa, exp) = s.split_once(['e', 'E'])?;
        let exp: i32 = exp.parse().ok()?;
        if mantissa.is_empty() || !mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        let m: Decimal = mantissa.parse().ok()?;
        if m.is_zero() {
            return Some(Decimal::ZERO);
        }
        if exp > 0 {
            let factor = integer_power(Decimal::TEN, i64::from(exp.min(40))).ok()?;
            return m.checked_mul(factor);
        }
        if exp < -28 {
            // Below Decimal's smallest step: rounds to zero, as a double would underflow.
            return m
                .checked_div(integer_power(Decimal::TEN, 28).ok()?)?
                .checked_div(integer_power(Decimal::TEN, i64::from(-exp - 28).min(28)).ok()?)
                .or(Some(Decimal::ZERO));
        }
        let factor = integer_power(Decimal::TEN, i64::from(-exp)).ok()?;
        return m.checked_div(factor);
    }
    if s.bytes().filter(|&b| b == b'.').count() > 1 || s == "." {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    match Decimal::from_str_exact(s) {
        Ok(d) => Some(d),
        // More than 28 fractional digits: round rather than fail.
        Err(_) => s.parse::<Decimal>().ok(),
    }
}

/// Excel's General number format as used when a number becomes text (`=A1&""`): up to 15
/// significant digits, no trailing zeros, scientific notation for very large or small numbers.
pub fn format_general(d: Decimal) -> String {
    if d.is_zero() {
        return "0".to_string();
    }
    let abs = d.abs();
    let large = Decimal::from(TEN_POW_15 as i64);
    let tiny = Decimal::new(1, 9);
    if abs >= large || abs < tiny {
        return format_scientific(d);
    }
    let rounded = snap15(d).normalize();
    rounded.to_string()
}

/// `1.23456789012346E+17`, `1E-10`: mantissa at up to 15 significant digits.
pub fn format_scientific(d: Decimal) -> String {
    let x = to_f64(d);
    let s = format!("{:.14e}", x);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut mantissa = mantissa.to_string();
    if mantissa.contains('.') {
        while mantissa.ends_with('0') {
            mantissa.pop();
        }
        if mantissa.ends_with('.') {
            mantissa.pop();
        }
    }
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{}E{}{:02}", mantissa, sign, exp.abs())
}

/// Text for JSON and CSV output: the exact decimal without trailing zeros.
pub fn to_plain_string(d: Decimal) -> String {
    d.normalize().to_string()
}

/// `1234567.891` -> `1,234,567.891`; at most `max_fraction` fraction digits (rounded half away).
pub fn format_thousands(d: Decimal, max_fraction: u32) -> String {
    let rounded = d
        .round_dp_with_strategy(max_fraction, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac_part {
        out.push('.');
        out.push_str(&f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn money_is_exact() {
        assert_eq!(
            mul(mul(d("1200"), d("7.5")).unwrap_or_default(), d("18")),
            Ok(d("162000"))
        );
    }

    #[test]
    fn overflow_is_num_not_panic() {
        assert_eq!(mul(Decimal::MAX, d("2")), Err(ErrorKind::Num));
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(ErrorKind::Num));
        assert_eq!(div(Decimal::ONE, Decimal::ZERO), Err(ErrorKind::Div0));
        assert_eq!(power(d("10"), d("40")), Err(ErrorKind::Num));
    }

    #[test]
    fn power_follows_excel() {
        assert_eq!(power(d("2"), d("10")), Ok(d("1024")));
        assert_eq!(power(d("2"), d("-1")), Ok(d("0.5")));
        assert_eq!(power(d("0"), d("0")), Err(ErrorKind::Num));
        assert_eq!(power(d("0"), d("-1")), Err(ErrorKind::Div0));
        assert_eq!(power(d("-4"), d("0.5")), Err(ErrorKind::Num));
        assert_eq!(power(d("9"), d("0.5")), Ok(d("3")));
        assert_eq!(
            power(d("-8"), d("1") / d("3")).map(|x| x.round_dp(9)),
            Ok(d("-2"))
        );
    }

    #[test]
    fn snapping_makes_one_third_times_three_one() {
        let third = div(Decimal::ONE, d("3")).unwrap_or_default();
        let x = mul(third, d("3")).unwrap_or_default();
        assert_eq!(compare_15(x, Decimal::ONE), Ordering::Equal);
        assert_eq!(snap15(x), Decimal::ONE);
    }

    #[test]
    fn number_text_parsing() {
        assert_eq!(parse_number_text(" 3 "), Some(d("3")));
        assert_eq!(parse_number_text("1,000.5"), Some(d("1000.5")));
        assert_eq!(parse_number_text("50%"), Some(d("0.5")));
        assert_eq!(parse_number_text("1E3"), Some(d("1000")));
        assert_eq!(parse_number_text("-2.5e-1"), Some(d("-0.25")));
        assert_eq!(parse_number_text("$12"), Some(d("12")));
        assert_eq!(parse_number_text("(12)"), Some(d("-12")));
        assert_eq!(parse_number_text("abc"), None);
        assert_eq!(parse_number_text("1,00"), None);
        assert_eq!(parse_number_text(""), None);
    }

    #[test]
    fn general_format() {
        assert_eq!(format_general(d("162000")), "162000");
        assert_eq!(format_general(d("1.50")), "1.5");
        let third = div(Decimal::ONE, d("3")).unwrap_or_default();
        assert_eq!(format_general(third), "0.333333333333333");
        assert_eq!(
            format_general(d("123456789012345678")),
            "1.23456789012346E+17"
        );
        assert_eq!(format_general(d("0.0000000001")), "1E-10");
        assert_eq!(format_general(d("-0.25")), "-0.25");
    }

    #[test]
    fn thousands() {
        assert_eq!(format_thousands(d("162000"), 2), "162,000");
        assert_eq!(format_thousands(d("-1234567.891"), 2), "-1,234,567.89");
        assert_eq!(format_thousands(d("999.995"), 2), "1,000");
        assert_eq!(format_thousands(d("12"), 2), "12");
    }

    #[test]
    fn rounding_half_away_with_negative_digits() {
        assert_eq!(round_half_away(d("2.345"), 2), Ok(d("2.35")));
        assert_eq!(round_half_away(d("-2.5"), 0), Ok(d("-3")));
        assert_eq!(round_half_away(d("1250"), -2), Ok(d("1300")));
    }
}
