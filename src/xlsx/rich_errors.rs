//! The real error behind a cell's saved fallback value. Excel 365 saves errors of newer kinds
//! (an empty FILTER's `#CALC!`, `#SPILL!` with its extent) as rich values: the cell holds a
//! fallback error older readers understand (`<c t="e" vm="7"><v>#VALUE!</v>`), and its value
//! metadata points at the rich value that says which error it is:
//!
//! `<c vm="7">` -> `xl/metadata.xml` `<valueMetadata>` block 7 -> `<rc t=".." v="3">` of the
//! `XLRICHVALUE` metadata type -> `<futureMetadata name="XLRICHVALUE">` block 3 ->
//! `<xlrd:rvb i="12">` -> rich value 12 of `xl/richData/rdrichvalue.xml`, whose structure
//! (`xl/richData/rdrichvaluestructure.xml`, `t="_error"`) gives the position of `errorType`.

use quick_xml::events::Event;
use quick_xml::Reader;
use rustc_hash::FxHashMap;

use super::names::attribute;
use crate::value::ErrorKind;

pub(crate) const METADATA_PART: &str = "xl/metadata.xml";
pub(crate) const RICH_VALUES_PART: &str = "xl/richData/rdrichvalue.xml";
pub(crate) const STRUCTURES_PART: &str = "xl/richData/rdrichvaluestructure.xml";

/// Value-metadata index (`vm`, one-based) -> the error its rich value holds. Empty when the
/// parts are missing or malformed (the fallback values then stand).
pub(crate) fn errors_by_value_metadata(
    metadata: &str,
    rich_values: &str,
    structures: &str,
) -> FxHashMap<u32, ErrorKind> {
    let errors = rich_value_errors(rich_values, &error_type_positions(structures));
    let meta = read_metadata(metadata);
    let Some(rich_type) = meta
        .types
        .iter()
        .position(|t| t == "XLRICHVALUE")
        .and_then(|i| u32::try_from(i + 1).ok())
    else {
        return FxHashMap::default();
    };
    let mut out = FxHashMap::default();
    for (block, rc) in meta.value_blocks.iter().enumerate() {
        let Some((t, v)) = rc else { continue };
        if *t != rich_type {
            continue;
        }
        let rich_value = meta.rich_value_blocks.get(*v as usize).copied().flatten();
        let kind = rich_value.and_then(|i| errors.get(&i).copied());
        if let (Some(kind), Ok(vm)) = (kind, u32::try_from(block + 1)) {
            out.insert(vm, kind);
        }
    }
    out
}

/// The error of an `errorType` number.
fn error_kind(error_type: u32) -> Option<ErrorKind> {
    Some(match error_type {
        0 => ErrorKind::Null,
        1 => ErrorKind::Div0,
        2 => ErrorKind::Value,
        3 => ErrorKind::Ref,
        4 => ErrorKind::Name,
        5 => ErrorKind::Num,
        6 => ErrorKind::NA,
        7 => ErrorKind::GettingData,
        8 => ErrorKind::Spill,
        13 => ErrorKind::Calc,
        _ => return None,
    })
}

#[derive(Default)]
struct Metadata {
    /// `<metadataType name=..>` in order (`rc t` counts from 1).
    types: Vec<String>,
    /// The rich value index of each `<futureMetadata name="XLRICHVALUE">` block.
    rich_value_blocks: Vec<Option<u32>>,
    /// The first `<rc t v>` of each `<valueMetadata>` block.
    value_blocks: Vec<Option<(u32, u32)>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Other,
    RichFuture,
    Values,
}

fn read_metadata(xml: &str) -> Metadata {
    let mut reader = Reader::from_str(xml);
    let mut meta = Metadata::default();
    let mut section = Section::Other;
    loop {
        let (e, is_start) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, true),
            Ok(Event::Empty(e)) => (e, false),
            Ok(Event::End(e)) => {
                if matches!(e.local_name().as_ref(), "futureMetadata" | "valueMetadata") {
                    section = Section::Other;
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => continue,
        };
        match (e.local_name().as_ref(), section) {
            ("metadataType", _) => meta.types.push(attribute(&e, "name").unwrap_or_default()),
            ("futureMetadata", _) if is_start => {
                let rich = attribute(&e, "name").as_deref() == Some("XLRICHVALUE");
                section = if rich {
                    Section::RichFuture
                } else {
                    Section::Other
                };
            }
            ("valueMetadata", _) if is_start => section = Section::Values,
            ("bk", Section::RichFuture) => meta.rich_value_blocks.push(None),
            ("bk", Section::Values) => meta.value_blocks.push(None),
            ("rvb", Section::RichFuture) => {
                if let Some(last) = meta.rich_value_blocks.last_mut() {
                    *last = number(&e, "i");
                }
            }
            ("rc", Section::Values) => {
                if let Some(last @ None) = meta.value_blocks.last_mut() {
                    *last = number(&e, "t").zip(number(&e, "v"));
                }
            }
            _ => {}
        }
    }
    meta
}

