/* The user's config file: read by the one INI reader, every complaint
 * "FILE:LINE: what is wrong", unknown sections and keys refused, values
 * checked. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "storage/config.h"

static char path[64];

static const char *write_bytes(const char *text, size_t len)
{
    if (*path)
        unlink(path);
    snprintf(path, sizeof path, "/tmp/fupan-config-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static const char *write_text(const char *text)
{
    return write_bytes(text, strlen(text));
}

static void cleanup(void)
{
    if (*path)
        unlink(path);
}

/* Loading must fail with "PATH:LINE: ..." where the rest holds what. */
static void expect_error(const char *p, int line, const char *what)
{
    char err[512] = "", want[128];
    fp_config *cfg = fp_config_load(p, err, sizeof err);
    cr_assert_null(cfg, "loaded, expected line %d: %s", line, what);
    snprintf(want, sizeof want, "%s:%d: ", p, line);
    cr_assert(strncmp(err, want, strlen(want)) == 0, "got '%s', want '%s'",
              err, want);
    cr_assert(strstr(err, what), "'%s' does not say '%s'", err, what);
}

static fp_config *load_ok(const char *text)
{
    char err[512] = "";
    fp_config *cfg = fp_config_load(write_text(text), err, sizeof err);
    cr_assert_not_null(cfg, "%s", err);
    return cfg;
}

Test(config, example_values_are_read, .fini = cleanup)
{
    fp_config *cfg = load_ok("[user]\nname = 陈静\n[catalogue]\n"
                             "kpis = /dev/null\n[ui]\ntheme = mono\n"
                             "[report]\ncurrency = myr\n");
    cr_assert_str_eq(cfg->user_name, "陈静");
    cr_assert_str_eq(cfg->kpi_file, "/dev/null");
    cr_assert_null(cfg->causes_file);
    cr_assert_str_eq(cfg->theme, "mono");
    cr_assert_str_eq(cfg->reporting_currency, "MYR");
    fp_config_free(cfg);
}

Test(config, shipped_example_loads)
{
    char err[512] = "";
    fp_config *cfg = fp_config_load("sample-data/config.example.ini", err,
                                    sizeof err);
    cr_assert_not_null(cfg, "%s", err);
    cr_assert_str_eq(cfg->user_name, "陈静");
    fp_config_free(cfg);
}

Test(config, utf8_bom_is_accepted, .fini = cleanup)
{
    fp_config *cfg = load_ok("\xEF\xBB\xBF[ui]\r\ntheme = high-contrast\r\n");
    cr_assert_str_eq(cfg->theme, "high-contrast");
    fp_config_free(cfg);
}

Test(config, unknown_section_is_an_error, .fini = cleanup)
{
    expect_error(write_text("[user]\nname = a\n[uii]\ntheme = mono\n"), 3,
                 "unknown section [uii]");
}

Test(config, unknown_key_is_an_error, .fini = cleanup)
{
    expect_error(write_text("; mine\n[ui]\nthem = mono\n"), 3,
                 "unknown key 'them' in [ui]");
}

Test(config, bad_currency_is_an_error, .fini = cleanup)
{
    expect_error(write_text("[report]\ncurrency = EURO\n"), 2, "EURO");
    expect_error(write_text("[report]\n\ncurrency = U$D\n"), 3, "U$D");
}

Test(config, bad_theme_names_its_line, .fini = cleanup)
{
    expect_error(write_text("[ui]\nkeymap = /dev/null\ntheme = neon\n"), 3,
                 "'neon' is not one of default, high-contrast, mono");
}

Test(config, nul_byte_is_an_error_not_the_end, .fini = cleanup)
{
    static const char text[] = "[ui]\ntheme = mono\nx\0y\n[report]\n"
                               "currency = EURO\n";
    expect_error(write_bytes(text, sizeof text - 1), 3, "NUL");
}

Test(config, line_without_equals_names_its_line, .fini = cleanup)
{
    expect_error(write_text("[user]\nname = a\nwhat is this\n"), 3,
                 "expected 'key = value'");
}

Test(config, control_characters_are_refused, .fini = cleanup)
{
    expect_error(write_text("[user]\nname = a\x1b]0;pwned\x07\n"), 2,
                 "control character");
}

Test(config, missing_catalogue_file_names_the_config_line, .fini = cleanup)
{
    expect_error(write_text("[catalogue]\nkpis = /nonexistent/kpis.ini\n"), 2,
                 "/nonexistent/kpis.ini");
}

Test(config, missing_named_config_is_an_error)
{
    char err[256] = "";
    cr_assert_null(fp_config_load("/nonexistent/config.ini", err, sizeof err));
    cr_assert(strstr(err, "/nonexistent/config.ini"), "%s", err);
}

Test(config, empty_name_falls_back_to_user, .fini = cleanup)
{
    setenv("USER", "lead-from-env", 1);
    fp_config *cfg = load_ok("[user]\nname =\n");
    cr_assert_str_eq(cfg->user_name, "lead-from-env");
    fp_config_free(cfg);
}

Test(config, a_long_value_never_cuts_what_is_wrong, .fini = cleanup)
{
    char text[1100] = "[report]\ncurrency = ";
    memset(text + strlen(text), 'A', 900);
    const char *p = write_text(text);
    char err[512] = "";
    cr_assert_null(fp_config_load(p, err, sizeof err));
    const char *tail = "is not a 3-letter currency code like USD";
    size_t n = strlen(err), t = strlen(tail);
    cr_assert(n > t && strcmp(err + n - t, tail) == 0, "cut: %s", err);
    cr_assert(strstr(err, "AAA\xe2\x80\xa6'"), "no … after the cut: %s", err);
}
