/// Hashing of UTF-8 bytes eight at a time: stable across processes (unlike `Hasher`), for
/// duplicate detection and, seeded, for the session index.
enum WordHash {
    @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 31)
    }

    /// Mixes every byte into `state`, a little-endian word at a time, the tail last.
    @inline(__always)
    static func absorb(_ bytes: UnsafeBufferPointer<UInt8>, into state: UInt64) -> UInt64 {
        var h = state
        guard let base = bytes.baseAddress else { return mix(h, 0) }
        var i = 0
        while i &+ 8 <= bytes.count {
            h = mix(h, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            i &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(base[i]) << shift
            shift &+= 8
            i &+= 1
        }
        return mix(h, tail)
    }
}
