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

fn if_(args: &mut dyn LazyArgs) -> Operand {
    // In an array context a range or array condition chooses element by element.
    let cond = args.eval_value(0);
    if cond.is_multi() {
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
        if cond.is_multi() {
            return ifs_array(args, pair, cond);
        }
        match scalar(&cond, args.context()).to_bool() {
            Ok(true) => return branch(args.eval(pair * 2 + 1)),
            Ok(false) => {}
            Err(e) => return Operand::error(e),
        }
    }
    Operand::error(ErrorKind::NA)
}

/// IFS from the first range or array condition on (an array context; the conditions before it
/// were false): every remaining argument is evaluated, and each element takes the value of its
/// first true condition, an error condition's error, or `#N/A`.
fn ifs_array(args: &mut dyn LazyArgs, first_pair: usize, cond: Operand) -> Operand {
    let mut operands = vec![cond];
    for i in first_pair * 2 + 1..args.count() {
        operands.push(if i % 2 == 0 {
            args.eval_value(i)
        } else {
            branch(args.eval(i))
        });
    }
    map_elements(&operands, args.context(), &mut |v| {
        for pair in v.chunks(2) {
            match pair.first().map(Value::to_bool) {
                Some(Ok(true)) => return pair.get(1).cloned().unwrap_or_default(),
                Some(Err(e)) => return Value::Error(e),
                _ => {}
            }
        }
        Value::Error(ErrorKind::NA)
    })
}

/// Maps `f` over operands element by element (Excel's array lifting); all single values
/// give a single value.
fn map_elements(
    operands: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(&[Value]) -> Value,
) -> Operand {
    match lift(operands, ctx, f) {
        Some(array) => Operand::Array(Arc::new(array)),
        None => {
            let values: Vec<Value> = operands.iter().map(|o| scalar(o, ctx)).collect();
            Operand::Value(f(&values))
        }
    }
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
    let index = args.eval_value(0);
    if index.is_multi() {
        // An array context: every choice is evaluated and picked element by element.
        let mut operands = vec![index];
        operands.extend((1..args.count()).map(|i| branch(args.eval(i))));
        return map_elements(
            &operands,
            args.context(),
            &mut |v| match choice(&v[0], v.len()) {
                Ok(i) => v.get(i).cloned().unwrap_or_default(),
                Err(e) => Value::Error(e),
            },
        );
    }
    match choice(&scalar(&index, args.context()), args.count()) {
        Ok(i) => branch(args.eval(i)),
        Err(e) => Operand::error(e),
    }
}

/// The argument CHOOSE returns for an index: 1 is the first choice (argument 1); outside the
/// choices is `#VALUE!`.
fn choice(index: &Value, count: usize) -> Result<usize, ErrorKind> {
    use rust_decimal::prelude::ToPrimitive;
    let i = crate::numeric::snap15(index.to_number()?).trunc();
    match i.to_usize() {
        Some(i) if i >= 1 && i < count => Ok(i),
        _ => Err(ErrorKind::Value),
    }
}

fn switch(args: &mut dyn LazyArgs) -> Operand {
    let subject = args.eval_value(0);
    if subject.is_multi() {
        // An array context: every argument is evaluated and matched element by element.
        let mut operands = vec![subject];
        operands.extend((1..args.count()).map(|i| branch(args.eval(i))));
        return map_elements(&operands, args.context(), &mut switch_element);
    }
    let subject = scalar(&subject, args.context());
    if let Value::Error(e) = subject {
        return Operand::error(e);
    }
    let rest = args.count() - 1;
    for p in 0..rest / 2 {
        let candidate = scalar(&branch(args.eval(1 + p * 2)), args.context());
        match switch_matches(&subject, &candidate) {
            Ok(true) => return branch(args.eval(2 + p * 2)),
            Ok(false) => {}
            Err(e) => return Operand::error(e),
        }
    }
    if rest % 2 == 1 {
        return branch(args.eval(args.count() - 1));
    }
    Operand::error(ErrorKind::NA)
}

