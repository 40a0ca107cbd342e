/* Importing CSV files: actuals, targets, org (stores, people) and FX.
 *
 * File formats (header names are matched without regard to case; the
 * column order is free):
 *   actuals, long:  week,store,category,person,kpi,value
 *   actuals, wide:  week,store,category,person,<kpi id>,<kpi id>...
 *     "date" (YYYY-MM-DD or YYYY/MM/DD) may replace "week": daily rows
 *     are kept in daily_facts and the week's fact is the sum of that
 *     node's and KPI's daily rows in the week (only for additive KPIs).
 *     category and person may be left out or empty: an empty person is a
 *     category fact, an empty category and person a store fact.
 *   targets:        week,path,kpi,target   (empty week = standing target)
 *   org, stores:    store,name,platform,market,currency
 *   org, people:    person,name,role,store,category
 *   org, categories: category,name
 *   fx (or org):    week,currency,rate
 * An empty value means "no value": nothing is written for that cell.
 * Ids are at most FP_IMPORT_MAX_ID bytes, names FP_IMPORT_MAX_NAME; a
 * formula KPI is refused in actuals (it is computed from its
 * components); a target is not below zero.
 *
 * Files stream (storage/csv_stream.h): rows are checked and written as
 * they are read, memory does not grow with the file. Weekly facts go in
 * batches of FP_IMP_BATCH rows; a key repeated in one file is found by
 * the database (see import_actuals.c). The page cache is enlarged and
 * foreign keys are not checked per row during the import only (the ids
 * come from the database itself); both are restored afterwards.
 *
 * Everything happens in one transaction: any problem in any file (bad
 * number, unknown KPI, missing column, ragged row, broken quoting, bad
 * week or date, bad encoding, duplicate key) rejects the whole command
 * and nothing is written. Problems read "FILE:LINE: column NAME: what is
 * wrong". Re-importing replaces the values for the keys in the file
 * (weekly facts, daily rows, targets, rates); overrides and notes are
 * never touched. Unknown stores, categories and people are registered.
 *
 * Ownership: the caller provides an fp_import_report and releases it
 * with fp_import_report_done after fp_import_files. */
#ifndef FUPAN_STORAGE_CSV_IMPORT_H
#define FUPAN_STORAGE_CSV_IMPORT_H

#include <signal.h>
#include <stdbool.h>
#include "model/catalogue.h"
#include "model/number.h"
#include "model/week.h"
#include "storage/db.h"
#include "storage/encoding.h"
#include "storage/org.h"

#define FP_IMPORT_MAX_PROBLEMS 20
/* Longest id (store, category, person) and name, in bytes: a longer one
 * is refused with FILE:LINE, never cut (a cut id would merge two keys). */
#define FP_IMPORT_MAX_ID 128
#define FP_IMPORT_MAX_NAME 512

typedef enum {
    FP_IMPORT_ACTUALS,
    FP_IMPORT_TARGETS,
    FP_IMPORT_ORG,       /* stores, people, categories or FX files,
                            told apart by their header */
    FP_IMPORT_FX
} fp_import_kind;

typedef enum {
    FP_IMPORT_OK = 0,
    FP_IMPORT_REJECTED,  /* input problems: see report->problems */
    FP_IMPORT_FAILED,    /* runtime: file unreadable, SQLite: report->error */
    FP_IMPORT_CANCELLED  /* *opts->cancel was set: all rolled back */
} fp_import_status;

/* Where a long import is, for a progress line. */
typedef struct {
    const char *file;
    long long rows;        /* data rows read so far in this file */
    long long bytes;       /* bytes read so far in this file */
    long long total_bytes; /* the file's size, 0 when unknown */
    double seconds;        /* since this file began */
} fp_import_progress;

typedef struct {
    bool dry_run;          /* check and count everything, write nothing */
    fp_encoding encoding;  /* FP_ENC_AUTO detects UTF-8 / GB18030 */
    /* Called about once per MiB read once a file takes longer than a
     * second (NULL: never). */
    void (*progress)(void *ctx, const fp_import_progress *p);
    void *progress_ctx;
    /* When not NULL and set (a signal handler may set it), the import
     * stops and rolls everything back: FP_IMPORT_CANCELLED. */
    volatile sig_atomic_t *cancel;
    /* ---- files as they come ---- */
    const char *sheet;     /* .xlsx: the sheet to read, NULL: the first */
    fp_date_order date_order; /* AUTO: YYYY-MM-DD or YYYY/MM/DD */
    /* UNKNOWN: by the market of the row's store (stores.market: ID, VN
     * decimal comma; MY, TH, PH, SG decimal point), else as before */
    fp_decimal decimal;
    /* Import profiles (storage/profile.h), actuals only: the set (NULL:
     * none), the one to use (NULL: detected from the header), the store
     * of a file without a store column (NULL: none). */
    const struct fp_profile_set *profiles;
    const char *profile;
    const char *store;
} fp_import_opts;

typedef struct {
    char *file;            /* the name as given */
    const char *format;    /* "long", "wide", "daily long", "daily wide",
                              "targets", "stores", "people", "categories",
                              "fx" */
    int rows;              /* data records (header excluded) */
    int written;           /* facts, daily rows, targets, rates or org rows */
    int summed;            /* daily files: weekly facts re-summed */
    fp_encoding encoding;  /* what the file was */
    bool converted;        /* GB18030 converted to UTF-8 */
    char sha256[65];
    char max_day[11];      /* actuals: newest day covered, else "" */
    char sheet[128];       /* an .xlsx file: the sheet read, else "" */
    char *notes;           /* a profile's report, lines of text, or NULL */
} fp_import_file;

typedef struct {
    fp_import_file *files;
    int nfiles;
    fp_org_counts created; /* stores, categories, people, nodes registered */
    char *problems[FP_IMPORT_MAX_PROBLEMS];
    int nproblems;         /* kept (at most FP_IMPORT_MAX_PROBLEMS) */
    int total_problems;    /* found, including those not kept */
    char error[512];       /* FP_IMPORT_FAILED: one line */
} fp_import_report;

/* "actuals", "targets", "org", "fx". */
bool fp_import_kind_parse(const char *name, fp_import_kind *out);
const char *fp_import_kind_name(fp_import_kind kind);

/* Imports files[0..nfiles) of one kind into db (opened read-write).
 * opts may be NULL (auto encoding, no dry run). Returns an
 * fp_import_status; the report is filled in every case. */
int fp_import_files(fp_db *db, const fp_catalogue *cat, fp_import_kind kind,
                    const char *const *files, int nfiles,
                    const fp_import_opts *opts, fp_import_report *report);
void fp_import_report_done(fp_import_report *report);

#endif
