//! Excel's 1900 date system: serial numbers, including Excel's fictional 1900-02-29 (serial 60).
//!
//! Serial 1 is 1900-01-01; serial 61 is 1900-03-01; from there on a serial is the number of days
//! since 1899-12-30. The fractional part is the time of day.

use rust_decimal::Decimal;

use crate::numeric;

/// Days from 1970-01-01 to the civil date (proleptic Gregorian), after H. Hinnant.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// 1899-12-30 as days from 1970-01-01.
const EPOCH_1899_12_30: i64 = -25569;

/// Excel serial of a date. Months and days may overflow (DATE(2024,14,1) is 2025-02-01), as in
/// Excel's DATE. Returns None before 1900-01-00 or after 9999-12-31.
pub fn serial_from_ymd(year: i64, month: i64, day: i64) -> Option<i64> {
    // Normalise the month into the year first, then let the day overflow via day counting.
    let total_months = year.checked_mul(12)?.checked_add(month - 1)?;
    let y = total_months.div_euclid(12);
    let m = (total_months.rem_euclid(12) + 1) as u32;
    let first = days_from_civil(y, m, 1);
    let days = first.checked_add(day - 1)?;
    let serial = days - EPOCH_1899_12_30;
    // Dates before 1900-03-01 are one less in Excel (the fictional 1900-02-29 sits at 60).
    let serial = if serial < 61 { serial - 1 } else { serial };
    if !(0..=2_958_465).contains(&serial) {
        return None;
    }
    Some(serial)
}

/// (year, month, day) of an Excel serial (whole days). Serial 0 is 1900-01-00, 60 is 1900-02-29.
pub fn ymd_from_serial(serial: i64) -> Option<(i64, u32, u32)> {
    if !(0..=2_958_465).contains(&serial) {
        return None;
    }
    match serial {
        0 => Some((1900, 1, 0)),
        60 => Some((1900, 2, 29)),
        s if s < 60 => Some(civil_from_days(EPOCH_1899_12_30 + s + 1)),
        s => Some(civil_from_days(EPOCH_1899_12_30 + s)),
    }
}

/// Day of week of a serial: 0 = Sunday ... 6 = Saturday (Excel treats 1900-01-01 as a Sunday).
pub fn weekday_from_serial(serial: i64) -> u32 {
    // Serial 1 (1900-01-01) is a Sunday in Excel's calendar; the fake leap day keeps the cycle.
    ((serial + 6).rem_euclid(7)) as u32
}

pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Seconds of a time of day as a fraction of a day.
pub fn time_fraction(hours: i64, minutes: i64, seconds: Decimal) -> Option<Decimal> {
    let total = Decimal::from(hours * 3600 + minutes * 60).checked_add(seconds)?;
    total.checked_div(Decimal::from(86400))
}

// ---------------------------------------------------------------------------------------------
// Date and time text, as Excel coerces it ("2024-01-31"+0, VALUE, DATEVALUE, date arguments).
//
// Locale rule: kachi reads text as Excel in the en-US locale does (month/day/year, English
// month names, AM/PM), with one extension: a numeric date whose first field cannot be a month
// (13-31) but reads as day/month is taken day-first. Real workbooks written in day-first locales
// rely on this (corpus formulas__test: "29/02/1900" is 60, "13/01/1900" is 13, "26/08" a date);
// en-US Excel itself would give #VALUE! for them. Ambiguous dates ("1/2/2024") stay month-first.
// ---------------------------------------------------------------------------------------------

/// The parts found in date or time text: a date serial, a time of day (a fraction of a day, or
/// more than 1 for times past 24:00), or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTimeText {
    pub date: Option<i64>,
    pub time: Option<Decimal>,
}

impl DateTimeText {
    /// The serial number: date plus time.
    pub fn serial(self) -> Option<Decimal> {
        Decimal::from(self.date.unwrap_or(0)).checked_add(self.time.unwrap_or(Decimal::ZERO))
    }
}

/// Parses date or time text to its serial number (see [`parse_date_time_parts`]).
pub fn parse_date_time_text(text: &str) -> Option<Decimal> {
    parse_date_time_parts(text)?.serial()
}

