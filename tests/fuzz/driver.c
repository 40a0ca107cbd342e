/* Runs a fuzz target over its corpus without libFuzzer (gcc, `make
 * test`): driver CORPUS_DIR_OR_FILE... feeds every file to
 * LLVMFuzzerTestOneInput, in a buffer of exactly its size (so that ASan
 * builds catch a read past the end). A crash or a broken promise aborts
 * with the file's name printed first. */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char current[4096]; /* the file being fed, for the crash message */

static void on_crash(int sig)
{
    static const char what[] = "fuzz driver: crashed on input ";
    (void)!write(2, what, sizeof what - 1);
    (void)!write(2, current, strlen(current));
    (void)!write(2, "\n", 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
    size_t got = buf ? fread(buf, 1, (size_t)(n > 0 ? n : 0), f) : 0;
    fclose(f);
    if (!buf || got != (size_t)(n > 0 ? n : 0)) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return 1;
    }
    snprintf(current, sizeof current, "%s", path);
    LLVMFuzzerTestOneInput(buf, got);
    free(buf);
    return 0;
}

static int run_path(const char *path, int *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        ++*count;
        return run_file(path);
    }
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort), bad = 0;
    for (int i = 0; i < n; i++) {
        char full[4096];
        if (names[i]->d_name[0] != '.') {
            snprintf(full, sizeof full, "%s/%s", path, names[i]->d_name);
            bad |= run_path(full, count);
        }
        free(names[i]);
    }
    free(names);
    return n < 0 ? 1 : bad;
}

int main(int argc, char **argv)
{
    int bad = 0, count = 0;
    int sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_crash);
    for (int i = 1; i < argc; i++)
        bad |= run_path(argv[i], &count);
    printf("%s: %d inputs%s\n", argc > 1 ? argv[1] : "corpus", count,
           bad ? ", some unreadable" : ", no crash, no broken promise");
    return bad || count == 0;
}
