//! The words of the documents: what a category, a group or a measure is called, in the report's
//! language, shared by every renderer.

use survey_analysis::Measure;
use survey_analysis::aggregate::{NOT_APPLICABLE, OTHER};
use survey_analysis::segment::SegmentLabel;
use survey_design::{ChoiceOption, Lang, QuestionKind, Questionnaire, Scale};
use survey_i18n::t;

/// The languages a report of `q` can be written in: those of its texts that have a reports catalog.
pub fn languages(q: &Questionnaire) -> Vec<Lang> {
    q.languages()
        .iter()
        .filter(|l| survey_i18n::has_area(l.as_str(), "reports"))
        .cloned()
        .collect()
}

/// The language of a document, and its fixed words.
#[derive(Debug, Clone)]
pub struct Words {
    lang: Lang,
}

impl Words {
    pub fn new(lang: &Lang) -> Self {
        Self { lang: lang.clone() }
    }

    /// The words of a report of `q` in `asked` (its default language when `None`): a language the
    /// questionnaire has texts in and the catalogs have the reports area for.
    pub fn of(q: &Questionnaire, asked: Option<&Lang>) -> Result<Self, crate::Error> {
        let lang = asked.unwrap_or_else(|| q.default_language());
        let offered = languages(q);
        if offered.contains(lang) {
            Ok(Self::new(lang))
        } else {
            Err(crate::Error::Language {
                asked: lang.to_string(),
                offered: offered.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            })
        }
    }

    /// A date as the report's language writes it.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        survey_i18n::date(self.lang.as_str(), date.year(), date.month(), date.day())
    }

    pub fn lang(&self) -> &Lang {
        &self.lang
    }

    /// A number with `decimals` digits after the language's decimal separator (`1,234.5`,
    /// `1.234,5`).
    pub fn number(&self, value: f64, decimals: usize) -> String {
        survey_i18n::number(self.lang.as_str(), value, decimals)
    }

    /// A count with the language's digit grouping.
    #[allow(clippy::cast_precision_loss)]
    pub fn count(&self, n: u64) -> String {
        self.number(n as f64, 0)
    }

    /// A share as a percentage with one decimal (`45.2%`, `45,2%`).
    pub fn percent(&self, share: f64) -> String {
        format!("{}%", self.number(share * 100.0, 1))
    }

    /// A change or a net score, its sign always written (`+3.5`, `-12`).
    pub fn signed(&self, value: f64, decimals: usize) -> String {
        let n = self.number(value, decimals);
        if n.starts_with('-') { n } else { format!("+{n}") }
    }

    /// The word for a merged attribute value ([`survey_analysis::MERGED`]).
    pub fn merged(&self) -> String {
        t!(self.lang, "report-other")
    }

    /// A group as people read it: `department: Sales · tenure: other` (see
    /// [`SegmentLabel::describe`]). A segment of the report that is no well-formed label (an
    /// offline file may name its groups as it likes) reads as it is written.
    pub fn segment(&self, label: &str) -> String {
        SegmentLabel::parse(label).map_or_else(|_| label.to_owned(), |l| l.describe(&self.merged()))
    }

    /// A group by its values only (`Sales · other`), for narrow column heads.
    pub fn segment_short(&self, label: &str) -> String {
        SegmentLabel::parse(label).map_or_else(|_| label.to_owned(), |l| l.describe_values(&self.merged()))
    }

    pub fn everyone(&self) -> String {
        t!(self.lang, "report-everyone")
    }

    pub fn hidden(&self) -> String {
        t!(self.lang, "report-hidden")
    }

    /// The row (or column) of the hidden groups' figure together ([`survey_analysis::Together`]).
    /// Not "その他", which already names merged attribute values ([`Self::merged`]): this sums up
    /// exactly the groups marked [`Self::hidden`].
    pub fn together(&self) -> String {
        t!(self.lang, "report-hidden-groups-together")
    }

    /// The question's text, with the statement's for a matrix item.
    pub fn measure(&self, q: &Questionnaire, m: &Measure) -> String {
        let Some(question) = q.question(&m.question) else {
            return m.question.clone();
        };
        let text = question.text().get(&self.lang).to_owned();
        match (question.kind(), &m.item) {
            (QuestionKind::Matrix { items, .. }, Some(id)) => items
                .iter()
                .find(|i| i.id().as_str() == id)
                .map_or(text, |i| i.text().get(&self.lang).to_owned()),
            _ => text,
        }
    }

    /// What a category key stands for.
    pub fn category(&self, kind: &QuestionKind, key: &str) -> String {
        let ui = &self.lang;
        let option = |options: &[ChoiceOption]| {
            options
                .iter()
                .find(|o| o.id().as_str() == key)
                .map(|o| o.label().get(ui).to_owned())
        };
        let scale = |scale: &Scale| match key {
            NOT_APPLICABLE => scale.not_applicable().map(|t| t.get(ui).to_owned()),
            point => point
                .parse::<u8>()
                .ok()
                .and_then(|p| scale.label(p))
                .map(|t| format!("{key}. {}", t.get(ui))),
        };
        let label = match kind {
            QuestionKind::SingleChoice(c) | QuestionKind::MultipleChoice { choices: c, .. } => {
                if key == OTHER {
                    c.other().map(|o| o.label().get(ui).to_owned())
                } else {
                    option(c.options())
                }
            }
            QuestionKind::Likert { scale: s, .. } | QuestionKind::Matrix { scale: s, .. } => scale(s),
            QuestionKind::Ranking { options, .. } => option(options),
            _ => None,
        };
        label.unwrap_or_else(|| key.to_owned())
    }
}
