/// What the scorer found in one fragment of text.
public struct Score: Sendable, Equatable {
    /// Negative to positive, in [-1, 1].
    public var valence: Float
    /// Calm to agitated as far as the text shows it, in [0, 1].
    public var arousal: Float
    /// The language: the caller's tag when given, detected otherwise.
    public var language: Language
    /// Whether the text contained traditional-script characters that were mapped to simplified.
    public var isTraditional: Bool
    /// The categories that fired (negated ones do not).
    public var categories: CategorySet
    /// The lexicon entries behind each category, at most ``CategoryHits/capacity`` of them.
    public var hits: CategoryHits
    /// The categories a rule stated (an entry or a pattern), leaving out those only the
    /// learned layer did.
    public var ruleCategories: CategorySet {
        var learned = CategorySet(), ruled = CategorySet()
        for hit in hits {
            if hit.isLearned { learned.insert(hit.category) } else { ruled.insert(hit.category) }
        }
        return CategorySet(rawValue: categories.rawValue & ~(learned.rawValue & ~ruled.rawValue))
    }

    /// The categories the rules found words for, whether or not a scope cue then cancelled them:
    /// an agent's "这是例行程序，建议您到派出所报案" speaks of the police without threatening anyone.
    public var spokenOf: CategorySet { ruleCategories.union(scopedCategories) }

    /// The raw sum of word valences before normalisation (VADER's scale, roughly −4…+4 a word).
    public var rawSum: Float
    /// Categories stated on weak evidence: by the learned layer alone, in a fragment with none of
    /// the words that can carry them (`support:` lines), as distress ("lost my job, I don't know
    /// what to do") reads like self-harm to the model; or with none of the words that make them
    /// firm (`firm:` lines), as a repeat contact told only as time gone by. Still stated; a live
    /// episode resting on one gives way to clearer evidence.
    public var weakCategories: CategorySet
    /// Categories only the learned layer stated, with less confidence than it needs to raise
    /// an alert on its own (the model's `alert` line): in a live conversation, where few lines
    /// are risky, such a guess waits for more, as a weak one does.
    public var tentativeCategories: CategorySet
    /// Whether the fragment's negativity is an aside: aimed at a thing ("stupid phone"), said
    /// in jest or as hyperbole (累死了, 气死我了哈哈), a question about a task ("can I cancel
    /// that order? 😭"), sorrow about one's life told calmly (心里一直挺难受), mostly someone else's
    /// words, mood or story (我老公好嬲), or a trouble told as settled since ("took three calls,
    /// but it's all fixed"), with no risk statement or insult in it. A real feeling, but one such
    /// line is no grievance on its own.
    public var isAside: Bool
    /// Whether the aside is a story: mostly someone else's words or trouble (我表姐气得说要打12315),
    /// someone else's deed or a dispute outside the company told to its end ("my sister ended up
    /// filing with the BBB"), or a trouble of the caller's own told as settled since. A
    /// conversation lets such a line add to the mood but not be the one that opens a mood alert:
    /// a calm caller telling how bad it once was is not unhappy now.
    public var isStory: Bool
    /// Categories a rule stated and a scope cue then cancelled (reported, a procedure, a denial…).
    public var scopedCategories: CategorySet
    /// Whether the valence is only the learned layer's lean on a line with no sentiment word:
    /// its sign, not a strength, so a conversation reads the line as flat words.
    public var isLean: Bool
    /// Whether the fragment asks the listener if they are safe or thinking of harming themselves
    /// (您是不是有伤害自己的想法？, "are you thinking about ending your life?"): an agent's
    /// crisis question, asked because the customer said something that worried them.
    public var asksAfterSafety: Bool
    /// Whether the fragment points the listener to an outside body ("they can refer it to the
    /// ombudsman", 建议您到派出所报案), whether or not a scope cue then cancelled the category;
    /// one that only names the body ("复核费是物价部门核定的") points nowhere.
    public var pointsOutside: Bool
    /// What the fragment tells of that explains later lines of the conversation (a death, a move
    /// away, a jump for sport booked).
    public var tells: ToldContext
    /// Whether the fragment speaks of going to someone or being with them again, not as a move or
    /// a visit told plainly ("I'll be joining her soon", 等这礼拜过完，我就去找老伴了): self-harm
    /// when the conversation told of their death.
    public var speaksOfJoiningTheDead: Bool
    /// What told earlier would explain the fragment's self-harm: a move its goodbyes and things
    /// given away ("said my goodbyes to everyone", 东西都送人了), a jump for sport its jumping
    /// (從飛機上跳下去). Empty when a burden or a means is said beside them.
    public var explainableBy: ToldContext