fn number(e: &quick_xml::events::BytesStart, key: &str) -> Option<u32> {
    attribute(e, key).and_then(|v| v.trim().parse().ok())
}

/// For each rich value structure: the position of `errorType` among its keys when the
/// structure is an error (`t="_error"`).
fn error_type_positions(xml: &str) -> Vec<Option<usize>> {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<Option<usize>> = Vec::new();
    let mut keys = 0usize;
    let mut is_error = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "s" => {
                is_error = attribute(&e, "t").as_deref() == Some("_error");
                keys = 0;
                out.push(None);
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "s" => out.push(None),
            Ok(Event::Empty(e)) | Ok(Event::Start(e)) if e.local_name().as_ref() == "k" => {
                if is_error && attribute(&e, "n").as_deref() == Some("errorType") {
                    if let Some(last) = out.last_mut() {
                        *last = Some(keys);
                    }
                }
                keys += 1;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// Rich value index -> error, for the rich values whose structure is an error.
fn rich_value_errors(xml: &str, positions: &[Option<usize>]) -> FxHashMap<u32, ErrorKind> {
    let mut reader = Reader::from_str(xml);
    let mut out = FxHashMap::default();
    let mut index: Option<u32> = None;
    let mut wanted: Option<usize> = None;
    let mut values = 0usize;
    let mut in_value = false;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "rv" => {
                index = Some(index.map_or(0, |i| i.saturating_add(1)));
                let structure = number(&e, "s").map(|s| s as usize);
                wanted = structure.and_then(|s| positions.get(s).copied().flatten());
                values = 0;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "v" => {
                in_value = true;
                text.clear();
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "v" => values += 1,
            Ok(Event::Text(t)) if in_value => text.push_str(&t.xml10_content()),
            Ok(Event::End(e)) if e.local_name().as_ref() == "v" => {
                in_value = false;
                if wanted == Some(values) {
                    let kind = text.trim().parse().ok().and_then(error_kind);
                    if let (Some(kind), Some(i)) = (kind, index) {
                        out.insert(i, kind);
                    }
                }
                values += 1;
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "rv" => {
                index = Some(index.map_or(0, |i| i.saturating_add(1)));
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const METADATA: &str = r#"<metadata xmlns:xlrd="x"><metadataTypes count="2"><metadataType name="XLDAPR"/><metadataType name="XLRICHVALUE"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext><xda:dynamicArrayProperties fDynamic="1"/></ext></extLst></bk></futureMetadata><futureMetadata name="XLRICHVALUE" count="3"><bk><extLst><ext><xlrd:rvb i="0"/></ext></extLst></bk><bk><extLst><ext><xlrd:rvb i="1"/></ext></extLst></bk><bk><extLst><ext><xlrd:rvb i="2"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata><valueMetadata count="3"><bk><rc t="2" v="0"/></bk><bk><rc t="2" v="1"/></bk><bk><rc t="2" v="2"/></bk></valueMetadata></metadata>"#;
    const STRUCTURES: &str = r#"<rvStructures count="3"><s t="_error"><k n="argument" t="s"/><k n="errorType" t="i"/><k n="subType" t="i"/></s><s t="_error"><k n="errorType" t="i"/><k n="subType" t="i"/></s><s t="_linkedEntity"><k n="errorType"/></s></rvStructures>"#;
    const VALUES: &str = r#"<rvData count="3"><rv s="0"><v>ciao</v><v>2</v><v>5</v></rv><rv s="1"><v>13</v><v>3</v></rv><rv s="2"><v>13</v></rv></rvData>"#;

    #[test]
    fn finds_the_error_behind_each_value_metadata_block() {
        let map = errors_by_value_metadata(METADATA, VALUES, STRUCTURES);
        assert_eq!(map.get(&1), Some(&ErrorKind::Value));
        assert_eq!(map.get(&2), Some(&ErrorKind::Calc));
        // Not an error structure.
        assert_eq!(map.get(&3), None);
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn malformed_parts_give_nothing() {
        assert!(errors_by_value_metadata("<a", VALUES, STRUCTURES).is_empty());
        assert!(errors_by_value_metadata(METADATA, "", "").is_empty());
    }
}
