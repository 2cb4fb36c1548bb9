"""The example report's debrief deck as another office suite shows it: LibreOffice Impress converts
it to PDF, which must have a page per slide, and poppler's pdftotext must find the Japanese of the
slides in it (the survey's title, a question, the word for hidden) — so the deck opens, every slide
is drawn, and its text is Japanese glyphs, not boxes.

    python3 tests/report/check_deck.py path/to/survey OUT_DIR      (from the repo root)

The slides are drawn to OUT_DIR as PNG at 50 dpi with pdftoppm, to be looked at.
"""

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile

binary, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
template = os.path.join(repo, "survey-templates", "alumni-network-opinion.toml")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)

deck = os.path.join(out, "report.pptx")
subprocess.run([binary, "report", "--questionnaire", template,
                "--responses", os.path.join(repo, "docs", "examples", "alumni-responses.jsonl"),
                "--invited", os.path.join(repo, "docs", "examples", "alumni-invited.csv"),
                "--organisation", "株式会社サンプル", "--period", "2026-10-01 – 2026-10-14",
                "--format", "pptx", "-o", deck], check=True)
with zipfile.ZipFile(deck) as z:
    slides = sum(1 for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
assert slides >= 15, f"{slides} slides"

# A profile of its own, so that no other LibreOffice running on the machine is reused.
profile = "file://" + os.path.join(out, "profile")
subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                "--outdir", out, deck], check=True, timeout=600, capture_output=True)
pdf = os.path.join(out, "report.pdf")
info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
assert pages == slides, f"{pages} pages for {slides} slides"

text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True,
                      text=True).stdout
flat = re.sub(r"\s+", "", text)
with open(template, "rb") as f:
    questionnaire = tomllib.load(f)
questions = [q["text"]["ja"] for s in questionnaire["sections"] for q in s["questions"]]
for what, expected in [("the title", questionnaire["title"]["ja"]),
                       ("the first question", questions[0]),
                       ("the organisation", "株式会社サンプル"),
                       ("the word for hidden", "非表示"),
                       ("the debrief's name", "調査結果報告会")]:
    assert re.sub(r"\s+", "", expected) in flat, f"{what} `{expected}` is not in the deck's text"
odd = sorted({c for c in text if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF})
assert not odd, f"the deck's text holds {odd!r}: glyphs without their characters"

subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(out, "slide")], check=True)
print(f"the deck: {slides} slides, {pages} pages through LibreOffice, its Japanese text extracted; "
      f"pictures in {out}")
