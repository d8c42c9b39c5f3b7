#!/usr/bin/env bash
# Builds the Linux app image (target/package/Sigmascope/) and, with `deb` or `all`, the .deb installer.
#
#   packaging/linux/package.sh [app-image|deb|all]      (default: app-image)
#
# Needs a JDK 17+ with jpackage, and Maven; the .deb also needs dpkg-deb and fakeroot (Debian: dpkg-dev, fakeroot).
set -euo pipefail
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/../common.sh"

what="${1:-app-image}"
case "$what" in app-image|deb|all) ;; *) fail "usage: $0 [app-image|deb|all]" ;; esac

check_tools
# shellcheck disable=SC2119
build_jar
stage_input
case "$(uname -m)" in
    x86_64) slim_duckdb linux_amd64 ;;
    aarch64) slim_duckdb linux_arm64 ;;
    *) fail "DuckDB has no native library for $(uname -m) Linux" ;;
esac
make_runtime
version=$(app_version)

say "making the app image"
rm -rf "${OUT:?}/${APP_NAME:?}"
mapfile -t options < <(common_image_options "$version")
jpackage --type app-image "${options[@]}" --icon "$PROJECT/packaging/icon/sigmascope.png" \
    || fail "jpackage (app-image) failed"
say "app image: $OUT/$APP_NAME (run $OUT/$APP_NAME/bin/$APP_NAME)"

if [ "$what" = deb ] || [ "$what" = all ]; then
    need dpkg-deb "install dpkg-dev"
    need fakeroot "install fakeroot"
    say "making the .deb"
    rm -f "$OUT"/sigmascope_*.deb
    jpackage --type deb \
        --app-image "$OUT/$APP_NAME" \
        --name "$APP_NAME" \
        --app-version "$version" \
        --vendor "$VENDOR" \
        --description "$DESCRIPTION" \
        --icon "$PROJECT/packaging/icon/sigmascope.png" \
        --linux-package-name sigmascope \
        --linux-app-category utils \
        --linux-menu-group "Utility;Security;" \
        --linux-shortcut \
        --resource-dir "$PROJECT/packaging/linux/resources" \
        --file-associations "$PROJECT/packaging/associations/evtx.properties" \
        --file-associations "$PROJECT/packaging/associations/case.properties" \
        --dest "$OUT" \
        || fail "jpackage (deb) failed"
    say "deb: $(ls "$OUT"/sigmascope_*.deb)"
fi
