/// A set of concepts, one bit each: the meanings a lexicon entry stands for in patterns
/// ("myself" is `@self`, "overdose" is `@method`). Concepts are named in lexicon files and
/// numbered per script, at most ``capacity`` for each (``LexiconCompiler/ConceptNumbering``).
public struct ConceptSet: Hashable, Sendable {
    /// 768 since the Chinese patterns needed more than 512 ideas; the third vector costs 5–10 % of
    /// the scoring rate, measured.
    public static let capacity = 768
    /// Concepts 0–255 in `low`, 256–511 in `middle`, 512–767 in `high`; concept `n` at bit
    /// `n % 64` of word `n / 64 % 4` of its third. Four-word vectors rather than one of twelve:
    /// each third is one vector operation, where eight-lane vectors of 64-bit words compiled
    /// to scalar loops that halved the scoring rate.
    var low: SIMD4<UInt64>
    var middle: SIMD4<UInt64>
    var high: SIMD4<UInt64>

    public init() {
        low = .zero
        middle = .zero
        high = .zero
    }

    init(low: SIMD4<UInt64>, middle: SIMD4<UInt64>, high: SIMD4<UInt64>) {
        self.low = low
        self.middle = middle
        self.high = high
    }

    /// The set holding one concept, by number.
    public init(_ concept: Int) {
        precondition(concept >= 0 && concept < Self.capacity, "concept number out of range")
        self.init()
        let bit: UInt64 = 1 << UInt64(concept & 63)
        let word = (concept >> 6) & 3
        switch concept >> 8 {
        case 0: low[word] = bit
        case 1: middle[word] = bit
        default: high[word] = bit
        }
    }

    public var isEmpty: Bool { (low | middle | high) == .zero }

    public func contains(_ concept: Int) -> Bool {
        guard concept >= 0 && concept < Self.capacity else { return false }
        let bit: UInt64 = 1 << UInt64(concept & 63)
        let word = (concept >> 6) & 3
        let third = concept >> 8
        return (third == 0 ? low[word] : third == 1 ? middle[word] : high[word]) & bit != 0
    }

    /// The set folded to one word, concept `n` at bit `n % 64`: two sets whose folds share no
    /// bit share no concept.
    @inline(__always)
    var folded: UInt64 {
        let words = low | middle | high
        return words[0] | words[1] | words[2] | words[3]
    }

    @inline(__always)
    func intersects(_ other: ConceptSet) -> Bool {
        ((low & other.low) | (middle & other.middle) | (high & other.high)) != .zero
    }

    public mutating func formUnion(_ other: ConceptSet) {
        low |= other.low
        middle |= other.middle
        high |= other.high
    }

    @inline(__always)
    func intersection(_ other: ConceptSet) -> ConceptSet {
        ConceptSet(low: low & other.low, middle: middle & other.middle, high: high & other.high)
    }

    @inline(__always)
    func subtracting(_ other: ConceptSet) -> ConceptSet {
        ConceptSet(low: low & ~other.low, middle: middle & ~other.middle, high: high & ~other.high)
    }

    /// The concept numbers in the set, in increasing order.
    public var members: [Int] { (0..<Self.capacity).filter(contains) }
}

/// An entry's concepts as each language's patterns see them: a concept line in an `en…` file
/// counts for English patterns only, one in a `zh…` file for Chinese patterns only, any other
/// for both. So the two languages can share concept names (`@self`) without one language's
/// words feeding the other's patterns.
public struct EntryConcepts: Hashable, Sendable {
    public var latin = ConceptSet()
    public var han = ConceptSet()

    public init() {}

    init(_ concepts: ConceptSet, file: String) {
        self.init(concepts, script: Pattern.Script(fileName: file))
    }

    /// `concepts` for the patterns of `script` (both scripts' for `any`).
    init(_ concepts: ConceptSet, script: Pattern.Script) {
        if script != .han { latin = concepts }
        if script != .latin { han = concepts }
    }

    /// Both languages' concepts together.
    public var union: ConceptSet {
        var u = latin
        u.formUnion(han)
        return u
    }

    public var isEmpty: Bool { latin.isEmpty && han.isEmpty }

    func intersection(_ other: EntryConcepts) -> EntryConcepts {
        var both = EntryConcepts()
        both.latin = latin.intersection(other.latin)
        both.han = han.intersection(other.han)
        return both
    }

    func subtracting(_ other: EntryConcepts) -> EntryConcepts {
        var rest = EntryConcepts()
        rest.latin = latin.subtracting(other.latin)
        rest.han = han.subtracting(other.han)
        return rest
    }

    public mutating func formUnion(_ other: EntryConcepts) {
        latin.formUnion(other.latin)
        han.formUnion(other.han)
    }

    /// Whether the two share a concept of the same script: an English and a Chinese concept
    /// may carry the same number (``LexiconCompiler/ConceptNumbering``) and must not meet.
    @inline(__always)
    func intersects(_ other: EntryConcepts) -> Bool {
        latin.intersects(other.latin) || han.intersects(other.han)
    }

    /// The concepts a pattern of `script` sees.
    @inline(__always)
    func seen(by script: UInt8) -> ConceptSet {
        switch script {
        case Pattern.Script.latin.rawValue: latin
        case Pattern.Script.han.rawValue: han
        default: union
        }
    }
}
