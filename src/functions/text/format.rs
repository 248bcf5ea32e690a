//! Excel number formats as TEXT, FIXED and DOLLAR apply them.
//!
//! Supported: digit placeholders `0 # ?`, thousands separators and scaling commas, percent,
//! scientific notation (including engineering `##0.0E+0`), fractions (`# ?/?`, `#/16`), literal
//! text (quoted, `\x`, and the characters Excel shows as they are), up to four sections
//! `positive;negative;zero;text` with optional conditions (`[>=1000]`), `General`, and date and
//! time codes (`yyyy-mm-dd`, `dddd`, `mmmm`, `h:mm AM/PM`, `[h]:mm:ss.000`...). Colors, locale
//! tags, fill (`*x`) and padding (`_x`, shown as a space) are accepted the way TEXT treats them.
//!
//! Numbers are shown at Excel's 15 significant digits and rounded half away from zero.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::datetime;
use crate::numeric;
use crate::value::{ErrorKind, Value};

/// Excel refuses number formats longer than this.
const MAX_FORMAT_CHARS: usize = 255;
/// FIXED and DOLLAR show at most this many decimals.
const MAX_DECIMALS: i64 = 127;
/// Width of Excel's General format in a standard column (used for TEXT(x, "General")).
const GENERAL_WIDTH: usize = 11;
/// The largest serial Excel shows as a date (9999-12-31).
const MAX_DATE_SERIAL: i128 = 2_958_465;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

// ---------------------------------------------------------------------------------------------
// Entry points.
// ---------------------------------------------------------------------------------------------

/// TEXT(value, format_text): numbers (and text that reads as a number or date) are formatted;
/// other text goes through the text section, or unchanged when there is none.
pub(super) fn text(value: &Value, format_text: &str) -> Result<String, ErrorKind> {
    if let Value::Error(e) = value {
        return Err(*e);
    }
    let format = Format::parse(format_text)?;
    match value {
        Value::Number(n) => format.number(*n),
        Value::Empty => format.number(Decimal::ZERO),
        Value::Bool(b) => format.text(if *b { "TRUE" } else { "FALSE" }),
        Value::Text(s) => match numeric::parse_number_text(s) {
            Some(n) => format.number(n),
            None => format.text(s),
        },
        Value::Error(e) => Err(*e),
    }
}

/// FIXED(number, decimals, no_commas): `-1,234.57`.
pub(super) fn fixed(x: Decimal, decimals: i64, grouping: bool) -> Result<String, ErrorKind> {
    let (negative, body) = rounded_body(x, decimals, grouping)?;
    Ok(if negative { format!("-{body}") } else { body })
}

/// DOLLAR(number, decimals): `$1,234.57`, negatives in parentheses as in the en-US locale.
pub(super) fn dollar(x: Decimal, decimals: i64) -> Result<String, ErrorKind> {
    let (negative, body) = rounded_body(x, decimals, true)?;
    Ok(if negative {
        format!("(${body})")
    } else {
        format!("${body}")
    })
}

/// Rounds `x` to `decimals` places (negative: tens, hundreds...) and writes its magnitude with
/// exactly `max(decimals, 0)` decimals; also says whether the rounded value is negative.
fn rounded_body(x: Decimal, decimals: i64, grouping: bool) -> Result<(bool, String), ErrorKind> {
    if decimals > MAX_DECIMALS {
        return Err(ErrorKind::Value);
    }
    let rounded = numeric::round_half_away(numeric::snap15(x), decimals.max(-40))?;
    let places = decimals.max(0) as usize;
    let (int_digits, frac_digits) = split_digits(rounded.abs(), places);
    let int_text = if int_digits.is_empty() {
        "0".to_string()
    } else if grouping {
        group_thousands(&int_digits)
    } else {
        int_digits
    };
    let body = if places > 0 {
        format!("{int_text}.{frac_digits}")
    } else {
        int_text
    };
    Ok((rounded < Decimal::ZERO, body))
}

fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tokens.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placeholder {
    /// `0`: a digit, or 0.
    Zero,
    /// `#`: a significant digit only.
    Hash,
    /// `?`: a significant digit, or a space.
    Question,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Hours,
    Minutes,
    Seconds,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateCode {
    Year(usize),
    /// `m`..`mmmmm`; `m`/`mm` next to hours or seconds become [`DateCode::Minute`].
    Month(usize),
    Minute(usize),
    Day(usize),
    Hour(usize),
    Second(usize),
    AmPm {
        upper: bool,
        short: bool,
    },
    /// `[h]`, `[mm]`, `[ss]`: elapsed time, not wrapped at a day/hour/minute.
    Elapsed(Unit, usize),
    /// `.0`, `.00`, `.000` after seconds.
    SubSecond(usize),
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Lit(String),
    Digit(Placeholder),
    Point,
    Comma,
    Percent,
    Exp { always_sign: bool, upper: bool },
    Slash,
    At,
    General,
    Date(DateCode),
}

impl Tok {
    /// The token shown as plain text (in text sections).
    fn literal(&self) -> String {
        match self {
            Tok::Lit(s) => s.clone(),
            Tok::Point => ".".into(),
            Tok::Comma => ",".into(),
            Tok::Percent => "%".into(),
            Tok::Slash => "/".into(),
            _ => String::new(),
        }
    }

    fn is_placeholder(&self) -> bool {
        matches!(self, Tok::Digit(_))
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Condition {
    op: CmpOp,
    value: Decimal,
}

impl Condition {
    fn holds(&self, x: Decimal) -> bool {
        let ord = numeric::compare_15(x, self.value);
        use std::cmp::Ordering::*;
        match self.op {
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::Ge => ord != Less,
            CmpOp::Eq => ord == Equal,
            CmpOp::Ne => ord != Equal,
        }
    }

    /// A condition such as `[<0]` selects only negative numbers, which are then shown without
    /// an automatic minus sign (the section itself says how negatives look).
    fn only_negative(&self) -> bool {
        match self.op {
            CmpOp::Lt => self.value <= Decimal::ZERO,
            CmpOp::Le => self.value < Decimal::ZERO,
            _ => false,
        }
    }
}

#[derive(Default)]
struct RawSection {
    tokens: Vec<Tok>,
    condition: Option<Condition>,
}

/// Splits a format into sections of tokens. Unbalanced quotes or brackets are `#VALUE!`.
fn tokenize(format: &str) -> Result<Vec<RawSection>, ErrorKind> {
    let chars: Vec<char> = format.chars().collect();
    let mut sections = vec![RawSection::default()];
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let rest = chars.get(i..).unwrap_or(&[]);
        let Some(section) = sections.last_mut() else {
            return Err(ErrorKind::Value);
        };
        i += 1;
        match c {
            ';' => sections.push(RawSection::default()),
            '"' => {
                let (literal, used) = until(&chars, i, '"')?;
                section.tokens.push(Tok::Lit(literal));
                i += used;
            }
            '\\' => {
                if let Some(&next) = chars.get(i) {
                    section.tokens.push(Tok::Lit(next.to_string()));
                    i += 1;
                }
            }
            '_' => {
                // Padding the width of the next character: TEXT shows a space.
                i += 1;
                section.tokens.push(Tok::Lit(" ".into()));
            }
            '*' => i += 1, // Fill character: TEXT has no width to fill.
            '[' => {
                let (content, used) = until(&chars, i, ']')?;
                i += used;
                bracket(&content, section)?;
            }
            'E' | 'e' if matches!(chars.get(i), Some('+') | Some('-')) => {
                section.tokens.push(Tok::Exp {
                    always_sign: chars.get(i) == Some(&'+'),
                    upper: c == 'E',
                });
                i += 1;
            }
            'G' | 'g' if starts_with_ci(rest, "general") => {
                section.tokens.push(Tok::General);
                i += "general".len() - 1;
            }
            'A' | 'a' if starts_with_ci(rest, "am/pm") => {
                section.tokens.push(Tok::Date(DateCode::AmPm {
                    upper: c == 'A',
                    short: false,
                }));
                i += "am/pm".len() - 1;
            }
            'A' | 'a' if starts_with_ci(rest, "a/p") => {
                section.tokens.push(Tok::Date(DateCode::AmPm {
                    upper: c == 'A',
                    short: true,
                }));
                i += "a/p".len() - 1;
            }
            'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' => {
                let lower = c.to_ascii_lowercase();
                let count = rest
                    .iter()
                    .take_while(|ch| ch.to_ascii_lowercase() == lower)
                    .count();
                i += count - 1;
                section.tokens.push(Tok::Date(match lower {
                    'y' => DateCode::Year(count),
                    'm' => DateCode::Month(count),
                    'd' => DateCode::Day(count),
                    'h' => DateCode::Hour(count),
                    _ => DateCode::Second(count),
                }));
            }
            other => section.tokens.push(simple_token(other)),
        }
    }
    Ok(sections)
}

/// The characters from `start` up to `end` (exclusive), and how many characters that used
/// including `end`; `#VALUE!` when `end` never comes.
fn until(chars: &[char], start: usize, end: char) -> Result<(String, usize), ErrorKind> {
    let rest = chars.get(start..).unwrap_or(&[]);
    let len = rest
        .iter()
        .position(|&c| c == end)
        .ok_or(ErrorKind::Value)?;
    Ok((rest.iter().take(len).collect(), len + 1))
}

fn simple_token(c: char) -> Tok {
    match c {
        '0' => Tok::Digit(Placeholder::Zero),
        '#' => Tok::Digit(Placeholder::Hash),
        '?' => Tok::Digit(Placeholder::Question),
        '.' => Tok::Point,
        ',' => Tok::Comma,
        '%' => Tok::Percent,
        '/' => Tok::Slash,
        '@' => Tok::At,
        other => Tok::Lit(other.to_string()),
    }
}

fn starts_with_ci(chars: &[char], word: &str) -> bool {
    let mut it = chars.iter();
    word.chars()
        .all(|w| it.next().is_some_and(|c| c.to_ascii_lowercase() == w))
}

/// `[Red]`, `[Color5]`, `[$€-407]`, `[>=100]`, `[h]`, `[mm]`, `[ss]`...
fn bracket(content: &str, section: &mut RawSection) -> Result<(), ErrorKind> {
    if let Some(currency) = content.strip_prefix('$') {
        let symbol = currency.split('-').next().unwrap_or("");
        if !symbol.is_empty() {
            section.tokens.push(Tok::Lit(symbol.to_string()));
        }
        return Ok(());
    }
    if content.starts_with(['<', '>', '=']) {
        section.condition = Some(parse_condition(content)?);
        return Ok(());
    }
    let lower = content.to_ascii_lowercase();
    if let Some(first) = lower.chars().next() {
        if lower.chars().all(|c| c == first) {
            let unit = match first {
                'h' => Some(Unit::Hours),
                'm' => Some(Unit::Minutes),
                's' => Some(Unit::Seconds),
                _ => None,
            };
            if let Some(unit) = unit {
                section
                    .tokens
                    .push(Tok::Date(DateCode::Elapsed(unit, lower.len())));
            }
        }
    }
    // Colors, [DBNum1], locale tags: no effect on the text.
    Ok(())
}

fn parse_condition(content: &str) -> Result<Condition, ErrorKind> {
    let (op, rest) = if let Some(r) = content.strip_prefix("<=") {
        (CmpOp::Le, r)
    } else if let Some(r) = content.strip_prefix(">=") {
        (CmpOp::Ge, r)
    } else if let Some(r) = content.strip_prefix("<>") {
        (CmpOp::Ne, r)
    } else if let Some(r) = content.strip_prefix('<') {
        (CmpOp::Lt, r)
    } else if let Some(r) = content.strip_prefix('>') {
        (CmpOp::Gt, r)
    } else if let Some(r) = content.strip_prefix('=') {
        (CmpOp::Eq, r)
    } else {
        return Err(ErrorKind::Value);
    };
    let value = numeric::parse_number_text(rest).ok_or(ErrorKind::Value)?;
    Ok(Condition { op, value })
}

// ---------------------------------------------------------------------------------------------
// Sections.
// ---------------------------------------------------------------------------------------------

enum Body {
    Number(NumberFormat),
    Date(DateFormat),
    Text(Vec<Tok>),
}

struct Section {
    body: Body,
    condition: Option<Condition>,
}

/// A parsed format: up to three numeric sections and an optional text section.
pub(super) struct Format {
    numeric: Vec<Section>,
    text: Option<Section>,
}

impl Format {
    pub(super) fn parse(format: &str) -> Result<Format, ErrorKind> {
        if format.chars().count() > MAX_FORMAT_CHARS {
            return Err(ErrorKind::Value);
        }
        let raw = tokenize(format)?;
        if raw.len() > 4 {
            return Err(ErrorKind::Value);
        }
        let count = raw.len();
        let mut numeric = Vec::new();
        let mut text = None;
        for (i, section) in raw.into_iter().enumerate() {
            let has_at = section.tokens.contains(&Tok::At);
            if i == 3 || has_at {
                // A text section among the first three cannot be followed by a fourth.
                if text.is_some() || (has_at && i < 3 && count == 4) {
                    return Err(ErrorKind::Value);
                }
                text = Some(Section {
                    body: Body::Text(text_section(section.tokens)?),
                    condition: None,
                });
            } else {
                numeric.push(Section {
                    body: classify(section.tokens)?,
                    condition: section.condition,
                });
            }
        }
        Ok(Format { numeric, text })
    }

    /// Formats a number: picks the section by sign or condition.
    fn number(&self, x: Decimal) -> Result<String, ErrorKind> {
        let Some((section, auto_sign)) = self.pick(x) else {
            let body = general_fit(x.abs());
            return Ok(if x < Decimal::ZERO {
                format!("-{body}")
            } else {
                body
            });
        };
        let value = if auto_sign { x } else { x.abs() };
        match &section.body {
            Body::Number(f) => {
                let body = f.render(value.abs())?;
                Ok(if value < Decimal::ZERO {
                    format!("-{body}")
                } else {
                    body
                })
            }
            Body::Date(f) => f.render(value),
            Body::Text(_) => Err(ErrorKind::Value),
        }
    }

    /// The section for `x`, and whether a negative `x` gets an automatic minus sign.
    fn pick(&self, x: Decimal) -> Option<(&Section, bool)> {
        let n = &self.numeric;
        if n.iter().any(|s| s.condition.is_some()) {
            return self.pick_by_condition(x);
        }
        let negative = x < Decimal::ZERO;
        match n.len() {
            0 => None,
            1 => n.first().map(|s| (s, true)),
            2 => {
                if negative {
                    n.get(1).map(|s| (s, false))
                } else {
                    n.first().map(|s| (s, false))
                }
            }
            _ => {
                if negative {
                    n.get(1).map(|s| (s, false))
                } else if x.is_zero() {
                    n.get(2).map(|s| (s, false))
                } else {
                    n.first().map(|s| (s, false))
                }
            }
        }
    }

    /// `[<=1]"low";[<=2]"mid";"high"`: the first two sections are tried in order, the third
    /// (or a second without condition) takes everything else.
    fn pick_by_condition(&self, x: Decimal) -> Option<(&Section, bool)> {
        let n = &self.numeric;
        fn with_sign(s: &Section) -> (&Section, bool) {
            (s, !s.condition.is_some_and(|c| c.only_negative()))
        }
        for (i, section) in n.iter().take(2).enumerate() {
            match section.condition {
                Some(c) if c.holds(x) => return Some(with_sign(section)),
                None if i == 1 && n.len() == 2 => return Some(with_sign(section)),
                _ => {}
            }
        }
        n.get(2).or(n.last()).map(|s| (s, true))
    }

    /// Formats text: through the text section (`@` is the text), or unchanged.
    fn text(&self, s: &str) -> Result<String, ErrorKind> {
        match self.text.as_ref().map(|sec| &sec.body) {
            Some(Body::Text(tokens)) => Ok(tokens
                .iter()
                .map(|t| match t {
                    Tok::At => s.to_string(),
                    other => other.literal(),
                })
                .collect()),
            _ => Ok(s.to_string()),
        }
    }
}

/// A text section may hold only literals and `@`.
fn text_section(tokens: Vec<Tok>) -> Result<Vec<Tok>, ErrorKind> {
    let invalid = tokens.iter().any(|t| {
        matches!(
            t,
            Tok::Digit(_) | Tok::Exp { .. } | Tok::General | Tok::Date(_)
        )
    });
    if invalid {
        return Err(ErrorKind::Value);
    }
    Ok(tokens)
}

/// A section is a date section if it has date or time codes, else a number section; mixing
/// them (or `@`) is `#VALUE!`, as in Excel.
fn classify(tokens: Vec<Tok>) -> Result<Body, ErrorKind> {
    if tokens.iter().any(|t| matches!(t, Tok::Date(_))) {
        return Ok(Body::Date(DateFormat::new(tokens)?));
    }
    Ok(Body::Number(NumberFormat::new(tokens)?))
}

// ---------------------------------------------------------------------------------------------
// Number sections.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Lit(String),
    Int(Placeholder),
    Point,
    Frac(Placeholder),
    ExpMark { always_sign: bool, upper: bool },
    ExpDigit(Placeholder),
    General,
    Numerator(Placeholder),
    FractionSlash,
    Denominator(Placeholder),
    FixedDenominator(u32),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Int,
    Frac,
    Exp,
}

#[derive(Default)]
struct NumberFormat {
    items: Vec<Item>,
    /// Digit placeholders of the integer part, left to right.
    int_places: Vec<Placeholder>,
    frac_places: usize,
    exp_places: Vec<Placeholder>,
    numerator_places: Vec<Placeholder>,
    denominator_places: usize,
    grouping: bool,
    percents: u32,
    scale_thousands: u32,
    exponent: bool,
    fraction: bool,
    general: bool,
}

impl NumberFormat {
    fn new(tokens: Vec<Tok>) -> Result<NumberFormat, ErrorKind> {
        let mut f = NumberFormat {
            percents: tokens.iter().filter(|t| **t == Tok::Percent).count() as u32,
            ..NumberFormat::default()
        };
        if tokens.contains(&Tok::General) {
            f.general = true;
            f.items = tokens
                .iter()
                .map(|t| match t {
                    Tok::General => Item::General,
                    Tok::Digit(p) => Item::Lit(placeholder_char(*p).to_string()),
                    other => Item::Lit(other.literal()),
                })
                .collect();
            return Ok(f);
        }
        if let Some(slash) = fraction_slash(&tokens) {
            f.fraction_layout(&tokens, slash)?;
            return Ok(f);
        }
        f.decimal_layout(&tokens)?;
        Ok(f)
    }

    /// Digits, decimal point, exponent: assigns every token its part of the number and decides
    /// what each comma means.
    fn decimal_layout(&mut self, tokens: &[Tok]) -> Result<(), ErrorKind> {
        let mut phase = Phase::Int;
        let mut phases = Vec::with_capacity(tokens.len());
        for tok in tokens {
            match tok {
                Tok::Point if phase == Phase::Int => phase = Phase::Frac,
                Tok::Point if phase == Phase::Exp => return Err(ErrorKind::Value),
                Tok::Exp { .. } if phase == Phase::Exp => return Err(ErrorKind::Value),
                Tok::Exp { .. } => phase = Phase::Exp,
                _ => {}
            }
            phases.push(phase);
        }
        let decimal_point = phases.iter().position(|p| *p == Phase::Frac);
        for (i, tok) in tokens.iter().enumerate() {
            let phase = phases.get(i).copied().unwrap_or(Phase::Int);
            let item = match tok {
                Tok::Digit(p) => match phase {
                    Phase::Int => {
                        self.int_places.push(*p);
                        Item::Int(*p)
                    }
                    Phase::Frac => {
                        self.frac_places += 1;
                        Item::Frac(*p)
                    }
                    Phase::Exp => {
                        self.exp_places.push(*p);
                        Item::ExpDigit(*p)
                    }
                },
                Tok::Point if Some(i) == decimal_point => Item::Point,
                Tok::Exp { always_sign, upper } => {
                    self.exponent = true;
                    Item::ExpMark {
                        always_sign: *always_sign,
                        upper: *upper,
                    }
                }
                Tok::Comma => match self.comma_role(tokens, &phases, i) {
                    CommaRole::Literal => Item::Lit(",".into()),
                    CommaRole::Grouping => {
                        self.grouping = true;
                        continue;
                    }
                    CommaRole::Scaling => {
                        self.scale_thousands += 1;
                        continue;
                    }
                    CommaRole::Silent => continue,
                },
                other => Item::Lit(other.literal()),
            };
            self.items.push(item);
        }
        if self.exponent && self.exp_places.is_empty() {
            return Err(ErrorKind::Value);
        }
        Ok(())
    }

    /// What a comma means: between two integer placeholders it turns on thousands separators;
    /// after the last placeholder it divides by 1000; after a placeholder elsewhere it is
    /// dropped; anywhere else it is shown.
    fn comma_role(&self, tokens: &[Tok], phases: &[Phase], i: usize) -> CommaRole {
        let mut start = i;
        while start > 0 && tokens.get(start - 1) == Some(&Tok::Comma) {
            start -= 1;
        }
        let after_placeholder = start > 0 && tokens.get(start - 1).is_some_and(Tok::is_placeholder);
        if !after_placeholder {
            return CommaRole::Literal;
        }
        let phase = phases.get(i).copied().unwrap_or(Phase::Int);
        let mut end = i;
        while tokens.get(end) == Some(&Tok::Comma) {
            end += 1;
        }
        if phase == Phase::Exp {
            return CommaRole::Literal;
        }
        if tokens.get(end).is_some_and(Tok::is_placeholder) && phases.get(end) == Some(&phase) {
            return if phase == Phase::Int {
                CommaRole::Grouping
            } else {
                CommaRole::Silent
            };
        }
        let more_digits_in_part = tokens
            .iter()
            .zip(phases)
            .skip(end)
            .any(|(t, p)| t.is_placeholder() && *p == phase);
        if more_digits_in_part {
            CommaRole::Silent
        } else {
            CommaRole::Scaling
        }
    }

    /// `# ??/??`, `?/?`, `# #/16`: integer part (optional), numerator, slash, denominator.
    fn fraction_layout(&mut self, tokens: &[Tok], slash: usize) -> Result<(), ErrorKind> {
        self.fraction = true;
        let mut num_start = slash;
        while num_start > 0 && tokens.get(num_start - 1).is_some_and(Tok::is_placeholder) {
            num_start -= 1;
        }
        for (i, tok) in tokens.iter().enumerate() {
            let item = match tok {
                Tok::Digit(p) if i < num_start => {
                    self.int_places.push(*p);
                    Item::Int(*p)
                }
                Tok::Digit(p) if i < slash => {
                    self.numerator_places.push(*p);
                    Item::Numerator(*p)
                }
                Tok::Slash if i == slash => Item::FractionSlash,
                Tok::Digit(p) if i > slash => {
                    self.denominator_places += 1;
                    Item::Denominator(*p)
                }
                Tok::Comma
                    if i > 0
                        && i < num_start
                        && tokens.get(i - 1).is_some_and(Tok::is_placeholder)
                        && tokens.get(i + 1).is_some_and(Tok::is_placeholder) =>
                {
                    self.grouping = true;
                    continue;
                }
                other => Item::Lit(other.literal()),
            };
            self.items.push(item);
        }
        // A fixed denominator: literal digits right after the slash.
        if self.denominator_places == 0 {
            let digits: String = tokens
                .iter()
                .skip(slash + 1)
                .map_while(|t| match t {
                    Tok::Lit(s) if s.chars().all(|c| c.is_ascii_digit()) => Some(s.as_str()),
                    _ => None,
                })
                .collect();
            let den: u32 = digits.parse().map_err(|_| ErrorKind::Value)?;
            if den == 0 {
                return Err(ErrorKind::Value);
            }
            // Replace the literal digits with the denominator item.
            let at = self
                .items
                .iter()
                .position(|it| *it == Item::FractionSlash)
                .unwrap_or(0);
            let mut consumed = 0;
            while consumed < digits.len() {
                match self.items.get(at + 1) {
                    Some(Item::Lit(s)) => {
                        consumed += s.len();
                        self.items.remove(at + 1);
                    }
                    _ => break,
                }
            }
            self.items.insert(at + 1, Item::FixedDenominator(den));
        }
        Ok(())
    }

    /// Formats a non-negative number.
    fn render(&self, x: Decimal) -> Result<String, ErrorKind> {
        let x = self.scaled(numeric::snap15(x))?;
        if self.general {
            let general = general_fit(x);
            return Ok(self
                .items
                .iter()
                .map(|it| match it {
                    Item::General => general.clone(),
                    Item::Lit(s) => s.clone(),
                    _ => String::new(),
                })
                .collect());
        }
        if self.fraction {
            return self.render_fraction(x);
        }
        let (mantissa, exponent) = if self.exponent {
            self.split_exponent(x)?
        } else {
            (x, 0)
        };
        let (int_digits, frac_digits) = split_digits(mantissa, self.frac_places);
        let int_texts = distribute(&int_digits, &self.int_places, self.grouping);
        let exp_digits = exponent.unsigned_abs().to_string();
        let exp_texts = distribute(&exp_digits, &self.exp_places, false);
        let frac: Vec<char> = frac_digits.chars().collect();
        let mut out = String::new();
        let (mut int_i, mut frac_i, mut exp_i) = (0, 0, 0);
        for item in &self.items {
            match item {
                Item::Lit(s) => out.push_str(s),
                Item::Int(_) => {
                    out.push_str(int_texts.get(int_i).map(String::as_str).unwrap_or(""));
                    int_i += 1;
                }
                Item::Point => {
                    if self.int_places.is_empty() {
                        out.push_str(&int_digits);
                    }
                    out.push('.');
                }
                Item::Frac(p) => {
                    let digit = frac.get(frac_i).copied().unwrap_or('0');
                    let significant = frac.iter().skip(frac_i).any(|&c| c != '0');
                    match p {
                        _ if significant => out.push(digit),
                        Placeholder::Zero => out.push(digit),
                        Placeholder::Question => out.push(' '),
                        Placeholder::Hash => {}
                    }
                    frac_i += 1;
                }
                Item::ExpMark { always_sign, upper } => {
                    out.push(if *upper { 'E' } else { 'e' });
                    if exponent < 0 {
                        out.push('-');
                    } else if *always_sign {
                        out.push('+');
                    }
                }
                Item::ExpDigit(_) => {
                    out.push_str(exp_texts.get(exp_i).map(String::as_str).unwrap_or(""));
                    exp_i += 1;
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// Percent signs multiply by 100, scaling commas divide by 1000.
    fn scaled(&self, mut x: Decimal) -> Result<Decimal, ErrorKind> {
        for _ in 0..self.percents {
            x = x
                .checked_mul(Decimal::ONE_HUNDRED)
                .ok_or(ErrorKind::Value)?;
        }
        for _ in 0..self.scale_thousands {
            x = x
                .checked_div(Decimal::ONE_THOUSAND)
                .ok_or(ErrorKind::Value)?;
        }
        Ok(x)
    }

    /// Mantissa and exponent: the mantissa has as many integer digits as there are integer
    /// placeholders, or, when they include `#`, the exponent is a multiple of their count
    /// (engineering notation).
    fn split_exponent(&self, x: Decimal) -> Result<(Decimal, i64), ErrorKind> {
        if x.is_zero() {
            return Ok((x, 0));
        }
        let k = self.int_places.len() as i64;
        let engineering = k > 1 && self.int_places.iter().any(|p| *p != Placeholder::Zero);
        let magnitude = exponent10(x);
        let mut exponent = if engineering {
            magnitude.div_euclid(k) * k
        } else if k == 0 {
            magnitude + 1
        } else {
            magnitude - (k - 1)
        };
        let limit = if engineering { k } else { k.max(0) };
        for _ in 0..2 {
            let mantissa = shift10(x, -exponent).ok_or(ErrorKind::Value)?;
            let rounded = round_places(mantissa, self.frac_places);
            let too_big = match shift10(Decimal::ONE, limit) {
                Some(bound) => rounded >= bound,
                None => false,
            };
            if !too_big {
                return Ok((mantissa, exponent));
            }
            exponent += if engineering { k } else { 1 };
        }
        let mantissa = shift10(x, -exponent).ok_or(ErrorKind::Value)?;
        Ok((mantissa, exponent))
    }

    fn render_fraction(&self, x: Decimal) -> Result<String, ErrorKind> {
        let has_int = !self.int_places.is_empty();
        let mut whole = if has_int { x.trunc() } else { Decimal::ZERO };
        let part = numeric::to_f64(x.checked_sub(whole).ok_or(ErrorKind::Value)?);
        let fixed = self.items.iter().find_map(|it| match it {
            Item::FixedDenominator(d) => Some(*d),
            _ => None,
        });
        let (mut num, den) = match fixed {
            Some(d) => ((part * f64::from(d)).round() as u64, u64::from(d)),
            None => {
                let places = self.denominator_places.clamp(1, 5) as u32;
                best_fraction(part, 10u64.pow(places) - 1)
            }
        };
        if has_int && num >= den {
            whole = whole.checked_add(Decimal::ONE).ok_or(ErrorKind::Value)?;
            num = 0;
        }
        let blank_fraction = has_int && num == 0;
        let int_digits = if whole.is_zero() && !blank_fraction {
            String::new()
        } else {
            whole.trunc().to_string()
        };
        let int_texts = distribute(&int_digits, &self.int_places, self.grouping);
        let num_digits = if blank_fraction {
            String::new()
        } else {
            num.to_string()
        };
        let num_texts = distribute(&num_digits, &self.numerator_places, false);
        let den_text = if blank_fraction {
            String::new()
        } else {
            den.to_string()
        };
        let den_width = den_text.chars().count();
        let mut out = String::new();
        let (mut int_i, mut num_i, mut den_i) = (0, 0, 0);
        for item in &self.items {
            match item {
                Item::Lit(s) => out.push_str(s),
                Item::Int(_) => {
                    out.push_str(int_texts.get(int_i).map(String::as_str).unwrap_or(""));
                    int_i += 1;
                }
                Item::Numerator(p) => {
                    let t = num_texts.get(num_i).cloned().unwrap_or_default();
                    out.push_str(&blank_if(blank_fraction, &t, *p));
                    num_i += 1;
                }
                Item::FractionSlash => out.push(if blank_fraction { ' ' } else { '/' }),
                Item::Denominator(p) => {
                    // Left-aligned: the first placeholder shows the denominator, the rest pad.
                    if den_i == 0 {
                        out.push_str(&den_text);
                    } else if den_i >= den_width {
                        out.push_str(&pad_for(*p));
                    }
                    if blank_fraction && den_i == 0 {
                        out.push_str(&pad_for(*p));
                    }
                    den_i += 1;
                }
                Item::FixedDenominator(d) => {
                    if blank_fraction {
                        out.push_str(&" ".repeat(d.to_string().len()));
                    } else {
                        out.push_str(&d.to_string());
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CommaRole {
    Literal,
    Grouping,
    Scaling,
    Silent,
}

fn placeholder_char(p: Placeholder) -> char {
    match p {
        Placeholder::Zero => '0',
        Placeholder::Hash => '#',
        Placeholder::Question => '?',
    }
}

/// What an empty digit position shows.
fn pad_for(p: Placeholder) -> String {
    match p {
        Placeholder::Zero => "0".into(),
        Placeholder::Question => " ".into(),
        Placeholder::Hash => String::new(),
    }
}

fn blank_if(blank: bool, text: &str, p: Placeholder) -> String {
    if blank {
        pad_for(p).replace('0', " ")
    } else {
        text.to_string()
    }
}

/// The slash of a fraction format: digit placeholders right before it and placeholders or
/// literal digits right after it, with no decimal point or exponent in the section.
fn fraction_slash(tokens: &[Tok]) -> Option<usize> {
    if tokens
        .iter()
        .any(|t| matches!(t, Tok::Point | Tok::Exp { .. }))
    {
        return None;
    }
    let slash = tokens.iter().position(|t| *t == Tok::Slash)?;
    let before = slash > 0 && tokens.get(slash - 1).is_some_and(Tok::is_placeholder);
    let after = match tokens.get(slash + 1) {
        Some(Tok::Digit(_)) => true,
        Some(Tok::Lit(s)) => !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    (before && after).then_some(slash)
}

/// The closest fraction with a denominator up to `max_den` (smallest denominator on ties).
fn best_fraction(x: f64, max_den: u64) -> (u64, u64) {
    let mut best = (x.round().max(0.0) as u64, 1u64);
    let mut best_err = (x - best.0 as f64).abs();
    for den in 2..=max_den.max(1) {
        let num = (x * den as f64).round().max(0.0);
        let err = (x - num / den as f64).abs();
        if err < best_err - 1e-12 {
            best = (num as u64, den);
            best_err = err;
            if err == 0.0 {
                break;
            }
        }
    }
    best
}

/// The text each integer placeholder shows, left to right: the rightmost placeholders take one
/// digit each and the leftmost takes all remaining digits. A position without a digit shows
/// `0`, a space, or nothing. With grouping, a comma follows each digit shown at position 4, 7,
/// 10... from the right (positions count placeholders, shown or not, as Excel does).
fn distribute(digits: &str, places: &[Placeholder], grouping: bool) -> Vec<String> {
    let digits: Vec<char> = digits.chars().collect();
    let n = digits.len();
    let k = places.len();
    let mut texts = Vec::with_capacity(k);
    for (j, place) in places.iter().enumerate() {
        let right = k - j;
        let top = if j == 0 { n.max(k) } else { right };
        let mut text = String::new();
        for p in (right..=top).rev() {
            let shown = if p <= n {
                digits.get(n - p).copied()
            } else {
                match place {
                    Placeholder::Zero => Some('0'),
                    Placeholder::Question => {
                        text.push(' ');
                        None
                    }
                    Placeholder::Hash => None,
                }
            };
            if let Some(d) = shown {
                text.push(d);
                if grouping && p > 1 && (p - 1).is_multiple_of(3) {
                    text.push(',');
                }
            }
        }
        texts.push(text);
    }
    texts
}

/// Integer digits ("" for zero) and exactly `places` fraction digits of `x` (non-negative)
/// rounded half away from zero.
fn split_digits(x: Decimal, places: usize) -> (String, String) {
    let rounded = round_places(x, places);
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let int_digits = int_part.trim_start_matches('0').to_string();
    let mut frac: String = frac_part.chars().take(places).collect();
    while frac.len() < places {
        frac.push('0');
    }
    (int_digits, frac)
}

fn round_places(x: Decimal, places: usize) -> Decimal {
    x.round_dp_with_strategy(
        places.min(28) as u32,
        RoundingStrategy::MidpointAwayFromZero,
    )
}

/// The decimal exponent of a positive number: 1234 -> 3, 0.05 -> -2.
fn exponent10(x: Decimal) -> i64 {
    let mantissa = x.mantissa().unsigned_abs();
    let digits = if mantissa == 0 {
        1
    } else {
        mantissa.ilog10() as i64 + 1
    };
    digits - 1 - i64::from(x.scale())
}

/// `x * 10^n` (n may be negative); None on overflow.
fn shift10(mut x: Decimal, n: i64) -> Option<Decimal> {
    let mut remaining = n;
    while remaining != 0 {
        let step = remaining.clamp(-18, 18);
        let factor = Decimal::from(10i64.pow(step.unsigned_abs() as u32));
        x = if step > 0 {
            x.checked_mul(factor)?
        } else {
            x.checked_div(factor)?
        };
        remaining -= step;
    }
    Some(x)
}

/// Excel's General format in a standard-width cell: as many digits as fit in 11 characters,
/// switching to scientific notation when that keeps more significant digits.
fn general_fit(x: Decimal) -> String {
    let x = numeric::snap15(x);
    if x.is_zero() {
        return "0".into();
    }
    let scientific = general_scientific(x);
    match general_fixed(x) {
        Some(fixed) if significant_digits(&fixed) >= significant_digits(&scientific) => fixed,
        _ => scientific,
    }
}

fn general_fixed(x: Decimal) -> Option<String> {
    let int_len = x.trunc().to_string().len();
    if int_len > GENERAL_WIDTH {
        return None;
    }
    let decimals = GENERAL_WIDTH.saturating_sub(int_len + 1);
    let rounded = round_places(x, decimals).normalize();
    let text = rounded.to_string();
    (!rounded.is_zero() && text.len() <= GENERAL_WIDTH).then_some(text)
}

fn general_scientific(x: Decimal) -> String {
    let mut exponent = exponent10(x);
    let exp_len = 2 + exponent.unsigned_abs().to_string().len().max(2);
    let decimals = GENERAL_WIDTH.saturating_sub(2 + exp_len);
    let mut mantissa = shift10(x, -exponent)
        .map(|m| round_places(m, decimals))
        .unwrap_or(Decimal::ONE);
    if mantissa >= Decimal::TEN {
        exponent += 1;
        mantissa = round_places(shift10(mantissa, -1).unwrap_or(mantissa), decimals);
    }
    let sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{}E{}{:02}",
        mantissa.normalize(),
        sign,
        exponent.unsigned_abs()
    )
}

fn significant_digits(text: &str) -> usize {
    let mantissa = text.split('E').next().unwrap_or(text);
    mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&c| c == '0')
        .count()
}

// ---------------------------------------------------------------------------------------------
// Date and time sections.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum DateItem {
    Lit(String),
    Code(DateCode),
}

struct DateFormat {
    items: Vec<DateItem>,
    twelve_hour: bool,
    /// Fraction-of-second digits shown (0-3): the time is rounded to them.
    sub_second: u32,
    /// Only elapsed codes (`[h]`, `[m]`, `[s]`): negative values and huge serials are allowed.
    only_elapsed: bool,
}

impl DateFormat {
    fn new(tokens: Vec<Tok>) -> Result<DateFormat, ErrorKind> {
        let mut items: Vec<DateItem> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while let Some(tok) = tokens.get(i) {
            i += 1;
            let item = match tok {
                Tok::Date(code) => DateItem::Code(*code),
                Tok::Point if last_code_is_seconds(&items) => {
                    let zeros = tokens
                        .iter()
                        .skip(i)
                        .take_while(|t| **t == Tok::Digit(Placeholder::Zero))
                        .count();
                    if zeros == 0 {
                        DateItem::Lit(".".into())
                    } else if zeros > 3 {
                        return Err(ErrorKind::Value);
                    } else {
                        i += zeros;
                        DateItem::Code(DateCode::SubSecond(zeros))
                    }
                }
                Tok::Digit(_) | Tok::Exp { .. } | Tok::General | Tok::At => {
                    return Err(ErrorKind::Value)
                }
                other => DateItem::Lit(other.literal()),
            };
            items.push(item);
        }
        resolve_minutes(&mut items);
        let codes = || {
            items.iter().filter_map(|it| match it {
                DateItem::Code(c) => Some(*c),
                DateItem::Lit(_) => None,
            })
        };
        let twelve_hour = codes().any(|c| matches!(c, DateCode::AmPm { .. }));
        let sub_second = codes()
            .filter_map(|c| match c {
                DateCode::SubSecond(n) => Some(n as u32),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let only_elapsed = codes().all(|c| matches!(c, DateCode::Elapsed(..)));
        Ok(DateFormat {
            items,
            twelve_hour,
            sub_second,
            only_elapsed,
        })
    }

    fn render(&self, x: Decimal) -> Result<String, ErrorKind> {
        if x < Decimal::ZERO {
            if self.only_elapsed {
                return Ok(format!("-{}", self.render(-x)?));
            }
            return Err(ErrorKind::Value);
        }
        let moment = self.moment(x)?;
        let mut out = String::new();
        for item in &self.items {
            match item {
                DateItem::Lit(s) => out.push_str(s),
                DateItem::Code(code) => out.push_str(&self.code_text(*code, &moment)),
            }
        }
        Ok(out)
    }

    /// The serial rounded to the shown precision (whole seconds, or the fraction of a second
    /// the format shows), split into calendar and clock fields.
    fn moment(&self, x: Decimal) -> Result<Moment, ErrorKind> {
        let per_second = 10i128.pow(self.sub_second);
        let per_day = 86_400 * per_second;
        let units = x
            .checked_mul(Decimal::from(per_day))
            .map(|u| u.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
            .and_then(|u| u.to_i128())
            .ok_or(ErrorKind::Value)?;
        let days = units / per_day;
        let seconds = units / per_second;
        let second_of_day = seconds % 86_400;
        let (date, weekday) = if self.only_elapsed {
            ((1900, 1, 0), 6)
        } else {
            if days > MAX_DATE_SERIAL {
                return Err(ErrorKind::Value);
            }
            let days = i64::try_from(days).map_err(|_| ErrorKind::Value)?;
            (
                datetime::ymd_from_serial(days).ok_or(ErrorKind::Value)?,
                datetime::weekday_from_serial(days),
            )
        };
        Ok(Moment {
            year: date.0,
            month: date.1,
            day: date.2,
            weekday,
            hour: second_of_day / 3600,
            minute: (second_of_day / 60) % 60,
            second: second_of_day % 60,
            fraction: units % per_second,
            seconds,
        })
    }

    fn code_text(&self, code: DateCode, m: &Moment) -> String {
        let month_name = MONTHS
            .get((m.month as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("");
        let weekday_name = WEEKDAYS.get(m.weekday as usize).copied().unwrap_or("");
        match code {
            DateCode::Year(n) if n <= 2 => format!("{:02}", m.year % 100),
            DateCode::Year(_) => m.year.to_string(),
            DateCode::Month(1) => m.month.to_string(),
            DateCode::Month(2) => format!("{:02}", m.month),
            DateCode::Month(3) => month_name.get(..3).unwrap_or("").to_string(),
            DateCode::Month(5) => month_name.get(..1).unwrap_or("").to_string(),
            DateCode::Month(_) => month_name.to_string(),
            DateCode::Day(1) => m.day.to_string(),
            DateCode::Day(2) => format!("{:02}", m.day),
            DateCode::Day(3) => weekday_name.get(..3).unwrap_or("").to_string(),
            DateCode::Day(_) => weekday_name.to_string(),
            DateCode::Hour(n) => {
                let hour = if self.twelve_hour {
                    (m.hour + 11) % 12 + 1
                } else {
                    m.hour
                };
                pad(hour, n.min(2))
            }
            DateCode::Minute(n) => pad(m.minute, n.min(2)),
            DateCode::Second(n) => pad(m.second, n.min(2)),
            DateCode::AmPm { upper, short } => {
                let text = match (m.hour < 12, short) {
                    (true, false) => "AM",
                    (false, false) => "PM",
                    (true, true) => "A",
                    (false, true) => "P",
                };
                if upper {
                    text.to_string()
                } else {
                    text.to_ascii_lowercase()
                }
            }
            DateCode::Elapsed(unit, width) => {
                let value = match unit {
                    Unit::Hours => m.seconds / 3600,
                    Unit::Minutes => m.seconds / 60,
                    Unit::Seconds => m.seconds,
                };
                pad(value, width)
            }
            DateCode::SubSecond(n) => {
                let digits = pad(m.fraction, self.sub_second as usize);
                format!(".{}", digits.get(..n).unwrap_or(""))
            }
        }
    }
}

/// The fields a date/time format shows.
struct Moment {
    year: i64,
    month: u32,
    day: u32,
    weekday: u32,
    hour: i128,
    minute: i128,
    second: i128,
    /// Units of the shown sub-second precision.
    fraction: i128,
    /// Whole seconds since serial 0 (for elapsed codes).
    seconds: i128,
}

fn pad(value: i128, width: usize) -> String {
    format!("{value:0width$}")
}

fn last_code_is_seconds(items: &[DateItem]) -> bool {
    matches!(
        items.last(),
        Some(DateItem::Code(
            DateCode::Second(_) | DateCode::Elapsed(Unit::Seconds, _)
        ))
    )
}

/// `m` and `mm` mean minutes right after an hour code or right before a seconds code
/// (literals in between do not matter); otherwise months.
fn resolve_minutes(items: &mut [DateItem]) {
    let codes: Vec<(usize, DateCode)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| match it {
            DateItem::Code(c) => Some((i, *c)),
            DateItem::Lit(_) => None,
        })
        .collect();
    for (k, (index, code)) in codes.iter().enumerate() {
        let DateCode::Month(n) = code else { continue };
        if *n > 2 {
            continue;
        }
        let after_hour = k > 0
            && codes.get(k - 1).is_some_and(|(_, c)| {
                matches!(c, DateCode::Hour(_) | DateCode::Elapsed(Unit::Hours, _))
            });
        let before_second = codes.get(k + 1).is_some_and(|(_, c)| {
            matches!(c, DateCode::Second(_) | DateCode::Elapsed(Unit::Seconds, _))
        });
        if after_hour || before_second {
            if let Some(slot) = items.get_mut(*index) {
                *slot = DateItem::Code(DateCode::Minute(*n));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    fn t(x: &str, format: &str) -> Result<String, ErrorKind> {
        text(&Value::Number(d(x)), format)
    }

    fn ok(x: &str, format: &str) -> String {
        t(x, format).unwrap_or_else(|e| e.as_str().to_string())
    }

    #[test]
    fn common_number_formats() {
        // Values from Excel's TEXT documentation and the corpus workbooks.
        assert_eq!(ok("1234.567", "$#,##0.00"), "$1,234.57");
        assert_eq!(ok("0.285", "0.0%"), "28.5%");
        assert_eq!(ok("1234.567", "0"), "1235");
        assert_eq!(ok("1234.567", "#,##0"), "1,235");
        assert_eq!(ok("0.5", "0%"), "50%");
        assert_eq!(ok("12200000", "0.00E+00"), "1.22E+07");
        assert_eq!(ok("1234", "\"¥\"#,##0"), "¥1,234");
        assert_eq!(ok("-1234.567", "\"dd\"$#,##0.00"), "-dd$1,234.57");
        assert_eq!(ok("1.9", "#.00"), "1.90");
        assert_eq!(ok("0", "#.00"), ".00");
        assert_eq!(ok("-1", "#.00"), "-1.00");
        assert_eq!(ok("2.5", "0"), "3");
        assert_eq!(ok("-2.5", "0"), "-3");
    }

    #[test]
    fn everyday_formats() {
        let cases = [
            ("1234.5", "#,##0.00", "1,234.50"),
            ("0.1234", "0.00%", "12.34%"),
            ("1234.5", "0.00E+00", "1.23E+03"),
            ("-1234.5", "#,##0.00;(#,##0.00)", "(1,234.50)"),
            ("0", "#,##0.00;(#,##0.00);\"-\"", "-"),
            ("45322", "mmm-yy", "Jan-24"),
            ("45322.75", "dd/mm/yyyy hh:mm", "31/01/2024 18:00"),
            ("0.75", "h:mm AM/PM", "6:00 PM"),
            ("0.25", "h:mm:ss am/pm", "6:00:00 am"),
            ("1234567", "#,##0,\"K\"", "1,235K"),
            ("1234567", "0.0,,\"M\"", "1.2M"),
            ("5", "000", "005"),
            ("3.5", "# ?/?", "3 1/2"),
            ("45322", "dddd, mmmm d, yyyy", "Wednesday, January 31, 2024"),
            ("45322", "yyyymmdd", "20240131"),
            ("0.5", "[h]:mm:ss", "12:00:00"),
            ("45322", "[$-409]m/d/yy", "1/31/24"),
            ("1234.5", "[$€-407] #,##0.00", "€ 1,234.50"),
            ("0.5", "0.0 \\%", "0.5 %"),
            ("1234.5678", "0.00", "1234.57"),
            ("-0.001", "0.00", "-0.00"),
        ];
        for (x, format, expected) in cases {
            assert_eq!(ok(x, format), expected, "TEXT({x}, {format})");
        }
    }

    #[test]
    fn corpus_digit_placement() {
        // formulas__test EXTRA sheet, computed by Excel.
        assert_eq!(ok("1.000000001", "00###.##.0000.00"), "001..0000.00");
        assert_eq!(ok("10.93", "#\".505#\"°F\"#\""), "11.505#°F#");
        assert_eq!(t("1.23", "#\"°F\"\""), Err(ErrorKind::Value));
        assert_eq!(ok("1000000", "##,00.00"), "1,000,000.00");
        assert_eq!(ok("1.23", "#%%%"), "1230000%%%");
        assert_eq!(ok("10000", "#000000.##"), "010000.");
        assert_eq!(ok("1", "000000.##"), "000001.");
        assert_eq!(ok("1.23", "## %%%"), "1230000 %%%");
        assert_eq!(ok("1.23", "# ### %%%"), "1230 000 %%%");
        assert_eq!(ok("1234567890", "0,## ##, ##"), "1,234,56 7,8 90");
        assert_eq!(ok("1234567890", "+0,## ## ##"), "+1,234,56 7,8 90");
        assert_eq!(ok("1234567890", "0,## ## ,##"), "1,234,56 7,8 ,90");
        assert_eq!(
            ok("1000000.555", "0 .  # ,0.00.0,00"),
            "1000000 .  5 ,5.50.000"
        );
        assert_eq!(
            ok("1234567.555", "#,##000######## .  # ,0.00.0,00"),
            "00,01,234,567 .  5 ,5.50.000"
        );
        assert_eq!(
            ok("1000000.555", "##00,############# .  # ,0.00.0,00"),
            "001,000,000 .  5 ,5.50.000"
        );
        assert_eq!(
            ok("12345678.555", "#,##000######## .  # ,0.00.0,00"),
            "00,012,345,678 .  5 ,5.50.000"
        );
        assert_eq!(
            ok("1234578.555", "#,##00000000####0### .  # ,0.00.0,00"),
            "0,000,000,01,234,578 .  5 ,5.50.000"
        );
        assert_eq!(
            ok("1234578.555", "#,##000000070###### .  # ,0.00.0,00"),
            "00,000,0071,234,578 .  5 ,5.50.000"
        );
        assert_eq!(
            ok(
                "1234578.555",
                "#,##00000,  ,00 , 0########    .  # ,0.00.0,00"
            ),
            "0,000,0  ,00, , 01,234,578    .  5 ,5.50.000"
        );
        assert_eq!(ok("1234578.555", "0cc###,00"), "1,2cc34,579");
        assert_eq!(ok("123456", "##0° 00' 00''"), "12° 34' 56''");
        assert_eq!(ok("1234", "5000700"), "5012734");
        assert_eq!(
            t(
                "1234578.555",
                "#,##00000,  ,00 , 0##e+8800######    .  # ,0.00.0,00"
            ),
            Err(ErrorKind::Value)
        );
    }

    #[test]
    fn corpus_scientific() {
        assert_eq!(ok("12200000", "#######.0E+00"), "1.2E+07");
        assert_eq!(ok("12200000", "0.00E-##"), "1.22E7");
        assert_eq!(ok("0.000122", "0.00E-##"), "1.22E-4");
        assert_eq!(ok("0.000122", "0.00E+##"), "1.22E-4");
        assert_eq!(ok("12200000", "0.00E+##"), "1.22E+7");
        assert_eq!(ok("12345", "##0.0E+0"), "12.3E+3");
        assert_eq!(ok("0", "0.00E+00"), "0.00E+00");
        assert_eq!(ok("9.999", "0.00E+00"), "1.00E+01");
    }

    #[test]
    fn corpus_pycel_numbers() {
        // pycel text.xlsx, TextNumbers sheet.
        let v = "1234567.89";
        assert_eq!(ok(v, "#,#\"ZZ\"#.0\"YY\"00"), "1,234,56ZZ7.8YY90");
        assert_eq!(ok("0", "#,#\"ZZ\"#.0z00"), "ZZ.0z00");
        assert_eq!(t("0", "#,#\"ZZ\"#.0Y00"), Err(ErrorKind::Value));
        assert_eq!(t("0", "#,#\"ZZ\"#.0\"YY\"00@"), Err(ErrorKind::Value));
        let v = "890123.456789";
        let cases = [
            ("#.#", "890123.5"),
            ("#.##", "890123.46"),
            ("#.###.", "890123.457."),
            ("#.###.#.#.#", "890123.456.7.8.9"),
            ("#.###.##.#", "890123.456.78.9"),
            ("#,###.##.#", "890,123.45.7"),
            ("#,###.##.##", "890,123.45.68"),
            ("#,#.##.##,#", "890,123.45.679"),
            ("#,#.##.##\\,#", "890,123.45.67,9"),
            ("0,0.00.0", "890,123.45.7"),
            ("0,#.00.0", "890,123.45.7"),
            ("0,x#.00.0", "89012x3.45.7"),
            ("#,0x#.00.0", "890,12x3.45.7"),
            ("#x,0x#.00.0", "8901x,2x3.45.7"),
            ("#x,0,#.00.0", "890,1x,23.45.7"),
            (",#.00.0", ",890123.45.7"),
            (".#", "890123.5"),
            ("#.###x,##", "890123.456x,79"),
            ("#.###,x##", "890123.456x79"),
            ("#.###,x,##", "890123.456x,79"),
            ("#%", "89012346%"),
            ("#.#%", "89012345.7%"),
            ("#%#", "8901234%6"),
            ("%#", "%89012346"),
            ("%#%#%", "%89012345678%9%"),
            ("%#%#%#%", "%890123456789%0%0%"),
            ("#.#####00#0", "890123.45678900"),
        ];
        for (format, expected) in cases {
            assert_eq!(ok(v, format), expected, "format {format}");
        }
        assert_eq!(ok("1", "#"), "1");
        assert_eq!(ok("1", "#."), "1.");
        assert_eq!(ok("1", "#.##"), "1.");
        assert_eq!(ok("1234.56", "$x*y#,##0* "), "$x1,235");
        assert_eq!(ok("1234.56", ".##0"), "1234.560");
        assert_eq!(ok("0", "#"), "");
        assert_eq!(ok("0", "#.###"), ".");
        assert_eq!(ok("-1", "#.###"), "-1.");
    }

    #[test]
    fn corpus_sections() {
        let f = "##.00;-  ##.0;\"ZERO\"";
        assert_eq!(ok("-1", f), "-  1.0");
        assert_eq!(ok("0", f), "ZERO");
        assert_eq!(ok("1", f), "1.00");
        assert_eq!(
            text(&Value::text("X"), "##.00;-  ##.0;\"ZERO\";->@<-@"),
            Ok("->X<-X".into())
        );
        assert_eq!(
            text(&Value::text("X"), ";-  ##.0;\"ZERO\"@;\"X\""),
            Err(ErrorKind::Value)
        );
        assert_eq!(ok("0", "\"-> \"#.00;-#;\"SS\"m;\"ZERO\"@"), "SS1");
        assert_eq!(ok("-1", "w;x;z@"), "x");
        assert_eq!(ok("0", "w;x;z@"), "w");
        assert_eq!(ok("1", "w;x;z@"), "w");
        assert_eq!(ok("-1", "w;x;z"), "x");
        assert_eq!(ok("0", "w;x;z"), "z");
        assert_eq!(ok("-1", ""), "-");
        assert_eq!(ok("0", ""), "");
        assert_eq!(text(&Value::text("Plugh"), ""), Ok("Plugh".into()));
        assert_eq!(ok("-1", "w;x@"), "-w");
        assert_eq!(ok("0", "w;x@"), "w");
        assert_eq!(ok("-1", "##.00;##.0;\"ZERO\";->@<-"), "1.0");
        assert_eq!(ok("1", "[<=1]x;[<=2]a;b"), "x");
        assert_eq!(ok("2", "[<=1]a;[=2]xx;xcx"), "xx");
        assert_eq!(ok("3", "[<=1]a;[=2]aa;xxx"), "xxx");
        assert_eq!(ok("1234", "[Red]#,##0;[Blue](#,##0)"), "1,234");
        assert_eq!(ok("-1234", "[Red]#,##0;[Blue](#,##0)"), "(1,234)");
        assert_eq!(ok("5", "0_)"), "5 ");
        assert_eq!(t("1", "0;0;0;0;0"), Err(ErrorKind::Value));
    }

    #[test]
    fn text_values_and_coercion() {
        assert_eq!(
            text(&Value::text("1987-08-26"), "#.00"),
            Ok("32015.00".into())
        );
        assert_eq!(text(&Value::Bool(true), "#.00"), Ok("TRUE".into()));
        assert_eq!(text(&Value::Empty, "#.00"), Ok(".00".into()));
        assert_eq!(text(&Value::text("1.0"), "#.#"), Ok("1.".into()));
        assert_eq!(text(&Value::Error(ErrorKind::NA), "0"), Err(ErrorKind::NA));
        assert_eq!(text(&Value::text("abc"), "@@"), Ok("abcabc".into()));
        assert_eq!(ok("5", "@"), "5");
    }

    #[test]
    fn dates_and_times() {
        // 2024-01-31 14:05:09 is serial 45322.587...
        let serial = "45322.58690972222";
        assert_eq!(ok(serial, "yyyy-mm-dd"), "2024-01-31");
        assert_eq!(ok(serial, "m/d/yyyy"), "1/31/2024");
        assert_eq!(ok(serial, "d-mmm-yy"), "31-Jan-24");
        assert_eq!(ok(serial, "dddd"), "Wednesday");
        assert_eq!(ok(serial, "mmmm"), "January");
        assert_eq!(ok(serial, "hh:mm:ss"), "14:05:09");
        assert_eq!(ok(serial, "h:mm AM/PM"), "2:05 PM");
        assert_eq!(ok(serial, "h:mm a/p"), "2:05 p");
        assert_eq!(ok("1.5", "[h]:mm"), "36:00");
        assert_eq!(ok("0.5", "mm"), "01");
        assert_eq!(ok("0.75", "h:mm"), "18:00");
        // formulas__test EXTRA sheet.
        assert_eq!(
            ok("130", "m mm mmm mmmm mmmmm mmmmmm mmmmmmm"),
            "5 05 May May M May May"
        );
        assert_eq!(
            ok("130", "d dd ddd dddd ddddd dddddd"),
            "9 09 Wed Wednesday Wednesday Wednesday"
        );
        assert_eq!(ok("130", "y yy yyy yyyy yyyyyy"), "00 00 1900 1900 1900");
        assert_eq!(ok("130.31322", "s ss sss ssss"), "2 02 02 02");
        assert_eq!(ok("130.63332", "h hh hhh hhhh"), "15 15 15 15");
        assert_eq!(ok("130.33332", "h hh hhh hhhh"), "7 07 07 07");
        assert_eq!(ok("130.33332", "hm hmm hmmm hmmmm"), "759 759 7May 7May");
        assert_eq!(ok("130", "MM/DD/YY"), "05/09/00");
        assert_eq!(ok("35065", "ddd"), "Mon");
    }

    #[test]
    fn corpus_elapsed_and_limits() {
        // pycel text.xlsx, TextDates sheet.
        let serial = "39116.79730338";
        assert_eq!(ok(serial, "[h]"), "938803");
        assert_eq!(ok(serial, "[m]"), "56328188");
        assert_eq!(ok(serial, "[s]"), "3379691287");
        assert_eq!(ok("2958465", "[hh]"), "71003160");
        assert_eq!(ok("71003160", "[hh]"), "1704075840");
        assert_eq!(ok("2958466", "[h]"), "71003184");
        assert_eq!(t("2958466", "h"), Err(ErrorKind::Value));
        assert_eq!(t("2958466", "yy"), Err(ErrorKind::Value));
        assert_eq!(ok("2958465", "h"), "0");
        assert_eq!(ok("-1", "[h]"), "-24");
        assert_eq!(t("-1", "[h]:m"), Err(ErrorKind::Value));
        assert_eq!(ok("0", "[h]:m"), "0:0");
        assert_eq!(t("-1", "h"), Err(ErrorKind::Value));
        assert_eq!(ok("-1", "[m]"), "-1440");
        assert_eq!(ok("0", "[m]:s"), "0:0");
        assert_eq!(ok("-1", "[s]"), "-86400");
        assert_eq!(t("-1", "[s].000"), Err(ErrorKind::Value));
        assert_eq!(ok("0", "[s].000"), "0.000");
        assert_eq!(ok("0.5000001", "hh:mm:ss.00"), "12:00:00.01");
    }

    #[test]
    fn general_and_fractions() {
        assert_eq!(ok("1234.5", "General"), "1234.5");
        assert_eq!(ok("-1234.5", "General"), "-1234.5");
        assert_eq!(ok("123456789012", "General"), "1.23457E+11");
        assert_eq!(ok("12345678901", "General"), "12345678901");
        assert_eq!(ok("5", "\"$\"General"), "$5");
        assert_eq!(ok("1.5", "# ?/?"), "1 1/2");
        assert_eq!(ok("0.75", "?/?"), "3/4");
        assert_eq!(ok("1.25", "# ?/4"), "1 1/4");
        assert_eq!(ok("3.14159", "# ??/??"), "3 14/99");
        assert_eq!(ok("1.25", "# ??/??"), "1  1/4 ");
        assert_eq!(ok("2", "# ?/?"), "2    ");
    }

    #[test]
    fn fixed_and_dollar() {
        assert_eq!(fixed(d("1234.567"), 1, true), Ok("1,234.6".into()));
        assert_eq!(fixed(d("1234.567"), -1, true), Ok("1,230".into()));
        assert_eq!(fixed(d("-1234.567"), -1, false), Ok("-1230".into()));
        assert_eq!(fixed(d("44.332"), 2, true), Ok("44.33".into()));
        assert_eq!(fixed(d("0"), 2, true), Ok("0.00".into()));
        assert_eq!(fixed(d("1"), 128, true), Err(ErrorKind::Value));
        assert_eq!(dollar(d("1234.567"), 2), Ok("$1,234.57".into()));
        assert_eq!(dollar(d("-1234.567"), -2), Ok("($1,200)".into()));
        assert_eq!(dollar(d("-0.123"), 4), Ok("($0.1230)".into()));
        assert_eq!(dollar(d("99.888"), 2), Ok("$99.89".into()));
    }
}
