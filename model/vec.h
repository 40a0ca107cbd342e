/* A growable array of fixed-size items (git's ALLOC_GROW, as a type).
 * Plain C. Ownership: set size (fp_vec_of), push, fp_vec_done; emptying
 * (n = 0) keeps the memory for the next use. */
#ifndef FUPAN_MODEL_VEC_H
#define FUPAN_MODEL_VEC_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    void *items;
    size_t n, cap;
    size_t size;         /* bytes per item */
} fp_vec;

/* An empty array of items of `size` bytes. */
static inline fp_vec fp_vec_of(size_t size)
{
    return (fp_vec){NULL, 0, 0, size};
}

/* Room for at least `want` items; false when out of memory (v as it was). */
bool fp_vec_reserve(fp_vec *v, size_t want);
/* A new zeroed item at the end, or NULL when out of memory. */
void *fp_vec_push(fp_vec *v);
/* Item i (i < n). */
static inline void *fp_vec_at(const fp_vec *v, size_t i)
{
    return (char *)v->items + i * v->size;
}
void fp_vec_done(fp_vec *v);

#endif
