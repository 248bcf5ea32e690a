//! Lookup and reference functions: the lookups (VLOOKUP, HLOOKUP, LOOKUP, MATCH, XLOOKUP,
//! XMATCH), references (INDEX, OFFSET, INDIRECT, ROW, COLUMN, ADDRESS...) and the dynamic-array
//! functions (SORT, UNIQUE, FILTER, TAKE, VSTACK...).
//!
//! How Excel searches, as measured against Excel's own results:
//! - Approximate VLOOKUP/HLOOKUP/LOOKUP/MATCH(…,1) is a binary search over `[lo, hi]` with
//!   `mid = (lo + hi) / 2`. Only values of the lookup value's type take part: when `mid` holds a
//!   blank, an error or another type, the search looks forward (up to `hi`) for the next
//!   comparable value, and if there is none it continues left of `mid`. An exact hit ends the
//!   search at once, then advances over the run of equal values that follows (so sorted
//!   duplicates give the last one). Otherwise the answer is `hi`. On unsorted data this gives
//!   Excel's (surprising) answers.
//! - MATCH(…,-1) scans forward and stops at the first value smaller than the lookup value.
//! - Exact matches compare values of the same type only (text case-insensitively, with `*`, `?`
//!   and `~` wildcards in VLOOKUP, HLOOKUP and MATCH); a blank lookup value is 0.
//! - XLOOKUP/XMATCH order all types (numbers < text < logicals) and treat a blank lookup value
//!   as greater than everything; their binary modes search that order without skipping types.
//!
//! Lookups read cells on demand (`EvalContext::cell`) and clip whole rows/columns to the used
//! area, so `VLOOKUP(x, A:D, 2)` costs what the data costs.

use std::cmp::Ordering;
use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::args::{self, integer, scalar, to_array, Area, Array, EvalContext, Operand};
use super::criteria::wildcard_match;
use super::{EagerFn, FunctionDef, VARIADIC};
use crate::formula::reference::{column_name, quote_sheet_name, MAX_COLS, MAX_ROWS};
use crate::numeric;
use crate::value::{compare_text_ci, ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::eager(
        "VLOOKUP",
        "lookup_value, table_array, col_index_num, [range_lookup]",
        3,
        4,
        vlookup,
    ),
    FunctionDef::eager(
        "HLOOKUP",
        "lookup_value, table_array, row_index_num, [range_lookup]",
        3,
        4,
        hlookup,
    ),
    FunctionDef::eager(
        "LOOKUP",
        "lookup_value, lookup_vector, [result_vector]",
        2,
        3,
        lookup,
    ),
    FunctionDef::eager(
        "MATCH",
        "lookup_value, lookup_array, [match_type]",
        2,
        3,
        match_,
    ),
    FunctionDef::eager(
        "XLOOKUP",
        "lookup_value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode]",
        3,
        6,
        xlookup,
    ),
    FunctionDef::eager(
        "XMATCH",
        "lookup_value, lookup_array, [match_mode], [search_mode]",
        2,
        4,
        xmatch,
    ),
    FunctionDef::eager(
        "INDEX",
        "array, row_num, [column_num], [area_num]",
        2,
        4,
        index,
    ),
    FunctionDef::eager(
        "OFFSET",
        "reference, rows, cols, [height], [width]",
        3,
        5,
        offset,
    )
    .volatile(),
    FunctionDef::eager("INDIRECT", "ref_text, [a1]", 1, 2, indirect).volatile(),
    FunctionDef::eager("ROW", "[reference]", 0, 1, row),
    FunctionDef::eager("COLUMN", "[reference]", 0, 1, column),
    FunctionDef::eager("ROWS", "array", 1, 1, rows),
    FunctionDef::eager("COLUMNS", "array", 1, 1, columns),
    FunctionDef::eager(
        "ADDRESS",
        "row_num, column_num, [abs_num], [a1], [sheet_text]",
        2,
        5,
        address,
    ),
    FunctionDef::eager("AREAS", "reference", 1, 1, areas),
    FunctionDef::eager(
        "TRIMRANGE",
        "range, [trim_rows], [trim_cols]",
        1,
        3,
        trimrange,
    ),
    FunctionDef::scalar(
        "HYPERLINK",
        "link_location, [friendly_name]",
        1,
        2,
        hyperlink,
    ),
    FunctionDef::eager("TRANSPOSE", "array", 1, 1, transpose),
    FunctionDef::eager(
        "CHOOSECOLS",
        "array, col_num1, [col_num2], ...",
        2,
        VARIADIC,
        choosecols,
    ),
    FunctionDef::eager(
        "CHOOSEROWS",
        "array, row_num1, [row_num2], ...",
        2,
        VARIADIC,
        chooserows,
    ),
    FunctionDef::eager("TAKE", "array, rows, [columns]", 2, 3, take),
    FunctionDef::eager("DROP", "array, rows, [columns]", 2, 3, drop),
    FunctionDef::eager("EXPAND", "array, rows, [columns], [pad_with]", 2, 4, expand),
    FunctionDef::eager("TOCOL", "array, [ignore], [scan_by_column]", 1, 3, tocol),
    FunctionDef::eager("TOROW", "array, [ignore], [scan_by_column]", 1, 3, torow),
    FunctionDef::eager("VSTACK", "array1, [array2], ...", 1, VARIADIC, vstack),
    FunctionDef::eager("HSTACK", "array1, [array2], ...", 1, VARIADIC, hstack),
    FunctionDef::eager("WRAPROWS", "vector, wrap_count, [pad_with]", 2, 3, wraprows),
    FunctionDef::eager("WRAPCOLS", "vector, wrap_count, [pad_with]", 2, 3, wrapcols),
    FunctionDef::eager(
        "SORT",
        "array, [sort_index], [sort_order], [by_col]",
        1,
        4,
        sort,
    ),
    FunctionDef::eager(
        "SORTBY",
        "array, by_array1, [sort_order1], [by_array2, sort_order2], ...",
        2,
        VARIADIC,
        sortby,
    ),
    FunctionDef::eager("UNIQUE", "array, [by_col], [exactly_once]", 1, 3, unique),
    FunctionDef::eager("FILTER", "array, include, [if_empty]", 2, 3, filter),
];

/// Arrays larger than this are refused with `#NUM!` rather than exhausting memory
/// (EXPAND(x, 1048576, 16384) would be 17 billion cells).
const MAX_ARRAY_CELLS: usize = 16_000_000;

static NA: Value = Value::Error(ErrorKind::NA);

// ---------------------------------------------------------------------------------------------
// Shared plumbing: rectangular sources, lines, argument helpers, lifting.
// ---------------------------------------------------------------------------------------------

/// A rectangle of values: a reference read cell by cell, an array, or a single value (1×1).
#[derive(Clone, Copy)]
enum Source<'a> {
    Ref(Area),
    Array(&'a Array),
    Value(&'a Value),
}

impl<'a> Source<'a> {
    fn of(op: &'a Operand) -> Source<'a> {
        match op {
            Operand::Ref(a) => Source::Ref(*a),
            Operand::Array(arr) => Source::Array(arr),
            Operand::Value(v) => Source::Value(v),
        }
    }

    /// The same source with whole rows/columns clipped to the sheet's used area. Other areas
    /// keep their size: Excel's binary search visits positions that depend on it.
    fn clipped(self, ctx: &dyn EvalContext) -> Source<'a> {
        match self {
            Source::Ref(a) => Source::Ref(args::clip_whole(&a, ctx)),
            other => other,
        }
    }

    fn rows(&self) -> usize {
        match self {
            Source::Ref(a) => a.rows(),
            Source::Array(arr) => arr.rows,
            Source::Value(_) => 1,
        }
    }

    fn cols(&self) -> usize {
        match self {
            Source::Ref(a) => a.cols(),
            Source::Array(arr) => arr.cols,
            Source::Value(_) => 1,
        }
    }

    /// The value at (row, col); `#N/A` outside the source.
    fn get<'s>(&'s self, ctx: &'s dyn EvalContext, row: usize, col: usize) -> &'s Value {
        if row >= self.rows() || col >= self.cols() {
            return &NA;
        }
        match self {
            Source::Ref(a) => ctx.cell(a.sheet, a.top + row as u32, a.left + col as u32),
            Source::Array(arr) => arr.get(row, col).unwrap_or(&NA),
            Source::Value(v) => v,
        }
    }

    /// The row (`vertical == false`) or column (`vertical == true`) at `fixed`.
    fn line(self, vertical: bool, fixed: usize) -> Line<'a> {
        let len = if vertical { self.rows() } else { self.cols() };
        Line {
            src: self,
            vertical,
            fixed,
            len,
        }
    }

    /// The source as a vector (one row or one column); None for a two-dimensional source.
    fn vector(self) -> Option<Line<'a>> {
        if self.cols() == 1 {
            Some(self.line(true, 0))
        } else if self.rows() == 1 {
            Some(self.line(false, 0))
        } else {
            None
        }
    }
}

/// One row or column of a source.
#[derive(Clone, Copy)]
struct Line<'a> {
    src: Source<'a>,
    vertical: bool,
    fixed: usize,
    len: usize,
}

impl Line<'_> {
    fn at<'s>(&'s self, ctx: &'s dyn EvalContext, i: usize) -> &'s Value {
        if self.vertical {
            self.src.get(ctx, i, self.fixed)
        } else {
            self.src.get(ctx, self.fixed, i)
        }
    }
}

/// The first (top-left) value of an operand: what one element of a lifted result keeps.
fn first_value(op: &Operand, ctx: &dyn EvalContext) -> Value {
    match op {
        Operand::Value(v) => v.clone(),
        Operand::Ref(a) => ctx.cell(a.sheet, a.top, a.left).clone(),
        Operand::Array(arr) => arr
            .values
            .first()
            .cloned()
            .unwrap_or(Value::Error(ErrorKind::Value)),
    }
}

/// Excel's lifting for arguments that take one value: when an argument at one of `positions`
/// is an array or a multi-cell reference, `f` runs once per element (single rows/columns
/// broadcast, missing elements are `#N/A`) and each run keeps its first value. Whole columns
/// and rows are clipped to the used area first, so `MATCH(A:A, …)` costs what the data costs.
fn lift_at(args: &[Operand], positions: &[usize], ctx: &dyn EvalContext, f: EagerFn) -> Operand {
    let lifted: Vec<(usize, Operand)> = positions
        .iter()
        .filter_map(|&p| match args.get(p)? {
            Operand::Ref(a) if !a.is_single_cell() => {
                Some((p, Operand::Ref(args::clip_whole(a, ctx))))
            }
            op @ Operand::Array(_) => Some((p, op.clone())),
            _ => None,
        })
        .collect();
    if lifted.is_empty() {
        return f(args, ctx);
    }
    let (mut rows, mut cols) = (1, 1);
    for (_, op) in &lifted {
        let (r, c) = op.dims();
        rows = rows.max(r);
        cols = cols.max(c);
    }
    if rows.saturating_mul(cols) > MAX_ARRAY_CELLS {
        return Operand::error(ErrorKind::Num);
    }
    let mut scratch = args.to_vec();
    let mut out = Vec::with_capacity(rows * cols);
    for r in 0..rows {
        for c in 0..cols {
            for (p, op) in &lifted {
                let (ar, ac) = op.dims();
                let v = if (ar > 1 && r >= ar) || (ac > 1 && c >= ac) {
                    NA.clone()
                } else {
                    op.get_broadcast(ctx, r, c)
                };
                scratch[*p] = Operand::Value(v);
            }
            out.push(first_value(&f(&scratch, ctx), ctx));
        }
    }
    Array::new(rows, cols, out).into()
}

/// A whole-number argument, truncated toward zero; an omitted argument is `default`.
fn int_or(
    args: &[Operand],
    i: usize,
    default: i64,
    ctx: &dyn EvalContext,
) -> Result<i64, ErrorKind> {
    if args::is_omitted(args, i) {
        return Ok(default);
    }
    integer(&args[i], ctx)
}

/// A mode argument of XLOOKUP/XMATCH: Excel takes the integer part rounding down (-1.1 is -2).
fn floor_or(
    args: &[Operand],
    i: usize,
    default: i64,
    ctx: &dyn EvalContext,
) -> Result<i64, ErrorKind> {
    if args::is_omitted(args, i) {
        return Ok(default);
    }
    let n = scalar(&args[i], ctx).to_number()?;
    numeric::snap15(n).floor().to_i64().ok_or(ErrorKind::Value)
}

/// A logical argument; an omitted one is `default` when not written, FALSE when left empty.
fn bool_or(
    args: &[Operand],
    i: usize,
    default: bool,
    ctx: &dyn EvalContext,
) -> Result<bool, ErrorKind> {
    match args.get(i) {
        None => Ok(default),
        Some(op) => scalar(op, ctx).to_bool(),
    }
}

/// The lookup value: errors propagate.
fn lookup_value(args: &[Operand], ctx: &dyn EvalContext) -> Result<Value, ErrorKind> {
    match scalar(&args[0], ctx) {
        Value::Error(e) => Err(e),
        v => Ok(v),
    }
}

/// A one-based position as a number.
fn position(i: usize) -> Operand {
    Operand::Value(Value::Number(Decimal::from(i as u64 + 1)))
}

fn not_found() -> Operand {
    Operand::error(ErrorKind::NA)
}

// ---------------------------------------------------------------------------------------------
// Search kernels.
// ---------------------------------------------------------------------------------------------

/// Do two values take part in the same comparison (number/number, text/text, bool/bool)?
fn same_type(a: &Value, b: &Value) -> bool {
    matches!(
        (a, b),
        (Value::Number(_), Value::Number(_))
            | (Value::Text(_), Value::Text(_))
            | (Value::Bool(_), Value::Bool(_))
    )
}

/// Excel's comparison of two non-error values (numbers < text < logicals, text ignoring case).
fn order(a: &Value, b: &Value) -> Ordering {
    a.compare(b).unwrap_or(Ordering::Equal)
}

/// How an exact match compares text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextMatch {
    /// MATCH, VLOOKUP, HLOOKUP: ignoring case, wildcards when the text has `*`, `?` or `~`.
    Legacy,
    /// XLOOKUP/XMATCH mode 0: ignoring case, and linguistic (`ß` equals `ss`).
    Linguistic,
    /// XLOOKUP/XMATCH mode 2: always a wildcard pattern.
    Wildcard,
}

/// What an exact match looks for: a value of the same type, or text.
enum Matcher {
    /// Lower-cased text, folded (see [`fold_text`]) when `linguistic`.
    Text {
        text: String,
        linguistic: bool,
    },
    /// Lower-cased pattern with `*`, `?`, `~`.
    Wildcard(String),
    Value(Value),
}

impl Matcher {
    fn new(key: &Value, how: TextMatch) -> Matcher {
        let Value::Text(t) = key else {
            return Matcher::Value(key.clone());
        };
        match how {
            TextMatch::Wildcard => Matcher::Wildcard(t.to_lowercase()),
            TextMatch::Legacy if t.contains(['*', '?', '~']) => Matcher::Wildcard(t.to_lowercase()),
            TextMatch::Legacy => Matcher::Text {
                text: t.to_lowercase(),
                linguistic: false,
            },
            TextMatch::Linguistic => Matcher::Text {
                text: fold_text(t),
                linguistic: true,
            },
        }
    }

    fn matches(&self, v: &Value) -> bool {
        match (self, v) {
            (Matcher::Text { text, linguistic }, Value::Text(t)) => {
                if t.is_ascii() && text.is_ascii() {
                    t.eq_ignore_ascii_case(text)
                } else if *linguistic {
                    fold_text(t) == *text
                } else {
                    t.to_lowercase() == *text
                }
            }
            (Matcher::Wildcard(p), Value::Text(t)) => wildcard_match(p, &t.to_lowercase()),
            (Matcher::Value(key), v) => same_type(key, v) && order(v, key).is_eq(),
            _ => false,
        }
    }
}

/// Text as XLOOKUP/XMATCH compare it exactly: ignoring case, and with `ß` equal to `ss` as in
/// Excel's linguistic comparison (MATCH and the wildcard mode keep them apart, as Excel does).
fn fold_text(t: &str) -> String {
    let lower = t.to_lowercase();
    if lower.contains('ß') {
        lower.replace('ß', "ss")
    } else {
        lower
    }
}

/// First position (in `positions` order) whose value the matcher accepts.
fn find_exact<'s>(
    matcher: &Matcher,
    positions: impl Iterator<Item = usize>,
    at: impl Fn(usize) -> &'s Value,
) -> Option<usize> {
    positions.into_iter().find(|&i| matcher.matches(at(i)))
}

/// Excel's legacy approximate search (LOOKUP, VLOOKUP, HLOOKUP, MATCH type 1): the largest
/// value not greater than `key` if the data is ascending, and Excel's answer when it is not.
fn approximate_ascending<'s>(
    key: &Value,
    len: usize,
    at: impl Fn(usize) -> &'s Value,
) -> Option<usize> {
    let (mut lo, mut hi) = (0i64, len as i64 - 1);
    while lo <= hi {
        let mid = lo + (hi - lo) / 2;
        // Blanks, errors and other types are skipped: look forward for a comparable value.
        let mut j = mid;
        while j <= hi && !same_type(key, at(j as usize)) {
            j += 1;
        }
        if j > hi {
            hi = mid - 1;
            continue;
        }
        match order(at(j as usize), key) {
            Ordering::Equal => {
                let mut j = j as usize;
                while j + 1 < len && same_type(key, at(j + 1)) && order(at(j + 1), key).is_eq() {
                    j += 1;
                }
                return Some(j);
            }
            Ordering::Less => lo = j + 1,
            Ordering::Greater => hi = mid - 1,
        }
    }
    usize::try_from(hi).ok()
}

/// MATCH type -1: scans forward and stops at the first value smaller than `key`, answering the
/// last value seen that was greater (the smallest value not less than `key` in descending data).
fn approximate_descending<'s>(
    key: &Value,
    len: usize,
    at: impl Fn(usize) -> &'s Value,
) -> Option<usize> {
    let mut last = None;
    for i in 0..len {
        let v = at(i);
        if !same_type(key, v) {
            continue;
        }
        match order(v, key) {
            Ordering::Equal => return Some(i),
            Ordering::Less => return last,
            Ordering::Greater => last = Some(i),
        }
    }
    last
}

/// XLOOKUP/XMATCH match_mode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MatchMode {
    Exact,
    NextSmaller,
    NextLarger,
    Wildcard,
}

/// XLOOKUP/XMATCH search_mode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SearchMode {
    FirstToLast,
    LastToFirst,
    BinaryAscending,
    BinaryDescending,
}

fn match_mode(n: i64) -> Result<MatchMode, ErrorKind> {
    match n {
        0 => Ok(MatchMode::Exact),
        -1 => Ok(MatchMode::NextSmaller),
        1 => Ok(MatchMode::NextLarger),
        2 => Ok(MatchMode::Wildcard),
        _ => Err(ErrorKind::Value),
    }
}

fn search_mode(n: i64) -> Result<SearchMode, ErrorKind> {
    match n {
        1 => Ok(SearchMode::FirstToLast),
        -1 => Ok(SearchMode::LastToFirst),
        2 => Ok(SearchMode::BinaryAscending),
        -2 => Ok(SearchMode::BinaryDescending),
        _ => Err(ErrorKind::Value),
    }
}

/// XLOOKUP/XMATCH ordering of an array value against the lookup value: all types in Excel's
/// order, and a blank lookup value above everything.
fn x_order(v: &Value, key: &Value) -> Ordering {
    if key.is_empty() {
        Ordering::Less
    } else {
        order(v, key)
    }
}

/// Values XLOOKUP/XMATCH can compare (blank cells and errors never match).
fn x_comparable(v: &Value) -> bool {
    !v.is_empty() && !v.is_error()
}

/// XMATCH's search: the zero-based position of the match, or None.
fn x_search<'s>(
    key: &Value,
    len: usize,
    at: impl Fn(usize) -> &'s Value,
    mode: MatchMode,
    search: SearchMode,
) -> Result<Option<usize>, ErrorKind> {
    let positions: Box<dyn Iterator<Item = usize>> = match search {
        SearchMode::LastToFirst => Box::new((0..len).rev()),
        _ => Box::new(0..len),
    };
    match (mode, search) {
        (MatchMode::Wildcard, SearchMode::BinaryAscending | SearchMode::BinaryDescending) => {
            Err(ErrorKind::Value)
        }
        (_, SearchMode::BinaryAscending) => Ok(x_binary(key, len, at, mode, false)),
        (_, SearchMode::BinaryDescending) => Ok(x_binary(key, len, at, mode, true)),
        (MatchMode::Exact | MatchMode::Wildcard, _) => {
            if key.is_empty() {
                return Ok(None);
            }
            let how = if mode == MatchMode::Wildcard {
                TextMatch::Wildcard
            } else {
                TextMatch::Linguistic
            };
            let matcher = Matcher::new(key, how);
            Ok(find_exact(&matcher, positions, at))
        }
        (MatchMode::NextSmaller | MatchMode::NextLarger, _) => {
            let wanted = if mode == MatchMode::NextSmaller {
                Ordering::Less
            } else {
                Ordering::Greater
            };
            let mut best: Option<usize> = None;
            for i in positions {
                let v = at(i);
                if !x_comparable(v) {
                    continue;
                }
                let ord = x_order(v, key);
                if ord.is_eq() {
                    return Ok(Some(i));
                }
                // A strictly better candidate replaces the best one: ties keep the first found.
                let better =
                    ord == wanted && best.is_none_or(|b| order(v, at(b)) == wanted.reverse());
                if better {
                    best = Some(i);
                }
            }
            Ok(best)
        }
    }
}

/// XLOOKUP/XMATCH binary search over Excel's total order (blanks and errors are skipped).
fn x_binary<'s>(
    key: &Value,
    len: usize,
    at: impl Fn(usize) -> &'s Value,
    mode: MatchMode,
    descending: bool,
) -> Option<usize> {
    let (mut lo, mut hi) = (0i64, len as i64 - 1);
    while lo <= hi {
        let mid = lo + (hi - lo) / 2;
        let mut j = mid;
        while j <= hi && !x_comparable(at(j as usize)) {
            j += 1;
        }
        if j > hi {
            hi = mid - 1;
            continue;
        }
        let mut ord = x_order(at(j as usize), key);
        if descending {
            ord = ord.reverse();
        }
        match ord {
            Ordering::Equal => return Some(j as usize),
            Ordering::Less => lo = j + 1,
            Ordering::Greater => hi = mid - 1,
        }
    }
    // [0, hi] sorts before the key and [lo, len) after it.
    let before = usize::try_from(hi).ok();
    let after = usize::try_from(lo).ok().filter(|&l| l < len);
    match (mode, descending) {
        (MatchMode::NextSmaller, false) | (MatchMode::NextLarger, true) => before,
        (MatchMode::NextLarger, false) | (MatchMode::NextSmaller, true) => after,
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// VLOOKUP, HLOOKUP, LOOKUP, MATCH.
// ---------------------------------------------------------------------------------------------

/// The lookup value of the legacy lookups: errors propagate, a blank is 0.
fn legacy_key(args: &[Operand], ctx: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let key = lookup_value(args, ctx)?;
    Ok(if key.is_empty() {
        Value::Number(Decimal::ZERO)
    } else {
        key
    })
}

/// A table argument: an error value propagates.
fn table_source(op: &Operand) -> Result<Source<'_>, ErrorKind> {
    match op {
        Operand::Value(Value::Error(e)) => Err(*e),
        other => Ok(Source::of(other)),
    }
}

/// The position of `key` in `line`: approximate (binary) or exact with wildcards.
fn legacy_search(key: &Value, line: &Line, ctx: &dyn EvalContext, approx: bool) -> Option<usize> {
    let at = |i| line.at(ctx, i);
    if approx {
        approximate_ascending(key, line.len, at)
    } else {
        find_exact(&Matcher::new(key, TextMatch::Legacy), 0..line.len, at)
    }
}

fn vlookup(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 2, 3], ctx, |a, c| table_lookup(a, c, true))
}

fn hlookup(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 2, 3], ctx, |a, c| table_lookup(a, c, false))
}

/// VLOOKUP (`vertical`: search the first column, return from column n) and HLOOKUP (search the
/// first row, return from row n).
fn table_lookup(args: &[Operand], ctx: &dyn EvalContext, vertical: bool) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let key = legacy_key(args, ctx)?;
        let table = table_source(&args[1])?;
        let n = integer(&args[2], ctx)?;
        let approx = bool_or(args, 3, true, ctx)?;
        let search = table.clipped(ctx).line(vertical, 0);
        // Excel searches before it checks the index: not found is #N/A whatever the index.
        let Some(i) = legacy_search(&key, &search, ctx, approx) else {
            return Ok(not_found());
        };
        let width = if vertical { table.cols() } else { table.rows() };
        if n < 1 {
            return Err(ErrorKind::Value);
        }
        let n = usize::try_from(n - 1).map_err(|_| ErrorKind::Ref)?;
        if n >= width {
            return Err(ErrorKind::Ref);
        }
        let found = if vertical {
            table.get(ctx, i, n)
        } else {
            table.get(ctx, n, i)
        };
        Ok(Operand::Value(found.clone()))
    };
    run().unwrap_or_else(Operand::error)
}

fn lookup(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0], ctx, lookup_one)
}

/// LOOKUP: the vector form searches `lookup_vector` (the first column of a 2-D range, or its
/// first row when wider than tall) and returns from `result_vector`; the array form searches
/// the first row or column of `array` and returns from the last one. Always approximate.
fn lookup_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let key = legacy_key(args, ctx)?;
        let table = table_source(&args[1])?;
        let wide = table.cols() > table.rows();
        let search = table.clipped(ctx).line(!wide, 0);
        let Some(i) = approximate_ascending(&key, search.len, |i| search.at(ctx, i)) else {
            return Ok(not_found());
        };
        if let Some(result) = args.get(2) {
            return result_vector_at(result, i, wide, ctx);
        }
        let found = if wide {
            table.get(ctx, table.rows() - 1, i)
        } else {
            table.get(ctx, i, table.cols() - 1)
        };
        Ok(Operand::Value(found.clone()))
    };
    run().unwrap_or_else(Operand::error)
}

/// Element `i` of LOOKUP's result vector. Like Excel, a reference shorter than the lookup vector
/// is read past its end (a single cell extends in the lookup vector's direction).
fn result_vector_at(
    op: &Operand,
    i: usize,
    wide_lookup: bool,
    ctx: &dyn EvalContext,
) -> Result<Operand, ErrorKind> {
    let src = table_source(op)?;
    let Some(line) = src.vector() else {
        return Ok(not_found());
    };
    if i < line.len {
        return Ok(Operand::Value(line.at(ctx, i).clone()));
    }
    let Operand::Ref(a) = op else {
        return Ok(not_found());
    };
    let down = if a.is_single_cell() {
        !wide_lookup
    } else {
        line.vertical
    };
    let (row, col) = if down {
        (i64::from(a.top) + i as i64, i64::from(a.left))
    } else {
        (i64::from(a.top), i64::from(a.left) + i as i64)
    };
    if row >= i64::from(MAX_ROWS) || col >= i64::from(MAX_COLS) {
        return Ok(not_found());
    }
    Ok(Operand::Value(
        ctx.cell(a.sheet, row as u32, col as u32).clone(),
    ))
}

fn match_(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 2], ctx, match_one)
}

/// MATCH: 1 (default) approximate ascending, 0 exact with wildcards, -1 approximate
/// descending. The lookup array must be one row or one column.
fn match_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let key = legacy_key(args, ctx)?;
        let kind = match args.get(2) {
            None => Decimal::ONE,
            Some(op) => scalar(op, ctx).to_number()?,
        };
        let Some(line) = table_source(&args[1])?.clipped(ctx).vector() else {
            return Ok(not_found());
        };
        let at = |i| line.at(ctx, i);
        let found = if kind.is_sign_positive() && !kind.is_zero() {
            approximate_ascending(&key, line.len, at)
        } else if kind.is_zero() {
            find_exact(&Matcher::new(&key, TextMatch::Legacy), 0..line.len, at)
        } else {
            approximate_descending(&key, line.len, at)
        };
        Ok(found.map_or_else(not_found, position))
    };
    run().unwrap_or_else(Operand::error)
}

// ---------------------------------------------------------------------------------------------
// XLOOKUP, XMATCH.
// ---------------------------------------------------------------------------------------------

/// The lookup array of XLOOKUP/XMATCH: one row or one column, else `#VALUE!`.
fn x_lookup_line<'a>(op: &'a Operand, ctx: &dyn EvalContext) -> Result<Line<'a>, ErrorKind> {
    let src = table_source(op)?;
    let line = src.vector().ok_or(ErrorKind::Value)?;
    Ok(src.clipped(ctx).line(line.vertical, 0))
}

/// XMATCH's modes from arguments `at` and `at + 1`.
fn x_modes(
    args: &[Operand],
    at: usize,
    ctx: &dyn EvalContext,
) -> Result<(MatchMode, SearchMode), ErrorKind> {
    let mode = match_mode(floor_or(args, at, 0, ctx)?)?;
    let search = search_mode(floor_or(args, at + 1, 1, ctx)?)?;
    Ok((mode, search))
}

fn xmatch(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 2, 3], ctx, xmatch_one)
}

fn xmatch_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let key = lookup_value(args, ctx)?;
        let line = x_lookup_line(&args[1], ctx)?;
        let (mode, search) = x_modes(args, 2, ctx)?;
        let found = x_search(&key, line.len, |i| line.at(ctx, i), mode, search)?;
        Ok(found.map_or_else(not_found, position))
    };
    run().unwrap_or_else(Operand::error)
}

fn xlookup(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 4, 5], ctx, xlookup_one)
}

/// XLOOKUP: returns the row (vertical lookup array) or column (horizontal) of `return_array`
/// at the match, as a reference when `return_array` is one.
fn xlookup_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let key = lookup_value(args, ctx)?;
        let line = x_lookup_line(&args[1], ctx)?;
        let lookup_src = table_source(&args[1])?;
        let results = table_source(&args[2])?;
        let vertical = line.vertical;
        let length = if vertical {
            lookup_src.rows()
        } else {
            lookup_src.cols()
        };
        let result_length = if vertical {
            results.rows()
        } else {
            results.cols()
        };
        if length != result_length {
            return Err(ErrorKind::Value);
        }
        let (mode, search) = x_modes(args, 4, ctx)?;
        match x_search(&key, line.len, |i| line.at(ctx, i), mode, search)? {
            Some(i) if vertical => Ok(slice(&args[2], Some(i), None)),
            Some(i) => Ok(slice(&args[2], None, Some(i))),
            None if !args::is_omitted(args, 3) => Ok(args[3].clone()),
            None => Ok(not_found()),
        }
    };
    run().unwrap_or_else(Operand::error)
}

/// Part of an operand: one row (`row`), one column (`col`), one cell (both) or all (neither).
/// References give references; arrays give a value or a smaller array. Indexes must be valid.
fn slice(op: &Operand, row: Option<usize>, col: Option<usize>) -> Operand {
    match op {
        Operand::Ref(a) => {
            let (top, bottom) = match row {
                Some(r) => (a.top + r as u32, a.top + r as u32),
                None => (a.top, a.bottom),
            };
            let (left, right) = match col {
                Some(c) => (a.left + c as u32, a.left + c as u32),
                None => (a.left, a.right),
            };
            Operand::Ref(Area {
                top,
                bottom,
                left,
                right,
                ..*a
            })
        }
        Operand::Array(arr) => {
            let rows: Vec<usize> = row.map_or_else(|| (0..arr.rows).collect(), |r| vec![r]);
            let cols: Vec<usize> = col.map_or_else(|| (0..arr.cols).collect(), |c| vec![c]);
            pick(arr, &rows, &cols)
        }
        Operand::Value(v) => Operand::Value(v.clone()),
    }
}

/// The sub-array of the given rows and columns (a single value when 1×1).
fn pick(arr: &Array, rows: &[usize], cols: &[usize]) -> Operand {
    let mut values = Vec::with_capacity(rows.len() * cols.len());
    for &r in rows {
        for &c in cols {
            values.push(
                arr.get(r, c)
                    .cloned()
                    .unwrap_or(Value::Error(ErrorKind::NA)),
            );
        }
    }
    if values.len() == 1 {
        return Operand::Value(values.swap_remove(0));
    }
    Array::new(rows.len(), cols.len(), values).into()
}

// ---------------------------------------------------------------------------------------------
// INDEX, OFFSET, INDIRECT, ROW(S), COLUMN(S), ADDRESS, AREAS, TRIMRANGE, HYPERLINK.
// ---------------------------------------------------------------------------------------------

fn index(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2, 3], ctx, index_one)
}

/// INDEX: the cell, row (column 0) or column (row 0) of `array`; a reference for references.
/// With a single index, a one-row array is indexed by column and a one-column array by row.
fn index_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let src = table_source(&args[0])?;
        let row = integer(&args[1], ctx)?;
        let col = match args.get(2) {
            Some(op) => Some(integer(op, ctx)?),
            None => None,
        };
        if !args::is_omitted(args, 3) {
            // One area only (kachi has no multi-area references).
            match integer(&args[3], ctx)? {
                n if n < 1 => return Err(ErrorKind::Value),
                1 => {}
                _ => return Err(ErrorKind::Ref),
            }
        }
        if row < 0 || col.is_some_and(|c| c < 0) {
            return Err(ErrorKind::Value);
        }
        let (rows, cols) = (src.rows(), src.cols());
        let (row, col) = match col {
            Some(c) => (row, c),
            None if rows == 1 => (1, row),
            None if cols == 1 => (row, 1),
            // A 2-D reference needs both indexes; a 2-D array gives the whole row.
            None if matches!(src, Source::Ref(_)) => return Err(ErrorKind::Ref),
            None => (row, 0),
        };
        let pick_of = |n: i64, len: usize| -> Result<Option<usize>, ErrorKind> {
            match usize::try_from(n) {
                Ok(0) => Ok(None),
                Ok(k) if k <= len => Ok(Some(k - 1)),
                _ => Err(ErrorKind::Ref),
            }
        };
        let r = pick_of(row, rows)?;
        let c = pick_of(col, cols)?;
        Ok(slice(&args[0], r, c))
    };
    run().unwrap_or_else(Operand::error)
}

