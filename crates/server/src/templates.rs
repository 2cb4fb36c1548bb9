//! The bundled questionnaire templates offered when a survey is made, loaded once at start.

use std::path::Path;

use survey_design::Questionnaire;

pub struct Template {
    /// File name without `.toml`, used in forms.
    pub name: String,
    pub source: String,
    pub questionnaire: Questionnaire,
}

/// The source of the template called `name`.
pub fn source<'a>(templates: &'a [Template], name: &str) -> Option<&'a str> {
    templates.iter().find(|t| t.name == name).map(|t| t.source.as_str())
}

/// Every template in `dir` that loads; a broken one is logged and left out.
pub fn load(dir: &Path) -> Vec<Template> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        tracing::warn!(dir = %dir.display(), "no templates folder");
        return Vec::new();
    };
    let mut templates: Vec<Template> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|path| {
            let source = std::fs::read_to_string(&path).ok()?;
            match Questionnaire::from_toml(&source, &path.display().to_string()) {
                Ok(questionnaire) => {
                    let name = path.file_stem()?.to_string_lossy().into_owned();
                    Some(Template {
                        name,
                        source,
                        questionnaire,
                    })
                }
                Err(e) => {
                    tracing::warn!(errors = %e, "template left out");
                    None
                }
            }
        })
        .collect();
    templates.sort_by(|a, b| a.name.cmp(&b.name));
    templates
}
