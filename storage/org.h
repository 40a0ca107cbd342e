/* Stores, categories, people and the node tree in SQLite.
 * Codes are any UTF-8 text without '/'. */
#ifndef FUPAN_STORAGE_ORG_H
#define FUPAN_STORAGE_ORG_H

#include <stdbool.h>
#include "model/tree.h"
#include "storage/db.h"

typedef struct { int stores, categories, people, nodes; } fp_org_counts;

/* nodes.id for (store, category, person) codes; category and person may
 * be NULL or "" (a store or category node). Creates missing stores,
 * categories, people and nodes (with their parents), counting them in
 * created (may be NULL). Returns -1 with db->err set on error. */
long long fp_org_ensure_node(fp_db *db, const char *store,
                             const char *category, const char *person,
                             fp_org_counts *created);
/* Same without creating: -1 when any part is unknown, -2 when the
 * database cannot be read (db->err). */
long long fp_org_find_node(fp_db *db, const char *store,
                           const char *category, const char *person);
/* Node id of a path "store[/category[/person]]" ("" = company, id 1);
 * -1 and -2 as fp_org_find_node. */
long long fp_org_find_path(fp_db *db, const char *path);

/* Insert or update descriptive fields (NULL/"" leaves a field as is). */
bool fp_org_upsert_store(fp_db *db, const char *code, const char *name,
                         const char *platform, const char *market,
                         const char *currency, fp_org_counts *created);
bool fp_org_upsert_person(fp_db *db, const char *code, const char *name,
                          const char *role, fp_org_counts *created);
bool fp_org_upsert_category(fp_db *db, const char *code, const char *name,
                            fp_org_counts *created);

/* The whole tree, stores/categories/people ordered by code. Caller frees
 * with fp_tree_free. NULL with db->err on error. */
fp_tree *fp_org_load_tree(fp_db *db);

#endif
