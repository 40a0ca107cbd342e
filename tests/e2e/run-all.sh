#!/bin/sh
# Runs every tests/e2e/test_*.sh with the fupan binary as $1.
# Prints one line per script and a closing "N passed, N failed" line.
# FUPAN_VALGRIND=1 runs the binary under valgrind (see lib.sh).
bin=${1:?usage: run-all.sh /path/to/fupan}
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
for t in "$here"/test_*.sh; do
    [ -e "$t" ] || continue
    name=$(basename "$t" .sh)
    log=$(mktemp)
    if sh "$t" "$bin" >"$log" 2>&1; then
        pass=$((pass + 1))
        echo "PASS $name"
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        sed 's/^/    /' "$log"
    fi
    rm -f "$log"
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
