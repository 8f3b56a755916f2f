//! A calendar date as a day number, with ISO 8601 text (`2026-11-28`) in JSON.
//! Rules never read a clock: the caller passes "today", so they stay pure and testable,
//! and no date crate (chrono is ~100 KB of wasm) is needed for adding days and comparing.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Days since 1970-01-01 (proleptic Gregorian). `Date(0)` is 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(pub u32);

impl Date {
    /// The date of a year, month (1–12) and day (1–31); None for a date that doesn't exist
    /// or lies before 1970.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400) as u32;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = i64::from(era) * 146_097 + i64::from(doe) - 719_468;
        u32::try_from(days).ok().map(Date)
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097) as u32;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe as i64 + era * 400 + i64::from(m <= 2);
        (y as i32, m, d)
    }

    /// `YYYY-MM-DD`, exactly; None for anything else.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    pub fn add_days(self, days: u32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// Whole days from `self` to `later` (0 when `later` is not after `self`).
    pub fn days_until(self, later: Date) -> u32 {
        later.0.saturating_sub(self.0)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom("expected a YYYY-MM-DD date"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(Date(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_ymd(2000, 3, 1).unwrap().0, 11_017);
        assert_eq!(
            Date::from_ymd(2026, 11, 28).unwrap().to_string(),
            "2026-11-28"
        );
        assert_eq!(
            Date::from_ymd(2024, 2, 29).unwrap().add_days(1).to_string(),
            "2024-03-01"
        );
        assert_eq!(Date::from_ymd(2023, 2, 29), None);
        assert_eq!(Date::from_ymd(1900, 2, 29), None);
        assert!(Date::from_ymd(2000, 2, 29).is_some());
        assert_eq!(Date::from_ymd(1969, 12, 31), None);
        assert_eq!(Date::from_ymd(2026, 13, 1), None);
    }

    #[test]
    fn iso_text_round_trips_and_rejects_other_shapes() {
        for s in ["1970-01-01", "2024-02-29", "2099-12-31", "2026-01-09"] {
            assert_eq!(Date::parse_iso(s).unwrap().to_string(), s);
        }
        for bad in [
            "2026-1-09",
            "2026/01/09",
            "26-01-09",
            "2026-02-30",
            "２０２６-01-01",
            "+026-01-01",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        let d: Date = serde_json::from_str("\"2026-11-28\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-28\"");
        assert!(serde_json::from_str::<Date>("\"28.11.2026\"").is_err());
    }

    #[test]
    fn every_day_for_three_centuries_round_trips() {
        let end = Date::from_ymd(2270, 1, 1).unwrap().0;
        for n in 0..end {
            let (y, m, d) = Date(n).ymd();
            assert_eq!(Date::from_ymd(y, m, d), Some(Date(n)));
        }
    }

    #[test]
    fn day_arithmetic() {
        let a = Date::from_ymd(2026, 1, 1).unwrap();
        assert_eq!(a.add_days(90).to_string(), "2026-04-01");
        assert_eq!(a.days_until(a.add_days(730)), 730);
        assert_eq!(a.add_days(5).days_until(a), 0);
    }
}
