#!/usr/bin/env bash
# The load test of issue 8: 100 users (90 browsing, 10 leads editing through the API) on a fresh database
# holding a generated document of 1,000 items and 100 ADRs.
#
#   tests/load/run.sh                        # 5 minutes, 100 users (the figures in docs/performance.md)
#   DURATION=20s tests/load/run.sh           # the CI version
#   WRK=1 tests/load/run.sh                  # then wrk on the hottest pages, for throughput
#   USERS=50 LEADS=5 OUT=/tmp/load tests/load/run.sh
#
# Publishes src/PhaseTracker.Web (Release) into a temporary folder, generates the document with the
# benchmarks' TrackingDocumentGenerator (as tests/perf/pages.sh does), imports it with the import verb,
# adds LEADS Lead users and a personal token for each with the users verbs, starts the published app on
# 127.0.0.1 and runs tests/load/locustfile.py headless. Then it checks:
#   - no request failed (Locust's failures and the scenario's exceptions; a 412 or 409 on a stale save is the
#     contract working and is not one),
#   - no lost writes: every edit that got a 2xx answer is in the database (each edited item is read back
#     through GET /api/items/{id} and holds the last saved value of each field that was edited).
# With WRK=1, wrk then loads /, /items, /items/{id} and /api/items in turn (WRK_THREADS threads,
# WRK_CONNECTIONS connections, WRK_DURATION each); its figures are reported, never judged.
#
# The report (requests per second, p50, p95, p99 per page and endpoint, the budgets, the load average)
# goes to stdout and OUT/report.md (default TestResults/load), with Locust's CSV files, the saved edits
# and the app's log. Exits non-zero on a failed request or a lost write, never on latency. The app is
# stopped and the temporary folder removed on exit (also on failure or Ctrl-C).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
users="${USERS:-100}"
leads="${LEADS:-10}"
spawn_rate="${SPAWN_RATE:-20}"
duration="${DURATION:-5m}"
items="${ITEMS:-1000}"
adrs="${ADRS:-100}"
wrk_threads="${WRK_THREADS:-2}"
wrk_connections="${WRK_CONNECTIONS:-32}"
wrk_duration="${WRK_DURATION:-10s}"
limit="${LIMIT_SECONDS:-600}"
out="${OUT:-$repo/TestResults/load}"

