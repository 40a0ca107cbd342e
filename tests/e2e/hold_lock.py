# Holds the write lock of a fupan database the way a long import does, for
# the lock tests (not a test itself: run-all.sh runs test_*.sh only).
#   python3 hold_lock.py [--importer] DB READY RELEASE
# Takes the lock (BEGIN IMMEDIATE), writes its pid into READY, keeps the
# lock until the file RELEASE exists (60 s at most), then commits.
# --importer also says "I am importing" as fupan's import does: pid in
# DB-importer, held under flock(2) for the length of the transaction.
import fcntl
import os
import sqlite3
import sys
import time

args = [a for a in sys.argv[1:] if a != "--importer"]
db, ready, release = args
con = sqlite3.connect(db, isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO settings(key, value) VALUES ('lock-test', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
if "--importer" in sys.argv:
    info = open(db + "-importer", "w")
    fcntl.flock(info, fcntl.LOCK_EX)
    info.write("%d\n" % os.getpid())
    info.flush()
with open(ready + ".tmp", "w") as f:
    f.write("%d\n" % os.getpid())
os.rename(ready + ".tmp", ready)
deadline = time.time() + 60
while not os.path.exists(release) and time.time() < deadline:
    time.sleep(0.05)
con.execute("COMMIT")
