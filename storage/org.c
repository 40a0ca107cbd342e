/* Stores, categories, people and nodes; see org.h. */
#include "storage/org.h"

#include "storage/meeting_util.h"

#include <stdlib.h>
#include <string.h>

#include "model/vec.h"

enum entity { ENT_STORE, ENT_CATEGORY, ENT_PERSON };

static const char *const find_sql[] = {
    "SELECT id FROM stores WHERE code = ?1",
    "SELECT id FROM categories WHERE code = ?1",
    "SELECT id FROM people WHERE code = ?1",
};
static const char *const insert_sql[] = {
    "INSERT INTO stores(code, name) VALUES (?1, ?1)",
    "INSERT INTO categories(code, name) VALUES (?1, ?1)",
    "INSERT INTO people(code, name, role) VALUES (?1, ?1, '')",
};

static bool empty(const char *s) { return !s || !*s; }

/* The id of the one row st finds (finalized): -1 when none, -2 on an
 * error (db->err). */
static long long one_id(fp_db *db, sqlite3_stmt *st)
{
    long long id = -1;
    int row = fp_step(db, st, "read");
    if (row > 0)
        id = sqlite3_column_int64(st, 0);
    else if (row < 0)
        id = -2;
    sqlite3_finalize(st);
    return id;
}

static long long find_entity(fp_db *db, enum entity e, const char *code)
{
    sqlite3_stmt *st = fp_db_prepare(db, find_sql[e]);
    if (!st)
        return -2;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    return one_id(db, st);
}

static void count(fp_org_counts *c, enum entity e)
{
    if (!c)
        return;
    if (e == ENT_STORE)
        c->stores++;
    else if (e == ENT_CATEGORY)
        c->categories++;
    else
        c->people++;
}

static long long ensure_entity(fp_db *db, enum entity e, const char *code,
                               fp_org_counts *created)
{
    long long id = find_entity(db, e, code);
    if (id != -1)
        return id < 0 ? -1 : id;
    sqlite3_stmt *st = fp_db_prepare(db, insert_sql[e]);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    if (!fp_db_exec_stmt(db, st))
        return -1;
    count(created, e);
    return sqlite3_last_insert_rowid(db->sql);
}

static long long find_node(fp_db *db, int level, long long store,
                           long long cat, long long person)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id FROM nodes WHERE level = ?1 AND ifnull(store_id,0) = ?2 "
        "AND ifnull(category_id,0) = ?3 AND ifnull(person_id,0) = ?4");
    if (!st)
        return -2;
    sqlite3_bind_int(st, 1, level);
    sqlite3_bind_int64(st, 2, store);
    sqlite3_bind_int64(st, 3, cat);
    sqlite3_bind_int64(st, 4, person);
    return one_id(db, st);
}

static void bind_id_or_null(sqlite3_stmt *st, int col, long long id)
{
    if (id > 0)
        sqlite3_bind_int64(st, col, id);
    else
        sqlite3_bind_null(st, col);
}

static long long ensure_node(fp_db *db, long long parent, int level,
                             long long store, long long cat,
                             long long person, fp_org_counts *created)
{
    long long id = find_node(db, level, store, cat, person);
    if (id != -1)
        return id < 0 ? -1 : id;
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO nodes(parent_id, level, store_id, category_id, "
        "person_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, parent);
    sqlite3_bind_int(st, 2, level);
    bind_id_or_null(st, 3, store);
    bind_id_or_null(st, 4, cat);
    bind_id_or_null(st, 5, person);
    if (!fp_db_exec_stmt(db, st))
        return -1;
    if (created)
        created->nodes++;
    return sqlite3_last_insert_rowid(db->sql);
}

long long fp_org_ensure_node(fp_db *db, const char *store,
                             const char *category, const char *person,
                             fp_org_counts *created)
{
    if (empty(store))
        return 1;
    long long sid = ensure_entity(db, ENT_STORE, store, created);
    if (sid < 0)
        return -1;
    long long node = ensure_node(db, 1, FP_LVL_STORE, sid, 0, 0, created);
    if (node < 0 || empty(category))
        return node;
    long long cid = ensure_entity(db, ENT_CATEGORY, category, created);
    if (cid < 0)
        return -1;
    node = ensure_node(db, node, FP_LVL_CATEGORY, sid, cid, 0, created);
    if (node < 0 || empty(person))
        return node;
    long long pid = ensure_entity(db, ENT_PERSON, person, created);
    if (pid < 0)
        return -1;
    return ensure_node(db, node, FP_LVL_PERSON, sid, cid, pid, created);
}

long long fp_org_find_node(fp_db *db, const char *store,
                           const char *category, const char *person)
{
    if (empty(store))
        return 1;
    long long sid = find_entity(db, ENT_STORE, store);
    if (sid < 0)
        return sid;
    if (empty(category))
        return find_node(db, FP_LVL_STORE, sid, 0, 0);
    long long cid = find_entity(db, ENT_CATEGORY, category);
    if (cid < 0)
        return cid;
    if (empty(person))
        return find_node(db, FP_LVL_CATEGORY, sid, cid, 0);
    long long pid = find_entity(db, ENT_PERSON, person);
    if (pid < 0)
        return pid;
    return find_node(db, FP_LVL_PERSON, sid, cid, pid);
}

long long fp_org_find_path(fp_db *db, const char *path)
{
    char *copy = strdup(path ? path : "");
    if (!copy)
        return -1;
    char *parts[4] = {NULL, NULL, NULL, NULL};
    int n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, "/", &save); tok;
         tok = strtok_r(NULL, "/", &save))
        parts[n < 4 ? n++ : 3] = tok;
    long long id = n > 3 ? -1 : fp_org_find_node(db, parts[0], parts[1],
                                                 parts[2]);
    free(copy);
    return id;
}

