/* The SQLite file: open, configure, migrate; small shared helpers.
 * storage/ never draws. Every statement is prepared with bound values.
 * Ownership: fp_db_open/fp_db_close. */
#ifndef FUPAN_STORAGE_DB_H
#define FUPAN_STORAGE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

typedef struct {
    sqlite3 *sql;
    char *path;
    bool read_only;      /* asked for: nothing is ever written */
    bool os_read_only;   /* asked to write, but the file or its folder is
                            read-only: fp_db_begin reopens read-write as
                            soon as the permissions allow */
    bool immutable;      /* read-only folder without -shm: read through
                            SQLite's immutable=1 (nobody can write it) */
    bool busy;           /* the last BEGIN/COMMIT met another writer's lock */
    int wait_ms;         /* how long a write waits for that lock */
    int importer_fd;     /* the lock-info file while this connection
                            imports (fp_db_begin_import), else -1 */
    char err[512];       /* last error, one line, for the user */
} fp_db;

/* How long a write waits for another process's write lock by default
 * (the CLI's --wait default). The TUI waits FP_DB_WAIT_TUI_MS and tries
 * again from its main loop, so that it never freezes. */
#define FP_DB_WAIT_DEFAULT_MS 10000
#define FP_DB_WAIT_TUI_MS 30

/* Opens (creating when allowed) and migrates the database at path.
 * Returns NULL with a message in err (errsz bytes) on failure, e.g. a
 * database from a newer fupan. read_only opens without writing. */
fp_db *fp_db_open(const char *path, bool read_only, char *err, size_t errsz);
void fp_db_close(fp_db *db);

/* Default database path: $FUPAN_DB, else $XDG_DATA_HOME/fupan/fupan.db
 * (else ~/.local/share/...), creating the folder. Caller frees. */
char *fp_db_default_path(void);

/* Path of NAME in fupan's data folder ($XDG_DATA_HOME/fupan, else
 * ~/.local/share/fupan), creating the folder. */
void fp_data_file(const char *name, char *buf, size_t bufsz);

/* Sets how long a write waits for another process's lock (ms >= 0). */
void fp_db_set_wait(fp_db *db, int ms);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; false (message in db->err) on error.
 * When the lock stays taken past db->wait_ms, db->busy is set and db->err
 * says who holds it ("busy: another fupan is importing (pid N) ...").
 * A connection that fell back to read-only (os_read_only) is reopened
 * read-write first when the file and its folder have become writable. */
bool fp_db_begin(fp_db *db);
/* BEGIN IMMEDIATE for a long write (an import): also records this
 * process's pid in the lock-info file PATH-importer (see db_files.c), so
 * that a writer that gives up can say who holds the lock. Commit,
 * rollback and close remove it. */
bool fp_db_begin_import(fp_db *db);
bool fp_db_commit(fp_db *db);
void fp_db_rollback(fp_db *db);

/* Prepares sql; NULL with db->err set on failure. */
sqlite3_stmt *fp_db_prepare(fp_db *db, const char *sql);
/* Runs a statement with no result rows after binding; finalizes it. */
bool fp_db_exec_stmt(fp_db *db, sqlite3_stmt *st);
/* Sets db->err from the connection's message, prefixed with what. */
void fp_db_set_error(fp_db *db, const char *what);

/* Current time as "YYYY-MM-DDTHH:MM:SS" local time, into buf (>= 20);
 * $FUPAN_NOW in that form replaces the clock. */
void fp_db_now(char *buf, size_t bufsz);

/* PRAGMA data_version: changes when another connection wrote. */
long long fp_db_data_version(fp_db *db);

/* Ids, registering unknown ones: kpi code -> kpis.id. */
long long fp_db_kpi_id(fp_db *db, const char *code);

/* Settings table. get returns a new string or NULL. */
char *fp_db_setting_get(fp_db *db, const char *key);
bool fp_db_setting_set(fp_db *db, const char *key, const char *value);

#endif
