//! Bulk loading of a sheet's cells by position: for importers, and anyone building a large
//! workbook at once. All or nothing, like [`Workbook::apply`], and much cheaper per cell:
//! cells are addressed by `(row, col)` (no `CellRef` strings), and formulas that differ only
//! in where their relative references point (a filled-down column) are parsed and compiled
//! once (see `formula::shape`).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::program::{compile, validate, Anchor, CompileNotes, Program, ProgramId, Resolver};
use super::workbook::{CellRef, EditError, Workbook};
use super::{CellId, NameId, NodeId, Recalc};
use crate::formula::reference::{CellPos, MAX_COLS, MAX_ROWS};
use crate::formula::shape::{relative_key, KeyRef};
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

/// A formula shape of one load: compiled once, shared by every cell with the same key.
struct Shape {
    body: Body,
    /// The cell the shape was first seen in (where `Parsed` bodies are compiled).
    row: u32,
    col: u32,
    /// The interned program, once a cell uses it.
    interned: Option<(ProgramId, Arc<Program>)>,
    unknown_functions: Vec<Arc<str>>,
}

enum Body {
    /// Compiled while checking (the formula mentions no names).
    Compiled(Program),
    /// Mentions names: compiled when applied (compiling creates placeholders for new names).
    Parsed(Formula),
    /// Taken by `interned`.
    Taken,
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

const VALUE_BIT: u32 = 1 << 31;

/// Do the references the shape scanner found match the parsed formula's? (A cross-check: the
/// scanner and the lexer must agree on every formula whose shape is shared.)
fn same_references(found: &[KeyRef], formula: &Formula) -> bool {
    let mut parsed = formula.items.iter().filter_map(|item| match item {
        Item::Cell(c) if c.sheet.is_none() => Some(Some(KeyRef::Cell {
            row: c.row,
            col: c.col,
        })),
        Item::Area(a) if a.sheet.is_none() && a.kind == AreaKind::Cells => {
            Some(Some(KeyRef::Area {
                top: a.top,
                left: a.left,
                bottom: a.bottom,
                right: a.right,
            }))
        }
        Item::Cell(_) | Item::Area(_) | Item::External(_) => Some(None),
        _ => None,
    });
    for r in found {
        if parsed.next() != Some(Some(*r)) {
            return false;
        }
    }
    parsed.next().is_none()
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
    /// lists every problem.
    ///
    /// This is the fast way to build or import a sheet: formulas that are the same relative
    /// to their cells (`=A1+1`, `=A2+1`, ...) are parsed and compiled once.
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
        let mut plan: Vec<(u32, u32, u32)> = Vec::with_capacity(cells.size_hint().0);
        let mut values: Vec<Value> = Vec::new();
        let mut shapes: Vec<Shape> = Vec::new();
        let mut problems: Vec<EditError> = Vec::new();
        {
            let mut by_key: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
            let mut key: Vec<u8> = Vec::new();
            let mut refs: Vec<KeyRef> = Vec::new();
            for (row, col, content) in cells {
                if row >= MAX_ROWS || col >= MAX_COLS {
                    problems.push(EditError::BadTarget {
                        target: target(row, col),
                    });
                    continue;
                }
                let text = match content {
                    CellContent::Value(v) => {
                        plan.push((row, col, VALUE_BIT | values.len() as u32));
                        values.push(v);
                        continue;
                    }
                    CellContent::Formula(text) => text,
                };
                let text = text.as_ref();
                let keyed = relative_key(text, row, col, &mut key, Some(&mut refs));
                if keyed {
                    if let Some(&id) = by_key.get(key.as_slice()) {
                        plan.push((row, col, id));
                        continue;
                    }
                }
                let found = keyed.then_some(refs.as_slice());
                match self.new_shape(text, row, col, found, &target) {
                    Ok((shape, shareable)) => {
                        let id = shapes.len() as u32;
                        if shareable {
                            by_key.insert(key.as_slice().into(), id);
                        }
                        shapes.push(shape);
                        plan.push((row, col, id));
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
        let new_nodes = plan.len();
        self.nodes.reserve(new_nodes);
        self.graph.reserve_nodes(new_nodes);
        self.graph.reserve_edges(
            plan.iter()
                .filter(|(_, _, tag)| tag & VALUE_BIT == 0)
                .count(),
        );
        let mut seeds: Vec<(NodeId, bool)> = Vec::with_capacity(plan.len());
        for (row, col, tag) in plan {
            let node = self.cell_node(sheet, row, col);
            if tag & VALUE_BIT != 0 {
                let value = values
                    .get_mut((tag & !VALUE_BIT) as usize)
                    .map(std::mem::take)
                    .unwrap_or_default();
                self.clear_program(node);
                if self.replace_value(node, value) {
                    seeds.push((node, false));
                }
                continue;
            }
            let Some(shape) = shapes.get_mut(tag as usize) else {
                continue;
            };
            let (id, program) = self.shape_program(shape, sheet);
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
        Ok(self.recalc(&seeds))
    }

    /// Parses, checks and (when it mentions no names) compiles a formula first seen at
    /// (`row`, `col`). `found` are the references the shape scanner found, if it understood
    /// the text; the shape may be shared when the parser found the same ones.
    fn new_shape(
        &self,
        text: &str,
        row: u32,
        col: u32,
        found: Option<&[KeyRef]>,
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
        let shareable = found.is_some_and(|refs| same_references(refs, &parsed));
        debug_assert!(
            found.is_none() || shareable,
            "shape scanner disagrees with the parser on {text:?}"
        );
        let mut notes = CompileNotes::default();
        let body = if parsed.items.iter().any(|i| matches!(i, Item::Name { .. })) {
            Body::Parsed(parsed)
        } else {
            let anchor = Anchor {
                sheet: None,
                row,
                col,
            };
            Body::Compiled(compile(
                &parsed,
                anchor,
                self.legacy_formulas,
                &mut SheetsOnly(self),
                &mut notes,
            ))
        };
        let shape = Shape {
            body,
            row,
            col,
            interned: None,
            unknown_functions: notes.unknown_functions,
        };
        Ok((shape, shareable))
    }

    /// The interned program of a shape, with one reference taken for the caller.
    fn shape_program(&mut self, shape: &mut Shape, sheet: SheetId) -> (ProgramId, Arc<Program>) {
        if let Some((id, program)) = &shape.interned {
            if self.programs.retain(*id, program) {
                return (*id, program.clone());
            }
        }
        let program = match std::mem::replace(&mut shape.body, Body::Taken) {
            Body::Compiled(p) => Arc::new(p),
            Body::Parsed(f) => {
                let anchor = Anchor {
                    sheet: Some(sheet),
                    row: shape.row,
                    col: shape.col,
                };
                let mut notes = CompileNotes::default();
                let legacy = self.legacy_formulas;
                let p = Arc::new(compile(&f, anchor, legacy, self, &mut notes));
                shape.unknown_functions = notes.unknown_functions;
                p
            }
            Body::Taken => match &shape.interned {
                Some((_, p)) => p.clone(),
                None => Arc::new(Program::new(Box::new([]), false, false)),
            },
        };
        let id = self.programs.intern_shared(program.clone());
        shape.interned = Some((id, program.clone()));
        (id, program)
    }
}
