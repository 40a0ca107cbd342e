/* Import profiles: how a platform's export (TikTok Shop LIVE list,
 * Shopee Live...) maps to fupan's KPIs. Read from INI by the one INI
 * reader (storage/ini_text.h), so every problem says FILE:LINE. The
 * shipped sample-data/profiles.ini is built into the binary; a team's
 * file ([import] profiles = FILE in the config) adds profiles or
 * replaces a built-in one of the same name.
 *
 * [profile.NAME]
 *   label    = "what the export is"
 *   detect   = "主播|Creator, 开播时间|Start time"  the file is this kind
 *              when every ','-separated group has a header among its
 *              '|'-separated names
 *   date     = "开播时间|Start time"   the day of the row (a date-time's
 *                                     date part counts)
 *   person   = "主播|Creator"          who; match = "handle name id": how
 *                                     the cell is looked up in people,
 *                                     tried in that order
 *   store    = "..."                  header of the store, else --store
 *   category = "..."                  header of the category, else the
 *                                     person's home category in the store
 *   ignore   = "直播间名称|LIVE name"  columns ignored on purpose
 *   date_format = "DD/MM/YYYY"        the order of the date column's day,
 *              month and year (YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY...;
 *              default YYYY-MM-DD or YYYY/MM/DD); --date-format wins
 *   kpi.ID   = "成交金额|GMV|Sales(CUR)"  headers giving KPI ID; "(CUR)"
 *              stands for a currency code that must be the store's
 *   duration = "live_seconds watch_seconds"  cells are hh:mm:ss, mm:ss or
 *                                             seconds
 *   max      = "peak_viewers"         the week's value is the largest row's
 *   count    = "live_sessions"        each row counts one (no column)
 *   weight.ID = OTHER                 the column is an average: times the
 *                                     row's OTHER KPI column gives the total
 * Header names match without regard to case and spaces.
 *
 * Ownership: fp_profiles_load returns a set freed by fp_profiles_free. */
#ifndef FUPAN_STORAGE_PROFILE_H
#define FUPAN_STORAGE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include "model/week.h"

typedef struct {
    char *kpi;           /* KPI id */
    char *headers;       /* '|'-separated names; NULL for a count */
    bool duration, max, count;
    char *weight;        /* KPI id of the weight column, or NULL */
} fp_profile_map;

typedef struct {
    char *name, *label;
    char *source;        /* "built-in" or the file's path */
    int line;            /* of its section */
    char *detect, *date, *person, *match, *store, *category, *ignore;
    fp_profile_map *maps;
    int nmaps;
    fp_date_order date_order; /* date_format; FP_DATE_AUTO: not given */
} fp_profile;

typedef struct fp_profile_set {
    fp_profile *items;   /* built-in first, then the team's file's */
    int n;
} fp_profile_set;

/* The built-in profiles, then file's (NULL: none) on top. NULL with
 * "FILE:LINE: what is wrong" in err. */
fp_profile_set *fp_profiles_load(const char *file, char *err, size_t errsz);
void fp_profiles_free(fp_profile_set *set);
const fp_profile *fp_profiles_find(const fp_profile_set *set,
                                   const char *name);

/* True when header (a name of the file) is one of names ('|'-separated),
 * ignoring case and spaces. A name "X(CUR)" matches "X(PHP)": then cur
 * (4 bytes, may be NULL) gets "PHP", else "". */
bool fp_profile_header_is(const char *header, const char *names, char *cur);
/* Index of the first of nheaders headers that is one of names, or -1. */
int fp_profile_find_header(const char *const *headers, int nheaders,
                           const char *names, char *cur);
/* True when every detect group of p is among headers. */
bool fp_profile_detects(const fp_profile *p, const char *const *headers,
                        int nheaders);
/* True when id is one of the words of list (blank-separated). */
bool fp_profile_word_in(const char *list, const char *id);
/* "01:23:45", "23:45" or "83.5" (seconds): false when not a duration. */
bool fp_profile_duration(const char *text, double *seconds);

#endif
