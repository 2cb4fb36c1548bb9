#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a bounded time, one after another.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      (default: 60 seconds each; all targets: template answers token)
#
# Fails (exit 1) if any target finds a crash, a panic, a leak or a timeout; the input is kept in
# fuzz/artifacts/<target>/ and the end of the log is printed. Inputs found along the way go to
# fuzz/target/corpus/<target>/ (the committed seeds in fuzz/corpus/<target>/ are only read).
#
# Stable Rust: cargo-fuzz passes -Z flags (-Zsanitizer=address and the sanitizer-coverage passes),
# which stable rustc accepts with RUSTC_BOOTSTRAP=1; the stable toolchain ships the AddressSanitizer
# runtime for x86_64-unknown-linux-gnu. FUZZ_SANITIZER=none builds without ASan (libFuzzer's coverage
# guidance stays and runs are faster, but memory errors in unsafe Rust (none in our crates, which
# forbid it; some in dependencies) go unseen. C code (OpenSSL, ring) is not instrumented either way.
# FUZZ_ARGS adds libFuzzer options (e.g. "-jobs=2 -workers=2", "-only_ascii=1").
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(template answers token)
sanitizer=${FUZZ_SANITIZER:-address}
triple=x86_64-unknown-linux-gnu

if ! cargo fuzz --version > /dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi

echo "== building the fuzz targets (sanitizer: $sanitizer)"
export RUSTC_BOOTSTRAP=1
# `cargo fuzz build` builds one target or all of them.
one=()
[ ${#targets[@]} -ne 1 ] || one=("${targets[0]}")
cargo fuzz build --sanitizer "$sanitizer" "${one[@]}"

failed=()
mkdir -p target/logs
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${seconds}s"
  mkdir -p "target/corpus/$t" "artifacts/$t"
  log=target/logs/$t.log
  # -timeout: one input running longer than this is a finding too; -rss_limit_mb likewise.
  if "target/$triple/release/$t" "target/corpus/$t" "corpus/$t" \
    -dict="dict/$t.dict" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 ${FUZZ_ARGS:-} > "$log" 2>&1; then
    # The last status line: "#N DONE cov: C ft: F corp: K/S lim: L exec/s: E rss: R".
    grep -E '^#[0-9]+' "$log" | tail -1 | sed "s/^/$t: /"
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | sed "s/^/$t: /"
  else
    failed+=("$t")
    echo "$t: FOUND A FAILURE; the input is in fuzz/artifacts/$t/:" >&2
    ls "artifacts/$t" >&2 || true
    tail -40 "$log" >&2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzzing: ${targets[*]}: no failure in ${seconds}s each"
