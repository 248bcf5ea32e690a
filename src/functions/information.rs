//! Information functions: value tests (ISNUMBER, ISBLANK...), TYPE and ERROR.TYPE, and what
//! the workbook knows about cells and sheets (ISFORMULA, FORMULATEXT, SHEET, SHEETS, CELL).

use rust_decimal::Decimal;

use super::args::{scalar, Area, Array, EvalContext, Operand};
use super::toolpak;
use super::FunctionDef;
use crate::formula::reference::column_name;
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::scalar("ISNUMBER", "value", 1, 1, isnumber),
    FunctionDef::scalar("ISTEXT", "value", 1, 1, istext),
    FunctionDef::scalar("ISNONTEXT", "value", 1, 1, isnontext),
    FunctionDef::scalar("ISBLANK", "value", 1, 1, isblank),
    FunctionDef::scalar("ISLOGICAL", "value", 1, 1, islogical),
    FunctionDef::scalar("ISERROR", "value", 1, 1, iserror),
    FunctionDef::scalar("ISERR", "value", 1, 1, iserr),
    FunctionDef::scalar("ISNA", "value", 1, 1, isna),
    FunctionDef::eager("ISEVEN", "number", 1, 1, iseven).elementwise(),
    FunctionDef::eager("ISODD", "number", 1, 1, isodd).elementwise(),
    FunctionDef::eager("ISREF", "value", 1, 1, isref),
    FunctionDef::eager("ISFORMULA", "reference", 1, 1, isformula),
    FunctionDef::eager("FORMULATEXT", "reference", 1, 1, formulatext),
    FunctionDef::scalar("N", "value", 1, 1, n),
    FunctionDef::scalar("NA", "", 0, 0, na),
    FunctionDef::eager("TYPE", "value", 1, 1, type_),
    FunctionDef::scalar("ERROR.TYPE", "error_val", 1, 1, error_type),
    FunctionDef::eager("SHEET", "[value]", 0, 1, sheet),
    FunctionDef::eager("SHEETS", "[reference]", 0, 1, sheets),
    FunctionDef::eager("CELL", "info_type, [reference]", 1, 2, cell).volatile(),
    FunctionDef::scalar("INFO", "type_text", 1, 1, info),
];

// ---------------------------------------------------------------------------------------------
// Value tests.
// ---------------------------------------------------------------------------------------------

fn isnumber(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(matches!(args[0], Value::Number(_)))
}

fn istext(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(matches!(args[0], Value::Text(_)))
}

fn isnontext(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(!matches!(args[0], Value::Text(_)))
}

/// Only an empty cell is blank; a formula's "" is text.
fn isblank(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(args[0].is_empty())
}

fn islogical(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(matches!(args[0], Value::Bool(_)))
}

fn iserror(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(args[0].is_error())
}

/// Any error but `#N/A`.
fn iserr(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(args[0].as_error().is_some_and(|e| e != ErrorKind::NA))
}

fn isna(args: &[Value], _: &dyn EvalContext) -> Value {
    Value::Bool(args[0].as_error() == Some(ErrorKind::NA))
}

/// ISEVEN/ISODD take one number under the Analysis ToolPak's rules ([`toolpak::call`]): a
/// legacy formula gives them the cell of a range in its own row or column, an array formula
/// `#VALUE!` for a range, and arrays are mapped.
fn parity_test(args: &[Operand], ctx: &dyn EvalContext, odd: bool) -> Operand {
    toolpak::call(args, ctx, &mut |v| match v.first().map(parity) {
        Some(Ok(is_odd)) => Value::Bool(is_odd == odd),
        Some(Err(e)) => Value::Error(e),
        None => Value::Error(ErrorKind::Value),
    })
}

/// Whether the integer part of a number is odd. Logical values are `#VALUE!` (unlike most
/// numeric arguments), numeric text counts.
fn parity(v: &Value) -> Result<bool, ErrorKind> {
    if let Value::Bool(_) = v {
        return Err(ErrorKind::Value);
    }
    let n = numeric::snap15(v.to_number()?).trunc();
    Ok(n % Decimal::TWO != Decimal::ZERO)
}

fn iseven(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    parity_test(args, ctx, false)
}

fn isodd(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    parity_test(args, ctx, true)
}

fn isref(args: &[Operand], _: &dyn EvalContext) -> Operand {
    Operand::Value(Value::Bool(args[0].is_reference()))
}

