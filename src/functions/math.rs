//! Math and trigonometry functions.

use rust_decimal::Decimal;

use super::args::{for_each_number, Collect, EvalContext, Operand};
use super::FunctionDef;
use super::VARIADIC;
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::eager("SUM", "number1, [number2], ...", 1, VARIADIC, sum),
    FunctionDef::scalar("ABS", "number", 1, 1, abs),
    FunctionDef::scalar("ROUND", "number, num_digits", 2, 2, round),
];

fn sum(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let mut total = Decimal::ZERO;
    let mut overflow = false;
    let result = for_each_number(
        args,
        ctx,
        Collect::Numbers,
        &mut |n| match total.checked_add(n) {
            Some(t) => total = t,
            None => overflow = true,
        },
    );
    match result {
        Err(e) => Operand::error(e),
        Ok(()) if overflow => Operand::error(ErrorKind::Num),
        Ok(()) => Operand::Value(Value::Number(total)),
    }
}

fn abs(args: &[Value], _: &dyn EvalContext) -> Value {
    args[0].to_number().map(|n| n.abs()).into()
}

fn round(args: &[Value], _: &dyn EvalContext) -> Value {
    let (x, digits) = match (args[0].to_number(), args[1].to_number()) {
        (Ok(x), Ok(d)) => (x, d),
        (Err(e), _) | (_, Err(e)) => return Value::Error(e),
    };
    let digits = numeric::snap15(digits).trunc();
    use rust_decimal::prelude::ToPrimitive;
    let digits = digits.to_i64().unwrap_or(0).clamp(-400, 400);
    numeric::round_half_away(x, digits).into()
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    #[test]
    fn sum_follows_excel() {
        let mut g = TestGrid::new();
        g.set("A1", n("1"))
            .set("A2", Value::text("5"))
            .set("A3", Value::Bool(true))
            .set("A4", n("2.5"));
        assert_eq!(g.value("SUM", &[g.area("A1:A5")]), n("3.5"));
        assert_eq!(g.value("SUM", &[txt("5"), boolean(true), num("1")]), n("7"));
        assert_eq!(g.value("SUM", &[txt("x")]), Value::Error(ErrorKind::Value));
        assert_eq!(g.value("SUM", &[g.area("B1:B3")]), n("0"));
        g.set("A5", Value::Error(ErrorKind::Div0));
        assert_eq!(
            g.value("SUM", &[g.area("A1:A5")]),
            Value::Error(ErrorKind::Div0)
        );
    }

    #[test]
    fn round_half_away_from_zero() {
        let g = TestGrid::new();
        assert_eq!(g.value("ROUND", &[num("2.5"), num("0")]), n("3"));
        assert_eq!(g.value("ROUND", &[num("-2.5"), num("0")]), n("-3"));
        assert_eq!(g.value("ROUND", &[num("2.345"), num("2")]), n("2.35"));
        assert_eq!(g.value("ROUND", &[num("1234"), num("-2")]), n("1200"));
        assert_eq!(g.value("ROUND", &[empty(), num("0")]), n("0"));
        assert_eq!(g.value("ROUND", &[txt("1.25"), num("1")]), n("1.3"));
        assert_eq!(
            g.value("ROUND", &[txt("x"), num("1")]),
            Value::Error(ErrorKind::Value)
        );
    }
}
