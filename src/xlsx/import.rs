//! Excel workbooks (.xlsx/.xlsm, and .xls/.xlsb/.ods where calamine reads them) into a kachi
//! [`Workbook`]: every sheet, constant, formula and defined name, with the value Excel saved
//! for each formula cell kept aside (never used as the answer), and a report of everything that
//! could not be represented. One odd formula never loses the workbook: formulas kachi cannot
//! parse become `#NAME?` and are listed.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{CellErrorType, Data, DataRef, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};
use rustc_hash::FxHashMap;

use super::clock::{parse_w3c_date_time, Clock};
use super::names::{self, DefinedName};
use super::package::{self, Package};
use super::quiet_panic;
use super::rich_errors;
use super::shared_formulas::SharedFormulas;
use super::sheet_scan::{self, SheetScan};
use super::tables::{self, Site, Tables};
use super::{ods_formula, read_model::decimal_from_f64};
use crate::engine::{CellId, CellRef, Edit, EditError, Workbook};
use crate::formula::reference::{MAX_COLS, MAX_ROWS};
use crate::formula::CellPos;
use crate::value::{ErrorKind, Value};

/// The container format, from the file's content (not its extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookFormat {
    Xlsx,
    /// An .xlsx package with a VBA project (macros are kept aside, never run).
    Xlsm,
    Xlsb,
    Xls,
    Ods,
}

/// Guards against hostile files: a zip part (or all of them) whose declared uncompressed size
/// is over these is refused before anything is inflated; so is a workbook with more cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_part_uncompressed: u64,
    pub max_total_uncompressed: u64,
    pub max_cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_part_uncompressed: 256 * 1024 * 1024,
            max_total_uncompressed: 1024 * 1024 * 1024,
            max_cells: 20_000_000,
        }
    }
}

/// How to import: the guards against hostile files and the clock NOW()/TODAY() see.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    pub limits: Limits,
    pub clock: Clock,
}

/// Why a file could not be imported. Each names the file and what is wrong with it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is empty (0 bytes)")]
    Empty { path: String },
    #[error("{path} is not a spreadsheet: {reason}")]
    NotASpreadsheet { path: String, reason: String },
    #[error(
        "{path} is password-protected (encrypted); save a copy without a password and import that"
    )]
    Encrypted { path: String },
    #[error("{path} is corrupt or truncated: {detail}")]
    Corrupt { path: String, detail: String },
    /// Refused by the zip guard before calamine read it (real unpacked sizes, references
    /// outside the grid).
    #[error(transparent)]
    Refused(#[from] super::guard::GuardError),
    #[error("{path} is too large to import: {what}, over the limit of {limit} (a zip bomb?)")]
    TooLarge {
        path: String,
        what: String,
        limit: u64,
    },
    #[error("{path}, sheet '{sheet}': {detail}")]
    Sheet {
        path: String,
        sheet: String,
        detail: String,
    },
    #[error("{path}: the workbook could not be built: {detail}")]
    Engine { path: String, detail: String },
}

/// A formula cell of the imported workbook, with what Excel saved for it.
#[derive(Clone, Debug, PartialEq)]
pub struct FormulaCell {
    pub sheet: String,
    pub pos: CellPos,
    /// The formula as stored in the file, with a leading `=` (`_xlfn.` prefixes kept).
    pub formula: String,
    /// The value Excel (or LibreOffice) saved with the formula; None when the file has none.
    pub cached: Option<Value>,
    /// The cell in the workbook.
    pub id: Option<CellId>,
    /// The formula could not be parsed; the cell holds `#NAME?` (see the report).
    pub rejected: bool,
}

impl FormulaCell {
    /// `Sheet!A1`, the sheet name unquoted (the key format of the corpus oracle).
    pub fn label(&self) -> String {
        format!("{}!{}", self.sheet, self.pos)
    }
}

/// A formula (of a cell or a defined name) kachi could not parse or compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedFormula {
    pub target: String,
    pub formula: String,
    pub message: String,
}

/// A function kachi does not implement, with the cells whose formulas use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsupportedFunction {
    pub name: String,
    pub cells: Vec<String>,
}

/// Everything about the import that a person should know: what was loaded, and everything
/// that could not be represented faithfully.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub path: String,
    pub format: BookFormat,
    /// The application that saved the file, when it says (docProps/app.xml).
    pub application: Option<String>,
    pub sheets: Vec<String>,
    pub value_cells: usize,
    pub formula_cells: usize,
    pub defined_names: usize,
    /// Built-in names (`_xlnm.Print_Area`...) that were not imported.
    pub builtin_names_skipped: Vec<String>,
    pub rejected: Vec<RejectedFormula>,
    pub unsupported_functions: Vec<UnsupportedFunction>,
    /// Names formulas use that the workbook does not define (they give `#NAME?`).
    pub undefined_names: Vec<String>,
    /// External workbook links: link parts and cells whose formulas use them (`#REF!` here).
    pub external_links: Vec<String>,
    /// The file contains a VBA project (macros are never run).
    pub has_macros: bool,
    /// What-if data tables (`TABLE()`): their cells keep Excel's values, not recomputed.
    pub data_tables: Vec<String>,
    /// Cells whose saved value could not be read (the formula is still imported).
    pub unreadable_values: Vec<String>,
    /// The workbook's tables, `Name (Sheet!A1:D9)`: their structured references
    /// (`Name[Column]`) are rewritten into A1 references.
    pub tables: Vec<String>,
    /// Structured references that could not be rewritten, `Sheet!A1: Name[Col]: why` (the
    /// formula is then refused: its cell holds `#NAME?`).
    pub unresolved_table_references: Vec<String>,
    pub cycles: usize,
    /// Anything else worth knowing (1904 dates, numbers out of range, reader caveats).
    pub notes: Vec<String>,
}

/// An imported workbook: the live [`Workbook`], its formula cells with Excel's saved values,
/// and the report.
#[derive(Debug)]
pub struct ImportedBook {
    pub workbook: Workbook,
    pub formula_cells: Vec<FormulaCell>,
    pub report: ImportReport,
    /// When the file was last saved (`dcterms:modified` of docProps/core.xml), as an Excel
    /// serial date-time in UTC; None when the file does not say.
    pub saved_at: Option<rust_decimal::Decimal>,
    /// The fixed time NOW() and TODAY() see (an Excel serial); None for the computer's clock.
    pub now: Option<rust_decimal::Decimal>,
}

impl ImportedBook {
    /// Is the workbook's clock the time the file was saved? Then TODAY() can be compared with
    /// the values Excel saved.
    pub fn clock_is_saved_time(&self) -> bool {
        self.now.is_some() && self.now == self.saved_at
    }
}

