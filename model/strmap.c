/* String -> integer hash map with linear probing (see strmap.h). */
#include "model/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *key;          /* NULL: empty slot */
    long long value;
} slot;

struct fp_strmap {
    slot *slots;
    size_t cap;         /* a power of two */
    size_t count;
};

/* FNV-1a, 64 bit. */
static uint64_t hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

fp_strmap *fp_strmap_new(void)
{
    fp_strmap *map = calloc(1, sizeof *map);
    if (map == NULL)
        return NULL;
    map->cap = 64;
    map->slots = calloc(map->cap, sizeof *map->slots);
    if (map->slots == NULL) {
        free(map);
        return NULL;
    }
    return map;
}

void fp_strmap_free(fp_strmap *map)
{
    if (map == NULL)
        return;
    for (size_t i = 0; i < map->cap; i++)
        free(map->slots[i].key);
    free(map->slots);
    free(map);
}

static slot *find_slot(slot *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash(key) & (cap - 1);
    while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static bool grow(fp_strmap *map)
{
    size_t cap = map->cap * 2;
    slot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return false;
    for (size_t i = 0; i < map->cap; i++)
        if (map->slots[i].key != NULL)
            *find_slot(slots, cap, map->slots[i].key) = map->slots[i];
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
    return true;
}

bool fp_strmap_get(const fp_strmap *map, const char *key, long long *value)
{
    slot *s = find_slot(map->slots, map->cap, key);
    if (s->key == NULL)
        return false;
    if (value != NULL)
        *value = s->value;
    return true;
}

bool fp_strmap_put(fp_strmap *map, const char *key, long long value)
{
    /* at most half full: linear probing stays short for misses */
    if ((map->count + 1) * 2 > map->cap && !grow(map))
        return false;
    slot *s = find_slot(map->slots, map->cap, key);
    if (s->key == NULL) {
        s->key = strdup(key);
        if (s->key == NULL)
            return false;
        map->count++;
    }
    s->value = value;
    return true;
}

size_t fp_strmap_count(const fp_strmap *map)
{
    return map->count;
}
