/* The write lock and read-only files (issue 10): a write gives up after
 * db->wait_ms and names the importer holding the lock; the lock info
 * never outlives the import; a read-only folder is read as immutable. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "storage/db.h"
#include "storage/db_priv.h"
#include "storage/meeting.h"
#include "storage/org.h"

#define W47 202647

static char dir[64], db_path[128];
static fp_db *db;
static long long store;

static void setup(void)
{
    char err[512];
    snprintf(dir, sizeof dir, "/tmp/fupan-lock-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db_path, sizeof db_path, "%s/lock.db", dir);
    db = fp_db_open(db_path, false, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    store = fp_org_ensure_node(db, "tts-my", NULL, NULL, NULL);
    cr_assert(store > 0, "%s", db->err);
}

static void teardown(void)
{
    fp_db_close(db);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(db_lock, .init = setup, .fini = teardown);

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The lock holder: takes the write lock (as an import when importing),
 * says so on ready, commits when the parent writes to go, then waits
 * for the parent to close go before it ends. */
static int child_holds_lock(bool importing, int ready, int go)
{
    char err[512], c;
    fp_db *mine = fp_db_open(db_path, false, err, sizeof err);
    bool begun = mine && (importing ? fp_db_begin_import(mine)
                                    : fp_db_begin(mine));
    if (!begun || write(ready, "L", 1) != 1 || read(go, &c, 1) != 1)
        return 11;
    bool ok = fp_db_commit(mine);
    if (write(ready, "C", 1) != 1)
        return 12;
    while (read(go, &c, 1) > 0)
        ;
    fp_db_close(mine);
    return ok ? 0 : 13;
}

typedef struct { pid_t pid; int ready, go; } holder;

static holder start_holder(bool importing)
{
    int ready[2], go[2];
    cr_assert_eq(pipe(ready), 0);
    cr_assert_eq(pipe(go), 0);
    pid_t kid = fork();
    cr_assert(kid >= 0);
    if (kid == 0) {
        close(ready[0]);
        close(go[1]);
        _exit(child_holds_lock(importing, ready[1], go[0]));
    }
    close(ready[1]);
    close(go[0]);
    char c;
    cr_assert_eq(read(ready[0], &c, 1), 1);
    cr_assert_eq(c, 'L');
    return (holder){kid, ready[0], go[1]};
}

static void holder_commit(holder *h)
{
    char c;
    cr_assert_eq(write(h->go, "g", 1), 1);
    cr_assert_eq(read(h->ready, &c, 1), 1);
    cr_assert_eq(c, 'C');
}

static void holder_end(holder *h)
{
    int status = 0;
    close(h->go);
    close(h->ready);
    cr_assert_eq(waitpid(h->pid, &status, 0), h->pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static long long timed_note_add(const char *text, long long *ms)
{
    long long t0 = now_ms();
    long long id = fp_note_add(db, W47, store, NULL, "other", text, "a");
    *ms = now_ms() - t0;
    return id;
}

Test(db_lock, a_write_gives_up_after_the_wait_and_names_the_importer)
{
    holder h = start_holder(true);
    fp_db_set_wait(db, FP_DB_WAIT_TUI_MS);
    long long ms, id = timed_note_add("导入中", &ms);
    cr_assert_eq(id, -1, "wrote through another process's lock");
    cr_assert(ms < 1000, "waited %lld ms, far past the %d ms asked", ms,
              FP_DB_WAIT_TUI_MS);
    cr_assert(db->busy);
    char pid[32];
    snprintf(pid, sizeof pid, "(pid %ld)", (long)h.pid);
    cr_assert_not_null(strstr(db->err, "busy: another fupan is importing"),
                       "%s", db->err);
    cr_assert_not_null(strstr(db->err, pid), "%s", db->err);
    holder_commit(&h);
    id = timed_note_add("导入后", &ms);
    cr_assert(id > 0, "%s", db->err);
    cr_assert_not(db->busy);
    holder_end(&h);
}

Test(db_lock, the_importer_info_ends_with_its_transaction)
{
    char info[160];
    snprintf(info, sizeof info, "%s-importer", db_path);
    holder h = start_holder(true);
    cr_assert_eq(access(info, R_OK), 0, "no lock info while importing");
    holder_commit(&h); /* the importer lives on, its import is over */
    cr_assert_neq(access(info, F_OK), 0, "the lock info outlived the import");
    holder other = start_holder(false); /* a plain writer takes the lock */
    fp_db_set_wait(db, 10);
    long long ms;
    cr_assert_eq(timed_note_add("x", &ms), -1);
    cr_assert_not_null(strstr(db->err, "busy: another program is writing"),
                       "a finished import is still named: %s", db->err);
    holder_commit(&other);
    holder_end(&other);
    holder_end(&h);
}

Test(db_lock, the_cli_wait_is_waited_and_hints_at_the_option)
{
    holder h = start_holder(false);
    fp_db_set_wait(db, 400);
    long long ms;
    cr_assert_eq(timed_note_add("x", &ms), -1);
    cr_assert(ms >= 350 && ms < 2000, "gave up after %lld ms", ms);
    cr_assert_not_null(strstr(db->err, "--wait SECONDS"), "%s", db->err);
    holder_commit(&h);
    holder_end(&h);
}

Test(db_lock, immutable_uri_escapes_the_path)
{
    char uri[256];
    cr_assert(fp_db_immutable_uri("/tmp/a?b#c%d.db", uri, sizeof uri));
    cr_assert_str_eq(uri, "file:///tmp/a%3Fb%23c%25d.db?mode=ro&immutable=1");
    cr_assert(fp_db_immutable_uri("rel.db", uri, sizeof uri));
    cr_assert_str_eq(uri, "file:rel.db?mode=ro&immutable=1");
    cr_assert_not(fp_db_immutable_uri("/a-path-too-long-for-it", uri, 16));
}

Test(db_lock, an_immutable_uri_opens_an_awkward_name)
{
    char path[192], uri[640], err[512];
    snprintf(path, sizeof path, "%s/周会 ?#%%.db", dir);
    fp_db *odd = fp_db_open(path, false, err, sizeof err);
    cr_assert_not_null(odd, "%s", err);
    cr_assert(fp_db_setting_set(odd, "probe", "读到了"), "%s", odd->err);
    fp_db_close(odd);
    cr_assert(fp_db_immutable_uri(path, uri, sizeof uri));
    sqlite3 *sql = NULL;
    cr_assert_eq(sqlite3_open_v2(uri, &sql, SQLITE_OPEN_READONLY
                                 | SQLITE_OPEN_URI, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(sql, "SELECT value FROM settings "
                 "WHERE key = 'probe'", -1, &st, NULL), SQLITE_OK,
                 "%s", sqlite3_errmsg(sql));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "读到了");
    sqlite3_finalize(st);
    sqlite3_close(sql);
}
