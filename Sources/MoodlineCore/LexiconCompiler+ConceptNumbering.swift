extension LexiconCompiler {
    /// Concept numbers, planned from every file before any entry is read. A concept only
    /// English files name (`@en_noway`) and one only Chinese files name (`@zh_giveall`) may
    /// carry the same number: an entry keeps its concepts per script (``EntryConcepts``) and a
    /// pattern sees only its own script's, so the two never meet. A concept both scripts name,
    /// or a file of neither script names (`@self`, `@laugh`), is numbered first, apart from all
    /// others. So each language has ``ConceptSet/capacity`` numbers less the shared ones.
    struct ConceptNumbering {
        /// Numbers of the concepts entry files define; a name missing here is undefined, or
        /// one too many.
        private(set) var numbers: [String: Int] = [:]
        /// Names by number as English (`latin`) and Chinese (`han`) patterns see them.
        private(set) var latinNames: [String] = []
        private(set) var hanNames: [String] = []
        /// How many numbers the shared concepts take, and how many each script's own take.
        private(set) var shared = 0
        private(set) var latinOnly = 0
        private(set) var hanOnly = 0

        init() {}

        init(_ sources: [LexiconSource]) {
            var defined: [String] = []
            var isDefined = Set<String>()
            var scripts: [String: Set<Pattern.Script>] = [:]
            for source in sources where !source.isScriptMap && !source.isModelFile {
                let script = Pattern.Script(fileName: source.name)
                // Each name once per file: most lines of a concepts file repeat a few names.
                var seenInFile = Set<Substring>()
                LexiconCompiler.forEachLine(source.text) { _, line in
                    guard line.utf8.contains(UInt8(ascii: "@")) else { return }
                    let fields = LexiconCompiler.fields(line, UInt8(ascii: "\t"))
                    if source.isPatternFile {
                        for name in Self.names(inPattern: fields[0]) { scripts[name, default: []].insert(script) }
                    } else if fields.count == 3 {
                        for tag in LexiconCompiler.fields(fields[2], UInt8(ascii: ","), omittingEmpty: true)
                        where tag.hasPrefix("@") && seenInFile.insert(tag).inserted {
                            let name = String(tag.dropFirst())
                            scripts[name, default: []].insert(script)
                            if isDefined.insert(name).inserted { defined.append(name) }
                        }
                    }
                }
            }
            func isShared(_ name: String) -> Bool {
                // The speaker and the listener are read across scripts (who a fragment names).
                let seen = scripts[name] ?? []
                return name == "self" || name == "you" || seen.contains(.any) || (seen.contains(.latin) && seen.contains(.han))
            }
            let capacity = ConceptSet.capacity
            latinNames = Array(repeating: "", count: capacity)
            hanNames = Array(repeating: "", count: capacity)
            for name in defined where isShared(name) && shared < capacity {
                numbers[name] = shared
                latinNames[shared] = name
                hanNames[shared] = name
                shared += 1
            }
            for name in defined where !isShared(name) {
                let isLatin = scripts[name]?.contains(.latin) ?? false
                let number = shared + (isLatin ? latinOnly : hanOnly)
                guard number < capacity else { continue }
                numbers[name] = number
                if isLatin {
                    latinNames[number] = name
                    latinOnly += 1
                } else {
                    hanNames[number] = name
                    hanOnly += 1
                }
            }
        }

        /// The name of concept `number` as a pattern of `script` sees it.
        func name(_ number: Int, script: Pattern.Script) -> String {
            guard number >= 0 && number < latinNames.count else { return "?" }
            return script == .han ? hanNames[number] : latinNames[number].isEmpty ? hanNames[number] : latinNames[number]
        }

        /// The concept names a pattern's first field mentions (`@a|@b ..3 @c & @d`).
        static func names(inPattern field: Substring) -> [String] {
            field.split(whereSeparator: { $0 == " " || $0 == "|" }).compactMap {
                $0.hasPrefix("@") ? String($0.dropFirst()) : nil
            }
        }
    }
}
