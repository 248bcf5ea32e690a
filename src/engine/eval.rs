//! The formula interpreter: runs a compiled [`Program`] on a stack of [`Operand`]s. Postfix code
//! needs no recursion; only lazy functions (IF, IFERROR...) evaluate their argument blocks by a
//! nested call, whose depth the parser bounds at `MAX_NESTING`.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::program::{Anchor, Op, RelArea, RelCell, OWN_SHEET, SIMPLE_DEPTH};
use super::workbook::{NodeKind, Workbook, NO_REFS};
use super::NodeId;
use crate::formula::reference::{MAX_COLS, MAX_ROWS};
use crate::formula::{AreaKind, BinaryOp, CellPos, Item, UnaryOp};
use crate::functions::args::scalar as scalar_value;
use crate::functions::args::{implicit_intersection, lift, scalar, single, MAX_ARRAY_CELLS};
use crate::functions::{
    call_eager, Area, Array, EvalContext, Kind, LazyArgs, Operand, Registry, SheetId,
};
use crate::numeric;
use crate::value::{ErrorKind, Value};

static EMPTY: Value = Value::Empty;

/// Read access to a workbook for one formula's evaluation.
pub struct EvalCtx<'a> {
    pub wb: &'a Workbook,
    pub current: Option<(SheetId, CellPos)>,
    /// Set when a function asks to scan, cell by cell, an area of more than
    /// [`MAX_ARRAY_CELLS`] used cells (a sheet used from A1 to XFD1048576): the function gets
    /// a one-cell area instead, and its result becomes `#NUM!` (no 17-billion-cell loops).
    pub too_large: std::cell::Cell<bool>,
}

impl EvalContext for EvalCtx<'_> {
    #[inline]
    fn cell(&self, sheet: SheetId, row: u32, col: u32) -> &Value {
        self.wb.cell_value(sheet, row, col).unwrap_or(&EMPTY)
    }

    fn for_each_in_area(&self, area: &Area, f: &mut dyn FnMut(u32, u32, &Value)) {
        let Some(sheet) = self.wb.sheets.get(area.sheet.0 as usize) else {
            return;
        };
        sheet
            .grid
            .for_each_in(area.top, area.left, area.bottom, area.right, |r, c, id| {
                if let Some(node) = self.wb.nodes.get(id.index()) {
                    if !node.value.is_empty() {
                        f(r, c, &node.value);
                    }
                }
            });
    }

    fn clip_to_used(&self, area: &Area) -> Area {
        let Some(sheet) = self.wb.sheets.get(area.sheet.0 as usize) else {
            return Area {
                bottom: area.top,
                right: area.left,
                ..*area
            };
        };
        let max_row = sheet.grid.extent_rows.saturating_sub(1).max(area.top);
        let max_col = sheet.grid.extent_cols.saturating_sub(1).max(area.left);
        let clipped = Area {
            bottom: area.bottom.min(max_row),
            right: area.right.min(max_col),
            ..*area
        };
        if clipped.rows().saturating_mul(clipped.cols()) > MAX_ARRAY_CELLS {
            self.too_large.set(true);
            return Area {
                bottom: area.top,
                right: area.left,
                ..*area
            };
        }
        clipped
    }

    fn current_cell(&self) -> Option<(SheetId, CellPos)> {
        self.current
    }

    fn sheet_by_name(&self, name: &str) -> Option<SheetId> {
        self.wb.sheet_id(name)
    }

    fn sheet_name(&self, sheet: SheetId) -> Option<&str> {
        self.wb.sheets.get(sheet.0 as usize).map(|s| &*s.name)
    }

    fn sheet_count(&self) -> usize {
        self.wb.sheets.len()
    }

    fn resolve_reference_text(&self, text: &str, a1: bool) -> Operand {
        resolve_reference_text(self, text, a1)
    }

    fn formula_text(&self, sheet: SheetId, row: u32, col: u32) -> Option<String> {
        let id = self.wb.sheets.get(sheet.0 as usize)?.grid.get(row, col)?;
        self.wb.formula_of_node(id)
    }

    fn now_serial(&self) -> Decimal {
        self.wb.now_serial()
    }

    fn random(&self) -> f64 {
        self.wb.next_random()
    }
}

