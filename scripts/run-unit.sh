#!/bin/sh
# run-unit.sh UNIT_TESTS_BINARY: runs the Criterion suite and fails when
# a sanitizer spoke, since ASan leak reports and UBSan messages in child
# processes do not fail a Criterion test by themselves.
bin=$1
log=$(mktemp)
"$bin" --color=never -j2 2>&1 | tee "$log"
rc=$(grep -c "Synthesis: .*Failing: 0 | Crashing: 0" "$log")
if grep -q "LeakSanitizer\|AddressSanitizer\|runtime error:" "$log"; then
    echo "run-unit: sanitizer reports found (see above)" >&2
    rc=0
fi
rm -f "$log"
[ "$rc" -ge 1 ]
