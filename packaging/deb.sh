#!/bin/sh
# deb.sh BUILD VERSION [MAKE]: builds BUILD/fupan_VERSION-1_ARCH.deb from
# the files `make install PREFIX=/usr` puts in place, with dpkg-deb only
# (no network, no debhelper). Called by `make deb`; run from the top of
# the source tree. Prints the package's path.
set -e
build=${1:?usage: deb.sh BUILD VERSION [MAKE]}
version=${2:?usage: deb.sh BUILD VERSION [MAKE]}
make=${3:-make}
rev=1
arch=$(dpkg --print-architecture)
top=$(pwd)
stage=$top/$build/deb
root=$stage/fupan
umask 022
rm -rf "$stage"
mkdir -p "$root"
$make --no-print-directory BUILD="$build" PREFIX=/usr DESTDIR="$root" install >/dev/null

# Debian policy: stripped binary, compressed manual, copyright, changelog.
strip --remove-section=.comment --remove-section=.note --strip-unneeded \
    "$root/usr/bin/fupan"
gzip -9n "$root/usr/share/man/man1/fupan.1"
doc=$root/usr/share/doc/fupan
install -d "$doc"
install -m 644 packaging/debian/copyright "$doc/copyright"
sed "s/@VERSION@/$version-$rev/" packaging/debian/changelog.in |
    gzip -9n > "$doc/changelog.Debian.gz"
chmod 644 "$doc/changelog.Debian.gz"
install -D -m 644 packaging/debian/lintian-overrides \
    "$root/usr/share/lintian/overrides/fupan"

mkdir -p "$root/DEBIAN"
size=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$version-$rev/" -e "s/@ARCH@/$arch/" \
    -e "s/@SIZE@/$size/" packaging/debian/control.in > "$root/DEBIAN/control"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
deb=$build/fupan_${version}-${rev}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
