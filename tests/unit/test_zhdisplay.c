/* Chinese-first display (issue 13): the interface language, labels in
 * its order through one set of functions, 万/亿 compact numbers, pinyin
 * order and search of the sample's names, the line-breaking rule of the
 * minutes, and the real binary's screens and scorecard in each language. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "model/catalogue.h"
#include "model/format.h"
#include "model/labels.h"
#include "model/lang.h"
#include "model/pinyin.h"
#include "model/rollup.h"
#include "model/tree.h"
#include "model/wrap.h"
#include "storage/catalogue_ini.h"
#include "tests/unit/helpers.h"
#include "tui/format.h"

static fp_catalogue *shipped(void)
{
    char err[512] = "";
    fp_catalogue *cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    cr_assert_not_null(cat, "built-in catalogue: %s", err);
    return cat;
}

static const fp_kpi *kpi(const fp_catalogue *cat, const char *id)
{
    int k = fp_catalogue_kpi(cat, id);
    cr_assert(k >= 0, "no KPI %s", id);
    return &cat->kpis[k];
}

/* ---- the language ------------------------------------------------------ */

Test(lang, names_of_chinese_and_english)
{
    static const char *const zh[] = {
        "zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "ZH_cn", "zh_TW", "zh_CN:en",
    };
    static const char *const en[] = { "en", "en_US.UTF-8", "C", "C.UTF-8",
                                      "POSIX" };
    for (size_t i = 0; i < sizeof zh / sizeof zh[0]; i++)
        cr_assert_eq(fp_lang_parse(zh[i]), FP_LANG_ZH, "%s", zh[i]);
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++)
        cr_assert_eq(fp_lang_parse(en[i]), FP_LANG_EN, "%s", en[i]);
    cr_assert_eq(fp_lang_parse("zhx"), FP_LANG_UNSET);
    cr_assert_eq(fp_lang_parse("cn"), FP_LANG_UNSET);
    cr_assert_eq(fp_lang_parse(""), FP_LANG_UNSET);
    cr_assert_eq(fp_lang_parse(NULL), FP_LANG_UNSET);
}

Test(lang, the_environment_decides_until_set)
{
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "zh_CN.UTF-8", 1);
    fp_ui_lang_reset();
    cr_assert_eq(fp_ui_lang(), FP_LANG_ZH, "LANG=zh_CN.UTF-8");
    setenv("LC_ALL", "C.UTF-8", 1);
    cr_assert_eq(fp_ui_lang(), FP_LANG_EN, "LC_ALL comes before LANG");
    setenv("LANGUAGE", "zh_CN", 1);
    cr_assert_eq(fp_ui_lang(), FP_LANG_ZH, "LANGUAGE comes first");
    setenv("LANGUAGE", "", 1);
    cr_assert_eq(fp_ui_lang(), FP_LANG_EN, "an empty variable is skipped");
    fp_ui_lang_set(FP_LANG_ZH);
    cr_assert_eq(fp_ui_lang(), FP_LANG_ZH, "the setter wins");
    unsetenv("LC_ALL");
    unsetenv("LANG");
    fp_ui_lang_reset();
    cr_assert_eq(fp_ui_lang(), FP_LANG_EN, "English when nothing says");
}

/* ---- labels ------------------------------------------------------------ */

