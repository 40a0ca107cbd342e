/* Opening, configuring and migrating the SQLite file; see db.h. */
#include "storage/db.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/i18n.h"
#include "storage/db_priv.h"
#include "storage/schema.h"
#include "storage/trend_sums.h"
#include "storage/xdg.h"

static void set_err(char *err, size_t errsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
}

/* The errno of the last failed call on the database file or on its
 * journal (the WAL): SQLite keeps it per file. */
static int last_file_errno(fp_db *db)
{
    int e = 0;
    sqlite3_file *journal = NULL;
    sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_LAST_ERRNO, &e);
    if (e == 0 &&
        sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_JOURNAL_POINTER,
                             &journal) == SQLITE_OK &&
        journal && journal->pMethods)
        journal->pMethods->xFileControl(journal, SQLITE_FCNTL_LAST_ERRNO, &e);
    return e;
}

/* A write past the file size limit (ulimit -f, a quota) fails with EFBIG,
 * which SQLite reports as a plain "disk I/O error": say what it is, as
 * SQLite does for a full disk. */
static void add_io_reason(fp_db *db)
{
    int saved_errno = errno;  /* the -shm file keeps no errno of its own */
    if ((sqlite3_extended_errcode(db->sql) & 0xff) != SQLITE_IOERR ||
        (last_file_errno(db) != EFBIG && saved_errno != EFBIG))
        return;
    size_t n = strlen(db->err);
    snprintf(db->err + n, sizeof db->err - n, " (%s)",
             _("file too large: the file size limit is reached"));
}

void fp_db_set_error(fp_db *db, const char *what)
{
    snprintf(db->err, sizeof db->err, "%s: %s: %s", db->path, what,
             sqlite3_errmsg(db->sql));
    add_io_reason(db);
}

sqlite3_stmt *fp_db_prepare(fp_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
        fp_db_set_error(db, "prepare");
        return NULL;
    }
    return st;
}

bool fp_db_exec_stmt(fp_db *db, sqlite3_stmt *st)
{
    if (!st)
        return false;
    int rc = sqlite3_step(st);
    bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok)
        fp_db_set_error(db, "write");
    sqlite3_finalize(st);
    return ok;
}

