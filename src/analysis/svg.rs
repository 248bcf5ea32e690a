//! Hand-written SVG charts (no dependency, text stays text, any script renders): the tornado
//! of a sensitivity run and the histogram of a simulation.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::sensitivity::Tornado;
use super::simulate::Simulation;
use crate::numeric;

const WIDTH: f64 = 960.0;
const FONT: &str =
    "font-family=\"Helvetica, Arial, 'Hiragino Sans', 'Noto Sans CJK JP', sans-serif\"";
const LOW_COLOUR: &str = "#4c78a8";
const HIGH_COLOUR: &str = "#f58518";
const BAR_COLOUR: &str = "#4c78a8";
const BELOW_COLOUR: &str = "#b8c6d9";
const AXIS_COLOUR: &str = "#444";
const GRID_COLOUR: &str = "#e3e3e3";

/// The tornado chart: one row per parameter, largest swing on top; the bar runs from the
/// output with the parameter at its low end to the output at its high end, split at the base.
pub fn tornado_svg(t: &Tornado) -> String {
    let bars: Vec<_> = t.bars.iter().filter(|b| b.swing().is_some()).collect();
    let (left, right, top, row) = (300.0, 60.0, 96.0, 40.0);
    let height = top + row * bars.len().max(1) as f64 + 70.0;
    let base = numeric::to_f64(t.base_output);
    let mut values = vec![base];
    for b in &bars {
        values.extend(b.output_at_low.as_number().map(numeric::to_f64));
        values.extend(b.output_at_high.as_number().map(numeric::to_f64));
    }
    let axis = Axis::fit(&values, left, WIDTH - right);
    let mut s = open_svg(height);
    let unit = unit_suffix(&t.output_unit);
    title(
        &mut s,
        &format!("What moves {}{unit}", t.output),
        &format!(
            "base {}; each parameter moved alone from its low to its high value",
            number(base)
        ),
    );
    legend(&mut s, left, 72.0);
    let plot_bottom = top + row * bars.len() as f64;
    axis.draw(&mut s, top - 8.0, plot_bottom + 4.0);
    for (i, b) in bars.iter().enumerate() {
        let y = top + row * i as f64;
        let label = match &b.owner {
            Some(o) => format!("{} ({o})", b.input),
            None => b.input.clone(),
        };
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\">{}</text>",
            left - 10.0,
            y + 16.0,
            escape(&label)
        );
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#666\">{} … {}{}</text>",
            left - 10.0,
            y + 30.0,
            decimal(b.low),
            decimal(b.high),
            escape(&unit_suffix(&b.unit))
        );
        for (value, colour) in [
            (b.output_at_low.as_number(), LOW_COLOUR),
            (b.output_at_high.as_number(), HIGH_COLOUR),
        ] {
            if let Some(v) = value.map(numeric::to_f64) {
                bar_segment(&mut s, &axis, base, v, y + 6.0, row - 12.0, colour);
            }
        }
    }
    let x = axis.x(base);
    let _ = write!(
        s,
        "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#222\" stroke-width=\"1.5\"/>",
        top - 8.0,
        plot_bottom + 4.0
    );
    s.push_str("</svg>\n");
    s
}

/// A horizontal bar from the base to `value`, labelled with the output at its end.
fn bar_segment(s: &mut String, axis: &Axis, base: f64, value: f64, y: f64, h: f64, colour: &str) {
    let (x0, x1) = (axis.x(base), axis.x(value));
    let (from, to) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
    let _ = write!(
        s,
        "<rect x=\"{from:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{colour}\"/>",
        (to - from).max(0.5)
    );
    if (value - base).abs() > 0.0 {
        let (anchor, tx) = if x1 >= x0 {
            ("start", x1 + 4.0)
        } else {
            ("end", x1 - 4.0)
        };
        let _ = write!(
            s,
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#333\">{}</text>",
            y + h / 2.0 + 4.0,
            number(value)
        );
    }
}

fn legend(s: &mut String, x: f64, y: f64) {
    for (i, (colour, text)) in [
        (LOW_COLOUR, "parameter at its low value"),
        (HIGH_COLOUR, "parameter at its high value"),
    ]
    .iter()
    .enumerate()
    {
        let x = x + 230.0 * i as f64;
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"14\" height=\"14\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{text}</text>",
            y - 11.0,
            x + 20.0,
            y
        );
    }
}

