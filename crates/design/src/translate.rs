//! A translator's round trip: a template's texts as XLIFF 2.0 (what translation agencies' tools
//! read) and the translations merged back into the TOML in place, keeping its layout and comments.
//!
//! Every localised text (`{ ja = "…", en = "…" }`) is one unit, named by its place in the template
//! (`sections.0.questions.2.options.1.label`); its source is the template's default language, its
//! target the language being translated (the existing translation, or empty). Importing refuses —
//! and reports every unit, by id — a target left empty or a source that changed since the export, so
//! the template written is always one the loader accepts.

use std::fmt::{self, Write as _};

use quick_xml::events::Event;
use survey_i18n::{Arg, Message, msg};
use toml_edit::{DocumentMut, Item, Value};

use crate::{Questionnaire, TemplateErrors};

/// What is wrong with a template or an XLIFF file, or with the units of an import.
#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    /// The template is not TOML.
    Toml(#[from] toml_edit::TomlError),
    NoDefaultLanguage,
    /// The language to translate into is not a language tag.
    Lang(String),
    /// The language to translate into is the template's default language, the source of every unit.
    SourceLanguage {
        lang: String,
    },
    /// The XML parser's own words (in English) on why it stopped at byte `at`.
    Xliff {
        at: u64,
        message: String,
    },
    UnknownEntity {
        at: u64,
        entity: String,
    },
    UnitWithoutId {
        at: u64,
    },
    /// The `xliff` element has no `trgLang`.
    NoTargetLanguage {
        at: u64,
    },
    /// Every unit that keeps the import from being written, one line each.
    Units(Vec<Message>),
    /// The merged template does not load.
    Invalid(TemplateErrors),
}

impl TranslateError {
    /// What is wrong, to be worded in the reader's language.
    pub fn message(&self) -> Message {
        let unreadable = |at: &u64, reason: Arg<'_>| {
            // A byte offset is a place in the file: `1234`, not `1,234`.
            msg!("design-xliff-unreadable", at = at.to_string(), reason = reason)
        };
        match self {
            // The parser's own words, in English: `toml_edit` has no others.
            Self::Toml(e) => msg!("design-translate-not-toml", error = e.to_string()),
            Self::NoDefaultLanguage => msg!("design-translate-no-default-language"),
            Self::Lang(tag) => msg!("design-translate-not-a-language", tag = tag),
            Self::SourceLanguage { lang } => msg!("design-translate-source-language", lang = lang),
            Self::Xliff { at, message } => unreadable(at, Arg::from(message)),
            Self::UnknownEntity { at, entity } => {
                unreadable(at, msg!("design-xliff-unknown-entity", entity = entity).into())
            }
            Self::UnitWithoutId { at } => unreadable(at, msg!("design-xliff-unit-without-id").into()),
            Self::NoTargetLanguage { at } => unreadable(at, msg!("design-xliff-no-target-language").into()),
            Self::Units(units) => msg!("design-problems", problems = Arg::Lines(units.clone())),
            Self::Invalid(errors) => msg!("design-translate-merged-invalid", problems = errors.message()),
        }
    }
}

/// In English, as the CLI prints it.
impl fmt::Display for TranslateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message(), f)
    }
}

/// One localised text of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its place in the template, e.g. `sections.0.questions.2.label`.
    pub id: String,
    /// Where it is, for the translator: `section s1 › question q2: label`.
    pub note: String,
    pub source: String,
    pub target: Option<String>,
}

/// The localised texts of a template, with the `lang` translation where there is one.
pub fn units(toml: &str, lang: &str) -> Result<(String, Vec<Unit>), TranslateError> {
    let doc: DocumentMut = toml.parse()?;
    let default = doc
        .get("default_language")
        .and_then(Item::as_str)
        .ok_or(TranslateError::NoDefaultLanguage)?
        .to_owned();
    check_lang(lang, &default)?;
    let languages = declared(&doc);
    let mut found = Vec::new();
    for (key, item) in doc.iter() {
        walk(item, key, &mut Vec::new(), &default, lang, &languages, &mut found);
    }
    Ok((default, found))
}

/// The template's texts as an XLIFF 2.0 document translating its default language into `lang`.
pub fn export(toml: &str, lang: &str, original: &str) -> Result<String, TranslateError> {
    let (default, units) = units(toml, lang)?;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        escape(&default),
        escape(lang)
    );
    let _ = writeln!(out, "  <file id=\"f1\" original=\"{}\">", escape(original));
    for unit in &units {
        let _ = writeln!(out, "    <unit id=\"{}\">", escape(&unit.id));
        let _ = writeln!(
            out,
            "      <notes><note category=\"location\">{}</note></notes>",
            escape(&unit.note)
        );
        let _ = writeln!(out, "      <segment>");
        let _ = writeln!(out, "        <source>{}</source>", escape(&unit.source));
        let _ = writeln!(
            out,
            "        <target>{}</target>",
            escape(unit.target.as_deref().unwrap_or(""))
        );
        let _ = writeln!(out, "      </segment>");
        let _ = writeln!(out, "    </unit>");
    }
    out.push_str("  </file>\n</xliff>\n");
    Ok(out)
}

