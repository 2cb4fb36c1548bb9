//! The one font of every chart and PDF, compiled in: IPAex Gothic covers Japanese and Latin text,
//! so no document depends on the fonts of the machine that renders it (see `fonts/ipaexgothic`).

use std::sync::Once;

pub const FAMILY: &str = "IPAexGothic";
pub const BYTES: &[u8] = include_bytes!("../fonts/ipaexgothic/ipaexg.ttf");

/// Makes the font known to plotters' text rendering (once per process).
pub fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are compiled in and checked by the tests; a failure here would only drop
        // text from bitmaps, which the chart tests would see.
        let _ = plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, BYTES);
    });
}
