/* Text encodings of imported files (see encoding.h). */
#include "storage/encoding.h"
#include "model/i18n.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/text.h"

#define BOM "\xef\xbb\xbf"
#define BOM_LEN 3

const char *fp_encoding_name(fp_encoding enc)
{
    switch (enc) {
    case FP_ENC_UTF8: return "utf-8";
    case FP_ENC_GB18030: return "gb18030";
    default: return "auto";
    }
}

bool fp_encoding_parse(const char *name, fp_encoding *out)
{
    static const struct { const char *name; fp_encoding enc; } names[] = {
        {"utf-8", FP_ENC_UTF8}, {"utf8", FP_ENC_UTF8},
        {"gb18030", FP_ENC_GB18030}, {"gbk", FP_ENC_GB18030},
        {"gb2312", FP_ENC_GB18030}, {"auto", FP_ENC_AUTO},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    }
    return false;
}

static int line_of(const char *bytes, size_t offset)
{
    int line = 1;
    for (size_t i = 0; i < offset; i++)
        line += bytes[i] == '\n';
    return line;
}

static void set_bad(fp_decoded *out, const char *bytes, size_t offset,
                    size_t len, const char *why)
{
    out->bad_at = offset;
    out->bad_line = line_of(bytes, offset);
    out->bad_byte = offset < len ? (unsigned char)bytes[offset] : 0;
    out->why = why;
}

static bool copy_utf8(const char *bytes, size_t len, fp_decoded *out)
{
    size_t skip = 0;
    if (len >= BOM_LEN && memcmp(bytes, BOM, BOM_LEN) == 0) {
        out->had_bom = true;
        skip = BOM_LEN;
    }
    out->text = malloc(len - skip + 1);
    if (out->text == NULL) {
        out->why = "out of memory";
        return false;
    }
    memcpy(out->text, bytes + skip, len - skip);
    out->text[len - skip] = '\0';
    out->len = len - skip;
    out->encoding = FP_ENC_UTF8;
    return true;
}

/* Runs iconv over the whole input; false with the offset of the first
 * byte it could not convert (or a truncated sequence at the end). */
static bool convert_gb18030(const char *bytes, size_t len, fp_decoded *out)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) {
        out->why = "this system cannot convert GB18030 (iconv)";
        return false;
    }
    size_t cap = len * 2 + 16; /* GB18030 -> UTF-8 grows at most 3/2 */
    char *buf = malloc(cap);
    if (buf == NULL) {
        iconv_close(cd);
        out->why = "out of memory";
        return false;
    }
    char *in = (char *)bytes, *o = buf;
    size_t in_left = len, out_left = cap - 1;
    size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    if (rc == (size_t)-1) {
        set_bad(out, bytes, (size_t)(in - bytes), len,
                errno == EINVAL ? _("a character is cut off at the end")
                                : _("not valid GB18030"));
        free(buf);
        return false;
    }
    *o = '\0';
    out->text = buf;
    out->len = (size_t)(o - buf);
    if (out->len >= BOM_LEN && memcmp(buf, BOM, BOM_LEN) == 0) {
        memmove(buf, buf + BOM_LEN, out->len - BOM_LEN + 1);
        out->len -= BOM_LEN;
        out->had_bom = true;
    }
    out->encoding = FP_ENC_GB18030;
    out->converted = true;
    return true;
}

/* A NUL byte is no text: most likely UTF-16 or a spreadsheet file. */
static bool refuse_nul(const char *bytes, size_t len, fp_decoded *out)
{
    const char *nul = memchr(bytes, '\0', len);
    if (nul == NULL)
        return true;
    fp_decoded_done(out);
    set_bad(out, bytes, (size_t)(nul - bytes), len,
            _("NUL byte: not a text file (UTF-16 or a spreadsheet?)"));
    return false;
}

bool fp_decode_text(const char *bytes, size_t len, fp_encoding want,
                    fp_decoded *out)
{
    memset(out, 0, sizeof *out);
    if (!refuse_nul(bytes, len, out))
        return false;
    if (want == FP_ENC_GB18030)
        return convert_gb18030(bytes, len, out);
    size_t bad = 0;
    if (fp_utf8_valid(bytes, len, &bad))
        return copy_utf8(bytes, len, out);
    if (want == FP_ENC_AUTO && convert_gb18030(bytes, len, out))
        return true;
    /* Neither: point at the bad byte of the encoding that got further,
     * the one the file most likely is in. */
    size_t gb_bad = want == FP_ENC_AUTO && out->why != NULL ? out->bad_at : 0;
    fp_decoded_done(out);
    memset(out, 0, sizeof *out);
    if (want == FP_ENC_AUTO && gb_bad > bad)
        set_bad(out, bytes, gb_bad, len, _("not valid GB18030 nor UTF-8"));
    else
        set_bad(out, bytes, bad, len,
                want == FP_ENC_AUTO ? _("not valid UTF-8 nor GB18030")
                                    : _("not valid UTF-8"));
    return false;
}

void fp_decoded_done(fp_decoded *d)
{
    free(d->text);
    d->text = NULL;
    d->len = 0;
}
