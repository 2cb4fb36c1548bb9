//! The deck as an Open Packaging Conventions zip (ECMA-376 Part 2): the content types, the
//! relationships and every part PowerPoint requires of a presentation — the presentation itself,
//! one slide master with the three layouts the deck uses, a theme, the presentation, view and
//! table-style properties, the document properties — then the slides, their charts and the
//! charts' workbooks.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::slide::{BODY, COVER_SUBTITLE, COVER_TITLE, FOOTER, HEIGHT, Layout, RULE, Slide, TITLE, TREE_HEAD, WIDTH};
use super::text::{INK, Ink, MUTED, TITLE_INK, esc, run_props};
use crate::error::Error;

/// What the master and the document properties say of the deck.
pub(super) struct Deck<'a> {
    pub title: &'a str,
    /// The footer of every slide but the first.
    pub footer: &'a str,
    pub ink: &'a Ink,
    /// The report's language as the catalogs name it (`ja`, `zh-Hans`), for the theme's fonts.
    pub lang: &'a str,
}

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PML: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// The package: every part, `[Content_Types].xml` first.
pub(super) fn write(slides: &[Slide], deck: &Deck) -> Result<Vec<u8>, Error> {
    let mut zip = Zip::new();
    let charts: usize = slides.iter().map(|s| s.charts.len()).sum();
    zip.add("[Content_Types].xml", &content_types(slides.len(), charts))?;
    zip.add(
        "_rels/.rels",
        &rels(&[
            ("officeDocument", "ppt/presentation.xml"),
            (
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("extended-properties", "docProps/app.xml"),
        ]),
    )?;
    zip.add("docProps/core.xml", &core(deck))?;
    zip.add("docProps/app.xml", &app(slides.len()))?;
    zip.add("ppt/presentation.xml", &presentation(slides.len(), deck.ink))?;
    let mut presentation_rels = vec![
        ("slideMaster", "slideMasters/slideMaster1.xml".to_owned()),
        ("presProps", "presProps.xml".to_owned()),
        ("viewProps", "viewProps.xml".to_owned()),
        ("theme", "theme/theme1.xml".to_owned()),
        ("tableStyles", "tableStyles.xml".to_owned()),
    ];
    presentation_rels.extend((1..=slides.len()).map(|n| ("slide", format!("slides/slide{n}.xml"))));
    let presentation_rels: Vec<(&str, &str)> = presentation_rels.iter().map(|(t, p)| (*t, p.as_str())).collect();
    zip.add("ppt/_rels/presentation.xml.rels", &rels(&presentation_rels))?;
    zip.add("ppt/presProps.xml", &format!("{DECLARATION}<p:presentationPr {NS}/>"))?;
    zip.add(
        "ppt/viewProps.xml",
        &format!(
            r#"{DECLARATION}<p:viewPr {NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>"#
        ),
    )?;
    zip.add(
        "ppt/tableStyles.xml",
        &format!(
            r#"{DECLARATION}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
        ),
    )?;
    zip.add("ppt/theme/theme1.xml", &theme(deck.lang))?;
    zip.add("ppt/slideMasters/slideMaster1.xml", &master(deck))?;
    let mut master_rels: Vec<(&str, String)> = Layout::ALL
        .iter()
        .map(|l| ("slideLayout", format!("../slideLayouts/slideLayout{}.xml", l.number())))
        .collect();
    master_rels.push(("theme", "../theme/theme1.xml".to_owned()));
    let master_rels: Vec<(&str, &str)> = master_rels.iter().map(|(t, p)| (*t, p.as_str())).collect();
    zip.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", &rels(&master_rels))?;
    for layout in Layout::ALL {
        let n = layout.number();
        zip.add(
            &format!("ppt/slideLayouts/slideLayout{n}.xml"),
            &self::layout(layout, deck.ink),
        )?;
        zip.add(
            &format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"),
            &rels(&[("slideMaster", "../slideMasters/slideMaster1.xml")]),
        )?;
    }
    let mut chart = 0;
    for (i, slide) in slides.iter().enumerate() {
        let n = i + 1;
        zip.add(&format!("ppt/slides/slide{n}.xml"), &slide.xml())?;
        let mut slide_rels = vec![(
            "slideLayout",
            format!("../slideLayouts/slideLayout{}.xml", slide.layout.number()),
        )];
        for part in &slide.charts {
            chart += 1;
            slide_rels.push(("chart", format!("../charts/chart{chart}.xml")));
            zip.add(&format!("ppt/charts/chart{chart}.xml"), &part.xml)?;
            let workbook = format!("Microsoft_Excel_Worksheet{chart}.xlsx");
            zip.add(
                &format!("ppt/charts/_rels/chart{chart}.xml.rels"),
                &rels(&[(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package",
                    &format!("../embeddings/{workbook}"),
                )]),
            )?;
            zip.add_bytes(&format!("ppt/embeddings/{workbook}"), &part.workbook)?;
        }
        let slide_rels: Vec<(&str, &str)> = slide_rels.iter().map(|(t, p)| (*t, p.as_str())).collect();
        zip.add(&format!("ppt/slides/_rels/slide{n}.xml.rels"), &rels(&slide_rels))?;
    }
    zip.finish()
}

struct Zip {
    writer: ZipWriter<Cursor<Vec<u8>>>,
    options: SimpleFileOptions,
}

impl Zip {
    fn new() -> Self {
        Self {
            writer: ZipWriter::new(Cursor::new(Vec::new())),
            options: SimpleFileOptions::default().compression_method(CompressionMethod::Deflated),
        }
    }

    fn add(&mut self, name: &str, text: &str) -> Result<(), Error> {
        self.add_bytes(name, text.as_bytes())
    }

    fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        self.writer.start_file(name, self.options)?;
        self.writer.write_all(bytes).map_err(zip::result::ZipError::from)?;
        Ok(())
    }

    fn finish(self) -> Result<Vec<u8>, Error> {
        Ok(self.writer.finish()?.into_inner())
    }
}

