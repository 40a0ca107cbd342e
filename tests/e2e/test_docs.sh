#!/bin/sh
# README.md and the man page carry the key table that --dump-keys prints
# (regenerate with `make docs`); --help lists every subcommand.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
cp "$top/README.md" "$WORK/README.md"
mkdir -p "$WORK/docs" "$WORK/scripts"
cp "$top/docs/fupan.1" "$WORK/docs/fupan.1"
cp "$top/scripts/update-docs.sh" "$WORK/scripts/"
sh "$WORK/scripts/update-docs.sh" "$BIN"
diff -u "$top/README.md" "$WORK/README.md" || fail "README key table is stale: run make docs"
diff -u "$top/docs/fupan.1" "$WORK/docs/fupan.1" || fail "man page key table is stale: run make docs"
"$BIN" --dump-keys | grep -q "drill-down" || fail "dump-keys lacks drill-down"
for c in init import scorecard override note action minutes check; do
    "$BIN" --help | grep -q "fupan $c" || fail "--help does not list $c"
done
echo ok
