#!/bin/sh
# Every UI string goes through gettext: a catalogue for zh_CN, picked with
# LANGUAGE, changes the screen without touching the code.
. "$(dirname "$0")/lib.sh"
make_demo_db
mkdir -p "$WORK/locale/zh_CN/LC_MESSAGES"
cat > "$WORK/zh_CN.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "Quit"
msgstr "退出"
PO
msgfmt -o "$WORK/locale/zh_CN/LC_MESSAGES/fupan.mo" "$WORK/zh_CN.po"
out=$(LANGUAGE=zh_CN FUPAN_LOCALEDIR="$WORK/locale" \
      "$BIN" --db "$DB" --headless 100x30 --keys '')
echo "$out" | tail -1 | grep -q '退出' || { echo "$out" | tail -2; fail "no 退出"; }
out=$("$BIN" --db "$DB" --headless 100x30 --keys '')
echo "$out" | tail -1 | grep -q 'Quit' || fail "English without the catalogue"
echo ok
