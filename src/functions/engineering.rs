//! Engineering functions: CONVERT, number-base conversions (DEC2BIN...), bitwise operations,
//! DELTA/GESTEP, the error function, Bessel functions and the complex-number family (IM*).
//!
//! Most of these come from Excel's Analysis ToolPak and share its argument rules:
//! - a logical argument is `#VALUE!` (TRUE is not 1 here), an empty cell is 0, numeric text is
//!   its number;
//! - a multi-cell reference is not mapped element by element: it is reduced to the cell in the
//!   formula's row or column, or `#VALUE!`; arrays (`{1,2}`, `A1:A3+0`) are mapped.
//!
//! Numbers stay exact decimals where Excel's result is exact (CONVERT between units with exact
//! factors, base conversions, bit operations); transcendental functions run in f64 as in Excel.
//! The Bessel functions reproduce the rational approximations Excel uses (those of Numerical
//! Recipes), whose last digits differ from the true values by up to ~1e-8: matching Excel means
//! matching its approximations.

use std::cmp::Ordering;
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::args::{for_each_value, EvalContext, Operand};
use super::erf::{erf, erfc};
use super::toolpak::{self, toolpak_functions};
use super::{FunctionDef, VARIADIC};
use crate::numeric;
use crate::value::{ErrorKind, Value};

pub const FUNCTIONS: &[FunctionDef] = &[
    FunctionDef::eager("CONVERT", "number, from_unit, to_unit", 3, 3, convert).elementwise(),
    FunctionDef::eager("BIN2DEC", "number", 1, 1, bin2dec).elementwise(),
    FunctionDef::eager("BIN2OCT", "number, [places]", 1, 2, bin2oct).elementwise(),
    FunctionDef::eager("BIN2HEX", "number, [places]", 1, 2, bin2hex).elementwise(),
    FunctionDef::eager("OCT2DEC", "number", 1, 1, oct2dec).elementwise(),
    FunctionDef::eager("OCT2BIN", "number, [places]", 1, 2, oct2bin).elementwise(),
    FunctionDef::eager("OCT2HEX", "number, [places]", 1, 2, oct2hex).elementwise(),
    FunctionDef::eager("HEX2DEC", "number", 1, 1, hex2dec).elementwise(),
    FunctionDef::eager("HEX2BIN", "number, [places]", 1, 2, hex2bin).elementwise(),
    FunctionDef::eager("HEX2OCT", "number, [places]", 1, 2, hex2oct).elementwise(),
    FunctionDef::eager("DEC2BIN", "number, [places]", 1, 2, dec2bin).elementwise(),
    FunctionDef::eager("DEC2OCT", "number, [places]", 1, 2, dec2oct).elementwise(),
    FunctionDef::eager("DEC2HEX", "number, [places]", 1, 2, dec2hex).elementwise(),
    FunctionDef::scalar("BITAND", "number1, number2", 2, 2, bitand),
    FunctionDef::scalar("BITOR", "number1, number2", 2, 2, bitor),
    FunctionDef::scalar("BITXOR", "number1, number2", 2, 2, bitxor),
    FunctionDef::scalar("BITLSHIFT", "number, shift_amount", 2, 2, bitlshift),
    FunctionDef::scalar("BITRSHIFT", "number, shift_amount", 2, 2, bitrshift),
    FunctionDef::eager("DELTA", "number1, [number2]", 1, 2, delta).elementwise(),
    FunctionDef::eager("GESTEP", "number, [step]", 1, 2, gestep).elementwise(),
    FunctionDef::eager("ERF", "lower_limit, [upper_limit]", 1, 2, erf_fn).elementwise(),
    FunctionDef::eager("ERF.PRECISE", "x", 1, 1, erf_precise).elementwise(),
    FunctionDef::eager("ERFC", "x", 1, 1, erfc_fn).elementwise(),
    FunctionDef::eager("ERFC.PRECISE", "x", 1, 1, erfc_fn).elementwise(),
    FunctionDef::eager("BESSELI", "x, n", 2, 2, besseli).elementwise(),
    FunctionDef::eager("BESSELJ", "x, n", 2, 2, besselj).elementwise(),
    FunctionDef::eager("BESSELK", "x, n", 2, 2, besselk).elementwise(),
    FunctionDef::eager("BESSELY", "x, n", 2, 2, bessely).elementwise(),
    FunctionDef::eager("COMPLEX", "real_num, i_num, [suffix]", 2, 3, complex).elementwise(),
    FunctionDef::eager("IMREAL", "inumber", 1, 1, imreal).elementwise(),
    FunctionDef::eager("IMAGINARY", "inumber", 1, 1, imaginary).elementwise(),
    FunctionDef::eager("IMABS", "inumber", 1, 1, imabs).elementwise(),
    FunctionDef::eager("IMARGUMENT", "inumber", 1, 1, imargument).elementwise(),
    FunctionDef::eager("IMCONJUGATE", "inumber", 1, 1, imconjugate).elementwise(),
    FunctionDef::eager("IMSUM", "inumber1, [inumber2], ...", 1, VARIADIC, imsum),
    FunctionDef::eager(
        "IMPRODUCT",
        "inumber1, [inumber2], ...",
        1,
        VARIADIC,
        improduct,
    ),
    FunctionDef::eager("IMSUB", "inumber1, inumber2", 2, 2, imsub).elementwise(),
    FunctionDef::eager("IMDIV", "inumber1, inumber2", 2, 2, imdiv).elementwise(),
    FunctionDef::eager("IMPOWER", "inumber, number", 2, 2, impower).elementwise(),
    FunctionDef::eager("IMSQRT", "inumber", 1, 1, imsqrt).elementwise(),
    FunctionDef::eager("IMEXP", "inumber", 1, 1, imexp).elementwise(),
    FunctionDef::eager("IMLN", "inumber", 1, 1, imln).elementwise(),
    FunctionDef::eager("IMLOG10", "inumber", 1, 1, imlog10).elementwise(),
    FunctionDef::eager("IMLOG2", "inumber", 1, 1, imlog2).elementwise(),
    FunctionDef::eager("IMSIN", "inumber", 1, 1, imsin).elementwise(),
    FunctionDef::eager("IMCOS", "inumber", 1, 1, imcos).elementwise(),
    FunctionDef::eager("IMTAN", "inumber", 1, 1, imtan).elementwise(),
    FunctionDef::eager("IMSEC", "inumber", 1, 1, imsec).elementwise(),
    FunctionDef::eager("IMCSC", "inumber", 1, 1, imcsc).elementwise(),
    FunctionDef::eager("IMCOT", "inumber", 1, 1, imcot).elementwise(),
    FunctionDef::eager("IMSINH", "inumber", 1, 1, imsinh).elementwise(),
    FunctionDef::eager("IMCOSH", "inumber", 1, 1, imcosh).elementwise(),
    FunctionDef::eager("IMSECH", "inumber", 1, 1, imsech).elementwise(),
    FunctionDef::eager("IMCSCH", "inumber", 1, 1, imcsch).elementwise(),
];

toolpak_functions! {
    convert => convert_values,
    bin2dec => bin2dec_values,
    bin2oct => bin2oct_values,
    bin2hex => bin2hex_values,
    oct2dec => oct2dec_values,
    oct2bin => oct2bin_values,
    oct2hex => oct2hex_values,
    hex2dec => hex2dec_values,
    hex2bin => hex2bin_values,
    hex2oct => hex2oct_values,
    dec2bin => dec2bin_values,
    dec2oct => dec2oct_values,
    dec2hex => dec2hex_values,
    delta => delta_values,
    gestep => gestep_values,
    erf_fn => erf_values,
    erf_precise => erf_precise_values,
    erfc_fn => erfc_values,
    besseli => besseli_values,
    besselj => besselj_values,
    besselk => besselk_values,
    bessely => bessely_values,
    complex => complex_values,
    imreal => imreal_values,
    imaginary => imaginary_values,
    imabs => imabs_values,
    imargument => imargument_values,
    imconjugate => imconjugate_values,
    imsub => imsub_values,
    imdiv => imdiv_values,
    impower => impower_values,
    imsqrt => imsqrt_values,
    imexp => imexp_values,
    imln => imln_values,
    imlog10 => imlog10_values,
    imlog2 => imlog2_values,
    imsin => imsin_values,
    imcos => imcos_values,
    imtan => imtan_values,
    imsec => imsec_values,
    imcsc => imcsc_values,
    imcot => imcot_values,
    imsinh => imsinh_values,
    imcosh => imcosh_values,
    imsech => imsech_values,
    imcsch => imcsch_values,
}

/// An optional numeric argument: `default` when omitted.
fn atp_number_or(args: &[Value], i: usize, default: Decimal) -> Result<Decimal, ErrorKind> {
    args.get(i).map_or(Ok(default), toolpak::number)
}

fn atp_f64(v: &Value) -> Result<f64, ErrorKind> {
    toolpak::number(v).map(numeric::to_f64)
}

/// An f64 result as a cell value (NaN and infinities are `#NUM!`).
fn number_result(x: f64) -> Result<Value, ErrorKind> {
    numeric::from_f64(x).map(Value::Number)
}

// ---------------------------------------------------------------------------------------------
// CONVERT
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantity {
    Mass,
    Distance,
    Time,
    Pressure,
    Force,
    Energy,
    Power,
    Magnetism,
    Temperature,
    Volume,
    Area,
    Information,
    Speed,
}

/// Which prefixes a unit takes, and how a prefix scales it: a metric prefix on a square or
/// cubic unit scales the length (1 km2 is 1e6 m2), so its power is squared or cubed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefixes {
    None,
    /// Metric prefixes, applied to the unit's `power`-th power of length (1 for most units).
    Metric(i32),
    /// Metric and binary (ki, Mi...) prefixes: bit and byte.
    MetricAndBinary,
}

/// One of Excel's units: `mantissa × 10^exponent` base units of its quantity (gram, metre,
/// second, pascal, newton, joule, watt, tesla, kelvin, cubic metre, square metre, bit, m/s).
struct Unit {
    name: &'static str,
    quantity: Quantity,
    mantissa: &'static str,
    exponent: i32,
    prefixes: Prefixes,
}

const fn unit(
    name: &'static str,
    quantity: Quantity,
    mantissa: &'static str,
    exponent: i32,
    prefixes: Prefixes,
) -> Unit {
    Unit {
        name,
        quantity,
        mantissa,
        exponent,
        prefixes,
    }
}

use Prefixes::{Metric, MetricAndBinary, None as Plain};
use Quantity::*;

const LINEAR: Prefixes = Metric(1);

