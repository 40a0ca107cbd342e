"""A stand-in for the group bots' webhooks, on 127.0.0.1 (no network).

push_server.py PORTFILE LOG: listens on a free port (written to PORTFILE),
appends each request as one JSON line {"path", "query", "body"} to LOG and
answers by the path:
  /feishu-ok     {"code":0,"msg":"success"}
  /feishu-bad    {"code":19021,"msg":"sign match fail"}
  /ok            {"errcode":0,"errmsg":"ok"}
  /ding-bad      {"errcode":310000,"errmsg":"sign not match"}
  /http500       HTTP 500, "upstream broke"
  /sleep         answers after 5 s (for the timeout)
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

ANSWERS = {
    "/feishu-ok": (200, {"code": 0, "msg": "success"}),
    "/feishu-bad": (200, {"code": 19021, "msg": "sign match fail"}),
    "/ok": (200, {"errcode": 0, "errmsg": "ok"}),
    "/ding-bad": (200, {"errcode": 310000, "errmsg": "sign not match"}),
    "/sleep": (200, {"errcode": 0, "errmsg": "ok"}),
}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        parts = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "a", encoding="utf-8") as log:
            log.write(json.dumps({"path": parts.path, "query": parts.query,
                                  "body": body.decode("utf-8")}) + "\n")
        if parts.path == "/sleep":
            time.sleep(5)
        if parts.path == "/http500":
            status, data = 500, b"upstream broke"
        else:
            status, answer = ANSWERS.get(parts.path, (404, {}))
            data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except OSError:
            pass

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
