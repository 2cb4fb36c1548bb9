//! Frequent terms of free-text comments: per term, in how many comments it occurs.
//!
//! Japanese has no spaces between words, so a comment with kana or kanji goes through a real
//! morphological analyser (lindera with the IPADIC dictionary, committed under
//! `dictionary/ipadic` and inflated on first use); other text is split into words. Only content
//! words count: nouns, and verbs and adjectives in their dictionary form, so 「心配です」 and
//! 「心配しています」 both count as 心配; particles, auxiliaries and the stop words below do not.
//!
//! A term counts once per comment, so one long comment repeating a word cannot push it up the
//! list, and `frequent(k, …)` with the comment threshold as `k` shows no term that fewer than `k`
//! people wrote.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::io::Read;
use std::rc::Rc;
use std::sync::{Arc, LazyLock};

use flate2::read::GzDecoder;
use lindera::dictionary::Dictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera::worker::SegmentWorker;
use lindera_dictionary::dictionary::character_definition::CharacterDefinition;
use lindera_dictionary::dictionary::connection_cost_matrix::ConnectionCostMatrix;
use lindera_dictionary::dictionary::metadata::Metadata;
use lindera_dictionary::dictionary::prefix_dictionary::PrefixDictionary;
use lindera_dictionary::dictionary::unknown_dictionary::UnknownDictionary;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Counts, per term, the number of distinct comments it occurs in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermCounter {
    counts: HashMap<String, u64>,
    comments: u64,
}

impl TermCounter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts each distinct term of one comment once.
    pub fn add(&mut self, comment: &str) {
        let mut terms = Vec::new();
        collect_terms(comment, &mut terms);
        terms.sort_unstable();
        terms.dedup();
        for term in terms {
            match self.counts.get_mut(&*term) {
                Some(count) => *count += 1,
                None => {
                    self.counts.insert(term.to_string(), 1);
                }
            }
        }
        self.comments += 1;
    }

    /// The comments added, with or without terms.
    pub fn comments(&self) -> u64 {
        self.comments
    }

    /// Terms occurring in at least `min_comments` distinct comments, most frequent first (ties by
    /// term), at most `limit`.
    pub fn frequent(&self, min_comments: u64, limit: usize) -> Vec<(String, u64)> {
        let mut terms: Vec<(&String, u64)> = self
            .counts
            .iter()
            .filter(|(_, count)| **count >= min_comments)
            .map(|(term, count)| (term, *count))
            .collect();
        terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        terms
            .into_iter()
            .take(limit)
            .map(|(term, count)| (term.clone(), count))
            .collect()
    }

    /// Adds the counts of another counter, as if its comments had been added here (for counting
    /// in parallel).
    pub fn merge(&mut self, other: TermCounter) {
        for (term, count) in other.counts {
            *self.counts.entry(term).or_default() += count;
        }
        self.comments += other.comments;
    }
}

/// The distinct terms of one comment, in order of first occurrence.
pub fn terms(comment: &str) -> Vec<String> {
    let mut all = Vec::new();
    collect_terms(comment, &mut all);
    let mut seen = HashSet::new();
    all.into_iter()
        .filter(|term| seen.insert(term.clone()))
        .map(|term| term.to_string())
        .collect()
}

/// Inflates the Japanese dictionary now rather than in the first report that needs it (about 0.1 s
/// and 55 MB, once per process). An error means that Japanese comments yield no terms.
pub fn load_dictionary() -> Result<(), &'static str> {
    SEGMENTER.as_ref().map(|_| ()).map_err(String::as_str)
}

/// Shared within a thread: the Japanese path hands out the same term for every occurrence of a
/// dictionary word from its cache.
type Term = Rc<str>;

fn collect_terms(comment: &str, out: &mut Vec<Term>) {
    if comment.chars().any(is_japanese) {
        japanese_terms(comment, out);
    } else {
        english_terms(comment, out);
    }
}

/// Kana and kanji (CJK ideographs with their extensions and compatibility forms, 々, half-width
/// katakana): text with any of them is Japanese, whatever Latin words it also holds.
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{2FA1F}')
}

