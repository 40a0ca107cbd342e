/* Reading an .xlsx workbook: the container and the workbook's parts
 * (sheet list, relationships, styles, shared strings); the sheet itself
 * is streamed in xlsx_sheet.c. See xlsx_read.h. */
#include "storage/xlsx_read.h"
#include "model/i18n.h"
#include "model/vec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/sha256.h"
#include "storage/xlsx_priv.h"

fp_file_magic fp_file_magic_of(const void *bytes, size_t n)
{
    const unsigned char *b = bytes;
    if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
        return FP_FILE_ZIP;
    if (n >= 4 && memcmp(b, "\xd0\xcf\x11\xe0", 4) == 0)
        return FP_FILE_OLE;
    return FP_FILE_TEXT;
}

fp_file_magic fp_file_magic_path(const char *path)
{
    unsigned char b[4];
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return FP_FILE_TEXT;
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    return fp_file_magic_of(b, n);
}

const char *fp_xlsx_ole_why(void)
{
    return _("an old Excel .xls or a password-protected workbook: "
             "save it as .xlsx (without a password) or as CSV");
}

/* ---- one XML part, streamed ---- */

#define XML_CHUNK (64u * 1024)

const char *fp_xml_local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon != NULL ? colon + 1 : name;
}

const char *fp_xml_attr(const char **attrs, const char *name)
{
    for (int i = 0; attrs[i] != NULL; i += 2)
        if (strcmp(fp_xml_local(attrs[i]), name) == 0)
            return attrs[i + 1];
    return NULL;
}

/* Streams the entry name of z through p. Returns 0, or ENOENT when the
 * entry is absent, EIO on a read error, EILSEQ on broken XML, ECANCELED
 * when a handler stopped the parser. */
int fp_xml_parse_entry(zip_t *z, const char *name, XML_Parser p)
{
    zip_file_t *zf = zip_fopen(z, name, 0);
    if (zf == NULL)
        return ENOENT;
    char *buf = malloc(XML_CHUNK);
    int rc = buf == NULL ? ENOMEM : 0;
    while (rc == 0) {
        zip_int64_t n = zip_fread(zf, buf, XML_CHUNK);
        if (n < 0) {
            rc = EIO;
            break;
        }
        if (XML_Parse(p, buf, (int)n, n == 0) != XML_STATUS_OK)
            rc = XML_GetErrorCode(p) == XML_ERROR_ABORTED ? ECANCELED
                                                          : EILSEQ;
        if (n == 0)
            break;
    }
    free(buf);
    zip_fclose(zf);
    return rc;
}

static XML_Parser new_parser(void *ud, XML_StartElementHandler start,
                             XML_EndElementHandler end,
                             XML_CharacterDataHandler text)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (p == NULL)
        return NULL;
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    if (text != NULL)
        XML_SetCharacterDataHandler(p, text);
    return p;
}

/* ---- the sheet list (xl/workbook.xml) and its targets ---- */

typedef struct {
    fp_xlsx_book *book;
    const char *want;       /* the name asked for, NULL: the first */
    fp_buf names;           /* all names, for a "no such sheet" message */
    bool found;
} sheets_ctx;

static void on_sheet(void *ud, const char *el, const char **attrs)
{
    sheets_ctx *c = ud;
    if (c->found || strcmp(fp_xml_local(el), "sheet") != 0)
        return;
    const char *name = fp_xml_attr(attrs, "name");
    const char *rid = fp_xml_attr(attrs, "id");
    if (name == NULL || rid == NULL)
        return;
    if (c->want == NULL || strcmp(c->want, name) == 0) {
        c->found = true;
        snprintf(c->book->sheet_name, sizeof c->book->sheet_name, "%s",
                 name);
        snprintf(c->book->sheet_rid, sizeof c->book->sheet_rid, "%s", rid);
        return;
    }
    fp_buf_add(&c->names, c->names.len > 0 ? ", " : "");
    fp_buf_add(&c->names, name);
}

static void on_nothing(void *ud, const char *el)
{
    (void)ud;
    (void)el;
}

static bool find_sheet(fp_xlsx_book *b, fp_xlsx_stream *s)
{
    sheets_ctx c = {.book = b, .want = s->sheet};
    fp_buf_init(&c.names);
    XML_Parser p = new_parser(&c, on_sheet, on_nothing, NULL);
    int rc = p == NULL ? ENOMEM : fp_xml_parse_entry(b->zip, "xl/workbook.xml", p);
    if (p != NULL)
        XML_ParserFree(p);
    if (rc != 0 || !c.found) {
        s->status = rc == ENOMEM ? FP_XLSX_NOMEM : rc != 0
                  ? FP_XLSX_NOT_WORKBOOK : FP_XLSX_NO_SHEET;
        if (rc == 0)
            snprintf(s->why, sizeof s->why, _("no sheet named \"%s\" "
                     "(the sheets: %s)"), s->sheet ? s->sheet : "",
                     fp_buf_str(&c.names));
        else
            snprintf(s->why, sizeof s->why, "%s", _("not an Excel "
                     "workbook (no readable xl/workbook.xml)"));
    }
    fp_buf_done(&c.names);
    return rc == 0 && c.found;
}

static void on_rel(void *ud, const char *el, const char **attrs)
{
    fp_xlsx_book *b = ud;
    if (strcmp(fp_xml_local(el), "Relationship") != 0)
        return;
    const char *id = fp_xml_attr(attrs, "Id");
    const char *target = fp_xml_attr(attrs, "Target");
    if (id == NULL || target == NULL || strcmp(id, b->sheet_rid) != 0)
        return;
    if (target[0] == '/')
        snprintf(b->sheet_path, sizeof b->sheet_path, "%s", target + 1);
    else
        snprintf(b->sheet_path, sizeof b->sheet_path, "xl/%s", target);
}

