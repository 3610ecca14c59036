//! Rows of a delimited text file, read with the `csv` crate, and the exact place of a problem in it.
//!
//! The `csv` crate gives each record's line and byte offset but not where each field starts, and it
//! reads an unclosed quote silently to the end of the file. Both are fixed here with a second, small scan
//! of the raw text under the same quoting rules (RFC 4180 with `""` as an escaped quote), done only for
//! an error and for the file's last record, so the common path stays the crate's own.

use csv::StringRecord;

use super::ImportError;

/// A reader over the whole text, one record at a time.
pub(crate) struct Table<'a> {
    text: &'a str,
    delimiter: u8,
    reader: csv::Reader<&'a [u8]>,
    record: StringRecord,
    /// The start and line of the last record: lines are counted here, not taken from the reader, which
    /// counts `\n` only and, after a CRLF, places the next record on the line before its own.
    at: (usize, u64),
}

/// One record and where it starts.
pub(crate) struct Row<'t> {
    pub(crate) line: u64,
    start: usize,
    text: &'t str,
    delimiter: u8,
    record: &'t StringRecord,
}

impl<'a> Table<'a> {
    pub(crate) fn new(text: &'a str, delimiter: u8) -> Table<'a> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::None)
            .from_reader(text.as_bytes());
        Table { text, delimiter, reader, record: StringRecord::new(), at: (0, 1) }
    }

    /// The next record, or `None` at the end. The record that reaches the end of the text is checked for
    /// a quote that was opened and never closed.
    pub(crate) fn next_row(&mut self) -> Result<Option<Row<'_>>, ImportError> {
        match self.reader.read_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(e) => {
                // The text is valid UTF-8 and the reader is flexible, so this is not expected; report it
                // where the reader stopped rather than panic.
                let reported = e.position().map_or(self.at.0, |p| p.byte() as usize);
                let (start, line) = self.advance(reported);
                let (line, column) = locate(self.text, start, line, self.delimiter, Target::Start);
                return Err(ImportError::Invalid { line, column, message: e.to_string() });
            }
        }
        let reported = self.record.position().map_or(0, |p| p.byte() as usize);
        let (start, line) = self.advance(reported);
        if self.reader.position().byte() as usize >= self.text.len()
            && let Some((line, column)) = unclosed_quote(self.text, start, line, self.delimiter)
        {
            return Err(ImportError::Invalid {
                line,
                column,
                message: "a quoted field is never closed: the file is cut short or a quote is missing".into(),
            });
        }
        Ok(Some(Row { line, start, text: self.text, delimiter: self.delimiter, record: &self.record }))
    }
}

