//! The argument rules of the functions born in Excel's Analysis ToolPak (EDATE, EOMONTH,
//! YEARFRAC, WEEKNUM, the bond and T-bill functions, CONVERT, the base conversions, ERF, the
//! Bessel and complex-number functions, MROUND, QUOTIENT...), shared by every category that
//! has some.
//!
//! - A multi-cell reference is `#VALUE!`: they neither intersect nor map over ranges in an array
//!   context (`EOMONTH(A1:A3,0)` fails where `EOMONTH(--A1:A3,0)` maps). In a legacy formula
//!   they do get the cell in the formula's own row or column, because they are registered
//!   [`FunctionDef::elementwise`](super::FunctionDef) and the evaluator intersects for them.
//! - Arrays are mapped element by element, like a scalar function's.
//! - A logical value given as a number is `#VALUE!` ([`number`]).

use std::sync::Arc;

use rust_decimal::Decimal;

use super::args::{lift, scalar, EvalContext, Operand};
use crate::value::{ErrorKind, Value};

/// Calls `f` with one value per argument under the ToolPak's rules (see the module
/// documentation): once, or once per element when an argument is an array.
pub fn call(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(&[Value]) -> Value,
) -> Operand {
    if args
        .iter()
        .any(|a| matches!(a, Operand::Ref(area) if !area.is_single_cell()))
    {
        return Operand::error(ErrorKind::Value);
    }
    if let Some(array) = lift(args, ctx, f) {
        return Operand::Array(Arc::new(array));
    }
    let values: Vec<Value> = args.iter().map(|a| scalar(a, ctx)).collect();
    Operand::Value(f(&values))
}

/// A numeric argument as the ToolPak reads it: empty is 0, text is its number (or date),
/// TRUE and FALSE are `#VALUE!` (unlike most functions), errors propagate.
pub fn number(v: &Value) -> Result<Decimal, ErrorKind> {
    match v {
        Value::Bool(_) => Err(ErrorKind::Value),
        other => super::date::number_arg(other),
    }
}

/// What a ToolPak implementation returns, as the value of a cell.
pub trait Outcome {
    fn cell_value(self) -> Value;
}

impl Outcome for Value {
    fn cell_value(self) -> Value {
        self
    }
}

impl Outcome for Result<Value, ErrorKind> {
    fn cell_value(self) -> Value {
        self.unwrap_or_else(Value::Error)
    }
}

/// Defines eager entry points that run implementations `fn(&[Value], &dyn EvalContext)`
/// returning a [`Outcome`] through [`call`]: `toolpak_functions! { edate_atp => edate }`.
macro_rules! toolpak_functions {
    ($($entry:ident => $imp:path),* $(,)?) => {
        $(
            fn $entry(
                args: &[$crate::functions::Operand],
                ctx: &dyn $crate::functions::EvalContext,
            ) -> $crate::functions::Operand {
                $crate::functions::toolpak::call(args, ctx, &mut |values| {
                    $crate::functions::toolpak::Outcome::cell_value($imp(values, ctx))
                })
            }
        )*
    };
}
pub(crate) use toolpak_functions;

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn twice(values: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
        Ok(Value::Number(number(&values[0])? * Decimal::TWO))
    }

    toolpak_functions! { twice_entry => twice }

    #[test]
    fn ranges_are_errors_arrays_map_logicals_are_errors() {
        let mut g = TestGrid::new();
        g.set("A1", n("1")).set("A2", n("2"));
        let value = |op: Operand| scalar(&twice_entry(&[op], &g), &g);
        assert_eq!(value(g.area("A1")), n("2"));
        assert_eq!(value(g.area("A1:A2")), Value::Error(ErrorKind::Value));
        assert_eq!(value(boolean(true)), Value::Error(ErrorKind::Value));
        assert_eq!(value(txt("3")), n("6"));
        let mapped = twice_entry(
            &[Operand::from(super::super::args::Array::new(
                1,
                2,
                vec![n("3"), Value::Bool(false)],
            ))],
            &g,
        );
        match mapped {
            Operand::Array(a) => {
                assert_eq!(a.values, vec![n("6"), Value::Error(ErrorKind::Value)])
            }
            other => panic!("not an array: {other:?}"),
        }
    }

    /// In a legacy formula a ToolPak function gets the cell of a range in its own row (the
    /// evaluator intersects, as for scalar functions); in an array formula the range is
    /// `#VALUE!` while `--range`, an array, maps (superuser.com question 1289595).
    #[test]
    fn ranges_intersect_in_legacy_formulas_only() {
        let mut wb = crate::engine::Workbook::new();
        let _ = wb.add_sheet("S");
        // 2024-01-31, 2024-02-29, 2024-03-31
        for (cell, serial) in [("A1", "45322"), ("A2", "45351"), ("A3", "45382")] {
            let _ = wb.set_value(&format!("S!{cell}"), n(serial));
        }
        wb.set_legacy_formulas(true);
        let _ = wb.set_formula("S!B2", "=EOMONTH(A1:A3,0)");
        let _ = wb.set_formula("S!C2", "=CONVERT(A1:A3,\"day\",\"hr\")");
        let _ = wb.set_formula("S!D2", "{=EOMONTH(A1:A3,0)}");
        let _ = wb.set_formula("S!E2", "{=EOMONTH(--A1:A3,0)}");
        let _ = wb.set_formula("S!F9", "=EOMONTH(A1:A3,0)");
        assert_eq!(wb.value("S!B2"), Some(n("45351")));
        assert_eq!(wb.value("S!C2"), Some(n("1088424")));
        assert_eq!(wb.value("S!D2"), Some(Value::Error(ErrorKind::Value)));
        assert_eq!(wb.value("S!E2"), Some(n("45322")));
        assert_eq!(wb.value("S!F9"), Some(Value::Error(ErrorKind::Value)));
    }
}
