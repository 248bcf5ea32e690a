//! Database functions (DSUM, DCOUNT, DGET...): a criteria table over a list with headers.
//!
//! `database` is a range whose first row holds the column labels; `field` names the column to
//! aggregate (its label, case-insensitive, or its 1-based position); `criteria` is a range
//! whose first row holds labels of database columns and whose other rows hold conditions. The
//! conditions of one row must all hold (AND); a record is selected when any row holds (OR). An
//! empty condition cell is no condition, so an empty criteria row selects every record. Text
//! conditions without an operator match text that starts with them ("East" selects "Eastern"),
//! as in Excel's advanced filter; "=East" matches exactly.
//!
//! Computed criteria (a formula under a label that names no column) cannot be evaluated here:
//! a condition under a label that matches no database column never holds.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::args::{self, Array, EvalContext, Operand};
use super::criteria::Criterion;
use super::statistical::{variance, Basis};
use super::FunctionDef;
use crate::numeric;
use crate::value::{text_eq_ci, ErrorKind, Value};

const ARGS: &str = "database, field, criteria";

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::eager("DAVERAGE", ARGS, 3, 3, daverage),
    FunctionDef::eager("DCOUNT", ARGS, 3, 3, dcount),
    FunctionDef::eager("DCOUNTA", ARGS, 3, 3, dcounta),
    FunctionDef::eager("DGET", ARGS, 3, 3, dget),
    FunctionDef::eager("DMAX", ARGS, 3, 3, dmax),
    FunctionDef::eager("DMIN", ARGS, 3, 3, dmin),
    FunctionDef::eager("DPRODUCT", ARGS, 3, 3, dproduct),
    FunctionDef::eager("DSTDEV", ARGS, 3, 3, dstdev),
    FunctionDef::eager("DSTDEVP", ARGS, 3, 3, dstdevp),
    FunctionDef::eager("DSUM", ARGS, 3, 3, dsum),
    FunctionDef::eager("DVAR", ARGS, 3, 3, dvar),
    FunctionDef::eager("DVARP", ARGS, 3, 3, dvarp),
];

/// One condition of a criteria row: the database column it tests (None when its label names
/// no column, so it never holds) and the compiled criterion.
struct Condition {
    column: Option<usize>,
    criterion: Criterion,
}

/// The database, the chosen field's column (None when the field is omitted) and the criteria
/// rows, read from the three arguments.
struct Query {
    table: Array,
    field: Option<usize>,
    rows: Vec<Vec<Condition>>,
}

impl Query {
    fn new(args: &[Operand], ctx: &dyn EvalContext) -> Result<Query, ErrorKind> {
        let table = args::to_array(&args[0], ctx);
        // A database needs its label row and at least one record.
        if table.rows < 2 {
            return Err(ErrorKind::Value);
        }
        let field = field_column(&table, &args::scalar(&args[1], ctx))?;
        let criteria = args::to_array(&args[2], ctx);
        let rows = criteria_rows(&table, &criteria);
        Ok(Query { table, field, rows })
    }

    /// Does record `row` (1-based within the table, below the labels) meet the criteria?
    fn selects(&self, row: usize) -> bool {
        if self.rows.is_empty() {
            return true;
        }
        self.rows.iter().any(|conditions| {
            conditions.iter().all(|c| match c.column {
                Some(col) => c
                    .criterion
                    .matches(self.table.get(row, col).unwrap_or(&Value::Empty)),
                None => false,
            })
        })
    }

    /// The field values of the selected records, in order (the field must be given).
    fn selected_values(&self) -> Result<Vec<&Value>, ErrorKind> {
        let col = self.field.ok_or(ErrorKind::Value)?;
        Ok((1..self.table.rows)
            .filter(|r| self.selects(*r))
            .map(|r| self.table.get(r, col).unwrap_or(&Value::Empty))
            .collect())
    }

    /// The numbers among the selected field values; other values are skipped.
    fn selected_numbers(&self) -> Result<Vec<Decimal>, ErrorKind> {
        Ok(self
            .selected_values()?
            .into_iter()
            .filter_map(|v| v.as_number())
            .collect())
    }
}

/// The database column `field` designates: a label (case-insensitive) or a 1-based position
/// (TRUE is position 1); None when the field is omitted, which DCOUNT and DCOUNTA read as
/// "count the records"; `#VALUE!` when it designates nothing.
fn field_column(table: &Array, field: &Value) -> Result<Option<usize>, ErrorKind> {
    match field {
        Value::Empty => Ok(None),
        Value::Error(e) => Err(*e),
        Value::Text(label) => label_column(table, label).map(Some).ok_or(ErrorKind::Value),
        Value::Number(_) | Value::Bool(_) => {
            use rust_decimal::prelude::ToPrimitive;
            let n = field.to_number()?;
            if n < Decimal::ONE {
                return Err(ErrorKind::Value);
            }
            let index = numeric::snap15(n).trunc().to_usize().unwrap_or(0);
            if (1..=table.cols).contains(&index) {
                Ok(Some(index - 1))
            } else {
                Err(ErrorKind::Value)
            }
        }
    }
}

/// The first database column whose label equals `label` (case-insensitive, as displayed).
fn label_column(table: &Array, label: &str) -> Option<usize> {
    if label.is_empty() {
        return None;
    }
    (0..table.cols).find(|&c| match table.get(0, c) {
        Some(Value::Empty) | None => false,
        Some(v) => v.to_text().is_ok_and(|t| text_eq_ci(&t, label)),
    })
}

/// The criteria rows below the criteria labels, each as its non-empty conditions.
fn criteria_rows(table: &Array, criteria: &Array) -> Vec<Vec<Condition>> {
    let columns: Vec<Option<usize>> = (0..criteria.cols)
        .map(|c| {
            criteria
                .get(0, c)
                .and_then(|v| v.to_text().ok())
                .and_then(|label| label_column(table, &label))
        })
        .collect();
    (1..criteria.rows)
        .map(|r| {
            columns
                .iter()
                .enumerate()
                .filter_map(|(c, column)| {
                    let cell = criteria.get(r, c)?;
                    (!cell.is_empty()).then(|| Condition {
                        column: *column,
                        criterion: database_criterion(cell),
                    })
                })
                .collect()
        })
        .collect()
}

