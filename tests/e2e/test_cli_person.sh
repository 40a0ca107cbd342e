# `scorecard --person` for a person under two categories (issue 10): the
# target that applies is the one README.md names (domain chain, one level
# up): summed KPIs add their nodes' targets, other KPIs keep the target
# the nodes agree on, else the role's default. And an ops manager's card
# is the store's.
. "$(dirname "$0")/lib.sh"
make_demo_db
W=2026-W47

card() { # card ARGS...: the scorecard as csv into $WORK/out
    "$BIN" scorecard --db "$DB" --week $W --format csv "$@" >"$WORK/out" ||
        fail "scorecard $*"
}
target_of() { # target_of KPI: the target column of that KPI's row
    awk -F, -v k="$1" '$3 == k { print $6 }' "$WORK/out"
}
value_of() { awk -F, -v k="$1" '$3 == k { print $4 }' "$WORK/out"; }

# 徐静 edits videos for tts-th/beauty and tts-th/snacks
card --path tts-th/beauty/徐静
[ "$(target_of video_plays)" = 155000 ] || fail "beauty video_plays target"
card --path tts-th/snacks/徐静
[ "$(target_of video_plays)" = 105000 ] || fail "snacks video_plays target"
card --person 徐静
[ "$(target_of video_plays)" = 260000 ] ||
    fail "person: video_plays target $(target_of video_plays), want 155000 + 105000"
[ "$(target_of ctr)" = 1.9 ] || fail "person: ctr target $(target_of ctr), want the agreed 1.9"
[ "$(target_of completion_3s)" = 39 ] || fail "person: completion_3s target"

# the two categories disagree on ctr: the editor role's default (2 %)
printf 'week,path,kpi,target\n,tts-th/snacks/徐静,ctr,2.5%%\n' >"$WORK/t.csv"
"$BIN" import targets "$WORK/t.csv" --db "$DB" >/dev/null || fail "import targets"
card --person 徐静
[ "$(target_of ctr)" = 2 ] ||
    fail "person: ctr target $(target_of ctr), want the role default 2"
[ "$(target_of completion_3s)" = 39 ] || fail "completion_3s target moved"

# an ops manager's card is the store's, value and target
card --path tts-my
store_gmv=$(value_of gmv) store_target=$(target_of gmv)
card --person 李娜
[ "$(value_of gmv)" = "$store_gmv" ] && [ "$(target_of gmv)" = "$store_target" ] ||
    fail "李娜's gmv $(value_of gmv)/$(target_of gmv), store $store_gmv/$store_target"
exit 0
