#!/bin/sh
# fupan benchmarks on the 3,328,000-fact database (not part of `make test`).
# Usage: sh bench/run.sh BUILDDIR    (what `make bench` runs)
# Needs BUILDDIR/bench/{gen_big,rollup,peakrss}, BUILDDIR/fupan, sqlite3;
# relinks bench/tui_frames.c with -Wl,--wrap=fp_keysrc_next for per-key times.
# Env: SAMPLES (default 20) weeks or runs per figure; BIG_DB to use
# another file (default BUILDDIR/bench/big.db, generated when missing);
# IMPORT_RUNS (default 3) runs of each import figure; QUICK=1 (what
# `make bench-quick` sets) runs only the import figures, on a 10 % file;
# IMPORT_10X=1 also imports a file of 10x the rows (1.4 GB, for peak RSS);
# IMPORT_ONLY=1 stops after the import figures; READ_ONLY=1 skips them
# and stops after the roll-up figures (fupan's `g` jump against sqlite3's
# 12-week GROUP BY, alternating, READ_RUNS times, default 3); ROLLUP=FILE
# times another build of bench/rollup.c there (a before/after);
# ROLLUP_CPU=1 compares CPU time (user + sys) of both, not wall time.
set -eu

B=${1:-build}
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKGS=${PKGS:-$(sed -n 's/^PKGS *:= *//p' "$ROOT/Makefile")}
DB=${BIG_DB:-$B/bench/big.db}
N=${SAMPLES:-20}
FUPAN=$B/fupan
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
# A user's own config or keymap must not change what is measured.
export XDG_CONFIG_HOME="$TMP/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME"

# stats LABEL < numbers (ms): median, p99 (nearest rank), max
stats() {
    sort -n | awk -v label="$1" '
        { v[NR] = $1 }
        END {
            if (NR == 0) { printf "%-30s (no samples)\n", label; exit }
            p = int(0.99 * NR); if (p < 0.99 * NR) p++
            printf "%-30s median %8.2f ms   p99 %8.2f ms   max %8.2f ms   n=%d\n",
                   label, v[int((NR + 1) / 2)], v[p], v[NR], NR
        }'
}

echo "== machine"
echo "cpus: $(nproc)  cpu: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1)  kernel: $(uname -r)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (figures are only comparable on an idle machine)"

if [ ! -f "$DB" ]; then
    echo "== generating $DB"
    "$B/bench/gen_big" "$DB"
fi
echo "database: $DB ($(du -mL "$DB" | cut -f1) MB)"

# ---- import (issue 11): fupan against sqlite3's own .import, alternating

# The long CSV of every fact of the big database, in (week, node, kpi)
# order as an export would come: week,store,category,person,kpi,value.
CSV=$B/bench/big.csv
export_csv() {
    sqlite3 -csv -header "$DB" "SELECT printf('%d-W%02d', f.week / 100,
        f.week % 100) AS week, s.code AS store, c.code AS category,
        p.code AS person, k.code AS kpi, f.value AS value
        FROM facts f JOIN nodes n ON n.id = f.node_id
        JOIN stores s ON s.id = n.store_id
        JOIN categories c ON c.id = n.category_id
        JOIN people p ON p.id = n.person_id JOIN kpis k ON k.id = f.kpi_id
        ORDER BY f.week, f.node_id, f.kpi_id" > "$1"
}
if [ ! -f "$CSV" ] && [ "${READ_ONLY:-0}" != 1 ]; then
    echo "== exporting $CSV"
    export_csv "$CSV"
fi

# run1 CMD...: one run with bench/peakrss; prints "ms kB", fails loudly
run1() {
    out=$("$B/bench/peakrss" "$@") || {
        echo "failed (exit $?): $*" >&2
        return 1
    }
    echo "$out" | cut -d' ' -f1,2
}

