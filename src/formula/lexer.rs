//! Formula text -> tokens, each with its byte span for error carets.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::reference::{
    column_index, parse_cell_coords, parse_column_coord, parse_row_coord, AreaKind, AreaReference,
    CellReference, Coord, MAX_COLS, MAX_ROWS,
};
use super::ParseError;
use crate::numeric::parse_decimal_literal;
use crate::value::ErrorKind;

#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    Number(Decimal),
    Text(Arc<str>),
    Bool(bool),
    Error(ErrorKind),
    Cell(CellReference),
    Area(AreaReference),
    Name {
        sheet: Option<Arc<str>>,
        name: Arc<str>,
    },
    External(Arc<str>),
    /// A function name immediately followed by `(` (the parenthesis is consumed).
    Function(Arc<str>),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Amp,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Percent,
    Colon,
    Comma,
    Semicolon,
    LParen,
    RParen,
    LBrace,
    RBrace,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte offset of the token's first character in the formula text.
    pub start: usize,
}

/// Upper-cases a function name and strips Excel's storage prefixes (`_xlfn.`, `_xlws.`).
pub fn canonical_function_name(name: &str) -> String {
    let mut upper = name.to_uppercase();
    // In any order and number (`_xlws._xlfn.SORT`), so that printing is stable.
    while let Some(rest) = ["_XLFN.", "_XLWS.", "_XLUDF."]
        .iter()
        .find_map(|p| upper.strip_prefix(p))
    {
        upper = rest.to_string();
    }
    upper
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '\\' | '$' | '?')
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
}

