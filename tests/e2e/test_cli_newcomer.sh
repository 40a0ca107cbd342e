# The command line a newcomer types (issue 9): global options before or
# after the subcommand, read commands never create a database, lists as
# text, CSV or JSON, empty or impossible input refused with exit 3, and
# `minutes -o x.md` writes Markdown.
. "$(dirname "$0")/lib.sh"
make_demo_db
W=2026-W47

run() { # run CODE ARGS...: runs fupan (no --db added), checks the exit code
    want=$1; shift
    set +e
    "$BIN" "$@" >"$WORK/out" 2>"$WORK/err"
    got=$?
    set -e
    [ "$got" -eq "$want" ] || { cat "$WORK/out" "$WORK/err" >&2;
        fail "fupan $*: exit $got, expected $want"; }
}
one_line_err() { [ "$(wc -l <"$WORK/err")" -eq 1 ] || { cat "$WORK/err" >&2;
    fail "expected one line on stderr"; }; }

# ---- global options before or after the subcommand ----
run 0 --db "$DB" scorecard --week $W --path tts-my
grep -q "^$W  TikTok" "$WORK/out" || grep -q "^$W " "$WORK/out" ||
    fail "scorecard with --db first printed no card"
run 0 --db="$DB" --week $W scorecard --path tts-my --format csv
grep -q "^$W,tts-my,gmv," "$WORK/out" || fail "--db= and --week before"
run 0 --week $W note list --db "$DB"
grep -q "TikTok Shop 数据 T+1 延迟" "$WORK/out" || fail "--week before note list"
run 0 --db "$DB" action list --open
run 0 --db "$DB" minutes --week $W
run 2 --db "$DB" frobnicate
grep -q "unknown command 'frobnicate'" "$WORK/err" || fail "unknown command"

# ---- read commands never create a database ----
NODB=$WORK/nowhere/none.db
mkdir -p "$WORK/nowhere"
for cmd in "scorecard --week $W" "minutes --week $W" "note list --week $W" \
           "action list" "override list" \
           "note add --week $W --path tts-my --cause other --text x"; do
    # shellcheck disable=SC2086
    run 1 $cmd --db "$NODB"
    one_line_err
    grep -q "no database at $NODB.*fupan init" "$WORK/err" ||
        fail "$cmd: message names neither the file nor fupan init"
    [ ! -e "$NODB" ] || fail "$cmd created $NODB"
done
# the default database ($XDG_DATA_HOME/fupan/fupan.db) is not made either
run 1 scorecard --week $W
grep -q "no database at $XDG_DATA_HOME/fupan/fupan.db" "$WORK/err" ||
    fail "default path not named"
[ ! -e "$XDG_DATA_HOME/fupan/fupan.db" ] || fail "scorecard created the default db"
run 0 init --db "$NODB"
[ -e "$NODB" ] || fail "init did not create the database"

# ---- lists as csv and json ----
text='逗号, "引号" 和
换行'
run 0 note add --db "$DB" --week $W --path tts-th --cause other --text "$text"
id=$(sed -n 's/^added note \([0-9]*\)$/\1/p' "$WORK/out")
run 0 note list --db "$DB" --week $W --path tts-th --format csv
[ "$(head -1 "$WORK/out")" = "id,week,path,kpi,cause,author,created,text" ] ||
    fail "note csv header: $(head -1 "$WORK/out")"
python3 - "$WORK/out" "$id" "$text" <<'EOF' || fail "note csv rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
mine = [r for r in rows if r["id"] == sys.argv[2]]
assert len(mine) == 1, rows
r = mine[0]
assert r["text"] == sys.argv[3], r
assert r["kpi"] == "" and r["path"] == "tts-th" and r["week"] == "2026-W47", r
assert r["cause"] == "other" and r["created"].startswith("20"), r
assert any(x["kpi"] == "gmv" for x in rows), rows
EOF
run 0 note list --db "$DB" --week $W --format json
python3 - "$WORK/out" "$id" "$text" <<'EOF' || fail "note json"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert all(list(r) == ["id", "week", "path", "kpi", "cause", "author",
                       "created", "text"] for r in rows), rows[0]
mine = [r for r in rows if r["id"] == int(sys.argv[2])]
assert len(mine) == 1 and mine[0]["text"] == sys.argv[3], mine
assert len(rows) >= 5, len(rows)
EOF

run 0 action list --db "$DB" --format csv
[ "$(head -1 "$WORK/out")" = "id,week,path,owner,due,status,text" ] ||
    fail "action csv header: $(head -1 "$WORK/out")"
python3 - "$WORK/out" <<'EOF' || fail "action csv rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == 6, rows
r = [r for r in rows if r["owner"] == "王芳"][0]
assert r["path"] == "tts-th/beauty" and r["status"] == "done", r
assert r["due"] == "2026-W47" and r["week"] == "2026-W46", r
assert r["text"].startswith("联系供应商空运 2,000 瓶"), r
EOF
run 0 action list --db "$DB" --open --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r)==5 and all(x["status"]=="open" for x in r), r' \
    "$WORK/out" || fail "action json"

