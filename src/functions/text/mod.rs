//! Text functions.
//!
//! Positions and lengths count characters (Unicode scalar values), 1-based. The `B` variants
//! (LENB, MIDB...) behave like the plain ones, as Excel does outside double-byte locales.
//! Numbers become text with Excel's General format ([`Value::to_text`]); text results longer
//! than Excel's cell limit of 32,767 characters are `#VALUE!`.

mod format;

use std::cell::RefCell;
use std::sync::Arc;

use regex::{Captures, Regex, RegexBuilder};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::args::{for_each_value, lift, operand_or, scalar, Array, EvalContext, Operand};
use super::{FunctionDef, VARIADIC};
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::eager("CONCAT", "text1, [text2], ...", 1, VARIADIC, concat),
    FunctionDef::scalar(
        "CONCATENATE",
        "text1, [text2], ...",
        1,
        VARIADIC,
        concatenate,
    ),
    FunctionDef::eager(
        "TEXTJOIN",
        "delimiter, ignore_empty, text1, [text2], ...",
        3,
        VARIADIC,
        textjoin,
    ),
    FunctionDef::scalar("LEN", "text", 1, 1, len),
    FunctionDef::scalar("LENB", "text", 1, 1, len),
    FunctionDef::scalar("LEFT", "text, [num_chars]", 1, 2, left),
    FunctionDef::scalar("LEFTB", "text, [num_bytes]", 1, 2, left),
    FunctionDef::scalar("RIGHT", "text, [num_chars]", 1, 2, right),
    FunctionDef::scalar("RIGHTB", "text, [num_bytes]", 1, 2, right),
    FunctionDef::scalar("MID", "text, start_num, num_chars", 3, 3, mid),
    FunctionDef::scalar("MIDB", "text, start_num, num_bytes", 3, 3, mid),
    FunctionDef::scalar("UPPER", "text", 1, 1, upper),
    FunctionDef::scalar("LOWER", "text", 1, 1, lower),
    FunctionDef::scalar("PROPER", "text", 1, 1, proper),
    FunctionDef::scalar("TRIM", "text", 1, 1, trim),
    FunctionDef::scalar("CLEAN", "text", 1, 1, clean),
    FunctionDef::scalar("FIND", "find_text, within_text, [start_num]", 2, 3, find),
    FunctionDef::scalar("FINDB", "find_text, within_text, [start_num]", 2, 3, find),
    FunctionDef::scalar(
        "SEARCH",
        "find_text, within_text, [start_num]",
        2,
        3,
        search,
    ),
    FunctionDef::scalar(
        "SEARCHB",
        "find_text, within_text, [start_num]",
        2,
        3,
        search,
    ),
    FunctionDef::scalar(
        "SUBSTITUTE",
        "text, old_text, new_text, [instance_num]",
        3,
        4,
        substitute,
    ),
    FunctionDef::scalar(
        "REPLACE",
        "old_text, start_num, num_chars, new_text",
        4,
        4,
        replace,
    ),
    FunctionDef::scalar(
        "REPLACEB",
        "old_text, start_num, num_bytes, new_text",
        4,
        4,
        replace,
    ),
    FunctionDef::scalar("REPT", "text, number_times", 2, 2, rept),
    FunctionDef::scalar("VALUE", "text", 1, 1, value),
    FunctionDef::scalar(
        "NUMBERVALUE",
        "text, [decimal_separator], [group_separator]",
        1,
        3,
        numbervalue,
    ),
    FunctionDef::scalar("EXACT", "text1, text2", 2, 2, exact),
    FunctionDef::scalar("FIXED", "number, [decimals], [no_commas]", 1, 3, fixed),
    FunctionDef::scalar("DOLLAR", "number, [decimals]", 1, 2, dollar),
    FunctionDef::scalar("BAHTTEXT", "number", 1, 1, bahttext),
    FunctionDef::scalar("CHAR", "number", 1, 1, char_),
    FunctionDef::scalar("CODE", "text", 1, 1, code),
    FunctionDef::scalar("UNICHAR", "number", 1, 1, unichar),
    FunctionDef::scalar("UNICODE", "text", 1, 1, unicode),
    FunctionDef::scalar("T", "value", 1, 1, t),
    FunctionDef::scalar("TEXT", "value, format_text", 2, 2, text),
    FunctionDef::eager(
        "TEXTBEFORE",
        "text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found]",
        2,
        6,
        textbefore,
    ),
    FunctionDef::eager(
        "TEXTAFTER",
        "text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found]",
        2,
        6,
        textafter,
    ),
    FunctionDef::eager(
        "TEXTSPLIT",
        "text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with]",
        2,
        6,
        textsplit,
    ),
    FunctionDef::scalar("VALUETOTEXT", "value, [format]", 1, 2, valuetotext),
    FunctionDef::eager("ARRAYTOTEXT", "array, [format]", 1, 2, arraytotext),
    FunctionDef::scalar("ASC", "text", 1, 1, asc),
    FunctionDef::scalar("DBCS", "text", 1, 1, dbcs),
    FunctionDef::scalar(
        "REGEXTEST",
        "text, pattern, [case_sensitivity]",
        2,
        3,
        regextest,
    ),
    FunctionDef::eager(
        "REGEXEXTRACT",
        "text, pattern, [return_mode], [case_sensitivity]",
        2,
        4,
        regexextract,
    ),
    FunctionDef::scalar(
        "REGEXREPLACE",
        "text, pattern, replacement, [occurrence], [case_sensitivity]",
        3,
        5,
        regexreplace,
    ),
];

/// Excel's limit on the length of a text value.
const MAX_TEXT_CHARS: usize = 32_767;
/// The most cells TEXTSPLIT builds (a guard against absurd row x column products).
const MAX_SPLIT_CELLS: usize = 1 << 20;
/// Compiled regular expressions may use at most this much memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Shared argument helpers.
// ---------------------------------------------------------------------------------------------

