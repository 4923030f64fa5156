#!/bin/sh
# Regenerates the raster icons from icons/essp-diag.svg (needs ImageMagick: apt-get install imagemagick).
# The results are committed, so the packaging build never needs ImageMagick.
set -eu
cd "$(dirname "$0")/icons"
convert -background none essp-diag.svg -resize 256x256 -depth 8 essp-diag.png
convert -background none essp-diag.svg -define icon:auto-resize=256,128,64,48,32,16 essp-diag.ico
