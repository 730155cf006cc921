#!/usr/bin/env bash
# The main job end to end on the demo corpus (and the shared seeds where present),
# into a fresh knowledge base. Called by `make demo`; each stage adds its step here.
set -euo pipefail
PARLEY=${1:-parley}
DB=${2:-.demo/parley.db}
SHARED=${3:-../shared}

rm -f "$DB" "$DB-wal" "$DB-shm"
mkdir -p "$(dirname "$DB")"
inputs=(corpus/demo)
if [ -d "$SHARED/corpus/seeds" ]; then
  inputs+=("$SHARED/corpus/seeds")
fi

"$PARLEY" --version
"$PARLEY" ingest "${inputs[@]}" --db "$DB"