/// A whole-number argument, truncated toward zero after Excel's 15-digit snap; out-of-range
/// magnitudes saturate (LEFT("abc", 1E+20) is simply "abc").
fn int_arg(v: &Value) -> Result<i64, ErrorKind> {
    let n = numeric::snap15(v.to_number()?).trunc();
    Ok(n.to_i64().unwrap_or(if n < Decimal::ZERO {
        i64::MIN
    } else {
        i64::MAX
    }))
}

/// An optional whole-number argument: `default` when omitted (an empty argument is 0).
fn opt_int(args: &[Value], i: usize, default: i64) -> Result<i64, ErrorKind> {
    args.get(i).map_or(Ok(default), int_arg)
}

fn text_arg(v: &Value) -> Result<Arc<str>, ErrorKind> {
    v.to_text()
}

fn text_value(s: impl Into<String>) -> Value {
    let s: String = s.into();
    if s.chars().count() > MAX_TEXT_CHARS {
        return Value::Error(ErrorKind::Value);
    }
    Value::from(s)
}

fn number_value(n: usize) -> Value {
    Value::Number(Decimal::from(n as u64))
}

/// The byte offset of character `n` (0-based) in `s`, or `s.len()` past the end.
fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// Calls `f` once with the values of the scalar parameters or, when one of them is an array or
/// a multi-cell reference, element by element as Excel lifts them, keeping the top-left value
/// of each result.
fn lift_scalars(
    params: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(&[Value]) -> Operand,
) -> Operand {
    let lifted = lift(params, ctx, &mut |values| scalar(&f(values), ctx));
    match lifted {
        Some(array) => Operand::Array(Arc::new(array)),
        None => {
            let values: Vec<Value> = params.iter().map(|p| scalar(p, ctx)).collect();
            f(&values)
        }
    }
}

/// Every value of an operand as text (for delimiter lists); the first error wins.
fn texts_of(op: &Operand, ctx: &dyn EvalContext) -> Result<Vec<String>, ErrorKind> {
    let mut out = Vec::new();
    let mut error = None;
    for_each_value(op, ctx, &mut |v| {
        if error.is_some() {
            return;
        }
        match v.to_text() {
            Ok(s) => out.push(s.to_string()),
            Err(e) => error = Some(e),
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// A 0/1 mode argument (match_mode, case_sensitivity...): anything else is `#VALUE!`.
fn flag_arg(v: &Value) -> Result<bool, ErrorKind> {
    match int_arg(v)? {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(ErrorKind::Value),
    }
}

// ---------------------------------------------------------------------------------------------
// Joining.
// ---------------------------------------------------------------------------------------------

/// Appends text, failing once the result passes Excel's text limit.
struct TextBuilder {
    text: String,
    chars: usize,
}

impl TextBuilder {
    fn new() -> TextBuilder {
        TextBuilder {
            text: String::new(),
            chars: 0,
        }
    }

    fn push(&mut self, s: &str) -> Result<(), ErrorKind> {
        self.chars += char_count(s);
        if self.chars > MAX_TEXT_CHARS {
            return Err(ErrorKind::Value);
        }
        self.text.push_str(s);
        Ok(())
    }

    fn finish(self) -> Value {
        Value::from(self.text)
    }
}

fn concatenate(args: &[Value], _: &dyn EvalContext) -> Value {
    let mut out = TextBuilder::new();
    for arg in args {
        let pushed = arg.to_text().and_then(|s| out.push(&s));
        if let Err(e) = pushed {
            return Value::Error(e);
        }
    }
    out.finish()
}

/// Visits the values of join arguments in order (ranges row by row, empty cells included);
/// stops at the first error and returns it.
fn for_each_join_value(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(&str) -> Result<(), ErrorKind>,
) -> Result<(), ErrorKind> {
    for arg in args {
        let mut result = Ok(());
        for_each_value(arg, ctx, &mut |v| {
            if result.is_ok() {
                result = v.to_text().and_then(|s| f(&s));
            }
        });
        result?;
    }
    Ok(())
}

fn concat(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let mut out = TextBuilder::new();
    match for_each_join_value(args, ctx, &mut |s| out.push(s)) {
        Ok(()) => Operand::Value(out.finish()),
        Err(e) => Operand::error(e),
    }
}

fn textjoin(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let joined = (|| {
        let delimiters = texts_of(&args[0], ctx)?;
        let ignore_empty = scalar(&args[1], ctx).to_bool()?;
        let mut out = TextBuilder::new();
        let mut count = 0usize;
        for_each_join_value(&args[2..], ctx, &mut |s| {
            if ignore_empty && s.is_empty() {
                return Ok(());
            }
            if count > 0 {
                if let Some(d) = delimiters.get((count - 1) % delimiters.len().max(1)) {
                    out.push(d)?;
                }
            }
            count += 1;
            out.push(s)
        })?;
        Ok(out.finish())
    })();
    Operand::from(joined)
}

// ---------------------------------------------------------------------------------------------
// Length, slicing, case.
// ---------------------------------------------------------------------------------------------

fn len(args: &[Value], _: &dyn EvalContext) -> Value {
    match text_arg(&args[0]) {
        Ok(s) => number_value(char_count(&s)),
        Err(e) => Value::Error(e),
    }
}

fn count_arg(args: &[Value], i: usize) -> Result<usize, ErrorKind> {
    let n = opt_int(args, i, 1)?;
    usize::try_from(n).map_err(|_| ErrorKind::Value)
}

fn left(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = text_arg(&args[0])?;
        let n = count_arg(args, 1)?;
        Ok(Value::from(&s[..byte_at(&s, n)]))
    })();
    result.unwrap_or_else(Value::Error)
}

fn right(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = text_arg(&args[0])?;
        let n = count_arg(args, 1)?;
        let skip = char_count(&s).saturating_sub(n);
        Ok(Value::from(&s[byte_at(&s, skip)..]))
    })();
    result.unwrap_or_else(Value::Error)
}

/// A 1-based start position: below 1 is `#VALUE!`.
fn start_arg(v: &Value) -> Result<usize, ErrorKind> {
    let n = int_arg(v)?;
    if n < 1 {
        return Err(ErrorKind::Value);
    }
    Ok(usize::try_from(n - 1).unwrap_or(usize::MAX))
}

