/* UTF-8 text measured and cut by terminal columns (a CJK character is
 * two columns), and made safe to draw. Plain C: uses the C library's
 * wcwidth, so call fp_locale_init() once at start-up. */
#ifndef FUPAN_MODEL_TEXT_H
#define FUPAN_MODEL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/buf.h"

/* setlocale(LC_ALL, ""), falling back to C.UTF-8 when that fails or is
 * not UTF-8; LC_NUMERIC is then set to "C" so numbers always print and
 * parse with '.'. Returns true when the result is a UTF-8 locale. */
bool fp_locale_init(void);

/* True when s[0..len) is valid UTF-8; else *bad_at is the offset of the
 * first bad byte. */
bool fp_utf8_valid(const char *s, size_t len, size_t *bad_at);

/* Display width in columns of a UTF-8 string after sanitising (an
 * escaped control such as "\x1b" counts as four columns). */
int fp_text_width(const char *s);

/* The one rule for text from data on its way to a terminal (TUI, CLI,
 * errors, minutes, lists): returns a new string (caller frees) where
 * - tabs, CR and LF become a space;
 * - other control characters (C0, DEL, C1, ESC included) are shown
 *   escaped as "\xHH" (ESC -> "\x1b", U+009B -> "\x9b"), and so is
 *   each byte that is not valid UTF-8;
 * - bidi controls (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069) and
 *   zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are shown
 *   visibly as "<U+202E>", so a name cannot reorder or hide its line.
 * Everything else is kept. Never NULL except on allocation failure.
 * fp_text_fit and fp_text_width apply the same rule. */
char *fp_text_sanitize(const char *s);

/* Writes s to f by the same rule, without allocating; false on a write
 * error. */
bool fp_text_fputs(const char *s, FILE *f);
/* s as a CSV field (model/list_out.h's fp_csv_field: quoted only when it
 * must be), then ',' or (last) a newline. */
void fp_text_csv_field(FILE *f, const char *s, bool last);

/* Markdown, for minutes and chat messages (one rule for both): data can
 * make no markup. fp_md_escape: a backslash before every character that
 * could make markup or HTML (\ ` * _ [ ] < | ~) in the middle of a
 * line. fp_md_escape_line: the same for text at the start of a line or
 * list item, which also cannot open a heading, quote, list or rule
 * ("# x", "> x", "- x", "1. x"). s is already sanitised. */
void fp_md_escape(fp_buf *b, const char *s);
void fp_md_escape_line(fp_buf *b, const char *s);
/* s padded (or cut) to cols display columns, left- or right-aligned,
 * then a space: one column of a plain-text table. */
void fp_text_column(FILE *f, const char *s, int cols, bool right);

/* Columns one character takes once sanitised: "\x1b" is 4, "<U+202E>"
 * 8, a CJK character 2 (for an editor laying out what fp_text_fit
 * will draw). */
int fp_text_char_width(uint32_t cp);

/* True when s holds a bidi control or zero-width character (see
 * fp_text_sanitize): such text is refused as an id. */
bool fp_text_has_invisible(const char *s);

/* Writes into out (size outsz) the sanitised text cut to at most cols
 * columns, ending in "…" when cut, never splitting a character; when pad
 * is true, pads with spaces to exactly cols columns. Returns the width
 * written. */
int fp_text_fit(const char *s, int cols, bool pad, char *out, size_t outsz);

/* Same, right-aligned (padding on the left). */
int fp_text_fit_right(const char *s, int cols, char *out, size_t outsz);

/* Byte length of the UTF-8 character at s (1 for an invalid byte). */
int fp_utf8_len(const char *s);
/* The UTF-8 character at s (at most avail bytes): its length, with the
 * code point in *cp; 0 when it is not valid UTF-8 (overlong, surrogate,
 * beyond U+10FFFF, cut short). */
int fp_utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp);

#endif
