//! SPSS system files (`.sav`), written case by case from scratch as the GNU PSPP developers' guide
//! documents the format (its "System File Format" chapter; the section names below are its own).
//! The format is small and documented, so it is written here rather than through a dependency.
//!
//! What is written, and why:
//! - Text is UTF-8 everywhere: the machine integer info record says character code 65001 and the
//!   character encoding record says `UTF-8`, so that readers in Japan do not guess a code page.
//! - Cases are uncompressed and little-endian (layout code 2): the simplest data every reader takes,
//!   one case written per [`Writer::case`] call, so a million rows never sit in memory.
//! - The case count in the header is -1, which the format documents as "not known": a stream
//!   cannot be rewound to patch it, and readers read the cases to the end of the file (PSPP and
//!   ReadStat are tested to).
//! - Text wider than 255 bytes is split into segments (Very Long String Record); variable labels
//!   are cut to 255 bytes and value labels to 120, on a character boundary.
//!
//! Not written: value labels and missing values of text variables, missing-value ranges, weights,
//! documents, multiple-response sets. A text value's trailing spaces are not kept (the format pads
//! with them).

mod names;

use std::io::Write;

use crate::Error;

/// How a variable is measured, which decides the statistics SPSS offers for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Nominal,
    Ordinal,
    Scale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Shown with format `F8.decimals` (wider if the decimals need it).
    Numeric { decimals: u8 },
    /// Width in bytes of UTF-8, 1 to 32767: a Japanese character takes three.
    Text { width: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    /// As the caller gives it; [`Writer::names`] says which valid, unique SPSS name was written.
    pub name: String,
    /// The question text, of any length; SPSS keeps 255 bytes.
    pub label: String,
    pub kind: Kind,
    pub measure: Measure,
    /// Labels of codes (options, scale points), numeric variables only; each cut to 120 bytes.
    pub value_labels: Vec<(f64, String)>,
    /// Discrete user-missing codes (e.g. "don't know"), at most 3, numeric variables only.
    pub missing: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    /// No answer. For a text variable, written as blanks: SPSS has no missing text.
    SystemMissing,
    Text(String),
}

/// The format's SYSMIS: the most negative finite double.
const SYSMIS: f64 = -f64::MAX;
const MAX_WIDTH: usize = 32767;
const LABEL_MAX: usize = 255;
const VALUE_LABEL_MAX: usize = 120;
const FILE_LABEL_MAX: usize = 64;
/// A segment of a very long string is declared 255 bytes wide and holds 255 bytes of data, yet
/// stands for only 252 bytes of the variable's width (the guide's Very Long String Record).
const SEGMENT_WIDTH: usize = 252;
const SEGMENT_DATA: usize = 255;

/// Writes one system file: the dictionary in [`Writer::new`], then each case as it comes.
/// Give it a buffered output (`BufWriter`): it writes once per case.
pub struct Writer<W: Write> {
    out: W,
    names: Vec<String>,
    columns: Vec<Column>,
    row: Vec<u8>,
}

struct Column {
    /// The name as the caller gave it, for errors.
    given: String,
    layout: Layout,
}

enum Layout {
    Number,
    /// The declared width of each segment: one for text up to 255 bytes.
    Text {
        width: usize,
        segments: Vec<usize>,
    },
}

impl Layout {
    /// The widths of the variable records: a number is one record of width 0.
    fn segments(&self) -> &[usize] {
        match self {
            Layout::Number => &[0],
            Layout::Text { segments, .. } => segments,
        }
    }

    /// Eight-byte units in a case: one for a number, each segment's width rounded up for text.
    fn units(&self) -> usize {
        self.segments().iter().map(|&width| units(width)).sum()
    }
}

impl<W: Write> Writer<W> {
    /// Checks the variables, makes their SPSS names and writes the header and dictionary.
    pub fn new(mut out: W, file_label: &str, variables: &[Variable]) -> Result<Self, Error> {
        if variables.is_empty() {
            return Err(Error::NoVariables);
        }
        let columns = variables.iter().map(column).collect::<Result<Vec<_>, _>>()?;
        let names = names::long_names(variables.iter().map(|v| v.name.as_str()));
        // Every variable's own short name first, so a segment cannot take the name that a later
        // variable would have had.
        let mut shorts = names::ShortNames::default();
        let mut short: Vec<Vec<String>> = names.iter().map(|name| vec![shorts.make(name)]).collect();
        for (segment_names, column) in short.iter_mut().zip(&columns) {
            for _ in 1..column.layout.segments().len() {
                let segment = shorts.make(&segment_names[0]);
                segment_names.push(segment);
            }
        }

        let mut dict = Dictionary::default();
        let units = columns.iter().map(|c| c.layout.units()).sum();
        dict.header(file_label, int(units)?);
        for ((variable, column), short) in variables.iter().zip(&columns).zip(&short) {
            dict.variable(variable, &column.layout, short)?;
        }
        let mut index = 0;
        for (variable, column) in variables.iter().zip(&columns) {
            if !variable.value_labels.is_empty() {
                dict.value_labels(&variable.value_labels, index)?;
            }
            index += column.layout.units();
        }
        dict.extensions(variables, &columns, &names, &short)?;
        out.write_all(&dict.0)?;
        Ok(Self {
            out,
            names,
            columns,
            row: Vec::with_capacity(units * 8),
        })
    }

