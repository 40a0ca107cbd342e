#!/bin/sh
# fupan push against a stand-in webhook on 127.0.0.1 (push_server.py):
# each kind's body and signature (recomputed in python), the platforms'
# error answers, HTTP errors, a server that does not answer in time, and
# the secret never printed anywhere (dry run, errors, config check).
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 0; }
here=$(cd "$(dirname "$0")" && pwd)
server=
stop_server() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; cleanup; }
trap stop_server EXIT
make_demo_db
LOG=$WORK/requests.log
python3 "$here/push_server.py" "$WORK/port" "$LOG" &
server=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$WORK/port" ] || fail "the test server did not start"
URL=http://127.0.0.1:$(cat "$WORK/port")
W=2026-W47
mkdir -p "$XDG_CONFIG_HOME/fupan"
CFG=$XDG_CONFIG_HOME/fupan/config.ini
cat >"$CFG" <<EOT
[push fs]
kind = feishu
url = $URL/feishu-ok
secret = SEKRET-fs-123
[push dt]
kind = dingtalk
url = $URL/ok?access_token=tok
secret = SEKRET-dt-456
[push wc]
kind = wecom
url = $URL/ok
EOT
chmod 600 "$CFG"
n=0
# push ARGS...: runs fupan push; exit code in $rc, output in out.$n/err.$n
push() {
    n=$((n + 1))
    rc=0
    "$BIN" push --db "$DB" --week $W "$@" >"$WORK/out.$n" 2>"$WORK/err.$n" || rc=$?
}

# each kind: sent, body and signature as the platform checks them
push --to fs
[ $rc = 0 ] || fail "feishu: exit $rc: $(cat "$WORK/err.$n")"
grep -q "sent the minutes to fs (feishu)" "$WORK/out.$n" || fail "feishu: no 'sent'"
python3 "$here/push_check.py" "$LOG" feishu SEKRET-fs-123 >/dev/null || fail "feishu body"
push --to dt
[ $rc = 0 ] || fail "dingtalk: exit $rc: $(cat "$WORK/err.$n")"
python3 "$here/push_check.py" "$LOG" dingtalk SEKRET-dt-456 >/dev/null || fail "dingtalk body"
tail -1 "$LOG" | grep -q '"query": "access_token=tok&timestamp=' \
    || fail "dingtalk: the url's own query is lost"
push --to wc
[ $rc = 0 ] || fail "wecom: exit $rc: $(cat "$WORK/err.$n")"
size=$(python3 "$here/push_check.py" "$LOG" wecom) || fail "wecom body"
[ "$size" -le 4096 ] || fail "wecom: $size bytes, over 4096"

# several targets and no --to; an unknown one
push
[ $rc = 3 ] && grep -q "several targets (fs, dt, wc)" "$WORK/err.$n" \
    || fail "several targets: exit $rc: $(cat "$WORK/err.$n")"
push --to nope
[ $rc = 3 ] || fail "unknown target: exit $rc"

# --url/--kind on the command line, the secret from the environment
FUPAN_PUSH_SECRET=SEKRET-env-789 push --url "$URL/ok" --kind dingtalk
[ $rc = 0 ] || fail "--url: exit $rc: $(cat "$WORK/err.$n")"
python3 "$here/push_check.py" "$LOG" dingtalk SEKRET-env-789 >/dev/null \
    || fail "FUPAN_PUSH_SECRET not used"
push --url "$URL/feishu-ok" --kind feishu
python3 "$here/push_check.py" "$LOG" feishu >/dev/null || fail "unsigned feishu body"

# the platforms' errors: exit 1 with their message
push --url "$URL/feishu-bad" --kind feishu --secret SEKRET-cli-000
[ $rc = 1 ] || fail "feishu error: exit $rc"
grep -q "^fupan: push: feishu: sign match fail (19021)" "$WORK/err.$n" \
    || fail "feishu error: $(cat "$WORK/err.$n")"
push --url "$URL/ding-bad" --kind dingtalk --secret SEKRET-cli-000
[ $rc = 1 ] && grep -q "dingtalk: sign not match (310000)" "$WORK/err.$n" \
    || fail "dingtalk error: exit $rc: $(cat "$WORK/err.$n")"
push --url "$URL/http500" --kind wecom
[ $rc = 1 ] && grep -q "wecom: HTTP 500: upstream broke" "$WORK/err.$n" \
    || fail "HTTP 500: exit $rc: $(cat "$WORK/err.$n")"

# a server that does not answer: the timeout, not a hang
start=$(date +%s)
FUPAN_PUSH_TIMEOUT=1 push --url "$URL/sleep" --kind wecom
took=$(( $(date +%s) - start ))
[ $rc = 1 ] && grep -qi "timeout" "$WORK/err.$n" \
    || fail "timeout: exit $rc: $(cat "$WORK/err.$n")"
[ $took -le 3 ] || fail "timeout: took ${took}s"

# --dry-run prints the JSON, sends nothing
before=$(wc -l <"$LOG")
push --to fs --dry-run
[ $rc = 0 ] || fail "dry run: exit $rc"
[ "$(wc -l <"$LOG")" = "$before" ] || fail "dry run sent something"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' \
    "$WORK/out.$n" || fail "dry run: not JSON lines"

# a secret in a file others may read: a warning (without the secret)
chmod 644 "$CFG"
push --to wc --dry-run
grep -q "warning: .*config.ini holds a push secret.*chmod 600" "$WORK/err.$n" \
    || fail "no warning for a readable secret: $(cat "$WORK/err.$n")"
n=$((n + 1))
"$BIN" config check >"$WORK/out.$n" 2>"$WORK/err.$n" || true
grep -q "^push  *fs: feishu, 127.0.0.1:[0-9]*, signed$" "$WORK/out.$n" \
    || fail "config check: no push target: $(cat "$WORK/out.$n")"
grep -q "holds a push secret" "$WORK/out.$n" || fail "config check: no warning"

# never a secret in any output
if grep -l "SEKRET" "$WORK"/out.* "$WORK"/err.*; then
    fail "a secret was printed"
fi
exit 0
