#!/bin/sh
# A file size limit (prlimit --fsize, ulimit -f, a quota) does not kill
# fupan with SIGXFSZ: the write fails with EFBIG and is reported like a
# full disk ("file too large"); the CLI exits 1 with one line, the TUI
# keeps the note in memory, saves it once the limit is lifted and quits
# normally (terminal restored).
. "$(dirname "$0")/lib.sh"
for tool in prlimit pgrep; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: no $tool here"
        exit 0
    fi
done

make_demo_db

# CLI: a note of 3,900 characters (within the note cap; 11.7 KB) whose
# pages do not fit under a 20,000-byte limit
long=$(printf '文%.0s' $(seq 3900))
rc=0
prlimit --fsize=20000 "$BIN" note add --db "$DB" --week 2026-W47 \
    --path tts-my --cause pricing --text "$long" 2>"$WORK/err" || rc=$?
[ "$rc" -eq 1 ] || fail "note add past the file size limit exited $rc"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "not one line: $(cat "$WORK/err")"
grep -q '^fupan: .*file too large' "$WORK/err" \
    || fail "no 'file too large' message: $(cat "$WORK/err")"
"$BIN" note list --db "$DB" --week 2026-W47 | grep -q 文文文文文文文文 \
    && fail "a note was written past the limit"

# TUI: the limit drops to 1 byte while the meeting runs
start_tui 100 30 --db "$DB" --today 2026-11-25
wait_for "q Quit"
pane=$(tmux -L "$SOCK" display-message -p -t t '#{pane_pid}')
pid=$(pgrep -P "$pane" | head -1)
[ -n "$pid" ] || fail "no fupan process under the pane"
prlimit --pid "$pid" --fsize=1:

text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '文件太大也不能丢'
keys Enter
wait_for "1 UNSAVED"
wait_for "file too large"
screen | grep -q "EXIT=" && fail "fupan ended: $(screen | tail -3)"

prlimit --pid "$pid" --fsize=unlimited:
wait_for "The kept note is saved now." 4
wait_gone "1 UNSAVED"
"$BIN" note list --db "$DB" --week 2026-W47 | grep -q "文件太大也不能丢" \
    || fail "the kept note did not reach the database"

# limited again, and quit before the limit is lifted: the note goes to
# the terminal after the screen is restored (the file cannot be written)
prlimit --pid "$pid" --fsize=1:
text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '退出前没存上'
keys Enter
wait_for "1 UNSAVED"
text 'q'
wait_for "Write it to a file and quit? (y/N)"
text 'y'
wait_for "EXIT=0"
wait_for "退出前没存上"
check_valgrind
echo ok
