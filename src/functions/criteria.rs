//! Criteria of the *IF / *IFS family and D-functions: `">=10"`, `"<>x"`, `"app*"`, `5`, `TRUE`.
//!
//! Excel's rules: an optional comparison operator, then an operand. A numeric operand (a number,
//! or text Excel reads as a number or date: `">=2024-01-01"`) compares numerically against
//! numbers; `=` also matches text that reads as that number (`COUNTIF(r, 1)` counts a cell
//! holding the text "1") and `<>` is its complement. Other operands compare as case-insensitive
//! text ([`compare_text_ci`]), with `*`, `?` and `~` wildcards for `=` and `<>`.
//!
//! Blanks: the criterion `""` matches empty cells and empty text, `"="` only empty cells, `"<>"`
//! every cell that is not empty. A criterion that is itself an empty cell is the number 0: it
//! matches cells holding 0, not empty cells or text (corpus formulas__test STATISTICAL W24:
//! COUNTIF(H24:I24,H24) with H24 empty and I24 text is 0; MATH & TRIG W73 SUMIF likewise).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::numeric;
use crate::value::{compare_text_ci, ErrorKind, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Debug)]
enum Operand {
    Number(Decimal),
    Bool(bool),
    Error(ErrorKind),
    /// Lower-cased pattern; `has_wildcards` tells whether `*`/`?` need matching.
    Text {
        pattern: String,
        has_wildcards: bool,
    },
    /// No operand: `""` (`empty_text`: also matches empty text), `"="`, `"<>"`.
    Blank {
        empty_text: bool,
    },
}

/// A compiled criterion, reusable across many cells.
#[derive(Clone, Debug)]
pub struct Criterion {
    op: Op,
    operand: Operand,
}

impl Criterion {
    /// Compiles a criterion from the value given to COUNTIF and friends. An empty value (a
    /// reference to an empty cell) is the number 0, as in Excel.
    pub fn new(criterion: &Value) -> Criterion {
        match criterion {
            Value::Number(n) => Criterion {
                op: Op::Eq,
                operand: Operand::Number(*n),
            },
            Value::Bool(b) => Criterion {
                op: Op::Eq,
                operand: Operand::Bool(*b),
            },
            Value::Error(e) => Criterion {
                op: Op::Eq,
                operand: Operand::Error(*e),
            },
            Value::Empty => Criterion {
                op: Op::Eq,
                operand: Operand::Number(Decimal::ZERO),
            },
            Value::Text(t) => Criterion::from_text(t),
        }
    }

    fn from_text(t: &str) -> Criterion {
        let (op, rest) = if let Some(r) = t.strip_prefix("<=") {
            (Op::Le, r)
        } else if let Some(r) = t.strip_prefix(">=") {
            (Op::Ge, r)
        } else if let Some(r) = t.strip_prefix("<>") {
            (Op::Ne, r)
        } else if let Some(r) = t.strip_prefix('<') {
            (Op::Lt, r)
        } else if let Some(r) = t.strip_prefix('>') {
            (Op::Gt, r)
        } else if let Some(r) = t.strip_prefix('=') {
            (Op::Eq, r)
        } else {
            (Op::Eq, t)
        };
        let operand = if rest.is_empty() {
            Operand::Blank {
                empty_text: t.is_empty(),
            }
        } else if let Some(n) = numeric::parse_number_text(rest) {
            Operand::Number(n)
        } else if rest.eq_ignore_ascii_case("TRUE") {
            Operand::Bool(true)
        } else if rest.eq_ignore_ascii_case("FALSE") {
            Operand::Bool(false)
        } else if let Some(e) = ErrorKind::parse(rest) {
            Operand::Error(e)
        } else {
            Operand::Text {
                pattern: rest.to_lowercase(),
                has_wildcards: rest.contains(['*', '?', '~']),
            }
        };
        Criterion { op, operand }
    }

