/* A small hash map from strings to integers (open addressing). Plain C.
 * Ownership: fp_strmap_new/fp_strmap_free; the map copies its keys. */
#ifndef FUPAN_MODEL_STRMAP_H
#define FUPAN_MODEL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fp_strmap fp_strmap;

fp_strmap *fp_strmap_new(void);
void fp_strmap_free(fp_strmap *map);

/* True and *value when key is present. */
bool fp_strmap_get(const fp_strmap *map, const char *key, long long *value);
/* Inserts or replaces; false on allocation failure. */
bool fp_strmap_put(fp_strmap *map, const char *key, long long value);
size_t fp_strmap_count(const fp_strmap *map);

#endif