Test(labels, kpi_and_cause_labels_follow_the_language)
{
    fp_catalogue *cat = shipped();
    const fp_kpi *cvr = kpi(cat, "cvr");
    char s[256];
    fp_ui_lang_set(FP_LANG_EN);
    fp_label_kpi(cvr, FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "Conversion rate 转化率");
    fp_label_kpi(cvr, FP_LABEL_FIRST, s, sizeof s);
    cr_assert_str_eq(s, "Conversion rate");
    fp_label_cause(cat, "stockout", FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "Stockout / supply 缺货/供应链");
    fp_ui_lang_set(FP_LANG_ZH);
    fp_label_kpi(cvr, FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "转化率 Conversion rate");
    fp_label_kpi(cvr, FP_LABEL_FIRST, s, sizeof s);
    cr_assert_str_eq(s, "转化率");
    cr_assert_str_eq(fp_label_first(cvr->label, cvr->label_zh), "转化率");
    fp_label_kpi(cvr, FP_LABEL_LATIN, s, sizeof s);
    cr_assert_str_eq(s, "Conversion rate", "no UTF-8: English alone");
    fp_label_cause(cat, "stockout", FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "缺货/供应链 Stockout / supply");
    fp_label_cause(cat, "no_such_cause", FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "no_such_cause");
    fp_label_kpi_fit(kpi(cat, "cpm"), FP_LABEL_BOTH, 27, s, sizeof s);
    cr_assert_str_eq(s, "千次展示成本 Cost per mille", "it fits");
    fp_label_kpi_fit(kpi(cat, "cpm"), FP_LABEL_BOTH, 26, s, sizeof s);
    cr_assert_str_eq(s, "千次展示成本", "narrow: the Chinese label alone");
    fp_label_role(cat, "ad_buyer", FP_LABEL_FIRST, s, sizeof s);
    cr_assert_str_eq(s, "投手");
    fp_catalogue_free(cat);
}

Test(labels, a_missing_or_equal_half_is_not_repeated)
{
    char s[64];
    fp_ui_lang_set(FP_LANG_ZH);
    fp_label_pair("GMV", "", FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "GMV");
    fp_label_pair("GMV", NULL, FP_LABEL_FIRST, s, sizeof s);
    cr_assert_str_eq(s, "GMV");
    fp_label_pair("GMV", "GMV", FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "GMV");
    fp_ui_lang_set(FP_LANG_EN);
    fp_label_pair("", "成交金额", FP_LABEL_BOTH, s, sizeof s);
    cr_assert_str_eq(s, "成交金额");
}

Test(labels, status_words_and_node_paths)
{
    fp_ui_lang_set(FP_LANG_EN);
    cr_assert_str_eq(fp_status_text(FP_ST_GREEN), "● green");
    cr_assert_str_eq(fp_status_text(FP_ST_RED), "✖ red");
    cr_assert_str_eq(fp_status_text(FP_ST_AMBER), "◐ amber");
    cr_assert_str_eq(fp_status_text(FP_ST_NONE), "· none");
    fp_catalogue *cat = shipped();
    fp_tree *t = fp_tree_new("全部");
    int p = fp_tree_add_person(t, 1, "王强", "王强", "ad_buyer");
    int store = fp_tree_add_node(t, 0, FP_LVL_STORE, 2, "tts-th",
                                 "泰国 TikTok 店", "THB", -1);
    int catg = fp_tree_add_node(t, store, FP_LVL_CATEGORY, 3, "apparel",
                                "服饰", NULL, -1);
    int who = fp_tree_add_node(t, catg, FP_LVL_PERSON, 4, "王强", "王强",
                               NULL, p);
    char s[256];
    fp_node_path_label(t, cat, 0, " / ", s, sizeof s);
    cr_assert_str_eq(s, "全部");
    fp_node_path_label(t, NULL, who, " › ", s, sizeof s);
    cr_assert_str_eq(s, "泰国 TikTok 店 › 服饰 › 王强");
    fp_node_path_label(t, cat, who, " / ", s, sizeof s);
    cr_assert_str_eq(s, "泰国 TikTok 店 / 服饰 / 王强 (Ad buyer)");
    fp_ui_lang_set(FP_LANG_ZH);
    fp_node_path_label(t, cat, who, " / ", s, sizeof s);
    cr_assert_str_eq(s, "泰国 TikTok 店 / 服饰 / 王强 (投手)");
    fp_tree_free(t);
    fp_catalogue_free(cat);
}

/* ---- numbers ----------------------------------------------------------- */

static const char *compact(double v)
{
    static char buf[64];
    fp_format_compact(v, buf, sizeof buf);
    return buf;
}

Test(numbers, compact_in_english_uses_k_and_M)
{
    fp_ui_lang_set(FP_LANG_EN);
    cr_assert_str_eq(compact(251097), "251k");
    cr_assert_str_eq(compact(49281), "49.3k");
    cr_assert_str_eq(compact(1240000), "1.24M");
    cr_assert_str_eq(compact(-118200), "-118k");
    cr_assert_str_eq(compact(999), "999");
    cr_assert_str_eq(compact(NAN), FP_DASH);
}

