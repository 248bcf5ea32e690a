//! Database functions (DSUM, DCOUNT, DGET...): a criteria table over a list with headers.

use super::FunctionDef;

pub const FUNCTIONS: &[FunctionDef] = &[];
