#!/usr/bin/env bash
# package_deb: builds the .deb from an already built tree into a scratch directory and checks what a Debian 12
# machine needs from it: the run-time dependencies (shared libraries found by dpkg-shlibdeps plus the ones Qt
# and QtKeychain only load at run time) and the installed files.
#   tests/lint/package-deb.sh BUILD_DIR [CPACK]
set -euo pipefail

build="${1:?usage: $0 BUILD_DIR [CPACK]}"
cpack="${2:-cpack}"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/relais-package.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch" >"$scratch/cpack.log" 2>&1; then
    echo "package_deb: cpack failed:"
    cat "$scratch/cpack.log"
    exit 1
fi
shopt -s nullglob
debs=("$scratch"/*.deb)
if [ ${#debs[@]} -ne 1 ]; then
    echo "package_deb: expected one .deb in $scratch, found ${#debs[@]}"
    cat "$scratch/cpack.log"
    exit 1
fi
deb="${debs[0]}"

failures=0
fail() {
    echo "package_deb: $*"
    failures=$((failures + 1))
}

[ "$(dpkg-deb -f "$deb" Package)" = relais ] || fail "package name is not relais"
depends="$(dpkg-deb -f "$deb" Depends)"
recommends="$(dpkg-deb -f "$deb" Recommends)"
for needed in libqt6widgets6 libsqlcipher0 libsodium23 libqt6keychain1 qt6-qpa-plugins libsecret-1-0 \
    qt6-translations-l10n fonts-dejavu-core; do
    # whole package names only: "libsodium23" must not be satisfied by "libsodium23-dev"
    grep -Eq "(^|[ ,|])$needed([ ,(|]|$)" <<<"$depends" || fail "Depends lacks $needed"
done
grep -Eq "(^|[ ,])gnome-keyring([ ,(]|$)" <<<"$recommends" || fail "Recommends lacks gnome-keyring"

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/relais ./usr/bin/relais-admin ./usr/share/applications/relais.desktop \
    ./usr/share/icons/hicolor/scalable/apps/relais.svg ./usr/share/metainfo/fr.relais.Relais.metainfo.xml \
    ./usr/share/xsessions/relais-kiosk.desktop ./usr/bin/relais-kiosk-session \
    ./usr/share/doc/relais/copyright; do
    grep -qxF "$path" <<<"$contents" || fail "the package does not contain ${path#.}"
done

# The metadata as installed: desktop entries and AppStream (validators from scripts/setup; skipped if absent).
dpkg-deb -x "$deb" "$scratch/root"
if command -v desktop-file-validate >/dev/null 2>&1; then
    for f in usr/share/applications/relais.desktop usr/share/xsessions/relais-kiosk.desktop; do
        [ -f "$scratch/root/$f" ] || continue
        desktop-file-validate "$scratch/root/$f" || fail "desktop-file-validate rejects /$f"
    done
else
    echo "package_deb: desktop-file-validate not installed, desktop entries not validated"
fi
metainfo=usr/share/metainfo/fr.relais.Relais.metainfo.xml
if command -v appstreamcli >/dev/null 2>&1 && [ -f "$scratch/root/$metainfo" ]; then
    appstreamcli validate --no-net "$scratch/root/$metainfo" || fail "appstreamcli rejects /$metainfo"
else
    echo "package_deb: appstreamcli not installed, AppStream metadata not validated"
fi

echo "Package: $(basename "$deb")"
echo "Depends: $depends"
echo "Recommends: $recommends"
if [ "$failures" -gt 0 ]; then
    echo "package contents:"
    dpkg-deb -c "$deb"
    exit 1
fi
echo "package_deb: all checks passed."
