//! Inputs that must give a value or a clear error, never a crash: deep nesting, long formulas,
//! long chains, huge ranges, numbers beyond Decimal's range, odd names.

use std::str::FromStr;

use rust_decimal::Decimal;

use kachi::{CellRef, Edit, EditError, ErrorKind, Value, Workbook};

fn n(s: &str) -> Value {
    Value::Number(Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}")))
}

fn book() -> Workbook {
    let mut wb = Workbook::new();
    let _ = wb.add_sheet("Sheet1");
    wb
}

#[test]
fn a_million_cell_chain_evaluates_and_updates() {
    const N: u32 = 1_000_000;
    let mut wb = book();
    let mut edits = Vec::with_capacity(N as usize);
    edits.push(Edit::SetValue {
        target: CellRef::grid("Sheet1", 0, 0),
        value: n("1"),
    });
    for r in 1..N {
        edits.push(Edit::SetFormula {
            target: CellRef::grid("Sheet1", r, 0),
            formula: format!("=A{r}+1"),
        });
    }
    let r = wb.apply(edits).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.evaluated, (N - 1) as usize);
    assert_eq!(wb.value("Sheet1!A1000000"), Some(n("1000000")));
    let r = wb
        .set_value("Sheet1!A1", n("2"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.changed.len(), N as usize);
    assert_eq!(wb.value("Sheet1!A1000000"), Some(n("1000001")));
    // Close the chain into a cycle of a million cells: reported, not a crash.
    let r = wb
        .set_formula("Sheet1!A1", "=A1000000+1")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.cycles.len(), 1);
    assert_eq!(r.cycles[0].cells.len(), N as usize);
    assert_eq!(
        wb.value("Sheet1!A500000"),
        Some(Value::Error(ErrorKind::Circ))
    );
}

#[test]
fn nesting_ten_thousand_deep_is_a_clear_error() {
    let mut wb = book();
    let deep = format!("={}1{}", "(".repeat(10_000), ")".repeat(10_000));
    let err = wb.set_formula("Sheet1!A1", &deep).err();
    match err {
        Some(EditError::Parse { error, .. }) => {
            assert!(error.message.contains("nested"), "{}", error.message)
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let calls = format!("={}1{}", "ABS(".repeat(10_000), ")".repeat(10_000));
    assert!(wb.set_formula("Sheet1!A1", &calls).is_err());
    let ifs = format!("={}1{}", "IF(TRUE,".repeat(200), ",0)".repeat(200));
    assert!(wb.set_formula("Sheet1!A2", &ifs).is_ok());
    assert_eq!(wb.value("Sheet1!A2"), Some(n("1")));
    // The workbook stays usable.
    assert!(wb.set_formula("Sheet1!A3", "=1+1").is_ok());
    assert_eq!(wb.value("Sheet1!A3"), Some(n("2")));
}

#[test]
fn a_formula_of_100000_characters() {
    let mut wb = book();
    let long = format!("={}", vec!["1"; 50_000].join("+"));
    assert!(long.len() > 99_000);
    assert!(wb.set_formula("Sheet1!A1", &long).is_ok());
    assert_eq!(wb.value("Sheet1!A1"), Some(n("50000")));
}

#[test]
fn a_range_of_a_million_cells() {
    let mut wb = book();
    let _ = wb.set_value("Sheet1!A1", n("1"));
    let _ = wb.set_value("Sheet1!A1048576", n("2"));
    let _ = wb.set_formula("Sheet1!B1", "=SUM(A1:A1048576)+SUM(A:A)");
    let _ = wb.set_formula("Sheet1!C1", "=SUM(A:B)");
    assert_eq!(wb.value("Sheet1!B1"), Some(n("6")));
    assert_eq!(wb.value("Sheet1!C1"), Some(n("9")));
    let _ = wb.set_value("Sheet1!A500000", n("10"));
    assert_eq!(wb.value("Sheet1!B1"), Some(n("26")));
    // A range that includes its own formula cell is a circular reference.
    let _ = wb.set_formula("Sheet1!D1", "=SUM(A:D)");
    assert_eq!(wb.value("Sheet1!D1"), Some(Value::Error(ErrorKind::Circ)));
}

#[test]
fn numbers_beyond_decimal_range_are_num_errors() {
    let mut wb = book();
    let _ = wb.set_formula("Sheet1!A1", "=79228162514264337593543950335+1");
    assert_eq!(wb.value("Sheet1!A1"), Some(Value::Error(ErrorKind::Num)));
    let _ = wb.set_formula("Sheet1!A2", "=10^30");
    assert_eq!(wb.value("Sheet1!A2"), Some(Value::Error(ErrorKind::Num)));
    let _ = wb.set_formula("Sheet1!A3", "=1E-40*1");
    assert_eq!(wb.value("Sheet1!A3"), Some(n("0")));
    let e = wb.set_formula("Sheet1!A4", "=1E40");
    assert!(e.is_err());
    let _ = wb.set_formula("Sheet1!A5", "=SUM(A1,1)");
    assert_eq!(wb.value("Sheet1!A5"), Some(Value::Error(ErrorKind::Num)));
}

#[test]
fn names_with_control_characters_are_refused() {
    let mut wb = Workbook::new();
    for bad in [
        "bad\u{7}name",
        "tab\tname",
        "new\nline",
        "",
        "A1",
        "has space",
    ] {
        assert!(wb.set_value(bad, n("1")).is_err(), "{bad:?} accepted");
    }
    assert!(wb.add_sheet("bad\u{0}sheet").is_err());
    assert!(wb.set_value("good_name", n("1")).is_ok());
}
