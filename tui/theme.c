/* Colour themes: colours named by meaning, mapped per theme to curses
 * colour pairs and attributes. -1 is the terminal's default colour, so the
 * default background is kept (use_default_colors). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

typedef struct { short fg, bg; int attr; } fp_style;

#define DEF (-1)
/* The bright half of the 16 system colours; on an 8-colour terminal the
 * base colour is used (bold shows it bright on most). */
#define BRIGHT(c) ((c) + 8)
#define GREY BRIGHT(COLOR_BLACK)

/* Status colours are the bright ones (9-11), which keep 4.5:1 (WCAG AA)
 * against black; on the cursor row the status cells keep their own
 * colours instead of taking the cursor's background (green or amber on
 * cyan was 1.1:1). The default theme draws on the terminal's background
 * and is made for a dark one; high-contrast names every status cell's
 * background, so it holds on any terminal and projector. Checked by
 * tests/unit/test_theme.c. */
static const fp_style theme_default[FP_C_COUNT] = {
    [FP_C_NORMAL] = { DEF, DEF, 0 },
    [FP_C_HEADER] = { DEF, DEF, A_BOLD },
    [FP_C_CRUMB] = { COLOR_CYAN, DEF, A_BOLD },
    [FP_C_BADGE] = { COLOR_WHITE, COLOR_RED, A_BOLD },
    [FP_C_CLOCK] = { COLOR_YELLOW, DEF, 0 },
    [FP_C_COLHEAD] = { DEF, DEF, A_BOLD | A_UNDERLINE },
    [FP_C_TITLE] = { COLOR_CYAN, DEF, A_BOLD },
    [FP_C_CURSOR] = { COLOR_BLACK, COLOR_CYAN, 0 },
    [FP_C_DIM] = { DEF, DEF, A_DIM },
    [FP_C_MARK] = { COLOR_MAGENTA, DEF, A_BOLD },
    [FP_C_NOSTATUS] = { GREY, DEF, 0 },
    [FP_C_GREEN] = { BRIGHT(COLOR_GREEN), DEF, A_BOLD },
    [FP_C_AMBER] = { BRIGHT(COLOR_YELLOW), DEF, A_BOLD },
    [FP_C_RED] = { BRIGHT(COLOR_RED), DEF, A_BOLD },
    [FP_C_NOSTATUS_SEL] = { GREY, DEF, A_BOLD },
    [FP_C_GREEN_SEL] = { BRIGHT(COLOR_GREEN), DEF, A_BOLD },
    [FP_C_AMBER_SEL] = { BRIGHT(COLOR_YELLOW), DEF, A_BOLD },
    [FP_C_RED_SEL] = { BRIGHT(COLOR_RED), DEF, A_BOLD },
    [FP_C_INFO] = { DEF, DEF, 0 },
    [FP_C_WARN] = { COLOR_YELLOW, DEF, A_BOLD },
    [FP_C_ERROR] = { COLOR_RED, DEF, A_BOLD },
    [FP_C_BAR_KEY] = { COLOR_BLACK, COLOR_CYAN, 0 },
    [FP_C_BAR_LABEL] = { DEF, DEF, 0 },
    [FP_C_BAR_OFF] = { DEF, DEF, A_DIM },
};

/* For projectors: black on yellow cursor, no dim text, everything bold,
 * status cells bright on black whatever the terminal's background. */
