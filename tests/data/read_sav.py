"""A .sav file as pyreadstat (ReadStat) reads it, printed as JSON for crates/data/tests/sav.rs:
the file label, the variables' names, labels, formats, measures, value labels and user-missing
ranges, and every value of every case (system-missing as null, user-missing codes as stored).

    python3 tests/data/read_sav.py FILE.sav

Exits with status 3 if pyreadstat is not installed, so the test can say how to install it.
"""

import json
import math
import sys

try:
    import pyreadstat
except ImportError:
    print("pyreadstat is not installed: pip install pyreadstat", file=sys.stderr)
    sys.exit(3)

# user_missing keeps the codes (99) instead of turning them into NaN; "dict" needs no pandas.
columns, meta = pyreadstat.read_sav(sys.argv[1], user_missing=True, output_format="dict")


def cell(value):
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):  # a numpy scalar
        return cell(value.item())
    return value


names = meta.column_names
print(json.dumps({
    "pyreadstat": pyreadstat.__version__,
    "file_label": meta.file_label,
    "encoding": meta.file_encoding,
    "number_rows": meta.number_rows,
    "names": names,
    "labels": meta.column_labels,
    "formats": [meta.original_variable_types[n] for n in names],
    "measures": [meta.variable_measure[n] for n in names],
    "value_labels": {n: [[v, l] for v, l in labels.items()]
                     for n, labels in meta.variable_value_labels.items()},
    "missing": {n: [[r["lo"], r["hi"]] for r in ranges] for n, ranges in meta.missing_ranges.items()},
    "rows": [[cell(columns[n][i]) for n in names] for i in range(len(columns[names[0]]))],
}, ensure_ascii=False))
