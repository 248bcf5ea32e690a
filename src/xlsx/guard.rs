//! Checks a workbook file before calamine opens it, so that no file can make kachi allocate
//! without bound or crash inside calamine.
//!
//! calamine trusts the file: it decompresses parts whole, builds every sheet as a dense
//! rectangle from its first to its last cell (one cell at A1 and one at XFD1048576 is a
//! 17-billion-cell allocation from a file of a few hundred bytes), and sizes a table of shared
//! formulas by the largest `si` index it sees. [`check`] refuses such files with a clear
//! [`GuardError`] before calamine sees them:
//!
//! 1. **Zip sizes**: the uncompressed sizes the archive declares (per part and in all), then the
//!    sizes it really unpacks to, counted while decompressing (a part may declare 1 KiB and
//!    unpack to gigabytes). Decompression stops at the limit: the check itself is bounded.
//! 2. **References in the XML**: every `r` of a cell or row, every `ref` of a dimension, merged
//!    range or shared formula, must be an A1 reference inside Excel's grid (1,048,576 rows ×
//!    16,384 columns; ranges not reversed), and shared-formula indexes stay small.
//! 3. **Sheet extents**: each sheet's cells, at the positions calamine gives them, must fit a
//!    rectangle of at most [`ArchiveLimits::max_sheet_cells`] cells.
//!
//! Files that are not zip archives (legacy `.xls`) are left to calamine. Everything kachi reads
//! from xlsx calls [`check`] first (`read_model`, and the importer).

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use calamine::{Reader, Xlsx};
use quick_xml::events::Event;
use zip::ZipArchive;

use crate::formula::reference::{MAX_COLS, MAX_ROWS};

/// How much a workbook file may unpack to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// All parts together, uncompressed.
    pub max_total_bytes: u64,
    /// One part, uncompressed.
    pub max_part_bytes: u64,
    /// Number of parts in the archive.
    pub max_parts: usize,
    /// Cells in the rectangle spanned by one sheet's first and last cells (calamine allocates
    /// the whole rectangle, about 32 bytes a cell, once for values and once for formulas).
    pub max_sheet_cells: u64,
    /// Largest shared-formula index (`<f t="shared" si="...">`).
    pub max_shared_formula_index: u64,
}

impl ArchiveLimits {
    /// 1 GiB in all, 256 MiB a part, 65,536 parts, 16,777,216 cells a sheet (16 full columns),
    /// shared-formula indexes below 1,048,576.
    pub const DEFAULT: ArchiveLimits = ArchiveLimits {
        max_total_bytes: 1 << 30,
        max_part_bytes: 256 << 20,
        max_parts: 65_536,
        max_sheet_cells: 1 << 24,
        max_shared_formula_index: 1 << 20,
    };
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits::DEFAULT
    }
}

/// Why a workbook file was refused before reading.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
    #[error("{path}: the archive has {count} parts (at most {limit} are read)")]
    TooManyParts {
        path: String,
        count: usize,
        limit: usize,
    },
    #[error("{path}: part '{part}' unpacks to more than {limit} bytes ({size} declared); refusing a possible zip bomb")]
    PartTooLarge {
        path: String,
        part: String,
        size: u64,
        limit: u64,
    },
    #[error(
        "{path}: the parts unpack to more than {limit} bytes in all; refusing a possible zip bomb"
    )]
    TotalTooLarge { path: String, limit: u64 },
    #[error("{path}: part '{part}': {message}")]
    Malformed {
        path: String,
        part: String,
        message: String,
    },
    #[error("{path}: sheet '{sheet}' spans {rows} rows × {cols} columns, more than {limit} cells")]
    SheetTooLarge {
        path: String,
        sheet: String,
        rows: u64,
        cols: u64,
        limit: u64,
    },
}

/// Checks `path` with the default [`ArchiveLimits`]. Call before opening the file with calamine.
pub fn check(path: &Path) -> Result<(), GuardError> {
    check_with(path, &ArchiveLimits::DEFAULT)
}

/// Checks `path` against `limits`.
pub fn check_with(path: &Path, limits: &ArchiveLimits) -> Result<(), GuardError> {
    let label = path.display().to_string();
    let io_error = |e: &dyn std::fmt::Display| GuardError::Io {
        path: label.clone(),
        message: e.to_string(),
    };
    let file = File::open(path).map_err(|e| io_error(&e))?;
    let Ok(mut archive) = ZipArchive::new(BufReader::new(file)) else {
        // Not a zip (or not one the zip crate can read, in which case calamine cannot either).
        return Ok(());
    };
    check_archive(&mut archive, &label, limits)?;
    check_sheet_extents(path, &label, limits)
}

/// Only the zip checks of [`check_with`] (declared and real unpacked sizes, references in the
/// XML): for readers that stream cells sparsely and so need no sheet-extent check.
pub fn check_package(path: &Path, limits: &ArchiveLimits) -> Result<(), GuardError> {
    let label = path.display().to_string();
    let file = File::open(path).map_err(|e| GuardError::Io {
        path: label.clone(),
        message: e.to_string(),
    })?;
    let Ok(mut archive) = ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    check_archive(&mut archive, &label, limits)
}

