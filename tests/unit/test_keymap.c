/* Key names, the built-in keymap, user overrides and their messages. */
#include <criterion/criterion.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/action.h"
#include "tui/keymap.h"
#include "tui/keysrc.h"

#define FN(k) ((k) | FP_KEY_FN)

TestSuite(keymap);

static fp_key key(const char *name)
{
    fp_key k = FP_KEY_NONE;
    cr_assert(fp_key_parse(name, &k), "cannot parse %s", name);
    return k;
}

Test(keymap, key_names_parse)
{
    cr_assert_eq(key("<Enter>"), '\n');
    cr_assert_eq(key("Enter"), '\n');
    cr_assert_eq(key("<enter>"), '\n');
    cr_assert_eq(key("<Esc>"), 27);
    cr_assert_eq(key("<Tab>"), '\t');
    cr_assert_eq(key("<Space>"), ' ');
    cr_assert_eq(key("<BSpace>"), FN(KEY_BACKSPACE));
    cr_assert_eq(key("<Up>"), FN(KEY_UP));
    cr_assert_eq(key("Down"), FN(KEY_DOWN));
    cr_assert_eq(key("<PgUp>"), FN(KEY_PPAGE));
    cr_assert_eq(key("<PgDn>"), FN(KEY_NPAGE));
    cr_assert_eq(key("<Home>"), FN(KEY_HOME));
    cr_assert_eq(key("<End>"), FN(KEY_END));
    cr_assert_eq(key("<F1>"), FN(KEY_F(1)));
    cr_assert_eq(key("<F12>"), FN(KEY_F(12)));
    cr_assert_eq(key("<C-x>"), 24);
    cr_assert_eq(key("C-b"), 2);
    cr_assert_eq(key("j"), 'j');
    cr_assert_eq(key("?"), '?');
    cr_assert_eq(key("["), '[');
    cr_assert_eq(key("<"), '<');
    cr_assert_eq(key("\xe5\xbc\xa0"), 0x5f20); /* 张 */
}

Test(keymap, bad_key_names)
{
    fp_key k;
    cr_assert_not(fp_key_parse("", &k));
    cr_assert_not(fp_key_parse("<Nope>", &k));
    cr_assert_not(fp_key_parse("<F0>", &k));
    cr_assert_not(fp_key_parse("<F25>", &k));
    cr_assert_not(fp_key_parse("jk", &k));
    cr_assert_not(fp_key_parse("<C-1>", &k));
    cr_assert_not(fp_key_parse("\x01", &k));
}

Test(keymap, names_round_trip)
{
    const char *names[] = { "<Enter>", "<Esc>", "<BSpace>", "<Up>", "<PgDn>",
                            "<F5>", "<C-x>", "<Space>", "j", "?", "/",
                            "\xe5\xbc\xa0" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char buf[32];
        fp_key_name(key(names[i]), buf, sizeof buf);
        cr_assert_str_eq(buf, names[i]);
    }
    char buf[32];
    fp_key_short_name(key("<C-x>"), buf, sizeof buf);
    cr_assert_str_eq(buf, "^X");
    fp_key_short_name(key("<BSpace>"), buf, sizeof buf);
    cr_assert_str_eq(buf, "BS");
}

Test(keymap, input_is_normalised)
{
    cr_assert_eq(fp_key_from_input(OK, '\r'), '\n');
    cr_assert_eq(fp_key_from_input(KEY_CODE_YES, KEY_ENTER), '\n');
    cr_assert_eq(fp_key_from_input(OK, 0x7f), FN(KEY_BACKSPACE));
    cr_assert_eq(fp_key_from_input(KEY_CODE_YES, KEY_BACKSPACE),
                 FN(KEY_BACKSPACE));
    cr_assert_eq(fp_key_from_input(KEY_CODE_YES, KEY_UP), FN(KEY_UP));
    /* a character whose code equals a KEY_ value stays a character */
    cr_assert_eq(fp_key_from_input(OK, KEY_UP), KEY_UP);
    cr_assert_neq(fp_key_from_input(OK, KEY_UP),
                  fp_key_from_input(KEY_CODE_YES, KEY_UP));
}

