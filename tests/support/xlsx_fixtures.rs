//! Builds the small workbooks under `fixtures/xlsx/` (run `cargo run --example
//! make_xlsx_fixtures` to rewrite them) and the damaged copies the import tests make on the fly.
//! rust_xlsxwriter writes the workbooks; what it cannot write (shared formulas, saved `#SPILL!`
//! errors, data tables, external links, a VBA part) is patched into the XML afterwards.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, Formula, Table, TableColumn, TableFunction, Workbook,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Every fixture: file name and bytes.
pub fn all_fixtures() -> Result<Vec<(&'static str, Vec<u8>)>> {
    Ok(vec![
        ("basic.xlsx", basic()?),
        ("shared_formulas.xlsx", shared_formulas()?),
        ("spill_errors.xlsx", spill_errors()?),
        ("data_table.xlsx", data_table()?),
        ("external_link.xlsx", external_link()?),
        ("macros.xlsm", macros()?),
        ("mismatch.xlsx", mismatch()?),
        ("tables.xlsx", tables()?),
        ("rich_errors.xlsx", rich_errors()?),
        ("basic.ods", basic_ods()?),
        ("encrypted.xlsx", encrypted_ole()),
        ("not_a_spreadsheet.xlsx", b"name,value\nrate,0.1\n".to_vec()),
        ("word_document.xlsx", word_document()?),
        ("empty.xlsx", Vec::new()),
    ])
}

/// Two sheets (one with a space in its name), every kind of constant, cross-sheet formulas,
/// a workbook-wide name and a sheet-scoped name of the same name, and the formulas kachi
/// cannot take (unknown function, table reference, volatile function).
pub fn basic() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    {
        let ws = wb.add_worksheet().set_name("Inputs")?;
        ws.write_string(0, 0, "Price")?;
        ws.write_number(0, 1, 120.5)?;
        ws.write_string(1, 0, "Qty")?;
        ws.write_number(1, 1, 3)?;
        ws.write_string(2, 0, "Start")?;
        ws.write_datetime_with_format(2, 1, ExcelDateTime::from_ymd(2024, 1, 31)?, &date)?;
        ws.write_boolean(3, 1, true)?;
        ws.write_string(4, 1, "hello")?;
        ws.write_formula(5, 1, Formula::new("=1/0").set_result("#DIV/0!"))?;
        ws.write_number(6, 1, 0.1)?;
        ws.write_number(7, 1, 1e20)?;
        ws.write_number(8, 1, -2.5)?;
        ws.write_number(9, 1, 0.1)?;
        ws.write_formula(0, 2, Formula::new("=Tax*100").set_result("50"))?;
    }
    {
        let ws = wb.add_worksheet().set_name("Cost sheet")?;
        ws.write_formula(
            0,
            0,
            Formula::new("=Inputs!B1*Inputs!B2").set_result("361.5"),
        )?;
        ws.write_formula(1, 0, Formula::new("=SUM(Inputs!B1:B2)").set_result("123.5"))?;
        ws.write_formula(2, 0, Formula::new("=Rate*A1").set_result("36.15"))?;
        ws.write_formula(3, 0, Formula::new("=Tax*100").set_result("8"))?;
        ws.write_formula(
            4,
            0,
            Formula::new("=IF(Inputs!B4,\"yes\",\"no\")").set_result("yes"),
        )?;
        ws.write_formula(5, 0, Formula::new("=Inputs!B3+1").set_result("45323"))?;
        ws.write_formula(6, 0, Formula::new("=\"a\"&\"b\"").set_result("ab"))?;
        ws.write_formula(7, 0, Formula::new("=NA()").set_result("#N/A"))?;
        ws.write_formula(8, 0, Formula::new("=Inputs!B4=TRUE").set_result("TRUE"))?;
        ws.write_formula(
            9,
            0,
            Formula::new("=_xlfn.NOSUCHFUNCTION(1)").set_result("1"),
        )?;
        ws.write_formula(10, 0, Formula::new("=SUM(Table1[Amount])").set_result("10"))?;
        ws.write_formula(11, 0, Formula::new("=TODAY()").set_result("45000"))?;
        ws.write_formula(12, 0, Formula::new("=A10*2").set_result("2"))?;
    }
    wb.define_name("Rate", "=Inputs!$B$10")?;
    wb.define_name("Tax", "=0.5")?;
    wb.define_name("'Cost sheet'!Tax", "=0.08")?;
    Ok(wb.save_to_buffer()?)
}

