//! Logical functions. IF, IFS, IFERROR, IFNA, CHOOSE and SWITCH are lazy: they evaluate only
//! the branch they return (so `IF(A1=0,0,1/A1)` never divides by zero).

use std::sync::Arc;

use super::args::{lift, scalar, Array, EvalContext, Operand};
use super::{FunctionDef, LazyArgs, VARIADIC};
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::lazy(
        "IF",
        "logical_test, [value_if_true], [value_if_false]",
        1,
        3,
        if_,
    ),
    FunctionDef::lazy(
        "IFS",
        "logical_test1, value_if_true1, ...",
        2,
        VARIADIC,
        ifs,
    ),
    FunctionDef::lazy("IFERROR", "value, value_if_error", 2, 2, iferror),
    FunctionDef::lazy("IFNA", "value, value_if_na", 2, 2, ifna),
    FunctionDef::lazy(
        "CHOOSE",
        "index_num, value1, [value2], ...",
        2,
        VARIADIC,
        choose,
    ),
    FunctionDef::lazy(
        "SWITCH",
        "expression, value1, result1, [default_or_value2], ...",
        3,
        VARIADIC,
        switch,
    ),
    FunctionDef::eager("AND", "logical1, [logical2], ...", 1, VARIADIC, and),
    FunctionDef::eager("OR", "logical1, [logical2], ...", 1, VARIADIC, or),
    FunctionDef::eager("XOR", "logical1, [logical2], ...", 1, VARIADIC, xor),
    FunctionDef::scalar("NOT", "logical", 1, 1, not),
    FunctionDef::scalar("TRUE", "", 0, 0, true_),
    FunctionDef::scalar("FALSE", "", 0, 0, false_),
];

/// The value of an omitted branch: IF(A1,,x) gives 0 where the branch is taken.
fn branch(op: Operand) -> Operand {
    match op {
        Operand::Value(Value::Empty) => Operand::Value(Value::Number(rust_decimal::Decimal::ZERO)),
        other => other,
    }
}

fn is_multi(op: &Operand) -> bool {
    match op {
        Operand::Value(_) => false,
        Operand::Ref(a) => !a.is_single_cell(),
        Operand::Array(_) => true,
    }
}

fn if_(args: &mut dyn LazyArgs) -> Operand {
    // In an array context a range or array condition chooses element by element.
    let cond = args.eval_value(0);
    if is_multi(&cond) {
        return if_array(args, &cond);
    }
    match scalar(&cond, args.context()).to_bool() {
        Ok(true) if args.count() >= 2 => branch(args.eval(1)),
        Ok(true) => Operand::Value(Value::Bool(true)),
        Ok(false) if args.count() >= 3 => branch(args.eval(2)),
        Ok(false) => Operand::Value(Value::Bool(false)),
        Err(e) => Operand::error(e),
    }
}

/// IF over an array condition: both branches are evaluated and chosen element by element.
fn if_array(args: &mut dyn LazyArgs, cond: &Operand) -> Operand {
    let yes = if args.count() >= 2 {
        branch(args.eval(1))
    } else {
        Operand::Value(Value::Bool(true))
    };
    let no = if args.count() >= 3 {
        branch(args.eval(2))
    } else {
        Operand::Value(Value::Bool(false))
    };
    let ctx = args.context();
    let lifted = lift(
        &[cond.clone(), yes, no],
        ctx,
        &mut |v| match v[0].to_bool() {
            Ok(true) => v[1].clone(),
            Ok(false) => v[2].clone(),
            Err(e) => Value::Error(e),
        },
    );
    match lifted {
        Some(a) => Operand::Array(Arc::new(a)),
        None => Operand::error(ErrorKind::Value),
    }
}

fn ifs(args: &mut dyn LazyArgs) -> Operand {
    if !args.count().is_multiple_of(2) {
        return Operand::error(ErrorKind::NA);
    }
    for pair in 0..args.count() / 2 {
        let cond = args.eval_value(pair * 2);
        match scalar(&cond, args.context()).to_bool() {
            Ok(true) => return branch(args.eval(pair * 2 + 1)),
            Ok(false) => {}
            Err(e) => return Operand::error(e),
        }
    }
    Operand::error(ErrorKind::NA)
}

