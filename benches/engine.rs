//! Issue #2's engine benchmarks: build and full calculation of a 100,000-cell chain and of
//! 20,000 copies of the flea-market model; one edit in the copies model at 2,000 and 20,000
//! copies (it must not grow with the number of copies).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rust_decimal::Decimal;

use kachi::{CellId, CellRef, Edit, Value, Workbook};

fn chain_edits(n: u32) -> Vec<Edit> {
    let mut edits = Vec::with_capacity(n as usize);
    edits.push(Edit::SetValue {
        target: CellRef::grid("Sheet1", 0, 0),
        value: Value::Number(Decimal::ONE),
    });
    for r in 1..n {
        edits.push(Edit::SetFormula {
            target: CellRef::grid("Sheet1", r, 0),
            formula: format!("=A{r}+1"),
        });
    }
    edits
}

/// `copies` flea-market models side by side, one per row of a sheet (A..E inputs, F..H outputs).
fn flea_copies_edits(copies: u32) -> Vec<Edit> {
    let mut edits = Vec::with_capacity(copies as usize * 8);
    let inputs = [("20", 0), ("2", 1), ("7.5", 2), ("7.5", 3), ("1200", 4)];
    for r in 0..copies {
        let row = r + 1;
        for (v, c) in inputs {
            edits.push(Edit::SetValue {
                target: CellRef::grid("Sheet1", r, c),
                value: Value::Number(v.parse().unwrap_or_default()),
            });
        }
        edits.push(Edit::SetFormula {
            target: CellRef::grid("Sheet1", r, 5),
            formula: format!("=(A{row}*C{row}-B{row}*D{row})*E{row}"),
        });
        edits.push(Edit::SetFormula {
            target: CellRef::grid("Sheet1", r, 6),
            formula: format!("=F{row}-12000"),
        });
        edits.push(Edit::SetFormula {
            target: CellRef::grid("Sheet1", r, 7),
            formula: format!("=30000000/G{row}"),
        });
    }
    edits
}

fn build(edits: Vec<Edit>) -> Workbook {
    let mut wb = Workbook::new();
    let _ = wb.add_sheet("Sheet1");
    if let Err(e) = wb.apply(edits) {
        panic!("{e}");
    }
    wb
}

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build+calc");
    group.sample_size(10);
    group.bench_function("chain 100000", |b| {
        b.iter_batched(|| chain_edits(100_000), build, BatchSize::LargeInput)
    });
    group.bench_function("flea copies 20000", |b| {
        b.iter_batched(|| flea_copies_edits(20_000), build, BatchSize::LargeInput)
    });
    group.finish();
}

fn bench_edit(c: &mut Criterion) {
    let mut group = c.benchmark_group("one edit");
    for copies in [2_000u32, 20_000] {
        let mut wb = build(flea_copies_edits(copies));
        let ids: Vec<CellId> = (0..copies)
            .map(|r| {
                wb.cell_id(&CellRef::grid("Sheet1", r, 1))
                    .unwrap_or_else(|| panic!("cell"))
            })
            .collect();
        let mut i = 0usize;
        group.bench_function(format!("flea copies {copies}"), |b| {
            b.iter(|| {
                i += 1;
                let id = ids[(i * 7919) % ids.len()];
                wb.set_value_of(id, Value::Number(Decimal::from(2 + (i % 9) as i64)))
            })
        });
    }
    let mut chain = build(chain_edits(100_000));
    let a1 = chain
        .cell_id(&CellRef::grid("Sheet1", 0, 0))
        .unwrap_or_else(|| panic!("A1"));
    let mut k = 0i64;
    group.sample_size(20);
    group.bench_function("chain 100000 (all dirty)", |b| {
        b.iter(|| {
            k += 1;
            chain.set_value_of(a1, Value::Number(Decimal::from(k)))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_build, bench_edit);
criterion_main!(benches);
