//! Arbitrary bytes as an .xlsx file, read through kachi's xlsx reading path (the zip guard,
//! then calamine). It must give a model or a clear error; a model it gives must be usable.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

// The reading path under test. When `kachi::xlsx::import` lands, point this line at it (and
// give its result an `Exercise` impl below).
use kachi::xlsx::read_model as read_xlsx;

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

/// One scratch file per fuzzing process, rewritten for every input.
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("kachi-fuzz-{}.xlsx", std::process::id()))
    })
}

fn run(path: &Path) {
    match read_xlsx(path) {
        Ok(read) => read.exercise(),
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
