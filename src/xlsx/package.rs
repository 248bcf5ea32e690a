//! The file as a container, looked at before any spreadsheet reader touches it: what kind of
//! file it is (zip package, OLE compound file, something else), whether it is encrypted, and
//! whether its zip parts declare sizes small enough to read (a zip bomb claims gigabytes in a
//! few kilobytes; the zip crate refuses to inflate past a part's declared size, so checking the
//! declared sizes bounds what calamine can ever allocate).

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use zip::ZipArchive;

use super::import::{BookFormat, ImportError, Limits};

/// The first bytes of a zip archive (a local file header) and of an OLE compound file.
const ZIP_MAGIC: [u8; 4] = *b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: [u8; 4] = *b"PK\x05\x06";
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Small parts read whole (workbook.xml, its relationships, docProps/app.xml) are capped here
/// on top of the declared-size check: they are metadata, never this big in a real workbook.
const MAX_METADATA_PART: u64 = 64 * 1024 * 1024;

/// What the container check found.
pub(crate) struct Package {
    pub format: BookFormat,
    /// Every part name of a zip package (empty for OLE files).
    pub parts: Vec<String>,
    /// `xl/workbook.xml`, when the package has one.
    pub workbook_xml: Option<String>,
    /// `xl/_rels/workbook.xml.rels`, when the package has one.
    pub workbook_rels: Option<String>,
    /// The application that saved the file (docProps/app.xml), e.g. "Microsoft Excel".
    pub application: Option<String>,
    /// When the file was last saved, as written (`dcterms:modified` of docProps/core.xml,
    /// e.g. `2024-11-26T08:49:27Z`).
    pub modified: Option<String>,
}

impl Package {
    /// The stored name of a part, matched case-insensitively (some writers vary the case).
    pub fn part_name(&self, wanted: &str) -> Option<&str> {
        self.parts
            .iter()
            .find(|p| p.eq_ignore_ascii_case(wanted))
            .map(String::as_str)
    }

    pub fn has_part(&self, wanted: &str) -> bool {
        self.part_name(wanted).is_some()
    }

    /// Parts under a folder (e.g. `xl/externalLinks/`), case-insensitively.
    pub fn parts_under(&self, folder: &str) -> Vec<&str> {
        let folder = folder.to_ascii_lowercase();
        self.parts
            .iter()
            .filter(|p| p.to_ascii_lowercase().starts_with(&folder))
            .map(String::as_str)
            .collect()
    }
}

/// Opens the file and classifies it; for zip packages also checks part sizes and reads the
/// small workbook-level parts.
pub(crate) fn inspect(path: &Path, limits: &Limits) -> Result<Package, ImportError> {
    let label = path.display().to_string();
    let mut file = File::open(path).map_err(|source| ImportError::Io {
        path: label.clone(),
        source,
    })?;
    let length = file
        .metadata()
        .map_err(|source| ImportError::Io {
            path: label.clone(),
            source,
        })?
        .len();
    if length == 0 {
        return Err(ImportError::Empty { path: label });
    }
    let mut head = [0u8; 8];
    let read = read_up_to(&mut file, &mut head).map_err(|source| ImportError::Io {
        path: label.clone(),
        source,
    })?;
    let head = head.get(..read).unwrap_or(&[]);
    if head.starts_with(&OLE_MAGIC) {
        return inspect_ole(file, &label);
    }
    if head.starts_with(&ZIP_MAGIC) || head.starts_with(&EMPTY_ZIP_MAGIC) {
        return inspect_zip(file, &label, limits);
    }
    Err(ImportError::NotASpreadsheet {
        path: label,
        reason: format!(
            "it is neither a zip package (.xlsx, .xlsm, .xlsb, .ods) nor an OLE compound file \
             (.xls); it starts with {}",
            describe_bytes(head)
        ),
    })
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let Some(rest) = buf.get_mut(filled..) else {
            break;
        };
        match file.read(rest)? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// `"hello" (68 65 6c 6c 6f)`: what a file starts with, for error messages.
fn describe_bytes(head: &[u8]) -> String {
    let hex: Vec<String> = head.iter().map(|b| format!("{b:02x}")).collect();
    let printable: String = head
        .iter()
        .map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b as char
            } else {
                '.'
            }
        })
        .collect();
    format!("\"{printable}\" ({})", hex.join(" "))
}