static const fp_style theme_contrast[FP_C_COUNT] = {
    [FP_C_NORMAL] = { DEF, DEF, A_BOLD },
    [FP_C_HEADER] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
    [FP_C_CRUMB] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
    [FP_C_BADGE] = { COLOR_WHITE, COLOR_RED, A_BOLD },
    [FP_C_CLOCK] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
    [FP_C_COLHEAD] = { DEF, DEF, A_BOLD | A_UNDERLINE },
    [FP_C_TITLE] = { DEF, DEF, A_BOLD | A_UNDERLINE },
    [FP_C_CURSOR] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
    [FP_C_DIM] = { DEF, DEF, A_BOLD },
    [FP_C_MARK] = { COLOR_MAGENTA, DEF, A_BOLD },
    [FP_C_NOSTATUS] = { BRIGHT(COLOR_WHITE), COLOR_BLACK, A_BOLD },
    [FP_C_GREEN] = { BRIGHT(COLOR_GREEN), COLOR_BLACK, A_BOLD },
    [FP_C_AMBER] = { BRIGHT(COLOR_YELLOW), COLOR_BLACK, A_BOLD },
    [FP_C_RED] = { BRIGHT(COLOR_RED), COLOR_BLACK, A_BOLD },
    [FP_C_NOSTATUS_SEL] = { BRIGHT(COLOR_WHITE), COLOR_BLACK, A_BOLD },
    [FP_C_GREEN_SEL] = { BRIGHT(COLOR_GREEN), COLOR_BLACK, A_BOLD },
    [FP_C_AMBER_SEL] = { BRIGHT(COLOR_YELLOW), COLOR_BLACK, A_BOLD },
    [FP_C_RED_SEL] = { BRIGHT(COLOR_RED), COLOR_BLACK, A_BOLD },
    [FP_C_INFO] = { DEF, DEF, A_BOLD },
    [FP_C_WARN] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
    [FP_C_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
    [FP_C_BAR_KEY] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
    [FP_C_BAR_LABEL] = { DEF, DEF, A_BOLD },
    [FP_C_BAR_OFF] = { DEF, DEF, 0 },
};

/* Monochrome: attributes only (NO_COLOR, or a terminal without colour). */
static const int theme_mono[FP_C_COUNT] = {
    [FP_C_NORMAL] = 0,
    [FP_C_HEADER] = A_BOLD,
    [FP_C_CRUMB] = A_BOLD,
    [FP_C_BADGE] = A_REVERSE | A_BOLD,
    [FP_C_CLOCK] = 0,
    [FP_C_COLHEAD] = A_UNDERLINE,
    [FP_C_TITLE] = A_BOLD,
    [FP_C_CURSOR] = A_REVERSE,
    [FP_C_DIM] = A_DIM,
    [FP_C_MARK] = A_BOLD,
    [FP_C_NOSTATUS] = A_DIM,
    [FP_C_GREEN] = 0,
    [FP_C_AMBER] = A_BOLD,
    [FP_C_RED] = A_BOLD | A_UNDERLINE,
    [FP_C_NOSTATUS_SEL] = A_REVERSE,
    [FP_C_GREEN_SEL] = A_REVERSE,
    [FP_C_AMBER_SEL] = A_REVERSE | A_BOLD,
    [FP_C_RED_SEL] = A_REVERSE | A_BOLD | A_UNDERLINE,
    [FP_C_INFO] = 0,
    [FP_C_WARN] = A_BOLD,
    [FP_C_ERROR] = A_BOLD | A_REVERSE,
    [FP_C_BAR_KEY] = A_REVERSE,
    [FP_C_BAR_LABEL] = 0,
    [FP_C_BAR_OFF] = A_DIM,
};

static bool want_colour(void)
{
    const char *no = getenv("NO_COLOR");
    return !(no && *no) && has_colors();
}

/* A colour this terminal has: the bright ones fall back to their base
 * colour (grey to white) when there are only 8. */
static short usable(short c)
{
    if (c < 8 || COLORS >= 16)
        return c;
    return c == GREY ? COLOR_WHITE : (short)(c - 8);
}

static void apply_styles(fp_ui *ui, const fp_style *t)
{
    for (int c = 0; c < FP_C_COUNT; c++) {
        short pair = (short)(c + 1);
        init_pair(pair, usable(t[c].fg), usable(t[c].bg));
        ui->attr[c] = (int)COLOR_PAIR(pair) | t[c].attr;
    }
}

static void apply_mono(fp_ui *ui)
{
    for (int c = 0; c < FP_C_COUNT; c++)
        ui->attr[c] = theme_mono[c];
}

static const char *const theme_names[FP_THEME_COUNT] = {
    [FP_THEME_DEFAULT] = "default",
    [FP_THEME_CONTRAST] = "high-contrast",
    [FP_THEME_MONO] = "mono",
};

static fp_theme theme_by_name(const char *name)
{
    for (int i = 0; name && i < FP_THEME_COUNT; i++)
        if (strcmp(name, theme_names[i]) == 0)
            return (fp_theme)i;
    return FP_THEME_DEFAULT;
}

void fp_theme_init(fp_ui *ui, const char *name)
{
    ui->theme = theme_by_name(name);
    if (ui->theme == FP_THEME_MONO || !want_colour() || start_color() != OK
        || COLOR_PAIRS < FP_C_COUNT + 1) {
        ui->theme = FP_THEME_MONO;
        apply_mono(ui);
        return;
    }
    use_default_colors();
    apply_styles(ui, ui->theme == FP_THEME_CONTRAST ? theme_contrast
                                                    : theme_default);
}

const char *fp_theme_cycle(fp_ui *ui)
{
    fp_theme next = (fp_theme)((ui->theme + 1) % FP_THEME_COUNT);
    fp_theme_init(ui, theme_names[next]);
    return theme_names[ui->theme];
}

int fp_attr(const fp_ui *ui, fp_color c, bool selected)
{
    if (!selected)
        return ui->attr[c];
    switch (c) {
    case FP_C_NOSTATUS: return ui->attr[FP_C_NOSTATUS_SEL];
    case FP_C_GREEN: return ui->attr[FP_C_GREEN_SEL];
    case FP_C_AMBER: return ui->attr[FP_C_AMBER_SEL];
    case FP_C_RED: return ui->attr[FP_C_RED_SEL];
    default: return ui->attr[FP_C_CURSOR];
    }
}

fp_color fp_status_color(int status)
{
    static const fp_color by_status[] = {
        FP_C_NOSTATUS, FP_C_GREEN, FP_C_AMBER, FP_C_RED
    };
    return (status >= 0 && status < 4) ? by_status[status] : FP_C_NOSTATUS;
}

static const fp_glyphs glyphs_utf8 = {
    .status = { "\xc2\xb7", "\xe2\x97\x8f", "\xe2\x97\x90", "\xe2\x9c\x96" },
    .spark = { "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
               "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" },
    .up = "\xe2\x86\x91", .down = "\xe2\x86\x93", .flat = "\xe2\x86\x92",
    .crumb_sep = " \xe2\x80\xba ", .dot = "\xc2\xb7", .dash = "\xe2\x80\x93",
    .cursor = "\xe2\x96\xb8", .hline = "\xe2\x94\x80",
    .range = "\xe2\x80\x94", .arrow = "\xe2\x86\x92",
    .overridden = "*", .provisional = "~",
};

static const fp_glyphs glyphs_ascii = {
    .status = { ".", "o", "~", "X" },
    .spark = { "_", ".", "-", "~", "=", "+", "*", "#" },
    .up = "^", .down = "v", .flat = "=",
    .crumb_sep = " > ", .dot = "-", .dash = "-", .cursor = ">",
    .hline = "-", .range = "-", .arrow = "->",
    .overridden = "*", .provisional = "?", /* "~" is amber here */
};

const fp_glyphs *fp_glyphs_get(bool utf8)
{
    return utf8 ? &glyphs_utf8 : &glyphs_ascii;
}
