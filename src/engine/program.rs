//! Compiled formulas: a parsed [`Formula`] with its references made relative to the formula's
//! cell, its names and functions resolved to ids, and lazy functions laid out as argument
//! blocks. Programs are interned, so the 100,000 cells of a filled-down column
//! (`A2=A1+1`, `A3=A2+1`, ...) share one program, as Excel's shared formulas do.

use std::sync::Arc;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::NameId;
use crate::formula::{
    AreaKind, AreaReference, BinaryOp, CellReference, Coord, Formula, Item, UnaryOp,
};
use crate::functions::{Array, FunctionId, Kind, Registry, SheetId, VARIADIC};
use crate::value::{ErrorKind, Value};

/// The sheet a reference points into: the formula's own sheet, or a given one.
pub const OWN_SHEET: u32 = u32::MAX;

/// A row or column coordinate: absolute index, or offset from the formula's cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RelCoord {
    pub value: i32,
    pub absolute: bool,
}

impl RelCoord {
    fn from_coord(c: Coord, anchor: u32) -> RelCoord {
        if c.absolute {
            RelCoord {
                value: c.index as i32,
                absolute: true,
            }
        } else {
            RelCoord {
                value: c.index as i32 - anchor as i32,
                absolute: false,
            }
        }
    }

    /// The absolute index at `anchor`, or None when it falls off the sheet.
    #[inline]
    pub fn resolve(self, anchor: u32, limit: u32) -> Option<u32> {
        let v = if self.absolute {
            i64::from(self.value)
        } else {
            i64::from(anchor) + i64::from(self.value)
        };
        (0..i64::from(limit)).contains(&v).then_some(v as u32)
    }

