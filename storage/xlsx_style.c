/* Which cell styles of a workbook show dates, date-times or times
 * (xl/styles.xml), and Excel serial numbers as text. See xlsx_read.h. */
#include "storage/xlsx_priv.h"
#include "model/i18n.h"
#include "model/vec.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/week.h"

#define MAX_CUSTOM 256

typedef struct {
    fp_xlsx_book *book;
    bool in_xfs;                  /* inside <cellXfs> */
    int custom_id[MAX_CUSTOM];    /* <numFmt> ids... */
    unsigned char custom_kind[MAX_CUSTOM]; /* ...and what they show */
    int ncustom;
    bool failed;
} styles_ctx;

static fp_xf_kind builtin_kind(int id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) ||
        (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return FP_XF_DATE;
    if (id == 22)
        return FP_XF_DATETIME;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) ||
        (id >= 45 && id <= 47))
        return FP_XF_TIME;
    return id == 9 || id == 10 ? FP_XF_PERCENT : FP_XF_NUMBER;
}

/* A format code's kind: its letters outside quotes, brackets (but
 * [h] [m] [s]: elapsed time) and escapes. */
static fp_xf_kind code_kind(const char *code)
{
    bool day = false, time = false, percent = false;
    for (const char *p = code; *p != '\0'; p++) {
        int c = tolower((unsigned char)*p);
        if (c == '"') {
            while (p[1] != '\0' && p[1] != '"')
                p++;
            p += p[1] != '\0';
        } else if (c == '\\' || c == '_' || c == '*') {
            p += p[1] != '\0';
        } else if (c == '[') {
            int e = tolower((unsigned char)p[1]);
            time = time || e == 'h' || e == 'm' || e == 's';
            while (p[1] != '\0' && p[1] != ']')
                p++;
        } else {
            day = day || c == 'y' || c == 'd';
            time = time || c == 'h' || c == 's';
            percent = percent || c == '%';
        }
    }
    return day && time ? FP_XF_DATETIME : day ? FP_XF_DATE
         : time ? FP_XF_TIME : percent ? FP_XF_PERCENT : FP_XF_NUMBER;
}

static fp_xf_kind format_kind(const styles_ctx *c, int id)
{
    for (int i = 0; i < c->ncustom; i++)
        if (c->custom_id[i] == id)
            return (fp_xf_kind)c->custom_kind[i];
    return builtin_kind(id);
}

static bool push_xf(fp_xlsx_book *b, fp_xf_kind kind)
{
    bool ok = true;
    FP_GROW(b->xf_kind, b->nxf + 1, b->cap_xf, ok);
    if (!ok)
        return false;
    b->xf_kind[b->nxf++] = (unsigned char)kind;
    return true;
}

static void styles_start(void *ud, const char *el, const char **attrs)
{
    styles_ctx *c = ud;
    const char *n = fp_xml_local(el);
    const char *id = fp_xml_attr(attrs, "numFmtId");
    if (strcmp(n, "cellXfs") == 0) {
        c->in_xfs = true;
    } else if (strcmp(n, "numFmt") == 0 && id != NULL &&
               c->ncustom < MAX_CUSTOM) {
        const char *code = fp_xml_attr(attrs, "formatCode");
        c->custom_id[c->ncustom] = atoi(id);
        c->custom_kind[c->ncustom++] =
            (unsigned char)code_kind(code ? code : "");
    } else if (strcmp(n, "xf") == 0 && c->in_xfs) {
        if (!push_xf(c->book, format_kind(c, id ? atoi(id) : 0)))
            c->failed = true;
    }
}

static void styles_end(void *ud, const char *el)
{
    styles_ctx *c = ud;
    if (strcmp(fp_xml_local(el), "cellXfs") == 0)
        c->in_xfs = false;
}

bool fp_xlsx_load_styles(fp_xlsx_book *b, fp_xlsx_stream *s)
{
    styles_ctx *c = calloc(1, sizeof *c);
    XML_Parser p = c != NULL ? XML_ParserCreate("UTF-8") : NULL;
    int rc = ENOMEM;
    if (p != NULL) {
        c->book = b;
        XML_SetUserData(p, c);
        XML_SetElementHandler(p, styles_start, styles_end);
        rc = fp_xml_parse_entry(b->zip, "xl/styles.xml", p);
        XML_ParserFree(p);
    }
    bool nomem = rc == ENOMEM || c == NULL || c->failed;
    free(c);
    if (nomem)
        s->status = FP_XLSX_NOMEM;
    /* a broken or absent styles part: every number is a number */
    return !nomem;
}

fp_xf_kind fp_xlsx_style_kind(const fp_xlsx_book *b, long xf)
{
    if (xf < 0 || (size_t)xf >= b->nxf)
        return FP_XF_NUMBER;
    return (fp_xf_kind)b->xf_kind[xf];
}

/* Day 0 of the 1900 date system as Excel counts past 1900-02-28 (its
 * phantom 1900-02-29 makes 1899-12-30 the real origin). */
void fp_xlsx_serial_text(double serial, bool with_time, char *buf)
{
    long long minutes = llround(serial * 1440.0);
    long long days = minutes / 1440;
    int y, m, d;
    fp_civil_from_days(fp_days_from_civil(1899, 12, 30) + (long)days,
                       &y, &m, &d);
    if (with_time)
        snprintf(buf, 20, "%04d-%02d-%02d %02d:%02d", y % 10000, m, d,
                 (int)(minutes % 1440 / 60), (int)(minutes % 60));
    else
        snprintf(buf, 20, "%04d-%02d-%02d", y % 10000, m, d);
}
