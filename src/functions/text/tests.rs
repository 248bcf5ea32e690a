//! Tests of the text functions. Expected values come from Excel: its documentation examples and
//! the corpus workbooks (formulas test.xlsx TEXT/EXTRA sheets, pycel text.xlsx, IronCalc
//! STRING_HANDLING.xlsx and UPPER_LOWER.xlsx, xlcalculator CONCAT/FIND.xlsx).

use std::sync::Arc;

use super::super::args::{Array, Operand};
use super::super::testing::*;
use crate::value::{ErrorKind, Value};

fn e(kind: ErrorKind) -> Value {
    Value::Error(kind)
}

fn s(text: &str) -> Value {
    Value::text(text)
}

fn array(rows: usize, cols: usize, values: Vec<Value>) -> Operand {
    Operand::Array(Arc::new(Array::new(rows, cols, values)))
}

fn row_of(values: &[&str]) -> Operand {
    array(1, values.len(), values.iter().map(|v| s(v)).collect())
}

/// The whole result of a call, as an array (a single value is 1x1).
fn grid_of(g: &TestGrid, name: &str, args: &[Operand]) -> Array {
    match g.call(name, args) {
        Operand::Array(a) => (*a).clone(),
        other => Array::new(1, 1, vec![super::super::args::scalar(&other, g)]),
    }
}

/// Row 1 laid out like the corpus input rows: C1 0, D1..G1 numbers, H1 empty, I1 text,
/// J1 TRUE, K1..Q1 the errors.
fn corpus_row(d: &str, e_: &str, f: &str, g_: &str, i: &str) -> TestGrid {
    let mut g = TestGrid::new();
    g.set("C1", n("0"))
        .set("D1", n(d))
        .set("E1", n(e_))
        .set("F1", n(f))
        .set("G1", n(g_))
        .set("I1", s(i))
        .set("J1", Value::Bool(true))
        .set("K1", e(ErrorKind::Value))
        .set("L1", e(ErrorKind::NA))
        .set("M1", e(ErrorKind::Div0))
        .set("N1", e(ErrorKind::Name))
        .set("O1", e(ErrorKind::Null))
        .set("P1", e(ErrorKind::Num))
        .set("Q1", e(ErrorKind::Ref));
    g
}

const ERROR_CELLS: [(&str, ErrorKind); 6] = [
    ("L1", ErrorKind::NA),
    ("M1", ErrorKind::Div0),
    ("N1", ErrorKind::Name),
    ("O1", ErrorKind::Null),
    ("P1", ErrorKind::Num),
    ("Q1", ErrorKind::Ref),
];

#[test]
fn one_argument_functions_over_the_corpus_row() {
    let g = corpus_row("1.9", "2.3", "10", "-1", "ciao");
    let cells = ["C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1"];
    let cases: [(&str, [Value; 8]); 6] = [
        (
            "LOWER",
            [
                s("0"),
                s("1.9"),
                s("2.3"),
                s("10"),
                s("-1"),
                s(""),
                s("ciao"),
                s("true"),
            ],
        ),
        (
            "UPPER",
            [
                s("0"),
                s("1.9"),
                s("2.3"),
                s("10"),
                s("-1"),
                s(""),
                s("CIAO"),
                s("TRUE"),
            ],
        ),
        (
            "PROPER",
            [
                s("0"),
                s("1.9"),
                s("2.3"),
                s("10"),
                s("-1"),
                s(""),
                s("Ciao"),
                s("True"),
            ],
        ),
        (
            "TRIM",
            [
                s("0"),
                s("1.9"),
                s("2.3"),
                s("10"),
                s("-1"),
                s(""),
                s("ciao"),
                s("TRUE"),
            ],
        ),
        (
            "LEN",
            [
                n("1"),
                n("3"),
                n("3"),
                n("2"),
                n("2"),
                n("0"),
                n("4"),
                n("4"),
            ],
        ),
        (
            "VALUE",
            [
                n("0"),
                n("1.9"),
                n("2.3"),
                n("10"),
                n("-1"),
                n("0"),
                e(ErrorKind::Value),
                e(ErrorKind::Value),
            ],
        ),
    ];
    for (name, expected) in cases {
        for (cell, want) in cells.iter().zip(expected.iter()) {
            assert_eq!(&g.value(name, &[g.area(cell)]), want, "{name}({cell})");
        }
        assert_eq!(g.value(name, &[g.area("K1")]), e(ErrorKind::Value));
        for (cell, kind) in ERROR_CELLS {
            assert_eq!(g.value(name, &[g.area(cell)]), e(kind), "{name}({cell})");
        }
    }
}

#[test]
fn len_counts_characters() {
    let g = TestGrid::new();
    assert_eq!(g.value("LEN", &[txt("A wonderful world")]), n("17"));
    assert_eq!(g.value("LEN", &[txt("園田 直子  ")]), n("7"));
    assert_eq!(g.value("LENB", &[txt("山田太郎ciao")]), n("8"));
    assert_eq!(g.value("LEN", &[txt("#DIV/0!")]), n("7"));
    assert_eq!(g.value("LEN", &[empty()]), n("0"));
}

