/* The import command's frame: read every file, then check and write
 * them all in one transaction (see csv_import.h). While no problem has
 * been found the rows are written as they are checked; after the first
 * problem the rest is only checked, and the transaction is rolled back.
 * A dry run rolls back too, after counting everything. */
#include "storage/csv_import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/text.h"
#include "storage/import_priv.h"
#include "storage/sha256.h"

typedef struct {
    char *bytes;
    size_t len;
} raw_file;

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

static bool read_file(const char *path, raw_file *out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        char *p = realloc(buf, cap * 2);
        if (p == NULL) {
            free(buf);
            buf = NULL;
            errno = ENOMEM;
            break;
        }
        buf = p;
        cap *= 2;
    }
    bool ok = buf != NULL && !ferror(f);
    int saved = errno;
    fclose(f);
    if (!ok) {
        free(buf);
        errno = saved ? saved : EIO;
        return false;
    }
    out->bytes = buf;
    out->len = len;
    return true;
}

/* ---- statements ---- */

static const char *const sql_fact =
    "INSERT INTO facts(week, node_id, kpi_id, value, import_id)"
    " VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(week, node_id, kpi_id)"
    " DO UPDATE SET value = excluded.value, import_id = excluded.import_id";
static const char *const sql_daily =
    "INSERT INTO daily_facts(day, node_id, kpi_id, value, import_id)"
    " VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(node_id, kpi_id, day)"
    " DO UPDATE SET value = excluded.value, import_id = excluded.import_id";
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

static bool importer_init(fp_importer *imp, fp_db *db, const fp_catalogue *cat,
                          fp_import_report *report)
{
    memset(imp, 0, sizeof *imp);
    imp->db = db;
    imp->cat = cat;
    imp->report = report;
    imp->ok = true;
    imp->nodes = fp_strmap_new();
    imp->kpi_ids = calloc((size_t)cat->nkpis + 1, sizeof *imp->kpi_ids);
    if (imp->nodes == NULL || imp->kpi_ids == NULL) {
        fp_imp_fail(imp, "out of memory");
        return false;
    }
    return prepare_all(imp);
}

static void importer_done(fp_importer *imp)
{
    sqlite3_finalize(imp->st_fact);
    sqlite3_finalize(imp->st_daily);
    sqlite3_finalize(imp->st_daily_clear);
    sqlite3_finalize(imp->st_daily_sum);
    sqlite3_finalize(imp->st_target);
    sqlite3_finalize(imp->st_fx);
    fp_strmap_free(imp->nodes);
    fp_strmap_free(imp->seen);
    fp_strmap_free(imp->touched_set);
    free(imp->kpi_ids);
    free(imp->touched);
}

/* ---- one file ---- */

/* Column of the byte at bad_at: the text before it, plus a stand-in
 * character, is parsed; the last field of the last record holds it. */
static const char *bad_byte_column(const raw_file *raw, size_t bad_at,
                                   char *buf, size_t bufsz)
{
    char *text = malloc(bad_at + 2);
    fp_csv_table t;
    int field = 0;
    const fp_csv_row *header = NULL;
    if (text == NULL)
        return "#1";
    memcpy(text, raw->bytes, bad_at);
    memcpy(text + bad_at, "x", 2);
    bool ok = fp_csv_read(text, bad_at + 1, &t);
    if (ok && t.nrows > 0) {
        field = t.rows[t.nrows - 1].nfields - 1;
        if (t.nrows > 1)
            header = &t.rows[0];
    } else {
        field = t.err_field;
        if (!ok && t.nrows > 0)
            header = &t.rows[0];
    }
    const char *name = header != NULL && field < header->nfields
                           ? header->fields[field] : "";
    if (name[0] != '\0' && fp_utf8_valid(name, strlen(name), NULL))
        snprintf(buf, bufsz, "%s", name);
    else
        snprintf(buf, bufsz, "#%d", field + 1);
    fp_csv_table_done(&t);
    free(text);
    return buf;
}

static void encoding_problem(fp_importer *imp, const raw_file *raw,
                             const fp_decoded *dec)
{
    char col[256];
    const char *name = bad_byte_column(raw, dec->bad_at, col, sizeof col);
    if (dec->bad_line == 0) {
        fp_imp_fail(imp, "%s: %s", imp->file, dec->why);
        return;
    }
    if (dec->bad_byte == 0)
        fp_imp_problem(imp, dec->bad_line, name, "%s", dec->why);
    else
        fp_imp_problem(imp, dec->bad_line, name, "byte 0x%02X is %s",
                       dec->bad_byte, dec->why);
}

static void quoting_problem(fp_importer *imp, const fp_csv_table *t)
{
    char col[16];
    if (t->err_line == 0) {
        fp_imp_fail(imp, "%s: %s", imp->file, t->err_why);
        return;
    }
    /* With no complete record yet the error is in the header itself. */
    imp->header = t->nrows > 0 ? &t->rows[0] : NULL;
    fp_imp_problem(imp, t->err_line, fp_imp_colname(imp, t->err_field, col),
                   "%s", t->err_why);
    imp->header = NULL;
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
                       "not an org file: the header should be "
                       "store,name,platform,market,currency or "
                       "person,name,role,store,category or "
                       "category,name or week,currency,rate");
    return k;
}

static bool record_import(fp_importer *imp, const char *kind, bool finish)
{
    fp_import_file *f = imp->cur;
    sqlite3_stmt *st = fp_db_prepare(imp->db, finish
        ? "UPDATE imports SET rows = ?1, max_day = ?2 WHERE id = ?3"
        : "INSERT INTO imports(kind, file, sha256, rows, encoding, max_day,"
          " imported_at) VALUES(?1, ?2, ?3, 0, ?4, NULL, ?5)");
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
    } else {
        fp_db_now(now, sizeof now);
        sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, f->file, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, f->sha256, -1, SQLITE_STATIC);
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

