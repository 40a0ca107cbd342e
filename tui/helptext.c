/* Help lines from the live keymap. */
#include "tui/helptext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "model/i18n.h"
#include "model/vec.h"

#define KEYS_COLS 24
#define NAME_COLS 17

static bool add_line(fp_help *h, fp_help_kind kind, fp_action act,
                     const char *text)
{
    bool ok = true;
    FP_GROW(h->lines, h->n + 1, h->cap, ok);
    if (!ok)
        return false;
    char *copy = strdup(text);
    if (!copy)
        return false;
    h->lines[h->n++] = (fp_help_line){ copy, kind, act };
    return true;
}

static bool in_list(const fp_keylist *kl, fp_key k)
{
    for (int i = 0; i < kl->nkeys; i++)
        if (kl->keys[i] == k)
            return true;
    return false;
}

/* Keys of act as name tokens: [generic] first, then "[table,people]"
 * and the keys bound only in those contexts. */
typedef struct { char tok[24][48]; int n; } tokens;

static void push_tok(tokens *t, const char *s)
{
    if (t->n < 24)
        snprintf(t->tok[t->n++], sizeof t->tok[0], "%s", s);
}

/* Keys of act in ctx that [generic] does not already give it. */
static void extra_keys(const fp_keymap *km, fp_keyctx ctx, fp_action act,
                       fp_keylist *out)
{
    const fp_keylist *gen = fp_keymap_keys(km, FP_CTX_GENERIC, act);
    const fp_keylist *kl = fp_keymap_keys(km, ctx, act);
    out->nkeys = 0;
    for (int i = 0; i < kl->nkeys; i++)
        if (!in_list(gen, kl->keys[i]))
            out->keys[out->nkeys++] = kl->keys[i];
}

static bool same_keys(const fp_keylist *a, const fp_keylist *b)
{
    if (a->nkeys != b->nkeys)
        return false;
    for (int i = 0; i < a->nkeys; i++)
        if (a->keys[i] != b->keys[i])
            return false;
    return true;
}

static void context_tokens(const fp_keymap *km, fp_action act, tokens *t)
{
    bool done[FP_CTX_COUNT] = { false };
    char name[48], tag[128];
    for (int c = FP_CTX_GENERIC + 1; c < FP_CTX_COUNT; c++) {
        fp_keylist kl, other;
        extra_keys(km, (fp_keyctx)c, act, &kl);
        if (done[c] || kl.nkeys == 0)
            continue;
        snprintf(tag, sizeof tag, "[%s", fp_keyctx_name((fp_keyctx)c));
        for (int d = c + 1; d < FP_CTX_COUNT; d++) {
            extra_keys(km, (fp_keyctx)d, act, &other);
            if (!done[d] && same_keys(&kl, &other)) {
                done[d] = true;
                size_t o = strlen(tag);
                snprintf(tag + o, sizeof tag - o, ",%s",
                         fp_keyctx_name((fp_keyctx)d));
            }
        }
        strncat(tag, "]", sizeof tag - strlen(tag) - 1);
        push_tok(t, tag);
        for (int i = 0; i < kl.nkeys; i++) {
            fp_key_name(kl.keys[i], name, sizeof name);
            push_tok(t, name);
        }
    }
}

static void keys_tokens(const fp_keymap *km, fp_action act, tokens *t)
{
    const fp_keylist *gen = fp_keymap_keys(km, FP_CTX_GENERIC, act);
    char name[48];
    t->n = 0;
    for (int i = 0; i < gen->nkeys; i++) {
        fp_key_name(gen->keys[i], name, sizeof name);
        push_tok(t, name);
    }
    context_tokens(km, act, t);
    if (t->n == 0)
        push_tok(t, _("(unbound)"));
}

/* Joins tokens from *next while they fit in cols (at least one). */
static void take_line(const tokens *t, int *next, int cols, char *out,
                      size_t outsz)
{
    size_t o = 0;
    int w = 0;
    out[0] = '\0';
    while (*next < t->n) {
        int tw = fp_text_width(t->tok[*next]) + (o ? 1 : 0);
        if (o && w + tw > cols)
            break;
        o += (size_t)snprintf(out + o, outsz - o, "%s%s", o ? " " : "",
                              t->tok[*next]);
        w += tw;
        ++*next;
    }
}

static bool add_action(fp_help *h, const fp_keymap *km, fp_action act,
                       bool read_only)
{
    const fp_action_info *info = fp_action_get(act);
    char keys[512], kcol[KEYS_COLS * 4 + 8], ncol[NAME_COLS * 4 + 8];
    char line[1024];
    tokens t;
    int next = 0;
    keys_tokens(km, act, &t);
    take_line(&t, &next, KEYS_COLS, keys, sizeof keys);
    fp_text_fit(keys, KEYS_COLS, true, kcol, sizeof kcol);
    fp_text_fit(info->name, NAME_COLS, true, ncol, sizeof ncol);
    bool refused = info->needs_write && read_only;
    bool off = refused || !info->available;
    const char *why = refused ? _(" (read-only)")
                      : off ? _(" (not yet available)") : "";
    fp_help_kind kind = off ? FP_HL_OFF : FP_HL_ACTION;
    snprintf(line, sizeof line, "  %s  %s %s%s", kcol, ncol, _(info->help),
             why);
    bool ok = add_line(h, kind, act, line);
    while (ok && next < t.n) { /* keys that did not fit: more lines */
        take_line(&t, &next, KEYS_COLS, keys, sizeof keys);
        snprintf(line, sizeof line, "  %s", keys);
        ok = add_line(h, kind, act, line);
    }
    return ok;
}

static bool add_problems(fp_help *h, const fp_keymap *km)
{
    int n = fp_keymap_nmessages(km);
    bool ok = true;
    if (n == 0)
        return true;
    ok &= add_line(h, FP_HL_NOTE, FP_ACT_NONE, "");
    ok &= add_line(h, FP_HL_TITLE, FP_ACT_NONE, _("Keymap problems"));
    for (int i = 0; i < n && ok; i++) {
        char line[600];
        snprintf(line, sizeof line, "  %s", fp_keymap_message(km, i));
        ok &= add_line(h, FP_HL_NOTE, FP_ACT_NONE, line);
    }
    return ok;
}

bool fp_help_build(fp_help *h, const fp_keymap *km, bool read_only,
                   bool problems)
{
    memset(h, 0, sizeof *h);
    bool ok = true;
    for (int g = 0; g < FP_GRP_COUNT && ok; g++) {
        if (g > 0)
            ok &= add_line(h, FP_HL_NOTE, FP_ACT_NONE, "");
        ok &= add_line(h, FP_HL_TITLE, FP_ACT_NONE,
                       _(fp_action_group_title((fp_action_group)g)));
        for (int a = FP_ACT_NONE + 1; a < FP_ACT_COUNT && ok; a++)
            if (fp_action_get((fp_action)a)->group == (fp_action_group)g)
                ok &= add_action(h, km, (fp_action)a, read_only);
    }
    if (problems)
        ok = ok && add_problems(h, km);
    if (!ok)
        fp_help_done(h);
    return ok;
}

bool fp_help_add(fp_help *h, fp_help_kind kind, const char *text)
{
    return add_line(h, kind, FP_ACT_NONE, text);
}

void fp_help_done(fp_help *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->lines[i].text);
    free(h->lines);
    memset(h, 0, sizeof *h);
}
