#!/bin/sh
# Prints the JDK modules the application's jars use statically (jdeps), to compare with the list in
# installer/src/main/packaging/jlink.args. Run after ./mvnw package (reads app/target/dist/lib).
#   installer/list-modules.sh           prints them
#   installer/list-modules.sh --check   fails when one is missing from jlink.args (the packaged app would
#                                        throw NoClassDefFoundError there)
# jdeps cannot see reflection or service loading: jdk.localedata (French/Arabic locale data) is one
# module it never reports, and it is in the list on purpose.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
LIB="$ROOT/app/target/dist/lib"
JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f "$LIB/essp-diag-app.jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 2; }
MP=$(mktemp -d)
trap 'rm -rf "$MP"' EXIT
# every jar on the module path (automatic modules for the plain ones); the empty JavaFX placeholders are left out
for jar in "$LIB"/*.jar; do
  case "$(basename "$jar")" in javafx-*-[0-9]*[0-9].jar) ;; *) cp "$jar" "$MP/" ;; esac
done
USED=$(for jar in "$MP"/*.jar; do
  "$JDK/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps --module-path "$MP" "$jar" 2>/dev/null | tail -n 1
done | tr ',' '\n' | grep -E '^(java|jdk)\.' | sort -u)
if [ "${1:-}" != "--check" ]; then
  echo "$USED"
  exit 0
fi
LISTED=$(sed -n '/^--add-modules/{n;p;}' "$ROOT/installer/src/main/packaging/jlink.args" | tr ',' '\n')
missing=""
for m in $USED; do
  echo "$LISTED" | grep -qx "$m" || missing="$missing $m"
done
if [ -n "$missing" ]; then
  echo "list-modules: used by the jars but not in installer/src/main/packaging/jlink.args:$missing" >&2
  exit 1
fi
echo "list-modules: the runtime has every JDK module the jars use ($(echo $USED | tr ' ' ','))"