Test(keymap, every_action_has_a_unique_name)
{
    for (int a = FP_ACT_NONE + 1; a < FP_ACT_COUNT; a++) {
        const fp_action_info *info = fp_action_get((fp_action)a);
        cr_assert_not_null(info);
        cr_assert_eq(info->id, (fp_action)a);
        cr_assert_eq(fp_action_by_name(info->name), (fp_action)a,
                     "%s", info->name);
        cr_assert_not_null(info->help);
    }
    cr_assert_eq(fp_action_by_name("no-such-action"), FP_ACT_NONE);
    cr_assert_null(fp_action_get(FP_ACT_NONE));
    cr_assert_null(fp_action_get(FP_ACT_COUNT));
}

Test(keymap, builtin_defaults)
{
    fp_keymap *km = fp_keymap_new();
    cr_assert_not_null(km);
    cr_assert_eq(fp_keymap_nmessages(km), 0, "%s", fp_keymap_message(km, 0));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'j'), FP_ACT_MOVE_DOWN);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, FN(KEY_DOWN)),
                 FP_ACT_MOVE_DOWN);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '\n'), FP_ACT_DRILL_DOWN);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'l'), FP_ACT_DRILL_DOWN);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, FN(KEY_BACKSPACE)),
                 FP_ACT_BACK);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '['), FP_ACT_PREV_WEEK);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, ']'), FP_ACT_NEXT_WEEK);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'n'), FP_ACT_NEXT_RED);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'N'), FP_ACT_PREV_RED);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '/'), FP_ACT_SEARCH);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '\t'), FP_ACT_TOGGLE_FOCUS);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '?'), FP_ACT_HELP);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'q'), FP_ACT_QUIT);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'a'), FP_ACT_ANNOTATE);
    /* [detail] falls back to [table], then [generic] */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_DETAIL, '\t'),
                 FP_ACT_TOGGLE_FOCUS);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_DETAIL, 'k'), FP_ACT_MOVE_UP);
    /* [help] shadows q and ? */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_HELP, 'q'), FP_ACT_BACK);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_HELP, '?'), FP_ACT_BACK);
    cr_assert_eq(fp_keymap_first_key(km, FP_CTX_HELP, FP_ACT_QUIT),
                 FP_KEY_NONE);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'r'), FP_ACT_NONE);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_PEOPLE, 'r'), FP_ACT_FILTER_ROLE);
    fp_keymap_free(km);
}

Test(keymap, every_action_is_bound_by_default)
{
    fp_keymap *km = fp_keymap_new();
    for (int a = FP_ACT_NONE + 1; a < FP_ACT_COUNT; a++) {
        int n = 0;
        for (int c = 0; c < FP_CTX_COUNT; c++)
            n += fp_keymap_keys(km, (fp_keyctx)c, (fp_action)a)->nkeys;
        cr_assert_gt(n, 0, "%s has no key", fp_action_get((fp_action)a)->name);
    }
    fp_keymap_free(km);
}

Test(keymap, user_file_overrides_per_action)
{
    fp_keymap *km = fp_keymap_new();
    const char *user =
        "[generic]\n"
        "move-down = \"<C-n> j\"\n"
        "next-red = \"r\"\n"
        "[table]\n"
        "sort = \"o\"\n";
    cr_assert(fp_keymap_apply_text(km, user, "user.ini"));
    cr_assert_eq(fp_keymap_nmessages(km), 0, "%s", fp_keymap_message(km, 0));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 14), FP_ACT_MOVE_DOWN);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'j'), FP_ACT_MOVE_DOWN);
    /* the replaced key list drops <Down> */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, FN(KEY_DOWN)), FP_ACT_NONE);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'r'), FP_ACT_NEXT_RED);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'n'), FP_ACT_NONE);
    /* o in [table] shadows the generic override action there only */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'o'), FP_ACT_SORT);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_PERSON, 'o'), FP_ACT_OVERRIDE);
    /* actions the file does not name keep their defaults */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'k'), FP_ACT_MOVE_UP);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '?'), FP_ACT_HELP);
    fp_keymap_free(km);
}

