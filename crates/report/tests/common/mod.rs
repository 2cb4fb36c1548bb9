//! The report the render and deck tests share.

use survey_analysis::{Aggregate, report};
use survey_design::Questionnaire;
use survey_report::{Document, Meta, Words};

pub const TEMPLATE: &str = include_str!("../../../analysis/tests/fixtures/three-questions.toml");

/// A report with hidden groups: 営業 (30) shown; 法務 (2) hidden, and 開発 (20) with it, or 法務 would
/// be everyone minus the other two.
pub fn hidden_group_report(lang: &str, meta: Meta) -> (Questionnaire, survey_analysis::Report, Document) {
    let q = Questionnaire::from_toml(TEMPLATE, "t.toml").unwrap();
    let mut data = Aggregate::new(&q);
    for (segment, n) in [("department=営業", 30), ("department=法務", 2), ("department=開発", 20)] {
        for i in 0..n {
            let answers = serde_json::json!({ "rating": i % 11, "agree": 1 + i % 5, "pick": "a" });
            data.add(&q, segment, &q.validate_answers(&answers).unwrap());
        }
    }
    let invited = vec![
        ("department=営業".to_owned(), 40),
        ("department=法務".to_owned(), 4),
        ("department=開発".to_owned(), 25),
    ];
    let r = report::build(&q, &data, &invited, 5, 10, &mut |_| {});
    let doc = Document::new(&q, &r, meta, Words::new(&survey_design::Lang::parse(lang).unwrap()));
    (q, r, doc)
}