/// A criteria cell as a criterion: text without a comparison operator selects text that starts
/// with it, as Excel's database criteria do.
fn database_criterion(cell: &Value) -> Criterion {
    match cell {
        Value::Text(t)
            if !t.starts_with(['=', '<', '>'])
                && numeric::parse_number_text(t).is_none()
                && !t.eq_ignore_ascii_case("TRUE")
                && !t.eq_ignore_ascii_case("FALSE")
                && ErrorKind::parse(t).is_none() =>
        {
            Criterion::new(&Value::text(format!("{t}*")))
        }
        other => Criterion::new(other),
    }
}

fn run(
    args: &[Operand],
    ctx: &dyn EvalContext,
    f: impl FnOnce(&Query) -> Result<Value, ErrorKind>,
) -> Operand {
    let result = Query::new(args, ctx).and_then(|q| f(&q));
    Operand::Value(result.unwrap_or_else(Value::Error))
}

fn real(x: Result<f64, ErrorKind>) -> Result<Value, ErrorKind> {
    x.and_then(numeric::from_f64).map(Value::Number)
}

fn dsum(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| {
        q.selected_numbers()?
            .into_iter()
            .try_fold(Decimal::ZERO, numeric::add)
            .map(Value::Number)
    })
}

fn daverage(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| {
        let xs = q.selected_numbers()?;
        if xs.is_empty() {
            return Err(ErrorKind::Div0);
        }
        let sum = xs
            .iter()
            .try_fold(Decimal::ZERO, |a, x| numeric::add(a, *x))?;
        numeric::div(sum, Decimal::from(xs.len())).map(Value::Number)
    })
}

/// DCOUNT counts the numbers of the field among selected records, or the selected records
/// when the field is omitted; DCOUNTA counts non-empty field values.
fn count_with(q: &Query, counts: fn(&Value) -> bool) -> Result<Value, ErrorKind> {
    let n = match q.field {
        None => (1..q.table.rows).filter(|r| q.selects(*r)).count(),
        Some(_) => q
            .selected_values()?
            .into_iter()
            .filter(|v| counts(v))
            .count(),
    };
    Ok(Value::Number(Decimal::from(n)))
}

fn dcount(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| {
        count_with(q, |v| matches!(v, Value::Number(_)))
    })
}

fn dcounta(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| count_with(q, |v| !v.is_empty()))
}

/// DGET: the field of the one selected record; `#VALUE!` when none, `#NUM!` when several.
fn dget(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| match q.selected_values()?.as_slice() {
        [] => Err(ErrorKind::Value),
        [one] => Ok((*one).clone()),
        _ => Err(ErrorKind::Num),
    })
}

fn extreme(q: &Query, want: Ordering) -> Result<Value, ErrorKind> {
    let best =
        q.selected_numbers()?
            .into_iter()
            .reduce(|best, x| if x.cmp(&best) == want { x } else { best });
    Ok(Value::Number(best.unwrap_or(Decimal::ZERO)))
}

fn dmax(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| extreme(q, Ordering::Greater))
}

fn dmin(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| extreme(q, Ordering::Less))
}

/// DPRODUCT: the product of the selected numbers, 0 when there are none.
fn dproduct(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| {
        let xs = q.selected_numbers()?;
        if xs.is_empty() {
            return Ok(Value::Number(Decimal::ZERO));
        }
        xs.into_iter()
            .try_fold(Decimal::ONE, numeric::mul)
            .map(Value::Number)
    })
}

fn spread(q: &Query, basis: Basis, root: bool) -> Result<Value, ErrorKind> {
    let var = variance(&q.selected_numbers()?, basis)?;
    real(Ok(if root { var.sqrt() } else { var }))
}

fn dstdev(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| spread(q, Basis::Sample, true))
}

fn dstdevp(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| spread(q, Basis::Population, true))
}

fn dvar(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| spread(q, Basis::Sample, false))
}

fn dvarp(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    run(args, ctx, |q| spread(q, Basis::Population, false))
}

#[cfg(test)]
mod tests {
    use super::super::statistical::tests::{expect, sheet};

