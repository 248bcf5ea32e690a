use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::value::ErrorKind;

fn n(s: &str) -> Value {
    Value::Number(Decimal::from_str(s).unwrap_or_default())
}

const SMALL: &str = r#"{
  "name": "t", "statement": "s",
  "cells": {
    "a": {"value": 2, "unit": "x", "owner": "team a"},
    "b": {"value": 3.25, "owner": "team b"},
    "prod": {"formula": "=a*b"},
    "next": {"formula": "prod+1"},
    "e": {"value": 1}
  },
  "scenarios": {"big a": {"a": 10}, "formula b": {"b": "=a+1"}}
}"#;

#[test]
fn loads_in_file_order_and_evaluates() {
    let mut m = match Model::from_json_str(SMALL, "small.json") {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    };
    let names: Vec<&str> = m.cells().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["a", "b", "prod", "next", "e"]);
    assert_eq!(m.value("prod"), Some(n("6.5")));
    assert_eq!(m.value("next"), Some(n("7.5")));
    let t = m.scenario_table().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.columns, vec!["base", "big a", "formula b"]);
    assert_eq!(t.value("prod", "big a"), Some(&n("32.5")));
    assert_eq!(t.value("prod", "formula b"), Some(&n("6")));
    // The base is restored after the scenarios.
    assert_eq!(m.value("prod"), Some(n("6.5")));
    assert_eq!(m.value("b"), Some(n("3.25")));
}

#[test]
fn owners_and_influence() {
    let m = Model::from_json_str(SMALL, "small.json").unwrap_or_else(|e| panic!("{e}"));
    let groups = m.owners();
    assert_eq!(groups.len(), 3);
    assert_eq!(groups[0].owner.as_deref(), Some("team a"));
    assert_eq!(groups[0].parameters, vec!["a"]);
    assert_eq!(groups[0].influences, vec!["prod", "next"]);
    assert_eq!(groups[2].owner, None);
    assert_eq!(groups[2].parameters, vec!["e"]);
    assert!(groups[2].influences.is_empty());
}

#[test]
fn reports_every_problem_at_once() {
    let text = r#"{"cells": {
        "good": {"value": 1},
        "bad name": {"value": 1},
        "A1": {"value": 2},
        "Good": {"value": 3},
        "f": {"formula": "=good+*2"},
        "g": {"formula": "=IF(1,2,3,4)"},
        "both": {"value": 1, "formula": "=1"},
        "none": {"unit": "x"}
      },
      "scenarios": {"s": {"missing": 1}}}"#;
    let err = Model::from_json_str(text, "bad.json")
        .err()
        .unwrap_or_else(|| panic!("should fail"));
    let kinds: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(err.problems.len(), 8, "{kinds:#?}");
    assert!(
        matches!(err.problems[0], ModelProblem::InvalidName { ref name } if name == "bad name")
    );
    assert!(matches!(err.problems[1], ModelProblem::InvalidName { ref name } if name == "A1"));
    assert!(
        matches!(err.problems[2], ModelProblem::DuplicateName { ref name, .. } if name == "Good")
    );
    assert!(
        matches!(err.problems[3], ModelProblem::Formula { ref error, .. } if error.position == 6)
    );
    assert!(matches!(err.problems[4], ModelProblem::Compile { .. }));
    assert!(matches!(
        err.problems[5],
        ModelProblem::ValueAndFormula { .. }
    ));
    assert!(matches!(err.problems[6], ModelProblem::NoContent { .. }));
    assert!(matches!(
        err.problems[7],
        ModelProblem::UnknownScenarioCell { .. }
    ));
    assert!(err.to_string().starts_with("bad.json: 8 problems"));
}

#[test]
fn json_syntax_errors_have_a_position() {
    let err = Model::from_json_str("{\"cells\": {\"a\": {\"value\": }}}", "x.json").err();
    assert!(matches!(
        err.as_ref().and_then(|e| e.problems.first()),
        Some(ModelProblem::Json { line: 1, .. })
    ));
    let err = Model::from_json_str("{\"cells\": {\"a\": {\"valeu\": 1}}}", "x.json").err();
    assert!(err
        .map(|e| e.to_string().contains("valeu"))
        .unwrap_or(false));
}

#[test]
fn missing_names_warn_and_give_name_error() {
    let m = Model::from_json_str(r#"{"cells": {"a": {"formula": "=b*2"}}}"#, "m.json")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.value("a"), Some(Value::Error(ErrorKind::Name)));
    assert_eq!(m.warnings().len(), 1);
    assert!(m.warnings()[0].contains("'b'"));
}

#[test]
fn json_round_trip_is_exact() {
    let text = r#"{"name": "n", "statement": "s", "cells": {
        "big": {"value": 12345678901234567890.123456789, "unit": "yen"},
        "tiny": {"value": 0.1},
        "t": {"value": "text"},
        "flag": {"value": true},
        "u": {"value": 5, "low": 1, "high": 9, "distribution": {"type": "triangular", "low": 1, "mode": 5, "high": 9}},
        "f": {"formula": "=big+tiny", "check": true}
      }, "scenarios": {"s": {"tiny": 0.2}}}"#;
    let m = Model::from_json_str(text, "rt.json").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.value("f"), Some(n("12345678901234567890.223456789")));
    let again =
        Model::from_json_str(&m.to_json_string(), "rt2.json").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.to_spec(), m.to_spec());
    assert_eq!(again.cells(), m.cells());
}

#[test]
fn distribution_alone_gives_the_central_value() {
    let m = Model::from_json_str(
        r#"{"cells": {"x": {"distribution": {"type": "uniform", "low": 2, "high": 4}}, "y": {"formula": "=x*10"}}}"#,
        "d.json",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.value("y"), Some(n("30")));
}
