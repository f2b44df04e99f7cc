#!/usr/bin/env bash
# kiosk_session_cage: the kiosk session of installer/kiosk/relais-kiosk-session, really started as on a mediation PC
# (a dedicated unprivileged account, cage, relais --kiosk on Wayland), with cage's headless back end instead of a
# screen. Checks that
#   1. the kiosk is up: cage and relais run, relais writes its log, and a screenshot (grim) shows its window drawn
#      over the whole output;
#   2. it cannot be left without an administrator: cage has no VT switching, the session holds nothing but the kiosk,
#      and a relais that is killed or crashes is started again at once, on screen again;
#   3. a normal end of relais (status 0, which only an administrator's "Quit Relais on this computer" gives; here
#      `--help`) ends cage and the whole session.
# The keyboard path (Alt+F4, a close request, the administrator's quit button) is TestFirstRunAndLogin's
# kioskClosesOnlyForAnAdministrator: cage 0.1.4 has no virtual keyboard protocol to type from here.
#
# cage refuses to run as root: the test creates an account of its own (useradd) and removes it at the end, so it needs
# root. Without root it is skipped (status 77), unless RELAIS_REQUIRE_ROOT_TESTS=1 (CI), where that is a failure.
#   tests/lint/kiosk-session-cage.sh SOURCE_DIR RELAIS RELAIS_ADMIN
set -euo pipefail

source_dir="${1:?usage: $0 SOURCE_DIR RELAIS RELAIS_ADMIN}"
relais="$(readlink -f "${2:?}")"
relais_admin="$(readlink -f "${3:?}")"

if [ "$(id -u)" -ne 0 ]; then
    if [ "${RELAIS_REQUIRE_ROOT_TESTS:-}" = 1 ]; then
        echo "kiosk_session_cage: needs root (it creates an account for cage), and RELAIS_REQUIRE_ROOT_TESTS=1"
        exit 1
    fi
    echo "kiosk_session_cage: skipped, needs root (it creates an unprivileged account for cage)"
    exit 77