    /// IronCalc workbook `DCOUNT_DCOUNTA_DGET_DPRODUCT`, sheet `DCOUNT_DCOUNTA`: values computed by Excel.
    #[test]
    fn dcount_dcounta_dget_dproduct_dcount_dcounta_workbook() {
        let g = sheet(&[
            ("A1", "'Region|'Salesperson|'Quarter|'Product|'Units|'Revenue|'Benefits|'Date|'Contractor|TRUE|1|'true|0.3333333333333333|'One|'One|'City|'Numbers"),
            ("A2", "'East|'Alice|'Q1|'Widget|120|12000|12000|45306|TRUE|'a||'b|1|'a||'Berlin|TRUE"),
            ("A3", "'West|'Bob|'Q1|'Gadget|80|9600|9600|45324|FALSE|'b|'b|'b|1||'a|'Caracas|FALSE"),
            ("A4", "'East|'Cara|'Q2|'Widget|200|20000||45392|TRUE|'A|'B|'a|1|'a||'Berlin|7"),
            ("A5", "'South|'Dan|'Q1|'Widget|150|15000||45369|TRUE|'A||'a|1|'a||'BERLIN|1"),
            ("A6", "'West|'Ella|'Q2|'Gadget|50|6000||45434|FALSE|'a|'BB|12|1|'aa||' Berlin|#N/A"),
            ("A7", "'East|'Frank|'Q3|'Gizmo|300|30000||45481|TRUE|#N/A|'balpha|1|1||'a|' Berlin |"),
            ("A8", "'North|'Gina|'Q3|'Widget|100|11000|11000|45503|FALSE|'b||#N/A|2|||'Berlino|'42"),
            ("A9", "'West|'Hank|'Q3|'Widget|400|38000||45515|FALSE|23||'b|1|'Aa|'a|'Valencia|"),
            ("A10", "'East|'Ivy|'Q4|'Gadget|250|24000||45571|TRUE|455|23|'A|12|' aa|'a|'Montreal|-2"),
            ("A11", "'South|'Jake|'Q4|'Widget|200|19800|19800|45621|TRUE|2||#DIV/0!||'aaa||'Berlín|"),
            ("Q12", ""),
            ("Q13", ""),
            ("A14", "'Region|'Region|'Product|'Region|'Quarter|'Units||'Units|'Revenue|'Date|'Product|'Revenue|'Revenue|'Region|'Revnu|'Salesperson|"),
            ("A15", "'East|'East|'Widget|'East|'Q1|'>100||'>100|'<20000|'>=2024-07-01|'G*||'Text|'Central||'*ank|"),
            ("A16", "|||'West|'Q2||||||||||||"),
            ("A17", "||||||||||||||||"),
            ("Q18", "28"),
            ("A19", "'Contractor|'Contractor|'Units|'Region||'Units||'Date|'Region|'REGION|'Region|'Region||'Region|||'Salesperson"),
            ("A20", "TRUE|1|'\"=200\"|'East||'ABC||'Banana|'East|'West|'WEST|'East|'East|'East|||'*"),
            ("A22", ""),
            ("J24", "TRUE|'true|1|'One|'City|'Numbers|'Region|'Salesperson"),
            ("J25", "'a|'<>a|'b|'aa|'Berlin|'>-1|'East|'>E"),
        ]);
        expect(
            &g,
            &[
                ("DCOUNT($A$1:$H$11,$F$1,A14:A15)", "4"),
                ("DCOUNTA($A$1:$H$11,$F$1,$A$14:$A$15)", "4"),
                ("DCOUNT($A$1:$H$11,E1,B14:C15)", "2"),
                ("DCOUNT($A$1:$H$11,F1,D14:E16)", "2"),
                ("DCOUNTA($A1:$H11,$F1,$D14:$E16)", "2"),
                ("DCOUNT(A1:H11,F1,F14:F15)", "7"),
                ("DCOUNT(A1:H11,F1,H14:I15)", "3"),
                ("DCOUNTA($A1:$H11,$F1,$H14:$I15)", "3"),
                ("DCOUNT(A1:H11,F1,J14:J15)", "5"),
                ("DCOUNT(A1:H11,F1,K14:K15)", "4"),
                ("DCOUNTA($A1:$H11,$F1,$K14:$K15)", "4"),
                ("DCOUNT(A1:H11,F1,L14:L15)", "10"),
                ("DCOUNT(A1:H11,F1,M14:M15)", "0"),
                ("DCOUNTA($A1:$H11,$F1,$M14:$M15)", "0"),
                ("DCOUNT(A1:H11,F1,N14:N15)", "0"),
                ("DCOUNT(A1:H11,F1,O14:O15)", "10"),
                ("DCOUNTA($A1:$H11,$F1,$O14:$O15)", "10"),
                ("DCOUNT(A1:H11,F1,P14:P15)", "2"),
                ("DCOUNT(A1:I11,F1,A19:A20)", "6"),
                ("DCOUNTA($A1:$I11,$F1,$A19:$A20)", "6"),
                ("DCOUNT(A1:I11,F1,B19:B20)", "0"),
                ("DCOUNT(A1:I11,F1,C19:C20)", "0"),
                ("DCOUNTA($A1:$I11,$F1,$C19:$C20)", "0"),
                ("DCOUNT(A1:I1,F1,D19:D20)", "#VALUE!"),
                ("DCOUNT(A1:I1,A22,E19:E20)", "#VALUE!"),
                ("DCOUNTA($A1:$I1,$A22,$E19:$E20)", "#VALUE!"),
                ("DCOUNT(A1:I11,F1,F19:F20)", "0"),
                ("DCOUNT(A1:I11,F1,H19:H20)", "0"),
                ("DCOUNTA($A1:$I11,$F1,$H19:$H20)", "0"),
                ("DCOUNT(A2:I11,F1,I19:I20)", "#VALUE!"),
                ("DCOUNT(A1:I11,F1,J19:J20)", "3"),
                ("DCOUNTA($A1:$I11,$F1,$J19:$J20)", "3"),
                ("DCOUNT(A1:I11,F1,K19:K20)", "3"),
                ("DCOUNT(A1:I11,F1,L19:L20)", "4"),
                ("DCOUNTA($A1:$I11,$F1,$L19:$L20)", "4"),
                ("DCOUNT(A1:I11,F1,M19:M20)", "0"),
                ("DCOUNT(A1:I11,6,N19:N20)", "4"),
                ("DCOUNTA($A1:$I11,6,$N19:$N20)", "4"),
                ("DCOUNTA($A1:$I11,0,$N19:$N20)", "#VALUE!"),
                ("DCOUNT(A1:I11,9,N19:N20)", "0"),
                ("DCOUNTA($A1:$I11,9,$N19:$N20)", "4"),
                ("DCOUNTA($A$1:$I$11,$F$1,$Q$19:$Q$20)", "10"),
                ("DCOUNT(A1:L11,F1,J24:J25)", "4"),
                ("DCOUNTA($A$1:$L$11,$F$1,$J$24:$J$25)", "4"),
                ("DCOUNTA($A$1:$L$11,$F$1,$K$24:$K$25)", "6"),
                ("DCOUNT(A1:P11,F1,L24:L25)", "4"),
                ("DCOUNTA($A$1:$P$11,$F$1,$L$24:$L$25)", "4"),
                ("DCOUNTA($A$1:$P$11,$F$1,$M$24:$M$25)", "3"),
                ("DCOUNT(A1:P11,F1,N24:N25)", "4"),
                ("DCOUNTA($A$1:$P$11,$F$1,$N$24:$N$25)", "4"),
                ("DCOUNTA($A$1:$Q$11,$Q$1,$O$24:$O$25)", "2"),
                ("DCOUNT($A$1:$H$11,6,P24:P25)", "4"),
                ("DCOUNTA(A$1:H$11,6,P$24:P$25)", "4"),
                ("DCOUNTA(A$1:Q$11,\"Numbers\",Q$19:Q$20)", "7"),
                ("DCOUNT($A$1:$Q$11,1,Q19:Q20)", "0"),
                ("DCOUNTA(A$1:Q$11,1,Q$19:Q$20)", "10"),
                ("DCOUNTA(A$1:Q$11,\"1\",Q$19:Q$20)", "5"),
                ("DCOUNT($A$1:$Q$11,TRUE,Q2:Q19)", "0"),
                ("DCOUNTA(A$1:Q$11,TRUE,Q$2:Q$19)", "10"),
                ("DCOUNTA(A$1:Q$11,\"true\",Q$2:Q$19)", "10"),
                ("DCOUNT($A$1:$H$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DCOUNTA($A$1:$H$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DCOUNTA($A$1:$H$11,$E$1:$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DCOUNT($A$1:$H$11,6.5,$A$14:$A$15)", "4"),
                ("DCOUNTA($A$1:$H$11,6.5,$A$14:$A$15)", "4"),
                ("DCOUNTA($A$1:$H$11,6.0000001,$A$14:$A$15)", "4"),
                ("DCOUNT($A$1:$H$11,$F$1,$A$14:$A$17)", "10"),
                ("DCOUNTA($A$1:$H$11,$F$1,$A$14:$A$17)", "10"),
                ("DCOUNTA($A$1:$H$11,$F$1,Q24:Q25)", "6"),
                ("DCOUNT($A$1:$H$11,$G$1,$A$14:$A$15)", "1"),
            ],
        );
    }

