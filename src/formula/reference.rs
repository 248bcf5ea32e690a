//! A1 references: column letters, `$` anchors, cells, areas, whole columns and rows, and
//! sheet-name quoting. Rows and columns are zero-based inside kachi and one-based in text.

use std::fmt;
use std::sync::Arc;

/// Excel's grid limits.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLS: u32 = 16_384;

/// One coordinate of a reference: a zero-based index and whether it carries `$`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Coord {
    pub index: u32,
    pub absolute: bool,
}

impl Coord {
    pub fn relative(index: u32) -> Coord {
        Coord {
            index,
            absolute: false,
        }
    }
    pub fn absolute(index: u32) -> Coord {
        Coord {
            index,
            absolute: true,
        }
    }
}

/// A zero-based grid position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellPos {
    pub row: u32,
    pub col: u32,
}

impl CellPos {
    pub fn new(row: u32, col: u32) -> CellPos {
        CellPos { row, col }
    }

    /// Parses `B3` or `$B$3` (no sheet).
    pub fn parse_a1(text: &str) -> Option<CellPos> {
        let (col, row, rest) = parse_cell_coords(text)?;
        if !rest.is_empty() {
            return None;
        }
        Some(CellPos::new(row.index, col.index))
    }
}

impl fmt::Display for CellPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_name(self.col), self.row + 1)
    }
}

/// Column index (zero-based) to letters: 0 -> A, 25 -> Z, 26 -> AA.
pub fn column_name(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Letters (case-insensitive) to a zero-based column index, if within Excel's 16,384 columns.
pub fn column_index(letters: &str) -> Option<u32> {
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        n = n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    if n == 0 || n > MAX_COLS {
        return None;
    }
    Some(n - 1)
}

/// Parses the column part (`$AB`) of a reference; returns the coordinate and the rest.
pub fn parse_column_coord(text: &str) -> Option<(Coord, &str)> {
    let (absolute, rest) = match text.strip_prefix('$') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let letters_len = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    let col = column_index(&rest[..letters_len])?;
    Some((
        Coord {
            index: col,
            absolute,
        },
        &rest[letters_len..],
    ))
}

/// Parses the row part (`$12`) of a reference; returns the coordinate and the rest.
pub fn parse_row_coord(text: &str) -> Option<(Coord, &str)> {
    let (absolute, rest) = match text.strip_prefix('$') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 7 {
        return None;
    }
    let row: u32 = rest[..digits].parse().ok()?;
    if row == 0 || row > MAX_ROWS {
        return None;
    }
    Some((
        Coord {
            index: row - 1,
            absolute,
        },
        &rest[digits..],
    ))
}

/// Parses `$B$3` into (column, row, rest).
pub fn parse_cell_coords(text: &str) -> Option<(Coord, Coord, &str)> {
    let (col, rest) = parse_column_coord(text)?;
    let (row, rest) = parse_row_coord(rest)?;
    Some((col, row, rest))
}

/// Is this text exactly a cell reference such as `B3`, `$XFD$1048576`?
pub fn is_cell_reference(text: &str) -> bool {
    matches!(parse_cell_coords(text), Some((_, _, "")))
}

/// A sheet name as it must appear before `!` in a formula: quoted when needed.
pub fn quote_sheet_name(name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && !name.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && !is_cell_reference(name)
        && !looks_like_r1c1(name)
        && !name.eq_ignore_ascii_case("TRUE")
        && !name.eq_ignore_ascii_case("FALSE");
    if plain {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

fn looks_like_r1c1(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let rest = match upper.strip_prefix('R') {
        Some(r) => r,
        None => return upper.starts_with('C') && upper[1..].bytes().all(|b| b.is_ascii_digit()),
    };
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    let rest = &rest[digits..];
    rest.is_empty() || (rest.starts_with('C') && rest[1..].bytes().all(|b| b.is_ascii_digit()))
}

/// A reference to one cell as written in a formula.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CellReference {
    pub sheet: Option<Arc<str>>,
    pub row: Coord,
    pub col: Coord,
}

/// What an area spans: a block of cells, whole columns (`A:C`) or whole rows (`1:3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AreaKind {
    Cells,
    Columns,
    Rows,
}

/// A rectangular reference as written in a formula: `A1:B10`, `$A:$A`, `2:2`.
/// For whole columns the rows span the sheet; for whole rows the columns do.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AreaReference {
    pub sheet: Option<Arc<str>>,
    pub kind: AreaKind,
    pub top: Coord,
    pub left: Coord,
    pub bottom: Coord,
    pub right: Coord,
}

fn write_sheet(f: &mut fmt::Formatter<'_>, sheet: &Option<Arc<str>>) -> fmt::Result {
    if let Some(s) = sheet {
        write!(f, "{}!", quote_sheet_name(s))?;
    }
    Ok(())
}

fn dollar(absolute: bool) -> &'static str {
    if absolute {
        "$"
    } else {
        ""
    }
}

pub fn write_col(f: &mut impl fmt::Write, c: Coord) -> fmt::Result {
    write!(f, "{}{}", dollar(c.absolute), column_name(c.index))
}

pub fn write_row(f: &mut impl fmt::Write, r: Coord) -> fmt::Result {
    write!(f, "{}{}", dollar(r.absolute), r.index + 1)
}

impl fmt::Display for CellReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sheet(f, &self.sheet)?;
        write_col(f, self.col)?;
        write_row(f, self.row)
    }
}

impl fmt::Display for AreaReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sheet(f, &self.sheet)?;
        match self.kind {
            AreaKind::Cells => {
                write_col(f, self.left)?;
                write_row(f, self.top)?;
                f.write_str(":")?;
                write_col(f, self.right)?;
                write_row(f, self.bottom)
            }
            AreaKind::Columns => {
                write_col(f, self.left)?;
                f.write_str(":")?;
                write_col(f, self.right)
            }
            AreaKind::Rows => {
                write_row(f, self.top)?;
                f.write_str(":")?;
                write_row(f, self.bottom)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_round_trip() {
        for (i, name) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (701, "ZZ"),
            (702, "AAA"),
            (16383, "XFD"),
        ] {
            assert_eq!(column_name(i), name);
            assert_eq!(column_index(name), Some(i));
        }
        assert_eq!(column_index("XFE"), None);
        assert_eq!(column_index("ABCD"), None);
    }

    #[test]
    fn cell_references() {
        assert!(is_cell_reference("B3"));
        assert!(is_cell_reference("$B$3"));
        assert!(is_cell_reference("xfd1048576"));
        assert!(!is_cell_reference("XFD1048577"));
        assert!(!is_cell_reference("staff_before"));
        assert!(!is_cell_reference("B"));
        assert_eq!(CellPos::parse_a1("C10"), Some(CellPos::new(9, 2)));
        assert_eq!(CellPos::new(9, 2).to_string(), "C10");
    }

    #[test]
    fn sheet_names_are_quoted_when_needed() {
        assert_eq!(quote_sheet_name("Sheet1"), "Sheet1");
        assert_eq!(quote_sheet_name("Cost sheet"), "'Cost sheet'");
        assert_eq!(quote_sheet_name("O'Brien"), "'O''Brien'");
        assert_eq!(quote_sheet_name("A1"), "'A1'");
        assert_eq!(quote_sheet_name("2024"), "'2024'");
        assert_eq!(quote_sheet_name("R1C1"), "'R1C1'");
        assert_eq!(quote_sheet_name("原価"), "原価");
    }
}
