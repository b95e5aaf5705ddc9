#!/usr/bin/env bash
# Smoke test of the packaged BayCover: CLI (`--version`, `info --json`, `validate`, `export`, `lookup`) through
# the image's own launcher, then the GUI under Xvfb until its main window is up (start-up probe + xdotool).
#
#   installer/smoke-test.sh                 # the app-image: target/jpackage/BayCover/bin/baycover (start script)
#   BC=target/jpackage/BayCover/bin/BayCover installer/smoke-test.sh   # ... through the jpackage launcher
#   installer/smoke-test.sh --deb           # installs target/jpackage/*.deb (root), tests /usr/bin/baycover, removes it
#   installer/smoke-test.sh --deb --keep    # ... and leaves it installed
#   installer/smoke-test.sh --no-gui        # CLI only
#
# Build first: mvn -B -Pinstaller package. GUI part needs: apt-get install -y xvfb xdotool libgtk-3-0 fonts-wqy-zenhei
# (--install-deps does it). Prints one PASS/FAIL/SKIP line per check and exits non-zero on any FAIL.
set -uo pipefail
cd "$(dirname "$0")/.."

DEB=0; KEEP=0; GUI=1; INSTALL_DEPS=0
for a in "$@"; do
  case "$a" in
    --deb) DEB=1 ;; --keep) KEEP=1 ;; --no-gui) GUI=0 ;; --install-deps) INSTALL_DEPS=1 ;;
    *) echo "usage: $0 [--deb [--keep]] [--no-gui] [--install-deps]" >&2; exit 2 ;;
  esac
done

