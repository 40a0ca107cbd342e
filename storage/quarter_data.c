/* Overrides and notes per KPI over a range of weeks; see quarter_data.h. */
#include "storage/quarter_data.h"

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
