#!/usr/bin/env python3
"""make_xlsx.py OUT [SHEET [SHEET2]] < SPEC: writes a minimal .xlsx
workbook (the OOXML parts Excel itself reads) for the import tests.

SPEC: one line per sheet row, cells separated by TABs; an empty cell is
left out of the XML (the reader must fill the gap). A cell is
  s:TEXT  a shared string        i:TEXT  an inline string
  n:NUM   a number               d:NUM   a serial date (style yyyy-mm-dd)
  t:NUM   a serial date-time (style yyyy-mm-dd hh:mm)
  h:NUM   a duration (style [h]:mm:ss)
  p:NUM   a percentage (built-in style 0.00%)
  anything else: a shared string.
A line "#title TEXT" is a title merged across the first 5 columns.
A second sheet name gets a copy of the first sheet's rows with every
number doubled (to check --sheet)."""
import sys
import zipfile
from xml.sax.saxutils import escape

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>
<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/>
<numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs></styleSheet>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = ('xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
       '2006/relationships"')


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_xml(ref, cell, sst, double):
    kind, _, val = (cell.partition(":") if cell[1:2] == ":"
                    else ("s", "", cell))
    if kind in "ndth" and double:
        val = repr(float(val) * 2) if kind == "n" else val
    if kind == "i":
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(val)}</t></is></c>'
    if kind == "n":
        return f'<c r="{ref}" s="4"><v>{val}</v></c>'
    if kind in "dthp":
        style = {"d": 1, "t": 2, "h": 3, "p": 5}[kind]
        return f'<c r="{ref}" s="{style}"><v>{val}</v></c>'
    sst.setdefault(val, len(sst))
    return f'<c r="{ref}" t="s"><v>{sst[val]}</v></c>'


def sheet_xml(lines, sst, double):
    rows, merges = [], []
    for r, line in enumerate(lines, 1):
        if line.startswith("#title "):
            merges.append(f'<mergeCell ref="A{r}:E{r}"/>')
            cells = [cell_xml(f"A{r}", "s:" + line[7:], sst, double)]
        else:
            cells = [cell_xml(f"{col(c)}{r}", v, sst, double)
                     for c, v in enumerate(line.split("\t")) if v != ""]
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    merge = (f'<mergeCells count="{len(merges)}">{"".join(merges)}'
             '</mergeCells>' if merges else "")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet {NS} {RNS}><sheetData>{"".join(rows)}</sheetData>'
            f'{merge}</worksheet>')


def main():
    out = sys.argv[1]
    names = sys.argv[2:] or ["Sheet1"]
    lines = [l.rstrip("\n") for l in sys.stdin if l.strip() != ""]
    sst = {}
    sheets = [sheet_xml(lines, sst, i > 0) for i in range(len(names))]
    strings = "".join(f"<si><t xml:space=\"preserve\">{escape(s)}</t></si>"
                      for s in sst)
    book = "".join(f'<sheet name="{escape(n)}" sheetId="{i + 1}" '
                   f'r:id="rId{i + 1}"/>' for i, n in enumerate(names))
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats'
        f'.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(names)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/'
                   'content-types"/>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} '
                   f'{RNS}><sheets>{book}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships">{rels}</Relationships>')
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} '
                   f'count="{len(sst)}" uniqueCount="{len(sst)}">{strings}'
                   '</sst>')
        for i, x in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", x)


main()
