/* What fupan learns about the machine it runs on: where its installed
 * files are (cli/paths.c), which library versions it runs with
 * (cli/version.c) and whether the terminal can show the TUI
 * (cli/terminal.c). All strings returned are static: never freed. */
#ifndef FUPAN_CLI_RUNTIME_H
#define FUPAN_CLI_RUNTIME_H

#include <stdio.h>

/* The folder of the sample data and example config: $FUPAN_DATADIR, else
 * the build's data folder beside the binary (so a staged or moved
 * install finds its own files), else the absolute folder set at build
 * time. An installed binary never looks in the source tree. */
const char *fp_data_dir(void);
/* The message catalogues' folder, chosen the same way
 * ($FUPAN_LOCALEDIR first). Always absolute, as bindtextdomain needs. */
const char *fp_locale_dir(void);

/* `fupan --version`: the version, the copyright line and the versions of
 * SQLite, ncurses and libcsv this binary runs with. */
void fp_version_print(FILE *out);

/* Why the full-screen browser cannot start here (standard output is not
 * a terminal, TERM is unset, dumb or unknown), or NULL when it can. */
const char *fp_tui_refusal(void);

#endif
