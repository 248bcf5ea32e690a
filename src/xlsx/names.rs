//! Re-reads `xl/workbook.xml` (and its relationships) for what calamine does not keep: the
//! scope of each defined name (`localSheetId`), the 1904 date system flag, and which zip part
//! holds each sheet (to scan a sheet's XML when calamine could not read all its cells).

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

/// A `<definedName>` of the workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DefinedName {
    pub name: String,
    /// Index into the workbook's sheets (in `<sheets>` order) for a sheet-scoped name.
    pub local_sheet: Option<usize>,
    /// The definition, without `=` (e.g. `Sheet1!$B$1:$B$9`).
    pub formula: String,
}

/// A `<sheet>` of the workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SheetEntry {
    pub name: String,
    /// The relationship id that names the sheet's part in workbook.xml.rels.
    pub relationship: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WorkbookXml {
    pub sheets: Vec<SheetEntry>,
    pub names: Vec<DefinedName>,
    pub date1904: bool,
}

/// Parses workbook.xml. Malformed XML gives an error message (the caller names the file).
pub(crate) fn parse_workbook_xml(xml: &str) -> Result<WorkbookXml, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = WorkbookXml::default();
    let mut open_name: Option<DefinedName> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "definedName" => {
                open_name = defined_name_start(&e);
            }
            Ok(Event::Empty(e)) | Ok(Event::Start(e)) => on_element(&e, &mut out),
            Ok(Event::Text(t)) => {
                if let Some(n) = open_name.as_mut() {
                    n.formula.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(n) = open_name.as_mut() {
                    push_reference(&mut n.formula, &r);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "definedName" => {
                if let Some(n) = open_name.take() {
                    out.names.push(n);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "malformed XML at byte {}: {e}",
                    reader.error_position()
                ))
            }
        }
    }
    Ok(out)
}

fn on_element(e: &BytesStart, out: &mut WorkbookXml) {
    match e.local_name().as_ref() {
        "sheet" => {
            if let Some(name) = attribute(e, "name") {
                out.sheets.push(SheetEntry {
                    name,
                    relationship: attribute(e, "id"),
                });
            }
        }
        "workbookPr" => {
            out.date1904 = attribute(e, "date1904")
                .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
        }
        _ => {}
    }
}

fn defined_name_start(e: &BytesStart) -> Option<DefinedName> {
    Some(DefinedName {
        name: attribute(e, "name")?,
        local_sheet: attribute(e, "localSheetId").and_then(|s| s.trim().parse().ok()),
        formula: String::new(),
    })
}

/// An attribute's unescaped value, matched by local name (so `r:id` is `id`).
pub(crate) fn attribute(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Appends the character an entity (`&amp;`, `&#233;`) stands for.
pub(crate) fn push_reference(text: &mut String, r: &BytesRef) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        text.push(c);
        return;
    }
    let name = r.xml10_content();
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(s) => text.push_str(s),
        None => {
            text.push('&');
            text.push_str(&name);
            text.push(';');
        }
    }
}

/// The zip part of each relationship id in `xl/_rels/workbook.xml.rels`, resolved against
/// `xl/` (targets are relative to the workbook part, or absolute from the package root).
pub(crate) fn parse_relationships(xml: &str) -> Vec<(String, String)> {
    part_relationships(xml, "xl")
        .into_iter()
        .map(|r| (r.id, r.target))
        .collect()
}

/// A relationship of a package part (`xl/worksheets/_rels/sheet1.xml.rels`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Relationship {
    pub id: String,
    /// The last segment of the relationship type URI: `worksheet`, `table`, `drawing`...
    pub kind: String,
    /// The zip part it points to, resolved against the folder of the part that owns it.
    pub target: String,
}

/// The internal relationships of a part whose folder is `base` (`xl/worksheets` for a sheet);
/// external targets (hyperlinks, linked files) are left out.
pub(crate) fn part_relationships(xml: &str, base: &str) -> Vec<Relationship> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e)) | Ok(Event::Start(e))
                if e.local_name().as_ref() == "Relationship" =>
            {
                let external =
                    attribute(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
                if let (false, Some(id), Some(target)) =
                    (external, attribute(&e, "Id"), attribute(&e, "Target"))
                {
                    let kind = attribute(&e, "Type").unwrap_or_default();
                    out.push(Relationship {
                        id,
                        kind: kind.rsplit('/').next().unwrap_or("").to_string(),
                        target: resolve_target(base, &target),
                    });
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// The relationships part of a part: `xl/worksheets/sheet1.xml` ->
/// `xl/worksheets/_rels/sheet1.xml.rels`; also returns the part's folder.
pub(crate) fn rels_part_of(part: &str) -> (String, String) {
    match part.rsplit_once('/') {
        Some((folder, file)) => (format!("{folder}/_rels/{file}.rels"), folder.to_string()),
        None => (format!("_rels/{part}.rels"), String::new()),
    }
}

fn resolve_target(base: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Excel's built-in names (`_xlnm.Print_Area`, `_xlnm._FilterDatabase`) and the hidden names
/// Excel writes for functions newer than the file format (`_xlfn.X`): not user names, and
/// never read by ordinary formulas.
pub(crate) fn is_builtin_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("_xlnm.") || lower.starts_with("_xlfn.") || lower.starts_with("_xlpm.")
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr date1904="1"/>
<sheets><sheet name="Inputs" sheetId="1" r:id="rId1"/><sheet name="R&amp;D data" sheetId="2" r:id="rId2"/></sheets>
<definedNames>
<definedName name="_xlnm.Print_Area" localSheetId="0">Inputs!$A$1:$B$2</definedName>
<definedName name="Rate" localSheetId="1">'R&amp;D data'!$B$1</definedName>
<definedName name="Rate">Inputs!$B$1</definedName>
</definedNames></workbook>"#;

    #[test]
    fn keeps_name_scopes_and_sheet_order() {
        let wb = parse_workbook_xml(WORKBOOK).unwrap_or_default();
        assert!(wb.date1904);
        let sheets: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(sheets, ["Inputs", "R&D data"]);
        assert_eq!(wb.sheets[1].relationship.as_deref(), Some("rId2"));
        assert_eq!(wb.names.len(), 3);
        assert_eq!(wb.names[1].name, "Rate");
        assert_eq!(wb.names[1].local_sheet, Some(1));
        assert_eq!(wb.names[1].formula, "'R&D data'!$B$1");
        assert_eq!(wb.names[2].local_sheet, None);
        assert!(is_builtin_name(&wb.names[0].name));
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        assert!(parse_workbook_xml("<a></b>").is_err());
    }

    #[test]
    fn resolves_relationship_targets() {
        let rels = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Target="../xl/worksheets/sheet3.xml"/></Relationships>"#;
        let r = parse_relationships(rels);
        assert_eq!(r[0].1, "xl/worksheets/sheet1.xml");
        assert_eq!(r[1].1, "xl/worksheets/sheet2.xml");
        assert_eq!(r[2].1, "xl/worksheets/sheet3.xml");
        let sheet_rels = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/><Relationship Id="rId2" Type="http://x/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>"#;
        let (rels, folder) = rels_part_of("xl/worksheets/sheet1.xml");
        assert_eq!(rels, "xl/worksheets/_rels/sheet1.xml.rels");
        let r = part_relationships(sheet_rels, &folder);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].kind, "table");
        assert_eq!(r[0].target, "xl/tables/table1.xml");
    }
}
