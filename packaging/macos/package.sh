#!/usr/bin/env bash
# Builds the macOS disk image (target/package/Sigmascope-VERSION.dmg) holding Sigmascope.app.
#
#   packaging/macos/package.sh
#
# UNTESTED: written from the jpackage documentation of JDK 17 and checked on Linux only (the JavaFX jars for
# macOS resolve with -Djavafx.platform=mac-aarch64). Run it on a Mac with a JDK 17+ (full JDK, with jpackage) and
# Maven; jpackage makes the .dmg with the system's hdiutil.
#
# Apple silicon only: DuckDB's JDBC driver (2.0.0.1) ships a native library for macOS on arm64 and none for Intel.
#
# Signing: set SIGMASCOPE_MAC_SIGNING_IDENTITY to the team or user name of a "Developer ID Application" certificate
# in the keychain; notarize the .dmg afterwards (xcrun notarytool submit … --wait; xcrun stapler staple …).
# Unsigned, Gatekeeper refuses to open the app until the user allows it (docs/packaging.md).
set -euo pipefail
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/../common.sh"

[ "$(uname -s)" = Darwin ] || fail "build the macOS package on macOS (jpackage cannot cross-package)"
case "$(uname -m)" in
    arm64) ;;
    *) fail "DuckDB has no native library for Intel macOS; build on Apple silicon (arm64)" ;;
esac

check_tools
build_jar -Djavafx.platform=mac-aarch64
stage_input
slim_duckdb macos_arm64
make_runtime
version=$(app_version)
# jpackage refuses a macOS bundle version whose first number is 0 (CFBundleVersion); `sigmascope --version` and the
# window title still say the real version.
bundle_version="$version"
if [ "${version%%.*}" = 0 ]; then
    bundle_version="1.0.0"
    say "macOS needs a bundle version of 1 or more: using $bundle_version for $version"
fi

signing=()
if [ -n "${SIGMASCOPE_MAC_SIGNING_IDENTITY:-}" ]; then
    signing=(--mac-sign --mac-signing-key-user-name "$SIGMASCOPE_MAC_SIGNING_IDENTITY")
fi

say "making the .dmg"
rm -f "$OUT/$APP_NAME"-*.dmg
mapfile -t options < <(common_image_options "$bundle_version")
jpackage --type dmg "${options[@]}" \
    --icon "$PROJECT/packaging/icon/sigmascope.icns" \
    --mac-package-identifier org.sigmascope.app \
    --mac-package-name "$APP_NAME" \
    --mac-app-category public.app-category.utilities \
    --file-associations "$PROJECT/packaging/associations/evtx.properties" \
    --file-associations "$PROJECT/packaging/associations/case.properties" \
    "${signing[@]}" \
    || fail "jpackage (dmg) failed"
say "dmg: $(ls "$OUT"/"$APP_NAME"-*.dmg)"
