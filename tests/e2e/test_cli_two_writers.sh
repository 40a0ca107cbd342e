# Two fupan processes add 100 notes each to one database at the same time
# (a presenter and a note-taker): all 200 are kept and no "database is
# locked" ever reaches the user.
. "$(dirname "$0")/lib.sh"
make_demo_db

writer() {
    i=0
    while [ $i -lt 100 ]; do
        "$BIN" note add --db "$DB" --week 2026-W47 --path tts-my/apparel \
            --kpi gmv --cause other --text "写入者 $1 第 $i 条" --author "w$1" \
            >/dev/null 2>>"$WORK/err.$1" || echo "$1 $i" >>"$WORK/failed"
        i=$((i + 1))
    done
}

writer A &
pid_a=$!
writer B &
pid_b=$!
wait $pid_a
wait $pid_b

if [ -s "$WORK/failed" ]; then
    cat "$WORK"/err.* >&2
    fail "some 'note add' failed: $(wc -l <"$WORK/failed") of 200"
fi
if grep -qi "locked\|busy" "$WORK"/err.* 2>/dev/null; then
    cat "$WORK"/err.* >&2
    fail "'database is locked' reached the user"
fi

"$BIN" note list --db "$DB" --week 2026-W47 --path tts-my/apparel \
    >"$WORK/list" || fail "note list failed"
for w in A B; do
    n=$(grep -c "写入者 $w 第" "$WORK/list" || true)
    [ "$n" -eq 100 ] || fail "writer $w: expected 100 notes, found $n"
    distinct=$(grep -o "写入者 $w 第 [0-9]* 条" "$WORK/list" | sort -u | wc -l)
    [ "$distinct" -eq 100 ] || fail "writer $w: $distinct distinct notes"
done
echo "200 notes kept"
