/// The tags an entry carries: its categories and its role in the rules.
public struct LexiconTags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    // Bits 0–15 mirror `Category.rawValue`, so `categories` is a mask, not a lookup.
    public static let negator = LexiconTags(rawValue: 1 << 16)
    public static let intensifier = LexiconTags(rawValue: 1 << 17)
    public static let contrast = LexiconTags(rawValue: 1 << 18)
    public static let anger = LexiconTags(rawValue: 1 << 19)
    public static let sadness = LexiconTags(rawValue: 1 << 20)
    public static let hyperbole = LexiconTags(rawValue: 1 << 21)
    public static let sarcasm = LexiconTags(rawValue: 1 << 22)
    /// A character whose sentiment counts only when the fragment has no word-level evidence
    /// (坏 inside 坏掉, which the lexicon lacks): fewer lines abstain.
    public static let morpheme = LexiconTags(rawValue: 1 << 23)
    /// "or", 或者: a negation before it reaches the words after it too ("I'm not closing the
    /// account or moving banks", 我不会退订或者转网).
    public static let disjunction = LexiconTags(rawValue: 1 << 24)
    /// "fine", "okay", "yes", 好, 明白: a reply that takes a turn. Alone in a line it says
    /// nothing of the speaker's mood ("Fine.", "……好。" after a refusal is no praise).
    public static let acknowledgement = LexiconTags(rawValue: 1 << 25)
    /// 就, 我就 (and 那就, read as 那 and 就): the consequence of a condition begins, and a
    /// negator in the condition (你们不修) does not reach it (我就退租): the line is a threat.
    public static let consequence = LexiconTags(rawValue: 1 << 26)
    /// "really", "just", "bloody": a word that may stand inside a known phrase without breaking
    /// it ("doesn't really matter", "cancel my bloody account"). The phrase matches around it,
    /// and the word still counts on its own.
    public static let filler = LexiconTags(rawValue: 1 << 27)
    /// Set by the compiler: the entry joins on a clause of the speaker's own (`@en_join`:
    /// because, and, so), read where the entry is applied; a join word with no concept a pattern
    /// uses takes no pattern work.
    static let joinsClause = LexiconTags(rawValue: 1 << 28)
    /// Set by the compiler, never written in a file: the entry stands for a concept some pattern uses.
    static let hasConcepts = LexiconTags(rawValue: 1 << 31)
    /// Set by the compiler: the entry's only concepts are ones a pattern `needs:` and none has as
    /// a part (没, "still"), so scoring only notes them for the fragment and feeds no pattern.
    static let hasNeededConcepts = LexiconTags(rawValue: 1 << 30)
    /// Set by the compiler: the entry stands for a concept the learned layer needs to state a
    /// category (``FrozenPatterns/learnedSupport``), so its clause is noted for the layer.
    static let carriesLearnedSupport = LexiconTags(rawValue: 1 << 29)

    public init(_ category: Category) { rawValue = 1 << UInt32(category.rawValue) }

    /// The categories among the tags.
    public var categories: CategorySet { CategorySet(rawValue: UInt16(truncatingIfNeeded: rawValue & 0xFFFF)) }

    private static let named: [(String, LexiconTags)] = [
        ("negator", .negator), ("intensifier", .intensifier), ("contrast", .contrast),
        ("anger", .anger), ("sadness", .sadness), ("hyperbole", .hyperbole), ("sarcasm", .sarcasm),
        ("morpheme", .morpheme), ("disjunction", .disjunction), ("acknowledgement", .acknowledgement),
        ("consequence", .consequence), ("filler", .filler),
    ] + Category.allCases.map { ($0.tag, LexiconTags($0)) }

    /// The tag a lexicon file names, if it is one Moodline knows.
    public init?(tag: some StringProtocol) {
        guard let match = Self.named.first(where: { $0.0 == tag }) else { return nil }
        self = match.1
    }

    /// The tag names, in a stable order.
    public var names: [String] { Self.named.filter { contains($0.1) }.map(\.0) }

    /// Every tag name a lexicon may use.
    public static var allNames: [String] { named.map(\.0) }
}
