#!/bin/sh
# macOS only: builds essp-diag.icns from the 256 px PNG with the tools that ship with macOS.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
png="$here/../icons/essp-diag.png"
set_dir=$(mktemp -d)/essp-diag.iconset
mkdir -p "$set_dir"
for s in 16 32 64 128 256; do
  sips -z $s $s "$png" --out "$set_dir/icon_${s}x${s}.png" >/dev/null
done
for s in 16 32 64 128; do
  cp "$set_dir/icon_$((s * 2))x$((s * 2)).png" "$set_dir/icon_${s}x${s}@2x.png"
done
iconutil -c icns "$set_dir" -o "${1:-$here/essp-diag.icns}"
