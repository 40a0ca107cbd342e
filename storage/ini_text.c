/* The one INI reader; see ini_text.h. iniparser only reads files, so the
 * checked text is handed to it through an anonymous memory file (memfd,
 * or an unlinked temporary file where memfd or /proc is missing). */
#define _GNU_SOURCE /* memfd_create */
#include "storage/ini_text.h"
#include "model/text.h"
#include "model/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iniparser/iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "model/i18n.h"
#include "model/vec.h"
#include "storage/ini_values.h"

#define MAX_FILE (4L * 1024 * 1024)

typedef struct {
    fp_ini_doc *doc;
    const char *name;
    fp_ini_mode mode;
    char *err;
    size_t errsz;
    int line;
    int cur;             /* index of the current section, -1 before one */
    int nkeys;
    bool continued;      /* previous line ended with '\' */
    size_t joined;       /* bytes of the lines joined by '\' so far */
    bool stop;           /* strict mode: a problem was found */
    bool oom;
    char *clean;         /* the text iniparser reads: bad lines blanked */
    size_t nclean;
} scanner;

static void add_problem(scanner *sc, const char *msg)
{
    fp_ini_doc *d = sc->doc;
    char **grown = fp_grow_one(d->problems, sizeof *grown,
                               (size_t)d->nproblems);
    char *copy = strdup(msg);
    if (grown)
        d->problems = grown;
    if (!grown || !copy) {
        free(copy);
        sc->oom = true;
        return;
    }
    d->problems[d->nproblems++] = copy;
}

/* Records "NAME:LINE: what"; in strict mode it also ends the scan.
 * Returns false, so that "return problem(...)" reads as a refusal. */
__attribute__((format(printf, 2, 3)))
static bool problem(scanner *sc, const char *fmt, ...)
{
    char body[512], msg[1024];
    va_list ap;
    va_start(ap, fmt);
    fp_ini_vformat(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(msg, sizeof msg, "%s:%d: %s", sc->name, sc->line, body);
    fp_utf8_cut(msg);
    if (sc->mode == FP_INI_STRICT) {
        if (sc->err && sc->errsz) {
            snprintf(sc->err, sc->errsz, "%s", msg);
            fp_utf8_cut(sc->err);
        }
        sc->stop = true;
    } else {
        add_problem(sc, msg);
    }
    return false;
}

/* ---- bytes ---- */

/* NUL, control characters (C0 but tab, DEL, C1) and invalid UTF-8 are
 * refused: an INI file is text, and no message may echo them. */
static bool check_bytes(scanner *sc, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        int n = fp_utf8_decode(u + i, len - i, &cp);
        if (n == 0)
            return problem(sc, _("not UTF-8 text (byte 0x%02x); save the "
                                 "file as UTF-8"), u[i]);
        if (cp == 0)
            return problem(sc, _("NUL byte: this is not a text file"));
        if ((cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp < 0xa0))
            return problem(sc, _("control character U+%04X"), cp);
        i += (size_t)n;
    }
    return true;
}

/* ---- structure ---- */

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

static int find_section(const fp_ini_doc *d, const char *name)
{
    for (int i = 0; i < d->nsecs; i++)
        if (strcmp(d->secs[i].name, name) == 0)
            return i;
    return -1;
}

/* The section name is taken over (freed on failure). */
static bool push_section(scanner *sc, char *name)
{
    fp_ini_doc *d = sc->doc;
    fp_ini_section *secs = fp_grow_one(d->secs, sizeof *secs,
                                       (size_t)d->nsecs);
    if (!secs) {
        free(name);
        sc->oom = true;
        return false;
    }
    d->secs = secs;
    secs[d->nsecs] = (fp_ini_section){ name, sc->line, NULL, 0 };
    sc->cur = d->nsecs++;
    return true;
}

static bool add_section(scanner *sc, const char *s, size_t len)
{
    sc->cur = -1; /* keys after a refused header belong to no section */
    char *name = lower_trimmed(s, len);
    if (!name)
        return sc->oom = true, false;
    bool bad = !*name || strpbrk(name, ":[]\t") || strlen(name) >
               FP_INI_MAX_NAME;
    int dup = bad ? -1 : find_section(sc->doc, name);
    if (bad || dup >= 0) {
        if (dup >= 0) {
            problem(sc, _("duplicate section [%s] (first at line %d)"),
                    name, sc->doc->secs[dup].line);
            sc->cur = dup; /* lenient: its keys join the first one */
        } else {
            problem(sc, _("bad section name [%s]"), name);
        }
        free(name);
        return dup >= 0; /* keep a repeated header's line for iniparser */
    }
    return push_section(sc, name);
}

