/* The TUI's shared state and the contracts between the main loop, the
 * views and the drawing helpers. Private to tui/.
 *
 * Actions return reaction flags; only the main loop redraws and handles
 * KEY_RESIZE (never curses in a signal handler). Views follow tig: one
 * file per view with a small ops table and a private struct; the ui keeps
 * a stack of open views (drill pushes, back pops, so the cursor returns to
 * the row you came from). */
#ifndef FUPAN_TUI_UI_H
#define FUPAN_TUI_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "storage/review.h"
#include "tui/action.h"
#include "tui/annot.h"
#include "tui/keymap.h"
#include "tui/keysrc.h"
#include "tui/meet.h"
#include "tui/tui.h"

/* Reaction flags returned by actions and event handlers. */
enum {
    FP_R_NONE = 0,
    FP_R_REDRAW = 1,     /* draw the frame again */
    FP_R_RELOAD = 2,     /* reload data (another process or we wrote) */
    FP_R_QUIT = 4,
    FP_R_RESIZE = 8,     /* the terminal size changed */
    FP_R_UNHANDLED = 16  /* a view did not handle the action */
};

/* Colours are named by meaning; themes map them to curses attributes. */
typedef enum {
    FP_C_NORMAL, FP_C_HEADER, FP_C_CRUMB, FP_C_BADGE, FP_C_CLOCK,
    FP_C_COLHEAD, FP_C_TITLE, FP_C_CURSOR, FP_C_DIM, FP_C_MARK,
    FP_C_NOSTATUS, FP_C_GREEN, FP_C_AMBER, FP_C_RED,
    FP_C_NOSTATUS_SEL, FP_C_GREEN_SEL, FP_C_AMBER_SEL, FP_C_RED_SEL,
    FP_C_INFO, FP_C_WARN, FP_C_ERROR, FP_C_BAR_KEY, FP_C_BAR_LABEL,
    FP_C_BAR_OFF, FP_C_COUNT
} fp_color;

/* The themes, in the order T cycles through them. */
typedef enum {
    FP_THEME_DEFAULT, FP_THEME_CONTRAST, FP_THEME_MONO, FP_THEME_COUNT
} fp_theme;

typedef enum { FP_MSG_INFO, FP_MSG_WARN, FP_MSG_ERROR } fp_msg_level;

/* Glyph set: UTF-8 or ASCII when the locale cannot show UTF-8. */
typedef struct {
    const char *status[4];   /* by fp_status: none, green, amber, red */
    const char *spark[8];
    const char *up, *down, *flat;
    const char *crumb_sep, *dot, *dash, *cursor, *hline, *range;
    const char *arrow;       /* "from -> to" */
    const char *overridden;  /* after a value set by hand */
    const char *provisional; /* after a value still inside its maturity */
} fp_glyphs;

typedef struct { int y, x, h, w; } fp_rect;

typedef struct fp_ui fp_ui;
typedef struct fp_view fp_view;

/* What a view is opened on. */
typedef struct {
    int node;       /* tree node index */
    int person;     /* person index, or -1 */
    const void *data; /* what else the view needs (text view: its text) */
} fp_view_arg;

typedef struct {
    const char *name;
    fp_keyctx ctx;
    /* Returns the view's private state, NULL on failure. */
    void *(*open)(fp_ui *ui, const fp_view_arg *arg);
    void (*draw)(fp_view *v, fp_ui *ui, fp_rect area);
    /* Reaction flags; FP_R_UNHANDLED to let the ui handle the action. */
    int (*request)(fp_view *v, fp_ui *ui, fp_action act);
    int (*mouse)(fp_view *v, fp_ui *ui, const fp_event *ev);
    /* The tree was reloaded: re-resolve indices (may be NULL). */
    void (*reload)(fp_view *v, fp_ui *ui);
    /* Key context right now (focus may change it); NULL: ctx. */
    fp_keyctx (*context)(fp_view *v);
    /* Node and KPI under the cursor (kpi -1 when none); may be NULL. */
    void (*cursor)(fp_view *v, fp_ui *ui, int *node, int *kpi);
    /* Puts the cursor on node (a row) and kpi (detail), if shown. */
    bool (*select)(fp_view *v, fp_ui *ui, int node, int kpi);
    /* Extra breadcrumb part after the node ("people"), NULL: none. */
    const char *(*crumb)(fp_view *v, fp_ui *ui);
    /* A hint for the status line when there is no message; returns its
     * level, or -1 for none. May be NULL. */
    int (*hint)(fp_view *v, fp_ui *ui, char *buf, size_t bufsz);
    /* Actions for the key bar, in order, ended by FP_ACT_NONE (help and
     * quit are always added). */
    const fp_action *bar;
    void (*done)(void *priv);
} fp_view_ops;

struct fp_view {
    const fp_view_ops *ops;
    void *priv;
    int node;        /* what the breadcrumb shows */
    long long node_db; /* the same, by database id, to survive reloads */
};

#define FP_VIEW_MAX 16
#define FP_FX_MAX 32

