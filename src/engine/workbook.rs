//! The workbook: sheets of grid cells, named cells and defined names, their formulas and values,
//! and the dependency graph between them. Edits are batches applied all-or-nothing, followed by
//! one incremental recalculation.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

use super::eval::{resolve_area, resolve_cell};
use super::grid::Grid;
use super::program::{
    compile, decompile, validate, Anchor, CompileError, CompileNotes, Namer, Op, Program,
    ProgramId, ProgramTable, Resolver,
};
use super::ranges::{RangeId, RangeTable};
use super::recalc::{Cycle, Recalc, RecalcCounts, Scratch};
use super::{CellId, NameId};
use crate::formula::reference::{is_cell_reference, quote_sheet_name, MAX_COLS, MAX_ROWS};
use crate::formula::{self, is_valid_name, CellPos, ParseError};
use crate::functions::{Operand, SheetId};
use crate::value::{ErrorKind, Value};

pub(crate) type NodeId = CellId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Free,
    Cell { sheet: SheetId, row: u32, col: u32 },
    Name(NameId),
    Range(RangeId),
}

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub program: Option<ProgramId>,
    /// For a grid cell with a simple program: where the cells its program reads (in the
    /// order of its `Cell` ops) are listed in `Workbook::refs`; `NO_REFS` otherwise.
    pub refs: u32,
    /// The node's graph dependents, cached so the edit path need not walk petgraph:
    /// `NO_DEPENDENTS`, the one dependent, or `MANY_DEPENDENTS` (walk the graph; also kept
    /// after removals leave fewer). Fits in `Node`'s padding.
    pub out: u32,
    pub value: Value,
}

pub(crate) const NO_REFS: u32 = u32::MAX;
pub(crate) const NO_DEPENDENTS: u32 = u32::MAX;
pub(crate) const MANY_DEPENDENTS: u32 = u32::MAX - 1;

#[derive(Clone, Debug)]
pub(crate) struct Sheet {
    pub name: Arc<str>,
    pub grid: Grid,
}

#[derive(Clone, Debug)]
pub(crate) struct NameEntry {
    pub name: Arc<str>,
    pub scope: Option<SheetId>,
    pub node: NodeId,
    /// False for names that formulas mention but nobody has defined (they evaluate to #NAME?).
    pub defined: bool,
    /// The definition when it is a plain reference (`Rate = Inputs!$B$1`): formulas using the
    /// name get the reference itself, so `SUM(Rate)` sums the range.
    pub reference: Option<Op>,
    /// Deleted by a rename merge; the slot stays so ids remain stable.
    pub removed: bool,
}

/// Where a value or formula goes: a named cell (`staff_after`, optionally sheet-scoped) or a
/// grid cell (`Sheet1!B3`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CellRef {
    Name { name: String, sheet: Option<String> },
    Grid { sheet: String, pos: CellPos },
}

impl CellRef {
    pub fn name(name: impl Into<String>) -> CellRef {
        CellRef::Name {
            name: name.into(),
            sheet: None,
        }
    }

    pub fn grid(sheet: impl Into<String>, row: u32, col: u32) -> CellRef {
        CellRef::Grid {
            sheet: sheet.into(),
            pos: CellPos::new(row, col),
        }
    }

    /// Parses `staff_after`, `Sheet1!B3`, `'Cost sheet'!$B$3` or `Sheet1!Rate`.
    pub fn parse(text: &str) -> Result<CellRef, EditError> {
        let text = text.trim();
        let bad = || EditError::BadTarget {
            target: text.to_string(),
        };
        if let Some((sheet, rest)) = split_sheet(text) {
            let rest_clean = rest.replace('$', "");
            if let Some(pos) = CellPos::parse_a1(&rest_clean) {
                return Ok(CellRef::Grid { sheet, pos });
            }
            if is_valid_name(rest) {
                return Ok(CellRef::Name {
                    name: rest.to_string(),
                    sheet: Some(sheet),
                });
            }
            return Err(bad());
        }
        if is_valid_name(text) {
            return Ok(CellRef::name(text));
        }
        Err(bad())
    }
}

/// Splits `Sheet!rest` / `'Quoted sheet'!rest`.
fn split_sheet(text: &str) -> Option<(String, &str)> {
    if let Some(quoted) = text.strip_prefix('\'') {
        let mut name = String::new();
        let mut chars = quoted.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().map(|(_, c)| *c) == Some('\'') {
                    name.push('\'');
                    chars.next();
                    continue;
                }
                let rest = quoted.get(i + 1..)?.strip_prefix('!')?;
                return Some((name, rest));
            }
            name.push(c);
        }
        return None;
    }
    let (sheet, rest) = text.split_once('!')?;
    Some((sheet.to_string(), rest))
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellRef::Name { name, sheet: None } => f.write_str(name),
            CellRef::Name {
                name,
                sheet: Some(s),
            } => write!(f, "{}!{name}", quote_sheet_name(s)),
            CellRef::Grid { sheet, pos } => write!(f, "{}!{pos}", quote_sheet_name(sheet)),
        }
    }
}

/// One change to a workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetValue {
        target: CellRef,
        value: Value,
    },
    /// Formula text, with or without the leading `=`.
    SetFormula {
        target: CellRef,
        formula: String,
    },
    Clear {
        target: CellRef,
    },
    /// Renames a named cell or defined name; formulas using it follow the new name.
    Rename {
        from: String,
        to: String,
    },
}

/// Why an edit was refused. A refused batch changes nothing.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("formula of {target}: {error}")]
    Parse { target: String, error: ParseError },
    #[error("formula of {target}: {error}")]
    Compile { target: String, error: CompileError },
    #[error("'{name}' is not a valid name (letters, digits, '_' and '.', starting with a letter or '_'; not a cell reference like A1)")]
    InvalidName { name: String },
    #[error("'{target}' is not a cell or name (expected e.g. staff_after or Sheet1!B3)")]
    BadTarget { target: String },
    #[error("there is no sheet named '{sheet}'")]
    UnknownSheet { sheet: String },
    #[error("a sheet named '{sheet}' already exists")]
    SheetExists { sheet: String },
    #[error("cannot rename '{from}': no such name")]
    NoSuchName { from: String },
    #[error("cannot rename to '{to}': that name is already defined")]
    NameTaken { to: String },
    #[error("{} edits were refused:\n  {}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n  "))]
    Several(Vec<EditError>),
}

