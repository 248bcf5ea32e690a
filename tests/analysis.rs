//! Sensitivity, goal seek and Monte Carlo on the fixtures, against answers worked out by hand.

use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

use kachi::analysis::goal_seek::outputs_at;
use kachi::analysis::svg::{histogram_svg, tornado_svg};
use kachi::analysis::{
    goal_seek, sensitivity, simulate, write_samples_csv, AnalysisError, GoalSeekOutcome,
    GoalSeekRequest, RangeSource, SamplingMethod, SensitivityOptions, Simulation,
    SimulationOptions, SwingSource,
};
use kachi::model::{DistributionSpec, Model, ModelSpec};
use kachi::numeric::{self, snap15};
use kachi::Value;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load(name: &str) -> Model {
    Model::from_json_str(&fixture_text(name), name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A fixture with distributions given to some of its parameters.
fn with_distributions(name: &str, dists: &[(&str, DistributionSpec)]) -> Model {
    let mut spec: ModelSpec = kachi::model::file::parse_spec(&fixture_text(name))
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    for (cell, dist) in dists {
        let entry = spec
            .cells
            .0
            .iter_mut()
            .find(|(n, _)| n == cell)
            .unwrap_or_else(|| panic!("no cell {cell}"));
        entry.1.distribution = Some(dist.clone());
    }
    Model::from_spec(&spec, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn num(n: f64) -> serde_json::Number {
    serde_json::Number::from_string_unchecked(format!("{n}"))
}

fn uniform(low: f64, high: f64) -> DistributionSpec {
    DistributionSpec::Uniform {
        low: num(low),
        high: num(high),
    }
}

fn request(output: &str, target: &str, vary: &str) -> GoalSeekRequest {
    GoalSeekRequest {
        output: output.to_string(),
        target: d(target),
        vary: vary.to_string(),
        low: None,
        high: None,
    }
}

fn solved(outcome: &GoalSeekOutcome) -> (Decimal, Decimal, bool) {
    match outcome {
        GoalSeekOutcome::Solved {
            input,
            output,
            output_rises,
            ..
        } => (*input, *output, *output_rises),
        other => panic!("expected a solution, got {other:?}"),
    }
}

fn assert_close(actual: Decimal, expected: Decimal, tolerance: &str) {
    let diff = (actual - expected).abs();
    assert!(
        diff <= d(tolerance),
        "{actual} differs from {expected} by {diff} (tolerance {tolerance})"
    );
}

// ------------------------------------------------------------------ goal seek

#[test]
fn flea_market_break_even_staff_after() {
    // (20×7.5 − s×7.5)×1200 − 12000 = 0  ⇔  s = (150 − 10) / 7.5 = 56/3 = 18.666…
    let m = load("flea_market.json");
    let r = goal_seek(&m, &request("net_value_per_day", "0", "staff_after"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.range, RangeSource::Searched);
    assert_eq!(r.base_input, d("2"));
    assert_eq!(r.base_output, d("150000"));
    let (s, out, rises) = solved(&r.outcome);
    assert_close(s, d("56") / d("3"), "1e-24");
    assert_eq!(snap15(s), d("18.6666666666667"));
    assert_close(out, Decimal::ZERO, "1e-15");
    // More checking staff means less value: it breaks even with up to 18.67 people.
    assert!(!rises);
    // The model itself is untouched.
    assert_eq!(m.value("staff_after"), Some(Value::from(2)));
}

#[test]
fn flea_market_payback_and_its_goal_seek() {
    let m = load("flea_market.json");
    // payback_days = 30,000,000 / 150,000 = 200 days.
    assert_eq!(m.value("payback_days"), Some(Value::from(200)));
    // Payback within a year (365 days) allows net = 30e6/365, so
    // s = (150 − (30e6/365 + 12000)/1200) / 7.5 (not linear in s: dev_cost / net).
    let r = goal_seek(&m, &request("payback_days", "365", "staff_after"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (s, out, rises) = solved(&r.outcome);
    let expected = (d("150") - (d("30000000") / d("365") + d("12000")) / d("1200")) / d("7.5");
    assert_close(s, expected, "1e-12");
    assert_close(out, d("365"), "1e-9");
    assert!(rises, "more staff after, longer payback");
    // The answer in context: the other outputs at that staffing.
    let context = outputs_at(&m, "staff_after", s).unwrap_or_else(|e| panic!("{e}"));
    let payback = context
        .iter()
        .find(|(n, _, _)| n == "payback_days")
        .unwrap_or_else(|| panic!("no payback_days"));
    assert_eq!(payback.1, Value::from(200));
    let at = payback.2.as_number().unwrap_or_default();
    assert_close(at, d("365"), "1e-9");
}

#[test]
fn goal_seek_reports_no_solution_with_both_ends() {
    // net = 135·wage − 12000 > 0 for every wage in 1000..2000.
    let m = load("flea_market.json");
    let mut req = request("net_value_per_day", "0", "hourly_wage");
    req.low = Some(d("1000"));
    req.high = Some(d("2000"));
    let r = goal_seek(&m, &req).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.range, RangeSource::Given);
    match r.outcome {
        GoalSeekOutcome::NoSolution {
            low,
            high,
            output_at_low,
            output_at_high,
        } => {
            assert_eq!((low, high), (d("1000"), d("2000")));
            assert_eq!(output_at_low, Value::from(123000));
            assert_eq!(output_at_high, Value::from(258000));
        }
        other => panic!("expected no solution, got {other:?}"),
    }
}

#[test]
fn goal_seek_reports_a_jump_not_a_root() {
    // payback = 30e6 / net never reaches 0: it jumps from +∞ to −∞ where net = 0.
    let m = load("flea_market.json");
    let mut req = request("payback_days", "0", "staff_after");
    req.low = Some(d("10"));
    req.high = Some(d("30"));
    let r = goal_seek(&m, &req).unwrap_or_else(|e| panic!("{e}"));
    match r.outcome {
        GoalSeekOutcome::Jump { at, .. } => assert_close(at, d("56") / d("3"), "1e-12"),
        other => panic!("expected a jump, got {other:?}"),
    }
}

#[test]
fn goal_seek_outward_search_gives_up() {
    // 1/(1+x²) is never 2: the doubling search must stop (overflow or the cap).
    let text = r#"{"cells": {"x": {"value": 3}, "y": {"formula": "=1/(1+x*x)"}}}"#;
    let m = Model::from_json_str(text, "inline").unwrap_or_else(|e| panic!("{e}"));
    let r = goal_seek(&m, &request("y", "2", "x")).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, GoalSeekOutcome::NoSolution { .. }));
}

#[test]
fn goal_seek_rejects_bad_requests() {
    let m = load("flea_market.json");
    let err = |r: GoalSeekRequest| goal_seek(&m, &r).err();
    assert!(matches!(
        err(request("net_value_per_day", "0", "value_per_day")),
        Some(AnalysisError::NotAnInput { .. })
    ));
    assert!(matches!(
        err(request("staff_before", "0", "staff_after")),
        Some(AnalysisError::NotAnOutput { .. })
    ));
    assert!(matches!(
        err(request("net_value_per_day", "0", "dev_cost")),
        Some(AnalysisError::NotInfluenced { .. })
    ));
    assert!(matches!(
        err(request("nope", "0", "staff_after")),
        Some(AnalysisError::UnknownCell { .. })
    ));
    let mut half = request("net_value_per_day", "0", "staff_after");
    half.low = Some(d("1"));
    assert!(matches!(err(half), Some(AnalysisError::BadOption { .. })));
}

#[test]
fn ml_quality_base_values() {
    let m = load("ml_quality.json");
    assert!(m.warnings().is_empty(), "{:?}", m.warnings());
    let v = |n: &str| {
        snap15(
            m.value(n)
                .and_then(|v| v.as_number())
                .unwrap_or_else(|| panic!("{n}")),
        )
    };
    assert_eq!(v("bad_items_per_day"), d("400"));
    assert_eq!(v("flagged_per_day"), d("600"));
    assert_eq!(v("staff_after"), d("2.66666666666667"));
    assert_eq!(v("labour_saved_per_day"), d("156000"));
    assert_eq!(v("missed_per_day"), d("40"));
    assert_eq!(v("quality_loss_per_day"), d("60000"));
    assert_eq!(v("net_value_per_day"), d("84000"));
    assert_eq!(v("payback_days"), d("357.142857142857"));
}

#[test]
fn ml_quality_recall_needed_to_break_even() {
    // net(r) = 20·7.5·1200 − 400·r·2·1200/(60·0.6) − 400·(1−r)·1500 − 12000
    //        = −432000 + (1720000/3)·r  ⇒  r = 1296000/1720000 = 162/215 ≈ 0.7535.
    let m = load("ml_quality.json");
    let mut req = request("net_value_per_day", "0", "recall");
    req.low = Some(d("0"));
    req.high = Some(d("1"));
    let r = goal_seek(&m, &req).unwrap_or_else(|e| panic!("{e}"));
    let (recall, _, rises) = solved(&r.outcome);
    assert_close(recall, d("162") / d("215"), "1e-20");
    assert!(rises);
    // Within the declared range 0.8..0.95 the project always pays: no break-even there.
    let r = goal_seek(&m, &request("net_value_per_day", "0", "recall"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.range, RangeSource::Declared);
    match r.outcome {
        GoalSeekOutcome::NoSolution {
            output_at_low,
            output_at_high,
            ..
        } => {
            let n = |v: &Value| snap15(v.as_number().unwrap_or_default());
            assert_eq!(n(&output_at_low), d("26666.6666666667"));
            assert_eq!(n(&output_at_high), d("112666.666666667"));
        }
        other => panic!("expected no solution, got {other:?}"),
    }
}

#[test]
fn ml_quality_precision_needed_to_break_even() {
    // net(p) = 108000 − 14400/p (not linear)  ⇒  p = 14400/108000 = 2/15.
    let m = load("ml_quality.json");
    let mut req = request("net_value_per_day", "0", "precision");
    req.low = Some(d("0.05"));
    req.high = Some(d("1"));
    let r = goal_seek(&m, &req).unwrap_or_else(|e| panic!("{e}"));
    let (p, out, _) = solved(&r.outcome);
    assert_close(p, d("2") / d("15"), "1e-18");
    assert_close(out, Decimal::ZERO, "1e-12");
}

// ------------------------------------------------------------------ sensitivity

#[test]
fn flea_market_tornado() {
    // ±20% of each parameter on value_per_day = (sb·hb − sa·ha)·w:
    // staff_before 16..24 and hours_before 6..9 both swing 72,000 (file order breaks the tie),
    // hourly_wage 960..1440 swings 480·135 = 64,800, staff_after and hours_after 7,200.
    let m = load("flea_market.json");
    let t = sensitivity(&m, "value_per_day", &SensitivityOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.base_output, d("162000"));
    let names: Vec<&str> = t.bars.iter().map(|b| b.input.as_str()).collect();
    assert_eq!(
        names,
        [
            "staff_before",
            "hours_before",
            "hourly_wage",
            "staff_after",
            "hours_after"
        ]
    );
    let swings: Vec<Decimal> = t.bars.iter().filter_map(|b| b.swing()).collect();
    assert_eq!(
        swings,
        [d("72000"), d("72000"), d("64800"), d("7200"), d("7200")]
    );
    let first = &t.bars[0];
    assert_eq!((first.low, first.high), (d("16"), d("24")));
    assert_eq!(first.source, SwingSource::Swing);
    assert_eq!(first.owner.as_deref(), Some("checking team"));
    assert_eq!(first.output_at_low, Value::from(126000));
    assert_eq!(first.output_at_high, Value::from(198000));
    assert_eq!(first.delta_low(t.base_output), Some(d("-36000")));
    // Parameters value_per_day does not depend on are skipped, with the reason.
    let skipped: Vec<&str> = t.skipped.iter().map(|(n, _)| n.as_str()).collect();
    assert!(skipped.contains(&"dev_cost") && skipped.contains(&"ops_cost_per_day"));
}

#[test]
fn swing_option_changes_the_range() {
    let m = load("flea_market.json");
    let opts = SensitivityOptions { swing: d("0.5") };
    let t = sensitivity(&m, "net_value_per_day", &opts).unwrap_or_else(|e| panic!("{e}"));
    let wage = t
        .bars
        .iter()
        .find(|b| b.input == "hourly_wage")
        .unwrap_or_else(|| panic!("no wage"));
    assert_eq!((wage.low, wage.high), (d("600"), d("1800")));
    let bad = SensitivityOptions { swing: d("-0.1") };
    assert!(sensitivity(&m, "net_value_per_day", &bad).is_err());
}

#[test]
fn ml_quality_tornado_recall_beats_precision() {
    // Over the declared ranges (worked out in the fixture's comments' terms):
    // recall 0.8..0.95 → 26,667..112,667 (swing 86,000); cost_per_missed_item 1000..2500 →
    // 104,000..44,000 (60,000); prevalence → 42,000; hourly_wage → 39,000; staff_before →
    // 36,000; items_per_day → 33,600; hours_per_person → 24,000; minutes_per_flag → 18,000;
    // precision 0.5..0.8 → 79,200..90,000 (10,800); ops_cost_per_day ±20% → 4,800.
    let m = load("ml_quality.json");
    let t = sensitivity(&m, "net_value_per_day", &SensitivityOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = t.bars.iter().map(|b| b.input.as_str()).collect();
    assert_eq!(
        names,
        [
            "recall",
            "cost_per_missed_item",
            "prevalence",
            "hourly_wage",
            "staff_before",
            "items_per_day",
            "hours_per_person",
            "minutes_per_flag",
            "precision",
            "ops_cost_per_day"
        ]
    );
    let swings: Vec<Decimal> = t
        .bars
        .iter()
        .filter_map(|b| b.swing())
        .map(snap15)
        .collect();
    let expected = [
        "86000", "60000", "42000", "39000", "36000", "33600", "24000", "18000", "10800", "4800",
    ];
    assert_eq!(swings, expected.map(d));
    assert_eq!(t.bars[0].owner.as_deref(), Some("ML team"));
    assert_eq!(t.bars[0].source, SwingSource::Declared);
    assert_eq!(t.skipped.len(), 1, "{:?}", t.skipped); // dev_cost
}

#[test]
fn sensitivity_errors_are_typed() {
    let m = load("flea_market.json");
    let opts = SensitivityOptions::default();
    assert!(matches!(
        sensitivity(&m, "staff_after", &opts),
        Err(AnalysisError::NotAnOutput { .. })
    ));
    // npv uses PV(), which may not be implemented on this branch: either a tornado or a
    // clear "not a number" error, never a panic.
    match sensitivity(&m, "npv", &opts) {
        Ok(t) => assert!(!t.bars.is_empty()),
        Err(e) => assert!(matches!(e, AnalysisError::BaseNotNumeric { .. }), "{e}"),
    }
}

// ------------------------------------------------------------------ simulation

fn flea_uniform_staff_after() -> Model {
    with_distributions("flea_market.json", &[("staff_after", uniform(1.0, 5.0))])
}

fn run(m: &Model, output: &str, samples: usize, method: SamplingMethod) -> Simulation {
    let opts = SimulationOptions {
        samples,
        seed: 7,
        method,
        ..SimulationOptions::default()
    };
    simulate(m, output, &opts).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn simulation_mean_matches_the_linear_model() {
    // net = 150000 − 9000·(s − 2) with s ~ U(1, 5): mean 141,000, sd 9000·4/√12 ≈ 10,392.3;
    // P5 at s = 4.8 → 124,800, P95 at s = 1.2 → 157,200.
    let m = flea_uniform_staff_after();
    let sim = run(&m, "net_value_per_day", 100_000, SamplingMethod::MonteCarlo);
    let sd = 9000.0 * 4.0 / 12f64.sqrt();
    let standard_error = sd / (100_000f64).sqrt();
    assert_eq!(sim.valid, 100_000);
    assert!(
        (sim.mean - 141_000.0).abs() < 5.0 * standard_error,
        "mean {}",
        sim.mean
    );
    assert!((sim.sd - sd).abs() / sd < 0.02, "sd {}", sim.sd);
    assert!((sim.p5 - 124_800.0).abs() < 300.0, "p5 {}", sim.p5);
    assert!((sim.p95 - 157_200.0).abs() < 300.0, "p95 {}", sim.p95);
    assert_eq!(sim.probability_above, 1.0);
    assert!(sim.min >= 114_000.0 && sim.max <= 168_000.0);
    let h = &sim.histogram;
    assert_eq!(h.counts.iter().sum::<u64>() + h.below + h.above, 100_000);
    assert!(h.below <= 101 && h.above <= 101, "{} {}", h.below, h.above);
    assert_eq!(sim.contributions.len(), 1);
    assert!(sim.contributions[0].rank_correlation < -0.999);
}

#[test]
fn latin_hypercube_is_much_closer() {
    let m = flea_uniform_staff_after();
    let sim = run(
        &m,
        "net_value_per_day",
        10_000,
        SamplingMethod::LatinHypercube,
    );
    // Stratified: every 1/10,000 of the range is hit once, so the mean is within a few yen.
    assert!((sim.mean - 141_000.0).abs() < 5.0, "mean {}", sim.mean);
    assert!((sim.p5 - 124_800.0).abs() < 20.0, "p5 {}", sim.p5);
}

#[test]
fn same_seed_same_numbers_on_any_thread_count() {
    let m = with_distributions(
        "ml_quality.json",
        &[("hourly_wage", uniform(1100.0, 1400.0))],
    );
    let on = |threads: usize, method| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        pool.install(|| run(&m, "net_value_per_day", 5_000, method))
    };
    for method in [SamplingMethod::MonteCarlo, SamplingMethod::LatinHypercube] {
        let (one, three) = (on(1, method), on(3, method));
        assert_eq!(one.mean.to_bits(), three.mean.to_bits());
        assert_eq!(one.p95.to_bits(), three.p95.to_bits());
        let bits = |s: &Simulation| {
            s.output_samples
                .iter()
                .map(|x| x.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&one), bits(&three));
        assert_eq!(one.contributions, three.contributions);
    }
    let other_seed = simulate(
        &m,
        "net_value_per_day",
        &SimulationOptions {
            samples: 5_000,
            seed: 8,
            ..SimulationOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(other_seed.mean, on(2, SamplingMethod::MonteCarlo).mean);
}

#[test]
fn contributions_rank_the_inputs_by_variance() {
    // net = … − 9000·s − ops with s ~ U(1,5) (variance 9000²·16/12 = 1.08e8) and
    // ops ~ U(0, 24000) (variance 4.8e7): shares ≈ 69% and 31%.
    let m = with_distributions(
        "flea_market.json",
        &[
            ("staff_after", uniform(1.0, 5.0)),
            ("ops_cost_per_day", uniform(0.0, 24000.0)),
        ],
    );
    let sim = run(&m, "net_value_per_day", 50_000, SamplingMethod::MonteCarlo);
    let c = &sim.contributions;
    assert_eq!(c[0].input, "staff_after");
    assert_eq!(c[0].owner.as_deref(), Some("hiring team"));
    assert!((c[0].share - 0.692).abs() < 0.04, "{c:?}");
    assert!((c[1].share - 0.308).abs() < 0.04, "{c:?}");
    assert!(c.iter().all(|x| x.rank_correlation < 0.0));
    assert!((c.iter().map(|x| x.share).sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn ml_quality_simulation_runs_with_every_distribution() {
    let m = load("ml_quality.json");
    let sim = run(
        &m,
        "net_value_per_day",
        20_000,
        SamplingMethod::LatinHypercube,
    );
    let names: Vec<&str> = sim.inputs.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "items_per_day",
            "prevalence",
            "recall",
            "precision",
            "minutes_per_flag",
            "cost_per_missed_item"
        ]
    );
    // Draws stay inside bounded distributions.
    for i in 0..sim.samples {
        let row = sim.input_row(i);
        assert!((0.75..=0.95).contains(&row[2]), "recall {}", row[2]);
        assert!((0.45..=0.75).contains(&row[3]), "precision {}", row[3]);
    }
    assert!(sim.p5 < sim.p50 && sim.p50 < sim.p95);
    assert!(sim.probability_above > 0.5 && sim.probability_above < 1.0);
    // Recall, with its wide PERT and its effect on missed items, explains more than precision.
    let share = |n: &str| {
        sim.contributions
            .iter()
            .find(|c| c.input == n)
            .map(|c| c.share)
            .unwrap_or_default()
    };
    assert!(share("recall") > share("precision"));
}

#[test]
fn failed_samples_are_counted_not_averaged() {
    // y = 1/(x>0): x ≤ 0 gives #DIV/0!, x > 0 gives 1.
    let text = r#"{"cells": {
        "x": {"value": 0.5, "distribution": {"type": "uniform", "low": -1, "high": 1}},
        "y": {"formula": "=1/(x>0)"}}}"#;
    let m = Model::from_json_str(text, "inline").unwrap_or_else(|e| panic!("{e}"));
    let sim = run(&m, "y", 10_000, SamplingMethod::LatinHypercube);
    assert_eq!(sim.valid, 5_000);
    assert_eq!(sim.failures, vec![("#DIV/0!".to_string(), 5_000)]);
    assert_eq!(sim.mean, 1.0);
    let mut csv = Vec::new();
    write_samples_csv(&sim, &mut csv).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(csv).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "sample,x,y");
    assert_eq!(lines.len(), 10_001);
    assert!(text.contains(",#DIV/0!\n"));
}

#[test]
fn simulation_errors_are_typed() {
    let m = load("flea_market.json");
    assert!(matches!(
        simulate(&m, "net_value_per_day", &SimulationOptions::default()),
        Err(AnalysisError::NoUncertainInputs)
    ));
    let m = flea_uniform_staff_after();
    assert!(matches!(
        simulate(
            &m,
            "payback_days",
            &SimulationOptions {
                samples: 1,
                ..SimulationOptions::default()
            }
        ),
        Err(AnalysisError::BadOption { .. })
    ));
    let m = with_distributions("flea_market.json", &[("dev_cost", uniform(1.0, 2.0))]);
    assert!(matches!(
        simulate(&m, "net_value_per_day", &SimulationOptions::default()),
        Err(AnalysisError::NoUncertainInfluence { .. })
    ));
}

// ------------------------------------------------------------------ charts

#[test]
fn charts_are_svg_documents() {
    let m = load("ml_quality.json");
    let t = sensitivity(&m, "net_value_per_day", &SensitivityOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let svg = tornado_svg(&t);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("recall (ML team)"));
    assert_eq!(svg.matches("<rect").count(), 1 + 2 + 2 * t.bars.len());
    let sim = run(&m, "net_value_per_day", 2_000, SamplingMethod::MonteCarlo);
    let svg = histogram_svg(&sim);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("P95") && svg.contains("threshold"));
}

#[test]
fn tornado_xlsx_has_the_table_and_a_native_bar_chart() {
    let m = load("ml_quality.json");
    let t = sensitivity(&m, "net_value_per_day", &SensitivityOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("tornado.xlsx");
    kachi::xlsx::tornado::write_tornado_xlsx(&t, &path).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{e}"));
        text
    };
    let chart = read("xl/charts/chart1.xml");
    assert!(chart.contains("<c:barDir val=\"bar\"/>"));
    assert!(chart.contains("<c:overlap val=\"100\"/>"));
    assert!(chart.contains("<c:orientation val=\"maxMin\"/>"));
    assert_eq!(chart.matches("<c:ser>").count(), 2);
    assert!(chart.contains("Sensitivity!$A$4:$A$13"));
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains("recall") && strings.contains("Change at high"));
    // The first data row is the largest swing; its numbers are in the sheet.
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<v>86000</v>"));
    assert!(numeric::to_f64(t.base_output) == 84000.0);
}
