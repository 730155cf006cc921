#!/usr/bin/env bash
# The main job end to end on the demo corpus (and the shared seeds where present),
# into a fresh knowledge base. Called by `make demo`; each stage adds its step here.
set -euo pipefail
PARLEY=${1:-parley}
DB=${2:-.demo/parley.db}
SHARED=${3:-../shared}

rm -f "$DB" "$DB-wal" "$DB-shm"
mkdir -p "$(dirname "$DB")"
inputs=()
for folder in corpus/demo "$SHARED/corpus/seeds"; do
  if [ -d "$folder" ]; then
    inputs+=("$folder")
  else
    echo "demo: $folder not found, skipped" >&2
  fi
done
if [ ${#inputs[@]} -eq 0 ]; then
  echo "demo: no input folders found" >&2
  exit 1
fi

"$PARLEY" --version
"$PARLEY" ingest "${inputs[@]}" --db "$DB"
"$PARLEY" articles --db "$DB"

# Extraction: per article the actors, quotes with speakers, meetings and calls with
# dates, and stances, as `parley ingest` stored them in the knowledge base.
"$PARLEY" records --db "$DB"
"$PARLEY" events --type CONSULT --db "$DB"
"$PARLEY" quotes --speaker yuri-ushakov --db "$DB"
"$PARLEY" stances --db "$DB"

# News -> stance records -> scenario -> forecast: the pack's positions updated by the stances
# ingest extracted, a BDM forecast, and the articles that moved it (docs/forecast.md).
"$PARLEY" forecast --db "$DB" --case ukraine-2025 --model bdm --top 3

# Where a deal can land: the evidence-updated scenario through the spatial models (with
# Monte Carlo bands), then the United States carrying the 28-point plan between the sides.
SCENARIO="$(dirname "$DB")/scenario.yaml"
"$PARLEY" scenario export --db "$DB" --case ukraine-2025 -o "$SCENARIO"
"$PARLEY" simulate "$SCENARIO" -m compromise,median,bdm,smp --runs 500 --seed 1 \
  -i territory-donbas -i nato-membership -i army-size -i sanctions-relief
"$PARLEY" mediate ukraine-2025 --runs 200 --seed 1