/// OFFSET: a reference moved by (rows, cols) and resized to (height, width); negative sizes
/// extend up or left. Off the sheet is `#REF!`.
fn offset(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let area = match &args[0] {
            Operand::Ref(a) => *a,
            Operand::Value(Value::Error(e)) => return Err(*e),
            _ => return Err(ErrorKind::Value),
        };
        let down = integer(&args[1], ctx)?;
        let right = integer(&args[2], ctx)?;
        let height = size_arg(args, 3, area.rows(), ctx)?;
        let width = size_arg(args, 4, area.cols(), ctx)?;
        let (top, bottom) = span(i64::from(area.top) + down, height, MAX_ROWS)?;
        let (left, right) = span(i64::from(area.left) + right, width, MAX_COLS)?;
        Ok(Operand::Ref(Area {
            top,
            bottom,
            left,
            right,
            ..area
        }))
    };
    run().unwrap_or_else(Operand::error)
}

/// OFFSET's height/width: the reference's size when omitted; truncated, but a fraction between
/// 0 and ±1 counts as ±1 (as Excel does); 0 is `#REF!`.
fn size_arg(
    args: &[Operand],
    i: usize,
    default: usize,
    ctx: &dyn EvalContext,
) -> Result<i64, ErrorKind> {
    if args::is_omitted(args, i) {
        return Ok(default as i64);
    }
    let n = numeric::snap15(scalar(&args[i], ctx).to_number()?);
    let t = n.trunc();
    let t = if t.is_zero() && n.is_sign_negative() && !n.is_zero() {
        -Decimal::ONE
    } else if t.is_zero() && !n.is_zero() {
        Decimal::ONE
    } else {
        t
    };
    match t.to_i64() {
        Some(0) | None => Err(ErrorKind::Ref),
        Some(v) => Ok(v),
    }
}

/// The first and last index of `size` (negative: extending backwards) cells from `start`,
/// or `#REF!` when that leaves `0..limit`.
fn span(start: i64, size: i64, limit: u32) -> Result<(u32, u32), ErrorKind> {
    let (a, b) = if size > 0 {
        (start, start.saturating_add(size - 1))
    } else {
        (start.saturating_add(size + 1), start)
    };
    let ok = |x: i64| (0..i64::from(limit)).contains(&x);
    if ok(a) && ok(b) {
        Ok((a as u32, b as u32))
    } else {
        Err(ErrorKind::Ref)
    }
}

fn indirect(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 1], ctx, indirect_one)
}

/// INDIRECT: the reference named by text (A1 style unless `a1` is FALSE: R1C1).
fn indirect_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let text = match scalar(&args[0], ctx).to_text() {
        Ok(t) => t,
        Err(e) => return Operand::error(e),
    };
    match bool_or(args, 1, true, ctx) {
        Ok(a1) => ctx.resolve_reference_text(&text, a1),
        Err(e) => Operand::error(e),
    }
}

fn row(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    reference_numbers(args, ctx, true)
}

fn column(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    reference_numbers(args, ctx, false)
}

/// ROW/COLUMN: the current cell's row/column without an argument; for a reference, its row
/// numbers as a column (ROW) or its column numbers as a row (COLUMN).
fn reference_numbers(args: &[Operand], ctx: &dyn EvalContext, rows: bool) -> Operand {
    let number = |n: u32| Value::Number(Decimal::from(n) + Decimal::ONE);
    match args.first() {
        None | Some(Operand::Value(Value::Empty)) => match ctx.current_cell() {
            Some((_, pos)) => Operand::Value(number(if rows { pos.row } else { pos.col })),
            None => Operand::error(ErrorKind::Value),
        },
        Some(Operand::Ref(a)) => {
            let (first, last) = if rows {
                (a.top, a.bottom)
            } else {
                (a.left, a.right)
            };
            if first == last {
                return Operand::Value(number(first));
            }
            let values: Vec<Value> = (first..=last).map(number).collect();
            let n = values.len();
            if rows {
                Array::new(n, 1, values).into()
            } else {
                Array::new(1, n, values).into()
            }
        }
        Some(Operand::Value(Value::Error(e))) => Operand::error(*e),
        Some(_) => Operand::error(ErrorKind::Value),
    }
}

fn rows(args: &[Operand], _: &dyn EvalContext) -> Operand {
    dimension(&args[0], true)
}

fn columns(args: &[Operand], _: &dyn EvalContext) -> Operand {
    dimension(&args[0], false)
}

/// ROWS/COLUMNS of a reference, an array or a single value.
fn dimension(op: &Operand, rows: bool) -> Operand {
    if let Operand::Value(Value::Error(e)) = op {
        return Operand::error(*e);
    }
    let (r, c) = op.dims();
    let n = if rows { r } else { c };
    Operand::Value(Value::Number(Decimal::from(n as u64)))
}

fn areas(args: &[Operand], _: &dyn EvalContext) -> Operand {
    match &args[0] {
        Operand::Ref(_) => Operand::Value(Value::Number(Decimal::ONE)),
        Operand::Value(Value::Error(e)) => Operand::error(*e),
        _ => Operand::error(ErrorKind::Value),
    }
}

fn address(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[0, 1, 2, 3, 4], ctx, address_one)
}

/// ADDRESS: reference text for a row and column; abs_num 1 `$A$1`, 2 `A$1`, 3 `$A1`, 4 `A1`;
/// R1C1 style when `a1` is FALSE (relative parts as `R[1]C[1]`); an optional sheet prefix.
fn address_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let row = integer(&args[0], ctx)?;
        let col = integer(&args[1], ctx)?;
        let abs = int_or(args, 2, 1, ctx)?;
        let a1 = bool_or(args, 3, true, ctx)?;
        let sheet = if args::is_omitted(args, 4) {
            None
        } else {
            Some(scalar(&args[4], ctx).to_text()?)
        };
        if !(1..=i64::from(MAX_ROWS)).contains(&row)
            || !(1..=i64::from(MAX_COLS)).contains(&col)
            || !(1..=4).contains(&abs)
        {
            return Err(ErrorKind::Value);
        }
        let (abs_row, abs_col) = (abs == 1 || abs == 2, abs == 1 || abs == 3);
        let mut text = String::new();
        if let Some(sheet) = sheet {
            // An empty sheet name still writes the `!` (Excel gives "!A1").
            if !sheet.is_empty() {
                text.push_str(&quote_sheet_name(&sheet));
            }
            text.push('!');
        }
        if a1 {
            let dollar = |abs: bool| if abs { "$" } else { "" };
            text.push_str(dollar(abs_col));
            text.push_str(&column_name(col as u32 - 1));
            text.push_str(dollar(abs_row));
            text.push_str(&row.to_string());
        } else {
            let part = |abs: bool, n: i64| if abs { n.to_string() } else { format!("[{n}]") };
            text.push('R');
            text.push_str(&part(abs_row, row));
            text.push('C');
            text.push_str(&part(abs_col, col));
        }
        Ok(Operand::Value(Value::text(text)))
    };
    run().unwrap_or_else(Operand::error)
}

/// TRIMRANGE: the reference without its blank outer rows and columns (trim_rows/trim_cols:
/// 0 none, 1 leading, 2 trailing, 3 both, the default).
fn trimrange(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let area = match &args[0] {
            Operand::Ref(a) => *a,
            Operand::Value(Value::Error(e)) => return Err(*e),
            _ => return Err(ErrorKind::Value),
        };
        let trim_rows = trim_mode(args, 1, ctx)?;
        let trim_cols = trim_mode(args, 2, ctx)?;
        let mut used: Option<(u32, u32, u32, u32)> = None;
        ctx.for_each_in_area(&ctx.clip_to_used(&area), &mut |r, c, _| {
            used = Some(match used {
                None => (r, r, c, c),
                Some((t, b, l, rt)) => (t.min(r), b.max(r), l.min(c), rt.max(c)),
            });
        });
        let Some((top, bottom, left, right)) = used else {
            return Err(ErrorKind::Ref);
        };
        let pick = |mode: u8, keep: u32, trimmed: u32, leading: bool| {
            let trims = if leading {
                mode & 1 != 0
            } else {
                mode & 2 != 0
            };
            if trims {
                trimmed
            } else {
                keep
            }
        };
        Ok(Operand::Ref(Area {
            top: pick(trim_rows, area.top, top, true),
            bottom: pick(trim_rows, area.bottom, bottom, false),
            left: pick(trim_cols, area.left, left, true),
            right: pick(trim_cols, area.right, right, false),
            ..area
        }))
    };
    run().unwrap_or_else(Operand::error)
}

/// TRIMRANGE's trim argument: a whole number 0 to 3 (3 when omitted); not an array.
fn trim_mode(args: &[Operand], i: usize, ctx: &dyn EvalContext) -> Result<u8, ErrorKind> {
    if args::is_omitted(args, i) {
        return Ok(3);
    }
    if args[i].is_multi() {
        return Err(ErrorKind::Value);
    }
    let n = numeric::snap15(scalar(&args[i], ctx).to_number()?);
    match n.to_u8() {
        Some(m) if m <= 3 && n.fract().is_zero() => Ok(m),
        _ => Err(ErrorKind::Value),
    }
}

/// HYPERLINK: a cell shows the friendly name, or the link itself when there is none.
fn hyperlink(args: &[Value], _: &dyn EvalContext) -> Value {
    match args.get(1) {
        Some(name) if !name.is_empty() => name.clone(),
        _ => args[0].clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Array shaping: TRANSPOSE, CHOOSECOLS/ROWS, TAKE, DROP, EXPAND, TOCOL/ROW, V/HSTACK, WRAP*.
// ---------------------------------------------------------------------------------------------

/// The operand's values as an array: whole rows/columns clipped to the used area, other
/// references read in full; too large an array is `#NUM!`.
fn materialize(op: &Operand, ctx: &dyn EvalContext) -> Result<Array, ErrorKind> {
    match op {
        Operand::Ref(a) => {
            let area = args::clip_whole(a, ctx);
            let (rows, cols) = (area.rows(), area.cols());
            if rows.saturating_mul(cols) > MAX_ARRAY_CELLS {
                return Err(ErrorKind::Num);
            }
            let mut values = vec![Value::Empty; rows * cols];
            ctx.for_each_in_area(&area, &mut |r, c, v| {
                let i = (r - area.top) as usize * cols + (c - area.left) as usize;
                if let Some(slot) = values.get_mut(i) {
                    *slot = v.clone();
                }
            });
            Ok(Array::new(rows, cols, values))
        }
        other => Ok(to_array(other, ctx)),
    }
}

/// A result array, or `#CALC!` when it is empty (Excel's error for empty arrays).
fn array_result(rows: usize, cols: usize, values: Vec<Value>) -> Operand {
    if rows == 0 || cols == 0 {
        return Operand::error(ErrorKind::Calc);
    }
    Array::new(rows, cols, values).into()
}

/// The array, transposed when `flip` (so one routine serves rows and columns).
fn oriented(arr: Array, flip: bool) -> Array {
    if flip {
        transposed(&arr)
    } else {
        arr
    }
}

fn transposed(arr: &Array) -> Array {
    let mut values = Vec::with_capacity(arr.values.len());
    for c in 0..arr.cols {
        for r in 0..arr.rows {
            values.push(arr.get(r, c).cloned().unwrap_or(Value::Empty));
        }
    }
    Array::new(arr.cols, arr.rows, values)
}

/// The given rows of an array, in order.
fn select_rows(arr: &Array, rows: &[usize]) -> Array {
    let mut values = Vec::with_capacity(rows.len() * arr.cols);
    for &r in rows {
        for c in 0..arr.cols {
            values.push(arr.get(r, c).cloned().unwrap_or(Value::Empty));
        }
    }
    Array::new(rows.len(), arr.cols, values)
}

fn transpose(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    match materialize(&args[0], ctx) {
        Ok(arr) => {
            let t = transposed(&arr);
            array_result(t.rows, t.cols, t.values)
        }
        Err(e) => Operand::error(e),
    }
}

fn choosecols(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    choose_lines(args, ctx, true).unwrap_or_else(Operand::error)
}

fn chooserows(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    choose_lines(args, ctx, false).unwrap_or_else(Operand::error)
}

/// CHOOSECOLS/CHOOSEROWS: each index argument is a number or a one-row/one-column array of
/// numbers; negative numbers count from the end.
fn choose_lines(
    args: &[Operand],
    ctx: &dyn EvalContext,
    by_col: bool,
) -> Result<Operand, ErrorKind> {
    let arr = oriented(materialize(&args[0], ctx)?, by_col);
    let mut picks = Vec::new();
    for op in &args[1..] {
        for n in number_list(op, ctx)? {
            let n = numeric::snap15(n)
                .trunc()
                .to_i64()
                .ok_or(ErrorKind::Value)?;
            let len = arr.rows as i64;
            let i = match n {
                n if (1..=len).contains(&n) => n - 1,
                n if (-len..=-1).contains(&n) => len + n,
                _ => return Err(ErrorKind::Value),
            };
            picks.push(i as usize);
        }
    }
    let out = oriented(select_rows(&arr, &picks), by_col);
    Ok(array_result(out.rows, out.cols, out.values))
}

/// The numbers of a scalar or one-row/one-column argument (errors propagate; 2-D is `#VALUE!`).
fn number_list(op: &Operand, ctx: &dyn EvalContext) -> Result<Vec<Decimal>, ErrorKind> {
    let src = Source::of(op);
    let line = src.vector().ok_or(ErrorKind::Value)?;
    (0..line.len).map(|i| line.at(ctx, i).to_number()).collect()
}

fn take(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2], ctx, |a, c| {
        trim_array(a, c, true).unwrap_or_else(Operand::error)
    })
}

fn drop(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2], ctx, |a, c| {
        trim_array(a, c, false).unwrap_or_else(Operand::error)
    })
}

/// TAKE (`keep`) or DROP: rows then columns, counted from the start (positive) or the end
/// (negative); an omitted count keeps everything.
fn trim_array(args: &[Operand], ctx: &dyn EvalContext, keep: bool) -> Result<Operand, ErrorKind> {
    let arr = materialize(&args[0], ctx)?;
    let rows = lines_kept(args, 1, arr.rows, keep, ctx)?;
    let cols = lines_kept(args, 2, arr.cols, keep, ctx)?;
    let mut values = Vec::with_capacity(rows.len() * cols.len());
    for r in rows.clone() {
        for c in cols.clone() {
            values.push(arr.get(r, c).cloned().unwrap_or(Value::Empty));
        }
    }
    Ok(array_result(rows.len(), cols.len(), values))
}

/// The range of lines TAKE/DROP keeps out of `len` given argument `i`.
fn lines_kept(
    args: &[Operand],
    i: usize,
    len: usize,
    keep: bool,
    ctx: &dyn EvalContext,
) -> Result<std::ops::Range<usize>, ErrorKind> {
    if args::is_omitted(args, i) {
        return Ok(0..len);
    }
    let n = integer(&args[i], ctx)?;
    let k = usize::try_from(n.unsigned_abs())
        .unwrap_or(usize::MAX)
        .min(len);
    Ok(match (keep, n >= 0) {
        (true, true) => 0..k,
        (true, false) => len - k..len,
        (false, true) => k..len,
        (false, false) => 0..len - k,
    })
}

fn expand(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2], ctx, |a, c| {
        expand_one(a, c).unwrap_or_else(Operand::error)
    })
}

/// EXPAND: the array padded to rows × columns (never smaller) with `pad_with` (#N/A).
fn expand_one(args: &[Operand], ctx: &dyn EvalContext) -> Result<Operand, ErrorKind> {
    let arr = materialize(&args[0], ctx)?;
    let size = |i: usize, len: usize| -> Result<usize, ErrorKind> {
        let n = int_or(args, i, len as i64, ctx)?;
        match usize::try_from(n) {
            Ok(n) if n >= len => Ok(n),
            _ => Err(ErrorKind::Value),
        }
    };
    let rows = size(1, arr.rows)?;
    let cols = size(2, arr.cols)?;
    if rows.saturating_mul(cols) > MAX_ARRAY_CELLS {
        return Err(ErrorKind::Num);
    }
    let pad = if args::is_omitted(args, 3) {
        NA.clone()
    } else {
        scalar(&args[3], ctx)
    };
    let mut values = Vec::with_capacity(rows * cols);
    for r in 0..rows {
        for c in 0..cols {
            values.push(arr.get(r, c).cloned().unwrap_or_else(|| pad.clone()));
        }
    }
    Ok(array_result(rows, cols, values))
}

fn tocol(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2], ctx, |a, c| {
        flatten(a, c, true).unwrap_or_else(Operand::error)
    })
}

fn torow(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2], ctx, |a, c| {
        flatten(a, c, false).unwrap_or_else(Operand::error)
    })
}

/// TOCOL/TOROW: the values row by row (or column by column), optionally without blanks
/// (ignore 1), errors (2) or both (3).
fn flatten(args: &[Operand], ctx: &dyn EvalContext, column: bool) -> Result<Operand, ErrorKind> {
    let arr = materialize(&args[0], ctx)?;
    let ignore = int_or(args, 1, 0, ctx)?;
    if !(0..=3).contains(&ignore) {
        return Err(ErrorKind::Value);
    }
    let by_column = bool_or(args, 2, false, ctx)?;
    let arr = oriented(arr, by_column);
    let values: Vec<Value> = arr
        .values
        .into_iter()
        .filter(|v| !(ignore & 1 != 0 && v.is_empty() || ignore & 2 != 0 && v.is_error()))
        .collect();
    let n = values.len();
    Ok(if column {
        array_result(n, 1, values)
    } else {
        array_result(1, n, values)
    })
}

fn vstack(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    stack(args, ctx, false).unwrap_or_else(Operand::error)
}

