#!/bin/sh
# Import profiles: the shipped platform exports (TikTok Shop LIVE list in
# Chinese and English headers, Shopee Live) imported end to end, their
# weekly values checked against hand-computed sums; conversions
# (durations, average x weight, a count per row, the week's maximum), the
# report, refusals (a unique count summed, a currency that is not the
# store's), re-import, a team's profile, KPI labels as headers, templates.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
P=$top/sample-data/profiles
make_demo_db

# value PATH KPI [WEEK]: the scorecard's value of KPI at PATH
value() {
    "$BIN" scorecard --db "$DB" --week "${3:-2026-W49}" --path "$1" \
        --format csv | awk -F, -v k="$2" '$3 == k { print $4 }'
}
expect() { # PATH KPI WANT [WEEK]
    got=$(value "$1" "$2" "${4:-2026-W49}")
    [ "$got" = "$3" ] || fail "$1 $2 ${4:-2026-W49}: $got, expected $3"
}

# ---- TikTok Shop LIVE list, Chinese headers, people matched by name
"$BIN" import actuals "$P/tiktok_live_zh.csv" --store tts-th --db "$DB" \
    > "$WORK/out" || fail "tiktok zh: $(cat "$WORK/out")"
p=tts-th/apparel/林小雨
expect $p gmv 24800.5              # 15000.50 + 9800
expect $p sku_orders 215           # 130 + 85
expect $p items_sold 260
expect $p views 14000
expect $p watch_seconds 1170000    # 90 s x 8000 + 75 s x 6000
expect $p live_seconds 12600       # 2:00:00 + 1:30:00
expect $p peak_viewers 520         # the larger of 450 and 520
expect $p live_sessions 2          # two rows
expect $p likes 5500
expect $p engagement_rate 45.285714 # (5500 + 700 + 140) / 14000
expect $p gmv 12000 2026-W50
expect $p live_sessions 1 2026-W50
expect tts-th/beauty/赵雪 live_seconds 6330   # 1:45:30
expect tts-th/beauty/赵雪 watch_seconds 1140000 # 95 s x 12000
# the money above the hosts adds up; the peak is not added across people
expect tts-th/beauty gmv 22000
[ -z "$(value tts-th peak_viewers)" ] || fail "peak_viewers summed upward"
# the report
for line in "profile: tiktok_live (built-in)" "成交金额 -> gmv" \
    "直播时长 -> live_seconds (duration)" \
    "each row -> live_sessions (counts one)" \
    "ignored: 观看人数 (the profile ignores it)" \
    "ignored: 点击率 (ctr is computed by fupan" \
    "rows: 4 read, aggregated into 42 weekly values" \
    "weeks: 2026-W49 (partial: 3 of 7 days), 2026-W50 (partial: 1 of 7 days)"
do
    grep -qF -- "$line" "$WORK/out" || fail "report lacks '$line': $(cat "$WORK/out")"
done

# re-importing the same export replaces its values: nothing doubles
"$BIN" import actuals "$P/tiktok_live_zh.csv" --store tts-th --db "$DB" \
    > /dev/null || fail "re-import"
expect $p gmv 24800.5
expect $p live_sessions 2

# --dry-run prints the full report and writes nothing
before=$(value tts-my/apparel/张伟 gmv)
"$BIN" import org "$P/handles.csv" --db "$DB" > /dev/null || fail "handles"
"$BIN" import actuals "$P/tiktok_live_en.csv" --store tts-my --db "$DB" \
    --dry-run > "$WORK/out" || fail "dry run: $(cat "$WORK/out")"
grep -q "aggregated into 28 weekly values" "$WORK/out" || fail "dry-run report"
grep -q "ignored: Replay views (not in the profile)" "$WORK/out" \
    || fail "an extra column: $(cat "$WORK/out")"
[ "$(value tts-my/apparel/张伟 gmv)" = "$before" ] || fail "dry run wrote"

# ---- English headers in another order, people matched by handle
"$BIN" import actuals "$P/tiktok_live_en.csv" --store tts-my --db "$DB" \
    > /dev/null || fail "tiktok en"
p=tts-my/apparel/张伟
expect $p gmv 12000
expect $p live_seconds 6300        # 45:00 (mm:ss) + 3600 (seconds)
expect $p watch_seconds 320000     # 40 s x 3000 + 50 s x 4000
expect $p peak_viewers 260
expect $p live_sessions 2
expect tts-my/beauty/黄丽 live_seconds 4800

# ---- Shopee Live: the currency in the money header is the store's
"$BIN" import actuals "$P/shopee_live.csv" --store shopee-ph --db "$DB" \
    > "$WORK/out" || fail "shopee: $(cat "$WORK/out")"
