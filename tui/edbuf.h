/* The editing buffer behind the text editor: wide characters with a
 * cursor; insert, delete, cursor moves and the wrap layout at a width in
 * terminal columns (a CJK character is two columns and is never split).
 * No curses, so it is unit-tested directly; it needs a UTF-8 locale
 * (fp_locale_init) for wcwidth and the UTF-8 conversions.
 * Ownership: fp_edbuf_init/fp_edbuf_done and fp_edlayout_init/
 * fp_edlayout_done (both embedded); fp_edbuf_text returns a new string. */
#ifndef FUPAN_TUI_EDBUF_H
#define FUPAN_TUI_EDBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

typedef struct {
    wchar_t *s;          /* the text, NUL-terminated once allocated */
    size_t len, cap;
    size_t cur;          /* cursor: index 0..len */
    size_t max;          /* most characters kept, 0: no limit */
    bool multiline;      /* false: a newline becomes a space */
    int goal;            /* column kept by up/down moves, -1: none */
    unsigned changes;    /* bumped on every change of the text */
} fp_edbuf;

void fp_edbuf_init(fp_edbuf *b, bool multiline, size_t max_chars);
void fp_edbuf_done(fp_edbuf *b);
/* Replaces the text with UTF-8 text (control characters dropped, tabs as
 * spaces, invalid bytes as U+FFFD); the cursor goes to the end. */
bool fp_edbuf_set(fp_edbuf *b, const char *utf8);
/* The text as a new UTF-8 string (caller frees); NULL when out of memory. */
char *fp_edbuf_text(const fp_edbuf *b);
/* True when the text holds nothing but blanks (ASCII, U+3000). */
bool fp_edbuf_blank(const fp_edbuf *b);

/* Inserts one character at the cursor: a newline in a multi-line buffer
 * (a space otherwise), a tab as a space; other control characters and
 * anything past the limit are refused (false). */
bool fp_edbuf_insert(fp_edbuf *b, wchar_t c);
/* Inserts UTF-8 text character by character; returns how many went in. */
size_t fp_edbuf_insert_utf8(fp_edbuf *b, const char *utf8);
bool fp_edbuf_backspace(fp_edbuf *b);
bool fp_edbuf_delete(fp_edbuf *b);
bool fp_edbuf_left(fp_edbuf *b);
bool fp_edbuf_right(fp_edbuf *b);
/* Start and end of the line the cursor is on (lines end at newlines). */
void fp_edbuf_home(fp_edbuf *b);
void fp_edbuf_end(fp_edbuf *b);
/* Ctrl-U: deletes from the line's start to the cursor. Ctrl-K: from the
 * cursor to the line's end, or the newline when already there. Return
 * the number of characters deleted. */
size_t fp_edbuf_kill_before(fp_edbuf *b);
size_t fp_edbuf_kill_after(fp_edbuf *b);

/* ---- wrap layout ---- */

typedef struct {
    size_t start, end;   /* characters [start, end) of the buffer, without
                            the newline that may end the line */
    int width;           /* columns */
} fp_edline;

typedef struct {
    fp_edline *v;
    size_t n, cap;
    int cols;
} fp_edlayout;

void fp_edlayout_init(fp_edlayout *L);
void fp_edlayout_done(fp_edlayout *L);
/* Breaks the text into screen lines of at most cols columns: at a space
 * when a word would be cut, else between characters. Every buffer has
 * at least one line. False when out of memory. */
bool fp_edlayout_build(fp_edlayout *L, const fp_edbuf *b, int cols);
/* Screen line and column of the cursor. */
void fp_edlayout_cursor(const fp_edlayout *L, const fp_edbuf *b, int *row,
                        int *col);
/* Moves the cursor delta screen lines up (< 0) or down, keeping its
 * column where the line allows; false when it cannot move. */
bool fp_edbuf_vmove(fp_edbuf *b, const fp_edlayout *L, int delta);
/* UTF-8 of screen line i into out (cut at outsz). */
void fp_edlayout_line(const fp_edlayout *L, const fp_edbuf *b, size_t i,
                      char *out, size_t outsz);

/* Columns a character takes (0 for combining marks, 1 for unprintable). */
int fp_wchar_cols(wchar_t c);

#endif