/// Resolves INDIRECT text: `B3`, `$A$1:B2`, `Sheet2!A1`, a defined name, or R1C1 text.
fn resolve_reference_text(ctx: &EvalCtx<'_>, text: &str, a1: bool) -> Operand {
    let own = ctx.current.map(|(s, _)| s);
    let text = text.trim();
    if !a1 {
        return resolve_r1c1(ctx, text);
    }
    let Ok(formula) = crate::formula::parse(text) else {
        return Operand::error(ErrorKind::Ref);
    };
    let item = match formula.items.as_slice() {
        [item] => item,
        _ => return Operand::error(ErrorKind::Ref),
    };
    let sheet_of = |name: &Option<Arc<str>>| -> Option<SheetId> {
        match name {
            Some(n) => ctx.wb.sheet_id(n),
            None => own.or_else(|| (!ctx.wb.sheets.is_empty()).then_some(SheetId(0))),
        }
    };
    match item {
        Item::Cell(c) => match sheet_of(&c.sheet) {
            Some(s) => Operand::Ref(Area::cell(s, c.row.index, c.col.index)),
            None => Operand::error(ErrorKind::Ref),
        },
        Item::Area(a) => match sheet_of(&a.sheet) {
            Some(s) => Operand::Ref(normalize_area(
                s,
                a.top.index,
                a.left.index,
                a.bottom.index,
                a.right.index,
            )),
            None => Operand::error(ErrorKind::Ref),
        },
        Item::Name { sheet, name } => {
            let scope = match sheet {
                Some(s) => match ctx.wb.sheet_id(s) {
                    Some(id) => Some(id),
                    None => return Operand::error(ErrorKind::Ref),
                },
                None => None,
            };
            match ctx.wb.find_name(scope, own, name) {
                Some(id) => match ctx.wb.name_reference(id) {
                    Some(op) => op,
                    None => Operand::error(ErrorKind::Ref),
                },
                None => Operand::error(ErrorKind::Ref),
            }
        }
        _ => Operand::error(ErrorKind::Ref),
    }
}

/// `R1C1`, `R[-1]C[2]`, `RC`, `R2C3:R4C5`, optionally sheet-qualified.
fn resolve_r1c1(ctx: &EvalCtx<'_>, text: &str) -> Operand {
    let (sheet, body) = match text.rsplit_once('!') {
        Some((s, b)) => {
            let s = s.trim_matches('\'').replace("''", "'");
            match ctx.wb.sheet_id(&s) {
                Some(id) => (Some(id), b),
                None => return Operand::error(ErrorKind::Ref),
            }
        }
        None => (ctx.current.map(|(s, _)| s), text),
    };
    let Some(sheet) = sheet.or_else(|| (!ctx.wb.sheets.is_empty()).then_some(SheetId(0))) else {
        return Operand::error(ErrorKind::Ref);
    };
    let here = ctx.current.map(|(_, p)| p).unwrap_or(CellPos::new(0, 0));
    let parse_one = |s: &str| -> Option<(u32, u32)> {
        let upper = s.to_ascii_uppercase();
        let rest = upper.strip_prefix('R')?;
        let (row, rest) = parse_r1c1_part(rest, here.row, MAX_ROWS)?;
        let rest = rest.strip_prefix('C')?;
        let (col, rest) = parse_r1c1_part(rest, here.col, MAX_COLS)?;
        rest.is_empty().then_some((row, col))
    };
    let (a, b) = body.split_once(':').unwrap_or((body, body));
    match (parse_one(a), parse_one(b)) {
        (Some((r1, c1)), Some((r2, c2))) => Operand::Ref(normalize_area(sheet, r1, c1, r2, c2)),
        _ => Operand::error(ErrorKind::Ref),
    }
}

