#!/bin/sh
# 中文界面: --lang, [ui] language and the environment choose the language;
# under LANG=C.UTF-8 (no zh_CN locale needed) the screens, the CLI and
# its errors read in Chinese, and machine-readable parts stay as they are.
. "$(dirname "$0")/lib.sh"
make_demo_db
# Headings, column names and key bar words of the English screens.
english='Name|Score|Actual|Target|Marks|12 weeks|Help|Quit|Back|Search|rows|Moving|Navigating'

shot() { "$BIN" --db "$DB" --headless 100x30 "$@"; }

# the first screen, with --lang zh_CN under C.UTF-8
first=$(shot --lang zh_CN --keys '')
for w in 名称 得分 实际 目标 帮助 退出; do
    echo "$first" | grep -q "$w" || { echo "$first"; fail "first screen lacks $w"; }
done
if echo "$first" | grep -Eqw "$english"; then
    echo "$first" | grep -Ew "$english"; fail "English heading on the Chinese first screen"
fi

# a person's scorecard (store > category > person) and the help screen
person=$(shot --lang zh_CN --keys 'Enter Enter Enter')
for w in 权重 得分点 所属 本周备注和未完成的待办; do
    echo "$person" | grep -q "$w" || { echo "$person"; fail "scorecard lacks $w"; }
done
help=$(shot --lang zh_CN --keys '?')
for w in 移动 导航 光标上移 按下一列排序; do
    echo "$help" | grep -q "$w" || { echo "$help"; fail "help lacks $w"; }
done

# the environment alone: LANG=zh_CN.UTF-8 (a locale this machine may lack)
env -u LC_ALL LANG=zh_CN.UTF-8 "$BIN" --db "$DB" --headless 100x30 --keys '' |
    tail -1 | grep -q '退出' || fail "LANG=zh_CN.UTF-8 does not pick Chinese"
for l in zh zh-CN zh_CN zh_CN.UTF-8; do
    LANGUAGE=$l shot --keys '' | tail -1 | grep -q '退出' || fail "LANGUAGE=$l"
done
# --lang en wins over a Chinese environment; English stays the default
LANGUAGE=zh_CN LANG=zh_CN.UTF-8 shot --lang en --keys '' | tail -1 |
    grep -q 'Quit' || fail "--lang en does not override the environment"
shot --keys '' | tail -1 | grep -q 'Quit' || fail "C.UTF-8 is not English"

# [ui] language in the config; --lang still wins; a bad value is FILE:LINE
printf '[ui]\nlanguage = zh_CN\n' > "$WORK/zh.ini"
shot --config "$WORK/zh.ini" --keys '' | tail -1 | grep -q '退出' ||
    fail "[ui] language = zh_CN ignored"
shot --config "$WORK/zh.ini" --lang=en --keys '' | tail -1 | grep -q 'Quit' ||
    fail "--lang=en does not override the config"
printf '[ui]\n\nlanguage = fr\n' > "$WORK/fr.ini"
"$BIN" config check --config "$WORK/fr.ini" > "$WORK/out" 2>&1 && fail "language = fr accepted"
grep -q "fr.ini:3: language: 'fr'" "$WORK/out" || { cat "$WORK/out"; fail "no FILE:LINE"; }

# CLI: --help before or after the subcommand, and a bad --lang
"$BIN" --lang zh_CN --help | head -1 | grep -q '^用法: fupan' || fail "--help not Chinese"
"$BIN" import --help --lang zh_CN | grep -q '一次导入多个 CSV 文件' ||
    fail "import --help not Chinese"
"$BIN" scorecard --week 2026-W47 --db "$DB" --lang zh_CN | grep -q '得分' ||
    fail "scorecard not Chinese"
minutes=$("$BIN" minutes --week 2026-W47 --db "$DB" --lang zh_CN)
for w in 周会复盘 参会人 汇总 红灯和黄灯项 手动修正 原因汇总 待办 绿灯 环比; do
    echo "$minutes" | grep -q "$w" || { echo "$minutes"; fail "minutes lack $w"; }
done
rc=0; "$BIN" --lang klingon --help > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "--lang klingon: exit $rc, not 2"

# an import error in Chinese keeps FILE:LINE: column NAME:
printf 'week,store,category,person,gmv\n2026-W47,tts-my,,,abc\n' > "$WORK/bad.csv"
"$BIN" import actuals "$WORK/bad.csv" --db "$DB" --lang zh_CN > "$WORK/out" 2>&1 &&
    fail "bad import accepted"
grep -q "bad.csv:2: column gmv: \"abc\" 不是数字" "$WORK/out" || { cat "$WORK/out"; fail "import error"; }
grep -q "导入被拒绝: 1 个问题" "$WORK/out" || { cat "$WORK/out"; fail "import summary"; }

# the errors of export, whatif, review, catalogue and push are Chinese too
zh_error() { # EXPECTED ARGS...: the command fails and says EXPECTED
    want=$1; shift
    "$BIN" "$@" --db "$DB" --lang zh_CN > "$WORK/out" 2>&1 && fail "$* accepted"
    grep -qF -- "$want" "$WORK/out" || { cat "$WORK/out"; fail "$*: not Chinese"; }
}
zh_error "'bogus' 不是 scorecards、facts" export bogus
zh_error "--set: 'x' 不是 SECTION.KEY=VALUE 格式" whatif --week 2026-W47 --set x
zh_error "--quarter: 'Q9' 不是季度" review --quarter Q9
zh_error "catalogue apply 需要 --from WEEK" catalogue apply "$WORK/bad.csv"
zh_error "push: --kind: 'irc' 不是 feishu" push --week 2026-W47 --url http://127.0.0.1:9 --kind irc
echo ok
