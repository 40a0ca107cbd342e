#!/bin/sh
# Tables out (issue 15): `fupan export` gives the numbers of `fupan
# scorecard` and the rows of the lists, as CSV, JSON and .xlsx (numbers
# as numbers, header frozen); --excel and --encoding gb18030; a range of
# weeks; x in the TUI writes the rows of the view on screen.
. "$(dirname "$0")/lib.sh"
make_demo_db
cd "$WORK"
W=2026-W47
ex() { "$BIN" export --db "$DB" "$@"; }

# scorecards: every row of a node equals that node's `scorecard --format csv`
ex scorecards --week $W --path tts-my > sc.csv || fail "export scorecards"
ex scorecards --week $W --path tts-my --format json > sc.json || fail "export json"
for p in tts-my tts-my/apparel "$(awk -F, 'NR > 1 && split($2, a, "/") == 3 { print $2; exit }' sc.csv)"; do
    "$BIN" scorecard --db "$DB" --week $W --path "$p" --format csv > card.csv
    python3 - "$p" sc.csv sc.json card.csv <<'PY' || fail "scorecards of $p differ from fupan scorecard"
import csv, json, sys
path, exp, js, card = sys.argv[1:]
cols = "week path kpi value prev target attainment status overridden provisional".split()
want = [[r[c] for c in cols] for r in csv.DictReader(open(card))]
rows = [r for r in csv.DictReader(open(exp)) if r["path"] == path]
got = [[r[c] for c in cols] for r in rows]
assert want and got == want, (path, got[:2], want[:2])
def same(a, b):   # a JSON number or null against the CSV text
    return (a is None and b == "") or (a is not None and abs(float(b) - a) < 1e-9) \
        or str(a).lower() == b or (isinstance(a, bool) and int(a) == int(b))
jrows = [r for r in json.load(open(js)) if r["path"] == path]
assert len(jrows) == len(rows)
for j, c in zip(jrows, rows):
    for k in c:
        assert same(j[k], c[k]) if j[k] is None or not isinstance(j[k], str) else j[k] == c[k], (k, j[k], c[k])
PY
done
head -1 sc.csv | grep -qx 'week,path,store,store_name,category,category_name,person,person_name,kpi,kpi_label,value,prev,target,attainment,status,overridden,provisional' ||
    fail "scorecards header: $(head -1 sc.csv)"
grep -q '^2026-W47,tts-my,tts-my,马来西亚 TikTok 店,,,,,gmv,GMV,' sc.csv || fail "store and its name"

# the lists: byte for byte what `note list` etc. print, csv and json
for f in csv json; do
    ex notes --week $W --format $f > a || fail "export notes $f"
    "$BIN" note list --db "$DB" --week $W --format $f > b
    [ "$(wc -l < b)" -gt 2 ] && cmp -s a b || fail "notes $f differ from note list"
    ex overrides --week $W --format $f > a || fail "export overrides $f"
    "$BIN" override list --db "$DB" --week $W --format $f > b
    [ "$(wc -l < b)" -gt 2 ] && cmp -s a b || fail "overrides $f differ from override list"
    ex actions --week $W --format $f > a || fail "export actions $f"
    "$BIN" action list --db "$DB" --week $W --format $f > b
    [ "$(wc -l < b)" -gt 2 ] && cmp -s a b || fail "actions $f differ from action list"
    ex overrides --format $f > a && "$BIN" override list --db "$DB" --format $f > b &&
        cmp -s a b || fail "every override ($f) differs from override list"
done

# facts: the imported values, csv and json agree
ex facts --week $W -o facts.csv && ex facts --week $W -o facts.json || fail "export facts"
python3 - <<'PY' || fail "facts csv and json differ"
import csv, json
c = list(csv.DictReader(open("facts.csv"))); j = json.load(open("facts.json"))
assert len(c) > 100 and len(c) == len(j)
for a, b in zip(c, j):
    assert a["path"] == b["path"] and a["kpi"] == b["kpi"] and abs(float(a["value"]) - b["value"]) < 1e-9
PY

# a range is each week's rows in turn; a week without data is refused
ex scorecards --week 2026-W46 > w46.csv && ex scorecards --week $W > w47.csv &&
    ex scorecards --from 2026-W46 --to $W > both.csv || fail "range"
[ $(( $(wc -l < w46.csv) + $(wc -l < w47.csv) - 1 )) = "$(wc -l < both.csv)" ] ||
    fail "range rows: $(wc -l < both.csv)"
set +e
ex scorecards --week 2020-W01 > /dev/null 2> err.txt; rc=$?
ex tables > /dev/null 2>&1; rc2=$?
set -e
[ "$rc" = 3 ] && grep -q "no data for 2020-W01" err.txt || fail "no data: exit $rc $(cat err.txt)"
[ "$rc2" = 2 ] || fail "unknown kind: exit $rc2"

# --excel: a UTF-8 BOM; --encoding gb18030: the same text in GB18030
ex notes --week $W --excel -o bom.csv && ex notes --week $W --encoding gb18030 -o gb.csv ||
    fail "excel/encoding"