run 0 override list --db "$DB" --week $W --format csv
[ "$(head -1 "$WORK/out")" = \
  "id,week,path,kpi,original,value,reason,author,created,reverted" ] ||
    fail "override csv header: $(head -1 "$WORK/out")"
python3 - "$WORK/out" <<'EOF' || fail "override csv rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
g = [r for r in rows if r["kpi"] == "gmv"][0]
assert g["path"] == "tts-my" and float(g["value"]) == 49280.91, g
assert float(g["original"]) > 0 and g["reverted"] == "", g
assert g["reason"].startswith("TikTok 数据 T+1 延迟,"), g
EOF
run 0 override list --db "$DB" --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r)>=2 and r[0]["reverted"] is None and r[1]["value"] == 49280.91 and r[0]["value"] == 829, r' \
    "$WORK/out" || fail "override json"
run 2 note list --db "$DB" --week $W --format xml
grep -q "'xml' is not text, csv or json" "$WORK/err" || fail "bad format message"

# ---- refused with exit 3 and a clear line ----
run 3 note add --db "$DB" --week $W --path tts-th --cause other --text ""
one_line_err
grep -q "a note needs text" "$WORK/err" || fail "empty note message"
run 3 note add --db "$DB" --week $W --path tts-th --cause other --text "   "
run 3 note edit "$id" --db "$DB" --text ""
run 3 action add --db "$DB" --week $W --owner 王芳 --due 2026-W48 --text ""
one_line_err
grep -q "action item needs text" "$WORK/err" || fail "empty action message"
run 3 override set --db "$DB" --week 2025-W10 --path tts-my --kpi gmv \
    --value 1 --reason "补录"
one_line_err
grep -q "no data for 2025-W10" "$WORK/err" || fail "week without data message"
printf 'person,name,role,store,category\n新人,新人,host,tts-my,home\n' \
    >"$WORK/people.csv"
run 0 import org "$WORK/people.csv" --db "$DB"
run 3 override set --db "$DB" --week $W --path tts-my/home/新人 --kpi gmv \
    --value 100 --reason "补录"
one_line_err
grep -q "'tts-my/home/新人' has no data for $W" "$WORK/err" ||
    fail "node without data message"
run 0 override list --db "$DB" --week $W --format csv
grep -q "新人" "$WORK/out" && fail "an override was written for a node without data"
# values outside a KPI's sane range (issue 10)
run 3 override set --db "$DB" --week $W --path tts-my --kpi cvr \
    --value 5000% --reason "补录"
one_line_err
grep -q "cvr is a percentage: it lies between -1,000% and 1,000%" \
    "$WORK/err" || fail "percent range message"
run 3 override set --db "$DB" --week $W --path tts-my --kpi gmv \
    --value -5 --reason "补录"
grep -q "gmv cannot be negative" "$WORK/err" || fail "negative money message"
run 3 override set --db "$DB" --week $W --path tts-my/apparel/张伟 \
    --kpi orders --value -1 --reason "补录"
run 0 override set --db "$DB" --week $W --path tts-my --kpi margin \
    --value -12% --reason "清仓亏本"
# a note holds at most 4,000 characters
long=$(python3 -c 'print("长" * 4001)')
run 3 note add --db "$DB" --week $W --path tts-th --cause other --text "$long"
one_line_err
grep -q "at most 4000 characters and this one has 4001" "$WORK/err" ||
    fail "long note message"
run 3 note edit "$id" --db "$DB" --text "$long"
run 0 note add --db "$DB" --week $W --path tts-th --cause other \
    --text "${long#长}"
# the TUI's note editor stops at the same length and says so
"$BIN" --db "$DB" --headless 100x30 --keys "a Enter text:${long}长长" \
    >"$WORK/screen" 2>&1 || fail "headless note editor"
grep -q "At most 4000 characters." "$WORK/screen" ||
    { tail -5 "$WORK/screen" >&2; fail "the TUI editor does not stop at 4,000"; }

# ---- minutes -o x.md writes Markdown ----
run 0 minutes --db "$DB" --week $W -o "$WORK/m.md"
head -1 "$WORK/m.md" | grep -q '^# ' || fail "minutes.md is not Markdown: $(head -1 "$WORK/m.md")"
run 0 minutes --db "$DB" --week $W -o "$WORK/m.txt"
head -1 "$WORK/m.txt" | grep -q '^# ' && fail "minutes.txt is Markdown"
run 0 minutes --db "$DB" --week $W -o "$WORK/plain.md" --format text
cmp -s "$WORK/plain.md" "$WORK/m.txt" || fail "--format text with -o x.md"
exit 0
