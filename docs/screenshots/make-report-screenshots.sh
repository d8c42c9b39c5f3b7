#!/usr/bin/env bash
# Remakes the report screenshots of docs/reports.md from real scans (samples/ and the corpus's DeepBlueCLI
# exports), with headless Chromium. Run from the project root: bash docs/screenshots/make-report-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    -Dsigmascope.corpus="${SIGMASCOPE_CORPUS:-../shared/corpus}" \
    org.sigmascope.report.ReportScreenshots docs/screenshots
# Two pages of the PDF side by side, when poppler's pdftoppm is there (apt-get install poppler-utils).
if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -r 50 -f 1 -l 2 -png target/report-screenshots/sample-report.pdf target/report-screenshots/page
    convert target/report-screenshots/page-1.png target/report-screenshots/page-2.png +append \
        docs/screenshots/report-pdf.png
fi
# The tagged events and notes of a case made from the samples, as `sigmascope report --case` writes them.
rm -rf target/case-screenshot && mkdir -p target/case-screenshot
case_file=$(java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.sigmascope.report.cases.AnnotatedCase target/case-screenshot)
java -cp "target/classes:$(cat target/test-classpath.txt)" org.sigmascope.Main report --case "$case_file" \
    --sections case,tagged-events --examiner "A. Analyst" --reference IR-2026-042 -o target/case-screenshot/case.html
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot=docs/screenshots/report-case-tagged.png "file://$PWD/target/case-screenshot/case.html"
# Fewer colours: the pictures stay small in the repository and look the same.
if convert -version 2>/dev/null | grep -q ImageMagick; then
    for png in docs/screenshots/report-*.png; do convert "$png" -colors 256 "PNG8:$png"; done
fi
ls -l docs/screenshots/report-*.png