Test(keymap, rebinding_a_key_moves_it)
{
    fp_keymap *km = fp_keymap_new();
    cr_assert(fp_keymap_apply_text(km, "[generic]\nquit = \"q Q j\"\n", "u"));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'j'), FP_ACT_QUIT);
    const fp_keylist *down = fp_keymap_keys(km, FP_CTX_GENERIC,
                                            FP_ACT_MOVE_DOWN);
    cr_assert_eq(down->nkeys, 1); /* only <Down> is left */
    cr_assert_eq(down->keys[0], FN(KEY_DOWN));
    fp_keymap_free(km);
}

Test(keymap, empty_value_unbinds)
{
    fp_keymap *km = fp_keymap_new();
    cr_assert(fp_keymap_apply_text(km, "[generic]\nnext-red = \"\"\n", "u"));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'n'), FP_ACT_NONE);
    cr_assert_eq(fp_keymap_nmessages(km), 0);
    fp_keymap_free(km);
}

Test(keymap, bad_lines_are_reported_with_their_line)
{
    fp_keymap *km = fp_keymap_new();
    const char *user =
        "; my keys\n"                          /* 1 */
        "[generic]\n"                          /* 2 */
        "move-down = \"j\"\n"                  /* 3 */
        "fly-away = \"x\"\n"                   /* 4 */
        "move-up = \"k <Nope> <Up>\"\n"        /* 5 */
        "this line has no equals sign\n"       /* 6 */
        "[sidebar]\n"                          /* 7 */
        "move-up = \"u\"\n"                    /* 8 */
        "[table]\n"                            /* 9 */
        "sort = \"#\"\n";                      /* 10 */
    cr_assert(fp_keymap_apply_text(km, user, "my.ini"));
    cr_assert_eq(fp_keymap_nmessages(km), 4);
    const char *want[] = {
        "my.ini:6: ", "my.ini:4: unknown action 'fly-away'",
        "my.ini:5: unknown key '<Nope>'", "my.ini:7: unknown context [sidebar]",
    };
    for (int w = 0; w < 4; w++) {
        bool found = false;
        for (int i = 0; i < fp_keymap_nmessages(km); i++)
            found |= strncmp(fp_keymap_message(km, i), want[w],
                             strlen(want[w])) == 0;
        cr_assert(found, "no message starting '%s'", want[w]);
    }
    /* the good parts of bad lines still apply */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'k'), FP_ACT_MOVE_UP);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, FN(KEY_UP)),
                 FP_ACT_MOVE_UP);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '#'), FP_ACT_SORT);
    fp_keymap_free(km);
}

Test(keymap, bom_and_crlf_are_accepted)
{
    fp_keymap *km = fp_keymap_new();
    cr_assert(fp_keymap_apply_text(km, "\xef\xbb\xbf[generic]\r\n"
                                       "quit = \"Q\"\r\n", "bom.ini"));
    cr_assert_eq(fp_keymap_nmessages(km), 0, "%s", fp_keymap_message(km, 0));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'Q'), FP_ACT_QUIT);
    fp_keymap_free(km);
}

Test(keymap, file_and_missing_file)
{
    char path[] = "/tmp/fupan-keymap-test-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char *text = "[generic]\nhelp = \"<F2>\"\n";
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    fp_keymap *km = fp_keymap_new();
    cr_assert(fp_keymap_apply_file(km, path));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, FN(KEY_F(2))), FP_ACT_HELP);
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, '?'), FP_ACT_NONE);
    unlink(path);
    cr_assert_not(fp_keymap_apply_file(km, path));
    cr_assert_eq(fp_keymap_nmessages(km), 1);
    cr_assert(strncmp(fp_keymap_message(km, 0), path, strlen(path)) == 0);
    fp_keymap_free(km);
}

Test(keymap, user_path_lookup)
{
    char *p = fp_keymap_user_path("/x/explicit.ini", "/y/config.ini");
    cr_assert_str_eq(p, "/x/explicit.ini");
    free(p);
    p = fp_keymap_user_path(NULL, "/y/config.ini");
    cr_assert_str_eq(p, "/y/config.ini");
    free(p);
    setenv("XDG_CONFIG_HOME", "/nonexistent-fupan-dir", 1);
    cr_assert_null(fp_keymap_user_path(NULL, NULL));
}

