#!/usr/bin/env bash
# Start-up bench: BayCover against a bare JavaFX window (the platform floor), side by side in the same run,
# both launched the same way: the app image's own runtime, the java-options of its launcher config (BayCover.cfg),
# a plain main class that does not extend Application. Reports ms from process start to first frame and to
# "interactive" (main window with the catalog loaded): median, p25/p75, min/max over RUNS runs, and the ratio.
#
#   installer/bench-startup.sh [RUNS]          # default 10; needs target/jpackage/BayCover (mvn -B -Pinstaller package)
#   ONLY="bare installed" installer/bench-startup.sh 5   # just these variants
#
# Variants:
#   bare, baycover             image runtime + the runtime's default CDS archive (JDK and JavaFX classes), no AppCDS
#   bare-appcds, baycover-appcds  the same plus a dynamic AppCDS archive each (-XX:ArchiveClassesAtExit once, then
#                              -XX:SharedArchiveFile): the app's own classes too
#   bare-tiered, baycover-tiered  the same as bare, baycover without -XX:TieredStopAtLevel=1 (C1 + C2; ADR 0064)
#   installed                  bin/baycover, the start script behind /usr/bin/baycover and the menu entry, with the
#                              image's AppCDS archive lib/app/baycover.jsa (ADR 0062) dumped for where the image is
#   bare-sw                    only on a machine with no GPU device: the bare window on the sw pipeline without the
#                              OpenGL probe, as the start script starts BayCover there (ADR 0067); installed / bare-sw
#                              compares like with like
#   launcher                   bin/BayCover, jpackage's native launcher (JDK 17: queries rpm/dpkg at each start)
# Needs a display: uses $DISPLAY, else starts Xvfb (apt-get install -y xvfb libgtk-3-0 fonts-wqy-zenhei).
# The report is also written to target/jpackage/bench-startup.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
IMAGE=target/jpackage/BayCover
[ -x "$IMAGE/bin/BayCover" ] || { echo "no app image at $IMAGE: run mvn -B -Pinstaller package first" >&2; exit 1; }
JAVA=$PWD/$IMAGE/lib/runtime/bin/java
APPDIR=$PWD/$IMAGE/lib/app
[ -f target/test-classes/hk/baycover/ui/bench/BareWindow.class ] || mvn -B -q test-compile
WORK=$(mktemp -d)
XVFB_PID=""
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$WORK"' EXIT
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:$((190 + RANDOM % 50))
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
fi

