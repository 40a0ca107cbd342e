/* Shared by the importer's files (csv_import.c, import_actuals.c,
 * import_other.c, import_util.c); not a public interface. */
#ifndef FUPAN_STORAGE_IMPORT_PRIV_H
#define FUPAN_STORAGE_IMPORT_PRIV_H

#include <stdbool.h>
#include <sqlite3.h>
#include "model/buf.h"
#include "model/catalogue.h"
#include "model/strmap.h"
#include "model/vec.h"
#include "model/week.h"
#include "storage/csv_import.h"
#include "storage/csv_table.h"
#include "storage/db.h"

typedef struct fp_importer fp_importer;

/* Tells whether row is the file's header; rows before it (a title
 * merged across the columns of a sheet, a "data period" line) are
 * skipped. fp_imp_is_header_default is set for every file; a kind of
 * file or a profile may set its own (imp->is_header). */
typedef bool (*fp_imp_header_fn)(fp_importer *imp, const fp_csv_row *row);
/* At most this many rows are skipped as titles above the header. */
#define FP_IMP_MAX_TITLE_ROWS 20

/* What a kind of file does with its rows (one per kind). */
typedef void (*fp_imp_row_fn)(fp_importer *imp, const fp_csv_row *row);

typedef struct {
    const char *name;
    bool required;
    int idx;                 /* set by fp_imp_bind: -1 when absent */
} fp_imp_col;

#define FP_IMP_MAX_COLS 8

/* Weekly facts are written FP_IMP_BATCH rows per statement. */
#define FP_IMP_BATCH 64

typedef struct {
    fp_week week;
    long long node, kpi;
    double value;
} fp_imp_fact;

/* A week an import wrote facts of. */
typedef struct {
    fp_week week;
    bool summed;             /* its trend sums are written from its rows
                                and still hold: else they are made from
                                its facts before the commit... */
    bool changed;            /* ...when a value of the week changed */
} fp_imp_wrote;

struct fp_importer {
    fp_db *db;
    const fp_catalogue *cat;
    fp_import_report *report;
    bool ok;                 /* no problem so far: keep writing */
    bool failed;             /* runtime error (report->error): stop */
    /* the file being imported */
    const char *file;
    fp_import_file *cur;
    fp_import_kind kind;     /* as asked (org: told by the header) */
    const char *kind_name;   /* "actuals", "people"...: once known */
    const fp_csv_row *header; /* &header_copy once the header is read */
    fp_csv_row header_copy;
    fp_imp_row_fn on_row;    /* NULL: the header was refused */
    fp_imp_col cols[FP_IMP_MAX_COLS];
    int *col_kpi;            /* actuals, wide: KPI per column, else -1 */
    bool daily, wide;        /* actuals */
    bool has_daily;          /* daily_facts had rows when the file began */
    long long import_id;     /* of the current file */
    long max_day;            /* days since epoch, -1 when none */
    fp_strmap *seen;         /* key -> line: small files (not actuals) */
    fp_imp_fact batch[FP_IMP_BATCH]; /* weekly facts not written yet */
    int nbatch;
    bool dup_found;          /* a write found a key of this same file */
    bool sorted;             /* keys ascend so far: no key can repeat */
    bool track_keys;         /* the input cannot be read twice (a pipe):
                                every key is noted with its line as it
                                comes, in a temporary table */
    fp_imp_fact last;        /* the last key written while sorted */
    struct fp_prof_run *prof; /* a profile's file (profile_import.c) */
    fp_encoding want;        /* the encoding asked for */
    /* files as they come (xlsx, title rows): */
    fp_imp_header_fn is_header;
    int title_rows;          /* rows skipped above the header so far */
    bool xlsx;               /* the file is an .xlsx workbook */
    char sheet[128];         /* its sheet being read ("" until known) */
    const void *xstream;     /* the fp_xlsx_stream while reading one */
    fp_strmap *markets;      /* store code -> fp_decimal + 1 (a cache) */
    /* The store of rows that have no store column (a per-shop export
     * imported with --store), for its market's numbers; NULL: none. */
    const char *default_store;
    const fp_import_opts *opts;
    double started;          /* monotonic seconds when the file began */
    bool cancelled;          /* *opts->cancel was seen set */
    bool rescan;             /* reading again: no problem is reported */
    bool rescan_past_header;
    int mark_until;          /* reading again up to this line, 0: all */
    /* for the whole command */
    fp_strmap *nodes;        /* "store\x1f" "category\x1f" "person" -> id */
    fp_buf node_key, last_key;
    long long last_node;     /* the node of last_key, 0 for none */
    fp_strmap *kpi_index;    /* KPI id -> catalogue index (made lazily) */
    fp_buf last_key_fields;  /* actuals: the last good key's time, store,
                                category, person, each NUL-terminated */
    fp_week last_key_week;
    long last_key_day;
    bool has_last_key;
    char last_kpi_id[64];    /* the last KPI id looked up... */
    int last_kpi;            /* ...and its index, -1 for none */
    long long *kpi_ids;      /* kpis.id per catalogue index, 0 = unknown */
    /* trend sums of the weeks written (import_sums.c) */
    fp_vec weeks;            /* fp_imp_wrote, ascending, each once */
    struct fp_trend_writer *sums; /* made at the first week summed */
    fp_vec capture;          /* fp_trend_row: the rows of capture_week */
    fp_week capture_week;    /* a week new to the database whose rows
                                are being written; 0 when none */
    fp_week rows_week;       /* the week of the last row written */
    sqlite3_stmt *st_fact, *st_daily, *st_daily_clear, *st_daily_sum;
    sqlite3_stmt *st_target, *st_fx, *st_touch, *st_touched;
    sqlite3_stmt *st_fact_batch, *st_key_add, *st_key_line;
    sqlite3_stmt *st_fact_sorted, *st_batch_sorted, *st_mark;
};

