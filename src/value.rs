//! Cell values and Excel's coercion and comparison rules.
//!
//! A [`Value`] is what a cell holds after evaluation. Numbers are exact decimals
//! ([`rust_decimal::Decimal`]); the rules for where decimals meet Excel's doubles live in
//! [`crate::numeric`].

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::numeric;

/// Excel's error values, plus `#CIRC!` for cells on a circular reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    Null,
    Div0,
    Value,
    Ref,
    Name,
    Num,
    NA,
    /// The cell is on a circular reference (Excel shows a warning; kachi makes it a value).
    Circ,
    /// Cached values only: Excel's dynamic-array and data errors, kept so imports never fail.
    Spill,
    Calc,
    GettingData,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 11] = [
        ErrorKind::Null,
        ErrorKind::Div0,
        ErrorKind::Value,
        ErrorKind::Ref,
        ErrorKind::Name,
        ErrorKind::Num,
        ErrorKind::NA,
        ErrorKind::Circ,
        ErrorKind::Spill,
        ErrorKind::Calc,
        ErrorKind::GettingData,
    ];

    /// The text Excel shows for the error.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Null => "#NULL!",
            ErrorKind::Div0 => "#DIV/0!",
            ErrorKind::Value => "#VALUE!",
            ErrorKind::Ref => "#REF!",
            ErrorKind::Name => "#NAME?",
            ErrorKind::Num => "#NUM!",
            ErrorKind::NA => "#N/A",
            ErrorKind::Circ => "#CIRC!",
            ErrorKind::Spill => "#SPILL!",
            ErrorKind::Calc => "#CALC!",
            ErrorKind::GettingData => "#GETTING_DATA",
        }
    }

    /// Parses an error literal such as `#DIV/0!` (case-insensitive).
    pub fn parse(text: &str) -> Option<ErrorKind> {
        ErrorKind::ALL
            .into_iter()
            .find(|e| e.as_str().eq_ignore_ascii_case(text))
    }

    /// Excel's ERROR.TYPE number.
    pub fn type_number(self) -> u32 {
        match self {
            ErrorKind::Null => 1,
            ErrorKind::Div0 => 2,
            ErrorKind::Value => 3,
            ErrorKind::Ref => 4,
            ErrorKind::Name => 5,
            ErrorKind::Num => 6,
            ErrorKind::NA => 7,
            ErrorKind::GettingData => 8,
            ErrorKind::Spill => 9,
            ErrorKind::Calc => 14,
            ErrorKind::Circ => 15,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cell's value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Empty,
    Number(Decimal),
    Text(Arc<str>),
    Bool(bool),
    Error(ErrorKind),
}

impl PartialEq for Value {
    /// Equality of stored values (used for early cutoff): numbers compare numerically
    /// (`1.0 == 1.00`), text exactly (case matters for "did the value change").
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Empty, Value::Empty) => true,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::Text(a), Value::Text(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Error(a), Value::Error(b)) => a == b,
            _ => false,
        }
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Self {
        Value::Number(d)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<ErrorKind> for Value {
    fn from(e: ErrorKind) -> Self {
        Value::Error(e)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(Arc::from(s))
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(Arc::from(s))
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(Decimal::from(n))
    }
}
impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::Number(Decimal::from(n))
    }
}
impl From<Result<Decimal, ErrorKind>> for Value {
    fn from(r: Result<Decimal, ErrorKind>) -> Self {
        match r {
            Ok(d) => Value::Number(d),
            Err(e) => Value::Error(e),
        }
    }
}

/// Excel's TYPE() classes, also the order Excel sorts mixed values in: numbers < text < booleans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum TypeRank {
    Number = 0,
    Text = 1,
    Bool = 2,
}

impl Value {
    pub fn number(n: impl Into<Decimal>) -> Value {
        Value::Number(n.into())
    }

