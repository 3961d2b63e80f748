#!/usr/bin/env bash
# Fault injection for `totaalbeeld batch`: kills, a second process, a full disk.
#
#   scripts/fault-injection.sh [path/to/totaalbeeld]      (default: .build/debug/totaalbeeld)
#
# Generates a set with `totaalbeeld generate` and makes a clean reference run; then, FAULT_ITERATIONS times
# (default 20), starts a run, kills it with SIGKILL at a random moment (a random delay, or just after the
# last chunk is journalled, when the final outputs are being put in place), resumes it and compares all five
# outputs byte for byte with the reference; a finished directory must hold no temporary file, no journal and
# no lock. A `--resume` (and a fresh run) on a live run must be refused with exit 73 while the live run ends
# byte-identical. On a full disk (a small tmpfs when mount is allowed, else a loop-mounted ext2 image, else
# `ulimit -f`; the script says which) a run must fail naming the reason ("No space left on device"), leave no
# temporary file, and a resume once there is space must end byte-identical.
#
# One line per check; the last line is "N passed, N failed"; the exit status is 1 when anything failed.
# Environment: FAULT_ITERATIONS (20), FAULT_DOSSIERS (400), FAULT_CHUNK_SIZE (4), FAULT_JOBS (2), FAULT_SEED.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-.build/debug/totaalbeeld}
ITERATIONS=${FAULT_ITERATIONS:-20}
DOSSIERS=${FAULT_DOSSIERS:-400}
CHUNK=${FAULT_CHUNK_SIZE:-4}
JOBS=${FAULT_JOBS:-2}
RANDOM=${FAULT_SEED:-$$}
OUTPUTS=(results.jsonl results.csv errors.jsonl summary.json summary.txt)
LOCK=.totaalbeeld-lock

if [ ! -x "$BIN" ]; then
  echo "fault-injection: no executable at $BIN; run 'swift build' first or pass its path" >&2
  exit 66
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

