#!/bin/sh
# fupan benchmarks on the 3,328,000-fact database (not part of `make test`).
# Usage: sh bench/run.sh BUILDDIR    (what `make bench` runs)
# Needs BUILDDIR/bench/{gen_big,rollup,peakrss}, BUILDDIR/fupan, sqlite3;
# relinks bench/tui_frames.c with -Wl,--wrap=fp_keysrc_next for per-key times.
# Env: SAMPLES (default 20) weeks or runs per figure; BIG_DB to use
# another file (default BUILDDIR/bench/big.db, generated when missing).
set -eu

B=${1:-build}
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
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
echo "database: $DB ($(du -m "$DB" | cut -f1) MB)"

echo
echo "== roll-up (fupan, in process; bench/rollup.c)"
"$B/bench/rollup" "$DB" "$N"

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
    sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' "$TMP/sql.out" |
        awk '{ print $1 * 1000 }' | stats "$1"
}

echo
echo "== the equivalent SQL with the sqlite3 command line, same file, same weeks"
J="FROM facts f JOIN nodes n ON n.id = f.node_id"
sqlite_timed "sqlite3 week by store, kpi" \
    "SELECT count(*), sum(s) FROM (SELECT n.store_id, f.kpi_id, sum(f.value) s $J WHERE f.week = @w GROUP BY n.store_id, f.kpi_id);"
sqlite_timed "sqlite3 week by category, kpi" \
    "SELECT count(*), sum(s) FROM (SELECT n.parent_id, f.kpi_id, sum(f.value) s $J WHERE f.week = @w GROUP BY n.parent_id, f.kpi_id);"
sqlite_timed "sqlite3 12 weeks by store, kpi" \
    "SELECT count(*), sum(s) FROM (SELECT f.week, n.store_id, f.kpi_id, sum(f.value) s $J WHERE f.week BETWEEN @lo AND @w GROUP BY f.week, n.store_id, f.kpi_id);"

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

# tui_frames built again with the key-reading wrapper (see tui_frames.c).
build_frames() {
    ( cd "$ROOT" &&
      cc -std=c11 -O2 -D_DEFAULT_SOURCE -I. \
         $(pkg-config --cflags ncursesw) -o "$B/bench/tui_frames_wrap" \
         bench/tui_frames.c "$B/libfupan.a" \
         $(pkg-config --libs ncursesw panelw menuw formw sqlite3) \
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
