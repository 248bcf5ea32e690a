//! Excel tables (`xl/tables/tableN.xml`, related from their worksheet) and the structured
//! references formulas use to read them, rewritten into A1 references at import, before a
//! formula reaches kachi's parser:
//!
//! | structured reference                   | becomes (table `T` on A1:D6, header row 1, totals row 6) |
//! |----------------------------------------|-----------------------------------------------------------|
//! | `T[Qty]`, `T[[Qty]]`                    | the column's data rows, `$B$2:$B$5`                         |
//! | `T`, `T[]`, `T[#Data]`                  | every column's data rows, `$A$2:$D$5`                       |
//! | `T[#All]`, `T[#Headers]`, `T[#Totals]`  | `$A$1:$D$6`, `$A$1:$D$1`, `$A$6:$D$6` (no such row: `#REF!`) |
//! | `T[[#Headers],[#Data],[Qty]]`           | `$B$1:$B$5`                                                 |
//! | `T[[Qty]:[Price]]`                      | `$B$2:$C$5`                                                 |
//! | `T[@Qty]`, `[@Qty]`, `T[[#This Row],[Qty]]`, `[@[Unit price]]` | the formula's own row, `$B$3` (outside the data rows: `#VALUE!`) |
//! | `[Qty]` (no table name)                 | the table holding the formula's cell                       |
//!
//! Column names are matched without regard to case; `'` escapes `[`, `]`, `#` and `'` in them.
//! The result is sheet-qualified when the formula is on another sheet than the table. Because
//! `#This Row` depends on the cell, the rewritten formula is per cell. A reference that cannot
//! be resolved (unknown table or column, an unqualified reference outside any table) is
//! reported with its text and the formula is left for the parser to refuse.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rustc_hash::FxHashMap;

use super::formula_text::{self, Piece};
use super::names::attribute;
use crate::formula::reference::{column_name, quote_sheet_name};
use crate::formula::CellPos;

/// A table of a worksheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Table {
    /// The name formulas use (`displayName`).
    pub name: String,
    pub sheet: String,
    /// The whole table, header and totals rows included (`ref`): zero-based, inclusive.
    pub top: u32,
    pub left: u32,
    pub bottom: u32,
    pub right: u32,
    /// 0 or 1 (`headerRowCount`, 1 when absent).
    pub header_rows: u32,
    /// 0 or 1 (`totalsRowCount`, 0 when absent).
    pub totals_rows: u32,
    /// Column names, left to right.
    pub columns: Vec<String>,
}

/// Inclusive rows of a part of a table.
type RowSpan = (u32, u32);

impl Table {
    fn headers(&self) -> Option<RowSpan> {
        let last = self.top.checked_add(self.header_rows)?.checked_sub(1)?;
        (self.header_rows > 0 && last <= self.bottom).then_some((self.top, last))
    }

    fn data(&self) -> Option<RowSpan> {
        let first = self.top.checked_add(self.header_rows)?;
        let last = self.bottom.checked_sub(self.totals_rows)?;
        (first <= last).then_some((first, last))
    }

    fn totals(&self) -> Option<RowSpan> {
        let first = self.bottom.checked_add(1)?.checked_sub(self.totals_rows)?;
        (self.totals_rows > 0 && first >= self.top).then_some((first, self.bottom))
    }

    fn contains(&self, sheet: &str, cell: CellPos) -> bool {
        self.sheet == sheet
            && (self.top..=self.bottom).contains(&cell.row)
            && (self.left..=self.right).contains(&cell.col)
    }

    /// The sheet column of a column name (case-insensitive).
    fn column(&self, name: &str) -> Option<u32> {
        let wanted = name.to_lowercase();
        let index = self
            .columns
            .iter()
            .position(|c| c.to_lowercase() == wanted)?;
        let col = self.left.checked_add(u32::try_from(index).ok()?)?;
        (col <= self.right).then_some(col)
    }

