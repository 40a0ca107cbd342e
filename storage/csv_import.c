/* The import command's frame: every file is streamed (csv_stream.h),
 * its rows checked and written as they come, all files in one
 * transaction (see csv_import.h). Rows are written even after a problem
 * (the database finds repeated keys, which takes no memory); the
 * transaction is then rolled back. A dry run rolls back too, after
 * counting everything. Memory does not grow with the file. */
#include "storage/csv_import.h"
#include "model/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "model/text.h"
#include "storage/csv_stream.h"
#include "storage/import_priv.h"
#include "storage/trend_sums.h"
#include "storage/xlsx_read.h"

static const char *const kind_names[] = {"actuals", "targets", "org", "fx"};

bool fp_import_kind_parse(const char *name, fp_import_kind *out)
{
    for (int i = 0; i < 4; i++) {
        if (strcmp(name, kind_names[i]) == 0) {
            *out = (fp_import_kind)i;
            return true;
        }
    }
    return false;
}

const char *fp_import_kind_name(fp_import_kind kind)
{
    return (unsigned)kind < 4 ? kind_names[kind] : "?";
}

/* ---- statements ---- */

static const char *const sql_fact =
    "INSERT INTO facts(week, node_id, kpi_id, value, import_id)"
    " VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(week, node_id, kpi_id)"
    " DO UPDATE SET value = excluded.value, import_id = excluded.import_id"
    " WHERE facts.import_id IS NOT excluded.import_id";
static const char *const sql_daily =
    "INSERT INTO daily_facts(day, node_id, kpi_id, value, import_id)"
    " VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(node_id, kpi_id, day)"
    " DO UPDATE SET value = excluded.value, import_id = excluded.import_id"
    " WHERE daily_facts.import_id IS NOT excluded.import_id";
static const char *const sql_daily_clear =
    "DELETE FROM daily_facts WHERE node_id = ?1 AND kpi_id = ?2"
    " AND day BETWEEN ?3 AND ?4";
static const char *const sql_daily_sum =
    "INSERT INTO facts(week, node_id, kpi_id, value, import_id)"
    " SELECT ?1, ?2, ?3, sum(value), ?4 FROM daily_facts"
    " WHERE node_id = ?2 AND kpi_id = ?3 AND day BETWEEN ?5 AND ?6"
    " GROUP BY node_id ON CONFLICT(week, node_id, kpi_id)"
    " DO UPDATE SET value = excluded.value, import_id = excluded.import_id";
static const char *const sql_target =
    "INSERT INTO targets(week, node_id, kpi_id, value, import_id, kind)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(week, node_id, kpi_id)"
    " DO UPDATE SET value = excluded.value, import_id = excluded.import_id,"
    " kind = excluded.kind";
static const char *const sql_fx =
    "INSERT INTO fx_rates(week, currency, rate) VALUES(?1, ?2, ?3)"
    " ON CONFLICT(week, currency) DO UPDATE SET rate = excluded.rate";

static bool prepare_all(fp_importer *imp)
{
    struct { sqlite3_stmt **st; const char *sql; } all[] = {
        {&imp->st_fact, sql_fact}, {&imp->st_daily, sql_daily},
        {&imp->st_daily_clear, sql_daily_clear},
        {&imp->st_daily_sum, sql_daily_sum}, {&imp->st_target, sql_target},
        {&imp->st_fx, sql_fx},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        *all[i].st = fp_db_prepare(imp->db, all[i].sql);
        if (*all[i].st == NULL) {
            fp_imp_fail(imp, "%s", imp->db->err);
            return false;
        }
    }
    return true;
}

/* Every node the database has, by key, in one query: rows of known
 * nodes then need no lookup (memory: one entry per node, not per row). */
