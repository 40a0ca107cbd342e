#!/bin/sh
# The first screen on a real terminal (tmux, 100x30): the summary line
# under the header, $ into the reporting currency and back, the cursor
# row leaving the status cells their own colours (no cursor background
# under a status glyph), T switching the theme live.
. "$(dirname "$0")/lib.sh"

make_demo_db
start_tui 100 30 --db "$DB" --today 2026-11-25
wait_for "q Quit"

# the line under the header: where the week stands
screen | sed -n 2p | grep -q "^GMV USD .* of .*% .* red key KPIs .* notes .* open items" \
    || fail "no summary line: $(screen | sed -n 2p)"
screen | grep -q "▸菲律宾 Shopee 店 .* PHP 251k" || fail "no currency on the store row"

text '$'
wait_for "in USD"
screen | grep -q "▸菲律宾 Shopee 店 .* USD " || fail "\$ left the store row in PHP"
text '$'
wait_gone "in USD"

# Background colour (SGR 40-47, 100-107; 49 default) under each status
# glyph of the cursor row, from the pane with its escape sequences.
status_backgrounds() {
    tmux -L "$SOCK" capture-pane -e -p -t t | perl -CSD -Mutf8 -ne '
        next unless /▸/;
        my $bg = 49;
        while (/\e\[([0-9;]*)m|([●◐✖])/g) {
            if (defined $1) {
                for my $p (split /;/, $1 eq "" ? "0" : $1) {
                    $bg = 49 if $p == 0;
                    $bg = $p if ($p >= 40 && $p <= 49) || ($p >= 100 && $p <= 107);
                }
            } else { print "$bg\n" }
        }
        exit;'
}
bgs=$(status_backgrounds)
[ -n "$bgs" ] || fail "no status glyph found on the cursor row"
echo "$bgs" | grep -qv '^49$' && fail "a status glyph on the cursor background: $bgs"

# T: high-contrast at once (black on yellow cursor row), then mono
text 'T'
wait_for "Theme: high-contrast"
tmux -L "$SOCK" capture-pane -e -p -t t | grep "▸" | head -1 | grep -q "43m" \
    || fail "the cursor row did not turn yellow"
text 'T'
wait_for "Theme: mono"
text 'q'
wait_for "EXIT=0"
check_valgrind
echo ok
