#!/bin/sh
# The bash and zsh completions are generated from --help (make docs) and
# stay in step with it, like the key table; they load in bash, and offer
# every subcommand and every option the help texts name.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$WORK/scripts" "$WORK/sample-data" "$WORK/completions"
cp "$top/scripts/gen-completions.sh" "$WORK/scripts/"
cp "$top/sample-data/kpis.ini" "$top/sample-data/causes.ini" "$WORK/sample-data/"
sh "$WORK/scripts/gen-completions.sh" "$BIN" "$WORK/completions"
for f in fupan.bash _fupan; do
    diff -u "$top/completions/$f" "$WORK/completions/$f" ||
        fail "completions/$f is stale: run make docs"
done
# a developer's own Chinese environment and config change nothing
mkdir -p "$WORK/config/fupan" "$WORK/completions-zh"
printf '[ui]\nlanguage = zh_CN\n' > "$WORK/config/fupan/config.ini"
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN \
    sh "$WORK/scripts/gen-completions.sh" "$BIN" "$WORK/completions-zh"
rm "$WORK/config/fupan/config.ini"
for f in fupan.bash _fupan; do
    diff -u "$top/completions/$f" "$WORK/completions-zh/$f" ||
        fail "completions/$f differs under a Chinese environment"
done
bash -n "$top/completions/fupan.bash" || fail "fupan.bash: syntax"

# complete WORD...: what bash offers for the last word
cat > "$WORK/complete.bash" <<'SH'
. "$1"; shift
complete -p fupan > /dev/null || exit 1
COMP_WORDS=(fupan "$@"); COMP_CWORD=$#; COMPREPLY=()
_fupan
printf '%s\n' "${COMPREPLY[@]}"
SH
offers() { bash "$WORK/complete.bash" "$top/completions/fupan.bash" "$@"; }

if command -v zsh > /dev/null 2>&1; then
    zsh -n "$top/completions/_fupan" || fail "_fupan: syntax"
    # compadd stubbed: what _fupan offers after "fupan note "
    got=$(zsh -f -c 'compadd() { [[ $1 == -- ]] && shift; print -r -- "$*"; }
        source "$1" 2>/dev/null; words=(fupan note ""); CURRENT=3; _fupan' zsh "$top/completions/_fupan")
    [ "$got" = "$(bash "$WORK/complete.bash" "$top/completions/fupan.bash" note '' | tr '\n' ' ' | sed 's/ $//')" ] ||
        fail "zsh offers '$got' after fupan note"
fi
offers '' > "$WORK/cmds" || fail "complete -p fupan: not loaded"
for c in $("$BIN" --help | awk '$1 == "fupan" && $2 ~ /^[a-z]+$/ { print $2 }'); do
    grep -qx "$c" "$WORK/cmds" || fail "fupan <Tab> does not offer $c"
    "$BIN" "$c" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$WORK/want"
    offers "$c" -- > "$WORK/got"
    for o in $(cat "$WORK/want"); do
        grep -qx -- "$o" "$WORK/got" || fail "fupan $c --<Tab> does not offer $o"
    done
done
offers note '' | grep -qx history || fail "fupan note <Tab> lacks history"
offers action '' | grep -qx reopen || fail "fupan action <Tab> lacks reopen"
offers scorecard --format '' | grep -qx json || fail "--format <Tab> lacks json"
offers scorecard --kpi g | grep -qx gmv || fail "--kpi g<Tab> lacks gmv"
offers note add --cause s | grep -qx stockout || fail "--cause s<Tab> lacks stockout"
# KPI ids of the catalogue in use: a team's own KPI is offered
mkdir -p "$XDG_CONFIG_HOME/fupan"
printf '[kpi.team_kpi]\nlabel = "Team"\n' > "$WORK/team.ini"
printf '[catalogue]\nkpis = %s/team.ini\n' "$WORK" > "$XDG_CONFIG_HOME/fupan/config.ini"
bash -c '. "$1"; COMP_WORDS=("$2" scorecard --kpi team); COMP_CWORD=3; _fupan; printf "%s\n" "${COMPREPLY[@]}"' \
    sh "$top/completions/fupan.bash" "$BIN" | grep -qx team_kpi || fail "--kpi <Tab> lacks the team's KPI"
offers minutes --week '' | grep -qE '^[0-9]{4}-W[0-9]{2}$' || fail "--week <Tab> offers no week"
echo ok
