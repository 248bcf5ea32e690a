//! The Excel boundary: nothing else in the crate imports calamine or rust_xlsxwriter.
//!
//! - [`import`] reads a workbook (.xlsx/.xlsm, and .xls/.xlsb/.ods where calamine reads them)
//!   into a live [`crate::Workbook`], keeping Excel's saved values aside and reporting
//!   everything it could not represent; [`check`] compares kachi's values with Excel's.
//! - [`export`] writes value models to .xlsx; [`read_model`] reads them back.
//!
//! Every path that reads an xlsx file calls [`guard`] before calamine opens it.

pub mod check;
mod clock;
pub mod export;
mod formula_text;
pub mod guard;
pub mod import;
mod names;
mod ods_formula;
mod package;
mod quiet_panic;
pub mod read_model;
mod rich_errors;
mod shared_formulas;
mod sheet_scan;
mod tables;
pub mod tornado;

pub use check::{check, Agreement, CheckReport, Mismatch, NotCompared};
pub use clock::{format_date_time, parse_w3c_date_time, Clock};
pub use export::{export_model, export_workbook, ExportError, ExportSummary};
pub use guard::{ArchiveLimits, GuardError};
pub use import::{
    import, import_with, import_with_options, BookFormat, FormulaCell, ImportError, ImportOptions,
    ImportReport, ImportedBook, Limits, RejectedFormula, UnsupportedFunction,
};
pub use read_model::{read_model, ReadModelError};