static void import_table(fp_importer *imp, fp_import_kind kind,
                         const fp_csv_table *t)
{
    const char *k = file_kind(imp, kind);
    if (k == NULL || (imp->ok && !record_import(imp, k, false)))
        return;
    if (strcmp(k, "actuals") == 0)
        fp_import_actuals(imp, t);
    else if (strcmp(k, "targets") == 0)
        fp_import_targets(imp, t);
    else if (strcmp(k, "fx") == 0)
        fp_import_fx(imp, t);
    else if (strcmp(k, "stores") == 0)
        fp_import_stores(imp, t);
    else if (strcmp(k, "categories") == 0)
        fp_import_categories(imp, t);
    else
        fp_import_people(imp, t);
    if (imp->max_day >= 0)
        fp_imp_day_text(imp->max_day, imp->cur->max_day);
    if (imp->ok)
        record_import(imp, k, true);
}

static bool reset_file_state(fp_importer *imp, const char *name,
                             fp_import_file *cur)
{
    fp_strmap_free(imp->seen);
    fp_strmap_free(imp->touched_set);
    imp->seen = fp_strmap_new();
    imp->touched_set = fp_strmap_new();
    imp->ntouched = 0;
    imp->file = name;
    imp->cur = cur;
    imp->header = NULL;
    imp->import_id = 0;
    imp->max_day = -1;
    if (imp->seen == NULL || imp->touched_set == NULL) {
        fp_imp_fail(imp, "out of memory");
        return false;
    }
    return true;
}

static void import_one(fp_importer *imp, fp_import_kind kind,
                       const raw_file *raw, fp_encoding want,
                       fp_import_file *cur)
{
    fp_decoded dec;
    fp_csv_table t;
    if (!reset_file_state(imp, cur->file, cur))
        return;
    fp_sha256_hex(raw->bytes, raw->len, cur->sha256);
    if (!fp_decode_text(raw->bytes, raw->len, want, &dec)) {
        encoding_problem(imp, raw, &dec);
        fp_decoded_done(&dec);
        return;
    }
    cur->encoding = dec.encoding;
    cur->converted = dec.converted;
    if (!fp_csv_read(dec.text, dec.len, &t))
        quoting_problem(imp, &t);
    else if (t.nrows == 0)
        fp_imp_problem(imp, 1, "#1", "the file is empty (no header)");
    else {
        imp->header = &t.rows[0];
        cur->rows = t.nrows - 1;
        import_table(imp, kind, &t);
    }
    fp_csv_table_done(&t);
    fp_decoded_done(&dec);
}

/* ---- the command ---- */

static int finish(fp_importer *imp, bool dry_run)
{
    fp_db *db = imp->db;
    if (imp->failed || !imp->ok || dry_run) {
        fp_db_rollback(db);
        return imp->failed ? FP_IMPORT_FAILED
                           : !imp->ok ? FP_IMPORT_REJECTED : FP_IMPORT_OK;
    }
    if (!fp_db_commit(db)) {
        snprintf(imp->report->error, sizeof imp->report->error, "%s",
                 db->err);
        fp_db_rollback(db);
        return FP_IMPORT_FAILED;
    }
    return FP_IMPORT_OK;
}

static bool read_all(const char *const *files, int nfiles, raw_file *raws,
                     fp_import_report *report)
{
    for (int i = 0; i < nfiles; i++) {
        report->files[i].file = strdup(files[i]);
        if (report->files[i].file == NULL || !read_file(files[i], &raws[i])) {
            snprintf(report->error, sizeof report->error,
                     "%s: cannot read: %s", files[i], strerror(errno));
            return false;
        }
    }
    return true;
}

int fp_import_files(fp_db *db, const fp_catalogue *cat, fp_import_kind kind,
                    const char *const *files, int nfiles,
                    const fp_import_opts *opts, fp_import_report *report)
{
    static const fp_import_opts defaults = {false, FP_ENC_AUTO};
    fp_importer imp;
    int status = FP_IMPORT_FAILED;
    if (opts == NULL)
        opts = &defaults;
    memset(report, 0, sizeof *report);
    report->files = calloc((size_t)nfiles + 1, sizeof *report->files);
    raw_file *raws = calloc((size_t)nfiles + 1, sizeof *raws);
    if (report->files == NULL || raws == NULL) {
        snprintf(report->error, sizeof report->error, "out of memory");
        free(raws);
        return FP_IMPORT_FAILED;
    }
    report->nfiles = nfiles;
    if (!read_all(files, nfiles, raws, report))
        goto out;
    if (!importer_init(&imp, db, cat, report) || !fp_db_begin_import(db)) {
        if (!imp.failed)
            snprintf(report->error, sizeof report->error, "%s", db->err);
        importer_done(&imp);
        goto out;
    }
    for (int i = 0; i < nfiles && !imp.failed; i++)
        import_one(&imp, kind, &raws[i], opts->encoding, &report->files[i]);
    status = finish(&imp, opts->dry_run);
    importer_done(&imp);
out:
    for (int i = 0; i < nfiles; i++)
        free(raws[i].bytes);
    free(raws);
    return status;
}

void fp_import_report_done(fp_import_report *report)
{
    for (int i = 0; i < report->nfiles && report->files != NULL; i++)
        free(report->files[i].file);
    free(report->files);
    for (int i = 0; i < report->nproblems; i++)
        free(report->problems[i]);
    memset(report, 0, sizeof *report);
}
