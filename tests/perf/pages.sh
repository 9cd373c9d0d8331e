#!/usr/bin/env bash
# Measures the browse pages on a large database: 10,000 items and 999 decision records (the generator's
# ceiling: ADR numbers have three digits).
#
#   tests/perf/pages.sh                      # 50 sequential requests per page, wrk 2 threads / 32 connections / 10 s
#   RUNS=100 DURATION=20s tests/perf/pages.sh
#   PAGES="/adrs /adrs/1" tests/perf/pages.sh
#
# Publishes src/PhaseTracker.Web (Release) into a temporary folder, generates the document with the
# benchmarks' TrackingDocumentGenerator (compiled into a throwaway console project), imports it with the
# published command line, starts the published app on 127.0.0.1 (Production environment, its default
# settings), and for each page:
#   - warms it up (WARMUP requests, then WARMUP_LOAD of wrk),
#   - times RUNS sequential requests on one kept-alive connection (curl's time_total) and takes the median,
#   - loads it with wrk (THREADS threads, CONNECTIONS connections, DURATION) for requests per second;
# /healthz is loaded the same way before and after the pages, and each page's requests per second is
# compared with the higher of the two. Targets (issue 3): median under 100 ms, and at least half of
# /healthz's requests per second.
#
# The app is stopped and the temporary folder removed on exit (also on failure or Ctrl-C).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-50}"
warmup="${WARMUP:-20}"
warmup_load="${WARMUP_LOAD:-5s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-10s}"
items="${ITEMS:-10000}"
adrs="${ADRS:-999}"
limit="${LIMIT_SECONDS:-600}"

work="$(mktemp -d "${TMPDIR:-/tmp}/phasetracker-pages.XXXXXX")"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'printf "stopped at line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null || { say "$1 is missing (apt-get install -y $2)"; exit 1; }; }
need curl curl
need wrk wrk

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
doc="$work/pages-$items.md"
if ! timeout "$limit" dotnet run -c Release --project "$work/generator" -- "$doc" "$items" "$adrs" >"$work/generate.log" 2>&1; then
  cat "$work/generate.log" >&2
  exit 1
fi

db="$work/pages.db"
say "importing $(stat -c %s "$doc") bytes into $db ..."
if ! (cd "$work/app" && timeout "$limit" dotnet PhaseTracker.Web.dll import "$doc" --db "$db") >"$work/import.log" 2>&1; then
  cat "$work/import.log" >&2
  exit 1
fi

port="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5187)}"
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

# PAGES="/adrs /document" measures only those; {item} is the first item the items list links to.
all_pages='/ /items /items/{item} /matrix /roadmap /adrs /adrs/1 /document'
read -r -a pages <<<"${PAGES:-$all_pages}"
if [[ " ${pages[*]} " == *"{item}"* ]]; then
  item="$(curl -s "$base/items" | grep -o 'href="/items/[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*' || true)"
  [[ -n "$item" ]] || { say "the items list links to no item"; exit 1; }
  pages=("${pages[@]//\{item\}/$item}")
fi

# median_ms PATH: RUNS sequential requests on one connection; fails unless every one answers 200.
median_ms() {
  local args=() i
  for ((i = 0; i < runs; i++)); do args+=(-o /dev/null "$base$1"); done
  curl -s -w '%{http_code} %{time_total}\n' "${args[@]}" >"$work/times.txt"
  if grep -qv '^200 ' "$work/times.txt"; then
    say "$1 answered $(grep -v '^200 ' "$work/times.txt" | head -1 | cut -d' ' -f1)"
    exit 1
  fi
  cut -d' ' -f2 "$work/times.txt" | sort -n | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'
}

# rps PATH: wrk's requests per second; fails if any response was not 2xx/3xx or any socket error.
rps() {
  wrk -t"$threads" -c"$connections" -d"$duration" "$base$1" >"$work/wrk.txt" 2>&1
  if grep -q 'Non-2xx or 3xx responses' "$work/wrk.txt"; then say "wrk on $1: $(grep 'Non-2xx' "$work/wrk.txt")"; exit 1; fi
  grep 'Socket errors' "$work/wrk.txt" >&2 || true
  awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt"
}

say "warming up ..."
for page in /healthz "${pages[@]}"; do
  for ((i = 0; i < warmup; i++)); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$base$page" || true)"
    [[ "$code" == 200 ]] || { say "$page answered ${code:-nothing}"; tail -20 "$work/app.log" >&2; exit 1; }
  done
  # A burst under load too, so that tiered JIT compilation has settled before anything is measured.
  wrk -t"$threads" -c"$connections" -d"$warmup_load" "$base$page" >/dev/null 2>&1
done

say "timing $runs sequential requests per page ..."
declare -A median
for page in /healthz "${pages[@]}"; do median[$page]="$(median_ms "$page")"; done

say "loading each page with wrk -t$threads -c$connections -d$duration ..."
healthz_before="$(rps /healthz)"
declare -A load
for page in "${pages[@]}"; do
  load[$page]="$(rps "$page")"
  say "  $page: ${median[$page]} ms median, ${load[$page]} requests/s"
done
healthz_after="$(rps /healthz)"
healthz=$((healthz_before > healthz_after ? healthz_before : healthz_after))

misses=0
echo "Browse pages, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $items items and $adrs ADRs; median of $runs sequential requests; wrk -t$threads -c$connections -d$duration"
echo
echo "| page | median ms | requests/s | ratio to /healthz | targets |"
echo "|---|---:|---:|---:|---|"
echo "| /healthz | ${median[/healthz]} | $healthz_before / $healthz_after (before / after the pages) | 1.00 | |"
for page in "${pages[@]}"; do
  ratio="$(awk -v a="${load[$page]}" -v b="$healthz" 'BEGIN { printf "%.2f", a / b }')"
  verdict="$(awk -v m="${median[$page]}" -v r="$ratio" 'BEGIN {
    s = "";
    if (m >= 100) s = s "median ≥ 100 ms; ";
    if (r < 0.5) s = s "under half of /healthz; ";
    print (s == "" ? "met" : "MISSED: " substr(s, 1, length(s) - 2)) }')"
  [[ "$verdict" == met ]] || misses=$((misses + 1))
  echo "| $page | ${median[$page]} | ${load[$page]} | $ratio | $verdict |"
done
echo
echo "Ratios are against the higher /healthz figure ($healthz requests/s). $misses of ${#pages[@]} pages missed a target."
