//! `kachi sensitivity`, `goal-seek` and `simulate`: argument structs (clap) and the glue that
//! calls `kachi::analysis`, prints tables or JSON and writes charts. Exit codes: 0 ok, 1 no
//! solution, 2 bad input or a file that cannot be written.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value as Json};

use kachi::analysis::goal_seek::outputs_at;
use kachi::analysis::svg::{histogram_svg, tornado_svg};
use kachi::analysis::{
    self, AnalysisError, GoalSeekOutcome, GoalSeekReport, GoalSeekRequest, RangeSource,
    SamplingMethod, SensitivityOptions, Simulation, SimulationOptions, SwingSource, Tornado,
};
use kachi::model::file::{number_from_decimal, value_to_json};
use kachi::model::{Distribution, Model};
use kachi::numeric;
use kachi::Value;

use crate::model_cmds::load;
use crate::render;

/// Widest text bar in the terminal tables.
const BAR_WIDTH: usize = 24;

#[derive(Args, Debug, Clone)]
pub struct SensitivityArgs {
    /// The value model (.json).
    pub file: PathBuf,
    /// The output (formula cell) to explain, e.g. value_per_day.
    #[arg(long, value_name = "CELL")]
    pub output: String,
    /// Range for parameters without low/high: base ± this (20% or 0.2).
    #[arg(long, default_value = "20%", value_name = "PERCENT")]
    pub swing: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Draw the tornado chart to this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub svg: Option<PathBuf>,
    /// Write a "Sensitivity" sheet with a native Excel bar chart to this file.
    #[arg(long, value_name = "FILE.xlsx")]
    pub xlsx: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct GoalSeekArgs {
    /// The value model (.json).
    pub file: PathBuf,
    /// The output and the value it must reach: CELL=VALUE, e.g. net_value_per_day=0.
    #[arg(long, value_name = "CELL=VALUE")]
    pub target: String,
    /// The parameter to change, e.g. staff_after.
    #[arg(long, value_name = "CELL")]
    pub vary: String,
    /// Lower end of the search range (with --high; default: the cell's low/high, else a
    /// search outward from its value).
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub low: Option<String>,
    /// Upper end of the search range.
    #[arg(long, value_name = "Y", allow_hyphen_values = true)]
    pub high: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodArg {
    /// Independent random draws.
    Mc,
    /// Latin Hypercube: each parameter's range covered evenly.
    Lhs,
}

#[derive(Args, Debug, Clone)]
pub struct SimulateArgs {
    /// The value model (.json); parameters with a "distribution" are the uncertain ones.
    pub file: PathBuf,
    /// The output (formula cell) to simulate.
    #[arg(long, value_name = "CELL")]
    pub output: String,
    #[arg(long, default_value_t = 10_000)]
    pub samples: usize,
    /// The same seed gives the same numbers on any number of threads.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = MethodArg::Mc)]
    pub method: MethodArg,
    /// Report the probability that the output is above this.
    #[arg(
        long,
        default_value = "0",
        value_name = "X",
        allow_hyphen_values = true
    )]
    pub threshold: String,
    /// Histogram bins.
    #[arg(long, default_value_t = 40)]
    pub bins: usize,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Draw the histogram to this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub svg: Option<PathBuf>,
    /// Write every sample's parameters and output as CSV.
    #[arg(long, value_name = "FILE.csv")]
    pub samples_out: Option<PathBuf>,
}

// ------------------------------------------------------------------ shared

fn parse_number(option: &str, text: &str) -> Result<Decimal, String> {
    numeric::parse_number_text(text)
        .ok_or_else(|| format!("{option} '{text}': expected a number, e.g. 0, 18.5 or -1200"))
}

/// `20%` or `0.2`; a bare number above 1 is almost certainly a forgotten `%`.
fn parse_swing(text: &str) -> Result<Decimal, String> {
    let swing = parse_number("--swing", text)?;
    if !text.trim_end().ends_with('%') && swing > Decimal::ONE {
        return Err(format!(
            "--swing '{text}': write a percentage (20%) or a fraction (0.2)"
        ));
    }
    Ok(swing)
}

