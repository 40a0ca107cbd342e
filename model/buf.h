/* A growable NUL-terminated string. Plain C.
 * Ownership: fp_buf_init/fp_buf_done, or fp_buf_take to keep the text
 * (caller frees). After an allocation failure the buffer keeps what it
 * had and `failed` is set; every later append is ignored. */
#ifndef FUPAN_MODEL_BUF_H
#define FUPAN_MODEL_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *s;       /* always NUL-terminated once anything was appended */
    size_t len, cap;
    bool failed;
} fp_buf;

void fp_buf_init(fp_buf *b);
void fp_buf_done(fp_buf *b);
void fp_buf_add(fp_buf *b, const char *s);
void fp_buf_addn(fp_buf *b, const char *s, size_t n);
void fp_buf_addc(fp_buf *b, char c);
/* Appends s n times. */
void fp_buf_repeat(fp_buf *b, const char *s, int n);
void fp_buf_printf(fp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text (never NULL: "" when empty). */
const char *fp_buf_str(const fp_buf *b);
/* Hands the text over (caller frees; "" when empty); NULL when an
 * allocation failed. The buffer is empty afterwards. */
char *fp_buf_take(fp_buf *b);

#endif
