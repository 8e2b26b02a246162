/// How a customer's line opens by handing the agent's last words back: as a question ("Still
/// in Chicago? How do you people…", 再提交？上兩次都係咁講, 四個鐘？), incredulous, or as a
/// statement ("Pending. It's the eighteenth.", 原件。交材料那天你们的人说扫描件就可以,
/// "“Weren't aware of them.” My salary…"), flat. Either doubts what was just offered or
/// claimed, without a feeling word. Only a short first clause counts, quotes around it
/// ignored; a greeting, a "sorry?" or an "OK" is no echo. A byte scan, no allocation.
enum Echo: Equatable, Sendable {
    case question
    case statement

    /// `afterOneWord`: the echo looked for in the second clause, after a one-word first one
    /// ("Wonderful. A trace.", "Great. Chasing."): a comment, then the agent's words.
    static func of(_ reply: String, after previous: String, afterOneWord: Bool = false) -> Echo? {
        guard !previous.isEmpty, !reply.isEmpty else { return nil }
        var reply = reply, previous = previous
        return reply.withUTF8 { r in
            previous.withUTF8 { p in
                guard afterOneWord else { return of(r, after: p) }
                guard let rest = restAfterOneWord(r) else { return nil }
                return of(UnsafeBufferPointer(rebasing: r[rest...]), after: p)
            }
        }
    }

    /// Where the second clause starts, when the first is a single word of letters ("Wonderful.",
    /// "好极了。") followed by more.
    private static func restAfterOneWord(_ r: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, han = 0, letters = 0
        while i < r.count {
            let b = r[i]
            if b < 0x80 {
                if isAlphanumeric(b) && b >= 0x41 { letters += 1; i += 1; continue }
                guard b == 0x2E || b == 0x21 || b == 0x2C, han + letters > 0 else { return nil } // . ! ,
                i += 1
                break
            }
            let (scalar, length) = decode(r, at: i)
            if scalar >= 0x4E00 && scalar <= 0x9FFF {
                han += 1
                i += length
                continue
            }
            guard Self.clauseMarks.contains(scalar), han > 0, letters == 0 else { return nil }
            i += length
            break
        }
        guard han <= 3, han == 0 || letters == 0 else { return nil }
        while i < r.count, r[i] == 0x20 { i += 1 }
        return i < r.count ? i : nil
    }

    static func of(_ r: UnsafeBufferPointer<UInt8>, after p: UnsafeBufferPointer<UInt8>) -> Echo? {
        var start = 0
        var end = 0, han = 0, words = 0, letters = 0, inWord = false
        var kind = Echo.statement
        scan: while true {
            guard end < r.count else { return nil } // the whole line: no clause handed back
            let b = r[end]
            if b < 0x80 {
                switch b {
                case 0x3F: kind = .question; break scan // ?
                case 0x2E, 0x2C, 0x21, 0x3B, 0x3A, 0x7E, 0x0A: break scan // . , ! ; : ~ newline
                default: break
                }
                if isAlphanumeric(b) {
                    if !inWord { words += 1 }
                    inWord = true
                    if b >= 0x41 { letters += 1 }
                } else if b != 0x27 && b != 0x2D { // an apostrophe or a hyphen stays inside a word
                    inWord = false
                }
                end += 1
                continue
            }
            inWord = false
            let (scalar, length) = decode(r, at: end)
            if scalar == 0xFF1F { kind = .question; break scan } // ？
            if Self.clauseMarks.contains(scalar) { break scan }
            if scalar >= 0x4E00 && scalar <= 0x9FFF { han += 1 }
            end += length
        }
        // Spaces and quotes around the clause are not the agent's words.
        while start < end, let n = quoteOrSpace(r, at: start) { start += n }
        while end > start, let n = quoteOrSpace(r, endingAt: end) { end -= n }
        guard end > start else { return nil }
        let clause = UnsafeBufferPointer(rebasing: r[start..<end])
        if Self.noEcho.contains(where: { equalsIgnoringCase(clause, $0) }) { return nil }
        let short = han > 0 ? (2...8).contains(han + words) : (1...4).contains(words) && letters >= 4
        // Neither a short clause nor a question that may open with the agent's words: no search.
        guard short || (kind == .question && han + words <= 12) else { return nil }
        let matched = matchedPrefix(of: clause, in: p)
        // The agent's own question answered with its words (后来找到了吗？ — 找到了！; "Did it
        // arrive?" — "It arrived.") is a yes, not a doubt.
        if short, matched == clause.count { return kind == .statement && isAsked(clause, in: p) ? nil : kind }
        // A longer question may open with the agent's words ("In the backlog for three months?"):
        // at least two characters or a word of six letters handed back, ending where a word ends.
        guard kind == .question, han + words <= 12, matched > 0, !asksSomething(clause) else { return nil }
        let prefix = UnsafeBufferPointer(rebasing: clause[0..<matched])
        var prefixHan = 0, prefixLetters = 0, k = 0
        while k < prefix.count {
            let b = prefix[k]
            if b < 0x80 {
                if isAlphanumeric(b) && b >= 0x41 { prefixLetters += 1 }
                k += 1
            } else {
                let (scalar, length) = decode(prefix, at: k)
                if scalar >= 0x4E00 && scalar <= 0x9FFF { prefixHan += 1 }
                k += length
            }
        }
        let endsWord = matched == clause.count || !isAlphanumeric(clause[matched]) || !isAlphanumeric(clause[matched - 1])
        return endsWord && (prefixHan >= 2 || prefixLetters >= 6) ? kind : nil
    }