fn fail(e: &AnalysisError) -> i32 {
    eprintln!("error: {e}");
    2
}

/// ` (yen/day)` after a cell name in a title.
fn in_parentheses(unit: &Option<String>) -> String {
    unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default()
}

fn unit_of(unit: &Option<String>) -> String {
    unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default()
}

fn dec(d: Decimal) -> Json {
    Json::Number(number_from_decimal(d))
}

/// An f64 statistic as JSON (null when not finite).
fn float(x: f64) -> Json {
    serde_json::Number::from_f64(x)
        .map(Json::Number)
        .unwrap_or(Json::Null)
}

/// A statistic for people: 6 significant digits, thousands separators.
fn stat(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    match numeric::from_f64(x) {
        Ok(d) => render::number(d.round_sf(6).unwrap_or(d).normalize()),
        Err(_) => format!("{x}"),
    }
}

fn text_bar(fraction: f64) -> String {
    let cells = (fraction.clamp(0.0, 1.0) * BAR_WIDTH as f64).round() as usize;
    "█".repeat(cells)
}

fn write_text_file(path: &Path, what: &str, text: &str) -> bool {
    match std::fs::write(path, text) {
        Ok(()) => {
            eprintln!("wrote {what} to {}", path.display());
            true
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            false
        }
    }
}

// ------------------------------------------------------------------ sensitivity

pub fn sensitivity(args: &SensitivityArgs) -> i32 {
    let swing = match parse_swing(&args.swing) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let Some(model) = load(&args.file) else {
        return 2;
    };
    let tornado = match analysis::sensitivity(&model, &args.output, &SensitivityOptions { swing }) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    if args.json {
        render::print_json(&tornado_json(&tornado, swing));
    } else {
        print_tornado(&model, &tornado, swing);
    }
    let mut code = 0;
    if let Some(path) = &args.svg {
        if !write_text_file(path, "the tornado chart", &tornado_svg(&tornado)) {
            code = 2;
        }
    }
    if let Some(path) = &args.xlsx {
        match kachi::xlsx::tornado::write_tornado_xlsx(&tornado, path) {
            Ok(()) => eprintln!("wrote the Sensitivity sheet to {}", path.display()),
            Err(e) => {
                eprintln!("error: {e}");
                code = 2;
            }
        }
    }
    code
}

