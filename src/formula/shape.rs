//! Formula shapes: a key that is the same for two formulas when they differ only in where
//! their cell references point *relative to their own cells* and in their number constants,
//! so that a filled-down column (`=A1+1`, `=A2+1`, ...) is parsed and compiled once, and
//! `=$A$1*2+2`, `=$A$1*3+3`, ... once with their numbers patched in. Excel's shared formulas
//! rest on the same idea.
//!
//! [`ShapeScan::scan`] reads the text once, without allocating, and understands a deliberately
//! small subset of the formula language: numbers, text literals, operators, parentheses,
//! function names, names, and cell references and `A1:B2` areas without a sheet prefix. For
//! anything else (sheet prefixes, whole rows or columns, array literals, error literals,
//! non-ASCII names, ...) it gives up, and the caller parses that formula in full.
//!
//! Within the subset, its tokens are the lexer's tokens: everything but a reference is copied
//! verbatim (it means the same in every cell), each reference is written as its coordinates,
//! relative ones as offsets from the formula's cell, and each number as a placeholder (its
//! value goes to a list). Two formulas with the same key therefore lex to the same tokens up to
//! reference coordinates that are equal relative to their cells and the values of their
//! numbers, and parse and compile (with relative references) to the same program up to those
//! numbers, which appear in the program in the order of the text.

use rust_decimal::Decimal;

use super::reference::{Coord, MAX_COLS, MAX_ROWS};
use crate::numeric::parse_decimal_literal;

/// Marks a cell reference in a key (never a byte of formula text outside a text literal).
const CELL: u8 = 0x01;
/// Marks an `A1:B2` area in a key.
const AREA: u8 = 0x02;
/// Marks a number in a key.
const NUMBER: u8 = 0x03;

/// The number a literal such as `12` or `7.50` denotes, as the lexer reads it
/// (`numeric::parse_decimal_literal`), with a fast path for short literals.
#[inline]
fn number_value(literal: &[u8]) -> Option<Decimal> {
    if literal.len() <= 18 {
        let mut mantissa: i64 = 0;
        let mut scale: Option<u32> = None;
        for &b in literal {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa * 10 + i64::from(b - b'0');
                    if let Some(s) = scale.as_mut() {
                        *s += 1;
                    }
                }
                b'.' if scale.is_none() => scale = Some(0),
                _ => return None,
            }
        }
        match scale {
            None => return Some(Decimal::from(mantissa)),
            Some(s) if s > 0 => {
                return Decimal::try_from_i128_with_scale(i128::from(mantissa), s).ok()
            }
            Some(_) => {}
        }
    }
    parse_decimal_literal(std::str::from_utf8(literal).ok()?)
}

/// A reference found by [`ShapeScan::scan`], in absolute coordinates (for cross-checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRef {
    Cell {
        row: Coord,
        col: Coord,
    },
    Area {
        top: Coord,
        left: Coord,
        bottom: Coord,
        right: Coord,
    },
}

/// Reads the word starting at `i` (bytes for which `word_byte` holds): returns where it ends
/// and, if the whole word is a cell reference (`B3`, `$b$3`), its column and row, exactly as
/// `reference::parse_cell_coords` reads a word with nothing left over: `$`, one to three
/// letters naming a column within Excel's 16,384, `$`, one to seven digits naming a row
/// within 1,048,576 (leading zeros allowed).
#[inline]
fn read_word(b: &[u8], i: usize) -> (usize, Option<(Coord, Coord)>) {
    let n = b.len();
    let mut j = i;
    let col_abs = b.get(j) == Some(&b'$');
    if col_abs {
        j += 1;
    }
    let letters_from = j;
    let mut col: u32 = 0;
    while j < n && b[j].is_ascii_alphabetic() && j - letters_from < 4 {
        col = col * 26 + u32::from(b[j].to_ascii_uppercase() - b'A' + 1);
        j += 1;
    }
    let letters = j - letters_from;
    let row_abs = b.get(j) == Some(&b'$');
    if row_abs {
        j += 1;
    }
    let digits_from = j;
    let mut row: u32 = 0;
    while j < n && b[j].is_ascii_digit() && j - digits_from < 8 {
        row = row * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    let digits = j - digits_from;
    let mut end = j;
    while end < n && word_byte(b[end]) {
        end += 1;
    }
    let cell = end == j
        && (1..=3).contains(&letters)
        && col <= MAX_COLS
        && (1..=7).contains(&digits)
        && (1..=MAX_ROWS).contains(&row);
    if !cell {
        return (end, None);
    }
    let coords = (
        Coord {
            index: col - 1,
            absolute: col_abs,
        },
        Coord {
            index: row - 1,
            absolute: row_abs,
        },
    );
    (end, Some(coords))
}

/// Bytes that continue a word, as the lexer's `is_word_char` (ASCII part).
#[inline]
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'\\' | b'$' | b'?')
}

