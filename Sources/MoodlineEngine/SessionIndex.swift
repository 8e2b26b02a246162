internal import CMoodlinePrefetch

/// Session ids to their slots: every message looks its session up here.
///
/// An open-addressing table with linear probing over 8-byte buckets (a 32-bit hash and the
/// slot). It keeps no ids: the caller compares the id with its slot's, whose state it is about
/// to read anyway. It replaces `[String: Int32]`, whose SipHash of each id was 4% of a replay.
///
/// The hash is seeded per index, so a gateway cannot choose ids that all land in one run of
/// buckets without knowing the seed; no result depends on the seed, since nothing iterates
/// the table.
struct SessionIndex: Sendable {
    private struct Bucket {
        /// Low bits of the id's hash; its home bucket is `hash & mask`.
        var hash: UInt32
        /// -1 when the bucket is empty.
        var slot: Int32

        static let empty = Bucket(hash: 0, slot: -1)
    }

    private var buckets: [Bucket]
    private let seed: UInt64
    /// Ids in the table.
    private(set) var count = 0

    init(seed: UInt64 = UInt64.random(in: .min ... .max)) {
        self.seed = seed
        buckets = Array(repeating: .empty, count: 16)
    }

    /// The slot of `id`, or nil when it is not in the table. `holds(slot)` tells whether a slot
    /// whose hash matches is `id`'s.
    func slot(of id: String, holds: (Int32) -> Bool) -> Int32? {
        let hash = Self.hash(id, seed: seed)
        return buckets.withUnsafeBufferPointer { b -> Int32? in
            let mask = b.count &- 1
            var i = Int(hash) & mask
            while true {
                let bucket = b[i]
                if bucket.slot < 0 { return nil }
                if bucket.hash == hash && holds(bucket.slot) { return bucket.slot }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The slot `id` is most likely at: the first whose hash matches, without comparing ids.
    /// For hints only (``Engine/prefetch(session:)``); nil when no hash matches.
    func likelySlot(of id: String) -> Int32? {
        slot(of: id) { _ in true }
    }

    /// Starts loading the bucket where the search for `id` begins (a hint).
    func prefetchBucket(of id: String) {
        let hash = Self.hash(id, seed: seed)
        buckets.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            moodline_prefetch_for_write(UnsafeRawPointer(base + (Int(hash) & (b.count &- 1))))
        }
    }

    /// Adds `id`, which must not be in the table yet, at `slot`.
    mutating func insert(_ id: String, slot: Int32) {
        if (count &+ 1) &* 2 > buckets.count { grow() }
        let hash = Self.hash(id, seed: seed)
        place(Bucket(hash: hash, slot: slot))
        count &+= 1
    }

    /// Removes `id`, in the table at `slot`; nothing when it is not there.
    mutating func remove(_ id: String, slot: Int32) {
        let hash = Self.hash(id, seed: seed)
        let mask = buckets.count &- 1
        var i = Int(hash) & mask
        while true {
            let bucket = buckets[i]
            if bucket.slot < 0 { return }
            if bucket.slot == slot { break }
            i = (i &+ 1) & mask
        }
        count &-= 1
        // Backward-shift deletion: later buckets of the run move up into the hole when their
        // home allows it, so lookups never need tombstones.
        var hole = i
        var j = (i &+ 1) & mask
        while buckets[j].slot >= 0 {
            let home = Int(buckets[j].hash) & mask
            // `j` may fill the hole when its home is not in (hole, j], cyclically.
            if (j &- home) & mask >= (j &- hole) & mask {
                buckets[hole] = buckets[j]
                hole = j
            }
            j = (j &+ 1) & mask
        }
        buckets[hole] = .empty
    }

    private mutating func place(_ bucket: Bucket) {
        let mask = buckets.count &- 1
        var i = Int(bucket.hash) & mask
        while buckets[i].slot >= 0 { i = (i &+ 1) & mask }
        buckets[i] = bucket
    }

    private mutating func grow() {
        let old = buckets
        buckets = Array(repeating: .empty, count: old.count * 2)
        for bucket in old where bucket.slot >= 0 { place(bucket) }
    }

    /// A seeded 32-bit hash of the id's UTF-8.
    static func hash(_ id: String, seed: UInt64) -> UInt32 {
        if let h = id.utf8.withContiguousStorageIfAvailable({ hash(utf8: $0, seed: seed) }) { return h }
        return Array(id.utf8).withUnsafeBufferPointer { hash(utf8: $0, seed: seed) }
    }

    static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt32 {
        let h = WordHash.absorb(bytes, into: WordHash.mix(seed, UInt64(bytes.count)))
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}
