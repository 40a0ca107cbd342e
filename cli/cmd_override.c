/* fupan override: manual corrections (人工修正) with a reason; reverted,
 * never deleted. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/list_out.h"
#include "cli/meeting_cli.h"
#include "model/format.h"
#include "model/number.h"
#include "model/value_check.h"
#include "storage/meeting.h"
#include "storage/meeting_util.h"

static const char override_usage[] =
    N_("usage: fupan override set --week W --path P --kpi K --value V\n"
    "                          --reason R [--author A]\n"
    "       fupan override revert --week W --path P --kpi K --reason R\n"
    "                          [--author A]\n"
    "       fupan override list [--week W] [--format text|csv|json]\n"
    "Every verb also takes --db FILE and --config FILE. V parses like an\n"
    "import (1,234.5; percent KPIs as 12.5%); counts, money, durations\n"
    "and ratios are never negative, a percent lies within +-1,000%. The\n"
    "week and the node must have data. The value shown before is\n"
    "kept as the original; a new override on the same cell replaces the\n"
    "active one, which stays in the history. list --format csv|json gives\n"
    "the columns id,week,path,kpi,original,value,reason,author,created,\n"
    "reverted (values plain, percent KPIs in percent).\n");

typedef struct {
    fp_review *rv;
    fp_week week;
    int node, kpi;            /* tree and catalogue indices */
    long long node_id;
    const fp_kpi *def;
} cell_ref;

static int resolve_cell(fp_review *rv, const fp_mcli_opts *o, fp_week week,
                        cell_ref *c)
{
    c->rv = rv;
    c->week = week;
    if ((c->node = fp_mcli_node(rv, o->path)) < 0 ||
        (c->kpi = fp_mcli_kpi(rv, o->kpi)) < 0)
        return FP_EXIT_INPUT;
    if (fp_blank(o->reason)) {
        fp_cli_error(_("--reason: a reason is required (say why the number "
                     "is corrected)"));
        return FP_EXIT_INPUT;
    }
    c->node_id = fp_review_tree(rv)->nodes[c->node].db_id;
    c->def = &fp_review_catalogue(rv)->kpis[c->kpi];
    return 0;
}

static bool parse_value(const cell_ref *c, const char *text, double *out)
{
    const char *why = NULL;
    bool percent = c->def->unit == FP_UNIT_PERCENT;
    char range[256];
    fp_num_status s = fp_parse_value(text, percent, out, &why);
    if (s == FP_NUM_OK && fp_kpi_value_sane(c->def, *out, range,
                                            sizeof range))
        return true;
    if (s == FP_NUM_OK)
        why = range;
    fp_cli_error(_("--value: '%s': %s"), text,
                 s == FP_NUM_EMPTY ? _(_("empty")) : why ? why : _("not a number"));
    return false;
}

static bool node_has_data(const fp_rollup *r, int node)
{
    for (int k = 0; k < r->nkpis; k++)
        if (fp_has(fp_rollup_cell(r, node, k)->value))
            return true;
    return false;
}

/* An override corrects a number that is there: the week and the node
 * must have data. 0 to go on, else an exit code (message on stderr). */