fn parse_r1c1_part(s: &str, here: u32, limit: u32) -> Option<(u32, &str)> {
    if let Some(rest) = s.strip_prefix('[') {
        let end = rest.find(']')?;
        let offset: i64 = rest[..end].parse().ok()?;
        let v = i64::from(here) + offset;
        return (0..i64::from(limit))
            .contains(&v)
            .then_some((v as u32, &rest[end + 1..]));
    }
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return Some((here, s));
    }
    let n: u32 = s[..digits].parse().ok()?;
    (1..=limit).contains(&n).then_some((n - 1, &s[digits..]))
}

pub fn normalize_area(sheet: SheetId, r1: u32, c1: u32, r2: u32, c2: u32) -> Area {
    Area {
        sheet,
        top: r1.min(r2),
        left: c1.min(c2),
        bottom: r1.max(r2),
        right: c1.max(c2),
    }
}

/// Resolves a relative cell at the anchor; None when it falls off the sheet.
#[inline]
pub fn resolve_cell(cell: &RelCell, anchor: Anchor) -> Option<(SheetId, u32, u32)> {
    let sheet = if cell.sheet == OWN_SHEET {
        anchor.sheet?
    } else {
        SheetId(cell.sheet)
    };
    Some((
        sheet,
        cell.row.resolve(anchor.row, MAX_ROWS)?,
        cell.col.resolve(anchor.col, MAX_COLS)?,
    ))
}

pub fn resolve_area(area: &RelArea, anchor: Anchor) -> Option<Area> {
    let sheet = if area.sheet == OWN_SHEET {
        anchor.sheet?
    } else {
        SheetId(area.sheet)
    };
    let (top, bottom) = match area.kind {
        AreaKind::Columns => (0, MAX_ROWS - 1),
        _ => (
            area.top.resolve(anchor.row, MAX_ROWS)?,
            area.bottom.resolve(anchor.row, MAX_ROWS)?,
        ),
    };
    let (left, right) = match area.kind {
        AreaKind::Rows => (0, MAX_COLS - 1),
        _ => (
            area.left.resolve(anchor.col, MAX_COLS)?,
            area.right.resolve(anchor.col, MAX_COLS)?,
        ),
    };
    Some(normalize_area(sheet, top, left, bottom, right))
}

/// Runs programs against one workbook, reusing one operand stack.
pub struct Evaluator<'a> {
    pub ctx: EvalCtx<'a>,
    stack: &'a mut Vec<Operand>,
}

