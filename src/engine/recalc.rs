//! Incremental recalculation: from the edited cells, collect everything downstream (the dirty
//! set), then evaluate it in topological order (Kahn's algorithm restricted to the dirty set),
//! re-evaluating a cell only when one of its inputs actually changed (early cutoff).
//!
//! Cells left over when Kahn's algorithm stalls lie on or behind a cycle: the cycles are found
//! with petgraph's `kosaraju_scc` (iterative; `tarjan_scc` recurses and overflows on long
//! chains), their cells get `#CIRC!`, and the cells behind them are then computed normally.
//! Volatile cells (NOW, RAND, OFFSET, INDIRECT) are dirty on every recalculation and wait
//! until everything else in the dirty set is done, since they may read any cell.

use petgraph::graph::DiGraph;
use rustc_hash::{FxHashMap, FxHashSet};

use super::eval::Evaluator;
use super::workbook::{NodeKind, Workbook};
use super::CellId;
use crate::value::{ErrorKind, Value};

type NodeId = CellId;

const NEEDS_EVAL: u8 = 1;
const CHANGED_SEED: u8 = 2;
const DONE: u8 = 4;
const VOLATILE: u8 = 8;

/// Epochs use the low 28 bits of `Slot::mark`; the flags above are the top 4.
const EPOCH_BITS: u32 = 28;
const EPOCH_MASK: u32 = (1 << EPOCH_BITS) - 1;

/// One node's bookkeeping during a recalculation (valid when its epoch is the current one).
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The epoch of the recalculation that last visited the node, and its flags.
    mark: u32,
    /// Dirty inputs not yet processed.
    indeg: u32,
    /// Index in `Scratch::visited` (and so of its dependents in `adj`).
    pos: u32,
}

impl Slot {
    #[inline]
    fn flags(&self) -> u8 {
        (self.mark >> EPOCH_BITS) as u8
    }

    #[inline]
    fn add(&mut self, flags: u8) {
        self.mark |= u32::from(flags) << EPOCH_BITS;
    }
}

/// Per-node bookkeeping reused across recalculations (no allocation per edit). The dirty
/// set's dependency lists are recorded while it is collected (`adj`, indexed through
/// `adj_start`), so Kahn's pass reads them back sequentially instead of walking the graph and
/// the range index a second time.
#[derive(Default)]
pub(crate) struct Scratch {
    slots: Vec<Slot>,
    epoch: u32,
    visited: Vec<NodeId>,
    adj_start: Vec<u32>,
    adj: Vec<NodeId>,
    ready: Vec<NodeId>,
    deferred: Vec<NodeId>,
}

impl Scratch {
    fn prepare(&mut self, nodes: usize) {
        if self.slots.len() < nodes {
            self.slots.resize(nodes, Slot::default());
        }
        self.epoch = (self.epoch + 1) & EPOCH_MASK;
        if self.epoch == 0 {
            self.slots.iter_mut().for_each(|s| s.mark = 0);
            self.epoch = 1;
        }
        self.visited.clear();
        self.adj_start.clear();
        self.adj.clear();
        self.ready.clear();
        self.deferred.clear();
    }

    /// Adds a node to the dirty set (once); returns its slot.
    #[inline]
    fn visit(&mut self, n: NodeId) -> Option<&mut Slot> {
        let epoch = self.epoch;
        let pos = self.visited.len() as u32;
        let slot = self.slots.get_mut(n.index())?;
        if slot.mark & EPOCH_MASK != epoch {
            *slot = Slot {
                mark: epoch,
                indeg: 0,
                pos,
            };
            self.visited.push(n);
        }
        Some(slot)
    }

    #[inline]
    fn flags(&self, n: NodeId) -> u8 {
        self.slots.get(n.index()).map_or(0, Slot::flags)
    }

    #[inline]
    fn set_flags(&mut self, n: NodeId, flags: u8) {
        if let Some(s) = self.slots.get_mut(n.index()) {
            s.add(flags);
        }
    }