fn length_arg(v: &Value) -> Result<usize, ErrorKind> {
    usize::try_from(int_arg(v)?).map_err(|_| ErrorKind::Value)
}

fn mid(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = text_arg(&args[0])?;
        let start = start_arg(&args[1])?;
        let n = length_arg(&args[2])?;
        let from = byte_at(&s, start);
        let rest = &s[from..];
        Ok(Value::from(&rest[..byte_at(rest, n)]))
    })();
    result.unwrap_or_else(Value::Error)
}

fn replace(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = text_arg(&args[0])?;
        let start = start_arg(&args[1])?;
        let n = length_arg(&args[2])?;
        let new = text_arg(&args[3])?;
        let from = byte_at(&s, start);
        let to = from + byte_at(&s[from..], n);
        Ok(text_value(format!("{}{}{}", &s[..from], new, &s[to..])))
    })();
    result.unwrap_or_else(Value::Error)
}

/// Maps each character on its own (a character whose mapping is several characters, like
/// `ß` to upper case, stays as it is, as in Excel).
fn map_chars(args: &[Value], f: fn(char) -> Option<char>) -> Value {
    match text_arg(&args[0]) {
        Ok(s) => Value::from(s.chars().map(|c| f(c).unwrap_or(c)).collect::<String>()),
        Err(e) => Value::Error(e),
    }
}

fn single<I: Iterator<Item = char>>(mut it: I) -> Option<char> {
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn upper_char(c: char) -> Option<char> {
    single(c.to_uppercase())
}

fn lower_char(c: char) -> Option<char> {
    single(c.to_lowercase())
}

fn upper(args: &[Value], _: &dyn EvalContext) -> Value {
    map_chars(args, upper_char)
}

fn lower(args: &[Value], _: &dyn EvalContext) -> Value {
    map_chars(args, lower_char)
}

/// Upper-cases every letter that follows a non-letter, lower-cases the rest ("it's" becomes
/// "It'S", as in Excel).
fn proper(args: &[Value], _: &dyn EvalContext) -> Value {
    match text_arg(&args[0]) {
        Ok(s) => {
            let mut previous_letter = false;
            let out: String = s
                .chars()
                .map(|c| {
                    let mapped = if previous_letter {
                        lower_char(c)
                    } else {
                        upper_char(c)
                    };
                    previous_letter = c.is_alphabetic();
                    mapped.unwrap_or(c)
                })
                .collect();
            Value::from(out)
        }
        Err(e) => Value::Error(e),
    }
}

/// Removes leading and trailing spaces and collapses inner runs to one (only the ASCII space,
/// as Excel).
fn trim(args: &[Value], _: &dyn EvalContext) -> Value {
    match text_arg(&args[0]) {
        Ok(s) => Value::from(
            s.split(' ')
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Err(e) => Value::Error(e),
    }
}

/// Removes the non-printing characters 0-31.
fn clean(args: &[Value], _: &dyn EvalContext) -> Value {
    match text_arg(&args[0]) {
        Ok(s) => Value::from(
            s.chars()
                .filter(|&c| u32::from(c) >= 32)
                .collect::<String>(),
        ),
        Err(e) => Value::Error(e),
    }
}

// ---------------------------------------------------------------------------------------------
// Searching and substituting.
// ---------------------------------------------------------------------------------------------

/// The start position (0-based character index) for FIND/SEARCH: past the end is `#VALUE!`.
fn search_start(args: &[Value], within: &str) -> Result<usize, ErrorKind> {
    let start = match args.get(2) {
        None => 0,
        Some(v) => start_arg(v)?,
    };
    if start > char_count(within) {
        return Err(ErrorKind::Value);
    }
    Ok(start)
}

fn find(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let needle = text_arg(&args[0])?;
        let within = text_arg(&args[1])?;
        let start = search_start(args, &within)?;
        let from = byte_at(&within, start);
        let at = within[from..].find(&*needle).ok_or(ErrorKind::Value)?;
        Ok(number_value(
            start + char_count(&within[from..from + at]) + 1,
        ))
    })();
    result.unwrap_or_else(Value::Error)
}

/// SEARCH: case-insensitive, with `?` (one character), `*` (any run) and `~` (escape).
fn search(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let needle = text_arg(&args[0])?;
        let within = text_arg(&args[1])?;
        let start = search_start(args, &within)?;
        let regex = cached_regex(&wildcard_pattern(&needle), true)?;
        let from = byte_at(&within, start);
        let found = regex.find_at(&within, from).ok_or(ErrorKind::Value)?;
        Ok(number_value(char_count(&within[..found.start()]) + 1))
    })();
    result.unwrap_or_else(Value::Error)
}

/// Excel wildcards as a regular expression matching a prefix of the searched text.
fn wildcard_pattern(wildcards: &str) -> String {
    let mut pattern = String::from("(?s)");
    let mut chars = wildcards.chars();
    while let Some(c) = chars.next() {
        match c {
            '?' => pattern.push('.'),
            '*' => pattern.push_str(".*?"),
            '~' => match chars.next() {
                Some(escaped) => pattern.push_str(&regex::escape(&escaped.to_string())),
                None => pattern.push('~'),
            },
            other => pattern.push_str(&regex::escape(&other.to_string())),
        }
    }
    pattern
}

fn substitute(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = text_arg(&args[0])?;
        let old = text_arg(&args[1])?;
        let new = text_arg(&args[2])?;
        let instance = match args.get(3) {
            None => None,
            Some(v) => Some(start_arg(v)?),
        };
        if old.is_empty() {
            return Ok(Value::Text(s));
        }
        let mut out = TextBuilder::new();
        let mut last = 0;
        for (i, (at, _)) in s.match_indices(&*old).enumerate() {
            if instance.is_some_and(|n| n != i) {
                continue;
            }
            out.push(&s[last..at])?;
            out.push(&new)?;
            last = at + old.len();
        }
        out.push(&s[last..])?;
        Ok(out.finish())
    })();
    result.unwrap_or_else(Value::Error)
}

