#!/usr/bin/env bash
# Resident memory of the packaged BayCover (target: <= 300 MB):
#   GUI: RSS (VmRSS from /proc) once the main window is interactive with the shipped catalog, then after every screen
#        has been opened (Ctrl+1..5; screens are built on first visit), and the peak (VmHWM).
#   CLI: peak RSS (/usr/bin/time %M) of info, export, validate, lookup, compare --pdf, plan --recommend --pdf and
#        gaps --json / --csv, each with a real argument list (the README's examples); the exit code is shown next to it.
#   installer/measure-memory.sh            # uses target/jpackage/BayCover/bin/baycover (mvn -B -Pinstaller package)
#   EXTRA_OPTS="-XX:MaxHeapFreeRatio=20" installer/measure-memory.sh   # the GUI with extra JVM options (JAVA_TOOL_OPTIONS)
# Needs Xvfb + xdotool for the GUI part (apt-get install -y xvfb xdotool libgtk-3-0 fonts-wqy-zenhei).
set -uo pipefail
cd "$(dirname "$0")/.."
BC=${BC:-target/jpackage/BayCover/bin/baycover}
[ -x "$BC" ] || { echo "no $BC: run mvn -B -Pinstaller package" >&2; exit 1; }
WORK=$(mktemp -d); GUI_PID=""; XVFB_PID=""
trap '[ -n "$GUI_PID" ] && kill $GUI_PID 2>/dev/null; [ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$WORK"' EXIT
DATA=$WORK/data
mb() { awk -v k="$1" '$1==k":" {printf "%.0f", $2/1024}' "/proc/$GUI_PID/status"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before" >&2
echo "| what | RSS MB |"
echo "|---|---:|"
# CLI: the first run seeds the data folder with the shipped packs (the heaviest CLI work there is today)
peak() { /usr/bin/time -f %M -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err"; local rc=$?; echo "$(( $(tail -1 "$WORK/t") / 1024 )) (exit $rc)"; }
echo "| CLI \`info --json\`, first run (creates the database, imports the shipped packs) | $(peak "$BC" --data-dir "$DATA" info --json) |"
echo "| CLI \`info --json\` | $(peak "$BC" --data-dir "$DATA" info --json) |"
mkdir -p "$WORK/export"
echo "| CLI \`export DIR\` (every dataset) | $(peak "$BC" --data-dir "$DATA" export "$WORK/export") |"
if ls "$WORK"/export/*.json >/dev/null 2>&1; then
  echo "| CLI \`validate\` (the exported packs) | $(peak "$BC" --data-dir "$DATA" validate "$WORK"/export/*.json) |"
fi
# the heavy commands with their real arguments (README examples): a comparison PDF, a proposal PDF with the exact
# recommendation and an episode, the gap matrix as JSON (streamed) — each a fresh process on the same folder
echo "| CLI \`lookup 深圳 --json\` (first: makes the search documents beside the database) | $(peak "$BC" --data-dir "$DATA" lookup 深圳 --json) |"
echo "| CLI \`lookup 深圳 --json\` (documents kept) | $(peak "$BC" --data-dir "$DATA" lookup 深圳 --json) |"
echo "| CLI \`compare bocg-gba-excellence sz-huiminbao --age 70 --pdf FILE\` | $(peak "$BC" --data-dir "$DATA" compare bocg-gba-excellence sz-huiminbao --age 70 --pdf "$WORK/compare.pdf") |"
echo "| CLI \`plan examples/client.json --recommend --scenario lung-cancer-lorlatinib-6m-hku-szh --pdf FILE\` | $(peak "$BC" --data-dir "$DATA" plan examples/client.json --recommend --scenario lung-cancer-lorlatinib-6m-hku-szh --pdf "$WORK/proposal.pdf") |"
echo "| CLI \`gaps --json\` (shipped catalog, default segments) | $(peak "$BC" --data-dir "$DATA" gaps --json) |"
echo "| CLI \`gaps --csv FILE\` | $(peak "$BC" --data-dir "$DATA" gaps --csv "$WORK/gaps.csv") |"

if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  D=:$((120 + RANDOM % 60))
  Xvfb "$D" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & XVFB_PID=$!
  sleep 1
  DISPLAY=$D JAVA_TOOL_OPTIONS="${EXTRA_OPTS:-} -Dbaycover.startupProbe=$WORK/probe" "$BC" --data-dir "$DATA" >/dev/null 2>"$WORK/gui.err" &
  GUI_PID=$!
  for _ in $(seq 600); do grep -q '^interactive' "$WORK/probe" 2>/dev/null && break; sleep 0.1; done
  sleep 3
  echo "| GUI, main window interactive with the shipped catalog (+3 s) | $(mb VmRSS) |"
  WID=$(DISPLAY=$D xdotool search --onlyvisible --name 'BayCover' | head -1)
  # no window manager under Xvfb: give the window the input focus directly, then type the shortcuts
  DISPLAY=$D xdotool windowfocus --sync "$WID"
  for k in 2 3 4 5 6 1; do DISPLAY=$D xdotool key --clearmodifiers "ctrl+$k"; sleep 1.5; done
  sleep 2
  echo "| GUI, after opening every screen (Ctrl+2..6, back to 1) | $(mb VmRSS) |"
  echo "| GUI, peak (VmHWM) | $(mb VmHWM) |"
  # which graphics stack the GUI loaded: no GPU device means the start script chose the sw pipeline without the
  # OpenGL probe (ADR 0067); with a GPU, Mesa/the driver is mapped and JavaFX uses es2
  if grep -q 'libGL' "/proc/$GUI_PID/maps"; then gl="OpenGL libraries mapped"; else gl="no OpenGL library mapped (sw pipeline chosen by the start script)"; fi
  echo "GUI graphics: $gl" >&2
else
  echo "| GUI: Xvfb/xdotool missing, not measured | – |"
fi
echo "machine load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