/// The histogram of a simulation, with the mean, P5/P50/P95 and the threshold marked; bins
/// above the threshold are drawn darker.
pub fn histogram_svg(sim: &Simulation) -> String {
    let (left, right, top, plot_height) = (80.0, 40.0, 120.0, 300.0);
    let height = top + plot_height + 80.0;
    let h = &sim.histogram;
    let axis = Axis::fit(&[h.low, h.high, sim.threshold], left, WIDTH - right);
    let peak = h.counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let mut s = open_svg(height);
    let unit = unit_suffix(&sim.output_unit);
    title(
        &mut s,
        &format!(
            "{}{unit}: {} samples ({}, seed {})",
            sim.output,
            thousands(sim.samples as f64, 0),
            sim.method.name(),
            sim.seed
        ),
        &format!(
            "mean {} · sd {} · P5 {} · P50 {} · P95 {} · P(> {}) = {:.1}%",
            number(sim.mean),
            number(sim.sd),
            number(sim.p5),
            number(sim.p50),
            number(sim.p95),
            number(sim.threshold),
            sim.probability_above * 100.0
        ),
    );
    let bottom = top + plot_height;
    axis.draw(&mut s, top, bottom);
    let width = h.bin_width();
    for (i, &count) in h.counts.iter().enumerate() {
        let lo = h.low + width * i as f64;
        let hi = if h.counts.len() == 1 {
            h.high
        } else {
            lo + width
        };
        let (x0, x1) = (axis.x(lo), axis.x(hi));
        let bar_height = plot_height * count as f64 / peak;
        let colour = if lo >= sim.threshold {
            BAR_COLOUR
        } else {
            BELOW_COLOUR
        };
        let _ = write!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar_height:.1}\" fill=\"{colour}\" stroke=\"white\" stroke-width=\"0.5\"/>",
            bottom - bar_height,
            (x1 - x0).max(1.0)
        );
    }
    let mut markers = [
        (sim.p5, "P5", "#555", "4 3"),
        (sim.p50, "P50", "#555", "4 3"),
        (sim.p95, "P95", "#555", "4 3"),
        (sim.mean, "mean", "#222", "none"),
        (sim.threshold, "threshold", "#c0392b", "none"),
    ];
    markers.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Labels that would overlap go up a row.
    let mut row_ends = [f64::NEG_INFINITY; 5];
    for (value, label, colour, dash) in markers {
        let x = axis.x(value);
        let half_width = 3.5 * label.len() as f64 + 4.0;
        let row = row_ends
            .iter()
            .position(|end| *end < x - half_width)
            .unwrap_or(0);
        if let Some(end) = row_ends.get_mut(row) {
            *end = x + half_width;
        }
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{colour}\">{label}</text>",
            top - 4.0 - 13.0 * row as f64,
            top - 8.0 - 13.0 * row as f64
        );
    }
    let tails = if h.below + h.above > 0 {
        format!(
            " — {} samples below {} and {} above {} not drawn",
            thousands(h.below as f64, 0),
            number(h.low),
            thousands(h.above as f64, 0),
            number(h.high)
        )
    } else {
        String::new()
    };
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#444\">{}{}{}</text>",
        (left + WIDTH - right) / 2.0,
        bottom + 44.0,
        escape(&sim.output),
        escape(&unit),
        escape(&tails)
    );
    s.push_str("</svg>\n");
    s
}

fn open_svg(height: f64) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" {FONT}><rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
    )
}

fn title(s: &mut String, heading: &str, sub: &str) {
    let _ = write!(
        s,
        "<text x=\"24\" y=\"32\" font-size=\"18\" font-weight=\"bold\">{}</text><text x=\"24\" y=\"54\" font-size=\"13\" fill=\"#555\">{}</text>",
        escape(heading),
        escape(sub)
    );
}

fn unit_suffix(unit: &Option<String>) -> String {
    unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default()
}

/// A linear horizontal axis with "nice" ticks.
struct Axis {
    low: f64,
    high: f64,
    left: f64,
    right: f64,
    step: f64,
}

impl Axis {
    fn fit(values: &[f64], left: f64, right: f64) -> Axis {
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let (mut low, mut high) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
        if !low.is_finite() || !high.is_finite() {
            (low, high) = (0.0, 1.0);
        }
        if high - low <= 0.0 {
            let pad = if low == 0.0 { 1.0 } else { low.abs() * 0.1 };
            (low, high) = (low - pad, high + pad);
        }
        let step = nice_step((high - low) / 6.0);
        Axis {
            low: (low / step).floor() * step,
            high: (high / step).ceil() * step,
            left,
            right,
            step,
        }
    }

    fn x(&self, value: f64) -> f64 {
        let span = self.high - self.low;
        if span <= 0.0 || !value.is_finite() {
            return self.left;
        }
        self.left + (value - self.low) / span * (self.right - self.left)
    }

    /// Grid lines and tick labels between `top` and `bottom`.
    fn draw(&self, s: &mut String, top: f64, bottom: f64) {
        let ticks = ((self.high - self.low) / self.step).round() as usize;
        for i in 0..=ticks.min(50) {
            let v = self.low + self.step * i as f64;
            let x = self.x(v);
            let _ = write!(
                s,
                "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"{GRID_COLOUR}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{AXIS_COLOUR}\">{}</text>",
                bottom + 16.0,
                number(v)
            );
        }
        let _ = write!(
            s,
            "<line x1=\"{:.1}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"{AXIS_COLOUR}\"/>",
            self.left, self.right
        );
    }
}

/// 1, 2 or 5 times a power of ten, at least `rough`.
fn nice_step(rough: f64) -> f64 {
    if rough.is_nan() || rough <= 0.0 || !rough.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(rough.log10().floor());
    let fraction = rough / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// A number for a chart label: thousands separators, decimals only for small magnitudes.
fn number(x: f64) -> String {
    let digits = if x.abs() >= 100.0 {
        0
    } else if x.abs() >= 1.0 {
        2
    } else {
        4
    };
    thousands(x, digits)
}

fn thousands(x: f64, digits: u32) -> String {
    match numeric::from_f64(x) {
        Ok(d) => numeric::format_thousands(d, digits),
        Err(_) => format!("{x}"),
    }
}

fn decimal(d: Decimal) -> String {
    numeric::format_thousands(d, 4)
}

/// Text safe inside SVG elements and attributes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(13.0), 20.0);
        assert_eq!(nice_step(31_000.0), 50_000.0);
        assert_eq!(nice_step(0.0), 1.0);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
