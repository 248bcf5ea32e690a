//! Bulk loading of a sheet's cells by position: for importers, and anyone building a large
//! workbook at once. All or nothing, like [`Workbook::apply`], and much cheaper per cell:
//! cells are addressed by `(row, col)` (no `CellRef` strings), and formulas that differ only
//! in where their relative references point and in their number constants (a filled-down
//! column) are parsed and compiled once (see `formula::shape`).

use std::sync::Arc;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::program::{compile, validate, Anchor, CompileNotes, Op, Program, ProgramId, Resolver};
use super::workbook::{CellRef, EditError, Workbook};
use super::{CellId, NameId, NodeId, Recalc};
use crate::formula::reference::{CellPos, MAX_COLS, MAX_ROWS};
use crate::formula::shape::{KeyRef, ShapeScan};
use crate::formula::{self, AreaKind, Formula, Item};
use crate::functions::SheetId;
use crate::value::Value;

/// What a cell holds when loaded in bulk: a value, or formula text (with or without `=`, as
/// in [`crate::Edit::SetFormula`]).
#[derive(Clone, Debug, PartialEq)]
pub enum CellContent<S = String> {
    Value(Value),
    Formula(S),
}

/// A formula shape of one load: parsed and compiled once, shared by every cell with the same
/// shape key.
struct Shape {
    body: Body,
    /// The cell the shape was first seen in (where a `Parsed` body is compiled).
    row: u32,
    col: u32,
    /// The numbers of that first formula, in order (they are the program's `Number` ops).
    numbers: Vec<Decimal>,
    /// The program once compiled, and its id once a cell uses it unchanged.
    program: Option<Arc<Program>>,
    interned: Option<ProgramId>,
    unknown_functions: Vec<Arc<str>>,
}

enum Body {
    /// Compiled while checking (the formula mentions no names).
    Compiled,
    /// Mentions names: compiled when applied (compiling creates placeholders for new names).
    Parsed(Formula),
}

/// Resolves sheets only; for formulas without names (compiling them changes nothing).
struct SheetsOnly<'a>(&'a Workbook);

impl Resolver for SheetsOnly<'_> {
    fn sheet(&self, name: &str) -> Option<SheetId> {
        self.0.sheet_id(name)
    }

    fn name(&mut self, _: Option<SheetId>, _: Option<SheetId>, _: &str) -> NameId {
        NameId(u32::MAX)
    }
}

/// One cell of a load, checked and waiting to be applied.
struct Planned {
    row: u32,
    col: u32,
    /// `VALUE_BIT | index into the values`, or a shape index.
    tag: u32,
    /// For a formula whose numbers differ from its shape's: where they start in `numbers`.
    numbers: u32,
}

const VALUE_BIT: u32 = 1 << 31;
const SHAPE_NUMBERS: u32 = u32::MAX;

/// Do the references and numbers the shape scanner found match the parsed formula's? (A
/// cross-check: the scanner and the parser must agree on every formula whose shape is shared.)
fn scanner_agrees(scan: &ShapeScan, formula: &Formula) -> bool {
    let mut refs = scan.refs.iter();
    let mut numbers = scan.numbers.iter();
    for item in &formula.items {
        let ok = match item {
            Item::Cell(c) if c.sheet.is_none() => {
                refs.next()
                    == Some(&KeyRef::Cell {
                        row: c.row,
                        col: c.col,
                    })
            }
            Item::Area(a) if a.sheet.is_none() && a.kind == AreaKind::Cells => {
                refs.next()
                    == Some(&KeyRef::Area {
                        top: a.top,
                        left: a.left,
                        bottom: a.bottom,
                        right: a.right,
                    })
            }
            Item::Cell(_) | Item::Area(_) | Item::External(_) | Item::Array(_) => false,
            Item::Number(n) => numbers.next().map(|m| m.serialize()) == Some(n.serialize()),
            _ => true,
        };
        if !ok {
            return false;
        }
    }
    refs.next().is_none() && numbers.next().is_none()
}

fn same_numbers(a: &[Decimal], b: &[Decimal]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.serialize() == y.serialize())
}

impl Workbook {
    /// The id of the cell at a grid position, if it exists.
    pub fn cell_at(&self, sheet: SheetId, row: u32, col: u32) -> Option<CellId> {
        self.sheets.get(sheet.0 as usize)?.grid.get(row, col)
    }