fn rept(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let s = text_arg(&args[0])?;
        let n = length_arg(&args[1])?;
        let total = char_count(&s).checked_mul(n).ok_or(ErrorKind::Value)?;
        if total > MAX_TEXT_CHARS {
            return Err(ErrorKind::Value);
        }
        if total == 0 {
            return Ok(Value::from(""));
        }
        Ok(Value::from(s.repeat(n)))
    })();
    result.unwrap_or_else(Value::Error)
}

fn exact(args: &[Value], _: &dyn EvalContext) -> Value {
    match (text_arg(&args[0]), text_arg(&args[1])) {
        (Ok(a), Ok(b)) => Value::Bool(a == b),
        (Err(e), _) | (_, Err(e)) => Value::Error(e),
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers to and from text.
// ---------------------------------------------------------------------------------------------

/// VALUE: text read as Excel reads typed numbers, percentages, currency, dates and times.
fn value(args: &[Value], _: &dyn EvalContext) -> Value {
    match &args[0] {
        Value::Number(n) => Value::Number(*n),
        Value::Empty => Value::Number(Decimal::ZERO),
        Value::Text(s) => numeric::parse_number_text(s)
            .map(Value::Number)
            .unwrap_or(Value::Error(ErrorKind::Value)),
        Value::Bool(_) => Value::Error(ErrorKind::Value),
        Value::Error(e) => Value::Error(*e),
    }
}

/// A separator argument: its first character; an empty one is `#VALUE!`.
fn separator_arg(args: &[Value], i: usize) -> Result<Option<char>, ErrorKind> {
    match args.get(i) {
        None => Ok(None),
        Some(v) => text_arg(v)?
            .chars()
            .next()
            .map(Some)
            .ok_or(ErrorKind::Value),
    }
}

fn numbervalue(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let text = match &args[0] {
            Value::Number(n) => return Ok(Value::Number(*n)),
            Value::Empty => return Ok(Value::Number(Decimal::ZERO)),
            Value::Bool(_) => return Err(ErrorKind::Value),
            Value::Error(e) => return Err(*e),
            Value::Text(s) => s.clone(),
        };
        let decimal = separator_arg(args, 1)?;
        let group = separator_arg(args, 2)?;
        // A default separator gives way to an explicit one that uses its character.
        let (decimal, group) = match (decimal, group) {
            (Some(d), Some(g)) => (d, g),
            (Some(d), None) => (d, if d == ',' { '.' } else { ',' }),
            (None, Some(g)) => (if g == '.' { ',' } else { '.' }, g),
            (None, None) => ('.', ','),
        };
        if decimal == group {
            return Err(ErrorKind::Value);
        }
        parse_locale_number(&text, decimal, group)
            .map(Value::Number)
            .ok_or(ErrorKind::Value)
    })();
    result.unwrap_or_else(Value::Error)
}

/// NUMBERVALUE's reading: spaces anywhere are ignored; group separators may appear anywhere
/// before the decimal separator; a leading sign or enclosing parentheses (negative); an
/// exponent; trailing percent signs, each dividing by 100, inside or outside the parentheses.
fn parse_locale_number(text: &str, decimal: char, group: char) -> Option<Decimal> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Some(Decimal::ZERO);
    }
    let (mut body, mut percents) = strip_percents(&compact);
    let negative_parens = body.starts_with('(') && body.ends_with(')') && body.len() >= 2;
    if negative_parens {
        let inner = &body[1..body.len() - 1];
        let (inner, more) = strip_percents(inner);
        body = inner;
        percents += more;
    }
    let (negative_sign, body) = match body.chars().next() {
        Some('-') if !negative_parens => (true, &body[1..]),
        Some('+') if !negative_parens => (false, &body[1..]),
        _ => (false, body),
    };
    let mut literal = String::new();
    let mut seen_decimal = false;
    let mut chars = body.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            literal.push(c);
        } else if c == decimal && !seen_decimal {
            seen_decimal = true;
            literal.push('.');
        } else if c == group && !seen_decimal {
        } else {
            break;
        }
        chars.next();
    }
    if !literal.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(&e) = chars.peek() {
        if e != 'e' && e != 'E' {
            return None;
        }
        chars.next();
        let exponent: String = chars.collect();
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(&exponent);
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        literal.push('E');
        literal.push_str(exponent.strip_prefix('+').unwrap_or(&exponent));
    }
    let literal = literal.replace(".E", "E");
    let literal = literal.strip_suffix('.').unwrap_or(&literal);
    let mut n = numeric::parse_decimal_literal(literal)?;
    for _ in 0..percents {
        n = n.checked_div(Decimal::ONE_HUNDRED)?;
    }
    if negative_sign || negative_parens {
        n = -n;
    }
    Some(n)
}

fn strip_percents(s: &str) -> (&str, u32) {
    let trimmed = s.trim_end_matches('%');
    (trimmed, (s.len() - trimmed.len()) as u32)
}

fn decimals_arg(args: &[Value], i: usize) -> Result<i64, ErrorKind> {
    opt_int(args, i, 2)
}

fn fixed(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let x = args[0].to_number()?;
        let decimals = decimals_arg(args, 1)?;
        let no_commas = match args.get(2) {
            None => false,
            Some(v) => v.to_bool()?,
        };
        format::fixed(x, decimals, !no_commas)
    })();
    result.map(Value::from).unwrap_or_else(Value::Error)
}

fn dollar(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let x = args[0].to_number()?;
        format::dollar(x, decimals_arg(args, 1)?)
    })();
    result.map(Value::from).unwrap_or_else(Value::Error)
}

fn text(args: &[Value], _: &dyn EvalContext) -> Value {
    if let Value::Error(e) = &args[0] {
        return Value::Error(*e);
    }
    let result = text_arg(&args[1]).and_then(|f| format::text(&args[0], &f));
    result.map(text_value).unwrap_or_else(Value::Error)
}

/// A value as VALUETOTEXT and ARRAYTOTEXT write it: errors as their text, and in strict form
/// text in double quotes.
fn value_as_text(v: &Value, strict: bool) -> String {
    match v {
        Value::Text(s) if strict => format!("\"{}\"", s.replace('"', "\"\"")),
        other => other.display(),
    }
}

