//! The one error of the data crate: a dictionary the file format cannot hold, a case that does not
//! fit its variables, or the output failing. Variables are named as the caller gave them.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the data file could not be written")]
    Io(#[from] std::io::Error),
    #[error("a data file needs at least one variable")]
    NoVariables,
    #[error("variable `{variable}`: a text width of {width} bytes is out of range; give 1 to 32767")]
    Width { variable: String, width: usize },
    #[error("variable `{variable}`: {decimals} decimals are too many; give at most 16")]
    Decimals { variable: String, decimals: u8 },
    #[error("variable `{variable}`: value labels and missing values are for numeric variables only")]
    TextLabels { variable: String },
    #[error("variable `{variable}`: {count} missing values given; the format holds at most 3")]
    TooManyMissing { variable: String, count: usize },
    #[error("variable `{variable}`: {value} is not a finite number; use Value::SystemMissing for no answer")]
    NotFinite { variable: String, value: f64 },
    #[error("the dictionary is too large for a data file; split the variables across files")]
    TooLarge,
    #[error("a case has {given} values but the file has {expected} variables")]
    Count { expected: usize, given: usize },
    #[error("variable `{variable}` is {expected} but the case gives it {given}")]
    Kind {
        variable: String,
        expected: &'static str,
        given: &'static str,
    },
    #[error("variable `{variable}`: a text of {length} bytes is longer than its width of {width} bytes")]
    TooLong {
        variable: String,
        length: usize,
        width: usize,
    },
}