/// Excel's unit table. Factors are exact where the unit's definition is (inch = 0.0254 m,
/// pound = 0.45359237 kg, BTU = 1055.05585262 J...); derived units that are not terminating
/// decimals (slug, survey mile, pica, psi, torr) carry 28 significant digits.
const UNITS: &[Unit] = &[
    // Mass, in grams.
    unit("g", Mass, "1", 0, LINEAR),
    unit("sg", Mass, "14593.90293720636482939632546", 0, Plain),
    unit("lbm", Mass, "453.59237", 0, Plain),
    unit("u", Mass, "1.660538782", -24, LINEAR),
    unit("ozm", Mass, "28.349523125", 0, Plain),
    unit("grain", Mass, "0.06479891", 0, Plain),
    unit("cwt", Mass, "45359.237", 0, Plain),
    unit("shweight", Mass, "45359.237", 0, Plain),
    unit("uk_cwt", Mass, "50802.34544", 0, Plain),
    unit("lcwt", Mass, "50802.34544", 0, Plain),
    unit("hweight", Mass, "50802.34544", 0, Plain),
    unit("stone", Mass, "6350.29318", 0, Plain),
    unit("ton", Mass, "907184.74", 0, Plain),
    unit("uk_ton", Mass, "1016046.9088", 0, Plain),
    unit("LTON", Mass, "1016046.9088", 0, Plain),
    unit("brton", Mass, "1016046.9088", 0, Plain),
    // Distance, in metres.
    unit("m", Distance, "1", 0, LINEAR),
    unit("mi", Distance, "1609.344", 0, Plain),
    unit("Nmi", Distance, "1852", 0, Plain),
    unit("in", Distance, "0.0254", 0, Plain),
    unit("ft", Distance, "0.3048", 0, Plain),
    unit("yd", Distance, "0.9144", 0, Plain),
    unit("ang", Distance, "1", -10, LINEAR),
    unit("ell", Distance, "1.143", 0, Plain),
    unit("ly", Distance, "9460730472580800", 0, LINEAR),
    unit("parsec", Distance, "3.085677581281553", 16, LINEAR),
    unit("pc", Distance, "3.085677581281553", 16, LINEAR),
    unit(
        "Picapt",
        Distance,
        "0.0003527777777777777777777777778",
        0,
        Plain,
    ),
    unit(
        "Pica",
        Distance,
        "0.0003527777777777777777777777778",
        0,
        Plain,
    ),
    unit(
        "pica",
        Distance,
        "0.004233333333333333333333333333",
        0,
        Plain,
    ),
    unit(
        "survey_mi",
        Distance,
        "1609.347218694437388874777750",
        0,
        Plain,
    ),
    // Time, in seconds.
    unit("yr", Time, "31557600", 0, Plain),
    unit("day", Time, "86400", 0, Plain),
    unit("d", Time, "86400", 0, Plain),
    unit("hr", Time, "3600", 0, Plain),
    unit("mn", Time, "60", 0, Plain),
    unit("min", Time, "60", 0, Plain),
    unit("sec", Time, "1", 0, LINEAR),
    unit("s", Time, "1", 0, LINEAR),
    // Pressure, in pascals.
    unit("Pa", Pressure, "1", 0, LINEAR),
    unit("p", Pressure, "1", 0, LINEAR),
    unit("atm", Pressure, "101325", 0, LINEAR),
    unit("at", Pressure, "101325", 0, LINEAR),
    unit("mmHg", Pressure, "133.322", 0, LINEAR),
    unit("psi", Pressure, "6894.757293168361336722673445", 0, Plain),
    unit("Torr", Pressure, "133.3223684210526315789473684", 0, Plain),
    // Force, in newtons.
    unit("N", Force, "1", 0, LINEAR),
    unit("dyn", Force, "1", -5, LINEAR),
    unit("dy", Force, "1", -5, LINEAR),
    unit("lbf", Force, "4.4482216152605", 0, Plain),
    unit("pond", Force, "0.00980665", 0, LINEAR),
    // Energy, in joules.
    unit("J", Energy, "1", 0, LINEAR),
    unit("e", Energy, "1", -7, LINEAR),
    unit("c", Energy, "4.184", 0, LINEAR),
    unit("cal", Energy, "4.1868", 0, LINEAR),
    unit("eV", Energy, "1.602176487", -19, LINEAR),
    unit("ev", Energy, "1.602176487", -19, LINEAR),
    unit("HPh", Energy, "2684519.5376961727920", 0, Plain),
    unit("hh", Energy, "2684519.5376961727920", 0, Plain),
    unit("Wh", Energy, "3600", 0, LINEAR),
    unit("wh", Energy, "3600", 0, LINEAR),
    unit("flb", Energy, "1.3558179483314004", 0, Plain),
    unit("BTU", Energy, "1055.05585262", 0, Plain),
    unit("btu", Energy, "1055.05585262", 0, Plain),
    // Power, in watts.
    unit("HP", Power, "745.69987158227022", 0, Plain),
    unit("h", Power, "745.69987158227022", 0, Plain),
    unit("PS", Power, "735.49875", 0, Plain),
    unit("W", Power, "1", 0, LINEAR),
    unit("w", Power, "1", 0, LINEAR),
    // Magnetism, in teslas.
    unit("T", Magnetism, "1", 0, LINEAR),
    unit("ga", Magnetism, "1", -4, LINEAR),
    // Temperature: factors unused, see `temperature_scale`.
    unit("C", Temperature, "1", 0, Plain),
    unit("cel", Temperature, "1", 0, Plain),
    unit("F", Temperature, "1", 0, Plain),
    unit("fah", Temperature, "1", 0, Plain),
    unit("K", Temperature, "1", 0, LINEAR),
    unit("kel", Temperature, "1", 0, LINEAR),
    unit("Rank", Temperature, "1", 0, Plain),
    unit("Reau", Temperature, "1", 0, Plain),
    // Volume, in cubic metres.
    unit("tsp", Volume, "4.92892159375", -6, Plain),
    unit("tspm", Volume, "5", -6, Plain),
    unit("tbs", Volume, "1.478676478125", -5, Plain),
    unit("oz", Volume, "2.95735295625", -5, Plain),
    unit("cup", Volume, "2.365882365", -4, Plain),
    unit("pt", Volume, "4.73176473", -4, Plain),
    unit("us_pt", Volume, "4.73176473", -4, Plain),
    unit("uk_pt", Volume, "5.6826125", -4, LINEAR),
    unit("qt", Volume, "9.46352946", -4, Plain),
    unit("uk_qt", Volume, "1.1365225", -3, Plain),
    unit("gal", Volume, "3.785411784", -3, Plain),
    unit("uk_gal", Volume, "4.54609", -3, Plain),
    unit("l", Volume, "1", -3, LINEAR),
    unit("L", Volume, "1", -3, LINEAR),
    unit("lt", Volume, "1", -3, LINEAR),
    unit("ang3", Volume, "1", -30, Metric(3)),
    unit("ang^3", Volume, "1", -30, Metric(3)),
    unit("barrel", Volume, "0.158987294928", 0, Plain),
    unit("bushel", Volume, "0.03523907016688", 0, Plain),
    unit("ft3", Volume, "0.028316846592", 0, Plain),
    unit("ft^3", Volume, "0.028316846592", 0, Plain),
    unit("in3", Volume, "0.000016387064", 0, Plain),
    unit("in^3", Volume, "0.000016387064", 0, Plain),
    unit("ly3", Volume, "846786664623715.2311", 33, Plain),
    unit("ly^3", Volume, "846786664623715.2311", 33, Plain),
    unit("m3", Volume, "1", 0, Metric(3)),
    unit("m^3", Volume, "1", 0, Metric(3)),
    unit("mi3", Volume, "4168181825.440579584", 0, Plain),
    unit("mi^3", Volume, "4168181825.440579584", 0, Plain),
    unit("yd3", Volume, "0.764554857984", 0, Plain),
    unit("yd^3", Volume, "0.764554857984", 0, Plain),
    unit("Nmi3", Volume, "6352182208", 0, Plain),
    unit("Nmi^3", Volume, "6352182208", 0, Plain),
    unit(
        "Picapt3",
        Volume,
        "4.390395661865569272976680384",
        -11,
        Plain,
    ),
    unit(
        "Picapt^3",
        Volume,
        "4.390395661865569272976680384",
        -11,
        Plain,
    ),
    unit("Pica3", Volume, "4.390395661865569272976680384", -11, Plain),
    unit(
        "Pica^3",
        Volume,
        "4.390395661865569272976680384",
        -11,
        Plain,
    ),
    unit("GRT", Volume, "2.8316846592", 0, Plain),
    unit("regton", Volume, "2.8316846592", 0, Plain),
    unit("MTON", Volume, "1.13267386368", 0, Plain),
    // Area, in square metres.
    unit("uk_acre", Area, "4046.8564224", 0, Plain),
    unit("us_acre", Area, "4046.872609874252006568529266", 0, Plain),
    unit("ang2", Area, "1", -20, Metric(2)),
    unit("ang^2", Area, "1", -20, Metric(2)),
    unit("ar", Area, "100", 0, LINEAR),
    unit("ft2", Area, "0.09290304", 0, Plain),
    unit("ft^2", Area, "0.09290304", 0, Plain),
    unit("ha", Area, "10000", 0, Plain),
    unit("in2", Area, "0.00064516", 0, Plain),
    unit("in^2", Area, "0.00064516", 0, Plain),
    unit("ly2", Area, "89505421074818956.06", 15, Plain),
    unit("ly^2", Area, "89505421074818956.06", 15, Plain),
    unit("m2", Area, "1", 0, Metric(2)),
    unit("m^2", Area, "1", 0, Metric(2)),
    unit("Morgen", Area, "2500", 0, Plain),
    unit("mi2", Area, "2589988.110336", 0, Plain),
    unit("mi^2", Area, "2589988.110336", 0, Plain),
    unit("Nmi2", Area, "3429904", 0, Plain),
    unit("Nmi^2", Area, "3429904", 0, Plain),
    unit("Picapt2", Area, "1.244521604938271604938271605", -7, Plain),
    unit("Picapt^2", Area, "1.244521604938271604938271605", -7, Plain),
    unit("Pica2", Area, "1.244521604938271604938271605", -7, Plain),
    unit("Pica^2", Area, "1.244521604938271604938271605", -7, Plain),
    unit("yd2", Area, "0.83612736", 0, Plain),
    unit("yd^2", Area, "0.83612736", 0, Plain),
    // Information, in bits.
    unit("bit", Information, "1", 0, MetricAndBinary),
    unit("byte", Information, "8", 0, MetricAndBinary),
    // Speed, in metres per second.
    unit("admkn", Speed, "0.5147733333333333333333333333", 0, Plain),
    unit("kn", Speed, "0.5144444444444444444444444444", 0, Plain),
    unit("m/h", Speed, "0.0002777777777777777777777777778", 0, LINEAR),
    unit(
        "m/hr",
        Speed,
        "0.0002777777777777777777777777778",
        0,
        LINEAR,
    ),
    unit("m/s", Speed, "1", 0, LINEAR),
    unit("m/sec", Speed, "1", 0, LINEAR),
    unit("mph", Speed, "0.44704", 0, LINEAR),
];

/// Metric prefixes and their powers of ten ("da" and "e" are both deka).
const METRIC_PREFIXES: &[(&str, i32)] = &[
    ("da", 1),
    ("Y", 24),
    ("Z", 21),
    ("E", 18),
    ("P", 15),
    ("T", 12),
    ("G", 9),
    ("M", 6),
    ("k", 3),
    ("h", 2),
    ("e", 1),
    ("d", -1),
    ("c", -2),
    ("m", -3),
    ("u", -6),
    ("n", -9),
    ("p", -12),
    ("f", -15),
    ("a", -18),
    ("z", -21),
    ("y", -24),
];

/// Binary prefixes (information units only) and their powers of 1024.
const BINARY_PREFIXES: &[(&str, u32)] = &[
    ("ki", 1),
    ("Mi", 2),
    ("Gi", 3),
    ("Ti", 4),
    ("Pi", 5),
    ("Ei", 6),
    ("Zi", 7),
    ("Yi", 8),
];

/// A unit as written, with its prefix resolved: `mantissa × 10^exponent` base units.
struct ScaledUnit {
    unit: &'static Unit,
    mantissa: Decimal,
    exponent: i32,
}

fn find_unit(name: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.name == name)
}

fn unit_mantissa(unit: &Unit) -> Decimal {
    Decimal::from_str(unit.mantissa).unwrap_or(Decimal::ONE)
}

/// Every reading of unit text: the unit of that name first, then each prefix the unit accepts
/// followed by the unit. Text can be read several ways ("pc" is a parsec, or a pico-calorie);
/// CONVERT takes the first pair of readings of the same quantity.
fn unit_readings(text: &str) -> Vec<ScaledUnit> {
    let mut readings = Vec::new();
    if let Some(unit) = find_unit(text) {
        readings.push(ScaledUnit {
            unit,
            mantissa: unit_mantissa(unit),
            exponent: unit.exponent,
        });
    }
    for (prefix, power) in METRIC_PREFIXES {
        let Some(unit) = text.strip_prefix(prefix).and_then(find_unit) else {
            continue;
        };
        let dimension = match unit.prefixes {
            Prefixes::Metric(d) => d,
            Prefixes::MetricAndBinary => 1,
            Prefixes::None => continue,
        };
        readings.push(ScaledUnit {
            unit,
            mantissa: unit_mantissa(unit),
            exponent: unit.exponent + power * dimension,
        });
    }
    for (prefix, power) in BINARY_PREFIXES {
        let Some(unit) = text.strip_prefix(prefix).and_then(find_unit) else {
            continue;
        };
        if unit.prefixes != Prefixes::MetricAndBinary {
            continue;
        }
        let scale = Decimal::from(1u64 << (10 * power));
        if let Some(mantissa) = unit_mantissa(unit).checked_mul(scale) {
            readings.push(ScaledUnit {
                unit,
                mantissa,
                exponent: unit.exponent,
            });
        }
    }
    readings
}

