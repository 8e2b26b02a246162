// Small Linux helpers the pipeline benchmark needs and Swift does not import directly.
#include "BenchSystem.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/prctl.h>

int64_t moodline_bench_heap_in_use(void) {
#if __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33)
    struct mallinfo2 info = mallinfo2();
    return (int64_t)info.uordblks + (int64_t)info.hblkhd;
#else
    return -1;
#endif
}

void moodline_bench_set_timer_slack(unsigned long nanoseconds) {
    (void)prctl(PR_SET_TIMERSLACK, nanoseconds, 0, 0, 0);
}
#else
int64_t moodline_bench_heap_in_use(void) { return -1; }
void moodline_bench_set_timer_slack(unsigned long nanoseconds) { (void)nanoseconds; }
#endif
