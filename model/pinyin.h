/* Chinese names for people: pinyin order and pinyin search (ICU).
 * Plain C over ICU (no curses, no SQLite), unit-tested directly.
 * The ICU collator and transliterator are opened on first use and kept
 * for the rest of the run; fp_pinyin_done closes them (tests, leak
 * checks). When ICU cannot open them the functions fall back to byte
 * order and plain substring search. */
#ifndef FUPAN_MODEL_PINYIN_H
#define FUPAN_MODEL_PINYIN_H

#include <stdbool.h>
#include <stddef.h>

/* Display order of two names (UTF-8): in Chinese (fp_ui_lang) pinyin
 * order, ICU's "zh" collation (陈杰 < 李娜 < 王强 < 张伟), else byte
 * order (strcmp). <0, 0, >0 like strcmp. */
int fp_name_cmp(const char *a, const char *b);

/* Writes name's pinyin, lower case, syllables and words separated by one
 * space ("王强" -> "wang qiang", "泰国 TikTok 店" -> "tai guo tiktok
 * dian"; ICU "Han-Latin; Latin-ASCII"). Returns false (out = "") when
 * the name cannot be transliterated. */
bool fp_pinyin(const char *name, char *out, size_t outsz);

/* True when the search text query finds name: as a substring of the
 * name (ASCII without case), of its full pinyin without spaces
 * ("wangqiang", "qiang"), or of its pinyin initials ("wq"). Spaces in
 * query are ignored for the pinyin tests ("wang qiang"). An empty query
 * matches everything. */
bool fp_name_matches(const char *name, const char *query);

/* Closes what the functions above opened. They reopen on the next use. */
void fp_pinyin_done(void);

/* Registers, once, an exit handler that closes every ICU object fupan
 * keeps (pinyin.c, wrap.c) and frees ICU's own caches (u_cleanup), so
 * that leak checkers see nothing left. Called by the first ICU use. */
void fp_icu_at_exit(void);

#endif
