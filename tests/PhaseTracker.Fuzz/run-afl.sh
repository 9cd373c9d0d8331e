#!/usr/bin/env bash
# Fuzz the tracking document reader and writer with AFL++ and SharpFuzz.
#   tests/PhaseTracker.Fuzz/run-afl.sh                      # 30 minutes
#   FUZZ_SECONDS=28800 tests/PhaseTracker.Fuzz/run-afl.sh   # a night
# Installs afl++ (apt) and the sharpfuzz tool (into .tools/) when missing, publishes the harness into
# out/, instruments PhaseTracker.Tracking.dll and Markdig.dll, and runs afl-fuzz on corpus/; what it
# finds lands in findings/ (crashes in findings/default/crashes). docs/fuzzing.md says how to replay one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

seconds="${FUZZ_SECONDS:-1800}"
findings="${FUZZ_FINDINGS:-$here/findings}"
out="$here/out"
tools="$here/.tools"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "Installing afl++" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y afl++; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y afl++
  fi
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  echo "Installing the sharpfuzz tool into $tools" >&2
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

echo "Publishing the harness into $out" >&2
rm -rf "$out"
dotnet publish PhaseTracker.Fuzz.csproj -c Release -o "$out" --nologo

# Coverage comes from the instrumented assemblies only: the engine, and Markdig which parses for it.
for dll in PhaseTracker.Tracking.dll Markdig.dll; do
  "$tools/sharpfuzz" "$out/$dll"
done

# dotnet itself carries no AFL instrumentation (SharpFuzz's assemblies do), so the binary check is off.
# On a shared machine: no core pinning, no CPU governor demands, no core_pattern demands.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI="${AFL_NO_UI:-1}"

mkdir -p "$findings"
input="corpus"
if [ -d "$findings/default/queue" ] && [ -n "$(ls -A "$findings/default/queue" 2>/dev/null)" ]; then
  input="-"   # resume where the last run stopped
fi

echo "Running afl-fuzz for $seconds seconds; findings in $findings" >&2
afl-fuzz -i "$input" -o "$findings" -t 10000 -m none -V "$seconds" -- dotnet "$out/PhaseTracker.Fuzz.dll"
