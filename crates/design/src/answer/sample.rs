//! Random valid answers, in the JSON a respondent's browser sends: for property tests, load tools
//! and synthetic data sets. Every shown required question is answered, optional ones sometimes,
//! hidden ones never; "other", exclusive options, "n/a" and decimals all occur.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use serde_json::{Map, Value as Json, json};

use crate::questionnaire::{Question, QuestionKind, Questionnaire};
use crate::text::Lang;

/// Largest magnitude of a drawn number, in units of its last decimal: half of what a [`Decimal`]
/// holds exactly (2^53), so that the answer's trip through a float (`units / 10^decimals` here, back
/// to units in validation) cannot round past that limit.
///
/// [`Decimal`]: crate::Decimal
const LARGEST_UNITS: i64 = 1 << 52;

/// One respondent's answers. `text` writes a free text of at most the given number of characters;
/// an optional question is answered with probability `answer_optional`. Scale points and ratings
/// are drawn uniformly.
pub fn sample_answers<R: Rng>(
    q: &Questionnaire,
    rng: &mut R,
    answer_optional: f64,
    text: &mut impl FnMut(&mut R, u32) -> String,
) -> Map<String, Json> {
    sample_leaning(q, rng, answer_optional, None, text)
}

/// The same, from a respondent whose attitude is `lean` (0 = the low end of every scale, 1 = the
/// high end): scale points and ratings gather around it, as real answers do.
pub fn sample_leaning<R: Rng>(
    q: &Questionnaire,
    rng: &mut R,
    answer_optional: f64,
    lean: Option<f64>,
    text: &mut impl FnMut(&mut R, u32) -> String,
) -> Map<String, Json> {
    let mut answers = Map::new();
    for question in q.questions() {
        let so_far = q.draft_answers(&Json::Object(answers.clone()));
        let shown = question.show_if().is_none_or(|c| c.holds(&|id| so_far.get(id)));
        if shown && (question.required() || rng.random_bool(answer_optional)) {
            let answer = match (question.kind(), lean) {
                (QuestionKind::Likert { scale, reverse }, Some(lean)) => {
                    json!(point(
                        rng,
                        1,
                        i64::from(scale.points()),
                        if *reverse { 1.0 - lean } else { lean }
                    ))
                }
                (QuestionKind::Rating { .. }, Some(lean)) => json!(point(rng, 0, 10, lean)),
                (QuestionKind::Matrix { scale, items, .. }, Some(lean)) => Json::Object(
                    items
                        .iter()
                        .map(|item| {
                            let lean = if item.reverse() { 1.0 - lean } else { lean };
                            (
                                item.id().to_string(),
                                json!(point(rng, 1, i64::from(scale.points()), lean)),
                            )
                        })
                        .collect(),
                ),
                _ => sample_answer(question, rng, text),
            };
            answers.insert(question.id().to_string(), answer);
        }
    }
    answers
}

/// A point of `low..=high` around `lean` (0–1), with the spread of real answers.
fn point(rng: &mut impl Rng, low: i64, high: i64, lean: f64) -> i64 {
    let noise: f64 = (0..3).map(|_| rng.random_range(-0.5..0.5)).sum::<f64>() * 0.45;
    let at = (lean + noise).clamp(0.0, 1.0);
    low + ((high - low) as f64 * at).round() as i64
}

/// Comments of the kind employees write about an alumni network, in `lang` (Japanese or English):
/// one to three different phrases on its support, rehiring, referrals, leaks, cost and effort, the
/// morale of those who stay, networking, events and newsletters, cut to `max` characters.
pub fn comment(lang: &Lang, rng: &mut impl Rng, max: u32) -> String {
    const JA: [&str; 24] = [
        "退職した人とのつながりが続くのは良いと思います。",
        "情報漏えいが心配です。",
        "運営の負担が大きくならないか気になります。",
        "元社員の再入社の機会が増えるなら賛成です。",
        "残る社員の士気への影響を考えてほしい。",
        "出戻りの社員を歓迎する雰囲気があると良いです。",
        "退職者からの紹介で採用できれば助かります。",
        "社外の知見を得られる貴重な場になりそうです。",
        "交流イベントは年に一、二回で十分だと思います。",
        "ニュースレターはあまり読まれないのではないでしょうか。",
        "誰が費用を負担するのか明確にしてください。",
        "競合他社に移った人との接点には注意が必要です。",
        "辞めた人ばかり優遇されているように感じます。",
        "人事部だけでなく現場の社員も関わるべきです。",
        "個人情報の扱いをきちんと決めてほしい。",
        "オンラインで気軽に参加できる形が良いです。",
        "在籍中の社員にもメリットがあるようにしてほしい。",
        "人材の流出を認める仕組みにならないか不安です。",
        "元同僚に仕事の相談ができるのはありがたい。",
        "特に意見はありません。",
        "参加は任意にしてください。",
        "取引先として協力できる関係が築けそうです。",
        "社内の機密を話さないルールが必要です。",
        "運営に手間をかけるより今いる社員を大切にしてほしい。",
    ];
    const EN: [&str; 24] = [
        "Keeping in touch with people who left sounds good.",
        "I worry about company information leaking.",
        "Running it might take more effort than it is worth.",
        "I support it if it makes rehiring former colleagues easier.",
        "Please think about the morale of those who stay.",
        "Boomerang hires bring back valuable experience.",
        "Referrals from alumni could help our hiring.",
        "It would be a good way to learn from people outside the company.",
        "One or two events a year would be enough.",
        "I doubt many people would read a newsletter.",
        "Who pays for it should be made clear.",
        "Be careful with people who joined competitors.",
        "It feels like those who left get more attention than those who stayed.",
        "Not only HR but also the teams should be involved.",
        "Rules for handling personal data are needed first.",
        "An online group would be easier to join than meetings.",
        "Current employees should benefit from it too.",
        "I am afraid it makes leaving look normal.",
        "Being able to ask former colleagues for advice is helpful.",
        "No particular opinion.",
        "Joining should be voluntary.",
        "Former employees could become customers or partners.",
        "We need clear rules about confidential topics.",
        "The money would be better spent on the people who are here.",
    ];
    let (pool, separator) = if lang.is_japanese() { (&JA, "") } else { (&EN, " ") };
    let phrases = rng.random_range(1..=3);
    let text = pool
        .choose_multiple(rng, phrases)
        .copied()
        .collect::<Vec<_>>()
        .join(separator);
    text.chars().take(max as usize).collect()
}

