#!/usr/bin/env bash
# Regenerates the Noto fonts next to this script from Debian's packages:
#   noto-sans-sc/NotoSansSC-Regular.otf                 (fonts-noto-cjk, subset)
#   noto-sans-kr/NotoSansKR-Regular.otf                 (fonts-noto-cjk, subset)
#   noto-sans/NotoSans-Regular.ttf                      (fonts-noto-core, subset)
#   noto-sans-devanagari/NotoSansDevanagari-Regular.ttf (fonts-noto-core, copied unmodified)
# ipaexgothic/ is not touched: it is shipped unmodified (see its README.md).
#
# Needs, once:
#   apt-get install -y fonts-noto-cjk fonts-noto-core
#   pip install fonttools brotli   (python3 on PATH must be the one that has fontTools)
# The files in the repository were made with fonts-noto-cjk 1:20220127+repack1-1,
# fonts-noto-core 20201225-1 and fontTools 4.68.0; other versions give other bytes.
#
# Usage: crates/report/fonts/subset.sh [OUTPUT_DIR]   (default: the folder of this script)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here}"

cjk=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
sans=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
deva=/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf

for f in "$cjk" "$sans" "$deva"; do
    [[ -f "$f" ]] || { echo "missing $f: apt-get install -y fonts-noto-cjk fonts-noto-core" >&2; exit 1; }
done
python3 -c 'import fontTools' 2>/dev/null || { echo "python3 has no fontTools: pip install fonttools brotli" >&2; exit 1; }

echo "fonts-noto-cjk $(dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null || echo '?')," \
     "fonts-noto-core $(dpkg-query -W -f='${Version}' fonts-noto-core 2>/dev/null || echo '?')," \
     "fontTools $(python3 -c 'import fontTools; print(fontTools.version)')"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Index, inside the collection, of the face whose family (name ID 1) is $1.
face_index() {
    python3 - "$cjk" "$1" <<'PY'
import sys
from fontTools.ttLib import TTCollection
path, family = sys.argv[1], sys.argv[2]
for i, font in enumerate(TTCollection(path, lazy=True).fonts):
    if font["name"].getDebugName(1) == family:
        print(i)
        break
else:
    sys.exit(f"no face with family {family!r} in {path}")
PY
}

# Every character of GB2312 (6763 hanzi and 682 other characters), one hex code point a line:
# each valid two-byte code (rows and cells 0xA1..0xFE) decoded with Python's gb2312 codec.
python3 - > "$work/gb2312.txt" <<'PY'
chars = set()
for lead in range(0xA1, 0xFF):
    for trail in range(0xA1, 0xFF):
        try:
            s = bytes([lead, trail]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        chars.update(s)
for c in sorted(chars):
    print(f"{ord(c):04X}")
PY

# Same options for every subset: all OpenType layout features (and the glyphs they reach),
# every name record in every language, so family and style names stay those of the original.
common=(--layout-features='*' --layout-closure --name-IDs='*' --name-languages='*')

latin=U+0020-007E,U+00A0-00FF           # Basic Latin, Latin-1 Supplement
punct=U+2000-206F,U+3000-303F,U+FF00-FFEF # General Punctuation, CJK Symbols and Punctuation, Half/Fullwidth Forms

mkdir -p "$out/noto-sans-sc" "$out/noto-sans-kr" "$out/noto-sans" "$out/noto-sans-devanagari"

sc="$(face_index 'Noto Sans CJK SC')"
python3 -m fontTools.subset "$cjk" --font-number="$sc" \
    --unicodes="$latin,$punct" --unicodes-file="$work/gb2312.txt" \
    "${common[@]}" --output-file="$out/noto-sans-sc/NotoSansSC-Regular.otf"

kr="$(face_index 'Noto Sans CJK KR')"
# + Hangul Jamo, Hangul Compatibility Jamo, the 11172 Hangul syllables
python3 -m fontTools.subset "$cjk" --font-number="$kr" \
    --unicodes="$latin,$punct,U+1100-11FF,U+3130-318F,U+AC00-D7A3" \
    "${common[@]}" --output-file="$out/noto-sans-kr/NotoSansKR-Regular.otf"

# Basic Latin, Latin-1, Latin Extended-A and -B, Combining Diacritical Marks,
# Latin Extended Additional (all Vietnamese letters), General Punctuation, Currency Symbols
python3 -m fontTools.subset "$sans" \
    --unicodes="U+0020-007E,U+00A0-00FF,U+0100-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF" \
    "${common[@]}" --output-file="$out/noto-sans/NotoSans-Regular.ttf"

# Noto Sans Devanagari is 229 KB whole, so it is copied as Debian ships it: every conjunct and
# matra stays, and the file is the Original Version under the OFL.
install -m 644 "$deva" "$out/noto-sans-devanagari/NotoSansDevanagari-Regular.ttf"

ls -l "$out"/noto-sans*/*.otf "$out"/noto-sans*/*.ttf