impl EditError {
    /// The individual problems (a `Several` flattened).
    pub fn problems(&self) -> Vec<&EditError> {
        match self {
            EditError::Several(list) => list.iter().collect(),
            other => vec![other],
        }
    }
}

/// An edit checked and ready to apply (phase 1 of a batch): applying it cannot fail.
enum Prepared {
    Value(CellRef, Value),
    Formula(CellRef, formula::Formula, String),
    Clear(CellRef),
    Rename(NameId, Arc<str>),
}

/// The reactive workbook. See the crate documentation and ARCHITECTURE.md.
pub struct Workbook {
    pub(crate) graph: StableDiGraph<(), (), u32>,
    pub(crate) nodes: Vec<Node>,
    pub(crate) sheets: Vec<Sheet>,
    sheet_index: FxHashMap<String, SheetId>,
    pub(crate) names: Vec<NameEntry>,
    name_index: FxHashMap<(u32, String), NameId>,
    pub(crate) ranges: RangeTable,
    pub(crate) programs: ProgramTable,
    pub(crate) volatile: FxHashSet<NodeId>,
    pub(crate) cycles: Vec<Cycle>,
    pub(crate) scratch: Option<Box<Scratch>>,
    pub(crate) eval_stack: Vec<crate::functions::Operand>,
    /// Reused buffer for a formula's precedents while it is linked into the graph.
    deps_buf: Vec<NodeId>,
    /// The cells simple formulas read, resolved when they are set, so evaluating one reads
    /// its operands without looking them up in the grid: for each such node (`Node::refs`),
    /// a count followed by that many node ids (`NodeId::NONE` for a reference off the sheet).
    pub(crate) refs: Vec<u32>,
    /// Entries of `refs` no node uses any more (reclaimed by compaction).
    refs_garbage: usize,
    pub(crate) unknown_functions: FxHashMap<Arc<str>, Vec<NodeId>>,
    clock: Option<Decimal>,
    rng: AtomicU64,
    /// Compile ordinary formulas with legacy implicit intersection (workbooks from files).
    pub(crate) legacy_formulas: bool,
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook::new()
    }
}

impl Clone for Workbook {
    fn clone(&self) -> Self {
        Workbook {
            graph: self.graph.clone(),
            nodes: self.nodes.clone(),
            sheets: self.sheets.clone(),
            sheet_index: self.sheet_index.clone(),
            names: self.names.clone(),
            name_index: self.name_index.clone(),
            ranges: self.ranges.clone(),
            programs: self.programs.clone(),
            volatile: self.volatile.clone(),
            cycles: self.cycles.clone(),
            scratch: None,
            eval_stack: Vec::new(),
            deps_buf: Vec::new(),
            refs: self.refs.clone(),
            refs_garbage: self.refs_garbage,
            unknown_functions: self.unknown_functions.clone(),
            clock: self.clock,
            rng: AtomicU64::new(self.rng.load(Ordering::Relaxed)),
            legacy_formulas: self.legacy_formulas,
        }
    }
}

const GLOBAL_SCOPE: u32 = u32::MAX;

fn fold(name: &str) -> String {
    if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        name.to_lowercase()
    }
}

impl Workbook {
    pub fn new() -> Workbook {
        Workbook {
            graph: StableDiGraph::default(),
            nodes: Vec::new(),
            sheets: Vec::new(),
            sheet_index: FxHashMap::default(),
            names: Vec::new(),
            name_index: FxHashMap::default(),
            ranges: RangeTable::default(),
            programs: ProgramTable::default(),
            volatile: FxHashSet::default(),
            cycles: Vec::new(),
            scratch: None,
            eval_stack: Vec::new(),
            deps_buf: Vec::new(),
            refs: Vec::new(),
            refs_garbage: 0,
            unknown_functions: FxHashMap::default(),
            clock: None,
            rng: AtomicU64::new(0x9E37_79B9_7F4A_7C15),
            legacy_formulas: false,
        }
    }

    // ---------------------------------------------------------------- sheets

    /// Adds a sheet; names are unique case-insensitively.
    pub fn add_sheet(&mut self, name: &str) -> Result<SheetId, EditError> {
        if name.is_empty()
            || name
                .chars()
                .any(|c| matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control())
        {
            return Err(EditError::InvalidName {
                name: name.to_string(),
            });
        }
        if self.sheet_id(name).is_some() {
            return Err(EditError::SheetExists {
                sheet: name.to_string(),
            });
        }
        let id = SheetId(self.sheets.len() as u32);
        self.sheets.push(Sheet {
            name: Arc::from(name),
            grid: Grid::default(),
        });
        self.sheet_index.insert(fold(name), id);
        Ok(id)
    }

    pub fn sheet_id(&self, name: &str) -> Option<SheetId> {
        self.sheet_index.get(&fold(name)).copied()
    }

    pub fn sheet_names(&self) -> Vec<&str> {
        self.sheets.iter().map(|s| &*s.name).collect()
    }

    // ---------------------------------------------------------------- edits

    /// Applies a batch of edits, then recalculates once. All or nothing: if any edit is invalid
    /// (a malformed formula, a bad name, an unknown sheet), nothing changes and the error lists
    /// every problem.
    pub fn apply(&mut self, edits: Vec<Edit>) -> Result<Recalc, EditError> {
        let prepared = self.prepare(edits)?;
        let mut seeds = Vec::with_capacity(prepared.len());
        for p in prepared {
            self.apply_prepared(p, &mut seeds);
        }
        Ok(self.recalc(&seeds))
    }

    pub fn set_value(
        &mut self,
        target: &str,
        value: impl Into<Value>,
    ) -> Result<Recalc, EditError> {
        let target = CellRef::parse(target)?;
        self.apply(vec![Edit::SetValue {
            target,
            value: value.into(),
        }])
    }

    pub fn set_formula(&mut self, target: &str, formula: &str) -> Result<Recalc, EditError> {
        let target = CellRef::parse(target)?;
        self.apply(vec![Edit::SetFormula {
            target,
            formula: formula.to_string(),
        }])
    }

    /// Sets a cell as a person types into Excel: `=...` is a formula, numbers, TRUE/FALSE and
    /// error literals are values, anything else is text.
    pub fn set_input(&mut self, target: &str, input: &str) -> Result<Recalc, EditError> {
        let target = CellRef::parse(target)?;
        self.apply(vec![input_edit(target, input)])
    }

    pub fn clear(&mut self, target: &str) -> Result<Recalc, EditError> {
        let target = CellRef::parse(target)?;
        self.apply(vec![Edit::Clear { target }])
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<Recalc, EditError> {
        self.apply(vec![Edit::Rename {
            from: from.to_string(),
            to: to.to_string(),
        }])
    }

    /// The fast path for repeated what-if edits: sets the value of a cell by id.
    /// A formula in the cell is replaced by the value, as with [`Edit::SetValue`].
    pub fn set_value_of(&mut self, cell: CellId, value: Value) -> Recalc {
        self.drop_program(cell);
        match self.replace_value(cell, value) {
            true => self.recalc(&[(cell, false)]),
            false => Recalc::default(),
        }
    }

    /// Like [`Workbook::set_value_of`], but reports only how many cells changed, how many
    /// formulas were evaluated and how many cycles were found (no lists, so nothing is
    /// allocated): for tight what-if loops that read the cells they care about afterwards.
    pub fn set_value_counted(&mut self, cell: CellId, value: Value) -> RecalcCounts {
        self.drop_program(cell);
        match self.replace_value(cell, value) {
            true => self.recalc_counted(&[(cell, false)]),
            false => RecalcCounts::default(),
        }
    }

    /// Sets several cells by id and recalculates once (Monte Carlo samples, sensitivity sweeps).
    pub fn set_values_of(&mut self, cells: &[(CellId, Value)]) -> Recalc {
        let mut seeds = Vec::with_capacity(cells.len());
        for (cell, value) in cells {
            self.drop_program(*cell);
            self.assign_value(*cell, value.clone(), &mut seeds);
        }
        self.recalc(&seeds)
    }

    fn prepare(&self, edits: Vec<Edit>) -> Result<Vec<Prepared>, EditError> {
        let mut problems = Vec::new();
        let mut prepared = Vec::with_capacity(edits.len());
        // Names renamed within this batch, to validate later renames against.
        let mut renamed_to: Vec<String> = Vec::new();
        for edit in edits {
            match self.prepare_one(edit, &mut renamed_to) {
                Ok(p) => prepared.push(p),
                Err(e) => problems.push(e),
            }
        }
        match problems.len() {
            0 => Ok(prepared),
            1 => Err(problems.remove(0)),
            _ => Err(EditError::Several(problems)),
        }
    }

    fn check_target(&self, target: &CellRef) -> Result<(), EditError> {
        match target {
            CellRef::Grid { sheet, .. } => {
                if self.sheet_id(sheet).is_none() {
                    return Err(EditError::UnknownSheet {
                        sheet: sheet.clone(),
                    });
                }
            }
            CellRef::Name { name, sheet } => {
                if !is_valid_name(name) {
                    return Err(EditError::InvalidName { name: name.clone() });
                }
                if let Some(s) = sheet {
                    if self.sheet_id(s).is_none() {
                        return Err(EditError::UnknownSheet { sheet: s.clone() });
                    }
                }
            }
        }
        Ok(())
    }

    fn prepare_one(&self, edit: Edit, renamed_to: &mut Vec<String>) -> Result<Prepared, EditError> {
        match edit {
            Edit::SetValue { target, value } => {
                self.check_target(&target)?;
                Ok(Prepared::Value(target, value))
            }
            Edit::Clear { target } => {
                self.check_target(&target)?;
                Ok(Prepared::Clear(target))
            }
            Edit::SetFormula { target, formula } => {
                self.check_target(&target)?;
                let parsed = formula::parse(&formula).map_err(|error| EditError::Parse {
                    target: target.to_string(),
                    error,
                })?;
                validate(&parsed).map_err(|error| EditError::Compile {
                    target: target.to_string(),
                    error,
                })?;
                Ok(Prepared::Formula(target, parsed, formula))
            }
            Edit::Rename { from, to } => {
                if !is_valid_name(&to) {
                    return Err(EditError::InvalidName { name: to });
                }
                let id = self
                    .find_name(None, None, &from)
                    .filter(|id| self.names.get(id.0 as usize).is_some_and(|n| n.defined))
                    .ok_or_else(|| EditError::NoSuchName { from: from.clone() })?;
                let taken = self.find_name(None, None, &to).is_some_and(|t| {
                    t != id && self.names.get(t.0 as usize).is_some_and(|n| n.defined)
                });
                if taken || renamed_to.iter().any(|r| fold(r) == fold(&to)) {
                    return Err(EditError::NameTaken { to });
                }
                renamed_to.push(to.clone());
                Ok(Prepared::Rename(id, Arc::from(to)))
            }
        }
    }

    fn apply_prepared(&mut self, p: Prepared, seeds: &mut Vec<(NodeId, bool)>) {
        match p {
            Prepared::Value(target, value) => {
                let node = self.target_node(&target, seeds);
                self.set_program(node, None);
                self.assign_value(node, value, seeds);
            }
            Prepared::Clear(target) => {
                let node = self.target_node(&target, seeds);
                self.set_program(node, None);
                self.assign_value(node, Value::Empty, seeds);
            }
            Prepared::Formula(target, parsed, _text) => {
                let node = self.target_node(&target, seeds);
                let anchor = self.anchor_of(node);
                let mut notes = CompileNotes::default();
                let legacy = self.legacy_formulas;
                let program = compile(&parsed, anchor, legacy, self, &mut notes);
                for f in notes.unknown_functions {
                    self.unknown_functions.entry(f).or_default().push(node);
                }
                self.set_program(node, Some(program));
                seeds.push((node, true));
            }
            Prepared::Rename(id, to) => self.rename_name(id, to, seeds),
        }
    }

    /// Sets a node's value directly (no formula); seeds the recalculation when it changed.
    fn assign_value(&mut self, node: NodeId, value: Value, seeds: &mut Vec<(NodeId, bool)>) {
        if self.replace_value(node, value) {
            seeds.push((node, false));
        }
    }

    /// Sets a node's value; returns whether it changed (a number's scale counts: 1.0 -> 1.00).
    #[inline]
    pub(crate) fn replace_value(&mut self, node: NodeId, value: Value) -> bool {
        let Some(n) = self.nodes.get_mut(node.index()) else {
            return false;
        };
        let changed = match (&n.value, &value) {
            (Value::Number(a), Value::Number(b)) => {
                // Different bits at the same scale: different numbers, unless both are zero.
                a.serialize() != b.serialize()
                    && (a.scale() != b.scale() || !(a.is_zero() && b.is_zero()))
            }
            _ => n.value != value,
        };
        n.value = value;
        changed
    }

    fn target_node(&mut self, target: &CellRef, seeds: &mut Vec<(NodeId, bool)>) -> NodeId {
        match target {
            CellRef::Grid { sheet, pos } => {
                let sheet = self.sheet_id(sheet).unwrap_or(SheetId(0));
                self.cell_node(sheet, pos.row, pos.col)
            }
            CellRef::Name { name, sheet } => {
                let scope = sheet.as_deref().and_then(|s| self.sheet_id(s));
                let id = match self.find_name_exact(scope, name) {
                    Some(id) => id,
                    None => self.create_name(scope, name),
                };
                let node = self.name_node(id);
                if let Some(entry) = self.names.get_mut(id.0 as usize) {
                    if !entry.defined {
                        // Formulas that saw #NAME? must now see the value.
                        entry.defined = true;
                        seeds.push((node, false));
                    }
                }
                node
            }
        }
    }

    // ---------------------------------------------------------------- structure

    fn new_node(&mut self, kind: NodeKind) -> NodeId {
        let idx = self.graph.add_node(());
        let node = Node {
            kind,
            program: None,
            refs: NO_REFS,
            out: NO_DEPENDENTS,
            value: Value::Empty,
        };
        let i = idx.index();
        if i < self.nodes.len() {
            self.nodes[i] = node;
        } else {
            while self.nodes.len() < i {
                self.nodes.push(Node {
                    kind: NodeKind::Free,
                    program: None,
                    refs: NO_REFS,
                    out: NO_DEPENDENTS,
                    value: Value::Empty,
                });
            }
            self.nodes.push(node);
        }
        CellId(i as u32)
    }

    fn remove_node(&mut self, node: NodeId) {
        let idx = NodeIndex::new(node.index());
        let sources: Vec<NodeIndex<u32>> = self
            .graph
            .neighbors_directed(idx, Direction::Incoming)
            .collect();
        for source in sources {
            self.forget_dependent(CellId(source.index() as u32), node);
        }
        self.graph.remove_node(idx);
        self.drop_refs(node);
        if let Some(n) = self.nodes.get_mut(node.index()) {
            n.kind = NodeKind::Free;
            n.out = NO_DEPENDENTS;
            n.program = None;
            n.value = Value::Empty;
        }
        self.volatile.remove(&node);
    }

    pub(crate) fn cell_node(&mut self, sheet: SheetId, row: u32, col: u32) -> NodeId {
        self.cell_node_created(sheet, row, col).0
    }

    /// The node of a grid cell, and whether it was created just now.
    #[inline]
    pub(crate) fn cell_node_created(
        &mut self,
        sheet: SheetId,
        row: u32,
        col: u32,
    ) -> (NodeId, bool) {
        if let Some(id) = self
            .sheets
            .get(sheet.0 as usize)
            .and_then(|s| s.grid.get(row, col))
        {
            return (id, false);
        }
        let id = self.new_node(NodeKind::Cell { sheet, row, col });
        if let Some(s) = self.sheets.get_mut(sheet.0 as usize) {
            s.grid.insert(row, col, id);
        }
        (id, true)
    }

    fn range_node(&mut self, area: crate::functions::Area) -> (RangeId, NodeId) {
        if let Some(id) = self.ranges.lookup(&area) {
            if let Some(e) = self.ranges.get(id) {
                return (id, e.node);
            }
        }
        let node = self.new_node(NodeKind::Range(RangeId(u32::MAX)));
        let id = self.ranges.insert(area, node);
        if let Some(n) = self.nodes.get_mut(node.index()) {
            n.kind = NodeKind::Range(id);
        }
        (id, node)
    }

    pub(crate) fn name_node(&self, id: NameId) -> NodeId {
        self.names
            .get(id.0 as usize)
            .map(|n| n.node)
            .unwrap_or(NodeId::NONE)
    }

    fn create_name(&mut self, scope: Option<SheetId>, name: &str) -> NameId {
        let id = NameId(self.names.len() as u32);
        let node = self.new_node(NodeKind::Name(id));
        self.names.push(NameEntry {
            name: Arc::from(name),
            scope,
            node,
            defined: false,
            reference: None,
            removed: false,
        });
        self.name_index
            .insert((scope.map_or(GLOBAL_SCOPE, |s| s.0), fold(name)), id);
        id
    }

    fn find_name_exact(&self, scope: Option<SheetId>, name: &str) -> Option<NameId> {
        self.name_index
            .get(&(scope.map_or(GLOBAL_SCOPE, |s| s.0), fold(name)))
            .copied()
    }

    /// A name as a formula on `own_sheet` sees it: explicit scope, else the sheet's own name,
    /// else the workbook-wide one.
    pub(crate) fn find_name(
        &self,
        scope: Option<SheetId>,
        own_sheet: Option<SheetId>,
        name: &str,
    ) -> Option<NameId> {
        if scope.is_some() {
            return self.find_name_exact(scope, name);
        }
        if let Some(own) = own_sheet {
            if let Some(id) = self.find_name_exact(Some(own), name) {
                if self.names.get(id.0 as usize).is_some_and(|n| n.defined) {
                    return Some(id);
                }
            }
        }
        self.find_name_exact(None, name)
    }

    /// The anchor for a node's formula: its cell, or row 0 col 0 of its scope for names.
    pub(crate) fn anchor_of(&self, node: NodeId) -> Anchor {
        match self.nodes.get(node.index()).map(|n| n.kind) {
            Some(NodeKind::Cell { sheet, row, col }) => Anchor {
                sheet: Some(sheet),
                row,
                col,
            },
            Some(NodeKind::Name(id)) => {
                let scope = self.names.get(id.0 as usize).and_then(|n| n.scope);
                Anchor {
                    sheet: scope.or_else(|| (!self.sheets.is_empty()).then_some(SheetId(0))),
                    row: 0,
                    col: 0,
                }
            }
            _ => Anchor {
                sheet: None,
                row: 0,
                col: 0,
            },
        }
    }

    /// Replaces a node's program (None: a plain value), rewiring its precedents.
    fn set_program(&mut self, node: NodeId, program: Option<Program>) {
        match program {
            None => self.clear_program(node),
            Some(program) => {
                let program = Arc::new(program);
                let id = self.programs.intern_shared(program.clone());
                self.install_program(node, id, &program);
            }
        }
    }

    /// Like [`Workbook::clear_program`], only when the node has a program (a value set by id
    /// replaces a formula).
    #[inline]
    fn drop_program(&mut self, node: NodeId) {
        if self
            .nodes
            .get(node.index())
            .is_some_and(|n| n.program.is_some())
        {
            self.clear_program(node);
        }
    }

    /// Makes a node a plain value: drops its program and its precedents.
    pub(crate) fn clear_program(&mut self, node: NodeId) {
        let Some(n) = self.nodes.get_mut(node.index()) else {
            return;
        };
        let kind = n.kind;
        if let Some(old) = n.program.take() {
            self.programs.release(old);
            self.drop_refs(node);
            self.unlink_precedents(node);
            if !self.volatile.is_empty() {
                self.volatile.remove(&node);
            }
        }
        if let NodeKind::Name(id) = kind {
            if let Some(entry) = self.names.get_mut(id.0 as usize) {
                entry.reference = None;
            }
        }
    }

    /// Gives a node an interned program (the caller holds one reference to `id` for it), and
    /// links the node to the program's precedents at the node's anchor.
    pub(crate) fn install_program(&mut self, node: NodeId, id: ProgramId, program: &Program) {
        let Some(n) = self.nodes.get_mut(node.index()) else {
            self.programs.release(id);
            return;
        };
        let kind = n.kind;
        if let Some(old) = n.program.replace(id) {
            self.programs.release(old);
            self.drop_refs(node);
            self.unlink_precedents(node);
        }
        if !self.volatile.is_empty() {
            self.volatile.remove(&node);
        }
        if let NodeKind::Name(name) = kind {
            let reference = pure_reference(program);
            if let Some(entry) = self.names.get_mut(name.0 as usize) {
                entry.reference = reference;
            }
        }
        if program.volatile {
            self.volatile.insert(node);
        }
        let anchor = self.anchor_of(node);
        let mut deps = std::mem::take(&mut self.deps_buf);
        let with_refs = program.simple && matches!(kind, NodeKind::Cell { .. });
        let start = self.refs.len();
        if with_refs {
            self.refs.push(0);
        }
        self.precedents_of(program, anchor, &mut deps, with_refs);
        for p in &deps {
            self.graph
                .add_edge(NodeIndex::new(p.index()), NodeIndex::new(node.index()), ());
            if let Some(pn) = self.nodes.get_mut(p.index()) {
                pn.out = match pn.out {
                    NO_DEPENDENTS => node.0,
                    _ => MANY_DEPENDENTS,
                };
            }
        }
        deps.clear();
        self.deps_buf = deps;
        if with_refs {
            let count = (self.refs.len() - start - 1) as u32;
            if let Some(len) = self.refs.get_mut(start) {
                *len = count;
            }
            if let Some(n) = self.nodes.get_mut(node.index()) {
                n.refs = start as u32;
            }
        }
    }

    /// Forgets a node's entry in `refs`; compacts `refs` when mostly unused.
    fn drop_refs(&mut self, node: NodeId) {
        let Some(n) = self.nodes.get_mut(node.index()) else {
            return;
        };
        if n.refs == NO_REFS {
            return;
        }
        let start = std::mem::replace(&mut n.refs, NO_REFS) as usize;
        self.refs_garbage += 1 + self.refs.get(start).copied().unwrap_or(0) as usize;
        if self.refs_garbage > 4096 && self.refs_garbage * 2 > self.refs.len() {
            let mut fresh =
                Vec::with_capacity(self.refs.len() - self.refs_garbage.min(self.refs.len()));
            for n in self.nodes.iter_mut().filter(|n| n.refs != NO_REFS) {
                let s = n.refs as usize;
                let len = self.refs.get(s).copied().unwrap_or(0) as usize;
                n.refs = fresh.len() as u32;
                fresh.extend_from_slice(self.refs.get(s..=s + len).unwrap_or(&[0]));
            }
            self.refs = fresh;
            self.refs_garbage = 0;
        }
    }

    /// The nodes a program reads at `anchor` (cells, ranges, names), created as needed, into
    /// `deps` (sorted, without duplicates). With `list_cells`, also appends to `refs` the node
    /// of each `Cell` op in order (`NodeId::NONE` for one off the sheet): the cells exist from
    /// now on, as grid cells are never removed.
    fn precedents_of(
        &mut self,
        program: &Program,
        anchor: Anchor,
        deps: &mut Vec<NodeId>,
        list_cells: bool,
    ) {
        deps.clear();
        for op in program.ops.iter() {
            match op {
                Op::Cell { cell, .. } => {
                    let mut id = NodeId::NONE;
                    if let Some((s, r, c)) = resolve_cell(cell, anchor) {
                        if (s.0 as usize) < self.sheets.len() {
                            id = self.cell_node(s, r, c);
                            deps.push(id);
                        }
                    }
                    if list_cells {
                        self.refs.push(id.0);
                    }
                }
                Op::Area(area) => {
                    if let Some(a) = resolve_area(area, anchor) {
                        if (a.sheet.0 as usize) < self.sheets.len() {
                            let (rid, node) = self.range_node(a);
                            if !deps.contains(&node) {
                                self.ranges.add_user(rid);
                            }
                            deps.push(node);
                        }
                    }
                }
                Op::Name(id) => deps.push(self.name_node(*id)),
                _ => {}
            }
        }
        if deps.len() > 1 {
            if !deps.is_sorted() {
                deps.sort_unstable();
            }
            deps.dedup();
        }
        deps.retain(|d| *d != NodeId::NONE);
    }

    fn unlink_precedents(&mut self, node: NodeId) {
        let idx = NodeIndex::new(node.index());
        let incoming: Vec<(petgraph::stable_graph::EdgeIndex<u32>, NodeIndex<u32>)> = self
            .graph
            .edges_directed(idx, Direction::Incoming)
            .map(|e| (e.id(), e.source()))
            .collect();
        for (edge, source) in incoming {
            self.graph.remove_edge(edge);
            self.forget_dependent(CellId(source.index() as u32), node);
            if let Some(NodeKind::Range(rid)) = self.nodes.get(source.index()).map(|n| n.kind) {
                if let Some(range_node) = self.ranges.remove_user(rid) {
                    self.remove_node(range_node);
                }
            }
        }
    }

    /// Updates `source`'s cached dependents after its edge to `node` is removed.
    fn forget_dependent(&mut self, source: NodeId, node: NodeId) {
        if let Some(n) = self.nodes.get_mut(source.index()) {
            if n.out == node.0 {
                n.out = NO_DEPENDENTS;
            }
        }
    }

    fn rename_name(&mut self, id: NameId, to: Arc<str>, seeds: &mut Vec<(NodeId, bool)>) {
        let Some(entry) = self.names.get(id.0 as usize) else {
            return;
        };
        let scope_key = entry.scope.map_or(GLOBAL_SCOPE, |s| s.0);
        let old_key = (scope_key, fold(&entry.name));
        let scope = entry.scope;
        // A formula may already mention the new name (then #NAME?): point it at this entry.
        if let Some(placeholder) = self.find_name_exact(scope, &to).filter(|p| *p != id) {
            self.merge_placeholder(placeholder, id, seeds);
        }
        self.name_index.remove(&old_key);
        self.name_index.insert((scope_key, fold(&to)), id);
        if let Some(entry) = self.names.get_mut(id.0 as usize) {
            entry.name = to;
        }
    }

    /// Re-points every formula using the undefined name `from` to the name `to`.
    fn merge_placeholder(&mut self, from: NameId, to: NameId, seeds: &mut Vec<(NodeId, bool)>) {
        let from_node = self.name_node(from);
        let to_node = self.name_node(to);
        let dependents: Vec<NodeIndex<u32>> = self
            .graph
            .neighbors_directed(NodeIndex::new(from_node.index()), Direction::Outgoing)
            .collect();
        for dep in dependents {
            let dep_id = CellId(dep.index() as u32);
            let Some(pid) = self.nodes.get(dep.index()).and_then(|n| n.program) else {
                continue;
            };
            let Some(program) = self.programs.get(pid).map(|p| (**p).clone()) else {
                continue;
            };
            let ops: Vec<Op> = program
                .ops
                .iter()
                .map(|op| match op {
                    Op::Name(n) if *n == from => Op::Name(to),
                    other => other.clone(),
                })
                .collect();
            let patched = Program::new(
                ops.into_boxed_slice(),
                program.array,
                program.intersect_result,
                program.volatile,
            );
            self.set_program(dep_id, Some(patched));
            seeds.push((dep_id, true));
        }
        let _ = to_node;
        if let Some(entry) = self.names.get(from.0 as usize) {
            let key = (entry.scope.map_or(GLOBAL_SCOPE, |s| s.0), fold(&entry.name));
            self.name_index.remove(&key);
        }
        self.remove_node(from_node);
        if let Some(entry) = self.names.get_mut(from.0 as usize) {
            entry.removed = true;
            entry.node = NodeId::NONE;
        }
    }

    // ---------------------------------------------------------------- reading

    /// The value of a cell or name (Empty when it does not exist).
    pub fn get(&self, target: &CellRef) -> Value {
        self.cell_id(target)
            .map(|id| self.value_of(id).clone())
            .unwrap_or(Value::Empty)
    }

    /// The value of a cell or name given as text (`staff_after`, `Sheet1!B3`).
    pub fn value(&self, target: &str) -> Option<Value> {
        let target = CellRef::parse(target).ok()?;
        let id = self.cell_id(&target)?;
        Some(self.value_of(id).clone())
    }

    /// The id of a cell or name, for fast repeated reads and edits.
    pub fn cell_id(&self, target: &CellRef) -> Option<CellId> {
        match target {
            CellRef::Grid { sheet, pos } => {
                let sheet = self.sheet_id(sheet)?;
                self.sheets
                    .get(sheet.0 as usize)?
                    .grid
                    .get(pos.row, pos.col)
            }
            CellRef::Name { name, sheet } => {
                let scope = match sheet {
                    Some(s) => Some(self.sheet_id(s)?),
                    None => None,
                };
                let id = self.find_name_exact(scope, name)?;
                let entry = self.names.get(id.0 as usize)?;
                entry.defined.then_some(entry.node)
            }
        }
    }

    /// The cell id at a grid position, creating an empty cell there if needed.
    pub fn ensure_cell(&mut self, sheet: SheetId, row: u32, col: u32) -> Option<CellId> {
        if (sheet.0 as usize) < self.sheets.len() && row < MAX_ROWS && col < MAX_COLS {
            Some(self.cell_node(sheet, row, col))
        } else {
            None
        }
    }

    pub fn value_of(&self, id: CellId) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.nodes
            .get(id.index())
            .map(|n| &n.value)
            .unwrap_or(&EMPTY)
    }