/// The first readings of the two unit texts that measure the same quantity.
fn compatible_units(from: &str, to: &str) -> Option<(ScaledUnit, ScaledUnit)> {
    let to_readings = unit_readings(to);
    for from in unit_readings(from) {
        if let Some(i) = to_readings
            .iter()
            .position(|t| t.unit.quantity == from.unit.quantity)
        {
            let to = to_readings.into_iter().nth(i)?;
            return Some((from, to));
        }
    }
    None
}

fn convert_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let number = toolpak::number(&args[0])?;
    let from_text = args[1].to_text()?;
    let to_text = args[2].to_text()?;
    let (from, to) = compatible_units(&from_text, &to_text).ok_or(ErrorKind::NA)?;
    let result = if from.unit.quantity == Quantity::Temperature {
        convert_temperature(number, &from, &to)?
    } else {
        // Multiply before dividing, so that 90 mn is exactly 1.5 hr.
        let scaled = numeric::div(numeric::mul(number, from.mantissa)?, to.mantissa)?;
        scale_by_power_of_ten(scaled, from.exponent - to.exponent)?
    };
    Ok(Value::Number(result.normalize()))
}

/// `x × 10^exponent`: `#NUM!` beyond Decimal's range; results below 1e-28 become 0.
fn scale_by_power_of_ten(x: Decimal, exponent: i32) -> Result<Decimal, ErrorKind> {
    let mut x = x;
    let mut remaining = exponent;
    while remaining != 0 && !x.is_zero() {
        let step = remaining.clamp(-28, 28);
        let factor = Decimal::from_i128_with_scale(10i128.pow(step.unsigned_abs()), 0);
        x = if step > 0 {
            numeric::mul(x, factor)?
        } else {
            numeric::div(x, factor)?
        };
        remaining -= step;
    }
    Ok(x)
}

/// A temperature scale as `kelvin = (t + offset) × numerator / denominator`.
struct TemperatureScale {
    offset: Decimal,
    numerator: i64,
    denominator: i64,
}

fn temperature_scale(name: &str) -> TemperatureScale {
    let (offset, numerator, denominator) = match name {
        "C" | "cel" => (Decimal::new(27315, 2), 1, 1),
        "F" | "fah" => (Decimal::new(45967, 2), 5, 9),
        "Rank" => (Decimal::ZERO, 5, 9),
        "Reau" => (Decimal::new(21852, 2), 5, 4),
        _ => (Decimal::ZERO, 1, 1),
    };
    TemperatureScale {
        offset,
        numerator,
        denominator,
    }
}

/// Temperatures convert through kelvin with offsets; a prefix (only kelvin takes one) scales
/// the reading itself. Multiplications come before the one division so that exact results
/// (25 C is 77 F) stay exact.
fn convert_temperature(
    t: Decimal,
    from: &ScaledUnit,
    to: &ScaledUnit,
) -> Result<Decimal, ErrorKind> {
    let a = temperature_scale(from.unit.name);
    let b = temperature_scale(to.unit.name);
    let reading = scale_by_power_of_ten(t, from.exponent)?;
    let shifted = numeric::add(reading, a.offset)?;
    let numerator = numeric::mul(shifted, Decimal::from(a.numerator * b.denominator))?;
    let converted = numeric::div(numerator, Decimal::from(a.denominator * b.numerator))?;
    let result = numeric::sub(converted, b.offset)?;
    scale_by_power_of_ten(result, -to.exponent)
}

// ---------------------------------------------------------------------------------------------
// Number bases: BIN2DEC, DEC2HEX...
// ---------------------------------------------------------------------------------------------

/// Binary, octal and hexadecimal numbers: at most 10 digits, the top half of the 10-digit
/// range being negative (two's complement).
#[derive(Clone, Copy)]
struct Radix(u32);

const BIN: Radix = Radix(2);
const OCT: Radix = Radix(8);
const HEX: Radix = Radix(16);
const MAX_DIGITS: usize = 10;

impl Radix {
    /// radix^10: 1024, 2^30 or 2^40.
    fn modulus(self) -> i64 {
        i64::from(self.0).pow(MAX_DIGITS as u32)
    }
    fn min(self) -> i64 {
        -self.modulus() / 2
    }
    fn max(self) -> i64 {
        self.modulus() / 2 - 1
    }

    /// Reads a BIN2DEC-style argument: text (or a number read as its text) of up to 10 digits.
    fn parse(self, v: &Value) -> Result<i64, ErrorKind> {
        let text = match v {
            Value::Bool(_) => return Err(ErrorKind::Value),
            Value::Error(e) => return Err(*e),
            Value::Empty => return Ok(0),
            Value::Number(n) => numeric::format_general(*n),
            Value::Text(s) => s.to_string(),
        };
        if text.len() > MAX_DIGITS {
            return Err(ErrorKind::Num);
        }
        let mut value: i64 = 0;
        for c in text.chars() {
            let digit = c.to_digit(self.0).ok_or(ErrorKind::Num)?;
            value = value * i64::from(self.0) + i64::from(digit);
        }
        Ok(if value > self.max() {
            value - self.modulus()
        } else {
            value
        })
    }

    /// Writes `value` in this base: negative numbers as 10 two's-complement digits (and `places`
    /// ignored), others upper-case, zero-padded to `places`.
    fn format(self, value: i64, width: Option<usize>) -> Result<Value, ErrorKind> {
        if value < self.min() || value > self.max() {
            return Err(ErrorKind::Num);
        }
        if value < 0 {
            return Ok(Value::text(self.digits(value + self.modulus())));
        }
        let digits = self.digits(value);
        match width {
            None => Ok(Value::text(digits)),
            Some(w) if digits.len() > w => Err(ErrorKind::Num),
            Some(w) => Ok(Value::text(format!("{digits:0>w$}"))),
        }
    }

    fn digits(self, value: i64) -> String {
        match self.0 {
            2 => format!("{value:b}"),
            8 => format!("{value:o}"),
            _ => format!("{value:X}"),
        }
    }
}

/// The optional `places` argument: truncated, 1 to 10. Excel checks it before the number.
fn places_argument(args: &[Value]) -> Result<Option<usize>, ErrorKind> {
    let Some(v) = args.get(1) else {
        return Ok(None);
    };
    let places = numeric::snap15(toolpak::number(v)?).trunc();
    match places.to_i64() {
        Some(p @ 1..=10) => Ok(Some(p as usize)),
        _ => Err(ErrorKind::Num),
    }
}

fn base_to_decimal(args: &[Value], from: Radix) -> Result<Value, ErrorKind> {
    from.parse(&args[0]).map(Value::from)
}

fn base_to_base(args: &[Value], from: Radix, to: Radix) -> Result<Value, ErrorKind> {
    let width = places_argument(args)?;
    let value = from.parse(&args[0])?;
    to.format(value, width)
}

fn decimal_to_base(args: &[Value], to: Radix) -> Result<Value, ErrorKind> {
    let width = places_argument(args)?;
    let number = numeric::snap15(toolpak::number(&args[0])?).trunc();
    let value = number.to_i64().ok_or(ErrorKind::Num)?;
    to.format(value, width)
}

fn bin2dec_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_decimal(args, BIN)
}
fn oct2dec_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_decimal(args, OCT)
}
fn hex2dec_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_decimal(args, HEX)
}
fn bin2oct_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_base(args, BIN, OCT)
}
fn bin2hex_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_base(args, BIN, HEX)
}
fn oct2bin_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_base(args, OCT, BIN)
}
fn oct2hex_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_base(args, OCT, HEX)
}
fn hex2bin_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_base(args, HEX, BIN)
}
fn hex2oct_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    base_to_base(args, HEX, OCT)
}
fn dec2bin_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    decimal_to_base(args, BIN)
}
fn dec2oct_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    decimal_to_base(args, OCT)
}
fn dec2hex_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    decimal_to_base(args, HEX)
}

// ---------------------------------------------------------------------------------------------
// Bitwise operations (Excel 2013 functions: mapped over ranges like ordinary functions)
// ---------------------------------------------------------------------------------------------

/// Bit operations work on whole numbers from 0 to 2^48 - 1.
const BIT_LIMIT: u64 = 1 << 48;

/// A bit-function operand (ordinary coercion: TRUE is 1): a whole number from 0 to 2^48 - 1.
fn bit_operand(v: &Value) -> Result<u64, ErrorKind> {
    let n = v.to_number()?;
    if !n.fract().is_zero() || n.is_sign_negative() && !n.is_zero() {
        return Err(ErrorKind::Num);
    }
    match n.to_u64() {
        Some(n) if n < BIT_LIMIT => Ok(n),
        _ => Err(ErrorKind::Num),
    }
}

fn bit_operation(args: &[Value], op: fn(u64, u64) -> u64) -> Value {
    match (bit_operand(&args[0]), bit_operand(&args[1])) {
        (Ok(a), Ok(b)) => Value::from(Decimal::from(op(a, b))),
        (Err(e), _) | (_, Err(e)) => Value::Error(e),
    }
}

fn bitand(args: &[Value], _: &dyn EvalContext) -> Value {
    bit_operation(args, |a, b| a & b)
}
fn bitor(args: &[Value], _: &dyn EvalContext) -> Value {
    bit_operation(args, |a, b| a | b)
}
fn bitxor(args: &[Value], _: &dyn EvalContext) -> Value {
    bit_operation(args, |a, b| a ^ b)
}

/// Shifts left by `shift` bits (right when negative); |shift| is at most 53 and the result
/// must stay below 2^48.
fn bit_shift(args: &[Value], direction: i64) -> Result<Value, ErrorKind> {
    let number = bit_operand(&args[0])?;
    let shift = numeric::snap15(args[1].to_number()?)
        .trunc()
        .to_i64()
        .ok_or(ErrorKind::Num)?;
    if shift.abs() > 53 {
        return Err(ErrorKind::Num);
    }
    let shift = shift * direction;
    let result = if shift >= 0 {
        let shifted = u128::from(number) << shift;
        if shifted >= u128::from(BIT_LIMIT) {
            return Err(ErrorKind::Num);
        }
        shifted as u64
    } else {
        number >> shift.unsigned_abs()
    };
    Ok(Value::from(Decimal::from(result)))
}

fn bitlshift(args: &[Value], _: &dyn EvalContext) -> Value {
    bit_shift(args, 1).unwrap_or_else(Value::Error)
}
fn bitrshift(args: &[Value], _: &dyn EvalContext) -> Value {
    bit_shift(args, -1).unwrap_or_else(Value::Error)
}

// ---------------------------------------------------------------------------------------------
// DELTA, GESTEP
// ---------------------------------------------------------------------------------------------

fn indicator(condition: bool) -> Value {
    Value::from(if condition {
        Decimal::ONE
    } else {
        Decimal::ZERO
    })
}

fn delta_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let a = toolpak::number(&args[0])?;
    let b = atp_number_or(args, 1, Decimal::ZERO)?;
    Ok(indicator(numeric::compare_15(a, b) == Ordering::Equal))
}

fn gestep_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let number = toolpak::number(&args[0])?;
    let step = atp_number_or(args, 1, Decimal::ZERO)?;
    Ok(indicator(
        numeric::compare_15(number, step) != Ordering::Less,
    ))
}

// ---------------------------------------------------------------------------------------------
// Error function
// ---------------------------------------------------------------------------------------------

fn erf_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let lower = atp_f64(&args[0])?;
    match args.get(1) {
        None => number_result(erf(lower)),
        Some(upper) => {
            let upper = atp_f64(upper)?;
            number_result(erf(upper) - erf(lower))
        }
    }
}