    #[inline]
    fn visited_now(&self, n: NodeId) -> bool {
        self.slots
            .get(n.index())
            .is_some_and(|s| s.mark & EPOCH_MASK == self.epoch)
    }

    /// The dependents of a visited node, as recorded while collecting the dirty set.
    #[inline]
    fn dependents(adj_start: &[u32], adj: &[NodeId], pos: u32) -> std::ops::Range<usize> {
        let p = pos as usize;
        let from = adj_start.get(p).copied().unwrap_or(0) as usize;
        let to = adj_start.get(p + 1).copied().unwrap_or(0) as usize;
        from.min(to).min(adj.len())..to.min(adj.len())
    }
}

/// Where a recalculation reports what it did: the full [`Recalc`], or only counts.
struct Out {
    recalc: Recalc,
    /// Keep the list of changed cells (else only count them).
    list: bool,
    changed: usize,
}

impl Out {
    #[inline]
    fn changed(&mut self, n: NodeId) {
        self.changed += 1;
        if self.list {
            self.recalc.changed.push(n);
        }
    }
}

/// What a recalculation did, in numbers only (see [`Workbook::set_value_counted`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecalcCounts {
    /// Cells and names whose value changed.
    pub changed: usize,
    /// Formulas evaluated (after early cutoff).
    pub evaluated: usize,
    /// Circular references found.
    pub cycles: usize,
}

/// A circular reference: its cells in order, each reading the one before it (and the first
/// reading the last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    pub cells: Vec<CellId>,
}

/// What a recalculation did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recalc {
    /// Cells and names whose value changed, in the order they were computed.
    pub changed: Vec<CellId>,
    /// Circular references found.
    pub cycles: Vec<Cycle>,
    /// Number of formulas evaluated (after early cutoff).
    pub evaluated: usize,
}