static int check_has_data(const cell_ref *c, const fp_mcli_opts *o)
{
    if (!fp_review_has_week(c->rv, c->week)) {
        fp_cli_error(_("--week: no data for %s: an override corrects a "
                     "number that was imported"), o->week);
        return FP_EXIT_INPUT;
    }
    const fp_rollup *r = fp_review_week(c->rv, c->week);
    if (!r) {
        fp_cli_error("%s", fp_review_db(c->rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (node_has_data(r, c->node))
        return 0;
    fp_cli_error(_("--path: '%s' has no data for %s: an override corrects "
                 "a number that was imported"), o->path, o->week);
    return FP_EXIT_INPUT;
}

/* The value shown before this override: the cell's source value. */
static bool source_value(const cell_ref *c, double *out)
{
    const fp_rollup *r = fp_review_week(c->rv, c->week);
    if (!r) {
        fp_cli_error("%s", fp_review_db(c->rv)->err);
        return false;
    }
    *out = fp_rollup_cell(r, c->node, c->kpi)->source;
    return true;
}

static int override_set(fp_review *rv, const fp_mcli_opts *o, fp_week week)
{
    cell_ref c;
    double value, original;
    int rc = resolve_cell(rv, o, week, &c);
    if (!rc)
        rc = check_has_data(&c, o);
    if (rc)
        return rc;
    if (!parse_value(&c, o->value, &value))
        return FP_EXIT_INPUT;
    if (!source_value(&c, &original))
        return FP_EXIT_RUNTIME;
    fp_db *db = fp_review_db(rv);
    long long id = fp_override_set(db, week, c.node_id, o->kpi, value,
                                   original, o->reason, fp_mcli_author(rv, o));
    if (id < 0) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    char from[64], to[64];
    fp_format_value(c.def, original, from, sizeof from);
    fp_format_value(c.def, value, to, sizeof to);
    printf(_("override %lld: %s %s %s %s -> %s\n"), id, o->week,
           *o->path ? o->path : _("(company)"), o->kpi, from, to);
    return FP_EXIT_OK;
}

static int override_revert(fp_review *rv, const fp_mcli_opts *o,
                           fp_week week)
{
    cell_ref c;
    int rc = resolve_cell(rv, o, week, &c);
    if (rc)
        return rc;
    fp_override_list list;
    fp_db *db = fp_review_db(rv);
    if (!fp_override_list_get(db, week, c.node_id, o->kpi, &list)) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    bool active = list.n > 0 && !list.items[0].reverted_at;
    fp_override_list_done(&list);
    if (!active) {
        fp_cli_error(_("no active override of %s for %s at '%s'"), o->kpi,
                     o->week, o->path);
        return FP_EXIT_INPUT;
    }
    if (!fp_override_revert(db, week, c.node_id, o->kpi, o->reason,
                            fp_mcli_author(rv, o))) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    printf(_("reverted: %s %s %s\n"), o->week, *o->path ? o->path : _("(company)"),
           o->kpi);
    return FP_EXIT_OK;
}

static void format_any(const fp_catalogue *cat, const char *kpi, double v,
                       char *buf, size_t bufsz)
{
    int k = fp_catalogue_kpi(cat, kpi);
    if (k >= 0)
        fp_format_value(&cat->kpis[k], v, buf, bufsz);
    else if (isnan(v))
        snprintf(buf, bufsz, "%s", FP_DASH);
    else
        fp_format_decimal(v, buf, bufsz);
}

static void print_list_header(void)
{
    const char *const head[] = {N_("ID"), N_("WEEK"), N_("PATH"), N_("KPI"),
                                N_("VALUE"), N_("ORIGINAL"), N_("STATE"),
                                N_("AUTHOR"), N_("TIME")};
    const int width[] = {5, 8, 26, 14, 14, 14, 8, 10, 16};
    for (int i = 0; i < 9; i++)
        fp_mcli_col(_(head[i]), width[i], i == 0 || i == 4 || i == 5);
    puts(_("REASON"));
}

static void print_override(const fp_catalogue *cat, const fp_override_rec *r)
{
    char id[24], week[FP_WEEK_STR], val[64], orig[64], time[32], tail[1200];
    snprintf(id, sizeof id, "%lld", r->id);
    fp_week_format(r->week, week);
    format_any(cat, r->kpi, r->value, val, sizeof val);
    format_any(cat, r->kpi, r->original, orig, sizeof orig);
    fp_mcli_time(r->created_at, time, sizeof time);
    fp_mcli_col(id, 5, true);
    fp_mcli_col(week, 8, false);
    fp_mcli_col(r->path[0] ? r->path : _("(company)"), 26, false);
    fp_mcli_col(r->kpi, 14, false);
    fp_mcli_col(val, 14, true);
    fp_mcli_col(orig, 14, true);
    fp_mcli_col(r->reverted_at ? _("reverted") : _("active"), 8, false);
    fp_mcli_col(r->author, 10, false);
    fp_mcli_col(time, 16, false);
    if (r->reverted_at) {
        char when[32];
        fp_mcli_time(r->reverted_at, when, sizeof when);
        snprintf(tail, sizeof tail, _("%s  [reverted %s by %s: %s]"), r->reason,
                 when, r->reverted_by ? r->reverted_by : "?",
                 r->revert_reason ? r->revert_reason : "");
        fp_mcli_tail(tail);
    } else {
        fp_mcli_tail(r->reason);
    }
}

/* A value as a plain decimal (percent KPIs in percent), "" for none. */
static void plain_any(const fp_catalogue *cat, const char *kpi, double v,
                      char *buf, size_t bufsz)
{
    int k = fp_catalogue_kpi(cat, kpi);
    if (k >= 0)
        fp_format_plain(&cat->kpis[k], v, buf, bufsz);
    else if (isnan(v))
        buf[0] = '\0';
    else
        fp_format_decimal(v, buf, bufsz);
}

/* csv/json: id,week,path,kpi,original,value,reason,author,created,
 * reverted (the time it was reverted, empty while active). */
static void print_data_list(const fp_catalogue *cat, fp_out_format fmt,
                            const fp_override_list *l)
{
    static const char *const cols[] = {"id", "week", "path", "kpi",
        "original", "value", "reason", "author", "created", "reverted"};
    fp_list_out out;
    fp_list_out_init(&out, stdout, fmt, cols, 10);
    for (size_t i = 0; i < l->n; i++) {
        const fp_override_rec *r = &l->items[i];
        char week[FP_WEEK_STR], orig[64], val[64];
        fp_week_format(r->week, week);
        plain_any(cat, r->kpi, r->original, orig, sizeof orig);
        plain_any(cat, r->kpi, r->value, val, sizeof val);
        fp_list_out_int(&out, r->id);
        fp_list_out_str(&out, week);
        fp_list_out_str(&out, r->path);
        fp_list_out_str(&out, r->kpi);
        fp_list_out_num(&out, orig);
        fp_list_out_num(&out, val);
        fp_list_out_str(&out, r->reason);
        fp_list_out_str(&out, r->author);
        fp_list_out_str(&out, r->created_at);
        fp_list_out_str(&out, r->reverted_at);
    }
    fp_list_out_done(&out);
}

static int override_list(fp_review *rv, const fp_mcli_opts *o, fp_week week)
{
    fp_out_format fmt;
    if (!fp_out_format_parse(o->format, &fmt))
        return FP_EXIT_USAGE;
    fp_override_list list;
    if (!fp_override_list_get(fp_review_db(rv), week, 0, NULL, &list)) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    const fp_catalogue *cat = fp_review_catalogue(rv);
    if (fmt == FP_FMT_TEXT) {
        print_list_header();
        for (size_t i = 0; i < list.n; i++)
            print_override(cat, &list.items[i]);
    } else {
        print_data_list(cat, fmt, &list);
    }
    fp_override_list_done(&list);
    return FP_EXIT_OK;
}

typedef struct {
    const char *verb, *allowed, *required;
} override_verb;

static const override_verb override_verbs[] = {
    {"set", "wpkvra", "wpkvr"},
    {"revert", "wpkra", "wpkr"},
    {"list", "wf", ""},
};

static int run_verb(const override_verb *v, const fp_mcli_opts *o,
                    fp_week week)
{
    fp_review *rv = fp_cli_open(o->db, o->config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    int rc;
    if (!strcmp(v->verb, "set"))
        rc = override_set(rv, o, week);
    else if (!strcmp(v->verb, "revert"))
        rc = override_revert(rv, o, week);
    else
        rc = override_list(rv, o, week);
    fp_review_close(rv);
    return rc;
}

int fp_cmd_override(int argc, char **argv)
{
    const override_verb *v = NULL;
    size_t nverbs = sizeof override_verbs / sizeof *override_verbs;
    for (size_t i = 0; argc > 1 && i < nverbs; i++)
        if (!strcmp(argv[1], override_verbs[i].verb))
            v = &override_verbs[i];
    if (!v) {
        bool help = argc > 1 && !strcmp(argv[1], "--help");
        fputs(_(override_usage), help ? stdout : stderr);
        return help ? FP_EXIT_OK : FP_EXIT_USAGE;
    }
    fp_mcli_opts o = {0};
    int rc = fp_mcli_parse(argc - 1, argv + 1, v->allowed, false,
                           override_usage, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    if (!fp_mcli_require(&o, v->required, override_usage))
        return FP_EXIT_USAGE;
    fp_week week = 0;
    if (o.week && !fp_mcli_week(o.week, "week", &week))
        return FP_EXIT_INPUT;
    return run_verb(v, &o, week);
}