fn erf_precise_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    number_result(erf(atp_f64(&args[0])?))
}

fn erfc_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    number_result(erfc(atp_f64(&args[0])?))
}

// ---------------------------------------------------------------------------------------------
// Bessel functions, as Excel computes them (Numerical Recipes' approximations)
// ---------------------------------------------------------------------------------------------

/// Evaluates a polynomial with coefficients in increasing degree (Horner's scheme).
fn poly(x: f64, coefficients: &[f64]) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

/// The asymptotic form shared by J0/Y0 (phase π/4) and J1/Y1 (phase 3π/4) for |x| ≥ 8:
/// returns (P·cos − z·Q·sin, P·sin + z·Q·cos) scaled by √(2/(πx)).
fn bessel_asymptotic(ax: f64, phase: f64, p: &[f64], q: &[f64]) -> (f64, f64) {
    let z = 8.0 / ax;
    let y = z * z;
    let xx = ax - phase;
    let p = poly(y, p);
    let q = poly(y, q);
    let scale = (TWO_OVER_PI / ax).sqrt();
    (
        scale * (xx.cos() * p - z * xx.sin() * q),
        scale * (xx.sin() * p + z * xx.cos() * q),
    )
}

const J0_P: [f64; 5] = [
    1.0,
    -0.1098628627e-2,
    0.2734510407e-4,
    -0.2073370639e-5,
    0.2093887211e-6,
];
const J1_P: [f64; 5] = [
    1.0,
    0.183105e-2,
    -0.3516396496e-4,
    0.2457520174e-5,
    -0.240337019e-6,
];
const J1_Q: [f64; 5] = [
    0.04687499995,
    -0.2002690873e-3,
    0.8449199096e-5,
    -0.88228987e-6,
    0.105787412e-6,
];
const PHASE_0: f64 = 0.785398164;
/// 2/π truncated to 9 digits, as in the approximations: using the exact constant would change
/// Excel's digits.
#[allow(clippy::approx_constant)]
const TWO_OVER_PI: f64 = 0.636619772;
const PHASE_1: f64 = 2.356194491;

fn bessel_j0(x: f64) -> f64 {
    let ax = x.abs();
    if ax < 8.0 {
        let y = x * x;
        let num = poly(
            y,
            &[
                57568490574.0,
                -13362590354.0,
                651619640.7,
                -11214424.18,
                77392.33017,
                -184.9052456,
            ],
        );
        let den = poly(
            y,
            &[
                57568490411.0,
                1029532985.0,
                9494680.718,
                59272.64853,
                267.8532712,
                1.0,
            ],
        );
        return num / den;
    }
    // Numerical Recipes' J0 and Y0 differ in the last Q coefficient (…935… vs …945…).
    let q = [
        -0.1562499995e-1,
        0.1430488765e-3,
        -0.6911147651e-5,
        0.7621095161e-6,
        -0.934935152e-7,
    ];
    bessel_asymptotic(ax, PHASE_0, &J0_P, &q).0
}

fn bessel_j1(x: f64) -> f64 {
    let ax = x.abs();
    if ax < 8.0 {
        let y = x * x;
        let num = x * poly(
            y,
            &[
                72362614232.0,
                -7895059235.0,
                242396853.1,
                -2972611.439,
                15704.48260,
                -30.16036606,
            ],
        );
        let den = poly(
            y,
            &[
                144725228442.0,
                2300535178.0,
                18583304.74,
                99447.43394,
                376.9991397,
                1.0,
            ],
        );
        return num / den;
    }
    let value = bessel_asymptotic(ax, PHASE_1, &J1_P, &J1_Q).0;
    if x < 0.0 {
        -value
    } else {
        value
    }
}

/// Renormalisation thresholds of the downward recurrences.
const BIG: f64 = 1e10;
const BIG_INVERSE: f64 = 1e-10;
/// Numerical Recipes' accuracy parameter for where the downward recurrences start.
const RECURRENCE_ACCURACY: f64 = 40.0;

fn recurrence_start(n: u32) -> u32 {
    (f64::from(n) * RECURRENCE_ACCURACY).sqrt() as u32 + n
}

fn bessel_jn(n: u32, x: f64) -> f64 {
    let ax = x.abs();
    let value = match n {
        0 => return bessel_j0(ax),
        1 => return bessel_j1(x),
        _ if ax == 0.0 => return 0.0,
        _ if ax > f64::from(n) => {
            // Upward recurrence from J0 and J1 is stable here.
            let tox = 2.0 / ax;
            let (mut previous, mut current) = (bessel_j0(ax), bessel_j1(ax));
            for j in 1..n {
                let next = f64::from(j) * tox * current - previous;
                previous = current;
                current = next;
            }
            current
        }
        _ => bessel_jn_downward(n, ax),
    };
    if x < 0.0 && n % 2 == 1 {
        -value
    } else {
        value
    }
}

/// Miller's downward recurrence, normalised by J0 + 2·(J2 + J4 + …) = 1.
fn bessel_jn_downward(n: u32, ax: f64) -> f64 {
    let tox = 2.0 / ax;
    let start = 2 * (recurrence_start(n) / 2);
    let (mut above, mut current) = (0.0, 1.0);
    let (mut answer, mut sum) = (0.0, 0.0);
    let mut add_to_sum = false;
    for j in (1..=start).rev() {
        let below = f64::from(j) * tox * current - above;
        above = current;
        current = below;
        if current.abs() > BIG {
            current *= BIG_INVERSE;
            above *= BIG_INVERSE;
            answer *= BIG_INVERSE;
            sum *= BIG_INVERSE;
        }
        if add_to_sum {
            sum += current;
        }
        add_to_sum = !add_to_sum;
        if j == n {
            answer = above;
        }
    }
    answer / (2.0 * sum - current)
}

fn bessel_y0(x: f64) -> f64 {
    if x < 8.0 {
        let y = x * x;
        let num = poly(
            y,
            &[
                -2957821389.0,
                7062834065.0,
                -512359803.6,
                10879881.29,
                -86327.92757,
                228.4622733,
            ],
        );
        let den = poly(
            y,
            &[
                40076544269.0,
                745249964.8,
                7189466.438,
                47447.26470,
                226.1030244,
                1.0,
            ],
        );
        return num / den + TWO_OVER_PI * bessel_j0(x) * x.ln();
    }
    let q = [
        -0.1562499995e-1,
        0.1430488765e-3,
        -0.6911147651e-5,
        0.7621095161e-6,
        -0.934945152e-7,
    ];
    bessel_asymptotic(x, PHASE_0, &J0_P, &q).1
}

fn bessel_y1(x: f64) -> f64 {
    if x < 8.0 {
        let y = x * x;
        let num = x * poly(
            y,
            &[
                -0.4900604943e13,
                0.1275274390e13,
                -0.5153438139e11,
                0.7349264551e9,
                -0.4237922726e7,
                0.8511937935e4,
            ],
        );
        let den = poly(
            y,
            &[
                0.2499580570e14,
                0.4244419664e12,
                0.3733650367e10,
                0.2245904002e8,
                0.1020426050e6,
                0.3549632885e3,
                1.0,
            ],
        );
        return num / den + TWO_OVER_PI * (bessel_j1(x) * x.ln() - 1.0 / x);
    }
    bessel_asymptotic(x, PHASE_1, &J1_P, &J1_Q).1
}

/// Y_n and K_n by upward recurrence from orders 0 and 1 (`sign` −1 for Y, +1 for K).
fn upward_recurrence(n: u32, x: f64, order0: f64, order1: f64, sign: f64) -> f64 {
    let tox = 2.0 / x;
    let (mut previous, mut current) = (order0, order1);
    for j in 1..n {
        let next = f64::from(j) * tox * current + sign * previous;
        previous = current;
        current = next;
        if !current.is_finite() {
            break;
        }
    }
    current
}

fn bessel_yn(n: u32, x: f64) -> f64 {
    match n {
        0 => bessel_y0(x),
        1 => bessel_y1(x),
        _ => upward_recurrence(n, x, bessel_y0(x), bessel_y1(x), -1.0),
    }
}

fn bessel_i0(x: f64) -> f64 {
    let ax = x.abs();
    if ax < 3.75 {
        let y = (x / 3.75) * (x / 3.75);
        return poly(
            y,
            &[
                1.0,
                3.5156229,
                3.0899424,
                1.2067492,
                0.2659732,
                0.360768e-1,
                0.45813e-2,
            ],
        );
    }
    let y = 3.75 / ax;
    (ax.exp() / ax.sqrt())
        * poly(
            y,
            &[
                0.39894228,
                0.1328592e-1,
                0.225319e-2,
                -0.157565e-2,
                0.916281e-2,
                -0.2057706e-1,
                0.2635537e-1,
                -0.1647633e-1,
                0.392377e-2,
            ],
        )
}

fn bessel_i1(x: f64) -> f64 {
    let ax = x.abs();
    let value = if ax < 3.75 {
        let y = (x / 3.75) * (x / 3.75);
        ax * poly(
            y,
            &[
                0.5,
                0.87890594,
                0.51498869,
                0.15084934,
                0.2658733e-1,
                0.301532e-2,
                0.32411e-3,
            ],
        )
    } else {
        let y = 3.75 / ax;
        let series = poly(
            y,
            &[
                0.39894228,
                -0.3988024e-1,
                -0.362018e-2,
                0.163801e-2,
                -0.1031555e-1,
                0.2282967e-1,
                -0.2895312e-1,
                0.1787654e-1,
                -0.420059e-2,
            ],
        );
        series * (ax.exp() / ax.sqrt())
    };
    if x < 0.0 {
        -value
    } else {
        value
    }
}

fn bessel_in(n: u32, x: f64) -> f64 {
    match n {
        0 => return bessel_i0(x),
        1 => return bessel_i1(x),
        _ if x == 0.0 => return 0.0,
        _ => {}
    }
    // Downward recurrence, normalised by I0.
    let tox = 2.0 / x.abs();
    let (mut above, mut current, mut answer) = (0.0, 1.0, 0.0);
    for j in (1..=2 * recurrence_start(n)).rev() {
        let below = above + f64::from(j) * tox * current;
        above = current;
        current = below;
        if current.abs() > BIG {
            answer *= BIG_INVERSE;
            current *= BIG_INVERSE;
            above *= BIG_INVERSE;
        }
        if j == n {
            answer = above;
        }
    }
    let value = answer * (bessel_i0(x) / current);
    if x < 0.0 && n % 2 == 1 {
        -value
    } else {
        value
    }
}

fn bessel_k0(x: f64) -> f64 {
    if x <= 2.0 {
        let y = x * x / 4.0;
        return -(x / 2.0).ln() * bessel_i0(x)
            + poly(
                y,
                &[
                    -0.57721566,
                    0.42278420,
                    0.23069756,
                    0.3488590e-1,
                    0.262698e-2,
                    0.10750e-3,
                    0.74e-5,
                ],
            );
    }
    let y = 2.0 / x;
    ((-x).exp() / x.sqrt())
        * poly(
            y,
            &[
                1.25331414,
                -0.7832358e-1,
                0.2189568e-1,
                -0.1062446e-1,
                0.587872e-2,
                -0.251540e-2,
                0.53208e-3,
            ],
        )
}

fn bessel_k1(x: f64) -> f64 {
    if x <= 2.0 {
        let y = x * x / 4.0;
        return (x / 2.0).ln() * bessel_i1(x)
            + (1.0 / x)
                * poly(
                    y,
                    &[
                        1.0,
                        0.15443144,
                        -0.67278579,
                        -0.18156897,
                        -0.1919402e-1,
                        -0.110404e-2,
                        -0.4686e-4,
                    ],
                );
    }
    let y = 2.0 / x;
    ((-x).exp() / x.sqrt())
        * poly(
            y,
            &[
                1.25331414,
                0.23498619,
                -0.3655620e-1,
                0.1504268e-1,
                -0.780353e-2,
                0.325614e-2,
                -0.68245e-3,
            ],
        )
}

fn bessel_kn(n: u32, x: f64) -> f64 {
    match n {
        0 => bessel_k0(x),
        1 => bessel_k1(x),
        _ => upward_recurrence(n, x, bessel_k0(x), bessel_k1(x), 1.0),
    }
}