/* The sheet's part name; xl/worksheets/sheet1.xml when the workbook
 * has no relationships part. */
static void find_sheet_path(fp_xlsx_book *b)
{
    snprintf(b->sheet_path, sizeof b->sheet_path, "%s",
             "xl/worksheets/sheet1.xml");
    XML_Parser p = new_parser(b, on_rel, on_nothing, NULL);
    if (p == NULL)
        return;
    fp_xml_parse_entry(b->zip, "xl/_rels/workbook.xml.rels", p);
    XML_ParserFree(p);
}

/* ---- the shared strings (held whole: see xlsx_read.h) ---- */

typedef struct {
    fp_xlsx_book *book;
    int in_t;               /* inside <t> of an <si> */
    int in_rph;             /* inside phonetic text: not the cell's */
    bool failed;
} sst_ctx;

static bool sst_push(fp_xlsx_book *b)
{
    bool ok = true;
    FP_GROW(b->sst_off, b->nsst + 1, b->cap_sst, ok);
    if (!ok)
        return false;
    b->sst_off[b->nsst++] = b->sst.len;
    return true;
}

static void sst_start(void *ud, const char *el, const char **attrs)
{
    sst_ctx *c = ud;
    const char *n = fp_xml_local(el);
    (void)attrs;
    if (strcmp(n, "si") == 0 && !sst_push(c->book))
        c->failed = true;
    else if (strcmp(n, "rPh") == 0)
        c->in_rph++;
    else if (strcmp(n, "t") == 0)
        c->in_t++;
}

static void sst_end(void *ud, const char *el)
{
    sst_ctx *c = ud;
    const char *n = fp_xml_local(el);
    if (strcmp(n, "si") == 0)
        fp_buf_addc(&c->book->sst, '\0');
    else if (strcmp(n, "rPh") == 0)
        c->in_rph--;
    else if (strcmp(n, "t") == 0)
        c->in_t--;
}

static void sst_text(void *ud, const char *s, int len)
{
    sst_ctx *c = ud;
    if (c->in_t > 0 && c->in_rph == 0)
        fp_buf_addn(&c->book->sst, s, (size_t)len);
}

static bool load_shared_strings(fp_xlsx_book *b, fp_xlsx_stream *s)
{
    sst_ctx c = {.book = b};
    XML_Parser p = new_parser(&c, sst_start, sst_end, sst_text);
    int rc = p == NULL ? ENOMEM
                       : fp_xml_parse_entry(b->zip, "xl/sharedStrings.xml", p);
    if (p != NULL)
        XML_ParserFree(p);
    if (c.failed || b->sst.failed || rc == ENOMEM) {
        s->status = FP_XLSX_NOMEM;
        return false;
    }
    if (rc != 0 && rc != ENOENT) {
        s->status = FP_XLSX_NOT_WORKBOOK;
        snprintf(s->why, sizeof s->why, "%s",
                 _("broken shared strings (xl/sharedStrings.xml)"));
        return false;
    }
    return true;
}

const char *fp_xlsx_shared(const fp_xlsx_book *b, long i)
{
    if (i < 0 || (size_t)i >= b->nsst)
        return NULL;
    return b->sst.s + b->sst_off[i];
}

/* ---- the whole file ---- */

static bool hash_file(const char *path, fp_xlsx_stream *s)
{
    FILE *f = fopen(path, "rb");
    char buf[65536];
    fp_sha256_ctx sha;
    size_t n;
    if (f == NULL) {
        s->status = FP_XLSX_IO;
        s->err_errno = errno;
        return false;
    }
    fp_sha256_init(&sha);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fp_sha256_update(&sha, buf, n);
    fclose(f);
    fp_sha256_final_hex(&sha, s->sha256);
    return true;
}

static bool open_book(fp_xlsx_book *b, const char *path, fp_xlsx_stream *s)
{
    int err = 0;
    b->zip = zip_open(path, ZIP_RDONLY, &err);
    if (b->zip == NULL) {
        s->status = FP_XLSX_NOT_WORKBOOK;
        snprintf(s->why, sizeof s->why, "%s", _("not an Excel workbook "
                 "(a broken or truncated zip file)"));
        return false;
    }
    return true;
}

static void close_book(fp_xlsx_book *b)
{
    if (b->zip != NULL)
        zip_discard(b->zip);
    fp_buf_done(&b->sst);
    free(b->sst_off);
    free(b->xf_kind);
}

bool fp_xlsx_stream_file(const char *path, fp_xlsx_stream *s)
{
    fp_xlsx_book b;
    memset(&b, 0, sizeof b);
    fp_buf_init(&b.sst);
    s->status = FP_XLSX_OK;
    s->why[0] = '\0';
    s->sheet_name[0] = '\0';
    s->err_row = 0;
    bool ok = hash_file(path, s) && open_book(&b, path, s) &&
              find_sheet(&b, s);
    if (ok) {
        snprintf(s->sheet_name, sizeof s->sheet_name, "%s", b.sheet_name);
        find_sheet_path(&b);
        ok = fp_xlsx_load_styles(&b, s) && load_shared_strings(&b, s) &&
             fp_xlsx_read_sheet(&b, s);
    }
    close_book(&b);
    return ok;
}

const char *fp_xlsx_column_name(int index, char *buf)
{
    char tmp[8];
    int n = 0;
    for (index++; index > 0 && n < 7; index = (index - 1) / 26)
        tmp[n++] = (char)('A' + (index - 1) % 26);
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}
