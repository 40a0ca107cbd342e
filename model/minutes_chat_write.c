/* The chat writers of the minutes; see minutes_chat.h. */
#include "model/minutes_chat.h"

#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/text.h"

/* -------------------------------------------------------------- platforms */

/* Limits: WeCom answers 40058 "markdown.content exceed max length 4096";
 * Feishu's custom bots take a request body of at most 20 KB (cards: 30
 * KB), some room kept for timestamp and sign; DingTalk's markdown text is
 * kept under 20,000 bytes. The stricter figure wherever sources differ. */

static const struct {
    const char *name, *alias;
    size_t limit;
} platforms[FP_CHAT_NPLATFORMS] = {
    [FP_CHAT_FEISHU] = {"feishu", "lark", 20 * 1024 - 256},
    [FP_CHAT_DINGTALK] = {"dingtalk", "ding", 20000},
    [FP_CHAT_WECOM] = {"wecom", "weixin", 4096},
};

bool fp_chat_platform_parse(const char *s, fp_chat_platform *out)
{
    for (int p = 0; p < FP_CHAT_NPLATFORMS; p++)
        if (strcmp(s, platforms[p].name) == 0 ||
            strcmp(s, platforms[p].alias) == 0) {
            *out = (fp_chat_platform)p;
            return true;
        }
    return false;
}

const char *fp_chat_platform_name(fp_chat_platform p)
{
    return platforms[p].name;
}

size_t fp_chat_platform_limit(fp_chat_platform p)
{
    return platforms[p].limit;
}

/* ------------------------------------------------------------- chat text */

/* Sanitised s (NULL -> "") appended by put (control characters shown,
 * never raw). */
static void put_clean(fp_buf *b, const char *s,
                      void (*put)(fp_buf *, const char *))
{
    char *c = fp_text_sanitize(s ? s : "");
    if (!c) {
        b->failed = true;
        return;
    }
    put(b, c);
    free(c);
}

static void add_clean(fp_buf *b, const char *s)
{
    put_clean(b, s, fp_buf_add);
}

char *fp_mdoc_write_chat(const fp_mdoc *d)
{
    if (d->failed)
        return NULL;
    fp_buf b;
    fp_buf_init(&b);
    for (size_t i = 0; i < d->n; i++) {
        const fp_mblock *k = &d->blocks[i];
        if (k->kind == FP_MB_TABLE)
            continue;
        if (k->kind == FP_MB_HEADING) {
            fp_buf_add(&b, "\n\xe3\x80\x90");
            add_clean(&b, k->text);
            fp_buf_add(&b, "\xe3\x80\x91\n");
            continue;
        }
        if (k->kind == FP_MB_BULLET)
            fp_buf_add(&b, "\xe2\x80\xa2 ");
        add_clean(&b, k->text);
        fp_buf_add(&b, k->kind == FP_MB_SUB ? ":\n" : "\n");
    }
    return fp_buf_take(&b);
}

/* ---------------------------------------------------------- escaping */

static void json_escape(fp_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fp_buf_addc(b, '\\');
        if (c == '\n')
            fp_buf_add(b, "\\n");
        else if (c < 0x20)
            fp_buf_printf(b, "\\u%04x", c);
        else
            fp_buf_addc(b, (char)c);
    }
}

static void md_clean(fp_buf *b, const char *s)
{
    put_clean(b, s, fp_md_escape_line);
}

/* ------------------------------------------------------------- messages */

/* A message: blocks [from, to) of the document under its title. */
typedef struct {
    const fp_mdoc *d;
    const char *title;       /* the document's title block, raw */
    size_t from, to;
    int number, count;       /* count 1: not numbered */
} message;

static void title_into(fp_buf *b, const message *m, bool md)
{
    if (md)
        md_clean(b, m->title);
    else
        add_clean(b, m->title);
    if (m->count > 1)
        fp_buf_printf(b, " (%d/%d)", m->number, m->count);
}