impl<'a> Evaluator<'a> {
    pub fn new(wb: &'a Workbook, stack: &'a mut Vec<Operand>) -> Evaluator<'a> {
        Evaluator {
            ctx: EvalCtx {
                wb,
                current: None,
                too_large: std::cell::Cell::new(false),
            },
            stack,
        }
    }

    /// Evaluates a formula node and reduces the result to the cell's value.
    pub fn eval_node(&mut self, node: NodeId) -> Value {
        let wb = self.ctx.wb;
        let Some(n) = wb.nodes.get(node.index()) else {
            return Value::Error(ErrorKind::Ref);
        };
        let Some(program) = n.program.and_then(|p| wb.programs.get(p)) else {
            return n.value.clone();
        };
        let (anchor, current) = match n.kind {
            NodeKind::Cell { sheet, row, col } => (
                Anchor {
                    sheet: Some(sheet),
                    row,
                    col,
                },
                Some((sheet, CellPos::new(row, col))),
            ),
            _ => (wb.anchor_of(node), None),
        };
        if program.simple {
            let refs = if n.refs == NO_REFS {
                None
            } else {
                let start = n.refs as usize;
                let len = wb.refs.get(start).copied().unwrap_or(0) as usize;
                wb.refs.get(start + 1..start + 1 + len)
            };
            if let Some(v) = run_simple(&program.ops, anchor, wb, refs) {
                return v;
            }
        }
        self.ctx.current = current;
        let result = self.run(&program.ops, anchor);
        cell_result(&result, &self.ctx, program.intersect_result)
    }

    /// Evaluates code to one operand.
    pub fn run(&mut self, ops: &[Op], anchor: Anchor) -> Operand {
        let base = self.stack.len();
        let mut pc = 0;
        while let Some(op) = ops.get(pc) {
            match op {
                Op::Number(n) => self.stack.push(Operand::Value(Value::Number(*n))),
                Op::Text(t) => self.stack.push(Operand::Value(Value::Text(t.clone()))),
                Op::Bool(b) => self.stack.push(Operand::Value(Value::Bool(*b))),
                Op::Error(e) => self.stack.push(Operand::error(*e)),
                Op::Missing => self.stack.push(Operand::Value(Value::Empty)),
                Op::Array(a) => self.stack.push(Operand::Array(a.clone())),
                Op::Unresolved(_) => self.stack.push(Operand::error(ErrorKind::Ref)),
                Op::Cell { cell, as_value } => {
                    let operand = match resolve_cell(cell, anchor) {
                        Some((s, r, c)) if *as_value => {
                            Operand::Value(self.ctx.cell(s, r, c).clone())
                        }
                        Some((s, r, c)) => Operand::Ref(Area::cell(s, r, c)),
                        None => Operand::error(ErrorKind::Ref),
                    };
                    self.stack.push(operand);
                }
                Op::Area(area) => {
                    let operand = match resolve_area(area, anchor) {
                        Some(a) => Operand::Ref(a),
                        None => Operand::error(ErrorKind::Ref),
                    };
                    self.stack.push(operand);
                }
                Op::Name(id) => {
                    let wb = self.ctx.wb;
                    let operand = match wb.name_reference(*id) {
                        Some(r) => r,
                        None => match wb.name_value(*id) {
                            Some(v) => Operand::Value(v.clone()),
                            None => Operand::error(ErrorKind::Name),
                        },
                    };
                    self.stack.push(operand);
                }
                Op::Paren => {}
                Op::Unary { op, scalar } => {
                    let a = self.pop_operand(*scalar);
                    self.stack.push(unary(*op, a, &self.ctx));
                }
                Op::Percent { scalar } => {
                    let a = self.pop_operand(*scalar);
                    self.stack.push(percent(a, &self.ctx));
                }
                Op::Binary { op, scalar } => {
                    let scalar = *scalar && *op != BinaryOp::Range;
                    let rhs = self.pop_operand(scalar);
                    let lhs = self.pop_operand(scalar);
                    self.stack.push(binary(*op, lhs, rhs, &self.ctx));
                }
                Op::Call { func, argc, scalar } => {
                    let n = usize::from(*argc).min(self.stack.len() - base);
                    let at = self.stack.len() - n;
                    let registry = Registry::global();
                    let result = match registry.def(*func) {
                        Some(def) => {
                            if *scalar && def.reads_single_values() {
                                // Legacy formula: a range given to a scalar function is the
                                // cell in the formula's own row or column, not mapped over.
                                for arg in &mut self.stack[at..] {
                                    if is_multi(arg) {
                                        *arg = single(arg, &self.ctx);
                                    }
                                }
                            }
                            call_eager(def, &self.stack[at..], &self.ctx)
                        }
                        None => Operand::error(ErrorKind::Name),
                    };
                    let result = if self.ctx.too_large.replace(false) {
                        Operand::error(ErrorKind::Num)
                    } else {
                        result
                    };
                    self.stack.truncate(at);
                    self.stack.push(result);
                }
                Op::Unknown { argc, .. } => {
                    let n = usize::from(*argc).min(self.stack.len() - base);
                    let at = self.stack.len() - n;
                    self.stack.truncate(at);
                    self.stack.push(Operand::error(ErrorKind::Name));
                }
                Op::Lazy {
                    func,
                    block_lens,
                    scalar,
                } => {
                    let total: usize = block_lens.iter().map(|l| *l as usize).sum();
                    let blocks = ops.get(pc + 1..pc + 1 + total).unwrap_or(&[]);
                    let result = match Registry::global().def(*func).map(|d| d.kind) {
                        Some(Kind::Lazy(f)) => {
                            let mut frame = LazyFrame {
                                ev: self,
                                blocks,
                                lens: block_lens,
                                anchor,
                                scalar: *scalar,
                            };
                            f(&mut frame)
                        }
                        _ => Operand::error(ErrorKind::Name),
                    };
                    let result = if self.ctx.too_large.replace(false) {
                        Operand::error(ErrorKind::Num)
                    } else {
                        result
                    };
                    self.stack.push(result);
                    pc += 1 + total;
                    continue;
                }
            }
            pc += 1;
        }
        let result = if self.stack.len() > base {
            self.stack.pop().unwrap_or(Operand::error(ErrorKind::Value))
        } else {
            Operand::error(ErrorKind::Value)
        };
        self.stack.truncate(base);
        result
    }

    fn pop(&mut self) -> Operand {
        self.stack.pop().unwrap_or(Operand::error(ErrorKind::Value))
    }

    /// Pops an operand; in a scalar context a multi-cell reference or array becomes one value
    /// (Excel's implicit intersection).
    fn pop_operand(&mut self, scalar: bool) -> Operand {
        let op = self.pop();
        if scalar && is_multi(&op) {
            Operand::Value(scalar_value(&op, &self.ctx))
        } else {
            op
        }
    }
}

