//! The Excel boundary: nothing else in the crate imports calamine or rust_xlsxwriter.
//!
//! Every path that reads an xlsx file calls [`guard::check`] before calamine opens it.

pub mod export;
pub mod guard;
pub mod read_model;

pub use export::{export_model, export_workbook, ExportError, ExportSummary};
pub use guard::{GuardError, Limits};
pub use read_model::{read_model, ReadModelError};