/// Orders above this would make the recurrences long; the functions have long since
/// underflowed to 0 (J, I) or overflowed (Y, K) there.
const MAX_BESSEL_ORDER: u64 = 100_000;

/// BESSELx(x, n): x a number, n truncated to a whole number ≥ 0 (`#NUM!` when negative).
fn bessel_arguments(args: &[Value]) -> Result<(f64, u64), ErrorKind> {
    let x = atp_f64(&args[0])?;
    let n = numeric::snap15(toolpak::number(&args[1])?).trunc();
    if n.is_sign_negative() && !n.is_zero() {
        return Err(ErrorKind::Num);
    }
    Ok((x, n.to_u64().unwrap_or(u64::MAX)))
}

/// J_n and I_n: 0 at x = 0 and for orders far beyond |x| (where they underflow).
fn bessel_first_kind(args: &[Value], f: fn(u32, f64) -> f64) -> Result<Value, ErrorKind> {
    let (x, n) = bessel_arguments(args)?;
    if n > MAX_BESSEL_ORDER {
        return if x == 0.0 || (n as f64) > 2.0 * x.abs() + 1000.0 {
            Ok(Value::Number(Decimal::ZERO))
        } else {
            Err(ErrorKind::Num)
        };
    }
    number_result(f(n as u32, x))
}

/// Y_n and K_n: defined for x > 0; they overflow long before the largest orders.
fn bessel_second_kind(args: &[Value], f: fn(u32, f64) -> f64) -> Result<Value, ErrorKind> {
    let (x, n) = bessel_arguments(args)?;
    if x <= 0.0 || n > MAX_BESSEL_ORDER {
        return Err(ErrorKind::Num);
    }
    number_result(f(n as u32, x))
}

fn besseli_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    bessel_first_kind(args, bessel_in)
}

fn besselj_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    bessel_first_kind(args, bessel_jn)
}

fn besselk_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    bessel_second_kind(args, bessel_kn)
}

fn bessely_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    bessel_second_kind(args, bessel_yn)
}

// ---------------------------------------------------------------------------------------------
// Complex numbers: text such as "3+4i" or "-1.5j"
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
struct Complex {
    re: f64,
    im: f64,
    /// 'i' or 'j' as written; None for a plain real number, which takes the other operand's.
    suffix: Option<char>,
}

impl Complex {
    fn new(re: f64, im: f64, suffix: Option<char>) -> Complex {
        Complex { re, im, suffix }
    }

    fn with(self, re: f64, im: f64) -> Complex {
        Complex::new(re, im, self.suffix)
    }

    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }

    fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }

    fn arg(self) -> f64 {
        self.im.atan2(self.re)
    }

    fn mul(self, other: Complex) -> Complex {
        self.with(
            self.re * other.re - self.im * other.im,
            self.re * other.im + self.im * other.re,
        )
    }

    fn div(self, other: Complex) -> Result<Complex, ErrorKind> {
        let d = other.re * other.re + other.im * other.im;
        if d == 0.0 {
            return Err(ErrorKind::Num);
        }
        Ok(self.with(
            (self.re * other.re + self.im * other.im) / d,
            (self.im * other.re - self.re * other.im) / d,
        ))
    }

    fn ln(self) -> Result<Complex, ErrorKind> {
        if self.is_zero() {
            return Err(ErrorKind::Num);
        }
        Ok(self.with(self.abs().ln(), self.arg()))
    }

    fn exp(self) -> Complex {
        let r = self.re.exp();
        self.with(r * self.im.cos(), r * self.im.sin())
    }

    fn sin(self) -> Complex {
        self.with(
            self.re.sin() * self.im.cosh(),
            self.re.cos() * self.im.sinh(),
        )
    }

    fn cos(self) -> Complex {
        self.with(
            self.re.cos() * self.im.cosh(),
            -(self.re.sin() * self.im.sinh()),
        )
    }

    fn sinh(self) -> Complex {
        self.with(
            self.re.sinh() * self.im.cos(),
            self.re.cosh() * self.im.sin(),
        )
    }

    fn cosh(self) -> Complex {
        self.with(
            self.re.cosh() * self.im.cos(),
            self.re.sinh() * self.im.sin(),
        )
    }

    /// tan z = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b), the form Excel's digits come from.
    fn tan(self) -> Complex {
        let (a, b) = (self.re, self.im);
        if b == 0.0 {
            return self.with(a.tan(), 0.0);
        }
        let scale = 1.0 / ((2.0 * a).cos() + (2.0 * b).cosh());
        self.with((2.0 * a).sin() * scale, (2.0 * b).sinh() * scale)
    }

    /// cot z = (sin 2a − i sinh 2b) / (cosh 2b − cos 2a).
    fn cot(self) -> Complex {
        let (a, b) = (self.re, self.im);
        if b == 0.0 {
            return self.with(1.0 / a.tan(), 0.0);
        }
        let scale = 1.0 / ((2.0 * b).cosh() - (2.0 * a).cos());
        self.with((2.0 * a).sin() * scale, -((2.0 * b).sinh() * scale))
    }

    /// sec z = 1 / cos z (by complex division: Excel's digits).
    fn sec(self) -> Result<Complex, ErrorKind> {
        self.with(1.0, 0.0).div(self.cos())
    }

    /// csc z = 2 (sin a cosh b − i cos a sinh b) / (cosh 2b − cos 2a).
    fn csc(self) -> Complex {
        let (a, b) = (self.re, self.im);
        if b == 0.0 {
            return self.with(1.0 / a.sin(), 0.0);
        }
        let scale = 1.0 / ((2.0 * b).cosh() - (2.0 * a).cos());
        self.with(
            2.0 * a.sin() * b.cosh() * scale,
            -2.0 * a.cos() * b.sinh() * scale,
        )
    }

    /// sech z = 2 (cosh a cos b − i sinh a sin b) / (cosh 2a + cos 2b).
    fn sech(self) -> Complex {
        let (a, b) = (self.re, self.im);
        if b == 0.0 {
            return self.with(1.0 / a.cosh(), 0.0);
        }
        let scale = 1.0 / ((2.0 * a).cosh() + (2.0 * b).cos());
        self.with(
            2.0 * a.cosh() * b.cos() * scale,
            -(2.0 * a.sinh() * b.sin() * scale),
        )
    }

    /// csch z = 2 (sinh a cos b − i cosh a sin b) / (cosh 2a − cos 2b).
    fn csch(self) -> Complex {
        let (a, b) = (self.re, self.im);
        if b == 0.0 {
            return self.with(1.0 / a.sinh(), 0.0);
        }
        let scale = 1.0 / ((2.0 * a).cosh() - (2.0 * b).cos());
        self.with(
            2.0 * a.sinh() * b.cos() * scale,
            -(2.0 * a.cosh() * b.sin() * scale),
        )
    }

    /// z^p in polar form, as Excel computes it (so IMPOWER("2+3i",3) is -46+9.00000000000001i).
    fn powf(self, p: f64) -> Result<Complex, ErrorKind> {
        if self.is_zero() {
            return if p > 0.0 {
                Ok(self.with(0.0, 0.0))
            } else {
                Err(ErrorKind::Num)
            };
        }
        let r = self.abs().powf(p);
        let theta = self.arg() * p;
        Ok(self.with(r * theta.cos(), r * theta.sin()))
    }

    /// The complex value as a cell value: text, or `#NUM!` when a part overflowed.
    fn into_value(self) -> Result<Value, ErrorKind> {
        if !self.re.is_finite() || !self.im.is_finite() {
            return Err(ErrorKind::Num);
        }
        Ok(Value::text(format_complex(self)))
    }
}

/// The suffix two operands share: mixing "i" and "j" is `mismatch`.
fn common_suffix(a: Complex, b: Complex, mismatch: ErrorKind) -> Result<Option<char>, ErrorKind> {
    match (a.suffix, b.suffix) {
        (Some(x), Some(y)) if x != y => Err(mismatch),
        (Some(x), _) | (_, Some(x)) => Ok(Some(x)),
        _ => Ok(None),
    }
}

/// Reads a complex-number argument: text in Excel's x+yi form, a number (its real part) or an
/// empty cell (0). Logical values are `#VALUE!`, malformed text `#NUM!`.
fn complex_argument(v: &Value) -> Result<Complex, ErrorKind> {
    match v {
        Value::Error(e) => Err(*e),
        Value::Bool(_) => Err(ErrorKind::Value),
        Value::Empty => Ok(Complex::new(0.0, 0.0, None)),
        Value::Number(n) => Ok(Complex::new(numeric::to_f64(*n), 0.0, None)),
        Value::Text(s) => parse_complex(s).ok_or(ErrorKind::Num),
    }
}

/// Parses "a", "bi", "a+bi", "a-bi", "i", "-i", "a+i" (with 'i' or 'j'; numbers may carry an
/// exponent). An empty text is 0.
fn parse_complex(text: &str) -> Option<Complex> {
    if text.is_empty() {
        return Some(Complex::new(0.0, 0.0, None));
    }
    let bytes = text.as_bytes();
    let (first, rest) = scan_signed_number(bytes);
    match (first, rest) {
        // "a"
        (Some(a), []) => Some(Complex::new(a, 0.0, None)),
        // "bi"
        (Some(b), [s]) => imaginary_unit(*s).map(|c| Complex::new(0.0, b, Some(c))),
        // "a+bi", "a-bi", "a+i", "a-i"
        (Some(a), [sign @ (b'+' | b'-'), tail @ ..]) => {
            let sign = if *sign == b'-' { -1.0 } else { 1.0 };
            let (b, after) = match scan_unsigned_number(tail) {
                Some((b, after)) => (b, after),
                None => (1.0, tail),
            };
            match after {
                [s] => imaginary_unit(*s).map(|c| Complex::new(a, sign * b, Some(c))),
                _ => None,
            }
        }
        // "i", "-i", "+i"
        (None, _) => {
            let (sign, tail) = match bytes {
                [b'-', tail @ ..] => (-1.0, tail),
                [b'+', tail @ ..] => (1.0, tail),
                _ => (1.0, bytes),
            };
            match tail {
                [s] => imaginary_unit(*s).map(|c| Complex::new(0.0, sign, Some(c))),
                _ => None,
            }
        }
        _ => None,
    }
}

fn imaginary_unit(b: u8) -> Option<char> {
    match b {
        b'i' => Some('i'),
        b'j' => Some('j'),
        _ => None,
    }
}

/// An optionally signed number at the start of `bytes`, and the bytes after it.
fn scan_signed_number(bytes: &[u8]) -> (Option<f64>, &[u8]) {
    let (sign, tail) = match bytes {
        [b'-', tail @ ..] => (-1.0, tail),
        [b'+', tail @ ..] => (1.0, tail),
        _ => (1.0, bytes),
    };
    match scan_unsigned_number(tail) {
        Some((x, rest)) => (Some(sign * x), rest),
        None => (None, bytes),
    }
}

/// Digits with an optional fraction and exponent (`12`, `1.5`, `.5`, `2E-3`).
fn scan_unsigned_number(bytes: &[u8]) -> Option<(f64, &[u8])> {
    let digits = |from: usize| {
        bytes
            .get(from..)
            .map_or(0, |s| s.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let int_digits = digits(0);
    let mut end = int_digits;
    let mut frac_digits = 0;
    if bytes.get(end) == Some(&b'.') {
        frac_digits = digits(end + 1);
        end += 1 + frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        let exp_digits = digits(end + 1 + sign);
        if exp_digits > 0 {
            end += 1 + sign + exp_digits;
        }
    }
    let text = std::str::from_utf8(bytes.get(..end)?).ok()?;
    let value: f64 = text.parse().ok()?;
    Some((value, bytes.get(end..)?))
}

/// Writes a complex number as Excel does: parts at 15 significant digits, "i"/"j" alone for a
/// unit imaginary part, zero parts left out ("0" when both are).
fn format_complex(z: Complex) -> String {
    let re = round_significant(z.re);
    let im = round_significant(z.im);
    let suffix = z.suffix.unwrap_or('i');
    if im == 0.0 {
        return format_part(re);
    }
    let mut out = String::new();
    if re != 0.0 {
        out.push_str(&format_part(re));
        if im > 0.0 {
            out.push('+');
        }
    }
    if im == -1.0 {
        out.push('-');
    } else if im != 1.0 {
        out.push_str(&format_part(im));
    }
    out.push(suffix);
    out
}

/// `x` rounded to 15 significant digits (so 0.99999999999999994 is 1, and -0 is 0).
fn round_significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x + 0.0;
    }
    format!("{x:.14e}").parse::<f64>().unwrap_or(x) + 0.0
}