/// One valid answer to `question`.
pub fn sample_answer<R: Rng>(question: &Question, rng: &mut R, text: &mut impl FnMut(&mut R, u32) -> String) -> Json {
    match question.kind() {
        QuestionKind::SingleChoice(c) => match (c.other(), c.options().choose(rng)) {
            (Some(other), _) if rng.random_bool(0.2) => json!({ "other": text(rng, other.max_length()) }),
            (_, Some(option)) => json!(option.id()),
            (Some(other), None) => json!({ "other": text(rng, other.max_length()) }),
            (None, None) => Json::Null,
        },
        QuestionKind::MultipleChoice { choices, min, max } => {
            let exclusive: Vec<_> = choices.options().iter().filter(|o| o.exclusive()).collect();
            if let Some(only) = exclusive.choose(rng).filter(|_| *min <= 1 && rng.random_bool(0.2)) {
                return json!([only.id()]);
            }
            let mut pool: Vec<Json> = choices
                .options()
                .iter()
                .filter(|o| !o.exclusive())
                .map(|o| json!(o.id()))
                .collect();
            if let Some(other) = choices.other() {
                pool.push(json!({ "other": text(rng, other.max_length()) }));
            }
            let most = (*max as usize).min(pool.len());
            let k = rng.random_range(((*min).max(1) as usize).min(most)..=most);
            pool.shuffle(rng);
            Json::Array(pool.into_iter().take(k).collect())
        }
        QuestionKind::Likert { scale, .. } => {
            if scale.not_applicable().is_some() && rng.random_bool(0.1) {
                json!(super::NOT_APPLICABLE)
            } else {
                json!(rng.random_range(1..=scale.points()))
            }
        }
        QuestionKind::Rating { .. } => json!(rng.random_range(0..=10)),
        QuestionKind::Number { min, max, decimals, .. } => {
            // In units of the last decimal, exactly (the bounds carry the question's decimals). A
            // missing bound lies 1000 beyond the other one, or at 0 when that is on the right side.
            let scale = 10i64.pow(u32::from(*decimals));
            let span = 1000 * scale;
            let (lo, hi) = match (min.map(|d| d.units), max.map(|d| d.units)) {
                (Some(lo), Some(hi)) => (lo, hi),
                (Some(lo), None) => (lo, lo.saturating_add(span)),
                (None, Some(hi)) if hi < 0 => (hi.saturating_sub(span), hi),
                (None, Some(hi)) => (0, hi),
                (None, None) => (0, span),
            };
            // Kept within what an answer holds exactly, but never outside the question's bounds.
            let units = rng.random_range(lo.max(-LARGEST_UNITS).min(hi)..=hi.min(LARGEST_UNITS).max(lo));
            json!(units as f64 / scale as f64)
        }
        QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length } => {
            json!(text(rng, *max_length))
        }
        QuestionKind::Matrix { scale, items, .. } => {
            let mut map = Map::new();
            for item in items {
                if question.required() || rng.random_bool(0.7) {
                    map.insert(item.id().to_string(), json!(rng.random_range(1..=scale.points())));
                }
            }
            if map.is_empty()
                && let Some(first) = items.first()
            {
                map.insert(first.id().to_string(), json!(1));
            }
            Json::Object(map)
        }
        QuestionKind::Ranking { options, top, .. } => {
            let mut ids: Vec<Json> = options.iter().map(|o| json!(o.id())).collect();
            ids.shuffle(rng);
            Json::Array(ids.into_iter().take(*top as usize).collect())
        }
    }
}
