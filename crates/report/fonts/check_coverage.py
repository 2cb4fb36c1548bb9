#!/usr/bin/env python3
"""Lists the characters of a text that a font has no glyph for (by its cmap), exit 1 if any.

    check_coverage.py FONT [--index N] (--file TEXT_FILE | STRING ...)

FONT may be a .ttf, .otf or a collection (.ttc, face chosen with --index, default 0). Line
breaks and tabs are ignored; every other character, spaces included, must be mapped. Needs
fontTools (pip install fonttools).
"""

import argparse
import sys
import unicodedata

from fontTools.ttLib import TTFont

IGNORED = {"\n", "\r", "\t"}


def missing(font_path: str, text: str, index: int = 0) -> list[str]:
    font = TTFont(font_path, fontNumber=index, lazy=True)
    cmap = font.getBestCmap() or {}
    seen = []
    for ch in text:
        if ch in IGNORED or ord(ch) in cmap or ch in seen:
            continue
        seen.append(ch)
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("font")
    parser.add_argument("strings", nargs="*", help="text to check")
    parser.add_argument("--file", action="append", default=[], help="UTF-8 text file to check")
    parser.add_argument("--index", type=int, default=0, help="face number in a .ttc")
    args = parser.parse_intermixed_args()
    if not args.strings and not args.file:
        parser.error("give strings or --file")

    text = "".join(args.strings)
    for path in args.file:
        with open(path, encoding="utf-8") as fp:
            text += fp.read()

    lacking = missing(args.font, text, args.index)
    if not lacking:
        print(f"{args.font}: all {len(set(text) - IGNORED)} distinct characters covered")
        return 0
    print(f"{args.font}: {len(lacking)} characters missing:")
    for ch in lacking:
        name = unicodedata.name(ch, "?")
        print(f"  U+{ord(ch):04X} {ch if ch.isprintable() else ' '} {name}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
