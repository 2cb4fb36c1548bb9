//! The fonts of every chart and PDF, compiled in, so that no document depends on the fonts of the
//! machine that renders it (see `fonts/`, each with its licence): IPAex Gothic for Japanese, Noto
//! Sans for Latin scripts (Vietnamese included), Noto Sans CJK SC and KR for Chinese and Korean,
//! Noto Sans Devanagari for Nepali. A PDF names them in the order that suits its language, and
//! typst takes each character from the first font that has it.

use std::sync::Once;

/// The family charts are drawn in.
pub const FAMILY: &str = "IPAexGothic";

/// Every font as (family, file).
pub const FONTS: &[(&str, &[u8])] = &[
    ("IPAexGothic", include_bytes!("../fonts/ipaexgothic/ipaexg.ttf")),
    ("Noto Sans", include_bytes!("../fonts/noto-sans/NotoSans-Regular.ttf")),
    (
        "Noto Sans CJK SC",
        include_bytes!("../fonts/noto-sans-sc/NotoSansSC-Regular.otf"),
    ),
    (
        "Noto Sans CJK KR",
        include_bytes!("../fonts/noto-sans-kr/NotoSansKR-Regular.otf"),
    ),
    (
        "Noto Sans Devanagari",
        include_bytes!("../fonts/noto-sans-devanagari/NotoSansDevanagari-Regular.ttf"),
    ),
];

/// The families in the order a document in `lang` should try them: its own script's first, so
/// that characters shared between scripts (Han, punctuation) take that script's shapes.
pub fn families(lang: &str) -> Vec<&'static str> {
    let first: &[&str] = match lang.split('-').next().unwrap_or("") {
        "ja" => &["IPAexGothic", "Noto Sans"],
        "zh" => &["Noto Sans CJK SC", "Noto Sans"],
        "ko" => &["Noto Sans CJK KR", "Noto Sans"],
        "ne" | "hi" | "mr" => &["Noto Sans Devanagari", "Noto Sans"],
        _ => &["Noto Sans"],
    };
    let mut order: Vec<&str> = first.to_vec();
    order.extend(FONTS.iter().map(|(family, _)| *family).filter(|f| !first.contains(f)));
    order
}

/// Every font, for resvg's text layout (built once per process).
pub fn database() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
    static DATABASE: std::sync::LazyLock<std::sync::Arc<resvg::usvg::fontdb::Database>> =
        std::sync::LazyLock::new(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            for (_, bytes) in FONTS {
                db.load_font_data(bytes.to_vec());
            }
            std::sync::Arc::new(db)
        });
    DATABASE.clone()
}

/// Makes the chart font known to plotters' text rendering (once per process).
pub fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are compiled in and checked by the tests; a failure here would only drop
        // text from bitmaps, which the chart tests would see.
        let _ = plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, FONTS[0].1);
    });
}