/// B1:B4 hold the shared formula `A1*2` (Excel writes it once, on B1); C1:D2 the shared
/// formula `'FY2020'!$A1+A$1` over a sheet whose name looks like a cell reference.
pub fn shared_formulas() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet().set_name("Data")?;
        for row in 0..4u32 {
            ws.write_number(row, 0, f64::from(row + 1))?;
            let formula = format!("=A{}*2", row + 1);
            let result = format!("{}", (row + 1) * 2);
            ws.write_formula(row, 1, Formula::new(formula).set_result(result))?;
        }
        for (row, col, formula) in [
            (0, 2, "='FY2020'!$A1+A$1"),
            (0, 3, "='FY2020'!$A1+B$1"),
            (1, 2, "='FY2020'!$A2+A$1"),
            (1, 3, "='FY2020'!$A2+B$1"),
        ] {
            ws.write_formula(row, col, formula)?;
        }
    }
    {
        let ws = wb.add_worksheet().set_name("FY2020")?;
        ws.write_number(0, 0, 100)?;
        ws.write_number(1, 0, 200)?;
    }
    let bytes = wb.save_to_buffer()?;
    patch_part(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        let mut xml = replace_once(
            xml,
            "<f>A1*2</f>",
            r#"<f t="shared" ref="B1:B4" si="0">A1*2</f>"#,
        )?;
        for row in 2..=4 {
            xml = replace_once(
                &xml,
                &format!("<f>A{row}*2</f>"),
                r#"<f t="shared" si="0"/>"#,
            )?;
        }
        xml = replace_once(
            &xml,
            "<f>'FY2020'!$A1+A$1</f>",
            r#"<f t="shared" ref="C1:D2" si="1">'FY2020'!$A1+A$1</f>"#,
        )?;
        for other in ["'FY2020'!$A1+B$1", "'FY2020'!$A2+A$1", "'FY2020'!$A2+B$1"] {
            xml = replace_once(
                &xml,
                &format!("<f>{other}</f>"),
                r#"<f t="shared" si="1"/>"#,
            )?;
        }
        Ok(xml)
    })
}

/// Saved `#SPILL!` and `#CALC!` errors (calamine 0.38 cannot parse them), two of them on the
/// anchors of shared formulas (E1:E2 reads a sheet named like a cell, `'Q1'!A1+10`), with
/// ordinary cells after them.
pub fn spill_errors() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet().set_name("Spill")?;
        for row in 0..3u32 {
            ws.write_number(row, 0, f64::from(row + 1))?;
        }
        ws.write_number(0, 1, 99)?;
        ws.write_formula(
            0,
            2,
            Formula::new("=_xlfn._xlws.SORT(A1:A3)").set_result("#N/A"),
        )?;
        ws.write_formula(0, 3, Formula::new("=A1+10").set_result("#N/A"))?;
        ws.write_formula(1, 3, Formula::new("=A2+10").set_result("12"))?;
        ws.write_formula(2, 3, Formula::new("=A3+10").set_result("13"))?;
        ws.write_formula(3, 0, Formula::new("=SUM(A1:A3)").set_result("6"))?;
        ws.write_string(4, 0, "after")?;
        ws.write_formula(0, 4, Formula::new("='Q1'!A1+10").set_result("#N/A"))?;
        ws.write_formula(1, 4, Formula::new("='Q1'!A2+10").set_result("16"))?;
    }
    {
        let ws = wb.add_worksheet().set_name("Plain")?;
        ws.write_formula(0, 0, Formula::new("=Spill!A4*2").set_result("12"))?;
    }
    {
        let ws = wb.add_worksheet().set_name("Q1")?;
        ws.write_number(0, 0, 5)?;
        ws.write_number(1, 0, 6)?;
    }
    let bytes = wb.save_to_buffer()?;
    patch_part(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        // C1: a dynamic array formula whose saved value is #SPILL!.
        let xml = replace_once(
            xml,
            "_xlfn._xlws.SORT(A1:A3)</f><v>#N/A</v>",
            "_xlfn._xlws.SORT(A1:A3)</f><v>#SPILL!</v>",
        )?;
        // D1:D3 share A1+10, anchored on D1, whose saved value is #CALC!.
        let xml = replace_once(
            &xml,
            "<f>A1+10</f><v>#N/A</v>",
            r#"<f t="shared" ref="D1:D3" si="0">A1+10</f><v>#CALC!</v>"#,
        )?;
        let xml = replace_once(&xml, "<f>A2+10</f>", r#"<f t="shared" si="0"/>"#)?;
        let xml = replace_once(&xml, "<f>A3+10</f>", r#"<f t="shared" si="0"/>"#)?;
        // E1:E2 share 'Q1'!A1+10, anchored on E1, whose saved value is #CALC!.
        let xml = replace_once(
            &xml,
            "<f>'Q1'!A1+10</f><v>#N/A</v>",
            r#"<f t="shared" ref="E1:E2" si="1">'Q1'!A1+10</f><v>#CALC!</v>"#,
        )?;
        replace_once(&xml, "<f>'Q1'!A2+10</f>", r#"<f t="shared" si="1"/>"#)
    })
}

/// A one-variable what-if data table over B2:B3 (Excel stores its cells as `<f t="dataTable">`
/// with saved values).
pub fn data_table() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet().set_name("What if")?;
        ws.write_number(0, 0, 2)?;
        ws.write_formula(0, 1, Formula::new("=A1*10").set_result("20"))?;
        ws.write_number(1, 0, 3)?;
        ws.write_number(2, 0, 4)?;
        ws.write_number(1, 1, 30)?;
        ws.write_number(2, 1, 40)?;
    }
    let bytes = wb.save_to_buffer()?;
    patch_part(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        replace_once(
            xml,
            r#"<c r="B2"><v>30</v></c>"#,
            r#"<c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>30</v></c>"#,
        )
    })
}

