#ifndef C_MOODLINE_PREFETCH_H
#define C_MOODLINE_PREFETCH_H

/// Asks the processor to start loading the cache line at `address` for writing, without
/// waiting for it. A hint only: it never faults and never changes what a program computes.
static inline void moodline_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