/// Imports a workbook with the default [`Limits`] and the computer's clock.
pub fn import(path: &Path) -> Result<ImportedBook, ImportError> {
    import_with_options(path, &ImportOptions::default())
}

/// Imports a workbook with the given limits and the computer's clock.
pub fn import_with(path: &Path, limits: &Limits) -> Result<ImportedBook, ImportError> {
    import_with_options(
        path,
        &ImportOptions {
            limits: *limits,
            clock: Clock::System,
        },
    )
}

/// Imports a workbook: checks the container, reads it with calamine, builds the workbook in
/// one batch and recalculates it.
pub fn import_with_options(
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportedBook, ImportError> {
    let limits = &options.limits;
    let package = package::inspect(path, limits)?;
    if matches!(package.format, BookFormat::Xlsx | BookFormat::Xlsm) {
        let archive_limits = super::guard::ArchiveLimits {
            max_total_bytes: limits.max_total_uncompressed,
            max_part_bytes: limits.max_part_uncompressed,
            ..super::guard::ArchiveLimits::DEFAULT
        };
        super::guard::check_package(path, &archive_limits)?;
    }
    let label = path.display().to_string();
    // calamine indexes slices of untrusted bytes in places (notably the .xls formula parser):
    // a panic there is a malformed file, not a bug to crash the caller on (nor to print).
    let raw =
        quiet_panic::catch_quietly(|| read_raw(path, &package, limits)).map_err(|panic| {
            ImportError::Corrupt {
                path: label.clone(),
                detail: format!("the spreadsheet reader failed on malformed content ({panic})"),
            }
        })??;
    let saved_at = package.modified.as_deref().and_then(parse_w3c_date_time);
    let now = match options.clock {
        Clock::System => None,
        Clock::Saved => saved_at,
        Clock::Fixed(serial) => Some(serial),
    };
    let mut book = build(raw, &package, &label, now)?;
    book.saved_at = saved_at;
    if options.clock == Clock::Saved && saved_at.is_none() {
        book.report.notes.push(
            "the file does not say when it was saved (docProps/core.xml): NOW() and TODAY() \
             use the computer's clock"
                .to_string(),
        );
    }
    Ok(book)
}

// ------------------------------------------------------------------------------- raw reading

/// A cell as read from the file, before it becomes an edit.
struct RawCell {
    sheet: usize,
    pos: CellPos,
    /// The constant, or the saved value of a formula cell.
    value: Value,
    /// Formula text without `=`.
    formula: Option<String>,
}

/// A defined name as read from the file.
struct RawName {
    name: String,
    scope: Option<usize>,
    formula: String,
}

/// Everything read from the file.
struct RawBook {
    sheets: Vec<String>,
    cells: Vec<RawCell>,
    names: Vec<RawName>,
    builtin_names: Vec<String>,
    data_tables: Vec<String>,
    /// (sheet index, anchor) of array formulas.
    array_formulas: rustc_hash::FxHashSet<(usize, CellPos)>,
    tables: Tables,
    unreadable_values: Vec<String>,
    notes: Vec<String>,
    has_macros: bool,
}

impl RawBook {
    fn new(sheets: Vec<String>) -> RawBook {
        RawBook {
            sheets,
            cells: Vec::new(),
            names: Vec::new(),
            builtin_names: Vec::new(),
            data_tables: Vec::new(),
            array_formulas: rustc_hash::FxHashSet::default(),
            tables: Tables::default(),
            unreadable_values: Vec::new(),
            notes: Vec::new(),
            has_macros: false,
        }
    }

    fn cell_label(&self, sheet: usize, pos: CellPos) -> String {
        let name = self.sheets.get(sheet).map(String::as_str).unwrap_or("?");
        format!("{name}!{pos}")
    }

    /// Adds a cell unless it lies outside Excel's grid (only a hostile file has such cells).
    fn push(
        &mut self,
        sheet: usize,
        (row, col): (u32, u32),
        value: Value,
        formula: Option<String>,
        limits: &Limits,
        label: &str,
    ) -> Result<(), ImportError> {
        if row >= MAX_ROWS || col >= MAX_COLS {
            self.notes.push(format!(
                "a cell at row {}, column {} of sheet '{}' lies outside Excel's grid and was skipped",
                u64::from(row) + 1,
                u64::from(col) + 1,
                self.sheets.get(sheet).map(String::as_str).unwrap_or("?")
            ));
            return Ok(());
        }
        if self.cells.len() >= limits.max_cells {
            return Err(ImportError::TooLarge {
                path: label.to_string(),
                what: format!("it has more than {} cells", limits.max_cells),
                limit: limits.max_cells as u64,
            });
        }
        self.cells.push(RawCell {
            sheet,
            pos: CellPos::new(row, col),
            value,
            formula: formula.filter(|f| !f.trim().is_empty()),
        });
        Ok(())
    }

    fn add_names(&mut self, defined: impl IntoIterator<Item = DefinedName>) {
        for n in defined {
            if names::is_builtin_name(&n.name) {
                self.builtin_names.push(n.name);
                continue;
            }
            self.names.push(RawName {
                name: n.name,
                scope: n.local_sheet,
                formula: n.formula,
            });
        }
    }
}

fn read_raw(path: &Path, package: &Package, limits: &Limits) -> Result<RawBook, ImportError> {
    match package.format {
        BookFormat::Xlsx | BookFormat::Xlsm => read_xlsx(path, package, limits),
        other => read_other(path, other, limits),
    }
}

fn open_file(path: &Path, label: &str) -> Result<BufReader<File>, ImportError> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|source| ImportError::Io {
            path: label.to_string(),
            source,
        })
}

fn corrupt(label: &str, detail: impl std::fmt::Display) -> ImportError {
    ImportError::Corrupt {
        path: label.to_string(),
        detail: detail.to_string(),
    }
}

// ------------------------------------------------------------------------------- xlsx

