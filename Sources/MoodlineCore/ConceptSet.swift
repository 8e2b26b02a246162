/// A set of concepts, one bit each: the meanings a lexicon entry stands for in patterns
/// ("myself" is `@self`, "overdose" is `@method`). Concepts are named in lexicon files and
/// numbered in the order they are first seen, at most ``capacity`` of them.
public struct ConceptSet: Hashable, Sendable {
    public static let capacity = 128
    var low: UInt64
    var high: UInt64

    public init() { low = 0; high = 0 }

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The set holding one concept, by number.
    public init(_ concept: Int) {
        precondition(concept >= 0 && concept < Self.capacity, "concept number out of range")
        low = concept < 64 ? 1 << UInt64(concept) : 0
        high = concept < 64 ? 0 : 1 << UInt64(concept - 64)
    }

    public var isEmpty: Bool { low | high == 0 }

    public func contains(_ concept: Int) -> Bool {
        concept < 64 ? low & (1 << UInt64(concept)) != 0 : high & (1 << UInt64(concept - 64)) != 0
    }

    @inline(__always)
    func intersects(_ other: ConceptSet) -> Bool { (low & other.low) | (high & other.high) != 0 }

    public mutating func formUnion(_ other: ConceptSet) {
        low |= other.low
        high |= other.high
    }

    /// The concept numbers in the set, in increasing order.
    public var members: [Int] { (0..<Self.capacity).filter(contains) }
}
