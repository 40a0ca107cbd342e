#!/bin/sh
# The minutes out of the meeting room from the TUI (tmux, 100x30): in the
# minutes preview, y copies the chat minutes with OSC 52 (tmux with
# set-clipboard on keeps them as a paste buffer) and P pushes them to the
# config's group bot (a stand-in webhook on 127.0.0.1), asking which one
# when there are several.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 0; }
here=$(cd "$(dirname "$0")" && pwd)
server=
stop_server() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; cleanup; }
trap stop_server EXIT
LOG=$WORK/requests.log
python3 "$here/push_server.py" "$WORK/port" "$LOG" &
server=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$WORK/port" ] || fail "the test server did not start"
URL=http://127.0.0.1:$(cat "$WORK/port")
mkdir -p "$XDG_CONFIG_HOME/fupan"
cat >"$XDG_CONFIG_HOME/fupan/config.ini" <<EOT
[push mgmt]
kind = dingtalk
url = $URL/ok
secret = SEKRET-tui-1
[push team]
kind = feishu
url = $URL/feishu-bad
EOT
chmod 600 "$XDG_CONFIG_HOME/fupan/config.ini"
make_demo_db
start_tui 100 30 --db "$DB" --week 2026-W47
tmux -L "$SOCK" set-option -s set-clipboard on
wait_for "q Quit"

text 'm'
wait_for "Minutes 2026-W47"
wait_for "P Push"
text 'y'
wait_for "Chat minutes copied to the clipboard"
tmux -L "$SOCK" show-buffer >"$WORK/clip" 2>/dev/null || fail "no paste buffer"
grep -q "^Meeting: 2026-11-24 10:00, 52 min" "$WORK/clip" \
    || fail "the clipboard does not hold the chat minutes: $(head -3 "$WORK/clip")"

# two targets: P asks which; 1 is mgmt (DingTalk, signed)
text 'P'
wait_for "Push to: 1 mgmt (dingtalk) 2 team (feishu)"
text '1'
wait_for "Chat minutes pushed to mgmt (dingtalk)"
python3 "$here/push_check.py" "$LOG" dingtalk SEKRET-tui-1 >/dev/null \
    || fail "the pushed message"
# 2 answers with the platform's error, said on the status line
text 'P'
wait_for "Push to:"
text '2'
wait_for "Push to team failed: feishu: sign match fail (19021)"
# Esc pushes nothing
n=$(wc -l <"$LOG")
text 'P'
wait_for "Push to:"
keys Escape
wait_for "Not pushed"
[ "$(wc -l <"$LOG")" = "$n" ] || fail "Esc still pushed"
screen | grep -q SEKRET && fail "the secret is on the screen"
text 'q'
text 'q'
exit 0
