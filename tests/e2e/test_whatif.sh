#!/bin/sh
# fupan whatif (issue 16): the week's scorecards under the catalogue in
# use and under a changed one. A weight set to zero changes exactly the
# cards that carry that KPI (with a value for it); nothing is written.
. "$(dirname "$0")/lib.sh"
make_demo_db
W=2026-W47
sum_before=$(sha256sum "$DB" | cut -d' ' -f1)

"$BIN" whatif --db "$DB" --week $W --format csv \
    --set 'role.ad_buyer.kpis=roas:0 cpm:20 cpc:20 ad_spend:20' \
    >"$WORK/out" || fail "whatif"
head -1 "$WORK/out" | grep -qx \
    'path,name,role,score_before,score_after,status_before,status_after' ||
    fail "header: $(head -1 "$WORK/out")"
# the cards: up to the blank line
sed '/^$/q' "$WORK/out" | sed '1d;/^$/d' >"$WORK/cards"
[ "$(wc -l <"$WORK/cards")" -gt 20 ] || fail "too few cards: $(cat "$WORK/cards")"
changed=0
while IFS=, read -r path name role before after sb sa; do
    carries=no
    if [ "$role" = ad_buyer ]; then
        att=$("$BIN" scorecard --db "$DB" --week $W --path "$path" --kpi roas \
              --format csv | awk -F, 'NR == 2 { print $7 }')
        [ -n "$att" ] && carries=yes
    fi
    if [ "$before" != "$after" ]; then
        [ $carries = yes ] || fail "$path ($role) changed: $before -> $after"
        changed=$((changed + 1))
    else
        [ $carries = no ] || fail "$path carries roas but kept $before"
    fi
done <"$WORK/cards"
[ $changed -gt 0 ] || fail "no card changed"
# a weight changes no KPI's status: the second table is only its header
sed '1,/^$/d' "$WORK/out" >"$WORK/kpis"
[ "$(cat "$WORK/kpis")" = 'path,kpi,status_before,status_after' ] ||
    fail "KPI statuses changed: $(cat "$WORK/kpis")"

# a threshold changes KPI statuses, listed one per line
"$BIN" whatif --db "$DB" --week $W --format csv --set kpi.roas.amber=50 \
    | sed '1,/^$/d' >"$WORK/kpis" || fail "whatif amber"
grep -q '^tts-my/apparel/刘洋,roas,red,amber$' "$WORK/kpis" ||
    fail "roas status: $(cat "$WORK/kpis")"

# the text names the cards that change
"$BIN" whatif --db "$DB" --week $W \
    --set 'role.ad_buyer.kpis=roas:0 cpm:20 cpc:20 ad_spend:20' \
    >"$WORK/text" || fail "whatif text"
grep -q "^$changed of [0-9]* scorecards change" "$WORK/text" ||
    fail "text: $(cat "$WORK/text")"
# role labels in the UI language, never the role id
grep -q '(Ad buyer)' "$WORK/text" || fail "text lacks the role label"
grep -q 'ad_buyer' "$WORK/text" && fail "text shows the role id"
"$BIN" whatif --db "$DB" --week $W --lang zh_CN \
    --set 'role.ad_buyer.kpis=roas:0 cpm:20 cpc:20 ad_spend:20' |
    grep -q '(投手)' || fail "zh_CN text lacks 投手"

# KPIs and statuses in the text by their labels, in the UI language
"$BIN" whatif --db "$DB" --week $W --set kpi.roas.amber=50 >"$WORK/text"
grep -q '^    ROAS 广告投产比: red -> amber$' "$WORK/text" ||
    fail "KPI line: $(cat "$WORK/text")"
"$BIN" whatif --db "$DB" --week $W --set kpi.roas.amber=50 --lang zh_CN \
    >"$WORK/text"
grep -q '^    广告投产比 ROAS: 红灯 -> 黄灯$' "$WORK/text" ||
    fail "zh_CN KPI line: $(cat "$WORK/text")"

# a --catalogue file on top, as the config's catalogue
top=$(cd "$(dirname "$0")/../.." && pwd)
sed -n '/^\[kpi.roas\]/,/^$/p' "$top/sample-data/kpis.ini" |
    sed 's/^amber = 90/amber = 50/' >"$WORK/team.ini"
"$BIN" whatif --db "$DB" --week $W --format csv --catalogue "$WORK/team.ini" \
    | grep -q '^tts-my/apparel/刘洋,roas,red,amber$' || fail "--catalogue"

# a bad change is refused with its name; a bad --set is a usage error
set +e
"$BIN" whatif --db "$DB" --week $W --set kpi.roas.amber=zz 2>"$WORK/err"
[ $? -eq 3 ] || fail "bad amber: exit code"
grep -q -- '--set kpi.roas.amber' "$WORK/err" || fail "message: $(cat "$WORK/err")"
"$BIN" whatif --db "$DB" --week $W --set amber 2>/dev/null
[ $? -eq 2 ] || fail "--set amber: exit code"
set -e

# the browser: W on tts-my compares the cards of tts-my and below only
out=$("$BIN" --db "$DB" --headless 100x30 \
      --keys 'Down Enter W text:kpi.roas.amber=50 Enter')
echo "$out" | grep -q 'What-if: kpi.roas.amber=50' || { echo "$out"; fail "W title"; }
echo "$out" | grep -q '刘洋 (Ad buyer)' || { echo "$out"; fail "W: 刘洋 (tts-my)"; }
echo "$out" | grep -q '王强' && { echo "$out"; fail "W shows tts-th's 王强"; }
echo "$out" | grep -q '^2 of 12 scorecards change' || { echo "$out"; fail "W count"; }

# nothing was written
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$sum_before" ] || fail "database changed"
echo ok
