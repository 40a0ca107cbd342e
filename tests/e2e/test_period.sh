#!/bin/sh
# Months and quarters (issue 16): the scorecard and the minutes of a
# month and a quarter on the sample data, hand-computed from
# sample-data/*.csv; explicit period targets; partial marking; the TUI's
# P cycling week -> month -> quarter with [ ] stepping by the period.
. "$(dirname "$0")/lib.sh"
make_demo_db

card() { # card ARGS...: the scorecard as csv into $WORK/out
    "$BIN" scorecard --db "$DB" --format csv "$@" >"$WORK/out" ||
        fail "scorecard $*"
}
col() { awk -F, -v k="$1" -v c="$2" '$3 == k { print $c }' "$WORK/out"; }
near() { # near GOT WANT: equal to 6 significant digits
    awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d;
        exit !(d <= 1e-6 * (b < 0 ? -b : b) + 1e-9) }'
}

# tts-my, 2026-11 = W45-W48: GMV 49,267.43 (W45) + 70,850.73 (W46) +
# 49,280.91 (W47, overridden for the T+1 delay) = 169,399.07
card --month 2026-11 --path tts-my
[ "$(col gmv 1)" = 2026-11 ] || fail "the week column holds the month"
[ "$(col gmv 4)" = 169399.07 ] || fail "month gmv $(col gmv 4)"
[ "$(col gmv 9)" = 1 ] || fail "a week's override marks the month"
gmv=$(col gmv 4) spend=$(col ad_spend 4) roas=$(col roas 4)
near "$roas" "$(awk -v g="$gmv" -v s="$spend" 'BEGIN { printf "%.6f", g / s }')" ||
    fail "month roas $roas is not month gmv / month spend ($gmv / $spend)"
[ -z "$(col buyers 4)" ] || fail "non-additive buyers summed over a month"

# 2026-10 (W40-W44) for the company, in USD converted week by week:
# sum over the weeks and stores of store GMV x that week's rate
card --month 2026-10
near "$(col gmv 4)" 151265.030739 || fail "company gmv 2026-10: $(col gmv 4)"
near "$(col roas 4)" 9.011826 || fail "company roas 2026-10: $(col roas 4)"

# a quarter is its months; the text names its weeks and says partial
card --quarter 2026-Q4 --path tts-th
q=$(col gmv 4)
card --month 2026-10 --path tts-th
m10=$(col gmv 4)
card --month 2026-11 --path tts-th
near "$q" "$(awk -v a="$m10" -v b="$(col gmv 4)" 'BEGIN { printf "%.2f", a + b }')" ||
    fail "quarter gmv $q is not October + November"
"$BIN" scorecard --db "$DB" --quarter 2026-Q4 >"$WORK/text" || fail "text"
head -1 "$WORK/text" | grep -q "^2026-Q4 (W40-W53) .* partial: 8 of 14 weeks with data" ||
    fail "quarter header: $(head -1 "$WORK/text")"
"$BIN" scorecard --db "$DB" --month 2026-10 --format json >"$WORK/json" || fail json
grep -q '"week":"2026-10","first_week":"2026-W40","last_week":"2026-W44","weeks":5,"weeks_with_data":5' \
    "$WORK/json" || fail "json period fields: $(cut -c1-160 "$WORK/json")"

# explicit month and quarter targets
printf 'week,path,kpi,target\n2026-11,tts-my,gmv,250000\n2026-Q4,,gmv,500000\n' \
    >"$WORK/t.csv"
"$BIN" import targets "$WORK/t.csv" --db "$DB" >/dev/null || fail "import targets"
card --month 2026-11 --path tts-my
[ "$(col gmv 6)" = 250000 ] || fail "month target $(col gmv 6)"
[ "$(col gmv 8)" = red ] || fail "169,399 of 250,000 is red"
card --quarter 2026-Q4
[ "$(col gmv 6)" = 500000 ] || fail "quarter target $(col gmv 6)"
card --week 2026-W46 --path tts-my
[ "$(col gmv 6)" != 250000 ] || fail "a month's target leaked into a week"

