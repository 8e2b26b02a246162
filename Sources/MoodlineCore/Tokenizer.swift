/// Splits UTF-8 text into ``TextUnit``s while normalising it: full-width forms to ASCII,
/// traditional characters to simplified, curly quotes to straight ones, ASCII to lower case.
/// Works on bytes into caller-owned storage, so it allocates nothing.
/// Maps a traditional character to its simplified form.
protocol ScriptLookup {
    func simplified(_ scalar: UInt32) -> UInt32?
}

extension ScriptMap: ScriptLookup {}
extension FrozenScriptMap: ScriptLookup {}

enum Tokenizer {
    /// Tokenises `text` into `units`, which must hold at least `text.count + 1` units.
    static func tokenize<Resolver: WordResolver>(
        _ text: UnsafeBufferPointer<UInt8>, scriptMap: some ScriptLookup, resolver: inout Resolver,
        into units: UnsafeMutableBufferPointer<TextUnit>
    ) -> TokenStats {
        // 8 spare bytes: `hasTriple` reads whole words past the end of the word.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: WordTable.maxLength + 8) { word in
            var state = State(text: text, units: units, word: word)
            state.run(scriptMap: scriptMap, resolver: &resolver)
            if state.quotes > 0 { state.stats.units = keepQuotedSentences(units, count: state.stats.units) }
            return state.stats
        }
    }

    /// Keeps the quotation marks that enclose a quoted sentence (one clause ends and another
    /// follows inside, 「再乱扣我钱，我就去找消保官！」) and drops the others in place: a quoted phrase (还是“处理中”,
    /// "by end of day") is a name or an echo within its clause, and a lone mark quotes nothing.
    /// Returns the new unit count.
    static func keepQuotedSentences(_ units: UnsafeMutableBufferPointer<TextUnit>, count: Int) -> Int {
        var kept = 0
        var i = 0
        var closer = -1
        var phraseCloser = -1
        while i < count {
            let u = units[i]
            if u.kind == .quote {
                if i == closer {
                    closer = -1
                } else if closer < 0, !u.flags.contains(.closingMark), let end = sentenceQuoteEnd(units, from: i, count: count) {
                    closer = end
                } else {
                    // A quoted phrase's marks go, and its units are marked as quoted.
                    if i == phraseCloser {
                        phraseCloser = -1
                    } else if closer < 0, phraseCloser < 0, !u.flags.contains(.closingMark), let end = phraseQuoteEnd(units, from: i, count: count) {
                        phraseCloser = end
                        for k in (i + 1)..<end { units[k].flags.insert(.quotedPhrase) }
                    }
                    i += 1
                    continue
                }
            }
            units[kept] = u
            kept += 1
            i += 1
        }
        return kept
    }

    /// The index of the mark that closes a quoted sentence opened at `i`, if one does.
    private static func sentenceQuoteEnd(_ units: UnsafeMutableBufferPointer<TextUnit>, from i: Int, count: Int) -> Int? {
        // A break that only ends the quote ("please hold.") does not make it a sentence.
        var broken = false, sentence = false
        for k in (i + 1)..<count {
            switch units[k].kind {
            case .quote: return sentence ? k : nil
            case .clauseBreak, .exclamation, .question: broken = true
            default: sentence = sentence || broken
            }
        }
        return nil
    }

    /// The index of the mark that closes a quoted phrase opened at `i`: the next mark, with no
    /// break between, unless that mark opens a quoted sentence of its own.
    private static func phraseQuoteEnd(_ units: UnsafeMutableBufferPointer<TextUnit>, from i: Int, count: Int) -> Int? {
        for k in (i + 1)..<count {
            switch units[k].kind {
            case .quote:
                let closes = units[k].flags.contains(.closingMark) || sentenceQuoteEnd(units, from: k, count: count) == nil
                return k > i + 1 && closes ? k : nil
            case .clauseBreak, .exclamation, .question: return nil
            default: continue
            }
        }
        return nil
    }

    /// Emoticons open with punctuation other than the marks that have rules of their own.
    static func mayOpenEmoticon(_ a: UInt8) -> Bool {
        switch a {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "\""):
            false
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            true
        default:
            false
        }
    }

    private struct State {
        let text: UnsafeBufferPointer<UInt8>
        let units: UnsafeMutableBufferPointer<TextUnit>
        let word: UnsafeMutableBufferPointer<UInt8>
        var stats = TokenStats()
        /// Quotation marks seen: when there are any, the unpaired and the phrase quotes are dropped.
        var quotes = 0
        /// A single quotation mark opened a quoted phrase ('express' delivery): the next word
        /// that ends in an apostrophe closes it. An apostrophe is a quote mark only in such pairs.
        var singleQuoteOpen = false

        // The word being read, when it has to wait for the next character (a non-ASCII
        // character such as ’ may continue it); the ASCII fast path keeps these in registers.
        var wordLength = 0
        var wordStart = -1
        var wordEnd = 0
        var letters = 0
        /// Letters OR-ed together: bit 5 is set once any letter was lower case.
        var caseBits: UInt8 = 0
        var overflow = false
        /// FNV-1a of the word so far, kept as it is read so a flush need not hash it again.
        var wordHash: UInt32 = 2_166_136_261

        init(text: UnsafeBufferPointer<UInt8>, units: UnsafeMutableBufferPointer<TextUnit>, word: UnsafeMutableBufferPointer<UInt8>) {
            self.text = text
            self.units = units
            self.word = word
        }

        mutating func emit(_ kind: TextUnit.Kind, key: UInt32 = 0, hash: UInt32 = 0, flags: TextUnit.Flags = [], start: Int, end: Int) {
            units[stats.units] = TextUnit(key: key, hash: hash, kind: kind, flags: flags, start: Int32(start), end: Int32(end))
            stats.units += 1
        }

        mutating func run<Resolver: WordResolver, Map: ScriptLookup>(scriptMap: Map, resolver: inout Resolver) {
            var i = 0
            let n = text.count
            while i < n {
                let start = i
                let b = text[i]
                if Self.isAlphanumeric(b) {
                    i = scanASCIIWord(from: i, resolver: &resolver)
                    continue
                }
                if b == 0x20 {
                    flushWord(&resolver)
                    i += 1
                    // Chat Chinese separates sentences with a space (你在逗我吗 脑残), often after an
                    // emoji (喔😅 抽不到本来就是…): before a Chinese character it ends a clause as a
                    // comma does.
                    if i < n, text[i] >= 0xE3, text[i] <= 0xE9, stats.units > 0,
                       units[stats.units - 1].kind == .cjk || units[stats.units - 1].kind == .emoji,
                       units[stats.units - 1].end == Int32(start) {
                        emit(.clauseBreak, flags: .softBreak, start: start, end: i)
                    }
                    continue
                }
                var c: UInt32
                if b < 0x80 {
                    c = UInt32(b)
                    i += 1
                } else {
                    (c, i) = Self.decode(text, at: i)
                    switch c {
                    case 0xFF01...0xFF5E: c -= 0xFEE0 // full-width ASCII
                    case 0x3000: c = 0x20
                    case 0x3001, 0xFF64:
                        // 、 lists things: a soft break that keeps the clause's report going.
                        flushWord(&resolver)
                        emit(.clauseBreak, flags: [.softBreak, .listBreak], start: start, end: i)
                        continue
                    case 0x3002, 0xFF61, 0x2026: c = 0x2E // 。 … → .
                    case 0x2018, 0x2019, 0x2032: c = 0x27
                    case 0xFE0E, 0xFE0F, 0x200B, 0x200D, 0x1F3FB...0x1F3FF:
                        continue // presentation selectors, joiners and skin tones carry no meaning here
                    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
                        flushWord(&resolver)
                        var key = c
                        if let simplified = scriptMap.simplified(c) {
                            key = simplified
                            stats.traditional = true
                        }
                        stats.cjk += 1
                        emit(.cjk, key: key, start: start, end: i)
                        continue
                    case 0x3105...0x312F where scriptMap.simplified(c) != nil:
                        // 注音文: Taiwanese chat writes a Zhuyin letter for a whole syllable (ㄅ想活ㄌ,
                        // 不想活了); the map names the character it stands for.
                        flushWord(&resolver)
                        stats.traditional = true
                        stats.cjk += 1
                        emit(.cjk, key: scriptMap.simplified(c) ?? c, start: start, end: i)
                        continue
                    case 0x300A, 0x3008: // 《 〈
                        // A title (《自杀小队》, 《给笨蛋的投资入门》) names a work: its words are
                        // not the speaker's, so it is one unmatchable unit when it closes soon.
                        flushWord(&resolver)
                        if let end = Self.titleEnd(text, from: i, closer: c + 1) {
                            emit(.other, start: start, end: end)
                            i = end
                        }
                        continue
                    case 0x201C, 0x201D, 0x300C...0x300F:
                        flushWord(&resolver)
                        emit(.quote, start: start, end: i)
                        quotes += 1
                        continue
                    case 0x2190...0x2BFF, 0x1F000...0x1FAFF:
                        flushWord(&resolver)
                        emit(.emoji, key: c, start: start, end: i)
                        continue
                    default:
                        if c < 0x80 { break }
                        flushWord(&resolver)
                        // Quotes, dashes and brackets separate; letters of other scripts are unmatchable units.
                        if !Self.isSeparator(c) { emit(.other, start: start, end: i) }
                        continue
                    }
                }
                ascii(UInt8(c), start: start, end: i, resolver: &resolver)
                if skipTo > i { i = skipTo }
            }
            flushWord(&resolver)
        }

        mutating func ascii<Resolver: WordResolver>(_ a: UInt8, start: Int, end: Int, resolver: inout Resolver) {
            switch a {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                letters += 1
                caseBits |= a
                append(a | 0x20, start: start, end: end)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                append(a, start: start, end: end)
            case UInt8(ascii: "'"):
                if wordLength > 0 {
                    append(a, start: start, end: end)
                } else if singleQuoteOpen {
                    // after punctuation: 'we're escalating it??'
                    emit(.quote, flags: .closingMark, start: start, end: end)
                    quotes += 1
                    singleQuoteOpen = false
                } else if Self.opensSingleQuote(text, at: start, end: end) {
                    emit(.quote, start: start, end: end)
                    quotes += 1
                    singleQuoteOpen = true
                }
            case UInt8(ascii: "-"):
                if wordLength > 0, end < text.count, Self.isLetter(text[end]) { append(a, start: start, end: end) } else { flushWord(&resolver) }
            default:
                flushWord(&resolver)
                if start + 1 == end, Tokenizer.mayOpenEmoticon(a), let (key, length) = emoticon(at: start, resolver: resolver) {
                    emit(.symbol, key: key, start: start, end: start + length)
                    skipTo = start + length
                    return
                }
                switch a {
                case UInt8(ascii: "!"): emit(.exclamation, start: start, end: end)
                case UInt8(ascii: "?"): emit(.question, start: start, end: end)
                case UInt8(ascii: ","):
                    // A Chinese comma (，、, several bytes) is soft whatever stands before it
                    // (她说要打12315，还要……); an ASCII one only after a Chinese character.
                    let chinese = end - start > 1 || (stats.units > 0 && units[stats.units - 1].kind == .cjk)
                    emit(.clauseBreak, flags: chinese ? .softBreak : [], start: start, end: end)
                case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), 0x0A:
                    emit(.clauseBreak, start: start, end: end)
                case UInt8(ascii: "\""):
                    emit(.quote, start: start, end: end)
                    quotes += 1
                default: break
                }
            }
        }

        /// The fast path for the common case: reads a run of ASCII letters and digits (with
        /// inner apostrophes and hyphens) in one loop. When an ASCII byte (or the end) stops
        /// it, nothing can continue the word, so it is looked up and emitted right here and
        /// the state is never touched; a following space is skipped too. Only a non-ASCII
        /// stop (’, a full-width letter, a joiner) leaves the word in the state for `append`.
        @inline(__always)
        mutating func scanASCIIWord<Resolver: WordResolver>(from i: Int, resolver: inout Resolver) -> Int {
            let n = text.count
            let bytes = text.baseAddress!
            let continued = wordLength > 0
            let start = continued ? wordStart : i
            // Fresh words start from the reset state, so reading it costs nothing extra.
            var length = wordLength, cases = caseBits, count = letters, full = overflow
            var h = wordHash
            var j = i
            // Bytes kept stop at the word buffer's end; past it the word is only read through.
            let stop = min(n, j + (WordTable.maxLength - length))
            // Byte j goes to word[length + j - i]; counting the rare non-letters instead of the
            // letters keeps the common path to a few instructions a byte.
            let out = word.baseAddress! + (length - i)
            var others = 0
            while j < stop {
                let a = bytes[j]
                let lowered = a | 0x20 // digits, ' and - have bit 5 set already
                if lowered &- 0x61 < 26 {
                    cases |= a
                } else if Self.continuesWord(a, at: j, in: bytes, count: n, inWord: length + j > i) {
                    others += 1
                } else {
                    break
                }
                out[j] = lowered
                h = (h ^ UInt32(lowered)) &* 16_777_619
                j += 1
            }
            count += (j - i) - others
            length += j - i
            if j == stop {
                while j < n, Self.continuesWord(bytes[j], at: j, in: bytes, count: n, inWord: true) {
                    if (bytes[j] | 0x20) &- 0x61 < 26 { count += 1; cases |= bytes[j] }
                    full = true
                    j += 1
                }
            }
            if j < n && bytes[j] >= 0x80 {
                wordStart = start
                wordHash = h
                wordLength = length; caseBits = cases; letters = count; overflow = full
                wordEnd = j
                return j
            }
            if continued { resetWord() }
            finishWord(length: length, hash: h, letters: count, caseBits: cases, overflow: full, start: start, end: j, resolver: &resolver)
            return j < n && bytes[j] == 0x20 ? j + 1 : j
        }

        /// Whether byte `a` at `j` belongs to the word: letters, digits, and (inside a word)
        /// an apostrophe, or a hyphen followed by a letter or a digit: a case or order number
        /// (SB-448120) stays one code, never the slang its letters spell.
        @inline(__always)
        static func continuesWord(_ a: UInt8, at j: Int, in bytes: UnsafePointer<UInt8>, count n: Int, inWord: Bool) -> Bool {
            if (a | 0x20) &- 0x61 < 26 || a &- 0x30 < 10 { return true } // digits: 12315 is a lexicon term
            guard inWord else { return false }
            return a == 0x27 || (a == 0x2D && j + 1 < n && (isLetter(bytes[j + 1]) || bytes[j + 1] &- 0x30 < 10)) // don't, rip-off, SB-448120
        }

        @inline(__always)
        static func isAlphanumeric(_ a: UInt8) -> Bool {
            (a >= 0x30 && a <= 0x39) || ((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }

        /// Set when an emoticon consumed more bytes than the character being read.
        var skipTo = 0

        mutating func append(_ a: UInt8, start: Int, end: Int) {
            if wordLength == 0 { wordStart = start }
            wordEnd = end
            if wordLength < WordTable.maxLength {
                word[wordLength] = a
                wordLength += 1
                wordHash = (wordHash ^ UInt32(a)) &* 16_777_619
            } else {
                overflow = true
            }
        }

        /// Emits the word kept in the state, if any, and clears it.
        mutating func flushWord<Resolver: WordResolver>(_ resolver: inout Resolver) {
            // An empty word leaves every field at its reset value: nothing to clear.
            guard wordLength > 0 else { return }
            let length = wordLength, hash = wordHash, count = letters, cases = caseBits, full = overflow
            resetWord()
            finishWord(length: length, hash: hash, letters: count, caseBits: cases, overflow: full, start: wordStart, end: wordEnd, resolver: &resolver)
        }

        @inline(__always)
        mutating func resetWord() {
            wordLength = 0; caseBits = 0; letters = 0; overflow = false
            wordHash = 2_166_136_261
        }

        /// Looks a finished word up and emits it. `length` bytes of `word` hold it, lower-cased.
        @inline(__always)
        mutating func finishWord<Resolver: WordResolver>(
            length wordLength: Int, hash: UInt32, letters: Int, caseBits: UInt8, overflow: Bool, start: Int, end: Int,
            resolver: inout Resolver
        ) {
            var length = wordLength
            while length > 0, word[length - 1] == UInt8(ascii: "'") || word[length - 1] == UInt8(ascii: "-") { length -= 1 }
            guard length > 0 else { return }
            var key = TextUnit.unknownWord
            var unitHash: UInt32 = 0
            // Elongation (a letter three times running) is found only when it matters: the lexicon
            // knows it per word for hits, and misses scan for it. Words too long to keep are never
            // matched, so their flag would never be read.
            var elongated = false
            if !overflow {
                let w = UnsafeBufferPointer(start: word.baseAddress, count: length)
                // A stripped trailing apostrophe or hyphen changes the hash; that is rare.
                let hash = length == wordLength ? hash : WordTable.hash(w)
                unitHash = hash
                if let id = resolver.resolve(w, hash: hash) {
                    key = TextUnit.wordBase | id
                    elongated = resolver.isElongated(id, w)
                } else if length > 3, word[length - 2] == UInt8(ascii: "'"), word[length - 1] == UInt8(ascii: "s"),
                          case let stem = UnsafeBufferPointer(rebasing: word[..<(length - 2)]),
                          let id = resolver.find(stem, hash: WordTable.hash(stem)) {
                    // "the rope's ready", "your app's getting deleted": a possessive or "is"
                    // the lexicon does not list reads as its noun.
                    key = TextUnit.wordBase | id
                } else if let (id, gHash) = droppedG(length: length, hash: hash, resolver: &resolver) {
                    key = TextUnit.wordBase | id
                    unitHash = gHash
                } else if let (id, lHash) = lettersForDigits(length: length, resolver: &resolver) {
                    key = TextUnit.wordBase | id
                    unitHash = lHash
                } else if Self.hasTriple(word.baseAddress!, count: length), WordTable.hasLetterRun(w) {
                    elongated = true
                    // "sooo" → "soo" → "so"
                    // Each pass works on the previous one's result: "baaaad" → "baad" → "bad".
                    var current = length
                    for keep in [2, 1] {
                        current = collapse(length: current, keep: keep)
                        let w = UnsafeBufferPointer(rebasing: word[..<current])
                        let collapsedHash = WordTable.hash(w)
                        if let id = resolver.find(w, hash: collapsedHash) {
                            key = TextUnit.wordBase | id
                            unitHash = collapsedHash
                            break
                        }
                    }
                }
            }
            var flags: TextUnit.Flags = []
            if letters > 0 {
                flags.insert(.hasLetters)
                stats.words += 1
            }
            // Two letters or more, none of them lower case.
            if letters >= 2 && caseBits & 0x20 == 0 {
                flags.insert(.allCaps)
                stats.capsWords += 1
            }
            if elongated { flags.insert(.elongated) }
            emit(.word, key: key, hash: unitHash, flags: flags, start: start, end: end)
            if singleQuoteOpen, length < wordLength, word[length] == UInt8(ascii: "'") {
                singleQuoteOpen = false
                let width = text[end - 1] == UInt8(ascii: "'") ? 1 : 3 // ' or ’
                emit(.quote, flags: .closingMark, start: end - width, end: end)
                quotes += 1
            }
        }

        /// Whether an apostrophe at `start` (ending at `end`) opens a quoted phrase: it stands
        /// before a word, not after one, and an apostrophe that ends a word follows within a
        /// short stretch ('express' delivery, 'we're escalating it'). "'em" and "'cause" open
        /// nothing: no word after them ends in one.
        static func opensSingleQuote(_ text: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
            let n = text.count
            guard end < n, isAlphanumeric(text[end]), start == 0 || !isAlphanumeric(text[start - 1]) else { return false }
            var k = end + 1
            while k < min(n, end + Self.singleQuoteReach) {
                let b = text[k]
                if b == 0x0A { return false }
                let width = b == 0x27 ? 1 : (b == 0xE2 && k + 2 < n && text[k + 1] == 0x80 && text[k + 2] == 0x99 ? 3 : 0)
                if width > 0, isAlphanumeric(text[k - 1]) || text[k - 1] == UInt8(ascii: "?") || text[k - 1] == UInt8(ascii: "!"),
                   k + width == n || !isAlphanumeric(text[k + width]) {
                    return true
                }
                k += max(width, 1)
            }
            return false
        }
        /// How many bytes after an opening apostrophe its closing one may stand.
        static let singleQuoteReach = 80

        /// "cancellin", "nothin'", "keepin": an unknown word of five letters or more ending in -in,
        /// looked up with the g the speaker dropped (the word buffer has room past the word).
        /// Its id and hash, or nil.
        @inline(__always)
        func droppedG<Resolver: WordResolver>(length: Int, hash: UInt32, resolver: inout Resolver) -> (UInt32, UInt32)? {
            guard length >= 5, length < WordTable.maxLength,
                  word[length - 2] == UInt8(ascii: "i"), word[length - 1] == UInt8(ascii: "n") else { return nil }
            word[length] = UInt8(ascii: "g")
            let gHash = (hash ^ UInt32(UInt8(ascii: "g"))) &* 16_777_619
            guard let id = resolver.find(UnsafeBufferPointer(rebasing: word[..<(length + 1)]), hash: gHash) else { return nil }
            return (id, gHash)
        }

        /// "d1e", "id10t", "k1ll", "b1tch": digits written for the letters they look like (0 o,
        /// 1 i, 3 e, 4 a, 5 s, 7 t) inside an unknown word that begins and ends with a letter,
        /// looked up with the letters put back, in place. Its id and hash, or nil. A code such as
        /// "sw1a" or "mp3" spells no word, so it stays unknown.
        @inline(__always)
        func lettersForDigits<Resolver: WordResolver>(length: Int, resolver: inout Resolver) -> (UInt32, UInt32)? {
            guard length >= 3, Self.isLetter(word[0]), Self.isLetter(word[length - 1]) else { return nil }
            var digits = 0
            for k in 1..<(length - 1) where word[k] &- 0x30 < 10 {
                guard Self.letterForDigit(word[k]) != nil else { return nil } // 2, 6, 8, 9 stand for no letter
                digits += 1
            }
            guard digits > 0 else { return nil }
            for k in 1..<(length - 1) { if let letter = Self.letterForDigit(word[k]) { word[k] = letter } }
            let w = UnsafeBufferPointer(start: word.baseAddress, count: length)
            let hash = WordTable.hash(w)
            guard let id = resolver.find(w, hash: hash) else { return nil }
            return (id, hash)
        }

        @inline(__always)
        static func letterForDigit(_ d: UInt8) -> UInt8? {
            switch d {
            case UInt8(ascii: "0"): UInt8(ascii: "o")
            case UInt8(ascii: "1"): UInt8(ascii: "i")
            case UInt8(ascii: "3"): UInt8(ascii: "e")
            case UInt8(ascii: "4"): UInt8(ascii: "a")
            case UInt8(ascii: "5"): UInt8(ascii: "s")
            case UInt8(ascii: "7"): UInt8(ascii: "t")
            default: nil
            }
        }

        /// Whether some byte of the word is followed by two copies of itself: a cheap filter for
        /// elongation, six positions per 8-byte load. Reads up to 8 bytes past `count`, which
        /// the word buffer has room for.
        @inline(__always)
        static func hasTriple(_ p: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
            var k = 0
            while k + 2 < count {
                let x = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
                let pairs = x ^ (x >> 8) // byte b is zero when bytes b and b+1 are equal
                let triples = pairs | (pairs >> 8) // ... and b+2 as well
                // The lowest byte flagged here is the lowest zero byte, exactly.
                let zero = (triples &- 0x0101_0101_0101_0101) & ~triples & 0x8080_8080_8080_8080
                if zero != 0 {
                    let b = zero.trailingZeroBitCount >> 3
                    if b <= 5 && k + b + 2 < count { return true }
                }
                k += 6
            }
            return false
        }

        /// Rewrites the word with runs of a letter cut to `keep`; returns the new length.
        mutating func collapse(length: Int, keep: Int) -> Int {
            var out = 0
            var runLength = 0
            var previous: UInt8 = 0
            for k in 0..<length {
                let a = word[k]
                runLength = a == previous ? runLength + 1 : 1
                previous = a
                if runLength <= keep { word[out] = a; out += 1 }
            }
            return out
        }

        func emoticon(at start: Int, resolver: borrowing some WordResolver) -> (UInt32, Int)? {
            var length = 0
            while length < 4, start + length < text.count {
                let a = text[start + length]
                if a <= 0x20 || a >= 0x80 { break }
                word[length] = (a >= 0x41 && a <= 0x5A) ? a | 0x20 : a
                length += 1
            }
            var l = length
            while l >= 2 {
                let w = UnsafeBufferPointer(rebasing: word[..<l])
                if let id = resolver.find(w, hash: WordTable.hash(w)) { return (TextUnit.wordBase | id, l) }
                l -= 1
            }
            return nil
        }

        @inline(__always)
        static func isLetter(_ a: UInt8) -> Bool { (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A }

        /// The longest title read as one unit, in bytes (40 Chinese characters).
        static let titleBytes = 120

        /// Where the title opened just before `i` ends: just past `closer` (》 or 〉, three
        /// bytes in UTF-8), if it comes within ``titleBytes`` and no other title opens first.
        static func titleEnd(_ t: UnsafeBufferPointer<UInt8>, from i: Int, closer: UInt32) -> Int? {
            let last = min(t.count, i + titleBytes) - 3
            guard last >= i else { return nil }
            // All four marks are E3 80 xx in UTF-8.
            let closing = UInt8(0x80 | closer & 0x3F)
            for k in i...last where t[k] == 0xE3 && t[k + 1] == 0x80 {
                if t[k + 2] == closing { return k + 3 }
                if t[k + 2] == 0x8A || t[k + 2] == 0x88 { return nil } // another 《 or 〈
            }
            return nil
        }

        static func isSeparator(_ c: UInt32) -> Bool {
            switch c {
            case 0x00A0, 0x00B7, 0x2000...0x206F, 0x3003...0x303F, 0xFF5F...0xFF65, 0xFE30...0xFE4F: true
            default: false
            }
        }

        /// Decodes one scalar; malformed bytes become U+FFFD and advance by one.
        @inline(__always)
        static func decode(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
            let b = UInt32(t[i])
            let n = t.count
            @inline(__always) func cont(_ k: Int) -> UInt32? {
                guard k < n else { return nil }
                let x = t[k]
                return x & 0xC0 == 0x80 ? UInt32(x & 0x3F) : nil
            }
            if b & 0xE0 == 0xC0, let c1 = cont(i + 1) {
                let c = (b & 0x1F) << 6 | c1
                return c >= 0x80 ? (c, i + 2) : (0xFFFD, i + 1)
            }
            if b & 0xF0 == 0xE0, let c1 = cont(i + 1), let c2 = cont(i + 2) {
                let c = (b & 0x0F) << 12 | c1 << 6 | c2
                return c >= 0x800 ? (c, i + 3) : (0xFFFD, i + 1)
            }
            if b & 0xF8 == 0xF0, let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) {
                let c = (b & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                return c >= 0x10000 && c <= 0x10FFFF ? (c, i + 4) : (0xFFFD, i + 1)
            }
            return (0xFFFD, i + 1)
        }
    }
}