    /// IronCalc workbook `DCOUNT_DCOUNTA_DGET_DPRODUCT`, sheet `DGET`: values computed by Excel.
    #[test]
    fn dcount_dcounta_dget_dproduct_dget_workbook() {
        let g = sheet(&[
            ("A1", "'Region|'Salesperson|'Quarter|'Product|'Units|'Revenue|'Date|'Contractor"),
            ("A2", "'East|'Alice|'Q1|'Widget|120|12000|45306|TRUE"),
            ("A3", "'West|'Bob|'Q1|'Gadget|80|9600|45324|FALSE||'b"),
            ("A4", "'East|'Cara|'Q2|'Widget|200|20000|45392|TRUE"),
            ("A5", "'South|'Dan|'Q1|'Widget|150|15000|45369|TRUE"),
            ("A6", "'West|'Ella|'Q2|'Gadget|50|6000|45434|FALSE"),
            ("A7", "'East|'Frank|'Q3|'Gizmo|300|30000|45481|TRUE"),
            ("A8", "'North|'Gina|'Q3|'Widget|100|11000|45503|FALSE"),
            ("A9", "'West|'Hank|'Q3|'Widget|400|38000|45515|FALSE"),
            ("A10", "'East|'Ivy|'Q4|'Gadget|250|24000|45571|TRUE"),
            ("A11", "'South|'Jake|'Q4|'Widget|200|19800|45621|TRUE"),
            ("A14", "'Region|'Region|'Region|'Rgn|'Region|'Product|'Region|'Product|'Units|'Units|'Revenue|'Date|'Salesperson|'Revenue|'Region|'Revnu"),
            ("A15", "'North|'East|'North-East|'North-East|'North|'Widget|'North|'Widget|100|'>100|'>35000|45474|'J*||'Central|"),
            ("A16", "||||||'South|'Gizmo|||||'Salesperson"),
            ("A17", "||||||||||||'*"),
            ("A20", "'Contractor|'Contractor|'Units|'Units|'Date|'REGION|'Region|'Region|||||#VALUE!|'Salesperson"),
            ("A21", "TRUE|1|'\"=400\"|'ABC|'Banana|'West|'WEST|'East|'East||||'East|'>J"),
        ]);
        expect(
            &g,
            &[
                ("DGET($A$1:$H$11,$F$1,A14:A15)", "11000"),
                ("DGET($A$1:$H$11,$F$1,B14:B15)", "#NUM!"),
                ("DGET($A$1:$H$11,$F$1,C14:C15)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,D14:D15)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,E14:F15)", "11000"),
                ("DGET($A$1:$H$11,$F$1,G14:H16)", "11000"),
                ("DGET($A$1:$H$11,$F$1,I14:I15)", "11000"),
                ("DGET(A1:G11,F1,J14:K15)", "38000"),
                ("DGET(A1:G11,F1,L14:L15)", "#VALUE!"),
                ("DGET(A1:G11,F1,M14:M15)", "19800"),
                ("DGET(A1:G11,F1,M16:M17)", "#NUM!"),
                ("DGET(A1:G11,F1,N14:N15)", "#NUM!"),
                ("DGET(A1:G11,F1,O14:O15)", "#VALUE!"),
                ("DGET(A1:G11,F1,P14:P15)", "#NUM!"),
                ("DGET(A1:H11,F1,A20:A21)", "#NUM!"),
                ("DGET(A1:H11,F1,B20:B21)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,C20:C21)", "#VALUE!"),
                ("DGET($A$1:$H$1,$F$1,A14:A15)", "#VALUE!"),
                ("DGET($A$1:$H$11,J3,A14:A15)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,D20:D21)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,E20:E21)", "#VALUE!"),
                ("DGET(A2:$H$11,$F$1,B14:B15)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,F20:F21)", "#NUM!"),
                ("DGET($A$1:$H$11,$F$1,G20:G21)", "#NUM!"),
                ("DGET($A$1:$H$11,$F$1,H20:H21)", "#NUM!"),
                ("DGET($A$1:$H$11,$F$1,I20:I21)", "#VALUE!"),
                ("DGET(A1:$H$11,6,$A$14:$A$15)", "11000"),
                ("DGET(A1:$H$11,0,$A$14:$A$15)", "#VALUE!"),
                ("DGET($A$1:$H$11,9,$A$14:$A$15)", "#VALUE!"),
                ("DGET($A$1:$H$11,$F$1,$M$20:$M$21)", "#VALUE!"),
                ("DGET($A$1:$H$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DGET($A$1:$H$11,E1:$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DGET($A$1:$H$11,6.5,$A$14:$A$15)", "11000"),
                ("DGET($A$1:$H$11,6.0000001,$A$14:$A$15)", "11000"),
                ("DGET($A$1:$H$11,$F$1,$A$14:$A$17)", "#NUM!"),
                ("DGET($A$1:$H$11,$F$1,$N$20:$N$21)", "19800"),
            ],
        );
    }

