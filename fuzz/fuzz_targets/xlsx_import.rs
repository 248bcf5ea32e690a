//! Arbitrary bytes as an .xlsx file, read through kachi's two xlsx reading paths (the zip guard,
//! then calamine): the workbook importer and the value-model reader. Each must give a result or
//! a clear error; what it gives must be usable.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;


/// Uses what was read, as a caller would.
trait Exercise {
    fn exercise(self);
}

impl Exercise for kachi::Model {
    fn exercise(mut self) {
        let _ = self.scenario_table();
        let _ = self.owners();
        let _ = self.check_results();
        let json = self.to_json_string();
        if let Err(e) = kachi::Model::from_json_str(&json, "reloaded.json") {
            panic!("a model read from xlsx must reload from its own JSON: {e}\n{json}");
        }
    }
}

impl Exercise for kachi::xlsx::ImportedBook {
    fn exercise(mut self) {
        let _ = format!("{:?}", self.report);
        // Edit the first formula cell's first precedent, as `kachi eval --set` would, and read
        // every formula cell back.
        let first = self.formula_cells.iter().find_map(|cell| cell.id);
        if let Some(id) = first {
            let _ = self.workbook.set_value_of(id, kachi::Value::Number(1.into()));
        }
        for cell in &self.formula_cells {
            if let Some(id) = cell.id {
                let _ = self.workbook.value_of(id);
            }
        }
    }
}

/// One scratch file per fuzzing process, rewritten for every input.
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("kachi-fuzz-{}.xlsx", std::process::id()))
    })
}

fn run(path: &Path) {
    match kachi::xlsx::import(path) {
        Ok(book) => book.exercise(),
        Err(e) => {
            let _ = e.to_string();
        }
    }
    match kachi::xlsx::read_model(path) {
        Ok(model) => model.exercise(),
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    if std::fs::write(path, data).is_ok() {
        run(path);
    }
});
