#!/usr/bin/env bash
# Smoke test of the Linux app image, as a new user would meet it: builds the image (packaging/linux/package.sh),
# then runs the packaged launcher, never the build's jar:
#   1. --version names the build (version, commit, build time) and the bundled Java runtime;
#   2. `scan` of the samples shipped in the image finds the seed detection on both hosts, headless;
#   3. `rules update` fetches a rule archive over HTTP from the loopback address, verifies it and installs it, and
#      the next scan uses it (this exercises the runtime's HTTP, zip and hashing modules);
#   4. the desktop app starts under Xvfb on the samples: its window appears, the import finishes with the
#      detections of the built-in rule and of the library (from the log file), and a screenshot is kept in
#      target/package/smoke/.
# Everything runs with a temporary Sigmascope folder (SIGMASCOPE_HOME), so the analyst's own is never touched.
#
#   packaging/linux/smoke-test.sh [--no-build]
#
# Needs Xvfb, GTK 3, xwininfo and ImageMagick's import (Debian: xvfb libgtk-3-0 x11-utils imagemagick); as root it
# installs those that are missing. .ci/run runs this script after the tests.
set -euo pipefail
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/../common.sh"

[ "${1:-}" = "--no-build" ] || "$PROJECT/packaging/linux/package.sh" app-image

IMAGE="$OUT/$APP_NAME"
LAUNCHER="$IMAGE/bin/$APP_NAME"
SAMPLES="$IMAGE/lib/app/samples"
SEED_ID="ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e"
SMOKE="$OUT/smoke"
[ -x "$LAUNCHER" ] || fail "no app image at $IMAGE: run packaging/linux/package.sh"
rm -rf "$SMOKE"
mkdir -p "$SMOKE"
export SIGMASCOPE_HOME="$SMOKE/home"
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

passed=0
check() { # description, then a command that must succeed
    local what="$1"
    shift
    if "$@"; then
        say "ok: $what"
        passed=$((passed + 1))
    else
        say "FAILED: $what (files in $SMOKE)"
        echo "smoke: $passed passed, 1 failed"
        exit 1
    fi
}

# 1. Version.
"$LAUNCHER" --version >"$SMOKE/version.txt"
check "--version names version, commit and build time" \
    grep -Eq '^commit ([0-9a-f]{40}|unknown)' "$SMOKE/version.txt"
check "--version runs on the bundled runtime" grep -q "$IMAGE/lib/runtime" "$SMOKE/version.txt"
check "the runtime has TLS with elliptic curves for rule updates" \
    grep -q 'jdk.crypto.ec' "$IMAGE/lib/runtime/release"

# 2. Headless scan of the bundled samples.
"$LAUNCHER" scan -f jsonl "$SAMPLES" >"$SMOKE/scan.jsonl" 2>"$SMOKE/scan.err"
check "scan finds the seed detection on both hosts of the hand-written sample and in the generated one" \
    test "$(grep -c "\"rule_id\":\"$SEED_ID\"" "$SMOKE/scan.jsonl")" -ge 4
check "scan finds WS01 (Sysmon) and WS02 (Security 4688)" \
    grep -q '"computer":"WS02.corp.example".*"event_id":4688' "$SMOKE/scan.jsonl"
"$LAUNCHER" rules check >"$SMOKE/rules-check.txt"
check "the built-in rules load" grep -Eq '^[0-9]+ rules loaded, 0 failed$' "$SMOKE/rules-check.txt"

# 3. Rule update over loopback HTTP. The archive holds a copy of SigmaHQ's seed rule under a new id, so the next
#    scan shows whether the library is used.
need python3 "install python3 (serves the archive on 127.0.0.1)"
mkdir -p "$SMOKE/served/rules/windows"
sed -e 's/^id: .*/id: 5e1f0c3a-7b5d-4f0e-9a51-2f8c3d4b6a70/' -e 's/^title: .*/title: Smoke test copy of the seed rule/' \
    "$PROJECT/rules/windows/proc_creation_win_wmi_persistence_script_event_consumer.yml" \
    >"$SMOKE/served/rules/windows/smoke_copy.yml"
