/* Never lose a word: drafts of the text being typed (saved while typing,
 * offered back after a crash), and notes the database refused, kept in
 * memory and retried every second. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/i18n.h"
#include "model/text.h"
#include "model/vec.h"
#include "tui/ui.h"

/* ---- the owner: user and terminal ------------------------------------ */

void fp_meet_init(fp_ui *ui)
{
    fp_meet *m = &ui->meet;
    const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;
    memset(m, 0, sizeof *m);
    snprintf(m->owner, sizeof m->owner, "%s@%s", fp_meet_author(ui),
             tty ? tty : "notty");
}

static void pending_free(fp_pending_note *p)
{
    free(p->owner);
    free(p->kpi);
    free(p->cause);
    free(p->text);
    free(p->author);
}

void fp_meet_done(fp_ui *ui)
{
    fp_meet *m = &ui->meet;
    for (size_t i = 0; i < m->npending; i++)
        pending_free(&m->pending[i]);
    free(m->pending);
    memset(m, 0, sizeof *m);
}

/* ---- drafts ---------------------------------------------------------- */

bool fp_meet_draft_save(fp_ui *ui, const char *kind, long long node_id,
                        const char *kpi, const char *cause, const char *text)
{
    fp_db *db = fp_review_db(ui->rv);
    fp_draft d = { .kind = (char *)kind, .week = ui->week,
                   .node_id = node_id, .kpi = (char *)kpi,
                   .cause = (char *)cause, .text = (char *)text };
    if (ui->read_only)
        return false;
    if (fp_draft_save(db, ui->meet.owner, &d) > 0)
        return true;
    snprintf(ui->meet.pending_err, sizeof ui->meet.pending_err, "%s",
             db->err);
    fp_ui_msg(ui, FP_MSG_ERROR, _("Draft not saved (%s): the text stays "
              "in the editor"), db->err);
    return false;
}

void fp_meet_write_failed(fp_ui *ui, char *why, size_t whysz)
{
    snprintf(why, whysz, "%s", fp_review_db(ui->rv)->err);
    snprintf(ui->meet.pending_err, sizeof ui->meet.pending_err, "%s", why);
}

void fp_meet_draft_discard(fp_ui *ui, const char *kind)
{
    if (!ui->read_only)
        fp_draft_discard(fp_review_db(ui->rv), ui->meet.owner, kind);
}

/* ---- kept notes ------------------------------------------------------ */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Appends p (whose strings it then owns) to the queue; false (p freed)
 * when out of memory. */
static bool keep(fp_ui *ui, fp_pending_note p)
{
    fp_meet *m = &ui->meet;
    bool ok = true;
    FP_GROW(m->pending, m->npending + 1, m->cap, ok);
    if (!ok) {
        pending_free(&p);
        return false;
    }
    m->pending[m->npending++] = p;
    return true;
}

bool fp_meet_keep_note(fp_ui *ui, fp_week week, long long node_id,
                       const char *kpi, const char *cause, const char *text,
                       long long edit_id)
{
    fp_pending_note p = { week, node_id, dup_or_null(kpi), strdup(cause),
                          strdup(text), strdup(fp_meet_author(ui)), edit_id,
                          .kind = FP_PENDING_NOTE };
    if (!p.cause || !p.text || !p.author || (kpi && !p.kpi)) {
        pending_free(&p);
        return false;
    }
    return keep(ui, p);
}

bool fp_meet_keep_override(fp_ui *ui, fp_week week, long long node_id,
                           const char *kpi, double value, double original,
                           const char *reason)
{
    fp_pending_note p = { week, node_id, strdup(kpi), NULL, strdup(reason),
                          strdup(fp_meet_author(ui)), 0,
                          .kind = FP_PENDING_OVERRIDE, .value = value,
                          .original = original };
    if (!p.kpi || !p.text || !p.author) {
        pending_free(&p);
        return false;
    }
    return keep(ui, p);
}

