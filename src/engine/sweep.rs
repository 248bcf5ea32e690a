//! Repeated sweeps over the same inputs (Monte Carlo samples, parameter grids): the formulas
//! between the inputs and the outputs are ordered once, and each sweep sets the inputs and
//! evaluates exactly those formulas in that order, with no dirty set, no list of changed cells
//! and no early cutoff.
//!
//! A [`Sweep`] works on its own copy of the workbook, so the workbook it was planned from is
//! never touched and keeps the engine's invariant. Within the copy, after each
//! [`Sweep::recompute`] every cell of the plan holds the value a recalculation of the same
//! inputs would give (numbers compare equal; only the decimal scale of an unchanged result may
//! differ, since a recalculation keeps the old value when the new one is numerically equal).
//! Dependents of the inputs that no output needs are not recomputed: the copy as a whole is
//! therefore not consistent and is not handed out.
//!
//! Plain arithmetic formulas (numbers, cells and names holding numbers, `+ - * / ^ %`, unary
//! minus) run on bare decimals with operands resolved when the plan is made, like
//! `eval::run_simple`; any other formula, or one whose operand is not a number this time, runs
//! through the general interpreter.

use rust_decimal::Decimal;

use super::eval::Evaluator;
use super::program::{Op, SIMPLE_DEPTH};
use super::workbook::{NodeKind, Workbook};
use super::{CellId, NodeId};
use crate::formula::{BinaryOp, UnaryOp};
use crate::functions::Operand;
use crate::numeric;
use crate::value::Value;

/// Why a sweep cannot be planned; the caller then uses [`Workbook::set_values_of`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SweepRefusal {
    #[error("the workbook has volatile formulas (NOW, RAND, OFFSET, INDIRECT...)")]
    Volatile,
    #[error("a circular reference lies between the inputs and the outputs")]
    Cycle,
    #[error("input {0:?} is not a cell or name holding a plain value")]
    BadInput(CellId),
    #[error("output {0:?} is not a cell of the workbook")]
    BadOutput(CellId),
}

/// One step of bare-decimal code.
#[derive(Clone, Copy, Debug)]
enum Fast {
    Number(Decimal),
    Load(NodeId),
    Neg,
    Percent,
    Binary(BinaryOp),
}

/// One formula to evaluate.
#[derive(Clone, Copy, Debug)]
struct Step {
    node: NodeId,
    /// Its bare-decimal code in `Sweep::code`, if it has one.
    code: Option<(u32, u32)>,
}

/// A planned sweep; see the module documentation. Cloning gives an independent copy (one per
/// worker thread).
#[derive(Clone)]
pub struct Sweep {
    wb: Workbook,
    inputs: Vec<NodeId>,
    steps: Vec<Step>,
    code: Vec<Fast>,
    stack: Vec<Operand>,
}

impl Workbook {
    /// Plans sweeps that set `inputs` and read `outputs`: the formulas downstream of the
    /// inputs that some output needs, in dependency order. Refuses workbooks with volatile
    /// formulas and plans crossing a circular reference.
    pub fn sweep(&self, inputs: &[CellId], outputs: &[CellId]) -> Result<Sweep, SweepRefusal> {
        if !self.volatile.is_empty() {
            return Err(SweepRefusal::Volatile);
        }
        for &id in inputs {
            match self.nodes.get(id.index()) {
                Some(n)
                    if n.program.is_none()
                        && matches!(n.kind, NodeKind::Cell { .. } | NodeKind::Name(_))
                        && !self.is_reference_name(id) => {}
                _ => return Err(SweepRefusal::BadInput(id)),
            }
        }
        for &id in outputs {
            if !self
                .nodes
                .get(id.index())
                .is_some_and(|n| matches!(n.kind, NodeKind::Cell { .. } | NodeKind::Name(_)))
            {
                return Err(SweepRefusal::BadOutput(id));
            }
        }
        let order = self.sweep_order(inputs, outputs)?;
        let mut code = Vec::new();
        let steps = order
            .into_iter()
            .filter(|n| {
                self.nodes
                    .get(n.index())
                    .is_some_and(|n| n.program.is_some())
            })
            .map(|node| {
                let start = code.len();
                let code = match self.compile_fast(node, &mut code) {
                    true => Some((start as u32, (code.len() - start) as u32)),
                    false => {
                        code.truncate(start);
                        None
                    }
                };
                Step { node, code }
            })
            .collect();
        Ok(Sweep {
            wb: self.clone(),
            inputs: inputs.to_vec(),
            steps,
            code,
            stack: Vec::new(),
        })
    }

    /// The nodes downstream of `inputs` from which some output is reachable, in topological
    /// order (Kahn's algorithm; iterative throughout).
    fn sweep_order(
        &self,
        inputs: &[CellId],
        outputs: &[CellId],
    ) -> Result<Vec<NodeId>, SweepRefusal> {
        // Downstream set, with its edges.
        let mut index = rustc_hash::FxHashMap::default();
        let mut nodes: Vec<NodeId> = Vec::new();
        let mut edges: Vec<Vec<usize>> = Vec::new();
        for &i in inputs {
            if let std::collections::hash_map::Entry::Vacant(e) = index.entry(i) {
                e.insert(nodes.len());
                nodes.push(i);
                edges.push(Vec::new());
            }
        }
        let mut k = 0;
        while let Some(&u) = nodes.get(k) {
            let mut out = Vec::new();
            self.for_each_dependent(u, |v| {
                let j = *index.entry(v).or_insert_with(|| {
                    nodes.push(v);
                    edges.push(Vec::new());
                    nodes.len() - 1
                });
                out.push(j);
            });
            if let Some(e) = edges.get_mut(k) {
                *e = out;
            }
            k += 1;
        }
        // Needed: reaches an output.
        let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for (u, list) in edges.iter().enumerate() {
            for &v in list {
                if let Some(r) = reverse.get_mut(v) {
                    r.push(u);
                }
            }
        }
        let mut needed = vec![false; nodes.len()];
        let mut stack: Vec<usize> = outputs
            .iter()
            .filter_map(|o| index.get(o))
            .copied()
            .collect();
        while let Some(v) = stack.pop() {
            match needed.get_mut(v) {
                Some(flag) if !*flag => *flag = true,
                _ => continue,
            }
            if let Some(r) = reverse.get(v) {
                stack.extend(r.iter().copied());
            }
        }
        // Kahn's algorithm over the needed nodes.
        let mut indeg = vec![0u32; nodes.len()];
        for (u, list) in edges.iter().enumerate() {
            if needed.get(u) == Some(&true) {
                for &v in list {
                    if let Some(d) = indeg.get_mut(v) {
                        *d += 1;
                    }
                }
            }
        }
        let mut ready: Vec<usize> = (0..nodes.len())
            .filter(|&u| needed.get(u) == Some(&true) && indeg.get(u) == Some(&0))
            .collect();
        let total = needed.iter().filter(|n| **n).count();
        let mut order = Vec::with_capacity(total);
        while let Some(u) = ready.pop() {
            order.push(nodes.get(u).copied().unwrap_or(NodeId::NONE));
            for &v in edges.get(u).map(Vec::as_slice).unwrap_or_default() {
                if let Some(d) = indeg.get_mut(v) {
                    *d = d.saturating_sub(1);
                    if *d == 0 && needed.get(v) == Some(&true) {
                        ready.push(v);
                    }
                }
            }
        }
        if order.len() < total {
            return Err(SweepRefusal::Cycle);
        }
        Ok(order)
    }

    /// Appends the bare-decimal code of `node`'s formula (the shape `eval::run_simple` runs,
    /// plus names holding values); false if the formula has another shape.
    fn compile_fast(&self, node: NodeId, code: &mut Vec<Fast>) -> bool {
        let Some(n) = self.nodes.get(node.index()) else {
            return false;
        };
        let Some(program) = n.program.and_then(|p| self.programs.get(p)) else {
            return false;
        };
        if program.array {
            return false;
        }
        let anchor = self.anchor_of(node);
        let mut depth = 0usize;
        for op in program.ops.iter() {
            match op {
                Op::Number(d) => {
                    code.push(Fast::Number(*d));
                    depth += 1;
                }
                Op::Cell { cell, .. } => {
                    let Some((s, r, c)) = super::eval::resolve_cell(cell, anchor) else {
                        return false;
                    };
                    let Some(id) = self
                        .sheets
                        .get(s.0 as usize)
                        .and_then(|sheet| sheet.grid.get(r, c))
                    else {
                        return false;
                    };
                    code.push(Fast::Load(id));
                    depth += 1;
                }
                Op::Name(id) => {
                    let Some(entry) = self.names.get(id.0 as usize) else {
                        return false;
                    };
                    if !entry.defined || entry.reference.is_some() {
                        return false;
                    }
                    code.push(Fast::Load(entry.node));
                    depth += 1;
                }
                Op::Paren
                | Op::Unary {
                    op: UnaryOp::Plus, ..
                } => {
                    if depth == 0 {
                        return false;
                    }
                }
                Op::Unary {
                    op: UnaryOp::Minus, ..
                } => {
                    if depth == 0 {
                        return false;
                    }
                    code.push(Fast::Neg);
                }
                Op::Percent { .. } => {
                    if depth == 0 {
                        return false;
                    }
                    code.push(Fast::Percent);
                }
                Op::Binary { op, .. } => {
                    if depth < 2 || !super::program::is_decimal_arithmetic(*op) {
                        return false;
                    }
                    code.push(Fast::Binary(*op));
                    depth -= 1;
                }
                _ => return false,
            }
            if depth > SIMPLE_DEPTH {
                return false;
            }
        }
        depth == 1
    }
}

