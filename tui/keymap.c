/* Key names and the keymap: built-in defaults plus a user file on top. */
#include "tui/keymap.h"

#include <ctype.h>
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "builtin_ini.h"
#include "model/i18n.h"
#include "model/vec.h"
#include "storage/ini_text.h"
#include "storage/xdg.h"

#define FN(k) ((k) | FP_KEY_FN)

struct fp_keymap {
    fp_keylist bind[FP_CTX_COUNT][FP_ACT_COUNT];
    char **msgs;
    int nmsgs;
};

static const char *const ctx_names[FP_CTX_COUNT] = {
    [FP_CTX_GENERIC] = "generic", [FP_CTX_TABLE] = "table",
    [FP_CTX_DETAIL] = "detail", [FP_CTX_PERSON] = "person",
    [FP_CTX_PEOPLE] = "people", [FP_CTX_HELP] = "help",
    [FP_CTX_NOTES] = "notes", [FP_CTX_ACTIONS] = "actions",
    [FP_CTX_TEXT] = "text",
};

/* The first name of a key is its canonical one. */
static const struct { const char *name, *shortname; fp_key key; } named[] = {
    { "Enter", "Enter", '\n' }, { "Return", "Enter", '\n' },
    { "Esc", "Esc", 27 }, { "Escape", "Esc", 27 },
    { "Tab", "Tab", '\t' }, { "Space", "Space", ' ' },
    { "BSpace", "BS", FN(KEY_BACKSPACE) },
    { "Backspace", "BS", FN(KEY_BACKSPACE) },
    { "Up", "Up", FN(KEY_UP) }, { "Down", "Down", FN(KEY_DOWN) },
    { "Left", "Left", FN(KEY_LEFT) }, { "Right", "Right", FN(KEY_RIGHT) },
    { "PgUp", "PgUp", FN(KEY_PPAGE) }, { "PageUp", "PgUp", FN(KEY_PPAGE) },
    { "PgDn", "PgDn", FN(KEY_NPAGE) }, { "PageDown", "PgDn", FN(KEY_NPAGE) },
    { "Home", "Home", FN(KEY_HOME) }, { "End", "End", FN(KEY_END) },
    { "Ins", "Ins", FN(KEY_IC) }, { "Insert", "Ins", FN(KEY_IC) },
    { "Del", "Del", FN(KEY_DC) }, { "Delete", "Del", FN(KEY_DC) },
    { "S-Tab", "S-Tab", FN(KEY_BTAB) }, { "BackTab", "S-Tab", FN(KEY_BTAB) },
    { "Lt", "<", '<' }, { "Hash", "#", '#' }, { "Semicolon", ";", ';' },
    { "C-j", "^J", FP_KEY_CTRL_J },
    { "PasteStart", "PasteStart", FP_KEY_PASTE_START },
    { "PasteEnd", "PasteEnd", FP_KEY_PASTE_END },
};
#define NNAMED (sizeof named / sizeof named[0])

/* ---- key names -------------------------------------------------------- */

/* Decodes one UTF-8 character; returns its length or 0 when invalid. */
static int utf8_decode(const char *s, unsigned int *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int len = u[0] < 0x80 ? 1 : (u[0] >> 5) == 6 ? 2 : (u[0] >> 4) == 14 ? 3
            : (u[0] >> 3) == 30 ? 4 : 0;
    if (len == 0)
        return 0;
    unsigned int c = len == 1 ? u[0] : u[0] & (0x7f >> len);
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3f);
    }
    *cp = c;
    return len;
}