    fn to_coord(self, anchor: u32, limit: u32) -> Option<Coord> {
        Some(Coord {
            index: self.resolve(anchor, limit)?,
            absolute: self.absolute,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RelCell {
    pub sheet: u32,
    pub row: RelCoord,
    pub col: RelCoord,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RelArea {
    pub sheet: u32,
    pub kind: AreaKind,
    pub top: RelCoord,
    pub left: RelCoord,
    pub bottom: RelCoord,
    pub right: RelCoord,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Number(Decimal),
    Text(Arc<str>),
    Bool(bool),
    Error(ErrorKind),
    Array(Arc<Array>),
    Missing,
    /// A cell reference; `as_value` when its consumer only needs the value (arithmetic).
    Cell {
        cell: RelCell,
        as_value: bool,
    },
    /// Boxed: the largest operand, and rarer than cells and numbers (keeps `Op` at 24 bytes).
    Area(Box<RelArea>),
    Name(NameId),
    /// A reference that cannot be resolved (another workbook, an unknown sheet): `#REF!`.
    Unresolved(Arc<str>),
    /// `scalar`: the operator reads single values (a legacy formula outside any array
    /// context), so a multi-cell reference becomes the cell in the formula's own row or
    /// column (Excel's implicit intersection); otherwise it works element by element.
    Unary {
        op: UnaryOp,
        scalar: bool,
    },
    Binary {
        op: BinaryOp,
        scalar: bool,
    },
    Percent {
        scalar: bool,
    },
    Paren,
    Call {
        func: FunctionId,
        argc: u16,
        scalar: bool,
    },
    /// A function kachi does not implement: `#NAME?`.
    Unknown {
        name: Arc<str>,
        argc: u16,
    },
    /// A lazy function; its arguments follow as consecutive blocks of the given lengths.
    /// `scalar` as for operators: its condition-like arguments read single values.
    Lazy {
        func: FunctionId,
        block_lens: Box<[u32]>,
        scalar: bool,
    },
}

impl Eq for Op {}

impl std::hash::Hash for Op {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Op::Number(n) => hash_number(n, state),
            Op::Text(t) => t.hash(state),
            Op::Bool(b) => b.hash(state),
            Op::Error(e) => e.hash(state),
            Op::Array(a) => {
                a.rows.hash(state);
                a.cols.hash(state);
                for v in &a.values {
                    crate::formula::ast::hash_value(v, state);
                }
            }
            Op::Missing | Op::Paren => {}
            Op::Percent { scalar } => scalar.hash(state),
            Op::Cell { cell, as_value } => {
                cell.hash(state);
                as_value.hash(state);
            }
            Op::Area(a) => a.hash(state),
            Op::Name(n) => n.hash(state),
            Op::Unresolved(t) => t.hash(state),
            Op::Unary { op, scalar } => {
                op.hash(state);
                scalar.hash(state);
            }
            Op::Binary { op, scalar } => {
                op.hash(state);
                scalar.hash(state);
            }
            Op::Call { func, argc, scalar } => {
                func.hash(state);
                argc.hash(state);
                scalar.hash(state);
            }
            Op::Unknown { name, argc } => {
                name.hash(state);
                argc.hash(state);
            }
            Op::Lazy {
                func,
                block_lens,
                scalar,
            } => {
                func.hash(state);
                block_lens.hash(state);
                scalar.hash(state);
            }
        }
    }
}

/// Hashes a number as its normalized form (equal numbers, e.g. `1.5` and `1.50`, hash alike);
/// a non-zero integer is its own normalized form.
#[inline]
fn hash_number<H: std::hash::Hasher>(n: &Decimal, state: &mut H) {
    use std::hash::Hash;
    let n = if n.scale() == 0 && !n.is_zero() {
        *n
    } else {
        n.normalize()
    };
    n.serialize().hash(state)
}

/// A compiled formula, shared by every cell whose formula is the same relative to its cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Program {
    pub ops: Box<[Op]>,
    /// Written as an array formula (`{=...}`).
    pub array: bool,
    /// A legacy formula whose result, if a range, is the cell in the formula's own row or
    /// column, else `#VALUE!` (Excel before dynamic arrays).
    pub intersect_result: bool,
    /// Recompute on every recalculation (NOW, RAND, OFFSET, INDIRECT...).
    pub volatile: bool,
    /// Only numbers, single-cell reads and arithmetic (`=(A1-B1)*1.5`), shallow enough for
    /// the evaluator's fixed stack: it can run on bare decimals (see `eval::run_simple`).
    pub simple: bool,
}

/// Deepest operand stack a simple program may need.
pub const SIMPLE_DEPTH: usize = 8;

impl Program {
    pub fn new(ops: Box<[Op]>, array: bool, intersect_result: bool, volatile: bool) -> Program {
        let simple = !array && is_simple(&ops);
        Program {
            ops,
            array,
            intersect_result,
            volatile,
            simple,
        }
    }
}

/// The operators bare-decimal programs evaluate (`eval::binary_on_stack`).
pub(super) fn is_decimal_arithmetic(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Pow
    )
}

/// Is the code plain arithmetic on numbers and single cells, with a stack of at most
/// `SIMPLE_DEPTH` operands and exactly one result?
fn is_simple(ops: &[Op]) -> bool {
    let mut depth = 0usize;
    for op in ops {
        match op {
            Op::Number(_) | Op::Cell { .. } => {
                depth += 1;
                if depth > SIMPLE_DEPTH {
                    return false;
                }
            }
            Op::Paren | Op::Percent { .. } | Op::Unary { .. } => {
                if depth == 0 {
                    return false;
                }
            }
            Op::Binary { op, .. } => {
                if depth < 2 || !is_decimal_arithmetic(*op) {
                    return false;
                }
                depth -= 1;
            }
            _ => return false,
        }
    }
    depth == 1
}

/// Why a formula cannot be accepted (beyond syntax): wrong argument counts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    #[error("{name} takes {expected} arguments, but {given} were given")]
    Arity {
        name: String,
        expected: String,
        given: u16,
    },
}

/// Checks what compilation would reject, without touching any workbook: argument counts.
pub fn validate(formula: &Formula) -> Result<(), CompileError> {
    let registry = Registry::global();
    for item in &formula.items {
        if let Item::Call { name, argc } = item {
            if let Some(def) = registry.lookup(name).and_then(|id| registry.def(id)) {
                let (min, max) = (u16::from(def.min_args), u16::from(def.max_args));
                if *argc < min || (def.max_args != VARIADIC && *argc > max) {
                    let expected = if def.max_args == VARIADIC {
                        format!("at least {min}")
                    } else if min == max {
                        format!("{min}")
                    } else {
                        format!("{min} to {max}")
                    };
                    return Err(CompileError::Arity {
                        name: def.name.to_string(),
                        expected,
                        given: *argc,
                    });
                }
            }
        }
    }
    Ok(())
}

