/* The meeting minutes (会议纪要) as plain UTF-8 text or Markdown. Plain C:
 * the caller (storage/minutes_data.c) gathers and formats the figures;
 * this file only lays them out.
 *
 * text: columns aligned by display width (a CJK character is two
 * columns), no line over FP_MINUTES_WIDTH columns (table cells are cut
 * with "…", notes and other long text wrap onto continuation lines), no
 * control bytes, no trailing spaces.
 * md: headings, pipe tables with a header separator row, bullet lists;
 * data is escaped so that it cannot make markup.
 *
 * Every string of the input is borrowed and may hold anything (it is
 * sanitised here); NULL counts as "". */
#ifndef FUPAN_MODEL_MINUTES_H
#define FUPAN_MODEL_MINUTES_H

#include <stdbool.h>
#include <stddef.h>

#define FP_MINUTES_WIDTH 100

/* text and md: the full minutes. chat: the short minutes for a group
 * chat (model/minutes_chat.c): at most a screenful of lines for a phone,
 * no tables, no hard wraps, no alignment by spaces. */
typedef enum {
    FP_MINUTES_TEXT = 0, FP_MINUTES_MD = 1, FP_MINUTES_CHAT = 2
} fp_minutes_format;

enum {
    FP_MIN_OVERRIDDEN = 1,  /* value set by hand (人工修正) */
    FP_MIN_PROVISIONAL = 2, /* still inside the KPI's maturity */
    FP_MIN_STALE = 4        /* override's source changed since */
};

/* One KPI of one node, already formatted ("124,950", "98%", "+3.2%"). */
typedef struct {
    const char *node;       /* summary: first row of a node's group, else
                               "" (not shown); unused in items */
    const char *currency;   /* summary: the node's money currency, on the
                               first row of its group */
    const char *kpi;        /* label */
    const char *actual, *target, *attainment, *wow;
    int status;             /* fp_status */
    unsigned marks;         /* FP_MIN_* */
    const char *kpi_id;     /* "gmv": the chat headline looks for it */
} fp_minutes_row;

typedef struct {
    const char *kpi;        /* KPI label, NULL/"" for a note on the node */
    const char *cause;      /* cause label */
    const char *text;
    const char *author;
} fp_minutes_note;

/* A node under discussion: its KPI lines and every note on it. */
typedef struct {
    const char *node;       /* "泰国 TikTok 店 / 美妆 / 王强 (投手)" */
    int status;             /* worst status of the node's card */
    const fp_minutes_row *kpis;
    size_t nkpis;
    const fp_minutes_note *notes;
    size_t nnotes;
} fp_minutes_item;

typedef struct {
    const char *node, *kpi;
    const char *from, *to;  /* formatted, with currency for money */
    const char *reason, *author, *when;
    const char *reverted_at;   /* NULL/"" while active */
    const char *reverted_by, *revert_reason;
} fp_minutes_override;

typedef struct {
    const char *label;
    int count;
} fp_minutes_cause;

typedef struct {
    const char *text, *owner, *node; /* node: "" when not linked */
    const char *due;        /* "2026-W48" */
    const char *state;      /* "open", "done", "dropped" */
    int age_weeks;          /* weeks since it was agreed */
    bool overdue;           /* open and due before this week */
} fp_minutes_action;

/* A meeting held in a month's or quarter's weeks (issue 16). */
typedef struct {
    const char *week;       /* "2026-W47" */
    const char *date;       /* "2026-11-23" */
    int length_min;         /* minutes; -1 while running or unknown */
    const char *attendees;  /* "" when not recorded */
} fp_minutes_meeting;

/* Last week's key figure as shown in the meeting and as it is now. */
typedef struct {
    const char *node, *kpi, *then, *now;
} fp_minutes_change;

typedef struct {
    const char *week;                 /* "2026-W47" */
    const char *first_day, *last_day; /* "2026-11-16", "2026-11-22" */
    bool has_meeting;
    const char *meeting_start, *meeting_end; /* "" when not recorded */
    const char *attendees;            /* "" when not recorded */
    const char *currency;             /* reporting currency, "USD" */

    const fp_minutes_row *summary;    /* company rows, then each store's */
    size_t nsummary;
    const fp_minutes_item *items;     /* red/amber nodes, tree order */
    size_t nitems;
    const fp_minutes_item *others;    /* other nodes with notes */
    size_t nothers;
    const fp_minutes_override *overrides; /* oldest first */
    size_t noverrides;
    const fp_minutes_cause *causes;   /* any order; sorted here, most first */
    size_t ncauses;
    const fp_minutes_action *actions_new, *actions_carried, *actions_done;
    size_t nnew, ncarried, ndone;
    const char *prev_week;            /* "2026-W46" */
    bool has_snapshot;                /* a meeting recorded prev_week's figures */
    const fp_minutes_change *changes;
    size_t nchanges;
    /* 止损: one line per store, category or ad buyer flagged by the
     * stop-loss (issue 16); the section is left out when there is none */
    const char *const *stoploss;
    size_t nstoploss;
    /* A month or a quarter (issue 16): the meetings of its weeks instead
     * of one meeting record; action items new in the period, still open
     * at its end and done in it; changes: its weeks' figures as the
     * meetings showed them and as they are now. */
    bool is_period;
    const char *period;               /* "2026-11 (W45-W48)" */
    const fp_minutes_meeting *meetings;
    size_t nmeetings;
} fp_minutes_input;

/* The minutes as a new string (caller frees); NULL when out of memory. */
char *fp_minutes_render(const fp_minutes_input *in, fp_minutes_format fmt);

#endif