/// Runs a simple program (see `Program::simple`) on bare decimals: numbers and single cells
/// holding numbers, combined by arithmetic. Returns None when an operand is not a number (or a
/// reference falls off the sheet), and the caller runs the general interpreter instead.
///
/// The general interpreter's result for such code is the first error produced in postfix order
/// (an operator returns its left operand's error, else its right operand's, else its own), so
/// returning at the first failing operation gives the same value.
///
/// `refs` are the node's operand cells as listed in `Workbook::refs`, if it has them (else
/// each reference is looked up in the grid).
#[inline]
fn run_simple(ops: &[Op], anchor: Anchor, wb: &Workbook, refs: Option<&[u32]>) -> Option<Value> {
    let mut stack = [Decimal::ZERO; SIMPLE_DEPTH];
    let mut sp = 0usize;
    let mut next_ref = 0usize;
    for op in ops {
        match op {
            Op::Number(n) => {
                *stack.get_mut(sp)? = *n;
                sp += 1;
            }
            Op::Cell { cell, .. } => {
                let value = match refs {
                    Some(refs) => {
                        let id = *refs.get(next_ref)?;
                        next_ref += 1;
                        if id == NodeId::NONE.0 {
                            return None;
                        }
                        wb.nodes.get(id as usize).map(|n| &n.value)
                    }
                    None => {
                        let (s, r, c) = resolve_cell(cell, anchor)?;
                        wb.cell_value(s, r, c)
                    }
                };
                match value {
                    Some(Value::Number(n)) => {
                        *stack.get_mut(sp)? = *n;
                        sp += 1;
                    }
                    _ => return None,
                }
            }
            Op::Paren
            | Op::Unary {
                op: UnaryOp::Plus, ..
            } => {}
            Op::Unary {
                op: UnaryOp::Minus, ..
            } => {
                let top = stack.get_mut(sp.checked_sub(1)?)?;
                *top = -*top;
            }
            Op::Percent { .. } => {
                let top = stack.get_mut(sp.checked_sub(1)?)?;
                match numeric::div(*top, Decimal::ONE_HUNDRED) {
                    Ok(v) => *top = v,
                    Err(e) => return Some(Value::Error(e)),
                }
            }
            Op::Binary { op, .. } => {
                if let Err(e) = binary_on_stack(*op, &mut stack, &mut sp)? {
                    return Some(Value::Error(e));
                }
            }
            _ => return None,
        }
    }
    if sp == 1 {
        Some(Value::Number(stack[0]))
    } else {
        None
    }
}

