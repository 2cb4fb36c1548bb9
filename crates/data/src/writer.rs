//! One writer for both formats of the data file, so the server and the command line write rows
//! without caring which was asked for.

use std::io::Write;

use crate::csv::DataCsv;
use crate::dictionary::{Measure, Value, Variable};
use crate::{Error, sav};

/// The data file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Sav,
}

impl Format {
    /// `csv` or `sav`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "csv" => Some(Self::Csv),
            "sav" => Some(Self::Sav),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Sav => "sav",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Sav => "application/x-spss-sav",
        }
    }
}

/// Writes a data file a row at a time.
pub enum Writer<W: Write> {
    Csv(Box<DataCsv<W>>),
    /// With which variables are texts: a text without an answer is blank in SPSS, not missing.
    Sav(sav::Writer<W>, Vec<bool>),
}

impl<W: Write> Writer<W> {
    /// A file of `variables`; `title` is the SPSS file label.
    pub fn new(format: Format, out: W, title: &str, variables: &[Variable]) -> Result<Self, Error> {
        Ok(match format {
            Format::Csv => Self::Csv(Box::new(DataCsv::new(out, variables)?)),
            Format::Sav => {
                let variables: Vec<sav::Variable> = variables.iter().map(sav_variable).collect();
                let texts = variables
                    .iter()
                    .map(|v| matches!(v.kind, sav::Kind::Text { .. }))
                    .collect();
                Self::Sav(sav::Writer::new(out, title, &variables)?, texts)
            }
        })
    }

    pub fn row(&mut self, values: &[Value]) -> Result<(), Error> {
        match self {
            Self::Csv(csv) => Ok(csv.row(values)?),
            Self::Sav(sav, texts) => {
                let values: Vec<sav::Value> = values
                    .iter()
                    .zip(texts.iter())
                    .map(|(v, text)| match (v, text) {
                        (Value::Number(n), _) => sav::Value::Number(*n),
                        (Value::Text(t), _) => sav::Value::Text(t.clone()),
                        (Value::Missing, true) => sav::Value::Text(String::new()),
                        (Value::Missing, false) => sav::Value::SystemMissing,
                    })
                    .collect();
                sav.case(&values)
            }
        }
    }

    pub fn finish(self) -> Result<W, Error> {
        match self {
            Self::Csv(csv) => Ok(csv.finish()?),
            Self::Sav(sav, _) => sav.finish(),
        }
    }
}

fn sav_variable(v: &Variable) -> sav::Variable {
    sav::Variable {
        name: v.name.clone(),
        label: v.label.clone(),
        kind: if v.text {
            sav::Kind::Text { width: v.width }
        } else {
            sav::Kind::Numeric { decimals: v.decimals }
        },
        measure: match v.measure {
            Measure::Nominal => sav::Measure::Nominal,
            Measure::Ordinal => sav::Measure::Ordinal,
            Measure::Scale => sav::Measure::Scale,
        },
        value_labels: v.value_labels.clone(),
        missing: v.missing.clone(),
    }
}
