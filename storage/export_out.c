/* Tables out: the writer of a file (CSV, JSON or .xlsx) behind a sink.
 * CSV and JSON go through model/list_out.h, the writer of fupan's lists,
 * so an export quotes and escapes exactly as `note list --format csv`.
 * GB18030 is converted on the fly by a stdio cookie over iconv. */
#define _GNU_SOURCE
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/list_out.h"
#include "model/i18n.h"
#include "storage/export_priv.h"

struct fp_xwriter {
    fp_xsink sink;          /* first: the sink is the writer */
    fp_export_format fmt;
    char *path;             /* NULL: standard output */
    char *tmp;              /* xlsx to standard output: a temporary file */
    FILE *f;                /* csv/json: where the list goes */
    fp_list_out out;
    fp_xlsx *xlsx;
    size_t rows;
    char err[512];
};

/* ---- GB18030 through iconv, as a FILE ---- */

typedef struct {
    FILE *to;
    iconv_t cd;
    char pend[8];           /* an incomplete UTF-8 sequence kept */
    size_t npend;
} conv_cookie;

static void conv_run(conv_cookie *c, char *in, size_t n)
{
    char out[4096];
    while (n > 0) {
        char *o = out;
        size_t left = sizeof out;
        size_t r = iconv(c->cd, &in, &n, &o, &left);
        fwrite(out, 1, sizeof out - left, c->to);
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        if (errno == EINVAL && n < sizeof c->pend) {  /* cut sequence */
            memcpy(c->pend, in, n);
            c->npend = n;
            return;
        }
        fputc('?', c->to);          /* not UTF-8: one byte replaced */
        in++;
        n--;
    }
}

static ssize_t conv_write(void *cookie, const char *buf, size_t size)
{
    conv_cookie *c = cookie;
    char *all = malloc(c->npend + size);
    if (!all)
        return -1;
    memcpy(all, c->pend, c->npend);
    memcpy(all + c->npend, buf, size);
    size_t n = c->npend + size;
    c->npend = 0;
    conv_run(c, all, n);
    free(all);
    return ferror(c->to) ? -1 : (ssize_t)size;
}

static int conv_close(void *cookie)
{
    conv_cookie *c = cookie;
    if (c->npend)
        fputc('?', c->to);
    iconv_close(c->cd);
    int rc = c->to == stdout ? fflush(stdout) : fclose(c->to);
    free(c);
    return rc == 0 ? 0 : EOF;
}

static FILE *gb18030_over(FILE *to)
{
    conv_cookie *c = calloc(1, sizeof *c);
    cookie_io_functions_t io = { .write = conv_write, .close = conv_close };
    if (!c)
        return NULL;
    c->to = to;
    c->cd = iconv_open("GB18030", "UTF-8");
    FILE *f = c->cd != (iconv_t)-1 ? fopencookie(c, "w", io) : NULL;
    if (!f) {
        if (c->cd != (iconv_t)-1)
            iconv_close(c->cd);
        free(c);
    }
    return f;
}

/* ---- sinks ---- */

static bool list_begin(fp_xsink *s, const char *name,
                       const char *const *cols, int ncols)
{
    fp_xwriter *w = (fp_xwriter *)s;
    (void)name;
    fp_list_out_init(&w->out, w->f, w->fmt == FP_EXPF_JSON ? FP_FMT_JSON
                                                           : FP_FMT_CSV,
                     cols, ncols);
    return !ferror(w->f);
}

static void list_cell(fp_xwriter *w, const fp_xcell *c)
{
    char buf[64];
    if (c->type == FP_XT_TEXT || c->type == FP_XT_STATUS) {
        fp_list_out_str(&w->out, c->text);
    } else if (c->type == FP_XT_BOOL && w->fmt == FP_EXPF_JSON) {
        fp_list_out_num(&w->out, c->flag ? "true" : "false");
    } else {
        fp_xcell_plain(c, buf, sizeof buf);
        fp_list_out_num(&w->out, buf);
    }
}

static bool list_row(fp_xsink *s, const fp_xcell *cells)
{
    fp_xwriter *w = (fp_xwriter *)s;
    for (int i = 0; i < w->out.ncols; i++)
        list_cell(w, &cells[i]);
    w->rows++;
    return !ferror(w->f);
}

static bool xlsx_begin(fp_xsink *s, const char *name,
                       const char *const *cols, int ncols)
{
    return fp_xlsx_begin(((fp_xwriter *)s)->xlsx, name, cols, ncols);
}