static bool load_nodes(fp_importer *imp)
{
    sqlite3_stmt *st = fp_db_prepare(imp->db,
        "SELECT n.id, ifnull(s.code, ''), ifnull(c.code, ''),"
        " ifnull(p.code, '') FROM nodes n"
        " LEFT JOIN stores s ON s.id = n.store_id"
        " LEFT JOIN categories c ON c.id = n.category_id"
        " LEFT JOIN people p ON p.id = n.person_id WHERE n.level > 0");
    fp_buf key;
    int rc = SQLITE_ERROR;
    fp_buf_init(&key);
    while (st != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        key.len = 0;
        for (int i = 1; i <= 3; i++) {
            fp_buf_add(&key, (const char *)sqlite3_column_text(st, i));
            if (i < 3)
                fp_buf_addc(&key, '\x1f');
        }
        if (key.failed ||
            !fp_strmap_put(imp->nodes, key.s, sqlite3_column_int64(st, 0)))
            break;
    }
    if (rc != SQLITE_DONE)
        fp_db_set_error(imp->db, "nodes");
    sqlite3_finalize(st);
    fp_buf_done(&key);
    if (rc != SQLITE_DONE)
        fp_imp_fail(imp, "%s", rc == SQLITE_ROW ? _("out of memory")
                                                : imp->db->err);
    return rc == SQLITE_DONE;
}

static bool importer_init(fp_importer *imp, fp_db *db, const fp_catalogue *cat,
                          fp_import_report *report)
{
    memset(imp, 0, sizeof *imp);
    imp->db = db;
    imp->cat = cat;
    imp->report = report;
    imp->ok = true;
    imp->last_kpi = -1;
    imp->weeks = fp_vec_of(sizeof(fp_imp_wrote));
    imp->capture = fp_vec_of(sizeof(fp_trend_row));
    imp->nodes = fp_strmap_new();
    imp->kpi_ids = calloc((size_t)cat->nkpis + 1, sizeof *imp->kpi_ids);
    if (imp->nodes == NULL || imp->kpi_ids == NULL) {
        fp_imp_fail(imp, _("out of memory"));
        return false;
    }
    return prepare_all(imp) && load_nodes(imp);
}

static void importer_done(fp_importer *imp)
{
    sqlite3_stmt *all[] = {imp->st_fact, imp->st_daily, imp->st_daily_clear,
                           imp->st_daily_sum, imp->st_target, imp->st_fx,
                           imp->st_touch, imp->st_touched,
                           imp->st_fact_batch, imp->st_key_add,
                           imp->st_key_line, imp->st_fact_sorted,
                           imp->st_batch_sorted, imp->st_mark};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(all[i]);
    fp_imp_sums_free(imp);
    fp_strmap_free(imp->nodes);
    fp_strmap_free(imp->markets);
    fp_strmap_free(imp->kpi_index);
    fp_buf_done(&imp->last_key_fields);
    fp_buf_done(&imp->node_key);
    fp_buf_done(&imp->last_key);
    fp_strmap_free(imp->seen);
    fp_csv_row_free(&imp->header_copy);
    free(imp->kpi_ids);
    free(imp->col_kpi);
    fp_imp_profile_free(imp);
}

/* ---- one file ---- */

/* Column of a field of the record at an error: the header's name, or
 * "#N" when the error is in the header itself. */
static const char *error_column(fp_importer *imp, const fp_csv_stream *s,
                                char *buf)
{
    if (s->err_in_header || imp->header == NULL) {
        snprintf(buf, FP_IMP_COLNAME, "#%d", s->err_field + 1);
        return buf;
    }
    return fp_imp_colname(imp, s->err_field, buf);
}

static void stream_problem(fp_importer *imp, const fp_csv_stream *s)
{
    char col[FP_IMP_COLNAME];
    switch (s->status) {
    case FP_CSV_IO:
        fp_imp_fail(imp, _("%s: cannot read: %s"), imp->file,
                    strerror(s->err_errno));
        break;
    case FP_CSV_NOMEM:
        fp_imp_fail(imp, _("%s: out of memory"), imp->file);
        break;
    case FP_CSV_DECODE:
        if (s->bad_byte == 0)
            fp_imp_problem(imp, s->err_line, error_column(imp, s, col), "%s",
                           s->why);
        else
            fp_imp_problem(imp, s->err_line, error_column(imp, s, col),
                           _("byte 0x%02X is %s"), s->bad_byte, s->why);
        break;
    case FP_CSV_SYNTAX:
        fp_imp_problem(imp, s->err_line, error_column(imp, s, col), "%s",
                       s->why);
        break;
    case FP_CSV_NOT_TEXT:
        fp_imp_problem_file(imp, "%s", s->why);
        break;
    default:
        break; /* stopped: a runtime failure already reported */
    }
}