    /// Writes one case: a value per variable, in the variables' order.
    pub fn case(&mut self, values: &[Value]) -> Result<(), Error> {
        if values.len() != self.columns.len() {
            return Err(Error::Count {
                expected: self.columns.len(),
                given: values.len(),
            });
        }
        self.row.clear();
        for (column, value) in self.columns.iter().zip(values) {
            match (&column.layout, value) {
                (Layout::Number, Value::Number(x)) => {
                    if !x.is_finite() {
                        return Err(Error::NotFinite {
                            variable: column.given.clone(),
                            value: *x,
                        });
                    }
                    self.row.extend_from_slice(&x.to_le_bytes());
                }
                (Layout::Number, Value::SystemMissing) => self.row.extend_from_slice(&SYSMIS.to_le_bytes()),
                (Layout::Text { segments, .. }, Value::SystemMissing) => put_text(&mut self.row, "", segments),
                (Layout::Text { width, segments }, Value::Text(text)) => {
                    if text.len() > *width {
                        return Err(Error::TooLong {
                            variable: column.given.clone(),
                            length: text.len(),
                            width: *width,
                        });
                    }
                    put_text(&mut self.row, text, segments);
                }
                (Layout::Number, Value::Text(_)) => {
                    return Err(Error::Kind {
                        variable: column.given.clone(),
                        expected: "numeric",
                        given: "text",
                    });
                }
                (Layout::Text { .. }, Value::Number(_)) => {
                    return Err(Error::Kind {
                        variable: column.given.clone(),
                        expected: "text",
                        given: "a number",
                    });
                }
            }
        }
        // The whole case at once: a case refused above leaves nothing half-written.
        self.out.write_all(&self.row)?;
        Ok(())
    }

    /// Flushes and hands the output back. Nothing is patched: the header says the number of cases
    /// is unknown (-1), and readers count them.
    pub fn finish(mut self) -> Result<W, Error> {
        self.out.flush()?;
        Ok(self.out)
    }

