#!/bin/sh
# fupan check: integrity, foreign keys and schema version, read without
# changing the file; exit 1 with what is wrong. The TUI checks a file
# that changed at start and warns on the status line.
. "$(dirname "$0")/lib.sh"

make_demo_db
"$BIN" check --db "$DB" >"$WORK/out" || fail "a sound file failed: $(cat "$WORK/out")"
grep -q "ok (integrity, foreign keys, trend sums, schema version" "$WORK/out" \
    || fail "no ok line: $(cat "$WORK/out")"
"$BIN" --headless 120x30 --db "$DB" --keys '' >"$WORK/screen"
grep -q "damaged" "$WORK/screen" && fail "a sound file was called damaged"

# The cells of the last index leaf page zeroed (its first byte is 10;
# zeros in a table leaf may fall inside a long value, the trend sums of
# a week, and nothing is wrong with the b-tree then): the rows still
# read, but the b-tree is wrong. check says so and exits 1; the file is
# not changed.
pages=$(( $(wc -c <"$DB") / 4096 ))
while [ "$pages" -gt 1 ] &&
      [ "$(od -An -tu1 -j $(( (pages - 1) * 4096 )) -N1 "$DB" |
           tr -d ' ')" != 10 ]; do
    pages=$((pages - 1))
done
head -c 2048 /dev/zero | dd of="$DB" bs=1 seek=$(( pages * 4096 - 2048 )) \
    conv=notrunc 2>/dev/null
cp "$DB" "$WORK/before.db"
rc=0
"$BIN" check --db "$DB" >"$WORK/out" 2>"$WORK/err" || rc=$?
[ "$rc" -eq 1 ] || fail "damaged file: exit $rc"
grep -q "^integrity_check: .*page $pages" "$WORK/out" \
    || fail "the damaged page is not named: $(cat "$WORK/out")"
grep -q "^fupan: check: .*problems\? found$" "$WORK/err" \
    || fail "no summary line: $(cat "$WORK/err")"
cmp -s "$DB" "$WORK/before.db" || fail "check changed the file"
rc=0
"$BIN" check --quick --db "$DB" >"$WORK/out" 2>/dev/null || rc=$?
[ "$rc" -eq 1 ] || fail "quick check of a damaged file: exit $rc"
grep -q "^quick_check: " "$WORK/out" || fail "quick: $(cat "$WORK/out")"

# the TUI still opens it, and warns at once
"$BIN" --headless 160x30 --db "$DB" --keys '' >"$WORK/screen" \
    || fail "the TUI did not start"
grep -q "The database file is damaged: run .fupan check." "$WORK/screen" \
    || fail "no warning: $(tail -3 "$WORK/screen")"

# a file that is not there is not created
rc=0
"$BIN" check --db "$WORK/none.db" 2>"$WORK/err" || rc=$?
[ "$rc" -eq 1 ] || fail "missing file: exit $rc"
[ ! -e "$WORK/none.db" ] || fail "check created the file"
grep -q "cannot open database" "$WORK/err" || fail "$(cat "$WORK/err")"
"$BIN" check --help | grep -q "usage: fupan check" || fail "check --help"
echo ok
