/* What is said in the meeting: attribution notes (with history),
 * overrides (reverted, never deleted), action items, meeting records with
 * snapshots of the key figures shown, and drafts of text being typed.
 * Every write is its own short transaction, committed at once; writes
 * retry on SQLITE_BUSY (busy timeout) so two fupan processes can share
 * one database.
 * Ownership: list functions fill a caller-owned fp_*_list; release it
 * with the matching fp_*_list_done. Strings in items are owned by the
 * list. */
#ifndef FUPAN_STORAGE_MEETING_H
#define FUPAN_STORAGE_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include "model/week.h"
#include "storage/db.h"

/* ---- notes ---- */
typedef struct {
    long long id;
    fp_week week;
    long long node_id;      /* nodes.id */
    char *path;             /* "tts-my/apparel" ("" = company) */
    char *kpi;              /* KPI id or NULL for a note on the node */
    char *cause;            /* cause code */
    char *text;
    char *author;
    char *created_at, *updated_at;
    char *change;           /* fp_note_history only: add | edit | delete;
                               NULL in other lists */
} fp_note;

typedef struct { fp_note *items; size_t n; } fp_note_list;

/* The longest note, in characters (code points), a Chinese paragraph of
 * a page or so; longer ones are refused, not cut. */
#define FP_NOTE_MAX_CHARS 4000
/* True when text can be a note's text: not blank and at most
 * FP_NOTE_MAX_CHARS characters; else false with the reason in why. */
bool fp_note_text_ok(const char *text, char *why, size_t whysz);

/* Adds a note; returns its id (> 0) or -1 with db->err (a text refused
 * by fp_note_text_ok too). Records the first version in note_history.
 * kpi may be NULL. */
long long fp_note_add(fp_db *db, fp_week week, long long node_id,
                      const char *kpi, const char *cause, const char *text,
                      const char *author);
/* New text/cause for a note, keeping the old version in history; text
 * NULL keeps the text, else it is checked as by fp_note_text_ok. */
bool fp_note_edit(fp_db *db, long long id, const char *cause,
                  const char *text, const char *author);
/* Hides a note (deleted_at), keeping it and its history. */
bool fp_note_delete(fp_db *db, long long id, const char *author);
/* Live notes of a week, optionally only those at node_id or below it
 * (node_id <= 0: all), ordered by path then time. */
bool fp_note_list_week(fp_db *db, fp_week week, long long node_id,
                       fp_note_list *out);
/* Versions of one note, oldest first (text/cause/author/updated_at). */
bool fp_note_history(fp_db *db, long long id, fp_note_list *out);
void fp_note_list_done(fp_note_list *list);
/* One live note by id; false (db->err) when there is none. Release with
 * fp_note_done. */
bool fp_note_get(fp_db *db, long long id, fp_note *out);
void fp_note_done(fp_note *note);

/* ---- overrides ---- */
typedef struct {
    long long id;
    fp_week week;
    long long node_id;
    char *path;
    char *kpi;
    double value;
    double original;        /* source value when set; NAN if none */
    char *reason, *author, *created_at;
    char *reverted_at;      /* NULL while active */
    char *revert_reason, *reverted_by;
} fp_override_rec;

typedef struct { fp_override_rec *items; size_t n; } fp_override_list;

/* Sets an override; an active one on the same cell is reverted first
 * (with reason "replaced"). original is the value shown before (NAN if
 * none). reason must not be empty. Returns the id or -1 (db->err). */
long long fp_override_set(fp_db *db, fp_week week, long long node_id,
                          const char *kpi, double value, double original,
                          const char *reason, const char *author);
/* Reverts the active override of that cell; false (db->err) if none. */
bool fp_override_revert(fp_db *db, fp_week week, long long node_id,
                        const char *kpi, const char *reason,
                        const char *author);
/* All overrides (active and reverted) of a week (week 0: every week),
 * newest first; node_id > 0 and kpi != NULL narrow to one cell. */
bool fp_override_list_get(fp_db *db, fp_week week, long long node_id,
                          const char *kpi, fp_override_list *out);
void fp_override_list_done(fp_override_list *list);

/* ---- action items ---- */
typedef struct {
    long long id;
    fp_week week;           /* the meeting week it was agreed in */
    long long node_id;      /* 0 when not linked */
    char *path;
    char *owner;            /* person code */
    char *owner_name;
    fp_week due;
    char *text;
    char *state;            /* open | done | dropped */
    char *author, *created_at, *closed_at;
    fp_week closed_week;    /* 0 while open */
} fp_action_item;

typedef struct { fp_action_item *items; size_t n; } fp_action_item_list;

long long fp_action_add(fp_db *db, fp_week week, long long node_id,
                        const char *owner, fp_week due, const char *text,
                        const char *author);