/// A relationships part: `rId1`, `rId2` … in the order given. A type without a scheme is one of
/// the officeDocument relationships.
fn rels(targets: &[(&str, &str)]) -> String {
    let mut out =
        format!(r#"{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
    for (i, (kind, target)) in targets.iter().enumerate() {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        let _ = write!(
            out,
            r#"<Relationship Id="rId{}" Type="{kind}" Target="{}"/>"#,
            i + 1,
            esc(target)
        );
    }
    out.push_str("</Relationships>");
    out
}

fn content_types(slides: usize, charts: usize) -> String {
    let mut out = format!(
        r#"{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>"#
    );
    let mut part = |name: &str, kind: &str| {
        let _ = write!(out, r#"<Override PartName="{name}" ContentType="{kind}"/>"#);
    };
    part("/ppt/presentation.xml", &format!("{PML}.presentation.main+xml"));
    part("/ppt/slideMasters/slideMaster1.xml", &format!("{PML}.slideMaster+xml"));
    for layout in Layout::ALL {
        part(
            &format!("/ppt/slideLayouts/slideLayout{}.xml", layout.number()),
            &format!("{PML}.slideLayout+xml"),
        );
    }
    for n in 1..=slides {
        part(&format!("/ppt/slides/slide{n}.xml"), &format!("{PML}.slide+xml"));
    }
    for n in 1..=charts {
        part(
            &format!("/ppt/charts/chart{n}.xml"),
            "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        );
    }
    part(
        "/ppt/theme/theme1.xml",
        "application/vnd.openxmlformats-officedocument.theme+xml",
    );
    part("/ppt/presProps.xml", &format!("{PML}.presProps+xml"));
    part("/ppt/viewProps.xml", &format!("{PML}.viewProps+xml"));
    part("/ppt/tableStyles.xml", &format!("{PML}.tableStyles+xml"));
    part(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    part(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    out.push_str("</Types>");
    out
}

fn core(deck: &Deck) -> String {
    format!(
        r#"{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>"#,
        esc(deck.title),
        esc(&deck.ink.lang)
    )
}

fn app(slides: usize) -> String {
    format!(
        r#"{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>survey-report</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides></Properties>"#
    )
}

/// The text style every level of a list shares, at `size` points.
fn level(n: usize, marl: i64, indent: i64, bullet: &str, size: i64, fonts: &str) -> String {
    format!(
        r#"<a:lvl{n}pPr marL="{marl}" indent="{indent}" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:spcBef><a:spcPts val="600"/></a:spcBef>{bullet}<a:defRPr sz="{size}" kern="1200"><a:solidFill><a:srgbClr val="{INK}"/></a:solidFill>{fonts}</a:defRPr></a:lvl{n}pPr>"#
    )
}

const MINOR: &str = r#"<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>"#;
const MAJOR: &str = r#"<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/>"#;

fn presentation(slides: usize, ink: &Ink) -> String {
    let mut ids = String::new();
    // rId1–rId5 are the master and the properties; the slides follow.
    for n in 1..=slides {
        let _ = write!(ids, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 255 + n, 5 + n);
    }
    let levels: String = (1..=9)
        .map(|n| level(n, 0, 0, "", 1800, MINOR))
        .collect::<Vec<_>>()
        .join("");
    format!(
        r#"{DECLARATION}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{WIDTH}" cy="{HEIGHT}"/><p:notesSz cx="6858000" cy="9144000"/><p:defaultTextStyle><a:defPPr><a:defRPr lang="{}"/></a:defPPr>{levels}</p:defaultTextStyle></p:presentation>"#,
        esc(&ink.lang)
    )
}

fn sp_xfrm(at: super::slide::Rect) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        at.x, at.y, at.w, at.h
    )
}

/// An empty paragraph, as placeholders of masters and layouts hold.
fn empty(ink: &Ink) -> String {
    format!(r#"<a:p><a:endParaRPr lang="{}"/></a:p>"#, esc(&ink.lang))
}

/// The master: where the title and the body go, the accent rule and the footer every slide but
/// the title slide shows, and the text styles (the theme's heading font for titles, its body font
/// for the rest).
fn master(deck: &Deck) -> String {
    let ink = deck.ink;
    let empty = empty(ink);
    let footer = format!(
        r#"<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r>{}<a:t>{}</a:t></a:r></a:p>"#,
        run_props(ink, 10.0, false, MUTED),
        esc(deck.footer)
    );
    let number = format!(
        r#"<a:p><a:pPr algn="r"><a:buNone/></a:pPr><a:fld id="{{6A1F0C55-2B0E-4C34-9C6B-2D3E5F1A7B90}}" type="slidenum">{}<a:t>‹#›</a:t></a:fld></a:p>"#,
        run_props(ink, 10.0, false, MUTED)
    );
    let text_box = |id: u32, name: &str, at: super::slide::Rect, body: &str| {
        format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
            sp_xfrm(at)
        )
    };
    let shapes = [
        format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/>{empty}</p:txBody></p:sp>"#,
            sp_xfrm(TITLE)
        ),
        format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Text Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{empty}</p:txBody></p:sp>"#,
            sp_xfrm(BODY)
        ),
        format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="4" name="Rule"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"#,
            sp_xfrm(RULE)
        ),
        text_box(5, "Footer", FOOTER, &footer),
        text_box(6, "Slide Number", FOOTER, &number),
    ]
    .concat();
    let title_style = format!(
        r#"<a:lvl1pPr algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/><a:defRPr sz="2800" b="1" kern="1200"><a:solidFill><a:srgbClr val="{TITLE_INK}"/></a:solidFill>{MAJOR}</a:defRPr></a:lvl1pPr>"#
    );
    let bullet = r#"<a:buFont typeface="Arial"/><a:buChar char="•"/>"#;
    let dash = r#"<a:buFont typeface="Arial"/><a:buChar char="–"/>"#;
    let body_style = [
        level(1, 285_750, -285_750, bullet, 2000, MINOR),
        level(2, 685_800, -228_600, dash, 1800, MINOR),
        level(3, 1_085_850, -228_600, bullet, 1600, MINOR),
    ]
    .concat();
    let other_style = format!(
        r#"<a:defPPr><a:defRPr lang="{}"/></a:defPPr>{}"#,
        esc(&ink.lang),
        level(1, 0, 0, "", 1800, MINOR)
    );
    let layouts: String = Layout::ALL
        .iter()
        .enumerate()
        .map(|(i, _)| {
            format!(
                r#"<p:sldLayoutId id="{}" r:id="rId{}"/>"#,
                2_147_483_649_u64 + i as u64,
                i + 1
            )
        })
        .collect();
    format!(
        r#"{DECLARATION}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_HEAD}{shapes}</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst>{layouts}</p:sldLayoutIdLst><p:txStyles><p:titleStyle>{title_style}</p:titleStyle><p:bodyStyle>{body_style}</p:bodyStyle><p:otherStyle>{other_style}</p:otherStyle></p:txStyles></p:sldMaster>"#
    )
}