fn read_xlsx(path: &Path, package: &Package, limits: &Limits) -> Result<RawBook, ImportError> {
    let label = path.display().to_string();
    let workbook_xml = match package.workbook_xml.as_deref() {
        Some(xml) => names::parse_workbook_xml(xml)
            .map_err(|e| corrupt(&label, format!("xl/workbook.xml: {e}")))?,
        None => {
            return Err(corrupt(
                &label,
                "the package has no readable xl/workbook.xml",
            ))
        }
    };
    let mut xlsx: Xlsx<BufReader<File>> =
        Xlsx::new(open_file(path, &label)?).map_err(|e| xlsx_error(&label, e))?;
    let sheet_names = xlsx.sheet_names();
    let mut raw = RawBook::new(sheet_names.clone());
    raw.has_macros = package.has_part("xl/vbaProject.bin");
    raw.add_names(workbook_xml.names.iter().cloned());
    if workbook_xml.date1904 {
        raw.notes.push(DATE_1904_NOTE.to_string());
    }
    let sheet_parts = sheet_parts(package, &workbook_xml);
    let mut archive = package::open_archive(path)?;
    read_tables(
        &mut archive,
        package,
        &sheet_parts,
        &sheet_names,
        &mut raw,
        &label,
    )?;
    let rich_errors = read_rich_errors(&mut archive, package, &label)?;
    for (index, name) in sheet_names.iter().enumerate() {
        let leftovers = read_xlsx_sheet(&mut xlsx, name, index, &mut raw, limits, &label)?;
        let lost = &leftovers.lost;
        let part = sheet_parts.get(name).map(String::as_str);
        let scan = match part {
            Some(part)
                if !lost.is_empty()
                    || !leftovers.orphans.is_empty()
                    || part_mentions(&mut archive, part, b"dataTable")
                    || part_mentions(&mut archive, part, b"t=\"array\"")
                    || (!rich_errors.is_empty()
                        && part_mentions(&mut archive, part, b" vm=\"")) =>
            {
                Some(scan_part(&mut archive, part))
            }
            _ => None,
        };
        if let Some(scan) = &scan {
            adopt_orphans(&mut raw, &leftovers.orphans, scan);
        }
        if !lost.is_empty() {
            recover_lost_cells(
                &mut xlsx,
                name,
                index,
                lost,
                scan.as_ref(),
                &mut raw,
                &label,
            )?;
        }
        if let Some(scan) = scan {
            for range in scan.data_tables {
                raw.data_tables.push(format!("{name}!{range}"));
            }
            raw.array_formulas
                .extend(scan.array_formulas.into_iter().map(|pos| (index, pos)));
            restore_rich_errors(&mut raw, index, &scan.error_metadata, &rich_errors);
        }
    }
    Ok(raw)
}

/// Value-metadata index -> the real error of cells saved with a fallback error (`#CALC!`
/// saved as `#VALUE!`); empty when the workbook has no rich values.
fn read_rich_errors(
    archive: &mut zip::ZipArchive<BufReader<File>>,
    package: &Package,
    label: &str,
) -> Result<FxHashMap<u32, ErrorKind>, ImportError> {
    let mut read = |part: &str| package::read_part(archive, package, part, label);
    let (Some(metadata), Some(values)) = (
        read(rich_errors::METADATA_PART)?,
        read(rich_errors::RICH_VALUES_PART)?,
    ) else {
        return Ok(FxHashMap::default());
    };
    let structures = read(rich_errors::STRUCTURES_PART)?.unwrap_or_default();
    Ok(rich_errors::errors_by_value_metadata(
        &metadata,
        &values,
        &structures,
    ))
}

/// Gives formula cells saved with a fallback error the error their rich value holds.
fn restore_rich_errors(
    raw: &mut RawBook,
    sheet: usize,
    error_metadata: &[(CellPos, u32)],
    rich_errors: &FxHashMap<u32, ErrorKind>,
) {
    let fixes: FxHashMap<CellPos, ErrorKind> = error_metadata
        .iter()
        .filter_map(|(pos, vm)| rich_errors.get(vm).map(|kind| (*pos, *kind)))
        .collect();
    if fixes.is_empty() {
        return;
    }
    for cell in raw.cells.iter_mut().filter(|c| c.sheet == sheet) {
        if let (Some(kind), Some(_), Value::Error(_)) =
            (fixes.get(&cell.pos), &cell.formula, &cell.value)
        {
            cell.value = Value::Error(*kind);
        }
    }
}

const DATE_1904_NOTE: &str = "the workbook uses the 1904 date system: its saved date serials \
    count from 1904 while kachi's date functions count from 1900 (dates differ by 1462 days)";

/// Sheet name -> zip part, through workbook.xml's relationship ids.
fn sheet_parts(package: &Package, workbook_xml: &names::WorkbookXml) -> FxHashMap<String, String> {
    let rels = package
        .workbook_rels
        .as_deref()
        .map(names::parse_relationships)
        .unwrap_or_default();
    workbook_xml
        .sheets
        .iter()
        .filter_map(|s| {
            let id = s.relationship.as_deref()?;
            let target = rels.iter().find(|(rid, _)| rid == id)?.1.clone();
            let stored = package.part_name(&target)?.to_string();
            Some((s.name.clone(), stored))
        })
        .collect()
}

/// The tables of every sheet (`<tablePart>`s, through the sheet's relationships). A table part
/// that cannot be read is a note, not a failure: only formulas using it are affected.
fn read_tables(
    archive: &mut zip::ZipArchive<BufReader<File>>,
    package: &Package,
    sheet_parts: &FxHashMap<String, String>,
    sheet_names: &[String],
    raw: &mut RawBook,
    label: &str,
) -> Result<(), ImportError> {
    for sheet in sheet_names {
        let Some(part) = sheet_parts.get(sheet) else {
            continue;
        };
        let (rels_part, folder) = names::rels_part_of(part);
        let Some(rels) = package::read_part(archive, package, &rels_part, label)? else {
            continue;
        };
        for rel in names::part_relationships(&rels, &folder) {
            if rel.kind != "table" {
                continue;
            }
            let xml = match package::read_part(archive, package, &rel.target, label)? {
                Some(xml) => xml,
                None => {
                    raw.notes.push(format!(
                        "sheet '{sheet}': its table part {} is missing; formulas using that \
                         table hold #NAME?",
                        rel.target
                    ));
                    continue;
                }
            };
            match tables::parse_table_part(&xml, sheet) {
                Ok(table) => {
                    if let Err(dup) = raw.tables.add(table) {
                        raw.notes.push(format!(
                            "{}: a second table named '{}' was ignored",
                            rel.target, dup.name
                        ));
                    }
                }
                Err(e) => raw.notes.push(format!(
                    "table part {} could not be read ({e}); formulas using that table hold \
                     #NAME?",
                    rel.target
                )),
            }
        }
    }
    Ok(())
}

fn part_mentions(
    archive: &mut zip::ZipArchive<BufReader<File>>,
    part: &str,
    needle: &[u8],
) -> bool {
    match archive.by_name(part) {
        Ok(mut entry) => package::contains_bytes(&mut entry, needle).unwrap_or(false),
        Err(_) => false,
    }
}

fn scan_part(archive: &mut zip::ZipArchive<BufReader<File>>, part: &str) -> SheetScan {
    match archive.by_name(part) {
        Ok(entry) => sheet_scan::scan_sheet(BufReader::new(entry)),
        Err(_) => SheetScan::default(),
    }
}