    /// Sets many cells of one sheet, by zero-based `(row, col)`, then recalculates once. The
    /// same as one [`Workbook::apply`] batch of `SetValue`/`SetFormula` edits in that order
    /// (a cell given twice keeps the last content), and all or nothing in the same way: if
    /// any formula is malformed or a position is off the sheet, nothing changes and the error
    /// lists every problem. In the returned [`Recalc`], cells whose value was set directly
    /// may come first.
    ///
    /// This is the fast way to build or import a sheet: formulas that are the same relative
    /// to their cells up to their numbers (`=A1*2+1`, `=A2*2+1`, ...) are parsed and compiled
    /// once.
    pub fn load_cells<S: AsRef<str>>(
        &mut self,
        sheet: SheetId,
        cells: impl IntoIterator<Item = (u32, u32, CellContent<S>)>,
    ) -> Result<Recalc, EditError> {
        let Some(sheet_name) = self.sheets.get(sheet.0 as usize).map(|s| s.name.clone()) else {
            return Err(EditError::UnknownSheet {
                sheet: format!("#{}", sheet.0),
            });
        };
        let target = |row: u32, col: u32| {
            CellRef::Grid {
                sheet: sheet_name.to_string(),
                pos: CellPos::new(row, col),
            }
            .to_string()
        };

        // Phase 1: check everything, touching nothing.
        let cells = cells.into_iter();
        let mut plan: Vec<Planned> = Vec::with_capacity(cells.size_hint().0);
        let mut values: Vec<Value> = Vec::new();
        let mut shapes: Vec<Shape> = Vec::new();
        let mut numbers: Vec<Decimal> = Vec::new();
        let mut problems: Vec<EditError> = Vec::new();
        {
            let mut by_key: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
            let mut scan = ShapeScan::default();
            for (row, col, content) in cells {
                if row >= MAX_ROWS || col >= MAX_COLS {
                    problems.push(EditError::BadTarget {
                        target: target(row, col),
                    });
                    continue;
                }
                let text = match content {
                    CellContent::Value(v) => {
                        plan.push(Planned {
                            row,
                            col,
                            tag: VALUE_BIT | values.len() as u32,
                            numbers: SHAPE_NUMBERS,
                        });
                        values.push(v);
                        continue;
                    }
                    CellContent::Formula(text) => text,
                };
                let text = text.as_ref();
                let keyed = scan.scan(text, row, col);
                if keyed {
                    if let Some(&id) = by_key.get(scan.key.as_slice()) {
                        let own_numbers = match shapes.get(id as usize) {
                            Some(shape) if !same_numbers(&shape.numbers, &scan.numbers) => {
                                let start = numbers.len() as u32;
                                numbers.extend_from_slice(&scan.numbers);
                                start
                            }
                            _ => SHAPE_NUMBERS,
                        };
                        plan.push(Planned {
                            row,
                            col,
                            tag: id,
                            numbers: own_numbers,
                        });
                        continue;
                    }
                }
                match self.new_shape(text, row, col, keyed.then_some(&scan), &target) {
                    Ok((shape, shareable)) => {
                        let id = shapes.len() as u32;
                        if shareable {
                            by_key.insert(scan.key.as_slice().into(), id);
                        }
                        shapes.push(shape);
                        plan.push(Planned {
                            row,
                            col,
                            tag: id,
                            numbers: SHAPE_NUMBERS,
                        });
                    }
                    Err(e) => problems.push(e),
                }
            }
        }
        match problems.len() {
            0 => {}
            1 => return Err(problems.remove(0)),
            _ => return Err(EditError::Several(problems)),
        }

        // Phase 2: apply (cannot fail).
        let formulas = plan.iter().filter(|p| p.tag & VALUE_BIT == 0).count();
        self.nodes.reserve(plan.len());
        self.graph.reserve_nodes(plan.len());
        self.graph.reserve_edges(formulas);
        let distinct = shapes.len() + plan.iter().filter(|p| p.numbers != SHAPE_NUMBERS).count();
        self.programs.reserve(distinct);
        // A value in a cell that did not exist before (no formula read it) can only reach
        // formulas through ranges; when no range existed before this load either, its only
        // readers are formulas of this load, which are evaluated anyway: it need not seed the
        // recalculation (it is still reported as changed).
        let quiet_new_values = self.ranges.is_empty();
        let mut quiet: Vec<NodeId> = Vec::new();
        let mut seeds: Vec<(NodeId, bool)> = Vec::with_capacity(formulas);
        let mut ops: Vec<Op> = Vec::new();
        for p in plan {
            let (node, created) = self.cell_node_created(sheet, p.row, p.col);
            if p.tag & VALUE_BIT != 0 {
                let value = values
                    .get_mut((p.tag & !VALUE_BIT) as usize)
                    .map(std::mem::take)
                    .unwrap_or_default();
                self.clear_program(node);
                if self.replace_value(node, value) {
                    if created && quiet_new_values {
                        quiet.push(node);
                    } else {
                        seeds.push((node, false));
                    }
                }
                continue;
            }
            let Some(shape) = shapes.get_mut(p.tag as usize) else {
                continue;
            };
            let (id, program) = if p.numbers == SHAPE_NUMBERS {
                self.shape_program(shape, sheet)
            } else {
                let own = numbers
                    .get(p.numbers as usize..p.numbers as usize + shape.numbers.len())
                    .unwrap_or(&[]);
                let template = self.shape_template(shape, sheet);
                let program = Arc::new(patch_numbers(&template, own, &mut ops));
                (self.programs.intern_shared(program.clone()), program)
            };
            for f in &shape.unknown_functions {
                self.unknown_functions
                    .entry(f.clone())
                    .or_default()
                    .push(node);
            }
            self.install_program(node, id, &program);
            seeds.push((node, true));
        }
        drop(shapes);
        drop(values);
        drop(numbers);
        let mut result = self.recalc(&seeds);
        if !quiet.is_empty() {
            // Values set directly come first, as if they had been computed first.
            quiet.extend_from_slice(&result.changed);
            result.changed = quiet;
        }
        Ok(result)
    }

