//! Excel's functions, one file per Excel category. Each category file exports a table
//! `FUNCTIONS: &[FunctionDef]`; adding a function is one table entry, its implementation and
//! its tests in that file.
//!
//! A function is one of three kinds:
//! - [`Kind::Scalar`]: takes single values; the evaluator coerces every argument to a value and
//!   maps the function over arrays and ranges element by element (ABS(A1:A3) is an array).
//! - [`Kind::Eager`]: takes its arguments as [`Operand`]s (values, references, arrays), already
//!   evaluated; for aggregates and lookups.
//! - [`Kind::Lazy`]: evaluates only the arguments it needs (IF, IFERROR, CHOOSE...).

pub mod args;
pub mod criteria;
pub mod database;
pub mod date;
pub mod engineering;
pub mod erf;
pub mod financial;
pub mod information;
pub mod logical;
pub mod lookup;
pub mod math;
pub mod statistical;
pub mod text;
pub mod toolpak;

#[cfg(test)]
pub mod testing;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use args::{Area, Array, EvalContext, Operand, SheetId};

use crate::value::Value;

/// Excel's function categories, as `kachi functions` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Math,
    Statistical,
    Logical,
    Text,
    Information,
    Lookup,
    Date,
    Financial,
    Engineering,
    Database,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Math => "math and trigonometry",
            Category::Statistical => "statistical",
            Category::Logical => "logical",
            Category::Text => "text",
            Category::Information => "information",
            Category::Lookup => "lookup and reference",
            Category::Date => "date and time",
            Category::Financial => "financial",
            Category::Engineering => "engineering",
            Category::Database => "database",
        }
    }
}

/// Arguments of a lazy function: evaluated one at a time, on demand.
pub trait LazyArgs {
    /// Number of arguments written in the call.
    fn count(&self) -> usize;
    /// Evaluates argument `i` (an omitted argument is an empty value; past the end, `#N/A`).
    fn eval(&mut self, i: usize) -> Operand;
    /// Evaluates a condition-like argument (IF's test, IFERROR's value, CHOOSE's index): in a
    /// legacy formula outside any array context, a range becomes the cell in the formula's own
    /// row or column; otherwise it is returned as is, for the function to map over.
    fn eval_value(&mut self, i: usize) -> Operand {
        self.eval(i)
    }
    /// The workbook, to read references the arguments return.
    fn context(&self) -> &dyn EvalContext;
}

pub type ScalarFn = fn(&[Value], &dyn EvalContext) -> Value;
pub type EagerFn = fn(&[Operand], &dyn EvalContext) -> Operand;
pub type LazyFn = fn(&mut dyn LazyArgs) -> Operand;

#[derive(Clone, Copy)]
pub enum Kind {
    Scalar(ScalarFn),
    Eager(EagerFn),
    Lazy(LazyFn),
}

/// One function: its Excel name, how many arguments it takes, and its implementation.
#[derive(Clone, Copy)]
pub struct FunctionDef {
    /// Upper-case Excel name without `_xlfn.` (e.g. "STDEV.S").
    pub name: &'static str,
    /// The argument list as Excel's help shows it, e.g. "number1, [number2], ...".
    pub args: &'static str,
    pub min_args: u8,
    /// [`VARIADIC`] for "as many as Excel allows" (255).
    pub max_args: u8,
    pub kind: Kind,
    /// Recomputed on every recalculation (NOW, RAND, OFFSET, INDIRECT).
    pub volatile: bool,
    /// An eager function that maps over its arguments element by element like a scalar one
    /// (it is eager only to tell an omitted argument from an empty cell: CEILING.MATH, LOG):
    /// in a legacy formula its range arguments are intersected as a scalar function's are.
    pub elementwise: bool,
}

pub const VARIADIC: u8 = 255;

/// Functions whose arguments Excel evaluates as arrays even in an ordinary (non-array)
/// formula: inside them, operators work element by element instead of intersecting.
pub const ARRAY_ARGUMENT_FUNCTIONS: &[&str] = &[
    "SUMPRODUCT",
    "MMULT",
    "MDETERM",
    "MINVERSE",
    "TRANSPOSE",
    "FREQUENCY",
    "LINEST",
    "LOGEST",
    "TREND",
    "GROWTH",
    "INDEX",
    "MATCH",
    "LOOKUP",
    "XLOOKUP",
    "XMATCH",
    "VLOOKUP",
    "HLOOKUP",
    "SUMX2MY2",
    "SUMX2PY2",
    "SUMXMY2",
    "CORREL",
    "PEARSON",
    "RSQ",
    "SLOPE",
    "INTERCEPT",
    "STEYX",
    "COVAR",
    "COVARIANCE.P",
    "COVARIANCE.S",
    "FORECAST",
    "FORECAST.LINEAR",
    "PROB",
    "T.TEST",
    "TTEST",
    "F.TEST",
    "FTEST",
    "CHISQ.TEST",
    "CHITEST",
    "AGGREGATE",
    "FILTER",
    "SORT",
    "SORTBY",
    "UNIQUE",
    "TOCOL",
    "TOROW",
    "VSTACK",
    "HSTACK",
    "TAKE",
    "DROP",
    "CHOOSECOLS",
    "CHOOSEROWS",
    "EXPAND",
    "TEXTJOIN",
    "CONCAT",
    "ARRAYTOTEXT",
    "NPV",
    "IRR",
    "MIRR",
    "XNPV",
    "XIRR",
];

