//! Compares what kachi computed for each formula cell of an imported workbook with the value
//! Excel saved: numbers within 1e-9 (relative or absolute; cells agreeing only within 1e-6 are
//! counted separately), text, booleans and errors exactly, a missing or empty saved value
//! matching empty or "". The same rules as the corpus tool `compare.py`.

use rustc_hash::{FxHashMap, FxHashSet};

use super::import::{mentions_external_workbook, plain_label, FormulaCell, ImportedBook};
use crate::engine::CellId;
use crate::numeric;
use crate::value::Value;

/// Functions whose value changes on every recalculation: their cells cannot match.
pub const VOLATILE_FUNCTIONS: [&str; 5] = ["NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY"];

/// The volatile functions whose cells cannot match in this workbook: all of them, except
/// TODAY() when the workbook's clock is the time the file was saved (Excel saved TODAY()'s
/// value that day). NOW() stays out: Excel saved it in local time, with the seconds of the last
/// recalculation, and the file's save time is in UTC.
pub fn unmatchable_functions(book: &ImportedBook) -> Vec<&'static str> {
    VOLATILE_FUNCTIONS
        .iter()
        .copied()
        .filter(|f| !(book.clock_is_saved_time() && *f == "TODAY"))
        .collect()
}

/// How a computed value compares with the saved one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// Equal (numbers within 1e-9).
    Match,
    /// Numbers that agree within 1e-6 but not 1e-9.
    Close,
    Differ,
}

/// Why a formula cell was not compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotCompared {
    /// Its formula did not parse (it holds `#NAME?`).
    Rejected,
    /// It uses functions kachi does not implement.
    Unsupported(Vec<String>),
    /// It reads another workbook.
    External,
    /// It uses NOW, TODAY, RAND...
    Volatile,
    /// It lies on a circular reference: Excel keeps a stale value (0 without iteration), kachi
    /// gives `#CIRC!`.
    Circular,
}

/// A formula cell whose value differs from Excel's.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    /// `Sheet!A1`, sheet name unquoted.
    pub cell: String,
    pub formula: String,
    pub excel: Value,
    pub kachi: Value,
    /// Within 1e-6 of Excel's number.
    pub close: bool,
    /// The cell reads (directly or not) a cell that was not compared (unsupported function,
    /// rejected formula, volatile function): the difference may come from there.
    pub downstream_of_not_compared: bool,
}

/// The result of a check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckReport {
    pub formula_cells: usize,
    pub matched: usize,
    /// Mismatches of cells that do not depend on a not-compared cell: real differences.
    pub mismatched: usize,
    /// Mismatches of cells that read a not-compared cell.
    pub mismatched_downstream: usize,
    /// Of the mismatches (both kinds), those within 1e-6.
    pub close_only: usize,
    /// Formula rejected, unsupported function, or external link.
    pub not_supported: usize,
    pub volatile: usize,
    /// On a circular reference.
    pub circular: usize,
    /// No saved value to compare with (and kachi's is not empty).
    pub no_cached_value: usize,
    /// Every mismatch (both kinds), in workbook order.
    pub mismatches: Vec<Mismatch>,
    /// Per function: (name, cells using it that mismatch), most first.
    pub mismatches_by_function: Vec<(String, usize)>,
}

impl CheckReport {
    /// True when every supported, non-volatile cell with a saved value matches.
    pub fn passed(&self) -> bool {
        self.mismatched == 0
    }

    /// Matched cells as a share of the cells that could be compared.
    pub fn match_rate(&self) -> f64 {
        let compared = self.matched + self.mismatched + self.mismatched_downstream;
        if compared == 0 {
            1.0
        } else {
            self.matched as f64 / compared as f64
        }
    }
}

/// Compares every formula cell of an imported workbook with the value Excel saved.
pub fn check(book: &ImportedBook) -> CheckReport {
    let lenient_booleans = saved_by_libreoffice(book);
    let not_compared = not_compared(book);
    let tainted = downstream_of_not_compared(book, &not_compared);
    let mut report = CheckReport {
        formula_cells: book.formula_cells.len(),
        ..CheckReport::default()
    };
    let mut by_function: Vec<(String, usize)> = Vec::new();
    for (cell, reason) in book.formula_cells.iter().zip(&not_compared) {
        match reason {
            Some(NotCompared::Volatile) => {
                report.volatile += 1;
                continue;
            }
            Some(NotCompared::Circular) => {
                report.circular += 1;
                continue;
            }
            Some(_) => {
                report.not_supported += 1;
                continue;
            }
            None => {}
        }
        let ours = cell
            .id
            .map(|id| book.workbook.value_of(id).clone())
            .unwrap_or_default();
        let agreement = compare(cell.cached.as_ref(), &ours, lenient_booleans);
        match (agreement, &cell.cached) {
            (Agreement::Match, _) => report.matched += 1,
            (_, None) => report.no_cached_value += 1,
            (_, Some(excel)) => {
                let downstream = cell.id.is_some_and(|id| tainted.contains(&id));
                if downstream {
                    report.mismatched_downstream += 1;
                } else {
                    report.mismatched += 1;
                    let functions = functions_in(&cell.formula);
                    if functions.is_empty() {
                        count(&mut by_function, "(no function)".to_string());
                    }
                    for f in functions {
                        count(&mut by_function, f);
                    }
                }
                if agreement == Agreement::Close {
                    report.close_only += 1;
                }
                report.mismatches.push(Mismatch {
                    cell: cell.label(),
                    formula: cell.formula.clone(),
                    excel: excel.clone(),
                    kachi: ours,
                    close: agreement == Agreement::Close,
                    downstream_of_not_compared: downstream,
                });
            }
        }
    }
    by_function.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    report.mismatches_by_function = by_function;
    report
}

