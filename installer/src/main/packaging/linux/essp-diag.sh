#!/bin/sh
# How the installed ESSP Diagnostic starts on Linux: /usr/bin/essp-diag (a link to this script, made by postinst) and
# the menu entry run it; the .deb installs it as @linux.install.dir@/lib/app/essp-diag.sh.
#
# The data folder is chosen as the build's launcher (app/src/dist/bin/essp-diag) and the application (AppPaths)
# choose it: ESSP_DIAG_HOME, else XDG_DATA_HOME/essp-diagnostic, else ~/.local/share/essp-diagnostic. Its tmp folder
# is created here, before the JVM starts, and becomes java.io.tmpdir (what the JVM and libraries write there, e.g. the
# PDF export's font copies, which the JVM places in the folder it was given at start, whatever the application sets
# later). The jpackage launcher cannot do this itself: its options (packaging/linux/app.args) expand environment
# variables but cannot create a folder nor choose between variables, so it takes the whole option from
# ESSP_DIAG_TMPDIR_PROPERTY, set here. Started without this script (bin/essp-diag), the variable is not set and the
# JVM keeps its default /tmp, without a warning.
APP_DIR=$(dirname "$(readlink -f "$0")")

if [ -n "${ESSP_DIAG_HOME:-}" ]; then DATA="$ESSP_DIAG_HOME"
else DATA="${XDG_DATA_HOME:-$HOME/.local/share}/essp-diagnostic"; fi
unset ESSP_DIAG_TMPDIR_PROPERTY
if mkdir -p "$DATA/tmp" 2>/dev/null; then
  ESSP_DIAG_TMPDIR_PROPERTY="java.io.tmpdir=$DATA/tmp"
  export ESSP_DIAG_TMPDIR_PROPERTY
fi

exec "$APP_DIR/../../bin/essp-diag" "$@"
