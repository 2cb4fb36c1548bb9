#!/usr/bin/env bash
# Load figures of the release server with wrk: token issuance and verified submissions from 10 to
# 256 concurrent clients, on SQLite and on PostgreSQL, each beside its baselines of the same run
# (OpenSSL's RSA-2048 signing rate; single-row inserts into the same database at the same
# durability from the same number of clients). Prints a Markdown table per database.
#
#   tests/load/run.sh [SECONDS]          (from the repository root; default 6 s per measurement;
#                                         BACKENDS="sqlite" or "postgres" runs one)
#
# Needs wrk (Debian's package) and a PostgreSQL at $SURVEY_TEST_DATABASE_URL
# (default postgres://postgres@127.0.0.1:5432/test); builds the release binary and the preparation
# tool. Each measurement gets a fresh database and survey, so every request is a first one: an
# unused invitation, an unspent token. The load generator shares the machine with the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-6}
pg=${SURVEY_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
levels=(10 32 64 128 256)
# Enough prepared requests that no wrk thread runs out within the measurement.
issuances=$((seconds * 4000 + 200))
submissions=$((seconds * 6000 + 200))

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
cargo build --release --bin survey -p survey-cli -p survey-server --example load_prepare
survey=target/release/survey
prepare=target/release/examples/load_prepare
scratch=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$scratch"' EXIT

fresh_database() { # backend name → URL
  case $1 in
    sqlite) echo "sqlite://$scratch/$2/survey.db?mode=rwc" ;;
    postgres)
      psql "$pg" -qc "CREATE DATABASE load_$2" > /dev/null
      echo "${pg%/*}/load_$2"
      ;;
  esac
}

drop_database() {
  [ "$1" = postgres ] && psql "$pg" -qc "DROP DATABASE IF EXISTS load_$2 WITH (FORCE)" > /dev/null
  rm -rf "${scratch:?}/$2"
}

# wrk's RESULT line → "rate | p50 | p90 | p99", failing on any refused or failed request.
measure() { # kind file survey-id clients port
  local out
  out=$(wrk -t 2 -c "$4" -d "${seconds}s" --timeout 30s -s tests/load/requests.lua "http://127.0.0.1:$5" -- "$1" "$2" 2 "$3" | grep '^RESULT')
  case $out in
    *" non2xx=0 errors=0 exhausted_threads=0") ;;
    *) echo "$1 at $4 clients did not run clean: $out" >&2; exit 1 ;;
  esac
  sed -E 's/.* rate=([0-9]+) p50_ms=([0-9.]+) p90_ms=([0-9.]+) p99_ms=([0-9.]+).*/\1 | \2 ms | \3 ms | \4 ms/' <<< "$out"
}

openssl_one=$(openssl speed -seconds 3 rsa2048 2> /dev/null | awk '/^rsa 2048 bits|^rsa  2048 bits/ { print $6 }' | tail -1)
openssl_all=$(openssl speed -seconds 3 -multi "$(nproc)" rsa2048 2> /dev/null | awk '/^rsa 2048 bits|^rsa  2048 bits/ { print $6 }' | tail -1)
echo "OpenSSL RSA-2048 signs per second (\`openssl speed rsa2048\`): $openssl_one in one process, $openssl_all with -multi $(nproc)."

for backend in ${BACKENDS:-sqlite postgres}; do
  echo
  echo "### $backend, $(nproc) cores, ${seconds} s per measurement"
  echo
  echo "| clients | issuance /s | p50 | p90 | p99 | submission /s | p50 | p90 | p99 | raw insert /s | p50 | p99 | issuance / OpenSSL | submission / raw insert |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for clients in "${levels[@]}"; do
    name="${backend}_${clients}_$$"
    data="$scratch/$name"
    url=$(fresh_database "$backend" "$name")
    "$prepare" prepare "$data" "$url" "$issuances" "$submissions" "$data/requests" > /dev/null
    id=$(cat "$data/requests/survey.txt")
    SURVEY__DATA_DIR=$data SURVEY__DATABASE__URL=$url SURVEY__SERVER__PORT=0 SURVEY__SERVER__PUBLIC_URL=http://load.test \
      SURVEY__SCHEDULER__ENABLED=false SURVEY_LOG=warn "$survey" serve > "$data/server.log" 2>&1 &
    server=$!
    until port=$(grep -oE 'listening on port [0-9]+' "$data/server.log" | grep -oE '[0-9]+$'); do sleep 0.2; done
    until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do sleep 0.2; done
    # Warm-up (keys unsealed, connections open), then the measurements.
    for kind in issuance submission; do
      wrk -t 2 -c 4 -d 1s -s tests/load/requests.lua "http://127.0.0.1:$port" -- "$kind" "$data/requests/warmup-$kind.txt" 2 "$id" > /dev/null
    done
    issue=$(measure issuance "$data/requests/issuance.txt" "$id" "$clients" "$port")
    submit=$(measure submission "$data/requests/submissions.txt" "$id" "$clients" "$port")
    kill "$server"
    wait "$server" 2> /dev/null || true
    # The same database, the server stopped: the baseline has the machine the server had.
    read -r raw raw50 raw99 <<< "$("$prepare" inserts "$data" "$url" "$clients" "$seconds" |
      sed -E 's/.* rate=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+)/\1 \2 \3/')"
    ratio_issue=$(awk -v a="${issue%% *}" -v b="$openssl_all" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    ratio_submit=$(awk -v a="${submit%% *}" -v b="$raw" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    echo "| $clients | $issue | $submit | $raw | $raw50 ms | $raw99 ms | $ratio_issue | $ratio_submit |"
    drop_database "$backend" "$name"
  done
done
