#!/bin/sh
# Bytes from data never reach the terminal raw: a store named with the
# terminal-title escape (ESC ] 0 ; pwned BEL), notes and reasons with
# escapes and a bidi override, header cells and keymap lines with control
# bytes. Every output path shows them escaped ("\x1b", "<U+202E>") and
# sends no ESC, BEL or bidi control; ids holding such characters are
# refused at import with FILE:LINE.
. "$(dirname "$0")/lib.sh"

make_demo_db
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')

# no_raw NAME FILE: FILE holds no ESC, BEL or U+202E byte sequence.
no_raw() {
    if LC_ALL=C grep -q "$(printf '[\033\007]')" "$2"; then
        fail "$1: raw control byte in output: $(cat -v "$2" | head -5)"
    fi
    if grep -qF "$RLO" "$2"; then
        fail "$1: raw U+202E in output"
    fi
}

# shows NAME FILE TEXT: FILE holds TEXT literally.
shows() {
    grep -qF -- "$3" "$2" || fail "$1: '$3' not shown: $(cat -v "$2" | head -5)"
}

printf 'store,name,platform,market,currency\ntts-my,"马来%s]0;pwned\a店",TikTok Shop,MY,MYR\n' \
    "$ESC" >"$WORK/stores.csv"
"$BIN" import org "$WORK/stores.csv" --db "$DB" >/dev/null

"$BIN" note add --db "$DB" --week 2026-W47 --path tts-my --cause pricing \
    --text "降价${ESC}[31m red ${RLO}txt" --author "李${ESC}[5m娜" >/dev/null
"$BIN" override set --db "$DB" --week 2026-W47 --path tts-my --kpi orders \
    --value 1234 --reason "T+1 ${ESC}]0;x${RLO}" >/dev/null
"$BIN" action add --db "$DB" --week 2026-W47 --path tts-my --owner 张伟 \
    --due 2026-W48 --text "fix ${ESC}[2J${RLO}now" >/dev/null

# scorecard (text) names the store in its title
"$BIN" scorecard --db "$DB" --week 2026-W47 --path tts-my >"$WORK/sc.txt"
no_raw scorecard "$WORK/sc.txt"
shows scorecard "$WORK/sc.txt" '马来\x1b]0;pwned\x07店'

# the minutes, as text and as Markdown
"$BIN" minutes --db "$DB" --week 2026-W47 >"$WORK/min.txt"
no_raw minutes "$WORK/min.txt"
shows minutes "$WORK/min.txt" '马来\x1b]0;pwned\x07店'
shows minutes "$WORK/min.txt" '<U+202E>txt'
"$BIN" minutes --db "$DB" --week 2026-W47 --format md >"$WORK/min.md"
no_raw minutes-md "$WORK/min.md"
shows minutes-md "$WORK/min.md" '马来\\x1b\]0;pwned\\x07店'
# the chat minutes and the group bots' JSON (what push sends)
"$BIN" minutes --db "$DB" --week 2026-W47 --format chat >"$WORK/min.chat"
no_raw minutes-chat "$WORK/min.chat"
shows minutes-chat "$WORK/min.chat" 'T+1 \x1b]0;x<U+202E>'
for k in feishu dingtalk wecom; do
    "$BIN" minutes --db "$DB" --week 2026-W47 --format $k >"$WORK/min.$k"
    no_raw "minutes-$k" "$WORK/min.$k"
    grep -q 'u001b\|u0007' "$WORK/min.$k" && fail "$k: a control character in the JSON"
done

# lists: notes, overrides, actions
"$BIN" note list --db "$DB" --week 2026-W47 >"$WORK/notes.txt"
no_raw "note list" "$WORK/notes.txt"
shows "note list" "$WORK/notes.txt" '降价\x1b[31m red <U+202E>txt'
"$BIN" override list --db "$DB" --week 2026-W47 >"$WORK/ovr.txt"
no_raw "override list" "$WORK/ovr.txt"
shows "override list" "$WORK/ovr.txt" 'T+1 \x1b]0;x<U+202E>'
"$BIN" action list --db "$DB" --week 2026-W47 >"$WORK/act.txt"
no_raw "action list" "$WORK/act.txt"
shows "action list" "$WORK/act.txt" 'fix \x1b[2J<U+202E>now'

# the TUI screen (headless dump), company table and the store's notes
"$BIN" --headless 120x40 --db "$DB" --week 2026-W47 --keys '' \
    >"$WORK/tui.txt"
no_raw tui "$WORK/tui.txt"
shows tui "$WORK/tui.txt" '马来\x1b]0;pwned\x07店'

# import messages that quote header cells
printf 'week,store,category,person,gmv,x%s]0;p\ay,gmv\n' "$ESC" >"$WORK/a.csv"
"$BIN" import actuals "$WORK/a.csv" --db "$DB" 2>"$WORK/err.txt" \
    && fail "bad header accepted"
no_raw "import errors" "$WORK/err.txt"
shows "import errors" "$WORK/err.txt" 'unknown KPI "x\x1b]0;p\x07y"'
shows "import errors" "$WORK/err.txt" 'column gmv: appears twice'
printf 'week,store,category,person,kpi,value,zz%s[2J\n' "$ESC" >"$WORK/b.csv"
"$BIN" import actuals "$WORK/b.csv" --db "$DB" 2>"$WORK/err.txt" \
    && fail "unknown column accepted"
no_raw "unknown column" "$WORK/err.txt"
shows "unknown column" "$WORK/err.txt" 'zz\x1b[2J: unknown column'

# keymap messages name the bad line and never echo its control bytes
printf '[table]\ndrill-down = "<Enter> %s]0;x\a"\nbogus%s[2J = "q"\n' \
    "$ESC" "$ESC" >"$WORK/k.ini"
"$BIN" --dump-keys --keymap "$WORK/k.ini" 2>"$WORK/err.txt" >/dev/null
no_raw keymap "$WORK/err.txt"
shows keymap "$WORK/err.txt" "k.ini:2: control character U+001B"

# ids with bidi or zero-width characters are refused with FILE:LINE
printf 'store,name,platform,market,currency\nok-1,OK,TikTok Shop,MY,MYR\nshop%s,Evil,TikTok Shop,MY,MYR\n' \
    "$RLO" >"$WORK/evil.csv"
"$BIN" import org "$WORK/evil.csv" --db "$DB" 2>"$WORK/err.txt" \
    && fail "bidi id accepted"
no_raw "id refused" "$WORK/err.txt"
shows "id refused" "$WORK/err.txt" 'evil.csv:3: column store: "shop<U+202E>"'
printf 'week,store,category,person,gmv\n2026-W47,tts-my,apparel,%s张伟,1\n' \
    "$(printf '\342\200\213')" >"$WORK/zw.csv"
"$BIN" import actuals "$WORK/zw.csv" --db "$DB" 2>"$WORK/err.txt" \
    && fail "zero-width id accepted"
shows "zero-width id" "$WORK/err.txt" 'zw.csv:2: column person: "<U+200B>张伟"'
printf 'person,name,role,store,category\n%s李,李,host,tts-my,apparel\n' \
    "$(printf '\357\273\277')" >"$WORK/people.csv"
"$BIN" import org "$WORK/people.csv" --db "$DB" 2>"$WORK/err.txt" || true
# a BOM at the start of the file is a BOM, not part of the first id:
# this one is in the id of line 2
shows "bom id" "$WORK/err.txt" 'people.csv:2: column person: "<U+FEFF>李"'
echo ok