fn print_tornado(model: &Model, t: &Tornado, swing: Decimal) {
    if !model.name.is_empty() {
        println!("{}", model.name);
    }
    println!(
        "Sensitivity of {}{}: base {}",
        t.output,
        in_parentheses(&t.output_unit),
        render::number(t.base_output)
    );
    println!("Each parameter moved alone from its low to its high value.\n");
    let widest = t
        .bars
        .iter()
        .filter_map(|b| b.swing())
        .max()
        .unwrap_or_default();
    let mut table = render::table(
        [
            "#",
            "parameter",
            "owner",
            "low … high",
            "output at low",
            "output at high",
            "swing",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    );
    for (i, bar) in t.bars.iter().enumerate() {
        let at = |v: &Value| match render::difference(&Value::Number(t.base_output), v) {
            Some(diff) => format!("{} ({diff})", render::value(v)),
            None => render::value(v),
        };
        let range_note = match bar.source {
            SwingSource::Declared => "",
            SwingSource::Swing => " *",
        };
        let fraction = match (bar.swing(), widest.is_zero()) {
            (Some(s), false) => numeric::to_f64(s) / numeric::to_f64(widest),
            _ => 0.0,
        };
        table.add_row(vec![
            (i + 1).to_string(),
            bar.input.clone(),
            bar.owner.clone().unwrap_or_default(),
            format!(
                "{} … {}{}{range_note}",
                render::number(bar.low),
                render::number(bar.high),
                unit_of(&bar.unit)
            ),
            at(&bar.output_at_low),
            at(&bar.output_at_high),
            bar.swing()
                .map(render::number)
                .unwrap_or_else(|| "—".into()),
            text_bar(fraction),
        ]);
    }
    render::align_right(&mut table, &[0, 4, 5, 6]);
    println!("{table}");
    if t.bars.iter().any(|b| b.source == SwingSource::Swing) {
        println!(
            "* no low/high in the model: base ± {}% (--swing)",
            render::number(swing * Decimal::ONE_HUNDRED)
        );
    }
    if let Some(first) = t.bars.first() {
        let owner = first
            .owner
            .as_ref()
            .map(|o| format!(", owned by {o}"))
            .unwrap_or_default();
        println!("Most influential: {}{owner}.", first.input);
    }
    for (name, reason) in &t.skipped {
        println!("skipped {name}: {reason}");
    }
}

fn tornado_json(t: &Tornado, swing: Decimal) -> Json {
    let bars: Vec<Json> = t
        .bars
        .iter()
        .map(|b| {
            json!({
                "parameter": b.input,
                "owner": b.owner,
                "unit": b.unit,
                "base": dec(b.base),
                "low": dec(b.low),
                "high": dec(b.high),
                "range": match b.source { SwingSource::Declared => "low/high", SwingSource::Swing => "swing" },
                "output_at_low": value_to_json(&b.output_at_low),
                "output_at_high": value_to_json(&b.output_at_high),
                "change_at_low": b.delta_low(t.base_output).map(dec),
                "change_at_high": b.delta_high(t.base_output).map(dec),
                "swing": b.swing().map(dec),
            })
        })
        .collect();
    let skipped: Vec<Json> = t
        .skipped
        .iter()
        .map(|(n, r)| json!({"parameter": n, "reason": r}))
        .collect();
    json!({
        "output": t.output,
        "unit": t.output_unit,
        "base": dec(t.base_output),
        "swing": dec(swing),
        "bars": bars,
        "skipped": skipped,
    })
}

// ------------------------------------------------------------------ goal seek

fn goal_seek_request(args: &GoalSeekArgs) -> Result<GoalSeekRequest, String> {
    let (output, value) = args
        .target
        .split_once('=')
        .ok_or_else(|| format!("--target '{}': expected CELL=VALUE", args.target))?;
    let optional = |option: &str, text: &Option<String>| -> Result<Option<Decimal>, String> {
        text.as_deref().map(|t| parse_number(option, t)).transpose()
    };
    Ok(GoalSeekRequest {
        output: output.trim().to_string(),
        target: parse_number("--target", value.trim())?,
        vary: args.vary.trim().to_string(),
        low: optional("--low", &args.low)?,
        high: optional("--high", &args.high)?,
    })
}

pub fn goal_seek(args: &GoalSeekArgs) -> i32 {
    let request = match goal_seek_request(args) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let Some(model) = load(&args.file) else {
        return 2;
    };
    let report = match analysis::goal_seek(&model, &request) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let context = match &report.outcome {
        GoalSeekOutcome::Solved { input, .. } => outputs_at(&model, &report.vary, *input).ok(),
        _ => None,
    };
    if args.json {
        render::print_json(&goal_seek_json(&report, context.as_deref()));
    } else {
        print_goal_seek(&report, context.as_deref());
    }
    match report.outcome {
        GoalSeekOutcome::Solved { .. } => 0,
        _ => 1,
    }
}

fn print_goal_seek(r: &GoalSeekReport, context: Option<&[(String, Value, Value)]>) {
    let (vu, ou) = (unit_of(&r.vary_unit), unit_of(&r.output_unit));
    println!(
        "Goal seek: {} = {} by changing {}",
        r.output,
        render::number(r.target),
        r.vary
    );
    println!(
        "base: {} = {}{vu} gives {} = {}{ou}",
        r.vary,
        render::number(r.base_input),
        r.output,
        render::number(r.base_output)
    );
    let range = match r.range {
        RangeSource::Given => "--low/--high",
        RangeSource::Declared => "the cell's low/high",
        RangeSource::Searched => "a search outward from the base",
    };
    match &r.outcome {
        GoalSeekOutcome::Solved {
            input,
            output,
            iterations,
            output_rises,
        } => {
            let shown = render::number(numeric::snap15(*input));
            println!(
                "\n{} = {}{vu} gives {} = {}  ({iterations} step(s), range from {range})",
                r.vary,
                numeric::format_general(*input),
                r.output,
                render::number(at_precision_of(*output, r.base_output))
            );
            let (keeps, side) = if *output_rises {
                ("≥", "≥")
            } else {
                ("≥", "≤")
            };
            println!(
                "{} stays {keeps} {} while {} {side} {shown}{vu}.",
                r.output,
                render::number(r.target),
                r.vary
            );
            if let Some(rows) = context {
                print_context(r, rows, &shown);
            }
        }
        GoalSeekOutcome::NoSolution {
            low,
            high,
            output_at_low,
            output_at_high,
        } => {
            println!(
                "\nNo value of {} from {} to {}{vu} (range from {range}) makes {} = {}:",
                r.vary,
                render::number(*low),
                render::number(*high),
                r.output,
                render::number(r.target)
            );
            println!(
                "  {} is {} at {} = {} and {} at {} = {}.",
                r.output,
                render::value(output_at_low),
                r.vary,
                render::number(*low),
                render::value(output_at_high),
                r.vary,
                render::number(*high)
            );
            if r.range != RangeSource::Given {
                println!("  Give --low and --high to search a wider range.");
            }
        }
        GoalSeekOutcome::Jump {
            at,
            output_at,
            output_below,
            output_above,
        } => {
            println!(
                "\n{} crosses {} without reaching it near {} = {} (where it is {}): it goes from {} to {}.",
                r.output,
                render::number(r.target),
                r.vary,
                numeric::format_general(*at),
                render::value(output_at),
                render::value(output_below),
                render::value(output_above)
            );
        }
    }
}

/// `value` at 15 significant digits of the larger of its own and `reference`'s magnitude:
/// a residual such as 2E-23 next to a base of 84,000 is Decimal's last digit, shown as 0.
fn at_precision_of(value: Decimal, reference: Decimal) -> Decimal {
    let magnitude = numeric::to_f64(value.abs().max(reference.abs()));
    if magnitude <= 0.0 || !magnitude.is_finite() {
        return value;
    }
    let places = (14 - magnitude.log10().floor() as i64).clamp(0, 28) as u32;
    value.round_dp(places).normalize()
}

fn value_at_precision_of(value: &Value, reference: &Value) -> Value {
    match (value, reference) {
        (Value::Number(v), Value::Number(r)) => Value::Number(at_precision_of(*v, *r)),
        _ => value.clone(),
    }
}

/// Every output at the base and at the answer (payback, NPV... at the break-even point).
fn print_context(r: &GoalSeekReport, rows: &[(String, Value, Value)], shown: &str) {
    let mut t = render::table(vec![
        "output".into(),
        "base".into(),
        format!("{} = {shown}", r.vary),
    ]);
    for (name, base, at) in rows {
        let at = &value_at_precision_of(at, base);
        let changed = match render::difference(base, at) {
            Some(d) if d != "±0" => format!("{} ({d})", render::value(at)),
            _ => render::value(at),
        };
        t.add_row(vec![name.clone(), render::value(base), changed]);
    }
    render::align_right(&mut t, &[1, 2]);
    println!("\n{t}");
}

fn goal_seek_json(r: &GoalSeekReport, context: Option<&[(String, Value, Value)]>) -> Json {
    let mut out = Map::new();
    out.insert("output".into(), json!(r.output));
    out.insert("target".into(), dec(r.target));
    out.insert("vary".into(), json!(r.vary));
    out.insert("base_input".into(), dec(r.base_input));
    out.insert("base_output".into(), dec(r.base_output));
    let source = match r.range {
        RangeSource::Given => "given",
        RangeSource::Declared => "low/high",
        RangeSource::Searched => "searched",
    };
    out.insert(
        "range".into(),
        json!({"low": dec(r.low), "high": dec(r.high), "from": source}),
    );
    match &r.outcome {
        GoalSeekOutcome::Solved {
            input,
            output,
            iterations,
            output_rises,
        } => {
            out.insert("outcome".into(), json!("solved"));
            out.insert("input".into(), dec(*input));
            out.insert("input_15_digits".into(), dec(numeric::snap15(*input)));
            out.insert("output_value".into(), dec(*output));
            out.insert("iterations".into(), json!(iterations));
            out.insert("output_rises_with_input".into(), json!(output_rises));
        }
        GoalSeekOutcome::NoSolution {
            output_at_low,
            output_at_high,
            ..
        } => {
            out.insert("outcome".into(), json!("no_solution"));
            out.insert("output_at_low".into(), value_to_json(output_at_low));
            out.insert("output_at_high".into(), value_to_json(output_at_high));
        }
        GoalSeekOutcome::Jump {
            at,
            output_at,
            output_below,
            output_above,
        } => {
            out.insert("outcome".into(), json!("jump"));
            out.insert("at".into(), dec(*at));
            out.insert("output_at".into(), value_to_json(output_at));
            out.insert("output_below".into(), value_to_json(output_below));
            out.insert("output_above".into(), value_to_json(output_above));
        }
    }
    if let Some(rows) = context {
        let mut cells = Map::new();
        for (name, _, at) in rows {
            cells.insert(name.clone(), value_to_json(at));
        }
        out.insert("at_answer".into(), Json::Object(cells));
    }
    Json::Object(out)
}

// ------------------------------------------------------------------ simulate

pub fn simulate(args: &SimulateArgs) -> i32 {
    let threshold = match parse_number("--threshold", &args.threshold) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let Some(model) = load(&args.file) else {
        return 2;
    };
    let options = SimulationOptions {
        samples: args.samples,
        seed: args.seed,
        method: match args.method {
            MethodArg::Mc => SamplingMethod::MonteCarlo,
            MethodArg::Lhs => SamplingMethod::LatinHypercube,
        },
        threshold,
        bins: args.bins,
    };
    let started = std::time::Instant::now();
    let sim = match analysis::simulate(&model, &args.output, &options) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let elapsed = started.elapsed();
    if args.json {
        render::print_json(&simulation_json(&sim));
    } else {
        print_simulation(&sim);
    }
    eprintln!(
        "{} samples in {:.2} s ({} samples/s)",
        sim.samples,
        elapsed.as_secs_f64(),
        stat(sim.samples as f64 / elapsed.as_secs_f64().max(1e-9))
    );
    let mut code = 0;
    if let Some(path) = &args.svg {
        if !write_text_file(path, "the histogram", &histogram_svg(&sim)) {
            code = 2;
        }
    }
    if let Some(path) = &args.samples_out {
        if let Err(e) = write_samples(path, &sim) {
            eprintln!("error: cannot write {}: {e}", path.display());
            code = 2;
        } else {
            eprintln!("wrote {} samples to {}", sim.samples, path.display());
        }
    }
    code
}

fn write_samples(path: &Path, sim: &Simulation) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    analysis::write_samples_csv(sim, std::io::BufWriter::new(file))
}

