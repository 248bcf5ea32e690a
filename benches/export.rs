//! Exporting a 100,000-cell value model to .xlsx (constant-memory mode applies above 5,000 cells).
//! Peak memory: `/usr/bin/time -v target/release/kachi export /tmp/kachi-100k.json -o /tmp/k.xlsx`
//! after `cargo bench --bench export` has written that model file.

use criterion::{criterion_group, criterion_main, Criterion};

use kachi::model::Model;
use kachi::xlsx::export_model;

/// 50,000 parameters and 50,000 formulas over them, with units and owners.
fn big_model_json(cells: usize) -> String {
    let mut out = String::from("{\"name\": \"big\", \"statement\": \"100k cells\", \"cells\": {\n");
    let half = cells / 2;
    for i in 0..half {
        out.push_str(&format!(
            "\"param_{i}\": {{\"value\": {}.5, \"unit\": \"yen\", \"owner\": \"team {}\"}},\n",
            i % 1000,
            i % 7
        ));
    }
    for i in 0..half {
        let sep = if i + 1 == half { "" } else { "," };
        out.push_str(&format!(
            "\"out_{i}\": {{\"formula\": \"=param_{i}*2+param_{}\", \"unit\": \"yen/day\"}}{sep}\n",
            (i + 1) % half
        ));
    }
    out.push_str("}, \"scenarios\": {\"double p0\": {\"param_0\": 2}}}\n");
    out
}

fn bench_export(c: &mut Criterion) {
    let json = big_model_json(100_000);
    let _ = std::fs::write(std::env::temp_dir().join("kachi-100k.json"), &json);
    let mut model = Model::from_json_str(&json, "big.json").unwrap_or_else(|e| panic!("{e}"));
    let out = std::env::temp_dir().join(format!("kachi-bench-{}.xlsx", std::process::id()));
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("model 100000 cells", |b| {
        b.iter(|| export_model(&mut model, &out).unwrap_or_else(|e| panic!("{e}")))
    });
    group.finish();
    let _ = std::fs::remove_file(out);
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