    /// IronCalc workbook `DCOUNT_DCOUNTA_DGET_DPRODUCT`, sheet `DPRODUCT`: values computed by Excel.
    #[test]
    fn dcount_dcounta_dget_dproduct_dproduct_workbook() {
        let g = sheet(&[
            ("A1", "'Region|'Salesperson|'Quarter|'Product|'Units|'Revenue|'Date|'Contractor|TRUE|1|'true|0.3333333333333333|'One|'One|'City|'Numbers"),
            ("A2", "'East|'Alice|'Q1|'Widget|120|12000|45306|TRUE|'a||'b|1|'a||'Berlin|TRUE"),
            ("A3", "'West|'Bob|'Q1|'Gadget|80|9600|45324|FALSE|'b|'b|'b|1||'a|'Caracas|FALSE"),
            ("A4", "'East|'Cara|'Q2|'Widget|200|20000|45392|TRUE|'A|'B|'a|1|'a||'Berlin|7"),
            ("A5", "'South|'Dan|'Q1|'Widget|150|15000|45369|TRUE|'A||'a|1|'a||'BERLIN|1"),
            ("A6", "'West|'Ella|'Q2|'Gadget|50|6000|45434|FALSE|'a|'BB|12|1|'aa||' Berlin|#N/A"),
            ("A7", "'East|'Frank|'Q3|'Gizmo|300|30000|45481|TRUE|#N/A|'balpha|1|1||'a|' Berlin |"),
            ("A8", "'North|'Gina|'Q3|'Widget|100|11000|45503|FALSE|'b||#N/A|2|||'Berlino|'42"),
            ("A9", "'West|'Hank|'Q3|'Widget|400|38000|45515|FALSE|23||'b|1|'Aa|'a|'Valencia|"),
            ("A10", "'East|'Ivy|'Q4|'Gadget|250|24000|45571|TRUE|455|23|'A|12|' aa|'a|'Montreal|-2"),
            ("A11", "'South|'Jake|'Q4|'Widget|200|19800|45621|TRUE|2||#DIV/0!||'aaa||'Berlín|"),
            ("A14", "'Region|'Region|'Region|'Rgn|'Region|'Product|'Region|'Product|'Units|'Units|'Revenue|'Date|'Salesperson||'Region"),
            ("A15", "'North|'East|'North-East|'North-East|'North|'WiDPRODUCT|'North|'WiDPRODUCT|100|'>100|'>35000|45474|'J*||'Central"),
            ("G16", "'South|'Gizmo"),
            ("A20", "'Contractor|'Contractor|'Units|'Units|'Date|'REGION|'Region|'Region|||||#VALUE!"),
            ("A21", "TRUE|1|'\"=400\"|'ABC|'Banana|'West|'WEST|'East|'East||||'East"),
            ("G25", "TRUE|'true|1|'One|'City|'Numbers|'Region|'Salesperson"),
            ("G26", "'a|'<>a|'b|'aa|'Berlin|'>-1|'East|'>I"),
        ]);
        expect(
            &g,
            &[
                ("DPRODUCT($A$1:$H$11,$F$1,A14:A15)", "11000"),
                ("DPRODUCT($A$1:$H$11,$F$1,B14:B15)", "1.728e+17"),
                ("DPRODUCT($A$1:$H$11,$F$1,C14:C15)", "0"),
                ("DPRODUCT($A$1:$H$11,$F$1,D14:D15)", "0"),
                ("DPRODUCT($A$1:$H$11,$F$1,E14:F15)", "0"),
                ("DPRODUCT($A$1:$H$11,$F$1,G14:H16)", "0"),
                ("DPRODUCT($A$1:$H$11,$F$1,I14:I15)", "11000"),
                ("DPRODUCT(A1:G11,F1,J14:K15)", "38000"),
                ("DPRODUCT(A1:G11,F1,L14:L15)", "0"),
                ("DPRODUCT(A1:G11,F1,M14:M15)", "19800"),
                ("DPRODUCT(A1:G11,F1,O14:O15)", "0"),
                ("DPRODUCT(A1:H11,F1,A20:A21)", "5.13216e+25"),
                ("DPRODUCT(A1:H11,F1,B20:B21)", "0"),
                ("DPRODUCT($A$1:$H$11,$F$1,C20:C21)", "0"),
                ("DPRODUCT($A$1:$H$1,$F$1,A14:A15)", "#VALUE!"),
                ("DPRODUCT($A$1:$H$11,J3,A14:A15)", "#VALUE!"),
                ("DPRODUCT($A$1:$H$11,$F$1,D20:D21)", "0"),
                ("DPRODUCT($A$1:$H$11,$F$1,E20:E21)", "0"),
                ("DPRODUCT(A2:$H$11,$F$1,B14:B15)", "#VALUE!"),
                ("DPRODUCT($A$1:$H$11,$F$1,F20:F21)", "2188800000000"),
                ("DPRODUCT($A$1:$H$11,$F$1,G20:G21)", "2188800000000"),
                ("DPRODUCT($A$1:$H$11,$F$1,H20:H21)", "1.728e+17"),
                ("DPRODUCT($A$1:$H$11,$F$1,I20:I21)", "0"),
                ("DPRODUCT(A1:$H$11,6,$A$14:$A$15)", "11000"),
                ("DPRODUCT(A1:$H$11,0,$A$14:$A$15)", "#VALUE!"),
                ("DPRODUCT(A1:$H$11,9,$A$14:$A$15)", "#VALUE!"),
                ("DPRODUCT($A$1:$H$11,$F$1,$M$20:$M$21)", "0"),
                ("DPRODUCT($A$1:$P$11,$F$1,$G$25:$G$26)", "2.16e+16"),
                ("DPRODUCT($A$1:$P$11,$F$1,$H$25:$H$26)", "5.72064768e+25"),
                ("DPRODUCT($A$1:$P$11,$F$1,$I$25:$I$26)", "3.456e+16"),
                ("DPRODUCT($A$1:$P$11,$F$1,$J$25:$J$26)", "4514400000000"),
                ("DPRODUCT($A$1:$P$11,$F$1,$K$25:$K$26)", "3.96e+16"),
                ("DPRODUCT($A$1:$P$11,$F$1,$L$25:$L$26)", "300000000"),
                ("DPRODUCT($A$1:$P$11,$F$1,$M$25:$M$26)", "1.728e+17"),
                ("DPRODUCT($A$1:$G$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DPRODUCT($A$1:$P$11,E1:$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DPRODUCT($A$1:$P$11,6.5,$A$14:$A$15)", "11000"),
                ("DPRODUCT($A$1:$P$11,6.0000001,$A$14:$A$15)", "11000"),
                ("DPRODUCT($A$1:$P$11,$F$1,$N$25:$N$26)", "475200000"),
            ],
        );
    }

