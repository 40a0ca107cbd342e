#!/bin/sh
# Read errors are errors: garbage written over one page of a copy of the
# sample database, for every page in turn. Each read command must then
# either print exactly what it prints on the clean file or fail (exit
# non-zero with a one-line message): never a different scorecard with
# exit 0.
. "$(dirname "$0")/lib.sh"

make_demo_db
PAGE=4096
pages=$(( $(wc -c <"$DB") / PAGE ))
[ "$pages" -gt 10 ] || fail "sample database has only $pages pages"
[ ! -e "$DB-wal" ] || fail "sample database left a WAL file"

# The same 4096 "random" bytes every run (awk's generator, fixed seed).
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 4096; i++)
                      printf "%c", int(rand() * 256) }' >"$WORK/garbage"
# Half a page: the page header stays valid, its cells are garbage.
head -c 2048 /dev/zero >"$WORK/zeros"

# The commands, one per line: each prints a scorecard or the minutes.
cat >"$WORK/commands" <<'EOF'
scorecard --week 2026-W47
scorecard --week 2026-W47 --path tts-my --format csv
scorecard --week 2026-W47 --person 张伟 --format csv
minutes --week 2026-W47
EOF

run_all() { # run_all DB OUTDIR: runs every command, keeping out, err, rc
    mkdir -p "$2"
    n=0
    while read -r cmd; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        rc=0
        "$BIN" $cmd --db "$1" >"$2/$n.out" 2>"$2/$n.err" </dev/null || rc=$?
        echo "$rc" >"$2/$n.rc"
    done <"$WORK/commands"
}

run_all "$DB" "$WORK/clean"
for f in "$WORK"/clean/*.rc; do
    [ "$(cat "$f")" = 0 ] || fail "clean run failed: $(cat "${f%.rc}.err")"
done

bad=0
checked=0
for kind in garbage; do
    p=2  # page 1 holds the file header: a bad one is refused at open
    while [ "$p" -le "$pages" ]; do
        cp "$DB" "$WORK/c.db"
        off=$(( (p - 1) * PAGE ))
        [ "$kind" = zeros ] && off=$(( off + 2048 ))
        dd if="$WORK/$kind" of="$WORK/c.db" bs=1 seek="$off" conv=notrunc \
            2>/dev/null
        rm -rf "$WORK/run"
        run_all "$WORK/c.db" "$WORK/run"
        for f in "$WORK"/run/*.rc; do
            n=$(basename "$f" .rc)
            checked=$((checked + 1))
            rc=$(cat "$f")
            if [ "$rc" = 0 ]; then
                if ! cmp -s "$WORK/run/$n.out" "$WORK/clean/$n.out"; then
                    echo "page $p ($kind): command $n: different output, exit 0" >&2
                    bad=$((bad + 1))
                fi
            elif [ "$(wc -l <"$WORK/run/$n.err")" -ne 1 ] ||
                 ! grep -q '^fupan: ' "$WORK/run/$n.err"; then
                echo "page $p ($kind): command $n: exit $rc without a one-line message:" >&2
                cat "$WORK/run/$n.err" >&2
                bad=$((bad + 1))
            fi
        done
        rm -f "$WORK/c.db" "$WORK/c.db-wal" "$WORK/c.db-shm"
        p=$((p + 1))
    done
done
[ "$bad" -eq 0 ] || fail "$bad of $checked runs read damaged data silently"
echo "ok: $checked runs"