fn layout(layout: Layout, ink: &Ink) -> String {
    let empty = empty(ink);
    let placeholder = |id: u32, name: &str, ph: &str, sp_pr: &str, body_pr: &str, lst: &str| {
        format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{sp_pr}</p:spPr><p:txBody>{body_pr}<a:lstStyle>{lst}</a:lstStyle>{empty}</p:txBody></p:sp>"#
        )
    };
    let title = placeholder(2, "Title 1", r#"<p:ph type="title"/>"#, "", "<a:bodyPr/>", "");
    let (kind, name, show_master, shapes) = match layout {
        Layout::Title => {
            let bar = super::slide::Rect {
                x: 457_200,
                y: COVER_TITLE.y + 91_440,
                w: 109_728,
                h: COVER_TITLE.h + COVER_SUBTITLE.h / 2,
            };
            let shapes = [
                format!(
                    r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Accent"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"#,
                    sp_xfrm(bar)
                ),
                placeholder(
                    3,
                    "Title 2",
                    r#"<p:ph type="ctrTitle"/>"#,
                    &sp_xfrm(COVER_TITLE),
                    r#"<a:bodyPr anchor="b"><a:normAutofit/></a:bodyPr>"#,
                    r#"<a:lvl1pPr algn="l"><a:defRPr sz="4000"/></a:lvl1pPr>"#,
                ),
                placeholder(
                    4,
                    "Subtitle 3",
                    r#"<p:ph type="subTitle" idx="1"/>"#,
                    &sp_xfrm(COVER_SUBTITLE),
                    r#"<a:bodyPr anchor="t"><a:normAutofit/></a:bodyPr>"#,
                    &format!(
                        r#"<a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="2000"><a:solidFill><a:srgbClr val="{MUTED}"/></a:solidFill></a:defRPr></a:lvl1pPr>"#
                    ),
                ),
            ]
            .concat();
            ("title", "Title Slide", "0", shapes)
        }
        Layout::Content => {
            let body = placeholder(
                3,
                "Content Placeholder 2",
                r#"<p:ph type="body" idx="1"/>"#,
                "",
                "<a:bodyPr/>",
                "",
            );
            ("obj", "Title and Content", "1", title + &body)
        }
        Layout::TitleOnly => ("titleOnly", "Title Only", "1", title),
    };
    format!(
        r#"{DECLARATION}<p:sldLayout {NS} type="{kind}" preserve="1" showMasterSp="{show_master}"><p:cSld name="{name}"><p:spTree>{TREE_HEAD}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
    )
}

