#ifndef MOODLINE_BENCH_SYSTEM_H
#define MOODLINE_BENCH_SYSTEM_H

#include <stdint.h>

/// Bytes the allocator has handed out and not taken back (glibc mallinfo2: arena blocks in
/// use plus mmapped blocks); -1 where unavailable.
int64_t moodline_bench_heap_in_use(void);
/// Sets this thread's timer slack (prctl PR_SET_TIMERSLACK), so short sleeps wake on time.
void moodline_bench_set_timer_slack(unsigned long nanoseconds);

#endif