// --- English ---

/// A standard English stop-word list (NLTK's, without the contractions, which `english_word`
/// drops whole), with a few more modal and filler words.
#[rustfmt::skip]
static ENGLISH_STOP_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    HashSet::from([
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "etc", "even", "ever", "few", "for", "from",
        "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me",
        "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "yours", "yourself", "yourselves",
    ])
});

fn english_terms(text: &str, out: &mut Vec<Term>) {
    for word in text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')) {
        if let Some(term) = english_word(word) {
            out.push(term);
        }
    }
}

/// A word as a term: in lower case, without a possessive 's; `None` for a stop word, a single
/// letter, a contraction (don't, it's, I'm: all function words) or anything but letters.
fn english_word(word: &str) -> Option<Term> {
    let word = word.trim_matches(|c| c == '\'' || c == '’');
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if word.chars().nth(1).is_none() || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let lower = if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    (!ENGLISH_STOP_WORDS.contains(&*lower)).then(|| Term::from(&*lower))
}

// --- Japanese ---

/// Content words too common in comments to say anything: light verbs (する, なる, できる),
/// 思う of 「〜と思います」, formal nouns (こと, もの, ため), 人 of 「辞めた人」, and their like.
#[rustfmt::skip]
const JAPANESE_STOP_WORDS: &[&str] = &[
    "する", "ある", "いる", "なる", "れる", "られる", "せる", "させる", "できる", "出来る", "思う", "考える",
    "言う", "いう", "おる", "くる", "来る", "いく", "行く", "みる", "見る", "やる", "くれる", "もらう",
    "いただく", "くださる", "下さる", "ござる", "ない", "いい", "よい", "こと", "もの", "よう", "ため", "ところ",
    "とき", "時", "方", "ほう", "人", "件", "感じ", "点", "場合", "他", "ほか", "等",
    "など", "的", "気",
];

static SEGMENTER: LazyLock<Result<Segmenter, String>> = LazyLock::new(|| {
    load_ipadic()
        .map(|dictionary| Segmenter::new(Mode::Normal, dictionary, None))
        .map_err(|err| format!("the Japanese dictionary does not load: {err}"))
});

/// What a thread needs to tokenize: a worker, which keeps its lattice from one comment to the
/// next, and what each dictionary word seen so far counts as (the same for every occurrence,
/// and looking it up in the dictionary costs more than the rest of the counting).
struct Japanese {
    worker: SegmentWorker,
    words: HashMap<u32, Option<Term>>,
}

thread_local! {
    static JAPANESE: RefCell<Option<Japanese>> = const { RefCell::new(None) };
}

fn japanese_terms(text: &str, out: &mut Vec<Term>) {
    let Ok(segmenter) = SEGMENTER.as_ref() else {
        return;
    };
    // Full-width Latin letters and digits and half-width katakana are what Japanese input
    // methods type; NFKC makes 「ＯＢ会」 and 「OB会」 one term.
    let text = match is_nfkc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfkc().collect()),
    };
    JAPANESE.with_borrow_mut(|state| {
        let Japanese { worker, words } = state.get_or_insert_with(|| Japanese {
            worker: segmenter.new_worker(),
            words: HashMap::new(),
        });
        let Ok(tokens) = worker.segment(&text) else {
            return;
        };
        for token in &tokens {
            let id = token.word_id.id();
            let term = if token.word_id.is_unknown() {
                let details = token.dictionary.unknown_word_details_iter(id as usize);
                japanese_word(&token.surface, details)
            } else {
                words
                    .entry(id)
                    .or_insert_with(|| japanese_word(&token.surface, token.dictionary.word_details_iter(id as usize)))
                    .clone()
            };
            out.extend(term);
        }
    });
}