    pub(crate) fn cell_value(&self, sheet: SheetId, row: u32, col: u32) -> Option<&Value> {
        let id = self.sheets.get(sheet.0 as usize)?.grid.get(row, col)?;
        self.nodes.get(id.index()).map(|n| &n.value)
    }

    /// Where a cell id points.
    pub fn cell_ref(&self, id: CellId) -> Option<CellRef> {
        match self.nodes.get(id.index())?.kind {
            NodeKind::Cell { sheet, row, col } => Some(CellRef::Grid {
                sheet: self.sheets.get(sheet.0 as usize)?.name.to_string(),
                pos: CellPos::new(row, col),
            }),
            NodeKind::Name(n) => {
                let entry = self.names.get(n.0 as usize)?;
                Some(CellRef::Name {
                    name: entry.name.to_string(),
                    sheet: entry
                        .scope
                        .and_then(|s| self.sheets.get(s.0 as usize))
                        .map(|s| s.name.to_string()),
                })
            }
            _ => None,
        }
    }

    /// `staff_after` or `Sheet1!B3` for a cell id.
    pub fn label(&self, id: CellId) -> String {
        self.cell_ref(id).map(|r| r.to_string()).unwrap_or_default()
    }

    /// Is this id a grid cell or a named cell (not an internal range node)?
    pub fn is_cell(&self, id: CellId) -> bool {
        matches!(
            self.nodes.get(id.index()).map(|n| n.kind),
            Some(NodeKind::Cell { .. }) | Some(NodeKind::Name(_))
        )
    }

