internal import CMoodlinePrefetch

extension Engine {
    /// Starts loading the state of `session` into the cache, for a fragment that will be
    /// handled soon. A hint: it changes no state and no result.
    ///
    /// With thousands of live sessions their states (about 1.2 KB each) are out of cache, and
    /// every fragment waits for a dozen lines of its session's state, one after another. A
    /// replay knows the fragments ahead of it; asked a couple of fragments early, the loads
    /// overlap with the work on the fragments in between.
    ///
    /// Finding the state takes a lookup in the session index, itself out of cache at that
    /// many sessions; ``prefetchLookup(session:)`` a few fragments earlier still starts that.
    public func prefetch(session: String) {
        guard let slot = index.likelySlot(of: session) else { return }
        slots.withUnsafeBufferPointer { table in
            guard let base = table.baseAddress, Int(slot) < table.count else { return }
            let state = UnsafeRawPointer(base + Int(slot))
            var offset = 0
            while offset < MemoryLayout<SessionState>.size {
                moodline_prefetch_for_write(state + offset)
                offset &+= 64
            }
        }
        history.prefetch(slot)
    }

    /// Starts loading the part of the session index that finds `session`: the first half of
    /// ``prefetch(session:)``, to be asked further ahead. A hint, like it.
    public func prefetchLookup(session: String) {
        index.prefetchBucket(of: session)
    }
}