fn hstack(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    stack(args, ctx, true).unwrap_or_else(Operand::error)
}

/// VSTACK (or HSTACK, `side_by_side`): the arrays one below (beside) the other, narrower
/// ones padded with #N/A.
fn stack(
    args: &[Operand],
    ctx: &dyn EvalContext,
    side_by_side: bool,
) -> Result<Operand, ErrorKind> {
    let parts: Vec<Array> = args
        .iter()
        .map(|a| materialize(a, ctx).map(|arr| oriented(arr, side_by_side)))
        .collect::<Result<_, _>>()?;
    let width = parts.iter().map(|p| p.cols).max().unwrap_or(0);
    let height: usize = parts.iter().map(|p| p.rows).sum();
    if height.saturating_mul(width) > MAX_ARRAY_CELLS {
        return Err(ErrorKind::Num);
    }
    let mut values = Vec::with_capacity(height * width);
    for part in &parts {
        for r in 0..part.rows {
            for c in 0..width {
                values.push(part.get(r, c).cloned().unwrap_or_else(|| NA.clone()));
            }
        }
    }
    let out = oriented(Array::new(height, width, values), side_by_side);
    Ok(array_result(out.rows, out.cols, out.values))
}

fn wraprows(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1], ctx, |a, c| {
        wrap(a, c, false).unwrap_or_else(Operand::error)
    })
}

fn wrapcols(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1], ctx, |a, c| {
        wrap(a, c, true).unwrap_or_else(Operand::error)
    })
}

/// WRAPROWS (or WRAPCOLS, `by_col`): a vector cut into rows (columns) of `wrap_count` values,
/// the last one padded with `pad_with` (#N/A).
fn wrap(args: &[Operand], ctx: &dyn EvalContext, by_col: bool) -> Result<Operand, ErrorKind> {
    let arr = materialize(&args[0], ctx)?;
    if arr.rows > 1 && arr.cols > 1 {
        return Err(ErrorKind::Value);
    }
    let count = integer(&args[1], ctx)?;
    let width = usize::try_from(count)
        .ok()
        .filter(|&w| w >= 1)
        .ok_or(ErrorKind::Num)?;
    let pad = if args::is_omitted(args, 2) {
        NA.clone()
    } else {
        scalar(&args[2], ctx)
    };
    let height = arr.values.len().div_ceil(width);
    if height.saturating_mul(width) > MAX_ARRAY_CELLS {
        return Err(ErrorKind::Num);
    }
    let mut values = arr.values;
    values.resize(height * width, pad);
    let out = oriented(Array::new(height, width, values), by_col);
    Ok(array_result(out.rows, out.cols, out.values))
}

// ---------------------------------------------------------------------------------------------
// SORT, SORTBY, UNIQUE, FILTER.
// ---------------------------------------------------------------------------------------------

/// Excel's sort order: numbers, text (ignoring case), FALSE, TRUE, errors (by type); blanks
/// always come last, in either direction.
fn sort_order(a: &Value, b: &Value, descending: bool) -> Ordering {
    let rank = |v: &Value| match v {
        Value::Number(_) => 0,
        Value::Text(_) => 1,
        Value::Bool(_) => 2,
        Value::Error(_) => 3,
        Value::Empty => 4,
    };
    let ord = match (a, b) {
        (Value::Empty, Value::Empty) => return Ordering::Equal,
        (Value::Empty, _) => return Ordering::Greater,
        (_, Value::Empty) => return Ordering::Less,
        (Value::Number(x), Value::Number(y)) => numeric::compare_15(*x, *y),
        (Value::Text(x), Value::Text(y)) => compare_text_ci(x, y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Error(x), Value::Error(y)) => x.type_number().cmp(&y.type_number()),
        _ => rank(a).cmp(&rank(b)),
    };
    if descending {
        ord.reverse()
    } else {
        ord
    }
}

/// One sort key: a column of values (one per line being sorted) and its direction.
struct SortKey {
    values: Vec<Value>,
    descending: bool,
}

/// The rows of `arr` reordered by the keys (stable: ties keep their order).
fn sorted_rows(arr: &Array, keys: &[SortKey]) -> Array {
    let mut order: Vec<usize> = (0..arr.rows).collect();
    order.sort_by(|&x, &y| {
        keys.iter()
            .map(|k| match (k.values.get(x), k.values.get(y)) {
                (Some(a), Some(b)) => sort_order(a, b, k.descending),
                _ => Ordering::Equal,
            })
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    });
    select_rows(arr, &order)
}

/// A sort direction argument: 1 ascending, -1 descending.
fn descending(n: i64) -> Result<bool, ErrorKind> {
    match n {
        1 => Ok(false),
        -1 => Ok(true),
        _ => Err(ErrorKind::Value),
    }
}

fn whole_numbers(op: &Operand, ctx: &dyn EvalContext) -> Result<Vec<i64>, ErrorKind> {
    number_list(op, ctx)?
        .into_iter()
        .map(|n| numeric::snap15(n).trunc().to_i64().ok_or(ErrorKind::Value))
        .collect()
}

/// SORT: rows ordered by the columns in sort_index (or columns by rows, when by_col); sort_index
/// and sort_order may list several keys.
fn sort(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let by_col = bool_or(args, 3, false, ctx)?;
        let arr = oriented(materialize(&args[0], ctx)?, by_col);
        let indexes = if args::is_omitted(args, 1) {
            vec![1]
        } else {
            whole_numbers(&args[1], ctx)?
        };
        let orders = if args::is_omitted(args, 2) {
            vec![1]
        } else {
            whole_numbers(&args[2], ctx)?
        };
        if orders.len() != indexes.len() && orders.len() != 1 {
            return Err(ErrorKind::Value);
        }
        let mut keys = Vec::with_capacity(indexes.len());
        for (k, &index) in indexes.iter().enumerate() {
            let col = usize::try_from(index)
                .ok()
                .filter(|&i| (1..=arr.cols).contains(&i))
                .ok_or(ErrorKind::Value)?;
            let order = orders.get(k).or(orders.first()).copied().unwrap_or(1);
            keys.push(SortKey {
                values: (0..arr.rows)
                    .map(|r| arr.get(r, col - 1).cloned().unwrap_or(Value::Empty))
                    .collect(),
                descending: descending(order)?,
            });
        }
        let out = oriented(sorted_rows(&arr, &keys), by_col);
        Ok(array_result(out.rows, out.cols, out.values))
    };
    run().unwrap_or_else(Operand::error)
}

/// SORTBY: the array ordered by one or more vectors (by_array, [sort_order] pairs). Column
/// vectors as tall as the array sort its rows; row vectors as wide as it sort its columns.
fn sortby(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let arr = materialize(&args[0], ctx)?;
        let mut by_col: Option<bool> = None;
        let mut keys = Vec::new();
        for pair in args[1..].chunks(2) {
            let by = materialize(&pair[0], ctx)?;
            let columns = if by.cols == 1 && by.rows == arr.rows {
                false
            } else if by.rows == 1 && by.cols == arr.cols {
                true
            } else {
                return Err(ErrorKind::Value);
            };
            if by_col.is_some_and(|b| b != columns) {
                return Err(ErrorKind::Value);
            }
            by_col = Some(columns);
            let order = match pair.get(1) {
                Some(op) if !matches!(op, Operand::Value(Value::Empty)) => integer(op, ctx)?,
                _ => 1,
            };
            keys.push(SortKey {
                values: by.values,
                descending: descending(order)?,
            });
        }
        let by_col = by_col.unwrap_or(false);
        let out = oriented(sorted_rows(&oriented(arr, by_col), &keys), by_col);
        Ok(array_result(out.rows, out.cols, out.values))
    };
    run().unwrap_or_else(Operand::error)
}

/// A value as a hashable key for UNIQUE: numbers at 15 digits, text ignoring case.
#[derive(Clone, PartialEq, Eq, Hash)]
enum ValueKey {
    Empty,
    Number(Decimal),
    Text(String),
    Bool(bool),
    Error(ErrorKind),
}

impl ValueKey {
    fn of(v: &Value) -> ValueKey {
        match v {
            Value::Empty => ValueKey::Empty,
            Value::Number(n) => ValueKey::Number(numeric::snap15(*n).normalize()),
            Value::Text(t) => ValueKey::Text(t.to_lowercase()),
            Value::Bool(b) => ValueKey::Bool(*b),
            Value::Error(e) => ValueKey::Error(*e),
        }
    }
}

/// UNIQUE: the distinct rows (or columns, by_col) in order of first appearance, or only those
/// appearing exactly once. Text compares ignoring case.
fn unique(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    lift_at(args, &[1, 2], ctx, unique_one)
}

fn unique_one(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let by_col = bool_or(args, 1, false, ctx)?;
        let once = bool_or(args, 2, false, ctx)?;
        let arr = oriented(materialize(&args[0], ctx)?, by_col);
        let width = arr.cols.max(1);
        let mut seen: HashMap<Vec<ValueKey>, (usize, usize)> = HashMap::new();
        let mut first_rows = Vec::new();
        for (r, row) in arr.values.chunks(width).enumerate() {
            let key: Vec<ValueKey> = row.iter().map(ValueKey::of).collect();
            let entry = seen.entry(key).or_insert((r, 0));
            if entry.1 == 0 {
                first_rows.push(r);
            }
            entry.1 += 1;
        }
        let counts: HashMap<usize, usize> = seen.into_values().collect();
        let keep: Vec<usize> = first_rows
            .into_iter()
            .filter(|r| !once || counts.get(r) == Some(&1))
            .collect();
        let out = oriented(select_rows(&arr, &keep), by_col);
        Ok(array_result(out.rows, out.cols, out.values))
    };
    run().unwrap_or_else(Operand::error)
}

