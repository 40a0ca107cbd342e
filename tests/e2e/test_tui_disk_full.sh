#!/bin/sh
# A database whose disk fills up mid-meeting: the note typed is kept in
# memory, the header says it is unsaved, and it is written as soon as
# there is room again; quitting with a note still unsaved asks, then
# writes it to a file. Needs a small tmpfs (mount as root): skipped
# where that is not allowed.
. "$(dirname "$0")/lib.sh"

MNT=$WORK/small
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
    echo "SKIP: cannot mount a tmpfs here"
    exit 0
fi
unmount() {
    tmux -L "$SOCK" kill-server 2>/dev/null || true
    i=0 # fupan may take a moment to close the database
    while ! umount "$MNT" 2>/dev/null && [ $i -lt 30 ]; do
        sleep 0.1; i=$((i + 1))
    done
    mountpoint -q "$MNT" && umount -l "$MNT"
    cleanup
}
trap unmount EXIT
DB=$MNT/demo.db
make_demo_db
start_tui 100 30 --db "$DB" --today 2026-11-25
wait_for "q Quit"
dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null || true

text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '磁盘满了也不能丢'
keys Enter
wait_for "Not saved yet"
wait_for "1 UNSAVED"
rm -f "$MNT/filler"
wait_for "The kept note is saved now." 4
wait_gone "1 UNSAVED"
"$BIN" note list --db "$DB" --week 2026-W47 | grep -q "磁盘满了也不能丢" \
    || fail "the kept note did not reach the database"

# full again, and quit before there is room: the note goes to a file
dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null || true
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
grep -q "退出前没存上" "$XDG_DATA_HOME/fupan/unsaved-notes.txt" \
    || fail "the unsaved note was not written to a file"
check_valgrind
