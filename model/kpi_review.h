/* The quarterly review of the KPI system (每季度回顾): for each KPI on a
 * card, over a quarter's person-weeks, how many cards carry it, its
 * green/amber/red shares, "always green" / "never green" flags, how
 * often it was overridden, the notes' causes on it, and for a process
 * KPI the correlation of its attainment with the card's result KPIs'
 * attainment; and the conflict pairs that fired. Plain C: the caller
 * feeds weeks (rollups), override and note counts. Rules: see
 * docs/kpi-system.md.
 * Ownership: fp_kpi_review_new/fp_kpi_review_free. */
#ifndef FUPAN_MODEL_KPI_REVIEW_H
#define FUPAN_MODEL_KPI_REVIEW_H

#include <stdbool.h>
#include <stdio.h>

#include "model/rollup.h"
#include "model/week.h"

#define FP_REVIEW_ALWAYS_GREEN 0.90  /* green share at or above: too easy */
#define FP_REVIEW_NEVER_GREEN 0.10   /* at or below: unrealistic */
#define FP_REVIEW_NO_MOVE 0.20       /* |r| below: moves no result */
#define FP_REVIEW_MIN_PAIRS 4        /* fewer pairs: no correlation */
#define FP_QUARTER_MAX_WEEKS FP_PERIOD_MAX_WEEKS

typedef struct {
    int people;          /* distinct people whose card carries it */
    int person_weeks;    /* active person-weeks carrying it */
    int judged, green, amber, red; /* person-weeks with a status */
    int overrides;       /* overrides on it in the quarter (any node) */
    int *causes;         /* per catalogue cause: notes on it */
    int notes;
    /* process KPIs: attainment against the card's result attainment */
    int pairs;
    double sx, sy, sxx, syy, sxy;
    double r;            /* Pearson correlation, NAN when not enough */
    bool always_green, never_green, moves_no_result;
} fp_kpi_review_row;

typedef struct {
    const fp_catalogue *cat;   /* borrowed */
    int npeople;
    fp_kpi_review_row *rows;   /* per catalogue KPI */
    int *conflicts;            /* per conflict pair: times fired */
    unsigned char *seen;       /* npeople * nkpis: person carries KPI */
    int weeks, person_weeks;
} fp_kpi_review;

fp_kpi_review *fp_kpi_review_new(const fp_catalogue *cat, int npeople);
void fp_kpi_review_free(fp_kpi_review *rv);
/* One week: every person row of now (active when any KPI of their card
 * has a value); prev (the week before, may be NULL) for the conflict
 * pairs. Both over the same tree and catalogue. */
void fp_kpi_review_add_week(fp_kpi_review *rv, const fp_rollup *now,
                            const fp_rollup *prev);
void fp_kpi_review_add_overrides(fp_kpi_review *rv, int kpi, int n);
void fp_kpi_review_add_notes(fp_kpi_review *rv, int kpi, int cause, int n);
/* Shares, flags and correlations, once every week is in. */
void fp_kpi_review_finish(fp_kpi_review *rv);
/* True when the KPI is on some card this quarter. */
bool fp_kpi_review_listed(const fp_kpi_review *rv, int kpi);

typedef enum {
    FP_KPI_REVIEW_TEXT, FP_KPI_REVIEW_MD, FP_KPI_REVIEW_CSV
} fp_kpi_review_format;

/* The finished review under title (text and md) to out
 * (model/kpi_review_out.c); columns: docs/kpi-system.md. */
void fp_kpi_review_write(const fp_kpi_review *kr, const char *title,
                         fp_kpi_review_format fmt, FILE *out);

/* "2026-Q4" -> year 2026, quarter 4. */
bool fp_quarter_parse(const char *text, int *year, int *quarter);
/* The ISO weeks whose Thursday falls in the quarter's months, in order;
 * returns how many (12 to 14). out holds FP_QUARTER_MAX_WEEKS. */
int fp_quarter_weeks(int year, int quarter, fp_week *out);

#endif
