/* The key help, generated from the live keymap and the action table:
 * shown by the help view and printed by `fupan --dump-keys`.
 * Ownership: fp_help_build/fp_help_done. */
#ifndef FUPAN_TUI_HELPTEXT_H
#define FUPAN_TUI_HELPTEXT_H

#include <stdbool.h>

#include "tui/keymap.h"

typedef enum {
    FP_HL_TITLE,     /* a group title */
    FP_HL_ACTION,    /* keys, action name, help */
    FP_HL_OFF,       /* an action refused here (read-only, not yet) */
    FP_HL_NOTE       /* other text: keymap problems */
} fp_help_kind;

typedef struct {
    char *text;
    fp_help_kind kind;
    fp_action act;   /* FP_ACT_NONE for titles and notes */
} fp_help_line;

typedef struct {
    fp_help_line *lines;
    int n, cap;
} fp_help;

/* problems: add the keymap's load messages at the end. */
bool fp_help_build(fp_help *h, const fp_keymap *km, bool read_only,
                   bool problems);
void fp_help_done(fp_help *h);
/* Appends a line of text (copied); false when out of memory. */
bool fp_help_add(fp_help *h, fp_help_kind kind, const char *text);

#endif
