#!/bin/sh
# The TUI in a real terminal (tmux, 100x30): start on the sample data,
# drill, back to the same row, week change, help, resize down to 40x12 and
# 12x4 and back, quit with status 0.
. "$(dirname "$0")/lib.sh"

CUR='▸'
make_demo_db
start_tui 100 30 --db "$DB" --today 2026-11-25

wait_for "2026-W47 · 11-16 – 11-22"
wait_for "q Quit"
wait_for "${CUR}菲律宾 Shopee 店"

# drill store -> category and back: the cursor returns to the row
keys Down
wait_for "${CUR}马来西亚 TikTok 店"
keys Enter
wait_for "全部 › 马来西亚 TikTok 店"
keys Down Enter
wait_for "马来西亚 TikTok 店 › "
keys BSpace
wait_for "Name "
screen | grep -F "$CUR" | head -1 > "$WORK/cat_row"
keys BSpace
wait_for "${CUR}马来西亚 TikTok 店"
screen | head -1 | grep -qF "马来西亚" && fail "still below the company"

# weeks
text ']'
wait_for "2026-W48"
wait_for "No data for 2026-W48"
text '['
wait_for "2026-W47 · 11-16"
text 'g'
wait_for "Go to week"
text '2026-W45'
keys Enter
wait_for "2026-W45 · 11-02"
text ']'
text ']'
wait_for "2026-W47 · 11-16"

# help from the live keymap, and back
text '?'
wait_for "drill-down"
wait_for "Keys (from the keymap in use)"
keys Escape
wait_gone "drill-down"
wait_for "${CUR}马来西亚 TikTok 店"

# search in Chinese
text '/'
wait_for "Search name:"
text '张伟'
keys Enter
wait_for "${CUR}张伟"
wait_for "Match 1 of"

# resizes: usable at 40x12, a notice below, and back
resize 40 12
wait_for "? Help"
w=$(screen | wc -L)
[ "$w" -le 40 ] || fail "a line $w columns wide at 40x12"
resize 12 4
wait_for "Terminal"
resize 1 1
sleep 0.3
resize 100 30
wait_for "q Quit"
wait_for "${CUR}张伟"

keys q
wait_for "EXIT=0"
check_valgrind
