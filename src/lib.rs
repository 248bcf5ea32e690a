//! kachi (価値, "value"): a spreadsheet-style reactive calculation engine.
//!
//! Named cells and grid cells hold values and Excel formulas; a dependency graph recomputes
//! only what an edit affects; numbers are exact decimals. See ARCHITECTURE.md for the map.

pub mod datetime;
pub mod engine;
pub mod formula;
pub mod functions;
pub mod model;
pub mod numeric;
pub mod value;

pub use engine::{CellId, CellRef, Cycle, Edit, EditError, Recalc, Workbook};
pub use model::{CellInput, Model, ModelCell, ModelError, Scenario};
pub use value::{ErrorKind, Value};