    /// IronCalc workbook `DMIN_DMAX_DAVERAGE_DSUM`, sheet `DMIN_DMAX_DAVERAGE_DSUM`: values computed by Excel.
    #[test]
    fn dmin_dmax_daverage_dsum_dmin_dmax_daverage_dsum_workbook() {
        let g = sheet(&[
            ("A1", "'Region|'Salesperson|'Quarter|'Product|'Units|'Revenue|'Date|'Contractor|TRUE|1|'true|0.3333333333333333|'One|'One|'City|'Numbers"),
            ("A2", "'East|'Alice|'Q1|'Widget|120|12000|45306|TRUE|'a||'b|1|'a||'Berlin|TRUE"),
            ("A3", "'West|'Bob|'Q1|'Gadget|80|9600|45324|FALSE|'b|'b|'b|1||'a|'Caracas|FALSE"),
            ("A4", "'East|'Cara|'Q2|'Widget|200|20000|45392|TRUE|'A|'B|'a|1|'a||'Berlin|7"),
            ("A5", "'South|'Dan|'Q1|'Widget|150|15000|45369|TRUE|'A||'a|1|'a||'BERLIN|1"),
            ("A6", "'West|'Ella|'Q2|'Gadget|50|6000|45434|FALSE|'a|'BB|12|1|'aa||' Berlin|#N/A"),
            ("A7", "'East|'Frank|'Q3|'Gizmo|300|30000|45481|TRUE|#N/A|'balpha|1|1||'a|' Berlin |"),
            ("A8", "'North|'Gina|'Q3|'Widget|100|11000|45503|FALSE|'b||#N/A|2|||'Berlino|'42"),
            ("A9", "'West|'Hank|'Q3|'Widget|400|38000|45515|FALSE|23||'b|1|'Aa|'a|'Valencia|"),
            ("A10", "'East|'Ivy|'Q4|'Gadget|250|24000|45571|TRUE|455|23|'A|12|' aa|'a|'Montreal|-2"),
            ("A11", "'South|'Jake|'Q4|'Widget|200|19800|45621|TRUE|2||#DIV/0!||'aaa||'Berlín|"),
            ("A14", "'Region|'Region|'Product|'Region|'Quarter|'Units|'Units|'Revenue|'Date|'Product|'Revenue|'Revenue|'Region|'Revnu|'Salesperson"),
            ("A15", "'East|'East|'Widget|'East|'Q1|'>100|'>100|'<20000|'>=2024-07-01|'G*||'Text|'Central||'*ank"),
            ("A16", "|||'West|'Q2"),
            ("A17", ""),
            ("A19", "'Contractor|'Contractor|'Units|'Region||'Units|'Date|'Region|'REGION|'Region|'Region||'Region|||'Salesperson"),
            ("A20", "TRUE|1|'\"=200\"|'East||'ABC|'Banana|'East|'West|'WEST|'East|'East|'East|||'*"),
            ("A22", ""),
            ("I24", "TRUE|'true|1|'One|'City|'Numbers|'Region|'Salesperson"),
            ("I25", "'a|'<>a|'b|'aa|'Berlin|'>-1|'East|'>E"),
        ]);
        expect(
            &g,
            &[
                ("DMIN($A$1:$G$11,$F$1,A14:A15)", "12000"),
                ("DAVERAGE($A$1:$G$11,$F$1,A14:A15)", "21500"),
                ("DMAX($A$1:$G$11,E1,B14:C15)", "200"),
                ("DMIN(A1:G11,F1,D14:E16)", "6000"),
                ("DAVERAGE($A$1:$G$11,F1,D14:E16)", "9000"),
                ("DMAX(A1:G11,F1,F14:F15)", "38000"),
                ("DMIN(A1:G11,F1,G14:H15)", "12000"),
                ("DSUM(A1:G11,F1,G14:H15)", "46800"),
                ("DMAX(A1:G11,F1,I14:I15)", "38000"),
                ("DMIN(A1:G11,F1,J14:J15)", "6000"),
                ("DSUM(A1:G11,F1,J14:J15)", "69600"),
                ("DMAX(A1:G11,F1,K14:K15)", "38000"),
                ("DMIN(A1:G11,F1,L14:L15)", "0"),
                ("DSUM(A1:G11,F1,L14:L15)", "0"),
                ("DAVERAGE(A1:G11,F1,M14:M15)", "#DIV/0!"),
                ("DMIN(A1:G11,F1,N14:N15)", "6000"),
                ("DSUM(A1:G11,F1,N14:N15)", "185400"),
                ("DAVERAGE(A1:G11,F1,O14:O15)", "34000"),
                ("DMIN(A1:H11,F1,A19:A20)", "12000"),
                ("DSUM(A1:H11,F1,A19:A20)", "120800"),
                ("DAVERAGE(A1:H11,F1,B19:B20)", "#DIV/0!"),
                ("DMAX(A1:H11,F1,C19:C20)", "0"),
                ("DSUM(A1:H11,F1,C19:C20)", "0"),
                ("DAVERAGE(A1:H1,F1,D19:D20)", "#VALUE!"),
                ("DMAX(A1:H1,A22,E19:E20)", "#VALUE!"),
                ("DSUM(A1:H1,A22,E19:E20)", "#VALUE!"),
                ("DAVERAGE(A1:H11,F1,F19:F20)", "#DIV/0!"),
                ("DMAX(A1:H11,F1,G19:G20)", "0"),
                ("DMIN(A2:H11,F1,H19:H20)", "#VALUE!"),
                ("DAVERAGE(A2:H11,F1,H19:H20)", "#VALUE!"),
                ("DMAX(A1:H11,F1,I19:I20)", "38000"),
                ("DMIN(A1:H11,F1,J19:J20)", "6000"),
                ("DAVERAGE(A1:H11,F1,J19:J20)", "17866.666666666668"),
                ("DMAX(A1:H11,F1,K19:K20)", "30000"),
                ("DMIN(A1:H11,F1,L19:L20)", "0"),
                ("DSUM(A1:H11,F1,L19:L20)", "0"),
                ("DMAX(A1:H11,6,M19:M20)", "30000"),
                ("DMIN(A1:H11,0,M19:M20)", "#VALUE!"),
                ("DSUM(A1:H11,0,M19:M20)", "#VALUE!"),
                ("DMAX(A1:H11,9,M19:M20)", "#VALUE!"),
                ("DMIN(A1:H11,F1,P19:P20)", "6000"),
                ("DSUM(A1:H11,F1,P19:P20)", "185400"),
                ("DAVERAGE(A1:K11,F1,I24:I25)", "13250"),
                ("DMIN(A1:K11,F1,J24:J25)", "9600"),
                ("DSUM(A1:K11,F1,J24:J25)", "132400"),
                ("DAVERAGE(A1:O11,F1,K24:K25)", "16400"),
                ("DMIN(A1:O11,F1,L24:L25)", "6000"),
                ("DSUM(A1:O11,F1,L24:L25)", "63800"),
                ("DAVERAGE(A1:O11,F1,M24:M25)", "14500"),
                ("DMAX(A1:P11,P1,N24:N25)", "7"),
                ("DSUM(A1:P11,P1,N24:N25)", "8"),
                ("DAVERAGE($A$1:$G$11,-1,O24:O25)", "#VALUE!"),
                ("DMAX($A$1:$G$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DSUM($A$1:$G$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DAVERAGE($A$1:$G$11,$E$1:$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DAVERAGE($A$1:$G$11,6.5,$A$14:$A$15)", "21500"),
                ("DMAX($A$1:$G$11,6.0000001,$A$14:$A$15)", "30000"),
                ("DSUM($A$1:$G$11,6.0000001,$A$14:$A$15)", "86000"),
                ("DAVERAGE($A$1:$G$11,$F$1,$A$14:$A$17)", "18540"),
                ("DMAX($A$1:$G$11,$F$1,P24:P25)", "38000"),
            ],
        );
    }

