/* The meeting-room browser (ncursesw). Entry points for cli/main.c. */
#ifndef FUPAN_TUI_TUI_H
#define FUPAN_TUI_TUI_H

#include <stdbool.h>
#include <stdio.h>
#include "model/week.h"

typedef struct {
    const char *db_path;      /* NULL: default database */
    const char *config_path;  /* NULL: default config */
    const char *keymap_path;  /* NULL: fupan/keymap.ini in the XDG config dirs */
    fp_week week;             /* 0: newest week with data */
    bool read_only;
    long today;               /* days since epoch, 0: newest imported day */
    int headless_cols;        /* > 0: headless mode on a virtual screen */
    int headless_rows;
    const char *keys;         /* headless: key script, e.g. "Enter Enter ] ?" */
} fp_tui_opts;

/* Runs the TUI (or the headless screen dump); returns an exit code. */
int fp_tui_run(const fp_tui_opts *opts);
/* Prints the key table (from the live keymap) for README and man page. */
int fp_tui_dump_keys(FILE *out, const char *keymap_path);

#endif