/// One part of a complex number: up to 15 significant digits, in plain notation unless that
/// needs more than 19 decimals or 15 integer digits, else as `1.2E-45`.
fn format_part(x: f64) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    let scientific = format!("{:.14e}", x.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if x < 0.0 { "-" } else { "" };
    let significant = digits.len() as i32;
    let decimals = significant - 1 - exponent;
    if exponent >= 15 || decimals > 19 {
        let (head, tail) = digits.split_at(1);
        let fraction = if tail.is_empty() {
            String::new()
        } else {
            format!(".{tail}")
        };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        return format!(
            "{sign}{head}{fraction}E{exp_sign}{:02}",
            exponent.unsigned_abs()
        );
    }
    if exponent < 0 {
        let zeros = "0".repeat((-exponent - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let int_len = (exponent + 1) as usize;
    if digits.len() <= int_len {
        format!("{sign}{digits:0<int_len$}")
    } else {
        let (int_part, fraction) = digits.split_at(int_len);
        format!("{sign}{int_part}.{fraction}")
    }
}

fn complex_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let re = atp_f64(&args[0])?;
    let im = atp_f64(&args[1])?;
    let suffix = match args.get(2) {
        None | Some(Value::Empty) => 'i',
        Some(Value::Text(s)) => match s.as_ref() {
            "" | "i" => 'i',
            "j" => 'j',
            _ => return Err(ErrorKind::Value),
        },
        Some(Value::Error(e)) => return Err(*e),
        Some(_) => return Err(ErrorKind::Value),
    };
    Complex::new(re, im, Some(suffix)).into_value()
}

fn imreal_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    number_result(complex_argument(&args[0])?.re)
}

fn imaginary_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    number_result(complex_argument(&args[0])?.im)
}

fn imabs_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    number_result(complex_argument(&args[0])?.abs())
}

fn imargument_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let z = complex_argument(&args[0])?;
    if z.is_zero() {
        return Err(ErrorKind::Div0);
    }
    number_result(z.arg())
}

fn imconjugate_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let z = complex_argument(&args[0])?;
    z.with(z.re, -z.im).into_value()
}

/// IMSUB and IMDIV: two operands whose suffixes must agree (`#NUM!` otherwise).
fn complex_pair(args: &[Value]) -> Result<(Complex, Complex), ErrorKind> {
    let a = complex_argument(&args[0])?;
    let b = complex_argument(&args[1])?;
    let suffix = common_suffix(a, b, ErrorKind::Num)?;
    Ok((Complex { suffix, ..a }, b))
}

fn imsub_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let (a, b) = complex_pair(args)?;
    a.with(a.re - b.re, a.im - b.im).into_value()
}

fn imdiv_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let (a, b) = complex_pair(args)?;
    a.div(b)?.into_value()
}

fn impower_values(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
    let z = complex_argument(&args[0])?;
    let p = atp_f64(&args[1])?;
    z.powf(p)?.into_value()
}

/// Defines the one-argument complex functions: parse, apply, format.
macro_rules! complex_unary {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(
            fn $name(args: &[Value], _: &dyn EvalContext) -> Result<Value, ErrorKind> {
                let z = complex_argument(&args[0])?;
                let f: fn(Complex) -> Result<Complex, ErrorKind> = $f;
                f(z)?.into_value()
            }
        )*
    };
}

const LN_10: f64 = std::f64::consts::LN_10;
const LN_2: f64 = std::f64::consts::LN_2;

complex_unary! {
    imsqrt_values => |z| z.powf(0.5),
    imexp_values => |z| Ok(z.exp()),
    imln_values => |z| z.ln(),
    imlog10_values => |z| z.ln().map(|l| l.with(l.re / LN_10, l.im / LN_10)),
    imlog2_values => |z| z.ln().map(|l| l.with(l.re / LN_2, l.im / LN_2)),
    imsin_values => |z| Ok(z.sin()),
    imcos_values => |z| Ok(z.cos()),
    imtan_values => |z| Ok(z.tan()),
    imsec_values => |z| z.sec(),
    imcsc_values => |z| Ok(z.csc()),
    imcot_values => |z| Ok(z.cot()),
    imsinh_values => |z| Ok(z.sinh()),
    imcosh_values => |z| Ok(z.cosh()),
    imsech_values => |z| Ok(z.sech()),
    imcsch_values => |z| Ok(z.csch()),
}

/// IMSUM and IMPRODUCT: every value of every argument (ranges included) folded together;
/// mixing "i" and "j" is `#VALUE!`.
fn fold_complex(
    args: &[Operand],
    ctx: &dyn EvalContext,
    start: Complex,
    f: fn(Complex, Complex) -> Complex,
) -> Operand {
    let mut acc: Result<Complex, ErrorKind> = Ok(start);
    for arg in args {
        for_each_value(arg, ctx, &mut |v| {
            if let Ok(a) = acc {
                acc = complex_argument(v).and_then(|z| {
                    let suffix = common_suffix(a, z, ErrorKind::Value)?;
                    Ok(Complex { suffix, ..f(a, z) })
                });
            }
        });
    }
    Operand::Value(
        acc.and_then(Complex::into_value)
            .unwrap_or_else(Value::Error),
    )
}

fn imsum(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    fold_complex(args, ctx, Complex::new(0.0, 0.0, None), |a, b| {
        a.with(a.re + b.re, a.im + b.im)
    })
}

fn improduct(args: &[Operand], ctx: &dyn EvalContext) -> Operand {
    fold_complex(args, ctx, Complex::new(1.0, 0.0, None), Complex::mul)
}

#[cfg(test)]
mod tests {
    use super::super::args::{Array, Operand};
    use super::super::testing::*;
    use crate::value::{ErrorKind, Value};

    fn e(kind: ErrorKind) -> Value {
        Value::Error(kind)
    }

    fn close(got: &Value, expected: f64) -> bool {
        match got {
            Value::Number(n) => {
                let x = crate::numeric::to_f64(*n);
                (x - expected).abs() <= 1e-9 * expected.abs().max(1e-300) || x == expected
            }
            _ => false,
        }
    }

    /// Asserts numeric results against Excel's values (relative 1e-9, as the corpus compares).
    fn assert_numbers(g: &TestGrid, name: &str, cases: &[(&[Operand], f64)]) {
        for (args, expected) in cases {
            let got = g.value(name, args);
            assert!(
                close(&got, *expected),
                "{name}{args:?} = {got:?}, Excel {expected}"
            );
        }
    }

    fn assert_values(g: &TestGrid, name: &str, cases: &[(&[Operand], Value)]) {
        for (args, expected) in cases {
            assert_eq!(&g.value(name, args), expected, "{name}{args:?}");
        }
    }

    fn assert_texts(g: &TestGrid, name: &str, cases: &[(&[Operand], &str)]) {
        for (args, expected) in cases {
            assert_eq!(g.value(name, args), Value::text(expected), "{name}{args:?}");
        }
    }

    // Values below are Excel's (the corpus oracle or Microsoft's documentation).

    #[test]
    fn convert_units_of_every_quantity() {
        let g = TestGrid::new();
        let one = num("1");
        let cases: &[(&str, &str, f64)] = &[
            ("sg", "g", 14593.902937206363),
            ("lbm", "g", 453.59237),
            ("u", "yg", 1.660538782),
            ("uk_ton", "g", 1016046.9088),
            ("pc", "km", 30856775812815.53),
            ("ly", "m", 9460730472580800.0),
            ("Picapt", "m", 0.0003527777777777778),
            ("survey_mi", "m", 1609.3472186944373),
            ("yr", "sec", 31557600.0),
            ("psi", "Pa", 6894.757293168362),
            ("Torr", "Pa", 133.32236842105263),
            ("mmHg", "Pa", 133.322),
            ("lbf", "N", 4.4482216152605005),
            ("HPh", "J", 2684519.537696173),
            ("flb", "J", 1.3558179483314003),
            ("eV", "aJ", 0.1602176487),
            ("HP", "w", 745.6998715822702),
            ("ga", "T", 0.0001),
            ("tsp", "m3", 4.92892159375e-06),
            ("bushel", "L", 35.23907016688),
            ("mi3", "m3", 4168181825.4405794),
            ("Picapt3", "L", 4.39039566186557e-08),
            ("us_acre", "m2", 4046.8726098742522),
            ("Picapt2", "m2", 1.2445216049382715e-07),
            ("byte", "bit", 8.0),
            ("admkn", "m/hr", 1853.184),
            ("kn", "m/hr", 1852.0000000000002),
        ];
        for (from, to, expected) in cases {
            assert_numbers(
                &g,
                "CONVERT",
                &[(&[one.clone(), txt(from), txt(to)], *expected)],
            );
        }
    }

    #[test]
    fn convert_temperatures_with_offsets() {
        let g = TestGrid::new();
        assert_numbers(
            &g,
            "CONVERT",
            &[
                (&[num("13"), txt("C"), txt("F")], 55.400000000000006),
                (&[num("-1"), txt("C"), txt("F")], 30.2),
                (&[num("1"), txt("F"), txt("K")], 255.92777777777775),
                (&[num("1"), txt("Rank"), txt("K")], 0.5555555555555556),
                (&[num("1"), txt("Reau"), txt("K")], 274.4),
                (&[num("1"), txt("cel"), txt("kel")], 274.15),
            ],
        );
        // Exact in decimals: Microsoft's example CONVERT(68,"F","C") is 20.
        assert_eq!(
            g.value("CONVERT", &[num("68"), txt("F"), txt("C")]),
            n("20")
        );
        assert_eq!(
            g.value("CONVERT", &[num("25"), txt("C"), txt("F")]),
            n("77")
        );
        // Temperatures take no prefix except kelvin.
        assert_eq!(
            g.value("CONVERT", &[num("1"), txt("kC"), txt("K")]),
            e(ErrorKind::NA)
        );
        assert_numbers(&g, "CONVERT", &[(&[num("1"), txt("mK"), txt("K")], 0.001)]);
    }

    #[test]
    fn convert_is_exact_for_exact_factors() {
        let g = TestGrid::new();
        let cases: &[(&str, &str, &str, &str)] = &[
            ("1", "m", "cm", "100"),
            ("90", "mn", "hr", "1.5"),
            ("6", "tsp", "tbs", "2"),
            ("1", "lbm", "kg", "0.45359237"),
            ("26.2", "mi", "m", "42164.8128"),
            ("1", "in", "ft", "0.0833333333333333333333333333"),
        ];
        for (x, from, to, expected) in cases {
            assert_eq!(
                g.value("CONVERT", &[num(x), txt(from), txt(to)]),
                n(expected),
                "{x} {from} -> {to}"
            );
        }
        // Microsoft's example: 100 square feet in square metres, converted twice.
        let once = g.call("CONVERT", &[num("100"), txt("ft"), txt("m")]);
        assert_eq!(
            g.value("CONVERT", &[once, txt("ft"), txt("m")]),
            n("9.290304")
        );
    }

