#!/bin/sh
# Builds the ESSP Diagnostic .deb, installs it, runs the INSTALLED application (command line and window,
# the latter under Xvfb), takes a screenshot of the window, then removes the package and checks that
# nothing is left behind. Exits non-zero on the first failure.
#
# Needs root (or sudo) on a Debian/Ubuntu machine; installs xvfb, imagemagick, xdotool, x11-utils and
# libgtk-3-0 with apt-get when they are missing.
#
#   installer/verify-deb.sh                 build with ./mvnw -Ppackage, then verify
#   installer/verify-deb.sh --no-build      verify the .deb already in installer/target/jpackage/package
#   SCREENSHOT=/path/shot.png installer/verify-deb.sh   where to write the screenshot (the Arabic one: shot-ar.png)
#                                            (default installer/target/installed-app.png)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
PKG_NAME=essp-diagnostic
INSTALL_DIR=/opt/$PKG_NAME
WINDOW_TITLE="ESSP Diagnostic"
# what /usr/bin/essp-diag and the menu entry run: prepares the data folder, then starts bin/essp-diag
START_SCRIPT=$INSTALL_DIR/lib/app/essp-diag.sh
SCREENSHOT=${SCREENSHOT:-$ROOT/installer/target/installed-app.png}
WORK=$(mktemp -d)
XVFB_PID=""
APP_PID=""

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'verify-deb: FAILED: %s\n' "$*" >&2; exit 1; }
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# other apt users (unattended upgrades, a parallel job) hold the dpkg lock for a while: wait for it
APT="apt-get -o DPkg::Lock::Timeout=600"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "run as root or install sudo"
  SUDO=sudo
fi

need_pkgs=""
command -v Xvfb >/dev/null 2>&1 || need_pkgs="$need_pkgs xvfb"
command -v import >/dev/null 2>&1 || need_pkgs="$need_pkgs imagemagick"
command -v xdotool >/dev/null 2>&1 || need_pkgs="$need_pkgs xdotool"
command -v xwininfo >/dev/null 2>&1 || need_pkgs="$need_pkgs x11-utils"
command -v fakeroot >/dev/null 2>&1 || need_pkgs="$need_pkgs fakeroot"
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || need_pkgs="$need_pkgs libgtk-3-0"
if [ -n "$need_pkgs" ]; then
  step "apt-get install$need_pkgs"
  $SUDO $APT update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO $APT install -y -qq $need_pkgs >/dev/null
fi

if [ "${1:-}" != "--no-build" ]; then
  step "build the .deb: ./mvnw -Ppackage -DskipTests package"
  (cd "$ROOT" && ./mvnw -q -B -Ppackage -DskipTests package) || fail "the Maven packaging build failed"
