//! The engine's central invariant, checked on random models and random edit sequences: after
//! every public call, every cell's value equals a from-scratch evaluation of the whole model.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;

use kachi::engine::CellContent;
use kachi::functions::SheetId;
use kachi::{CellRef, Edit, Value, Workbook};

const COLS: u32 = 4;
const ROWS: u32 = 5;
const NAMES: [&str; 3] = ["alpha", "beta", "gamma"];

#[derive(Clone, Debug)]
enum Content {
    Empty,
    Number(i64),
    Text(&'static str),
    Formula(String),
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Grid(u32, u32),
    Name(usize),
}

impl Key {
    fn target(&self) -> CellRef {
        match self {
            Key::Grid(r, c) => CellRef::grid("Sheet1", *r, *c),
            Key::Name(i) => CellRef::name(NAMES[*i]),
        }
    }
}

fn cell_name(r: u32, c: u32) -> String {
    format!("{}{}", (b'A' + c as u8) as char, r + 1)
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        4 => (0..ROWS, 0..COLS).prop_map(|(r, c)| Key::Grid(r, c)),
        1 => (0..NAMES.len()).prop_map(Key::Name),
    ]
}

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        (-5i64..20).prop_map(|n| n.to_string()),
        (0..ROWS, 0..COLS).prop_map(|(r, c)| cell_name(r, c)),
        (0..NAMES.len()).prop_map(|i| NAMES[i].to_string()),
        (0..ROWS, 0..COLS, 0..ROWS, 0..COLS).prop_map(|(r1, c1, r2, c2)| {
            format!("SUM({}:{})", cell_name(r1, c1), cell_name(r2, c2))
        }),
    ]
}

