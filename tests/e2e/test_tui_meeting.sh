#!/bin/sh
# The meeting in a real terminal (tmux, 100x30): type a Chinese note
# (cause picker, several lines), override a value with a reason, revert
# it, create an action item, quit; start again and find everything, on
# the screen and through the CLI.
. "$(dirname "$0")/lib.sh"

CUR='▸'
make_demo_db
start_tui 100 30 --db "$DB" --today 2026-11-25
wait_for "q Quit"
keys Down
wait_for "${CUR}马来西亚 TikTok 店"

# a note: cause picker filtered in Chinese, then the text on two lines
text 'a'
wait_for "type to filter"
text '缺货'
wait_for "1 of 13"
keys Enter
wait_for "Enter save"
text '泰国仓库缺货，补货要到下周三'
keys C-j
text '影响服饰类目的转化'
wait_for "影响服饰类目的转化"
keys Enter
wait_for "Note saved"
wait_for "[Stockout / supply] 泰国仓库缺货，补货要到下周三"

# an override of GMV with a reason, then its revert
keys Tab
wait_for "${CUR}GMV 成交金额"
text 'o'
wait_for "New value:"
text '52,000'
keys Enter
wait_for "Reason for the override (required)"
text 'T+1 数据延迟，按后台实时数'
keys Enter
wait_for "Override saved: GMV at 马来西亚 TikTok 店"
wait_for "MYR 52,000"
text 'u'
wait_for "Reason for the revert (required)"
text '后台已同步'
keys Enter
wait_for "Override reverted"
wait_for "MYR 41,495"

# an action item: text, owner (picker), due week (default next week)
text 't'
wait_for "New action item"
text '每周一核对周日数据'
keys Enter
wait_for "Owner"
text '李娜'
keys Enter
wait_for "Due week"
keys Enter
wait_for "Action item saved: 每周一核对周日数据"

text 'q'
wait_for "EXIT=0"

# again: everything is there
tmux -L "$SOCK" kill-server
SOCK=$SOCK-again # a fresh server: the old one may still be going away
start_tui 100 30 --db "$DB" --today 2026-11-25
wait_for "q Quit"
keys Down
wait_for "[Stockout / supply] 泰国仓库缺货，补货要到下周三"
keys Tab
text 'H'
wait_for "reverted by"
wait_for "后台已同步"
keys Escape
text 'A'
wait_for "每周一核对周日数据"
wait_for "李娜 · due 2026-W48"
text 'q'
text 'q'
wait_for "EXIT=0"

"$BIN" note list --db "$DB" --week 2026-W47 >"$WORK/notes"
grep -q "影响服饰类目的转化" "$WORK/notes" || fail "note not in the database"
"$BIN" override list --db "$DB" --week 2026-W47 >"$WORK/ovr"
grep "52,000" "$WORK/ovr" | grep -q reverted || fail "override not reverted"
check_valgrind
