//! Embedding kachi: load a value model, ask "what if?", and react only to what changed.
//!
//! `cargo run --example what_if`

use std::error::Error;
use std::path::Path;

use kachi::model::{CellInput, Model};
use kachi::Value;

fn main() -> Result<(), Box<dyn Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/flea_market.json");
    let mut model = Model::load(&path)?;
    println!(
        "{}: value_per_day = {}",
        model.name,
        show(model.value("value_per_day"))
    );

    // The model misses its accuracy target: 10 people still check listings, not 2.
    let recalc = model.set("staff_after", CellInput::Value(Value::from(10)))?;
    println!(
        "after staff_after = 10, {} cells changed:",
        recalc.changed.len()
    );
    for id in &recalc.changed {
        let wb = model.workbook();
        println!("  {} = {}", wb.label(*id), wb.value_of(*id));
    }

    // Who controls what, and what it influences.
    for group in model.owners() {
        println!(
            "{}: {} -> {}",
            group.owner.as_deref().unwrap_or("(no owner)"),
            group.parameters.join(", "),
            group.influences.join(", ")
        );
    }
    Ok(())
}

fn show(v: Option<Value>) -> String {
    v.map(|v| v.display()).unwrap_or_default()
}
