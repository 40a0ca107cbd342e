/* Reading INI text with iniparser while keeping line numbers, so every
 * complaint can say "FILE:LINE: what is wrong". The text is scanned line
 * by line here (sections, keys, their lines, duplicates, lines iniparser
 * would refuse); iniparser then supplies the values (quotes, comments).
 * A UTF-8 BOM is skipped. Works for files and for built-in text.
 * Ownership: fp_ini_parse fills a doc; fp_ini_doc_done frees its
 * contents. fp_ini_read_file returns a malloc'd text. */
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
} fp_ini_doc;

/* Parses text; name is used in messages ("<built-in kpis.ini>" or the
 * path). Errors: a line that is neither "[section]" nor "key = value",
 * a key outside a section, a duplicate section or key, an over-long line.
 * Returns false with "NAME:LINE: what is wrong" in err; doc is then
 * empty. */
bool fp_ini_parse(const char *text, const char *name, fp_ini_doc *doc,
                  char *err, size_t errsz);
void fp_ini_doc_done(fp_ini_doc *doc);
/* Frees the contents of one section (for callers that took sections
 * out of a doc). */
void fp_ini_section_done(fp_ini_section *sec);

/* The value of key in sec, or NULL. */
const fp_ini_kv *fp_ini_find(const fp_ini_section *sec, const char *key);

/* Reads a whole (text) file; NULL with "PATH: reason" in err. */
char *fp_ini_read_file(const char *path, char *err, size_t errsz);

#endif