/// The format argument of VALUETOTEXT/ARRAYTOTEXT: 0 concise, 1 strict.
fn strict_arg(v: &Value) -> Result<bool, ErrorKind> {
    match v {
        Value::Empty => Ok(false),
        other => flag_arg(other),
    }
}

fn valuetotext(args: &[Value], _: &dyn EvalContext) -> Value {
    let strict = match args.get(1).map_or(Ok(false), strict_arg) {
        Ok(s) => s,
        Err(e) => return Value::Error(e),
    };
    text_value(value_as_text(&args[0], strict))
}

fn arraytotext(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let format = operand_or(args, 1, Value::Number(Decimal::ZERO));
    let array = &args[0];
    lift_scalars(&[format], ctx, &mut |v| {
        let result = strict_arg(&v[0]).and_then(|strict| array_as_text(array, strict, ctx));
        Operand::Value(result.map(text_value).unwrap_or_else(Value::Error))
    })
}

fn array_as_text(op: &Operand, strict: bool, ctx: &dyn EvalContext) -> Result<String, ErrorKind> {
    let (rows, cols) = match op {
        Operand::Ref(area) => {
            let clipped = super::args::clip_whole(area, ctx);
            (clipped.rows(), clipped.cols())
        }
        other => other.dims(),
    };
    if strict && rows * cols == 1 && scalar(op, ctx).is_empty() {
        // Excel's answer for a lone empty cell in strict form.
        return Err(ErrorKind::Value);
    }
    let mut out = String::new();
    let mut index = 0usize;
    let mut too_long = false;
    for_each_value(op, ctx, &mut |v| {
        if too_long {
            return;
        }
        if index > 0 {
            out.push_str(match (strict, index.is_multiple_of(cols.max(1))) {
                (true, true) => ";",
                (true, false) => ",",
                (false, _) => ", ",
            });
        }
        out.push_str(&value_as_text(v, strict));
        index += 1;
        too_long = out.len() > 4 * MAX_TEXT_CHARS;
    });
    if too_long {
        return Err(ErrorKind::Value);
    }
    Ok(if strict { format!("{{{out}}}") } else { out })
}

/// BAHTTEXT: the amount in Thai words, baht and satang (rounded to 2 decimals).
fn bahttext(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let x = numeric::round_half_away(numeric::snap15(args[0].to_number()?), 2)?;
        let magnitude = x.abs();
        let baht = magnitude.trunc().to_u128().ok_or(ErrorKind::Num)?;
        let satang = numeric::mul(magnitude.fract(), Decimal::ONE_HUNDRED)?
            .trunc()
            .to_u128()
            .unwrap_or(0);
        let mut out = String::new();
        if x < Decimal::ZERO {
            out.push_str("ลบ");
        }
        if baht > 0 || satang == 0 {
            out.push_str(&thai_number(baht));
            out.push_str("บาท");
        }
        if satang == 0 {
            out.push_str("ถ้วน");
        } else {
            out.push_str(&thai_number(satang));
            out.push_str("สตางค์");
        }
        Ok(Value::from(out))
    })();
    result.unwrap_or_else(Value::Error)
}

const THAI_DIGITS: [&str; 10] = [
    "ศูนย์",
    "หนึ่ง",
    "สอง",
    "สาม",
    "สี่",
    "ห้า",
    "หก",
    "เจ็ด",
    "แปด",
    "เก้า",
];

/// A whole number in Thai words: blocks of six digits joined by ล้าน (million).
fn thai_number(n: u128) -> String {
    if n == 0 {
        return "ศูนย์".to_string();
    }
    let mut blocks = Vec::new();
    let mut rest = n;
    while rest > 0 {
        blocks.push((rest % 1_000_000) as u32);
        rest /= 1_000_000;
    }
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate().rev() {
        thai_block(*block, &mut out);
        if i > 0 {
            out.push_str("ล้าน");
        }
    }
    out
}

/// 1..999,999 in Thai words: 20 is ยี่สิบ, 10 is สิบ, and a final 1 after tens is เอ็ด.
fn thai_block(value: u32, out: &mut String) {
    let digit = |d: u32| THAI_DIGITS.get(d as usize).copied().unwrap_or("");
    for (power, name) in [
        (100_000, "แสน"),
        (10_000, "หมื่น"),
        (1000, "พัน"),
        (100, "ร้อย"),
    ] {
        let d = value / power % 10;
        if d > 0 {
            out.push_str(digit(d));
            out.push_str(name);
        }
    }
    let tens = value / 10 % 10;
    let ones = value % 10;
    if tens > 0 {
        match tens {
            1 => {}
            2 => out.push_str("ยี่"),
            t => out.push_str(digit(t)),
        }
        out.push_str("สิบ");
    }
    if ones == 1 && tens > 0 {
        out.push_str("เอ็ด");
    } else if ones > 0 {
        out.push_str(digit(ones));
    }
}

// ---------------------------------------------------------------------------------------------
// Character codes.
// ---------------------------------------------------------------------------------------------

/// Windows-1252 characters 0x80-0x9F (Excel for Windows' CHAR/CODE character set); the five
/// unassigned codes map to the C1 controls of the same number.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn cp1252_char(code: u32) -> Option<char> {
    match code {
        0x80..=0x9F => CP1252_HIGH.get((code - 0x80) as usize).copied(),
        _ => char::from_u32(code),
    }
}

fn cp1252_code(c: char) -> u32 {
    let u = u32::from(c);
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return u;
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map_or(u32::from(b'?'), |i| 0x80 + i as u32)
}

fn char_(args: &[Value], _: &dyn EvalContext) -> Value {
    match int_arg(&args[0]) {
        Ok(n @ 1..=255) => cp1252_char(n as u32)
            .map(|c| Value::from(c.to_string()))
            .unwrap_or(Value::Error(ErrorKind::Value)),
        Ok(_) => Value::Error(ErrorKind::Value),
        Err(e) => Value::Error(e),
    }
}

fn first_char(v: &Value) -> Result<char, ErrorKind> {
    text_arg(v)?.chars().next().ok_or(ErrorKind::Value)
}