/// A formula reading another workbook (`[1]Rates!A1`) and the link part Excel writes for it.
pub fn external_link() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet().set_name("Sheet1")?;
        ws.write_formula(0, 0, Formula::new("=[1]Rates!A1*2").set_result("4"))?;
        ws.write_formula(1, 0, Formula::new("=1+1").set_result("2"))?;
    }
    let bytes = wb.save_to_buffer()?;
    add_part(
        &bytes,
        "xl/externalLinks/externalLink1.xml",
        br#"<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>"#,
    )
}

/// A workbook with a (dummy) VBA project part.
pub fn macros() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet();
        ws.write_number(0, 0, 1)?;
        ws.write_formula(0, 1, Formula::new("=A1+1").set_result("2"))?;
    }
    let bytes = wb.save_to_buffer()?;
    add_part(&bytes, "xl/vbaProject.bin", b"not really a VBA project")
}

/// Saved values that kachi must disagree with: a wrong number, a number off by 1e-7 (close),
/// and a cell downstream of an unsupported function.
pub fn mismatch() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet();
        ws.write_number(0, 0, 2)?;
        ws.write_formula(0, 1, Formula::new("=A1*3").set_result("6"))?;
        ws.write_formula(1, 1, Formula::new("=A1*4").set_result("9"))?;
        ws.write_formula(2, 1, Formula::new("=A1/3").set_result("0.6666668"))?;
        ws.write_formula(
            3,
            1,
            Formula::new("=_xlfn.NOSUCHFUNCTION(A1)").set_result("5"),
        )?;
        ws.write_formula(4, 1, Formula::new("=B4+1").set_result("6"))?;
        ws.write_formula(5, 1, Formula::new("=A1&\"x\"").set_result("2x"))?;
        ws.write_formula(6, 1, Formula::new("=A1>1"))?;
    }
    let bytes = wb.save_to_buffer()?;
    // B7 without any saved value (as files written by libraries often are).
    patch_part(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        replace_once(xml, "<f>A1&gt;1</f><v>0</v>", "<f>A1&gt;1</f>")
    })
}