fn describe(d: &Distribution) -> String {
    let n = |x: &Decimal| render::number(*x);
    match d {
        Distribution::Uniform { low, high } => format!("uniform({}, {})", n(low), n(high)),
        Distribution::Triangular { low, mode, high } => {
            format!("triangular({}, {}, {})", n(low), n(mode), n(high))
        }
        Distribution::Pert { low, mode, high } => {
            format!("PERT({}, {}, {})", n(low), n(mode), n(high))
        }
        Distribution::Normal { mean, sd } => format!("normal(mean {}, sd {})", n(mean), n(sd)),
        Distribution::LogNormal { mean, sd } => {
            format!("lognormal(mean {}, sd {})", n(mean), n(sd))
        }
    }
}

fn print_simulation(s: &Simulation) {
    let method = match s.method {
        SamplingMethod::MonteCarlo => "Monte Carlo",
        SamplingMethod::LatinHypercube => "Latin Hypercube",
    };
    println!(
        "Simulation of {}{}: {} samples, {method}, seed {}\n",
        s.output,
        in_parentheses(&s.output_unit),
        stat(s.samples as f64),
        s.seed
    );
    let mut inputs = render::table(vec![
        "uncertain parameter".into(),
        "owner".into(),
        "distribution".into(),
        "mean".into(),
    ]);
    for i in &s.inputs {
        inputs.add_row(vec![
            i.name.clone(),
            i.owner.clone().unwrap_or_default(),
            format!("{}{}", describe(&i.distribution), unit_of(&i.unit)),
            stat(i.mean),
        ]);
    }
    render::align_right(&mut inputs, &[3]);
    println!("{inputs}");
    let mut stats = render::table(vec!["statistic".into(), s.output.clone()]);
    for (name, value) in [
        ("mean", stat(s.mean)),
        ("standard deviation", stat(s.sd)),
        ("P5", stat(s.p5)),
        ("P50 (median)", stat(s.p50)),
        ("P95", stat(s.p95)),
        ("min", stat(s.min)),
        ("max", stat(s.max)),
        (
            &format!("P({} > {})", s.output, stat(s.threshold)),
            format!("{:.1}%", s.probability_above * 100.0),
        ),
    ] {
        stats.add_row(vec![name.to_string(), value]);
    }
    render::align_right(&mut stats, &[1]);
    println!("{stats}");
    let mut drivers = render::table(vec![
        "what drives the variance".into(),
        "owner".into(),
        "rank correlation".into(),
        "share".into(),
        String::new(),
    ]);
    for c in &s.contributions {
        drivers.add_row(vec![
            c.input.clone(),
            c.owner.clone().unwrap_or_default(),
            format!("{:+.3}", c.rank_correlation),
            format!("{:.1}%", c.share * 100.0),
            text_bar(c.share),
        ]);
    }
    render::align_right(&mut drivers, &[2, 3]);
    println!("{drivers}");
    println!("(share: squared Spearman rank correlation with the output, normalised to 100%)");
    for (value, count) in &s.failures {
        println!(
            "warning: {count} of {} samples gave {value}; the statistics leave them out",
            s.samples
        );
    }
}

