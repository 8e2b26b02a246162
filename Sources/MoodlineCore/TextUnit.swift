/// One unit of normalised text: an English word (by its number in the lexicon), a Chinese
/// character (simplified), an emoji, an emoticon, or a punctuation mark that matters.
struct TextUnit: Sendable {
    enum Kind: UInt8, Sendable {
        case word, cjk, emoji, symbol
        case exclamation, question, clauseBreak
        /// A character or word the lexicon cannot match; it still counts for distances.
        case other
        /// A quotation mark (" “ ” 「 」 『 』): words between a pair are someone's quoted words.
        case quote
    }

    struct Flags: OptionSet, Sendable {
        var rawValue: UInt8
        static let allCaps = Flags(rawValue: 1)
        static let elongated = Flags(rawValue: 2)
        static let hasLetters = Flags(rawValue: 4)
        /// A comma after Chinese text: it ends a clause for negation and scope, but a self-harm
        /// pattern under way may finish after it, since Chinese joins topic and comment with
        /// one (没有我，家人会轻松很多).
        static let softBreak = Flags(rawValue: 8)
        /// An enumeration comma (、): the items after it belong to the same telling, so
        /// someone else's words or deeds go on through it (她说要告房东、找消保官).
        static let listBreak = Flags(rawValue: 16)
        /// Inside a quoted phrase (台詞「我不想活了」, the song "I Don't Want to Live"): its "I" is
        /// the quoted one's, not the speaker's.
        static let quotedPhrase = Flags(rawValue: 32)
        /// A quotation mark that can only close ('express', ” 」 』): it never opens a quoted
        /// sentence or phrase, so two quoted phrases in a line pair up as they are written.
        static let closingMark = Flags(rawValue: 64)
    }

    var key: UInt32 = 0
    /// A word's FNV-1a hash (of its lower-cased bytes), whether the lexicon knows it or not: the
    /// learned layer's words need no place in the lexicon's word table. 0 for other units.
    var hash: UInt32 = 0
    var kind: Kind = .other
    var flags: Flags = []
    /// Byte offsets into the original UTF-8 text.
    var start: Int32 = 0
    var end: Int32 = 0

    var isMatchable: Bool { kind.rawValue <= Kind.symbol.rawValue }

    /// Word numbers live above every Unicode scalar, so one key space holds both.
    static let wordBase: UInt32 = 0x0020_0000
    /// A word the lexicon does not know: no trie edge carries it.
    static let unknownWord: UInt32 = 0x001F_FFFF
}

/// Counts gathered while tokenising, for language detection and the caps rule.
struct TokenStats: Sendable {
    var units = 0
    var cjk = 0
    var words = 0
    var capsWords = 0
    var traditional = false
}

/// Resolves an English word to its number in the lexicon.
protocol WordResolver {
    /// A word's number; the lexicon builder adds unknown words, the scorer does not.
    mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32?
    /// A word's number, never adding it (emoticon probes).
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32?
    /// Whether word `id`, whose bytes are `word`, has a letter three times running ("sooo").
    func isElongated(_ id: UInt32, _ word: UnsafeBufferPointer<UInt8>) -> Bool
}

extension WordTable: WordResolver {
    mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? { insert(word) }
    func isElongated(_ id: UInt32, _ word: UnsafeBufferPointer<UInt8>) -> Bool { Self.hasLetterRun(word) }
}

/// Finds words without adding them: for the learned layer's features, whose words need no
/// number, only their hash.
struct LookupOnly<Base: WordResolver>: WordResolver {
    var base: Base
    mutating func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? { base.find(word, hash: hash) }
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? { base.find(word, hash: hash) }
    func isElongated(_ id: UInt32, _ word: UnsafeBufferPointer<UInt8>) -> Bool { base.isElongated(id, word) }
}
