# `make run` makes build/demo.db the first time only: a rebuilt binary
# keeps the notes typed there; `make demo-reset` makes it afresh. Checked
# with `make -n` on a build folder of our own (nothing is compiled).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
B=$WORK/build
mkdir -p "$B"
dry() { make --no-print-directory -C "$top" -n BUILD="$B" "$@" 2>&1; }

# no demo database yet: it is made
dry "$B/demo.db" >"$WORK/out" || { cat "$WORK/out" >&2; fail "make -n"; }
grep -q "init --sample --db $B/demo.db" "$WORK/out" ||
    { cat "$WORK/out" >&2; fail "demo.db is not made the first time"; }

# it exists and the binary is newer: it is kept
cp "$BIN" "$B/fupan"
: >"$B/demo.db"
touch -d '2020-01-01' "$B/demo.db"
dry "$B/demo.db" >"$WORK/out" || { cat "$WORK/out" >&2; fail "make -n"; }
grep -q "init --sample\|rm -f $B/demo.db" "$WORK/out" &&
    { cat "$WORK/out" >&2; fail "a rebuilt binary would delete demo.db"; }

# make demo-reset makes it again
dry demo-reset >"$WORK/out" || { cat "$WORK/out" >&2; fail "make -n"; }
grep -q "rm -f $B/demo.db" "$WORK/out" && grep -q "init --sample" "$WORK/out" ||
    { cat "$WORK/out" >&2; fail "demo-reset does not recreate demo.db"; }
grep -q "the first time" "$top/README.md" || fail "README does not say 'the first time'"
grep -q "make demo-reset" "$top/README.md" || fail "README does not name make demo-reset"
exit 0
