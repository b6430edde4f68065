#!/usr/bin/env bash
# Rebuilds corpus/ from ../shared (seeds and revision pairs) and writes corpus/manifest.json.
# Needs: dotnet, LibreOffice (soffice), poppler-utils (pdftoppm), fonts-noto-cjk. See corpus/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${1:-$ROOT/../shared}"
dotnet run --project "$ROOT/tools/PolicyIngest.CorpusBuilder" -c Release -- "$ROOT/corpus" "$SHARED"
du -sh "$ROOT/corpus" | awk '{print "corpus: " $1 " in total"}'
