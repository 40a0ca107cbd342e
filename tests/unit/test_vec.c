/* The one growable array (model/vec.h): the growth rule, its refusals,
 * and that items keep their values as the block moves. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/vec.h"

typedef struct {
    int *v;
    int n, cap;            /* an int capacity, as many structs keep */
} int_list;

static bool int_list_add(int_list *l, int x)
{
    bool ok = true;
    FP_GROW(l->v, l->n + 1, l->cap, ok);
    if (ok)
        l->v[l->n++] = x;
    return ok;
}

Test(vec, grows_from_empty_to_the_minimum)
{
    size_t cap = 0;
    int *p = fp_grow(NULL, sizeof *p, 1, &cap);
    cr_assert_not_null(p);
    cr_assert_eq(cap, FP_GROW_MIN);
    free(p);
}

Test(vec, doubles_when_full)
{
    size_t cap = 0;
    int *p = fp_grow(NULL, sizeof *p, FP_GROW_MIN, &cap);
    cr_assert_eq(cap, FP_GROW_MIN);
    int *q = fp_grow(p, sizeof *q, FP_GROW_MIN + 1, &cap);
    cr_assert_not_null(q);
    cr_assert_eq(cap, 2 * FP_GROW_MIN);
    int *same = fp_grow(q, sizeof *q, 2 * FP_GROW_MIN, &cap);
    cr_assert_eq(same, q, "room enough: the block stays");
    cr_assert_eq(cap, 2 * FP_GROW_MIN);
    free(q);
}

Test(vec, a_need_beyond_double_is_met_at_once)
{
    size_t cap = FP_GROW_MIN;
    int *p = malloc(cap * sizeof *p);
    int *q = fp_grow(p, sizeof *q, 5 * FP_GROW_MIN, &cap);
    cr_assert_not_null(q);
    cr_assert_eq(cap, 8 * FP_GROW_MIN, "doubled until it holds the need");
    free(q);
}

Test(vec, refuses_an_overflowing_size_and_keeps_the_block)
{
    size_t cap = 0;
    int *p = fp_grow(NULL, sizeof *p, 4, &cap);
    p[3] = 33;
    size_t before = cap;
    cr_assert_null(fp_grow(p, sizeof *p, SIZE_MAX / 2, &cap));
    cr_assert_null(fp_grow(p, sizeof *p, SIZE_MAX, &cap));
    cr_assert_eq(cap, before);
    cr_assert_eq(p[3], 33, "the old block is untouched");
    cr_assert_eq(fp_grow_cap(8, 100, 50), 0u, "need above max: refused");
    cr_assert_eq(fp_grow_cap(40, 41, 50), 50u, "doubling stops at max");
    cr_assert_eq(fp_grow_cap(SIZE_MAX / 2 + 1, SIZE_MAX, SIZE_MAX),
                 SIZE_MAX, "no wrap past SIZE_MAX");
    free(p);
}

Test(vec, an_int_capacity_is_never_grown_past_INT_MAX)
{
    int_list l = {NULL, 0, INT_MAX / 2 + 10};
    bool ok = true;
    /* A capacity that would double past INT_MAX is clamped to it; the
     * block itself would be too large to allocate, so ok is cleared and
     * the fields stay (nothing is allocated). */
    FP_GROW(l.v, (size_t)INT_MAX + 1, l.cap, ok);
    cr_assert(!ok, "need above INT_MAX refused");
    cr_assert_null(l.v);
    cr_assert_eq(l.cap, INT_MAX / 2 + 10);
    cr_assert_eq(FP_CAP_MAX(l.cap), (size_t)INT_MAX);
    size_t big = 0;
    cr_assert_eq(FP_CAP_MAX(big), SIZE_MAX);
}

Test(vec, items_keep_their_values_across_growth)
{
    int_list l = {0};
    for (int i = 0; i < 1000; i++)
        cr_assert(int_list_add(&l, i * 7));
    cr_assert_eq(l.n, 1000);
    cr_assert_eq(l.cap, 64 * FP_GROW_MIN);
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(l.v[i], i * 7);
    free(l.v);
}

Test(vec, grow_one_follows_the_same_rule_without_a_capacity)
{
    cr_assert_eq(fp_grow_cap_of(0), 0u);
    cr_assert_eq(fp_grow_cap_of(1), FP_GROW_MIN);
    cr_assert_eq(fp_grow_cap_of(FP_GROW_MIN + 1), 2 * FP_GROW_MIN);
    long *v = NULL;
    size_t n = 0;
    for (; n < 300; n++) {
        bool ok = true;
        long *before = v;
        FP_GROW_ONE(v, n, ok);
        cr_assert(ok);
        if (n > 0 && n != fp_grow_cap_of(n))
            cr_assert_eq(v, before, "room left: no realloc at %zu", n);
        v[n] = (long)n * 3;
    }
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(v[i], (long)i * 3);
    free(v);
}

Test(vec, push_and_reserve)
{
    fp_vec v = fp_vec_of(sizeof(double));
    cr_assert(fp_vec_reserve(&v, 3));
    cr_assert_eq(v.cap, FP_GROW_MIN);
    cr_assert_eq(v.n, 0u);
    for (int i = 0; i < 100; i++) {
        double *d = fp_vec_push(&v);
        cr_assert_not_null(d);
        cr_assert_eq(*d, 0.0, "a pushed item is zeroed");
        *d = i + 0.5;
    }
    cr_assert_eq(v.n, 100u);
    cr_assert_eq(v.cap, 8 * FP_GROW_MIN);
    for (size_t i = 0; i < v.n; i++)
        cr_assert_eq(*(double *)fp_vec_at(&v, i), (double)i + 0.5);
    cr_assert(!fp_vec_reserve(&v, SIZE_MAX / 4), "overflow refused");
    cr_assert_eq(v.cap, 8 * FP_GROW_MIN);
    cr_assert(fp_vec_reserve(&v, 1000));
    cr_assert_eq(v.cap, 1024u);
    cr_assert_eq(*(double *)fp_vec_at(&v, 99), 99.5);
    fp_vec_done(&v);
    cr_assert_null(v.items);
    cr_assert_eq(v.cap, 0u);
}

Test(vec, grow_more_appends_many_at_once_by_the_rule)
{
    short *v = NULL;
    size_t n = 0;
    for (int week = 0; week < 13; week++) {      /* 13 lists of 7 */
        short *p = fp_grow_more(v, sizeof *p, n, 7);
        cr_assert_not_null(p);
        v = p;
        for (int i = 0; i < 7; i++)
            v[n + (size_t)i] = (short)(week * 10 + i);
        n += 7;
    }
    cr_assert_eq(fp_grow_cap_of(n), 8 * FP_GROW_MIN);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(v[i], (short)(i / 7 * 10 + i % 7));
    cr_assert_null(fp_grow_more(v, sizeof *v, n, SIZE_MAX - 1),
                   "n + more overflowing: refused");
    cr_assert_eq(v[n - 1], (short)(12 * 10 + 6), "and v untouched");
    free(v);
}
