#!/bin/sh
# One command to run ESSP Diagnostic from a clone: builds when needed, then opens the window
# (on the bundled demo mission the first time). Arguments are passed to the launcher, e.g. ./run.sh info FILE.essp
set -e
cd "$(dirname "$0")"
launcher=app/target/dist/bin/essp-diag
jar=app/target/dist/lib/essp-diag-app.jar
if [ ! -x "$launcher" ] || [ ! -f "$jar" ] || [ -n "$(find pom.xml database reporting app -newer "$jar" -type f -not -path '*/target/*' 2>/dev/null | head -n 1)" ]; then
  echo "Building ESSP Diagnostic (first run or sources changed)..." >&2
  ./mvnw -q -B package -DskipTests
fi
exec "$launcher" "$@"
