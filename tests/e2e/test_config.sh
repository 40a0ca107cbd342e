#!/bin/sh
# A bad config file stops fupan with "FILE:LINE: what is wrong" and exit
# 3 (input rejected), for the CLI and the TUI; a UTF-8 BOM is fine.
. "$(dirname "$0")/lib.sh"
make_demo_db
CFG=$WORK/config.ini

# A config saved by Windows Notepad (BOM, CRLF) works.
printf '\357\273\277[ui]\r\ntheme = mono\r\n[report]\r\ncurrency = usd\r\n' > "$CFG"
"$BIN" scorecard --db "$DB" --config "$CFG" --week 2026-W47 --path tts-th \
    --format csv >/dev/null || fail "config with a BOM refused"
"$BIN" --db "$DB" --config "$CFG" --headless 80x24 --keys q >/dev/null \
    || fail "TUI refused a config with a BOM"

# expect_refused LINE TEXT: the config is refused at CFG:LINE with TEXT.
expect_refused() {
    set +e
    "$BIN" scorecard --db "$DB" --config "$CFG" --week 2026-W47 \
        2>"$WORK/err" >/dev/null; rc=$?
    "$BIN" --db "$DB" --config "$CFG" --headless 80x24 --keys q \
        2>"$WORK/err-tui" >/dev/null; rc_tui=$?
    set -e
    [ $rc -eq 3 ] || fail "scorecard exit $rc, not 3: $(cat "$WORK/err")"
    [ $rc_tui -eq 3 ] || fail "TUI exit $rc_tui, not 3: $(cat "$WORK/err-tui")"
    for f in "$WORK/err" "$WORK/err-tui"; do
        grep -qF "$CFG:$1: " "$f" || fail "no $CFG:$1 in: $(cat "$f")"
        grep -qF "$2" "$f" || fail "no '$2' in: $(cat "$f")"
    done
}

printf '[report]\ncurrency = EURO\n' > "$CFG"
expect_refused 2 EURO
printf '[ui]\ntheme = mono\n[colour]\nred = 1\n' > "$CFG"
expect_refused 3 'unknown section [colour]'
printf '[user]\nnmae = 陈静\n' > "$CFG"
expect_refused 2 "unknown key 'nmae'"
printf '[ui]\ntheme = mono\n\000\n[report]\ncurrency = EURO\n' > "$CFG"
expect_refused 3 NUL
printf '[catalogue]\nkpis = %s\n' "$WORK/missing.ini" > "$CFG"
expect_refused 2 missing.ini
echo ok
