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
# roff: escape backslashes and leading dots/quotes
sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" "$keys" > "$md"
replace_block "$top/docs/fupan.1" '.\" KEYS-BEGIN' '.\" KEYS-END' "$md"
rm -f "$keys" "$md"