fn code(args: &[Value], _: &dyn EvalContext) -> Value {
    match first_char(&args[0]) {
        Ok(c) => Value::from(i64::from(cp1252_code(c))),
        Err(e) => Value::Error(e),
    }
}

fn unichar(args: &[Value], _: &dyn EvalContext) -> Value {
    match int_arg(&args[0]) {
        Ok(0xD800..=0xDFFF) => Value::Error(ErrorKind::NA),
        Ok(n @ 1..=0x10FFFF) => char::from_u32(n as u32)
            .map(|c| Value::from(c.to_string()))
            .unwrap_or(Value::Error(ErrorKind::Value)),
        Ok(_) => Value::Error(ErrorKind::Value),
        Err(e) => Value::Error(e),
    }
}

fn unicode(args: &[Value], _: &dyn EvalContext) -> Value {
    match first_char(&args[0]) {
        Ok(c) => Value::from(i64::from(u32::from(c))),
        Err(e) => Value::Error(e),
    }
}

fn t(args: &[Value], _: &dyn EvalContext) -> Value {
    match &args[0] {
        Value::Text(s) => Value::Text(s.clone()),
        Value::Error(e) => Value::Error(*e),
        _ => Value::from(""),
    }
}

/// Full-width ASCII (U+FF01-U+FF5E) and the ideographic space to their half-width forms.
fn asc(args: &[Value], _: &dyn EvalContext) -> Value {
    map_chars(args, |c| match u32::from(c) {
        0x3000 => Some(' '),
        u @ 0xFF01..=0xFF5E => char::from_u32(u - 0xFF01 + 0x21),
        _ => None,
    })
}

/// ASCII to full-width forms (the reverse of ASC).
fn dbcs(args: &[Value], _: &dyn EvalContext) -> Value {
    map_chars(args, |c| match u32::from(c) {
        0x20 => Some('\u{3000}'),
        u @ 0x21..=0x7E => char::from_u32(u - 0x21 + 0xFF01),
        _ => None,
    })
}

// ---------------------------------------------------------------------------------------------
// TEXTBEFORE, TEXTAFTER, TEXTSPLIT.
// ---------------------------------------------------------------------------------------------

/// Maps a character to its lower-case form when that is a single character, so folded text
/// keeps its character positions.
fn fold_char(c: char) -> char {
    lower_char(c).unwrap_or(c)
}

/// Text prepared for delimiter searches: possibly case-folded, with the byte offset of every
/// character of the searched text and of the original.
struct Haystack<'a> {
    original: &'a str,
    searched: String,
    searched_offsets: Vec<usize>,
    original_offsets: Vec<usize>,
}

impl<'a> Haystack<'a> {
    fn new(original: &'a str, fold: bool) -> Haystack<'a> {
        let searched: String = if fold {
            original.chars().map(fold_char).collect()
        } else {
            original.to_string()
        };
        let offsets = |s: &str| -> Vec<usize> {
            s.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(s.len()))
                .collect()
        };
        Haystack {
            original,
            searched_offsets: offsets(&searched),
            original_offsets: offsets(original),
            searched,
        }
    }

    fn chars(&self) -> usize {
        self.original_offsets.len().saturating_sub(1)
    }

    /// The character index of a byte offset of the searched text.
    fn char_index(&self, byte: usize) -> usize {
        self.searched_offsets.partition_point(|&b| b < byte)
    }

    /// The original text between two character indexes.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        let start = self.original_offsets.get(from).copied().unwrap_or(0);
        let end = self
            .original_offsets
            .get(to)
            .copied()
            .unwrap_or(self.original.len());
        self.original.get(start..end.max(start)).unwrap_or("")
    }
}

/// Finds delimiter occurrences without overlap, left to right or right to left; at equal
/// positions the longest delimiter wins. Each delimiter's next occurrence is remembered, so a
/// full scan costs one pass per delimiter.
struct Scanner<'h> {
    hay: &'h str,
    needles: Vec<String>,
    cached: Vec<Option<Option<usize>>>,
    /// Forward: the next search starts here; backward: matches must end by here.
    position: usize,
    forward: bool,
}

impl<'h> Scanner<'h> {
    fn new(hay: &'h str, needles: Vec<String>, forward: bool) -> Scanner<'h> {
        let cached = vec![None; needles.len()];
        Scanner {
            position: if forward { 0 } else { hay.len() },
            hay,
            needles,
            cached,
            forward,
        }
    }

    /// The byte range of the next occurrence.
    fn next_match(&mut self) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (i, needle) in self.needles.iter().enumerate() {
            let Some(slot) = self.cached.get_mut(i) else {
                continue;
            };
            let still_valid = match slot {
                Some(Some(at)) if self.forward => *at >= self.position,
                Some(Some(at)) => *at + needle.len() <= self.position,
                Some(None) => true,
                None => false,
            };
            if !still_valid {
                *slot = Some(if self.forward {
                    self.hay
                        .get(self.position..)
                        .and_then(|rest| rest.find(needle.as_str()))
                        .map(|at| at + self.position)
                } else {
                    self.hay
                        .get(..self.position)
                        .and_then(|rest| rest.rfind(needle.as_str()))
                });
            }
            if let Some(Some(at)) = slot {
                let candidate = (*at, *at + needle.len());
                let better = match best {
                    None => true,
                    Some((s, e)) if self.forward => {
                        candidate.0 < s || (candidate.0 == s && candidate.1 > e)
                    }
                    Some((s, e)) => candidate.1 > e || (candidate.1 == e && candidate.0 < s),
                };
                if better {
                    best = Some(candidate);
                }
            }
        }
        let (start, end) = best?;
        self.position = if self.forward { end } else { start };
        Some((start, end))
    }
}

fn fold_all(needles: &[String], fold: bool) -> Vec<String> {
    needles
        .iter()
        .map(|n| {
            if fold {
                n.chars().map(fold_char).collect()
            } else {
                n.clone()
            }
        })
        .collect()
}

