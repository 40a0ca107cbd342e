#!/bin/sh
# update-docs.sh FUPAN: rewrites the key tables in README.md and
# docs/fupan.1 from `fupan --dump-keys` (the live default keymap), so
# the documentation cannot drift from the code. tests/e2e/test_docs.sh
# fails when they differ.
set -e
bin=${1:?usage: update-docs.sh /path/to/fupan}
top=$(cd "$(dirname "$0")/.." && pwd)
keys=$(mktemp)
env -u XDG_CONFIG_HOME HOME=/nonexistent "$bin" --dump-keys > "$keys"
replace_block() { # file begin-marker end-marker body-file
    B=$2 E=$3 BODY=$4 awk '
        $0 == ENVIRON["B"] { print; while ((getline l < ENVIRON["BODY"]) > 0) print l; skip = 1; next }
        $0 == ENVIRON["E"] { skip = 0 }
        !skip { print }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}
md=$(mktemp)
{ echo '```'; cat "$keys"; echo '```'; } > "$md"
replace_block "$top/README.md" '<!-- keys:begin -->' '<!-- keys:end -->' "$md"
# roff: one tagged paragraph per action, so the table fits 80 columns;
# a line of keys alone continues the action above it.
awk '
    function esc(s) { gsub(/\\/, "\\e", s); return "\\&" s }
    function flush() {
        if (keys != "") { print ".TP 24n"; print esc(keys); print esc(help " (" name ")") }
        keys = ""
    }
    /^$/ { next }
    /^[^ ]/ { flush(); print ".SS " $0; next }
    {
        k = substr($0, 3, 26); sub(/ +$/, "", k)
        n = substr($0, 29, 18); sub(/ +$/, "", n)
        if (n == "") { keys = keys " " k; next }
        flush(); keys = k; name = n; help = substr($0, 47)
    }
    END { flush() }' "$keys" > "$md"
replace_block "$top/docs/fupan.1" '.\" KEYS-BEGIN' '.\" KEYS-END' "$md"
rm -f "$keys" "$md"