/// Excel tables (real table parts, written by rust_xlsxwriter's `add_table`) and formulas
/// reading them through structured references:
///
/// - `Sales data`!B2:F7: table `Sales`, header row 2, data rows 3-6, totals row 7; columns
///   Region, Qty (10, 20, 30, 40), Unit price (1.5, 2, 2.5, 3), `Price [USD] #1` (1-4) and
///   Amount, a calculated column `[@Qty]*[@[Unit price]]` (15, 40, 75, 120); totals: SUM of
///   Qty (100) and of Amount (250).
/// - `Other`!A1:B3: table `Rates` without a header row: columns Column1 (1, 2, 3) and
///   Column2 (10, 20, 30).
/// - `Report`: formulas over both, a defined name using one, and a reference to a table that
///   does not exist (`Nope[Qty]`); A16 `=TODAY()` and A17 `=NOW()` saved on 2024-11-26, the
///   day the file says it was saved (`dcterms:modified` 2024-11-26T08:49:27Z).
pub fn tables() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let saved = ExcelDateTime::from_ymd(2024, 11, 26)?.and_hms(8, 49, 27)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&saved));
    {
        let ws = wb.add_worksheet().set_name("Sales data")?;
        let regions = ["North", "South", "East", "West"];
        for (i, region) in regions.iter().enumerate() {
            let row = 2 + i as u32;
            let n = f64::from(i as u32 + 1);
            ws.write_string(row, 1, *region)?;
            ws.write_number(row, 2, 10.0 * n)?;
            ws.write_number(row, 3, 1.0 + 0.5 * n)?;
            ws.write_number(row, 4, n)?;
        }
        let columns = [
            TableColumn::new()
                .set_header("Region")
                .set_total_label("Total"),
            TableColumn::new()
                .set_header("Qty")
                .set_total_function(TableFunction::Sum),
            TableColumn::new().set_header("Unit price"),
            TableColumn::new().set_header("Price [USD] #1"),
            TableColumn::new()
                .set_header("Amount")
                .set_formula("[@Qty]*[@[Unit price]]")
                .set_total_function(TableFunction::Sum),
        ];
        let table = Table::new()
            .set_name("Sales")
            .set_columns(&columns)
            .set_total_row(true);
        ws.add_table(1, 1, 6, 5, &table)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Other")?;
        for i in 0..3u32 {
            ws.write_number(i, 0, f64::from(i + 1))?;
            ws.write_number(i, 1, f64::from(10 * (i + 1)))?;
        }
        let table = Table::new().set_name("Rates").set_header_row(false);
        ws.add_table(0, 0, 2, 1, &table)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Report")?;
        let formulas = [
            "=SUM(Sales[Qty])",
            "=SUM(Sales[Amount])",
            "=COUNTA(Sales[#Headers])",
            "=ROWS(Sales[#All])",
            "=Sales[[#Totals],[Qty]]",
            "=SUM(Sales)",
            "=ROWS(Sales[[#Headers],[#Data],[Qty]])",
            "=SUM(Sales[[Qty]:[Unit price]])",
            "=SUM(Sales[Price '[USD'] '#1])",
            "=SUM(Rates[Column2])",
            "=ROWS(Rates[#Headers])",
            "=Sales[[#This Row],[Qty]]",
            "=SUM(Nope[Qty])",
            "=TotalQty*2",
            "=SUM(sales[[#This Row],[Qty]:[Unit price]])",
        ];
        for (row, formula) in formulas.iter().enumerate() {
            ws.write_formula(row as u32, 0, *formula)?;
        }
        ws.write_formula(15, 0, Formula::new("=TODAY()").set_result("45622"))?;
        ws.write_formula(16, 0, Formula::new("=NOW()").set_result("45622.4"))?;
        // On a data row of the table (row 4): #This Row reads that row of the other sheet.
        ws.write_formula(3, 1, "=SUM(sales[[#This Row],[Qty]:[Unit price]])")?;
    }
    wb.define_name("TotalQty", "=SUM(Sales[Qty])")?;
    Ok(wb.save_to_buffer()?)
}

/// Excel 365's rich-value errors: B1 `=FILTER(A1:A2,A1:A2>5)` (nothing passes: `#CALC!`)
/// saved with the fallback `#VALUE!` and value metadata (`vm="1"`) pointing at a rich value
/// whose error type is 13 (`#CALC!`); B2 `=1/0` saved as `#DIV/0!` with `vm="2"`, whose rich
/// value is not an error.
pub fn rich_errors() -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet().set_name("Data")?;
        ws.write_number(0, 0, 1)?;
        ws.write_number(1, 0, 2)?;
        ws.write_formula(
            0,
            1,
            Formula::new("=_xlfn._xlws.FILTER(A1:A2,A1:A2>5)").set_result("#VALUE!"),
        )?;
        ws.write_formula(1, 1, Formula::new("=1/0").set_result("#DIV/0!"))?;
    }
    let bytes = wb.save_to_buffer()?;
    let bytes = patch_part(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        let xml = replace_once(xml, r#"<c r="B1""#, r#"<c r="B1" vm="1""#)?;
        replace_once(&xml, r#"<c r="B2""#, r#"<c r="B2" vm="2""#)
    })?;
    // rust_xlsxwriter writes xl/metadata.xml for the dynamic-array FILTER (type XLDAPR);
    // the rich values' type is added as the second.
    let metadata = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="2"><metadataType name="XLDAPR" minSupportedVersion="120000"/><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><futureMetadata name="XLRICHVALUE" count="2"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="1"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata><valueMetadata count="2"><bk><rc t="2" v="0"/></bk><bk><rc t="2" v="1"/></bk></valueMetadata></metadata>"#;
    let values = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="2"><rv s="0"><v>13</v><v>3</v></rv><rv s="1"><v>picture</v></rv></rvData>"#;
    let structures = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="2"><s t="_error"><k n="errorType" t="i"/><k n="subType" t="i"/></s><s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/></s></rvStructures>"#;
    let bytes = patch_part(&bytes, "xl/metadata.xml", |_| Ok(metadata.to_string()))?;
    let bytes = add_part(&bytes, "xl/richData/rdrichvalue.xml", values)?;
    add_part(&bytes, "xl/richData/rdrichvaluestructure.xml", structures)
}

