/* fupan init: create (and migrate) a database; --sample loads the
 * bundled sample meeting from sample-data/. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/runtime.h"
#include "storage/csv_import.h"
#include "storage/sample_meeting.h"

static const char init_usage[] =
    N_("usage: fupan init [--db FILE] [--config FILE] [--sample]\n"
    "Creates the database (or brings an older one up to date).\n"
    "--sample loads the bundled sample meeting: 3 stores, 24 people,\n"
    "12 weeks ending 2026-W47, with notes, overrides and action items.\n"
    "The sample files are read from $FUPAN_DATADIR, else from the folder\n"
    "installed with fupan (PREFIX/share/fupan).\n");

typedef struct { fp_import_kind kind; const char *files[3]; } sample_step;

/* In dependency order: the org first, then numbers. */
static const sample_step sample_steps[] = {
    {FP_IMPORT_ORG, {"stores.csv", "categories.csv", "people.csv"}},
    {FP_IMPORT_FX, {"fx.csv", NULL, NULL}},
    {FP_IMPORT_ACTUALS, {"actuals.csv", "actuals-daily-w47.csv", NULL}},
    {FP_IMPORT_TARGETS, {"targets.csv", NULL, NULL}},
};

static const char *sample_dir(void)
{
    return fp_data_dir();
}

static int import_step(fp_review *rv, const sample_step *step)
{
    char paths[3][4096];
    const char *files[3];
    int n = 0;
    for (; n < 3 && step->files[n]; n++) {
        snprintf(paths[n], sizeof paths[n], "%s/%s", sample_dir(),
                 step->files[n]);
        files[n] = paths[n];
    }
    fp_import_report rep;
    memset(&rep, 0, sizeof rep);
    int st = fp_import_files(fp_review_db(rv), fp_review_catalogue(rv),
                             step->kind, files, n, NULL, &rep);
    if (st == FP_IMPORT_FAILED)
        fp_cli_error("%s", rep.error);
    for (int i = 0; i < rep.nproblems; i++)
        fp_cli_error("%s", rep.problems[i]);
    fp_import_report_done(&rep);
    return st == FP_IMPORT_OK ? FP_EXIT_OK
         : st == FP_IMPORT_REJECTED ? FP_EXIT_INPUT : FP_EXIT_RUNTIME;
}

static int load_sample(fp_review *rv)
{
    for (size_t i = 0; i < sizeof sample_steps / sizeof sample_steps[0]; i++) {
        int rc = import_step(rv, &sample_steps[i]);
        if (rc != FP_EXIT_OK)
            return rc;
        fp_review_refresh(rv, true);
    }
    char err[1024];
    /* the sample meeting's notes and overrides were made in the meeting */
    bool pinned = getenv("FUPAN_NOW") != NULL;
    if (!pinned)
        setenv("FUPAN_NOW", "2026-11-24T10:25:00", 1);
    bool ok = fp_sample_load_meeting(fp_review_db(rv), fp_review_tree(rv),
                                     sample_dir(), err, sizeof err);
    if (!pinned)
        unsetenv("FUPAN_NOW");
    if (!ok) {
        fp_cli_error("%s", err);
        return FP_EXIT_INPUT;
    }
    return FP_EXIT_OK;
}

int fp_cmd_init(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"sample", no_argument, 0, 's'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    const char *db = NULL, *config = NULL;
    bool sample = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'c': config = optarg; break;
        case 's': sample = true; break;
        case 'h': fputs(_(init_usage), stdout); return FP_EXIT_OK;
        default: fputs(_(init_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fputs(_(init_usage), stderr);
        return FP_EXIT_USAGE;
    }
    fp_review *rv = fp_cli_open_new(db, config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    int rc = sample ? load_sample(rv) : FP_EXIT_OK;
    if (rc == FP_EXIT_OK)
        printf(_("fupan: database ready: %s\n"), fp_review_db(rv)->path);
    fp_review_close(rv);
    return rc;
}
