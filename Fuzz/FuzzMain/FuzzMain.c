// A weak `main` for the fuzz executables. Built with `--sanitize=fuzzer`, libFuzzer's own
// (strong) main replaces it. In ordinary builds (`swift build`) it replays the files named on
// the command line through LLVMFuzzerTestOneInput, so a crash input or a corpus can be re-run
// without the fuzzer: `.build/debug/FuzzCSV Fuzz/Corpus/csv/*`.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((weak)) int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 1; }
        size_t cap = 4096, n = 0, got;
        uint8_t *buf = malloc(cap);
        if (!buf) { fclose(f); return 1; }
        while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                uint8_t *bigger = realloc(buf, cap *= 2);
                if (!bigger) { free(buf); fclose(f); return 1; }
                buf = bigger;
            }
        }
        fclose(f);
        LLVMFuzzerTestOneInput(buf, n);
        free(buf);
    }
    fprintf(stderr, "replayed %d input(s)\n", argc - 1);
    return 0;
}
