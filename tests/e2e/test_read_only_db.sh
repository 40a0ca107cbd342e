#!/bin/sh
# Read-only databases. A read-only file in a read-only folder (a copy on
# a read-only share) still serves every read command and --read-only;
# writes say why and exit 1. A file that is read-only when the TUI starts
# keeps the notes typed, and saves them once it is made writable again.
# Permissions mean nothing to root: as root, fupan runs as nobody.
. "$(dirname "$0")/lib.sh"
restore_modes() { chmod -R u+w "$WORK" 2>/dev/null || true; cleanup; }
trap restore_modes EXIT

AS=
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null || { echo "SKIP: root without setpriv"; exit 0; }
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
    chmod 1777 "$WORK" # nobody writes its files (and valgrind logs) here
fi
DIR=$WORK/share
mkdir -p "$DIR" "$WORK/home"
[ -z "$AS" ] || chown 65534:65534 "$DIR" "$WORK/home"
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/data \
    XDG_CONFIG_HOME=$WORK/home/config
DB=$DIR/demo.db
$AS "$BIN" init --sample --db "$DB" >/dev/null

# ---- a read-only file in a read-only folder ---------------------------
chmod 444 "$DB"
chmod 555 "$DIR"
$AS "$BIN" scorecard --db "$DB" --week 2026-W47 >"$WORK/card" 2>"$WORK/err" \
    || fail "scorecard on a read-only folder: $(cat "$WORK/err")"
grep -q "GMV" "$WORK/card" || fail "no scorecard"
$AS "$BIN" minutes --db "$DB" --week 2026-W47 >"$WORK/min" 2>"$WORK/err" \
    || fail "minutes on a read-only folder: $(cat "$WORK/err")"
grep -q "2026-W47" "$WORK/min" || fail "no minutes"
$AS "$BIN" note list --db "$DB" --week 2026-W47 >/dev/null 2>"$WORK/err" \
    || fail "note list on a read-only folder: $(cat "$WORK/err")"
$AS "$BIN" --read-only --db "$DB" --headless 100x30 --keys 'q' \
    >"$WORK/screen" 2>"$WORK/err" || fail "--read-only: $(cat "$WORK/err")"
grep -q "READ-ONLY" "$WORK/screen" || fail "no READ-ONLY screen"
grep -q "菲律宾" "$WORK/screen" || fail "no stores on the screen"
$AS "$BIN" note add --db "$DB" --week 2026-W47 --path tts-my --cause other \
    --text "写不进" 2>"$WORK/err" && rc=0 || rc=$?
[ "$rc" -eq 1 ] || fail "note add on a read-only folder: exit $rc"
grep -q "readonly\|read-only" "$WORK/err" || fail "no reason: $(cat "$WORK/err")"
ls "$DIR" | grep -q -- "-shm\|-wal" && fail "files appeared in the folder"

# ---- read-only when the TUI starts, writable later --------------------
chmod 755 "$DIR"
chmod 444 "$DB"
tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 100 -y 30 \
    "$AS $(fupan_cmd) --db $DB --today 2026-11-25; echo \"EXIT=\$?\"; sleep 30"
tmux -L "$SOCK" set-option -t t remain-on-exit on >/dev/null
wait_for "q Quit"
wait_for "is read-only: notes are kept here"
text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '只读时记下的'
keys Enter
wait_for "Not saved yet"
wait_for "1 UNSAVED"
sleep 1.5 # a retry or two while still read-only
chmod 644 "$DB"
wait_for "The kept note is saved now." 4
wait_gone "1 UNSAVED"
$AS "$BIN" note list --db "$DB" --week 2026-W47 | grep -q "只读时记下的" \
    || fail "the kept note did not reach the database"
text 'q'
wait_for "EXIT=0"
check_valgrind
