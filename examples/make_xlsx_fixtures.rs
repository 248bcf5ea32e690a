//! Writes the workbooks the xlsx import tests read, under `fixtures/xlsx/`:
//!
//!     cargo run --example make_xlsx_fixtures
//!
//! The tests assert the values these files hold; rewrite them only together with the tests.

#[path = "../tests/support/xlsx_fixtures.rs"]
mod xlsx_fixtures;

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/xlsx");
    std::fs::create_dir_all(&dir)?;
    for (name, bytes) in xlsx_fixtures::all_fixtures()? {
        let path = dir.join(name);
        std::fs::write(&path, &bytes)?;
        println!("{} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