work="$(mktemp -d "${TMPDIR:-/tmp}/phasetracker-load.XXXXXX")"
app_pid=""
sampler_pid=""
cleanup() {
  if [[ -n "$sampler_pid" ]]; then kill "$sampler_pid" 2>/dev/null || true; fi
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [[ -f "$work/app.log" ]]; then cp "$work/app.log" "$out/app.log" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'printf "stopped at line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null || { say "$1 is missing (apt-get install -y $2)"; exit 1; }; }
need curl curl
need python3 python3
need locust python3-locust
if [[ "${WRK:-0}" == 1 ]]; then need wrk wrk; fi

rm -rf "$out"
mkdir -p "$out"

say "publishing src/PhaseTracker.Web to $work/app ..."
if ! timeout "$limit" dotnet publish "$repo/src/PhaseTracker.Web" -c Release -o "$work/app" --nologo >"$work/publish.log" 2>&1; then
  cat "$work/publish.log" >&2
  exit 1
fi

say "generating a document of $items items and $adrs decision records ..."
mkdir -p "$work/generator"
cat >"$work/generator/Generator.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$repo/tests/PhaseTracker.Benchmarks/TrackingDocumentGenerator.cs" />
  </ItemGroup>
</Project>
XML
cat >"$work/generator/Program.cs" <<'CS'
var text = PhaseTracker.Benchmarks.TrackingDocumentGenerator.Generate(int.Parse(args[1]), int.Parse(args[2]), seed: 42);
File.WriteAllText(args[0], text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
CS
doc="$work/load-$items.md"
if ! timeout "$limit" dotnet run -c Release --project "$work/generator" -- "$doc" "$items" "$adrs" >"$work/generate.log" 2>&1; then
  cat "$work/generate.log" >&2
  exit 1
fi

# The command line on the test's database; its output goes to $work/cli.log, except what stdout gives back.
db="$work/load.db"
cli() { (cd "$work/app" && timeout "$limit" dotnet PhaseTracker.Web.dll "$@" --db "$db") 2>>"$work/cli.log"; }

say "importing $(stat -c %s "$doc") bytes into a fresh database ..."
if ! cli import "$doc" >>"$work/cli.log"; then cat "$work/cli.log" >&2; exit 1; fi

say "adding $leads leads and their tokens ..."
tokens="$work/tokens.txt"
: >"$tokens"
for ((i = 1; i <= leads; i++)); do
  email="lead$i@load.test"
  if ! echo "load-test-password-$i-$RANDOM$RANDOM" | cli users add "$email" --role Lead --password-stdin >>"$work/cli.log" \
    || ! token="$(cli users token "$email")"; then
    cat "$work/cli.log" >&2
    exit 1
  fi
  # The token is the last word on stdout.
  awk 'NF { last = $NF } END { print last }' <<<"$token" >>"$tokens"
done
[[ "$(grep -c . "$tokens")" == "$leads" ]] || { say "expected $leads tokens, got $(grep -c . "$tokens")"; exit 1; }

port="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5188)}"
base="http://127.0.0.1:$port"
say "starting the app on $base ..."
(
  cd "$work/app"
  exec env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__PhaseTracker=Data Source=$db" \
    dotnet PhaseTracker.Web.dll --urls "$base"
) >"$work/app.log" 2>&1 &
app_pid=$!

# Ready when /healthz answers 200 (its body, plain "Healthy" or JSON, says "Healthy" too).
healthy() { [[ "$(curl -s -m 2 -o "$work/healthz.txt" -w '%{http_code}' "$base/healthz" || true)" == 200 ]] && grep -q Healthy "$work/healthz.txt"; }
for _ in $(seq 300); do
  if healthy; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then say "the app stopped:"; cat "$work/app.log" >&2; exit 1; fi
  sleep 0.2
done
healthy || { say "the app did not become healthy"; tail -50 "$work/app.log" >&2; exit 1; }

# A few requests per page first, so that the first users do not meet a cold JIT and cold caches.
say "warming up ..."
item="$(curl -s "$base/items" | grep -o 'href="/items/[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*' || true)"
for page in / /items "/items/${item:-1}" /matrix /roadmap /adrs /adrs/1 "/api/items?pageSize=100" "/api/items/${item:-1}"; do
  for _ in $(seq 10); do curl -s -o /dev/null "$base$page" || true; done
done

# The load average every 5 seconds while Locust runs: the machine is shared, and the figures depend on it.
(while sleep 5; do cut -d' ' -f1 /proc/loadavg; done) >"$out/loadavg.txt" &
sampler_pid=$!

say "running Locust: $users users ($leads leads' tokens), spawning $spawn_rate a second, for $duration ..."
started="$(date -u +%Y-%m-%dT%H:%MZ)"
locust_status=0
# Locust stops by itself after DURATION (and waits up to 5 s for the users' last requests).
LOAD_TOKENS="$tokens" LOAD_EDITS="$out/edits.jsonl" \
  locust -f "$repo/tests/load/locustfile.py" --headless -u "$users" -r "$spawn_rate" -t "$duration" \
  --stop-timeout 5 -H "$base" --csv "$out/locust" --only-summary --loglevel WARNING \
  >"$out/locust.log" 2>&1 || locust_status=$?
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
touch "$out/edits.jsonl"

failed=0
say "checking for failed requests (Locust exited with $locust_status) ..."
python3 "$repo/tests/load/check.py" failures "$out/locust" || failed=1
# Locust's own verdict too: its CSV files can be written before the last in-flight requests end.
if ((locust_status != 0)); then say "Locust exited with $locust_status: see $out/locust.log"; failed=1; fi
say "checking for lost writes ..."
python3 "$repo/tests/load/check.py" lost-writes "$out/edits.jsonl" "$base" "$(head -1 "$tokens")" || failed=1

# wrk on the hottest pages, for throughput: figures only.
declare -A wrk_rps wrk_p50 wrk_p99 wrk_errors
wrk_pages=()
if [[ "${WRK:-0}" == 1 ]]; then
  wrk_pages=(/ /items "/items/${item:-1}" /api/items)
  for page in "${wrk_pages[@]}"; do
    say "wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration $page ..."
    wrk -t"$wrk_threads" -c"$wrk_connections" -d5s "$base$page" >/dev/null 2>&1 # warm-up
    wrk -t"$wrk_threads" -c"$wrk_connections" -d"$wrk_duration" --latency "$base$page" >"$out/wrk$(tr / _ <<<"$page").txt" 2>&1
    file="$out/wrk$(tr / _ <<<"$page").txt"
    wrk_rps[$page]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")"
    wrk_p50[$page]="$(awk '$1 == "50%" { print $2 }' "$file")"
    wrk_p99[$page]="$(awk '$1 == "99%" { print $2 }' "$file")"
    wrk_errors[$page]="$( (grep -E 'Non-2xx|Socket errors' "$file" || echo none) | tr -s ' ' | paste -sd';')"
  done
fi

say "stopping the app ..."
kill "$app_pid" 2>/dev/null || true
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done

edits="$(grep -c . "$out/edits.jsonl" || true)"
loads="$(sort -n "$out/loadavg.txt" | awk 'NR == 1 { min = $1 } { max = $1; sum += $1; n++ } END { if (n) printf "%.2f to %.2f (mean %.2f)", min, max, sum / n; else print "not sampled" }')"
{
  echo "Load test, $started, $(nproc) cores ($(uname -m)), $items items and $adrs ADRs;" \
    "locust --headless -u $users -r $spawn_rate -t $duration ($leads leads' tokens)"
  echo
  python3 "$repo/tests/load/check.py" report "$out/locust"
  echo
  echo "$edits edits saved (stale saves, 412 or 409, are counted apart under their own names). Load average (1 min) during the run: $loads."
  if ((${#wrk_pages[@]})); then
    echo
    echo "wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration --latency, after a 5 s warm-up per page:"
    echo
    echo "| page | requests/s | p50 | p99 | errors |"
    echo "|---|---:|---:|---:|---|"
    for page in "${wrk_pages[@]}"; do
      echo "| $page | ${wrk_rps[$page]} | ${wrk_p50[$page]} | ${wrk_p99[$page]} | ${wrk_errors[$page]} |"
    done
  fi
  echo
  if ((failed)); then echo "FAILED: a request failed or a write was lost (see above)."; else echo "No failed request, no lost write."; fi
} | tee "$out/report.md"
exit "$failed"