/// SWITCH on one element: `values` are the subject, then value/result pairs, then the
/// optional default.
fn switch_element(values: &[Value]) -> Value {
    let Some((subject, rest)) = values.split_first() else {
        return Value::Error(ErrorKind::NA);
    };
    if let Value::Error(e) = subject {
        return Value::Error(*e);
    }
    let mut pairs = rest.chunks_exact(2);
    for pair in &mut pairs {
        if let [candidate, result] = pair {
            match switch_matches(subject, candidate) {
                Ok(true) => return result.clone(),
                Ok(false) => {}
                Err(e) => return Value::Error(e),
            }
        }
    }
    match pairs.remainder().first() {
        Some(default) => default.clone(),
        None => Value::Error(ErrorKind::NA),
    }
}

/// Whether SWITCH's subject equals a candidate value: the same type (an empty cell or an
/// omitted value is the number 0, so it matches 0 but not "" or FALSE) and equal, text
/// ignoring case. An error candidate is returned as the error.
fn switch_matches(subject: &Value, candidate: &Value) -> Result<bool, ErrorKind> {
    let zero_if_empty = |v: &Value| match v {
        Value::Empty => Value::Number(rust_decimal::Decimal::ZERO),
        other => other.clone(),
    };
    let (subject, candidate) = (zero_if_empty(subject), zero_if_empty(candidate));
    if let Value::Error(e) = candidate {
        return Err(e);
    }
    let same_type = std::mem::discriminant(&subject) == std::mem::discriminant(&candidate);
    Ok(same_type && subject.compare(&candidate).is_ok_and(|o| o.is_eq()))
}

