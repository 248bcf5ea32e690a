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

// ------------------------------------------------------------------ deep nesting of calls

/// `depth` nested calls of `open`…`close` around `1`.
fn nested(open: &str, close: &str, depth: usize) -> String {
    format!("={}1{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn ten_thousand_nested_calls_of_every_kind_are_clear_errors() {
    let mut wb = book();
    let kinds = [
        ("IF(TRUE,", ",0)"),      // lazy
        ("IFERROR(", ",0)"),      // lazy
        ("CHOOSE(1,", ")"),       // lazy
        ("SUM(", ")"),            // eager
        ("SUM(1,", ",A1:A3)"),    // eager, with ranges
        ("MAX(", ")"),            // eager
        ("ABS(", ")"),            // scalar
        ("ROUND(", ",2)"),        // scalar
        ("-(", ")"),              // operators
        ("IF(TRUE,SUM(", "),0)"), // mixed lazy and eager
    ];
    for (open, close) in kinds {
        let deep = nested(open, close, 10_000);
        match wb.set_formula("Sheet1!B1", &deep) {
            Err(EditError::Parse { error, .. }) => {
                assert!(
                    error.message.contains("nested"),
                    "{open}: {}",
                    error.message
                )
            }
            other => panic!("{open}: expected a parse error, got {other:?}"),
        }
        // Just within the limit, the formula evaluates.
        let ok = nested(open, close, 120);
        let r = wb.set_formula("Sheet1!B2", &ok);
        assert!(r.is_ok(), "{open}: {r:?}");
        let v = wb.value("Sheet1!B2");
        assert!(matches!(v, Some(Value::Number(_))), "{open}: {v:?}");
    }
    // An array formula, the same.
    let deep = format!("{{={}1{}}}", "SUM(".repeat(10_000), ")".repeat(10_000));
    assert!(matches!(
        wb.set_formula("Sheet1!B1", &deep),
        Err(EditError::Parse { .. })
    ));
    // The workbook stays usable.
    assert!(wb.set_formula("Sheet1!A3", "=1+1").is_ok());
    assert_eq!(wb.value("Sheet1!A3"), Some(n("2")));
}

#[test]
fn a_chain_of_ten_thousand_lazy_names_evaluates() {
    // Depth through the graph, not through one formula: each name's IF reads the previous.
    let mut wb = Workbook::new();
    let mut edits = vec![Edit::SetValue {
        target: CellRef::name("step0"),
        value: n("0"),
    }];
    for i in 1..10_000 {
        edits.push(Edit::SetFormula {
            target: CellRef::name(format!("step{i}")),
            formula: format!("=IF(step{p}>=0,SUM(step{p},1),IFERROR(1/0,0))", p = i - 1),
        });
    }
    assert!(wb.apply(edits).is_ok());
    assert_eq!(wb.value("step9999"), Some(n("9999")));
    assert!(wb.set_value("step0", n("1")).is_ok());
    assert_eq!(wb.value("step9999"), Some(n("10000")));
}

// ------------------------------------------------------------------ hostile xlsx files

mod xlsx_files {
    use std::io::{Cursor, Write};
    use std::path::{Path, PathBuf};
    use std::time::{Duration, Instant};

    use kachi::xlsx::guard::{self, ArchiveLimits, GuardError};
    use kachi::xlsx::{read_model, ReadModelError};
    use kachi::Model;
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    /// A zip of the given parts (deflated).
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, data) in parts {
            if let Err(e) = w
                .start_file(*name, options)
                .and_then(|_| Ok(w.write_all(data)?))
            {
                panic!("{name}: {e}");
            }
        }
        match w.finish() {
            Ok(c) => c.into_inner(),
            Err(e) => panic!("{e}"),
        }
    }

    /// The smallest xlsx calamine opens: one sheet named Model with the given sheet XML.
    fn xlsx_with_sheet(sheet: &str) -> Vec<u8> {
        xlsx_with_parts(sheet, &[])
    }

    fn xlsx_with_parts(sheet: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
        let workbook = r#"<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Model" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        let root_rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let types = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
        let mut parts: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", root_rels.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ];
        parts.extend_from_slice(extra);
        zip_of(&parts)
    }

    fn sheet_xml(cells: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
        )
    }

    /// Rewrites the uncompressed size of part `name` in its local header and in the central
    /// directory (the zip bomb's lie).
    fn declare_size(zip: &mut [u8], name: &str, size: u32) {
        let mut patched = 0;
        for i in 0..zip.len().saturating_sub(46) {
            let (sig, size_at, name_len_at, name_at) = match zip[i..i + 4] {
                [0x50, 0x4b, 0x03, 0x04] => ("local", 22, 26, 30),
                [0x50, 0x4b, 0x01, 0x02] => ("central", 24, 28, 46),
                _ => continue,
            };
            let len = u16::from_le_bytes([zip[i + name_len_at], zip[i + name_len_at + 1]]);
            let start = i + name_at;
            if zip.get(start..start + len as usize) == Some(name.as_bytes()) {
                zip[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
                let _ = sig;
            }
        }
        assert_eq!(patched, 2, "{name}: local header and central directory");
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, bytes) {
            panic!("{e}");
        }
        path
    }

    fn tempdir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Reads with the default limits, in bounded time; the error, or a model that works.
    fn read_bounded(path: &Path) -> Result<Model, ReadModelError> {
        let started = Instant::now();
        let result = read_model(path);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{}: {:?}",
            path.display(),
            started.elapsed()
        );
        if let Ok(model) = &result {
            let mut model = model.clone();
            assert!(model.scenario_table().is_ok());
            let _ = model.owners();
            assert!(Model::from_json_str(&model.to_json_string(), "again").is_ok());
        }
        result
    }

    fn exported_fixture(dir: &Path) -> Vec<u8> {
        let mut model =
            Model::load(Path::new("fixtures/flea_market.json")).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join("flea_market.xlsx");
        if let Err(e) = kachi::xlsx::export_model(&mut model, &path) {
            panic!("{e}");
        }
        std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_part_declaring_gigabytes_is_refused_before_unpacking() {
        let dir = tempdir();
        let sheet = sheet_xml(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#);
        let mut bytes = xlsx_with_parts(&sheet, &[("xl/media/image1.bin", b"tiny")]);
        declare_size(&mut bytes, "xl/media/image1.bin", 3 << 30);
        let path = write(dir.path(), "bomb.xlsx", &bytes);
        match read_bounded(&path) {
            Err(ReadModelError::Refused(GuardError::PartTooLarge { part, .. })) => {
                assert_eq!(part, "xl/media/image1.bin")
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn parts_declaring_gigabytes_in_all_are_refused() {
        let dir = tempdir();
        let sheet = sheet_xml("");
        let names: Vec<String> = (0..6).map(|i| format!("xl/media/image{i}.bin")).collect();
        let extra: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
        let mut bytes = xlsx_with_parts(&sheet, &extra);
        for name in &names {
            declare_size(&mut bytes, name, 200 << 20);
        }
        let path = write(dir.path(), "bombs.xlsx", &bytes);
        let err = read_bounded(&path).err();
        assert!(
            matches!(
                err,
                Some(ReadModelError::Refused(GuardError::TotalTooLarge { .. }))
            ),
            "{err:?}"
        );
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("zip bomb"), "{message}");
    }

    #[test]
    fn highly_compressible_parts_are_bounded() {
        // 8 MiB of blanks compress to a few KiB.
        let dir = tempdir();
        let padding = " ".repeat(8 << 20);
        let sheet = sheet_xml(&padding);
        let honest = xlsx_with_sheet(&sheet);
        assert!(
            honest.len() < 64 << 10,
            "compressed to {} bytes",
            honest.len()
        );
        let path = write(dir.path(), "honest.xlsx", &honest);
        // Over a (scaled-down) limit: refused.
        let limits = ArchiveLimits {
            max_part_bytes: 1 << 20,
            max_total_bytes: 4 << 20,
            ..ArchiveLimits::DEFAULT
        };
        let err = guard::check_with(&path, &limits).err();
        assert!(
            matches!(&err, Some(GuardError::PartTooLarge { size, .. }) if *size > 8 << 20),
            "{err:?}"
        );
        // Under the default limits: read, and found to be no model.
        let result = read_bounded(&path);
        assert!(
            matches!(result, Err(ReadModelError::Layout { .. })),
            "{result:?}"
        );

        // The same part declaring 100 bytes: the zip reader stops it there, so nothing
        // unpacks past the declared size; the file is an error, not a model.
        let mut liar = honest.clone();
        declare_size(&mut liar, "xl/worksheets/sheet1.xml", 100);
        let path = write(dir.path(), "liar.xlsx", &liar);
        assert!(guard::check_with(&path, &limits).is_ok());
        let result = read_bounded(&path);
        assert!(
            matches!(
                result,
                Err(ReadModelError::Open { .. } | ReadModelError::MissingSheet { .. })
            ),
            "{result:?}"
        );
    }

    #[test]
    fn a_sheet_spanning_the_whole_grid_is_refused() {
        // Two cells, A1 and XFD1048576: calamine would allocate 17 billion cells (550 GB).
        let dir = tempdir();
        let sheet = sheet_xml(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#,
        );
        let path = write(dir.path(), "corners.xlsx", &xlsx_with_sheet(&sheet));
        let err = read_bounded(&path).err();
        assert!(
            matches!(
                &err,
                Some(ReadModelError::Refused(GuardError::SheetTooLarge {
                    rows: 1_048_576,
                    cols: 16_384,
                    ..
                }))
            ),
            "{err:?}"
        );
        // Cells without positions, placed by counting, are counted the same way.
        let row: String = "<c><v>1</v></c>".repeat(20_000);
        let sheet = sheet_xml(&format!(
            r#"<row r="1">{row}</row><row r="1048576"><c r="A1048576"><v>2</v></c></row>"#
        ));
        let path = write(dir.path(), "wide.xlsx", &xlsx_with_sheet(&sheet));
        let err = read_bounded(&path).err();
        assert!(
            matches!(
                &err,
                Some(ReadModelError::Refused(GuardError::SheetTooLarge { .. }))
            ),
            "{err:?}"
        );
    }

    #[test]
    fn references_calamine_cannot_take_are_refused() {
        let dir = tempdir();
        for (label, cells) in [
            // A shared-formula index sizes calamine's table of shared formulas.
            (
                "si",
                r#"<row r="1"><c r="A1"><f t="shared" si="99999999999" ref="A1:A2">1</f><v>1</v></c></row>"#,
            ),
            // Reversed ranges and columns past XFD overflow calamine's arithmetic.
            (
                "reversed",
                r#"<row r="1"><c r="A1"><f t="shared" si="0" ref="B2:A1">1</f></c></row>"#,
            ),
            (
                "column",
                r#"<row r="1"><c r="AAAAAAAAAAA1"><v>1</v></c></row>"#,
            ),
            ("row", r#"<row r="99999999999"><c><v>1</v></c></row>"#),
            (
                "twice",
                r#"<row r="1"><c r="A1" r="XFD1"><v>1</v></c></row>"#,
            ),
        ] {
            let path = write(
                dir.path(),
                &format!("{label}.xlsx"),
                &xlsx_with_sheet(&sheet_xml(cells)),
            );
            let err = read_bounded(&path).err();
            assert!(
                matches!(
                    &err,
                    Some(ReadModelError::Refused(GuardError::Malformed { .. }))
                ),
                "{label}: {err:?}"
            );
        }
        let dimension = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="C3:A1"/><sheetData/></worksheet>"#;
        let path = write(dir.path(), "dimension.xlsx", &xlsx_with_sheet(dimension));
        assert!(matches!(
            read_bounded(&path),
            Err(ReadModelError::Refused(GuardError::Malformed { .. }))
        ));
    }

    #[test]
    fn a_workbook_truncated_at_every_percent_gives_a_model_or_an_error() {
        let dir = tempdir();
        let whole = exported_fixture(dir.path());
        let path = dir.path().join("cut.xlsx");
        let mut models = 0;
        for percent in 0..=100 {
            let cut = &whole[..whole.len() * percent / 100];
            if let Err(e) = std::fs::write(&path, cut) {
                panic!("{e}");
            }
            match read_bounded(&path) {
                Ok(_) => models += 1,
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
        // The whole file reads back.
        assert!(models >= 1);
        assert!(read_bounded(&path).is_ok());
    }

    #[test]
    fn not_a_workbook_at_all() {
        let dir = tempdir();
        for (name, bytes) in [
            ("empty.xlsx", &b""[..]),
            ("text.xlsx", &b"name,value\nstaff,20\n"[..]),
            ("zip-of-nothing.xlsx", &zip_of(&[])[..]),
            ("missing.xlsx", &b"PK\x03\x04"[..]),
        ] {
            let path = write(dir.path(), name, bytes);
            assert!(read_bounded(&path).is_err(), "{name}");
        }
        assert!(read_bounded(&dir.path().join("absent.xlsx")).is_err());
    }
}

#[test]
fn the_command_line_ends_quietly_when_its_output_is_closed() {
    // `kachi functions | head -1` used to end with a panic message.
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_kachi"))
        .arg("functions")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    drop(child.stdout.take());
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(!stderr.contains("panicked"), "{stderr}");
    // 141 (128 + SIGPIPE) as shells report it; 0 if the child wrote everything first.
    assert!(matches!(status.code(), Some(0 | 141)), "{status:?}");
}
