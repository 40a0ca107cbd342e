/* A growable array; see vec.h. Doubling, from 64 items. */
#include "model/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool fp_vec_reserve(fp_vec *v, size_t want)
{
    if (want <= v->cap)
        return true;
    size_t cap = v->cap < 64 ? 64 : v->cap;
    while (cap < want) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    if (v->size && cap > SIZE_MAX / v->size)
        return false;
    void *p = realloc(v->items, cap * v->size);
    if (!p)
        return false;
    v->items = p;
    v->cap = cap;
    return true;
}

void *fp_vec_push(fp_vec *v)
{
    if (!fp_vec_reserve(v, v->n + 1))
        return NULL;
    void *item = fp_vec_at(v, v->n++);
    memset(item, 0, v->size);
    return item;
}

void fp_vec_done(fp_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
}
