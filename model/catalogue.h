/* The KPI catalogue: KPI definitions, compiled formulas, role templates,
 * key KPIs per level, conflict pairs and cause codes. Plain C; it is
 * filled from INI text by storage/catalogue_ini.c.
 * Ownership: fp_catalogue_new/fp_catalogue_free; owns every string. */
#ifndef FUPAN_MODEL_CATALOGUE_H
#define FUPAN_MODEL_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/tree.h"

typedef enum { FP_ADD_SUM, FP_ADD_FORMULA, FP_ADD_NONE } fp_additivity;
typedef enum {
    FP_UNIT_COUNT, FP_UNIT_MONEY, FP_UNIT_PERCENT, FP_UNIT_RATIO,
    FP_UNIT_SECONDS
} fp_unit;
typedef enum { FP_DIR_HIGHER, FP_DIR_LOWER, FP_DIR_NONE } fp_direction;

typedef struct fp_expr fp_expr; /* compiled formula, see model/expr.h */

typedef struct {
    char *id;            /* "gmv" */
    char *label;         /* English "GMV" */
    char *label_zh;      /* "成交金额" */
    fp_unit unit;
    fp_direction dir;
    fp_additivity add;
    char *formula_src;   /* NULL unless add == FP_ADD_FORMULA */
    fp_expr *formula;    /* compiled, indices into the catalogue's kpis */
    int decimals;
    double green;        /* attainment at or above: green (default 1.00) */
    double amber;        /* at or above: amber (default 0.90); below: red */
    int maturity_days;   /* a week younger than this is provisional */
    bool is_result;      /* result KPI (结果指标) vs process (过程指标) */
    int line;            /* line of its section in the INI, for messages */
} fp_kpi;

typedef struct {
    int kpi;             /* index into kpis */
    double weight;
    double default_target; /* NAN when the role gives none */
} fp_weighted_kpi;

typedef struct {
    char *id;            /* "host" */
    char *label, *label_zh;
    fp_weighted_kpi *kpis;
    int nkpis;
    int scope;           /* 0: the card is read on the person's own facts;
                            FP_LVL_STORE / FP_LVL_CATEGORY: on that node
                            above the person (an ops manager answers for
                            the store, not for facts of their own) */
    char *pilot;         /* "张伟 李娜": the people (codes or names) this
                            role is piloted on; NULL for a role proper */
} fp_role;

typedef struct {
    char *id;            /* "stockout" */
    char *label, *label_zh;
} fp_cause;

typedef struct {
    int a, b;            /* KPI indices */
    int dir_a, dir_b;    /* +1 "up", -1 "down": flagged when both move so */
    char *text;          /* explanation shown to the lead */
} fp_conflict;

/* Scorecard of a level (company, store, category) and key KPIs shown in
 * the table columns; people use their role's template. */
typedef struct {
    fp_weighted_kpi *kpis;
    int nkpis;
} fp_level_card;

typedef struct {
    fp_kpi *kpis;
    int nkpis;
    int *eval_order;     /* formula KPIs in dependency order */
    int neval;
    fp_role *roles;
    int nroles;
    fp_cause *causes;
    int ncauses;
    fp_conflict *conflicts;
    int nconflicts;
    fp_level_card levels[3]; /* FP_LVL_COMPANY, STORE, CATEGORY */
    char *reporting_currency; /* "USD" */
} fp_catalogue;

fp_catalogue *fp_catalogue_new(void);
void fp_catalogue_free(fp_catalogue *cat);

int fp_catalogue_kpi(const fp_catalogue *cat, const char *id);   /* -1 */
int fp_catalogue_role(const fp_catalogue *cat, const char *id);  /* -1 */
int fp_catalogue_cause(const fp_catalogue *cat, const char *id); /* -1 */
/* Weighted KPIs of a node's scorecard: its role's for a person (role may
 * be NULL/unknown: empty card), else its level's. */
const fp_weighted_kpi *fp_catalogue_card(const fp_catalogue *cat, int level,
                                         const char *role, int *nkpis);

/* ---- building (storage/catalogue_ini.c and tests) ----
 * All strings are copied. Return an index (or 0), -1 on allocation
 * failure. Formulas are compiled, and everything checked, by
 * fp_catalogue_validate afterwards. */

/* A KPI with defaults: label = id, count, higher, sum, 0 decimals, green
 * 1.00, amber 0.90, maturity 0, process. */
int fp_catalogue_add_kpi(fp_catalogue *cat, const char *id);
int fp_catalogue_set_labels(fp_catalogue *cat, int kpi, const char *label,
                            const char *label_zh);
/* Makes KPI kpi FP_ADD_FORMULA with this source. */
int fp_catalogue_set_formula(fp_catalogue *cat, int kpi, const char *src);
int fp_catalogue_add_role(fp_catalogue *cat, const char *id,
                          const char *label, const char *label_zh);
/* Adds a KPI to role's card; default_target NAN for none. */
int fp_catalogue_role_add(fp_catalogue *cat, int role, int kpi,
                          double weight, double default_target);
/* Adds a KPI to the card of level (FP_LVL_COMPANY/STORE/CATEGORY). */
int fp_catalogue_level_add(fp_catalogue *cat, int level, int kpi,
                           double weight, double default_target);
int fp_catalogue_add_cause(fp_catalogue *cat, const char *id,
                           const char *label, const char *label_zh);
int fp_catalogue_add_conflict(fp_catalogue *cat, int a, int dir_a, int b,
                              int dir_b, const char *text);
int fp_catalogue_set_currency(fp_catalogue *cat, const char *code);

/* What fp_catalogue_validate complains about, so that the loader can
 * name the file and line. */
typedef enum {
    FP_WHERE_NONE, FP_WHERE_KPI, FP_WHERE_FORMULA, FP_WHERE_ROLE,
    FP_WHERE_LEVEL, FP_WHERE_CAUSE, FP_WHERE_CONFLICT
} fp_where_kind;
typedef struct { fp_where_kind kind; int index; } fp_cat_where;

/* Checks ids (identifiers, no duplicates), thresholds (0 < amber <=
 * green), decimals, maturity, cards and conflict pairs; compiles every
 * formula (unknown component -> error) and orders the formula KPIs so
 * that each comes after the formula KPIs it uses (a cycle -> error,
 * "formula cycle: a -> b -> a"). Fills eval_order. Returns false with
 * the message in err (without a file name) and the culprit in where. */
bool fp_catalogue_validate(fp_catalogue *cat, fp_cat_where *where,
                           char *err, size_t errsz);

/* Maturity of a KPI including its formula's components (a ratio is
 * provisional while any component is). Needs a validated catalogue. */
int fp_catalogue_maturity(const fp_catalogue *cat, int kpi);

/* Pilots (试点): every person named in a role's pilot list gets that
 * role (tree->people[p].role replaced, .pilot set); a person named by
 * several roles gets the first. Names match a person's code or name.
 * Returns how many people were moved, -1 when out of memory. */
int fp_catalogue_apply_pilots(const fp_catalogue *cat, fp_tree *tree);

/* True when role's scorecard holds result KPIs only, no process KPI
 * (the article's "results without process" pitfall). False for an
 * unknown role or an empty card. */
bool fp_card_result_only(const fp_catalogue *cat, const char *role);

#endif