PASS=0; FAIL=0; SKIP=0
pass() { echo "PASS: $*"; PASS=$((PASS + 1)); }
fail() { echo "FAIL: $*"; FAIL=$((FAIL + 1)); }
skip() { echo "SKIP: $*"; SKIP=$((SKIP + 1)); }
WORK=$(mktemp -d)
GUI_PID=""; XVFB_PID=""
cleanup() {
  [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  if [ "$DEB" = 1 ] && [ "$KEEP" = 0 ]; then apt-get remove -y -qq baycover >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$INSTALL_DEPS" = 1 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xdotool libgtk-3-0 fonts-wqy-zenhei >/dev/null
fi

if [ "$DEB" = 1 ]; then
  DEBFILE=$(ls target/jpackage/baycover_*.deb 2>/dev/null | head -1)
  [ -n "$DEBFILE" ] || { echo "no .deb under target/jpackage: run mvn -B -Pinstaller package" >&2; exit 1; }
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$DEBFILE" >"$WORK/apt.log" 2>&1; then
    pass "apt install ./$DEBFILE"
  else
    fail "apt install ./$DEBFILE (see below)"; tail -20 "$WORK/apt.log"; exit 1
  fi
  BC=$(command -v baycover || true)
  [ "$BC" = /usr/bin/baycover ] && pass "the .deb puts 'baycover' on PATH ($BC -> $(readlink -f "$BC"))" || fail "no /usr/bin/baycover"
  grep -q '^Exec=/opt/baycover/bin/baycover %f' /usr/share/applications/baycover.desktop 2>/dev/null \
    && pass "menu entry starts bin/baycover with the opened file (%f)" || fail "menu entry Exec line"
  grep -q 'baycover.json' /usr/share/mime/globs2 2>/dev/null && pass "file type *.baycover.json registered" || skip "shared-mime-info not installed: file type not checked"
else
  BC=${BC:-target/jpackage/BayCover/bin/baycover}
  [ -x "$BC" ] || { echo "no app image at $BC: run mvn -B -Pinstaller package" >&2; exit 1; }
fi
DATA=$WORK/data

# --- CLI ----------------------------------------------------------------------------------------------
out=$("$BC" --version 2>&1) && [[ "$out" == BayCover* ]] && pass "--version: $out" || fail "--version: $out"
# the AppCDS archive (ADR 0062): dumped for this place (by the build, or the .deb's postinst) and used by the start script
ROOT=$(dirname "$(dirname "$(readlink -f "$BC")")")
if [ "$(basename "$(readlink -f "$BC")")" != baycover ]; then
  skip "AppCDS archive: $BC is not the start script"
elif [ -f "$ROOT/lib/app/baycover.jsa" ] && [ "$(cat "$ROOT/lib/app/baycover.jsa.root" 2>/dev/null)" = "$ROOT" ]; then
  n=$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$BC" --version 2>/dev/null | grep -c 'hk.baycover.* source: shared objects file' || true)
  [ "$n" -gt 0 ] && pass "AppCDS archive dumped for $ROOT and used ($n BayCover classes from it in --version)" \
    || fail "AppCDS archive at $ROOT/lib/app/baycover.jsa is not used (see $ROOT/lib/app/baycover.jsa.log)"
else
  fail "no AppCDS archive dumped for $ROOT (lib/app/baycover.jsa, .root)"
fi

if "$BC" --data-dir "$DATA" info --json >"$WORK/info.json" 2>"$WORK/info.err" \
   && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schemaVersion"] >= 1; print(len(d["datasets"]))' "$WORK/info.json" >"$WORK/n" 2>&1; then
  pass "info --json: schemaVersion $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["schemaVersion"])' "$WORK/info.json"), $(cat "$WORK/n") dataset(s), database in the --data-dir"
else
  fail "info --json: $(cat "$WORK/info.err" "$WORK/n" 2>/dev/null | head -5)"
fi
[ -f "$DATA/baycover.db" ] && pass "user data went to the data folder ($DATA/baycover.db), not the install folder" || fail "no database in $DATA"

# export whatever is loaded, then validate it (exit 0); a broken pack must fail with exit 1 naming the file
mkdir -p "$WORK/export"
if "$BC" --data-dir "$DATA" export "$WORK/export" >/dev/null 2>"$WORK/export.err"; then
  n=$(ls "$WORK/export"/*.json 2>/dev/null | wc -l)
  if [ "$n" -gt 0 ]; then
    "$BC" --data-dir "$DATA" validate "$WORK"/export/*.json >"$WORK/val.out" 2>&1 && pass "export + validate: $n exported pack(s) are valid" \
      || fail "validate of exported packs: $(head -5 "$WORK/val.out")"
  else
    skip "validate of exported packs: no dataset loaded in this build"
  fi
else
  fail "export: $(head -3 "$WORK/export.err")"
fi
printf '{"format": "baycover-pack", "kind": "products", "products": [ }' >"$WORK/broken.baycover.json"
"$BC" --data-dir "$DATA" --lang en validate "$WORK/broken.baycover.json" >"$WORK/bad.out" 2>&1; code=$?
if [ "$code" = 1 ] && grep -q "broken.baycover.json" "$WORK/bad.out" && ! grep -q "^\s*at " "$WORK/bad.out"; then
  pass "validate of a broken pack: exit 1, names the file, no stack trace"
else
  fail "validate of a broken pack: exit $code: $(head -3 "$WORK/bad.out")"
fi

# lookup (the 港澳藥械通 search; its own issue): required once the command is in the build
if "$BC" help lookup >/dev/null 2>&1; then
  if "$BC" --data-dir "$DATA" lookup 深圳 --json >"$WORK/lookup.json" 2>"$WORK/lookup.err" \
     && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/lookup.json" 2>/dev/null; then
    pass "lookup 深圳 --json: exit 0, JSON ($(wc -c <"$WORK/lookup.json") bytes)"
  else
    fail "lookup 深圳 --json: $(head -3 "$WORK/lookup.err")"
  fi
else
  skip "lookup: this build has no 'lookup' command yet (it comes with the lookup issue)"
fi

# --- GUI under Xvfb ------------------------------------------------------------------------------------
if [ "$GUI" = 1 ]; then
  if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    fail "GUI: Xvfb and xdotool needed (apt-get install -y xvfb xdotool libgtk-3-0 fonts-wqy-zenhei, or --install-deps)"
  else
    D=:$((90 + RANDOM % 100))
    Xvfb "$D" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do xdotool getdisplaygeometry --display "$D" >/dev/null 2>&1 && break; sleep 0.1; done
    PROBE=$WORK/probe.txt
    DISPLAY=$D JAVA_TOOL_OPTIONS="-Dbaycover.startupProbe=$PROBE" "$BC" --data-dir "$DATA" --lang zh-HK >"$WORK/gui.out" 2>"$WORK/gui.err" &
    GUI_PID=$!
    for _ in $(seq 600); do grep -q '^interactive' "$PROBE" 2>/dev/null && break; kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.1; done
    if grep -q '^interactive' "$PROBE" 2>/dev/null; then
      t0=$(awk '$1=="main"{print $2}' "$PROBE"); ff=$(awk '$1=="firstFrame"{print $2}' "$PROBE"); it=$(awk '$1=="interactive"{print $2}' "$PROBE")
      pass "GUI reached first frame (+$((ff - t0)) ms after main) and interactive (+$((it - t0)) ms): $(awk '$1=="interactive"{print $3}' "$PROBE")"
      WID=$(DISPLAY=$D xdotool search --onlyvisible --name '灣區北上保障規劃' 2>/dev/null | head -1)
      if [ -n "$WID" ]; then
        pass "main window mapped on $D: '$(DISPLAY=$D xdotool getwindowname "$WID")' $(DISPLAY=$D xdotool getwindowgeometry "$WID" | grep Geometry | xargs)"
      else
        fail "no visible window titled 灣區北上保障規劃 on $D"
      fi
      if command -v import >/dev/null && import -version 2>/dev/null | grep -q ImageMagick; then
        import -display "$D" -window root "${SMOKE_SCREENSHOT:-target/jpackage/smoke-gui.png}" && pass "screenshot ${SMOKE_SCREENSHOT:-target/jpackage/smoke-gui.png}"
      fi
      kill -0 "$GUI_PID" 2>/dev/null && pass "GUI still running after start-up" || fail "GUI exited"
      # the Data screen by keyboard (Ctrl+5): no window manager under Xvfb, so focus the window directly
      DISPLAY=$D xdotool windowfocus --sync "$WID" 2>/dev/null; DISPLAY=$D xdotool key --clearmodifiers ctrl+5; sleep 2
      kill -0 "$GUI_PID" 2>/dev/null && pass "GUI survives switching to the Data screen (Ctrl+5)" || fail "GUI died on Ctrl+5"
    else
      fail "GUI did not reach 'interactive' within 60 s: $(head -5 "$WORK/gui.err")"
    fi
    if grep -E "Exception|^\s+at " "$WORK/gui.err" | head -3 | grep -q .; then
      fail "GUI stderr has exceptions: $(grep -E 'Exception' "$WORK/gui.err" | head -3)"
    fi
    kill "$GUI_PID" 2>/dev/null; wait "$GUI_PID" 2>/dev/null; GUI_PID=""

    # file association: a pack opened from the file manager (one NAME.baycover.json argument) starts the GUI on the
    # Data screen and imports it; afterwards the CLI sees that dataset as user-imported
    PACK=$(ls "$WORK"/export/*scenarios*.json 2>/dev/null | head -1)
    if [ -n "$PACK" ]; then
      cp "$PACK" "$WORK/opened.baycover.json"
      rm -f "$PROBE"
      DISPLAY=$D JAVA_TOOL_OPTIONS="-Dbaycover.startupProbe=$PROBE" "$BC" --data-dir "$DATA" --lang en "$WORK/opened.baycover.json" >/dev/null 2>"$WORK/gui2.err" &
      GUI_PID=$!
      for _ in $(seq 600); do grep -q '^interactive' "$PROBE" 2>/dev/null && break; kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.1; done
      sleep 5   # the import runs in the background after the window is up
      kill "$GUI_PID" 2>/dev/null; wait "$GUI_PID" 2>/dev/null; GUI_PID=""
      if "$BC" --data-dir "$DATA" info --json | python3 -c 'import json,sys; d=json.load(sys.stdin); o=[x["origin"] for x in d["datasets"] if "scenarios" in x["id"]]; assert o==["IMPORTED"], o' 2>"$WORK/assoc.err"; then
        pass "opening NAME.baycover.json starts the GUI and imports the pack (origin IMPORTED)"
      else
        fail "file association import: $(tail -1 "$WORK/assoc.err") $(head -3 "$WORK/gui2.err")"
      fi
    else
      skip "file association import: no exported pack"
    fi
  fi
fi

echo "$PASS passed, $FAIL failed, $SKIP skipped"
[ "$FAIL" = 0 ]
