//! Monte Carlo throughput on the flea-market model (issue: value analysis): its five labour
//! parameters and the ops cost get distributions (all six kinds of draw but lognormal are
//! cheap; PERT uses the beta quantile), and `simulate` runs end to end (sampling, the
//! incremental recalculation of net_value_per_day's dependents per sample, statistics and the
//! contribution ranking) at 100,000 and 1,000,000 samples. Criterion reports the time per
//! run; samples per second = samples / time.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use kachi::analysis::{simulate, SamplingMethod, SimulationOptions};
use kachi::model::{DistributionSpec, Model};

fn num(text: &str) -> serde_json::Number {
    serde_json::Number::from_string_unchecked(text.to_string())
}

fn triangular(low: &str, mode: &str, high: &str) -> DistributionSpec {
    DistributionSpec::Triangular {
        low: num(low),
        mode: num(mode),
        high: num(high),
    }
}

/// The flea-market fixture with its uncertain parameters given distributions.
fn flea_market_with_distributions() -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/flea_market.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut spec = kachi::model::file::parse_spec(&text).unwrap_or_else(|e| panic!("{e:?}"));
    let dists = [
        ("staff_before", triangular("18", "20", "22")),
        (
            "staff_after",
            DistributionSpec::Pert {
                low: num("1"),
                mode: num("2"),
                high: num("6"),
            },
        ),
        ("hours_before", triangular("7", "7.5", "8")),
        (
            "hours_after",
            DistributionSpec::Uniform {
                low: num("6"),
                high: num("8"),
            },
        ),
        (
            "hourly_wage",
            DistributionSpec::Normal {
                mean: num("1200"),
                sd: num("100"),
            },
        ),
        (
            "ops_cost_per_day",
            DistributionSpec::Lognormal {
                mean: num("12000"),
                sd: num("3000"),
            },
        ),
    ];
    for (cell, dist) in dists {
        if let Some((_, spec)) = spec.cells.0.iter_mut().find(|(n, _)| n == cell) {
            spec.distribution = Some(dist);
        }
    }
    Model::from_spec(&spec, "flea_market.json").unwrap_or_else(|e| panic!("{e}"))
}

fn bench_simulate(c: &mut Criterion) {
    let model = flea_market_with_distributions();
    let mut group = c.benchmark_group("simulate_flea_market");
    group.sample_size(10);
    for (samples, method) in [
        (100_000, SamplingMethod::MonteCarlo),
        (1_000_000, SamplingMethod::MonteCarlo),
        (1_000_000, SamplingMethod::LatinHypercube),
    ] {
        let options = SimulationOptions {
            samples,
            seed: 7,
            method,
            ..SimulationOptions::default()
        };
        group.throughput(Throughput::Elements(samples as u64));
        group.bench_function(format!("{}_{samples}", method.name()), |b| {
            b.iter(|| {
                simulate(&model, "net_value_per_day", &options).unwrap_or_else(|e| panic!("{e}"))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_simulate);
criterion_main!(benches);
