/* Catalogue versions (issue 16): a team catalogue file recorded with who,
 * when and why, in force from a week on. Weeks before it keep the rules
 * in force then, so last quarter's scorecards never change when this
 * quarter's thresholds do. A version is a layer on top of the config's
 * catalogue files (as a what-if's --catalogue). See docs/kpi-system.md.
 * Ownership: fp_catalogue_version_list fills an array the caller frees
 * with fp_catalogue_versions_free. */
#ifndef FUPAN_STORAGE_CATALOGUE_VERSIONS_H
#define FUPAN_STORAGE_CATALOGUE_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/week.h"
#include "storage/db.h"
#include "storage/review.h"

typedef struct {
    long long id;
    fp_week from;
    char *file, *reason, *author, *created_at;
} fp_catalogue_version;

/* Records text (read from file) in force from week from. False with
 * db->err. */
bool fp_catalogue_version_add(fp_db *db, fp_week from, const char *file,
                              const char *text, const char *reason,
                              const char *author, long long *id);
/* Every version, oldest first (by from week, then id). */
bool fp_catalogue_version_list(fp_db *db, fp_catalogue_version **out,
                               size_t *n);
void fp_catalogue_versions_free(fp_catalogue_version *v, size_t n);

/* The text of the version in force at week (the newest one whose from
 * week is at or before it; *text NULL when none) and its id. False with
 * db->err on a read error. */
bool fp_catalogue_version_at(fp_db *db, fp_week week, char **text,
                             long long *id);

/* Gives the session the catalogue in force at week: the config's files
 * with that version on top, or nothing changes when no version applies.
 * Call once, right after opening, before reading any week. False with
 * the message in err (a stored version that no longer loads names
 * itself "catalogue version N"). */
bool fp_review_use_week(fp_review *rv, fp_week week, char *err,
                        size_t errsz);

#endif
