/* Key names and the keymap: built-in defaults plus a user file on top. */
#define _GNU_SOURCE /* memfd_create */
#include "tui/keymap.h"

#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "builtin_ini.h"
#include "model/i18n.h"

#define FN(k) ((k) | FP_KEY_FN)
#define INI_LINE_MAX 1000 /* iniparser refuses lines over 1,024 bytes */

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
    char **grown = realloc(km->msgs, (size_t)(km->nmsgs + 1) * sizeof *grown);
    char *copy = strdup(full);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            km->msgs = grown;
        return;
    }
    km->msgs = grown;
    km->msgs[km->nmsgs++] = copy;
}

/* ---- applying INI text ------------------------------------------------ */

/* Copies text line by line, blanking lines iniparser would reject (no
 * '=', too long) after reporting them, so line numbers stay the same. */
static char *clean_ini_text(fp_keymap *km, const char *text,
                            const char *fname)
{
    if (strncmp(text, "\xef\xbb\xbf", 3) == 0)
        text += 3; /* a UTF-8 BOM makes iniparser fail */
    size_t n = strlen(text);
    char *out = malloc(n + 2);
    if (!out)
        return NULL;
    size_t o = 0;
    int line = 0;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *s = p;
        line++;
        while (s < p + len && isspace((unsigned char)*s))
            s++;
        bool blank = s == p + len || *s == '#' || *s == ';';
        bool section = !blank && *s == '[';
        bool has_eq = memchr(p, '=', len) != NULL;
        if (len > INI_LINE_MAX) {
            report(km, fname, line, _("line too long, skipped"));
        } else if (!blank && !section && !has_eq) {
            report(km, fname, line, _("expected 'action = \"keys\"', skipped"));
        } else {
            memcpy(out + o, p, len);
            o += len;
        }
        out[o++] = '\n';
        p = eol ? eol + 1 : p + len;
    }
    out[o] = '\0';
    return out;
}

static int quiet_ini_error(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

static bool write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w;
        n -= (size_t)w;
    }
    return true;
}

/* iniparser only reads from a path: hand it the text through a memfd
 * (or, without /proc, an unlinked-after-use temp file). */
static dictionary *load_ini_text(const char *text)
{
    char path[64] = "/tmp/fupan-keymap-XXXXXX";
    bool temp = false;
    int fd = memfd_create("fupan-keymap", MFD_CLOEXEC);
    if (fd >= 0 && access("/proc/self/fd", R_OK) == 0) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    } else {
        if (fd >= 0)
            close(fd);
        fd = mkstemp(path);
        temp = true;
    }
    if (fd < 0)
        return NULL;
    dictionary *d = NULL;
    iniparser_set_error_callback(quiet_ini_error);
    if (write_all(fd, text, strlen(text)))
        d = iniparser_load(path);
    close(fd);
    if (temp)
        unlink(path);
    return d;
}

/* Line of "key =" in [section] (both lower-cased), the last one; 0. */
static int find_line(const char *text, const char *section, const char *key)
{
    char cur[64] = "";
    int line = 0, found = 0;
    for (const char *p = text; *p; line++) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *s = p, *end = p + len;
        while (s < end && isspace((unsigned char)*s))
            s++;
        if (s < end && *s == '[') {
            const char *close = memchr(s, ']', (size_t)(end - s));
            size_t n = close ? (size_t)(close - s - 1) : 0;
            if (n >= sizeof cur)
                n = sizeof cur - 1;
            for (size_t i = 0; i < n; i++)
                cur[i] = (char)tolower((unsigned char)s[1 + i]);
            cur[n] = '\0';
            if (!key && !found && strcmp(cur, section) == 0)
                found = line + 1;
        } else if (key && strcmp(cur, section) == 0) {
            const char *eq = memchr(s, '=', (size_t)(end - s));
            const char *k = eq;
            while (k && k > s && isspace((unsigned char)k[-1]))
                k--;
            if (k && (size_t)(k - s) == strlen(key)
                && strncasecmp(s, key, strlen(key)) == 0)
                found = line + 1;
        }
        p = eol ? eol + 1 : end;
    }
    return found;
}

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

static void apply_section(fp_keymap *km, dictionary *d, const char *sec,
                          const char *text, const char *fname)
{
    fp_keyctx ctx = ctx_by_name(sec);
    if (ctx == FP_CTX_COUNT) {
        report(km, fname, find_line(text, sec, NULL),
               _("unknown context [%s], section skipped"), sec);
        return;
    }
    int n = iniparser_getsecnkeys(d, sec);
    if (n <= 0)
        return;
    const char **keys = calloc((size_t)n, sizeof *keys);
    if (!keys || !iniparser_getseckeys(d, sec, keys)) {
        free(keys);
        return;
    }
    size_t plen = strlen(sec) + 1; /* "section:" */
    for (int i = 0; i < n; i++) {
        const char *name = keys[i] + plen;
        int line = find_line(text, sec, name);
        fp_action act = fp_action_by_name(name);
        if (act == FP_ACT_NONE)
            report(km, fname, line, _("unknown action '%s', skipped"), name);
        else
            bind_value(km, ctx, act, iniparser_getstring(d, keys[i], ""),
                       fname, line);
    }
    free(keys);
}

bool fp_keymap_apply_text(fp_keymap *km, const char *text, const char *fname)
{
    char *clean = clean_ini_text(km, text, fname);
    if (!clean)
        return false;
    dictionary *d = load_ini_text(clean);
    if (!d) {
        report(km, fname, 0, _("cannot read the keymap"));
        free(clean);
        return false;
    }
    if (iniparser_find_entry(d, ":") || iniparser_getsecnkeys(d, "") > 0)
        report(km, fname, 0, _("bindings outside a [context] are ignored"));
    for (int s = 0; s < iniparser_getnsec(d); s++)
        apply_section(km, d, iniparser_getsecname(d, s), clean, fname);
    iniparser_freedict(d);
    free(clean);
    return true;
}

static char *read_text_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    bool bad = ferror(f);
    fclose(f);
    if (buf && bad) {
        free(buf);
        return NULL;
    }
    if (buf)
        buf[n] = '\0';
    return buf;
}

bool fp_keymap_apply_file(fp_keymap *km, const char *path)
{
    char *text = read_text_file(path);
    if (!text) {
        report(km, path, 0, _("cannot read: %s"), strerror(errno));
        return false;
    }
    bool ok = fp_keymap_apply_text(km, text, path);
    free(text);
    return ok;
}

char *fp_keymap_user_path(const char *explicit_path, const char *config_path)
{
    if (explicit_path && *explicit_path)
        return strdup(explicit_path);
    if (config_path && *config_path)
        return strdup(config_path);
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char buf[4096];
    if (xdg && *xdg)
        snprintf(buf, sizeof buf, "%s/fupan/keymap.ini", xdg);
    else if (home && *home)
        snprintf(buf, sizeof buf, "%s/.config/fupan/keymap.ini", home);
    else
        return NULL;
    return access(buf, F_OK) == 0 ? strdup(buf) : NULL;
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
