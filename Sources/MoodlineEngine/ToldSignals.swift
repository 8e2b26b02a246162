/// The rules and patterns an episode's alerts told, each with the lexicon entry it matched: the
/// exact keys, so that a statement in new words is never taken for one already told. (A 64-bit
/// hash of them let two phrasings collide, and which did changed with the lexicon's numbering.)
/// Holds the last `capacity` keys told; an episode that tells more is long past needing them.
struct ToldSignals: Equatable, Sendable {
    static let capacity = 8
    private var keys = SIMD8<UInt64>(repeating: 0)
    private var count: UInt8 = 0
    private var next: UInt8 = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    func contains(_ key: UInt64) -> Bool {
        for k in 0..<Int(count) where keys[k] == key { return true }
        return false
    }

    /// Notes `key`; when the set is full, the key told longest ago gives way.
    mutating func insert(_ key: UInt64) {
        guard !contains(key) else { return }
        keys[Int(next)] = key
        next = (next + 1) % UInt8(Self.capacity)
        count = min(count + 1, UInt8(Self.capacity))
    }

    mutating func formUnion(_ other: ToldSignals) {
        for k in 0..<Int(other.count) { insert(other.keys[k]) }
    }

    /// Whether `other` holds a key this set was never told.
    func lacksSome(of other: ToldSignals) -> Bool {
        for k in 0..<Int(other.count) where !contains(other.keys[k]) { return true }
        return false
    }
}
