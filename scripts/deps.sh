#!/bin/sh
# Install the Debian packages fupan needs, only those that are missing.
# apt-get as root, sudo otherwise; nothing at all when everything is there.
set -e
PKGS="gcc make pkg-config libncurses-dev libsqlite3-dev libcsv-dev libiniparser-dev libcriterion-dev tmux gettext valgrind sqlite3"
# `make fuzz` (libFuzzer) also needs clang; `make test` does not.
[ "${1:-}" = fuzz ] && PKGS="$PKGS clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "fupan: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing
