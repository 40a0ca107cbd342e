/* fupan review --quarter Q: the quarterly review of the KPI system
 * (每季度回顾一次整体KPI体系有效性), per KPI over the quarter's
 * person-weeks. Reads only. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/i18n.h"
#include "model/kpi_review.h"
#include "storage/quarter_data.h"

/* xgettext:no-c-format */
static const char review_usage[] =
    N_("usage: fupan review --quarter YYYY-Qn [--format text|md|csv]\n"
    "                    [--db FILE] [--config FILE]\n"
    "Per KPI on a card, over the quarter's person-weeks (a quarter is the\n"
    "weeks whose Thursday falls in its months): people and person-weeks\n"
    "carrying it, green/amber/red shares, always green (>= 90 %) and never\n"
    "green (<= 10 %) flags, overrides, note causes, and for a process KPI\n"
    "the correlation of its attainment with the card's result KPIs'\n"
    "(|r| < 0.2: moves no result); then the conflict pairs that fired.\n"
    "csv: kpi,kind,people,person_weeks,green,amber,red,flags,overrides,\n"
    "causes,correlation, a blank line, then conflict,kpi_a,kpi_b,fired.\n");

typedef enum { OUT_TEXT, OUT_MD, OUT_CSV } out_fmt;

typedef struct {
    const char *db, *config, *quarter;
    out_fmt fmt;
} rv_opts;

static int parse_format(const char *s, out_fmt *f)
{
    if (!strcmp(s, "text")) *f = OUT_TEXT;
    else if (!strcmp(s, "md")) *f = OUT_MD;
    else if (!strcmp(s, "csv")) *f = OUT_CSV;
    else {
        fp_cli_error(_("--format: '%s' is not text, md or csv"), s);
        return FP_EXIT_USAGE;
    }
    return 0;
}

static int parse_args(int argc, char **argv, rv_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"quarter", required_argument, 0, 'q'},
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c, rc = 0;
    optind = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'q': o->quarter = optarg; break;
        case 'f': rc = parse_format(optarg, &o->fmt); break;
        case 'h': fputs(_(review_usage), stdout); return -1;
        default: fputs(_(review_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    if (rc == 0 && (!o->quarter || optind < argc)) {
        fputs(_(review_usage), stderr);
        rc = FP_EXIT_USAGE;
    }
    return rc;
}

static int run_review(fp_review *rv, const rv_opts *o, int year,
                      int quarter)
{
    char title[256], err[1024];
    bool no_data = false;
    fp_kpi_review *kr = fp_quarter_review(rv, year, quarter, title,
                                          sizeof title, err, sizeof err,
                                          &no_data);
    if (!kr) {
        fp_cli_error("%s", err);
        return no_data ? FP_EXIT_INPUT : FP_EXIT_RUNTIME;
    }
    fp_kpi_review_write(kr, title, o->fmt == OUT_CSV ? FP_KPI_REVIEW_CSV
                       : o->fmt == OUT_MD ? FP_KPI_REVIEW_MD
                                          : FP_KPI_REVIEW_TEXT, stdout);
    fp_kpi_review_free(kr);
    return FP_EXIT_OK;
}

int fp_cmd_review(int argc, char **argv)
{
    rv_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    int year, quarter;
    if (!fp_quarter_parse(o.quarter, &year, &quarter)) {
        fp_cli_error(_("--quarter: '%s' is not a quarter (2026-Q4)"), o.quarter);
        return FP_EXIT_INPUT;
    }
    fp_review *rv = fp_cli_open(o.db, o.config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = run_review(rv, &o, year, quarter);
    fp_review_close(rv);
    return rc;
}
