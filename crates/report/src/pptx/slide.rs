//! A slide and the shapes on it (PresentationML `p:sld`): placeholders for the titles and running
//! text, so the client can change layouts and restyle the deck from its master, and text boxes,
//! tables and chart frames placed where the deck puts them.

use std::fmt::Write as _;

use super::chart::{Part, Placed};
use super::text::{INK, INSET_X, INSET_Y, Ink, MUTED, Para, esc, line, paragraphs, runs};

/// A slide's size: 16:9, 13.333 × 7.5 inches.
pub(super) const WIDTH: i64 = 12_192_000;
pub(super) const HEIGHT: i64 = 6_858_000;
pub(super) const INCH: i64 = 914_400;
const MARGIN: i64 = INCH / 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
}

impl Rect {
    fn xfrm(self, prefix: &str) -> String {
        format!(
            r#"<{prefix}:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></{prefix}:xfrm>"#,
            self.x, self.y, self.w, self.h
        )
    }
}

/// Where the title of a slide goes, above the accent rule.
pub(super) const TITLE: Rect = Rect {
    x: MARGIN,
    y: 228_600,
    w: WIDTH - 2 * MARGIN,
    h: 868_680,
};
/// The accent rule under the title.
pub(super) const RULE: Rect = Rect {
    x: MARGIN,
    y: 1_143_000,
    w: WIDTH - 2 * MARGIN,
    h: 27_432,
};
/// Where a slide's content goes, between the rule and the footer.
pub(super) const BODY: Rect = Rect {
    x: MARGIN,
    y: 1_325_880,
    w: WIDTH - 2 * MARGIN,
    h: 4_937_760,
};
/// The footer line: the confidentiality mark and the survey on the left, the slide's number on
/// the right.
pub(super) const FOOTER: Rect = Rect {
    x: MARGIN,
    y: 6_400_800,
    w: WIDTH - 2 * MARGIN,
    h: 320_040,
};
/// The title slide's title and subtitle.
pub(super) const COVER_TITLE: Rect = Rect {
    x: 822_960,
    y: 1_371_600,
    w: 10_515_600,
    h: 1_737_360,
};
pub(super) const COVER_SUBTITLE: Rect = Rect {
    x: 822_960,
    y: 3_291_840,
    w: 10_515_600,
    h: 2_103_120,
};
/// The title slide's note at its foot.
pub(super) const COVER_NOTE: Rect = Rect {
    x: 822_960,
    y: 5_577_840,
    w: 10_515_600,
    h: 822_960,
};

/// The slide layouts of the deck's master, in their order there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// The title slide: centred title and subtitle.
    Title,
    /// A title and running text (the body placeholder).
    Content,
    /// A title over shapes the slide places itself.
    TitleOnly,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Title, Layout::Content, Layout::TitleOnly];

    /// The layout's part number (`slideLayoutN.xml`).
    pub fn number(self) -> usize {
        match self {
            Self::Title => 1,
            Self::Content => 2,
            Self::TitleOnly => 3,
        }
    }
}

/// A table cell: its text, fill and ink.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    pub text: String,
    pub fill: Option<String>,
    pub color: String,
    pub bold: bool,
    pub algn: &'static str,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            fill: None,
            color: INK.to_owned(),
            bold: false,
            algn: "l",
        }
    }
}

/// A table cell's margins.
pub(super) const CELL_X: i64 = 64_008;
pub(super) const CELL_Y: i64 = 36_576;

pub(super) struct Slide {
    pub layout: Layout,
    shapes: String,
    pub charts: Vec<Placed>,
    last_id: u32,
}

impl Slide {
    pub fn new(layout: Layout) -> Self {
        Self {
            layout,
            shapes: String::new(),
            charts: Vec::new(),
            // 1 is the shape tree's own.
            last_id: 1,
        }
    }

    fn id(&mut self) -> u32 {
        self.last_id += 1;
        self.last_id
    }