    #[test]
    fn convert_prefixes() {
        let g = TestGrid::new();
        assert_numbers(
            &g,
            "CONVERT",
            &[
                (&[num("1"), txt("Yg"), txt("g")], 1e24),
                (&[num("1"), txt("dag"), txt("g")], 10.0),
                (&[num("1"), txt("eg"), txt("g")], 10.0),
                (&[num("1"), txt("yg"), txt("g")], 1e-24),
                // Square and cubic units scale the length.
                (&[num("1"), txt("km2"), txt("m2")], 1000000.0),
                (&[num("1"), txt("Pang3"), txt("L")], 1e18),
                (&[num("1"), txt("kuk_pt"), txt("L")], 568.26125),
                (&[num("1"), txt("kmph"), txt("m/h")], 1609344.0),
                // "pc" is a parsec, or a pico-calorie when the other unit is an energy.
                (&[num("1"), txt("pc"), txt("J")], 4.184e-12),
                // Binary prefixes on information units.
                (&[num("1"), txt("kibyte"), txt("bit")], 8192.0),
                (&[num("1"), txt("Mibit"), txt("kbit")], 1048.576),
            ],
        );
        for unit in ["klbm", "kmi", "khr", "kibit2", "kim", "Kg", "kpsi"] {
            assert_eq!(
                g.value("CONVERT", &[num("1"), txt(unit), txt("g")]),
                e(ErrorKind::NA),
                "{unit}"
            );
        }
    }

