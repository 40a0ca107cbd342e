#!/bin/sh
# The XDG base directory rules: a relative XDG_DATA_HOME or
# XDG_CONFIG_HOME is ignored (the default under $HOME is used), and
# XDG_CONFIG_DIRS is read after XDG_CONFIG_HOME, so a meeting-room
# machine can hold a team-wide config in /etc/xdg/fupan/.
. "$(dirname "$0")/lib.sh"
make_demo_db
mkdir -p "$WORK/cwd" && cd "$WORK/cwd"

# relative XDG_DATA_HOME: the database goes under ~/.local/share
out=$(env -u FUPAN_DB XDG_DATA_HOME=rel-data "$BIN" init)
[ ! -e rel-data ] || fail "a relative XDG_DATA_HOME was used: $out"
[ -f "$HOME/.local/share/fupan/fupan.db" ] || fail "not in ~/.local/share: $out"
out=$(env -u FUPAN_DB XDG_DATA_HOME="$WORK/abs-data" "$BIN" init)
[ -f "$WORK/abs-data/fupan/fupan.db" ] || fail "an absolute XDG_DATA_HOME was not used: $out"

# A config that names a missing catalogue fails loudly: it shows which
# config files are read.
broken() { # DIR: a config there that cannot load
    mkdir -p "$1/fupan"
    printf '[catalogue]\nkpis = %s/no-such-kpis.ini\n' "$WORK" > "$1/fupan/config.ini"
}
broken "$WORK/cwd/rel-config"
XDG_CONFIG_HOME=rel-config "$BIN" scorecard --week 2026-W47 --db "$DB" > /dev/null ||
    fail "a relative XDG_CONFIG_HOME was read"

broken "$WORK/team"
mkdir -p "$WORK/empty"
if XDG_CONFIG_DIRS="relative:$WORK/empty:$WORK/team" \
    "$BIN" scorecard --week 2026-W47 --db "$DB" > /dev/null 2> err.txt; then
    fail "the config in XDG_CONFIG_DIRS was not read"
fi
grep -q "no-such-kpis" err.txt || fail "unexpected error: $(cat err.txt)"
# the user's own config comes first
mkdir -p "$XDG_CONFIG_HOME/fupan"
printf '[user]\nname = 会议室\n' > "$XDG_CONFIG_HOME/fupan/config.ini"
XDG_CONFIG_DIRS="$WORK/team" "$BIN" scorecard --week 2026-W47 --db "$DB" > /dev/null ||
    fail "XDG_CONFIG_DIRS was read before XDG_CONFIG_HOME"

# the keymap is looked up as the config is: a team-wide keymap.ini in
# XDG_CONFIG_DIRS is read, the user's own comes first
mkdir -p "$WORK/team-keys/fupan"
printf '[browse]\n' > "$WORK/team-keys/fupan/keymap.ini"
XDG_CONFIG_DIRS="$WORK/empty:$WORK/team-keys" "$BIN" config check > out.txt 2>&1 || true
grep -q "$WORK/team-keys/fupan/keymap.ini" out.txt ||
    fail "the keymap in XDG_CONFIG_DIRS was not read: $(cat out.txt)"
printf '[browse]\n' > "$XDG_CONFIG_HOME/fupan/keymap.ini"
XDG_CONFIG_DIRS="$WORK/team-keys" "$BIN" config check > out.txt 2>&1 || true
grep -q "$XDG_CONFIG_HOME/fupan/keymap.ini" out.txt ||
    fail "XDG_CONFIG_DIRS keymap read before XDG_CONFIG_HOME: $(cat out.txt)"
echo ok
