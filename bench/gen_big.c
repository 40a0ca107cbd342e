/* Builds the big benchmark database through the storage API:
 * 40 stores x 12 categories, 2,000 people, 104 weeks ending 2026-W47,
 * 16 KPIs per person and week = 3,328,000 facts, plus weekly FX rates and
 * standing GMV targets for every store and person.
 *
 * Usage: gen_big FILE   (FILE is replaced)
 *
 * Deterministic (fixed-seed generator). Facts are inserted in primary-key
 * order (week, node, kpi) with one prepared statement in one transaction,
 * so SQLite only appends to its B-tree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "model/week.h"
#include "storage/trend_sums.h"
#include "storage/db.h"
#include "storage/org.h"

#define NSTORES 40
#define NCATS 12
#define NPEOPLE 2000
#define NWEEKS 104
#define LAST_WEEK 202647
#define NKPIS 16

static const char *const kpi_codes[NKPIS] = {
    "gmv", "orders", "impressions", "clicks", "ad_spend", "views",
    "watch_seconds", "live_sessions", "video_plays", "plays_3s", "returns",
    "gross_profit", "neg_reviews", "neg_reviews_24h", "viewers", "buyers",
};

typedef struct { const char *market, *currency, *name; double rate; } market;
static const market markets[] = {
    {"MY", "MYR", "马来西亚", 0.236}, {"TH", "THB", "泰国", 0.0296},
    {"PH", "PHP", "菲律宾", 0.0171},  {"ID", "IDR", "印尼", 0.000063},
    {"VN", "VND", "越南", 0.000039},  {"SG", "SGD", "新加坡", 0.77},
    {"SA", "SAR", "沙特", 0.2666},    {"AE", "AED", "阿联酋", 0.2723},
};
#define NMARKETS (int)(sizeof markets / sizeof markets[0])

static const char *const cat_names[NCATS] = {
    "服饰", "美妆", "家居", "零食", "数码", "母婴",
    "运动", "宠物", "箱包", "饰品", "个护", "家电",
};
static const char *const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
static const char *const given = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平";
static const char *const roles[] = {"host", "host", "ad_buyer", "editor",
                                    "host", "ad_buyer", "editor",
                                    "ops_manager"};

static uint64_t rng_state = 0x2026114716ULL;

/* splitmix64: fast, good enough, the same on every machine. */
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi). */
static double rng_range(double lo, double hi)
{
    return lo + (hi - lo) * (double)(rng_next() >> 11) * 0x1.0p-53;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One Chinese name (3 UTF-8 bytes per character) from person number i. */
static void person_name(int i, char *buf, size_t bufsz)
{
    int s = i % 20, g1 = (i / 20 + 3 * i) % 20, g2 = (i / 400 + 7 * i) % 20;
    snprintf(buf, bufsz, "%.3s%.3s%.3s", surnames + 3 * s, given + 3 * g1,
             given + 3 * g2);
}

static bool add_stores(fp_db *db)
{
    for (int s = 0; s < NSTORES; s++) {
        const market *m = &markets[s % NMARKETS];
        char code[16], name[64];
        snprintf(code, sizeof code, "s%02d", s + 1);
        snprintf(name, sizeof name, "%s %s 店 %02d", m->name,
                 s % 3 == 2 ? "Shopee" : "TikTok", s + 1);
        if (!fp_org_upsert_store(db, code, name,
                                 s % 3 == 2 ? "Shopee Live" : "TikTok Shop",
                                 m->market, m->currency, NULL))
            return false;
    }
    for (int c = 0; c < NCATS; c++) {
        char code[16];
        snprintf(code, sizeof code, "c%02d", c + 1);
        if (!fp_org_upsert_category(db, code, cat_names[c], NULL))
            return false;
    }
    return true;
}

/* Creates every person node, cell by cell, so node ids ascend with the
 * person number. Fills node_ids[NPEOPLE]. */
static bool add_people(fp_db *db, long long *node_ids)
{
    int p = 0;
    for (int cell = 0; cell < NSTORES * NCATS; cell++) {
        int end = (int)((long)NPEOPLE * (cell + 1) / (NSTORES * NCATS));
        char store[16], cat[16];
        snprintf(store, sizeof store, "s%02d", cell / NCATS + 1);
        snprintf(cat, sizeof cat, "c%02d", cell % NCATS + 1);
        for (; p < end; p++) {
            char code[16], name[32];
            snprintf(code, sizeof code, "p%04d", p + 1);
            person_name(p, name, sizeof name);
            if (!fp_org_upsert_person(db, code, name, roles[p % 8], NULL))
                return false;
            node_ids[p] = fp_org_ensure_node(db, store, cat, code, NULL);
            if (node_ids[p] < 0)
                return false;
        }
    }
    return true;
}

static bool add_fx(fp_db *db, const fp_week *weeks)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO fx_rates(week, currency, rate) VALUES (?1, ?2, ?3)");
    if (!st)
        return false;
    bool ok = true;
    for (int w = 0; w < NWEEKS && ok; w++)
        for (int m = 0; m < NMARKETS && ok; m++) {
            sqlite3_bind_int(st, 1, weeks[w]);
            sqlite3_bind_text(st, 2, markets[m].currency, -1, SQLITE_STATIC);
            sqlite3_bind_double(st, 3,
                                markets[m].rate * rng_range(0.98, 1.02));
            ok = sqlite3_step(st) == SQLITE_DONE;
            sqlite3_reset(st);
        }
    if (!ok)
        fp_db_set_error(db, "fx_rates");
    sqlite3_finalize(st);
    return ok;
}

