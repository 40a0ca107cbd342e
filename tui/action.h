/* Every user-visible action of the TUI, declared once: its name (used in
 * keymap files), group, help text and whether it writes to the database.
 * The keymap binds keys to these names; help, the key bar and
 * `fupan --dump-keys` are all generated from this table. Plain data. */
#ifndef FUPAN_TUI_ACTION_H
#define FUPAN_TUI_ACTION_H

#include <stdbool.h>

typedef enum {
    FP_ACT_NONE = 0,
    /* movement */
    FP_ACT_MOVE_UP, FP_ACT_MOVE_DOWN, FP_ACT_PAGE_UP, FP_ACT_PAGE_DOWN,
    FP_ACT_FIRST, FP_ACT_LAST,
    /* navigation */
    FP_ACT_DRILL_DOWN, FP_ACT_BACK, FP_ACT_PREV_WEEK, FP_ACT_NEXT_WEEK,
    FP_ACT_GOTO_WEEK, FP_ACT_CYCLE_PERIOD, FP_ACT_NEXT_RED, FP_ACT_PREV_RED, FP_ACT_SEARCH,
    FP_ACT_PEOPLE_VIEW, FP_ACT_TOGGLE_FOCUS,
    /* display */
    FP_ACT_SORT, FP_ACT_SORT_REVERSE, FP_ACT_FILTER_RED, FP_ACT_FILTER_ROLE,
    FP_ACT_REFRESH, FP_ACT_TOGGLE_CURRENCY, FP_ACT_CYCLE_THEME,
    FP_ACT_WHATIF, FP_ACT_KPI_REVIEW,
    /* meeting */
    FP_ACT_ANNOTATE, FP_ACT_OVERRIDE, FP_ACT_REVERT_OVERRIDE,
    FP_ACT_OVERRIDE_HISTORY, FP_ACT_NEW_ACTION, FP_ACT_LIST_ACTIONS,
    FP_ACT_MEETING, FP_ACT_MINUTES_PREVIEW, FP_ACT_EXPORT_MINUTES,
    FP_ACT_PUSH_MINUTES, FP_ACT_COPY_MINUTES,
    FP_ACT_NOTES_VIEW, FP_ACT_EDIT_NOTE, FP_ACT_DELETE_NOTE,
    FP_ACT_NOTE_HISTORY, FP_ACT_ITEM_DONE, FP_ACT_ITEM_DROP,
    FP_ACT_ITEM_REOPEN, FP_ACT_EXPORT_TABLE,
    /* general */
    FP_ACT_HELP, FP_ACT_QUIT,
    FP_ACT_COUNT
} fp_action;

typedef enum {
    FP_GRP_MOVE, FP_GRP_NAVIGATE, FP_GRP_DISPLAY, FP_GRP_MEETING,
    FP_GRP_GENERAL, FP_GRP_COUNT
} fp_action_group;

typedef struct {
    fp_action id;
    const char *name;      /* "move-down": the keymap's name for it */
    fp_action_group group;
    const char *help;      /* English, N_()-marked: show with _() */
    const char *bar;       /* short label for the key bar, NULL: not shown */
    bool needs_write;      /* refused with --read-only */
    bool available;        /* false: declared, arrives in a later issue */
} fp_action_info;

/* The entry for id (FP_ACT_NONE < id < FP_ACT_COUNT), else NULL. */
const fp_action_info *fp_action_get(fp_action id);
/* Action with this name, FP_ACT_NONE when unknown. */
fp_action fp_action_by_name(const char *name);
/* Untranslated group title, N_()-marked. */
const char *fp_action_group_title(fp_action_group g);

#endif
