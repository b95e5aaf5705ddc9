#!/usr/bin/env bash
# Writes IMAGE/bin/baycover: a /bin/sh start script that runs the image's runtime with exactly the class path and
# java-options of IMAGE/lib/app/BayCover.cfg. Why: the JDK 17 jpackage launcher (bin/BayCover) runs `rpm -qf` and
# `dpkg -S` on itself at every start (0.25-0.35 s here, more on a desktop with thousands of packages). The .deb's
# /usr/bin/baycover and menu entry use this script; bin/BayCover stays for whoever prefers it. Called by the Maven
# profile `installer` after the app-image step:  installer/linux/make-wrapper.sh target/jpackage/BayCover
# On a machine with no GPU device the script picks JavaFX's software pipeline directly (ADR 0067).
set -euo pipefail
IMAGE=$1
CFG=$IMAGE/lib/app/BayCover.cfg
[ -f "$CFG" ] || { echo "no $CFG" >&2; exit 1; }
main=$(sed -n 's/^app.mainclass=//p' "$CFG")
cp=$(sed -n 's/^app.classpath=//p' "$CFG" | sed 's#^\$APPDIR#$APPDIR#' | paste -sd: -)
opts=$(sed -n '/^\[JavaOptions\]/,/^\[/p' "$CFG" | sed -n 's/^java-options=//p' | sed 's/.*/"&"/' | paste -sd' ' -)
{
  echo '#!/bin/sh'
  echo '# BayCover start script, generated from lib/app/BayCover.cfg by installer/linux/make-wrapper.sh. Same JVM, class path'
  echo '# and options as bin/BayCover, without the jpackage launcher'"'"'s per-start package-manager query.'
  echo 'BIN=$(dirname "$(readlink -f "$0")")'
  echo 'ROOT=$(dirname "$BIN")'
  echo 'APPDIR=$ROOT/lib/app'
  cat <<'SH'
# No GPU device (a VM or remote desktop without 3D, Xvfb): OpenGL can only be Mesa's software rasteriser, which
# JavaFX refuses for its es2 pipeline, so it ends on the sw pipeline anyway. Choosing sw directly skips the probe that
# loads Mesa and LLVM into the process (about 50 MB resident, ADR 0067). prism.order or GDK_GL set by the user win.
PIPELINE=-Dprism.order=sw
for dev in /dev/dri/* /dev/nvidia* /dev/dxg; do [ -e "$dev" ] && PIPELINE=; done
case "${JAVA_TOOL_OPTIONS:-} ${_JAVA_OPTIONS:-} ${GDK_GL+GDK_GL}" in *prism.order* | *GDK_GL*) PIPELINE= ;; esac
[ -n "$PIPELINE" ] && export GDK_GL=disable
SH
  echo "exec \"\$ROOT/lib/runtime/bin/java\" $opts \$PIPELINE -Djpackage.app-path=\"\$BIN/BayCover\" -cp \"$cp\" $main \"\$@\""
} > "$IMAGE/bin/baycover"
chmod 755 "$IMAGE/bin/baycover"
