/* Checking a database file: `fupan check` and the TUI's check at start.
 * The file is opened read-only on its own connection: nothing is
 * migrated or written, so a damaged or too new file can be looked at.
 * Ownership: fp_check_report_init/fp_check_report_done. */
#ifndef FUPAN_STORAGE_CHECK_H
#define FUPAN_STORAGE_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many problems are kept (integrity_check stops there). */
#define FP_CHECK_MAX_PROBLEMS 100

typedef struct {
    char **problems;      /* one line each, owned; n of them */
    size_t n;
    size_t nsums;         /* of them, about the trend sums only (what
                             fp_check_repair_sums mends) */
    int schema_version;   /* PRAGMA user_version, -1 when unreadable */
    int schema_current;   /* the version this fupan writes */
    bool out_of_memory;
} fp_check_report;

void fp_check_report_init(fp_check_report *r);
void fp_check_report_done(fp_check_report *r);

/* Runs PRAGMA integrity_check (quick_check when quick), then
 * foreign_key_check, and compares the schema version with this fupan's;
 * unless quick, and when nothing else is wrong, compares the trend sums
 * of every week with its facts (storage/trend_sums.h). Every finding is
 * a line in r->problems. Returns false (message in err) only when the
 * file cannot be opened at all. */
bool fp_check_file(const char *path, bool quick, fp_check_report *r,
                   char *err, size_t errsz);
/* Makes the trend sums of every week again from the facts, in one
 * transaction (`fupan check --repair`). False with the message in err. */
bool fp_check_repair_sums(const char *path, char *err, size_t errsz);

/* The TUI's check at start: a quick check of the file at path unless
 * it (and its WAL) kept the size and time it had at the last check that
 * passed, which is remembered in fupan's data folder. Returns 0 when
 * fine (or skipped), else the number of problems, with the first one
 * in msg. */
int fp_check_if_changed(const char *path, char *msg, size_t msgsz);
/* Records the file at path as it is now as checked: for the close of a
 * session whose start check passed, so that fupan's own writes do not
 * make the next start check the whole file again (a crash, or another
 * program's write, still does). */
void fp_check_mark_sound(const char *path);

#endif
