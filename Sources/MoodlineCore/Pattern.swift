/// An ordered run of concepts within one clause, with a bounded gap between neighbours:
/// `@self ..3 @burden` is "me", then "a burden" at most three units later. Fillers and
/// particles fall in the gaps, so "I am honestly just such a burden" matches as well as
/// "I'm a burden". A pattern either states a category or marks its clause with a scope cue.
public struct Pattern: Sendable, Equatable {
    public enum Output: Sendable, Equatable {
        case category(Category)
        case scope(ScopeCue)
    }

    /// Each part is any one of its concepts.
    public var parts: [ConceptSet]
    /// `gaps[k]`: how many units may stand between part `k` and part `k + 1`.
    public var gaps: [UInt8]
    public var output: Output
    /// Written `@a & @b`: the parts may stand anywhere in the fragment, in any order and any
    /// clause, and the output applies to the whole fragment (sarcasm: praise in one clause,
    /// the letdown in the next).
    public var isFragmentWide: Bool
    /// Written `needs:@a|@b` after the name: the category stands only in a fragment that also
    /// has one of these concepts, anywhere. "I called last week" is a follow-up; with "still",
    /// "nobody" or 又 beside it, a repeat contact. Empty: no need.
    public var needs: ConceptSet = ConceptSet()
    /// Which words the parts match: patterns of `en.patterns` match English words only, those
    /// of `zh.patterns` Chinese characters only, so a concept named in both languages does not
    /// make one language's pattern fire on the other's words.
    public var script: Script
    /// A name for explanations: the third field of its line, or the pattern as written.
    public var name: String
    /// Where it was read.
    public var file: String
    public var line: Int

    public enum Script: UInt8, Sendable {
        case any, latin, han

        /// The script a pattern file's name implies: `en…` Latin, `zh…` Han, others any.
        init(fileName: String) {
            self = fileName.hasPrefix("en") ? .latin : fileName.hasPrefix("zh") ? .han : .any
        }
    }

    /// The most parts a pattern may have.
    public static let maxParts = 4
    /// The widest gap a pattern may allow.
    public static let maxGap = 24
}

extension Lexicon {
    /// Names one pattern of the lexicon.
    public struct PatternID: RawRepresentable, Hashable, Sendable {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
    }
}

/// Where each part of a pattern matched: byte offsets into the original UTF-8 text.
public struct PartSpans: Sendable, Equatable {
    public private(set) var count = 0
    private var spans: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)

    public init() {}

    /// Part `k`'s start and end.
    public subscript(k: Int) -> (start: Int32, end: Int32) {
        precondition(k >= 0 && k < count, "PartSpans index out of range")
        let packed = withUnsafeBytes(of: spans) { $0.load(fromByteOffset: k * 8, as: Int64.self) }
        return (Int32(truncatingIfNeeded: packed >> 32), Int32(truncatingIfNeeded: packed))
    }

    /// Makes the spans one part's, `start..<end`.
    @inline(__always)
    mutating func reset(start: Int32, end: Int32) {
        count = 0
        append(start: start, end: end)
    }

    mutating func append(start: Int32, end: Int32) {
        guard count < Pattern.maxParts else { return }
        let packed = Int64(start) << 32 | Int64(UInt32(bitPattern: end))
        withUnsafeMutableBytes(of: &spans) { $0.storeBytes(of: packed, toByteOffset: count * 8, as: Int64.self) }
        count += 1
    }

    public static func == (a: PartSpans, b: PartSpans) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}
