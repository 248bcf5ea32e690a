//! The Excel boundary: nothing else in the crate imports calamine or rust_xlsxwriter.

pub mod export;
pub mod read_model;
pub mod tornado;

pub use export::{export_model, export_workbook, ExportError, ExportSummary};
pub use read_model::{read_model, ReadModelError};
