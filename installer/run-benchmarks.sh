#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md and writes one dated report: target/bench/YYYY-MM-DD-HHMM.md
# (each bench's own table, with the machine's load average before and after it, and the exact command).
#
#   installer/run-benchmarks.sh            # the full set (about 30-40 minutes on 2 cores)
#   QUICK=1 installer/run-benchmarks.sh    # fewer rounds and smaller catalogs (about 10 minutes): indicative only
#   JIT=both installer/run-benchmarks.sh   # the heavy paths once with C1 only and once with tiered C1+C2 (ADR 0064)
# With the app image there, the command-line bench also times every import through bin/baycover (as installed).
#
# Run it on a quiet machine (no builds): figures taken with a 1-minute load average above 1.0 are marked
# "indicative" in the report. Works on a fresh clone: Maven downloads what it needs (no -o). The start-up and
# memory benches need the app image (mvn -B -Pinstaller package) and Xvfb; they are skipped without it.
set -uo pipefail
cd "$(dirname "$0")/.."
QUICK=${QUICK:-0}
JIT=${JIT:-c1}
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT=target/bench/$STAMP
mkdir -p "$OUT"
REPORT=target/bench/$STAMP.md

mvn -B -q test-compile || { echo "test-compile failed" >&2; exit 1; }
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null || exit 1
CP=target/test-classes:target/classes:$(cat "$OUT/classpath.txt")

load1() { cut -d' ' -f1 /proc/loadavg; }
{
  echo "# Benchmarks of $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1), $(nproc) cores,"
  echo "$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM. QUICK=$QUICK, JIT=$JIT."
  echo "Every figure below is one run of the command shown; the load average (1, 5, 15 min) is read right before and"
  echo "right after. A run that started or ended with a 1-minute load above 1.0 is marked **indicative**."
  echo
} > "$REPORT"

# bench NAME JITMODE MAIN ARGS... : runs one bench in its own JVM and appends its output to the report
bench() {
  local name=$1 jit=$2 main=$3
  shift 3
  local flags=(-Xmx3g)
  [ "$jit" = c1 ] && flags+=(-XX:TieredStopAtLevel=1)
  local before after
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  local t0=$SECONDS
  java "${flags[@]}" -cp "$CP" "$main" "$@" > "$OUT/$name-$jit.txt" 2>&1
  local rc=$?
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  local mark=""
  awk -v a="${before%% *}" -v b="${after%% *}" 'BEGIN {exit !(a > 1.0 || b > 1.0)}' && mark=" — **indicative** (load above 1.0)"
  {
    echo "## $name ($jit)$mark"
    echo
    echo "\`java ${flags[*]} -cp CLASSPATH $main $*\` — exit $rc, $((SECONDS - t0)) s, load before $before, after $after"
    echo
    echo '```'
    cat "$OUT/$name-$jit.txt"
    echo '```'
    echo
  } >> "$REPORT"
  echo "$name ($jit): exit $rc, load $before -> $after" >&2
}

if [ "$JIT" = both ]; then MODES="c1 tiered"; else MODES=$JIT; fi
# imports also as installed (bin/baycover: the image's runtime and AppCDS archive), when the app image is there
image() { [ "$1" = c1 ] && [ -x target/jpackage/BayCover/bin/baycover ] && echo --image target/jpackage/BayCover; }
for j in $MODES; do
  if [ "$QUICK" = 1 ]; then
    bench lookup "$j" hk.baycover.bench.LookupBench 20000 1000 1
    bench recommend "$j" hk.baycover.bench.RecommendBenchmark 5
    bench gaps "$j" hk.baycover.bench.GapBench 5
    bench compare "$j" hk.baycover.bench.CompareBench 3
    bench cli-scale "$j" hk.baycover.bench.CliScaleBench --jit "$j" --repeat 1 $(image "$j") 30000 20000 1000
  else
    bench lookup "$j" hk.baycover.bench.LookupBench 100000 2000 5
    bench recommend "$j" hk.baycover.bench.RecommendBenchmark 30
    bench gaps "$j" hk.baycover.bench.GapBench 20
    bench compare "$j" hk.baycover.bench.CompareBench 20
    bench cli-scale "$j" hk.baycover.bench.CliScaleBench --jit "$j" $(image "$j") 179000 100000 10000
  fi
done
# the real main window, headless: per-step "on screen" and "done" times, the longest pulse gap and its FX-thread CPU
bench pulse-stall c1 hk.baycover.bench.PulseStallBench "$([ "$QUICK" = 1 ] && echo 2 || echo 5)"
if [ "$QUICK" != 1 ]; then
  bench store c1 hk.baycover.bench.StoreBench 20
  bench trust c1 hk.baycover.bench.TrustBench
  bench gap-json-memory c1 hk.baycover.bench.GapJsonMemoryBench 1000 5000 10000
fi

if [ -x target/jpackage/BayCover/bin/baycover ]; then
  for s in bench-startup measure-memory; do
    before=$(cut -d' ' -f1-3 /proc/loadavg)
    if [ $s = bench-startup ]; then installer/bench-startup.sh "$([ "$QUICK" = 1 ] && echo 3 || echo 10)" > "$OUT/$s.txt" 2>&1
    else installer/measure-memory.sh > "$OUT/$s.txt" 2>&1; fi
    rc=$?
    after=$(cut -d' ' -f1-3 /proc/loadavg)
    { echo "## $s"; echo; echo "\`installer/$s.sh\` — exit $rc, load before $before, after $after"; echo; cat "$OUT/$s.txt"; echo; } >> "$REPORT"
    echo "$s: exit $rc, load $before -> $after" >&2
  done
else
  echo "## start-up and memory: skipped (no app image: run mvn -B -Pinstaller package first)" >> "$REPORT"
fi
echo "report: $REPORT"
