"""The report in every language that has a reports catalog, as its readers get it: the PDF's text
(poppler's pdftotext) holds the questionnaire's title and the report's own words in that language,
and nothing in it is a replacement or private-use character, so every glyph was there to embed.

    python3 tests/report/check_languages.py path/to/survey OUT_DIR      (from the repo root)

The pages are drawn to OUT_DIR with pdftoppm, to be looked at.
"""

import os
import re
import subprocess
import sys
import tomllib

binary, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
template = os.path.join(repo, "survey-templates", "alumni-network-opinion.toml")
os.makedirs(out, exist_ok=True)


def catalog(lang, area, key):
    with open(os.path.join(repo, "locales", lang, f"{area}.ftl"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(f"{key} = "):
                return line.split(" = ", 1)[1].strip()
    raise AssertionError(f"locales/{lang}/{area}.ftl has no one-line `{key}`")


def squeeze(text):
    return re.sub(r"\s+", "", text)


with open(template, "rb") as f:
    titles = tomllib.load(f)["title"]
languages = sorted(l for l in os.listdir(os.path.join(repo, "locales"))
                   if os.path.isfile(os.path.join(repo, "locales", l, "reports.ftl")) and l in titles)
assert {"ja", "en"} <= set(languages) and len(languages) >= 3, f"reports catalogs: {languages}"
for lang in languages:
    pdf = os.path.join(out, f"report.{lang}.pdf")
    subprocess.run([binary, "report", "--questionnaire", template,
                    "--responses", os.path.join(repo, "docs", "examples", "alumni-responses.jsonl"),
                    "--invited", os.path.join(repo, "docs", "examples", "alumni-invited.csv"),
                    "--lang", lang, "--format", "pdf", "--output", pdf], check=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "4", pdf, os.path.join(out, f"page.{lang}")],
                   check=True)
    flat = squeeze(text)
    for what, expected in [("the title", titles[lang]),
                           ("the word for hidden", catalog(lang, "reports", "report-hidden")),
                           ("the methodology's heading", catalog(lang, "reports", "report-anonymity-thresholds"))]:
        assert squeeze(expected) in flat, f"{lang}: {what} `{expected}` is not in the PDF's text"
    odd = sorted({c for c in text if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF})
    assert not odd, f"{lang}: the PDF's text holds {odd!r}: glyphs without their characters"
    print(f"{lang}: {len(text)} characters of text, title and report words found")
print(f"reports in {', '.join(languages)}: every text extracted")