/// Resolves the names a formula mentions while it is compiled.
pub trait Resolver {
    /// An existing sheet by name (case-insensitive).
    fn sheet(&self, name: &str) -> Option<SheetId>;
    /// The name's id as seen from `own_sheet` (sheet-scoped first), creating an undefined
    /// placeholder when the name does not exist yet. `sheet` is an explicit `Sheet!Name` scope.
    fn name(&mut self, sheet: Option<SheetId>, own_sheet: Option<SheetId>, name: &str) -> NameId;
}

/// The cell a formula belongs to: its sheet and position (named cells use row 0, column 0, so
/// their references are absolute).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub sheet: Option<SheetId>,
    pub row: u32,
    pub col: u32,
}

/// What a compiled formula mentions: functions it does not know (for reports).
#[derive(Default, Debug)]
pub struct CompileNotes {
    pub unknown_functions: Vec<Arc<str>>,
}

pub fn compile(
    formula: &Formula,
    anchor: Anchor,
    legacy: bool,
    resolver: &mut dyn Resolver,
    notes: &mut CompileNotes,
) -> Program {
    let registry = Registry::global();
    let scalar_at = scalar_context(formula, legacy);
    let mut out: Vec<Op> = Vec::with_capacity(formula.items.len());
    // Output index where each pending operand's code starts.
    let mut starts: Vec<usize> = Vec::new();
    // Output index of the op producing each pending operand (for the as_value optimisation).
    let mut producers: Vec<Option<usize>> = Vec::new();
    let mut volatile = false;

    let sheet_of = |name: &Option<Arc<str>>, resolver: &dyn Resolver| -> Result<u32, ()> {
        match name {
            None => Ok(OWN_SHEET),
            Some(n) => resolver.sheet(n).map(|s| s.0).ok_or(()),
        }
    };

    for (k, item) in formula.items.iter().enumerate() {
        let scalar = scalar_at.get(k).copied().unwrap_or(false);
        let start = out.len();
        match item {
            Item::Number(n) => out.push(Op::Number(*n)),
            Item::Text(t) => out.push(Op::Text(t.clone())),
            Item::Bool(b) => out.push(Op::Bool(*b)),
            Item::Error(e) => out.push(Op::Error(*e)),
            Item::Missing => out.push(Op::Missing),
            Item::Array(a) => out.push(Op::Array(Arc::new(Array::new(
                a.rows,
                a.cols,
                a.values.clone(),
            )))),
            Item::External(t) => out.push(Op::Unresolved(t.clone())),
            Item::Cell(c) => match sheet_of(&c.sheet, resolver) {
                Ok(sheet) => out.push(Op::Cell {
                    cell: RelCell {
                        sheet,
                        row: RelCoord::from_coord(c.row, anchor.row),
                        col: RelCoord::from_coord(c.col, anchor.col),
                    },
                    as_value: false,
                }),
                Err(()) => out.push(Op::Unresolved(Arc::from(c.to_string()))),
            },
            Item::Area(a) => match sheet_of(&a.sheet, resolver) {
                Ok(sheet) => out.push(Op::Area(Box::new(RelArea {
                    sheet,
                    kind: a.kind,
                    top: RelCoord::from_coord(a.top, anchor.row),
                    left: RelCoord::from_coord(a.left, anchor.col),
                    bottom: RelCoord::from_coord(a.bottom, anchor.row),
                    right: RelCoord::from_coord(a.right, anchor.col),
                }))),
                Err(()) => out.push(Op::Unresolved(Arc::from(a.to_string()))),
            },
            Item::Name { sheet, name } => {
                let scope = match sheet {
                    None => Ok(None),
                    Some(s) => resolver.sheet(s).map(Some).ok_or(()),
                };
                match scope {
                    Ok(scope) => out.push(Op::Name(resolver.name(scope, anchor.sheet, name))),
                    Err(()) => out.push(Op::Unresolved(Arc::from(format!(
                        "{}!{name}",
                        crate::formula::reference::quote_sheet_name(sheet.as_deref().unwrap_or(""))
                    )))),
                }
            }
            Item::Unary(op) => {
                mark_value(&mut out, producers.pop().flatten());
                let s = starts.pop().unwrap_or(start);
                out.push(Op::Unary { op: *op, scalar });
                starts.push(s);
                producers.push(None);
                continue;
            }
            Item::Percent => {
                mark_value(&mut out, producers.pop().flatten());
                let s = starts.pop().unwrap_or(start);
                out.push(Op::Percent { scalar });
                starts.push(s);
                producers.push(None);
                continue;
            }
            Item::Paren => {
                let s = starts.pop().unwrap_or(start);
                let p = producers.pop().flatten();
                out.push(Op::Paren);
                starts.push(s);
                producers.push(p);
                continue;
            }
            Item::Binary(op) => {
                let b = producers.pop().flatten();
                let a = producers.pop().flatten();
                if *op != BinaryOp::Range {
                    mark_value(&mut out, a);
                    mark_value(&mut out, b);
                }
                starts.pop();
                let s = starts.pop().unwrap_or(start);
                out.push(Op::Binary { op: *op, scalar });
                starts.push(s);
                producers.push(None);
                continue;
            }
            Item::Call { name, argc } => {
                let n = usize::from(*argc);
                let arg_starts: Vec<usize> = starts.split_off(starts.len().saturating_sub(n));
                let arg_producers: Vec<Option<usize>> =
                    producers.split_off(producers.len().saturating_sub(n));
                let call_start = arg_starts.first().copied().unwrap_or(start);
                match registry.lookup(name) {
                    Some(func) => {
                        let def = registry.def(func);
                        volatile |= def.is_some_and(|d| d.volatile);
                        match def.map(|d| d.kind) {
                            Some(Kind::Lazy(_)) => {
                                let mut lens = Vec::with_capacity(n);
                                for (i, s) in arg_starts.iter().enumerate() {
                                    let end = arg_starts.get(i + 1).copied().unwrap_or(out.len());
                                    lens.push((end - s) as u32);
                                }
                                out.insert(
                                    call_start,
                                    Op::Lazy {
                                        func,
                                        block_lens: lens.into_boxed_slice(),
                                        scalar,
                                    },
                                );
                                starts.push(call_start);
                                producers.push(None);
                                continue;
                            }
                            Some(Kind::Scalar(_)) => {
                                for p in arg_producers {
                                    mark_value(&mut out, p);
                                }
                            }
                            _ => {}
                        }
                        out.push(Op::Call {
                            func,
                            argc: *argc,
                            scalar,
                        });
                    }
                    None => {
                        if !notes.unknown_functions.contains(name) {
                            notes.unknown_functions.push(name.clone());
                        }
                        out.push(Op::Unknown {
                            name: name.clone(),
                            argc: *argc,
                        });
                    }
                }
                starts.push(call_start);
                producers.push(None);
                continue;
            }
        }
        starts.push(start);
        producers.push(Some(start));
    }
    Program::new(
        out.into_boxed_slice(),
        formula.array,
        legacy && !formula.array,
        volatile,
    )
}

