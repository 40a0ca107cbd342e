/* fupan whatif: the scorecards of a week under the catalogue in use and
 * under a changed one, side by side. Nothing is written. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/list_out.h"
#include "cli/meeting_cli.h"
#include "model/format.h"
#include "model/i18n.h"
#include "model/text.h"
#include "storage/catalogue_ini.h"
#include "storage/catalogue_versions.h"

#define MAX_SETS 32

static const char whatif_usage[] =
    "usage: fupan whatif --week YYYY-Www [--catalogue FILE]\n"
    "                    [--set SECTION.KEY=VALUE]... [--format text|csv]\n"
    "                    [--db FILE] [--config FILE]\n"
    "Scores every scorecard of the week under the catalogue in use and\n"
    "under the changed one: --catalogue reads a team file on top, --set\n"
    "changes one key ('kpi.roas.amber=80', 'role.host.kpis=gmv:50 cvr:50').\n"
    "Nothing is written. csv: path,name,role,score_before,score_after,\n"
    "status_before,status_after for every node, then a blank line and\n"
    "path,kpi,status_before,status_after for every KPI whose status changes.\n"
    "A card's status is its score's: green at 100 %, amber at 90 %.\n";

typedef struct {
    const char *db, *config, *week_text, *catalogue;
    fp_catalogue_set sets[MAX_SETS];
    char set_text[MAX_SETS][1024];
    int nsets;
    bool csv;
} wi_opts;

/* One week's cards under one catalogue, kept once the catalogue is gone. */
typedef struct {
    int nrows, nkpis;
    char **kpi_ids;
    double *score;       /* per node row */
    uint8_t *status;     /* per node row and KPI */
} snapshot;

static int add_set(wi_opts *o, const char *text)
{
    if (o->nsets == MAX_SETS) {
        fp_cli_error("--set: at most %d changes", MAX_SETS);
        return FP_EXIT_USAGE;
    }
    if (!fp_catalogue_parse_set(text, o->set_text[o->nsets],
                                sizeof o->set_text[0], &o->sets[o->nsets])) {
        fp_cli_error("--set: '%s' is not SECTION.KEY=VALUE", text);
        return FP_EXIT_USAGE;
    }
    o->nsets++;
    return 0;
}

static int parse_format(const char *s, bool *csv)
{
    if (strcmp(s, "text") && strcmp(s, "csv")) {
        fp_cli_error("--format: '%s' is not text or csv", s);
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
        case 'h': fputs(whatif_usage, stdout); return -1;
        default: fputs(whatif_usage, stderr); return FP_EXIT_USAGE;
        }
    }
    /* --month M joins here once periods exist (issue 16, part 1). */
    if (rc == 0 && (!o->week_text || optind < argc)) {
        fputs(whatif_usage, stderr);
        rc = FP_EXIT_USAGE;
    }
    return rc;
}

static void snapshot_done(snapshot *s)
{
    for (int k = 0; s->kpi_ids && k < s->nkpis; k++)
        free(s->kpi_ids[k]);
    free(s->kpi_ids);
    free(s->score);
    free(s->status);
    memset(s, 0, sizeof *s);
}

static bool snapshot_take(const fp_rollup *r, snapshot *s)
{
    s->nrows = r->nnodes;
    s->nkpis = r->nkpis;
    s->kpi_ids = calloc((size_t)r->nkpis + 1, sizeof *s->kpi_ids);
    s->score = malloc(((size_t)r->nnodes + 1) * sizeof *s->score);
    s->status = malloc((size_t)r->nnodes * (size_t)r->nkpis + 1);
    if (!s->kpi_ids || !s->score || !s->status)
        return false;
    for (int k = 0; k < r->nkpis; k++)
        if (!(s->kpi_ids[k] = strdup(r->cat->kpis[k].id)))
            return false;
    for (int row = 0; row < r->nnodes; row++) {
        s->score[row] = r->score[row];
        for (int k = 0; k < r->nkpis; k++)
            s->status[(size_t)row * (size_t)r->nkpis + (size_t)k] =
                fp_rollup_cell(r, row, k)->status;
    }
    return true;
}

