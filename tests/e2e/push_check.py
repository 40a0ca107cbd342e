"""Checks the last request of push_server.py's LOG: push_check.py LOG KIND
[SECRET]. The body is the platform's JSON with the minutes in it; with a
SECRET, the signature is recomputed here (Feishu: timestamp and sign in
the body; DingTalk: in the query) and must match. Prints the body's text
size in bytes as the platform measures it."""
import base64
import hashlib
import hmac
import json
import sys
from urllib.parse import parse_qs

log, kind = sys.argv[1], sys.argv[2]
secret = sys.argv[3] if len(sys.argv) > 3 else None
req = json.loads(open(log, encoding="utf-8").read().splitlines()[-1])
body = json.loads(req["body"])


def fail(msg):
    sys.exit("push_check: %s: %s" % (kind, msg))


def feishu():
    post = body["content"]["post"]["zh_cn"]
    text = "".join(e["text"] for para in post["content"] for e in para)
    if body["msg_type"] != "post" or "周会复盘" not in post["title"]:
        fail("not a post of the minutes")
    if secret:
        ts = body["timestamp"]
        key = ("%s\n%s" % (ts, secret)).encode()
        want = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest())
        if body["sign"] != want.decode():
            fail("sign %s, want %s" % (body["sign"], want.decode()))
    elif "sign" in body:
        fail("signed without a secret")
    return text, len(req["body"].encode())


def dingtalk():
    md = body["markdown"]["text"]
    if body["msgtype"] != "markdown" or "周会复盘" not in body["markdown"]["title"]:
        fail("not markdown with a title")
    q = parse_qs(req["query"])
    if secret:
        ts = q["timestamp"][0]
        mac = hmac.new(secret.encode(), ("%s\n%s" % (ts, secret)).encode(),
                       hashlib.sha256).digest()
        want = base64.b64encode(mac).decode()
        if q["sign"][0] != want:
            fail("sign %s, want %s" % (q["sign"][0], want))
    return md, len(md.encode())


def wecom():
    if body["msgtype"] != "markdown":
        fail("not markdown")
    md = body["markdown"]["content"]
    return md, len(md.encode())


text, size = {"feishu": feishu, "dingtalk": dingtalk, "wecom": wecom}[kind]()
if "周会复盘" not in text and kind != "feishu":
    fail("no minutes in the message")
for must in ("2026-W47", "开头钩子重复使用"):
    if must not in text and must not in req["body"]:
        fail("the minutes lack %r" % must)
print(size)
