#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns lexicon files into the tables a ``Lexicon`` matches with, collecting every issue.
enum LexiconCompiler {
    /// Concepts the scorer reads itself, whether or not a pattern names them: who speaks, who
    /// listens, someone else saying it now (我老公还说，……), whose next clause is their words,
    /// their report going on into the next clause (她说要打12315，还要发到网上曝光), their story
    /// told on (我表哥之前也中过奖，结果……), someone spoken to (跟朋友说), an English clause of
    /// the speaker's own joined on after a report ("…because I"), saying or telling, before a
    /// fix that is then only claimed (你们说修好了), and a joke claim taken back (其实唔系讲笑).
    static let readByTheScorer: Set<String> = ["self", "you", "third", "zh_kin", "zh_saynow", "zh_goeson", "zh_storythen", "zh_toward", "en_join", "say", "notjoking"]

    struct Output {
        var entries: [Lexicon.Entry] = []
        var words = WordTable()
        var trie = UnitTrie()
        var scriptMap = ScriptMap()
        var issues: [LexiconIssue] = []
        /// Per entry, the concepts it stands for, for each language's patterns.
        var concepts: [EntryConcepts] = []
        /// Concept numbers and names, per script.
        var numbering = ConceptNumbering()
        var patterns: [Pattern] = []
        /// Per category (by raw value), the concepts the learned layer needs in a fragment to
        /// state it alone; empty: no such need.
        var learnedSupport = [EntryConcepts](repeating: EntryConcepts(), count: Category.allCases.count)
        /// Per category (by raw value), the concepts that make its statement firm enough to alert
        /// on alone; empty: every statement is.
        var firmEvidence = [EntryConcepts](repeating: EntryConcepts(), count: Category.allCases.count)
        var model = CategoryModel()
        /// Concept-only phrases of two units or more, with their units: their words' valence
        /// is given back to them once every entry is read (`inheritValence`).
        var conceptPhrases: [(entry: Int, path: [UInt32])] = []
        /// Every entry of two units or more, with its units, for `spreadNeededConcepts`.
        var phrases: [(entry: Int, path: [UInt32])] = []
        /// Where each concept was first defined, for the unused-concept warning.
        var conceptDefinedAt: [String: (file: String, line: Int)] = [:]
        /// Chat spellings (`*.map` lines of two words): per word, the words that stand for it
        /// (you: u, ya; your: ur), so every entry with the word is also found with them.
        var spellings: [UInt32: [UInt32]] = [:]
        /// Paths an entry took only as another spelling of its own: a line that defines such a
        /// path itself replaces it, without a duplicate warning.
        var spelledPaths: Set<[UInt32]> = []
    }

    static func compile(_ sources: [LexiconSource]) -> Output {
        var out = Output()
        out.numbering = ConceptNumbering(sources)
        // Script maps first: terms are normalised with them, as text will be.
        for source in sources where source.isScriptMap { readMap(source, into: &out) }
        var units: [TextUnit] = []
        for source in sources where !source.isScriptMap && !source.isPatternFile && !source.isModelFile {
            var count = 0
            forEachLine(source.text) { lineNumber, line in
                if readEntry(line, file: source.name, line: lineNumber, into: &out, units: &units) { count += 1 }
            }
            if count == 0 {
                out.issues.append(LexiconIssue(.noEntries, file: source.name, line: 0, "the file has no entries", isError: false))
            }
        }
        inheritValence(&out)
        readPossessivesAsTheirNouns(&out)
        for source in sources where source.isModelFile {
            forEachLine(source.text) { lineNumber, line in readModelLine(line, file: source.name, line: lineNumber, into: &out, units: &units) }
        }
        // Patterns last: they name concepts the entry files define.
        for source in sources where source.isPatternFile {
            forEachLine(source.text) { lineNumber, line in
                if let pattern = PatternParser.parse(line, file: source.name, line: lineNumber, into: &out) {
                    out.patterns.append(pattern)
                }
            }
        }
        spreadNeededConcepts(&out)
        if sources.contains(where: \.isPatternFile) { warnOfUnusedConcepts(&out) }
        return out
    }