    /// The formula of a cell or name, as Excel text with `=`, if it has one.
    pub fn formula(&self, target: &CellRef) -> Option<String> {
        self.formula_of_node(self.cell_id(target)?)
    }

    pub(crate) fn formula_of_node(&self, node: NodeId) -> Option<String> {
        let program = self.programs.get(self.nodes.get(node.index())?.program?)?;
        let formula = decompile(program, self.anchor_of(node), self);
        let text = formula::to_text(&formula);
        Some(if program.array {
            format!("{{={text}}}")
        } else {
            format!("={text}")
        })
    }

    pub fn has_formula(&self, id: CellId) -> bool {
        self.nodes
            .get(id.index())
            .is_some_and(|n| n.program.is_some())
    }

    /// Every defined name, in definition order, with its cell id.
    pub fn defined_names(&self) -> Vec<(CellRef, CellId)> {
        self.names
            .iter()
            .filter(|n| n.defined && !n.removed)
            .map(|n| {
                (
                    CellRef::Name {
                        name: n.name.to_string(),
                        sheet: n
                            .scope
                            .and_then(|s| self.sheets.get(s.0 as usize))
                            .map(|s| s.name.to_string()),
                    },
                    n.node,
                )
            })
            .collect()
    }

    /// Every non-empty grid cell (a value or a formula), sheet by sheet, row by row.
    pub fn grid_cells(&self) -> Vec<(SheetId, CellPos, CellId)> {
        let mut out = Vec::new();
        for (i, sheet) in self.sheets.iter().enumerate() {
            let mut cells = Vec::with_capacity(sheet.grid.len());
            sheet.grid.for_each(|r, c, id| {
                if let Some(n) = self.nodes.get(id.index()) {
                    if n.program.is_some() || !n.value.is_empty() {
                        cells.push((CellPos::new(r, c), id));
                    }
                }
            });
            cells.sort_unstable_by_key(|(p, _)| (p.row, p.col));
            out.extend(cells.into_iter().map(|(p, id)| (SheetId(i as u32), p, id)));
        }
        out
    }

