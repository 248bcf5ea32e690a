//! Importing Excel workbooks: the fixtures under `fixtures/xlsx/` (written by
//! `cargo run --example make_xlsx_fixtures`) with the values they are known to hold, the
//! calamine pitfalls, and damaged or hostile files that must fail with a clear error.

#[path = "support/xlsx_fixtures.rs"]
mod xlsx_fixtures;

use std::path::{Path, PathBuf};

use kachi::formula::CellPos;
use kachi::xlsx::{self, BookFormat, Clock, ImportError, ImportOptions, ImportedBook, Limits};
use kachi::{CellRef, ErrorKind, Value};
use rust_decimal::Decimal;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/xlsx")
        .join(name)
}

fn load(name: &str) -> ImportedBook {
    match xlsx::import(&fixture(name)) {
        Ok(book) => book,
        Err(e) => panic!("{name} should import: {e}"),
    }
}

fn value(book: &ImportedBook, sheet: &str, cell: &str) -> Value {
    let pos = CellPos::parse_a1(cell).unwrap_or_else(|| panic!("bad cell {cell}"));
    book.workbook.get(&CellRef::Grid {
        sheet: sheet.to_string(),
        pos,
    })
}

fn num(text: &str) -> Value {
    Value::Number(
        text.parse::<Decimal>()
            .unwrap_or_else(|_| panic!("bad number {text}")),
    )
}

fn formula_cell<'a>(book: &'a ImportedBook, label: &str) -> &'a xlsx::FormulaCell {
    book.formula_cells
        .iter()
        .find(|c| c.label() == label)
        .unwrap_or_else(|| panic!("no formula cell {label}"))
}

// ------------------------------------------------------------------------------- contents

#[test]
fn constants_keep_their_type_and_exact_value() {
    let book = load("basic.xlsx");
    assert_eq!(book.report.format, BookFormat::Xlsx);
    assert_eq!(book.report.sheets, ["Inputs", "Cost sheet"]);
    assert_eq!(value(&book, "Inputs", "A1"), Value::text("Price"));
    assert_eq!(value(&book, "Inputs", "B1"), num("120.5"));
    // A date is its serial number.
    assert_eq!(value(&book, "Inputs", "B3"), num("45322"));
    assert_eq!(value(&book, "Inputs", "B4"), Value::Bool(true));
    assert_eq!(value(&book, "Inputs", "B5"), Value::text("hello"));
    // 0.1 is 0.1, not 0.1000000000000000055511151231257827.
    assert_eq!(
        value(&book, "Inputs", "B7")
            .as_number()
            .map(|d| d.to_string()),
        Some("0.1".to_string())
    );
    assert_eq!(value(&book, "Inputs", "B8"), num("100000000000000000000"));
    assert_eq!(value(&book, "Inputs", "B9"), num("-2.5"));
}

#[test]
fn formulas_are_recomputed_across_sheets_and_names() {
    let book = load("basic.xlsx");
    assert_eq!(value(&book, "Cost sheet", "A1"), num("361.5"));
    assert_eq!(value(&book, "Cost sheet", "A2"), num("123.5"));
    assert_eq!(value(&book, "Cost sheet", "A3"), num("36.15"));
    assert_eq!(value(&book, "Cost sheet", "A5"), Value::text("yes"));
    assert_eq!(value(&book, "Cost sheet", "A6"), num("45323"));
    assert_eq!(value(&book, "Cost sheet", "A7"), Value::text("ab"));
    assert_eq!(value(&book, "Cost sheet", "A9"), Value::Bool(true));
    assert_eq!(value(&book, "Inputs", "B6"), Value::Error(ErrorKind::Div0));
    let a1 = formula_cell(&book, "Cost sheet!A1");
    assert_eq!(a1.formula, "=Inputs!B1*Inputs!B2");
    assert_eq!(a1.cached, Some(num("361.5")));
    assert!(!a1.rejected);
}

