//! The JSON value-model file: reading it (keeping the file's order, finding duplicate keys) and
//! writing it back. Numbers are read and written as exact decimals, never through f64.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Number, Value as Json};

use crate::numeric;
use crate::value::{ErrorKind, Value};

/// A JSON object read as an ordered list of entries, duplicates kept (so they can be reported).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, T>()? {
                    out.push((k, v));
                }
                Ok(Entries(out))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

/// An uncertain input: a probability distribution instead of (or besides) a point value.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum DistributionSpec {
    Uniform {
        low: Number,
        high: Number,
    },
    Triangular {
        low: Number,
        mode: Number,
        high: Number,
    },
    Pert {
        low: Number,
        mode: Number,
        high: Number,
    },
    Normal {
        mean: Number,
        sd: Number,
    },
    /// Log-normal given by the mean and standard deviation of the quantity itself.
    Lognormal {
        mean: Number,
        sd: Number,
    },
}

/// One cell as the file gives it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellSpec {
    #[serde(default)]
    pub value: Option<Json>,
    #[serde(default)]
    pub formula: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Sensitivity range.
    #[serde(default)]
    pub low: Option<Number>,
    #[serde(default)]
    pub high: Option<Number>,
    #[serde(default)]
    pub distribution: Option<DistributionSpec>,
    /// A boolean formula that must hold (e.g. amateur < model < expert).
    #[serde(default)]
    pub check: Option<bool>,
}

/// The whole file.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSpec {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub statement: String,
    pub cells: Entries<CellSpec>,
    #[serde(default)]
    pub scenarios: Entries<Entries<Json>>,
}

/// An exact decimal from a JSON number (serde_json keeps the digits as written).
pub fn decimal_from_number(n: &Number) -> Option<Decimal> {
    let text = n.as_str();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let d = numeric::parse_decimal_literal(digits)?;
    Some(if negative { -d } else { d })
}

pub fn number_from_decimal(d: Decimal) -> Number {
    Number::from_string_unchecked(numeric::to_plain_string(d))
}

/// A cell value from JSON: numbers, text, booleans, null (empty); text such as "#N/A" is an
/// error value.
pub fn value_from_json(j: &Json) -> Result<Value, String> {
    match j {
        Json::Null => Ok(Value::Empty),
        Json::Bool(b) => Ok(Value::Bool(*b)),
        Json::Number(n) => decimal_from_number(n).map(Value::Number).ok_or_else(|| {
            format!(
                "number {} is outside the decimal range (about ±7.9e28)",
                n.as_str()
            )
        }),
        Json::String(s) => Ok(match ErrorKind::parse(s) {
            Some(e) => Value::Error(e),
            None => Value::text(s),
        }),
        other => Err(format!("expected a number, text or boolean, found {other}")),
    }
}

/// A value as JSON (numbers as exact JSON numbers, errors as their text, empty as null).
pub fn value_to_json(v: &Value) -> Json {
    match v {
        Value::Empty => Json::Null,
        Value::Number(n) => Json::Number(number_from_decimal(*n)),
        Value::Text(t) => Json::String(t.to_string()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Error(e) => Json::String(e.as_str().to_string()),
    }
}

pub fn distribution_to_json(d: &DistributionSpec) -> Json {
    let mut m = Map::new();
    let mut put = |k: &str, n: &Number| {
        m.insert(k.to_string(), Json::Number(n.clone()));
    };
    let kind = match d {
        DistributionSpec::Uniform { low, high } => {
            put("low", low);
            put("high", high);
            "uniform"
        }
        DistributionSpec::Triangular { low, mode, high } => {
            put("low", low);
            put("mode", mode);
            put("high", high);
            "triangular"
        }
        DistributionSpec::Pert { low, mode, high } => {
            put("low", low);
            put("mode", mode);
            put("high", high);
            "pert"
        }
        DistributionSpec::Normal { mean, sd } => {
            put("mean", mean);
            put("sd", sd);
            "normal"
        }
        DistributionSpec::Lognormal { mean, sd } => {
            put("mean", mean);
            put("sd", sd);
            "lognormal"
        }
    };
    let mut out = Map::new();
    out.insert("type".to_string(), Json::String(kind.to_string()));
    out.extend(m);
    Json::Object(out)
}

/// Writes the model file back, in the same shape and order.
pub fn spec_to_json(spec: &ModelSpec) -> Json {
    let mut root = Map::new();
    root.insert("name".into(), Json::String(spec.name.clone()));
    root.insert("statement".into(), Json::String(spec.statement.clone()));
    let mut cells = Map::new();
    for (name, c) in &spec.cells.0 {
        let mut o = Map::new();
        if let Some(v) = &c.value {
            o.insert("value".into(), v.clone());
        }
        if let Some(f) = &c.formula {
            o.insert("formula".into(), Json::String(f.clone()));
        }
        for (key, field) in [("unit", &c.unit), ("owner", &c.owner), ("note", &c.note)] {
            if let Some(s) = field {
                o.insert(key.into(), Json::String(s.clone()));
            }
        }
        if let Some(n) = &c.low {
            o.insert("low".into(), Json::Number(n.clone()));
        }
        if let Some(n) = &c.high {
            o.insert("high".into(), Json::Number(n.clone()));
        }
        if let Some(d) = &c.distribution {
            o.insert("distribution".into(), distribution_to_json(d));
        }
        if let Some(b) = c.check {
            o.insert("check".into(), Json::Bool(b));
        }
        cells.insert(name.clone(), Json::Object(o));
    }
    root.insert("cells".into(), Json::Object(cells));
    let mut scenarios = Map::new();
    for (name, overrides) in &spec.scenarios.0 {
        let mut o = Map::new();
        for (cell, v) in &overrides.0 {
            o.insert(cell.clone(), v.clone());
        }
        scenarios.insert(name.clone(), Json::Object(o));
    }
    root.insert("scenarios".into(), Json::Object(scenarios));
    Json::Object(root)
}

/// Parses the file text; on a syntax error returns (line, column, message).
pub fn parse_spec(text: &str) -> Result<ModelSpec, (usize, usize, String)> {
    serde_json::from_str::<ModelSpec>(text).map_err(|e| (e.line(), e.column(), e.to_string()))
}

#[allow(dead_code)]
fn _assert_error_type(_: de::value::Error) {}