    pub fn text(s: impl AsRef<str>) -> Value {
        Value::Text(Arc::from(s.as_ref()))
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Value::Error(_))
    }

    pub fn as_error(&self) -> Option<ErrorKind> {
        match self {
            Value::Error(e) => Some(*e),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// Excel's arithmetic coercion: empty is 0, TRUE is 1, numeric text is its number,
    /// other text is `#VALUE!`, errors propagate.
    pub fn to_number(&self) -> Result<Decimal, ErrorKind> {
        match self {
            Value::Empty => Ok(Decimal::ZERO),
            Value::Number(n) => Ok(*n),
            Value::Bool(b) => Ok(if *b { Decimal::ONE } else { Decimal::ZERO }),
            Value::Text(s) => numeric::parse_number_text(s).ok_or(ErrorKind::Value),
            Value::Error(e) => Err(*e),
        }
    }

    /// Excel's text coercion: empty is "", numbers as Excel's General format, TRUE/FALSE.
    pub fn to_text(&self) -> Result<Arc<str>, ErrorKind> {
        match self {
            Value::Empty => Ok(Arc::from("")),
            Value::Number(n) => Ok(Arc::from(numeric::format_general(*n))),
            Value::Text(s) => Ok(s.clone()),
            Value::Bool(b) => Ok(Arc::from(if *b { "TRUE" } else { "FALSE" })),
            Value::Error(e) => Err(*e),
        }
    }

    /// Excel's logical coercion: numbers are TRUE when non-zero, "TRUE"/"FALSE" text,
    /// empty is FALSE, other text is `#VALUE!`.
    pub fn to_bool(&self) -> Result<bool, ErrorKind> {
        match self {
            Value::Empty => Ok(false),
            Value::Number(n) => Ok(!n.is_zero()),
            Value::Bool(b) => Ok(*b),
            Value::Text(s) => {
                if s.eq_ignore_ascii_case("TRUE") {
                    Ok(true)
                } else if s.eq_ignore_ascii_case("FALSE") {
                    Ok(false)
                } else {
                    Err(ErrorKind::Value)
                }
            }
            Value::Error(e) => Err(*e),
        }
    }

    fn type_rank(&self) -> TypeRank {
        match self {
            Value::Empty | Value::Number(_) | Value::Error(_) => TypeRank::Number,
            Value::Text(_) => TypeRank::Text,
            Value::Bool(_) => TypeRank::Bool,
        }
    }

    /// Excel's comparison for `= <> < <= > >=`: errors propagate; an empty operand takes the
    /// other side's type (0, "" or FALSE); otherwise numbers < text < booleans; text is
    /// compared case-insensitively; numbers are compared at Excel's 15 significant digits.
    pub fn compare(&self, other: &Value) -> Result<Ordering, ErrorKind> {
        if let Value::Error(e) = self {
            return Err(*e);
        }
        if let Value::Error(e) = other {
            return Err(*e);
        }
        let left = self.empty_as(other);
        let right = other.empty_as(self);
        Ok(compare_non_error(&left, &right))
    }

    /// The value an empty operand takes when compared against `other`.
    fn empty_as(&self, other: &Value) -> Value {
        match (self, other) {
            (Value::Empty, Value::Text(_)) => Value::text(""),
            (Value::Empty, Value::Bool(_)) => Value::Bool(false),
            (Value::Empty, _) => Value::Number(Decimal::ZERO),
            _ => self.clone(),
        }
    }

    /// The value as Excel would show it in a cell with General format (errors as their text).
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Number(n) => numeric::format_general(*n),
            Value::Text(s) => s.to_string(),
            Value::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
            Value::Error(e) => e.as_str().to_string(),
        }
    }

    /// Excel's TYPE(): 1 number (and empty), 2 text, 4 logical, 16 error.
    pub fn type_code(&self) -> u32 {
        match self {
            Value::Empty | Value::Number(_) => 1,
            Value::Text(_) => 2,
            Value::Bool(_) => 4,
            Value::Error(_) => 16,
        }
    }
}

fn compare_non_error(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => numeric::compare_15(*x, *y),
        (Value::Text(x), Value::Text(y)) => compare_text_ci(x, y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => a.type_rank().cmp(&b.type_rank()),
    }
}

