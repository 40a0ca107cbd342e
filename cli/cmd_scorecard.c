/* fupan scorecard: one node's KPIs for a week, a month or a quarter as
 * text, CSV or JSON. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/list_out.h"
#include "cli/meeting_cli.h"
#include "model/format.h"
#include "model/i18n.h"
#include "model/labels.h"
#include "model/text.h"
#include "storage/stoploss_scan.h"

static const char scorecard_usage[] =
    N_("usage: fupan scorecard (--week YYYY-Www | --month YYYY-MM | --quarter YYYY-Qn)\n"
    "                       [--path STORE[/CATEGORY[/PERSON]] | --person ID]\n"
    "                       [--kpi KPI] [--format text|csv|json]\n"
    "                       [--db FILE] [--config FILE] [--today YYYY-MM-DD]\n"
    "Prints every KPI that has a value or a target at that node (the whole\n"
    "company without --path): value, previous period, target, attainment,\n"
    "status. csv columns: week,path,kpi,value,prev,target,attainment,status,\n"
    "overridden,provisional,alerts (percent KPIs in percent, attainment in\n"
    "percent; week holds the period: 2026-W47, 2026-11 or 2026-Q4; alerts:\n"
    "stoploss on the roas row of a node flagged 止损, over_cap on a KPI\n"
    "above its ceiling, a target of kind cap).\n"
    "A month is the ISO weeks whose Thursday falls in it (2026-11 is\n"
    "W45-W48), a quarter its three months. A period adds up its weeks:\n"
    "sums, ratios of the summed components, money converted week by week;\n"
    "a period with weeks still without data is marked partial. The\n"
    "stop-loss of a month or a quarter is read at its newest week with\n"
    "data.\n");

typedef struct {
    const char *db, *config, *path, *person, *kpi, *week_text;
    const char *month_text, *quarter_text;
    fp_out_format format;
} sc_opts;

typedef struct {
    const fp_catalogue *cat;
    const fp_rollup *now, *prev;
    int row;
    bool stoploss;       /* the row is flagged 止损 */
    bool by_days;        /* ... by its daily ROAS */
    const fp_stoploss_rule *rule; /* the stop-loss rule of the row */
    int roas;            /* the roas KPI, -1 */
    const char *label;   /* path or person as given */
    char week[FP_PERIOD_STR];
    char label_weeks[FP_PERIOD_LABEL]; /* "2026-11 (W45-W48)" */
    char first[FP_WEEK_STR], last[FP_WEEK_STR];
} sc_view;