ex notes --week $W > utf8.csv
[ "$(head -c 3 bom.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no BOM"
tail -c +4 bom.csv | cmp -s - utf8.csv || fail "BOM file differs after the BOM"
cmp -s gb.csv utf8.csv && fail "gb18030 file is UTF-8"
python3 -c "import sys; sys.stdout.write(open('gb.csv', encoding='gb18030', newline='').read())" |
    cmp -s - utf8.csv || fail "gb18030 file does not decode to the UTF-8 text"

# xlsx: one sheet, header frozen, numbers as numbers, percent formats
ex scorecards --week $W --path tts-my -o sc.xlsx || fail "export xlsx"
ex scorecards --week $W --path tts-my --format xlsx -o - > dash.xlsx || fail "xlsx to stdout"
python3 - <<'PY' || fail "xlsx content"
import csv, re, zipfile
for name in ("sc.xlsx", "dash.xlsx"):
    z = zipfile.ZipFile(name)
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    styles = z.read("xl/styles.xml").decode()
    assert 'name="scorecards"' in z.read("xl/workbook.xml").decode()
    assert re.search(r'<pane ySplit="1"[^>]*state="frozen"', sheet), "no frozen header"
    cells = dict(re.findall(r'<c r="([A-Z]+\d+)"([^>]*>.*?)</c>', sheet))
    assert ">week<" in cells["A1"] and ">provisional<" in cells["Q1"]
    rows = list(csv.DictReader(open("sc.csv")))
    for i, r in enumerate(rows[:40], start=2):
        for col, key in (("K", "value"), ("N", "attainment")):
            if r[key] == "":
                continue
            c = cells[col + str(i)]
            assert "t=" not in c.split(">")[0], (col, i, c)   # a number
            v = float(re.search(r"<v>([^<]*)</v>", c).group(1))
            pct = key == "attainment" or r["kpi"] in ("ctr", "cvr", "return_rate", "margin", "completion_3s", "review_response", "repurchase")
            want = float(r[key]) / (100 if pct else 1)
            assert abs(v - want) < 1e-6 * max(1, abs(want)), (key, v, want)
        st = cells["O" + str(i)]
        assert r["status"] in st
    assert 'formatCode="0.0%"' in styles and 'formatCode="#,##0.00"' in styles
    assert "FFFFC7CE" in styles and "FFC6EFCE" in styles   # red, green fills
PY

# x in the TUI: the rows of the table on screen, in the current folder
"$BIN" --db "$DB" --headless 100x30 --keys 'x' > screen.txt || fail "x in the TUI"
f=fupan-$W-table.csv
[ -f "$f" ] || fail "no $f: $(tail -2 screen.txt)"
grep -q "rows written to $f" screen.txt || fail "does not say where: $(tail -2 screen.txt)"
cut -d, -f4 "$f" | tail -n +2 | sort -u > names.txt
[ "$(wc -l < names.txt)" = 3 ] || fail "not the 3 stores: $(cat names.txt)"
while read -r n; do grep -qF "$n" screen.txt || fail "$n is not on screen"; done < names.txt
# people view, xlsx into the config's folder
mkdir -p config/fupan out
printf '[export]\nfolder = %s/out\nformat = xlsx\n' "$WORK" > config/fupan/config.ini
"$BIN" --db "$DB" --headless 100x30 --keys 'p x' > screen.txt || fail "p x"
[ -f "out/fupan-$W-people.xlsx" ] || fail "no people.xlsx: $(tail -2 screen.txt)"
python3 - "out/fupan-$W-people.xlsx" > people.txt <<'PY'
import re, sys, zipfile
sheet = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
for name in set(re.findall(r'<c r="H(?!1")\d+"[^>]*><is><t>([^<]*)</t>', sheet)):
    print(name)
PY
# everyone below the company (all rows, also those scrolled off screen)
cut -d, -f8 w47.csv | tail -n +2 | grep . | sort -u > everyone.txt
sort people.txt | cmp -s - everyone.txt || fail "people: $(cat people.txt)"
on_screen=$(while read -r n; do grep -qF "$n" screen.txt && echo "$n"; done < people.txt | wc -l)
[ "$on_screen" -ge 10 ] || fail "only $on_screen of the exported people are on screen"
# a person's scorecard (from the people view) is `scorecard --person`
rm -f config/fupan/config.ini
"$BIN" --db "$DB" --headless 100x30 --keys 'p Enter x' > screen.txt || fail "p Enter x"
f=fupan-$W-person.csv
[ -f "$f" ] || fail "no $f: $(tail -2 screen.txt)"
who=$(sed -n 2p "$f" | cut -d, -f7)
grep -qF "$who" screen.txt || fail "$who is not on screen"
"$BIN" scorecard --db "$DB" --week $W --person "$who" --format csv | cut -d, -f3-5 > card.csv
cut -d, -f9,11,12 "$f" | cmp -s - card.csv || fail "person export differs from scorecard --person"
# the action items (x drops an item there; X exports)
"$BIN" --db "$DB" --headless 100x30 --keys 'A X' > screen.txt || fail "A X"
"$BIN" action list --db "$DB" --week $W --format csv | cmp -s - "fupan-$W-actions.csv" ||
    fail "actions view export differs from action list"
echo ok
