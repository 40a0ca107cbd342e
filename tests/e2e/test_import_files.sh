#!/bin/sh
# Files as they come (issue 12): .xlsx workbooks (shared and inline
# strings, serial dates, a title row, numbers as text, gaps, --sheet),
# refusals of .xls and broken zips, TSV, ';', UTF-16, standard input,
# decimal comma by market and by flag, date formats, and the
# all-or-nothing rule with a sheet error naming its cell.
. "$(dirname "$0")/lib.sh"

MKX="python3 $(dirname "$0")/make_xlsx.py"
"$BIN" init --db "$DB" >/dev/null
imp() { "$BIN" import actuals "$@" --db "$DB"; }
# value WEEK STORE KPI: the scorecard's value
value() {
    "$BIN" scorecard --db "$DB" --week "$1" --path "$2" --format csv \
        2>/dev/null |
        awk -F, -v k="$3" '$3 == k { print $4 }'
}
expect() { # WEEK STORE KPI WANT
    got=$(value "$1" "$2" "$3")
    [ "$got" = "$4" ] || fail "$2 $1 $3: got '$got', want '$4'"
}
refused() { # FILE PATTERN [options]: exit 3, the pattern on stderr
    f=$1; pat=$2; shift 2
    set +e
    imp "$f" "$@" >"$WORK/out" 2>"$WORK/err"; rc=$?
    set -e
    [ "$rc" -eq 3 ] || fail "$f gave exit $rc: $(cat "$WORK/err")"
    grep -qF -- "$pat" "$WORK/err" || fail "$f: $(cat "$WORK/err")"
}
printf 'store,name,platform,market,currency\nx-my,X MY,tiktok,MY,MYR\n'\
'x-id,X ID,tiktok,ID,IDR\nx-vn,X VN,shopee,VN,VND\n' > "$WORK/stores.csv"
"$BIN" import org "$WORK/stores.csv" --db "$DB" >/dev/null

# An .xlsx export: a merged title row above the header, shared and
# inline strings, serial dates (2026-11-16 and a date-time on the 20th),
# a number stored as text, an empty cell (category) left out.
T=$(printf '\t')
cat > "$WORK/live.spec" <<SPEC
#title TikTok Shop LIVE 2026-11-16 ~ 2026-11-22
date${T}store${T}category${T}gmv${T}orders${T}clicks
d:46342${T}x-my${T}${T}n:1250.5${T}s:17${T}n:300
t:46346.8333333333${T}i:x-my${T}${T}n:100.25${T}n:3${T}s:1,200
SPEC
$MKX "$WORK/live.xlsx" Sheet1 Week2 < "$WORK/live.spec"
imp "$WORK/live.xlsx" > "$WORK/out" || fail "xlsx import: $(cat "$WORK/out")"
grep -q "live.xlsx (sheet Sheet1): daily wide, 2 rows" "$WORK/out" ||
    fail "summary: $(cat "$WORK/out")"
expect 2026-W47 x-my gmv 1350.75
expect 2026-W47 x-my orders 20
expect 2026-W47 x-my clicks 1500
# --sheet: the second sheet has every number doubled
imp "$WORK/live.xlsx" --sheet Week2 >/dev/null || fail "--sheet Week2"
expect 2026-W47 x-my gmv 2701.5
refused "$WORK/live.xlsx" 'no sheet named "Nope" (the sheets: Sheet1, Week2)' \
    --sheet Nope

# Old binary workbooks, encrypted ones (both OLE) and broken zips: one
# line, exit 3.
printf '\320\317\021\340\241\261\032\341 rest of an OLE file' > "$WORK/old.xls"
refused "$WORK/old.xls" "old.xls: an old Excel .xls or a password-protected"
[ "$(wc -l < "$WORK/err")" -eq 2 ] || fail "more than a line: $(cat "$WORK/err")"
printf 'PK\003\004 not really a zip' > "$WORK/junk.xlsx"
refused "$WORK/junk.xlsx" "junk.xlsx: not an Excel workbook"
(cd "$WORK" && printf 'a' > a.txt && python3 -c "
import zipfile; zipfile.ZipFile('plain.zip', 'w').write('a.txt')")
refused "$WORK/plain.zip" "plain.zip: not an Excel workbook"

# All or nothing: a bad cell in the sheet is named (D4, F4) and the good CSV
# file given with it is not written either.
sed 's/n:100.25/s:12x/; s/s:1,200/s:abc/' "$WORK/live.spec" |
    $MKX "$WORK/bad.xlsx" "Live list"
printf 'week,store,kpi,value\n2026-W40,x-my,gmv,5\n' > "$WORK/good.csv"
set +e
imp "$WORK/good.csv" "$WORK/bad.xlsx" >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 3 ] || fail "bad sheet gave exit $rc"
grep -qF "bad.xlsx:'Live list'!D4: column gmv: \"12x\" is not a number" \
    "$WORK/err" || fail "cell D4: $(cat "$WORK/err")"
grep -qF "bad.xlsx:'Live list'!F4: column clicks:" "$WORK/err" \
    || fail "cell F4: $(cat "$WORK/err")"
