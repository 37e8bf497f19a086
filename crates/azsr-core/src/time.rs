//! Date-times of `started`, UTC offsets and time zones.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

use crate::{Config, Form};

/// A parsed `started` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Started {
    pub datetime: DateTime,
    /// `None` when the value carries no offset.
    pub offset: Option<Offset>,
}

impl Started {
    /// The instant, reading a value without offset in `fallback`.
    pub fn timestamp(&self, fallback: Offset) -> Option<Timestamp> {
        let offset = self.offset.unwrap_or(fallback);
        offset.to_timestamp(self.datetime).ok()
    }
}

/// The UTC offset a `started` value without one is read in: the configuration's
/// `time_zone` (an offset or a zone name), else `contact.time_zone`'s offset on that
/// date, else UTC. The one reading of `started`: `start-time`, `start-time-offset` and
/// the inlay hint all go through it.
pub fn started_offset(config: &Config, form: Option<Form>, dt: DateTime) -> Offset {
    if let Some(tz) = config.time_zone.as_deref() {
        if let Some(o) = parse_offset(tz) {
            return o;
        }
        if let Some(zone) = time_zone(tz) {
            return offset_at(&zone, dt);
        }
    }
    form.and_then(|f| f.contact("time_zone"))
        .and_then(|e| e.value.text())
        .and_then(time_zone)
        .map_or(Offset::UTC, |zone| offset_at(&zone, dt))
}

/// The instant of the form's `started` value, read as [`started_offset`] says; `None`
/// when there is none or it is no date-time.
pub fn started_instant(config: &Config, form: Form) -> Option<Timestamp> {
    let started = parse_started(form.str("started")?)?;
    started.timestamp(started_offset(config, Some(form), started.datetime))
}

