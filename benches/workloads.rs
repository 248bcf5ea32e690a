//! The peer benchmark's workloads W1..W4 (`../shared/peers/README.md`) under criterion: build +
//! full calculation from the cell contents, and one edit + incremental recalculation, with the
//! same cells and edits as `examples/peer_bench.rs` (both use `benches/common/workloads.rs`).
//! `cargo bench --bench workloads` (a few minutes; sample sizes are kept small).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use kachi::functions::SheetId;
use kachi::Workbook;

#[path = "common/workloads.rs"]
mod workloads;

const WORKLOADS: [&str; 4] = ["W1", "W2", "W3", "W4"];

/// Build + calc as `peer_bench` times it: `load_cells` sets every cell and calculates.
fn build(input: &workloads::Input) -> Workbook {
    let mut wb = Workbook::new();
    if let Ok(sheet) = wb.add_sheet("Sheet1") {
        let _ = wb.load_cells(sheet, input.contents());
    }
    wb
}

fn build_calc(c: &mut Criterion) {
    let mut group = c.benchmark_group("build+calc");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for w in WORKLOADS {
        let n = workloads::default_n(w).unwrap_or(0) as u32;
        let Some(input) = workloads::cells(w, n) else {
            continue;
        };
        group.bench_function(format!("{w}/{n}"), |b| {
            b.iter_batched(|| (), |()| build(&input), BatchSize::PerIteration)
        });
    }
    group.finish();
}

fn edit_recalc(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit+recalc");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for w in WORKLOADS {
        let n = workloads::default_n(w).unwrap_or(0) as u32;
        let Some(input) = workloads::cells(w, n) else {
            continue;
        };
        let mut wb = build(&input);
        drop(input);
        let mut e = 0usize;
        group.bench_function(format!("{w}/{n}"), |b| {
            b.iter(|| {
                let Some((row, col, x)) = workloads::edit_target(w, n, e) else {
                    return;
                };
                e += 1;
                if let Some(id) = wb.cell_at(SheetId(0), row - 1, col - 1) {
                    wb.set_value_counted(id, workloads::number(x));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, build_calc, edit_recalc);
criterion_main!(benches);
