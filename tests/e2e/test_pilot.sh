#!/bin/sh
# Pilots (试点, issue 16): a role template that names the people it is
# tried on. Those people's cards use it; every other host keeps the host
# card; the browser marks the pilot card.
. "$(dirname "$0")/lib.sh"
make_demo_db
W=2026-W47
cat >"$WORK/kpis.ini" <<'INI'
[role.host_trial]
label = "Host trial"
label_zh = "主播试点"
kpis = "gmv:50 cvr:50"
targets = "cvr:2.5%"
pilot = "张伟"
INI
printf '[catalogue]\nkpis = %s\n' "$WORK/kpis.ini" >"$WORK/config.ini"

score() { # score CONFIG PERSON: the person's score as json says
    "$BIN" scorecard --db "$DB" --config "$1" --week $W --person "$2" \
        --format json | sed 's/.*"score":\([^,]*\),.*/\1/'
}
printf '' >"$WORK/none.ini"
before=$(score "$WORK/none.ini" 张伟)
after=$(score "$WORK/config.ini" 张伟)
[ "$before" != "$after" ] || fail "张伟's score did not change: $before"
# the pilot card has exactly its two KPIs' attainments, weighted 50/50
"$BIN" scorecard --db "$DB" --config "$WORK/config.ini" --week $W \
    --person 张伟 --format csv >"$WORK/out"
att() { awk -F, -v k="$1" '$3 == k { print $7 }' "$WORK/out"; }
want=$(awk -v g="$(att gmv)" -v c="$(att cvr)" 'BEGIN {
    g = g > 120 ? 120 : g; c = c > 120 ? 120 : c; print (g + c) / 2 }')
awk -v a="$after" -v w="$want" 'BEGIN { exit !(a - w < 1e-3 && w - a < 1e-3) }' ||
    fail "pilot score $after, want $want"
# another host keeps the host card
[ "$(score "$WORK/none.ini" 黄丽)" = "$(score "$WORK/config.ini" 黄丽)" ] ||
    fail "黄丽's score changed"

# the browser marks the pilot card: tts-my / apparel / 张伟
out=$("$BIN" --db "$DB" --config "$WORK/config.ini" --headless 100x30 \
      --keys 'Down Enter Enter' --today 2026-11-25)
echo "$out" | grep -q '张伟 .*试点 Hos' ||
    { echo "$out"; fail "no pilot mark"; }
echo "$out" | grep -q '试点' && echo "$out" | grep '试点' |
    grep -qv '张伟' && fail "someone else marked pilot"
echo ok
