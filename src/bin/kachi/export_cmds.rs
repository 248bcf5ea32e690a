//! `kachi export` (model JSON -> xlsx) and `kachi import` (exported xlsx -> model JSON).

use std::path::Path;

use kachi::xlsx;

use crate::model_cmds;

pub fn export(input: &Path, output: &Path) -> i32 {
    let Some(mut model) = model_cmds::load(input) else {
        return 2;
    };
    match xlsx::export_model(&mut model, output) {
        Ok(summary) => {
            println!(
                "wrote {}: sheets {}; {} cells, {} live formulas, {} defined names",
                output.display(),
                summary.sheets.join(", "),
                summary.cells,
                summary.formulas,
                summary.defined_names
            );
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

pub fn import(input: &Path, output: &Path) -> i32 {
    let model = match xlsx::read_model(input) {
        Ok(m) => m,
        Err(xlsx::ReadModelError::Model(e)) => {
            crate::render::print_model_error(&e);
            return 2;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    for w in model.warnings() {
        eprintln!("warning: {w}");
    }
    let text = model.to_json_string() + "\n";
    let tmp = output.with_extension("json.kachi-tmp");
    let result = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, output));
    match result {
        Ok(()) => {
            println!(
                "wrote {} ({} cells, {} scenarios)",
                output.display(),
                model.cells().len(),
                model.scenarios().len()
            );
            0
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            eprintln!("error: cannot write {}: {e}", output.display());
            2
        }
    }
}