/// Errors calamine reports for one cell's value; the reader has then consumed that cell and
/// can go on with the next.
fn is_cell_level(e: &XlsxError) -> bool {
    matches!(
        e,
        XlsxError::CellError(_)
            | XlsxError::ParseFloat(_)
            | XlsxError::ParseInt(_)
            | XlsxError::Unrecognized { .. }
            | XlsxError::Unexpected(_)
            | XlsxError::CellTAttribute(_)
    )
}

/// What the streaming pass over a sheet could not complete.
#[derive(Default)]
struct SheetLeftovers {
    /// The errors of cells calamine could not read.
    lost: Vec<String>,
    /// Cells of a shared formula whose anchor was not read (it was a lost cell): index in
    /// `raw.cells` and the shared-formula group.
    orphans: Vec<(usize, usize)>,
}

/// Reads one sheet's values and formulas in a single streaming pass (sparse: a hostile sheet
/// with cells at A1 and XFD1048576 costs two cells, not a dense grid), expanding shared
/// formulas. Returns what could not be read (nothing when all went well).
fn read_xlsx_sheet(
    xlsx: &mut Xlsx<BufReader<File>>,
    name: &str,
    index: usize,
    raw: &mut RawBook,
    limits: &Limits,
    label: &str,
) -> Result<SheetLeftovers, ImportError> {
    let sheet_error = |detail: String| ImportError::Sheet {
        path: label.to_string(),
        sheet: name.to_string(),
        detail,
    };
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(r) => r,
        // Chart sheets and dialog sheets have no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(SheetLeftovers::default()),
        Err(e) => return Err(sheet_error(format!("cannot read the sheet: {e}"))),
    };
    let mut lost = Vec::new();
    let mut shared = SharedFormulas::default();
    // Cells of a shared formula read before its anchor: (index in raw.cells, group).
    let mut waiting: Vec<(usize, usize)> = Vec::new();
    loop {
        match reader.next_cell_with_formula_metadata() {
            Ok(Some(cell)) => {
                let value = value_from_ref(&cell.value);
                let pos = CellPos::new(cell.pos.0, cell.pos.1);
                let (formula, group) = match cell.formula {
                    Some(f) => formula_text(f, pos, &mut shared),
                    None => (None, None),
                };
                let orphan = group.filter(|_| formula.is_none());
                if value.is_empty() && formula.is_none() && orphan.is_none() {
                    continue;
                }
                let constant = formula.is_none() && group.is_none();
                if let (true, DataRef::Float(f), Value::Error(ErrorKind::Num)) =
                    (constant, &cell.value, &value)
                {
                    raw.notes.push(format!(
                        "{name}!{}: the number {f:e} is outside kachi's decimal range (about \
                         ±7.9e28); it holds #NUM!",
                        CellPos::new(cell.pos.0, cell.pos.1)
                    ));
                }
                let at = raw.cells.len();
                raw.push(index, cell.pos, value, formula, limits, label)?;
                if let (Some(group), true) = (orphan, raw.cells.len() > at) {
                    waiting.push((at, group));
                }
            }
            Ok(None) => break,
            Err(e) if is_cell_level(&e) && lost.len() < limits.max_cells => {
                lost.push(e.to_string())
            }
            Err(e) => return Err(sheet_error(format!("corrupt sheet data: {e}"))),
        }
    }
    let mut orphans = Vec::new();
    for (at, group) in waiting {
        if let Some(cell) = raw.cells.get_mut(at) {
            cell.formula = shared.formula_at(group, cell.pos);
            if cell.formula.is_none() {
                orphans.push((at, group));
            }
        }
    }
    Ok(SheetLeftovers { lost, orphans })
}

/// The formula text of a cell record (None for a shared formula whose anchor has not been
/// read yet) and its shared-formula group, recording the anchors of groups.
fn formula_text(
    formula: XlsxFormulaMetadata,
    pos: CellPos,
    shared: &mut SharedFormulas,
) -> (Option<String>, Option<usize>) {
    match formula {
        XlsxFormulaMetadata::Normal { formula } => (Some(formula), None),
        XlsxFormulaMetadata::Shared {
            shared_index,
            formula,
            ..
        } => {
            shared.add_anchor(shared_index, pos, &formula);
            (Some(formula), Some(shared_index))
        }
        XlsxFormulaMetadata::SharedDerived { shared_index } => {
            (shared.formula_at(shared_index, pos), Some(shared_index))
        }
        _ => (None, None),
    }
}

/// Cells of shared formulas whose anchor calamine could not read get their formula from the
/// anchors the sheet scan found.
fn adopt_orphans(raw: &mut RawBook, orphans: &[(usize, usize)], scan: &SheetScan) {
    if orphans.is_empty() {
        return;
    }
    let mut shared = SharedFormulas::default();
    for anchor in &scan.shared_anchors {
        shared.add_anchor(anchor.group, anchor.pos, &anchor.formula);
    }
    for &(at, group) in orphans {
        if let Some(cell) = raw.cells.get_mut(at) {
            cell.formula = shared.formula_at(group, cell.pos);
        }
    }
}

/// calamine failed some cells of a sheet (e.g. a saved `#SPILL!`, which it cannot parse), and
/// with them their formulas. A formula-only pass gets every formula back, and the scan of the
/// sheet XML gets the saved errors back.
fn recover_lost_cells(
    xlsx: &mut Xlsx<BufReader<File>>,
    name: &str,
    index: usize,
    lost: &[String],
    scan: Option<&SheetScan>,
    raw: &mut RawBook,
    label: &str,
) -> Result<(), ImportError> {
    let formulas = read_formulas_only(xlsx, name, label)?;
    let mut by_pos: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for (i, c) in raw.cells.iter().enumerate() {
        if c.sheet == index {
            by_pos.insert((c.pos.row, c.pos.col), i);
        }
    }
    let errors: FxHashMap<(u32, u32), &str> = scan
        .map(|s| {
            s.error_cells
                .iter()
                .map(|e| ((e.pos.row, e.pos.col), e.text.as_str()))
                .collect()
        })
        .unwrap_or_default();
    // Formulas: the formula-only pass has every formula, the lost cells' included; the first
    // pass's expansion of shared formulas wins where it has one.
    for ((row, col), formula) in formulas {
        if row >= MAX_ROWS || col >= MAX_COLS {
            continue;
        }
        match by_pos.get(&(row, col)) {
            Some(&i) => {
                if let Some(cell) = raw.cells.get_mut(i).filter(|c| c.formula.is_none()) {
                    cell.formula = Some(formula);
                }
            }
            None => {
                let value = recovered_value(errors.get(&(row, col)).copied());
                if value.is_none() {
                    let cell_label = raw.cell_label(index, CellPos::new(row, col));
                    raw.unreadable_values.push(cell_label);
                }
                by_pos.insert((row, col), raw.cells.len());
                raw.cells.push(RawCell {
                    sheet: index,
                    pos: CellPos::new(row, col),
                    value: value.unwrap_or(Value::Empty),
                    formula: Some(formula),
                });
            }
        }
    }
    // Constants that were lost: only error constants can be recovered from the scan.
    for (&(row, col), text) in &errors {
        if by_pos.contains_key(&(row, col)) || row >= MAX_ROWS || col >= MAX_COLS {
            continue;
        }
        match ErrorKind::parse(text) {
            Some(kind) => raw.cells.push(RawCell {
                sheet: index,
                pos: CellPos::new(row, col),
                value: Value::Error(kind),
                formula: None,
            }),
            None => {
                let cell_label = raw.cell_label(index, CellPos::new(row, col));
                raw.unreadable_values.push(format!("{cell_label} ({text})"));
            }
        }
    }
    let unexplained = lost.len().saturating_sub(errors.len());
    if unexplained > 0 {
        raw.notes.push(format!(
            "sheet '{name}': {unexplained} cell value(s) could not be read (first: {})",
            lost.first().map(String::as_str).unwrap_or("")
        ));
    }
    Ok(())
}