static bool bind_run(fp_db *db, sqlite3_stmt *st, const char *const *vals,
                     int n)
{
    if (!st)
        return false;
    for (int i = 0; i < n; i++)
        sqlite3_bind_text(st, i + 1, vals[i] ? vals[i] : "", -1,
                          SQLITE_STATIC);
    return fp_db_exec_stmt(db, st);
}

bool fp_org_upsert_store(fp_db *db, const char *code, const char *name,
                         const char *platform, const char *market,
                         const char *currency, fp_org_counts *created)
{
    if (ensure_entity(db, ENT_STORE, code, created) < 0 ||
        fp_org_ensure_node(db, code, NULL, NULL, created) < 0)
        return false;
    const char *vals[] = {code, name, platform, market, currency};
    return bind_run(db, fp_db_prepare(db,
        "UPDATE stores SET name = coalesce(nullif(?2,''), name),"
        " platform = coalesce(nullif(?3,''), platform),"
        " market = coalesce(nullif(?4,''), market),"
        " currency = coalesce(nullif(upper(?5),''), currency)"
        " WHERE code = ?1"), vals, 5);
}

bool fp_org_upsert_person(fp_db *db, const char *code, const char *name,
                          const char *role, fp_org_counts *created)
{
    if (ensure_entity(db, ENT_PERSON, code, created) < 0)
        return false;
    const char *vals[] = {code, name, role};
    return bind_run(db, fp_db_prepare(db,
        "UPDATE people SET name = coalesce(nullif(?2,''), name),"
        " role = coalesce(nullif(?3,''), role) WHERE code = ?1"), vals, 3);
}

bool fp_org_upsert_category(fp_db *db, const char *code, const char *name,
                            fp_org_counts *created)
{
    if (ensure_entity(db, ENT_CATEGORY, code, created) < 0)
        return false;
    const char *vals[] = {code, name};
    return bind_run(db, fp_db_prepare(db,
        "UPDATE categories SET name = coalesce(nullif(?2,''), name)"
        " WHERE code = ?1"), vals, 2);
}

/* db id -> array index maps; ids are dense small integers. */
typedef struct { int *idx; long long cap; } id_map;

static bool map_put(id_map *m, long long id, int idx)
{
    if (id < 0)
        return false;
    long long had = m->cap;
    bool ok = true;
    FP_GROW(m->idx, (size_t)id + 1, m->cap, ok);
    if (!ok)
        return false;
    for (long long i = had; i < m->cap; i++)
        m->idx[i] = -1;
    m->idx[id] = idx;
    return true;
}

static int map_get(const id_map *m, long long id)
{
    return id >= 0 && id < m->cap ? m->idx[id] : -1;
}

static const char *col_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? (const char *)t : "";
}

static bool load_people(fp_db *db, fp_tree *tree, id_map *people)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id, code, name, role FROM people ORDER BY code");
    if (!st)
        return false;
    bool ok = true;
    int more = 0;
    while (ok && (more = fp_step(db, st, "read people")) > 0) {
        int idx = fp_tree_add_person(tree, sqlite3_column_int64(st, 0),
                                     col_text(st, 1), col_text(st, 2),
                                     col_text(st, 3));
        ok = idx >= 0 && map_put(people, sqlite3_column_int64(st, 0), idx);
    }
    sqlite3_finalize(st);
    return ok && more == 0;
}

static const char *node_code(sqlite3_stmt *st, int level)
{
    return col_text(st, level == FP_LVL_STORE ? 3
                        : level == FP_LVL_CATEGORY ? 5 : 8);
}

static const char *node_name(sqlite3_stmt *st, int level)
{
    return col_text(st, level == FP_LVL_STORE ? 4
                        : level == FP_LVL_CATEGORY ? 6 : 9);
}

static bool load_nodes(fp_db *db, fp_tree *tree, const id_map *people,
                       id_map *nodes)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT n.id, n.parent_id, n.level, s.code, s.name, c.code, c.name,"
        " n.person_id, p.code, p.name, s.currency"
        " FROM nodes n LEFT JOIN stores s ON s.id = n.store_id"
        " LEFT JOIN categories c ON c.id = n.category_id"
        " LEFT JOIN people p ON p.id = n.person_id"
        " WHERE n.level > 0 ORDER BY n.level, s.code, c.code, p.code");
    if (!st)
        return false;
    bool ok = map_put(nodes, 1, 0);
    int more = 0;
    while (ok && (more = fp_step(db, st, "read nodes")) > 0) {
        int level = sqlite3_column_int(st, 2);
        int parent = map_get(nodes, sqlite3_column_int64(st, 1));
        int person = level == FP_LVL_PERSON
            ? map_get(people, sqlite3_column_int64(st, 7)) : -1;
        if (parent < 0)
            continue; /* cannot happen with foreign keys on */
        int idx = fp_tree_add_node(tree, parent, (fp_level)level,
                                   sqlite3_column_int64(st, 0),
                                   node_code(st, level), node_name(st, level),
                                   col_text(st, 10), person);
        ok = idx >= 0 && map_put(nodes, sqlite3_column_int64(st, 0), idx);
    }
    sqlite3_finalize(st);
    return ok && more == 0;
}

fp_tree *fp_org_load_tree(fp_db *db)
{
    fp_tree *tree = fp_tree_new("全部");
    id_map people = {NULL, 0}, nodes = {NULL, 0};
    bool ok = tree && load_people(db, tree, &people) &&
              load_nodes(db, tree, &people, &nodes);
    free(people.idx);
    free(nodes.idx);
    if (!ok) {
        fp_tree_free(tree);
        return NULL;
    }
    return tree;
}