(cd "$SMOKE/served" && java "$PROJECT/packaging/tools/Zip.java" sigma_all_rules.zip rules)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server --bind 127.0.0.1 --directory "$SMOKE/served" "$port" >"$SMOKE/http.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.2
done
"$LAUNCHER" rules update --from "http://127.0.0.1:$port/sigma_all_rules.zip" >"$SMOKE/update.txt" 2>&1
check "rules update installs the archive from loopback" grep -q '^  1 rules installed$' "$SMOKE/update.txt"
"$LAUNCHER" scan -f jsonl "$SAMPLES/wmi-persistence" >"$SMOKE/scan-library.jsonl" 2>/dev/null
check "the next scan uses the rule library" \
    test "$(grep -c '"rule_title":"Smoke test copy of the seed rule"' "$SMOKE/scan-library.jsonl")" -eq 2
"$LAUNCHER" scan --no-library-rules -f jsonl "$SAMPLES/wmi-persistence" >"$SMOKE/scan-builtin.jsonl" 2>/dev/null
check "--no-library-rules leaves it out" \
    test "$(grep -c '"rule_title":"Smoke test copy of the seed rule"' "$SMOKE/scan-builtin.jsonl")" -eq 0

# 4. The desktop app under Xvfb.
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xwininfo >/dev/null || missing+=(x11-utils)
command -v import >/dev/null || missing+=(imagemagick)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "install ${missing[*]} to test the desktop app"
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
display=":$(( (port % 400) + 100 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$SMOKE/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY="$display"
for _ in $(seq 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.2; done
"$LAUNCHER" "$SAMPLES" >"$SMOKE/app.out" 2>&1 &
app=$!
pids+=("$app")
window=""
for _ in $(seq 120); do
    window=$(xwininfo -root -tree 2>/dev/null | grep -o '"Sigmascope [^"]*"' | head -1 || true)
    [ -n "$window" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
done
check "the app's window appears ($window)" test -n "$window"
log="$SIGMASCOPE_HOME/logs/sigmascope.log"
for _ in $(seq 120); do
    grep -q 'import finished' "$log" 2>/dev/null && break
    sleep 0.5
done
# The seed rule fires on both hosts of the hand-written sample and in the generated one; its copy in the rule
# library installed above fires on the same events.
check "the app imports the samples with built-in and library rules" \
    grep -Eq 'import finished: [0-9,]+ events from [0-9]+ source\(s\), ([8-9]|[1-9][0-9]+) detections' "$log"
# The screen shows it too: the first detection is selected, its row in the selection colour (software rendering
# under Xvfb can lag seconds behind the import).
window_id=$(xwininfo -root -tree | grep '"Sigmascope ' | head -1 | awk '{print $1}')
shown=""
for _ in $(seq 40); do
    import -display "$display" -window "$window_id" "$SMOKE/app.png"
    # A selected row is a band of the selection colour (red under 60, blue over 150) at least a row high, across
    # the timeline: count such pixels down a vertical line through the table, below the menus and the histogram.
    selected=$(convert "$SMOKE/app.png" -crop 1x500+420+150 +repage txt:- \
        | awk -F'[(,)]' 'NR > 1 && $3 + 0 < 60 && $5 + 0 > 150 { n++ } END { print n + 0 }')
    if [ "$selected" -ge 12 ]; then
        shown=yes
        break
    fi
    sleep 1
done
check "the screenshot shows the first detection selected ($SMOKE/app.png)" test -n "$shown"
check "the app's log has no errors" bash -c "! grep -q ' SEVERE ' '$log'"
kill "$app"
say "smoke test passed; screenshot: $SMOKE/app.png"
echo "smoke: $passed passed, 0 failed"
