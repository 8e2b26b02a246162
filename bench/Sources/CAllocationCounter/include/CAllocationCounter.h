#ifndef MOODLINE_ALLOCATION_COUNTER_H
#define MOODLINE_ALLOCATION_COUNTER_H

#include <stdint.h>
#include "BenchSystem.h"

/// Heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign,
/// valloc, pvalloc) made by the whole process since start, counted by the interposer.
uint64_t moodline_allocation_count(void);
/// Frees seen since start.
uint64_t moodline_free_count(void);
/// 1 when the interposer is compiled in (glibc), 0 otherwise.
int moodline_allocation_counter_active(void);

#endif