fn check_archive<R: Read + io::Seek>(
    archive: &mut ZipArchive<R>,
    label: &str,
    limits: &ArchiveLimits,
) -> Result<(), GuardError> {
    if archive.len() > limits.max_parts {
        return Err(GuardError::TooManyParts {
            path: label.to_string(),
            count: archive.len(),
            limit: limits.max_parts,
        });
    }
    // Declared sizes first: refusing them costs nothing.
    let mut declared_total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(i) else {
            continue;
        };
        let size = part.size();
        if size > limits.max_part_bytes {
            return Err(GuardError::PartTooLarge {
                path: label.to_string(),
                part: part_name(&part),
                size,
                limit: limits.max_part_bytes,
            });
        }
        declared_total = declared_total.saturating_add(size);
    }
    if declared_total > limits.max_total_bytes {
        return Err(GuardError::TotalTooLarge {
            path: label.to_string(),
            limit: limits.max_total_bytes,
        });
    }
    // Then what the parts really unpack to, scanning the XML on the way.
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index(i) else {
            // Encrypted, or a compression calamine cannot read either.
            continue;
        };
        let name = part_name(&part);
        let declared = part.size();
        let mut counted = Counted {
            inner: part.take(limits.max_part_bytes.saturating_add(1)),
            count: 0,
        };
        let scanned = scan_references(&mut counted, limits);
        // Whatever the scan did not read still counts.
        let _ = io::copy(&mut counted, &mut io::sink());
        if counted.count > limits.max_part_bytes {
            return Err(GuardError::PartTooLarge {
                path: label.to_string(),
                part: name,
                size: declared,
                limit: limits.max_part_bytes,
            });
        }
        total = total.saturating_add(counted.count);
        if total > limits.max_total_bytes {
            return Err(GuardError::TotalTooLarge {
                path: label.to_string(),
                limit: limits.max_total_bytes,
            });
        }
        if let Err(message) = scanned {
            return Err(GuardError::Malformed {
                path: label.to_string(),
                part: name,
                message,
            });
        }
    }
    Ok(())
}

fn part_name<R: Read>(part: &zip::read::ZipFile<'_, R>) -> String {
    part.name()
        .map(|n| n.into_owned())
        .unwrap_or_else(|_| String::from_utf8_lossy(part.name_raw()).into_owned())
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count = self.count.saturating_add(n as u64);
        Ok(n)
    }
}

/// Checks the reference attributes calamine parses with unchecked arithmetic or uses to size
/// allocations. Parts that are not XML end the scan quietly (at the first XML error); calamine
/// reports its own error if it reads them.
fn scan_references<R: Read>(part: &mut R, limits: &ArchiveLimits) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let element = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => e,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => continue,
        };
        let local = element.local_name();
        let checks: &[(&str, RefKind)] = match local.as_ref() {
            "c" => &[("r", RefKind::Cell)],
            "row" => &[("r", RefKind::Row)],
            "dimension" | "mergeCell" => &[("ref", RefKind::Range)],
            "f" => &[("ref", RefKind::Range), ("si", RefKind::Index)],
            _ => continue,
        };
        let raw = element.attributes_raw();
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in RawAttributes::new(raw) {
            if seen.contains(&key) {
                return Err(format!("attribute '{key}' appears twice in one element"));
            }
            seen.push(key);
            if let Some((_, kind)) = checks.iter().find(|(k, _)| *k == key) {
                kind.check(value, limits)?;
            }
        }
    }
}

#[derive(Clone, Copy)]
enum RefKind {
    /// `B3`
    Cell,
    /// `3`
    Row,
    /// `B3` or `A1:C9`
    Range,
    /// a shared-formula index
    Index,
}

impl RefKind {
    fn check(self, value: &str, limits: &ArchiveLimits) -> Result<(), String> {
        let bad = |what: &str| Err(format!("{what} '{}'", truncated(value)));
        match self {
            RefKind::Cell => match a1(value) {
                Some(_) => Ok(()),
                None => bad("cell reference outside Excel's grid or malformed:"),
            },
            // calamine reads a row's number as it reads a cell's, ignoring a column part.
            RefKind::Row => match a1_parts(value) {
                Some(_) => Ok(()),
                None => bad("row number outside Excel's grid or malformed:"),
            },
            RefKind::Range => {
                let mut parts = value.split(':');
                let (first, second) = (parts.next(), parts.next());
                if parts.next().is_some() {
                    return bad("malformed range:");
                }
                let start = first.and_then(a1);
                let end = match second {
                    Some(s) => a1(s),
                    None => start,
                };
                match (start, end) {
                    (Some((r0, c0)), Some((r1, c1))) if r0 <= r1 && c0 <= c1 => Ok(()),
                    _ => bad("range outside Excel's grid, reversed or malformed:"),
                }
            }
            RefKind::Index => match value.trim().parse::<u64>() {
                Ok(i) if i < limits.max_shared_formula_index => Ok(()),
                // calamine refuses what is not a number itself.
                Err(_) if !value.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
                _ => bad("shared formula index too large:"),
            },
        }
    }
}

