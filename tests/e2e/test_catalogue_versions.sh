#!/bin/sh
# Catalogue versions (issue 16): `catalogue apply FILE --from W` puts a
# team catalogue in force from W on; earlier weeks keep the rules in
# force then, byte for byte; `catalogue history` lists the versions.
. "$(dirname "$0")/lib.sh"
make_demo_db
top=$(cd "$(dirname "$0")/../.." && pwd)

# stricter ROAS thresholds: amber from 99 %
sed -n '/^\[kpi.roas\]/,/^$/p' "$top/sample-data/kpis.ini" |
    sed 's/^amber = 90/amber = 99/' >"$WORK/q4.ini"

outputs() { # outputs DIR: the scorecards and minutes of W45-W47
    mkdir -p "$1"
    for w in 2026-W45 2026-W46 2026-W47; do
        "$BIN" scorecard --db "$DB" --week $w --format csv >"$1/$w.company.csv"
        "$BIN" scorecard --db "$DB" --week $w --path tts-my --format csv \
            >"$1/$w.tts-my.csv"
        "$BIN" scorecard --db "$DB" --week $w --person 刘洋 >"$1/$w.liuyang.txt"
        "$BIN" minutes --db "$DB" --week $w >"$1/$w.minutes.txt"
    done
}
outputs "$WORK/before"
"$BIN" catalogue history --db "$DB" | grep -q 'No catalogue version' ||
    fail "history before any version"

"$BIN" catalogue apply "$WORK/q4.ini" --db "$DB" --from 2026-W47 \
    --reason "Q4 试运行: ROAS 阈值收紧" --author 陈静 >"$WORK/apply" ||
    fail "apply"
grep -q 'catalogue version 1 in force from 2026-W47' "$WORK/apply" ||
    fail "apply said: $(cat "$WORK/apply")"
outputs "$WORK/after"

# the weeks before W47 are byte-identical
for w in 2026-W45 2026-W46; do
    for f in company.csv tts-my.csv liuyang.txt minutes.txt; do
        cmp -s "$WORK/before/$w.$f" "$WORK/after/$w.$f" ||
            { diff "$WORK/before/$w.$f" "$WORK/after/$w.$f" >&2
              fail "$w $f changed"; }
    done
done
# W47 is judged under the new rules: some ROAS status moves
cmp -s "$WORK/before/2026-W47.minutes.txt" "$WORK/after/2026-W47.minutes.txt" &&
    cmp -s "$WORK/before/2026-W47.tts-my.csv" "$WORK/after/2026-W47.tts-my.csv" &&
    cmp -s "$WORK/before/2026-W47.liuyang.txt" "$WORK/after/2026-W47.liuyang.txt" &&
    fail "W47 did not change under the new catalogue"

# history: who, from when, why
"$BIN" catalogue history --db "$DB" --format csv >"$WORK/hist"
head -1 "$WORK/hist" | grep -qx 'id,from,file,author,created,reason' ||
    fail "history header"
grep -q "^1,2026-W47,.*q4.ini,陈静,.*,Q4 试运行: ROAS 阈值收紧$" "$WORK/hist" ||
    fail "history: $(cat "$WORK/hist")"

# a file that does not load is refused with its line, nothing recorded
printf '[kpi.roas]\namber = zz\n' >"$WORK/bad.ini"
if "$BIN" catalogue apply "$WORK/bad.ini" --db "$DB" --from 2026-W48 \
    --reason x 2>"$WORK/err"; then fail "bad file accepted"; fi
grep -q 'bad.ini:2' "$WORK/err" || fail "message: $(cat "$WORK/err")"
[ "$(grep -c '' "$WORK/hist")" -eq 2 ] || fail "history lines"
"$BIN" catalogue history --db "$DB" --format csv | grep -q '2026-W48' &&
    fail "bad version recorded"
# --reason is required
if "$BIN" catalogue apply "$WORK/q4.ini" --db "$DB" --from 2026-W48 \
    2>/dev/null; then fail "apply without --reason"; fi
echo ok