/* import_util.c: problems and field checks. Each check reports its
 * problem itself and returns false. */
void fp_imp_problem(fp_importer *imp, int line, const char *column,
                    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A problem of the whole file: "FILE: what". */
void fp_imp_problem_file(fp_importer *imp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The default header test: the first row holding a known column name
 * (week, date, store, kpi..., a KPI id or label), or more than one
 * non-empty cell, or the row after FP_IMP_MAX_TITLE_ROWS titles. */
bool fp_imp_is_header_default(fp_importer *imp, const fp_csv_row *row);
/* The non-empty cells of row, or -1 when one is a known column name. */
int fp_imp_title_cells(fp_importer *imp, const fp_csv_row *row);
void fp_imp_fail(fp_importer *imp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Column name for messages: the header's, else "#N" (fp_imp_problem
 * sanitises it and cuts it to 40 columns). buf >= 16 bytes;
 * FP_IMP_COLNAME is enough for any "#N". */
#define FP_IMP_COLNAME 200
const char *fp_imp_colname(const fp_importer *imp, int idx, char *buf);
/* Quoted, sanitised and shortened text for messages. buf >= 128 bytes. */
const char *fp_imp_show(const char *value, char *buf, size_t bufsz);
/* Field idx of row, trimmed of blanks; "" when absent. */
char *fp_imp_field(const fp_csv_row *row, int idx);
int fp_imp_header_index(const fp_csv_row *header, const char *name);
/* Binds cols to the header; reports missing required columns and, unless
 * allow_extra, unknown ones. Also reports empty and repeated names. */
bool fp_imp_bind(fp_importer *imp, fp_imp_col *cols, int ncols,
                 bool allow_extra);
bool fp_imp_check_ragged(fp_importer *imp, const fp_csv_row *row);
bool fp_imp_check_id(fp_importer *imp, const fp_csv_row *row, int idx,
                     bool required);
/* A name: at most FP_IMPORT_MAX_NAME bytes. */
bool fp_imp_check_name(fp_importer *imp, const fp_csv_row *row, int idx);
/* A text of at most max bytes, else reports "WHAT is at most ..."; what
 * is untranslated (N_), translated only when reported. */
bool fp_imp_check_length(fp_importer *imp, int line, const char *column,
                         const char *value, size_t max, const char *what);
bool fp_imp_week(fp_importer *imp, const fp_csv_row *row, int idx,
                 fp_week *out);
bool fp_imp_date(fp_importer *imp, const fp_csv_row *row, int idx,
                 long *day);
/* How the numbers of row are written: a number cell of a sheet with a
 * decimal point; else opts->decimal when given; else by the market of
 * the row's store (its "store" column, the first part of its "path"
 * column, else imp->default_store). */
fp_decimal fp_imp_decimal(fp_importer *imp, const fp_csv_row *row, int idx);
/* A value: false on a problem; *present false for an empty cell. */
bool fp_imp_number(fp_importer *imp, const fp_csv_row *row, int idx,
                   int kpi, double *out, bool *present);
/* KPI index in the catalogue, or -1 after reporting. */
int fp_imp_kpi(fp_importer *imp, int line, const char *column,
               const char *id);
/* Refuses a formula KPI ("cvr is computed from orders and clicks;
 * import those"): its value is always computed from its components. */
bool fp_imp_not_formula(fp_importer *imp, int line, const char *column,
                        int kpi);
/* Reports a repeated key in one file ("same ... as line N"), kept in
 * imp->seen (for the small files; actuals files ask the database). */
bool fp_imp_unique(fp_importer *imp, const char *key, int line,
                   const char *column, const char *what);

/* import_util.c: storage (actuals keep writing after a problem, to find
 * repeated keys; the transaction is rolled back then). */
long long fp_imp_node(fp_importer *imp, const char *store,
                      const char *category, const char *person);
long long fp_imp_kpi_id(fp_importer *imp, int kpi);
bool fp_imp_run(fp_importer *imp, sqlite3_stmt *st);
/* import_sums.c: the trend sums (storage/trend_sums.h) of the weeks an
 * import writes. A week that held no fact before is summed from its
 * rows as they are written, when the rows move on to another week; any
 * other week written is summed from its facts before the commit. */
/* A weekly fact about to be written. */
void fp_imp_sums_row(fp_importer *imp, fp_week week, long long node,
                     long long kpi, double value);
/* rows[0..n) were written and `changed` rows changed (sorted: a value
 * that did not change was left alone; else every row counts). */
void fp_imp_sums_written(fp_importer *imp, const fp_imp_fact *rows, int n,
                         int changed, bool sorted);
/* Facts of week were written another way (summed from daily rows). */
void fp_imp_sums_stale(fp_importer *imp, fp_week week);
/* Writes the sums still to write; false (fp_imp_fail) on an error. */
bool fp_imp_sums_finish(fp_importer *imp);
void fp_imp_sums_free(fp_importer *imp);
void fp_imp_note_day(fp_importer *imp, long day);

/* The kinds of file: each binds its columns to imp->header and sets
 * imp->on_row (left NULL when the header is refused). */
void fp_import_actuals(fp_importer *imp);
void fp_import_targets(fp_importer *imp);
void fp_import_fx(fp_importer *imp);
void fp_import_stores(fp_importer *imp);
void fp_import_people(fp_importer *imp);
void fp_import_categories(fp_importer *imp);
/* After the last row of an actuals file: writes what is left of the
 * batch, re-sums the weeks that daily rows touched. */
bool fp_import_actuals_end(fp_importer *imp);
/* csv_import.c: reads the current file again with imp->rescan set (the
 * kind's row function sees every row, no problem is reported), up to
 * until_line (0: to the end). */
void fp_imp_reread(fp_importer *imp, int until_line);
/* Before reading an actuals file again (imp->rescan) to name each
 * repeated key with the line of its first occurrence. */
bool fp_import_actuals_rescan_begin(fp_importer *imp);

/* profile_import.c: a file an import profile maps (storage/profile.h).
 * begin: true when a profile takes the file (its header refused or
 * not); end: writes the aggregated weekly values and the report. */
bool fp_imp_profile_begin(fp_importer *imp);
void fp_imp_profile_end(fp_importer *imp);
void fp_imp_profile_free(fp_importer *imp);
/* The header hook (imp->is_header) of an actuals file when profiles are
 * loaded: a row a profile detects is the header, rows above it titles. */
bool fp_imp_profile_is_header(fp_importer *imp, const fp_csv_row *row);
/* The store of a row of a profile's file (its store column, else
 * --store), or NULL. */
const char *fp_imp_profile_store(const fp_importer *imp,
                                 const fp_csv_row *row);
/* import_actuals.c: one weekly value, written as the rows' are. */
void fp_imp_write_week(fp_importer *imp, int line, fp_week week,
                       long long node, long long kpi, double value);

#endif
