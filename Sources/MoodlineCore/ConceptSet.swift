/// A set of concepts, one bit each: the meanings a lexicon entry stands for in patterns
/// ("myself" is `@self`, "overdose" is `@method`). Concepts are named in lexicon files and
/// numbered per script, at most ``capacity`` for each (``LexiconCompiler/ConceptNumbering``).
public struct ConceptSet: Hashable, Sendable {
    public static let capacity = 256
    /// Four 64-bit words, concept `n` at bit `n % 64` of word `n / 64`: one vector operation
    /// tests a whole set.
    var words: SIMD4<UInt64>

    public init() { words = .zero }

    init(words: SIMD4<UInt64>) {
        self.words = words
    }

    /// The set holding one concept, by number.
    public init(_ concept: Int) {
        precondition(concept >= 0 && concept < Self.capacity, "concept number out of range")
        words = .zero
        words[concept >> 6] = 1 << UInt64(concept & 63)
    }

    public var isEmpty: Bool { words == .zero }

    public func contains(_ concept: Int) -> Bool {
        guard concept >= 0 && concept < Self.capacity else { return false }
        return words[concept >> 6] & (1 << UInt64(concept & 63)) != 0
    }

    @inline(__always)
    func intersects(_ other: ConceptSet) -> Bool { words & other.words != .zero }

    public mutating func formUnion(_ other: ConceptSet) {
        words |= other.words
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
        rest.latin = ConceptSet(words: latin.words & ~other.latin.words)
        rest.han = ConceptSet(words: han.words & ~other.han.words)
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