#[inline]
fn push_coord(key: &mut Vec<u8>, c: Coord, anchor: u32) {
    let (tag, v) = if c.absolute {
        (b'a', c.index)
    } else {
        (b'r', c.index.wrapping_sub(anchor))
    };
    let v = v.to_le_bytes();
    key.extend_from_slice(&[tag, v[0], v[1], v[2], v[3]]);
}

/// The shape of one formula, reusing its buffers from formula to formula.
#[derive(Default, Debug)]
pub struct ShapeScan {
    /// The shape key.
    pub key: Vec<u8>,
    /// The references found, in order, in absolute coordinates.
    pub refs: Vec<KeyRef>,
    /// The numbers found, in order.
    pub numbers: Vec<Decimal>,
}

impl ShapeScan {
    /// Scans the formula `text` of cell (`row`, `col`). Returns false, with the fields
    /// unspecified, when the text is outside the subset this scanner understands; the
    /// formula must then be parsed on its own.
    pub fn scan(&mut self, text: &str, row: u32, col: u32) -> bool {
        self.key.clear();
        self.key.reserve(2 * text.len() + 16);
        self.refs.clear();
        self.numbers.clear();
        scan(
            text,
            row,
            col,
            &mut self.key,
            &mut self.refs,
            &mut self.numbers,
        )
    }
}

