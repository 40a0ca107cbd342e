/* Checking a database file; see check.h. */
#include "storage/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "model/i18n.h"
#include "model/vec.h"
#include "storage/db.h"
#include "storage/schema.h"
#include "storage/trend_sums.h"

#define STAMP_FILE "last-check"

void fp_check_report_init(fp_check_report *r)
{
    *r = (fp_check_report){.schema_version = -1,
                           .schema_current = FP_SCHEMA_VERSION};
}

void fp_check_report_done(fp_check_report *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->problems[i]);
    free(r->problems);
    fp_check_report_init(r);
}

static void problem(fp_check_report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void problem(fp_check_report *r, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    if (r->n >= FP_CHECK_MAX_PROBLEMS)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    char **p = fp_grow_one(r->problems, sizeof *p, r->n);
    char *copy = strdup(line);
    if (p)
        r->problems = p;
    if (!p || !copy) {
        free(copy);
        r->out_of_memory = true;
        return;
    }
    r->problems[r->n++] = copy;
}

static const char *column(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? (const char *)t : "";
}

/* One row of integrity_check may hold several findings, one a line,
 * under a "*** in database main ***" heading: one problem each. */
static void finding_lines(fp_check_report *r, const char *name,
                          const char *text)
{
    static const char heading[] = "*** in database main ***";
    while (*text) {
        size_t n = strcspn(text, "\n");
        if (n > 0 && !(n == strlen(heading) && !strncmp(text, heading, n)))
            problem(r, "%s: %.*s", name, (int)n, text);
        text += n + (text[n] == '\n');
    }
}

/* integrity_check or quick_check: one row "ok", else one row a finding. */
static void check_integrity(sqlite3 *sql, bool quick, fp_check_report *r)
{
    const char *name = quick ? "quick_check" : "integrity_check";
    char q[64];
    snprintf(q, sizeof q, "PRAGMA %s(%d)", name, FP_CHECK_MAX_PROBLEMS);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(sql, q, -1, &st, NULL);
    while (rc != SQLITE_DONE && st && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (strcmp(column(st, 0), "ok") != 0)
            finding_lines(r, name, column(st, 0));
    if (rc != SQLITE_DONE)
        problem(r, "%s: %s", name, sqlite3_errmsg(sql));
    sqlite3_finalize(st);
}

/* foreign_key_check, one line per (table, parent table) with a count. */
static void check_foreign_keys(sqlite3 *sql, fp_check_report *r)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(sql,
        "SELECT \"table\", parent, count(*) FROM pragma_foreign_key_check"
        " GROUP BY 1, 2 ORDER BY 1, 2", -1, &st, NULL);
    while (rc != SQLITE_DONE && st && (rc = sqlite3_step(st)) == SQLITE_ROW)
        problem(r, _("foreign_key_check: %d row(s) of %s refer to %s rows "
                     "that do not exist"), sqlite3_column_int(st, 2),
                column(st, 0), column(st, 1));
    if (rc != SQLITE_DONE)
        problem(r, _("foreign_key_check: %s"), sqlite3_errmsg(sql));
    sqlite3_finalize(st);
}

/* False when the file cannot be read as a database at all. */
static bool check_schema(sqlite3 *sql, fp_check_report *r)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(sql, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        r->schema_version = sqlite3_column_int(st, 0);
    else
        problem(r, "%s", sqlite3_errmsg(sql));
    sqlite3_finalize(st);
    int v = r->schema_version;
    if (v == 0)
        problem(r, _("schema version 0: not a fupan database"));
    else if (v > FP_SCHEMA_VERSION)
        problem(r, _("schema version %d is newer than this fupan "
                     "understands (%d)"), v, FP_SCHEMA_VERSION);
    return v >= 0;
}

static void bad_sums(void *ctx, fp_week week)
{
    fp_check_report *r = ctx;
    char w[16];
    size_t before = r->n;
    fp_week_format(week, w);
    problem(r, _("trend_sums: week %s does not match its facts (`fupan "
                   "check --repair` makes it again)"), w);
    r->nsums += r->n - before;
}

/* The trend sums (storage/trend_sums.h) against the facts, when nothing
 * else is wrong: a derived table can only be judged on sound pages. */
static void check_trend_sums(const char *path, fp_check_report *r)
{
    char err[512];
    if (r->n > 0 || r->schema_version != FP_SCHEMA_VERSION)
        return;
    fp_db *db = fp_db_open(path, true, err, sizeof err);
    if (!db) {
        problem(r, "%s", err);
        return;
    }
    if (fp_trend_sums_verify(db, bad_sums, r) < 0)
        problem(r, "trend_sums: %s", db->err);
    fp_db_close(db);
}

bool fp_check_repair_sums(const char *path, char *err, size_t errsz)
{
    fp_db *db = fp_db_open(path, false, err, errsz);
    if (!db)
        return false;
    bool ok = fp_db_begin(db) && fp_trend_sums_write_all(db) &&
              fp_db_commit(db);
    if (!ok) {
        snprintf(err, errsz, "%s: %s", path, db->err);
        fp_db_rollback(db);
    }
    fp_db_close(db);
    return ok;
}

bool fp_check_file(const char *path, bool quick, fp_check_report *r,
                   char *err, size_t errsz)
{
    sqlite3 *sql = NULL;
    if (sqlite3_open_v2(path, &sql, SQLITE_OPEN_READONLY, NULL) !=
        SQLITE_OK) {
        snprintf(err, errsz, _("%s: cannot open database: %s"), path,
                 sql ? sqlite3_errmsg(sql) : _("out of memory"));
        sqlite3_close(sql);
        return false;
    }
    sqlite3_busy_timeout(sql, 5000);
    if (check_schema(sql, r)) {
        check_integrity(sql, quick, r);
        check_foreign_keys(sql, r);
    }
    sqlite3_close(sql);
    if (!quick)
        check_trend_sums(path, r);
    return true;
}

/* ---- the check at start ------------------------------------------- */

/* "dev ino size mtime" of path, and of its WAL when that holds anything
 * (an empty WAL is made anew by each start): changes with any write. */
static void stamp_of(const char *path, char *out, size_t outsz)
{
    char wal[4096];
    struct stat a, b;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(path, &a) != 0)
        memset(&a, 0, sizeof a);
    if (stat(wal, &b) != 0 || b.st_size == 0)
        memset(&b, 0, sizeof b);
    snprintf(out, outsz, "%llu %llu %lld %lld.%09ld %lld %lld.%09ld",
             (unsigned long long)a.st_dev, (unsigned long long)a.st_ino,
             (long long)a.st_size, (long long)a.st_mtim.tv_sec,
             a.st_mtim.tv_nsec, (long long)b.st_size,
             (long long)b.st_mtim.tv_sec, b.st_mtim.tv_nsec);
}

