/// Turns lexicon files into the tables a ``Lexicon`` matches with, collecting every issue.
enum LexiconCompiler {
    struct Output {
        var entries: [Lexicon.Entry] = []
        var words = WordTable()
        var trie = UnitTrie()
        var scriptMap = ScriptMap()
        var issues: [LexiconIssue] = []
    }

    static func compile(_ sources: [LexiconSource]) -> Output {
        var out = Output()
        // Script maps first: terms are normalised with them, as text will be.
        for source in sources where source.isScriptMap { readMap(source, into: &out) }
        var units: [TextUnit] = []
        for source in sources where !source.isScriptMap {
            var count = 0
            forEachLine(source.text) { lineNumber, line in
                if readEntry(line, file: source.name, line: lineNumber, into: &out, units: &units) { count += 1 }
            }
            if count == 0 {
                out.issues.append(LexiconIssue(.noEntries, file: source.name, line: 0, "the file has no entries", isError: false))
            }
        }
        return out
    }

    private static func forEachLine(_ text: String, _ body: (Int, Substring) -> Void) {
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            body(lineNumber, line)
        }
    }

    private static func readMap(_ source: LexiconSource, into out: inout Output) {
        forEachLine(source.text) { lineNumber, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, fields[0].unicodeScalars.count == 1, fields[1].unicodeScalars.count == 1,
                  let from = fields[0].unicodeScalars.first, let to = fields[1].unicodeScalars.first
            else {
                out.issues.append(LexiconIssue(.badMapLine, file: source.name, line: lineNumber,
                    "a script-map line is one character, a tab, and one character"))
                return
            }
            out.scriptMap.add(traditional: from.value, simplified: to.value)
        }
    }

    /// Reads one entry line; returns whether it produced an entry.
    private static func readEntry(
        _ line: Substring, file: String, line lineNumber: Int, into out: inout Output, units: inout [TextUnit]
    ) -> Bool {
        func issue(_ code: LexiconIssue.Code, _ message: String, isError: Bool = true) {
            out.issues.append(LexiconIssue(code, file: file, line: lineNumber, message, isError: isError))
        }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
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
        var tagsOK = true
        if fields.count == 3 {
            for name in fields[2].split(separator: ",") {
                if let tag = LexiconTags(tag: name) {
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

        // Normalise the term exactly as text will be, so what is written is what matches.
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
            issue(.unmatchableTerm, "`\(term)` has punctuation or characters that text is never matched on")
            return false
        }
        if traditional {
            issue(.traditionalScript, "`\(term)` is in traditional script; it is matched as its simplified form — write that instead", isError: false)
        }
        out.entries.append(Lexicon.Entry(term: term, weight: weight, tags: tags, file: file, line: lineNumber))
        if let previous = out.trie.insert(path, entry: Int32(id)) {
            let p = out.entries[Int(previous)]
            issue(.duplicate, "`\(term)` is already defined at \(p.file):\(p.line); this line replaces it", isError: false)
        }
        utf8.removeAll()
        return true
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