/* Which org file this is, from its header. */
static const char *org_format(const fp_csv_row *header)
{
    if (fp_imp_header_index(header, "person") >= 0)
        return "people";
    if (fp_imp_header_index(header, "rate") >= 0)
        return "fx";
    if (fp_imp_header_index(header, "store") >= 0)
        return "stores";
    if (fp_imp_header_index(header, "category") >= 0)
        return "categories";
    return NULL;
}

static const char *file_kind(fp_importer *imp, fp_import_kind kind)
{
    switch (kind) {
    case FP_IMPORT_ACTUALS: return "actuals";
    case FP_IMPORT_TARGETS: return "targets";
    case FP_IMPORT_FX: return "fx";
    default: break;
    }
    const char *k = org_format(imp->header);
    if (k == NULL)
        fp_imp_problem(imp, imp->header->line, "#1",
                       _("not an org file: the header should be "
                       "store,name,platform,market,currency or "
                       "person,name,role,store,category or "
                       "category,name or week,currency,rate"));
    return k;
}

static bool record_import(fp_importer *imp, const char *kind, bool finish)
{
    fp_import_file *f = imp->cur;
    sqlite3_stmt *st = fp_db_prepare(imp->db, finish
        ? "UPDATE imports SET rows = ?1, max_day = ?2, sha256 = ?4,"
          " encoding = ?5 WHERE id = ?3"
        : "INSERT INTO imports(kind, file, sha256, rows, encoding, max_day,"
          " imported_at) VALUES(?1, ?2, '', 0, ?4, NULL, ?5)");
    char now[32];
    if (st == NULL) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return false;
    }
    if (finish) {
        sqlite3_bind_int(st, 1, f->rows);
        if (f->max_day[0] != '\0')
            sqlite3_bind_text(st, 2, f->max_day, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, imp->import_id);
        sqlite3_bind_text(st, 4, f->sha256, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, fp_encoding_name(f->encoding), -1,
                          SQLITE_STATIC);
    } else {
        fp_db_now(now, sizeof now);
        sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, f->file, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, fp_encoding_name(f->encoding), -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    }
    bool ok = fp_imp_run(imp, st);
    sqlite3_finalize(st);
    if (ok && !finish)
        imp->import_id = sqlite3_last_insert_rowid(imp->db->sql);
    return ok;
}

/* The header is read: which kind of file, then its columns. */
static void begin_file(fp_importer *imp, fp_import_kind kind)
{
    const char *k = file_kind(imp, kind);
    if (k == NULL || !record_import(imp, k, false))
        return;
    imp->kind_name = k;
    if (strcmp(k, "actuals") == 0)
        fp_import_actuals(imp);
    else if (strcmp(k, "targets") == 0)
        fp_import_targets(imp);
    else if (strcmp(k, "fx") == 0)
        fp_import_fx(imp);
    else if (strcmp(k, "stores") == 0)
        fp_import_stores(imp);
    else if (strcmp(k, "categories") == 0)
        fp_import_categories(imp);
    else
        fp_import_people(imp);
}

