//! Postfix formula -> Excel formula text, with a stack of strings (no recursion).

use super::ast::{BinaryOp, Formula, Item, UnaryOp, PREC_ATOM, PREC_PERCENT, PREC_UNARY};
use super::reference::quote_sheet_name;
use crate::numeric;
use crate::value::Value;

/// Formula text without the leading `=`.
pub fn to_text(formula: &Formula) -> String {
    let mut stack: Vec<(String, u8)> = Vec::new();
    for item in &formula.items {
        match item {
            Item::Unary(op) => {
                let (a, p) = stack.pop().unwrap_or_default();
                let a = wrap(a, p < PREC_UNARY);
                let sign = if *op == UnaryOp::Minus { "-" } else { "+" };
                stack.push((format!("{sign}{a}"), PREC_UNARY));
            }
            Item::Percent => {
                let (a, p) = stack.pop().unwrap_or_default();
                stack.push((format!("{}%", wrap(a, p < PREC_PERCENT)), PREC_PERCENT));
            }
            Item::Paren => {
                let (a, _) = stack.pop().unwrap_or_default();
                stack.push((format!("({a})"), PREC_ATOM));
            }
            Item::Binary(op) => {
                let (b, pb) = stack.pop().unwrap_or_default();
                let (a, pa) = stack.pop().unwrap_or_default();
                let p = op.precedence();
                let a = wrap(a, pa < p);
                let b = wrap(b, pb <= p && *op != BinaryOp::Range);
                stack.push((format!("{a}{}{b}", op.symbol()), p));
            }
            Item::Call { name, argc } => {
                let n = usize::from(*argc).min(stack.len());
                let args: Vec<String> = stack.drain(stack.len() - n..).map(|(s, _)| s).collect();
                stack.push((format!("{name}({})", args.join(",")), PREC_ATOM));
            }
            operand => stack.push((operand_text(operand), PREC_ATOM)),
        }
    }
    stack.pop().map(|(s, _)| s).unwrap_or_default()
}

fn wrap(s: String, needed: bool) -> String {
    if needed {
        format!("({s})")
    } else {
        s
    }
}

/// A constant as it is written in a formula.
pub fn literal_text(v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Number(n) => numeric::to_plain_string(*n),
        Value::Text(t) => format!("\"{}\"", t.replace('"', "\"\"")),
        Value::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Value::Error(e) => e.as_str().to_string(),
    }
}

fn operand_text(item: &Item) -> String {
    match item {
        Item::Number(n) => numeric::to_plain_string(*n),
        Item::Text(t) => literal_text(&Value::Text(t.clone())),
        Item::Bool(b) => literal_text(&Value::Bool(*b)),
        Item::Error(e) => e.as_str().to_string(),
        Item::Array(a) => {
            let mut out = String::from("{");
            for r in 0..a.rows {
                if r > 0 {
                    out.push(';');
                }
                for c in 0..a.cols {
                    if c > 0 {
                        out.push(',');
                    }
                    if let Some(v) = a.values.get(r * a.cols + c) {
                        out.push_str(&literal_text(v));
                    }
                }
            }
            out.push('}');
            out
        }
        Item::Cell(c) => c.to_string(),
        Item::Area(a) => a.to_string(),
        Item::Name { sheet, name } => match sheet {
            Some(s) => format!("{}!{name}", quote_sheet_name(s)),
            None => name.to_string(),
        },
        Item::External(t) => t.to_string(),
        Item::Missing => String::new(),
        Item::Unary(_) | Item::Binary(_) | Item::Percent | Item::Paren | Item::Call { .. } => {
            String::new()
        }
    }
}
