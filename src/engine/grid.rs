//! The cells of one sheet: a sparse grid of node ids, stored in column chunks of 64 rows.
//!
//! Each column keeps a directory of its chunks indexed by `row / 64`, so a point lookup is two
//! array indexings (no hashing), and reading a range visits one chunk per 64 rows per column.
//! A directory only grows while it stays reasonably full (see [`Grid::insert`]); a chunk far
//! below the rest of its column goes to a hash map instead, so a lone cell at row 1,000,000
//! costs one chunk, not a 16,000-entry directory.

use rustc_hash::FxHashMap;

use super::NodeId;

const CHUNK_BITS: u32 = 6;
const CHUNK_ROWS: u32 = 1 << CHUNK_BITS;
const CHUNK_MASK: u32 = CHUNK_ROWS - 1;
/// A column directory may always grow to this many chunks (16,384 rows, 2 KB)...
const FREE_DIRECTORY: usize = 256;
/// ...and beyond that only while at least one slot in this many holds a chunk.
const MIN_DENSITY: usize = 16;

type Chunk = [NodeId; CHUNK_ROWS as usize];

#[derive(Clone, Default, Debug)]
struct Column {
    /// Chunk `i` holds rows `64 i .. 64 i + 63`.
    chunks: Vec<Option<Box<Chunk>>>,
    /// Number of `Some` entries in `chunks`.
    used: usize,
}

#[derive(Clone, Default, Debug)]
pub struct Grid {
    cols: Vec<Column>,
    /// Chunks that did not fit their column's directory, by `key(row, col)`.
    overflow: FxHashMap<u64, Box<Chunk>>,
    /// Number of occupied slots.
    len: usize,
    /// One past the largest row and column ever occupied (used extent for A:A clipping).
    pub extent_rows: u32,
    pub extent_cols: u32,
}

fn key(row: u32, col: u32) -> u64 {
    (u64::from(col) << 32) | u64::from(row >> CHUNK_BITS)
}

fn empty_chunk() -> Box<Chunk> {
    Box::new([NodeId::NONE; CHUNK_ROWS as usize])
}

impl Grid {
    #[inline]
    fn chunk(&self, row: u32, col: u32) -> Option<&Chunk> {
        let idx = (row >> CHUNK_BITS) as usize;
        if let Some(Some(chunk)) = self.cols.get(col as usize).and_then(|c| c.chunks.get(idx)) {
            return Some(chunk);
        }
        if self.overflow.is_empty() {
            return None;
        }
        self.overflow.get(&key(row, col)).map(|c| &**c)
    }

    #[inline]
    pub fn get(&self, row: u32, col: u32) -> Option<NodeId> {
        let id = self.chunk(row, col)?[(row & CHUNK_MASK) as usize];
        (id != NodeId::NONE).then_some(id)
    }

    pub fn insert(&mut self, row: u32, col: u32, id: NodeId) {
        let idx = (row >> CHUNK_BITS) as usize;
        let c = col as usize;
        if self.cols.len() <= c {
            self.cols.resize_with(c + 1, Column::default);
        }
        let overflow = &mut self.overflow;
        let chunk: &mut Chunk = match self.cols.get_mut(c) {
            Some(column) => {
                let in_directory = idx < column.chunks.len()
                    || idx < FREE_DIRECTORY
                    || idx < MIN_DENSITY * (column.used + 1);
                let k = key(row, col);
                if in_directory && (overflow.is_empty() || !overflow.contains_key(&k)) {
                    if column.chunks.len() <= idx {
                        column.chunks.resize_with(idx + 1, || None);
                    }
                    match column.chunks.get_mut(idx) {
                        Some(slot) => {
                            if slot.is_none() {
                                column.used += 1;
                            }
                            slot.get_or_insert_with(empty_chunk)
                        }
                        None => return,
                    }
                } else {
                    overflow.entry(k).or_insert_with(empty_chunk)
                }
            }
            None => return,
        };
        let slot = &mut chunk[(row & CHUNK_MASK) as usize];
        if *slot == NodeId::NONE {
            self.len += 1;
        }
        *slot = id;
        self.extent_rows = self.extent_rows.max(row + 1);
        self.extent_cols = self.extent_cols.max(col + 1);
    }

