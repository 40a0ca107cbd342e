/* Choosing the interface language: names, environment, config key. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/i18n.h"
#include "model/lang.h"
#include "storage/config.h"

Test(i18n, chinese_has_many_spellings)
{
    const char *zh[] = {"zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "zh_CN:en"};
    for (size_t i = 0; i < sizeof zh / sizeof *zh; i++)
        cr_assert_eq(fp_lang_parse(zh[i]), FP_LANG_ZH, "%s", zh[i]);
    cr_assert_eq(fp_lang_parse("en"), FP_LANG_EN);
    cr_assert_eq(fp_lang_parse("en_US.UTF-8"), FP_LANG_EN);
    cr_assert_eq(fp_lang_parse("zhx"), FP_LANG_UNSET);
    cr_assert_eq(fp_lang_parse("fr"), FP_LANG_UNSET);
    cr_assert_eq(fp_lang_parse(""), FP_LANG_UNSET);
    cr_assert_eq(fp_lang_parse(NULL), FP_LANG_UNSET);
}

static const char *env_language, *env_lc_all, *env_lang;

static char *stub_env(const char *name)
{
    const char *v = !strcmp(name, "LANGUAGE") ? env_language
                  : !strcmp(name, "LC_ALL")   ? env_lc_all
                  : !strcmp(name, "LANG")     ? env_lang : NULL;
    return (char *)v;
}

Test(i18n, the_first_variable_set_decides)
{
    env_language = NULL, env_lc_all = NULL, env_lang = NULL;
    cr_assert_eq(fp_lang_from_env(stub_env), FP_LANG_EN, "default English");
    env_lang = "zh_CN.UTF-8";
    cr_assert_eq(fp_lang_from_env(stub_env), FP_LANG_ZH);
    env_lc_all = "C.UTF-8";
    cr_assert_eq(fp_lang_from_env(stub_env), FP_LANG_EN, "LC_ALL first");
    env_language = "zh";
    cr_assert_eq(fp_lang_from_env(stub_env), FP_LANG_ZH, "LANGUAGE first");
    env_language = "";
    cr_assert_eq(fp_lang_from_env(stub_env), FP_LANG_EN, "empty skipped");
    cr_assert_str_eq(fp_lang_catalogue(FP_LANG_ZH), "zh_CN");
}

static char *config_with(const char *dir, const char *text)
{
    char *path = malloc(256);
    cr_assert_not_null(path);
    snprintf(path, 256, "%s/config.ini", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

Test(i18n, config_language_is_checked)
{
    char dir[] = "/tmp/fupan-lang-XXXXXX", err[512] = "";
    cr_assert_not_null(mkdtemp(dir));
    char *path = config_with(dir, "[ui]\nlanguage = zh-CN\n");
    fp_config *cfg = fp_config_load(path, err, sizeof err);
    cr_assert_not_null(cfg, "%s", err);
    cr_assert_eq(fp_lang_parse(cfg->language), FP_LANG_ZH);
    fp_config_free(cfg);
    free(path);
    path = config_with(dir, "[ui]\ntheme = mono\n\nlanguage = klingon\n");
    cr_assert_null(fp_config_load(path, err, sizeof err));
    cr_assert(strstr(err, "config.ini:4: language: 'klingon'"), "%s", err);
    unlink(path);
    free(path);
    rmdir(dir);
}
