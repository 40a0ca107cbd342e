/* What-if comparison; see whatif.h. */
#include "storage/whatif.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/format.h"
#include "model/i18n.h"
#include "model/labels.h"
#include "model/text.h"
#include "storage/catalogue_versions.h"

/* One week's cards under one catalogue, kept once the catalogue is gone. */
typedef struct {
    int nrows, nkpis;
    char **kpi_ids;
    double *score;       /* per node row */
    uint8_t *status;     /* per node row and KPI */
} snapshot;

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
static bool take_week(fp_review *rv, fp_week week, snapshot *s, char *err,
                      size_t errsz)
{
    const fp_rollup *r = fp_review_week(rv, week);
    if (!r) {
        snprintf(err, errsz, "%s", fp_review_db(rv)->err);
        return false;
    }
    if (!snapshot_take(r, s)) {
        snprintf(err, errsz, "out of memory");
        return false;
    }
    return true;
}

/* The changed catalogue: the one in use (the config's files and the
 * catalogue version in force at week), --catalogue, the --sets. */
static fp_catalogue *changed_catalogue(fp_review *rv,
                                       const fp_whatif_req *req,
                                       fp_week week, char *err, size_t errsz)
{
    const fp_config *cfg = fp_review_config(rv);
    char *version, name[64];
    long long id;
    if (!fp_catalogue_version_at(fp_review_db(rv), week, &version, &id)) {
        snprintf(err, errsz, "%s", fp_review_db(rv)->err);
        return NULL;
    }
    snprintf(name, sizeof name, "catalogue version %lld", id);
    fp_catalogue_layers l = {
        .kpi_file = cfg->kpi_file, .causes_file = cfg->causes_file,
        .text = version, .text_name = name,
        .file = req->catalogue, .sets = req->sets, .nsets = req->nsets,
    };
    fp_catalogue *cat = fp_catalogue_load_layers(&l, err, errsz);
    free(version);
    return cat;
}

/* The role id of row's person ("" for a node without one): csv. */
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
    const fp_catalogue *cat; /* the changed one: role labels */
    int root;
    FILE *out;
} compare;

static bool in_view(const compare *c, int row)
{
    return c->root <= 0 || fp_tree_is_under(c->tree, row, c->root);
}

static void csv_cards(const compare *c)
{
    fputs("path,name,role,score_before,score_after,status_before,"
          "status_after\n", c->out);
    for (int row = 0; row < c->after->nrows; row++) {
        if (!in_view(c, row))
            continue;
        char path[1024], sb[64], sa[64];
        fp_tree_path(c->tree, row, path, sizeof path);
        score_text(c->before->score[row], sb, sizeof sb);
        score_text(c->after->score[row], sa, sizeof sa);
        const char *f[] = {
            path, c->tree->nodes[row].name, role_of(c->tree, row), sb, sa,
            fp_status_word(card_status(c->before->score[row])),
            fp_status_word(card_status(c->after->score[row])),
        };
        for (int i = 0; i < 7; i++)
            fp_text_csv_field(c->out, f[i], i == 6);
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
    fp_text_csv_field(c->out, path, false);
    fprintf(c->out, "%s,%s,%s\n", id,
            fp_status_word(kpi_status(c->before, row, id)),
            fp_status_word(kpi_status(c->after, row, id)));
}

static void print_csv(const compare *c)
{
    csv_cards(c);
    fputs("\npath,kpi,status_before,status_after\n", c->out);
    for (int row = 0; row < c->after->nrows; row++)
        if (in_view(c, row))
            each_changed_kpi(c, row, csv_kpi_line);
}

/* The KPI's label in the interface language (its id when the changed
 * catalogue does not have it). */
static void kpi_label(const compare *c, const char *id, char *out,
                      size_t outsz)
{
    int k = fp_catalogue_kpi(c->cat, id);
    if (k >= 0)
        fp_label_kpi(&c->cat->kpis[k], FP_LABEL_BOTH, out, outsz);
    else
        snprintf(out, outsz, "%s", id);
}

static void text_kpi_line(const compare *c, int row, const char *id)
{
    char label[256];
    kpi_label(c, id, label, sizeof label);
    fprintf(c->out, "    %s: ", label);
    fprintf(c->out, "%s -> ",
            fp_status_label(kpi_status(c->before, row, id)));
    fprintf(c->out, "%s\n", fp_status_label(kpi_status(c->after, row, id)));
}

static void print_text(const compare *c, const char *week)
{
    int changed = 0, shown = 0;
    fprintf(c->out, _("%s  what-if: scorecards that change (before -> "
            "after)\n"), week);
    for (int row = 0; row < c->after->nrows; row++) {
        shown += in_view(c, row);
        if (!in_view(c, row) || (!card_changed(c->before, c->after, row) &&
            each_changed_kpi(c, row, NULL) == 0))
            continue;
        char name[512], sb[32], sa[32];
        char role[128];
        fp_label_role(c->cat, role_of(c->tree, row), FP_LABEL_FIRST, role,
                      sizeof role);
        snprintf(name, sizeof name, *role ? "%s (%s)" : "%s",
                 c->tree->nodes[row].name, role);
        fp_format_attainment(c->before->score[row], sb, sizeof sb);
        fp_format_attainment(c->after->score[row], sa, sizeof sa);
        fp_text_column(c->out, name, 36, false);
        fprintf(c->out, "%6s -> %-6s %s -> ", sb, sa,
                fp_status_label(card_status(c->before->score[row])));
        fprintf(c->out, "%s\n",
                fp_status_label(card_status(c->after->score[row])));
        each_changed_kpi(c, row, text_kpi_line);
        changed++;
    }
    fprintf(c->out, _("%d of %d scorecards change; nothing was written.\n"),
            changed, shown);
}


int fp_whatif_run(fp_review *rv, fp_week week, const fp_whatif_req *req,
                  FILE *out, char *err, size_t errsz)
{
    snapshot before = {0}, after = {0};
    int rc = FP_WHATIF_RUNTIME;
    if (take_week(rv, week, &before, err, errsz)) {
        fp_catalogue *cat = changed_catalogue(rv, req, week, err, errsz);
        if (!cat)
            rc = FP_WHATIF_REFUSED;
        else if (!fp_review_set_catalogue(rv, cat))
            snprintf(err, errsz, "%s", fp_review_db(rv)->err);
        else if (take_week(rv, week, &after, err, errsz))
            rc = FP_WHATIF_OK;
    }
    if (rc == FP_WHATIF_OK) {
        char ws[FP_WEEK_STR];
        fp_week_format(week, ws);
        compare c = {fp_review_tree(rv), &before, &after,
                     fp_review_catalogue(rv), req->root, out};
        if (req->csv)
            print_csv(&c);
        else
            print_text(&c, ws);
    }
    snapshot_done(&before);
    snapshot_done(&after);
    return rc;
}
