//! The `kachi` command: a thin layer over the library. Parses arguments, calls the library,
//! formats tables. Exit codes: 0 success, 1 a check or comparison failed, 2 bad input.

mod export_cmds;
mod model_cmds;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "kachi",
    version,
    about = "価値 — value models as spreadsheets: named cells, Excel formulas, scenarios, Excel in and out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate a value model (.json) and print every cell.
    Eval {
        file: PathBuf,
        /// Override a cell before evaluating: NAME=VALUE (VALUE may be a formula starting with =).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
        /// Print one JSON object mapping each cell to its value.
        #[arg(long)]
        json: bool,
        /// Exit with status 1 when a check cell fails.
        #[arg(long)]
        strict: bool,
    },
    /// Every scenario side by side, with each output's difference from the base.
    Scenarios {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// Exit with status 1 when a check cell fails in any scenario.
        #[arg(long)]
        strict: bool,
    },
    /// Parameters grouped by owner, with the outputs each one influences.
    Owners {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Export a value model to .xlsx: live formulas over defined names, scenarios, owners.
    Export {
        file: PathBuf,
        #[arg(short, long, value_name = "OUT.xlsx")]
        output: PathBuf,
    },
    /// Read a workbook exported by `kachi export` back into a model file.
    Import {
        file: PathBuf,
        #[arg(short, long, value_name = "OUT.json")]
        output: PathBuf,
    },
    /// List every supported Excel function with its category and signature.
    Functions {
        #[arg(long)]
        json: bool,
    },
}

/// `println!` panics when stdout is a closed pipe (`kachi functions | head`): end quietly then,
/// as command-line tools do, instead of printing a panic.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Eval {
            file,
            set,
            json,
            strict,
        } => model_cmds::eval(&file, &set, json, strict),
        Command::Scenarios { file, json, strict } => model_cmds::scenarios(&file, json, strict),
        Command::Owners { file, json } => model_cmds::owners(&file, json),
        Command::Functions { json } => model_cmds::functions(json),
        Command::Export { file, output } => export_cmds::export(&file, &output),
        Command::Import { file, output } => export_cmds::import(&file, &output),
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
