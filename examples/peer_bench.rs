//! kachi's driver for the shared peer benchmark (`../shared/peers/README.md`, workloads W0..W4).
//!
//! Usage: `cargo run --release --example peer_bench -- <W0|W1|W2|W3|W4> [N|-] [EDITS|-]`
//!
//! Prints one JSON object per line, as the other peers' drivers do: `peer`, `version`,
//! `workload`, `n`, `phase` (`build`, `calc`, `build+calc`, `edit+recalc`), `seconds`, `check`,
//! `ok`; the `edit+recalc` line adds `samples`, `first`, `min`, `max`, `total` (its `seconds` is
//! the median edit). Exits non-zero when a value check fails.
//!
//! What is timed (same cells, edits and checks as the peers):
//! - the cell contents (formula strings, and the plain numbers as `Value`s, like formualizer's
//!   pre-converted literals) are generated before the clock starts;
//! - `build`: `Workbook::new`, `add_sheet`, and `Workbook::load_cells` (all values and formulas
//!   of the sheet in one all-or-nothing batch, by `(row, col)`), with recalculation deferred;
//! - `calc`: `Workbook::recalculate_all` (evaluates every formula);
//! - `build+calc`: the sum;
//! - `edit+recalc`: `Workbook::cell_at` (the cell id from `(sheet, row, col)`) and
//!   `Workbook::set_value_counted` (sets the number and recalculates incrementally, reporting
//!   counts, as formualizer's `evaluate_all` does), until the new values can be read; the
//!   checked values are read after the clock stops.
//!
//! `KACHI_MODE=apply` builds through the general `Workbook::apply(Vec<Edit>)` instead (edits
//! addressed by `CellRef`), to compare the two APIs; build and calc are then not separable.

use std::time::Instant;

use rust_decimal::prelude::ToPrimitive;

use kachi::engine::CellContent;
use kachi::functions::SheetId;
use kachi::{CellRef, Edit, Value, Workbook};

#[path = "../benches/common/workloads.rs"]
mod workloads;

use workloads::{col_name, number, w4num};

const SHEET: &str = "Sheet1";