/* state: "done" or "dropped" (or "open" to reopen); closed_week is the
 * week in which it was closed. */
bool fp_action_set_state(fp_db *db, long long id, const char *state,
                         fp_week closed_week);
/* Items agreed in weeks <= week that are open, or that were closed in
 * `week` (so a meeting sees what was done since last time); open_only
 * limits to open ones. week 0: all items. */
bool fp_action_list_get(fp_db *db, fp_week week, bool open_only,
                        fp_action_item_list *out);
void fp_action_list_done(fp_action_item_list *list);
/* One item by id; false (db->err) when there is none. Release with
 * fp_action_item_done. (Named so as not to clash with tui/action.h.) */
bool fp_action_item_get(fp_db *db, long long id, fp_action_item *out);
void fp_action_item_done(fp_action_item *a);

/* ---- meetings ---- */
typedef struct {
    long long id;
    fp_week week;
    char *started_at, *ended_at; /* ended_at NULL while running */
    char *attendees;        /* comma-separated person codes/names */
    char *author;
} fp_meeting;

/* The newest meeting of a week; false when there is none (out zeroed),
 * or when it cannot be read: then out->id is -1 and db->err says why. */
bool fp_meeting_get(fp_db *db, fp_week week, fp_meeting *out);
/* Starts a meeting for week (if none is running) and returns its id. */
long long fp_meeting_start(fp_db *db, fp_week week, const char *author);
/* The newest meeting of week, starting one when the week has none yet
 * (the meeting opens with the first note of the week). Returns its id or
 * -1 (db->err). */
long long fp_meeting_ensure(fp_db *db, fp_week week, const char *author);
bool fp_meeting_stop(fp_db *db, long long id);
/* A finished meeting with given times ("YYYY-MM-DDTHH:MM:SS"), e.g. from
 * the sample data; returns its id or -1 (db->err). */
long long fp_meeting_record(fp_db *db, fp_week week, const char *started_at,
                            const char *ended_at, const char *attendees,
                            const char *author);
bool fp_meeting_set_attendees(fp_db *db, long long id, const char *attendees);
void fp_meeting_done(fp_meeting *m);
/* Attendees are names as typed: people of the org file or anyone else
 * (the lead, guests). A list is "陈静, 李娜, 陈总"; ",", "，" and "、"
 * separate names when reading one. */
typedef void (*fp_attendee_fn)(const char *name, void *ctx);
/* Calls fn for each name of list in order, blanks trimmed, empty and
 * repeated names left out. */
void fp_attendees_each(const char *list, fp_attendee_fn fn, void *ctx);
/* list and then names as one list "a, b, c" without repeats: a new
 * string (caller frees), NULL when out of memory. Either may be NULL. */
char *fp_attendees_merge(const char *list, const char *names);
/* Snapshot of key figures as shown: replaces the meeting's rows. */
typedef struct { fp_week week; long long node_id; const char *kpi;
                 double value; } fp_snapshot_row;
bool fp_meeting_snapshot(fp_db *db, long long meeting_id,
                         const fp_snapshot_row *rows, size_t n);
/* Adds rows to the meeting's snapshot (keeps the others). */
bool fp_meeting_snapshot_add(fp_db *db, long long meeting_id,
                             const fp_snapshot_row *rows, size_t n);
/* Snapshot value recorded by the newest meeting that captured
 * (week, node, kpi); NAN when none. */
double fp_meeting_snapshot_value(fp_db *db, fp_week week, long long node_id,
                                 const char *kpi);
/* Same, among meetings older than before_meeting_id (<= 0: all), so the
 * running meeting can ask what the previous one showed. */
double fp_meeting_snapshot_value_before(fp_db *db, long long before_meeting_id,
                                        fp_week week, long long node_id,
                                        const char *kpi);
/* Same into *value (NAN when none); false on a read error (db->err). */
bool fp_meeting_snapshot_read(fp_db *db, long long before_meeting_id,
                              fp_week week, long long node_id,
                              const char *kpi, double *value);

/* ---- drafts (text being typed; survive a crash) ---- */
typedef struct {
    long long id;
    char *kind;             /* "note", "action", "override" */
    fp_week week;
    long long node_id;
    char *kpi, *cause, *text, *updated_at;
} fp_draft;

/* Saves (insert or update by owner+kind) the draft; returns its id or -1
 * (db->err). owner tells writers apart (e.g. user name and terminal), so
 * two processes do not overwrite each other's drafts. */
long long fp_draft_save(fp_db *db, const char *owner, const fp_draft *d);
/* The newest draft of owner, false when none. */
bool fp_draft_load(fp_db *db, const char *owner, fp_draft *out);
/* Drops owner's draft of kind (kind NULL: all of owner's drafts). */
bool fp_draft_discard(fp_db *db, const char *owner, const char *kind);
void fp_draft_done(fp_draft *d);

#endif