work=$(mktemp -d "${TMPDIR:-/tmp}/totaalbeeld-faults.XXXXXX")
disk=""
background=""
cleanup() {
  if [ -n "$background" ]; then kill -9 "$background" 2>/dev/null || true; wait "$background" 2>/dev/null || true; fi
  if [ -n "$disk" ] && mountpoint -q "$disk" 2>/dev/null; then umount "$disk" 2>/dev/null || umount -l "$disk" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
pass() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# A run with the arguments every run uses; $1 is the output directory, further arguments are added.
# In the foreground, bounded by timeout(1).
batch() {
  local out=$1
  shift
  timeout 600 "$BIN" batch "$work/set" --out "$out" --chunk-size "$CHUNK" --jobs "$JOBS" --keep-going --quiet "$@"
}

# The same in the background, without timeout(1) in between, so that $! is the batch process itself: the pid
# that SIGKILL must reach and that a refused second process names.
batch_in_background() {
  local out=$1
  shift
  "$BIN" batch "$work/set" --out "$out" --chunk-size "$CHUNK" --jobs "$JOBS" --keep-going --quiet "$@" 2>/dev/null &
  background=$!
}

# Why $1 differs from the reference, or nothing.
differences() {
  local out=$1 name problems=""
  for name in "${OUTPUTS[@]}"; do
    if [ ! -f "$out/$name" ]; then problems+=" $name missing;"
    elif ! cmp -s "$work/reference/$name" "$out/$name"; then problems+=" $name differs;"
    fi
  done
  echo "$problems"
}

# What a finished directory must not hold: temporary names, the journal, the lock.
leftovers() {
  local out=$1 found
  found=$(find "$out" -maxdepth 2 -name '*.tmp-*' -printf '%P ' 2>/dev/null || true)
  [ -d "$out/.partial" ] && found+=".partial "
  ls -d "$out"/.partial-done* >/dev/null 2>&1 && found+=".partial-done* "
  [ -e "$out/$LOCK" ] && found+="$LOCK "
  echo "$found"
}

# Where a kill landed, judged from what it left.
phase() {
  local out=$1 name
  if [ -d "$out/.partial" ]; then
    for name in "${OUTPUTS[@]}"; do
      if [ -e "$out/$name" ] || ls "$out/$name".tmp-* >/dev/null 2>&1; then echo "during the final write"; return; fi
    done
    if [ "$(marker_count "$out")" -ge "${chunks:-0}" ] && [ "${chunks:-0}" -gt 0 ]; then echo "in the finish, before any output was in place"
    elif [ -f "$out/.partial/manifest.json" ]; then echo "while journalling"
    else echo "while starting"
    fi
  elif [ -f "$out/summary.json" ]; then
    echo "after the run had finished"
  else
    echo "before the journal existed"
  fi
}

marker_count() {
  local markers=("$1"/.partial/chunk-*.json)
  [ -e "${markers[0]}" ] && echo "${#markers[@]}" || echo 0
}

# Waits (bounded) until the run at $1 has at least $2 chunk markers or process $3 has ended.
wait_for_markers() {
  local out=$1 wanted=$2 pid=$3 deadline=$(($(now_ms) + 120000))
  while [ "$(marker_count "$out")" -lt "$wanted" ] && kill -0 "$pid" 2>/dev/null && [ "$(now_ms)" -lt "$deadline" ]; do
    sleep 0.002
  done
}

echo "fault-injection: $BIN, $DOSSIERS dossiers, chunks of $CHUNK, $JOBS jobs, $ITERATIONS kill iterations, in $work"

# --- Reference ------------------------------------------------------------------------------------------
"$BIN" generate --count "$DOSSIERS" --seed 2011 --broken-share 0.05 --out "$work/set" >/dev/null 2>&1
started=$(now_ms)
if batch "$work/reference"; then
  reference_ms=$(($(now_ms) - started))
  pass "reference run: $(grep -c . "$work/reference/results.jsonl") results in ${reference_ms} ms"
else
  fail "reference run exited $?"
  echo "$passed passed, $failed failed"
  exit 1
fi
found=$(sed -n 's/.*"found" *: *\([0-9]*\).*/\1/p' "$work/reference/summary.json" | head -n 1)
chunks=$(((found + CHUNK - 1) / CHUNK))

# --- Kill -9 at a random moment, resume, compare ----------------------------------------------------------
declare -A landed=()
for ((iteration = 1; iteration <= ITERATIONS; iteration++)); do
  out="$work/kill-$iteration"
  if ((iteration % 3 == 2)); then
    # Just after the last chunk is journalled, plus 0–30 ms: the finish (summaries read, outputs linked and written).
    batch_in_background "$out"
    wait_for_markers "$out" "$chunks" "$background"
    sleep "0.0$(printf '%02d' $((RANDOM % 30)))"
    how="0-30 ms after the last chunk"
  elif ((iteration % 3 == 0)); then
    # As the first final output appears (spinning on a builtin test, no process per poll), then a few more spins:
    # the hard links and summaries being put in place.
    batch_in_background "$out"
    wait_for_markers "$out" "$chunks" "$background"
    deadline=$((SECONDS + 30))
    while [ ! -e "$out/results.jsonl" ] && kill -0 "$background" 2>/dev/null && ((SECONDS < deadline)); do :; done
    for ((spin = RANDOM % 300; spin > 0; spin--)); do :; done
    how="as the outputs appeared"
  else
    # Anywhere in the run: 0–95 % of the reference run's time.
    delay=$((RANDOM % (reference_ms * 95 / 100 + 1)))
    batch_in_background "$out"
    sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    how="after ${delay} ms"
  fi
  kill -9 "$background" 2>/dev/null || true
  wait "$background" 2>/dev/null || true
  background=""
  where=$(phase "$out")
  landed[$where]=$((${landed[$where]:-0} + 1))
  status=0
  batch "$out" --resume 2>"$work/stderr" || status=$?
  problems=$(differences "$out")
  left=$(leftovers "$out")
  if [ "$status" -ne 0 ]; then
    fail "kill $iteration ($how, $where): resume exited $status: $(head -c 300 "$work/stderr")"
  elif [ -n "$problems" ] || [ -n "$left" ]; then
    fail "kill $iteration ($how, $where): after resume${problems}${left:+ left behind: $left}"
  else
    pass "kill $iteration ($how, $where): resumed, five outputs identical, no temporary file, journal or lock left"
  fi
  rm -rf "$out"
done
summary=""
for where in "${!landed[@]}"; do summary+="${summary:+, }${landed[$where]} $where"; done
echo "fault-injection: kills landed: $summary"

# --- A second process on a live run -------------------------------------------------------------------------
out="$work/live"
batch_in_background "$out"
live=$background
wait_for_markers "$out" 2 "$live"
if ! kill -0 "$live" 2>/dev/null; then
  fail "second process: the live run ended before it could be tested (raise FAULT_DOSSIERS)"
else
  for extra in "--resume" ""; do
    status=0
    # shellcheck disable=SC2086
    batch "$out" $extra 2>"$work/stderr" || status=$?
    if [ "$status" -eq 73 ] && grep -q "in use by pid $live" "$work/stderr"; then
      pass "second process${extra:+ with $extra} on a live run: refused with 73, 'in use by pid $live'"
    else
      fail "second process${extra:+ with $extra} on a live run: exit $status: $(head -c 300 "$work/stderr")"
    fi
  done
fi
status=0
wait "$live" || status=$?
background=""
problems=$(differences "$out")
left=$(leftovers "$out")
if [ "$status" -eq 0 ] && [ -z "$problems" ] && [ -z "$left" ]; then
  pass "live run beside the refused ones: exit 0, five outputs identical, nothing left behind"
else
  fail "live run beside the refused ones: exit $status${problems}${left:+ left behind: $left}"
fi

# --- Disk full ------------------------------------------------------------------------------------------------
disk="$work/disk"
mkdir -p "$disk"
method=""
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64m tmpfs "$disk" 2>/dev/null; then
  method="tmpfs of 64 MB"
elif [ "$(id -u)" -eq 0 ] && command -v mkfs.ext2 >/dev/null 2>&1 && truncate -s 64M "$work/disk.img" \
  && mkfs.ext2 -q -F "$work/disk.img" >/dev/null 2>&1 && mount -o loop "$work/disk.img" "$disk" 2>/dev/null; then
  method="loop-mounted ext2 image of 64 MB"
else
  method="ulimit -f (no mount allowed: the reason is then 'File too large', not a full disk)"
fi
echo "fault-injection: disk full simulated with a $method"

# Fills the disk with one file until at most $1 KiB are free.
fill() {
  local leave=$1 free
  free=$(df -Pk "$disk" | awk 'NR == 2 { print $4 }')
  if [ "$free" -gt "$leave" ]; then
    dd if=/dev/zero of="$disk/filler-$2" bs=1K count=$((free - leave)) status=none 2>/dev/null || true
  fi
}

check_full() {
  local label=$1 out=$2 status=$3 reason=$4 left
  left=$(find "$out" -maxdepth 2 -name '*.tmp-*' -printf '%P ' 2>/dev/null || true)
  if [ "$status" -eq 73 ] && grep -q "$reason" "$work/stderr" && [ -z "$left" ]; then
    pass "$label: exit 73, '$(grep -o "cannot [a-z ]*[^:]*: $reason" "$work/stderr" | head -n 1 | sed "s|$work/||g")', no temporary file"
  else
    fail "$label: exit $status, ${left:+left behind: $left, }stderr: $(head -c 300 "$work/stderr")"
  fi
}

check_resumed() {
  local label=$1 out=$2 status=0 problems left
  batch "$out" --resume 2>"$work/stderr" || status=$?
  problems=$(differences "$out")
  left=$(leftovers "$out")
  if [ "$status" -eq 0 ] && [ -z "$problems" ] && [ -z "$left" ]; then
    pass "$label: resumed with space again, five outputs identical, nothing left behind"
  else
    fail "$label: resume exit $status${problems}${left:+ left behind: $left}: $(head -c 300 "$work/stderr")"
  fi
}

journal_kib=$(($(du -sk "$work/reference" | cut -f1) + 64))
summary_bytes=$(stat -c %s "$work/reference/summary.json")
if [[ $method == ulimit* ]]; then
  # Full while journalling: no file may grow past a third of the reference's results.
  out="$disk/journalling"
  status=0
  (trap '' XFSZ; ulimit -f $((journal_kib / 3)); batch "$out") 2>"$work/stderr" || status=$?
  check_full "file size limit while journalling" "$out" "$status" "File too large"
  check_resumed "file size limit while journalling" "$out"
  # At the summary step: the journal complete (killed just after it), then a limit below summary.json's size.
  out="$disk/summary"
  batch_in_background "$out"
  wait_for_markers "$out" "$chunks" "$background"
  kill -9 "$background" 2>/dev/null || true
  wait "$background" 2>/dev/null || true
  background=""
  status=0
  (trap '' XFSZ; ulimit -f $((summary_bytes / 2048)); batch "$out" --resume) 2>"$work/stderr" || status=$?
  check_full "file size limit at the summary step ($(phase "$out"))" "$out" "$status" "File too large"
  check_resumed "file size limit at the summary step" "$out"
else
  # Full while journalling: a third of what the run needs is free.
  out="$disk/journalling"
  fill $((journal_kib / 3)) a
  status=0
  batch "$out" 2>"$work/stderr" || status=$?
  check_full "disk full while journalling" "$out" "$status" "No space left on device"
  rm -f "$disk/filler-a"
  check_resumed "disk full while journalling" "$out"
  # Full at the summary step: the journal complete (killed just after it), then the disk fills up.
  out="$disk/summary"
  batch_in_background "$out"
  wait_for_markers "$out" "$chunks" "$background"
  kill -9 "$background" 2>/dev/null || true
  wait "$background" 2>/dev/null || true
  background=""
  where=$(phase "$out")
  fill 0 b
  status=0
  batch "$out" --resume 2>"$work/stderr" || status=$?
  if [ "$where" = "after the run had finished" ]; then
    fail "disk full at the summary step: the run finished before the disk could fill (raise FAULT_DOSSIERS)"
  else
    check_full "disk full at the summary step (killed $where, then the disk filled)" "$out" "$status" "No space left on device"
  fi
  rm -f "$disk/filler-b"
  check_resumed "disk full at the summary step" "$out"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
