//! The data file and its codebook as CSV: UTF-8 with a byte order mark, so that Excel in Japan
//! opens it as UTF-8 rather than Shift_JIS.

use std::io::Write;

use survey_design::Lang;
use survey_i18n::t;

use crate::dictionary::{Measure, Value, Variable};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the CSV of a data file: a header of variable names, then a row per response as it comes.
pub struct DataCsv<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> DataCsv<W> {
    pub fn new(mut out: W, variables: &[Variable]) -> std::io::Result<Self> {
        out.write_all(BOM)?;
        let mut out = csv::Writer::from_writer(out);
        out.write_record(variables.iter().map(|v| v.name.as_str()))?;
        Ok(Self { out })
    }

    pub fn row(&mut self, values: &[Value]) -> std::io::Result<()> {
        let cells = values.iter().map(|v| match v {
            Value::Number(n) => n.to_string(),
            Value::Text(t) => t.clone(),
            Value::Missing => String::new(),
        });
        Ok(self.out.write_record(cells)?)
    }

    pub fn finish(self) -> std::io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

/// The codebook: per variable its name, label, kind, measure, codes with their labels and the codes
/// that are missing values, headed in `lang`.
pub fn codebook(out: impl Write, variables: &[Variable], lang: &Lang) -> std::io::Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut out = csv::Writer::from_writer(out);
    out.write_record([
        t!(lang, "data-codebook-variable"),
        t!(lang, "data-codebook-label"),
        t!(lang, "data-codebook-kind"),
        t!(lang, "data-codebook-measure"),
        t!(lang, "data-codebook-values"),
        t!(lang, "data-codebook-missing"),
    ])?;
    for v in variables {
        let kind = if v.text {
            t!(lang, "data-kind-text")
        } else {
            t!(lang, "data-kind-number")
        };
        let measure = match v.measure {
            Measure::Nominal => t!(lang, "data-measure-nominal"),
            Measure::Ordinal => t!(lang, "data-measure-ordinal"),
            Measure::Scale => t!(lang, "data-measure-scale"),
        };
        let values: Vec<String> = v
            .value_labels
            .iter()
            .map(|(code, label)| format!("{code} = {label}"))
            .collect();
        let missing: Vec<String> = v.missing.iter().map(f64::to_string).collect();
        out.write_record([
            v.name.as_str(),
            v.label.as_str(),
            kind.as_str(),
            measure.as_str(),
            values.join("; ").as_str(),
            missing.join("; ").as_str(),
        ])?;
    }
    out.flush()?;
    Ok(())
}