pub fn tokenize(text: &str) -> Result<Vec<Token>, ParseError> {
    let mut lexer = Lexer {
        text,
        pos: 0,
        tokens: Vec::new(),
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

impl<'a> Lexer<'a> {
    fn err(&self, at: usize, message: impl Into<String>) -> ParseError {
        ParseError::new(self.text, at, message)
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.text.get(self.pos + offset..)?.chars().next()
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        self.tokens.push(Token { kind, start });
    }

    fn run(&mut self) -> Result<(), ParseError> {
        while let Some(c) = self.peek() {
            let start = self.pos;
            if c.is_whitespace() {
                self.pos += c.len_utf8();
                continue;
            }
            let single = match c {
                '+' => Some(TokenKind::Plus),
                '-' => Some(TokenKind::Minus),
                '*' => Some(TokenKind::Star),
                '/' => Some(TokenKind::Slash),
                '^' => Some(TokenKind::Caret),
                '&' => Some(TokenKind::Amp),
                '=' => Some(TokenKind::Eq),
                '%' => Some(TokenKind::Percent),
                ':' => Some(TokenKind::Colon),
                ',' => Some(TokenKind::Comma),
                ';' => Some(TokenKind::Semicolon),
                '(' => Some(TokenKind::LParen),
                ')' => Some(TokenKind::RParen),
                '{' => Some(TokenKind::LBrace),
                '}' => Some(TokenKind::RBrace),
                _ => None,
            };
            if let Some(kind) = single {
                self.pos += 1;
                self.push(kind, start);
                continue;
            }
            match c {
                '<' => {
                    self.pos += 1;
                    let kind = match self.peek() {
                        Some('=') => {
                            self.pos += 1;
                            TokenKind::Le
                        }
                        Some('>') => {
                            self.pos += 1;
                            TokenKind::Ne
                        }
                        _ => TokenKind::Lt,
                    };
                    self.push(kind, start);
                }
                '>' => {
                    self.pos += 1;
                    let kind = if self.peek() == Some('=') {
                        self.pos += 1;
                        TokenKind::Ge
                    } else {
                        TokenKind::Gt
                    };
                    self.push(kind, start);
                }
                '"' => self.string()?,
                '#' => {
                    let kind = self.error_literal()?;
                    self.push(kind, start);
                }
                '0'..='9' => self.number_or_rows()?,
                '.' if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => {
                    self.number_or_rows()?
                }
                '\'' | '[' => self.reference_or_name()?,
                c if is_word_char(c) => self.reference_or_name()?,
                other => return Err(self.err(start, format!("unexpected character '{other}'"))),
            }
        }
        Ok(())
    }

    fn string(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.err(start, "text starting here has no closing '\"'")),
                Some('"') => {
                    if self.peek_at(1) == Some('"') {
                        out.push('"');
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                        break;
                    }
                }
                Some(c) => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
        self.push(TokenKind::Text(Arc::from(out)), start);
        Ok(())
    }

    fn error_literal(&mut self) -> Result<TokenKind, ParseError> {
        let start = self.pos;
        let rest = &self.text[self.pos..];
        for e in ErrorKind::ALL {
            let lit = e.as_str();
            if rest.len() >= lit.len()
                && rest.is_char_boundary(lit.len())
                && rest[..lit.len()].eq_ignore_ascii_case(lit)
            {
                self.pos += lit.len();
                return Ok(TokenKind::Error(e));
            }
        }
        Err(self.err(
            start,
            "unknown error value (expected #DIV/0!, #N/A, #NAME?, #NULL!, #NUM!, #REF! or #VALUE!)",
        ))
    }

    fn number_or_rows(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        // Whole rows: 1:3
        if i > start && bytes.get(i) == Some(&b':') {
            if let Some((end, top, bottom)) = self.row_range_at(start) {
                self.pos = end;
                self.push(TokenKind::Area(rows_area(None, top, bottom)), start);
                return Ok(());
            }
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(bytes.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if bytes.get(j).is_some_and(|b| b.is_ascii_digit()) {
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                i = j;
            }
        }
        let literal = &self.text[start..i];
        let value = parse_decimal_literal(literal)
            .ok_or_else(|| self.err(start, format!("number '{literal}' is out of range")))?;
        self.pos = i;
        self.push(TokenKind::Number(value), start);
        Ok(())
    }

    /// `$1:$3` starting at `at`: returns (end, top, bottom).
    fn row_range_at(&self, at: usize) -> Option<(usize, Coord, Coord)> {
        let rest = &self.text[at..];
        let (top, after) = parse_row_coord(rest)?;
        let after = after.strip_prefix(':')?;
        let (bottom, tail) = parse_row_coord(after)?;
        if tail.starts_with(is_word_char) {
            return None;
        }
        Some((self.text.len() - tail.len(), top, bottom))
    }

    /// `$A:$C` starting at `at`: returns (end, left, right).
    fn column_range_at(&self, at: usize) -> Option<(usize, Coord, Coord)> {
        let rest = &self.text[at..];
        let (left, after) = parse_column_coord(rest)?;
        let after = after.strip_prefix(':')?;
        let (right, tail) = parse_column_coord(after)?;
        if tail.starts_with(is_word_char) || tail.starts_with('(') {
            return None;
        }
        Some((self.text.len() - tail.len(), left, right))
    }

    fn word_end(&self, from: usize) -> usize {
        let rest = &self.text[from..];
        let len: usize = rest
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum();
        from + len
    }

    /// Reads `'Quoted name'` starting at self.pos; returns the unquoted name.
    fn quoted_sheet(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(self.err(start, "sheet name starting here has no closing quote"))
                }
                Some('\'') => {
                    if self.peek_at(1) == Some('\'') {
                        out.push('\'');
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                        break;
                    }
                }
                Some(c) => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
        Ok(out)
    }

    fn reference_or_name(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        // Optional sheet prefix.
        let mut sheet: Option<String> = None;
        if self.peek() == Some('\'') {
            let name = self.quoted_sheet()?;
            if self.peek() != Some('!') {
                return Err(self.err(self.pos, "expected '!' after the quoted sheet name"));
            }
            self.pos += 1;
            sheet = Some(name);
        } else if self.peek() == Some('[') {
            // External workbook reference: [1]Sheet1!A1 or [Book.xlsx]Sheet1!A1
            let close = self.text[self.pos..]
                .find(']')
                .ok_or_else(|| self.err(start, "'[' has no closing ']'"))?;
            self.pos += close + 1;
            let end = self.external_end(self.pos);
            let text = &self.text[start..end];
            self.pos = end;
            self.push(TokenKind::External(Arc::from(text)), start);
            return Ok(());
        } else {
            let end = self.word_end(self.pos);
            if self.text[end..].starts_with('!') && !self.text[self.pos..end].contains('$') {
                sheet = Some(self.text[self.pos..end].to_string());
                self.pos = end + 1;
            } else if self.text[end..].starts_with('[') {
                // Structured reference (Table1[Column]): not supported.
                return Err(self.err(
                    end,
                    "structured table references (Table[Column]) are not supported",
                ));
            }
        }
        if let Some(s) = &sheet {
            if s.contains('[') {
                let end = self.external_end(self.pos);
                let text = &self.text[start..end];
                self.pos = end;
                self.push(TokenKind::External(Arc::from(text)), start);
                return Ok(());
            }
        }
        let sheet: Option<Arc<str>> = sheet.map(Arc::from);
        let ref_start = self.pos;
        if self.text[ref_start..].starts_with('#') {
            let kind = self.error_literal()?;
            self.push(kind, start);
            return Ok(());
        }
        // Whole rows after a sheet prefix or with '$': Sheet1!1:3, $1:$3
        if self.peek().is_some_and(|c| c.is_ascii_digit() || c == '$') {
            if let Some((end, top, bottom)) = self.row_range_at(ref_start) {
                self.pos = end;
                self.push(TokenKind::Area(rows_area(sheet, top, bottom)), start);
                return Ok(());
            }
        }
        if let Some((end, left, right)) = self.column_range_at(ref_start) {
            self.pos = end;
            self.push(TokenKind::Area(columns_area(sheet, left, right)), start);
            return Ok(());
        }
        let end = self.word_end(ref_start);
        if end == ref_start {
            return Err(self.err(
                ref_start,
                "expected a cell reference or name after the sheet name",
            ));
        }
        let word = &self.text[ref_start..end];
        self.pos = end;
        if self.peek() == Some('(') && sheet.is_none() && !word.contains('$') {
            let name = canonical_function_name(word);
            if name.is_empty() {
                return Err(self.err(
                    start,
                    format!("'{word}' is a prefix without a function name"),
                ));
            }
            self.pos += 1;
            self.push(TokenKind::Function(Arc::from(name)), start);
            return Ok(());
        }
        if let Some((col, row, "")) = parse_cell_coords(word) {
            let first = CellReference {
                sheet: sheet.clone(),
                row,
                col,
            };
            // A1:B2 lexed as one area when the second corner is a plain cell reference.
            if let Some(area) = self.area_tail(&first) {
                self.push(TokenKind::Area(area), start);
            } else {
                self.push(TokenKind::Cell(first), start);
            }
            return Ok(());
        }
        if word.contains('$') {
            return Err(self.err(ref_start, format!("'{word}' is not a valid cell reference")));
        }
        if sheet.is_none() {
            if word.eq_ignore_ascii_case("TRUE") {
                self.push(TokenKind::Bool(true), start);
                return Ok(());
            }
            if word.eq_ignore_ascii_case("FALSE") {
                self.push(TokenKind::Bool(false), start);
                return Ok(());
            }
        }
        if !is_valid_name(word) {
            return Err(self.err(
                ref_start,
                format!("'{word}' is not a valid name or reference"),
            ));
        }
        self.push(
            TokenKind::Name {
                sheet,
                name: Arc::from(word),
            },
            start,
        );
        Ok(())
    }

    fn external_end(&self, from: usize) -> usize {
        let mut end = from;
        let bytes = self.text.as_bytes();
        while end < bytes.len() {
            let c = self.text[end..].chars().next().unwrap_or(' ');
            if is_word_char(c) || c == '!' || c == ':' || c == '\'' || c == '#' {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end
    }

    /// After a cell reference: `:B2` or `:Sheet1!B2` completing an area.
    fn area_tail(&mut self, first: &CellReference) -> Option<AreaReference> {
        let rest = self.text.get(self.pos..)?;
        let after = rest.strip_prefix(':')?;
        let mut second_text = after;
        // Optional repeated sheet prefix (Sheet1!A1:Sheet1!B2)
        if let Some(sheet) = &first.sheet {
            let plain = format!("{sheet}!");
            let quoted = format!("{}!", super::reference::quote_sheet_name(sheet));
            if let Some(r) = second_text.strip_prefix(&quoted) {
                second_text = r;
            } else if let Some(r) = second_text.strip_prefix(&plain) {
                second_text = r;
            }
        }
        let word_len: usize = second_text
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum();
        let word = &second_text[..word_len];
        let (col, row, tail) = parse_cell_coords(word)?;
        if !tail.is_empty() || second_text[word_len..].starts_with('(') {
            return None;
        }
        self.pos = self.text.len() - second_text.len() + word_len;
        Some(AreaReference {
            sheet: first.sheet.clone(),
            kind: AreaKind::Cells,
            top: first.row,
            left: first.col,
            bottom: row,
            right: col,
        })
    }
}

fn rows_area(sheet: Option<Arc<str>>, top: Coord, bottom: Coord) -> AreaReference {
    AreaReference {
        sheet,
        kind: AreaKind::Rows,
        top,
        left: Coord::absolute(0),
        bottom,
        right: Coord::absolute(MAX_COLS - 1),
    }
}

fn columns_area(sheet: Option<Arc<str>>, left: Coord, right: Coord) -> AreaReference {
    AreaReference {
        sheet,
        kind: AreaKind::Columns,
        top: Coord::absolute(0),
        left,
        bottom: Coord::absolute(MAX_ROWS - 1),
        right,
    }
}

/// Is `name` usable as a cell or defined name? Letters (any script), digits, `_`, `.`, `\`;
/// starts with a letter, `_` or `\`; not a cell reference, not TRUE/FALSE, not R1C1-like.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_alphabetic() || first == '_' || first == '\\') {
        return false;
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '\\' | '?'))
    {
        return false;
    }
    if name.chars().count() > 255 {
        return false;
    }
    if super::reference::is_cell_reference(name)
        || name.eq_ignore_ascii_case("TRUE")
        || name.eq_ignore_ascii_case("FALSE")
    {
        return false;
    }
    // R, C, R1C1, RC2 and the like are reserved by Excel.
    let upper = name.to_ascii_uppercase();
    if upper == "R" || upper == "C" {
        return false;
    }
    if let Some(rest) = upper.strip_prefix('R') {
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        let rest = &rest[digits..];
        if rest.is_empty() && digits > 0 {
            return false;
        }
        if let Some(c) = rest.strip_prefix('C') {
            if c.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
        }
    }
    if let Some(rest) = upper.strip_prefix('C') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    // A bare column name followed by nothing is fine (e.g. "AB" is a valid name in Excel? no:
    // Excel accepts it), but column-letter words are resolved as names, as Excel does.
    let _ = column_index;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text)
            .map(|t| t.into_iter().map(|t| t.kind).collect())
            .unwrap_or_default()
    }

    #[test]
    fn names_and_references() {
        assert!(matches!(kinds("staff_before")[0], TokenKind::Name { .. }));
        assert!(matches!(kinds("時給")[0], TokenKind::Name { .. }));
        assert!(matches!(kinds("B3")[0], TokenKind::Cell(_)));
        assert!(matches!(kinds("$B$3:C4")[0], TokenKind::Area(_)));
        assert!(matches!(kinds("'Cost sheet'!A1:B2")[0], TokenKind::Area(_)));
        assert!(matches!(kinds("A:A")[0], TokenKind::Area(_)));
        assert!(matches!(kinds("1:3")[0], TokenKind::Area(_)));
        assert!(
            matches!(kinds("_xlfn.STDEV.S(")[0], TokenKind::Function(ref n) if &**n == "STDEV.S")
        );
        assert!(matches!(kinds("true")[0], TokenKind::Bool(true)));
        assert!(matches!(
            kinds("#div/0!")[0],
            TokenKind::Error(ErrorKind::Div0)
        ));
        assert!(matches!(kinds("[1]Sheet1!A1")[0], TokenKind::External(_)));
    }

    #[test]
    fn valid_names() {
        assert!(is_valid_name("staff_before"));
        assert!(is_valid_name("時給"));
        assert!(is_valid_name("value.per.day"));
        assert!(!is_valid_name("A1"));
        assert!(!is_valid_name("1abc"));
        assert!(!is_valid_name("R1C1"));
        assert!(!is_valid_name("has space"));
        assert!(!is_valid_name("TRUE"));
        assert!(!is_valid_name(""));
        assert!(!is_valid_name("bad\u{7}name"));
    }

    #[test]
    fn numbers_are_exact() {
        assert_eq!(kinds("1.5"), vec![TokenKind::Number(Decimal::new(15, 1))]);
        assert_eq!(kinds("1E3"), vec![TokenKind::Number(Decimal::from(1000))]);
        assert_eq!(kinds(".5"), vec![TokenKind::Number(Decimal::new(5, 1))]);
    }
}