    /// `Table1 (Sheet1!A1:F5)`, for the import report.
    pub fn describe(&self) -> String {
        format!(
            "{} ({}!{}:{})",
            self.name,
            self.sheet,
            CellPos::new(self.top, self.left),
            CellPos::new(self.bottom, self.right)
        )
    }
}

/// The tables of a workbook, found by name without regard to case.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tables {
    list: Vec<Table>,
    by_name: FxHashMap<String, usize>,
}

impl Tables {
    /// Adds a table; a second table of the same name is refused (returned).
    pub fn add(&mut self, table: Table) -> Result<(), Table> {
        let key = table.name.to_lowercase();
        if self.by_name.contains_key(&key) {
            return Err(table);
        }
        self.by_name.insert(key, self.list.len());
        self.list.push(table);
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Table> {
        self.list.iter()
    }

    fn named(&self, name: &str) -> Option<&Table> {
        self.by_name
            .get(&name.to_lowercase())
            .and_then(|&i| self.list.get(i))
    }

    fn holding(&self, sheet: &str, cell: CellPos) -> Option<&Table> {
        self.list.iter().find(|t| t.contains(sheet, cell))
    }
}

// ------------------------------------------------------------------------------- table parts

/// Reads a table part (`<table displayName=.. ref=.. headerRowCount=.. totalsRowCount=..>`
/// with its `<tableColumn name=..>`s). Malformed XML or a missing name or range is an error
/// message (the caller names the part).
pub(crate) fn parse_table_part(xml: &str, sheet: &str) -> Result<Table, String> {
    let mut reader = Reader::from_str(xml);
    let mut table: Option<Table> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "table" if table.is_none() => table = Some(table_start(&e, sheet)?),
                "tableColumn" => {
                    if let Some(t) = table.as_mut() {
                        let name = attribute(&e, "name").unwrap_or_default();
                        t.columns.push(decode_xstring(&name));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "malformed XML at byte {}: {e}",
                    reader.error_position()
                ))
            }
        }
    }
    table.ok_or_else(|| "no <table> element".to_string())
}

fn table_start(e: &BytesStart, sheet: &str) -> Result<Table, String> {
    let name = attribute(e, "displayName")
        .or_else(|| attribute(e, "name"))
        .filter(|n| !n.is_empty())
        .ok_or("the table has no name")?;
    let range = attribute(e, "ref").ok_or_else(|| format!("table {name} has no range"))?;
    let (first, last) = range.split_once(':').unwrap_or((&range, &range));
    let corners = CellPos::parse_a1(first).zip(CellPos::parse_a1(last));
    let (a, b) = corners.ok_or_else(|| format!("table {name}: bad range '{range}'"))?;
    let count = |key: &str, default: u32| {
        attribute(e, key)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(default)
            .min(1)
    };
    Ok(Table {
        name,
        sheet: sheet.to_string(),
        top: a.row.min(b.row),
        left: a.col.min(b.col),
        bottom: a.row.max(b.row),
        right: a.col.max(b.col),
        header_rows: count("headerRowCount", 1),
        totals_rows: count("totalsRowCount", 0),
        columns: Vec::new(),
    })
}