Test(keymap, key_script_parses)
{
    char err[128];
    fp_keysrc *src = fp_keysrc_script_new(
        "Enter <Down> j text:\xe5\xbc\xa0\xe4\xbc\x9f resize:40x12 C-x "
        "click:3,4", err, sizeof err);
    cr_assert_not_null(src, "%s", err);
    cr_assert_eq(fp_keysrc_count(src), 8);
    fp_event ev;
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.type, FP_EV_KEY);
    cr_assert_eq(ev.key, '\n');
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.key, FN(KEY_DOWN));
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.key, 'j');
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.key, 0x5f20);
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.key, 0x4f1f);
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.type, FP_EV_RESIZE);
    cr_assert_eq(ev.cols, 40);
    cr_assert_eq(ev.rows, 12);
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.key, 24);
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.type, FP_EV_MOUSE);
    cr_assert_eq(ev.mouse, FP_MOUSE_CLICK);
    cr_assert_eq(ev.x, 3);
    cr_assert_eq(ev.y, 4);
    fp_keysrc_next(src, &ev, 0);
    cr_assert_eq(ev.type, FP_EV_END);
    fp_keysrc_free(src);
}

Test(keymap, key_script_rejects_unknown_tokens)
{
    char err[128];
    cr_assert_null(fp_keysrc_script_new("Enter Blorp", err, sizeof err));
    cr_assert(strstr(err, "Blorp") != NULL, "%s", err);
    cr_assert_null(fp_keysrc_script_new("resize:0x5", err, sizeof err));
    cr_assert_null(fp_keysrc_script_new("click:1", err, sizeof err));
}

static const char *write_keymap(char *path, const char *text, size_t len)
{
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

Test(keymap, nul_byte_is_reported_not_the_end_of_the_file)
{
    static const char text[] = "[generic]\nquit = \"Q\"\nx\0y\nhelp = \"<F2>\"\n";
    char path[] = "/tmp/fupan-keymap-test-XXXXXX";
    write_keymap(path, text, sizeof text - 1);
    fp_keymap *km = fp_keymap_new();
    fp_keymap_apply_file(km, path);
    unlink(path);
    char want[64];
    snprintf(want, sizeof want, "%s:3: ", path);
    cr_assert_eq(fp_keymap_nmessages(km), 1);
    cr_assert(strncmp(fp_keymap_message(km, 0), want, strlen(want)) == 0,
              "%s", fp_keymap_message(km, 0));
    /* the lines after it still apply */
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, FN(KEY_F(2))), FP_ACT_HELP);
    fp_keymap_free(km);
}

Test(keymap, messages_never_echo_control_bytes)
{
    fp_keymap *km = fp_keymap_new();
    fp_keymap_apply_text(km, "[generic]\nfly\x1b]0;pwned\x07 = \"x\"\n"
                             "[ta\x1b[2Jble]\n", "u.ini");
    cr_assert_eq(fp_keymap_nmessages(km), 2);
    for (int i = 0; i < fp_keymap_nmessages(km); i++)
        for (const char *p = fp_keymap_message(km, i); *p; p++)
            cr_assert((unsigned char)*p >= 0x20 && *p != 0x7f,
                      "raw control byte in '%s'", fp_keymap_message(km, i));
    fp_keymap_free(km);
}

Test(keymap, repeated_action_is_reported_and_the_last_wins)
{
    fp_keymap *km = fp_keymap_new();
    fp_keymap_apply_text(km, "[generic]\nquit = \"Q\"\nquit = \"X\"\n", "u.ini");
    cr_assert_eq(fp_keymap_nmessages(km), 1);
    cr_assert(strncmp(fp_keymap_message(km, 0), "u.ini:3: ", 9) == 0,
              "%s", fp_keymap_message(km, 0));
    cr_assert_eq(fp_keymap_lookup(km, FP_CTX_TABLE, 'X'), FP_ACT_QUIT);
    fp_keymap_free(km);
}
