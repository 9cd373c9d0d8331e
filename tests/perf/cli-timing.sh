#!/usr/bin/env bash
# Times the published command line on generated tracking documents of 1,000 and 10,000 items:
# wall-clock and CPU seconds (user + system) from /usr/bin/time.
#
#   tests/perf/cli-timing.sh            # 3 runs of each command, medians printed
#   RUNS=5 tests/perf/cli-timing.sh
#
# Publishes src/PhaseTracker.Web (Release) into a temporary folder, generates the documents with
# tests/PhaseTracker.Benchmarks, and times, from the published folder:
#   import FILE --db NEW.db          into a database file that does not exist yet (created and migrated)
#   export --db DB --out FILE        from a database that holds the imported phase
# and, to subtract process start-up, the same verbs with nothing to do:
#   --help                           runtime start-up only (no host, no database)
#   export --db NEW.db               start-up + host + creating and migrating a new database; exit 1 (no phase)
#   export --db EMPTY.db             start-up + host + opening an already migrated, empty database; exit 1
# Each verb's median is printed as measured and minus a baseline: minus `--help` (the runtime's own
# start-up), and minus the baseline with the same fixed work (import − new-database export, export −
# empty-database export): the time the verb's own work takes, process and host start-up not counted.
#
# Every command runs under `timeout`, and the temporary folder is removed on exit (also on failure or Ctrl-C).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-3}"
limit="${LIMIT_SECONDS:-300}"
work="$(mktemp -d "${TMPDIR:-/tmp}/phasetracker-cli-timing.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }

say "publishing src/PhaseTracker.Web to $work/app ..."
if ! timeout "$limit" dotnet publish "$repo/src/PhaseTracker.Web" -c Release -o "$work/app" --nologo >"$work/publish.log" 2>&1; then
  cat "$work/publish.log" >&2
  exit 1
fi

say "generating documents ..."
if ! timeout "$limit" dotnet run -c Release --project "$repo/tests/PhaseTracker.Benchmarks" -- generate "$work/docs" >"$work/generate.log" 2>&1; then
  cat "$work/generate.log" >&2
  exit 1
fi

app() { (cd "$work/app" && timeout "$limit" dotnet PhaseTracker.Web.dll "$@"); }

# seconds EXPECTED_EXIT SETUP_FUNCTION -- ARGS...: runs the app once (after the untimed setup) and prints
# "WALL CPU": wall-clock seconds and CPU seconds (user + system, all threads), as /usr/bin/time gives
# them; stops the script if the exit code is not the expected one. CPU time is the figure that other
# work on a shared machine disturbs least.
seconds() {
  local expected="$1" setup="$2"
  shift 3
  "$setup"
  local code=0
  (cd "$work/app" && timeout "$limit" /usr/bin/time -f '%e %U %S' -o "$work/time.txt" dotnet PhaseTracker.Web.dll "$@") \
    >"$work/out.txt" 2>"$work/err.txt" || code=$?
  if [[ "$code" != "$expected" ]]; then
    say "unexpected exit code $code (wanted $expected) from: $*"
    cat "$work/err.txt" >&2
    exit 1
  fi
  # A non-zero exit code adds a line before the figures.
  tail -n 1 "$work/time.txt" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}

# median EXPECTED SETUP -- ARGS...: "WALL CPU [walls] [cpus]": the medians of $runs runs, then every run.
median() {
  local walls=() cpus=() one
  for ((i = 0; i < runs; i++)); do
    one="$(seconds "$@")"
    walls+=("${one%% *}")
    cpus+=("${one##* }")
  done
  local wall cpu
  wall="$(printf '%s\n' "${walls[@]}" | sort -n)"
  cpu="$(printf '%s\n' "${cpus[@]}" | sort -n)"
  printf '%s %s [%s] [%s]\n' "$(sed -n "$(((runs + 1) / 2))p" <<<"$wall")" "$(sed -n "$(((runs + 1) / 2))p" <<<"$cpu")" \
    "$(paste -sd' ' <<<"$wall")" "$(paste -sd' ' <<<"$cpu")"
}

# wall "W C [..] [..]" and cpu "...": one median; minus A B: the difference of the wall-clock medians.
wall() { printf '%s' "${1%% *}"; }
cpu() { awk '{ printf "%s", $2 }' <<<"$1"; }
minus() { awk -v a="$(wall "$1")" -v b="$(wall "$2")" 'BEGIN { printf "%.2f", a - b }'; }

nothing() { :; }
fresh_db() { rm -f "$work"/new.db*; }

# One warm-up launch so the first timing does not pay for a cold disk cache.
app --help >/dev/null

say "timing start-up baselines ..."
rm -f "$work"/empty.db*
app export --db "$work/empty.db" >/dev/null 2>&1 || true   # creates and migrates it
help="$(median 0 nothing -- --help)"
new_db="$(median 1 fresh_db -- export --db "$work/new.db")"
empty_db="$(median 1 nothing -- export --db "$work/empty.db")"

rows=()
for items in 1000 10000; do
  doc="$work/docs/items-$items.md"
  bytes="$(stat -c %s "$doc")"
  say "timing $items items ($bytes bytes) ..."
  import="$(median 0 fresh_db -- import "$doc" --db "$work/new.db")"

  rm -f "$work"/full.db*
  app import "$doc" --db "$work/full.db" >/dev/null 2>&1
  export="$(median 0 nothing -- export --db "$work/full.db" --out "$work/out-$items.md")"
  if ! cmp -s "$doc" "$work/out-$items.md"; then
    say "warning: the export of $items items differs from the imported document"
  fi

  rows+=("| $items | $bytes | $(wall "$import") | $(cpu "$import") | $(minus "$import" "$help") | $(minus "$import" "$new_db") | $(wall "$export") | $(cpu "$export") | $(minus "$export" "$help") | $(minus "$export" "$empty_db") |")
  say "  import (wall cpu [walls] [cpus]) $import; export $export"
done

echo "CLI timing, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), median of $runs runs in seconds"
echo
echo "| start-up baseline | wall s | CPU s |"
echo "|---|---:|---:|"
echo "| \`--help\` (runtime only) | $(wall "$help") | $(cpu "$help") |"
echo "| \`export --db NEW.db\` (host + create and migrate a database, exit 1) | $(wall "$new_db") | $(cpu "$new_db") |"
echo "| \`export --db EMPTY.db\` (host + open a migrated empty database, exit 1) | $(wall "$empty_db") | $(cpu "$empty_db") |"
echo
echo "| items | bytes | import wall | import CPU | import − \`--help\` | import − new-db baseline | export wall | export CPU | export − \`--help\` | export − empty-db baseline |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
say "baselines (wall cpu [walls] [cpus]): --help $help; export new db $new_db; export empty db $empty_db"
