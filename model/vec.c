/* The growable arrays; see vec.h. Doubling, from FP_GROW_MIN items. */
#include "model/vec.h"

#include <stdlib.h>
#include <string.h>

size_t fp_grow_cap(size_t cap, size_t need, size_t max)
{
    if (need > max)
        return 0;
    if (need <= cap)
        return cap;
    size_t c = cap < FP_GROW_MIN ? FP_GROW_MIN : cap;
    while (c < need)
        c = c > max / 2 ? max : c * 2;
    return c < max ? c : max;
}

void *fp_grow_max(void *items, size_t size, size_t need, size_t *cap,
                  size_t max)
{
    if (need <= *cap)
        return items;
    if (size == 0)       /* a row of no columns: still a live block */
        size = 1;
    if (max > SIZE_MAX / size)
        max = SIZE_MAX / size;
    size_t c = fp_grow_cap(*cap, need, max);
    if (c == 0)
        return NULL;
    void *p = realloc(items, c * size);
    if (p)
        *cap = c;
    return p;
}

size_t fp_grow_cap_of(size_t n)
{
    return n == 0 ? 0 : fp_grow_cap(0, n, SIZE_MAX);
}

void *fp_grow_more(void *items, size_t size, size_t n, size_t more)
{
    size_t cap = fp_grow_cap_of(n);
    if (more > SIZE_MAX - n)
        return NULL;
    return fp_grow(items, size, n + more, &cap);
}

bool fp_vec_reserve(fp_vec *v, size_t want)
{
    if (want <= v->cap)
        return true;
    void *p = fp_grow(v->items, v->size, want, &v->cap);
    if (!p)
        return false;
    v->items = p;
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
