#!/usr/bin/env python3
"""csv_to_xlsx_spec.py < CSV > SPEC: a CSV export as make_xlsx.py's SPEC,
typed as Excel keeps it: date-times as serial date-times, hh:mm:ss
durations as [h]:mm:ss times, percentages as 0.00%, numbers as numbers,
anything else (names, "01:15" as mm:ss) as shared strings. Lines given
as arguments ("#title TEXT", or TAB-separated cells) come first: title
rows above the header."""
import csv
import datetime
import re
import sys

EPOCH = datetime.datetime(1899, 12, 30)


def cell(v):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)", v)
    if m:
        t = datetime.datetime(*map(int, m.groups()))
        return "t:%r" % ((t - EPOCH).total_seconds() / 86400)
    m = re.fullmatch(r"(\d+):(\d\d):(\d\d)", v)
    if m:
        h, mi, s = map(int, m.groups())
        return "h:%r" % ((h * 3600 + mi * 60 + s) / 86400)
    if re.fullmatch(r"-?\d+(\.\d+)?%", v):
        return "p:%r" % (float(v[:-1]) / 100)
    if re.fullmatch(r"-?\d+(\.\d+)?", v):
        return "n:" + v
    return "s:" + v


for line in sys.argv[1:]:
    print(line)
for row in csv.reader(sys.stdin):
    print("\t".join(cell(v) for v in row))
