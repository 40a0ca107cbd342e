#!/bin/sh
# The manual and README say what the program does: every subcommand and
# verb the help texts name, every config key, EXAMPLES, the import
# formats and the catalogue format; the manual fits 80 columns.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
man=$top/docs/fupan.1
command -v man > /dev/null 2>&1 || { echo "skipped: no man"; exit 0; }
MANWIDTH=80 MANPAGER=cat man -l "$man" 2> "$WORK/warnings" > "$WORK/man.txt"
[ ! -s "$WORK/warnings" ] || { cat "$WORK/warnings"; fail "man reports problems"; }
width=$(wc -L < "$WORK/man.txt")
[ "$width" -le 80 ] || { awk 'length > 80' "$WORK/man.txt"; fail "manual is $width columns wide"; }
for s in SYNOPSIS OPTIONS COMMANDS "IMPORT FILE FORMATS" CONFIGURATION \
         "KPI CATALOGUE" KEYS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES; do
    grep -qx "$s" "$WORK/man.txt" || fail "manual has no $s section"
done
# every verb of every subcommand, in the manual, README and top --help
"$BIN" --help > "$WORK/help"
for c in $(awk '$1 == "fupan" && $2 ~ /^[a-z]+$/ { print $2 }' "$WORK/help"); do
    grep -q "fupan $c" "$WORK/man.txt" || fail "manual lacks fupan $c"
    grep -q "^fupan $c" "$top/README.md" || fail "README lacks fupan $c"
    for v in $("$BIN" "$c" --help | awk -v c="$c" '{ for (i = 1; i < NF; i++)
            if ($i == "fupan" && $(i + 1) == c && $(i + 2) ~ /^[a-z]+$/) print $(i + 2) }'); do
        grep -q "fupan $c.*\b$v\b" "$WORK/help" || fail "fupan --help lacks $c $v"
        grep -q "fupan $c.*\b$v\b" "$WORK/man.txt" || fail "manual SYNOPSIS lacks $c $v"
        grep -qE "^fupan $c( .*)?\b$v\b" "$top/README.md" || fail "README lacks $c $v"
    done
done
# every option of the browser
for o in $(awk '/^$/ { exit } { print }' "$WORK/help" | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "$o" "$WORK/man.txt" || fail "manual lacks $o"
done
# every key of the example config
for k in $(grep -oE '^;? *[a-z_]+ *=' "$top/sample-data/config.example.ini" | tr -d ' ;='); do
    grep -qE "\[[a-z]+\] $k\b" "$WORK/man.txt" || fail "manual CONFIGURATION lacks $k"
done
# every import kind and the catalogue's section kinds
for k in actuals targets org fx; do
    sed -n '/^IMPORT FILE FORMATS/,/^CONFIGURATION/p' "$WORK/man.txt" | grep -q "^       $k" ||
        fail "manual lacks the $k format"
done
for s in kpi role level conflict cause; do
    sed -n '/^KPI CATALOGUE/,/^KEYS/p' "$WORK/man.txt" | grep -q "\[$s\." || fail "manual lacks [$s.]"
done
echo ok
