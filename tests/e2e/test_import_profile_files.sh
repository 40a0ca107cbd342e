#!/bin/sh
# Import profiles on files as they come (issue 12): the shipped TikTok
# LIVE export as an .xlsx workbook (serial date-times, [h]:mm:ss
# durations, percentages, a merged title and a two-cell "exported at"
# row above the header) gives the scorecard of its CSV; Indonesian and
# Vietnamese session files (TSV, ';', UTF-16) read by a team's profile
# with date_format = DD/MM/YYYY, their numbers by the --store's market.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
P=$top/sample-data/profiles
E=$(dirname "$0")
T=$(printf '\t')

# card DB WEEK: the scorecard of store tts-th, every level, as CSV
card() {
    for path in tts-th tts-th/apparel tts-th/apparel/林小雨 \
        tts-th/beauty/赵雪; do
        "$BIN" scorecard --db "$1" --week "$2" --path "$path" --format csv
    done
}
value() { # DB WEEK PATH KPI
    "$BIN" scorecard --db "$1" --week "$2" --path "$3" --format csv |
        awk -F, -v k="$4" '$3 == k { print $4 }'
}
expect() { # DB WEEK PATH KPI WANT
    got=$(value "$1" "$2" "$3" "$4")
    [ "$got" = "$5" ] || fail "$3 $2 $4: got '$got', want '$5'"
}

# ---- the TikTok LIVE list (Chinese headers) as CSV and as .xlsx
"$BIN" init --sample --db "$WORK/csv.db" >/dev/null
"$BIN" init --sample --db "$WORK/xlsx.db" >/dev/null
"$BIN" import actuals "$P/tiktok_live_zh.csv" --store tts-th \
    --db "$WORK/csv.db" > "$WORK/out" || fail "csv: $(cat "$WORK/out")"
python3 "$E/csv_to_xlsx_spec.py" "#title TikTok Shop 直播数据 2026-11-30 ~ 2026-12-07" \
    "s:导出时间${T}s:2026-12-08 09:00" < "$P/tiktok_live_zh.csv" \
    > "$WORK/live.spec"
python3 "$E/make_xlsx.py" "$WORK/live.xlsx" 直播列表 < "$WORK/live.spec"
"$BIN" import actuals "$WORK/live.xlsx" --store tts-th \
    --db "$WORK/xlsx.db" > "$WORK/out" || fail "xlsx: $(cat "$WORK/out")"
for line in "live.xlsx (sheet 直播列表): profile" "profile: tiktok_live" \
    "rows: 4 read, aggregated into 42 weekly values" \
    "直播时长 -> live_seconds (duration)"; do
    grep -qF -- "$line" "$WORK/out" || fail "report lacks '$line': $(cat "$WORK/out")"
done
for week in 2026-W49 2026-W50; do
    card "$WORK/csv.db" $week > "$WORK/csv.card"
    card "$WORK/xlsx.db" $week > "$WORK/xlsx.card"
    cmp -s "$WORK/csv.card" "$WORK/xlsx.card" ||
        fail "$week: the workbook's scorecard differs from the CSV's:
$(diff "$WORK/csv.card" "$WORK/xlsx.card")"
done
# and they are the hand-computed ones, not two equal wrong answers
p=tts-th/apparel/林小雨
expect "$WORK/xlsx.db" 2026-W49 $p gmv 24800.5        # 15000.50 + 9800
expect "$WORK/xlsx.db" 2026-W49 $p live_seconds 12600 # 2:00:00 + 1:30:00
expect "$WORK/xlsx.db" 2026-W49 $p watch_seconds 1170000 # 90x8000 + 75x6000
expect "$WORK/xlsx.db" 2026-W49 tts-th/beauty/赵雪 live_seconds 6330
expect "$WORK/xlsx.db" 2026-W50 $p live_sessions 1

# ---- Indonesian and Vietnamese session files, a team's profile
make_demo_db
printf 'store,name,platform,market,currency\n'\
'tts-id,TTS ID,tiktok,ID,IDR\nshp-vn,Shopee VN,shopee,VN,VND\n' \
    > "$WORK/stores.csv"