    /// A placeholder of the layout filled with `body` (`a:p` elements); its place and look come
    /// from the layout and the master.
    fn placeholder(&mut self, ph: &str, name: &str, body: &str) {
        let id = self.id();
        let _ = write!(
            self.shapes,
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name} {}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
            id - 1
        );
    }

    /// The slide's title, `size` points.
    pub fn title(&mut self, ink: &Ink, text: &str, size: f64) {
        let ph = if self.layout == Layout::Title {
            r#"<p:ph type="ctrTitle"/>"#
        } else {
            r#"<p:ph type="title"/>"#
        };
        let body = line(ink, text, size, true, super::text::TITLE_INK, "l");
        self.placeholder(ph, "Title", &body);
    }

    /// The title slide's subtitle.
    pub fn subtitle(&mut self, ink: &Ink, paras: &[Para], size: f64) {
        let body = paragraphs(ink, paras, size, "l");
        self.placeholder(r#"<p:ph type="subTitle" idx="1"/>"#, "Subtitle", &body);
    }

    /// Running text in the layout's body placeholder.
    pub fn body(&mut self, ink: &Ink, paras: &[Para], size: f64) {
        let body = paragraphs(ink, paras, size, "l");
        self.placeholder(r#"<p:ph type="body" idx="1"/>"#, "Content", &body);
    }

    /// A text box at `at`, filled with `fill` (none when `None`), its text anchored `anchor`
    /// (`t`, `ctr`, `b`).
    pub fn text(&mut self, ink: &Ink, at: Rect, paras: &[Para], size: f64, fill: Option<&str>, anchor: &str) {
        let body = paragraphs(ink, paras, size, "l");
        self.text_box(at, &body, fill, anchor);
    }

    /// A legend on one line: a square of each colour before its name.
    pub fn legend(&mut self, ink: &Ink, at: Rect, names: &[String], colors: &[String], size: f64) {
        let mut body = String::from(r#"<a:p><a:pPr marL="0" indent="0" algn="l"><a:buNone/></a:pPr>"#);
        for (name, color) in names.iter().zip(colors) {
            body.push_str(&runs(ink, "■ ", size, false, color));
            body.push_str(&runs(ink, &format!("{name}    "), size, false, MUTED));
        }
        body.push_str("</a:p>");
        self.text_box(at, &body, None, "t");
    }

    fn text_box(&mut self, at: Rect, body: &str, fill: Option<&str>, anchor: &str) {
        let id = self.id();
        let fill = fill.map_or_else(
            || "<a:noFill/>".to_owned(),
            |f| format!(r#"<a:solidFill><a:srgbClr val="{f}"/></a:solidFill>"#),
        );
        let _ = write!(
            self.shapes,
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Text {}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="{INSET_X}" tIns="{INSET_Y}" rIns="{INSET_X}" bIns="{INSET_Y}" anchor="{anchor}" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
            id - 1,
            at.xfrm("a"),
        );
    }

    /// A table (`a:tbl`) at `at` with columns `widths` wide and rows `heights` high, its text
    /// `size` points.
    pub fn table(&mut self, ink: &Ink, at: Rect, widths: &[i64], rows: &[Vec<Cell>], heights: &[i64], size: f64) {
        let id = self.id();
        let mut grid = String::new();
        for w in widths {
            let _ = write!(grid, r#"<a:gridCol w="{w}"/>"#);
        }
        let border = |side: &str| {
            format!(
                r#"<a:{side} w="12700" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:prstDash val="solid"/></a:{side}>"#
            )
        };
        let borders: String = ["lnL", "lnR", "lnT", "lnB"].iter().map(|s| border(s)).collect();
        let mut body = String::new();
        for (row, h) in rows.iter().zip(heights) {
            let _ = write!(body, r#"<a:tr h="{h}">"#);
            for cell in row {
                let fill = cell.fill.as_deref().map_or_else(
                    || "<a:noFill/>".to_owned(),
                    |f| format!(r#"<a:solidFill><a:srgbClr val="{f}"/></a:solidFill>"#),
                );
                let _ = write!(
                    body,
                    r#"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{}</a:txBody><a:tcPr marL="{CELL_X}" marR="{CELL_X}" marT="{CELL_Y}" marB="{CELL_Y}" anchor="ctr">{borders}{fill}</a:tcPr></a:tc>"#,
                    line(ink, &cell.text, size, cell.bold, &cell.color, cell.algn)
                );
            }
            body.push_str("</a:tr>");
        }
        let _ = write!(
            self.shapes,
            r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Table {}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="0"/><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"#,
            id - 1,
            at.xfrm("p")
        );
    }

    /// A native chart at `at`, described for screen readers as `name`.
    pub fn chart(&mut self, at: Rect, part: Part, name: &str) {
        let id = self.id();
        self.charts.push(part.place(at.w, at.h));
        // rId1 is the layout; the charts follow in order.
        let rel = self.charts.len() + 1;
        let _ = write!(
            self.shapes,
            r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Chart {}" descr="{}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId{rel}"/></a:graphicData></a:graphic></p:graphicFrame>"#,
            id - 1,
            esc(name),
            at.xfrm("p")
        );
    }

    /// The slide part.
    pub fn xml(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>{}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
            TREE_HEAD, self.shapes
        )
    }
}

/// The opening of every shape tree: its own id and an untransformed group.
pub(super) const TREE_HEAD: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;