fi
missing=()
for tool in cage Xwayland grim pngtopnm ppmhist pamcut pnmtoplainpnm useradd runuser dbus-run-session; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
ls /usr/lib/*/qt6/plugins/platforms/libqwayland-generic.so >/dev/null 2>&1 || missing+=("qt6-wayland")
if [ ${#missing[@]} -gt 0 ]; then
    echo "kiosk_session_cage: missing ${missing[*]} (scripts/setup installs cage xwayland qt6-wayland grim netpbm)"
    exit 1
fi

# An account left behind by a run that was killed before its clean-up (a ctest time-out): removed now.
for stale in $(getent passwd | cut -d: -f1 | grep '^relais-kt-[0-9]*$' || true); do
    kill -0 "${stale#relais-kt-}" 2>/dev/null || userdel -f "$stale" 2>/dev/null || true
done
user="relais-kt-$$"
# In /tmp whatever TMPDIR says: the account must reach it, and a TMPDIR may be private to root.
scratch="$(mktemp -d /tmp/relais-kiosk-session.XXXXXX)"
session_pid=""
user_made=""

# stop_session: the session's whole process group (setsid made it), politely then not.
stop_session() {
    [ -n "$session_pid" ] || return 0
    kill -TERM -- "-$session_pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 -- "-$session_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$session_pid" 2>/dev/null || true
    wait "$session_pid" 2>/dev/null || true
    session_pid=""
}
cleanup() {
    stop_session
    if [ -n "$user_made" ]; then
        userdel "$user" 2>/dev/null || userdel -f "$user" 2>/dev/null || echo "kiosk_session_cage: could not remove $user"
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

failures=0
fail() {
    echo "kiosk_session_cage: $*"
    failures=$((failures + 1))
}

# The dedicated account, as docs/guide-administrateur.md makes it (no password, no login shell needed here).
useradd --system --no-create-home --home-dir "$scratch/home" --shell /usr/sbin/nologin "$user"
user_made=1
uid="$(id -u "$user")"
chmod 755 "$scratch"
mkdir -p "$scratch/home" "$scratch/data" "$scratch/run" "$scratch/bin"
chown "$user:" "$scratch/home" "$scratch/data" "$scratch/run"
chmod 700 "$scratch/run" "$scratch/data" # XDG_RUNTIME_DIR: private to the account, as logind would make it
# The programs as the package installs them: relais on PATH, the session script beside it.
for program in "$relais" "$relais_admin"; do
    if runuser -u "$user" -- test -x "$program"; then
        ln -s "$program" "$scratch/bin/"
    else
        cp "$program" "$scratch/bin/" # the build tree is not readable by other accounts here
    fi
done
install -m 755 "$source_dir/installer/kiosk/relais-kiosk-session" "$scratch/bin/relais-kiosk-session"

as_user() {
    runuser -u "$user" -- env -i PATH="$scratch/bin:/usr/bin:/bin" HOME="$scratch/home" LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$scratch/run" RELAIS_DATA_DIR="$scratch/data" RELAIS_LANG=en "$@"
}

# The store, created by the administrator under that account (guide, step 2): the kiosk then shows its sign-in page.
if ! printf '%s\n' "kiosk session test password" |
    as_user relais-admin init --structure "France Services (test)" --admin admin --password-stdin \
        >"$scratch/init.log" 2>&1; then
    echo "kiosk_session_cage: relais-admin init failed:"
    cat "$scratch/init.log"
    exit 1
fi

# start_session [ARGS...]: the session as a display manager or relais-kiosk.service starts it, on cage's headless
# back end with the pixman software renderer and no input device.
start_session() {
    setsid runuser -u "$user" -- env -i PATH="$scratch/bin:/usr/bin:/bin" HOME="$scratch/home" LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$scratch/run" RELAIS_DATA_DIR="$scratch/data" RELAIS_LANG=en \
        WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
        relais-kiosk-session "$@" >"$scratch/session.log" 2>&1 </dev/null &
    session_pid=$!
}
relais_pid() { pgrep -u "$uid" -x relais | head -n 1; }
cage_pid() { pgrep -u "$uid" -x cage | head -n 1; }
# wait_for SECONDS COMMAND...: until the command succeeds.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}
# The kiosk's own start line in its log (relais-admin writes to the same file under its own name).
started_lines() { grep -c 'relais\.domain: relais [0-9.]* started' "$scratch/data/logs/relais.log" 2>/dev/null || true; }
started_at_least() { [ "$(started_lines)" -ge "$1" ]; }
# screenshot FILE (in the account's home): grim through cage's screencopy; true if the picture is the kiosk drawn over the whole output
# (many colours: text and widgets, not an empty background) and covers the whole output.
screenshot() {
    rm -f "$1"
    as_user env WAYLAND_DISPLAY=wayland-0 grim "$1" 2>"$scratch/grim.log" || return 1
    local colours corner
    colours="$(pngtopnm "$1" | ppmhist -noheader | wc -l)"
    [ "$colours" -gt 20 ] || return 1
    # Full screen: the window reaches both far corners (cage's own background, without a window, is black).
    for corner in "-left 0 -top 0" "-left -1 -top -1"; do
        # shellcheck disable=SC2086
        [ "$(pngtopnm "$1" | pamcut $corner -width 1 -height 1 | pnmtoplainpnm | tail -n 1 | tr -d ' ')" != 000 ] ||
            return 1
    done
}
show_logs() {
    echo "--- session output"
    cat "$scratch/session.log" || true
    echo "--- relais.log"
    cat "$scratch/data/logs/relais.log" 2>/dev/null || true
}

t0=$SECONDS
start_session
# 1. The kiosk is up.
if ! wait_for 60 test -S "$scratch/run/wayland-0"; then
    fail "cage did not open its Wayland display"
    show_logs
    exit 1
fi
wait_for 60 started_at_least 1 || fail "relais did not start under cage (no \"started\" line in its log)"
first="$(relais_pid)"
[ -n "$first" ] || fail "no relais process in the session"
if wait_for 30 screenshot "$scratch/home/kiosk.png"; then
    [ -z "${RELAIS_KIOSK_SCREENSHOT:-}" ] || cp "$scratch/home/kiosk.png" "$RELAIS_KIOSK_SCREENSHOT"
    echo "kiosk_session_cage: the kiosk is on screen after $((SECONDS - t0))s ($(pngtopnm "$scratch/home/kiosk.png" | head -n 2 | tail -n 1) pixels)"
else
    fail "no kiosk on screen: the screenshot is empty or could not be taken ($(cat "$scratch/grim.log" 2>/dev/null))"
fi
if [ "$failures" -gt 0 ]; then
    show_logs
    exit 1
fi
[ "$(tr '\0' ' ' <"/proc/$first/cmdline")" = "relais --kiosk --data-dir $scratch/data " ] ||
    fail "relais does not run in kiosk mode: $(tr '\0' ' ' <"/proc/$first/cmdline")"
grep -qx 'QT_QPA_PLATFORM=wayland' <(tr '\0' '\n' <"/proc/$first/environ") ||
    fail "relais does not draw on Wayland"

# 2. No way out. cage without -s: Ctrl+Alt+F1..F12 switch to no other terminal.
cage="$(cage_pid)"
cage_args="$(tr '\0' ' ' <"/proc/$cage/cmdline")"
case " $cage_args" in
*" -s "*) fail "cage allows switching to another virtual terminal: $cage_args" ;;
esac
# The session holds the kiosk and what it needs, no shell or program anyone could reach: the bus, cage (and the
# Xwayland it may start), the session script and relais.
others="$(ps -o args= -u "$uid" | grep -vE '^(dbus-run-session |dbus-daemon |cage |Xwayland|relais --kiosk |bash [^ ]*/relais-kiosk-session( |$))' || true)"
[ -z "$others" ] || fail "the session runs other programs: $others"
# A kiosk that is killed (or crashes) comes back, on screen, in the same session.
for signal in TERM KILL; do
    before="$(started_lines)"
    kill "-$signal" "$(relais_pid)"
    if wait_for 30 started_at_least $((before + 1)) && wait_for 30 screenshot "$scratch/home/again.png"; then
        echo "kiosk_session_cage: relais ended by SIG$signal is back on screen"
    else
        fail "relais ended by SIG$signal did not come back"
    fi
    [ "$(cage_pid)" = "$cage" ] || fail "the session did not survive SIG$signal to relais"
done
[ "$failures" -eq 0 ] || show_logs
stop_session

# 3. relais ending normally (status 0) ends cage and the session: what an administrator's quit does.
start_session --help
if wait_for 60 bash -c "! kill -0 $session_pid 2>/dev/null"; then
    wait "$session_pid" && status=0 || status=$?
    session_pid=""
    [ "$status" -eq 0 ] || fail "the session ended with status $status after relais exited normally"
    [ -z "$(cage_pid)" ] || fail "cage is still running after relais exited normally"
    grep -q -- '--kiosk' "$scratch/session.log" || fail "relais --help did not run inside the session"
else
    fail "the session did not end when relais exited normally"
    show_logs
fi

if [ "$failures" -gt 0 ]; then
    echo "kiosk_session_cage: $failures check(s) failed"
    exit 1
fi
echo "kiosk_session_cage: all checks passed in $((SECONDS - t0))s."