/// Excel's text order (for `<`, `>`, sorting and lookups), after Microsoft's "Default sort
/// orders" (Excel help): case-insensitive, character by character, in the order
/// `0-9`, space, `! " # $ % & ( ) * , . / : ; ? @ [ \ ] ^ _ ` { | } ~ + < = >`, then letters;
/// apostrophes and hyphens are ignored, except that of two texts equal but for them, the one
/// with them sorts last (so `"a-b"` is not equal to `"ab"`). Approximation: characters outside
/// ASCII sort after the letters by their lower-case code point (Excel uses the Windows locale
/// collation, which would interleave accented letters).
pub fn compare_text_ci(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        return compare_keys(ascii_keys(a), ascii_keys(b))
            .then_with(|| ascii_keys(a).cmp(ascii_keys(b)));
    }
    compare_keys(collation_keys(a), collation_keys(b))
        .then_with(|| collation_keys(a).cmp(collation_keys(b)))
}

/// The primary comparison: apostrophes and hyphens skipped.
fn compare_keys(a: impl Iterator<Item = u32>, b: impl Iterator<Item = u32>) -> Ordering {
    a.filter(|k| *k < APOSTROPHE)
        .cmp(b.filter(|k| *k < APOSTROPHE))
}

/// Ranks of apostrophe and hyphen: skipped at first, then above every other character.
const APOSTROPHE: u32 = u32::MAX - 1;
const HYPHEN: u32 = u32::MAX;

/// Punctuation after the digits, in Excel's documented order.
const PUNCTUATION_ORDER: &[u8] = b" !\"#$%&()*,./:;?@[\\]^_`{|}~+<=>";

/// Sort ranks of the ASCII characters: control characters 0-127 (by code), digits 200-209,
/// punctuation 300.., letters 400-425 (either case).
const ASCII_RANKS: [u32; 128] = ascii_ranks();

const fn ascii_ranks() -> [u32; 128] {
    let mut ranks = [0u32; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        ranks[c] = if b.is_ascii_digit() {
            200 + (b - b'0') as u32
        } else if b.is_ascii_alphabetic() {
            400 + (b.to_ascii_lowercase() - b'a') as u32
        } else if b == b'\'' {
            APOSTROPHE
        } else if b == b'-' {
            HYPHEN
        } else {
            let mut rank = c as u32;
            let mut i = 0;
            while i < PUNCTUATION_ORDER.len() {
                if PUNCTUATION_ORDER[i] == b {
                    rank = 300 + i as u32;
                }
                i += 1;
            }
            rank
        };
        c += 1;
    }
    ranks
}

fn ascii_keys(s: &[u8]) -> impl Iterator<Item = u32> + '_ {
    s.iter().map(|b| ASCII_RANKS[usize::from(*b & 0x7f)])
}

/// The sort rank of each character of `s`; outside ASCII, 1000 + the lower-cased code point.
fn collation_keys(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.chars().flat_map(|c| {
        let ascii = c
            .is_ascii()
            .then(|| ASCII_RANKS[usize::from(c as u8 & 0x7f)]);
        let other = (!c.is_ascii()).then(|| c.to_lowercase().map(|l| 1000 + l as u32));
        ascii.into_iter().chain(other.into_iter().flatten())
    })
}

