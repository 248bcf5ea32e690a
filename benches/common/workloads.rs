//! The peer benchmark's workloads W0..W4 (`../shared/peers/README.md`): the same cell contents
//! as the other peers' drivers. Shared by `examples/peer_bench.rs` and `benches/workloads.rs`
//! (both include this file with `#[path]`).

#![allow(dead_code)]

use rust_decimal::Decimal;

use kachi::engine::CellContent;
use kachi::Value;

/// 1-based column index -> letters.
pub fn col_name(c: u32) -> String {
    let mut c = c;
    let mut s = Vec::new();
    while c > 0 {
        let m = (c - 1) % 26;
        s.push(b'A' + m as u8);
        c = (c - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// W4's number at 1-based row `r`, column `c`.
pub fn w4num(r: u32, c: u32) -> i64 {
    ((r as i64 * 31 + c as i64 * 17) % 97) + 1
}

pub fn number(x: i64) -> Value {
    Value::Number(Decimal::from(x))
}

/// The workload's default size.
pub fn default_n(w: &str) -> Option<usize> {
    match w {
        "W0" => Some(0),
        "W1" | "W2" => Some(100_000),
        "W3" => Some(20_000),
        "W4" => Some(1000),
        _ => None,
    }
}

/// A workload's cell contents, generated before the clock starts: (row, col, content),
/// zero-based, in the order the other drivers set them, with the formula texts in one buffer.
pub struct Input {
    cells: Vec<(u32, u32, Content)>,
    text: String,
}

enum Content {
    Value(Value),
    /// `text[start..end]`
    Formula(u32, u32),
}

impl Input {
    fn value(&mut self, r: u32, c: u32, v: Value) {
        self.cells.push((r, c, Content::Value(v)));
    }

    fn formula(&mut self, r: u32, c: u32, f: std::fmt::Arguments) {
        use std::fmt::Write;
        let start = self.text.len() as u32;
        let _ = self.text.write_fmt(f);
        self.cells
            .push((r, c, Content::Formula(start, self.text.len() as u32)));
    }

    /// The cells as `Workbook::load_cells` takes them (formula texts borrowed).
    pub fn contents(&self) -> impl Iterator<Item = (u32, u32, CellContent<&str>)> + '_ {
        self.cells.iter().map(|(r, c, content)| {
            let content = match content {
                Content::Value(v) => CellContent::Value(v.clone()),
                Content::Formula(a, b) => {
                    CellContent::Formula(self.text.get(*a as usize..*b as usize).unwrap_or(""))
                }
            };
            (*r, *c, content)
        })
    }
}

/// The workload's cells: the same numbers and formula texts as the other drivers; None for an
/// unknown workload.
pub fn cells(w: &str, n: u32) -> Option<Input> {
    let mut v = Input {
        cells: Vec::new(),
        text: String::new(),
    };
    match w {
        "W0" => {
            v.value(0, 0, number(1));
            v.formula(0, 1, format_args!("=A1+1"));
        }
        "W1" => {
            v.value(0, 0, number(1));
            for i in 2..=n {
                v.formula(i - 1, 0, format_args!("=A{}+1", i - 1));
            }
        }
        "W2" => {
            v.value(0, 0, number(1));
            for k in 1..=n {
                v.formula(k - 1, 1, format_args!("=$A$1*{k}+{k}"));
            }
        }
        "W3" => {
            let inputs = [
                number(20),
                number(2),
                Value::Number(Decimal::new(75, 1)),
                number(1200),
                number(5000),
            ];
            for r in 1..=n {
                for (c, x) in inputs.iter().enumerate() {
                    v.value(r - 1, c as u32, x.clone());
                }
                v.formula(r - 1, 5, format_args!("=(A{r}-B{r})*C{r}*D{r}-E{r}"));
            }
        }
        "W4" => {
            let c = 50;
            let last = col_name(c);
            for r in 1..=n {
                for j in 1..=c {
                    v.value(r - 1, j - 1, number(w4num(r, j)));
                }
                v.formula(r - 1, c, format_args!("=SUM(A{r}:{last}{r})"));
            }
            for j in 1..=c {
                let l = col_name(j);
                v.formula(n, j - 1, format_args!("=SUM({l}1:{l}{n})"));
            }
            let l = col_name(c + 1);
            v.formula(n, c, format_args!("=SUM({l}1:{l}{n})"));
            v.formula(
                n,
                c + 1,
                format_args!("=SUMPRODUCT(A1:{last}{n},A1:{last}{n})"),
            );
        }
        _ => return None,
    }
    Some(v)
}

/// The cell (1-based row, column) edit `e` of the workload sets, and its new value
/// (W1/W2: A1; W3: a B cell; W4: the middle row's A cell).
pub fn edit_target(w: &str, n: u32, e: usize) -> Option<(u32, u32, i64)> {
    match w {
        "W1" | "W2" => Some((1, 1, 2 + e as i64)),
        "W3" => Some((
            ((e * 7919) % n.max(1) as usize) as u32 + 1,
            2,
            3 + (e % 7) as i64,
        )),
        "W4" => Some((n / 2 + 1, 1, 1000 + e as i64)),
        _ => None,
    }
}