static fp_ini_kv *find_kv(fp_ini_section *sec, const char *key)
{
    for (int i = 0; i < sec->nkv; i++)
        if (strcmp(sec->kvs[i].key, key) == 0)
            return &sec->kvs[i];
    return NULL;
}

static bool push_kv(scanner *sc, fp_ini_section *sec, char *key)
{
    fp_ini_kv *kvs = fp_grow_one(sec->kvs, sizeof *kvs, (size_t)sec->nkv);
    if (!kvs) {
        free(key);
        return sc->oom = true, false;
    }
    sec->kvs = kvs;
    kvs[sec->nkv++] = (fp_ini_kv){ key, NULL, sc->line };
    sc->nkeys++;
    return true;
}

static bool add_key(scanner *sc, const char *s, size_t len)
{
    if (sc->cur < 0)
        return problem(sc, _("key outside a [section]"));
    if (sc->nkeys >= FP_INI_MAX_KEYS)
        return problem(sc, _("more than %d keys"), FP_INI_MAX_KEYS);
    fp_ini_section *sec = &sc->doc->secs[sc->cur];
    char *key = lower_trimmed(s, len);
    if (!key)
        return sc->oom = true, false;
    if (!*key || strlen(key) > FP_INI_MAX_NAME || strchr(key, '\t')) {
        bool empty = !*key, tab = strchr(key, '\t') != NULL;
        free(key);
        if (empty)
            return problem(sc, _("missing key name before '='"));
        if (tab)
            return problem(sc, _("a key name cannot hold a tab"));
        return problem(sc, _("key name longer than %d bytes"),
                       FP_INI_MAX_NAME);
    }
    fp_ini_kv *dup = find_kv(sec, key);
    if (!dup)
        return push_kv(sc, sec, key);
    problem(sc, _("duplicate key '%s' in [%s] (first at line %d)"), key,
            sec->name, dup->line);
    dup->line = sc->line; /* lenient: the last one wins, as in iniparser */
    free(key);
    return true;
}

/* The structure of one line (bytes already checked): false when the line
 * must be left out of the text iniparser reads. */
static bool scan_structure(scanner *sc, const char *s, size_t len)
{
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
            return problem(sc, _("a section header must end with ']'"));
        return add_section(sc, s + 1, len - 2);
    }
    const char *eq = memchr(s, '=', len);
    if (!eq)
        return problem(sc, _("expected 'key = value' or '[section]'"));
    return add_key(sc, s, (size_t)(eq - s));
}

static bool line_fits(scanner *sc, size_t len)
{
    sc->joined = (sc->continued ? sc->joined : 0) + len;
    if (len > FP_INI_MAX_LINE)
        return problem(sc, _("line longer than %d bytes"), FP_INI_MAX_LINE);
    if (sc->joined > FP_INI_MAX_LINE)
        return problem(sc, _("lines joined by '\\' longer than %d bytes"),
                       FP_INI_MAX_LINE);
    return true;
}

/* One line without its newline; kept in the clean text when it is good
 * (a refused line stays as an empty line, so line numbers hold). */
static void scan_line(scanner *sc, const char *s, size_t len)
{
    if (len && s[len - 1] == '\r')
        len--;
    sc->line++;
    bool keep = check_bytes(sc, s, len) && line_fits(sc, len) &&
                scan_structure(sc, s, len);
    if (!keep)
        sc->continued = false;
    if (keep) {
        memcpy(sc->clean + sc->nclean, s, len);
        sc->nclean += len;
    }
    sc->clean[sc->nclean++] = '\n';
}

static void scan_text(scanner *sc, const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && !sc->stop && !sc->oom) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        scan_line(sc, text + i, n);
        i += n + 1;
    }
    sc->clean[sc->nclean] = '\0';
}

/* ---- values, through iniparser ---- */

static int silent(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

static bool write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w;
        n -= (size_t)w;
    }
    return true;
}

/* An open descriptor holding text and a path iniparser can open it by;
 * -1 on error. */
