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

/// Per-node bookkeeping reused across recalculations (no allocation per edit).
#[derive(Default)]
pub(crate) struct Scratch {
    mark: Vec<u32>,
    indeg: Vec<u32>,
    flags: Vec<u8>,
    epoch: u32,
    visited: Vec<NodeId>,
    ready: Vec<NodeId>,
    deferred: Vec<NodeId>,
}

impl Scratch {
    fn prepare(&mut self, nodes: usize) {
        if self.mark.len() < nodes {
            self.mark.resize(nodes, 0);
            self.indeg.resize(nodes, 0);
            self.flags.resize(nodes, 0);
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.mark.iter_mut().for_each(|m| *m = 0);
            self.epoch = 1;
        }
        self.visited.clear();
        self.ready.clear();
        self.deferred.clear();
    }

    #[inline]
    fn visit(&mut self, n: NodeId) -> bool {
        let i = n.index();
        if self.mark[i] == self.epoch {
            return false;
        }
        self.mark[i] = self.epoch;
        self.indeg[i] = 0;
        self.flags[i] = 0;
        self.visited.push(n);
        true
    }
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
        let mut s = std::mem::take(&mut self.scratch);
        let mut stack = std::mem::take(&mut self.eval_stack);
        s.prepare(self.nodes.len());
        let mut result = Recalc::default();

        for &(n, needs_eval) in seeds {
            if n.index() >= self.nodes.len() {
                continue;
            }
            s.visit(n);
            s.flags[n.index()] |= if needs_eval { NEEDS_EVAL } else { CHANGED_SEED };
        }
        for &n in &self.volatile {
            s.visit(n);
            s.flags[n.index()] |= NEEDS_EVAL;
        }

        // Collect the dirty set and count, for each dirty node, its dirty inputs. A `#CIRC!`
        // value was set by cycle detection, not computed from the inputs, so early cutoff must
        // not trust it: such nodes are always re-evaluated when dirty.
        let circ = Value::Error(ErrorKind::Circ);
        let mut i = 0;
        while let Some(&u) = s.visited.get(i) {
            i += 1;
            if self.nodes[u.index()].value == circ {
                s.flags[u.index()] |= NEEDS_EVAL;
            }
            self.for_each_dependent(u, |v| {
                s.visit(v);
                s.indeg[v.index()] += 1;
            });
        }
        for k in 0..s.visited.len() {
            let n = s.visited[k];
            if s.indeg[n.index()] == 0 {
                self.enqueue(&mut s, n);
            }
        }

        let mut processed = self.drain(&mut s, &mut stack, &mut result);
        if processed < s.visited.len() {
            let cycle_nodes = self.break_cycles(&mut s, &mut result);
            processed += cycle_nodes;
            processed += self.drain(&mut s, &mut stack, &mut result);
        }
        debug_assert!(processed <= s.visited.len());

        // Cycles touched by this recalculation were re-detected above; keep the others.
        let epoch = s.epoch;
        self.cycles.retain(|c| {
            c.cells
                .iter()
                .all(|n| s.mark.get(n.index()) != Some(&epoch))
        });
        self.cycles.extend(result.cycles.iter().cloned());

        self.scratch = s;
        self.eval_stack = stack;
        result
    }

    fn enqueue(&self, s: &mut Scratch, n: NodeId) {
        if !self.volatile.is_empty() && self.volatile.contains(&n) {
            s.deferred.push(n);
        } else {
            s.ready.push(n);
        }
    }

    /// Kahn's algorithm over the ready queue; returns how many nodes it processed.
    fn drain(
        &mut self,
        s: &mut Scratch,
        stack: &mut Vec<crate::functions::Operand>,
        result: &mut Recalc,
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
            let i = u.index();
            s.flags[i] |= DONE;
            let changed = if s.flags[i] & NEEDS_EVAL != 0 {
                self.evaluate(u, stack, result)
            } else {
                s.flags[i] & CHANGED_SEED != 0
            };
            if changed && self.is_cell(u) {
                result.changed.push(u);
            }
            let mut newly_ready = std::mem::take(&mut s.ready);
            let before = newly_ready.len();
            self.for_each_dependent(u, |v| {
                let j = v.index();
                if changed {
                    s.flags[j] |= NEEDS_EVAL;
                }
                s.indeg[j] = s.indeg[j].saturating_sub(1);
                if s.indeg[j] == 0 && s.flags[j] & DONE == 0 {
                    newly_ready.push(v);
                }
            });
            // Volatile nodes go to the deferred queue.
            if !self.volatile.is_empty() {
                let tail: Vec<NodeId> = newly_ready.drain(before..).collect();
                for v in tail {
                    if self.volatile.contains(&v) {
                        s.deferred.push(v);
                    } else {
                        newly_ready.push(v);
                    }
                }
            }
            s.ready = newly_ready;
        }
        processed
    }

    /// Re-evaluates one node; returns whether its value changed (range nodes and names that
    /// stand for a reference pass every change through).
    fn evaluate(
        &mut self,
        u: NodeId,
        stack: &mut Vec<crate::functions::Operand>,
        result: &mut Recalc,
    ) -> bool {
        let kind = match self.nodes.get(u.index()) {
            Some(n) => n.kind,
            None => return false,
        };
        match kind {
            NodeKind::Range(_) => true,
            NodeKind::Free => false,
            _ => {
                let has_program = self
                    .nodes
                    .get(u.index())
                    .is_some_and(|n| n.program.is_some());
                if !has_program {
                    // A plain value whose input changed (e.g. a name re-pointed): pass it on.
                    return true;
                }
                result.evaluated += 1;
                let value = Evaluator::new(self, stack).eval_node(u);
                let pass_through = self.is_reference_name(u);
                let node = &mut self.nodes[u.index()];
                let changed = node.value != value;
                if changed {
                    node.value = value;
                }
                changed || pass_through
            }
        }
    }

    /// Finds the cycles among the nodes Kahn's algorithm could not order, gives their cells
    /// `#CIRC!`, and releases the nodes behind them. Returns the number of cycle nodes.
    fn break_cycles(&mut self, s: &mut Scratch, result: &mut Recalc) -> usize {
        let leftover: Vec<NodeId> = s
            .visited
            .iter()
            .copied()
            .filter(|n| s.flags[n.index()] & DONE == 0)
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
            result.cycles.push(Cycle {
                cells: path.into_iter().filter(|n| self.is_cell(*n)).collect(),
            });
            on_cycle.extend(members);
        }
        let circ = Value::Error(ErrorKind::Circ);
        let mut cycle_nodes: Vec<NodeId> = on_cycle.iter().copied().collect();
        cycle_nodes.sort_unstable();
        for &n in &cycle_nodes {
            s.flags[n.index()] |= DONE;
            if let Some(node) = self.nodes.get_mut(n.index()) {
                if matches!(node.kind, NodeKind::Cell { .. } | NodeKind::Name(_))
                    && node.value != circ
                {
                    node.value = circ.clone();
                    result.changed.push(n);
                }
            }
        }
        for &n in &cycle_nodes {
            self.for_each_dependent(n, |v| {
                let j = v.index();
                if on_cycle.contains(&v) || s.flags[j] & DONE != 0 {
                    return;
                }
                s.flags[j] |= NEEDS_EVAL;
                s.indeg[j] = s.indeg[j].saturating_sub(1);
                if s.indeg[j] == 0 {
                    s.ready.push(v);
                }
            });
        }
        cycle_nodes.len()
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