/// An OpenDocument spreadsheet written by hand: two sheets, OpenFormula references, a named
/// range.
pub fn basic_ods() -> Result<Vec<u8>> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data"><table:table-row><table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell><table:table-cell table:formula="of:=[.A1]*3" office:value-type="float" office:value="6"><text:p>6</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>label</text:p></table:table-cell><table:table-cell table:formula="of:=SUM([.A1:.B1];1)" office:value-type="float" office:value="9"><text:p>9</text:p></table:table-cell></table:table-row></table:table><table:table table:name="Other sheet"><table:table-row><table:table-cell table:formula="of:=[$Data.A1]+Base" office:value-type="float" office:value="4"><text:p>4</text:p></table:table-cell></table:table-row></table:table><table:named-expressions><table:named-range table:name="Base" table:base-cell-address="$Data.$A$1" table:cell-range-address="$Data.$A$1"/></table:named-expressions></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    zip.start_file("META-INF/manifest.xml", deflated)?;
    zip.write_all(manifest.as_bytes())?;
    zip.start_file("content.xml", deflated)?;
    zip.write_all(content.as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

/// A zip package that is a Word document, not a workbook.
pub fn word_document() -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", SimpleFileOptions::default())?;
    zip.write_all(b"<document/>")?;
    Ok(zip.finish()?.into_inner())
}

