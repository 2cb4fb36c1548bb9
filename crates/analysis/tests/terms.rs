#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Frequent terms: what IPADIC really yields for Japanese comments, English words, stop words, and
//! counting per comment.

use rand::SeedableRng;
use rand::rngs::SmallRng;
use survey_analysis::terms::{self, TermCounter};
use survey_design::Lang;
use survey_design::answer::sample::comment;

fn counted(comments: &[&str]) -> TermCounter {
    let mut counter = TermCounter::new();
    for text in comments {
        counter.add(text);
    }
    counter
}

#[test]
fn the_committed_dictionary_loads() {
    terms::load_dictionary().unwrap();
}

#[test]
fn japanese_comments_give_their_content_words() {
    assert_eq!(terms::terms("情報漏えいが心配です。"), ["情報", "漏えい", "心配"]);
    assert_eq!(
        terms::terms("会社の情報が漏れるのは困ります"),
        ["会社", "情報", "漏れる", "困る"]
    );
    assert_eq!(
        terms::terms("元社員の再入社の機会が増えるなら賛成です。"),
        // 元 and 再 are prefixes.
        ["社員", "入社", "機会", "増える", "賛成"]
    );
}

#[test]
fn japanese_verbs_and_adjectives_count_in_their_base_form() {
    assert_eq!(
        terms::terms("ニュースレターを読みたいです。紹介制度が使いやすくなると嬉しい。"),
        ["ニュースレター", "読む", "紹介", "制度", "使う", "嬉しい"]
    );
    assert_eq!(
        terms::terms("運営の負担が大きくならないか気になります。"),
        ["運営", "負担", "大きい"]
    );
    assert_eq!(terms::terms("イベントは楽しかった。"), ["イベント", "楽しい"]);
}

#[test]
fn japanese_stop_words_and_function_words_are_left_out() {
    // する, こと, ある, よう, なる, 思う; particles and auxiliaries.
    assert!(terms::terms("することがあるようになると思います。").is_empty());
    // 私 and それ are pronouns, 特に an adverb, ない and いい stop words, 件 a stop word.
    assert!(terms::terms("この件について、私は特にないです。それでいい。").is_empty());
    // Numbers, counters, symbols and single kana.
    assert_eq!(terms::terms("2024年に3回ぐらいイベントがあった！？ね"), ["イベント"]);
    // 人 of 「辞めた人」, the 者 suffix of 退職者, ほしい after a verb.
    assert_eq!(
        terms::terms("退職した人とのつながりが続くのは良いと思います。"),
        ["退職", "つながり", "続く", "良い"]
    );
    assert_eq!(
        terms::terms("残る社員の士気への影響を考えてほしい。"),
        ["残る", "社員", "士気", "影響"]
    );
}

#[test]
fn full_width_and_half_width_forms_are_one_term() {
    assert_eq!(terms::terms("ＯＢ会のＳＮＳで交流したい。"), ["ob", "sns", "交流"]);
    assert_eq!(terms::terms("OB会のSNSで交流したい。"), ["ob", "sns", "交流"]);
    assert_eq!(terms::terms("ｲﾍﾞﾝﾄは楽しかった。"), ["イベント", "楽しい"]);
}

#[test]
fn english_comments_give_their_words_without_stop_words() {
    assert_eq!(
        terms::terms("I worry about company information leaking."),
        ["worry", "company", "information", "leaking"]
    );
    assert_eq!(
        terms::terms("Don't you think it's the company's job? Rehiring former colleagues is GREAT!"),
        ["think", "company", "job", "rehiring", "former", "colleagues", "great"]
    );
    // Single letters, digits and contractions are not words.
    assert_eq!(
        terms::terms("I'm 100% sure: it is a B+ idea, isn't it?"),
        ["sure", "idea"]
    );
    assert!(terms::terms("").is_empty());
}

#[test]
fn mixed_comments_are_split_as_japanese_with_english_words_kept() {
    assert_eq!(
        terms::terms("Slack is fine but 情報漏えい is a risk."),
        ["slack", "fine", "情報", "漏えい", "risk"]
    );
    let counter = counted(&["Slackでの交流は楽しそう。", "I use Slack every day."]);
    assert_eq!(counter.frequent(2, 10), [("slack".to_owned(), 2)]);
}

#[test]
fn a_term_counts_once_per_comment() {
    let counter = counted(&[
        "心配、心配、とても心配です。",
        "worry worry WORRY",
        "情報漏えいが心配です。",
    ]);
    assert_eq!(counter.comments(), 3);
    assert_eq!(
        counter.frequent(1, 10),
        [
            ("心配".to_owned(), 2),
            ("worry".to_owned(), 1),
            ("情報".to_owned(), 1),
            ("漏えい".to_owned(), 1)
        ]
    );
}

#[test]
fn terms_below_the_threshold_are_not_shown_and_the_limit_holds() {
    let counter = counted(&[
        "情報漏えいが心配です。",
        "情報の扱いが心配。",
        "情報が漏れないか。",
        "社員の士気が心配です。",
        "",
    ]);
    assert_eq!(counter.comments(), 5);
    assert_eq!(
        counter.frequent(3, 10),
        [("心配".to_owned(), 3), ("情報".to_owned(), 3)]
    );
    assert_eq!(counter.frequent(3, 1), [("心配".to_owned(), 3)]);
    assert!(counter.frequent(4, 10).is_empty());
    let two: Vec<String> = counter.frequent(1, 100).into_iter().map(|(term, _)| term).collect();
    // Most frequent first, ties by term.
    assert_eq!(two, ["心配", "情報", "士気", "扱い", "漏えい", "漏れる", "社員"]);
}

#[test]
fn counters_merged_equal_one_counter_of_everything() {
    let comments = [
        "情報漏えいが心配です。",
        "I worry about leaks.",
        "情報が漏れないか心配。",
        "Leaks worry me.",
    ];
    let mut left = counted(&comments[..2]);
    left.merge(counted(&comments[2..]));
    assert_eq!(left, counted(&comments));
}

#[test]
fn synthetic_comments_vary_are_reproducible_and_fit() {
    for code in ["ja", "en"] {
        let lang = Lang::parse(code).unwrap();
        let draw = |seed| {
            let mut rng = SmallRng::seed_from_u64(seed);
            (0..300).map(|_| comment(&lang, &mut rng, 60)).collect::<Vec<_>>()
        };
        let comments = draw(7);
        assert_eq!(comments, draw(7));
        assert!(comments.iter().all(|c| !c.is_empty() && c.chars().count() <= 60));
        let distinct: std::collections::HashSet<_> = comments.iter().collect();
        assert!(distinct.len() > 100, "{code}: {} distinct comments", distinct.len());
        let mut counter = TermCounter::new();
        comments.iter().for_each(|c| counter.add(c));
        assert!(
            counter.frequent(10, 100).len() >= 20,
            "{code}: {:?}",
            counter.frequent(10, 100)
        );
    }
}