/// Folds the logical values of AND/OR/XOR arguments: references and arrays contribute their
/// numbers and booleans (text and empty cells are skipped); a direct text argument counts when
/// it reads TRUE or FALSE and is skipped otherwise (Excel: `AND(TRUE,"0")` is TRUE and
/// `AND(TRUE,"0",#REF!)` is `#REF!`); an omitted argument is FALSE (`OR(,1)` is TRUE, `OR(,)`
/// FALSE); no logical value at all is `#VALUE!`.
fn fold_logical(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: &mut dyn FnMut(bool),
) -> Result<(), ErrorKind> {
    let mut seen = false;
    for arg in args {
        match arg {
            Operand::Value(v) => match v {
                Value::Text(t) if !is_logical_text(t) => {}
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

/// Text that AND/OR/XOR read as a logical value.
fn is_logical_text(t: &str) -> bool {
    t.eq_ignore_ascii_case("TRUE") || t.eq_ignore_ascii_case("FALSE")
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
    use super::Operand;
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

    /// Direct text other than TRUE/FALSE is skipped, so a later error still wins; an omitted
    /// argument is FALSE (formulas__test LOGICAL sheet row 3; IronCalc's OR/XOR tests).
    #[test]
    fn and_or_xor_skip_direct_text_and_count_omitted_as_false() {
        let g = TestGrid::new();
        let t = Value::Bool(true);
        let f = Value::Bool(false);
        assert_eq!(g.value("AND", &[boolean(true), txt("0")]), t);
        assert_eq!(
            g.value("AND", &[boolean(true), txt("0"), err(ErrorKind::Ref)]),
            Value::Error(ErrorKind::Ref)
        );
        assert_eq!(
            g.value(
                "AND",
                &[boolean(true), txt("ciao"), err(ErrorKind::Ref), txt("0")]
            ),
            Value::Error(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("OR", &[boolean(true), txt("0"), err(ErrorKind::Ref)]),
            Value::Error(ErrorKind::Ref)
        );
        assert_eq!(
            g.value("XOR", &[boolean(true), txt("0"), err(ErrorKind::Ref)]),
            Value::Error(ErrorKind::Ref)
        );
        assert_eq!(g.value("OR", &[txt(""), boolean(false)]), f);
        assert_eq!(g.value("OR", &[txt("")]), Value::Error(ErrorKind::Value));
        assert_eq!(g.value("AND", &[txt("true"), num("1")]), t);
        assert_eq!(g.value("OR", &[empty(), empty()]), f);
        assert_eq!(g.value("OR", &[empty(), num("1")]), t);
        assert_eq!(g.value("AND", &[empty(), num("1")]), f);
    }

    /// In an array context a range condition, index or subject maps element by element, and
    /// the cell shows the first element (pycel logical.xlsx and formulas__test rows).
    #[test]
    fn ifs_choose_and_switch_map_over_ranges_in_array_context() {
        let mut g = TestGrid::new();
        // pycel Logical!O26..O44: {=IFS(A:C,1,B,2)} over one row.
        g.set("A1", Value::Error(ErrorKind::Div0)).set("B1", n("1"));
        g.set("A2", n("-1")).set("B2", n("0"));
        g.set("A3", n("0")).set("B3", n("1"));
        g.set("A4", Value::Bool(false)).set("B4", n("0"));
        let ifs = |row: u32| {
            g.value(
                "IFS",
                &[
                    g.area(&format!("A{row}:C{row}")),
                    num("1"),
                    g.area(&format!("B{row}")),
                    num("2"),
                ],
            )
        };
        assert_eq!(ifs(1), Value::Error(ErrorKind::Div0));
        assert_eq!(ifs(2), n("1"));
        assert_eq!(ifs(3), n("2"));
        assert_eq!(ifs(4), Value::Error(ErrorKind::NA));
        // formulas__test LOGICAL!AG11: IFS(C11:D11,J11,E11:F11,G11) is -1.
        g.set("C11", n("0")).set("D11", n("1")).set("E11", n("2.3"));
        g.set("G11", n("-1")).set("J11", Value::Bool(true));
        assert_eq!(
            g.value(
                "IFS",
                &[
                    g.area("C11:D11"),
                    g.area("J11"),
                    g.area("E11:F11"),
                    g.area("G11")
                ]
            ),
            n("-1")
        );
        // formulas__test LOOKUP!AG5: CHOOSE(D5:F5,C5:E5,H5:J5,G5:I5,2,3) is -2.
        g.set("C5", n("-2")).set("D5", n("1.1")).set("E5", n("3"));
        g.set("F5", n("4")).set("G5", n("4.1"));
        assert_eq!(
            g.value(
                "CHOOSE",
                &[
                    g.area("D5:F5"),
                    g.area("C5:E5"),
                    g.area("H5:J5"),
                    g.area("G5:I5"),
                    num("2"),
                    num("3")
                ]
            ),
            n("-2")
        );
        // pycel Switch!A44/E44: SWITCH(A45:C45,FALSE,0,TRUE,1) over FALSE,FALSE,TRUE.
        g.set("A45", Value::Bool(false))
            .set("B45", Value::Bool(false));
        g.set("C45", Value::Bool(true));
        let switch = |first: bool| {
            g.value(
                "SWITCH",
                &[
                    g.area("A45:C45"),
                    boolean(first),
                    num("0"),
                    boolean(!first),
                    num("1"),
                ],
            )
        };
        assert_eq!(switch(false), n("0"));
        assert_eq!(switch(true), n("1"));
    }

    /// SWITCH compares an empty cell or omitted value as the number 0 (pycel Switch!C29..C41,
    /// formulas__test LOGICAL!R25).
    #[test]
    fn switch_reads_empty_as_zero() {
        let mut g = TestGrid::new();
        g.set("A1", n("0"))
            .set("B2", n("0"))
            .set("B3", Value::text(""));
        g.set("A4", Value::Bool(false));
        let matched = |subject: Operand, candidate: Operand| {
            g.value("SWITCH", &[subject, candidate, txt("match")])
        };
        let m = Value::text("match");
        let na = Value::Error(ErrorKind::NA);
        assert_eq!(matched(g.area("A1"), g.area("Z1")), m);
        assert_eq!(matched(g.area("Z2"), g.area("B2")), m);
        assert_eq!(matched(g.area("Z3"), g.area("B3")), na);
        assert_eq!(matched(g.area("A4"), g.area("Z4")), na);
        assert_eq!(
            g.value(
                "SWITCH",
                &[
                    g.area("A1"),
                    num("2"),
                    num("0"),
                    empty(),
                    num("3"),
                    num("7")
                ]
            ),
            n("3")
        );
    }
}
