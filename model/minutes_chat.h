/* The chat minutes (fupan minutes --format chat, push, the TUI's y/P):
 * the sections for a group chat (minutes_chat.c) and their writers
 * (minutes_chat_write.c): plain chat text, and the rich text of the
 * group bots: Feishu "post", DingTalk markdown, WeCom markdown, each as
 * JSON request bodies within the platform's size limit (split into
 * numbered messages when needed, never cut). Plain C. */
#ifndef FUPAN_MODEL_MINUTES_CHAT_H
#define FUPAN_MODEL_MINUTES_CHAT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/minutes.h"
#include "model/minutes_doc.h"

typedef enum {
    FP_CHAT_FEISHU = 0, FP_CHAT_DINGTALK, FP_CHAT_WECOM, FP_CHAT_NPLATFORMS
} fp_chat_platform;

/* "feishu", "dingtalk", "wecom" (also "lark", "weixin"); false otherwise. */
bool fp_chat_platform_parse(const char *s, fp_chat_platform *out);
const char *fp_chat_platform_name(fp_chat_platform p);

/* The platform's limit in bytes and what it measures:
 * Feishu: the whole request body (20 KB, some room kept for the
 * signature fields); DingTalk: markdown.text (20,000 bytes); WeCom:
 * markdown.content (4,096 bytes). */
size_t fp_chat_platform_limit(fp_chat_platform p);

/* The chat minutes' sections appended to d. */
void fp_minutes_chat_doc(fp_mdoc *d, const fp_minutes_input *in);

/* Chat text: one line per block, sanitised, never wrapped; new string,
 * caller frees; NULL when out of memory. */
char *fp_mdoc_write_chat(const fp_mdoc *d);

/* The messages for platform p, each at most limit bytes as the platform
 * measures them (0: the platform's own limit): a NULL-terminated array
 * of JSON request bodies, *n of them; numbered "(1/2)" in the title when
 * there are several. Free with fp_chat_messages_free. NULL when out of
 * memory. */
char **fp_mdoc_write_platform(const fp_mdoc *d, fp_chat_platform p,
                              size_t limit, size_t *n);
void fp_chat_messages_free(char **msgs);

/* fp_minutes_chat_doc + fp_mdoc_write_platform. */
char **fp_minutes_platform(const fp_minutes_input *in, fp_chat_platform p,
                           size_t limit, size_t *n);

#endif