#[test]
fn left_right_mid() {
    // IronCalc STRING_HANDLING.xlsx.
    let g = TestGrid::new();
    let text = txt("A wonderful world");
    assert_eq!(g.value("LEFT", std::slice::from_ref(&text)), s("A"));
    assert_eq!(g.value("LEFT", &[text.clone(), num("3")]), s("A w"));
    assert_eq!(
        g.value("LEFT", &[text.clone(), num("100")]),
        s("A wonderful world")
    );
    assert_eq!(
        g.value("LEFT", &[text.clone(), num("-1")]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("RIGHT", std::slice::from_ref(&text)), s("d"));
    assert_eq!(g.value("RIGHT", &[text.clone(), num("3")]), s("rld"));
    assert_eq!(
        g.value("RIGHT", &[text.clone(), num("100")]),
        s("A wonderful world")
    );
    assert_eq!(
        g.value("RIGHT", &[text.clone(), num("-2")]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("RIGHT", &[txt("園田 直子  "), num("3")]), s("子  "));
    assert_eq!(g.value("LEFT", &[txt("園田 直子  "), num("3")]), s("園田 "));
    assert_eq!(g.value("LEFT", &[num("123")]), s("1"));
    assert_eq!(
        g.value("LEFT", &[err(ErrorKind::Div0), num("-1")]),
        e(ErrorKind::Div0)
    );
    let world = txt("A Wonderful World");
    assert_eq!(
        g.value("MID", &[world.clone(), num("1"), num("3")]),
        s("A W")
    );
    assert_eq!(
        g.value("MID", &[world.clone(), num("3"), num("100")]),
        s("Wonderful World")
    );
    assert_eq!(
        g.value("MID", &[world.clone(), num("0"), num("3.7")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("MID", &[world.clone(), num("1.3"), num("7.3")]),
        s("A Wonde")
    );
    assert_eq!(g.value("LEFT", &[world.clone(), num("3.7")]), s("A W"));
    assert_eq!(g.value("RIGHT", &[world.clone(), num("7.3")]), s("l World"));
    assert_eq!(g.value("MID", &[world.clone(), num("10"), num("0")]), s(""));
    assert_eq!(
        g.value("MID", &[world.clone(), num("2"), num("-3")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("MID", &[world.clone(), empty(), empty()]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("LEFT", &[world.clone(), empty()]), s(""));
    assert_eq!(
        g.value("MID", &[world.clone(), err(ErrorKind::Div0), num("0")]),
        e(ErrorKind::Div0)
    );
    assert_eq!(g.value("MID", &[world, num("1"), empty()]), s(""));
    // formulas test.xlsx TEXT sheet.
    assert_eq!(g.value("LEFT", &[txt("ciao"), num("1.9")]), s("c"));
    assert_eq!(g.value("LEFT", &[num("2.3"), num("2")]), s("2."));
    assert_eq!(g.value("LEFT", &[txt("ciao"), boolean(true)]), s("c"));
    assert_eq!(
        g.value("LEFT", &[txt("ciao"), txt("ciao")]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("LEFTB", &[txt("ciao"), num("0")]), s(""));
    assert_eq!(g.value("RIGHTB", &[num("2.3"), num("1")]), s("3"));
    assert_eq!(g.value("MID", &[txt("ciao"), num("10"), num("2")]), s(""));
    assert_eq!(
        g.value("MIDB", &[txt("ciao"), boolean(true), empty()]),
        s("")
    );
    assert_eq!(
        g.value("MID", &[txt("ciao"), txt("ciao"), num("2.3")]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("LEFT", &[txt("abc"), num("1E+20")]), s("abc"));
}

#[test]
fn slicing_lifts_over_arrays() {
    let g = TestGrid::new();
    let words = row_of(&["ciao", "bau"]);
    assert_eq!(
        grid_of(&g, "MID", &[words.clone(), num("3"), num("2")]).values,
        vec![s("ao"), s("u")]
    );
    assert_eq!(
        grid_of(&g, "RIGHT", &[words, num("3")]).values,
        vec![s("iao"), s("bau")]
    );
    let upper = array(
        2,
        2,
        vec![s("sdfgs"), s("gusfgsf"), s("jsdbfdsDSDS"), s("njsdfbs")],
    );
    assert_eq!(
        grid_of(&g, "UPPER", &[upper]).values,
        vec![s("SDFGS"), s("GUSFGSF"), s("JSDBFDSDSDS"), s("NJSDFBS")]
    );
}

#[test]
fn case_and_cleaning() {
    let g = TestGrid::new();
    assert_eq!(g.value("LOWER", &[txt("#DIV/0!")]), s("#div/0!"));
    assert_eq!(g.value("UPPER", &[txt("straße")]), s("STRAßE"));
    assert_eq!(
        g.value("PROPER", &[txt("this is a TITLE")]),
        s("This Is A Title")
    );
    assert_eq!(g.value("PROPER", &[txt("2-way street")]), s("2-Way Street"));
    assert_eq!(g.value("PROPER", &[txt("76BudGet")]), s("76Budget"));
    assert_eq!(g.value("PROPER", &[txt("it's")]), s("It'S"));
    assert_eq!(
        g.value("TRIM", &[txt("  Hello     world  ")]),
        s("Hello world")
    );
    assert_eq!(g.value("TRIM", &[txt("園田 直子  ")]), s("園田 直子"));
    assert_eq!(g.value("TRIM", &[txt("a\u{a0} b")]), s("a\u{a0} b"));
    let dirty: String = (1u8..32)
        .map(char::from)
        .chain(" !\u{7f}Åç".chars())
        .collect();
    assert_eq!(g.value("CLEAN", &[txt(&dirty)]), s(" !\u{7f}Åç"));
    assert_eq!(g.value("CLEAN", &[boolean(true)]), s("TRUE"));
    assert_eq!(g.value("CLEAN", &[err(ErrorKind::NA)]), e(ErrorKind::NA));
}

#[test]
fn concatenation() {
    let mut g = TestGrid::new();
    g.set("B1", s("SPAM"))
        .set("C1", s("SPAM"))
        .set("D1", s("SPAM"))
        .set("B2", s("SPAM "))
        .set("C2", n("1234"));
    // xlcalculator CONCAT.xlsx.
    assert_eq!(g.value("CONCAT", &[g.area("B1:D1")]), s("SPAMSPAMSPAM"));
    assert_eq!(
        g.value("CONCAT", &[g.area("B1"), txt("NEIGH")]),
        s("SPAMNEIGH")
    );
    assert_eq!(
        g.value("CONCAT", &[g.area("B1:C2"), txt("!")]),
        s("SPAMSPAMSPAM 1234!")
    );
    assert_eq!(g.value("CONCAT", &[g.area("F1:F3")]), s(""));
    // formulas test.xlsx TEXT sheet.
    let g = corpus_row("2", "3", "10", "-1", "ciao");
    let cells = |list: &[&str]| list.iter().map(|c| g.area(c)).collect::<Vec<_>>();
    for name in ["CONCAT", "CONCATENATE"] {
        assert_eq!(g.value(name, &cells(&["C1", "D1", "E1"])), s("023"));
        assert_eq!(g.value(name, &cells(&["F1", "G1", "H1"])), s("10-1"));
        assert_eq!(g.value(name, &cells(&["H1", "I1", "J1"])), s("ciaoTRUE"));
        assert_eq!(
            g.value(name, &cells(&["I1", "J1", "K1"])),
            e(ErrorKind::Value)
        );
        assert_eq!(g.value(name, &cells(&["L1", "M1", "N1"])), e(ErrorKind::NA));
        assert_eq!(
            g.value(name, &cells(&["M1", "N1", "O1"])),
            e(ErrorKind::Div0)
        );
    }
    assert_eq!(g.value("CONCAT", &cells(&["C1:J1"])), s("02310-1ciaoTRUE"));
    assert_eq!(g.value("CONCAT", &cells(&["C1:F1", "D1:E1"])), s("0231023"));
    assert_eq!(
        g.value("CONCAT", &cells(&["M1:P1", "J1:K1"])),
        e(ErrorKind::Div0)
    );
    // CONCATENATE maps over ranges element by element.
    assert_eq!(
        grid_of(&g, "CONCATENATE", &cells(&["C1:D1", "D1:E1"])).values,
        vec![s("02"), s("23")]
    );
    assert_eq!(g.value("CONCATENATE", &[txt("'"), txt("<>&")]), s("'<>&"));
    let long = "x".repeat(20_000);
    assert_eq!(
        g.value("CONCAT", &[txt(&long), txt(&long)]),
        e(ErrorKind::Value)
    );
}

#[test]
fn textjoin() {
    let mut g = corpus_row("1.9", "2.3", "10", "-1", "26/08/1987");
    g.set("A5", s(""));
    let r = |a: &str| g.area(a);
    assert_eq!(
        g.value("TEXTJOIN", &[txt(","), boolean(false), r("C1:I1")]),
        s("0,1.9,2.3,10,-1,,26/08/1987")
    );
    assert_eq!(
        g.value("TEXTJOIN", &[txt(","), boolean(true), r("D1:J1")]),
        s("1.9,2.3,10,-1,26/08/1987,TRUE")
    );
    assert_eq!(
        g.value("TEXTJOIN", &[txt(","), boolean(true), r("G1:H1")]),
        s("-1")
    );
    assert_eq!(
        g.value("TEXTJOIN", &[txt(","), boolean(true), r("J1:K1")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("TEXTJOIN", &[txt(","), boolean(true), r("L1:M1")]),
        e(ErrorKind::NA)
    );
    assert_eq!(
        g.value(
            "TEXTJOIN",
            &[row_of(&[",", ";"]), boolean(true), r("C1:D1")]
        ),
        s("0,1.9")
    );
    assert_eq!(
        g.value(
            "TEXTJOIN",
            &[row_of(&["-", "+"]), boolean(true), r("C1:F1")]
        ),
        s("0-1.9+2.3-10")
    );
    assert_eq!(
        g.value("TEXTJOIN", &[txt(", "), txt("x"), txt("a")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value(
            "TEXTJOIN",
            &[txt("/"), num("1"), txt("a"), r("A5"), txt("b")]
        ),
        s("a/b")
    );
    assert_eq!(
        g.value(
            "TEXTJOIN",
            &[txt("/"), num("0"), txt("a"), r("A5"), txt("b")]
        ),
        s("a//b")
    );
}

#[test]
fn find_and_search() {
    let mut g = TestGrid::new();
    g.set("A2", s("Miriam McGovern"));
    // xlcalculator FIND.xlsx (Excel's documentation example).
    assert_eq!(g.value("FIND", &[txt("M"), g.area("A2")]), n("1"));
    assert_eq!(g.value("FIND", &[txt("m"), g.area("A2")]), n("6"));
    assert_eq!(g.value("FIND", &[txt("M"), g.area("A2"), num("3")]), n("8"));
    // formulas test.xlsx TEXT sheet.
    assert_eq!(g.value("FIND", &[txt("ia"), num("0")]), e(ErrorKind::Value));
    assert_eq!(
        g.value("FIND", &[txt("ia"), txt("山田太郎ciao"), num("2")]),
        n("6")
    );
    assert_eq!(
        g.value("FINDB", &[txt("ia"), txt("ciao"), num("3")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("FIND", &[txt("q"), txt("ciao"), num("10")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("FIND", &[txt("v"), txt("ciao"), num("-1")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("FIND", &[txt("ia"), txt("ciao"), empty()]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("FIND", &[txt("ia"), txt("ciao"), boolean(true)]),
        n("2")
    );
    assert_eq!(
        g.value("FIND", &[txt("ia"), txt("ciao"), err(ErrorKind::Num)]),
        e(ErrorKind::Num)
    );
    assert_eq!(g.value("FIND", &[txt(""), txt("abc")]), n("1"));
    assert_eq!(g.value("FIND", &[txt(""), txt("abc"), num("3")]), n("3"));
    assert_eq!(
        grid_of(&g, "FIND", &[row_of(&["a", "b"]), row_of(&["ciao", "bau"])]).values,
        vec![n("3"), n("1")]
    );
    assert_eq!(
        g.value("SEARCH", &[txt("BASE"), txt("database"), num("0")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("SEARCH", &[txt("BASE"), txt("database"), num("1.9")]),
        n("5")
    );
    assert_eq!(
        g.value("SEARCH", &[txt("BASE"), txt("database"), num("2.3")]),
        n("5")
    );
    assert_eq!(
        g.value("SEARCH", &[txt("BASE"), txt("database"), num("10")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("SEARCHB", &[txt("BASE"), txt("database"), boolean(true)]),
        n("5")
    );
    // Excel's documentation examples, with wildcards.
    g.set("A3", s("Statements")).set("A4", s("Profit Margin"));
    assert_eq!(
        g.value("SEARCH", &[txt("e"), g.area("A3"), num("6")]),
        n("7")
    );
    assert_eq!(g.value("SEARCH", &[txt("margin"), g.area("A4")]), n("8"));
    assert_eq!(g.value("SEARCH", &[txt("m?r*n"), g.area("A4")]), n("8"));
    assert_eq!(g.value("SEARCH", &[txt("p*t m"), g.area("A4")]), n("1"));
    assert_eq!(g.value("SEARCH", &[txt("~*"), txt("a*b")]), n("2"));
    assert_eq!(g.value("SEARCH", &[txt("~?"), txt("ab?")]), n("3"));
    assert_eq!(g.value("SEARCH", &[txt("."), txt("a.b")]), n("2"));
    assert_eq!(
        g.value("SEARCH", &[txt("x"), txt("abc")]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("SEARCH", &[txt("ç"), txt("ÀÇ")]), n("2"));
}

#[test]
fn substitute_replace_rept_exact() {
    let g = TestGrid::new();
    let list = txt("0, 1.9,2.3,10,-1,ciao, TRUE");
    let cases = [
        (num("0"), ", 1.9,2.3,1,-1,ciao, TRUE"),
        (num("1.9"), "0, ,2.3,10,-1,ciao, TRUE"),
        (num("10"), "0, 1.9,2.3,,-1,ciao, TRUE"),
        (empty(), "0, 1.9,2.3,10,-1,ciao, TRUE"),
        (txt("ciao"), "0, 1.9,2.3,10,-1,, TRUE"),
        (boolean(true), "0, 1.9,2.3,10,-1,ciao, "),
    ];
    for (old, want) in cases {
        assert_eq!(
            g.value("SUBSTITUTE", &[list.clone(), old, txt("")]),
            s(want)
        );
    }
    assert_eq!(
        g.value("SUBSTITUTE", &[list, err(ErrorKind::Ref), txt("")]),
        e(ErrorKind::Ref)
    );
    // Excel's documentation examples.
    assert_eq!(
        g.value(
            "SUBSTITUTE",
            &[txt("Sales Data"), txt("Sales"), txt("Cost")]
        ),
        s("Cost Data")
    );
    assert_eq!(
        g.value(
            "SUBSTITUTE",
            &[txt("Quarter 1, 2008"), txt("1"), txt("2"), num("1")]
        ),
        s("Quarter 2, 2008")
    );
    assert_eq!(
        g.value(
            "SUBSTITUTE",
            &[txt("Quarter 1, 2011"), txt("1"), txt("2"), num("3")]
        ),
        s("Quarter 1, 2012")
    );
    assert_eq!(
        g.value("SUBSTITUTE", &[txt("36526"), txt("6"), txt("q"), num("2")]),
        s("3652q")
    );
    assert_eq!(
        g.value("SUBSTITUTE", &[txt("XYZZY"), txt("y"), txt("q"), num("2")]),
        s("XYZZY")
    );
    assert_eq!(
        g.value("SUBSTITUTE", &[txt("aaa"), txt("a"), txt("b"), num("0")]),
        e(ErrorKind::Value)
    );
    // formulas test.xlsx TEXT sheet.
    let r = |args: [Operand; 4]| g.value("REPLACE", &args);
    assert_eq!(
        r([txt("ciao"), num("2"), num("0"), txt("vvv")]),
        s("cvvviao")
    );
    assert_eq!(r([txt("ciao"), num("1.9"), num("2"), txt("cc")]), s("ccao"));
    assert_eq!(r([num("2.3"), num("1"), num("2"), txt("c")]), s("c3"));
    assert_eq!(r([txt("ciao"), num("10"), num("2"), num("3")]), s("ciao3"));
    assert_eq!(
        r([txt("ciao"), num("2"), num("-1"), boolean(true)]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        r([txt("ciao"), empty(), num("2"), num("2")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        r([txt("ciao"), boolean(true), empty(), txt("a")]),
        s("aciao")
    );
    assert_eq!(
        r([txt("ciao"), err(ErrorKind::NA), num("2"), txt("vv")]),
        e(ErrorKind::NA)
    );
    assert_eq!(
        g.value(
            "REPLACEB",
            &[txt("abcdefghijk"), num("6"), num("5"), txt("*")]
        ),
        s("abcde*k")
    );
    assert_eq!(g.value("REPT", &[num("0"), num("3")]), s("000"));
    assert_eq!(g.value("REPT", &[num("1.9"), num("3")]), s("1.91.91.9"));
    assert_eq!(
        g.value("REPT", &[boolean(true), num("3")]),
        s("TRUETRUETRUE")
    );
    assert_eq!(g.value("REPT", &[empty(), num("3")]), s(""));
    assert_eq!(
        g.value("REPT", &[txt("ab"), num("-1")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        g.value("REPT", &[txt("ab"), num("20000")]),
        e(ErrorKind::Value)
    );
    assert_eq!(g.value("REPT", &[txt(""), num("1E+15")]), s(""));
    assert_eq!(
        g.value("REPT", &[err(ErrorKind::Ref), num("2")]),
        e(ErrorKind::Ref)
    );
    assert_eq!(g.value("EXACT", &[num("0"), txt("0")]), Value::Bool(true));
    assert_eq!(
        g.value("EXACT", &[num("3"), num("2.3")]),
        Value::Bool(false)
    );
    assert_eq!(g.value("EXACT", &[empty(), txt("")]), Value::Bool(true));
    assert_eq!(
        g.value("EXACT", &[txt("ciao"), txt("CIAO")]),
        Value::Bool(false)
    );
    assert_eq!(
        g.value("EXACT", &[err(ErrorKind::Value), err(ErrorKind::NA)]),
        e(ErrorKind::Value)
    );
}

#[test]
fn value_and_numbervalue() {
    let g = TestGrid::new();
    assert_eq!(g.value("VALUE", &[txt("$1,000")]), n("1000"));
    assert_eq!(g.value("VALUE", &[txt("1987-08-26")]), n("32015"));
    assert_eq!(g.value("VALUE", &[txt("50%")]), n("0.5"));
    assert_eq!(g.value("VALUE", &[txt("12:00")]), n("0.5"));
    assert_eq!(g.value("VALUE", &[txt("-2.34")]), n("-2.34"));
    assert_eq!(g.value("VALUE", &[txt("XYZZY")]), e(ErrorKind::Value));
    assert_eq!(g.value("VALUE", &[boolean(true)]), e(ErrorKind::Value));
    assert_eq!(g.value("VALUE", &[empty()]), n("0"));
    assert_eq!(g.value("VALUE", &[err(ErrorKind::Num)]), e(ErrorKind::Num));
    // formulas test.xlsx TEXT sheet.
    let nv = |args: &[Operand]| g.value("NUMBERVALUE", args);
    assert_eq!(nv(&[txt("(2.500,27)"), txt(","), txt(".")]), n("-2500.27"));
    assert_eq!(
        nv(&[txt("(2,500.27)"), txt(","), txt(".")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        nv(&[txt("(2500.27)"), txt("."), txt(".,")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        nv(&[txt("(2,500.27%)%"), txt("."), txt(",.,")]),
        n("-0.250027")
    );
    assert_eq!(
        nv(&[txt("(,25,,0,0.27E + 6%)%"), txt("."), txt(",.,")]),
        n("-250027")
    );
    assert_eq!(nv(&[empty(), txt("."), txt(",.,")]), n("0"));
    assert_eq!(nv(&[num("2.3")]), n("2.3"));
    assert_eq!(nv(&[txt("ciao")]), e(ErrorKind::Value));
    assert_eq!(nv(&[boolean(true)]), e(ErrorKind::Value));
    assert_eq!(nv(&[err(ErrorKind::NA)]), e(ErrorKind::NA));
    assert_eq!(
        nv(&[txt("(-2500.27E+2%)%"), txt("."), txt(",.,")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        nv(&[txt("- 2500.27%E+2%%"), txt("."), txt(",.,")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        nv(&[txt("- -2500.27E+2%%"), txt("."), txt(",.,")]),
        e(ErrorKind::Value)
    );
    assert_eq!(nv(&[txt("250)027"), txt(")")]), n("250.027"));
    assert_eq!(nv(&[txt("(2,500.27%)%"), txt(",")]), e(ErrorKind::Value));
    assert_eq!(nv(&[txt("(2500,27E+6%)%"), txt(",")]), n("-250027"));
    assert_eq!(nv(&[txt("1"), empty()]), e(ErrorKind::Value));
    assert_eq!(nv(&[txt("1"), txt("2"), empty()]), e(ErrorKind::Value));
    // Excel's documentation examples.
    assert_eq!(nv(&[txt("2.500,27"), txt(","), txt(".")]), n("2500.27"));
    assert_eq!(nv(&[txt("3.5%")]), n("0.035"));
    assert_eq!(nv(&[txt(" 1 000 ")]), n("1000"));
    assert_eq!(nv(&[txt("9%%")]), n("0.0009"));
}

#[test]
fn text_fixed_dollar() {
    let g = corpus_row("1.9", "2.3", "10", "-1", "1987-08-26");
    let cases = [
        ("C1", s(".00")),
        ("D1", s("1.90")),
        ("E1", s("2.30")),
        ("F1", s("10.00")),
        ("G1", s("-1.00")),
        ("H1", s(".00")),
        ("I1", s("32015.00")),
        ("J1", s("TRUE")),
        ("K1", e(ErrorKind::Value)),
        ("L1", e(ErrorKind::NA)),
        ("Q1", e(ErrorKind::Ref)),
    ];
    for (cell, want) in cases {
        assert_eq!(
            g.value("TEXT", &[g.area(cell), txt("#.00")]),
            want,
            "{cell}"
        );
    }
    assert_eq!(g.value("TEXT", &[num("1.23"), num("0")]), s("1"));
    assert_eq!(
        g.value("TEXT", &[num("1"), err(ErrorKind::Div0)]),
        e(ErrorKind::Div0)
    );
    assert_eq!(g.value("TEXT", &[num("-1"), txt("#.###")]), s("-1."));
    let sequence = array(3, 1, vec![n("35065"), n("35066"), n("35067")]);
    assert_eq!(
        grid_of(&g, "TEXT", &[sequence, txt("ddd")]).values,
        vec![s("Mon"), s("Tue"), s("Wed")]
    );
    assert_eq!(g.value("TEXT", &[num("46023"), txt("mmmm")]), s("January"));
    // formulas test.xlsx TEXT and EXTRA sheets.
    let big = txt("123456789076754345682.2121234567832131341");
    let fixed = |args: &[Operand]| g.value("FIXED", args);
    assert_eq!(
        fixed(&[big.clone(), num("0")]),
        s("123,456,789,076,754,000,000")
    );
    assert_eq!(fixed(&[big.clone(), num("-128000")]), s("0"));
    assert_eq!(fixed(&[big.clone(), num("128")]), e(ErrorKind::Value));
    let with_127 = format!("123,456,789,076,754,000,000.{}", "0".repeat(127));
    assert_eq!(fixed(&[big.clone(), num("127")]), s(&with_127));
    assert_eq!(
        fixed(&[big.clone(), num("-3")]),
        s("123,456,789,076,754,000,000")
    );
    assert_eq!(
        fixed(&[big.clone(), empty()]),
        s("123,456,789,076,754,000,000")
    );
    assert_eq!(fixed(&[big.clone(), txt("ciao")]), e(ErrorKind::Value));
    assert_eq!(
        fixed(&[big.clone(), boolean(true), txt("1")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        fixed(&[big.clone(), err(ErrorKind::Null)]),
        e(ErrorKind::Null)
    );
    assert_eq!(
        fixed(&[big.clone(), txt("3"), num("0")]),
        s("123,456,789,076,754,000,000.000")
    );
    assert_eq!(
        fixed(&[big.clone(), txt("3"), txt("0")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        fixed(&[big.clone(), txt("3"), num("2")]),
        s("123456789076754000000.000")
    );
    assert_eq!(
        fixed(&[big.clone(), txt("3"), txt("TRuE")]),
        s("123456789076754000000.000")
    );
    assert_eq!(
        fixed(&[big, txt("3"), txt("FALSE")]),
        s("123,456,789,076,754,000,000.000")
    );
    assert_eq!(
        fixed(&[num("10001"), txt("36"), txt("FALSe")]),
        s(&format!("10,001.{}", "0".repeat(36)))
    );
    assert_eq!(fixed(&[num("0")]), s("0.00"));
    assert_eq!(fixed(&[num("1234.567"), num("1")]), s("1,234.6"));
    assert_eq!(
        fixed(&[num("-1234.567"), num("-1"), boolean(true)]),
        s("-1230")
    );
    assert_eq!(
        g.value("DOLLAR", &[num("1234.567"), num("2")]),
        s("$1,234.57")
    );
    assert_eq!(
        g.value("DOLLAR", &[num("1234.567"), num("-2")]),
        s("$1,200")
    );
    assert_eq!(
        g.value("DOLLAR", &[num("-1234.567"), num("-2")]),
        s("($1,200)")
    );
    assert_eq!(
        g.value("DOLLAR", &[num("-0.123"), num("4")]),
        s("($0.1230)")
    );
    assert_eq!(g.value("DOLLAR", &[num("99.888")]), s("$99.89"));
    assert_eq!(g.value("DOLLAR", &[txt("x")]), e(ErrorKind::Value));
}

#[test]
fn character_codes() {
    let g = corpus_row("157", "65", "65.8", "-1", "ciao");
    let cases = [
        ("C1", e(ErrorKind::Value)),
        ("E1", s("A")),
        ("F1", s("A")),
        ("G1", e(ErrorKind::Value)),
        ("H1", e(ErrorKind::Value)),
        ("I1", e(ErrorKind::Value)),
        ("J1", s("\u{1}")),
        ("K1", e(ErrorKind::Value)),
        ("L1", e(ErrorKind::NA)),
    ];
    for (cell, want) in &cases {
        assert_eq!(&g.value("CHAR", &[g.area(cell)]), want, "CHAR({cell})");
        assert_eq!(
            &g.value("UNICHAR", &[g.area(cell)]),
            want,
            "UNICHAR({cell})"
        );
    }
    assert_eq!(g.value("UNICHAR", &[num("157")]), s("\u{9d}"));
    // Windows-1252, Excel for Windows' character set.
    assert_eq!(g.value("CHAR", &[num("128")]), s("€"));
    assert_eq!(g.value("CHAR", &[num("169")]), s("©"));
    assert_eq!(g.value("CHAR", &[num("255")]), s("ÿ"));
    assert_eq!(g.value("CHAR", &[num("256")]), e(ErrorKind::Value));
    assert_eq!(g.value("CODE", &[txt("€")]), n("128"));
    assert_eq!(g.value("CODE", &[txt("©")]), n("169"));
    assert_eq!(g.value("CODE", &[txt("AB")]), n("65"));
    assert_eq!(g.value("CODE", &[txt("山")]), n("63"));
    assert_eq!(g.value("UNICODE", &[txt("山")]), n("23665"));
    assert_eq!(g.value("UNICHAR", &[num("23665")]), s("山"));
    assert_eq!(g.value("UNICHAR", &[num("55296")]), e(ErrorKind::NA));
    assert_eq!(g.value("UNICHAR", &[num("1114112")]), e(ErrorKind::Value));
    let g = corpus_row("1.9", "2.3", "10", "-1", "c");
    let cases = [
        ("C1", n("48")),
        ("D1", n("49")),
        ("E1", n("50")),
        ("F1", n("49")),
        ("G1", n("45")),
        ("H1", e(ErrorKind::Value)),
        ("I1", n("99")),
        ("J1", n("84")),
        ("K1", e(ErrorKind::Value)),
        ("M1", e(ErrorKind::Div0)),
    ];
    for (cell, want) in &cases {
        assert_eq!(&g.value("CODE", &[g.area(cell)]), want, "CODE({cell})");
        assert_eq!(
            &g.value("UNICODE", &[g.area(cell)]),
            want,
            "UNICODE({cell})"
        );
    }
}

#[test]
fn t_and_value_to_text() {
    let g = corpus_row("1.9", "2.3", "10", "-1", "26/08/1987");
    assert_eq!(g.value("T", &[g.area("C1")]), s(""));
    assert_eq!(g.value("T", &[g.area("H1")]), s(""));
    assert_eq!(g.value("T", &[g.area("I1")]), s("26/08/1987"));
    assert_eq!(g.value("T", &[g.area("J1")]), s(""));
    assert_eq!(g.value("T", &[g.area("K1")]), e(ErrorKind::Value));
    assert_eq!(g.value("T", &[g.area("P1")]), e(ErrorKind::Num));
    let g = corpus_row("1.9", "2.3", "10", "-1", "1987-08-26");
    let v = |args: &[Operand]| g.value("VALUETOTEXT", args);
    assert_eq!(v(&[g.area("C1"), num("0")]), s("0"));
    assert_eq!(v(&[g.area("D1"), txt("0")]), s("1.9"));
    assert_eq!(v(&[g.area("G1"), boolean(false)]), s("-1"));
    assert_eq!(v(&[txt("ciao3"), g.area("H1")]), s("ciao3"));
    assert_eq!(v(&[g.area("I1"), txt("0")]), s("1987-08-26"));
    assert_eq!(v(&[g.area("J1"), num("0")]), s("TRUE"));
    assert_eq!(v(&[g.area("K1"), num("0")]), s("#VALUE!"));
    assert_eq!(v(&[g.area("L1"), num("1")]), s("#N/A"));
    assert_eq!(v(&[g.area("C1"), num("0.9")]), s("0"));
    assert_eq!(v(&[g.area("D1"), num("-1")]), e(ErrorKind::Value));
    assert_eq!(v(&[g.area("E1"), txt("a")]), e(ErrorKind::Value));
    assert_eq!(v(&[g.area("F1"), num("2")]), e(ErrorKind::Value));
    assert_eq!(v(&[g.area("H1"), num("1")]), s(""));
    assert_eq!(v(&[g.area("I1"), txt("1.99")]), s("\"1987-08-26\""));
    assert_eq!(v(&[txt("say \"hi\""), num("1")]), s("\"say \"\"hi\"\"\""));
    assert_eq!(v(&[g.area("A1"), err(ErrorKind::Name)]), e(ErrorKind::Name));
}

#[test]
fn array_to_text() {
    let mut g = corpus_row("1.9", "2.3", "10", "-1", "1987-08-26");
    g.set("C2", n("0"))
        .set("D2", n("1.9"))
        .set("E2", n("2.3"))
        .set("F2", n("10"))
        .set("G2", n("-1"))
        .set("I2", s(""))
        .set("J2", Value::Bool(true))
        .set("K2", e(ErrorKind::Value))
        .set("L2", e(ErrorKind::NA));
    let a = |range: &str, format: Operand| g.value("ARRAYTOTEXT", &[g.area(range), format]);
    assert_eq!(a("C1:D2", num("0")), s("0, 1.9, 0, 1.9"));
    assert_eq!(a("E1:E2", num("0")), s("2.3, 2.3"));
    assert_eq!(a("G1", num("0")), s("-1"));
    assert_eq!(a("H1:H2", num("0")), s(", "));
    assert_eq!(a("I1:J1", num("0")), s("1987-08-26, TRUE"));
    assert_eq!(a("K1:L1", num("0")), s("#VALUE!, #N/A"));
    assert_eq!(a("C2:D2", num("2")), e(ErrorKind::Value));
    assert_eq!(a("D1:E2", num("1")), s("{1.9,2.3;1.9,2.3}"));
    assert_eq!(a("E1:E2", num("1")), s("{2.3;2.3}"));
    assert_eq!(a("F2:G2", num("1")), s("{10,-1}"));
    assert_eq!(a("H2", num("1")), e(ErrorKind::Value));
    assert_eq!(a("I2", num("1")), s("{\"\"}"));
    assert_eq!(a("I2:J2", num("1")), s("{\"\",TRUE}"));
    assert_eq!(a("J2:K2", num("1")), s("{TRUE,#VALUE!}"));
    assert_eq!(a("K2:L2", num("0.9")), s("#VALUE!, #N/A"));
    assert_eq!(
        a("C2:L2", num("1")),
        s("{0,1.9,2.3,10,-1,,\"\",TRUE,#VALUE!,#N/A}")
    );
    assert_eq!(g.value("ARRAYTOTEXT", &[g.area("C1:D1")]), s("0, 1.9"));
    assert_eq!(
        g.value("ARRAYTOTEXT", &[g.area("C1:D1"), err(ErrorKind::NA)]),
        e(ErrorKind::NA)
    );
    // A format array maps the function over the formats.
    assert_eq!(
        grid_of(
            &g,
            "ARRAYTOTEXT",
            &[g.area("F2:G2"), array(1, 2, vec![n("0"), n("1")])]
        )
        .values,
        vec![s("10, -1"), s("{10,-1}")]
    );
    assert_eq!(
        g.value(
            "ARRAYTOTEXT",
            &[
                array(2, 2, vec![n("1"), s("a"), Value::Bool(false), n("4")]),
                num("1")
            ]
        ),
        s("{1,\"a\";FALSE,4}")
    );
}

#[test]
fn text_before_and_after() {
    let g = corpus_row("1.9", "2.3", "10", "-1", "1987-08-26");
    let list = txt("1,2,3,4,5,6,7,8");
    let delims = row_of(&["3", "4"]);
    let before = |rest: &[Operand]| {
        let mut args = vec![list.clone(), delims.clone()];
        args.extend_from_slice(rest);
        g.value("TEXTBEFORE", &args)
    };
    let after = |rest: &[Operand]| {
        let mut args = vec![list.clone(), delims.clone()];
        args.extend_from_slice(rest);
        g.value("TEXTAFTER", &args)
    };
    // formulas test.xlsx TEXT sheet.
    assert_eq!(before(&[g.area("C1")]), e(ErrorKind::Value));
    assert_eq!(before(&[g.area("D1")]), s("1,2,"));
    assert_eq!(before(&[g.area("E1")]), s("1,2,3,"));
    assert_eq!(before(&[g.area("F1")]), e(ErrorKind::NA));
    assert_eq!(before(&[g.area("G1")]), s("1,2,3,"));
    assert_eq!(before(&[g.area("H1")]), e(ErrorKind::Value));
    assert_eq!(before(&[g.area("I1")]), e(ErrorKind::Value));
    assert_eq!(before(&[g.area("J1")]), s("1,2,"));
    assert_eq!(before(&[g.area("K1")]), e(ErrorKind::Value));
    assert_eq!(before(&[g.area("M1")]), e(ErrorKind::Div0));
    assert_eq!(after(&[g.area("C1")]), e(ErrorKind::Value));
    assert_eq!(after(&[g.area("D1")]), s(",4,5,6,7,8"));
    assert_eq!(after(&[g.area("E1"), g.area("F1")]), e(ErrorKind::Value));
    assert_eq!(after(&[g.area("F1"), g.area("H1")]), e(ErrorKind::NA));
    assert_eq!(after(&[g.area("G1"), g.area("I1")]), e(ErrorKind::Value));
    assert_eq!(after(&[g.area("H1"), g.area("J1")]), e(ErrorKind::Value));
    assert_eq!(after(&[g.area("J1")]), s(",4,5,6,7,8"));
    assert_eq!(after(&[g.area("P1")]), e(ErrorKind::Num));
    // formulas test.xlsx EXTRA sheet.
    let triple = row_of(&["3", "4", "5"]);
    assert_eq!(
        g.value("TEXTAFTER", &[list.clone(), triple.clone(), num("-1")]),
        s(",6,7,8")
    );
    assert_eq!(
        g.value("TEXTAFTER", &[list.clone(), triple, num("2")]),
        s(",5,6,7,8")
    );
    let nine = row_of(&["9"]);
    let end = [num("1"), num("1"), num("1")];
    assert_eq!(
        g.value(
            "TEXTAFTER",
            &[
                list.clone(),
                nine.clone(),
                end[0].clone(),
                end[1].clone(),
                end[2].clone()
            ]
        ),
        s("")
    );
    assert_eq!(
        g.value(
            "TEXTAFTER",
            &[
                txt("cc"),
                array(1, 1, vec![n("9")]),
                num("1"),
                num("1"),
                num("0")
            ]
        ),
        e(ErrorKind::NA)
    );
    assert_eq!(
        g.value(
            "TEXTAFTER",
            &[
                txt("cc"),
                array(1, 1, vec![n("9")]),
                num("1"),
                num("1"),
                num("1")
            ]
        ),
        s("")
    );
    // Excel's documentation examples.
    let red = txt("Little Red Riding Hood's red hood");
    assert_eq!(
        g.value("TEXTBEFORE", &[red.clone(), txt("Red")]),
        s("Little ")
    );
    assert_eq!(
        g.value("TEXTBEFORE", &[red.clone(), txt("red"), num("2")]),
        e(ErrorKind::NA)
    );
    assert_eq!(
        g.value("TEXTBEFORE", &[red.clone(), txt("red"), num("-2")]),
        e(ErrorKind::NA)
    );
    assert_eq!(
        g.value("TEXTBEFORE", &[red.clone(), txt("red"), num("1"), num("1")]),
        s("Little ")
    );
    assert_eq!(
        g.value(
            "TEXTBEFORE",
            &[red.clone(), txt("red"), num("-1"), num("1")]
        ),
        s("Little Red Riding Hood's ")
    );
    assert_eq!(
        g.value("TEXTAFTER", &[red.clone(), txt("Red")]),
        s(" Riding Hood's red hood")
    );
    assert_eq!(
        g.value("TEXTAFTER", &[red.clone(), txt("basket")]),
        e(ErrorKind::NA)
    );
    assert_eq!(
        g.value("TEXTAFTER", &[red.clone(), txt("red"), num("2"), num("1")]),
        s(" hood")
    );
    assert_eq!(
        g.value(
            "TEXTAFTER",
            &[
                red.clone(),
                txt("basket"),
                num("1"),
                num("0"),
                num("0"),
                txt("none")
            ]
        ),
        s("none")
    );
    assert_eq!(
        g.value("TEXTAFTER", &[red.clone(), txt("")]),
        s("Little Red Riding Hood's red hood")
    );
    assert_eq!(g.value("TEXTBEFORE", &[red.clone(), txt("")]), s(""));
    assert_eq!(
        g.value("TEXTBEFORE", &[red, txt(""), num("-1")]),
        s("Little Red Riding Hood's red hood")
    );
    // Omitted optional arguments take their defaults.
    assert_eq!(
        g.value("TEXTBEFORE", &[txt("a-b-c"), txt("-"), empty(), num("0")]),
        s("a")
    );
    assert_eq!(
        grid_of(&g, "TEXTBEFORE", &[row_of(&["a-b", "c-d-e"]), txt("-")]).values,
        vec![s("a"), s("c")]
    );
}

#[test]
fn text_split() {
    let g = corpus_row("1.9", "2.3", "10", "-1", "26/08/1987");
    let text = txt("123434,43r23123-1,2.3");
    let split = |delim: Operand| grid_of(&g, "TEXTSPLIT", &[text.clone(), delim]);
    // formulas test.xlsx TEXT sheet.
    assert_eq!(split(g.area("C1")).values, vec![s("123434,43r23123-1,2.3")]);
    assert_eq!(
        split(g.area("E1")).values,
        vec![s("123434,43r23123-1,"), s("")]
    );
    assert_eq!(split(txt("")).values, vec![e(ErrorKind::Value)]);
    assert_eq!(split(g.area("H1")).values, vec![e(ErrorKind::Value)]);
    assert_eq!(split(g.area("L1")).values, vec![e(ErrorKind::NA)]);
    // formulas test.xlsx EXTRA sheet.
    let result = grid_of(
        &g,
        "TEXTSPLIT",
        &[
            txt("26/08TRUE19|87"),
            array(1, 3, vec![s("/"), s("|"), Value::Bool(true)]),
            array(1, 2, vec![n("6"), n("9")]),
            boolean(false),
            num("1"),
            num("10"),
        ],
    );
    assert_eq!((result.rows, result.cols), (3, 3));
    assert_eq!(
        result.values,
        vec![
            s("2"),
            n("10"),
            n("10"),
            s(""),
            s("08"),
            s("1"),
            s(""),
            s("87"),
            n("10")
        ]
    );
    let result = grid_of(
        &g,
        "TEXTSPLIT",
        &[
            txt("1,2.3;4,,5AA6.7"),
            row_of(&[",", "."]),
            row_of(&[";", "a"]),
            boolean(true),
            num("1"),
            txt("pi"),
        ],
    );
    assert_eq!((result.rows, result.cols), (3, 3));
    assert_eq!(
        result.values,
        vec![
            s("1"),
            s("2"),
            s("3"),
            s("4"),
            s("5"),
            s("pi"),
            s("6"),
            s("7"),
            s("pi")
        ]
    );
    // Array-valued options map the function, keeping each result's first value.
    let mapped = grid_of(
        &g,
        "TEXTSPLIT",
        &[
            txt("26/08TRUE19|87"),
            num("10"),
            txt(" "),
            array(1, 2, vec![n("1"), n("2")]),
            array(1, 2, vec![n("1"), n("2")]),
            num("1"),
        ],
    );
    assert_eq!(
        mapped.values,
        vec![s("26/08TRUE19|87"), e(ErrorKind::Value)]
    );
    // IronCalc UPPER_LOWER.xlsx and Excel's documentation examples.
    let words = grid_of(
        &g,
        "TEXTSPLIT",
        &[txt("Hi, that's, AWSEOME,come, With, mE"), txt(",")],
    );
    assert_eq!(words.cols, 6);
    assert_eq!(words.values.first(), Some(&s("Hi")));
    assert_eq!(words.values.get(2), Some(&s(" AWSEOME")));
    let table = grid_of(
        &g,
        "TEXTSPLIT",
        &[
            txt("Do. Or do not. There is no try. -Anonymous"),
            txt(" "),
            txt("."),
        ],
    );
    assert_eq!((table.rows, table.cols), (4, 5));
    assert_eq!(table.get(0, 0), Some(&s("Do")));
    assert_eq!(table.get(0, 1), Some(&e(ErrorKind::NA)));
    assert_eq!(table.get(1, 0), Some(&s("")));
    assert_eq!(table.get(1, 1), Some(&s("Or")));
    assert_eq!(table.get(3, 1), Some(&s("-Anonymous")));
    let rows_only = grid_of(&g, "TEXTSPLIT", &[txt("a;b"), empty(), txt(";")]);
    assert_eq!((rows_only.rows, rows_only.cols), (2, 1));
    assert_eq!(
        grid_of(&g, "TEXTSPLIT", &[txt("a"), empty(), empty()]).values,
        vec![e(ErrorKind::Value)]
    );
}

#[test]
fn asc_and_dbcs() {
    let g = TestGrid::new();
    assert_eq!(g.value("ASC", &[txt("ＥＸＣＥＬ　１２")]), s("EXCEL 12"));
    assert_eq!(g.value("ASC", &[num("65.8")]), s("65.8"));
    assert_eq!(g.value("ASC", &[txt("ciao")]), s("ciao"));
    assert_eq!(g.value("ASC", &[err(ErrorKind::Null)]), e(ErrorKind::Null));
    assert_eq!(g.value("DBCS", &[txt("EXCEL 12")]), s("ＥＸＣＥＬ　１２"));
}

#[test]
fn regular_expressions() {
    let mut g = corpus_row("1.9", "2.3", "10", "-1", "ciao");
    let phones = "Sonia Rees    (378) 555-4195\nAngel Brown    (878) 555-8622\nBlake Martin    (437) 555-8987";
    g.set("H2", s(phones))
        .set("H3", s("Sonia Rees    (378) 555-4197"));
    let digits = txt("^\\d+$");
    // formulas test.xlsx TEXT sheet.
    let test = |args: &[Operand]| g.value("REGEXTEST", args);
    assert_eq!(test(&[g.area("C1"), digits.clone()]), Value::Bool(true));
    assert_eq!(test(&[g.area("D1"), num("1.9")]), Value::Bool(true));
    assert_eq!(
        test(&[g.area("E1"), digits.clone(), num("2")]),
        e(ErrorKind::Value)
    );
    assert_eq!(
        test(&[g.area("F1"), digits.clone(), num("1.9")]),
        Value::Bool(true)
    );
    assert_eq!(test(&[g.area("G1"), digits.clone()]), Value::Bool(false));
    assert_eq!(test(&[g.area("H1"), digits.clone()]), Value::Bool(false));
    assert_eq!(
        test(&[g.area("I1"), txt("^ciaO$"), num("1")]),
        Value::Bool(true)
    );
    assert_eq!(test(&[g.area("J1"), digits.clone()]), Value::Bool(false));
    assert_eq!(test(&[g.area("K1"), digits.clone()]), e(ErrorKind::Value));
    assert_eq!(test(&[g.area("M1"), digits.clone()]), e(ErrorKind::Div0));
    assert_eq!(test(&[txt("abc"), txt("(")]), e(ErrorKind::Value));
    assert_eq!(test(&[txt("abc"), txt("(?<=a)b")]), e(ErrorKind::Value));
    let replace = |args: &[Operand]| g.value("REGEXREPLACE", args);
    assert_eq!(replace(&[g.area("C1"), digits.clone(), txt("pi")]), s("pi"));
    assert_eq!(
        replace(&[g.area("D1"), digits.clone(), txt("pi")]),
        s("1.9")
    );
    assert_eq!(
        replace(&[g.area("F1"), digits.clone(), boolean(true)]),
        s("TRUE")
    );
    assert_eq!(replace(&[g.area("H1"), digits.clone(), txt("pi")]), s(""));
    assert_eq!(
        replace(&[g.area("J1"), digits.clone(), txt("pi")]),
        s("TRUE")
    );
    assert_eq!(
        replace(&[g.area("L1"), digits.clone(), txt("pi")]),
        e(ErrorKind::NA)
    );
    // Excel's documentation examples.
    let zeros = txt("0000abcd");
    assert_eq!(
        replace(&[zeros.clone(), txt("0"), txt("1"), num("2")]),
        s("0100abcd")
    );
    assert_eq!(
        replace(&[zeros.clone(), txt("0"), txt("1"), num("0")]),
        s("1111abcd")
    );
    assert_eq!(
        replace(&[zeros.clone(), txt("0"), txt("1"), num("-1")]),
        s("0001abcd")
    );
    assert_eq!(
        replace(&[zeros, txt("0"), txt("1"), num("9")]),
        s("0000abcd")
    );
    assert_eq!(
        replace(&[txt("aaaAbcd"), txt("a"), txt("0"), empty(), num("1")]),
        s("0000bcd")
    );
    assert_eq!(
        replace(&[txt("aaaAbcd"), txt("a"), txt("0"), empty(), num("0")]),
        s("000Abcd")
    );
    assert_eq!(
        replace(&[
            txt("Sonia (378) 555-4195  Brown(878) 555-8622"),
            txt("[0-9]+-"),
            txt("***-")
        ]),
        s("Sonia (378) ***-4195  Brown(878) ***-8622")
    );
    assert_eq!(
        replace(&[
            txt("JamesHenry"),
            txt("([A-Z][a-z]+)([A-Z][a-z]+)"),
            txt("$2, $1")
        ]),
        s("Henry, James")
    );
    assert_eq!(
        replace(&[txt("ab"), txt("(?<x>a)"), txt("[${x}$$]")]),
        s("[a$]b")
    );
    assert_eq!(
        replace(&[txt("ab"), txt("a"), txt("$3")]),
        e(ErrorKind::Value)
    );
    // formulas test.xlsx TEXT and EXTRA sheets.
    let extract = |args: &[Operand]| grid_of(&g, "REGEXEXTRACT", args);
    assert_eq!(
        extract(&[g.area("C1"), digits.clone()]).values,
        vec![s("0")]
    );
    assert_eq!(
        extract(&[g.area("D1"), digits.clone()]).values,
        vec![e(ErrorKind::NA)]
    );
    assert_eq!(
        extract(&[g.area("F1"), digits.clone()]).values,
        vec![s("10")]
    );
    assert_eq!(
        extract(&[g.area("K1"), digits.clone()]).values,
        vec![e(ErrorKind::Value)]
    );
    assert_eq!(
        extract(&[g.area("M1"), digits]).values,
        vec![e(ErrorKind::Div0)]
    );
    let pattern = txt("[0-9()]+ [0-9-]+");
    let all = extract(&[g.area("H2"), pattern.clone(), num("1")]);
    assert_eq!((all.rows, all.cols), (1, 3));
    assert_eq!(
        all.values,
        vec![
            s("(378) 555-4195"),
            s("(878) 555-8622"),
            s("(437) 555-8987")
        ]
    );
    assert_eq!(
        extract(&[g.area("H2"), pattern.clone(), num("0")]).values,
        vec![s("(378) 555-4195")]
    );
    assert_eq!(
        extract(&[g.area("H3"), pattern.clone(), num("2")]).values,
        vec![e(ErrorKind::Value)]
    );
    assert_eq!(
        extract(&[txt("1a2b3c"), txt("((\\d)[bc]+|(3c))"), num("2")]).values,
        vec![s("2b"), s("2"), e(ErrorKind::NA)]
    );
    assert_eq!(
        extract(&[g.area("H2"), txt("([0-9()]+) [0-9-]+"), num("2")]).values,
        vec![s("(378)")]
    );
    assert_eq!(
        extract(&[txt("abc"), txt("([ac]+)"), num("1")]).values,
        vec![s("a"), s("c")]
    );
    assert_eq!(
        extract(&[txt("none"), pattern.clone(), num("1")]).values,
        vec![e(ErrorKind::NA)]
    );
    assert_eq!(
        extract(&[txt("x"), txt("x"), num("3")]).values,
        vec![e(ErrorKind::Value)]
    );
    // A text array maps the function, keeping each result's first value.
    let mapped = extract(&[g.area("H2:H3"), pattern, array(2, 1, vec![n("1"), n("2")])]);
    assert_eq!(
        mapped.values,
        vec![s("(378) 555-4195"), e(ErrorKind::Value)]
    );
}

#[test]
fn bahttext() {
    // formulas test.xlsx TEXT sheet.
    let g = TestGrid::new();
    let cases = [
        (num("0"), "ศูนย์บาทถ้วน"),
        (num("157"), "หนึ่งร้อยห้าสิบเจ็ดบาทถ้วน"),
        (num("65"), "หกสิบห้าบาทถ้วน"),
        (num("65.8"), "หกสิบห้าบาทแปดสิบสตางค์"),
        (num("-1"), "ลบหนึ่งบาทถ้วน"),
        (empty(), "ศูนย์บาทถ้วน"),
        (boolean(true), "หนึ่งบาทถ้วน"),
        (num("1234"), "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"),
        (num("121.5"), "หนึ่งร้อยยี่สิบเอ็ดบาทห้าสิบสตางค์"),
        (num("0.25"), "ยี่สิบห้าสตางค์"),
        (num("2000000"), "สองล้านบาทถ้วน"),
    ];
    for (x, want) in cases {
        assert_eq!(g.value("BAHTTEXT", &[x]), s(want));
    }
    assert_eq!(g.value("BAHTTEXT", &[txt("ciao")]), e(ErrorKind::Value));
    assert_eq!(
        g.value("BAHTTEXT", &[err(ErrorKind::Ref)]),
        e(ErrorKind::Ref)
    );
}