/// Case-insensitive text equality (what `=` does with text).
pub fn text_eq_ci(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn n(s: &str) -> Value {
        Value::Number(s.parse::<Decimal>().unwrap_or_default())
    }

    #[test]
    fn coercions_follow_excel() {
        assert_eq!(Value::text("3").to_number(), Ok(Decimal::from(3)));
        assert_eq!(Value::Bool(true).to_number(), Ok(Decimal::ONE));
        assert_eq!(Value::Empty.to_number(), Ok(Decimal::ZERO));
        assert_eq!(Value::text("abc").to_number(), Err(ErrorKind::Value));
        assert_eq!(Value::Empty.to_text().as_deref(), Ok(""));
        assert_eq!(Value::Bool(false).to_text().as_deref(), Ok("FALSE"));
        assert_eq!(n("1.50").to_text().as_deref(), Ok("1.5"));
        assert_eq!(Value::text("true").to_bool(), Ok(true));
        assert_eq!(Value::text("yes").to_bool(), Err(ErrorKind::Value));
    }

    #[test]
    fn comparison_orders_types_and_ignores_case() {
        assert_eq!(
            Value::text("abc").compare(&Value::text("ABC")),
            Ok(Ordering::Equal)
        );
        assert_eq!(n("5").compare(&Value::text("1")), Ok(Ordering::Less));
        assert_eq!(
            Value::text("z").compare(&Value::Bool(false)),
            Ok(Ordering::Less)
        );
        assert_eq!(Value::Empty.compare(&n("0")), Ok(Ordering::Equal));
        assert_eq!(Value::Empty.compare(&Value::text("")), Ok(Ordering::Equal));
        assert_eq!(
            Value::Empty.compare(&Value::Bool(false)),
            Ok(Ordering::Equal)
        );
        assert_eq!(
            Value::Error(ErrorKind::NA).compare(&n("1")),
            Err(ErrorKind::NA)
        );
    }

    /// Microsoft's "Default sort orders": digits, space and punctuation, then letters, without
    /// regard to case; apostrophes and hyphens ignored unless they are the only difference.
    #[test]
    fn text_order_is_excel_sort_order() {
        let lt = |a: &str, b: &str| compare_text_ci(a, b) == Ordering::Less;
        assert!(lt("a", "B"));
        assert!(lt("A", "b"));
        assert!(lt("9", "a"));
        assert!(lt("1", " "));
        assert!(lt(" ", "!"));
        assert!(lt("~", "+"));
        assert!(lt(">", "a"));
        assert!(lt("_", "a"));
        assert!(lt("{", "a"));
        assert!(lt("A1", "A100"));
        assert!(lt("A100", "A11"));
        assert!(lt("ab", "a-b"));
        assert!(lt("co-op", "cop"));
        assert!(lt("cans", "can't"));
        assert!(lt("z", "é"));
        assert!(compare_text_ci("Straße", "STRASSE").is_ne());
        assert_eq!(compare_text_ci("ÉTÉ", "été"), Ordering::Equal);
        assert_eq!(compare_text_ci("a\u{1}", "a\u{2}"), Ordering::Less);
        assert!(text_eq_ci("Apple", "aPPLE"));
        assert!(!text_eq_ci("a-b", "ab"));
    }

    #[test]
    fn booleans_and_numbers_as_text_and_numbers() {
        assert_eq!(Value::Bool(true).to_text().as_deref(), Ok("TRUE"));
        assert_eq!(Value::Bool(false).to_number(), Ok(Decimal::ZERO));
        assert_eq!(Value::text("TRUE").to_number(), Err(ErrorKind::Value));
        assert_eq!(Value::text(" 3 ").to_number(), Ok(Decimal::from(3)));
        assert_eq!(Value::text("").to_number(), Err(ErrorKind::Value));
        assert_eq!(n("-0.5").to_text().as_deref(), Ok("-0.5"));
        assert_eq!(n("1E+15").to_text().as_deref(), Ok("1E+15"));
        assert_eq!(Value::number(0).to_bool(), Ok(false));
        assert_eq!(Value::text("1").to_bool(), Err(ErrorKind::Value));
        assert_eq!(
            Value::Error(ErrorKind::Div0).to_text(),
            Err(ErrorKind::Div0)
        );
    }

    /// `=1/3*3=1` is TRUE in Excel: numbers compare at 15 significant digits.
    #[test]
    fn numbers_compare_at_fifteen_digits() {
        let third = n("0.3333333333333333333333333333");
        let almost_one = n("0.9999999999999999999999999999");
        assert_eq!(almost_one.compare(&n("1")), Ok(Ordering::Equal));
        assert_eq!(third.compare(&n("0.333333333333333")), Ok(Ordering::Equal));
        assert_eq!(n("0.3").compare(&n("0.30000000000001")), Ok(Ordering::Less));
        assert_eq!(Value::Bool(false).compare(&n("1")), Ok(Ordering::Greater));
    }

    #[test]
    fn error_texts_round_trip() {
        for e in ErrorKind::ALL {
            assert_eq!(ErrorKind::parse(e.as_str()), Some(e));
        }
        assert_eq!(ErrorKind::parse("#div/0!"), Some(ErrorKind::Div0));
    }
}
