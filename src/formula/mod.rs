//! Formula text -> postfix items, and back. Nothing here knows about cells or values in a
//! workbook: the engine resolves references and names when it compiles a [`Formula`].

pub mod ast;
pub mod display;
pub mod lexer;
pub mod parser;
pub mod reference;
pub mod shape;

pub use ast::{ArrayLiteral, BinaryOp, Formula, Item, UnaryOp};
pub use display::to_text;
pub use lexer::{canonical_function_name, is_valid_name};
pub use parser::{parse, MAX_NESTING};
pub use reference::{AreaKind, AreaReference, CellPos, CellReference, Coord};

use std::fmt;

/// A formula that could not be parsed: what was expected, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// What is wrong, e.g. "expected an operand before '*'".
    pub message: String,
    /// Zero-based character (not byte) position in `formula`.
    pub position: usize,
    /// The formula text as given.
    pub formula: String,
}

impl ParseError {
    pub(crate) fn new(formula: &str, byte_at: usize, message: impl Into<String>) -> ParseError {
        let byte_at = byte_at.min(formula.len());
        let position = formula
            .char_indices()
            .take_while(|(i, _)| *i < byte_at)
            .count();
        ParseError {
            message: message.into(),
            position,
            formula: formula.to_string(),
        }
    }

    /// Re-bases an error found in `full[offset..]` onto the full text.
    pub(crate) fn shifted(self, full: &str, offset: usize) -> ParseError {
        let prefix_chars = full[..offset.min(full.len())].chars().count();
        ParseError {
            message: self.message,
            position: self.position + prefix_chars,
            formula: full.to_string(),
        }
    }

    /// Two lines: the formula, and a caret under the offending character.
    pub fn caret(&self) -> String {
        format!("{}\n{}^", self.formula, " ".repeat(self.position))
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at character {} of `{}`)",
            self.message,
            self.position + 1,
            self.formula
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        match parse(text) {
            Ok(f) => to_text(&f),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn prints_what_it_parses() {
        for text in [
            "(staff_before*hours_before-staff_after*hours_after)*hourly_wage",
            "SUM(A1:B10)+'Cost sheet'!$A$1",
            "IF(A1>=10,\"big\",\"small\")",
            "-2^2",
            "2^3^2",
            "50%",
            "A1&\" yen\"",
            "{1,2;3,4}",
            "IF(A1,,2)",
            "NOW()",
            "SUM(A:A)+SUM(2:3)",
            "時給*8",
            "Sheet1!Rate*2",
            "A1<>B1",
            "\"say \"\"hi\"\"\"",
        ] {
            assert_eq!(round_trip(text), text, "{text}");
        }
        assert_eq!(round_trip("=_xlfn.STDEV.S(A1:A3)"), "STDEV.S(A1:A3)");
        assert_eq!(round_trip("= 1 + 2"), "1+2");
    }

    #[test]
    fn precedence_matches_excel() {
        let items = |t: &str| parse(t).map(|f| f.items).unwrap_or_default();
        // -2^2 parses as (-2)^2
        assert_eq!(items("-2^2").last(), Some(&Item::Binary(BinaryOp::Pow)));
        // 1+2*3: Mul before Add
        let i = items("1+2*3");
        assert_eq!(i[3], Item::Binary(BinaryOp::Mul));
        assert_eq!(i[4], Item::Binary(BinaryOp::Add));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = parse("=1+*2").err();
        assert_eq!(e.as_ref().map(|e| e.position), Some(3));
        assert!(e.map(|e| e.message.contains("operand")).unwrap_or(false));
        let e = parse("=SUM(1,2").err();
        assert!(e
            .map(|e| e.message.contains("never closed"))
            .unwrap_or(false));
        let e = parse("=\"abc").err();
        assert_eq!(e.map(|e| e.position), Some(1));
        let e = parse("=1 2").err();
        assert_eq!(e.map(|e| e.position), Some(3));
        let e = parse("=時給 +* 2").err();
        assert_eq!(e.map(|e| e.position), Some(5));
        assert!(parse("").is_err());
        assert!(parse("=").is_err());
        assert!(parse("=)").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        let e = parse(&deep).err();
        assert!(e.map(|e| e.message.contains("nested")).unwrap_or(false));
        let calls = format!("{}1{}", "ABS(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&calls).is_err());
        let ok = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn long_flat_formulas_parse() {
        let long = vec!["1"; 50_000].join("+");
        let f = parse(&long);
        assert_eq!(f.map(|f| f.items.len()).unwrap_or(0), 99_999);
    }
}
