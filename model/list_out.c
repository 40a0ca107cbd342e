/* CSV/JSON list writer; see list_out.h. */
#include "model/list_out.h"

#include <string.h>

#include "model/text.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The quoting RFC 4180 asks for is all a writer needs (libcsv, the
 * reader in storage/, is not linked into model/ for it). */
void fp_csv_field(FILE *f, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!n)
        return;
    if (!strpbrk(s, ",\"\r\n") && !is_blank(s[0]) && !is_blank(s[n - 1])) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void fp_json_string(FILE *f, const char *s)
{
    static const char short_escape[] = "\b\f\n\r\t";
    static const char short_letter[] = "bfnrt";
    int n;
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;
         p++) {
        const char *e = *p ? strchr(short_escape, *p) : NULL;
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (e)
            fprintf(f, "\\%c", short_letter[e - short_escape]);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else if (*p < 0x80)
            fputc(*p, f);
        else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
            fprintf(f, "\\u%04x", *++p);      /* a C1 control */
        else if ((n = fp_utf8_len((const char *)p)) > 1) {
            fwrite(p, 1, (size_t)n, f);
            p += n - 1;
        } else
            fputs("\\ufffd", f);   /* an invalid byte */
    }
    fputc('"', f);
}

void fp_list_out_init(fp_list_out *o, FILE *f, fp_out_format fmt,
                      const char *const *cols, int ncols)
{
    *o = (fp_list_out){ f, fmt, cols, ncols, 0, 0 };
    if (fmt == FP_FMT_JSON)
        fputc('[', f);
    if (fmt != FP_FMT_CSV)
        return;
    for (int i = 0; i < ncols; i++) {
        fp_csv_field(f, cols[i]);
        fputc(i + 1 < ncols ? ',' : '\n', f);
    }
}

/* Writes what goes before a field: a row start, a separator, a key. */
static void field_start(fp_list_out *o)
{
    if (o->fmt == FP_FMT_JSON) {
        if (o->col == 0)
            fputs(o->rows ? ",\n{" : "\n{", o->f);
        else
            fputc(',', o->f);
        fp_json_string(o->f, o->cols[o->col]);
        fputc(':', o->f);
    } else if (o->col > 0) {
        fputc(',', o->f);
    }
}

static void field_end(fp_list_out *o)
{
    if (++o->col < o->ncols)
        return;
    fputs(o->fmt == FP_FMT_JSON ? "}" : "\n", o->f);
    o->col = 0;
    o->rows++;
}

void fp_list_out_str(fp_list_out *o, const char *s)
{
    field_start(o);
    if (o->fmt == FP_FMT_CSV)
        fp_csv_field(o->f, s);
    else if (s)
        fp_json_string(o->f, s);
    else
        fputs("null", o->f);
    field_end(o);
}

void fp_list_out_num(fp_list_out *o, const char *plain)
{
    field_start(o);
    if (plain && *plain)
        fputs(plain, o->f);
    else if (o->fmt == FP_FMT_JSON)
        fputs("null", o->f);
    field_end(o);
}

void fp_list_out_int(fp_list_out *o, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    fp_list_out_num(o, buf);
}

void fp_list_out_done(fp_list_out *o)
{
    if (o->fmt == FP_FMT_JSON)
        fputs(o->rows ? "\n]\n" : "]\n", o->f);
}