struct fp_ui {
    fp_review *rv;
    const fp_tui_opts *opts;
    fp_keymap *km;
    fp_keysrc *keys;
    fp_week week;
    fp_period_kind period;   /* P: the week, its month or its quarter */
    bool read_only;
    bool utf8;
    bool headless;
    bool file_sound;         /* the start check passed (or was not due) */
    const fp_glyphs *gl;
    int attr[FP_C_COUNT];    /* curses attributes per colour */
    fp_theme theme;          /* the theme in use (T cycles) */
    bool reporting;          /* $: money in the reporting currency */
    struct {                 /* the week's FX rates (money.c) */
        fp_fx rate[FP_FX_MAX];
        size_t n;
        fp_week week;
        unsigned gen;
        bool loaded;
    } fx;
    fp_view stack[FP_VIEW_MAX];
    int depth;
    unsigned gen;            /* bumped when data or week changes */
    char msg[512];
    fp_msg_level msg_level;
    const char *prompt;      /* non-NULL while a prompt is open */
    const char *prompt_text;
    long start;              /* clock start, seconds */
    int red_root;            /* node the next-red walk runs below, -1 */
    int red_node, red_kpi;   /* where the walk last stopped, -1 */
    char search[256];        /* last search text */
    fp_annot annot;          /* notes and action items on screen */
    struct {                 /* stop-loss per row of the rollup on screen
                                (alerts.c): a daily rule reads SQL, so each
                                row is judged once per data or week change */
        signed char *hit;    /* per row: 0 not judged, 1 no, 2 yes */
        int nrows;
        unsigned gen;
        const fp_rollup *r;
        int roas;            /* r's ROAS KPI, the one flagged; -1 */
    } stoploss;
    fp_meet meet;            /* drafts, writes waiting for the database */
    bool stop;               /* end every loop: signal or script ended */
    bool dumped;             /* headless: the final screen was printed */
    /* Sparklines of weeks not computed yet are left out of a frame and
     * filled by the next one when no key is waiting (first frame fast). */
    bool trends_now;         /* this frame may compute trends */
    bool trends_pending;     /* this frame left some out */
    /* A box drawn over the view (editor, picker), after the status line;
     * it may put the terminal cursor at (*cy, *cx). NULL: none. */
    void (*overlay)(fp_ui *ui, void *ctx, int *cy, int *cx);
    void *overlay_ctx;
};

#define FP_MIN_COLS 40
#define FP_MIN_ROWS 12