impl FunctionDef {
    pub const fn scalar(
        name: &'static str,
        args: &'static str,
        min: u8,
        max: u8,
        f: ScalarFn,
    ) -> Self {
        FunctionDef {
            name,
            args,
            min_args: min,
            max_args: max,
            kind: Kind::Scalar(f),
            volatile: false,
            elementwise: false,
        }
    }
    pub const fn eager(
        name: &'static str,
        args: &'static str,
        min: u8,
        max: u8,
        f: EagerFn,
    ) -> Self {
        FunctionDef {
            name,
            args,
            min_args: min,
            max_args: max,
            kind: Kind::Eager(f),
            volatile: false,
            elementwise: false,
        }
    }
    pub const fn lazy(name: &'static str, args: &'static str, min: u8, max: u8, f: LazyFn) -> Self {
        FunctionDef {
            name,
            args,
            min_args: min,
            max_args: max,
            kind: Kind::Lazy(f),
            volatile: false,
            elementwise: false,
        }
    }
    /// Marks the function volatile (recomputed on every recalculation).
    pub const fn volatile(mut self) -> Self {
        self.volatile = true;
        self
    }

    /// Marks an eager function as mapping element by element (the `elementwise` field).
    pub const fn elementwise(mut self) -> Self {
        self.elementwise = true;
        self
    }

    /// Does the function read single values, so that a legacy formula (outside any array
    /// context) gives it the cell of a range in the formula's own row or column rather than
    /// the range? Scalar functions and elementwise eager ones do.
    pub fn reads_single_values(&self) -> bool {
        matches!(self.kind, Kind::Scalar(_)) || self.elementwise
    }

    /// `NAME(args)` for listings.
    pub fn signature(&self) -> String {
        format!("{}({})", self.name, self.args)
    }
}

/// Index of a function in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FunctionId(pub u16);

pub struct Registry {
    defs: Vec<(Category, FunctionDef)>,
    by_name: HashMap<&'static str, FunctionId>,
}

fn categories() -> Vec<(Category, &'static [FunctionDef])> {
    vec![
        (Category::Math, math::FUNCTIONS),
        (Category::Statistical, statistical::FUNCTIONS),
        (Category::Logical, logical::FUNCTIONS),
        (Category::Text, text::FUNCTIONS),
        (Category::Information, information::FUNCTIONS),
        (Category::Lookup, lookup::FUNCTIONS),
        (Category::Date, date::FUNCTIONS),
        (Category::Financial, financial::FUNCTIONS),
        (Category::Database, database::FUNCTIONS),
        (Category::Engineering, engineering::FUNCTIONS),
    ]
}

impl Registry {
    fn build() -> Registry {
        let mut defs = Vec::new();
        let mut by_name = HashMap::new();
        for (category, table) in categories() {
            for def in table {
                if by_name.contains_key(def.name) {
                    continue;
                }
                by_name.insert(def.name, FunctionId(defs.len() as u16));
                defs.push((category, *def));
            }
        }
        Registry { defs, by_name }
    }

    /// The registry of every built-in function.
    pub fn global() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(Registry::build)
    }

    /// Finds a function by its upper-case name (without `_xlfn.`).
    pub fn lookup(&self, upper_name: &str) -> Option<FunctionId> {
        self.by_name.get(upper_name).copied()
    }

    pub fn def(&self, id: FunctionId) -> Option<&FunctionDef> {
        self.defs.get(usize::from(id.0)).map(|(_, d)| d)
    }

    pub fn category(&self, id: FunctionId) -> Option<Category> {
        self.defs.get(usize::from(id.0)).map(|(c, _)| *c)
    }

    /// Every function with its category, in category then name order.
    pub fn all(&self) -> Vec<(Category, &FunctionDef)> {
        let mut all: Vec<(Category, &FunctionDef)> =
            self.defs.iter().map(|(c, d)| (*c, d)).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(b.1.name)));
        all
    }

    pub fn len(&self) -> usize {
        self.defs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }
}

/// Calls a scalar or eager function on evaluated arguments: scalar functions get each argument
/// as one value, mapped element by element over arrays and multi-cell references.
pub fn call_eager(def: &FunctionDef, args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    match def.kind {
        Kind::Eager(f) => f(args, ctx),
        Kind::Scalar(f) => {
            if let Some(array) = args::lift(args, ctx, &mut |values| f(values, ctx)) {
                return Operand::Array(std::sync::Arc::new(array));
            }
            let values: Vec<Value> = args.iter().map(|a| args::scalar(a, ctx)).collect();
            Operand::Value(f(&values, ctx))
        }
        Kind::Lazy(f) => {
            let mut lazy = EvaluatedArgs { args, ctx };
            f(&mut lazy)
        }
    }
}

/// Lazy arguments that happen to be evaluated already (tests, and callers outside formulas).
pub struct EvaluatedArgs<'a> {
    pub args: &'a [Operand],
    pub ctx: &'a dyn EvalContext,
}

impl LazyArgs for EvaluatedArgs<'_> {
    fn count(&self) -> usize {
        self.args.len()
    }
    fn eval(&mut self, i: usize) -> Operand {
        self.args
            .get(i)
            .cloned()
            .unwrap_or(Operand::error(crate::value::ErrorKind::NA))
    }
    fn context(&self) -> &dyn EvalContext {
        self.ctx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_is_listed_once_with_sane_arity() {
        let reg = Registry::global();
        let mut seen = std::collections::HashSet::new();
        for (_, table) in categories() {
            for def in table {
                assert!(seen.insert(def.name), "{} is defined twice", def.name);
                assert!(def.min_args <= def.max_args, "{}", def.name);
                assert_eq!(def.name, def.name.to_uppercase());
                assert!(reg.lookup(def.name).is_some());
            }
        }
    }
}
