//! The worked examples in `fixtures/`, with their known answers.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

use kachi::model::{CellInput, Model};
use kachi::Value;

fn n(s: &str) -> Value {
    Value::Number(Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}")))
}

fn load(name: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    Model::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn flea_market_base_and_scenarios() {
    let mut m = load("flea_market.json");
    assert!(
        m.warnings().iter().all(|w| w.contains("PV")),
        "{:?}",
        m.warnings()
    );
    assert_eq!(m.value("value_per_day"), Some(n("162000")));
    assert_eq!(m.value("net_value_per_day"), Some(n("150000")));
    assert_eq!(m.value("payback_days"), Some(n("200")));
    assert_eq!(m.value("annual_net_value"), Some(n("36000000")));
    let t = m.scenario_table().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        t.value("value_per_day", "model misses target"),
        Some(&n("90000"))
    );
    assert_eq!(
        t.value("value_per_day", "model assists, 2 h/day"),
        Some(&n("156000"))
    );
    assert_eq!(
        t.value("net_value_per_day", "model misses target"),
        Some(&n("78000"))
    );
    // The scenarios leave the base untouched.
    assert_eq!(m.value("staff_after"), Some(n("2")));
    assert_eq!(m.value("value_per_day"), Some(n("162000")));
}

#[test]
fn flea_market_owners() {
    let m = load("flea_market.json");
    let groups = m.owners();
    let checking = groups
        .iter()
        .find(|g| g.owner.as_deref() == Some("checking team"))
        .unwrap_or_else(|| panic!("no checking team"));
    assert_eq!(
        checking.parameters,
        vec![
            "staff_before",
            "hours_before",
            "hours_after",
            "hourly_wage",
            "working_days_per_year"
        ]
    );
    assert!(checking.influences.contains(&"value_per_day".to_string()));
    let hiring = groups
        .iter()
        .find(|g| g.owner.as_deref() == Some("hiring team"))
        .unwrap_or_else(|| panic!("no hiring team"));
    assert_eq!(hiring.parameters, vec!["staff_after"]);
    assert_eq!(
        hiring.influences,
        vec![
            "value_per_day",
            "net_value_per_day",
            "payback_days",
            "annual_net_value",
            "npv"
        ]
    );
    let ops = groups
        .iter()
        .find(|g| g.owner.as_deref() == Some("systems operations team"))
        .unwrap_or_else(|| panic!("no ops team"));
    assert_eq!(ops.parameters, vec!["ops_cost_per_day"]);
    assert!(!ops.influences.contains(&"value_per_day".to_string()));
}

#[test]
fn flea_market_in_japanese_computes_the_same() {
    let mut m = load("flea_market_ja.json");
    assert!(m.warnings().is_empty(), "{:?}", m.warnings());
    assert_eq!(m.value("日当たり価値"), Some(n("162000")));
    assert_eq!(
        m.cell("時給").and_then(|c| c.unit.clone()).as_deref(),
        Some("円/h")
    );
    let t = m.scenario_table().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.value("日当たり価値", "目標未達"), Some(&n("90000")));
}

#[test]
fn bottle_inspection_quality_cost_delivery() {
    let mut m = load("bottle_inspection.json");
    assert_eq!(m.value("Q_quality"), Some(n("4500000")));
    assert_eq!(m.value("C_cost"), Some(n("10800000")));
    assert_eq!(m.value("D_delivery"), Some(n("6")));
    assert_eq!(m.value("value_per_year"), Some(n("15300000")));
    let t = m.scenario_table().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        t.value("Q_quality", "fewer claims avoided"),
        Some(&n("2000000"))
    );
    assert_eq!(
        t.value("C_cost", "one more inspector kept"),
        Some(&n("8100000"))
    );
}

#[test]
fn road_cracks_adoption_check() {
    let mut m = load("road_cracks.json");
    assert_eq!(m.value("adoption_check"), Some(Value::Bool(true)));
    assert_eq!(m.value("cost_saving_per_year"), Some(n("44000000")));
    let checks = m.check_results().unwrap_or_else(|e| panic!("{e}"));
    let failed: Vec<&str> = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.scenario.as_str())
        .collect();
    assert_eq!(failed, vec!["model worse than amateur"]);
    // An expert-beating claim also fails the rule.
    let r = m.set("model_detections", CellInput::Value(n("99")));
    assert!(r.is_ok());
    assert_eq!(m.value("adoption_check"), Some(Value::Bool(false)));
}

#[test]
fn chat_moderation_keeps_full_coverage() {
    let mut m = load("chat_moderation.json");
    assert_eq!(m.value("filtered_comments_per_day"), Some(n("400000")));
    assert_eq!(m.value("human_checked_per_day"), Some(n("100000")));
    assert_eq!(m.value("coverage_complete"), Some(Value::Bool(true)));
    assert_eq!(m.value("value_per_day"), Some(n("800000")));
    let t = m.scenario_table().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        t.value("value_per_day", "model clears half"),
        Some(&n("500000"))
    );
    assert_eq!(
        t.value("coverage_complete", "model clears half"),
        Some(&Value::Bool(true))
    );
}

#[test]
fn every_fixture_round_trips_through_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let m = Model::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again =
            Model::from_json_str(&m.to_json_string(), "again").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.cells(), m.cells(), "{}", path.display());
        assert_eq!(again.scenarios(), m.scenarios(), "{}", path.display());
        assert_eq!(again.values(), m.values(), "{}", path.display());
        count += 1;
    }
    assert!(count >= 5);
}
