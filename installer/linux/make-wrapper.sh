#!/usr/bin/env bash
# Writes IMAGE/bin/baycover: a /bin/sh start script that runs the image's runtime with exactly the class path and
# java-options of IMAGE/lib/app/BayCover.cfg. Why: the JDK 17 jpackage launcher (bin/BayCover) runs `rpm -qf` and
# `dpkg -S` on itself at every start (0.25-0.35 s here, more on a desktop with thousands of packages). The .deb's
# /usr/bin/baycover and menu entry use this script; bin/BayCover stays for whoever prefers it. Called by the Maven
# profile `installer` after the app-image step:  installer/linux/make-wrapper.sh target/jpackage/BayCover
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
  echo "exec \"\$ROOT/lib/runtime/bin/java\" $opts -Djpackage.app-path=\"\$BIN/BayCover\" -cp \"$cp\" $main \"\$@\""
} > "$IMAGE/bin/baycover"
chmod 755 "$IMAGE/bin/baycover"
