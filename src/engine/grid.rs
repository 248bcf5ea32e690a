//! The cells of one sheet: a sparse grid of node ids, stored in column chunks of 64 rows.
//!
//! A point lookup is one hash probe; reading a range visits one chunk per 64 rows per column, so
//! `SUM(A1:A100000)` costs ~1,600 probes, and a lone cell far down a sheet costs one chunk.

use rustc_hash::FxHashMap;

use super::NodeId;

const CHUNK_BITS: u32 = 6;
const CHUNK_ROWS: u32 = 1 << CHUNK_BITS;
const CHUNK_MASK: u32 = CHUNK_ROWS - 1;

type Chunk = [NodeId; CHUNK_ROWS as usize];

#[derive(Clone, Default, Debug)]
pub struct Grid {
    chunks: FxHashMap<u64, Box<Chunk>>,
    /// Number of occupied slots.
    len: usize,
    /// One past the largest row and column ever occupied (used extent for A:A clipping).
    pub extent_rows: u32,
    pub extent_cols: u32,
}

fn key(row: u32, col: u32) -> u64 {
    (u64::from(col) << 32) | u64::from(row >> CHUNK_BITS)
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<NodeId> {
        let chunk = self.chunks.get(&key(row, col))?;
        let id = chunk[(row & CHUNK_MASK) as usize];
        (id != NodeId::NONE).then_some(id)
    }

    pub fn insert(&mut self, row: u32, col: u32, id: NodeId) {
        let chunk = self
            .chunks
            .entry(key(row, col))
            .or_insert_with(|| Box::new([NodeId::NONE; CHUNK_ROWS as usize]));
        let slot = &mut chunk[(row & CHUNK_MASK) as usize];
        if *slot == NodeId::NONE {
            self.len += 1;
        }
        *slot = id;
        self.extent_rows = self.extent_rows.max(row + 1);
        self.extent_cols = self.extent_cols.max(col + 1);
    }

    pub fn remove(&mut self, row: u32, col: u32) {
        let k = key(row, col);
        let mut now_empty = false;
        if let Some(chunk) = self.chunks.get_mut(&k) {
            let slot = &mut chunk[(row & CHUNK_MASK) as usize];
            if *slot != NodeId::NONE {
                *slot = NodeId::NONE;
                self.len -= 1;
            }
            now_empty = chunk.iter().all(|id| *id == NodeId::NONE);
        }
        if now_empty {
            self.chunks.remove(&k);
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f(row, col, id)` for each occupied slot in the rectangle, column by column.
    pub fn for_each_in(
        &self,
        top: u32,
        left: u32,
        bottom: u32,
        right: u32,
        mut f: impl FnMut(u32, u32, NodeId),
    ) {
        if self.chunks.is_empty() || top > bottom || left > right {
            return;
        }
        let right = right.min(self.extent_cols.saturating_sub(1));
        let bottom = bottom.min(self.extent_rows.saturating_sub(1));
        if top > bottom || left > right {
            return;
        }
        // A huge sparse rectangle: walking the stored chunks is cheaper than probing every one.
        let probes = u64::from(right - left + 1)
            * u64::from((bottom >> CHUNK_BITS) - (top >> CHUNK_BITS) + 1);
        if probes > self.chunks.len() as u64 * 2 {
            for (k, chunk) in &self.chunks {
                let col = (k >> 32) as u32;
                let base = ((k & 0xFFFF_FFFF) as u32) << CHUNK_BITS;
                if col < left || col > right || base + CHUNK_MASK < top || base > bottom {
                    continue;
                }
                for (i, id) in chunk.iter().enumerate() {
                    let row = base + i as u32;
                    if *id != NodeId::NONE && row >= top && row <= bottom {
                        f(row, col, *id);
                    }
                }
            }
            return;
        }
        for col in left..=right {
            let mut base = top & !CHUNK_MASK;
            while base <= bottom {
                if let Some(chunk) = self.chunks.get(&key(base, col)) {
                    let from = top.max(base);
                    let to = bottom.min(base + CHUNK_MASK);
                    for row in from..=to {
                        let id = chunk[(row & CHUNK_MASK) as usize];
                        if id != NodeId::NONE {
                            f(row, col, id);
                        }
                    }
                }
                match base.checked_add(CHUNK_ROWS) {
                    Some(b) => base = b,
                    None => break,
                }
            }
        }
    }

    /// Every occupied slot, in no particular order.
    pub fn for_each(&self, mut f: impl FnMut(u32, u32, NodeId)) {
        for (k, chunk) in &self.chunks {
            let col = (k >> 32) as u32;
            let base = ((k & 0xFFFF_FFFF) as u32) << CHUNK_BITS;
            for (i, id) in chunk.iter().enumerate() {
                if *id != NodeId::NONE {
                    f(base + i as u32, col, *id);
                }
            }
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
}
