/* Labels in the interface language's order; see labels.h. */
#include "model/labels.h"

#include <stdio.h>
#include <string.h>

#include "model/format.h"
#include "model/i18n.h"
#include "model/lang.h"
#include "model/text.h"

static bool has(const char *s)
{
    return s && *s;
}

void fp_label_pair(const char *label, const char *label_zh,
                   fp_label_form form, char *out, size_t outsz)
{
    bool zh_first = fp_ui_lang() == FP_LANG_ZH;
    const char *first = zh_first ? label_zh : label;
    const char *second = zh_first ? label : label_zh;
    if (form == FP_LABEL_LATIN) {
        first = has(label) ? label : "";
        second = NULL;
    }
    if (!has(first))
        first = second, second = NULL;
    if (form != FP_LABEL_BOTH || !has(second) || strcmp(first, second) == 0)
        second = NULL;
    snprintf(out, outsz, "%s%s%s", has(first) ? first : "",
             second ? " " : "", second ? second : "");
}

const char *fp_label_first(const char *label, const char *label_zh)
{
    const char *first = fp_ui_lang() == FP_LANG_ZH ? label_zh : label;
    const char *other = first == label ? label_zh : label;
    return has(first) ? first : has(other) ? other : "";
}

void fp_label_kpi(const fp_kpi *k, fp_label_form form, char *out,
                  size_t outsz)
{
    if (!k || (!has(k->label) && !has(k->label_zh))) {
        snprintf(out, outsz, "%s", k && k->id ? k->id : "");
        return;
    }
    fp_label_pair(k->label, k->label_zh, form, out, outsz);
}

void fp_label_kpi_fit(const fp_kpi *k, fp_label_form form, int cols,
                      char *out, size_t outsz)
{
    fp_label_kpi(k, form, out, outsz);
    if (form == FP_LABEL_BOTH && fp_text_width(out) > cols)
        fp_label_kpi(k, FP_LABEL_FIRST, out, outsz);
}

void fp_label_cause(const fp_catalogue *cat, const char *code,
                    fp_label_form form, char *out, size_t outsz)
{
    int i = code && cat ? fp_catalogue_cause(cat, code) : -1;
    if (i < 0) {
        snprintf(out, outsz, "%s", code ? code : "");
        return;
    }
    fp_label_pair(cat->causes[i].label, cat->causes[i].label_zh, form, out,
                  outsz);
}

void fp_label_role(const fp_catalogue *cat, const char *id,
                   fp_label_form form, char *out, size_t outsz)
{
    int i = id && cat ? fp_catalogue_role(cat, id) : -1;
    if (i < 0) {
        snprintf(out, outsz, "%s", id ? id : "");
        return;
    }
    fp_label_pair(cat->roles[i].label, cat->roles[i].label_zh, form, out,
                  outsz);
}

const char *fp_status_label(int status)
{
    return _(fp_status_word(status));
}

const char *fp_status_symbol(int status)
{
    static const char *const symbols[] = {
        "\xc2\xb7", "\xe2\x97\x8f", "\xe2\x97\x90", "\xe2\x9c\x96",
    };
    return symbols[status >= 0 && status <= 3 ? status : 0];
}

const char *fp_status_text(int status)
{
    static char shown[4][64];
    int st = status >= 0 && status <= 3 ? status : 0;
    snprintf(shown[st], sizeof shown[st], "%s %s", fp_status_symbol(st),
             fp_status_label(st));
    return shown[st];
}

void fp_node_path_label(const fp_tree *t, const fp_catalogue *cat, int node,
                        const char *sep, char *out, size_t outsz)
{
    int chain[16], n = 0;
    for (int p = node; p > 0 && n < 16; p = t->nodes[p].parent)
        chain[n++] = p;
    if (n == 0) {
        snprintf(out, outsz, "%s", t->nodes[0].name);
        return;
    }
    size_t o = 0;
    out[0] = '\0';
    for (int i = n - 1; i >= 0 && o < outsz; i--)
        o += (size_t)snprintf(out + o, outsz - o, "%s%s",
                              t->nodes[chain[i]].name, i ? sep : "");
    const fp_node *nd = &t->nodes[node];
    if (!cat || nd->person < 0 || o >= outsz)
        return;
    const char *role = t->people[nd->person].role;
    if (!role || fp_catalogue_role(cat, role) < 0)
        return;
    char label[128];
    fp_label_role(cat, role, FP_LABEL_FIRST, label, sizeof label);
    snprintf(out + o, outsz - o, " (%s)", label);
}