Test(numbers, compact_in_chinese_uses_wan_and_yi)
{
    fp_ui_lang_set(FP_LANG_ZH);
    cr_assert_str_eq(compact(251097), "25.1万");
    cr_assert_str_eq(compact(49281), "4.93万");
    cr_assert_str_eq(compact(12345678), "1235万");
    cr_assert_str_eq(compact(124000000), "1.24亿");
    cr_assert_str_eq(compact(99995000), "1.00亿", "rounds up to the next unit");
    cr_assert_str_eq(compact(-2510000), "-251万");
    cr_assert_str_eq(compact(9990), "9990");
    cr_assert_str_eq(compact(3.2e12), "3.20万亿");
}

Test(numbers, two_significant_digits_for_narrow_cells)
{
    char s[32];
    fp_ui_lang_set(FP_LANG_ZH);
    fp_format_compact_sig(251097, 2, s, sizeof s);
    cr_assert_str_eq(s, "25万");
    fp_format_compact_sig(53815, 2, s, sizeof s);
    cr_assert_str_eq(s, "5.4万");
    fp_format_compact_sig(99600, 2, s, sizeof s);
    cr_assert_str_eq(s, "10万", "9.96 rounds to two digits, not 10.0");
    fp_ui_lang_set(FP_LANG_EN);
    fp_format_compact_sig(53815, 2, s, sizeof s);
    cr_assert_str_eq(s, "54k");
    fp_format_compact_sig(1240000, 3, s, sizeof s);
    cr_assert_str_eq(s, "1.24M");
}

Test(numbers, table_cells_compact_and_exact_figures_keep_separators)
{
    fp_catalogue *cat = shipped();
    const fp_kpi *gmv = kpi(cat, "gmv"), *cvr = kpi(cat, "cvr");
    char s[64];
    fp_ui_lang_set(FP_LANG_ZH);
    fp_fmt_kpi_short(gmv, 251097, s, sizeof s);
    cr_assert_str_eq(s, "25.1万");
    fp_fmt_kpi_short(gmv, 9999, s, sizeof s);
    cr_assert_str_eq(s, "9,999", "below 10,000: exact");
    fp_fmt_kpi_short(cvr, 0.0276, s, sizeof s);
    cr_assert_str_eq(s, "2.76%", "a rate is never compact");
    fp_format_value(gmv, 251097, s, sizeof s);
    cr_assert_str_eq(s, "251,097", "detail and minutes: exact, grouped");
    fp_fmt_kpi(gmv, 1240000, "PHP", s, sizeof s);
    cr_assert_str_eq(s, "PHP 1,240,000");
    fp_ui_lang_set(FP_LANG_EN);
    fp_fmt_kpi_short(gmv, 251097, s, sizeof s);
    cr_assert_str_eq(s, "251k");
    fp_catalogue_free(cat);
}

/* ---- pinyin ------------------------------------------------------------ */

typedef struct { char *name[64]; size_t n; } names;

/* The distinct names of sample-data/people.csv (column 2). */
static names sample_names(void)
{
    names ns = { .n = 0 };
    FILE *f = fopen("sample-data/people.csv", "r");
    cr_assert_not_null(f, "run from the source tree");
    char line[512];
    cr_assert_not_null(fgets(line, sizeof line, f)); /* header */
    while (fgets(line, sizeof line, f) && ns.n < 64) {
        char *name = strchr(line, ',');
        cr_assert_not_null(name);
        name++;
        name[strcspn(name, ",")] = '\0';
        bool seen = false;
        for (size_t i = 0; i < ns.n; i++)
            seen = seen || strcmp(ns.name[i], name) == 0;
        if (!seen)
            ns.name[ns.n++] = strdup(name);
    }
    fclose(f);
    cr_assert(ns.n >= 20, "the sample has its people");
    return ns;
}

static int cmp_names(const void *a, const void *b)
{
    return fp_name_cmp(*(char *const *)a, *(char *const *)b);
}

/* The first syllable of name's pinyin ("wang" for 王强). */
static void first_syllable(const char *name, char *out, size_t outsz)
{
    char py[256];
    cr_assert(fp_pinyin(name, py, sizeof py), "%s", name);
    snprintf(out, outsz, "%.*s", (int)strcspn(py, " "), py);
}

