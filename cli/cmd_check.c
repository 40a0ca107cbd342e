/* fupan check: is the database file sound? */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "model/text.h"
#include "storage/check.h"
#include "storage/db.h"

static const char check_usage[] =
    N_("usage: fupan check [--db FILE] [--quick]\n"
    "Checks the database file without changing it: SQLite's integrity\n"
    "check (--quick: the faster quick_check), foreign keys, and the\n"
    "schema version. Prints what is wrong, one line each; exit 0 when\n"
    "nothing is, 1 when anything is or the file cannot be read.\n");

/* 0 to go on, -1 after --help, else an exit code. */
static int parse_args(int argc, char **argv, const char **db, bool *quick)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"quick", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': *db = optarg; break;
        case 'q': *quick = true; break;
        case 'h': fputs(_(check_usage), stdout); return -1;
        default: fputs(_(check_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fputs(_(check_usage), stderr);
        return FP_EXIT_USAGE;
    }
    return 0;
}

static void print_line(const char *s)
{
    fp_text_fputs(s, stdout);
    putchar('\n');
}

static int report(const char *path, const fp_check_report *r)
{
    for (size_t i = 0; i < r->n; i++)
        print_line(r->problems[i]);
    if (r->out_of_memory) {
        fp_cli_error(_("check: out of memory"));
        return FP_EXIT_RUNTIME;
    }
    if (r->n > 0) {
        fp_cli_error(P_("check: %s: %zu problem found",
                        "check: %s: %zu problems found", r->n), path, r->n);
        return FP_EXIT_RUNTIME;
    }
    printf(_("%s: ok (integrity, foreign keys, schema version %d)\n"), path,
           r->schema_version);
    return FP_EXIT_OK;
}

int fp_cmd_check(int argc, char **argv)
{
    const char *db = NULL;
    bool quick = false;
    int rc = parse_args(argc, argv, &db, &quick);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    char *path = db ? NULL : fp_db_default_path();
    char err[1024];
    fp_check_report r;
    fp_check_report_init(&r);
    if (!fp_check_file(db ? db : path, quick, &r, err, sizeof err)) {
        fp_cli_error("%s", err);
        rc = FP_EXIT_RUNTIME;
    } else {
        rc = report(db ? db : path, &r);
    }
    fp_check_report_done(&r);
    free(path);
    return rc;
}