struct LazyFrame<'e, 'a> {
    ev: &'e mut Evaluator<'a>,
    blocks: &'e [Op],
    lens: &'e [u32],
    anchor: Anchor,
    scalar: bool,
}

impl LazyArgs for LazyFrame<'_, '_> {
    fn count(&self) -> usize {
        self.lens.len()
    }

    fn eval(&mut self, i: usize) -> Operand {
        let Some(len) = self.lens.get(i) else {
            return Operand::error(ErrorKind::NA);
        };
        let start: usize = self.lens[..i].iter().map(|l| *l as usize).sum();
        let Some(code) = self.blocks.get(start..start + *len as usize) else {
            return Operand::error(ErrorKind::Value);
        };
        let anchor = self.anchor;
        self.ev.run(code, anchor)
    }

    fn eval_value(&mut self, i: usize) -> Operand {
        let op = self.eval(i);
        if self.scalar && is_multi(&op) {
            Operand::Value(scalar_value(&op, &self.ev.ctx))
        } else {
            op
        }
    }

    fn context(&self) -> &dyn EvalContext {
        &self.ev.ctx
    }
}

/// A formula's final operand as the value its cell holds: a reference gives the referenced
/// value (for a range, the cell in the formula's own row or column; failing that, the
/// top-left cell as a spilled array's anchor shows, or `#VALUE!` for a legacy formula), an
/// array its first element; an empty result is 0, as in Excel.
pub fn cell_result(op: &Operand, ctx: &dyn EvalContext, legacy: bool) -> Value {
    let v = match op {
        Operand::Value(v) => v.clone(),
        Operand::Ref(a) => {
            if a.is_single_cell() {
                ctx.cell(a.sheet, a.top, a.left).clone()
            } else {
                match implicit_intersection(a, ctx) {
                    Some((r, c)) => ctx.cell(a.sheet, r, c).clone(),
                    None if legacy => Value::Error(ErrorKind::Value),
                    None => ctx.cell(a.sheet, a.top, a.left).clone(),
                }
            }
        }
        Operand::Array(arr) => arr
            .values
            .first()
            .cloned()
            .unwrap_or(Value::Error(ErrorKind::Value)),
    };
    match v {
        Value::Empty => Value::Number(Decimal::ZERO),
        v => v,
    }
}

fn is_multi(op: &Operand) -> bool {
    match op {
        Operand::Value(_) => false,
        Operand::Ref(a) => !a.is_single_cell(),
        Operand::Array(_) => true,
    }
}

fn unary(op: UnaryOp, a: Operand, ctx: &EvalCtx<'_>) -> Operand {
    let f = |v: &Value| -> Value {
        match op {
            UnaryOp::Plus => v.clone(),
            UnaryOp::Minus => match v.to_number() {
                Ok(n) => Value::Number(-n),
                Err(e) => Value::Error(e),
            },
        }
    };
    if is_multi(&a) {
        if let Some(arr) = lift(std::slice::from_ref(&a), ctx, &mut |v| f(&v[0])) {
            return Operand::Array(Arc::new(arr));
        }
    }
    if op == UnaryOp::Plus {
        return a;
    }
    Operand::Value(f(&scalar(&a, ctx)))
}

fn percent(a: Operand, ctx: &EvalCtx<'_>) -> Operand {
    let f = |v: &Value| -> Value {
        match v.to_number() {
            Ok(n) => numeric::div(n, Decimal::ONE_HUNDRED).into(),
            Err(e) => Value::Error(e),
        }
    };
    if is_multi(&a) {
        if let Some(arr) = lift(std::slice::from_ref(&a), ctx, &mut |v| f(&v[0])) {
            return Operand::Array(Arc::new(arr));
        }
    }
    Operand::Value(f(&scalar(&a, ctx)))
}

