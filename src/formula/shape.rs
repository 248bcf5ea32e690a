//! Formula shapes: a key that is the same for two formulas when they differ only in where
//! their cell references point *relative to their own cells*, so that a filled-down column
//! (`=A1+1`, `=A2+1`, ...) is parsed and compiled once. Excel's shared formulas rest on the
//! same idea.
//!
//! [`relative_key`] scans the text once, without allocating, and understands a deliberately
//! small subset of the formula language: numbers, text literals, operators, parentheses,
//! function names, names, and cell references and `A1:B2` areas without a sheet prefix. For
//! anything else (sheet prefixes, whole rows or columns, array literals, error literals,
//! non-ASCII names, ...) it gives up, and the caller parses that formula in full.
//!
//! Within the subset, its tokens are the lexer's tokens: everything but a reference is copied
//! verbatim (it means the same in every cell), and each reference is written as its
//! coordinates, relative ones as offsets from the formula's cell. Two formulas with the same
//! key therefore lex to the same tokens up to reference coordinates that are equal relative to
//! their cells, and parse and compile (with relative references) to the same program.

use super::reference::{parse_cell_coords, Coord};

/// Marks a cell reference in a key (never a byte of formula text outside a text literal).
const CELL: u8 = 0x01;
/// Marks an `A1:B2` area in a key.
const AREA: u8 = 0x02;

/// A reference found by [`relative_key`], in absolute coordinates (for cross-checks).
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

/// Bytes that continue a word, as the lexer's `is_word_char` (ASCII part).
#[inline]
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'\\' | b'$' | b'?')
}

#[inline]
fn push_coord(key: &mut Vec<u8>, c: Coord, anchor: u32) {
    if c.absolute {
        key.push(b'a');
        key.extend_from_slice(&c.index.to_le_bytes());
    } else {
        key.push(b'r');
        let offset = i64::from(c.index) - i64::from(anchor);
        key.extend_from_slice(&(offset as i32).to_le_bytes());
    }
}

/// Writes the shape key of `text` for a formula in cell (`row`, `col`) into `key` (cleared
/// first). Returns false, with `key` unspecified, when the text is outside the subset this
/// scanner understands; the formula must then be parsed on its own. `refs`, when given,
/// receives the references found, in order.
pub fn relative_key(
    text: &str,
    row: u32,
    col: u32,
    key: &mut Vec<u8>,
    mut refs: Option<&mut Vec<KeyRef>>,
) -> bool {
    key.clear();
    if let Some(r) = refs.as_deref_mut() {
        r.clear();
    }
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
                key.extend_from_slice(&b[start..i]);
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                let start = i;
                while i < n && word_byte(b[i]) {
                    i += 1;
                }
                let word = &text[start..i];
                match b.get(i) {
                    // Sheet prefixes, structured references, non-ASCII words.
                    Some(b'!' | b'[' | b'\'') => return false,
                    Some(&x) if x >= 0x80 => return false,
                    Some(b'(') => {
                        // A function name (a `$` would make the lexer read a reference).
                        if word.contains('$') {
                            return false;
                        }
                        key.extend_from_slice(word.as_bytes());
                        key.push(b'(');
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
                let Some((wc, wr, "")) = parse_cell_coords(word) else {
                    // A name, TRUE or FALSE: the same in every cell. (`A:C` columns and words
                    // with `$` that are not references are left to the parser.)
                    if word.contains('$') || b.get(i) == Some(&b':') {
                        return false;
                    }
                    key.extend_from_slice(word.as_bytes());
                    continue;
                };
                if b.get(i) == Some(&b':') {
                    // `A1:B2`: the lexer reads one area when the second corner is a plain cell
                    // reference not followed by `(`.
                    let s2 = i + 1;
                    let mut j = s2;
                    while j < n && word_byte(b[j]) {
                        j += 1;
                    }
                    let second = &text[s2..j];
                    let Some((c2, r2, "")) = parse_cell_coords(second) else {
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
                    if let Some(r) = refs.as_deref_mut() {
                        r.push(KeyRef::Area {
                            top: wr,
                            left: wc,
                            bottom: r2,
                            right: c2,
                        });
                    }
                    i = j;
                } else {
                    key.push(CELL);
                    push_coord(key, wr, row);
                    push_coord(key, wc, col);
                    if let Some(r) = refs.as_deref_mut() {
                        r.push(KeyRef::Cell { row: wr, col: wc });
                    }
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
        let mut k = Vec::new();
        relative_key(text, row, col, &mut k, None).then_some(k)
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
        assert_eq!(key("=A$1+$B2", 3, 3), key("=B$1+$B3", 4, 4));
    }

    #[test]
    fn different_formulas_have_different_keys() {
        assert_ne!(key("=A1+1", 1, 0), key("=A1+1", 2, 0));
        assert_ne!(key("=$A$1*2", 0, 1), key("=$A$1*3", 0, 1));
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
    fn references_are_reported_in_order() {
        let mut k = Vec::new();
        let mut refs = Vec::new();
        assert!(relative_key(
            "=SUM(A1:B2)+$C$3*IF(x,D4,1)",
            9,
            9,
            &mut k,
            Some(&mut refs)
        ));
        assert_eq!(refs.len(), 3);
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