    /// Cells and names whose value depends, directly or not, on `id` (in no particular order).
    pub fn dependents(&self, id: CellId) -> Vec<CellId> {
        self.dependents_of(&[id]).into_iter().collect()
    }

    /// Cells and names whose value depends on any of `sources` (one walk for all of them).
    pub fn dependents_of(&self, sources: &[CellId]) -> FxHashSet<CellId> {
        let mut seen: FxHashSet<CellId> = FxHashSet::default();
        let mut stack: Vec<CellId> = sources.to_vec();
        let mut out = FxHashSet::default();
        while let Some(u) = stack.pop() {
            self.for_each_dependent(u, |v| {
                if seen.insert(v) {
                    stack.push(v);
                    if self.is_cell(v) {
                        out.insert(v);
                    }
                }
            });
        }
        out
    }

    /// The cells and names a formula reads directly (ranges expanded to their non-empty cells).
    pub fn precedents(&self, id: CellId) -> Vec<CellId> {
        let mut out = Vec::new();
        for p in self
            .graph
            .neighbors_directed(NodeIndex::new(id.index()), Direction::Incoming)
        {
            let pid = CellId(p.index() as u32);
            match self.nodes.get(p.index()).map(|n| n.kind) {
                Some(NodeKind::Range(rid)) => {
                    if let Some(e) = self.ranges.get(rid) {
                        if let Some(sheet) = self.sheets.get(e.area.sheet.0 as usize) {
                            sheet.grid.for_each_in(
                                e.area.top,
                                e.area.left,
                                e.area.bottom,
                                e.area.right,
                                |_, _, c| out.push(c),
                            );
                        }
                    }
                }
                Some(NodeKind::Cell { .. }) | Some(NodeKind::Name(_)) => out.push(pid),
                _ => {}
            }
        }
        out
    }