grep -q "profile: shopee_live" "$WORK/out" || fail "shopee not detected"
p=shopee-ph/beauty/朱琳
expect $p gmv 39501                # 18500.75 + 21000.25
expect $p orders 132
expect $p watch_seconds 588000     # 120 s x 2400 + 100 s x 3000
expect $p live_seconds 9000
expect $p peak_viewers 240
expect shopee-ph/home/高磊 live_sessions 1
set +e
"$BIN" import actuals "$P/shopee_live.csv" --store tts-th --db "$DB" \
    2> "$WORK/err" > /dev/null; rc=$?
set -e
[ "$rc" -eq 3 ] || fail "PHP money into a THB store gave exit $rc"
grep -q 'shopee_live.csv:1: column Sales(PHP): the money is in PHP, but store tts-th keeps THB' \
    "$WORK/err" || fail "currency: $(cat "$WORK/err")"

# ---- a file without a store column needs --store
set +e
"$BIN" import actuals "$P/shopee_live.csv" --db "$DB" 2> "$WORK/err" \
    > /dev/null; rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q "give --store ID" "$WORK/err" \
    || fail "no --store: $rc $(cat "$WORK/err")"

# ---- a team's profile replaces the built-in one; summed unique viewers
# are refused with FILE:LINE
cat > "$WORK/team.ini" <<'INI'
[profile.tiktok_live]
label = "TikTok LIVE with unique viewers"
detect = "主播, 开播时间"
date = "开播时间"
person = "主播"
match = name
kpi.gmv = "成交金额"
kpi.viewers = "观看人数"
INI
printf '[import]\nprofiles = %s\n' "$WORK/team.ini" > "$WORK/cfg.ini"
"$BIN" import --list-profiles --config "$WORK/cfg.ini" > "$WORK/out"
grep -A1 '^tiktok_live' "$WORK/out" | grep -q "from $WORK/team.ini" \
    || fail "list-profiles: $(cat "$WORK/out")"
grep -A1 '^shopee_live' "$WORK/out" | grep -q "from built-in" \
    || fail "list-profiles built-in: $(cat "$WORK/out")"
set +e
"$BIN" import actuals "$P/tiktok_live_zh.csv" --store tts-th --db "$DB" \
    --config "$WORK/cfg.ini" 2> "$WORK/err" > /dev/null; rc=$?
set -e
[ "$rc" -eq 3 ] || fail "summed unique viewers gave exit $rc"
grep -q 'tiktok_live_zh.csv:4: column 观看人数: viewers is a non-additive KPI.*line 2' \
    "$WORK/err" || fail "unique viewers: $(cat "$WORK/err")"
# a bad profile file is named with its line
printf '[profile.x]\nlabel = "x"\nbogus = 1\n' > "$WORK/bad.ini"
printf '[import]\nprofiles = %s\n' "$WORK/bad.ini" > "$WORK/cfg.ini"
set +e
"$BIN" import --list-profiles --config "$WORK/cfg.ini" 2> "$WORK/err"; rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q "bad.ini:3: unknown key in a profile: bogus" \
    "$WORK/err" || fail "bad profile: $rc $(cat "$WORK/err")"

# ---- --profile forces one; an unknown one is a usage error
set +e
"$BIN" import actuals "$P/shopee_live.csv" --profile nope --db "$DB" \
    2> /dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "unknown --profile gave exit $rc"
set +e
"$BIN" import actuals "$P/shopee_live.csv" --profile tiktok_live \
    --store shopee-ph --db "$DB" 2> "$WORK/err" > /dev/null; rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q "column person: missing from the header" \
    "$WORK/err" || fail "forced profile: $rc $(cat "$WORK/err")"

# ---- without a profile a header may be a KPI label (观看次数, Orders)
printf 'week,store,观看次数,Orders\n2026-W51,tts-my,777,12\n' > "$WORK/l.csv"
"$BIN" import actuals "$WORK/l.csv" --db "$DB" > /dev/null || fail "labels"
expect tts-my views 777 2026-W51
expect tts-my orders 12 2026-W51

# ---- templates
"$BIN" import template actuals | head -1 | grep -qx "week,store,category,person,gmv,orders,views" \
    || fail "template actuals"
"$BIN" import template org | head -1 | grep -q ",handle$" || fail "template org"
"$BIN" import template targets | head -1 | grep -qx "week,path,kpi,target" \
    || fail "template targets"
set +e
"$BIN" import template nope > /dev/null 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "unknown template gave exit $rc"
# a template's header imports as it is
"$BIN" import template actuals | sed 's/^# //' | head -2 > "$WORK/t.csv"
"$BIN" import actuals "$WORK/t.csv" --db "$DB" > /dev/null || fail "template import"
echo ok