# import_bench FILE WEEKFILE: first import, re-import, one more week,
# each against sqlite3 .import of the same rows, IMPORT_RUNS times.
import_bench() {
    file=$1 week=$2 runs=${IMPORT_RUNS:-3}
    : > "$TMP/imp"
    i=0
    while [ "$i" -lt "$runs" ]; do
        rm -f "$TMP/f.db" "$TMP/f.db-wal" "$TMP/f.db-shm" "$TMP/s.db"
        echo "fupan_first $(run1 "$FUPAN" import actuals "$file" --db "$TMP/f.db")" >> "$TMP/imp"
        echo "sqlite3_first $(run1 sqlite3 "$TMP/s.db" ".import --csv $file facts")" >> "$TMP/imp"
        cp "$TMP/f.db" "$TMP/f0.db"
        cp "$TMP/s.db" "$TMP/s0.db"
        echo "fupan_again $(run1 "$FUPAN" import actuals "$file" --db "$TMP/f.db")" >> "$TMP/imp"
        echo "fupan_week $(run1 "$FUPAN" import actuals "$week" --db "$TMP/f0.db")" >> "$TMP/imp"
        echo "sqlite3_week $(run1 sqlite3 "$TMP/s0.db" ".import --csv --skip 1 $week facts")" >> "$TMP/imp"
        rm -f "$TMP"/f0.db* "$TMP"/s0.db
        i=$((i + 1))
    done
    facts=$(sqlite3 "$TMP/f.db" "SELECT count(*) || ' facts, total ' || total(value) FROM facts")
    echo "check: fupan's database after the re-import: $facts"
    awk '
        { ms[$1] = ms[$1] " " $2; if ($3 > rss[$1]) rss[$1] = $3 }
        function med(list,   n, a, i, j, t) {
            n = split(list, a, " ")
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
                if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
            return a[int((n + 1) / 2)]
        }
        END {
            f = med(ms["fupan_first"]); s = med(ms["sqlite3_first"])
            a = med(ms["fupan_again"]); fw = med(ms["fupan_week"])
            sw = med(ms["sqlite3_week"])
            printf "%-44s %9.0f ms  peak RSS %6.1f MB\n", "fupan import, fresh database", f, rss["fupan_first"] / 1024
            printf "%-44s %9.0f ms  peak RSS %6.1f MB\n", "sqlite3 .import --csv, plain table", s, rss["sqlite3_first"] / 1024
            printf "%-44s %9.2f   (goal <= 1.0)\n", "ratio fupan / sqlite3", f / s
            printf "%-44s %9.0f ms  peak RSS %6.1f MB\n", "fupan import of the same file again", a, rss["fupan_again"] / 1024
            printf "%-44s %9.2f   (goal <= 1.2)\n", "ratio again / first", a / f
            printf "%-44s %9.0f ms  peak RSS %6.1f MB\n", "fupan: one more week into the big database", fw, rss["fupan_week"] / 1024
            printf "%-44s %9.0f ms\n", "sqlite3: the same rows into its big table", sw
            printf "%-44s %9.2f   (goal <= 1.0)\n", "ratio fupan / sqlite3, one week", fw / sw
        }' "$TMP/imp"
}