bool fp_meet_keep_action(fp_ui *ui, fp_week week, long long node_id,
                         const char *owner, fp_week due, const char *text)
{
    fp_pending_note p = { week, node_id, NULL, NULL, strdup(text),
                          strdup(fp_meet_author(ui)), 0,
                          .kind = FP_PENDING_ACTION, .owner = strdup(owner),
                          .due = due };
    if (!p.text || !p.author || !p.owner) {
        pending_free(&p);
        return false;
    }
    return keep(ui, p);
}

/* The kept item's draft kind: "note", "override", "action". */
static const char *pending_kind(const fp_pending_note *p)
{
    return p->kind == FP_PENDING_OVERRIDE ? "override"
         : p->kind == FP_PENDING_ACTION ? "action" : "note";
}

/* Writes a kept override or action item (the meeting is open). */
static bool store_other(fp_db *db, const fp_pending_note *p)
{
    if (p->kind == FP_PENDING_OVERRIDE)
        return fp_override_set(db, p->week, p->node_id, p->kpi, p->value,
                               p->original, p->text, p->author) >= 0;
    return fp_action_add(db, p->week, p->node_id, p->owner, p->due, p->text,
                         p->author) >= 0;
}

static bool store_note(fp_ui *ui, const fp_pending_note *p)
{
    fp_db *db = fp_review_db(ui->rv);
    bool ok;
    if (p->edit_id > 0) {
        ok = fp_note_edit(db, p->edit_id, p->cause, p->text, p->author);
    } else {
        fp_meeting m;
        if (fp_meeting_get(db, p->week, &m))
            fp_meeting_done(&m);
        else if (fp_meeting_ensure(db, p->week, p->author) < 0)
            return false;
        ok = p->kind != FP_PENDING_NOTE ? store_other(db, p)
           : fp_note_add(db, p->week, p->node_id, p->kpi, p->cause, p->text,
                         p->author) > 0;
    }
    if (!ok)
        snprintf(ui->meet.pending_err, sizeof ui->meet.pending_err, "%s",
                 db->err);
    return ok;
}

size_t fp_meet_retry(fp_ui *ui)
{
    fp_meet *m = &ui->meet;
    size_t kept = 0;
    for (size_t i = 0; i < m->npending; i++) {
        if (store_note(ui, &m->pending[i])) {
            fp_meet_draft_discard(ui, pending_kind(&m->pending[i]));
            pending_free(&m->pending[i]);
        } else {
            m->pending[kept++] = m->pending[i];
        }
    }
    bool saved = kept < m->npending;
    m->npending = kept;
    if (saved)
        fp_meet_after_write(ui);
    return kept;
}

void fp_meet_pending_badge(fp_ui *ui, int max_cols, char *out,
                           size_t outsz)
{
    size_t n = ui->meet.npending;
    out[0] = '\0';
    if (n > 0 && fp_review_db(ui->rv)->busy) /* another process's lock */
        snprintf(out, outsz, _(" %zu UNSAVED: waiting for the database "), n);
    if (n > 0 && (!out[0] || fp_text_width(out) > max_cols))
        snprintf(out, outsz, _(" %zu UNSAVED "), n);
}

int fp_meet_tick(fp_ui *ui)
{
    fp_meet *m = &ui->meet;
    long now = (long)time(NULL);
    if (m->npending == 0 || now - m->last_retry < 1)
        return FP_R_NONE;
    m->last_retry = now;
    size_t before = m->npending, notes = 0;
    for (size_t i = 0; i < before; i++)
        notes += m->pending[i].kind == FP_PENDING_NOTE;
    size_t left = fp_meet_retry(ui);
    if (left == 0 && notes == before)
        fp_ui_msg(ui, FP_MSG_INFO, ngettext("The kept note is saved now.",
                  "The %zu kept notes are saved now.", before), before);
    else if (left == 0)
        fp_ui_msg(ui, FP_MSG_INFO, ngettext("The kept entry is saved now.",
                  "The %zu kept entries are saved now.", before), before);
    return left < before ? FP_R_REDRAW : FP_R_NONE;
}

