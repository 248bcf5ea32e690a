//! OpenDocument formulas (`of:=SUM([.A1:.B2];[Sheet2.C3])`) to Excel syntax
//! (`SUM(A1:B2,Sheet2!C3)`). calamine hands over the `table:formula` attribute as written.

use crate::formula::reference::quote_sheet_name;

/// Converts an OpenFormula text to Excel formula text (without `=`). Text that is not
/// OpenFormula (no `of:` prefix and no bracketed references) comes back unchanged.
pub(crate) fn to_excel(formula: &str) -> String {
    let body = formula
        .strip_prefix("of:")
        .or_else(|| formula.strip_prefix("oooc:"))
        .unwrap_or(formula);
    let body = body.strip_prefix('=').unwrap_or(body);
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    let mut in_array = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                copy_string_literal(&mut chars, &mut out);
            }
            '[' => {
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    inner.push(d);
                }
                out.push_str(&reference(&inner));
            }
            '{' => {
                in_array = true;
                out.push('{');
            }
            '}' => {
                in_array = false;
                out.push('}');
            }
            ';' => out.push(','),
            '|' if in_array => out.push(';'),
            other => out.push(other),
        }
    }
    out
}

/// A named range's address (`$Data.$A$1:.$B$2`, no brackets) or formula (`of:=...`) to Excel
/// syntax.
pub(crate) fn name_to_excel(definition: &str) -> String {
    let trimmed = definition.trim();
    if trimmed.starts_with("of:") || trimmed.starts_with('=') || trimmed.contains('[') {
        to_excel(trimmed)
    } else {
        reference(trimmed)
    }
}

/// Copies the rest of a `"..."` literal (with `""` escapes) including the closing quote.
fn copy_string_literal(chars: &mut std::iter::Peekable<std::str::Chars>, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '"' {
            if chars.peek() == Some(&'"') {
                out.push('"');
                chars.next();
            } else {
                return;
            }
        }
    }
}

/// `.A1`, `Sheet2.A1`, `$'My sheet'.$A$1`, `.A1:.B2` -> `A1`, `Sheet2!A1`, ...
fn reference(inner: &str) -> String {
    let parts = split_range(inner);
    let mut out = String::new();
    let mut first_sheet: Option<String> = None;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        let (sheet, cell) = split_sheet(part);
        match sheet {
            Some(s) if i == 0 || first_sheet.as_deref() != Some(s.as_str()) => {
                out.push_str(&quote_sheet_name(&s));
                out.push('!');
                if i == 0 {
                    first_sheet = Some(s);
                }
            }
            _ => {}
        }
        out.push_str(cell);
    }
    out
}

/// Splits `A:B` at colons outside quotes.
fn split_range(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_quote = false;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '\'' => in_quote = !in_quote,
            ':' if !in_quote => {
                parts.push(inner.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(inner.get(start..).unwrap_or(""));
    parts
}

/// `$'My sheet'.$A$1` -> (Some("My sheet"), "$A$1"); `.A1` -> (None, "A1").
fn split_sheet(part: &str) -> (Option<String>, &str) {
    let part = part.strip_prefix('$').unwrap_or(part);
    if let Some(quoted) = part.strip_prefix('\'') {
        let mut name = String::new();
        let mut chars = quoted.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().map(|(_, c)| *c) == Some('\'') {
                    name.push('\'');
                    chars.next();
                    continue;
                }
                let rest = quoted.get(i + 1..).unwrap_or("");
                return (Some(name), rest.strip_prefix('.').unwrap_or(rest));
            }
            name.push(c);
        }
        return (Some(name), "");
    }
    match part.rfind('.') {
        Some(0) => (None, part.get(1..).unwrap_or("")),
        Some(dot) => (
            part.get(..dot).map(str::to_string),
            part.get(dot + 1..).unwrap_or(""),
        ),
        None => (None, part),
    }
}

#[cfg(test)]
mod tests {
    use super::to_excel;

    #[test]
    fn converts_references_separators_and_arrays() {
        assert_eq!(
            to_excel("of:=SUM([.A1:.B2];[Sheet2.C3])"),
            "SUM(A1:B2,Sheet2!C3)"
        );
        assert_eq!(
            to_excel("of:=[.A1]+[$'My sheet'.$B$2]"),
            "A1+'My sheet'!$B$2"
        );
        assert_eq!(
            to_excel("of:=IF([.A1]>0;\"a;[b]\";{1;2|3;4})"),
            "IF(A1>0,\"a;[b]\",{1,2;3,4})"
        );
        assert_eq!(to_excel("of:=[Data.A1:Data.A9]"), "Data!A1:A9");
        assert_eq!(to_excel("A1*2"), "A1*2");
        assert_eq!(super::name_to_excel("$Data.$A$1"), "Data!$A$1");
        assert_eq!(
            super::name_to_excel("$'My data'.$A$1:.$B$3"),
            "'My data'!$A$1:$B$3"
        );
    }
}