# the week after the newest, from the newest week's rows
next_week_csv() {
    last=$(sed -n '$s/^\([0-9]*-W[0-9]*\),.*/\1/p' "$1")
    y=${last%-W*} w=${last#*-W}
    nw=$(printf '%s-W%02d' "$y" $((${w#0} + 1)))
    { head -1 "$1"; grep "^$last," "$1" | sed "s/^$last,/$nw,/"; } > "$2"
}

echo
if [ "${QUICK:-0}" = 1 ]; then
    rows=$(($(wc -l < "$CSV") / 10))
    head -n "$((rows + 1))" "$CSV" > "$TMP/quick.csv"
    next_week_csv "$TMP/quick.csv" "$TMP/week.csv"
    echo "== import, a 10 % file ($rows facts, $(du -m "$TMP/quick.csv" | cut -f1) MB), median of ${IMPORT_RUNS:-3} runs"
    import_bench "$TMP/quick.csv" "$TMP/week.csv"
    exit 0
fi
if [ "${READ_ONLY:-0}" = 1 ]; then
    :
else
next_week_csv "$CSV" "$TMP/week.csv"
echo "== import, $(($(wc -l < "$CSV") - 1)) facts ($(du -mL "$CSV" | cut -f1) MB CSV), one more week: $(($(wc -l < "$TMP/week.csv") - 1)) facts; median of ${IMPORT_RUNS:-3} runs, peers alternating"
import_bench "$CSV" "$TMP/week.csv"
if [ "${IMPORT_10X:-0}" = 1 ]; then
    # ten copies, each two years earlier: 10x the rows, the same shape
    awk -F, -v OFS=, 'NR == FNR && FNR == 1 { print; next } FNR == 1 { next }
        { split($1, p, "-W"); $1 = (p[1] - 2 * k) "-W" p[2]; print }' k=9 "$CSV" k=8 "$CSV" k=7 "$CSV" k=6 "$CSV" k=5 "$CSV" \
        k=4 "$CSV" k=3 "$CSV" k=2 "$CSV" k=1 "$CSV" k=0 "$CSV" > "$TMP/x10.csv"
    rm -f "$TMP/x.db"
    echo "fupan import of 10x the rows ($(du -m "$TMP/x10.csv" | cut -f1) MB): $(run1 "$FUPAN" import actuals "$TMP/x10.csv" --db "$TMP/x.db" | awk '{ printf "%.0f ms, peak RSS %.1f MB", $1, $2 / 1024 }')"
    rm -f "$TMP"/x10.csv "$TMP"/x.db*
fi
fi
[ "${IMPORT_ONLY:-0}" = 1 ] && exit 0

echo
echo "== roll-up (fupan, in process; bench/rollup.c)"
"$B/bench/rollup" "$DB" "$N" | tee "$TMP/rollup.out"

# The same weeks as rollup's "week" figure: newest-first index 13*(i%7)+i/7.
sqlite3 "$DB" "SELECT DISTINCT week FROM fx_rates ORDER BY week DESC" \
    > "$TMP/weeks"
pick_weeks() {
    awk -v n="$N" '{ w[NR - 1] = $1 }
        END { for (i = 0; i < n; i++) { j = 13 * (i % 7) + int(i / 7)
              if (j + 11 < NR) print w[j], w[j + 11] } }' "$TMP/weeks"
}

# sqlite_timed NAME SQL: runs SQL (parameters @w, @lo) once per picked
# week in one sqlite3 process with .timer on, prints the statistics.
sqlite_timed() {
    {
        echo ".timer on"
        pick_weeks | while read -r w lo; do
            echo ".parameter set @w $w"
            echo ".parameter set @lo $lo"
            echo "$2"
        done
    } | sqlite3 "$DB" > "$TMP/sql.out"
    # "Run Time: real R user U sys S" (seconds); ROLLUP_CPU=1: user + sys
    awk -v cpu="${ROLLUP_CPU:-}" '$1 == "Run" && $2 == "Time:" {
        print (cpu != "" ? $6 + $8 : $4) * 1000 }' "$TMP/sql.out" | stats "$1"
}

echo
echo "== the equivalent SQL with the sqlite3 command line, same file, same weeks"
J="FROM facts f JOIN nodes n ON n.id = f.node_id"
sqlite_timed "sqlite3 week by store, kpi" \
    "SELECT count(*), sum(s) FROM (SELECT n.store_id, f.kpi_id, sum(f.value) s $J WHERE f.week = @w GROUP BY n.store_id, f.kpi_id);"
sqlite_timed "sqlite3 week by category, kpi" \
    "SELECT count(*), sum(s) FROM (SELECT n.parent_id, f.kpi_id, sum(f.value) s $J WHERE f.week = @w GROUP BY n.parent_id, f.kpi_id);"
SQL12="SELECT count(*), sum(s) FROM (SELECT f.week, n.store_id, f.kpi_id, sum(f.value) s $J WHERE f.week BETWEEN @lo AND @w GROUP BY f.week, n.store_id, f.kpi_id);"
sqlite_timed "sqlite3 12 weeks by store, kpi" "$SQL12"

# read_ratio: fupan's `g` jump (12 cold weeks) against sqlite3's 12-week
# GROUP BY of the same weeks, one right after the other, READ_RUNS times;
# each run's ratio of the medians, and the median of those ratios.
read_ratio() {
    : > "$TMP/ratio"
    i=0
    while [ "$i" -lt "${READ_RUNS:-3}" ]; do
        "${ROLLUP:-$B/bench/rollup}" "$DB" "$N" > "$TMP/r.out"
        sql=$(sqlite_timed sql12 "$SQL12" | awk '{ print $3 }')
        awk -v sql="$sql" -v run=$((i + 1)) '
            $1 == "week" { wm = $3; wp = $6 } $1 == "jump" { jm = $3 }
            END { printf "run %d: cold week median %.2f ms, p99 %.2f ms; g jump median %.2f ms; sqlite3 12 weeks median %.2f ms; ratio %.3f\n",
                         run, wm, wp, jm, sql, jm / sql
                  printf "%f\n", jm / sql > "/dev/stderr" }' "$TMP/r.out" 2>> "$TMP/ratio"
        i=$((i + 1))
    done
    sort -n "$TMP/ratio" | awk '{ r[NR] = $1 } END {
        printf "g jump / sqlite3 12-week GROUP BY, median of %d runs: %.3f (goal <= 0.25)\n", NR, r[int((NR + 1) / 2)] }'
}

echo
echo "== cold reads against sqlite3, alternating (${READ_RUNS:-3} runs)"
read_ratio
[ "${READ_ONLY:-0}" = 1 ] && exit 0

# proc_timed LABEL CMD...: N runs of a whole process; wall ms and peak RSS.
proc_timed() {
    label=$1; shift
    : > "$TMP/runs"
    i=0
    while [ "$i" -lt "$N" ]; do
        "$B/bench/peakrss" "$@" >> "$TMP/runs" || {
            echo "$label: failed (exit $(tail -1 "$TMP/runs" | cut -d' ' -f3))"
            return 0
        }
        i=$((i + 1))
    done
    cut -d' ' -f1 "$TMP/runs" | stats "$label"
    rss=$(cut -d' ' -f2 "$TMP/runs" | sort -n | tail -1)
    echo "$label: peak RSS $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MB"
}

# repeat WORD COUNT: WORD COUNT times, space-separated
repeat() {
    i=0; out=""
    while [ "$i" -lt "$2" ]; do out="$out $1"; i=$((i + 1)); done
    echo "$out"
}

# tui_frames built again with the key-reading wrapper (see tui_frames.c),
# against the libraries the Makefile links (PKGS, from the environment
# or read from the Makefile).
build_frames() {
    ( cd "$ROOT" &&
      cc -std=c11 -O2 -D_DEFAULT_SOURCE -I. \
         $(pkg-config --cflags ncursesw) -o "$B/bench/tui_frames_wrap" \
         bench/tui_frames.c "$B/libfupan.a" \
         $(pkg-config --libs $PKGS) \
         -lcsv -liniparser -lm -Wl,--wrap=fp_keysrc_next )
}

# frames LABEL SCRIPT REPEAT: per-key times of one headless run
frames() {
    echo "-- $1"
    "$B/bench/tui_frames_wrap" "$DB" 100x30 "$2" "$3" | sed 's/^/   /'
}

echo
echo "== TUI, headless 100x30"
if [ -x "$FUPAN" ] &&
   "$FUPAN" --db "$DB" --headless 100x30 --keys "" > /dev/null 2>&1; then
    proc_timed "fupan process, first frame" "$FUPAN" --db "$DB" --headless 100x30 --keys ""
    if build_frames; then
        frames "drill and back" "Enter Enter Left Left Down" 10
        frames "week change: 20 weeks back, each new, then forward again" \
            "$(repeat "[" 20) $(repeat "]" 20)" 1
        frames "next red" "n" 30
        frames "people view and help" "p p ? ?" 5
    else
        echo "skipped per-key times: cannot link bench/tui_frames.c with --wrap"
    fi
else
    echo "skipped: $FUPAN has no working --headless mode yet"
fi

echo
echo "== minutes of the newest week (whole process)"
LATEST=$(head -1 "$TMP/weeks")
LATEST_W=$(echo "$LATEST" | sed 's/^\(....\)\(..\)$/\1-W\2/')
if [ -x "$FUPAN" ] &&
   "$FUPAN" minutes --db "$DB" --week "$LATEST_W" > /dev/null 2>&1; then
    proc_timed "minutes $LATEST_W text" "$FUPAN" minutes --db "$DB" --week "$LATEST_W"
    proc_timed "minutes $LATEST_W md" "$FUPAN" minutes --db "$DB" --week "$LATEST_W" --format md
else
    echo "skipped: 'fupan minutes' does not work yet"
fi