/// The formula of a cell with its leading `=`, if the cell holds one.
fn formula_of(ctx: &dyn EvalContext, area: &Area, row: u32, col: u32) -> Option<String> {
    ctx.formula_text(area.sheet, row, col).map(|f| {
        if f.starts_with('=') {
            f
        } else {
            format!("={f}")
        }
    })
}

/// Applies `f` to every cell of a reference: one value for a single cell, else an array.
fn per_cell(op: &Operand, ctx: &dyn EvalContext, f: &dyn Fn(&Area, u32, u32) -> Value) -> Operand {
    let area = match op {
        Operand::Ref(area) => *area,
        Operand::Value(Value::Error(e)) => return Operand::error(*e),
        _ => return Operand::error(ErrorKind::Value),
    };
    if area.is_single_cell() {
        return Operand::Value(f(&area, area.top, area.left));
    }
    let area = super::args::clip_whole(&area, ctx);
    let mut values = Vec::with_capacity(area.rows() * area.cols());
    for row in area.top..=area.bottom {
        for col in area.left..=area.right {
            values.push(f(&area, row, col));
        }
    }
    Operand::from(Array::new(area.rows(), area.cols(), values))
}

fn isformula(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    per_cell(&args[0], ctx, &|area, row, col| {
        Value::Bool(formula_of(ctx, area, row, col).is_some())
    })
}

/// The formula of the reference's top-left cell; `#N/A` when it is not a formula.
fn formulatext(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    match &args[0] {
        Operand::Ref(area) => Operand::Value(
            formula_of(ctx, area, area.top, area.left)
                .map(Value::from)
                .unwrap_or(Value::Error(ErrorKind::NA)),
        ),
        Operand::Value(Value::Error(e)) => Operand::error(*e),
        _ => Operand::error(ErrorKind::Value),
    }
}

// ---------------------------------------------------------------------------------------------
// N, NA, TYPE, ERROR.TYPE.
// ---------------------------------------------------------------------------------------------

/// Numbers stay, TRUE/FALSE become 1/0, text and empty become 0, errors propagate.
fn n(args: &[Value], _: &dyn EvalContext) -> Value {
    match &args[0] {
        Value::Number(x) => Value::Number(*x),
        Value::Bool(b) => Value::from(i64::from(*b)),
        Value::Error(e) => Value::Error(*e),
        Value::Text(_) | Value::Empty => Value::Number(Decimal::ZERO),
    }
}

fn na(_: &[Value], _: &dyn EvalContext) -> Value {
    Value::Error(ErrorKind::NA)
}

/// 1 number (and empty), 2 text, 4 logical, 16 error, 64 array (or multi-cell reference).
fn type_(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let code = match &args[0] {
        Operand::Array(_) => 64,
        Operand::Ref(area) if !area.is_single_cell() => 64,
        op => scalar(op, ctx).type_code(),
    };
    Operand::Value(Value::from(i64::from(code)))
}

fn error_type(args: &[Value], _: &dyn EvalContext) -> Value {
    match args[0].as_error() {
        Some(e) => Value::from(i64::from(e.type_number())),
        None => Value::Error(ErrorKind::NA),
    }
}

// ---------------------------------------------------------------------------------------------
// Sheets and cells.
// ---------------------------------------------------------------------------------------------

/// The 1-based position of a sheet (sheet ids are workbook positions).
fn sheet_number(id: super::SheetId) -> Value {
    Value::from(i64::from(id.0) + 1)
}

/// SHEET(): this sheet; SHEET(reference): the reference's sheet; SHEET("name"): that sheet's
/// number or `#N/A`.
fn sheet(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let value = match args.first() {
        None | Some(Operand::Value(Value::Empty)) => ctx
            .current_cell()
            .map(|(sheet, _)| sheet_number(sheet))
            .unwrap_or(Value::Error(ErrorKind::NA)),
        Some(Operand::Ref(area)) => sheet_number(area.sheet),
        Some(op) => match scalar(op, ctx) {
            Value::Error(e) => Value::Error(e),
            Value::Text(name) => ctx
                .sheet_by_name(&name)
                .map(sheet_number)
                .unwrap_or(Value::Error(ErrorKind::NA)),
            _ => Value::Error(ErrorKind::NA),
        },
    };
    Operand::Value(value)
}

