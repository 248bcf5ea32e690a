//! The reactive core: cells, names, the dependency graph (petgraph), the formula interpreter and
//! incremental recalculation. Knows nothing of files, terminals or xlsx.

pub mod eval;
pub mod grid;
mod load;
pub mod program;
pub mod ranges;
pub mod recalc;
mod sweep;
pub mod workbook;

pub use load::CellContent;
pub use recalc::{Cycle, Recalc, RecalcCounts};
pub use sweep::{Sweep, SweepRefusal};
pub use workbook::{input_edit, CellRef, Edit, EditError, Workbook};

/// A cell, named cell or internal node of a workbook. Cheap to copy; valid until the cell is
/// deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId(pub(crate) u32);

impl CellId {
    pub(crate) const NONE: CellId = CellId(u32::MAX);

    #[inline]
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// A defined name (or a name formulas mention before it is defined).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameId(pub(crate) u32);

pub(crate) use CellId as NodeId;

#[cfg(test)]
mod tests;
