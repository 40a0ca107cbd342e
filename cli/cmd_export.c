/* fupan export: one long table (scorecards, facts, notes, overrides,
 * action items) as CSV, JSON or .xlsx, for spreadsheets. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "storage/export.h"

static const char export_usage[] =
    "usage: fupan export scorecards|facts|notes|overrides|actions\n"
    "                    [--week W | --from W --to W] [--path P]\n"
    "                    [--format csv|json|xlsx] [-o FILE] [--excel]\n"
    "                    [--encoding utf-8|gb18030] [--db FILE] [--config FILE]\n"
    "One long table for Excel, WPS or Feishu Bitable, written row by row.\n"
    "scorecards: week,path,store,store_name,category,category_name,person,\n"
    "person_name,kpi,kpi_label,value,prev,target,attainment,status,\n"
    "overridden,provisional for every node at and below --path (percent\n"
    "KPIs and attainment in percent); facts: the imported values; notes,\n"
    "overrides, actions: the columns of 'note list --format csv' etc.\n"
    "Without --week: the newest week (scorecards, facts), every week (the\n"
    "lists). --format defaults to -o FILE's extension, else csv. -o - (the\n"
    "default) is standard output. --excel starts a CSV with a UTF-8 BOM;\n"
    "--encoding gb18030 converts a CSV for older Excel. xlsx: one sheet,\n"
    "header row frozen, numbers as numbers, status cells coloured.\n";

typedef struct {
    const char *db, *config, *week, *from, *to, *path, *format, *out;
    const char *encoding;
    bool excel;
} export_opts;

static int parse_args(int argc, char **argv, export_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"week", required_argument, 0, 'w'}, {"from", required_argument, 0, 'F'},
        {"to", required_argument, 0, 'T'}, {"path", required_argument, 0, 'p'},
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"excel", no_argument, 0, 'x'}, {"encoding", required_argument, 0, 'e'},
        {"today", required_argument, 0, 't'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'w': o->week = optarg; break;
        case 'F': o->from = optarg; break;
        case 'T': o->to = optarg; break;
        case 'p': o->path = optarg; break;
        case 'f': o->format = optarg; break;
        case 'o': o->out = optarg; break;
        case 'x': o->excel = true; break;
        case 'e': o->encoding = optarg; break;
        case 't': setenv("FUPAN_TODAY", optarg, 1); break;
        case 'h': fputs(export_usage, stdout); return -1;
        default: fputs(export_usage, stderr); return FP_EXIT_USAGE;
        }
    }
    if (optind != argc - 1 || (o->week && (o->from || o->to)) ||
        (!o->from != !o->to)) {
        fputs(export_usage, stderr);
        return FP_EXIT_USAGE;
    }
    return 0;
}

/* --format, else -o FILE's extension, else csv. */
static bool pick_format(const export_opts *o, fp_export_format *fmt)
{
    const char *dot = o->out ? strrchr(o->out, '.') : NULL;
    *fmt = FP_EXPF_CSV;
    if (o->format && !fp_export_format_parse(o->format, fmt)) {
        fp_cli_error(_("--format: '%s' is not csv, json or xlsx"), o->format);
        return false;
    }
    if (!o->format && dot && !strchr(dot, '/'))
        for (int f = FP_EXPF_CSV; f <= FP_EXPF_XLSX; f++)
            if (!strcasecmp(dot + 1, fp_export_format_ext(f)))
                *fmt = (fp_export_format)f;
    return true;
}

