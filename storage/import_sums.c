/* The trend sums of the weeks an import writes (see import_priv.h).
 * Summing a week from rows already in memory saves reading its facts
 * back: on a first import of two years that reading was an eighth of
 * the time. Rows of one week are kept until the rows move on to
 * another week (a week's rows, not the file's, are in memory); a week
 * seen again later is summed from its facts instead. */
#include "model/i18n.h"
#include "storage/import_priv.h"
#include "storage/meeting_util.h"
#include "storage/trend_sums.h"

#include <string.h>

/* The entry of week in imp->weeks; *added when it was not there. NULL
 * when out of memory. */
static fp_imp_wrote *week_entry(fp_importer *imp, fp_week week, bool *added)
{
    fp_imp_wrote *w = imp->weeks.items;
    size_t lo = 0, hi = imp->weeks.n;
    *added = false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w[mid].week < week)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < imp->weeks.n && w[lo].week == week)
        return &w[lo];
    if (!fp_vec_push(&imp->weeks))
        return NULL;
    w = imp->weeks.items;
    memmove(&w[lo + 1], &w[lo], (imp->weeks.n - 1 - lo) * sizeof *w);
    w[lo] = (fp_imp_wrote){week, false, false};
    *added = true;
    return &w[lo];
}

static bool writer_ready(fp_importer *imp)
{
    if (!imp->sums)
        imp->sums = fp_trend_writer_new(imp->db);
    if (!imp->sums)
        fp_imp_fail(imp, "%s", imp->db->err);
    return imp->sums != NULL;
}

/* Sums the captured week from its rows. */
static void flush_capture(fp_importer *imp)
{
    fp_week week = imp->capture_week;
    bool added;
    imp->capture_week = 0;
    if (week == 0 || !writer_ready(imp))
        return;
    if (!fp_trend_writer_from_rows(imp->sums, week, imp->capture.items,
                                   imp->capture.n)) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return;
    }
    week_entry(imp, week, &added)->summed = true;
}

/* Rows of week come: captured when the week is new to the database. */
static void enter_week(fp_importer *imp, fp_week week)
{
    bool added;
    flush_capture(imp);
    fp_imp_wrote *entry = week_entry(imp, week, &added);
    if (!entry) {
        fp_imp_fail(imp, _("out of memory"));
        return;
    }
    entry->summed = false; /* a week seen again is read from its facts */
    int had = added ? fp_facts_week_exists(imp->db, week) : 1;
    if (had < 0)
        fp_imp_fail(imp, "%s", imp->db->err);
    if (had == 0) {
        imp->capture_week = week;
        imp->capture.n = 0;
        entry->changed = true;
    }
}

void fp_imp_sums_row(fp_importer *imp, fp_week week, long long node,
                     long long kpi, double value)
{
    if (imp->failed)
        return;
    if (week != imp->rows_week) { /* the rows moved on to another week */
        enter_week(imp, week);
        imp->rows_week = week;
    }
    if (week != imp->capture_week)
        return;
    fp_trend_row *row = fp_vec_push(&imp->capture);
    if (!row) {
        fp_imp_fail(imp, _("out of memory"));
        return;
    }
    /* SQLite stores -0.0 as the integer 0: sum what the facts will hold */
    *row = (fp_trend_row){node, kpi, value == 0 ? 0.0 : value};
}

void fp_imp_sums_written(fp_importer *imp, const fp_imp_fact *rows, int n,
                         int changed, bool sorted)
{
    fp_week last = 0;
    if (sorted && changed == 0)
        return; /* re-importing the same values */
    for (int i = 0; i < n; i++) {
        bool added;
        if (rows[i].week == last)
            continue;
        last = rows[i].week;
        fp_imp_wrote *entry = week_entry(imp, last, &added);
        if (!entry) {
            fp_imp_fail(imp, _("out of memory"));
            return;
        }
        entry->changed = true;
    }
}

void fp_imp_sums_stale(fp_importer *imp, fp_week week)
{
    bool added;
    if (imp->capture_week == week)
        imp->capture_week = 0;
    fp_imp_wrote *entry = week_entry(imp, week, &added);
    if (entry)
        entry->summed = false, entry->changed = true;
    else
        fp_imp_fail(imp, _("out of memory"));
}

bool fp_imp_sums_finish(fp_importer *imp)
{
    flush_capture(imp);
    const fp_imp_wrote *w = imp->weeks.items;
    for (size_t i = 0; i < imp->weeks.n && !imp->failed; i++)
        if (!w[i].summed && w[i].changed && writer_ready(imp) &&
            !fp_trend_writer_from_facts(imp->sums, w[i].week))
            fp_imp_fail(imp, "%s", imp->db->err);
    return !imp->failed;
}

void fp_imp_sums_free(fp_importer *imp)
{
    fp_trend_writer_free(imp->sums);
    imp->sums = NULL;
    fp_vec_done(&imp->weeks);
    fp_vec_done(&imp->capture);
}
