/* FX rates of a week; see fx.h. */
#include "storage/fx.h"

#include <stdio.h>

bool fp_fx_week(fp_db *db, fp_week week, fp_fx *out, size_t max, size_t *n)
{
    *n = 0;
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT currency, rate FROM fx_rates WHERE week = ?1"
        " ORDER BY currency");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        const unsigned char *cur = sqlite3_column_text(st, 0);
        snprintf(out[*n].currency, sizeof out[*n].currency, "%s",
                 cur ? (const char *)cur : "");
        out[*n].rate = sqlite3_column_double(st, 1);
        ++*n;
    }
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (!ok)
        fp_db_set_error(db, "fx rates");
    sqlite3_finalize(st);
    return ok;
}
