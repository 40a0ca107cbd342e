/* Catalogue versions; see catalogue_versions.h. */
#include "storage/catalogue_versions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/catalogue_ini.h"
#include "storage/meeting_util.h"

typedef struct {
    fp_week from;
    const char *file, *text, *reason, *author;
    long long id;
} add_ctx;

static bool add_tx(fp_db *db, void *p)
{
    add_ctx *c = p;
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO catalogue_versions(from_week, kpis, file, reason,"
        " author, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int(st, 1, c->from);
    sqlite3_bind_text(st, 2, c->text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c->file, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, c->reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, c->author, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    c->id = sqlite3_last_insert_rowid(db->sql);
    return true;
}

bool fp_catalogue_version_add(fp_db *db, fp_week from, const char *file,
                              const char *text, const char *reason,
                              const char *author, long long *id)
{
    add_ctx c = {from, file, text, reason, author, 0};
    bool ok = fp_tx_run(db, add_tx, &c);
    if (ok && id)
        *id = c.id;
    return ok;
}

static bool read_version(sqlite3_stmt *st, void *item)
{
    fp_catalogue_version *v = item;
    v->id = sqlite3_column_int64(st, 0);
    v->from = sqlite3_column_int(st, 1);
    v->file = fp_col_dup0(st, 2);
    v->reason = fp_col_dup0(st, 3);
    v->author = fp_col_dup0(st, 4);
    v->created_at = fp_col_dup0(st, 5);
    return v->file && v->reason && v->author && v->created_at;
}

bool fp_catalogue_version_list(fp_db *db, fp_catalogue_version **out,
                               size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id, from_week, file, reason, author, created_at"
        " FROM catalogue_versions ORDER BY from_week, id");
    return fp_read_rows(db, st, (void **)out, n, sizeof **out, read_version,
                        "read catalogue versions");
}

void fp_catalogue_versions_free(fp_catalogue_version *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].file);
        free(v[i].reason);
        free(v[i].author);
        free(v[i].created_at);
    }
    free(v);
}

bool fp_catalogue_version_at(fp_db *db, fp_week week, char **text,
                             long long *id)
{
    *text = NULL;
    *id = 0;
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id, kpis FROM catalogue_versions WHERE from_week <= ?1"
        " ORDER BY from_week DESC, id DESC LIMIT 1");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    int row = fp_step(db, st, "read catalogue versions");
    if (row > 0) {
        *id = sqlite3_column_int64(st, 0);
        *text = fp_col_dup0(st, 1);
    }
    sqlite3_finalize(st);
    if (row > 0 && !*text) {
        snprintf(db->err, sizeof db->err, "out of memory");
        return false;
    }
    return row >= 0;
}

bool fp_review_use_week(fp_review *rv, fp_week week, char *err,
                        size_t errsz)
{
    fp_db *db = fp_review_db(rv);
    char *text, name[64];
    long long id;
    if (!fp_catalogue_version_at(db, week, &text, &id)) {
        snprintf(err, errsz, "%s", db->err);
        return false;
    }
    if (!text)
        return true;
    snprintf(name, sizeof name, "catalogue version %lld", id);
    const fp_config *cfg = fp_review_config(rv);
    fp_catalogue_layers l = {.kpi_file = cfg->kpi_file,
                             .causes_file = cfg->causes_file,
                             .text = text, .text_name = name};
    fp_catalogue *cat = fp_catalogue_load_layers(&l, err, errsz);
    free(text);
    if (!cat)
        return false;
    if (fp_review_set_catalogue(rv, cat))
        return true;
    snprintf(err, errsz, "%s", db->err);
    return false;
}
