//! The parsed form of a formula: a postfix (reverse Polish) sequence of items, as Excel itself
//! stores formulas. Postfix needs no recursion to evaluate, print or walk, however long the
//! formula; parentheses are kept as `Paren` items so printing reproduces the author's grouping.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::reference::{AreaReference, CellReference};
use crate::value::{ErrorKind, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Plus,
    Minus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `:` between two references: the smallest area containing both.
    Range,
    Pow,
    Mul,
    Div,
    Add,
    Sub,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Range => ":",
            BinaryOp::Pow => "^",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Concat => "&",
            BinaryOp::Eq => "=",
            BinaryOp::Ne => "<>",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
        }
    }

    /// Excel's precedence: `:` > negation > `%` > `^` > `* /` > `+ -` > `&` > comparisons.
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Range => PREC_RANGE,
            BinaryOp::Pow => 5,
            BinaryOp::Mul | BinaryOp::Div => 4,
            BinaryOp::Add | BinaryOp::Sub => 3,
            BinaryOp::Concat => 2,
            _ => 1,
        }
    }
}

pub const PREC_RANGE: u8 = 8;
pub const PREC_UNARY: u8 = 7;
pub const PREC_PERCENT: u8 = 6;
pub const PREC_ATOM: u8 = 9;

/// A constant array literal such as `{1,2;3,4}`, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayLiteral {
    pub rows: usize,
    pub cols: usize,
    pub values: Vec<Value>,
}

impl std::hash::Hash for ArrayLiteral {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.rows.hash(state);
        self.cols.hash(state);
        for v in &self.values {
            hash_value(v, state);
        }
    }
}

impl Eq for ArrayLiteral {}

pub(crate) fn hash_value<H: std::hash::Hasher>(v: &Value, state: &mut H) {
    use std::hash::Hash;
    match v {
        Value::Empty => 0u8.hash(state),
        Value::Number(n) => {
            1u8.hash(state);
            n.normalize().hash(state)
        }
        Value::Text(t) => {
            2u8.hash(state);
            t.hash(state)
        }
        Value::Bool(b) => {
            3u8.hash(state);
            b.hash(state)
        }
        Value::Error(e) => {
            4u8.hash(state);
            e.hash(state)
        }
    }
}

/// One item of a postfix formula.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Number(Decimal),
    Text(Arc<str>),
    Bool(bool),
    Error(ErrorKind),
    Array(Arc<ArrayLiteral>),
    Cell(CellReference),
    Area(AreaReference),
    /// A defined name or named cell, optionally qualified by a sheet (`Sheet1!Rate`).
    Name {
        sheet: Option<Arc<str>>,
        name: Arc<str>,
    },
    /// A reference into another workbook (`[1]Sheet1!A1`): kept as text, evaluates to `#REF!`.
    External(Arc<str>),
    Unary(UnaryOp),
    Binary(BinaryOp),
    Percent,
    /// Parentheses written by the author; no effect on the value.
    Paren,
    /// An omitted argument, as in `IF(A1,,2)`.
    Missing,
    /// A function call over the `argc` items before it. The name is upper-case, without
    /// `_xlfn.`/`_xlws.` prefixes.
    Call {
        name: Arc<str>,
        argc: u16,
    },
}

/// A parsed formula: postfix items, and the text it came from (without the leading `=`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Formula {
    pub items: Vec<Item>,
    /// An array formula (`{=...}` as Excel shows a CSE formula): every operator and function
    /// works element by element, with no implicit intersection.
    pub array: bool,
}

impl Formula {
    /// Every function name the formula calls, upper-case, in order of appearance.
    pub fn function_names(&self) -> Vec<Arc<str>> {
        let mut names: Vec<Arc<str>> = Vec::new();
        for item in &self.items {
            if let Item::Call { name, .. } = item {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        names
    }

    /// Every name the formula refers to (not functions, not cells).
    pub fn referenced_names(&self) -> Vec<Arc<str>> {
        let mut names: Vec<Arc<str>> = Vec::new();
        for item in &self.items {
            if let Item::Name { name, .. } = item {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    names.push(name.clone());
                }
            }
        }
        names
    }

    /// For each item, the index of the first item of the sub-expression it completes.
    /// Lets compilers find the extent of each function argument without recursion.
    pub fn subexpression_starts(&self) -> Option<Vec<usize>> {
        let mut starts = Vec::with_capacity(self.items.len());
        let mut stack: Vec<usize> = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            let start = match item {
                Item::Unary(_) | Item::Percent | Item::Paren => stack.pop()?,
                Item::Binary(_) => {
                    stack.pop()?;
                    stack.pop()?
                }
                Item::Call { argc, .. } => {
                    let mut first = i;
                    for _ in 0..*argc {
                        first = stack.pop()?;
                    }
                    first
                }
                _ => i,
            };
            stack.push(start);
            starts.push(start);
        }
        if stack.len() == 1 {
            Some(starts)
        } else {
            None
        }
    }
}