# refusals
rc=0
"$BIN" scorecard --db "$DB" --month 2026-13 >/dev/null 2>&1 || rc=$?
[ $rc -eq 3 ] || fail "2026-13: exit $rc"
rc=0
"$BIN" scorecard --db "$DB" --week 2026-W47 --month 2026-11 >/dev/null 2>&1 ||
    rc=$?
[ $rc -eq 2 ] || fail "--week with --month: exit $rc"

# the minutes of a month
"$BIN" minutes --db "$DB" --month 2026-11 >"$WORK/min" || fail "minutes --month"
head -1 "$WORK/min" | grep -q "2026-11 (W45-W48), partial: 3 of 4 weeks with data (2026-11-02 – 2026-11-29)" ||
    fail "minutes title: $(head -1 "$WORK/min")"
grep -q "马来西亚 TikTok 店 .* 169,399\*" "$WORK/min" || fail "minutes month gmv"
grep -q "T+1 延迟" "$WORK/min" || fail "minutes lack the period's notes"
# its meetings (the sample's W46 and W47 ones, 48 and 52 minutes), its
# action items (all six sample items were agreed in W46-W47; the
# stop-loss one was due W47 and is still open: overdue at W48) and its
# weeks' figures changed since the meetings showed them
grep -q "^Meetings (2)" "$WORK/min" || fail "minutes lack the meetings"
grep -q "^2026-W46  2026-11-17  48 min  陈静, 李娜" "$WORK/min" ||
    fail "W46 meeting: $(grep 2026-W46 "$WORK/min")"
grep -q "^2026-W47  2026-11-24  52 min  " "$WORK/min" || fail "W47 meeting"
grep -q "^New in the period (6)" "$WORK/min" || fail "period action items"
grep -q "设置止损.*due 2026-W47, overdue" "$WORK/min" || fail "overdue item"
grep -q "联系供应商空运.*due 2026-W47, done" "$WORK/min" || fail "done item"
grep -q "^Changed since last meeting" "$WORK/min" || fail "changes section"
grep -q "马来西亚 TikTok 店 *GMV 成交金额 (2026-W46) *64,912 MYR *70,851 MYR" \
    "$WORK/min" || fail "changed W46 gmv"
"$BIN" minutes --db "$DB" --month 2026-10 >"$WORK/min10" || fail "minutes 2026-10"
grep -q "No meeting recorded in the period" "$WORK/min10" ||
    fail "2026-10 has no meeting"

# the TUI: P cycles week -> month -> quarter -> week; [ steps by the period
tui() { "$BIN" --db "$DB" --today 2026-11-25 --headless 100x12 --keys "$1" 2>&1; }
tui '' | head -1 | grep -q "^2026-W47 " || fail "starts on the week"
tui 'P' | head -1 | grep -q "^2026-11 (W45-W48) partial 3/4 " ||
    fail "P: $(tui 'P' | head -1)"
tui 'P' | grep -q "马来西亚 TikTok 店 .* MYR 169k\*" || fail "month figures on screen"
tui 'P P' | head -1 | grep -q "^2026-Q4 (W40-W53) partial 8/14 " || fail "P P"
tui 'P P P' | head -1 | grep -q "^2026-W47 " || fail "P P P: back to the week"
tui 'P [' | head -1 | grep -q "^2026-10 (W40-W44) " || fail "P [: $(tui 'P [' | head -1)"
tui 'P [ ]' | head -1 | grep -q "^2026-11 (W45-W48) partial" || fail "P [ ]"
tui 'P [ P P' | head -1 | grep -q "^2026-W44 " ||
    fail "back in week view at the month's newest week: $(tui 'P [ P P' | head -1)"
tui 'P o' | grep -q "An override is set on a week" || fail "override in a month"
# $ converts at one week's rates: not in a month (company money is
# converted week by week already)
tui 'P $' | grep -q "keeps each store's currency" || fail "\$ in a month"
tui '$ P' | grep -q "菲律宾 Shopee 店 .* PHP 1.02M" || fail "P did not turn \$ off"
"$BIN" scorecard --db "$DB" --month 2026-10 | sed -n 2p | grep -q " MoM " ||
    fail "text header: change against the previous month"
echo ok
