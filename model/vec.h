/* The one growable array of fupan (git's ALLOC_GROW), in two forms.
 * Plain C.
 *
 * One growth rule for every array: a first block of FP_GROW_MIN items,
 * then doubling until the items asked for fit; a size whose bytes would
 * overflow size_t (or the capacity field's type) is refused.
 *
 * 1. fp_vec, a typed-by-size array that owns its items. Ownership: set
 *    the size (fp_vec_of), push, fp_vec_done; emptying (n = 0) keeps the
 *    memory for the next use.
 * 2. FP_GROW / fp_grow, for an array kept in a struct as (pointer, count,
 *    capacity) fields: the struct keeps owning the block (free() it).
 *    FP_GROW_ONE / fp_grow_one / fp_grow_more, for an array kept as
 *    (pointer, count) only, grown by nothing else: its capacity is the
 *    one the rule gives its count (fp_grow_cap_of). */
#ifndef FUPAN_MODEL_VEC_H
#define FUPAN_MODEL_VEC_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The first capacity of every growable array, in items. */
#define FP_GROW_MIN 16

/* The capacity the rule gives for `need` items, from a block of `cap`,
 * at most `max`; 0 when need > max (refused). need <= cap gives cap. */
size_t fp_grow_cap(size_t cap, size_t need, size_t max);

/* `items`, a block of *cap items of `size` bytes, grown by the rule
 * to hold at least `need` items, never more than `max` items. Returns the
 * block (moved, perhaps) and sets *cap; need <= *cap returns items as it
 * is. NULL when out of memory or refused: then items and *cap are as they
 * were, and still the caller's. */
void *fp_grow_max(void *items, size_t size, size_t need, size_t *cap,
                  size_t max);
static inline void *fp_grow(void *items, size_t size, size_t need,
                            size_t *cap)
{
    return fp_grow_max(items, size, need, cap, SIZE_MAX);
}

/* The capacity of an array of n items grown only by fp_grow_more: 0 for
 * none, else the least FP_GROW_MIN * 2^k that holds n. */
size_t fp_grow_cap_of(size_t n);
/* Room for `more` items after the n of `items` (items of `size` bytes),
 * an array grown only by these functions (or NULL with n = 0). Returns
 * the block, NULL when out of memory (items as it was, still the
 * caller's); with more > 0 never NULL for lack of room. */
void *fp_grow_more(void *items, size_t size, size_t n, size_t more);
/* Room for one more item (item n). */
static inline void *fp_grow_one(void *items, size_t size, size_t n)
{
    return fp_grow_more(items, size, n, 1);
}

/* The largest value the capacity field `cap` can hold. */
#define FP_CAP_MAX(cap) _Generic((cap),                                   \
    int: (size_t)INT_MAX, long: (size_t)LONG_MAX,                         \
    long long: (size_t)LLONG_MAX, unsigned: (size_t)UINT_MAX,             \
    default: SIZE_MAX)

/* ALLOC_GROW: makes room in the array `ptr` (typed pointer field) for
 * `need` items, updating `ptr` and its capacity field `cap` (int, size_t,
 * long long...). On failure clears the bool `ok` and leaves ptr and cap
 * as they were. ptr and cap are evaluated more than once: plain fields. */
#define FP_GROW(ptr, need, cap, ok)                                       \
    do {                                                                  \
        size_t fp_need_ = (size_t)(need);                                 \
        if (fp_need_ > (size_t)(cap)) {                                   \
            size_t fp_cap_ = (size_t)(cap);                               \
            void *fp_p_ = fp_grow_max((ptr), sizeof *(ptr), fp_need_,     \
                                      &fp_cap_, FP_CAP_MAX(cap));         \
            if (fp_p_) {                                                  \
                (ptr) = fp_p_;                                            \
                (cap) = fp_cap_;                                          \
            } else {                                                      \
                (ok) = false;                                             \
            }                                                             \
        }                                                                 \
    } while (0)

/* Room for item n (one more) in the array `ptr` of n items, kept without
 * a capacity field; clears the bool `ok` on failure (ptr as it was). */
#define FP_GROW_ONE(ptr, n, ok)                                           \
    do {                                                                  \
        void *fp_p_ = fp_grow_one((ptr), sizeof *(ptr), (size_t)(n));     \
        if (fp_p_)                                                        \
            (ptr) = fp_p_;                                                \
        else                                                              \
            (ok) = false;                                                 \
    } while (0)

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