/// The character range of the `instance`-th delimiter occurrence (negative: from the end);
/// with `match_end`, the end (or start) of the text counts as one more delimiter.
fn locate(
    hay: &Haystack,
    delimiters: &[String],
    instance: i64,
    match_end: bool,
) -> Option<(usize, usize)> {
    let len = hay.chars();
    let wanted = instance.unsigned_abs() as usize;
    let forward = instance > 0;
    if delimiters.iter().any(String::is_empty) {
        // The empty delimiter matches at every position.
        let at = if forward {
            wanted - 1
        } else {
            len.checked_sub(wanted - 1)?
        };
        return (at <= len).then_some((at, at));
    }
    let mut scanner = Scanner::new(&hay.searched, delimiters.to_vec(), forward);
    let mut found = 0;
    while let Some((start, end)) = scanner.next_match() {
        found += 1;
        if found == wanted {
            return Some((hay.char_index(start), hay.char_index(end)));
        }
    }
    if match_end && found + 1 == wanted {
        let at = if forward { len } else { 0 };
        return Some((at, at));
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

fn textbefore(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    text_around(args, ctx, Side::Before)
}

fn textafter(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    text_around(args, ctx, Side::After)
}

fn text_around(args: &[Operand], ctx: &dyn EvalContext, side: Side) -> Operand {
    let delimiters = match texts_of(&args[1], ctx) {
        Ok(d) => d,
        Err(e) => return Operand::error(e),
    };
    let params = [
        args[0].clone(),
        operand_or(args, 2, Value::from(1)),
        operand_or(args, 3, Value::from(0)),
        operand_or(args, 4, Value::from(0)),
        operand_or(args, 5, Value::Error(ErrorKind::NA)),
    ];
    lift_scalars(&params, ctx, &mut |v| {
        Operand::Value(text_around_one(v, &delimiters, side).unwrap_or_else(Value::Error))
    })
}

fn text_around_one(v: &[Value], delimiters: &[String], side: Side) -> Result<Value, ErrorKind> {
    let text = text_arg(&v[0])?;
    let instance = int_arg(&v[1])?;
    let fold = flag_arg(&v[2])?;
    let match_end = v[3].to_number()? != Decimal::ZERO;
    let hay = Haystack::new(&text, fold);
    if instance == 0 || instance.unsigned_abs() as usize > hay.chars().max(1) {
        return Err(ErrorKind::Value);
    }
    let needles = fold_all(delimiters, fold);
    match locate(&hay, &needles, instance, match_end) {
        Some((start, end)) => Ok(Value::from(match side {
            Side::Before => hay.slice(0, start),
            Side::After => hay.slice(end, hay.chars()),
        })),
        None => Ok(v[4].clone()),
    }
}

/// Splits text at any of the delimiters (none: one piece).
fn split_at<'a>(hay: &Haystack<'a>, delimiters: &[String]) -> Vec<&'a str> {
    if delimiters.is_empty() {
        return vec![hay.original];
    }
    let mut pieces = Vec::new();
    let mut scanner = Scanner::new(&hay.searched, delimiters.to_vec(), true);
    let mut from = 0;
    while let Some((start, end)) = scanner.next_match() {
        let (s, e) = (hay.char_index(start), hay.char_index(end));
        pieces.push(hay.slice(from, s));
        from = e;
    }
    pieces.push(hay.slice(from, hay.chars()));
    pieces
}

/// A delimiter argument of TEXTSPLIT: omitted means none; an empty delimiter is `#VALUE!`.
fn split_delimiters(
    args: &[Operand],
    i: usize,
    ctx: &dyn EvalContext,
) -> Result<Vec<String>, ErrorKind> {
    match args.get(i) {
        None | Some(Operand::Value(Value::Empty)) => Ok(Vec::new()),
        Some(op) => {
            let delimiters = texts_of(op, ctx)?;
            if delimiters.iter().any(String::is_empty) {
                return Err(ErrorKind::Value);
            }
            Ok(delimiters)
        }
    }
}

fn textsplit(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let delimiters = split_delimiters(args, 1, ctx).and_then(|cols| {
        let rows = split_delimiters(args, 2, ctx)?;
        if cols.is_empty() && rows.is_empty() {
            return Err(ErrorKind::Value);
        }
        Ok((cols, rows))
    });
    let (cols, rows) = match delimiters {
        Ok(d) => d,
        Err(e) => return Operand::error(e),
    };
    let params = [
        args[0].clone(),
        operand_or(args, 3, Value::Bool(false)),
        operand_or(args, 4, Value::from(0)),
        operand_or(args, 5, Value::Error(ErrorKind::NA)),
    ];
    lift_scalars(&params, ctx, &mut |v| match split_one(v, &cols, &rows) {
        Ok(array) => Operand::Array(Arc::new(array)),
        Err(e) => Operand::error(e),
    })
}

fn split_one(v: &[Value], cols: &[String], rows: &[String]) -> Result<Array, ErrorKind> {
    let text = text_arg(&v[0])?;
    let ignore_empty = v[1].to_bool()?;
    let fold = flag_arg(&v[2])?;
    let pad = v[3].clone();
    let col_needles = fold_all(cols, fold);
    let row_needles = fold_all(rows, fold);
    let whole = Haystack::new(&text, fold);
    let mut table: Vec<Vec<&str>> = Vec::new();
    for row in split_at(&whole, &row_needles) {
        let row_hay = Haystack::new(row, fold);
        let mut cells = split_at(&row_hay, &col_needles);
        if ignore_empty {
            cells.retain(|c| !c.is_empty());
            if cells.is_empty() {
                continue;
            }
        }
        table.push(cells);
    }
    let width = table.iter().map(Vec::len).max().unwrap_or(0);
    if table.is_empty() || width == 0 {
        return Err(ErrorKind::Calc);
    }
    if table.len().saturating_mul(width) > MAX_SPLIT_CELLS {
        return Err(ErrorKind::Value);
    }
    let mut values = Vec::with_capacity(table.len() * width);
    for row in &table {
        values.extend(row.iter().map(|s| Value::from(*s)));
        values.extend(std::iter::repeat_n(pad.clone(), width - row.len()));
    }
    Ok(Array::new(table.len(), width, values))
}

// ---------------------------------------------------------------------------------------------
// Regular expressions.
// ---------------------------------------------------------------------------------------------