fn median(xs: &[f64]) -> f64 {
    let mut s = xs.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let m = s.len() / 2;
    if s.is_empty() {
        f64::NAN
    } else if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

struct Out {
    w: String,
    n: usize,
    all_ok: bool,
}

impl Out {
    fn emit(&mut self, phase: &str, seconds: f64, extra: &str, check: &str, ok: bool) {
        if !ok {
            self.all_ok = false;
        }
        println!(
            "{{\"peer\":\"kachi\",\"version\":\"{}\",\"workload\":\"{}\",\"n\":{},\"phase\":\"{phase}\",\"seconds\":{seconds}{extra},\"check\":\"{check}\",\"ok\":{ok}}}",
            env!("CARGO_PKG_VERSION"),
            self.w,
            self.n
        );
    }

    fn emit_edits(&mut self, phase: &str, samples: &[f64], check: &str, ok: bool) {
        let total: f64 = samples.iter().sum();
        let min = samples.iter().cloned().fold(f64::INFINITY, f64::min);
        let max = samples.iter().cloned().fold(0.0, f64::max);
        let extra = format!(
            ",\"samples\":{},\"first\":{},\"min\":{min},\"max\":{max},\"total\":{total}",
            samples.len(),
            samples.first().copied().unwrap_or(f64::NAN)
        );
        self.emit(phase, median(samples), &extra, check, ok);
    }
}

/// A cell's value as f64 (1-based row and column, as in the workload definitions).
fn num(wb: &Workbook, row: u32, col: u32) -> f64 {
    let id = wb.cell_at(SheetId(0), row - 1, col - 1);
    match id.map(|id| wb.value_of(id)) {
        Some(Value::Number(x)) => x.to_f64().unwrap_or(f64::NAN),
        other => {
            eprintln!("unexpected value at r{row}c{col}: {other:?}");
            f64::NAN
        }
    }
}

fn fail(e: impl std::fmt::Display) -> ! {
    eprintln!("error: {e}");
    std::process::exit(1);
}

/// Builds the workbook: returns it with the time of build+calc (everything from the cell
/// contents to computed values) and of a forced full recalculation afterwards.
fn build(w: &str, n: u32, mode: &str) -> (Workbook, f64, f64) {
    let input = workloads::cells(w, n).unwrap_or_else(|| {
        eprintln!("unknown workload {w}");
        std::process::exit(2);
    });
    let t0 = Instant::now();
    let mut wb = Workbook::new();
    let sheet = wb.add_sheet(SHEET).unwrap_or_else(|e| fail(e));
    if mode == "apply" {
        let edits: Vec<Edit> = input
            .contents()
            .map(|(r, c, content)| {
                let target = CellRef::grid(SHEET, r, c);
                match content {
                    CellContent::Value(value) => Edit::SetValue { target, value },
                    CellContent::Formula(f) => Edit::SetFormula {
                        target,
                        formula: f.to_string(),
                    },
                }
            })
            .collect();
        wb.apply(edits).unwrap_or_else(|e| fail(e));
    } else {
        wb.load_cells(sheet, input.contents())
            .unwrap_or_else(|e| fail(e));
    }
    let t_build_calc = t0.elapsed().as_secs_f64();
    drop(input);
    let t1 = Instant::now();
    wb.recalculate_all();
    let t_calc = t1.elapsed().as_secs_f64();
    (wb, t_build_calc, t_calc)
}

/// One edit until the new values can be read: find the cell, set it, recalculate.
fn edit(wb: &mut Workbook, row: u32, col: u32, v: Value) -> f64 {
    let t0 = Instant::now();
    match wb.cell_at(SheetId(0), row - 1, col - 1) {
        Some(id) => {
            wb.set_value_counted(id, v);
        }
        None => fail(format!("no cell at r{row}c{col}")),
    }
    t0.elapsed().as_secs_f64()
}

fn run(w: &str, n: usize, edits: usize, mode: &str) -> bool {
    let mut out = Out {
        w: w.to_string(),
        n,
        all_ok: true,
    };
    let ni = n as u32;
    let (mut wb, t_build_calc, t_calc) = build(w, ni, mode);
    let (check, ok) = match w {
        "W0" => {
            let b1 = num(&wb, 1, 2);
            (format!("B1={b1}"), close(b1, 2.0))
        }
        "W1" => {
            let last = num(&wb, ni, 1);
            (format!("A{n}={last}"), close(last, n as f64))
        }
        "W2" => {
            let last = num(&wb, ni, 2);
            (format!("B{n}={last}"), close(last, 2.0 * n as f64))
        }
        "W3" => {
            let sum: f64 = (1..=ni).map(|r| num(&wb, r, 6)).sum();
            let f1 = num(&wb, 1, 6);
            (
                format!("F1={f1} sumF={sum}"),
                close(f1, 157000.0) && close(sum, 157000.0 * n as f64),
            )
        }
        "W4" => {
            let (mut g, mut s) = (0i64, 0i64);
            for r in 1..=ni {
                for c in 1..=50 {
                    g += w4num(r, c);
                    s += w4num(r, c) * w4num(r, c);
                }
            }
            let (tg, ts) = (num(&wb, ni + 1, 51), num(&wb, ni + 1, 52));
            (
                format!("total={tg} sumsq={ts}"),
                close(tg, g as f64) && close(ts, s as f64),
            )
        }
        _ => unreachable!(),
    };
    out.emit("calc", t_calc, "", "", true);
    out.emit("build+calc", t_build_calc, "", &check, ok);
    if w == "W0" || edits == 0 {
        return out.all_ok;
    }
    let mut samples = Vec::with_capacity(edits);
    let (check, ok) = match w {
        "W1" | "W2" => {
            let col = if w == "W1" { 1 } else { 2 };
            let mut a1 = 0i64;
            for e in 0..edits {
                a1 = 2 + e as i64;
                samples.push(edit(&mut wb, 1, 1, number(a1)));
            }
            let a1 = a1 as f64;
            let last = num(&wb, ni, col);
            let want = if w == "W1" {
                n as f64 - 1.0 + a1
            } else {
                (a1 + 1.0) * n as f64
            };
            (
                format!("A1={a1} -> {}{n}={last}", col_name(col)),
                close(last, want),
            )
        }
        "W3" => {
            let mut bad = 0;
            let mut last = String::new();
            for e in 0..edits {
                let r = ((e * 7919) % n) as u32 + 1;
                let after = 3 + (e % 7) as i64;
                samples.push(edit(&mut wb, r, 2, number(after)));
                let got = num(&wb, r, 6);
                if !close(got, (20.0 - after as f64) * 7.5 * 1200.0 - 5000.0) {
                    bad += 1;
                }
                last = format!("F{r}={got}");
            }
            (format!("{last} bad={bad}"), bad == 0)
        }
        "W4" => {
            let (mut g, mut s) = (0i64, 0i64);
            for r in 1..=ni {
                for c in 1..=50 {
                    g += w4num(r, c);
                    s += w4num(r, c) * w4num(r, c);
                }
            }
            let r = ni / 2 + 1;
            let mut cur = w4num(r, 1);
            for e in 0..edits {
                let nv = 1000 + e as i64;
                samples.push(edit(&mut wb, r, 1, number(nv)));
                g += nv - cur;
                s += nv * nv - cur * cur;
                cur = nv;
            }
            let (tg, ts) = (num(&wb, ni + 1, 51), num(&wb, ni + 1, 52));
            (
                format!("total={tg} sumsq={ts}"),
                close(tg, g as f64) && close(ts, s as f64),
            )
        }
        _ => unreachable!(),
    };
    out.emit_edits("edit+recalc", &samples, &check, ok);
    out.all_ok
}

fn default_n(w: &str) -> usize {
    workloads::default_n(w).unwrap_or_else(|| {
        eprintln!("unknown workload {w}");
        std::process::exit(2);
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let w = args.get(1).cloned().unwrap_or_else(|| "W1".to_string());
    let n = match args.get(2).map(|s| s.as_str()) {
        None | Some("-") | Some("") => default_n(&w),
        Some(s) => s.parse().unwrap_or_else(|e| fail(format!("N: {e}"))),
    };
    let edits = match args.get(3).map(|s| s.as_str()) {
        None | Some("-") | Some("") => {
            if w == "W3" {
                1000
            } else {
                5
            }
        }
        Some(s) => s.parse().unwrap_or_else(|e| fail(format!("EDITS: {e}"))),
    };
    let mode = std::env::var("KACHI_MODE").unwrap_or_else(|_| "bulk".to_string());
    let ok = run(&w, n, edits, &mode);
    std::process::exit(if ok { 0 } else { 1 });
}