    /// Parses, checks and (when it mentions no names) compiles a formula first seen at
    /// (`row`, `col`). `scan` is the shape scanner's reading of the text, if it understood
    /// it; the shape may be shared when the parser read the same references and numbers.
    fn new_shape(
        &self,
        text: &str,
        row: u32,
        col: u32,
        scan: Option<&ShapeScan>,
        target: &dyn Fn(u32, u32) -> String,
    ) -> Result<(Shape, bool), EditError> {
        let parsed = formula::parse(text).map_err(|error| EditError::Parse {
            target: target(row, col),
            error,
        })?;
        validate(&parsed).map_err(|error| EditError::Compile {
            target: target(row, col),
            error,
        })?;
        let shareable = scan.is_some_and(|s| scanner_agrees(s, &parsed));
        debug_assert!(
            scan.is_none() || shareable,
            "shape scanner disagrees with the parser on {text:?}"
        );
        let numbers = match scan {
            Some(s) if shareable => s.numbers.clone(),
            _ => Vec::new(),
        };
        let mut notes = CompileNotes::default();
        let (body, program) = if parsed.items.iter().any(|i| matches!(i, Item::Name { .. })) {
            (Body::Parsed(parsed), None)
        } else {
            let anchor = Anchor {
                sheet: None,
                row,
                col,
            };
            let program = compile(
                &parsed,
                anchor,
                self.legacy_formulas,
                &mut SheetsOnly(self),
                &mut notes,
            );
            (Body::Compiled, Some(Arc::new(program)))
        };
        let shape = Shape {
            body,
            row,
            col,
            numbers,
            program,
            interned: None,
            unknown_functions: notes.unknown_functions,
        };
        Ok((shape, shareable))
    }

    /// The shape's program, compiled if needed (at the shape's first cell).
    fn shape_template(&mut self, shape: &mut Shape, sheet: SheetId) -> Arc<Program> {
        if let Some(p) = &shape.program {
            return p.clone();
        }
        let program = match &shape.body {
            Body::Parsed(f) => {
                let anchor = Anchor {
                    sheet: Some(sheet),
                    row: shape.row,
                    col: shape.col,
                };
                let mut notes = CompileNotes::default();
                let legacy = self.legacy_formulas;
                let p = Arc::new(compile(f, anchor, legacy, self, &mut notes));
                shape.unknown_functions = notes.unknown_functions;
                p
            }
            Body::Compiled => Arc::new(Program::new(Box::new([]), false, false, false)),
        };
        shape.program = Some(program.clone());
        program
    }

    /// The interned program of a shape, with one reference taken for the caller.
    fn shape_program(&mut self, shape: &mut Shape, sheet: SheetId) -> (ProgramId, Arc<Program>) {
        let program = self.shape_template(shape, sheet);
        if let Some(id) = shape.interned {
            if self.programs.retain(id, &program) {
                return (id, program);
            }
        }
        let id = self.programs.intern_shared(program.clone());
        // The table may hold an equal program already: share the interned one.
        let program = self.programs.get(id).cloned().unwrap_or(program);
        shape.program = Some(program.clone());
        shape.interned = Some(id);
        (id, program)
    }
}

/// A copy of `template` with its `Number` ops, in order, replaced by `numbers`.
fn patch_numbers(template: &Program, numbers: &[Decimal], ops: &mut Vec<Op>) -> Program {
    ops.clear();
    let mut next = numbers.iter();
    for op in template.ops.iter() {
        match op {
            Op::Number(n) => ops.push(Op::Number(*next.next().unwrap_or(n))),
            other => ops.push(other.clone()),
        }
    }
    debug_assert!(next.next().is_none());
    Program::new(
        ops.as_slice().into(),
        template.array,
        template.intersect_result,
        template.volatile,
    )
}