static int snapshot_kpi(const snapshot *s, const char *id)
{
    for (int k = 0; k < s->nkpis; k++)
        if (strcmp(s->kpi_ids[k], id) == 0)
            return k;
    return -1;
}

static int kpi_status(const snapshot *s, int row, const char *id)
{
    int k = snapshot_kpi(s, id);
    return k < 0 ? FP_ST_NONE
                 : s->status[(size_t)row * (size_t)s->nkpis + (size_t)k];
}

/* A card's status: its score against 100 % (green) and 90 % (amber). */
static int card_status(double score)
{
    static const fp_kpi card = {.green = 1.0, .amber = 0.9};
    return fp_status_of(&card, score);
}

/* Takes the week's cards of the session as it stands. */
static bool take_week(fp_review *rv, fp_week week, snapshot *s)
{
    const fp_rollup *r = fp_review_week(rv, week);
    if (!r) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return false;
    }
    if (!snapshot_take(r, s)) {
        fp_cli_error("out of memory");
        return false;
    }
    return true;
}

/* The changed catalogue: the one in use (the config's files and the
 * catalogue version in force at week), --catalogue, the --sets. */
static fp_catalogue *changed_catalogue(fp_review *rv, const wi_opts *o,
                                       fp_week week)
{
    const fp_config *cfg = fp_review_config(rv);
    char *version, name[64], err[512];
    long long id;
    if (!fp_catalogue_version_at(fp_review_db(rv), week, &version, &id)) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return NULL;
    }
    snprintf(name, sizeof name, "catalogue version %lld", id);
    fp_catalogue_layers l = {
        .kpi_file = cfg->kpi_file, .causes_file = cfg->causes_file,
        .text = version, .text_name = name,
        .file = o->catalogue, .sets = o->sets, .nsets = o->nsets,
    };
    fp_catalogue *cat = fp_catalogue_load_layers(&l, err, sizeof err);
    if (!cat)
        fp_cli_error("%s", err);
    free(version);
    return cat;
}

static const char *role_of(const fp_tree *t, int row)
{
    int p = t->nodes[row].person;
    return p >= 0 && t->people[p].role ? t->people[p].role : "";
}

static void score_text(double score, char *buf, size_t bufsz)
{
    fp_format_decimal(fp_has(score) ? score * 100.0 : FP_NOVAL, buf, bufsz);
}

static bool card_changed(const snapshot *a, const snapshot *b, int row)
{
    double x = a->score[row], y = b->score[row];
    if (fp_has(x) != fp_has(y))
        return true;
    return fp_has(x) && (x - y > 1e-12 || y - x > 1e-12);
}

typedef struct {
    const fp_tree *tree;
    const snapshot *before, *after;
    bool csv;
} compare;

static void csv_cards(const compare *c)
{
    puts("path,name,role,score_before,score_after,status_before,"
         "status_after");
    for (int row = 0; row < c->after->nrows; row++) {
        char path[1024], sb[64], sa[64];
        fp_tree_path(c->tree, row, path, sizeof path);
        score_text(c->before->score[row], sb, sizeof sb);
        score_text(c->after->score[row], sa, sizeof sa);
        const char *f[] = {
            path, c->tree->nodes[row].name, role_of(c->tree, row), sb, sa,
            fp_status_word(card_status(c->before->score[row])),
            fp_status_word(card_status(c->after->score[row])),
        };
        for (int i = 0; i < 7; i++) {
            fp_csv_field(stdout, f[i]);
            putchar(i == 6 ? '\n' : ',');
        }
    }
}

/* Calls fn for every KPI (by id, under either catalogue) of row whose
 * status changes. */
