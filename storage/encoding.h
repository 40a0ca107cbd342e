/* Text encodings of imported files: UTF-8 (with or without BOM), or
 * GB18030 as Excel writes it on Chinese Windows, converted with iconv.
 * Ownership: fp_decode_text fills an fp_decoded; fp_decoded_done frees. */
#ifndef FUPAN_STORAGE_ENCODING_H
#define FUPAN_STORAGE_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    FP_ENC_AUTO,     /* UTF-8 if valid, else GB18030 if that decodes cleanly */
    FP_ENC_UTF8,
    FP_ENC_GB18030
} fp_encoding;

/* "utf-8", "gb18030" ("auto" for FP_ENC_AUTO). */
const char *fp_encoding_name(fp_encoding enc);
/* Accepts utf-8/utf8 and gb18030 (also gbk/gb2312, subsets of GB18030),
 * in any case. False for anything else. */
bool fp_encoding_parse(const char *name, fp_encoding *out);

typedef struct {
    char *text;          /* UTF-8 without BOM, NUL-terminated (owned) */
    size_t len;          /* bytes, without the NUL */
    fp_encoding encoding; /* what the input was: UTF8 or GB18030 */
    bool converted;      /* true when the input was GB18030 */
    bool had_bom;
    /* On failure: */
    size_t bad_at;       /* offset in the input of the first bad byte */
    int bad_line;        /* its 1-based line */
    unsigned char bad_byte;
    const char *why;     /* static English text */
} fp_decoded;

/* Decodes bytes[0..len) as asked. Returns false when the input is not
 * valid in the forced encoding (or, for AUTO, in neither), with bad_at,
 * bad_line, bad_byte and why set; text is NULL then. Also false with
 * why = "out of memory". Always call fp_decoded_done. */
bool fp_decode_text(const char *bytes, size_t len, fp_encoding want,
                    fp_decoded *out);
void fp_decoded_done(fp_decoded *d);

#endif
