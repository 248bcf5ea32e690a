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

/// A running sum giving exactly what repeated [`add`] from zero gives, faster: while every
/// number has the scale of the first and the partial sums fit Decimal's 96-bit mantissa (so
/// each `add` would be exact), it adds the mantissas as integers; from the first step where
/// that stops, it falls back to `add`.
#[derive(Clone, Copy, Debug)]
pub struct Sum {
    mantissa: i128,
    scale: u32,
    /// Any number added yet (until then the sum is `Decimal::ZERO`, scale 0).
    started: bool,
    /// The sum, once the integer path no longer applies.
    slow: Option<Decimal>,
}

impl Default for Sum {
    fn default() -> Self {
        Sum::new()
    }
}

const MANTISSA_LIMIT: u128 = 1 << 96;

impl Sum {
    pub const fn new() -> Sum {
        Sum {
            mantissa: 0,
            scale: 0,
            started: false,
            slow: None,
        }
    }

    #[inline]
    pub fn add(&mut self, n: Decimal) -> Result<(), ErrorKind> {
        if let Some(acc) = self.slow {
            self.slow = Some(add(acc, n)?);
            return Ok(());
        }
        if !self.started {
            // 0 + n is n, at n's scale.
            self.started = true;
            self.mantissa = n.mantissa();
            self.scale = n.scale();
            return Ok(());
        }
        if n.scale() == self.scale {
            if let Some(m) = self.mantissa.checked_add(n.mantissa()) {
                if m.unsigned_abs() < MANTISSA_LIMIT {
                    self.mantissa = m;
                    return Ok(());
                }
            }
        }
        self.slow = Some(add(self.fast_value(), n)?);
        Ok(())
    }

    /// The integer path's sum (exact: its mantissa always fits).
    fn fast_value(&self) -> Decimal {
        if !self.started {
            return Decimal::ZERO;
        }
        Decimal::try_from_i128_with_scale(self.mantissa, self.scale).unwrap_or(Decimal::ZERO)
    }

    pub fn value(&self) -> Decimal {
        self.slow.unwrap_or_else(|| self.fast_value())
    }
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

/// Parses text the way Excel (en-US) coerces it to a number (`"3"+1`, VALUE, criteria):
/// - numbers: optional sign, thousands separators in groups of three, decimal point, exponent
///   (`7.0e0`), a trailing `%`, `(12)` for -12, a mixed fraction (`1 1/2`), and the currency
///   signs `$` (before) and `€` (before or after: `€100`, `100€` are 100 in the corpus
///   IronCalc EXP_SIGN); spaces around the whole are ignored (`" 10 "` is 10, `" -5 "` -5);
/// - otherwise date and time text ([`crate::datetime::parse_date_time_parts`]), which must not
///   have spaces around it (`" 2024-01-10 "` is #VALUE! in Excel).
///
/// Only the ASCII space is trimmed: a no-break space (CHAR(160)) keeps text from being a number.
pub fn parse_number_text(text: &str) -> Option<Decimal> {
    parse_plain_number(text.trim_matches(' '))
        .or_else(|| crate::datetime::parse_date_time_text(text))
}

/// A number with its decorations: sign, parentheses, currency, percent, mixed fraction.
fn parse_plain_number(t: &str) -> Option<Decimal> {
    let (parens, t) = match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, t),
    };
    let (percent, t) = match t.strip_suffix('%') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (negative, t) = strip_sign_and_currency(t)?;
    if parens && negative {
        return None;
    }
    let mut d = parse_unsigned_amount(t)?;
    if percent {
        d = d.checked_div(Decimal::ONE_HUNDRED)?;
    }
    if (parens || negative) && !d.is_zero() {
        d.set_sign_negative(true);
    }
    Some(d)
}

/// Strips a sign and a currency sign in either order (`-$5`, `$-5`, `-€5`, `5€`): whether the
/// amount is negative, and the bare amount.
fn strip_sign_and_currency(t: &str) -> Option<(bool, &str)> {
    let (negative, t) = strip_sign(t);
    let (t, currency) = match t.strip_prefix(['$', '€']) {
        Some(rest) => (rest, true),
        None => match t.strip_suffix('€') {
            Some(rest) => (rest.trim_end_matches(' '), true),
            None => (t, false),
        },
    };
    if !currency {
        return Some((negative, t));
    }
    let (inner_negative, t) = strip_sign(t);
    if negative && inner_negative {
        return None;
    }
    Some((negative || inner_negative, t))
}

fn strip_sign(t: &str) -> (bool, &str) {
    if let Some(rest) = t.strip_prefix('-') {
        (true, rest)
    } else {
        (false, t.strip_prefix('+').unwrap_or(t))
    }
}