/* The markdown of a message (DingTalk, WeCom). */
static void md_message(fp_buf *b, const message *m)
{
    fp_buf_add(b, "### ");
    title_into(b, m, true);
    fp_buf_add(b, "\n\n");
    for (size_t i = m->from; i < m->to; i++) {
        const fp_mblock *k = &m->d->blocks[i];
        switch (k->kind) {
        case FP_MB_HEADING: fp_buf_add(b, "\n**"); break;
        case FP_MB_SUB: fp_buf_add(b, "*"); break;
        case FP_MB_BULLET: fp_buf_add(b, "- "); break;
        default: break;
        }
        md_clean(b, k->text ? k->text : "");
        if (k->kind == FP_MB_HEADING)
            fp_buf_add(b, "**\n");
        else if (k->kind == FP_MB_SUB)
            fp_buf_add(b, "*\n");
        else
            fp_buf_add(b, k->kind == FP_MB_BULLET ? "\n" : "\n\n");
    }
}

static void json_clean(fp_buf *b, const char *s)
{
    put_clean(b, s, json_escape);
}

/* One paragraph of a post: [{"tag":"text","text":"…"}]. */
static void feishu_line(fp_buf *b, const fp_mblock *k, bool first)
{
    fp_buf_add(b, first ? "[{\"tag\":\"text\",\"text\":\""
                        : ",[{\"tag\":\"text\",\"text\":\"");
    if (k->kind == FP_MB_BULLET)
        fp_buf_add(b, "\xe2\x80\xa2 ");
    json_clean(b, k->text);
    if (k->kind == FP_MB_HEADING || k->kind == FP_MB_SUB)
        fp_buf_add(b, "\",\"style\":[\"bold\"]}]");
    else
        fp_buf_add(b, "\"}]");
}

static void feishu_body(fp_buf *b, const message *m)
{
    fp_buf_add(b, "{\"msg_type\":\"post\",\"content\":{\"post\":{\"zh_cn\":"
                  "{\"title\":\"");
    fp_buf t;
    fp_buf_init(&t);
    title_into(&t, m, false);
    json_escape(b, fp_buf_str(&t));
    b->failed |= t.failed;
    fp_buf_done(&t);
    fp_buf_add(b, "\",\"content\":[");
    for (size_t i = m->from; i < m->to; i++)
        if (m->d->blocks[i].kind != FP_MB_TABLE)
            feishu_line(b, &m->d->blocks[i], i == m->from);
    fp_buf_add(b, "]}}}}");
}