static bool xlsx_row(fp_xsink *s, const fp_xcell *cells)
{
    fp_xwriter *w = (fp_xwriter *)s;
    w->rows++;
    return fp_xlsx_row(w->xlsx, cells);
}

/* ---- open and close ---- */

static bool open_list(fp_xwriter *w, const fp_xwriter_opts *o)
{
    FILE *raw = w->path ? fopen(w->path, "w") : stdout;
    if (!raw)
        return false;
    w->f = raw;
    if (w->fmt == FP_EXPF_CSV && o && o->encoding == FP_ENC_GB18030 &&
        !(w->f = gb18030_over(raw))) {
        if (raw != stdout)
            fclose(raw);
        return false;
    }
    if (w->fmt == FP_EXPF_CSV && o && o->excel_bom)
        fputs("\xEF\xBB\xBF", w->f);
    w->sink = (fp_xsink){ list_begin, list_row };
    return true;
}

static bool open_xlsx(fp_xwriter *w)
{
    const char *file = w->path;
    if (!file) {             /* "-": a temporary file, copied at the end */
        const char *dir = getenv("TMPDIR");
        if (asprintf(&w->tmp, "%s/fupan-export-XXXXXX.xlsx",
                     dir && *dir ? dir : "/tmp") < 0)
            return !(w->tmp = NULL);
        int fd = mkstemps(w->tmp, 5);
        if (fd < 0)
            return false;
        close(fd);
        file = w->tmp;
    }
    w->xlsx = fp_xlsx_open(file, w->err, sizeof w->err);
    w->sink = (fp_xsink){ xlsx_begin, xlsx_row };
    return w->xlsx != NULL;
}

static void writer_free(fp_xwriter *w)
{
    if (w->tmp)
        unlink(w->tmp);
    free(w->tmp);
    free(w->path);
    free(w);
}

fp_xwriter *fp_xwriter_open(const char *path, fp_export_format fmt,
                            const fp_xwriter_opts *opts, char *err,
                            size_t errsz)
{
    fp_xwriter *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errsz, "%s", _("out of memory"));
        return NULL;
    }
    w->fmt = fmt;
    w->path = strcmp(path, "-") ? strdup(path) : NULL;
    bool ok = fmt == FP_EXPF_XLSX ? open_xlsx(w) : open_list(w, opts);
    if (!ok) {
        snprintf(err, errsz, "%s: %s", path,
                 *w->err ? w->err : strerror(errno));
        writer_free(w);
        return NULL;
    }
    return w;
}

fp_xsink *fp_xwriter_sink(fp_xwriter *w)
{
    return &w->sink;
}

size_t fp_xwriter_rows(const fp_xwriter *w)
{
    return w->rows;
}

static bool copy_to_stdout(const char *file)
{
    FILE *in = fopen(file, "rb");
    char buf[65536];
    size_t n;
    if (!in)
        return false;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, stdout);
    bool ok = !ferror(in);
    fclose(in);
    return fflush(stdout) == 0 && ok;
}

static bool close_list(fp_xwriter *w)
{
    if (w->out.f)
        fp_list_out_done(&w->out);
    bool ok = !ferror(w->f);
    if (w->f == stdout)
        return fflush(stdout) == 0 && ok;
    return fclose(w->f) == 0 && ok;
}

bool fp_xwriter_close(fp_xwriter *w, bool ok, char *err, size_t errsz)
{
    const char *name = w->path ? w->path : "-";
    bool written;
    if (w->fmt == FP_EXPF_XLSX)
        written = fp_xlsx_close(w->xlsx, w->err, sizeof w->err) &&
                  (!w->tmp || !ok || copy_to_stdout(w->tmp));
    else
        written = close_list(w);
    if (!written)
        snprintf(err, errsz, "%s: %s", name,
                 *w->err ? w->err : strerror(errno));
    if ((!written || !ok) && w->path)
        remove(w->path);
    writer_free(w);
    return written;
}

long fp_export_to_file(fp_review *rv, const fp_export_req *req,
                       const char *path, fp_export_format fmt, char *err,
                       size_t errsz)
{
    fp_xwriter *w = fp_xwriter_open(path, fmt, NULL, err, errsz);
    if (!w)
        return -1;
    *err = '\0';
    bool ok = fp_export_rows(rv, req, fp_xwriter_sink(w), err, errsz);
    long rows = (long)fp_xwriter_rows(w);
    char werr[512] = "";
    if (!fp_xwriter_close(w, ok, werr, sizeof werr) && ok) {
        snprintf(err, errsz, "%s", werr);
        return -1;
    }
    return ok ? rows : -1;
}
