//! Text on the slides: escaped for XML, measured so that nothing runs off a slide, and written as
//! DrawingML paragraphs.
//!
//! PowerPoint lays text out only when a slide is shown, so the deck has to know beforehand how
//! much fits: a paragraph's lines are counted here with the widths of the fonts the theme names
//! (full-width CJK, Arial's proportions for Latin, which Liberation Sans shares under
//! LibreOffice) and every paragraph is set with an exact line pitch, so a box of a given height
//! holds a known number of lines whatever East Asian font a machine substitutes.

use std::fmt::Write as _;

/// English Metric Units per point.
pub(super) const EMU_PER_PT: i64 = 12_700;
/// The line pitch, as a multiple of the font size.
const PITCH: f64 = 1.3;
/// A text box's left and right insets (PowerPoint's default, 0.1 inch).
pub(super) const INSET_X: i64 = 91_440;
/// A text box's top and bottom insets (0.05 inch).
pub(super) const INSET_Y: i64 = 45_720;
/// How far a bullet's text stands in from its bullet.
const BULLET_INDENT: i64 = 285_750;

/// `text` as XML character data or an attribute value: markup escaped, and what XML 1.0 cannot hold
/// at all (control characters but tab and line breaks, U+FFFE and U+FFFF) left out — a comment
/// is whatever a respondent typed.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// Bold, with room above it (but at the top of a box).
    Heading,
    /// A bulleted item.
    Bullet,
    /// A bulleted item going on from the page before: indented, without its bullet.
    Hanging,
    Plain,
    /// Smaller and grey: notes and explanations.
    Muted,
}

#[derive(Debug, Clone)]
pub(super) struct Para {
    pub text: String,
    pub style: Style,
}

impl Para {
    pub fn new(style: Style, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style,
        }
    }

    /// The font size of this paragraph in a box set at `size` points.
    fn size(&self, size: f64) -> f64 {
        if self.style == Style::Muted { size * 0.85 } else { size }
    }

    fn indent(&self) -> i64 {
        if matches!(self.style, Style::Bullet | Style::Hanging) {
            BULLET_INDENT
        } else {
            0
        }
    }

    /// Space above the paragraph, in points, unless it opens its box.
    fn space_before(&self, size: f64) -> f64 {
        match self.style {
            Style::Heading => size * 0.6,
            _ => size * 0.25,
        }
    }
}

/// The width of `c` in ems: CJK and Hangul full width, Latin in Arial's proportions (a little
/// wider, to be safe where another Latin font stands in), combining marks none.
fn em(c: char) -> f64 {
    let u = c as u32;
    match c {
        ' ' => 0.28,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | 'I' | 'f' | 't' | 'r' => 0.32,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.9,
        'A'..='Z' => 0.7,
        '0'..='9' | 'a'..='z' => 0.57,
        _ if u < 0x80 => 0.6,
        // Combining diacritics and Devanagari's vowel signs and viramas sit on their letter.
        _ if (0x0300..=0x036F).contains(&u) || (0x093A..=0x094F).contains(&u) || (0x0900..=0x0903).contains(&u) => 0.0,
        _ if wide(u) => 1.0,
        _ => 0.65,
    }
}

/// East Asian wide and full-width characters.
fn wide(u: u32) -> bool {
    matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x2_0000..=0x3_FFFD)
        // Symbols a CJK font draws full width: arrows, shapes (▲▼■), the em dash's neighbours.
        || matches!(u, 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x2600..=0x26FF)
}

/// The width in EMU of `text` on one line at `size` points.
pub(super) fn width(text: &str, size: f64) -> i64 {
    let ems: f64 = text.chars().map(em).sum();
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let emu = (ems * size * EMU_PER_PT as f64).ceil() as i64;
    emu
}