    public init(
        valence: Float = 0, arousal: Float = 0, language: Language = .unknown, isTraditional: Bool = false,
        categories: CategorySet = [], hits: CategoryHits = CategoryHits(), rawSum: Float = 0,
        weakCategories: CategorySet = [], tentativeCategories: CategorySet = [], isAside: Bool = false, isStory: Bool = false,
        scopedCategories: CategorySet = [], isLean: Bool = false, asksAfterSafety: Bool = false,
        pointsOutside: Bool = false, tells: ToldContext = [], speaksOfJoiningTheDead: Bool = false,
        explainableBy: ToldContext = []
    ) {
        self.valence = valence
        self.arousal = arousal
        self.language = language
        self.isTraditional = isTraditional
        self.categories = categories
        self.hits = hits
        self.rawSum = rawSum
        self.weakCategories = weakCategories
        self.tentativeCategories = tentativeCategories
        self.isAside = isAside
        self.isStory = isStory
        self.scopedCategories = scopedCategories
        self.isLean = isLean
        self.asksAfterSafety = asksAfterSafety
        self.pointsOutside = pointsOutside
        self.tells = tells
        self.speaksOfJoiningTheDead = speaksOfJoiningTheDead
        self.explainableBy = explainableBy
    }
}

/// One category statement: which lexicon entry matched, and where in the original text.
public struct CategoryHit: Sendable, Equatable {
    public var category: Category
    /// The lexicon entry that matched; ``Lexicon/term(_:)`` gives its text.
    public var entry: Lexicon.EntryID
    /// Byte offsets into the original UTF-8 text.
    public var utf8Start: Int32
    public var utf8End: Int32
    /// The pattern that stated the category, or -1 when the entry's own tag did.
    var patternIndex: Int32

    public init(category: Category, entry: Lexicon.EntryID, utf8Start: Int32, utf8End: Int32, pattern: Lexicon.PatternID? = nil) {
        self.category = category
        self.entry = entry
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.patternIndex = pattern.map { Int32(bitPattern: $0.rawValue) } ?? -1
    }

    /// A category the learned layer stated (``isLearned``): no entry, no span of its own.
    init(learned category: Category) {
        self.init(category: category, entry: Lexicon.EntryID(rawValue: 0), utf8Start: 0, utf8End: 0)
        patternIndex = Self.learnedIndex
    }

    static let learnedIndex: Int32 = -2

    /// Whether the learned layer, not a rule, stated the category.
    public var isLearned: Bool { patternIndex == Self.learnedIndex }

    /// The pattern that stated the category, if a pattern did (the entry is then its last part).
    public var pattern: Lexicon.PatternID? {
        patternIndex < 0 ? nil : Lexicon.PatternID(rawValue: UInt32(patternIndex))
    }
}

/// A fixed-capacity list of category hits, kept inline so scoring needs no heap allocation.
public struct CategoryHits: Sendable, Equatable, RandomAccessCollection {
    public static let capacity = 8
    private var storage: (CategoryHit, CategoryHit, CategoryHit, CategoryHit,
                          CategoryHit, CategoryHit, CategoryHit, CategoryHit)
    public private(set) var count: Int = 0

    public init() {
        let empty = CategoryHit(category: .thanks, entry: Lexicon.EntryID(rawValue: 0), utf8Start: 0, utf8End: 0)
        storage = (empty, empty, empty, empty, empty, empty, empty, empty)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> CategoryHit {
        precondition(position >= 0 && position < count, "CategoryHits index out of range")
        return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: position * MemoryLayout<CategoryHit>.stride, as: CategoryHit.self) }
    }

    /// Appends a hit; returns false when the list is full and the hit was dropped.
    @discardableResult
    public mutating func append(_ hit: CategoryHit) -> Bool {
        guard count < Self.capacity else { return false }
        withUnsafeMutableBytes(of: &storage) {
            $0.storeBytes(of: hit, toByteOffset: count * MemoryLayout<CategoryHit>.stride, as: CategoryHit.self)
        }
        count += 1
        return true
    }

    public static func == (lhs: CategoryHits, rhs: CategoryHits) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