fn expr() -> impl Strategy<Value = String> {
    leaf().prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            (
                inner.clone(),
                prop_oneof![Just("+"), Just("-"), Just("*"), Just("/"), Just("&")],
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("({a}{op}{b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(c, a, b)| format!("IF({c}>3,{a},{b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("IFERROR({a},{b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("MAX({a},{b})")),
        ]
    })
}

fn content() -> impl Strategy<Value = Content> {
    prop_oneof![
        3 => (-10i64..50).prop_map(Content::Number),
        1 => prop_oneof![Just("x"), Just("7"), Just("")].prop_map(Content::Text),
        4 => expr().prop_map(|e| Content::Formula(format!("={e}"))),
    ]
}

#[derive(Clone, Debug)]
enum Step {
    Set(Key, Content),
    Clear(Key),
    Batch(Vec<(Key, Content)>),
    /// `Workbook::load_cells` of grid cells.
    Load(Vec<(u32, u32, Content)>),
    /// A filled-down column through `Workbook::load_cells`: one formula shape per row, with
    /// different number constants (`fill_formula`).
    Fill {
        col: u32,
        src: u32,
        variant: u8,
        numbers: Vec<(i64, i64)>,
    },
    /// `Workbook::set_value_counted` of a grid cell that exists.
    SetCounted(u32, u32, i64),
}

/// The formula of row `r` (zero-based) in a filled-down column.
fn fill_formula(variant: u8, src: u32, r: u32, a: i64, b: i64) -> String {
    let s = cell_name(r, src);
    let col = (b'A' + src as u8) as char;
    let row = r + 1;
    match variant {
        0 => format!("=({s}*{a}+{b})"),
        1 => format!("=SUM(A{row}:{col}{row})-{a}.5"),
        2 => format!("=IF({s}>{a},{b},{a}*2)"),
        3 => format!("={b}"),
        _ => format!("=({s}-{a})*{b}.25/4"),
    }
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (key(), content()).prop_map(|(k, c)| Step::Set(k, c)),
        1 => key().prop_map(Step::Clear),
        2 => prop::collection::vec((key(), content()), 1..4).prop_map(Step::Batch),
        2 => prop::collection::vec((0..ROWS, 0..COLS, content()), 1..6).prop_map(Step::Load),
        2 => (0..COLS, 0..COLS, 0u8..5, prop::collection::vec((0i64..4, -3i64..4), ROWS as usize))
            .prop_map(|(col, src, variant, numbers)| Step::Fill { col, src, variant, numbers }),
        2 => (0..ROWS, 0..COLS, -10i64..50).prop_map(|(r, c, n)| Step::SetCounted(r, c, n)),
    ]
}

fn edit(key: &Key, content: &Content) -> Edit {
    match content {
        Content::Empty => Edit::SetValue {
            target: key.target(),
            value: Value::Empty,
        },
        Content::Number(n) => Edit::SetValue {
            target: key.target(),
            value: Value::Number(Decimal::from(*n)),
        },
        Content::Text(t) => Edit::SetValue {
            target: key.target(),
            value: Value::text(t),
        },
        Content::Formula(f) => Edit::SetFormula {
            target: key.target(),
            formula: f.clone(),
        },
    }
}

fn load_content(content: &Content) -> CellContent {
    match content {
        Content::Empty => CellContent::Value(Value::Empty),
        Content::Number(n) => CellContent::Value(Value::Number(Decimal::from(*n))),
        Content::Text(t) => CellContent::Value(Value::text(t)),
        Content::Formula(f) => CellContent::Formula(f.clone()),
    }
}

fn book() -> Workbook {
    let mut wb = Workbook::new();
    let _ = wb.add_sheet("Sheet1");
    wb
}

/// Builds the content from scratch in one batch.
fn from_scratch(contents: &BTreeMap<Key, Content>) -> Workbook {
    let mut wb = book();
    let edits = contents.iter().map(|(k, c)| edit(k, c)).collect();
    if let Err(e) = wb.apply(edits) {
        panic!("from-scratch build failed: {e}");
    }
    wb
}

fn all_keys() -> Vec<Key> {
    let mut keys: Vec<Key> = (0..ROWS)
        .flat_map(|r| (0..COLS).map(move |c| Key::Grid(r, c)))
        .collect();
    keys.extend((0..NAMES.len()).map(Key::Name));
    keys
}

fn assert_same(
    incremental: &Workbook,
    contents: &BTreeMap<Key, Content>,
) -> Result<(), TestCaseError> {
    let fresh = from_scratch(contents);
    for k in all_keys() {
        let target = k.target();
        let a = incremental.get(&target);
        let b = fresh.get(&target);
        prop_assert_eq!(&a, &b, "cell {} differs; contents {:?}", target, contents);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_from_scratch(
        initial in prop::collection::vec((key(), content()), 0..12),
        steps in prop::collection::vec(step(), 1..10),
    ) {
        let mut contents: BTreeMap<Key, Content> = BTreeMap::new();
        let mut wb = book();
        let edits: Vec<Edit> = initial.iter().map(|(k, c)| edit(k, c)).collect();
        prop_assert!(wb.apply(edits).is_ok());
        for (k, c) in initial {
            contents.insert(k, c);
        }
        assert_same(&wb, &contents)?;
        for s in steps {
            match s {
                Step::Set(k, c) => {
                    prop_assert!(wb.apply(vec![edit(&k, &c)]).is_ok());
                    contents.insert(k, c);
                }
                Step::Clear(k) => {
                    let clear = vec![Edit::Clear { target: k.target() }];
                    prop_assert!(wb.apply(clear).is_ok());
                    contents.insert(k, Content::Empty);
                }
                Step::Batch(list) => {
                    let edits: Vec<Edit> = list.iter().map(|(k, c)| edit(k, c)).collect();
                    prop_assert!(wb.apply(edits).is_ok());
                    for (k, c) in list {
                        contents.insert(k, c);
                    }
                }
                Step::Load(list) => {
                    let cells = list.iter().map(|(r, c, x)| (*r, *c, load_content(x)));
                    prop_assert!(wb.load_cells(SheetId(0), cells).is_ok());
                    for (r, c, x) in list {
                        contents.insert(Key::Grid(r, c), x);
                    }
                }
                Step::Fill { col, src, variant, numbers } => {
                    let list: Vec<(u32, u32, Content)> = numbers
                        .iter()
                        .zip(0..ROWS)
                        .map(|(&(a, b), r)| {
                            (r, col, Content::Formula(fill_formula(variant, src, r, a, b)))
                        })
                        .collect();
                    let cells = list.iter().map(|(r, c, x)| (*r, *c, load_content(x)));
                    prop_assert!(wb.load_cells(SheetId(0), cells).is_ok());
                    for (r, c, x) in list {
                        contents.insert(Key::Grid(r, c), x);
                    }
                }
                Step::SetCounted(r, c, n) => {
                    if let Some(id) = wb.cell_at(SheetId(0), r, c) {
                        wb.set_value_counted(id, Value::Number(Decimal::from(n)));
                        contents.insert(Key::Grid(r, c), Content::Number(n));
                    }
                }
            }
            assert_same(&wb, &contents)?;
        }
    }

    /// A batch with one malformed formula leaves every value exactly as it was.
    #[test]
    fn rejected_batches_change_nothing(
        initial in prop::collection::vec((key(), content()), 1..12),
        good in prop::collection::vec((key(), content()), 0..4),
    ) {
        let mut wb = book();
        let edits: Vec<Edit> = initial.iter().map(|(k, c)| edit(k, c)).collect();
        prop_assert!(wb.apply(edits).is_ok());
        let before: Vec<Value> = all_keys().iter().map(|k| wb.get(&k.target())).collect();
        let mut batch: Vec<Edit> = good.iter().map(|(k, c)| edit(k, c)).collect();
        let bad = Edit::SetFormula { target: CellRef::grid("Sheet1", 0, 0), formula: "=1+*2".into() };
        batch.push(bad);
        prop_assert!(wb.apply(batch).is_err());
        let after: Vec<Value> = all_keys().iter().map(|k| wb.get(&k.target())).collect();
        prop_assert_eq!(before, after);
    }
}
