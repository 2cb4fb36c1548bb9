"""A deck as python-pptx reads it, printed as JSON for crates/report/tests/deck.rs: every slide's
layout, title and texts (text frames and table cells), its tables' cells, and each chart's type,
categories, series values (as text, exactly) and whether its workbook is embedded.

    python3 tests/report/read_deck.py DECK.pptx
"""

import json
import sys

from pptx import Presentation


def chart_of(shape):
    chart = shape.chart
    plot = chart.plots[0]
    workbook = chart.part.chart_workbook.xlsx_part
    return {
        "type": chart.chart_type.name,
        "categories": [str(c) for c in plot.categories],
        # repr: the shortest text that reads back as the very same double, wherever it is parsed.
        "series": [{"name": s.name, "values": [None if v is None else repr(v) for v in s.values]}
                   for s in plot.series],
        "workbook": workbook is not None and workbook.blob.startswith(b"PK"),
    }


def slide_of(slide):
    texts, tables, charts = [], [], []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            cells = [[cell.text for cell in row.cells] for row in shape.table.rows]
            tables.append(cells)
            texts.extend(text for row in cells for text in row)
        if shape.has_chart:
            charts.append(chart_of(shape))
    title = slide.shapes.title
    return {
        "layout": slide.slide_layout.name,
        "title": title.text_frame.text if title is not None else None,
        "texts": texts,
        "tables": tables,
        "charts": charts,
    }


deck = Presentation(sys.argv[1])
print(json.dumps({
    "width": deck.slide_width,
    "height": deck.slide_height,
    "slides": [slide_of(s) for s in deck.slides],
}, ensure_ascii=False))
