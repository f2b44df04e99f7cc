#!/usr/bin/env bash
# package_deb: builds the two Debian packages (relais, relais-platform) from an already built tree into a scratch
# directory, and checks what a Debian 12 machine and its administrator get from them:
#   - the control fields: names, a real maintainer, Depends from dpkg-shlibdeps plus what is only loaded at run time
#   - the files: programs, desktop entry, icon, AppStream metadata, man pages, kiosk session, systemd units, nginx
#     example, copyright and changelog.Debian.gz; desktop entries, AppStream, man pages and the units validated
#   - lintian: no error and no warning (the few overridden tags carry their reason in installer/debian/)
#   - both packages unpacked into a throw-away root, every Depends satisfied on this machine, and the programs run
#     from there: relais-admin --version, relais-platform --help, relais --version.
#   tests/lint/package-deb.sh BUILD_DIR [CPACK]
set -euo pipefail

build="${1:?usage: $0 BUILD_DIR [CPACK]}"
cpack="${2:-cpack}"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/relais-package.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

failures=0
fail() {
    echo "package_deb: $*"
    failures=$((failures + 1))
}

if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    echo "package_deb: cpack failed:"
    cat "$scratch/cpack.log"
    exit 1
fi
shopt -s nullglob
kiosk_debs=("$scratch"/out/relais_*.deb)
platform_debs=("$scratch"/out/relais-platform_*.deb)
if [ ${#kiosk_debs[@]} -ne 1 ] || [ ${#platform_debs[@]} -ne 1 ]; then
    echo "package_deb: expected relais_*.deb and relais-platform_*.deb, found:" "$scratch"/out/*.deb
    cat "$scratch/cpack.log"
    exit 1
fi
kiosk_deb="${kiosk_debs[0]}"
platform_deb="${platform_debs[0]}"

# ---- control fields ----
# has_dep FIELD_VALUE NAME: NAME is one of the package names in the field (whole names: "libsodium23" must not be
# satisfied by "libsodium23-dev").
has_dep() { grep -Eq "(^|[ ,|])$2([ ,(|]|$)" <<<"$1"; }
for deb in "$kiosk_deb" "$platform_deb"; do
    maintainer="$(dpkg-deb -f "$deb" Maintainer)"
    grep -Eq '^Relais .+ <[^ @]+@[^ @]+>$' <<<"$maintainer" || fail "$(basename "$deb"): Maintainer does not name the project: $maintainer"
    grep -qi 'example' <<<"$maintainer" && fail "$(basename "$deb"): Maintainer is a placeholder: $maintainer"
    [ -n "$(dpkg-deb -f "$deb" Description | sed -n 2p)" ] || fail "$(basename "$deb"): no long description"
done
[ "$(dpkg-deb -f "$kiosk_deb" Package)" = relais ] || fail "the kiosk package is not named relais"
[ "$(dpkg-deb -f "$platform_deb" Package)" = relais-platform ] || fail "the platform package is not named relais-platform"
[ "$(dpkg-deb -f "$kiosk_deb" Description | head -n 1)" != "$(dpkg-deb -f "$platform_deb" Description | head -n 1)" ] ||
    fail "both packages have the same summary"

kiosk_depends="$(dpkg-deb -f "$kiosk_deb" Depends)"
for needed in libqt6widgets6 libsqlcipher0 libsodium23 libqt6keychain1 qt6-qpa-plugins qt6-wayland cage xwayland \
    libsecret-1-0 qt6-translations-l10n fonts-dejavu-core; do
    has_dep "$kiosk_depends" "$needed" || fail "relais: Depends lacks $needed"
done
has_dep "$(dpkg-deb -f "$kiosk_deb" Recommends)" gnome-keyring || fail "relais: Recommends lacks gnome-keyring"
platform_depends="$(dpkg-deb -f "$platform_deb" Depends)"
for needed in libqt6httpserver6 libqt6sql6 libqt6sql6-sqlite libsodium23; do
    has_dep "$platform_depends" "$needed" || fail "relais-platform: Depends lacks $needed"
done
# The platform must stay free of the kiosk's SQLCipher and GUI (one SQLite engine per process, a server).
for unwanted in libsqlcipher0 libqt6widgets6 libqt6gui6; do
    has_dep "$platform_depends" "$unwanted" && fail "relais-platform: Depends has $unwanted"
done

# ---- files ----
# contains DEB PATH...: each path is in the package.
contains() {
    local deb="$1" contents
    shift
    contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
    for path in "$@"; do
        grep -qxF ".$path" <<<"$contents" || fail "$(dpkg-deb -f "$deb" Package) does not contain $path"
    done
}
contains "$kiosk_deb" /usr/bin/relais /usr/bin/relais-admin /usr/bin/relais-kiosk-session \
    /usr/share/applications/relais.desktop /usr/share/icons/hicolor/scalable/apps/relais.svg \
    /usr/share/metainfo/fr.relais.Relais.metainfo.xml /usr/share/wayland-sessions/relais-kiosk.desktop \
    /lib/systemd/system/relais-kiosk.service /usr/share/man/man1/relais.1.gz /usr/share/man/man1/relais-admin.1.gz \
    /usr/share/man/man1/relais-kiosk-session.1.gz /usr/share/doc/relais/copyright \
    /usr/share/doc/relais/changelog.Debian.gz
contains "$platform_deb" /usr/bin/relais-platform /lib/systemd/system/relais-platform.service \
    /usr/share/man/man1/relais-platform.1.gz /usr/share/doc/relais-platform/examples/nginx-relais-platform \
    /usr/share/doc/relais-platform/copyright /usr/share/doc/relais-platform/changelog.Debian.gz

# ---- lintian ----
if ! command -v lintian >/dev/null 2>&1; then
    fail "lintian is not installed (scripts/setup installs it)"
else
    # No error and no warning; an overridden tag (listed with O:) carries its reason in installer/debian/. lintian's
    # own status only says whether it ran: 0, or 2 when a tag at --fail-on's level (error, by default) was found.
    status=0
    lintian --display-info --show-overrides "$kiosk_deb" "$platform_deb" >"$scratch/lintian.log" 2>&1 || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
        fail "lintian did not run (status $status)"
    fi
    grep -Eq '^[EW]: ' "$scratch/lintian.log" && fail "lintian reports errors or warnings"
    # The tags without their long explanations (N: lines).
    grep -E '^[EWIPXO]: ' "$scratch/lintian.log" | sed 's/^/  lintian: /' || true
    echo "package_deb: lintian: $(grep -c '^E:' "$scratch/lintian.log") error(s), $(grep -c '^W:' "$scratch/lintian.log") warning(s), $(grep -c '^O:' "$scratch/lintian.log") overridden"
fi

# ---- throw-away root ----
root="$scratch/root"
dpkg-deb -x "$kiosk_deb" "$root"
dpkg-deb -x "$platform_deb" "$root"

# Every Depends clause is met on this machine (an installed package at the right version, or one of the two packages
# just unpacked): what dpkg would check before configuring them.
satisfied() { # NAME [OP VERSION]
    local name="$1" op="${2:-}" want="${3:-}" have
    case "$name" in
    relais | relais-platform) have="$(dpkg-deb -f "$scratch/out/${name}_"*.deb Version)" ;;
    *) have="$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null | sed -n 's/^install ok installed //p')" ;;
    esac
    [ -n "$have" ] || return 1
    [ -z "$op" ] || dpkg --compare-versions "$have" "$op" "$want"
}
for deb in "$kiosk_deb" "$platform_deb"; do
    IFS=',' read -r -a clauses <<<"$(dpkg-deb -f "$deb" Depends)"
    for clause in "${clauses[@]}"; do
        met=""
        IFS='|' read -r -a alternatives <<<"$clause"
        for alternative in "${alternatives[@]}"; do
            # "name (>= 1.2)" or "name:any"
            read -r name op want <<<"$(sed -E 's/[()]//g; s/:any//' <<<"$alternative")"
            if satisfied "$name" "$op" "$want"; then
                met=1
                break
            fi
        done
        [ -n "$met" ] || fail "$(dpkg-deb -f "$deb" Package): the dependency \"${clause# }\" is not met on this machine"
    done
done

# The programs find every library on the system, none in the build tree (no RPATH/RUNPATH left).
for program in relais relais-admin relais-platform; do
    binary="$root/usr/bin/$program"
    if readelf -d "$binary" | grep -Eq 'RPATH|RUNPATH'; then
        fail "/usr/bin/$program keeps an RPATH: $(readelf -d "$binary" | grep -E 'RPATH|RUNPATH')"
    fi
    if ldd "$binary" | grep -q 'not found'; then
        fail "/usr/bin/$program misses libraries: $(ldd "$binary" | grep 'not found' | tr -s ' \t' ' ')"
    fi
done

# Run them from the root, in an empty home, as an administrator would after installing.
home="$scratch/home"
mkdir -p "$home"
run() { env -i PATH="$root/usr/bin:/usr/bin:/bin" HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    RELAIS_DATA_DIR="$home/data" "$@"; }
version="$(dpkg-deb -f "$kiosk_deb" Version)"
version="${version%-*}"
if output="$(run "$root/usr/bin/relais-admin" --version 2>&1)"; then
    [ "$output" = "relais-admin $version" ] || fail "relais-admin --version printed \"$output\", not \"relais-admin $version\""
    echo "package_deb: $output"
else
    fail "relais-admin --version failed: $output"
fi
if output="$(run "$root/usr/bin/relais-platform" --help 2>&1)"; then
    grep -q -- '--data-dir' <<<"$output" && grep -q 'Commands:' <<<"$output" ||
        fail "relais-platform --help does not describe its options and commands: $output"
    echo "package_deb: relais-platform --help: $(grep -c -- '--' <<<"$output") options"
else
    fail "relais-platform --help failed: $output"
fi
# The platform started as relais-platform.service starts it (its ExecStart, with a scratch data directory and a free
# port instead of /var/lib/relais-platform and 8765) answers on loopback.
exec_start="$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/relais-platform.service")"
read -r -a service_args <<<"$(sed -e "s|^/usr/bin/|$root/usr/bin/|" -e "s|/var/lib/relais-platform|$scratch/platform|" \
    -e 's|--port 8765|--port 0|' -e 's|\$RELAIS_PLATFORM_OPTIONS||' <<<"$exec_start")"
mkdir -m 700 "$scratch/platform"
run "${service_args[@]}" >"$scratch/platform.log" 2>&1 &
platform_pid=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$scratch/platform.log" && break
    kill -0 "$platform_pid" 2>/dev/null || break
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$scratch/platform.log")"
if [ -n "$url" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url/v1/health")" = 204 ]; then
    echo "package_deb: relais-platform started with the unit's ExecStart answers on $url"
else
    fail "relais-platform started with the unit's ExecStart ($exec_start) does not answer: $(grep -v 'enrolment code' "$scratch/platform.log")"
fi
kill "$platform_pid" 2>/dev/null || true
wait "$platform_pid" 2>/dev/null || true

if output="$(run "$root/usr/bin/relais" --version 2>&1)"; then
    grep -q "$version" <<<"$output" || fail "relais --version printed \"$output\""
else
    fail "relais --version failed: $output"
fi

# ---- installed metadata: desktop entries, AppStream, man pages, systemd units ----
for f in usr/share/applications/relais.desktop usr/share/wayland-sessions/relais-kiosk.desktop; do
    desktop-file-validate "$root/$f" || fail "desktop-file-validate rejects /$f"
done
metainfo=usr/share/metainfo/fr.relais.Relais.metainfo.xml
appstreamcli validate --no-net "$root/$metainfo" >"$scratch/appstream.log" 2>&1 ||
    fail "appstreamcli rejects /$metainfo: $(cat "$scratch/appstream.log")"
for page in "$root"/usr/share/man/man1/*.1.gz; do
    warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)"
    [ -z "$warnings" ] || fail "man page ${page#"$root"}: $warnings"
done
unit="$root/lib/systemd/system/relais-platform.service"
for directive in DynamicUser=yes ProtectSystem=strict StateDirectory=relais-platform NoNewPrivileges=yes \
    ProtectHome=yes PrivateTmp=yes CapabilityBoundingSet= SystemCallFilter=@system-service; do
    grep -qx "$directive" "$unit" || fail "relais-platform.service lacks $directive"
done
if systemd-analyze --help 2>/dev/null | grep -q -- '--offline'; then
    # systemd's own rating of the sandbox, shown from 0 (locked down) to 10 (exposed), --threshold in tenths: under
    # 2.0 is "OK".
    if ! systemd-analyze security --offline=yes --threshold=20 --no-pager "$unit" >"$scratch/security.log" 2>&1; then
        fail "systemd-analyze rates relais-platform.service too exposed: $(tail -n 1 "$scratch/security.log")"
    fi
    echo "package_deb: $(grep 'Overall exposure' "$scratch/security.log")"
else
    echo "package_deb: systemd-analyze has no --offline here; the unit's sandbox was checked by its directives only"
fi

echo "Packages: $(basename "$kiosk_deb") $(basename "$platform_deb")"
echo "relais Depends: $kiosk_depends"
echo "relais-platform Depends: $platform_depends"
if [ "$failures" -gt 0 ]; then
    echo "package_deb: $failures check(s) failed"
    exit 1
fi
echo "package_deb: all checks passed."
