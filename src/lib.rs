#![doc = include_str!("../README.md")]

pub mod analysis;
pub mod datetime;
pub mod engine;
pub mod formula;
pub mod functions;
pub mod model;
pub mod numeric;
pub mod value;
pub mod xlsx;

pub use engine::{CellId, CellRef, Cycle, Edit, EditError, Recalc, Workbook};
pub use model::{CellInput, Model, ModelCell, ModelError, Scenario};
pub use value::{ErrorKind, Value};