/// The saved value of a formula cell calamine could not read: an error kachi knows, else none.
fn recovered_value(error_text: Option<&str>) -> Option<Value> {
    error_text.and_then(ErrorKind::parse).map(Value::Error)
}

/// A formula text at a (row, col) position.
type PlacedFormula = ((u32, u32), String);

/// Every formula of a sheet (streaming, shared formulas expanded).
fn read_formulas_only(
    xlsx: &mut Xlsx<BufReader<File>>,
    name: &str,
    label: &str,
) -> Result<Vec<PlacedFormula>, ImportError> {
    let sheet_error = |detail: String| ImportError::Sheet {
        path: label.to_string(),
        sheet: name.to_string(),
        detail,
    };
    let mut reader = xlsx
        .worksheet_cells_reader(name)
        .map_err(|e| sheet_error(format!("cannot read the sheet: {e}")))?;
    let mut out = Vec::new();
    while let Some(cell) = reader
        .next_formula()
        .map_err(|e| sheet_error(format!("corrupt sheet data: {e}")))?
    {
        if !cell.get_value().is_empty() {
            out.push((cell.get_position(), cell.get_value().clone()));
        }
    }
    Ok(out)
}

fn xlsx_error(label: &str, e: XlsxError) -> ImportError {
    match e {
        XlsxError::Password => ImportError::Encrypted {
            path: label.to_string(),
        },
        XlsxError::Io(source) => ImportError::Io {
            path: label.to_string(),
            source,
        },
        other => corrupt(label, other),
    }
}

// ------------------------------------------------------------------------------- xls, xlsb, ods

/// The other formats through calamine's generic reader. Their sheets are read as dense ranges
/// (bounded by the format: 65,536 x 256 cells for .xls).
fn read_other(path: &Path, format: BookFormat, limits: &Limits) -> Result<RawBook, ImportError> {
    let label = path.display().to_string();
    let file = open_file(path, &label)?;
    let mut sheets = open_sheets(file, format, &label)?;
    let sheet_names = sheets.sheet_names();
    let mut raw = RawBook::new(sheet_names.clone());
    let defined: Vec<DefinedName> = sheets
        .defined_names()
        .iter()
        .map(|(name, formula)| DefinedName {
            name: name.clone(),
            local_sheet: None,
            formula: match format {
                BookFormat::Ods => ods_formula::name_to_excel(formula),
                _ => formula.clone(),
            },
        })
        .collect();
    raw.add_names(defined);
    raw.has_macros = matches!(sheets.vba_project(), Ok(Some(_)));
    if !raw.names.is_empty() && format != BookFormat::Xlsb {
        raw.notes.push(format!(
            "{format:?}: the reader does not give defined names' sheet scopes; all were imported \
             as workbook-wide names"
        ));
    }
    if format == BookFormat::Xls {
        raw.notes.push(
            "xls: the reader does not expand shared and array formulas (BIFF PtgExp); cells \
             using them hold their saved values instead of formulas"
                .to_string(),
        );
    }
    for (index, name) in sheet_names.iter().enumerate() {
        read_other_sheet(&mut sheets, format, name, index, &mut raw, limits, &label)?;
    }
    Ok(raw)
}

fn open_sheets(
    file: BufReader<File>,
    format: BookFormat,
    label: &str,
) -> Result<calamine::Sheets<BufReader<File>>, ImportError> {
    let result =
        match format {
            BookFormat::Xls => calamine::Xls::new(file)
                .map(calamine::Sheets::Xls)
                .map_err(|e| match e {
                    calamine::XlsError::Password => ImportError::Encrypted {
                        path: label.to_string(),
                    },
                    calamine::XlsError::Cfb(_) => ImportError::NotASpreadsheet {
                        path: label.to_string(),
                        reason: format!("an OLE compound file that is not an Excel workbook ({e})"),
                    },
                    other => corrupt(label, other),
                }),
            BookFormat::Xlsb => calamine::Xlsb::new(file)
                .map(calamine::Sheets::Xlsb)
                .map_err(|e| match e {
                    calamine::XlsbError::Password => ImportError::Encrypted {
                        path: label.to_string(),
                    },
                    other => corrupt(label, other),
                }),
            _ => calamine::Ods::new(file)
                .map(calamine::Sheets::Ods)
                .map_err(|e| match e {
                    calamine::OdsError::Password => ImportError::Encrypted {
                        path: label.to_string(),
                    },
                    other => corrupt(label, other),
                }),
        };
    result
}

fn convert_formula(format: BookFormat, formula: &str) -> String {
    match format {
        BookFormat::Ods => ods_formula::to_excel(formula),
        _ => formula.to_string(),
    }
}

