/* The list behind the picker: items with a key and a label, a filter
 * typed by the user (every space-separated word must occur in the label
 * or the key, ASCII letters without case, Chinese as is), a cursor over
 * the matching items and, for multi-select, marks. No curses.
 * Ownership: fp_picklist_init/fp_picklist_done (embedded); the list owns
 * copies of every string. */
#ifndef FUPAN_TUI_PICKLIST_H
#define FUPAN_TUI_PICKLIST_H

#include <stdbool.h>
#include <stddef.h>

#define FP_PICK_FILTER_MAX 128

typedef struct {
    char *key;          /* what is returned: cause code, person code */
    char *label;        /* what is shown */
    char *hay;          /* label, key and extra words, ASCII lower-cased */
    bool marked;        /* multi-select: chosen */
} fp_pick_item;

typedef struct {
    fp_pick_item *items;
    size_t n, cap;
    size_t *shown;      /* indices of the items matching the filter */
    size_t nshown;
    size_t sel;         /* cursor, an index into shown */
    char filter[FP_PICK_FILTER_MAX];
    bool multi;
} fp_picklist;

void fp_picklist_init(fp_picklist *p, bool multi);
void fp_picklist_done(fp_picklist *p);
/* Adds an item; extra (may be NULL) holds more words to match on
 * (an English label, a role). False when out of memory. */
bool fp_picklist_add(fp_picklist *p, const char *key, const char *label,
                     const char *extra);

/* Replaces the filter and recomputes the matches; the cursor stays on
 * the same item when it still matches, else goes to the first. */
void fp_picklist_set_filter(fp_picklist *p, const char *filter);
/* Appends one UTF-8 character to the filter / removes the last one.
 * False when nothing changed. */
bool fp_picklist_type(fp_picklist *p, const char *ch);
bool fp_picklist_erase(fp_picklist *p);

/* Moves the cursor by delta matching items, clamped. */
void fp_picklist_move(fp_picklist *p, int delta);
/* Puts the cursor on the item with key, when it matches; false if not. */
bool fp_picklist_select_key(fp_picklist *p, const char *key);
/* The item under the cursor, NULL when nothing matches. */
const fp_pick_item *fp_picklist_current(const fp_picklist *p);
/* Multi-select: toggles the mark of the item under the cursor. */
bool fp_picklist_toggle(fp_picklist *p);
/* Marks the item with key (multi-select). */
bool fp_picklist_mark_key(fp_picklist *p, const char *key);
/* Keys of the marked items joined with sep, in list order: a new string
 * (caller frees), "" when none; NULL when out of memory. */
char *fp_picklist_marked_keys(const fp_picklist *p, const char *sep);
/* Number of marked items. */
size_t fp_picklist_nmarked(const fp_picklist *p);

#endif