/* Standing GMV targets: every store and every person. */
static bool add_targets(fp_db *db, const long long *node_ids, long long gmv)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO targets(week, node_id, kpi_id, value)"
        " VALUES (0, ?1, ?2, ?3)");
    if (!st)
        return false;
    bool ok = true;
    for (int i = 0; i < NSTORES + NPEOPLE && ok; i++) {
        char store[16];
        snprintf(store, sizeof store, "s%02d", i + 1);
        long long node = i < NSTORES
            ? fp_org_find_node(db, store, NULL, NULL)
            : node_ids[i - NSTORES];
        sqlite3_bind_int64(st, 1, node);
        sqlite3_bind_int64(st, 2, gmv);
        sqlite3_bind_double(st, 3, i < NSTORES ? 400000.0 : 8000.0);
        ok = node > 0 && sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
    }
    if (!ok)
        fp_db_set_error(db, "targets");
    sqlite3_finalize(st);
    return ok;
}

/* The 16 values of one person-week, in kpi_codes order, loosely linked
 * the way a live room's numbers are. */
static void person_week(double *v)
{
    double views = rng_range(5000, 60000);
    double clicks = views * rng_range(0.06, 0.14);
    double orders = clicks * rng_range(0.02, 0.10);
    double gmv = orders * rng_range(20, 80);
    double vplays = rng_range(20000, 300000);
    double neg = orders * rng_range(0.0, 0.02);
    double out[NKPIS] = {
        gmv, orders, views * rng_range(3, 5), clicks,
        gmv / rng_range(2, 6), views, views * rng_range(30, 70),
        rng_range(3, 8), vplays, vplays * rng_range(0.25, 0.5),
        orders * rng_range(0.02, 0.1), gmv * rng_range(0.2, 0.35),
        neg, neg * rng_range(0.7, 1.0), views * rng_range(0.3, 0.6),
        orders * rng_range(0.85, 0.98),
    };
    for (int k = 0; k < NKPIS; k++)
        v[k] = k == 0 || k == 4 || k == 11 ? out[k] : (double)(long)out[k];
}

static bool add_facts(fp_db *db, const fp_week *weeks,
                      const long long *node_ids, const long long *kpi_ids)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO facts(week, node_id, kpi_id, value)"
        " VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return false;
    bool ok = true;
    double v[NKPIS];
    for (int w = 0; w < NWEEKS && ok; w++) {
        sqlite3_bind_int(st, 1, weeks[w]);
        for (int p = 0; p < NPEOPLE && ok; p++) {
            person_week(v);
            sqlite3_bind_int64(st, 2, node_ids[p]);
            for (int k = 0; k < NKPIS && ok; k++) {
                sqlite3_bind_int64(st, 3, kpi_ids[k]);
                sqlite3_bind_double(st, 4, v[k]);
                ok = sqlite3_step(st) == SQLITE_DONE;
                sqlite3_reset(st);
            }
        }
    }
    if (!ok)
        fp_db_set_error(db, "facts");
    sqlite3_finalize(st);
    return ok;
}

/* Registers the KPI codes; the facts loop wants them in id order so that
 * inserts stay in primary-key order: codes are new, so ids ascend. */
static bool add_kpis(fp_db *db, long long *kpi_ids)
{
    for (int k = 0; k < NKPIS; k++) {
        kpi_ids[k] = fp_db_kpi_id(db, kpi_codes[k]);
        if (kpi_ids[k] < 0 || (k > 0 && kpi_ids[k] <= kpi_ids[k - 1])) {
            snprintf(db->err, sizeof db->err, "kpi ids out of order");
            return false;
        }
    }
    return true;
}

static bool build(fp_db *db)
{
    static long long node_ids[NPEOPLE];
    long long kpi_ids[NKPIS];
    fp_week weeks[NWEEKS];
    weeks[NWEEKS - 1] = LAST_WEEK;
    for (int w = NWEEKS - 2; w >= 0; w--)
        weeks[w] = fp_week_prev(weeks[w + 1]);
    if (!fp_db_begin(db))
        return false;
    bool ok = add_kpis(db, kpi_ids) && add_stores(db) &&
              add_people(db, node_ids) && add_fx(db, weeks) &&
              add_targets(db, node_ids, kpi_ids[0]) &&
              add_facts(db, weeks, node_ids, kpi_ids) &&
              fp_trend_sums_write(db, weeks, NWEEKS); /* as an import does */
    if (ok)
        return fp_db_commit(db);
    fp_db_rollback(db);
    return false;
}

static void remove_db(const char *path)
{
    char aux[4096];
    unlink(path);
    snprintf(aux, sizeof aux, "%s-wal", path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    unlink(aux);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_big FILE\n");
        return 2;
    }
    char err[512];
    double t0 = now_s();
    remove_db(argv[1]);
    fp_db *db = fp_db_open(argv[1], false, err, sizeof err);
    if (!db) {
        fprintf(stderr, "gen_big: %s\n", err);
        return 1;
    }
    /* A fresh file: new pages need no rollback journal, and WAL would
     * copy the whole database once more. Back to WAL at the end. */
    sqlite3_exec(db->sql, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    sqlite3_exec(db->sql, "PRAGMA cache_size=-262144", NULL, NULL, NULL);
    bool ok = build(db);
    if (!ok)
        fprintf(stderr, "gen_big: %s\n", db->err);
    sqlite3_exec(db->sql, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    fp_db_close(db);
    if (!ok)
        return 1;
    struct stat sb;
    stat(argv[1], &sb);
    printf("gen_big: %d facts (%d stores, %d categories, %d people, "
           "%d weeks, %d KPIs) in %.1f s -> %s (%.0f MB)\n",
           NWEEKS * NPEOPLE * NKPIS, NSTORES, NCATS, NPEOPLE, NWEEKS, NKPIS,
           now_s() - t0, argv[1], (double)sb.st_size / 1e6);
    return 0;
}
