#!/bin/sh
# fupan meeting attendees: people of the org file by id or name, and
# anyone else (the lead, guests) by name as typed; the minutes list them.
. "$(dirname "$0")/lib.sh"
make_demo_db
W=2026-W48

"$BIN" meeting attendees --week $W --db "$DB" 李娜 "陈总，Tom" >"$WORK/out" \
    || fail "attendees with guests refused"
grep -qx "attendees: 李娜, 陈总, Tom" "$WORK/out" || fail "list: $(cat "$WORK/out")"
"$BIN" meeting attendees --week $W --db "$DB" 陈总 张伟 >"$WORK/out"
grep -qx "attendees: 李娜, 陈总, Tom, 张伟" "$WORK/out" \
    || fail "adding again repeats or loses names: $(cat "$WORK/out")"
"$BIN" meeting show --week $W --db "$DB" >"$WORK/out"
grep -q "attendees: 李娜, 陈总, Tom, 张伟" "$WORK/out" || fail "show: $(cat "$WORK/out")"
"$BIN" meeting attendees --set --week $W --db "$DB" 王总 >"$WORK/out"
grep -qx "attendees: 王总" "$WORK/out" || fail "--set: $(cat "$WORK/out")"
# W47 has data and the sample's meeting: the guest joins its list
"$BIN" meeting attendees --week 2026-W47 --db "$DB" 王总 >"$WORK/out"
grep -q "^attendees: 陈静, .*, 王总$" "$WORK/out" || fail "W47: $(cat "$WORK/out")"
"$BIN" minutes --week 2026-W47 --db "$DB" | grep -q "^Attendees: 陈静, .*, 王总$" \
    || fail "the minutes do not list the guest"

set +e
"$BIN" meeting attendees --week $W --db "$DB" " , " 2>/dev/null; rc=$?
[ $rc -eq 3 ] || fail "blank names: exit $rc, expected 3"
"$BIN" meeting attendees --week $W --db "$DB" 2>/dev/null; rc=$?
[ $rc -eq 2 ] || fail "no names: exit $rc, expected 2"
"$BIN" meeting attendees --week W99 --db "$DB" x 2>/dev/null; rc=$?
[ $rc -eq 3 ] || fail "bad week: exit $rc, expected 3"
set -e
echo ok