/// An unsigned amount: `1,234.5`, `.5`, `5.`, `1E3`, or a mixed fraction `1 1/2`.
fn parse_unsigned_amount(t: &str) -> Option<Decimal> {
    if let Some((whole, fraction)) = t.split_once(' ') {
        return parse_mixed_fraction(whole, fraction);
    }
    let first = *t.as_bytes().first()?;
    if !(first.is_ascii_digit() || first == b'.')
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b"eE.,+-".contains(&b))
    {
        return None;
    }
    if !t.contains(',') {
        return parse_decimal_literal(t);
    }
    // Thousands separators sit in groups of three before the decimal point.
    let int_part = t.split(['.', 'e', 'E']).next().unwrap_or("");
    let mut groups = int_part.split(',');
    let head = groups.next().unwrap_or("");
    let valid = !head.is_empty() && head.len() <= 3 && groups.all(|g| g.len() == 3);
    if !valid
        || t.get(int_part.len()..)
            .is_some_and(|rest| rest.contains(','))
    {
        return None;
    }
    parse_decimal_literal(&t.replace(',', ""))
}

/// `1 1/2` is 1.5 (Excel reads a whole number, a space and a fraction as a number).
fn parse_mixed_fraction(whole: &str, fraction: &str) -> Option<Decimal> {
    let (numerator, denominator) = fraction.split_once('/')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(numerator) || !digits(denominator) {
        return None;
    }
    let part = div(numerator.parse().ok()?, denominator.parse().ok()?).ok()?;
    add(whole.parse().ok()?, part).ok()
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

/// Excel's General format as used when a number becomes text (`=A1&""`, CONCATENATE, text
/// arguments): the number rounded to 15 significant digits, in plain notation unless that would
/// need 16 or more integer digits or more than 19 decimals, else scientific (`1E+15`,
/// `1.28233995888454E-06`). The thresholds are those of Excel's complex-number text, the
/// corpus's only numbers-as-text at these magnitudes: 0.0000692442674613868 (19 decimals) and
/// 0.000000000000000001 stay plain, 1.28233995888454E-06 and 1E-20 do not (formulas__test
/// ENGINEERING S35, S37; IronCalc COMPLEXs D16-D19). Rounding comes first, so
/// 999999999999999.9 is `1E+15`.
pub fn format_general(d: Decimal) -> String {
    let rounded = snap15(d).normalize();
    if rounded.is_zero() {
        return "0".to_string();
    }
    let (digits, exponent) = significant_digits(rounded);
    let decimals = digits.len() as i64 - 1 - exponent;
    if exponent >= i64::from(EXCEL_DIGITS) || decimals > 19 {
        return scientific_text(rounded.is_sign_negative(), &digits, exponent);
    }
    rounded.to_string()
}

/// `1.23456789012346E+17`, `1E-10`: the number at up to 15 significant digits in scientific
/// notation.
pub fn format_scientific(d: Decimal) -> String {
    let rounded = snap15(d).normalize();
    if rounded.is_zero() {
        return "0E+00".to_string();
    }
    let (digits, exponent) = significant_digits(rounded);
    scientific_text(rounded.is_sign_negative(), &digits, exponent)
}

/// The significant digits of a non-zero number (no trailing zeros) and its decimal exponent:
/// 1234.5 is ("12345", 3), 0.00012 is ("12", -4).
fn significant_digits(d: Decimal) -> (String, i64) {
    let all = d.mantissa().unsigned_abs().to_string();
    let exponent = all.len() as i64 - 1 - i64::from(d.scale());
    let digits = all.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_string(), exponent)
}

