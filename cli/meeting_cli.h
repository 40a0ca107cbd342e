/* Option parsing and checks shared by `fupan note`, `fupan override` and
 * `fupan action`. Values borrowed from argv. */
#ifndef FUPAN_CLI_MEETING_CLI_H
#define FUPAN_CLI_MEETING_CLI_H

#include <stdbool.h>
#include "cli/cli.h"

typedef struct {
    const char *db, *config, *week, *path, *kpi, *cause, *text, *author,
               *value, *reason, *owner, *due, *format;
    bool open_only;
    long long id;        /* the positional ID, when asked for */
} fp_mcli_opts;

/* Option letters: d db, C config, w week, p path, k kpi, c cause, t text,
 * a author, v value, r reason, o owner, u due, f format, O open. */

/* Parses argv (argv[0] is the verb: "add", "list" ...) accepting only the
 * options in allowed (letters as above; --db, --config and --help are
 * always accepted) and, when want_id, exactly one positional ID.
 * Returns 0 to go on, -1 after printing --help, or FP_EXIT_USAGE. */
int fp_mcli_parse(int argc, char **argv, const char *allowed, bool want_id,
                  const char *usage, fp_mcli_opts *o);

/* Names the missing required options (letters from required) on stderr
 * and returns false when any is absent. */
bool fp_mcli_require(const fp_mcli_opts *o, const char *required,
                     const char *usage);

/* Tree index of a path, or -1 after "--path: no node ..." on stderr. */
int fp_mcli_node(fp_review *rv, const char *path);
/* Catalogue index of a KPI, or -1 after an error on stderr. */
int fp_mcli_kpi(fp_review *rv, const char *kpi);
/* --author, else the config's user name. */
const char *fp_mcli_author(fp_review *rv, const fp_mcli_opts *o);
/* Week of --week (exit code FP_EXIT_INPUT on stderr when bad). */
bool fp_mcli_week(const char *text, const char *option, fp_week *out);

/* Writes s cut/padded to cols display columns and a space. */
void fp_mcli_col(const char *s, int cols, bool right);
/* Writes s sanitised (no control characters) and a newline. */
void fp_mcli_tail(const char *s);
/* "2026-11-25T15:34:12" -> "2026-11-25 15:34" into buf (>= 17). */
void fp_mcli_time(const char *iso, char *buf, size_t bufsz);

#endif