/// Parses date or time text as Excel coerces it:
/// - dates: `2024-01-31`, `2024/1/31`, `1/31/2024`, `1-31-24`, `1/31` (this year), `1/2024`,
///   `31-Jan-2024`, `31 January 2024`, `Jan 31, 2024`, `Jan-2024`, `31-Jan`; spaces may surround
///   the separators (`2026 - 01 - 01`, IronCalc issue 1380, checked in Excel);
/// - times: `13:45`, `1:45:30 PM`, `2 PM`, `1:02:03.5`, and `mm:ss.f` when the second of two
///   fields has a fraction (`23:59.012345`). One field may exceed its usual range, if it is the
///   first (`25:00`) or the last (`0:59:99`, `23:9999`), and stays below 10000 (pycel text.xlsx,
///   TextDates rows 30-48: `60:99`, `24:99`, `23:10000`, `23:60:9999` are not times);
/// - a date followed by a time.
///
/// Text with leading or trailing spaces is not a date: Excel gives #VALUE! for
/// FLOOR(" 2024-01-10 ", 1) and EXP(" 2024-01-10 ") (corpus IronCalc FLOOR_CEILING, EXP_SIGN),
/// while it reads " 10 " as the number 10.
pub fn parse_date_time_parts(text: &str) -> Option<DateTimeText> {
    if text.is_empty()
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
    {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let split = time_start(&words).unwrap_or(words.len());
    let (date_words, time_words) = words.split_at(split);
    let date = match date_words {
        [] => None,
        _ => Some(parse_date(&date_words.join(" "))?),
    };
    let time = match time_words {
        [] => None,
        _ => Some(parse_time(&time_words.join(" "))?),
    };
    if date.is_none() && time.is_none() {
        return None;
    }
    Some(DateTimeText { date, time })
}

/// Where the time begins among the words: the first word with a colon, or an hour followed by
/// AM/PM at the end ("2 PM", "2PM").
fn time_start(words: &[&str]) -> Option<usize> {
    if let Some(i) = words.iter().position(|w| w.contains(':')) {
        return Some(i);
    }
    let last = words.len().checked_sub(1)?;
    let (clock, meridiem) = split_meridiem(words.get(last)?);
    meridiem?;
    if is_digits(clock) {
        return Some(last);
    }
    let hour = words.get(last.checked_sub(1)?)?;
    (clock.is_empty() && is_digits(hour)).then(|| last - 1)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A small number from its digits (at most 4, so no overflow and no absurd years).
fn small_number(s: &str) -> Option<i64> {
    if !is_digits(s) || s.len() > 4 {
        return None;
    }
    s.parse().ok()
}

/// Splits a trailing AM/PM (or A/P) off a time: `Some(true)` for PM.
fn split_meridiem(s: &str) -> (&str, Option<bool>) {
    let upper = s.to_ascii_uppercase();
    for (suffix, pm) in [("AM", false), ("PM", true), ("A", false), ("P", true)] {
        if upper.ends_with(suffix) {
            let Some(clock) = s.get(..s.len() - suffix.len()) else {
                continue;
            };
            let clock = clock.trim_end();
            // A bare letter only counts after the clock ("2 p", "2p"), not inside a word.
            let glued_ok = suffix.len() == 2
                || clock.is_empty()
                || clock.ends_with(|c: char| c.is_ascii_digit());
            if glued_ok {
                return (clock, Some(pm));
            }
        }
    }
    (s, None)
}

/// Time text to a fraction of a day (more than 1 past 24:00).
fn parse_time(s: &str) -> Option<Decimal> {
    let (clock, meridiem) = split_meridiem(s);
    let fields: Vec<&str> = clock.split(':').collect();
    let (last, leading) = fields.split_last()?;
    if fields.len() > 3 || (fields.len() == 1 && meridiem.is_none()) {
        return None;
    }
    let (last_whole, last_fraction) = match last.split_once('.') {
        Some((whole, fraction)) if fraction.bytes().all(|b| b.is_ascii_digit()) => {
            (whole, fraction)
        }
        Some(_) => return None,
        None => (*last, ""),
    };
    let mut values = leading
        .iter()
        .map(|f| small_number(f).map(Decimal::from))
        .collect::<Option<Vec<Decimal>>>()?;
    let last_value = if last_fraction.is_empty() {
        Decimal::from(small_number(last_whole)?)
    } else {
        small_number(last_whole)?;
        numeric::parse_decimal_literal(&format!("{last_whole}.{last_fraction}"))?
    };
    values.push(last_value);
    // Field units in seconds: h, h:m, m:s.f (a fraction makes the last field seconds), h:m:s.
    let units: &[i64] = match (values.len(), last_fraction.is_empty()) {
        (1, true) => &[3600],
        (2, true) => &[3600, 60],
        (2, false) => &[60, 1],
        (3, _) => &[3600, 60, 1],
        _ => return None,
    };
    check_time_fields(&values, units, meridiem)?;
    if let Some(hour) = values
        .first_mut()
        .filter(|h| meridiem.is_some() && **h == Decimal::from(12))
    {
        *hour = Decimal::ZERO; // 12 AM is midnight, 12 PM noon
    }
    let mut seconds = Decimal::ZERO;
    for (value, unit) in values.iter().zip(units) {
        seconds = seconds.checked_add(value.checked_mul(Decimal::from(*unit))?)?;
    }
    if meridiem == Some(true) {
        seconds = seconds.checked_add(Decimal::from(12 * 3600))?;
    }
    seconds.checked_div(Decimal::from(86_400))
}

/// Excel's field limits (see [`parse_date_time_parts`]); with AM/PM the hour is at most 12.
fn check_time_fields(values: &[Decimal], units: &[i64], meridiem: Option<bool>) -> Option<()> {
    let last = values.len().saturating_sub(1);
    let mut outside = 0;
    for (i, (value, unit)) in values.iter().zip(units).enumerate() {
        let usual = if *unit == 3600 { 24 } else { 60 };
        if *value >= Decimal::from(10_000) {
            return None;
        }
        if *value >= Decimal::from(usual) {
            if i != 0 && i != last {
                return None;
            }
            outside += 1;
        }
    }
    if outside > 1 {
        return None;
    }
    if meridiem.is_some() && units.first() == Some(&3600) {
        let hour = values.first()?;
        if *hour > Decimal::from(12) {
            return None;
        }
    }
    Some(())
}

/// One piece of date text: a number or a word.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece<'a> {
    Number(&'a str),
    Word(&'a str),
}

/// Splits date text into numbers and words and the separators between them: `-`, `/` or `,`,
/// with spaces around them, or spaces alone. None for anything else (`1.5`, `31Jan`, `26/08/`).
fn date_pieces(s: &str) -> Option<(Vec<Piece<'_>>, Vec<&str>)> {
    let mut pieces = Vec::new();
    let mut separators = Vec::new();
    let mut rest = s;
    loop {
        let digits = rest.starts_with(|c: char| c.is_ascii_digit());
        let len = rest
            .find(|c: char| {
                if digits {
                    !c.is_ascii_digit()
                } else {
                    !c.is_ascii_alphabetic()
                }
            })
            .unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        let (item, after) = rest.split_at(len);
        pieces.push(if digits {
            Piece::Number(item)
        } else {
            Piece::Word(item)
        });
        if after.is_empty() {
            return Some((pieces, separators));
        }
        let sep_len = after
            .find(|c: char| c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let (sep, next) = after.split_at(sep_len);
        let kind = sep.trim_matches(' ');
        if sep.is_empty() || next.is_empty() || !matches!(kind, "" | "-" | "/" | ",") {
            return None;
        }
        separators.push(kind);
        rest = next;
    }
}

/// Date text (without a time) to its serial.
fn parse_date(s: &str) -> Option<i64> {
    let (pieces, separators) = date_pieces(s)?;
    let words = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Word(_)))
        .count();
    match words {
        0 => {
            // Numeric dates use one separator throughout: "-" or "/".
            let sep = *separators.first()?;
            if !matches!(sep, "-" | "/") || separators.iter().any(|s| *s != sep) {
                return None;
            }
            let numbers: Vec<&str> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Number(n) => Some(*n),
                    Piece::Word(_) => None,
                })
                .collect();
            numeric_date(&numbers)
        }
        1 => month_name_date(&pieces),
        _ => None,
    }
}