    #[test]
    fn convert_errors_and_coercion() {
        let mut g = TestGrid::new();
        let conv = |g: &TestGrid, x: Operand, from: &str, to: &str| {
            g.value("CONVERT", &[x, txt(from), txt(to)])
        };
        assert_eq!(conv(&g, num("2.5"), "ft", "sec"), e(ErrorKind::NA));
        assert_eq!(conv(&g, num("1"), "furlong", "m"), e(ErrorKind::NA));
        // Units are case-sensitive.
        assert_eq!(conv(&g, num("1"), "M", "m"), e(ErrorKind::NA));
        assert_eq!(conv(&g, txt("3.6"), "C", "F"), n("38.48"));
        assert_eq!(conv(&g, txt("abc"), "C", "F"), e(ErrorKind::Value));
        assert_eq!(conv(&g, boolean(true), "C", "F"), e(ErrorKind::Value));
        assert_eq!(conv(&g, empty(), "C", "F"), n("32"));
        assert_eq!(conv(&g, err(ErrorKind::Div0), "C", "F"), e(ErrorKind::Div0));
        assert_eq!(
            g.value("CONVERT", &[num("1"), err(ErrorKind::Ref), txt("m")]),
            e(ErrorKind::Ref)
        );
        // Beyond Decimal's range.
        assert_eq!(conv(&g, num("1"), "ly3", "L"), e(ErrorKind::Num));
        // A range is not mapped (Analysis ToolPak): outside the formula's row it is #VALUE!.
        g.set("A1", n("1")).set("A2", n("2"));
        assert_eq!(
            g.value("CONVERT", &[g.area("A1:A2"), txt("m"), txt("cm")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("CONVERT", &[g.area("A2"), txt("m"), txt("cm")]),
            n("200")
        );
        // In an array context a range is #VALUE! even in its own rows (a legacy formula gets
        // the cell in its row from the evaluator: see `toolpak_ranges_intersect_in_legacy...`).
        g.current = Some((
            super::super::args::SheetId(0),
            crate::formula::CellPos::new(1, 3),
        ));
        assert_eq!(
            g.value("CONVERT", &[g.area("A1:A2"), txt("m"), txt("cm")]),
            e(ErrorKind::Value)
        );
        g.current = None;
        // An empty cell is 0.
        assert_eq!(
            g.value("CONVERT", &[g.area("B9"), txt("C"), txt("K")]),
            n("273.15")
        );
        // An array is mapped.
        let array = Operand::from(Array::new(1, 2, vec![n("1"), n("2")]));
        let result = g.call("CONVERT", &[array, txt("m"), txt("cm")]);
        assert_eq!(
            result,
            Operand::from(Array::new(1, 2, vec![n("100"), n("200")]))
        );
    }

    #[test]
    fn base_conversions() {
        let g = TestGrid::new();
        assert_texts(
            &g,
            "DEC2BIN",
            &[
                (&[num("511.7")], "111111111"),
                (&[num("-512.7")], "1000000000"),
                (&[empty(), num("3")], "000"),
                (&[num("9"), num("4")], "1001"),
                (&[num("-100"), num("1")], "1110011100"),
                (&[txt("10")], "1010"),
            ],
        );
        assert_texts(
            &g,
            "DEC2HEX",
            &[
                (&[num("549755813887.7")], "7FFFFFFFFF"),
                (&[num("-549755813888")], "8000000000"),
                (&[num("100"), num("4")], "0064"),
                (&[num("-54")], "FFFFFFFFCA"),
            ],
        );
        assert_texts(
            &g,
            "DEC2OCT",
            &[
                (&[num("536870911.7")], "3777777777"),
                (&[num("-100")], "7777777634"),
            ],
        );
        assert_values(
            &g,
            "DEC2BIN",
            &[
                (&[num("512")], e(ErrorKind::Num)),
                (&[num("-513")], e(ErrorKind::Num)),
                (&[num("100"), num("1")], e(ErrorKind::Num)),
                (&[num("1"), num("0")], e(ErrorKind::Num)),
                (&[num("1"), num("11")], e(ErrorKind::Num)),
                // places is checked before the number.
                (&[txt("E"), num("0")], e(ErrorKind::Num)),
                (&[txt("E"), num("1")], e(ErrorKind::Value)),
                (&[txt("fffffffffe")], e(ErrorKind::Value)),
                (&[txt("")], e(ErrorKind::Value)),
                (&[boolean(true)], e(ErrorKind::Value)),
                (&[err(ErrorKind::NA)], e(ErrorKind::NA)),
            ],
        );
        assert_values(
            &g,
            "BIN2DEC",
            &[
                (&[num("111111111")], n("511")),
                (&[num("1000000000")], n("-512")),
                (&[empty()], n("0")),
                (&[txt("")], n("0")),
                (&[num("2.3")], e(ErrorKind::Num)),
                (&[num("-1")], e(ErrorKind::Num)),
                (&[txt("10000000000")], e(ErrorKind::Num)),
                (&[boolean(true)], e(ErrorKind::Value)),
            ],
        );
        assert_values(
            &g,
            "HEX2DEC",
            &[
                (&[num("9999999999")], n("-439804651111")),
                (&[txt("f000000000")], n("-68719476736")),
                (&[txt("A5")], n("165")),
                (&[txt("x")], e(ErrorKind::Num)),
            ],
        );
        assert_values(&g, "OCT2DEC", &[(&[num("7777777777")], n("-1"))]);
        assert_texts(
            &g,
            "BIN2HEX",
            &[
                (&[num("1000000000")], "FFFFFFFE00"),
                (&[num("111111111")], "1FF"),
            ],
        );
        assert_texts(&g, "BIN2OCT", &[(&[num("1000000000")], "7777777000")]);
        assert_texts(&g, "OCT2BIN", &[(&[num("7777777777")], "1111111111")]);
        assert_texts(&g, "OCT2HEX", &[(&[num("7777777777")], "FFFFFFFFFF")]);
        assert_texts(&g, "HEX2BIN", &[(&[txt("fffffffffe")], "1111111110")]);
        assert_texts(&g, "HEX2OCT", &[(&[txt("fffffffffe")], "7777777776")]);
        assert_values(
            &g,
            "HEX2BIN",
            &[
                (&[num("9999999999")], e(ErrorKind::Num)),
                (&[txt("200")], e(ErrorKind::Num)),
            ],
        );
        assert_values(&g, "BIN2HEX", &[(&[empty(), num("0")], e(ErrorKind::Num))]);
    }

    #[test]
    fn bit_operations() {
        let g = TestGrid::new();
        assert_values(
            &g,
            "BITAND",
            &[
                (&[num("13"), num("25")], n("9")),
                (&[boolean(true), num("5")], n("1")),
                (&[num("281474976710656"), num("25")], e(ErrorKind::Num)),
                (&[num("25"), num("2.3")], e(ErrorKind::Num)),
                (&[num("99"), num("-1")], e(ErrorKind::Num)),
                (&[txt("3.2"), num("1")], e(ErrorKind::Num)),
                (&[txt("x"), num("1")], e(ErrorKind::Value)),
                (&[err(ErrorKind::NA), num("1")], e(ErrorKind::NA)),
            ],
        );
        assert_values(&g, "BITOR", &[(&[num("13"), num("25")], n("29"))]);
        assert_values(&g, "BITXOR", &[(&[num("13"), num("25")], n("20"))]);
        assert_values(
            &g,
            "BITLSHIFT",
            &[
                (&[num("13"), num("25")], n("436207616")),
                (&[num("25"), num("2.3")], n("100")),
                (&[num("99"), num("-1")], n("49")),
                (&[empty(), txt("3.3")], n("0")),
                (&[num("436207616"), num("100")], e(ErrorKind::Num)),
                (&[num("2.3"), num("1")], e(ErrorKind::Num)),
                (&[num("1"), num("48")], e(ErrorKind::Num)),
            ],
        );
        assert_values(
            &g,
            "BITRSHIFT",
            &[
                (&[num("13"), num("25")], n("0")),
                (&[num("25"), num("2.3")], n("6")),
                (&[num("99"), num("-1")], n("198")),
            ],
        );
    }

    #[test]
    fn delta_and_gestep() {
        let g = TestGrid::new();
        assert_values(
            &g,
            "DELTA",
            &[
                (&[num("13")], n("0")),
                (&[num("0")], n("1")),
                (&[num("2.3"), txt("2.3")], n("1")),
                (&[empty()], n("1")),
                (&[boolean(false)], e(ErrorKind::Value)),
                (&[err(ErrorKind::Num)], e(ErrorKind::Num)),
            ],
        );
        assert_values(
            &g,
            "GESTEP",
            &[
                (&[num("13")], n("1")),
                (&[num("25"), txt("30.2")], n("0")),
                (&[num("-1")], n("0")),
                (&[empty()], n("1")),
                (&[num("2.3"), txt("a")], e(ErrorKind::Value)),
                (&[boolean(true)], e(ErrorKind::Value)),
            ],
        );
    }

    #[test]
    fn error_function() {
        let g = TestGrid::new();
        assert_numbers(
            &g,
            "ERF",
            &[
                (&[num("0"), num("0.2")], 0.22270258921047847),
                (&[num("0.2"), num("2.3")], 0.7761542341921649),
                (&[num("2.3"), num("2")], -0.0035345583836906558),
                (&[num("-0.002"), empty()], 0.002256755325183524),
                (&[num("1")], 0.8427007929497149),
                (&[num("-1.2")], -0.9103139782296353),
            ],
        );
        assert_numbers(
            &g,
            "ERF.PRECISE",
            &[
                (&[num("2.3")], 0.9988568234026434),
                (&[txt("3.2")], 0.9999939742388483),
                (&[num("-0.002")], -0.002256755325183524),
            ],
        );
        assert_numbers(
            &g,
            "ERFC",
            &[
                (&[num("0.2")], 0.7772974107895215),
                (&[num("2")], 0.0046777349810472645),
                (&[num("3.2")], 6.025761151762083e-06),
                (&[num("-0.002")], 1.0022567553251835),
                (&[num("4")], 1.5417257900280017e-08),
            ],
        );
        assert_numbers(
            &g,
            "ERFC.PRECISE",
            &[(&[num("2.3")], 0.0011431765973566527)],
        );
        assert_values(
            &g,
            "ERF",
            &[
                (&[boolean(true)], e(ErrorKind::Value)),
                (&[txt("x")], e(ErrorKind::Value)),
                (&[err(ErrorKind::NA)], e(ErrorKind::NA)),
                (&[empty()], n("0")),
            ],
        );
        assert_values(&g, "ERFC", &[(&[empty()], n("1"))]);
    }

    #[test]
    fn bessel_functions_match_excels_approximations() {
        let g = TestGrid::new();
        assert_numbers(
            &g,
            "BESSELI",
            &[
                (&[num("2.3"), num("2")], 1.0054316669125958),
                (&[num("-1"), empty()], 1.2660658480342601),
                (&[txt("3.2"), num("2")], 2.7882984611029293),
                (&[num("3.5"), num("2")], 3.83201207162936),
                (&[num("0"), num("10000000")], 0.0),
            ],
        );
        assert_numbers(
            &g,
            "BESSELJ",
            &[
                (&[num("2.3"), num("2")], 0.41391458970875217),
                (&[num("10000000"), num("2.3")], 8.683739567294922e-05),
                (&[num("-1"), empty()], 0.7651976837548592),
            ],
        );
        assert_numbers(
            &g,
            "BESSELK",
            &[
                (&[num("2.3"), num("2")], 0.1617333633782021),
                (&[num("10000000"), num("2.3")], 0.0),
            ],
        );
        assert_numbers(
            &g,
            "BESSELY",
            &[
                (&[num("2.3"), num("2")], -0.4726168566767928),
                (&[num("10000000"), num("2.3")], -0.00023689922733673244),
            ],
        );
        assert_values(
            &g,
            "BESSELI",
            &[
                (&[num("10000000"), num("2.3")], e(ErrorKind::Num)),
                (&[num("2"), num("-1")], e(ErrorKind::Num)),
                (&[boolean(true), num("1")], e(ErrorKind::Value)),
                (
                    &[err(ErrorKind::Div0), err(ErrorKind::NA)],
                    e(ErrorKind::Div0),
                ),
            ],
        );
        for name in ["BESSELK", "BESSELY"] {
            assert_values(
                &g,
                name,
                &[
                    (&[num("0"), num("1")], e(ErrorKind::Num)),
                    (&[num("-1"), empty()], e(ErrorKind::Num)),
                ],
            );
        }
    }

    #[test]
    fn complex_text_in_and_out() {
        let g = TestGrid::new();
        assert_texts(
            &g,
            "COMPLEX",
            &[
                (&[num("12"), num("6"), txt("i")], "12+6i"),
                (&[num("1"), num("-2"), txt("j")], "1-2j"),
                (&[num("1"), num("1")], "1+i"),
                (&[num("0"), num("5")], "5i"),
                (&[num("0"), num("-1"), txt("j")], "-j"),
                (&[num("5"), num("0")], "5"),
                (&[num("0"), num("0")], "0"),
                (&[num("0.00012"), num("1.23456789")], "0.00012+1.23456789i"),
                (&[num("0.0000000000000001"), num("0")], "0.0000000000000001"),
                (&[num("-1"), empty(), empty()], "-1"),
                (&[empty(), num("1"), txt("j")], "j"),
                (&[num("2.3"), num("99"), txt("")], "2.3+99i"),
            ],
        );
        assert_values(
            &g,
            "COMPLEX",
            &[
                (&[num("1"), num("2"), num("0")], e(ErrorKind::Value)),
                (&[num("1"), num("2"), txt("I")], e(ErrorKind::Value)),
                (&[txt("3.6"), boolean(true)], e(ErrorKind::Value)),
                (&[err(ErrorKind::Div0), num("12")], e(ErrorKind::Div0)),
            ],
        );
        assert_values(
            &g,
            "IMREAL",
            &[
                (&[txt("3.1+2j")], n("3.1")),
                (&[txt("-3+2i")], n("-3")),
                (&[txt("i")], n("0")),
                (&[txt("1E3-2E-1i")], n("1000")),
                (&[num("7")], n("7")),
                (&[empty()], n("0")),
                (&[txt("yvj")], e(ErrorKind::Num)),
                (&[txt("3+4I")], e(ErrorKind::Num)),
                (&[txt("3 +4i")], e(ErrorKind::Num)),
                (&[txt("3+4ij")], e(ErrorKind::Num)),
                (&[boolean(true)], e(ErrorKind::Value)),
                (&[err(ErrorKind::Ref)], e(ErrorKind::Ref)),
            ],
        );
        assert_values(
            &g,
            "IMAGINARY",
            &[
                (&[txt("7+25j")], n("25")),
                (&[txt("-i")], n("-1")),
                (&[txt("4-j")], n("-1")),
                (&[txt("2.5i")], n("2.5")),
                (&[txt("1E3-2E-1i")], n("-0.2")),
                (&[txt("5")], n("0")),
            ],
        );
        assert_texts(
            &g,
            "IMCONJUGATE",
            &[
                (&[txt("7+25j")], "7-25j"),
                (&[txt("-3+2i")], "-3-2i"),
                (&[empty()], "0"),
                (&[txt("1-i")], "1+i"),
            ],
        );
    }

    #[test]
    fn complex_arithmetic() {
        let mut g = TestGrid::new();
        assert_numbers(
            &g,
            "IMABS",
            &[
                (&[txt("7+25j")], 25.96150997149434),
                (&[txt("-13+25j")], 28.178005607210743),
            ],
        );
        assert_values(&g, "IMABS", &[(&[empty()], n("0"))]);
        assert_numbers(
            &g,
            "IMARGUMENT",
            &[
                (&[txt("-3+2i")], 2.5535900500422257),
                (&[txt("13+5j")], 0.3671738338182192),
            ],
        );
        assert_values(&g, "IMARGUMENT", &[(&[empty()], e(ErrorKind::Div0))]);
        g.set("A1", Value::text("7+25j"))
            .set("A2", Value::text("13+5j"))
            .set("A3", Value::text("3.1+2j"))
            .set("B1", Value::text("-3+2i"));
        assert_eq!(
            g.value("IMSUM", &[g.area("A1:A2"), g.area("A3")]),
            Value::text("23.1+32j")
        );
        assert_eq!(
            g.value("IMSUM", &[txt("3"), txt("3i")]),
            Value::text("3+3i")
        );
        assert_eq!(
            g.value("IMSUM", &[g.area("A3"), g.area("B1")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("IMPRODUCT", &[g.area("A1:A3")]),
            Value::text("-825.4+1048j")
        );
        assert_eq!(
            g.value("IMPRODUCT", &[num("7"), g.area("C1")]),
            Value::text("0")
        );
        assert_eq!(
            g.value("IMPRODUCT", &[txt("3+4i"), txt("-4+5i")]),
            Value::text("-32-i")
        );
        assert_eq!(
            g.value("IMPRODUCT", &[g.area("B1"), g.area("A3")]),
            e(ErrorKind::Value)
        );
        assert_eq!(
            g.value("IMPRODUCT", &[boolean(true), txt("1")]),
            e(ErrorKind::Value)
        );
        assert_texts(
            &g,
            "IMSUB",
            &[
                (&[txt("7+25j"), txt("13+5j")], "-6+20j"),
                (&[txt("13+5j"), txt("3.1+2j")], "9.9+3j"),
                (&[txt("-13+25j"), empty()], "-13+25j"),
                (&[txt("i"), txt("i")], "0"),
            ],
        );
        assert_values(
            &g,
            "IMSUB",
            &[(&[txt("3.1+2j"), txt("-3+2i")], e(ErrorKind::Num))],
        );
        assert_texts(
            &g,
            "IMDIV",
            &[
                (
                    &[txt("7+25j"), txt("13+5j")],
                    "1.11340206185567+1.49484536082474j",
                ),
                (
                    &[txt("13+5j"), txt("3.1+2j")],
                    "3.69581190301249-0.771491550330639j",
                ),
            ],
        );
        assert_values(
            &g,
            "IMDIV",
            &[
                (&[txt("3.1+2j"), txt("-3+2i")], e(ErrorKind::Num)),
                (&[txt("-13+25j"), empty()], e(ErrorKind::Num)),
            ],
        );
        assert_texts(
            &g,
            "IMPOWER",
            &[
                (
                    &[txt("7+25j"), num("2.3")],
                    "-1768.5045629583+279.381198142491j",
                ),
                (
                    &[txt("-3+2i"), num("2.3")],
                    "17.5176143915122-7.61220636461807i",
                ),
                (&[txt("2+3i"), num("3")], "-46+9.00000000000001i"),
                (&[empty(), num("2.3")], "0"),
            ],
        );
        assert_values(
            &g,
            "IMPOWER",
            &[(&[txt("0"), num("-1")], e(ErrorKind::Num))],
        );
    }

    #[test]
    fn complex_transcendental_functions() {
        let g = TestGrid::new();
        let cases: &[(&str, &str, &str)] = &[
            ("IMSQRT", "7+25j", "4.05964961366707+3.07908346521285j"),
            ("IMSQRT", "-3+2i", "0.550250522700337+1.81735402102397i"),
            ("IMEXP", "7+25j", "1086.98587021701-145.141317733255j"),
            (
                "IMEXP",
                "-13+25j",
                "2.24044486393732E-06-2.99158552811404E-07j",
            ),
            ("IMLN", "7+25j", "3.25661505545615+1.29778762370819j"),
            ("IMLOG10", "7+25j", "1.41432994826766+0.563622003658799j"),
            ("IMLOG2", "-13+25j", "4.81649759857148+2.9579801754819j"),
            ("IMSIN", "7+25j", "23653126953.379+27142327967.109j"),
            ("IMSIN", "3.1+2j", "0.156434589038929-3.62372371861444j"),
            ("IMCOS", "13+5j", "67.3415789404035-31.1777431114928j"),
            ("IMTAN", "7+25j", "3.82126757337684E-22+j"),
            ("IMTAN", "13+5j", "0.0000692361330972509+0.999941259144671j"),
            ("IMSEC", "13+5j", "0.0122284934867993+0.00566153681827686j"),
            ("IMCSC", "3.1+2j", "0.0118908807944521+0.275445903842597j"),
            ("IMCOT", "7+25j", "3.82126757337684E-22-j"),
            ("IMCOT", "-3+2i", "0.0106047834703371-1.035746637765i"),
            ("IMSINH", "-13+25j", "-219260.699081529-29277.093349686j"),
            ("IMCOSH", "3.1+2j", "-4.62817714333229+10.0717884285999j"),
            (
                "IMSECH",
                "13+5j",
                "1.28233995891963E-06+4.33496947419316E-06j",
            ),
            (
                "IMCSCH",
                "7+25j",
                "0.00180772133453839+0.000241378936123788j",
            ),
        ];
        for (name, z, expected) in cases {
            assert_eq!(
                g.value(name, &[txt(z)]),
                Value::text(*expected),
                "{name}({z})"
            );
        }
        for (name, expected) in [
            ("IMCOS", Value::text("1")),
            ("IMSIN", Value::text("0")),
            ("IMTAN", Value::text("0")),
            ("IMSEC", Value::text("1")),
            ("IMEXP", Value::text("1")),
            ("IMSQRT", Value::text("0")),
            ("IMCOT", e(ErrorKind::Num)),
            ("IMCSC", e(ErrorKind::Num)),
            ("IMCSCH", e(ErrorKind::Num)),
            ("IMLN", e(ErrorKind::Num)),
            ("IMLOG10", e(ErrorKind::Num)),
        ] {
            assert_eq!(g.value(name, &[empty()]), expected, "{name}(empty)");
        }
        assert_eq!(g.value("IMSIN", &[txt("yvj")]), e(ErrorKind::Num));
        assert_eq!(g.value("IMSIN", &[boolean(true)]), e(ErrorKind::Value));
    }

    #[test]
    fn unit_table_is_well_formed() {
        use std::str::FromStr;
        let mut names = std::collections::HashSet::new();
        for unit in super::UNITS {
            assert!(names.insert(unit.name), "{} listed twice", unit.name);
            let mantissa = rust_decimal::Decimal::from_str(unit.mantissa);
            assert!(
                matches!(mantissa, Ok(m) if m > rust_decimal::Decimal::ZERO),
                "{}",
                unit.name
            );
        }
    }

    #[test]
    fn complex_number_format() {
        use super::format_part;
        assert_eq!(format_part(0.0000692442674613868), "0.0000692442674613868");
        assert_eq!(format_part(1.28233995888454e-6), "1.28233995888454E-06");
        assert_eq!(format_part(1e-18), "0.000000000000000001");
        assert_eq!(format_part(1e-20), "1E-20");
        assert_eq!(format_part(1.2e-45), "1.2E-45");
        assert_eq!(format_part(-1768.5045629583), "-1768.5045629583");
        assert_eq!(format_part(27142327967.109), "27142327967.109");
        assert_eq!(format_part(1e15), "1E+15");
        assert_eq!(format_part(123456789012345.0), "123456789012345");
    }
}