    /// Does a cell's value meet the criterion?
    pub fn matches(&self, value: &Value) -> bool {
        match (&self.operand, value) {
            (Operand::Blank { empty_text }, v) => {
                let blank = matches!(v, Value::Empty)
                    || (*empty_text && matches!(v, Value::Text(t) if t.is_empty()));
                match self.op {
                    Op::Eq => blank,
                    Op::Ne => !matches!(v, Value::Empty),
                    _ => false,
                }
            }
            (Operand::Number(n), Value::Number(x)) => self.ordering_ok(numeric::compare_15(*x, *n)),
            (Operand::Number(n), Value::Text(t)) if matches!(self.op, Op::Eq | Op::Ne) => {
                let equal = numeric::parse_number_text(t)
                    .is_some_and(|x| numeric::compare_15(x, *n).is_eq());
                equal == (self.op == Op::Eq)
            }
            (Operand::Bool(b), Value::Bool(x)) => self.ordering_ok(x.cmp(b)),
            (Operand::Error(e), Value::Error(x)) => match self.op {
                Op::Eq => e == x,
                Op::Ne => e != x,
                _ => false,
            },
            (
                Operand::Text {
                    pattern,
                    has_wildcards,
                },
                Value::Text(t),
            ) => match self.op {
                Op::Eq | Op::Ne => {
                    let hit = if *has_wildcards {
                        wildcard_match(pattern, &t.to_lowercase())
                    } else {
                        t.to_lowercase() == *pattern
                    };
                    hit == (self.op == Op::Eq)
                }
                _ => self.ordering_ok(compare_text_ci(t, pattern)),
            },
            // Values of another type never meet `=`, `<`, `>`; they always meet `<>`.
            (Operand::Text { .. }, Value::Empty) => self.op == Op::Ne,
            _ => self.op == Op::Ne,
        }
    }

    fn ordering_ok(&self, ord: Ordering) -> bool {
        match self.op {
            Op::Eq => ord == Ordering::Equal,
            Op::Ne => ord != Ordering::Equal,
            Op::Lt => ord == Ordering::Less,
            Op::Le => ord != Ordering::Greater,
            Op::Gt => ord == Ordering::Greater,
            Op::Ge => ord != Ordering::Less,
        }
    }
}

