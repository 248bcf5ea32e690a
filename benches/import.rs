//! Importing a workbook of 100,000 formulas: calamine reading the file on its own (values and
//! formulas, its ordinary `worksheet_range` + `worksheet_formula` API, and the one-pass cell
//! reader kachi uses), against kachi's whole import (container checks, reading, one batch of
//! edits, full computation). `cargo bench --bench import`.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Reader, Xlsx};
use criterion::{criterion_group, criterion_main, Criterion};
use rust_xlsxwriter::{Formula, Workbook};

const PRODUCT_ROWS: u32 = 90_000;
const SUM_ROWS: u32 = 10_000;

/// 90,000 rows of numbers with `=A{r}*B{r}+C{r}` in D, and 10,000 `=SUM(D{r}:D{r+9})` in E:
/// 100,000 formulas, with saved results as Excel would write them.
fn write_workbook(path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory()?;
    for r in 0..PRODUCT_ROWS {
        let n = r + 1;
        let a = f64::from(r % 1000);
        let b = 0.5 + f64::from(r % 7);
        ws.write_number(r, 0, a)?;
        ws.write_number(r, 1, b)?;
        ws.write_number(r, 2, 1.0)?;
        let formula =
            Formula::new(format!("=A{n}*B{n}+C{n}")).set_result(format!("{}", a * b + 1.0));
        ws.write_formula(r, 3, formula)?;
        if r < SUM_ROWS {
            ws.write_formula(r, 4, Formula::new(format!("=SUM(D{n}:D{})", n + 9)))?;
        }
    }
    wb.save(path)
}

/// calamine's ordinary API: a dense value range and a dense formula range per sheet.
fn calamine_ranges(path: &Path) -> usize {
    let Ok(mut book) = calamine::open_workbook::<Xlsx<BufReader<File>>, _>(path) else {
        return 0;
    };
    let mut cells = 0;
    for name in book.sheet_names() {
        if let Ok(values) = book.worksheet_range(&name) {
            cells += values.used_cells().count();
        }
        if let Ok(formulas) = book.worksheet_formula(&name) {
            cells += formulas.used_cells().count();
        }
    }
    cells
}

/// calamine's one-pass cell reader (values and formulas together), as kachi reads sheets.
fn calamine_cell_reader(path: &Path) -> usize {
    let Ok(mut book) = calamine::open_workbook::<Xlsx<BufReader<File>>, _>(path) else {
        return 0;
    };
    let mut cells = 0;
    for name in book.sheet_names() {
        let Ok(mut reader) = book.worksheet_cells_reader(&name) else {
            continue;
        };
        while let Ok(Some(cell)) = reader.next_cell_with_formula() {
            cells += usize::from(cell.formula.is_some()) + 1;
        }
    }
    cells
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("formulas-100k.xlsx");
    write_workbook(&path).expect("write the workbook");
    let mut group = c.benchmark_group("import 100k formulas");
    group.sample_size(10);
    group.bench_function("calamine worksheet_range + worksheet_formula", |b| {
        b.iter(|| calamine_ranges(&path))
    });
    group.bench_function("calamine cell reader (values + formulas)", |b| {
        b.iter(|| calamine_cell_reader(&path))
    });
    group.bench_function("kachi import + full computation", |b| {
        b.iter(|| {
            let book = kachi::xlsx::import(&path).expect("import");
            assert_eq!(book.formula_cells.len(), (PRODUCT_ROWS + SUM_ROWS) as usize);
            book
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
