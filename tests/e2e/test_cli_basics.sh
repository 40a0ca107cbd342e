#!/bin/sh
# The command-line contract: init --sample, scorecard formats, exit codes.
. "$(dirname "$0")/lib.sh"

make_demo_db

# A store's scorecard as CSV has the documented header and a GMV row.
out=$("$BIN" scorecard --db "$DB" --week 2026-W47 --path tts-th --format csv)
echo "$out" | head -1 | grep -qx 'week,path,kpi,value,prev,target,attainment,status,overridden,provisional,alerts' \
    || fail "csv header: $(echo "$out" | head -1)"
echo "$out" | grep -q '^2026-W47,tts-th,gmv,[0-9]' || fail "no gmv row: $out"

# JSON carries the same path and week.
"$BIN" scorecard --db "$DB" --week 2026-W47 --path tts-th --format json \
    | grep -q '"week":"2026-W47","path":"tts-th"' || fail "json"

# Text is aligned and shows Chinese labels.
"$BIN" scorecard --db "$DB" --week 2026-W47 --path tts-my | grep -q '成交金额' \
    || fail "text scorecard lacks 成交金额"

# A person by id.
"$BIN" scorecard --db "$DB" --week 2026-W47 --person 张伟 --format csv \
    | grep -q '^2026-W47,张伟,gmv,' || fail "person scorecard"

# Exit codes: 2025-W53 does not exist, unknown path, unknown KPI -> 3.
set +e
"$BIN" scorecard --db "$DB" --week 2025-W53 2>"$WORK/err"; rc=$?
[ $rc -eq 3 ] || fail "2025-W53 gave $rc"
grep -q '2025-W53' "$WORK/err" || fail "message does not name the week"
"$BIN" scorecard --db "$DB" --week 2026-W47 --path nowhere 2>/dev/null; rc=$?
[ $rc -eq 3 ] || fail "unknown path gave $rc"
"$BIN" scorecard --db "$DB" --week 2026-W47 --kpi nope 2>/dev/null; rc=$?
[ $rc -eq 3 ] || fail "unknown kpi gave $rc"
"$BIN" scorecard --db "$DB" 2>/dev/null; rc=$?
[ $rc -eq 2 ] || fail "missing --week gave $rc"
"$BIN" bogus-command 2>/dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown command gave $rc"
"$BIN" scorecard --db "$WORK/missing-dir/x.db" --week 2026-W47 2>/dev/null; rc=$?
[ $rc -eq 1 ] || fail "unopenable database gave $rc"
set -e

# --help on every subcommand.
for c in init import scorecard override note action minutes; do
    "$BIN" $c --help | grep -qi usage || fail "$c --help"
done
"$BIN" --version | grep -q '^fupan ' || fail "--version"
echo ok