/// IFERROR and IFNA: `catches` decides which errors fall back to the second argument. Array
/// values are handled element by element.
fn if_error_like(args: &mut dyn LazyArgs, catches: fn(ErrorKind) -> bool) -> Operand {
    let value = match args.eval_value(0) {
        // A range reaching here is in an array context: handle it as the array it holds.
        Operand::Ref(a) if !a.is_single_cell() => Operand::Array(Arc::new(super::args::to_array(
            &Operand::Ref(a),
            args.context(),
        ))),
        other => other,
    };
    match &value {
        Operand::Array(arr) => {
            if !arr.values.iter().any(|v| v.as_error().is_some_and(catches)) {
                return value;
            }
            let fallback = branch(args.eval(1));
            let ctx = args.context();
            let (fr, fc) = fallback.dims();
            let mut out = Vec::with_capacity(arr.values.len());
            for r in 0..arr.rows {
                for c in 0..arr.cols {
                    let v = arr.get(r, c).cloned().unwrap_or(Value::Empty);
                    out.push(match v.as_error() {
                        Some(e) if catches(e) => {
                            if fr == 1 && fc == 1 {
                                scalar(&fallback, ctx)
                            } else {
                                fallback.get_broadcast(ctx, r, c)
                            }
                        }
                        _ => v,
                    });
                }
            }
            Operand::Array(Arc::new(Array::new(arr.rows, arr.cols, out)))
        }
        _ => {
            let v = scalar(&value, args.context());
            match v.as_error() {
                Some(e) if catches(e) => branch(args.eval(1)),
                _ => match value {
                    Operand::Value(Value::Empty) => {
                        Operand::Value(Value::Number(rust_decimal::Decimal::ZERO))
                    }
                    Operand::Ref(a) if a.is_single_cell() && v.is_empty() => {
                        Operand::Value(Value::Number(rust_decimal::Decimal::ZERO))
                    }
                    Operand::Ref(a) if !a.is_single_cell() => Operand::Ref(a),
                    _ => Operand::Value(v),
                },
            }
        }
    }
}

fn iferror(args: &mut dyn LazyArgs) -> Operand {
    if_error_like(args, |_| true)
}

fn ifna(args: &mut dyn LazyArgs) -> Operand {
    if_error_like(args, |e| e == ErrorKind::NA)
}

fn choose(args: &mut dyn LazyArgs) -> Operand {
    let index = scalar(&args.eval_value(0), args.context()).to_number();
    let index = match index {
        Ok(n) => crate::numeric::snap15(n).trunc(),
        Err(e) => return Operand::error(e),
    };
    use rust_decimal::prelude::ToPrimitive;
    match index.to_usize() {
        Some(i) if i >= 1 && i < args.count() => branch(args.eval(i)),
        _ => Operand::error(ErrorKind::Value),
    }
}

fn switch(args: &mut dyn LazyArgs) -> Operand {
    let subject = scalar(&args.eval_value(0), args.context());
    if let Value::Error(e) = subject {
        return Operand::error(e);
    }
    let rest = args.count() - 1;
    let pairs = rest / 2;
    for p in 0..pairs {
        let candidate = scalar(&args.eval(1 + p * 2), args.context());
        if let Value::Error(e) = candidate {
            return Operand::error(e);
        }
        let same_type = std::mem::discriminant(&subject) == std::mem::discriminant(&candidate);
        if same_type && subject.compare(&candidate).is_ok_and(|o| o.is_eq()) {
            return branch(args.eval(2 + p * 2));
        }
    }
    if rest % 2 == 1 {
        return branch(args.eval(args.count() - 1));
    }
    Operand::error(ErrorKind::NA)
}

/// Folds the logical values of AND/OR/XOR arguments: references and arrays contribute their
/// numbers and booleans (text and empty cells are skipped); a direct text argument that is not
/// TRUE/FALSE is `#VALUE!`; no logical value at all is `#VALUE!`.
fn fold_logical(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(bool),
) -> Result<(), ErrorKind> {
    let mut seen = false;
    for arg in args {
        match arg {
            Operand::Value(v) => match v {
                Value::Empty => {}
                other => {
                    f(other.to_bool()?);
                    seen = true;
                }
            },
            _ => {
                let mut err = None;
                super::args::for_each_value(arg, ctx, &mut |v| match v {
                    Value::Number(n) => {
                        f(!n.is_zero());
                        seen = true;
                    }
                    Value::Bool(b) => {
                        f(*b);
                        seen = true;
                    }
                    Value::Error(e) if err.is_none() => err = Some(*e),
                    _ => {}
                });
                if let Some(e) = err {
                    return Err(e);
                }
            }
        }
    }
    if seen {
        Ok(())
    } else {
        Err(ErrorKind::Value)
    }
}

fn and(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let mut all = true;
    match fold_logical(args, ctx, &mut |b| all &= b) {
        Ok(()) => Operand::Value(Value::Bool(all)),
        Err(e) => Operand::error(e),
    }
}

fn or(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let mut any = false;
    match fold_logical(args, ctx, &mut |b| any |= b) {
        Ok(()) => Operand::Value(Value::Bool(any)),
        Err(e) => Operand::error(e),
    }
}