    /// Cycles found by the recalculations so far that are still present, each in order.
    pub fn cycles(&self) -> &[Cycle] {
        &self.cycles
    }

    /// Functions used in formulas that kachi does not implement, with the cells using them.
    pub fn unsupported_functions(&self) -> Vec<(String, Vec<CellId>)> {
        let mut out: Vec<(String, Vec<CellId>)> = self
            .unknown_functions
            .iter()
            .map(|(name, cells)| {
                let mut live: Vec<CellId> = cells
                    .iter()
                    .copied()
                    .filter(|c| self.program_mentions_unknown(*c, name))
                    .collect();
                live.sort_unstable();
                live.dedup();
                (name.to_string(), live)
            })
            .filter(|(_, cells)| !cells.is_empty())
            .collect();
        out.sort();
        out
    }

    fn program_mentions_unknown(&self, node: NodeId, name: &str) -> bool {
        self.nodes
            .get(node.index())
            .and_then(|n| n.program)
            .and_then(|p| self.programs.get(p))
            .is_some_and(|p| {
                p.ops
                    .iter()
                    .any(|op| matches!(op, Op::Unknown { name: n, .. } if &**n == name))
            })
    }

    /// Names formulas mention that nobody defined (they evaluate to `#NAME?`).
    pub fn undefined_names(&self) -> Vec<String> {
        self.names
            .iter()
            .filter(|n| !n.defined && !n.removed)
            .filter(|n| {
                self.graph
                    .neighbors_directed(NodeIndex::new(n.node.index()), Direction::Outgoing)
                    .next()
                    .is_some()
            })
            .map(|n| n.name.to_string())
            .collect()
    }

    /// Number of formula cells and names.
    pub fn formula_count(&self) -> usize {
        self.nodes.iter().filter(|n| n.program.is_some()).count()
    }

    // ---------------------------------------------------------------- evaluation support

    pub(crate) fn name_value(&self, id: NameId) -> Option<&Value> {
        let entry = self.names.get(id.0 as usize)?;
        if !entry.defined {
            return None;
        }
        self.nodes.get(entry.node.index()).map(|n| &n.value)
    }

    /// For a name defined as a plain reference, the reference it denotes.
    pub(crate) fn name_reference(&self, id: NameId) -> Option<Operand> {
        let entry = self.names.get(id.0 as usize)?;
        if !entry.defined {
            return None;
        }
        let anchor = self.anchor_of(entry.node);
        match entry.reference.as_ref()? {
            Op::Cell { cell, .. } => Some(match resolve_cell(cell, anchor) {
                Some((s, r, c)) => Operand::Ref(crate::functions::Area::cell(s, r, c)),
                None => Operand::error(ErrorKind::Ref),
            }),
            Op::Area(a) => Some(match resolve_area(a, anchor) {
                Some(area) => Operand::Ref(area),
                None => Operand::error(ErrorKind::Ref),
            }),
            _ => None,
        }
    }

