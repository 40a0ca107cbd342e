/* The command line: one function per subcommand, sharing option helpers.
 * Each takes the subcommand's own argv (argv[0] is the subcommand name)
 * and returns an exit code. Errors go to stderr, one line each. */
#ifndef FUPAN_CLI_CLI_H
#define FUPAN_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "storage/review.h"

enum {
    FP_EXIT_OK = 0,
    FP_EXIT_RUNTIME = 1,  /* cannot open, I/O */
    FP_EXIT_USAGE = 2,    /* bad command line */
    FP_EXIT_INPUT = 3     /* input rejected: bad file, unknown path/week/KPI */
};

int fp_cmd_init(int argc, char **argv);
int fp_cmd_import(int argc, char **argv);
int fp_cmd_scorecard(int argc, char **argv);
int fp_cmd_override(int argc, char **argv);
int fp_cmd_note(int argc, char **argv);
int fp_cmd_action(int argc, char **argv);
int fp_cmd_minutes(int argc, char **argv);

/* "fupan: " + message + newline on stderr. */
void fp_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Opens a review session or prints the error; NULL -> exit FP_EXIT_RUNTIME.
 * A refused config or catalogue file exits FP_EXIT_INPUT right here. */
fp_review *fp_cli_open(const char *db, const char *config, bool read_only);
/* Parses --week, printing an error naming the value when it is bad. */
bool fp_cli_week(const char *text, fp_week *out);

#endif