Test(pinyin, transliteration)
{
    char py[128];
    cr_assert(fp_pinyin("王强", py, sizeof py));
    cr_assert_str_eq(py, "wang qiang");
    cr_assert(fp_pinyin("泰国 TikTok 店", py, sizeof py));
    cr_assert_str_eq(py, "tai guo tiktok dian");
    fp_pinyin_done();
}

Test(pinyin, sample_names_sort_in_pinyin_order_in_chinese)
{
    names ns = sample_names();
    fp_ui_lang_set(FP_LANG_ZH);
    qsort(ns.name, ns.n, sizeof ns.name[0], cmp_names);
    for (size_t i = 1; i < ns.n; i++) {
        char a[64], b[64];
        first_syllable(ns.name[i - 1], a, sizeof a);
        first_syllable(ns.name[i], b, sizeof b);
        cr_assert(strcmp(a, b) <= 0, "%s (%s) sorted before %s (%s)",
                  ns.name[i - 1], a, ns.name[i], b);
    }
    cr_assert(fp_name_cmp("陈杰", "李娜") < 0);
    cr_assert(fp_name_cmp("李娜", "王强") < 0);
    cr_assert(fp_name_cmp("王强", "张伟") < 0);
    cr_assert(fp_name_cmp("王芳", "王强") < 0, "wang fang < wang qiang");
    fp_ui_lang_set(FP_LANG_EN);
    cr_assert_eq(fp_name_cmp("张伟", "王强") < 0, strcmp("张伟", "王强") < 0,
                 "English keeps byte order");
    for (size_t i = 0; i < ns.n; i++)
        free(ns.name[i]);
    fp_pinyin_done();
}

Test(pinyin, search_finds_wang_qiang_by_initials_pinyin_and_characters)
{
    static const char *const finds[] = {
        "wq", "WQ", "wangqiang", "wang qiang", "qiang", "王", "王强", "强",
    };
    for (size_t i = 0; i < sizeof finds / sizeof finds[0]; i++)
        cr_assert(fp_name_matches("王强", finds[i]), "'%s'", finds[i]);
    cr_assert_not(fp_name_matches("王强", "wz"));
    cr_assert_not(fp_name_matches("王强", "zhangwei"));
    cr_assert(fp_name_matches("tts-th", "TTS"), "codes: ASCII without case");
    /* among the sample's people only 王强 answers to wq and wangqiang */
    names ns = sample_names();
    int wq = 0, full = 0, wang = 0;
    for (size_t i = 0; i < ns.n; i++) {
        wq += fp_name_matches(ns.name[i], "wq");
        full += fp_name_matches(ns.name[i], "wangqiang");
        wang += fp_name_matches(ns.name[i], "王");
        free(ns.name[i]);
    }
    cr_assert_eq(wq, 1);
    cr_assert_eq(full, 1);
    cr_assert_eq(wang, 2, "王强 and 王芳");
    fp_pinyin_done();
}

/* ---- the wrap rule ----------------------------------------------------- */

/* The first line of s at cols columns. */
static const char *first_line(const char *s, int cols)
{
    static char line[256];
    size_t skip;
    size_t n = fp_wrap_point(s, cols, &skip);
    snprintf(line, sizeof line, "%.*s", (int)n, s);
    return line;
}

Test(wrap, never_inside_a_chinese_word)
{
    /* 涨了六成 fits to 六 at 6 columns: 六成 is one word */
    cr_assert_str_eq(first_line("涨了六成,ROAS 掉到", 6), "涨了");
    cr_assert_str_eq(first_line("修正店铺 GMV", 6), "修正");
    fp_wrap_done();
}

Test(wrap, never_between_a_number_and_its_unit)
{
    cr_assert_str_eq(first_line("收入25.1万元", 9), "收入");
    cr_assert_str_eq(first_line("限流 3 天,场观", 7), "限流");
    cr_assert_str_eq(first_line("少了约 60%。", 8), "少了约");
    cr_assert_str_eq(first_line("共 MYR 118,200", 8), "共",
                     "a currency code stays with its amount");
    fp_wrap_done();
}