fn xor(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let mut odd = false;
    match fold_logical(args, ctx, &mut |b| odd ^= b) {
        Ok(()) => Operand::Value(Value::Bool(odd)),
        Err(e) => Operand::error(e),
    }
}

fn not(args: &[Value], _: &dyn EvalContext) -> Value {
    match args[0].to_bool() {
        Ok(b) => Value::Bool(!b),
        Err(e) => Value::Error(e),
    }
}

fn true_(_: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(true)
}

fn false_(_: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    #[test]
    fn if_chooses_a_branch() {
        let g = TestGrid::new();
        assert_eq!(g.value("IF", &[boolean(true), num("1"), num("2")]), n("1"));
        assert_eq!(g.value("IF", &[num("0"), num("1"), num("2")]), n("2"));
        assert_eq!(
            g.value("IF", &[boolean(false), num("1")]),
            Value::Bool(false)
        );
        assert_eq!(
            g.value("IF", &[txt("abc"), num("1")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("IF", &[err(ErrorKind::NA), num("1")]),
            Value::Error(ErrorKind::NA)
        );
        // empty cell condition is FALSE
        assert_eq!(g.value("IF", &[g.area("A1"), num("1"), num("2")]), n("2"));
        // omitted branch gives 0
        assert_eq!(g.value("IF", &[boolean(true), empty(), num("2")]), n("0"));
    }

    #[test]
    fn ifs_and_switch() {
        let g = TestGrid::new();
        assert_eq!(
            g.value("IFS", &[boolean(false), num("1"), boolean(true), num("2")]),
            n("2")
        );
        assert_eq!(
            g.value("IFS", &[boolean(false), num("1")]),
            Value::Error(ErrorKind::NA)
        );
        assert_eq!(
            g.value(
                "SWITCH",
                &[num("2"), num("1"), txt("a"), num("2"), txt("b")]
            ),
            Value::text("b")
        );
        assert_eq!(
            g.value("SWITCH", &[num("3"), num("1"), txt("a"), txt("none")]),
            Value::text("none")
        );
        assert_eq!(
            g.value("SWITCH", &[num("3"), num("1"), txt("a")]),
            Value::Error(ErrorKind::NA)
        );
        assert_eq!(g.value("SWITCH", &[txt("A"), txt("a"), num("1")]), n("1"));
    }

    #[test]
    fn iferror_and_ifna() {
        let g = TestGrid::new();
        assert_eq!(
            g.value("IFERROR", &[err(ErrorKind::Div0), num("0")]),
            n("0")
        );
        assert_eq!(g.value("IFERROR", &[num("5"), num("0")]), n("5"));
        assert_eq!(
            g.value("IFNA", &[err(ErrorKind::NA), txt("x")]),
            Value::text("x")
        );
        assert_eq!(
            g.value("IFNA", &[err(ErrorKind::Div0), txt("x")]),
            Value::Error(ErrorKind::Div0)
        );
        assert_eq!(g.value("IFERROR", &[g.area("A1"), num("1")]), n("0"));
    }

    #[test]
    fn choose_picks_by_index() {
        let g = TestGrid::new();
        assert_eq!(
            g.value("CHOOSE", &[num("2"), txt("a"), txt("b")]),
            Value::text("b")
        );
        assert_eq!(
            g.value("CHOOSE", &[num("2.9"), txt("a"), txt("b")]),
            Value::text("b")
        );
        assert_eq!(
            g.value("CHOOSE", &[num("3"), txt("a"), txt("b")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("CHOOSE", &[txt("x"), txt("a")]),
            Value::Error(ErrorKind::Value)
        );
    }

    #[test]
    fn and_or_xor_not() {
        let mut g = TestGrid::new();
        g.set("A1", Value::Bool(true))
            .set("A2", Value::text("skip"))
            .set("A3", n("0"));
        assert_eq!(
            g.value("AND", &[boolean(true), num("1")]),
            Value::Bool(true)
        );
        assert_eq!(g.value("AND", &[g.area("A1:A3")]), Value::Bool(false));
        assert_eq!(g.value("OR", &[g.area("A1:A3")]), Value::Bool(true));
        assert_eq!(
            g.value("XOR", &[boolean(true), boolean(true)]),
            Value::Bool(false)
        );
        assert_eq!(
            g.value("AND", &[txt("abc")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("AND", &[g.area("A2")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("OR", &[err(ErrorKind::Ref), boolean(true)]),
            Value::Error(ErrorKind::Ref)
        );
        assert_eq!(g.value("NOT", &[num("0")]), Value::Bool(true));
        assert_eq!(g.value("NOT", &[empty()]), Value::Bool(true));
        assert_eq!(g.value("NOT", &[txt("x")]), Value::Error(ErrorKind::Value));
    }
}
