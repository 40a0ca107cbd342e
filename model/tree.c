/* The organisation tree in one array; see tree.h. */
#include "model/tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/vec.h"

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

fp_tree *fp_tree_new(const char *company_name)
{
    fp_tree *tree = calloc(1, sizeof *tree);
    if (!tree)
        return NULL;
    if (fp_tree_add_node(tree, -1, FP_LVL_COMPANY, 1, "", company_name,
                         NULL, -1) != 0) {
        fp_tree_free(tree);
        return NULL;
    }
    return tree;
}

void fp_tree_free(fp_tree *tree)
{
    if (!tree)
        return;
    for (int i = 0; i < tree->nnodes; i++) {
        free(tree->nodes[i].code);
        free(tree->nodes[i].name);
    }
    for (int i = 0; i < tree->npeople; i++) {
        free(tree->people[i].code);
        free(tree->people[i].name);
        free(tree->people[i].role);
    }
    free(tree->nodes);
    free(tree->people);
    free(tree->by_db_id);
    free(tree);
}

int fp_tree_add_person(fp_tree *tree, long long db_id, const char *code,
                       const char *name, const char *role)
{
    bool ok = true;
    FP_GROW(tree->people, tree->npeople + 1, tree->cap_people, ok);
    if (!ok)
        return -1;
    fp_person *p = &tree->people[tree->npeople];
    p->db_id = db_id;
    p->code = dup_or_empty(code);
    p->name = dup_or_empty(name && *name ? name : code);
    p->role = dup_or_empty(role);
    p->pilot = false;
    return tree->npeople++;
}

static int grow_nodes(fp_tree *tree)
{
    bool ok = true;
    FP_GROW(tree->nodes, tree->nnodes + 1, tree->cap_nodes, ok);
    return ok ? 0 : -1;
}

/* Appends idx to parent's child list, keeping insertion order. */
static void link_child(fp_tree *tree, int parent, int idx)
{
    fp_node *p = &tree->nodes[parent];
    if (p->first_child < 0)
        p->first_child = idx;
    else
        tree->nodes[p->last_child].next_sibling = idx;
    p->last_child = idx; /* no walk: 100,000 stores load in linear time */
    p->nchildren++;
}

/* Ids are rowids, small and dense; a larger one (or no memory) is left
 * to a scan in fp_tree_find_db_id. */
#define MAX_INDEXED_ID (1 << 24)

static void index_db_id(fp_tree *tree, long long db_id, int idx)
{
    bool ok = db_id >= 0 && db_id < MAX_INDEXED_ID;
    size_t need = ok ? (size_t)db_id + 1 : 0;
    if (ok)
        FP_GROW(tree->by_db_id, need, tree->cap_by_db_id, ok);
    if (!ok) {
        tree->unindexed = true;
        return;
    }
    for (; tree->nby_db_id < need; tree->nby_db_id++)
        tree->by_db_id[tree->nby_db_id] = -1;
    if (tree->by_db_id[db_id] < 0)
        tree->by_db_id[db_id] = idx;
}

int fp_tree_add_node(fp_tree *tree, int parent, fp_level level,
                     long long db_id, const char *code, const char *name,
                     const char *currency, int person)
{
    if (grow_nodes(tree) != 0)
        return -1;
    int idx = tree->nnodes++;
    fp_node *n = &tree->nodes[idx];
    memset(n, 0, sizeof *n);
    n->db_id = db_id;
    n->parent = parent;
    n->first_child = n->next_sibling = n->last_child = -1;
    n->level = level;
    n->code = dup_or_empty(code);
    n->name = dup_or_empty(name && *name ? name : code);
    n->person = person;
    n->store = level == FP_LVL_STORE ? idx
               : parent >= 0 ? tree->nodes[parent].store : -1;
    if (level == FP_LVL_STORE)
        snprintf(n->currency, sizeof n->currency, "%s",
                 currency ? currency : "");
    else if (parent >= 0)
        memcpy(n->currency, tree->nodes[parent].currency, sizeof n->currency);
    if (parent >= 0)
        link_child(tree, parent, idx);
    index_db_id(tree, db_id, idx);
    return idx;
}

static int find_child(const fp_tree *tree, int parent, const char *code,
                      size_t len)
{
    for (int c = tree->nodes[parent].first_child; c >= 0;
         c = tree->nodes[c].next_sibling) {
        const char *cc = tree->nodes[c].code;
        if (strlen(cc) == len && memcmp(cc, code, len) == 0)
            return c;
    }
    return -1;
}

int fp_tree_find_path(const fp_tree *tree, const char *path)
{
    int node = 0;
    const char *p = path ? path : "";
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0 || tree->nodes[node].level == FP_LVL_PERSON)
            return -1;
        node = find_child(tree, node, p, len);
        if (node < 0)
            return -1;
        p += len;
        if (*p == '/')
            p++;
    }
    return node;
}

int fp_tree_find_db_id(const fp_tree *tree, long long db_id)
{
    if (db_id >= 0 && (size_t)db_id < tree->nby_db_id &&
        tree->by_db_id[db_id] >= 0)
        return tree->by_db_id[db_id];
    if (!tree->unindexed)
        return -1;
    for (int i = 0; i < tree->nnodes; i++)
        if (tree->nodes[i].db_id == db_id)
            return i;
    return -1;
}

int fp_tree_find_person(const fp_tree *tree, const char *code)
{
    for (int i = 0; i < tree->npeople; i++)
        if (strcmp(tree->people[i].code, code) == 0)
            return i;
    return -1;
}

void fp_tree_path(const fp_tree *tree, int node, char *buf, size_t bufsz)
{
    int chain[4], depth = 0;
    for (int n = node; n > 0 && depth < 4; n = tree->nodes[n].parent)
        chain[depth++] = n;
    size_t used = 0;
    buf[0] = '\0';
    for (int i = depth - 1; i >= 0 && used < bufsz; i--) {
        int w = snprintf(buf + used, bufsz - used, "%s%s",
                         i == depth - 1 ? "" : "/", tree->nodes[chain[i]].code);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

const char *fp_tree_currency(const fp_tree *tree, int node)
{
    const char *c = tree->nodes[node].currency;
    return *c ? c : NULL;
}

int fp_tree_is_under(const fp_tree *tree, int a, int b)
{
    for (int n = a; n >= 0; n = tree->nodes[n].parent)
        if (n == b)
            return 1;
    return 0;
}