#[test]
fn a_sheet_scoped_name_wins_on_its_sheet_only() {
    let book = load("basic.xlsx");
    // Tax is 0.08 on 'Cost sheet' and 0.5 everywhere else.
    assert_eq!(value(&book, "Cost sheet", "A4"), num("8"));
    assert_eq!(value(&book, "Inputs", "C1"), num("50"));
    let names: Vec<String> = book
        .workbook
        .defined_names()
        .into_iter()
        .map(|(r, _)| r.to_string())
        .collect();
    assert!(names.contains(&"'Cost sheet'!Tax".to_string()), "{names:?}");
    assert!(names.contains(&"Tax".to_string()), "{names:?}");
    assert!(names.contains(&"Rate".to_string()), "{names:?}");
    assert_eq!(book.report.defined_names, 3);
}

#[test]
fn saved_values_are_kept_aside() {
    let book = load("basic.xlsx");
    assert_eq!(
        formula_cell(&book, "Cost sheet!A8").cached,
        Some(Value::Error(ErrorKind::NA))
    );
    assert_eq!(
        formula_cell(&book, "Cost sheet!A5").cached,
        Some(Value::text("yes"))
    );
    assert_eq!(
        formula_cell(&book, "Cost sheet!A9").cached,
        Some(Value::Bool(true))
    );
    assert_eq!(
        formula_cell(&book, "Inputs!B6").cached,
        Some(Value::Error(ErrorKind::Div0))
    );
}

#[test]
fn what_cannot_be_represented_is_reported() {
    let book = load("basic.xlsx");
    let report = &book.report;
    // A structured reference to a table the workbook does not have: the cell holds #NAME?
    // and is listed, with the reason.
    assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
    assert_eq!(
        report.unresolved_table_references,
        ["Cost sheet!A11: Table1[Amount]: the workbook has no table named 'Table1'"]
    );
    assert_eq!(report.rejected[0].target, "Cost sheet!A11");
    assert_eq!(report.rejected[0].formula, "=SUM(Table1[Amount])");
    assert!(!report.rejected[0].message.is_empty());
    assert!(formula_cell(&book, "Cost sheet!A11").rejected);
    assert_eq!(
        value(&book, "Cost sheet", "A11"),
        Value::Error(ErrorKind::Name)
    );
    // An unknown function is listed with its cell.
    let unknown = report
        .unsupported_functions
        .iter()
        .find(|f| f.name == "NOSUCHFUNCTION")
        .unwrap_or_else(|| panic!("{:?}", report.unsupported_functions));
    assert_eq!(unknown.cells, ["Cost sheet!A10"]);
    assert!(!report.has_macros);
    assert!(report.external_links.is_empty());
}

#[test]
fn edits_after_import_recalculate_incrementally() {
    let mut book = load("basic.xlsx");
    let recalc = book
        .workbook
        .set_value("Inputs!B2", Value::from(4))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value(&book, "Cost sheet", "A1"), num("482"));
    assert_eq!(value(&book, "Cost sheet", "A3"), num("48.2"));
    assert!(recalc.changed.len() >= 4, "{recalc:?}");
}

