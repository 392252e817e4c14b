#!/usr/bin/env bash
# Fail unless `pyright --verifytypes aiocomet` scores 100%: every public symbol of the
# installed package has a type a checker does not have to guess. Unknowns that come
# from dependencies (aiohttp, yarl) are not ours to fix, hence --ignoreexternal.
#
# Usage: scripts/check_types.sh [python]   (default: the `python` on PATH, which must
# have aiocomet and pyright installed, e.g. `pip install -e '.[test]'`).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-python}
BIN=$(dirname "$(command -v "$PY")")
# pyright --verifytypes resolves the package with the `python` it finds on PATH.
export PATH="$BIN:$PATH"

report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
"$BIN/pyright" --verifytypes aiocomet --ignoreexternal --outputjson > "$report" || status=$?
score=$("$BIN/python" -c '
import json, sys
score = json.load(open(sys.argv[1]))["typeCompleteness"]["completenessScore"]
print(f"{score:.1%}" if score < 1 else "100%")
' "$report")
if [ "$status" -ne 0 ] || [ "$score" != "100%" ]; then
    "$BIN/pyright" --verifytypes aiocomet --ignoreexternal | grep -v "^   aiocomet" || true
    echo "pyright --verifytypes aiocomet: type completeness $score (must be 100%), pyright exit $status"
    exit 1
fi
echo "pyright --verifytypes aiocomet: 100% of the public API has a known type"
