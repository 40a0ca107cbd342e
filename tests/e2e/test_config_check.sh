#!/bin/sh
# fupan config check says what it would use and from where, and every
# problem as FILE:LINE; fupan --dump-catalogue prints the catalogue in
# use as INI that loads again.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$WORK"

"$BIN" config check > out.txt || { cat out.txt; fail "config check without a config"; }
grep -q "^config .*built-in defaults" out.txt || fail "no config line: $(cat out.txt)"
grep -q "^database .*$XDG_DATA_HOME/fupan/fupan.db" out.txt || fail "no database line"

# a team file: one KPI relabelled
mkdir -p "$XDG_CONFIG_HOME/fupan"
cat > team-kpis.ini <<'INI'
[kpi.gmv]
label = "Team GMV"
additivity = sum
unit = money
INI
printf '[catalogue]\nkpis = %s/team-kpis.ini\n' "$WORK" > "$XDG_CONFIG_HOME/fupan/config.ini"
"$BIN" config check > out.txt || { cat out.txt; fail "config check with a good config"; }
grep -q "^config .*$XDG_CONFIG_HOME/fupan/config.ini" out.txt || fail "config not named: $(cat out.txt)"
grep -q "^catalogue .*team-kpis.ini" out.txt || fail "catalogue not named: $(cat out.txt)"

"$BIN" --dump-catalogue > dump.ini || fail "--dump-catalogue"
grep -q '^label = "Team GMV"' dump.ini || fail "dump is not the catalogue in use"
for id in $(sed -n 's/^\[kpi\.\([a-z0-9_]*\)\].*/\1/p' "$top/sample-data/kpis.ini"); do
    grep -qx "\[kpi\.$id\]" dump.ini || fail "dump lacks kpi $id"
done
printf '[catalogue]\nkpis = %s/dump.ini\n' "$WORK" > dump-config.ini
"$BIN" config check --config dump-config.ini > out.txt || { cat out.txt; fail "the dump does not load"; }
"$BIN" --dump-catalogue --config dump-config.ini | grep -q '^label = "Team GMV"' ||
    fail "the dump loaded gives another catalogue"

# problems, each as FILE:LINE, exit 3
cat > team-kpis.ini <<'INI'
[kpi.gmv]
label = "Team GMV"
unit = furlongs
INI
printf '[generic]\nquit = "<NoSuchKey>"\n' > keys.ini
set +e
"$BIN" config check --keymap keys.ini > out.txt
rc=$?
set -e
[ "$rc" = 3 ] || fail "config check with problems: exit $rc, not 3"
grep -q "team-kpis.ini:[0-9]" out.txt || fail "catalogue problem without FILE:LINE: $(cat out.txt)"
grep -q "keys.ini:[0-9]" out.txt || fail "keymap problem without FILE:LINE: $(cat out.txt)"
grep -q "^2 problems" out.txt || fail "no problem count: $(cat out.txt)"
echo ok
