/* The meeting actions of the TUI (issue 5 and 6): notes, overrides,
 * action items, the meeting record, minutes; drafts of the text being
 * typed, writes kept in memory while the database refuses them, and the
 * signals that must not lose a word. Private to tui/.
 *
 * Every write goes through storage/meeting.h and is committed at once;
 * afterwards the ui reloads (fp_ui_refresh(ui, true)) and redraws.
 * Ownership: fp_meet is embedded in fp_ui; fp_meet_done frees it. */
#ifndef FUPAN_TUI_MEET_H
#define FUPAN_TUI_MEET_H

#include <stdbool.h>
#include <stddef.h>

#include "model/week.h"
#include "tui/picklist.h"

typedef struct fp_ui fp_ui;

/* A note that the database did not take yet (read-only, full, locked),
 * or an override or action item typed while another process held the
 * write lock (kind). */
enum { FP_PENDING_NOTE, FP_PENDING_OVERRIDE, FP_PENDING_ACTION };
typedef struct {
    fp_week week;
    long long node_id;
    char *kpi, *cause, *text, *author; /* override: kpi, text = reason;
                                          action: text; cause NULL */
    long long edit_id;      /* > 0: a new version of that note */
    int kind;               /* FP_PENDING_* */
    double value, original; /* override */
    char *owner;            /* action: person code */
    fp_week due;            /* action */
} fp_pending_note;

typedef struct {
    char owner[256];        /* drafts' owner: "user@/dev/pts/3" */
    fp_pending_note *pending;
    size_t npending, cap;
    char pending_err[512];  /* why the last write failed */
    long last_retry;        /* seconds, for the retry tick */
    char exit_msg[4400];    /* printed after the terminal is restored */
    bool restoring;         /* a draft is being restored (editors ask
                               before throwing its text away) */
} fp_meet;

void fp_meet_init(fp_ui *ui);
void fp_meet_done(fp_ui *ui);

/* ---- signals (signals.c): handlers only set flags ---- */
/* Installs SIGHUP, SIGTERM and SIGINT handlers (before curses starts, so
 * that curses keeps them). */
void fp_signals_install(void);
/* SIGHUP or SIGTERM arrived: save the draft, restore the terminal, end. */
bool fp_signal_terminate(void);
/* SIGINT arrived since the last call (kill -INT: in raw mode Ctrl-C is
 * a key, read in order with the text before it); clears it. */
bool fp_signal_interrupt(void);
/* True when every loop must end now (signal or end of the key script);
 * sets ui->stop. */
bool fp_meet_must_stop(fp_ui *ui);

/* ---- drafts and pending writes (draft.c) ---- */
/* Saves a draft of kind ("note", "action", "override") for the text
 * being typed; false with ui->meet.pending_err when the database refused
 * (the caller keeps the text). */
bool fp_meet_draft_save(fp_ui *ui, const char *kind, long long node_id,
                        const char *kpi, const char *cause,
                        const char *text);
void fp_meet_draft_discard(fp_ui *ui, const char *kind);
/* A write the database refused: its error goes to ui->meet.pending_err
 * and, for the caller's message, to why. */
void fp_meet_write_failed(fp_ui *ui, char *why, size_t whysz);
/* At start-up: offers a draft left by a crash back (opens the editor). */
int fp_meet_offer_draft(fp_ui *ui);
/* Keeps a note the database refused, for fp_meet_retry. */
bool fp_meet_keep_note(fp_ui *ui, fp_week week, long long node_id,
                       const char *kpi, const char *cause, const char *text,
                       long long edit_id);
/* Keeps an override or an action item typed while another process holds
 * the write lock, for fp_meet_retry; false when out of memory. */
bool fp_meet_keep_override(fp_ui *ui, fp_week week, long long node_id,
                           const char *kpi, double value, double original,
                           const char *reason);
bool fp_meet_keep_action(fp_ui *ui, fp_week week, long long node_id,
                         const char *owner, fp_week due, const char *text);
