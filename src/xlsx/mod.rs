//! The Excel boundary: nothing else in the crate imports calamine or rust_xlsxwriter.
//!
//! - [`import`] reads a workbook (.xlsx/.xlsm, and .xls/.xlsb/.ods where calamine reads them)
//!   into a live [`crate::Workbook`], keeping Excel's saved values aside and reporting
//!   everything it could not represent; [`check`] compares kachi's values with Excel's.
//! - [`export`] writes value models to .xlsx; [`read_model`] reads them back.
//!
//! Every path that reads an xlsx file calls [`guard`] before calamine opens it.

pub mod check;
pub mod export;
pub mod guard;
pub mod import;
mod names;
mod ods_formula;
mod package;
pub mod read_model;
mod sheet_scan;
pub mod tornado;

pub use check::{check, Agreement, CheckReport, Mismatch, NotCompared};
pub use export::{export_model, export_workbook, ExportError, ExportSummary};
pub use guard::{ArchiveLimits, GuardError};
pub use import::{
    import, import_with, BookFormat, FormulaCell, ImportError, ImportReport, ImportedBook, Limits,
    RejectedFormula, UnsupportedFunction,
};
pub use read_model::{read_model, ReadModelError};