    pub(crate) fn is_reference_name(&self, node: NodeId) -> bool {
        match self.nodes.get(node.index()).map(|n| n.kind) {
            Some(NodeKind::Name(id)) => self
                .names
                .get(id.0 as usize)
                .is_some_and(|e| e.reference.is_some()),
            _ => false,
        }
    }

    /// Calls `f` for every node that reads `node` directly: formula edges, and for a grid cell,
    /// the ranges containing it.
    #[inline]
    pub(crate) fn for_each_dependent(&self, node: NodeId, mut f: impl FnMut(NodeId)) {
        let Some(n) = self.nodes.get(node.index()) else {
            return;
        };
        debug_assert!(self.dependents_cache_agrees(node, n.out));
        match n.out {
            NO_DEPENDENTS => {}
            MANY_DEPENDENTS => {
                for d in self
                    .graph
                    .neighbors_directed(NodeIndex::new(node.index()), Direction::Outgoing)
                {
                    f(CellId(d.index() as u32));
                }
            }
            one => f(CellId(one)),
        }
        if let NodeKind::Cell { sheet, row, col } = n.kind {
            self.ranges.for_each_containing(sheet, row, col, &mut f);
        }
    }

    /// `Node::out` matches the graph (checked in debug builds on every walk).
    fn dependents_cache_agrees(&self, node: NodeId, out: u32) -> bool {
        let mut graph = self
            .graph
            .neighbors_directed(NodeIndex::new(node.index()), Direction::Outgoing);
        match out {
            NO_DEPENDENTS => graph.next().is_none(),
            MANY_DEPENDENTS => true,
            one => graph.next().map(|d| d.index() as u32) == Some(one) && graph.next().is_none(),
        }
    }

    /// How ordinary (non-array) formulas set from now on treat a range where one value is
    /// expected, e.g. `=A1:A10*2` or `=ABS(B:B)`:
    /// - `false` (the default, Excel 365's dynamic arrays): element by element; a cell shows the
    ///   first element of the result.
    /// - `true` (how Excel reads formulas saved without the array flag, i.e. from files): the
    ///   cell in the formula's own row or column (implicit intersection), except inside
    ///   functions that take arrays (SUMPRODUCT, INDEX, MATCH...).
    ///
    /// Array formulas written `{=...}` always work element by element.
    pub fn set_legacy_formulas(&mut self, legacy: bool) {
        self.legacy_formulas = legacy;
    }

    /// Fixes NOW()/TODAY() to a serial date-time (tests, reproducible runs); None for the clock.
    pub fn set_clock(&mut self, serial: Option<Decimal>) {
        self.clock = serial;
    }

    /// Seeds RAND()/RANDBETWEEN().
    pub fn set_random_seed(&mut self, seed: u64) {
        self.rng.store(seed | 1, Ordering::Relaxed);
    }

    pub(crate) fn now_serial(&self) -> Decimal {
        if let Some(c) = self.clock {
            return c;
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        crate::numeric::from_f64(secs / 86400.0 + 25569.0).unwrap_or(Decimal::ZERO)
    }

    pub(crate) fn next_random(&self) -> f64 {
        // xorshift64*, advanced atomically so `&self` readers stay Sync.
        let mut x = self.rng.load(Ordering::Relaxed);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng.store(x, Ordering::Relaxed);
        let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (r >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The single reference a program consists of, if it is nothing else (`=Inputs!$B$1:$B$9`).
fn pure_reference(program: &Program) -> Option<Op> {
    let mut found = None;
    for op in program.ops.iter() {
        match op {
            Op::Paren => {}
            Op::Cell { cell, .. } if found.is_none() => {
                found = Some(Op::Cell {
                    cell: *cell,
                    as_value: false,
                })
            }
            Op::Area(_) if found.is_none() => found = Some(op.clone()),
            _ => return None,
        }
    }
    found
}

/// How text typed into a cell becomes an edit: `=...` formula, number, boolean, error, text.
pub fn input_edit(target: CellRef, input: &str) -> Edit {
    let trimmed = input.trim();
    if trimmed.starts_with('=') && trimmed.len() > 1 {
        return Edit::SetFormula {
            target,
            formula: trimmed.to_string(),
        };
    }
    let value = if trimmed.is_empty() {
        Value::Empty
    } else if let Some(n) = crate::numeric::parse_number_text(trimmed) {
        Value::Number(n)
    } else if trimmed.eq_ignore_ascii_case("TRUE") {
        Value::Bool(true)
    } else if trimmed.eq_ignore_ascii_case("FALSE") {
        Value::Bool(false)
    } else if let Some(e) = ErrorKind::parse(trimmed) {
        Value::Error(e)
    } else {
        Value::text(input)
    };
    Edit::SetValue { target, value }
}

impl Resolver for Workbook {
    fn sheet(&self, name: &str) -> Option<SheetId> {
        self.sheet_id(name)
    }

    fn name(&mut self, sheet: Option<SheetId>, own_sheet: Option<SheetId>, name: &str) -> NameId {
        match self.find_name(sheet, own_sheet, name) {
            Some(id) => id,
            None => self.create_name(sheet, name),
        }
    }
}

impl Namer for Workbook {
    fn sheet_name(&self, sheet: SheetId) -> Option<Arc<str>> {
        self.sheets.get(sheet.0 as usize).map(|s| s.name.clone())
    }

    fn name_text(&self, name: NameId) -> (Option<Arc<str>>, Arc<str>) {
        match self.names.get(name.0 as usize) {
            Some(entry) => (
                entry
                    .scope
                    .and_then(|s| self.sheets.get(s.0 as usize))
                    .map(|s| s.name.clone()),
                entry.name.clone(),
            ),
            None => (None, Arc::from("#NAME?")),
        }
    }
}

impl fmt::Debug for Workbook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Workbook")
            .field("sheets", &self.sheet_names())
            .field("nodes", &self.graph.node_count())
            .field("edges", &self.graph.edge_count())
            .finish()
    }
}

#[allow(dead_code)]
fn assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Workbook>();
}

/// Checks that text is a cell reference and not a name (used by model files).
pub fn looks_like_cell(text: &str) -> bool {
    is_cell_reference(text)
}
