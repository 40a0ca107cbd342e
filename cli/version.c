/* fupan --version: the version and the libraries it runs with, as tig
 * prints them, so a bug report says what the meeting-room machine has. */
#include "cli/runtime.h"

#include <csv.h>
#include <curses.h>
#include <sqlite3.h>

#include "model/i18n.h"

#define FP_STR_(x) #x
#define FP_STR(x) FP_STR_(x)

void fp_version_print(FILE *out)
{
    fprintf(out, "fupan %s\n", FUPAN_VERSION);
    fprintf(out, "Copyright (c) 2026 %s\n", _("the fupan authors"));
    fprintf(out, "%s\n", _("MIT License: free to use, change and share; "
                           "no warranty."));
    fprintf(out, "SQLite %s\n", sqlite3_libversion());
    fprintf(out, "%s\n", curses_version());
    /* libcsv has no run-time version call: the header it was built with */
    fprintf(out, "libcsv %s.%s.%s\n", FP_STR(CSV_MAJOR), FP_STR(CSV_MINOR),
            FP_STR(CSV_RELEASE));
}