impl Table<'_> {
    /// The start of the record the reader says starts at `reported` (past the rest of a CRLF the reader
    /// may leave before it) and its line, counted on from the last record.
    fn advance(&mut self, reported: usize) -> (usize, u64) {
        let bytes = self.text.as_bytes();
        let mut start = reported.clamp(self.at.0, bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        let line = self.at.1 + breaks(&bytes[self.at.0..start]);
        self.at = (start, line);
        (start, line)
    }
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r`, as the reader takes them.
fn breaks(bytes: &[u8]) -> u64 {
    let lf = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    if !bytes.contains(&b'\r') {
        return lf;
    }
    let lone_cr = (0..bytes.len()).filter(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')).count();
    lf + lone_cr as u64
}

/// Whether the byte at `i` ends a line (a `\r` followed by `\n` does not: the `\n` does).
fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

impl<'t> Row<'t> {
    /// Field `i`, or `""` past the end of the record.
    pub(crate) fn get(&self, i: usize) -> &'t str {
        self.record.get(i).unwrap_or("")
    }

    pub(crate) fn len(&self) -> usize {
        self.record.len()
    }

    pub(crate) fn fields(&self) -> impl Iterator<Item = &'t str> {
        self.record.iter()
    }

    /// An error at the start of field `i` (or at the end of the record when it has no field `i`).
    pub(crate) fn error(&self, i: usize, message: String) -> ImportError {
        let (line, column) = locate(self.text, self.start, self.line, self.delimiter, Target::Field(i));
        ImportError::Invalid { line, column, message }
    }
}

/// What to find in a record.
#[derive(Clone, Copy)]
enum Target {
    /// The record's first character.
    Start,
    /// The first character of field `i` (0-based); the end of the record when it has fewer fields.
    Field(usize),
}

/// States of the quoting scan, as `csv_core` has them.
#[derive(Clone, Copy, PartialEq)]
enum Scan {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// Line and column (both 1-based; the column counts characters) of `target` in the record that starts
/// at byte `start` on line `line`.
fn locate(text: &str, start: usize, line: u64, delimiter: u8, target: Target) -> (u64, u64) {
    let (mut line, mut column) = (line, 1u64);
    let want = match target {
        Target::Start => return (line, column),
        Target::Field(i) => i,
    };
    let mut field = 0;
    let mut state = Scan::FieldStart;
    let bytes = text.as_bytes();
    let mut i = start.min(bytes.len());
    while i < bytes.len() {
        let b = bytes[i];
        if state == Scan::FieldStart && field == want {
            return (line, column);
        }
        let at_record_end =
            matches!(state, Scan::FieldStart | Scan::Unquoted | Scan::QuoteInQuoted) && (b == b'\n' || b == b'\r');
        if at_record_end {
            return (line, column);
        }
        state = step(state, b, delimiter);
        if state == Scan::FieldStart {
            field += 1;
        }
        if ends_line(bytes, i) {
            line += 1;
            column = 1;
        } else if b & 0xC0 != 0x80 && b != b'\r' {
            column += 1;
        }
        i += 1;
    }
    (line, column)
}

/// One step of the quoting scan. A newline ends the record outside quotes; callers handle that.
fn step(state: Scan, b: u8, delimiter: u8) -> Scan {
    match state {
        Scan::FieldStart if b == b'"' => Scan::Quoted,
        Scan::FieldStart | Scan::Unquoted if b == delimiter => Scan::FieldStart,
        Scan::FieldStart | Scan::Unquoted => Scan::Unquoted,
        Scan::Quoted if b == b'"' => Scan::QuoteInQuoted,
        Scan::Quoted => Scan::Quoted,
        Scan::QuoteInQuoted if b == b'"' => Scan::Quoted,
        Scan::QuoteInQuoted if b == delimiter => Scan::FieldStart,
        Scan::QuoteInQuoted => Scan::Unquoted,
    }
}

/// Where a quote opened in the record starting at `start` is left open at the end of the text, if one is.
fn unclosed_quote(text: &str, start: usize, line: u64, delimiter: u8) -> Option<(u64, u64)> {
    let bytes = text.as_bytes();
    let (mut line, mut column) = (line, 1u64);
    let mut state = Scan::FieldStart;
    let mut opened = (line, column);
    for i in start.min(bytes.len())..bytes.len() {
        let b = bytes[i];
        if state != Scan::Quoted && (b == b'\n' || b == b'\r') {
            state = Scan::FieldStart;
        } else {
            let next = step(state, b, delimiter);
            if state == Scan::FieldStart && next == Scan::Quoted {
                opened = (line, column);
            }
            state = next;
        }
        if ends_line(bytes, i) {
            line += 1;
            column = 1;
        } else if b & 0xC0 != 0x80 && b != b'\r' {
            column += 1;
        }
    }
    (state == Scan::Quoted).then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, delimiter: u8) -> Result<Vec<(u64, Vec<String>)>, ImportError> {
        let mut table = Table::new(text, delimiter);
        let mut out = Vec::new();
        while let Some(row) = table.next_row()? {
            out.push((row.line, row.fields().map(str::to_string).collect()));
        }
        Ok(out)
    }

    fn field_position(text: &str, i: usize) -> (u64, u64) {
        let mut table = Table::new(text, b',');
        let mut last = None;
        while let Some(row) = table.next_row().unwrap() {
            last = Some(match row.error(i, String::new()) {
                ImportError::Invalid { line, column, .. } => (line, column),
                other => panic!("{other:?}"),
            });
        }
        last.unwrap()
    }

    #[test]
    fn reads_records_with_their_lines() {
        let got = rows("a,b\n\"x\ny\",2\n3,4", b',').unwrap();
        assert_eq!(got[0], (1, vec!["a".into(), "b".into()]));
        assert_eq!(got[1], (2, vec!["x\ny".into(), "2".into()]));
        assert_eq!(got[2], (4, vec!["3".into(), "4".into()]));
    }

    #[test]
    fn finds_field_starts() {
        assert_eq!(field_position("a,b,c", 0), (1, 1));
        assert_eq!(field_position("a,b,c", 2), (1, 5));
        assert_eq!(field_position("\"a,b\",c", 1), (1, 7));
        assert_eq!(field_position("h\n\"é\nx\",ü,c", 2), (3, 6));
        // Past the last field: the end of the record.
        assert_eq!(field_position("a,b\r\n", 5), (1, 4));
    }

    #[test]
    fn refuses_an_unclosed_quote() {
        let err = rows("a,b\n1,\"2\n3,4\n", b',').unwrap_err();
        assert_eq!(err.position(), Some((2, 3)));
        // A closed quote at the very end is fine, and so is a quote inside an unquoted field.
        assert!(rows("a,b\n1,\"2\"", b',').is_ok());
        assert!(rows("a,b\n1,5\" plate", b',').is_ok());
        assert!(rows("a;b\n1;\"x\"\"y\"", b';').is_ok());
    }
}