static int text_fd(const char *text, size_t len, char *path, size_t pathsz)
{
    int fd = memfd_create("fupan-ini", MFD_CLOEXEC);
    if (fd >= 0 && access("/proc/self/fd", R_OK) == 0) {
        snprintf(path, pathsz, "/proc/self/fd/%d", fd);
    } else {
        if (fd >= 0)
            close(fd);
        snprintf(path, pathsz, "/tmp/fupan-ini-XXXXXX");
        fd = mkstemp(path);
    }
    if (fd >= 0 && !write_all(fd, text, len)) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static dictionary *load_dictionary(const char *text, size_t len)
{
    char path[64];
    int fd = text_fd(text, len, path, sizeof path);
    if (fd < 0)
        return NULL;
    iniparser_set_error_callback(silent);
    dictionary *d = iniparser_load(path);
    close(fd);
    if (strncmp(path, "/tmp/", 5) == 0)
        unlink(path);
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
            char *copy = strdup(v ? v : "");
            if (!copy)
                return false;
            for (char *t = strchr(copy, '\t'); t; t = strchr(t, '\t'))
                *t = ' '; /* a tab inside a value reads as a space */
            sec->kvs[k].value = copy;
        }
    }
    return true;
}

/* ---- the public face ---- */

static void set_err(char *err, size_t errsz, const char *fmt, const char *a,
                    const char *b)
{
    if (err && errsz)
        snprintf(err, errsz, fmt, a, b);
}

static bool read_values(scanner *sc)
{
    dictionary *d = load_dictionary(sc->clean, sc->nclean);
    bool ok = d && fill_values(sc->doc, d);
    if (d)
        iniparser_freedict(d);
    if (!ok)
        set_err(sc->err, sc->errsz, "%s: %s", sc->name,
                d ? _("out of memory") : _("iniparser could not read it"));
    return ok;
}

bool fp_ini_parse_mem(const char *text, size_t len, const char *name,
                      fp_ini_mode mode, fp_ini_doc *doc, char *err,
                      size_t errsz)
{
    *doc = (fp_ini_doc){ NULL, 0, NULL, 0 };
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    scanner sc = { .doc = doc, .name = name, .mode = mode, .err = err,
                   .errsz = errsz, .cur = -1 };
    sc.clean = malloc(len + 2);
    if (!sc.clean) {
        set_err(err, errsz, "%s: %s", name, _("out of memory"));
        return false;
    }
    scan_text(&sc, text, len);
    bool ok = !sc.stop && !sc.oom && read_values(&sc);
    if (sc.oom)
        set_err(err, errsz, "%s: %s", name, _("out of memory"));
    free(sc.clean);
    if (!ok)
        fp_ini_doc_done(doc);
    return ok;
}

bool fp_ini_parse(const char *text, const char *name, fp_ini_doc *doc,
                  char *err, size_t errsz)
{
    return fp_ini_parse_mem(text, strlen(text), name, FP_INI_STRICT, doc,
                            err, errsz);
}

bool fp_ini_load_file(const char *path, fp_ini_mode mode, fp_ini_doc *doc,
                      char *err, size_t errsz)
{
    *doc = (fp_ini_doc){ NULL, 0, NULL, 0 };
    size_t len;
    char *text = fp_ini_read_file(path, &len, err, errsz);
    if (!text)
        return false;
    bool ok = fp_ini_parse_mem(text, len, path, mode, doc, err, errsz);
    free(text);
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
    for (int i = 0; i < doc->nproblems; i++)
        free(doc->problems[i]);
    free(doc->problems);
    *doc = (fp_ini_doc){ NULL, 0, NULL, 0 };
}

const fp_ini_kv *fp_ini_find(const fp_ini_section *sec, const char *key)
{
    for (int i = 0; i < sec->nkv; i++)
        if (strcmp(sec->kvs[i].key, key) == 0)
            return &sec->kvs[i];
    return NULL;
}

char *fp_ini_read_file(const char *path, size_t *len, char *err,
                       size_t errsz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errsz, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *text = malloc(MAX_FILE + 1);
    size_t n = text ? fread(text, 1, MAX_FILE + 1, f) : 0;
    int read_errno = errno;
    bool bad = !text || ferror(f) || n > MAX_FILE;
    if (bad)
        set_err(err, errsz, "%s: %s", path, !text ? _("out of memory")
                : ferror(f) ? strerror(read_errno) : _("file too large"));
    fclose(f);
    if (bad) {
        free(text);
        return NULL;
    }
    text[n] = '\0';
    *len = n;
    char *fit = realloc(text, n + 1);
    return fit ? fit : text;
}
