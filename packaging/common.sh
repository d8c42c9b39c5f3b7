#!/usr/bin/env bash
# Steps shared by linux/package.sh and macos/package.sh (sourced, not run). windows/package.ps1 does the same in
# PowerShell; keep the three in step.
#
# The app runs from the class path (target/sigmascope.jar + target/lib/*.jar, JavaFX and DuckDB among them), on a
# Java runtime cut down by jlink to the JDK modules it needs. jpackage puts the two together as an app image, then
# wraps that in the platform's installer.

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$PROJECT/target/package"
APP_NAME="Sigmascope"
MAIN_CLASS="org.sigmascope.Main"
DESCRIPTION="Forensic analysis of Windows event logs with Sigma rules"
VENDOR="Sigmascope"
# Modules jdeps cannot see, because they are reached through service loaders or by name at run time:
#   jdk.zipfs      the built-in rules are read from inside sigmascope.jar through the zip file system
#   jdk.crypto.ec  elliptic-curve TLS, which GitHub's servers need for `rules update`
#   jdk.charsets   the legacy code pages (windows-125x, IBM) of event exports made on Windows
#   jdk.localedata month and day names for analysts whose locale is not English
EXTRA_MODULES="jdk.zipfs,jdk.crypto.ec,jdk.charsets,jdk.localedata"

say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'packaging: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "'$1' is needed: $2"; }

check_tools() {
    need mvn "install Maven"
    for tool in jdeps jlink jpackage; do
        need "$tool" "use a full JDK 17 or newer (with jdk.jpackage), not a JRE"
    done
}

# Builds target/sigmascope.jar and target/lib/. Extra arguments go to Maven: -Djavafx.platform=win|mac|mac-aarch64
# picks that platform's JavaFX jars (Maven would otherwise pick the build machine's).
build_jar() {
    say "building the application jar (mvn package -DskipTests $*)"
    (cd "$PROJECT" && mvn -B -q package -DskipTests "$@") || fail "the Maven build failed"
}

# The version jpackage gets: numbers only (0.1.0-SNAPSHOT → 0.1.0).
app_version() {
    sed -n 's/^version=//p' "$PROJECT/target/classes/sigmascope-version.properties" | sed 's/-.*$//'
}

# target/package/input: what ends up in the image's app folder. The samples come along, so a new user has
# evidence to try at once (the launcher tells the app where: -Dsigmascope.samples).
stage_input() {
    say "staging the jars and samples"
    rm -rf "$OUT/input"
    mkdir -p "$OUT/input/lib"
    cp "$PROJECT/target/sigmascope.jar" "$OUT/input/"
    cp "$PROJECT"/target/lib/*.jar "$OUT/input/lib/"
    cp -R "$PROJECT/samples" "$OUT/input/samples"
}

# Keeps only this platform's native library in the DuckDB jar (linux_amd64, linux_arm64, macos_arm64,
# windows_amd64): the jar carries all of them, over 200 MB.
slim_duckdb() {
    local jar
    for jar in "$OUT"/input/lib/duckdb_jdbc-*.jar; do
        say "keeping only the $1 library in $(basename "$jar")"
        java "$PROJECT/packaging/tools/SlimDuckDb.java" "$jar" "$1" || fail "cannot slim $jar"
    done
}

jdk_modules() {
    local found
    found=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
        "$OUT/input/sigmascope.jar" "$OUT"/input/lib/*.jar) || fail "jdeps failed"
    echo "$found,$EXTRA_MODULES"
}

make_runtime() {
    local modules
    modules=$(jdk_modules)
    say "linking a Java runtime with $modules"
    rm -rf "$OUT/runtime"
    jlink --add-modules "$modules" --strip-debug --strip-native-commands --no-header-files --no-man-pages \
        --compress=2 --output "$OUT/runtime" || fail "jlink failed"
}

# The jpackage options every platform's app image shares.
common_image_options() {
    printf '%s\n' \
        --name "$APP_NAME" \
        --app-version "$1" \
        --vendor "$VENDOR" \
        --description "$DESCRIPTION" \
        --copyright "Sigmascope contributors" \
        --input "$OUT/input" \
        --main-jar sigmascope.jar \
        --main-class "$MAIN_CLASS" \
        --runtime-image "$OUT/runtime" \
        --java-options "-Dfile.encoding=UTF-8" \
        --java-options "-Djava.net.useSystemProxies=true" \
        --java-options "-Dsigmascope.samples=\$APPDIR/samples" \
        --dest "$OUT"
}