# the bare window's jar (CDS takes jars only) and the two class paths
jar cf "$WORK/bench.jar" -C target/test-classes hk/baycover/ui/bench
APPCP=$(ls "$APPDIR"/*.jar | tr '\n' ':'); APPCP=${APPCP%:}
BARECP=$APPDIR/baycover.jar:$WORK/bench.jar
# the launcher's own JVM options, so both are started exactly as bin/BayCover starts BayCover
mapfile -t OPTS < <(sed -n '/^\[JavaOptions\]/,/^\[/p' "$APPDIR/BayCover.cfg" | sed -n 's/^java-options=//p' | sed "s#\$APPDIR#$APPDIR#g")
echo "JVM options (from BayCover.cfg): ${OPTS[*]}" >&2
TIERED=()
for o in "${OPTS[@]}"; do [ "$o" = -XX:TieredStopAtLevel=1 ] || TIERED+=("$o"); done

# a data folder seeded with the shipped catalog (the first start imports it; the bench measures later starts)
DATA=$WORK/data
"$IMAGE/bin/BayCover" --data-dir "$DATA" info >/dev/null

# the AppCDS archives: one training run each
"$JAVA" "${OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/bare.jsa" -Dbaycover.startupProbe="$WORK/t1" \
  -Dbaycover.startupProbe.exit=firstFrame -cp "$BARECP" hk.baycover.ui.bench.BareWindow >/dev/null 2>&1
"$JAVA" "${OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dbaycover.startupProbe="$WORK/t2" \
  -Dbaycover.startupProbe.exit=interactive -cp "$APPCP" hk.baycover.Launcher --data-dir "$DATA" >/dev/null 2>&1
[ -f "$WORK/bare.jsa" ] && [ -f "$WORK/app.jsa" ] || { echo "AppCDS training runs made no archive" >&2; exit 1; }

variant() { local IFS=$'\t'; echo "$*"; }
NOGPU=1
for dev in /dev/dri/* /dev/nvidia* /dev/dxg; do [ -e "$dev" ] && NOGPU=0; done
{
  variant bare firstFrame "$JAVA" "${OPTS[@]}" -cp "$BARECP" hk.baycover.ui.bench.BareWindow
  variant baycover interactive "$JAVA" "${OPTS[@]}" -cp "$APPCP" hk.baycover.Launcher --data-dir "$DATA"
  variant bare-appcds firstFrame "$JAVA" "${OPTS[@]}" -XX:SharedArchiveFile="$WORK/bare.jsa" -cp "$BARECP" hk.baycover.ui.bench.BareWindow
  variant baycover-appcds interactive "$JAVA" "${OPTS[@]}" -XX:SharedArchiveFile="$WORK/app.jsa" -cp "$APPCP" hk.baycover.Launcher --data-dir "$DATA"
  # the JIT choice (ADR 0064): the same two without -XX:TieredStopAtLevel=1 (tiered C1 + C2)
  variant bare-tiered firstFrame "$JAVA" "${TIERED[@]}" -cp "$BARECP" hk.baycover.ui.bench.BareWindow
  variant baycover-tiered interactive "$JAVA" "${TIERED[@]}" -cp "$APPCP" hk.baycover.Launcher --data-dir "$DATA"
  variant installed interactive "$PWD/$IMAGE/bin/baycover" --data-dir "$DATA"
  # with no GPU device the start script (installed) picks the sw pipeline without probing OpenGL (ADR 0067): the bare
  # window started the same way is its floor
  if [ "$NOGPU" = 1 ]; then variant bare-sw firstFrame /usr/bin/env GDK_GL=disable "$JAVA" "${OPTS[@]}" -Dprism.order=sw -cp "$BARECP" hk.baycover.ui.bench.BareWindow; fi
  variant launcher interactive "$PWD/$IMAGE/bin/BayCover" --data-dir "$DATA"
} > "$WORK/variants.tsv"

# ONLY="bare installed" (names): run just those variants (quicker; the ratios need bare and one of the others)
if [ -n "${ONLY:-}" ]; then
  awk -F'\t' -v only=" $ONLY " 'index(only, " " $1 " ")' "$WORK/variants.tsv" > "$WORK/only.tsv" && mv "$WORK/only.tsv" "$WORK/variants.tsv"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the bench" >&2
java -cp target/test-classes:target/classes hk.baycover.bench.StartupBench "$WORK/variants.tsv" "$RUNS" bare baycover "$WORK/report.md"
echo
# the same ratios for the AppCDS pair and for the native launcher
python3 - "$WORK/report.md" <<'PY'
import re, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"\| (\S+) \| (\S+) \| (\d+) \|", line)
    if m: rows[(m.group(1), m.group(2))] = int(m.group(3))
for app, bare in (("baycover-appcds", "bare-appcds"), ("baycover-tiered", "bare-tiered"), ("baycover-tiered", "bare"), ("installed", "bare"), ("installed", "bare-sw"), ("launcher", "bare")):
    for ev in ("firstFrame", "interactive"):
        if (app, ev) in rows and (bare, "firstFrame") in rows:
            r = rows[(app, ev)] / rows[(bare, "firstFrame")]
            # issue 16: first frame <= 1.3x, interactive <= 1.6x the bare window's first frame
            target = 1.3 if ev == "firstFrame" else 1.6
            print(f"{app} {ev} median {rows[(app, ev)]} ms / {bare} firstFrame median {rows[(bare, 'firstFrame')]} ms = {r:.2f}x (target <= {target:.2f}x: {'met' if r <= target else 'NOT met'})")
PY
echo "machine load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p target/jpackage && cp "$WORK/report.md" target/jpackage/bench-startup.md
