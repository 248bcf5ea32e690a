//! A lossless split of formula text, as stored in a file, into the pieces the import rewrites
//! before a formula reaches kachi's parser: string literals, quoted sheet names, words (names,
//! references, numbers), bracket groups (structured references, external workbook indexes)
//! and single characters. Joining the pieces gives the text back unchanged.
//!
//! The scan is a single loop over the characters (no recursion, whatever the input); unclosed
//! strings, quotes and brackets run to the end of the text.

/// One piece of formula text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// `"text"`, quotes included (a doubled quote inside stands for one quote).
    Text(&'a str),
    /// `'Sheet name'`, quotes included (doubled quotes inside).
    Quoted(&'a str),
    /// A run of name characters: `SUM`, `A1`, `$B$2`, `Table1`, `1.5`, `_xlfn.X`.
    Word(&'a str),
    /// `[...]` up to its matching bracket, brackets included. Inside, brackets nest and `'`
    /// escapes the next character (`'[`, `']`, `'#`, `''`), as in structured references.
    Bracket(&'a str),
    /// Any other character: operators, parentheses, `!`, `:`, `,`, `#`, whitespace.
    Char(char),
}

/// The characters of names and references (the formula lexer's word characters).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '\\' | '$' | '?')
}

/// Splits formula text into pieces.
pub(crate) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        let end = match c {
            '"' => quoted_end(text, at, '"'),
            '\'' => quoted_end(text, at, '\''),
            '[' => bracket_end(text, at),
            c if is_word_char(c) => word_end(text, at),
            c => at + c.len_utf8(),
        };
        let piece = text.get(at..end).unwrap_or("");
        out.push(match c {
            '"' => Piece::Text(piece),
            '\'' => Piece::Quoted(piece),
            '[' => Piece::Bracket(piece),
            c if is_word_char(c) => Piece::Word(piece),
            c => Piece::Char(c),
        });
        at = end;
    }
    out
}

/// Joins pieces back into text.
#[cfg(test)]
pub(crate) fn join(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(s) | Piece::Quoted(s) | Piece::Word(s) | Piece::Bracket(s) => {
                out.push_str(s)
            }
            Piece::Char(c) => out.push(*c),
        }
    }
    out
}

/// Byte index just past a string or quoted name opened at `start` (a doubled quote is an
/// escaped quote); the end of the text when it is not closed.
fn quoted_end(text: &str, start: usize, quote: char) -> usize {
    let mut chars = text
        .get(start..)
        .unwrap_or("")
        .char_indices()
        .skip(1)
        .peekable();
    while let Some((i, c)) = chars.next() {
        if c == quote {
            if chars.peek().map(|(_, next)| *next) == Some(quote) {
                chars.next();
                continue;
            }
            return start + i + c.len_utf8();
        }
    }
    text.len()
}

/// Byte index just past the `]` matching the `[` at `start`; the end of the text when there
/// is none.
fn bracket_end(text: &str, start: usize) -> usize {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in text.get(start..).unwrap_or("").char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\'' if depth > 0 => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return start + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

fn word_end(text: &str, start: usize) -> usize {
    text.get(start..)
        .unwrap_or("")
        .char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map(|(i, _)| start + i)
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_without_losing_anything() {
        for text in [
            "SUM(Table1[[#This Row],[Jan]:[Dec]])*2",
            "'My ''sheet'''!A1+\"a \"\"quoted\"\" [text]\"",
            "[1]Sheet1!$A$1+Table9[Totals '[']^&*@'#$,,<>]",
            "\"unclosed",
            "Table1[[unclosed",
            "Кондиционеры!B2&[@[Цена партнера]]",
            "",
        ] {
            assert_eq!(join(&pieces(text)), text, "{text}");
        }
    }

    #[test]
    fn recognises_each_kind_of_piece() {
        let p = pieces("SUM('a b'!A1,T[[#Data],[x']y]],\"[z]\")");
        assert_eq!(
            p,
            [
                Piece::Word("SUM"),
                Piece::Char('('),
                Piece::Quoted("'a b'"),
                Piece::Char('!'),
                Piece::Word("A1"),
                Piece::Char(','),
                Piece::Word("T"),
                Piece::Bracket("[[#Data],[x']y]]"),
                Piece::Char(','),
                Piece::Text("\"[z]\""),
                Piece::Char(')'),
            ]
        );
    }
}