#[test]
fn names_kachi_cannot_hold_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(fixture("basic.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    let patched = xlsx_fixtures::patch_part(&bytes, "xl/workbook.xml", |xml| {
        Ok(xml.replacen(
            "</definedNames>",
            "<definedName name=\"B2\" localSheetId=\"1\">1</definedName>\
             <definedName name=\"Broken\">Inputs!$B$1+*2</definedName></definedNames>",
            1,
        ))
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("odd_names.xlsx");
    std::fs::write(&path, patched).unwrap_or_else(|e| panic!("{e}"));
    let book = xlsx::import(&path).unwrap_or_else(|e| panic!("{e}"));
    let targets: Vec<&str> = book
        .report
        .rejected
        .iter()
        .map(|r| r.target.as_str())
        .collect();
    assert!(targets.contains(&"Cost sheet!B2"), "{targets:?}");
    assert!(targets.contains(&"Broken"), "{targets:?}");
    assert_eq!(value(&book, "Cost sheet", "A1"), num("361.5"));
}

// ------------------------------------------------------------------------------- calamine pitfalls

#[test]
fn shared_formulas_are_expanded() {
    let book = load("shared_formulas.xlsx");
    for row in 1..=4 {
        let label = format!("Data!B{row}");
        assert_eq!(formula_cell(&book, &label).formula, format!("=A{row}*2"));
        assert_eq!(
            value(&book, "Data", &format!("B{row}")),
            Value::from(2 * row)
        );
    }
    // Quoted sheet names stay as they are, however much they look like cells; `$` anchors
    // hold.
    for (cell, formula, expected) in [
        ("C1", "='FY2020'!$A1+A$1", 101),
        ("D1", "='FY2020'!$A1+B$1", 102),
        ("C2", "='FY2020'!$A2+A$1", 201),
        ("D2", "='FY2020'!$A2+B$1", 202),
    ] {
        let label = format!("Data!{cell}");
        assert_eq!(formula_cell(&book, &label).formula, formula);
        assert_eq!(value(&book, "Data", cell), Value::from(expected), "{cell}");
    }
}

#[test]
fn saved_spill_and_calc_errors_do_not_lose_the_sheet() {
    let book = load("spill_errors.xlsx");
    // The dynamic array anchor keeps its formula and its saved #SPILL!.
    let c1 = formula_cell(&book, "Spill!C1");
    assert_eq!(c1.formula, "=_xlfn._xlws.SORT(A1:A3)");
    assert_eq!(c1.cached, Some(Value::Error(ErrorKind::Spill)));
    // A shared formula anchored on a #CALC! cell still reaches every cell of its range.
    let d1 = formula_cell(&book, "Spill!D1");
    assert_eq!(d1.formula, "=A1+10");
    assert_eq!(d1.cached, Some(Value::Error(ErrorKind::Calc)));
    assert_eq!(formula_cell(&book, "Spill!D3").formula, "=A3+10");
    assert_eq!(value(&book, "Spill", "D1"), num("11"));
    assert_eq!(value(&book, "Spill", "D3"), num("13"));
    // ... and moves its references the way Excel does, leaving a cell-like sheet name alone
    // (calamine's own expansion would read `'Q2'!A2+10`).
    assert_eq!(formula_cell(&book, "Spill!E1").formula, "='Q1'!A1+10");
    assert_eq!(formula_cell(&book, "Spill!E2").formula, "='Q1'!A2+10");
    assert_eq!(value(&book, "Spill", "E1"), num("15"));
    assert_eq!(value(&book, "Spill", "E2"), num("16"));
    // Cells after the errors and other sheets are all there.
    assert_eq!(value(&book, "Spill", "A4"), num("6"));
    assert_eq!(value(&book, "Spill", "A5"), Value::text("after"));
    assert_eq!(value(&book, "Plain", "A1"), num("12"));
    assert!(
        book.report.unreadable_values.is_empty(),
        "{:?}",
        book.report
    );
}

#[test]
fn data_tables_are_reported_and_keep_their_values() {
    let book = load("data_table.xlsx");
    assert_eq!(book.report.data_tables, ["What if!B2:B3"]);
    assert_eq!(value(&book, "What if", "B2"), num("30"));
    assert_eq!(value(&book, "What if", "B1"), num("20"));
}

#[test]
fn external_links_are_reported() {
    let book = load("external_link.xlsx");
    let links = &book.report.external_links;
    assert!(
        links.iter().any(|l| l.contains("externalLink1.xml")),
        "{links:?}"
    );
    assert!(links.iter().any(|l| l == "Sheet1!A1"), "{links:?}");
    assert_eq!(value(&book, "Sheet1", "A1"), Value::Error(ErrorKind::Ref));
    let check = xlsx::check(&book);
    assert_eq!(check.not_supported, 1);
    assert_eq!(check.matched, 1);
}

#[test]
fn macros_are_reported_never_run() {
    let book = load("macros.xlsm");
    assert_eq!(book.report.format, BookFormat::Xlsm);
    assert!(book.report.has_macros);
    assert_eq!(value(&book, "Sheet1", "B1"), num("2"));
}

#[test]
fn opendocument_formulas_are_translated() {
    let book = load("basic.ods");
    assert_eq!(book.report.format, BookFormat::Ods);
    assert_eq!(book.report.sheets, ["Data", "Other sheet"]);
    assert_eq!(formula_cell(&book, "Data!B1").formula, "=A1*3");
    assert_eq!(value(&book, "Data", "B1"), num("6"));
    assert_eq!(value(&book, "Data", "B2"), num("9"));
    // [$Data.A1] plus the named range Base ($Data.$A$1).
    assert_eq!(value(&book, "Other sheet", "A1"), num("4"));
}

// ------------------------------------------------------------------------------- check

// ------------------------------------------------------------------------------- tables

#[test]
fn structured_references_read_the_table_ranges() {
    let book = load("tables.xlsx");
    let report = &book.report;
    assert_eq!(
        report.tables,
        ["Sales (Sales data!B2:F7)", "Rates (Other!A1:B3)"]
    );
    // The calculated column (`[@Qty]*[@[Unit price]]`, written by rust_xlsxwriter as
    // `[[#This Row],Qty]*...`) and the totals row (`SUBTOTAL(109,[Qty])`) of the table itself.
    for (cell, expected) in [("F3", "15"), ("F4", "40"), ("F5", "75"), ("F6", "120")] {
        assert_eq!(value(&book, "Sales data", cell), num(expected), "{cell}");
    }
    assert_eq!(value(&book, "Sales data", "C7"), num("100"));
    assert_eq!(value(&book, "Sales data", "F7"), num("250"));
    // From another sheet.
    let report_values = [
        ("A1", num("100")),                      // SUM(Sales[Qty])
        ("A2", num("250")),                      // SUM(Sales[Amount])
        ("A3", num("5")),                        // COUNTA(Sales[#Headers])
        ("A4", num("6")),                        // ROWS(Sales[#All])
        ("A5", num("100")),                      // Sales[[#Totals],[Qty]]
        ("A6", num("369")),                      // SUM(Sales): the data rows
        ("A7", num("5")),                        // ROWS(Sales[[#Headers],[#Data],[Qty]])
        ("A8", num("109")),                      // SUM(Sales[[Qty]:[Unit price]])
        ("A9", num("10")),                       // SUM(Sales[Price '[USD'] '#1])
        ("A10", num("60")),                      // SUM(Rates[Column2])
        ("A11", Value::Error(ErrorKind::Ref)),   // ROWS(Rates[#Headers]): no header row
        ("A12", Value::Error(ErrorKind::Value)), // #This Row outside the data rows
        ("A14", num("200")),                     // TotalQty*2, TotalQty = SUM(Sales[Qty])
        ("B4", num("22")),                       // SUM(sales[[#This Row],[Qty]:[Unit price]])
    ];
    for (cell, expected) in report_values {
        assert_eq!(value(&book, "Report", cell), expected, "Report!{cell}");
    }
    // The file's formula text is kept; the engine holds the A1 form.
    assert_eq!(formula_cell(&book, "Report!A1").formula, "=SUM(Sales[Qty])");
    let engine_formula = book.workbook.formula(&CellRef::Grid {
        sheet: "Report".into(),
        pos: CellPos::new(0, 0),
    });
    assert_eq!(
        engine_formula.as_deref(),
        Some("=SUM('Sales data'!$C$3:$C$6)")
    );
}

#[test]
fn unresolved_structured_references_are_reported() {
    let book = load("tables.xlsx");
    assert_eq!(
        book.report.unresolved_table_references,
        ["Report!A13: Nope[Qty]: the workbook has no table named 'Nope'"]
    );
    assert!(formula_cell(&book, "Report!A13").rejected);
    assert_eq!(value(&book, "Report", "A13"), Value::Error(ErrorKind::Name));
}

#[test]
fn edits_flow_through_rewritten_table_references() {
    let mut book = load("tables.xlsx");
    book.workbook
        .set_value("'Sales data'!C3", Value::from(11))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value(&book, "Sales data", "F3"), num("16.5"));
    assert_eq!(value(&book, "Report", "A1"), num("101"));
    assert_eq!(value(&book, "Report", "A14"), num("202"));
}

