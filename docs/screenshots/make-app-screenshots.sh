#!/usr/bin/env bash
# Remakes the app's screenshots of README.md and docs/user-guide.md: the real app on a virtual display (Xvfb),
# driven through the sample evidence and evidence made by `sigmascope generate`. Run from the project root:
#   bash docs/screenshots/make-app-screenshots.sh
# Needs Xvfb (Debian: xvfb) and GTK 3 (libgtk-3-0); ImageMagick's convert, if present, makes the pictures smaller.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
display=":$(( (RANDOM % 300) + 400 ))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    -Dprism.order=sw org.sigmascope.ui.AppScreenshots docs/screenshots
if convert -version 2>/dev/null | grep -q ImageMagick; then
    for png in docs/screenshots/{start,main-window,rule-detail,timeline-filters,query-error,process-tree,rules,\
dark-theme,import-progress,interrupted-import,export-dialog}.png; do
        convert "$png" +dither -colors 256 "PNG8:$png"
    done
fi
ls -l docs/screenshots/*.png
