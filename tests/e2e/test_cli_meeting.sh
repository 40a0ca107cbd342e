# fupan note / override / action from the command line: what is written
# is listed back, history is kept, and unknown input exits 3.
. "$(dirname "$0")/lib.sh"
make_demo_db
W=2026-W47

expect_rc() { # expect_rc CODE CMD...: runs fupan, checks the exit code
    want=$1; shift
    set +e
    "$BIN" "$@" --db "$DB" >"$WORK/out" 2>"$WORK/err"
    got=$?
    set -e
    [ "$got" -eq "$want" ] || { cat "$WORK/out" "$WORK/err" >&2;
        fail "fupan $*: exit $got, expected $want"; }
}

# ---- notes ----
expect_rc 0 note add --week $W --path tts-my/apparel/张伟 --kpi cvr \
    --cause creative_fatigue --text "素材疲劳:点击率连降三周" --author 测试员
id=$(sed -n 's/^added note \([0-9]*\)$/\1/p' "$WORK/out")
[ -n "$id" ] || fail "no note id printed"
expect_rc 0 note list --week $W --path tts-my/apparel/张伟
grep -q "素材疲劳:点击率连降三周" "$WORK/out" || fail "note not listed"
grep -q "测试员" "$WORK/out" || fail "author not listed"
# the cause column reads the cause label in the UI language, not its id
expect_rc 0 note list --week $W --lang en
grep -q "Creative fatigue 素材疲劳" "$WORK/out" || fail "en cause label"
grep -q "creative_fatigue" "$WORK/out" && fail "cause id in the en list"
expect_rc 0 note list --week $W --lang zh_CN
grep -q "素材疲劳 Creative fatigue" "$WORK/out" || fail "zh cause label"
expect_rc 0 note list --week $W --format csv
grep -q ",creative_fatigue," "$WORK/out" || fail "csv lost the cause id"
expect_rc 0 note edit "$id" --text "改过的文字"
expect_rc 0 note list --week $W
grep -q "改过的文字" "$WORK/out" || fail "edit not shown"
grep -q "点击率连降三周" "$WORK/out" && fail "old text still listed"
expect_rc 0 note delete "$id"
expect_rc 0 note list --week $W
grep -q "改过的文字" "$WORK/out" && fail "deleted note still listed"
expect_rc 0 note history "$id"
[ "$(grep -c "^add \|^edit \|^delete " "$WORK/out")" -eq 3 ] ||
    fail "history should hold add, edit, delete"
expect_rc 3 note edit "$id" --text "again"

expect_rc 3 note add --week $W --path tts-my --cause no_such --text x
grep -q "unknown cause 'no_such'" "$WORK/err" || fail "cause message"
expect_rc 3 note add --week $W --path tts-xx --cause other --text x
grep -q "no node 'tts-xx'" "$WORK/err" || fail "path message"
expect_rc 3 note add --week $W --path tts-my --kpi nope --cause other --text x
grep -q "unknown KPI 'nope'" "$WORK/err" || fail "kpi message"
expect_rc 3 note add --week 2025-W53 --path tts-my --cause other --text x
expect_rc 2 note add --week $W --path tts-my --text x
expect_rc 2 note frobnicate

# ---- overrides ----
expect_rc 0 override set --week $W --path tts-th --kpi gmv --value "1,234,567.5" \
    --reason "T+1 延迟,按后台补录"
grep -q "1,234,568" "$WORK/out" || fail "override value not echoed"
expect_rc 0 scorecard --week $W --path tts-th --kpi gmv --format csv
tr -d '"' <"$WORK/out" | grep -q "^$W,tts-th,gmv,1234567.5,.*,1,[01],[a-z_]*$" ||
    { cat "$WORK/out" >&2; fail "scorecard does not show the override"; }
expect_rc 0 override set --week $W --path tts-th --kpi cvr --value 1.5% \
    --reason "口径修正"
expect_rc 3 override set --week $W --path tts-th --kpi gmv --value 12abc \
    --reason r
expect_rc 3 override set --week $W --path tts-th --kpi gmv --value 1 \
    --reason "   "
expect_rc 0 override revert --week $W --path tts-th --kpi gmv --reason "已同步"
expect_rc 3 override revert --week $W --path tts-th --kpi gmv --reason "again"
expect_rc 0 override list --week $W
grep "tts-th" "$WORK/out" | grep "gmv" | grep -q "reverted" ||
    fail "reverted override not kept in the list"
grep "tts-th" "$WORK/out" | grep "cvr" | grep -q "active" ||
    fail "cvr override not active"

# ---- action items ----
expect_rc 0 action add --week $W --owner 王强 --due 2026-W48 \
    --text "换 5 条新素材" --path tts-th/apparel/王强
aid=$(sed -n 's/^added action \([0-9]*\)$/\1/p' "$WORK/out")
[ -n "$aid" ] || fail "no action id printed"
expect_rc 0 action list --open
grep -q "换 5 条新素材" "$WORK/out" || fail "action not listed"
expect_rc 0 action done "$aid" --week $W
expect_rc 0 action list --open
grep -q "换 5 条新素材" "$WORK/out" && fail "done action still open"
expect_rc 0 action list --week $W
grep "换 5 条新素材" "$WORK/out" | grep -q "done" || fail "done not shown"
expect_rc 3 action add --week $W --owner 无名氏 --due 2026-W48 --text x
grep -q "unknown person '无名氏'" "$WORK/err" || fail "owner message"
expect_rc 3 action done 99999
echo "ok"