fn count(counts: &mut Vec<(String, usize)>, name: String) {
    match counts.iter_mut().find(|(n, _)| *n == name) {
        Some((_, c)) => *c += 1,
        None => counts.push((name, 1)),
    }
}

/// LibreOffice saves the booleans of formula cells as the numbers 1 and 0 (with a boolean
/// number format), so for its files a saved 1/0 matches a computed TRUE/FALSE.
fn saved_by_libreoffice(book: &ImportedBook) -> bool {
    book.report
        .application
        .as_deref()
        .is_some_and(|a| a.to_ascii_lowercase().contains("libreoffice"))
}

/// Why each formula cell of `book.formula_cells` is not compared (None: it is compared).
pub fn not_compared(book: &ImportedBook) -> Vec<Option<NotCompared>> {
    let unsupported = unsupported_by_cell(book);
    let volatile = unmatchable_functions(book);
    let circular: FxHashSet<CellId> = book
        .workbook
        .cycles()
        .iter()
        .flat_map(|c| c.cells.iter().copied())
        .collect();
    book.formula_cells
        .iter()
        .map(|c| {
            why_not_compared(c, &unsupported, &volatile).or_else(|| {
                c.id.filter(|id| circular.contains(id))
                    .map(|_| NotCompared::Circular)
            })
        })
        .collect()
}

/// The cells that read, directly or not, a cell that is not compared (`reasons` from
/// [`not_compared`]): when they differ from Excel, the difference may come from there.
pub fn downstream_of_not_compared(
    book: &ImportedBook,
    reasons: &[Option<NotCompared>],
) -> FxHashSet<CellId> {
    let roots: Vec<CellId> = book
        .formula_cells
        .iter()
        .zip(reasons)
        .filter(|(_, reason)| reason.is_some())
        .filter_map(|(c, _)| c.id)
        .collect();
    downstream_of(book, &roots)
}

/// Cell label -> the unsupported functions its formula uses.
pub fn unsupported_by_cell(book: &ImportedBook) -> FxHashMap<String, Vec<String>> {
    let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for f in &book.report.unsupported_functions {
        for cell in &f.cells {
            map.entry(cell.clone()).or_default().push(f.name.clone());
        }
    }
    map
}

/// Why a cell is not compared, if it is not. `unsupported` comes from [`unsupported_by_cell`],
/// `volatile` from [`unmatchable_functions`].
pub fn why_not_compared(
    cell: &FormulaCell,
    unsupported: &FxHashMap<String, Vec<String>>,
    volatile: &[&str],
) -> Option<NotCompared> {
    if cell.rejected {
        return Some(NotCompared::Rejected);
    }
    if let Some(functions) = unsupported.get(&cell.label()) {
        return Some(NotCompared::Unsupported(functions.clone()));
    }
    if mentions_external_workbook(&cell.formula) {
        return Some(NotCompared::External);
    }
    let functions = functions_in(&cell.formula);
    if functions.iter().any(|f| volatile.contains(&f.as_str())) {
        return Some(NotCompared::Volatile);
    }
    None
}

/// Every cell that reads, directly or not, one of `roots`.
fn downstream_of(book: &ImportedBook, roots: &[CellId]) -> FxHashSet<CellId> {
    let mut tainted: FxHashSet<CellId> = FxHashSet::default();
    for root in roots {
        if tainted.contains(root) {
            continue;
        }
        tainted.extend(book.workbook.dependents(*root));
    }
    tainted
}