/// Excel wildcard matching (`*` any run, `?` any one character, `~` escapes), on lower-cased
/// text, iteratively (no recursion however long the pattern).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    // Tokenise the pattern: Some(c) literal, None for '?', and a separate flag for '*'.
    #[derive(Clone, Copy, PartialEq)]
    enum P {
        Lit(char),
        One,
        Any,
    }
    let mut tokens = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '~' => match chars.next() {
                Some(next) => tokens.push(P::Lit(next)),
                None => tokens.push(P::Lit('~')),
            },
            '*' => tokens.push(P::Any),
            '?' => tokens.push(P::One),
            c => tokens.push(P::Lit(c)),
        }
    }
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match tokens.get(p) {
            Some(P::Any) => {
                star = Some((p, t));
                p += 1;
            }
            Some(P::One) => {
                p += 1;
                t += 1;
            }
            Some(P::Lit(c)) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    tokens[p..].iter().all(|x| *x == P::Any)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(criterion: Value, value: Value) -> bool {
        Criterion::new(&criterion).matches(&value)
    }

    #[test]
    fn numeric_criteria() {
        assert!(m(Value::text(">=10"), Value::number(10)));
        assert!(!m(Value::text(">=10"), Value::number(9)));
        assert!(m(Value::text("<5"), Value::number(-1)));
        assert!(!m(Value::text("<5"), Value::text("abc")));
        assert!(m(Value::number(3), Value::number(3)));
        assert!(m(Value::number(3), Value::text("3")));
        assert!(m(Value::text("<>3"), Value::text("abc")));
        assert!(!m(Value::text(">0"), Value::Empty));
    }

    #[test]
    fn text_criteria_with_wildcards() {
        assert!(m(Value::text("app*"), Value::text("Apple")));
        assert!(m(Value::text("?pple"), Value::text("apple")));
        assert!(!m(Value::text("?pple"), Value::text("pple")));
        assert!(m(Value::text("<>x"), Value::text("y")));
        assert!(!m(Value::text("<>x"), Value::text("X")));
        assert!(m(Value::text("a~*b"), Value::text("a*b")));
        assert!(!m(Value::text("a~*b"), Value::text("axb")));
        assert!(m(Value::text("*"), Value::text("")));
        assert!(!m(Value::text("apple"), Value::number(1)));
    }

    #[test]
    fn empty_and_nonempty() {
        assert!(m(Value::text("="), Value::Empty));
        assert!(!m(Value::text("="), Value::number(0)));
        assert!(!m(Value::text("="), Value::text("")));
        assert!(m(Value::text("<>"), Value::number(0)));
        assert!(m(Value::text("<>"), Value::text("")));
        assert!(!m(Value::text("<>"), Value::Empty));
        assert!(m(Value::text(""), Value::Empty));
        assert!(m(Value::text(""), Value::text("")));
        assert!(!m(Value::text(""), Value::number(0)));
    }

    /// A criterion that is an empty cell is 0 (formulas__test STATISTICAL W24:
    /// COUNTIF(H24:I24,H24) with H24 empty and I24 text is 0).
    #[test]
    fn empty_criterion_cell_is_zero() {
        assert!(!m(Value::Empty, Value::Empty));
        assert!(!m(Value::Empty, Value::text("")));
        assert!(!m(Value::Empty, Value::text("29/02/1900")));
        assert!(m(Value::Empty, Value::number(0)));
    }

    /// COUNTIF(r, 1) counts the text "1" (formulas__test STATISTICAL S24: COUNTIF(D24:E24,"1")
    /// is 1 over the number 1); `<>` is the complement of `=`; order operators skip text.
    #[test]
    fn numeric_criteria_against_numeric_text() {
        assert!(m(Value::number(1), Value::text("1")));
        assert!(m(Value::text("1"), Value::number(1)));
        assert!(!m(Value::text("<>1"), Value::text("1")));
        assert!(m(Value::text("<>1"), Value::text("2")));
        assert!(!m(Value::text(">0"), Value::text("5")));
        assert!(m(Value::text("<>1"), Value::Empty));
    }

    #[test]
    fn date_criteria() {
        let jan_1 = Value::number(45292); // 2024-01-01
        assert!(m(Value::text(">=2024-01-01"), jan_1.clone()));
        assert!(m(Value::text("<1/2/2024"), jan_1.clone()));
        assert!(!m(Value::text(">1/1/2024"), jan_1.clone()));
        assert!(m(Value::text("=Jan 1, 2024"), jan_1));
    }

    #[test]
    fn text_order_criteria() {
        assert!(m(Value::text("<b"), Value::text("A")));
        assert!(m(Value::text(">a"), Value::text("B")));
        assert!(!m(Value::text("<b"), Value::number(1)));
        assert!(m(Value::text(">=b"), Value::text("b-")));
    }

    #[test]
    fn booleans_and_errors() {
        assert!(m(Value::Bool(true), Value::Bool(true)));
        assert!(m(Value::text("TRUE"), Value::Bool(true)));
        assert!(!m(Value::Bool(true), Value::number(1)));
        assert!(!m(Value::number(1), Value::Bool(true)));
        assert!(m(Value::text("<=TRUE"), Value::Bool(false)));
        assert!(m(Value::text("#N/A"), Value::Error(ErrorKind::NA)));
    }

    #[test]
    fn wildcard_edge_cases() {
        assert!(wildcard_match("*a*b*", "xxaxxbxx"));
        assert!(!wildcard_match("*a*b", "xxaxxbxx"));
        assert!(wildcard_match("", ""));
        assert!(!wildcard_match("", "a"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("a?c", "ac"));
        assert!(wildcard_match("~?", "?"));
        assert!(!wildcard_match("~?", "a"));
        assert!(wildcard_match("a~~b", "a~b"));
        assert!(wildcard_match("*~*", "price*"));
        let long = "*".repeat(1000) + "z";
        assert!(!wildcard_match(&long, &"a".repeat(2000)));
    }
}