fn binary(op: BinaryOp, lhs: Operand, rhs: Operand, ctx: &EvalCtx<'_>) -> Operand {
    if op == BinaryOp::Range {
        return range_op(lhs, rhs);
    }
    if is_multi(&lhs) || is_multi(&rhs) {
        let args = [lhs, rhs];
        if let Some(arr) = lift(&args, ctx, &mut |v| binary_values(op, &v[0], &v[1])) {
            return Operand::Array(Arc::new(arr));
        }
        return Operand::error(ErrorKind::Value);
    }
    let a = match lhs {
        Operand::Value(v) => v,
        other => scalar(&other, ctx),
    };
    let b = match rhs {
        Operand::Value(v) => v,
        other => scalar(&other, ctx),
    };
    Operand::Value(binary_values(op, &a, &b))
}

/// `A1:B2` built from two references: the smallest area containing both.
fn range_op(lhs: Operand, rhs: Operand) -> Operand {
    match (lhs, rhs) {
        (Operand::Ref(a), Operand::Ref(b)) if a.sheet == b.sheet => Operand::Ref(Area {
            sheet: a.sheet,
            top: a.top.min(b.top),
            left: a.left.min(b.left),
            bottom: a.bottom.max(b.bottom),
            right: a.right.max(b.right),
        }),
        (Operand::Value(Value::Error(e)), _) | (_, Operand::Value(Value::Error(e))) => {
            Operand::error(e)
        }
        _ => Operand::error(ErrorKind::Value),
    }
}

/// A binary operator on two single values, with Excel's coercions.
pub fn binary_values(op: BinaryOp, a: &Value, b: &Value) -> Value {
    match op {
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Pow => {
            let x = match a.to_number() {
                Ok(x) => x,
                Err(e) => return Value::Error(e),
            };
            let y = match b.to_number() {
                Ok(y) => y,
                Err(e) => return Value::Error(e),
            };
            let r = match op {
                BinaryOp::Add => numeric::add(x, y),
                BinaryOp::Sub => numeric::sub(x, y),
                BinaryOp::Mul => numeric::mul(x, y),
                BinaryOp::Div => numeric::div(x, y),
                _ => numeric::power(x, y),
            };
            r.into()
        }
        BinaryOp::Concat => match (a.to_text(), b.to_text()) {
            (Ok(x), Ok(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(&x);
                s.push_str(&y);
                Value::text(s)
            }
            (Err(e), _) | (_, Err(e)) => Value::Error(e),
        },
        BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            match a.compare(b) {
                Ok(ord) => Value::Bool(match op {
                    BinaryOp::Eq => ord.is_eq(),
                    BinaryOp::Ne => !ord.is_eq(),
                    BinaryOp::Lt => ord.is_lt(),
                    BinaryOp::Le => ord.is_le(),
                    BinaryOp::Gt => ord.is_gt(),
                    _ => ord.is_ge(),
                }),
                Err(e) => Value::Error(e),
            }
        }
        BinaryOp::Range => Value::Error(ErrorKind::Value),
    }
}

/// The array an operand denotes (used when a name is defined as an array constant).
pub fn operand_array(op: &Operand, ctx: &dyn EvalContext) -> Array {
    crate::functions::args::to_array(op, ctx)
}

/// One arithmetic operator of a bare-decimal program (the simple-formula and sweep paths): pops
/// `b`, replaces `a` by `a op b`. None when the stack is short or the operator is not
/// arithmetic (see `program::is_decimal_arithmetic`).
#[inline]
pub(super) fn binary_on_stack(
    op: BinaryOp,
    stack: &mut [Decimal],
    sp: &mut usize,
) -> Option<Result<(), ErrorKind>> {
    *sp = sp.checked_sub(1)?;
    let b = *stack.get(*sp)?;
    let a = stack.get_mut(sp.checked_sub(1)?)?;
    let r = match op {
        BinaryOp::Add => numeric::add(*a, b),
        BinaryOp::Sub => numeric::sub(*a, b),
        BinaryOp::Mul => numeric::mul(*a, b),
        BinaryOp::Div => numeric::div(*a, b),
        BinaryOp::Pow => numeric::power(*a, b),
        _ => return None,
    };
    Some(r.map(|v| *a = v))
}