/* The JSON body; *measured: the bytes the platform's limit counts. */
static char *message_body(const message *m, fp_chat_platform p,
                          size_t *measured)
{
    fp_buf b;
    fp_buf_init(&b);
    if (p == FP_CHAT_FEISHU) {
        feishu_body(&b, m);
        *measured = b.len;
        return fp_buf_take(&b);
    }
    fp_buf md;
    fp_buf_init(&md);
    md_message(&md, m);
    *measured = md.len;
    if (p == FP_CHAT_DINGTALK) {
        fp_buf_add(&b, "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"");
        fp_buf t;
        fp_buf_init(&t);
        title_into(&t, m, false);
        json_escape(&b, fp_buf_str(&t));
        fp_buf_done(&t);
        fp_buf_add(&b, "\",\"text\":\"");
    } else {
        fp_buf_add(&b, "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"");
    }
    json_escape(&b, fp_buf_str(&md));
    fp_buf_add(&b, "\"}}");
    b.failed |= md.failed;
    fp_buf_done(&md);
    return fp_buf_take(&b);
}

static size_t measure(const message *m, fp_chat_platform p)
{
    size_t n = (size_t)-1;
    free(message_body(m, p, &n));
    return n;
}

void fp_chat_messages_free(char **msgs)
{
    for (size_t i = 0; msgs && msgs[i]; i++)
        free(msgs[i]);
    free(msgs);
}

/* --------------------------------------------------------------- split */

/* Bytes of s (at most max, at least one character) that end on a
 * character boundary. */
static size_t piece_len(const char *s, size_t max)
{
    size_t i = 0;
    while (s[i]) {
        size_t len = (size_t)fp_utf8_len(s + i);
        if (i > 0 && i + len > max)
            break;
        i += len;
    }
    return i;
}

/* d's blocks but its title (kept in *title) into out, with every text
 * longer than chunk bytes split into several blocks, the later ones
 * starting with "…": so that any one block fits in a message. */
static void split_long(const fp_mdoc *d, fp_mdoc *out, size_t chunk,
                       const char **title)
{
    *title = "";
    for (size_t i = 0; i < d->n; i++) {
        const fp_mblock *k = &d->blocks[i];
        if (k->kind == FP_MB_TITLE) {
            *title = k->text;
            continue;
        }
        if (k->kind == FP_MB_TABLE)
            continue;
        const char *s = k->text;
        bool first = true;
        do {
            size_t n = piece_len(s, chunk);
            fp_mdoc_addf(out, k->kind, k->depth, "%s%.*s",
                         first ? "" : "\xe2\x80\xa6", (int)n, s);
            s += n;
            first = false;
        } while (*s);
    }
}

/* The end of the message that starts at from: as many blocks as fit
 * (at least one). */
static size_t message_end(message *m, fp_chat_platform p, size_t limit)
{
    size_t to = m->from + 1;
    while (to < m->d->n) {
        m->to = to + 1;
        if (measure(m, p) > limit)
            break;
        to++;
    }
    return to;
}

/* The start of each message, ending with d->n: *count messages. */
static size_t *split_points(const fp_mdoc *d, const char *title,
                            fp_chat_platform p, size_t limit, int *count)
{
    size_t *at = calloc(d->n + 2, sizeof *at);
    if (!at)
        return NULL;
    message m = {d, title, 0, 0, 999, 999};
    int n = 0;
    while (m.from < d->n) {
        at[n++] = m.from;
        m.from = message_end(&m, p, limit);
    }
    if (n == 0) /* nothing but the title: one message still */
        at[n++] = 0;
    at[n] = d->n;
    *count = n;
    return at;
}

static char **write_messages(const fp_mdoc *d, const char *title,
                             fp_chat_platform p, size_t limit, size_t *n)
{
    int count = 0;
    size_t *at = split_points(d, title, p, limit, &count);
    char **msgs = at ? calloc((size_t)count + 1, sizeof *msgs) : NULL;
    bool ok = msgs != NULL;
    for (int i = 0; ok && i < count; i++) {
        message m = {d, title, at[i], at[i + 1], i + 1, count};
        size_t measured;
        ok = (msgs[i] = message_body(&m, p, &measured)) != NULL;
    }
    free(at);
    if (!ok) {
        fp_chat_messages_free(msgs);
        return NULL;
    }
    *n = (size_t)count;
    return msgs;
}

char **fp_mdoc_write_platform(const fp_mdoc *d, fp_chat_platform p,
                              size_t limit, size_t *n)
{
    if (d->failed)
        return NULL;
    if (limit == 0)
        limit = fp_chat_platform_limit(p);
    fp_mdoc pieces;
    fp_mdoc_init(&pieces);
    const char *title;
    split_long(d, &pieces, limit / 8 > 16 ? limit / 8 : 16, &title);
    char **msgs = pieces.failed ? NULL
                                : write_messages(&pieces, title, p, limit, n);
    fp_mdoc_done(&pieces);
    return msgs;
}

char **fp_minutes_platform(const fp_minutes_input *in, fp_chat_platform p,
                           size_t limit, size_t *n)
{
    fp_mdoc d;
    fp_mdoc_init(&d);
    fp_minutes_chat_doc(&d, in);
    char **msgs = fp_mdoc_write_platform(&d, p, limit, n);
    fp_mdoc_done(&d);
    return msgs;
}