/// SHEETS(): the workbook's sheet count; SHEETS(reference): the sheets it spans (one).
fn sheets(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let value = match args.first() {
        None | Some(Operand::Value(Value::Empty)) => Value::from(ctx.sheet_count() as i64),
        Some(Operand::Ref(_)) => Value::from(1),
        Some(Operand::Value(Value::Error(e))) => Value::Error(*e),
        Some(_) => Value::Error(ErrorKind::Ref),
    };
    Operand::Value(value)
}

/// `$A$1`, with the sheet name in front when it is not the formula's own sheet.
fn cell_address(area: &Area, ctx: &dyn EvalContext) -> String {
    let address = format!("${}${}", column_name(area.left), area.top + 1);
    let own_sheet = ctx.current_cell().map(|(s, _)| s);
    if own_sheet == Some(area.sheet) {
        return address;
    }
    match ctx.sheet_name(area.sheet) {
        Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
            format!("{name}!{address}")
        }
        Some(name) => format!("'{}'!{address}", name.replace('\'', "''")),
        None => address,
    }
}

/// CELL(info_type, [reference]) for the information kachi has: address, col, row, contents,
/// type, filename (empty: kachi does not know the file), and the defaults of an unformatted
/// cell for format, color, parentheses and protect.
fn cell(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    let info = match scalar(&args[0], ctx) {
        Value::Text(s) => s.to_ascii_lowercase(),
        Value::Error(e) => return Operand::error(e),
        _ => return Operand::error(ErrorKind::Value),
    };
    let area = match args.get(1) {
        Some(Operand::Ref(area)) => *area,
        Some(Operand::Value(Value::Error(e))) => return Operand::error(*e),
        Some(_) => return Operand::error(ErrorKind::Value),
        None => match ctx.current_cell() {
            Some((sheet, pos)) => Area::cell(sheet, pos.row, pos.col),
            None => return Operand::error(ErrorKind::Value),
        },
    };
    let contents = ctx.cell(area.sheet, area.top, area.left).clone();
    let value = match info.as_str() {
        "address" => Value::from(cell_address(&area, ctx)),
        "col" => Value::from(i64::from(area.left) + 1),
        "row" => Value::from(i64::from(area.top) + 1),
        "contents" => contents,
        "type" => Value::from(match contents {
            Value::Empty => "b",
            Value::Text(_) => "l",
            _ => "v",
        }),
        "filename" => Value::from(""),
        "format" => Value::from("G"),
        "color" | "parentheses" => Value::from(0),
        "protect" => Value::from(1),
        _ => Value::Error(ErrorKind::Value),
    };
    Operand::Value(value)
}