/// Parses RFC 3339 / ISO 8601 date-times with `T` or a space, with or without
/// seconds and fraction, with `Z`, `±HH:MM`, `±HHMM`, `±HH` or no offset.
/// A date alone is not a date-time.
pub fn parse_started(value: &str) -> Option<Started> {
    let v = value.trim();
    let (date, rest) = v.split_at_checked(10)?;
    let date: jiff::civil::Date = date.parse().ok()?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    // split time and offset
    let off_at = rest.find(['Z', 'z', '+', '-']);
    let (time, off) = match off_at {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    let time = time.trim();
    let time: jiff::civil::Time = if time.len() == 5 {
        format!("{time}:00").parse().ok()?
    } else {
        time.parse().ok()?
    };
    let offset = match off {
        None => None,
        Some(o) => Some(parse_offset(o)?),
    };
    Some(Started {
        datetime: date.to_datetime(time),
        offset,
    })
}

/// `Z`, `+09:00`, `+0900`, `+09`, `-05:30`.
pub fn parse_offset(s: &str) -> Option<Offset> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") {
        return Some(Offset::UTC);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !(digits.len() == 2 || digits.len() == 4) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = if digits.len() == 4 {
        digits[2..].parse().ok()?
    } else {
        0
    };
    if h > 18 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// Formats an offset as `+09:00`.
pub fn format_offset(offset: Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
}

/// Windows time zone names (as the support API takes them) to IANA names, after
/// CLDR's windowsZones.xml, territory "001" (the zone each Windows name stands for).
pub const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("UTC-11", "Etc/GMT+11"),
    ("Aleutian Standard Time", "America/Adak"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Marquesas Standard Time", "Pacific/Marquesas"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("UTC-09", "Etc/GMT+9"),
    ("Pacific Standard Time (Mexico)", "America/Tijuana"),
    ("UTC-08", "Etc/GMT+8"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time (Mexico)", "America/Mazatlan"),
    ("Mountain Standard Time", "America/Denver"),
    ("Yukon Standard Time", "America/Whitehorse"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Central Standard Time", "America/Chicago"),
    ("Easter Island Standard Time", "Pacific/Easter"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Eastern Standard Time (Mexico)", "America/Cancun"),
    ("Eastern Standard Time", "America/New_York"),
    ("Haiti Standard Time", "America/Port-au-Prince"),
    ("Cuba Standard Time", "America/Havana"),
    ("US Eastern Standard Time", "America/Indianapolis"),
    ("Turks And Caicos Standard Time", "America/Grand_Turk"),
    ("Paraguay Standard Time", "America/Asuncion"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("Central Brazilian Standard Time", "America/Cuiaba"),
    ("SA Western Standard Time", "America/La_Paz"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("Tocantins Standard Time", "America/Araguaina"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("SA Eastern Standard Time", "America/Cayenne"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("Greenland Standard Time", "America/Godthab"),
    ("Montevideo Standard Time", "America/Montevideo"),
    ("Magallanes Standard Time", "America/Punta_Arenas"),
    ("Saint Pierre Standard Time", "America/Miquelon"),
    ("Bahia Standard Time", "America/Bahia"),
    ("UTC-02", "Etc/GMT+2"),
    ("Azores Standard Time", "Atlantic/Azores"),
    ("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
    ("UTC", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("Sao Tome Standard Time", "Africa/Sao_Tome"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("Jordan Standard Time", "Asia/Amman"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Middle East Standard Time", "Asia/Beirut"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("Syria Standard Time", "Asia/Damascus"),
    ("West Bank Standard Time", "Asia/Hebron"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("South Sudan Standard Time", "Africa/Juba"),
    ("Kaliningrad Standard Time", "Europe/Kaliningrad"),
    ("Sudan Standard Time", "Africa/Khartoum"),
    ("Libya Standard Time", "Africa/Tripoli"),
    ("Namibia Standard Time", "Africa/Windhoek"),
    ("Arabic Standard Time", "Asia/Baghdad"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Belarus Standard Time", "Europe/Minsk"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Volgograd Standard Time", "Europe/Volgograd"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Astrakhan Standard Time", "Europe/Astrakhan"),
    ("Azerbaijan Standard Time", "Asia/Baku"),
    ("Russia Time Zone 3", "Europe/Samara"),
    ("Mauritius Standard Time", "Indian/Mauritius"),
    ("Saratov Standard Time", "Europe/Saratov"),
    ("Georgian Standard Time", "Asia/Tbilisi"),
    ("Caucasus Standard Time", "Asia/Yerevan"),
    ("Afghanistan Standard Time", "Asia/Kabul"),
    ("West Asia Standard Time", "Asia/Tashkent"),
    ("Qyzylorda Standard Time", "Asia/Qyzylorda"),
    ("Ekaterinburg Standard Time", "Asia/Yekaterinburg"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Sri Lanka Standard Time", "Asia/Colombo"),
    ("Nepal Standard Time", "Asia/Katmandu"),
    ("Central Asia Standard Time", "Asia/Bishkek"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("Omsk Standard Time", "Asia/Omsk"),
    ("Myanmar Standard Time", "Asia/Rangoon"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("Altai Standard Time", "Asia/Barnaul"),
    ("W. Mongolia Standard Time", "Asia/Hovd"),
    ("North Asia Standard Time", "Asia/Krasnoyarsk"),
    ("N. Central Asia Standard Time", "Asia/Novosibirsk"),
    ("Tomsk Standard Time", "Asia/Tomsk"),
    ("China Standard Time", "Asia/Shanghai"),
    ("North Asia East Standard Time", "Asia/Irkutsk"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"),
    ("Aus Central W. Standard Time", "Australia/Eucla"),
    ("Transbaikal Standard Time", "Asia/Chita"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("North Korea Standard Time", "Asia/Pyongyang"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Yakutsk Standard Time", "Asia/Yakutsk"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("West Pacific Standard Time", "Pacific/Port_Moresby"),
    ("Tasmania Standard Time", "Australia/Hobart"),
    ("Vladivostok Standard Time", "Asia/Vladivostok"),
    ("Lord Howe Standard Time", "Australia/Lord_Howe"),
    ("Bougainville Standard Time", "Pacific/Bougainville"),
    ("Russia Time Zone 10", "Asia/Srednekolymsk"),
    ("Magadan Standard Time", "Asia/Magadan"),
    ("Norfolk Standard Time", "Pacific/Norfolk"),
    ("Sakhalin Standard Time", "Asia/Sakhalin"),
    ("Central Pacific Standard Time", "Pacific/Guadalcanal"),
    ("Russia Time Zone 11", "Asia/Kamchatka"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("UTC+12", "Etc/GMT-12"),
    ("Fiji Standard Time", "Pacific/Fiji"),
    ("Chatham Islands Standard Time", "Pacific/Chatham"),
    ("UTC+13", "Etc/GMT-13"),
    ("Tonga Standard Time", "Pacific/Tongatapu"),
    ("Samoa Standard Time", "Pacific/Apia"),
    ("Line Islands Standard Time", "Pacific/Kiritimati"),
];

/// Resolves a `contact.time_zone` value: a Windows name (case-insensitive) or an IANA name.
pub fn time_zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    let iana = WINDOWS_ZONES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(name))
        .map_or(name, |(_, i)| i);
    TimeZone::get(iana).ok()
}

/// True for a Windows time zone name the support API takes.
pub fn is_windows_zone(name: &str) -> bool {
    WINDOWS_ZONES
        .iter()
        .any(|(w, _)| w.eq_ignore_ascii_case(name.trim()))
}

/// The UTC offset of `zone` at the civil date-time `dt`.
pub fn offset_at(zone: &TimeZone, dt: DateTime) -> Offset {
    zone.to_ambiguous_zoned_datetime(dt)
        .compatible()
        .map_or(Offset::UTC, |z| z.offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_started_forms() {
        assert!(parse_started("2023-11-27T13:05:00+09:00")
            .unwrap()
            .offset
            .is_some());
        assert!(parse_started("2023-11-27 13:05+09:00").is_some());
        assert!(parse_started("2023-11-27T04:05:00Z").is_some());
        assert!(parse_started("2023-11-27T13:05:00.123+0900").is_some());
        assert_eq!(parse_started("2023-11-27T13:05").unwrap().offset, None);
        assert!(parse_started("2023-11-27").is_none());
        assert!(parse_started("昨日の夜").is_none());
        assert!(parse_started("2023-13-27T13:05").is_none());
    }

    #[test]
    fn windows_and_iana_zones_give_offsets_with_dst() {
        let tokyo = time_zone("Tokyo Standard Time").unwrap();
        let dt = jiff::civil::date(2023, 11, 27).at(13, 5, 0, 0);
        assert_eq!(format_offset(offset_at(&tokyo, dt)), "+09:00");
        let ny = time_zone("Eastern Standard Time").unwrap();
        assert_eq!(
            format_offset(offset_at(
                &ny,
                jiff::civil::date(2023, 7, 1).at(12, 0, 0, 0)
            )),
            "-04:00"
        );
        assert_eq!(
            format_offset(offset_at(
                &ny,
                jiff::civil::date(2023, 1, 1).at(12, 0, 0, 0)
            )),
            "-05:00"
        );
        assert!(time_zone("Asia/Tokyo").is_some());
        assert!(time_zone("Mars Standard Time").is_none());
    }
}