fn truncated(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}...", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// `B3` / `$B$3` -> (row, col), 1-based, inside Excel's grid.
fn a1(text: &str) -> Option<(u32, u32)> {
    a1_parts(text).filter(|(_, col)| *col > 0)
}

/// `B3` / `3` -> (row, col), 1-based, inside Excel's grid; col 0 when there is no column.
fn a1_parts(text: &str) -> Option<(u32, u32)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut col: u32 = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphabetic() {
            col = col
                .checked_mul(26)?
                .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
            if col > MAX_COLS {
                return None;
            }
        } else if b != b'$' {
            break;
        }
        i += 1;
    }
    let digits = text.get(i..)?;
    let row: u32 = digits.parse().ok()?;
    if row == 0 || row > MAX_ROWS || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((row, col))
}

/// `key="value"` pairs of an element, as calamine reads them (raw, no entity decoding). A
/// malformed attribute ends the list (calamine refuses the element).
struct RawAttributes<'a> {
    rest: &'a str,
}

impl<'a> RawAttributes<'a> {
    fn new(raw: &'a str) -> Self {
        RawAttributes { rest: raw }
    }
}

impl<'a> Iterator for RawAttributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest.trim_start();
        let (key, after) = rest.split_once('=')?;
        let after = after.trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let body = after.get(1..)?;
        let (value, tail) = body.split_once(quote).unwrap_or((body, ""));
        self.rest = tail;
        Some((key.trim_end(), value))
    }
}

/// Every sheet's cells, at the positions calamine gives them, must span a rectangle of at most
/// `max_sheet_cells` (calamine allocates the whole rectangle). Uses calamine's own streaming
/// cell reader, which stores nothing.
fn check_sheet_extents(path: &Path, label: &str, limits: &ArchiveLimits) -> Result<(), GuardError> {
    let Ok(mut book) = calamine::open_workbook::<Xlsx<_>, _>(path) else {
        // Not an xlsx calamine can open: the reader will report that itself.
        return Ok(());
    };
    for sheet in book.sheet_names() {
        let Ok(mut cells) = book.worksheet_cells_reader(&sheet) else {
            continue;
        };
        let mut bounds: Option<(u32, u32, u32, u32)> = None;
        while let Ok(Some(cell)) = cells.next_cell() {
            let (r, c) = cell.get_position();
            bounds = Some(match bounds {
                None => (r, r, c, c),
                Some((r0, r1, c0, c1)) => (r0.min(r), r1.max(r), c0.min(c), c1.max(c)),
            });
        }
        if let Some((r0, r1, c0, c1)) = bounds {
            let rows = u64::from(r1 - r0) + 1;
            let cols = u64::from(c1 - c0) + 1;
            if rows.saturating_mul(cols) > limits.max_sheet_cells {
                return Err(GuardError::SheetTooLarge {
                    path: label.to_string(),
                    sheet,
                    rows,
                    cols,
                    limit: limits.max_sheet_cells,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references_inside_the_grid() {
        assert_eq!(a1("A1"), Some((1, 1)));
        assert_eq!(a1("$B$3"), Some((3, 2)));
        assert_eq!(a1("xfd1048576"), Some((1_048_576, 16_384)));
        for bad in [
            "",
            "A",
            "1",
            "A0",
            "XFE1",
            "A1048577",
            "A1x",
            "A+1",
            "AAAAAAAAAAAAA1",
            "A-1",
        ] {
            assert_eq!(a1(bad), None, "{bad}");
        }
    }

    #[test]
    fn reference_kinds() {
        let l = ArchiveLimits::DEFAULT;
        assert!(RefKind::Range.check("A1:C3", &l).is_ok());
        assert!(RefKind::Range.check("B2", &l).is_ok());
        assert!(RefKind::Range.check("C3:A1", &l).is_err());
        assert!(RefKind::Range.check("A1:B2:C3", &l).is_err());
        assert!(RefKind::Row.check("1048576", &l).is_ok());
        assert!(RefKind::Row.check("1048577", &l).is_err());
        assert!(RefKind::Row.check("0", &l).is_err());
        assert!(RefKind::Index.check("12", &l).is_ok());
        assert!(RefKind::Index.check("99999999999999999999", &l).is_err());
        assert!(RefKind::Index.check("x", &l).is_ok());
    }

    #[test]
    fn raw_attributes_like_calamine() {
        let attrs: Vec<_> = RawAttributes::new(r#" r="A1" s = '2' t="s""#).collect();
        assert_eq!(attrs, vec![("r", "A1"), ("s", "2"), ("t", "s")]);
        assert_eq!(RawAttributes::new("r=A1").count(), 0);
    }
}