Test(wrap, latin_words_marks_and_long_words)
{
    size_t skip;
    cr_assert_eq(fp_wrap_point("hello world", 8, &skip), 5);
    cr_assert_eq(skip, 1, "the space broken at is dropped");
    cr_assert_eq(fp_wrap_point("hello world", 20, &skip), 11, "it all fits");
    cr_assert_eq(skip, 0);
    cr_assert_eq(fp_wrap_point("abcdefghij", 4, &skip), 4, "a long word is cut");
    cr_assert_str_eq(first_line("a, ✖ Return rate", 6), "a,",
                     "a status mark stays with its KPI");
    cr_assert_str_eq(first_line("延迟,补货（周三）", 13), "延迟,补货",
                     "an opening bracket does not end a line");
    fp_wrap_done();
}

/* ---- the real binary, in each language ---------------------------------- */

static char *run_in(const fp_scratch *sc, const char *lang, const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && env -u LC_ALL -u LC_MESSAGES LANGUAGE= LANG=%s "
             "XDG_CONFIG_HOME='%s' NO_COLOR= FUPAN_ASCII= '%s' %s --db '%s' "
             "2>stderr.txt </dev/null",
             sc->dir, lang, sc->dir, sc->bin, args, sc->db);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char *out = fp_read_all(p);
    int st = pclose(p);
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit %d: %s", st, cmd);
    return out;
}

static void assert_has(const char *s, const char *what)
{
    cr_assert_not_null(strstr(s, what), "'%s' not in:\n%s", what, s);
}

Test(display, first_screen_in_chinese_shows_chinese_labels_and_wan,
     .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "zhdisplay", NULL);
    char *zh = run_in(&sc, "zh_CN.UTF-8", "--today 2026-11-25 --headless 100x30 --keys ''");
    assert_has(zh, "成交金额      广告投产比          转化率"); /* headings */
    assert_has(zh, "▸菲律宾 Shopee 店          81% ✖✖✖✖ PHP 25.1万");
    assert_has(zh, "\n▸成交金额 GMV  ");                      /* detail */
    assert_has(zh, "PHP 251,097");                            /* exact */
    cr_assert_null(strstr(zh, "GMV 成交金额"));
    char *en = run_in(&sc, "C.UTF-8", "--today 2026-11-25 --headless 100x30 --keys ''");
    assert_has(en, "PHP 251k");
    assert_has(en, "\n▸GMV 成交金额  ");
    cr_assert_null(strstr(en, "万"));
    free(zh);
    free(en);
    fp_scratch_remove(&sc);
}

Test(display, scorecard_in_chinese_and_search_by_pinyin, .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "zhdisplay", NULL);
    char *s = run_in(&sc, "zh_CN.UTF-8",
                     "--today 2026-11-25 --headless 100x30 --keys '/ text:wq Enter Enter'");
    assert_has(s, "王强 · ");                         /* the person's card */
    assert_has(s, "广告投产比 ROAS");
    assert_has(s, "投手");
    free(s);
    s = run_in(&sc, "C.UTF-8",
               "--today 2026-11-25 --headless 100x30 --keys '/ text:wangqiang Enter'");
    assert_has(s, "Match 1 of 1: 泰国 TikTok 店 › 服饰 › 王强");
    free(s);
    fp_scratch_remove(&sc);
}

/* The people view sorted by name (p, s): in Chinese, pinyin order. */
Test(display, people_sort_by_name_in_pinyin_order, .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "zhdisplay", NULL);
    char *s = run_in(&sc, "zh_CN.UTF-8", "--today 2026-11-25 --headless "
                     "100x40 --keys 'p s Home'");
    /* the first row is the selected one (Home): the heading above it is
     * in the catalogue's words */
    char *line = strstr(s, "\n\xe2\x96\xb8");
    cr_assert_not_null(line, "%s", s);
    char prev[64] = "", name[64], syl[64];
    int rows = 0;
    for (; line && (line[1] == ' ' ||
         strncmp(line + 1, "▸", 3) == 0); line = strchr(line + 1, '\n')) {
        const char *n = line + 1 + (line[1] == ' ' ? 1 : 3);
        snprintf(name, sizeof name, "%.*s", (int)strcspn(n, " "), n);
        first_syllable(name, syl, sizeof syl);
        cr_assert(strcmp(prev, syl) <= 0, "%s (%s) after %s", name, syl,
                  prev);
        snprintf(prev, sizeof prev, "%s", syl);
        rows++;
    }
    cr_assert_geq(rows, 15, "%s", s);
    free(s);
    fp_pinyin_done();
    fp_scratch_remove(&sc);
}