    /// The length of a space or a quotation mark starting at `i` (" ' “ ” ‘ ’ 「 」 『 』), if one does.
    private static func quoteOrSpace(_ r: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if r[i] == 0x20 || r[i] == 0x22 || r[i] == 0x27 { return 1 }
        guard i + 2 < r.count else { return nil }
        return isQuote(r[i], r[i + 1], r[i + 2]) ? 3 : nil
    }

    /// The length of a space or a quotation mark ending just before `end`, if one does.
    private static func quoteOrSpace(_ r: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        let b = r[end - 1]
        if b == 0x20 || b == 0x22 || b == 0x27 { return 1 }
        guard end >= 3 else { return nil }
        return isQuote(r[end - 3], r[end - 2], r[end - 1]) ? 3 : nil
    }

    /// “ ” ‘ ’ (E2 80 9C/9D/98/99) and 「 」 『 』 (E3 80 8C–8F).
    private static func isQuote(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        (a == 0xE2 && b == 0x80 && (c == 0x9C || c == 0x9D || c == 0x98 || c == 0x99))
            || (a == 0xE3 && b == 0x80 && c >= 0x8C && c <= 0x8F)
    }

    /// Clause marks that end a first clause: ，。！；：…、～.
    private static let clauseMarks: [UInt32] = [0xFF0C, 0x3002, 0xFF01, 0xFF1B, 0xFF1A, 0x2026, 0x3001, 0xFF5E]