/// What Excel's "Encrypt with Password" writes: an OLE compound file (CFB, version 3) with
/// `EncryptionInfo` and `EncryptedPackage` streams (filled with noise here).
pub fn encrypted_ole() -> Vec<u8> {
    const SECTOR: usize = 512;
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FAT_SECTOR: u32 = 0xFFFF_FFFD;
    let stream_sectors = 8u32; // 4096 bytes each: regular sectors, no mini stream needed
    let mut out = vec![0u8; SECTOR];
    // Header.
    out[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    put_u16(&mut out, 0x18, 0x003E);
    put_u16(&mut out, 0x1A, 0x0003);
    put_u16(&mut out, 0x1C, 0xFFFE);
    put_u16(&mut out, 0x1E, 9);
    put_u16(&mut out, 0x20, 6);
    put_u32(&mut out, 0x2C, 1); // FAT sectors
    put_u32(&mut out, 0x30, 1); // first directory sector
    put_u32(&mut out, 0x38, 4096); // mini stream cutoff
    put_u32(&mut out, 0x3C, END); // first mini FAT sector
    put_u32(&mut out, 0x44, END); // first DIFAT sector
    put_u32(&mut out, 0x4C, 0); // DIFAT[0]: the FAT is sector 0
    for i in 1..109 {
        put_u32(&mut out, 0x4C + 4 * i, FREE);
    }
    // Sector 0: the FAT.
    let mut fat = vec![0u8; SECTOR];
    let mut entries = vec![FAT_SECTOR, END];
    for stream in 0..2u32 {
        let first = 2 + stream * stream_sectors;
        for s in first..first + stream_sectors {
            entries.push(if s + 1 == first + stream_sectors {
                END
            } else {
                s + 1
            });
        }
    }
    for (i, e) in entries.iter().enumerate() {
        put_u32(&mut fat, 4 * i, *e);
    }
    for i in entries.len()..SECTOR / 4 {
        put_u32(&mut fat, 4 * i, FREE);
    }
    out.extend_from_slice(&fat);
    // Sector 1: the directory.
    let mut dir = Vec::with_capacity(SECTOR);
    dir.extend(directory_entry("Root Entry", 5, FREE, FREE, 1, END, 0));
    dir.extend(directory_entry("EncryptionInfo", 2, FREE, 2, FREE, 2, 4096));
    dir.extend(directory_entry(
        "EncryptedPackage",
        2,
        FREE,
        FREE,
        FREE,
        10,
        4096,
    ));
    dir.extend(directory_entry("", 0, FREE, FREE, FREE, 0, 0));
    out.extend_from_slice(&dir);
    // The two streams.
    let mut noise: u32 = 0x1234_5678;
    for _ in 0..(2 * stream_sectors as usize * SECTOR) {
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        out.push(noise as u8);
    }
    out
}

fn directory_entry(
    name: &str,
    kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u32,
) -> Vec<u8> {
    let mut e = vec![0u8; 128];
    let utf16: Vec<u16> = name.encode_utf16().collect();
    for (i, unit) in utf16.iter().enumerate() {
        put_u16(&mut e, 2 * i, *unit);
    }
    let name_bytes = if name.is_empty() {
        0
    } else {
        2 * (utf16.len() + 1)
    };
    put_u16(&mut e, 0x40, name_bytes as u16);
    e[0x42] = kind;
    e[0x43] = 1; // black
    put_u32(&mut e, 0x44, left);
    put_u32(&mut e, 0x48, right);
    put_u32(&mut e, 0x4C, child);
    put_u32(&mut e, 0x74, start);
    put_u32(&mut e, 0x78, size);
    e
}

fn put_u16(buf: &mut [u8], at: usize, v: u16) {
    buf[at..at + 2].copy_from_slice(&v.to_le_bytes());
}

fn put_u32(buf: &mut [u8], at: usize, v: u32) {
    buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

// ------------------------------------------------------------------------------- zip surgery

fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    if !text.contains(from) {
        return Err(format!("fixture patch: `{from}` not found in the XML").into());
    }
    Ok(text.replacen(from, to, 1))
}

/// Rewrites one part of a zip package.
pub fn patch_part(
    package: &[u8],
    part: &str,
    patch: impl Fn(&str) -> Result<String>,
) -> Result<Vec<u8>> {
    rewrite_zip(package, |name, bytes| {
        if name == part {
            let text = String::from_utf8(bytes.to_vec())?;
            Ok(Some(patch(&text)?.into_bytes()))
        } else {
            Ok(Some(bytes.to_vec()))
        }
    })
}

/// Adds a part to a zip package.
pub fn add_part(package: &[u8], part: &str, content: &[u8]) -> Result<Vec<u8>> {
    let rewritten = rewrite_zip(package, |_, bytes| Ok(Some(bytes.to_vec())))?;
    let mut zip = ZipWriter::new_append(Cursor::new(rewritten))?;
    zip.start_file(part, SimpleFileOptions::default())?;
    zip.write_all(content)?;
    Ok(zip.finish()?.into_inner())
}

/// Copies a zip package part by part through `edit` (None drops the part).
pub fn rewrite_zip(
    package: &[u8],
    edit: impl Fn(&str, &[u8]) -> Result<Option<Vec<u8>>>,
) -> Result<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(package))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name()?.to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        if let Some(new) = edit(&name, &bytes)? {
            out.start_file(name, SimpleFileOptions::default())?;
            out.write_all(&new)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// A copy of a zip package whose part `part` claims `claimed` bytes uncompressed in both the
/// local header and the central directory (a zip bomb's lie, without the gigabytes).
pub fn claim_part_size(package: &[u8], part: &str, claimed: u32) -> Vec<u8> {
    let mut out = package.to_vec();
    let name = part.as_bytes();
    // Local file headers (PK\x03\x04): uncompressed size at +22, name length +26, name at +30.
    // Central directory headers (PK\x01\x02): uncompressed size at +24, name length +28,
    // name at +46.
    let mut i = 0;
    while i + 4 <= out.len() {
        let sig = &out[i..i + 4];
        if sig == b"PK\x03\x04" && header_names(&out, i, 26, 30, name) {
            out[i + 22..i + 26].copy_from_slice(&claimed.to_le_bytes());
        } else if sig == b"PK\x01\x02" && header_names(&out, i, 28, 46, name) {
            out[i + 24..i + 28].copy_from_slice(&claimed.to_le_bytes());
        }
        i += 1;
    }
    out
}

fn header_names(buf: &[u8], at: usize, len_at: usize, name_at: usize, name: &[u8]) -> bool {
    let Some(len) = buf.get(at + len_at..at + len_at + 2) else {
        return false;
    };
    let len = u16::from_le_bytes([len[0], len[1]]) as usize;
    len == name.len() && buf.get(at + name_at..at + name_at + len) == Some(name)
}
