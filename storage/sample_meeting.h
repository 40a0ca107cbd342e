/* Loading the sample meeting (notes, overrides, action items) from the
 * CSV files in sample-data/, after the org, facts and targets were
 * imported:
 *   notes.csv      week,path,kpi,cause,text,author
 *   overrides.csv  week,path,kpi,value,reason,author
 *   actions.csv    week,owner,due,text,path,state,author
 * A missing file is skipped. Values parse like the import ("1,234.5";
 * a value ending in "%" is a percentage, 12.5% -> 0.125). An override's
 * original is the facts table's value of that node/KPI/week (NAN when
 * there is none). A closed action item is taken as closed in the week
 * after it was agreed. */
#ifndef FUPAN_STORAGE_SAMPLE_MEETING_H
#define FUPAN_STORAGE_SAMPLE_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include "model/tree.h"
#include "storage/db.h"

/* Returns false with "FILE:LINE: column NAME: what is wrong" in err. */
bool fp_sample_load_meeting(fp_db *db, const fp_tree *tree, const char *dir,
                            char *err, size_t errsz);

#endif
