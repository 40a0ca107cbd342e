#!/bin/sh
# Every _() / N_() / P_() string in the sources has a Chinese translation
# in po/zh_CN.po, none fuzzy. To fix a failure: make pot && msgmerge -U
# --no-fuzzy-matching po/zh_CN.po po/fupan.pot, translate what
# `msgattrib --untranslated po/zh_CN.po` lists (see po/README.md).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -o "$WORK/fupan.pot" \
    $(ls model/*.c storage/*.c tui/*.c cli/*.c | sort) || fail "xgettext"
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$WORK/fupan.pot" \
    -o "$WORK/zh_CN.po" || fail "msgmerge"
msgattrib --untranslated --no-obsolete "$WORK/zh_CN.po" > "$WORK/missing.po"
if grep -q '^msgid' "$WORK/missing.po"; then
    cat "$WORK/missing.po"
    fail "strings without a Chinese translation (above)"
fi
msgattrib --only-fuzzy --no-obsolete "$WORK/zh_CN.po" > "$WORK/fuzzy.po"
grep -q '^msgid' "$WORK/fuzzy.po" && { cat "$WORK/fuzzy.po"; fail "fuzzy translations"; }
stats=$(msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1) || { echo "$stats"; fail "msgfmt --check"; }
case $stats in *untranslated*|*fuzzy*) fail "po/zh_CN.po: $stats" ;; esac
echo ok
