#!/bin/sh
# make install / uninstall / deb, as a new user meets them: install from
# a copy of the source tree into a staging folder (DESTDIR, PREFIX=/usr),
# move the copy away, and the installed fupan still finds its sample
# data, translations, manual and completions; make uninstall leaves no
# file; make deb builds a package that lists what it should.
. "$(dirname "$0")/lib.sh"
unset FUPAN_DATADIR FUPAN_LOCALEDIR || true
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$(dirname "$BIN")" && pwd)
b=$(basename "$build")
src=$WORK/src
stage=$WORK/stage
version=$("$BIN" --version | sed -n '1s/^fupan //p')

# The copy: sources, plus the objects so that only cli/paths.c compiles,
# plus a translation, to see the installed one found.
mkdir -p "$src"
(cd "$top" && tar cf - --exclude="./build*" --exclude=./.git .) | (cd "$src" && tar xf -)
cp -a "$build" "$src/$b"
cat > "$src/po/zh_CN.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "Quit"
msgstr "退出"
PO

make -s -C "$src" BUILD="$b" install PREFIX=/usr DESTDIR="$stage" > "$WORK/install.log" 2>&1 ||
    { cat "$WORK/install.log"; fail "make install"; }
for f in bin/fupan share/man/man1/fupan.1 share/fupan/kpis.ini \
         share/fupan/actuals.csv share/fupan/config.example.ini \
         share/locale/zh_CN/LC_MESSAGES/fupan.mo \
         share/bash-completion/completions/fupan share/zsh/site-functions/_fupan; do
    [ -f "$stage/usr/$f" ] || fail "make install did not install /usr/$f"
done

# make deb, from the same copy.
make -s -C "$src" BUILD="$b" deb > "$WORK/deb.log" 2>&1 || { cat "$WORK/deb.log"; fail "make deb"; }
deb=$(ls "$src/$b"/fupan_"$version"-1_*.deb) || fail "no fupan_$version-1_ARCH.deb"
dpkg-deb --info "$deb" > "$WORK/info"
grep -qx " Package: fupan" "$WORK/info" || fail "deb: no Package: fupan"
grep -qx " Version: $version-1" "$WORK/info" || fail "deb: version is not $version-1"
grep -qx " Architecture: $(dpkg --print-architecture)" "$WORK/info" || fail "deb: architecture"
for p in libncursesw6 libsqlite3-0 libcsv3 libiniparser1; do
    grep -q "^ Depends:.* $p" "$WORK/info" || fail "deb: does not depend on $p"
done
# every shared library the binary links (NEEDED, as dpkg-shlibdeps reads
# them; their own needs are their packages' business, e.g. libcurl's)
# comes from a package it depends on
needed=$(readelf -d "$stage/usr/bin/fupan" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for lib in $(ldd "$stage/usr/bin/fupan" | awk -v needed=" $(echo $needed) " \
        '$3 ~ /^\// && index(needed, " " $1 " ") { print $3 }'); do
    pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1) || continue
    [ -z "$pkg" ] || grep -q "^ Depends:.*\b$pkg\b" "$WORK/info" || fail "deb: needs $lib from $pkg, not in Depends"
done
grep -q "preinst\|postinst\|prerm\|postrm" "$WORK/info" && fail "deb: has maintainer scripts"
dpkg-deb --contents "$deb" | awk '{ print $6 }' > "$WORK/contents"
for f in ./usr/bin/fupan ./usr/share/man/man1/fupan.1.gz ./usr/share/fupan/kpis.ini \
         ./usr/share/doc/fupan/copyright ./usr/share/doc/fupan/changelog.Debian.gz \
         ./usr/share/bash-completion/completions/fupan ./usr/share/zsh/site-functions/_fupan; do
    grep -qx -- "$f" "$WORK/contents" || fail "deb does not contain $f"
done
if command -v lintian >/dev/null 2>&1; then
    lintian --fail-on error "$deb" > "$WORK/lintian" 2>&1 || { cat "$WORK/lintian"; fail "lintian errors"; }
fi

# The clone is gone: the installed binary works from elsewhere.
mv "$src" "$WORK/moved-away"
mkdir -p "$WORK/elsewhere"
cd "$WORK/elsewhere"
fupan=$stage/usr/bin/fupan
for tree in "$top" "$src"; do
    grep -aqF "$tree/sample-data" "$fupan" && fail "installed binary carries $tree/sample-data"
done
"$fupan" init --sample --db "$WORK/i.db" > /dev/null || fail "installed init --sample"
"$fupan" scorecard --week 2026-W47 --format csv --db "$WORK/i.db" | grep -q ",gmv," || fail "installed scorecard"
"$fupan" minutes --week 2026-W47 --db "$WORK/i.db" | grep -q "2026-W47" || fail "installed minutes"
out=$(LANGUAGE=zh_CN "$fupan" --db "$WORK/i.db" --headless 100x30 --keys '')
echo "$out" | tail -1 | grep -q '退出' || fail "installed binary does not find its translation"
if FUPAN_DATADIR=$WORK/nothing-here "$fupan" init --sample --db "$WORK/j.db" > /dev/null 2>&1; then
    fail "FUPAN_DATADIR does not override the installed data folder"
fi
if command -v man > /dev/null 2>&1; then
    MANPAGER=cat MANWIDTH=80 man -l "$stage/usr/share/man/man1/fupan.1" 2>/dev/null |
        grep -q "fupan" || fail "man -l cannot show the installed manual"
fi
bash -c ". '$stage/usr/share/bash-completion/completions/fupan' && complete -p fupan" |
    grep -q "_fupan fupan" || fail "installed bash completion does not load"

# uninstall leaves no file behind
mv "$WORK/moved-away" "$src"
make -s -C "$src" BUILD="$b" uninstall PREFIX=/usr DESTDIR="$stage" > /dev/null 2>&1 || fail "make uninstall"
left=$(find "$stage" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"

# Header dependencies are tracked (-MMD -MP): a header rebuilds only
# what includes it, directly (model/week.c) or not (tui/tui.c).
touch "$src/model/week.h"
make -n -C "$src" BUILD="$b" > "$WORK/rebuild" 2>&1
for f in model/week.c tui/tui.c; do
    grep -q "CC *$f" "$WORK/rebuild" || fail "touching model/week.h does not rebuild $f"
done
grep -q "CC *model/buf.c" "$WORK/rebuild" && fail "touching model/week.h rebuilds model/buf.c"

echo ok