static bool cancelled(fp_importer *imp)
{
    if (imp->opts->cancel != NULL && *imp->opts->cancel)
        imp->cancelled = true;
    return imp->cancelled;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_progress(void *ctx, long long done, long long total)
{
    fp_importer *imp = ctx;
    double t = now_seconds() - imp->started;
    if (imp->opts->progress == NULL || imp->rescan || t < 1.0)
        return;
    fp_import_progress p = {imp->file, imp->cur->rows, done, total, t};
    imp->opts->progress(imp->opts->progress_ctx, &p);
}

/* The sheet being read, for problems naming a cell (its name is known
 * once the first row comes). */
static void note_sheet(fp_importer *imp)
{
    const fp_xlsx_stream *x = imp->xstream;
    if (x != NULL && imp->sheet[0] == '\0')
        snprintf(imp->sheet, sizeof imp->sheet, "%s", x->sheet_name);
}

static bool on_record(void *ctx, fp_csv_row *row)
{
    fp_importer *imp = ctx;
    if (cancelled(imp))
        return false;
    if (imp->rescan) {
        if (imp->mark_until > 0 && row->line >= imp->mark_until)
            return false;
        if (imp->header != NULL && row->line <= imp->header->line)
            imp->rescan_past_header = true; /* titles and the header */
        else if (imp->on_row != NULL)
            imp->on_row(imp, row);
        return !imp->failed;
    }
    if (imp->header == NULL) {
        note_sheet(imp);
        if (!imp->is_header(imp, row)) {
            imp->title_rows++;
            return !imp->failed;
        }
        if (!fp_csv_row_copy(row, &imp->header_copy)) {
            fp_imp_fail(imp, _("out of memory"));
            return false;
        }
        imp->header = &imp->header_copy;
        begin_file(imp, imp->kind);
    } else {
        imp->cur->rows++;
        if (imp->on_row != NULL)
            imp->on_row(imp, row);
    }
    return !imp->failed;
}

static bool reset_file_state(fp_importer *imp, fp_import_file *cur)
{
    fp_strmap_free(imp->seen);
    imp->seen = fp_strmap_new();
    imp->nbatch = 0;
    imp->dup_found = false;
    imp->has_last_key = false;
    imp->sorted = false;
    fp_csv_row_free(&imp->header_copy);
    free(imp->col_kpi);
    imp->col_kpi = NULL;
    fp_imp_profile_free(imp);
    imp->file = cur->file;
    imp->cur = cur;
    imp->header = NULL;
    imp->on_row = NULL;
    imp->kind_name = NULL;
    imp->import_id = 0;
    imp->max_day = -1;
    imp->rescan = false;
    imp->is_header = fp_imp_is_header_default;
    imp->default_store = imp->opts->store;
    imp->title_rows = 0;
    imp->xlsx = false;
    imp->sheet[0] = '\0';
    imp->xstream = NULL;
    if (imp->seen == NULL) {
        fp_imp_fail(imp, _("out of memory"));
        return false;
    }
    return true;
}

static void xlsx_problem(fp_importer *imp, const fp_xlsx_stream *x)
{
    switch (x->status) {
    case FP_XLSX_IO:
        fp_imp_fail(imp, _("%s: cannot read: %s"), imp->file,
                    strerror(x->err_errno));
        break;
    case FP_XLSX_NOMEM:
        fp_imp_fail(imp, _("%s: out of memory"), imp->file);
        break;
    case FP_XLSX_BAD:
        fp_imp_problem(imp, x->err_row, "", "%s", x->why);
        break;
    case FP_XLSX_NOT_WORKBOOK:
    case FP_XLSX_NO_SHEET:
        fp_imp_problem_file(imp, "%s", x->why);
        break;
    default:
        break; /* stopped: a runtime failure already reported */
    }
}

/* Streams the current file, a CSV file or a sheet of a workbook, to
 * s->on_record. For a sheet, s gets its fingerprint; the sheet's own
 * problems are reported here (a CSV file's by the caller). */
static bool stream_file(fp_importer *imp, fp_csv_stream *s)
{
    if (!imp->xlsx)
        return fp_csv_stream_file(imp->file, s);
    fp_xlsx_stream x = {.sheet = imp->opts->sheet,
                        .on_record = s->on_record, .ctx = s->ctx};
    imp->xstream = &x;
    bool ok = fp_xlsx_stream_file(imp->file, &x);
    note_sheet(imp);
    imp->xstream = NULL;
    s->encoding = FP_ENC_UTF8;
    s->converted = false;
    s->status = ok ? FP_CSV_OK : FP_CSV_STOPPED;
    memcpy(s->sha256, x.sha256, sizeof s->sha256);
    if (!ok)
        xlsx_problem(imp, &x);
    return ok;
}

void fp_imp_reread(fp_importer *imp, int until_line)
{
    fp_csv_stream s = {.want = imp->want, .on_record = on_record,
                       .ctx = imp};
    imp->rescan = true;
    imp->rescan_past_header = false;
    imp->mark_until = until_line;
    stream_file(imp, &s);
    imp->rescan = false;
    imp->mark_until = 0;
}

/* A key came twice: the file is read again, each value's key noted
 * with its line in a temporary table, to name both lines of every
 * repeated key. Only on this error path, and with no memory per row. */
static void find_repeated_keys(fp_importer *imp)
{
    if (fp_import_actuals_rescan_begin(imp))
        fp_imp_reread(imp, 0);
}

static void end_file(fp_importer *imp, const fp_csv_stream *s)
{
    fp_import_file *cur = imp->cur;
    memcpy(cur->sha256, s->sha256, sizeof cur->sha256);
    if (imp->on_row != NULL && strcmp(imp->kind_name, "actuals") == 0)
        fp_import_actuals_end(imp);
    if (imp->max_day >= 0)
        fp_day_format(imp->max_day, cur->max_day);
    if (imp->import_id > 0 && !imp->failed)
        record_import(imp, imp->kind_name, true);
}

/* A regular file can be read again (to name repeated keys); a pipe or
 * standard input cannot. */
static bool can_read_twice(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static void import_one(fp_importer *imp, fp_import_kind kind,
                       fp_encoding want, fp_import_file *cur)
{
    fp_csv_stream s = {.want = want, .on_record = on_record, .ctx = imp,
                       .on_progress = on_progress};
    if (!reset_file_state(imp, cur))
        return;
    imp->kind = kind;
    if (kind == FP_IMPORT_ACTUALS && imp->opts->profiles != NULL)
        imp->is_header = fp_imp_profile_is_header;
    imp->want = want;
    imp->started = now_seconds();
    imp->track_keys = !can_read_twice(cur->file);
    fp_file_magic magic = imp->track_keys ? FP_FILE_TEXT
                                          : fp_file_magic_path(cur->file);
    if (magic == FP_FILE_OLE) {
        fp_imp_problem_file(imp, "%s", fp_xlsx_ole_why());
        return;
    }
    imp->xlsx = magic == FP_FILE_ZIP;
    bool ok = stream_file(imp, &s);
    memcpy(cur->sheet, imp->sheet, sizeof cur->sheet);
    cur->encoding = s.encoding;
    cur->converted = s.converted;
    if (cancelled(imp))
        return;
    if (!ok) {
        if (!imp->xlsx) /* a sheet's problems are reported already */
            stream_problem(imp, &s);
    } else if (imp->header == NULL)
        fp_imp_problem(imp, 1, "#1", _("the file is empty (no header)"));
    else
        end_file(imp, &s);
    if (imp->dup_found && !imp->failed && !imp->track_keys)
        find_repeated_keys(imp);
}

/* ---- the command ---- */

static int finish(fp_importer *imp, bool dry_run)
{
    fp_db *db = imp->db;
    if (cancelled(imp)) {
        fp_db_rollback(db);
        return FP_IMPORT_CANCELLED;
    }
    if (imp->failed || !imp->ok || dry_run) {
        fp_db_rollback(db);
        return imp->failed ? FP_IMPORT_FAILED
                           : !imp->ok ? FP_IMPORT_REJECTED : FP_IMPORT_OK;
    }
    if (!fp_imp_sums_finish(imp) || !fp_db_commit(db)) {
        snprintf(imp->report->error, sizeof imp->report->error, "%s",
                 db->err);
        fp_db_rollback(db);
        return FP_IMPORT_FAILED;
    }
    return FP_IMPORT_OK;
}

/* ---- pragmas for the bulk load, set for the import only ---- */

#define IMPORT_CACHE_KIB 16384

typedef struct {
    long long cache_size;    /* as PRAGMA cache_size gives it */
    long long foreign_keys;
} saved_pragmas;

static long long pragma_get(fp_db *db, const char *sql, long long dflt)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    long long v = dflt;
    if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void pragma_set(fp_db *db, const char *name, long long value)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s=%lld", name, value);
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    if (st != NULL)
        sqlite3_step(st);
    sqlite3_finalize(st);
}

/* A bigger page cache keeps the growing B-trees in memory (bounded: it
 * does not grow with the file); foreign keys are not checked row by row,
 * since every id written comes from the database itself in this very
 * transaction. Both are given back afterwards. */
static void bulk_pragmas_begin(fp_db *db, saved_pragmas *saved)
{
    saved->cache_size = pragma_get(db, "PRAGMA cache_size", -2000);
    saved->foreign_keys = pragma_get(db, "PRAGMA foreign_keys", 1);
    pragma_set(db, "cache_size", -IMPORT_CACHE_KIB);
    pragma_set(db, "foreign_keys", 0);
}

static void bulk_pragmas_end(fp_db *db, const saved_pragmas *saved)
{
    pragma_set(db, "cache_size", saved->cache_size);
    pragma_set(db, "foreign_keys", saved->foreign_keys);
}

/* Every file is there and readable before anything is written (not
 * opened: a named pipe is read once, when its turn comes). */
static bool check_readable(const char *const *files, int nfiles,
                           fp_import_report *report)
{
    for (int i = 0; i < nfiles; i++) {
        report->files[i].file = strdup(files[i]);
        errno = ENOMEM;
        if (report->files[i].file == NULL || access(files[i], R_OK) != 0) {
            snprintf(report->error, sizeof report->error,
                     _("%s: cannot read: %s"), files[i], strerror(errno));
            return false;
        }
    }
    return true;
}

int fp_import_files(fp_db *db, const fp_catalogue *cat, fp_import_kind kind,
                    const char *const *files, int nfiles,
                    const fp_import_opts *opts, fp_import_report *report)
{
    static const fp_import_opts defaults = {.encoding = FP_ENC_AUTO};
    fp_importer imp;
    if (opts == NULL)
        opts = &defaults;
    memset(report, 0, sizeof *report);
    report->files = calloc((size_t)nfiles + 1, sizeof *report->files);
    if (report->files == NULL) {
        snprintf(report->error, sizeof report->error, _("out of memory"));
        return FP_IMPORT_FAILED;
    }
    report->nfiles = nfiles;
    if (!check_readable(files, nfiles, report))
        return FP_IMPORT_FAILED;
    saved_pragmas saved;
    bulk_pragmas_begin(db, &saved);
    if (!importer_init(&imp, db, cat, report) || !fp_db_begin_import(db)) {
        if (!imp.failed)
            snprintf(report->error, sizeof report->error, "%s", db->err);
        importer_done(&imp);
        bulk_pragmas_end(db, &saved);
        return FP_IMPORT_FAILED;
    }
    imp.opts = opts;
    for (int i = 0; i < nfiles && !imp.failed && !imp.cancelled; i++)
        import_one(&imp, kind, opts->encoding, &report->files[i]);
    int status = finish(&imp, opts->dry_run);
    importer_done(&imp);
    bulk_pragmas_end(db, &saved);
    return status;
}

void fp_import_report_done(fp_import_report *report)
{
    for (int i = 0; i < report->nfiles && report->files != NULL; i++)
    {
        free(report->files[i].file);
        free(report->files[i].notes);
    }
    free(report->files);
    for (int i = 0; i < report->nproblems; i++)
        free(report->problems[i]);
    memset(report, 0, sizeof *report);
}