static int check_writer_opts(const export_opts *o, fp_export_format fmt,
                             fp_xwriter_opts *w)
{
    *w = (fp_xwriter_opts){ .excel_bom = o->excel, .encoding = FP_ENC_UTF8 };
    if (o->encoding && (!fp_encoding_parse(o->encoding, &w->encoding) ||
                        w->encoding == FP_ENC_AUTO)) {
        fp_cli_error(_("--encoding: '%s' is not utf-8 or gb18030"), o->encoding);
        return FP_EXIT_USAGE;
    }
    if (fmt != FP_EXPF_CSV && (o->excel || w->encoding != FP_ENC_UTF8)) {
        fp_cli_error(_("--excel and --encoding are for --format csv"));
        return FP_EXIT_USAGE;
    }
    bool to_stdout = !o->out || !strcmp(o->out, "-");
    if (fmt == FP_EXPF_XLSX && to_stdout && isatty(STDOUT_FILENO)) {
        fp_cli_error(_("xlsx is not for a terminal: give -o FILE.xlsx"));
        return FP_EXIT_USAGE;
    }
    return 0;
}

/* --week / --from --to / --path into req; an exit code on error. */
static int fill_request(fp_review *rv, const export_opts *o,
                        fp_export_req *req)
{
    fp_week from = 0, to = 0;
    if (o->week && !fp_cli_week(o->week, &from))
        return FP_EXIT_INPUT;
    to = from;
    if (o->from && (!fp_cli_week(o->from, &from) || !fp_cli_week(o->to, &to)))
        return FP_EXIT_INPUT;
    req->from = from;
    req->to = to;
    req->node = fp_tree_find_path(fp_review_tree(rv), o->path ? o->path : "");
    if (req->node < 0) {
        fp_cli_error(_("--path: no node '%s' (a path is store[/category"
                     "[/person]] made of ids)"), o->path);
        return FP_EXIT_INPUT;
    }
    return 0;
}

/* --week W of a table of numbers: a week without data is refused input
 * (exit 3), as fupan scorecard does. */
static int check_week(fp_review *rv, const export_opts *o,
                      const fp_export_req *req)
{
    if (!o->week || req->kind > FP_EXP_FACTS)
        return 0;
    int exists = fp_review_week_exists(rv, req->from);
    if (exists < 0)
        fp_cli_error("%s", fp_review_db(rv)->err);
    else if (exists == 0)
        fp_cli_error(_("--week: no data for %s"), o->week);
    return exists < 0 ? FP_EXIT_RUNTIME : exists == 0 ? FP_EXIT_INPUT : 0;
}

static int run_export(fp_review *rv, const export_opts *o,
                      fp_export_req *req, fp_export_format fmt,
                      const fp_xwriter_opts *wo)
{
    char err[1024] = "", werr[1024] = "";
    int rc = fill_request(rv, o, req);
    if (rc || (rc = check_week(rv, o, req)))
        return rc;
    fp_xwriter *w = fp_xwriter_open(o->out ? o->out : "-", fmt, wo, err,
                                    sizeof err);
    if (!w) {
        fp_cli_error("%s", err);
        return FP_EXIT_RUNTIME;
    }
    bool ok = fp_export_rows(rv, req, fp_xwriter_sink(w), err, sizeof err);
    bool written = fp_xwriter_close(w, ok, werr, sizeof werr);
    if (!ok || !written)
        fp_cli_error("%s", !written ? werr : err);
    return ok && written ? FP_EXIT_OK : FP_EXIT_RUNTIME;
}

int fp_cmd_export(int argc, char **argv)
{
    export_opts o = {0};
    fp_export_req req = {0};
    fp_export_format fmt;
    fp_xwriter_opts wo;
    int rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    if (!fp_export_kind_parse(argv[optind], &req.kind)) {
        fp_cli_error(_("export: '%s' is not scorecards, facts, notes, "
                     "overrides or actions"), argv[optind]);
        return FP_EXIT_USAGE;
    }
    if (!pick_format(&o, &fmt))
        return FP_EXIT_USAGE;
    if ((rc = check_writer_opts(&o, fmt, &wo)) != 0)
        return rc;
    fp_review *rv = fp_cli_open(o.db, o.config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = run_export(rv, &o, &req, fmt, &wo);
    fp_review_close(rv);
    return rc;
}
