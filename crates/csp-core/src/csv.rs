//! CSV export: what a spreadsheet opens correctly and safely.
//! - UTF-8 with a byte-order mark, so Excel shows Cyrillic and Chinese names instead of mojibake.
//! - RFC 4180: comma-separated, CRLF line ends, a field with `,` `"` CR or LF in double quotes,
//!   inner quotes doubled.
//! - Formula injection (OWASP "CSV Injection"): a cell starting with `=` `+` `-` `@`, tab or CR
//!   (or their full-width forms, which some spreadsheets also read as formulas) is prefixed with
//!   `'`, so the spreadsheet shows it as text and never evaluates it.

/// The UTF-8 byte-order mark at the start of the file.
pub const BOM: char = '\u{FEFF}';

/// The whole file: BOM, then each row (the first one is the header) ending in CRLF.
pub fn write<R, C>(rows: R) -> String
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = String::new();
    out.push(BOM);
    for row in rows {
        for (i, cell) in row.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_cell(&mut out, cell.as_ref());
        }
        out.push_str("\r\n");
    }
    out
}

/// True when a spreadsheet could read the cell as a formula.
pub fn is_formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])
}

fn write_cell(out: &mut String, cell: &str) {
    let guard = is_formula_like(cell);
    let quote = guard || cell.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Reads back what [`write`] wrote (RFC 4180, optional BOM): used by the tests and by anyone
/// checking an export. Fields keep their `'` guard.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut row_started = false;
    while let Some(c) = chars.next() {
        row_started = true;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                row_started = false;
            }
            c => field.push(c),
        }
    }
    if row_started {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_header_crlf_and_quoting() {
        let csv = write([
            vec!["ID", "Company name", "Domain"],
            vec!["1", "Contoso, Ltd.", "contoso.com"],
            vec!["2", "ООО «Ромашка» \"Юг\"", "romashka.ru"],
            vec!["3", "北京示例\n有限公司", "例子.中国"],
        ]);
        assert_eq!(
            csv,
            "\u{FEFF}ID,Company name,Domain\r\n1,\"Contoso, Ltd.\",contoso.com\r\n2,\"ООО «Ромашка» \"\"Юг\"\"\",romashka.ru\r\n3,\"北京示例\n有限公司\",例子.中国\r\n"
        );
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }

    #[test]
    fn formula_cells_are_neutralized() {
        let csv = write([vec![
            "=HYPERLINK(\"http://evil\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "＝1+1",
            "a=b",
            "Société Générale",
        ]]);
        assert_eq!(
            parse(&csv)[0],
            vec![
                "'=HYPERLINK(\"http://evil\")",
                "'+1",
                "'-2+3",
                "'@SUM(A1)",
                "'\tx",
                "'\rx",
                "'＝1+1",
                "a=b",
                "Société Générale",
            ]
        );
    }

    fn expected(cell: &str) -> String {
        if is_formula_like(cell) {
            format!("'{cell}")
        } else {
            cell.to_owned()
        }
    }

    proptest::proptest! {
        #[test]
        fn round_trip(rows in proptest::collection::vec(proptest::collection::vec("(\\PC|[\r\n\t\",=+@-])*", 1..5), 0..6)) {
            let csv = write(&rows);
            let back = parse(&csv);
            // A row of one empty cell writes as an empty line, which reads back as one empty field.
            let want: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| expected(c)).collect()).collect();
            proptest::prop_assert_eq!(back, want);
        }

        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse(&s);
            let _ = write([[s.as_str()]]);
        }
    }
}
