#!/bin/sh
# The start-up cache of the Linux app image and .deb (JDK 25 ahead-of-time cache, lib/app/essp-diag.aot), made at
# package time in the app image by the image's own command line launcher, then shipped in the .deb.
# Run by the -Ppackage profile from installer/target, after `jpackage --type app-image`, before `--type deb`:
#   sh packaging/linux/make-aot-cache.sh IMAGE EPOCH INPUT
#
# Why it works where it is installed: the JVM takes a cache made with another app folder (JDK 25 relocates the
# class path) as long as every jar has the size and the modification time it had when the cache was made. So every
# file of IMAGE is dated EPOCH here, and the .deb is built with SOURCE_DATE_EPOCH=EPOCH, which makes dpkg-deb date
# every file of the package EPOCH too (it clamps later dates to it); dpkg installs them with that date.
#
# Why two JVM runs and not -XX:AOTCacheOutput: that one-step form assembles the cache in a child process started
# from <runtime>/bin/java, which jlink's --strip-native-commands leaves out; the training run then exits 0 without a
# cache (the .deb's postinst of 7 December failed that way). -XX:AOTMode=record, then -XX:AOTMode=create, both
# through the launcher, need no other program.
set -eu

IMAGE=$(cd "$1" && pwd -P)
EPOCH=$2
INPUT=$(cd "$3" && pwd -P)
APP="$IMAGE/lib/app"
CFG="$APP/essp-diag.cfg"
CACHE="$APP/essp-diag.aot"
WORK="$(pwd)/jpackage/aot-training"
CACHE_LINE='java-options=-XX:AOTCache=$APPDIR/essp-diag.aot'

fail() { printf 'make-aot-cache: %s\n' "$*" >&2; exit 1; }
[ -x "$IMAGE/bin/essp-diag" ] || fail "no launcher $IMAGE/bin/essp-diag"
grep -qxF "$CACHE_LINE" "$CFG" || fail "$CFG does not name the cache ($CACHE_LINE): see packaging/linux/app.args"

rm -rf "$WORK" "$CACHE"
mkdir -p "$WORK/home"
# (touch -d takes an at sign then the seconds; no at sign is written in this file: the -Ppackage profile filters it)
find "$IMAGE" -exec touch -h -d "$(printf '\100')$EPOCH" {} +

# The launcher's options ask to read the cache, which the JVM refuses while recording one: the configuration without
# the cache options for the two runs, then put back as it was.
cp -p "$CFG" "$WORK/essp-diag.cfg"
grep -vxF -e "$CACHE_LINE" -e 'java-options=-Xlog:aot=off,cds=off' "$WORK/essp-diag.cfg" >"$CFG"
restore() { cp -p "$WORK/essp-diag.cfg" "$CFG"; }
trap restore EXIT

# a throw-away home and data folder (the launcher itself: ESSP_DIAG_TMPDIR_PROPERTY unset, java.io.tmpdir the JVM's
# default; see app.args)
run() {
  HOME="$WORK/home" ESSP_DIAG_HOME="$WORK/data" JAVA_TOOL_OPTIONS="$1" "$IMAGE/bin/essp-diag"
}
echo "make-aot-cache: training run (ma.essp.diag.app.AotTraining on the bundled small demo)"
# (JAVA_TOOL_OPTIONS is split at spaces outside quotes: the image's folder name has one)
run "-Dessp.aot.training=\"$WORK/run\" -XX:AOTMode=record -XX:AOTConfiguration=\"$WORK/essp-diag.aotconf\" -Xlog:aot=error" \
  || fail "the training run failed"
[ -s "$WORK/essp-diag.aotconf" ] || fail "the training run recorded no configuration"
echo "make-aot-cache: assembling $CACHE"
run "-XX:AOTMode=create -XX:AOTConfiguration=\"$WORK/essp-diag.aotconf\" -XX:AOTCache=\"$CACHE\" -Xlog:aot=error" \
  || fail "assembling the cache failed"
[ -s "$CACHE" ] || fail "no cache $CACHE"
restore
trap - EXIT

# the launcher as configured (cache named, messages off) must load its classes from it
JAVA_TOOL_OPTIONS="-Xlog:class+load=info" HOME="$WORK/home" ESSP_DIAG_HOME="$WORK/data" "$IMAGE/bin/essp-diag" --version \
  >"$WORK/class-load.txt" 2>&1 || fail "essp-diag --version with the cache failed"
grep -q "ma.essp.diag.app.Main source: shared objects file" "$WORK/class-load.txt" \
  || fail "the launcher does not load its classes from $CACHE"
echo "make-aot-cache: $CACHE $(($(stat -c %s "$CACHE") / 1024 / 1024)) MB;" \
  "essp-diag --version loads $(grep -c 'source: shared objects file' "$WORK/class-load.txt") of" \
  "$(grep -c ' source: ' "$WORK/class-load.txt") classes from it"

# into jpackage's input: the .deb's lib/app/essp-diag.aot (not a jar: not on the class path)
cp "$CACHE" "$INPUT/essp-diag.aot"
rm -rf "$WORK/essp-diag.aotconf" "$WORK/run"
