//! Which moment NOW() and TODAY() see in an imported workbook. Excel saved the values of
//! TODAY() cells on the day the file was last saved, so comparing with them needs the
//! workbook's clock fixed to that time: `dcterms:modified` of `docProps/core.xml`
//! (W3C date-time, normally UTC, e.g. `2024-11-26T08:49:27Z`).

use rust_decimal::Decimal;

use crate::datetime::{serial_from_ymd, time_fraction, ymd_from_serial};

/// The clock of an imported workbook.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clock {
    /// The computer's clock (what Excel does when it opens the file).
    #[default]
    System,
    /// The time the file was last saved (UTC), so TODAY() agrees with the values Excel saved;
    /// the computer's clock when the file does not say.
    Saved,
    /// A fixed Excel serial date-time (`45000.5` is 2023-03-15 12:00).
    Fixed(Decimal),
}

impl Clock {
    /// `system`, `saved`, an Excel serial (`45000.5`) or an ISO date-time
    /// (`2024-11-26T08:49:27Z`, `2024-11-26 08:49`, `2024-11-26`).
    pub fn parse(text: &str) -> Result<Clock, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("system") || t.eq_ignore_ascii_case("now") {
            return Ok(Clock::System);
        }
        if t.eq_ignore_ascii_case("saved") {
            return Ok(Clock::Saved);
        }
        if let Ok(serial) = t.parse::<Decimal>() {
            return Ok(Clock::Fixed(serial));
        }
        parse_w3c_date_time(t).map(Clock::Fixed).ok_or_else(|| {
            format!(
                "'{text}' is not a time: use 'saved', 'system', an Excel serial such as 45000.5 \
                 or a date-time such as 2024-11-26T08:49:27Z"
            )
        })
    }
}

/// A W3C/ISO 8601 date-time (`2024-11-26T08:49:27Z`, `2024-11-26T10:49:27.5+02:00`,
/// `2024-11-26 08:49`, `2024-11-26`) as an Excel serial in UTC (without a zone: as written).
pub fn parse_w3c_date_time(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', 't', ' ']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (text, None),
    };
    let mut fields = date.splitn(3, '-');
    let mut number = |len: std::ops::RangeInclusive<usize>| -> Option<i64> {
        let field = fields.next()?;
        (len.contains(&field.len()) && field.bytes().all(|b| b.is_ascii_digit()))
            .then(|| field.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(4..=4)?, number(1..=2)?, number(1..=2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = Decimal::from(serial_from_ymd(year, month, day)?);
    let Some(time) = time.filter(|t| !t.is_empty()) else {
        return Some(days);
    };
    let (clock, offset_minutes) = split_zone(time)?;
    let day_fraction = time_of_day(clock)?;
    let offset = Decimal::from(offset_minutes) / Decimal::from(1440);
    days.checked_add(day_fraction)?.checked_sub(offset)
}

/// An Excel serial date-time as `2024-11-26 08:49:27` (to the second).
pub fn format_date_time(serial: Decimal) -> Option<String> {
    use rust_decimal::prelude::ToPrimitive;
    let seconds = (serial * Decimal::from(86_400)).round().to_i64()?;
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = ymd_from_serial(days)?;
    Some(format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    ))
}

/// `08:49:27Z` -> (`08:49:27`, 0); `10:49:27+02:00` -> (`10:49:27`, 120).
fn split_zone(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        return Some((clock, 0));
    }
    let Some(at) = time.rfind(['+', '-']) else {
        return Some((time, 0));
    };
    let (clock, zone) = time.split_at(at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let zone = zone.get(1..)?;
    let (hours, minutes) = zone.split_once(':').unwrap_or((zone, "0"));
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some((clock, sign * (hours * 60 + minutes)))
}

/// `08:49:27.5` or `08:49` as a fraction of a day.
fn time_of_day(clock: &str) -> Option<Decimal> {
    let mut parts = clock.splitn(3, ':');
    let hours: i64 = parts.next()?.parse().ok()?;
    let minutes: i64 = parts.next()?.parse().ok()?;
    let seconds: Decimal = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => Decimal::ZERO,
    };
    if !(0..24).contains(&hours) || !(0..60).contains(&minutes) || seconds >= Decimal::from(61) {
        return None;
    }
    time_fraction(hours, minutes, seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serial(text: &str) -> Option<String> {
        parse_w3c_date_time(text).map(|d| d.round_dp(8).normalize().to_string())
    }

    #[test]
    fn reads_w3c_date_times_as_utc_serials() {
        assert_eq!(serial("2024-11-26").as_deref(), Some("45622"));
        assert_eq!(serial("2024-11-26T12:00:00Z").as_deref(), Some("45622.5"));
        assert_eq!(
            serial("2024-11-26T14:00:00+02:00").as_deref(),
            Some("45622.5")
        );
        assert_eq!(
            serial("2024-11-26T06:30:00-05:30").as_deref(),
            Some("45622.5")
        );
        assert_eq!(serial("2024-11-26 18:00").as_deref(), Some("45622.75"));
        assert_eq!(serial("1900-03-01").as_deref(), Some("61"));
        for bad in [
            "2024-13-01",
            "2024-11-26T25:00:00Z",
            "yesterday",
            "24-11-26",
            "",
        ] {
            assert_eq!(serial(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_serials() {
        let t = parse_w3c_date_time("2024-11-26T08:49:27Z").unwrap_or_default();
        assert_eq!(format_date_time(t).as_deref(), Some("2024-11-26 08:49:27"));
    }

    #[test]
    fn parses_clock_arguments() {
        assert_eq!(Clock::parse("saved"), Ok(Clock::Saved));
        assert_eq!(Clock::parse("system"), Ok(Clock::System));
        assert_eq!(
            Clock::parse("45000.5"),
            Ok(Clock::Fixed(Decimal::new(450005, 1)))
        );
        assert_eq!(
            Clock::parse("2023-03-15T12:00:00Z"),
            Ok(Clock::Fixed(Decimal::new(450005, 1)))
        );
        assert!(Clock::parse("soon").is_err());
    }
}
