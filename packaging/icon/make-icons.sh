#!/usr/bin/env bash
# Renders sigmascope.svg into the icons the installers need, beside this script:
#   sigmascope.png   256 px, for Linux (jpackage --icon, the desktop entry) and the app's window
#   sigmascope.ico   16–256 px, for Windows
#   sigmascope.icns  16–1024 px, for macOS
# Run it after changing the SVG, and commit the results (the packaging scripts use them as they are, so packaging
# needs no SVG renderer). Needs rsvg-convert (Debian: librsvg2-bin) and a JDK 17+.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert is needed (apt-get install librsvg2-bin)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" "$here/sigmascope.svg" --output "$work/icon-$size.png"
done
cp "$work/icon-256.png" "$here/sigmascope.png"
java "$here/IconFiles.java" "$work" "$here"
ls -l "$here"/sigmascope.png "$here"/sigmascope.ico "$here"/sigmascope.icns