/* ---- ui.c: state, messages, view stack ---- */
void fp_ui_msg(fp_ui *ui, fp_msg_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
fp_view *fp_ui_top(fp_ui *ui);
/* The next event for any loop (main loop, prompt, editor, picker). When
 * a key script ends, the screen as it is (prompt or editor open) is
 * printed and ui->stop set. */
void fp_ui_next(fp_ui *ui, fp_event *ev, int timeout_ms);
bool fp_ui_push(fp_ui *ui, const fp_view_ops *ops, const fp_view_arg *arg);
void fp_ui_pop(fp_ui *ui);
void fp_ui_pop_all(fp_ui *ui);
/* The current week's rollup, or NULL (message set). */
const fp_rollup *fp_ui_rollup(fp_ui *ui);
/* fp_review_trend for the week on screen; false (and trends_pending set)
 * when computing it would delay this frame. */
bool fp_ui_trend(fp_ui *ui, int row, int kpi, double *out);
/* Previous week's rollup for WoW, or NULL. */
const fp_rollup *fp_ui_prev_rollup(fp_ui *ui);
const fp_tree *fp_ui_tree(fp_ui *ui);
const fp_catalogue *fp_ui_cat(fp_ui *ui);
/* Reloads after another process wrote (or force): re-resolves views. */
bool fp_ui_refresh(fp_ui *ui, bool force);
/* Rebuilds the stack so that node is the selected row; with kpi >= 0 the
 * detail panel has the focus, on that KPI. */
void fp_ui_goto(fp_ui *ui, int node, int kpi);
/* The tree node a note or override on a person's scorecard goes to: their
 * node below `under` where kpi is worst (the first when kpi < 0), else
 * their first node anywhere; -1 when they have none. */
int fp_ui_person_node(fp_ui *ui, int person, int under, int kpi);

/* ---- alerts.c: budget ceilings and the stop-loss (issue 16) ---- */
/* True when the card of row (a person node: the person's card) is
 * flagged 止损 and kpi is its roas. */
bool fp_ui_stoploss(fp_ui *ui, int row, int kpi);
/* Same in rollup r (the one on screen), for a loop over many cells. */
bool fp_ui_stoploss_in(fp_ui *ui, const fp_rollup *r, int row, int kpi);
/* Frees the stop-loss judgements kept by fp_ui_stoploss. */
void fp_ui_stoploss_done(fp_ui *ui);
/* Appends "止损 stop-loss; " and "cap, headroom X; " (or "over the cap
 * by X; ") as they apply to the cell to out; returns the bytes written
 * (snprintf-style). */
size_t fp_ui_alert_marks(fp_ui *ui, int row, int kpi, const fp_cell *c,
                         char *out, size_t outsz);
/* "试点 Host": the role label of a pilot card (试点); a static
 * buffer, valid until the next call. */
const char *fp_ui_pilot_label(fp_ui *ui, const char *label);

/* ---- money.c: money as shown (the $ toggle) ---- */
/* The reporting currency ("USD"). */
const char *fp_ui_reporting_currency(fp_ui *ui);
/* Value v of kpi at rollup row as the screen shows it: money converted
 * into the reporting currency while ui->reporting (NAN when the week has
 * no rate for the row's currency). *currency (may be NULL) gets the
 * currency of the result, "" for a KPI that is not money. */
double fp_ui_value(fp_ui *ui, int row, int kpi, double v,
                   const char **currency);
/* fp_fmt_kpi of that value with its currency ("PHP 251,097"), "no rate"
 * when it cannot be converted. */
void fp_ui_fmt_value(fp_ui *ui, int row, int kpi, double v, char *out,
                     size_t outsz);

/* ---- theme.c ---- */
/* Starts colours for the theme named (NULL/unknown: default); NO_COLOR
 * or a terminal without colours gives mono. */
void fp_theme_init(fp_ui *ui, const char *name);
int fp_attr(const fp_ui *ui, fp_color c, bool selected);
/* The next theme (default, high-contrast, mono); returns its name. */
const char *fp_theme_cycle(fp_ui *ui);
const fp_glyphs *fp_glyphs_get(bool utf8);

/* ---- draw.c: every text goes through fp_text_fit ---- */
/* Draws text cut/padded to w columns at (y, x); returns columns used. */
int fp_draw(fp_ui *ui, int y, int x, int w, const char *text, int attr);
int fp_draw_right(fp_ui *ui, int y, int x, int w, const char *text, int attr);
void fp_draw_fill(fp_ui *ui, int y, int x, int w, int attr);
/* A titled rule "── title ─────" across w columns. */
void fp_draw_rule(fp_ui *ui, int y, int x, int w, const char *title,
                  int attr);
/* Sparkline of n values (NAN gaps) into out. */
void fp_sparkline(const fp_ui *ui, const double *v, int n, char *out,
                  size_t outsz);
fp_color fp_status_color(int status);

/* ---- frame.c ---- */
void fp_frame_draw(fp_ui *ui);
/* The area between the summary line and the status line. */
fp_rect fp_frame_body(const fp_ui *ui);
/* ---- summary.c: the line under the header ---- */
void fp_summary_draw(fp_ui *ui, int y);

/* A band across the body for editors and pickers: a titled rule on top,
 * h - 2 blank lines, a dim hint line at the bottom. */
void fp_draw_band(fp_ui *ui, fp_rect r, const char *title, const char *hint);
/* Where a band of h lines goes: the lower part of the body. */
fp_rect fp_band_rect(const fp_ui *ui, int h);

/* ---- prompt.c ---- */
/* One step of a modal loop (prompt, question, picker): draws the frame,
 * waits for the next event, handles the end of input and a resize. True
 * with *key when a key came. */
bool fp_modal_key(fp_ui *ui, fp_key *key);
/* Reads a line on the status line; false when cancelled (or ui->stop). */
bool fp_prompt(fp_ui *ui, const char *label, char *out, size_t outsz);
/* Same, starting from text (a default the user can edit). */
bool fp_prompt_with(fp_ui *ui, const char *label, const char *text,
                    char *out, size_t outsz);

/* ---- nav.c: cross-hierarchy moves ---- */
/* n/N: the next (dir > 0) or previous red KPI below where the walk
 * started, worst first ([ui] red_order = tree: in tree order). */
int fp_nav_red(fp_ui *ui, int dir);
/* The same within one scorecard: row's KPIs kpis[0..n), from the KPI cur;
 * returns the KPI to put the cursor on, -1 when none is red (message). */
int fp_nav_red_card(fp_ui *ui, int row, const int *kpis, int n, int cur,
                    int dir);
/* The worst red KPI among kpis[0..n) of row, -1 when none is red. */
int fp_nav_worst_red(fp_ui *ui, int row, const int *kpis, int n);
int fp_nav_search(fp_ui *ui);
int fp_nav_goto_week(fp_ui *ui);
int fp_nav_week(fp_ui *ui, int delta);
/* P: week -> month -> quarter -> week, around the week on screen. */
int fp_nav_cycle_period(fp_ui *ui);
/* The period on screen: ui->week's week, month or quarter. */
fp_period fp_ui_period(const fp_ui *ui);

/* ---- views ---- */
extern const fp_view_ops fp_view_table_ops;
extern const fp_view_ops fp_view_people_ops;
extern const fp_view_ops fp_view_person_ops;
extern const fp_view_ops fp_view_help_ops;
extern const fp_view_ops fp_view_notes_ops;
extern const fp_view_ops fp_view_actions_ops;
extern const fp_view_ops fp_view_text_ops;

/* ---- view_text.c: a scrollable text (minutes, histories) ---- */
/* Pushes a text view showing text (copied) under title; kind tells the
 * key bar what it is ("minutes" shows export). */
bool fp_text_view_open(fp_ui *ui, const char *title, const char *text,
                       bool minutes);

#endif
