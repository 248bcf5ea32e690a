//! `Workbook::sweep` gives exactly what incremental recalculation gives, on the fixtures'
//! models and on hand-made workbooks with errors, ranges, names and circular references.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

use kachi::engine::{CellId, CellRef, SweepRefusal, Workbook};
use kachi::model::Model;
use kachi::value::{ErrorKind, Value};

/// A small deterministic generator (xorshift64*), so the test needs no extra crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Mostly numbers of all scales and signs, sometimes zero, text, booleans, empties or
    /// errors.
    fn value(&mut self) -> Value {
        match self.next() % 20 {
            0 => Value::Number(Decimal::ZERO),
            1 => Value::text("abc"),
            2 => Value::text("12.5"),
            3 => Value::Bool(self.next() & 1 == 0),
            4 => Value::Empty,
            5 => Value::Error(ErrorKind::NA),
            _ => {
                let mantissa = (self.next() % 2_000_000_000) as i64 - 1_000_000_000;
                let scale = (self.next() % 16) as u32;
                Value::Number(Decimal::new(mantissa, scale))
            }
        }
    }
}

/// Equal as the engine compares values: numbers numerically (1.0 = 1.00), the rest exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y,
        _ => a == b,
    }
}

/// Runs `rounds` random input sets through a sweep and through `set_values_of` on a clone,
/// comparing every output.
fn check(wb: &Workbook, inputs: &[CellId], outputs: &[CellId], rounds: usize, seed: u64) {
    let mut sweep = wb
        .sweep(inputs, outputs)
        .unwrap_or_else(|e| panic!("no plan: {e}"));
    let mut reference = wb.clone();
    let mut rng = Rng(seed);
    for round in 0..rounds {
        let values: Vec<Value> = inputs.iter().map(|_| rng.value()).collect();
        sweep.run(&values);
        let edits: Vec<(CellId, Value)> =
            inputs.iter().copied().zip(values.iter().cloned()).collect();
        reference.set_values_of(&edits);
        for &out in outputs {
            let (got, want) = (sweep.value_of(out), reference.value_of(out));
            assert!(
                same(got, want),
                "round {round}, output {}: sweep {got:?}, recalculation {want:?} (inputs {values:?})",
                wb.label(out)
            );
        }
    }
    // The planned-from workbook is untouched.
    for &out in outputs {
        assert!(same(wb.value_of(out), &wb.clone().value_of(out).clone()));
    }
}

#[test]
fn sweeps_match_recalculation_on_the_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let model = Model::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ids = |cells: Vec<String>| -> Vec<CellId> {
            cells.iter().filter_map(|name| model.id(name)).collect()
        };
        let inputs = ids(model.inputs().map(|c| c.name.clone()).collect());
        let outputs = ids(model.outputs().map(|c| c.name.clone()).collect());
        assert!(
            !inputs.is_empty() && !outputs.is_empty(),
            "{}",
            path.display()
        );
        check(model.workbook(), &inputs, &outputs, 300, 0x5EED + checked);
        // Fewer inputs and one output: the plan covers only what that output needs.
        let first: Vec<CellId> = inputs.iter().copied().take(2).collect();
        if let Some(&last) = outputs.last() {
            check(model.workbook(), &first, &[last], 300, 0xBEEF + checked);
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} fixtures");
}

fn book(cells: &[(&str, &str)]) -> Workbook {
    let mut wb = Workbook::new();
    wb.add_sheet("Sheet1").unwrap_or_else(|e| panic!("{e}"));
    for (target, input) in cells {
        let result = if input.starts_with('=') {
            wb.set_formula(target, input)
        } else {
            wb.set_input(target, input)
        };
        result.unwrap_or_else(|e| panic!("{target}: {e}"));
    }
    wb
}

fn id(wb: &Workbook, target: &str) -> CellId {
    let r = CellRef::parse(target).unwrap_or_else(|e| panic!("{e}"));
    wb.cell_id(&r).unwrap_or_else(|| panic!("no cell {target}"))
}

#[test]
fn sweeps_match_recalculation_with_errors_ranges_and_names() {
    let wb = book(&[
        ("Sheet1!A1", "1"),
        ("Sheet1!A2", "2"),
        ("Sheet1!A3", "3"),
        ("rate", "0.5"),
        ("Sheet1!B1", "=1/A1"),
        ("Sheet1!B2", "=(A1-A2)*rate+A3^2-10%"),
        ("Sheet1!B3", "=SUM(A1:A3)*B1"),
        ("Sheet1!B4", "=IF(A2>0,B2,-B3)"),
        ("Sheet1!B5", "=IFERROR(B1,\"div\")&B4"),
        ("Sheet1!B6", "=-B2/(A3-A1)"),
        ("total", "=B2+B3+rate*B6"),
        ("first", "=Sheet1!A1"),
        ("Sheet1!B7", "=first*2+total"),
        ("Sheet1!C1", "=A3*4"),
    ]);
    let inputs: Vec<CellId> = ["Sheet1!A1", "Sheet1!A2", "Sheet1!A3", "rate"]
        .iter()
        .map(|t| id(&wb, t))
        .collect();
    let outputs: Vec<CellId> = [
        "Sheet1!B1",
        "Sheet1!B2",
        "Sheet1!B3",
        "Sheet1!B4",
        "Sheet1!B5",
        "Sheet1!B6",
        "total",
        "Sheet1!B7",
    ]
    .iter()
    .map(|t| id(&wb, t))
    .collect();
    check(&wb, &inputs, &outputs, 2000, 42);
    // Zero in A1 gives #DIV/0! on both paths.
    let mut sweep = wb
        .sweep(&inputs, &outputs)
        .unwrap_or_else(|e| panic!("{e}"));
    let num = |s: &str| Value::Number(Decimal::from_str(s).unwrap_or_default());
    sweep.run(&[num("0"), num("2"), num("3"), num("0.5")]);
    assert_eq!(
        sweep.value_of(id(&wb, "Sheet1!B1")),
        &Value::Error(ErrorKind::Div0)
    );
    assert_eq!(sweep.value_of(id(&wb, "Sheet1!B5")), &Value::text("div7.9"));
    // Only what the outputs need is evaluated: C1 depends on A3 but is not an output.
    assert!(sweep.formula_counts().0 < 10);
}

#[test]
fn sweeps_refuse_cycles_and_volatile_formulas() {
    let wb = book(&[
        ("Sheet1!A1", "1"),
        ("Sheet1!B1", "=A1+C1"),
        ("Sheet1!C1", "=B1*2"),
        ("Sheet1!D1", "=A1*3"),
    ]);
    let a1 = id(&wb, "Sheet1!A1");
    assert_eq!(
        wb.sweep(&[a1], &[id(&wb, "Sheet1!C1")]).err(),
        Some(SweepRefusal::Cycle)
    );
    // An output that does not need the cycle is fine.
    check(&wb, &[a1], &[id(&wb, "Sheet1!D1")], 50, 7);
    // A formula as input, or a volatile workbook: refused.
    assert_eq!(
        wb.sweep(&[id(&wb, "Sheet1!D1")], &[a1]).err(),
        Some(SweepRefusal::BadInput(id(&wb, "Sheet1!D1")))
    );
    let volatile = book(&[("Sheet1!A1", "1"), ("Sheet1!B1", "=A1+RAND()")]);
    assert_eq!(
        volatile
            .sweep(&[id(&volatile, "Sheet1!A1")], &[id(&volatile, "Sheet1!B1")])
            .err(),
        Some(SweepRefusal::Volatile)
    );
}
