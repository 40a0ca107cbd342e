/* Overrides and notes per KPI over a range of weeks; see quarter_data.h. */
#include "storage/quarter_data.h"

#include <stdio.h>

#include "model/i18n.h"
#include "storage/catalogue_versions.h"
#include "storage/meeting_util.h"

static bool load_overrides(fp_review *rv, fp_week first, fp_week last,
                           fp_kpi_review *kr)
{
    fp_db *db = fp_review_db(rv);
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT k.code, count(*) FROM overrides o JOIN kpis k"
        " ON k.id = o.kpi_id WHERE o.week BETWEEN ?1 AND ?2 GROUP BY k.code");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, first);
    sqlite3_bind_int(st, 2, last);
    int row;
    while ((row = fp_step(db, st, "read overrides")) > 0)
        fp_kpi_review_add_overrides(kr, fp_catalogue_kpi(kr->cat,
            (const char *)sqlite3_column_text(st, 0)),
            sqlite3_column_int(st, 1));
    sqlite3_finalize(st);
    return row == 0;
}

static bool load_notes(fp_review *rv, fp_week first, fp_week last,
                       fp_kpi_review *kr)
{
    fp_db *db = fp_review_db(rv);
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT k.code, n.cause, count(*) FROM notes n JOIN kpis k"
        " ON k.id = n.kpi_id WHERE n.week BETWEEN ?1 AND ?2"
        " AND n.deleted_at IS NULL GROUP BY k.code, n.cause");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, first);
    sqlite3_bind_int(st, 2, last);
    int row;
    while ((row = fp_step(db, st, "read notes")) > 0)
        fp_kpi_review_add_notes(kr, fp_catalogue_kpi(kr->cat,
            (const char *)sqlite3_column_text(st, 0)),
            fp_catalogue_cause(kr->cat,
                               (const char *)sqlite3_column_text(st, 1)),
            sqlite3_column_int(st, 2));
    sqlite3_finalize(st);
    return row == 0;
}

bool fp_kpi_review_load_marks(fp_review *rv, fp_week first, fp_week last,
                              fp_kpi_review *kr)
{
    return load_overrides(rv, first, last, kr) &&
           load_notes(rv, first, last, kr);
}

/* The quarter's weeks that hold data; -1 on a read error. */
static int weeks_with_data(fp_review *rv, const fp_week *all, int n,
                           fp_week *out)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        int e = fp_review_week_exists(rv, all[i]);
        if (e < 0)
            return -1;
        if (e)
            out[m++] = all[i];
    }
    return m;
}

static bool feed_weeks(fp_review *rv, const fp_week *weeks, int n,
                       fp_kpi_review *kr)
{
    for (int i = 0; i < n; i++) {
        const fp_rollup *prev = fp_review_week(rv, fp_week_prev(weeks[i]));
        const fp_rollup *now = prev ? fp_review_week(rv, weeks[i]) : NULL;
        if (!now)
            return false;
        fp_kpi_review_add_week(kr, now, prev);
    }
    return true;
}

/* "KPI system review 2026-Q4 · 2026-W40–2026-W53 · 8 of 14 weeks with
 * data · 192 person-weeks" */
static void title_of(int year, int quarter, const fp_week *all, int n,
                     int m, int pw, char *buf, size_t bufsz)
{
    char a[FP_WEEK_STR], b[FP_WEEK_STR];
    fp_week_format(all[0], a);
    fp_week_format(all[n - 1], b);
    snprintf(buf, bufsz, _("KPI system review %04d-Q%d · %s–%s · %d of %d "
             "weeks with data · %d person-weeks"), year, quarter, a, b, m, n,
             pw);
}

/* Reads the weeks (with data) into a new review, finished. */
static fp_kpi_review *review_weeks(fp_review *rv, const fp_week *all, int n,
                                   const fp_week *weeks, int m)
{
    fp_kpi_review *kr = fp_kpi_review_new(fp_review_catalogue(rv),
                                          fp_review_tree(rv)->npeople);
    if (!kr) {
        snprintf(fp_review_db(rv)->err, sizeof fp_review_db(rv)->err,
                 "out of memory");
        return NULL;
    }
    if (!feed_weeks(rv, weeks, m, kr) ||
        !fp_kpi_review_load_marks(rv, all[0], all[n - 1], kr)) {
        fp_kpi_review_free(kr);
        return NULL;
    }
    fp_kpi_review_finish(kr);
    return kr;
}

fp_kpi_review *fp_quarter_review(fp_review *rv, int year, int quarter,
                                 char *title, size_t titlesz, char *err,
                                 size_t errsz, bool *no_data)
{
    fp_week all[FP_QUARTER_MAX_WEEKS], weeks[FP_QUARTER_MAX_WEEKS];
    int n = fp_quarter_weeks(year, quarter, all);
    int m = weeks_with_data(rv, all, n, weeks);
    *no_data = m == 0;
    if (m == 0)
        snprintf(err, errsz, _("no data for %04d-Q%d"), year, quarter);
    if (m <= 0) {
        if (m < 0)
            snprintf(err, errsz, "%s", fp_review_db(rv)->err);
        return NULL;
    }
    if (!fp_review_use_week(rv, weeks[m - 1], err, errsz))
        return NULL;
    fp_kpi_review *kr = review_weeks(rv, all, n, weeks, m);
    if (kr)
        title_of(year, quarter, all, n, m, kr->person_weeks, title, titlesz);
    else
        snprintf(err, errsz, "%s", fp_review_db(rv)->err);
    return kr;
}
