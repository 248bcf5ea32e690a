//! Range references (`A1:B10`) as graph nodes, and a spatial index from a cell to the ranges
//! containing it.
//!
//! A range used by many formulas is one node (interned by its area) with an edge to each
//! formula. Cells reach the range node through the index, not through edges, so
//! `SUM(A1:A100000)` adds one node and one edge, not 100,000 edges, and a cell created later
//! inside the range is found without touching the graph.

use rustc_hash::FxHashMap;

use super::NodeId;
use crate::functions::{Area, SheetId};

/// Rows per index block; ranges are registered in every (column, block) they overlap.
const BLOCK_BITS: u32 = 8;
/// Ranges taller than this many blocks are kept in per-column lists instead.
const TALL_BLOCKS: u32 = 16;
/// Ranges wider than this many columns and taller than TALL_BLOCKS go to a per-sheet list.
const WIDE_COLS: u32 = 64;
/// Short ranges (at most this many rows, e.g. `SUM(A7:AX7)`) are registered per row instead,
/// in bands of 2^BAND_BITS columns, so a cell does not scan every row's range in its block.
const SHORT_ROWS: u32 = 16;
const BAND_BITS: u32 = 6;
/// At most this many (row, band) buckets per short range.
const SHORT_BUCKETS: u32 = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RangeId(pub u32);

#[derive(Clone, Debug)]
pub struct RangeEntry {
    pub area: Area,
    pub node: NodeId,
    /// Formulas using the range; the node is removed when this drops to zero.
    pub users: u32,
}

#[derive(Clone, Default)]
pub struct RangeTable {
    entries: Vec<Option<RangeEntry>>,
    free: Vec<u32>,
    by_area: FxHashMap<Area, RangeId>,
    blocks: FxHashMap<u64, Vec<RangeId>>,
    rows: FxHashMap<u64, Vec<RangeId>>,
    tall: FxHashMap<u64, Vec<RangeId>>,
    wide: FxHashMap<u32, Vec<RangeId>>,
}

fn block_key(sheet: SheetId, col: u32, block: u32) -> u64 {
    (u64::from(sheet.0) << 40) | (u64::from(col) << 20) | u64::from(block)
}

fn row_key(sheet: SheetId, row: u32, band: u32) -> u64 {
    (u64::from(sheet.0) << 40) | (u64::from(row) << 12) | u64::from(band)
}

fn column_key(sheet: SheetId, col: u32) -> u64 {
    (u64::from(sheet.0) << 32) | u64::from(col)
}

enum Placement {
    Rows,
    Blocks,
    Tall,
    Wide,
}

fn placement(area: &Area) -> Placement {
    let height = area.bottom - area.top + 1;
    let bands = (area.right >> BAND_BITS) - (area.left >> BAND_BITS) + 1;
    if height <= SHORT_ROWS && height * bands <= SHORT_BUCKETS {
        return Placement::Rows;
    }
    let blocks = (area.bottom >> BLOCK_BITS) - (area.top >> BLOCK_BITS) + 1;
    if blocks <= TALL_BLOCKS {
        if area.cols() as u32 <= WIDE_COLS * TALL_BLOCKS / blocks.max(1) {
            Placement::Blocks
        } else {
            Placement::Wide
        }
    } else if area.cols() as u32 <= WIDE_COLS {
        Placement::Tall
    } else {
        Placement::Wide
    }
}

impl RangeTable {
    pub fn get(&self, id: RangeId) -> Option<&RangeEntry> {
        self.entries.get(id.0 as usize).and_then(Option::as_ref)
    }

    pub fn lookup(&self, area: &Area) -> Option<RangeId> {
        self.by_area.get(area).copied()
    }

    pub fn len(&self) -> usize {
        self.by_area.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_area.is_empty()
    }

    /// Registers a new range (the caller has checked it is not present) for `node`.
    pub fn insert(&mut self, area: Area, node: NodeId) -> RangeId {
        let entry = RangeEntry {
            area,
            node,
            users: 0,
        };
        let id = match self.free.pop() {
            Some(slot) => {
                if let Some(e) = self.entries.get_mut(slot as usize) {
                    *e = Some(entry);
                }
                RangeId(slot)
            }
            None => {
                self.entries.push(Some(entry));
                RangeId(self.entries.len() as u32 - 1)
            }
        };
        self.by_area.insert(area, id);
        self.each_bucket(&area, |table, bucket| match bucket {
            Bucket::Block(k) => table.blocks.entry(k).or_default().push(id),
            Bucket::Row(k) => table.rows.entry(k).or_default().push(id),
            Bucket::Tall(k) => table.tall.entry(k).or_default().push(id),
            Bucket::Wide(s) => table.wide.entry(s).or_default().push(id),
        });
        id
    }

    pub fn add_user(&mut self, id: RangeId) {
        if let Some(Some(e)) = self.entries.get_mut(id.0 as usize) {
            e.users += 1;
        }
    }