/// For each item of a formula: does it read single values (legacy implicit intersection)?
/// Only in legacy mode, outside array formulas, and outside the arguments of functions that
/// evaluate their arguments as arrays (SUMPRODUCT, INDEX, MATCH...).
fn scalar_context(formula: &Formula, legacy: bool) -> Vec<bool> {
    let n = formula.items.len();
    if !legacy || formula.array {
        return vec![false; n];
    }
    let mut scalar = vec![true; n];
    let Some(starts) = formula.subexpression_starts() else {
        return scalar;
    };
    for (i, item) in formula.items.iter().enumerate() {
        if let Item::Call { name, argc } = item {
            if *argc > 0 && crate::functions::ARRAY_ARGUMENT_FUNCTIONS.contains(&&**name) {
                if let Some(first) = starts.get(i) {
                    for flag in scalar.iter_mut().take(i).skip(*first) {
                        *flag = false;
                    }
                }
            }
        }
    }
    scalar
}

fn mark_value(out: &mut [Op], producer: Option<usize>) {
    if let Some(Op::Cell { as_value, .. }) = producer.and_then(|p| out.get_mut(p)) {
        *as_value = true;
    }
}

/// Names of sheets and defined names, for turning a program back into text.
pub trait Namer {
    fn sheet_name(&self, sheet: SheetId) -> Option<Arc<str>>;
    /// (explicit sheet scope to print, name)
    fn name_text(&self, name: NameId) -> (Option<Arc<str>>, Arc<str>);
}