/// Compiles a pattern (a small per-thread cache keeps recalculations of many cells with the
/// same pattern cheap). Patterns the `regex` crate cannot compile (look-around,
/// back-references) or that are too large are `#VALUE!`, as Excel answers a bad pattern.
fn cached_regex(pattern: &str, case_insensitive: bool) -> Result<Regex, ErrorKind> {
    const CACHE_SIZE: usize = 16;
    thread_local! {
        static CACHE: RefCell<Vec<(String, bool, Regex)>> = const { RefCell::new(Vec::new()) };
    }
    let hit = CACHE.with(|cache| {
        cache.try_borrow().ok().and_then(|c| {
            c.iter()
                .find(|(p, ci, _)| p == pattern && *ci == case_insensitive)
                .map(|(_, _, r)| r.clone())
        })
    });
    if let Some(regex) = hit {
        return Ok(regex);
    }
    if char_count(pattern) > MAX_TEXT_CHARS {
        return Err(ErrorKind::Value);
    }
    let regex = RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|_| ErrorKind::Value)?;
    CACHE.with(|cache| {
        if let Ok(mut c) = cache.try_borrow_mut() {
            if c.len() >= CACHE_SIZE {
                c.remove(0);
            }
            c.push((pattern.to_string(), case_insensitive, regex.clone()));
        }
    });
    Ok(regex)
}

/// Text, pattern and case_sensitivity (argument `case_at`, default case-sensitive).
fn regex_args(v: &[Value], case_at: usize) -> Result<(Arc<str>, Regex), ErrorKind> {
    let text = text_arg(&v[0])?;
    let pattern = text_arg(&v[1])?;
    let insensitive = match v.get(case_at) {
        None => false,
        Some(c) => strict_arg(c)?,
    };
    Ok((text, cached_regex(&pattern, insensitive)?))
}

fn regextest(args: &[Value], _: &dyn EvalContext) -> Value {
    match regex_args(args, 2) {
        Ok((text, regex)) => Value::Bool(regex.is_match(&text)),
        Err(e) => Value::Error(e),
    }
}

fn regexextract(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let params = [
        args[0].clone(),
        args[1].clone(),
        operand_or(args, 2, Value::from(0)),
        operand_or(args, 3, Value::from(0)),
    ];
    lift_scalars(&params, ctx, &mut |v| match extract_one(v) {
        Ok(op) => op,
        Err(e) => Operand::error(e),
    })
}

/// Mode 0: the first match; 1: every match, in a row; 2: the first match's capture groups, in
/// a row (a group that took no part is `#N/A`). No match is `#N/A`.
fn extract_one(v: &[Value]) -> Result<Operand, ErrorKind> {
    let (text, regex) = regex_args(v, 3)?;
    let mode = int_arg(&v[2])?;
    let row = |values: Vec<Value>| Operand::from(Array::new(1, values.len(), values));
    match mode {
        0 => {
            let m = regex.find(&text).ok_or(ErrorKind::NA)?;
            Ok(Operand::Value(Value::from(m.as_str())))
        }
        1 => {
            let all: Vec<Value> = regex
                .find_iter(&text)
                .map(|m| Value::from(m.as_str()))
                .collect();
            if all.is_empty() {
                return Err(ErrorKind::NA);
            }
            Ok(row(all))
        }
        2 => {
            if regex.captures_len() <= 1 {
                return Err(ErrorKind::Value);
            }
            let caps = regex.captures(&text).ok_or(ErrorKind::NA)?;
            let groups: Vec<Value> = caps
                .iter()
                .skip(1)
                .map(|g| g.map_or(Value::Error(ErrorKind::NA), |m| Value::from(m.as_str())))
                .collect();
            Ok(row(groups))
        }
        _ => Err(ErrorKind::Value),
    }
}

fn regexreplace(args: &[Value], _: &dyn EvalContext) -> Value {
    let result = (|| {
        let (text, regex) = regex_args(args, 4)?;
        let replacement = text_arg(&args[2])?;
        let occurrence = opt_int(args, 3, 0)?;
        let matches: Vec<Captures> = regex.captures_iter(&text).collect();
        let chosen = match occurrence {
            0 => None,
            n if n > 0 => Some(usize::try_from(n - 1).unwrap_or(usize::MAX)),
            n => matches.len().checked_sub(n.unsigned_abs() as usize),
        };
        if occurrence < 0 && chosen.is_none() {
            return Ok(Value::Text(text.clone()));
        }
        let mut out = TextBuilder::new();
        let mut last = 0;
        for (i, caps) in matches.iter().enumerate() {
            if chosen.is_some_and(|c| c != i) {
                continue;
            }
            let Some(whole) = caps.get(0) else { continue };
            out.push(&text[last..whole.start()])?;
            out.push(&expand_replacement(caps, &replacement)?)?;
            last = whole.end();
        }
        out.push(&text[last..])?;
        Ok(out.finish())
    })();
    result.unwrap_or_else(Value::Error)
}

/// PCRE2-style substitution: `$0`..`$99` and `${name}` insert groups, `$$` is a dollar sign.
/// A group the pattern does not have is `#VALUE!`.
fn expand_replacement(caps: &Captures, replacement: &str) -> Result<String, ErrorKind> {
    let mut out = String::new();
    let mut chars = replacement.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        let name: String = match chars.peek() {
            Some('$') => {
                chars.next();
                out.push('$');
                continue;
            }
            Some('{') => {
                chars.next();
                let name: String = chars.by_ref().take_while(|&ch| ch != '}').collect();
                name
            }
            Some(d) if d.is_ascii_digit() => {
                let mut digits = String::new();
                while let Some(&d) = chars.peek() {
                    if !d.is_ascii_digit() || digits.len() == 2 {
                        break;
                    }
                    digits.push(d);
                    chars.next();
                }
                digits
            }
            _ => {
                out.push('$');
                continue;
            }
        };
        let group = match name.parse::<usize>() {
            Ok(i) if i < caps.len() => caps.get(i),
            Ok(_) => return Err(ErrorKind::Value),
            Err(_) => caps.name(&name),
        };
        out.push_str(group.map_or("", |m| m.as_str()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
