/* Text encodings of imported files: UTF-8 (with or without BOM),
 * GB18030 as Excel writes it on Chinese Windows, or UTF-16 LE/BE with a
 * BOM (Excel's "Unicode text"), converted with iconv.
 * Decoding streams: the input goes in by chunks (a character may be cut
 * between two), the UTF-8 comes out chunk by chunk.
 * Ownership: fp_decoder_new / fp_decoder_free; fp_decode_text (a whole
 * text at once) fills an fp_decoded, fp_decoded_done frees it. */
#ifndef FUPAN_STORAGE_ENCODING_H
#define FUPAN_STORAGE_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    FP_ENC_AUTO,     /* UTF-8 if valid, else GB18030 if that decodes cleanly */
    FP_ENC_UTF8,
    FP_ENC_GB18030,
    FP_ENC_UTF16LE,  /* only with a BOM (Excel's "Unicode text") */
    FP_ENC_UTF16BE
} fp_encoding;

/* "utf-8", "gb18030" ("auto" for FP_ENC_AUTO). */
const char *fp_encoding_name(fp_encoding enc);
/* Accepts utf-8/utf8 and gb18030 (also gbk/gb2312, subsets of GB18030),
 * in any case. False for anything else. */
bool fp_encoding_parse(const char *name, fp_encoding *out);

typedef struct {
    char *text;          /* UTF-8 without BOM, NUL-terminated (owned) */
    size_t len;          /* bytes, without the NUL */
    fp_encoding encoding; /* what the input was: never AUTO */
    bool converted;      /* true when the input was not UTF-8 */
    bool had_bom;
    /* On failure: */
    size_t bad_at;       /* offset in the input of the first bad byte */
    int bad_line;        /* its 1-based line */
    unsigned char bad_byte;
    const char *why;     /* static English text */
} fp_decoded;

/* ---- streaming ---- */

typedef struct fp_decoder fp_decoder;

fp_decoder *fp_decoder_new(fp_encoding want);
void fp_decoder_free(fp_decoder *d);
/* Decodes the next chunk in[0..len); last: no input follows. *out and
 * *outlen give the UTF-8 text (BOM removed), valid until the next call.
 * On a bad byte returns false with *out and *outlen the text decoded before
 * it (so that a reader can tell where it is) and the error below set.
 * FP_ENC_AUTO decides at the first chunk holding a non-ASCII byte:
 * UTF-8 when it is valid UTF-8, else GB18030 when it converts. */
bool fp_decoder_feed(fp_decoder *d, const char *in, size_t len, bool last,
                     const char **out, size_t *outlen);
/* UTF8, GB18030 or UTF-16 once decided; FP_ENC_AUTO while all was
 * ASCII. */
fp_encoding fp_decoder_encoding(const fp_decoder *d);
/* After a false feed: why (static English text, "out of memory" too)
 * and the bad byte (0 when the input ended inside a character). */
const char *fp_decoder_why(const fp_decoder *d);
unsigned char fp_decoder_bad_byte(const fp_decoder *d);

/* ---- a whole text ---- */

/* Decodes bytes[0..len) as asked. Returns false when the input is not
 * valid in the forced encoding (or, for AUTO, in neither), with bad_at,
 * bad_line, bad_byte and why set; text is NULL then. Also false with
 * why = "out of memory". Always call fp_decoded_done. */
bool fp_decode_text(const char *bytes, size_t len, fp_encoding want,
                    fp_decoded *out);
void fp_decoded_done(fp_decoded *d);

#endif
