#!/usr/bin/env bash
# Validates the Prometheus alerting rules in docs/operations/alerts.yml with promtool.
# Installs promtool (Debian package "prometheus") when it is missing. Run from anywhere.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rules="$root/docs/operations/alerts.yml"

if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool is missing: installing the Debian package 'prometheus'" >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy prometheus 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    $sudo_cmd apt-get update -qq
  fi
  $sudo_cmd apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

promtool check rules "$rules"