static int utf8_encode(unsigned int c, char *out)
{
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

static bool parse_key_word(const char *w, size_t len, fp_key *out);

/* "M-x", "M-Enter", "M-张": Alt with a key. */
static bool parse_alt(const char *w, size_t len, fp_key *out)
{
    char rest[64];
    unsigned int cp;
    if (len < 3 || len - 2 >= sizeof rest || (w[0] != 'M' && w[0] != 'm')
        || w[1] != '-')
        return false;
    memcpy(rest, w + 2, len - 2);
    rest[len - 2] = '\0';
    int clen = utf8_decode(rest, &cp);
    if (clen > 0 && (size_t)clen == len - 2 && cp >= 0x20 && cp != 0x7f)
        *out = (fp_key)cp | FP_KEY_ALT;
    else if (parse_key_word(rest, len - 2, out))
        *out |= FP_KEY_ALT;
    else
        return false;
    return true;
}

/* A name without brackets: named key, F1..F24, C-x, M-x. */
static bool parse_key_word(const char *w, size_t len, fp_key *out)
{
    if (parse_alt(w, len, out))
        return true;
    for (size_t i = 0; i < NNAMED; i++)
        if (strlen(named[i].name) == len
            && strncasecmp(named[i].name, w, len) == 0) {
            *out = named[i].key;
            return true;
        }
    if ((w[0] == 'F' || w[0] == 'f') && len >= 2 && len <= 3
        && isdigit((unsigned char)w[1])
        && (len == 2 || isdigit((unsigned char)w[2]))) {
        int n = atoi(w + 1);
        if (n < 1 || n > 24)
            return false;
        *out = FN(KEY_F(n));
        return true;
    }
    if (len == 3 && (w[0] == 'C' || w[0] == 'c') && w[1] == '-'
        && isalpha((unsigned char)w[2])) {
        *out = tolower((unsigned char)w[2]) & 0x1f;
        return true;
    }
    return false;
}

bool fp_key_parse(const char *name, fp_key *out)
{
    size_t len = strlen(name);
    unsigned int cp;
    if (len == 0)
        return false;
    int clen = utf8_decode(name, &cp);
    if (clen > 0 && (size_t)clen == len) {
        if (cp < 0x20 || cp == 0x7f)
            return false;
        *out = (fp_key)cp;
        return true;
    }
    if (name[0] == '<' && len > 2 && name[len - 1] == '>')
        return parse_key_word(name + 1, len - 2, out);
    return parse_key_word(name, len, out);
}

static const char *named_of(fp_key key, bool shortname)
{
    for (size_t i = 0; i < NNAMED; i++)
        if (named[i].key == key)
            return shortname ? named[i].shortname : named[i].name;
    return NULL;
}

static void format_key(fp_key key, char *buf, size_t bufsz, bool shortname)
{
    if (key != FP_KEY_NONE && (key & FP_KEY_ALT)) {
        char inner[40];
        format_key(key & ~FP_KEY_ALT, inner, sizeof inner, true);
        snprintf(buf, bufsz, shortname ? "M-%s" : "<M-%s>", inner);
        return;
    }
    const char *n = named_of(key, shortname);
    const char *fmt_n = shortname ? "%s" : "<%s>";
    if (n && !(shortname && key == '<')) {
        snprintf(buf, bufsz, fmt_n, n);
    } else if ((key & FP_KEY_FN) && (key & ~FP_KEY_FN) >= KEY_F(1)
               && (key & ~FP_KEY_FN) <= KEY_F(24)) {
        snprintf(buf, bufsz, shortname ? "F%d" : "<F%d>",
                 (key & ~FP_KEY_FN) - KEY_F0);
    } else if (key & FP_KEY_FN) {
        snprintf(buf, bufsz, "<key-%d>", key & ~FP_KEY_FN);
    } else if (key >= 1 && key <= 26) {
        snprintf(buf, bufsz, shortname ? "^%c" : "<C-%c>",
                 shortname ? 'A' + key - 1 : 'a' + key - 1);
    } else if (key > 0x20 && key != 0x7f && key <= 0x10ffff) {
        char u[5] = { 0 };
        utf8_encode((unsigned int)key, u);
        snprintf(buf, bufsz, "%s", u);
    } else {
        snprintf(buf, bufsz, "<key-%d>", key);
    }
}

void fp_key_name(fp_key key, char *buf, size_t bufsz)
{
    format_key(key, buf, bufsz, false);
}

void fp_key_short_name(fp_key key, char *buf, size_t bufsz)
{
    format_key(key, buf, bufsz, true);
}

int fp_key_to_utf8(fp_key key, char *out)
{
    out[0] = '\0';
    if (key < 0x20 || key == 0x7f || key > 0x10ffff || (key & FP_KEY_FN))
        return 0;
    int n = utf8_encode((unsigned int)key, out);
    out[n] = '\0';
    return n;
}

fp_key fp_key_from_input(int rc, unsigned int wc)
{
    if (rc == KEY_CODE_YES) {
        if (wc == KEY_ENTER)
            return '\n';
        return FN((fp_key)wc);
    }
    if (wc == '\r')
        return '\n';
    if (wc == '\n')
        return FP_KEY_CTRL_J;
    if (wc == 0x7f || wc == '\b')
        return FN(KEY_BACKSPACE);
    return (fp_key)wc;
}

/* ---- contexts and lookup ---------------------------------------------- */

const char *fp_keyctx_name(fp_keyctx ctx)
{
    return (ctx >= 0 && ctx < FP_CTX_COUNT) ? ctx_names[ctx] : "";
}

fp_keyctx fp_keyctx_parent(fp_keyctx ctx)
{
    if (ctx == FP_CTX_DETAIL)
        return FP_CTX_TABLE;
    return ctx == FP_CTX_GENERIC ? FP_CTX_COUNT : FP_CTX_GENERIC;
}

static fp_keyctx ctx_by_name(const char *name)
{
    for (int i = 0; i < FP_CTX_COUNT; i++)
        if (strcasecmp(ctx_names[i], name) == 0)
            return (fp_keyctx)i;
    return FP_CTX_COUNT;
}

static fp_action lookup_in(const fp_keymap *km, fp_keyctx ctx, fp_key key)
{
    for (int a = FP_ACT_NONE + 1; a < FP_ACT_COUNT; a++) {
        const fp_keylist *kl = &km->bind[ctx][a];
        for (int i = 0; i < kl->nkeys; i++)
            if (kl->keys[i] == key)
                return (fp_action)a;
    }
    return FP_ACT_NONE;
}

fp_action fp_keymap_lookup(const fp_keymap *km, fp_keyctx ctx, fp_key key)
{
    for (; ctx < FP_CTX_COUNT; ctx = fp_keyctx_parent(ctx)) {
        fp_action a = lookup_in(km, ctx, key);
        if (a != FP_ACT_NONE)
            return a;
    }
    return FP_ACT_NONE;
}

const fp_keylist *fp_keymap_keys(const fp_keymap *km, fp_keyctx ctx,
                                 fp_action act)
{
    static const fp_keylist empty;
    if (ctx < 0 || ctx >= FP_CTX_COUNT || act <= FP_ACT_NONE
        || act >= FP_ACT_COUNT)
        return &empty;
    return &km->bind[ctx][act];
}

fp_key fp_keymap_first_key(const fp_keymap *km, fp_keyctx ctx,
                           fp_action act)
{
    for (fp_keyctx c = ctx; c < FP_CTX_COUNT; c = fp_keyctx_parent(c)) {
        const fp_keylist *kl = fp_keymap_keys(km, c, act);
        /* the key must still reach act: a child context may shadow it */
        for (int i = 0; i < kl->nkeys; i++)
            if (fp_keymap_lookup(km, ctx, kl->keys[i]) == act)
                return kl->keys[i];
    }
    return FP_KEY_NONE;
}

/* ---- messages --------------------------------------------------------- */

int fp_keymap_nmessages(const fp_keymap *km) { return km->nmsgs; }

const char *fp_keymap_message(const fp_keymap *km, int i)
{
    return (i >= 0 && i < km->nmsgs) ? km->msgs[i] : "";
}

static void add_message(fp_keymap *km, const char *msg)
{
    char **grown = fp_grow_one(km->msgs, sizeof *grown, (size_t)km->nmsgs);
    char *copy = strdup(msg);
    if (grown)
        km->msgs = grown;
    if (!grown || !copy) {
        free(copy);
        return;
    }
    km->msgs[km->nmsgs++] = copy;
}

__attribute__((format(printf, 4, 5)))
static void report(fp_keymap *km, const char *fname, int line,
                   const char *fmt, ...)
{
    char what[300], full[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(full, sizeof full, "%s:%d: %s", fname, line, what);
    else
        snprintf(full, sizeof full, "%s: %s", fname, what);
    add_message(km, full);
}

/* ---- applying INI entries ---------------------------------------------
 * The text is read by storage's INI reader (lenient: each bad line is
 * reported with its FILE:LINE and skipped); this file only turns its
 * (section, key, value, line) entries into bindings. */

static void unbind_key(fp_keymap *km, fp_keyctx ctx, fp_key key)
{
    for (int a = FP_ACT_NONE + 1; a < FP_ACT_COUNT; a++) {
        fp_keylist *kl = &km->bind[ctx][a];
        int o = 0;
        for (int i = 0; i < kl->nkeys; i++)
            if (kl->keys[i] != key)
                kl->keys[o++] = kl->keys[i];
        kl->nkeys = o;
    }
}

/* Binds the space-separated keys of value to act in ctx (replacing its
 * keys there); unknown keys are reported and skipped. */
static void bind_value(fp_keymap *km, fp_keyctx ctx, fp_action act,
                       const char *value, const char *fname, int line)
{
    fp_keylist kl = { .nkeys = 0 };
    char *copy = strdup(value), *save = NULL;
    if (!copy)
        return;
    for (char *tok = strtok_r(copy, " \t", &save); tok;
         tok = strtok_r(NULL, " \t", &save)) {
        fp_key k;
        if (!fp_key_parse(tok, &k))
            report(km, fname, line, _("unknown key '%s' for %s, skipped"),
                   tok, fp_action_get(act)->name);
        else if (kl.nkeys == FP_KEYS_PER_ACTION)
            report(km, fname, line, _("more than %d keys for %s, '%s' "
                   "skipped"), FP_KEYS_PER_ACTION, fp_action_get(act)->name,
                   tok);
        else
            kl.keys[kl.nkeys++] = k;
    }
    free(copy);
    for (int i = 0; i < kl.nkeys; i++)
        unbind_key(km, ctx, kl.keys[i]);
    km->bind[ctx][act] = kl;
}

static void apply_section(fp_keymap *km, const fp_ini_section *sec,
                          const char *fname)
{
    fp_keyctx ctx = ctx_by_name(sec->name);
    if (ctx == FP_CTX_COUNT) {
        report(km, fname, sec->line,
               _("unknown context [%s], section skipped"), sec->name);
        return;
    }
    for (int i = 0; i < sec->nkv; i++) {
        const fp_ini_kv *kv = &sec->kvs[i];
        fp_action act = fp_action_by_name(kv->key);
        if (act == FP_ACT_NONE)
            report(km, fname, kv->line, _("unknown action '%s', skipped"),
                   kv->key);
        else
            bind_value(km, ctx, act, kv->value, fname, kv->line);
    }
}

/* Applies a parsed doc (or reports why there is none); frees it. */
static bool apply_doc(fp_keymap *km, bool parsed, fp_ini_doc *doc,
                      const char *fname, const char *err)
{
    if (!parsed) {
        add_message(km, err);
        return false;
    }
    for (int i = 0; i < doc->nproblems; i++)
        add_message(km, doc->problems[i]);
    for (int s = 0; s < doc->nsecs; s++)
        apply_section(km, &doc->secs[s], fname);
    fp_ini_doc_done(doc);
    return true;
}

bool fp_keymap_apply_text(fp_keymap *km, const char *text, const char *fname)
{
    fp_ini_doc doc;
    char err[512];
    bool parsed = fp_ini_parse_mem(text, strlen(text), fname, FP_INI_LENIENT,
                                   &doc, err, sizeof err);
    return apply_doc(km, parsed, &doc, fname, err);
}

bool fp_keymap_apply_file(fp_keymap *km, const char *path)
{
    fp_ini_doc doc;
    char err[512];
    bool parsed = fp_ini_load_file(path, FP_INI_LENIENT, &doc, err,
                                   sizeof err);
    return apply_doc(km, parsed, &doc, path, err);
}

char *fp_keymap_user_path(const char *explicit_path, const char *config_path)
{
    if (explicit_path && *explicit_path)
        return strdup(explicit_path);
    if (config_path && *config_path)
        return strdup(config_path);
    return fp_xdg_config_find("keymap.ini");
}

/* ---- life cycle ------------------------------------------------------- */

fp_keymap *fp_keymap_new(void)
{
    fp_keymap *km = calloc(1, sizeof *km);
    if (!km)
        return NULL;
    fp_keymap_apply_text(km, builtin_default_ini, "keymaps/default.ini");
    return km;
}

void fp_keymap_free(fp_keymap *km)
{
    if (!km)
        return;
    for (int i = 0; i < km->nmsgs; i++)
        free(km->msgs[i]);
    free(km->msgs);
    free(km);
}
