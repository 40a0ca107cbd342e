/* The organisation tree: company -> store -> category -> person.
 * Plain C. Nodes live in one array, parents always before their
 * children (so a reverse walk is a bottom-up roll-up).
 * Ownership: fp_tree_new/fp_tree_free; the tree owns all strings. */
#ifndef FUPAN_MODEL_TREE_H
#define FUPAN_MODEL_TREE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    FP_LVL_COMPANY = 0,
    FP_LVL_STORE = 1,
    FP_LVL_CATEGORY = 2,
    FP_LVL_PERSON = 3
} fp_level;

typedef struct {
    long long db_id;      /* nodes.id in storage */
    int parent;           /* index of the parent, -1 for the company */
    int first_child;      /* index or -1 */
    int next_sibling;     /* index or -1; siblings in insertion order */
    int last_child;       /* index or -1 (appending a child) */
    int nchildren;
    fp_level level;
    char *code;           /* id used in paths: tts-my, apparel, 张伟 */
    char *name;           /* display name (falls back to code) */
    int store;            /* index of the store node above (or self), -1 */
    int person;           /* index into tree->people for person nodes, else -1 */
    char currency[8];     /* the store's ISO currency, "" for the company */
} fp_node;

typedef struct {
    long long db_id;      /* people.id */
    char *code;
    char *name;
    char *role;           /* host, ad_buyer, editor, ops_manager, or "" */
    bool pilot;           /* role is a pilot role naming them (issue 16) */
} fp_person;

typedef struct {
    fp_node *nodes;
    int nnodes, cap_nodes;
    fp_person *people;
    int npeople, cap_people;
    int *by_db_id;       /* db id -> node index (-1), for fp_tree_find_db_id */
    size_t nby_db_id, cap_by_db_id;
    bool unindexed;      /* some db id was not indexed (too large) */
} fp_tree;

/* A new tree holding only the company node (index 0, named name). */
fp_tree *fp_tree_new(const char *company_name);
void fp_tree_free(fp_tree *tree);

/* Adds a person record; returns its index. */
int fp_tree_add_person(fp_tree *tree, long long db_id, const char *code,
                       const char *name, const char *role);
/* Adds a node under parent (which must already exist); returns its index.
 * For a store, currency is its ISO code; for other levels pass NULL
 * (inherited from the store). person is an index from fp_tree_add_person
 * for person nodes, else -1. */
int fp_tree_add_node(fp_tree *tree, int parent, fp_level level,
                     long long db_id, const char *code, const char *name,
                     const char *currency, int person);

/* Node index for a path "store[/category[/person]]" ("" = company), or -1. */
int fp_tree_find_path(const fp_tree *tree, const char *path);
/* Node index with this db id (the first added), or -1. */
int fp_tree_find_db_id(const fp_tree *tree, long long db_id);
/* Person index with this code, or -1. */
int fp_tree_find_person(const fp_tree *tree, const char *code);
/* Writes the path of node into buf ("" for the company). */
void fp_tree_path(const fp_tree *tree, int node, char *buf, size_t bufsz);
/* Currency of the node's store, NULL for the company. */
const char *fp_tree_currency(const fp_tree *tree, int node);
/* True when node a is b or lies below b. */
int fp_tree_is_under(const fp_tree *tree, int a, int b);

#endif