    /// IronCalc workbook `DVAR_DVARP_DSTDEV_DSTDEVP`, sheet `DVAR_DVARP_DSTDEV_DSTDEVP`: values computed by Excel.
    #[test]
    fn dvar_dvarp_dstdev_dstdevp_dvar_dvarp_dstdev_dstdevp_workbook() {
        let g = sheet(&[
            ("A1", "'Region|'Salesperson|'Quarter|'Product|'Units|'Revenue|'Date|'Contractor|TRUE|1|'true|0.3333333333333333|'One|'One|'City|'Numbers"),
            ("A2", "'East|'Alice|'Q1|'Widget|120|12000|45306|TRUE|'a||'b|1|'a||'Berlin|TRUE"),
            ("A3", "'West|'Bob|'Q1|'Gadget|80|9600|45324|FALSE|'b|'b|'b|1||'a|'Caracas|FALSE"),
            ("A4", "'East|'Cara|'Q2|'Widget|200|20000|45392|TRUE|'A|'B|'a|1|'a||'Berlin|7"),
            ("A5", "'South|'Dan|'Q1|'Widget|150|15000|45369|TRUE|'A||'a|1|'a||'BERLIN|1"),
            ("A6", "'West|'Ella|'Q2|'Gadget|50|6000|45434|FALSE|'a|'BB|12|1|'aa||' Berlin|#N/A"),
            ("A7", "'East|'Frank|'Q3|'Gizmo|300|30000|45481|TRUE|#N/A|'balpha|1|1||'a|' Berlin |"),
            ("A8", "'North|'Gina|'Q3|'Widget|100|11000|45503|FALSE|'b||#N/A|2|||'Berlino|'42"),
            ("A9", "'West|'Hank|'Q3|'Widget|400|38000|45515|FALSE|23||'b|1|'Aa|'a|'Valencia|"),
            ("A10", "'East|'Ivy|'Q4|'Gadget|250|24000|45571|TRUE|455|23|'A|12|' aa|'a|'Montreal|-2"),
            ("A11", "'South|'Jake|'Q4|'Widget|200|19800|45621|TRUE|2||#DIV/0!||'aaa||'Berlín|"),
            ("A14", "'Region|'Region|'Product|'Region|'Quarter|'Units|'Units|'Revenue|'Date|'Product|'Revenue|'Revenue|'Region|'Revnu|'Salesperson"),
            ("A15", "'East|'East|'Widget|'East|'Q1|'>100|'>100|'<20000|'>=2024-07-01|'G*||'Text|'Central||'*ank"),
            ("A16", "|||'West|'Q2"),
            ("A17", ""),
            ("A19", "'Contractor|'Contractor|'Units|'Region||'Units|'Date|'Region|'REGION|'Region|'Region||'Region|||'Salesperson"),
            ("A20", "TRUE|1|'\"=200\"|'East||'ABC|'Banana|'East|'West|'WEST|'East|'East|'East|||'*"),
            ("A22", ""),
            ("I24", "TRUE|'true|1|'One|'City|'Numbers|'Region|'Salesperson"),
            ("I25", "'a|'<>a|'b|'aa|'Berlin|'>-1|'East|'>E"),
        ]);
        expect(
            &g,
            &[
                ("DVAR($A$1:$G$11,$F$1,A14:A15)", "57000000"),
                ("DSTDEV($A$1:$G$11,$F$1,A14:A15)", "7549.83443527075"),
                ("DVARP($A$1:$G$11,E1,B14:C15)", "1600"),
                ("DVAR(A1:G11,F1,D14:E16)", "18000000"),
                ("DSTDEV($A$1:$G$11,F1,D14:E16)", "4242.640687119285"),
                ("DVARP(A1:G11,F1,F14:F15)", "68364081.63265306"),
                ("DVAR(A1:G11,F1,G14:H15)", "15480000"),
                ("DSTDEVP(A1:G11,F1,G14:H15)", "3212.475680841802"),
                ("DVARP(A1:G11,F1,I14:I15)", "83414400"),
                ("DVAR(A1:G11,F1,J14:J15)", "131040000"),
                ("DSTDEVP(A1:G11,F1,J14:J15)", "9913.626985114983"),
                ("DVARP(A1:G11,F1,K14:K15)", "89288400"),
                ("DVAR(A1:G11,F1,L14:L15)", "#DIV/0!"),
                ("DSTDEVP(A1:G11,F1,L14:L15)", "#DIV/0!"),
                ("DSTDEV(A1:G11,F1,M14:M15)", "#DIV/0!"),
                ("DVAR(A1:G11,F1,N14:N15)", "99209333.33333333"),
                ("DSTDEVP(A1:G11,F1,N14:N15)", "9449.253938803846"),
                ("DSTDEV(A1:G11,F1,O14:O15)", "5656.85424949238"),
                ("DVAR(A1:H11,F1,A19:A20)", "40986666.6666667"),
                ("DSTDEVP(A1:H11,F1,A19:A20)", "5844.275451718164"),
                ("DSTDEV(A1:H11,F1,B19:B20)", "#DIV/0!"),
                ("DVARP(A1:H11,F1,C19:C20)", "#DIV/0!"),
                ("DSTDEVP(A1:H11,F1,C19:C20)", "#DIV/0!"),
                ("DSTDEV(A1:H1,F1,D19:D20)", "#VALUE!"),
                ("DVARP(A1:H1,A22,E19:E20)", "#VALUE!"),
                ("DSTDEVP(A1:H1,A22,E19:E20)", "#VALUE!"),
                ("DSTDEV(A1:H11,F1,F19:F20)", "#DIV/0!"),
                ("DVARP(A1:H11,F1,G19:G20)", "#DIV/0!"),
                ("DVAR(A2:H11,F1,H19:H20)", "#VALUE!"),
                ("DSTDEV(A2:H11,F1,H19:H20)", "#VALUE!"),
                ("DVARP(A1:H11,F1,I19:I20)", "204835555.55555555"),
                ("DVAR(A1:H11,F1,J19:J20)", "307253333.3333333"),
                ("DSTDEV(A1:H11,F1,J19:J20)", "17528.64322568445"),
                ("DVARP(A1:H11,F1,K19:K20)", "42750000"),
                ("DVAR(A1:H11,F1,L19:L20)", "#DIV/0!"),
                ("DSTDEVP(A1:H11,F1,L19:L20)", "#DIV/0!"),
                ("DVARP(A1:H11,6,M19:M20)", "42750000"),
                ("DVAR(A1:H11,0,M19:M20)", "#VALUE!"),
                ("DSTDEVP(A1:H11,0,M19:M20)", "#VALUE!"),
                ("DVARP(A1:H11,9,M19:M20)", "#VALUE!"),
                ("DVAR(A1:H11,F1,P19:P20)", "99209333.33333333"),
                ("DSTDEVP(A1:H11,F1,P19:P20)", "9449.253938803846"),
                ("DSTDEV(A1:K11,F1,I24:I25)", "5852.349955359812"),
                ("DVAR(A1:K11,F1,J24:J25)", "120714666.6666667"),
                ("DSTDEVP(A1:K11,F1,J24:J25)", "10029.7335735081"),
                ("DSTDEV(A1:O11,F1,K24:K25)", "10836.973747315253"),
                ("DVAR(A1:O11,F1,L24:L25)", "257613333.33333337"),
                ("DSTDEVP(A1:O11,F1,L24:L25)", "13105.04567799068"),
                ("DSTDEV(A1:O11,F1,M24:M25)", "4041.4518843273804"),
                ("DVARP(A1:P11,P1,N24:N25)", "9"),
                ("DSTDEVP(A1:P11,P1,N24:N25)", "3"),
                ("DSTDEV($A$1:$G$11,-1,O24:O25)", "#VALUE!"),
                ("DVARP($A$1:$G$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DSTDEVP($A$1:$G$1,$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DSTDEV($A$1:$G$11,$E$1:$F$1,$A$14:$A$15)", "#VALUE!"),
                ("DSTDEV($A$1:$G$11,6.5,$A$14:$A$15)", "7549.83443527075"),
                ("DVARP($A$1:$G$11,6.0000001,$A$14:$A$15)", "42750000"),
                (
                    "DSTDEVP($A$1:$G$11,6.0000001,$A$14:$A$15)",
                    "6538.34841531101",
                ),
                ("DSTDEV($A$1:$G$11,$F$1,$A$14:$A$17)", "9960.388211979156"),
                ("DVARP($A$1:$G$11,$F$1,P24:P25)", "117355555.55555555"),
            ],
        );
    }
}
