/* UTF-8 text measured and cut by terminal columns (a CJK character is
 * two columns), and made safe to draw. Plain C: uses the C library's
 * wcwidth, so call fp_locale_init() once at start-up. */
#ifndef FUPAN_MODEL_TEXT_H
#define FUPAN_MODEL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* setlocale(LC_ALL, ""), falling back to C.UTF-8 when that fails or is
 * not UTF-8; LC_NUMERIC is then set to "C" so numbers always print and
 * parse with '.'. Returns true when the result is a UTF-8 locale. */
bool fp_locale_init(void);

/* True when s[0..len) is valid UTF-8; else *bad_at is the offset of the
 * first bad byte. */
bool fp_utf8_valid(const char *s, size_t len, size_t *bad_at);

/* Display width in columns of a UTF-8 string (after sanitising: each
 * control character or invalid byte counts as one column). */
int fp_text_width(const char *s);

/* Returns a new string (caller frees) where control characters (C0, DEL,
 * C1, including ESC) and invalid bytes are replaced by '?', and tabs and
 * newlines by a space. Never NULL except on allocation failure. */
char *fp_text_sanitize(const char *s);

/* Writes into out (size outsz) the sanitised text cut to at most cols
 * columns, ending in "…" when cut, never splitting a character; when pad
 * is true, pads with spaces to exactly cols columns. Returns the width
 * written. */
int fp_text_fit(const char *s, int cols, bool pad, char *out, size_t outsz);

/* Same, right-aligned (padding on the left). */
int fp_text_fit_right(const char *s, int cols, char *out, size_t outsz);

/* Byte length of the UTF-8 character at s (1 for an invalid byte). */
int fp_utf8_len(const char *s);

#endif
