//! A light second look at one worksheet's XML for what calamine 0.38 does not report:
//! what-if data tables (`<f t="dataTable" ref=..>`, which calamine skips since the element is
//! empty) and error values it cannot parse (`#SPILL!`, `#CALC!`, `#GETTING_DATA`, ...: calamine
//! fails the cell, so the scan recovers the cached error of those cells), and the value
//! metadata (`vm`) of error cells, which points at the real error behind a fallback
//! `#VALUE!` (see `rich_errors`).

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::formula::CellPos;

/// A cell holding an error value (`t="e"`), as written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ErrorCell {
    pub pos: CellPos,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SheetScan {
    pub error_cells: Vec<ErrorCell>,
    /// The result ranges of data tables, as written (`C4:D8`).
    pub data_tables: Vec<String>,
    /// Anchor cells of array formulas (`<f t="array">`: CSE or dynamic-array formulas), which
    /// compute element by element rather than with implicit intersection.
    pub array_formulas: Vec<CellPos>,
    /// Error cells with value metadata (`<c t="e" vm="3">`): position and `vm`.
    pub error_metadata: Vec<(CellPos, u32)>,
    /// The anchors of shared formulas (`<f t="shared" ref=.. si=..>text</f>`).
    pub shared_anchors: Vec<SharedAnchor>,
}

/// The anchor cell of a shared formula and the formula text written on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SharedAnchor {
    pub pos: CellPos,
    pub group: usize,
    pub formula: String,
}

/// Where the scanner is: which cell, of which type, and whether inside its `<v>`.
#[derive(Default)]
struct Cursor {
    row: u32,
    col: u32,
    cell: Option<CellPos>,
    cell_is_error: bool,
    in_value: bool,
    value: String,
    /// Inside the `<f>` of a shared formula's anchor: its group.
    anchor_group: Option<usize>,
    formula: String,
}

/// Scans a worksheet part. Stops at the first XML error (the part was already read by
/// calamine; whatever was found before the error is still useful).
pub(crate) fn scan_sheet(source: impl BufRead) -> SheetScan {
    let mut reader = Reader::from_reader(source);
    let mut buf = Vec::new();
    let mut scan = SheetScan::default();
    let mut at = Cursor::default();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => on_start(&e, &mut at, &mut scan, false),
            Ok(Event::Empty(e)) => on_start(&e, &mut at, &mut scan, true),
            Ok(Event::Text(t)) if at.in_value => at.value.push_str(&t.xml10_content()),
            Ok(Event::Text(t)) if at.anchor_group.is_some() => {
                at.formula.push_str(&t.xml10_content())
            }
            Ok(Event::GeneralRef(r)) if at.anchor_group.is_some() => {
                super::names::push_reference(&mut at.formula, &r)
            }
            Ok(Event::End(e)) => on_end(e.local_name().as_ref(), &mut at, &mut scan),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    scan
}

fn on_start(e: &BytesStart, at: &mut Cursor, scan: &mut SheetScan, empty: bool) {
    match e.local_name().as_ref() {
        "row" => {
            if let Some(r) = attribute(e, "r").and_then(|r| r.parse::<u32>().ok()) {
                at.row = r.saturating_sub(1);
            }
            at.col = 0;
            if empty {
                at.row = at.row.saturating_add(1);
            }
        }
        "c" => {
            let pos = attribute(e, "r")
                .and_then(|r| CellPos::parse_a1(&r))
                .unwrap_or(CellPos::new(at.row, at.col));
            at.row = pos.row;
            at.col = pos.col.saturating_add(1);
            at.cell = Some(pos);
            at.cell_is_error = attribute(e, "t").as_deref() == Some("e");
            if at.cell_is_error {
                if let Some(vm) = attribute(e, "vm").and_then(|v| v.trim().parse().ok()) {
                    scan.error_metadata.push((pos, vm));
                }
            }
        }
        "f" if attribute(e, "t").as_deref() == Some("array") => {
            if let Some(pos) = at.cell {
                scan.array_formulas.push(pos);
            }
        }
        "f" if !empty
            && attribute(e, "t").as_deref() == Some("shared")
            && attribute(e, "ref").is_some() =>
        {
            at.anchor_group = attribute(e, "si").and_then(|si| si.trim().parse().ok());
            at.formula.clear();
        }
        "f" if attribute(e, "t").as_deref() == Some("dataTable") => {
            let range = attribute(e, "ref")
                .unwrap_or_else(|| at.cell.map(|p| p.to_string()).unwrap_or_default());
            scan.data_tables.push(range);
        }
        "v" if !empty && at.cell_is_error => {
            at.in_value = true;
            at.value.clear();
        }
        _ => {}
    }
}

fn on_end(local: &str, at: &mut Cursor, scan: &mut SheetScan) {
    match local {
        "f" => {
            if let (Some(group), Some(pos)) = (at.anchor_group.take(), at.cell) {
                scan.shared_anchors.push(SharedAnchor {
                    pos,
                    group,
                    formula: std::mem::take(&mut at.formula),
                });
            }
        }
        "v" if at.in_value => {
            at.in_value = false;
            if let Some(pos) = at.cell {
                scan.error_cells.push(ErrorCell {
                    pos,
                    text: at.value.trim().to_string(),
                });
            }
        }
        "c" => {
            at.cell = None;
            at.cell_is_error = false;
        }
        "row" => {
            at.row = at.row.saturating_add(1);
            at.col = 0;
        }
        _ => {}
    }
}

fn attribute(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_error_cells_and_data_tables() {
        let xml = br#"<worksheet><sheetData>
<row r="1"><c r="A1" t="e"><f>_xlfn._xlws.SORT(B1:B3)</f><v>#SPILL!</v></c><c r="B1"><v>3</v></c></row>
<row r="4"><c r="C4"><f t="dataTable" ref="C4:C6" dt2D="0" dtr="0" r1="A1"/><v>5</v></c><c t="e"><v>#CALC!</v></c><c r="F4" t="e" vm="2"><f>FILTER(A1:A2,A1:A2>5)</f><v>#VALUE!</v></c></row>
</sheetData></worksheet>"#;
        let scan = scan_sheet(&xml[..]);
        assert_eq!(scan.data_tables, ["C4:C6"]);
        assert_eq!(
            scan.error_cells,
            [
                ErrorCell {
                    pos: CellPos::new(0, 0),
                    text: "#SPILL!".into()
                },
                ErrorCell {
                    pos: CellPos::new(3, 3),
                    text: "#CALC!".into()
                },
                ErrorCell {
                    pos: CellPos::new(3, 5),
                    text: "#VALUE!".into()
                }
            ]
        );
        assert_eq!(scan.error_metadata, [(CellPos::new(3, 5), 2)]);
    }

    #[test]
    fn finds_shared_formula_anchors() {
        let xml = br#"<worksheet><sheetData><row r="2"><c r="B2" t="e"><f t="shared" ref="B2:B4" si="3">A2&amp;"x"</f><v>#SPILL!</v></c></row><row r="3"><c r="B3"><f t="shared" si="3"/><v>1</v></c></row></sheetData></worksheet>"#;
        let scan = scan_sheet(&xml[..]);
        assert_eq!(
            scan.shared_anchors,
            [SharedAnchor {
                pos: CellPos::new(1, 1),
                group: 3,
                formula: "A2&\"x\"".into()
            }]
        );
    }
}
