/* The command line: one function per subcommand, sharing option helpers.
 * Each takes the subcommand's own argv (argv[0] is the subcommand name)
 * and returns an exit code. Errors go to stderr, one line each. */
#ifndef FUPAN_CLI_CLI_H
#define FUPAN_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "model/i18n.h"
#include "model/list_out.h"
#include "storage/review.h"

enum {
    FP_EXIT_OK = 0,
    FP_EXIT_RUNTIME = 1,  /* cannot open, I/O */
    FP_EXIT_USAGE = 2,    /* bad command line */
    FP_EXIT_INPUT = 3     /* input rejected: bad file, unknown path/week/KPI */
};

/* --format "text" | "csv" | "json" (NULL: text); false after printing
 * an error naming s. */
bool fp_out_format_parse(const char *s, fp_out_format *out);

int fp_cmd_init(int argc, char **argv);
int fp_cmd_import(int argc, char **argv);
int fp_cmd_scorecard(int argc, char **argv);
int fp_cmd_override(int argc, char **argv);
int fp_cmd_note(int argc, char **argv);
int fp_cmd_action(int argc, char **argv);
int fp_cmd_minutes(int argc, char **argv);
int fp_cmd_meeting(int argc, char **argv);
int fp_cmd_check(int argc, char **argv);
int fp_cmd_config(int argc, char **argv);
int fp_cmd_whatif(int argc, char **argv);
int fp_cmd_catalogue(int argc, char **argv);
int fp_cmd_review(int argc, char **argv);
/* fp_review_use_week (the catalogue version in force at week), printing
 * the error; false -> exit FP_EXIT_RUNTIME. */
bool fp_cli_use_week(fp_review *rv, fp_week week);
int fp_cmd_push(int argc, char **argv);
int fp_cmd_export(int argc, char **argv);
/* fupan --dump-catalogue: the catalogue the config selects, as INI. */
int fp_cli_dump_catalogue(FILE *out, const char *config_path);

/* "fupan: " + message + newline on stderr. */
void fp_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Opens the review session of an existing database, or prints the error
 * (a missing file: its path and how to create one); NULL -> exit
 * FP_EXIT_RUNTIME. A refused config or catalogue file exits FP_EXIT_INPUT
 * right here. db NULL: the default database. */
fp_review *fp_cli_open(const char *db, const char *config, bool read_only);
/* Same, creating the database when it does not exist (init, import). */
fp_review *fp_cli_open_new(const char *db, const char *config,
                           bool read_only);
/* --wait SECONDS (any subcommand, default 10): how long a write waits
 * for another fupan's write lock before "busy: ..." and exit 1. Taken
 * out of argv here, in one place for every subcommand's own parser, and
 * passed on as $FUPAN_WAIT, which fp_cli_open reads. Returns
 * FP_EXIT_USAGE (message printed) for a bad value. */
int fp_cli_take_wait(int *argc, char **argv);
/* Removes argv[i .. i + n - 1] (n words) from argv, keeping its NULL
 * end; *argc -= n. */
void fp_cli_drop_args(int *argc, char **argv, int i, int n);
/* "2", "0.5": seconds between 0 and 86400. */
bool fp_cli_wait_seconds(const char *text, double *secs);
/* Parses --week, printing an error naming the value when it is bad. */
bool fp_cli_week(const char *text, fp_week *out);
/* Exactly one of week (--week), month (--month YYYY-MM), quarter
 * (--quarter YYYY-Qn) is non-NULL: parses it into out. Returns
 * FP_EXIT_OK, FP_EXIT_USAGE (none or several given) or FP_EXIT_INPUT
 * (not a period), with the message printed. */
int fp_cli_period(const char *week, const char *month, const char *quarter,
                  fp_period *out);

#endif
