/* The picker's filterable list; see picklist.h. */
#include "tui/picklist.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/vec.h"

void fp_picklist_init(fp_picklist *p, bool multi)
{
    memset(p, 0, sizeof *p);
    p->multi = multi;
}

void fp_picklist_done(fp_picklist *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i].key);
        free(p->items[i].label);
        free(p->items[i].hay);
    }
    free(p->items);
    free(p->shown);
    memset(p, 0, sizeof *p);
}

static void lower_ascii(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static char *make_hay(const char *key, const char *label, const char *extra)
{
    size_t n = strlen(key) + strlen(label) + (extra ? strlen(extra) : 0) + 3;
    char *hay = malloc(n);
    if (!hay)
        return NULL;
    snprintf(hay, n, "%s %s %s", label, key, extra ? extra : "");
    lower_ascii(hay);
    return hay;
}

static bool grow(fp_picklist *p)
{
    /* Two arrays of one capacity, each grown from it by the one rule, so
     * they come out the same; cap moves when both did. */
    size_t cap_items = p->cap, cap_shown = p->cap;
    bool ok = true;
    FP_GROW(p->items, p->n + 1, cap_items, ok);
    if (ok)
        FP_GROW(p->shown, p->n + 1, cap_shown, ok);
    if (ok)
        p->cap = cap_items;
    return ok;
}

bool fp_picklist_add(fp_picklist *p, const char *key, const char *label,
                     const char *extra)
{
    if (!grow(p))
        return false;
    fp_pick_item it = { strdup(key), strdup(label ? label : key),
                        make_hay(key, label ? label : key, extra), false };
    if (!it.key || !it.label || !it.hay) {
        free(it.key);
        free(it.label);
        free(it.hay);
        return false;
    }
    p->items[p->n++] = it;
    fp_picklist_set_filter(p, p->filter);
    return true;
}

/* Every space-separated word of the (lower-cased) filter is in hay. */
static bool matches(const char *hay, const char *filter)
{
    char word[FP_PICK_FILTER_MAX];
    while (*filter) {
        filter += strspn(filter, " ");
        size_t n = strcspn(filter, " ");
        if (n == 0)
            break;
        memcpy(word, filter, n);
        word[n] = '\0';
        if (!strstr(hay, word))
            return false;
        filter += n;
    }
    return true;
}

void fp_picklist_set_filter(fp_picklist *p, const char *filter)
{
    const fp_pick_item *was = fp_picklist_current(p);
    size_t was_index = was ? (size_t)(was - p->items) : (size_t)-1;
    char lower[FP_PICK_FILTER_MAX];
    if (filter != p->filter)
        snprintf(p->filter, sizeof p->filter, "%s", filter ? filter : "");
    snprintf(lower, sizeof lower, "%s", p->filter);
    lower_ascii(lower);
    p->nshown = 0;
    p->sel = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (!matches(p->items[i].hay, lower))
            continue;
        if (i == was_index)
            p->sel = p->nshown;
        p->shown[p->nshown++] = i;
    }
}

bool fp_picklist_type(fp_picklist *p, const char *ch)
{
    size_t n = strlen(p->filter), add = strlen(ch);
    if (add == 0 || n + add + 1 > sizeof p->filter)
        return false;
    memcpy(p->filter + n, ch, add + 1);
    fp_picklist_set_filter(p, p->filter);
    return true;
}

bool fp_picklist_erase(fp_picklist *p)
{
    size_t n = strlen(p->filter);
    if (n == 0)
        return false;
    while (n > 0 && ((unsigned char)p->filter[n - 1] & 0xc0) == 0x80)
        n--; /* continuation bytes of the last character */
    p->filter[n > 0 ? n - 1 : 0] = '\0';
    fp_picklist_set_filter(p, p->filter);
    return true;
}

void fp_picklist_move(fp_picklist *p, int delta)
{
    if (p->nshown == 0)
        return;
    long sel = (long)p->sel + delta;
    sel = sel < 0 ? 0 : sel >= (long)p->nshown ? (long)p->nshown - 1 : sel;
    p->sel = (size_t)sel;
}

bool fp_picklist_select_key(fp_picklist *p, const char *key)
{
    for (size_t i = 0; key && i < p->nshown; i++)
        if (strcmp(p->items[p->shown[i]].key, key) == 0) {
            p->sel = i;
            return true;
        }
    return false;
}

const fp_pick_item *fp_picklist_current(const fp_picklist *p)
{
    return p->sel < p->nshown ? &p->items[p->shown[p->sel]] : NULL;
}

bool fp_picklist_toggle(fp_picklist *p)
{
    if (!p->multi || p->sel >= p->nshown)
        return false;
    fp_pick_item *it = &p->items[p->shown[p->sel]];
    it->marked = !it->marked;
    return true;
}

bool fp_picklist_mark_key(fp_picklist *p, const char *key)
{
    for (size_t i = 0; p->multi && key && i < p->n; i++)
        if (strcmp(p->items[i].key, key) == 0) {
            p->items[i].marked = true;
            return true;
        }
    return false;
}

size_t fp_picklist_nmarked(const fp_picklist *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        n += p->items[i].marked;
    return n;
}

char *fp_picklist_marked_keys(const fp_picklist *p, const char *sep)
{
    size_t len = 1;
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].marked)
            len += strlen(p->items[i].key) + strlen(sep);
    char *out = malloc(len);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (size_t i = 0, o = 0; i < p->n; i++) {
        if (!p->items[i].marked)
            continue;
        o += (size_t)snprintf(out + o, len - o, "%s%s", o ? sep : "",
                              p->items[i].key);
    }
    return out;
}
