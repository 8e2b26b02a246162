/// Reads one line of a `*.patterns` file:
///
///     @self ..3 @burden<TAB>self_harm<TAB>a burden on others
///
/// Parts are concepts (`@a|@b`: either); `..N` between two parts lets up to N units (words,
/// characters) stand between them, and parts written side by side must be adjacent. The
/// second field is a category tag or `scope:` and a ``ScopeCue`` name; the third, optional,
/// names the pattern in explanations. `@a & @b` asks for both anywhere in the fragment. A
/// fourth field `needs:@a|@b` keeps the category only in a fragment that has one of those
/// concepts too, in any clause.
///
///     @die|@burden|@method<TAB>support:self_harm<TAB>words that can carry self-harm
///
/// is no pattern: it names the concepts the learned layer needs in a fragment before it may
/// state the category on its own (distress alone is not self-harm).
///
///     @contact|@again<TAB>firm:repeat<TAB>words that tell of an earlier contact
///
/// is none either: a statement of the category in a fragment with none of those concepts is
/// weak (still stated, but a conversation waits for more before it alerts).
enum PatternParser {
    static func parse(_ line: Substring, file: String, line lineNumber: Int, into out: inout LexiconCompiler.Output) -> Pattern? {
        func fail(_ code: LexiconIssue.Code, _ message: String) -> Pattern? {
            out.issues.append(LexiconIssue(code, file: file, line: lineNumber, message))
            return nil
        }
        let fields = LexiconCompiler.fields(line, UInt8(ascii: "\t"))
        guard (2...4).contains(fields.count) else {
            return fail(.fieldCount, "expected `pattern<TAB>output<TAB>name<TAB>needs:@a|@b` (the last two optional), found \(fields.count) field(s)")
        }
        for kind in ["support", "firm"] where fields[1].hasPrefix(kind + ":") {
            guard let category = Category(tag: fields[1].dropFirst(kind.count + 1)) else {
                return fail(.unknownTag, "unknown category in `\(fields[1])`: \(kind):CATEGORY, one of \(Category.allCases.map(\.tag).joined(separator: ", "))")
            }
            var concepts = ConceptSet()
            for alternative in fields[0].split(separator: "|") {
                guard alternative.hasPrefix("@"), let number = LexiconCompiler.conceptNumber(alternative.dropFirst(), into: out) else {
                    return fail(.unknownConcept, "`\(alternative)` is not a defined concept: a \(kind) line is @a|@b|… (concepts tagged on terms)")
                }
                concepts.formUnion(ConceptSet(number))
            }
            if kind == "support" {
                out.learnedSupport[Int(category.rawValue)].formUnion(EntryConcepts(concepts, file: file))
            } else {
                out.firmEvidence[Int(category.rawValue)].formUnion(EntryConcepts(concepts, file: file))
            }
            return nil
        }
        let output: Pattern.Output
        if fields[1].hasPrefix("scope:") {
            guard let cue = ScopeCue(name: fields[1].dropFirst("scope:".count)) else {
                return fail(.unknownTag, "unknown scope `\(fields[1])`; known: \(ScopeCue.allCases.map { "scope:" + $0.name }.joined(separator: ", "))")
            }
            output = .scope(cue)
        } else {
            guard let category = Category(tag: fields[1]) else {
                return fail(.unknownTag, "unknown output `\(fields[1])`: a category (\(Category.allCases.map(\.tag).joined(separator: ", "))) or scope:NAME")
            }
            output = .category(category)
        }
        var parts: [ConceptSet] = []
        var gaps: [UInt8] = []
        var pendingGap: UInt8?
        let tokens = fields[0].split(separator: " ")
        let fragmentWide = tokens.contains("&")
        if fragmentWide {
            guard tokens.count == 3, tokens[1] == "&" else {
                return fail(.badPattern, "a fragment-wide pattern is two parts joined by ` & `, such as `@praise & @letdown`")
            }
        }
        for token in tokens where token != "&" {
            if token.hasPrefix("..") {
                guard !parts.isEmpty, pendingGap == nil, let n = Int(token.dropFirst(2)), (0...Pattern.maxGap).contains(n) else {
                    return fail(.badPattern, "`\(token)` must stand between two parts, as ..N with N from 0 to \(Pattern.maxGap)")
                }
                pendingGap = UInt8(n)
                continue
            }
            var part = ConceptSet()
            for alternative in token.split(separator: "|") {
                guard alternative.hasPrefix("@") else {
                    return fail(.badPattern, "`\(alternative)` is not a concept: parts are written @name (or @a|@b)")
                }
                guard let number = LexiconCompiler.conceptNumber(alternative.dropFirst(), into: out) else {
                    return fail(.unknownConcept, "concept `\(alternative)` is not defined by any entry (tag a term with it)")
                }
                part.formUnion(ConceptSet(number))
            }
            if !parts.isEmpty { gaps.append(pendingGap ?? 0) }
            pendingGap = nil
            parts.append(part)
        }
        guard !parts.isEmpty, pendingGap == nil else {
            return fail(.badPattern, "a pattern is one to \(Pattern.maxParts) parts, with gaps only between them")
        }
        guard parts.count <= Pattern.maxParts else {
            return fail(.badPattern, "a pattern has at most \(Pattern.maxParts) parts, found \(parts.count)")
        }
        var needs = ConceptSet()
        if fields.count == 4 {
            guard case .category = output, fields[3].hasPrefix("needs:") else {
                return fail(.badPattern, "a fourth field is `needs:@a|@b`, and only a category pattern takes one")
            }
            for alternative in fields[3].dropFirst("needs:".count).split(separator: "|") {
                guard alternative.hasPrefix("@"), let number = LexiconCompiler.conceptNumber(alternative.dropFirst(), into: out) else {
                    return fail(.unknownConcept, "`\(alternative)` is not a defined concept: needs: takes @a|@b|… (concepts tagged on terms)")
                }
                needs.formUnion(ConceptSet(number))
            }
        }
        let name = fields.count >= 3 && !fields[2].isEmpty ? String(fields[2]) : String(fields[0])
        return Pattern(parts: parts, gaps: fragmentWide ? [UInt8(Pattern.maxGap)] : gaps, output: output,
                       isFragmentWide: fragmentWide, needs: needs, script: Pattern.Script(fileName: file), name: name, file: file, line: lineNumber)
    }
}