/// The formula a program represents at `anchor`, for display and export.
pub fn decompile(program: &Program, anchor: Anchor, namer: &dyn Namer) -> Formula {
    use crate::formula::reference::{MAX_COLS, MAX_ROWS};
    let registry = Registry::global();
    let mut items = Vec::with_capacity(program.ops.len());
    // (end index, function name, argc) of lazy calls whose blocks are being emitted
    let mut pending: Vec<(usize, Arc<str>, u16)> = Vec::new();
    let sheet_text = |s: u32| -> Option<Arc<str>> {
        if s == OWN_SHEET {
            None
        } else {
            Some(
                namer
                    .sheet_name(SheetId(s))
                    .unwrap_or_else(|| Arc::from("#REF")),
            )
        }
    };
    let ref_error = Item::Error(ErrorKind::Ref);
    for (pc, op) in program.ops.iter().enumerate() {
        let item = match op {
            Op::Number(n) => Some(Item::Number(*n)),
            Op::Text(t) => Some(Item::Text(t.clone())),
            Op::Bool(b) => Some(Item::Bool(*b)),
            Op::Error(e) => Some(Item::Error(*e)),
            Op::Missing => Some(Item::Missing),
            Op::Array(a) => Some(Item::Array(Arc::new(crate::formula::ArrayLiteral {
                rows: a.rows,
                cols: a.cols,
                values: a.values.clone(),
            }))),
            Op::Unresolved(t) => Some(Item::External(t.clone())),
            Op::Cell { cell, .. } => Some(
                match (
                    cell.row.to_coord(anchor.row, MAX_ROWS),
                    cell.col.to_coord(anchor.col, MAX_COLS),
                ) {
                    (Some(row), Some(col)) => Item::Cell(CellReference {
                        sheet: sheet_text(cell.sheet),
                        row,
                        col,
                    }),
                    _ => ref_error.clone(),
                },
            ),
            Op::Area(a) => Some(
                match (
                    a.top.to_coord(anchor.row, MAX_ROWS),
                    a.left.to_coord(anchor.col, MAX_COLS),
                    a.bottom.to_coord(anchor.row, MAX_ROWS),
                    a.right.to_coord(anchor.col, MAX_COLS),
                ) {
                    (Some(top), Some(left), Some(bottom), Some(right)) => {
                        Item::Area(AreaReference {
                            sheet: sheet_text(a.sheet),
                            kind: a.kind,
                            top,
                            left,
                            bottom,
                            right,
                        })
                    }
                    _ => ref_error.clone(),
                },
            ),
            Op::Name(id) => {
                let (sheet, name) = namer.name_text(*id);
                Some(Item::Name { sheet, name })
            }
            Op::Unary { op, .. } => Some(Item::Unary(*op)),
            Op::Binary { op, .. } => Some(Item::Binary(*op)),
            Op::Percent { .. } => Some(Item::Percent),
            Op::Paren => Some(Item::Paren),
            Op::Call { func, argc, .. } => Some(Item::Call {
                name: Arc::from(registry.def(*func).map(|d| d.name).unwrap_or("#NAME?")),
                argc: *argc,
            }),
            Op::Unknown { name, argc } => Some(Item::Call {
                name: name.clone(),
                argc: *argc,
            }),
            Op::Lazy {
                func, block_lens, ..
            } => {
                let total: usize = block_lens.iter().map(|l| *l as usize).sum();
                let name: Arc<str> =
                    Arc::from(registry.def(*func).map(|d| d.name).unwrap_or("#NAME?"));
                pending.push((pc + total, name, block_lens.len() as u16));
                None
            }
        };
        if let Some(item) = item {
            items.push(item);
        }
        while let Some((end, _, _)) = pending.last() {
            if *end != pc {
                break;
            }
            if let Some((_, name, argc)) = pending.pop() {
                items.push(Item::Call { name, argc });
            }
        }
    }
    Formula {
        items,
        array: program.array,
    }
}