/* Tries the kept notes again; returns how many are still waiting. */
size_t fp_meet_retry(fp_ui *ui);
/* The header's mark for kept notes: " 2 UNSAVED ", and while another
 * process holds the write lock " 2 UNSAVED: waiting for the database "
 * when that fits in max_cols; "" when none wait. */
void fp_meet_pending_badge(fp_ui *ui, int max_cols, char *out,
                           size_t outsz);
/* Called every second by the main loop: retries kept writes. */
int fp_meet_tick(fp_ui *ui);
/* Before quitting: false when the user chose to stay because notes are
 * not saved yet. Writes them to a file when the user quits anyway. */
bool fp_meet_may_quit(fp_ui *ui);

/* ---- helpers shared by the actions (meet_util.c) ---- */
const char *fp_meet_author(fp_ui *ui);
/* The node and KPI the cursor is on; false with a message when the
 * cursor is on no node (kpi may come back -1). */
bool fp_meet_target(fp_ui *ui, int *node, int *kpi);
/* "马来西亚 TikTok 店 › 服饰" (the company's name for the company). */
void fp_meet_node_label(fp_ui *ui, int node, char *out, size_t outsz);
/* Cause label for the screen ("缺货/供应链"), the code when unknown. */
const char *fp_meet_cause_label(fp_ui *ui, const char *code);
/* "~/x" -> "$HOME/x"; any other path as it is. */
void fp_meet_expand_home(const char *in, char *out, size_t outsz);
/* True when path does not exist or the user says y to overwriting it;
 * else says "Not exported". */
bool fp_meet_may_overwrite(fp_ui *ui, const char *path);
/* Opens the week's meeting when there is none yet (with a snapshot of
 * the figures shown). False with a message on failure. */
bool fp_meet_ensure_meeting(fp_ui *ui);
/* Stores the key figures of the week as shown into meeting id. */
bool fp_meet_snapshot(fp_ui *ui, long long meeting_id);
/* After a write: reload and redraw. */
int fp_meet_after_write(fp_ui *ui);
/* Asks a one-key question on the status line; returns the key pressed
 * (one of answers, lower-case) or 0 for Enter, Esc, Ctrl-C or when ui
 * must stop. Every other key is ignored. */
int fp_ask(fp_ui *ui, const char *question, const char *answers);
/* Format of a stored time "2026-11-25T15:34:12" as "11-25 15:34". */
void fp_meet_time(const char *iso, char *out, size_t outsz);

/* ---- the actions (one per key) ---- */
int fp_act_annotate(fp_ui *ui);            /* a */
int fp_act_override(fp_ui *ui);            /* o */
int fp_act_revert_override(fp_ui *ui);     /* u */
int fp_act_override_history(fp_ui *ui);    /* H */
int fp_act_new_action(fp_ui *ui);          /* t */
int fp_act_list_actions(fp_ui *ui);        /* A */
int fp_act_meeting(fp_ui *ui);             /* M */
int fp_act_minutes_preview(fp_ui *ui);     /* m */
int fp_act_whatif(fp_ui *ui);              /* W: tui/whatif.c */
int fp_act_kpi_review(fp_ui *ui);          /* Q: tui/whatif.c */
int fp_act_export_minutes(fp_ui *ui);      /* e */
int fp_act_push_minutes(fp_ui *ui);        /* P */
int fp_act_copy_minutes(fp_ui *ui);        /* y */
int fp_act_notes(fp_ui *ui);               /* v */
int fp_act_export_table(fp_ui *ui);        /* x */

/* Draft restores: the flows of o and t, started from the draft. */
int fp_meet_restore_override(fp_ui *ui, int node, int kpi,
                             const char *value, const char *reason);
int fp_meet_restore_action(fp_ui *ui, int node, const char *text);

/* Fills p with everyone: key = person code, label = name and role. */
bool fp_meet_fill_people(fp_ui *ui, fp_picklist *p);

/* Note editing shared by annotate and the notes view. edit_id > 0 edits
 * that note (cause and text as given to start from). */
int fp_meet_write_note(fp_ui *ui, int node, int kpi, long long edit_id,
                       const char *cause, const char *text);

#endif
