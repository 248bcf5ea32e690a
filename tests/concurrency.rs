//! The concurrency rule (ARCHITECTURE.md, "Concurrency"): `Workbook` and `Model` are
//! `Send + Sync`; reading takes `&self`, editing `&mut self`, so the borrow checker (or a lock)
//! keeps readers from ever seeing a half-applied batch. Independent what-ifs run on clones.

use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::thread;

use rust_decimal::Decimal;

use kachi::model::ScenarioTable;
use kachi::{CellId, CellRef, Edit, Model, Recalc, Value, Workbook};

fn n(s: &str) -> Value {
    Value::Number(Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}")))
}

fn is_send_sync<T: Send + Sync>() {}
fn is_send<T: Send>() {}

#[test]
fn the_model_types_are_send_and_sync() {
    is_send_sync::<Workbook>();
    is_send_sync::<Model>();
    is_send_sync::<Value>();
    is_send_sync::<Recalc>();
    is_send_sync::<ScenarioTable>();
    is_send_sync::<kachi::EditError>();
    is_send_sync::<kachi::ModelError>();
    is_send::<kachi::xlsx::ReadModelError>();
}

/// x and y are set together by every batch; the formulas over them must always agree.
fn invariant_book() -> Workbook {
    let mut wb = Workbook::new();
    let _ = wb.add_sheet("Sheet1");
    let mut edits = vec![
        Edit::SetValue {
            target: CellRef::name("x"),
            value: n("0"),
        },
        Edit::SetValue {
            target: CellRef::name("y"),
            value: n("0"),
        },
        Edit::SetFormula {
            target: CellRef::name("diff"),
            formula: "=x-y".into(),
        },
        Edit::SetFormula {
            target: CellRef::name("total"),
            formula: "=SUM(Sheet1!A1:A50)".into(),
        },
    ];
    // A column of 50 cells, each x+y: their sum is 100·x in every consistent state.
    for r in 0..50 {
        edits.push(Edit::SetFormula {
            target: CellRef::grid("Sheet1", r, 0),
            formula: "=x+y".into(),
        });
    }
    if let Err(e) = wb.apply(edits) {
        panic!("{e}");
    }
    wb
}

#[test]
fn readers_never_see_a_half_applied_batch() {
    const BATCHES: i64 = 400;
    let book = Arc::new(RwLock::new(invariant_book()));
    let done = Arc::new(AtomicBool::new(false));
    let checks = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (book, done, checks) = (book.clone(), done.clone(), checks.clone());
            thread::spawn(move || {
                let mut last = -1i64;
                while !done.load(Ordering::Acquire) {
                    let wb = book.read().unwrap_or_else(|e| e.into_inner());
                    let (x, y) = (wb.value("x"), wb.value("y"));
                    assert_eq!(x, y, "x and y are set by one batch");
                    assert_eq!(wb.value("diff"), Some(n("0")));
                    let Some(Value::Number(x)) = x else {
                        panic!("x is {x:?}")
                    };
                    assert_eq!(
                        wb.value("total"),
                        Some(Value::Number(x * Decimal::from(100)))
                    );
                    // Batches only move forward.
                    let step = i64::try_from(x).unwrap_or(-1);
                    assert!(step >= last, "went back from {last} to {step}");
                    last = step;
                    checks.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for i in 1..=BATCHES {
        let mut wb = book.write().unwrap_or_else(|e| e.into_inner());
        let v = Value::from(i);
        let r = wb.apply(vec![
            Edit::SetValue {
                target: CellRef::name("x"),
                value: v.clone(),
            },
            Edit::SetValue {
                target: CellRef::name("y"),
                value: v,
            },
        ]);
        assert!(r.is_ok(), "{r:?}");
        drop(wb);
        thread::yield_now();
    }
    done.store(true, Ordering::Release);
    for r in readers {
        if let Err(e) = r.join() {
            std::panic::resume_unwind(e);
        }
    }
    let wb = book.read().unwrap_or_else(|e| e.into_inner());
    assert_eq!(wb.value("total"), Some(n("40000")));
    assert!(checks.load(Ordering::Relaxed) > 0);
}

#[test]
fn shared_reads_without_a_lock() {
    // `&Workbook` is `Sync`: scoped threads read one workbook at once, no lock needed (no one
    // can edit while they hold `&`).
    let wb = invariant_book();
    let totals: Vec<Option<Value>> = thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| wb.value("total"))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    assert_eq!(totals, vec![Some(n("0")); 4]);
}

/// Samples of the Monte Carlo pattern: each thread works on its own clone of the model's
/// workbook, sets inputs by id and reads the output. The results equal a sequential run.
#[test]
fn clones_in_threads_give_the_sequential_answers() {
    let model = Model::load("fixtures/flea_market.json".as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let input_names: Vec<String> = model.inputs().map(|c| c.name.clone()).take(3).collect();
    let inputs: Vec<CellId> = input_names.iter().filter_map(|n| model.id(n)).collect();
    let outputs: Vec<CellId> = model.outputs().filter_map(|c| model.id(&c.name)).collect();
    assert!(!inputs.is_empty() && !outputs.is_empty());
    let sample = |i: usize| -> Vec<(CellId, Value)> {
        inputs
            .iter()
            .enumerate()
            .map(|(k, id)| (*id, Value::from((i * 7 + k * 3) as i64 % 23 + 1)))
            .collect()
    };
    let run = |wb: &mut Workbook, samples: std::ops::Range<usize>| -> Vec<Vec<Value>> {
        samples
            .map(|i| {
                wb.set_values_of(&sample(i));
                outputs.iter().map(|id| wb.value_of(*id).clone()).collect()
            })
            .collect()
    };
    const SAMPLES: usize = 200;
    const THREADS: usize = 4;
    let sequential = run(&mut model.workbook().clone(), 0..SAMPLES);
    let parallel: Vec<Vec<Value>> = thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let mut wb = model.workbook().clone();
                let per = SAMPLES / THREADS;
                let run = &run;
                s.spawn(move || run(&mut wb, t * per..(t + 1) * per))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    assert_eq!(parallel, sequential);
    // The original is untouched.
    assert_eq!(model.value("value_per_day"), Some(n("162000")));
}

#[test]
fn models_move_between_threads() {
    let mut model =
        Model::load("fixtures/flea_market.json".as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let handle = thread::spawn(move || {
        let table = model.scenario_table();
        (model, table)
    });
    let (model, table) = handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
    let table = table.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        table.value("value_per_day", "base"),
        model.value("value_per_day").as_ref()
    );
}
