//! Arbitrary bytes as an .xlsx file, opened with calamine the way kachi opens workbooks (the
//! zip guard first), every sheet read (values and formulas) and loaded into a kachi workbook.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use calamine::{open_workbook_auto, Reader};
use kachi::xlsx::read_model::value_from_data;
use kachi::{CellRef, Edit, Workbook};
use libfuzzer_sys::fuzz_target;

fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("kachi-fuzz-cal-{}.xlsx", std::process::id()))
    })
}

/// At most this many cells of a sheet go into the workbook (the fuzzer wants speed).
const MAX_CELLS: usize = 2_000;

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    if std::fs::write(path, data).is_err() {
        return;
    }
    // kachi never hands calamine a file the guard refuses (zip bombs, huge sheets).
    if kachi::xlsx::guard::check(path).is_err() {
        return;
    }
    let Ok(mut book) = open_workbook_auto(path) else {
        return;
    };
    let mut wb = Workbook::new();
    wb.set_legacy_formulas(true);
    let names = book.sheet_names();
    for name in &names {
        if wb.add_sheet(name).is_err() {
            continue;
        }
        let mut edits = Vec::new();
        if let Ok(range) = book.worksheet_range(name) {
            for (row, col, d) in range.used_cells().take(MAX_CELLS) {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                edits.push(Edit::SetValue {
                    target: CellRef::grid(name.clone(), r0 + row as u32, c0 + col as u32),
                    value: value_from_data(d),
                });
            }
        }
        if let Ok(formulas) = book.worksheet_formula(name) {
            for (row, col, f) in formulas.used_cells().take(MAX_CELLS) {
                let (r0, c0) = formulas.start().unwrap_or((0, 0));
                edits.push(Edit::SetFormula {
                    target: CellRef::grid(name.clone(), r0 + row as u32, c0 + col as u32),
                    formula: f.clone(),
                });
            }
        }
        // Formulas kachi cannot parse are refused as a batch; then load them one by one.
        if wb.apply(edits.clone()).is_err() {
            for e in edits {
                let _ = wb.apply(vec![e]);
            }
        }
    }
    for (name, formula) in book.defined_names().to_vec() {
        let _ = wb.set_formula(&name, &formula);
    }
    let _ = wb.recalculate_all();
});