/// Decodes OOXML's `_xHHHH_` escapes (`_x000a_` is a line break) in an attribute value.
fn decode_xstring(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let code = from
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| from.get(6..7) == Some("_"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = from.get(7..).unwrap_or("");
            }
            None => {
                out.push_str("_x");
                rest = from.get(2..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------------------------- rewriting

/// Where the formula being rewritten lives: its sheet (None for a workbook-wide defined name)
/// and cell (None for a defined name).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Site<'a> {
    pub sheet: Option<&'a str>,
    pub cell: Option<CellPos>,
}

/// A structured reference that could not be turned into a range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unresolved {
    /// The reference as written (`Table1[Nope]`).
    pub text: String,
    pub reason: String,
}

/// Rewrites every structured reference of a formula (text without `=`) into A1 references.
/// `Ok(None)` when the formula has none.
pub(crate) fn rewrite(
    formula: &str,
    tables: &Tables,
    site: Site<'_>,
) -> Result<Option<String>, Unresolved> {
    let pieces = formula_text::pieces(formula);
    let mut out = String::with_capacity(formula.len() + 16);
    let mut changed = false;
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        let previous = i.checked_sub(1).and_then(|j| pieces.get(j));
        let next = pieces.get(i + 1);
        // After `!` a name is sheet- or workbook-qualified (`[1]!Table1[Col]`): not ours.
        let qualified = previous == Some(&Piece::Char('!'));
        match (piece, next) {
            (Piece::Word(name), Some(Piece::Bracket(spec))) => {
                if qualified {
                    out.push_str(name);
                    out.push_str(spec);
                } else {
                    let text = format!("{name}{spec}");
                    let table = tables.named(name).ok_or_else(|| Unresolved {
                        text: text.clone(),
                        reason: format!("the workbook has no table named '{name}'"),
                    })?;
                    out.push_str(&resolve(&text, spec, table, site)?);
                    changed = true;
                }
                i += 2;
                continue;
            }
            (Piece::Word(name), next) => {
                let bare_table = !qualified
                    && !matches!(next, Some(Piece::Char('(' | '!')))
                    && tables.named(name).is_some();
                match tables.named(name).filter(|_| bare_table) {
                    Some(table) => {
                        out.push_str(&resolve(name, "[]", table, site)?);
                        changed = true;
                    }
                    None => out.push_str(name),
                }
            }
            (Piece::Bracket(spec), next) if !is_external_tail(next) => {
                let table = unqualified_table(spec, tables, site)?;
                out.push_str(&resolve(spec, spec, table, site)?);
                changed = true;
            }
            (Piece::Text(s) | Piece::Quoted(s) | Piece::Bracket(s), _) => out.push_str(s),
            (Piece::Char(c), _) => out.push(*c),
        }
        i += 1;
    }
    Ok(changed.then_some(out))
}

/// A bracket followed by a sheet name, a quoted name or `!` is an external workbook index
/// (`[1]Sheet1!A1`, `[1]!Name`), not a structured reference.
fn is_external_tail(next: Option<&Piece<'_>>) -> bool {
    matches!(
        next,
        Some(Piece::Word(_) | Piece::Quoted(_) | Piece::Char('!'))
    )
}

fn unqualified_table<'t>(
    spec: &str,
    tables: &'t Tables,
    site: Site<'_>,
) -> Result<&'t Table, Unresolved> {
    let unresolved = |reason: &str| Unresolved {
        text: spec.to_string(),
        reason: reason.to_string(),
    };
    let (Some(sheet), Some(cell)) = (site.sheet, site.cell) else {
        return Err(unresolved(
            "a reference without a table name only works inside a table",
        ));
    };
    tables.holding(sheet, cell).ok_or_else(|| {
        unresolved("the cell is not inside a table, so the reference needs a table name")
    })
}

/// The A1 text (or error literal) for one structured reference of `table`; `spec` is the
/// bracket group (`[...]`), `text` the whole reference for messages.
fn resolve(text: &str, spec: &str, table: &Table, site: Site<'_>) -> Result<String, Unresolved> {
    let unresolved = |reason: String| Unresolved {
        text: text.to_string(),
        reason,
    };
    let inner = spec
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .ok_or_else(|| unresolved("the '[' has no closing ']'".to_string()))?;
    let parsed = parse_spec(inner).map_err(&unresolved)?;
    let (left, right) = columns(&parsed, table).map_err(&unresolved)?;
    let (top, bottom) = match rows(&parsed, table, site).map_err(&unresolved)? {
        Rows::Span(top, bottom) => (top, bottom),
        Rows::Error(literal) => return Ok(literal.to_string()),
    };
    let prefix = match site.sheet {
        Some(sheet) if sheet == table.sheet => String::new(),
        _ => format!("{}!", quote_sheet_name(&table.sheet)),
    };
    let corner = |row: u32, col: u32| format!("${}${}", column_name(col), u64::from(row) + 1);
    Ok(if top == bottom && left == right {
        format!("{prefix}{}", corner(top, left))
    } else {
        format!("{prefix}{}:{}", corner(top, left), corner(bottom, right))
    })
}

