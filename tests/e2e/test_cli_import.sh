#!/bin/sh
# fupan import on the command line: Ctrl-C rolls back and exits 130; a
# long import shows a progress line on a terminal, nothing elsewhere.
. "$(dirname "$0")/lib.sh"

make_demo_db
card() { "$BIN" scorecard --db "$DB" --week 2026-W47 --path tts-my --format csv; }
before=$(card)

# Ctrl-C while the import waits for more rows on a pipe.
mkfifo "$WORK/pipe"
set +e
"$BIN" import actuals "$WORK/pipe" --db "$DB" 2>"$WORK/err" >"$WORK/out" &
pid=$!
exec 3>"$WORK/pipe"   # returns once fupan has opened the pipe
printf 'week,store,kpi,value\n2026-W47,tts-my,gmv,1\n' >&3
sleep 0.3
kill -INT "$pid"
wait "$pid"; rc=$?
exec 3>&-
set -e
[ "$rc" -eq 130 ] || fail "Ctrl-C gave exit $rc: $(cat "$WORK/err")"
grep -q "interrupted: rolled back, nothing written" "$WORK/err" \
    || fail "no rollback message: $(cat "$WORK/err")"
[ "$(card)" = "$before" ] || fail "the scorecard changed after Ctrl-C"

# Standard input cannot be read twice: a repeated key is still named
# with both lines, also when the first one left an unchanged value alone.
rows='week,store,kpi,value\n2026-W40,q1,gmv,1\n2026-W40,q2,gmv,1\n'
printf "$rows" | "$BIN" import actuals - --db "$DB" >/dev/null \
    || fail "import from standard input"
set +e
printf "${rows}2026-W40,q1,gmv,1\n" |
    "$BIN" import actuals - --db "$DB" 2>"$WORK/err" >/dev/null; rc=$?
set -e
[ "$rc" -eq 3 ] || fail "a repeated key on standard input gave exit $rc"
grep -q ':4: column value: same week/store/category/person/kpi as line 2' \
    "$WORK/err" || fail "repeat on standard input: $(cat "$WORK/err")"

# No progress line when stderr is not a terminal.
awk 'BEGIN { print "week,store,kpi,value"
             for (i = 0; i < 100000; i++) printf "2026-W40,p%d,gmv,1\n", i }' \
    > "$WORK/big.csv"
"$BIN" import actuals "$WORK/big.csv" --db "$DB" 2>"$WORK/err" >/dev/null
[ ! -s "$WORK/err" ] || fail "stderr not empty: $(cat "$WORK/err")"

# On a terminal, an import running longer than a second shows one.
rm -f "$WORK/pipe"
mkfifo "$WORK/pipe"
start_tui 100 10 import actuals "$WORK/pipe" --db "$WORK/t.db"
exec 3>"$WORK/pipe"
sed 's/2026-W40/2026-W41/' "$WORK/big.csv" | head -1 >&3
sleep 1.2
sed 1d "$WORK/big.csv" | sed 's/2026-W40/2026-W41/' >&3
wait_for "rows/s" 10
exec 3>&-
wait_for "EXIT=0" 10
screen | grep -q "100000 rows, 100000 values written" || { screen >&2; fail "summary"; }
echo ok