fn read_other_sheet<RS: Read + Seek>(
    sheets: &mut calamine::Sheets<RS>,
    format: BookFormat,
    name: &str,
    index: usize,
    raw: &mut RawBook,
    limits: &Limits,
    label: &str,
) -> Result<(), ImportError> {
    let sheet_error = |detail: String| ImportError::Sheet {
        path: label.to_string(),
        sheet: name.to_string(),
        detail,
    };
    let values = sheets
        .worksheet_range(name)
        .map_err(|e| sheet_error(format!("cannot read the values: {e}")))?;
    let formulas = sheets
        .worksheet_formula(name)
        .map_err(|e| sheet_error(format!("cannot read the formulas: {e}")))?;
    let mut seen: FxHashMap<(u32, u32), ()> = FxHashMap::default();
    for (row, col, formula) in formulas.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(row), u32::try_from(col)) else {
            continue;
        };
        let start = formulas.start().unwrap_or((0, 0));
        let pos = (start.0.saturating_add(r), start.1.saturating_add(c));
        let value = values
            .get_value(pos)
            .map(value_from_data)
            .unwrap_or(Value::Empty);
        seen.insert(pos, ());
        let text = convert_formula(format, formula);
        raw.push(index, pos, value, Some(text), limits, label)?;
    }
    for (row, col, data) in values.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(row), u32::try_from(col)) else {
            continue;
        };
        let start = values.start().unwrap_or((0, 0));
        let pos = (start.0.saturating_add(r), start.1.saturating_add(c));
        if seen.contains_key(&pos) {
            continue;
        }
        raw.push(index, pos, value_from_data(data), None, limits, label)?;
    }
    Ok(())
}

// ------------------------------------------------------------------------------- values

/// A value from calamine's streaming reader. Dates stay Excel serial numbers.
fn value_from_ref(d: &DataRef) -> Value {
    match d {
        DataRef::Empty => Value::Empty,
        DataRef::Int(i) => Value::from(*i),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => Value::text(s),
        DataRef::SharedString(s) => Value::text(s),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => number(dt.as_f64()),
        DataRef::DateTimeIso(s) => iso_date_time(s),
        DataRef::DurationIso(s) => iso_duration(s),
        DataRef::Error(e) => Value::Error(error_kind(e)),
    }
}

fn value_from_data(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::Int(i) => Value::from(*i),
        Data::Float(f) => number(*f),
        Data::String(s) => Value::text(s),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => number(dt.as_f64()),
        Data::DateTimeIso(s) => iso_date_time(s),
        Data::DurationIso(s) => iso_duration(s),
        Data::Error(e) => Value::Error(error_kind(e)),
    }
}

/// A saved double as the decimal it denotes at its shortest round-trip form (0.1 stays 0.1);
/// numbers outside the decimal range (about ±7.9e28) become `#NUM!`.
fn number(f: f64) -> Value {
    // Whole numbers (most cells) need no shortest-form formatting.
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        return Value::Number(rust_decimal::Decimal::from(f as i64));
    }
    decimal_from_f64(f)
        .map(Value::Number)
        .unwrap_or(Value::Error(ErrorKind::Num))
}

fn error_kind(e: &CellErrorType) -> ErrorKind {
    match e {
        CellErrorType::Div0 => ErrorKind::Div0,
        CellErrorType::NA => ErrorKind::NA,
        CellErrorType::Name => ErrorKind::Name,
        CellErrorType::Null => ErrorKind::Null,
        CellErrorType::Num => ErrorKind::Num,
        CellErrorType::Ref => ErrorKind::Ref,
        CellErrorType::Value => ErrorKind::Value,
        CellErrorType::GettingData => ErrorKind::GettingData,
    }
}

/// `2024-01-31T12:00:00` (ODS dates, `t="d"` cells) as a serial number; other text stays text.
fn iso_date_time(s: &str) -> Value {
    crate::datetime::parse_date_time_text(s)
        .map(Value::Number)
        .unwrap_or_else(|| Value::text(s))
}

/// `PT36H30M15S` (ODS times and durations) as a fraction of days; other text stays text.
fn iso_duration(s: &str) -> Value {
    parse_iso_duration(s)
        .map(Value::Number)
        .unwrap_or_else(|| Value::text(s))
}

fn parse_iso_duration(s: &str) -> Option<rust_decimal::Decimal> {
    use rust_decimal::Decimal;
    let (negative, body) = match s.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.trim()),
    };
    let body = body.strip_prefix('P')?;
    let (days_part, time_part) = body.split_once('T').unwrap_or((body, ""));
    let mut seconds = Decimal::ZERO;
    let mut add = |text: &str, units: &[(char, i64)]| -> Option<()> {
        let mut number = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let factor = units.iter().find(|(u, _)| *u == c)?.1;
            let n: Decimal = number.parse().ok()?;
            seconds = seconds.checked_add(n.checked_mul(Decimal::from(factor))?)?;
            number.clear();
        }
        number.is_empty().then_some(())
    };
    add(days_part, &[('D', 86_400), ('W', 604_800)])?;
    add(time_part, &[('H', 3_600), ('M', 60), ('S', 1)])?;
    let days = seconds.checked_div(Decimal::from(86_400))?.normalize();
    Some(if negative { -days } else { days })
}

// ------------------------------------------------------------------------------- building

/// What one edit of the import batch stands for, to report it if the engine refuses it.
enum Origin {
    Value,
    Formula { formula_index: usize },
    Name { text: String },
}

fn build(
    raw: RawBook,
    package: &Package,
    label: &str,
    now: Option<rust_decimal::Decimal>,
) -> Result<ImportedBook, ImportError> {
    let mut workbook = Workbook::new();
    workbook.set_clock(now);
    // Ordinary formulas from a file follow Excel's legacy rules (implicit intersection);
    // array formulas are marked `{=...}` below.
    workbook.set_legacy_formulas(true);
    for name in &raw.sheets {
        workbook.add_sheet(name).map_err(|e| ImportError::Engine {
            path: label.to_string(),
            detail: format!("sheet '{name}': {e}"),
        })?;
    }
    let mut report = new_report(&raw, package, label);
    let mut edits = Vec::with_capacity(raw.cells.len() + raw.names.len());
    let mut origins = Vec::with_capacity(edits.capacity());
    // Names first: a formula binds to the name it sees when it is compiled, and a sheet's own
    // name must exist by then to win over a workbook-wide name of the same name.
    for name in raw.names {
        let sheet = match name.scope {
            Some(i) => match raw.sheets.get(i) {
                Some(s) => Some(s.clone()),
                None => {
                    report.notes.push(format!(
                        "defined name '{}' is scoped to sheet #{i}, which does not exist; \
                         imported as a workbook-wide name",
                        name.name
                    ));
                    None
                }
            },
            None => None,
        };
        let site = Site {
            sheet: sheet.as_deref(),
            cell: None,
        };
        let label = match &sheet {
            Some(s) => format!("{s}!{}", name.name),
            None => name.name.clone(),
        };
        let formula = engine_formula(&name.formula, &raw.tables, site, &label, &mut report);
        origins.push(Origin::Name {
            text: name.formula.clone(),
        });
        edits.push(Edit::SetFormula {
            target: CellRef::Name {
                name: name.name,
                sheet,
            },
            formula,
        });
    }
    let mut formula_cells = Vec::new();
    for cell in raw.cells {
        let sheet = raw.sheets.get(cell.sheet).cloned().unwrap_or_default();
        let target = CellRef::Grid {
            sheet: sheet.clone(),
            pos: cell.pos,
        };
        match cell.formula {
            Some(formula) => {
                origins.push(Origin::Formula {
                    formula_index: formula_cells.len(),
                });
                let site = Site {
                    sheet: Some(&sheet),
                    cell: Some(cell.pos),
                };
                let label = format!("{sheet}!{}", cell.pos);
                let engine_text = engine_formula(&formula, &raw.tables, site, &label, &mut report);
                let text = if raw.array_formulas.contains(&(cell.sheet, cell.pos)) {
                    format!("{{={engine_text}}}")
                } else {
                    engine_text
                };
                edits.push(Edit::SetFormula {
                    target,
                    formula: text,
                });
                formula_cells.push(FormulaCell {
                    sheet,
                    pos: cell.pos,
                    formula: format!("={formula}"),
                    cached: (!cell.value.is_empty()).then_some(cell.value),
                    id: None,
                    rejected: false,
                });
            }
            None => {
                report.value_cells += 1;
                origins.push(Origin::Value);
                edits.push(Edit::SetValue {
                    target,
                    value: cell.value,
                });
            }
        }
    }
    apply_tolerantly(
        &mut workbook,
        edits,
        &origins,
        &mut formula_cells,
        &mut report,
        label,
    )?;
    finish_report(&mut workbook, &mut formula_cells, &mut report, package);
    Ok(ImportedBook {
        workbook,
        formula_cells,
        report,
        saved_at: None,
        now,
    })
}