/// The special items of a structured reference (`#All`, `#Data`, `#Headers`, `#Totals`,
/// `#This Row` or `@`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Items {
    all: bool,
    data: bool,
    headers: bool,
    totals: bool,
    this_row: bool,
}

/// A parsed structured reference: its items and the columns it selects (first and last name,
/// None for every column).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Spec {
    items: Items,
    columns: Option<(String, String)>,
}

impl Spec {
    fn add_item(&mut self, text: &str) -> Result<(), String> {
        let words: Vec<String> = text
            .trim()
            .trim_start_matches('#')
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        match words.join(" ").as_str() {
            "all" => self.items.all = true,
            "data" => self.items.data = true,
            "headers" => self.items.headers = true,
            "totals" => self.items.totals = true,
            "this row" => self.items.this_row = true,
            _ => return Err(format!("unknown item '{}'", text.trim())),
        }
        Ok(())
    }

    fn set_columns(&mut self, first: &str, last: &str) -> Result<(), String> {
        if self.columns.is_some() {
            return Err("more than one column selection".to_string());
        }
        self.columns = Some((unescape(first), unescape(last)));
        Ok(())
    }
}

/// Parses the inside of a structured reference's brackets: empty, `#Item`, `Column`,
/// `@Column`, `@[Column]`, or a list `[#Item],[Column]:[Column]`.
fn parse_spec(inner: &str) -> Result<Spec, String> {
    let mut spec = Spec::default();
    let trimmed = inner.trim_start();
    let (body, this_row) = match trimmed.strip_prefix('@') {
        Some(rest) => (rest, true),
        None => (inner, false),
    };
    spec.items.this_row = this_row;
    let body_trimmed = body.trim();
    if body_trimmed.is_empty() {
        return Ok(spec);
    }
    if body_trimmed.starts_with('[') {
        parse_list(body_trimmed, &mut spec)?;
    } else if body_trimmed.starts_with('#') && !this_row {
        spec.add_item(body_trimmed)?;
    } else {
        spec.set_columns(body, body)?;
    }
    Ok(spec)
}

/// `[#Headers],[#Data],[Col1]:[Col2]`: items separated by commas (spaces allowed around them).
fn parse_list(text: &str, spec: &mut Spec) -> Result<(), String> {
    let mut rest = text;
    loop {
        let (first, after) = take_item(rest.trim_start())?;
        rest = after.trim_start();
        if let Some(after_colon) = rest.strip_prefix(':') {
            let (last, after) = take_item(after_colon.trim_start())?;
            rest = after.trim_start();
            if first.starts_with('#') || last.starts_with('#') {
                return Err("a range of items must join two column names".to_string());
            }
            spec.set_columns(first, last)?;
        } else if first.trim_start().starts_with('#') {
            spec.add_item(first)?;
        } else {
            spec.set_columns(first, first)?;
        }
        if rest.is_empty() {
            return Ok(());
        }
        rest = rest
            .strip_prefix(',')
            .ok_or("expected ',' between the parts of the reference")?;
    }
}

/// Splits `[inner]rest` (`'` escapes the next character inside). A part without brackets
/// (`[#This Row],Qty`, as some writers expand `@Qty`) runs to the next `,` or `:`.
fn take_item(text: &str) -> Result<(&str, &str), String> {
    let Some(body) = text.strip_prefix('[') else {
        let end = unescaped_position(text, &[',', ':']).unwrap_or(text.len());
        let (item, rest) = text.split_at(end);
        if item.trim().is_empty() {
            return Err("an empty part in the list of the reference".to_string());
        }
        return Ok((item.trim(), rest));
    };
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\'' {
            escaped = true;
        } else if c == ']' {
            return Ok((body.get(..i).unwrap_or(""), body.get(i + 1..).unwrap_or("")));
        } else if c == '[' {
            return Err("unexpected '[' inside a part of the reference".to_string());
        }
    }
    Err("a part of the reference has no closing ']'".to_string())
}

