/* A one-line prompt on the status line (go to week, search). It reads
 * from the same key source as the main loop, so scripts can answer it. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/i18n.h"
#include "tui/screen.h"
#include "tui/ui.h"

#define PROMPT_MAX 256

static void delete_last_char(char *text)
{
    size_t n = strlen(text);
    while (n > 0 && ((unsigned char)text[n - 1] & 0xc0) == 0x80)
        n--; /* continuation bytes of the last character */
    if (n > 0)
        n--;
    text[n] = '\0';
}

/* Returns true when the prompt is finished; *ok tells if accepted. */
static bool prompt_key(char *text, fp_key key, bool *ok)
{
    char ch[8];
    if (key == '\n' || key == FP_KEY_CTRL_J) {
        *ok = true;
        return true;
    }
    if (key == 27 || key == 3 || key == 7) /* Esc, C-c, C-g */
        return true;
    if (key == (FP_KEY_FN | KEY_BACKSPACE))
        delete_last_char(text);
    else if (key == 21) /* C-u */
        text[0] = '\0';
    else if (fp_key_to_utf8(key, ch) > 0
             && strlen(text) + strlen(ch) < PROMPT_MAX)
        strcat(text, ch);
    return false;
}

bool fp_modal_key(fp_ui *ui, fp_key *key)
{
    fp_frame_draw(ui);
    fp_event ev;
    fp_ui_next(ui, &ev, 1000);
    if (ev.type == FP_EV_END)
        ui->stop = true;
    else if (ev.type == FP_EV_RESIZE)
        fp_screen_apply_resize(&ev);
    *key = ev.key;
    return ev.type == FP_EV_KEY;
}

bool fp_prompt(fp_ui *ui, const char *label, char *out, size_t outsz)
{
    return fp_prompt_with(ui, label, "", out, outsz);
}

bool fp_prompt_with(fp_ui *ui, const char *label, const char *start,
                    char *out, size_t outsz)
{
    char text[PROMPT_MAX];
    bool ok = false, done = ui->stop;
    snprintf(text, sizeof text, "%s", start ? start : "");
    ui->prompt = label;
    ui->prompt_text = text;
    ui->msg[0] = '\0';
    while (!done) {
        fp_key key;
        if (fp_modal_key(ui, &key))
            done = prompt_key(text, key, &ok);
        if (fp_signal_interrupt())
            done = true; /* Ctrl-C cancels the prompt */
        done |= fp_meet_must_stop(ui);
    }
    ui->prompt = NULL;
    ui->prompt_text = NULL;
    if (ok)
        snprintf(out, outsz, "%s", text);
    return ok;
}