fn simulation_json(s: &Simulation) -> Json {
    let inputs: Vec<Json> = s
        .inputs
        .iter()
        .map(|i| {
            json!({
                "parameter": i.name,
                "owner": i.owner,
                "distribution": describe(&i.distribution),
                "mean": float(i.mean),
            })
        })
        .collect();
    let contributions: Vec<Json> = s
        .contributions
        .iter()
        .map(|c| {
            json!({
                "parameter": c.input,
                "owner": c.owner,
                "rank_correlation": float(c.rank_correlation),
                "share": float(c.share),
            })
        })
        .collect();
    let failures: Map<String, Json> = s
        .failures
        .iter()
        .map(|(v, n)| (v.clone(), json!(n)))
        .collect();
    json!({
        "output": s.output,
        "unit": s.output_unit,
        "method": s.method.name(),
        "seed": s.seed,
        "samples": s.samples,
        "valid": s.valid,
        "failures": failures,
        "mean": float(s.mean),
        "sd": float(s.sd),
        "p5": float(s.p5),
        "p50": float(s.p50),
        "p95": float(s.p95),
        "min": float(s.min),
        "max": float(s.max),
        "threshold": float(s.threshold),
        "probability_above": float(s.probability_above),
        "histogram": {
            "low": float(s.histogram.low),
            "high": float(s.histogram.high),
            "counts": s.histogram.counts,
            "below": s.histogram.below,
            "above": s.histogram.above,
        },
        "inputs": inputs,
        "contributions": contributions,
    })
}