    /// Drops one user; returns the node to delete when the range is no longer used.
    pub fn remove_user(&mut self, id: RangeId) -> Option<NodeId> {
        let entry = self.entries.get_mut(id.0 as usize)?.as_mut()?;
        entry.users = entry.users.saturating_sub(1);
        if entry.users > 0 {
            return None;
        }
        let area = entry.area;
        let node = entry.node;
        if let Some(slot) = self.entries.get_mut(id.0 as usize) {
            *slot = None;
        }
        self.free.push(id.0);
        self.by_area.remove(&area);
        fn drop_from<K: std::hash::Hash + Eq>(
            map: &mut FxHashMap<K, Vec<RangeId>>,
            k: K,
            id: RangeId,
        ) {
            if let Some(list) = map.get_mut(&k) {
                list.retain(|r| *r != id);
                if list.is_empty() {
                    map.remove(&k);
                }
            }
        }
        self.each_bucket(&area, |table, bucket| match bucket {
            Bucket::Block(k) => drop_from(&mut table.blocks, k, id),
            Bucket::Row(k) => drop_from(&mut table.rows, k, id),
            Bucket::Tall(k) => drop_from(&mut table.tall, k, id),
            Bucket::Wide(s) => drop_from(&mut table.wide, s, id),
        });
        Some(node)
    }

    fn each_bucket(&mut self, area: &Area, mut f: impl FnMut(&mut Self, Bucket)) {
        match placement(area) {
            Placement::Rows => {
                for row in area.top..=area.bottom {
                    for band in (area.left >> BAND_BITS)..=(area.right >> BAND_BITS) {
                        f(self, Bucket::Row(row_key(area.sheet, row, band)));
                    }
                }
            }
            Placement::Blocks => {
                for col in area.left..=area.right {
                    for block in (area.top >> BLOCK_BITS)..=(area.bottom >> BLOCK_BITS) {
                        f(self, Bucket::Block(block_key(area.sheet, col, block)));
                    }
                }
            }
            Placement::Tall => {
                for col in area.left..=area.right {
                    f(self, Bucket::Tall(column_key(area.sheet, col)));
                }
            }
            Placement::Wide => f(self, Bucket::Wide(area.sheet.0)),
        }
    }

    /// Calls `f` with the node of every range containing the cell.
    #[inline]
    pub fn for_each_containing(&self, sheet: SheetId, row: u32, col: u32, f: impl FnMut(NodeId)) {
        if !self.by_area.is_empty() {
            self.probe(sheet, row, col, f);
        }
    }

    fn probe(&self, sheet: SheetId, row: u32, col: u32, mut f: impl FnMut(NodeId)) {
        if self.by_area.is_empty() {
            return;
        }
        let mut visit = |list: Option<&Vec<RangeId>>| {
            for id in list.into_iter().flatten() {
                if let Some(Some(e)) = self.entries.get(id.0 as usize) {
                    if e.area.contains(row, col) {
                        f(e.node);
                    }
                }
            }
        };
        if !self.rows.is_empty() {
            visit(self.rows.get(&row_key(sheet, row, col >> BAND_BITS)));
        }
        if !self.blocks.is_empty() {
            visit(self.blocks.get(&block_key(sheet, col, row >> BLOCK_BITS)));
        }
        if !self.tall.is_empty() {
            visit(self.tall.get(&column_key(sheet, col)));
        }
        if !self.wide.is_empty() {
            visit(self.wide.get(&sheet.0));
        }
    }
}

enum Bucket {
    Row(u64),
    Block(u64),
    Tall(u64),
    Wide(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(top: u32, left: u32, bottom: u32, right: u32) -> Area {
        Area {
            sheet: SheetId(0),
            top,
            left,
            bottom,
            right,
        }
    }

    #[test]
    fn finds_every_range_containing_a_cell() {
        let mut t = RangeTable::default();
        let small = t.insert(area(0, 0, 9, 1), NodeId(10));
        let tall = t.insert(area(0, 0, 99_999, 0), NodeId(11));
        let wide = t.insert(area(0, 0, 1_048_575, 16_383), NodeId(12));
        for id in [small, tall, wide] {
            t.add_user(id);
        }
        let hits = |t: &RangeTable, r, c| {
            let mut v = Vec::new();
            t.for_each_containing(SheetId(0), r, c, |n| v.push(n.0));
            v.sort();
            v
        };
        assert_eq!(hits(&t, 5, 0), vec![10, 11, 12]);
        let row = t.insert(area(7, 0, 7, 49), NodeId(13));
        t.add_user(row);
        assert_eq!(hits(&t, 7, 49), vec![12, 13]);
        assert_eq!(hits(&t, 7, 0), vec![10, 11, 12, 13]);
        assert_eq!(hits(&t, 7, 50), vec![12]);
        assert_eq!(hits(&t, 8, 0), vec![10, 11, 12]);
        assert_eq!(t.remove_user(row), Some(NodeId(13)));
        assert_eq!(hits(&t, 7, 0), vec![10, 11, 12]);
        assert_eq!(hits(&t, 5, 1), vec![10, 12]);
        assert_eq!(hits(&t, 50_000, 0), vec![11, 12]);
        assert_eq!(hits(&t, 50_000, 3), vec![12]);
        assert_eq!(t.remove_user(tall), Some(NodeId(11)));
        assert_eq!(hits(&t, 50_000, 0), vec![12]);
        assert!(t.lookup(&area(0, 0, 99_999, 0)).is_none());
    }
}
