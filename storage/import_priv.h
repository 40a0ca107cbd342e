/* Shared by the importer's files (csv_import.c, import_actuals.c,
 * import_other.c, import_util.c); not a public interface. */
#ifndef FUPAN_STORAGE_IMPORT_PRIV_H
#define FUPAN_STORAGE_IMPORT_PRIV_H

#include <stdbool.h>
#include <sqlite3.h>
#include "model/catalogue.h"
#include "model/strmap.h"
#include "model/week.h"
#include "storage/csv_import.h"
#include "storage/csv_table.h"
#include "storage/db.h"

typedef struct {
    fp_week week;
    long long node, kpi;
} fp_imp_cell;

typedef struct {
    fp_db *db;
    const fp_catalogue *cat;
    fp_import_report *report;
    bool ok;                 /* no problem so far: keep writing */
    bool failed;             /* runtime error (report->error): stop */
    /* the file being imported */
    const char *file;
    fp_import_file *cur;
    const fp_csv_row *header;
    long long import_id;     /* 0 while not writing */
    long max_day;            /* days since epoch, -1 when none */
    fp_strmap *seen;         /* key -> line, duplicates in this file */
    fp_imp_cell *touched;    /* weeks to re-sum from daily rows */
    int ntouched, cap_touched;
    fp_strmap *touched_set;
    /* for the whole command */
    fp_strmap *nodes;        /* "store\x1f" "category\x1f" "person" -> id */
    long long *kpi_ids;      /* kpis.id per catalogue index, 0 = unknown */
    sqlite3_stmt *st_fact, *st_daily, *st_daily_clear, *st_daily_sum;
    sqlite3_stmt *st_target, *st_fx;
} fp_importer;

typedef struct {
    const char *name;
    bool required;
    int idx;                 /* set by fp_imp_bind: -1 when absent */
} fp_imp_col;

/* import_util.c: problems and field checks. Each check reports its
 * problem itself and returns false. */
void fp_imp_problem(fp_importer *imp, int line, const char *column,
                    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void fp_imp_fail(fp_importer *imp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Column name for messages: the header's, else "#N". buf >= 16 bytes. */
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
bool fp_imp_week(fp_importer *imp, const fp_csv_row *row, int idx,
                 fp_week *out);
bool fp_imp_date(fp_importer *imp, const fp_csv_row *row, int idx,
                 long *day);
/* A value: false on a problem; *present false for an empty cell. */
bool fp_imp_number(fp_importer *imp, const fp_csv_row *row, int idx,
                   int kpi, double *out, bool *present);
/* KPI index in the catalogue, or -1 after reporting. */
int fp_imp_kpi(fp_importer *imp, int line, const char *column,
               const char *id);
/* Reports a repeated key in one file ("same ... as line N"). */
bool fp_imp_unique(fp_importer *imp, const char *key, int line,
                   const char *column, const char *what);

/* import_util.c: storage, only while imp->ok. */
long long fp_imp_node(fp_importer *imp, const char *store,
                      const char *category, const char *person);
long long fp_imp_kpi_id(fp_importer *imp, int kpi);
bool fp_imp_run(fp_importer *imp, sqlite3_stmt *st);
void fp_imp_day_text(long day, char out[11]);
void fp_imp_note_day(fp_importer *imp, long day);

/* The kinds of file. */
void fp_import_actuals(fp_importer *imp, const fp_csv_table *t);
void fp_import_targets(fp_importer *imp, const fp_csv_table *t);
void fp_import_fx(fp_importer *imp, const fp_csv_table *t);
void fp_import_stores(fp_importer *imp, const fp_csv_table *t);
void fp_import_people(fp_importer *imp, const fp_csv_table *t);
void fp_import_categories(fp_importer *imp, const fp_csv_table *t);
/* Re-sums the weeks touched by daily rows of the current file. */
bool fp_import_resum_weeks(fp_importer *imp);

#endif
