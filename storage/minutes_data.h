/* The minutes of one week, gathered from a review session: the week's
 * and the previous week's roll-ups, notes, overrides, action items, the
 * meeting record and the snapshot of last week's figures; rendered by
 * model/minutes.c. Shared by `fupan minutes` and the TUI (m / e). */
#ifndef FUPAN_STORAGE_MINUTES_DATA_H
#define FUPAN_STORAGE_MINUTES_DATA_H

#include <stddef.h>
#include "model/minutes_chat.h"
#include "model/week.h"
#include "storage/review.h"

/* The minutes of week as text (format 0), Markdown (format 1) or chat
 * text (format 2, see model/minutes_chat.h): a new
 * string, caller frees. NULL with a one-line message in err when the
 * week has no data ("no data for 2026-W50") or storage fails. The
 * minutes hold no clock time except the meeting's own recorded times
 * and the times of notes/overrides as stored. */
char *fp_minutes_build(fp_review *rv, fp_week week, int format, char *err,
                       size_t errsz);
/* The same for a month or a quarter (a week: fp_minutes_build): the
 * period's summary and red/amber items from its roll-up (titled with
 * the weeks it covers, marked partial while weeks lack data), and the
 * notes and overrides of its weeks. */
char *fp_minutes_build_period(fp_review *rv, fp_period period, int format,
                              char *err, size_t errsz);

/* The chat minutes of week as the JSON messages of platform p (see
 * fp_mdoc_write_platform; limit 0: the platform's own), *n of them, or
 * NULL with err as above. Free with fp_chat_messages_free. */
char **fp_minutes_build_platform(fp_review *rv, fp_week week,
                                 fp_chat_platform p, size_t limit,
                                 size_t *n, char *err, size_t errsz);

#endif
