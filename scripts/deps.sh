#!/bin/sh
# deps.sh [--list] [build|test|valgrind|bench|fuzz]: installs the Debian
# packages that part of the work needs, only those that are missing
# (apt-get as root, sudo otherwise; nothing at all when all are there).
# build (the default) is what `make` and `make run` need; test adds what
# `make test` needs, and so on. --list prints the packages instead.
set -e
list=false
if [ "${1-}" = --list ]; then list=true; shift; fi
BUILD="gcc make pkg-config libncurses-dev libsqlite3-dev libcsv-dev libiniparser-dev libcurl4-openssl-dev libxlsxwriter-dev libzip-dev libexpat1-dev libicu-dev"
# translations are compiled with msgfmt once there are any
if ls "$(dirname "$0")"/../po/*.po >/dev/null 2>&1; then BUILD="$BUILD gettext"; fi
case ${1:-build} in
build) PKGS="$BUILD" ;;
test) PKGS="$BUILD libcriterion-dev tmux gettext man-db" ;;
valgrind) PKGS="$BUILD tmux gettext valgrind" ;;
bench) PKGS="$BUILD sqlite3" ;;
# `make fuzz` (libFuzzer) also needs clang; `make test` does not.
fuzz) PKGS="$BUILD clang libclang-rt-14-dev" ;;
*) echo "usage: deps.sh [--list] [build|test|valgrind|bench|fuzz]" >&2; exit 2 ;;
esac
if $list; then echo $PKGS; exit 0; fi
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