/// The template with the XLIFF file's translations merged in (and the language declared), or every
/// unit that is untranslated, whose source changed since the export, or that the template lacks.
pub fn import(toml: &str, xliff: &str) -> Result<String, TranslateError> {
    let (lang, translated) = read_xliff(xliff)?;
    let mut doc: DocumentMut = toml.parse()?;
    let (_, current) = units(toml, &lang)?;
    let mut problems = Vec::new();
    for unit in &current {
        match translated.iter().find(|(id, _, _)| *id == unit.id) {
            None => problems.push(msg!("design-unit-not-in-xliff", unit = &unit.id)),
            // Quoted as Rust writes strings, so that a changed space or line break shows.
            Some((_, source, _)) if *source != unit.source => problems.push(msg!(
                "design-unit-source-changed",
                unit = &unit.id,
                now = format!("{:?}", unit.source),
                file = format!("{source:?}")
            )),
            Some((_, _, target)) if target.trim().is_empty() => {
                problems.push(msg!("design-unit-untranslated", unit = &unit.id, note = &unit.note));
            }
            Some(_) => {}
        }
    }
    for (id, _, _) in &translated {
        if !current.iter().any(|u| &u.id == id) {
            problems.push(msg!("design-unit-not-in-template", unit = id));
        }
    }
    if !problems.is_empty() {
        return Err(TranslateError::Units(problems));
    }
    for (id, _, target) in &translated {
        if let Some(text) = text_at(&mut doc, id) {
            let same = text.get(&lang).and_then(Item::as_str) == Some(target.as_str());
            if !same {
                text.insert(&lang, toml_edit::value(target.as_str()));
            }
        }
    }
    if let Some(languages) = doc.get_mut("languages").and_then(Item::as_array_mut)
        && !languages.iter().any(|l| l.as_str() == Some(lang.as_str()))
    {
        languages.push(lang.as_str());
    }
    let merged = doc.to_string();
    Questionnaire::from_toml(&merged, "merged.toml").map_err(TranslateError::Invalid)?;
    Ok(merged)
}

fn check_lang(lang: &str, default: &str) -> Result<(), TranslateError> {
    crate::Lang::parse(lang).map_err(|_| TranslateError::Lang(lang.to_owned()))?;
    if lang == default {
        return Err(TranslateError::SourceLanguage { lang: lang.to_owned() });
    }
    Ok(())
}

fn declared(doc: &DocumentMut) -> Vec<String> {
    doc.get("languages")
        .and_then(Item::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// Whether these keys are those of a localised text: the default language and other declared (or
/// the translated) languages, nothing else.
fn is_text<'a>(mut keys: impl Iterator<Item = &'a str>, default: &str, lang: &str, languages: &[String]) -> bool {
    let mut has_default = false;
    let all_languages = keys.all(|k| {
        has_default |= k == default;
        k == lang || languages.iter().any(|l| l == k)
    });
    all_languages && has_default
}

fn walk(
    item: &Item,
    key: &str,
    path: &mut Vec<String>,
    default: &str,
    lang: &str,
    languages: &[String],
    found: &mut Vec<Unit>,
) {
    path.push(key.to_owned());
    match item {
        Item::Value(value) => walk_value(value, path, default, lang, languages, found),
        Item::Table(table) => {
            if is_text(table.iter().map(|(k, _)| k), default, lang, languages) {
                let get = |l: &str| table.get(l).and_then(Item::as_str).map(str::to_owned);
                push(found, path, get(default), get(lang));
            } else {
                for (k, v) in table.iter() {
                    walk(v, k, path, default, lang, languages, found);
                }
            }
        }
        Item::ArrayOfTables(tables) => {
            for (i, table) in tables.iter().enumerate() {
                path.push(i.to_string());
                for (k, v) in table.iter() {
                    walk(v, k, path, default, lang, languages, found);
                }
                path.pop();
            }
        }
        Item::None => {}
    }
    path.pop();
}

fn walk_value(
    value: &Value,
    path: &mut Vec<String>,
    default: &str,
    lang: &str,
    languages: &[String],
    found: &mut Vec<Unit>,
) {
    match value {
        Value::InlineTable(table) => {
            if is_text(table.iter().map(|(k, _)| k), default, lang, languages) {
                let get = |l: &str| table.get(l).and_then(Value::as_str).map(str::to_owned);
                push(found, path, get(default), get(lang));
            } else {
                for (k, v) in table.iter() {
                    path.push(k.to_owned());
                    walk_value(v, path, default, lang, languages, found);
                    path.pop();
                }
            }
        }
        Value::Array(array) => {
            for (i, v) in array.iter().enumerate() {
                path.push(i.to_string());
                walk_value(v, path, default, lang, languages, found);
                path.pop();
            }
        }
        _ => {}
    }
}

fn push(found: &mut Vec<Unit>, path: &[String], source: Option<String>, target: Option<String>) {
    let Some(source) = source else { return };
    found.push(Unit {
        id: path.join("."),
        note: note(path),
        source,
        target,
    });
}

/// `section 0 › question 2 › option 1: label` from `sections.0.questions.2.options.1.label`.
fn note(path: &[String]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < path.len() {
        match path.get(i + 1).and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => {
                let kind = path[i].trim_end_matches('s');
                parts.push(format!("{kind} {}", n + 1));
                i += 2;
            }
            None => {
                parts.push(path[i].clone());
                i += 1;
            }
        }
    }
    match parts.split_last() {
        Some((field, [])) => field.clone(),
        Some((field, place)) => format!("{}: {field}", place.join(" › ")),
        None => String::new(),
    }
}

/// A place in a template while walking down to a unit's text.
enum Node<'a> {
    Item(&'a mut Item),
    Table(&'a mut toml_edit::Table),
    Value(&'a mut Value),
}

/// The localised text at a unit's place, for writing a translation into it.
fn text_at<'a>(doc: &'a mut DocumentMut, id: &str) -> Option<&'a mut dyn toml_edit::TableLike> {
    let mut node = Node::Table(doc.as_table_mut());
    for part in id.split('.') {
        node = match node {
            Node::Table(t) | Node::Item(Item::Table(t)) => Node::Item(t.get_mut(part)?),
            Node::Item(Item::ArrayOfTables(a)) => Node::Table(a.get_mut(part.parse().ok()?)?),
            Node::Item(Item::Value(v)) | Node::Value(v) => match v {
                Value::InlineTable(t) => Node::Value(t.get_mut(part)?),
                Value::Array(a) => Node::Value(a.get_mut(part.parse().ok()?)?),
                _ => return None,
            },
            Node::Item(Item::None) => return None,
        };
    }
    match node {
        Node::Item(item) => item.as_table_like_mut(),
        Node::Table(t) => Some(t),
        Node::Value(Value::InlineTable(t)) => Some(t),
        Node::Value(_) => None,
    }
}

/// A unit read back: (id, source, target).
type Translated = (String, String, String);

/// The target language and each unit of an XLIFF 2.0 document.
fn read_xliff(xliff: &str) -> Result<(String, Vec<Translated>), TranslateError> {
    let mut reader = quick_xml::Reader::from_str(xliff);
    let bad = |reader: &quick_xml::Reader<&[u8]>, message: String| TranslateError::Xliff {
        at: reader.buffer_position(),
        message,
    };
    let mut lang = None;
    let mut units = Vec::new();
    let (mut id, mut source, mut target) = (None::<String>, String::new(), String::new());
    // Which element's text is being read: the source, the target, or neither.
    let mut into: Option<bool> = None;
    loop {
        let event = reader.read_event().map_err(|e| bad(&reader, e.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let attribute = |name: &str| -> Result<Option<String>, TranslateError> {
                    match e.try_get_attribute(name) {
                        Ok(Some(a)) => a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| Some(v.into_owned()))
                            .map_err(|err| TranslateError::Xliff {
                                at: 0,
                                message: err.to_string(),
                            }),
                        Ok(None) => Ok(None),
                        Err(err) => Err(TranslateError::Xliff {
                            at: 0,
                            message: err.to_string(),
                        }),
                    }
                };
                match e.local_name().as_ref() {
                    "xliff" => lang = attribute("trgLang")?,
                    "unit" => {
                        id = attribute("id")?;
                        source.clear();
                        target.clear();
                    }
                    "source" => into = Some(true),
                    "target" => into = Some(false),
                    _ => {}
                }
            }
            Event::Text(t) => match into {
                Some(true) => source.push_str(&t.xml10_content()),
                Some(false) => target.push_str(&t.xml10_content()),
                None => {}
            },
            Event::CData(c) => {
                let text = c.xml10_content().into_owned();
                match into {
                    Some(true) => source.push_str(&text),
                    Some(false) => target.push_str(&text),
                    None => {}
                }
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().map_err(|e| bad(&reader, e.to_string()))? {
                    Some(c) => c.to_string(),
                    None => match r.into_inner().as_ref() {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        other => {
                            return Err(TranslateError::UnknownEntity {
                                at: reader.buffer_position(),
                                entity: other.to_owned(),
                            });
                        }
                    },
                };
                match into {
                    Some(true) => source.push_str(&text),
                    Some(false) => target.push_str(&text),
                    None => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "source" | "target" => into = None,
                "unit" => {
                    let unit = id.take().ok_or(TranslateError::UnitWithoutId {
                        at: reader.buffer_position(),
                    })?;
                    units.push((unit, std::mem::take(&mut source), std::mem::take(&mut target)));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let lang = lang.ok_or(TranslateError::NoTargetLanguage {
        at: reader.buffer_position(),
    })?;
    Ok((lang, units))
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}
