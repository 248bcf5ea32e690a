//! Shared formulas: Excel writes a formula filled over a range once, on its first cell
//! (`<f t="shared" ref="B1:B9" si="0">A1*2</f>`), and the other cells only name the group
//! (`<f t="shared" si="0"/>`). Each cell's formula is the anchor's with its relative
//! references moved by the cell's offset from the anchor, as when Excel fills a formula.
//!
//! The move walks the formula's pieces (see `formula_text`): string literals, quoted sheet
//! names, structured references, function names, sheet names and error literals stay as they
//! are; cell references (`A1`, `$A1`, `A$1`), areas (`A1:B2`), whole columns (`A:C`) and whole
//! rows (`1:3`) move where they are relative. A reference moved off the grid is `#REF!`, as
//! in Excel. (calamine's own expansion reads `'FY2020'!A1` as holding the cell FY2020 and
//! moves it to `'FY2021'!A1`.)

use rustc_hash::FxHashMap;

use super::formula_text::{self, Piece};
use crate::formula::reference::{
    parse_cell_coords, parse_column_coord, parse_row_coord, write_col, write_row, Coord, MAX_COLS,
    MAX_ROWS,
};
use crate::formula::CellPos;

/// The shared-formula groups of one sheet, as their anchors are read.
#[derive(Debug, Default)]
pub(crate) struct SharedFormulas {
    anchors: FxHashMap<usize, (CellPos, String)>,
}

impl SharedFormulas {
    /// Records the anchor of group `index`: its cell and formula text.
    pub fn add_anchor(&mut self, index: usize, cell: CellPos, formula: &str) {
        self.anchors.insert(index, (cell, formula.to_string()));
    }

    /// The formula of a cell of group `index`; None while the group's anchor is unknown.
    pub fn formula_at(&self, index: usize, cell: CellPos) -> Option<String> {
        let (anchor, formula) = self.anchors.get(&index)?;
        let rows = i64::from(cell.row) - i64::from(anchor.row);
        let cols = i64::from(cell.col) - i64::from(anchor.col);
        Some(shift_formula(formula, rows, cols))
    }
}

/// A formula's text with its relative references moved by `rows` and `cols`.
pub(crate) fn shift_formula(formula: &str, rows: i64, cols: i64) -> String {
    if rows == 0 && cols == 0 {
        return formula.to_string();
    }
    let pieces = formula_text::pieces(formula);
    let mut out = String::with_capacity(formula.len() + 8);
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        match piece {
            Piece::Word(word) if is_reference_position(&pieces, i) => {
                let (text, used) = shift_reference(&pieces, i, word, rows, cols);
                out.push_str(&text);
                i += used;
                continue;
            }
            Piece::Text(s) | Piece::Quoted(s) | Piece::Word(s) | Piece::Bracket(s) => {
                out.push_str(s)
            }
            Piece::Char(c) => out.push(*c),
        }
        i += 1;
    }
    out
}