/// FILTER: the rows (include is a column as tall as the array) or columns (a row as wide)
/// whose include value is true; if_empty (else `#CALC!`) when none are.
fn filter(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let run = || -> Result<Operand, ErrorKind> {
        let arr = materialize(&args[0], ctx)?;
        let include = materialize(&args[1], ctx)?;
        let by_col = if include.cols == 1 && include.rows == arr.rows {
            false
        } else if include.rows == 1 && include.cols == arr.cols {
            true
        } else {
            return Err(ErrorKind::Value);
        };
        let mut keep = Vec::new();
        for (i, v) in include.values.iter().enumerate() {
            let yes = match v {
                Value::Bool(b) => *b,
                Value::Number(n) => !n.is_zero(),
                Value::Empty => false,
                Value::Error(e) => return Err(*e),
                Value::Text(_) => return Err(ErrorKind::Value),
            };
            if yes {
                keep.push(i);
            }
        }
        if keep.is_empty() {
            return Ok(if args::is_omitted(args, 2) {
                Operand::error(ErrorKind::Calc)
            } else {
                args[2].clone()
            });
        }
        let out = oriented(select_rows(&oriented(arr, by_col), &keep), by_col);
        Ok(array_result(out.rows, out.cols, out.values))
    };
    run().unwrap_or_else(Operand::error)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::formula::CellPos;

    // Expected values come from Excel: the corpus oracle (formulas__test LOOKUP/EXTRA sheets,
    // pycel lookup.xlsx, IronCalc ROW_COLUMN/OFFSET/INDIRECT workbooks), Microsoft's
    // documentation, and published Excel results where noted.

    /// An array literal in Excel syntax: `{1,"a";TRUE,#N/A}`.
    fn lit(text: &str) -> Operand {
        let body = text.trim_start_matches('{').trim_end_matches('}');
        let rows: Vec<Vec<Value>> = body
            .split(';')
            .map(|row| row.split(',').map(|t| literal_value(t.trim())).collect())
            .collect();
        let cols = rows.first().map_or(0, Vec::len);
        let n = rows.len();
        Array::new(n, cols, rows.into_iter().flatten().collect()).into()
    }

    fn literal_value(t: &str) -> Value {
        if let Some(s) = t.strip_prefix('"') {
            return Value::text(s.trim_end_matches('"'));
        }
        match t.to_ascii_uppercase().as_str() {
            "TRUE" => Value::Bool(true),
            "FALSE" => Value::Bool(false),
            "" => Value::Empty,
            u if u.starts_with('#') => ErrorKind::parse(u).map_or(Value::Empty, Value::Error),
            _ => n(t),
        }
    }

    fn e(kind: ErrorKind) -> Value {
        Value::Error(kind)
    }

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    /// Sets a column of values from `first` down (`A1` and on).
    fn column_of(g: &mut TestGrid, col: &str, values: &[Value]) {
        for (i, v) in values.iter().enumerate() {
            g.set(&format!("{col}{}", i + 1), v.clone());
        }
    }

    /// The values of an array result (row-major) with its shape.
    fn array_of(op: &Operand) -> (usize, usize, Vec<Value>) {
        match op {
            Operand::Array(a) => (a.rows, a.cols, a.values.clone()),
            Operand::Value(v) => (1, 1, vec![v.clone()]),
            Operand::Ref(a) => panic!("expected an array, got the reference {a:?}"),
        }
    }

    fn area_of(op: &Operand) -> (CellPos, CellPos) {
        match op {
            Operand::Ref(a) => (CellPos::new(a.top, a.left), CellPos::new(a.bottom, a.right)),
            other => panic!("expected a reference, got {other:?}"),
        }
    }

    fn pos(a1: &str) -> CellPos {
        CellPos::parse_a1(a1).unwrap_or(CellPos::new(u32::MAX, u32::MAX))
    }

    // --------------------------------------------------------------- approximate search

    #[test]
    fn approximate_search_on_unsorted_text_matches_excel() {
        // VLOOKUP(x, C3:C22, 1) for each x of an unsorted column, as Excel returned them
        // (microsoft.public.excel.worksheet.functions, "LOOKUP returning wrong values").
        let data = "ARNDCQEGHILKMFPSTWYV";
        let excel = "APFCCPEGHIKKMEPSTWYT";
        let mut g = TestGrid::new();
        for (i, c) in data.chars().enumerate() {
            g.set(&format!("C{}", i + 3), t(&c.to_string()));
        }
        for (key, want) in data.chars().zip(excel.chars()) {
            let got = g.value(
                "VLOOKUP",
                &[txt(&key.to_string()), g.area("C3:C22"), num("1")],
            );
            assert_eq!(got, t(&want.to_string()), "VLOOKUP({key})");
        }
    }

    #[test]
    fn approximate_search_skips_blanks_and_stops_at_an_exact_hit() {
        // {1,"",1,"",1,"",1,"",2}: MATCH 2 -> 9, 1.5 -> 7, 1 -> 5 in Excel.
        let mut g = TestGrid::new();
        for (i, v) in [1, 0, 1, 0, 1, 0, 1, 0, 2].iter().enumerate() {
            if *v > 0 {
                g.set(&format!("A{}", i + 1), Value::number(*v));
            }
        }
        for (key, want) in [("2", "9"), ("1.5", "7"), ("1", "5")] {
            assert_eq!(
                g.value("MATCH", &[num(key), g.area("A1:A9"), num("1")]),
                n(want)
            );
        }
        // "MATCH function strangeness": looking up more than the maximum of a sparse unsorted
        // range gives the last non-blank position.
        let cases: [(&[Option<i32>], &str, &str); 4] = [
            (&[None, Some(32), Some(14), None], "33", "3"),
            (&[Some(9), Some(4), None, Some(10)], "11", "4"),
            (&[None, None, Some(5), None], "6", "3"),
            (&[Some(2), Some(14), None, Some(5)], "15", "4"),
        ];
        for (values, key, want) in cases {
            let mut g = TestGrid::new();
            for (i, v) in values.iter().enumerate() {
                if let Some(v) = v {
                    g.set(&format!("B{}", i + 1), Value::number(*v));
                }
            }
            assert_eq!(
                g.value("MATCH", &[num(key), g.area("B1:B4"), num("1")]),
                n(want)
            );
        }
    }

    #[test]
    fn sorted_duplicates_give_the_last_one() {
        let g = TestGrid::new();
        let arr = lit("{1,2,2,2,3}");
        assert_eq!(g.value("MATCH", &[num("2"), arr.clone()]), n("4"));
        assert_eq!(g.value("MATCH", &[num("2"), arr, num("0")]), n("2"));
    }

    #[test]
    fn lookup_follows_excel_on_mixed_types() {
        // formulas__test.xlsx, LOOKUP sheet rows 56-64.
        let g = TestGrid::new();
        let key = |k: &str| -> Operand {
            match k {
                "" => empty(),
                "b" => txt("b"),
                "TRUE" => boolean(true),
                k => num(k),
            }
        };
        let cases: [(&str, &str, Value); 16] = [
            ("{-1.1,2.1,3.1,4.1}", "2", n("-1.1")),
            ("{-1.1,2.1,3.1,4.1}", "-2", e(ErrorKind::NA)),
            ("{-1.1,2.1,3.1,4.1}", "20", n("4.1")),
            ("{-1.1,2.1,3.1,4.1}", "b", e(ErrorKind::NA)),
            ("{\"a\",2.1,\"b\",4.1}", "3", n("2.1")),
            ("{\"a\",2.1,\"b\",4.1}", "", e(ErrorKind::NA)),
            ("{\"a\",2.1,\"b\",4.1}", "b", t("b")),
            ("{FALSE,2.1,TRUE,4.1}", "TRUE", Value::Bool(true)),
            ("{4.1,2.1,3.1,1.1}", "2", e(ErrorKind::NA)),
            ("{4.1,2.1,3.1,1.1}", "3", n("2.1")),
            ("{4.1,2.1,3.1,1.1}", "4", n("1.1")),
            ("{\"b\",4.1,\"a\",1.1}", "b", t("a")),
            ("{TRUE,4.1,FALSE,1.1}", "TRUE", Value::Bool(false)),
            ("{TRUE,4.1,FALSE,\"b\"}", "b", t("b")),
            ("{TRUE,4.1,FALSE,\"b\"}", "TRUE", Value::Bool(false)),
            ("{TRUE,FALSE,\"a\",\"b\"}", "TRUE", Value::Bool(false)),
        ];
        for (array, k, want) in cases {
            assert_eq!(
                g.value("LOOKUP", &[key(k), lit(array)]),
                want,
                "{array} {k}"
            );
        }
        let results = lit("{\"L\",\"ML\",\"MR\",\"R\"}");
        assert_eq!(
            g.value(
                "LOOKUP",
                &[num("20"), lit("{TRUE,4.1,FALSE,\"b\"}"), results.clone()]
            ),
            t("ML")
        );
        assert_eq!(
            g.value(
                "LOOKUP",
                &[num("20"), lit("{TRUE,FALSE,\"a\",\"b\"}"), results.clone()]
            ),
            e(ErrorKind::NA)
        );
        assert_eq!(
            g.value("LOOKUP", &[err(ErrorKind::Div0), lit("{1,2}"), results]),
            e(ErrorKind::Div0)
        );
        // The array form: wider than tall searches the first row, returns the last.
        assert_eq!(
            g.value("LOOKUP", &[txt("b"), lit("{\"a\",\"b\",\"c\";1,2,3}")]),
            n("2")
        );
    }

    /// pycel's lookup.xlsx: Table1 (B5:E9) and Table2 (B11:F14), keys in B3:P3.
    fn pycel_tables() -> TestGrid {
        let mut g = TestGrid::new();
        for (i, (k, v, d, err)) in [
            ("0", "a", None, ErrorKind::Div0),
            ("1", "e", Some(t("plugh")), ErrorKind::Name),
            ("2", "i", Some(Value::Bool(true)), ErrorKind::Null),
            ("3", "o", Some(e(ErrorKind::Value)), ErrorKind::Num),
            ("4", "u", Some(e(ErrorKind::NA)), ErrorKind::Ref),
        ]
        .into_iter()
        .enumerate()
        {
            let r = i + 5;
            g.set(&format!("B{r}"), n(k)).set(&format!("C{r}"), t(v));
            if let Some(d) = d {
                g.set(&format!("D{r}"), d);
            }
            g.set(&format!("E{r}"), e(err));
        }
        g
    }

    #[test]
    fn vlookup_matches_pycel_workbook() {
        let g = pycel_tables();
        let table = g.area("B5:E9");
        let cases: [(Operand, &str, Value); 12] = [
            (num("-1"), "2", e(ErrorKind::NA)),
            (num("0.5"), "2", t("a")),
            (num("2"), "2", t("i")),
            (num("4.5"), "2", t("u")),
            (empty(), "2", t("a")),
            (num("0.5"), "3", Value::Empty),
            (num("2"), "3", Value::Bool(true)),
            (num("3"), "3", e(ErrorKind::Value)),
            (num("2"), "4", e(ErrorKind::Null)),
            (boolean(true), "2", e(ErrorKind::NA)),
            (err(ErrorKind::Num), "2", e(ErrorKind::Num)),
            (err(ErrorKind::NA), "2", e(ErrorKind::NA)),
        ];
        for (key, col, want) in cases {
            assert_eq!(
                g.value("VLOOKUP", &[key.clone(), table.clone(), num(col)]),
                want,
                "VLOOKUP({key:?}, B5:E9, {col})"
            );
        }
        // Text against the text column (approximate): "plugh" falls after "o".
        assert_eq!(
            g.value("VLOOKUP", &[txt("plugh"), g.area("C5:E9"), num("1")]),
            t("o")
        );
        assert_eq!(
            g.value("VLOOKUP", &[txt("plugh"), g.area("C5:E9"), num("3")]),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn vlookup_exact_wildcards_and_index_errors() {
        let mut g = TestGrid::new();
        column_of(&mut g, "A", &[t("apple"), t("Banana"), t("a*c"), n("10")]);
        column_of(&mut g, "B", &[n("1"), n("2"), n("3"), n("4")]);
        let table = g.area("A1:B4");
        let look = |key: Operand, col: &str, approx: Operand| {
            g.value("VLOOKUP", &[key, table.clone(), num(col), approx])
        };
        assert_eq!(look(txt("BANANA"), "2", boolean(false)), n("2"));
        assert_eq!(look(txt("b*"), "2", boolean(false)), n("2"));
        assert_eq!(look(txt("?pple"), "2", num("0")), n("1"));
        assert_eq!(look(txt("a~*c"), "2", empty()), n("3"));
        assert_eq!(look(txt("10"), "2", boolean(false)), e(ErrorKind::NA));
        assert_eq!(look(num("10"), "2", boolean(false)), n("4"));
        assert_eq!(look(num("10"), "0", boolean(false)), e(ErrorKind::Value));
        assert_eq!(look(num("10"), "3", boolean(false)), e(ErrorKind::Ref));
        assert_eq!(look(num("10"), "x", boolean(false)), e(ErrorKind::Value));
        assert_eq!(look(num("10"), "2", txt("maybe")), e(ErrorKind::Value));
        // Excel searches first: a missing key is #N/A even with a bad index
        // (calamine errors.xlsx: VLOOKUP(B1,B1,B1,3) with B1 blank).
        assert_eq!(
            g.value(
                "VLOOKUP",
                &[g.area("D1"), g.area("D1"), g.area("D1"), num("3")]
            ),
            e(ErrorKind::NA)
        );
        // A found blank cell is blank (a cell shows 0; &"" gives "").
        g.set("A5", n("11"));
        assert_eq!(
            g.value(
                "VLOOKUP",
                &[num("11"), g.area("A1:B5"), num("2"), boolean(false)]
            ),
            Value::Empty
        );
    }

    #[test]
    fn hlookup_and_lifted_lookup_values() {
        // formulas__test LOOKUP sheet rows 44-46.
        let g = TestGrid::new();
        let table = lit("{-1.1,2.1,3.1,4.1;5,6,7,8}");
        let h = |key: Operand, approx: &str| {
            g.value("HLOOKUP", &[key, table.clone(), num("2"), num(approx)])
        };
        assert_eq!(h(num("-1.1"), "0"), n("5"));
        assert_eq!(h(num("3"), "0"), e(ErrorKind::NA));
        assert_eq!(h(num("4.1"), "0"), n("8"));
        assert_eq!(h(txt("b"), "0"), e(ErrorKind::NA));
        assert_eq!(h(num("3"), "-2"), n("6"));
        assert_eq!(h(num("4"), "-2"), n("7"));
        assert_eq!(h(empty(), "-2"), n("5"));
        assert_eq!(h(err(ErrorKind::Null), "-2"), e(ErrorKind::Null));
        // An array of lookup values gives an array of results.
        let out = g.call(
            "HLOOKUP",
            &[lit("{-1.1,2.1,3}"), table.clone(), lit("{2,1}"), num("0")],
        );
        assert_eq!(
            array_of(&out),
            (1, 3, vec![n("5"), n("2.1"), e(ErrorKind::NA)])
        );
        let out = g.call(
            "LOOKUP",
            &[
                lit("{-1.1,2.1,3,4,4.1}"),
                lit("{-1.1,2.1,3.1,4.1}"),
                lit("{\"L\",\"ML\",\"MR\",\"R\"}"),
            ],
        );
        assert_eq!(
            array_of(&out).2,
            vec![t("L"), t("ML"), t("ML"), t("MR"), t("R")]
        );
    }

    #[test]
    fn lookup_vector_forms() {
        // pycel lookup.xlsx: LOOKUP(x, B5:C9, C5:C9) searches the first column of a 2-D range;
        // a 2-D result vector is #N/A.
        let g = pycel_tables();
        assert_eq!(
            g.value("LOOKUP", &[num("0.5"), g.area("B5:C9"), g.area("C5:C9")]),
            t("a")
        );
        assert_eq!(
            g.value("LOOKUP", &[num("2"), g.area("B5:C9"), g.area("D5:D9")]),
            Value::Bool(true)
        );
        assert_eq!(
            g.value("LOOKUP", &[num("2"), g.area("B5:C9"), g.area("E5:F9")]),
            e(ErrorKind::NA)
        );
        assert_eq!(
            g.value("LOOKUP", &[num("3"), g.area("B5:E9")]),
            e(ErrorKind::Num)
        );
        // A result reference shorter than the lookup vector is read past its end.
        assert_eq!(
            g.value("LOOKUP", &[num("4"), g.area("B5:B9"), g.area("C5")]),
            t("u")
        );
    }

    // --------------------------------------------------------------- MATCH

    #[test]
    fn match_types_follow_excel() {
        // formulas__test LOOKUP sheet rows 65-91.
        let g = TestGrid::new();
        let key = |k: &str| -> Operand {
            match k {
                "" => empty(),
                "w" => txt("*b?u*"),
                "TRUE" => boolean(true),
                k => num(k),
            }
        };
        let cases: [(&str, &str, &str, Value); 26] = [
            ("{-1.1,2.1,3.1,4.1}", "", "1", n("1")),
            ("{-1.1,2.1,3.1,4.1}", "-2", "1", e(ErrorKind::NA)),
            ("{-1.1,2.1,3.1,4.1}", "4", "1", n("3")),
            ("{\"a\",2.1,\"c bau c\",4.1}", "3", "1", n("2")),
            ("{\"a\",2.1,\"c bau c\",4.1}", "1.1", "1", e(ErrorKind::NA)),
            ("{FALSE,2.1,TRUE,4.1}", "TRUE", "1", n("3")),
            ("{4.1,3.1,2.1,1.1}", "4", "1", n("4")),
            ("{4.1,3.1,2.1,1.1}", "3", "1", e(ErrorKind::NA)),
            ("{\"\",4.1,\"a\",1.1}", "w", "1", n("1")),
            ("{TRUE,4.1,FALSE,1.1}", "TRUE", "1", n("3")),
            ("{4.1,3.1,2.1,1.1}", "1.1", "0", n("4")),
            ("{\"c bau c\",4.1,\"a\",1.1}", "w", "0", n("1")),
            ("{\"\",4.1,\"a\",1.1}", "", "0", e(ErrorKind::NA)),
            ("{TRUE,4.1,FALSE,1.1}", "TRUE", "0", n("1")),
            (
                "{TRUE,FALSE,\"a\",\"c bau c\"}",
                "4.1",
                "0",
                e(ErrorKind::NA),
            ),
            ("{-1.1,2.1,3.1,4.1}", "-2", "-1", n("4")),
            ("{-1.1,2.1,3.1,4.1}", "1.1", "-1", e(ErrorKind::NA)),
            ("{\"a\",2.1,\"c bau c\",4.1}", "w", "-1", n("3")),
            ("{\"a\",2.1,\"c bau c\",4.1}", "3", "-1", e(ErrorKind::NA)),
            ("{FALSE,2.1,TRUE,4.1}", "TRUE", "-1", e(ErrorKind::NA)),
            ("{4.1,3.1,2.1,1.1}", "3", "-1", n("2")),
            ("{4.1,3.1,2.1,1.1}", "", "-1", n("4")),
            ("{\"c bau c\",4.1,\"a\",1.1}", "w", "-1", n("3")),
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "-2", "-1", n("2")),
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "w", "-1", n("4")),
            ("{TRUE,FALSE,\"a\",\"c bau c\"}", "TRUE", "-1", n("1")),
        ];
        for (array, k, kind, want) in cases {
            assert_eq!(
                g.value("MATCH", &[key(k), lit(array), num(kind)]),
                want,
                "MATCH({k}, {array}, {kind})"
            );
        }
        assert_eq!(
            g.value("MATCH", &[err(ErrorKind::Ref), lit("{1,2}"), num("0")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("MATCH", &[num("1"), lit("{1,2;3,4}"), num("0")]),
            e(ErrorKind::NA)
        );
        assert_eq!(
            g.value("MATCH", &[num("1"), lit("{1,2}"), txt("x")]),
            e(ErrorKind::Value)
        );
        // MATCH keeps ß and ss apart (EXTRA!L74).
        assert_eq!(
            g.value("MATCH", &[txt("ß"), lit("{1,\"ss\",2.1}"), num("0")]),
            e(ErrorKind::NA)
        );
    }

    #[test]
    fn match_over_cells_and_whole_columns() {
        let mut g = TestGrid::new();
        column_of(&mut g, "A", &[n("10"), n("20"), n("30"), t("x"), n("40")]);
        let whole = Operand::Ref(Area {
            sheet: super::super::SheetId(0),
            top: 0,
            left: 0,
            bottom: MAX_ROWS - 1,
            right: 0,
        });
        assert_eq!(g.value("MATCH", &[num("35"), whole.clone()]), n("3"));
        assert_eq!(g.value("MATCH", &[num("99"), whole.clone()]), n("5"));
        assert_eq!(
            g.value("MATCH", &[txt("X"), whole.clone(), num("0")]),
            n("4")
        );
        assert_eq!(
            g.value("MATCH", &[num("5"), whole, num("0")]),
            e(ErrorKind::NA)
        );
        // A row of cells.
        g.set("C1", n("1")).set("D1", n("5")).set("E1", n("9"));
        assert_eq!(g.value("MATCH", &[num("6"), g.area("C1:E1")]), n("2"));
    }

    // --------------------------------------------------------------- XMATCH, XLOOKUP

    #[test]
    fn xmatch_modes_follow_excel() {
        // formulas__test LOOKUP sheet rows 171-197 and EXTRA sheet rows 73-94.
        let g = TestGrid::new();
        let key = |k: &str| -> Operand {
            match k {
                "" => empty(),
                "w" => txt("*b?u*"),
                "TRUE" => boolean(true),
                "FALSE" => boolean(false),
                k => num(k),
            }
        };
        let cases: [(&str, &str, &str, &str, Value); 80] = [
            ("{-1.1,2.1,3.1,4.1}", "-2", "1", "1", n("1")), // R171
            ("{-1.1,2.1,3.1,4.1}", "4", "1", "1", n("4")),  // U171
            ("{-1.1,2.1,3.1,4.1}", "w", "1", "1", e(ErrorKind::NA)), // X171
            ("{\"a\",2.1,\"c bau c\",4.1}", "1.1", "1", "1", n("2")), // S172
            ("{\"a\",2.1,\"c bau c\",4.1}", "4.1", "1", "1", n("4")), // V172
            (
                "{\"a\",2.1,\"c bau c\",4.1}",
                "TRUE",
                "1",
                "1",
                e(ErrorKind::NA),
            ), // Y172
            ("{FALSE,2.1,TRUE,4.1}", "3", "-1", "1", n("2")), // T173
            ("{FALSE,2.1,TRUE,4.1}", "", "-1", "1", n("3")), // W173
            ("{4.1,3.1,2.1,1.1}", "-2", "0", "1", e(ErrorKind::NA)), // R174
            ("{4.1,3.1,2.1,1.1}", "4", "0", "1", e(ErrorKind::NA)), // U174
            ("{4.1,3.1,2.1,1.1}", "w", "0", "1", e(ErrorKind::NA)), // X174
            (
                "{\"c bau c\",4.1,\"a\",1.1}",
                "1.1",
                "0",
                "2",
                e(ErrorKind::NA),
            ), // S175
            ("{\"c bau c\",4.1,\"a\",1.1}", "4.1", "0", "2", n("2")), // V175
            (
                "{\"c bau c\",4.1,\"a\",1.1}",
                "TRUE",
                "0",
                "2",
                e(ErrorKind::NA),
            ), // Y175
            ("{\"\",4.1,\"a\",1.1}", "3", "1", "2", n("1")), // T176
            ("{\"\",4.1,\"a\",1.1}", "", "1", "2", e(ErrorKind::NA)), // W176
            ("{TRUE,4.1,FALSE,1.1}", "-2", "-1", "2", e(ErrorKind::NA)), // R177
            ("{TRUE,4.1,FALSE,1.1}", "4", "-1", "2", e(ErrorKind::NA)), // U177
            ("{TRUE,4.1,FALSE,1.1}", "w", "-1", "2", n("2")), // X177
            (
                "{TRUE,4.1,FALSE,\"c bau c\"}",
                "1.1",
                "-1",
                "-2",
                e(ErrorKind::NA),
            ), // S178
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "4.1", "-1", "-2", n("2")), // V178
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "TRUE", "-1", "-2", n("1")), // Y178
            (
                "{TRUE,FALSE,\"a\",\"c bau c\"}",
                "3",
                "2",
                "1",
                e(ErrorKind::NA),
            ), // T179
            (
                "{TRUE,FALSE,\"a\",\"c bau c\"}",
                "",
                "2",
                "1",
                e(ErrorKind::NA),
            ), // W179
            ("{-1.1,2.1,3.1,4.1}", "-2", "0", "2", e(ErrorKind::NA)), // R180
            ("{-1.1,2.1,3.1,4.1}", "4", "0", "2", e(ErrorKind::NA)), // U180
            ("{-1.1,2.1,3.1,4.1}", "w", "0", "2", e(ErrorKind::NA)), // X180
            (
                "{\"a\",2.1,\"c bau c\",4.1}",
                "1.1",
                "2",
                "1",
                e(ErrorKind::NA),
            ), // S181
            ("{\"a\",2.1,\"c bau c\",4.1}", "4.1", "2", "1", n("4")), // V181
            (
                "{\"a\",2.1,\"c bau c\",4.1}",
                "TRUE",
                "2",
                "1",
                e(ErrorKind::NA),
            ), // Y181
            ("{FALSE,2.1,TRUE,4.1}", "3", "2", "-1", e(ErrorKind::NA)), // T182
            ("{FALSE,2.1,TRUE,4.1}", "", "2", "-1", e(ErrorKind::NA)), // W182
            ("{4.1,3.1,2.1,1.1}", "-2", "2", "2", e(ErrorKind::Value)), // R183
            ("{4.1,3.1,2.1,1.1}", "4", "2", "2", e(ErrorKind::Value)), // U183
            ("{4.1,3.1,2.1,1.1}", "w", "2", "2", e(ErrorKind::Value)), // X183
            (
                "{\"c bau c\",4.1,\"a\",1.1}",
                "1.1",
                "2",
                "-2",
                e(ErrorKind::Value),
            ), // S184
            (
                "{\"c bau c\",4.1,\"a\",1.1}",
                "4.1",
                "2",
                "-2",
                e(ErrorKind::Value),
            ), // V184
            (
                "{\"c bau c\",4.1,\"a\",1.1}",
                "TRUE",
                "2",
                "-2",
                e(ErrorKind::Value),
            ), // Y184
            ("{\"\",4.1,\"a\",1.1}", "3", "-1", "2", e(ErrorKind::NA)), // T185
            ("{\"\",4.1,\"a\",1.1}", "", "-1", "2", n("4")), // W185
            ("{TRUE,4.1,FALSE,1.1}", "-2", "-1", "2", e(ErrorKind::NA)), // R186
            ("{TRUE,4.1,FALSE,1.1}", "4", "-1", "2", e(ErrorKind::NA)), // U186
            ("{TRUE,4.1,FALSE,1.1}", "w", "-1", "2", n("2")), // X186
            (
                "{TRUE,4.1,FALSE,\"c bau c\"}",
                "1.1",
                "0",
                "1",
                e(ErrorKind::NA),
            ), // S187
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "4.1", "0", "1", n("2")), // V187
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "TRUE", "0", "1", n("1")), // Y187
            (
                "{TRUE,FALSE,\"a\",\"c bau c\"}",
                "3",
                "0",
                "1",
                e(ErrorKind::NA),
            ), // T188
            (
                "{TRUE,FALSE,\"a\",\"c bau c\"}",
                "",
                "0",
                "1",
                e(ErrorKind::NA),
            ), // W188
            ("{-1.1,2.1,3.1,4.1}", "-2", "-1", "1", e(ErrorKind::NA)), // R189
            ("{-1.1,2.1,3.1,4.1}", "4", "-1", "1", n("3")), // U189
            ("{-1.1,2.1,3.1,4.1}", "w", "-1", "1", n("4")), // X189
            (
                "{\"a\",2.1,\"c bau c\",4.1}",
                "1.1",
                "-1",
                "1",
                e(ErrorKind::NA),
            ), // S190
            ("{\"a\",2.1,\"c bau c\",4.1}", "4.1", "-1", "1", n("4")), // V190
            ("{\"a\",2.1,\"c bau c\",4.1}", "TRUE", "-1", "1", n("3")), // Y190
            ("{FALSE,2.1,TRUE,4.1}", "3", "-1", "1", n("2")), // T191
            ("{FALSE,2.1,TRUE,4.1}", "", "-1", "1", n("3")), // W191
            ("{4.1,3.1,2.1,1.1}", "-2", "-1", "1", e(ErrorKind::NA)), // R192
            ("{4.1,3.1,2.1,1.1}", "4", "-1", "1", n("2")),  // U192
            ("{4.1,3.1,2.1,1.1}", "w", "-1", "1", n("1")),  // X192
            ("{\"c bau c\",4.1,\"a\",1.1}", "1.1", "-1", "1", n("4")), // S193
            ("{\"c bau c\",4.1,\"a\",1.1}", "4.1", "-1", "1", n("2")), // V193
            ("{\"c bau c\",4.1,\"a\",1.1}", "TRUE", "-1", "1", n("1")), // Y193
            ("{\"\",4.1,\"a\",1.1}", "3", "-1", "1", n("4")), // T194
            ("{\"\",4.1,\"a\",1.1}", "", "-1", "1", n("3")), // W194
            ("{TRUE,4.1,FALSE,1.1}", "-2", "-1", "1", e(ErrorKind::NA)), // R195
            ("{TRUE,4.1,FALSE,1.1}", "4", "-1", "1", n("4")), // U195
            ("{TRUE,4.1,FALSE,1.1}", "w", "-1", "1", n("2")), // X195
            (
                "{TRUE,4.1,FALSE,\"c bau c\"}",
                "1.1",
                "-1",
                "1",
                e(ErrorKind::NA),
            ), // S196
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "4.1", "-1", "1", n("2")), // V196
            ("{TRUE,4.1,FALSE,\"c bau c\"}", "TRUE", "-1", "1", n("1")), // Y196
            (
                "{TRUE,FALSE,\"a\",\"c bau c\"}",
                "3",
                "-1",
                "1",
                e(ErrorKind::NA),
            ), // T197
            ("{TRUE,FALSE,\"a\",\"c bau c\"}", "", "-1", "1", n("1")), // W197
            ("{1,2,3,4,5}", "0", "-1", "2", e(ErrorKind::NA)), // EXTRA!L91
            ("{9,4.1,3,2.1,2}", "3.5", "-1", "-2", n("3")), // EXTRA!L90
            ("{4.1,3,2.1,2,1}", "1", "1", "2", n("1")),     // EXTRA!L88
            ("{\"a\",4.1,3,2.1,2,TRUE,\"b\"}", "FALSE", "-1", "2", n("5")), // EXTRA!L89
            (
                "{\"a\",FALSE,4.1,3,2.1,2,FALSE,\"b\"}",
                "FALSE",
                "1",
                "-2",
                n("2"),
            ), // EXTRA!L92
            (
                "{\"a\",2,FALSE,4.1,3,2.1,2,FALSE,9,9}",
                "FALSE",
                "-1",
                "2",
                n("8"),
            ), // EXTRA!L94
            ("{1.1,4.1,\"\",\"a\"}", "4.1", "-1", "-2", n("2")), // EXTRA!K82
            ("{2,\"s\",\"a\",4.1,1.1}", "4.1", "1", "2", n("2")), // EXTRA!K83
        ];
        for (array, k, mode, search, want) in cases {
            assert_eq!(
                g.value("XMATCH", &[key(k), lit(array), num(mode), num(search)]),
                want,
                "XMATCH({k}, {array}, {mode}, {search})"
            );
        }
        // Ties in the approximate modes keep the first found (EXTRA!N89, N90).
        let data = lit("{4,3,2,1,1,2,3.4,3.6}");
        assert_eq!(
            g.value("XMATCH", &[num("3.5"), data.clone(), num("1")]),
            n("8")
        );
        assert_eq!(g.value("XMATCH", &[num("3.5"), data, num("-1")]), n("7"));
        // Exact mode compares linguistically (ß = ss); wildcard mode does not.
        let words = lit("{1,\"ss\",2.1,\"c bau c\",4.1}");
        assert_eq!(g.value("XMATCH", &[txt("ß"), words.clone()]), n("2"));
        assert_eq!(
            g.value("XMATCH", &[txt("ß"), words, num("2")]),
            e(ErrorKind::NA)
        );
        assert_eq!(
            g.value("XMATCH", &[txt("A?"), lit("{1,\"aa\",2.1}"), num("2")]),
            n("2")
        );
        assert_eq!(
            g.value("XMATCH", &[txt("A?"), lit("{1,\"aa\",2.1}"), num("0")]),
            e(ErrorKind::NA)
        );
        // Bad modes and errors.
        assert_eq!(
            g.value("XMATCH", &[num("2"), lit("{1,2}"), num("1"), num("0")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("XMATCH", &[num("2"), lit("{1,2}"), num("3")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("XMATCH", &[err(ErrorKind::Num), lit("{1,2}")]),
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn xlookup_follows_excel() {
        // formulas__test LOOKUP sheet rows 162-170.
        let g = TestGrid::new();
        let results = lit("{\"L\",\"ML\",\"MR\",\"R\"}");
        let x = |key: Operand, array: &str, rest: &[Operand]| {
            let mut args = vec![key, lit(array), results.clone()];
            args.extend_from_slice(rest);
            g.value("XLOOKUP", &args)
        };
        assert_eq!(
            x(num("-2"), "{-1.1,2.1,3.1,4.1}", &[txt("pippo")]),
            t("pippo")
        );
        assert_eq!(
            x(num("2"), "{-1.1,2.1,3.1,4.1}", &[txt("pippo"), num("1")]),
            t("ML")
        );
        assert_eq!(
            x(
                num("3"),
                "{-1.1,2.1,3.1,4.1}",
                &[num("8"), num("2"), num("1")]
            ),
            n("8")
        );
        assert_eq!(x(num("20"), "{-1.1,2.1,3.1,4.1}", &[]), e(ErrorKind::NA));
        assert_eq!(
            x(num("-2"), "{\"a\",2.1,\"b\",4.1}", &[num("3"), num("1")]),
            t("ML")
        );
        assert_eq!(
            x(num("3"), "{\"a\",2.1,\"b\",4.1}", &[num("-2"), num("2")]),
            n("-2")
        );
        assert_eq!(x(txt("b"), "{\"a\",2.1,\"b\",4.1}", &[num("1")]), t("MR"));
        assert_eq!(
            x(num("-2"), "{FALSE,2.1,TRUE,4.1}", &[num("2"), num("-1")]),
            n("2")
        );
        assert_eq!(x(boolean(true), "{FALSE,2.1,TRUE,4.1}", &[]), t("MR"));
        assert_eq!(
            x(num("3"), "{4.1,2.1,3.1,1.1}", &[num("2"), num("-1")]),
            t("ML")
        );
        assert_eq!(
            x(num("-2"), "{\"b\",4.1,\"a\",1.1}", &[num("2"), num("1")]),
            t("R")
        );
        assert_eq!(x(txt("b"), "{\"b\",4.1,\"a\",1.1}", &[]), t("L"));
        assert_eq!(
            x(num("3"), "{\"\",4.1,\"a\",1.1}", &[num("1"), num("1")]),
            t("ML")
        );
        assert_eq!(
            x(
                num("4"),
                "{TRUE,4.1,FALSE,1.1}",
                &[num("1"), num("1"), num("2")]
            ),
            t("L")
        );
        assert_eq!(
            x(
                txt("b"),
                "{TRUE,4.1,FALSE,1.1}",
                &[num("1"), num("1"), num("2")]
            ),
            t("MR")
        );
        assert_eq!(
            x(
                boolean(true),
                "{TRUE,FALSE,\"a\",\"b\"}",
                &[num("1"), num("2"), num("1")]
            ),
            t("L")
        );
        assert_eq!(
            x(err(ErrorKind::Null), "{1,2,3,4}", &[]),
            e(ErrorKind::Null)
        );
        // Modes are rounded down: search_mode -1.1 is -2 (binary descending), AH162.
        assert_eq!(
            x(
                num("-1.1"),
                "{-1.1,2.1,3.1,4.1}",
                &[num("1"), num("1"), num("-1.1")]
            ),
            t("R")
        );
        // Mismatched return array and 2-D lookup arrays are #VALUE!.
        assert_eq!(
            g.value("XLOOKUP", &[num("1"), lit("{1,2,3}"), lit("{1,2}")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("XLOOKUP", &[num("1"), lit("{1,2;3,4}"), lit("{1,2;3,4}")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn xlookup_returns_rows_and_references() {
        let mut g = TestGrid::new();
        column_of(&mut g, "A", &[t("id"), t("a"), t("b"), t("c")]);
        column_of(&mut g, "B", &[t("price"), n("1"), n("2"), n("3")]);
        column_of(&mut g, "C", &[t("qty"), n("10"), n("20"), n("30")]);
        let out = g.call("XLOOKUP", &[txt("b"), g.area("A1:A4"), g.area("B1:C4")]);
        assert_eq!(area_of(&out), (pos("B3"), pos("C3")));
        let out = g.call("XLOOKUP", &[txt("c"), g.area("A1:A4"), g.area("C1:C4")]);
        assert_eq!(area_of(&out), (pos("C4"), pos("C4")));
        let out = g.call("XLOOKUP", &[txt("price"), g.area("A1:C1"), g.area("A2:C4")]);
        assert_eq!(area_of(&out), (pos("B2"), pos("B4")));
        let out = g.call(
            "XLOOKUP",
            &[num("2"), lit("{1;2}"), lit("{\"x\",\"y\";\"z\",\"w\"}")],
        );
        assert_eq!(array_of(&out), (1, 2, vec![t("z"), t("w")]));
        // if_not_found may be any value; empty cells never match.
        assert_eq!(
            g.value(
                "XLOOKUP",
                &[txt("zz"), g.area("A1:A9"), g.area("B1:B9"), num("0")]
            ),
            n("0")
        );
        assert_eq!(
            g.value("XLOOKUP", &[empty(), g.area("A1:A9"), g.area("B1:B9")]),
            e(ErrorKind::NA)
        );
    }

    // --------------------------------------------------------------- INDEX

    #[test]
    fn index_of_references() {
        // formulas__test LOOKUP sheet row 52-54.
        let mut g = TestGrid::new();
        g.set("C52", n("-1.1"))
            .set("D52", n("2.1"))
            .set("E52", n("3"));
        g.set("C53", n("-2"))
            .set("D53", n("1.1"))
            .set("E53", n("2"));
        g.set("E54", n("1"));
        assert_eq!(
            g.value("INDEX", &[g.area("C52:E53"), num("1"), num("2")]),
            n("2.1")
        );
        assert_eq!(g.value("INDEX", &[g.area("D52:F52"), num("2")]), n("3"));
        assert_eq!(g.value("INDEX", &[g.area("E52:E54"), num("2")]), n("2"));
        assert_eq!(
            g.value("INDEX", &[g.area("E52:E54"), num("1"), num("2")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("INDEX", &[g.area("C52:E53"), num("2")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("INDEX", &[g.area("C52:E53"), num("-1")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("INDEX", &[g.area("G52:I53"), num("1"), num("2")]),
            Value::Empty
        );
        // The result is a reference: a whole column, a whole row, a cell.
        let col = g.call("INDEX", &[g.area("C52:E54"), num("0"), num("2")]);
        assert_eq!(area_of(&col), (pos("D52"), pos("D54")));
        let row = g.call("INDEX", &[g.area("C52:E54"), num("2"), empty()]);
        assert_eq!(area_of(&row), (pos("C53"), pos("E53")));
        let cell = g.call("INDEX", &[g.area("C52:E54"), num("3.9"), num("3")]);
        assert_eq!(area_of(&cell), (pos("E54"), pos("E54")));
        assert_eq!(g.value("SUM", &[col]), n("3.2"));
        // area_num: only 1 exists.
        assert_eq!(
            g.value("INDEX", &[g.area("C52:E53"), num("1"), num("1"), num("2")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("INDEX", &[g.area("C52:E53"), num("1"), num("1"), num("0")]),
            e(ErrorKind::Value)
        );
        // Row numbers from a range are lifted (AH52: INDEX(C52:H54, E53:E54, 1)).
        let out = g.call("INDEX", &[g.area("C52:H54"), g.area("E53:E54"), num("1")]);
        assert_eq!(array_of(&out), (2, 1, vec![n("-2"), n("-1.1")]));
    }

    #[test]
    fn index_of_arrays() {
        let g = TestGrid::new();
        let row = lit("{2,3,4}");
        assert_eq!(
            g.value("INDEX", &[row.clone(), num("4")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(g.value("INDEX", &[row.clone(), num("1")]), n("2"));
        assert_eq!(g.value("INDEX", &[row.clone(), num("1"), num("1")]), n("2"));
        assert_eq!(
            g.value("INDEX", &[row.clone(), num("2"), num("1")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(g.value("INDEX", &[row, num("2")]), n("3"));
        let square = lit("{2,3;4,5}");
        assert_eq!(
            array_of(&g.call("INDEX", &[square.clone(), num("2")])),
            (1, 2, vec![n("4"), n("5")])
        );
        assert_eq!(
            array_of(&g.call("INDEX", &[square.clone(), lit("{1,2}")])),
            (1, 2, vec![n("2"), n("4")])
        );
        assert_eq!(
            array_of(&g.call("INDEX", &[square.clone(), num("0"), num("2")])),
            (2, 1, vec![n("3"), n("5")])
        );
        let four = lit("{2,3,4,5}");
        assert_eq!(
            g.value(
                "INDEX",
                &[four.clone(), err(ErrorKind::NA), err(ErrorKind::Value)]
            ),
            e(ErrorKind::NA)
        );
        assert_eq!(
            g.value("INDEX", &[four, num("1"), num("1"), err(ErrorKind::Name)]),
            e(ErrorKind::Name)
        );
        assert_eq!(g.value("INDEX", &[num("7"), num("1"), num("1")]), n("7"));
        assert_eq!(
            g.value("INDEX", &[err(ErrorKind::Div0), num("1")]),
            e(ErrorKind::Div0)
        );
        assert_eq!(g.value("INDEX", &[square, txt("x")]), e(ErrorKind::Value));
    }

    // --------------------------------------------------------------- OFFSET, INDIRECT

    #[test]
    fn offset_follows_excel() {
        // IronCalc ROW_COLUMN.xlsx, OFFSET sheet.
        let mut g = TestGrid::new();
        g.set("D4", n("88")).set("I31", n("42")).set("A1", n("5"));
        g.set("Y41", n("50"))
            .set("Z41", n("12"))
            .set("AA41", n("-13.5"));
        g.set("Z42", n("7")).set("AA43", n("3")).set("AB43", n("7"));
        let off = |args: &[Operand]| g.call("OFFSET", args);
        assert_eq!(
            area_of(&off(&[g.area("A1"), num("3"), num("3")])),
            (pos("D4"), pos("D4"))
        );
        assert_eq!(
            g.value("OFFSET", &[g.area("A1"), num("3"), num("3")]),
            n("88")
        );
        assert_eq!(
            g.value("OFFSET", &[g.area("K33"), num("-2.3"), num("-2.8")]),
            n("42")
        );
        let sum = |args: &[Operand]| g.value("SUM", &[off(args)]);
        let w39 = g.area("W39");
        assert_eq!(
            sum(&[w39.clone(), num("2"), num("2"), num("3"), num("4")]),
            n("65.5")
        );
        assert_eq!(
            sum(&[w39.clone(), num("2"), num("2"), num("3"), num("4.2")]),
            n("65.5")
        );
        assert_eq!(
            sum(&[w39.clone(), num("2"), num("2"), num("3.1"), num("3.99")]),
            n("58.5")
        );
        assert_eq!(
            sum(&[w39.clone(), num("2"), num("2"), num("3"), num("0.9")]),
            n("50")
        );
        assert_eq!(
            sum(&[w39.clone(), num("2"), num("2"), num("3"), num("0")]),
            e(ErrorKind::Ref)
        );
        // Height and width default to the reference's; negative sizes extend up and left.
        assert_eq!(
            area_of(&off(&[g.area("N16:U21"), num("4"), num("7")])),
            (pos("U20"), pos("AB25"))
        );
        assert_eq!(
            area_of(&off(&[
                g.area("S8:X19"),
                num("3.5"),
                num("7.2"),
                num("14.9"),
                num("2.3")
            ])),
            (pos("Z11"), pos("AA24"))
        );
        assert_eq!(
            area_of(&off(&[
                g.area("C10"),
                num("0"),
                num("0"),
                num("-3"),
                num("-2")
            ])),
            (pos("B8"), pos("C10"))
        );
        // Off the sheet.
        assert_eq!(
            g.value("OFFSET", &[g.area("A1"), num("-2"), num("1")]),
            e(ErrorKind::Ref)
        );
        let xfd12 = Operand::Ref(Area::cell(super::super::SheetId(0), 11, MAX_COLS - 1));
        assert_eq!(
            g.value("OFFSET", &[xfd12.clone(), num("1"), num("1")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("COLUMN", &[off(&[xfd12, num("0"), num("0")])]),
            n("16384")
        );
        // Not a reference.
        assert_eq!(
            g.value("OFFSET", &[num("1"), num("0"), num("0")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("OFFSET", &[err(ErrorKind::Name), num("0"), num("0")]),
            e(ErrorKind::Name)
        );
        assert_eq!(
            g.value("OFFSET", &[g.area("A1"), txt("x"), num("0")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn indirect_resolves_through_the_context() {
        let mut g = TestGrid::new();
        g.set("S34", t("Hey Jude")).set("A1", t("Cell"));
        assert_eq!(g.value("INDIRECT", &[txt("S34")]), t("Hey Jude"));
        assert_eq!(
            g.value("ROW", &[g.call("INDIRECT", &[txt("S34")])]),
            n("34")
        );
        assert_eq!(
            g.value("COLUMN", &[g.call("INDIRECT", &[txt("S34")])]),
            n("19")
        );
        assert_eq!(g.value("INDIRECT", &[txt("hola")]), e(ErrorKind::Ref));
        assert_eq!(g.value("INDIRECT", &[num("5")]), e(ErrorKind::Ref));
        assert_eq!(g.value("INDIRECT", &[err(ErrorKind::NA)]), e(ErrorKind::NA));
        assert_eq!(
            g.value("INDIRECT", &[txt("A1"), txt("x")]),
            e(ErrorKind::Value)
        );
        let rows = g.call("ROWS", &[g.call("INDIRECT", &[txt("D5:E7")])]);
        assert_eq!(rows, Operand::Value(n("3")));
    }

    // --------------------------------------------------------------- ROW, COLUMN, ROWS...

    #[test]
    fn row_column_rows_columns() {
        let mut g = TestGrid::new();
        g.current = Some((super::super::SheetId(0), pos("W112")));
        assert_eq!(g.value("ROW", &[]), n("112"));
        assert_eq!(g.value("COLUMN", &[]), n("23"));
        assert_eq!(g.value("ROW", &[g.area("C113")]), n("113"));
        assert_eq!(g.value("COLUMN", &[g.area("AB10")]), n("28"));
        assert_eq!(
            array_of(&g.call("ROW", &[g.area("AC112:AD113")])),
            (2, 1, vec![n("112"), n("113")])
        );
        assert_eq!(
            array_of(&g.call("COLUMN", &[g.area("AC112:AE112")])),
            (1, 3, vec![n("29"), n("30"), n("31")])
        );
        assert_eq!(g.value("ROW", &[num("1")]), e(ErrorKind::Value));
        assert_eq!(g.value("ROW", &[err(ErrorKind::Ref)]), e(ErrorKind::Ref));
        g.current = None;
        assert_eq!(g.value("ROW", &[]), e(ErrorKind::Value));
        // ROWS / COLUMNS (IronCalc ROWS_COLUMNS sheet).
        assert_eq!(g.value("ROWS", &[g.area("H2:Q12")]), n("11"));
        assert_eq!(g.value("COLUMNS", &[g.area("I5:M19")]), n("5"));
        let whole_column = Operand::Ref(Area {
            sheet: super::super::SheetId(0),
            top: 0,
            left: 2,
            bottom: MAX_ROWS - 1,
            right: 2,
        });
        assert_eq!(
            g.value("ROWS", std::slice::from_ref(&whole_column)),
            n("1048576")
        );
        assert_eq!(g.value("COLUMNS", &[whole_column]), n("1"));
        assert_eq!(g.value("ROWS", &[lit("{1,2;3,4;5,6}")]), n("3"));
        assert_eq!(g.value("COLUMNS", &[num("5")]), n("1"));
        assert_eq!(g.value("ROWS", &[err(ErrorKind::NA)]), e(ErrorKind::NA));
        assert_eq!(g.value("AREAS", &[g.area("C4:F4")]), n("1"));
        assert_eq!(g.value("AREAS", &[num("1")]), e(ErrorKind::Value));
    }

    #[test]
    fn address_follows_excel() {
        // formulas__test LOOKUP sheet row 3, and Microsoft's ADDRESS examples.
        let mut g = TestGrid::new();
        g.set("I3", t("*b?u*"));
        let a = |args: &[Operand]| g.value("ADDRESS", args);
        assert_eq!(a(&[num("2"), num("3")]), t("$C$2"));
        assert_eq!(a(&[num("2"), num("3"), num("2")]), t("C$2"));
        assert_eq!(
            a(&[num("2"), num("3"), num("2"), boolean(false)]),
            t("R2C[3]")
        );
        assert_eq!(
            a(&[
                num("2"),
                num("3"),
                num("1"),
                boolean(false),
                txt("[Book1]Sheet1")
            ]),
            t("'[Book1]Sheet1'!R2C3")
        );
        assert_eq!(
            a(&[
                num("2"),
                num("3"),
                num("1"),
                boolean(false),
                txt("EXCEL SHEET")
            ]),
            t("'EXCEL SHEET'!R2C3")
        );
        assert_eq!(a(&[num("1"), num("28"), num("4")]), t("AB1"));
        assert_eq!(a(&[num("5"), num("1"), num("3")]), t("$A5"));
        assert_eq!(
            a(&[num("1"), num("1"), num("1"), num("1"), txt("Data")]),
            t("Data!$A$1")
        );
        // An empty sheet cell still writes "!"; a1 = 4.1 is TRUE, a blank cell FALSE.
        assert_eq!(
            g.value(
                "ADDRESS",
                &[num("1.1"), num("3"), num("4"), num("4.1"), g.area("H3")]
            ),
            t("!C1")
        );
        assert_eq!(
            g.value(
                "ADDRESS",
                &[num("3"), num("4"), num("4.1"), g.area("H3"), g.area("I3")]
            ),
            t("'*b?u*'!R[3]C[4]")
        );
        assert_eq!(a(&[num("-2"), num("1")]), e(ErrorKind::Value));
        assert_eq!(a(&[num("1"), num("16385")]), e(ErrorKind::Value));
        assert_eq!(a(&[num("1"), num("1"), num("5")]), e(ErrorKind::Value));
        assert_eq!(
            a(&[num("4"), num("4.1"), g.area("H3")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            a(&[err(ErrorKind::NA), err(ErrorKind::Div0)]),
            e(ErrorKind::NA)
        );
        assert_eq!(a(&[num("1048576"), num("16384")]), t("$XFD$1048576"));
    }

    #[test]
    fn trimrange_and_hyperlink() {
        // formulas__test LOOKUP sheet row 135.
        let mut g = TestGrid::new();
        g.set("D135", n("0"))
            .set("D136", n("1"))
            .set("D138", n("2"));
        let out = g.call("TRIMRANGE", &[g.area("C135:D139"), num("3"), num("3")]);
        assert_eq!(area_of(&out), (pos("D135"), pos("D138")));
        let out = g.call("TRIMRANGE", &[g.area("C135:D139"), num("1"), num("0")]);
        assert_eq!(area_of(&out), (pos("C135"), pos("D139")));
        let out = g.call("TRIMRANGE", &[g.area("A130:D139"), num("2"), txt("1")]);
        assert_eq!(area_of(&out), (pos("D130"), pos("D138")));
        assert_eq!(
            g.value("TRIMRANGE", &[g.area("K135:L139")]),
            e(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("TRIMRANGE", &[g.area("C135:D139"), txt("3.3")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("TRIMRANGE", &[g.area("C135:D139"), lit("{1,1}")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("HYPERLINK", &[txt("http://example.com"), txt("Example")]),
            t("Example")
        );
        assert_eq!(
            g.value("HYPERLINK", &[txt("http://example.com")]),
            t("http://example.com")
        );
        assert_eq!(g.value("HYPERLINK", &[txt("x"), num("5")]), n("5"));
        assert_eq!(
            g.value("HYPERLINK", &[err(ErrorKind::NA), txt("y")]),
            t("y")
        );
    }

    // --------------------------------------------------------------- array shaping

    fn grid3() -> Operand {
        lit("{1,2,3;4,5,6;7,8,9}")
    }

    #[test]
    fn choosecols_chooserows() {
        // formulas__test LOOKUP sheet rows 6-11.
        let g = TestGrid::new();
        let c = |args: &[Operand]| array_of(&g.call("CHOOSECOLS", args));
        assert_eq!(
            c(&[grid3(), num("-3.9")]),
            (3, 1, vec![n("1"), n("4"), n("7")])
        );
        assert_eq!(
            c(&[grid3(), num("2.9")]),
            (3, 1, vec![n("2"), n("5"), n("8")])
        );
        assert_eq!(c(&[grid3(), boolean(true)]).2[0], n("1"));
        assert_eq!(c(&[grid3(), num("4")]).2[0], e(ErrorKind::Value));
        assert_eq!(c(&[grid3(), num("0")]).2[0], e(ErrorKind::Value));
        assert_eq!(c(&[grid3(), empty()]).2[0], e(ErrorKind::Value));
        assert_eq!(c(&[grid3(), err(ErrorKind::NA)]).2[0], e(ErrorKind::NA));
        assert_eq!(
            c(&[grid3(), lit("{1.1;2}"), lit("{1.1,2.9}")]).2[..4],
            [n("1"), n("2"), n("1"), n("2")]
        );
        assert_eq!(c(&[grid3(), lit("{1,2;2,1}")]).2[0], e(ErrorKind::Value));
        let r = array_of(&g.call("CHOOSEROWS", &[grid3(), num("2.9")]));
        assert_eq!(r, (1, 3, vec![n("4"), n("5"), n("6")]));
        let r = array_of(&g.call("CHOOSEROWS", &[grid3(), num("-1"), num("1")]));
        assert_eq!(r.2, vec![n("7"), n("8"), n("9"), n("1"), n("2"), n("3")]);
    }

    #[test]
    fn take_drop_expand() {
        // formulas__test LOOKUP sheet rows 16-21 and 123-125.
        let g = TestGrid::new();
        let take = |args: &[Operand]| array_of(&g.call("TAKE", args));
        let drop = |args: &[Operand]| array_of(&g.call("DROP", args));
        assert_eq!(take(&[grid3(), num("-2")]).2[0], n("4"));
        assert_eq!(take(&[grid3(), num("-4")]).0, 3);
        assert_eq!(
            take(&[grid3(), num("1.1")]),
            (1, 3, vec![n("1"), n("2"), n("3")])
        );
        assert_eq!(
            take(&[grid3(), txt("1.1"), num("2")]),
            (1, 2, vec![n("1"), n("2")])
        );
        assert_eq!(
            take(&[grid3(), empty(), num("-1")]),
            (3, 1, vec![n("3"), n("6"), n("9")])
        );
        assert_eq!(take(&[grid3(), num("0")]).2[0], e(ErrorKind::Calc));
        assert_eq!(take(&[grid3(), err(ErrorKind::NA)]).2[0], e(ErrorKind::NA));
        assert_eq!(take(&[grid3(), txt("x")]).2[0], e(ErrorKind::Value));
        assert_eq!(
            drop(&[grid3(), num("-2")]),
            (1, 3, vec![n("1"), n("2"), n("3")])
        );
        assert_eq!(drop(&[grid3(), num("0")]).0, 3);
        assert_eq!(drop(&[grid3(), num("4")]).2[0], e(ErrorKind::Calc));
        assert_eq!(
            drop(&[grid3(), boolean(true), num("1")]).2,
            vec![n("5"), n("6"), n("8"), n("9")]
        );
        // A lifted column count (AE16: DROP(..., "1.1", {1;2;1}) -> 5, 6, 5).
        assert_eq!(
            drop(&[grid3(), txt("1.1"), lit("{1;2;1}")]),
            (3, 1, vec![n("5"), n("6"), n("5")])
        );
        let expand = |args: &[Operand]| array_of(&g.call("EXPAND", args));
        assert_eq!(
            expand(&[lit("{1}"), num("3")]),
            (3, 1, vec![n("1"), e(ErrorKind::NA), e(ErrorKind::NA)])
        );
        assert_eq!(
            expand(&[lit("{1}"), num("2"), num("2"), num("4")]),
            (2, 2, vec![n("1"), n("4"), n("4"), n("4")])
        );
        assert_eq!(expand(&[lit("{1}"), num("-2")]).2[0], e(ErrorKind::Value));
        assert_eq!(expand(&[lit("{1}"), num("0")]).2[0], e(ErrorKind::Value));
        assert_eq!(expand(&[lit("{1}"), num("1.1")]), (1, 1, vec![n("1")]));
        assert_eq!(
            expand(&[lit("{1}"), num("1048576"), num("16384")]).2[0],
            e(ErrorKind::Num)
        );
    }

    #[test]
    fn tocol_torow() {
        // formulas__test LOOKUP sheet rows 126-132: C127:D128 = {1,2;#VALUE!,blank}.
        let mut g = TestGrid::new();
        g.set("C127", n("1"))
            .set("D127", n("2"))
            .set("C128", e(ErrorKind::Value));
        let src = g.area("C127:D128");
        let tocol = |args: &[Operand]| array_of(&g.call("TOCOL", args));
        assert_eq!(
            tocol(&[src.clone(), num("1.1")]),
            (3, 1, vec![n("1"), n("2"), e(ErrorKind::Value)])
        );
        assert_eq!(
            tocol(&[src.clone(), num("2.9"), num("1")]),
            (3, 1, vec![n("1"), n("2"), Value::Empty])
        );
        assert_eq!(tocol(&[src.clone(), num("0")]).0, 4);
        assert_eq!(
            tocol(&[src.clone(), num("3")]),
            (2, 1, vec![n("1"), n("2")])
        );
        assert_eq!(tocol(&[src.clone(), num("4")]).2[0], e(ErrorKind::Value));
        assert_eq!(
            tocol(&[lit("{1,2;3,4}"), num("-3.9")]).2[0],
            e(ErrorKind::Value)
        );
        let torow = array_of(&g.call("TOROW", &[src, num("0"), boolean(true)]));
        assert_eq!(
            torow,
            (
                1,
                4,
                vec![n("1"), e(ErrorKind::Value), n("2"), Value::Empty]
            )
        );
    }

    #[test]
    fn stacks_and_wraps() {
        let mut g = TestGrid::new();
        g.set("C146", n("-1.1"))
            .set("C147", n("-1.1"))
            .set("D146", n("2.1"));
        g.set("F146", n("4")).set("G146", n("4.1"));
        let v = array_of(&g.call(
            "VSTACK",
            &[g.area("C146:C147"), g.area("D146"), g.area("F146:G146")],
        ));
        assert_eq!(
            v,
            (
                4,
                2,
                vec![
                    n("-1.1"),
                    e(ErrorKind::NA),
                    n("-1.1"),
                    e(ErrorKind::NA),
                    n("2.1"),
                    e(ErrorKind::NA),
                    n("4"),
                    n("4.1")
                ]
            )
        );
        let h = array_of(&g.call(
            "HSTACK",
            &[lit("{\"a\";\"b\"}"), lit("{10;20;30}"), num("7")],
        ));
        assert_eq!(h.0, 3);
        assert_eq!(h.1, 3);
        assert_eq!(h.2[..3], [t("a"), n("10"), n("7")]);
        assert_eq!(h.2[6..], [e(ErrorKind::NA), n("30"), e(ErrorKind::NA)]);
        // WRAPCOLS({1..9},2,6) and WRAPROWS({1..9},2,6) (LOOKUP sheet row 155).
        let nine = lit("{1,2,3,4,5,6,7,8,9}");
        let wc = array_of(&g.call("WRAPCOLS", &[nine.clone(), num("2"), num("6")]));
        assert_eq!(wc.0, 2);
        assert_eq!(wc.2[..5], [n("1"), n("3"), n("5"), n("7"), n("9")]);
        assert_eq!(wc.2[9], n("6"));
        let wr = array_of(&g.call("WRAPROWS", &[nine.clone(), num("2")]));
        assert_eq!((wr.0, wr.1), (5, 2));
        assert_eq!(wr.2[9], e(ErrorKind::NA));
        assert_eq!(
            g.value("WRAPROWS", &[nine.clone(), num("0")]),
            e(ErrorKind::Num)
        );
        assert_eq!(
            g.value("WRAPROWS", &[grid3(), num("2")]),
            e(ErrorKind::Value)
        );
        assert_eq!(g.value("WRAPROWS", &[nine, num("1e12")]), e(ErrorKind::Num));
        let tr = array_of(&g.call("TRANSPOSE", &[g.area("C146:D147")]));
        assert_eq!(
            tr,
            (2, 2, vec![n("-1.1"), n("-1.1"), n("2.1"), Value::Empty])
        );
        assert_eq!(g.value("TRANSPOSE", &[num("2")]), n("2"));
    }

    // --------------------------------------------------------------- SORT, UNIQUE, FILTER

    #[test]
    fn sort_follows_excel_order() {
        // LOOKUP sheet U119: numbers, text, FALSE, TRUE, errors by type.
        let g = TestGrid::new();
        let mixed =
            lit("{#VALUE!,1,3,2,2,\"b\",#DIV/0!,#N/A,#NAME?,#REF!,#NULL!,TRUE,FALSE,#NUM!}");
        let out = array_of(&g.call("SORT", &[mixed, num("1"), num("1"), num("1")]));
        assert_eq!(
            out.2,
            vec![
                n("1"),
                n("2"),
                n("2"),
                n("3"),
                t("b"),
                Value::Bool(false),
                Value::Bool(true),
                e(ErrorKind::Null),
                e(ErrorKind::Div0),
                e(ErrorKind::Value),
                e(ErrorKind::Ref),
                e(ErrorKind::Name),
                e(ErrorKind::Num),
                e(ErrorKind::NA),
            ]
        );
        // R117: SORT(C117:D119,1,-1,1) sorts columns by row 1, descending.
        let mut g = TestGrid::new();
        g.set("C117", n("1"))
            .set("D117", n("3"))
            .set("C118", n("2"));
        g.set("D118", n("2"))
            .set("C119", n("3"))
            .set("D119", n("1"));
        let out = array_of(&g.call(
            "SORT",
            &[g.area("C117:D119"), num("1"), num("-1"), num("1")],
        ));
        assert_eq!(out.2, vec![n("3"), n("1"), n("2"), n("2"), n("1"), n("3")]);
        // Blanks sort last (AI118) and keep their place among equals.
        g.set("E117", n("2"));
        let out = array_of(&g.call("SORT", &[g.area("C117:F117"), num("1"), num("1"), num("1")]));
        assert_eq!(out.2, vec![n("1"), n("2"), n("3"), Value::Empty]);
        // Several keys; bad arguments.
        let data = lit("{\"b\",2;\"a\",2;\"c\",1}");
        let out = array_of(&g.call("SORT", &[data.clone(), lit("{2,1}"), lit("{1,-1}")]));
        assert_eq!(out.2, vec![t("c"), n("1"), t("b"), n("2"), t("a"), n("2")]);
        assert_eq!(
            g.value("SORT", &[data.clone(), num("-1")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("SORT", &[data.clone(), num("3")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("SORT", &[data.clone(), num("1"), num("2")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("SORT", &[lit("{2,1,2,1}"), num("1"), lit("{1;-1}")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("SORT", &[data, g.area("H117")]),
            e(ErrorKind::Value)
        );
        let text = array_of(&g.call("SORT", &[lit("{\"b\";\"A\";\"a\";\"B\"}")]));
        assert_eq!(text.2, vec![t("A"), t("a"), t("b"), t("B")]);
    }

    #[test]
    fn sortby_follows_excel() {
        // LOOKUP sheet rows 120-122: C120:E122 = {1,3,2;2,2,_;3,1,_}.
        let mut g = TestGrid::new();
        for (cell, v) in [
            ("C120", "1"),
            ("D120", "3"),
            ("E120", "2"),
            ("F120", "2"),
            ("G120", "1"),
            ("C121", "2"),
            ("D121", "2"),
            ("C122", "3"),
            ("D122", "1"),
        ] {
            g.set(cell, n(v));
        }
        let out = array_of(&g.call(
            "SORTBY",
            &[g.area("C120:D122"), g.area("D120:D122"), num("1")],
        ));
        assert_eq!(out.2, vec![n("3"), n("1"), n("2"), n("2"), n("1"), n("3")]);
        let out = array_of(&g.call(
            "SORTBY",
            &[
                g.area("D120:E122"),
                g.area("F120:G120"),
                num("1"),
                g.area("C120:D120"),
                num("1"),
            ],
        ));
        assert_eq!(out.2[..2], [n("2"), n("3")]);
        assert_eq!(
            g.value(
                "SORTBY",
                &[
                    g.area("C120:D122"),
                    g.area("E120:F120"),
                    num("1"),
                    g.area("D120:D122"),
                    num("1")
                ]
            ),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value(
                "SORTBY",
                &[g.area("D120:E122"), g.area("C120:D122"), num("1")]
            ),
            e(ErrorKind::Value)
        );
        // Y121: SORTBY({1,2,3;4,5,6},{3,2,2},1,{5,1,4},-1) -> {3,2,1;6,5,4}.
        let out = array_of(&g.call(
            "SORTBY",
            &[
                lit("{1,2,3;4,5,6}"),
                lit("{3,2,2}"),
                num("1"),
                lit("{5,1,4}"),
                num("-1"),
            ],
        ));
        assert_eq!(
            out,
            (2, 3, vec![n("3"), n("2"), n("1"), n("6"), n("5"), n("4")])
        );
        assert_eq!(
            g.value("SORTBY", &[lit("{1;2}"), lit("{2;1}"), num("0")]),
            e(ErrorKind::Value)
        );
    }

    #[test]
    fn unique_follows_excel() {
        // LOOKUP sheet rows 140-142.
        let mut g = TestGrid::new();
        for (cell, v) in [
            ("C140", "1"),
            ("D140", "1"),
            ("E140", "2"),
            ("F140", "2"),
            ("G140", "1"),
        ] {
            g.set(cell, n(v));
        }
        g.set("F141", n("0")).set("F142", n("0"));
        let out = array_of(&g.call("UNIQUE", &[g.area("D140:G140"), num("1")]));
        assert_eq!(out, (1, 2, vec![n("1"), n("2")]));
        let out = array_of(&g.call("UNIQUE", &[g.area("D140:G142"), num("-1")]));
        assert_eq!(out.1, 3);
        assert_eq!(out.2[..3], [n("1"), n("2"), n("2")]);
        assert_eq!(
            g.value("UNIQUE", &[g.area("C140:F140"), num("1"), num("1")]),
            e(ErrorKind::Calc)
        );
        let words = lit("{\"a\";\"B\";\"A\";\"c\";\"b\"}");
        assert_eq!(
            array_of(&g.call("UNIQUE", std::slice::from_ref(&words))).2,
            vec![t("a"), t("B"), t("c")]
        );
        assert_eq!(
            array_of(&g.call("UNIQUE", &[words, boolean(false), boolean(true)])).2,
            vec![t("c")]
        );
        let nums = lit("{1;1.0;2;\"1\"}");
        assert_eq!(array_of(&g.call("UNIQUE", &[nums])).0, 3);
    }

    #[test]
    fn filter_follows_excel() {
        // LOOKUP sheet row 22 and EXTRA sheet rows 15-20.
        let mut g = TestGrid::new();
        g.set("C22", n("-1.1"))
            .set("D22", n("2.1"))
            .set("E22", n("3"));
        g.set("G22", n("4.1")).set("I22", t("b"));
        g.set("L22", e(ErrorKind::NA))
            .set("M22", e(ErrorKind::Div0));
        let f = |args: &[Operand]| array_of(&g.call("FILTER", args));
        assert_eq!(
            f(&[g.area("C22:D22"), g.area("C22:D22")]),
            (1, 2, vec![n("-1.1"), n("2.1")])
        );
        assert_eq!(
            f(&[g.area("C22:D22"), g.area("G22:H22")]),
            (1, 1, vec![n("-1.1")])
        );
        assert_eq!(
            f(&[g.area("C22:D22"), g.area("H22:I22")]).2[0],
            e(ErrorKind::Value)
        );
        assert_eq!(
            f(&[g.area("C22:D22"), g.area("L22:M22")]).2[0],
            e(ErrorKind::NA)
        );
        assert_eq!(
            f(&[g.area("C22:D22"), g.area("C22:E22")]).2[0],
            e(ErrorKind::Value)
        );
        let two_rows = lit("{\"a\",2.1,\"b\",4.1;\"a\",2.1,\"b\",4.1}");
        assert_eq!(
            f(&[two_rows.clone(), lit("{FALSE,-2.1,0,4.1}")]),
            (2, 2, vec![n("2.1"), n("4.1"), n("2.1"), n("4.1")])
        );
        // A single TRUE keeps a one-column or one-row array whole (N17, N19).
        assert_eq!(f(&[lit("{\"a\";2.1}"), boolean(true)]).2[0], t("a"));
        assert_eq!(f(&[lit("{\"a\",2.1}"), boolean(true)]).2[0], t("a"));
        assert_eq!(
            f(&[two_rows.clone(), boolean(true)]).2[0],
            e(ErrorKind::Value)
        );
        assert_eq!(
            f(&[lit("{\"a\",2.1,\"b\"}"), lit("{TRUE;TRUE;TRUE}")]).2[0],
            e(ErrorKind::Value)
        );
        let none = lit("{FALSE,FALSE,FALSE,FALSE}");
        let row = lit("{\"a\",2.1,\"b\",4.1}");
        assert_eq!(f(&[row.clone(), none.clone()]).2[0], e(ErrorKind::Calc));
        assert_eq!(f(&[row, none, txt("A")]).2[0], t("A"));
    }

    #[test]
    fn dynamic_arrays_compose() {
        // COUNTA(UNIQUE(...)), MATCH over SORT/UNIQUE/FILTER results (IronCalc
        // MATCH_LOOKUP_arrays.xlsx).
        let g = TestGrid::new();
        let sorted = g.call("SORT", &[lit("{30;10;20}")]);
        assert_eq!(g.value("MATCH", &[num("20"), sorted, num("1")]), n("2"));
        let unique = g.call(
            "UNIQUE",
            &[lit("{\"apple\";\"banana\";\"apple\";\"cherry\"}")],
        );
        assert_eq!(
            g.value("MATCH", &[txt("banana"), unique.clone(), num("0")]),
            n("2")
        );
        assert_eq!(g.value("ROWS", &[unique]), n("3"));
        let filtered = g.call(
            "FILTER",
            &[lit("{10;20;30;40}"), lit("{FALSE;FALSE;TRUE;TRUE}")],
        );
        assert_eq!(g.value("MATCH", &[num("40"), filtered, num("0")]), n("2"));
        let table = g.call("HSTACK", &[lit("{\"a\";\"b\";\"c\"}"), lit("{10;20;30}")]);
        assert_eq!(
            g.value("VLOOKUP", &[txt("b"), table, num("2"), boolean(false)]),
            n("20")
        );
        let table = g.call("VSTACK", &[lit("{\"a\",\"b\",\"c\"}"), lit("{10,20,30}")]);
        assert_eq!(
            g.value("HLOOKUP", &[txt("b"), table, num("2"), boolean(false)]),
            n("20")
        );
        let sorted = g.call("SORT", &[lit("{\"b\";\"a\";\"c\"}")]);
        assert_eq!(
            g.value("LOOKUP", &[txt("c"), sorted.clone(), sorted]),
            t("c")
        );
    }

    #[test]
    fn large_ranges_are_read_on_demand() {
        // A lookup over a whole column only reads the used part; an exact MATCH over 100,000
        // rows and a binary search complete quickly.
        let mut g = TestGrid::new();
        for i in 0..100_000u32 {
            g.cells.insert((0, i, 0), Value::number(i64::from(i) * 2));
        }
        let whole = Operand::Ref(Area {
            sheet: super::super::SheetId(0),
            top: 0,
            left: 0,
            bottom: MAX_ROWS - 1,
            right: 0,
        });
        assert_eq!(
            g.value("MATCH", &[num("199998"), whole.clone(), num("0")]),
            n("100000")
        );
        assert_eq!(g.value("MATCH", &[num("1001"), whole.clone()]), n("501"));
        assert_eq!(
            g.value("XMATCH", &[num("1001"), whole.clone(), num("1")]),
            n("502")
        );
        assert_eq!(g.value("VLOOKUP", &[num("3"), whole, num("1")]), n("2"));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// A cell value for property tests: small numbers, a few words, logicals, blanks,
        /// errors.
        fn any_value() -> impl Strategy<Value = Value> {
            prop_oneof![
                (-20i64..20).prop_map(Value::number),
                prop::sample::select(vec!["a", "B", "c", "ss", "ß", ""]).prop_map(Value::text),
                any::<bool>().prop_map(Value::Bool),
                Just(Value::Empty),
                Just(Value::Error(ErrorKind::NA)),
            ]
        }

        fn number_of(v: &Value) -> Option<i64> {
            v.as_number().and_then(|n| n.to_i64())
        }

        proptest! {
            #[test]
            fn kernels_never_panic_and_stay_in_bounds(
                values in prop::collection::vec(any_value(), 0..40),
                key in any_value(),
            ) {
                let at = |i: usize| &values[i];
                let len = values.len();
                let inside = |r: Option<usize>| r.is_none_or(|i| i < len);
                prop_assert!(inside(approximate_ascending(&key, len, at)));
                prop_assert!(inside(approximate_descending(&key, len, at)));
                for mode in [MatchMode::Exact, MatchMode::NextSmaller, MatchMode::NextLarger,
                             MatchMode::Wildcard] {
                    for search in [SearchMode::FirstToLast, SearchMode::LastToFirst,
                                   SearchMode::BinaryAscending, SearchMode::BinaryDescending] {
                        if let Ok(r) = x_search(&key, len, at, mode, search) {
                            prop_assert!(inside(r));
                        }
                    }
                }
            }

            #[test]
            fn approximate_search_on_sorted_numbers_finds_the_largest_not_greater(
                mut numbers in prop::collection::vec(-50i64..50, 0..60),
                gaps in prop::collection::vec(any::<bool>(), 60),
                key in -60i64..60,
            ) {
                numbers.sort_unstable();
                // Sorted numbers with blanks and text scattered between them.
                let mut values = Vec::new();
                for (i, x) in numbers.iter().enumerate() {
                    if gaps[i] {
                        values.push(if i % 2 == 0 { Value::Empty } else { Value::text("x") });
                    }
                    values.push(Value::number(*x));
                }
                let best = numbers.iter().copied().filter(|&x| x <= key).max();
                let found = approximate_ascending(&Value::number(key), values.len(), |i| &values[i]);
                prop_assert_eq!(found.and_then(|i| number_of(&values[i])), best);
                // XLOOKUP's binary search orders all types, so only blanks may sit in between.
                let values: Vec<Value> = values
                    .into_iter()
                    .map(|v| if v.as_number().is_some() { v } else { Value::Empty })
                    .collect();
                let found = x_binary(&Value::number(key), values.len(), |i| &values[i],
                                     MatchMode::NextSmaller, false);
                prop_assert_eq!(found.and_then(|i| number_of(&values[i])), best);
            }

            #[test]
            fn linear_next_larger_finds_the_smallest_not_less(
                numbers in prop::collection::vec(-50i64..50, 0..60),
                key in -60i64..60,
            ) {
                let values: Vec<Value> = numbers.iter().map(|&x| Value::number(x)).collect();
                let best = numbers.iter().copied().filter(|&x| x >= key).min();
                let found = x_search(&Value::number(key), values.len(), |i| &values[i],
                                     MatchMode::NextLarger, SearchMode::FirstToLast);
                prop_assert_eq!(found.ok().flatten().and_then(|i| number_of(&values[i])), best);
            }
        }
    }
}
