/* Formula compiler and evaluator; see expr.h.
 * Grammar (recursive descent, left-associative):
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | primary
 *   primary := NUMBER | ID | '(' expr ')'                               */
#include "model/expr.h"
#include "model/i18n.h"
#include "model/vec.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { OP_NUM, OP_KPI, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG } op_code;

typedef struct {
    op_code op;
    int kpi;       /* OP_KPI */
    double num;    /* OP_NUM */
} op;

struct fp_expr {
    op *prog;
    int nprog;
    int *comps;
    int ncomps;
};

typedef struct {
    const char *src;
    size_t pos;
    fp_expr_lookup lookup;
    void *ctx;
    op *prog;
    int nprog, cap;
    int depth, max_depth;  /* evaluation stack */
    int nesting;           /* recursion depth of the parser */
    bool failed;
    size_t err_pos;
    char msg[160];
} parser;

static void fail(parser *p, size_t at, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    p->err_pos = at;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
}

static void emit(parser *p, op_code code, int kpi, double num)
{
    if (p->failed)
        return;
    bool ok = true;
    FP_GROW(p->prog, p->nprog + 1, p->cap, ok);
    if (!ok) {
        fail(p, p->pos, _("out of memory"));
        return;
    }
    p->prog[p->nprog++] = (op){ code, kpi, num };
    if (code == OP_NUM || code == OP_KPI) {
        if (++p->depth > p->max_depth)
            p->max_depth = p->depth;
        if (p->depth > FP_EXPR_MAX_DEPTH)
            fail(p, p->pos, _("formula too complex"));
    } else if (code != OP_NEG) {
        p->depth--;
    }
}

static void skip_blanks(parser *p)
{
    while (p->src[p->pos] == ' ' || p->src[p->pos] == '\t')
        p->pos++;
}

static char peek(parser *p)
{
    skip_blanks(p);
    return p->src[p->pos];
}

static bool is_id_start(char c)
{
    return isalpha((unsigned char)c) || c == '_';
}

static bool is_id_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

static void parse_expr(parser *p);
static int column_of(const char *src, size_t pos);

