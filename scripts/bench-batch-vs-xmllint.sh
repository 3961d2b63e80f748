#!/bin/bash
# Bulk screening against XSD validation, back to back on the same files (issue 18).
#
#   scripts/bench-batch-vs-xmllint.sh [BINARY] [COUNT...]
#
# Generates COUNT dossiers (seed 2026, none broken; default 2000 and 20000) once under $WORK (default: a fresh
# folder from mktemp, removed at the end; set WORK to keep the generated sets between runs), then times, each the fastest of $REPEAT runs (default 3): `xmllint --noout`,
# `xmllint --noout --schema Rulesets/schema/dossier-1.xsd` (one process over all files, through xargs),
# `totaalbeeld batch --jobs 1` and `--jobs 2` (--quiet). Prints seconds and milliseconds per dossier, and the
# ratio of one job to the schema validation (the issue's target: at most 2×).
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${1:-.build/release/totaalbeeld}
shift || true
COUNTS=${*:-2000 20000}
if [ -z "${WORK:-}" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
REPEAT=${REPEAT:-3}
SCHEMA=Rulesets/schema/dossier-1.xsd
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

fastest() { # command... → "wall cpu" in seconds of the fastest (by wall time) of $REPEAT runs; cpu = user + system
    local best="" best_cpu="" timing
    timing=$(mktemp)
    for _ in $(seq "$REPEAT"); do
        /usr/bin/time -f '%e %U %S' -o "$timing" "$@" >/dev/null 2>&1 || true
        read -r wall user system < "$timing"
        if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then
            best=$wall
            best_cpu=$(echo "$user + $system" | bc)
        fi
    done
    rm -f "$timing"
    echo "$best $best_cpu"
}

for count in $COUNTS; do
    set_dir="$WORK/set-$count"
    if [ ! -f "$set_dir/.complete" ]; then
        rm -rf "$set_dir"
        "$BINARY" generate --count "$count" --seed 2026 --out "$set_dir" >/dev/null
        find "$set_dir" -name '*.dossier.xml' | sort > "$set_dir/.files"
        touch "$set_dir/.complete"
    fi
    rm -rf "$WORK/out"
    read -r noout noout_cpu <<< "$(fastest sh -c "xargs xmllint --noout < '$set_dir/.files'")"
    read -r schema schema_cpu <<< "$(fastest sh -c "xargs xmllint --noout --schema '$SCHEMA' < '$set_dir/.files'")"
    read -r jobs1 jobs1_cpu <<< "$(fastest sh -c "rm -rf '$WORK/out'; '$BINARY' batch '$set_dir' --out '$WORK/out' --jobs 1 --quiet")"
    read -r jobs2 jobs2_cpu <<< "$(fastest sh -c "rm -rf '$WORK/out'; '$BINARY' batch '$set_dir' --out '$WORK/out' --jobs 2 --quiet")"
    for name in noout schema jobs1 jobs2; do
        seconds=${!name}
        cpu_name=${name}_cpu
        printf '%6d dossiers  %-7s %8.2f s  %7.3f ms/dossier  (CPU %.2f s)\n' "$count" "$name" "$seconds" \
            "$(echo "$seconds * 1000 / $count" | bc -l)" "${!cpu_name}"
    done
    printf '%6d dossiers  --jobs 1 / xmllint --schema = %.2f×, --jobs 1 / --jobs 2 = %.2f×\n' "$count" \
        "$(echo "$jobs1 / $schema" | bc -l)" "$(echo "$jobs1 / $jobs2" | bc -l)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