/// INFO(type_text) with the answers of a default Excel for Windows session.
fn info(args: &[Value], ctx: &dyn EvalContext) -> Value {
    let kind = match &args[0] {
        Value::Error(e) => return Value::Error(*e),
        v => match v.to_text() {
            Ok(s) => s.to_ascii_lowercase(),
            Err(e) => return Value::Error(e),
        },
    };
    match kind.as_str() {
        "recalc" => Value::from("Automatic"),
        "release" => Value::from("16.0"),
        "system" => Value::from("pcdos"),
        "osversion" => Value::from("Windows (64-bit) NT 10.00"),
        "origin" => Value::from("$A:$A$1"),
        "numfile" => Value::from(ctx.sheet_count() as i64),
        "directory" => Value::Error(ErrorKind::NA),
        _ => Value::Error(ErrorKind::Value),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    fn b(x: bool) -> Value {
        Value::Bool(x)
    }

    /// A grid with the kinds of values the corpus tests use: number, text, bool, error, empty.
    fn grid() -> TestGrid {
        let mut g = TestGrid::new();
        g.set("A1", n("1"))
            .set("A2", Value::text("Hello"))
            .set("A3", Value::Error(ErrorKind::NA))
            .set("A4", Value::text("12"))
            .set("A5", Value::Bool(true))
            .set("A6", Value::Error(ErrorKind::Div0))
            .set("A7", Value::text(""));
        g
    }

    #[test]
    fn is_functions_classify_values() {
        // IronCalc IS_INFORMATION.xlsx and formulas test.xlsx INFORMATION sheet.
        let g = grid();
        let cases: [(&str, [bool; 8]); 8] = [
            //             1      Hello  #N/A   "12"   TRUE   #DIV/0 ""     empty
            (
                "ISNUMBER",
                [true, false, false, false, false, false, false, false],
            ),
            (
                "ISTEXT",
                [false, true, false, true, false, false, true, false],
            ),
            (
                "ISNONTEXT",
                [true, false, true, false, true, true, false, true],
            ),
            (
                "ISBLANK",
                [false, false, false, false, false, false, false, true],
            ),
            (
                "ISLOGICAL",
                [false, false, false, false, true, false, false, false],
            ),
            (
                "ISERROR",
                [false, false, true, false, false, true, false, false],
            ),
            (
                "ISERR",
                [false, false, false, false, false, true, false, false],
            ),
            (
                "ISNA",
                [false, false, true, false, false, false, false, false],
            ),
        ];
        for (name, expected) in cases {
            for (i, want) in expected.iter().enumerate() {
                let cell = format!("A{}", i + 1);
                assert_eq!(g.value(name, &[g.area(&cell)]), b(*want), "{name}({cell})");
            }
        }
        assert_eq!(g.value("ISBLANK", &[txt("")]), b(false));
        assert_eq!(g.value("ISERROR", &[err(ErrorKind::Ref)]), b(true));
    }

    #[test]
    fn is_functions_lift_over_arrays() {
        let mut g = TestGrid::new();
        g.set("A1", n("1")).set("A2", Value::text("x"));
        let result = g.call("ISNUMBER", &[g.area("A1:A2")]);
        match result {
            crate::functions::Operand::Array(a) => {
                assert_eq!(a.values, vec![b(true), b(false)]);
            }
            other => panic!("expected an array, got {other:?}"),
        }
    }

    #[test]
    fn iseven_isodd() {
        // IronCalc ISREF_ISFORMULA_ISODD_ISEVEN.xlsx.
        let cases = [
            ("1", false),
            ("2", true),
            ("2.3", true),
            ("3.4", false),
            ("-3", false),
            ("-4.5", true),
            ("-5.5", false),
            ("1.5", false),
            ("0", true),
            ("-1", false),
            ("0.001", true),
        ];
        let g = TestGrid::new();
        for (x, even) in cases {
            assert_eq!(g.value("ISEVEN", &[num(x)]), b(even), "ISEVEN({x})");
            assert_eq!(g.value("ISODD", &[num(x)]), b(!even), "ISODD({x})");
        }
        assert_eq!(g.value("ISEVEN", &[txt("12")]), b(true));
        assert_eq!(g.value("ISODD", &[txt("11")]), b(true));
        assert_eq!(g.value("ISODD", &[txt("1/1/1900")]), b(true));
        assert_eq!(g.value("ISEVEN", &[empty()]), b(true));
        assert_eq!(g.value("ISEVEN", &[g.area("Z9")]), b(true));
        assert_eq!(
            g.value("ISEVEN", &[boolean(true)]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("ISODD", &[txt("Hey")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("ISODD", &[err(ErrorKind::NA)]),
            Value::Error(ErrorKind::NA)
        );
        // A range outside the formula's row or column: #VALUE!, as in Excel.
        assert_eq!(
            g.value("ISEVEN", &[g.area("A1:B1")]),
            Value::Error(ErrorKind::Value)
        );
    }

    #[test]
    fn isref_isformula_formulatext() {
        let g = grid();
        assert_eq!(g.value("ISREF", &[g.area("A1")]), b(true));
        assert_eq!(g.value("ISREF", &[g.area("A1:A3")]), b(true));
        assert_eq!(g.value("ISREF", &[num("12")]), b(false));
        assert_eq!(g.value("ISREF", &[txt("A1")]), b(false));
        assert_eq!(g.value("ISREF", &[err(ErrorKind::Ref)]), b(false));
        // The test grid has no formula cells.
        assert_eq!(g.value("ISFORMULA", &[g.area("A1")]), b(false));
        assert_eq!(
            g.value("FORMULATEXT", &[g.area("A1")]),
            Value::Error(ErrorKind::NA)
        );
        assert_eq!(
            g.value("FORMULATEXT", &[num("1")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("ISFORMULA", &[err(ErrorKind::Ref)]),
            Value::Error(ErrorKind::Ref)
        );
    }

    #[test]
    fn formulas_are_reported() {
        struct WithFormulas(TestGrid);
        impl crate::functions::EvalContext for WithFormulas {
            fn cell(&self, s: crate::functions::SheetId, r: u32, c: u32) -> &Value {
                self.0.cell(s, r, c)
            }
            fn for_each_in_area(
                &self,
                a: &crate::functions::Area,
                f: &mut dyn FnMut(u32, u32, &Value),
            ) {
                self.0.for_each_in_area(a, f)
            }
            fn clip_to_used(&self, a: &crate::functions::Area) -> crate::functions::Area {
                self.0.clip_to_used(a)
            }
            fn current_cell(&self) -> Option<(crate::functions::SheetId, crate::formula::CellPos)> {
                self.0.current_cell()
            }
            fn sheet_by_name(&self, name: &str) -> Option<crate::functions::SheetId> {
                self.0.sheet_by_name(name)
            }
            fn sheet_name(&self, s: crate::functions::SheetId) -> Option<&str> {
                self.0.sheet_name(s)
            }
            fn sheet_count(&self) -> usize {
                self.0.sheet_count()
            }
            fn resolve_reference_text(&self, t: &str, a1: bool) -> crate::functions::Operand {
                self.0.resolve_reference_text(t, a1)
            }
            fn formula_text(&self, _: crate::functions::SheetId, r: u32, c: u32) -> Option<String> {
                (r == 0 && c == 0).then(|| "SUM(B1:B3)".to_string())
            }
            fn now_serial(&self) -> rust_decimal::Decimal {
                self.0.now_serial()
            }
            fn random(&self) -> f64 {
                self.0.random()
            }
        }
        let mut grid = TestGrid::new();
        grid.set("A1", n("6")).set("A2", n("1"));
        let area = grid.area("A1");
        let pair = grid.area("A1:A2");
        let ctx = WithFormulas(grid);
        let call = |name: &str, args: &[crate::functions::Operand]| {
            let reg = crate::functions::Registry::global();
            let def = reg.lookup(name).and_then(|id| reg.def(id));
            def.map(|d| crate::functions::call_eager(d, args, &ctx))
        };
        let value = |op: Option<crate::functions::Operand>| {
            op.map(|o| crate::functions::args::scalar(&o, &ctx))
        };
        assert_eq!(
            value(call("ISFORMULA", std::slice::from_ref(&area))),
            Some(b(true))
        );
        assert_eq!(
            value(call("FORMULATEXT", &[area])),
            Some(Value::text("=SUM(B1:B3)"))
        );
        match call("ISFORMULA", std::slice::from_ref(&pair)) {
            Some(crate::functions::Operand::Array(a)) => {
                assert_eq!(a.values, vec![b(true), b(false)])
            }
            other => panic!("expected an array, got {other:?}"),
        }
    }

    #[test]
    fn n_na_type_error_type() {
        // formulas test.xlsx INFORMATION sheet and pycel information.xlsx.
        let g = grid();
        assert_eq!(g.value("N", &[num("4")]), n("4"));
        assert_eq!(g.value("N", &[num("-2.34")]), n("-2.34"));
        assert_eq!(g.value("N", &[boolean(true)]), n("1"));
        assert_eq!(g.value("N", &[boolean(false)]), n("0"));
        assert_eq!(g.value("N", &[txt("1/1/1900")]), n("0"));
        assert_eq!(g.value("N", &[txt("1")]), n("0"));
        assert_eq!(g.value("N", &[empty()]), n("0"));
        assert_eq!(
            g.value("N", &[err(ErrorKind::Div0)]),
            Value::Error(ErrorKind::Div0)
        );
        assert_eq!(g.value("NA", &[]), Value::Error(ErrorKind::NA));
        assert_eq!(g.value("TYPE", &[num("1")]), n("1"));
        assert_eq!(g.value("TYPE", &[g.area("Z1")]), n("1"));
        assert_eq!(g.value("TYPE", &[txt("ciao")]), n("2"));
        assert_eq!(g.value("TYPE", &[boolean(true)]), n("4"));
        assert_eq!(g.value("TYPE", &[err(ErrorKind::Ref)]), n("16"));
        assert_eq!(g.value("TYPE", &[g.area("A1:A3")]), n("64"));
        let errors = [
            (ErrorKind::Null, "1"),
            (ErrorKind::Div0, "2"),
            (ErrorKind::Value, "3"),
            (ErrorKind::Ref, "4"),
            (ErrorKind::Name, "5"),
            (ErrorKind::Num, "6"),
            (ErrorKind::NA, "7"),
            (ErrorKind::GettingData, "8"),
        ];
        for (e, code) in errors {
            assert_eq!(g.value("ERROR.TYPE", &[err(e)]), n(code));
        }
        assert_eq!(
            g.value("ERROR.TYPE", &[num("1")]),
            Value::Error(ErrorKind::NA)
        );
        assert_eq!(
            g.value("ERROR.TYPE", &[empty()]),
            Value::Error(ErrorKind::NA)
        );
    }

    #[test]
    fn sheet_and_sheets() {
        // IronCalc tables.xlsx: SHEET("Hidden") is 3, SHEET(1) is #N/A.
        let mut g = TestGrid::new();
        g.sheets = vec!["Sheet1".into(), "Data".into(), "Hidden".into()];
        g.current = Some((
            crate::functions::SheetId(1),
            crate::formula::CellPos::new(0, 0),
        ));
        assert_eq!(g.value("SHEET", &[]), n("2"));
        assert_eq!(g.value("SHEET", &[txt("hidden")]), n("3"));
        assert_eq!(g.value("SHEET", &[g.area("B2")]), n("1"));
        assert_eq!(g.value("SHEET", &[num("1")]), Value::Error(ErrorKind::NA));
        assert_eq!(
            g.value("SHEET", &[txt("Nope")]),
            Value::Error(ErrorKind::NA)
        );
        assert_eq!(
            g.value("SHEET", &[err(ErrorKind::Ref)]),
            Value::Error(ErrorKind::Ref)
        );
        assert_eq!(g.value("SHEETS", &[]), n("3"));
        assert_eq!(g.value("SHEETS", &[g.area("A1:B2")]), n("1"));
        assert_eq!(
            g.value("SHEETS", &[err(ErrorKind::Ref)]),
            Value::Error(ErrorKind::Ref)
        );
    }

    #[test]
    fn cell_information() {
        let mut g = grid();
        g.current = Some((
            crate::functions::SheetId(0),
            crate::formula::CellPos::new(9, 9),
        ));
        assert_eq!(
            g.value("CELL", &[txt("address"), g.area("B3")]),
            Value::text("$B$3")
        );
        assert_eq!(g.value("CELL", &[txt("row"), g.area("B3:C9")]), n("3"));
        assert_eq!(g.value("CELL", &[txt("COL"), g.area("AB3")]), n("28"));
        // pycel information.xlsx: CELL("contents", ...) is the cell's value.
        assert_eq!(
            g.value("CELL", &[txt("contents"), g.area("A5")]),
            Value::Bool(true)
        );
        assert_eq!(
            g.value("CELL", &[txt("type"), g.area("A1")]),
            Value::text("v")
        );
        assert_eq!(
            g.value("CELL", &[txt("type"), g.area("A2")]),
            Value::text("l")
        );
        assert_eq!(
            g.value("CELL", &[txt("type"), g.area("Z9")]),
            Value::text("b")
        );
        assert_eq!(
            g.value("CELL", &[txt("filename"), g.area("A1")]),
            Value::text("")
        );
        assert_eq!(g.value("CELL", &[txt("row")]), n("10"));
        assert_eq!(
            g.value("CELL", &[txt("bogus"), g.area("A1")]),
            Value::Error(ErrorKind::Value)
        );
        assert_eq!(
            g.value("CELL", &[txt("row"), num("1")]),
            Value::Error(ErrorKind::Value)
        );
        g.sheets.push("My Data".into());
        let other = crate::functions::Operand::Ref(crate::functions::Area::cell(
            crate::functions::SheetId(1),
            0,
            0,
        ));
        assert_eq!(
            g.value("CELL", &[txt("address"), other]),
            Value::text("'My Data'!$A$1")
        );
    }

    #[test]
    fn info_answers() {
        let g = TestGrid::new();
        assert_eq!(g.value("INFO", &[txt("recalc")]), Value::text("Automatic"));
        assert_eq!(g.value("INFO", &[txt("SYSTEM")]), Value::text("pcdos"));
        assert_eq!(
            g.value("INFO", &[txt("nothing")]),
            Value::Error(ErrorKind::Value)
        );
    }
}
