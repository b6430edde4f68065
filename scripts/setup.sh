#!/usr/bin/env bash
# Installs the Debian packages PolicyIngest needs when they are missing (as root), or says exactly what to run.
# Usage: scripts/setup.sh [runtime|test]   — "test" adds what the test suite needs (headless Chromium; python3-jieba,
# the segmenter's parity reference and what scripts/jieba-models.py regenerates models/jieba/ from; postgresql, the
# server the catalogue tests start a throwaway cluster of: scripts/test-postgres.sh).
set -euo pipefail
profile="${1:-runtime}"

runtime_pkgs=(poppler-utils poppler-data libreoffice-writer fonts-noto-cjk tesseract-ocr tesseract-ocr-chi-sim qpdf)
test_pkgs=(chromium chromium-driver python3-jieba postgresql)
pkgs=("${runtime_pkgs[@]}")
[ "$profile" = "test" ] && pkgs+=("${test_pkgs[@]}")

missing=()
while read -r name status; do
  [ "$status" = "installed" ] || missing+=("$name")
done < <(for p in "${pkgs[@]}"; do
  s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  echo "$p ${s:-absent}"
done)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "setup: missing Debian packages. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK (dotnet) is not on PATH; install it first" >&2
  exit 1
fi
