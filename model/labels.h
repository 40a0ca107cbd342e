/* One wording for the TUI, the CLI and the minutes: KPI, cause and role
 * labels in the interface language's order, status words and node
 * paths. Plain C; the language is fp_ui_lang() (model/lang.h).
 * Every function writes into the caller's buffer (cut to outsz) or
 * returns a static string; nothing to free. */
#ifndef FUPAN_MODEL_LABELS_H
#define FUPAN_MODEL_LABELS_H

#include <stddef.h>

#include "model/catalogue.h"
#include "model/tree.h"

typedef enum {
    FP_LABEL_BOTH,   /* "成交金额 GMV" in Chinese, "GMV 成交金额" in English */
    FP_LABEL_FIRST,  /* the language's own label alone (narrow places):
                        "成交金额" in Chinese, "GMV" in English */
    FP_LABEL_LATIN   /* the English label alone (no UTF-8 terminal) */
} fp_label_form;

/* A label pair in the language's order. An empty or missing half, or
 * two equal halves, give the other alone. */
void fp_label_pair(const char *label, const char *label_zh,
                   fp_label_form form, char *out, size_t outsz);
/* The language's own label of a pair (FP_LABEL_FIRST) as a pointer to
 * one of the two (never NULL: "" when both are empty). */
const char *fp_label_first(const char *label, const char *label_zh);
void fp_label_kpi(const fp_kpi *k, fp_label_form form, char *out,
                  size_t outsz);
/* fp_label_kpi in form when it fits in cols columns, else the
 * language's own label alone (FP_LABEL_FIRST; FP_LABEL_LATIN stays). */
void fp_label_kpi_fit(const fp_kpi *k, fp_label_form form, int cols,
                      char *out, size_t outsz);
/* The cause with this code; an unknown code (or NULL) reads as itself. */
void fp_label_cause(const fp_catalogue *cat, const char *code,
                    fp_label_form form, char *out, size_t outsz);
/* The role with this id; an unknown id reads as itself. */
void fp_label_role(const fp_catalogue *cat, const char *id,
                   fp_label_form form, char *out, size_t outsz);

/* Status word through gettext: "green", "amber", "red", "none"
 * (fp_status_word translated). */
const char *fp_status_label(int status);
/* Symbol and word: "● green", "◐ amber", "✖ red", "· none" (the word
 * translated). A static string per status, rewritten on each call. */
const char *fp_status_text(int status);
/* The symbol alone: "·", "●", "◐", "✖". */
const char *fp_status_symbol(int status);

/* "泰国 TikTok 店 / 服饰 / 王强": the names from the store down to
 * node, joined by sep; the company's own name for node 0. With cat
 * (may be NULL) a person node gets its role: " (投手)" in Chinese,
 * " (Ad buyer)" in English (FP_LABEL_FIRST). */
void fp_node_path_label(const fp_tree *t, const fp_catalogue *cat, int node,
                        const char *sep, char *out, size_t outsz);

#endif