static bool stamp_matches(const char *file, const char *stamp)
{
    char line[256] = "";
    FILE *f = fopen(file, "r");
    if (!f)
        return false;
    bool read = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    line[strcspn(line, "\n")] = '\0';
    return read && strcmp(line, stamp) == 0;
}

static void stamp_save(const char *file, const char *stamp)
{
    FILE *f = fopen(file, "w");
    if (!f)
        return;
    fprintf(f, "%s\n", stamp);
    fclose(f);
}

int fp_check_if_changed(const char *path, char *msg, size_t msgsz)
{
    char file[4096], stamp[256];
    fp_data_file(STAMP_FILE, file, sizeof file);
    stamp_of(path, stamp, sizeof stamp);
    if (stamp_matches(file, stamp))
        return 0;
    fp_check_report r;
    fp_check_report_init(&r);
    if (!fp_check_file(path, true, &r, msg, msgsz)) {
        fp_check_report_done(&r);
        return 1;
    }
    int n = (int)r.n;
    if (n > 0)
        snprintf(msg, msgsz, "%s", r.problems[0]);
    else
        stamp_save(file, stamp);
    fp_check_report_done(&r);
    return n;
}

void fp_check_mark_sound(const char *path)
{
    char file[4096], stamp[256];
    fp_data_file(STAMP_FILE, file, sizeof file);
    stamp_of(path, stamp, sizeof stamp);
    stamp_save(file, stamp);
}