/// Interned programs with reference counts.
#[derive(Default, Clone)]
pub struct ProgramTable {
    programs: Vec<Option<(Arc<Program>, u32)>>,
    free: Vec<u32>,
    index: FxHashMap<Arc<Program>, u32>,
}

/// A slot of the [`ProgramTable`] (stored as slot + 1, so `Option<ProgramId>` is 4 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProgramId(std::num::NonZeroU32);

impl ProgramId {
    fn new(slot: u32) -> ProgramId {
        ProgramId(std::num::NonZeroU32::MIN.saturating_add(slot))
    }

    #[inline]
    fn slot(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

impl ProgramTable {
    pub fn intern(&mut self, program: Program) -> ProgramId {
        self.intern_shared(Arc::new(program))
    }

    /// Interns a shared program (one reference more if an equal program is already there).
    pub fn intern_shared(&mut self, program: Arc<Program>) -> ProgramId {
        if let Some(&id) = self.index.get(&program) {
            if let Some(Some((_, count))) = self.programs.get_mut(id as usize) {
                *count += 1;
            }
            return ProgramId::new(id);
        }
        let id = match self.free.pop() {
            Some(slot) => {
                if let Some(p) = self.programs.get_mut(slot as usize) {
                    *p = Some((program.clone(), 1));
                }
                slot
            }
            None => {
                self.programs.push(Some((program.clone(), 1)));
                self.programs.len() as u32 - 1
            }
        };
        self.index.insert(program, id);
        ProgramId::new(id)
    }

    /// One reference more to `id`, if it still holds this very program (not a program
    /// interned later in a freed slot). Cheaper than [`ProgramTable::intern_shared`]: no hashing.
    pub fn retain(&mut self, id: ProgramId, program: &Arc<Program>) -> bool {
        match self.programs.get_mut(id.slot()) {
            Some(Some((p, count))) if Arc::ptr_eq(p, program) => {
                *count += 1;
                true
            }
            _ => false,
        }
    }

    pub fn get(&self, id: ProgramId) -> Option<&Arc<Program>> {
        self.programs
            .get(id.slot())
            .and_then(|p| p.as_ref())
            .map(|(p, _)| p)
    }

    pub fn release(&mut self, id: ProgramId) {
        let Some(slot) = self.programs.get_mut(id.slot()) else {
            return;
        };
        let remove = match slot {
            Some((_, count)) => {
                *count = count.saturating_sub(1);
                *count == 0
            }
            None => false,
        };
        if remove {
            if let Some((program, _)) = slot.take() {
                self.index.remove(&program);
            }
            self.free.push(id.slot() as u32);
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Room for `more` programs.
    pub fn reserve(&mut self, more: usize) {
        self.index.reserve(more);
        self.programs.reserve(more);
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// Values of constants as they appear in a program (for `Value` conversion at evaluation).
pub fn literal(op: &Op) -> Option<Value> {
    match op {
        Op::Number(n) => Some(Value::Number(*n)),
        Op::Text(t) => Some(Value::Text(t.clone())),
        Op::Bool(b) => Some(Value::Bool(*b)),
        Op::Error(e) => Some(Value::Error(*e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every formula stores its code: keep an op small (a filled-down column shares one
    /// program, but formulas that differ in their constants each have their own).
    #[test]
    fn an_op_is_24_bytes() {
        assert!(
            std::mem::size_of::<Op>() <= 24,
            "{}",
            std::mem::size_of::<Op>()
        );
    }
}
