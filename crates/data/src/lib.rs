//! Response data in the files analysis packages read, for the research firms that take a survey's
//! raw data further than its report: the variables of a questionnaire and each response's values
//! ([`dictionary`]), the group column merged up to the anonymity threshold ([`groups`]), written as
//! CSV ([`csv`], with its codebook) or as SPSS's system file ([`sav`]), which SPSS, PSPP, R (haven)
//! and Python (pyreadstat) all open, through one [`Writer`]; row by row, so an export of a million
//! rows streams.
//!
//! ```
//! use survey_data::sav::{Kind, Measure, Value, Variable, Writer};
//!
//! # fn main() -> Result<(), survey_data::Error> {
//! let variables = [Variable {
//!     name: "recommend".into(),
//!     label: "この会社を友人に勧めますか".into(),
//!     kind: Kind::Numeric { decimals: 0 },
//!     measure: Measure::Ordinal,
//!     value_labels: vec![(0.0, "勧めない".into()), (10.0, "強く勧める".into())],
//!     missing: vec![99.0],
//! }];
//! let mut writer = Writer::new(Vec::new(), "従業員アンケート", &variables)?;
//! assert_eq!(writer.names(), ["recommend"]);
//! writer.case(&[Value::Number(9.0)])?;
//! writer.case(&[Value::SystemMissing])?;
//! let bytes = writer.finish()?;
//! assert!(bytes.starts_with(b"$FL2"));
//! # Ok(())
//! # }
//! ```

pub mod csv;
pub mod dictionary;
pub mod error;
pub mod groups;
pub mod sav;
mod writer;

pub use csv::codebook;
pub use dictionary::{Value, Variable, variables};
pub use error::Error;
pub use groups::Groups;
pub use writer::{Format, Writer};
