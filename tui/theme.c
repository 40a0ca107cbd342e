/* Colour themes: colours named by meaning, mapped per theme to curses
 * colour pairs and attributes. -1 is the terminal's default colour, so the
 * default background is kept (use_default_colors). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

typedef struct { short fg, bg; int attr; } fp_style;

#define DEF (-1)

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
    [FP_C_NOSTATUS] = { DEF, DEF, A_DIM },
    [FP_C_GREEN] = { COLOR_GREEN, DEF, A_BOLD },
    [FP_C_AMBER] = { COLOR_YELLOW, DEF, A_BOLD },
    [FP_C_RED] = { COLOR_RED, DEF, A_BOLD },
    [FP_C_NOSTATUS_SEL] = { COLOR_BLACK, COLOR_CYAN, 0 },
    [FP_C_GREEN_SEL] = { COLOR_GREEN, COLOR_CYAN, A_BOLD },
    [FP_C_AMBER_SEL] = { COLOR_YELLOW, COLOR_CYAN, A_BOLD },
    [FP_C_RED_SEL] = { COLOR_RED, COLOR_CYAN, A_BOLD },
    [FP_C_INFO] = { DEF, DEF, 0 },
    [FP_C_WARN] = { COLOR_YELLOW, DEF, A_BOLD },
    [FP_C_ERROR] = { COLOR_RED, DEF, A_BOLD },
    [FP_C_BAR_KEY] = { COLOR_BLACK, COLOR_CYAN, 0 },
    [FP_C_BAR_LABEL] = { DEF, DEF, 0 },
    [FP_C_BAR_OFF] = { DEF, DEF, A_DIM },
};

/* For projectors: black on white cursor, no dim text, everything bold. */
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
    [FP_C_NOSTATUS] = { DEF, DEF, A_BOLD },
    [FP_C_GREEN] = { COLOR_GREEN, DEF, A_BOLD },
    [FP_C_AMBER] = { COLOR_YELLOW, DEF, A_BOLD },
    [FP_C_RED] = { COLOR_RED, DEF, A_BOLD },
    [FP_C_NOSTATUS_SEL] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
    [FP_C_GREEN_SEL] = { COLOR_WHITE, COLOR_GREEN, A_BOLD },
    [FP_C_AMBER_SEL] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
    [FP_C_RED_SEL] = { COLOR_WHITE, COLOR_RED, A_BOLD },
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

static void apply_styles(fp_ui *ui, const fp_style *t)
{
    for (int c = 0; c < FP_C_COUNT; c++) {
        short pair = (short)(c + 1);
        init_pair(pair, t[c].fg, t[c].bg);
        ui->attr[c] = (int)COLOR_PAIR(pair) | t[c].attr;
    }
}

void fp_theme_init(fp_ui *ui, const char *name)
{
    bool mono = name && strcmp(name, "mono") == 0;
    if (mono || !want_colour() || start_color() != OK
        || COLOR_PAIRS < FP_C_COUNT + 1) {
        for (int c = 0; c < FP_C_COUNT; c++)
            ui->attr[c] = theme_mono[c];
        return;
    }
    use_default_colors();
    if (name && strcmp(name, "high-contrast") == 0)
        apply_styles(ui, theme_contrast);
    else
        apply_styles(ui, theme_default);
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
};

static const fp_glyphs glyphs_ascii = {
    .status = { ".", "o", "~", "X" },
    .spark = { "_", ".", "-", "~", "=", "+", "*", "#" },
    .up = "^", .down = "v", .flat = "=",
    .crumb_sep = " > ", .dot = "-", .dash = "-", .cursor = ">",
    .hline = "-", .range = "-", .arrow = "->",
};

const fp_glyphs *fp_glyphs_get(bool utf8)
{
    return utf8 ? &glyphs_utf8 : &glyphs_ascii;
}