#[test]
fn the_real_error_behind_a_saved_fallback_is_recovered() {
    let book = load("rich_errors.xlsx");
    // #CALC! saved as #VALUE! with a rich value saying #CALC!.
    assert_eq!(
        formula_cell(&book, "Data!B1").cached,
        Some(Value::Error(ErrorKind::Calc))
    );
    // A rich value that is not an error leaves the saved value alone.
    assert_eq!(
        formula_cell(&book, "Data!B2").cached,
        Some(Value::Error(ErrorKind::Div0))
    );
}

// ------------------------------------------------------------------------------- clock

fn load_with_clock(name: &str, clock: Clock) -> ImportedBook {
    let options = ImportOptions {
        clock,
        ..ImportOptions::default()
    };
    xlsx::import_with_options(&fixture(name), &options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn today_can_be_the_day_the_file_was_saved() {
    let book = load_with_clock("tables.xlsx", Clock::Saved);
    // dcterms:modified 2024-11-26T08:49:27Z.
    let saved = book.saved_at.unwrap_or_default();
    assert_eq!(saved.floor(), Decimal::from(45622));
    assert!(book.clock_is_saved_time());
    assert_eq!(value(&book, "Report", "A16"), num("45622"));
    // TODAY() is compared (it matches); NOW() is not (local time, seconds of the last recalc).
    let report = xlsx::check(&book);
    assert!(
        report.mismatches.iter().all(|m| m.cell != "Report!A16"),
        "{report:#?}"
    );
    assert_eq!(report.volatile, 1);
}

#[test]
fn the_clock_can_be_fixed_or_real() {
    let fixed = load_with_clock("tables.xlsx", Clock::Fixed(Decimal::new(450005, 1)));
    assert_eq!(value(&fixed, "Report", "A16"), num("45000"));
    assert!(!fixed.clock_is_saved_time());
    // TODAY() is then not compared with the saved value.
    assert_eq!(xlsx::check(&fixed).volatile, 2);
    let real = load("tables.xlsx");
    assert_eq!(real.now, None);
    assert!(real.saved_at.is_some());
    assert_eq!(xlsx::check(&real).volatile, 2);
}

#[test]
fn check_passes_when_every_supported_cell_matches() {
    let book = load("basic.xlsx");
    let report = xlsx::check(&book);
    assert!(report.passed(), "{report:#?}");
    assert_eq!(report.formula_cells, book.formula_cells.len());
    assert_eq!(report.mismatched, 0);
    // A13 reads the unsupported A10: a mismatch, but downstream of a cell not compared.
    assert_eq!(report.mismatched_downstream, 1);
    assert!(report.mismatches[0].downstream_of_not_compared);
    assert!(report.not_supported >= 2);
}

#[test]
fn check_reports_each_mismatch() {
    let book = load("mismatch.xlsx");
    let report = xlsx::check(&book);
    assert!(!report.passed());
    assert_eq!(report.mismatched, 2, "{report:#?}");
    assert_eq!(report.close_only, 1);
    assert_eq!(report.mismatched_downstream, 1);
    assert_eq!(report.not_supported, 1);
    assert_eq!(report.no_cached_value, 1);
    assert_eq!(report.matched, 2);
    let b2 = &report.mismatches[0];
    assert_eq!(b2.cell, "Sheet1!B2");
    assert_eq!(b2.formula, "=A1*4");
    assert_eq!(b2.excel, num("9"));
    assert_eq!(b2.kachi, num("8"));
    assert!(!b2.close);
    assert!(report.mismatches[1].close);
    assert_eq!(
        report.mismatches_by_function,
        [("(no function)".to_string(), 2)]
    );
}

// ------------------------------------------------------------------------------- bad files

fn import_error(path: &Path) -> ImportError {
    match xlsx::import(path) {
        Ok(_) => panic!("{} should not import", path.display()),
        Err(e) => {
            let message = e.to_string();
            let file = path.file_name().map(|f| f.to_string_lossy().to_string());
            assert!(
                file.is_some_and(|f| message.contains(&f)),
                "the error should name the file: {message}"
            );
            e
        }
    }
}

#[test]
fn encrypted_workbooks_say_so() {
    let e = import_error(&fixture("encrypted.xlsx"));
    assert!(matches!(e, ImportError::Encrypted { .. }), "{e}");
    assert!(e.to_string().contains("password"));
}

#[test]
fn other_files_are_not_spreadsheets() {
    for name in ["not_a_spreadsheet.xlsx", "word_document.xlsx"] {
        let e = import_error(&fixture(name));
        assert!(matches!(e, ImportError::NotASpreadsheet { .. }), "{e}");
    }
    let e = import_error(&fixture("empty.xlsx"));
    assert!(matches!(e, ImportError::Empty { .. }), "{e}");
    let e = import_error(&fixture("no_such_file.xlsx"));
    assert!(matches!(e, ImportError::Io { .. }), "{e}");
}

/// Every zip fixture, and the corpus's workbooks would do too (see tests/corpus.rs).
fn zip_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    [
        "basic.xlsx",
        "shared_formulas.xlsx",
        "spill_errors.xlsx",
        "data_table.xlsx",
        "macros.xlsm",
        "basic.ods",
    ]
    .into_iter()
    .map(|name| {
        let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        (name, bytes)
    })
    .collect()
}

#[test]
fn truncated_workbooks_fail_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in zip_fixtures() {
        for percent in (0..100).step_by(5) {
            let path = dir.path().join(format!("truncated_{percent}_{name}"));
            let len = bytes.len() * percent / 100;
            std::fs::write(&path, &bytes[..len]).unwrap_or_else(|e| panic!("{e}"));
            let e = import_error(&path);
            if percent > 0 {
                assert!(
                    matches!(e, ImportError::Corrupt { .. }),
                    "{name} at {percent}%: {e}"
                );
            }
        }
    }
}

