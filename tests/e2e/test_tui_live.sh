#!/bin/sh
# Two fupan processes on one database: a presenter screen (--read-only)
# refreshes within a second or two when another process overrides a value;
# write actions are refused there with a message.
. "$(dirname "$0")/lib.sh"

make_demo_db
start_tui 100 30 --db "$DB" --today 2026-11-25 --read-only
wait_for "READ-ONLY"
wait_for "PHP 251,097"

text 'a'
wait_for "Read-only: annotate is not allowed"

"$BIN" override set --db "$DB" --week 2026-W47 --path shopee-ph --kpi gmv \
    --value 999999 --reason "T+1 late sync" >/dev/null \
    || fail "override set"
wait_for "PHP 999,999" 4
wait_for "reloaded"

keys q
wait_for "EXIT=0"
check_valgrind
