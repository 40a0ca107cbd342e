#!/bin/sh
# A CLI write while another fupan imports: it waits up to --wait SECONDS
# (default 10), then exits 1 saying who holds the lock; it never hangs
# for long and reads keep working meanwhile. A writer that waits long
# enough gets through once the lock is released.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 0; }
holder=
stop_holder() { [ -z "$holder" ] || kill "$holder" 2>/dev/null || true; cleanup; }
trap stop_holder EXIT

wait_file() {
    i=0
    while [ ! -s "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$1" ] || fail "no $1"
}
hold() { # hold [--importer]: takes the lock; $importer is its pid
    rm -f "$WORK/ready" "$WORK/release"
    python3 "$(dirname "$0")/hold_lock.py" "$@" "$DB" "$WORK/ready" \
        "$WORK/release" &
    holder=$!
    wait_file "$WORK/ready"
    importer=$(cat "$WORK/ready")
}
release() { touch "$WORK/release"; wait "$holder"; }
add_note() { # add_note TEXT ARGS...: exit code in $rc, seconds in $took
    t=$1; shift
    start=$(date +%s)
    "$BIN" note add --db "$DB" --week 2026-W47 --path tts-my/apparel \
        --cause other --text "$t" "$@" >"$WORK/out" 2>"$WORK/err" \
        && rc=0 || rc=$?
    took=$(( $(date +%s) - start ))
}

make_demo_db
hold --importer
add_note "等两秒" --wait 2
[ "$rc" -eq 1 ] || fail "exit $rc (expected 1): $(cat "$WORK/err")"
[ "$took" -ge 1 ] && [ "$took" -le 6 ] || fail "gave up after $took s"
grep -q "busy: another fupan is importing (pid $importer)" "$WORK/err" \
    || fail "unexpected message: $(cat "$WORK/err")"

# the same through the environment, and = form
FUPAN_WAIT=1 add_note "环境变量"
[ "$rc" -eq 1 ] && [ "$took" -le 4 ] || fail "FUPAN_WAIT=1: exit $rc after $took s"
add_note "等号" --wait=0.5
[ "$rc" -eq 1 ] && [ "$took" -le 3 ] || fail "--wait=0.5: exit $rc after $took s"

# reads are not held up by the lock
"$BIN" scorecard --db "$DB" --week 2026-W47 >"$WORK/card" \
    || fail "scorecard failed during the lock"
grep -q "GMV" "$WORK/card" || fail "no scorecard during the lock"
release

# a lock held by something else: no pid to name, still a clear message
hold
add_note "无名" --wait 1
[ "$rc" -eq 1 ] || fail "exit $rc (expected 1)"
grep -q "busy: another program is writing" "$WORK/err" \
    || fail "unexpected message: $(cat "$WORK/err")"

# waiting long enough gets through when the lock frees
( sleep 1; touch "$WORK/release" ) &
add_note "等到了" --wait 8
wait "$holder"
[ "$rc" -eq 0 ] || fail "the waiting writer failed: $(cat "$WORK/err")"
"$BIN" note list --db "$DB" --week 2026-W47 | grep -q "等到了" \
    || fail "the note is not in the database"
"$BIN" note list --db "$DB" --week 2026-W47 | grep -q "等两秒" \
    && fail "a refused note was written after all"

# a bad value is a usage error
"$BIN" note list --db "$DB" --week 2026-W47 --wait soon 2>"$WORK/err" \
    && rc=0 || rc=$?
[ "$rc" -eq 2 ] || fail "--wait soon: exit $rc (expected 2)"
grep -q -- "--wait: 'soon'" "$WORK/err" || fail "no message for --wait soon"
echo "waits, then says who holds the lock"
