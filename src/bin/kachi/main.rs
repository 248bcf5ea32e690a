//! The `kachi` command: a thin layer over the library. Parses arguments, calls the library,
//! formats tables. Exit codes: 0 success, 1 a check or comparison failed, 2 bad input.

mod analysis_cmds;
mod book;
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
    /// Evaluate a value model (.json) or a workbook (.xlsx, .xlsm, .xls, .ods) and print every cell.
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
        /// Workbooks: the time NOW() and TODAY() see: `saved` (when the file was last saved),
        /// an Excel serial (45000.5) or a date-time (2024-11-26T08:49:27Z). Default: the clock.
        #[arg(long, value_name = "saved|SERIAL|DATE-TIME")]
        now: Option<String>,
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
    /// Recompute a workbook and compare every formula with the value Excel saved (NOW() and
    /// TODAY() as of the time the file was saved).
    Check {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Tornado: which parameter (and owner) moves an output most, one at a time low → high.
    Sensitivity(analysis_cmds::SensitivityArgs),
    /// Break-even: the parameter value that makes an output hit a target.
    GoalSeek(analysis_cmds::GoalSeekArgs),
    /// Monte Carlo over the parameters' distributions: mean, percentiles, drivers.
    Simulate(analysis_cmds::SimulateArgs),
    /// List every supported Excel function with its category and signature.
    Functions {
        #[arg(long)]
        json: bool,
    },
}

/// Spreadsheet files go to the workbook commands; anything else is read as a value model.
fn is_workbook(path: &std::path::Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
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
            now,
        } => {
            if is_workbook(&file) {
                book::eval_book(&file, &set, json, now.as_deref())
            } else if now.is_some() {
                eprintln!("error: --now applies to workbooks (.xlsx, .xlsm, .xls, .ods)");
                2
            } else {
                model_cmds::eval(&file, &set, json, strict)
            }
        }
        Command::Check { file, json } => book::check_book(&file, json),
        Command::Scenarios { file, json, strict } => model_cmds::scenarios(&file, json, strict),
        Command::Owners { file, json } => model_cmds::owners(&file, json),
        Command::Functions { json } => model_cmds::functions(json),
        Command::Sensitivity(args) => analysis_cmds::sensitivity(&args),
        Command::GoalSeek(args) => analysis_cmds::goal_seek(&args),
        Command::Simulate(args) => analysis_cmds::simulate(&args),
        Command::Export { file, output } => export_cmds::export(&file, &output),
        Command::Import { file, output } => export_cmds::import(&file, &output),
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