/// An OLE compound file is either a legacy .xls or, for .xlsx/.xlsm, an encrypted package
/// (Excel's "Encrypt with Password" wraps the zip in an OLE file with an `EncryptedPackage`
/// stream). The stream names are UTF-16 in the directory sectors, which may sit anywhere.
fn inspect_ole(mut file: File, label: &str) -> Result<Package, ImportError> {
    let io_error = |source| ImportError::Io {
        path: label.to_string(),
        source,
    };
    file.seek(SeekFrom::Start(0)).map_err(io_error)?;
    if contains_utf16(BufReader::new(file), "EncryptedPackage").map_err(io_error)? {
        return Err(ImportError::Encrypted {
            path: label.to_string(),
        });
    }
    Ok(Package {
        format: BookFormat::Xls,
        parts: Vec::new(),
        workbook_xml: None,
        workbook_rels: None,
        application: None,
        modified: None,
    })
}

/// Streams through a reader looking for `needle` encoded as UTF-16LE.
fn contains_utf16(mut reader: impl Read, needle: &str) -> std::io::Result<bool> {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    contains_bytes(&mut reader, &pattern)
}

/// Streams through a reader looking for `pattern`, in chunks that overlap by the pattern's
/// length so a match across a chunk boundary is still found.
pub(crate) fn contains_bytes(reader: &mut impl Read, pattern: &[u8]) -> std::io::Result<bool> {
    if pattern.is_empty() {
        return Ok(true);
    }
    let keep = pattern.len() - 1;
    let mut window: Vec<u8> = Vec::with_capacity(64 * 1024 + keep);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut chunk)?;
        if n == 0 {
            return Ok(false);
        }
        window.extend_from_slice(chunk.get(..n).unwrap_or(&[]));
        if window.windows(pattern.len()).any(|w| w == pattern) {
            return Ok(true);
        }
        let drop = window.len().saturating_sub(keep);
        window.drain(..drop);
    }
}

fn inspect_zip(file: File, label: &str, limits: &Limits) -> Result<Package, ImportError> {
    let mut archive = ZipArchive::new(BufReader::new(file)).map_err(|e| ImportError::Corrupt {
        path: label.to_string(),
        detail: format!("not a readable zip archive (truncated or damaged?): {e}"),
    })?;
    let parts = check_part_sizes(&mut archive, label, limits)?;
    let mut package = Package {
        format: BookFormat::Xlsx,
        parts,
        workbook_xml: None,
        workbook_rels: None,
        application: None,
        modified: None,
    };
    package.format = zip_format(&package, label)?;
    if package.format == BookFormat::Xlsx || package.format == BookFormat::Xlsm {
        package.workbook_xml = read_part(&mut archive, &package, "xl/workbook.xml", label)?;
        package.workbook_rels =
            read_part(&mut archive, &package, "xl/_rels/workbook.xml.rels", label)?;
    }
    package.application = read_part(&mut archive, &package, "docProps/app.xml", label)
        .ok()
        .flatten()
        .and_then(|xml| application_name(&xml));
    package.modified = read_part(&mut archive, &package, "docProps/core.xml", label)
        .ok()
        .flatten()
        .and_then(|xml| element_text(&xml, "dcterms:modified"));
    Ok(package)
}

/// Refuses parts (or a total) whose declared uncompressed size is over the limits, and
/// encrypted zip entries; returns the part names.
fn check_part_sizes<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    label: &str,
    limits: &Limits,
) -> Result<Vec<String>, ImportError> {
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let entry = archive
            .by_index_data(index)
            .map_err(|e| ImportError::Corrupt {
                path: label.to_string(),
                detail: format!("zip entry {index}: {e}"),
            })?;
        let name = entry
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| format!("entry {index}"));
        let size = entry.size();
        if entry.encrypted() {
            return Err(ImportError::Encrypted {
                path: label.to_string(),
            });
        }
        if size > limits.max_part_uncompressed {
            return Err(ImportError::TooLarge {
                path: label.to_string(),
                what: format!("part {name} declares {size} bytes uncompressed"),
                limit: limits.max_part_uncompressed,
            });
        }
        total = total.saturating_add(size);
        if total > limits.max_total_uncompressed {
            return Err(ImportError::TooLarge {
                path: label.to_string(),
                what: format!("its parts declare {total} bytes uncompressed in all"),
                limit: limits.max_total_uncompressed,
            });
        }
        names.push(name);
    }
    Ok(names)
}

