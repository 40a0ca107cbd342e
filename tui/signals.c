/* Signals: the handlers only set flags (no curses, no SQLite in a
 * handler); the loops look at them between keys. get_wch returns early
 * when a signal arrives (no SA_RESTART), so a flag is seen at once. */
#include <signal.h>
#include <string.h>

#include "tui/ui.h"

static volatile sig_atomic_t terminate_flag;
static volatile sig_atomic_t interrupt_flag;

static void on_terminate(int sig)
{
    (void)sig;
    terminate_flag = 1;
}

static void on_interrupt(int sig)
{
    (void)sig;
    interrupt_flag = 1;
}

static void install(int sig, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

void fp_signals_install(void)
{
    install(SIGHUP, on_terminate);
    install(SIGTERM, on_terminate);
    install(SIGINT, on_interrupt);
    /* Past a file size limit a write fails with EFBIG (reported like a
       full disk, the note kept in memory) instead of killing fupan with
       the terminal left raw. */
    signal(SIGXFSZ, SIG_IGN);
}

bool fp_signal_terminate(void)
{
    return terminate_flag != 0;
}

bool fp_signal_interrupt(void)
{
    if (!interrupt_flag)
        return false;
    interrupt_flag = 0;
    return true;
}

bool fp_meet_must_stop(fp_ui *ui)
{
    if (terminate_flag)
        ui->stop = true;
    return ui->stop;
}