/// The term of one token, from IPADIC's fields: part of speech, three subcategories, conjugation
/// form and type, base form, reading, pronunciation (unknown words stop before the reading).
fn japanese_word<'a>(surface: &'a str, mut details: impl Iterator<Item = &'a str>) -> Option<Term> {
    // Latin words inside Japanese text (SNS, Slack) count as in English comments, whatever part of
    // speech IPADIC guesses for them.
    if surface.is_ascii() {
        return english_word(surface);
    }
    let (pos, sub) = (details.next()?, details.next()?);
    let content = match pos {
        // Not 非自立 (の, ん), 代名詞, 数, 接尾 (者 of 退職者), 副詞可能 (今, 最近), 特殊.
        "名詞" => matches!(
            sub,
            "一般" | "固有名詞" | "サ変接続" | "形容動詞語幹" | "ナイ形容詞語幹"
        ),
        "動詞" | "形容詞" => sub == "自立",
        _ => false,
    };
    if !content {
        return None;
    }
    let term = details.nth(4).filter(|base| *base != "*").unwrap_or(surface);
    let mut chars = term.chars();
    let single_kana = chars.next().is_some_and(|c| matches!(c, '\u{3040}'..='\u{30FF}')) && chars.next().is_none();
    let meaningful = term.chars().any(char::is_alphabetic) && !single_kana && !JAPANESE_STOP_WORDS.contains(&term);
    meaningful.then(|| Term::from(term))
}

// --- The dictionary ---

/// Built from Debian's mecab-ipadic by `examples/build_ipadic.rs`; see `dictionary/ipadic/README.md`.
macro_rules! ipadic {
    ($file:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/dictionary/ipadic/", $file, ".gz"))
    };
}

static METADATA: &[u8] = ipadic!("metadata.json");
static CHAR_DEF: &[u8] = ipadic!("char_def.bin");
static UNKNOWN: &[u8] = ipadic!("unk.bin");
static MATRIX: &[u8] = ipadic!("matrix.mtx");
static TRIE: &[u8] = ipadic!("dict.trie");
static VALS_IDX: &[u8] = ipadic!("dict.valsidx");
static VALS: &[u8] = ipadic!("dict.vals");
static WORDS_IDX: &[u8] = ipadic!("dict.wordsidx");
static WORDS: &[u8] = ipadic!("dict.words");

fn load_ipadic() -> Result<Dictionary, Box<dyn Error>> {
    let metadata = Metadata::load(&inflate(METADATA)?)?;
    // A dictionary built by another lindera version would otherwise decode into garbage.
    metadata.validate_format_version()?;
    // dict.words, two thirds of the bytes, inflates on a second thread while the rest inflate here.
    let (words, rest) = std::thread::scope(|scope| {
        let words = scope.spawn(|| inflate(WORDS));
        let rest = (|| -> std::io::Result<_> {
            Ok((
                inflate(TRIE)?,
                inflate(VALS_IDX)?,
                inflate(VALS)?,
                inflate(WORDS_IDX)?,
                inflate(MATRIX)?,
            ))
        })();
        (words.join(), rest)
    });
    let words = words.map_err(|_| "inflating the dictionary panicked")??;
    let (trie, vals_idx, vals, words_idx, matrix) = rest?;
    Ok(Dictionary {
        prefix_dictionary: Arc::new(PrefixDictionary::load(trie, vals_idx, vals, words_idx, words)?),
        connection_cost_matrix: Arc::new(ConnectionCostMatrix::load(matrix)?),
        character_definition: Arc::new(CharacterDefinition::load(&inflate(CHAR_DEF)?)?),
        unknown_dictionary: Arc::new(UnknownDictionary::load(&inflate(UNKNOWN)?)?),
        metadata: Arc::new(metadata),
    })
}

fn inflate(gz: &[u8]) -> std::io::Result<Vec<u8>> {
    // gzip ends with the inflated size (mod 2^32, and these files are far smaller), so the buffer
    // is allocated once instead of doubling up to it.
    let size = gz
        .last_chunk::<4>()
        .map_or(0, |size| u32::from_le_bytes(*size) as usize);
    let mut raw = Vec::with_capacity(size);
    GzDecoder::new(gz).read_to_end(&mut raw)?;
    Ok(raw)
}