/// The byte index of the first of `stops` not escaped by `'`.
fn unescaped_position(text: &str, stops: &[char]) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\'' {
            escaped = true;
        } else if stops.contains(&c) {
            return Some(i);
        }
    }
    None
}

/// A column name as written, without its `'` escapes.
fn unescape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        if c == '\'' {
            match chars.next() {
                Some(next) => out.push(next),
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The sheet columns a reference selects.
fn columns(spec: &Spec, table: &Table) -> Result<(u32, u32), String> {
    let Some((first, last)) = &spec.columns else {
        return Ok((table.left, table.right));
    };
    let find = |name: &str| {
        table
            .column(name)
            .or_else(|| table.column(name.trim()))
            .ok_or_else(|| format!("table {} has no column '{name}'", table.name))
    };
    let (a, b) = (find(first)?, find(last)?);
    Ok((a.min(b), a.max(b)))
}

/// The rows a reference selects, or the error Excel gives for it.
enum Rows {
    Span(u32, u32),
    Error(&'static str),
}

fn rows(spec: &Spec, table: &Table, site: Site<'_>) -> Result<Rows, String> {
    let items = spec.items;
    if items.this_row {
        if items.all || items.data || items.headers || items.totals {
            return Err("#This Row cannot be combined with other items".to_string());
        }
        let cell = site
            .cell
            .ok_or("#This Row (@) has no row to refer to in a defined name")?;
        return Ok(match table.data() {
            Some((first, last)) if (first..=last).contains(&cell.row) => {
                Rows::Span(cell.row, cell.row)
            }
            _ => Rows::Error("#VALUE!"),
        });
    }
    if items.all {
        return Ok(Rows::Span(table.top, table.bottom));
    }
    let (headers, totals) = (items.headers, items.totals);
    let data = items.data || !(headers || totals);
    if headers && totals && !data {
        return Err("#Headers and #Totals are not adjacent".to_string());
    }
    let parts = [
        (headers, table.headers()),
        (data, table.data()),
        (totals, table.totals()),
    ];
    let spans: Vec<RowSpan> = parts
        .iter()
        .filter(|(wanted, _)| *wanted)
        .filter_map(|(_, span)| *span)
        .collect();
    let first = spans.iter().map(|s| s.0).min();
    let last = spans.iter().map(|s| s.1).max();
    Ok(match first.zip(last) {
        Some((first, last)) => Rows::Span(first, last),
        None => Rows::Error("#REF!"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Sales` on Data!B2:E7: header row 2, data rows 3-6, totals row 7; columns Region, Qty,
    /// Unit price, `#Odd [name]`.
    fn tables() -> Tables {
        let mut t = Tables::default();
        let sales = Table {
            name: "Sales".into(),
            sheet: "Data".into(),
            top: 1,
            left: 1,
            bottom: 6,
            right: 4,
            header_rows: 1,
            totals_rows: 1,
            columns: vec![
                "Region".into(),
                "Qty".into(),
                "Unit price".into(),
                "#Odd [name]".into(),
            ],
        };
        let bare = Table {
            name: "NoHeader".into(),
            sheet: "Other sheet".into(),
            top: 0,
            left: 0,
            bottom: 2,
            right: 1,
            header_rows: 0,
            totals_rows: 0,
            columns: vec!["Column1".into(), "Column2".into()],
        };
        assert!(t.add(sales).is_ok());
        assert!(t.add(bare).is_ok());
        t
    }

    fn at(sheet: &'static str, cell: &str) -> Site<'static> {
        Site {
            sheet: Some(sheet),
            cell: CellPos::parse_a1(cell),
        }
    }

    fn rw(formula: &str, site: Site<'_>) -> String {
        match rewrite(formula, &tables(), site) {
            Ok(Some(text)) => text,
            Ok(None) => formula.to_string(),
            Err(u) => format!("ERR {}: {}", u.text, u.reason),
        }
    }

    #[test]
    fn columns_and_special_items() {
        let s = at("Data", "H1");
        assert_eq!(rw("SUM(Sales[Qty])", s), "SUM($C$3:$C$6)");
        assert_eq!(rw("SUM(sales[QTY])", s), "SUM($C$3:$C$6)");
        assert_eq!(rw("SUM(Sales[[Qty]])", s), "SUM($C$3:$C$6)");
        assert_eq!(rw("SUM(Sales)", s), "SUM($B$3:$E$6)");
        assert_eq!(rw("SUM(Sales[])", s), "SUM($B$3:$E$6)");
        assert_eq!(rw("SUM(Sales[#Data])", s), "SUM($B$3:$E$6)");
        assert_eq!(rw("SUM(Sales[#All])", s), "SUM($B$2:$E$7)");
        assert_eq!(rw("SUM(Sales[#Headers])", s), "SUM($B$2:$E$2)");
        assert_eq!(rw("SUM(Sales[#Totals])", s), "SUM($B$7:$E$7)");
        assert_eq!(rw("Sales[[#Totals],[Qty]]+1", s), "$C$7+1");
        assert_eq!(rw("Sales[[#Totals], [Qty]]", s), "$C$7");
        assert_eq!(
            rw("SUM(Sales[[#Headers],[#Data],[Qty]])", s),
            "SUM($C$2:$C$6)"
        );
        assert_eq!(
            rw("SUM(Sales[[#Data],[#Totals],[Qty]])", s),
            "SUM($C$3:$C$7)"
        );
        assert_eq!(rw("SUM(Sales[[Unit price]:[Qty]])", s), "SUM($C$3:$D$6)");
        assert_eq!(
            rw("SUM(Sales[[#All],[Qty]:[Unit price]])", s),
            "SUM($C$2:$D$7)"
        );
        assert_eq!(rw("COUNTA(Sales['#Odd '[name']])", s), "COUNTA($E$3:$E$6)");
    }

    #[test]
    fn this_row_is_the_formula_cell_row() {
        let s = at("Data", "F4");
        assert_eq!(rw("Sales[@Qty]*Sales[@[Unit price]]", s), "$C$4*$D$4");
        // Without the table name, only inside the table (E4 is in its last column).
        let inside = at("Data", "E4");
        assert_eq!(rw("[@Qty]*[@[Unit price]]", inside), "$C$4*$D$4");
        assert!(rw("[@Qty]", s).starts_with("ERR [@Qty]: the cell is not inside a table"));
        assert_eq!(rw("Sales[[#This Row],[Qty]]", s), "$C$4");
        assert_eq!(
            rw("SUM(Sales[[#This Row],[Qty]:[Unit price]])", s),
            "SUM($C$4:$D$4)"
        );
        assert_eq!(rw("SUM(Sales[#This Row])", s), "SUM($B$4:$E$4)");
        assert_eq!(rw("SUM(Sales[@])", s), "SUM($B$4:$E$4)");
        assert_eq!(rw("SUM([@[Qty]:[Unit price]])", inside), "SUM($C$4:$D$4)");
        // `@Qty` as rust_xlsxwriter expands it.
        assert_eq!(rw("Sales[[#This Row],Qty]", s), "$C$4");
        // On another sheet, the same row number; outside the data rows, #VALUE!.
        assert_eq!(rw("Sales[@Qty]", at("Other sheet", "A5")), "Data!$C$5");
        assert_eq!(rw("Sales[@Qty]", at("Data", "A7")), "#VALUE!");
    }

    #[test]
    fn unqualified_references_use_the_table_of_the_cell() {
        assert_eq!(
            rw("SUBTOTAL(109,[Qty])", at("Data", "C7")),
            "SUBTOTAL(109,$C$3:$C$6)"
        );
        let outside = rw("SUM([Qty])", at("Data", "H9"));
        assert!(outside.starts_with("ERR [Qty]:"), "{outside}");
    }

    #[test]
    fn missing_rows_and_other_sheets() {
        let s = at("Data", "H1");
        assert_eq!(rw("SUM(NoHeader[#Headers])", s), "SUM(#REF!)");
        assert_eq!(rw("SUM(NoHeader[#Totals])", s), "SUM(#REF!)");
        assert_eq!(
            rw("SUM(NoHeader[Column2])", s),
            "SUM('Other sheet'!$B$1:$B$3)"
        );
        assert_eq!(
            rw("SUM(NoHeader[[#Headers],[#Data],[Column2]])", s),
            "SUM('Other sheet'!$B$1:$B$3)"
        );
    }

    #[test]
    fn leaves_everything_else_alone() {
        let s = at("Data", "H1");
        for text in [
            "[1]Sheet1!A1+[2]!Rate",
            "\"Sales[Qty]\"&'Sales'!A1",
            "Sales!A1+Sales2",
            "REGEX(\"[a-z]\",A1)",
        ] {
            assert_eq!(rewrite(text, &tables(), s), Ok(None), "{text}");
        }
    }

    #[test]
    fn unknown_tables_and_columns_are_reported() {
        let s = at("Data", "H1");
        assert_eq!(
            rw("SUM(Nope[Qty])", s),
            "ERR Nope[Qty]: the workbook has no table named 'Nope'"
        );
        assert_eq!(
            rw("SUM(Sales[Nope])", s),
            "ERR Sales[Nope]: table Sales has no column 'Nope'"
        );
        assert!(rw("SUM(Sales[[#Headers],[#Totals]])", s).starts_with("ERR"));
        assert!(rw("SUM(Sales[[Qty],[Region]])", s).starts_with("ERR"));
        assert!(rw("SUM(Sales[#Bogus])", s).starts_with("ERR"));
        assert!(rw("SUM(Sales[[Qty]", s).starts_with("ERR"));
        let name = Site {
            sheet: None,
            cell: None,
        };
        assert!(rw("Sales[@Qty]", name).starts_with("ERR"));
        assert_eq!(rw("Sales[Qty]", name), "Data!$C$3:$C$6");
    }

    #[test]
    fn reads_table_parts() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="Table9" displayName="Escapes" ref="A1:C6" totalsRowCount="1"><autoFilter ref="A1:C5"/><tableColumns count="3"><tableColumn id="1" name="Hi, 'This"/><tableColumn id="2" name="Line_x000a_break"/><tableColumn id="3" name="Totals []^&amp;*@#$,,&lt;>"><calculatedColumnFormula>1</calculatedColumnFormula></tableColumn></tableColumns></table>"#;
        let t = parse_table_part(xml, "Escape").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.name, "Escapes");
        assert_eq!((t.top, t.left, t.bottom, t.right), (0, 0, 5, 2));
        assert_eq!((t.header_rows, t.totals_rows), (1, 1));
        assert_eq!(
            t.columns,
            ["Hi, 'This", "Line\nbreak", "Totals []^&*@#$,,<>"]
        );
        let mut tables = Tables::default();
        assert!(tables.add(t).is_ok());
        let s = at("Escape", "H1");
        let rewritten = |f: &str| rewrite(f, &tables, s).ok().flatten();
        assert_eq!(
            rewritten("SUM(Escapes[Totals '[']^&*@'#$,,<>])").as_deref(),
            Some("SUM($C$2:$C$5)")
        );
        assert_eq!(
            rewritten("SUBTOTAL(109,Escapes[Hi, ''This])").as_deref(),
            Some("SUBTOTAL(109,$A$2:$A$5)")
        );
        assert!(parse_table_part("<table name=\"x\"/>", "S").is_err());
        assert!(parse_table_part("<table", "S").is_err());
    }

    #[test]
    fn decodes_xstring_escapes() {
        assert_eq!(decode_xstring("a_x000a_b"), "a\nb");
        assert_eq!(decode_xstring("_x_x0041_"), "_xA");
        assert_eq!(decode_xstring("plain_name"), "plain_name");
    }
}
