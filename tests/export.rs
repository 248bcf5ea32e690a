//! Export to .xlsx: layout, live formulas and defined names, lossless round trip for every
//! fixture, atomic writes, and an independent check by LibreOffice (skipped, with a message,
//! when LibreOffice is not installed; `.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_auto, Data, Reader};

use kachi::model::Model;
use kachi::xlsx::{export_model, read_model, ExportError};
use kachi::Value;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Model {
    Model::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kachi-export-{tag}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn number(d: Option<&Data>) -> Option<f64> {
    match d? {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    v.as_number().map(kachi::numeric::to_f64)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn flea_market_layout_names_and_live_formulas() {
    let dir = temp_dir("layout");
    let out = dir.join("flea.xlsx");
    let mut model = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/flea_market.json"));
    let summary = export_model(&mut model, &out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.sheets, vec!["Model", "Scenarios", "Owners"]);
    assert_eq!(summary.defined_names, model.cells().len());
    let mut book = open_workbook_auto(&out).unwrap_or_else(|e| panic!("{e}"));
    let names = book.defined_names().to_vec();
    assert!(
        names.contains(&("staff_after".to_string(), "Model!$B$6".to_string())),
        "{names:?}"
    );
    let values = book
        .worksheet_range("Model")
        .unwrap_or_else(|e| panic!("{e}"));
    let formulas = book
        .worksheet_formula("Model")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        values.get_value((0, 0)),
        Some(&Data::String("Flea market counterfeit checks".into()))
    );
    let header: Vec<String> = (0..6)
        .map(|c| {
            values
                .get_value((3, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        header,
        vec!["Name", "Value", "Unit", "Owner", "Note", "Formula"]
    );
    // value_per_day is row 10 (zero-based 9): a live formula over names, cached as 162000.
    assert_eq!(
        values.get_value((9, 0)),
        Some(&Data::String("value_per_day".into()))
    );
    assert_eq!(
        formulas.get_value((9, 1)).map(String::as_str),
        Some("(staff_before*hours_before-staff_after*hours_after)*hourly_wage")
    );
    assert_eq!(number(values.get_value((9, 1))), Some(162000.0));
    // Scenario columns cache kachi's values: base, then the two scenarios.
    let scen = book
        .worksheet_range("Scenarios")
        .unwrap_or_else(|e| panic!("{e}"));
    let row = (4..40)
        .find(|r| scen.get_value((*r, 0)) == Some(&Data::String("value_per_day".into())))
        .unwrap_or_else(|| panic!("no value_per_day row"));
    let got: Vec<Option<f64>> = (2..5).map(|c| number(scen.get_value((row, c)))).collect();
    assert_eq!(got, vec![Some(162000.0), Some(90000.0), Some(156000.0)]);
    let owners = book
        .worksheet_range("Owners")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        owners.get_value((0, 0)),
        Some(&Data::String("Owner".into()))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_fixture_round_trips_json_xlsx_json() {
    let dir = temp_dir("roundtrip");
    for path in fixtures() {
        let mut model = load(&path);
        let out = dir.join(format!(
            "{}.xlsx",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or("m")
        ));
        export_model(&mut model, &out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let back = read_model(&out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(back.name, model.name, "{}", path.display());
        assert_eq!(back.statement, model.statement, "{}", path.display());
        assert_eq!(back.cells(), model.cells(), "{}", path.display());
        assert_eq!(back.scenarios(), model.scenarios(), "{}", path.display());
        assert_eq!(
            back.to_json_string(),
            model.to_json_string(),
            "{}",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn failed_exports_leave_existing_files_alone() {
    let dir = temp_dir("atomic");
    let out = dir.join("keep.xlsx");
    std::fs::write(&out, b"precious").unwrap_or_else(|e| panic!("{e}"));
    // A name Excel rejects (valid for kachi? no: kachi refuses it too, so build via JSON with a
    // name that is only invalid for Excel: longer than 255 characters is refused by both).
    let mut model =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bottle_inspection.json"));
    let missing_dir = dir.join("no/such/folder/out.xlsx");
    let err = export_model(&mut model, &missing_dir).err();
    assert!(matches!(err, Some(ExportError::Io { .. })), "{err:?}");
    assert!(!missing_dir.exists());
    // A successful export over the file replaces it; nothing is left behind.
    export_model(&mut model, &out).unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(
        std::fs::read(&out).unwrap_or_default(),
        b"precious".to_vec()
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("kachi-tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn names_excel_refuses_are_reported_at_export() {
    // `\x` is a valid name in kachi's formulas, but Excel reserves a backslash and one letter.
    let text =
        r#"{"cells": {"ok": {"value": 1}, "\\x": {"value": 2}, "total": {"formula": "=ok+\\x"}}}"#;
    let mut model = Model::from_json_str(text, "m.json").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(model.value("total"), Some(Value::from(3)));
    let dir = temp_dir("names");
    let out = dir.join("m.xlsx");
    match export_model(&mut model, &out) {
        Err(ExportError::InvalidNames { count, names }) => {
            assert_eq!(count, 1);
            assert_eq!(names, "\\x");
        }
        other => panic!("expected InvalidNames, got {other:?}"),
    }
    assert!(!out.exists(), "nothing is written");
    let _ = std::fs::remove_dir_all(dir);
}

fn soffice_available() -> bool {
    Command::new("soffice")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
        && Command::new("/usr/bin/python3")
            .args(["-c", "import uno"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
}

/// LibreOffice, an independent spreadsheet, recalculates every exported fixture and must get
/// kachi's values for every cell and every scenario column.
#[test]
fn libreoffice_recalculates_to_kachis_values() {
    if !soffice_available() {
        println!(
            "skipped: LibreOffice (soffice + python3-uno) is not installed; `.ci/run` installs it"
        );
        return;
    }
    let dir = temp_dir("lo");
    let mut args = Vec::new();
    let mut cases = Vec::new();
    for path in fixtures() {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("m")
            .to_string();
        let mut model = load(&path);
        let out = dir.join(format!("{stem}.xlsx"));
        let recalculated = dir.join(format!("{stem}.lo.xlsx"));
        export_model(&mut model, &out).unwrap_or_else(|e| panic!("{e}"));
        let table = model.scenario_table().unwrap_or_else(|e| panic!("{e}"));
        args.push(out.display().to_string());
        args.push(recalculated.display().to_string());
        cases.push((path, recalculated, table));
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/lo_recalc.py");
    let status = Command::new("/usr/bin/python3")
        .arg(&script)
        .args(&args)
        .status()
        .unwrap_or_else(|e| panic!("cannot run LibreOffice: {e}"));
    assert!(status.success(), "LibreOffice recalculation failed");
    let mut compared = 0;
    for (path, recalculated, table) in cases {
        let mut book = open_workbook_auto(&recalculated)
            .unwrap_or_else(|e| panic!("{}: {e}", recalculated.display()));
        let model_sheet = book
            .worksheet_range("Model")
            .unwrap_or_else(|e| panic!("{e}"));
        for (i, name) in table.rows.iter().enumerate() {
            let ours = &table.values[i][0];
            let theirs = model_sheet.get_value((4 + i as u32, 1));
            check(&path, name, "Model", ours, theirs);
            compared += 1;
        }
        let scen = book
            .worksheet_range("Scenarios")
            .unwrap_or_else(|e| panic!("{e}"));
        for r in 4..(4 + table.rows.len() as u32) {
            let Some(Data::String(name)) = scen.get_value((r, 0)) else {
                continue;
            };
            let i = table
                .rows
                .iter()
                .position(|n| n == name)
                .unwrap_or_else(|| panic!("{name}"));
            for (c, scenario) in table.columns.iter().enumerate() {
                check(
                    &path,
                    name,
                    scenario,
                    &table.values[i][c],
                    scen.get_value((r, 2 + c as u32)),
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "compared only {compared} cells");
    let _ = std::fs::remove_dir_all(dir);
}

fn check(path: &Path, cell: &str, column: &str, ours: &Value, theirs: Option<&Data>) {
    let label = format!("{} {cell} [{column}]", path.display());
    match (ours, theirs) {
        (Value::Number(_), Some(d)) => {
            let a = as_f64(ours).unwrap_or(f64::NAN);
            let b = number(Some(d)).unwrap_or(f64::NAN);
            assert!(close(a, b), "{label}: kachi {a}, LibreOffice {d:?}");
        }
        (Value::Bool(b), Some(Data::Bool(x))) => assert_eq!(b, x, "{label}"),
        // LibreOffice stores logical results as numbers 1/0 with a boolean format.
        (Value::Bool(b), Some(Data::Float(x))) => {
            assert_eq!(f64::from(u8::from(*b)), *x, "{label}")
        }
        (Value::Text(t), Some(Data::String(s))) => assert_eq!(&**t, s.as_str(), "{label}"),
        (Value::Error(_), Some(Data::Error(_))) => {}
        (ours, theirs) => panic!("{label}: kachi {ours:?}, LibreOffice {theirs:?}"),
    }
}
