/* Shared helpers of the meeting storage; see meeting_util.h. */
#include "storage/meeting_util.h"
#include "model/i18n.h"
#include "model/vec.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TX_ATTEMPTS 8

static bool is_busy(fp_db *db)
{
    int rc = sqlite3_extended_errcode(db->sql) & 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/* 20, 40, 60 ... ms on top of the busy timeout: the other writer's
 * transactions are short. */
static void nap(int attempt)
{
    struct timespec ts = {0, (long)attempt * 20L * 1000000L};
    nanosleep(&ts, NULL);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool fp_tx_run(fp_db *db, fp_tx_fn fn, void *ctx)
{
    long long give_up = now_ms() + db->wait_ms; /* the TUI's is short */
    if (db->read_only) {
        fp_meeting_error(db, _("%s: the database is open read-only; nothing "
                         "was written"), db->path);
        return false;
    }
    for (int attempt = 1;; attempt++) {
        bool busy;
        if (!fp_db_begin(db)) {
            /* nothing to roll back: the transaction (if any) is not ours */
            busy = is_busy(db);
        } else if (!fn(db, ctx)) {
            fp_db_rollback(db);
            return false;
        } else if (fp_db_commit(db)) {
            return true;
        } else {
            busy = is_busy(db);
            fp_db_rollback(db);
        }
        if (!busy || attempt >= TX_ATTEMPTS || now_ms() >= give_up)
            return false;
        nap(attempt);
    }
}

char *fp_col_dup(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? strdup((const char *)t) : NULL;
}

char *fp_col_dup0(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return strdup(t ? (const char *)t : "");
}

double fp_col_real(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
        ? NAN : sqlite3_column_double(st, col);
}

void fp_bind_text_or_null(sqlite3_stmt *st, int col, const char *s)
{
    if (s)
        sqlite3_bind_text(st, col, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, col);
}

void fp_bind_real_or_null(sqlite3_stmt *st, int col, double v)
{
    if (isnan(v) || isinf(v))
        sqlite3_bind_null(st, col);
    else
        sqlite3_bind_double(st, col, v);
}

void fp_bind_id_or_null(sqlite3_stmt *st, int col, long long id)
{
    if (id > 0)
        sqlite3_bind_int64(st, col, id);
    else
        sqlite3_bind_null(st, col);
}

bool fp_blank(const char *s)
{
    if (!s)
        return true;
    while (*s) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        else if (!strncmp(s, "\xe3\x80\x80", 3)) /* ideographic space */
            s += 3;
        else
            return false;
    }
    return true;
}

void fp_meeting_error(fp_db *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
}

int fp_step(fp_db *db, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    fp_db_set_error(db, what);
    return -1;
}

long long fp_query_id(fp_db *db, sqlite3_stmt *st, long long none)
{
    if (!st)
        return -1;
    long long v = none;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE) {
        fp_db_set_error(db, "read");
        v = -1;
    }
    sqlite3_finalize(st);
    return v;
}

void *fp_list_push(void **items, size_t *n, size_t size)
{
    void *p = fp_grow_one(*items, size, *n);
    if (!p)
        return NULL;
    *items = p;
    char *item = (char *)p + *n * size;
    memset(item, 0, size);
    ++*n;
    return item;
}

long long fp_kpi_lookup(fp_db *db, const char *code)
{
    sqlite3_stmt *st = fp_db_prepare(db, "SELECT id FROM kpis WHERE code = ?1");
    if (st)
        sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    return fp_query_id(db, st, 0);
}

bool fp_read_rows(fp_db *db, sqlite3_stmt *st, void **items, size_t *n,
                  size_t size, fp_row_reader read, const char *what)
{
    if (!st)
        return false;
    bool ok = true;
    int rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        void *item = fp_list_push(items, n, size);
        ok = item && read(st, item);
        if (!ok)
            fp_meeting_error(db, _("out of memory"));
    }
    if (ok && rc != SQLITE_DONE) {
        fp_db_set_error(db, what);
        ok = false;
    }
    sqlite3_finalize(st);
    return ok;
}

int fp_facts_week_exists(fp_db *db, fp_week week)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT EXISTS(SELECT 1 FROM facts WHERE week = ?1)");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, week);
    long long v = fp_query_id(db, st, 0);
    return v < 0 ? -1 : v != 0;
}
