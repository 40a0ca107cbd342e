#!/bin/sh
# Never lose a word: kill -9 in the middle of typing a note, start again
# in the same terminal and find the draft offered back; SIGTERM saves the
# draft and restores the terminal; Ctrl-C asks instead of dropping text.
. "$(dirname "$0")/lib.sh"

make_demo_db
FUPAN="$(fupan_cmd) --db $DB --today 2026-11-25"
# two runs in one pane (one terminal): the draft owner is user@tty
tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 100 -y 30 \
    "$FUPAN; echo EXIT1=\$?; $FUPAN; echo EXIT2=\$?; $FUPAN; echo EXIT=\$?; sleep 30"
tmux -L "$SOCK" set-option -t t remain-on-exit on >/dev/null

fupan_pid() {
    pane=$(tmux -L "$SOCK" list-panes -t t -F '#{pane_pid}')
    ps -o pid= --ppid "$pane" | tr -d ' ' | head -1
}

wait_for "q Quit"
text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '直播间流量下降三成'
wait_for "直播间流量下降三成" # Ctrl-C flushes keys the tty still holds
keys C-c
wait_for "Throw the typed text away? (y/N)"
text 'n'
wait_for "Kept."
text '，原因是算法调整'
wait_for "原因是算法调整"
sleep 1.2 # the draft is at most ~1 s behind
kill -9 "$(fupan_pid)"

wait_for "unsaved note from"
text 'r'
wait_for "直播间流量下降三成，原因是算法调整"
keys End
text '。'
keys Enter
wait_for "Note saved"

# SIGTERM while typing: the draft is saved and the program ends cleanly
text 't'
wait_for "New action item"
text '下周复盘直播间'
wait_for "下周复盘直播间"
kill -TERM "$(fupan_pid)"
wait_for "unsaved action item" # the third run, in the same terminal
wait_for "下周复盘直播间"
text 'd'
wait_for "Draft discarded"
text 'q'
wait_for "EXIT=0"

"$BIN" note list --db "$DB" --week 2026-W47 >"$WORK/notes"
grep -q "直播间流量下降三成，原因是算法调整。" "$WORK/notes" \
    || fail "restored note not saved"
check_valgrind