/// Compares a computed value with the saved one. `lenient_booleans`: a saved 1/0 matches a
/// computed TRUE/FALSE (LibreOffice files).
pub fn compare(excel: Option<&Value>, ours: &Value, lenient_booleans: bool) -> Agreement {
    let blank = |v: &Value| match v {
        Value::Empty => true,
        Value::Text(t) => t.is_empty(),
        _ => false,
    };
    let Some(excel) = excel.filter(|e| !blank(e)) else {
        return if blank(ours) {
            Agreement::Match
        } else {
            Agreement::Differ
        };
    };
    match (excel, ours) {
        (Value::Number(a), Value::Number(b)) => {
            compare_numbers(numeric::to_f64(*a), numeric::to_f64(*b))
        }
        (Value::Number(a), Value::Bool(b)) if lenient_booleans => {
            let expected = if *b { 1.0 } else { 0.0 };
            compare_numbers(numeric::to_f64(*a), expected)
        }
        (Value::Text(a), Value::Text(b)) if a == b => Agreement::Match,
        (Value::Bool(a), Value::Bool(b)) if a == b => Agreement::Match,
        (Value::Error(a), Value::Error(b)) if a == b => Agreement::Match,
        _ => Agreement::Differ,
    }
}

fn compare_numbers(a: f64, b: f64) -> Agreement {
    let close = |tol: f64| {
        let diff = (a - b).abs();
        diff <= tol || diff <= tol * a.abs().max(b.abs())
    };
    if a.is_nan() || b.is_nan() {
        Agreement::Differ
    } else if close(1e-9) {
        Agreement::Match
    } else if close(1e-6) {
        Agreement::Close
    } else {
        Agreement::Differ
    }
}

/// The functions a formula calls, upper-case, without `_xlfn.`/`_xlws.` prefixes, each once
/// (names followed by `(` outside string literals, as `compare.py` finds them).
pub fn functions_in(formula: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_string = false;
    let mut word = String::new();
    let mut word_valid = true;
    let mut previous: Option<char> = None;
    for c in formula.chars() {
        if in_string {
            if c == '"' {
                in_string = false;
            }
            previous = Some(c);
            continue;
        }
        if c == '"' {
            in_string = true;
            word.clear();
        } else if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            if word.is_empty() {
                // A name starts with a letter or `_` not glued to a preceding name character.
                word_valid = (c.is_ascii_alphabetic() || c == '_')
                    && !previous.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '.');
            }
            word.push(c);
        } else {
            if c == '(' && word_valid && !word.is_empty() {
                let name = strip_prefixes(&word.to_ascii_uppercase());
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
            word.clear();
        }
        previous = Some(c);
    }
    out.sort();
    out
}

fn strip_prefixes(name: &str) -> String {
    let mut rest = name;
    loop {
        if let Some(r) = rest.strip_prefix("_XLFN.") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("_XLWS.") {
            rest = r;
        } else {
            return rest.to_string();
        }
    }
}

/// `Sheet!A1` labels of cells (for callers reporting ids).
pub fn labels(book: &ImportedBook, ids: &[CellId]) -> Vec<String> {
    ids.iter()
        .map(|id| plain_label(&book.workbook, *id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn n(s: &str) -> Value {
        Value::Number(s.parse::<Decimal>().unwrap_or_default())
    }

    #[test]
    fn numbers_match_within_tolerances() {
        assert_eq!(
            compare(Some(&n("1")), &n("1.0000000000001"), false),
            Agreement::Match
        );
        assert_eq!(
            compare(Some(&n("1")), &n("1.0000001"), false),
            Agreement::Close
        );
        assert_eq!(compare(Some(&n("1")), &n("1.01"), false), Agreement::Differ);
        assert_eq!(
            compare(Some(&n("0")), &n("0.0000000001"), false),
            Agreement::Match
        );
    }

    #[test]
    fn empty_saved_values_match_empty_or_blank_text() {
        assert_eq!(compare(None, &Value::Empty, false), Agreement::Match);
        assert_eq!(compare(None, &Value::text(""), false), Agreement::Match);
        assert_eq!(
            compare(Some(&Value::text("")), &Value::Empty, false),
            Agreement::Match
        );
        assert_eq!(compare(None, &n("0"), false), Agreement::Differ);
    }

    #[test]
    fn types_must_agree() {
        assert_eq!(
            compare(Some(&Value::Bool(true)), &n("1"), false),
            Agreement::Differ
        );
        assert_eq!(
            compare(Some(&n("1")), &Value::Bool(true), false),
            Agreement::Differ
        );
        assert_eq!(
            compare(Some(&n("1")), &Value::Bool(true), true),
            Agreement::Match
        );
        assert_eq!(
            compare(Some(&Value::text("1")), &n("1"), false),
            Agreement::Differ
        );
        let na = Value::Error(crate::value::ErrorKind::NA);
        assert_eq!(compare(Some(&na), &na, false), Agreement::Match);
    }

    #[test]
    fn finds_function_names_like_compare_py() {
        assert_eq!(
            functions_in("=_xlfn.STDEV.S(A1:A3)+SUM(B1,\"MAX(\")+sum(1)"),
            ["STDEV.S", "SUM"]
        );
        assert_eq!(functions_in("=A1+1"), Vec::<String>::new());
        assert_eq!(functions_in("=_xlfn._xlws.SORT(A1:A3)"), ["SORT"]);
        assert_eq!(functions_in("=LOG10(100)"), ["LOG10"]);
    }
}
