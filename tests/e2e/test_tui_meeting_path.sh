#!/bin/sh
# The meeting path in a real terminal (tmux, 100x30), issue 9:
# - from the first screen, a note on the worst-scored person's worst red
#   KPI takes 3 keys before the cause picker (p Enter a), and the note has
#   that KPI (checked with the CLI, which ranks independently);
# - keys typed in one burst with Ctrl-C right after the text are read in
#   order: the question comes after the text and the text is not lost;
# - Ctrl-\ asks like Ctrl-C, Ctrl-Z does not break the screen, Ctrl-C in
#   the browser quits.
. "$(dirname "$0")/lib.sh"

PEOPLE_CSV=$(cd "$(dirname "$0")/../../sample-data" && pwd)/people.csv
WEEK=2026-W47
make_demo_db

# The CLI's view: the person with the lowest score, and their red KPI
# with the lowest attainment.
worst_person() {
    for code in $(tail -n +2 "$PEOPLE_CSV" | cut -d, -f1 | sort -u); do
        "$BIN" scorecard --week $WEEK --db "$DB" --person "$code" | head -1 |
            sed -n "s/.*score \([0-9.]*\)%.*/\1 $code/p"
    done | sort -n | head -1 | cut -d' ' -f2
}
worst_red_kpi() {
    "$BIN" scorecard --week $WEEK --db "$DB" --person "$1" --format csv |
        awk -F, '$8 == "red" { print $7, $3 }' | sort -n | head -1 |
        cut -d' ' -f2
}
# "path kpi" of the note whose text is $1, from `fupan note list`.
note_target() {
    "$BIN" note list --week $WEEK --db "$DB" |
        awk -v t="$1" 'index($0, t) { print $2, $3 }'
}

PERSON=$(worst_person)
KPI=$(worst_red_kpi "$PERSON")
[ -n "$PERSON" ] && [ -n "$KPI" ] || fail "no worst person/KPI from the CLI"

start_tui 100 30 --db "$DB" --week $WEEK
wait_for "q Quit"

# the goal: three keys to the cause picker
text 'p'
wait_for "people"
keys Enter
wait_for "── $PERSON ·"
text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text '预算超支，明天起减半'
keys Enter
wait_for "Note saved"
got=$(note_target '预算超支，明天起减半')
case "$got" in
    */"$PERSON $KPI") ;;
    *) fail "the note went to '$got', not $PERSON's $KPI" ;;
esac

# one burst: the text, then Ctrl-C at once; the question comes after it
text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
tmux -L "$SOCK" send-keys -t t -l 'ready now' \; send-keys -t t C-c
wait_for "Throw the typed text away? (y/N)"
wait_for "ready now"
text 'x'                    # not an answer: ignored
keys Enter                  # Enter: No, keep the text
wait_for "Kept."
keys Enter
wait_for "Note saved"
[ -n "$(note_target 'ready now')" ] || fail "the burst lost the note"

# Ctrl-\ asks like Ctrl-C (it used to quit without a word)
text 'a'
wait_for "type to filter"
keys Enter
wait_for "Enter save"
text 'abc'
keys 'C-\'
wait_for "Throw the typed text away? (y/N)"
text 'y'
wait_for "Nothing saved"

# Ctrl-Z without job control changes nothing; the screen still answers
keys C-z
text '?'
wait_for "Keys (from the keymap in use)"
keys Escape
wait_gone "Keys (from the keymap in use)"

# Ctrl-C in the browser quits (nothing is waiting to be saved)
keys C-c
wait_for "EXIT=0"
check_valgrind
echo "ok: meeting path"