impl Sweep {
    /// The inputs, in the order [`Sweep::set`] and [`Sweep::run`] take them.
    pub fn inputs(&self) -> &[CellId] {
        &self.inputs
    }

    /// Sets input `i` (ignored if there is no such input); takes effect at the next
    /// [`Sweep::recompute`].
    #[inline]
    pub fn set(&mut self, i: usize, value: Value) {
        if let Some(node) = self
            .inputs
            .get(i)
            .and_then(|id| self.wb.nodes.get_mut(id.index()))
        {
            node.value = value;
        }
    }

    /// Sets every input (in order) and recomputes.
    pub fn run(&mut self, values: &[Value]) {
        for (i, v) in values.iter().enumerate() {
            self.set(i, v.clone());
        }
        self.recompute();
    }

    /// Evaluates the plan's formulas in order.
    pub fn recompute(&mut self) {
        for step in &self.steps {
            let fast = step.code.and_then(|(start, len)| {
                let code = self
                    .code
                    .get(start as usize..start as usize + len as usize)?;
                run_fast(code, &self.wb)
            });
            let value = match fast {
                Some(v) => v,
                None => Evaluator::new(&self.wb, &mut self.stack).eval_node(step.node),
            };
            if let Some(n) = self.wb.nodes.get_mut(step.node.index()) {
                n.value = value;
            }
        }
    }

    /// A value after the last recompute (outputs, inputs, or anything else the plan reads).
    pub fn value_of(&self, id: CellId) -> &Value {
        self.wb.value_of(id)
    }

    /// How many formulas each recompute evaluates, and how many of them on bare decimals.
    pub fn formula_counts(&self) -> (usize, usize) {
        let fast = self.steps.iter().filter(|s| s.code.is_some()).count();
        (self.steps.len(), fast)
    }
}

/// Runs bare-decimal code; None when an operand is not a number (the general interpreter then
/// decides). As in `eval::run_simple`, the first failing operation's error is the result.
#[inline]
fn run_fast(code: &[Fast], wb: &Workbook) -> Option<Value> {
    let mut stack = [Decimal::ZERO; SIMPLE_DEPTH];
    let mut sp = 0usize;
    for op in code {
        match *op {
            Fast::Number(n) => {
                *stack.get_mut(sp)? = n;
                sp += 1;
            }
            Fast::Load(id) => match wb.nodes.get(id.index()).map(|n| &n.value) {
                Some(Value::Number(n)) => {
                    *stack.get_mut(sp)? = *n;
                    sp += 1;
                }
                _ => return None,
            },
            Fast::Neg => {
                let top = stack.get_mut(sp.checked_sub(1)?)?;
                *top = -*top;
            }
            Fast::Percent => {
                let top = stack.get_mut(sp.checked_sub(1)?)?;
                match numeric::div(*top, Decimal::ONE_HUNDRED) {
                    Ok(v) => *top = v,
                    Err(e) => return Some(Value::Error(e)),
                }
            }
            Fast::Binary(op) => {
                if let Err(e) = super::eval::binary_on_stack(op, &mut stack, &mut sp)? {
                    return Some(Value::Error(e));
                }
            }
        }
    }
    match (sp, stack.first()) {
        (1, Some(v)) => Some(Value::Number(*v)),
        _ => None,
    }
}
