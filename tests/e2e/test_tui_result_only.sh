#!/bin/sh
# A team catalogue whose host scorecard has only result KPIs: the lead is
# warned on a host's row (domain.md: "results without process").
. "$(dirname "$0")/lib.sh"
make_demo_db
cat > "$WORK/kpis.ini" <<'INI'
[role.host]
label = "Live host"
label_zh = "主播"
kpis = "gmv:1"
INI
printf '[catalogue]\nkpis = %s\n' "$WORK/kpis.ini" > "$WORK/config.ini"
# tts-my is the second store, apparel its first category, 张伟 its host
out=$("$BIN" --db "$DB" --config "$WORK/config.ini" --headless 100x30 \
      --keys 'Down Enter Enter Down' --today 2026-11-25)
echo "$out" | grep -q '张伟' || { echo "$out"; fail "not on 张伟"; }
echo "$out" | grep -q 'only result KPIs' || { echo "$out"; fail "no warning"; }
# the shipped catalogue gives hosts process KPIs: no warning there
out=$("$BIN" --db "$DB" --headless 100x30 --keys 'Down Enter Enter Down')
echo "$out" | grep -q 'only result KPIs' && fail "warning with the shipped catalogue"
echo ok