/* ---- quitting with kept notes ----------------------------------------- */

static FILE *open_unsaved_file(char *path, size_t pathsz)
{
    fp_data_file("unsaved-notes.txt", path, pathsz);
    return fopen(path, "a");
}

static bool write_unsaved(fp_ui *ui, char *path, size_t pathsz)
{
    FILE *f = open_unsaved_file(path, pathsz);
    if (!f)
        return false;
    for (size_t i = 0; i < ui->meet.npending; i++) {
        const fp_pending_note *p = &ui->meet.pending[i];
        char week[FP_WEEK_STR], due[FP_WEEK_STR];
        fp_week_format(p->week, week);
        fp_week_format(p->due, due);
        int n = fp_tree_find_db_id(fp_ui_tree(ui), p->node_id);
        char where[512] = "";
        if (n >= 0)
            fp_tree_path(fp_ui_tree(ui), n, where, sizeof where);
        if (p->kind == FP_PENDING_OVERRIDE)
            fprintf(f, "override  week %s  path %s  kpi %s  value %.17g  "
                    "author %s\n%s\n\n", week, *where ? where : "(company)",
                    p->kpi, p->value, p->author, p->text);
        else if (p->kind == FP_PENDING_ACTION)
            fprintf(f, "action  week %s  path %s  owner %s  due %s  "
                    "author %s\n%s\n\n", week, *where ? where : "(company)",
                    p->owner, due, p->author, p->text);
        else
            fprintf(f, "week %s  path %s  kpi %s  cause %s  author %s\n%s"
                    "\n\n", week, *where ? where : "(company)",
                    p->kpi ? p->kpi : "-", p->cause, p->author, p->text);
    }
    return fclose(f) == 0;
}

/* The file could not be written: the texts go to the terminal after the
 * screen is restored (the last place left). */
static void unsaved_to_message(fp_ui *ui, const char *path, const char *why)
{
    char *msg = ui->meet.exit_msg;
    size_t msgsz = sizeof ui->meet.exit_msg;
    size_t o = (size_t)snprintf(msg, msgsz, _("fupan: cannot write %s (%s);"
                                " the notes not saved:"), path, why);
    for (size_t i = 0; i < ui->meet.npending && o < msgsz; i++)
        o += (size_t)snprintf(msg + o, msgsz - o, "\n  [%s] %s",
                              ui->meet.pending[i].cause
                                  ? ui->meet.pending[i].cause
                                  : pending_kind(&ui->meet.pending[i]),
                              ui->meet.pending[i].text);
}

static void drop_pending(fp_ui *ui)
{
    for (size_t i = 0; i < ui->meet.npending; i++)
        pending_free(&ui->meet.pending[i]);
    ui->meet.npending = 0;
}

bool fp_meet_may_quit(fp_ui *ui)
{
    if (ui->meet.npending == 0 || fp_meet_retry(ui) == 0)
        return true;
    char q[512], path[4096];
    snprintf(q, sizeof q, ngettext("%zu note is not in the database yet. "
             "Write it to a file and quit? (y/N) ", "%zu notes are not in "
             "the database yet. Write them to a file and quit? (y/N) ",
             ui->meet.npending), ui->meet.npending);
    if (!ui->stop && fp_ask(ui, q, "yn") != 'y')
        return false;
    char *msg = ui->meet.exit_msg;
    size_t msgsz = sizeof ui->meet.exit_msg;
    if (write_unsaved(ui, path, sizeof path))
        snprintf(msg, msgsz, _("fupan: notes not saved in the database are "
                 "in %s"), path);
    else
        unsaved_to_message(ui, path, strerror(errno));
    drop_pending(ui); /* handed over: to the file or to the terminal */
    return true;
}