    pub fn remove(&mut self, row: u32, col: u32) {
        let idx = (row >> CHUNK_BITS) as usize;
        let i = (row & CHUNK_MASK) as usize;
        let k = key(row, col);
        if let Some(column) = self.cols.get_mut(col as usize) {
            if let Some(slot) = column.chunks.get_mut(idx) {
                if let Some(chunk) = slot {
                    if chunk[i] != NodeId::NONE {
                        chunk[i] = NodeId::NONE;
                        self.len -= 1;
                    }
                    if chunk.iter().all(|id| *id == NodeId::NONE) {
                        *slot = None;
                        column.used -= 1;
                    }
                    return;
                }
            }
        }
        let mut now_empty = false;
        if let Some(chunk) = self.overflow.get_mut(&k) {
            if chunk[i] != NodeId::NONE {
                chunk[i] = NodeId::NONE;
                self.len -= 1;
            }
            now_empty = chunk.iter().all(|id| *id == NodeId::NONE);
        }
        if now_empty {
            self.overflow.remove(&k);
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f(row, col, id)` for each occupied slot in the rectangle, column by column, each
    /// column top to bottom.
    pub fn for_each_in(
        &self,
        top: u32,
        left: u32,
        bottom: u32,
        right: u32,
        mut f: impl FnMut(u32, u32, NodeId),
    ) {
        if self.len == 0 || top > bottom || left > right {
            return;
        }
        let right = right.min(self.extent_cols.saturating_sub(1));
        let bottom = bottom.min(self.extent_rows.saturating_sub(1));
        if top > bottom || left > right {
            return;
        }
        let first = (top >> CHUNK_BITS) as usize;
        let last = (bottom >> CHUNK_BITS) as usize;
        // Overflow chunks in the rectangle, sorted (they are rare: far-flung cells).
        let mut far: Vec<(u32, u32, &Chunk)> = Vec::new();
        if !self.overflow.is_empty() {
            for (k, chunk) in &self.overflow {
                let col = (k >> 32) as u32;
                let idx = (k & 0xFFFF_FFFF) as usize;
                if col >= left && col <= right && idx >= first && idx <= last {
                    far.push((col, idx as u32, chunk));
                }
            }
            far.sort_unstable_by_key(|(c, i, _)| (*c, *i));
        }
        let mut far = far.into_iter().peekable();
        let mut visit = |col: u32, idx: usize, chunk: &Chunk| {
            let base = (idx as u32) << CHUNK_BITS;
            let from = top.max(base) & CHUNK_MASK;
            let to = bottom.min(base + CHUNK_MASK) & CHUNK_MASK;
            for i in from..=to {
                let id = chunk[i as usize];
                if id != NodeId::NONE {
                    f(base + i, col, id);
                }
            }
        };
        for col in left..=right {
            let dense = self
                .cols
                .get(col as usize)
                .map(|c| c.chunks.as_slice())
                .unwrap_or(&[]);
            let end = dense.len().min(last + 1);
            let mut idx = first;
            while idx < end {
                // Overflow chunks of this column that come before this directory slot.
                while let Some((_, i, chunk)) =
                    far.next_if(|(c, i, _)| *c == col && (*i as usize) < idx)
                {
                    visit(col, i as usize, chunk);
                }
                if let Some(Some(chunk)) = dense.get(idx) {
                    visit(col, idx, chunk);
                }
                idx += 1;
            }
            while let Some((_, i, chunk)) = far.next_if(|(c, _, _)| *c == col) {
                visit(col, i as usize, chunk);
            }
        }
    }

    /// Every occupied slot, in no particular order.
    pub fn for_each(&self, mut f: impl FnMut(u32, u32, NodeId)) {
        let mut visit = |col: u32, idx: u32, chunk: &Chunk| {
            let base = idx << CHUNK_BITS;
            for (i, id) in chunk.iter().enumerate() {
                if *id != NodeId::NONE {
                    f(base + i as u32, col, *id);
                }
            }
        };
        for (col, column) in self.cols.iter().enumerate() {
            for (idx, chunk) in column.chunks.iter().enumerate() {
                if let Some(chunk) = chunk {
                    visit(col as u32, idx as u32, chunk);
                }
            }
        }
        for (k, chunk) in &self.overflow {
            visit((k >> 32) as u32, (k & 0xFFFF_FFFF) as u32, chunk);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_remove_and_scan() {
        let mut g = Grid::default();
        g.insert(0, 0, NodeId(1));
        g.insert(100, 0, NodeId(2));
        g.insert(5, 3, NodeId(3));
        g.insert(1_048_575, 16_383, NodeId(4));
        assert_eq!(g.get(100, 0), Some(NodeId(2)));
        assert_eq!(g.get(101, 0), None);
        let mut seen = Vec::new();
        g.for_each_in(0, 0, 200, 5, |r, c, id| seen.push((r, c, id.0)));
        seen.sort();
        assert_eq!(seen, vec![(0, 0, 1), (5, 3, 3), (100, 0, 2)]);
        let mut all = 0;
        g.for_each_in(0, 0, 1_048_575, 16_383, |_, _, _| all += 1);
        assert_eq!(all, 4);
        g.remove(100, 0);
        assert_eq!(g.get(100, 0), None);
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn far_chunks_overflow_and_scan_in_order() {
        let mut g = Grid::default();
        // A column with cells at the top and far down: the far ones overflow the directory.
        let rows = [0u32, 70, 900_000, 1_000_000, 1_048_575, 500_000];
        for (i, r) in rows.iter().enumerate() {
            g.insert(*r, 2, NodeId(i as u32));
        }
        g.insert(600_000, 1, NodeId(50));
        assert!(!g.overflow.is_empty());
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(g.get(*r, 2), Some(NodeId(i as u32)));
        }
        let mut seen = Vec::new();
        g.for_each_in(0, 0, 1_048_575, 3, |r, c, _| seen.push((c, r)));
        let mut sorted = seen.clone();
        sorted.sort();
        assert_eq!(seen, sorted, "column by column, top to bottom");
        assert_eq!(seen.len(), 7);
        let mut part = Vec::new();
        g.for_each_in(60, 2, 950_000, 2, |r, _, _| part.push(r));
        assert_eq!(part, vec![70, 500_000, 900_000]);
        let mut count = 0;
        g.for_each(|_, _, _| count += 1);
        assert_eq!(count, 7);
        for r in rows {
            g.remove(r, 2);
        }
        assert_eq!(g.len(), 1);
        assert_eq!(g.get(600_000, 1), Some(NodeId(50)));
    }

    #[test]
    fn a_full_column_stays_in_the_directory() {
        let mut g = Grid::default();
        for r in 0..200_000 {
            g.insert(r, 0, NodeId(r));
        }
        assert!(g.overflow.is_empty());
        assert_eq!(g.get(199_999, 0), Some(NodeId(199_999)));
        let mut n = 0u32;
        g.for_each_in(0, 0, 199_999, 0, |r, _, id| {
            assert_eq!(r, n);
            assert_eq!(id, NodeId(r));
            n += 1;
        });
        assert_eq!(n, 200_000);
    }
}
