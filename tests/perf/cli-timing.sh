#!/usr/bin/env bash
# Times the published command line on generated tracking documents of 1,000 and 10,000 items.
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
# the wall-clock seconds; stops the script if the exit code is not the expected one.
seconds() {
  local expected="$1" setup="$2"
  shift 3
  "$setup"
  local started ended code=0
  started="$(date +%s.%N)"
  app "$@" >"$work/out.txt" 2>"$work/err.txt" || code=$?
  ended="$(date +%s.%N)"
  if [[ "$code" != "$expected" ]]; then
    say "unexpected exit code $code (wanted $expected) from: $*"
    cat "$work/err.txt" >&2
    exit 1
  fi
  awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f\n", b - a }'
}

# median EXPECTED SETUP -- ARGS...: the median of $runs runs, with all runs after it in brackets.
median() {
  local all=() one
  for ((i = 0; i < runs; i++)); do
    one="$(seconds "$@")"
    all+=("$one")
  done
  local sorted
  sorted="$(printf '%s\n' "${all[@]}" | sort -n)"
  printf '%s [%s]\n' "$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")" "$(tr '\n' ' ' <<<"$sorted" | sed 's/ $//')"
}

# minus "A [..]" "B [..]": the difference of two medians.
minus() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { printf "%.2f", a - b }'; }

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

  rows+=("| $items | $bytes | ${import%% *} | $(minus "$import" "$help") | $(minus "$import" "$new_db") | ${export%% *} | $(minus "$export" "$help") | $(minus "$export" "$empty_db") |")
  say "  import ${import} s, export ${export} s"
done

echo "CLI timing, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, median of $runs runs (seconds, all runs in brackets on stderr)"
echo
echo "| start-up baseline | median s |"
echo "|---|---:|"
echo "| \`--help\` (runtime only) | ${help%% *} |"
echo "| \`export --db NEW.db\` (host + create and migrate a database, exit 1) | ${new_db%% *} |"
echo "| \`export --db EMPTY.db\` (host + open a migrated empty database, exit 1) | ${empty_db%% *} |"
echo
echo "| items | bytes | import | import − \`--help\` | import − new-db baseline | export | export − \`--help\` | export − empty-db baseline |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
say "baselines: --help ${help}; export new db ${new_db}; export empty db ${empty_db}"
