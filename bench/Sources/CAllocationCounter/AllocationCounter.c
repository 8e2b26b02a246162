// Counts heap allocations by interposing the allocator entry points.
//
// The executable defines malloc & co.; the dynamic linker resolves every reference in the
// process (libswiftCore, libstdc++, Foundation, libc itself) to these definitions,
// which forward to glibc's own implementation through its exported __libc_* aliases.
// Aligned allocations go through __libc_memalign. Counting uses relaxed atomics: cheap,
// and exact for a single-threaded measurement loop.
#include "CAllocationCounter.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void  __libc_free(void *ptr);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

static _Atomic uint64_t allocations = 0;
static _Atomic uint64_t frees = 0;

static inline void count_allocation(void) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
}

void *malloc(size_t size) {
    count_allocation();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    count_allocation();
    return __libc_calloc(n, size);
}

void *realloc(void *ptr, size_t size) {
    // realloc(NULL, n) is a malloc; growing or moving a block is an allocation too.
    count_allocation();
    return __libc_realloc(ptr, size);
}

void free(void *ptr) {
    if (ptr) atomic_fetch_add_explicit(&frees, 1, memory_order_relaxed);
    __libc_free(ptr);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment % sizeof(void *) != 0)
        return EINVAL;
    count_allocation();
    void *p = __libc_memalign(alignment, size);
    if (!p && size != 0) return ENOMEM;
    *out = p;
    return 0;
}

void *aligned_alloc(size_t alignment, size_t size) {
    count_allocation();
    return __libc_memalign(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    count_allocation();
    return __libc_memalign(alignment, size);
}

void *valloc(size_t size) {
    count_allocation();
    return __libc_valloc(size);
}

void *pvalloc(size_t size) {
    count_allocation();
    return __libc_pvalloc(size);
}

uint64_t moodline_allocation_count(void) { return atomic_load_explicit(&allocations, memory_order_relaxed); }
uint64_t moodline_free_count(void) { return atomic_load_explicit(&frees, memory_order_relaxed); }
int moodline_allocation_counter_active(void) { return 1; }

#else
uint64_t moodline_allocation_count(void) { return 0; }
uint64_t moodline_free_count(void) { return 0; }
int moodline_allocation_counter_active(void) { return 0; }
#endif
