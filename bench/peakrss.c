/* Runs a command and prints its wall time and peak resident set size,
 * for bench/run.sh (GNU time is not on every machine).
 *
 * Usage: peakrss CMD [ARG...]
 * The command's stdout and stderr go to /dev/null (set PEAKRSS_OUT=FILE
 * to keep its stdout). Prints one line on stdout:
 *   <wall ms> <peak RSS kB> <exit status>
 * and exits with the command's status. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void quiet_child(void)
{
    const char *out = getenv("PEAKRSS_OUT");
    int null = open("/dev/null", O_WRONLY);
    int fd = out ? open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644) : null;
    if (fd >= 0)
        dup2(fd, STDOUT_FILENO);
    if (null >= 0)
        dup2(null, STDERR_FILENO);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: peakrss CMD [ARG...]\n");
        return 2;
    }
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("peakrss: fork");
        return 1;
    }
    if (pid == 0) {
        quiet_child();
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("peakrss: wait4");
        return 1;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("%.2f %ld %d\n", now_ms() - t0, ru.ru_maxrss, code);
    return code;
}
