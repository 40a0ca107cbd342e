#!/bin/sh
# fupan review --quarter (issue 16): the quarterly review of the KPI
# system on the sample company. Overrides and notes made in the quarter
# are counted on their KPI; the formats carry the same figures.
. "$(dirname "$0")/lib.sh"
make_demo_db
Q=2026-Q4

csv() { "$BIN" review --db "$DB" --quarter $Q --format csv >"$WORK/out" ||
        fail "review csv"; }
col() { # col KPI N: column N of the KPI's line
    sed '/^$/q' "$WORK/out" | awk -F, -v k="$1" -v n="$2" '$1 == k { print $n }'
}
csv
head -1 "$WORK/out" | grep -qx \
    'kpi,kind,people,person_weeks,green,amber,red,flags,overrides,causes,correlation' ||
    fail "header: $(head -1 "$WORK/out")"
[ "$(col gmv 2)" = result ] && [ "$(col cvr 2)" = process ] || fail "kinds"
# shares of the judged person-weeks add up to 100 %
awk -v g="$(col gmv 5)" -v a="$(col gmv 6)" -v r="$(col gmv 7)" \
    'BEGIN { s = g + a + r; exit !(s > 99.99 && s < 100.01) }' ||
    fail "gmv shares $(col gmv 5) $(col gmv 6) $(col gmv 7)"
gmv_overrides=$(col gmv 9)

# one more override on gmv and a pricing note on cvr in W45 ...
"$BIN" override set --db "$DB" --week 2026-W45 --path tts-my/apparel/张伟 \
    --kpi gmv --value 9000 --reason "补录" >/dev/null || fail "override"
"$BIN" note add --db "$DB" --week 2026-W45 --path tts-my/apparel/张伟 \
    --kpi cvr --cause pricing --text "降价活动" >/dev/null || fail "note"
# ... and one in Q3, which does not count
"$BIN" override set --db "$DB" --week 2026-W39 --path tts-my/apparel/张伟 \
    --kpi gmv --value 9000 --reason "补录" >/dev/null || fail "override Q3"
csv
[ "$(col gmv 9)" -eq $((gmv_overrides + 1)) ] ||
    fail "gmv overrides $(col gmv 9), want $((gmv_overrides + 1))"
col cvr 10 | grep -q 'pricing 1' || fail "cvr causes: $(col cvr 10)"

# conflicts: a second table
sed '1,/^$/d' "$WORK/out" | head -1 | grep -qx 'conflict,kpi_a,kpi_b,fired' ||
    fail "conflict table"

# text and md: the quarter's weeks and the same KPIs
"$BIN" review --db "$DB" --quarter $Q >"$WORK/text" || fail "text"
grep -q '2026-W40–2026-W53' "$WORK/text" || fail "text title: $(head -1 "$WORK/text")"
grep -q '^GMV 成交金额 ' "$WORK/text" || fail "text gmv line"
"$BIN" review --db "$DB" --quarter $Q --format md >"$WORK/md" || fail "md"
grep -q '^| GMV 成交金额 | result |' "$WORK/md" || fail "md gmv line"
"$BIN" review --db "$DB" --quarter $Q --lang zh_CN >"$WORK/text" || fail "zh"
grep -q '^成交金额 GMV  *结果 ' "$WORK/text" || fail "zh text gmv line"
# text names causes, kinds, columns and conflict pairs in the UI
# language; the CSV keeps the ids
grep -q '^KPI  *类型  *人员  *人周  *绿灯' "$WORK/text" ||
    fail "zh header: $(sed -n 3p "$WORK/text")"
grep -q '价格/促销 1' "$WORK/text" || fail "zh causes: $(grep 转化率 "$WORK/text")"
sed '1,/^触发的冲突对$/d' "$WORK/text" | grep -q '^- [^a-z]* / [^a-z]*: [0-9]' ||
    fail "zh conflict pairs: $(cat "$WORK/text")"

# the browser: Q shows the review of the quarter of the week on screen
out=$("$BIN" --db "$DB" --headless 110x30 --keys 'Q')
echo "$out" | grep -q 'KPI system review 2026-Q4 · 2026-W40–2026-W53' ||
    { echo "$out"; fail "Q title"; }
echo "$out" | grep -q '^GMV 成交金额  *result' || { echo "$out"; fail "Q gmv line"; }

# exit codes: a quarter without data, a malformed one
set +e
"$BIN" review --db "$DB" --quarter 2027-Q1 2>/dev/null; [ $? -eq 3 ] ||
    fail "no data: exit code"
"$BIN" review --db "$DB" --quarter 2026-Q5 2>/dev/null; [ $? -eq 3 ] ||
    fail "2026-Q5: exit code"
"$BIN" review --db "$DB" 2>/dev/null; [ $? -eq 2 ] || fail "no --quarter"
echo ok
