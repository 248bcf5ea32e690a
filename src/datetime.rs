//! Excel's 1900 date system: serial numbers, including Excel's fictional 1900-02-29 (serial 60).
//!
//! Serial 1 is 1900-01-01; serial 61 is 1900-03-01; from there on a serial is the number of days
//! since 1899-12-30. The fractional part is the time of day.

use rust_decimal::Decimal;

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

/// Parses date or time text as Excel does for coercion: `2024-01-31`, `2024/01/31`,
/// `1/31/2024`, optionally followed by a time; or a bare time `13:45`, `1:45:30 PM`.
pub fn parse_date_time_text(t: &str) -> Option<Decimal> {
    let t = t.trim();
    let (date_part, time_part) = match t.split_once([' ', 'T']) {
        Some((a, b)) if a.contains(['-', '/']) => (Some(a), Some(b.trim())),
        _ if t.contains(['-', '/']) => (Some(t), None),
        _ => (None, Some(t)),
    };
    let mut serial = Decimal::ZERO;
    if let Some(date) = date_part {
        serial = Decimal::from(parse_date(date)?);
    }
    if let Some(time) = time_part {
        serial = serial.checked_add(parse_time(time)?)?;
    }
    Some(serial)
}

fn parse_date(s: &str) -> Option<i64> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<i64> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        // US order m/d/y, as Excel in the en-US locale.
        let y = if nums[2] < 100 {
            if nums[2] < 30 {
                2000 + nums[2]
            } else {
                1900 + nums[2]
            }
        } else {
            nums[2]
        };
        (y, nums[0], nums[1])
    };
    if !(1..=12).contains(&m) || d < 1 || d > i64::from(days_in_month(y, m as u32)) {
        return None;
    }
    serial_from_ymd(y, m, d)
}

fn parse_time(s: &str) -> Option<Decimal> {
    let upper = s.to_ascii_uppercase();
    let (clock, meridiem) = if let Some(rest) = upper.strip_suffix("PM") {
        (rest.trim().to_string(), Some(true))
    } else if let Some(rest) = upper.strip_suffix("AM") {
        (rest.trim().to_string(), Some(false))
    } else {
        (upper.clone(), None)
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let mut hours: i64 = parts[0].parse().ok()?;
    let minutes: i64 = parts[1].parse().ok()?;
    let seconds: Decimal = match parts.get(2) {
        Some(s) => s.parse().ok()?,
        None => Decimal::ZERO,
    };
    if !(0..60).contains(&minutes) || seconds < Decimal::ZERO || seconds >= Decimal::from(60) {
        return None;
    }
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hours) {
                return None;
            }
            hours %= 12;
            if pm {
                hours += 12;
            }
        }
        None if !(0..10000).contains(&hours) => return None,
        None => {}
    }
    time_fraction(hours, minutes, seconds)
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

    #[test]
    fn text_dates_and_times() {
        assert_eq!(
            parse_date_time_text("2024-01-31"),
            Some(Decimal::from(45322))
        );
        assert_eq!(
            parse_date_time_text("1/31/2024"),
            Some(Decimal::from(45322))
        );
        assert_eq!(parse_date_time_text("12:00"), Some(Decimal::new(5, 1)));
        assert_eq!(parse_date_time_text("6:00 PM"), Some(Decimal::new(75, 2)));
        assert_eq!(parse_date_time_text("2024-02-30"), None);
        assert_eq!(parse_date_time_text("hello"), None);
    }
}