static int parse_args(int argc, char **argv, sc_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"week", required_argument, 0, 'w'}, {"path", required_argument, 0, 'p'},
        {"person", required_argument, 0, 'P'}, {"kpi", required_argument, 0, 'k'},
        {"format", required_argument, 0, 'f'}, {"today", required_argument, 0, 't'},
        {"month", required_argument, 0, 'm'},
        {"quarter", required_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'w': o->week_text = optarg; break;
        case 'm': o->month_text = optarg; break;
        case 'q': o->quarter_text = optarg; break;
        case 'p': o->path = optarg; break;
        case 'P': o->person = optarg; break;
        case 'k': o->kpi = optarg; break;
        case 't': setenv("FUPAN_TODAY", optarg, 1); break;
        case 'f': if (!fp_out_format_parse(optarg, &o->format)) return FP_EXIT_USAGE;
                  break;
        case 'h': fputs(_(scorecard_usage), stdout); return -1;
        default: fputs(_(scorecard_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    if (optind < argc || (o->path && o->person)) {
        fputs(_(scorecard_usage), stderr);
        return FP_EXIT_USAGE;
    }
    return 0;
}

static bool cell_listed(const fp_cell *c)
{
    return fp_has(c->value) || fp_has(c->target);
}

static double prev_value(const sc_view *v, int k)
{
    return v->prev ? fp_rollup_cell(v->prev, v->row, k)->value : FP_NOVAL;
}

/* The numbers of one KPI as plain decimals, for csv and json. */
typedef struct { char val[64], prev[64], tgt[64], att[64]; } plain_row;

static void fill_plain(const sc_view *v, int k, const fp_cell *c,
                       plain_row *p)
{
    const fp_kpi *kpi = &v->cat->kpis[k];
    fp_format_plain(kpi, c->value, p->val, sizeof p->val);
    fp_format_plain(kpi, prev_value(v, k), p->prev, sizeof p->prev);
    fp_format_plain(kpi, c->target, p->tgt, sizeof p->tgt);
    fp_format_decimal(fp_has(c->attainment) ? c->attainment * 100.0
                                            : FP_NOVAL, p->att, sizeof p->att);
}

/* Words for the alerts column of KPI k ("" for none). */
static const char *alerts_of(const sc_view *v, int k, const fp_cell *c)
{
    if (k == v->roas && v->stoploss)
        return "stoploss";
    if ((c->flags & FP_CF_CAP) && c->status == FP_ST_RED)
        return "over_cap";
    return "";
}

static void print_csv(const sc_view *v, int only_kpi)
{
    puts("week,path,kpi,value,prev,target,attainment,status,overridden,"
         "provisional,alerts");
    for (int k = 0; k < v->cat->nkpis; k++) {
        const fp_cell *c = fp_rollup_cell(v->now, v->row, k);
        if ((only_kpi >= 0 && k != only_kpi) || !cell_listed(c))
            continue;
        plain_row p;
        fill_plain(v, k, c, &p);
        const char *fields[] = {
            v->week, v->label, v->cat->kpis[k].id, p.val, p.prev, p.tgt, p.att,
            fp_status_word(c->status),
            c->flags & FP_CF_OVERRIDDEN ? "1" : "0",
            c->flags & FP_CF_PROVISIONAL ? "1" : "0", alerts_of(v, k, c),
        };
        for (int f = 0; f < 11; f++)
            fp_text_csv_field(stdout, fields[f], f == 10);
    }
}

static void json_string(const char *s)
{
    fp_json_string(stdout, s);
}

static void json_number(const char *plain)
{
    fputs(*plain ? plain : "null", stdout);
}

static void print_json_kpi(const sc_view *v, int k, const fp_cell *c)
{
    plain_row p;
    fill_plain(v, k, c, &p);
    fputs("{\"kpi\":", stdout);
    json_string(v->cat->kpis[k].id);
    fputs(",\"value\":", stdout);
    json_number(p.val);
    fputs(",\"prev\":", stdout);
    json_number(p.prev);
    fputs(",\"target\":", stdout);
    json_number(p.tgt);
    fputs(",\"attainment\":", stdout);
    json_number(p.att);
    printf(",\"status\":\"%s\",\"overridden\":%s,\"provisional\":%s,"
           "\"alerts\":\"%s\"}",
           fp_status_word(c->status),
           c->flags & FP_CF_OVERRIDDEN ? "true" : "false",
           c->flags & FP_CF_PROVISIONAL ? "true" : "false",
           alerts_of(v, k, c));
}

static void print_json(const sc_view *v, int only_kpi)
{
    char score[64];
    fp_format_decimal(fp_has(v->now->score[v->row])
                      ? v->now->score[v->row] * 100.0 : FP_NOVAL,
                      score, sizeof score);
    printf("{\"week\":\"%s\",", v->week);
    if (v->now->period.kind != FP_PERIOD_WEEK)
        printf("\"first_week\":\"%s\",\"last_week\":\"%s\","
               "\"weeks\":%d,\"weeks_with_data\":%d,", v->first, v->last,
               v->now->period_weeks, v->now->weeks_with_data);
    fputs("\"path\":", stdout);
    json_string(v->label);
    fputs(",\"score\":", stdout);
    json_number(score);
    fputs(",\"kpis\":[", stdout);
    bool first = true;
    for (int k = 0; k < v->cat->nkpis; k++) {
        const fp_cell *c = fp_rollup_cell(v->now, v->row, k);
        if ((only_kpi >= 0 && k != only_kpi) || !cell_listed(c))
            continue;
        if (!first)
            putchar(',');
        first = false;
        print_json_kpi(v, k, c);
    }
    puts("]}");
}

/* Under a KPI with a ceiling: the headroom left, or how far above. */
static void print_headroom(const fp_kpi *kpi, const fp_cell *c)
{
    char cap[64], room[64];
    fp_format_value(kpi, c->target, cap, sizeof cap);
    if (!fp_has(c->value))
        return;
    double left = c->target - c->value;
    fp_format_value(kpi, fabs(left), room, sizeof room);
    printf("  ");
    if (left >= 0)
        printf(_("cap %s: headroom %s"), cap, room);
    else
        printf(_("cap %s: over the cap by %s"), cap, room);
    putchar('\n');
}

/* The stop-loss line under the title when the row is flagged. */
static void print_stoploss(const sc_view *v)
{
    if (!v->stoploss)
        return;
    char roas[32];
    snprintf(roas, sizeof roas, "%g", v->rule->roas);
    if (v->by_days)
        printf(_("止损 stop-loss: ROAS below break-even %s for %d days"),
               roas, v->rule->days);
    else
        printf(_("止损 stop-loss: ROAS below break-even %s for %d weeks"),
               roas, v->rule->weeks);
    putchar('\n');
}

static void print_text_row(const sc_view *v, int k, const fp_cell *c)
{
    const fp_kpi *kpi = &v->cat->kpis[k];
    char label[160], val[64], prev[64], wow[32], tgt[64], att[32], marks[8];
    fp_label_kpi_fit(kpi, FP_LABEL_BOTH, 30, label, sizeof label);
    fp_format_value(kpi, c->value, val, sizeof val);
    fp_format_value(kpi, prev_value(v, k), prev, sizeof prev);
    fp_format_wow(c->value, prev_value(v, k), wow, sizeof wow);
    fp_format_value(kpi, c->target, tgt, sizeof tgt);
    fp_format_attainment(c->attainment, att, sizeof att);
    snprintf(marks, sizeof marks, "%s%s%s",
             c->flags & FP_CF_OVERRIDDEN ? "*" : "",
             c->flags & FP_CF_STALE ? "!" : "",
             c->flags & FP_CF_PROVISIONAL ? "~" : "");
    fp_mcli_col(label, 30, false);
    fp_mcli_col(val, 14, true);
    fp_mcli_col(prev, 14, true);
    fp_mcli_col(wow, 8, true);
    fp_mcli_col(tgt, 14, true);
    fp_mcli_col(att, 6, true);
    fp_mcli_col(fp_status_text(c->status), 8, false);
    puts(marks);
    if (c->flags & FP_CF_CAP)
        print_headroom(kpi, c);
}

static void print_text(const sc_view *v, int only_kpi, const char *title)
{
    char score[32];
    double s = v->now->score[v->row];
    fp_format_attainment(s, score, sizeof score);
    printf("%s  ", v->label_weeks);
    fp_text_fputs(title, stdout);
    if (v->now->weeks_with_data < v->now->period_weeks)
        printf(_("  partial: %d of %d weeks with data"),
               v->now->weeks_with_data, v->now->period_weeks);
    printf(_("  score %s\n"), score);
    print_stoploss(v);
    fp_mcli_col(_("KPI"), 30, false);
    fp_mcli_col(_("value"), 14, true);
    fp_mcli_col(_("prev"), 14, true);
    static const char *const change[] = {N_("WoW"), N_("MoM"), N_("QoQ")};
    fp_mcli_col(_(change[v->now->period.kind % 3]), 8, true);
    fp_mcli_col(_("target"), 14, true);
    fp_mcli_col(_("att"), 6, true);
    puts(_("status"));
    for (int k = 0; k < v->cat->nkpis; k++) {
        const fp_cell *c = fp_rollup_cell(v->now, v->row, k);
        if ((only_kpi < 0 || k == only_kpi) && cell_listed(c))
            print_text_row(v, k, c);
    }
    puts(_("* overridden  ! source changed under the override  ~ provisional"));
}

static int resolve_row(fp_review *rv, const sc_opts *o, const char **title)
{
    const fp_tree *tree = fp_review_tree(rv);
    if (o->person) {
        int p = fp_tree_find_person(tree, o->person);
        if (p < 0) {
            fp_cli_error(_("--person: no person '%s'"), o->person);
            return -1;
        }
        *title = tree->people[p].name;
        return tree->nnodes + p;
    }
    int n = fp_tree_find_path(tree, o->path ? o->path : "");
    if (n < 0) {
        fp_cli_error(_("--path: no node '%s' (a path is store[/category"
                     "[/person]] made of ids)"), o->path);
        return -1;
    }
    *title = tree->nodes[n].name;
    return n;
}

static int run_scorecard(fp_review *rv, const sc_opts *o, fp_period per)
{
    const fp_catalogue *cat = fp_review_catalogue(rv);
    sc_view v = {.cat = cat, .label = o->person ? o->person
                                      : o->path ? o->path : ""};
    const char *title = "";
    int only_kpi = o->kpi ? fp_catalogue_kpi(cat, o->kpi) : -1;
    if (o->kpi && only_kpi < 0) {
        fp_cli_error(_("--kpi: unknown KPI '%s'"), o->kpi);
        return FP_EXIT_INPUT;
    }
    if ((v.row = resolve_row(rv, o, &title)) < 0)
        return FP_EXIT_INPUT;
    int exists = fp_review_period_exists(rv, per);
    if (exists < 0) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (exists == 0) {
        fp_period_format(per, v.week);
        fp_cli_error(_("no data for %s"), v.week);
        return FP_EXIT_INPUT;
    }
    fp_period_format(per, v.week);
    fp_period_label(per, v.label_weeks);
    fp_week_format(fp_period_first(per), v.first);
    fp_week_format(fp_period_last(per), v.last);
    v.prev = fp_review_period(rv, fp_period_add(per, -1));
    v.now = fp_review_period(rv, per); /* after prev: both stay cached */
    int sl = v.now && v.prev ? fp_review_stoploss(rv, v.now, v.row, &v.rule)
                             : -1;
    if (sl < 0) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    v.stoploss = sl > 0;
    v.by_days = sl == 2;
    v.roas = fp_catalogue_kpi(cat, "roas");
    if (o->format == FP_FMT_CSV)
        print_csv(&v, only_kpi);
    else if (o->format == FP_FMT_JSON)
        print_json(&v, only_kpi);
    else
        print_text(&v, only_kpi, title);
    return FP_EXIT_OK;
}

int fp_cmd_scorecard(int argc, char **argv)
{
    sc_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    fp_period per;
    rc = fp_cli_period(o.week_text, o.month_text, o.quarter_text, &per);
    if (rc == FP_EXIT_USAGE)
        fputs(_(scorecard_usage), stderr);
    if (rc != FP_EXIT_OK)
        return rc;
    fp_review *rv = fp_cli_open(o.db, o.config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = fp_cli_use_week(rv, fp_period_last(per))
        ? run_scorecard(rv, &o, per) : FP_EXIT_RUNTIME;
    fp_review_close(rv);
    return rc;
}
