/* Key bindings: contexts ([generic], [table], ...) bind keys to action
 * names. The shipped keymaps/default.ini is built into the binary; a user
 * file overrides it per context and action (an action the user file does
 * not name keeps its default keys). Bad lines are reported as
 * "FILE:LINE: what is wrong" and skipped.
 * Ownership: fp_keymap_new/fp_keymap_free. Needs curses' KEY_* values
 * only (no screen). */
#ifndef FUPAN_TUI_KEYMAP_H
#define FUPAN_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/action.h"

/* A key: a Unicode character (Enter is '\n', Tab '\t', Esc 27, Ctrl-x
 * 1..26), or a curses KEY_* code with FP_KEY_FN set. */
typedef int fp_key;
#define FP_KEY_FN 0x1000000
#define FP_KEY_ALT 0x2000000 /* Alt (Meta) held: Esc then the key, "<M-x>" */
#define FP_KEY_NONE (-1)
/* Keys with no curses code of their own (FP_KEY_FN set, above KEY_MAX):
 * Ctrl-J, which is not Enter here ("<C-j>"), and the markers a terminal
 * sends around pasted text in bracketed-paste mode ("<PasteStart>",
 * "<PasteEnd>"). */
#define FP_KEY_CTRL_J (FP_KEY_FN | 0x3f0)
#define FP_KEY_PASTE_START (FP_KEY_FN | 0x3f1)
#define FP_KEY_PASTE_END (FP_KEY_FN | 0x3f2)
#define FP_KEYS_PER_ACTION 8

typedef enum {
    FP_CTX_GENERIC, FP_CTX_TABLE, FP_CTX_DETAIL, FP_CTX_PERSON,
    FP_CTX_PEOPLE, FP_CTX_HELP, FP_CTX_NOTES, FP_CTX_ACTIONS, FP_CTX_TEXT,
    FP_CTX_COUNT
} fp_keyctx;

typedef struct { fp_key keys[FP_KEYS_PER_ACTION]; int nkeys; } fp_keylist;

typedef struct fp_keymap fp_keymap;

/* A keymap holding the built-in defaults (keymaps/default.ini). */
fp_keymap *fp_keymap_new(void);
void fp_keymap_free(fp_keymap *km);

/* Applies INI text on top of the current bindings; fname names it in
 * messages. Returns false when the text could not be read at all. */
bool fp_keymap_apply_text(fp_keymap *km, const char *text, const char *fname);
/* Same for a file; a missing or unreadable file is reported too. */
bool fp_keymap_apply_file(fp_keymap *km, const char *path);

/* The user keymap: explicit path, else the config's, else
 * the first readable fupan/keymap.ini in $XDG_CONFIG_HOME (~/.config),
 * then in $XDG_CONFIG_DIRS (/etc/xdg), as for the config (storage/xdg.h).
 * Returns a new string or NULL when there is none. */
char *fp_keymap_user_path(const char *explicit_path, const char *config_path);

/* Action bound to key in ctx; falls back through the context's parents
 * (detail -> table -> generic). FP_ACT_NONE when unbound. */
fp_action fp_keymap_lookup(const fp_keymap *km, fp_keyctx ctx, fp_key key);
/* Keys bound to act in ctx itself (no fallback); never NULL. */
const fp_keylist *fp_keymap_keys(const fp_keymap *km, fp_keyctx ctx,
                                 fp_action act);
/* First key that triggers act in ctx (with fallback), FP_KEY_NONE. */
fp_key fp_keymap_first_key(const fp_keymap *km, fp_keyctx ctx,
                           fp_action act);
fp_keyctx fp_keyctx_parent(fp_keyctx ctx); /* FP_CTX_COUNT for generic */
const char *fp_keyctx_name(fp_keyctx ctx);

/* Messages collected while loading ("FILE:LINE: ..."), in order. */
int fp_keymap_nmessages(const fp_keymap *km);
const char *fp_keymap_message(const fp_keymap *km, int i);

/* Parses a key name: "<Enter>" or "Enter", "<C-x>", "<M-x>", "<M-Enter>",
 * "<F5>", "j", "?", a single UTF-8 character. False when unknown. */
bool fp_key_parse(const char *name, fp_key *out);
/* Writes the keymap name of key ("<Enter>", "j", "<C-x>"). */
void fp_key_name(fp_key key, char *buf, size_t bufsz);
/* Short name for the key bar ("Enter", "j", "^X"). */
void fp_key_short_name(fp_key key, char *buf, size_t bufsz);
/* UTF-8 of a character key into out (>= 5 bytes); 0 for other keys. */
int fp_key_to_utf8(fp_key key, char *out);
/* A key as read by curses get_wch (rc is OK or KEY_CODE_YES): Enter,
 * Backspace and friends are normalised; a bare LF is Ctrl-J, not Enter
 * (nonl() mode: the Enter key sends CR). */
fp_key fp_key_from_input(int rc, unsigned int wc);

#endif