fn scientific_text(negative: bool, digits: &str, exponent: i64) -> String {
    let sign = if negative { "-" } else { "" };
    let (head, tail) = digits.split_at(1.min(digits.len()));
    let fraction = if tail.is_empty() {
        String::new()
    } else {
        format!(".{tail}")
    };
    let exp_sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{sign}{head}{fraction}E{exp_sign}{:02}",
        exponent.unsigned_abs()
    )
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
    fn sum_equals_repeated_add() {
        let max = Decimal::MAX.to_string();
        let cases: &[&[&str]] = &[
            &[],
            &["1", "2", "3"],
            &["7.5", "2.25", "-1"],
            &["1.50", "2.50", "-4.00"],
            &["0.1", "0.2", "0.3", "1", "1.000"],
            &["-0", "0", "-0.0"],
            &[&max, "-1", "1", "1"],
            &[&max, &max],
            &["79228162514264337593543950.335", "0.001", "-0.002", "1"],
            &["1e-28", "0.0000000000000000000000000001", "3"],
        ];
        for case in cases {
            let mut sum = Sum::new();
            let mut seq = Ok(Decimal::ZERO);
            let mut got = Ok(());
            for x in case.iter() {
                let n = Decimal::from_scientific(x).or_else(|_| Decimal::from_str(x));
                let n = n.unwrap_or_default();
                seq = seq.and_then(|a| add(a, n));
                if got.is_ok() {
                    got = sum.add(n);
                }
            }
            match seq {
                Ok(v) => {
                    assert_eq!(got, Ok(()), "{case:?}");
                    assert_eq!(sum.value(), v, "{case:?}");
                    assert_eq!(sum.value().scale(), v.scale(), "{case:?}");
                }
                Err(e) => assert_eq!(got, Err(e), "{case:?}"),
            }
        }
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

    /// Corpus IronCalc EXP_SIGN and FLOOR_CEILING (cached by Excel): what text Excel reads as a
    /// number in arithmetic.
    #[test]
    fn number_text_like_excel() {
        assert_eq!(parse_number_text(" 10 "), Some(d("10")));
        assert_eq!(parse_number_text(" -5 "), Some(d("-5")));
        assert_eq!(parse_number_text("7.0e0"), Some(d("7")));
        assert_eq!(parse_number_text("8%"), Some(d("0.08")));
        assert_eq!(parse_number_text("-0.0"), Some(Decimal::ZERO));
        assert_eq!(parse_number_text("€100"), Some(d("100")));
        assert_eq!(parse_number_text("100€"), Some(d("100")));
        assert_eq!(parse_number_text(" €100 "), Some(d("100")));
        assert_eq!(parse_number_text("--8"), None);
        assert_eq!(parse_number_text("@"), None);
        assert_eq!(parse_number_text("F100"), None);
        assert_eq!(parse_number_text("eight"), None);
        assert_eq!(parse_number_text("2024-01-10"), Some(d("45301")));
        assert_eq!(parse_number_text(" 2024-01-10 "), None);
    }

    #[test]
    fn number_text_decorations() {
        assert_eq!(parse_number_text("$1,000"), Some(d("1000")));
        assert_eq!(parse_number_text("-$5"), Some(d("-5")));
        assert_eq!(parse_number_text("$-5"), Some(d("-5")));
        assert_eq!(parse_number_text("($12.50)"), Some(d("-12.5")));
        assert_eq!(parse_number_text("(-12)"), None);
        assert_eq!(parse_number_text("-$-5"), None);
        assert_eq!(parse_number_text("1 1/2"), Some(d("1.5")));
        assert_eq!(parse_number_text("0 3/4"), Some(d("0.75")));
        assert_eq!(parse_number_text("1 1/0"), None);
        assert_eq!(parse_number_text("1 000"), None);
        assert_eq!(parse_number_text(".5"), Some(d("0.5")));
        assert_eq!(parse_number_text("5."), Some(d("5")));
        assert_eq!(parse_number_text("1,234.5,6"), None);
        assert_eq!(parse_number_text("£100"), None);
        // A no-break space (CHAR(160)) is not trimmed.
        assert_eq!(parse_number_text("\u{a0}5"), None);
        assert_eq!(parse_number_text("TRUE"), None);
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
        assert_eq!(format_general(d("-0.25")), "-0.25");
    }

    /// Plain while at most 19 decimals and 15 integer digits, as Excel's complex-number text
    /// shows (formulas__test ENGINEERING S35, S37, IronCalc COMPLEXs D16-D19).
    #[test]
    fn general_format_switches_to_scientific_like_excel() {
        assert_eq!(
            format_general(d("0.0000692442674613868")),
            "0.0000692442674613868"
        );
        assert_eq!(
            format_general(d("0.00000128233995888454")),
            "1.28233995888454E-06"
        );
        assert_eq!(
            format_general(d("0.000000000000000001")),
            "0.000000000000000001"
        );
        assert_eq!(format_general(d("0.00000000000000000001")), "1E-20");
        assert_eq!(format_general(d("0.0000000001")), "0.0000000001");
        assert_eq!(
            format_general(d("-0.0000000000000000012345")),
            "-1.2345E-18"
        );
        assert_eq!(format_general(d("999999999999999")), "999999999999999");
        // Rounded to 15 digits first, then too long: 1E+15.
        assert_eq!(format_general(d("999999999999999.9")), "1E+15");
        assert_eq!(format_general(d("1000000000000000")), "1E+15");
        assert_eq!(
            format_general(d("-1234567890123456789")),
            "-1.23456789012346E+18"
        );
        assert_eq!(format_general(d("123456789012.345678")), "123456789012.346");
        assert_eq!(format_scientific(d("0.0000000001")), "1E-10");
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