    /// The SPSS names written, in the variables' order (for the codebook).
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

fn column(variable: &Variable) -> Result<Column, Error> {
    let given = || variable.name.clone();
    let layout = match variable.kind {
        Kind::Numeric { decimals } => {
            if decimals > 16 {
                return Err(Error::Decimals {
                    variable: given(),
                    decimals,
                });
            }
            if variable.missing.len() > 3 {
                return Err(Error::TooManyMissing {
                    variable: given(),
                    count: variable.missing.len(),
                });
            }
            let mut codes = variable
                .missing
                .iter()
                .chain(variable.value_labels.iter().map(|(value, _)| value));
            if let Some(&value) = codes.find(|value| !value.is_finite()) {
                return Err(Error::NotFinite {
                    variable: given(),
                    value,
                });
            }
            Layout::Number
        }
        Kind::Text { width } => {
            if !(1..=MAX_WIDTH).contains(&width) {
                return Err(Error::Width {
                    variable: given(),
                    width,
                });
            }
            if !variable.value_labels.is_empty() || !variable.missing.is_empty() {
                return Err(Error::TextLabels { variable: given() });
            }
            Layout::Text {
                width,
                segments: segments(width),
            }
        }
    };
    Ok(Column { given: given(), layout })
}

/// The declared widths of a text variable's segments (Very Long String Record): up to 255 bytes one
/// segment; wider, one segment per 252 bytes of width, each 255 wide but the last, which has the rest.
fn segments(width: usize) -> Vec<usize> {
    if width <= 255 {
        return vec![width];
    }
    let count = width.div_ceil(SEGMENT_WIDTH);
    let mut segments = vec![255; count - 1];
    segments.push(width - (count - 1) * SEGMENT_WIDTH);
    segments
}

/// Eight-byte units of one segment; a number (width 0) takes one.
fn units(width: usize) -> usize {
    width.div_ceil(8).max(1)
}

/// Text packed 255 bytes to a segment, each segment padded with spaces to its eight-byte units.
/// The width has been checked, so the last segment always has room for the rest.
fn put_text(row: &mut Vec<u8>, text: &str, segments: &[usize]) {
    let mut rest = text.as_bytes();
    for &width in segments {
        let (chunk, after) = rest.split_at(rest.len().min(SEGMENT_DATA));
        row.extend_from_slice(chunk);
        row.resize(row.len() + units(width) * 8 - chunk.len(), b' ');
        rest = after;
    }
}

/// The longest start of `text` that fits in `max_bytes` without splitting a character.
pub(crate) fn cut(text: &str, max_bytes: usize) -> &str {
    &text[..text.floor_char_boundary(max_bytes)]
}

/// Counts and sizes are 32-bit in the format.
fn int(n: usize) -> Result<i32, Error> {
    i32::try_from(n).map_err(|_| Error::TooLarge)
}

/// The header and dictionary, built in memory (they are small) and written at once.
#[derive(Default)]
struct Dictionary(Vec<u8>);

impl Dictionary {
    fn i32(&mut self, n: i32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn f64(&mut self, x: f64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }

    /// `bytes` and then `pad` up to `len` bytes (`bytes` is never longer).
    fn padded(&mut self, bytes: &[u8], len: usize, pad: u8) {
        self.0.extend_from_slice(bytes);
        self.0.resize(self.0.len() + len - bytes.len(), pad);
    }

    /// File Header Record.
    fn header(&mut self, file_label: &str, case_units: i32) {
        self.0.extend_from_slice(b"$FL2");
        let product = format!("@(#) SPSS DATA FILE survey-data {}", env!("CARGO_PKG_VERSION"));
        self.padded(cut(&product, 60).as_bytes(), 60, b' ');
        self.i32(2); // layout code: little-endian
        self.i32(case_units);
        self.i32(0); // not compressed
        self.i32(0); // not weighted
        self.i32(-1); // number of cases unknown
        self.f64(100.0); // compression bias
        let now = chrono::Local::now();
        // chrono's month names are English whatever the locale, as the format wants.
        self.0.extend_from_slice(now.format("%d %b %y").to_string().as_bytes());
        self.0.extend_from_slice(now.format("%H:%M:%S").to_string().as_bytes());
        self.padded(cut(file_label, FILE_LABEL_MAX).as_bytes(), FILE_LABEL_MAX, b' ');
        self.0.extend_from_slice(&[0; 3]);
    }

    /// Variable Record(s): one per segment, each followed by a continuation per further 8 bytes.
    fn variable(&mut self, variable: &Variable, layout: &Layout, short: &[String]) -> Result<(), Error> {
        let label = cut(&variable.label, LABEL_MAX);
        for (segment, (&width, name)) in layout.segments().iter().zip(short).enumerate() {
            let (format, missing) = match (layout, variable.kind) {
                (Layout::Number, Kind::Numeric { decimals }) => (numeric_format(decimals), &variable.missing[..]),
                _ => ((1 << 16) | (int(width)? << 8), &[][..]), // format A
            };
            self.i32(2);
            self.i32(int(width)?);
            let labelled = segment == 0 && !label.is_empty();
            self.i32(i32::from(labelled));
            self.i32(int(missing.len())?);
            self.i32(format); // print format
            self.i32(format); // write format
            self.padded(name.as_bytes(), 8, b' ');
            if labelled {
                self.i32(int(label.len())?);
                self.padded(label.as_bytes(), label.len().next_multiple_of(4), b' ');
            }
            for &code in missing {
                self.f64(code);
            }
            for _ in 1..units(width) {
                self.i32(2);
                self.i32(-1);
                for _ in 0..4 {
                    self.i32(0);
                }
                self.padded(b"", 8, b' ');
            }
        }
        Ok(())
    }

    /// Value Labels Records (type 3 and 4) for the variable at eight-byte unit `index`.
    fn value_labels(&mut self, labels: &[(f64, String)], index: usize) -> Result<(), Error> {
        self.i32(3);
        self.i32(int(labels.len())?);
        for (value, label) in labels {
            let label = cut(label, VALUE_LABEL_MAX);
            self.f64(*value);
            // The length byte and the label together fill whole eight-byte units.
            self.0.push(u8::try_from(label.len()).map_err(|_| Error::TooLarge)?);
            self.padded(label.as_bytes(), (label.len() + 1).next_multiple_of(8) - 1, b' ');
        }
        self.i32(4);
        self.i32(1);
        self.i32(int(index + 1)?); // counted from 1
        Ok(())
    }

    fn extension(&mut self, subtype: i32, size: usize, data: &[u8]) -> Result<(), Error> {
        self.i32(7);
        self.i32(subtype);
        self.i32(int(size)?);
        self.i32(int(data.len() / size)?);
        self.0.extend_from_slice(data);
        Ok(())
    }

    fn extension_i32(&mut self, subtype: i32, data: &[i32]) -> Result<(), Error> {
        let bytes: Vec<u8> = data.iter().flat_map(|n| n.to_le_bytes()).collect();
        self.extension(subtype, 4, &bytes)
    }

    /// The extension records, then the Dictionary Termination Record.
    fn extensions(
        &mut self,
        variables: &[Variable],
        columns: &[Column],
        names: &[String],
        short: &[Vec<String>],
    ) -> Result<(), Error> {
        // Machine Integer Info Record: SPSS 20's conventions (its first with Unicode files),
        // IEEE 754 doubles, little-endian, UTF-8.
        self.extension_i32(3, &[20, 0, 0, -1, 1, 1, 2, 65001])?;
        // Machine Floating-Point Info Record: SYSMIS, HIGHEST, LOWEST.
        let lowest = f64::from_bits(SYSMIS.to_bits() - 1);
        let floats: Vec<u8> = [SYSMIS, f64::MAX, lowest]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        self.extension(4, 8, &floats)?;

        // Variable Display Parameter Record: one entry per segment, as readers count them.
        let mut display = Vec::new();
        for (variable, column) in variables.iter().zip(columns) {
            let measure = match variable.measure {
                Measure::Nominal => 1,
                Measure::Ordinal => 2,
                Measure::Scale => 3,
            };
            let (width, alignment) = match variable.kind {
                Kind::Numeric { decimals } => (numeric_width(decimals), 1), // right
                Kind::Text { width } => (int(width.min(32))?, 0),           // left
            };
            for _ in column.layout.segments() {
                display.extend([measure, width, alignment]);
            }
        }
        self.extension_i32(11, &display)?;

        // Long Variable Names Record: `SHORT=long`, tab-separated.
        let long: Vec<String> = short
            .iter()
            .zip(names)
            .map(|(short, long)| format!("{}={long}", short[0]))
            .collect();
        self.extension(13, 1, long.join("\t").as_bytes())?;

        // Very Long String Record: `SHORT=width` (five digits), each ended by NUL and tab.
        let very_long: String = columns
            .iter()
            .zip(short)
            .filter_map(|(column, short)| match column.layout {
                Layout::Text { width, ref segments } if segments.len() > 1 => {
                    Some(format!("{}={width:05}\0\t", short[0]))
                }
                _ => None,
            })
            .collect();
        if !very_long.is_empty() {
            self.extension(14, 1, very_long.as_bytes())?;
        }

        // Character Encoding Record.
        self.extension(20, 1, b"UTF-8")?;
        self.i32(999);
        self.i32(0);
        Ok(())
    }
}

/// Eight columns, or more when the decimals need them (a digit and the point besides).
fn numeric_width(decimals: u8) -> i32 {
    i32::from(decimals).max(6) + 2
}

/// Format F (type 5) with its width and decimals, packed as the format packs them.
fn numeric_format(decimals: u8) -> i32 {
    (5 << 16) | (numeric_width(decimals) << 8) | i32::from(decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_never_splits_a_character() {
        assert_eq!(cut("アンケート", 7), "アン");
        assert_eq!(cut("アンケート", 6), "アン");
        assert_eq!(cut("アンケート", 5), "ア");
        assert_eq!(cut("abc", 10), "abc");
        assert_eq!(cut("xあ", 2), "x");
        assert_eq!(cut("", 0), "");
    }

    #[test]
    fn text_up_to_255_bytes_is_one_segment_and_wider_text_one_per_252_bytes() {
        assert_eq!(segments(1), [1]);
        assert_eq!(segments(255), [255]);
        assert_eq!(segments(256), [255, 4]);
        assert_eq!(segments(600), [255, 255, 96]);
        assert_eq!(segments(1000), [255, 255, 255, 244]);
        assert_eq!(segments(20_000).len(), 80);
        assert_eq!(segments(20_000)[79], 20_000 - 79 * 252);
    }

    #[test]
    fn very_long_text_is_packed_255_bytes_to_a_segment() {
        let text = "x".repeat(300);
        let mut row = Vec::new();
        put_text(&mut row, &text, &segments(300));
        // Two segments: 255 wide (32 units) and 300 - 252 = 48 wide (6 units).
        assert_eq!(row.len(), 256 + 48);
        assert_eq!(&row[..255], "x".repeat(255).as_bytes());
        assert_eq!(row[255], b' ');
        assert_eq!(&row[256..301], "x".repeat(45).as_bytes());
        assert!(row[301..].iter().all(|&b| b == b' '));
    }

    #[test]
    fn numeric_formats_are_f8_with_their_decimals() {
        assert_eq!(numeric_format(0), 0x05_08_00);
        assert_eq!(numeric_format(2), 0x05_08_02);
        assert_eq!(numeric_format(16), 0x05_12_10);
    }
}