#[test]
fn flipped_bytes_never_panic() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut refused = 0;
    let mut total = 0;
    for (name, bytes) in zip_fixtures() {
        for step in 0..50 {
            let at = bytes.len() * step / 50;
            for mask in [0xFFu8, 0x01] {
                let mut copy = bytes.clone();
                copy[at] ^= mask;
                let path = dir.path().join(format!("flipped_{step}_{mask}_{name}"));
                std::fs::write(&path, &copy).unwrap_or_else(|e| panic!("{e}"));
                total += 1;
                if xlsx::import(&path).is_err() {
                    import_error(&path);
                    refused += 1;
                }
            }
        }
    }
    assert!(refused > 0 && refused <= total);
}

#[test]
fn a_zip_bomb_is_refused_before_inflating() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(fixture("basic.xlsx")).unwrap_or_else(|e| panic!("{e}"));
    // A tiny file whose sheet claims 3.75 GiB.
    let bomb = xlsx_fixtures::claim_part_size(&bytes, "xl/worksheets/sheet1.xml", 0xF000_0000);
    let path = dir.path().join("bomb.xlsx");
    std::fs::write(&path, &bomb).unwrap_or_else(|e| panic!("{e}"));
    let e = import_error(&path);
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("xl/worksheets/sheet1.xml"), "{e}");
    // Parts that each stay under the per-part limit but add up over the total.
    let limits = Limits {
        max_total_uncompressed: 4096,
        ..Limits::default()
    };
    let e = xlsx::import_with(&fixture("basic.xlsx"), &limits).err();
    assert!(matches!(e, Some(ImportError::TooLarge { .. })), "{e:?}");
    // A part that lies the other way (claims less than it holds) is stopped at its claim.
    let liar = xlsx_fixtures::claim_part_size(&bytes, "xl/worksheets/sheet1.xml", 100);
    let path = dir.path().join("liar.xlsx");
    std::fs::write(&path, &liar).unwrap_or_else(|e| panic!("{e}"));
    import_error(&path);
}