fn scan(
    text: &str,
    row: u32,
    col: u32,
    key: &mut Vec<u8>,
    refs: &mut Vec<KeyRef>,
    numbers: &mut Vec<Decimal>,
) -> bool {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        match c {
            b'+' | b'-' | b'*' | b'/' | b'^' | b'&' | b'=' | b'<' | b'>' | b'(' | b')' | b','
            | b'%' | b' ' | b'\t' | b'\n' | b'\r' => {
                key.push(c);
                i += 1;
            }
            b'"' => {
                // Text literal, verbatim through its closing quote ("" is a quote inside).
                key.push(c);
                i += 1;
                loop {
                    let Some(&d) = b.get(i) else {
                        return false;
                    };
                    key.push(d);
                    i += 1;
                    if d == b'"' {
                        if b.get(i) == Some(&b'"') {
                            key.push(b'"');
                            i += 1;
                            continue;
                        }
                        break;
                    }
                }
            }
            b'0'..=b'9' => {
                let start = i;
                while i < n && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i < n && b[i] == b'.' {
                    i += 1;
                    while i < n && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                // Exponents, `1:3` rows and anything glued to the number: not in the subset.
                if i < n && (word_byte(b[i]) || b[i] == b':' || b[i] >= 0x80) {
                    return false;
                }
                let Some(value) = number_value(&b[start..i]) else {
                    return false;
                };
                key.push(NUMBER);
                numbers.push(value);
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                let start = i;
                let (end, cell) = read_word(b, i);
                i = end;
                let word = &b[start..end];
                match b.get(i) {
                    // Sheet prefixes, structured references, non-ASCII words.
                    Some(b'!' | b'[' | b'\'') => return false,
                    Some(&x) if x >= 0x80 => return false,
                    Some(b'(') => {
                        // A function name (a `$` would make the lexer read a reference).
                        if word.contains(&b'$') {
                            return false;
                        }
                        key.extend_from_slice(word);
                        key.push(b'(');
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
                let Some((wc, wr)) = cell else {
                    // A name, TRUE or FALSE: the same in every cell. (`A:C` columns and words
                    // with `$` that are not references are left to the parser.)
                    if word.contains(&b'$') || b.get(i) == Some(&b':') {
                        return false;
                    }
                    key.extend_from_slice(word);
                    continue;
                };
                if b.get(i) == Some(&b':') {
                    // `A1:B2`: the lexer reads one area when the second corner is a plain cell
                    // reference not followed by `(`.
                    let (j, second) = read_word(b, i + 1);
                    let Some((c2, r2)) = second else {
                        return false;
                    };
                    if matches!(b.get(j), Some(b'(' | b'!' | b'[' | b'\'' | b':'))
                        || b.get(j).is_some_and(|x| *x >= 0x80)
                    {
                        return false;
                    }
                    key.push(AREA);
                    push_coord(key, wr, row);
                    push_coord(key, wc, col);
                    push_coord(key, r2, row);
                    push_coord(key, c2, col);
                    refs.push(KeyRef::Area {
                        top: wr,
                        left: wc,
                        bottom: r2,
                        right: c2,
                    });
                    i = j;
                } else {
                    key.push(CELL);
                    push_coord(key, wr, row);
                    push_coord(key, wc, col);
                    refs.push(KeyRef::Cell { row: wr, col: wc });
                }
            }
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, row: u32, col: u32) -> Option<Vec<u8>> {
        let mut s = ShapeScan::default();
        s.scan(text, row, col).then_some(s.key)
    }

    #[test]
    fn filled_down_formulas_share_a_key() {
        assert_eq!(key("=A1+1", 1, 0), key("=A99999+1", 99_999, 0));
        assert_eq!(
            key("=(A7-B7)*C7*D7-E7", 6, 5),
            key("=(A8-B8)*C8*D8-E8", 7, 5)
        );
        assert_eq!(key("=SUM(A3:AX3)", 2, 50), key("=SUM(A9:AX9)", 8, 50));
        assert_eq!(key("=$A$1*2", 0, 1), key("=$A$1*2", 5, 1));
        assert_eq!(key("=$A$1*2+2", 0, 1), key("=$A$1*30+3.5", 5, 1));
        assert_eq!(key("=A$1+$B2", 3, 3), key("=B$1+$B3", 4, 4));
    }

    #[test]
    fn different_formulas_have_different_keys() {
        assert_ne!(key("=A1+1", 1, 0), key("=A1+1", 2, 0));
        assert_ne!(key("=$A$1*2", 0, 1), key("=$A$1+3", 0, 1));
        assert_ne!(key("=$A$1", 0, 1), key("=$A$2", 1, 1));
        assert_ne!(key("=A1", 0, 1), key("=$A1", 0, 1));
        assert_ne!(key("=A1:B2", 5, 5), key("=A1", 5, 5));
        assert_ne!(key("=LOG10(2)", 0, 0), key("=LOG11(2)", 1, 0));
        assert_ne!(key("=\"A1\"", 0, 0), key("=\"A2\"", 1, 0));
        assert_ne!(key("=rate*A1", 0, 1), key("=Rate*A1", 0, 1));
    }

    #[test]
    fn outside_the_subset_gives_up() {
        for text in [
            "=Sheet1!A1",
            "='My sheet'!A1",
            "=A:A",
            "=1:3",
            "=SUM(A1:B)",
            "={1,2}",
            "{=A1*2}",
            "=#N/A",
            "=1E5",
            "=.5",
            "=時給*2",
            "=Table1[Col]",
            "=\"open",
            "=A1:B2(",
            "=$A",
        ] {
            assert_eq!(key(text, 3, 3), None, "{text}");
        }
    }

    #[test]
    fn cell_words_are_read_as_the_lexer_reads_them() {
        use crate::formula::reference::parse_cell_coords;
        let mut words: Vec<String> = Vec::new();
        for col in ["A", "z", "AB", "xfd", "XFE", "ABCD", "$C", "", "$", "a$"] {
            for row in [
                "1", "01", "0", "1048576", "1048577", "0000001", "00000001", "$5", "5$", "12a", "",
                "$", "9999999", "99999999",
            ] {
                words.push(format!("{col}{row}"));
            }
        }
        words.extend(["LOG10", "R1C1", "A1.5", "_A1", "A_1", "$A$1$"].map(String::from));
        for w in words {
            let lexer = match parse_cell_coords(&w) {
                Some((c, r, "")) => Some((c, r)),
                _ => None,
            };
            let (end, cell) = read_word(w.as_bytes(), 0);
            let whole = end == w.len();
            assert_eq!(if whole { cell } else { None }, lexer, "{w}");
        }
    }

    #[test]
    fn numbers_are_read_as_the_lexer_reads_them() {
        for lit in [
            "0",
            "7",
            "007",
            "1.5",
            "7.50",
            "0.0001",
            "123456789012345678",
            "1234567890123456789",
            "99999999999999999999999999999",
            "1.0000000000000000000000000001",
            "12.",
            "3.14159",
        ] {
            assert_eq!(
                number_value(lit.as_bytes()).map(|d| d.serialize()),
                parse_decimal_literal(lit).map(|d| d.serialize()),
                "{lit}"
            );
        }
    }

    #[test]
    fn references_are_reported_in_order() {
        let mut s = ShapeScan::default();
        assert!(s.scan("=SUM(A1:B2)+$C$3*IF(x,D4,1.50)", 9, 9));
        let refs = &s.refs;
        assert_eq!(refs.len(), 3);
        assert_eq!(s.numbers.len(), 1);
        assert_eq!(s.numbers[0].to_string(), "1.50");
        assert!(matches!(refs[0], KeyRef::Area { .. }));
        assert_eq!(
            refs[1],
            KeyRef::Cell {
                row: Coord {
                    index: 2,
                    absolute: true
                },
                col: Coord {
                    index: 2,
                    absolute: true
                }
            }
        );
    }
}