static int each_changed_kpi(const compare *c, int row,
                            void (*fn)(const compare *, int, const char *))
{
    int n = 0;
    const snapshot *sides[2] = {c->after, c->before};
    for (int side = 0; side < 2; side++)
        for (int k = 0; k < sides[side]->nkpis; k++) {
            const char *id = sides[side]->kpi_ids[k];
            if (side == 1 && snapshot_kpi(c->after, id) >= 0)
                continue;   /* seen from the other side */
            if (kpi_status(c->before, row, id) != kpi_status(c->after, row, id)) {
                n++;
                if (fn)
                    fn(c, row, id);
            }
        }
    return n;
}

static void csv_kpi_line(const compare *c, int row, const char *id)
{
    char path[1024];
    fp_tree_path(c->tree, row, path, sizeof path);
    fp_csv_field(stdout, path);
    printf(",%s,%s,%s\n", id, fp_status_word(kpi_status(c->before, row, id)),
           fp_status_word(kpi_status(c->after, row, id)));
}

static void print_csv(const compare *c)
{
    csv_cards(c);
    puts("");
    puts("path,kpi,status_before,status_after");
    for (int row = 0; row < c->after->nrows; row++)
        each_changed_kpi(c, row, csv_kpi_line);
}

static void text_kpi_line(const compare *c, int row, const char *id)
{
    printf("    %s: %s -> %s\n", id,
           fp_status_word(kpi_status(c->before, row, id)),
           fp_status_word(kpi_status(c->after, row, id)));
}

static void print_text(const compare *c, const char *week)
{
    int changed = 0;
    printf(_("%s  what-if: scorecards that change (before -> after)\n"),
           week);
    for (int row = 0; row < c->after->nrows; row++) {
        if (!card_changed(c->before, c->after, row) &&
            each_changed_kpi(c, row, NULL) == 0)
            continue;
        char name[512], sb[32], sa[32];
        snprintf(name, sizeof name, "%s %s", c->tree->nodes[row].name,
                 role_of(c->tree, row));
        fp_format_attainment(c->before->score[row], sb, sizeof sb);
        fp_format_attainment(c->after->score[row], sa, sizeof sa);
        fp_mcli_col(name, 36, false);
        printf("%6s -> %-6s %s -> %s\n", sb, sa,
               fp_status_word(card_status(c->before->score[row])),
               fp_status_word(card_status(c->after->score[row])));
        each_changed_kpi(c, row, text_kpi_line);
        changed++;
    }
    printf(_("%d of %d scorecards change; nothing was written.\n"), changed,
           c->after->nrows);
}

static int run_whatif(fp_review *rv, const wi_opts *o, fp_week week)
{
    int exists = fp_review_week_exists(rv, week);
    if (exists <= 0) {
        if (exists < 0)
            fp_cli_error("%s", fp_review_db(rv)->err);
        else
            fp_cli_error("--week: no data for %s", o->week_text);
        return exists < 0 ? FP_EXIT_RUNTIME : FP_EXIT_INPUT;
    }
    snapshot before = {0}, after = {0};
    fp_catalogue *cat = NULL;
    int rc = FP_EXIT_RUNTIME;
    if (take_week(rv, week, &before) && (cat = changed_catalogue(rv, o, week))) {
        bool swapped = fp_review_set_catalogue(rv, cat);
        if (swapped && take_week(rv, week, &after)) {
            char ws[FP_WEEK_STR];
            fp_week_format(week, ws);
            compare c = {fp_review_tree(rv), &before, &after, o->csv};
            if (o->csv)
                print_csv(&c);
            else
                print_text(&c, ws);
            rc = FP_EXIT_OK;
        } else if (!swapped) {
            fp_cli_error("%s", fp_review_db(rv)->err);
        }
    } else if (before.score) {
        rc = FP_EXIT_INPUT;   /* the changed catalogue was refused */
    }
    snapshot_done(&before);
    snapshot_done(&after);
    return rc;
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
