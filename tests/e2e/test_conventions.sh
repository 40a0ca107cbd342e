#!/bin/sh
# The Unix conventions people expect: --version/-V with the library
# versions and the copyright line, '-' as standard input and output, and
# a browser that refuses (exit 2, one line on stderr saying why and what
# to run instead) rather than writing escape codes into a file or
# drawing garbage on a terminal it cannot drive.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
make_demo_db
cd "$WORK"

# --version and -V
"$BIN" --version > v.txt || fail "--version exit code"
"$BIN" -V > v2.txt || fail "-V exit code"
cmp -s v.txt v2.txt || fail "-V differs from --version"
head -1 v.txt | grep -qE '^fupan [0-9]+\.[0-9]+\.[0-9]+$' || fail "first line: $(head -1 v.txt)"
copyright=$(grep -m1 '^Copyright' "$top/LICENSE") || fail "LICENSE has no Copyright line"
grep -q '^MIT License' "$top/LICENSE" || fail "LICENSE is not the MIT License"
grep -qxF "$copyright" v.txt || fail "--version lacks '$copyright'"
grep -qx "SQLite $(pkg-config --modversion sqlite3)" v.txt || fail "SQLite version: $(cat v.txt)"
grep -qx "ncurses $(pkg-config --modversion ncursesw)" v.txt || fail "ncurses version: $(cat v.txt)"
grep -qE '^libcsv [0-9]+\.[0-9]+\.[0-9]+$' v.txt || fail "libcsv version: $(cat v.txt)"

# '-' is standard input for import: the same rows as from the file
sample=$top/sample-data
"$BIN" import actuals "$sample/actuals-daily-w47.csv" --dry-run --db "$DB" | head -1 |
    sed 's/^[^:]*: //' > from-file.txt
"$BIN" import actuals - --dry-run --db "$DB" < "$sample/actuals-daily-w47.csv" | head -1 |
    sed 's/^[^:]*: //' > from-stdin.txt
[ -s from-file.txt ] || fail "import from the file printed nothing"
cmp -s from-file.txt from-stdin.txt || fail "import - differs: $(cat from-file.txt) / $(cat from-stdin.txt)"
printf 'week,currency,rate\n2026-W47,MYR,not-a-rate\n' |
    "$BIN" import fx - --db "$DB" > /dev/null 2> bad.txt && fail "a bad row from stdin was accepted"
grep -q ':2: column rate' bad.txt || fail "stdin problem not reported by line: $(cat bad.txt)"
set +e
"$BIN" import fx - - --db "$DB" < /dev/null > /dev/null 2>&1
rc=$?
set -e
[ "$rc" = 2 ] || fail "import - - (stdin twice) exit $rc, not 2"
[ ! -e ./- ] || fail "a file named - appeared"

# '-' is standard output for minutes -o
"$BIN" minutes --week 2026-W47 --db "$DB" > plain.txt
"$BIN" minutes --week 2026-W47 --db "$DB" -o - > dash.txt
[ ! -e ./- ] || fail "minutes -o - created a file named -"
[ -s dash.txt ] || fail "minutes -o - wrote nothing to stdout"
cmp -s plain.txt dash.txt || fail "minutes -o - differs from stdout"

# The browser refuses a stdout that is not a terminal ...
set +e
"$BIN" --db "$DB" > tui-out.txt 2> tui-err.txt
rc=$?
set -e
[ "$rc" = 2 ] || fail "TUI to a file: exit $rc, not 2"
[ ! -s tui-out.txt ] || fail "TUI wrote into the file"
[ "$(wc -l < tui-err.txt)" = 1 ] || fail "not one line on stderr: $(cat tui-err.txt)"
grep -q "not a terminal" tui-err.txt || fail "does not say why: $(cat tui-err.txt)"
grep -q "fupan scorecard" tui-err.txt && grep -q "fupan minutes" tui-err.txt ||
    fail "does not say what to run instead: $(cat tui-err.txt)"
# ... but --headless writes its screen to a file as before
"$BIN" --db "$DB" --headless 80x24 --keys '' > headless.txt || fail "--headless refused"
grep -q "Quit" headless.txt || fail "--headless screen lacks the key bar"

# ... and TERM dumb, unknown or unset, on a real terminal (tmux)
n=0
refused_on() { # ENV-ASSIGNMENT EXPECTED-TEXT (one tmux server each)
    tmux -L "$SOCK" kill-server 2>/dev/null || true
    n=$((n + 1))
    SOCK=fupan-e2e-$$-$n
    tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 150 -y 10 \
        "env $1 $BIN --db $DB; echo EXIT=\$?; sleep 30"
    wait_for "EXIT=2"
    screen | grep -qF "$2" || { screen >&2; fail "$1: no '$2'"; }
    screen | grep -qF "fupan minutes" || fail "$1: does not say what to run instead"
}
refused_on TERM=dumb "TERM=dumb"
refused_on TERM=no-such-terminal "TERM=no-such-terminal is unknown"
refused_on "-u TERM" "TERM is not set"

# --no-color draws without colour, as NO_COLOR does (attributes only)
colours() { # NAME OPTION...: how many colour escapes the first screen has
    tmux -L "$SOCK" kill-server 2>/dev/null || true
    SOCK=fupan-e2e-$$-$1
    shift
    tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 100 -y 30 \
        "TERM=xterm-256color $BIN --db $DB $*; sleep 30"
    wait_for "Quit" >&2
    tmux -L "$SOCK" capture-pane -e -p -t t > "$WORK/escapes"
    tmux -L "$SOCK" kill-server
    grep -oE "$(printf '\033')\[[0-9;]*m" "$WORK/escapes" |
        grep -cE '[[;](3[0-7]|4[0-7]|38|48)[;m]' || true
}
[ "$(colours colour)" -gt 0 ] || fail "no colour without --no-color (the test sees none)"
[ "$(colours mono --no-color)" = 0 ] || fail "--no-color still draws colours"

# [ui] glyphs = ascii draws what FUPAN_ASCII draws, unlike the default
printf '[ui]\nglyphs = ascii\n' > ascii.ini
"$BIN" --db "$DB" --headless 100x20 --keys '' > unicode.txt
FUPAN_ASCII=1 "$BIN" --db "$DB" --headless 100x20 --keys '' > env-ascii.txt
"$BIN" --db "$DB" --config ascii.ini --headless 100x20 --keys '' > cfg-ascii.txt
cmp -s unicode.txt env-ascii.txt && fail "FUPAN_ASCII changes nothing (the test sees no glyph)"
cmp -s env-ascii.txt cfg-ascii.txt || fail "[ui] glyphs = ascii differs from FUPAN_ASCII"
printf '[ui]\nglyphs = fancy\n' > fancy.ini
"$BIN" config check --config fancy.ini | grep -q "fancy.ini:2: glyphs" ||
    fail "a bad glyphs value is not reported as FILE:LINE"

# make run installs what building needs; make test what testing needs
build_pkgs=" $(sh "$top/scripts/deps.sh" --list build) "
test_pkgs=" $(sh "$top/scripts/deps.sh" --list test) "
for p in valgrind libcriterion-dev tmux; do
    case $build_pkgs in *" $p "*) fail "make run would install $p" ;; esac
done
for p in libcriterion-dev tmux gettext libsqlite3-dev; do
    case $test_pkgs in *" $p "*) ;; *) fail "make test would not install $p" ;; esac
done
echo ok
