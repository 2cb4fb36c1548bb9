#!/usr/bin/env python3
"""Report benchmark: the report model and every format (PDF, HTML, XLSX, CSV) from JSON Lines
files of synthetic responses to the 40-question questionnaire, with the peak memory of the
process, next to DuckDB counting the same answers of the same file in the same run.

    cargo build --release -p survey-cli
    python3 crates/report/benches/report.py [--sizes 100000,1000000] [--survey target/release/survey]

With `--database URL` (SQLite `sqlite:///PATH?mode=rwc` or PostgreSQL `postgres://…/DB`, repeatable)
the same responses are also loaded, once, into that database as a closed survey (the
`load_responses` example: `cargo build --release -p survey-server --example load_responses`) and
`survey report --survey ID` counts them from there, in the same run as the file and DuckDB.

Figures go to docs/BENCHMARKS.md by hand, with the machine they ran on.
"""

import argparse
import hashlib
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
QUESTIONNAIRE = ROOT / "crates/report/benches/questionnaire-40.toml"
SEGMENTS = {"department=営業": 40, "department=開発": 35, "department=サポート": 20, "department=法務": 5}

# The same counts as the report's aggregation: per segment, per question (and matrix statement),
# per answer value; arrays (multiple choices, rankings) count each element.
DUCKDB_COUNTS = r"""
SELECT r.segment, regexp_replace(t.fullkey, '\[[0-9]+\]', '') AS measure, t.atom::VARCHAR AS category,
       count(*) AS n
FROM read_json(?, format = 'newline_delimited', columns = {'segment': 'VARCHAR', 'answers': 'JSON'}) r,
     json_tree(r.answers) t
WHERE t.atom IS NOT NULL
GROUP BY ALL
"""


def install_duckdb():
    try:
        import duckdb  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True)


def duckdb_counts(data):
    """DuckDB's time for the counts, in a process of its own: Linux carries a parent's peak
    memory into the children it forks, so this script stays small while it measures the report."""
    script = (
        "import duckdb, sys, time\n"
        "con = duckdb.connect(); con.execute('SET threads = 2')\n"
        "con.execute('SET enable_progress_bar = false')\n"
        "start = time.perf_counter()\n"
        "rows = con.execute(sys.argv[1], [sys.argv[2]]).fetchall()\n"
        "print(time.perf_counter() - start, len(rows))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, DUCKDB_COUNTS, str(data)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])


def run_measured(command, env=None):
    """Runs a command; returns (stderr, seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{stderr}")
    return stderr, seconds, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--survey", default=str(ROOT / "target/release/survey"))
    parser.add_argument("--work", default="/tmp/survey-report-bench")
    parser.add_argument("--database", action="append", default=[])
    parser.add_argument("--loader", default=str(ROOT / "target/release/examples/load_responses"))
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    invited = work / "invited.csv"
    install_duckdb()

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print("| responses | file | count | model | pdf | html | xlsx | pptx | csv | total (wall) | peak memory "
          "| DuckDB counts | count ÷ DuckDB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    database_rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        data = work / f"responses-{size}.jsonl"
        if not data.exists():
            segments = ",".join(f"{s}:{w}" for s, w in SEGMENTS.items())
            with open(data, "w") as out:
                subprocess.run([args.survey, "generate", "--questionnaire", QUESTIONNAIRE, "--responses",
                                str(size), "--segments", segments, "--seed", "7"], stdout=out, check=True)
        invited.write_text("segment,invited\n" + "".join(
            f"{s},{int(size * w / 100 * 1.25)}\n" for s, w in SEGMENTS.items()))
        stderr, wall, peak = run_measured([
            args.survey, "report", "--questionnaire", QUESTIONNAIRE, "--responses", data,
            "--invited", invited, "--organisation", "ベンチマーク株式会社", "--format", "all",
            "--output", work / f"report-{size}", "--timings"])
        steps = {}
        for line in stderr.splitlines():
            if line.startswith("timing:"):
                _, step, seconds, _ = line.split()
                steps[step] = float(seconds)

        duck, rows = duckdb_counts(data)

        mb = data.stat().st_size / 1e6
        print(f"| {size:,} | {mb:,.0f} MB | {steps['count']:.2f} s | {steps['model']:.2f} s "
              f"| {steps['pdf']:.2f} s | {steps['html']:.2f} s | {steps['xlsx']:.2f} s | {steps['pptx']:.2f} s "
              f"| {steps['csv']:.2f} s "
              f"| {wall:.2f} s | {peak:.0f} MB | {duck:.2f} s ({rows:,} counts) "
              f"| {steps['count'] / duck:.2f} |")
        for url in args.database:
            database_rows.append(from_database(args, work, data, size, url, steps["count"], duck))
    if database_rows:
        print()
        print("| database | responses | loaded once | count (read and count) | model | csv | total (wall) "
              "| peak memory | file's count, same run | DuckDB, same run | database ÷ file |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for row in database_rows:
            print(row)


def from_database(args, work, data, size, url, file_count, duck):
    """The same responses counted from a database by `survey report --survey ID`; the load is
    done once per database and size (its survey id kept in the work folder)."""
    kind = url.split(":", 1)[0]
    marker = work / f"survey-{kind}-{hashlib.sha256(url.encode()).hexdigest()[:8]}-{size}.id"
    loaded = "(earlier)"
    if not marker.exists():
        start = time.perf_counter()
        survey_id = subprocess.run([args.loader, url, QUESTIONNAIRE, data], check=True,
                                   capture_output=True, text=True).stdout.strip()
        loaded = f"{time.perf_counter() - start:.0f} s"
        marker.write_text(survey_id)
    survey_id = marker.read_text().strip()
    env = dict(os.environ, SURVEY__DATABASE__URL=url)
    stderr, wall, peak = run_measured([
        args.survey, "report", "--survey", survey_id, "--format", "csv",
        "--output", work / f"report-{kind}-{size}.csv", "--timings"], env=env)
    steps = {}
    for line in stderr.splitlines():
        if line.startswith("timing:"):
            _, step, seconds, _ = line.split()
            steps[step] = float(seconds)
    return (f"| {kind} | {size:,} | {loaded} | {steps['count']:.2f} s | {steps['model']:.2f} s "
            f"| {steps['csv']:.2f} s | {wall:.2f} s | {peak:.0f} MB | {file_count:.2f} s | {duck:.2f} s "
            f"| {steps['count'] / file_count:.2f} |")


if __name__ == "__main__":
    main()