    /// Short clauses that echo anything without doubting it: a greeting, a "sorry?", an "OK".
    private static let noEcho: [[UInt8]] = [
        "hello", "sorry", "pardon", "really", "right", "okay", "yeah", "seriously", "thank you", "thanks",
        "sure", "fine", "great", "perfect", "lovely", "understood", "got it", "goodbye", "cheers",
        "没问题", "沒問題", "可以", "收到", "收到了", "好的", "好嘅", "再见", "再見", "谢谢", "謝謝", "唔该", "唔該", "明白了",
        "你好", "您好", "是吗", "真的吗", "真的", "係咩", "系咩", "咩話", "咩话", "對嗎", "对吗",
        "是不是", "好嗎", "好吗", "可以嗎", "可以吗", "係咪", "系咪", "明白", "什麼", "什么", "乜嘢", "喂",
    ].map { Array($0.utf8) }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    private static func decode(_ r: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = r[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + length <= r.count, length > 1 else { return (UInt32(b), 1) }
        var scalar = UInt32(b) & (0xFF >> (length + 1))
        for k in 1..<length { scalar = scalar << 6 | UInt32(r[i + k] & 0x3F) }
        return (scalar, length)
    }

    /// Whether `text` is `word` (lower case), ASCII letters in any case.
    private static func equalsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard text.count == word.count else { return false }
        for k in 0..<word.count where lower(text[k]) != word[k] { return false }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `needle` occurs in `haystack`, ASCII letters in any case.
    /// Words that make a question ask for something ("緩繳專案是怎麼算的？", "the refund, when
    /// does it come?"): such a question opening with the agent's words is no echo.
    private static let questionWords: [[UInt8]] = [
        "how", "what", "why", "when", "where", "which", "who", "can i", "could i", "do i", "is it", "does it",
        "怎么", "怎麼", "什么", "什麼", "为什么", "為什麼", "多少", "几", "幾", "哪", "吗", "嗎", "呢", "是不是",
        "可不可以", "能不能", "点样", "點樣", "咩", "乜", "边度", "邊度", "系咪", "係咪", "可唔可以",
    ].map { Array($0.utf8) }

    private static func asksSomething(_ clause: UnsafeBufferPointer<UInt8>) -> Bool {
        for word in questionWords where word.count <= clause.count {
            outer: for i in 0...(clause.count - word.count) {
                for k in 0..<word.count where lower(clause[i + k]) != word[k] { continue outer }
                // An English word stands alone ("how", not "show").
                if word[0] < 0x80 {
                    if i > 0, isAlphanumeric(clause[i - 1]) { continue }
                    if i + word.count < clause.count, isAlphanumeric(clause[i + word.count]) { continue }
                }
                return true
            }
        }
        return false
    }

    /// Whether `needle` stands in `haystack` right before the question mark that ends its clause
    /// (找到了 in 后来找到了吗？), a few bytes of particle or "yet" between at most.
    private static func isAsked(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<haystack.count where haystack[i] != 0x20 {
            let (matched, end) = compare(needle, haystack, from: i)
            guard matched == needle.count else { continue }
            var k = end
            while k < haystack.count, k - end <= Self.questionTail {
                let b = haystack[k]
                if b == 0x3F { return true }
                if b == 0x2E || b == 0x2C || b == 0x21 || b == 0x3B { break }
                if b >= 0x80 {
                    let (scalar, length) = decode(haystack, at: k)
                    if scalar == 0xFF1F { return true }
                    if Self.clauseMarks.contains(scalar) { break }
                    k += length
                } else {
                    k += 1
                }
            }
        }
        return false
    }

    /// Bytes between the words asked about and the question mark: 了吗, 未呀, " yet".
    private static let questionTail = 9

    /// Reads `needle` against `haystack` from `start`, spaces skipped in both and ASCII letters
    /// in any case: how many bytes of the needle matched, and where in the haystack the match ended.
    private static func compare(
        _ needle: UnsafeBufferPointer<UInt8>, _ haystack: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (matched: Int, end: Int) {
        var h = start, n = 0, matched = 0, end = start
        while n < needle.count, h < haystack.count {
            if needle[n] == 0x20 { n += 1; continue }
            if haystack[h] == 0x20 { h += 1; continue }
            guard lower(haystack[h]) == lower(needle[n]) else { break }
            h += 1
            n += 1
            matched = n
            end = h
        }
        return (matched, end)
    }

    /// How much of `needle`, from its start, stands somewhere in `haystack` (in bytes of the
    /// needle): spaces are skipped in both ("21號" is "21 號") and ASCII letters match in any case.
    private static func matchedPrefix(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        for i in 0..<haystack.count where haystack[i] != 0x20 {
            var lastMatched = compare(needle, haystack, from: i).matched
            // Only whole characters count: never stop inside a multi-byte one.
            while lastMatched > 0, lastMatched < needle.count, needle[lastMatched] & 0xC0 == 0x80 { lastMatched -= 1 }
            best = max(best, lastMatched)
            if best == needle.count { break }
        }
        return best
    }
}