/// The formula text the engine gets: structured references rewritten into A1 references.
/// One that cannot be rewritten is reported and the text is left as it is (the parser then
/// refuses it and the cell holds `#NAME?`).
fn engine_formula(
    formula: &str,
    tables: &Tables,
    site: Site<'_>,
    label: &str,
    report: &mut ImportReport,
) -> String {
    if tables.is_empty() && !formula.contains('[') {
        return formula.to_string();
    }
    match tables::rewrite(formula, tables, site) {
        Ok(Some(text)) => text,
        Ok(None) => formula.to_string(),
        Err(unresolved) => {
            report.unresolved_table_references.push(format!(
                "{label}: {}: {}",
                unresolved.text, unresolved.reason
            ));
            formula.to_string()
        }
    }
}

fn new_report(raw: &RawBook, package: &Package, label: &str) -> ImportReport {
    ImportReport {
        path: label.to_string(),
        format: package.format,
        application: package.application.clone(),
        sheets: raw.sheets.clone(),
        value_cells: 0,
        formula_cells: 0,
        defined_names: raw.names.len(),
        builtin_names_skipped: raw.builtin_names.clone(),
        rejected: Vec::new(),
        unsupported_functions: Vec::new(),
        undefined_names: Vec::new(),
        external_links: Vec::new(),
        has_macros: raw.has_macros,
        data_tables: raw.data_tables.clone(),
        unreadable_values: raw.unreadable_values.clone(),
        tables: raw.tables.iter().map(|t| t.describe()).collect(),
        unresolved_table_references: Vec::new(),
        cycles: 0,
        notes: raw.notes.clone(),
    }
}

/// Applies the whole import as one batch. The engine refuses a batch with any bad formula, so
/// the refused edits are replaced (cells get `#NAME?`, names an error value, names the engine
/// cannot hold are left out) and reported, and the batch is applied again. When nothing is
/// wrong, each formula is parsed once.
fn apply_tolerantly(
    workbook: &mut Workbook,
    mut edits: Vec<Edit>,
    origins: &[Origin],
    formula_cells: &mut [FormulaCell],
    report: &mut ImportReport,
    label: &str,
) -> Result<(), ImportError> {
    const ATTEMPTS: usize = 4;
    let mut dropped = vec![false; edits.len()];
    let mut last_error = String::new();
    for _ in 0..ATTEMPTS {
        let batch: Vec<Edit> = edits
            .iter()
            .zip(&dropped)
            .filter(|(_, d)| !**d)
            .map(|(e, _)| e.clone())
            .collect();
        let problems = match workbook.apply(batch) {
            Ok(_) => return Ok(()),
            Err(e) => e,
        };
        last_error = problems.to_string();
        let by_target: FxHashMap<String, usize> = edits
            .iter()
            .enumerate()
            .filter(|(i, _)| !dropped.get(*i).copied().unwrap_or(true))
            .filter_map(|(i, e)| edit_target(e).map(|t| (target_key(t), i)))
            .collect();
        let mut fixed_any = false;
        let refused: Vec<(usize, &EditError)> = problems
            .problems()
            .into_iter()
            .flat_map(|p| {
                refused_edits(p, &by_target, &edits, &dropped)
                    .into_iter()
                    .map(move |i| (i, p))
            })
            .collect();
        for (index, problem) in refused {
            let (Some(edit), Some(origin)) = (edits.get_mut(index), origins.get(index)) else {
                continue;
            };
            let Some((rejected, drop)) = replace_refused(edit, origin, problem, formula_cells)
            else {
                continue;
            };
            report.rejected.push(rejected);
            if drop {
                if let Some(d) = dropped.get_mut(index) {
                    *d = true;
                }
            }
            fixed_any = true;
        }
        if !fixed_any {
            break;
        }
    }
    Err(ImportError::Engine {
        path: label.to_string(),
        detail: last_error,
    })
}

/// How an engine problem names its target: a cell or name as `CellRef` displays it, and for
/// an invalid name, the bare name.
fn target_key(target: &CellRef) -> String {
    target.to_string()
}

/// The edits an engine problem is about: by target, or for a name the engine cannot hold, every
/// definition of that name (the problem does not say which sheet scope).
fn refused_edits(
    problem: &EditError,
    by_target: &FxHashMap<String, usize>,
    edits: &[Edit],
    dropped: &[bool],
) -> Vec<usize> {
    if let EditError::InvalidName { name } = problem {
        return edits
            .iter()
            .enumerate()
            .filter(|(i, _)| !dropped.get(*i).copied().unwrap_or(true))
            .filter(
                |(_, e)| matches!(edit_target(e), Some(CellRef::Name { name: n, .. }) if n == name),
            )
            .map(|(i, _)| i)
            .collect();
    }
    problem_target(problem)
        .and_then(|t| by_target.get(&t).copied())
        .into_iter()
        .collect()
}

