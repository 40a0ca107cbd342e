#!/bin/sh
# Another fupan imports and holds the write lock: the TUI never freezes.
# A note typed meanwhile is kept in memory with a "waiting for the
# database" mark saying who holds the lock, the clock and the keys keep
# going, and the note is written as soon as the lock is released.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 0; }
holder=
stop_holder() { [ -z "$holder" ] || kill "$holder" 2>/dev/null || true; cleanup; }
trap stop_holder EXIT

wait_file() {
    i=0
    while [ ! -s "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$1" ] || fail "no $1"
}
clock() { screen | head -1 | grep -o '[0-9][0-9]:[0-9][0-9] *$'; }

make_demo_db
start_tui 100 30 --db "$DB" --today 2026-11-25
wait_for "q Quit"
python3 "$(dirname "$0")/hold_lock.py" --importer "$DB" "$WORK/ready" \
    "$WORK/release" &
holder=$!
wait_file "$WORK/ready"
importer=$(cat "$WORK/ready")

text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '导入期间也能记下'
wait_for "导入期间也能记下"
sleep 0.5 # a draft is written while typing pauses: it must not block
keys Enter
wait_for "Not saved yet" # not 40 s: the TUI waits 30 ms
wait_for "importing (pid $importer)" 2
wait_for "1 UNSAVED: waiting for the database" 2

# the screen lives on: the clock ticks and keys move the cursor
before=$(clock)
sleep 2.2
[ "$(clock)" != "$before" ] || fail "the clock stopped at $before"
keys Down
wait_for "▸马来西亚"

# an override and an action item typed during the lock wait with it
keys Tab
wait_for "${CUR:-▸}GMV 成交金额"
text 'o'
wait_for "New value:"
text '52,000'
keys Enter
wait_for "Reason for the override (required)"
text '锁定期间的修正'
keys Enter
wait_for "2 UNSAVED: waiting for the database" 2
text 't'
wait_for "New action item"
text '锁定期间的待办'
keys Enter
wait_for "Owner"
text '李娜'
keys Enter
wait_for "Due week"
keys Enter
wait_for "3 UNSAVED: waiting for the database" 2

touch "$WORK/release"
wait "$holder"
wait_for "The 3 kept entries are saved now." 4
wait_gone "UNSAVED" 2
"$BIN" note list --db "$DB" --week 2026-W47 | grep -q "导入期间也能记下" \
    || fail "the kept note did not reach the database"
"$BIN" override list --db "$DB" --week 2026-W47 | grep -q "锁定期间的修正" \
    || fail "the kept override did not reach the database"
"$BIN" action list --db "$DB" --week 2026-W47 | grep -q "锁定期间的待办" \
    || fail "the kept action item did not reach the database"
text 'q'
wait_for "EXIT=0"
check_valgrind