/* Fixed statements only: pragmas and transaction control. */
static bool exec_fixed(fp_db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(db->err, sizeof db->err, "%s: %s", db->path,
                 msg ? msg : "error");
        add_io_reason(db);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

void fp_db_set_wait(fp_db *db, int ms)
{
    db->wait_ms = ms > 0 ? ms : 0;
    sqlite3_busy_timeout(db->sql, db->wait_ms);
}

static bool lock_taken(fp_db *db)
{
    int rc = sqlite3_extended_errcode(db->sql) & 0xff;
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/* BEGIN or COMMIT: says who holds the lock when it stays taken. */
static bool exec_locking(fp_db *db, const char *sql)
{
    bool ok = exec_fixed(db, sql);
    db->busy = !ok && lock_taken(db);
    if (db->busy)
        fp_db_busy_error(db);
    return ok;
}

static bool reopen_writable(fp_db *db);

bool fp_db_begin(fp_db *db)
{
    if (db->os_read_only && !db->read_only)
        reopen_writable(db); /* still read-only: BEGIN says why below */
    return exec_locking(db, "BEGIN IMMEDIATE");
}

bool fp_db_begin_import(fp_db *db)
{
    if (!fp_db_begin(db))
        return false;
    fp_db_importer_announce(db);
    return true;
}

/* The importer's lock info goes first, while the write lock is ours. */
bool fp_db_commit(fp_db *db)
{
    fp_db_importer_release(db);
    return exec_locking(db, "COMMIT");
}

void fp_db_rollback(fp_db *db)
{
    fp_db_importer_release(db);
    if (!sqlite3_get_autocommit(db->sql))
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

static long long query_int(fp_db *db, const char *sql, long long fallback)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    long long v = fallback;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

long long fp_db_data_version(fp_db *db)
{
    return query_int(db, "PRAGMA data_version", -1);
}

static bool migrate(fp_db *db)
{
    int version = (int)query_int(db, "PRAGMA user_version", -1);
    if (version < 0)
        return false;
    if (version > FP_SCHEMA_VERSION) {
        snprintf(db->err, sizeof db->err,
                 _("%s: database schema version %d is newer than this fupan "
                 "understands (%d); use a newer fupan"),
                 db->path, version, FP_SCHEMA_VERSION);
        return false;
    }
    if (version == FP_SCHEMA_VERSION)
        return true;
    if (db->read_only || db->os_read_only) {
        snprintf(db->err, sizeof db->err,
                 _("%s: database needs an upgrade (schema %d -> %d) but is "
                 "opened read-only"), db->path, version, FP_SCHEMA_VERSION);
        return false;
    }
    if (!fp_db_begin(db))
        return false;
    for (int v = version; v < FP_SCHEMA_VERSION; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
        if (!exec_fixed(db, fp_migrations[v]) || !exec_fixed(db, pragma)) {
            fp_db_rollback(db);
            return false;
        }
    }
    /* a table made from the facts: C, not SQL (sums in tree order) */
    if (version < FP_SCHEMA_TREND_SUMS && !fp_trend_sums_write_all(db)) {
        fp_db_rollback(db);
        return false;
    }
    return fp_db_commit(db);
}

static bool configure(fp_db *db)
{
    fp_db_set_wait(db, db->wait_ms);
    if (!exec_fixed(db, "PRAGMA foreign_keys=ON"))
        return false;
    bool writable = !db->read_only && !db->os_read_only;
    if (writable && !exec_fixed(db, "PRAGMA journal_mode=WAL"))
        return false;
    return exec_fixed(db, "PRAGMA synchronous=NORMAL");
}

/* Opens db->sql with flags (a URI when uri is set); os_read_only when
 * write access was asked for and the file refused it. */
static bool connect(fp_db *db, const char *uri, int flags)
{
    sqlite3_close(db->sql);
    db->sql = NULL;
    /* a connection is used by one thread only: no mutex per call */
    if (sqlite3_open_v2(uri ? uri : db->path, &db->sql,
                        flags | SQLITE_OPEN_NOMUTEX, NULL)
        != SQLITE_OK)
        return false;
    db->os_read_only = !db->read_only
                       && sqlite3_db_readonly(db->sql, "main") == 1;
    return true;
}

/* A WAL database in a read-only folder with no -shm cannot be read the
 * usual way ("attempt to write a readonly database": SQLite wants to make
 * the -shm). Nobody can write there either, so read it as immutable,
 * unless a -wal holds pages that immutable would not see. */
static bool connect_readable(fp_db *db)
{
    if (query_int(db, "SELECT count(*) FROM sqlite_master", -1) >= 0
        || fp_db_folder_writable(db->path))
        return true;
    if (fp_db_wal_has_data(db->path)) {
        snprintf(db->err, sizeof db->err, _("%s: the folder is read-only and "
                 "%s-wal holds changes not yet in the database: open it "
                 "once where the folder can be written"), db->path, db->path);
        return false;
    }
    char uri[3 * 4096 + 64];
    if (!fp_db_immutable_uri(db->path, uri, sizeof uri)
        || !connect(db, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI))
        return false;
    db->immutable = true;
    db->os_read_only = !db->read_only;
    return true;
}

static int open_flags(const fp_db *db)
{
    return db->read_only ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
}

/* After chmod u+w (or a folder made writable): the notes kept while the
 * file was read-only can be written. Only between statements. */
static bool reopen_writable(fp_db *db)
{
    if (sqlite3_next_stmt(db->sql, NULL) || !sqlite3_get_autocommit(db->sql)
        || access(db->path, W_OK) != 0 || !fp_db_folder_writable(db->path))
        return false;
    sqlite3_close(db->sql); /* first: its read-only -shm would be shared */
    db->sql = NULL;
    fp_db_mend_side_files(db->path);
    db->immutable = false;
    if (connect(db, NULL, SQLITE_OPEN_READWRITE) && connect_readable(db)
        && configure(db))
        return !db->os_read_only;
    fp_db_set_error(db, "reopen");
    /* back to reading as before: the screen keeps its data */
    if (connect(db, NULL, open_flags(db)) && connect_readable(db))
        configure(db);
    return false;
}

fp_db *fp_db_open(const char *path, bool read_only, char *err, size_t errsz)
{
    fp_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = strdup(path))) {
        free(db);
        set_err(err, errsz, _("%s: out of memory"), path);
        return NULL;
    }
    db->read_only = read_only;
    db->wait_ms = FP_DB_WAIT_DEFAULT_MS;
    db->importer_fd = -1;
    if (!read_only)
        fp_db_mend_side_files(path);
    if (!connect(db, NULL, open_flags(db)) || !connect_readable(db)) {
        if (db->err[0])
            set_err(err, errsz, "%s", db->err);
        else
            set_err(err, errsz, _("%s: cannot open database: %s"), path,
                    db->sql ? sqlite3_errmsg(db->sql) : _("out of memory"));
        fp_db_close(db);
        return NULL;
    }
    if (!configure(db) || !migrate(db)) {
        set_err(err, errsz, "%s", db->err);
        fp_db_close(db);
        return NULL;
    }
    return db;
}

void fp_db_close(fp_db *db)
{
    if (!db)
        return;
    fp_db_importer_release(db);
    sqlite3_close(db->sql);
    free(db->path);
    free(db);
}

static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return false;
    }
    return true;
}

void fp_data_file(const char *name, char *buf, size_t bufsz)
{
    char dir[4096];
    fp_xdg_dir("XDG_DATA_HOME", ".local/share", dir, sizeof dir);
    snprintf(buf, bufsz, "%s/fupan/%s", dir, name);
    make_dirs(buf);
}

char *fp_db_default_path(void)
{
    const char *env = getenv("FUPAN_DB");
    if (env && *env)
        return strdup(env);
    char buf[4096];
    fp_data_file("fupan.db", buf, sizeof buf);
    return strdup(buf);
}

void fp_db_now(char *buf, size_t bufsz)
{
    /* FUPAN_NOW pins the clock (sample data, reproducible tests) */
    const char *fixed = getenv("FUPAN_NOW");
    if (fixed && strlen(fixed) == 19 && fixed[10] == 'T') {
        snprintf(buf, bufsz, "%s", fixed);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, bufsz, "%Y-%m-%dT%H:%M:%S", &tm);
}

long long fp_db_kpi_id(fp_db *db, const char *code)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO kpis(code) VALUES (?1) ON CONFLICT(code) DO UPDATE "
        "SET code = excluded.code RETURNING id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    long long id = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else
        fp_db_set_error(db, "kpi");
    sqlite3_finalize(st);
    return id;
}

char *fp_db_setting_get(fp_db *db, const char *key)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT value FROM settings WHERE key = ?1");
    if (!st)
        return NULL;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    char *v = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

bool fp_db_setting_set(fp_db *db, const char *key, const char *value)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO settings(key, value) VALUES (?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    return fp_db_exec_stmt(db, st);
}