fi
"$ROOT/installer/list-modules.sh" --check || fail "the jlink module list misses a module the jars use"
DEB=$(ls "$ROOT"/installer/target/jpackage/package/${PKG_NAME}_*.deb 2>/dev/null | head -n 1)
[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb in installer/target/jpackage/package"
dpkg-deb -f "$DEB" Depends | grep -q 'libgtk-3-0' || fail "libgtk-3-0 is not in the package's Depends"

installed() { dpkg-query -W -f='${Status}' "$PKG_NAME" 2>/dev/null | grep -q ' installed$'; }
if dpkg-query -W "$PKG_NAME" >/dev/null 2>&1; then
  step "remove the $PKG_NAME already installed (or left as config files)"
  DEBIAN_FRONTEND=noninteractive $SUDO $APT remove -y -qq --purge "$PKG_NAME" >/dev/null
fi

step "install $(basename "$DEB")"
# apt (not dpkg -i) so that the Depends are installed too; the path must contain a slash
DEBIAN_FRONTEND=noninteractive $SUDO $APT install -y -qq "$DEB" >"$WORK/apt-install.log" 2>&1 \
  || { cat "$WORK/apt-install.log" >&2; fail "apt-get install of the .deb failed"; }
installed || fail "$PKG_NAME is not installed"
[ -x "$INSTALL_DIR/bin/essp-diag" ] || fail "$INSTALL_DIR/bin/essp-diag missing"
[ -x "$INSTALL_DIR/bin/$WINDOW_TITLE" ] || fail "$INSTALL_DIR/bin/$WINDOW_TITLE missing"
# the menu entry: by xdg-desktop-menu on a desktop, else the copy postinst makes (this check runs where
# /usr/share/applications exists; without it postinst only prints a notice)
if [ -d /usr/share/applications ]; then
  DESKTOP_FILE=/usr/share/applications/$PKG_NAME-ESSP_Diagnostic.desktop
  [ -f "$DESKTOP_FILE" ] || fail "no menu entry $DESKTOP_FILE"
  grep -q '^MimeType=application/x-essp-mission' "$DESKTOP_FILE" || fail "the menu entry does not declare the .essp MIME type"
  grep -qxF "Exec=$START_SCRIPT %f" "$DESKTOP_FILE" || fail "the menu entry does not start $START_SCRIPT"
  echo "menu entry: $DESKTOP_FILE"
fi
LAUNCHER=$(command -v essp-diag) || fail "essp-diag is not on the PATH"
echo "launcher: $LAUNCHER -> $(readlink -f "$LAUNCHER")"
[ "$(readlink -f "$LAUNCHER")" = "$START_SCRIPT" ] || fail "essp-diag on the PATH is not the start script $START_SCRIPT"
[ -x "$START_SCRIPT" ] || fail "$START_SCRIPT is not executable"

# a fresh HOME, and a fresh XDG data folder where the installed app must put its settings, missions and logs
# (Java takes user.home from the password database, not from $HOME: XDG_DATA_HOME is what isolates this run)
export HOME="$WORK/home"
export XDG_DATA_HOME="$WORK/xdg-data"
DATA_DIR="$XDG_DATA_HOME/essp-diagnostic"
mkdir -p "$HOME" "$XDG_DATA_HOME"
unset ESSP_DIAG_HOME || true

step "essp-diag --version"
essp-diag --version || fail "essp-diag --version"
essp-diag --version | grep -q "ESSP Diagnostic" || fail "essp-diag --version does not name the application"

step "essp-diag on the PATH and both installed launchers load their classes from the start-up cache shipped in the .deb"
AOT_CACHE="$INSTALL_DIR/lib/app/essp-diag.aot"
[ -s "$AOT_CACHE" ] || fail "no start-up cache $AOT_CACHE in the package"
dpkg -S "$AOT_CACHE" >/dev/null 2>&1 || fail "$AOT_CACHE is not a file of the package"
for launcher in "$LAUNCHER" "$INSTALL_DIR/bin/essp-diag" "$INSTALL_DIR/bin/$WINDOW_TITLE"; do
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info" "$launcher" --version >"$WORK/class-load.txt" 2>/dev/null \
    || fail "$launcher --version with class loading logged"
  if ! grep -q "ma.essp.diag.app.Main source: shared objects file" "$WORK/class-load.txt"; then
    grep "ma.essp.diag.app.Main " "$WORK/class-load.txt" >&2
    # the launchers turn the cache's messages off; _JAVA_OPTIONS comes after their options and turns them back on
    _JAVA_OPTIONS="-Xlog:aot=info,class+path=info" "$launcher" --version >&2 || true
    fail "the installed $(basename "$launcher") does not load its classes from $AOT_CACHE"
  fi
  echo "$launcher --version: $(grep -c 'source: shared objects file' "$WORK/class-load.txt") of" \
    "$(grep -c ' source: ' "$WORK/class-load.txt") classes loaded from $AOT_CACHE ($(($(stat -c %s "$AOT_CACHE") / 1024 / 1024)) MB)"
done

step "first run of a new user (empty HOME, nothing else in the environment): not a line on stderr"
# (the JVM warns "java.io.tmpdir directory does not exist" when started with a tmpdir not made yet: the start script
# makes it first; bin/essp-diag without the script keeps the JVM's default and must not warn either. Java takes
# user.home from the password database, not from HOME: the application's own files of these runs go to that user's
# ~/.local/share/essp-diagnostic, the JVM's temporary folder to $HOME's, as with the build's launcher)
EMPTY_HOME="$WORK/empty-home"
for launcher in essp-diag "$INSTALL_DIR/bin/essp-diag"; do
  rm -rf "$EMPTY_HOME"; mkdir -p "$EMPTY_HOME"
  env -i HOME="$EMPTY_HOME" PATH=/usr/bin:/bin "$launcher" --version >"$WORK/first-run.out" 2>"$WORK/first-run.err" \
    || { cat "$WORK/first-run.err" >&2; fail "$launcher --version with an empty HOME"; }
  [ -s "$WORK/first-run.err" ] && { cat "$WORK/first-run.err" >&2; fail "$launcher --version with an empty HOME printed on stderr"; }
  grep -q "ESSP Diagnostic" "$WORK/first-run.out" || fail "$launcher --version with an empty HOME does not name the application"
  echo "$launcher --version, empty HOME: nothing on stderr"
done
rm -rf "$EMPTY_HOME"; mkdir -p "$EMPTY_HOME"
env -i HOME="$EMPTY_HOME" PATH=/usr/bin:/bin essp-diag --version >/dev/null 2>&1
[ -d "$EMPTY_HOME/.local/share/essp-diagnostic/tmp" ] || fail "essp-diag did not create ~/.local/share/essp-diagnostic/tmp"

# data_folder_check WHAT DATA VAR=VALUE: a mission made and read with VAR set, its log file and temporary folder in DATA,
# the JVM started with java.io.tmpdir DATA/tmp (-Xlog:arguments prints the JVM's options)
data_folder_check() {
  what=$1; data=$2; shift 2
  rm -rf "$data"
  env "$@" essp-diag demo --out "$WORK/data-$what.essp" --scale small >/dev/null || fail "$what: essp-diag demo"
  env "$@" essp-diag info "$WORK/data-$what.essp" >/dev/null || fail "$what: essp-diag info"
  # (a command that goes well logs nothing: the file Logback opened is there, empty)
  [ -f "$data/logs/essp-diag.log" ] || fail "$what: no log file $data/logs/essp-diag.log"
  [ -d "$data/tmp" ] || fail "$what: no temporary folder $data/tmp"
  env "$@" JAVA_TOOL_OPTIONS=-Xlog:arguments essp-diag --version 2>/dev/null | grep -F "jvm_args:" >"$WORK/jvm-args.txt" || true
  grep -qF -- "-Djava.io.tmpdir=$data/tmp " "$WORK/jvm-args.txt" \
    || { cat "$WORK/jvm-args.txt" >&2; fail "$what: the JVM was not started with java.io.tmpdir=$data/tmp"; }
  echo "$what: log, temporary folder and java.io.tmpdir in $data"
}
step "ESSP_DIAG_HOME and XDG_DATA_HOME move the data folder of the installed app (as they do the build's launcher)"
data_folder_check ESSP_DIAG_HOME "$WORK/diag-home" ESSP_DIAG_HOME="$WORK/diag-home"
data_folder_check XDG_DATA_HOME "$WORK/xdg-other/essp-diagnostic" XDG_DATA_HOME="$WORK/xdg-other"

step "essp-diag demo --out $WORK/x.essp --scale small, then check and info"
essp-diag demo --out "$WORK/x.essp" --scale small || fail "essp-diag demo"
[ -s "$WORK/x.essp" ] || fail "the demo mission was not written"
essp-diag check "$WORK/x.essp" || fail "essp-diag check on the demo mission"
essp-diag info "$WORK/x.essp" >"$WORK/info.txt" || fail "essp-diag info on the demo mission"
head -n 4 "$WORK/info.txt"

step "essp-diag export: the report as PDF (Arabic) and Excel (French), with POI and JasperReports of the package"
essp-diag export "$WORK/x.essp" --format pdf --lang ar --out "$WORK/report-ar.pdf" --quiet || fail "essp-diag export --format pdf"
essp-diag export "$WORK/x.essp" --format xlsx --lang fr --out "$WORK/report-fr.xlsx" --quiet || fail "essp-diag export --format xlsx"
[ "$(head -c 4 "$WORK/report-ar.pdf")" = "%PDF" ] || fail "report-ar.pdf is not a PDF"
[ "$(head -c 2 "$WORK/report-fr.xlsx")" = "PK" ] || fail "report-fr.xlsx is not an xlsx (zip) file"
echo "report-ar.pdf $(stat -c %s "$WORK/report-ar.pdf") bytes, report-fr.xlsx $(stat -c %s "$WORK/report-fr.xlsx") bytes"

step "essp-diag bench --scale small (uses java.management of the trimmed runtime)"
essp-diag bench --scale small --dir "$WORK/bench" >"$WORK/bench.txt" 2>&1 || { cat "$WORK/bench.txt" >&2; fail "essp-diag bench"; }
grep -E '^generate demo mission' "$WORK/bench.txt" || { cat "$WORK/bench.txt" >&2; fail "essp-diag bench printed no measurement"; }

step "start the window under Xvfb"
DISPLAY_NUM=${DISPLAY_NUM:-99}
while [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] || [ -e "/tmp/.X$DISPLAY_NUM-lock" ]; do DISPLAY_NUM=$((DISPLAY_NUM + 1)); done
Xvfb ":$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUM"
i=0
until xwininfo -root >/dev/null 2>&1; do
  i=$((i + 1)); [ $i -le 50 ] || fail "Xvfb did not start"; sleep 0.2
done
# gui_run SCREENSHOT: starts the installed window launcher, waits for the main window, screenshots it, stops it
gui_run() {
  shot=$1
  # the menu entry's command, as a desktop starts it
  "$START_SCRIPT" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  # JavaFX first maps a 10x10 helper window with the same name: wait for the real main window
  main_window() {
    for w in $(xdotool search --onlyvisible --name "^$WINDOW_TITLE" 2>/dev/null); do
      eval "$(xdotool getwindowgeometry --shell "$w")"
      if [ "$WIDTH" -ge 400 ] && [ "$HEIGHT" -ge 300 ]; then echo "$w ${WIDTH}x${HEIGHT}+${X}+${Y}"; return 0; fi
    done
    return 1
  }
  i=0
  until MAIN_WINDOW=$(main_window); do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the application exited before showing its window"; }
    i=$((i + 1)); [ $i -le 120 ] || { cat "$WORK/app.log" >&2; xwininfo -root -tree >&2; fail "no visible \"$WINDOW_TITLE\" window of at least 400x300 after 60 s"; }
    sleep 0.5
  done
  echo "main window: $MAIN_WINDOW, after about $((i / 2)) s"
  xwininfo -root -tree | grep "\"$WINDOW_TITLE" || fail "the window is not in the X tree"
  # the window opens the bundled demo mission in the background (a spinner meanwhile): take the screenshot
  # once the screen has not changed over 4 frames 0.7 s apart (the spinner is periodic), or after 60 frames
  mkdir -p "$(dirname "$shot")"
  sleep 2
  import -window root "$WORK/prev.png" || fail "screenshot"
  i=0; same=0
  while [ $same -lt 3 ]; do
    sleep 0.7
    import -window root "$WORK/shot.png" || fail "screenshot"
    diff_px=$(compare -metric AE "$WORK/prev.png" "$WORK/shot.png" null: 2>&1 || true)
    if [ "$diff_px" = "0" ]; then same=$((same + 1)); else same=0; fi
    i=$((i + 1)); [ $i -le 60 ] || { echo "note: the window was still changing after 60 frames"; break; }
    mv "$WORK/shot.png" "$WORK/prev.png"
  done
  # the whole screen (import -window root), cut to the main window
  convert "$WORK/prev.png" -crop "${MAIN_WINDOW#* }" +repage "$shot" || fail "cropping the screenshot"
  echo "screenshot: $shot (settled after $i frames)"
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the application exited after showing its window"; }
  [ -d "$DATA_DIR/logs" ] || fail "the installed app did not create its data folder $DATA_DIR/logs"
  echo "data folder (XDG_DATA_HOME/essp-diagnostic): $(cd "$DATA_DIR" && find . -mindepth 1 | sort | tr '\n' ' ')"
  grep -F "java.io.tmpdir" "$WORK/app.log" >&2 && fail "the window printed a warning about java.io.tmpdir"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

gui_run "$SCREENSHOT"

# the same in Arabic (right to left; needs the Arabic locale data of the runtime and an Arabic font)
SHOT_AR="${SCREENSHOT%.png}-ar.png"
echo "language=ar" >>"$DATA_DIR/settings.properties"
step "the window again, in Arabic"
gui_run "$SHOT_AR"

step "sizes"
PKG_BYTES=$(stat -c %s "$DEB")
INST_KB=$(du -sk "$INSTALL_DIR" | cut -f1)
echo "package size:   $(basename "$DEB") $((PKG_BYTES / 1024 / 1024)) MB ($PKG_BYTES bytes)"
echo "installed size: $INSTALL_DIR $((INST_KB / 1024)) MB ($INST_KB KB; control Installed-Size $(dpkg-deb -f "$DEB" Installed-Size) KB)"

step "uninstall"
DEBIAN_FRONTEND=noninteractive $SUDO $APT remove -y -qq --purge "$PKG_NAME" >"$WORK/apt-remove.log" 2>&1 \
  || { cat "$WORK/apt-remove.log" >&2; fail "apt-get remove failed"; }
dpkg-query -W "$PKG_NAME" >/dev/null 2>&1 && fail "$PKG_NAME is still known to dpkg"
[ -e "$INSTALL_DIR" ] && { find "$INSTALL_DIR" | head -20 >&2; fail "$INSTALL_DIR is left behind"; }
[ -e /usr/bin/essp-diag ] || [ -L /usr/bin/essp-diag ] && fail "/usr/bin/essp-diag is left behind"
ls /usr/share/applications 2>/dev/null | grep -i "$PKG_NAME" && fail "a desktop file is left in /usr/share/applications"

printf '\nverify-deb: OK\n'
