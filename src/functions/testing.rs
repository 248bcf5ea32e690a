//! Test support: an in-memory grid implementing [`EvalContext`], and `call` to invoke a function
//! by name as a formula would. Used by the unit tests of every category file.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::args::{Area, EvalContext, Operand, SheetId};
use super::{call_eager, Registry};
use crate::formula::CellPos;
use crate::value::{ErrorKind, Value};

/// A tiny workbook: one sheet ("Sheet1", id 0) unless more are added.
#[derive(Default)]
pub struct TestGrid {
    pub cells: BTreeMap<(u32, u32, u32), Value>,
    pub sheets: Vec<String>,
    pub current: Option<(SheetId, CellPos)>,
    pub now: Decimal,
}

static EMPTY: Value = Value::Empty;

impl TestGrid {
    pub fn new() -> TestGrid {
        TestGrid {
            sheets: vec!["Sheet1".to_string()],
            now: Decimal::from(45322), // 2024-01-31
            ..TestGrid::default()
        }
    }

    /// Sets `A1`-style cells on Sheet1.
    pub fn set(&mut self, a1: &str, value: Value) -> &mut Self {
        if let Some(pos) = CellPos::parse_a1(a1) {
            self.cells.insert((0, pos.row, pos.col), value);
        }
        self
    }

    /// A reference operand to `A1` or `A1:B3` on Sheet1.
    pub fn area(&self, a1: &str) -> Operand {
        let (a, b) = a1.split_once(':').unwrap_or((a1, a1));
        match (CellPos::parse_a1(a), CellPos::parse_a1(b)) {
            (Some(p), Some(q)) => Operand::Ref(Area {
                sheet: SheetId(0),
                top: p.row.min(q.row),
                left: p.col.min(q.col),
                bottom: p.row.max(q.row),
                right: p.col.max(q.col),
            }),
            _ => Operand::error(ErrorKind::Ref),
        }
    }

    /// Calls a registered function by name on evaluated operands.
    pub fn call(&self, name: &str, args: &[Operand]) -> Operand {
        let reg = Registry::global();
        match reg.lookup(name).and_then(|id| reg.def(id)) {
            Some(def) => call_eager(def, args, self),
            None => Operand::error(ErrorKind::Name),
        }
    }

    /// Calls a function and reduces the result to one value (top-left of an array).
    pub fn value(&self, name: &str, args: &[Operand]) -> Value {
        super::args::scalar(&self.call(name, args), self)
    }
}

/// A number operand from text, e.g. `num("1.5")`.
pub fn num(s: &str) -> Operand {
    Operand::Value(Value::Number(Decimal::from_str(s).unwrap_or_default()))
}

/// A number value from text.
pub fn n(s: &str) -> Value {
    Value::Number(Decimal::from_str(s).unwrap_or_default())
}

pub fn txt(s: &str) -> Operand {
    Operand::Value(Value::text(s))
}

pub fn boolean(b: bool) -> Operand {
    Operand::Value(Value::Bool(b))
}

pub fn err(e: ErrorKind) -> Operand {
    Operand::Value(Value::Error(e))
}

pub fn empty() -> Operand {
    Operand::Value(Value::Empty)
}

impl EvalContext for TestGrid {
    fn cell(&self, sheet: SheetId, row: u32, col: u32) -> &Value {
        self.cells.get(&(sheet.0, row, col)).unwrap_or(&EMPTY)
    }

    fn for_each_in_area(&self, area: &Area, f: &mut dyn FnMut(u32, u32, &Value)) {
        for ((s, r, c), v) in &self.cells {
            if *s == area.sheet.0 && area.contains(*r, *c) && !v.is_empty() {
                f(*r, *c, v);
            }
        }
    }

    fn clip_to_used(&self, area: &Area) -> Area {
        let max_row = self.cells.keys().map(|k| k.1).max().unwrap_or(0);
        let max_col = self.cells.keys().map(|k| k.2).max().unwrap_or(0);
        Area {
            bottom: area.bottom.min(max_row.max(area.top)),
            right: area.right.min(max_col.max(area.left)),
            ..*area
        }
    }

    fn current_cell(&self) -> Option<(SheetId, CellPos)> {
        self.current
    }

    fn sheet_by_name(&self, name: &str) -> Option<SheetId> {
        self.sheets
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name))
            .map(|i| SheetId(i as u32))
    }

    fn sheet_name(&self, sheet: SheetId) -> Option<&str> {
        self.sheets.get(sheet.0 as usize).map(String::as_str)
    }

    fn sheet_count(&self) -> usize {
        self.sheets.len()
    }

    fn resolve_reference_text(&self, text: &str, _a1: bool) -> Operand {
        self.area(text)
    }

    fn formula_text(&self, _sheet: SheetId, _row: u32, _col: u32) -> Option<String> {
        None
    }

    fn now_serial(&self) -> Decimal {
        self.now
    }

    fn random(&self) -> f64 {
        0.5
    }
}
