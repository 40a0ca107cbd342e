/* INI text with line numbers; see ini_text.h. iniparser only reads
 * files, so the text is handed to it through an anonymous memory file
 * (memfd, or a temporary file where memfd is missing). */
#define _GNU_SOURCE /* memfd_create */
#include "storage/ini_text.h"
#include "model/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser/iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* iniparser refuses lines of ASCIILINESZ (1024) bytes or more. */
#define MAX_LINE 1023
#define MAX_FILE (4L * 1024 * 1024)

typedef struct {
    fp_ini_doc *doc;
    const char *name;
    char *err;
    size_t errsz;
    int line;
    bool continued;      /* previous line ended with '\' */
} scanner;

static bool scan_error(scanner *sc, const char *fmt, ...)
{
    int n = snprintf(sc->err, sc->errsz, "%s:%d: ", sc->name, sc->line);
    if (n >= 0 && (size_t)n < sc->errsz) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(sc->err + n, sc->errsz - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* Copy of s[0..len) with blanks trimmed and letters lower-cased. */
static char *lower_trimmed(const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[len] = '\0';
    return out;
}

static bool add_section(scanner *sc, const char *s, size_t len)
{
    char *name = lower_trimmed(s, len);
    if (!name)
        return scan_error(sc, _("out of memory"));
    fp_ini_doc *d = sc->doc;
    for (int i = 0; i < d->nsecs; i++)
        if (strcmp(d->secs[i].name, name) == 0) {
            int first = d->secs[i].line;
            free(name);
            return scan_error(sc, _("duplicate section [%s] (first at line "
                              "%d)"), d->secs[i].name, first);
        }
    if (!*name || strchr(name, ':')) {
        free(name);
        return scan_error(sc, _("bad section name"));
    }
    fp_ini_section *secs = realloc(d->secs, (size_t)(d->nsecs + 1) *
                                   sizeof *secs);
    if (!secs) {
        free(name);
        return scan_error(sc, _("out of memory"));
    }
    d->secs = secs;
    secs[d->nsecs++] = (fp_ini_section){ name, sc->line, NULL, 0 };
    return true;
}

static bool add_key(scanner *sc, const char *s, size_t len)
{
    fp_ini_doc *d = sc->doc;
    if (d->nsecs == 0)
        return scan_error(sc, _("key outside a [section]"));
    fp_ini_section *sec = &d->secs[d->nsecs - 1];
    char *key = lower_trimmed(s, len);
    if (!key)
        return scan_error(sc, _("out of memory"));
    if (!*key) {
        free(key);
        return scan_error(sc, _("missing key name before '='"));
    }
    for (int i = 0; i < sec->nkv; i++)
        if (strcmp(sec->kvs[i].key, key) == 0) {
            int first = sec->kvs[i].line;
            free(key);
            return scan_error(sc, _("duplicate key '%s' in [%s] (first at "
                              "line %d)"), sec->kvs[i].key, sec->name, first);
        }
    fp_ini_kv *kvs = realloc(sec->kvs, (size_t)(sec->nkv + 1) * sizeof *kvs);
    if (!kvs) {
        free(key);
        return scan_error(sc, _("out of memory"));
    }
    sec->kvs = kvs;
    kvs[sec->nkv++] = (fp_ini_kv){ key, NULL, sc->line };
    return true;
}

/* One line, without its newline, as iniparser will read it. */
static bool scan_line(scanner *sc, const char *s, size_t len)
{
    if (len > MAX_LINE)
        return scan_error(sc, _("line longer than %d bytes"), MAX_LINE);
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    bool was_continued = sc->continued;
    sc->continued = len && s[len - 1] == '\\';
    if (was_continued || len == 0 || *s == ';' || *s == '#')
        return true;
    if (*s == '[') {
        if (s[len - 1] != ']')
            return scan_error(sc, _("a section header must end with ']'"));
        return add_section(sc, s + 1, len - 2);
    }
    const char *eq = memchr(s, '=', len);
    if (!eq)
        return scan_error(sc, _("expected 'key = value' or '[section]'"));
    return add_key(sc, s, (size_t)(eq - s));
}

static bool scan_text(scanner *sc, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        sc->line++;
        if (!scan_line(sc, p, len))
            return false;
        p += len + (nl ? 1 : 0);
    }
    return true;
}

static int silent(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

/* An open descriptor holding text, for iniparser to read; -1 on error. */
static int text_fd(const char *text)
{
    int fd = memfd_create("fupan-ini", 0);
    if (fd < 0) {
        char path[] = "/tmp/fupan-ini-XXXXXX";
        fd = mkstemp(path);
        if (fd >= 0)
            unlink(path);
    }
    if (fd < 0)
        return -1;
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t)w;
    }
    return fd;
}