    /// A concept no pattern names still takes one of its script's ``ConceptSet/capacity``
    /// numbers; a tag that names a concept the patterns spell differently is a mistake.
    private static func warnOfUnusedConcepts(_ out: inout Output) {
        var used: Set<String> = ["self", "you"]
        func use(_ concepts: ConceptSet, _ script: Pattern.Script) {
            for number in concepts.members { used.insert(out.numbering.name(number, script: script)) }
        }
        for support in out.learnedSupport + out.firmEvidence {
            use(support.latin, .latin)
            use(support.han, .han)
        }
        for pattern in out.patterns {
            for part in pattern.parts { use(part, pattern.script) }
            use(pattern.needs, pattern.script)
        }
        used.formUnion(Self.readByTheScorer)
        for (name, at) in out.conceptDefinedAt.sorted(by: { ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line) })
        where !used.contains(name) {
            out.issues.append(LexiconIssue(.unusedConcept, file: at.file, line: at.line,
                "concept `@\(name)` is named by no pattern; it takes one of the \(ConceptSet.capacity) concept numbers of its script", isError: false))
        }
    }

    static func forEachLine(_ text: String, _ body: (Int, Substring) -> Void) {
        var lineNumber = 0
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)
            if line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) || line.utf8.first == UInt8(ascii: "#") { continue }
            body(lineNumber, line)
        }
    }

    /// `line` split where `separator` (an ASCII byte) stands. Split on the bytes, not on
    /// characters: the same fields, without the grapheme breaking that made loading the
    /// lexicons most of a `moodline score` run's start.
    static func fields(_ line: Substring, _ separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
        line.utf8.split(separator: separator, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    private static func readMap(_ source: LexiconSource, into out: inout Output) {
        forEachLine(source.text) { lineNumber, line in
            let fields = Self.fields(line, UInt8(ascii: "\t"))
            if fields.count == 2, isSpellingWord(fields[0]), isSpellingWord(fields[1]), fields[0] != fields[1],
               fields[0].unicodeScalars.count > 1 || fields[1].unicodeScalars.count > 1 {
                // `u<TAB>you`: a chat spelling and the word it stands for.
                let variant = Array(fields[0].utf8).withUnsafeBufferPointer { out.words.insert($0) }
                let word = Array(fields[1].utf8).withUnsafeBufferPointer { out.words.insert($0) }
                out.spellings[TextUnit.wordBase | word, default: []].append(TextUnit.wordBase | variant)
                return
            }
            guard fields.count == 2, fields[0].unicodeScalars.count == 1, fields[1].unicodeScalars.count == 1,
                  let from = fields[0].unicodeScalars.first, let to = fields[1].unicodeScalars.first
            else {
                out.issues.append(LexiconIssue(.badMapLine, file: source.name, line: lineNumber,
                    "a map line is one character, a tab and one character (a script), or a lower-case English word, a tab and the word it stands for (a chat spelling: `u<TAB>you`)"))
                return
            }
            out.scriptMap.add(traditional: from.value, simplified: to.value)
        }
    }

    /// A word a spelling line may name: lower-case ASCII letters and apostrophes, as the
    /// tokeniser keeps an English word.
    private static func isSpellingWord(_ field: Substring) -> Bool {
        !field.isEmpty && field.utf8.count <= WordTable.maxLength
            && field.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "'") }
    }

    /// The other spellings of a path (each word that has chat spellings, in each of them),
    /// at most `limit` of them, the path itself left out.
    private static func spelledVariants(of path: [UInt32], _ spellings: [UInt32: [UInt32]], limit: Int = 32) -> [[UInt32]] {
        var variants: [[UInt32]] = [path]
        for (i, unit) in path.enumerated() {
            guard let others = spellings[unit] else { continue }
            var grown = variants
            for v in variants {
                for other in others where grown.count < limit + 1 {
                    var w = v
                    w[i] = other
                    grown.append(w)
                }
            }
            variants = grown
        }
        return Array(variants.dropFirst())
    }

    /// Reads one entry line; returns whether it produced an entry.
    private static func readEntry(
        _ line: Substring, file: String, line lineNumber: Int, into out: inout Output, units: inout [TextUnit]
    ) -> Bool {
        var reported: [LexiconIssue] = []
        func issue(_ code: LexiconIssue.Code, _ message: String, isError: Bool = true) {
            reported.append(LexiconIssue(code, file: file, line: lineNumber, message, isError: isError))
        }
        defer { out.issues += reported }
        let fields = Self.fields(line, UInt8(ascii: "\t"))
        guard fields.count == 2 || fields.count == 3 else {
            issue(.fieldCount, "expected `term<TAB>weight<TAB>tags`, found \(fields.count) field(s)")
            return false
        }
        let term = String(fields[0])
        guard !term.isEmpty, term.trimmingSpaces == term[...] else {
            issue(.emptyTerm, "the term is empty or has leading or trailing spaces")
            return false
        }
        guard let weight = Float(fields[1]), weight.isFinite else {
            issue(.badWeight, "weight `\(fields[1])` is not a number")
            return false
        }
        var tags: LexiconTags = []
        var concepts = ConceptSet()
        var tagsOK = true
        if fields.count == 3 {
            for name in Self.fields(fields[2], UInt8(ascii: ","), omittingEmpty: true) {
                if name.hasPrefix("@") {
                    guard let number = conceptNumber(name.dropFirst(), into: out) else {
                        issue(.unknownTag, "more than \(ConceptSet.capacity) concepts for one script; `\(name)` is one too many")
                        tagsOK = false
                        continue
                    }
                    if out.conceptDefinedAt[String(name.dropFirst())] == nil { out.conceptDefinedAt[String(name.dropFirst())] = (file, lineNumber) }
                    concepts.formUnion(ConceptSet(number))
                } else if let tag = LexiconTags(tag: name) {
                    tags.formUnion(tag)
                } else {
                    issue(.unknownTag, "unknown tag `\(name)`; known tags: \(LexiconTags.allNames.joined(separator: ", "))")
                    tagsOK = false
                }
            }
        }
        guard tagsOK else { return false }
        if tags.contains(.intensifier) {
            guard (0...3).contains(weight) else {
                issue(.weightOutOfRange, "an intensifier's weight is a multiplier from 0 to 3, found \(weight)")
                return false
            }
        } else if !(-4...4).contains(weight) {
            issue(.weightOutOfRange, "a valence is from -4 to 4, found \(weight)")
            return false
        }
        if term.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            issue(.upperCase, "`\(term)` has upper-case letters; terms are written in lower case (matching ignores case)", isError: false)
        }

        // `give+ away`: the word before `+` also in its regular English inflections.
        let forms = term.contains("+") ? EnglishInflection.expand(term) : [term]
        guard !forms.isEmpty else {
            issue(.unmatchableTerm, "`\(term)`: `+` follows an English word to add its inflections (`kill+`)")
            return false
        }
        var added = false
        for form in forms {
            added = addEntry(form, weight: weight, tags: tags, concepts: EntryConcepts(concepts, file: file), file: file, line: lineNumber,
                             reportTo: issue, into: &out, units: &units) || added
        }
        return added
    }

    /// Normalises one term as text will be and adds it to the trie; returns whether it did.
    private static func addEntry(
        _ term: String, weight: Float, tags: LexiconTags, concepts: EntryConcepts, file: String, line lineNumber: Int,
        reportTo issue: (LexiconIssue.Code, String, Bool) -> Void, into out: inout Output, units: inout [TextUnit]
    ) -> Bool {
        let id = UInt32(out.entries.count)
        var path: [UInt32] = []
        var traditional = false
        var clean = true
        var utf8 = Array(term.utf8)
        if isEmoticon(term) {
            path = [TextUnit.wordBase | utf8.withUnsafeBufferPointer { out.words.insert($0) }]
        } else {
            if units.count < utf8.count + 1 { units = Array(repeating: TextUnit(), count: utf8.count + 1) }
            let stats = utf8.withUnsafeMutableBufferPointer { bytes in
                units.withUnsafeMutableBufferPointer { u in
                    Tokenizer.tokenize(UnsafeBufferPointer(bytes), scriptMap: out.scriptMap, resolver: &out.words, into: u)
                }
            }
            traditional = stats.traditional
            for u in units[..<stats.units] {
                if u.isMatchable { path.append(u.key) } else { clean = false }
            }
        }
        guard clean, !path.isEmpty else {
            issue(.unmatchableTerm, "`\(term)` has punctuation or characters that text is never matched on", true)
            return false
        }
        if traditional {
            issue(.traditionalScript, "`\(term)` is in traditional script; it is matched as its simplified form — write that instead", false)
        }
        let conceptOnly = weight == 0 && tags.isEmpty && !concepts.isEmpty
        // A path taken earlier only as another spelling of some entry is this line's own.
        let respelled = !out.spelledPaths.isEmpty && out.spelledPaths.remove(path) != nil
        defer { if !out.spellings.isEmpty { addSpellings(of: path, into: &out) } }
        if let previous = out.trie.insert(path, entry: Int32(id)), !respelled {
            let p = Int(previous)
            let previousConceptOnly = out.entries[p].weight == 0 && out.entries[p].tags.isEmpty && !out.concepts[p].isEmpty
            if conceptOnly {
                // A concept line adds its concepts to the entry defined elsewhere, which stays.
                _ = out.trie.insert(path, entry: previous)
                out.concepts[p].formUnion(concepts)
                return false
            }
            var inherited = concepts
            inherited.formUnion(out.concepts[p])
            if !previousConceptOnly {
                let e = out.entries[p]
                issue(.duplicate, "`\(term)` is already defined at \(e.file):\(e.line); this line replaces it", false)
            }
            out.entries.append(Lexicon.Entry(term: term, weight: weight, tags: tags, file: file, line: lineNumber))
            out.concepts.append(inherited)
            if path.count > 1 { out.phrases.append((Int(id), path)) }
            return true
        }
        out.entries.append(Lexicon.Entry(term: term, weight: weight, tags: tags, file: file, line: lineNumber))
        out.concepts.append(concepts)
        if conceptOnly && path.count > 1 { out.conceptPhrases.append((Int(id), path)) }
        if path.count > 1 { out.phrases.append((Int(id), path)) }
        utf8.removeAll()
        return true
    }

    /// The entry now at `path` is also found with its words in their chat spellings ("kill
    /// urself", "ur the reason"), unless a line defines that spelling itself.
    private static func addSpellings(of path: [UInt32], into out: inout Output) {
        guard let entry = out.trie.entry(at: path) else { return }
        for variant in spelledVariants(of: path, out.spellings) {
            if let existing = out.trie.entry(at: variant), !out.spelledPaths.contains(variant) || existing == entry { continue }
            _ = out.trie.insert(variant, entry: entry)
            out.spelledPaths.insert(variant)
        }
    }

    /// A phrase is matched whole, so a word inside it that a pattern's `needs:` asks for would be
    /// lost ("it still isn't", "nobody ever rang", 到现在还是, 没人理 hide their denial): each
    /// phrase that holds such a word, by longest match as text is read, gets its needed concepts
    /// too, shorter phrases first so that they pass them on. Only concepts no pattern has as a
    /// part spread: a phrase that holds "still" must not start a pattern of `@still`. Warm
    /// phrases (没问题, "no worries") deny nothing that is wrong, and are left out.
    private static func spreadNeededConcepts(_ out: inout Output) {
        var needed = EntryConcepts(), parts = EntryConcepts()
        for pattern in out.patterns {
            needed.formUnion(EntryConcepts(pattern.needs, script: pattern.script))
            for part in pattern.parts { parts.formUnion(EntryConcepts(part, script: pattern.script)) }
        }
        for support in out.learnedSupport + out.firmEvidence { parts.formUnion(support) }
        needed = needed.subtracting(parts)
        guard !needed.isEmpty else { return }
        let warm: LexiconTags = [LexiconTags(.thanks), LexiconTags(.satisfaction), LexiconTags(.apology), LexiconTags(.empathy)]
        for (entry, path) in out.phrases.sorted(by: { $0.path.count < $1.path.count })
        where out.entries[entry].weight <= 0 && out.entries[entry].tags.isDisjoint(with: warm) {
            var found = EntryConcepts()
            forEachPart(of: path, in: out.trie, taking: { _, range in range.count < path.count }) { e in
                found.formUnion(out.concepts[e].intersection(needed))
            }
            out.concepts[entry].formUnion(found)
        }
    }

    /// A concept phrase is matched whole, so the words inside it no longer count: "so tired of"
    /// would hide "tired". Each concept-only phrase takes the valence of its words as the other
    /// lists weigh them (longest match; concept-only entries, and the characters that only stand
    /// in for unknown Chinese words, left out) when that is negative and no negator stands among
    /// them ("i'm not suicidal" stays 0). Positive sums are left at 0: a phrase of risk can hold
    /// a warm word ("giving up on being alive").
    private static func inheritValence(_ out: inout Output) {
        let weights = out.entries.map(\.weight)
        func isConceptOnly(_ e: Int) -> Bool {
            weights[e] == 0 && out.entries[e].tags.isEmpty && !out.concepts[e].isEmpty
        }
        for (entry, path) in out.conceptPhrases {
            var sum: Float = 0
            var negated = false
            forEachPart(of: path, in: out.trie, taking: { e, _ in !isConceptOnly(e) }) { e in
                let tags = out.entries[e].tags
                if tags.contains(.negator) { negated = true }
                else if !tags.contains(.intensifier) && !tags.contains(.morpheme) { sum += weights[e] }
            }
            if !negated && sum < 0 { out.entries[entry].weight = max(-4, sum) }
        }
    }

    /// A word written `x's` only inside a phrase ("my attorney's") is a word of its own, so
    /// text never reaches the tokenizer's fallback that reads an unlisted possessive as its
    /// noun: alone ("the attorney's got a copy") it would match nothing. It reads as its noun's
    /// entry, as an unlisted one does.
    private static func readPossessivesAsTheirNouns(_ out: inout Output) {
        let arena = out.words.arenaBytes, offsets = out.words.offsetTable, lengths = out.words.lengthTable
        for id in 0..<out.words.count {
            let start = Int(offsets[id]), length = Int(lengths[id])
            guard length > 3, arena[start + length - 2] == UInt8(ascii: "'"),
                  arena[start + length - 1] == UInt8(ascii: "s") else { continue }
            let word = TextUnit.wordBase | UInt32(id)
            let node = out.trie.child(UnitTrie.root, word)
            guard node < 0 || out.trie.terminal[Int(node)] < 0 else { continue }
            let stemID = arena.withUnsafeBufferPointer { bytes in
                let stem = UnsafeBufferPointer(rebasing: bytes[start..<(start + length - 2)])
                return out.words.find(stem, hash: WordTable.hash(stem))
            }
            guard let stemID else { continue }
            let stemNode = out.trie.child(UnitTrie.root, TextUnit.wordBase | stemID)
            guard stemNode >= 0, case let entry = out.trie.terminal[Int(stemNode)], entry >= 0 else { continue }
            _ = out.trie.insert([word], entry: entry)
        }
    }

    /// Reads a phrase's units as text is read: at each place the longest entry `taking` accepts
    /// (given its units' range in `path`), then on after it; a place where none starts is skipped.
    private static func forEachPart(
        of path: [UInt32], in trie: UnitTrie, taking: (Int, Range<Int>) -> Bool, _ body: (Int) -> Void
    ) {
        var i = 0
        while i < path.count {
            var node = UnitTrie.root
            var best: (entry: Int, length: Int)?
            var j = i
            while j < path.count {
                node = trie.child(node, path[j])
                guard node >= 0 else { break }
                j += 1
                let e = Int(trie.terminal[Int(node)])
                if e >= 0 && taking(e, i..<j) { best = (e, j - i) }
            }
            guard let (e, length) = best else { i += 1; continue }
            body(e)
            i += length
        }
    }

    /// A concept's number (``ConceptNumbering``); nil when no entry defines the concept, or its
    /// script has no number left for it.
    static func conceptNumber(_ name: some StringProtocol, into out: Output) -> Int? {
        out.numbering.numbers[String(name)]
    }

    /// Reads one line of a `*.model` file: `bias`, `threshold`, `alert` and `veto` (probabilities) or a feature
    /// (`2:kill|myself`) with one weight per ``CategoryModel/categories`` entry, and optionally one
    /// for ``CategoryModel/positiveColumn`` and then one for ``CategoryModel/rudeColumn``.
    private static func readModelLine(_ line: Substring, file: String, line lineNumber: Int, into out: inout Output, units: inout [TextUnit]) {
        func issue(_ message: String) {
            out.issues.append(LexiconIssue(.badModel, file: file, line: lineNumber, message))
        }
        let fields = Self.fields(line, UInt8(ascii: "\t"))
        let count = CategoryModel.categories.count
        // The `positive` and `rude` columns after the categories' are optional.
        guard (count + 1...count + 3).contains(fields.count) else {
            return issue("expected a feature and \(count) weights (\(count + 1) with `positive`, \(count + 2) with `rude`), found \(fields.count) field(s)")
        }
        let values = fields.dropFirst().compactMap { Float($0) }.filter(\.isFinite)
        guard values.count == fields.count - 1 else { return issue("the weights must be \(fields.count - 1) numbers") }
        switch fields[0] {
        case "bias":
            for (k, v) in values.enumerated() { out.model.bias[k] = v }
        case "threshold":
            guard values.allSatisfy({ $0 > 0 && $0 < 1 }) else { return issue("thresholds are probabilities between 0 and 1") }
            // Compared with log-odds, so the probability's logit.
            for (k, p) in values.enumerated() { out.model.thresholds[k] = logf(p / (1 - p)) }
        case "alert":
            guard values.allSatisfy({ $0 > 0 && $0 < 1 }) else { return issue("alert thresholds are probabilities between 0 and 1") }
            out.model.alertThresholds = values.map { p in logf(p / (1 - p)) }
        case "veto":
            guard values.allSatisfy({ $0 >= 0 && $0 < 1 }) else { return issue("vetoes are probabilities from 0 (never) up to 1") }
            // A category the model never overrules keeps −∞ (logf(0)).
            out.model.vetoes = values.prefix(count).map { p in p == 0 ? -.infinity : logf(p / (1 - p)) }
        default:
            let name = fields[0]
            guard let colon = name.firstIndex(of: ":"), let arity = Int(name[..<colon]), (1...3).contains(arity) else {
                return issue("`\(name)`: a feature is 1:unit, 2:unit|unit or 3:unit|unit|unit")
            }
            let parts = Self.fields(name[name.index(after: colon)...], UInt8(ascii: "|"))
            guard parts.count == arity else { return issue("`\(name)` has \(parts.count) unit(s), not \(arity)") }
            var keys: [UInt32] = []
            for part in parts {
                var bytes = Array(part.utf8)
                if units.count < bytes.count + 1 { units = Array(repeating: TextUnit(), count: bytes.count + 1) }
                var lookup = LookupOnly(base: out.words)
                let stats = bytes.withUnsafeMutableBufferPointer { b in
                    units.withUnsafeMutableBufferPointer { u in
                        Tokenizer.tokenize(UnsafeBufferPointer(b), scriptMap: out.scriptMap, resolver: &lookup, into: u)
                    }
                }
                let matched = units[..<stats.units].filter { $0.kind == .word || $0.kind == .cjk }
                guard stats.units == 1, let unit = matched.first, unit.kind == .cjk || unit.hash != 0 else {
                    return issue("`\(part)` in `\(name)` is not one word or one character")
                }
                keys.append(CategoryModel.unitKey(unit))
            }
            out.model.features.append(CategoryModel.Feature(name: String(name), units: keys, weights: values))
        }
    }

    /// Emoticons are matched whole, as symbols: `:)`, `:-(`, `<3`, `:d`, `^_^`.
    static func isEmoticon(_ term: String) -> Bool {
        guard let first = term.utf8.first, term.utf8.count >= 2, term.utf8.count <= 4 else { return false }
        return Tokenizer.mayOpenEmoticon(first) && term.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