fn edit_target(edit: &Edit) -> Option<&CellRef> {
    match edit {
        Edit::SetValue { target, .. }
        | Edit::SetFormula { target, .. }
        | Edit::Clear { target } => Some(target),
        Edit::Rename { .. } => None,
    }
}

/// The target (as `CellRef` displays it) an engine problem is about.
fn problem_target(problem: &EditError) -> Option<String> {
    match problem {
        EditError::Parse { target, .. } | EditError::Compile { target, .. } => Some(target.clone()),
        EditError::BadTarget { target } => Some(target.clone()),
        _ => None,
    }
}

/// Turns a refused edit into a harmless value edit; returns what to report and whether the
/// edit must be left out of the batch instead.
fn replace_refused(
    edit: &mut Edit,
    origin: &Origin,
    problem: &EditError,
    formula_cells: &mut [FormulaCell],
) -> Option<(RejectedFormula, bool)> {
    let message = match problem {
        EditError::Parse { error, .. } => error.message.clone(),
        other => other.to_string(),
    };
    let target = edit_target(edit)?.clone();
    match origin {
        Origin::Formula { formula_index } => {
            let cell = formula_cells.get_mut(*formula_index)?;
            cell.rejected = true;
            *edit = Edit::SetValue {
                target,
                value: Value::Error(ErrorKind::Name),
            };
            let rejected = RejectedFormula {
                target: cell.label(),
                formula: cell.formula.clone(),
                message,
            };
            Some((rejected, false))
        }
        Origin::Name { text } => {
            let rejected = RejectedFormula {
                target: plain_name_label(&target),
                formula: format!("={text}"),
                message,
            };
            // A name the engine cannot hold at all is left out.
            if matches!(problem, EditError::InvalidName { .. }) {
                return Some((rejected, true));
            }
            // A definition pointing at a deleted range is #REF! in Excel.
            let kind = if text.contains("#REF!") {
                ErrorKind::Ref
            } else {
                ErrorKind::Name
            };
            *edit = Edit::SetValue {
                target,
                value: Value::Error(kind),
            };
            Some((rejected, false))
        }
        Origin::Value => None,
    }
}

fn plain_name_label(target: &CellRef) -> String {
    match target {
        CellRef::Name {
            name,
            sheet: Some(s),
        } => format!("{s}!{name}"),
        CellRef::Name { name, sheet: None } => name.clone(),
        CellRef::Grid { sheet, pos } => format!("{sheet}!{pos}"),
    }
}

/// `Sheet!A1` (unquoted) or a name, for a cell id.
pub(crate) fn plain_label(workbook: &Workbook, id: CellId) -> String {
    workbook
        .cell_ref(id)
        .map(|r| plain_name_label(&r))
        .unwrap_or_default()
}

fn finish_report(
    workbook: &mut Workbook,
    formula_cells: &mut [FormulaCell],
    report: &mut ImportReport,
    package: &Package,
) {
    let sheet_ids: Vec<Option<crate::functions::SheetId>> =
        report.sheets.iter().map(|s| workbook.sheet_id(s)).collect();
    let mut last: Option<(String, Option<crate::functions::SheetId>)> = None;
    for cell in formula_cells.iter_mut() {
        // Formula cells come sheet by sheet: resolve each sheet name once.
        let sheet = match &last {
            Some((name, id)) if *name == cell.sheet => *id,
            _ => {
                let id = report
                    .sheets
                    .iter()
                    .position(|s| *s == cell.sheet)
                    .and_then(|i| sheet_ids.get(i).copied().flatten());
                last = Some((cell.sheet.clone(), id));
                id
            }
        };
        cell.id = sheet.and_then(|s| workbook.ensure_cell(s, cell.pos.row, cell.pos.col));
    }
    let workbook = &*workbook;
    report.formula_cells = formula_cells.len();
    report.unsupported_functions = workbook
        .unsupported_functions()
        .into_iter()
        .map(|(name, cells)| UnsupportedFunction {
            name,
            cells: cells.iter().map(|id| plain_label(workbook, *id)).collect(),
        })
        .collect();
    report.undefined_names = workbook.undefined_names();
    report.cycles = workbook.cycles().len();
    report.external_links = external_links(package, formula_cells);
}

/// Link parts (`xl/externalLinks/externalLink1.xml`) and the cells whose formulas mention an
/// external workbook (`[1]Sheet1!A1`).
fn external_links(package: &Package, formula_cells: &[FormulaCell]) -> Vec<String> {
    let mut out: Vec<String> = package
        .parts_under("xl/externalLinks/")
        .into_iter()
        .filter(|p| p.to_ascii_lowercase().ends_with(".xml"))
        .map(|p| format!("link part {p}"))
        .collect();
    out.extend(
        formula_cells
            .iter()
            .filter(|c| mentions_external_workbook(&c.formula))
            .map(|c| c.label()),
    );
    out
}

/// Does a formula mention another workbook (`[1]Sheet!A1`, `'[2]My sheet'!A1`, `[1]!Name`)?
/// A bracketed number not preceded by a name character (that would be a table reference).
pub fn mentions_external_workbook(formula: &str) -> bool {
    let mut in_string = false;
    let mut previous = ' ';
    let mut chars = formula.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            in_string = !in_string;
        } else if !in_string
            && c == '['
            && !(previous.is_alphanumeric() || previous == '_' || previous == '.')
        {
            let mut digits = 0;
            while chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                chars.next();
                digits += 1;
            }
            if digits > 0 && chars.peek() == Some(&']') {
                return true;
            }
        }
        previous = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_external_references() {
        assert!(mentions_external_workbook("[1]Sheet1!A1*2"));
        assert!(mentions_external_workbook("SUM('[2]My sheet'!A1:A3)"));
        assert!(!mentions_external_workbook("Table1[Col]"));
        assert!(!mentions_external_workbook("\"[1]\"&A1"));
        assert!(!mentions_external_workbook("A1+1"));
    }

    #[test]
    fn reads_iso_durations_as_days() {
        let d = |s: &str| parse_iso_duration(s).map(|d| d.to_string());
        assert_eq!(d("PT12H").as_deref(), Some("0.5"));
        assert_eq!(d("P1DT6H").as_deref(), Some("1.25"));
        assert_eq!(d("PT1H30M").as_deref(), Some("0.0625"));
        assert_eq!(d("nonsense"), None);
    }

    #[test]
    fn numbers_keep_their_shortest_decimal_form() {
        assert_eq!(number(0.1), Value::Number(rust_decimal::Decimal::new(1, 1)));
        assert_eq!(number(f64::NAN), Value::Error(ErrorKind::Num));
        assert_eq!(number(1e300), Value::Error(ErrorKind::Num));
    }
}