static void parse_number(parser *p)
{
    const char *s = p->src + p->pos;
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    if (s[n] == '.') {
        n++;
        while (isdigit((unsigned char)s[n]))
            n++;
    }
    if ((s[n] == 'e' || s[n] == 'E') &&
        (isdigit((unsigned char)s[n + 1]) ||
         ((s[n + 1] == '+' || s[n + 1] == '-') &&
          isdigit((unsigned char)s[n + 2])))) {
        n += 2;
        while (isdigit((unsigned char)s[n]))
            n++;
    }
    if (n == 1 && s[0] == '.') {
        fail(p, p->pos, _("bad number '.'"));
        return;
    }
    if (is_id_char(s[n]) || s[n] == '.') {
        fail(p, p->pos + n, _("unexpected '%c' after a number"), s[n]);
        return;
    }
    char buf[64];
    if (n >= sizeof buf) {
        fail(p, p->pos, _("number too long"));
        return;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    double v = strtod(buf, NULL);
    if (!isfinite(v)) {
        fail(p, p->pos, _("number out of range"));
        return;
    }
    p->pos += n;
    emit(p, OP_NUM, -1, v);
}

static void parse_id(parser *p)
{
    const char *s = p->src + p->pos;
    size_t n = 0;
    while (is_id_char(s[n]))
        n++;
    int kpi = p->lookup ? p->lookup(p->ctx, s, n) : -1;
    if (kpi < 0) {
        fail(p, p->pos, _("unknown KPI '%.*s'"), (int)n, s);
        return;
    }
    p->pos += n;
    emit(p, OP_KPI, kpi, 0);
}

static void describe_char(char c, char *buf, size_t bufsz)
{
    if (c == '\0')
        snprintf(buf, bufsz, _("end of formula"));
    else if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
        snprintf(buf, bufsz, _("character 0x%02x"), (unsigned char)c);
    else
        snprintf(buf, bufsz, "'%c'", c);
}

static void parse_primary(parser *p)
{
    char c = peek(p);
    if (isdigit((unsigned char)c) || c == '.') {
        parse_number(p);
    } else if (is_id_start(c)) {
        parse_id(p);
    } else if (c == '(') {
        size_t open = p->pos++;
        parse_expr(p);
        if (p->failed)
            return;
        if (peek(p) != ')') {
            fail(p, p->pos, _("missing ')' for the '(' at column %d"),
                 column_of(p->src, open));
            return;
        }
        p->pos++;
    } else {
        char what[32];
        describe_char(c, what, sizeof what);
        fail(p, p->pos, _("expected a KPI id, a number or '(', found %s"),
             what);
    }
}

static void parse_unary(parser *p)
{
    if (++p->nesting > FP_EXPR_MAX_DEPTH) {
        fail(p, p->pos, _("formula nested too deeply"));
        return;
    }
    char c = peek(p);
    if (c == '-' || c == '+') {
        p->pos++;
        parse_unary(p);
        if (c == '-')
            emit(p, OP_NEG, -1, 0);
    } else {
        parse_primary(p);
    }
    p->nesting--;
}

static void parse_term(parser *p)
{
    parse_unary(p);
    for (char c = peek(p); !p->failed && (c == '*' || c == '/');
         c = peek(p)) {
        p->pos++;
        parse_unary(p);
        emit(p, c == '*' ? OP_MUL : OP_DIV, -1, 0);
    }
}

static void parse_expr(parser *p)
{
    if (++p->nesting > FP_EXPR_MAX_DEPTH) {
        fail(p, p->pos, _("formula nested too deeply"));
        return;
    }
    parse_term(p);
    for (char c = peek(p); !p->failed && (c == '+' || c == '-');
         c = peek(p)) {
        p->pos++;
        parse_term(p);
        emit(p, c == '+' ? OP_ADD : OP_SUB, -1, 0);
    }
    p->nesting--;
}

/* Column in characters (UTF-8 lead bytes), 1-based. */
static int column_of(const char *src, size_t pos)
{
    int col = 1;
    for (size_t i = 0; i < pos && src[i]; i++)
        if (((unsigned char)src[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static bool collect_components(fp_expr *e)
{
    e->comps = malloc((size_t)(e->nprog ? e->nprog : 1) * sizeof *e->comps);
    if (!e->comps)
        return false;
    for (int i = 0; i < e->nprog; i++)
        if (e->prog[i].op == OP_KPI && !fp_expr_uses(e, e->prog[i].kpi))
            e->comps[e->ncomps++] = e->prog[i].kpi;
    return true;
}

static fp_expr *finish(parser *p)
{
    fp_expr *e = calloc(1, sizeof *e);
    if (!e) {
        free(p->prog);
        return NULL;
    }
    e->prog = p->prog;
    e->nprog = p->nprog;
    if (!collect_components(e)) {
        fp_expr_free(e);
        return NULL;
    }
    return e;
}

fp_expr *fp_expr_compile(const char *src, fp_expr_lookup lookup, void *ctx,
                         int *err_col, char *err, size_t errsz)
{
    parser p = { .src = src ? src : "", .lookup = lookup, .ctx = ctx };
    if (peek(&p) == '\0')
        fail(&p, p.pos, _("empty formula"));
    else
        parse_expr(&p);
    if (!p.failed && peek(&p) != '\0') {
        char what[32];
        describe_char(peek(&p), what, sizeof what);
        fail(&p, p.pos, _("unexpected %s"), what);
    }
    if (p.failed) {
        int col = column_of(p.src, p.err_pos);
        if (err_col)
            *err_col = col;
        if (err && errsz)
            snprintf(err, errsz, "column %d: %s", col, p.msg);
        free(p.prog);
        return NULL;
    }
    return finish(&p);
}

void fp_expr_free(fp_expr *e)
{
    if (!e)
        return;
    free(e->prog);
    free(e->comps);
    free(e);
}

static double apply(op_code code, double a, double b)
{
    switch (code) {
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_MUL: return a * b;
    case OP_DIV: return b == 0.0 ? NAN : a / b;
    default: return NAN;
    }
}

double fp_expr_eval(const fp_expr *e, const double *values)
{
    double stack[FP_EXPR_MAX_DEPTH];
    int sp = 0;
    for (int i = 0; i < e->nprog; i++) {
        const op *o = &e->prog[i];
        switch (o->op) {
        case OP_NUM: stack[sp++] = o->num; break;
        case OP_KPI: stack[sp++] = values[o->kpi]; break;
        case OP_NEG: stack[sp - 1] = -stack[sp - 1]; break;
        default:
            sp--;
            stack[sp - 1] = apply(o->op, stack[sp - 1], stack[sp]);
        }
    }
    double v = sp == 1 ? stack[0] : NAN;
    return isfinite(v) ? v : NAN;
}

int fp_expr_ncomponents(const fp_expr *e)
{
    return e->ncomps;
}

const int *fp_expr_components(const fp_expr *e)
{
    return e->comps;
}

bool fp_expr_uses(const fp_expr *e, int kpi)
{
    for (int i = 0; i < e->ncomps; i++)
        if (e->comps[i] == kpi)
            return true;
    return false;
}
