/// A compiled lexicon: the entries, their weights and tags, and one matcher over them all.
/// Immutable once built, and shared by every scorer.
public final class Lexicon: Sendable {
    /// Names one entry of the lexicon.
    public struct EntryID: RawRepresentable, Hashable, Sendable {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
    }

    /// One line of a lexicon file, as loaded.
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var weight: Float
        public var tags: LexiconTags
        /// Where it was read: file and line.
        public var file: String
        public var line: Int
    }

    public let entries: [Entry]
    /// The patterns over concepts, in file order.
    public let patterns: [Pattern]
    /// Concept numbers and names: an English and a Chinese concept may share a number.
    let numbering: LexiconCompiler.ConceptNumbering
    /// Per entry, the concepts it stands for, per language.
    public let concepts: [EntryConcepts]
    /// The compiled matcher and per-entry weights and tags, in buffers the scoring loop reads directly.
    let frozen: FrozenTables
    /// Problems that did not stop loading (duplicates, traditional-script terms and the like).
    public let warnings: [LexiconIssue]

    /// Builds a lexicon from the text of its files; throws when any file has errors.
    public convenience init(sources: [LexiconSource]) throws(LexiconError) {
        let compiled = LexiconCompiler.compile(sources)
        let errors = compiled.issues.filter(\.isError)
        guard errors.isEmpty else { throw LexiconError(issues: errors) }
        self.init(compiled)
    }

    init(_ compiled: LexiconCompiler.Output) {
        entries = compiled.entries
        patterns = compiled.patterns
        numbering = compiled.numbering
        concepts = compiled.concepts
        warnings = compiled.issues
        frozen = FrozenTables(
            trie: compiled.trie, words: compiled.words, scriptMap: compiled.scriptMap,
            weights: compiled.entries.map(\.weight), tags: compiled.entries.map(\.tags),
            concepts: compiled.concepts, numbering: compiled.numbering, patterns: compiled.patterns, learnedSupport: compiled.learnedSupport, firmEvidence: compiled.firmEvidence, model: compiled.model
        )
    }

    /// Every error and warning in a set of lexicon files, for `moodline lexicon check`.
    public static func check(_ sources: [LexiconSource]) -> [LexiconIssue] {
        LexiconCompiler.compile(sources).issues
    }

    /// A concept's number (`self`, not `@self`); nil when no entry defines it.
    public func conceptNumber(named name: String) -> Int? { numbering.numbers[name] }

    /// Concept numbers in use for English and for Chinese patterns, each of
    /// ``ConceptSet/capacity``; the concepts both share count in both.
    public var conceptsInUse: (english: Int, chinese: Int) {
        (numbering.shared + numbering.latinOnly, numbering.shared + numbering.hanOnly)
    }

    /// The name of concept `number` as patterns of `script` see it (`self`, not `@self`).
    public func conceptName(_ number: Int, script: Pattern.Script) -> String { numbering.name(number, script: script) }

    /// The text of an entry, as written in the lexicon file.
    public func term(_ id: EntryID) -> String { entries[Int(id.rawValue)].term }

    /// The entry itself.
    public func entry(_ id: EntryID) -> Entry { entries[Int(id.rawValue)] }

    /// A pattern.
    public func pattern(_ id: PatternID) -> Pattern { patterns[Int(id.rawValue)] }

    /// What an explanation calls a category hit: the pattern's name, or the entry's term.
    public func label(_ hit: CategoryHit) -> String {
        if hit.isLearned { return "learned model" }
        return hit.pattern.map { pattern($0).name } ?? term(hit.entry)
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// The lexicon built into the binary, from the files in `lexicons/` at build time.
    public static let embedded: Lexicon = {
        do {
            return try Lexicon(sources: EmbeddedLexicons.sources)
        } catch {
            // The embedded files are checked by the test suite; reaching this is a build defect.
            preconditionFailure("embedded lexicon is invalid: \(error)")
        }
    }()
}

/// The lexicon files built into the binary, for `moodline lexicon check` and for tests.
public enum EmbeddedLexiconSources {
    public static var all: [LexiconSource] { EmbeddedLexicons.sources }
}
