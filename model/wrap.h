/* Where a line of running text may break: the rule the text minutes
 * wrap by, in both languages. Plain C over ICU's word segmentation
 * (no curses, no SQLite), unit-tested directly.
 *
 * A line may break at a space (dropped), or between two characters when
 * one of them is wide (CJK) and ICU's dictionary puts a word boundary
 * there. It never breaks:
 * - inside a word: a Latin word, a number ("118,200", "1.5", "W45"), or
 *   a Chinese word ("达成率" may break as 达成|率, never as 达|成);
 * - between a number and its unit, with or without a space between:
 *   "25.1万", "3 天", "60%", "3 条", nor between a currency code and
 *   its amount: "MYR 118,200";
 * - after a status mark: "✖ 退货率" stays together;
 * - before closing punctuation ("，", "。", ")") or after opening
 *   punctuation ("(", "「", "《") (a light form of kinsoku).
 * Only a word longer than the whole line is cut where it fills it. */
#ifndef FUPAN_MODEL_WRAP_H
#define FUPAN_MODEL_WRAP_H

#include <stddef.h>

/* Bytes of s (UTF-8, sanitised: no control characters) that go on a
 * line of cols columns, at least one character; *skip gets the bytes to
 * drop after them (1 for a space broken at, else 0). All of s when it
 * fits. */
size_t fp_wrap_point(const char *s, int cols, size_t *skip);

/* Closes the word segmenter fp_wrap_point opened (tests, leak checks);
 * it reopens on the next use. */
void fp_wrap_done(void);

#endif
