/* The one INI reader of fupan (config, keymap, KPI catalogue, causes):
 * reads INI text while keeping line numbers, so every complaint can say
 * "FILE:LINE: what is wrong". The text is scanned line by line here
 * (sections, keys, their lines, duplicates, and the bytes: NUL, control
 * characters, invalid UTF-8, lines iniparser would refuse); iniparser
 * then supplies the values (quotes, comments). A UTF-8 BOM is skipped,
 * CRLF is fine. Works for files and for built-in text. Section and key
 * names are lower-cased, as iniparser keeps them. No problem message
 * holds a raw control byte (a line holding one is refused, not quoted).
 *
 * Strict mode stops at the first problem. Lenient mode (the keymap:
 * report and keep going) records every problem in doc->problems, skips
 * the bad line, lets a repeated key's last value win and adds a repeated
 * section's keys to the first one.
 *
 * Ownership: fp_ini_parse*, fp_ini_load_file fill a doc (always safe to
 * pass to fp_ini_doc_done); fp_ini_doc_done frees its contents.
 * fp_ini_read_file returns a malloc'd text. */
#ifndef FUPAN_STORAGE_INI_TEXT_H
#define FUPAN_STORAGE_INI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *key;       /* lower-cased, as iniparser keeps it */
    char *value;     /* unquoted, comment removed */
    int line;
} fp_ini_kv;

typedef struct {
    char *name;      /* lower-cased: "kpi.gmv" */
    int line;
    fp_ini_kv *kvs;
    int nkv;
} fp_ini_section;

typedef struct {
    fp_ini_section *secs; /* in file order */
    int nsecs;
    char **problems;      /* lenient mode: "NAME:LINE: what", in order */
    int nproblems;
} fp_ini_doc;

typedef enum { FP_INI_STRICT, FP_INI_LENIENT } fp_ini_mode;

/* Longest line (iniparser refuses 1,023 bytes and more), longest
 * section or key name, most keys in one text. */
#define FP_INI_MAX_LINE 1000
#define FP_INI_MAX_NAME 200
#define FP_INI_MAX_KEYS 10000

/* Parses text[0..len) (which may hold NUL bytes: each is a problem);
 * name is used in messages ("<built-in kpis.ini>" or the path).
 * Problems: a NUL byte, a control character, text that is not UTF-8, an
 * over-long line or name, a line that is neither "[section]" nor
 * "key = value", a key outside a section, a duplicate section or key.
 * Strict: returns false with "NAME:LINE: what is wrong" in err (doc
 * empty). Lenient: returns false only when out of memory (err may be
 * NULL). */
bool fp_ini_parse_mem(const char *text, size_t len, const char *name,
                      fp_ini_mode mode, fp_ini_doc *doc, char *err,
                      size_t errsz);
/* Strict parse of a NUL-terminated text. */
bool fp_ini_parse(const char *text, const char *name, fp_ini_doc *doc,
                  char *err, size_t errsz);
/* Reads path and parses it (path names it in messages). A file that
 * cannot be read gives false with "PATH: reason" in err, in both modes. */
bool fp_ini_load_file(const char *path, fp_ini_mode mode, fp_ini_doc *doc,
                      char *err, size_t errsz);
void fp_ini_doc_done(fp_ini_doc *doc);
/* Frees the contents of one section (for callers that took sections
 * out of a doc). */
void fp_ini_section_done(fp_ini_section *sec);

/* The value of key in sec, or NULL. */
const fp_ini_kv *fp_ini_find(const fp_ini_section *sec, const char *key);

/* Reads a whole file (at most 4 MiB), NUL bytes included: *len gets its
 * length; a NUL is added after it. NULL with "PATH: reason" in err. */
char *fp_ini_read_file(const char *path, size_t *len, char *err,
                       size_t errsz);

#endif