/// Which spreadsheet format a zip package holds, from its parts (not the file extension).
fn zip_format(package: &Package, label: &str) -> Result<BookFormat, ImportError> {
    if package.has_part("xl/workbook.xml") {
        return Ok(if package.has_part("xl/vbaProject.bin") {
            BookFormat::Xlsm
        } else {
            BookFormat::Xlsx
        });
    }
    if package.has_part("xl/workbook.bin") {
        return Ok(BookFormat::Xlsb);
    }
    if package.has_part("content.xml") && package.has_part("mimetype") {
        return Ok(BookFormat::Ods);
    }
    let kind = if package.has_part("word/document.xml") {
        " (it looks like a Word document)"
    } else if package.has_part("ppt/presentation.xml") {
        " (it looks like a PowerPoint presentation)"
    } else {
        ""
    };
    Err(ImportError::NotASpreadsheet {
        path: label.to_string(),
        reason: format!(
            "a zip archive without a workbook part (xl/workbook.xml, xl/workbook.bin or an \
             OpenDocument content.xml){kind}"
        ),
    })
}

/// Reads a small part whole as UTF-8 text (None when the package has no such part).
pub(crate) fn read_part<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    package: &Package,
    wanted: &str,
    label: &str,
) -> Result<Option<String>, ImportError> {
    let Some(name) = package.part_name(wanted) else {
        return Ok(None);
    };
    let corrupt = |detail: String| ImportError::Corrupt {
        path: label.to_string(),
        detail: format!("part {name}: {detail}"),
    };
    let entry = archive.by_name(name).map_err(|e| corrupt(e.to_string()))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_METADATA_PART)
        .read_to_end(&mut bytes)
        .map_err(|e| corrupt(e.to_string()))?;
    // A UTF-8 byte order mark is allowed before the XML declaration.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|_| corrupt("not UTF-8 text".to_string()))
}

/// `<Application>Microsoft Excel</Application>` from docProps/app.xml.
fn application_name(app_xml: &str) -> Option<String> {
    element_text(app_xml, "Application")
}

/// The text of the first `<tag ...>text</tag>` of a small metadata part (attributes allowed,
/// no nested elements), trimmed.
fn element_text(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let mut from = 0;
    loop {
        let at = from + xml.get(from..)?.find(&open)?;
        let after_name = at + open.len();
        let rest = xml.get(after_name..)?;
        // `<tagX` is another element whose name starts the same.
        if rest.starts_with(['>', ' ', '\t', '\r', '\n']) {
            let body = rest.get(rest.find('>')? + 1..)?;
            let end = body.find(&format!("</{tag}>"))?;
            return Some(body.get(..end)?.trim().to_string());
        }
        from = after_name;
    }
}

/// Opens a zip part for streaming (used to scan sheet XML calamine could not fully read).
pub(crate) fn open_archive(path: &Path) -> Result<ZipArchive<BufReader<File>>, ImportError> {
    let label = path.display().to_string();
    let file = File::open(path).map_err(|source| ImportError::Io {
        path: label.clone(),
        source,
    })?;
    ZipArchive::new(BufReader::new(file)).map_err(|e| ImportError::Corrupt {
        path: label,
        detail: format!("not a readable zip archive: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_patterns_across_chunk_boundaries() {
        let mut data = vec![b'x'; 64 * 1024 - 3];
        data.extend_from_slice(b"dataTable");
        data.extend_from_slice(&[b'y'; 100]);
        assert!(contains_bytes(&mut data.as_slice(), b"dataTable").unwrap_or(false));
        assert!(!contains_bytes(&mut data.as_slice(), b"dataTables!").unwrap_or(true));
    }

    #[test]
    fn reads_the_application_name() {
        let xml = "<Properties><Application>Microsoft Excel</Application></Properties>";
        assert_eq!(application_name(xml).as_deref(), Some("Microsoft Excel"));
        assert_eq!(application_name("<Properties/>"), None);
        let core = r#"<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2015-06-05T18:17:20Z</dcterms:created><dcterms:modifiedX>no</dcterms:modifiedX><dcterms:modified xsi:type="dcterms:W3CDTF">2024-11-26T08:49:27Z</dcterms:modified></cp:coreProperties>"#;
        assert_eq!(
            element_text(core, "dcterms:modified").as_deref(),
            Some("2024-11-26T08:49:27Z")
        );
    }
}
