/* Pushes the chat minutes to a group bot's webhook over HTTPS (libcurl):
 * Feishu, DingTalk or WeCom, signed when a secret is given. Never draws,
 * never prints: errors come back as one line that holds neither the
 * secret nor the webhook's address (its token). */
#ifndef FUPAN_STORAGE_PUSH_H
#define FUPAN_STORAGE_PUSH_H

#include <stddef.h>

#include "model/minutes_chat.h"

typedef struct {
    fp_chat_platform kind;
    const char *url;
    const char *secret;     /* NULL or "": an unsigned bot */
    double timeout;         /* seconds; 0: $FUPAN_PUSH_TIMEOUT, else 10 */
} fp_push_dest;

/* Sends one JSON body (from fp_mdoc_write_platform). Feishu: timestamp
 * and sign go into the body; DingTalk: into the query. 0 when the
 * platform took it; -1 with "feishu: MESSAGE (CODE)", "HTTP 500: ..."
 * or the transport's error in err. TLS is verified; proxies come from
 * the environment as for curl. */
int fp_push_send(const fp_push_dest *d, const char *body, char *err,
                 size_t errsz);

/* The signature of a timestamp ("1700000000" for Feishu, in
 * milliseconds for DingTalk) as the platform wants it, base64 (not yet
 * URL-encoded) into sig (45 bytes). */
void fp_push_sign(fp_chat_platform kind, const char *timestamp,
                  const char *secret, char sig[45]);

#endif
