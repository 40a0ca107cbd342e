/* fupan whatif: the scorecards of a week under the catalogue in use and
 * under a changed one, side by side. Nothing is written. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/i18n.h"
#include "storage/catalogue_ini.h"
#include "storage/whatif.h"

#define MAX_SETS 32

/* xgettext:no-c-format */
static const char whatif_usage[] =
    N_("usage: fupan whatif --week YYYY-Www [--catalogue FILE]\n"
    "                    [--set SECTION.KEY=VALUE]... [--format text|csv]\n"
    "                    [--db FILE] [--config FILE]\n"
    "Scores every scorecard of the week under the catalogue in use and\n"
    "under the changed one: --catalogue reads a team file on top, --set\n"
    "changes one key ('kpi.roas.amber=80', 'role.host.kpis=gmv:50 cvr:50').\n"
    "Nothing is written. csv: path,name,role,score_before,score_after,\n"
    "status_before,status_after for every node, then a blank line and\n"
    "path,kpi,status_before,status_after for every KPI whose status changes.\n"
    "A card's status is its score's: green at 100 %, amber at 90 %.\n");

typedef struct {
    const char *db, *config, *week_text, *catalogue;
    fp_catalogue_set sets[MAX_SETS];
    char set_text[MAX_SETS][1024];
    int nsets;
    bool csv;
} wi_opts;

static int add_set(wi_opts *o, const char *text)
{
    if (o->nsets == MAX_SETS) {
        fp_cli_error(_("--set: at most %d changes"), MAX_SETS);
        return FP_EXIT_USAGE;
    }
    if (!fp_catalogue_parse_set(text, o->set_text[o->nsets],
                                sizeof o->set_text[0], &o->sets[o->nsets])) {
        fp_cli_error(_("--set: '%s' is not SECTION.KEY=VALUE"), text);
        return FP_EXIT_USAGE;
    }
    o->nsets++;
    return 0;
}

static int parse_format(const char *s, bool *csv)
{
    if (strcmp(s, "text") && strcmp(s, "csv")) {
        fp_cli_error(_("--format: '%s' is not text or csv"), s);
        return FP_EXIT_USAGE;
    }
    *csv = strcmp(s, "csv") == 0;
    return 0;
}

static int parse_args(int argc, char **argv, wi_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"week", required_argument, 0, 'w'},
        {"catalogue", required_argument, 0, 'C'},
        {"set", required_argument, 0, 's'}, {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c, rc = 0;
    optind = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'w': o->week_text = optarg; break;
        case 'C': o->catalogue = optarg; break;
        case 's': rc = add_set(o, optarg); break;
        case 'f': rc = parse_format(optarg, &o->csv); break;
        case 'h': fputs(_(whatif_usage), stdout); return -1;
        default: fputs(_(whatif_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    /* --month M joins here once periods exist (issue 16, part 1). */
    if (rc == 0 && (!o->week_text || optind < argc)) {
        fputs(_(whatif_usage), stderr);
        rc = FP_EXIT_USAGE;
    }
    return rc;
}

static int run_whatif(fp_review *rv, const wi_opts *o, fp_week week)
{
    int exists = fp_review_week_exists(rv, week);
    if (exists <= 0) {
        if (exists < 0)
            fp_cli_error("%s", fp_review_db(rv)->err);
        else
            fp_cli_error(_("--week: no data for %s"), o->week_text);
        return exists < 0 ? FP_EXIT_RUNTIME : FP_EXIT_INPUT;
    }
    fp_whatif_req req = {.catalogue = o->catalogue, .sets = o->sets,
                         .nsets = o->nsets, .root = 0, .csv = o->csv};
    char err[1024];
    int rc = fp_whatif_run(rv, week, &req, stdout, err, sizeof err);
    if (rc != FP_WHATIF_OK)
        fp_cli_error("%s", err);
    return rc == FP_WHATIF_OK ? FP_EXIT_OK
         : rc == FP_WHATIF_REFUSED ? FP_EXIT_INPUT : FP_EXIT_RUNTIME;
}

int fp_cmd_whatif(int argc, char **argv)
{
    wi_opts o;
    memset(&o, 0, sizeof o);
    int rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    fp_week week;
    if (!fp_cli_week(o.week_text, &week))
        return FP_EXIT_INPUT;
    fp_review *rv = fp_cli_open(o.db, o.config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = fp_cli_use_week(rv, week) ? run_whatif(rv, &o, week)
                                   : FP_EXIT_RUNTIME;
    fp_review_close(rv);
    return rc;
}