printf 'person,name,role,store,category,handle\n'\
'dewi,Dewi,host,tts-id,beauty,@dewi_live\n'\
'lan,Lan,host,shp-vn,beauty,@lan_live\n' > "$WORK/people.csv"
"$BIN" import org "$WORK/stores.csv" "$WORK/people.csv" --db "$DB" \
    > "$WORK/out" || fail "org: $(cat "$WORK/out")"
cat > "$WORK/team.ini" <<'INI'
[profile.live_sea]
label = "LIVE sessions, Indonesian/Vietnamese export"
detect = "Host, Waktu mulai|Bắt đầu"
date = "Waktu mulai|Bắt đầu"
date_format = "DD/MM/YYYY"
person = "Host"
match = handle
kpi.gmv = "Penjualan(CUR)|Doanh thu(CUR)"
kpi.views = "Ditonton|Lượt xem"
kpi.live_seconds = "Durasi|Thời lượng"
duration = "live_seconds"
count = "live_sessions"
INI
printf '[import]\nprofiles = %s\n' "$WORK/team.ini" > "$WORK/cfg.ini"
sea() { "$BIN" import actuals "$@" --db "$DB" --config "$WORK/cfg.ini"; }
# TSV, UTF-16LE with a BOM (Excel's "Unicode text"), 16 and 18 Nov
printf 'Host\tWaktu mulai\tDurasi\tPenjualan(IDR)\tDitonton\r\n'\
'@dewi_live\t16/11/2026 19:00\t1:30:00\tRp12.500.000\t1.250\r\n'\
'@dewi_live\t18/11/2026 19:00\t45:00\t7.250.500,50\t2.000\r\n' |
    iconv -t UTF-16LE | { printf '\377\376'; cat; } > "$WORK/id.txt"
sea "$WORK/id.txt" --store tts-id > "$WORK/out" || fail "ID: $(cat "$WORK/out")"
grep -q "profile: live_sea" "$WORK/out" || fail "ID report: $(cat "$WORK/out")"
p=tts-id/beauty/dewi
expect "$DB" 2026-W47 $p gmv 19750500.5     # 12,500,000 + 7,250,500.50
expect "$DB" 2026-W47 $p views 3250          # 1.250 + 2.000
expect "$DB" 2026-W47 $p live_seconds 8100   # 1:30:00 + 45:00
expect "$DB" 2026-W47 $p live_sessions 2
# ';'-separated, 20 and 21 Nov in Vietnam
printf 'Host;Bắt đầu;Thời lượng;Doanh thu(VND);Lượt xem\n'\
'@lan_live;20/11/2026 20:00;2:00:00;15.000.000;3.000\n'\
'@lan_live;21/11/2026;01:00:00;2.500.000,5;500\n' > "$WORK/vn.csv"
sea "$WORK/vn.csv" --store shp-vn > "$WORK/out" || fail "VN: $(cat "$WORK/out")"
expect "$DB" 2026-W47 shp-vn/beauty/lan gmv 17500000.5
expect "$DB" 2026-W47 shp-vn/beauty/lan views 3500
# the market decides: the same file said to use a decimal point is refused
set +e
sea "$WORK/vn.csv" --store shp-vn --decimal-point >/dev/null 2>"$WORK/err"
rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q 'vn.csv:2: column Doanh thu(VND): "15.000.000"' \
    "$WORK/err" || fail "--decimal-point: $rc $(cat "$WORK/err")"
# --date-format wins over the profile's date_format
set +e
sea "$WORK/vn.csv" --store shp-vn --date-format YYYY-MM-DD >/dev/null \
    2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q 'vn.csv:2: column Bắt đầu: "20/11/2026 20:00" is not a date' \
    "$WORK/err" || fail "--date-format: $rc $(cat "$WORK/err")"
# a bad date_format is named with its line
printf '[profile.x]\ndetect = "a"\ndate = "a"\nperson = "b"\ndate_format = "YYYY.DD"\n' \
    > "$WORK/bad.ini"
printf '[import]\nprofiles = %s\n' "$WORK/bad.ini" > "$WORK/cfg.ini"
set +e
"$BIN" import --list-profiles --config "$WORK/cfg.ini" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 3 ] && grep -q "bad.ini:5: unknown date_format" "$WORK/err" \
    || fail "bad date_format: $rc $(cat "$WORK/err")"
echo ok