Test(display, cli_scorecard_has_the_tui_order_and_status_words,
     .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "zhdisplay", NULL);
    const char *args = "scorecard --week 2026-W47 --path tts-th/apparel/王强";
    char *en = run_in(&sc, "C.UTF-8", args);
    assert_has(en, "\nAd spend 广告消耗 ");
    assert_has(en, "✖ red");
    cr_assert_null(strstr(en, "● ok"), "the word is the TUI's: green");
    char *zh = run_in(&sc, "zh_CN.UTF-8", args);
    assert_has(zh, "\n广告消耗 Ad spend ");
    free(en);
    free(zh);
    fp_scratch_remove(&sc);
}

/* The language --lang or [ui] language chooses drives the display
 * (label order, 万/亿) whatever the environment says, as it drives the
 * catalogue (tests/e2e/test_lang_zh.sh: the catalogue is not built for
 * the unit tests' binary under make asan). */
Test(display, lang_option_and_config_drive_labels_and_words,
     .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "zhdisplay", NULL);
    const char *card = "scorecard --week 2026-W47 --path tts-th/apparel/王强";
    char args[2048];
    snprintf(args, sizeof args, "%s --lang zh_CN", card);
    char *zh = run_in(&sc, "C.UTF-8", args);
    assert_has(zh, "\n广告消耗 Ad spend ");
    snprintf(args, sizeof args, "%s --lang en", card);
    char *en = run_in(&sc, "zh_CN.UTF-8", args);
    assert_has(en, "\nAd spend 广告消耗 ");
    assert_has(en, "✖ red");
    char cfg[1024];
    snprintf(cfg, sizeof cfg, "%s/zh.ini", sc.dir);
    FILE *f = fopen(cfg, "w");
    cr_assert_not_null(f);
    fputs("[ui]\nlanguage = zh_CN\n", f);
    fclose(f);
    snprintf(args, sizeof args, "--config '%s' --today 2026-11-25 "
             "--headless 100x30 --keys ''", cfg);
    char *screen = run_in(&sc, "C.UTF-8", args);
    assert_has(screen, "PHP 25.1万");
    assert_has(screen, "\n▸成交金额 GMV  ");
    free(zh);
    free(en);
    free(screen);
    fp_scratch_remove(&sc);
}

/* Every wrapped line of the text minutes joins its next line at a legal
 * break: never between a digit and a unit, never inside 六成 or 店铺. */
Test(display, minutes_never_split_a_number_from_its_unit, .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "zhdisplay", NULL);
    static const char *const langs[] = { "C.UTF-8", "zh_CN.UTF-8" };
    for (size_t i = 0; i < 2; i++) {
        char *s = run_in(&sc, langs[i], "minutes --week 2026-W47");
        assert_has(s, i ? "成交金额 GMV" : "GMV 成交金额");
        assert_has(s, i ? "王强 (投手)" : "王强 (Ad buyer)");
        assert_has(s, "六成");
        cr_assert_null(strstr(s, "六\n    成"), "六成 split:\n%s", s);
        cr_assert_null(strstr(s, "店\n    铺"), "店铺 split:\n%s", s);
        for (char *nl = strchr(s, '\n'); nl && nl[1]; nl = strchr(nl + 1, '\n')) {
            if (strncmp(nl + 1, "    ", 4) != 0 || nl[5] == ' ')
                continue; /* not a continuation line */
            const char *next = nl + 5;
            bool unit = strncmp(next, "万", 3) == 0 ||
                        strncmp(next, "天", 3) == 0 || *next == '%';
            cr_assert_not(nl[-1] >= '0' && nl[-1] <= '9' && unit,
                          "a number split from its unit: %.40s", nl - 10);
        }
        free(s);
    }
    fp_scratch_remove(&sc);
}