/// A word that is not a function name, a sheet or table name (the first sheet of a 3D
/// reference `Sheet1:Sheet3!A1` included), or part of an error literal.
fn is_reference_position(pieces: &[Piece<'_>], i: usize) -> bool {
    let next = pieces.get(i + 1);
    let after_hash = i
        .checked_sub(1)
        .and_then(|j| pieces.get(j))
        .is_some_and(|p| *p == Piece::Char('#'));
    let first_of_sheets = matches!(
        (pieces.get(i + 1), pieces.get(i + 2), pieces.get(i + 3)),
        (
            Some(Piece::Char(':')),
            Some(Piece::Word(_)),
            Some(Piece::Char('!'))
        )
    );
    !after_hash
        && !first_of_sheets
        && !matches!(next, Some(Piece::Char('(' | '!')) | Some(Piece::Bracket(_)))
}

/// The moved text of the reference starting at piece `i` (a cell, or an area `X:Y` spanning
/// three pieces), and how many pieces it used. A word that is no reference is kept.
fn shift_reference(
    pieces: &[Piece<'_>],
    i: usize,
    word: &str,
    rows: i64,
    cols: i64,
) -> (String, usize) {
    if let (Some(Piece::Char(':')), Some(Piece::Word(second))) =
        (pieces.get(i + 1), pieces.get(i + 2))
    {
        if is_reference_position(pieces, i + 2) {
            if let Some(text) = shift_area(word, second, rows, cols) {
                return (text, 3);
            }
        }
    }
    match parse_cell_coords(word) {
        Some((col, row, "")) => {
            let text = shift_cell(col, row, rows, cols).unwrap_or_else(|| "#REF!".to_string());
            (text, 1)
        }
        _ => (word.to_string(), 1),
    }
}

/// `A1:B2`, `A:C` or `1:3` moved; None when the two words do not make an area.
fn shift_area(first: &str, second: &str, rows: i64, cols: i64) -> Option<String> {
    if let (Some((c1, r1, "")), Some((c2, r2, ""))) =
        (parse_cell_coords(first), parse_cell_coords(second))
    {
        let moved = shift_cell(c1, r1, rows, cols).zip(shift_cell(c2, r2, rows, cols));
        return Some(match moved {
            Some((a, b)) => format!("{a}:{b}"),
            None => "#REF!".to_string(),
        });
    }
    if let (Some((c1, "")), Some((c2, ""))) =
        (parse_column_coord(first), parse_column_coord(second))
    {
        let moved = move_coord(c1, cols, MAX_COLS).zip(move_coord(c2, cols, MAX_COLS));
        return Some(match moved {
            Some((a, b)) => {
                let mut text = String::new();
                let _ = write_col(&mut text, a);
                text.push(':');
                let _ = write_col(&mut text, b);
                text
            }
            None => "#REF!".to_string(),
        });
    }
    if let (Some((r1, "")), Some((r2, ""))) = (parse_row_coord(first), parse_row_coord(second)) {
        let moved = move_coord(r1, rows, MAX_ROWS).zip(move_coord(r2, rows, MAX_ROWS));
        return Some(match moved {
            Some((a, b)) => {
                let mut text = String::new();
                let _ = write_row(&mut text, a);
                text.push(':');
                let _ = write_row(&mut text, b);
                text
            }
            None => "#REF!".to_string(),
        });
    }
    None
}

fn shift_cell(col: Coord, row: Coord, rows: i64, cols: i64) -> Option<String> {
    let col = move_coord(col, cols, MAX_COLS)?;
    let row = move_coord(row, rows, MAX_ROWS)?;
    let mut text = String::new();
    write_col(&mut text, col).ok()?;
    write_row(&mut text, row).ok()?;
    Some(text)
}

/// A relative coordinate moved by `by`, if it stays on the grid (`limit` indexes).
fn move_coord(c: Coord, by: i64, limit: u32) -> Option<Coord> {
    if c.absolute {
        return Some(c);
    }
    let index = i64::from(c.index).checked_add(by)?;
    let index = u32::try_from(index).ok().filter(|i| *i < limit)?;
    Some(Coord {
        index,
        absolute: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_relative_references_only() {
        assert_eq!(shift_formula("A1*2", 1, 0), "A2*2");
        assert_eq!(shift_formula("$A1+A$1+$A$1", 2, 3), "$A3+D$1+$A$1");
        assert_eq!(shift_formula("SUM(A1:B2)", 1, 1), "SUM(B2:C3)");
        assert_eq!(
            shift_formula("SUM(A:A,1:1,$C:C)", 1, 1),
            "SUM(B:B,2:2,$C:D)"
        );
        assert_eq!(
            shift_formula("Sheet2!B3+'My sheet'!C4", 1, 0),
            "Sheet2!B4+'My sheet'!C5"
        );
    }

    #[test]
    fn leaves_names_text_and_sheets_alone() {
        // Sheet names that look like cells, a function named like a cell, table columns.
        assert_eq!(
            shift_formula("'FY2020'!A1+LOG10(A1)", 1, 0),
            "'FY2020'!A2+LOG10(A2)"
        );
        assert_eq!(shift_formula("Table1[Col1]+A1", 1, 0), "Table1[Col1]+A2");
        assert_eq!(shift_formula("\"A1\"&B1", 1, 0), "\"A1\"&B2");
        assert_eq!(
            shift_formula("IF(A1,#REF!,#N/A)", 1, 0),
            "IF(A2,#REF!,#N/A)"
        );
        assert_eq!(shift_formula("1.5E3+TRUE+Rate", 5, 5), "1.5E3+TRUE+Rate");
        // 3D references name sheets, however cell-like; an external workbook's sheet too.
        assert_eq!(shift_formula("SUM(FY1:FY2!B1)", 1, 0), "SUM(FY1:FY2!B2)");
        assert_eq!(
            shift_formula("SUM('Q1:Q4'!B1:B2)", 0, 1),
            "SUM('Q1:Q4'!C1:C2)"
        );
        assert_eq!(shift_formula("[1]AB12!C3+A1#", 1, 0), "[1]AB12!C4+A2#");
    }

    #[test]
    fn references_moved_off_the_grid_are_ref_errors() {
        assert_eq!(shift_formula("A1+B2", -1, 0), "#REF!+B1");
        assert_eq!(shift_formula("SUM(A1:B2)", 0, -1), "SUM(#REF!)");
        assert_eq!(shift_formula("XFD1+1", 0, 1), "#REF!+1");
    }

    #[test]
    fn groups_expand_from_their_anchor() {
        let mut groups = SharedFormulas::default();
        assert_eq!(groups.formula_at(0, CellPos::new(1, 1)), None);
        groups.add_anchor(0, CellPos::new(0, 1), "A1*2");
        assert_eq!(
            groups.formula_at(0, CellPos::new(3, 1)).as_deref(),
            Some("A4*2")
        );
        assert_eq!(
            groups.formula_at(0, CellPos::new(0, 1)).as_deref(),
            Some("A1*2")
        );
    }
}