/// Where each line of `text` starts (byte offsets, the first 0), set `size` points high in a line
/// `width` EMU long: words of Latin script stay whole unless longer than a line, CJK breaks
/// between any two characters, and a line break in the text starts a new line.
pub(super) fn line_starts(text: &str, width: i64, size: f64) -> Vec<usize> {
    #[allow(clippy::cast_precision_loss)]
    let room = width as f64 / (size * EMU_PER_PT as f64);
    let mut starts = vec![0];
    let mut used = 0.0;
    // The word being read: where it starts and how wide it is so far.
    let mut word: Option<(usize, f64)> = None;
    let new_line = |at: usize, starts: &mut Vec<usize>| {
        if starts.last() != Some(&at) {
            starts.push(at);
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\n' {
            word = None;
            used = 0.0;
            new_line(i + 1, &mut starts);
            continue;
        }
        let w = em(c);
        let joins = !(c == ' ' || wide(c as u32));
        if used + w > room && used > 0.0 {
            match word {
                // The whole word moves to the next line, unless it began the line.
                Some((start, width)) if joins && starts.last() != Some(&start) => {
                    new_line(start, &mut starts);
                    used = width;
                }
                _ if c == ' ' => {
                    // A space at the end of a line takes no room.
                    word = None;
                    continue;
                }
                _ => {
                    new_line(i, &mut starts);
                    used = 0.0;
                    word = joins.then_some((i, 0.0));
                }
            }
        }
        used += w;
        word = if joins {
            let (start, width) = word.unwrap_or((i, 0.0));
            Some((start, width + w))
        } else {
            None
        };
    }
    starts
}

/// The height in EMU of `paras` set at `size` points in a box `width` EMU wide (insets included).
pub(super) fn height(paras: &[Para], width: i64, size: f64) -> i64 {
    let inner = width - 2 * INSET_X;
    let mut points = 0.0;
    for (i, p) in paras.iter().enumerate() {
        let s = p.size(size);
        if i > 0 {
            points += p.space_before(size);
        }
        #[allow(clippy::cast_precision_loss)]
        let lines = line_starts(&p.text, inner - p.indent(), s).len() as f64;
        points += lines * s * PITCH;
    }
    #[allow(clippy::cast_possible_truncation)]
    let emu = (points * EMU_PER_PT as f64).ceil() as i64;
    emu + 2 * INSET_Y
}

/// The largest of `sizes` (points, largest first) at which `paras` fit a `width` × `height` box.
pub(super) fn fitting(paras: &[Para], width: i64, room: i64, sizes: &[f64]) -> Option<f64> {
    sizes.iter().copied().find(|&s| height(paras, width, s) <= room)
}

