/* Pilots (试点): a role template tried on a few named people first; see
 * fp_catalogue_apply_pilots in catalogue.h and docs/kpi-system.md. */
#include <stdlib.h>
#include <string.h>

#include "model/catalogue.h"

static int find_person(const fp_tree *tree, const char *who, size_t len)
{
    for (int p = 0; p < tree->npeople; p++) {
        const fp_person *ps = &tree->people[p];
        if ((strlen(ps->code) == len && !strncmp(ps->code, who, len)) ||
            (strlen(ps->name) == len && !strncmp(ps->name, who, len)))
            return p;
    }
    return -1;
}

static int move_person(fp_person *ps, const char *role)
{
    char *id = strdup(role);
    if (!id)
        return -1;
    free(ps->role);
    ps->role = id;
    ps->pilot = true;
    return 1;
}

/* The people of one role's pilot list; a person already piloted stays. */
static int apply_role(const fp_role *r, fp_tree *tree)
{
    int moved = 0;
    const char *s = r->pilot;
    while (*s) {
        s += strspn(s, " \t,");
        size_t len = strcspn(s, " \t,");
        int p = len ? find_person(tree, s, len) : -1;
        if (p >= 0 && !tree->people[p].pilot) {
            if (move_person(&tree->people[p], r->id) < 0)
                return -1;
            moved++;
        }
        s += len;
    }
    return moved;
}

int fp_catalogue_apply_pilots(const fp_catalogue *cat, fp_tree *tree)
{
    int moved = 0;
    for (int i = 0; i < cat->nroles; i++) {
        if (!cat->roles[i].pilot)
            continue;
        int n = apply_role(&cat->roles[i], tree);
        if (n < 0)
            return -1;
        moved += n;
    }
    return moved;
}
