/* The text editor for notes, action items and reasons: a band over the
 * lower part of the screen, Chinese input through the TUI's key source
 * (so scripts drive it too), wrapping by display width, several lines,
 * bracketed paste, and a draft saved while typing.
 * Keys: Enter saves; Ctrl-J or Alt-Enter starts a new line; Backspace,
 * Delete, arrows, Home/End (Ctrl-A/Ctrl-E), PgUp/PgDn, Ctrl-U, Ctrl-K;
 * Esc (or Ctrl-C, Ctrl-\) asks before throwing typed text away.
 * The buffer logic is in edbuf.h (no curses). */
#ifndef FUPAN_TUI_EDITOR_H
#define FUPAN_TUI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/ui.h"

typedef enum {
    FP_ED_SAVED,       /* Enter: *out holds the text */
    FP_ED_CANCELLED,   /* Esc, confirmed: *out is NULL */
    FP_ED_STOPPED      /* a signal or the end of the key script: *out holds
                          the text typed so far (already drafted) */
} fp_ed_result;

typedef struct {
    const char *title;       /* the band's title */
    const char *info;        /* a line above the text, may be NULL */
    const char *text;        /* text to start from, may be NULL */
    bool multiline;
    size_t max_chars;        /* 0: no limit */
    bool allow_empty;        /* Enter on blank text saves it */
    bool unsaved_start;      /* text is a restored draft: Esc asks even
                                when nothing was changed */
    /* Saves a draft of the text: at most ~1 s behind while typing, and
     * when the editor stops. May be NULL. */
    void (*draft)(fp_ui *ui, void *ctx, const char *text);
    void *ctx;
} fp_editor_opts;

/* Runs the editor until it is done; *out is a new string (caller frees)
 * or NULL. */
fp_ed_result fp_editor_run(fp_ui *ui, const fp_editor_opts *o, char **out);

#endif