/// The theme: the report's colours, and fonts that have the report's script on Windows and macOS
/// — Arial for Latin (Liberation Sans, its metric twin, under LibreOffice), an East Asian font by
/// the report's language (Yu Gothic unless Chinese or Korean: group names are often Japanese
/// whatever the report's language), and the fonts of each script for text in another one.
fn theme(lang: &str) -> String {
    let ea = match lang {
        "zh-Hans" | "zh" => "Microsoft YaHei",
        "ko" => "Malgun Gothic",
        _ => "Yu Gothic",
    };
    let cs = if lang == "ne" { "Nirmala UI" } else { "" };
    let scripts = r#"<a:font script="Jpan" typeface="游ゴシック"/><a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="微软雅黑"/><a:font script="Hant" typeface="微軟正黑體"/><a:font script="Deva" typeface="Nirmala UI"/><a:font script="Viet" typeface="Arial"/>"#;
    let font = |kind: &str| {
        format!(
            r#"<a:{kind}><a:latin typeface="Arial"/><a:ea typeface="{ea}"/><a:cs typeface="{cs}"/>{scripts}</a:{kind}>"#
        )
    };
    let colors = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", TITLE_INK),
        ("lt2", "E9ECEF"),
        ("accent1", "3E5E96"),
        ("accent2", "B35806"),
        ("accent3", "542788"),
        ("accent4", "F1A340"),
        ("accent5", "998EC3"),
        ("accent6", "6C757D"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ]
    .iter()
    .map(|(name, rgb)| format!(r#"<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>"#))
    .collect::<String>();
    let solid = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line =
        |w: u32| format!(r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{solid}<a:prstDash val="solid"/></a:ln>"#);
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        r#"{DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Survey"><a:themeElements><a:clrScheme name="Survey">{colors}</a:clrScheme><a:fontScheme name="Survey">{}{}</a:fontScheme><a:fmtScheme name="Survey"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        font("majorFont"),
        font("minorFont"),
        line(9525),
        line(25400),
        line(38100)
    )
}
