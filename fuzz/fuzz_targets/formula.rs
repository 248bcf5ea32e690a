//! Arbitrary bytes as formula text: parse, print, re-parse (the round trip must parse and print
//! the same text), then evaluate the formula in a small workbook, on a grid cell and on a named
//! cell. Nothing may panic, hang or allocate without bound.
#![no_main]

use std::sync::OnceLock;

use kachi::formula::{parse, to_text};
use kachi::{CellRef, Edit, Value, Workbook};
use libfuzzer_sys::fuzz_target;

/// A few values, a text, a boolean, an error, a range name, a second sheet: enough for
/// references, names, lookups and criteria to reach real code.
fn base() -> &'static Workbook {
    static BASE: OnceLock<Workbook> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut wb = Workbook::new();
        let _ = wb.add_sheet("Sheet1");
        let _ = wb.add_sheet("Other sheet");
        wb.set_clock(Some(45_000.into()));
        wb.set_random_seed(7);
        let edits = vec![
            ("Sheet1!A1", "1"),
            ("Sheet1!A2", "2.5"),
            ("Sheet1!A3", "-3"),
            ("Sheet1!B1", "text"),
            ("Sheet1!B2", "TRUE"),
            ("Sheet1!B3", "#N/A"),
            ("Sheet1!C1", "=A1+A2"),
            ("'Other sheet'!A1", "10"),
            ("'Other sheet'!B2", "=Sheet1!A1*2"),
            ("rate", "0.05"),
            ("label", "yen"),
            ("big", "79228162514264337593543950335"),
            ("Values", "=Sheet1!$A$1:$A$3"),
            ("twice", "=rate*2"),
        ]
        .into_iter()
        .filter_map(|(target, input)| {
            CellRef::parse(target)
                .ok()
                .map(|t| kachi::engine::workbook::input_edit(t, input))
        })
        .collect::<Vec<Edit>>();
        if let Err(e) = wb.apply(edits) {
            panic!("the base workbook must load: {e}");
        }
        wb
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    // 1. Parse and round trip.
    if let Ok(parsed) = parse(&text) {
        let printed = to_text(&parsed);
        let reparsed = match parse(&printed) {
            Ok(f) => f,
            Err(e) => panic!("{text:?} printed as {printed:?}, which does not parse: {e}"),
        };
        let reprinted = to_text(&reparsed);
        assert_eq!(printed, reprinted, "round trip of {text:?} is not stable");
    }

    // 2. Evaluate (also when it does not parse: the error path must be clean too).
    let mut wb = base().clone();
    for target in ["Sheet1!D4", "result"] {
        if wb.set_formula(target, &text).is_ok() {
            if let Ok(t) = CellRef::parse(target) {
                let _ = wb.get(&t);
                let _ = wb.formula(&t);
            }
        }
    }
    // Edit an input the formula may read, then clear the formula: recalculation stays sound.
    let _ = wb.set_value("Sheet1!A1", Value::from(4));
    let _ = wb.set_value("rate", Value::from(2));
    let _ = wb.clear("Sheet1!D4");
    let _ = wb.value("result");
});