static dictionary *load_dictionary(const char *text)
{
    int fd = text_fd(text);
    if (fd < 0)
        return NULL;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    iniparser_set_error_callback(silent);
    dictionary *d = iniparser_load(path);
    close(fd);
    return d;
}

static bool fill_values(fp_ini_doc *doc, const dictionary *d)
{
    for (int i = 0; i < doc->nsecs; i++) {
        fp_ini_section *sec = &doc->secs[i];
        for (int k = 0; k < sec->nkv; k++) {
            size_t n = strlen(sec->name) + strlen(sec->kvs[k].key) + 2;
            char *full = malloc(n);
            if (!full)
                return false;
            snprintf(full, n, "%s:%s", sec->name, sec->kvs[k].key);
            const char *v = iniparser_getstring(d, full, "");
            free(full);
            if (!(sec->kvs[k].value = strdup(v ? v : "")))
                return false;
        }
    }
    return true;
}

bool fp_ini_parse(const char *text, const char *name, fp_ini_doc *doc,
                  char *err, size_t errsz)
{
    *doc = (fp_ini_doc){ NULL, 0 };
    if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    scanner sc = { doc, name, err, errsz, 0, false };
    if (!scan_text(&sc, text)) {
        fp_ini_doc_done(doc);
        return false;
    }
    dictionary *d = load_dictionary(text);
    bool ok = d && fill_values(doc, d);
    if (d)
        iniparser_freedict(d);
    if (!ok) {
        snprintf(err, errsz, _("%s: iniparser could not read it"), name);
        fp_ini_doc_done(doc);
    }
    return ok;
}

void fp_ini_section_done(fp_ini_section *sec)
{
    for (int k = 0; k < sec->nkv; k++) {
        free(sec->kvs[k].key);
        free(sec->kvs[k].value);
    }
    free(sec->kvs);
    free(sec->name);
    *sec = (fp_ini_section){ NULL, 0, NULL, 0 };
}

void fp_ini_doc_done(fp_ini_doc *doc)
{
    for (int i = 0; i < doc->nsecs; i++)
        fp_ini_section_done(&doc->secs[i]);
    free(doc->secs);
    *doc = (fp_ini_doc){ NULL, 0 };
}

const fp_ini_kv *fp_ini_find(const fp_ini_section *sec, const char *key)
{
    for (int i = 0; i < sec->nkv; i++)
        if (strcmp(sec->kvs[i].key, key) == 0)
            return &sec->kvs[i];
    return NULL;
}

char *fp_ini_read_file(const char *path, char *err, size_t errsz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *text = malloc(MAX_FILE + 1);
    size_t n = text ? fread(text, 1, MAX_FILE + 1, f) : 0;
    bool bad = !text || ferror(f) || n > MAX_FILE || memchr(text, 0, n);
    if (bad)
        snprintf(err, errsz, "%s: %s", path, !text ? _("out of memory")
                 : ferror(f) ? strerror(errno) : n > MAX_FILE
                 ? _("file too large") : _("not a text file (NUL byte)"));
    fclose(f);
    if (bad) {
        free(text);
        return NULL;
    }
    text[n] = '\0';
    char *fit = realloc(text, n + 1);
    return fit ? fit : text;
}