/// `paras` at `size` points over as many `width` × `room` boxes as they need: a heading stays with
/// what follows it, and a paragraph longer than a box goes on in the next at a line's start.
pub(super) fn pages(paras: Vec<Para>, width: i64, room: i64, size: f64) -> Vec<Vec<Para>> {
    let mut pages: Vec<Vec<Para>> = Vec::new();
    let mut page: Vec<Para> = Vec::new();
    let mut queue: std::collections::VecDeque<Para> = paras.into();
    while let Some(p) = queue.pop_front() {
        page.push(p);
        if height(&page, width, size) <= room {
            continue;
        }
        let Some(p) = page.pop() else { continue };
        let left = if page.is_empty() {
            p
        } else {
            // What of the paragraph still fits here, if its first lines do.
            match split(&page, &p, width, room, size) {
                Some((here, rest)) if p.style != Style::Heading => {
                    page.push(here);
                    rest
                }
                _ => p,
            }
        };
        if page.is_empty() {
            // Alone it does not fit: as many lines as the box holds, the rest on the next.
            match split(&[], &left, width, room, size) {
                Some((here, rest)) => {
                    pages.push(vec![here]);
                    queue.push_front(rest);
                }
                None => pages.push(vec![left]),
            }
            continue;
        }
        queue.push_front(left);
        // A heading goes along with what it heads.
        if page.len() > 1
            && page.last().is_some_and(|last| last.style == Style::Heading)
            && let Some(heading) = page.pop()
        {
            queue.push_front(heading);
        }
        pages.push(std::mem::take(&mut page));
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

/// `p` cut at the start of a line so that its first part fits after `before`; `None` when not a
/// single line does (or all of it does). After other paragraphs, a cut leaves at least two lines
/// on either side, so no page opens or closes on a paragraph's lone line.
fn split(before: &[Para], p: &Para, width: i64, room: i64, size: f64) -> Option<(Para, Para)> {
    let inner = width - 2 * INSET_X - p.indent();
    let starts = line_starts(&p.text, inner, p.size(size));
    let least = if before.is_empty() { 1 } else { 2 };
    let mut fit = None;
    for (n, &at) in starts.iter().enumerate().skip(1) {
        let mut trial = before.to_vec();
        trial.push(Para::new(p.style, &p.text[..at]));
        if height(&trial, width, size) > room {
            break;
        }
        if n >= least && starts.len() - n >= least {
            fit = Some(at);
        }
    }
    let at = fit?;
    let here = Para::new(p.style, p.text[..at].trim_end());
    let going_on = if p.style == Style::Bullet {
        Style::Hanging
    } else {
        p.style
    };
    let rest = Para::new(going_on, p.text[at..].trim_start());
    Some((here, rest))
}

/// What every run of a slide's text shares: the report's language.
#[derive(Debug, Clone)]
pub(super) struct Ink {
    /// The language tag PowerPoint knows (`ja-JP`), for spelling and line breaking.
    pub lang: String,
}

/// A colour as DrawingML writes it, `RRGGBB`.
pub(super) fn hex(c: plotters::style::RGBColor) -> String {
    format!("{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

pub(super) const INK: &str = "212529";
/// Titles: the theme's dark blue.
pub(super) const TITLE_INK: &str = "1F3864";
pub(super) const MUTED: &str = "5C636A";

/// A run's properties: size in points, bold, colour, and the theme's fonts for Latin, East
/// Asian and complex scripts (so a Japanese group name in a Nepali deck is drawn by the
/// theme's East Asian font).
pub(super) fn run_props(ink: &Ink, size: f64, bold: bool, color: &str) -> String {
    let sz = hundredths(size);
    format!(
        r#"<a:rPr lang="{lang}" altLang="en-US" sz="{sz}" b="{b}" dirty="0"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:rPr>"#,
        lang = esc(&ink.lang),
        b = u8::from(bold),
    )
}

/// A run of `text`, its line breaks as `a:br`.
pub(super) fn runs(ink: &Ink, text: &str, size: f64, bold: bool, color: &str) -> String {
    let props = run_props(ink, size, bold, color);
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            let _ = write!(out, "<a:br>{props}</a:br>");
        }
        if !line.is_empty() {
            let _ = write!(out, "<a:r>{props}<a:t>{}</a:t></a:r>", esc(line));
        }
    }
    out
}

/// A size in points as DrawingML writes it, in hundredths.
pub(super) fn hundredths(points: f64) -> i64 {
    #[allow(clippy::cast_possible_truncation)]
    let h = (points * 100.0).round() as i64;
    h
}

/// The paragraph properties that fix the line pitch and the space above.
fn spacing(size: f64, before: f64) -> String {
    let (pitch, before) = (hundredths(size * PITCH), hundredths(before));
    format!(r#"<a:lnSpc><a:spcPts val="{pitch}"/></a:lnSpc><a:spcBef><a:spcPts val="{before}"/></a:spcBef>"#)
}

/// `paras` as `a:p` elements set at `size` points, aligned `algn` (`l`, `ctr`, `r`).
pub(super) fn paragraphs(ink: &Ink, paras: &[Para], size: f64, algn: &str) -> String {
    let mut out = String::new();
    for (i, p) in paras.iter().enumerate() {
        let s = p.size(size);
        let before = if i == 0 { 0.0 } else { p.space_before(size) };
        let space = spacing(s, before);
        let (bullet, margin) = match p.style {
            Style::Bullet => (
                r#"<a:buFont typeface="Arial"/><a:buChar char="•"/>"#,
                format!(r#" marL="{BULLET_INDENT}" indent="-{BULLET_INDENT}""#),
            ),
            Style::Hanging => ("<a:buNone/>", format!(r#" marL="{BULLET_INDENT}" indent="0""#)),
            _ => ("<a:buNone/>", r#" marL="0" indent="0""#.to_owned()),
        };
        let (bold, color) = match p.style {
            Style::Heading => (true, INK),
            Style::Muted => (false, MUTED),
            _ => (false, INK),
        };
        let _ = write!(
            out,
            r#"<a:p><a:pPr{margin} algn="{algn}">{space}{bullet}</a:pPr>{}<a:endParaRPr lang="{}" sz="{}" dirty="0"/></a:p>"#,
            runs(ink, &p.text, s, bold, color),
            esc(&ink.lang),
            hundredths(s),
        );
    }
    if out.is_empty() {
        out.push_str("<a:p/>");
    }
    out
}

/// One paragraph of `text` in a table cell or a single-line box.
pub(super) fn line(ink: &Ink, text: &str, size: f64, bold: bool, color: &str, algn: &str) -> String {
    format!(
        r#"<a:p><a:pPr marL="0" indent="0" algn="{algn}">{}<a:buNone/></a:pPr>{}<a:endParaRPr lang="{}" sz="{}" dirty="0"/></a:p>"#,
        spacing(size, 0.0),
        runs(ink, text, size, bold, color),
        esc(&ink.lang),
        hundredths(size),
    )
}

/// The number of lines `text` takes in a cell `width` EMU wide with `margin` on either side.
pub(super) fn lines_in(text: &str, width: i64, margin: i64, size: f64) -> i64 {
    i64::try_from(line_starts(text, width - 2 * margin, size).len()).unwrap_or(i64::MAX)
}

/// The height in EMU of `lines` lines at `size` points.
pub(super) fn lines_height(lines: i64, size: f64) -> i64 {
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let emu = (lines as f64 * size * PITCH * EMU_PER_PT as f64).ceil() as i64;
    emu
}

#[cfg(test)]
mod tests {
    use super::*;

    const INCH: i64 = 914_400;

    #[test]
    fn markup_is_escaped_and_what_xml_cannot_hold_is_left_out() {
        assert_eq!(esc("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(esc("bell\u{7}\u{b}ok\u{FFFF}\n"), "bellok\n");
    }

    #[test]
    fn japanese_breaks_anywhere_and_latin_between_words() {
        // 72 points of 12-point text hold six full-width characters a line.
        let starts = line_starts("あいうえおかきくけこさしすせそ", INCH, 12.0);
        assert_eq!(starts, [0, 18, 36]);
        let starts = line_starts("alpha beta gamma delta", INCH, 12.0);
        assert!(starts.len() > 1);
        for &at in &starts[1..] {
            assert!("alpha beta gamma delta"[..at].ends_with(' '), "{starts:?}");
        }
        assert_eq!(line_starts("one\ntwo", 10 * INCH, 12.0), [0, 4]);
        assert_eq!(line_starts("", INCH, 12.0), [0]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken() {
        let root = "0123456789abcdef".repeat(4);
        let starts = line_starts(&root, INCH, 12.0);
        assert!(starts.len() >= 4, "{starts:?}");
    }

    #[test]
    fn long_text_goes_on_over_pages_and_nothing_is_lost() {
        let long = "長い自由記述です。".repeat(200);
        let paras = vec![
            Para::new(Style::Heading, "見出し"),
            Para::new(Style::Bullet, "短い項目"),
            Para::new(Style::Bullet, long.clone()),
            Para::new(Style::Heading, "次の見出し"),
            Para::new(Style::Plain, "本文"),
        ];
        let (width, room) = (10 * INCH, 5 * INCH);
        let pages = pages(paras, width, room, 14.0);
        assert!(pages.len() >= 3, "{}", pages.len());
        for page in &pages {
            assert!(height(page, width, 14.0) <= room);
            assert_ne!(
                page.last().map(|p| p.style),
                Some(Style::Heading),
                "a heading left alone"
            );
        }
        let text: String = pages.iter().flatten().map(|p| p.text.as_str()).collect();
        assert_eq!(text, format!("見出し短い項目{long}次の見出し本文"));
    }
}