impl Workbook {
    /// Recalculates everything from scratch.
    pub fn recalculate_all(&mut self) -> Recalc {
        let seeds: Vec<(NodeId, bool)> = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.program.is_some())
            .map(|(i, _)| (CellId(i as u32), true))
            .collect();
        self.recalc(&seeds)
    }

    /// Propagates changes from `seeds` (node, needs evaluation): a node whose formula changed
    /// needs evaluation; a node whose value was set directly has already changed.
    pub(crate) fn recalc(&mut self, seeds: &[(NodeId, bool)]) -> Recalc {
        self.propagate(seeds, true).recalc
    }

    /// Like [`Workbook::recalc`], reporting counts only (no list of changed cells).
    pub(crate) fn recalc_counted(&mut self, seeds: &[(NodeId, bool)]) -> RecalcCounts {
        let out = self.propagate(seeds, false);
        RecalcCounts {
            changed: out.changed,
            evaluated: out.recalc.evaluated,
            cycles: out.recalc.cycles.len(),
        }
    }

    fn propagate(&mut self, seeds: &[(NodeId, bool)], list: bool) -> Out {
        let mut s = self.scratch.take().unwrap_or_default();
        let mut stack = std::mem::take(&mut self.eval_stack);
        let mut out = Out {
            recalc: Recalc::default(),
            list,
            changed: 0,
        };
        if let [(seed, false)] = seeds {
            if self.shallow(*seed, &mut s, &mut stack, &mut out) {
                self.scratch = Some(s);
                self.eval_stack = stack;
                return out;
            }
        }
        s.prepare(self.nodes.len());

        for &(n, needs_eval) in seeds {
            if let Some(slot) = s.visit(n) {
                slot.add(if needs_eval { NEEDS_EVAL } else { CHANGED_SEED });
            }
        }
        for &n in &self.volatile {
            if let Some(slot) = s.visit(n) {
                slot.add(NEEDS_EVAL | VOLATILE);
            }
        }

        // Collect the dirty set, count for each dirty node its dirty inputs, and record each
        // node's dependents. A `#CIRC!` value was set by cycle detection, not computed from the
        // inputs, so early cutoff must not trust it: such nodes are always re-evaluated.
        let mut i = 0;
        while let Some(&u) = s.visited.get(i) {
            i += 1;
            s.adj_start.push(s.adj.len() as u32);
            if matches!(
                self.nodes.get(u.index()).map(|n| &n.value),
                Some(Value::Error(ErrorKind::Circ))
            ) {
                s.set_flags(u, NEEDS_EVAL);
            }
            self.for_each_dependent(u, |v| {
                if let Some(slot) = s.visit(v) {
                    slot.indeg += 1;
                }
                s.adj.push(v);
            });
        }
        s.adj_start.push(s.adj.len() as u32);
        for k in 0..s.visited.len() {
            let n = s.visited[k];
            if let Some(slot) = s.slots.get(n.index()) {
                if slot.indeg == 0 {
                    if slot.flags() & VOLATILE != 0 {
                        s.deferred.push(n);
                    } else {
                        s.ready.push(n);
                    }
                }
            }
        }
        if list {
            out.recalc.changed.reserve(s.visited.len());
        }

        let mut processed = self.drain(&mut s, &mut stack, &mut out);
        if processed < s.visited.len() {
            let (circular, held) = self.break_cycles(&mut s, &mut out);
            processed += circular;
            processed += self.drain(&mut s, &mut stack, &mut out);
            // A range on a cycle waits for its cells off the cycle; ranges feed only on cells,
            // so none should be left waiting. Should one be, release it rather than leave the
            // cells behind it uncomputed.
            let stalled: Vec<NodeId> = held
                .into_iter()
                .filter(|n| s.flags(*n) & DONE == 0)
                .collect();
            if !stalled.is_empty() {
                processed += self.release_cycle_nodes(&stalled, &mut s);
                processed += self.drain(&mut s, &mut stack, &mut out);
            }
        }
        debug_assert!(processed <= s.visited.len());

        // Cycles touched by this recalculation were re-detected above; keep the others.
        if !self.cycles.is_empty() {
            self.cycles
                .retain(|c| c.cells.iter().all(|n| !s.visited_now(*n)));
        }
        self.cycles.extend(out.recalc.cycles.iter().cloned());

        self.scratch = Some(s);
        self.eval_stack = stack;
        out
    }

    /// The common what-if edit, without the dirty-set machinery: one value changed, and
    /// everything that reads it is a formula cell nothing else reads (an input feeding the
    /// outputs of a small model). Then the dirty set is the seed and those cells, in any order,
    /// and each is evaluated once. Returns false (having changed nothing) when the edit is not
    /// of that kind, or when volatile cells or known cycles need the general path.
    fn shallow(
        &mut self,
        seed: NodeId,
        s: &mut Scratch,
        stack: &mut Vec<crate::functions::Operand>,
        out: &mut Out,
    ) -> bool {
        const MAX_LEAVES: usize = 16;
        if !self.volatile.is_empty() || !self.cycles.is_empty() {
            return false;
        }
        let leaves = &mut s.adj;
        leaves.clear();
        self.for_each_dependent(seed, |v| leaves.push(v));
        if leaves.len() > MAX_LEAVES {
            return false;
        }
        for (k, &v) in leaves.iter().enumerate() {
            let is_formula_cell = self
                .nodes
                .get(v.index())
                .is_some_and(|n| matches!(n.kind, NodeKind::Cell { .. }) && n.program.is_some());
            if !is_formula_cell || v == seed || leaves.get(..k).is_some_and(|l| l.contains(&v)) {
                return false;
            }
            let mut read = false;
            self.for_each_dependent(v, |_| read = true);
            if read {
                return false;
            }
        }
        if self.is_cell(seed) {
            out.changed(seed);
        }
        // In the order the general path's ready stack would give.
        for k in (0..s.adj.len()).rev() {
            if let Some(&v) = s.adj.get(k) {
                self.evaluate(v, stack, out);
            }
        }
        s.adj.clear();
        true
    }

    /// Kahn's algorithm over the ready queue; returns how many nodes it processed.
    fn drain(
        &mut self,
        s: &mut Scratch,
        stack: &mut Vec<crate::functions::Operand>,
        out: &mut Out,
    ) -> usize {
        let mut processed = 0;
        loop {
            let u = match s.ready.pop() {
                Some(u) => u,
                None => match s.deferred.pop() {
                    Some(u) => u,
                    None => break,
                },
            };
            processed += 1;
            let Some(slot) = s.slots.get_mut(u.index()) else {
                continue;
            };
            slot.add(DONE);
            let (flags, pos) = (slot.flags(), slot.pos);
            let changed = if flags & NEEDS_EVAL != 0 {
                self.evaluate(u, stack, out)
            } else if flags & CHANGED_SEED != 0 {
                if self.is_cell(u) {
                    out.changed(u);
                }
                true
            } else {
                false
            };
            let Scratch {
                slots,
                adj_start,
                adj,
                ready,
                deferred,
                ..
            } = &mut *s;
            let range = Scratch::dependents(adj_start, adj, pos);
            for &v in &adj[range] {
                let Some(d) = slots.get_mut(v.index()) else {
                    continue;
                };
                if changed {
                    d.add(NEEDS_EVAL);
                }
                d.indeg = d.indeg.saturating_sub(1);
                let f = d.flags();
                if d.indeg == 0 && f & DONE == 0 {
                    if f & VOLATILE != 0 {
                        deferred.push(v);
                    } else {
                        ready.push(v);
                    }
                }
            }
        }
        processed
    }

    /// Re-evaluates one node; returns whether its value changed (range nodes and names that
    /// stand for a reference pass every change through). Changed cells and names are reported
    /// to `out`.
    fn evaluate(
        &mut self,
        u: NodeId,
        stack: &mut Vec<crate::functions::Operand>,
        out: &mut Out,
    ) -> bool {
        let Some(node) = self.nodes.get(u.index()) else {
            return false;
        };
        let kind = node.kind;
        match kind {
            NodeKind::Range(_) => true,
            NodeKind::Free => false,
            NodeKind::Cell { .. } | NodeKind::Name(_) => {
                if node.program.is_none() {
                    // A plain value whose input changed (e.g. a name re-pointed): pass it on.
                    out.changed(u);
                    return true;
                }
                out.recalc.evaluated += 1;
                let value = Evaluator::new(self, stack).eval_node(u);
                let pass_through = matches!(kind, NodeKind::Name(_)) && self.is_reference_name(u);
                let Some(node) = self.nodes.get_mut(u.index()) else {
                    return false;
                };
                let changed = !same_value(&node.value, &value);
                if changed {
                    node.value = value;
                }
                if changed || pass_through {
                    out.changed(u);
                }
                changed || pass_through
            }
        }
    }

    /// Finds the cycles among the nodes Kahn's algorithm could not order, gives their cells
    /// `#CIRC!`, and releases the nodes behind them. Returns the number of cells and names on
    /// cycles (now done) and the ranges on cycles, which are not done: a range on a cycle
    /// (`B2=SUM(A2:B2)`) also holds cells off it (A2), and a cell reading that range
    /// (`C2=SUM(A2:B2)`) must wait for them as in any other recalculation.
    fn break_cycles(&mut self, s: &mut Scratch, out: &mut Out) -> (usize, Vec<NodeId>) {
        let leftover: Vec<NodeId> = s
            .visited
            .iter()
            .copied()
            .filter(|n| s.flags(*n) & DONE == 0)
            .collect();
        let mut local: FxHashMap<NodeId, petgraph::graph::NodeIndex<u32>> = FxHashMap::default();
        let mut g: DiGraph<NodeId, (), u32> =
            DiGraph::with_capacity(leftover.len(), leftover.len());
        for &n in &leftover {
            local.insert(n, g.add_node(n));
        }
        let mut self_loops: FxHashSet<NodeId> = FxHashSet::default();
        for &n in &leftover {
            let from = local[&n];
            self.for_each_dependent(n, |v| {
                if let Some(&to) = local.get(&v) {
                    g.add_edge(from, to, ());
                    if v == n {
                        self_loops.insert(n);
                    }
                }
            });
        }
        let mut on_cycle: FxHashSet<NodeId> = FxHashSet::default();
        for scc in petgraph::algo::kosaraju_scc(&g) {
            let members: Vec<NodeId> = scc.iter().map(|ix| g[*ix]).collect();
            if members.len() < 2 && !members.first().is_some_and(|m| self_loops.contains(m)) {
                continue;
            }
            let path = self.cycle_path(&members);
            out.recalc.cycles.push(Cycle {
                cells: path.into_iter().filter(|n| self.is_cell(*n)).collect(),
            });
            on_cycle.extend(members);
        }
        let circ = Value::Error(ErrorKind::Circ);
        let mut cycle_nodes: Vec<NodeId> = on_cycle.iter().copied().collect();
        cycle_nodes.sort_unstable();
        let (valued, held): (Vec<NodeId>, Vec<NodeId>) = cycle_nodes.into_iter().partition(|n| {
            self.nodes
                .get(n.index())
                .is_some_and(|node| matches!(node.kind, NodeKind::Cell { .. } | NodeKind::Name(_)))
        });
        for &n in &valued {
            if let Some(node) = self.nodes.get_mut(n.index()) {
                if node.value != circ {
                    node.value = circ.clone();
                    out.changed(n);
                }
            }
        }
        let circular = self.release_cycle_nodes(&valued, s);
        (circular, held)
    }

    /// Marks `nodes` done and counts them off their dependents' inputs, queueing those left
    /// with none. Returns how many nodes it marked.
    fn release_cycle_nodes(&self, nodes: &[NodeId], s: &mut Scratch) -> usize {
        for &n in nodes {
            s.set_flags(n, DONE);
        }
        for &n in nodes {
            self.for_each_dependent(n, |v| {
                let Some(d) = s.slots.get_mut(v.index()) else {
                    return;
                };
                if d.flags() & DONE != 0 {
                    return;
                }
                d.add(NEEDS_EVAL);
                d.indeg = d.indeg.saturating_sub(1);
                if d.indeg == 0 {
                    if d.flags() & VOLATILE != 0 {
                        s.deferred.push(v);
                    } else {
                        s.ready.push(v);
                    }
                }
            });
        }
        nodes.len()
    }

    /// One concrete loop through a strongly connected component, starting at its first cell.
    fn cycle_path(&self, members: &[NodeId]) -> Vec<NodeId> {
        let member_set: FxHashSet<NodeId> = members.iter().copied().collect();
        let start = members
            .iter()
            .copied()
            .filter(|n| self.is_cell(*n))
            .min()
            .or_else(|| members.first().copied());
        let Some(start) = start else {
            return Vec::new();
        };
        // Breadth-first search back to the start along dependent edges.
        let mut parent: FxHashMap<NodeId, NodeId> = FxHashMap::default();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut closing: Option<NodeId> = None;
        while let Some(u) = queue.pop_front() {
            let mut next = Vec::new();
            self.for_each_dependent(u, |v| {
                if member_set.contains(&v) {
                    next.push(v);
                }
            });
            for v in next {
                if v == start {
                    closing = Some(u);
                    break;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(v) {
                    e.insert(u);
                    queue.push_back(v);
                }
            }
            if closing.is_some() {
                break;
            }
        }
        let mut path = Vec::new();
        let mut cur = closing;
        while let Some(c) = cur {
            path.push(c);
            if c == start {
                break;
            }
            cur = parent.get(&c).copied();
        }
        path.reverse();
        if path.first() != Some(&start) {
            path.insert(0, start);
        }
        path
    }
}

/// Did a recomputed value stay the same (early cutoff)? Numbers compare numerically, so
/// `1.0` and `1.00` are the same value; identical bits are the common case and need no
/// arithmetic.
#[inline]
pub(crate) fn same_value(old: &Value, new: &Value) -> bool {
    match (old, new) {
        (Value::Number(a), Value::Number(b)) => {
            if a.serialize() == b.serialize() {
                true
            } else if a.scale() == b.scale() {
                // Same scale, different bits: different numbers, unless both are zero (-0, 0).
                a.is_zero() && b.is_zero()
            } else {
                a == b
            }
        }
        _ => old == new,
    }
}
