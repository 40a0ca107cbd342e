/* fupan check: is the database file sound? */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "model/text.h"
#include "storage/check.h"
#include "storage/db.h"

static const char check_usage[] =
    N_("usage: fupan check [--db FILE] [--quick] [--repair]\n"
    "Checks the database file without changing it: SQLite's integrity\n"
    "check (--quick: the faster quick_check), foreign keys, the schema\n"
    "version and, without --quick, that the trend sums kept per week\n"
    "match the facts. Prints what is wrong, one line each; exit 0 when\n"
    "nothing is, 1 when anything is or the file cannot be read.\n"
    "--repair first makes the trend sums of every week again.\n");

/* 0 to go on, -1 after --help, else an exit code. */
static int parse_args(int argc, char **argv, const char **db, bool *quick,
                      bool *repair)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"quick", no_argument, 0, 'q'},
        {"repair", no_argument, 0, 'r'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': *db = optarg; break;
        case 'q': *quick = true; break;
        case 'r': *repair = true; break;
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

static int report(const char *path, const fp_check_report *r, bool quick)
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
    /* the trend sums are compared only in a database of this schema */
    if (quick || r->schema_version != r->schema_current)
        printf(_("%s: ok (integrity, foreign keys, schema version %d)\n"),
               path, r->schema_version);
    else
        printf(_("%s: ok (integrity, foreign keys, trend sums, schema "
                 "version %d)\n"), path, r->schema_version);
    return FP_EXIT_OK;
}

static int check_file(const char *file, bool quick, bool repair)
{
    char err[1024];
    fp_check_report r;
    fp_check_report_init(&r);
    bool opened = fp_check_file(file, quick, &r, err, sizeof err);
    /* a damaged file is not written to: only the sums may be wrong */
    if (opened && repair && r.n == r.nsums) {
        fp_check_report_done(&r);
        opened = fp_check_repair_sums(file, err, sizeof err) &&
                 fp_check_file(file, quick, &r, err, sizeof err);
        if (opened)
            printf(_("%s: trend sums made again from the facts\n"), file);
    }
    int rc = FP_EXIT_RUNTIME;
    if (opened)
        rc = report(file, &r, quick);
    else
        fp_cli_error("%s", err);
    fp_check_report_done(&r);
    return rc;
}

int fp_cmd_check(int argc, char **argv)
{
    const char *db = NULL;
    bool quick = false, repair = false;
    int rc = parse_args(argc, argv, &db, &quick, &repair);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    char *path = db ? NULL : fp_db_default_path();
    rc = check_file(db ? db : path, quick, repair);
    free(path);
    return rc;
}