/// `y-m-d`, `m/d/y` (day-first when the first field is 13-31), `m/d` and `d/m` in the current
/// year, `m/y` and `y-m` on the first of the month.
fn numeric_date(numbers: &[&str]) -> Option<i64> {
    match *numbers {
        [a, b, c] => {
            if a.len() == 4 {
                return calendar_date(year(a)?, small_number(b)?, small_number(c)?);
            }
            let (first, second, y) = (small_number(a)?, small_number(b)?, year(c)?);
            calendar_date(y, first, second).or_else(|| day_first(y, first, second))
        }
        [a, b] => {
            if a.len() == 4 {
                return calendar_date(year(a)?, small_number(b)?, 1);
            }
            let (first, second) = (small_number(a)?, small_number(b)?);
            if b.len() == 4 || second > 31 {
                return calendar_date(year(b)?, first, 1);
            }
            let y = current_year();
            calendar_date(y, first, second).or_else(|| day_first(y, first, second))
        }
        _ => None,
    }
}

/// The day-first reading of `first/second`, only where month-first is impossible.
fn day_first(y: i64, first: i64, second: i64) -> Option<i64> {
    if first > 12 && second <= 12 {
        calendar_date(y, second, first)
    } else {
        None
    }
}

/// Dates with an English month name: `31-Jan-2024`, `Jan 31, 2024`, `2024-Jan-31`,
/// `Jan-2024` (the first), `31-Jan` and `Jan 31` (this year), `Jan-45` (1945-01-01).
fn month_name_date(pieces: &[Piece<'_>]) -> Option<i64> {
    use Piece::{Number as N, Word as W};
    match *pieces {
        [N(d), W(m), N(y)] if d.len() <= 2 => {
            calendar_date(year(y)?, month_from_name(m)?, small_number(d)?)
        }
        [W(m), N(d), N(y)] => calendar_date(year(y)?, month_from_name(m)?, small_number(d)?),
        [N(y), W(m), N(d)] if y.len() == 4 => {
            calendar_date(year(y)?, month_from_name(m)?, small_number(d)?)
        }
        [N(d), W(m)] if d.len() <= 2 => {
            calendar_date(current_year(), month_from_name(m)?, small_number(d)?)
        }
        [N(y), W(m)] if y.len() == 4 => calendar_date(year(y)?, month_from_name(m)?, 1),
        [W(m), N(n)] => {
            let month = month_from_name(m)?;
            let value = small_number(n)?;
            if n.len() <= 2 {
                if let Some(serial) = calendar_date(current_year(), month, value) {
                    return Some(serial);
                }
            }
            calendar_date(year(n)?, month, 1)
        }
        _ => None,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month from its English name, at least its first three letters ("Jan", "janu", "Sept").
fn month_from_name(word: &str) -> Option<i64> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let index = MONTH_NAMES.iter().position(|m| m.starts_with(&w))?;
    Some(index as i64 + 1)
}

/// A year as written in date text: 00-29 are 2000-2029 and 30-99 are 1930-1999 (Excel's rule);
/// four digits must be 1900-9999; other lengths are not years.
fn year(s: &str) -> Option<i64> {
    let y = small_number(s)?;
    match s.len() {
        1 | 2 if y < 30 => Some(2000 + y),
        1 | 2 => Some(1900 + y),
        4 if y >= 1900 => Some(y),
        _ => None,
    }
}

/// The serial of a real calendar date (no overflow), with Excel's 1900-02-29 as 60.
fn calendar_date(y: i64, m: i64, d: i64) -> Option<i64> {
    if !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    if (y, m, d) == (1900, 2, 29) {
        return Some(60);
    }
    if d > i64::from(days_in_month(y, m as u32)) {
        return None;
    }
    serial_from_ymd(y, m, d)
}

/// This year by the system clock: Excel reads "1/31" and "31-Jan" as dates of the current year.
fn current_year() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_match_excel() {
        assert_eq!(serial_from_ymd(1900, 1, 1), Some(1));
        assert_eq!(serial_from_ymd(1900, 2, 28), Some(59));
        assert_eq!(serial_from_ymd(1900, 3, 1), Some(61));
        assert_eq!(serial_from_ymd(2024, 1, 31), Some(45322));
        assert_eq!(serial_from_ymd(2024, 14, 1), serial_from_ymd(2025, 2, 1));
        assert_eq!(ymd_from_serial(60), Some((1900, 2, 29)));
        assert_eq!(ymd_from_serial(61), Some((1900, 3, 1)));
        assert_eq!(ymd_from_serial(45322), Some((2024, 1, 31)));
        assert_eq!(ymd_from_serial(1), Some((1900, 1, 1)));
        assert_eq!(weekday_from_serial(1), 0);
        assert_eq!(weekday_from_serial(45322), 3); // 2024-01-31 was a Wednesday
    }

    fn serial(text: &str) -> Option<Decimal> {
        parse_date_time_text(text)
    }

    fn day(y: i64, m: i64, d: i64) -> Option<Decimal> {
        serial_from_ymd(y, m, d).map(Decimal::from)
    }

    /// `seconds` as a fraction of a day.
    fn secs(seconds: &str) -> Option<Decimal> {
        seconds
            .parse::<Decimal>()
            .ok()?
            .checked_div(Decimal::from(86_400))
    }

    #[test]
    fn text_dates_and_times() {
        assert_eq!(serial("2024-01-31"), Some(Decimal::from(45322)));
        assert_eq!(serial("1/31/2024"), Some(Decimal::from(45322)));
        assert_eq!(serial("12:00"), Some(Decimal::new(5, 1)));
        assert_eq!(serial("6:00 PM"), Some(Decimal::new(75, 2)));
        assert_eq!(serial("2024-02-30"), None);
        assert_eq!(serial("hello"), None);
    }

    /// Excel's DATEVALUE documentation examples and the corpus.
    #[test]
    fn month_name_dates() {
        assert_eq!(serial("22-MAY-2011"), Some(Decimal::from(40685)));
        assert_eq!(serial("May 22, 2011"), Some(Decimal::from(40685)));
        assert_eq!(serial("31-Jan-2024"), day(2024, 1, 31));
        assert_eq!(serial("15 March 2020"), day(2020, 3, 15));
        assert_eq!(serial("4/Feb/2026"), Some(Decimal::from(46057)));
        assert_eq!(serial("4 Feb 2026"), Some(Decimal::from(46057)));
        assert_eq!(serial("Jan 2024"), day(2024, 1, 1));
        assert_eq!(serial("Jan-2024"), day(2024, 1, 1));
        assert_eq!(serial("2024-Jan-31"), day(2024, 1, 31));
        assert_eq!(serial("14-Mar-12"), day(2012, 3, 14));
        assert_eq!(serial("Jan-45"), day(1945, 1, 1));
        let this_year = current_year();
        assert_eq!(serial("31-Jan"), day(this_year, 1, 31));
        assert_eq!(serial("Jan 31"), day(this_year, 1, 31));
        assert_eq!(serial("Janvier 2024"), None);
        assert_eq!(serial("Ja 2024"), None);
        assert_eq!(serial("May"), None);
        assert_eq!(serial("5V 2.1A - EU Wall Adaptor"), None);
        assert_eq!(serial("13 Monkeys"), None);
    }

    #[test]
    fn numeric_dates() {
        // "2026 - 01 - 01" is 46023 in Excel (IronCalc issue 1380).
        assert_eq!(serial("2026 - 01 - 01"), Some(Decimal::from(46023)));
        assert_eq!(serial("2024/1/31"), day(2024, 1, 31));
        assert_eq!(serial("1-31-24"), day(2024, 1, 31));
        assert_eq!(serial("1/1/30"), day(1930, 1, 1));
        assert_eq!(serial("1/1/29"), day(2029, 1, 1));
        assert_eq!(serial("1/2024"), day(2024, 1, 1));
        assert_eq!(serial("10-1"), day(current_year(), 10, 1));
        // Excel's fictional 1900-02-29, month-first and day-first.
        assert_eq!(serial("2/29/1900"), Some(Decimal::from(60)));
        assert_eq!(serial("1/1/1899"), None);
        assert_eq!(serial("2024-01/31"), None);
        assert_eq!(serial("1.5"), None);
        assert_eq!(serial("26/08/"), None);
    }

    /// The day-first fallback: corpus formulas__test (saved in a day-first locale) has
    /// MAX(...,"29/02/1900") = 60, BETA.INV(0.9,"13/01/1900",1) with alpha 13 and
    /// COUNT(...,"26/08") counting the text as a number.
    #[test]
    fn day_first_only_where_month_first_is_impossible() {
        assert_eq!(serial("29/02/1900"), Some(Decimal::from(60)));
        assert_eq!(serial("13/01/1900"), Some(Decimal::from(13)));
        assert_eq!(serial("26/08/1987"), day(1987, 8, 26));
        assert_eq!(serial("26/08"), day(current_year(), 8, 26));
        assert_eq!(serial("1/2/2024"), day(2024, 1, 2));
        assert_eq!(serial("13/13/2024"), None);
        assert_eq!(serial("32/01/2024"), None);
    }

    /// Excel rejects date text with spaces around it (#VALUE! for FLOOR(" 2024-01-10 ",1) in
    /// corpus IronCalc FLOOR_CEILING, EXP_SIGN).
    #[test]
    fn padded_dates_are_not_dates() {
        assert_eq!(serial(" 2024-01-10 "), None);
        assert_eq!(serial("2024-01-10 "), None);
        assert_eq!(serial(" 12:00"), None);
        assert_eq!(serial("2024-01-10T12:00"), None);
    }

    /// pycel text.xlsx, sheet TextDates rows 30-48 (TEXT of the text, saved by Excel).
    #[test]
    fn time_field_limits() {
        assert_eq!(serial("0:59:99"), secs("3639"));
        assert_eq!(serial("60:99"), None);
        assert_eq!(serial("23:99"), secs("88740"));
        assert_eq!(serial("24:99"), None);
        assert_eq!(serial("23:9999"), secs("682740"));
        assert_eq!(serial("23:10000"), None);
        assert_eq!(serial("0:0:9999"), secs("9999"));
        assert_eq!(serial("0:0:10000"), None);
        assert_eq!(serial("23:59:9999"), secs("96339"));
        assert_eq!(serial("23:60:9999"), None);
        assert_eq!(serial("59:9999.0"), secs("13539"));
        assert_eq!(serial("59:10000.0"), None);
        assert_eq!(serial("23:59.012345"), secs("1439.012345"));
        assert_eq!(serial("59:9999.012345"), secs("13539.012345"));
        assert_eq!(serial("60:9999.012345"), None);
        assert_eq!(serial("23:59.:0"), None);
        assert_eq!(serial("23:59."), secs("86340"));
        assert_eq!(serial("23.:59"), None);
    }

    #[test]
    fn times_with_meridiem_and_dates() {
        assert_eq!(serial("2 PM"), secs("50400"));
        assert_eq!(serial("2PM"), secs("50400"));
        assert_eq!(serial("12:30 AM"), secs("1800"));
        assert_eq!(serial("12:30 PM"), secs("45000"));
        assert_eq!(serial("1:45:30 pm"), secs("49530"));
        assert_eq!(serial("13:00 PM"), None);
        assert_eq!(serial("25:00"), secs("90000"));
        assert_eq!(serial("1:2:3.5"), secs("3723.5"));
        assert_eq!(serial("2"), None);
        // A date and a time add up; past 24:00 the date rolls over (IronCalc issue 1379).
        assert_eq!(
            serial("1/1/1987 02:00 AM").map(|x| x.round_dp(12)),
            secs("7200").map(|t| (t + Decimal::from(31778)).round_dp(12))
        );
        assert_eq!(
            serial("2026-01-01 25:00:00").map(|x| x.floor()),
            Some(Decimal::from(46024))
        );
        assert_eq!(
            serial("2007-02-03 19:08:07.0123").map(|x| x.floor()),
            day(2007, 2, 3)
        );
        let parts = parse_date_time_parts("22-Aug-2011 6:35 AM");
        assert_eq!(parts.and_then(|p| p.date), Some(40777));
        assert_eq!(parse_date_time_parts("6:35").and_then(|p| p.date), None);
    }

    #[test]
    fn serials_at_the_1900_boundary() {
        assert_eq!(ymd_from_serial(0), Some((1900, 1, 0)));
        assert_eq!(ymd_from_serial(59), Some((1900, 2, 28)));
        assert_eq!(ymd_from_serial(60), Some((1900, 2, 29)));
        assert_eq!(ymd_from_serial(61), Some((1900, 3, 1)));
        assert_eq!(ymd_from_serial(-1), None);
        assert_eq!(ymd_from_serial(2_958_465), Some((9999, 12, 31)));
        assert_eq!(ymd_from_serial(2_958_466), None);
        assert_eq!(serial_from_ymd(1900, 1, 0), Some(0));
        assert_eq!(serial_from_ymd(1899, 12, 30), None);
        assert_eq!(serial_from_ymd(10000, 1, 1), None);
        // WEEKDAY(0) is 7 (Saturday) and WEEKDAY(60) 4 (Wednesday) in Excel.
        assert_eq!(weekday_from_serial(0), 6);
        assert_eq!(weekday_from_serial(60), 3);
        assert_eq!(weekday_from_serial(61), 4);
    }
}
