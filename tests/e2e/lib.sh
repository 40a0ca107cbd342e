# Shared helpers for the end-to-end tests (sourced by tests/e2e/test_*.sh).
# Each test gets its own temp dir ($WORK), its own demo database ($DB)
# and its own tmux server (-L), so tests can run side by side.
set -eu
BIN=${1:?usage: test.sh /path/to/fupan}
WORK=$(mktemp -d)
DB=$WORK/demo.db
SOCK=fupan-e2e-$$
export LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 HOME=$WORK
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
export XDG_CONFIG_DIRS=$WORK/etc-xdg  # no team-wide config of the machine
unset NO_COLOR FUPAN_DB LANGUAGE LC_MESSAGES || true

cleanup() {
    tmux -L "$SOCK" kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Runs fupan, under valgrind when FUPAN_VALGRIND=1.
fupan_cmd() {
    if [ "${FUPAN_VALGRIND:-0}" = 1 ]; then
        echo "valgrind -q --error-exitcode=99 --leak-check=full --log-file=$WORK/vg.%p.log $BIN"
    else
        echo "$BIN"
    fi
}

make_demo_db() { "$BIN" init --sample --db "$DB" >/dev/null; }

# start_tui COLS ROWS ARGS...: starts fupan in a detached tmux session "t".
start_tui() {
    cols=$1; rows=$2; shift 2
    tmux -L "$SOCK" -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
        "$(fupan_cmd) $*; echo \"EXIT=\$?\"; sleep 30"
    tmux -L "$SOCK" set-option -t t remain-on-exit on >/dev/null
}

screen() { tmux -L "$SOCK" capture-pane -p -t t; }
keys() { tmux -L "$SOCK" send-keys -t t "$@"; }
text() { tmux -L "$SOCK" send-keys -t t -l "$1"; }
resize() { tmux -L "$SOCK" resize-window -t t -x "$1" -y "$2"; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT shows up (four
# times as long under valgrind).
wait_for() {
    limit=$(( ${2:-5} * 10 ))
    if [ "${FUPAN_VALGRIND:-0}" = 1 ]; then
        limit=$((limit * 4)) # valgrind runs it 20-50 times slower
    fi
    i=0
    while [ $i -lt "$limit" ]; do
        if screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "--- screen ---" >&2
    screen >&2
    fail "timed out waiting for: $1"
}

# wait_gone TEXT [SECONDS]: polls until TEXT is no longer on screen.
wait_gone() {
    limit=$(( ${2:-5} * 10 ))
    i=0
    while [ $i -lt "$limit" ]; do
        if ! screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    screen >&2
    fail "still on screen: $1"
}

check_valgrind() {
    [ "${FUPAN_VALGRIND:-0}" = 1 ] || return 0
    if grep -l "ERROR SUMMARY: [1-9]\|definitely lost: [1-9]" "$WORK"/vg.*.log 2>/dev/null; then
        cat "$WORK"/vg.*.log >&2
        fail "valgrind reported errors"
    fi
}