[ -z "$(value 2026-W40 x-my gmv)" ] || fail "the good file was written"

# A key twice in a sheet: both rows named; broken sheet XML: one line.
printf 'week\tstore\tkpi\tvalue\n2026-W40\tx-my\tgmv\tn:1\n'\
'2026-W40\tx-my\tgmv\tn:2\n' | $MKX "$WORK/dup.xlsx"
refused "$WORK/dup.xlsx" "dup.xlsx:Sheet1!D3: column value: same week/store"
(cd "$WORK" && python3 -c "
import zipfile
src = zipfile.ZipFile('dup.xlsx')
with zipfile.ZipFile('broken.xlsx', 'w') as z:
    for n in src.namelist():
        data = src.read(n)
        if n.endswith('sheet1.xml'):
            data = data[:len(data) // 2]
        z.writestr(n, data)")
refused "$WORK/broken.xlsx" "broken sheet XML"
grep -q 'broken.xlsx:Sheet1![0-9]*: broken sheet XML' "$WORK/err" ||
    fail "broken XML: $(cat "$WORK/err")"

# TSV, ';' with a decimal comma in quotes-free fields, UTF-16LE with BOM.
printf 'week\tstore\tkpi\tvalue\n2026-W41\tx-my\tgmv\t1,250.5\n' > "$WORK/a.tsv"
imp "$WORK/a.tsv" >/dev/null || fail "TSV"
expect 2026-W41 x-my gmv 1250.5
printf 'week;store;kpi;value\n2026-W41;x-id;gmv;12.500,50\n' > "$WORK/b.csv"
imp "$WORK/b.csv" >/dev/null || fail "';' file"
expect 2026-W41 x-id gmv 12500.5
printf 'week\tstore\tkpi\tvalue\r\n2026-W41\tx-vn\torders\t7\r\n' |
    iconv -t UTF-16LE | { printf '\377\376'; cat; } > "$WORK/u16.txt"
imp "$WORK/u16.txt" > "$WORK/out" || fail "UTF-16"
grep -q "converted from utf-16le" "$WORK/out" || fail "$(cat "$WORK/out")"
expect 2026-W41 x-vn orders 7

# Standard input: CSV through a pipe works; a workbook through a pipe is
# refused in one line.
printf 'week,store,kpi,value\n2026-W42,x-id,gmv,Rp1.250.000\n' |
    imp - >/dev/null || fail "stdin"
expect 2026-W42 x-id gmv 1250000
set +e
cat "$WORK/live.xlsx" | imp - >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 3 ] || fail "xlsx on a pipe gave exit $rc"
grep -q "workbook cannot be read from a pipe" "$WORK/err" \
    || fail "xlsx on a pipe: $(cat "$WORK/err")"

# Decimal comma by market, still refused where the market says
# otherwise; the flags decide for one file.
printf 'week,store,kpi,value\n2026-W43,x-vn,gmv,1.250.000\n' > "$WORK/vn.csv"
imp "$WORK/vn.csv" >/dev/null || fail "VN dots"
expect 2026-W43 x-vn gmv 1250000
printf 'week,store,kpi,value\n2026-W43,x-my,gmv,1.250.000\n' > "$WORK/my.csv"
refused "$WORK/my.csv" 'column value: "1.250.000" is ambiguous'
imp "$WORK/my.csv" --decimal-comma >/dev/null || fail "--decimal-comma"
expect 2026-W43 x-my gmv 1250000
printf 'week,store,kpi,value\n2026-W44,x-id,gmv,"1,250.5"\n' > "$WORK/id.csv"
refused "$WORK/id.csv" 'column value: "1,250.5" is ambiguous'
imp "$WORK/id.csv" --decimal-point >/dev/null || fail "--decimal-point"
expect 2026-W44 x-id gmv 1250.5

# Targets: the market of the path's store.
printf 'week,path,kpi,target\n2026-W42,x-id,gmv,Rp1.500.000\n' \
    > "$WORK/targets.csv"
"$BIN" import targets "$WORK/targets.csv" --db "$DB" >/dev/null ||
    fail "targets of an ID store"
got=$("$BIN" scorecard --db "$DB" --week 2026-W42 --path x-id --format csv |
      awk -F, '$3 == "gmv" { print $6 }')
[ "$got" = 1500000 ] || fail "ID target: got '$got'"

# Dates: day first with --date-format, a time of day ignored.
printf 'date,store,gmv\n16/11/2026 20:00,x-vn,10\n22/11/2026,x-vn,5\n' \
    > "$WORK/dmy.csv"
refused "$WORK/dmy.csv" 'say --date-format DD/MM/YYYY'
imp "$WORK/dmy.csv" --date-format DD/MM/YYYY >/dev/null || fail "DD/MM"
expect 2026-W47 x-vn gmv 15
printf 'date,store,orders\n2026/11/23 09:15:00,x-my,4\n' > "$WORK/ymd.csv"
imp "$WORK/ymd.csv" >/dev/null || fail "YYYY/MM/DD with time"
expect 2026-W48 x-my orders 4
echo ok