#[test]
fn too_many_cells_are_refused() {
    let limits = Limits {
        max_cells: 5,
        ..Limits::default()
    };
    let e = xlsx::import_with(&fixture("basic.xlsx"), &limits).err();
    assert!(matches!(e, Some(ImportError::TooLarge { .. })), "{e:?}");
}

#[test]
fn a_damaged_ole_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0x42u8, 4000));
    let path = dir.path().join("garbage.xls");
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    import_error(&path);
}

#[test]
fn the_fixtures_on_disk_are_what_the_generator_writes() {
    // Regenerating must give workbooks with the same contents (not necessarily the same bytes:
    // zip metadata may differ), so the committed files and the generator cannot drift apart.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fixtures = xlsx_fixtures::all_fixtures().unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in fixtures {
        let fresh = dir.path().join(name);
        std::fs::write(&fresh, &bytes).unwrap_or_else(|e| panic!("{e}"));
        match (xlsx::import(&fresh), xlsx::import(&fixture(name))) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.formula_cells, b.formula_cells, "{name}");
                assert_eq!(a.report.sheets, b.report.sheets, "{name}");
            }
            (Err(a), Err(b)) => assert_eq!(
                std::mem::discriminant(&a),
                std::mem::discriminant(&b),
                "{name}"
            ),
            (a, b) => panic!("{name}: fresh {:?} vs committed {:?}", a.err(), b.err()),
        }
    }
}
