//! Inputs that crashed, hung or broke an invariant under fuzzing (`fuzz/`), replayed. Each
//! asserts a value or a clear error. Formula inputs go through the same checks as the
//! `formula` fuzz target; workbook files are built here or kept under `tests/fuzz_regressions/`.

use std::str::FromStr;

use rust_decimal::Decimal;

use kachi::formula::{parse, to_text};
use kachi::{ErrorKind, Value, Workbook};

fn n(s: &str) -> Value {
    Value::Number(Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}")))
}

/// The workbook the formula target evaluates in: a few values on two sheets, names.
fn book() -> Workbook {
    let mut wb = Workbook::new();
    let _ = wb.add_sheet("Sheet1");
    let _ = wb.add_sheet("Other sheet");
    wb.set_clock(Some(45_000.into()));
    wb.set_random_seed(7);
    for (target, input) in [
        ("Sheet1!A1", "1"),
        ("Sheet1!A2", "2.5"),
        ("Sheet1!A3", "-3"),
        ("Sheet1!B1", "text"),
        ("'Other sheet'!A1", "10"),
        ("rate", "0.05"),
    ] {
        if let Err(e) = wb.set_input(target, input) {
            panic!("{target}: {e}");
        }
    }
    wb
}

/// What the formula fuzz target checks: a formula that parses prints as text that parses and
/// prints the same; evaluating it (or refusing it) leaves a usable workbook.
fn replay_formula(text: &str) -> (Result<(), String>, Option<Value>) {
    if let Ok(parsed) = parse(text) {
        let printed = to_text(&parsed);
        let reparsed = parse(&printed)
            .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?}, which fails: {e}"));
        assert_eq!(to_text(&reparsed), printed, "round trip of {text:?}");
    }
    let mut wb = book();
    let result = wb.set_formula("Sheet1!D4", text).map(|_| ());
    let value = wb.value("Sheet1!D4");
    // Still usable.
    let _ = wb.set_value("Sheet1!A1", n("4"));
    assert_eq!(
        wb.set_formula("Sheet1!E1", "=A1+1").ok().map(|_| ()),
        Some(())
    );
    assert_eq!(wb.value("Sheet1!E1"), Some(n("5")));
    (result.map_err(|e| e.to_string()), value)
}

#[test]
fn an_operator_before_a_closing_parenthesis_is_a_missing_operand() {
    // Was accepted as `A2A3 * <missing argument>` and printed as `CHOSIMSINH(*A2A3,)`.
    for text in [
        "=CHOSIMSINH(,A2A3*)",
        "=SUM(1+)",
        "=SUM(1,2*)",
        "=IF(A1,1-,2)",
        "=SUM(-)",
    ] {
        let (result, _) = replay_formula(text);
        let message = result
            .err()
            .unwrap_or_else(|| panic!("{text} was accepted"));
        assert!(message.contains("expected an operand"), "{text}: {message}");
    }
    // Arguments left out are still fine.
    assert_eq!(replay_formula("=IF(,,2)").1, Some(n("2")));
    assert_eq!(replay_formula("=IF(A1,,2)").1, Some(n("0")));
    assert_eq!(replay_formula("=SUM(,1)").1, Some(n("1")));
    assert_eq!(replay_formula("=TRUE()").1, Some(Value::Bool(true)));
}

#[test]
fn element_wise_operations_on_whole_sheets_are_num_errors() {
    // `E:XFD%` tried to allocate 412 GB (17 billion values) and aborted the process.
    let mut wb = book();
    let _ = wb.add_sheet("S2");
    let _ = wb.set_value("Sheet1!XFD1048576", n("2"));
    for text in [
        "=SUM(Sheet1!E:XFD%)",
        "=SUM(Sheet1!A:XFD=1)",
        "=SUM(-Sheet1!A:XFD)",
        "=SUM(IF(Sheet1!A:XFD,1))",
        "=COUNTIF(Sheet1!A:XFD,2)",
        "=SUMPRODUCT(Sheet1!A:XFD)",
        "=TEXTJOIN(\",\",TRUE,Sheet1!A:XFD)",
        "=FREQUENCY(Sheet1!A:XFD,Sheet1!A:XFD)",
        "=CONCAT(Sheet1!A:XFD)",
    ] {
        let r = wb.set_formula("S2!A1", text);
        assert!(r.is_ok(), "{text}: {r:?}");
        assert_eq!(
            wb.value("S2!A1"),
            Some(Value::Error(ErrorKind::Num)),
            "{text}"
        );
    }
    // Functions that visit only stored cells still answer.
    for (text, want) in [
        ("=SUM(Sheet1!A:XFD)", "2.5"),
        ("=COUNT(Sheet1!A:XFD)", "4"),
        ("=MAX(Sheet1!A:XFD)", "2.5"),
        ("=SUMIF(Sheet1!A:XFD,\">0\")", "5.5"),
    ] {
        let _ = wb.set_formula("S2!A1", text);
        assert_eq!(wb.value("S2!A1"), Some(n(want)), "{text}");
    }
    // A column at a time still works element by element.
    let _ = wb.set_formula("S2!A2", "=SUM(Sheet1!A:A%)");
    assert_eq!(wb.value("S2!A2"), Some(n("0.005")));
}

#[test]
fn function_prefixes_without_a_name_are_errors() {
    // `_XLUDF.(` became a function with an empty name, printed as a bare parenthesis.
    let (result, _) = replay_formula("=et_value_pe=_XLUDF.(2,A1:B3,2,FALSE)");
    let message = result.err().unwrap_or_default();
    assert!(message.contains("without a function name"), "{message}");
    // Stacked prefixes in any order print the same after a round trip.
    assert_eq!(replay_formula("=_xlws._xlfn.SUM(1,2)").1, Some(n("3")));
    assert_eq!(
        parse("=_xlws._xlfn._xludf.ABS(-1)")
            .map(|f| to_text(&f))
            .ok(),
        Some("ABS(-1)".to_string())
    );
}
