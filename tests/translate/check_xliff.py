"""The translator's round trip as a translation agency's tool sees it: `survey template translate
export` writes XLIFF 2.0 that translate-toolkit (an independent reader, from PyPI) opens with every
unit, its source and its note; targets written by that tool are merged back by `survey template
translate import` into a template the loader accepts; and exporting an existing language and
importing it gives the template back byte for byte.

    python3 tests/translate/check_xliff.py path/to/survey OUT_DIR
"""
import os
import subprocess
import sys

from translate.storage import xliff2

binary, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
template = os.path.join(repo, "survey-templates", "alumni-network-opinion.toml")
os.makedirs(out, exist_ok=True)


def survey(*args):
    run = subprocess.run([binary, *args], capture_output=True, text=True)
    assert run.returncode == 0, f"survey {' '.join(args)} exited {run.returncode}:\n{run.stderr}"
    return run.stdout


exported = os.path.join(out, "alumni.th.xlf")
survey("template", "translate", "export", template, "--lang", "th", "-o", exported)
store = xliff2.Xliff2File.parsefile(exported)
units = [u for u in store.units if u.getid()]
assert len(units) >= 50, f"translate-toolkit read {len(units)} units"
for unit in units:
    assert unit.source.strip(), f"unit {unit.getid()} has no source"
    assert not unit.target, f"unit {unit.getid()} of a new language has a target"
    # The toolkit's unit is the <segment>; the note belongs to its XLIFF <unit>.
    notes = unit.xmlelement.getparent().find(unit.namespaced("notes"))
    assert notes is not None and "".join(notes.itertext()).strip(), f"unit {unit.getid()} has no note"
print(f"translate-toolkit read {len(units)} units with sources and notes")

for unit in units:
    unit.target = "[th] " + unit.source
translated = os.path.join(out, "alumni.th.translated.xlf")
with open(translated, "wb") as f:
    f.write(bytes(store))
merged = os.path.join(out, "alumni.th.toml")
survey("template", "translate", "import", template, translated, "-o", merged)
print(survey("template", "validate", merged).strip())
with open(merged, encoding="utf-8") as f:
    text = f.read()
assert '"th"' in text and "[th] " in text, "the Thai texts were not merged"

same_xliff = os.path.join(out, "alumni.en.xlf")
same = os.path.join(out, "alumni.same.toml")
survey("template", "translate", "export", template, "--lang", "en", "-o", same_xliff)
survey("template", "translate", "import", template, same_xliff, "-o", same)
with open(template, "rb") as a, open(same, "rb") as b:
    assert a.read() == b.read(), "the round trip of an existing language changed the template"
print("round trip: the template comes back byte for byte")
